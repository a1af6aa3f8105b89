"""Generators of hostile and careless files (issue 16): Word packages with bombs, DTDs and traversal names,
PDFs whose page tree, form objects or streams explode, and the folder of all of them that a stranger could
send (:func:`write_hostile_folder`), each file with the outcome govlint must give."""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, NamedTuple

from source_support import pdf_objects

import govlint

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/></Relationships>'
)
REPORT = "一、总体情况 本机关依法公开政府信息。"


def document_xml(body: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return f'{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def paragraph(text: str, properties: str = "") -> str:
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def package(parts: dict[str, str | bytes]) -> bytes:
    """A zip of the given parts (the relationships part added unless given), deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {"_rels/.rels": RELS, **parts}.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def numbered(
    start: str, level_text: str, paragraphs: int, number_format: str = "lowerLetter", level: str = "0"
) -> bytes:
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{level}">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/><w:lvlText w:val="{level_text}"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    item = paragraph("事项", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    body = paragraph(REPORT) + item * paragraphs
    return package({"word/document.xml": document_xml(body), "word/numbering.xml": numbering})


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
#: A DOCTYPE after a 70 KB comment, out of reach of a search of the first 64 KB.
LATE_XXE = XXE.replace("<!DOCTYPE", "<!--" + "x" * 70_000 + "--><!DOCTYPE")
#: UTF-16: no byte sequence "<!DOCTYPE" at all.
UTF16_XXE = document_xml(paragraph(REPORT + "&xxe;"), XXE.replace("?>", ' encoding="UTF-16"?>')).encode("utf-16")


def encrypt_flag(data: bytes, name: bytes) -> bytes:
    """Set the 'encrypted' flag of one entry in its local header and its central directory record, as an
    encrypting archiver would (only the flag matters to a reader that refuses encrypted entries)."""
    out = bytearray(data)
    # (signature, offset of the flags, offset of the name length, offset of the name)
    for signature, flags, length_at, name_at in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        start = out.find(signature)
        while start != -1:
            length = int.from_bytes(out[start + length_at : start + length_at + 2], "little")
            if out[start + name_at : start + name_at + length] == name:
                out[start + flags] |= 0x01
            start = out.find(signature, start + 4)
    return bytes(out)


def page_tree_bomb() -> bytes:
    """Three levels of 50 kids, each level the same node: 125,000 pages from 1.4 KB."""
    kids: Callable[[int], bytes] = lambda target: b" ".join([b"%d 0 R" % target] * 50)  # noqa: E731
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count 125000 >>" % kids(3),
            b"<< /Type /Pages /Kids [%s] /Count 2500 >>" % kids(4),
            b"<< /Type /Pages /Kids [%s] /Count 50 >>" % kids(5),
            b"<< /Type /Page /MediaBox [0 0 595 842] >>",
        ]
    )


def page_tree_loop() -> bytes:
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]
    )


def pdf_stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def recursive_form_pdf() -> bytes:
    """Under 1 KB: the page draws a form object that draws itself three times (3^n drawings)."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >>"
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> "
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page + b" /Contents 4 0 R >>",
            pdf_stream(b"/X Do\n"),
            pdf_stream(b"0 0 1 1 re f /X Do /X Do /X Do\n", form),
        ]
    )


def inflating_pdf(inflated: int = 1 << 30) -> bytes:
    """About 2 MB whose one page stream inflates to ``inflated`` bytes of drawing operators."""
    chunk = b"0 0 1 1 re f\n" * 80_000
    packer = zlib.compressobj(9)
    parts = [packer.compress(chunk) for _ in range(inflated // len(chunk))]
    parts.append(packer.flush())
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            pdf_stream(b"".join(parts), b"/Filter /FlateDecode "),
        ]
    )


class Expected(NamedTuple):
    """What ``govlint check --lang en`` must say of one file of the folder: ``unread`` (its GL001 message
    matches ``pattern``), ``read`` (checked, no GL001), ``skipped`` (GL004: not followed) or ``quiet``
    (nothing: not a file govlint reads)."""

    outcome: str
    pattern: str = ""


#: The marker a plugin module of the folder would write if govlint imported it.
PLUGIN_CODE = "import pathlib\npathlib.Path({marker!r}).write_text('plugin code ran')\n"
#: Text a symlink out of the folder points at (a token file, say).
SECRET = "SECRET-TOKEN-4f9a"
#: Controls that could retitle, ring or clear a terminal, reverse text or forge CI commands.
CONTROLS = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"
WORKER_DIED = r"(worker|memory|time limit|timed out)"


def write_hostile_folder(root: Path, seeds: list[Path], crawled: Path, marker: Path) -> dict[str, Expected]:
    """Write the folder ``root/hostile`` (and ``root/outside``, which its symlinks point into); return the
    expected outcome of each file by its path relative to ``root/hostile``."""
    folder = root / "hostile"
    folder.mkdir()
    expected: dict[str, Expected] = {}

    def write(name: str, data: bytes | str, outcome: Expected) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = outcome

    report = REPORT + "\n" + seeds[0].read_text("utf-8")
    doctype = Expected("unread", "DOCTYPE")
    body = document_xml(paragraph(REPORT))
    write("bomb.docx", package({"word/document.xml": document_xml(paragraph(REPORT) + "<w:p/>" * 2_000_000)}),
          Expected("unread", "zip bomb"))  # fmt: skip
    write("laughs.docx", package({"word/document.xml": document_xml(paragraph(REPORT + "&lol9;"), BILLION_LAUGHS)}),
          doctype)  # fmt: skip
    write("xxe.docx", package({"word/document.xml": document_xml(paragraph(REPORT + "&xxe;"), LATE_XXE)}), doctype)
    write("utf16-xxe.docx", package({"word/document.xml": UTF16_XXE}), doctype)
    write("not-a-zip.docx", report, Expected("unread", r"not a Word file"))
    traversal = {"word/document.xml": body, "../../escaped.xml": "<x/>", "/abs/escaped.xml": "<x/>"}
    write("traversal.docx", package(traversal), Expected("read"))
    write("encrypted.docx", encrypt_flag(package({"word/document.xml": body}), b"word/document.xml"),
          Expected("unread", "encrypted"))  # fmt: skip
    grid_row = (
        '<w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr>'
        f'<w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>{paragraph("行政许可")}</w:tc></w:tr>'
    )
    grid = document_xml(paragraph(REPORT) + f"<w:tbl>{grid_row * 40}</w:tbl>")
    write("grid-before.docx", package({"word/document.xml": grid}), Expected("read"))
    write("numbering-start.docx", numbered("2000000000", "%1.", 200), Expected("read"))
    write("long-label.docx", numbered("1", "标" * 200_000, 2000, "decimal"), Expected("read"))
    tree_error = Expected("unread", r"(not a valid PDF|the PDF is corrupt|too many pages)")
    write("page-tree-bomb.pdf", page_tree_bomb(), tree_error)
    write("page-tree-loop.pdf", page_tree_loop(), tree_error)
    write("recursive-form.pdf", recursive_form_pdf(), Expected("unread", WORKER_DIED))
    write("inflate.pdf", inflating_pdf(), Expected("unread", WORKER_DIED))
    gb = seeds[1].read_text("utf-8").encode("gb18030")
    write("gbk-bad-bytes.txt", gb[: len(gb) // 2] + b"\x80" + gb[len(gb) // 2 :], Expected("read"))
    utf16 = seeds[2].read_text("utf-8").encode("utf-16")
    write("utf16-bad-bytes.txt", utf16[: len(utf16) // 2] + b"\x00\xd8\x00\xd8" + utf16[len(utf16) // 2 :],
          Expected("read"))  # fmt: skip
    controls = seeds[3].read_text("utf-8").replace("一、总体情况", f"一、总体情况{CONTROLS}", 1)
    write(f"name{CONTROLS}.txt", controls, Expected("read"))
    write("newline\n::warning file=x::forged.txt", controls, Expected("read"))
    head, _, line = crawled.read_text("utf-8").partition("==================== 正文 ====================\n")
    line = line.strip() + " "
    write("long-line.txt", head + line * (10_000_000 // len(line.encode("utf-8"))) + "\n", Expected("read"))
    # round 5: digits that str.isdigit accepts and int() cannot read (a list level, a year)
    write("list-level-superscript.docx", numbered("1", "%1.", 3, level="²"), Expected("read"))
    write("year-circled-digits.txt", report + "\n②025年1月20日\n", Expected("read"))
    # round 5: RTF, a web page renamed .docx, saved web pages (MHT), one with a header of many folded lines
    write(
        "report.rtf.txt",
        "{\\rtf1\\ansi " + report.encode("ascii", "backslashreplace").decode(),
        Expected("unread", "RTF"),
    )
    write("export.docx", "<html><body><p>" + report + "</p></body></html>", Expected("unread", "web page"))
    saved = (
        (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
            b"Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        )
        + base64.encodebytes(f"<html><body><pre>{report}</pre></body></html>".encode())
        + b"--b--\r\n"
    )
    write("saved.mht", saved, Expected("read"))
    # documents read by their content in a folder: an old Word file was passed over without a word
    write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le"),
          Expected("unread", "old Word file"))  # fmt: skip
    write("web-page.doc", saved, Expected("read"))
    folded = b"MIME-Version: 1.0\r\nContent-Type: multipart/related;" + b"\r\n x=y;" * 1_000_000 + b"\r\n\r\n"
    write("folded.mht", folded, Expected("unread", "too long"))
    # configurations that name plugins, and one nested beyond any parser's patience
    plugin = PLUGIN_CODE.format(marker=str(marker))
    write("config/.govlint.toml", 'plugins = ["evil", "this"]\nselect = ["GL1"]\n', Expected("quiet"))
    write("config/evil.py", plugin, Expected("quiet"))
    write("config/report.txt", report, Expected("read"))
    write("pyproject/pyproject.toml", '[tool.govlint]\nplugins = ["evil2"]\n', Expected("quiet"))
    write("pyproject/evil2.py", plugin, Expected("quiet"))
    write("pyproject/report.txt", report, Expected("read"))
    write("nested/.govlint.toml", "a = " + "[" * 100_000 + "]" * 100_000 + "\n", Expected("quiet"))
    write("nested/report.txt", report, Expected("read"))
    # symlinks out of the folder, symlink loops, a named pipe
    outside = root / "outside"
    outside.mkdir()
    (outside / "token.txt").write_text(SECRET + "\n", encoding="utf-8")
    os.symlink(outside / "token.txt", folder / "token.txt")
    os.symlink(outside, folder / "outside-folder")
    expected["token.txt"] = expected["outside-folder"] = Expected("skipped")
    (folder / "loops").mkdir()
    os.symlink(".", folder / "loops" / "self")
    os.symlink("b.txt", folder / "loops" / "a.txt")
    os.symlink("a.txt", folder / "loops" / "b.txt")
    os.mkfifo(folder / "pipe.txt")
    expected["loops/self"] = Expected("quiet")
    # a link loop and a pipe named like reports are each one line, not passed over (and never waited on)
    expected["loops/a.txt"] = expected["loops/b.txt"] = Expected("unread", "symbolic links")
    expected["pipe.txt"] = Expected("unread", "not a regular file")
    os.symlink("/dev/zero", folder / "zero.txt")
    expected["zero.txt"] = Expected("skipped")
    os.symlink("missing.txt", folder / "dangling.txt")
    expected["dangling.txt"] = Expected("unread", "file not found")
    return expected


def run_govlint(
    *arguments: str, stdin: int | IO[bytes] | None = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    """``python -m govlint ARGUMENTS`` in a fresh process under a 1 GB address space (which reading an endless
    input whole would exhaust), stopped after 60 s (which waiting on a pipe would pass)."""
    environment = {**os.environ, "PYTHONPATH": str(Path(govlint.__file__).parents[1])}

    def limited() -> None:
        if resource is not None:
            resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "govlint", *arguments],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        preexec_fn=limited,
        check=False,
    )
