"""A portal page as real ones are (``tests/fixtures/corpus/pingtan/014_approval_2025.html``): site chrome,
the title and the metadata, paragraphs as ``<p>``, the tables as ``<table>`` with rowspan and colspan, header
cells broken with ``<br/>`` or several ``<p>``."""

from __future__ import annotations

import html

from govlint.testing.layouts.base import Rendered
from govlint.testing.layouts.blocks import Close, Grid, GridCell, Line, Open, document
from govlint.testing.noise import Noise
from govlint.testing.reportmodel import ReportModel

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


# ----- Word's "Save as web page" --------------------------------------------------------------------------

_MSO_TD = "border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"
_MSO_SPAN = "font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体"
_MSO_HEAD = (
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
    '<meta http-equiv=Content-Type content="text/html; charset=utf-8">\n'
    '<meta name=ProgId content=Word.Document>\n<meta name=Generator content="Microsoft Word 15">\n'
    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->\n"
    "<style>\n<!-- p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;} -->\n</style>\n</head>\n"
)


def _spans(text: str, pieces: int) -> str:
    """``text`` split over up to ``pieces`` runs, as Word writes a label whose runs differ in language or font."""
    if not text:
        return f'<span lang=EN-US style="{_MSO_SPAN}">&nbsp;<o:p></o:p></span>'
    size = max(1, -(-len(text) // pieces))
    runs = [text[i : i + size] for i in range(0, len(text), size)]
    inner = "".join(
        f'<span lang={"EN-US" if run.isascii() else "ZH-CN"} style="{_MSO_SPAN}">{html.escape(run)}</span>'
        for run in runs
    )
    return inner[: -len("</span>")] + "<o:p></o:p></span>"


def _mso_cell(cell: GridCell, pieces: int) -> str:
    attrs = f" colspan={cell.colspan}" if cell.colspan > 1 else ""
    attrs += f" rowspan={cell.rowspan}" if cell.rowspan > 1 else ""
    paragraphs = "".join(
        f"<p class=MsoNormal align=center style='text-align:center'>{_spans(line, pieces)}</p>"
        for line in cell.text.split("\n")
    )
    return f"<td width={64 * cell.colspan} valign=top{attrs} style='{_MSO_TD}'>\n{paragraphs}</td>"


def _mso_table(grid: Grid, noise: Noise) -> str:
    rng = noise.rng(f"mso:{grid.table}")
    pieces = rng.choice((1, 2, 3))
    rows = [
        f"<tr style='mso-yfti-irow:{i};height:14.25pt'>\n" + "".join(_mso_cell(c, pieces) for c in row.cells) + "</tr>"
        for i, row in enumerate(grid.rows)
    ]
    # Word's hidden row of column widths: empty cells without borders, after the last real row
    widths = "".join("<td width=64 style='border:none'></td>" for _ in range(grid.width))
    return (
        "<div align=center>\n<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 "
        "style='border-collapse:collapse;mso-table-layout-alt:fixed'>\n"
        + "\n".join(rows)
        + f"\n<![if !supportMisalignedColumns]>\n<tr height=0>{widths}</tr>\n<![endif]>\n</table>\n</div>"
    )


def word_page(model: ReportModel, noise: Noise) -> str:
    """The report as Word's "Save as web page" writes it: MsoNormal paragraphs of several runs, ``<o:p>``
    and ``&nbsp;`` padding (an empty cell holds only that), tables with rowspan/colspan, a hidden width row."""
    body: list[str] = []
    for block in document(model, noise, meta_style="document"):
        if isinstance(block, (Open, Close)):
            continue
        if isinstance(block, Line):
            keys = {key for segment in block.segments for key in segment.anchors}
            if block.kind == "meta" and "meta.publish_date" not in keys:
                continue
            style = "text-align:right" if block.kind == "signature" else "text-indent:21.0pt"
            body.append(f"<p class=MsoNormal style='{style}'>{_spans(block.text, 2)}</p>")
        else:
            body.append(_mso_table(block, noise))
    return (
        _MSO_HEAD
        + "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n<div class=WordSection1>\n"
        + "\n".join(body)
        + "\n</div>\n</body>\n</html>\n"
    )


def render_word_html(model: ReportModel, noise: Noise) -> Rendered:
    return Rendered("wordhtml", "", {}, data=word_page(model, noise).encode("utf-8"), suffix=".htm")
