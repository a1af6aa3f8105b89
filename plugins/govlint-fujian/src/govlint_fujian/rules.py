"""The FJ rules: the 信息处理费收取情况 figures that Fujian reports print, present, readable and consistent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from govlint.diagnostics import Diagnostic, Severity
from govlint.model import CellStatus, Report
from govlint.rule import Rule, RuleContext, RuleMeta

from govlint_fujian.cross import FeeFiguresRepeated
from govlint_fujian.figures import fee_figures, fee_problems
from govlint_fujian.layout import COLUMNS, COLUMNS_BY_KEY, FEE_UNPAID_KEY, FEE_UNPAID_LABEL

#: ``[tool.govlint] fujian-fee-table-from-year``: the first report year that must print the fee figures.
OPTION_FROM_YEAR = "fujian-fee-table-from-year"
#: 国办函〔2020〕109号 applies from 2021, and the 2021 format is used for the 2021 reports on.
DEFAULT_FROM_YEAR = 2021

CATEGORY = "fees"

_TABLE_HEADER = "信息处理费收取情况\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）"
_SECTION_SIX = "六、其他需要报告的事项"
_BASIS = (
    "《中华人民共和国政府信息公开条例》第四十二条 allows a 信息处理费 when an applicant's requests clearly exceed a "
    "reasonable number or frequency, and 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) sets how it is "
    "charged from 2021 and asks that the fees be included in the annual report."
)


def _header(column: str) -> str:
    spec = COLUMNS_BY_KEY[column]
    return f"{spec.label}（{spec.unit}）" if spec.kind == "amount" else spec.label


def _from_year(ctx: RuleContext) -> int:
    value = ctx.option(OPTION_FROM_YEAR, DEFAULT_FROM_YEAR)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"govlint-fujian: option {OPTION_FROM_YEAR} must be a year such as 2021, not {value!r}")
    return value


class FeeTableMissing(Rule):
    meta: ClassVar[RuleMeta] = RuleMeta(
        code="FJ001",
        name="fee-table-missing",
        category=CATEGORY,
        severity=Severity.WARNING,
        summary_zh="未列出信息处理费收取情况（通知收取件数、通知收取金额、实际收取金额）",
        summary_en="The report does not give the fee figures: notices issued, amount notified, amount collected",
        rationale=(
            f"{_BASIS} Fujian reports give the fee as three figures in a table 信息处理费收取情况 with the columns "
            "通知收取件数, 通知收取金额（元） and 实际收取金额（元） (the 平潭 reports of 2023–2025: 苏平片区管理局, "
            "市场监督管理局), either as a section of its own or inside 六、其他需要报告的事项. "
            "A sentence such as 本年度没有产生信息处理费 "
            "says nothing was collected but not whether a fee notice was issued. The three figures may also be "
            "stated in a sentence (通知收取件数0件，通知收取金额0元，实际收取金额0元). Reports for years before "
            f"`{OPTION_FROM_YEAR}` (default {DEFAULT_FROM_YEAR}) are not checked; a report whose year is unknown is."
        ),
        bad_example=f"{_SECTION_SIX}\n本年度没有产生信息公开处理费。\n",
        good_example=f"{_SECTION_SIX}\n{_TABLE_HEADER}\n\t0\t0\t0\n",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第四十二条规定，申请人申请公开政府信息的数量、频次明显超过合理"
            "范围的，行政机关可以收取信息处理费；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            "规定了自2021年起的收费方式，并要求将收费情况纳入年度报告。福建的报告以“信息处理费收取情况”表列出"
            "三个数字：通知收取件数、通知收取金额（元）、实际收取金额（元）（如平潭2023—2025年度苏平片区管理局"
            "、市场监督管理局的报告），单列一部分或放在“六、其他需要报告的事项”中。“本年度没有产生信息处理费”"
            "这样的句子只说明没有收到费用，没有说明是否发出过收费通知。三个数字也可以写在一句话里（通知收取件"
            "数0件，通知收取金额0元，实际收取金额0元）。报告年度早于 `fujian-fee-table-from-year`（默认2021）"
            "的不检查；年度不明的报告检查。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        from_year = _from_year(ctx)
        if report.report_year is not None and report.report_year < from_year:
            return
        if fee_figures(report) is not None:
            return
        section = report.section("other_matters")
        expected = "、".join(_header(c.key) for c in COLUMNS)
        yield self.diagnostic(
            report,
            section.span if section is not None else None,
            zh=f"未列出信息处理费收取情况：应以表格列明{expected}，未收取时填 0",
            en="the information processing fee figures are missing: give 通知收取件数 (notices issued), "
            "通知收取金额 (amount notified, 元) and 实际收取金额 (amount collected, 元) in a table, 0 when none",
            key="fee.table",
            expected=expected,
        )


class FeeTableUnreadable(Rule):
    meta: ClassVar[RuleMeta] = RuleMeta(
        code="FJ002",
        name="fee-table-unreadable",
        category=CATEGORY,
        severity=Severity.ERROR,
        summary_zh="信息处理费收取情况的数字为空或不是数字",
        summary_en="A fee figure is empty or not a number",
        rationale=(
            f"{_BASIS} A figure left blank or printed as /, — or 无 says nothing: write every figure as a "
            "number, 0 when none. Figures that govlint could not read (digits run together on a crawled page, "
            "信息处理费收取情况18000, that split in more than one way) are not this rule's: GL108 says that the "
            "row was not read, and nothing is guessed."
        ),
        bad_example=f"{_SECTION_SIX}\n{_TABLE_HEADER}\n\t—\t—\t—\n",
        good_example=f"{_SECTION_SIX}\n{_TABLE_HEADER}\n\t0\t0\t0\n",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第四十二条规定，申请人申请公开政府信息的数量、频次明显超过合理"
            "范围的，行政机关可以收取信息处理费；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            "规定了自2021年起的收费方式，并要求将收费情况纳入年度报告。空着或写成 /、— 或“无”的数字什么也没说"
            "明：每个数字都应写成数字，没有的写0。govlint 未能读取的数字（例如网页抓取时连写在一起、有多种拆分"
            "方式的“信息处理费收取情况18000”）不属本规则：由 GL108 说明该行未能读取，且不作任何猜测。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        figures = fee_figures(report)
        if figures is None:
            return
        for column in COLUMNS:
            cell = figures.cells.get(column.key)
            if cell is None or cell.status not in (CellStatus.EMPTY, CellStatus.UNREADABLE):
                continue  # read, or not read at all (ambiguous): GL108 says so, about govlint's reading
            raw = cell.raw.strip()
            if cell.status is CellStatus.EMPTY:
                what_zh, what_en = ("为空" if not raw else f"为“{raw}”"), (raw or "empty")
            else:
                what_zh, what_en = f"“{raw}”不是{'整数' if column.kind == 'count' else '数字'}", raw
            yield self.diagnostic(
                report,
                cell.span,
                zh=f"信息处理费收取情况“{_header(column.key)}”{what_zh}：应填写数字，未收取时填 0",
                en=f"the fee figure {column.label} is {what_en}: write a number, 0 when none",
                key=f"fee.{column.key}",
                expected="a number",
                actual=raw,
            )


class FeeTableInconsistent(Rule):
    meta: ClassVar[RuleMeta] = RuleMeta(
        code="FJ003",
        name="fee-table-inconsistent",
        category=CATEGORY,
        severity=Severity.ERROR,
        summary_zh="信息处理费收取情况的三个数字互相矛盾",
        summary_en="The fee figures contradict each other",
        rationale=(
            f"{_BASIS} Under 国办函〔2020〕109号 a fee is charged by a 收费通知 that states the amount, so the "
            "three figures are tied: no notice means nothing notified and nothing collected; a notice means an "
            "amount above 0; and the amount actually collected cannot exceed the amount notified (it is lower "
            "when an applicant does not pay: 三、（六）其他处理 第2项)."
        ),
        bad_example=f"{_SECTION_SIX}\n{_TABLE_HEADER}\n\t0\t300\t0\n",
        good_example=f"{_SECTION_SIX}\n{_TABLE_HEADER}\n\t3\t300\t200\n",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第四十二条规定，申请人申请公开政府信息的数量、频次明显超过合理"
            "范围的，行政机关可以收取信息处理费；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            "规定了自2021年起的收费方式，并要求将收费情况纳入年度报告。按国办函〔2020〕109号，收费须出具写明金"
            "额的收费通知，因此三个数字互相关联：没有通知，就没有通知金额，也没有实收金额；有通知，通知金额就"
            "大于0；实收金额不能超过通知金额（申请人不缴费时会更少，见三、（六）其他处理 第2项）。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        figures = fee_figures(report)
        if figures is None:
            return
        notices = figures.value("notices")
        notified = figures.in_yuan("notified_amount")
        collected = figures.in_yuan("collected_amount")
        if notices is None or notified is None or collected is None:
            return
        for problem in fee_problems(notices, notified, collected, units=figures.units):
            cell = figures.cells[problem.column]
            yield self.diagnostic(
                report,
                cell.span,
                zh=f"信息处理费收取情况“{_header(problem.column)}”：{problem.zh}",
                en=f"fee figure {COLUMNS_BY_KEY[problem.column].label}: {problem.en}",
                key=f"fee.{problem.column}",
                expected=problem.expected,
                actual=problem.actual,
            )


class FeeNoticesBelowUnpaid(Rule):
    meta: ClassVar[RuleMeta] = RuleMeta(
        code="FJ004",
        name="fee-notices-below-unpaid",
        category=CATEGORY,
        severity=Severity.WARNING,
        summary_zh="通知收取件数少于申请表中“逾期未按收费通知要求缴纳费用”的件数",
        summary_en="Fewer fee notices than applications closed because a fee notice went unpaid",
        rationale=(
            f"{_BASIS} Row 三、（六）其他处理 2（申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开"
            "申请）of the 2021 applications table counts applications closed because the applicant did not pay a "
            "fee notice: each of them had a notice, so the fee table's 通知收取件数 should be at least that total. "
            "A notice issued in December and left unpaid in January can make the two years differ, hence a warning."
        ),
        bad_example=(
            "（六）其他处理\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2\n"
            f"{_SECTION_SIX}\n{_TABLE_HEADER}\n\t0\t0\t0\n"
        ),
        good_example=(
            "（六）其他处理\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2\n"
            f"{_SECTION_SIX}\n{_TABLE_HEADER}\n\t2\t600\t0\n"
        ),
        formats=frozenset({"2021"}),
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第四十二条规定，申请人申请公开政府信息的数量、频次明显超过合理"
            "范围的，行政机关可以收取信息处理费；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            "规定了自2021年起的收费方式，并要求将收费情况纳入年度报告。2021年格式申请情况表的三、（六）"
            "其他处理 第2项（申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请）"
            "统计因申请人未按收费通知缴费而终止的申请：每一件都发出过收费通知，因此收费表的“通知收取件数”应不"
            "少于该项总计。12月发出、次年1月仍未缴费的通知可能使两个年度的数字不一致，因此本规则为警告。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        applications = report.tables.applications
        if applications is None:
            return
        unpaid = applications.value(FEE_UNPAID_KEY)
        if unpaid is None or unpaid == 0:
            return
        figures = fee_figures(report)
        notices = figures.value("notices") if figures is not None else None
        if figures is None or notices is None or notices >= unpaid:
            return
        yield self.diagnostic(
            report,
            figures.cells["notices"].span,
            zh=f"{FEE_UNPAID_LABEL} 总计为 {unpaid}，每件都发出过收费通知，信息处理费收取情况“通知收取件数”"
            f"应不少于 {unpaid}，实际为 {notices}",
            en=f"{unpaid} application(s) were closed because a fee notice went unpaid (三、（六）其他处理 2), "
            f"so at least {unpaid} fee notice(s) were issued, but 通知收取件数 is {notices}",
            key="fee.notices",
            expected=f">= {unpaid}",
            actual=notices,
        )


#: The rules of this plugin, in code order.
RULES: tuple[type[Rule], ...] = (
    FeeTableMissing,
    FeeTableUnreadable,
    FeeTableInconsistent,
    FeeNoticesBelowUnpaid,
    FeeFiguresRepeated,
)
