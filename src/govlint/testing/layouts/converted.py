"""Layouts that PDF converters and printed pages give real reports, each seen in reports govlint had not read:

- ``onerow``: Markdown where every data row stands alone under its own ``###`` heading as a one-row table
  with generic headers (``| 类别 | 数据1 | … | 数据6 | 总计 |``); the header rows of a table stay one
  Markdown table (issue #10 §4 b);
- ``brokenhead``: table 四 as a PDF's plain text gives it: its two-level header broken into short lines of one
  to four characters (about 25 lines), then the fifteen numbers on one line; the other tables tab-separated
  (issue #10 §4 e);
- ``footer``: tab-separated rows of a printed page whose page footer (``- 5 -``) is glued to the last value
  of the row before the page break (``769- 5 -``, issue #10 §4 d);
- ``detached``: converter Markdown where label lines and value-only pipe rows come apart: the labels of a run
  of rows are printed first, each wrapped over one to four lines, then the run's value rows
  (``| 0 | 0 | 0 | 0 | 0 | 0 | 0 |``); other rows keep their values (``| 标签 | 1 | 0 | … |``); a ``|---|``
  line follows every pipe row (issue #10 §4 c).  A run whose value rows differ is ``uncertain``: only an
  order the table's arithmetic proves may place them.
"""

from __future__ import annotations

from collections.abc import Sequence

from govlint.testing.layouts.base import Rendered, Writer, matrix
from govlint.testing.layouts.blocks import Grid, GridRow
from govlint.testing.layouts.text import _render, _tabs_grid, render_uncertain
from govlint.testing.noise import Noise, split_points
from govlint.testing.reportmodel import ReportModel

_NO_ANCHORS: tuple[str, ...] = ()


def _label(row: GridRow) -> str:
    """The row's own label: its last label cell (the group labels of a rowspan are printed above it)."""
    labels = [cell.text.replace("\n", "") for cell in row.cells if cell.kind in ("label", "group")]
    return labels[-1] if labels else ""


def _table_row(w: Writer, pieces: Sequence[tuple[str, tuple[str, ...]]], anchors: tuple[str, ...]) -> None:
    start = w.pos
    w.write("| ")
    for i, (text, keys) in enumerate(pieces):
        if i:
            w.write(" | ")
        w.write(text, keys)
    w.write(" |")
    for key in anchors:
        w.add(key, start, w.pos)
    w.write("\n")


def _onerow_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    """Rows without values (captions, headers) as Markdown tables; each data row alone under its heading."""
    slots = matrix(grid)
    opened = False
    for r, row in enumerate(grid.rows):
        values = [cell for cell in row.cells if cell.kind == "value"]
        if not values:
            pieces = [(s.cell.text.replace("\n", "") if s is not None and s.origin else "", ()) for s in slots[r]]
            if not opened:
                w.write("\n")
            _table_row(w, pieces, row.anchors)
            if not opened:
                w.write("|" + "---|" * len(pieces) + "\n")
            opened = True
            continue
        opened = False
        label = _label(row)
        if label:
            w.write(f"\n### {label}\n\n")
        names = ["类别"] if label else []
        names += [f"数据{i}" for i in range(1, len(values))] + ["总计" if len(values) > 1 else "数据1"]
        _table_row(w, [(name, _NO_ANCHORS) for name in names], ())
        w.write("|" + "---|" * len(names) + "\n")
        printed = [(cell.text, cell.anchors) for cell in values]
        _table_row(w, [(label, _NO_ANCHORS), *printed] if label else printed, row.anchors)
    w.write("\n")


def _footer_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    """Tab rows; after the last value of some rows, the page's footer, as a PDF-to-text tool glues it."""
    rng = noise.rng(f"footer:{grid.table}")
    marks: list[int] = []
    inner = Writer()
    _tabs_grid(inner, grid, noise)
    text = inner.text()
    for index, char in enumerate(text):
        if char == "\n" and index and text[index - 1].isdigit() and rng.random() < 0.3:
            marks.append(index)
    page = rng.randint(2, 30)
    cursor = 0
    for mark in marks:
        _copy(w, inner, cursor, mark)
        w.write(rng.choice(("- {} -", "-{}-", " - {} -")).format(page))
        page += 1
        cursor = mark
    _copy(w, inner, cursor, len(text))


def _copy(w: Writer, inner: Writer, start: int, end: int) -> None:
    """Write ``inner``'s text from ``start`` to ``end`` with the anchors that lie inside it."""
    offset = w.pos - start
    w.write(inner.text()[start:end])
    for key, ranges in inner.anchors.items():
        for a, b in ranges:
            if start <= a and b <= end:
                w.add(key, a + offset, b + offset)


def _brokenhead_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    if grid.table != "review_litigation":
        _tabs_grid(w, grid, noise)
        return
    rng = noise.rng("brokenhead")
    for row in grid.rows:
        values = [cell for cell in row.cells if cell.kind == "value"]
        start = w.pos
        if values:
            for i, cell in enumerate(values):
                if i:
                    w.write(" ")
                w.write(cell.text, cell.anchors)
            w.write("\n")
        else:
            for cell in row.cells:
                text = cell.text.replace("\n", "")
                while text:
                    size = rng.randint(1, 4)
                    w.write(text[:size] + "\n")
                    text = text[size:]
        for key in row.anchors:
            w.add(key, start, w.pos)


class _Detached:
    """Writes one table of the ``detached`` layout, keeping the rows whose labels wait for their values."""

    def __init__(self, w: Writer, grid: Grid, noise: Noise, uncertain: set[str]) -> None:
        self.w = w
        self.grid = grid
        self.rng = noise.rng(f"detached:{grid.table}")
        self.uncertain = uncertain
        self.waiting: list[GridRow] = []

    def rule(self, width: int) -> None:
        self.w.write("|" + "---|" * width + "\n")

    def labels(self, row: GridRow, *, own: bool) -> None:
        """The row's group labels (三、本年度办理结果, （三）不予公开) as lines; its own label too when ``own``."""
        labels = [cell.text.replace("\n", "") for cell in row.cells if cell.kind in ("label", "group")]
        for text in labels[:-1]:
            self.w.write(text + "\n")
        if own and labels:
            start = self.w.pos
            for piece in split_points(labels[-1], self.rng.randint(1, 4), self.rng):
                self.w.write(piece + "\n")
            for key in row.anchors:
                self.w.add(key, start, self.w.pos - 1)

    def flush(self) -> None:
        """The waiting rows' value rows, in order, each under its own ``|---|`` line."""
        for row in self.waiting:
            values = [cell for cell in row.cells if cell.kind == "value"]
            _table_row(self.w, [(cell.text, cell.anchors) for cell in values], row.anchors)
            self.rule(len(values))
        printed = {tuple(cell.text for cell in row.cells if cell.kind == "value") for row in self.waiting}
        if len(printed) > 1:  # rows that differ: which label each belongs to only arithmetic may prove
            self.uncertain.update(
                key.removeprefix("cell.")
                for row in self.waiting
                for cell in row.cells
                for key in cell.anchors
                if key.startswith("cell.")
            )
        self.waiting = []

    def write(self) -> None:
        slots = matrix(self.grid)
        self.w.write("\n")
        for r, row in enumerate(self.grid.rows):
            values = [cell for cell in row.cells if cell.kind == "value"]
            if not values or self.grid.table == "review_litigation":
                self.flush()
                pieces = [
                    (s.cell.text.replace("\n", "") if s is not None and s.origin else "", s.cell.anchors if s else ())
                    for s in slots[r]
                    if s is None or s.origin or s.cell.kind != "value"
                ]
                _table_row(self.w, [(text, keys if text else ()) for text, keys in pieces], row.anchors)
                self.rule(len(pieces))
                continue
            if _label(row) and self.rng.random() < 0.6:
                self.labels(row, own=True)
                self.waiting.append(row)
                continue
            self.flush()
            self.labels(row, own=False)
            printed = [(cell.text, cell.anchors) for cell in values]
            _table_row(self.w, [(_label(row), _NO_ANCHORS), *printed], row.anchors)
            self.rule(len(printed) + 1)
        self.flush()
        self.w.write("\n")


def render_detached(model: ReportModel, noise: Noise) -> Rendered:
    return render_uncertain(
        "detached", model, noise, lambda w, grid, noise, uncertain: _Detached(w, grid, noise, uncertain).write()
    )


def render_brokenhead(model: ReportModel, noise: Noise) -> Rendered:
    return _render("brokenhead", model, noise, _brokenhead_grid, blank_between=True)


def render_onerow(model: ReportModel, noise: Noise) -> Rendered:
    return _render("onerow", model, noise, _onerow_grid, blank_between=True)


def render_footer(model: ReportModel, noise: Noise) -> Rendered:
    return _render("footer", model, noise, _footer_grid, blank_between=True)
