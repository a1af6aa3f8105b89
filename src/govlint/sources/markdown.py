"""Read Markdown whose tables are HTML, as converters of PDF to Markdown print them (MinerU, marker, pandoc
for a table with merged cells): ``<table>`` blocks with ``rowspan`` and ``colspan`` among lines of text.

Such a table keeps the grid: each is written as a web page's table is (one line per row, TAB-separated
cells with the origin of their grid position, merged cells resolved), so its cells are read on grid
evidence.  Every other line is kept as it is printed, so lines outside the tables keep their numbers up to
the first table.  A wrapper MinerU puts around a table (``<html><body>`` … ``</body></html>``) is dropped.
"""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Iterator

import attrs

from govlint.model import Origin
from govlint.sources.document import Document, markdown_images
from govlint.sources.html import write_tables
from govlint.sources.layout import TextBuilder, clean_cell

#: A table block: ``<table`` to its ``</table>`` (tables are not nested in converter output: a nested
#: one ends the block early and the rest is read as text).  Found by :func:`_tables`.
_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
#: What a converter wraps a table in, before and after it on its line (the opening tags are found by
#: :func:`_wrapper_start`, from the end).
_WRAPPER_TAG = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_CLOSE_WRAPPER = re.compile(r"\A(?:\s*</(?:body|html)\s*>)+", re.IGNORECASE)


def has_html_tables(text: str) -> bool:
    """Whether ``text`` holds an HTML table block.  Reading one needs the ``govlint[html]`` extra; without it
    the file is refused with that advice, never read as plain text, whose tables would then look missing."""
    return next(_tables(text), None) is not None


def _tables(text: str) -> Iterator[tuple[int, int]]:
    """The start and end of each table block, in order: each ``<table`` to the first ``</table>`` after it.

    As ``re.finditer(r"<table\\b.*?</table\\s*>")`` finds them, but in one pass: that expression searched
    to the end of the text again from every ``<table`` left open (200,000 of them: past the time limit)."""
    position = 0
    while (start := _OPEN.search(text, position)) is not None:
        end = _CLOSE.search(text, start.end())
        if end is None:
            return  # no later ``<table`` is closed either
        yield start.start(), end.end()
        position = end.end()


def read_markdown(text: str, name: str, encoding: str | None, replaced: tuple[int, ...]) -> Document:
    """The document of a Markdown text holding HTML tables (see the module's docstring)."""
    builder = TextBuilder()
    places = _Places(text)
    tables = 0
    position = 0
    for start, end in _tables(text):
        before = text[position:start]
        _lines(builder, before[: _wrapper_start(before)], places.at(position) if position else None)
        tables = write_tables(text[start:end], builder, tables, name, _CellPlacer(text, start, end, places))
        position = end
        closing = _CLOSE_WRAPPER.match(text, position)
        if closing is not None:
            position = closing.end()
    _lines(builder, text[position:], places.at(position))
    return builder.build(name, "text", encoding, replaced)._replace(source=text)


class _Places:
    """The line and column of offsets of the file's text, asked for in increasing order (each newline is
    counted once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._offset = 0  # the last offset asked for,
        self._line = 1  # its line
        self._line_start = 0  # and where that line starts

    def at(self, offset: int) -> Origin:
        """The origin of text starting at ``offset``: where it stands in the file."""
        if offset < self._offset:
            self._offset, self._line, self._line_start = 0, 1, 0
        newlines = self.text.count("\n", self._offset, offset)
        if newlines:
            self._line += newlines
            self._line_start = self.text.rfind("\n", self._offset, offset) + 1
        self._offset = offset
        return Origin(source_line=self._line, source_column=offset - self._line_start + 1)


class _CellPlacer:
    """Gives each cell of a table block the place in the file of the source cell it was read from: the cells
    are written in the order the block prints them, some left out (hidden, a row of column widths), so each
    is matched to the next source cell with the same text (:data:`_LOOK_AHEAD` at most), else put at the
    next source cell."""

    def __init__(self, text: str, start: int, end: int, places: _Places) -> None:
        #: The source cells not yet matched, read as needed (a list of a large table's cells would cost more
        #: than its text), the next :data:`_LOOK_AHEAD` of them in ``_ahead`` as (offset, text).
        self._cells = _CELL.finditer(text, start, end)
        self._ahead: deque[tuple[int, str]] = deque()
        self._end = end
        self._places = places

    def __call__(self, texts: list[str], origins: list[Origin]) -> list[Origin]:
        return [self._place(text, origin) for text, origin in zip(texts, origins, strict=True)]

    def _place(self, text: str, origin: Origin) -> Origin:
        ahead = self._ahead
        while len(ahead) < _LOOK_AHEAD and (cell := next(self._cells, None)) is not None:
            ahead.append((cell.start(1), _cell_text(cell.group(1))))
        wanted = clean_cell(text)
        found = next((i for i, (_, printed) in enumerate(ahead) if printed == wanted), 0)
        offset = ahead[found][0] if ahead else self._end
        for _ in range(min(found + 1, len(ahead))):
            ahead.popleft()
        at = self._places.at(offset)
        return attrs.evolve(origin, source_line=at.source_line, source_column=at.source_column)


#: A cell of a table block and its content: up to the next cell, row or end of the table (``</td>`` may be
#: left out).  Its text's first non-blank character is where the cell is placed.
_CELL = re.compile(r"<t[dh]\b[^>]*>\s*((?:(?!</?t[dhr]\b|</table)[^<]|<(?!/?t[dhr]\b|/table))*)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
#: How many source cells a written cell is looked for in (hidden cells are few).
_LOOK_AHEAD = 8


def _cell_text(content: str) -> str:
    """A source cell's text as the reader writes it: without tags, entities read, whitespace folded."""
    return clean_cell(html.unescape(_TAG.sub("", content)))


def _wrapper_start(before: str) -> int:
    """Where the ``<html>``/``<body>`` tags that end ``before`` start (``len(before)`` if none), as
    ``re.search(r"(?:<(?:html|body)\\b[^>]*>\\s*)+\\Z")`` finds them, but walking back from the end: that
    expression tried every ``<body`` of the text again (100,000 of them: past the time limit)."""
    start = end = len(before)
    while True:
        while end and before[end - 1].isspace():
            end -= 1
        if not end or before[end - 1] != ">":
            return start
        tag = _WRAPPER_TAG.search(before, before.rfind(">", 0, end - 1) + 1, end - 1)
        if tag is None:
            return start
        start = end = tag.start()


def _lines(builder: TextBuilder, text: str, origin: Origin | None) -> None:
    """Write ``text`` as printed: each of its lines, blank ones too (the rest of a table's line is a line).
    ``origin`` says where in the file ``text`` starts, when after a table (whose rows took more lines): each
    line is marked with its own line of the file."""
    parts = text.split("\n")
    line, column = (origin.source_line, origin.source_column) if origin is not None else (None, None)
    if parts and not parts[0].strip():
        parts = parts[1:]  # the end of the line a table stood on
        line, column = (None, None) if line is None else (line + 1, 1)
    for part in parts:
        if markdown_images(part):
            builder.image()
        if line is None:
            builder.append(part)
        else:
            builder.append(part, Origin(source_line=line, source_column=column))
            line, column = line + 1, 1
        builder.end_line()
