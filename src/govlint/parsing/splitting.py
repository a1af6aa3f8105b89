"""Split digits that a crawler ran together (``本年新收政府信息公开申请数量291000030``) into cells.

A reading cuts every digit group (digits between spaces) into one or more numbers.  Only readings with
exactly as many numbers as the row has columns count; no multi-digit number may start with 0; a sign may
only open a signed column (``本年增/减``), decimals only an amount, a printed unit only a column of its kind.
One reading: it is taken.  Several: the row's own sums (a total equals the sum of its parts) must leave
exactly one; otherwise the row is ambiguous and no value is guessed.

The readings that respect the sums are searched with each total forced to the sum of the parts read
before it, so that long rows (fifteen cells of section 四, totals in the thousands) stay cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from govlint.model import Number, Problem
from govlint.parsing.numbers import number_value
from govlint.schema import CELL_UNITS, ValueKind, fold

_AMOUNT_UNITS = frozenset({"元", "万元"})
#: Readings are counted up to this many; beyond it a row is "read in too many ways".
MAX_READINGS = 2000
#: A search gives up after this many steps (a pathological row of dozens of digits): too many ways.
MAX_STEPS = 100_000

#: A row's sums: (total column, the columns it adds up), every part before its total.
Sums = Sequence[tuple[int, Sequence[int]]]
#: The row's other relations (a part at most its whole, cells zero together): whether a reading keeps them.
Accept = Callable[[Sequence[Number]], bool]


class Part(NamedTuple):
    """One number of a reading: its value, where its digits are printed, and whether it was split off."""

    value: Number
    start: int
    end: int
    unit: str | None
    split: bool
    signed: bool
    decimal: bool


class SplitResult(NamedTuple):
    """The result of splitting a row: the reading taken, or why none was."""

    parts: tuple[Part, ...] | None
    readings: int
    problem: Problem | None = None


def _problem(zh: str, en: str) -> Problem:
    return Problem("digits", zh, en)


class _Group(NamedTuple):
    start: int
    sign: str
    digits: str
    decimals: str | None
    unit: str | None
    digits_start: int


#: A cut of a reading: group index, first and last digit (offsets in the group's digits).
_Cut = tuple[int, int, int]


_UNITS = "|".join(re.escape(unit) for unit in CELL_UNITS)
#: A digit group: sign, digits, decimals, unit.
_GROUP_RE = re.compile(rf"(?P<sign>[+-]?)(?P<digits>\d+)(?:\.(?P<decimals>\d+))?(?P<unit>{_UNITS})?")


@lru_cache(maxsize=2048)
def _group_shape(text: str) -> tuple[str, str, str | None, str | None, int] | None:
    match = _GROUP_RE.fullmatch(fold(text))
    if match is None:
        return None
    return match.group("sign"), match.group("digits"), match.group("decimals"), match.group("unit"), match.start(2)


def parse_groups(pieces: Sequence[tuple[str, int]]) -> list[_Group] | None:
    """Digit groups from printed pieces ``(text, offset)``; None when a piece is not a number."""
    groups = []
    for text, offset in pieces:
        shape = _group_shape(text)
        if shape is None:
            return None
        sign, digits, decimals, unit, digits_at = shape
        groups.append(_Group(offset, sign, digits, decimals, unit, offset + digits_at))
    return groups


class _Search:
    """Depth-first search of the readings of a row, optionally forcing each total to its parts' sum."""

    def __init__(
        self,
        groups: Sequence[_Group],
        kinds: Sequence[ValueKind],
        sums: Sums | None,
        limit: int,
        accept: Accept | None = None,
    ) -> None:
        self.groups = groups
        self.accept = accept
        self.kinds = kinds
        self.totals = {total: tuple(parts) for total, parts in sums} if sums is not None else {}
        self.part_of = {part for parts in self.totals.values() for part in parts}
        self.limit = limit
        self.found: list[list[_Cut]] = []
        self.count = 0
        self.after = [sum(len(g.digits) for g in groups[i + 1 :]) for i in range(len(groups))]
        needed = [_min_parts(g.digits) for g in groups]
        self.needed_after = [sum(needed[i + 1 :]) for i in range(len(groups))]
        self.cuts: list[_Cut] = []
        self.values: list[Number] = []
        self.steps = 0

    @property
    def exhausted(self) -> bool:
        """True when the search stopped before seeing every reading."""
        return self.steps > MAX_STEPS or self.count >= self.limit

    def run(self) -> None:
        if self.groups:
            self._step(0, 0)

    def _step(self, group: int, pos: int) -> None:
        self.steps += 1
        if self.count >= self.limit or self.steps > MAX_STEPS:
            return
        column = len(self.cuts)
        if column == len(self.kinds):
            if group == len(self.groups) and (self.accept is None or self.accept(self.values)):
                self.count += 1
                if len(self.found) < 2:
                    self.found.append(list(self.cuts))
            return
        if group == len(self.groups):
            return
        digits = self.groups[group].digits
        left = len(self.kinds) - column
        if len(digits) - pos + self.after[group] < left:
            return  # too few digits left for the columns left
        if _min_parts(digits, pos) + self.needed_after[group] > left:
            return  # too many groups (or zeros, each its own cell) left for the columns left
        if column in self.totals:
            required = str(sum(self.values[p] for p in self.totals[column]))
            if digits.startswith(required, pos):
                self._take(group, pos, pos + len(required))
            return
        longest = 1 if digits[pos] == "0" else len(digits) - pos
        if column in self.part_of:
            # the total printed later has at least as many digits as this part
            longest = min(longest, (len(digits) - pos + self.after[group] - (left - 1)) // 2 + 1)
        for end in range(pos + 1, pos + longest + 1):
            self._take(group, pos, end)

    def _take(self, group: int, pos: int, end: int) -> None:
        g = self.groups[group]
        first, last = pos == 0, end == len(g.digits)
        kind = self.kinds[len(self.cuts)]
        if first and g.sign and kind != "signed":
            return
        if last and g.decimals is not None and kind != "amount":
            return
        if last and g.unit is not None and (g.unit in _AMOUNT_UNITS) != (kind == "amount"):
            return
        self.cuts.append((group, pos, end))
        self.values.append(_value(g, pos, end))
        if last:
            self._step(group + 1, 0)
        else:
            self._step(group, end)
        self.cuts.pop()
        self.values.pop()


def _min_parts(digits: str, pos: int = 0) -> int:
    """The fewest numbers ``digits[pos:]`` can be read as: every leading zero is a number of its own."""
    end = len(digits)
    start = pos
    while pos < end and digits[pos] == "0":
        pos += 1
    return pos - start + (1 if pos < end else 0)


def _value(group: _Group, pos: int, end: int) -> Number:
    first, last = pos == 0, end == len(group.digits)
    return number_value(group.sign if first else "", group.digits[pos:end], group.decimals if last else None)


def _parts(groups: Sequence[_Group], cuts: Sequence[_Cut]) -> tuple[Part, ...]:
    parts = []
    for index, pos, end in cuts:
        g = groups[index]
        first, last = pos == 0, end == len(g.digits)
        start = g.start if first else g.digits_start + pos
        stop = g.digits_start + end
        if last:
            stop += (len(g.decimals) + 1 if g.decimals is not None else 0) + len(g.unit or "")
        parts.append(
            Part(
                _value(g, pos, end),
                start,
                stop,
                g.unit if last else None,
                not (first and last),
                first and bool(g.sign),
                last and g.decimals is not None,
            )
        )
    return tuple(parts)


def split_row(
    pieces: Sequence[tuple[str, int]], kinds: Sequence[ValueKind], sums: Sums | None, accept: Accept | None = None
) -> SplitResult:
    """Read run-together ``pieces`` (printed text and offset of each digit group) as ``len(kinds)`` numbers;
    several readings are narrowed by the row's ``sums`` and its other relations (``accept``)."""
    count = len(kinds)
    groups = parse_groups(pieces)
    if groups is None:
        return SplitResult(None, 0, Problem("text", "连写数字中夹有文字", "text among the run-together digits"))
    if sum(len(g.digits) for g in groups) == count and not any(g.sign or g.decimals or g.unit for g in groups):
        # one digit per cell, the common case of crawled tables ("0000000"): the only reading
        cuts = [(n, i, i + 1) for n, g in enumerate(groups) for i in range(len(g.digits))]
        return SplitResult(_parts(groups, cuts), 1)
    every = _Search(groups, kinds, None, MAX_READINGS + 1)
    every.run()
    too_many = _problem(
        f"连写数字拆成 {count} 个数值的方式过多", f"the digits can be read as {count} numbers in too many ways"
    )
    if every.exhausted and sums is None and accept is None:
        return SplitResult(None, every.count, too_many)
    if every.count == 1 and not every.exhausted:
        return SplitResult(_parts(groups, every.found[0]), 1)
    if every.count == 0:
        digits = sum(len(g.digits) for g in groups)
        return SplitResult(
            None,
            0,
            _problem(f"{digits} 位数字无法拆成 {count} 个数值", f"{digits} digits cannot be read as {count} numbers"),
        )
    ways_zh = f"{every.count} 种" if not every.exhausted else f"超过 {MAX_READINGS} 种"
    ways_en = f"{every.count} ways" if not every.exhausted else f"more than {MAX_READINGS} ways"
    if sums is None and accept is None:
        return SplitResult(
            None,
            every.count,
            _problem(
                f"连写数字拆成 {count} 个数值有 {ways_zh}方式",
                f"the digits can be read as {count} numbers in {ways_en}",
            ),
        )
    consistent = _Search(groups, kinds, sums, 2, accept)
    consistent.run()
    if consistent.steps > MAX_STEPS:
        return SplitResult(None, every.count, too_many)
    if len(consistent.found) == 1:
        return SplitResult(_parts(groups, consistent.found[0]), every.count)
    agree_zh = "没有一种" if not consistent.found else "不止一种"
    agree_en = "none" if not consistent.found else "more than one"
    return SplitResult(
        None,
        every.count,
        _problem(
            f"连写数字拆成 {count} 个数值有 {ways_zh}方式，{agree_zh}符合本行合计",
            f"the digits can be read as {count} numbers in {ways_en}, {agree_en} consistent with the row's totals",
        ),
    )
