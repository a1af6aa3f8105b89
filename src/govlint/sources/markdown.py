"""Read Markdown whose tables are HTML, as converters of PDF to Markdown print them (MinerU, marker, pandoc
for a table with merged cells): ``<table>`` blocks with ``rowspan`` and ``colspan`` among lines of text.

Such a table keeps the grid: each is written as a web page's table is (one line per row, TAB-separated
cells with the origin of their grid position, merged cells resolved), so its cells are read on grid
evidence.  Every other line is kept as it is printed, so lines outside the tables keep their numbers up to
the first table.  A wrapper MinerU puts around a table (``<html><body>`` … ``</body></html>``) is dropped.
"""

from __future__ import annotations

import importlib.util
import re

from govlint.sources.document import Document
from govlint.sources.html import write_tables
from govlint.sources.layout import TextBuilder

#: A table block: ``<table`` to its ``</table>`` (tables are not nested in converter output: a nested
#: one ends the block early and the rest is read as text).
_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
#: What a converter wraps a table in, before and after it on its line.
_OPEN_WRAPPER = re.compile(r"(?:<(?:html|body)\b[^>]*>\s*)+\Z", re.IGNORECASE)
_CLOSE_WRAPPER = re.compile(r"\A(?:\s*</(?:body|html)\s*>)+", re.IGNORECASE)


def has_html_tables(text: str) -> bool:
    """Whether ``text`` holds an HTML table block that can be read as one (the ``govlint[html]`` extra is
    installed; without it the text is read as it is, as before)."""
    return _TABLE.search(text) is not None and importlib.util.find_spec("selectolax") is not None


def read_markdown(text: str, name: str, encoding: str | None, replaced: tuple[int, ...]) -> Document:
    """The document of a Markdown text holding HTML tables (see the module's docstring)."""
    builder = TextBuilder()
    tables = 0
    position = 0
    for match in _TABLE.finditer(text):
        before = text[position : match.start()]
        wrapper = _OPEN_WRAPPER.search(before)
        _lines(builder, before[: wrapper.start()] if wrapper else before)
        tables = write_tables(match.group(), builder, tables, name)
        position = match.end()
        closing = _CLOSE_WRAPPER.match(text, position)
        if closing is not None:
            position = closing.end()
    _lines(builder, text[position:])
    return builder.build(name, "text", encoding, replaced)


def _lines(builder: TextBuilder, text: str) -> None:
    """Write ``text`` as printed: each of its lines, blank ones too (the rest of a table's line is a line)."""
    parts = text.split("\n")
    if parts and not parts[0].strip():
        parts = parts[1:]  # the end of the line a table stood on
    for part in parts:
        builder.append(part)
        builder.end_line()
