"""Word documents: seeds written with python-docx (merged cells) read back cell for cell; Word's own
markup (list numbers, hidden and deleted text, text boxes); broken and hostile archives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from source_support import SEEDS, document_paragraphs, document_rows, paragraphs, seed_text, source_rows, write_docx

from govlint.errors import InputError
from govlint.model import Origin
from govlint.sources import load
from govlint.sources.docx_numbering import chinese_number, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/></Relationships>'
)


def make_docx(body: str, parts: dict[str, str] | None = None) -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML), plus extra parts by name."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
        for name, content in (parts or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def p(text: str, properties: str = "") -> str:
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{p(text)}</w:tc>"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.stem)
def test_seed_as_docx_reads_back_cell_for_cell(seed: Path, tmp_path: Path) -> None:
    text = seed_text(seed)
    document = load(write_docx(text, tmp_path / "report.docx"))
    assert document.kind == "docx"
    assert document_rows(document) == source_rows(text)
    assert document_paragraphs(document) == paragraphs(text)


def test_python_docx_merges_become_spans_with_the_anchor_origin(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = word.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "三、本年度办理结果"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "申请人情况"
    for column, value in enumerate(["(一)予以公开", "5", "6"], start=1):
        table.cell(1, column).text = value
        table.cell(2, column).text = str(column)
    word.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    path = tmp_path / "merged.docx"
    word.save(str(path))
    document = load(path)
    # the vertical label and the header are written once, in their first row; covered positions are not cells
    assert document_rows(document) == [
        ["三、本年度办理结果", "申请人情况"],
        ["(一)予以公开", "5", "6"],
        ["1", "2", "3"],
    ]
    text = document.text
    assert document.origin_at(text.index("申请人情况")) == Origin(table=1, row=1, column=2)
    assert document.origin_at(text.index("(一)予以公开")) == Origin(table=1, row=2, column=2)
    assert document.origin_at(text.index("6")) == Origin(table=1, row=2, column=4)
    assert document.origin_at(text.index("1\t2")) == Origin(table=1, row=3, column=2)
    assert document.origin_at(text.index("四、政府信息公开")) is None


def test_grid_before_after_and_gridspan() -> None:
    body = (
        "<w:tbl><w:tblGrid>"
        + '<w:gridCol w:w="100"/>' * 4
        + "</w:tblGrid>"
        + "<w:tr>"
        + tc("标题", '<w:gridSpan w:val="4"/>')
        + "</w:tr>"
        + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + tc("a")
        + tc("b")
        + tc("c")
        + "</w:tr><w:tr>"
        + tc("x", '<w:vMerge w:val="restart"/>')
        + tc("1")
        + '<w:trPr><w:gridAfter w:val="2"/></w:trPr></w:tr><w:tr>'
        + tc("", "<w:vMerge/>")
        + tc("2")
        + tc("3")
        + tc("4")
        + "</w:tr>"
        "</w:tbl>"
    )
    document = load(make_docx(body), name="t.docx")
    assert document.text.splitlines()[:4] == ["标题", "a\tb\tc", "x\t1", "2\t3\t4"]
    text = document.text
    assert document.origin_at(text.index("a\t")) == Origin(table=1, row=2, column=2)
    assert document.origin_at(text.index("2\t3")) == Origin(table=1, row=4, column=2)
    assert document.origin_at(text.index("4")) == Origin(table=1, row=4, column=4)


def test_numbering_hidden_deleted_fields_and_text_boxes() -> None:
    numbering = (
        f'<w:numbering xmlns:w="{W}">'
        '<w:abstractNum w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )

    def numbered(level: int, text: str) -> str:
        return p(text, f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr>')

    body = (
        numbered(0, "总体情况")
        + numbered(1, "主动公开")
        + numbered(1, "依申请公开")
        + numbered(0, "主动公开政府信息情况")
        + numbered(1, "规章")
        + "<w:p><w:r><w:t>收费</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins><w:r><w:t>0元</w:t></w:r></w:ins>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>'
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        f"{p('文本框里的字')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
        f"<w:txbxContent>{p('文本框里的字')}</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
        "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表</w:t></w:r></w:p>"
    )
    document = load(make_docx(body, {"word/numbering.xml": numbering}), name="n.docx")
    assert paragraphs(document.text) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
        "（一）规章",
        "收费0元",
        "文本框里的字",
        "第一行",
    ]
    assert "第二行\t制表" in document.text.splitlines()


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (23, "chineseCounting", "二十三"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (2, "ideographTraditional", "乙"),
        (12, "decimalFullWidth", "１２"),
        (7, "somethingNew", "7"),
    ],
)
def test_number_formats(value: int, number_format: str, expected: str) -> None:
    assert format_number(value, number_format) == expected
    assert chinese_number(105) == "一零五"


def _error(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        load(data, name="bad.docx") if data[:2] == b"PK" else load_as_docx(data)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("bad.docx: ")
    return message


def load_as_docx(data: bytes) -> None:
    from govlint.sources import read_bytes

    read_bytes(data, "docx", "bad.docx")


def test_not_a_zip() -> None:
    assert "not a Word file (not a zip, or corrupt)" in _error(b"this is plain text, not a zip" * 10)


def test_old_doc_or_encrypted_docx() -> None:
    assert "old Word (.doc) or an encrypted Word file" in _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)


def test_zip_without_document_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/styles.xml", "<styles/>")
    assert "word/document.xml is missing" in _error(buffer.getvalue())


def test_truncated_zip() -> None:
    data = make_docx(p("一、总体情况") * 200)
    assert "not a Word file" in _error(data[: len(data) // 2])


def test_zip_bomb_by_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from govlint.sources import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_INPUT_BYTES", 2_000_000)  # keep the test small and fast
    data = make_docx(p("零" * 1_000_000))
    assert "a zip bomb?" in _error(data)


def test_zip_bomb_by_ratio() -> None:
    data = make_docx(p("一") + "<!--" + " " * 3_000_000 + "-->")
    assert "a zip bomb?" in _error(data)


def test_entity_expansion_is_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    assert "forbidden DOCTYPE" in _error(buffer.getvalue())


def test_malformed_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    assert "the Word file is corrupt (word/document.xml)" in _error(buffer.getvalue())


def test_document_without_text() -> None:
    assert "contains no text" in _error(make_docx("<w:p/><w:sectPr/>"))
