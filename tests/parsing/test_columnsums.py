"""Run-together digits that the row's own sums leave open, read from the table's column sums (R3.2, R3.3)
where every other row of the relation is read; never where the sums do not give exactly the digits printed."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.model import CellStatus

PINGTAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "pingtan"
ROW = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）110000011"


def _row(text: str, key: str) -> list[object]:
    apps = govlint.parse_text(text).tables.applications
    assert apps is not None
    return [cell.value for cell in apps.rows[key].cells.values()]


def test_the_column_sums_settle_a_split_the_row_leaves_open() -> None:
    """110000011 is 11,0,0,0,0,0,11 or 1,10,0,0,0,0,11 by its own total; (七)总计 19 less the other results
    (granted 1, 7 in the other rows) leaves 11 in the first column: only the first reading."""
    text = (PINGTAN / "021_market_2025.txt").read_text(encoding="utf-8")
    assert ROW in text
    report = govlint.parse_text(text)
    apps = report.tables.applications
    assert apps is not None
    row = apps.rows["partially_granted"]
    assert [cell.value for cell in row.cells.values()] == [11, 0, 0, 0, 0, 0, 11]
    assert row.problem is None
    first = row.cells["natural_person"]
    assert (first.status, first.evidence, first.raw) == (CellStatus.INFERRED, "arithmetic", "11")
    assert first.span is not None and text[first.span.start : first.span.end] == "11"


def test_a_split_the_column_sums_do_not_give_stays_unread() -> None:
    """The same page with (七)总计's first column one more: no reading of 110000011 is what the sums give."""
    text = (PINGTAN / "021_market_2025.txt").read_text(encoding="utf-8")
    changed = text.replace("（七）总计1900000", "（七）总计2000000", 1)
    assert changed != text
    assert _row(changed, "partially_granted") == [None] * 7


def test_a_row_whose_own_total_is_wrong_is_not_settled() -> None:
    """191000019 (pingtan 051): the column sums give 19,0,0,0,0,0,19, not the digits printed: unread."""
    text = (PINGTAN / "051_natres_2023.txt").read_text(encoding="utf-8")
    assert _row(text, "results_total") == [None] * 7
