"""Lines of numbers that no row of a table claims: the evidence that a table was not read whole.

A standard row that the parser did not find is either absent from the report or present in a shape the
parser could not read (a label wrapped over several lines of a narrow PDF column, a label a converter cut).
The two look alike in the AST; they differ in the text: a row that is there still prints its values.  So
before a rule says that a row is *missing* (GL104), it asks whether the table's section prints lines of
numbers that no read row or cell covers.  If it does, the missing rows may be among them: they are unread,
not missing, and the rule says so once instead of accusing the report row by row.  Lines on which an unread
row stands (a row found whose values could not be placed) are that row's GL108 finding, and are not named
again.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import attrs

from govlint.model import Report, Section, Span, Table
from govlint.records import Record
from govlint.rule import RuleContext
from govlint.schema import PAGE_NUMBER

#: A number standing alone between spaces or a Markdown table's pipes (``|0|0|``: pymupdf4llm), or at a line's
#: ends, in ASCII or full-width digits.
_NUMBER = re.compile(r"(?<![^\s|])[0-9０-９]+(?:[.．][0-9０-９]+)?(?![^\s|])")
#: How many lone numbers make a line of table values whatever else it prints (prose rarely prints three apart).
MIN_VALUES = 3
#: How many characters besides its lone numbers a line of fewer values may print (a label's fragment, such
#: as ``3.补正后申`` or ``规章``) and still be a line of table values rather than a sentence.
MAX_LABEL_REST = 6


def stray_value_lines(report: Report, where: Table | Section, ctx: RuleContext) -> tuple[Span, ...]:
    """The lines of the section holding ``where`` (a table read, or the section a table was not found in)
    that print table values (:func:`_prints_values`) and that no read row or cell of any table covers (a
    fragment the parser left unplaced counts as stray); line spans, in order.  Each section is scanned once
    per report and context: GL103, GL104 and GL303 ask about the same section."""
    if where.span is None:
        return ()
    return ctx.shared(report, StrayLines).within(_section_bounds(report, where.span.start))


@attrs.define(repr=False, eq=False)
class StrayLines(Record):
    """The stray value lines of one report, scanned section by section as rules ask (most reports lack no
    row, and no rule asks); shared through :meth:`RuleContext.shared`.  Threads may at worst scan a section
    twice, with the same result."""

    report: Report
    _by_section: dict[tuple[int, int], tuple[Span, ...]] = attrs.field(factory=dict, init=False)

    def within(self, bounds: tuple[int, int]) -> tuple[Span, ...]:
        """The stray lines of the section ``[lo, hi)``."""
        found = self._by_section.get(bounds)
        if found is None:
            found = self._by_section[bounds] = _scan(self.report, *bounds)
        return found


def _scan(report: Report, lo: int, hi: int) -> tuple[Span, ...]:
    """The lines in ``[lo, hi)`` that print values no read row or cell covers.  A scan of ``report.text``: the
    values no row claims are in no node."""
    starts, ends = _covered(report, lo, hi)
    text = report.text
    strays = []
    start = lo
    while start < hi:
        stop = text.find("\n", start, hi)
        end = hi if stop == -1 else stop
        if _prints_values(text[start:end]) and not _overlaps(starts, ends, start, end):
            strays.append(report.span(start, end))
        start = end + 1
    return tuple(strays)


def beyond_unread_rows(report: Report, strays: tuple[Span, ...]) -> tuple[Span, ...]:
    """The stray lines on which no unread row stands: an unread row's lines are GL108's finding already, so
    a finding about the rest names each line once (one finding per unread row, not two)."""
    unread: set[int] = set()
    for table in report.tables.values():
        for row in table.rows.values():
            if row.problem is not None and row.span is not None:
                unread.update(range(row.span.line, row.span.end_line + 1))
    return tuple(span for span in strays if span.line not in unread)


def _prints_values(line: str) -> bool:
    """Whether ``line`` looks like (part of) a row of table values: many lone numbers, or a few beside at
    most a label's fragment; a page footer is not."""
    found = len(_NUMBER.findall(line))
    if found >= MIN_VALUES:
        return True
    if not found or is_page_number(line.strip()):
        return False
    rest = _NUMBER.sub("", line)
    return sum(not c.isspace() for c in rest) <= MAX_LABEL_REST


def is_page_number(line: str) -> bool:
    """Whether a stripped line is a page's number (``- 3 -``, ``第3页``, ``3/12``): a lone number that is not a
    value.  A bare number is not taken for one here: it may be a value of a table printed a cell a line."""
    return not line.isdecimal() and PAGE_NUMBER.fullmatch(line) is not None


def _section_bounds(report: Report, offset: int) -> tuple[int, int]:
    """The extent of the section holding ``offset``: from its heading to the next heading (or the text's
    ends when no heading precedes or follows)."""
    lo, hi = 0, len(report.text)
    for section in report.sections:
        if section.span.start <= offset:
            lo = section.span.start
        elif section.span.start < hi:
            hi = section.span.start
            break
    return lo, hi


def _covered(report: Report, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """The regions inside ``[lo, hi)`` that a read row (or its cells) of any table holds, merged and sorted (their
    starts and ends), so that each line is looked up by bisection."""
    regions: list[tuple[int, int]] = []
    for table in report.tables.values():
        for row in table.rows.values():
            if row.problem is not None:
                continue  # an unread row may have swallowed the values of rows not found: its lines are stray
            spans = [row.span, *(cell.span for cell in row.cells.values())]
            regions.extend((s.start, s.end) for s in spans if s is not None and s.start < hi and lo < s.end)
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(regions):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` meets one of the merged regions."""
    i = bisect_left(starts, end) - 1
    return i >= 0 and ends[i] > start
