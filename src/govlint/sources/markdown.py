"""Read Markdown whose tables are HTML, as converters of PDF to Markdown print them (MinerU, marker, pandoc
for a table with merged cells): ``<table>`` blocks with ``rowspan`` and ``colspan`` among lines of text.

Such a table keeps the grid: each is written as a web page's table is (one line per row, TAB-separated
cells with the origin of their grid position, merged cells resolved), so its cells are read on grid
evidence.  Every other line is kept as it is printed, so lines outside the tables keep their numbers up to
the first table.  A wrapper MinerU puts around a table (``<html><body>`` … ``</body></html>``) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint.sources.document import Document, markdown_images
from govlint.sources.html import write_tables
from govlint.sources.layout import TextBuilder

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
    tables = 0
    position = 0
    for start, end in _tables(text):
        before = text[position:start]
        _lines(builder, before[: _wrapper_start(before)])
        tables = write_tables(text[start:end], builder, tables, name)
        position = end
        closing = _CLOSE_WRAPPER.match(text, position)
        if closing is not None:
            position = closing.end()
    _lines(builder, text[position:])
    return builder.build(name, "text", encoding, replaced)


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


def _lines(builder: TextBuilder, text: str) -> None:
    """Write ``text`` as printed: each of its lines, blank ones too (the rest of a table's line is a line)."""
    parts = text.split("\n")
    if parts and not parts[0].strip():
        parts = parts[1:]  # the end of the line a table stood on
    for part in parts:
        if markdown_images(part):
            builder.image()
        builder.append(part)
        builder.end_line()
