"""What every renderer shares: the anchored text writer, the span matrix of a grid, the rendered result."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

import attrs

from govlint.records import Record
from govlint.testing.layouts.blocks import Grid, GridCell

Range = tuple[int, int]


@attrs.frozen(repr=False)
class Rendered(Record):
    """A report printed in one layout, and where each anchored part of it ended up.

    ``text`` is the text layouts' output (``data`` holds the bytes of HTML and DOCX).  ``anchors`` maps an
    anchor key (see :mod:`govlint.testing.layouts.blocks`) to offset ranges in ``text``; binary layouts have
    none, since their text is what govlint's reader extracts.  ``uncertain`` lists the cells
    (``applications.granted.total``) whose digits run together so that their split is not unique: a
    correct reader leaves them unknown or gets them right, never wrong.
    """

    layout: str
    text: str
    anchors: Mapping[str, tuple[Range, ...]]
    data: bytes | None = None
    suffix: str = ".txt"
    uncertain: frozenset[str] = frozenset()

    @property
    def binary(self) -> bool:
        return self.data is not None

    def source(self) -> str | bytes:
        """What to give :func:`govlint.parse`: the text, or the file's bytes."""
        return self.data if self.data is not None else self.text

    def ranges(self, keys: Iterable[str]) -> list[Range]:
        return [r for key in keys for r in self.anchors.get(key, ())]

    def lines(self, keys: Iterable[str]) -> set[int]:
        """The 1-based lines covered by any range of ``keys``."""
        starts = self._line_starts()
        found: set[int] = set()
        for start, end in self.ranges(keys):
            first = bisect.bisect_right(starts, start)
            last = bisect.bisect_right(starts, max(start, end - 1))
            found.update(range(first, last + 1))
        return found

    def offset(self, line: int, column: int) -> int:
        starts = self._line_starts()
        return starts[min(max(line, 1), len(starts)) - 1] + column - 1

    def covers(self, line: int, column: int, keys: Iterable[str]) -> bool:
        """Whether a position (1-based line and column) lies within the parts named by ``keys``.

        On a layout with real lines, any column of a covered line counts; on a crawled page (all on one
        line) the offset must fall inside a range.
        """
        keys = list(keys)
        if self.layout != "crawled":
            return line in self.lines(keys)
        offset = self.offset(line, column)
        return any(start <= offset <= end for start, end in self.ranges(keys))

    def _line_starts(self) -> list[int]:
        starts = [0]
        pos = self.text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = self.text.find("\n", pos + 1)
        return starts


class Writer:
    """Accumulates text and records the offset range of each anchor."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self._open: dict[str, int] = {}
        self.anchors: dict[str, list[Range]] = {}

    @property
    def pos(self) -> int:
        return self._pos

    def write(self, text: str, anchors: Iterable[str] = ()) -> None:
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        for key in anchors:
            self.add(key, start, self._pos)

    def add(self, key: str, start: int, end: int) -> None:
        self.anchors.setdefault(key, []).append((start, end))

    def open(self, key: str) -> None:
        self._open[key] = self._pos

    def close(self, key: str) -> None:
        start = self._open.pop(key, None)
        if start is not None:
            self.add(key, start, self._pos)

    def text(self) -> str:
        return "".join(self._parts)

    def result(self, layout: str, **kwargs: object) -> Rendered:
        anchors = {k: tuple(v) for k, v in self.anchors.items()}
        return Rendered(layout, self.text(), anchors, **kwargs)  # type: ignore[arg-type]


@attrs.frozen(repr=False)
class Slot(Record):
    """One position of a grid's matrix: the cell covering it and whether the cell starts there."""

    cell: GridCell
    origin: bool
    #: Whether the slot continues a cell spanning rows (False: it continues a column span).
    below: bool = False


def matrix(grid: Grid) -> list[list[Slot | None]]:
    """The grid as a full matrix, spans expanded (the HTML table model); None where nothing is printed."""
    taken: dict[tuple[int, int], Slot] = {}
    rows: list[list[Slot | None]] = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row.cells:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[(r + dr, c + dc)] = Slot(cell, dr == 0 and dc == 0, below=dr > 0)
            c += cell.colspan
    width = max([grid.width, *(c + 1 for (_, c) in taken)])
    for r in range(len(grid.rows)):
        rows.append([taken.get((r, c)) for c in range(width)])
    return rows
