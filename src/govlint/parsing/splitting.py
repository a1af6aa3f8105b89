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
from typing import NamedTuple

from govlint.model import Number
from govlint.parsing.numbers import number_value
from govlint.schema import CELL_UNITS, ValueKind, fold

_GROUP = re.compile(
    r"(?P<sign>[+-]?)(?P<digits>\d+)(?:\.(?P<decimals>\d+))?(?P<unit>"
    + "|".join(re.escape(unit) for unit in CELL_UNITS)
    + ")?"
)
_AMOUNT_UNITS = frozenset({"元", "万元"})
#: Beyond this many candidate readings a row is reported ambiguous without enumerating further.
MAX_READINGS = 2000


class Part(NamedTuple):
    """One number of a reading: its value, where its digits are printed, and whether it was split off."""

    value: Number
    start: int
    end: int
    unit: str | None
    split: bool
    signed: bool
    decimal: bool


class Outcome(NamedTuple):
    """The result of splitting a row: the reading taken, or why none was."""

    parts: tuple[Part, ...] | None
    readings: int
    problem: str | None = None


Check = Callable[[Sequence[Number]], bool]


class _Group(NamedTuple):
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


#: A number of a reading before it becomes a :class:`Part`: its group, its digits, first/last of the group.
_Piece = tuple[int, str, bool, bool]


def _readings(groups: Sequence[_Group], count: int, index: int = 0) -> Iterator[list[_Piece]]:
    if index == len(groups):
        if count == 0:
            yield []
        return
    group = groups[index]
    rest = groups[index + 1 :]
    rest_min = sum(_min_parts(g.digits) for g in rest)
    rest_max = sum(len(g.digits) for g in rest)
    low = max(_min_parts(group.digits), count - rest_max)
    high = min(len(group.digits), count - rest_min)
    for parts_here in range(low, high + 1):
        for cut in _partitions(group.digits, parts_here):
            last = len(cut) - 1
            head = [(index, digits, n == 0, n == last) for n, digits in enumerate(cut)]
            for tail in _readings(groups, count - parts_here, index + 1):
                yield head + tail


def _value(group: _Group, piece: _Piece) -> Number:
    _, digits, first, last = piece
    return number_value(group.sign if first else "", digits, group.decimals if last else None)


def _fits(groups: Sequence[_Group], reading: Sequence[_Piece], kinds: Sequence[ValueKind]) -> bool:
    for (index, _, first, last), kind in zip(reading, kinds, strict=True):
        group = groups[index]
        if first and group.sign and kind != "signed":
            return False
        if last and group.decimals is not None and kind != "amount":
            return False
        if last and group.unit is not None and (group.unit in _AMOUNT_UNITS) != (kind == "amount"):
            return False
    return True


def _parts(groups: Sequence[_Group], reading: Sequence[_Piece]) -> tuple[Part, ...]:
    parts = []
    offsets = {index: groups[index].digits_start for index in range(len(groups))}
    for piece in reading:
        index, digits, first, last = piece
        group = groups[index]
        start = group.start if first else offsets[index]
        end = offsets[index] + len(digits)
        if last:
            end += (len(group.decimals) + 1 if group.decimals is not None else 0) + len(group.unit or "")
        split = not (first and last)
        signed = first and bool(group.sign)
        decimal = last and group.decimals is not None
        parts.append(Part(_value(group, piece), start, end, group.unit if last else None, split, signed, decimal))
        offsets[index] += len(digits)
    return tuple(parts)


def split_row(pieces: Sequence[tuple[str, int]], kinds: Sequence[ValueKind], check: Check | None) -> Outcome:
    """Read run-together ``pieces`` (printed text and offset of each digit group) as ``len(kinds)`` numbers."""
    count = len(kinds)
    groups = parse_groups(pieces)
    if groups is None:
        return Outcome(None, 0, "连写数字中夹有文字 / text among the run-together digits")
    if sum(len(g.digits) for g in groups) == count and all(not (g.sign or g.decimals or g.unit) for g in groups):
        # one digit per cell, the common case of crawled tables ("0000000"): the only reading
        single = [(n, d, i == 0, i == len(g.digits) - 1) for n, g in enumerate(groups) for i, d in enumerate(g.digits)]
        return Outcome(_parts(groups, single), 1)
    found: list[list[_Piece]] = []
    for tried, reading in enumerate(_readings(groups, count)):
        if tried > MAX_READINGS:
            problem = (
                f"连写数字拆成 {count} 个数值的方式过多 / the digits can be read as {count} numbers in too many ways"
            )
            return Outcome(None, len(found), problem)
        if _fits(groups, reading, kinds):
            found.append(reading)
    if not found:
        digits = sum(len(g.digits) for g in groups)
        return Outcome(
            None, 0, f"{digits} 位数字无法拆成 {count} 个数值 / {digits} digits cannot be read as {count} numbers"
        )
    if len(found) == 1:
        return Outcome(_parts(groups, found[0]), 1)
    if check is not None:
        consistent = [r for r in found if check([_value(groups[p[0]], p) for p in r])]
        if len(consistent) == 1:
            return Outcome(_parts(groups, consistent[0]), len(found))
        return Outcome(
            None,
            len(found),
            f"连写数字拆成 {count} 个数值有 {len(found)} 种方式，其中 {len(consistent)} 种符合本行合计 / "
            f"the digits can be read as {count} numbers in {len(found)} ways, "
            f"{len(consistent)} of them consistent with the row's totals",
        )
    return Outcome(
        None,
        len(found),
        f"连写数字拆成 {count} 个数值有 {len(found)} 种方式 / "
        f"the digits can be read as {count} numbers in {len(found)} ways",
    )
