"""Whether section 五 says anything (GL603–GL605), and whether the text owns up to corrected cases (GL606).

Reviewers score 内容翔实: section 五 (存在的主要问题及改进情况) should name real problems and real measures.
The rules read the section's body as printed and decide by lexicons that a province extends (see
:data:`SUBSTANCE_OPTIONS`).  A body govlint could not read whole (an undecodable byte, a region the parser
could not place) is never judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import ConfigError
from govlint.model import Cell, Report, Section
from govlint.records import Record
from govlint.rule import Rule, RuleContext, RuleMeta
from govlint.rules.strays import is_page_number
from govlint.rules.text import review_cells, suspect_cells
from govlint.schema import SectionKey

SECTION_KEY: SectionKey = "problems_improvements"

#: Options (``[tool.govlint]``) and their defaults.  A word list extends the built-in lexicon; a plugin extends
#: it too by declaring an option whose name ends the same way (``fj-problem-words``, ``fj-measure-words``,
#: ``fj-generic-phrases``), with its words as the default.
OPTION_MIN_CHARS = "substance-min-chars"
OPTION_PROBLEM_WORDS = "substance-problem-words"
OPTION_MEASURE_WORDS = "substance-measure-words"
OPTION_GENERIC_PHRASES = "substance-generic-phrases"
OPTION_GENERIC_SHARE = "substance-generic-share"
OPTION_CONCRETE_SHARE = "substance-concrete-share"
SUBSTANCE_OPTIONS: dict[str, Any] = {
    OPTION_MIN_CHARS: 40,
    OPTION_PROBLEM_WORDS: [],
    OPTION_MEASURE_WORDS: [],
    OPTION_GENERIC_PHRASES: [],
    OPTION_GENERIC_SHARE: 0.6,
    OPTION_CONCRETE_SHARE: 0.2,
}
_SUFFIXES = {
    OPTION_PROBLEM_WORDS: "-problem-words",
    OPTION_MEASURE_WORDS: "-measure-words",
    OPTION_GENERIC_PHRASES: "-generic-phrases",
}

#: Words that state a problem.  Generous on purpose: a word found here keeps GL604 from saying "no problems".
PROBLEM_WORDS: tuple[str, ...] = (
    "问题", "不足", "差距", "短板", "弱项", "薄弱", "不够", "有待", "尚需", "仍需", "还需", "亟需", "亟待",
    "欠缺", "缺乏", "滞后", "不到位", "不及时", "不全面", "不规范", "不准确", "不完善", "不深入", "不充分",
    "不高", "不强", "不多", "不熟", "不平衡", "不畅", "单一", "偏少", "较少", "较低", "较弱", "难以", "困难",
    "瓶颈", "堵点", "未能", "不严", "疏漏", "错误",
)  # fmt: skip
#: Words that state a measure.  Generous on purpose: a word found here keeps GL604 from saying "no measures";
#: a verb right after 有待/仍需/还需… is part of a problem ("有待进一步加强") and does not count.
MEASURE_WORDS: tuple[str, ...] = (
    "下一步", "下步", "今后", "明年", "将", "计划", "措施", "改进", "整改", "加强", "强化", "提升", "提高",
    "完善", "健全", "优化", "推进", "推动", "拓宽", "拓展", "丰富", "加大", "做好", "落实", "建立", "组织",
    "开展", "培训", "坚持", "深化", "扩大", "细化", "严格", "确保", "督促", "压实", "探索", "创新", "增强",
)  # fmt: skip
#: Phrases that say nothing particular (GL605).
GENERIC_PHRASES: tuple[str, ...] = (
    "有待加强", "有待提升", "有待提高", "有待进一步", "有待完善", "进一步加强", "进一步提升", "进一步提高",
    "进一步完善", "进一步规范", "进一步拓展", "进一步拓宽", "进一步丰富", "进一步加大", "进一步深化",
    "进一步强化", "进一步增强", "进一步推进", "持续推进", "持续提升", "持续加强", "持续深化", "不断提升",
    "不断提高", "不断完善", "不断加强", "不断拓宽", "切实提升", "切实加强", "全面提升", "全面加强",
    "再上新台阶", "新台阶", "还需加强", "仍需加强", "仍需进一步", "还需进一步", "需进一步", "尚需",
    "不够到位", "取得一定成效", "取得了一定", "一定成效", "一定成绩", "存在一些不足", "一些不足",
    "扎实推进", "着力推进", "认真落实", "高度重视", "应公开尽公开", "提高认识", "思想认识", "业务水平",
    "工作水平", "服务水平", "补短板", "强弱项", "有序推进", "稳步推进",
)  # fmt: skip
#: A body that says only this says nothing (compared without punctuation and spaces).
NOTHING = frozenset({"无", "暂无", "没有", "无问题", "暂无问题", "没有问题", "不存在问题", "无存在问题", "略"})

_NEGATED_MEASURE = re.compile(r"(?:有待|仍需|还需|尚需|亟需|亟待|需要|仍然需要|还需要|需)(?:进一步|持续)?$")
_NEGATED_PROBLEM = re.compile(r"(?:未发现|没有发现|不存在|没有|无)(?:明显|突出|重大|较大)?(?:的)?$")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
#: What makes a sentence concrete: a number (a bare year does not count), a date or a frequency, a named
#: document or system (《…》, “…”), a named channel.
_CONCRETE = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!\s*年)"
    r"|[０-９]+"
    r"|\d{1,2}\s*月|[上下]半年|年底前|年内|月底|季度|每月|每周|每季|每年|每日|每天"
    r"|《(?![^》]*(?:条例|政府信息公开))[^》]{2,}》|“[^”]{2,}”|\"[^\"]{2,}\""
    r"|[一二三四五六七八九十两百千]+(?:个|项|次|篇|期|场|名|家|条|件|批)(?!方面)"
    r"|栏目|专栏|专区|小程序|公众号|热线|数据库|文件库|H5|短视频|台账|清单|目录"
    r"|(?:实行|推行|执行)[^，,。；;]{2,16}?制度"
)
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")
_ENUMERATED = re.compile(r"[一二三四五六七八九十]是")
#: GL605 judges a section of at least this many items.
_MIN_ITEMS = 4


@attrs.frozen(repr=False, eq=False)
class _Lexicons(Record):
    problems: tuple[str, ...]
    measures: tuple[str, ...]
    generic: tuple[str, ...]


def _words(options: Mapping[str, Any], option: str) -> tuple[str, ...]:
    """The words of ``option`` and of every option named with its suffix (a plugin's), as strings."""
    suffix = _SUFFIXES[option]
    found: list[str] = []
    for name, value in options.items():
        if name != option and not name.endswith(suffix):
            continue
        if not isinstance(value, (list, tuple)) or not all(isinstance(word, str) for word in value):
            raise ConfigError(f"{name}: expected a list of words, got {value!r}")
        found.extend(word for word in value if word.strip())
    return tuple(found)


def lexicons(ctx: RuleContext) -> _Lexicons:
    """The built-in lexicons with the configured and plugin-declared words added."""
    options = ctx.options
    return _Lexicons(
        PROBLEM_WORDS + _words(options, OPTION_PROBLEM_WORDS),
        MEASURE_WORDS + _words(options, OPTION_MEASURE_WORDS),
        GENERIC_PHRASES + _words(options, OPTION_GENERIC_PHRASES),
    )


def _number(ctx: RuleContext, name: str, low: float, high: float) -> float:
    value = ctx.option(name, SUBSTANCE_OPTIONS[name])
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ConfigError(f"{name}: expected a number from {low:g} to {high:g}, got {value!r}")
    return float(value)


def readable_section(report: Report) -> Section | None:
    """Section 五 when govlint read all of it; None when it is missing (GL101's) or not wholly read."""
    section = report.section(SECTION_KEY)
    if section is None or "\ufffd" in section.body:
        return None
    lo, hi = section.body_span.start, section.body_span.end
    if any(u.span.start < hi and lo < u.span.end for u in report.unplaced):
        return None
    return section


def substantial_section(report: Report, ctx: RuleContext) -> Section | None:
    """Section 五 when it was read whole and is not hollow (a hollow one is GL603's): what GL604 and GL605
    judge."""
    section = readable_section(report)
    if section is None or hollow(section.body, _min_chars(ctx)):
        return None
    return section


def _min_chars(ctx: RuleContext) -> int:
    return int(_number(ctx, OPTION_MIN_CHARS, 0, 100_000))


def _is_word(char: str) -> bool:
    """A CJK ideograph, an ASCII letter or digit, or a full-width digit: what counts toward a body's length."""
    return "\u4e00" <= char <= "\u9fff" or (char.isascii() and char.isalnum()) or "０" <= char <= "９"


def meaningful(body: str) -> str:
    """The body without spaces and punctuation: what the length and "无" are judged on."""
    return "".join(filter(_is_word, body))


def hollow(body: str, min_chars: int) -> bool:
    words = meaningful(body)
    return not words or words in NOTHING or len(words) < min_chars


def _found(body: str, words: Iterable[str], negated: re.Pattern[str]) -> bool:
    """Whether any of ``words`` occurs in ``body`` other than right after a ``negated`` prefix."""
    for word in words:
        start = body.find(word)
        while start >= 0:
            if not negated.search(body, max(0, start - 8), start):
                return True
            start = body.find(word, start + 1)
    return False


def _heading(section: Section) -> str:
    return " ".join(section.title.split())


class SectionFiveHollow(Rule):
    meta = RuleMeta(
        code="GL603",
        name="section-five-hollow",
        category="text",
        severity=Severity.WARNING,
        summary_zh="第五部分“存在的主要问题及改进情况”为空、只写“无”或过短",
        summary_en="Section 五 (problems and improvements) is empty, says only 无, or is too short",
        rationale=(
            "条例 第五十条(四) requires the annual report to state 存在的主要问题及改进情况, and reviewers score "
            "内容翔实. A section 五 that is empty, says only 无 (暂无, 没有, 不存在问题…), or holds fewer than "
            "`substance-min-chars` characters (default 40, punctuation and spaces not counted) names no problem "
            "and no measure. A section 五 that is missing is GL101's; a section that was not read whole (an "
            "undecodable byte, a region the parser could not place) is not judged."
        ),
        bad_example="五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n…",
        good_example=(
            "五、存在的主要问题及改进情况\n一是“基层政务公开”栏目更新不及时，全年有3个月未更新。下一步，"
            "我镇将建立每月更新台账，由党政办专人负责。\n六、其他需要报告的事项\n…"
        ),
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第五十条第（四）项要求年度报告写明“政府信息公开工作存在的主要问"
            "题及改进情况”，评审也看内容是否翔实。第五部分为空、只写“无”（暂无、没有、不存在问题……），"
            "或去掉标点和空格后少于 `substance-min-chars`（默认40）个字，就既没有说明问题，也没有说明措施。"
            "缺少第五部分由 GL101 报告；第五部分没有完整读取的（有无法解码的字节，或有无法归位的内容）"
            "不作判断。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        section = readable_section(report)
        if section is None:
            return
        min_chars = _min_chars(ctx)
        words = meaningful(section.body)
        if words and words not in NOTHING and len(words) >= min_chars:
            return
        if not words:
            zh_what, en_what = "为空", "is empty"
        elif words in NOTHING:
            zh_what, en_what = f"只写了“{words}”", f"says only {words}"
        else:
            zh_what, en_what = f"只有 {len(words)} 字", f"has only {len(words)} characters"
        heading = _heading(section)
        yield self.diagnostic(
            report,
            section.span,
            zh=f"第五部分“{heading}”{zh_what}：应写明本年度存在的主要问题和改进措施（至少 {min_chars} 字）",
            en=f"section 五 ({heading}) {en_what}: expected the year's main problems and the measures taken "
            f"(at least {min_chars} characters)",
            key="five.hollow",
            expected=min_chars,
            actual=len(words),
        )


class SectionFiveHalf(Rule):
    meta = RuleMeta(
        code="GL604",
        name="section-five-half-missing",
        category="text",
        severity=Severity.WARNING,
        summary_zh="第五部分只写了问题而没有改进措施，或只写了措施而没有问题",
        summary_en="Section 五 states problems but no measures, or measures but no problems",
        rationale=(
            "Section 五 is 存在的主要问题及改进情况 (条例 第五十条(四)): both halves are required. The section is read "
            "with two generous lexicons: problem words (问题, 不足, 差距, 有待, 不够, 滞后…) and measure words "
            "(下一步, 将, 加强, 完善, 推进, 整改…); a measure verb right after 有待/仍需/还需 (有待进一步加强) is "
            "part of a problem, and 问题 right after 未发现/不存在/没有 is no problem. Only a section with none "
            "of one kind is reported, so a word in either lexicon keeps the rule silent. A province extends "
            "the lexicons with `substance-problem-words` and `substance-measure-words`, or a plugin by "
            "declaring options ending in `-problem-words` / `-measure-words`. A hollow section is GL603's."
        ),
        bad_example=(
            "五、存在的主要问题及改进情况\n一是政策解读形式单一，未运用图解、视频等方式；二是“基层政务公开”栏目"
            "更新不及时，部分信息公开滞后。\n六、其他需要报告的事项\n…"
        ),
        good_example=(
            "五、存在的主要问题及改进情况\n一是政策解读形式单一，未运用图解、视频等方式。下一步，我镇将对重要"
            "政策配套图解解读。\n六、其他需要报告的事项\n…"
        ),
        rationale_zh=(
            "第五部分是“存在的主要问题及改进情况”（《中华人民共和国政府信息公开条例》第五十条第（四）"
            "项），问题和改进两方面都要写。本规则用两组宽松的词表读这一部分：问题词（问题、不足、差距、"
            "有待、不够、滞后……）和措施词（下一步、将、加强、完善、推进、整改……）；紧跟在“有待、仍需、"
            "还需”之后的措施词（有待进一步加强）算作问题，紧跟在“未发现、不存在、没有”之后的“问题”不算问题。"
            "只有某一类词完全没有时才报告，因此任一词表中的一个词就能使本规则不报告。省级可用 `substance-prob"
            "lem-words` 和 `substance-measure-words` 扩充词表，插件可声明以 `-problem-words` / `-measure-word"
            "s` 结尾的选项。第五部分空洞的由 GL603 报告。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        section = substantial_section(report, ctx)
        if section is None:
            return
        words = lexicons(ctx)
        body = "".join(section.body.split())  # a PDF's line break may fall between 有待 and 进一步提高
        problems = _found(body, words.problems, _NEGATED_PROBLEM)
        measures = _found(body, words.measures, _NEGATED_MEASURE)
        if problems == measures:
            return
        heading = _heading(section)
        if problems:
            zh = f"第五部分“{heading}”只写了存在的问题，没有改进措施：应写明针对问题的改进措施"
            en = f"section 五 ({heading}) states problems but no measure: expected the measures taken or planned"
            key = "five.no_measures"
        else:
            zh = f"第五部分“{heading}”只写了改进措施，没有指出存在的问题：应写明本年度存在的主要问题"
            en = f"section 五 ({heading}) states measures but no problem: expected the year's main problems"
            key = "five.no_problems"
        yield self.diagnostic(report, section.span, zh=zh, en=en, key=key)


@attrs.frozen(repr=False)
class Specificity(Record):
    """How section 五's sentences read: how many, how many generic, how many concrete."""

    sentences: int
    generic: int
    concrete: int


def specificity(body: str, generic_phrases: Iterable[str]) -> Specificity:
    """Count the sentences of ``body``: generic (a generic phrase and nothing concrete) and concrete."""
    phrases = tuple(generic_phrases)
    sentences = generic = concrete = 0
    # A PDF's lines break inside sentences: join them, and drop the page numbers ("-4-") between pages.
    body = "\n".join(line for line in body.split("\n") if not is_page_number(line.strip()))
    joined = _LINE_BREAK.sub("", body)
    for match in _SENTENCE.finditer(joined):
        # An enumeration "一是…二是…" in one sentence is one item each.
        for item in _ENUMERATED.split(match.group()):
            if len(meaningful(item)) < 6:
                continue
            sentences += 1
            if _CONCRETE.search(item):
                concrete += 1
            elif any(phrase in item for phrase in phrases):
                generic += 1
    return Specificity(sentences, generic, concrete)


class SectionFiveGeneric(Rule):
    meta = RuleMeta(
        code="GL605",
        name="section-five-generic",
        category="text",
        severity=Severity.INFO,
        summary_zh="第五部分多为“有待加强”“进一步提升”等套话，具体内容很少",
        summary_en="Section 五 is mostly generic phrases, with few concrete statements",
        rationale=(
            "Reviewers score 内容翔实: problems and measures that a reader can check. Section 五 is split "
            "into sentences and into the items of 一是/二是; an item is *concrete* when it has a number (a "
            "bare year does not count), a date or a frequency (6月, 年底前, 每季度), a named document (《…》, "
            "but not the 条例 or the disclosure rules every report cites), a name in quotes (“…”), a named "
            "system (实行…制度) or a named channel (栏目, 专栏, 公众号, 台账…); it is *generic* when it is "
            "not concrete and holds a generic phrase (有待加强, 进一步提升, 持续推进…; extend with "
            "`substance-generic-phrases` or a plugin option ending in `-generic-phrases`). The rule reports "
            "when at least `substance-generic-share` of the items (default 0.6) are generic and at most "
            "`substance-concrete-share` (default 0.2) are concrete, in a section of at least 4 items. Info "
            "only: a judgement of style, not a breach. A hollow section is GL603's."
        ),
        bad_example=(
            "五、存在的主要问题及改进情况\n政务公开工作取得一定成效，但公开质量有待提升，业务水平还需进一步加强。"
            "下一步，我镇将进一步加强培训。一是持续推进政务公开。二是不断提升工作水平。\n六、其他需要报告的事项\n…"
        ),
        good_example=(
            "五、存在的主要问题及改进情况\n“基层政务公开”栏目有3个月未更新。下一步，我镇将建立每月更新台账，"
            "2025年6月前完成栏目梳理。\n六、其他需要报告的事项\n…"
        ),
        rationale_zh=(
            "评审看内容是否翔实：问题和措施要具体到读者可以核对。第五部分按句子和“一是、二是”等条目拆分；"
            "条目含有以下内容之一即为“具体”：数字（单独的年份不算）、日期或频次（6月、年底前、每季度）"
            "、文件名称（《……》，但每份报告都会引用的条例和公开规定不算）、带引号的名称（“……”）、具体制度（实"
            "行……制度）或具体渠道（栏目、专栏、公众号、台账……）；不具体且含有套话（有待加强、进一步提升、"
            "持续推进……；可用 `substance-generic-phrases` 或以 `-generic-phrases` 结尾的插件选项扩充）"
            "的条目为“套话”。在至少4个条目的部分中，套话条目至少占 `substance-generic-share`（默认0.6）"
            "且具体条目至多占 `substance-concrete-share`（默认0.2）时报告。仅为提示：这是对写法的判断，"
            "不是违规。第五部分空洞的由 GL603 报告。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        section = substantial_section(report, ctx)
        if section is None:
            return
        generic_share = _number(ctx, OPTION_GENERIC_SHARE, 0, 1)
        concrete_share = _number(ctx, OPTION_CONCRETE_SHARE, 0, 1)
        score = specificity(section.body, lexicons(ctx).generic)
        if score.sentences < _MIN_ITEMS:
            return  # too few to judge a style; a short section is GL603's
        if score.generic < generic_share * score.sentences or score.concrete > concrete_share * score.sentences:
            return
        heading = _heading(section)
        yield self.diagnostic(
            report,
            section.span,
            zh=f"第五部分“{heading}”的 {score.sentences} 句中有 {score.generic} 句是套话，"
            + (f"仅 {score.concrete} 句有具体内容" if score.concrete else "没有一句有具体内容")
            + "：应写明具体的问题和措施（数字、时间、具体制度或栏目）",
            en=f"section 5 ({heading}): {score.generic} of {score.sentences} sentences are generic phrases and "
            f"{score.concrete} concrete: expected particular problems and measures (numbers, dates, named "
            "systems or columns)",
            key="five.generic",
            expected=f"<={concrete_share:g} generic share",
            actual=f"{score.generic}/{score.sentences}",
        )


# ----- corrected cases ------------------------------------------------------------------------------------

#: Words that speak of a corrected case.
CORRECTION_WORDS: tuple[str, ...] = ("纠正", "纠错", "撤销", "确认违法", "败诉", "责令", "重新答复", "重新作出")
_CASE_WORDS = ("复议", "诉讼", "案件", "起诉")
#: The patterns searched only in a report whose table 四 counts corrected cases.
_CORRECTION = re.compile("|".join(CORRECTION_WORDS))
_SEPARATORS = re.compile(r"[\s|｜]+")
_LABELS = re.compile("结果维持结果纠正(?:其他结果)?")
_PUNCTUATED = re.compile("[。，,；;]")
_REVIEW_GROUPS = 3
_CASE_COUNT = re.compile(r"\d+\s*(?:件|起|宗|个)")


def corrected_cases(report: Report, ctx: RuleContext) -> tuple[int, tuple[Cell, ...]] | None:
    """The number of corrected cases in table 四 (结果纠正 of reviews and lawsuits) and their cells, or None
    when table 四 or one of those cells was not read, or a row or column through them does not add up."""
    cells = review_cells(report, "corrected")
    if cells is None or len(cells) < _REVIEW_GROUPS:
        return None  # a group not printed would make the count short
    suspect = suspect_cells(report, ctx)
    if any(("review_litigation", cell.key) in suspect for cell in cells):
        return None
    return sum(int(cell.value or 0) for cell in cells), cells


def speaks_of_cases(report: Report) -> bool:
    """Whether the report speaks of the cases: a correction word in its text, or a sentence of the prose
    about reviews or lawsuits that states a count.

    Table 四's column labels (结果维持 结果纠正 其他结果, broken over lines or not) are no mention: from the
    heading of section 四 to the end of the table, only lines with sentence punctuation are searched, and
    elsewhere the run of labels is removed.  Sentences between the heading and the table count wherever the
    table's span begins.  The correction words are looked for in ``report.text``, not only in the sentence
    nodes: a word in any line outside table 四 (a table's cell, a line the parser left unplaced) is a mention,
    and table 四's labels printed outside its span are text, not nodes."""
    text = report.text
    table = report.tables.review_litigation
    lo = hi = 0
    if table is not None and table.span is not None:
        lo, hi = table.span.start, table.span.end
        section = report.section("review_litigation")
        if section is not None and section.body_span.start <= lo:
            lo = section.body_span.start
    prose = "\n".join(line for line in text[lo:hi].split("\n") if _PUNCTUATED.search(line))
    outside = _LABELS.sub("", _SEPARATORS.sub("", text[:lo] + "\n" + text[hi:]))  # "纠\n正" is 纠正
    if _CORRECTION.search(outside) or _CORRECTION.search(_LABELS.sub("", _SEPARATORS.sub("", prose))):
        return True
    for start, end in report.sentences.offsets():
        words = "".join(text[start:end].split())
        if any(word in words for word in _CASE_WORDS) and _CASE_COUNT.search(words):
            return True
    return False


class CorrectedCasesUnmentioned(Rule):
    meta = RuleMeta(
        code="GL606",
        name="corrected-cases-unmentioned",
        category="text",
        severity=Severity.INFO,
        summary_zh="表四有被纠正的行政复议或诉讼案件，但正文没有提及",
        summary_en="Table 四 has corrected reviews or lawsuits, and the text never mentions them",
        rationale=(
            "条例 第五十条(三) asks the report for the reviews and lawsuits arising from disclosure "
            "work. A case whose result was corrected (结果纠正: 撤销, 确认违法, 责令履行…) is a failure of "
            "the year's work, and reviewers' schemes deduct per case; a report that only counts it in "
            "table 四 hides it. When table 四's 结果纠正 cells (review, direct lawsuits, lawsuits after "
            "review) add up to more than 0 and no sentence of the text mentions a correction (纠正, "
            "纠错, 撤销, 确认违法, 败诉, 责令…) or states the cases (a sentence about 复议 or 诉讼 with "
            "a count), the rule points at the first corrected cell. Info only. A cell that was not "
            "read, or whose row does not add up (GL204's), makes it silent. The count of corrected "
            "cases is also on each linted report (`LintResult.corrected_cases`) and in the JSON output "
            "(`reports[].score.corrected_cases`)."
        ),
        bad_example=(
            "一、总体情况\n2024年，我镇依法办理政府信息公开申请。\n…\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 0 | 1 | 0 | 0 | 1"
        ),
        good_example=(
            "一、总体情况\n2024年，我镇依法办理政府信息公开申请，发生行政复议1件，因答复超期被复议机关确认违法，"
            "已整改。\n…\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 0 | 1 | 0 | 0 | 1"
        ),
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第五十条第（三）项要求报告因政府信息公开工作被申请行政复议、"
            "提起行政诉讼的情况。结果被纠正的案件（结果纠正：撤销、确认违法、责令履行……）说明当年工作有失误，"
            "评审方案按件扣分；只在第四部分表格中计数而正文不提，等于把它藏了起来。第四部分表格的“结果纠正”（"
            "行政复议、直接起诉、复议后起诉）合计大于0，而正文没有任何一句提到纠正（纠正、纠错、撤销、"
            "确认违法、败诉、责令……）或说明这些案件（关于复议或诉讼且带件数的句子）时，本规则指向第一个有纠正"
            "的单元格。仅为提示。未能读取的单元格，或所在行不满足勾稽关系的（由 GL204 报告），本规则不报告。"
            "被纠正的案件数也记录在每份报告的检查结果中（`LintResult.corrected_cases`）和 JSON 输出中"
            "（`reports[].score.corrected_cases`）。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        found = corrected_cases(report, ctx)
        if found is None or found[0] <= 0 or speaks_of_cases(report):
            return
        count, cells = found
        first = next(cell for cell in cells if cell.value)
        line = f"（第 {first.span.line} 行）" if first.span is not None else ""
        line_en = f" (line {first.span.line})" if first.span is not None else ""
        yield self.diagnostic(
            report,
            first.span,
            zh=f"表四“结果纠正”共 {count} 件{line}，但正文没有提及被纠正的案件：应说明案件及整改情况",
            en=f"table 四 has {count} corrected case(s){line_en}, but the text never mentions them: expected the "
            "cases and what was done about them",
            key="text.corrected_unmentioned",
            expected="a mention",
            actual=count,
        )


SUBSTANCE_RULES: tuple[type[Rule], ...] = (
    SectionFiveHollow,
    SectionFiveHalf,
    SectionFiveGeneric,
    CorrectedCasesUnmentioned,
)
