"""What the report says against what its tables show (GL601, GL602).

Sentences of the prose (the text outside the tables) that state a count of applications, of cases or of
第二十条 documents are read into :class:`Claim` records, which the rules compare with the cells of tables 二,
三 and 四.  A claim is read only when it is *anchored*: the phrase and its count stand in one clause, the
count right after the phrase, and the clause holds no scope word (备案, 其中, 累计, 同比, 较上年, 全市, 各部门,
下属, a year other than the report's…) that would make it count something else.  A cell that was not read
makes its claim not assessable: it is never compared, never accused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from govlint.diagnostics import Diagnostic, Severity
from govlint.model import Cell, Number, Report
from govlint.records import Record
from govlint.rule import Rule, RuleContext, RuleMeta
from govlint.rules.relations import outcomes
from govlint.schema import REVIEW_GROUP_KEYS

#: Clause ends in a sentence of the prose (the sentences are the report's: :attr:`Report.sentences`).
_CLAUSE = re.compile(r"[^，,]+")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
#: Words that give a clause another scope than the body's own tables for the report year.
SCOPE_WORDS: tuple[str, ...] = (
    "备案",
    "其中",
    "累计",
    "同比",
    "较上年",
    "比上年",
    "全市",
    "全区",
    "全县",
    "全省",
    "全镇",
    "各部门",
    "各单位",
    "下属",
    "所属",
    "日均",
    "月均",
    "代表",
)
_SCOPE = re.compile("|".join(map(re.escape, SCOPE_WORDS)))
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
#: A count: "共计258件", "为 3 件"; group 1 is the number.
_COUNT = r"\s*(?:共计|共|总计|合计|为|达)?\s*(\d+)\s*件"
#: What may stand between a phrase and its count: no number, no clause end, no parenthesis, and in the
#: wider gap no enumeration comma (、) either.
_GAP = r"[^\d，,。；;、（(]{0,24}?"
_NEAR = r"[^\d，,。；;（(]{0,12}?"
#: Qualifiers that make 办结/答复 a count of one kind of answer, not of all concluded applications.
_ANSWER_KINDS = ("同意", "不予", "无法", "部分", "予以", "告知", "不属于", "补正", "公开答复", "信息不存在", "不存在")
_CASE_RESULTS = ("维持", "纠正", "撤销", "败诉", "胜诉", "审结", "结果", "驳回", "确认违法")


@attrs.frozen(repr=False, eq=False)
class Claim(Record):
    """A count stated by a sentence: what it counts, the number, where, and the whole sentence."""

    kind: str
    value: int
    #: Where the number is printed (the finding points there) and the sentence quoted.
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    #: A percentage stated with the count ("…258件，占30%"), or None.
    percent: Decimal | None = None
    percent_start: int = 0
    percent_end: int = 0
    #: "含上年结转…": the count includes the carried-over applications.
    includes_carried_over: bool = False


#: What follows a phrase up to its count (group 1), from the phrase's end.
_COUNT_WITHIN_GAP = re.compile(_GAP + _COUNT)
_COUNT_NEAR = re.compile(_NEAR + _COUNT)
_COUNT_NEXT = re.compile(_COUNT)
#: (kind, phrase, what follows it) in the order they are tried on each clause.  A phrase's group "doc"
#: names the 第二十条 document in the kind.  The counts after a phrase are matched once per kind of gap, not
#: once per phrase.
_PHRASES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("carried_over", re.compile(r"(?:上一?年度?|上年)\s*结转"), _COUNT_WITHIN_GAP),
    ("carried_over", re.compile(r"结转上一?年度?"), _COUNT_WITHIN_GAP),
    ("carried_forward", re.compile(r"结转(?:至|到)?下一?年度?"), _COUNT_WITHIN_GAP),
    ("granted_partial", re.compile(r"予以公开(?:及|和|与|、)部分公开"), _COUNT_WITHIN_GAP),
    ("partial", re.compile(r"(?<!予以公开及)(?<!予以公开和)(?<!、)部分公开"), _COUNT_WITHIN_GAP),
    ("granted", re.compile(r"予以公开(?!及|和|与|、)"), _COUNT_WITHIN_GAP),
    ("review", re.compile(r"行政复议"), _COUNT_WITHIN_GAP),
    ("litigation", re.compile(r"(?:行政)?诉讼"), _COUNT_WITHIN_GAP),
    ("art20.{doc}.issued", re.compile(r"(?:制发|制定|印发|出台)(?:了)?(?:行政)?(?P<doc>规章|规范性文件)"), _COUNT_NEXT),
    ("art20.{doc}.repealed", re.compile(r"废止(?:了)?(?:行政)?(?P<doc>规章|规范性文件)"), _COUNT_NEXT),
    ("art20.{doc}.in_force", re.compile(r"现行有效(?:的)?(?:行政)?(?P<doc>规章|规范性文件)"), _COUNT_NEXT),
    ("received", re.compile(r"新收|收到|受理"), re.compile(_GAP + "申请" + _NEAR + _COUNT)),
    ("received", re.compile(r"申请"), re.compile(_NEAR + r"(?:新收|收到|受理)[^\d，,。；;（(]{0,4}?" + _COUNT)),
    ("concluded", re.compile(r"办结|答复"), _COUNT_NEAR),
)


def _phrase_counts(
    phrase: re.Pattern[str], after: re.Pattern[str], body: str
) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each phrase of ``body`` with the count after it, as :func:`re.finditer` of the phrase followed by
    ``after`` finds them: left to right, the next one searched after the count.  (Every phrase ends in one
    place wherever it starts, so nothing is lost by matching what follows it apart.)"""
    position = 0
    while (found := phrase.search(body, position)) is not None:
        count = after.match(body, found.end())
        if count is None:
            position = found.start() + 1
            continue
        yield found, count
        position = count.end()


#: What may follow a count: its share, and that it holds the carried-over.
_PERCENT = re.compile(r"\s*[，,]?\s*占[^\d，,。；;]{0,10}?(\d+(?:\.\d+)?)\s*[%％]")
_INCLUDES_CARRIED = re.compile(r"\s*[（(]\s*含[^）)]{0,12}?结转")


def _different_year(clause: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in _YEAR.findall(clause))


class _ClauseWords:
    """What :func:`_kind_allowed` asks of a clause, found once per clause: asked again for each of its
    matches, a clause of megabytes with thousands of counts (one line without a full stop) was quadratic."""

    def __init__(self, clause: str) -> None:
        self.results = any(word in clause for word in _CASE_RESULTS)
        self.appeals = "复议" in clause or "诉讼" in clause
        #: Where the first answer word (予以公开 …) ends: it stands before a phrase that starts there or later.
        self.answer_end = min(
            (at + len(word) for word in _ANSWER_KINDS if (at := clause.find(word)) >= 0), default=len(clause) + 1
        )


def _kind_allowed(kind: str, words: _ClauseWords, phrase_start: int) -> bool:
    """Whether a match of ``kind`` at ``phrase_start`` of a clause (``words``: what the clause holds) counts."""
    if kind in ("review", "litigation"):
        return not words.results
    if kind in ("received", "concluded"):
        if words.appeals:
            return False
        if kind == "concluded" and words.answer_end <= phrase_start:
            return False
    return True


def claims(report: Report) -> tuple[Claim, ...]:
    """Every anchored count the prose states (see the module docstring)."""
    text = report.text
    found: list[Claim] = []
    for sentence_start, sentence_end in report.sentences.offsets():
        for clause in _CLAUSE.finditer(text, sentence_start, sentence_end):
            body = clause.group()
            if _scopes_on(body):
                break  # "其中，通过网站受理申请3件": the scope reaches over the comma to the sentence's end
            found.extend(_clause_claims(report, sentence_start, sentence_end, clause))
    return tuple(found)


def _scopes_on(clause: str) -> bool:
    """A clause that is only a scope ("其中", "全市范围内"): a scope word and no number."""
    flat = _flat(clause)
    return _SCOPE.search(flat) is not None and not any(ch.isdigit() for ch in flat)


def _flat(text: str) -> str:
    """``text`` without spaces and line breaks: what a word search must see ("其\n中" is 其中)."""
    return "".join(text.split())


def _clause_claims(report: Report, sentence_start: int, sentence_end: int, clause: re.Match[str]) -> Iterator[Claim]:
    text = report.text
    # The phrases are matched on the clause without its spaces and line breaks ("予以公开及\n部分公开"), and
    # each position mapped back to the text.
    raw = clause.group()
    if "件" not in raw or _DIGIT.search(raw) is None:
        return  # every count is digits and 件
    kept = _kept_positions(raw)
    body = raw if len(kept) == len(raw) else "".join([raw[i] for i in kept])
    if _SCOPE.search(body) is not None or _different_year(body, report.report_year):
        return
    offset = clause.start()
    taken: set[int] = set()
    words = _ClauseWords(body)
    for kind, phrase, after_phrase in _PHRASES:
        for found, count in _phrase_counts(phrase, after_phrase, body):
            flat_start, flat_end = count.span(count.re.groups)  # the count is the last group
            if flat_start in taken or not _kind_allowed(kind, words, found.start()):
                continue
            taken.add(flat_start)
            start, end, after = (
                offset + kept[flat_start],
                offset + kept[flat_end - 1] + 1,
                offset + kept[count.end() - 1] + 1,
            )
            name = kind.format(doc="regulations" if found.groupdict().get("doc") == "规章" else "normative_documents")
            percent = _PERCENT.match(text, after, sentence_end)
            yield Claim(
                kind=name,
                value=int(body[flat_start:flat_end]),
                start=start,
                end=end,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                percent=Decimal(percent.group(1)) if percent else None,
                percent_start=percent.start(1) if percent else 0,
                percent_end=percent.end(1) if percent else 0,
                includes_carried_over=_INCLUDES_CARRIED.match(body, count.end()) is not None,
            )


def _kept_positions(raw: str) -> Sequence[int]:
    """The positions of ``raw`` that are not spaces, and of the spaces that separate two numbers ("4 0"):
    kept, so that they do not become 40.  One pass: each run of spaces is judged once, by its neighbours."""
    kept: list[int] = []
    pos = 0
    for run in _SPACES.finditer(raw):
        start, end = run.span()
        kept.extend(range(pos, start))
        if start > 0 and end < len(raw) and raw[start - 1].isdigit() and raw[end].isdigit():
            kept.extend(range(start, end))
        pos = end
    if pos == 0:
        return range(len(raw))
    kept.extend(range(pos, len(raw)))
    return kept


# ----- the cells a claim is compared with -----------------------------------------------------------------


@attrs.frozen(repr=False, eq=False)
class Target(Record):
    """The cells a claim is compared with (their sum), and their names in both languages."""

    table: str
    keys: tuple[str, ...]
    zh: str
    en: str


_TARGETS: dict[str, Target] = {
    "received": Target(
        "applications",
        ("new_received.total",),
        "表三“本年新收政府信息公开申请数量”总计",
        "table 三, applications received this year, total",
    ),
    "carried_over": Target(
        "applications",
        ("carried_over.total",),
        "表三“上年结转政府信息公开申请数量”总计",
        "table 三, applications carried over from last year, total",
    ),
    "carried_forward": Target(
        "applications",
        ("carried_forward.total",),
        "表三“结转下年度继续办理”总计",
        "table 三, carried forward to next year, total",
    ),
    "concluded": Target(
        "applications", ("results_total.total",), "表三“（七）总计”总计", "table 三, (七) total of results"
    ),
    "granted": Target("applications", ("granted.total",), "表三“（一）予以公开”总计", "table 三, (一) granted, total"),
    "partial": Target(
        "applications", ("partially_granted.total",), "表三“（二）部分公开”总计", "table 三, (二) partly granted, total"
    ),
    "granted_partial": Target(
        "applications",
        ("granted.total", "partially_granted.total"),
        "表三“（一）予以公开”与“（二）部分公开”总计之和",
        "table 三, the sum of (一) granted and (二) partly granted",
    ),
    "review": Target(
        "review_litigation", ("review.total",), "表四“行政复议”总计", "table 四, administrative reviews, total"
    ),
    "litigation": Target(
        "review_litigation",
        ("litigation_direct.total", "litigation_after_review.total"),
        "表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计之和",
        "table 四, lawsuits (direct and after review), total",
    ),
    "art20.regulations.issued": Target(
        "active_disclosure",
        ("regulations.issued",),
        "表二第二十条第（一）项“规章”本年制发件数",
        "table 二, Article 20 (1), regulations issued this year",
    ),
    "art20.regulations.repealed": Target(
        "active_disclosure",
        ("regulations.repealed",),
        "表二第二十条第（一）项“规章”本年废止件数",
        "table 二, Article 20 (1), regulations repealed this year",
    ),
    "art20.regulations.in_force": Target(
        "active_disclosure",
        ("regulations.in_force",),
        "表二第二十条第（一）项“规章”现行有效件数",
        "table 二, Article 20 (1), regulations in force",
    ),
    "art20.normative_documents.issued": Target(
        "active_disclosure",
        ("normative_documents.issued",),
        "表二第二十条第（一）项“行政规范性文件”本年制发件数",
        "table 二, Article 20 (1), normative documents issued this year",
    ),
    "art20.normative_documents.repealed": Target(
        "active_disclosure",
        ("normative_documents.repealed",),
        "表二第二十条第（一）项“行政规范性文件”本年废止件数",
        "table 二, Article 20 (1), normative documents repealed this year",
    ),
    "art20.normative_documents.in_force": Target(
        "active_disclosure",
        ("normative_documents.in_force",),
        "表二第二十条第（一）项“行政规范性文件”现行有效件数",
        "table 二, Article 20 (1), normative documents in force",
    ),
}


def _cells(report: Report, table: str, keys: Sequence[str]) -> list[Cell] | None:
    """The cells, or None when any of them was not read (the claim is then not assessable)."""
    found = report.tables.get(table)
    if found is None:
        return None
    cells = [found.cell(key) for key in keys]
    if any(cell is None or cell.value is None for cell in cells):
        return None
    return [cell for cell in cells if cell is not None]


def _where(report: Report, cells: Sequence[Cell]) -> tuple[str, str]:
    lines = sorted({cell.span.line for cell in cells if cell.span is not None})
    if not lines:
        return "", ""
    shown = "、".join(map(str, lines))
    return f"（第 {shown} 行）", f" (line {', '.join(map(str, lines))})"


def _quote(report: Report, start: int, end: int) -> str:
    """The sentence as one line (a line break inside it joined), at most 80 characters."""
    # a line break and the spaces around it are dropped; split, not a regular expression, so that a run
    # of a million spaces costs one pass (r"\s*\n\s*" tried it again from each of its spaces).  Only as
    # much of the sentence is joined as the quote needs: a line of megabytes without a full stop is one
    # sentence, and each of its thousands of claims joined all of it (quadratic: 5.8 MB ran 60 s).
    size = 256
    while True:
        stop = min(end, start + size)
        sentence = " ".join("".join(part.strip() for part in report.text[start:stop].split("\n")).split())
        if len(sentence) > 80 or stop == end:
            return sentence if len(sentence) <= 80 else sentence[:78] + "…"
        size *= 4


def _show(value: Number) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def suspect_cells(report: Report, ctx: RuleContext) -> set[tuple[str, str]]:
    """(table, cell key) of every cell in a relation of its table that fails: the table disagrees with itself
    there, which the GL2xx rules report, so the text is not compared with it."""
    return {(o.relation.table, key) for o in outcomes(report, ctx) if o.failed for _, key in o.relation.terms}


class TextContradictsCount(Rule):
    meta = RuleMeta(
        code="GL601",
        name="text-count-mismatch",
        category="text",
        severity=Severity.INFO,
        summary_zh="正文所述件数与表格中对应的数字不一致",
        summary_en="A count stated in the text differs from its cell in the tables",
        rationale=(
            "The text and the tables of a report describe the same year; 国办公开办函〔2021〕30号 asks for data "
            "that are accurate and consistent. A sentence that states a count — applications received (新收/收到/"
            "受理…申请 N 件), concluded (办结/答复 N 件), carried over or forward (上年结转, 结转下年度), granted "
            "(予以公开, 部分公开, or both together as a sum), administrative reviews and lawsuits (行政复议, 行政诉讼 "
            "N 件), and the 第二十条 documents (制发, 废止, 现行有效 规章 or 规范性文件 N 件) — is compared with its "
            "cell in table 二, 三 or 四, and a stated percentage (…N件，占X%) is recomputed against the total "
            "concluded. Only a count that belongs to its phrase within one clause is read; a clause with a scope "
            "word (备案, 其中, 累计, 同比, 较上年, 全市/全区/全县, 各部门, 下属) or another year is skipped, "
            "because it counts something else; 含上年结转 after a count of received applications adds the "
            "carried-over ones. A cell that was not read, or that fails the table's own arithmetic, makes the "
            "sentence not assessable. The finding quotes the sentence, points at the number and names the cell "
            "and its line. It is a notice (info), as the format's cross-section relations are advisory: the text "
            "may count a scope the table does not (a body's whole office, cases filed for record); a reviewer who "
            "wants it scored sets its severity."
        ),
        bad_example=(
            "一、总体情况\n2024年，我镇共受理政府信息公开申请5件。\n…\n"
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4"
        ),
        good_example=(
            "一、总体情况\n2024年，我镇共受理政府信息公开申请4件。\n…\n"
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4"
        ),
        rationale_zh=(
            "同一份报告的正文和表格说的是同一年，国办公开办函〔2021〕30号要求数据准确、前后一致。正文中说明件"
            "数的句子——新收、收到、受理申请 N 件，办结、答复 N 件，上年结转、结转下年度，予以公开、部分公开（"
            "或两者之和），行政复议、行政诉讼 N 件，第二十条的规章或规范性文件制发、废止、现行有效 N "
            "件——与第二、三、四部分表格中对应的单元格比较；写明的百分比（……N件，占X%）按办结总数重新计算。"
            "只读取在同一分句中紧随其说法的件数；含有范围词（备案、其中、累计、同比、较上年、全市/全区/全县、"
            "各部门、下属）或其他年份的分句跳过，因为它们统计的是别的东西；新收申请件数后写“含上年结转”的，"
            "加上结转件数。未能读取的单元格，或本身不满足表格勾稽关系的单元格，使该句无法判断。问题引用该句，"
            "指向该数字，并指出对应的单元格及其所在行。它是提示（info），因为格式中跨部分的关系只作参考：正文"
            "统计的范围可能与表格不同（整个机关、备案案件）；需要计分的审查人员可调整其严重程度。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        suspect = suspect_cells(report, ctx)
        for claim in ctx.shared(report, claims):
            target = _TARGETS[claim.kind]
            keys = target.keys
            zh_name, en_name = target.zh, target.en
            if claim.kind == "received" and claim.includes_carried_over:
                keys = (*keys, "carried_over.total")
                zh_name += "与“上年结转”总计之和"
                en_name += " plus the carried-over total"
            cells = _cells(report, target.table, keys)
            if cells is None or any((target.table, f"{c.row}.{c.column}") in suspect for c in cells):
                continue  # not assessable, or the table disagrees with itself there (GL2xx reports it)
            expected: Number = sum((cell.value or 0 for cell in cells), start=0)
            if claim.kind == "litigation" and claim.value in [cell.value for cell in cells]:
                continue  # the sentence counts one kind of lawsuit only
            where_zh, where_en = _where(report, cells)
            quote = _quote(report, claim.sentence_start, claim.sentence_end)
            if claim.value != expected:
                yield self.diagnostic(
                    report,
                    report.span(claim.start, claim.end),
                    zh=f"正文“{quote}”所述 {claim.value} 件与{zh_name}{where_zh}的 {_show(expected)} 不一致："
                    f"应为 {_show(expected)} 件",
                    en=f"the text says {claim.value} where {en_name}{where_en} is {_show(expected)}: "
                    f"expected {_show(expected)}",
                    key=f"text.{claim.kind}",
                    expected=expected,
                    actual=claim.value,
                )
            elif claim.percent is not None:
                yield from self._percent(report, claim, quote)

    def _percent(self, report: Report, claim: Claim, quote: str) -> Iterator[Diagnostic]:
        assert claim.percent is not None
        cells = _cells(report, "applications", ("results_total.total",))
        if cells is None or not cells[0].value:
            return
        share = Decimal(claim.value) * 100 / Decimal(cells[0].value)
        exponent = claim.percent.as_tuple().exponent
        step = Decimal(1).scaleb(min(0, exponent if isinstance(exponent, int) else 0))
        rounded = share.quantize(step, rounding=ROUND_HALF_UP)
        if abs(rounded - claim.percent) <= step:  # rounding up, down or to the nearest are all seen
            return
        total = cells[0].value
        yield self.diagnostic(
            report,
            report.span(claim.percent_start, claim.percent_end),
            zh=f"正文“{quote}”所述比例 {claim.percent}% 与 {claim.value}/{total}（表三“（七）总计”）不符："
            f"应约为 {rounded}%",
            en=f"the text states {claim.percent}%, but {claim.value} of {total} (table 三, (七) total) is "
            f"{rounded}%: expected about {rounded}%",
            key=f"text.{claim.kind}.percent",
            expected=str(rounded),
            actual=str(claim.percent),
        )


# ----- contradictions ------------------------------------------------------------------------------------

_NO_CASES = re.compile(
    r"(?:未发生|没有发生|未出现|没有|未有|无)[^，,。；;\d]{0,16}?(?P<what>行政复议|行政诉讼|复议|诉讼)"
    r"(?:(?:和|或|及|、|或者)(?:行政)?(?P<also>诉讼))?"
)
_ALL_CONCLUDED = re.compile(r"(?:全部|均已?|全都)(?:依法)?办结")
_ALL_UPHELD = re.compile(r"(?:均|全部|都)(?:获|被|予以|得到)?维持")


@attrs.frozen(repr=False, eq=False)
class _Contradiction(Record):
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    kind: str


def contradictions(report: Report) -> tuple[_Contradiction, ...]:
    """Statements of 'none' or 'all' that a table can contradict, in clauses without a scope word."""
    text = report.text
    found: list[_Contradiction] = []
    for sentence_start, sentence_end in report.sentences.offsets():
        # A statement of none or all reaches back over its sentence ("…累计受理4355件，全部办结").
        sentence_text = _flat(text[sentence_start:sentence_end])
        if _SCOPE.search(sentence_text) is not None:
            continue
        for clause in _CLAUSE.finditer(text, sentence_start, sentence_end):
            body = clause.group()
            flat = _flat(body)
            if _different_year(flat, report.report_year):
                continue
            span = (sentence_start, sentence_end)
            none = _NO_CASES.search(body)
            if none and not _DIGIT.search(body) and not any(w in flat for w in _CASE_RESULTS):
                what = {"review" if "复议" in none.group("what") else "litigation"}
                if none.group("also") or "诉讼" in body[none.end() : none.end() + 10]:
                    what.add("litigation")
                for kind in sorted(what):
                    found.append(
                        _Contradiction(clause.start() + none.start(), clause.start() + none.end(), *span, "no_" + kind)
                    )
            done = _ALL_CONCLUDED.search(body)
            if done and not any(w in sentence_text for w in ("结转", "上年", "复议", "诉讼", "期限", "时限")):
                found.append(
                    _Contradiction(clause.start() + done.start(), clause.start() + done.end(), *span, "all_concluded")
                )
            upheld = _ALL_UPHELD.search(body)
            if upheld:
                found.append(
                    _Contradiction(clause.start() + upheld.start(), clause.start() + upheld.end(), *span, "all_upheld")
                )
    return tuple(found)


class TextContradictsTable(Rule):
    meta = RuleMeta(
        code="GL602",
        name="text-contradicts-table",
        category="text",
        severity=Severity.WARNING,
        summary_zh="正文的“未发生”“全部办结”“均获维持”等表述与表格矛盾",
        summary_en="The text says none, all concluded or all upheld, and the tables say otherwise",
        rationale=(
            "A statement of none or all in the text is a count too, and 国办公开办函〔2021〕30号 asks the text and "
            "the tables to agree. 未发生行政复议/行政诉讼 contradicts table 四 "
            "when it has cases; 全部办结/均已办结 contradicts table 三 when 结转下年度继续办理 is above 0; 均获维持 "
            "contradicts table 四 when any 结果纠正 is above 0. Clauses with a scope word (备案, 其中, 累计, 全市…), "
            "another year, a number or a result of the cases are skipped; a cell that was not read makes the "
            "statement not assessable. The finding quotes the sentence and names the cell."
        ),
        bad_example=(
            "四、因政府信息公开申请行政复议、提起行政诉讼情况\n行政复议 | 0 | 1 | 0 | 0 | 1\n…\n"
            "本年度未发生政府信息公开行政复议。"
        ),
        good_example=(
            "四、因政府信息公开申请行政复议、提起行政诉讼情况\n行政复议 | 0 | 1 | 0 | 0 | 1\n…\n"
            "本年度发生政府信息公开行政复议1件，结果纠正1件。"
        ),
        rationale_zh=(
            "正文中“没有”“全部”之类的表述也是件数，国办公开办函〔2021〕30号要求正文与表格一致。写“未发生行政复"
            "议/行政诉讼”而第四部分的表有案件，写“全部办结/均已办结”而第三部分“结转下年度继续办理”大于0，"
            "写“均获维持”而第四部分任一“结果纠正”大于0，都是矛盾。含有范围词（备案、其中、累计、全市……）"
            "、其他年份、数字或案件结果的分句跳过；未能读取的单元格使该表述无法判断。问题引用该句并指出对应的"
            "单元格。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        for item in ctx.shared(report, contradictions):
            found = self._table_side(report, item.kind)
            if found is None:
                continue
            value, cells, zh_name, en_name, zh_claim, en_claim = found
            if value <= 0:
                continue
            where_zh, where_en = _where(report, cells)
            quote = _quote(report, item.sentence_start, item.sentence_end)
            yield self.diagnostic(
                report,
                report.span(item.start, item.end),
                zh=f"正文“{quote}”称{zh_claim}，但{zh_name}{where_zh}为 {_show(value)}：应与表格一致",
                en=f"the text says {en_claim}, but {en_name}{where_en} is {_show(value)}: expected the text to "
                "agree with the table",
                key=f"text.{item.kind}",
                expected=0,
                actual=value,
            )

    @staticmethod
    def _table_side(report: Report, kind: str) -> tuple[Number, list[Cell], str, str, str, str] | None:
        keys: tuple[str, ...]
        if kind == "no_review":
            keys, zh, en = ("review.total",), "表四“行政复议”总计", "table 四, administrative reviews, total"
            claim_zh, claim_en = "未发生行政复议", "there was no administrative review"
        elif kind == "no_litigation":
            keys = ("litigation_direct.total", "litigation_after_review.total")
            zh, en = "表四“行政诉讼”总计", "table 四, lawsuits, total"
            claim_zh, claim_en = "未发生行政诉讼", "there was no lawsuit"
        elif kind == "all_concluded":
            cells = _cells(report, "applications", ("carried_forward.total",))
            if cells is None:
                return None
            value = cells[0].value or 0
            return (
                value,
                cells,
                "表三“结转下年度继续办理”总计",
                "table 三, carried forward to next year, total",
                "申请已全部办结",
                "every application was concluded",
            )
        else:
            found = review_cells(report, "corrected")
            if found is None:
                return None
            return (
                sum((c.value or 0 for c in found), start=0),
                list(found),
                "表四“结果纠正”之和",
                "table 四, corrected results, sum",
                "均获维持",
                "every case was upheld",
            )
        table = report.tables.review_litigation
        if table is None:
            return None
        present = tuple(key for key in keys if key.split(".")[0] in table.rows)
        cells = _cells(report, "review_litigation", present) if present else None
        if cells is None:
            return None
        return sum((c.value or 0 for c in cells), start=0), cells, zh, en, claim_zh, claim_en


def review_cells(report: Report, column: str) -> tuple[Cell, ...] | None:
    """Table 四's cells of ``column`` in the groups it prints (review, lawsuits direct and after review), or
    None when the table, or one of those cells, was not read."""
    table = report.tables.review_litigation
    if table is None:
        return None
    present = tuple(f"{group}.{column}" for group in REVIEW_GROUP_KEYS if group in table.rows)
    cells = _cells(report, "review_litigation", present) if present else None
    return tuple(cells) if cells is not None else None


TEXT_RULES: tuple[type[Rule], ...] = (TextContradictsCount, TextContradictsTable)
