"""``spaced``: the report as ``pdftotext -layout`` gives a PDF: table cells at character columns, separated by
runs of spaces, no separator character (the peer corpus's ``*.pdftotext.txt``).

What real output does and this layout imitates:

- a row's values sit at its table's value columns, each within a character of the column's centre;
- a cell the PDF shows empty prints nothing: the row is short, and only its neighbours' columns place it;
- a long label wraps inside its column, and the values follow on a line of their own (``（二）部分公开（区分
  处理的，`` / ``计其他情形）`` / ``9  0 … 9``), stand beside the label's first piece (a cell aligned to its
  top) or a middle piece, or on a line of their own between two pieces (a centred cell: ``行政`` / ``9487``
  / ``许可``);
- a group label (``（三）不予公开``) is printed on a line of its own among its rows;
- at a page break the page number (``-3-``) is printed, and the columns of the next page start elsewhere (the
  same table: its columns keep their order and spacing).

Cells of a row with an empty cell are ``uncertain``: a reader may leave such a row unread (its neighbours
may not prove the blank's column), never read another number.
"""

from __future__ import annotations

from govlint.testing.layouts.base import Rendered, Writer
from govlint.testing.layouts.blocks import Grid, GridRow
from govlint.testing.layouts.text import render_uncertain
from govlint.testing.noise import Noise
from govlint.testing.reportmodel import ReportModel


class _Spaced:
    """Writes one table at character columns."""

    def __init__(self, w: Writer, grid: Grid, noise: Noise, uncertain: set[str]) -> None:
        self.w = w
        self.grid = grid
        self.noise = noise
        self.rng = noise.rng(f"spaced:{grid.table}")
        self.uncertain = uncertain
        self.columns = self.layout_columns()

    def layout_columns(self) -> list[int]:
        """The centre of each value column: after a label area, 4 to 10 characters apart."""
        count = max((sum(c.kind == "value" for c in row.cells) for row in self.grid.rows), default=0)
        position = self.rng.randint(18, 34) if self.grid.table != "review_litigation" else self.rng.randint(0, 4)
        centres = []
        for _ in range(count):
            position += self.rng.randint(4, 10)
            centres.append(position)
        return centres

    def line(self, pieces: list[tuple[int, str, tuple[str, ...]]], anchors: tuple[str, ...] = ()) -> None:
        """Text pieces at (at least) their columns, two spaces apart at least, then a line break."""
        start = self.w.pos
        column = 0
        for at, text, keys in pieces:
            gap = max(at - column, 2 if column else 0)
            self.w.write(" " * gap)
            self.w.write(text, keys)
            column += gap + len(text)
        for key in anchors:
            self.w.add(key, start, self.w.pos)
        self.w.write("\n")

    def values_at(self, row: GridRow) -> list[tuple[int, str, tuple[str, ...]]]:
        values = [cell for cell in row.cells if cell.kind == "value"]
        columns = self.columns[-len(values) :] if len(values) <= len(self.columns) else self.columns
        placed = []
        for centre, cell in zip(columns, values, strict=False):
            if cell.text == "":
                keys = [k.removeprefix("cell.") for c in values for k in c.anchors if k.startswith("cell.")]
                self.uncertain.update(keys)  # a blank cell: only the neighbours' columns can place the row
                continue
            at = centre - len(cell.text) // 2 + self.rng.choice((0, 0, 0, 1, -1))
            placed.append((max(at, 0), cell.text, cell.anchors))
        return placed

    def write(self) -> None:
        label_width = (self.columns[0] - 4) if self.columns else 20
        for index, row in enumerate(self.grid.rows):
            if self.noise.page_artifacts and index > 2 and self.rng.random() < 0.04:
                self.line([(label_width + 20, f"-{self.rng.randint(2, 30)}-", ())])
                shift = self.rng.choice((-5, -3, 3, 4))  # the next page's table starts elsewhere, its columns
                self.columns = [c + shift for c in self.columns]  # in their order and as far apart (one table)
                label_width = (self.columns[0] - 4) if self.columns else 20
            values = self.values_at(row)
            labels = [cell.text.replace("\n", "") for cell in row.cells if cell.kind in ("label", "group")]
            if not any(cell.kind == "value" for cell in row.cells):
                self.header(row)
                continue
            for group in labels[:-1]:
                self.line([(self.rng.randint(0, 4), group, ())])
            own = labels[-1] if labels else ""
            indent = self.rng.randint(0, 6) if own else 0
            if not own or len(own) + indent <= label_width:
                self.line([(indent, own, ()), *values] if own else values, row.anchors)
                continue
            width = max(label_width - indent, 4)  # a PDF cell wraps its text inside the label column
            pieces = [own[i : i + width] for i in range(0, len(own), width)]
            start = self.w.pos
            self.wrapped(pieces, indent, values)
            for key in row.anchors:
                self.w.add(key, start, self.w.pos - 1)

    def wrapped(self, pieces: list[str], indent: int, values: list[tuple[int, str, tuple[str, ...]]]) -> None:
        """A label wrapped over ``pieces`` and its row's values: on a line of their own after the label, beside
        its first piece (a cell aligned to its top), beside a middle piece, or on a line of their own between
        two pieces (a centred cell)."""
        middle = len(pieces) // 2
        where = self.rng.choice(("after", "first", "middle", "between"))
        for index, piece in enumerate(pieces):
            if where == "between" and index == middle and index:
                self.line(values)
            beside = (where == "first" and index == 0) or (where == "middle" and index == middle)
            self.line([(indent, piece, ()), *values] if beside else [(indent, piece, ())])
        if where == "after" or (where == "between" and not middle):
            self.line(values)

    def header(self, row: GridRow) -> None:
        """A header row: its texts from the left, two to four spaces apart."""
        pieces = []
        column = self.rng.randint(0, 6)
        for cell in row.cells:
            text = cell.text.replace("\n", "")
            if text:
                pieces.append((column, text, cell.anchors))
                column += len(text) + self.rng.randint(2, 4)
        self.line(pieces, row.anchors)


def render_spaced(model: ReportModel, noise: Noise) -> Rendered:
    return render_uncertain(
        "spaced", model, noise, lambda w, grid, noise, uncertain: _Spaced(w, grid, noise, uncertain).write()
    )
