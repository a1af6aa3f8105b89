"""Each FJ rule fires on the defect it names, at the cell that shows it, and stays silent otherwise.

The fragments are parsed by govlint and checked with ``govlint.testing.assert_diagnostics``, which runs only
the rules given (no installed plugin needed).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from govlint import parse_text, testing
from govlint.crossreport import CrossRule
from govlint.diagnostics import Severity
from govlint.rule import Rule
from govlint.rules.tables import Unread
from govlint.testing.checks import RuleCrashed

from govlint_fujian.layout import FEE_TABLE
from govlint_fujian.rules import (
    OPTION_FROM_YEAR,
    RULES,
    FeeNoticesBelowUnpaid,
    FeeTableInconsistent,
    FeeTableMissing,
    FeeTableUnreadable,
)

#: govlint's test helpers, reading the plugin's fee table (as govlint does with the plugin installed).
assert_diagnostics = functools.partial(testing.assert_diagnostics, tables=[FEE_TABLE])
lint_text = functools.partial(testing.lint_text, tables=[FEE_TABLE])

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = "信息处理费收取情况\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）"
SIX = "六、其他需要报告的事项"
UNPAID_ROW = "\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t"


def fee_table(values: str, year: int = 2024) -> str:
    return f"某某局{year}年政府信息公开工作年度报告\n{SIX}\n本年度信息处理费情况如下。\n{HEADER}\n\t{values}\n"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def column_of(text: str, needle: str, start: int = 0) -> int:
    offset = text.index(needle, start)
    return offset - text.rfind("\n", 0, offset)


def test_codes_are_unique_and_use_the_plugin_prefix() -> None:
    codes = [r.meta.code for r in RULES]
    assert codes == sorted(set(codes))
    assert all(code.startswith("FJ") for code in codes)
    for rule in RULES:
        assert rule.meta.rationale and rule.meta.summary_zh and rule.meta.summary_en


SINGLE_REPORT = [r for r in RULES if r is not FeeNoticesBelowUnpaid and not issubclass(r, CrossRule)]


@pytest.mark.parametrize("rule", SINGLE_REPORT, ids=lambda r: r.meta.code)
def test_documented_examples_fail_and_pass(rule: type[Rule]) -> None:
    assert {d.code for d in lint_text(rule.meta.bad_example, rules=[rule])} == {rule.meta.code}
    assert_diagnostics(rule.meta.good_example, [], rules=[rule])


# FJ001 ---------------------------------------------------------------------------------------------------


def test_fj001_fires_at_section_six_when_only_a_sentence_states_the_fee() -> None:
    text = f"某某局2024年政府信息公开工作年度报告\n一、总体情况\n……\n{SIX}\n本年度没有产生信息公开处理费。\n"
    [found] = assert_diagnostics(text, ["FJ001"], rules=[FeeTableMissing], lines={"FJ001": line_of(text, SIX)})
    assert found.severity is Severity.WARNING
    assert "通知收取件数" in found.message_zh and "通知收取件数" in found.message_en


def test_fj001_on_a_real_report_without_the_figures() -> None:
    path = FIXTURES / "seed_003_no_fee_table.txt"
    text = path.read_text(encoding="utf-8")
    assert_diagnostics(path, ["FJ001"], rules=RULES, lines={"FJ001": line_of(text, SIX)})


def test_fj001_silent_with_a_table_or_a_full_statement() -> None:
    assert_diagnostics(fee_table("0\t0\t0"), [], rules=[FeeTableMissing])
    statement = f"{SIX}\n本年度通知收取件数0件，通知收取金额0元，实际收取金额0元。"
    assert_diagnostics(statement, [], rules=[FeeTableMissing])


def test_fj001_applies_from_the_configured_year() -> None:
    def text(year: int) -> str:
        return f"某某局{year}年政府信息公开工作年度报告\n{SIX}\n无。\n"

    assert_diagnostics(text(2020), [], rules=[FeeTableMissing])
    assert_diagnostics(text(2022), [], rules=[FeeTableMissing], options={OPTION_FROM_YEAR: 2023})
    assert_diagnostics(text(2023), ["FJ001"], rules=[FeeTableMissing], options={OPTION_FROM_YEAR: 2023})
    assert_diagnostics(f"{SIX}\n无。\n", ["FJ001"], rules=[FeeTableMissing])  # year unknown: checked


def test_fj001_refuses_an_option_that_is_not_a_year() -> None:
    with pytest.raises(RuleCrashed, match=OPTION_FROM_YEAR):
        lint_text(f"{SIX}\n无。", rules=[FeeTableMissing], options={OPTION_FROM_YEAR: "2023"})


# FJ002 ---------------------------------------------------------------------------------------------------


def test_fj002_points_at_each_empty_cell() -> None:
    text = fee_table("0\t—\t/")
    found = assert_diagnostics(text, ["FJ002", "FJ002"], rules=[FeeTableUnreadable])
    assert [d.key for d in found] == ["fee.notified_amount", "fee.collected_amount"]
    assert [(d.location.line, d.location.column) for d in found] == [
        (line_of(text, "—"), column_of(text, "—")),
        (line_of(text, "—"), column_of(text, "/", text.index("—"))),
    ]
    assert "通知收取金额（元）" in found[0].message_zh


def test_digits_that_cannot_be_split_once_are_unread_not_fj002() -> None:
    # a crawled page: one line, read as a report's text (a one-line str could also be a path)
    text = f"{SIX}通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况2100100七、"
    report = parse_text(text, tables=[FEE_TABLE])
    assert_diagnostics(report, [], rules=[FeeTableUnreadable])  # govlint's reading, not the report's defect
    [found] = assert_diagnostics(report, ["GL108"], rules=[Unread])
    assert found.unread and found.key == "fujian_fee"  # the table's one row: the whole table is unread
    assert found.location.line == 1


def test_fj002_silent_on_numbers_and_on_a_unique_split() -> None:
    assert_diagnostics(fee_table("1\t800\t0"), [], rules=[FeeTableUnreadable])
    assert_diagnostics(FIXTURES / "pingtan_021_market_2025.txt", [], rules=[FeeTableUnreadable])  # …情况18000


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
    found = assert_diagnostics(text, ["FJ003"] * len(bad_cells), rules=[FeeTableInconsistent])
    printed = values.split("\t")
    row_line = text.splitlines().index("\t" + values) + 1
    for diagnostic, index in zip(found, bad_cells, strict=True):
        assert diagnostic.actual.split()[0] == printed[index]
        column = 2 + sum(len(v) + 1 for v in printed[:index])  # the row starts with an empty label cell
        assert (diagnostic.location.line, diagnostic.location.column) == (row_line, column)


def test_fj003_compares_amounts_in_yuan() -> None:
    text = f"{SIX}\n通知收取件数\t通知收取金额（万元）\t实际收取金额（元）\n\t1\t0.03\t400\n"
    [found] = assert_diagnostics(text, ["FJ003"], rules=[FeeTableInconsistent])
    assert (found.expected, found.actual) == ("<= 0.03 万元", "400 元")


@pytest.mark.parametrize("values", ["0\t0\t0", "3\t300\t300", "3\t300\t0", "1\t2950.5\t2950.5", "0\t—\t0"])
def test_fj003_silent_on_consistent_or_unreadable_figures(values: str) -> None:
    assert_diagnostics(fee_table(values), [], rules=[FeeTableInconsistent])


# FJ004 ---------------------------------------------------------------------------------------------------


def seed_with_unpaid(unpaid: int, fee_values: str) -> str:
    """Seed 003 (a 2021-format report) with row (六)2 at ``unpaid`` and a fee table in section 六."""
    text = (FIXTURES / "fee_table_ok.txt").read_text(encoding="utf-8")
    zeros = "\t".join(["0"] * 7)
    row = UNPAID_ROW + "\t".join([str(unpaid), *["0"] * 5, str(unpaid)])
    assert UNPAID_ROW + zeros in text
    return text.replace(UNPAID_ROW + zeros, row).replace("\t0\t0\t0\n", f"\t{fee_values}\n").rstrip() + "\n"


def test_fj004_fires_when_unpaid_fee_notices_exceed_the_notices_issued() -> None:
    text = seed_with_unpaid(3, "1\t100\t100")
    notices = text.index("\t1\t100\t100", text.index(HEADER)) + 1  # the cell "1" of the fee table
    [found] = assert_diagnostics(text, ["FJ004"], rules=RULES)
    assert (found.location.line, found.location.column) == (text[:notices].count("\n") + 1, 2)
    assert (found.expected, found.actual) == (">= 3", 1)


def test_fj004_on_a_real_report() -> None:
    """平潭市场监督管理局 2025: row (六)2 reads 2000002 (2 unpaid), the fee table 18000 (1 notice, 800 元, 0 元)."""
    path = FIXTURES / "pingtan_021_market_2025.txt"
    text = path.read_text(encoding="utf-8")
    [found] = assert_diagnostics(path, ["FJ004"], rules=RULES)
    assert (found.location.line, found.location.column) == (line_of(text, "18000"), column_of(text, "18000"))
    assert (found.expected, found.actual) == (">= 2", 1)


@pytest.mark.parametrize(("unpaid", "values"), [(3, "3\t300\t0"), (2, "5\t500\t300"), (0, "0\t0\t0")])
def test_fj004_silent_otherwise(unpaid: int, values: str) -> None:
    assert_diagnostics(seed_with_unpaid(unpaid, values), [], rules=RULES)


def test_fj004_ignores_unreadable_notices() -> None:
    assert_diagnostics(seed_with_unpaid(2, "—\t0\t0"), ["FJ002"], rules=RULES)
