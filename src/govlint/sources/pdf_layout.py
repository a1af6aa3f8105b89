"""Turn the pages of a PDF into the report's text: ruled tables as TAB-separated rows, prose as paragraphs.

- Glyphs inside a ruled table go to their cell; each row writes its own cells (a merged cell once, in the
  row of its top-left grid position, with that position as its origin; the positions it covers are not
  cells); a cell with no glyphs is written empty.  Rows with no text at all (slivers between rulings) are
  left out.
- A table that ends one page and one that starts the next page, with the same left and right edges, are
  one table: its rows are numbered on.
- Page numbers (``-3-``, ``— 3 —``, ``第 3 页``) at the top or bottom of a page are dropped.
- Other glyphs form lines; a line that runs to the right margin continues into the next line (also across
  a page break) unless that one is indented or starts with a list marker, so a paragraph is one line.
  A gap wider than 1.5 characters inside a line (a table without rulings) is written as a TAB.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from govlint.model import Origin
from govlint.sources.document import Document
from govlint.sources.layout import TextBuilder
from govlint.sources.pdf_geometry import Glyph, Grid, Line, cell_text, group_lines, is_cjk, line_text

if TYPE_CHECKING:
    from govlint.sources.pdf import Page

_PAGE_NUMBER = re.compile(
    r"^[-—–－~〜_]*\s*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/，,]?\s*共\s*\d{1,4}\s*页)?[-—–－~〜_]*$"
)
_LIST_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
#: Page numbers are looked for in this share of the page height at the top and at the bottom.
_MARGIN_SHARE = 0.12
#: Tables on consecutive pages whose left and right edges are this close (points) are one table.
_JOIN_TOLERANCE = 3.0


class _Table(NamedTuple):
    page: int
    grid: Grid
    cells: dict[tuple[int, int], str]


class _Box(NamedTuple):
    """What the writer needs of a line once its glyphs are gone: its extent and its font size."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float


class _Text(NamedTuple):
    page: int
    line: _Box
    text: str


Item = _Table | _Text


def write_items(items: Sequence[Item], name: str) -> Document:
    """The document text of the items of every page (:func:`page_items`), with page and table cell origins."""
    writer = _Writer([item.line for item in items if isinstance(item, _Text)])
    previous: _Table | _Text | None = None
    for item in items:
        if isinstance(item, _Table):
            writer.table(item, previous)
        else:
            writer.text(item, previous)
        previous = item
    writer.flush()
    return writer.builder.build(name, "pdf")


def page_items(page: Page) -> list[Item]:
    """A page's tables and lines of text, top to bottom; they keep no glyph, so a long PDF is read page by
    page without holding every page's glyphs."""
    grids = page.grids
    in_cells: list[dict[tuple[int, int], list[Glyph]]] = [{} for _ in grids]
    free: list[Glyph] = []
    for glyph in page.glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        for index, grid in enumerate(grids):
            position = grid.locate(x, y)
            if position is not None:
                in_cells[index].setdefault(grid.anchor[position], []).append(glyph)
                break
        else:
            free.append(glyph)
    positioned: list[tuple[float, _Table | _Text]] = [
        (grid.ys[0], _Table(page.number, grid, {cell: cell_text(glyphs) for cell, glyphs in cells.items()}))
        for grid, cells in zip(grids, in_cells, strict=True)
    ]
    for line in group_lines(free):
        text = line_text(line, tabs=True)
        if _is_page_number(text, line, page.height):
            continue
        box = _Box(line.x0, line.x1, line.top, line.bottom, line.size)
        positioned.append((line.top, _Text(page.number, box, text)))
    positioned.sort(key=lambda pair: pair[0])
    return [item for _, item in positioned]


def _is_page_number(text: str, line: Line, height: float) -> bool:
    in_margin = line.bottom < _MARGIN_SHARE * height or line.top > (1 - _MARGIN_SHARE) * height
    return in_margin and bool(_PAGE_NUMBER.match(text.replace("\t", " ").strip()))


def _mode(values: Sequence[float], fallback: float) -> float:
    if not values:
        return fallback
    counts = Counter(round(value / 2) * 2 for value in values)
    return float(counts.most_common(1)[0][0])


class _Writer:
    """Writes items in order, joining paragraph lines and page-split tables."""

    def __init__(self, lines: Sequence[_Box]) -> None:
        self.builder = TextBuilder()
        self.left = _mode([line.x0 for line in lines], 0.0)
        self.right = _mode([line.x1 for line in lines], 0.0)
        self.paragraph: list[tuple[str, Origin]] = []
        self.last_line: _Text | None = None
        self.tables = 0
        self.table_rows = 0
        self.after_table = False

    def flush(self) -> None:
        for text, origin in self.paragraph:
            self.builder.append(text, origin)
        if self.paragraph:
            self.builder.end_line()
        self.paragraph = []
        self.last_line = None

    def text(self, item: _Text, previous: _Table | _Text | None) -> None:
        if self.after_table:
            self.builder.blank()
            self.after_table = False
        origin = Origin(page=item.page)
        if self.paragraph and self.last_line is previous and self._continues(self.last_line, item):
            joined = self.paragraph[-1][0]
            separator = "" if is_cjk(joined[-1]) and is_cjk(item.text[0]) else " "
            self.paragraph.append((separator + item.text, origin))
        else:
            self.flush()
            self.paragraph = [(item.text, origin)]
        self.last_line = item
        if "\t" in item.text:
            self.flush()

    def _continues(self, last: _Text | None, item: _Text) -> bool:
        if last is None or "\t" in item.text or item.page not in (last.page, last.page + 1):
            return False
        size = max(last.line.size, item.line.size)
        full = last.line.x1 >= self.right - 1.5 * size
        indented = item.line.x0 > self.left + 1.0 * size
        close = item.page != last.page or item.line.top - last.line.bottom < 1.2 * size
        return full and close and not indented and not _LIST_MARKER.match(item.text)

    def table(self, item: _Table, previous: _Table | _Text | None) -> None:
        self.flush()
        grid = item.grid
        if not (isinstance(previous, _Table) and previous.page + 1 == item.page and _same_edges(previous.grid, grid)):
            self.tables += 1
            self.table_rows = 0
            self.builder.blank()
        rows = [  # each grid row's own cells: (column, text); positions covered by a merged cell are left out
            [(j, item.cells.get((i, j), "")) for j in range(grid.columns) if grid.anchor[(i, j)] == (i, j)]
            for i in range(grid.rows)
        ]
        heights = [grid.ys[i + 1] - grid.ys[i] for i in range(grid.rows)]
        filled = sorted(h for h, cells in zip(heights, rows, strict=True) if any(text for _, text in cells))
        tall = filled[len(filled) // 2] / 2 if filled else float("inf")
        # an empty row as tall as a text row is a row of empty cells; a thin one is a sliver between rules
        kept = [any(text for _, text in cells) or height >= tall for cells, height in zip(rows, heights, strict=True)]
        numbers: list[int] = []  # the row number of each grid row; an empty sliver row is not counted
        count = self.table_rows
        for written in kept:
            count += written
            numbers.append(count if written else count + 1)
        for i, cells in enumerate(rows):
            if kept[i] and cells:
                origins = [Origin(page=item.page, table=self.tables, row=numbers[i], column=j + 1) for j, _ in cells]
                self.builder.row([text for _, text in cells], origins)
        self.table_rows = count
        self.after_table = True


def _same_edges(first: Grid, second: Grid) -> bool:
    return abs(first.xs[0] - second.xs[0]) <= _JOIN_TOLERANCE and abs(first.xs[-1] - second.xs[-1]) <= _JOIN_TOLERANCE
