"""A table printed as a picture: the readers record where an image stands, and GL103 does not call a table
missing where the section shows one (issue #10, "never accuse what you cannot read")."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from source_support import SEEDS, seed_text, write_docx, write_html

import govlint
from govlint.diagnostics import Diagnostic, Severity
from govlint.sources import load

#: The seed without findings; its section 三 table is replaced by a picture.
CLEAN = SEEDS[3]
MARK = "此处为表格图片"


def _png(width: int = 4, height: int = 4) -> bytes:
    """A tiny grey PNG: a picture python-docx can size and LibreOffice can print."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _without_table_three() -> str:
    """The clean seed with its applications table (the TAB lines of section 三) replaced by one marker line."""
    lines = seed_text(CLEAN).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、"))
    kept = [line for line in lines[start:end] if "\t" not in line]
    return "\n".join([*lines[:start], kept[0], MARK, *kept[1:], *lines[end:]]) + "\n"


def _gl103(path: Path) -> list[Diagnostic]:
    return [d for d in govlint.lint_file(path).diagnostics if d.code == "GL103"]


def _assert_pictured(path: Path) -> None:
    """One unread warning at the picture, no error; the report's images include it."""
    [finding] = _gl103(path)
    assert finding.severity is Severity.WARNING and finding.unread
    assert "图片" in finding.message_zh and "image" in finding.message_en
    report = govlint.parse_file(path)
    section = report.section("applications")
    assert section is not None
    assert any(section.span.start < image.start for image in report.images)
    assert finding.location.line > section.span.line


def _html(tmp_path: Path, image: str) -> Path:
    page = write_html(_without_table_three(), tmp_path / "page.html")
    page.write_text(page.read_text(encoding="utf-8").replace(f"<p>{MARK}</p>", image), encoding="utf-8")
    return page


def test_html_table_as_an_image_is_unread_not_missing(tmp_path: Path) -> None:
    _assert_pictured(_html(tmp_path, '<p style="text-align:center"><img src="t3.png" width="640"></p>'))


@pytest.mark.parametrize(
    "image",
    [
        '<img src="icon.png" width="16" height="16">',
        '<img src="pixel.gif" style="width:1px;height:1px">',
        '<img src="t3.png" hidden>',
    ],
)
def test_html_icons_and_hidden_images_do_not_excuse_a_missing_table(tmp_path: Path, image: str) -> None:
    page = _html(tmp_path, f"<p>{image}</p>")
    assert govlint.parse_file(page).images == ()
    [finding] = _gl103(page)
    assert finding.severity is Severity.ERROR and not finding.unread


def _docx(tmp_path: Path, width_inches: float) -> Path:
    import docx
    from docx.shared import Inches

    path = write_docx(_without_table_three(), tmp_path / "report.docx")
    picture = tmp_path / "t3.png"
    picture.write_bytes(_png())
    document = docx.Document(str(path))
    [paragraph] = [p for p in document.paragraphs if p.text == MARK]
    paragraph.text = ""
    paragraph.add_run().add_picture(str(picture), width=Inches(width_inches), height=Inches(width_inches * 1.2))
    document.save(str(path))
    return path


def test_word_table_as_an_inline_picture_is_unread_not_missing(tmp_path: Path) -> None:
    _assert_pictured(_docx(tmp_path, 5.5))


def test_word_icon_does_not_excuse_a_missing_table(tmp_path: Path) -> None:
    path = _docx(tmp_path, 0.2)
    assert load(path).images == ()
    [finding] = _gl103(path)
    assert finding.severity is Severity.ERROR


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to print the Word file as a PDF")
def test_pdf_table_as_an_image_is_unread_not_missing(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    source = _docx(tmp_path, 5.5)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    _assert_pictured(tmp_path / "report.pdf")


def test_plain_text_without_the_table_keeps_its_error() -> None:
    result = govlint.lint_text(_without_table_three().replace(MARK, "（表格略）"), name="report.txt")
    [finding] = [d for d in result.diagnostics if d.code == "GL103"]
    assert finding.severity is Severity.ERROR and not finding.unread
