"""Read tables drawn with box-drawing characters, as a text browser dumps a web page (``w3m -dump``)::

    ┌─────┬──────┐
    │信息 │本年制│
    │内容 │发件数│
    ├─────┼──────┤
    │规章 │0     │
    └─────┴──────┘

Such a table keeps its grid: a column boundary is where a line prints a vertical stroke, a row boundary a
line of horizontal strokes, and a stretch of a boundary without a stroke is a merged cell.  Each table is
written as a web page's table is (one line per row, TAB-separated cells with their grid origins), the lines
of a cell joined (a label wrapped over two lines is one label), so its cells are read on grid evidence.  The
other lines are kept as printed.  A block that is not a clean grid (a cell that is not a rectangle, a line
without the table's edges) is kept as printed too.  Columns are counted in display width: a Chinese
character takes two, as the browser laid them out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from govlint.sources.document import Document, markdown_images
from govlint.sources.grid import MAX_COLUMNS, SourceCell, layout, merged_cells
from govlint.sources.layout import TextBuilder

#: Box-drawing strokes that are horizontal only; every other box-drawing character has a vertical stroke.
_HORIZONTAL = frozenset("─━═┄┅┈┉╌╍")
_TOP_LEFT = frozenset("┌┍┎┏╒╓╔+")
#: At most this many lines in one table, and characters in one of its lines (a page's table has a few hundred
#: lines of at most a few hundred characters; a hostile file is bounded).
MAX_LINES = 5000
MAX_WIDTH = 2000


#: The ASCII strokes of ``links -dump`` and of pandoc's grid tables (``+-----+``, ``|``, ``+=====+``).
_ASCII_VERTICAL = frozenset("|+")
_ASCII_HORIZONTAL = frozenset("-=")


def _is_box(char: str) -> bool:
    return "\u2500" <= char <= "\u257f"


class _Strokes:
    """What draws a table: box-drawing characters, or ASCII (a table whose top-left corner is ``+``)."""

    __slots__ = ("ascii",)

    def __init__(self, corner: str) -> None:
        self.ascii = corner == "+"

    def vertical(self, char: str) -> bool:
        return char in _ASCII_VERTICAL if self.ascii else _is_box(char) and char not in _HORIZONTAL

    def horizontal(self, char: str) -> bool:
        return char in (_ASCII_HORIZONTAL if self.ascii else _HORIZONTAL)

    def stroke(self, char: str) -> bool:
        return self.vertical(char) or self.horizontal(char)


def _columns(line: str) -> list[str]:
    """The line by display column: a wide character fills its column and the next (the next holds "")."""
    out: list[str] = []
    for char in line:
        out.append(char)
        if unicodedata.east_asian_width(char) in "WF":
            out.append("")
    return out


def _aligned(lines: Sequence[str]) -> list[list[str]]:
    """The table's lines by column: in display width (w3m lays Chinese out two columns wide), or by character
    (links counts every character as one column) when only that makes every line end at the same column."""
    wide = [_columns(line.rstrip()) for line in lines]
    if len({len(line) for line in wide}) == 1:
        return wide
    narrow = [list(line.rstrip()) for line in lines]
    return narrow if len({len(line) for line in narrow}) == 1 else wide


def _border(columns: Sequence[str], left: int, strokes: _Strokes) -> bool:
    """A line of strokes only from ``left`` on (a top, bottom or inner border)."""
    rest = "".join(columns[left:]).rstrip()
    return len(rest) >= 2 and all(strokes.stroke(c) for c in rest)


def read_box_tables(text: str, name: str, encoding: str | None, replaced: tuple[int, ...]) -> Document | None:
    """The document of a text holding box-drawn tables (see the module's docstring); None when it holds none,
    so that such a text is read exactly as any other."""
    builder = TextBuilder()
    lines = text.split("\n")
    tables = 0
    index = 0
    while index < len(lines):
        end, strokes = _block_end(lines, index)
        cells = _grid(_aligned(lines[index:end]), strokes) if strokes is not None else None
        if cells is None:  # no table, or a block that is not a clean grid: its lines as printed
            for number in range(index, max(end, index + 1)):
                line = lines[number]
                if markdown_images(line):
                    builder.image()
                builder.append(line)
                if number + 1 < len(lines):  # the text's last line ends as printed, with or without a break
                    builder.end_line()
            index = max(end, index + 1)
            continue
        tables += 1
        builder.blank()
        for texts, origins in layout(cells, len(cells), tables):
            if any(t.strip() for t in texts):
                builder.row(texts, origins)
        builder.blank()
        while builder.lines < end:  # the lines after the table keep their numbers in the file
            builder.end_line()
        index = end
    return builder.build(name, "text", encoding, replaced) if tables else None


def _block_end(lines: Sequence[str], start: int) -> tuple[int, _Strokes | None]:
    """The end of the drawn table whose top border is ``lines[start]`` and what draws it, or ``start``: the
    lines that print the table's left edge at the top-left corner's column (nothing but spaces before it),
    up to the last border among them."""
    if lines[start].lstrip()[:1] not in _TOP_LEFT or len(lines[start]) > MAX_WIDTH:
        return start, None  # the common case, without a look at each character
    first = _columns(lines[start])
    left = len(first) - len("".join(first).lstrip())
    strokes = _Strokes(first[left])
    if not _border(first, left, strokes):
        return start, None
    last = start
    for end in range(start + 1, min(len(lines), start + MAX_LINES)):
        if len(lines[end]) > MAX_WIDTH:
            break
        columns = _columns(lines[end])
        if left >= len(columns) or not strokes.vertical(columns[left]) or "".join(columns[:left]).strip():
            break
        if _border(columns, left, strokes):
            last = end
    return (last + 1, strokes) if last - start >= 2 else (start, None)


def _grid(block: list[list[str]], strokes: _Strokes) -> list[list[SourceCell]] | None:
    """The table's rows of cells (text, rowspan, colspan), or None when the block is not a clean grid."""
    width = max(len(line) for line in block)
    block = [line + [" "] * (width - len(line)) for line in block]
    bounds = sorted({c for line in block for c, char in enumerate(line) if strokes.vertical(char)})
    if not 2 <= len(bounds) <= MAX_COLUMNS + 1:
        return None
    spans = list(pairwise(bounds))  # the grid's columns, between their boundaries

    def rule(line: list[str], column: int) -> bool:
        a, b = spans[column]
        return b - a > 1 and all(strokes.horizontal(char) for char in line[a + 1 : b])

    rules = [[rule(line, k) for k in range(len(spans))] for line in block]
    ruled = [i for i, line in enumerate(rules) if any(line)]
    if not ruled or ruled[0] != 0 or ruled[-1] != len(block) - 1:
        return None
    bands = [(a + 1, b) for a, b in pairwise(ruled) if b > a + 1]  # the grid's rows
    if not bands:
        return None

    def joins_right(r: int, k: int) -> bool:  # no vertical stroke on the boundary in the row's lines
        top, bottom = bands[r]
        return not any(strokes.vertical(block[i][spans[k][1]]) for i in range(top, bottom))

    def joins_below(r: int, k: int) -> bool:  # no rule in the boundary lines between the row and the next
        return not any(rules[i][k] for i in range(bands[r][1], bands[r + 1][0]))

    return _cells(block, bands, spans, merged_cells(len(bands), len(spans), joins_right, joins_below), strokes)


def _cells(
    block: list[list[str]],
    bands: list[tuple[int, int]],
    spans: list[tuple[int, int]],
    root: list[int],
    strokes: _Strokes,
) -> list[list[SourceCell]] | None:
    """The merged cells as rectangles, each written in the row it starts in; None if one is not a rectangle."""
    width = len(spans)
    extent: dict[int, list[int]] = {}  # root -> [first row, last row, first column, last column]
    for position, cell in enumerate(root):
        r, k = divmod(position, width)
        box = extent.setdefault(cell, [r, r, k, k])
        box[:] = [min(box[0], r), max(box[1], r), min(box[2], k), max(box[3], k)]
    if sum((b[1] - b[0] + 1) * (b[3] - b[2] + 1) for b in extent.values()) != len(root):
        return None  # a merged cell that is not a rectangle
    rows: list[list[SourceCell]] = [[] for _ in bands]
    for r0, r1, k0, k1 in sorted(extent.values(), key=lambda b: (b[0], b[2])):
        left, right = spans[k0][0] + 1, spans[k1][1]
        pieces = []
        for i in range(bands[r0][0], bands[r1][1]):
            piece = "".join(block[i][left:right]).strip()
            if piece and not all(strokes.stroke(c) for c in piece):
                pieces.append(piece)
        rows[r0].append(SourceCell(_join(pieces), r1 - r0 + 1, k1 - k0 + 1))
    return rows


def _join(pieces: list[str]) -> str:
    """A cell's lines as one text: Chinese pieces joined directly (a label wrapped in a narrow column), others
    with a space."""
    text = ""
    for piece in pieces:
        if text and text[-1].isascii() and piece[0].isascii():
            text += " "
        text += piece
    return text
