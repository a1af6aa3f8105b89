"""Word's automatic list numbers (``一、``, ``（一）``, ``1.``), which are not in the paragraph's text.

A report's headings are often numbered by Word itself; without the numbers the parser would see
``总体情况`` instead of ``一、总体情况``.  This follows ``word/numbering.xml``: a paragraph's ``numPr`` (or
its style's) names a list and a level; counters run per abstract list, a level's counter restarts when a
higher level advances, and the level's ``lvlText`` (``%1、``) is filled with the counters in the level's
format.  Counters and labels are bounded (:data:`MAX_COUNTER`, :data:`MAX_LABEL`): a hostile list cannot
make the text many times larger than the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import NamedTuple

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
#: Deepest style inheritance followed, so a cyclic ``basedOn`` chain cannot loop.
_MAX_STYLE_DEPTH = 20
#: Largest list counter (Word's own limit on a start value): a hostile start cannot make a letter label of
#: millions of characters (``upperLetter`` repeats its letter once per 26).
MAX_COUNTER = 32767
#: Longest list label written; a longer ``lvlText`` (or one grown by its counters) is not a list number,
#: and repeating it on every paragraph would multiply the input many times over.
MAX_LABEL = 64


class Level(NamedTuple):
    """One level of a list: where it starts, how a number is written, and the label template."""

    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


def chinese_number(value: int) -> str:
    """一 … 九十九 as Chinese reports write them (十一, 二十, 二十一); larger numbers digit by digit."""
    if 0 < value < 10:
        return _DIGITS[value]
    if 10 <= value < 100:
        tens, units = divmod(value, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")
    return "".join(_DIGITS[int(digit)] for digit in str(value))


def format_number(value: int, number_format: str) -> str:
    """A counter in one of Word's number formats (unknown formats fall back to decimal)."""
    if number_format in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting"):
        return chinese_number(value)
    if number_format == "decimalEnclosedCircle" and 0 < value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if number_format == "ideographTraditional" and 0 < value <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[value - 1]
    if number_format == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(digit)) for digit in str(value))
    if number_format in ("upperLetter", "lowerLetter") and value > 0:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if number_format == "upperLetter" else letter.lower()
    if number_format in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        roman = ""
        for amount, numeral in _ROMAN:
            count, value = divmod(value, amount)
            roman += numeral * count
        return roman if number_format == "upperRoman" else roman.lower()
    return str(value)


def _val(element: ET.Element | None) -> str | None:
    return None if element is None else element.get(f"{W}val")


def _int(element: ET.Element | None, default: int) -> int:
    value = _val(element)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _counter(element: ET.Element | None) -> int:
    """A start value, clamped to ``0 … MAX_COUNTER``."""
    return min(max(_int(element, 1), 0), MAX_COUNTER)


def _index(element: ET.Element) -> int:
    """The ``w:ilvl`` attribute of a level or override (0 when missing or malformed)."""
    value = element.get(f"{W}ilvl") or "0"
    return int(value) if value.isdecimal() else 0  # not isdigit: int() cannot read "²" or "①"


class Numbering:
    """Computes the list label of each paragraph, in document order."""

    def __init__(
        self,
        abstracts: dict[str, dict[int, Level]],
        instances: dict[str, tuple[str, dict[int, int]]],
        styles: Callable[[], ET.Element | None],
    ) -> None:
        self._abstracts = abstracts
        self._instances = instances
        self._load_styles = styles
        self._styles: dict[str, tuple[str, int]] | None = None
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()

    @classmethod
    def from_parts(cls, numbering: ET.Element | None, styles: Callable[[], ET.Element | None]) -> Numbering:
        """From ``numbering.xml`` and a loader of ``styles.xml``, parsed only if a numbered list needs it."""
        abstracts: dict[str, dict[int, Level]] = {}
        instances: dict[str, tuple[str, dict[int, int]]] = {}
        if numbering is not None:
            for abstract in numbering.iter(f"{W}abstractNum"):
                levels: dict[int, Level] = {}
                for level in abstract.iter(f"{W}lvl"):
                    levels[_index(level)] = Level(
                        start=_counter(level.find(f"{W}start")),
                        format=_val(level.find(f"{W}numFmt")) or "decimal",
                        text=_val(level.find(f"{W}lvlText")) or "",
                        suffix=_val(level.find(f"{W}suff")) or "tab",
                    )
                abstracts[abstract.get(f"{W}abstractNumId") or ""] = levels
            for instance in numbering.iter(f"{W}num"):
                overrides = {
                    _index(override): _counter(override.find(f"{W}startOverride"))
                    for override in instance.iter(f"{W}lvlOverride")
                    if override.find(f"{W}startOverride") is not None
                }
                instances[instance.get(f"{W}numId") or ""] = (_val(instance.find(f"{W}abstractNumId")) or "", overrides)
        return cls(abstracts, instances, styles)

    def label(self, paragraph: ET.Element) -> str:
        """The paragraph's list label (``一、``), advancing the counters; empty when it is not numbered."""
        properties = paragraph.find(f"{W}pPr")
        found = self._numbering_of(properties)
        if found is None:
            return ""
        num_id, level_index = found
        if num_id not in self._instances:
            return ""
        abstract_id, overrides = self._instances[num_id]
        levels = self._abstracts.get(abstract_id, {})
        level = levels.get(level_index)
        if level is None or level.format == "none":
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for index, start in overrides.items():
                counters[index] = start - 1
        counters[level_index] = min(counters.get(level_index, level.start - 1) + 1, MAX_COUNTER)
        for deeper in [index for index in counters if index > level_index]:
            del counters[deeper]
        if level.format == "bullet" or len(level.text) > MAX_LABEL:
            return ""
        text = level.text
        for index in range(9):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                known = levels.get(index, Level())
                value = counters.get(index, known.start)
                text = text.replace(
                    placeholder, format_number(value, known.format if index != level_index else level.format)
                )
        if len(text) > MAX_LABEL:
            return ""
        return text + (" " if level.suffix == "space" else "")

    def _numbering_of(self, properties: ET.Element | None) -> tuple[str, int] | None:
        if properties is not None:
            direct = properties.find(f"{W}numPr")
            if direct is not None:
                num_id = _val(direct.find(f"{W}numId"))
                if num_id is not None:
                    return (num_id, _int(direct.find(f"{W}ilvl"), 0)) if num_id != "0" else None
            style = _val(properties.find(f"{W}pStyle"))
            if style is not None and self._instances:
                if self._styles is None:
                    self._styles = _style_numbering(self._load_styles())
                return self._styles.get(style)
        return None


def _style_numbering(styles: ET.Element | None) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (through ``basedOn`` too): style id -> (numId, level)."""
    if styles is None:
        return {}
    own: dict[str, tuple[str, int] | None] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId") or ""
        parent = _val(style.find(f"{W}basedOn"))
        if parent:
            based_on[style_id] = parent
        number = style.find(f"{W}pPr/{W}numPr")
        if number is not None:
            num_id = _val(number.find(f"{W}numId"))
            own[style_id] = (num_id, _int(number.find(f"{W}ilvl"), 0)) if num_id and num_id != "0" else None
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in {*own, *based_on}:
        current: str | None = style_id
        for _ in range(_MAX_STYLE_DEPTH):
            if current is None:
                break
            if current in own:
                found = own[current]
                if found is not None:
                    resolved[style_id] = found
                break
            current = based_on.get(current)
    return resolved
