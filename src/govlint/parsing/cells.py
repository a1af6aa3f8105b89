"""Turn the text of one table region into physical rows of labels and value atoms, whatever its layout.

Layouts seen in real reports (:class:`Layout`): TAB-separated rows (spanned cells empty), PIPE rows
(Markdown), one cell per LINE (a blank line ends a row; a line holding only a tab is an empty cell),
SPACED columns from ``pdftotext -layout``, and RUN text where a crawler joined every cell of a page into
one line (``规章000行政规范性文件303``).  Each value atom keeps its position in its row (cell index, or the
character column for SPACED text), so that a short row can be placed against its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from enum import Enum

import attrs

from govlint.parsing.labels import LabelHit
from govlint.parsing.numbers import NUMBER, is_empty, read_cell
from govlint.schema import CELL_UNITS


class Layout(str, Enum):
    """How the cells of a table region are separated."""

    TAB = "tab"
    PIPE = "pipe"
    LINES = "lines"
    SPACED = "spaced"
    RUN = "run"


class AtomKind(str, Enum):
    NUM = "num"  #: a number (possibly several cells run together in RUN text)
    EMPTY = "empty"  #: an explicit empty cell or a placeholder
    WORD = "word"  #: text that is not a known label


@attrs.frozen
class Atom:
    """One value cell as printed, with its place in its physical row."""

    kind: AtomKind
    raw: str
    start: int
    end: int
    #: Physical row id within the document (a line, or a block of lines in the LINES layout).
    row: int
    #: Cell index (TAB, PIPE, LINES) or character column of the centre (SPACED); None in RUN text.
    pos: float | None
    #: Number of cells in the physical row (TAB, PIPE, LINES), to place cells counted from the row's end.
    row_size: int
    layout: Layout


Item = LabelHit | Atom

# A page footer printed by pdftotext inside a table ("-3-"), and form feeds.
_FOOTER = re.compile(r"^\s*-\s*\d{1,4}\s*-\s*$")
_GAP = re.compile(r"\S(?: ?\S)*")  # SPACED cells: text separated by at most one space
_SPACE_SPLIT = re.compile(r"\S+")
_UNITS = "|".join(re.escape(unit) for unit in CELL_UNITS)
# In RUN text the numbering of the next row may be glued to the numbers: "00000007.属于…" is 0000000 + "7.属于…"
_RUN_TOKEN = re.compile(
    rf"(?P<word>\d[.、](?=[^\d\s])[^\d+\-\s]*|[^\d+\-\s]+|[+\-](?!\d))"
    rf"|(?P<num>[+-]?(?:\d+?(?=\d[.、][^\d\s])|\d+(?:\.\d+)?(?:{_UNITS})?))"
)
_DATE_UNIT = frozenset("年月日")
_YEAR_DIGITS = 4
#: Prose inside a gap: a run of at least this many characters that are neither spaces nor digits.
PROSE_RUN = 10
_LONG_TEXT = re.compile(rf"[^\s\d|]{{{PROSE_RUN},}}")
_NUMBERED = re.compile(r"(?:\d[.、]|\([一二三四五六七八九]\)|[一二三四五六七八九]、)\s*$")
_TAB_AFTER_TEXT = re.compile(r"\S *\t")
_NUMBERING_START = re.compile(r"^(?:\d[.、]|\([一二三四五六七八九]\))")


def has_prose(folded: str, start: int, end: int) -> bool:
    """True when ``folded[start:end]`` holds running text (not a cell, a number or a numbered label)."""
    for match in _LONG_TEXT.finditer(folded, start, end):
        run, before = match.group(), folded[max(start, match.start() - 1) : match.start()]
        if run[0] in ".、" and before.isdigit():  # 2.其他法律… after its numbering digit
            continue
        if _NUMBERING_START.match(run) or _NUMBERED.search(folded, max(start, match.start() - 4), match.start()):
            continue
        return True
    return False


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
    lines = text.split("\n")
    if sum(1 for line in lines if _TAB_AFTER_TEXT.search(line)) >= 2:
        return Layout.TAB
    if sum(1 for line in lines if line.count("|") >= 2) >= 2:
        return Layout.PIPE
    if sum(1 for line in lines if re.search(r"\S {2,}\S", line)) >= 2:
        return Layout.SPACED
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
        self.rows: list[tuple[int, list[Item]]] = []

    def new_row(self) -> list[Item]:
        row: list[Item] = []
        self.rows.append((self.row_id, row))
        self.row_id += 1
        return row

    def result(self) -> list[tuple[int, list[Item]]]:
        return [(row_id, items) for row_id, items in self.rows if items]

    def cell(self, row: list[Item], start: int, end: int, pos: float | None, size: int) -> None:
        """Add the hits and atoms of one cell ``[start, end)``."""
        cursor = max(start, self.covered_until)
        empty = cursor == start
        while self.next_hit < len(self.hits) and self.hits[self.next_hit].start < end:
            hit = self.hits[self.next_hit]
            self.next_hit += 1
            if hit.start > cursor:
                self.content(row, cursor, hit.start, pos, size)
            row.append(hit)
            empty = False
            cursor = max(cursor, hit.end)
            self.covered_until = max(self.covered_until, hit.end)
        if cursor < end:
            if empty and is_empty(self.folded[cursor:end]):
                stripped = self.folded[cursor:end].strip()
                offset = cursor + self.folded[cursor:end].find(stripped) if stripped else cursor
                row.append(self.atom(AtomKind.EMPTY, offset, offset + len(stripped), pos, size))
            else:
                self.content(row, cursor, end, pos, size)
        elif empty and cursor == start == end:
            row.append(self.atom(AtomKind.EMPTY, start, start, pos, size))

    def content(self, row: list[Item], start: int, end: int, pos: float | None, size: int) -> None:
        """Atoms for text that is not a label."""
        segment = self.folded[start:end]
        if not segment.strip():
            return
        if self.layout is Layout.RUN:
            row.extend(self.run_atoms(start, end))
            return
        parts = list(_SPACE_SPLIT.finditer(segment))
        if len(parts) > 1 and all(NUMBER.fullmatch(p.group()) for p in parts):
            for part in parts:
                a, b = start + part.start(), start + part.end()
                part_pos = self.column_centre(a, b) if self.layout is Layout.SPACED else pos
                row.append(self.atom(AtomKind.NUM, a, b, part_pos, size))
            return
        stripped = segment.strip()
        a = start + segment.find(stripped)
        b = a + len(stripped)
        reading = read_cell(stripped)
        kind = AtomKind.WORD if reading.value is None and not is_empty(stripped) else AtomKind.NUM
        if reading.value is None and is_empty(stripped):
            kind = AtomKind.EMPTY
        row.append(self.atom(kind, a, b, pos, size))

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
                        yield self.atom(AtomKind.NUM, a, b - _YEAR_DIGITS, None, 0)
                        yield self.atom(AtomKind.WORD, b - _YEAR_DIGITS, b, None, 0)
                    else:
                        yield self.atom(AtomKind.WORD, a, b, None, 0)
                    continue
                yield self.atom(AtomKind.NUM, a, b, None, 0)
            else:
                raw = self.folded[a:b]
                yield self.atom(AtomKind.EMPTY if is_empty(raw) else AtomKind.WORD, a, b, None, 0)

    def column_centre(self, start: int, end: int) -> float:
        line_start = self.text.rfind("\n", 0, start) + 1
        return (start + end) / 2 - line_start

    def atom(self, kind: AtomKind, start: int, end: int, pos: float | None, size: int) -> Atom:
        return Atom(kind, self.text[start:end], start, end, self.row_id - 1, pos, size, self.layout)


def region_rows(
    text: str, folded: str, span: tuple[int, int], hits: Sequence[LabelHit], *, layout: Layout, first_row: int
) -> list[tuple[int, list[Item]]]:
    """The physical rows of ``text[start:end]`` (``span``): each its id and its hits and atoms in text order.

    ``hits`` are the labels inside the region; row ids start at ``first_row`` (unique in the document).
    """
    start, end = span
    rows = _Rows(text, folded, hits, layout, first_row)
    if layout is Layout.RUN:
        row = rows.new_row()
        rows.cell(row, start, end, None, 0)
        return rows.result()
    lines = _lines(folded, start, end)
    if layout is Layout.LINES:
        block: list[tuple[int, int]] = []
        for a, b in [*lines, (end, end)]:
            if folded[a:b].strip(" \f\r") == "":  # blank (a lone tab is an empty cell, not a break)
                if block:
                    row = rows.new_row()
                    for index, (ca, cb) in enumerate(block):
                        rows.cell(row, ca, cb, float(index), len(block))
                    block = []
                continue
            block.append((a, b))
        return rows.result()
    separator = "\t" if layout is Layout.TAB else "|"
    for a, b in lines:
        line = folded[a:b]
        if not line.strip():
            continue
        row = rows.new_row()
        if layout is Layout.SPACED:
            for match in _GAP.finditer(folded, a, b):
                rows.cell(row, match.start(), match.end(), rows.column_centre(match.start(), match.end()), 0)
            continue
        bounds = _split(folded, a, b, separator)
        if layout is Layout.PIPE and bounds and not folded[bounds[0][0] : bounds[0][1]].strip():
            bounds = bounds[1:]  # "| a | b |": nothing before the first pipe
        for index, (ca, cb) in enumerate(bounds):
            rows.cell(row, ca, cb, float(index), len(bounds))
    return rows.result()


def _lines(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Line bounds in ``[start, end)``, without page footers; form feeds count as blanks."""
    result = []
    position = start
    while position < end:
        newline = folded.find("\n", position, end)
        stop = end if newline == -1 else newline
        if not _FOOTER.match(folded[position:stop].replace("\f", "")):
            result.append((position, stop))
        position = stop + 1
    return result


def _split(folded: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    bounds = []
    position = start
    while True:
        found = folded.find(separator, position, end)
        if found == -1:
            bounds.append((position, end))
            return bounds
        bounds.append((position, found))
        position = found + 1
