"""Write extracted paragraphs and table rows as the text the lexer reads, recording origins.

Every structured reader (HTML, Word, PDF) writes through :class:`TextBuilder`, so the layout is the same
for all of them: a paragraph is one line; a table row is one line with the source's own cells separated by
TAB (a position covered by a merged cell is not written; a cell the source shows empty is written empty),
each cell's start marked with the origin of its grid position, whitespace inside a cell turned into spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govlint.model import Origin, OriginMap
from govlint.sources.document import NO_ORIGIN, Document, SourceKind

_CHUNK = 4096
#: An image narrower or lower than this many pixels (as its source declares) is an icon, a bullet, a rule or
#: a 1×1 tracker, never a table printed as a picture; a table's picture is hundreds of pixels each way.
MIN_IMAGE_PIXELS = 40
_CELL_SPACE = re.compile(r"[\s\u2028\u2029]+")
_LINE_BREAK = re.compile(r"[\r\n\v\f\u2028\u2029\x85]+")


def clean_cell(text: str) -> str:
    """A cell's text on one line: every whitespace run (newline, tab, ideographic space) becomes one space."""
    return _CELL_SPACE.sub(" ", text).strip()


def clean_line(text: str) -> str:
    """A paragraph's text on one line: line breaks become spaces, tabs are kept, ends are trimmed."""
    return _LINE_BREAK.sub(" ", text).strip()


class TextBuilder:
    """Accumulates lines and origins; :meth:`build` returns the :class:`Document`."""

    def __init__(self) -> None:
        #: The text written, in pieces; every :data:`_CHUNK` pieces all but the last two are joined into one of
        #: ``_chunks`` (a web page of large tables writes a piece per row: their headers would cost more than
        #: their text, docs/performance.md).
        self._parts: list[str] = []
        self._chunks: list[str] = []
        self._length = 0
        self._origins = OriginMap()
        self.text_seen = False  #: whether anything but whitespace was written
        self._images: list[int] = []
        self.lines = 0  #: the number of lines ended so far

    @property
    def length(self) -> int:
        """The number of characters written so far."""
        return self._length

    def append(self, text: str, origin: Origin = NO_ORIGIN) -> None:
        """Add ``text`` (no newline) to the current line, from ``origin``."""
        if not text:
            return
        self._mark(origin)
        self._add(text)
        self._length += len(text)
        self.text_seen = self.text_seen or not text.isspace()

    def end_line(self) -> None:
        """Finish the current line."""
        self._add("\n")
        self._length += 1
        self.lines += 1

    def _add(self, piece: str) -> None:
        parts = self._parts
        parts.append(piece)
        if len(parts) > _CHUNK:  # the last two pieces stay: :meth:`blank` looks at them
            self._chunks.append("".join(parts[:-2]))
            del parts[:-2]

    def line(self, text: str, origin: Origin = NO_ORIGIN) -> None:
        """Add a paragraph line (skipped when blank)."""
        text = clean_line(text)
        if text:
            self.append(text, origin)
            self.end_line()

    def blank(self) -> None:
        """Add an empty line unless the text is empty or already ends with one."""
        if self._length and not (len(self._parts) >= 2 and self._parts[-1] == "\n" and self._parts[-2] == "\n"):
            self.end_line()

    def row(self, cells: Sequence[str], origins: Sequence[Origin]) -> None:
        """Add a table row: the cells' cleaned texts joined by TAB, each cell's start marked with its origin.

        The row is kept as one string, not a string per cell and separator: a page of large tables has
        hundreds of thousands of cells (docs/performance.md, "Memory per reader")."""
        pieces = []
        for index, (cell, origin) in enumerate(zip(cells, origins, strict=True)):
            if index:
                pieces.append("\t")
                self._length += 1
            self._mark(origin)
            text = clean_cell(cell)
            pieces.append(text)
            self._length += len(text)
            self.text_seen = self.text_seen or bool(text)
        if pieces:
            self._add("".join(pieces))
        self.end_line()

    def image(self) -> None:
        """Record that the source shows an image here (at the current length of the text)."""
        if not self._images or self._images[-1] != self._length:
            self._images.append(self._length)

    def _mark(self, origin: Origin) -> None:
        if self._origins and self._origins[-1][1] == origin:
            return
        if not self._origins and origin == NO_ORIGIN:
            return
        if self._origins and self._origins[-1][0] == self._length:
            self._origins.pop()  # nothing was written from the previous origin
            if self._origins and self._origins[-1][1] == origin:
                return
        self._origins.append(self._length, origin)

    def build(
        self, path: str, kind: SourceKind, encoding: str | None = None, replaced: tuple[int, ...] = ()
    ) -> Document:
        return Document(
            path=path,
            text="".join(self._chunks + self._parts),
            kind=kind,
            encoding=encoding,
            origins=self._origins,
            replaced_bytes=replaced,
            images=tuple(self._images),
        )
