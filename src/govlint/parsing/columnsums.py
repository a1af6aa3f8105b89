"""Run-together digits that a row's own sums leave open, settled by the table's column sums.

A crawled page joins a row's cells (``（二）部分公开…110000011``): 11, 0, …, 11 and 1, 10, …, 11 both add up
across the row, so the row is unread (docs/parsing.md, "Digits run together").  The applications table also
adds up down its columns: (七)总计 is the sum of the results (R3.2), 一 + 二 = (七) + 四 (R3.3).  When every
other row of such a relation is read, the relation gives the unread row's value in every column; if those
values, printed one after the other, are exactly the row's digits (each group of digits between spaces made
of whole values), that is the one reading the table's arithmetic allows, and the row is read from it
(``INFERRED`` cells, evidence ``arithmetic``).  Otherwise the row stays unread: a report whose column sums do
not hold, or a row two relations would settle differently, is never given numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from govlint.model import Cell, CellStatus, Positions, Table, TableRow
from govlint.schema import FORMATS, RelationSpec

#: A row's digits as one run: at most this many (longer runs are not crawled table rows).
_MAX_DIGITS = 200


def settle_by_columns(table: Table | None, index: Positions, text: str, fmt: str) -> Table | None:
    """The applications table with its rows of run-together digits read where its column sums, in the format
    ``fmt`` its rows show, prove the split (see the module's docstring); the table itself when none is."""
    if table is None or not any(_digits_row(row) for row in table.rows.values()):
        return table
    relations = _column_relations(fmt)
    rows = dict(table.rows)
    for key, row in table.rows.items():
        if not _digits_row(row):
            continue
        values = _forced(key, row, rows, relations)
        settled = None if values is None else _read(row, values, index, text)
        if settled is not None:
            rows[key] = settled
    return table if rows == dict(table.rows) else attrs.evolve(table, rows=rows)


def _digits_row(row: TableRow) -> bool:
    return row.problem is not None and row.problem.kind == "digits"


def _column_relations(fmt: str) -> list[RelationSpec]:
    """The column sums of the applications table in the format ``fmt``."""
    spec = FORMATS[fmt].table("applications")
    return [r for r in spec.relations if r.each == "column" and r.op == "="]


def _forced(
    key: str, row: TableRow, rows: Mapping[str, TableRow], relations: Sequence[RelationSpec]
) -> list[int] | None:
    """The values the column relations give the row ``key``, when each relation holding it has every other
    row read and all of them agree; else None."""
    found: list[int] | None = None
    for relation in relations:
        coefficient = next((c for c, term in relation.terms if term == key), 0)
        if not coefficient:
            continue
        values = []
        for column in row.cells:
            total = 0
            for c, term in relation.terms:
                if term == key:
                    continue
                other = rows.get(term)
                cell = other.cells.get(column) if other is not None else None
                if cell is None or not isinstance(cell.value, int) or other is None or other.problem is not None:
                    return None
                total += c * cell.value
            value, rest = divmod(-total, coefficient)
            if rest or value < 0:
                return None
            values.append(value)
        if found is not None and found != values:
            return None  # two relations settle the row differently: the report's sums do not hold
        found = values
    return found


def _read(row: TableRow, values: list[int], index: Positions, text: str) -> TableRow | None:
    """The row read as ``values`` if its printed digits are exactly those values one after the other (each
    digit group a run of whole values); else None."""
    first = next(iter(row.cells.values()))
    if first.span is None:
        return None
    start, end = first.span.start, first.span.end
    printed = text[start:end]
    groups = printed.split()
    if sum(len(g) for g in groups) > _MAX_DIGITS or not all(g.isdigit() for g in groups):
        return None
    shown = [str(v) for v in values]
    if "".join(shown) != "".join(groups):
        return None
    places: list[tuple[int, int]] = []  # each value's offsets: a run of whole values tiles each group
    searched = 0
    for group in groups:
        at = start + printed.find(group, searched)
        searched = at - start + len(group)
        position = at
        while position < at + len(group):
            if len(places) == len(shown) or position + len(shown[len(places)]) > at + len(group):
                return None  # a value would run across the space between two groups
            places.append((position, position + len(shown[len(places)])))
            position = places[-1][1]
    cells: dict[str, Cell] = {}
    for (column, cell), digits, (a, b) in zip(row.cells.items(), shown, places, strict=True):
        cells[column] = attrs.evolve(
            cell,
            value=int(digits),
            status=CellStatus.INFERRED,
            raw=digits,
            span=index.span(a, b),
            evidence="arithmetic",
        )
    return attrs.evolve(row, cells=cells, problem=None)
