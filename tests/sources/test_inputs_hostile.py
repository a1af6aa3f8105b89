"""Hostile and careless files, generated here, each with its expected outcome: one clear InputError or a
clean parse, never another exception, never memory far beyond the input (issue 16 §2, §4, §6)."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govlint.errors import InputError
from govlint.sources import load
from govlint.sources.document import Document

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


def numbered(start: str, level_text: str, paragraphs: int, number_format: str = "lowerLetter") -> bytes:
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/><w:lvlText w:val="{level_text}"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    item = paragraph("事项", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    body = paragraph(REPORT) + item * paragraphs
    return package({"word/document.xml": document_xml(body), "word/numbering.xml": numbering})


def bounded_load(data: bytes, name: str) -> tuple[Document, int]:
    """Read ``data`` and return the document with the peak of Python allocations while reading."""
    tracemalloc.start()
    try:
        document = load(data, name=name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return document, peak


MB = 1 << 20


def test_huge_grid_before_and_spans_are_clamped() -> None:
    row = (
        '<w:tr><w:trPr><w:gridBefore w:val="2000000000"/><w:gridAfter w:val="2000000000"/></w:trPr>'
        f"<w:tc>{paragraph('规章')}</w:tc></w:tr>"
        f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>{paragraph("行政许可")}</w:tc>'
        f"<w:tc>{paragraph('7')}</w:tc></w:tr>"
    )
    data = package({"word/document.xml": document_xml(paragraph(REPORT) + f"<w:tbl>{row * 40}</w:tbl>")})
    assert len(data) < 6000
    document, peak = bounded_load(data, "grid.docx")
    assert "行政许可" in document.text and len(document.text) < 20 * len(data)
    assert peak < 16 * MB


def test_numbering_from_a_huge_start_is_bounded() -> None:
    data = numbered("2000000000", "%1.", 200)
    assert len(data) < 6000
    document, peak = bounded_load(data, "start.docx")
    # the counter is clamped to Word's limit; its letter label would be 1,261 characters, so none is written
    assert document.text.count("事项") == 200 and len(document.text) < 10 * len(data)
    assert peak < 16 * MB


def test_a_huge_list_label_is_not_repeated_on_every_paragraph() -> None:
    data = numbered("1", "标" * 200_000, 2000, "decimal")
    document, peak = bounded_load(data, "label.docx")
    assert document.text.count("事项") == 2000 and "标标" not in document.text
    assert peak < 64 * MB


def test_ordinary_list_labels_are_still_written() -> None:
    document = load(numbered("3", "(%1)", 2, "decimal"), name="ok.docx")
    assert "(3)事项" in document.text and "(4)事项" in document.text


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


@pytest.mark.parametrize(
    ("part", "content"),
    [
        ("word/document.xml", document_xml(paragraph(REPORT + "&lol9;"), BILLION_LAUGHS)),
        ("word/document.xml", document_xml(paragraph(REPORT + "&xxe;"), XXE)),
        ("word/document.xml", document_xml(paragraph(REPORT + "&xxe;"), LATE_XXE)),
        ("word/document.xml", UTF16_XXE),
        ("word/numbering.xml", BILLION_LAUGHS + f'<w:numbering xmlns:w="{W}">&lol9;</w:numbering>'),
        ("_rels/.rels", XXE + RELS.split("?>", 1)[1]),
    ],
    ids=["billion-laughs", "xxe", "doctype-after-70kb", "utf-16-xxe", "numbering-part", "rels-part"],
)  # fmt: skip
def test_dtd_and_entities_are_refused_in_every_part(part: str, content: str | bytes) -> None:
    parts: dict[str, str | bytes] = {"word/document.xml": document_xml(paragraph(REPORT))}
    parts[part] = content
    numbering = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    if part == "word/numbering.xml":
        parts["word/document.xml"] = document_xml(paragraph(REPORT, numbering))
    with pytest.raises(InputError, match=r"forbidden DOCTYPE") as raised:
        load(package(parts), name="hostile.docx")
    assert "\n" not in str(raised.value) and "hostname" not in str(raised.value)


def _encrypt_flag(data: bytes, name: bytes) -> bytes:
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


def test_an_encrypted_entry_is_one_clear_error() -> None:
    data = _encrypt_flag(package({"word/document.xml": document_xml(paragraph(REPORT))}), b"word/document.xml")
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").flag_bits & 0x1
    with pytest.raises(InputError, match=r"is encrypted \(word/document.xml\); supply an unencrypted"):
        load(data, name="locked.docx")


def test_word_file_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text(REPORT, encoding="utf-8")
    with pytest.raises(InputError, match=r"not a Word file \(not a zip, or corrupt\)"):
        load(path)


def test_path_traversal_names_are_never_extracted(tmp_path: Path) -> None:
    data = package(
        {
            "word/document.xml": document_xml(paragraph(REPORT)),
            "../../escaped.xml": "<x/>",
            "/abs/escaped.xml": "<x/>",
            "word/../../escaped2.xml": "<x/>",
        }
    )
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        document = load(data, name="traversal.docx")
    finally:
        os.chdir(cwd)
    assert document.text.strip() == REPORT
    assert not list(tmp_path.parent.glob("escaped*")) and not list(tmp_path.glob("**/escaped*"))


def test_zip_bomb_of_one_highly_compressed_part_is_refused() -> None:
    data = package({"word/document.xml": document_xml(paragraph(REPORT) + "<w:p/>" * 2_000_000)})
    assert len(data) < 100_000
    with pytest.raises(InputError, match="a zip bomb"):
        load(data, name="bomb.docx")


def _pdf(objects: list[bytes]) -> bytes:
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


def _page_tree_bomb() -> bytes:
    """Three levels of 50 kids, each level the same node: 125,000 pages from 1.4 KB."""
    kids: Callable[[int], bytes] = lambda target: b" ".join([b"%d 0 R" % target] * 50)  # noqa: E731
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count 125000 >>" % kids(3),
            b"<< /Type /Pages /Kids [%s] /Count 2500 >>" % kids(4),
            b"<< /Type /Pages /Kids [%s] /Count 50 >>" % kids(5),
            b"<< /Type /Page /MediaBox [0 0 595 842] >>",
        ]
    )


def _page_tree_loop() -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]
    )


@pytest.mark.parametrize("make", [_page_tree_bomb, _page_tree_loop], ids=["page-tree-bomb", "page-tree-loop"])
def test_page_tree_bombs_are_one_clear_error(make: Callable[[], bytes]) -> None:
    pytest.importorskip("pypdfium2")
    data = make()
    assert len(data) < 2000
    with pytest.raises(InputError, match=r"(not a valid PDF|the PDF is corrupt|too many pages)"):
        load(data, name="tree.pdf")
