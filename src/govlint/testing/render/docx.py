"""A Word document (``.docx``): paragraphs and real tables with merged cells.  Needs python-docx."""

from __future__ import annotations

import io
from typing import Any

from govlint.testing.model import ReportModel
from govlint.testing.noise import Noise
from govlint.testing.render.base import Rendered, matrix
from govlint.testing.render.blocks import Close, Grid, Line, Open, document


def _table(doc: Any, grid: Grid) -> None:
    slots = matrix(grid)
    table = doc.add_table(rows=len(slots), cols=len(slots[0]))
    table.style = "Table Grid"
    placed: set[int] = set()
    for r, row in enumerate(slots):
        for c, slot in enumerate(row):
            if slot is None or not slot.origin or id(slot.cell) in placed:
                continue
            placed.add(id(slot.cell))
            cell = table.cell(r, c)
            last = table.cell(r + slot.cell.rowspan - 1, c + slot.cell.colspan - 1)
            if last is not cell and (slot.cell.rowspan > 1 or slot.cell.colspan > 1):
                cell = cell.merge(last)
            lines = slot.cell.text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for extra in lines[1:]:
                cell.add_paragraph(extra)


def render_docx(model: ReportModel, noise: Noise) -> Rendered:
    import docx  # python-docx: optional, imported only when this layout is asked for

    doc = docx.Document()
    meta = model.metadata
    for block in document(model, noise, meta_style="document"):
        if isinstance(block, (Open, Close)):
            continue
        if isinstance(block, Line):
            if block.kind == "meta" and not (meta and meta.publish_date and "meta.publish_date" in _keys(block)):
                continue
            paragraph = doc.add_paragraph(block.text)
            if block.kind == "title":
                paragraph.style = doc.styles["Title"]
        else:
            _table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return Rendered("docx", "", {}, data=out.getvalue(), suffix=".docx")


def _keys(line: Line) -> set[str]:
    return {key for segment in line.segments for key in segment.anchors}
