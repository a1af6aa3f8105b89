"""Helpers for offsets in the text; spans themselves are made by :class:`govlint.model.Positions`."""

from __future__ import annotations


def skip_spaces(text: str, pos: int) -> int:
    """The first offset at or after ``pos`` that is not whitespace (``len(text)`` when there is none)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
