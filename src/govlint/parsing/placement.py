"""Place the printed values of one table row into its columns, on evidence only.

A value goes into a cell only when the source proves where it belongs (``Cell.evidence``):

* ``grid``: the row is a structured source's table row (HTML, Word, PDF grid): every written cell is a
  source cell at its grid column, and an empty one is empty in the source;
* ``count``: the row prints exactly as many cells (values or placeholders) as it has columns;
* ``columns``: the row is short, and the column positions of the complete rows of the same table around it
  (aligned tabs, pipes or ``pdftotext`` character columns) say which cells it prints and which are blank;
* ``arithmetic``: crawled text whose digits ran together, split in the only way the digits and the row's
  sums allow (:func:`govlint.parsing.splitting.split_row`).

Where nothing proves a placement (two are possible, or none), the row is unread: every cell is AMBIGUOUS and
the row's :class:`govlint.model.Problem` says why.  Text where a number belongs is unreadable; a value is
never guessed, and a cell is empty only where the source shows it empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple, overload

from govlint.model import Cell, CellStatus, Evidence, Number, Problem, Span
from govlint.parsing.cells import Atom, AtomKind, Layout
from govlint.parsing.numbers import read_cell
from govlint.parsing.splitting import Accept, Sums, split_row
from govlint.schema import ColumnSpec

#: How far (in characters) a value of pdftotext output may sit from its column in a neighbouring row.
SPACED_TOLERANCE = 2.5
#: An atom's kind.
_kind = attrgetter("kind")
#: Layouts whose rows print each of their cells, an empty one included (a lone tab line, ``| |``).
_EXPLICIT_CELLS = (Layout.PIPE, Layout.LINES)


class Slot(NamedTuple):
    """A placed cell before it becomes a :class:`govlint.model.Cell`: value, status, where it is printed."""

    column: str
    value: Number | None
    status: CellStatus
    raw: str
    start: int
    end: int
    unit: str | None = None
    evidence: Evidence | None = None


class Reference(NamedTuple):
    """The cell positions of a complete row (one value per column), used to place its neighbours."""

    order: int
    positions: tuple[float, ...]
    layout: Layout
    row_size: int
    #: The position of the row's label cell: rows of another shape are compared counting from their labels.
    label_cell: float


class CellSlots(Sequence[Slot]):
    """The slots of a row whose printed cells are its columns in order (``count`` and ``grid`` evidence), each
    made when asked for: every row of a table is placed before the first occurrence of each row becomes
    cells, and a row printed again is never read cell by cell (docs/performance.md, "Memory per reader")."""

    __slots__ = ("_atoms", "_columns", "_evidence")

    def __init__(self, columns: Sequence[ColumnSpec], atoms: Sequence[Atom], evidence: Evidence) -> None:
        self._columns = columns
        self._atoms = atoms
        self._evidence = evidence

    def __len__(self) -> int:
        return len(self._columns)

    @overload
    def __getitem__(self, index: int) -> Slot: ...

    @overload
    def __getitem__(self, index: slice) -> CellSlots: ...

    def __getitem__(self, index: int | slice) -> Slot | CellSlots:
        if isinstance(index, slice):  # a group's columns of a row placed as one (the review table's)
            return CellSlots(self._columns[index], self._atoms[index], self._evidence)
        return _cell_slot(self._columns[index], self._atoms[index], self._evidence)

    def __iter__(self) -> Iterator[Slot]:
        return map(_cell_slot, self._columns, self._atoms, repeat(self._evidence, len(self._columns)))

    def bounds(self, default: int) -> tuple[int, int]:
        """Where the first cell starts and the last ends (see :func:`slot_bounds`)."""
        start = min((a.start for a in self._atoms), default=default)
        return start, max((a.end for a in self._atoms), default=start)

    def reference(self, order: int, label_cell: float) -> Reference | None:
        """The positions of these cells, one value per column, as the reference of row ``order``."""
        if self._evidence == "grid":
            return _grid_reference(self._atoms, order)
        return _reference(self._atoms, order, label_cell)

    def cells(self, row: str, span: Callable[[int, int], Span]) -> dict[str, Cell]:
        """The row's cells made straight from its printed cells, without a slot between (a report's every
        placed cell goes through here once)."""
        evidence = self._evidence
        cells = {}
        for column, atom in zip(self._columns, self._atoms, strict=True):
            name = column.key.rpartition(".")[2]
            raw = atom.raw
            if atom.kind is AtomKind.EMPTY:
                value, status, unit = None, CellStatus.EMPTY, None
            else:
                value, status, unit = read_cell(raw)
            cells[name] = Cell(row, name, value, status, raw, span(atom.start, atom.end), unit, evidence)
        return cells


class Placed(NamedTuple):
    """A row's cells, why they could not be read (or None), and how many values were printed."""

    slots: Sequence[Slot]
    problem: Problem | None
    value_count: int
    #: The row prints one value per column (placed by count, or a structured source's full row): its cell
    #: positions may place a short neighbour (:func:`placed_reference`).
    complete: bool = False


def placed_reference(placed: Placed, order: int, label_cell: float) -> Reference | None:
    """The cell positions of a complete row placed as row ``order`` (``label_cell`` as given to
    :func:`place_row`), else None.  Worked out only for a table with a short row to place by them."""
    slots = placed.slots
    return slots.reference(order, label_cell) if placed.complete and isinstance(slots, CellSlots) else None


def slot_bounds(slots: Sequence[Slot], default: int) -> tuple[int, int]:
    """Where the first of ``slots`` starts and the last ends; ``(default, default)`` when there are none.  Of
    a row placed by count, read from its printed cells (no slot made)."""
    if isinstance(slots, CellSlots):
        return slots.bounds(default)
    start = min((s.start for s in slots), default=default)
    return start, max((s.end for s in slots), default=start)


def row_cells(slots: Sequence[Slot], row: str, span: Callable[[int, int], Span]) -> dict[str, Cell]:
    """The cells of ``row`` by column name, their spans made by ``span`` (the report's positions)."""
    if isinstance(slots, CellSlots):
        return slots.cells(row, span)
    cells = {}
    for slot in slots:
        name = slot.column.rpartition(".")[2]
        cells[name] = Cell(
            row, name, slot.value, slot.status, slot.raw, span(slot.start, slot.end), slot.unit, slot.evidence
        )
    return cells


def _value_slot(column: ColumnSpec, atom: Atom, evidence: Evidence) -> Slot:
    raw = atom.raw
    reading = read_cell(raw)
    return Slot(column.key, reading.value, reading.status, raw, atom.start, atom.end, reading.unit, evidence)


def _empty_slot(column: ColumnSpec, atom: Atom | None, at: int, evidence: Evidence) -> Slot:
    if atom is None:
        return Slot(column.key, None, CellStatus.EMPTY, "", at, at, None, evidence)
    return Slot(column.key, None, CellStatus.EMPTY, atom.raw, atom.start, atom.end, None, evidence)


def _cell_slot(column: ColumnSpec, atom: Atom, evidence: Evidence) -> Slot:
    if atom.kind is AtomKind.EMPTY:
        return _empty_slot(column, atom, atom.start, evidence)
    return _value_slot(column, atom, evidence)


def unread(columns: Sequence[ColumnSpec], atoms: Sequence[Atom], problem: Problem, count: int, at: int) -> Placed:
    """Every cell of the row unread (AMBIGUOUS, no value), with the reason."""
    start = atoms[0].start if atoms else at
    end = atoms[-1].end if atoms else at
    raw = " ".join(a.raw for a in atoms)
    slots = [Slot(c.key, None, CellStatus.AMBIGUOUS, raw, start, end) for c in columns]
    unit = read_cell(atoms[-1].raw).unit if atoms else None
    if unit is not None and columns[-1].kind == "amount":  # 2832995元: whatever the split, 元 is the amount's
        slots[-1] = slots[-1]._replace(unit=unit)
    return Placed(tuple(slots), problem, count)


def _short(printed: int, count: int) -> Problem:
    if printed == 0:
        return Problem(
            "no-values",
            f"本行未印数值，版式无法表明其 {count} 个单元格为空",
            f"no value is printed in the row and the layout does not show that its {count} cells are empty",
        )
    return Problem(
        "too-few-values",
        f"印有 {printed} 个数值，本行有 {count} 列，版式无法表明哪几列为空",
        f"{printed} values printed for {count} columns and the layout does not show which are empty",
    )


def place_row(
    columns: Sequence[ColumnSpec],
    atoms: Sequence[Atom],
    *,
    label_end: int,
    references: Sequence[Reference] = (),
    sums: Sums | None = None,
    label_cell: float = 0.0,
    accept: Accept | None = None,
) -> Placed:
    """Place ``atoms`` (the cells printed after a row's label) into ``columns``.

    ``references`` are the complete rows nearest to it (:func:`placed_reference`);
    ``label_cell`` is the position of the cell holding the row's label (tabs, pipes, lines);
    ``sums`` are the row's own totals (a total column and the columns it adds up), which choose between
    readings of digits run together, as ``accept`` (the row's other relations) does.
    """
    count = len(columns)
    if AtomKind.APART in map(_kind, atoms):
        problem = Problem(
            "apart",
            "本行数值与行名分开印出，无法证明哪一行数值属于本行",
            "the row's values are printed apart from its label and nothing proves which of them are its own",
        )
        return unread(columns, [], problem, 0, label_end)
    layout = atoms[0].layout if atoms else None
    if layout is Layout.GRID:
        return _grid(columns, atoms, label_end, references)
    values = _printed(atoms, count)
    if layout is Layout.LINES and values and all(a.kind is AtomKind.WORD for a in values):
        # a cell a line and not one number: the lines after the label are more likely the next labels (plain
        # pdftotext prints a table's labels before its values) than a row of text in every number cell
        problem = Problem("text", "数值位置上是文字", "text where the numbers belong")
        return unread(columns, values, problem, len(values), label_end)
    if layout is Layout.RUN and any(a.kind is AtomKind.NUM and "," in a.raw and _unreadable(a.raw) for a in values):
        # digits run together around a comma that is no thousands separator (``17,5450``: 17,545 and 0, or 1 and
        # 7,545 0): which digits are which value is not shown
        problem = Problem(
            "digits", "连写数字中的逗号无法确定各数值", "digits run together around a comma: no value is known"
        )
        return unread(columns, values, problem, len(values), label_end)
    if len(values) == count:
        return Placed(CellSlots(columns, values, "count"), None, count, complete=True)
    if len(values) > count:
        problem = Problem(
            "too-many-values",
            f"印有 {len(values)} 个数值，本行只有 {count} 列",
            f"{len(values)} values printed for {count} columns",
        )
        return unread(columns, values, problem, len(values), label_end)
    if layout is Layout.RUN:
        numbers = [a for a in values if a.kind is not AtomKind.EMPTY]
        while numbers and numbers[-1].kind is AtomKind.WORD:  # junk glued to the next label ("0000000三三、…")
            numbers.pop()
        while numbers and numbers[0].kind is AtomKind.WORD:
            numbers.pop(0)
        if not numbers:
            if not values:
                return unread(columns, values, _short(0, count), 0, label_end)
            problem = Problem("text", "数值位置上是文字", "text where the numbers belong")
            return unread(columns, values, problem, len(values), label_end)
        return _split(columns, numbers, sums, accept)
    placed = _by_neighbours(columns, atoms, values, references, label_cell) if atoms else None
    if placed is not None:
        return placed
    if layout in _EXPLICIT_CELLS and len(atoms) == count:  # every cell printed, the blank ones included
        return Placed(CellSlots(columns, atoms, "count"), None, len(values))
    return unread(columns, values, _short(len(values), count), len(values), label_end)


def _grid(
    columns: Sequence[ColumnSpec], atoms: Sequence[Atom], label_end: int, references: Sequence[Reference]
) -> Placed:
    """A structured source's row: its written cells are the source's cells, blank ones empty in the source."""
    count = len(columns)
    cells = _grid_cells(atoms, count)
    values = [a for a in cells if a.kind is not AtomKind.EMPTY or a.raw.strip()]
    if len(cells) == count:
        return Placed(CellSlots(columns, cells, "grid"), None, len(values), complete=True)
    placed = _by_neighbours(columns, cells, values, references, 0.0)
    if placed is not None:
        return placed
    if len(values) > count:
        problem = Problem(
            "too-many-values",
            f"表格本行有 {len(values)} 个数值，本行只有 {count} 列",
            f"the table row holds {len(values)} values for {count} columns",
        )
        return unread(columns, values, problem, len(values), label_end)
    problem = Problem(
        "too-few-values",
        f"表格本行有 {len(cells)} 个单元格，本行有 {count} 列，无法确定各单元格所属列",
        f"the table row has {len(cells)} cells for {count} columns; which column each belongs to is not shown",
    )
    return unread(columns, values, problem, len(values), label_end)


def reference(width: int, atoms: Sequence[Atom], *, order: int, label_cell: float = 0.0) -> Reference | None:
    """What :func:`placed_reference` gives of a row of ``width`` columns, without placing it: the cell
    positions of a row that prints one value per column.  A row printed again is never placed, but its
    positions may place a short neighbour (docs/performance.md, "Memory per reader")."""
    if any(a.kind is AtomKind.APART for a in atoms):
        return None
    if atoms and atoms[0].layout is Layout.GRID:
        cells = _grid_cells(atoms, width)
        return _grid_reference(cells, order) if len(cells) == width else None
    values = _printed(atoms, width)
    return _reference(values, order, label_cell) if len(values) == width else None


def _printed(atoms: Sequence[Atom], count: int) -> list[Atom]:
    """The cells a row prints: numbers, text, and placeholders such as "/" or "—" (an empty cell the report
    printed), without the words after the last value when they are more than the ``count`` columns (header
    junk, not cells)."""
    if AtomKind.EMPTY in map(_kind, atoms):
        values = [a for a in atoms if a.kind is not AtomKind.EMPTY or a.raw.strip()]
    else:  # no blank cell to leave out (most rows)
        values = list(atoms)
    while len(values) > count and values[-1].kind is AtomKind.WORD:
        values.pop()
    return values


def _reference(values: Sequence[Atom], order: int, label_cell: float) -> Reference | None:
    """The positions of a row whose printed ``values`` are its cells, when every value has one."""
    if values[0].layout is Layout.RUN:
        return None
    positions = tuple(a.pos for a in values if a.pos is not None)
    if len(positions) != len(values) or len(set(positions)) != len(positions):
        return None  # a value without a position, or two in one cell ("| 95 0 |"): not a cell per column
    return Reference(order, positions, values[0].layout, values[0].row_size, label_cell)


def _grid_cells(atoms: Sequence[Atom], count: int) -> list[Atom]:
    """A structured source's row without the blank cells right of the table's ``count`` columns (a wider
    header row)."""
    cells = list(atoms)
    while len(cells) > count and cells[-1].kind is not AtomKind.NUM and not cells[-1].raw.strip():
        cells.pop()
    return cells


def _grid_reference(cells: Sequence[Atom], order: int) -> Reference | None:
    positions = tuple(a.pos for a in cells if a.pos is not None)
    return Reference(order, positions, Layout.GRID, 0, 0.0) if len(positions) == len(cells) else None


def _split(
    columns: Sequence[ColumnSpec], values: Sequence[Atom], sums: Sums | None, accept: Accept | None = None
) -> Placed:
    outcome = split_row([(a.raw, a.start) for a in values], [c.kind for c in columns], sums, accept)
    if outcome.parts is None:
        problem = outcome.problem or Problem("digits", "连写数字无法拆分", "the digits cannot be split")
        return unread(columns, values, problem, len(values), values[0].start)
    slots = []
    atoms = iter(values)
    atom = next(atoms)
    split = any(part.split for part in outcome.parts)
    evidence: Evidence = "arithmetic" if split else "count"
    for column, part in zip(columns, outcome.parts, strict=True):
        while part.start >= atom.end:  # parts and atoms are both in text order
            atom = next(atoms)
        raw = atom.raw[part.start - atom.start : part.end - atom.start]
        status = CellStatus.INFERRED if part.split else CellStatus.OK
        slots.append(Slot(column.key, part.value, status, raw, part.start, part.end, part.unit, evidence))
    return Placed(tuple(slots), None, len(slots))


def _by_neighbours(
    columns: Sequence[ColumnSpec],
    atoms: Sequence[Atom],
    values: Sequence[Atom],
    references: Sequence[Reference],
    label_cell: float,
) -> Placed | None:
    """Place a short row by the cell positions of its nearest complete neighbours, when they agree.

    Positions are cell indexes (tabs, pipes, lines), character columns (pdftotext) or grid columns
    (structured sources).  Tab, pipe and line rows of the same shape (cell count) are compared cell by cell;
    rows of another shape (trailing separators vary, spanned cells left out) counting from their labels, and
    pipe rows also from their ends (a converter pads a label's colspan with blank cells: markitdown).
    A row that prints no value is placed (every cell empty) only when every one of its columns is a blank
    cell at a proven position.
    """
    layout = atoms[0].layout
    outcomes: dict[tuple[int, ...], tuple[float, ...]] = {}
    for reference in references:
        if reference.layout is not layout:
            continue
        shifts = [0.0]
        if layout not in (Layout.SPACED, Layout.GRID) and reference.row_size != atoms[0].row_size:
            # Another shape: spanned cells left out before the values (count from the labels), or blank
            # cells stripped after them (count from the line's start). Both are read; differing, neither.
            shifts.append(label_cell - reference.label_cell)
            if layout is Layout.PIPE:  # every cell printed up to the closing pipe: count from the end too
                shifts.append(float(atoms[0].row_size - reference.row_size))
        for shift in shifts:
            positions = tuple(p + shift for p in reference.positions)
            assignment = _assign(values, positions, reference.layout)
            if assignment is not None:
                outcomes.setdefault(assignment, positions)
            elif layout is Layout.SPACED:
                return None  # a neighbour whose columns do not fit the row's values: the columns are not proven
    if len(outcomes) != 1 or (not values and layout is Layout.SPACED):
        return None  # a pdftotext line without values may be a label wrapped over two lines
    ((assignment, expected),) = outcomes.items()
    value_of = dict(zip(assignment, values, strict=True))
    blanks = {a.pos: a for a in atoms if a.kind is AtomKind.EMPTY}
    evidence: Evidence = "grid" if layout is Layout.GRID else "columns"
    slots = []
    for index, column in enumerate(columns):
        if index in value_of:
            slots.append(_value_slot(column, value_of[index], evidence))
            continue
        blank = blanks.get(expected[index])
        if blank is None and layout is not Layout.SPACED:
            return None  # no cell is printed at this column's position: the row does not show it empty
        following = min((a.start for i, a in value_of.items() if i > index), default=atoms[-1].end)
        slots.append(_empty_slot(column, blank, following, evidence))
    return Placed(tuple(slots), None, len(values))


def _assign(values: Sequence[Atom], positions: Sequence[float], layout: Layout) -> tuple[int, ...] | None:
    """Column index of each value by position, or None when a value matches no column, two share one, or
    (pdftotext) the values fit the columns, each within the tolerance, in more than one way: a value as near
    one column as the tolerance allows of the next does not prove which cell is blank."""
    assignment: list[int] = []
    tolerance = SPACED_TOLERANCE if layout is Layout.SPACED else 0.0
    for atom in values:
        if atom.pos is None:
            return None
        best: tuple[int, float] | None = None
        for column, ref_pos in enumerate(positions):
            distance = abs(atom.pos - ref_pos)
            if distance <= tolerance and (best is None or distance < best[1]):
                best = (column, distance)
        if best is None or best[0] in assignment:
            return None
        assignment.append(best[0])
    if tolerance and _fittings(values, positions, tolerance) > 1:
        return None
    return tuple(assignment)


def _fittings(values: Sequence[Atom], positions: Sequence[float], tolerance: float) -> int:
    """How many ways (none, one, or 2 for more) the values fit the columns left to right, each within
    ``tolerance`` of its column."""
    ways = [1] * (len(positions) + 1)  # ways[j]: placings of the values so far in the first j columns
    for atom in values:
        placed = [0]
        for column, ref_pos in enumerate(positions):
            fits = atom.pos is not None and abs(atom.pos - ref_pos) <= tolerance
            placed.append(min(placed[-1] + (ways[column] if fits else 0), 2))
        ways = placed
    return ways[-1]


def _unreadable(raw: str) -> bool:
    return read_cell(raw).status is CellStatus.UNREADABLE
