"""What the HTML page needs of a parsed report besides its findings and identity: the tables' cells as
printed, so that a finding can be shown in a rendering of its table with its cell marked.

A worker makes the view only when the run writes a page (``Task.view``) and sends it back instead of the
whole :class:`~govlint.model.Report`: printed text and statuses, no spans or evidence, so that a worker's
result stays small.
"""

from __future__ import annotations

import attrs

from govlint.model import CellStatus, Report, Table, TableRow
from govlint.records import Record
from govlint.schema import FORMATS

#: One letter per cell status, so that a row's statuses travel as one short string.
STATUS_LETTERS: dict[CellStatus, str] = {
    CellStatus.OK: "o",
    CellStatus.INFERRED: "i",
    CellStatus.EMPTY: "e",
    CellStatus.UNREADABLE: "u",
    CellStatus.AMBIGUOUS: "a",
}


@attrs.frozen(repr=False)
class RowView(Record):
    """A table row as printed: its key and label, its cells' column keys, printed text and status letters."""

    key: str
    label: str
    columns: tuple[str, ...]
    raws: tuple[str, ...]
    #: One :data:`STATUS_LETTERS` letter per cell.
    statuses: str
    #: Why the row could not be read (GL108), in Chinese and English, or None.
    problem: tuple[str, str] | None = None
    #: The values the row prints, when they could not be placed in its cells (the row is unread).
    printed: str = ""


@attrs.frozen(repr=False)
class TableView(Record):
    """A table as printed: its id and its spec's title, its rows, and from its spec the label of each
    column key and the caption of each row key printed under one (a 第二十条 sub-table's)."""

    key: str
    title: str
    rows: tuple[RowView, ...]
    labels: tuple[tuple[str, str], ...] = ()
    captions: tuple[tuple[str, str], ...] = ()

    def row(self, key: str) -> RowView | None:
        return next((r for r in self.rows if r.key == key), None)


@attrs.frozen(repr=False)
class ReportView(Record):
    """The report's tables, the standard ones and those a plugin describes."""

    tables: tuple[TableView, ...] = ()

    def table(self, key: str) -> TableView | None:
        return next((t for t in self.tables if t.key == key), None)

    def place(self, key: str) -> tuple[str, str | None, str | None] | None:
        """The table, row (None: the whole table) and column (None: the whole row) that a finding's ``key``
        names in these tables (``applications.denied.state_secret.natural_person``), or None when it names
        nothing read here."""
        table_key, _, rest = key.partition(".")
        table = self.table(table_key)
        if table is None:
            return None
        if not rest:
            return table_key, None, None
        if table.row(rest) is not None:
            return table_key, rest, None
        row_key, _, column = rest.rpartition(".")
        row = table.row(row_key)
        if row is None or column not in row.columns:
            return None
        return table_key, row_key, column


def report_view(report: Report) -> ReportView:
    """The view of a parsed report."""
    return ReportView(tuple(_table_view(key, table, report) for key, table in report.tables.items()))


def _table_view(key: str, table: Table, report: Report) -> TableView:
    # the specs of this table: the report's format (both formats when it has none, 2021's winning), then a
    # plugin's description
    formats = [FORMATS[report.format]] if report.format in FORMATS else [FORMATS["2019"], FORMATS["2021"]]
    specs = [spec for f in formats for spec in f.tables if spec.id == key]
    specs += [spec for spec in report.described if spec.id == key]
    labels: dict[str, str] = {}
    captions: dict[str, str] = {}
    for spec in specs:
        labels.update((column.key, column.label) for column in spec.columns)
        captions.update((row.key, part.caption) for part in spec.parts for row in part.rows if part.caption)
    rows = tuple(_row_view(row) for row in table.rows.values())
    title = specs[-1].title if specs else key
    return TableView(key, title, rows, tuple(labels.items()), tuple(captions.items()))


def _row_view(row: TableRow) -> RowView:
    cells = tuple(row.cells.values())
    columns = tuple(row.cells)
    problem = (row.problem.zh, row.problem.en) if row.problem else None
    if cells and all(cell.status is CellStatus.AMBIGUOUS for cell in cells):
        # each unplaced cell holds the whole row's printed values: show them once, and the cells as unread
        return RowView(row.key, row.label, columns, ("",) * len(cells), "a" * len(cells), problem, cells[0].raw)
    statuses = "".join(STATUS_LETTERS[cell.status] for cell in cells)
    return RowView(row.key, row.label, columns, tuple(cell.raw for cell in cells), statuses, problem)
