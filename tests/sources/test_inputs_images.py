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
from govlint.serialize import report_to_dict
from govlint.sources import load
from govlint.sources.pdf import Page
from govlint.sources.pdf_geometry import Glyph
from govlint.sources.pdf_layout import Box, page_items

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
    assert {"line": finding.location.line, "column": 1} in report_to_dict(report)["images"]  # govlint parse JSON


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


def test_html_picture_in_a_table_cell_is_an_image(tmp_path: Path) -> None:
    laid_out = '<table><tr><td><img src="t3.png"></td><td>申请情况（见图）</td></tr></table>'
    _assert_pictured(_html(tmp_path, laid_out))


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


def test_word_picture_in_a_table_cell_is_an_image(tmp_path: Path) -> None:
    import docx
    from docx.shared import Inches

    path = write_docx(_without_table_three(), tmp_path / "report.docx")
    picture = tmp_path / "t3.png"
    picture.write_bytes(_png())
    document = docx.Document(str(path))
    [paragraph] = [p for p in document.paragraphs if p.text == MARK]
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run().add_picture(str(picture), width=Inches(4), height=Inches(5))
    table.cell(0, 1).text = "申请情况（见图）"
    paragraph._p.addnext(table._tbl)
    paragraph._p.getparent().remove(paragraph._p)
    document.save(str(path))
    _assert_pictured(path)


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


def _page(images: tuple[Box, ...], glyphs: list[Glyph] | None = None) -> Page:
    return Page(1, 595.0, 842.0, glyphs or [], [], images)


@pytest.mark.parametrize(
    ("box", "shown"),
    [
        ((90.0, 300.0, 500.0, 700.0), True),  # a table's picture among the lines
        ((90.0, 300.0, 110.0, 320.0), False),  # an icon
        ((90.0, 20.0, 500.0, 80.0), False),  # a banner in the top margin, on every page
    ],
)
def test_pdf_images_that_may_hide_a_table(box: Box, shown: bool) -> None:
    assert [type(item).__name__ for item in page_items(_page((box,)))] == (["_Image"] if shown else [])


def test_pdf_image_under_a_text_layer_is_not_an_image() -> None:
    """A scan with its OCR text, or a background: the text over it is read, nothing is hidden."""
    glyphs = [Glyph(char, 100.0 + 12 * i, 111.0 + 12 * i, 400.0, 412.0) for i, char in enumerate("申请情况表格")]
    items = page_items(_page(((90.0, 300.0, 500.0, 700.0),), glyphs))
    assert not any(type(item).__name__ == "_Image" for item in items)


@pytest.mark.parametrize("tail", ["", "\n<table><tr><td>附表</td><td>1</td></tr></table>\n"])
def test_markdown_image_from_a_converter_is_an_image(tmp_path: Path, tail: str) -> None:
    """pandoc prints a Word picture as ``![](media/image1.png){width=…}``; with or without HTML tables."""
    path = tmp_path / "report.md"
    text = _without_table_three().replace(MARK, '![](media/image1.png){width="5.8in" height="7in"}')
    path.write_text(text + tail, encoding="utf-8")
    _assert_pictured(path)
