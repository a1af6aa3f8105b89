"""A portal page as real ones are (``tests/fixtures/corpus/pingtan/014_approval_2025.html``): site chrome,
the title and the metadata, paragraphs as ``<p>``, the tables as ``<table>`` with rowspan and colspan, header
cells broken with ``<br/>`` or several ``<p>``."""

from __future__ import annotations

import html

from govlint.testing.layouts.base import Rendered
from govlint.testing.layouts.blocks import Close, Grid, GridCell, Line, Open, document
from govlint.testing.model import ReportModel
from govlint.testing.noise import Noise

_TD_STYLE = "border-width: 1px; border-style: solid; border-color: rgb(0, 0, 0);"
_P_STYLE = "text-indent: 2em; text-align: left;"


def _cell(cell: GridCell, broken_with_br: bool) -> str:
    attrs = ""
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    pieces = [html.escape(p) for p in cell.text.split("\n")]
    inner = "<p>" + "<br/>".join(pieces) + "</p>" if broken_with_br else "".join(f"<p>{p}</p>" for p in pieces)
    return f'<td width="{40 * cell.colspan}" valign="center"{attrs} style="{_TD_STYLE}">{inner}</td>'


def _table(grid: Grid, noise: Noise) -> str:
    rng = noise.rng(f"html:{grid.table}")
    with_br = rng.random() < 0.5
    rows = []
    for i, row in enumerate(grid.rows):
        cls = ' class="firstRow"' if i == 0 else ""
        rows.append(f"<tr{cls}>" + "".join(_cell(c, with_br) for c in row.cells) + "</tr>")
    return (
        '<table border="1" cellspacing="0" align="center" style="border-collapse: collapse;"><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def page(model: ReportModel, noise: Noise) -> str:
    """The report as an HTML page."""
    title = html.escape(model.title or "")
    meta = model.metadata
    info = ""
    if meta is not None:
        date = meta.publish_date.text() if meta.publish_date else ""
        info = (
            f'<div class="info"><span>{meta.date_label}：{html.escape(date)}</span>'
            f"<span>来源：{html.escape(meta.issuer)}</span></div>"
        )
    body: list[str] = []
    for block in document(model, noise, meta_style="document"):
        if isinstance(block, (Open, Close)):
            continue
        if isinstance(block, Line):
            if block.kind in ("meta", "title"):
                continue
            align = "text-align: right;" if block.kind == "signature" else _P_STYLE
            body.append(f'<p style="{align}">{html.escape(block.text)}</p>')
        else:
            body.append(_table(block, noise))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{title}</title></head>\n<body>\n"
        '<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
        '<li><a href="/hdjl/">互动交流</a></li></ul></div>\n'
        '<div class="position">当前位置：<a href="/">首页</a> &gt; '
        '<a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>\n'
        f'<div class="article"><h1 class="title">{title}</h1>{info}\n'
        '<div class="TRS_Editor">' + "".join(body) + "</div></div>\n"
        '<div class="footer"><p>主办单位：' + html.escape(model.agency) + "　网站标识码：3501000001</p></div>\n"
        "</body></html>\n"
    )


def render_html(model: ReportModel, noise: Noise) -> Rendered:
    return Rendered("html", "", {}, data=page(model, noise).encode("utf-8"), suffix=".html")
