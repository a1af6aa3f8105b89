"""The FJ rules on one report printed as text, Markdown pipes, HTML, Word and PDF (fixtures/fee_layouts,
written by its make.py): govlint reads the fee table from the plugin's TableSpec in each, and a finding on a
table cell of a structured source names its page, table, row and cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from govlint import parse_file
from govlint.model import CellStatus
from govlint.testing import lint_text

from govlint_fujian.figures import fee_figures
from govlint_fujian.layout import FEE_TABLE
from govlint_fujian.rules import RULES

LAYOUTS = Path(__file__).parent / "fixtures" / "fee_layouts"
#: Where the 通知收取金额 figure (300) is: (page, table, row, cell) in the source, None for plain text.
PLACES = {
    "fee.txt": None,
    "fee.md": None,
    "fee.html": (None, 1, 2, 3),
    "fee.docx": (None, 1, 2, 3),
    "fee.pdf": (1, 1, 2, 3),
}


@pytest.mark.parametrize("name", sorted(PLACES))
def test_the_fee_table_is_read_and_checked_in_each_layout(name: str) -> None:
    report = parse_file(LAYOUTS / name, tables=[FEE_TABLE])
    figures = fee_figures(report)
    assert figures is not None
    assert [figures.value(key) for key in ("notices", "notified_amount", "collected_amount")] == [0, 300, 0]
    assert {cell.status for cell in figures.cells.values()} == {CellStatus.OK}
    [found] = lint_text(report, rules=RULES)  # FJ001 is silent: the table is there
    assert (found.code, found.key, found.actual) == ("FJ003", "fee.notified_amount", "300 元")
    where = found.location
    text_line = next(n for n, line in enumerate(report.text.splitlines(), 1) if "300" in line)
    assert where.line == text_line
    place = PLACES[name]
    assert (None if place is None else (where.page, where.table, where.row, where.cell_column)) == place
