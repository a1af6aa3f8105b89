"""Offsets to 1-based lines and columns (code points), and Span construction."""

from __future__ import annotations

import bisect
from itertools import accumulate

from govlint.model import Origin, Span
from govlint.sources.document import Document


class LineIndex:
    """Maps offsets of one text to lines and columns; builds :class:`Span` objects with origins."""

    __slots__ = ("_document", "_has_origins", "_starts")

    def __init__(self, document: Document) -> None:
        self._document = document
        starts = list(accumulate([len(line) + 1 for line in document.text.split("\n")], initial=0))
        starts.pop()  # the offset after the last line
        self._starts = starts
        self._has_origins = bool(document.origins)

    @property
    def text(self) -> str:
        return self._document.text

    @property
    def has_origins(self) -> bool:
        """True when the source says where its text came from (PDF pages, Word and HTML tables)."""
        return self._has_origins

    def origin(self, offset: int) -> Origin | None:
        """Where the character at ``offset`` came from, or None."""
        return self._document.origin_at(offset) if self._has_origins else None

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        starts = self._starts
        line = bisect.bisect_right(starts, start) - 1
        column = start - starts[line] + 1
        if line + 1 < len(starts) and end >= starts[line + 1]:
            end_line, end_column = self.position(end)
        else:  # on the same line, as nearly every cell and label
            end_line, end_column = line + 1, end - starts[line] + 1
        origin: Origin | None = self._document.origin_at(start) if self._has_origins else None
        return Span(start, end, line + 1, column, end_line, end_column, origin)


def skip_spaces(text: str, pos: int) -> int:
    """The first offset at or after ``pos`` that is not whitespace (``len(text)`` when there is none)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
