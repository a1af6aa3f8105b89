"""One cell's printed text read as a value: what counts as the report's own number and what is left unread."""

from __future__ import annotations

import pytest

from govlint.model import CellStatus
from govlint.parsing.numbers import read_cell


@pytest.mark.parametrize(
    ("printed", "value", "unit"),
    [("〇", 0, None), ("零", 0, None), (" 〇 ", 0, None), ("〇件", 0, "件"), ("〇*", 0, None), ("0", 0, None)],
)
def test_the_chinese_numeral_zero_alone_is_zero(printed: str, value: int, unit: str | None) -> None:
    reading = read_cell(printed)
    assert (reading.value, reading.status, reading.unit) == (value, CellStatus.OK, unit)


@pytest.mark.parametrize("printed", ["1〇", "〇〇", "〇1", "二〇", "零星"])
def test_the_numeral_mixed_with_other_characters_is_not_read(printed: str) -> None:
    assert read_cell(printed).status is CellStatus.UNREADABLE
