"""Row and item numberings as printed in the tables (``7.``, ``7、``, ``(二)``, ``二、``), in folded text.

Recognised with string checks rather than regexes: a regex class of Chinese numerals costs more to compile
at import than these checks cost over a whole report.
"""

from __future__ import annotations

from govlint.schema import CHINESE_NUMERALS

#: The numerals of a bracketed row numbering in the applications table: (一) … (九).
ROW_NUMERALS = CHINESE_NUMERALS[:9]


def is_bracketed_numeral(text: str, numerals: str = ROW_NUMERALS) -> bool:
    """True when ``text`` is a numeral between brackets: ``(二)``."""
    return len(text) == 3 and text[0] == "(" and text[2] == ")" and text[1] in numerals


def without_numbering(label: str) -> str:
    """A group label without its numbering: ``(三)不予公开`` → ``不予公开``, ``三、本年度…`` → ``本年度…``."""
    if is_bracketed_numeral(label[:3], CHINESE_NUMERALS):
        return label[3:]
    if label[1:2] == "、" and label[0] in CHINESE_NUMERALS:
        return label[2:]
    return label


def starts_with_numbering(text: str) -> bool:
    """True when ``text`` opens with a row numbering: ``7.``, ``7、``, ``(二)``."""
    if text[:1].isdecimal() and text[1:2] in (".", "、"):
        return True
    return is_bracketed_numeral(text[:3])


def ends_with_numbering(text: str, *, numeral_comma: bool = True) -> bool:
    """True when ``text`` ends with a row numbering: ``7.``, ``7、``, ``(二)``, and ``二、`` unless
    ``numeral_comma`` is false."""
    if len(text) < 2 or text[-1] not in ".、":
        return is_bracketed_numeral(text[-3:])
    return text[-2].isdecimal() or (numeral_comma and text[-1] == "、" and text[-2] in ROW_NUMERALS)
