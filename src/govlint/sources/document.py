"""The decoded document every source reader produces and the parser reads."""

from __future__ import annotations

import bisect
import re
from typing import Literal, NamedTuple

from govlint.model import Origin, Origins
from govlint.schema import TABLE_PLACEHOLDER

SourceKind = Literal["text", "html", "docx", "pdf"]

#: A Markdown image, ``![alt](target)``, as converters print a picture (pandoc's ``media/image1.png``, MinerU's
#: ``images/….jpg``).  Neither part may hold ``!`` or a bracket of its kind, so a text of nothing but ``![``
#: is scanned once, not once per ``![``.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n!]{0,300}\]\([^()\s!]{1,500}(?:\s[^()\n!]{0,300})?\)")


#: pandoc's placeholder for a table its text formats cannot print (plain text, or Markdown without HTML, of a
#: table with merged cells), alone on its line: a table stood there, unread, as if printed as a picture.
_TABLE_PLACEHOLDER = re.compile(rf"^[ \t]*({re.escape(TABLE_PLACEHOLDER)})[ \t]*$", re.MULTILINE)


def markdown_images(text: str) -> tuple[int, ...]:
    """Where ``text`` (converter Markdown, or plain text carrying its images) shows an image, or a table the
    converter left out (``[TABLE]``)."""
    found = [match.start() for match in _MARKDOWN_IMAGE.finditer(text)] if "![" in text else []
    if TABLE_PLACEHOLDER in text:
        found.extend(match.start(1) for match in _TABLE_PLACEHOLDER.finditer(text))
        found.sort()
    return tuple(found)


#: Marks text that has no structured place (a paragraph after a table): :meth:`Document.origin_at` gives None.
NO_ORIGIN = Origin()


class Document(NamedTuple):
    """Report text plus where each part of it came from.

    ``origins`` is a sorted sequence of ``(offset, Origin)`` (an :class:`govlint.model.OriginMap` from the
    structured readers): the text from ``offset`` up to the next entry
    came from that place (a PDF page, an HTML or Word table cell).  Plain text has no origins.
    ``replaced_bytes`` lists where the decoder met a few bytes it could not read (a truncated tail) and
    put a replacement character instead; empty when the file decoded cleanly.
    Structured sources write each table row as one line with the source's own cells separated by tabs,
    each starting at an origin that names its table, row and top-left grid column; a position covered by
    a merged cell is not written, a cell the source shows empty is written empty.
    """

    path: str
    text: str
    kind: SourceKind = "text"
    encoding: str | None = None
    origins: Origins = ()
    #: Byte offsets in the file where an undecodable byte sequence was replaced by U+FFFD (GL003).
    replaced_bytes: tuple[int, ...] = ()
    #: Offsets in ``text`` where the source shows an image larger than an icon (a table printed as a picture):
    #: what stands there govlint cannot read, so a table missing near it is not called missing (GL103).
    images: tuple[int, ...] = ()
    #: The line of the file ``text`` starts on: a compilation's report starts at its title line
    #: (:mod:`govlint.sources.compilation`), and its positions are the file's.
    line: int = 1
    #: The file's text when its lines are not ``text``'s (a Markdown file's HTML tables, written a line per
    #: row): what findings show under them.  ``origins`` then say where each piece stands in it.
    source: str | None = None

    def origin_at(self, offset: int) -> Origin | None:
        """Where the character at ``offset`` came from, or None when the source does not say."""
        if not self.origins:
            return None
        index = bisect.bisect_right(self.origins, offset, key=lambda item: item[0]) - 1
        if index < 0:
            return None
        origin = self.origins[index][1]
        return None if origin == NO_ORIGIN else origin
