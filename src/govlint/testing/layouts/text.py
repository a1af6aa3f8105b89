"""Plain-text layouts of real reports, each imitating a seed:

- ``tabs``: tab-separated rows, spanned cells left empty (seeds 000 and 003);
- ``pipe``: `` | ``-separated rows without the spanned cells and with trailing pipes (seed 001);
- ``markdown``: Markdown tables, spanned cells empty (a converter's output);
- ``cells``: one cell per line with blank lines between (seed 002);
- ``tabcells``: one tab-indented cell per line, header cells broken over lines (seed 004).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from govlint.testing.layouts.base import Rendered, Slot, Writer, matrix
from govlint.testing.layouts.blocks import Block, Close, Grid, GridCell, Line, Open, document
from govlint.testing.noise import Noise, split_points
from govlint.testing.reportmodel import ReportModel

GridWriter = Callable[[Writer, Grid, Noise], None]


def _write_blocks(
    w: Writer, blocks: list[Block], noise: Noise, grid_writer: GridWriter, *, blank_between: bool
) -> None:
    for block in blocks:
        if isinstance(block, Open):
            w.open(block.key)
        elif isinstance(block, Close):
            w.close(block.key)
        elif isinstance(block, Line):
            for segment in block.segments:
                w.write(segment.text, segment.anchors)
            w.write("\n\n" if blank_between else "\n")
        else:
            grid_writer(w, block, noise)
            if blank_between:
                w.write("\n")


def _cell_text(cell: GridCell, join: str = " ") -> str:
    return cell.text.replace("\n", join)


def _write_row(w: Writer, pieces: list[tuple[str, tuple[str, ...]]], sep: str, anchors: tuple[str, ...]) -> None:
    start = w.pos
    for i, (text, keys) in enumerate(pieces):
        if i:
            w.write(sep)
        w.write(text, keys)
    for key in anchors:
        w.add(key, start, w.pos)
    w.write("\n")


# ----- tabs (seeds 000, 003) --------------------------------------------------------------------------------


def _spread_labels(
    grid: Grid, slots: list[list[Slot | None]], noise: Noise, rng: random.Random
) -> dict[tuple[int, int], str]:
    """Where a row-spanning label's text goes: on its first row (seed 003), or cut in pieces over the
    middle rows of its span (seed 000's "(三) 不" / "予公开", "年度办" / "理结果")."""
    placed: dict[tuple[int, int], str] = {}
    for r, row in enumerate(slots):
        for c, slot in enumerate(row):
            if slot is None or not slot.origin or slot.cell.rowspan < 2:
                continue
            text = _cell_text(slot.cell)
            if noise.split_labels and rng.random() < 0.5:
                pieces = split_points(text.replace(" ", ""), min(3, slot.cell.rowspan), rng)
                first = r + max(0, (slot.cell.rowspan - len(pieces)) // 2) if rng.random() < 0.5 else r
                for i, piece in enumerate(pieces):
                    placed[(first + i, c)] = piece
            else:
                placed[(r, c)] = text
    return placed


def _tabs_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    rng = noise.rng(f"tabs:{grid.table}")
    slots = matrix(grid)
    labels = _spread_labels(grid, slots, noise, rng)
    padded = rng.random() < 0.5  # seed 000 pads every row of a table to one width; seed 003 does not
    pad = len(slots[0]) + rng.randint(0, 3)
    for r, row in enumerate(slots):
        pieces: list[tuple[str, tuple[str, ...]]] = []
        for c, slot in enumerate(row):
            if slot is None:
                pieces.append(("", ()))
            elif slot.cell.rowspan > 1 and slot.cell.kind != "value":
                pieces.append((labels.get((r, c), "") if slot.cell.colspan == 1 or slot.origin else "", ()))
            else:
                text = _cell_text(slot.cell) if slot.origin else ""
                pieces.append((text, slot.cell.anchors if slot.origin else ()))
        complete = all(text for text, keys in pieces if any(k.startswith("cell.") for k in keys))
        if noise.split_labels and complete and not grid.rows[r].header and rng.random() < 0.08:
            while len(pieces) > 1 and pieces[0][0] == "":  # seed 003: a row that lost its leading tabs
                pieces.pop(0)
        if padded:
            pieces += [("", ())] * max(0, pad - len(pieces))
        else:
            while len(pieces) > 1 and pieces[-1][0] == "" and rng.random() < 0.7:
                pieces.pop()
        _write_row(w, pieces, "\t", grid.rows[r].anchors)
        if noise.blank_lines and rng.random() < 0.04:
            w.write("\n")


# ----- pipe (seed 001) and Markdown -------------------------------------------------------------------------


def _pipe_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    rng = noise.rng(f"pipe:{grid.table}")
    for row in grid.rows:
        pieces = [(_cell_text(cell), cell.anchors) for cell in row.cells]
        tail = " | " + "|" * rng.randint(1, 9) if rng.random() < 0.8 else ""
        start = w.pos
        for i, (text, keys) in enumerate(pieces):
            if i:
                w.write(" | ")
            w.write(text, keys)
        for key in row.anchors:
            w.add(key, start, w.pos)
        w.write(tail + "\n")


def _markdown_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    slots = matrix(grid)
    w.write("\n")
    for r, row in enumerate(slots):
        pieces = [
            (
                _cell_text(s.cell) if s is not None and s.origin else "",
                s.cell.anchors if s is not None and s.origin else (),
            )
            for s in row
        ]
        start = w.pos
        w.write("| ")
        for i, (text, keys) in enumerate(pieces):
            if i:
                w.write(" | ")
            w.write(text, keys)
        w.write(" |")
        for key in grid.rows[r].anchors:
            w.add(key, start, w.pos)
        w.write("\n")
        if r == 0:
            w.write("|" + "---|" * len(row) + "\n")


# ----- one cell per line (seeds 002, 004) --------------------------------------------------------------------


def _cells_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    """Seed 002: every printed cell on its own line, a blank line after each; spanned cells not repeated."""
    for row in grid.rows:
        start = w.pos
        for cell in row.cells:
            if cell.text == "":
                continue
            w.write(cell.text.replace("\n", "\n\n"), cell.anchors)
            w.write("\n\n")
        for key in row.anchors:
            w.add(key, start, w.pos)


def _tabcells_grid(w: Writer, grid: Grid, noise: Noise) -> None:
    """Seed 004: a tab before every cell, one per line; a tab alone where a row-spanning cell continues;
    a blank line after each row; header cells broken over two lines."""
    slots = matrix(grid)
    for r, row in enumerate(slots):
        start = w.pos
        for c, slot in enumerate(row):
            if slot is None:
                continue
            if slot.origin:
                w.write("\t")
                w.write(slot.cell.text, slot.cell.anchors)
                w.write("\n")
            elif slot.below and (c == 0 or row[c - 1] is None or row[c - 1].cell is not slot.cell):  # type: ignore[union-attr]
                w.write("\t\n")
        for key in grid.rows[r].anchors:
            w.add(key, start, w.pos)
        w.write("\n")


# ----- the layouts ------------------------------------------------------------------------------------------


def _render(layout: str, model: ReportModel, noise: Noise, grid_writer: GridWriter, *, blank_between: bool) -> Rendered:
    w = Writer()
    _write_blocks(w, document(model, noise), noise, grid_writer, blank_between=blank_between)
    return w.result(layout)


def render_uncertain(
    layout: str, model: ReportModel, noise: Noise, grid_writer: Callable[[Writer, Grid, Noise, set[str]], None]
) -> Rendered:
    """Like :func:`_render`, for a layout whose grid writer names the cells a reader may leave unread."""
    uncertain: set[str] = set()
    w = Writer()
    blocks = document(model, noise)
    _write_blocks(w, blocks, noise, lambda w, grid, noise: grid_writer(w, grid, noise, uncertain), blank_between=True)
    return w.result(layout, uncertain=frozenset(uncertain))


def render_tabs(model: ReportModel, noise: Noise) -> Rendered:
    return _render("tabs", model, noise, _tabs_grid, blank_between=True)


def render_pipe(model: ReportModel, noise: Noise) -> Rendered:
    return _render("pipe", model, noise, _pipe_grid, blank_between=False)


def render_markdown(model: ReportModel, noise: Noise) -> Rendered:
    return _render("markdown", model, noise, _markdown_grid, blank_between=True)


def render_cells(model: ReportModel, noise: Noise) -> Rendered:
    return _render("cells", model, noise, _cells_grid, blank_between=True)


def render_tabcells(model: ReportModel, noise: Noise) -> Rendered:
    return _render("tabcells", model, noise, _tabcells_grid, blank_between=False)
