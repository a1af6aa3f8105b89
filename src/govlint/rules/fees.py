"""Fee disclosure rules (GL301–GL303): the 信息处理费 statement of section 六 and the 行政事业性收费 amount."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from govlint.diagnostics import Diagnostic, Severity
from govlint.model import CellStatus, Report, Section, Span
from govlint.parsing.numbers import misread_digits
from govlint.rule import Rule, RuleContext, RuleMeta
from govlint.rules.places import effective_format, line_of, section_anchor, softened
from govlint.rules.strays import stray_value_lines
from govlint.schema import (
    FEE_CHARGE_WORDS,
    FEE_COLLECTED_WORDS,
    FEE_LATE_PAYMENT_WORDS,
    FEE_MEASURES_YEAR,
    FEE_NEGATIONS,
    FEE_NOT_CHARGED_TERMS,
    FEE_NOTICE_TERM,
    FEE_NOTICE_VERBS,
    FEE_STATEMENT_MARKERS,
    FEE_TERMS,
    SECTIONS_BY_KEY,
    fold,
    normalize_label,
)

#: The 2021 第二十条第(八)项 amount: its row and cell key.
FEE_AMOUNT_ROW = "fees"
FEE_AMOUNT_CELL: Final = "fees.amount_10k_yuan"  # Final: a key of the typed table (govlint.tablekeys)

#: An amount of money: "0元", "2950 元", "0.5万元" (in normalised text).
_AMOUNT = re.compile(r"\d+(?:\.\d+)?万?元")
#: The two patterns of GL302 (a report with unpaid fee notices).
#: "收费通知0件", "发出收费通知 0 份": the first number after the fee-notice term (in normalised text).
_NOTICE_COUNT = re.compile(re.escape(FEE_NOTICE_TERM) + r"[^\d。;]{0,8}?(\d+)")
#: "未向申请人发出信息处理费收费通知": a negation, a verb of issuing and the notice within one clause.
_NOTICE_DENIED = re.compile(
    f"(?:{'|'.join(FEE_NEGATIONS)}).{{0,12}}?(?:{'|'.join(FEE_NOTICE_VERBS)}).{{0,16}}?{re.escape(FEE_NOTICE_TERM)}"
)

#: The column of that amount: its header 本年收费金额（单位：万元） prints the unit.
FEE_AMOUNT_COLUMN = FEE_AMOUNT_CELL.rpartition(".")[2]
_UNIT = "万元"
_OTHER_MATTERS = SECTIONS_BY_KEY["other_matters"]


class _Sentence:
    """A sentence: its offsets in the report text and its normalised text (folded, no whitespace)."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


def _sentences(report: Report, section: Section | None) -> Iterator[_Sentence]:
    """The sentences of ``section`` (:meth:`Report.sentences_of`), or of the whole prose without one, with
    their normalised text, one at a time: a text of 300,000 short lines has as many sentences."""
    nodes = report.sentences if section is None else report.sentences_of(section)
    text = report.text
    return (_Sentence(start, end, normalize_label(text[start:end])) for start, end in nodes.offsets())


#: Ways real reports say that no fee was charged without naming the 信息处理费 (in normalised text, one clause):
#: "未收取任何费用", "不向申请人收取任何费用", "无向申请人收取政府信息公开费用的情况", "不收取费用",
#: "政府信息公开未发生收费情况", "没有产生收费".
_NO_FEE = re.compile(
    r"(?:未|没有|无|不|从未)(?:向申请人|对申请人)?(?:收取|产生|发生)(?:任何)?(?:政府信息公开|信息公开)?的?"
    r"(?:费用|收费)"
)
#: A fee table in section 六 printed with its values (福建: 通知收取件数 | 通知收取金额（元） | 实际收取金额（元）):
#: its collected amount's label (:data:`~govlint.schema.FEE_COLLECTED_WORDS`), a unit in parentheses, a value.
_FEE_TABLE = re.compile(f"(?:{'|'.join(map(re.escape, FEE_COLLECTED_WORDS))})" + r"(?:\([^)]{0,4}\))?[^,;。]{0,24}?\d")
#: The most characters a match of :data:`_FEE_TABLE` spans: its label, a unit in parentheses, 24 more, a digit.
_FEE_TABLE_LENGTH = max(map(len, FEE_COLLECTED_WORDS)) + 6 + 24 + 1
#: How much of the text is normalised at a time to search it for a fee table.
_FEE_TABLE_BLOCK = 1 << 12


def _states_no_fee(sentence: _Sentence) -> bool:
    """Whether a sentence says in a real report's words that no fee was charged."""
    return any(_NO_FEE.search(clause) for clause in sentence.text.split(","))


def _prints_fee_table(text: str) -> bool:
    """Whether the text prints a fee table with its values (its rows may stand on lines of their own).  Read
    in the text, not the AST: a report checked without the Fujian plugin has no fee table among its tables,
    and one checked with it prints the same words.  Searched normalised a block at a time, each after the last
    characters of the one before (so that a match across two is found): normalising a whole text of megabytes
    held three copies of it."""
    tail = ""
    for at in range(0, len(text), _FEE_TABLE_BLOCK):
        block = tail + normalize_label(text[at : at + _FEE_TABLE_BLOCK])
        if _FEE_TABLE.search(block) is not None:
            return True
        tail = block[-_FEE_TABLE_LENGTH:]
    return False


def _mentions_fee(sentence: _Sentence) -> bool:
    return any(term in sentence.text for term in FEE_TERMS)


def _states_fee(sentence: _Sentence) -> bool:
    """Whether a sentence naming the fee says whether or how much was collected: an amount or a negation."""
    return _AMOUNT.search(sentence.text) is not None or any(m in sentence.text for m in FEE_STATEMENT_MARKERS)


def _discloses_fee(report: Report, lo: int, hi: int, sentences: Iterable[_Sentence], *, charging: bool) -> bool:
    """Whether ``report.text[lo:hi]`` (its ``sentences``) states whether or how much 信息处理费 was collected:
    a sentence naming the fee with an amount or a negation, or saying in other words that none was charged;
    ``charging``: the text is where the format puts the fee, and any statement on charging counts.  A fee
    table printed with its values counts too: it is no prose, so the text itself is searched for it."""
    for s in sentences:
        if (_mentions_fee(s) and _states_fee(s)) or _states_no_fee(s) or (charging and _states_charging(s)):
            return True
    return _prints_fee_table(report.text[lo:hi])


#: A count or amount of 0 stated without a unit: "信息处理费收取情况：0", "收费为0".
_ZERO = re.compile(r"(?::|为|是)0(?![\d.])")


def _states_charging(sentence: _Sentence) -> bool:
    """Whether a sentence of section 六 says in any words whether the applicants were charged: a clause on
    charging (收费, 费用, 免费) with a negation, an amount or a 0 — 本机关未向申请人收费, 依申请公开均免费提供,
    本年度无政府信息公开收费事项, 实际收取0元.  Only in 六, where the format puts the fee:
    elsewhere such words may be about other charges."""
    for clause in sentence.text.split(","):
        if any(word in clause for word in FEE_LATE_PAYMENT_WORDS):
            continue
        if any(word in clause for word in FEE_CHARGE_WORDS) and (
            any(m in clause for m in FEE_STATEMENT_MARKERS) or _AMOUNT.search(clause) or _ZERO.search(clause)
        ):
            return True
        if "收取" in clause and _AMOUNT.search(clause):  # 实际收取0元
            return True
    return False


def _fee_scope(report: Report) -> tuple[Section | None, int, int, Span]:
    """Section 六, where the fee statement belongs (None without one: the whole text), its text's extent and
    the anchor."""
    section = report.section(_OTHER_MATTERS.key)
    if section is not None:
        return section, section.body_span.start, section.body_span.end, line_of(report, section.span)
    return None, 0, len(report.text), section_anchor(report, _OTHER_MATTERS.number)


def _answers_fee_heading(report: Report, section: Section | None) -> bool:
    """Whether section 六 is headed by the fee (六、信息处理费收取情况) and its first sentence answers it
    (无。, 0元, 未收取): heading and answer read as one statement."""
    if section is None or (first := next(_sentences(report, section), None)) is None:
        return False
    answered = _Sentence(first.start, first.end, normalize_label(fold(section.title)) + first.text)
    return _mentions_fee(answered) and _states_fee(answered)


class FeeNotDisclosed(Rule):
    meta = RuleMeta(
        code="GL301",
        name="fee-not-disclosed",
        category="fees",
        severity=Severity.ERROR,
        summary_zh="第六部分未说明是否收取信息处理费或收取金额",
        summary_en="Section 六 does not state whether, or how much, 信息处理费 was collected",
        rationale=(
            "《中华人民共和国政府信息公开条例》第四十二条 allows a 信息处理费 when the number or frequency "
            "of requests clearly exceeds a reasonable range, and 《政府信息公开信息处理费管理办法》 (国办函〔"
            "2020〕109号) asks that the fees be included in the annual report; reports state it in 六、"
            "其他需要报告的事项, including 0 元 or 未收取 when none was charged. Accepted wordings name "
            "the fee (信息处理费, 信息公开处理费, 政府信息公开信息处理费, 政府信息处理相关费用) in a "
            "sentence with an amount or an explicit none (未收取, 没有产生, 无 …); also the other ways "
            "reports say that no fee was charged (未收取任何费用, 不收取费用, 政府信息公开未发生收费情况, "
            "无向申请人收取…费用的情况) and a fee table printed with its values (通知收取件数, 实际收取金额); in "
            "section 六 itself, any clause on charging with a negation, an amount or a 0 (本机关未向申请人收费, "
            "依申请公开均免费提供, 信息处理费收取情况：0), but not the row label 申请人逾期未按收费通知要求缴纳费用."
            " A section 六 holding only 无。 or 无其他需要报告事项 is the defect when no other part of "
            "the report states the fee either (a statement in 一's 依申请公开 part or in 五 is accepted: the "
            "fee is disclosed). Without a section 六 "
            "the whole text is searched and the finding points where 六 should be. For 2019 and 2020 the "
            "finding is a reminder (info, not deducted by the default scoring): the fee measures took effect "
            "on 1 January 2021, and neither the 2019 "
            "trial format nor 条例 第五十条 asks for the fee, so such a report is not accused of omitting it."
        ),
        bad_example="六、其他需要报告的事项\n无。",
        good_example="六、其他需要报告的事项\n本年度没有收取信息处理费。",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第四十二条规定，申请人申请公开政府信息的数量、频次明显超过合理"
            "范围的，行政机关可以收取信息处理费；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            "要求将收费情况纳入年度报告。报告在“六、其他需要报告的事项”中说明，没有收取的也写明“0元”或“未收取"
            "”。认可的写法是：在含有金额或明确写“没有”（未收取、没有产生、无……）的句子中提到该费用（信息处理费"
            "、信息公开处理费、政府信息公开信息处理费、政府信息处理相关费用）；以及报告中其他表示未收费的说法"
            "（未收取任何费用、不收取费用、政府信息公开未发生收费情况、无向申请人收取……费用的情况），"
            "或列出数值的收费表（通知收取件数、实际收取金额）；在第六部分内，任何说明收费情况并带有否定、金额或0的"
            "分句（本机关未向申请人收费、依申请公开均免费提供、信息处理费收取情况：0）也认可，但表格行名“申请人逾期"
            "未按收费通知要求缴纳费用”不算。第六部分只写“无。”或“无其他需要报告事项”、报告其他部分也没有说明的，即属本"
            "问题（在第一部分依申请公开处或第五部分说明的，视为已说明）。没有第六部分时检索全文，问题指向第六部分应在的位置。2019、2020年度的报告只作提示（默认评分不扣分）：收费管理"
            "办法自2021年1月1日起施行，2019年试行格式和条例第五十条都没有要求报告该费用，不据此指责报告。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        if effective_format(report) is None:
            return
        six, start, end, anchor = _fee_scope(report)
        if _discloses_fee(report, start, end, _sentences(report, six), charging=True) or _answers_fee_heading(
            report, six
        ):
            return
        if six is not None and _discloses_whole(report):
            return  # stated in another section (一's 依申请公开 part, 五): disclosed, if not where the format puts it
        named = next((s for s in _sentences(report, six) if _mentions_fee(s)), None)
        if named is not None:
            zh = "第六部分提及信息处理费，但未说明是否收取或收取金额：应写明收取金额（未收取写“未收取”或“0元”）"
            en = (
                "section 六 names the 信息处理费 but does not say whether or how much was collected: expected the "
                "amount (or “未收取”/“0元” when none)"
            )
            anchor = report.span(named.start, named.end)
        else:
            zh = "第六部分未说明信息处理费收取情况：应写明本年度收取信息处理费的金额（未收取写“未收取”或“0元”）"
            en = (
                "section 六 does not report the 信息处理费: expected the amount collected this year (or “未收取”/"
                "“0元” when none)"
            )
        diagnostic = self.diagnostic(
            report, anchor, zh=zh, en=en, key="section.other_matters.fee", expected="fee statement"
        )
        if _before_fee_measures(report):  # a reminder (提示), which no default scheme deducts: not the year's defect
            diagnostic = attrs.evolve(
                softened(
                    diagnostic,
                    f"（信息处理费管理办法自{FEE_MEASURES_YEAR}年1月1日起施行，本年度报告仅作提示）",
                    f" (the fee measures took effect on 1 January {FEE_MEASURES_YEAR}: a reminder for this year)",
                ),
                severity=Severity.INFO,
            )
        yield diagnostic


def _discloses_whole(report: Report) -> bool:
    """Whether any part of the report states the fee (in words naming it)."""
    return _discloses_fee(report, 0, len(report.text), _sentences(report, None), charging=False)


def _before_fee_measures(report: Report) -> bool:
    """Whether the report covers a year before the fee measures (2019, 2020; the 2019 format when the year is
    not known): nothing then required the report to state the fee, so its absence is no defect."""
    if report.report_year is not None:
        return report.report_year < FEE_MEASURES_YEAR
    spec = effective_format(report)
    return spec is not None and spec.key == "2019"


class FeeContradictsTable(Rule):
    meta = RuleMeta(
        code="GL302",
        name="fee-contradicts-table",
        category="fees",
        severity=Severity.WARNING,
        summary_zh="第六部分的收费说明与申请情况表矛盾",
        summary_en="The fee statement of section 六 contradicts the applications table",
        rationale=(
            "Row （六）2 of the 2021 table of applications (国办公开办函〔2021〕30号) counts applications "
            "dropped because the applicant did not pay within the time set by a 收费通知, so a total "
            "above 0 in that row means that fee notices were issued. A sentence of section 六 saying "
            "that no fee notice was issued or that no fee arose (未发出收费通知, 没有产生信息处理费, "
            "收费通知 0 件) then contradicts the table. Saying that no fee was *collected* (未收取) does "
            "not: the notices went unpaid. A warning; the finding points at the sentence."
        ),
        bad_example=(
            "(六)其他处理 | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 "
            "| 2 | 0 | 0 | 0 | 0 | 0 | 2\n…\n六、其他需要报告的事项\n本年度未发出收费通知，没有产生信息处理费。"
        ),
        good_example=(
            "(六)其他处理 | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 "
            "| 2 | 0 | 0 | 0 | 0 | 0 | 2\n…\n六、其他需要报告的事项\n"
            "本年度发出收费通知2件，申请人均未缴费，未收取信息处理费。"
        ),
        formats=frozenset({"2021"}),
        rationale_zh=(
            "2021年格式申请情况表（国办公开办函〔2021〕30号）的（六）2行，统计的是申请人逾期未按收费通知要求缴"
            "纳费用、行政机关不再处理的申请，该行总计大于0即表示发出过收费通知。此时第六部分若写“未发出收费通"
            "知”“没有产生信息处理费”“收费通知0件”，就与表格矛盾。写“未收取”则不矛盾：通知发出了但没有缴费。"
            "本规则为警告，问题指向该句。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        table = report.tables.applications
        cell = table.cell("other.fee_unpaid.total") if table else None
        if cell is None or cell.value is None or cell.value <= 0:
            return
        section = report.section(_OTHER_MATTERS.key)
        if section is None:
            return
        unpaid = cell.value
        for sentence in _sentences(report, section):
            if not _denies_charge(sentence):
                continue
            yield self.diagnostic(
                report,
                report.span(sentence.start, sentence.end),
                zh=(
                    f"第六部分称未发出收费通知或未产生费用，但申请情况表(六)2“逾期未按收费通知要求缴纳费用”总计为 "
                    f"{unpaid}：说明已发出收费通知（未收取费用不矛盾，未发出收费通知则矛盾）"
                ),
                en=(
                    "section 六 says no fee notice was issued or no fee arose, but row (六)2 of the applications "
                    f"table (fee notice not paid) totals {unpaid}: fee notices were issued (not *collecting* a fee "
                    "would be consistent)"
                ),
                key="section.other_matters.fee_notice",
                expected=f"fee notices issued (>= {unpaid})",
                actual=report.text[sentence.start : sentence.end].strip(),
            )


def _denies_charge(sentence: _Sentence) -> bool:
    """Whether a clause of the sentence says no fee notice was issued or no fee arose (not: none collected)."""
    for clause in sentence.text.split(","):
        if _NOTICE_DENIED.search(clause):
            return True
        if any(term in clause for term in FEE_NOT_CHARGED_TERMS) and (
            any(term in clause for term in FEE_TERMS) or FEE_NOTICE_TERM in clause or "费用" in clause
        ):
            return True
        count = _NOTICE_COUNT.search(clause)
        if count is not None and int(count.group(1)) == 0:
            return True
    return False


class FeeAmount(Rule):
    meta = RuleMeta(
        code="GL303",
        name="fee-amount",
        category="fees",
        severity=Severity.ERROR,
        summary_zh="第二十条第（八）项行政事业性收费金额缺失或单位不是万元",
        summary_en="The Article 20 item (8) 行政事业性收费 amount is missing or not in 万元",
        rationale=(
            "The 2021 format (国办公开办函〔2021〕30号) reports the year's 行政事业性收费 under 第二十条第（八"
            "）项 as an amount in 本年收费金额（单位：万元）. A missing sub-table or row, an empty or "
            "unreadable amount, and a header or cell naming another unit (元) are reported here, so that "
            "the fee checks (GL3) can be selected together; a missing sub-table, row or cell is also "
            "reported by the structure rules GL103, GL104 and GL105, like any other. This amount is not "
            "the 信息处理费 of section 六, and no relation links them. Not checked when the whole section "
            "二 table is missing (GL103) nor in the 2019 format, whose (八) counts fee items."
        ),
        bad_example="第二十条第（八）项\n信息内容 | 本年收费金额（单位：元）\n行政事业性收费 | 77302800",
        good_example="第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 7730.28",
        formats=frozenset({"2021"}),
        rationale_zh=(
            "2021年格式（国办公开办函〔2021〕30号）在第二十条第（八）项中以“本年收费金额（单位：万元）"
            "”报告当年的行政事业性收费。缺少该分表或该行、金额为空或无法识别、表头或单元格写的是其他单位（元）"
            "，都在此报告，以便收费类检查（GL3）可以一并选用；缺少的分表、行或单元格同样由结构规则 GL103、"
            "GL104、GL105 报告。该金额不是第六部分的信息处理费，两者之间没有勾稽关系。第二部分的表格整体缺失时"
            "（GL103）不作此项检查；2019年格式的第（八）项统计的是收费项目数，也不检查。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        table = report.tables.active_disclosure
        if table is None:
            return
        row = table.rows.get(FEE_AMOUNT_ROW)
        cell = table.cell(FEE_AMOUNT_CELL)
        fallback = line_of(report, table.span) if table.span else None
        # A row found but unread has unknown cells (GL108's finding); a row not found may be among the lines of
        # values that no row claims (GL104 then says so once): neither is the report's missing amount.
        known = not stray_value_lines(report, table, ctx) if row is None else row.problem is None
        # an amount text recognition misread (``O``) is GL105's finding about the reading, not a missing amount
        misread = cell is not None and cell.status is CellStatus.UNREADABLE and misread_digits(cell.raw)
        if known and not misread and (cell is None or cell.status in (CellStatus.EMPTY, CellStatus.UNREADABLE)):
            where = (cell.span if cell else None) or (line_of(report, row.span) if row and row.span else fallback)
            shown = cell.raw.strip() if cell else ""
            printed_zh = f"（填写为“{shown}”）" if shown else ""
            printed_en = f" (printed “{shown}”)" if shown else ""
            yield self.diagnostic(
                report,
                where,
                zh=f"第二十条第（八）项 行政事业性收费 本年收费金额缺失{printed_zh}："
                "应填写以万元为单位的金额（无则填 0）",
                en=f"第二十条第（八）项 行政事业性收费: the amount is missing{printed_en}; expected an amount in 万元 "
                "(0 if none)",
                key=f"active_disclosure.{FEE_AMOUNT_CELL}",
                expected="amount in 万元",
                actual=shown or None,
            )
        if cell is not None and cell.unit and normalize_label(cell.unit) != _UNIT:
            yield self._unit(report, cell.span or fallback, cell.unit)
        elif (header := table.headers.get(FEE_AMOUNT_COLUMN)) and header.unit and _names_other_unit(header.unit):
            yield self._unit(report, header.unit_span, header.unit)

    def _unit(self, report: Report, span: Span | None, unit: str) -> Diagnostic:
        return self.diagnostic(
            report,
            span,
            zh=f"第二十条第（八）项 本年收费金额的单位应为万元，实际为“{unit.strip()}”",
            en=f"第二十条第（八）项: the fee amount must be in 万元, found “{unit.strip()}”",
            key=f"active_disclosure.{FEE_AMOUNT_CELL}.unit",
            expected=_UNIT,
            actual=unit.strip(),
        )


def _names_other_unit(unit: str) -> bool:
    """Whether a header's unit (``元``, ``单位:万元``) is not the 万元 the format asks for."""
    return normalize_label(unit).replace("单位:", "") != _UNIT
