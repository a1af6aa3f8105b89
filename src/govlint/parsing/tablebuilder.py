"""The builder for tables: the tables the grammar closes to :class:`govlint.model.Tables`, keyed by the
schema's stable keys.

Rows are keyed by their label (a row the lexer could not name is placed by its position between named
rows and by its numbering); each row's values are placed by :mod:`govlint.parsing.placement`.  Values the
builder cannot place (numbers in a header, an unknown row, a row printed twice) become
:class:`govlint.model.Unplaced` nodes.  The format (2019 trial or 2021) is read from the tables.

A family's tables may be printed more than once (a table split by a page break, a report printed twice).
:class:`TableBuilder` takes each table as the grammar closes it and keeps, per family, only what the tables
printed after it still need: the first printing of each row, the rows without a label until they are named,
and the cell positions of the complete rows printed again next to them (a short row is placed by the complete
rows right above and below it, which may belong to the next printing).  A row printed again is never read
cell by cell: it becomes an ``Unplaced`` "printed twice" as soon as it is seen, and its tokens and cells go
with its table (docs/performance.md, "Memory per reader").
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from govlint import schema
from govlint.model import Header, Note, Number, Positions, Problem, Span, Table, TableRow, Tables, Unplaced
from govlint.parsing.cells import Atom, AtomKind, Layout
from govlint.parsing.columnsums import settle_by_columns
from govlint.parsing.grammar import MAX_LEFT_OUT
from govlint.parsing.labels import Family, LabelKind, format_votes
from govlint.parsing.lexer import ReportToken
from govlint.parsing.placement import (
    Placed,
    Reference,
    place_row,
    placed_reference,
    reference,
    row_cells,
    slot_bounds,
    unread,
)
from govlint.parsing.splitting import Accept, Sums
from govlint.parsing.trees import Item, TableTree
from govlint.schema import ColumnSpec, PartSpec, RelationSpec, RowSpec, TableSpec, fold

_APPLICATIONS = schema.FORMAT_2021.table("applications")
#: Its columns, worked out once (``TableSpec.columns`` gathers them from the parts on every call).
_APPLICATION_COLUMNS = _APPLICATIONS.columns
_REVIEW = schema.FORMAT_2021.table("review_litigation")
_OTHER_ALL = schema.ROW_OTHER_ALL.key
#: The rows only the 2021 format has in the applications table: （六）1 and （六）2.
_OTHER_2021 = ("other.no_correction", "other.fee_unpaid")
_SUBTOTAL_OF_GROUP = {group.label: group.subtotal for group in _APPLICATIONS.groups if group.subtotal}
#: Section 三 rows in printed order, with the 2019 single (六) row where the 2021 sub-rows would be.
_APPLICATION_ORDER: tuple[RowSpec, ...] = tuple(
    spec
    for row in _APPLICATIONS.rows
    for spec in ((schema.ROW_OTHER_ALL, row) if row.key == "other.no_correction" else (row,))
)
_APPLICATION_POSITION = {spec.key: position for position, spec in enumerate(_APPLICATION_ORDER)}
#: Each applicant column's place in the standard order (自然人 … 其他, 总计).
_APPLICATION_COLUMN_INDEX = {key: index for index, key in enumerate(_APPLICATIONS.column_keys)}
_TOTAL_COLUMN = _APPLICATION_COLUMN_INDEX["total"]
_REVIEW_COLUMN_INDEX = {
    key: index for index, key in enumerate(schema.FORMAT_2021.table("review_litigation").column_keys)
}
_REVIEW_TOTAL = _REVIEW_COLUMN_INDEX["total"]
#: Table 四's group labels in the standard order: 行政复议, then 行政诉讼 (its header) over 未经复议直接起诉, then
#: 复议后起诉.
_REVIEW_GROUP_INDEX = {
    **{key: index for index, key in enumerate(schema.REVIEW_GROUP_KEYS)},
    **dict.fromkeys(schema.REVIEW_HEADERS, 1),
}
_REORDERED = Problem(
    "columns",
    "表头的列序与标准表格不同，数值所属的列无法确定",
    "the header prints the columns in another order than the standard table, so no value's column is known",
)
#: The review table's cells as one printed row: each group's columns in turn ("review.upheld" …).
_REVIEW_FLAT: tuple[ColumnSpec, ...] = tuple(
    ColumnSpec(f"{row.key}.{column.key}", column.label, column.kind, column.variants)
    for row in _REVIEW.rows
    for column in _REVIEW.columns
)


def _row_checks(spec: TableSpec, rows: int = 1, units: Mapping[str, str | None] | None = None) -> Accept | None:
    """The spec's row relations that are not sums (a part at most its whole, cells zero together) as a test
    of a reading of a printed row (``rows`` groups of the spec's columns).  A bound between columns whose
    headers print different units is left out: 0.03 万元 is not less than 300 元."""
    keys = spec.column_keys
    width = len(keys)
    checks: list[tuple[RelationSpec, tuple[int, ...]]] = []
    for relation in spec.relations:
        if relation.each != "row" or relation.op == "=":
            continue
        if units and relation.op == "<=" and len({units.get(key) for _, key in relation.terms}) > 1:
            continue
        at = tuple(keys.index(key) for _, key in relation.terms)
        checks.extend((relation, tuple(g * width + i for i in at)) for g in range(rows))
    if not checks:
        return None

    def accept(values: Sequence[Number]) -> bool:
        return all(relation.holds([values[i] for i in at]) for relation, at in checks)

    return accept


def _row_sums(spec: TableSpec, rows: int = 1) -> Sums:
    """The totals within a row that the spec's row relations state, as column indexes of the printed row;
    for a wide table (``rows`` groups printed in one line) in each group's columns."""
    keys = spec.column_keys
    width = len(keys)
    sums: list[tuple[int, tuple[int, ...]]] = []
    for relation in spec.relations:
        if (
            relation.each != "row"
            or relation.op != "="
            or any(c != -1 for c, k in relation.terms if k != relation.anchor)
        ):
            continue
        total = keys.index(relation.anchor)
        parts = tuple(keys.index(key) for _, key in relation.terms if key != relation.anchor)
        sums.extend((g * width + total, tuple(g * width + p for p in parts)) for g in range(rows))
    return tuple(sums)


#: R3.1: 总计 is the sum of the applicant columns (column indexes of an applications row).
_ROW_TOTAL = _row_sums(_APPLICATIONS)
#: R4.1: each group's 总计 is the sum of its results (column indexes of the review row's fifteen cells).
_GROUP_TOTALS = _row_sums(_REVIEW, len(_REVIEW.rows))
_FUZZY_MIN = 0.5
#: What separates the cells of a row in the layouts whose cells are counted.
_SEPARATORS = {Layout.TAB: "\t", Layout.PIPE: "|", Layout.LINES: "\n"}


class TablesResult(NamedTuple):
    """The tables of a report and what the tables tell about its format."""

    tables: Tables
    #: "2021" or "2019" when the tables show it, None when they do not (or there is no table).
    format: str | None
    #: The applications table prints the 2019 single (六)其他处理 row.
    has_other_all: bool
    unplaced: tuple[Unplaced, ...]


class _Row:
    """A row as collected from the tree, before its values are placed; ``order`` is its place among the rows
    of its family (None: its place in the list it is placed with)."""

    __slots__ = ("atoms", "columns", "key", "label", "label_cell", "order", "placed")

    def __init__(
        self,
        key: str | None,
        label: ReportToken,
        atoms: Sequence[Atom],
        columns: tuple[ColumnSpec, ...] = (),
        placed: Placed | None = None,
        *,
        order: int | None = None,
    ) -> None:
        self.key = key
        self.label = label
        self.atoms = atoms
        self.columns = columns
        self.placed = placed
        self.order = order
        self.label_cell = 0.0


class _Builder:
    def __init__(self, index: Positions, text: str) -> None:
        self.index = index
        self.text = text
        #: The span of ``text[start:end]`` (the report's positions).
        self.span: Callable[[int, int], Span] = index.span
        self.unplaced: list[Unplaced] = []
        self.reasons: dict[tuple[str, str], str] = {}
        #: Per table: the rows printed again listed so far, and past :data:`MAX_LEFT_OUT` the first not listed
        #: (its label and span) and how many.
        self.twice: dict[str, int] = {}
        self.untaken: dict[str, tuple[str, Span, int]] = {}

    # ----- helpers -----------------------------------------------------------------------------------

    def stray(self, kind: str, atoms: Sequence[Atom], reason: str) -> None:
        values = [a for a in atoms if a.kind is AtomKind.NUM]
        if values:
            text = " ".join(a.raw for a in values)
            self.unplaced.append(Unplaced(kind, text, self.span(values[0].start, values[-1].end), reason))

    def table_row(self, row: _Row, key: str, label: str | None = None, span: Span | None = None) -> TableRow:
        placed = row.placed
        assert placed is not None
        cells = row_cells(placed.slots, key, self.span)
        if span is None:
            end = _row_end(row.label, row.atoms)
            span = self.span(row.label.start_pos or 0, end)
        return TableRow(
            key,
            label if label is not None else str(row.label),
            span,
            cells,
            placed.problem,
            placed.value_count,
        )

    def place(
        self,
        rows: Sequence[_Row],
        sums: Sums | None,
        accept: Accept | None = None,
        neighbours: Sequence[Reference] = (),
    ) -> None:
        """Place every row; short rows are placed again against the complete rows of the same width
        (``neighbours``: those of rows printed again, which are not placed themselves)."""

        def placed(row: _Row, nearest: Sequence[Reference] = ()) -> Placed:
            return place_row(
                row.columns,
                row.atoms,
                label_end=row.label.end_pos or 0,
                references=nearest,
                sums=sums,
                label_cell=row.label_cell,
                accept=accept,
            )

        for row in rows:
            row.atoms, row.label_cell = self.cells_of(row.label, row.atoms)
            row.placed = placed(row)
        orders = [position if row.order is None else row.order for position, row in enumerate(rows)]
        short = [
            (order, row)
            for order, row in zip(orders, rows, strict=True)
            if row.placed is not None
            and row.placed.problem is not None
            and row.atoms
            and row.atoms[0].layout is not Layout.RUN
        ]
        if not short:
            return
        references: dict[int, list[Reference]] = {}
        for neighbour in neighbours:
            references.setdefault(len(neighbour.positions), []).append(neighbour)
        for order, row in zip(orders, rows, strict=True):
            found = placed_reference(row.placed, order, row.label_cell) if row.placed is not None else None
            if found is not None:
                references.setdefault(len(row.columns), []).append(found)
        if neighbours:
            for same_width in references.values():
                same_width.sort(key=_order)
        for order, row in short:
            nearest = _nearest(references.get(len(row.columns), []), order)
            if nearest:
                row.placed = placed(row, nearest)

    def cells_of(self, label: ReportToken, atoms: Sequence[Atom]) -> tuple[Sequence[Atom], float]:
        """A row's cells as placed (a structured source's as grid cells) and the position of its label's cell."""
        if self.index.has_origins:
            atoms = self.grid_atoms(label, atoms)
        return atoms, self.label_cell(label.end_pos or 0, atoms) if atoms else 0.0

    def printed_twice(self, table: str, key: str, label: ReportToken, atoms: Sequence[Atom]) -> None:
        """A row whose key an earlier row of its table already has: the first is used.  Past
        :data:`MAX_LEFT_OUT` such rows in a table (a table printed again and again) they are counted, and
        one ``Unplaced`` at the first says how many (:meth:`untaken_rows`)."""
        end = _row_end(label, atoms)
        listed = self.twice.get(table, 0)
        if listed >= MAX_LEFT_OUT:
            first = self.untaken.get(table)
            span = first[1] if first is not None else self.span(label.start_pos or 0, end)
            self.untaken[table] = (first[0] if first else str(label), span, first[2] + 1 if first else 1)
            return
        self.twice[table] = listed + 1
        reason = self.reasons.get((table, key))
        if reason is None:  # one string per row key, shared by every printing after the first
            reason = self.reasons[table, key] = (
                f"{table}表的“{key}”行印了两次，取第一次 / "
                f"the row {key} of table {table} is printed twice; the first is used"
            )
        self.unplaced.append(Unplaced("row", str(label), self.span(label.start_pos or 0, end), reason))

    def untaken_rows(self) -> Iterator[Unplaced]:
        """One ``Unplaced`` per table for its rows printed again past :data:`MAX_LEFT_OUT`: how many."""
        for table, (label, span, count) in self.untaken.items():
            reason = (
                f"{table}表另有 {count} 行重复印出，超出上限 {MAX_LEFT_OUT}，未逐一列出，取第一次 / "
                f"{count} more rows of table {table} are printed again, past the limit of {MAX_LEFT_OUT}: "
                f"not listed one by one; the first printing is used"
            )
            yield Unplaced("row", label, span, reason)

    def label_cell(self, label_end: int, atoms: Sequence[Atom]) -> float:
        """The position of the cell that holds a row's label: the first atom's position less the cells
        between the label and that atom."""
        first = atoms[0]
        if first.pos is None or first.layout not in _SEPARATORS:
            return 0.0
        between = self.text.count(_SEPARATORS[first.layout], label_end, max(label_end, first.start))
        return first.pos - between

    def grid_atoms(self, label: ReportToken, atoms: Sequence[Atom]) -> Sequence[Atom]:
        """The atoms of a structured source's table row as grid cells (positioned at their grid column), or
        ``atoms`` unchanged when they are not all in a source table.  A position a reader wrote again for a
        spanned cell (the label's or a value's) is not a cell of its own."""
        cell = self.index.cell
        first = cell(label.start_pos or 0)
        seen = set() if first is None else {first}
        cells = []
        for atom in atoms:
            place = cell(atom.start)
            if place is None:
                return atoms
            if place in seen:
                continue
            seen.add(place)
            cells.append(atom._replace(layout=Layout.GRID, pos=float(place[2])))
        return cells

    # ----- section 四 ----------------------------------------------------------------------------------

    def review(self, tree: TableTree) -> Table:
        """The review table of ``tree`` (a table with at least one label): its cells printed after its header,
        placed as the one row of each group's columns in turn."""
        header_rows: set[int] = set()
        atoms_in_order: list[Atom] = []
        last_header: ReportToken | None = None
        found: dict[str, ReportToken] = {}
        columns: list[tuple[int, int, int]] = []
        groups: list[tuple[int, int, int]] = []
        for _item, label, atoms in tree.entries:
            if label is not None:
                header_rows.add(label.row)
                last_header = label
                meaning = label.hit.label(Family.REVIEW) if label.hit is not None else None
                if meaning is not None:
                    found.setdefault(meaning.key, label)
                    column = _REVIEW_COLUMN_INDEX.get(meaning.key)
                    if column is not None:
                        columns.append((label.start_pos or 0, label.end_pos or 0, column))
                    place = _REVIEW_GROUP_INDEX.get(meaning.key)
                    if place is not None:
                        groups.append((label.start_pos or 0, label.end_pos or 0, place))
            atoms_in_order.extend(atoms)
        assert last_header is not None
        if any(a.layout in (Layout.RUN, Layout.LINES) for a in atoms_in_order):
            # crawled text, or a header broken over lines with its values in the same block: the cells
            # are what is printed after the last header label
            data = [a for a in atoms_in_order if a.start >= (last_header.end_pos or 0)]
        else:
            data = [a for a in atoms_in_order if a.row not in header_rows]
        if self.index.has_origins and any(a.raw.strip() for a in data):
            filled = {a.row for a in data if a.raw.strip()}
            data = [a for a in data if a.row in filled]  # a source table's empty rows beside its data row
        while data and data[0].kind is AtomKind.WORD:
            data.pop(0)
        while data and (data[-1].kind is AtomKind.WORD or not (data[-1].raw.strip() or self.index.has_origins)):
            data.pop()  # words or blank cells after the last value (a source table's blank cell is a cell)
        anchor = _Row(None, last_header, data, _REVIEW_FLAT)
        self.place([anchor], _GROUP_TOTALS)
        placed = anchor.placed
        assert placed is not None
        if _reordered(columns, self.text, _review_inversion) or _reordered(groups, self.text, _no_inversion):
            placed = unread(_REVIEW_FLAT, data, _REORDERED, placed.value_count, last_header.end_pos or 0)
        table_rows: dict[str, TableRow] = {}
        width = len(_REVIEW.columns)
        for number, group in enumerate(_REVIEW.rows):
            slots = placed.slots[number * width : number * width + width]
            part = _Row(group.key, last_header, data, placed=placed._replace(slots=slots))
            start, end = slot_bounds(slots, last_header.end_pos or 0)
            table_rows[group.key] = self.table_row(part, group.key, group.label, self.span(start, end))
        headers = self.headers(_REVIEW.column_keys, found)
        return Table("review_litigation", _tree_span(self, tree), table_rows, headers=headers)

    # ----- a table a plugin describes ---------------------------------------------------------------

    def described(self, spec: TableSpec, tree: TableTree) -> Table | None:
        """A table read by its spec: labelled rows, or (a wide table) the cells printed after its header;
        a header whose every column label is followed by its one value is a statement of the values.  None
        when ``tree`` gives no row."""
        items = list(tree.entries)
        headers = {
            meaning.key: label
            for name, label, _ in items
            if name == "header" and label is not None and label.hit is not None
            for meaning in (label.hit.label(spec.id),)
            if meaning is not None
        }
        header_rows = {label.row for label in headers.values()}
        printed = self.headers(spec.column_keys, headers)
        units = {key: header.unit for key, header in printed.items()}
        rows = [self.described_row(spec, label, atoms) for name, label, atoms in items if name == "row"]
        named = [row for row in rows if row is not None and row.key is not None]
        if named and spec.shape == "rows":
            for row in named:
                row.columns = spec.columns_of(row.key or "")
            self.place(named, _row_sums(spec), _row_checks(spec, 1, units))
            table_rows = self.keyed(named, spec.title)
        else:
            statement = _statement(spec, items)
            if statement is None:
                table_rows = self.wide(spec, items, header_rows, units, headers)
            else:
                table_rows = self.wide_rows(spec, statement, None, units)
        return Table(spec.id, _tree_span(self, tree), table_rows, headers=printed) if table_rows else None

    def described_row(self, spec: TableSpec, label: ReportToken | None, atoms: Sequence[Atom]) -> _Row | None:
        meaning = label.hit.label(spec.id) if label is not None and label.hit is not None else None
        return None if label is None or meaning is None else _Row(meaning.key, label, atoms)

    def wide(
        self,
        spec: TableSpec,
        items: Sequence[Item],
        header_rows: set[int],
        units: Mapping[str, str | None],
        headers: Mapping[str, ReportToken],
    ) -> dict[str, TableRow]:
        """The cells printed after the last header label: every row's, in the spec's order."""
        last = next((label for name, label, _ in reversed(items) if name == "header" and label), None)
        if last is None:
            return {}
        atoms = [a for _, _, found in items for a in found]
        if any(a.layout in (Layout.RUN, Layout.LINES) for a in atoms):
            data = [a for a in atoms if a.start >= (last.end_pos or 0)]
        else:
            data = [a for a in atoms if a.row not in header_rows]
        while data and data[0].kind is AtomKind.WORD:
            data.pop(0)
        while data and (data[-1].kind is AtomKind.WORD or not data[-1].raw.strip()):
            data.pop()
        under = self.under_headers(spec, headers, data) if self.index.has_origins and len(spec.rows) == 1 else None
        return self.wide_rows(spec, under or data, last, units)

    def under_headers(
        self, spec: TableSpec, headers: Mapping[str, ReportToken], data: Sequence[Atom]
    ) -> list[Atom] | None:
        """In a structured source's table, the cell under each column's header (same table, same grid
        column), in the spec's order; None unless every column has its header and one cell under it."""
        origin = self.index.origin
        places = []
        for key in spec.column_keys:
            token = headers.get(key)
            found = origin(token.start_pos or 0) if token is not None else None
            if found is None or found.column is None:
                return None
            places.append((found.table, found.column))
        cells: dict[tuple[int | None, int], Atom] = {}
        for atom in data:
            found = origin(atom.start)
            if found is not None and found.column is not None and atom.raw.strip():
                cells.setdefault((found.table, found.column), atom)
        under = [cells.get(place) for place in places]
        return None if any(atom is None for atom in under) else [atom for atom in under if atom is not None]

    def wide_rows(
        self, spec: TableSpec, data: list[Atom], label: ReportToken | None, units: Mapping[str, str | None]
    ) -> dict[str, TableRow]:
        """The rows of a wide table from its cells in printed order (each row's columns in turn)."""
        columns = tuple(
            ColumnSpec(f"{row.key}.{column.key}", column.label, column.kind, column.variants, column.unit)
            for row in spec.rows
            for column in spec.columns
        )
        anchor_label = label or ReportToken("X_HEAD", "", start_pos=data[0].start, end_pos=data[0].start)
        anchor = _Row(None, anchor_label, data, columns)
        self.place([anchor], _row_sums(spec, len(spec.rows)), _row_checks(spec, len(spec.rows), units))
        placed = anchor.placed
        assert placed is not None
        width = len(spec.columns)
        table_rows: dict[str, TableRow] = {}
        for number, row in enumerate(spec.rows):
            slots = placed.slots[number * width : number * width + width]
            part = _Row(row.key, anchor_label, data, placed=placed._replace(slots=slots))
            start, end = slot_bounds(slots, anchor_label.end_pos or 0)
            table_rows[row.key] = self.table_row(part, row.key, row.label, self.span(start, end))
        return table_rows

    def headers(self, keys: Iterable[str], found: Mapping[str, ReportToken]) -> dict[str, Header]:
        """The column labels as printed, by column key (a finding about a column points at its header), each
        with the unit it prints in parentheses, after its label (``本年收费金额（单位：元）``) or as part of it
        (``本年收费金额（万元）``)."""
        wanted = set(keys)
        headers = {}
        for key, token in found.items():
            if key not in wanted:
                continue
            start, end = token.start_pos or 0, token.end_pos or 0
            after = _HEADER_UNIT.match(fold(self.text[end : end + _UNIT_REACH]))
            inside = None if after else _HEADER_UNIT.search(fold(self.text[start:end]))
            unit, at = (after, end) if after else (inside, start)
            span = self.span(start, end + (after.end() if after else 0))
            unit_span = self.span(at + unit.start(1), at + unit.end(1)) if unit else None
            text = self.text[span.start : span.end]
            headers[key] = Header(key, text, span, unit.group(1) if unit else None, unit_span)
        return headers

    def note(self, token: ReportToken) -> Note:
        """A note the table prints, as printed."""
        span = self.span(token.start_pos or 0, token.end_pos or 0)
        return Note(self.text[span.start : span.end], span)

    # ----- shared --------------------------------------------------------------------------------------

    def keyed(self, rows: Sequence[_Row], table: str) -> dict[str, TableRow]:
        result: dict[str, TableRow] = {}
        for row in rows:
            if row.key is None:
                continue
            if row.key in result:
                self.printed_twice(table, row.key, row.label, row.atoms)
                continue
            result[row.key] = self.table_row(row, row.key)
        return result


def _numbered_word(atoms: Sequence[Atom]) -> bool:
    """Whether ``atoms`` hold a row's numbering before words (``2.其他法律 行政法规禁``): a row label not read."""
    return any(a.kind is AtomKind.WORD and _NUMBERING_DIGIT.match(a.raw) for a in atoms)


def _prints_numbers(atoms: Sequence[Atom]) -> bool:
    """Whether ``atoms`` (cells before a row label) hold a number: the values may be printed before their labels."""
    return any(a.kind is AtomKind.NUM for a in atoms)


def _statement(spec: TableSpec, items: Sequence[Item]) -> list[Atom] | None:
    """The values of a one-row table stated label by label (``通知收取件数0件，通知收取金额0元…``), in the
    spec's column order: every column label followed by exactly one value before the next label."""
    if len(spec.rows) != 1:
        return None
    values: dict[str, Atom] = {}
    for name, label, atoms in items:
        meaning = label.hit.label(spec.id) if label is not None and label.hit is not None else None
        if name != "header" or meaning is None:
            continue
        printed = [a for a in atoms if a.kind is not AtomKind.WORD]
        if len(printed) != 1 or meaning.key in values:
            return None
        values[meaning.key] = printed[0]
    if set(values) != set(spec.column_keys):
        return None
    return [values[key] for key in spec.column_keys]


def _tree_span(builder: _Builder, tree: TableTree) -> Span:
    """From the table's BEGIN marker to the end of its last cell or label."""
    start = tree.begin.start_pos or 0
    return builder.span(start, max(start, _tree_end(tree)))


def _tree_end(tree: TableTree) -> int:
    """Where the last cell or label of ``tree`` ends."""
    end = 0
    for _, label, atoms in tree.entries:
        end = max(end, label.end_pos or 0 if label is not None else 0, atoms[-1].end if atoms else 0)
    return end


#: Where an atom ends.
_end = attrgetter("end")


def _row_end(label: ReportToken, atoms: Iterable[Atom]) -> int:
    """Where a row's label or its last cell ends."""
    return max(label.end_pos or 0, max(map(_end, atoms), default=0))


def _order(reference: Reference) -> int:
    return reference.order


def _nearest(references: Sequence[Reference], order: int) -> list[Reference]:
    """The complete rows right above and right below row ``order`` (``references`` are in row order)."""
    index = bisect.bisect_left(references, order, key=lambda r: r.order)
    below = index + 1 if index < len(references) and references[index].order == order else index
    return [*references[max(index - 1, 0) : index], *references[below : below + 1]]


def _art20_format(votes: Mapping[str, int], keys: Iterable[str]) -> str | None:
    """The format the 第二十条 table shows by its column headers (``votes``: how many of its labels signal
    each format), else by a row only one format has; None when nothing tells (headers a converter broke into
    single characters): the report year decides then."""
    if votes["2019"] != votes["2021"]:
        return "2019" if votes["2019"] > votes["2021"] else "2021"
    rows_2019 = {r.key for t in schema.ART20_2019 for r in t.rows}
    rows_2021 = {r.key for t in schema.ART20_2021 for r in t.rows}
    keys = set(keys)
    if keys & (rows_2019 - rows_2021):
        return "2019"
    if keys & (rows_2021 - rows_2019):
        return "2021"
    return None


@cache  # asked for every row of every printing, in both formats
def _art20_spec(fmt: str, key: str) -> tuple[PartSpec, RowSpec]:
    """The sub-table and row spec of ``key`` in ``fmt``, else in the other format."""
    order = [schema.FORMATS[fmt], *(f for k, f in schema.FORMATS.items() if k != fmt)]
    for spec in order:
        for sub in spec.art20:
            for row in sub.rows:
                if row.key == key:
                    return sub, row
    raise KeyError(key)


#: How far after a column label its unit may be printed: ``（单位：万元）``.
_UNIT_REACH = 16


#: A unit printed in a column label's parentheses, as printed: ``(元)``, ``( 单位 : 万元 )``, ``(千元)`` (folded
#: text; group 1 is the unit).
_HEADER_UNIT = re.compile(r"\s*\(\s*(?:单\s*位\s*:?\s*)?([^)\n]{1,8}?)\s*\)")
#: The digit of a row numbering such as ``2.``.
_NUMBERING_DIGIT = re.compile(r"^\s*(\d)\s*[.、]")


def _choose_row(candidates: Sequence[RowSpec], text: str) -> str | None:
    """The row an unlabelled or misprinted row stands for, when its place and label leave one choice."""
    numbering = _NUMBERING_DIGIT.match(text)
    if numbering:
        digit = numbering.group(1)
        candidates = [c for c in candidates if c.numbering.startswith(digit)]
    if len(candidates) == 1:
        return candidates[0].key
    label = schema.normalize_label(_NUMBERING_DIGIT.sub("", text))
    if not label or not candidates:
        return None
    scores = sorted(
        ((max(difflib.SequenceMatcher(None, label, t).ratio() for t in c.labels()), c.key) for c in candidates),
        reverse=True,
    )
    if scores[0][0] >= _FUZZY_MIN and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        return scores[0][1]
    return None


class _Neighbours:
    """The cell positions of complete rows printed again (never placed themselves) that may place a kept row
    of their family: for each width, the last one before a kept row and the first one after it (a short row is
    placed by the complete rows right above and below it).  The others are let go."""

    __slots__ = ("last", "retained", "waiting")

    def __init__(self) -> None:
        self.retained: list[Reference] = []
        #: Per width, the last reference of a row printed again, until a kept row follows it.
        self.last: dict[int, Reference] = {}
        #: Widths of kept rows that no reference of a row printed again has followed yet.
        self.waiting: set[int] = set()

    def dropped(self, found: Reference | None) -> None:
        if found is None:
            return
        width = len(found.positions)
        if width in self.waiting:
            self.retained.append(found)
            self.waiting.discard(width)
            self.last.pop(width, None)
        else:
            self.last[width] = found

    def kept(self, width: int) -> None:
        found = self.last.pop(width, None)
        if found is not None:
            self.retained.append(found)
        self.waiting.add(width)


class _Family:
    """The rows of one table family over all its printings, in printed order: the first printing of each
    labelled row is kept (with its cells, to be placed once the family is complete); a row printed again
    becomes an ``Unplaced`` at once, its cell positions kept only where a kept row may need them."""

    def __init__(self, builder: _Builder, name: str, readings: Sequence[str]) -> None:
        self.builder = builder
        self.name = name
        self.rows: list[_Row] = []
        #: Keys of every labelled row seen, kept or printed again.
        self.printed: set[str] = set()
        self.count = 0
        self.neighbours = {reading: _Neighbours() for reading in readings}
        self.start: int | None = None
        self.end = 0

    def table(self, tree: TableTree) -> None:
        """A printing of the family's table: where it starts and ends (the family's span runs over all)."""
        begin = tree.begin.start_pos or 0
        self.start = begin if self.start is None else min(self.start, begin)
        self.end = max(self.end, begin, _tree_end(tree))

    def span(self) -> Span:
        return self.builder.span(self.start or 0, self.end)

    def width(self, reading: str, key: str) -> int:
        raise NotImplementedError

    def labelled(self, key: str, label: ReportToken, atoms: Sequence[Atom]) -> None:
        """A row with a label the catalogue knows."""
        order = self.next_order()
        if key not in self.printed:
            self.printed.add(key)
            self.keep(_Row(key, label, atoms, order=order))
            return
        cells, label_cell = self.builder.cells_of(label, atoms)
        for reading, neighbours in self.neighbours.items():
            neighbours.dropped(reference(self.width(reading, key), cells, order=order, label_cell=label_cell))
        self.builder.printed_twice(self.name, key, label, cells)

    def keep(self, row: _Row) -> None:
        self.rows.append(row)
        for reading, neighbours in self.neighbours.items():
            neighbours.kept(self.width(reading, row.key or ""))

    def next_order(self) -> int:
        self.count += 1
        return self.count - 1


class _Art20(_Family):
    """Section 二's 第二十条 table.  Its format (read from all its printings' labels) decides each row's
    columns, so a row printed again keeps the cell positions it would give in either format."""

    def __init__(self, builder: _Builder) -> None:
        super().__init__(builder, "第二十条", ("2019", "2021"))
        self.votes = dict.fromkeys(schema.FORMATS, 0)
        self.parts: set[int] = set()
        # numbers between a sub-table's caption and its first row label: the values may be printed before
        # their labels (plain pdftotext of some PDFs), so the numbers after a label are not proven its own
        self.values_first = False
        #: The column labels, by column key: the first printing of each.
        self.headers: dict[str, ReportToken] = {}

    def width(self, reading: str, key: str) -> int:
        return len(_art20_spec(reading, key)[0].columns)

    def add(self, tree: TableTree) -> None:
        self.table(tree)
        builder = self.builder
        signals: list[str] = []
        for item, label, atoms in tree.entries:
            if label is None:
                builder.stray(
                    "numbers", atoms, "第二十条表中行名之前的数字 / numbers in the 第二十条 table before any row label"
                )
                self.values_first = self.values_first or _prints_numbers(atoms)
                continue
            hit = label.hit
            assert hit is not None
            meaning = hit.label(Family.ART20)
            if meaning is None:
                continue
            if item == "caption":
                self.parts.add(meaning.item or 0)
                if meaning.item == 9:
                    signals.append(schema.FORMAT_2019.signals[-2])
                builder.stray("numbers", atoms, "第二十条表题中的数字 / numbers in a 第二十条 caption")
                self.values_first = _prints_numbers(atoms)
            elif item == "header":
                self.headers.setdefault(meaning.key, label)
                signals.append(hit.text)
                builder.stray("numbers", atoms, "第二十条表头中的数字 / numbers in a 第二十条 header")
                self.values_first = self.values_first or _prints_numbers(atoms)
            elif self.values_first:
                signals.append(hit.text)
                builder.stray("numbers", atoms, "第二十条表中数值可能印在行名之前 / values may precede their labels")
                end = label.end_pos or 0
                self.labelled(meaning.key, label, [Atom(AtomKind.APART, "", end, end, -1, None, 0, Layout.LINES)])
            else:
                signals.append(hit.text)
                self.labelled(meaning.key, label, atoms)
        for fmt, votes in format_votes(signals).items():
            self.votes[fmt] += votes

    def finish(self) -> tuple[Table | None, str | None]:
        if not self.printed:
            return None, None
        fmt = _art20_format(self.votes, self.printed)
        reading = fmt or "2021"
        parts = self.parts | {_art20_spec(reading, key)[0].item for key in self.printed}
        for row in self.rows:
            sub, spec = _art20_spec(reading, row.key or "")
            row.columns = sub.columns
            row.key = spec.key
        self.builder.place(self.rows, None, neighbours=self.neighbours[reading].retained)
        table_rows = self.builder.keyed(self.rows, self.name)
        headers = self.builder.headers(schema.FORMATS[reading].table("active_disclosure").column_keys, self.headers)
        return Table("active_disclosure", self.span(), table_rows, tuple(sorted(parts)), headers), fmt


class _Applications(_Family):
    """Section 三's table of applications.  A row without a known label is named, once the family is
    complete, by its place between named rows and by its numbering; until then it is kept whole, unless no
    row is left that it could be."""

    def __init__(self, builder: _Builder) -> None:
        super().__init__(builder, "三", ("",))
        self.order = _APPLICATION_POSITION
        self.any_row = False
        #: The last labelled row whose key the printed order knows: (its order, its key).
        self.previous: tuple[int, str] | None = None
        #: For each row without a label: the labelled rows of known keys right before and after it.
        self.around: dict[int, list[tuple[int, str] | None]] = {}
        #: Those of ``around`` that no labelled row of a known key has followed yet.
        self.waiting: list[list[tuple[int, str] | None]] = []
        #: The column labels, by column key: the first printing of each.
        self.headers: dict[str, ReportToken] = {}
        #: The notes printed among the labels (the corner note), in printed order.
        self.notes: list[ReportToken] = []
        #: Every printed column label: (where it starts, where it ends, its column's standard index).
        self.column_labels: list[tuple[int, int, int]] = []

    def width(self, reading: str, key: str) -> int:
        return len(_APPLICATION_COLUMNS)

    def add(self, tree: TableTree) -> None:
        self.table(tree)
        builder = self.builder
        entries = list(tree.entries)

        def bare(index: int) -> bool:
            """Whether entry ``index`` is a data row that printed no value: values beside it may be that row's."""
            if not 0 <= index < len(entries):
                return False
            item, _, atoms = entries[index]
            return item == "row" and (not _prints_numbers(atoms) or _numbered_word(atoms))

        for index, (item, label, atoms) in enumerate(entries):
            if label is None:
                builder.stray(
                    "numbers",
                    atoms,
                    "申请情况表中行名之前的数字 / numbers in the applications table before any row label",
                )
                continue
            hit = label.hit
            meaning = hit.label(Family.APPLICATIONS) if hit is not None else None
            if item == "row" and meaning is not None:
                self.row(meaning.key, label, atoms)
            elif item == "anon":
                self.anonymous(label, atoms)
            elif item == "group" and meaning is not None and any(a.kind is not AtomKind.EMPTY for a in atoms):
                key = _OTHER_ALL if meaning.key == schema.GROUP_OTHER else _SUBTOTAL_OF_GROUP.get(meaning.key)
                if _numbered_word(atoms) or (key != _OTHER_ALL and (bare(index - 1) or bare(index + 1))):
                    # a numbered row label not read ("2.其他法律 行政法规禁", cut by a page break), or a row
                    # label without values just above or below (pdfplumber: "1.本机关不掌握相关政府信息" /
                    # "（四）无法提供" / "3 0 0 …"): the values may be that row's, not the group's subtotal
                    key = None
                if key is None:
                    builder.stray("numbers", atoms, f"分组名“{label}”后的数字 / numbers after the group label {label}")
                else:
                    self.row(key, label, atoms)
            else:
                if item == "header" and meaning is not None and meaning.kind is LabelKind.NOTE:
                    self.notes.append(label)
                elif item == "header" and meaning is not None:
                    self.headers.setdefault(meaning.key, label)
                    column = _APPLICATION_COLUMN_INDEX.get(meaning.key)
                    if column is not None:
                        self.column_labels.append((label.start_pos or 0, label.end_pos or 0, column))
                builder.stray("numbers", atoms, "申请情况表表头中的数字 / numbers in the applications table header")

    def row(self, key: str, label: ReportToken, atoms: Sequence[Atom]) -> None:
        self.any_row = True
        order = self.count
        self.labelled(key, label, atoms)
        if key in self.order:
            self.previous = (order, key)
            for around in self.waiting:
                around[1] = self.previous
            self.waiting.clear()

    def anonymous(self, label: ReportToken, atoms: Sequence[Atom]) -> None:
        self.any_row = True
        row = _Row(None, label, atoms, order=self.next_order())
        before = self.order[self.previous[1]] if self.previous is not None else -1
        kinds = {a.kind for a in atoms}
        if AtomKind.WORD in kinds and AtomKind.NUM not in kinds:
            # words and no number: a line of words (a converter's ``|Col1|Col2|止公开|…|`` header under a page
            # break), not a row named by its place, whose words would then be unreadable values
            self.unnamed(row)
            return
        if not any(spec.key not in self.printed for spec in _APPLICATION_ORDER[before + 1 :]):
            self.unnamed(row)  # every row it could be is printed already: nothing printed later changes that
            return
        around = self.around[id(row)] = [self.previous, None]
        self.waiting.append(around)
        self.keep(row)

    def unnamed(self, row: _Row) -> None:
        text = "".join(a.raw for a in row.label.label_atoms) or str(row.label)
        values = [a for a in row.atoms if a.kind is not AtomKind.EMPTY]
        shown = " ".join([text, *(a.raw for a in values)]).strip()
        end = _row_end(row.label, row.atoms)
        reason = "行名与表中此处的任何一行都不对应 / a row whose label matches no row of the table at this place"
        self.builder.unplaced.append(Unplaced("row", shown, self.builder.span(row.label.start_pos or 0, end), reason))

    def name_anonymous(self) -> None:
        """Key the rows without a known label by their place between named rows and their numbering: after the
        row of a known key printed last before it (a labelled row, or a row named here), before the labelled
        row printed next, among the rows printed nowhere in the family."""
        present = set(self.printed)
        named: tuple[int, str] | None = None  # the row named here last
        for row in self.rows:
            around = self.around.get(id(row))
            if around is None:
                continue
            previous, following = around
            nearest = max((found for found in (previous, named) if found is not None), default=None)
            before = self.order[nearest[1]] if nearest is not None else -1
            after = self.order[following[1]] if following is not None else len(self.order)
            candidates = [s for s in _APPLICATION_ORDER[before + 1 : after] if s.key not in present]
            text = "".join(a.raw for a in row.label.label_atoms) or str(row.label)
            key = _choose_row(candidates, text)
            if key is None:
                self.unnamed(row)
                continue
            row.key = key
            present.add(key)
            named = (row.order or 0, key)

    def finish(self) -> Table | None:
        if not self.any_row:
            return None
        self.name_anonymous()
        named = [row for row in self.rows if row.key is not None]
        for row in named:
            row.columns = _APPLICATION_COLUMNS
        self.builder.place(named, _ROW_TOTAL, neighbours=self.neighbours[""].retained)
        if _reordered(self.column_labels, self.builder.text, _applications_inversion):
            for row in named:
                count = row.placed.value_count if row.placed is not None else 0
                row.placed = unread(row.columns, row.atoms, _REORDERED, count, row.label.end_pos or 0)
        headers = self.builder.headers(_APPLICATIONS.column_keys, self.headers)
        notes = tuple(self.builder.note(label) for label in self.notes)
        return Table("applications", self.span(), self.builder.keyed(named, self.name), headers=headers, notes=notes)


class TableBuilder:
    """The tables of one report, built from its tables as the grammar closes them (:meth:`add`, in printed
    order); :meth:`finish` gives them with what they tell about the format.  Of each family only what later
    printings need is kept (module docstring)."""

    def __init__(self, index: Positions, text: str, described: Sequence[TableSpec] = ()) -> None:
        self.builder = _Builder(index, text)
        self.art20 = _Art20(self.builder)
        self.applications = _Applications(self.builder)
        #: The review table with the fullest header so far (another may be a sentence about 行政复议).
        self.review: TableTree | None = None
        self.review_items = 0
        self.described = {spec.id: spec for spec in described}
        #: A described table is its first printing that gives rows.
        self.more: dict[str, Table | None] = dict.fromkeys(self.described)

    def add(self, tree: TableTree) -> None:
        """A table the grammar has closed; what the tables need of it is kept, the rest let go."""
        spec = self.described.get(tree.table)
        if spec is not None and self.more[spec.id] is None:
            self.more[spec.id] = self.builder.described(spec, tree)
        if tree.table == Family.ART20.value:
            self.art20.add(tree)
        elif tree.table == Family.APPLICATIONS.value:
            self.applications.add(tree)
        elif tree.table == Family.REVIEW.value and tree.items and len(tree.items) > self.review_items:
            self.review, self.review_items = tree, len(tree.items)

    def finish(self) -> TablesResult:
        """The tables, what they tell about the format, and what could not be placed."""
        builder = self.builder
        art20, art20_format = self.art20.finish()
        applications = self.applications.finish()
        review = builder.review(self.review) if self.review is not None else None
        # a (六) label read alone beside a row (六)1-3 is the group label of a 2021 table whose first row's
        # label a converter broke over many lines, not the 2019 single row
        split_rows = applications is not None and any(
            key.startswith("other.") and key != _OTHER_ALL for key in applications.rows
        )
        has_other_all = applications is not None and _OTHER_ALL in applications.rows and not split_rows
        index, text = builder.index, builder.text
        applications = settle_by_columns(applications, index, text, "2019" if has_other_all else "2021")
        fmt = art20_format
        if fmt is None and applications is not None:
            # only the 2021 rows (六)1 and (六)2 tell that format: a lone 其他 may be the 2019 row （六）其他处理
            # whose label a converter broke after 其他
            shows_2021 = any(key in applications.rows for key in _OTHER_2021)
            fmt = "2021" if shows_2021 else "2019" if has_other_all else None
        tables = {"active_disclosure": art20, "applications": applications, "review_litigation": review}
        return TablesResult(
            Tables({**tables, **self.more}),
            fmt,
            has_other_all,
            tuple(sorted([*builder.unplaced, *builder.untaken_rows()], key=_start)),
        )


#: Whether a column label printed right after another of a lower standard place is still the standard
#: header: (whether a column label is printed before the pair, the pair's first, its second), by standard index.
Inversion = Callable[[bool, int, int], bool]


def _applications_inversion(later: bool, before: int, after: int) -> bool:
    """总计 then the 法人 columns: the standard header's second and third rows printed on one line."""
    return before == _TOTAL_COLUMN and after != 0


def _review_inversion(later: bool, before: int, after: int) -> bool:
    """A group's 总计 after its other columns, then the next group's 结果维持 (行政复议 … 总计 结果维持 …); a
    总计 before any other column label is the first group's printed first."""
    return later and before == _REVIEW_TOTAL and after == 0


#: Marks of a sentence: labels with one of these between them are not a header's neighbours.
_SENTENCE_MARKS = frozenset("。，,；;！!？?：:")


def _no_inversion(later: bool, before: int, after: int) -> bool:
    """Table 四's groups: 行政复议, 行政诉讼 (未经复议直接起诉), 复议后起诉, never in another order."""
    return False


def _reordered(labels: Sequence[tuple[int, int, int]], text: str, standard: Inversion) -> bool:
    """Whether a table's header prints two column labels side by side in another order than the standard's
    (总计 first, 科研机构 before 商业企业, 结果纠正 before 结果维持): its values are then not in the columns the rows
    are read in, and every row is unread rather than read into the wrong columns.

    ``labels`` are (start, end, standard index).  Only neighbours are compared: two labels with nothing but
    words and spaces between them on one line (no digit, no sentence mark: not a sentence that names 行政诉讼
    and 行政复议 before the table, in crawled text), or each alone on its line (a header one cell a line); never
    labels on lines of several (a header broken over lines prints its pieces in any order).  ``standard``
    tells an inversion the standard header makes when printed on one line (crawled text: 自然人 法人或其他组织
    总计 商业企业 … 其他).  A header printed again after the rows has digits between its labels and the
    earlier printing's."""
    pairs = itertools.pairwise(sorted(labels))
    for later, ((first, end, before), (start, last, after)) in enumerate(pairs):
        between = text[end:start]
        apart = "\n" in between and not (_alone(text, first, end) and _alone(text, start, last))
        if apart or any(map(str.isdigit, between)) or not _SENTENCE_MARKS.isdisjoint(between):
            continue
        if before > after and not standard(later > 0, before, after):
            return True
    return False


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all its line prints, but for spaces (a label printed a character a line,
    vertically, is not: such pieces come in any order)."""
    if "\n" in text[start:end]:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end : len(text) if line_end == -1 else line_end].strip()


def _start(unplaced: Unplaced) -> int:
    return unplaced.span.start
