"""Turn the text of one table region into physical rows of labels and value atoms, whatever its layout.

Layouts seen in real reports (:class:`Layout`): TAB-separated rows (spanned cells empty), PIPE rows
(Markdown), one cell per LINE (a blank line ends a row; a line holding only a tab is an empty cell),
SPACED columns from ``pdftotext -layout``, and RUN text where a crawler joined every cell of a page into
one line (``规章000行政规范性文件303``).  Each value atom keeps its position in its row (cell index, or the
character column for SPACED text), so that a short row can be placed against its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from functools import cache, lru_cache
from itertools import permutations

import attrs

from govlint.model import CellStatus
from govlint.parsing.labels import LabelHit, LabelKind, catalogue
from govlint.parsing.numbering import ends_with_numbering, starts_with_numbering
from govlint.parsing.numbers import NUMBER, is_empty, read_cell
from govlint.parsing.wrapped import spaced_cells
from govlint.records import Record
from govlint.schema import CELL_UNITS, ROW_OTHER_ALL, TableSpec, normalize_label
from govlint.schema import result_row_keys as schema_result_rows


class Layout(str, Enum):
    """How the cells of a table region are separated."""

    TAB = "tab"
    PIPE = "pipe"
    LINES = "lines"
    SPACED = "spaced"
    RUN = "run"
    #: A structured source's table row (every cell carries a table origin); set by the table builder.
    GRID = "grid"


class AtomKind(str, Enum):
    NUM = "num"  #: a number (possibly several cells run together in RUN text)
    EMPTY = "empty"  #: an explicit empty cell or a placeholder
    WORD = "word"  #: text that is not a known label
    #: No text: marks a label whose values a converter printed apart from it, in an order nothing proves
    #: (:func:`attach_detached`); the row is unread.
    APART = "apart"


class Line:
    """What the atoms of one physical row share: the text they are printed in, the row's id and its size.

    One per row rather than a copy of each in every atom: a large report has hundreds of thousands of atoms,
    all alive until its tables are built (docs/performance.md, "Memory per reader")."""

    __slots__ = ("row", "size", "text", "text_start")

    def __init__(self, text: str, text_start: int, row: int, size: int) -> None:
        #: The text the atoms' offsets point into, from ``text_start`` on (the document, or one atom's text).
        self.text = text
        self.text_start = text_start
        self.row = row
        self.size = size


class Atom:
    """One value cell as printed, with its place in its physical row.

    Offsets into the document's text, not a copy of it: ``raw`` is cut from the text when asked for.  The
    fields and ``_replace`` are those of the named tuple this class replaced (docs/performance.md).
    """

    __slots__ = ("_length", "_line", "kind", "layout", "pos", "start")

    kind: AtomKind
    start: int
    #: Cell index (TAB, PIPE, LINES), character column of the centre (SPACED), grid column (GRID); None in RUN.
    pos: float | None
    layout: Layout

    def __init__(  # noqa: PLR0917 - the fields of the named tuple this class replaced, in their order
        self,
        kind: AtomKind,
        raw: str,
        start: int,
        end: int,
        row: int,
        pos: float | None,
        row_size: int,
        layout: Layout,
    ) -> None:
        self.kind = kind
        self._line = Line(raw, start, row, row_size)
        self.start = start
        self._length = end - start
        self.pos = pos
        self.layout = layout

    @classmethod
    def on(cls, line: Line, kind: AtomKind, span: tuple[int, int], pos: float | None, layout: Layout) -> Atom:
        """The atom ``[start, end)`` (``span``) of the row ``line``, cut from the line's text."""
        atom = cls.__new__(cls)
        atom.kind = kind
        atom._line = line
        atom.start = span[0]
        atom._length = span[1] - span[0]
        atom.pos = pos
        atom.layout = layout
        return atom

    @property
    def end(self) -> int:
        return self.start + self._length

    @property
    def raw(self) -> str:
        """The cell's text as printed."""
        line = self._line
        start = self.start - line.text_start
        return line.text[start : start + self._length]

    @property
    def row(self) -> int:
        """Physical row id within the document (a line, or a block of lines in the LINES layout)."""
        return self._line.row

    @property
    def row_size(self) -> int:
        """Number of cells in the physical row (TAB, PIPE, LINES): rows of one shape share their cell positions."""
        return self._line.size

    def _replace(self, *, pos: float | None, layout: Layout) -> Atom:
        """The same cell at another position in another layout (a structured source's grid column)."""
        return Atom.on(self._line, self.kind, (self.start, self.end), pos, layout)

    def __repr__(self) -> str:
        return (
            f"Atom(kind={self.kind!r}, raw={self.raw!r}, start={self.start}, end={self.end}, row={self.row}, "
            f"pos={self.pos!r}, row_size={self.row_size}, layout={self.layout!r})"
        )


Item = LabelHit | Atom


class PhysicalRow(list[Item]):
    """The labels and atoms of one physical row, in text order, with what the lexer asks of every row."""

    __slots__ = ("detached", "first_label", "has_values", "row_id")

    def __init__(self, row_id: int) -> None:
        super().__init__()
        self.row_id = row_id
        #: Index of the first label in the row, or -1.
        self.first_label = -1
        #: True when the row prints a number, a word or a placeholder (not only blank cells).
        self.has_values = False
        #: A row of values only, printed after several labels without values, that nothing proves whose it
        #: is (a converter's Markdown, issue #10 c): it is no label's row.
        self.detached = False


_SPACE_SPLIT = re.compile(r"\S+")


#: The rule under a Markdown table's header row (``| --- | :---: |``).
_MARKDOWN_RULE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*")
_UNITS = "|".join(re.escape(unit) for unit in CELL_UNITS)
#: A word or a number of RUN text.  The numbering of the next row may be glued to the numbers:
#: ``00000007.属于…`` is ``0000000`` + ``7.属于…``.  A number with thousands separators and no digit glued to it
#: (``行政事业性收费7,545第…``) is one number: split at its comma, 7 was read as the fee.
_RUN_TOKEN = re.compile(
    rf"(?P<word>\d[.、](?=[^\d\s])[^\d+\-\s]*|[^\d+\-\s]+|[+\-](?!\d))"
    rf"|(?P<num>[+-]?(?:\d+(?:,\d+)+(?:\.\d+)?(?:{_UNITS})?"
    rf"|\d+?(?=\d[.、][^\d\s])|\d+(?:\.\d+)?(?:{_UNITS})?))"
)


_GENERIC = r"[ \t]*(?:类别|项目|数据\d+|总计|合计)[ \t]*"
#: A browser's running header and footer on every printed page (Chromium: ``12/7/26, 2:47 AM   <title>``,
#: ``file:///…/page.html   2/7``), as pdftotext prints them inside a table that crosses a page.
_BROWSER = (
    r"[\f \t]*\d{1,4}/\d{1,2}/\d{1,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?(?:[ \t]{2,}[^\n]*)?"
    r"|[\f \t]*(?:https?|file)://\S+(?:[ \t]{2,}\d{1,4}/\d{1,4})?[ \t]*"
)
#: A whole line that a converter adds around a table and that is not a cell: a Markdown heading (``### 规章``
#: over a one-row table that prints the label again), a header row of generic names (``| 类别 | 数据1 | … |
#: 总计 |``) and a browser's page header and footer.
CONVERTER_LINE = re.compile(
    rf"^(?:[ \t]*#{{1,6}}[ \t][^\n]*|(?=[^\n]*数据\d)\|?(?:{_GENERIC}\|)+(?:{_GENERIC})?|{_BROWSER})$", re.MULTILINE
)
#: A page footer (``- 5 -``, ``-12-``) that a PDF-to-text tool glued after a cell's last digit.
_GLUED_FOOTER = re.compile(r"(?<=\d)[ \t]*-[ \t]*\d{1,4}[ \t]*-[ \t]*$")
_DATE_UNIT = frozenset("年月日")
_YEAR_DIGITS = 4
#: Prose inside a gap: a run of at least this many characters that are neither spaces nor digits.
PROSE_RUN = 10
_LONG_TEXT = re.compile(rf"[^\s\d|]{{{PROSE_RUN},}}")
#: Lines that show a layout (two are enough): a tab after text, two pipes, a column gap of two spaces.
_LAYOUT_LINES = (
    (re.compile(r"^[^\n]*\S *\t", re.MULTILINE), Layout.TAB),
    (re.compile(r"^[^\n]*\|[^\n]*\|", re.MULTILINE), Layout.PIPE),
    (re.compile(r"^[^\n]*\S {2,}\S", re.MULTILINE), Layout.SPACED),
)


def _is_footer(line: str) -> bool:
    """A page number printed by pdftotext inside a table: ``-3-``, ``- 12 -``."""
    line = line.strip()
    number = line[1:-1].strip()
    return line[:1] == "-" and line[-1:] == "-" and len(number) <= 4 and number.isdecimal()


#: What ends a sentence: a short line between two labels of one table without any is no prose.
_SENTENCE_MARKS = frozenset("。；;！？")
#: The longest text a line of a wrapped label holds (a prose line of a PDF holds about 40 characters).
_LABEL_PIECE = 32
_NUMBER_CELL = re.compile(r"(?<!\S)[+-]?\d[\d.,]*(?!\S)|\s+")


def _label_piece(folded: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is a piece of a label that a PDF cell wrapped around its values,
    not a line of prose: without its number cells and spaces, at most 32 characters, no sentence mark, and
    no digit but a leading row number (``2.申请人逾期未按收费通知要求   0  0 …``, ``费用、行政机关不再处理其政府``)."""
    window = 8 * _LABEL_PIECE  # a longer line is no label piece: look no further (a crawled page is one line)
    start = folded.rfind("\n", max(0, offset - window), offset)
    end = folded.find("\n", offset, offset + window)
    if (start < 0 and offset > window) or (end < 0 and len(folded) - offset > window):
        return False
    text = _NUMBER_CELL.sub("", folded[start + 1 : len(folded) if end < 0 else end])
    if starts_with_numbering(text):
        text = text[text.find(".") + 1 :] if "." in text[:3] else text
    return len(text) <= _LABEL_PIECE and _SENTENCE_MARKS.isdisjoint(text) and not any(c.isdigit() for c in text)


def has_prose(folded: str, start: int, end: int, *, between_labels: bool = False) -> bool:
    """True when ``folded[start:end]`` holds running text (not a cell, a number or a numbered label).

    ``between_labels``: the text lies between two labels of one table; there a run without a sentence mark
    is the rest of a label that a PDF cell wrapped around its values (``2.申请人逾期未按收费通知要求缴纳  0 …`` /
    ``费用、行政机关不再处理其政府信息公开申请``) or a page header, not prose that ends the table."""
    for match in _LONG_TEXT.finditer(folded, start, end):
        run, before = match.group(), folded[max(start, match.start() - 1) : match.start()]
        if between_labels and _label_piece(folded, match.start()):
            continue
        if run[0] in ".、" and before.isdigit():  # 2.其他法律… after its numbering digit
            continue
        if starts_with_numbering(run) or ends_with_numbering(
            folded[max(start, match.start() - 4) : match.start()].rstrip()
        ):
            continue
        return True
    return False


@lru_cache(maxsize=4096)
def _shape(segment: str) -> tuple[AtomKind, tuple[tuple[int, int], ...]] | None:
    """What a non-label piece of a cell prints: None for nothing, else its kind and the offsets of its parts
    (several numbers separated by spaces are several cells)."""
    footer = _GLUED_FOOTER.search(segment) if "-" in segment else None
    if footer is not None:
        segment = segment[: footer.start()]  # "769- 5 -": the page's footer glued to the row's last value
    stripped = segment.strip()
    if not stripped:
        return None
    parts = list(_SPACE_SPLIT.finditer(segment))
    if len(parts) > 1 and all(NUMBER.fullmatch(p.group()) for p in parts):
        return AtomKind.NUM, tuple(p.span() for p in parts)
    first = segment.find(stripped)
    reading = read_cell(stripped)
    if reading.value is not None:
        kind = AtomKind.NUM
    else:
        kind = AtomKind.EMPTY if reading.status is CellStatus.EMPTY else AtomKind.WORD
    return kind, ((first, first + len(stripped)),)


def run_tail_end(folded: str, start: int, bound: int) -> int:
    """In RUN text, the end of the numbers and placeholders printed right after ``start`` (a table's last
    label); a year glued to the last number (``02025年``) is left to the prose."""
    end = start
    for match in _RUN_TOKEN.finditer(folded, start, bound):
        a, b = match.span()
        if match.lastgroup == "num":
            if b < bound and folded[b] in _DATE_UNIT:
                if b - a > _YEAR_DIGITS and folded[a:b].isdigit():
                    end = b - _YEAR_DIGITS
                break
            end = b
        elif is_empty(match.group()):
            end = b
        else:
            break
    return end


def detect_layout(folded: str, start: int, end: int) -> Layout:
    """The layout of ``folded[start:end]``, judged from its lines."""
    text = folded[start:end]
    if "\n" not in text.strip():
        return Layout.RUN
    for pattern, layout in _LAYOUT_LINES:
        found = pattern.finditer(text)
        if next(found, None) is not None and next(found, None) is not None:  # two lines or more
            return layout
    return Layout.LINES


class _Rows:
    """Builds physical rows: assigns each hit to the row it starts in and each piece of text to atoms."""

    def __init__(self, text: str, folded: str, hits: Sequence[LabelHit], layout: Layout, first_row: int) -> None:
        self.text = text
        self.folded = folded
        self.hits = hits
        self.layout = layout
        self.next_hit = 0
        self.covered_until = 0
        self.row_id = first_row
        self.rows: list[PhysicalRow] = []
        #: What the atoms of the row being built share.
        self.line = Line(text, 0, -1, 0)

    def new_row(self, size: int = 0) -> PhysicalRow:
        """Start a row of ``size`` cells (TAB, PIPE, LINES; 0 where cells are not counted)."""
        row = PhysicalRow(self.row_id)
        self.line = Line(self.text, 0, row.row_id, size)
        self.rows.append(row)
        self.row_id += 1
        return row

    def result(self) -> list[PhysicalRow]:
        return [row for row in self.rows if row]

    def labels_end(self, end: int) -> int:
        """Where the labels not yet placed that start before ``end`` end: the cells after that offset (up to
        ``end``) hold no label, they are :meth:`content` only."""
        hits, index, last = self.hits, self.next_hit, self.covered_until
        while index < len(hits) and hits[index].start < end:
            last = max(last, hits[index].end)
            index += 1
        return last

    def inside_label(self, start: int, end: int) -> bool:
        """Whether the line ``[start, end)`` lies within a label begun on a line above and starts none."""
        hits = self.hits
        return (
            bool(self.rows)
            and start < self.covered_until
            and (self.next_hit >= len(hits) or hits[self.next_hit].start >= end)
        )

    def cell(self, row: PhysicalRow, start: int, end: int, pos: float | None) -> None:
        """Add the hits and atoms of one cell ``[start, end)``."""
        hits = self.hits
        if start >= self.covered_until and (self.next_hit >= len(hits) or hits[self.next_hit].start >= end):
            self.content(row, start, end, pos)  # the common case: a cell without a label
            return
        cursor = max(start, self.covered_until)
        while self.next_hit < len(hits) and hits[self.next_hit].start < end:
            hit = hits[self.next_hit]
            self.next_hit += 1
            if hit.start > cursor:
                self.content(row, cursor, hit.start, pos, whole=False)
            if row.first_label < 0:
                row.first_label = len(row)
            row.append(hit)
            cursor = max(cursor, hit.end)
            self.covered_until = max(self.covered_until, hit.end)
        if cursor < end and not self.label_goes_on(hits[self.next_hit - 1], end):
            self.content(row, cursor, end, pos, whole=False)

    def label_goes_on(self, hit: LabelHit, end: int) -> bool:
        """Whether the words after ``hit`` up to its cell's ``end`` are its label's own rest: a converter cut
        the label's wording in its cell (``（二）部分公开（区分处理`` of ``…（区分处理的，只计这一情形，不计其他
        情形）``), so they are no cell of the row (they were read as its first value)."""
        if self.layout not in (Layout.PIPE, Layout.TAB) or not hit.start < hit.end < end:
            return False
        rest = self.folded[hit.end : end]
        if _shape(rest) is None or any(c.isdigit() for c in rest):
            return False
        return normalize_label(self.folded[hit.start : end]) in _cut_labels()

    def content(self, row: PhysicalRow, start: int, end: int, pos: float | None, *, whole: bool = True) -> None:
        """Atoms for text that is not a label; a ``whole`` cell that prints nothing is an empty cell."""
        layout = self.layout
        if layout is Layout.RUN:
            size_before = len(row)
            row.extend(self.run_atoms(start, end))
            row.has_values = row.has_values or len(row) > size_before
            return
        shape = _shape(self.folded[start:end])
        if shape is None:
            if whole:
                row.append(Atom.on(self.line, AtomKind.EMPTY, (start, start), pos, layout))
            return
        kind, offsets = shape
        if kind is AtomKind.EMPTY and not whole:
            return  # a placeholder next to a label is not a cell of its own
        row.has_values = True
        line = self.line
        spaced = layout is Layout.SPACED and len(offsets) > 1  # numbers split at single spaces: each its column
        for part_start, part_end in offsets:
            a, b = start + part_start, start + part_end
            row.append(Atom.on(line, kind, (a, b), self.column_centre(a, b) if spaced else pos, layout))

    def run_atoms(self, start: int, end: int) -> Iterator[Atom]:
        """Atoms of RUN text: numbers (digits possibly of several cells) and words, dates left as words."""
        tokens = [(m.lastgroup, m.start(), m.end()) for m in _RUN_TOKEN.finditer(self.folded, start, end)]
        for index, (kind, a, b) in enumerate(tokens):
            if kind == "num":
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if following and following[1] == b and self.folded[b] in _DATE_UNIT:
                    # "02025年": a year glued to the last cell; keep the cell, leave the year to the prose
                    digits = b - a
                    if digits > _YEAR_DIGITS and self.folded[a:b].isdigit():
                        yield self.atom(AtomKind.NUM, a, b - _YEAR_DIGITS)
                        yield self.atom(AtomKind.WORD, b - _YEAR_DIGITS, b)
                    else:
                        yield self.atom(AtomKind.WORD, a, b)
                    continue
                yield self.atom(AtomKind.NUM, a, b)
            else:
                raw = self.folded[a:b]
                yield self.atom(AtomKind.EMPTY if is_empty(raw) else AtomKind.WORD, a, b)

    def column_centre(self, start: int, end: int) -> float:
        line_start = self.text.rfind("\n", 0, start) + 1
        return (start + end) / 2 - line_start

    def atom(self, kind: AtomKind, start: int, end: int) -> Atom:
        """An atom of RUN text (no position)."""
        return Atom.on(self.line, kind, (start, end), None, self.layout)


@cache
def _cut_labels() -> frozenset[str]:
    """Every beginning of a standard label that stops short of its end (what a converter's cut cell prints),
    made once: :meth:`_Rows.label_goes_on` asks it of each labelled cell."""
    return frozenset(label[:cut] for label in catalogue().entries for cut in range(len(label)))


#: The positions of the first cells of a row, made once: every atom of a column shares its float.
_CELLS_SHARED = 64
_CELL_POSITIONS = tuple(float(index) for index in range(_CELLS_SHARED))


def region_rows(
    text: str,
    folded: str,
    span: tuple[int, int],
    hits: Sequence[LabelHit],
    *,
    layout: Layout,
    first_row: int,
    described: TableSpec | None = None,
) -> list[PhysicalRow]:
    """The physical rows of ``text[start:end]`` (``span``): each its id and its hits and atoms in text order.

    ``hits`` are the labels inside the region (of the table a plugin ``described``, None for a standard
    table); row ids start at ``first_row`` (unique in the document).
    """
    start, end = span
    rows = _Rows(text, folded, hits, layout, first_row)
    if layout is Layout.RUN:
        row = rows.new_row()
        rows.cell(row, start, end, None)
        return rows.result()
    lines = _lines(folded, start, end)
    if layout is Layout.LINES:
        block: list[tuple[int, int]] = []
        for a, b, line in [*lines, (end, end, "")]:
            if line.strip(" \f\r") == "":  # blank (a lone tab is an empty cell, not a break)
                if block:
                    row = rows.new_row(len(block))
                    labels_end = rows.labels_end(block[-1][1])
                    for index, (ca, cb) in enumerate(block):
                        cell = rows.content if ca >= labels_end else rows.cell
                        cell(row, ca, cb, _CELL_POSITIONS[index] if index < _CELLS_SHARED else float(index))
                    block = []
                continue
            block.append((a, b))
        return rows.result()
    separator = "\t" if layout is Layout.TAB else "|"
    for a, b, line in lines:
        if not line.strip() and (layout is not Layout.TAB or "\t" not in line):
            continue  # a blank line; a line of tabs is a row of empty cells (a source table's empty row)
        if layout is Layout.PIPE and _MARKDOWN_RULE.fullmatch(line):
            continue  # the "| --- | :---: |" line under a Markdown table's header: no cells
        labels_end = rows.labels_end(b)
        if layout is Layout.SPACED:
            # A line inside a label begun on a line above, with no label of its own, is that label's row (a
            # PDF cell wrapped the label around the row's values: parsing/wrapped.py).
            inside = rows.inside_label(a, b)
            row = rows.rows[-1] if inside else rows.new_row()
            line_start = text.rfind("\n", 0, a) + 1  # each cell's column counts from it (column_centre)
            for ca, cb, value in spaced_cells(folded, a, b):  # values are no label's, even a wrapped one's
                if inside and not value:
                    continue  # the rest of the wrapped label (or of a longer one it begins): no cell
                cell = rows.content if ca >= labels_end or value else rows.cell
                cell(row, ca, cb, (ca + cb) / 2 - line_start)
            continue
        pieces = line.split(separator)
        offset = a
        if layout is Layout.PIPE and not pieces[0].strip():
            offset += len(pieces[0]) + 1  # "| a | b |": nothing before the first pipe
            pieces = pieces[1:]
            if len(pieces) > 1 and not pieces[-1].strip():
                pieces.pop()  # nor after the last: no cell, or a row's blank cells would count one too many
        row = rows.new_row(len(pieces))
        for index, piece in enumerate(pieces):
            cell = rows.content if offset >= labels_end else rows.cell  # after the line's labels: content only
            cell(row, offset, offset + len(piece), _CELL_POSITIONS[index] if index < _CELLS_SHARED else float(index))
            offset += len(piece) + 1
    result = rows.result()
    if layout is Layout.PIPE:
        attach_detached(result, described)
    return result


#: Label kinds of a data row (it has cells of its own); a group label (三、本年度办理结果) has none.
_DATA_ROW_KINDS = frozenset({LabelKind.A20_ROW, LabelKind.APP_ROW})


def _waiting_kind(row: PhysicalRow, table: str | None, *, format_2021: bool) -> str | None:
    """What a row without values is in a run of labels of ``table`` waiting for their values: ``"data"`` (one
    data row's label, a described table's row label included; (六)其他处理 too where no 2021 row (六)1–3 is
    printed), ``"group"`` (group labels only), or None (anything else: a header, a row with cells, no label,
    a row label of another described table)."""
    if row.has_values or row.first_label < 0:
        return None
    kinds = set()
    for item in row:
        if isinstance(item, Atom):
            continue
        for family, label in item.meanings.items():
            if label.kind is LabelKind.ROW_OF:
                kinds.add("data" if family == table else "")
            elif label.kind is LabelKind.APP_GROUP and label.key == _OTHER_ALL and not format_2021:
                kinds.add("data")  # (六)其他处理: a group in 2021, the single row of the 2019 trial format
            else:
                kinds.add(
                    "data" if label.kind in _DATA_ROW_KINDS else "group" if label.kind is LabelKind.APP_GROUP else ""
                )
    if "" in kinds or not kinds:
        return None
    return "data" if kinds == {"data"} and sum(not isinstance(i, Atom) for i in row) == 1 else "group"


#: Longest run of detached rows whose orders are tried against the table's sums (7! orders).
MAX_ORDERED_RUN = 7
_FORMAT_2021_ROWS = frozenset({"other.no_correction", "other.fee_unpaid", "other.other"})
_OTHER_ALL = normalize_label(ROW_OTHER_ALL.numbering + ROW_OTHER_ALL.label)


def _row_key(row: PhysicalRow) -> str | None:
    """The applications-table row a row's single data label names."""
    keys = [
        label.key
        for item in row
        if not isinstance(item, Atom)
        for label in item.meanings.values()
        if label.kind is LabelKind.APP_ROW
    ]
    return keys[0] if len(keys) == 1 else None


def _numbers(row: PhysicalRow, count: int = 7) -> tuple[int, ...] | None:
    """The row's cells as whole numbers, when it prints exactly ``count`` of them and nothing else (the blank
    piece after a row's closing pipe is no cell)."""
    atoms = [item for item in row if isinstance(item, Atom) and item.raw.strip()]
    if len(atoms) != count or any(a.kind is not AtomKind.NUM or not a.raw.strip().isdecimal() for a in atoms):
        return None
    return tuple(int(a.raw) for a in atoms)


def _consistent(table: dict[str, tuple[int, ...]]) -> bool | None:
    """Whether the applications table's column sums hold (R3.2: (七)总计 is the sum of the results; R3.3:
    一 + 二 = (七) + 四); None when neither can be assessed (a row is missing)."""
    fmt = "2021" if _FORMAT_2021_ROWS & table.keys() else "2019"
    assessed = False
    results = schema_result_rows(fmt)
    if "results_total" in table and all(key in table for key in results):
        assessed = True
        sums = [sum(table[key][c] for key in results) for c in range(7)]
        if list(table["results_total"]) != sums:
            return False
    balance = ("new_received", "carried_over", "results_total", "carried_forward")
    if all(key in table for key in balance):
        assessed = True
        new, old, done, left = (table[key] for key in balance)
        if any(new[c] + old[c] != done[c] + left[c] for c in range(7)):
            return False
    return True if assessed else None


@attrs.frozen(repr=False, eq=False)
class _Sums(Record):
    """What :func:`_order_by_arithmetic` needs of a table to try the orders of value rows printed apart from
    their labels: the row a label row names, how many values that row has, and whether the table's column
    relations hold for the rows known (None: none can be assessed)."""

    key: Callable[[PhysicalRow], str | None]
    width: Callable[[str], int]
    consistent: Callable[[dict[str, tuple[int, ...]]], bool | None]


_APPLICATIONS = _Sums(_row_key, lambda key: 7, _consistent)


def _described_sums(spec: TableSpec) -> _Sums:
    """A table a plugin describes, its column relations (the spec's) checked as the applications table's sums."""

    def key(row: PhysicalRow) -> str | None:
        keys = [
            label.key
            for item in row
            if not isinstance(item, Atom)
            for table, label in item.meanings.items()
            if table == spec.id and label.kind is LabelKind.ROW_OF
        ]
        return keys[0] if len(keys) == 1 else None

    def consistent(table: dict[str, tuple[int, ...]]) -> bool | None:
        assessed = False
        for relation in spec.relations:
            rows = [row for _, row in relation.terms]
            if relation.each != "column" or not all(row in table for row in rows):
                continue
            assessed = True
            if any(not relation.holds([table[row][c] for row in rows]) for c in range(len(table[rows[0]]))):
                return False
        return True if assessed else None

    return _Sums(key, lambda row: len(spec.columns_of(row)), consistent)


def _order_by_arithmetic(
    rows: Sequence[PhysicalRow], labels: Sequence[PhysicalRow], values: Sequence[PhysicalRow], sums: _Sums
) -> Sequence[PhysicalRow] | None:
    """The order of ``values`` (rows of numbers printed apart from ``labels``, rows of one width) that alone
    makes the table's column sums hold, or None when no order or several distinct ones do."""
    if len(values) > MAX_ORDERED_RUN:
        return None
    keys = [key for row in labels if (key := sums.key(row)) is not None]
    if len(keys) != len(labels) or len(set(keys)) != len(keys) or len({sums.width(key) for key in keys}) != 1:
        return None
    printed = [_numbers(row, sums.width(keys[0])) for row in values]
    if any(p is None for p in printed):
        return None
    known = {}
    for row in rows:
        key = sums.key(row)
        numbers = _numbers(row, sums.width(key)) if key is not None else None
        if key is not None and numbers is not None and key not in keys:
            known[key] = numbers
    found: dict[tuple[tuple[int, ...] | None, ...], Sequence[PhysicalRow]] = {}
    for order in permutations(range(len(values))):
        assigned = tuple(printed[i] for i in order)
        table = {**known, **{key: numbers for key, numbers in zip(keys, assigned, strict=True) if key and numbers}}
        if sums.consistent(table):
            found.setdefault(assigned, [values[i] for i in order])
            if len(found) > 1:
                return None
    return next(iter(found.values())) if found else None


def _values_only(row: PhysicalRow) -> bool:
    """A row of numbers, placeholders or empty cells (``| |``) only: no label, no text."""
    return row.first_label < 0 and bool(row) and all(isinstance(i, Atom) and i.kind is not AtomKind.WORD for i in row)


def _printed(row: PhysicalRow) -> tuple[str, ...]:
    return tuple(item.raw.strip() for item in row if isinstance(item, Atom))


def attach_detached(rows: list[PhysicalRow], described: TableSpec | None = None) -> None:
    """Give the rows of values that a converter printed after their labels (``二、上年结转…`` / ``（一）予以
    公开`` on lines of their own, then ``| 0 | 0 | … |`` rows) to their labels, where that is proven.

    A run of label lines is followed by a run of value-only rows.  When there are as many value rows as data
    rows among the labels, and every value row prints the same cells, every order gives each label the same
    cells: the rows are given in order (``count`` evidence follows); so are rows that only one order lets
    the applications table's column sums, or the column relations of a table a plugin ``described``, hold
    (:func:`_order_by_arithmetic`).  Otherwise which values
    belong to which label is not shown: the value rows are marked :attr:`PhysicalRow.detached` and belong to
    no row, and each data label gets an ``APART`` atom: its row is unread.  Rows are changed in place;
    given rows are removed.
    """
    if all(row.has_values or row.first_label < 0 for row in rows):
        return  # no label waits for its values (the common case: each row prints its own)
    format_2021 = any(_row_key(row) in _FORMAT_2021_ROWS for row in rows)
    table = described.id if described is not None else None
    index = 0
    orphans_end = -1  # where the last run of value rows given to no label ends
    while index < len(rows):
        waiting: list[tuple[PhysicalRow, str]] = []
        j = index
        while j < len(rows) and (kind := _waiting_kind(rows[j], table, format_2021=format_2021)) is not None:
            waiting.append((rows[j], kind))
            j += 1
        k = j
        while k < len(rows) and _values_only(rows[k]):
            k += 1
        values = rows[j:k]
        data = [row for row, kind in waiting if kind == "data"]
        if not values or not waiting:
            if values:
                orphans_end = k
            index = max(k, index + 1)
            continue
        order: Sequence[PhysicalRow] | None = None
        # Value rows right before the labels too (a PDF's values printed above their wrapped labels): the
        # labels' values may be those, not the ones after them, and the ones after them the next labels'.
        shifted = orphans_end == index
        if len(data) == len(values) and not shifted:
            same = len({_printed(row) for row in values}) == 1  # every order gives every label the same cells
            sums = _described_sums(described) if described is not None else _APPLICATIONS
            order = values if same else _order_by_arithmetic(rows, data, values, sums)
        if order is not None:
            for label_row, value_row in zip(data, order, strict=True):
                label_row.extend(value_row)
                label_row.has_values = True
            del rows[j:k]
            index = j
        else:
            for row in values:
                row.detached = True
            orphans_end = k if shifted else orphans_end
            for row in data:
                label = next(item for item in reversed(row) if not isinstance(item, Atom))
                row.append(Atom(AtomKind.APART, "", label.end, label.end, row.row_id, None, 0, Layout.PIPE))
            index = k


def _lines(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The lines in ``[start, end)`` with their bounds, without page footers, Markdown headings (a converter's
    ``### 规章`` over a one-row table) and generic Markdown header rows (``| 类别 | 数据1 | … | 总计 |``); form
    feeds count as blanks."""
    result = []
    position = start
    region = folded[start:end]
    converter = may_hold_converter_lines(region)  # asked once for the region, not for each of its lines
    lines = region.split("\n")
    if not lines[-1]:
        lines.pop()  # no line after a final line break (nor in an empty span)
    for line in lines:
        stop = position + len(line)
        if not (("-" in line and _is_footer(line.replace("\f", ""))) or (converter and is_converter_line(line))):
            result.append((position, stop, line))
        position = stop + 1
    return result


#: What every converter line holds (a heading's ``#``, a generic header's 数据, a browser's address or date):
#: a cheap test before :data:`CONVERTER_LINE`'s scan (a bare ``/`` is in nearly every report's dates).
#: It is ``#|数据|://|\d/\d{1,2}/\d`` written to begin with one of four characters (a date's first ``/``), so
#: that a search skips to them, not tries every digit of the report.
_CONVERTER_MARK = re.compile(r"[#数:/](?:(?<=#)|(?<=数)据|(?<=:)//|(?<=\d/)\d{1,2}/\d)")


def may_hold_converter_lines(text: str) -> bool:
    """Whether ``text`` may hold a line :data:`CONVERTER_LINE` matches (False: it holds none)."""
    return _CONVERTER_MARK.search(text) is not None


def converter_lines(folded: str) -> Iterator[tuple[int, int]]:
    """The bounds of the lines of ``folded`` that :data:`CONVERTER_LINE` matches, in text order; only a line
    holding a mark of one (:data:`_CONVERTER_MARK`) is matched against it."""
    position = 0
    while (mark := _CONVERTER_MARK.search(folded, position)) is not None:
        start = folded.rfind("\n", 0, mark.start()) + 1
        end = folded.find("\n", mark.end())
        end = len(folded) if end == -1 else end
        if CONVERTER_LINE.fullmatch(folded, start, end) is not None:
            yield start, end
        position = end + 1


def is_converter_line(line: str) -> bool:
    """A Markdown heading (``### 规章``), a generic header row that names no column (``| 类别 | 数据1 | … |``)
    or a browser's page header or footer."""
    return may_hold_converter_lines(line) and CONVERTER_LINE.fullmatch(line) is not None
