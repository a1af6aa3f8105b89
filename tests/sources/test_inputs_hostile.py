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
from hostile_files import (
    BILLION_LAUGHS,
    LATE_XXE,
    RELS,
    REPORT,
    UTF16_XXE,
    XXE,
    W,
    document_xml,
    encrypt_flag,
    numbered,
    package,
    page_tree_bomb,
    page_tree_loop,
    paragraph,
)

from govlint.errors import InputError
from govlint.sources import load
from govlint.sources.document import Document


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


def test_an_encrypted_entry_is_one_clear_error() -> None:
    data = encrypt_flag(package({"word/document.xml": document_xml(paragraph(REPORT))}), b"word/document.xml")
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


@pytest.mark.parametrize("make", [page_tree_bomb, page_tree_loop], ids=["page-tree-bomb", "page-tree-loop"])
def testpage_tree_bombs_are_one_clear_error(make: Callable[[], bytes]) -> None:
    pytest.importorskip("pypdfium2")
    data = make()
    assert len(data) < 2000
    with pytest.raises(InputError, match=r"(not a valid PDF|the PDF is corrupt|too many pages)"):
        load(data, name="tree.pdf")
