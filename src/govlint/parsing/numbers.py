"""Read the value of one table cell as printed: a number, an empty cell, or text where a number belongs."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from govlint.model import CellStatus, Number
from govlint.schema import CELL_UNITS, DIGIT_LOOKALIKES, EMPTY_PLACEHOLDERS, FOOTNOTE_MARKS, ZERO_NUMERALS, fold

#: A number as printed in a cell: optional sign, digits (thousands separators allowed), optional decimals.
NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
#: Units, longest first (万元 before 元).
_UNITS = sorted(CELL_UNITS, key=len, reverse=True)
_PLACEHOLDERS = frozenset(EMPTY_PLACEHOLDERS)
_MARKS = frozenset(FOOTNOTE_MARKS)
_ZEROS = frozenset(ZERO_NUMERALS)
_SPACES = re.compile(r"\s+")


class Reading(NamedTuple):
    """What a cell says: its value (None unless a clean number), how it was read, and a printed unit."""

    value: Number | None
    status: CellStatus
    unit: str | None = None


EMPTY = Reading(None, CellStatus.EMPTY)
UNREADABLE = Reading(None, CellStatus.UNREADABLE)


def number_value(sign: str, digits: str, decimals: str | None) -> Number:
    """The value of a matched :data:`NUMBER`: an int, or a Decimal when decimals are printed."""
    digits = digits.replace(",", "")
    if decimals is not None:
        return Decimal(f"{sign}{digits}.{decimals}")
    return int(sign + digits)


@lru_cache(maxsize=4096)  # the same few cells ("0", "1", "/") recur in every report
def read_cell(raw: str) -> Reading:
    """Read a cell's printed text; full-width digits and punctuation are accepted.

    Blank cells and placeholders (``/``, ``-``, ``—``) are EMPTY; a clean number (``12``, ``+4``,
    ``7730.28``, ``1,036``, ``251000元``) is OK with its unit, also with a footnote mark after it (``12*``,
    ``12①``), and so is the Chinese numeral zero printed alone (``〇``: 0); anything else is UNREADABLE.
    """
    text = _SPACES.sub("", fold(raw))
    if not text or text in _PLACEHOLDERS:
        return EMPTY
    if text[-1] in _MARKS:
        text = text[:-1]
    unit = next((unit for unit in _UNITS if text.endswith(unit)), None)
    if unit is not None:
        text = text[: -len(unit)]
    if text in _ZEROS:
        return Reading(0, CellStatus.OK, unit)
    match = NUMBER.fullmatch(text)
    if match is None:
        return UNREADABLE
    return Reading(number_value(*match.groups()), CellStatus.OK, unit)


@lru_cache(maxsize=4096)
def is_empty(raw: str) -> bool:
    """True when the cell prints nothing or a placeholder."""
    text = _SPACES.sub("", fold(raw))
    return not text or text in _PLACEHOLDERS


def misread_digits(raw: str) -> bool:
    """True when the cell prints digits with letters text recognition reads for digits (``1O``, ``l2``, ``O``):
    a number misread, which govlint cannot read and does not take for text the report printed."""
    text = _SPACES.sub("", fold(raw))
    return any(c in DIGIT_LOOKALIKES for c in text) and all(
        c.isdigit() or c in DIGIT_LOOKALIKES or c in ",." for c in text
    )
