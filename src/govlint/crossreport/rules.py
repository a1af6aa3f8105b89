"""The built-in cross-report rules (GL5xx): what no single report shows.

GL501 carry-over between years, GL502 stock of documents in force, GL503 a section copied from last year,
GL504 tables 三/四 identical to last year's, GL505 a section copied from another body, GL506 two reports
with one identity, GL507 a body of the roster without a report, GL508 a summary report against its parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from govlint import crossreport
from govlint.crossreport.options import OPTION_ALIASES, OPTION_ROSTER
from govlint.crossreport.run import COPY_SECTIONS, CrossRule, PairRule
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import ConfigError
from govlint.model import Cell, CellStatus, Number, Report, Span
from govlint.rule import RuleContext, RuleMeta
from govlint.schema import APPLICATION_COLUMNS, SECTIONS_BY_KEY

if TYPE_CHECKING:
    from govlint.crossreport.digests import Digest, Prose
    from govlint.crossreport.phase import Run
    from govlint.crossreport.roster import RosterEntry
    from govlint.crossreport.text import Masked

#: Who a summary report compiles: 各部门, 各区县, 各乡镇（街道）… (not 各科室, which every body has).
_PARTS = (
    r"各(?:部门|单位|区县|县区|县（市、区）|县\(市、区\)|县市区|乡镇|乡（镇）|乡镇（街道）|街道|镇街"
    r"|下属单位|直属单位|成员单位)"
)
#: A report saying that it compiles others' reports or figures: 汇总（了）各部门…, or 各区县（政府信息公开工作）
#: 情况/数据/报告（进行）汇总; not 各单位整改情况…督促、汇总, which is about something else.  Searched only in a
#: text that says 汇总, as every match does and most reports never do.
_COMPILES = re.compile(
    rf"汇总[^。；;\n]{{0,20}}?{_PARTS}"
    rf"|{_PARTS}(?:的)?(?:政府信息公开)?(?:工作)?(?:年度报告|报告|数据|统计数据|情况)(?:进行)?汇总"
)


def compiles(text: str) -> re.Match[str] | None:
    """Where a report says that it compiles others' reports or figures (a summary report: GL508), if it does."""
    return _COMPILES.search(text) if "汇总" in text else None


OPTION_HISTORY = "history"
OPTION_COPY_THRESHOLD = "copy-threshold"
OPTION_COPY_MIN_CHARS = "copy-min-chars"
OPTION_COPY_TEMPLATES = "copy-templates"
OPTION_BODY_THRESHOLD = "cross-body-threshold"
OPTION_BODY_COMMON_SHARE = "cross-body-common-share"

_DEFAULT_THRESHOLDS = {key: 0.5 for key in COPY_SECTIONS}

#: Sentences the regulation and the standard layout make every report print: repeating them is not copying.
STANDARD_SENTENCES: tuple[str, ...] = (
    "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室"
    "印发的《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制",
    "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止",
    "如对本报告有任何疑问，请与本机关联系",
    "依据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）",
    "本机关未收取信息处理费",
    "无其他需要报告的事项",
)

CROSS_OPTIONS: dict[str, Any] = {
    OPTION_ALIASES: {},
    OPTION_HISTORY: "",
    OPTION_ROSTER: "",
    OPTION_COPY_THRESHOLD: dict(_DEFAULT_THRESHOLDS),
    OPTION_COPY_MIN_CHARS: 100,
    OPTION_COPY_TEMPLATES: [],
    OPTION_BODY_THRESHOLD: 0.8,
    OPTION_BODY_COMMON_SHARE: 0.2,
}

_READ = frozenset({CellStatus.OK, CellStatus.INFERRED})


def _read(cell: Cell | None) -> bool:
    """A cell whose number was read: neither missing, unread nor empty."""
    return cell is not None and cell.value is not None and cell.status in _READ


_READ_VALUES = frozenset(s.value for s in _READ)


def _read_value(found: tuple[Number | None, str] | None) -> bool:
    """:func:`_read` on a digest's :meth:`~Digest.value`."""
    return found is not None and found[0] is not None and found[1] in _READ_VALUES


def _where(report: Digest, span: Span | None) -> str:
    """``path:line:column`` of a place in another report, for a message."""
    if span is None:
        return report.path
    return f"{report.path}:{span.line}:{span.column}"


def _float(ctx: RuleContext, name: str, default: float) -> float:
    value = ctx.option(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ConfigError(f"{name}: expected a share between 0 and 1 such as {default}, got {value!r}")
    return float(value)


def copy_thresholds(ctx: RuleContext) -> dict[str, float]:
    """The copy threshold of each compared section (``copy-threshold = {overview = 0.6}`` sets one)."""
    value = ctx.option(OPTION_COPY_THRESHOLD, _DEFAULT_THRESHOLDS)
    if not isinstance(value, Mapping):
        raise ConfigError(f"{OPTION_COPY_THRESHOLD}: expected a table of section = share, got {value!r}")
    unknown = set(value) - set(COPY_SECTIONS)
    if unknown:
        known = ", ".join(COPY_SECTIONS)
        raise ConfigError(f"{OPTION_COPY_THRESHOLD}: unknown section {sorted(unknown)[0]!r} (use {known})")
    thresholds = dict(_DEFAULT_THRESHOLDS)
    for key, share in value.items():
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1:
            raise ConfigError(f"{OPTION_COPY_THRESHOLD}.{key}: expected a share between 0 and 1, got {share!r}")
        thresholds[key] = float(share)
    return thresholds


def min_chars(ctx: RuleContext) -> int:
    value = ctx.option(OPTION_COPY_MIN_CHARS, 100)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{OPTION_COPY_MIN_CHARS}: expected a number of characters such as 100, got {value!r}")
    return value


def templates(ctx: RuleContext) -> tuple[str, ...]:
    value = ctx.option(OPTION_COPY_TEMPLATES, [])
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{OPTION_COPY_TEMPLATES}: expected a list of sentences, got {value!r}")
    return (*STANDARD_SENTENCES, *value)


# ---------------------------------------------------------------------------------------------------------
# GL501 carry-over
# ---------------------------------------------------------------------------------------------------------


class CarryOver(PairRule):
    meta = RuleMeta(
        code="GL501",
        name="carry-over-mismatch",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="上年结转申请数与上年报告的结转下年度继续办理数不一致",
        summary_en="Applications carried over differ from last year's report's carried forward",
        rationale=(
            "《中华人民共和国政府信息公开条例》第五十条 asks for the applications received and handled each year. "
            "Row 二、上年结转政府信息公开申请数量 of the table of applications (section 三) counts the "
            "same applications as row 四、结转下年度继续办理 of the same body's report for the year before, "
            "so every column (自然人, the five kinds of legal persons or other organisations, 总计) must "
            "be equal. The two reports must be the same body's for consecutive years; a cell that was "
            "not read, or is empty, in either makes the check not assessable."
        ),
        bad_example="2022年报告：四、结转下年度继续办理 总计 0；2023年报告：二、上年结转 总计 7",
        good_example="2022年报告：四、结转下年度继续办理 总计 7；2023年报告：二、上年结转 总计 7",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第五十条要求逐年报告收到和处理政府信息公开申请的情况。"
            "政府信息公开申请表（第三部分）的“二、上年结转政府信息公开申请数量”是上一年度报告“四、结转下年度继"
            "续办理”的同一批申请，每一列（自然人、五类法人或其他组织、总计）都应相等。"
            "两份报告须是同一单位连续两年的报告；任一单元格未能读取或为空时不作判断。"
        ),
    )

    def check_pair(self, current: Digest, previous: Digest, ctx: RuleContext) -> Iterator[Diagnostic]:
        for column in APPLICATION_COLUMNS:
            before = previous.cell(f"applications.carried_forward.{column.key}")
            now = current.cell(f"applications.carried_over.{column.key}")
            if not (_read(before) and _read(now)) or before is None or now is None or before.value == now.value:
                continue
            where = _where(previous, before.span)
            yield self.finding(
                current,
                now.span,
                zh=(
                    f"上年结转政府信息公开申请数量（{column.label}）应为 {before.value}"
                    f"（上年报告 {where} 结转下年度继续办理），实际为 {now.value}"
                ),
                en=(
                    f"applications carried over ({column.key}) should be {before.value}, carried forward by "
                    f"last year's report at {where}; found {now.value}"
                ),
                key=f"applications.carried_over.{column.key}",
                expected=before.value,
                actual=now.value,
            )


# ---------------------------------------------------------------------------------------------------------
# GL502 stock of documents in force
# ---------------------------------------------------------------------------------------------------------

_STOCK_ROWS = (("regulations", "规章", "regulations"), ("normative_documents", "行政规范性文件", "normative documents"))
_REVISION = "修订|修改|清理|废止"
_DOCUMENTS = "规章|规范性文件"
_NEAR = 30
#: Documents named near a word of revising them, within a sentence.
_REVISION_NEAR = re.compile(
    rf"(?:{_DOCUMENTS})[^。；;]{{0,{_NEAR}}}(?:{_REVISION})|(?:{_REVISION})[^。；;]{{0,{_NEAR}}}(?:{_DOCUMENTS})"
)
#: The table's own column headers, which name 废止 next to 规章 without saying anything.
_TABLE_HEADERS = re.compile(r"本年(?:新)?制发件数|本年废止件数|现行有效件数")


def mentions_revision(report: Digest) -> bool:
    """Whether the report's text says documents were revised, amended, cleaned up or repealed."""
    return any(_REVISION_NEAR.search(_TABLE_HEADERS.sub("", s.body)) for s in report.sections)


class StockContinuity(PairRule):
    meta = RuleMeta(
        code="GL502",
        name="stock-discontinuity",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="现行有效件数不等于上年现行有效件数加本年制发减本年废止",
        summary_en="Documents in force differ from last year's in force plus issued minus repealed",
        rationale=(
            "The 现行有效件数 of 第二十条第（一）项 in section 二 is a stock: this year's in force = "
            "last year's in force + issued this year − repealed this year, for 规章 and for 行政规范性文件 "
            "each (both years in the 2021 format, 国办公开办函〔2021〕30号). When the text mentions a "
            "revision, amendment, clean-up or repeal of 规章 or 规范性文件, the difference may have another "
            "cause and the finding is lowered to info. A cell that was not read, or is empty, makes the "
            "check not assessable."
        ),
        bad_example="2021年：规章 现行有效 5；2022年：本年制发 1，本年废止 0，现行有效 3",
        good_example="2021年：规章 现行有效 5；2022年：本年制发 1，本年废止 0，现行有效 6",
        formats=frozenset({"2021"}),
        rationale_zh=(
            "第二部分第二十条第（一）项的“现行有效件数”是存量：本年现行有效 = 上年现行有效 + 本年制发 "
            "− 本年废止（规章、行政规范性文件各自成立；两年都须是国办公开办函〔2021〕30号格式）"
            "。文中提到规章或规范性文件的修订、修改、清理或废止时，差额可能另有原因，降为提示。任一单元格未能"
            "读取或为空时不作判断。"
        ),
    )

    def check_pair(self, current: Digest, previous: Digest, ctx: RuleContext) -> Iterator[Diagnostic]:
        if current.format != "2021" or previous.format != "2021":
            return
        explained: bool | None = None
        for row, label_zh, label_en in _STOCK_ROWS:
            before = previous.cell(f"active_disclosure.{row}.in_force")
            issued = current.cell(f"active_disclosure.{row}.issued")
            repealed = current.cell(f"active_disclosure.{row}.repealed")
            now = current.cell(f"active_disclosure.{row}.in_force")
            cells = (before, issued, repealed, now)
            if not all(_read(c) for c in cells) or before is None or issued is None or repealed is None:
                continue
            if now is None or before.value is None or issued.value is None or repealed.value is None:
                continue
            expected = before.value + issued.value - repealed.value
            if now.value == expected:
                continue
            if explained is None:
                explained = mentions_revision(current)
            where = _where(previous, before.span)
            note_zh = "；正文提到修订、清理或废止，请核实" if explained else ""
            note_en = "; the text mentions revision, clean-up or repeal: please verify" if explained else ""
            yield self.finding(
                current,
                now.span,
                zh=(
                    f"{label_zh} 现行有效件数应为 {expected}（上年报告 {where} 现行有效 {before.value} "
                    f"+ 本年制发 {issued.value} − 本年废止 {repealed.value}），实际为 {now.value}{note_zh}"
                ),
                en=(
                    f"{label_en} in force should be {expected} (last year's {before.value} at {where} + issued "
                    f"{issued.value} - repealed {repealed.value}); found {now.value}{note_en}"
                ),
                key=f"active_disclosure.{row}.in_force",
                expected=expected,
                actual=now.value,
                severity=Severity.INFO if explained else None,
            )


# ---------------------------------------------------------------------------------------------------------
# GL503 section copied from last year, GL504 tables identical to last year's
# ---------------------------------------------------------------------------------------------------------


class CopiedFromLastYear(CrossRule):
    meta = RuleMeta(
        code="GL503",
        name="copied-from-last-year",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="本部分文字大量照搬上年报告",
        summary_en="A section largely repeats last year's report",
        rationale=(
            "An annual report is about the year's work (《中华人民共和国政府信息公开条例》第五十条). "
            "Assessment rules deduct for text 与往年雷同 (Suqian, for example: more than 50% repeated "
            "from last year). Sections 五, then 一 and 六, are compared with the same body's report for "
            "the year before: with years and numbers masked and punctuation removed, the share of the "
            "section's text that lies in passages identical to last year's is measured; at the threshold "
            "(default 50%, `copy-threshold`, per section) it is reported, quoting the longest identical "
            "passage. Standard sentences of the regulation and the format (extend with `copy-templates`) "
            "are not copying; a section shorter than `copy-min-chars` (default 100) after masking is "
            "not compared (无其他需要报告的事项 every year is not copying)."
        ),
        bad_example="五、存在的主要问题及改进情况（2023年与2022年除年份外逐字相同）",
        good_example="五、存在的主要问题及改进情况（2023年写本年的问题和措施）",
        rationale_zh=(
            "年度报告应写本年度的工作。考核细则对“与往年雷同”扣分（如宿迁：重复上年内容超过50%）。逐部分（先五"
            "，再一、六）与同一单位上一年度报告比较：屏蔽年份和数字、去掉标点后，本部分有多少文字落在与上年相"
            "同的段落里；达到阈值（默认50%，`copy-threshold` 可逐部分设置）即报告，并引用最长的相同段落。"
            "条例和格式要求的标准句（`copy-templates` 可增补）不算照搬；屏蔽后不足 `copy-min-chars`（默认100）"
            "字的部分不比较（“无其他需要报告的事项”每年相同不算照搬）。"
        ),
    )

    def check_run(self, run: Run, ctx: RuleContext) -> Iterator[Diagnostic]:
        thresholds = copy_thresholds(ctx)
        minimum = min_chars(ctx)
        standard = templates(ctx)
        for current in run.reports:
            previous = run.previous(current)
            if previous is None:
                continue
            for key in COPY_SECTIONS:
                prose, prose_before = run.prose(current, key), run.prose(previous, key)
                if prose is None or prose_before is None:
                    continue
                seen = run.seen(previous, key)
                found = _copied(prose, prose_before.masked, seen, thresholds[key], minimum, standard)
                if found is not None:
                    yield self._finding(current, previous, key, found, threshold=thresholds[key])

    def _finding(
        self,
        current: Digest,
        previous: Digest,
        key: str,
        found: tuple[float, tuple[int, int, int]],
        *,
        threshold: float,
    ) -> Diagnostic:
        now, before = current.section(key), previous.section(key)
        assert now is not None and before is not None
        share, (start, start_before, size) = found
        begin, end = crossreport.text.original(now.body, start, size)
        begin_before, _ = crossreport.text.original(before.body, start_before, size)
        there = crossreport.digests.section_span(previous, key, begin_before, begin_before)
        where = f"{previous.path}:{there.line}:{there.column}"
        passage = crossreport.text.quote(now.body[begin:end])
        percent, limit = round(share * 100), round(threshold * 100)
        section = SECTIONS_BY_KEY[key]
        return self.finding(
            current,
            crossreport.digests.section_span(current, key, begin, end),
            zh=(
                f"{section.title} 有 {percent}% 的文字与上年报告相同（阈值 {limit}%），"
                f"最长的相同段落（上年报告 {where}）：「{passage}」"
            ),
            en=(
                f"{section.name_en}: {percent}% of its text repeats last year's report (threshold {limit}%); "
                f"the longest identical passage (last year's report at {where}): 「{passage}」"
            ),
            key=f"section.{key}",
            expected=f"<{limit}%",
            actual=f"{percent}%",
        )


def _copied(  # noqa: PLR0917 - the two texts, and the three settings of the check
    prose: Prose, masked_before: Masked, seen: frozenset[int], threshold: float, minimum: int, standard: Sequence[str]
) -> tuple[float, tuple[int, int, int]] | None:
    """The copied share and the longest identical passage, when the share reaches ``threshold``."""
    masked = prose.masked
    excluded = crossreport.text.template_positions(masked, standard)
    if len(masked) - len(excluded) < minimum:
        return None
    found = crossreport.text.overlap(prose.shingles(), seen, excluded)
    if found.share < threshold:
        return None
    longest = crossreport.text.longest_common(masked, masked_before, found.longest)
    return (found.share, longest) if longest[2] else None


#: The sections whose tables GL504 compares (each holds the table of its key).
_TABLE_SECTIONS = ("applications", "review_litigation")


def _table_keys(report: Digest, table: str) -> set[str]:
    prefix = table + "."
    return {k for k in report.packed_cells if k.startswith(prefix)}


class TablesCopied(PairRule):
    meta = RuleMeta(
        code="GL504",
        name="table-copied-from-last-year",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="第三或第四部分的表格与上年报告完全相同且不全为零",
        summary_en="Table 3 or 4 is identical to last year's and not all zero",
        rationale=(
            "《中华人民共和国政府信息公开条例》第五十条 asks for the year's applications, reviews and "
            "lawsuits, and their counts change from year to year; a table of section 三 or 四 identical "
            "to last year's in every cell, and not all zero, was most likely carried over from last year's "
            "report (assessment rules deduct for text 与往年雷同). Every cell must be read as a number "
            "in both years, or the check is not made; an all-zero table repeated every year is normal."
        ),
        bad_example="2022年与2023年第三部分表格：新收 12、予以公开 8 …… 每格相同",
        good_example="2023年第三部分表格与2022年不同，或两年都全为零",
        rationale_zh=(
            "条例第五十条要求报告本年度的申请和复议诉讼情况，这些数量逐年变化；两年的表格每个单元格都相同而又"
            "不全为零，多半是沿用了上年的表格（考核细则对与往年雷同扣分）。每个单元格两年都须读到数字，"
            "否则不作判断；全为零的表格每年相同属正常。"
        ),
    )

    def check_pair(self, current: Digest, previous: Digest, ctx: RuleContext) -> Iterator[Diagnostic]:
        for table in _TABLE_SECTIONS:
            title_zh, title_en = SECTIONS_BY_KEY[table].title, SECTIONS_BY_KEY[table].name_en
            keys = sorted(_table_keys(current, table))
            if not keys or set(keys) != _table_keys(previous, table):
                continue
            pairs = [(current.value(k), previous.value(k)) for k in keys]
            if not all(_read_value(a) and _read_value(b) for a, b in pairs):
                continue
            if any(a != b for a, b in pairs) or all(a and a[0] == 0 for a, _ in pairs):
                continue
            section, section_before = current.section(table), previous.section(table)
            first, first_before = current.cell(keys[0]), previous.cell(keys[0])
            span = section.span if section else first.span if first else None
            where = _where(
                previous, section_before.span if section_before else first_before.span if first_before else None
            )
            yield self.finding(
                current,
                span,
                zh=f"{title_zh} 的表格与上年报告（{where}）的 {len(pairs)} 个单元格完全相同，且不全为零",
                en=f"{title_en}: all {len(pairs)} cells equal last year's report ({where}) and are not all zero",
                key=f"{table}.identical",
                actual=len(pairs),
            )


# ---------------------------------------------------------------------------------------------------------
# GL505 copied from another body
# ---------------------------------------------------------------------------------------------------------


class CopiedFromOtherBody(CrossRule):
    meta = RuleMeta(
        code="GL505",
        name="copied-from-other-body",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="本部分文字与本次检查中另一单位的报告几乎相同",
        summary_en="A section is nearly identical to another body's report in the run",
        rationale=(
            "《中华人民共和国政府信息公开条例》第五十条 asks each body to report its own work; assessment "
            "rules deduct for text 与其他单位雷同 (Licheng, Quanzhou, for example). Sections 五, 一 and "
            "六 of all the reports of the run are compared: text shared by more than `cross-body-common-share"
            "` (default 20%) of the bodies in the run (standard sentences, a region's common templates) "
            "is removed first; what remains (years and numbers masked, punctuation removed, counted in "
            "8-character shingles) is reported on both reports when its Jaccard similarity with the same "
            "section of another body reaches `cross-body-threshold` (default 0.8). Candidates are found "
            "with MinHash/LSH, so the cost grows linearly with the number of reports; the similarity "
            "of a candidate pair is computed exactly. Two reports of different years of which one is titled or signed "
            "with the other's body name (a body renamed, its new report signed with the old name) are one body's, "
            "not compared here: the `aliases` option makes the two names one body, whose years GL501 and GL503 "
            "then compare. A name in the prose (本报告由…办公室编制) or inside the report's own name (…人民政府 in "
            "…人民政府办公室) is no rename."
        ),
        bad_example="甲局与乙局2023年报告的第五部分除单位名称外逐字相同",
        good_example="甲局与乙局各自写本单位的问题和措施",
        rationale_zh=(
            "条例第五十条要求各机关报告本机关的工作；考核细则对“与其他单位雷同”扣分（如泉州鲤城）。逐部分（五"
            "、一、六）比较本次检查的所有报告：先去掉本次检查中超过 `cross-body-common-share`（默认20%）"
            "的单位都有的文字（标准句和本地区通用模板），剩下的文字（屏蔽年份和数字、去掉标点后，以8字片段计）"
            "与另一单位的同一部分相似度（Jaccard）达到 `cross-body-threshold`（默认0.8）即在两份报告上都报告。"
            "用 MinHash/LSH 找候选，检查成本随报告数线性增长；候选对的相似度精确计算。不同年度的两份报告中有一份的标"
            "题或落款是另一份的单位名称（单位更名，新名称的报告仍以旧名称落款）时，视为同一单位的报告，不在此比较："
            "配置 `aliases` 可把两个名称当作同一单位，由 GL501、GL503 比较其前后年度。正文中提到的名称（本报告由"
            "……办公室编制）或包含在本报告单位名称之中的名称（……人民政府办公室 中的 ……人民政府）不算更名。"
        ),
    )

    def check_run(self, run: Run, ctx: RuleContext) -> Iterator[Diagnostic]:
        threshold = _float(ctx, OPTION_BODY_THRESHOLD, 0.8)
        share = _float(ctx, OPTION_BODY_COMMON_SHARE, 0.2)
        reports = [*run.reports, *run.references]
        for key in COPY_SECTIONS:
            items: list[crossreport.similar.Item] = []
            for index, report in enumerate(reports):
                prose = report.prose.get(key)
                if report.identity is None or prose is None:
                    continue
                items.append(crossreport.similar.Item(index, report.identity.body, prose.sampled()))
            for pair in crossreport.similar.similar_pairs(items, threshold, share):
                first, second = reports[items[pair.first].owner], reports[items[pair.second].owner]
                if _may_be_renamed(first, second):
                    continue
                for this, other in ((first, second), (second, first)):
                    if not this.reference:
                        yield self._finding(this, other, key, pair.similarity)

    def _finding(self, this: Digest, other: Digest, key: str, similarity: float) -> Diagnostic:
        section, other_section = this.section(key), other.section(key)
        assert section is not None and other_section is not None
        where = _where(other, other_section.span)
        percent = round(similarity * 100)
        body = other.identity.body if other.identity else other.path
        return self.finding(
            this,
            section.span,
            zh=f"{SECTIONS_BY_KEY[key].title} 与 {body} 的报告（{where}）相似度 {percent}%，疑似雷同",
            en=f"{SECTIONS_BY_KEY[key].name_en} is {percent}% similar to the report of {body} ({where})",
            key=f"section.{key}.{body}",
            actual=f"{percent}%",
        )


#: How far before the end of its last section a report's 落款 (the signer's name and the date) is looked for.
_SIGNED_TAIL = 60


def _names(report: Digest) -> set[str]:
    """The body's names a report goes by: its identity's and the name the parser read, without spaces."""
    names = {report.identity.body} if report.identity is not None else set()
    if report.agency:
        names.add("".join(report.agency.split()))
    return names


def _may_be_renamed(one: Digest, two: Digest) -> bool:
    """Whether two reports of different years may be one body's under its old and new names: either is titled or
    signed with the other's name (040_assetsinvest_2024 of 投资促进局 is signed 平潭综合实验区国有资产管理局, the body
    of the 2023 report).  A renamed body's text is its own, not another body's; the `aliases` option makes the
    two names one body, whose years GL501 and GL503 then compare.  A name in the prose is no rename (本报告由…
    人民政府办公室编制, 在…县人民政府的领导下), nor one inside the report's own name (…人民政府 in …人民政府办公室):
    a government and its office are two bodies, and a copy between them is reported."""
    if one.identity is None or two.identity is None or one.identity.year == two.identity.year:
        return False
    for this, other in ((one, two), (two, one)):
        last = this.sections[-1].body[-_SIGNED_TAIL:] if this.sections else ""
        printed = "".join("".join((this.title or "", last)).split())
        for own in sorted(_names(this), key=len, reverse=True):
            printed = printed.replace(own, "")
        if any(name in printed for name in _names(other)):
            return True
    return False


# ---------------------------------------------------------------------------------------------------------
# GL506 duplicate identity, GL507 body of the roster without a report
# ---------------------------------------------------------------------------------------------------------


#: Most other reports a GL506 message names: each copy's message listed every other one, so 10,000 copies
#: of one report made messages of gigabytes together (1,000 copies: 15 MB of output).
MAX_OTHERS_NAMED = 10


class DuplicateIdentity(CrossRule):
    meta = RuleMeta(
        code="GL506",
        name="duplicate-report",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="同一单位同一年度有两份以上报告",
        summary_en="Two or more reports for one body and year",
        rationale=(
            "《中华人民共和国政府信息公开条例》第四十九条 asks each body to publish one report on its "
            "previous year. Two or more reports of the same body (names made one by `aliases`) for the "
            "same year may be a duplicate publication, a corrected version beside the original, or a "
            "wrong year, and no comparison across years can tell which one to use."
        ),
        bad_example="财政局2023年报告.txt 与 财政局2023年报告（更正）.txt 同在本次检查中",
        good_example="每个单位每年一份报告",
        rationale_zh=(
            "条例第四十九条要求每个机关每年公布一份本机关上一年度的年度报告。同一单位（名称按 `aliases` "
            "归一）同一年度出现多份报告，可能是重复发布、更正版与原版并存，或年度写错；跨年比较也无法确定用哪"
            "一份。"
        ),
    )

    def check_run(self, run: Run, ctx: RuleContext) -> Iterator[Diagnostic]:
        for (body, year), found in run.groups().items():
            linted = [d for d in found if not d.reference]
            if len(linted) < 2:
                continue
            for report in linted:
                paths = [d.path for d in linted if d is not report]
                shown, more = paths[:MAX_OTHERS_NAMED], len(paths) - MAX_OTHERS_NAMED
                others = "、".join(shown) + (f" 等另外 {more} 份" if more > 0 else "")
                others_en = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
                yield self.finding(
                    report,
                    report.title_span,
                    zh=f"{body} {year} 年度还有另一份报告：{others}",
                    en=f"{body} has another report for {year}: {others_en}",
                    key=f"identity.{body}.{year}",
                    actual=len(linted),
                )


class MissingReport(CrossRule):
    meta = RuleMeta(
        code="GL507",
        name="missing-report",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="名单中的单位在本次检查的年度没有报告",
        summary_en="A body of the roster has no report for a year of the run",
        rationale=(
            "《中华人民共和国政府信息公开条例》第四十九条 asks every body to publish its annual report "
            "each year. With a `roster` (CSV: body,level,region,deadline) listing the bodies that must "
            "publish, a body with no report for a year of the run (`--history` included) is reported "
            "at its roster line. When the run holds a file govlint could not read, or one that shows no body "
            "and year, that file may be the body's report: the finding then says so and is about the reading "
            "(counted apart, never scored)."
        ),
        bad_example="名单列有平潭综合实验区农业农村局，本次检查的2023年报告中没有它的",
        good_example="名单中的每个单位每年都有一份报告",
        rationale_zh=(
            "条例第四十九条要求行政机关每年公布年度报告。配置 `roster`（CSV：body,level,region,deadline）"
            "列出须发布报告的单位后，本次检查（含 `--history`）中某年度没有该单位的报告，即在名单该行报告。"
            "本次检查中有未能读取、或未显示单位和年度的文件时，它可能就是该单位的报告：此时只说明未能核对，"
            "属于读取问题（单独计数，不扣分）。"
        ),
    )

    def check_run(self, run: Run, ctx: RuleContext) -> Iterator[Diagnostic]:
        roster = run.roster
        if roster is None:
            return
        for year in sorted(run.years):
            for entry in roster.entries:
                if any(run.reports_of(name, year) for name in entry.names):
                    continue
                span = Span(0, 0, entry.line, 1, entry.line, 1)
                key = f"roster.{entry.body}.{year}"
                if run.unidentified:
                    yield self._unidentified(run, roster.path, span, key=key, body=entry.body, year=year)
                    continue
                yield self.finding(
                    roster.path,
                    span,
                    zh=f"名单中的 {entry.body} 没有 {year} 年度报告",
                    en=f"{entry.body}, on the roster, has no report for {year}",
                    key=key,
                )

    def _unidentified(self, run: Run, path: str, span: Span, *, key: str, body: str, year: int) -> Diagnostic:
        """A body without a report in a run that holds files govlint could not identify: one of them may be
        its report, so the finding is about govlint's reading, not the body."""
        count = len(run.unidentified)
        first = run.unidentified[0]
        return self.finding(
            path,
            span,
            zh=(
                f"未找到名单中的 {body} 的 {year} 年度报告；本次检查有 {count} 个文件未能读取或未能识别单位和年度"
                f"（如 {first}），可能就是它，请人工核对"
            ),
            en=(
                f"no report for {year} was found for {body}, on the roster; {count} files of the run could not be "
                f"read or show no body and year (such as {first}), and it may be one of them: check by hand"
            ),
            key=key,
            expected=body,
            actual=count,
            unread=True,
        )


# ---------------------------------------------------------------------------------------------------------
# GL508 a summary report against its parts
# ---------------------------------------------------------------------------------------------------------

_SUM_TABLES = ("applications", "review_litigation")


class SummaryOfParts(CrossRule):
    meta = RuleMeta(
        code="GL508",
        name="summary-not-sum-of-parts",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="汇总报告第三、四部分的数字不等于各组成单位报告之和",
        summary_en="A summary report's tables 3 and 4 are not the sum of its parts' reports",
        rationale=(
            "The counts that 《中华人民共和国政府信息公开条例》第五十条 asks for add up across bodies. "
            "A summary report (its text says that it sums up 各部门, 各区县, 各乡镇 and the like, or "
            "the roster's `parent` column names the bodies it sums up) must have, in every cell of sections "
            "三 (applications) and 四 (reviews and lawsuits), the sum of the same cell in its parts' "
            "reports for the same year. It is compared only when every part's report is in the run (`--histor"
            "y` included); when one is missing, an info finding lists the missing parts. The parts can "
            "only be known from the roster: a text that says it sums up while the roster names no parts "
            "gives the same info. A cell not read, or empty, in any of the reports is skipped. A people's "
            "government's own report (level government in the roster, or a title showing a county-or-higher "
            "government, 综合实验区, 开发区 or 新区) reports its own work, not the sum of its departments, "
            "and is not compared."
        ),
        bad_example=(
            "名单：甲局、乙局的 parent 为 某县政务公开办；某县政务公开办2023年报告（汇总各部门）新收申请 10，"
            "甲局 4、乙局 5"
        ),
        good_example="某县政务公开办2023年报告新收申请 9，甲局 4、乙局 5",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第五十条要求报告的各项数量，在单位之间可以相加。"
            "汇总报告（文中写明汇总各部门、各区县、各乡镇等的情况，或名单 `roster` 的 `parent` 列指明哪些单位"
            "由它汇总）第三部分（依申请公开）和第四部分（行政复议、行政诉讼）的每个单元格，应等于各组成单位同"
            "年度报告同一单元格之和。只有各组成单位的报告都在本次检查中（含 `--history`）才比较；缺少任一份时"
            "给出提示，列出缺少的单位。组成单位只能由名单得知：文中说汇总而名单未列组成单位时，同样提示无法判"
            "断。任一份报告的该单元格未能读取或为空时，该单元格不作判断。人民政府的本级报告（名单层级为政府，"
            "或标题显示为县级以上人民政府、综合实验区、开发区、新区的报告）只报告本机关的情况，不是部门之和，"
            "不作比较。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        """Without a roster, a report that says it compiles others' cannot be compared with anything: that is
        known from the report alone, so it is found here and a run of one report has no run phase."""
        if ctx.option(OPTION_ROSTER):
            return
        said = compiles(report.text)
        if said is None:
            return
        known = crossreport.identity_of(report.agency, report.report_year, ctx.option(OPTION_ALIASES) or {})
        if known is not None and not _government(report.title, report.agency, None):
            yield self._without_parts(report.path, report.span(said.start(), said.end()))

    def check_run(self, run: Run, ctx: RuleContext) -> Iterator[Diagnostic]:
        roster = run.roster
        if roster is None:  # see check
            return
        for report in run.reports:
            if report.identity is None:
                continue
            entry = roster.entry(report.identity.body)
            parts = roster.parts(entry) if entry is not None else ()
            if not (report.compiles or parts) or _government(report.title, report.agency, entry):
                continue
            yield from self._check(run, report, parts)

    def _without_parts(self, path: str, anchor: Span | None) -> Diagnostic:
        return self.finding(
            path,
            anchor,
            zh=(
                "报告写明是汇总报告，但名单（roster 的 parent 列）未列出其组成单位，"
                "无法核对第三、四部分是否为各单位之和"
            ),
            en=(
                "the report says it compiles others' but the roster (its parent column) names none of its parts: "
                "tables 3 and 4 cannot be checked against them"
            ),
            key="summary.parts",
            severity=Severity.INFO,
        )

    def _check(self, run: Run, report: Digest, parts: Sequence[RosterEntry]) -> Iterator[Diagnostic]:
        assert report.identity is not None
        year = report.identity.year
        anchor = report.compiles_span or report.title_span
        if not parts:
            yield self._without_parts(report.path, anchor)
            return
        found = [_one(run, part, year) for part in parts]
        missing = [part.body for part, digest in zip(parts, found, strict=True) if digest is None]
        if missing:
            yield self.finding(
                report,
                anchor,
                zh=(
                    f"组成单位 {'、'.join(missing)} 没有 {year} 年度报告（或不止一份），"
                    "无法核对第三、四部分是否为各单位之和"
                ),
                en=(
                    f"no single {year} report of the parts {', '.join(missing)} in the run: tables 3 and 4 cannot "
                    "be checked against the parts"
                ),
                key="summary.missing",
                actual=len(missing),
                severity=Severity.INFO,
            )
            return
        yield from self._cells(report, [d for d in found if d is not None])

    def _cells(self, report: Digest, parts: Sequence[Digest]) -> Iterator[Diagnostic]:
        for key in report.packed_cells:
            table, row, column = key.split(".", 2)
            if table not in _SUM_TABLES:
                continue
            values = [d.value(key) for d in (report, *parts)]
            if not all(_read_value(v) for v in values):
                continue
            total, *each = (v[0] for v in values if v is not None)
            expected = sum(x for x in each if x is not None)
            if total == expected:
                continue
            cell = report.cell(key)
            place = cell_place(table, row, column, fmt=report.format)
            shares = "+".join(str(x) for x in each)
            yield self.finding(
                report,
                cell.span if cell else None,
                zh=(
                    f"{TABLE_SECTION[table]}表 {place.zh} 应为 {len(parts)} 个组成单位之和 {expected}（{shares}），"
                    f"实际为 {total}"
                ),
                en=(
                    f"{TABLE_NAME_EN[table]} {place.en} should be the sum of its {len(parts)} parts, {expected} "
                    f"({shares}); found {total}"
                ),
                key=key,
                expected=expected,
                actual=total,
            )


def _one(run: Run, part: RosterEntry, year: int) -> Digest | None:
    """The part's one report for ``year`` in the run or history, or None (none, or several)."""
    found = [d for name in part.names for d in run.reports_of(name, year)]
    return found[0] if len(found) == 1 else None


def _government(title: str | None, agency: str | None, entry: RosterEntry | None) -> bool:
    """Whether the report (of this title and body) is a government's own (never a sum of its departments')."""
    level = entry.kind if entry is not None else None
    return (level or publisher_level(title, agency)) == "government"


#: The cross-report rules, in code order.
CROSS_RULES: tuple[type[CrossRule], ...] = (
    CarryOver,
    StockContinuity,
    CopiedFromLastYear,
    TablesCopied,
    CopiedFromOtherBody,
    DuplicateIdentity,
    MissingReport,
    SummaryOfParts,
)

# GL508 names cells as the single-report rules do, and GL402's reading of a body's level. govlint.rules (the
# built-in plugin) imports this module, so these come last: importing this module first must not find
# govlint.rules half-made.
from govlint.rules.dates import publisher_level  # noqa: E402
from govlint.rules.places import TABLE_NAME_EN, TABLE_SECTION, cell_place  # noqa: E402
