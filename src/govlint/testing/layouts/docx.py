"""A Word document (``.docx``): paragraphs and real tables, merged cells as Word writes them
(``w:gridSpan`` across columns, ``w:vMerge`` down rows), header cells broken into several paragraphs.

The package is written directly (a zip of three XML parts): it is fast and needs no Word library.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from govlint.testing.layouts.base import Rendered, matrix
from govlint.testing.layouts.blocks import Close, Grid, Line, Open, document
from govlint.testing.noise import Noise
from govlint.testing.reportmodel import ReportModel

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _paragraph(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def _table(grid: Grid) -> str:
    slots = matrix(grid)
    width = len(slots[0])
    rows = []
    for row in slots:
        cells = []
        c = 0
        while c < width:
            slot = row[c]
            if slot is None:
                cells.append(f"<w:tc>{_paragraph('')}</w:tc>")
                c += 1
                continue
            cell = slot.cell
            first_column = c == 0 or row[c - 1] is None or row[c - 1].cell is not cell  # type: ignore[union-attr]
            if not first_column:
                c += 1
                continue
            props = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            if cell.rowspan > 1:
                props += '<w:vMerge w:val="restart"/>' if slot.origin else "<w:vMerge/>"
            body = "".join(_paragraph(t) for t in cell.text.split("\n")) if slot.origin else _paragraph("")
            cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>" if props else f"<w:tc>{body}</w:tc>")
            c += cell.colspan
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    columns = "".join('<w:gridCol w:w="700"/>' for _ in range(width))
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{columns}</w:tblGrid>" + "".join(rows) + "</w:tbl>"
    )


def document_xml(model: ReportModel, noise: Noise) -> str:
    parts = []
    meta = model.metadata
    for block in document(model, noise, meta_style="document"):
        if isinstance(block, (Open, Close)):
            continue
        if isinstance(block, Line):
            keys = {key for segment in block.segments for key in segment.anchors}
            if block.kind == "meta" and not (meta and "meta.publish_date" in keys):
                continue
            parts.append(_paragraph(block.text, "Title" if block.kind == "title" else ""))
        else:
            parts.append(_table(block))
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
        + "".join(parts)
        + "<w:sectPr/></w:body></w:document>"
    )


def render_docx(model: ReportModel, noise: Noise) -> Rendered:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document_xml(model, noise))
    return Rendered("docx", "", {}, data=out.getvalue(), suffix=".docx")
