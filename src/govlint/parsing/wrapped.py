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

#: A line with pdftotext's columns: text, a gap of two spaces or more, text; or an indented line of numbers
#: only (pdftotext places every line at its column: the values of a row whose label wrapped around them).
_SPACED_LINE = re.compile(r"(?:[^\n]*\S {2,}\S[^\n]*|[ \t]{2,}[+-]?\d[\d., \t+-]*)$", re.MULTILINE)
#: The same after a line break (group 1): a search for it skips from line break to line break.
_NEXT_SPACED_LINE = re.compile(rf"\n({_SPACED_LINE.pattern})", re.MULTILINE)
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
#: A cell that prints numbers only (one or several, single spaces apart).
_NUMBERS = re.compile(rf"{_NUMBER.pattern}(?: {_NUMBER.pattern})*")
#: What ends a value cell: a gap of two spaces or more, a tab or the line's end.  A row's numbering (``2.``,
#: ``3、``) is no value cell.
_VALUE_END = re.compile(r"[ \t]{2,}|\t|[ \t]*$", re.MULTILINE)
#: A cell of numbers only, with what ends it.
_VALUE = re.compile(rf"{_NUMBERS.pattern}(?={_VALUE_END.pattern})", re.MULTILINE)
#: The numbers that end a line (spaces apart, and before spaces only), read on the line reversed from its end:
#: group 1 is them reversed.  Each is a value cell, or the value part of a cell (``类过 1``); a match
#: anchored at the line's end tries no other start, as a search from the left would at every gap.
_VALUES_REVERSED = re.compile(r"[ \t]*((?:\d+[.,])*\d+[+-]?(?: +(?:\d+[.,])*\d+[+-]?)*)(?!\S)")
#: The longest line read reversed (a crawled page of one long line is read cell by cell, without a copy).
_REVERSED_LINE_MAX = 4096
#: pdftotext's cells on a line: text separated by at most one space.
_CELL = re.compile(r"\S(?: ?\S)*")


def spaced_cells(folded: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The cells of the spaced line ``folded[start:end]`` (text between gaps of two spaces or more), each
    ``(start, end, values)``; numbers printed one space after a label's piece (``类过 1    0``) are a
    cell of their own, with ``values`` True: they are never part of a label."""
    for cell in _CELL.finditer(folded, start, end):
        a, b = cell.span()
        value = _value_start(folded, a, b, end)
        if value is None:
            yield a, b, False
            continue
        if value > a:
            yield a, value - 1, False  # the label's piece before the space
        yield value, b, True


def _value_start(folded: str, a: int, b: int, end: int) -> int | None:
    """Where the numbers that end the cell ``folded[a:b]`` begin (the numbers after its last word, ended by
    a gap, a tab or the line's end at ``end``), or None.  A cell that goes on before ``a`` (a line read from
    inside) has no number at ``a``."""
    if not folded[b - 1].isdecimal():
        return None
    if a == 0 or folded[a - 1].isspace():
        if folded[a:b].isdecimal():  # the common case: a cell of one number
            return a if _VALUE_END.match(folded, b, end) else None
        whole = _VALUE.match(folded, a, end)
        if whole is not None and whole.end() == b:  # a cell of numbers only
            return a
    if _VALUE_END.match(folded, b, end) is None:
        return None
    value = b
    while (space := folded.rfind(" ", a, value)) >= 0 and _NUMBER.fullmatch(folded, space + 1, value):
        value = space
    return None if value == b else value + 1


#: An HTML line break, as converters print one inside a Markdown table's cell.
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


#: A row label that opens with its numbering (``1.属于国家``): printed beside a group label's piece, in a
#: column of its own.
_NUMBERED = re.compile(r"\d{1,2}[.、][^\d\s]")
#: A line opened (after spaces only) by a row's numbering of one or two digits before a word (``  2.没有``):
#: group 1 is the numbering.
_OPENING_NUMBERING = re.compile(r"[^\S\n]*(\d{1,2})[.、](?=[^\d\s])")
#: The same after a line break: a search for it skips from line break to line break.
_LINE_OPENING_NUMBERING = re.compile(rf"\n{_OPENING_NUMBERING.pattern}")

#: A number's last digit before a gap, a tab or the line's end: what a line with a value cell prints.
_VALUE_TAIL = re.compile(r"\d(?=[ \t]{2,}|\t|[ \t]*$)", re.MULTILINE)
#: What a spaced line with something to blank prints: a value cell's last digit, or a numbering before a word
#: (a numbered row label's).
_MAY_BLANK = re.compile(rf"{_VALUE_TAIL.pattern}|\d[.、][^\d\s]", re.MULTILINE)


def label_view(folded: str) -> str:
    """``folded`` with the number cells of its spaced lines blanked, and the pieces of a group label printed
    in a column of its own beside numbered row labels (``（三）不予   1.属于国家 0 …`` / ``公开      秘密``):
    what the label search reads, so that the row label is found whole (``1.属于国家秘密``).  A line break
    inside a Markdown table's cell (``|1.属于国家<br>秘密|``: pymupdf4llm, markitdown) is blanked too."""
    if "<br" in folded or "<BR" in folded:
        folded = _BREAK.sub(_blank, folded)
    if "  " not in folded:
        return folded
    blanks: list[tuple[int, int]] = []
    column: int | None = None  # where the numbered row labels beside a group label start, on the lines above
    previous = -2
    for start, line_end in _spaced_lines(folded):
        if start != previous + 1:
            column = None  # the pieces of a group label are on consecutive lines
        previous = end = line_end
        values = _VALUES_REVERSED.match(folded[start:end][::-1]) if end - start <= _REVERSED_LINE_MAX else None
        if values is not None:  # blanked together, the spaces between them with them
            blanks.append((end - values.end(1), end - values.start(1)))
            end -= values.end(1)  # the line's cells before them
        if column is None and _MAY_BLANK.search(folded, start, end) is None:
            continue  # no value cell, no numbered label: nothing to blank (a table of pipes, a gap in prose)
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


def _spaced_lines(folded: str) -> Iterator[tuple[int, int]]:
    """Where each spaced line starts and ends."""
    first = _SPACED_LINE.match(folded)
    if first is not None:
        yield first.span()
    for line in _NEXT_SPACED_LINE.finditer(folded):
        yield line.span(1)


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
    the row label's column; the values' line prints only pieces left of it: the group column's).  Only the
    lines that a numbered label opens are read, with the two lines below them."""
    found: list[tuple[int, int]] = []
    for above_start, at in _numbered_lines(folded):
        start = _line_end(folded, above_start)
        if start == len(folded):
            continue  # no line below it
        start += 1
        end = _line_end(folded, start)
        if end == len(folded) or _VALUE_TAIL.search(folded, start, end) is None:
            continue  # no line below the values' line, or no value on it
        below_start = end + 1
        below = _lone_piece(folded, below_start, _line_end(folded, below_start))
        if below is None or _lone_piece(folded, above_start, start - 1) is None:
            continue
        line, values = _line_pieces(folded, start, end)
        if not values or not line:
            continue
        column = at - above_start
        if abs(below - below_start - column) <= 1 and all(b - start < column - 1 for _, b in line):
            found += line
    return found


def _numbered_lines(folded: str) -> Iterator[tuple[int, int]]:
    """Where each line opened by a row's numbering starts, and where its numbering does."""
    first = _OPENING_NUMBERING.match(folded)
    if first is not None:
        yield 0, first.start(1)
    for numbered in _LINE_OPENING_NUMBERING.finditer(folded):
        yield numbered.start() + 1, numbered.start(1)


def _line_end(folded: str, start: int) -> int:
    end = folded.find("\n", start)
    return len(folded) if end == -1 else end


def _lone_piece(folded: str, start: int, end: int) -> int | None:
    """Where the line ``folded[start:end]`` prints its one label piece, or None when it prints more, none or
    a value cell."""
    cell = _CELL.search(folded, start, end)
    if cell is None or folded[cell.end() : end].strip() or _value_start(folded, *cell.span(), end) is not None:
        return None
    return cell.start()


def _line_pieces(folded: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """The label pieces of the line ``folded[start:end]``, and whether it prints a value cell."""
    pieces: list[tuple[int, int]] = []
    values = False
    for a, b, value in spaced_cells(folded, start, end):
        values = values or value
        if not value:
            pieces.append((a, b))
    return pieces, values
