"""The FJ rules on one report printed as text, Markdown pipes, HTML, Word and PDF (fixtures/fee_layouts,
written by its make.py): govlint reads the fee table from the plugin's TableSpec in each, and a finding on a
table cell of a structured source names its page, table, row and cell."""

from __future__ import annotations

import zipfile
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


def _with_placeholder(name: str, folder: Path) -> Path:
    """The fixture ``name`` with its 通知收取金额 cell (300) printed as a dash, as the source itself holds it:
    the page's ``<td>``, the Word table cell's run."""
    source = LAYOUTS / name
    target = folder / name
    if name.endswith(".docx"):
        with zipfile.ZipFile(source) as inside, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for item in inside.infolist():
                data = inside.read(item.filename)
                if item.filename == "word/document.xml":
                    data = data.replace(b"<w:t>300</w:t>", "<w:t>—</w:t>".encode())
                out.writestr(item, data)
    else:
        target.write_text(source.read_text(encoding="utf-8").replace("<td>300</td>", "<td>—</td>"), encoding="utf-8")
    return target


@pytest.mark.parametrize("name", ["fee.html", "fee.docx"])
def test_fj002_names_the_table_cell_of_a_figure_left_as_a_dash(name: str, tmp_path: Path) -> None:
    report = parse_file(_with_placeholder(name, tmp_path), tables=[FEE_TABLE])
    [found] = lint_text(report, rules=RULES)  # FJ003 cannot weigh an empty figure: FJ002 alone
    assert (found.code, found.key, found.actual) == ("FJ002", "fee.notified_amount", "—")
    where = found.location
    assert (where.table, where.row, where.cell_column) == PLACES[name][1:]
    assert report.text.splitlines()[where.line - 1][where.column - 1] == "—"
