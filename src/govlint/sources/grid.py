"""Place table cells with row and column spans on a grid (the HTML table model, also used for Word).

Only the cells the source has are written: a position covered by another cell's ``rowspan`` or
``colspan`` is not a cell and is not written again (it is not an empty cell).  Each written cell carries
the origin of its top-left grid position, so the parser knows the column of every value from the source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from govlint.model import Origin

#: Larger spans are clamped: no real table has more, and a hostile page must not allocate a huge grid.
MAX_SPAN = 1000
MAX_COLUMNS = 200


class SourceCell(NamedTuple):
    """A cell as the source declares it: its text and how many rows and columns it spans (at least 1)."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def layout(
    rows: Iterable[Sequence[SourceCell]], count: int, table: int, page: int | None = None
) -> Iterator[tuple[list[str], list[Origin]]]:
    """Yield each of the ``count`` source rows' cells as (texts, origins): 1-based top-left grid positions,
    spanned positions skipped.  Cells past :data:`MAX_COLUMNS` are dropped, spans clamped (a rowspan to the
    rows left).  The rows are read one at a time, so a caller may make each only when it is laid out."""
    free_from: dict[int, int] = {}  # grid column -> first row not covered by a rowspan from above
    for r, cells in enumerate(rows):
        texts: list[str] = []
        origins: list[Origin] = []
        c = 0
        for cell in cells:
            while free_from.get(c, 0) > r:
                c += 1
            if c >= MAX_COLUMNS:
                break
            rowspan = min(max(cell.rowspan, 1), MAX_SPAN, count - r)
            colspan = min(max(cell.colspan, 1), MAX_COLUMNS - c)
            for covered in range(c, c + colspan):
                free_from[covered] = r + rowspan
            texts.append(cell.text)
            origins.append(Origin(page=page, table=table, row=r + 1, column=c + 1))
            c += colspan
        yield texts, origins


def merged_cells(
    rows: int, columns: int, joins_right: Callable[[int, int], bool], joins_below: Callable[[int, int], bool]
) -> list[int]:
    """The merged cell of each position of a ruled grid (row-major, ``row * columns + column``), as the first
    position of that cell: positions join where the boundary between them is not drawn (``joins_right(i, j)``:
    position ``(i, j)`` with ``(i, j + 1)``; ``joins_below(i, j)``: with ``(i + 1, j)``).  The one union-find
    of a PDF's rulings (:mod:`govlint.sources.pdf_geometry`) and a text browser's strokes
    (:mod:`govlint.sources.boxtable`)."""
    parent = list(range(rows * columns))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    for i in range(rows):
        for j in range(columns):
            if j + 1 < columns and joins_right(i, j):
                union(i * columns + j, i * columns + j + 1)
            if i + 1 < rows and joins_below(i, j):
                union(i * columns + j, (i + 1) * columns + j)
    return [find(position) for position in range(rows * columns)]
