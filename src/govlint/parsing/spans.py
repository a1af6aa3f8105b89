"""Helpers for offsets in the text; spans themselves are made by :class:`govlint.model.Positions`."""

from __future__ import annotations

import re

#: A character that is not white space as ``str.strip`` tells it: where ink is found without copying the text.
INK = re.compile(r"\S")


def skip_spaces(text: str, pos: int) -> int:
    """The first offset at or after ``pos`` that is not whitespace (``len(text)`` when there is none)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
