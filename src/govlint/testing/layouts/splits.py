"""How many ways digits run together can be read back as a row's cells (the crawled layout's oracle).

A crawled page prints a row's cells with no separator, or with spaces between some of them
(``一、本年新收政府信息公开申请数量 10 0 00 0 1``).  Spaces always separate cells; adjacent digits may or
may not.  A reader may split such a row only when exactly one split has the right number of cells and
satisfies the row's own arithmetic (issue #2); :func:`count_splits` counts the splits (up to 2).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from govlint.schema import TableSpec, fold

_NUMBER = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
MAX_DIGITS = 8

Check = Callable[[Sequence[Decimal]], bool]


def applications_row(values: Sequence[Decimal]) -> bool:
    """R3.1: the seventh cell is the sum of the six applicant cells."""
    return values[6] == sum(values[:6])


def review_row(values: Sequence[Decimal]) -> bool:
    """R4.1 for each of the three groups of five."""
    return all(values[g + 4] == sum(values[g : g + 4]) for g in (0, 5, 10))


def no_check(values: Sequence[Decimal]) -> bool:
    return True


def described_row(spec: TableSpec, row: str) -> Check:
    """The relations of a table a plugin describes that hold within the row ``row``, on its printed cells."""
    columns = [column.key for column in spec.columns_of(row)]
    relations = [r for r in spec.relations if r.each == "row" and all(k in columns for _, k in r.terms)]

    def check(values: Sequence[Decimal]) -> bool:
        return all(r.holds([values[columns.index(k)] for _, k in r.terms]) for r in relations)

    return check


def count_splits(text: str, arity: int, check: Check = no_check, limit: int = 2) -> int:
    """The number of ways (at most ``limit``) to read ``text`` as ``arity`` numbers satisfying ``check``."""
    chunks = fold(text).split()
    found = 0

    def walk(chunk_index: int, pos: int, values: list[Decimal]) -> None:
        nonlocal found
        if found >= limit:
            return
        if chunk_index == len(chunks):
            if len(values) == arity and check(values):
                found += 1
            return
        chunk = chunks[chunk_index]
        if pos == len(chunk):
            walk(chunk_index + 1, 0, values)
            return
        if len(values) >= arity:
            return
        for end in range(pos + 1, min(len(chunk), pos + MAX_DIGITS) + 1):
            piece = chunk[pos:end]
            if _NUMBER.fullmatch(piece):
                values.append(Decimal(piece))
                walk(chunk_index, end, values)
                values.pop()

    walk(0, 0, [])
    return found
