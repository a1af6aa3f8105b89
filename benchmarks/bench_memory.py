"""Peak memory of each reader against the input (a script, not a test): ``python benchmarks/bench_memory.py``.

Issue #16: peak memory must stay at about ten times the input plus a fixed base, for every reader.  For each
reader and size the script writes a file built from the seed reports in ``tests/fixtures/seeds`` and checks
it (``govlint.lint_file``: reading, parsing, every rule) in a fresh process.  That process first lints a small
file of the same kind, so that imports, the parser's tables and the reader's libraries are the fixed base;
then it lints the large file.  The figure is the growth of the process's peak resident memory
(``VmHWM``, reset once the base is in place) over that base, divided by the input.

The input is the file's size, except for Word, where it is the size of the document's XML once unpacked:
a ``.docx`` is a zip whose XML deflates about tenfold, and the reader's limit (50 MB) is on that size.

- ``text``: the five seeds one after another, repeated;
- ``html``: the same as a Word document saved as a web page and pasted into a portal's article page (a
  class and a style on every paragraph, run and cell, each line two runs);
- ``html-dense`` (only when named): the same as plain ``<p>`` and ``<td><p>`` without attributes, a node
  every 10 bytes, whose tree alone is 18 times the page: the web page reader refuses a page whose tree
  would cost more than 7 times the page plus 20 MB (``sources/html.py``, ``DOM_PER_BYTE``, ``DOM_BASE``),
  which this page passes at about 1.26 MB; it is measured up to 1.2 MB, and at twice that it must be
  refused (docs/performance.md, "Memory per reader");
- ``docx``: the same as one Word document (paragraphs and tables of ``document.xml``);
- ``pdf``: the seeds' lines printed on up to 500 pages (the PDF reader's page limit), so about 10 MB at most.

The aim is a line: peak = base + at most ``--limit`` (10) times the input.  Some readers cost a fixed amount
per document whatever its size (PDFium loads a CJK font's character maps, about 16 MB, for each document
it opens, and gives them back when it closes it), so a growth may hold up to ``--allowance`` MB (20) beside
the per-byte part; and between two sizes of one reader the script prints the slope, the growth per added
input byte, which no fixed part can hide.

Exit status 1 when a growth is above ``--limit`` times the input plus the allowance, or a slope above ``--limit``
(except for a reader in :data:`BOUNDED`, whose limit keeps it under the line: its slope is printed, and a
page of twice its largest size must be refused).
"""

from __future__ import annotations

import argparse
import gc
import html
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SIZES_MB = (1.0, 10.0, 50.0)
READERS = ("text", "html", "docx", "pdf")
#: Measured only when named with ``--readers``.
EXTRA_READERS = ("html-dense",)
#: Where each reader stops: Word's unpacked XML and any file at 50 MB, a PDF at 500 pages, a web page where
#: its tree would cost over 7 times the page plus 20 MB (a dense page at about 1.26 MB).
MAX_MB = {"text": 49.0, "html": 49.0, "html-dense": 1.2, "docx": 45.0, "pdf": 10.0}
#: Readers whose pages cost more than ``--limit`` per byte, which the reader's own limit refuses before the
#: growth leaves the line (10× the input plus the allowance).
BOUNDED = frozenset({"html-dense"})
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _seed_lines() -> list[str]:
    return "\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))).splitlines()


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Paragraphs (one line) and tables (consecutive TAB-separated lines)."""
    blocks: list[tuple[str, list[str]]] = []
    for line in lines:
        if "\t" in line and blocks and blocks[-1][0] == "table":
            blocks[-1][1].append(line)
        else:
            blocks.append(("table" if "\t" in line else "p", [line]))
    return blocks


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8")))


def _fill(parts: list[str], size: int) -> str:
    """The blocks ``parts`` one after another, again and again, until ``size`` bytes (a web page of the seeds
    is 25 bytes a character: a whole round of them would overshoot a size by hundreds of KB)."""
    out: list[str] = []
    filled = 0
    while filled < size:
        part = parts[len(out) % len(parts)]
        out.append(part)
        filled += len(part.encode("utf-8"))
    return "".join(out)


def build_text(size: int) -> bytes:
    return _repeat("\n".join(_seed_lines()) + "\n", size).encode("utf-8")


_SPAN = '<span lang=ZH-CN style="font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体">'
_CELL = "<td width=64 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
_CHROME = (
    '<div class="header"><a href="/"><img src="/logo.png" width="300" height="60" alt="门户"></a></div>'
    '<ul class="nav">' + "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(12)) + "</ul>"
    '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; 年度报告</div>'
)


def _runs(text: str, align: str = " style='text-indent:21.0pt'") -> str:
    """A Word paragraph whose text is two runs, as Word saves an edited line."""
    half = len(text) // 2
    return (
        f"<p class=MsoNormal{align}>{_SPAN}{html.escape(text[:half])}</span>"
        f"{_SPAN}{html.escape(text[half:])}<o:p></o:p></span></p>\n"
    )


def build_html(size: int) -> bytes:
    """The seeds as a Word document saved as a web page and pasted into a portal's article page: classes,
    a style on every paragraph, run and cell, each line two runs, the portal's header and footer."""
    center = " align=center style='text-align:center'"
    parts = []
    for kind, lines in _blocks(_seed_lines()):
        if kind == "p":
            parts.append(_runs(lines[0]))
            continue
        rows = (
            "<tr style='height:14.25pt'>\n"
            + "".join(f"{_CELL}{_runs(cell, center)}</td>" for cell in line.split("\t"))
            + "</tr>\n"
            for line in lines
        )
        parts.append(
            "<div align=center><table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0"
            " style='border-collapse:collapse'>\n" + "".join(rows) + "</table></div>\n"
        )
    head = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告_政府信息公开</title>'
        '<meta name="ArticleTitle" content="年度报告"><meta name="PubDate" content="2025-01-20">'
        "</head><body>\n" + _CHROME + '<div class="article"><div class=WordSection1>\n'
    )
    tail = '</div></div><div class="footer">主办单位：某某人民政府 备案号：闽ICP备00000000号</div></body></html>\n'
    return (head + _fill(parts, size - len(head.encode()) - len(tail.encode())) + tail).encode("utf-8")


def build_dense_html(size: int) -> bytes:
    """The seeds as plain markup: ``<p>`` and ``<td><p>`` without attributes, an element every 10 bytes (a
    pandoc or hand-written page of number tables; docs/performance.md: over the aim)."""
    parts = []
    for kind, lines in _blocks(_seed_lines()):
        if kind == "p":
            parts.append(f"<p>{html.escape(lines[0])}</p>\n")
        else:
            rows = ("<tr>" + "".join(f"<td><p>{html.escape(c)}</p></td>" for c in line.split("\t")) + "</tr>\n"
                    for line in lines)  # fmt: skip
            parts.append("<table>\n" + "".join(rows) + "</table>\n")
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>\n'
    return (head + _fill(parts, size - 200) + "</body></html>\n").encode("utf-8")


def _w_paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r></w:p>'


def docx_xml(size: int) -> bytes:
    parts = []
    for kind, lines in _blocks(_seed_lines()):
        if kind == "p":
            parts.append(_w_paragraph(lines[0]))
        else:
            rows = (
                "<w:tr>" + "".join(f"<w:tc>{_w_paragraph(c)}</w:tc>" for c in line.split("\t")) + "</w:tr>"
                for line in lines
            )
            parts.append("<w:tbl>" + "".join(rows) + "</w:tbl>")
    body = _repeat("".join(parts), size - 300)
    document = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    return ('<?xml version="1.0" encoding="UTF-8"?>' + document).encode()


def build_docx(size: int) -> bytes:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", docx_xml(size))
    return buffer.getvalue()


_PDF_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts "
    b"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> >>] >>"
)


def build_pdf(size: int) -> bytes:
    """Pages of 9-point lines (a table row's cells spread across the line), at most 500 pages."""
    lines = [line for line in _seed_lines() if line.strip()]
    pages = min(500, max(1, size // 20_000))
    per_page = max(1, size // pages // 200)
    streams = []
    at = 0
    for _ in range(pages):
        ops = []
        for row in range(min(per_page, 75)):
            cells = lines[at % len(lines)].split("\t")
            at += 1
            for column, cell in enumerate(cells[:12]):
                hexed = cell.encode("utf-16-be").hex().encode()
                ops.append(b"BT /F1 9 Tf %d %d Td <%s> Tj ET\n" % (40 + 44 * column, 800 - 10 * row, hexed))
        streams.append(b"".join(ops))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _PDF_FONT]
    kids = []
    for stream in streams:
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (len(objects) + 2)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


BUILDERS = {
    "text": build_text,
    "html": build_html,
    "html-dense": build_dense_html,
    "docx": build_docx,
    "pdf": build_pdf,
}
SUFFIX = {"text": ".txt", "html": ".html", "html-dense": ".html", "docx": ".docx", "pdf": ".pdf"}


def _status_mb(field: str) -> float:
    """``VmRSS`` or ``VmHWM`` (the peak) of this process, in MB, from ``/proc/self/status``."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def _reset_peak() -> None:
    """Start the peak (``VmHWM``) again from the memory in use now (Linux 4.0+)."""
    Path("/proc/self/clear_refs").write_text("5")


def child(small: str, large: str) -> None:
    """In a fresh process: lint ``small`` (the fixed base), then ``large``; print the two peaks in MB and the
    number of findings (-1: the file was refused)."""
    import govlint
    from govlint.config import Config
    from govlint.errors import InputError

    config = Config()
    govlint.lint_file(small, config)
    gc.collect()
    _reset_peak()
    base = _status_mb("VmRSS")
    try:
        findings = len(govlint.lint_file(large, config).diagnostics)
    except InputError:
        findings = -1
    print(base, _status_mb("VmHWM"), findings)


def measure(reader: str, size: int, folder: Path) -> tuple[float, float, float, int]:
    """(input MB, base MB, peak MB, findings) of linting a ``size``-byte input of ``reader`` in a new process."""
    small = folder / f"small{SUFFIX[reader]}"
    small.write_bytes(BUILDERS[reader](40_000))
    large = folder / f"large{SUFFIX[reader]}"
    data = BUILDERS[reader](size)
    large.write_bytes(data)
    unpacked = len(docx_xml(size)) if reader == "docx" else len(data)
    command = [sys.executable, __file__, "--child", str(small), str(large)]
    answer = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    return unpacked / (1 << 20), float(answer[0]), float(answer[1]), int(answer[2])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", nargs="*", default=list(READERS), choices=READERS + EXTRA_READERS)
    parser.add_argument("--sizes", nargs="*", type=float, default=list(SIZES_MB), help="input sizes in MB")
    parser.add_argument("--limit", type=float, default=10.0, help="largest growth of peak memory per input byte")
    parser.add_argument("--allowance", type=float, default=20.0, help="fixed MB a document may cost")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    print(f"{'reader':7} {'input MB':>9} {'base MB':>8} {'peak MB':>8} {'growth/input':>13} {'slope':>7}  findings")
    bad = False
    with tempfile.TemporaryDirectory() as folder:
        for reader in args.readers:
            previous: tuple[float, float] | None = None
            sizes = sorted({min(mb, MAX_MB[reader]) for mb in args.sizes})
            for mb in sizes + ([2 * MAX_MB[reader]] if reader in BOUNDED else []):
                input_mb, base, peak, findings = measure(reader, int(mb * (1 << 20)), Path(folder))
                growth = peak - base
                bad |= growth > args.limit * input_mb + args.allowance
                shown = ""
                if mb > MAX_MB[reader]:
                    bad |= findings >= 0
                    shown = "refused" if findings < 0 else "read!"
                else:
                    if previous is not None:
                        slope = (growth - previous[1]) / (input_mb - previous[0])
                        bad |= slope > args.limit and reader not in BOUNDED
                        shown = f"{slope:6.1f}x"
                    previous = (input_mb, growth)
                row = f"{reader:7} {input_mb:9.2f} {base:8.0f} {peak:8.0f} {growth / input_mb:12.1f}x {shown:>7}"
                print(f"{row}  {findings}", flush=True)
    if bad:
        print(
            f"peak memory grew by more than {args.limit}x the input (plus {args.allowance} MB a document)",
            file=sys.stderr,
        )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
