"""Split digits that a crawler ran together (``本年新收政府信息公开申请数量291000030``) into cells.

A split is a reading of every digit group (digits between spaces) as one or more numbers.  Only readings
with exactly as many numbers as the row has columns are considered, no multi-digit number may start with
0, a sign may only open a signed column (``本年增/减``), decimals only an amount, a printed unit only a column
of its kind.  One reading left: it is taken.  Several: the row's own arithmetic (a total equals the sum of
its parts) must single one out; otherwise the row is ambiguous and no value is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from govlint.model import Number
from govlint.parsing.numbers import number_value
from govlint.schema import CELL_UNITS, ValueKind, fold

_GROUP = re.compile(
    r"(?P<sign>[+-]?)(?P<digits>\d+)(?:\.(?P<decimals>\d+))?(?P<unit>"
    + "|".join(re.escape(unit) for unit in CELL_UNITS)
    + ")?"
)
_AMOUNT_UNITS = frozenset({"元", "万元"})
#: Beyond this many readings a row is reported ambiguous without enumerating further.
MAX_READINGS = 5000


@attrs.frozen
class Part:
    """One number of a reading: its value, where its digits are printed, and whether it was split off."""

    value: Number
    start: int
    end: int
    unit: str | None
    split: bool
    signed: bool
    decimal: bool


@attrs.frozen
class Outcome:
    """The result of splitting a row: the reading taken, or why none was."""

    parts: tuple[Part, ...] | None
    readings: int
    problem: str | None = None


Check = Callable[[Sequence[Number]], bool]


@attrs.frozen
class _Group:
    start: int
    sign: str
    digits: str
    decimals: str | None
    unit: str | None
    digits_start: int


def parse_groups(pieces: Sequence[tuple[str, int]]) -> list[_Group] | None:
    """Digit groups from printed pieces ``(text, offset)``; None when a piece is not a number."""
    groups = []
    for text, offset in pieces:
        match = _GROUP.fullmatch(fold(text))
        if match is None:
            return None
        sign, digits = match.group("sign"), match.group("digits")
        groups.append(
            _Group(offset, sign, digits, match.group("decimals"), match.group("unit"), offset + match.start("digits"))
        )
    return groups


def _partitions(digits: str, count: int) -> Iterator[list[str]]:
    """Every way to cut ``digits`` into ``count`` numbers without leading zeros."""
    if count == 1:
        if len(digits) == 1 or digits[0] != "0":
            yield [digits]
        return
    longest = 1 if digits[0] == "0" else len(digits) - count + 1
    for size in range(1, longest + 1):
        for rest in _partitions(digits[size:], count - 1):
            yield [digits[:size], *rest]


def _min_parts(digits: str) -> int:
    zeros = len(digits) - len(digits.lstrip("0"))
    return zeros + (1 if zeros < len(digits) else 0)


def _readings(groups: Sequence[_Group], count: int) -> Iterator[list[Part]]:
    if not groups:
        if count == 0:
            yield []
        return
    group, rest = groups[0], groups[1:]
    rest_min = sum(_min_parts(g.digits) for g in rest)
    rest_max = sum(len(g.digits) for g in rest)
    low = max(_min_parts(group.digits), count - rest_max)
    high = min(len(group.digits), count - rest_min)
    for parts_here in range(low, high + 1):
        for cut in _partitions(group.digits, parts_here):
            head = _parts(group, cut)
            for tail in _readings(rest, count - parts_here):
                yield head + tail


def _parts(group: _Group, cut: Sequence[str]) -> list[Part]:
    parts = []
    offset = group.digits_start
    split = len(cut) > 1
    for index, digits in enumerate(cut):
        first, last = index == 0, index == len(cut) - 1
        sign = group.sign if first else ""
        decimals = group.decimals if last else None
        start = group.start if first else offset
        end = offset + len(digits)
        if last:
            end += (len(decimals) + 1 if decimals is not None else 0) + len(group.unit or "")
        parts.append(
            Part(
                number_value(sign, digits, decimals),
                start,
                end,
                group.unit if last else None,
                split,
                bool(sign),
                decimals is not None,
            )
        )
        offset += len(digits)
    return parts


def _fits(parts: Sequence[Part], kinds: Sequence[ValueKind]) -> bool:
    for part, kind in zip(parts, kinds, strict=True):
        if part.signed and kind != "signed":
            return False
        if part.decimal and kind != "amount":
            return False
        if part.unit is not None and (part.unit in _AMOUNT_UNITS) != (kind == "amount"):
            return False
    return True


def split_row(pieces: Sequence[tuple[str, int]], kinds: Sequence[ValueKind], check: Check | None) -> Outcome:
    """Read run-together ``pieces`` (printed text and offset of each digit group) as ``len(kinds)`` numbers."""
    count = len(kinds)
    groups = parse_groups(pieces)
    if groups is None:
        return Outcome(None, 0, "text among the run-together digits")
    found: list[list[Part]] = []
    for reading in _readings(groups, count):
        if _fits(reading, kinds):
            found.append(reading)
            if len(found) > MAX_READINGS:
                return Outcome(None, len(found), f"the digits can be read as {count} numbers in too many ways")
    if not found:
        digits = sum(len(g.digits) for g in groups)
        return Outcome(None, 0, f"{digits} digits cannot be read as {count} numbers")
    if len(found) == 1:
        return Outcome(tuple(found[0]), 1)
    if check is not None:
        consistent = [r for r in found if check([p.value for p in r])]
        if len(consistent) == 1:
            return Outcome(tuple(consistent[0]), len(found))
        return Outcome(
            None,
            len(found),
            f"the digits can be read as {count} numbers in {len(found)} ways, "
            f"{len(consistent)} of them consistent with the row's totals",
        )
    return Outcome(None, len(found), f"the digits can be read as {count} numbers in {len(found)} ways")
