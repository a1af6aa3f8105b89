"""govlint reads the 信息处理费收取情况 table (the plugin's TableSpec) in every layout, and never guesses a
number."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from govlint import parse_text
from govlint.model import CellStatus
from hypothesis import given
from hypothesis import strategies as st

from govlint_fujian.figures import FeeFigures, fee_figures, fee_problems
from govlint_fujian.layout import FEE_TABLE


def read_fee_table(text: str) -> FeeFigures | None:
    return fee_figures(parse_text(text, tables=[FEE_TABLE]))


FIXTURES = Path(__file__).parent / "fixtures"
HEADER = ("通知收取件数", "通知收取金额（元）", "实际收取金额（元）")
KEYS = ("notices", "notified_amount", "collected_amount")


def tab_table(values: tuple[str, str, str], caption: str = "信息处理费收取情况") -> str:
    return f"六、其他需要报告的事项\n{caption}\t" + "\t".join(HEADER) + "\n\t" + "\t".join(values) + "\n"


def render(values: tuple[str, str, str], layout: str) -> str:
    """The fee table with these printed values in one of the layouts real reports use."""
    if layout == "tab":
        return tab_table(values)
    if layout == "pipe":
        return (
            "| 信息处理费收取情况 | " + " | ".join(HEADER) + " |\n|---|---|---|---|\n| | " + " | ".join(values) + " |\n"
        )
    if layout == "cell-per-line":
        return "\n\n".join(("信息处理费收取情况", *HEADER, "信息处理费收取情况", *values)) + "\n\n七、其他"
    if layout == "spaced":
        return "五、信息处理费收取情况 " + " ".join(HEADER) + " 信息处理费收取情况 " + " ".join(values) + " 六、存在"
    if layout == "statement":
        n, a, c = values
        return f"六、其他需要报告的事项\n本年度通知收取件数为{n}件，通知收取金额{a}元，实际收取金额{c}元。"
    if layout == "run-together":
        return (
            "五、信息处理费收取情况" + "".join(HEADER) + "信息处理费收取情况" + "".join(values) + "六、存在的主要问题"
        )
    raise AssertionError(layout)


def values_of(text: str) -> tuple[object, ...]:
    table = read_fee_table(text)
    assert table is not None
    return tuple(table.value(k) for k in KEYS)


@pytest.mark.parametrize("layout", ["tab", "pipe", "cell-per-line", "spaced", "statement"])
def test_separated_layouts_read_every_value(layout: str) -> None:
    table = read_fee_table(render(("3", "2950.5", "300"), layout))
    assert table is not None
    assert [table.value(k) for k in KEYS] == [3, Decimal("2950.5"), 300]
    assert {c.status for c in table.cells.values()} == {CellStatus.OK}


def test_cell_spans_point_at_the_printed_numbers() -> None:
    text = tab_table(("12", "1200", "800"))
    table = read_fee_table(text)
    assert table is not None
    for key, printed in zip(KEYS, ("12", "1200", "800"), strict=True):
        span = table.cells[key].span
        assert span is not None
        assert text[span.start : span.end] == printed
        line = text.splitlines()[span.line - 1]
        assert line[span.column - 1 : span.end_column - 1] == printed


def test_labels_with_stray_spaces_and_full_width_digits() -> None:
    text = "通知 收取件数\t通知收取 金额（元）\t实际收取金额（ 元 ）\n信息处理费\t２\t２００\t２００\n"
    assert values_of(text) == (2, 200, 200)


def test_amounts_in_ten_thousand_yuan_are_compared_in_yuan() -> None:
    table = read_fee_table("通知收取件数\t通知收取金额（万元）\t实际收取金额（元）\n\t1\t0.03\t300\n")
    assert table is not None
    assert table.units["notified_amount"] == "万元"
    assert table.in_yuan("notified_amount") == table.in_yuan("collected_amount") == 300


@pytest.mark.parametrize("placeholder", ["/", "—", "-"])
def test_placeholders_are_empty_cells_without_value(placeholder: str) -> None:
    table = read_fee_table(tab_table(("0", placeholder, "0")))
    assert table is not None
    cell = table.cells["notified_amount"]
    assert (cell.value, cell.status) == (None, CellStatus.EMPTY)
    assert table.cells["notices"].value == 0


def test_text_where_a_figure_belongs_is_unreadable() -> None:
    table = read_fee_table(tab_table(("0", "无", "0")))
    assert table is not None
    cell = table.cells["notified_amount"]
    assert (cell.value, cell.status, cell.raw) == (None, CellStatus.UNREADABLE, "无")


def test_a_header_without_values_is_unread_never_empty() -> None:
    text = "信息处理费收取情况\t" + "\t".join(HEADER) + "\n六、存在的主要问题和改进情况\n"
    table = read_fee_table(text)
    assert table is not None
    assert {(c.value, c.status) for c in table.cells.values()} == {(None, CellStatus.AMBIGUOUS)}
    assert table.table.rows["fee"].problem is not None  # GL108 says the row was not read


def test_run_together_digits_one_per_cell_are_read() -> None:
    table = read_fee_table(render(("0", "0", "0"), "run-together"))
    assert table is not None
    assert [table.value(k) for k in KEYS] == [0, 0, 0]
    assert {c.status for c in table.cells.values()} == {CellStatus.INFERRED}


def test_run_together_digits_split_only_where_the_tables_relations_leave_one_reading() -> None:
    # "18000" is 1 | 800 | 0 or 180 | 0 | 0; 180 notices with no amount breaks F1, so only the first is left
    table = read_fee_table(render(("1", "800", "0"), "run-together"))
    assert table is not None
    assert [table.value(k) for k in KEYS] == [1, 800, 0]
    assert {c.status for c in table.cells.values()} == {CellStatus.INFERRED}


def test_run_together_digits_with_two_readings_are_ambiguous() -> None:
    # "2100100" is 2 | 100 | 100, 2 | 10010 | 0 or 2100 | 10 | 0: three consistent readings, so none is taken.
    table = read_fee_table("通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况2100100六、存在")
    assert table is not None
    assert {c.status for c in table.cells.values()} == {CellStatus.AMBIGUOUS}
    assert all(c.value is None for c in table.cells.values())
    assert table.raw_values == "2100100"


def test_a_year_glued_to_the_figures_is_left_to_the_sentence() -> None:
    text = "通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况0002025年，我局"
    assert values_of(text) == (0, 0, 0)
    separated = "通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n0\t0\t0\n2025年，我局"
    assert values_of(separated) == (0, 0, 0)


def test_prose_without_the_three_labels_is_not_a_table() -> None:
    assert read_fee_table("六、其他需要报告的事项\n本年度没有产生信息公开处理费。") is None
    assert read_fee_table("通知收取件数0件。") is None


def test_real_report_with_a_fee_section_of_its_own() -> None:
    text = (FIXTURES / "pingtan_070_suping_2023.txt").read_text(encoding="utf-8")
    table = read_fee_table(text)
    assert table is not None
    assert values_of(text) == (0, 0, 0)
    span = table.cells["notices"].span
    assert span is not None
    assert text[span.start : span.end] == "0"
    assert text[span.start - len("信息处理费收取情况") : span.start] == "信息处理费收取情况"


def test_real_report_with_digits_run_together_in_section_six() -> None:
    text = (FIXTURES / "pingtan_021_market_2025.txt").read_text(encoding="utf-8")
    table = read_fee_table(text)
    assert table is not None
    assert table.raw_values == "18000"
    assert values_of(text) == (1, 800, 0)
    assert {c.status for c in table.cells.values()} == {CellStatus.INFERRED}


# ---------------------------------------------------------------------------------------------------------
# Properties: every separated layout reads back what was printed; run-together digits are read back or
# reported ambiguous, never read as other numbers.
# ---------------------------------------------------------------------------------------------------------


@st.composite
def consistent_values(draw: st.DrawFn) -> tuple[int, int, int]:
    notices = draw(st.integers(0, 60))
    if notices == 0:
        return (0, 0, 0)
    notified = draw(st.integers(1, 200_000))
    return (notices, notified, draw(st.integers(0, notified)))


@given(consistent_values(), st.sampled_from(["tab", "pipe", "cell-per-line", "spaced", "statement"]))
def test_any_consistent_table_reads_back(values: tuple[int, int, int], layout: str) -> None:
    printed = tuple(str(v) for v in values)
    assert values_of(render(printed, layout)) == values  # type: ignore[arg-type]
    assert fee_problems(values[0], Decimal(values[1]), Decimal(values[2])) == []


@given(consistent_values())
def test_run_together_values_are_never_misread(values: tuple[int, int, int]) -> None:
    printed = tuple(str(v) for v in values)
    table = read_fee_table(render(printed, "run-together"))  # type: ignore[arg-type]
    assert table is not None
    read = tuple(table.value(k) for k in KEYS)
    if read != values:
        assert read == (None, None, None)
        assert {c.status for c in table.cells.values()} == {CellStatus.AMBIGUOUS}
