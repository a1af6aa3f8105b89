"""The typed AST of a report.

Every node is a frozen attrs class and carries a :class:`Span` in the original text, so that a diagnostic
can point to the exact number or heading.  Values are plain data: ints, :class:`decimal.Decimal`, strings,
dates; :func:`govlint.serialize.report_to_dict` turns a :class:`Report` into the JSON contract.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Literal, cast, overload

import attrs

from govlint.records import Record
from govlint.schema import (
    FORMATS,
    SECTIONS_BY_KEY,
    FormatSpec,
    PartSpec,
    SectionKey,
    TableSpec,
    cell_keys_of,
    expected_format,
    row_keys_of,
    unknown_key,
)

if TYPE_CHECKING:  # the standard tables with their keys typed: for the type checker only
    from govlint.tablekeys import ActiveDisclosureTable, ApplicationsTable, ReviewLitigationTable

FormatName = Literal["2021", "2019", "unknown"]
#: How a cell's value (or its emptiness) was placed; see docs/parsing.md, "Evidence".
#: ``grid``: a structured source's table cell; ``count``: the row prints as many cells as it has columns;
#: ``columns``: column positions proven by the table's aligned tabs, pipes or character columns;
#: ``arithmetic``: a split of run-together digits that only one reading (with the row's sums) allows.
Evidence = Literal["grid", "count", "columns", "arithmetic"]


@attrs.frozen(repr=False)
class Origin(Record):
    """Where a span lies in a structured source (PDF page, Word or HTML table cell), when known."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    #: The line and column of the file the text from here on starts at, when the text's lines are not the
    #: file's: a Markdown file's HTML table, one line of the file, is written a line per row
    #: (:mod:`govlint.sources.markdown`).  Spans take their line and column from these, never their origin.
    source_line: int | None = None
    source_column: int | None = None


@attrs.frozen(repr=False)
class Span(Record):
    """A region of the decoded text: offsets and 1-based line/column, columns counted in code points."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    origin: Origin | None = None


#: An origin map: sorted ``(offset, Origin)`` pairs; the text from ``offset`` up to the next pair came from that
#: place.  An empty ``Origin()`` marks text without a structured place (a paragraph after a table).
Origins = Sequence[tuple[int, Origin]]
_NO_ORIGIN = Origin()
_UNSET = -1  # a field of an Origin that is None, in an OriginMap
_NEWLINE = re.compile("\n")


class OriginMap(Sequence[tuple[int, Origin]]):
    """An origin map kept as arrays of machine integers (the offsets; pages, tables, rows and columns), each
    pair made when asked for: a tuple and an :class:`Origin` per table cell took about 160 bytes a cell, and a
    large web page or PDF has hundreds of thousands of cells (docs/performance.md, "Memory per reader")."""

    __slots__ = ("_fields", "_sources", "offsets")

    def __init__(self, pairs: Iterable[tuple[int, Origin]] = ()) -> None:
        #: The offsets, in order (what :func:`bisect.bisect_right` searches).
        self.offsets = array("q")
        self._fields = (array("i"), array("i"), array("i"), array("i"))
        #: The file's lines and columns (:attr:`Origin.source_line`), kept only once a pair has one: a PDF's
        #: hundreds of thousands of cells never do.
        self._sources: tuple[array[int], array[int]] | None = None
        for offset, origin in pairs:
            self.append(offset, origin)

    def append(self, offset: int, origin: Origin) -> None:
        """Add the place the text from ``offset`` on came from (after every offset already in the map)."""
        self.offsets.append(offset)
        for field, value in zip(self._fields, (origin.page, origin.table, origin.row, origin.column), strict=True):
            field.append(_UNSET if value is None else value)
        if origin.source_line is not None or self._sources is not None:
            if self._sources is None:
                before = len(self.offsets) - 1
                self._sources = (array("q", [_UNSET]) * before, array("q", [_UNSET]) * before)
            lines, columns = self._sources
            lines.append(_UNSET if origin.source_line is None else origin.source_line)
            columns.append(_UNSET if origin.source_column is None else origin.source_column)

    def pop(self) -> None:
        """Drop the last pair."""
        self.offsets.pop()
        for field in (*self._fields, *(self._sources or ())):
            field.pop()

    @property
    def sourced(self) -> bool:
        """Whether some text's lines are not the file's (:attr:`Origin.source_line`)."""
        return self._sources is not None

    def source(self, index: int) -> tuple[int, int] | None:
        """The file's (line, column) the text of the ``index``-th pair starts at, when it says."""
        if self._sources is None:
            return None
        lines, columns = self._sources
        return None if lines[index] == _UNSET else (lines[index], columns[index])

    def __len__(self) -> int:
        return len(self.offsets)

    @overload
    def __getitem__(self, index: int) -> tuple[int, Origin]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, Origin]]: ...

    def __getitem__(self, index: int | slice) -> tuple[int, Origin] | list[tuple[int, Origin]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        place = self.place(index) or _NO_ORIGIN
        if self._sources is not None and (source := self.source(index)) is not None:
            place = attrs.evolve(place, source_line=source[0], source_column=source[1])
        return self.offsets[index], place

    def place(self, index: int) -> Origin | None:
        """The place of the ``index``-th pair (its page, table, row and cell, not its :meth:`source`), or None
        for text without one (an empty ``Origin()``)."""
        pages, tables, rows, columns = self._fields
        page, table, row, column = pages[index], tables[index], rows[index], columns[index]
        if page == table == row == column == _UNSET:
            return None
        return Origin(
            None if page == _UNSET else page,
            None if table == _UNSET else table,
            None if row == _UNSET else row,
            None if column == _UNSET else column,
        )

    def cell(self, index: int) -> tuple[int, int | None, int] | None:
        """(table, row, column) of the ``index``-th pair when it is a table cell's, else None."""
        _, tables, rows, columns = self._fields
        table, column = tables[index], columns[index]
        if _UNSET in (table, column):
            return None
        row = rows[index]
        return table, None if row == _UNSET else row, column

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))


class Positions:
    """One text's position index: offsets to 1-based lines and columns, and :class:`Span` objects that keep
    the source's page, table, row and cell (the only place spans are made: parser and rules alike).  ``line``
    is the line of the file the text starts on (a compilation's report: its lines are the file's)."""

    __slots__ = ("_length", "_line", "_map", "_offsets", "_origins", "_sourced", "_starts", "first_line")

    def __init__(self, text: str, origins: Origins = (), *, line: int = 1) -> None:
        #: The line of the file the text starts on.
        self.first_line = line
        #: Where each line starts: at 0 and after each newline (machine integers, not a list of ints: a large
        #: report has a line every few characters).
        self._starts = array("q", [0])
        self._starts.extend(map(re.Match.end, _NEWLINE.finditer(text)))
        #: The line the last span started on: spans are mostly made in printed order, a row's cells on one
        #: line, so the next one is looked for there first (a hint, checked before use).
        self._line = 0
        self._length = len(text)
        self._origins = origins
        self._map = origins if isinstance(origins, OriginMap) else None
        self._offsets = origins.offsets if isinstance(origins, OriginMap) else [offset for offset, _ in origins]
        #: Whether some text's lines are not the file's (a Markdown file's HTML tables): spans then take
        #: the file's line and column from the origin map (:attr:`Origin.source_line`).
        self._sourced = isinstance(origins, OriginMap) and origins.sourced

    @property
    def has_origins(self) -> bool:
        """True when the source says where its text came from (PDF pages, Word and HTML tables)."""
        return bool(self._origins)

    def origin(self, offset: int) -> Origin | None:
        """Where the character at ``offset`` came from, or None when the source does not say."""
        index = bisect_right(self._offsets, offset) - 1
        if index < 0:
            return None
        if self._map is not None:
            return self._map.place(index)
        origin = self._origins[index][1]
        return None if origin == _NO_ORIGIN else origin

    def cell(self, offset: int) -> tuple[int, int | None, int] | None:
        """(table, row, column) of the source table cell the character at ``offset`` came from, or None (a
        paragraph, a source without origins): what :meth:`origin` says of a table cell, without its record."""
        if self._map is None:
            origin = self.origin(offset)
            if origin is None or origin.table is None or origin.column is None:
                return None
            return origin.table, origin.row, origin.column
        index = bisect_right(self._offsets, offset) - 1
        return None if index < 0 else self._map.cell(index)

    @property
    def origins(self) -> Origins:
        """The source's origin map this index was made with."""
        return self._origins

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``."""
        line = bisect_right(self._starts, offset) - 1
        return line + self.first_line, offset - self._starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` (clamped to the text) with the origin of its first character."""
        length = self._length  # clamped by comparisons: a parse makes a span for every cell and label
        start = 0 if start < 0 else length if start > length else start
        end = length if end > length else start if end < start else end
        if self._sourced:  # lines not all the file's: the ends placed in the file, the end after its last character
            line, column = self._in_file(start)
            end_line, end_column = self._in_file(end - 1) if end > start else (line, column - 1)
            return Span(start, end, line, column, end_line, end_column + 1, self.origin(start))
        starts = self._starts
        last = len(starts) - 1
        line = self._line
        if start < starts[line] or (line < last and start >= starts[line + 1]):
            line = bisect_right(starts, start) - 1
            self._line = line
        line_start = starts[line]
        if line < last and end >= starts[line + 1]:
            end_line, end_column = self.position(end)
        else:  # on the same line, as nearly every cell and label
            end_line, end_column = line + self.first_line, end - line_start + 1
        if not self._offsets:
            origin = None
        elif self._map is not None:
            index = bisect_right(self._offsets, start) - 1
            origin = self._map.place(index) if index >= 0 else None
        else:
            origin = self.origin(start)
        return Span(start, end, line + self.first_line, start - line_start + 1, end_line, end_column, origin)

    def _in_file(self, offset: int) -> tuple[int, int]:
        """The file's (line, column) of ``offset``: counted from the start of its piece of the origin map
        when the piece says where it starts in the file, else the text's own."""
        line, column = self.position(offset)
        index = bisect_right(self._offsets, offset) - 1
        source = cast("OriginMap", self._origins).source(index) if index >= 0 else None
        if source is None:
            return line, column
        piece = self._offsets[index]
        piece_line = self.position(piece)[0]
        if line == piece_line:
            return source[0], source[1] + offset - piece
        return source[0] + line - piece_line, column


class PiecePositions(Positions):
    """The position index of a piece of a report's text that is kept without the rest (a section body of a
    run-level digest, with the origins of that piece, offsets counted from the piece's start): the spans it
    makes are the report's (offsets, lines, columns) and keep the page, table, row and cell."""

    __slots__ = ("_at",)

    def __init__(self, text: str, origins: Origins = (), *, at: Span) -> None:
        super().__init__(text, origins)
        #: Where the piece begins in the report.
        self._at = at

    def span(self, start: int, end: int) -> Span:
        """The span of ``report.text[start:end]`` (offsets of the report, clamped to the piece)."""
        at = self._at
        local = super().span(start - at.start, end - at.start)
        if self._sourced:  # the file's lines and columns already (:meth:`_in_file`)
            return Span(
                local.start + at.start,
                local.end + at.start,
                local.line,
                local.column,
                local.end_line,
                local.end_column,
                local.origin,
            )
        column = local.column + (at.column - 1 if local.line == 1 else 0)
        end_column = local.end_column + (at.column - 1 if local.end_line == 1 else 0)
        return Span(
            local.start + at.start,
            local.end + at.start,
            local.line + at.line - 1,
            column,
            local.end_line + at.line - 1,
            end_column,
            local.origin,
        )

    def _in_file(self, offset: int) -> tuple[int, int]:
        """As :meth:`Positions._in_file`, a piece without its place in the file counted from the piece's."""
        index = bisect_right(self._offsets, offset) - 1
        if index >= 0 and cast("OriginMap", self._origins).source(index) is not None:
            return super()._in_file(offset)
        line, column = self.position(offset)
        at = self._at
        return line + at.line - 1, column + (at.column - 1 if line == 1 else 0)


class CellStatus(str, Enum):
    """How a cell's value was read."""

    OK = "ok"  #: a number printed in its column
    INFERRED = "inferred"  #: split from digits run together, unique by the row's arithmetic
    EMPTY = "empty"  #: nothing, or a placeholder such as "/", "-", "—"
    UNREADABLE = "unreadable"  #: text where a number belongs
    AMBIGUOUS = "ambiguous"  #: unread: the row's values could not be placed on evidence; this cell is unknown


Number = int | Decimal


@attrs.frozen(repr=False)
class Cell(Record):
    """One table cell, addressed by its row and column keys.

    ``value`` is None unless the cell holds a readable number; ``raw`` is the text as printed.
    """

    row: str
    column: str
    value: Number | None
    status: CellStatus
    raw: str = ""
    span: Span | None = None
    #: A unit printed inside the cell (e.g. "元" in 2019 采购总金额), kept as printed.
    unit: str | None = None
    #: How the value (or the emptiness) was placed; None for a cell that was not read (AMBIGUOUS).
    evidence: Evidence | None = None

    @property
    def key(self) -> str:
        return f"{self.row}.{self.column}"

    @property
    def readable(self) -> bool:
        return self.value is not None


@attrs.frozen(repr=False)
class Problem(Record):
    """Why a row (or a table) could not be read: a short machine word and the reason in Chinese and English.

    ``kind`` is one of ``too-many-values``, ``too-few-values``, ``no-values``, ``digits`` (run-together
    digits with several readings or none) and ``text`` (text where the numbers belong).
    """

    kind: str
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


@attrs.frozen(repr=False)
class TableRow(Record):
    """A data row: its key, the label as printed and its cells by column key."""

    key: str
    label: str
    span: Span | None
    cells: Mapping[str, Cell]
    #: Why the row could not be read (GL108, zh / en), or None; every cell of such a row is AMBIGUOUS.
    problem: Problem | None = None
    #: The number of values printed in the row (may differ from the number of columns).
    value_count: int = 0


@attrs.frozen(repr=False)
class Header(Record):
    """A column label as the table prints it: its column key, the text and where it stands."""

    key: str
    text: str
    span: Span
    #: The unit the header prints in parentheses, after its label or as part of it (``通知收取金额（元）``,
    #: ``本年收费金额（单位：万元）``), folded (full-width forms as ASCII); None when it prints none.
    unit: str | None = None
    #: Where that unit is printed (a finding about the unit points at it).
    unit_span: Span | None = None


@attrs.frozen(repr=False)
class Note(Record):
    """A note a table prints among its labels (table 三's corner note ``（本列数据的勾稽关系为：…）``): the text as
    printed and where it stands."""

    text: str
    span: Span


@attrs.frozen(repr=False)
class Table(Record):
    """A table read from a report (one of the standard three, or one a plugin describes); ``key`` is its
    spec's id, ``rows`` maps row keys to rows in printed order."""

    key: str
    span: Span | None
    rows: Mapping[str, TableRow]
    #: For section 二: the 第二十条 items whose caption or rows were found (1, 5, 6, 8, 9).
    parts: tuple[int, ...] = ()
    #: The column labels printed, by column key; a column printed under several sub-tables or groups (第二十条's
    #: 处理决定数量, table 四's 结果纠正) by its first printing.
    headers: Mapping[str, Header] = attrs.field(factory=dict)
    #: The notes the table prints, in printed order.
    notes: tuple[Note, ...] = ()

    def row(self, key: str) -> TableRow | None:
        """The row ``key`` (``denied.state_secret``), or None when the report lacks it.

        A key that this standard table has in no format (a typo) raises KeyError naming the nearest keys.
        """
        found = self.rows.get(key)
        if found is None and key not in (known := row_keys_of(self.key)) and known:
            raise unknown_key(key, known, f"table {self.key}")
        return found

    def parts_present(self, parts: Sequence[PartSpec]) -> set[int]:
        """Which of the 第二十条 sub-tables ``parts`` this table prints: by its caption or by a row of it."""
        return set(self.parts) | {part.item for part in parts if any(row.key in self.rows for row in part.rows)}

    def cell(self, key: str) -> Cell | None:
        """The cell at "row.column" (``denied.state_secret.total``), or None when the report lacks it.

        A key that this standard table has in no format (a typo) raises KeyError naming the nearest keys.
        """
        row, _, column = key.rpartition(".")
        found = self.rows.get(row)
        cell = None if found is None else found.cells.get(column)
        if cell is None and key not in (known := cell_keys_of(self.key)) and known:
            raise unknown_key(key, known, f"table {self.key}")
        return cell

    def value(self, key: str) -> Number | None:
        cell = self.cell(key)
        return None if cell is None else cell.value


@attrs.frozen(init=False, repr=False)
class Tables(Record, Mapping[str, Table]):
    """The tables read from a report, by table id (``report.tables["applications"]``), the standard three
    also as attributes (``report.tables.applications``, None when the report has no such table), whose row
    and cell keys a type checker knows (:mod:`govlint.tablekeys`).  A table a plugin describes sits here
    under its own id."""

    by_id: Mapping[str, Table]

    def __init__(self, tables: Mapping[str, Table | None] | None = None, /, **by_id: Table | None) -> None:
        merged = {**(tables or {}), **by_id}
        self.__attrs_init__({key: table for key, table in merged.items() if table is not None})

    def __getitem__(self, key: str) -> Table:
        return self.by_id[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_id)

    def __len__(self) -> int:
        return len(self.by_id)

    @property
    def active_disclosure(self) -> ActiveDisclosureTable | None:
        """Section 二's 第二十条 table."""
        return cast("ActiveDisclosureTable | None", self.by_id.get("active_disclosure"))

    @property
    def applications(self) -> ApplicationsTable | None:
        """Section 三's applications table."""
        return cast("ApplicationsTable | None", self.by_id.get("applications"))

    @property
    def review_litigation(self) -> ReviewLitigationTable | None:
        """Section 四's review and litigation table."""
        return cast("ReviewLitigationTable | None", self.by_id.get("review_litigation"))


@attrs.frozen(repr=False)
class Section(Record):
    """A top-level section 一…六: the heading as printed and the section's text up to the next one."""

    number: int
    key: str
    title: str
    span: Span
    body: str
    body_span: Span


DateSource = Literal["metadata", "signature", "title", "body", "period"]


@attrs.frozen(repr=False)
class DateMention(Record):
    """A date as printed.  ``value`` is None when the printed date is impossible (2月30日)."""

    raw: str
    year: int
    month: int
    day: int
    span: Span
    source: DateSource
    value: dt.date | None = None


@attrs.frozen(repr=False)
class MonthMention(Record):
    """A date printed with a year and a month but no day (a 落款 of ``2025年1月``); ``month`` is None when
    the printed month is no number (``十十月``)."""

    raw: str
    year: int
    month: int | None
    span: Span


@attrs.frozen(repr=False)
class YearMention(Record):
    """A statement of the report year (in the title, the body or the statistics period)."""

    year: int
    span: Span
    source: DateSource


@attrs.frozen(repr=False)
class Period(Record):
    """The statistics period as stated (统计期限…)."""

    start: DateMention
    end: DateMention
    span: Span


@attrs.frozen(repr=False)
class Sentence(Record):
    """A sentence of the prose (the text outside the standard tables and the fragments the grammar could not
    place): what lies between sentence ends (。；！？) and the line breaks before a heading or a numbered item
    (一、 （一） 1.); a line break inside a sentence (a PDF's, a broken paragraph's) does not end it.  ``text``
    is as printed, its line breaks and leading white space included; the first sentence after a heading holds
    the heading."""

    text: str
    span: Span


#: Sentence ends, and what after a line break starts a new item (so the break ends the sentence).
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_NEW_ITEM = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]")
_SPACES = re.compile(r"\s+")


def _sentence_bounds(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[lo:hi]`` as offsets (:class:`Sentence`).  The line breaks of one run of white
    space share the item after it, so each run is judged once: a regular expression looking ahead from each
    line break took time quadratic in the blank lines (20,000 blank lines, 28 s).  The two kinds of cut are
    merged as they are found, not listed and sorted: a text of short sentences has millions."""
    ends = (end.start() for end in _SENTENCE_END.finditer(text, lo, hi))
    start = lo
    for cut in heapq.merge(ends, _item_breaks(text, lo, hi)):
        if cut > start:
            yield start, cut
        start = cut + 1
    if hi > start:
        yield start, hi


def _item_breaks(text: str, lo: int, hi: int) -> Iterator[int]:
    """The line breaks of ``text[lo:hi]`` before a new item (a heading, a numbered item), in order."""
    for run in _SPACES.finditer(text, lo, hi):
        if "\n" in run.group() and _NEW_ITEM.match(text, run.end(), hi):
            yield from (i for i in range(run.start(), run.end()) if text[i] == "\n")


class Sentences(Sequence[Sentence]):
    """Sentences of a report's prose kept as two arrays of offsets, each :class:`Sentence` made when read: a
    tuple of them took about 330 bytes a sentence (its text, span and record), ten times a text of short lines
    (docs/performance.md, "Many findings").  :meth:`offsets` gives the offsets alone, for a rule that slices
    the text itself."""

    __slots__ = ("_ends", "_positions", "_starts", "_text")

    def __init__(self, text: str, positions: Positions, bounds: Iterable[tuple[int, int]]) -> None:
        self._text = text
        self._positions = positions
        self._starts = array("q")
        self._ends = array("q")
        for start, end in bounds:
            self._starts.append(start)
            self._ends.append(end)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...

    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._sentence(self._starts[index], self._ends[index])

    def __iter__(self) -> Iterator[Sentence]:
        for start, end in self.offsets():
            yield self._sentence(start, end)

    def offsets(self) -> Iterator[tuple[int, int]]:
        """Each sentence's ``(start, end)`` in the report's text."""
        return zip(self._starts, self._ends, strict=True)

    def within(self, lo: int, hi: int) -> Sentences:
        """The sentences in ``text[lo:hi]``, each cut to it."""
        first = bisect_right(self._ends, lo)  # the ends only grow: the first sentence ending past lo
        last = bisect_left(self._starts, hi, lo=first)  # and the first starting at hi or later
        cut = ((max(self._starts[i], lo), min(self._ends[i], hi)) for i in range(first, last))
        return Sentences(self._text, self._positions, ((start, end) for start, end in cut if start < end))

    def _sentence(self, start: int, end: int) -> Sentence:
        return Sentence(self._text[start:end], self._positions.span(start, end))


@attrs.frozen(repr=False)
class MetaField(Record):
    """A metadata field of a web page (索引号, 发布日期, 发文机构 …)."""

    name: str
    value: str
    span: Span


@attrs.frozen(repr=False)
class Unplaced(Record):
    """A region the grammar could not place: a rule can report it."""

    kind: str  # "row", "numbers", "table-fragment", …
    text: str
    span: Span
    reason: str


def checked_format(fmt: str, report_year: int | None) -> FormatSpec | None:
    """The format whose layout a report is checked against: the one its tables show, or (a report with no
    standard table, format "unknown") the one its year requires (§8.3); None before 2019."""
    if fmt in FORMATS:
        return FORMATS[fmt]
    key = expected_format(report_year) if report_year is not None else None
    return FORMATS[key] if key is not None else None


#: How a report departs from the layout the grammar states (see :class:`Deviation`).
DeviationKind = Literal[
    "section-order",
    "section-repeated",
    "row-order",
    "row-repeated",
    "unexpected-label",
    "row-missing",
    "table-outside-section",
    "headings-untaken",
    "labels-untaken",
]


@attrs.frozen(repr=False)
class Deviation(Record):
    """A fact of the parse: where the report departs from the layout the grammar states (sections 一 to 六
    in order, each table's rows in the spec's order, once).  The parse never fails on one; what the
    deviation holds is still read (a row out of order keeps its cells).

    ``kind``: ``section-order`` (a heading after a later section's), ``section-repeated`` (a heading printed
    again), ``row-order`` (a row after rows the spec puts after it), ``row-repeated`` (a row printed again in
    its table), ``unexpected-label`` (a caption, header or group label where the table has no place for it:
    a garbled header, a label among the rows), ``row-missing`` (a standard row of the format the report is
    checked against that its table lacks; its span is where the row should be: the next row present, else
    the previous one, else the table), ``table-outside-section`` (a table printed outside the section its
    spec puts it in: ``key`` is the table id, ``after`` the section it is printed in, None for the preamble,
    ``text`` that section's heading as printed), ``headings-untaken`` (section headings printed past the
    limit of :data:`govlint.parsing.headings.MAX_HEADINGS`, read as prose: ``count`` of them, the first as
    ``key``, ``text`` and ``span``), ``labels-untaken`` (labels of ``table`` printed again or out of place past
    :data:`govlint.parsing.grammar.MAX_LEFT_OUT`, a table printed again and again: ``count`` of them, not
    read, the first as ``key``, ``text`` and ``span``).
    """

    kind: DeviationKind
    #: The section key (``applications``), or the table's row key, group label or header text.
    key: str
    #: The label or heading as printed ("" for a missing row).
    text: str
    span: Span
    #: The table it was printed in (None for a section heading).
    table: str | None = None
    #: For ``section-order``: the key of the later section printed before it; for ``table-outside-section``:
    #: the section the table is printed in.
    after: str | None = None
    #: For ``headings-untaken`` and ``labels-untaken``: how many were printed past the limit.
    count: int = 1


@attrs.frozen(repr=False)
class Report(Record):
    """A parsed annual report."""

    path: str
    text: str
    format: FormatName
    title: str | None = None
    title_span: Span | None = None
    agency: str | None = None
    report_year: int | None = None
    year_mentions: tuple[YearMention, ...] = ()
    publish_date: DateMention | None = None
    signature_date: DateMention | None = None
    #: A 落款 with a year and a month only (``2025年1月``), looked for when no full date signs the report.
    signature_month: MonthMention | None = None
    dates: tuple[DateMention, ...] = ()
    statistics_period: Period | None = None
    metadata: tuple[MetaField, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: Tables = Tables()
    unplaced: tuple[Unplaced, ...] = ()
    #: Where the report departs from the layout the grammar states, in printed order.
    deviations: tuple[Deviation, ...] = ()
    #: Set when the 2021 layout keeps the 2019 single (六)其他处理 row (key ``other.all``).
    mixed_format: bool = False
    #: Byte offsets of the source where an undecodable byte sequence was replaced by U+FFFD (GL003), as the
    #: source reader recorded them on its Document.
    replaced_bytes: tuple[int, ...] = ()
    #: Where the source shows an image larger than an icon (empty spans): govlint cannot read what it shows.
    images: tuple[Span, ...] = ()
    #: The tables plugins describe that the parser looked for (``govlint_tables``), besides the standard ones.
    described: tuple[TableSpec, ...] = ()
    #: The file's text when its lines are not ``text``'s (a Markdown file's HTML tables): the lines findings
    #: point at and show.  None when they are ``text``'s.
    source: str | None = attrs.field(default=None, eq=False, repr=False)
    #: The position index of ``text`` with the source's origin map (made on first use when not given).
    positions: Positions | None = attrs.field(default=None, eq=False, repr=False)
    _sentences: Sentences | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def sentences(self) -> Sentences:
        """The sentences of the prose, in printed order (found on first use: the rules that read the prose
        share them; two threads asking at once may both find them, with the same result)."""
        found = self._sentences
        if found is None:
            bounds = (bound for lo, hi in self._prose() for bound in _sentence_bounds(self.text, lo, hi))
            found = Sentences(self.text, self._positions(), bounds)
            object.__setattr__(self, "_sentences", found)  # a cache of ``text`` and the tables: the report stays
        return found

    def sentences_of(self, section: Section) -> Sentences:
        """The sentences of ``section``'s body: the prose's sentences in it, each cut to it (the first one,
        which holds the heading, starts where the body does)."""
        return self.sentences.within(section.body_span.start, section.body_span.end)

    def _prose(self) -> list[tuple[int, int]]:
        """The stretches of text outside the standard tables and the unplaced table fragments."""
        tables = self.tables
        cuts = sorted(
            (span.start, span.end)
            for span in (
                *(t.span for t in (tables.active_disclosure, tables.applications, tables.review_litigation) if t),
                *(u.span for u in self.unplaced),
            )
            if span is not None
        )
        stretches: list[tuple[int, int]] = []
        pos = 0
        for start, end in cuts:
            if start > pos:
                stretches.append((pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            stretches.append((pos, len(self.text)))
        return stretches

    def span(self, start: int, end: int) -> Span:
        """The position of ``text[start:end]``: line and column, and for a PDF, Word or HTML source its page,
        table, row and cell.  The only way rules make a position."""
        return self._positions().span(start, end)

    def _positions(self) -> Positions:
        positions = self.positions
        if positions is None:
            positions = Positions(self.text)
            object.__setattr__(self, "positions", positions)  # a cache of ``text``: the report stays the same
        return positions

    def table_spec(self, table_id: str) -> TableSpec | None:
        """The spec of the table ``table_id``: a described table's, or a standard table's in the report's
        format (2021 when the format is unknown)."""
        found = next((spec for spec in self.described if spec.id == table_id), None)
        if found is not None:
            return found
        fmt = FORMATS.get(self.format, FORMATS["2021"])
        return next((spec for spec in fmt.tables if spec.id == table_id), None)

    def section(self, key: SectionKey) -> Section | None:
        """The first section with this key, or None when the report lacks it; a key that is not one of the six
        sections' raises KeyError naming the nearest."""
        if key not in SECTIONS_BY_KEY:
            raise unknown_key(key, SECTIONS_BY_KEY, "the sections")
        return next((s for s in self.sections if s.key == key), None)
