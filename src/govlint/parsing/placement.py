"""Place the printed values of one table row into its columns, as a careful reader would.

* As many values as columns: they are the columns, in order.
* Fewer values in a layout with cell positions (tabs, pipes, one cell per line, pdftotext columns): each
  value goes to the column whose position it shares with the nearest complete rows of the same table
  (counted from the row's start or from its end); the columns left over are empty.  When the neighbours
  disagree, or when nothing decides, every cell of the row is ambiguous.
* Crawled text with the cells run together: :func:`govlint.parsing.splitting.split_row`.
* A row printed without any value: every cell is empty.
Text where a number belongs is unreadable; a value is never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from govlint.model import CellStatus, Number
from govlint.parsing.cells import Atom, AtomKind, Layout
from govlint.parsing.numbers import read_cell
from govlint.parsing.splitting import Sums, split_row
from govlint.schema import ColumnSpec

#: How far (in characters) a value of pdftotext output may sit from its column in a neighbouring row.
SPACED_TOLERANCE = 2.5


class Slot(NamedTuple):
    """A placed cell before it becomes a :class:`govlint.model.Cell`: value, status, where it is printed."""

    column: str
    value: Number | None
    status: CellStatus
    raw: str
    start: int
    end: int
    unit: str | None = None


class Reference(NamedTuple):
    """The cell positions of a complete row (one value per column), used to place its neighbours."""

    order: int
    positions: tuple[float, ...]
    row_size: int
    layout: Layout


class Placed(NamedTuple):
    """A row's cells, why they could not all be placed (or None), and how many values were printed."""

    slots: tuple[Slot, ...]
    problem: str | None
    value_count: int
    reference: Reference | None = None


def _value_slot(column: ColumnSpec, atom: Atom) -> Slot:
    reading = read_cell(atom.raw)
    return Slot(column.key, reading.value, reading.status, atom.raw, atom.start, atom.end, reading.unit)


def _empty_slot(column: ColumnSpec, atom: Atom | None, at: int) -> Slot:
    if atom is None:
        return Slot(column.key, None, CellStatus.EMPTY, "", at, at)
    return Slot(column.key, None, CellStatus.EMPTY, atom.raw, atom.start, atom.end)


def _ambiguous(columns: Sequence[ColumnSpec], atoms: Sequence[Atom], problem: str, count: int) -> Placed:
    start = atoms[0].start
    end = atoms[-1].end
    raw = " ".join(a.raw for a in atoms)
    slots = [Slot(c.key, None, CellStatus.AMBIGUOUS, raw, start, end) for c in columns]
    unit = read_cell(atoms[-1].raw).unit
    if unit is not None and columns[-1].kind == "amount":  # 2832995元: whatever the split, 元 is the amount's
        slots[-1] = slots[-1]._replace(unit=unit)
    return Placed(tuple(slots), problem, count)


def place_row(
    columns: Sequence[ColumnSpec],
    atoms: Sequence[Atom],
    *,
    label_end: int,
    order: int,
    references: Sequence[Reference] = (),
    sums: Sums | None = None,
) -> Placed:
    """Place ``atoms`` (the cells printed after a row's label) into ``columns``.

    ``order`` is the row's place in its table and ``references`` are the complete rows nearest to it;
    ``sums`` are the row's own totals (a total column and the columns it adds up), which choose between
    readings of digits run together.
    """
    count = len(columns)
    # printed cells: numbers, text, and placeholders such as "/" or "—" (an empty cell the report printed)
    values = [a for a in atoms if a.kind is not AtomKind.EMPTY or a.raw.strip()]
    while len(values) > count and values[-1].kind is AtomKind.WORD:
        values.pop()  # trailing words after the last value: header junk, not cells
    if not any(a.kind is not AtomKind.EMPTY for a in values):
        empties = [a for a in atoms if a.kind is AtomKind.EMPTY]
        if len(empties) == count:
            return Placed(tuple(_empty_slot(c, a, a.start) for c, a in zip(columns, empties, strict=True)), None, 0)
        at = empties[0].start if empties else label_end
        return Placed(tuple(_empty_slot(c, None, at) for c in columns), None, 0)
    if len(values) == count:
        slots = tuple(
            [
                _empty_slot(c, a, a.start) if a.kind is AtomKind.EMPTY else _value_slot(c, a)
                for c, a in zip(columns, values, strict=True)
            ]
        )
        reference = None
        if values[0].layout is not Layout.RUN:
            positions = [a.pos for a in values if a.pos is not None]
            if len(positions) == count:  # every value has a position
                reference = Reference(order, tuple(positions), values[0].row_size, values[0].layout)
        return Placed(slots, None, count, reference)
    if len(values) > count:
        problem = f"印有 {len(values)} 个数值，本行只有 {count} 列 / {len(values)} values printed for {count} columns"
        return _ambiguous(columns, values, problem, len(values))
    layout = values[0].layout
    if layout is Layout.RUN:
        numbers = [a for a in values if a.kind is not AtomKind.EMPTY]
        while numbers and numbers[-1].kind is AtomKind.WORD:  # junk glued to the next label ("0000000三三、…")
            numbers.pop()
        while numbers and numbers[0].kind is AtomKind.WORD:
            numbers.pop(0)
        if not numbers:
            return _ambiguous(columns, values, "数值位置上是文字 / text where the numbers belong", len(values))
        return _split(columns, numbers, sums)
    placed = _by_neighbours(columns, atoms, values, references)
    if placed is not None:
        return placed
    if layout in (Layout.TAB, Layout.PIPE, Layout.LINES):
        cells = list(atoms)
        while cells and cells[-1].kind is AtomKind.EMPTY:
            cells.pop()
        if len(cells) == count:
            slots = tuple(
                _empty_slot(c, a, a.start) if a.kind is AtomKind.EMPTY else _value_slot(c, a)
                for c, a in zip(columns, cells, strict=True)
            )
            return Placed(slots, None, len(values))
    return _ambiguous(
        columns,
        values,
        f"印有 {len(values)} 个数值，本行有 {count} 列，版式无法表明哪几列为空 / "
        f"{len(values)} values printed for {count} columns and the layout does not show which are empty",
        len(values),
    )


def _split(columns: Sequence[ColumnSpec], values: Sequence[Atom], sums: Sums | None) -> Placed:
    outcome = split_row([(a.raw, a.start) for a in values], [c.kind for c in columns], sums)
    if outcome.parts is None:
        return _ambiguous(
            columns, values, outcome.problem or "连写数字无法拆分 / the digits cannot be split", len(values)
        )
    slots = []
    atoms = iter(values)
    atom = next(atoms)
    for column, part in zip(columns, outcome.parts, strict=True):
        while part.start >= atom.end:  # parts and atoms are both in text order
            atom = next(atoms)
        raw = atom.raw[part.start - atom.start : part.end - atom.start]
        status = CellStatus.INFERRED if part.split else CellStatus.OK
        slots.append(Slot(column.key, part.value, status, raw, part.start, part.end, part.unit))
    return Placed(tuple(slots), None, len(slots))


def _by_neighbours(
    columns: Sequence[ColumnSpec], atoms: Sequence[Atom], values: Sequence[Atom], references: Sequence[Reference]
) -> Placed | None:
    """Place a short row by the cell positions of its nearest complete neighbours, when they agree."""
    layout = values[0].layout
    row_size = values[0].row_size
    outcomes: dict[tuple[int, ...], tuple[float, ...]] = {}
    # rows of the same shape (cell count) are compared cell by cell; others counting from the row's end,
    # except where separators trail a row in varying numbers (tabs, pipes): there the end proves nothing
    for from_end in (False,) if layout in (Layout.SPACED, Layout.TAB, Layout.PIPE) else (False, True):
        for reference in references:
            if reference.layout is not layout:
                continue
            if not from_end and layout is not Layout.SPACED and reference.row_size != row_size:
                continue
            assignment = _assign(values, reference, from_end)
            if assignment is not None:
                shift = row_size - reference.row_size if from_end else 0
                outcomes.setdefault(assignment, tuple(p + shift for p in reference.positions))
        if outcomes:
            break
    if len(outcomes) != 1:
        return None
    ((assignment, expected),) = outcomes.items()
    value_of = dict(zip(assignment, values, strict=True))
    empties = {a.pos: a for a in atoms if a.kind is AtomKind.EMPTY}
    slots = []
    for index, column in enumerate(columns):
        if index in value_of:
            slots.append(_value_slot(column, value_of[index]))
            continue
        following = min((a.start for i, a in value_of.items() if i > index), default=values[-1].end)
        slots.append(_empty_slot(column, empties.get(expected[index]), following))
    return Placed(tuple(slots), None, len(values))


def _assign(values: Sequence[Atom], reference: Reference, from_end: bool) -> tuple[int, ...] | None:
    """Column index of each value by position, or None when a value matches no column or two share one."""
    assignment: list[int] = []
    tolerance = SPACED_TOLERANCE if reference.layout is Layout.SPACED else 0.0
    for atom in values:
        if atom.pos is None:
            return None
        position = atom.pos - atom.row_size if from_end else atom.pos
        best: tuple[int, float] | None = None
        for column, ref_pos in enumerate(reference.positions):
            distance = abs(position - (ref_pos - reference.row_size if from_end else ref_pos))
            if distance <= tolerance and (best is None or distance < best[1]):
                best = (column, distance)
        if best is None or best[0] in assignment:
            return None
        assignment.append(best[0])
    return tuple(assignment)
