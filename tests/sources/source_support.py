"""Helpers of the source-reader tests: fixture paths, the cells of a text, and writers that turn a
tab-separated seed into the other formats govlint reads (python-docx is a test-only dependency)."""

from __future__ import annotations

import html
from pathlib import Path

from govlint.sources.document import Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
PEER = FIXTURES / "corpus" / "peer"
PINGTAN = FIXTURES / "corpus" / "pingtan"


def seed_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def table_rows(text: str) -> list[list[str]]:
    """The TAB-separated lines of a text as cell lists, trailing empty cells dropped, cells trimmed."""
    rows = []
    for line in text.splitlines():
        if "\t" in line:
            cells = [cell.strip() for cell in line.split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            rows.append(cells)
    return rows


def _trimmed(cells: list[str]) -> list[str]:
    cells = [cell.strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def document_cells(document: Document) -> list[dict[int, str]]:
    """The table rows a reader wrote, each as {grid column: trimmed text} from the cells' origins."""
    rows = []
    offset = 0
    for line in document.text.split("\n"):
        origin = document.origin_at(offset)
        if line and origin is not None and origin.table is not None:
            row: dict[int, str] = {}
            for cell in line.split("\t"):
                cell_origin = document.origin_at(offset)
                assert cell_origin is not None and cell_origin.column is not None, "every cell has an origin"
                row[cell_origin.column] = cell.strip()
                offset += len(cell) + 1
            rows.append(row)
        else:
            offset += len(line) + 1
    return rows


def document_rows(document: Document) -> list[list[str]]:
    """The table rows a reader wrote: lines that start at a table origin, as trimmed cells, trailing empty
    cells dropped."""
    rows = []
    offset = 0
    for line in document.text.split("\n"):
        origin = document.origin_at(offset)
        if line and origin is not None and origin.table is not None:
            rows.append(_trimmed(line.split("\t")))
        offset += len(line) + 1
    return rows


def document_paragraphs(document: Document) -> list[str]:
    """The non-empty lines a reader wrote outside tables, trimmed."""
    lines = []
    offset = 0
    for line in document.text.split("\n"):
        origin = document.origin_at(offset)
        if line.strip() and (origin is None or origin.table is None):
            lines.append(line.strip())
        offset += len(line) + 1
    return lines


def source_rows(text: str) -> list[list[str]]:
    """The rows of the seed's tables as the writers below merge them: each row's own cells (a position
    covered by a merged cell left out), trimmed, trailing empty cells dropped; a row of empty cells is a row."""
    rows = []
    for kind, content in blocks(text):
        if kind != "table":
            continue
        merges, width = _merges(content)
        covered = _covered(merges)
        for r, row in enumerate(content):
            cells = [row[c] if c < len(row) else "" for c in range(width) if (r, c) not in covered]
            if cells:
                rows.append(_trimmed(cells))
    return rows


def paragraphs(text: str) -> list[str]:
    """The non-empty lines without a TAB, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip() and "\t" not in line]


Block = tuple[str, list[list[str]]]  # ("p", [[line]]), ("blank", []) or ("table", rows of cells)


def blocks(text: str) -> list[Block]:
    """Paragraph lines, empty lines and tables (runs of lines holding a TAB) of a seed, in order."""
    result: list[Block] = []
    for line in text.splitlines():
        if "\t" in line:
            cells = line.split("\t")
            if result and result[-1][0] == "table":
                result[-1][1].append(cells)
            else:
                result.append(("table", [cells]))
        elif line.strip():
            result.append(("p", [[line.strip()]]))
        elif result and result[-1][0] != "blank":
            result.append(("blank", []))
    return result


def _merges(rows: list[list[str]]) -> tuple[dict[tuple[int, int], tuple[int, int]], int]:
    """Rectangles to merge: runs of empty cells below a label (vertical) or right of a cell (horizontal).

    Returns {anchor (r, c): (last r, last c)} and the column count.  Every merged position is empty in the
    seed; a row of numbers merges no cell into the value columns, whose empty cells are the report's.
    """
    width = max(len(row) for row in rows)
    grid = [row + [""] * (width - len(row)) for row in rows]
    used: set[tuple[int, int]] = set()
    merges: dict[tuple[int, int], tuple[int, int]] = {}
    numeric_from = [next((c for c, cell in enumerate(row) if cell.strip().isdigit()), width) for row in grid]
    values_from = min(numeric_from)  # a cell the seed leaves empty among the values is an empty cell
    for c in range(values_from):
        r = 0
        while r < len(grid):
            end = r
            while (
                grid[r][c].strip()
                and end + 1 < len(grid)
                and not grid[end + 1][c].strip()
                and c < numeric_from[end + 1]
                and any(cell.strip() for cell in grid[end + 1][c + 1 :])
            ):
                end += 1
            if end > r:
                merges[(r, c)] = (end, c)
                used.update((rr, c) for rr in range(r, end + 1))
            r = end + 1
    for r, row in enumerate(grid):
        limit = values_from if numeric_from[r] < width else width
        c = 0
        while c < width:
            end = c
            if row[c].strip() and (r, c) not in used:
                while end + 1 < limit and not row[end + 1].strip() and (r, end + 1) not in used:
                    end += 1
            if end > c:
                merges[(r, c)] = (r, end)
                used.update((r, cc) for cc in range(c, end + 1))
            c = end + 1
    return merges, width


def _covered(merges: dict[tuple[int, int], tuple[int, int]]) -> set[tuple[int, int]]:
    """The positions of merged rectangles other than their top-left anchors."""
    return {
        (rr, cc)
        for (r, c), (r2, c2) in merges.items()
        for rr in range(r, r2 + 1)
        for cc in range(c, c2 + 1)
        if (rr, cc) != (r, c)
    }


def write_docx(text: str, path: Path) -> Path:
    """The seed as a Word document: paragraphs, and tables with merged cells (python-docx)."""
    import docx

    document = docx.Document()
    for kind, content in blocks(text):
        if kind != "table":
            document.add_paragraph(content[0][0] if content else "")
            continue
        merges, width = _merges(content)
        table = document.add_table(rows=len(content), cols=width)
        cells = [row.cells for row in table.rows]  # table.cell() is quadratic; merges never overlap
        for r, row in enumerate(content):
            for c, cell in enumerate(row):
                if cell:
                    cells[r][c].text = cell
        for (r, c), (r2, c2) in merges.items():
            cells[r][c].merge(cells[r2][c2])
    document.save(str(path))
    return path


def write_html(text: str, path: Path, encoding: str = "utf-8") -> Path:
    """The seed as a government-style web page: navigation, a metadata table, the report with merged cells."""
    title = html.escape(text.strip().splitlines()[0].strip())
    parts = [
        f'<!DOCTYPE html><html><head><meta charset="{encoding}"><title>{title}_政府信息公开_某市人民政府</title>',
        "<style>td{border:1px solid}</style><script>var nav = '一、总体情况';</script></head><body>",
        '<div class="header"><nav><a href="/">首页</a> <a href="/zwgk">政务公开</a></nav></div>',
        '<div class="main"><div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a>年报</a></div>',
        '<table class="meta"><tr><td>索引号：</td><td>11330000/2025-00001</td><td>发布日期：</td>'
        "<td>2025-01-20</td></tr></table>",
        '<div class="TRS_Editor">',
    ]
    for kind, content in blocks(text):
        if kind != "table":
            parts.append(f"<p>{html.escape(content[0][0])}</p>" if content else "<p></p>")
            continue
        merges, width = _merges(content)
        covered = _covered(merges)
        parts.append("<table>")
        for r, row in enumerate(content):
            parts.append("<tr>")
            for c in range(width):
                if (r, c) in covered:
                    continue
                r2, c2 = merges.get((r, c), (r, c))
                spans = (f' rowspan="{r2 - r + 1}"' if r2 > r else "") + (f' colspan="{c2 - c + 1}"' if c2 > c else "")
                cell = row[c] if c < len(row) else ""
                parts.append(f"<td{spans}><p>{html.escape(cell)}</p></td>")
            parts.append("</tr>")
        parts.append("</table>")
    parts.append(
        '</div></div><div class="footer">主办单位：某市人民政府办公室 网站标识码：1100000000</div></body></html>'
    )
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


# --- PDF -------------------------------------------------------------------------------------------------

#: A CID font PDF viewers have without embedding (Adobe-GB1): PDFium extracts its text as Unicode.
_PDF_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts "
    b"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> >>] >>"
)


def pdf_text(text: str, x: float, y: float, size: float = 12) -> bytes:
    """Content-stream operators that print ``text`` at (x, y) (PDF points, y up)."""
    return b"BT /F1 %.2f Tf %.2f %.2f Td <%s> Tj ET\n" % (size, x, y, text.encode("utf-16-be").hex().encode())


def pdf_line(x0: float, y0: float, x1: float, y1: float, gray: float = 0.0) -> bytes:
    """A stroked line."""
    return b"%.2f G 0.5 w %.2f %.2f m %.2f %.2f l S\n" % (gray, x0, y0, x1, y1)


def pdf_grid(xs: list[float], ys: list[float]) -> bytes:
    """Ruling lines of a full grid (every cell boxed)."""
    lines = [pdf_line(x, ys[0], x, ys[-1]) for x in xs] + [pdf_line(xs[0], y, xs[-1], y) for y in ys]
    return b"".join(lines)


def write_pdf(pages: list[bytes], rotate: int = 0, trailer: bytes = b"") -> bytes:
    """A PDF whose pages have the given content streams (A4, the font above as /F1)."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * index) for index in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        _PDF_FONT,
    ]
    for index, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (rotate, 5 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return pdf_objects(objects, trailer)


def pdf_objects(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file of the given objects (numbered from 1; the first is the catalogue) and its cross-reference."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)
