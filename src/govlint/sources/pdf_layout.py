"""Turn the pages of a PDF into the report's text: ruled tables as TAB-separated rows, prose as paragraphs.

- Glyphs inside a ruled table go to their cell; each row writes its own cells (a merged cell once, in the
  row of its top-left grid position, with that position as its origin; the positions it covers are not
  cells); a cell with no glyphs is written empty.  Rows with no text at all (slivers between rulings) are
  left out.
- A table that ends one page and one that starts the next page, with the same left and right edges, are
  one table: its rows are numbered on.
- A row broken by a page break (Word, LibreOffice and browsers let a row break across pages) is one row:
  when a table's first row on a page holds only the rest of the labels of the previous page's last table
  row (no digit, no list marker, nothing above a value of that row), its text is appended to those labels.
- Page numbers (``-3-``, ``— 3 —``, ``第 3 页``) at the top or bottom of a page are dropped, and so are
  running headers and footers: margin lines printed on at least half of the pages, alike but for their
  digits (a browser's date and title above, address and ``1/7`` below).
- Other glyphs form lines; a line that runs to the right margin continues into the next line (also across
  a page break) unless that one is indented, starts with a list marker or is printed in another font size,
  so a paragraph is one line.
  A gap wider than 1.5 characters inside a line (a table without rulings) is written as a TAB.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from govlint.model import Origin
from govlint.schema import FORMATS, PAGE_NUMBER
from govlint.sources.document import Document
from govlint.sources.layout import TextBuilder
from govlint.sources.pdf_geometry import Glyph, Grid, Line, cell_text, group_lines, is_cjk, line_text

if TYPE_CHECKING:
    from govlint.sources.pdf import Page

_LIST_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
#: Page numbers are looked for in this share of the page height at the top and at the bottom.
_MARGIN_SHARE = 0.12
#: Tables on consecutive pages whose left and right edges are this close (points) are one table.
_JOIN_TOLERANCE = 3.0
#: A cell's last line is full when it is at most this many characters narrower than the cell (padding).
_FULL_SLACK = 2.5
_DIGIT = re.compile(r"[0-9０-９]")
_DIGITS = re.compile(r"[0-9０-９]+")
#: Row labels printed without numbering (the 第二十条 rows) and the sub-tables' captions: a table's first row
#: on a page that starts with one is a row of its own, never the rest of the row above.
_ROW_STARTS = (
    "第二十条",
    *sorted({label for spec in FORMATS.values() for part in spec.art20 for row in part.rows for label in row.labels()}),
)


class _Table(NamedTuple):
    page: int
    grid: Grid
    cells: dict[tuple[int, int], str]
    #: The cells whose last line of text is as wide as the cell: a page break may have cut their text.
    full: frozenset[tuple[int, int]] = frozenset()


class _Box(NamedTuple):
    """What the writer needs of a line once its glyphs are gone: its extent and its font size."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float


class _Row(NamedTuple):
    """A table row held back until the next item shows whether a page break split it."""

    page: int
    cells: list[tuple[float, float, str]]  # each cell's left and right edge and its text
    origins: list[Origin]
    full: frozenset[int]  # the indexes of the cells whose last line is as wide as the cell


class _Text(NamedTuple):
    page: int
    line: _Box
    text: str
    #: Whether the line lies in the top or bottom margin, where running headers and footers are.
    margin: bool = False


class _Image(NamedTuple):
    """An image larger than an icon, standing among the page's lines: what it shows govlint cannot read."""

    page: int


Item = _Table | _Text | _Image
#: An image object's box on the page: ``(x0, top, x1, bottom)`` in points.
Box = tuple[float, float, float, float]
#: A grid column narrower than this (points) with no text in any row is the gap between two cells' borders
#: (HTML's default cellspacing is 2 pixels, 1.5 points), not a column of empty cells.
SLIVER_WIDTH = 3.0
#: An image narrower or lower than this (points) is an icon, a bullet or a rule, never a table's picture.
MIN_IMAGE_POINTS = 30.0
#: An image under at least this many glyphs is a background or a scan under its text layer: its text is read.
MAX_GLYPHS_OVER_IMAGE = 5
#: Images a page contributes to the report's picture list: a page of tables printed as pictures has a few;
#: more say nothing new, and a hostile page must not make each one look at every glyph.
MAX_IMAGES_PER_PAGE = 16


def write_items(items: Sequence[Item], name: str) -> Document:
    """The document text of the items of every page (:func:`page_items`), with page and table cell origins."""
    running = _running_lines(items)
    items = [item for item in items if not (isinstance(item, _Text) and item.margin and _shape(item.text) in running)]
    writer = _Writer([item.line for item in items if isinstance(item, _Text)])
    previous: Item | None = None
    for item in items:
        if isinstance(item, _Table):
            writer.table(item, previous)
        elif isinstance(item, _Image):
            writer.image()
        else:
            writer.text(item, previous)
        previous = item
    writer.flush()
    return writer.builder.build(name, "pdf")


def _shape(text: str) -> str:
    """A line with its digits masked: a running header or footer differs from page to page only in them
    (the page number, ``1/7``)."""
    return _DIGITS.sub("#", text)


def _running_lines(items: Sequence[Item]) -> set[str]:
    """The shapes of the margin lines printed on at least half of the pages (and on two at least): a
    browser's or a word processor's running header and footer (date and title, address and ``1/7``)."""
    pages: dict[str, set[int]] = {}
    for item in items:
        if isinstance(item, _Text) and item.margin:
            pages.setdefault(_shape(item.text), set()).add(item.page)
    count = len({item.page for item in items})
    return {shape for shape, on in pages.items() if len(on) >= max(2, count / 2)}


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
    positioned: list[tuple[float, Item]] = [
        (
            grid.ys[0],
            _Table(
                page.number,
                grid,
                {cell: cell_text(glyphs) for cell, glyphs in cells.items()},
                frozenset(cell for cell, glyphs in cells.items() if _ends_full(grid, cell, glyphs)),
            ),
        )
        for grid, cells in zip(grids, in_cells, strict=True)
    ]
    for line in group_lines(free):
        text = line_text(line, tabs=True)
        if _is_page_number(text, line, page.height):
            continue
        box = _Box(line.x0, line.x1, line.top, line.bottom, line.size)
        positioned.append((line.top, _Text(page.number, box, text, _in_margin(line, page.height))))
    centres = _GlyphCentres(page.glyphs)
    shown = (box for box in page.images if _shows_image(page, box, centres))
    positioned.extend((box[1], _Image(page.number)) for box in itertools.islice(shown, MAX_IMAGES_PER_PAGE))
    positioned.sort(key=lambda pair: pair[0])
    return [item for _, item in positioned]


class _GlyphCentres:
    """A page's glyph centres sorted top to bottom, so that an image looks only at the glyphs of its own
    height band (a page of many images and many glyphs stays linear in practice)."""

    def __init__(self, glyphs: Sequence[Glyph]) -> None:
        centres = sorted(((g.top + g.bottom) / 2, (g.x0 + g.x1) / 2) for g in glyphs)
        self.ys = [y for y, _ in centres]
        self.xs = [x for _, x in centres]

    def count_in(self, box: Box, enough: int) -> int:
        """How many centres lie in ``box``, counting no further than ``enough``."""
        x0, top, x1, bottom = box
        found = 0
        for index in range(bisect.bisect_left(self.ys, top), bisect.bisect_right(self.ys, bottom)):
            found += x0 <= self.xs[index] <= x1
            if found >= enough:
                break
        return found


def _shows_image(page: Page, box: Box, centres: _GlyphCentres) -> bool:
    """Whether an image may hide text govlint cannot read: not an icon, not a header's or footer's picture
    (wholly in a margin), not a background or a scan under a text layer (glyphs stand on it)."""
    x0, top, x1, bottom = box
    if x1 - x0 < MIN_IMAGE_POINTS or bottom - top < MIN_IMAGE_POINTS:
        return False
    if bottom < _MARGIN_SHARE * page.height or top > (1 - _MARGIN_SHARE) * page.height:
        return False
    return centres.count_in(box, MAX_GLYPHS_OVER_IMAGE) < MAX_GLYPHS_OVER_IMAGE


def _ends_full(grid: Grid, cell: tuple[int, int], glyphs: list[Glyph]) -> bool:
    """Whether the last line of a cell's text is full, as a label cut by a page break is (the line wrapped
    on): as wide as the cell's widest line, or for a single line as wide as the cell within its padding."""
    lines = group_lines(glyphs)
    last = lines[-1]
    if len(lines) > 1:
        return last.x1 - last.x0 >= max(line.x1 - line.x0 for line in lines) - last.size
    width = grid.xs[_right(grid, *cell)] - grid.xs[cell[1]]
    return last.x1 - last.x0 >= width - _FULL_SLACK * last.size


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < _MARGIN_SHARE * height or line.top > (1 - _MARGIN_SHARE) * height


def _is_page_number(text: str, line: Line, height: float) -> bool:
    return _in_margin(line, height) and PAGE_NUMBER.fullmatch(text.replace("\t", " ").strip()) is not None


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
        self.last_row: _Row | None = None

    def flush(self) -> None:
        self._write_last_row()
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        for text, origin in self.paragraph:
            self.builder.append(text, origin)
        if self.paragraph:
            self.builder.end_line()
        self.paragraph = []
        self.last_line = None

    def text(self, item: _Text, previous: Item | None) -> None:
        self._write_last_row()
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
        same_size = abs(last.line.size - item.line.size) <= 0.1 * size  # a title is not its line above's end
        return full and close and same_size and not indented and not _LIST_MARKER.match(item.text)

    def table(self, item: _Table, previous: Item | None) -> None:
        self._end_paragraph()
        grid = item.grid
        joined = isinstance(previous, _Table) and previous.page + 1 == item.page and _same_edges(previous.grid, grid)
        table = self.tables if joined else self.tables + 1
        # a column no wider than the gap between two cells' own borders (a web page's cellspacing printed by a
        # browser: every cell drawn as its own box) and empty in every row is a sliver between rules, no cell
        slivers = {
            j
            for j in range(grid.columns)
            if grid.xs[j + 1] - grid.xs[j] < SLIVER_WIDTH and not any(item.cells.get((i, j)) for i in range(grid.rows))
        }
        rows = [  # each grid row's own cells: (column, text); positions covered by a merged cell are left out
            [
                (j, item.cells.get((i, j), ""))
                for j in range(grid.columns)
                if grid.anchor[(i, j)] == (i, j) and j not in slivers
            ]
            for i in range(grid.rows)
        ]
        heights = [grid.ys[i + 1] - grid.ys[i] for i in range(grid.rows)]
        filled = sorted(h for h, cells in zip(heights, rows, strict=True) if any(text for _, text in cells))
        tall = filled[len(filled) // 2] / 2 if filled else float("inf")
        # an empty row as tall as a text row is a row of empty cells; a thin one is a sliver between rules
        kept = [any(text for _, text in cells) or height >= tall for cells, height in zip(rows, heights, strict=True)]
        if isinstance(previous, _Table) and kept and self._continues_row(item.page, grid, rows[0]):
            self._append_to_last_row(grid, rows[0])
            kept[0] = False
        self._write_last_row()
        if not joined:
            self.tables = table
            self.table_rows = 0
            self.builder.blank()
        numbers: list[int] = []  # the row number of each grid row; an empty sliver row is not counted
        count = self.table_rows
        for written in kept:
            count += written
            numbers.append(count if written else count + 1)
        out = [
            _Row(
                item.page,
                [(grid.xs[j], grid.xs[_right(grid, i, j)], text) for j, text in cells],
                [Origin(page=item.page, table=table, row=numbers[i], column=j + 1) for j, _ in cells],
                frozenset(k for k, (j, _) in enumerate(cells) if (i, j) in item.full),
            )
            for i, cells in enumerate(rows)
            if kept[i] and cells
        ]
        for row in out[:-1]:
            self.builder.row([text for _, _, text in row.cells], row.origins)
        self.last_row = out[-1] if out else None
        self.table_rows = count
        self.after_table = True

    def image(self) -> None:
        """An image stands here: the paragraph and the table row before it end."""
        self.flush()
        self.builder.image()

    def _continues_row(self, page: int, grid: Grid, cells: list[tuple[int, str]]) -> bool:
        """Whether ``cells``, a table's first row on ``page``, are the rest of the previous page's last table
        row: only label text (no digit), each piece below a label cell (Chinese text) of that row, of the
        same width, whose last line is full."""
        last = self.last_row
        if last is None or page != last.page + 1:
            return False
        pieces = [(grid.xs[j], grid.xs[_right(grid, 0, j)], text) for j, text in cells if text]
        if not pieces or any(_DIGIT.search(text) or _LIST_MARKER.match(text) for _, _, text in pieces):
            return False
        if any(text.startswith(_ROW_STARTS) for _, _, text in pieces):
            return False
        for x0, x1, _ in pieces:
            index = _cell_at(last, (x0 + x1) / 2)
            if index is None or index not in last.full or not any(map(is_cjk, last.cells[index][2])):
                return False
            above_x0, above_x1, _ = last.cells[index]
            if abs(above_x0 - x0) > _JOIN_TOLERANCE or abs(above_x1 - x1) > _JOIN_TOLERANCE:
                return False
        return True

    def _append_to_last_row(self, grid: Grid, cells: list[tuple[int, str]]) -> None:
        assert self.last_row is not None
        written = list(self.last_row.cells)
        for j, text in cells:
            if text:
                x = (grid.xs[j] + grid.xs[_right(grid, 0, j)]) / 2
                index = _cell_at(self.last_row, x)
                assert index is not None
                x0, x1, label = written[index]
                separator = "" if is_cjk(label[-1]) and is_cjk(text[0]) else " "
                written[index] = (x0, x1, label + separator + text)
        self.last_row = self.last_row._replace(cells=written)

    def _write_last_row(self) -> None:
        if self.last_row is not None:
            self.builder.row([text for _, _, text in self.last_row.cells], self.last_row.origins)
            self.last_row = None


def _right(grid: Grid, row: int, column: int) -> int:
    """The grid boundary at the right of the merged cell whose top-left position is (row, column)."""
    end = column + 1
    while end < grid.columns and grid.anchor[(row, end)] == (row, column):
        end += 1
    return end


def _cell_at(row: _Row, x: float) -> int | None:
    """The index of the cell of ``row`` spanning the horizontal position ``x``."""
    return next((k for k, (x0, x1, _) in enumerate(row.cells) if x0 <= x <= x1), None)


def _same_edges(first: Grid, second: Grid) -> bool:
    return abs(first.xs[0] - second.xs[0]) <= _JOIN_TOLERANCE and abs(first.xs[-1] - second.xs[-1]) <= _JOIN_TOLERANCE
