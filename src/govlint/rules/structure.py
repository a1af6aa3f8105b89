"""Structure rules (GL101–GL105, GL107, GL109, GL110): sections, tables, rows, cells and the title are where the
format puts them.  GL108, what govlint could not read, lives with the table rules (rules/tables.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint.diagnostics import Diagnostic, Severity
from govlint.model import Cell, CellStatus, Deviation, Report, Section, Span, Table, TableRow
from govlint.parsing.headings import MAX_HEADINGS, REPLACEMENT, numbered_headings
from govlint.parsing.numbering import without_numbering
from govlint.parsing.numbers import misread_digits
from govlint.rule import Rule, RuleContext, RuleMeta
from govlint.rules.places import (
    TABLE_NAME_EN,
    TABLE_SECTION,
    CellPlace,
    content_end,
    document_start,
    effective_format,
    has_other_all,
    line_of,
    place_in,
    row_name_in,
    section_anchor,
    softened,
    table_name,
)
from govlint.rules.strays import beyond_unread_rows, stray_value_lines
from govlint.schema import (
    APPLICATION_COLUMN_KEYS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    FORMATS,
    REVIEW_COLUMN_KEYS,
    SECTIONS,
    SECTIONS_BY_KEY,
    SECTIONS_BY_NUMBER,
    TABLE_KEYS,
    TABLE_PLACEHOLDER,
    TITLE_CORE,
    TITLE_CORE_VARIANTS,
    FormatSpec,
    SectionSpec,
    expected_format,
    normalize_label,
)

_ERROR = Severity.ERROR


#: A digit: a value printed on a line after a row's label.
_DIGIT = re.compile(r"\d")
_PRINTED_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")
#: A title with a gap where its year stands (``洪泽区人民政府 年政府信息公开…``), and the year alone on the next
#: line: a PDF's text extractor moved a year printed in another font (pdfplumber of a browser's PDF).
_YEAR_GAP = re.compile(r"\s年")
_YEAR_LINE = re.compile(r"[ \t]*((?:19|20)\d\d)[ \t]*(?:\n|$)")
#: What may be left of a title that names no body once the year and the core words are removed (besides
#: spaces and digits).
_TITLE_FILLER = frozenset("年度()[]《》\"'、,.:;-")


def _names_nothing(text: str) -> bool:
    """Whether ``text`` holds only filler: spaces, digits, 年, 度 and punctuation."""
    return all(c in _TITLE_FILLER or c.isspace() or c.isdecimal() for c in text)


def _expected_columns(table_key: str, row: str, spec: FormatSpec | None) -> tuple[str, ...]:
    if table_key == "applications":
        return APPLICATION_COLUMN_KEYS
    if table_key == "review_litigation":
        return REVIEW_COLUMN_KEYS
    if spec is not None:
        for sub in spec.art20:
            if any(r.key == row for r in sub.rows):
                return tuple(c.key for c in sub.columns)
    return ()


def lost_heading_lines(report: Report, number: int, ctx: RuleContext) -> tuple[Span, ...]:
    """The lines where section ``number`` should be, after the table of the section before it, that print
    values no row read and a word of the section's table, when that table was not read: the heading and the
    table may be there, lost by a converter (antiword printed table 四 on one line without its heading)."""
    spec = SECTIONS_BY_NUMBER[number]
    if spec.table is None or report.tables.get(spec.table) is not None:
        return ()
    earlier = [s for s in report.sections if s.number < number]
    if not earlier:
        return ()
    previous = max(earlier, key=lambda s: s.span.start)
    previous_table = SECTIONS_BY_NUMBER[previous.number].table
    table = report.tables.get(previous_table) if previous_table else None
    after = table.span.end if table is not None and table.span is not None else previous.span.end
    table_spec = report.table_spec(spec.table)
    words = table_spec.words if table_spec is not None else ()
    text = report.text
    return tuple(
        line
        for line in stray_value_lines(report, previous, ctx)
        if line.start >= after and any(word in text[line.start : line.end] for word in words)
    )


#: Latin-1 letters (but × and ÷) and U+FFFD: in a Chinese report only where a converter decoded the text with the
#: wrong code page (catdoc's ``*gÏ~`` / ``‰î•题及改进情况`` for a table and a heading) or could not decode it.
_GARBLED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\ufffd]")


def garbled_lines(report: Report, start: int, end: int) -> tuple[Span, ...]:
    """The lines in ``[start, end)`` that hold characters a converter garbled outside the tables read (from
    their start to their last row read): what stood there was not read.  A garbled cell of a table that was read
    is no lost heading or table (one U+FFFD in table 四 must not make a missing section 五 a notice about the
    reading); what follows a table's last row, within its span up to the next heading, may be."""
    text = report.text
    read = [span for table in report.tables.values() if table is not None and (span := _read_extent(table))]
    found: list[Span] = []
    at = start
    while (match := _GARBLED.search(text, at, end)) is not None:
        within = next((span for span in read if span[0] <= match.start() < span[1]), None)
        if within is not None:
            at = within[1]
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.start())
        line_end = len(text) if line_end == -1 else line_end
        found.append(report.span(line_start, line_end))
        at = line_end + 1
    return tuple(found)


def _read_extent(table: Table) -> tuple[int, int] | None:
    """Where ``table`` was read: from its start to the end of its last row read (None without either)."""
    ends = [row.span.end for row in table.rows.values() if row.span is not None]
    return (table.span.start, max(ends)) if table.span is not None and ends else None


def _place(report: Report, number: int) -> tuple[int, int]:
    """Where section ``number`` should be: from the heading of the section before it to that of the one after
    it (the text's ends when there is none)."""
    before = [s.span.start for s in report.sections if s.number < number]
    after = [s.span.start for s in report.sections if s.number > number]
    return max(before, default=0), min(after, default=len(report.text))


class MissingSection(Rule):
    meta = RuleMeta(
        code="GL101",
        name="missing-section",
        category="structure",
        severity=_ERROR,
        summary_zh="缺少必备部分（一至六）",
        summary_en="A required section (一 to 六) is missing",
        rationale=(
            "《中华人民共和国政府信息公开条例》第五十条 lists what an annual report must contain, and "
            "the uniform format (国办公开办函〔2021〕30号; the 2019 trial format likewise) arranges it "
            "in six numbered sections, 一、总体情况 to 六、其他需要报告的事项. A section whose heading "
            "is absent is reported where it should be: just before its table when the table is there "
            "(a table printed without its heading), else at the next section's heading, else (no section after "
            "it: a missing 六) where the previous section's content ends, before the 落款 that signs the report. "
            "Headings are "
            "recognised by their text, not by the numeral alone, so numbered sub-items and table rows "
            "such as 三、本年度办理结果 are not sections; a heading numbered as a part is one too "
            "(第一部分 总体情况). Where the section's place (between the sections before and after it) holds a "
            "heading numbered as the section in a wording govlint does not know (一、年度工作核心成效, "
            "五、存在的不足及改进措施; or numbered as a list item with the section's words, （三）收到和处理…, "
            "3.收到和处理…), or a line printing only the section's words without a number (a heading set in bold "
            "whose number was lost), the section may well be there: that is one warning about the "
            "reading (counted apart, never scored), not a missing section. So is a place that prints, after the "
            "previous section's table, values no row was read from and words of the section's own table (行政复议, "
            "结果维持 …), that table not being read: a converter may have lost the heading with the table "
            "(antiword); and a place holding, outside the tables read, characters a converter garbled (Latin-1 "
            "letters or U+FFFD amid the Chinese: catdoc's mojibake). Reports for years before 2019, when there was "
            "no national format, are not checked."
        ),
        bad_example=(
            "二、主动公开政府信息情况\n本年度主动公开信息41条。\n"
            "一、本年新收政府信息公开申请数量 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n…\n"
            "四、政府信息公开行政复议、行政诉讼情况"
        ),
        good_example=(
            "二、主动公开政府信息情况\n本年度主动公开信息41条。\n三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n…\n"
            "四、政府信息公开行政复议、行政诉讼情况"
        ),
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第五十条规定了年度报告应当包括的内容，统一格式（国办公开办函〔"
            "2021〕30号；2019年试行格式亦同）把它们排成六个部分：一、总体情况 至 六、其他需要报告的事项。"
            "缺少标题的部分在它应在的位置报告：表格在而标题缺失时，报告在表格之前；否则报告在下一部分的标题处"
            "；其后没有别的部分时（如缺少第六部分），报告在前一部分的内容之后、落款之前。标题按文字识别，而不只看序号，因此带序号的小标题和表格行（如“三、本年度办理结果”）不算部分；"
            "“第一部分 总体情况”这样的写法也算标题。该部分应在的位置（前后两部分之间）有以该部分序号编号、但措辞"
            "govlint 不认识的标题（如“一、年度工作核心成效”“五、存在的不足及改进措施”；"
            "或以列表序号编号、措辞与该部分相同，如“（三）收到和处理……”“3.收到和处理……”），或有一行只印该部分"
            "的文字而没有序号（加粗的标题丢了序号）时，"
            "该部分很可能存在：改为一条关于读取的警告（单独计数，不扣分），不报告缺少该部分。"
            "该位置在前一部分的表格之后印有未读取的数值和该部分表格的文字（行政复议、结果维持等）、而该表格未能读取时"
            "同样如此：转换工具（如 antiword）可能连同表格丢失了标题；该位置在已读取的表格之外有转换时产生的乱码"
            "（中文之间的拉丁字母或 U+FFFD，如 catdoc 的乱码）时也是如此。"
            "2019年以前（没有全国统一格式）的报告不作此项检查。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        if effective_format(report) is None:
            return
        present = {s.number for s in report.sections}
        for spec in SECTIONS:
            if spec.number in present:
                continue
            numbered = _numbered_in_place(report, spec.number)
            if numbered is not None:
                yield self._unrecognised(report, spec, *numbered)
                continue
            lost = lost_heading_lines(report, spec.number, ctx)
            if lost:
                yield self._lost(report, spec, lost)
                continue
            garbled = garbled_lines(report, *_place(report, spec.number))
            if garbled:
                yield self._garbled(report, spec, garbled)
                continue
            where_zh, where_en = _expected_where(report, spec)
            yield self.diagnostic(
                report,
                section_anchor(report, spec.number),
                zh=f"缺少第{spec.numeral}部分“{spec.title}”：应在{where_zh}",
                en=f"{spec.name_en} is missing: expected the heading “{spec.title}” {where_en}",
                key=f"section.{spec.key}",
                expected=spec.title,
            )

    def _garbled(self, report: Report, spec: SectionSpec, lines: tuple[Span, ...]) -> Diagnostic:
        """One finding about govlint's reading where the section's place holds text a converter garbled: the
        heading may be there, unreadable."""
        diagnostic = self.diagnostic(
            report,
            lines[0],
            zh=(
                f"未找到第{spec.numeral}部分的标题“{spec.title}”，但该处第{_lines(lines, '、', '等')}行有无法读取的"
                "字符（转换时产生的乱码）：标题可能就在其中，未核对"
            ),
            en=(
                f"the heading “{spec.title}” of {spec.name_en} was not found, but where it should be, line "
                f"{_lines(lines, ', ', ' …')} hold characters that could not be read (garbled by a converter): "
                "the heading may be there; it was not checked"
            ),
            key=f"section.{spec.key}",
            expected=spec.title,
            unread=True,
        )
        return softened(diagnostic)

    def _lost(self, report: Report, spec: SectionSpec, lines: tuple[Span, ...]) -> Diagnostic:
        """One finding about govlint's reading where the section's table was not read but lines of its values
        and words stand in its place: a converter may have lost the heading with the table (antiword)."""
        diagnostic = self.diagnostic(
            report,
            lines[0],
            zh=(
                f"未找到第{spec.numeral}部分的标题“{spec.title}”，但第{_lines(lines, '、', '等')}行印有该部分"
                "表格的数值和文字，未能读取：该部分可能就在此处，未核对"
            ),
            en=(
                f"the heading “{spec.title}” of {spec.name_en} was not found, but line "
                f"{_lines(lines, ', ', ' …')} print values and words of its table that could not be read: the "
                "section may be there; it was not checked"
            ),
            key=f"section.{spec.key}",
            expected=spec.title,
            unread=True,
        )
        return softened(diagnostic)

    def _unrecognised(self, report: Report, spec: SectionSpec, start: int, printed: str) -> Diagnostic:
        """One finding about govlint's reading where the section's place holds a heading numbered as the section
        in a wording govlint does not know (一、年度工作核心成效, 第五部分…, （三）…, 3.…): the section may well
        be there, so it is not reported missing."""
        if REPLACEMENT in printed:  # characters the reader could not decode (GL003): no wording to judge
            zh = f"第{spec.numeral}部分的标题有无法读取的字符：“{printed}”可能就是标准标题“{spec.title}”，未核对"
            en = (
                f"the heading of {spec.name_en} has characters that could not be read: “{printed}” "
                f"may be “{spec.title}”; it was not checked"
            )
        else:
            zh = (
                f"未能识别第{spec.numeral}部分的标题：“{printed}”的写法与标准标题“{spec.title}”不同，"
                "可能就是该部分，未核对"
            )
            en = (
                f"could not recognise the heading of {spec.name_en}: “{printed}” is not worded as "
                f"“{spec.title}” but may be that section; it was not checked"
            )
        diagnostic = self.diagnostic(
            report,
            line_of(report, report.span(start, start + len(printed))),
            zh=zh,
            en=en,
            key=f"section.{spec.key}",
            expected=spec.title,
            actual=printed,
            unread=True,
        )
        return softened(diagnostic)


#: How much text after a numbering is compared with the row labels and the section's wordings.
_WORDS_READ = 60
#: The row and group labels of table 三, whose numberings (三、本年度办理结果, (三)不予公开, 3.其他) are not headings.
_ROW_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            word
            for row in (*APPLICATION_ROWS_2021, *APPLICATION_ROWS_2019)
            for text in (row.label, *row.variants, row.group or "")
            if (word := normalize_label(without_numbering(text))[:4])
        }
    )
)


def _expected_where(report: Report, spec: SectionSpec) -> tuple[str, str]:
    """Where :func:`section_anchor` points, in words: "here" (before the section's table or the next heading), or
    after the last section before it, where its content ends (before the 落款 when one signs the report)."""
    table = report.tables.get(spec.table) if spec.table else None
    if (table is not None and table.span is not None) or any(s.number > spec.number for s in report.sections):
        return "此处", "here"
    earlier = [s for s in report.sections if s.number < spec.number]
    if not earlier:
        return "此处", "here"
    previous = max(earlier, key=lambda s: s.span.start)
    last = SECTIONS_BY_NUMBER[previous.number]
    signed = report.signature_date or report.signature_month
    if signed is not None and content_end(report, previous) <= signed.span.start:
        return (
            f"第{last.numeral}部分的内容之后、落款之前",
            f"after the content of {last.name_en}, before the signature",
        )
    return f"第{last.numeral}部分的内容之后", f"after the content of {last.name_en}"


def _numbered_in_place(report: Report, number: int) -> tuple[int, str] | None:
    """A heading numbered as section ``number`` (any wording, not a row of table 三) between the sections
    present before and after it, as (offset, printed); None when there is none.  A heading numbered as a
    section (一、, 第一部分) may have any words; one numbered as a list item ((一), 1.) must have the section's
    own words ((一)总体情况).  Numbered as a section is preferred, then worded as the section, then the first.
    Reads ``report.text``: a heading the parser did not take for a section is no node of the AST."""
    sections = report.sections
    start = max((s.span.start for s in sections if s.number < number), default=0)
    end = min((s.span.start for s in sections if s.number > number), default=len(report.text))
    spec = SECTIONS_BY_NUMBER[number]
    variants = tuple(normalize_label(v) for v in spec.variants)
    ranked = []
    for offset, body, printed in numbered_headings(report.text, number, start, end):
        words = normalize_label(report.text[body : body + _WORDS_READ])
        worded = any(words.startswith(v) for v in variants)
        if not worded and words.startswith(_ROW_WORDS):
            continue
        as_section = printed.startswith((spec.numeral, "第"))
        if not as_section and not worded:
            continue  # a list item ((一)主动公开方面, 1.…) numbered like the section: only its words would tell
        ranked.append((not as_section, not worded, offset, printed))
    if not ranked:
        return _bare_in_place(report.text, variants, start, end)
    _, _, offset, printed = min(ranked)
    return offset, printed


#: The longest line taken for a heading printed without its numbering.
_BARE_HEADING_MAX = 40


def _bare_in_place(text: str, variants: tuple[str, ...], start: int, end: int) -> tuple[int, str] | None:
    """A line between ``start`` and ``end`` that prints nothing but one of the section's wordings, without a
    numbering (a heading set in bold whose number was lost with the bold, 主动公开政府信息情况), as (offset,
    printed); None when there is none."""
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop == -1 else stop
        if stop - at <= _BARE_HEADING_MAX and normalize_label(text[at:stop]) in variants:
            printed = text[at:stop].strip()
            return at + text[at:stop].index(printed[0]), printed
        at = stop + 1
    return None


class SectionOrder(Rule):
    meta = RuleMeta(
        code="GL102",
        name="section-order",
        category="structure",
        severity=_ERROR,
        summary_zh="部分重复或顺序错误",
        summary_en="Sections are duplicated or out of order",
        rationale=(
            "The uniform format (国办公开办函〔2021〕30号) fixes the six sections and their order 一 "
            "to 六, the order in which 《中华人民共和国政府信息公开条例》第五十条 lists the contents. "
            "A heading printed twice, or a section after a later one, is reported at the offending heading, "
            "naming the expected order. Headings are recognised by their text, so sub-headings that repeat "
            "a section title without its numeral are not sections. Past 100 headings in one report, further "
            "headings of sections already found are read as prose and one finding says how many."
        ),
        bad_example="一、总体情况\n…\n三、收到和处理政府信息公开申请情况\n…\n二、主动公开政府信息情况\n…",
        good_example="一、总体情况\n…\n二、主动公开政府信息情况\n…\n三、收到和处理政府信息公开申请情况\n…",
        rationale_zh=(
            "统一格式（国办公开办函〔2021〕30号）规定了六个部分及其一至六的顺序，与《中华人民共和国政府信息公"
            "开条例》第五十条列举内容的顺序相同。某部分标题重复出现，或排在后面部分之后，在该标题处报告，"
            "并说明应有的顺序。标题按文字识别，因此重复部分名称但没有序号的小标题不算部分。"
            "一份报告超过 100 个标题时，已出现部分的其余标题按正文读取，并以一条问题说明个数。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        for deviation in report.deviations:  # the grammar's facts: a heading it found out of place
            if deviation.kind == "headings-untaken":
                yield self._untaken(report, deviation)
            if deviation.kind not in ("section-order", "section-repeated"):
                continue
            spec = SECTIONS_BY_KEY[deviation.key]
            first = report.section(spec.key)
            if deviation.kind == "section-repeated" and first is not None:
                printed = " ".join(deviation.text.split())
                yield self.diagnostic(
                    report,
                    line_of(report, deviation.span),
                    zh=f"第{spec.numeral}部分重复：“{printed}”，第 {first.span.line} 行已有“{_printed(first)}”",
                    en=f"{spec.name_en} is repeated: “{printed}”; it already starts on line {first.span.line}",
                    key=f"section.{spec.key}.duplicate",
                    expected=1,
                    actual=2,
                )
            later = report.section(SECTIONS_BY_KEY[deviation.after].key) if deviation.after else None
            if deviation.kind == "section-order" and later is not None:
                this_zh, this_en = _named(deviation.text, spec.number)
                later_zh, later_en = _named(later.title, later.number)
                yield self.diagnostic(
                    report,
                    line_of(report, deviation.span),
                    zh=f"{this_zh}应在{later_zh}之前：各部分应按一至六的顺序排列",
                    en=f"{this_en} must come before {later_en}: the sections go in the order 一 to 六",
                    key=f"section.{spec.key}.order",
                    expected=spec.number,
                    actual=later.number,
                )

    def _untaken(self, report: Report, deviation: Deviation) -> Diagnostic:
        """The repeated headings printed past the limit, read as prose: how many, at the first."""
        printed = " ".join(deviation.text.split())
        count, taken = deviation.count, len(report.sections)
        return self.diagnostic(
            report,
            line_of(report, deviation.span),
            zh=(
                f"部分标题过多：已按部分读取 {taken} 个标题，自“{printed}”起另有 {count} 个重复的部分标题"
                f"按正文读取、未作为部分检查；各部分标题应各出现一次"
            ),
            en=(
                f"too many section headings: {taken} were read as sections; {count} more repeated section "
                f"headings, from “{printed}”, were read as prose and not checked as sections; each section "
                f"heading should be printed once"
            ),
            key="section.headings.untaken",
            expected=MAX_HEADINGS,
            actual=taken + count,
        )


def _printed(section: Section) -> str:
    """A section heading as printed, on one line."""
    return " ".join(section.title.split())


def _named(title: str, number: int) -> tuple[str, str]:
    """The heading as printed, with the standard section it was taken for when the wording differs."""
    spec = SECTIONS_BY_NUMBER[number]
    printed = " ".join(title.split())
    if normalize_label(printed) == normalize_label(spec.title):
        return f"“{printed}”", f"“{printed}”"
    return f"“{printed}”（第{spec.numeral}部分“{spec.title}”）", f"“{printed}” ({spec.name_en}, “{spec.title}”)"


class MissingTable(Rule):
    meta = RuleMeta(
        code="GL103",
        name="missing-table",
        category="structure",
        severity=_ERROR,
        summary_zh="缺少必备表格（二的第二十条各表、三的申请情况表、四的复议诉讼表）",
        summary_en="A required table is missing (the Article 20 tables of 二, the applications table of 三, "
        "the review/litigation table of 四)",
        rationale=(
            "The uniform format (国办公开办函〔2021〕30号) requires the tables of 第二十条 in section "
            "二 (items (一), (五), (六) and (八); (九) too in the 2019 trial format), the table of applicatio"
            "ns in 三 and the table of administrative reviews and lawsuits in 四. Prose does not replace "
            "a table: 发布…共计41条 in 二 or 本年度未产生行政复议、行政诉讼 in 四 still needs the table. "
            "A missing table is reported at its section's heading; a missing 第二十条 sub-table at the "
            "section 二 table (for the 2021 (八) sub-table GL303 adds a fee finding). A report with no "
            "standard table at all is checked against the format its year requires. A section that prints "
            "lines of values where govlint recognised no table may hold the table in a shape govlint could "
            "not read: that is one warning about the reading (counted apart, never scored), not a missing table. "
            "So is a section holding characters a converter garbled (Latin-1 letters or U+FFFD amid the Chinese) "
            "and no table, and one whose heading and table a converter lost (see GL101). "
            "So is a section (or, in a report without section headings, the document) that shows an image where "
            "the table is missing: many pages, Word files and PDFs print a table as a picture, which govlint "
            "cannot read; icons, bullets and trackers do not count. Text shows an image only where a converter "
            "printed a picture as a Markdown image (pandoc's media/image1.png); plain text without one keeps "
            "the error. "
            "A report whose tables show another format than its year requires (GL406) lacks only the sub-tables "
            "both formats have: a 2021 report printing section 二 in the 2019 headers does not lack (九)."
        ),
        bad_example="二、主动公开政府信息情况\n2024年我局发布主动公开文件3条、统计信息11条，共计41条。\n三、收到和处理政府信息公开申请情况",
        good_example=(
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
            "规章 | 0 | 0 | 0\n行政规范性文件 | 0 | 0 | 0\n…"
        ),
        rationale_zh=(
            "统一格式（国办公开办函〔2021〕30号）要求：第二部分有第二十条各项的表格（第（一）、（五）"
            "、（六）、（八）项；2019年试行格式还有第（九）项），第三部分有政府信息公开申请情况表，第四部分有"
            "行政复议、行政诉讼情况表。文字说明不能代替表格：第二部分写“发布……共计41条”，或第四部分写“本年度未"
            "产生行政复议、行政诉讼”，仍须有表格。缺少的表格在其所在部分的标题处报告；缺少第二十条某项的分表，"
            "在第二部分的表格处报告（2021年格式的第（八）项另由 GL303 报告收费问题）。全文没有任何标准表格的报"
            "告，按其年度应使用的格式检查。某部分印有数值行、govlint 却未识别出表格时，表格可能以 govlint 无法"
            "读取的形式存在：改为一条关于读取的警告（单独计数，不扣分），不报告缺少表格。某部分（全文没有部分标题时为全文）"
            "该部分有转换时产生的乱码（中文之间的拉丁字母或 U+FFFD）而没有表格时也是如此。"
            "缺少表格但有图片时同样如此：许多网页、Word 和 PDF 文件把表格印成图片，govlint 无法读取"
            "图片；图标、项目符号、跟踪像素等小图不算。纯文本中只有转换工具以 Markdown 图片语法"
            "印出的图片（如 pandoc 的 media/image1.png）算作图片；没有图片的纯文本报告仍报告缺少表格。"
            "表格所用格式与报告年度应"
            "用的格式不同时（GL406），只报告两种格式都有的分表：用2019年表头印第二部分的2021年度报告不缺第（九）项。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        spec = effective_format(report)
        if spec is None:
            return
        for section in SECTIONS:
            if section.table is None:
                continue
            table = report.tables.get(section.table)
            if table is None:
                present = report.section(section.key)
                strays = (
                    stray_value_lines(report, present, ctx)
                    if present
                    else lost_heading_lines(report, section.number, ctx)
                )
                if strays:
                    yield self._unread(report, section.numeral, section.table, strays)
                    continue
                image = _image_in(report, present)
                if image is not None:
                    yield self._pictured(report, section.numeral, section.table, image)
                    continue
                start, end = _place(report, section.number)
                garbled = garbled_lines(report, present.span.start if present else start, end)
                if garbled:
                    yield self._garbled(report, section.numeral, section.table, garbled)
                    continue
                anchor = line_of(report, present.span) if present else section_anchor(report, section.number)
                yield self.diagnostic(
                    report,
                    anchor,
                    zh=f"第{section.numeral}部分缺少表格：应有{_TABLE_ZH[section.table]}",
                    en=f"{section.name_en} has no table: expected {_TABLE_EN[section.table]}",
                    key=f"table.{section.table}",
                    expected=section.table,
                )
            elif section.table == "active_disclosure":
                yield from self._missing_parts(report, table, spec, ctx)

    def _garbled(self, report: Report, numeral: str, table_key: str, lines: tuple[Span, ...]) -> Diagnostic:
        """One finding about govlint's reading where the section holds text a converter garbled and no table:
        the table may be what was garbled."""
        diagnostic = self.diagnostic(
            report,
            lines[0],
            zh=(
                f"未能在第{numeral}部分找到{_TABLE_ZH[table_key]}，但该部分第{_lines(lines, '、', '等')}行有无法读取"
                "的字符（转换时产生的乱码）：表格可能就在其中，未核对"
            ),
            en=(
                f"found no {_TABLE_EN[table_key]} in section {numeral}, but line {_lines(lines, ', ', ' …')} of it "
                "hold characters that could not be read (garbled by a converter): the table may be there; it was "
                "not checked"
            ),
            key=f"table.{table_key}",
            expected=table_key,
            unread=True,
        )
        return softened(diagnostic)

    def _unread(self, report: Report, numeral: str, table_key: str, strays: tuple[Span, ...]) -> Diagnostic:
        """One finding about govlint's reading where a section prints lines of numbers but no table was
        recognised in it: the table may be there in a shape govlint could not read, so it is not missing."""
        diagnostic = self.diagnostic(
            report,
            strays[0],
            zh=(
                f"未能识别第{numeral}部分的{_TABLE_ZH[table_key]}：第{_lines(strays, '、', '等')}行印有数值，"
                "可能就是该表，未核对"
            ),
            en=(
                f"could not recognise {_TABLE_EN[table_key]} in section {numeral}: line "
                f"{_lines(strays, ', ', ' and others')} prints values that may be that table; it was not checked"
            ),
            key=f"table.{table_key}",
            expected=table_key,
            actual=len(strays),
            unread=True,
        )
        return softened(diagnostic)

    def _unread_part(self, report: Report, caption: str, item: int, strays: tuple[Span, ...]) -> Diagnostic:
        """One finding about govlint's reading where a 第二十条 sub-table was not found but section 二 prints
        lines of values no row claims: the part may be among them, so it is not missing."""
        diagnostic = self.diagnostic(
            report,
            strays[0],
            zh=f"未能识别第二部分的“{caption}”表：第{_lines(strays, '、', '等')}行印有数值，可能就是该表，未核对",
            en=(
                f"could not recognise the table “{caption}” in section 二: line "
                f"{_lines(strays, ', ', ' and others')} prints values that may be that table; it was not checked"
            ),
            key=f"table.active_disclosure.art20_{item}",
            expected=caption,
            actual=len(strays),
            unread=True,
        )
        return softened(diagnostic)

    def _pictured(self, report: Report, numeral: str, table_key: str, image: Span) -> Diagnostic:
        """One finding about govlint's reading where a section without the table shows an image, or a
        converter's placeholder for a table it left out: the table may be that picture, or was there, and
        govlint cannot read it, so it is not missing."""
        name_zh, name_en = _TABLE_ZH[table_key], _TABLE_EN[table_key].removeprefix("the ")
        if report.text.startswith(TABLE_PLACEHOLDER, image.start):
            zh = (
                f"第{numeral}部分未读到{name_zh}，但第{image.line}行处是转换工具留下的表格占位符"
                f"“{TABLE_PLACEHOLDER}”：原表格在转换中丢失，govlint 无法读取，未核对，请对照原文件"
            )
            en = (
                f"section {numeral} has no readable {name_en}, but line {image.line} holds “{TABLE_PLACEHOLDER}”, "
                "where a converter left a table out: govlint cannot read it; it was not checked (see the original file)"
            )
        else:
            zh = (
                f"第{numeral}部分未读到{name_zh}，但第{image.line}行处有图片："
                "该表可能以图片印出，govlint 无法读取，未核对"
            )
            en = (
                f"section {numeral} has no readable {name_en}, but shows an image at line {image.line}: the table "
                "may be printed as that picture, which govlint cannot read; it was not checked"
            )
        diagnostic = self.diagnostic(
            report,
            image,
            zh=zh,
            en=en,
            key=f"table.{table_key}",
            expected=table_key,
            unread=True,
        )
        return softened(diagnostic)

    def _missing_parts(self, report: Report, table: Table, spec: FormatSpec, ctx: RuleContext) -> Iterator[Diagnostic]:
        present = table.parts_present(spec.art20)
        strays = stray_value_lines(report, table, ctx) if len(present) < len(spec.art20) else ()
        required = _year_format(report, spec)
        for sub in spec.art20:
            if sub.item in present:
                continue
            if required is not None and all(part.item != sub.item for part in required.art20):
                continue  # (九) of a 2021 report printed with 2019 headers: its year's format has none (GL406's)
            caption = sub.caption.replace("(", "（").replace(")", "）")
            if strays:  # the part may be among the values no row claims: not missing, unread
                yield self._unread_part(report, caption, sub.item, strays)
                continue
            yield self.diagnostic(
                report,
                line_of(report, table.span) if table.span else None,
                zh=f"第二部分缺少“{caption}”表（{'、'.join(r.label for r in sub.rows)}）",
                en=f"section 二 lacks the table “{caption}” ({', '.join(r.label for r in sub.rows)})",
                key=f"table.active_disclosure.art20_{sub.item}",
                expected=sub.caption,
            )


def _image_in(report: Report, section: Section | None) -> Span | None:
    """The first image the source shows in ``section`` (from its heading to the next section), or, in a
    report without section headings, in the whole text; None when there is none."""
    if section is None:
        return None if report.sections else next(iter(report.images), None)
    start = section.span.start
    end = min((s.span.start for s in report.sections if s.span.start > start), default=len(report.text))
    return next((image for image in report.images if start < image.start <= end), None)


_TABLE_ZH = {
    "active_disclosure": "第二十条第（一）（五）（六）（八）项主动公开情况表",
    "applications": "收到和处理政府信息公开申请情况表",
    "review_litigation": "政府信息公开行政复议、行政诉讼情况表",
}
_TABLE_EN = {
    "active_disclosure": "the Article 20 proactive-disclosure tables",
    "applications": "the table of applications received and handled",
    "review_litigation": "the administrative review and litigation table",
}


class MissingRow(Rule):
    meta = RuleMeta(
        code="GL104",
        name="missing-row",
        category="structure",
        severity=_ERROR,
        summary_zh="表格缺少应有的行",
        summary_en="A row a table must print is missing",
        rationale=(
            "Every row of the standard tables is part of the format (国办公开办函〔2021〕30号): 25 data "
            "rows in the 2021 table of applications, 23 in the 2019 one, the three groups of table 四 "
            "and the rows of each 第二十条 sub-table. A report in the 2021 layout that keeps the single "
            "2019 row （六）其他处理 lacks the three 2021 rows （六）1–3 and is reported for each of "
            "them (GL406 reports the old format itself). Each finding points where the row should be "
            "(at the next row present). Rows of a missing 第二十条 sub-table are GL103's finding. When the "
            "table's section prints lines of values that no row govlint read claims (a label wrapped in a "
            "narrow PDF column, cut by a converter), the rows not found may be among them: they are unread, "
            "not missing, and one warning about the reading says so instead (counted apart, never scored). A "
            "report whose tables show another format than its year requires (GL406) lacks only the rows both "
            "formats have. A table a plugin describes (govlint_tables) is held to its description the same way: "
            "each row described that the table does not print is reported, named as described, unless its "
            "section prints values no row claims."
        ),
        bad_example=("(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n(七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3"),
        good_example=(
            "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
            "| 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
            "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n(七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3"
        ),
        rationale_zh=(
            "标准表格的每一行都是格式（国办公开办函〔2021〕30号）的一部分：2021年格式的申请情况表有25个数据行"
            "，2019年格式有23行；第四部分的表有三组；第二十条各分表各有其行。采用2021年版式却保留2019年单独一"
            "行“（六）其他处理”的报告，缺少2021年的（六）1至3三行，逐行报告（旧格式本身由 GL406 报告）"
            "。每条问题指向该行应在的位置（其后第一个存在的行）。缺少第二十条某项分表时，其中的行由 GL103 "
            "报告。若该部分印有数值行、却没有任何已读取的行与之对应（如 PDF 窄列中折行的行名、被转换工具截断的"
            "行名），未找到的行可能就在其中：它们是“未能读取”，不是“缺少”，改为一条关于读取的警告（单独计数，"
            "不扣分）。表格所用格式与报告年度应用的格式不同时（GL406），只报告两种格式都有的行。插件描述的表格"
            "（govlint_tables）同样按其描述核对：未印出的行逐行报告，以描述中的行名称呼；该部分印有未对应到任何行"
            "的数值时，同样改为一条关于读取的警告。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        spec = effective_format(report)
        standard = ("applications", "active_disclosure", "review_litigation") if spec is not None else ()
        for table_key in (*standard, *(described.id for described in report.described)):
            table = report.tables.get(table_key)
            # the parse's facts: each row of its spec the table lacks, where it should be
            missing = [d for d in report.deviations if d.kind == "row-missing" and d.table == table_key]
            if table is None or not missing:
                continue
            strays = stray_value_lines(report, table, ctx)
            if strays:
                rest = beyond_unread_rows(report, strays)  # an unread row's own lines are its GL108 finding
                if rest:
                    yield self._unread(report, table, [d.key for d in missing], rest)
                continue
            note = note_en = ""
            if spec is not None and table_key in TABLE_KEYS:
                required = _year_format(report, spec)
                if required is not None:  # only what both formats have is missing (GL406 reports the format)
                    keys = _row_keys(required, table_key)
                    missing = [d for d in missing if d.key in keys]
                if table_key == "applications" and spec.key == "2021" and has_other_all(report):
                    note = "（本表只有2019年试行格式的单行“(六)其他处理”）"
                    note_en = " (the table has only the single 2019 row (六)其他处理)"
            zh_table, en_table, zh_row, en_row = _table_words(report, table_key)
            for deviation in missing:
                name = row_name_in(report, table_key, deviation.key)
                yield self.diagnostic(
                    report,
                    line_of(report, deviation.span),
                    zh=f"{zh_table}缺少{zh_row}“{name}”{note}",
                    en=f"{en_table} lacks the {en_row} “{name}”{note_en}",
                    key=f"{table_key}.{deviation.key}",
                    expected=name,
                )

    def _unread(self, report: Report, table: Table, missing: list[str], strays: tuple[Span, ...]) -> Diagnostic:
        """One finding, about govlint's reading, for a table whose section prints lines of numbers that no
        row claims: the rows not found may be among them, so none is reported missing."""
        first = row_name_in(report, table.key, missing[0])
        lines = _lines(strays, "、", "等")
        lines_en = _lines(strays, ", ", " and others")
        zh_table, en_table, zh_row, en_row = _table_words(report, table.key)
        zh_rows = f"{len(missing)} 个{zh_row}"
        if table.key not in TABLE_KEYS:  # a described table's rows: "rows of the table"
            zh_row, zh_rows, en_row = "该表的行", f"{len(missing)} 行", "row of the table"
        diagnostic = self.diagnostic(
            report,
            strays[0],
            zh=(
                f"未能读取{zh_table}的全部行：第{lines}行印有数值，但未能对应到{zh_row}；"
                f"未找到的 {zh_rows}（如“{first}”）可能就在其中，未核对"
            ),
            en=(
                f"could not read every row of {en_table}: line {lines_en} prints values that "
                f"match no {en_row}; the {len(missing)} {en_row.replace('row', 'rows', 1)} not found (such as "
                f"“{first}”) may be among them and were not checked"
            ),
            key=table.key,
            expected=len(missing),
            actual=len(strays),
            unread=True,
        )
        return softened(diagnostic)


class RowOrder(Rule):
    meta = RuleMeta(
        code="GL109",
        name="row-order",
        category="structure",
        severity=Severity.INFO,
        summary_zh="表格的行顺序与标准格式不同或重复印出",
        summary_en="A table's row is out of the standard order or printed twice",
        rationale=(
            "The uniform format (国办公开办函〔2021〕30号) fixes each table's rows and their order. A row printed "
            "after rows the format puts after it, or printed again in its table, is a departure from the layout "
            "(the values are read all the same, the first printing of a repeated row counts): a notice at the "
            "row, naming the row the format puts it before or the line where it was first printed. It is a "
            "notice, not a warning: it costs the reader nothing. It is given only where the source shows the "
            "printed order: a Word, HTML or PDF table's rows, or text with each row on a line, its values after "
            "its label (tab, pipe or spaced text). Text that prints one cell a line (pdftotext -raw) gives a "
            "converter's reading order, not the report's, so its rows out of order are not reported, nor a row "
            "not read; nor a row printed again under another section's heading (PyMuPDF copies 行政事业性收费 "
            "into the header of the next section's table). A label repeated on the line of its row (a merged "
            "cell a converter copied into each column) is one row printed once, not reported. A table whose "
            "labels are printed again past the limit of what is read is one warning about the reading (counted "
            "apart): the labels past it are not read. A caption, header or group label "
            "printed where the table has no place for it is not reported: in every report and converter output "
            "govlint was measured on it came from the reading order of a PDF or a crawled page, and what follows "
            "it is read all the same."
        ),
        bad_example=(
            "(三)不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
            "1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
        ),
        good_example=(
            "(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
            "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
        ),
        rationale_zh=(
            "统一格式（国办公开办函〔2021〕30号）规定了各表格的行及其顺序。某行印在格式排在它之后的行之后，"
            "或在同一表格中再次印出，是版式上的偏差（数值照常读取，重复的行以第一次印出的为准）：在该行处提示，"
            "并说明格式中它应在哪一行之前，或它第一次印在哪一行。这是提示而不是警告：它不妨碍阅读。只在来源能"
            "表明印出顺序时提示：Word、网页或 PDF 表格的行，或每行一行、数值印在行名之后的文本（制表符、竖线或"
            "空格分隔）。每个单元格一行的文本（pdftotext -raw）是转换工具的读取顺序而不是报告的顺序，其中顺序"
            "不同的行不报告，未能读取的行也不报告；印在另一部分标题之下的再次印出也不报告（PyMuPDF 把“行政事业性"
            "收费”复制到下一部分表格的表头）。行名在本行中重复出现（转换工具把合并单元格复制到每一列）"
            "是只印了一次的一行，不报告。某表格的行名重复印出、超过读取上限时，以一条关于读取的警告（单独计数）"
            "说明，超出的部分未读取。标题、表头或分组名印在表格中没有它位置的地方时不报告：在 govlint 检验过的"
            "所有报告和转换结果中，这都来自 PDF 或网页抓取的读取顺序，其后的内容照常读取。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        for deviation in report.deviations:
            if deviation.table is None:
                continue
            if deviation.kind == "labels-untaken":
                yield self._untaken(report, deviation, deviation.table)
            elif deviation.kind == "row-order":
                if _order_printed(report, deviation.table, deviation):
                    yield self._order(report, deviation, deviation.table)
            elif deviation.kind == "row-repeated":
                repeated = self._repeated(report, deviation, deviation.table)
                if repeated is not None:
                    yield repeated

    def _order(self, report: Report, deviation: Deviation, table_key: str) -> Diagnostic:
        """A row printed after rows its table's spec puts after it: named with the first of them (in the
        spec's order) printed before it."""
        name = row_name_in(report, table_key, deviation.key, deviation.text)
        zh_table, en_table, _, _ = _table_words(report, table_key)
        later = _later_row(report, table_key, deviation)
        if later is None:  # printed after a later group's label: named by the row the format puts before it
            previous = _previous_row(report, table_key, deviation.key)
            after_zh = f"紧接在“{previous}”之后" if previous else "是该表的第一行"
            after_en = f"right after “{previous}”" if previous else "first in the table"
            zh = f"{zh_table}的“{name}”不在标准格式规定的位置：标准格式中该行{after_zh}"
            en = f"in {en_table}, the row “{name}” is out of place: the standard order puts it {after_en}"
        else:
            later_name = row_name_in(report, table_key, later)
            zh = f"{zh_table}的“{name}”印在“{later_name}”之后：标准格式中该行在“{later_name}”之前"
            en = f"in {en_table}, the row “{name}” is printed after “{later_name}”: the standard order puts it before"
        return self.diagnostic(
            report,
            line_of(report, deviation.span),
            zh=zh,
            en=en,
            key=f"{table_key}.{deviation.key}.order",
            expected=later or "",
        )

    def _repeated(self, report: Report, deviation: Deviation, table_key: str) -> Diagnostic | None:
        """A row printed again in its table, at the second printing; None when it is on the line its row was
        read from (a merged cell copied into each column: one row printed once)."""
        table = report.tables.get(table_key)
        row = table.rows.get(deviation.key) if table is not None else None
        first = row.span if row is not None else None
        if row is None or first is None or first.line == deviation.span.line:
            return None  # its row not read, or a merged cell copied into each column: one row printed once
        if normalize_label(deviation.text) != normalize_label(row.label):
            return None  # a label within another (其中：部门规范性文件 after 行政规范性文件): not the row again
        if not _printed_again(report, row, deviation.span):
            return None  # a converter's reading order, or a label copied into the next table's header
        name = row_name_in(report, table_key, deviation.key, deviation.text)
        zh_table, en_table, _, _ = _table_words(report, table_key)
        return self.diagnostic(
            report,
            line_of(report, deviation.span),
            zh=f"{zh_table}的“{name}”再次印出：第 {first.line} 行已有该行，每行应只印一次",
            en=(
                f"in {en_table}, the row “{name}” is printed again (first on line {first.line}): each row is "
                "printed once"
            ),
            key=f"{table_key}.{deviation.key}.repeated",
            expected=1,
            actual=2,
        )

    def _untaken(self, report: Report, deviation: Deviation, table_key: str) -> Diagnostic:
        """The labels of a table printed again and again past the limit of what is read: how many, at the
        first; their cells are not read."""
        zh_table, en_table, _, _ = _table_words(report, table_key)
        printed = " ".join(deviation.text.split())
        diagnostic = self.diagnostic(
            report,
            line_of(report, deviation.span),
            zh=(
                f"{zh_table}的行重复印出过多：自“{printed}”起另有 {deviation.count} 个行名未读取，"
                "其中的数值未核对；各行应只印一次"
            ),
            en=(
                f"the rows of {en_table} are printed again too often: {deviation.count} more labels, from "
                f"“{printed}”, were not read and their values not checked; each row is printed once"
            ),
            key=f"{table_key}.labels.untaken",
            actual=deviation.count,
            unread=True,
        )
        return softened(diagnostic)


def _order_printed(report: Report, table_key: str, deviation: Deviation) -> bool:
    """Whether the source shows ``deviation``'s row printed after the later row: both read as printed rows
    (:func:`_printed_row`).  A converter that prints one cell a line (pdftotext -raw) gives its reading order,
    not the report's: its rows out of order are not the report's."""
    table = report.tables.get(table_key)
    row = table.rows.get(deviation.key) if table is not None else None
    later = _later_row(report, table_key, deviation)
    if table is None or row is None or row.span is None or row.span.start != deviation.span.start:
        return False  # the row was read from another printing: which of them is out of place is not known
    return _printed_row(report.text, row) and (later is None or _printed_row(report.text, table.rows[later]))


def _printed_again(report: Report, row: TableRow, again: Span) -> bool:
    """Whether the second printing ``again`` of ``row`` is the row printed again in its table: both printings
    rows as printed (a grid's row, or a line with the label and values after it), no section heading between
    them or on the second's line (PyMuPDF prints 行政事业性收费 7730.28 into the header of the next section's
    table)."""
    if row.span is None or not _printed_row(report.text, row):
        return False
    line_end = report.text.find("\n", again.end)
    line_end = len(report.text) if line_end < 0 else line_end
    if any(row.span.start < section.span.start <= line_end for section in report.sections):
        return False
    in_grid = again.origin is not None and again.origin.table is not None
    return in_grid or _DIGIT.search(report.text, again.end, line_end) is not None


def _printed_row(text: str, row: TableRow) -> bool:
    """Whether ``row`` was read in its printed order: a Word, HTML or PDF table's row (its label carries a
    grid origin), or its values placed on one line after its label or a piece of it (tab, pipe or spaced
    text: a line is printed as read).  Not a row whose values stand on lines of their own (one cell a line:
    a converter's reading order), nor a row not read (its cells' places are not known)."""
    span = row.span
    if span is None or row.problem is not None:
        return False  # a row not read: where its values stand is not known
    if span.origin is not None and span.origin.table is not None:
        return True
    placed = [cell.span for cell in row.cells.values() if cell.span is not None and cell.evidence is not None]
    if not placed or len({cell.line for cell in placed}) != 1:
        return False  # no value placed, or its values on several lines (one cell a line)
    first = min(cell.start for cell in placed)
    line_start = text.rfind("\n", 0, first) + 1
    return span.start < first and bool(text[max(line_start, span.start) : first].strip())


def _later_row(report: Report, table_key: str, deviation: Deviation) -> str | None:
    """The key of the row printed before ``deviation``'s row that the table's spec puts after it, the first
    in the spec's order; None when none is read (the grammar saw a label no row was read from)."""
    spec = report.table_spec(table_key)
    table = report.tables.get(table_key)
    if spec is None or table is None or deviation.key not in spec.row_keys:
        return None
    order = {key: at for at, key in enumerate(spec.row_keys)}
    place = order[deviation.key]
    before = [
        row.key
        for row in table.rows.values()
        if row.span is not None and row.span.start < deviation.span.start and order.get(row.key, -1) > place
    ]
    return min(before, key=order.__getitem__, default=None)


def _previous_row(report: Report, table_key: str, row_key: str) -> str | None:
    """The name of the row the table's spec puts right before ``row_key`` (None for its first row)."""
    spec = report.table_spec(table_key)
    keys = spec.row_keys if spec is not None else ()
    at = keys.index(row_key) if row_key in keys else 0
    return row_name_in(report, table_key, keys[at - 1]) if at > 0 else None


class TableOutsideSection(Rule):
    meta = RuleMeta(
        code="GL110",
        name="table-outside-section",
        category="structure",
        severity=Severity.WARNING,
        summary_zh="表格印在所属部分之外",
        summary_en="A table is printed outside the section it belongs in",
        rationale=(
            "The uniform format (国办公开办函〔2021〕30号) puts each table in its section: the 第二十条 tables in "
            "二, the table of applications in 三, the table of reviews and lawsuits in 四 (a plugin's table in "
            "the section its description names). A table printed under another section's heading, or before the "
            "first heading, while its own section's heading stands elsewhere in the report, is a warning at the "
            "table, naming the section it belongs in and where that section starts: a layout departure, which "
            "the supervising offices' assessments weigh as the format's, not the figures'. A table whose own "
            "section has no heading is not reported here: that heading is missing, GL101's finding, reported "
            "just before the table. Nor is a table whose own section prints values that no row read claims: "
            "the table is partly there, and a converter moved the rest (pdftotext -raw prints a table's pieces "
            "after the next headings)."
        ),
        bad_example=(
            "三、收到和处理政府信息公开申请情况\n本年度共收到申请3件。\n四、政府信息公开行政复议、行政诉讼情况\n"
            "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n…"
        ),
        good_example=(
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n…\n"
            "四、政府信息公开行政复议、行政诉讼情况"
        ),
        rationale_zh=(
            "统一格式（国办公开办函〔2021〕30号）把各表格放在其所属部分：第二十条各表在第二部分，申请情况表在"
            "第三部分，行政复议、行政诉讼情况表在第四部分（插件描述的表格在其描述所指的部分）。表格印在另一部分"
            "的标题之下或第一个标题之前、而其所属部分的标题在报告的别处时，在表格处警告，并说明它所属的部分及"
            "该部分从哪一行开始：这是版式上的偏差，主管部门的评估按格式问题而不是数据问题计。所属部分没有标题"
            "的表格不在此报告：缺少的是标题，由 GL101 在表格之前报告。所属部分印有未对应到任何已读取行的数值时"
            "也不报告：表格有一部分就在那里，其余部分是转换工具挪走的（pdftotext -raw 把表格的片段印在后面的"
            "标题之后）。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        for deviation in report.deviations:
            if deviation.kind != "table-outside-section" or deviation.table is None:
                continue
            spec = report.table_spec(deviation.table)
            wanted = spec.section if spec is not None else None
            home = next((section for section in report.sections if section.key == wanted), None)
            if home is None or stray_value_lines(report, home, ctx):
                continue  # no heading: GL101's; values no row claims in its own section: partly read there
            own = SECTIONS_BY_KEY[home.key]
            zh_table, en_table = _table_names(report, deviation.table)
            if deviation.after is None:
                where_zh, where_en = "第一个部分标题之前", "before the first section heading"
            else:
                within = SECTIONS_BY_KEY[deviation.after]
                printed = " ".join(deviation.text.split())
                where_zh = f"第{within.numeral}部分“{printed}”中"
                where_en = f"{within.name_en} (“{printed}”)"
            yield self.diagnostic(
                report,
                line_of(report, deviation.span),
                zh=(
                    f"{zh_table}印在{where_zh}：应在第{own.numeral}部分“{own.title}”之下"
                    f"（该部分从第 {home.span.line} 行开始）"
                ),
                en=(
                    f"{en_table} is printed in {where_en}: it belongs in {own.name_en} “{own.title}”, which "
                    f"starts on line {home.span.line}"
                ),
                key=f"table.{deviation.table}.section",
                expected=own.key,
                actual=deviation.after or "",
            )


def _table_names(report: Report, table_key: str) -> tuple[str, str]:
    """A table's name in Chinese and English: a standard table's as GL103 names it, a described one's title."""
    if table_key in _TABLE_ZH:
        return _TABLE_ZH[table_key], _TABLE_EN[table_key]
    return table_name(report, table_key)


def _table_words(report: Report, table_key: str) -> tuple[str, str, str, str]:
    """How GL104 names a table and its rows, in Chinese and English: a standard table by its section and its
    rows as standard rows (第三部分表格, 标准行), a described table by its title and its rows as rows."""
    if table_key in TABLE_KEYS:
        return f"第{TABLE_SECTION[table_key]}部分表格", TABLE_NAME_EN[table_key], "标准行", "standard row"
    zh_table, en_table = table_name(report, table_key)
    return zh_table, en_table, "行", "row"


def _year_format(report: Report, spec: FormatSpec) -> FormatSpec | None:
    """The format the report's year requires when the tables show another one (GL406's finding), else None.

    A 2021 report whose section 二 still prints the 2019 headers (pingtan 社会事业局 2021) is read in the 2019
    format, but it lacks neither the 2019 (九) sub-table nor the 2019 rows its year's format does not have."""
    wanted = expected_format(report.report_year) if report.report_year is not None else None
    if wanted is None or wanted == spec.key:
        return None
    return FORMATS[wanted]


def _row_keys(spec: FormatSpec, table_key: str) -> frozenset[str]:
    """The standard rows of a table in ``spec``."""
    if table_key == "applications":
        return frozenset(spec.application_keys)
    if table_key == "active_disclosure":
        return frozenset(row.key for part in spec.art20 for row in part.rows)
    return frozenset(spec.table(table_key).row_keys)


def _lines(spans: tuple[Span, ...], sep: str, more: str) -> str:
    """The first three line numbers of ``spans``, and ``more`` when there are others."""
    return sep.join(str(span.line) for span in spans[:3]) + (more if len(spans) > 3 else "")


_REPORTED = (CellStatus.EMPTY, CellStatus.UNREADABLE)


class EmptyCell(Rule):
    meta = RuleMeta(
        code="GL105",
        name="empty-cell",
        category="structure",
        severity=_ERROR,
        summary_zh="单元格为空或无法识别",
        summary_en="A table cell is empty or cannot be read as a number",
        rationale=(
            "Every cell of the standard tables (国办公开办函〔2021〕30号) holds a number; a count of "
            "none is written as 0. A blank cell, a placeholder (/, -, —) or text where a number belongs "
            "is reported at the cell, and every relation that needs the cell is then *not assessable*: "
            "govlint never evaluates a relation with a missing value and never substitutes 0. A cell "
            "absent from a row that could be read is reported too. Cells of a row that could not be read "
            "(nothing places its values) are not reported: the row is GL108's finding, about the reading, "
            "not the report. Cells *inferred* from digits printed together (unique by the row's arithmetic) "
            "are an artefact of text extraction, not a defect of the report, and are not reported. A number with a "
            "footnote mark after it (12*, 12①) is that number. A cell of digits and letters text recognition reads "
            "for digits (1O, l2, O) is a number misread: one warning about the reading (counted apart), not text "
            "where a number belongs."
        ),
        bad_example="第二十条第（六）项\n信息内容 | 本年处理决定数量\n行政处罚 | 0\n行政强制 |",
        good_example="第二十条第（六）项\n信息内容 | 本年处理决定数量\n行政处罚 | 0\n行政强制 | 0",
        rationale_zh=(
            "标准表格（国办公开办函〔2021〕30号）的每个单元格都应填写数字，没有的填0。空白单元格、占位符（/、"
            "-、—）或应填数字处写了文字，都在该单元格处报告；凡用到该单元格的关系式随即“无法判断”：govlint "
            "绝不在缺值时计算关系式，也绝不以0代替。能读取的行中缺少的单元格同样报告。无法读取的行（没有依据确"
            "定其数值的位置）中的单元格不在此报告：该行由 GL108 报告，那是读取的问题，不是报告的问题。"
            "由连写数字按该行的勾稽关系唯一拆分出的单元格，是文字提取造成的，不是报告的缺陷，不报告。"
            "数字后带注释符号（12*、12①）的，按该数字读取。由数字和文字识别（OCR）误认作数字的字母组成的单元格"
            "（1O、l2、O）是识别有误的数字：改为一条关于读取的警告（单独计数），不报告为应填数字处写了文字。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        spec = effective_format(report)
        for table_key, table in report.tables.items():
            described = report.table_spec(table_key) if table_key not in TABLE_KEYS else None
            if described is not None and described.empty_cell_code != self.meta.code:
                continue  # its plugin's own rule reports them
            for row in table.rows.values():
                if described is not None:
                    expected = tuple(c.key for c in described.columns_of(row.key))
                else:
                    expected = _expected_columns(table_key, row.key, spec)
                # a row read with another format's columns (a header not read, the format guessed) does not
                # show that the columns it lacks are missing: its cells are those columns under other names
                foreign = bool(expected) and not set(row.cells) <= set(expected)
                for column in expected or tuple(row.cells):
                    cell = row.cells.get(column)
                    if cell is not None and cell.status not in _REPORTED:
                        continue
                    place = place_in(report, table_key, row.key, column, row.label)
                    key = f"{table_key}.{row.key}.{column}"
                    if cell is None:
                        if row.problem is None and not foreign:
                            yield self.diagnostic(
                                report,
                                line_of(report, row.span) if row.span else table.span,
                                zh=f"{place.zh}缺失：应填写数字（无则填 0）",
                                en=f"{place.en} is missing: expected a number (0 if none)",
                                key=key,
                                expected="number",
                            )
                    elif cell.status is CellStatus.EMPTY:
                        shown = cell.raw.strip()
                        zh = f"{place.zh}为空" if not shown else f"{place.zh}填写为“{shown}”"
                        en = f"{place.en} is empty" if not shown else f"{place.en} holds “{shown}”"
                        yield self.diagnostic(
                            report,
                            cell.span or (row.span and line_of(report, row.span)),
                            zh=f"{zh}：应填写数字（无则填 0）",
                            en=f"{en}: expected a number (0 if none)",
                            key=key,
                            expected="number",
                            actual=shown,
                        )
                    elif cell.status is CellStatus.UNREADABLE and misread_digits(cell.raw):
                        yield self._misread(report, cell, place, key)
                    elif cell.status is CellStatus.UNREADABLE:
                        yield self.diagnostic(
                            report,
                            cell.span or (row.span and line_of(report, row.span)),
                            zh=f"{place.zh}无法识别为数字：“{cell.raw.strip()}”，应填写数字",
                            en=f"{place.en} cannot be read as a number: “{cell.raw.strip()}”; expected a number",
                            key=key,
                            expected="number",
                            actual=cell.raw.strip(),
                        )

    def _misread(self, report: Report, cell: Cell, place: CellPlace, key: str) -> Diagnostic:
        """A cell of digits and letters text recognition takes for digits (``1O``): a finding about the
        reading, not text the report printed where a number belongs."""
        shown = cell.raw.strip()
        diagnostic = self.diagnostic(
            report,
            cell.span,
            zh=f"{place.zh}印为“{shown}”，像是识别有误的数字（O 与 0、l 与 1），未能读取，未核对",
            en=f"{place.en} prints “{shown}”, which looks like a misrecognised number (O for 0, l for 1); "
            "it could not be read and was not checked",
            key=key,
            expected="number",
            actual=shown,
            unread=True,
        )
        return softened(diagnostic)


class TitleIncomplete(Rule):
    meta = RuleMeta(
        code="GL107",
        name="title-incomplete",
        category="structure",
        severity=_ERROR,
        summary_zh="标题缺少机关名称、年份或“政府信息公开工作年度报告”字样",
        summary_en="The title lacks the body's name, the year or the words 政府信息公开工作年度报告",
        rationale=(
            "The title names the body, the report year and the kind of document: {机关名称}{Y}年政府信息公开工"
            "作年度报告, as 《中华人民共和国政府信息公开条例》第四十九条 and 第五十条 name it (政府信息公开工"
            "作年度报告). Supervising offices have criticised reports titled 工作报告 instead of 年度报告. "
            "Spaces and line breaks inside the title are ignored, and a year in Chinese numerals (二〇二四年) is a "
            "year. A title that names the body and the year and calls the report otherwise (政府信息公开年度报告, "
            "…年报, …工作报告, 政务公开工作年度报告, 关于…政府信息公开工作情况的报告) is a warning; a title govlint "
            "cannot find at all is a warning about the reading (counted apart), since it may be worded in a way "
            "govlint does not know."
        ),
        bad_example="洪山镇人民政府政府信息公开工作报告",
        good_example="洪山镇人民政府 2024 年政府信息公开工作年度报告",
        rationale_zh=(
            "标题应写明机关名称、报告年度和文件种类：{机关名称}{Y}年政府信息公开工作年度报告，即《中华人民共和"
            "国政府信息公开条例》第四十九条、第五十条所称的“政府信息公开工作年度报告”。曾有主管部门通报批评把"
            "“年度报告”写成“工作报告”的情形。标题中的空格和换行不影响判断，用汉字书写的年份（二〇二四年）"
            "也是年份。写明机关和年份、只是文件名称写法不同的标题（政府信息公开年度报告、……年报、……工作报告、"
            "政务公开工作年度报告、关于……政府信息公开工作情况的报告）只作警告；完全找不到标题的，可能是"
            "govlint 不认识其写法，改为一条关于读取的警告（单独计数）。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        expected = f"{{机关名称}}{{年份}}年{TITLE_CORE}"
        if not report.title:
            # A title worded in a way govlint does not know is not found either: a finding about the reading.
            diagnostic = self.diagnostic(
                report,
                document_start(report),
                zh=f"未能找到报告标题：应为“{expected}”，未核对",
                en=f"could not find the report's title: expected “{expected}”; it was not checked",
                key="title",
                expected=expected,
                unread=True,
            )
            yield softened(diagnostic)
            return
        title = normalize_label(report.title)
        missing_zh: list[str] = []
        missing_en: list[str] = []
        year = _printed_year(report, title) or _displaced_year(report)
        if year is None:
            missing_zh.append("年份")
            missing_en.append("the year")
        core = next((c for c in (TITLE_CORE, *TITLE_CORE_VARIANTS) if c in title), TITLE_CORE)
        rest = title.replace(core, "")
        if year is not None:
            rest = rest.replace(year, "")
        if _names_nothing(rest):
            missing_zh.append("机关名称")
            missing_en.append("the body's name")
        if TITLE_CORE not in title:
            missing_zh.append(f"“{TITLE_CORE}”字样")
            missing_en.append(f"the words “{TITLE_CORE}”")
        if missing_zh:
            printed = " ".join(report.title.split())
            diagnostic = self.diagnostic(
                report,
                report.title_span or document_start(report),
                zh=f"标题缺少{'、'.join(missing_zh)}：应为“{expected}”，实际为“{printed}”",
                en=f"the title lacks {', '.join(missing_en)}: expected “{expected}”, found “{printed}”",
                key="title",
                expected=expected,
                actual=printed,
            )
            if len(missing_zh) == 1 and TITLE_CORE not in title:  # named, dated, and called the annual report
                diagnostic = softened(diagnostic)
            yield diagnostic


def _displaced_year(report: Report) -> str | None:
    """The year printed alone on the line after a title that leaves a gap where it stands, or None."""
    span = report.title_span
    if span is None or not _YEAR_GAP.search(report.text, span.start, span.end):
        return None
    line = report.text.find("\n", span.end)
    found = _YEAR_LINE.match(report.text, line + 1) if line != -1 else None
    return found.group(1) if found is not None else None


def _printed_year(report: Report, title: str) -> str | None:
    """The year as the (normalised) title prints it: ``2024``, or in Chinese numerals ``二〇二四`` as the
    parse read it; None when the title prints none."""
    year = _PRINTED_YEAR.search(title)
    if year is not None:
        return year.group()
    span = report.title_span
    for mention in report.year_mentions:
        if mention.source == "title" and (span is None or span.start <= mention.span.start < span.end):
            printed = normalize_label(report.text[mention.span.start : mention.span.end]).removesuffix("年")
            return printed if printed in title else None
    return None


STRUCTURE_RULES: tuple[type[Rule], ...] = (
    MissingSection,
    SectionOrder,
    MissingTable,
    MissingRow,
    EmptyCell,
    TitleIncomplete,
)
#: The rules that report the parse's deviations of rows and tables (after GL108 in code order).
DEVIATION_RULES: tuple[type[Rule], ...] = (RowOrder, TableOutsideSection)
