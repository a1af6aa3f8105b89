"""Labels that a PDF cell wrapped around its row's values, as ``pdftotext -layout`` prints them.

A narrow label cell wraps over several lines while the row's values stand on one of them (the label's
first line when the cell is aligned to its top, a middle line when it is centred)::

    行政
       9487
    许可

Labels are found in the compact text (whitespace removed), where the values would sit inside the label
(``行政9487许可``).  The label search therefore reads a *label view* of the folded text: on a line that
shows pdftotext's columns (a gap of two spaces or more between text), each cell that prints only numbers
is blanked (same length, so offsets stay those of the text).  The label is then found whole, from its first
to its last line, and the values printed on its lines are its row's (``cells.region_rows``): the label
names the row, and the values stand between its first and last piece.  Their columns are then placed as
any row's are (by count, or by the positions the table's other rows prove); nothing is guessed from the
nearest label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import tee

#: A line with pdftotext's columns: text, a gap of two spaces or more, text; or an indented line of numbers
#: only (pdftotext places every line at its column: the values of a row whose label wrapped around them).
_SPACED_LINE = re.compile(r"^(?:[^\n]*\S {2,}\S[^\n]*|[ \t]{2,}[+-]?\d[\d., \t+-]*)$", re.MULTILINE)
_NUMBER = r"[+-]?\d+(?:[.,]\d+)*"
#: A cell of such a line that prints numbers only (one or several, single spaces apart), ended by a gap of
#: two spaces or more, a tab or the line's end.  A row's numbering (``2.``, ``3、``) is no such cell.
_VALUE_CELL = re.compile(rf"(?<!\S){_NUMBER}(?: {_NUMBER})*(?=[ \t]{{2,}}|\t|[ \t]*$)", re.MULTILINE)


#: pdftotext's cells on a line: text separated by at most one space.
_CELL = re.compile(r"\S(?: ?\S)*")


def spaced_cells(folded: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The cells of the spaced line ``folded[start:end]`` (text between gaps of two spaces or more), each
    ``(start, end, values)``; numbers printed one space after a label's piece (``类过 1    0``) are a
    cell of their own, with ``values`` True: they are never part of a label."""
    values = [m.span() for m in _VALUE_CELL.finditer(folded, start, end)]
    index = 0
    for cell in _CELL.finditer(folded, start, end):
        a, b = cell.span()
        while index < len(values) and values[index][1] <= a:
            index += 1
        while index < len(values) and values[index][0] < b:
            va, vb = values[index]
            if va > a:
                yield a, va - 1, False  # the label's piece before the space
            yield va, vb, True
            a = vb
            index += 1
        if a < b:
            yield a, b, False


#: A row label that opens with its numbering (``1.属于国家``): printed beside a group label's piece, in a
#: column of its own.
_NUMBERED = re.compile(r"\d{1,2}[.、][^\d\s]")


def label_view(folded: str) -> str:
    """``folded`` with the number cells of its spaced lines blanked, and the pieces of a group label printed
    in a column of its own beside numbered row labels (``（三）不予   1.属于国家 0 …`` / ``公开      秘密``):
    what the label search reads, so that the row label is found whole (``1.属于国家秘密``)."""
    if "  " not in folded:
        return folded
    blanks: list[tuple[int, int]] = []
    column: int | None = None  # where the numbered row labels beside a group label start, on the lines above
    previous = -2
    for line in _SPACED_LINE.finditer(folded):
        start, end = line.span()
        if start != previous + 1:
            column = None  # the pieces of a group label are on consecutive lines
        previous = end
        pieces: list[tuple[int, int]] = []
        for a, b, value in spaced_cells(folded, start, end):
            (blanks if value else pieces).append((a, b))
        column = _group_piece(folded, start, pieces, column, blanks)
    blanks += _centred_group_pieces(folded)
    if not blanks:
        return folded
    parts: list[str] = []
    position = 0
    for a, b in sorted(blanks):
        parts += [folded[position:a], " " * (b - a)]
        position = b
    parts.append(folded[position:])
    return "".join(parts)


def _group_piece(
    folded: str, line_start: int, pieces: list[tuple[int, int]], column: int | None, blanks: list[tuple[int, int]]
) -> int | None:
    """Blank the first of a line's label pieces when it is a group label's, beside a numbered row label or
    beside the rest of one (a piece starting at the same column as the numbered label on the line above); the
    column of the row labels, or None."""
    if len(pieces) < 2:
        return None
    second = pieces[1][0]
    at = second - line_start
    if _NUMBERED.match(folded, second) or (column is not None and abs(at - column) <= 1):
        blanks.append(pieces[0])
        return at
    return None


def _centred_group_pieces(folded: str) -> list[tuple[int, int]]:
    """The pieces of a group label printed on the values' line of a numbered row label centred around them::

               2.没有现成信息需要另行制
        提供                      1    0 …
               作

    (the line above opens the row label with its numbering and prints no value, the line below goes on at
    the row label's column; the values' line prints only pieces left of it: the group column's)."""
    # three lines at a time, not a list of every line's pieces (docs/performance.md, "Memory per reader")
    lines, after, after_next = tee(_lines(folded), 3)
    next(after, None)
    next(after_next, None)
    next(after_next, None)
    found = []
    for above, line, below in zip(lines, after, after_next, strict=False):
        if above[3] or below[3] or not line[3] or len(above[2]) != 1 or len(below[2]) != 1 or not line[2]:
            continue
        column = above[2][0][0] - above[0]
        if not _NUMBERED.match(folded, above[2][0][0]) or abs(below[2][0][0] - below[0] - column) > 1:
            continue
        if all(b - line[0] < column - 1 for _, b in line[2]):
            found += line[2]
    return found


def _lines(folded: str) -> Iterator[tuple[int, int, list[tuple[int, int]], bool]]:
    """Each line of ``folded`` (as ``split("\\n")`` cuts them): its start and end, its label pieces, and
    whether it prints a value cell."""
    position = 0
    while position <= len(folded):
        end = folded.find("\n", position)
        end = len(folded) if end == -1 else end
        pieces: list[tuple[int, int]] = []
        values = False
        if folded[position:end].strip():
            for a, b, value in spaced_cells(folded, position, end):
                values = values or value
                if not value:
                    pieces.append((a, b))
        yield position, end, pieces, values
        position = end + 1
