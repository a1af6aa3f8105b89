"""Each FJ rule fires on the defect it names, at the cell that shows it, and stays silent otherwise."""

from __future__ import annotations

import pytest
from govlint.diagnostics import Diagnostic, Severity
from govlint.model import Cell, CellStatus, Report, Section, Span, Table, TableRow, Tables
from govlint.rule import Rule, RuleContext

from govlint_fujian.rules import (
    OPTION_FROM_YEAR,
    RULES,
    FeeNoticesBelowUnpaid,
    FeeTableInconsistent,
    FeeTableMissing,
    FeeTableUnreadable,
)

HEADER = "信息处理费收取情况\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）"
SIX = "六、其他需要报告的事项"


def span_of(text: str, needle: str, start: int = 0) -> Span:
    offset = text.index(needle, start)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Span(offset, offset + len(needle), line, column, line, column + len(needle))


def report(body: str, *, year: int | None = 2024, unpaid: int | None = None) -> Report:
    """A 2021-format report whose text is ``body``; section 六 found by its heading, an applications table
    holding only row (六)2 when ``unpaid`` is given."""
    sections = ()
    if SIX in body:
        head = span_of(body, SIX)
        rest = body[head.end :]
        sections = (Section(6, "other_matters", SIX, head, rest, Span(head.end, len(body), 1, 1, 1, 1)),)
    tables = Tables()
    if unpaid is not None:
        cell = Cell("other.fee_unpaid", "total", unpaid, CellStatus.OK, str(unpaid))
        row = TableRow("other.fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用", None, {"total": cell})
        tables = Tables(applications=Table("applications", None, {"other.fee_unpaid": row}))
    return Report("r.txt", body, "2021", report_year=year, sections=sections, tables=tables)


def run(rule: type[Rule], rep: Report, **options: object) -> list[Diagnostic]:
    instance = rule()
    if not instance.applies_to(rep):
        return []
    return list(instance.check(rep, RuleContext(options=options)))


def fee_table(values: str) -> str:
    return f"{SIX}\n本年度信息处理费情况如下。\n{HEADER}\n\t{values}\n"


def test_codes_are_unique_and_use_the_plugin_prefix() -> None:
    codes = [r.meta.code for r in RULES]
    assert codes == sorted(set(codes))
    assert all(code.startswith("FJ") for code in codes)
    for rule in RULES:
        assert rule.meta.rationale and rule.meta.bad_example and rule.meta.good_example
        assert rule.meta.summary_zh and rule.meta.summary_en


# FJ001 ---------------------------------------------------------------------------------------------------


def test_fj001_fires_at_section_six_when_only_a_sentence_states_the_fee() -> None:
    text = f"一、总体情况\n……\n{SIX}\n本年度没有产生信息公开处理费。\n"
    [found] = run(FeeTableMissing, report(text))
    assert found.code == "FJ001"
    assert found.severity is Severity.WARNING
    assert (found.location.line, found.location.column) == (span_of(text, SIX).line, 1)
    assert "通知收取件数" in found.message_zh and "通知收取件数" in found.message_en


def test_fj001_silent_with_a_table_or_a_full_statement() -> None:
    assert run(FeeTableMissing, report(fee_table("0\t0\t0"))) == []
    statement = f"{SIX}\n本年度通知收取件数0件，通知收取金额0元，实际收取金额0元。"
    assert run(FeeTableMissing, report(statement)) == []


def test_fj001_applies_from_the_configured_year() -> None:
    text = f"{SIX}\n无。\n"
    assert run(FeeTableMissing, report(text, year=2020)) == []
    assert run(FeeTableMissing, report(text, year=2022), **{OPTION_FROM_YEAR: 2023}) == []
    assert len(run(FeeTableMissing, report(text, year=2023), **{OPTION_FROM_YEAR: 2023})) == 1
    assert len(run(FeeTableMissing, report(text, year=None))) == 1


def test_fj001_refuses_an_option_that_is_not_a_year() -> None:
    with pytest.raises(TypeError, match=OPTION_FROM_YEAR):
        run(FeeTableMissing, report(f"{SIX}\n无。"), **{OPTION_FROM_YEAR: "2023"})


# FJ002 ---------------------------------------------------------------------------------------------------


def test_fj002_points_at_each_empty_cell() -> None:
    text = fee_table("0\t—\t/")
    found = run(FeeTableUnreadable, report(text))
    assert [d.key for d in found] == ["fee.notified_amount", "fee.collected_amount"]
    assert [d.location.column for d in found] == [span_of(text, "—").column, span_of(text, "/").column]
    assert all(d.location.line == span_of(text, "—").line for d in found)
    assert "通知收取金额（元）" in found[0].message_zh


def test_fj002_reports_digits_that_cannot_be_split_once() -> None:
    text = f"{SIX}通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况2100100七、"
    [found] = run(FeeTableUnreadable, report(text))
    assert found.actual == "2100100"
    assert found.location.column == span_of(text, "2100100").column


def test_fj002_silent_on_numbers_and_on_a_unique_split() -> None:
    assert run(FeeTableUnreadable, report(fee_table("1\t800\t0"))) == []
    text = f"{SIX}通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况18000根据"
    assert run(FeeTableUnreadable, report(text)) == []


# FJ003 ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "bad_cells"),
    [
        ("0\t300\t0", [1]),  # an amount without a notice
        ("0\t0\t50", [2]),  # money collected without a notice
        ("0\t300\t50", [1, 2]),
        ("2\t0\t0", [1]),  # notices for nothing
        ("2\t200\t300", [2]),  # more collected than notified
    ],
)
def test_fj003_fires_at_the_cell_that_breaks_a_relation(values: str, bad_cells: list[int]) -> None:
    text = fee_table(values)
    found = run(FeeTableInconsistent, report(text))
    assert [d.code for d in found] == ["FJ003"] * len(bad_cells)
    printed = values.split("\t")
    row_line = text.splitlines().index("\t" + values) + 1
    for diagnostic, index in zip(found, bad_cells, strict=True):
        assert diagnostic.actual.split()[0] == printed[index]
        column = 2 + sum(len(v) + 1 for v in printed[:index])  # the row starts with an empty label cell
        assert (diagnostic.location.line, diagnostic.location.column) == (row_line, column)


def test_fj003_compares_amounts_in_yuan() -> None:
    text = f"{SIX}\n通知收取件数\t通知收取金额（万元）\t实际收取金额（元）\n\t1\t0.03\t400\n"
    [found] = run(FeeTableInconsistent, report(text))
    assert found.expected == "<= 0.03 万元"
    assert found.actual == "400 元"


@pytest.mark.parametrize("values", ["0\t0\t0", "3\t300\t300", "3\t300\t0", "1\t2950.5\t2950.5", "0\t—\t0"])
def test_fj003_silent_on_consistent_or_unreadable_figures(values: str) -> None:
    assert run(FeeTableInconsistent, report(fee_table(values))) == []


# FJ004 ---------------------------------------------------------------------------------------------------


def test_fj004_fires_when_unpaid_fee_notices_exceed_the_notices_issued() -> None:
    text = fee_table("1\t100\t100")
    [found] = run(FeeNoticesBelowUnpaid, report(text, unpaid=3))
    assert (found.expected, found.actual) == (">= 3", 1)
    assert found.location.line == span_of(text, "1\t100").line


@pytest.mark.parametrize(("values", "unpaid"), [("3\t300\t0", 3), ("0\t0\t0", 0), ("—\t0\t0", 2)])
def test_fj004_silent_otherwise(values: str, unpaid: int) -> None:
    assert run(FeeNoticesBelowUnpaid, report(fee_table(values), unpaid=unpaid)) == []
    assert run(FeeNoticesBelowUnpaid, report(fee_table(values))) == []


def test_fj004_only_for_the_2021_format() -> None:
    rep = report(fee_table("0\t0\t0"), unpaid=2)
    old = Report(rep.path, rep.text, "2019", report_year=2020, tables=rep.tables)
    assert run(FeeNoticesBelowUnpaid, rep) != []
    assert run(FeeNoticesBelowUnpaid, old) == []
