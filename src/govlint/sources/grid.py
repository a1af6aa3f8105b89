"""Lay out table cells with row and column spans on a grid (the HTML table model, also used for Word).

Each spanned position becomes an empty cell whose origin is the spanning cell's, so a row always has as
many cells as the table has columns and the lexer sees every column boundary.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
    rows: Sequence[Sequence[SourceCell]], table: int, page: int | None = None
) -> Iterator[tuple[list[str], list[Origin]]]:
    """Yield each grid row as (cell texts, cell origins), 1-based rows and columns, padded to the full width."""
    occupied: dict[tuple[int, int], Origin] = {}
    placed: list[dict[int, tuple[str, Origin]]] = []
    width = 0
    for r, cells in enumerate(rows):
        row: dict[int, tuple[str, Origin]] = {}
        c = 0
        for cell in cells:
            while (r, c) in occupied:
                c += 1
            if c >= MAX_COLUMNS:
                break
            origin = Origin(page=page, table=table, row=r + 1, column=c + 1)
            rowspan = min(max(cell.rowspan, 1), MAX_SPAN, len(rows) - r)
            colspan = min(max(cell.colspan, 1), MAX_COLUMNS - c)
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = origin
            row[c] = (cell.text, origin)
            c += colspan
            width = max(width, c)
        placed.append(row)
    for r, row in enumerate(placed):
        texts: list[str] = []
        origins: list[Origin] = []
        for c in range(width):
            if c in row:
                text, origin = row[c]
            else:
                text, origin = "", occupied.get((r, c), Origin(page=page, table=table, row=r + 1, column=c + 1))
            texts.append(text)
            origins.append(origin)
        yield texts, origins
