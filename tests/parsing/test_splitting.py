"""Splitting digits run together by a crawler: only a unique reading is taken, never a guess."""

from __future__ import annotations

from decimal import Decimal

from govlint.parsing.splitting import split_row
from govlint.schema import ValueKind

COUNTS: list[ValueKind] = ["count"] * 7


ROW_TOTAL = ((6, (0, 1, 2, 3, 4, 5)),)


def test_as_many_digits_as_columns_is_one_reading() -> None:
    outcome = split_row([("0000000", 10)], COUNTS, ROW_TOTAL)
    assert outcome.parts is not None
    assert [p.value for p in outcome.parts] == [0] * 7
    assert [p.start for p in outcome.parts] == list(range(10, 17))
    assert all(p.split for p in outcome.parts)


def test_arithmetic_picks_the_one_consistent_reading() -> None:
    outcome = split_row([("291000030", 0)], COUNTS, ROW_TOTAL)
    assert outcome.parts is not None
    assert [p.value for p in outcome.parts] == [29, 1, 0, 0, 0, 0, 30]
    assert outcome.readings > 1


def test_spaces_are_boundaries_and_zeros_never_lead() -> None:
    outcome = split_row([("10", 0), ("0", 3), ("00", 5), ("0", 8), ("1", 10)], COUNTS, ROW_TOTAL)
    assert outcome.parts is not None
    assert [p.value for p in outcome.parts] == [1, 0, 0, 0, 0, 0, 1]
    assert [p.split for p in outcome.parts] == [True, True, False, True, True, False, False]


def test_two_consistent_readings_leave_the_row_ambiguous() -> None:
    outcome = split_row([("110000011", 0)], COUNTS, ROW_TOTAL)
    assert outcome.parts is None
    assert outcome.problem is not None and "more than one consistent" in str(outcome.problem)


def test_no_consistent_reading_is_ambiguous() -> None:
    kinds: list[ValueKind] = ["count"] * 15

    groups = tuple((g + 4, (g, g + 1, g + 2, g + 3)) for g in (0, 5, 10))
    outcome = split_row([("00202000001324015", 0)], kinds, groups)
    assert outcome.parts is None
    assert outcome.readings == 24
    assert outcome.problem is not None and "none consistent" in str(outcome.problem)


def test_long_rows_are_searched_with_their_totals_forced() -> None:
    """17 digits of large values: thousands of readings, one where 总计 is the sum of the six."""
    outcome = split_row([("26773563131552835", 0)], COUNTS, ROW_TOTAL)
    assert outcome.parts is not None
    assert [p.value for p in outcome.parts] == [2677, 35, 6, 31, 31, 55, 2835]


def test_the_only_reading_is_kept_even_when_it_does_not_add_up() -> None:
    """The digits allow nothing else; the broken total is the report's error, for the consistency rules."""
    outcome = split_row([("5100000", 0)], COUNTS, ROW_TOTAL)
    assert outcome.parts is not None
    assert [p.value for p in outcome.parts] == [5, 1, 0, 0, 0, 0, 0]


def test_without_arithmetic_several_readings_are_ambiguous() -> None:
    kinds: list[ValueKind] = ["count"] * 3
    outcome = split_row([("1024", 0)], kinds, None)
    assert outcome.parts is None and outcome.readings == 2


def test_too_few_digits() -> None:
    outcome = split_row([("0", 0), ("00000", 2)], COUNTS, ROW_TOTAL)
    assert outcome.parts is None
    assert str(outcome.problem) == "6 位数字无法拆成 7 个数值 / 6 digits cannot be read as 7 numbers"


def test_sign_goes_to_the_signed_column_unit_and_decimals_to_the_amount() -> None:
    kinds: list[ValueKind] = ["count", "signed", "count"]
    outcome = split_row([("0", 0), ("+11", 1)], kinds, None)
    assert outcome.parts is not None
    assert [p.value for p in outcome.parts] == [0, 1, 1]
    assert outcome.parts[1].signed and (outcome.parts[1].start, outcome.parts[1].end) == (1, 3)
    amounts: list[ValueKind] = ["count", "amount"]
    outcome = split_row([("2笔", 0), ("45.82万元", 3)], amounts, None)
    assert outcome.parts is not None
    assert [p.value for p in outcome.parts] == [2, Decimal("45.82")]
    assert outcome.parts[1].unit == "万元" and outcome.parts[1].end == 10


def test_text_is_not_split() -> None:
    outcome = split_row([("12", 0), ("无", 2)], COUNTS, None)
    assert outcome.parts is None and str(outcome.problem) == "连写数字中夹有文字 / text among the run-together digits"
