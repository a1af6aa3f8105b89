"""Page geometry for the PDF reader: glyphs into lines, ruling lines into table grids.

Coordinates are "display" points: x to the right, y downwards from the top of the (rotated) page.

A table is a connected set of horizontal and vertical rulings.  Its grid has a column boundary at every
distinct vertical ruling and a row boundary at every distinct horizontal one (plus the outer edges, so a
border missing where a table crosses a page still closes the grid).  Two neighbouring grid cells belong to
one merged cell when no ruling separates them; the merged cell's text is written in its top-left grid
position and its other positions are written empty.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs

from govlint.records import Record
from govlint.sources.grid import merged_cells

#: Distance (points) within which rulings are on one line, a ruling meets another, or two positions are one
#: boundary.  A web page's table with cell spacing draws each cell's own border box, so every boundary is two
#: parallel lines the spacing plus a border apart (2 px + 1 px, 2.25 points at Chromium's scale; 3.75 points
#: with ``cellspacing="4"``), with gaps as wide where the boxes' sides would meet, and each line ends that far
#: short of the other direction's first line.  No text row or column is this narrow.
SPACING = 4.0
#: Share of a grid cell's side a ruling must cover to separate it from its neighbour.
COVER = 0.6
#: More rulings than this on a page are not a report table (a drawing): the page is read as text.
MAX_RULINGS = 2000
#: A grid with more positions than this is a drawing, not a report table (the largest has about 400).
MAX_GRID_CELLS = 20_000


@attrs.define(slots=True, repr=False)
class Glyph(Record):
    """One character and its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@attrs.define(slots=True, repr=False)
class Line(Record):
    """Glyphs on one baseline, left to right."""

    glyphs: list[Glyph]
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(glyph.x1 for glyph in self.glyphs)

    @property
    def size(self) -> float:
        return sorted(glyph.size for glyph in self.glyphs)[len(self.glyphs) // 2]


@attrs.frozen(repr=False)
class Ruling(Record):
    """A horizontal (at y = ``position``, from x ``start`` to ``end``) or vertical ruling line."""

    horizontal: bool
    position: float
    start: float
    end: float


@attrs.define(repr=False)
class Grid(Record):
    """A ruled table: boundaries, and for each grid position the top-left position of its merged cell."""

    xs: list[float]
    ys: list[float]
    anchor: dict[tuple[int, int], tuple[int, int]]

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """The grid position holding point (x, y), or None outside the table."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        column = min(max(bisect.bisect_right(self.xs, x) - 1, 0), self.columns - 1)
        row = min(max(bisect.bisect_right(self.ys, y) - 1, 0), self.rows - 1)
        return row, column


def is_cjk(char: str) -> bool:
    """Chinese characters and full-width punctuation: no space is written between two of them."""
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"


def group_lines(glyphs: Iterable[Glyph]) -> list[Line]:
    """Glyphs grouped into lines: a glyph joins the line whose vertical band holds its centre."""
    lines: list[Line] = []
    for glyph in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        centre = (glyph.top + glyph.bottom) / 2
        if lines and lines[-1].top - 0.5 <= centre <= lines[-1].bottom + 0.5:
            line = lines[-1]
            line.glyphs.append(glyph)
            line.top = min(line.top, glyph.top)
            line.bottom = max(line.bottom, glyph.bottom)
        else:
            lines.append(Line([glyph], glyph.top, glyph.bottom))
    for line in lines:
        line.glyphs.sort(key=lambda g: g.x0)
    return lines


def line_text(line: Line, tabs: bool) -> str:
    """A line's text: a space where glyphs stand apart, a TAB (if ``tabs``) across a column-wide gap."""
    parts: list[str] = []
    previous: Glyph | None = None
    for glyph in line.glyphs:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            size = max(glyph.size, previous.size)
            if tabs and gap > 1.5 * size:
                parts.append("\t")
            elif gap > (0.6 if is_cjk(previous.text[-1]) and is_cjk(glyph.text[0]) else 0.2) * size:
                parts.append(" ")
        parts.append(glyph.text)
        previous = glyph
    return "".join(parts)


def cell_text(glyphs: Sequence[Glyph]) -> str:
    """A table cell's text on one line: its lines joined, without a space between Chinese characters."""
    text = ""
    for line in group_lines(glyphs):
        part = line_text(line, tabs=False)
        if text and part and not (is_cjk(text[-1]) and is_cjk(part[0])):
            text += " "
        text += part
    return text


def _merge(rulings: list[Ruling]) -> list[Ruling]:
    """Rulings of one orientation on one line (within :data:`SPACING`: a doubled border is one line) that touch
    or overlap (within :data:`SPACING`), joined."""
    merged: list[Ruling] = []
    for ruling in sorted(rulings, key=lambda r: (r.position, r.start)):
        joined = False
        for index in range(len(merged) - 1, -1, -1):
            other = merged[index]
            if ruling.position - other.position > SPACING:
                break
            if ruling.start <= other.end + SPACING and other.start <= ruling.end + SPACING:
                merged[index] = Ruling(
                    ruling.horizontal, other.position, min(other.start, ruling.start), max(other.end, ruling.end)
                )
                joined = True
                break
        if not joined:
            merged.append(ruling)
    return merged


def _meets(horizontal: Ruling, vertical: Ruling) -> bool:
    return (
        horizontal.start - SPACING <= vertical.position <= horizontal.end + SPACING
        and vertical.start - SPACING <= horizontal.position <= vertical.end + SPACING
    )


def _clusters(values: Iterable[float]) -> list[float]:
    """Distinct positions: values within :data:`SPACING` of the previous one are the same boundary."""
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > SPACING:
            result.append(value)
    return result


def _by_boundary(rulings: Sequence[Ruling], boundaries: list[float]) -> list[list[Ruling]]:
    """The rulings lying on each boundary (within :data:`SPACING`)."""
    lying: list[list[Ruling]] = [[] for _ in boundaries]
    for ruling in rulings:
        index = bisect.bisect_left(boundaries, ruling.position - SPACING)
        while index < len(boundaries) and boundaries[index] <= ruling.position + SPACING:
            lying[index].append(ruling)
            index += 1
    return lying


def _covered(rulings: Sequence[Ruling], start: float, end: float) -> bool:
    """Whether ``rulings`` (all on one boundary) cover at least :data:`COVER` of [start, end]."""
    covered = sum(max(0.0, min(ruling.end, end) - max(ruling.start, start)) for ruling in rulings)
    return covered >= COVER * (end - start)


def find_grids(rulings: Sequence[Ruling]) -> list[Grid]:
    """The ruled tables among a page's rulings (at least two columns and two cells each)."""
    if len(rulings) > MAX_RULINGS:
        return []
    horizontals = _merge([r for r in rulings if r.horizontal])
    verticals = _merge([r for r in rulings if not r.horizontal])
    lines = horizontals + verticals
    parent = list(range(len(lines)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for h_index, horizontal in enumerate(horizontals):
        for v_offset, vertical in enumerate(verticals):
            if _meets(horizontal, vertical):
                parent[find(h_index)] = find(len(horizontals) + v_offset)
    components: dict[int, list[Ruling]] = {}
    for index, line in enumerate(lines):
        components.setdefault(find(index), []).append(line)
    grids = [_grid(members) for members in components.values()]
    return sorted((grid for grid in grids if grid is not None), key=lambda grid: grid.ys[0])


def _grid(members: list[Ruling]) -> Grid | None:
    horizontals = [r for r in members if r.horizontal]
    verticals = [r for r in members if not r.horizontal]
    if not horizontals or len(verticals) < 2:
        return None
    xs = _clusters(
        [r.position for r in verticals] + [min(r.start for r in horizontals), max(r.end for r in horizontals)]
    )
    ys = _clusters([r.position for r in horizontals] + [min(r.start for r in verticals), max(r.end for r in verticals)])
    rows, columns = len(ys) - 1, len(xs) - 1
    if rows < 1 or columns < 2 or rows * columns > MAX_GRID_CELLS:
        return None
    on_x, on_y = _by_boundary(verticals, xs), _by_boundary(horizontals, ys)
    root = merged_cells(
        rows,
        columns,
        lambda i, j: not _covered(on_x[j + 1], ys[i], ys[i + 1]),
        lambda i, j: not _covered(on_y[i + 1], xs[j], xs[j + 1]),
    )
    anchor = {(i, j): divmod(root[i * columns + j], columns) for i in range(rows) for j in range(columns)}
    if len(set(anchor.values())) < 2:
        return None
    return Grid(xs, ys, anchor)
