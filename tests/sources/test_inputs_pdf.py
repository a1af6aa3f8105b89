"""PDF reports: the real 洪泽区 reports against their truth files, synthetic pages for the layout rules,
and every kind of bad PDF."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from source_support import PEER, document_cells, paragraphs, pdf_grid, pdf_line, pdf_text, table_rows, write_pdf

from cpu_time import cpu_time
from govlint.errors import InputError
from govlint.model import Origin
from govlint.schema import FORMATS, normalize_label
from govlint.sources import guard, load
from govlint.sources.document import Document

REAL = ["hzq2023_working", "hzq2024_working"]


@pytest.fixture(scope="module", params=REAL)
def real(request: pytest.FixtureRequest) -> tuple[Document, dict[str, Any]]:
    truth = json.loads((PEER / "truth" / f"{request.param}.json").read_text(encoding="utf-8"))
    return load(PEER / f"{request.param}.pdf"), truth


def _numbers(cells: list[str]) -> list[int] | None:
    return [int(cell) for cell in cells] if all(cell.isdigit() for cell in cells) else None


def test_real_pdf_applications_table_matches_truth(real: tuple[Document, dict[str, Any]]) -> None:
    document, truth = real
    # Data rows of the applications table: numbers in grid columns 4 to 10, in the order the truth lists them.
    rows = [
        numbers
        for row in document_cells(document)
        if len(row) <= 10 and (numbers := _numbers([row.get(column, "") for column in range(4, 11)]))
    ]
    assert rows == list(truth["applications"].values())


def test_real_pdf_review_litigation_row_matches_truth(real: tuple[Document, dict[str, Any]]) -> None:
    document, truth = real
    expected = [
        value
        for key in ("review", "litigation_direct", "litigation_after_review")
        for value in truth["review_litigation"][key]
    ]
    assert [row for row in table_rows(document.text) if len(row) == 15][-1:] == [[str(value) for value in expected]]


def test_real_pdf_active_disclosure_matches_truth(real: tuple[Document, dict[str, Any]]) -> None:
    document, truth = real
    rows = {normalize_label(row[0]): row[1:] for row in table_rows(document.text) if row}
    disclosed = truth["active_disclosure"]
    for sub_table in FORMATS["2021"].art20:
        for spec in sub_table.rows:
            key = "fees_10k_yuan" if spec.key == "fees" else spec.key
            expected = disclosed[key] if isinstance(disclosed[key], list) else [disclosed[key]]
            printed = rows[normalize_label(spec.label)]
            assert [float(value) for value in printed if value] == [float(value) for value in expected], spec.key


def test_real_pdf_prose_sections_and_page_footers(real: tuple[Document, dict[str, Any]]) -> None:
    document, _ = real
    lines = paragraphs(document.text)
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert heading in lines
    assert not any(line.strip("-— ").isdigit() for line in lines), "page numbers such as -3- are dropped"
    assert any("收取政府信息公开信息处理费 0 元" in line for line in lines), (
        "a paragraph is one line across page breaks"
    )
    assert document.kind == "pdf"


def test_real_pdf_origins_give_page_table_row_and_column() -> None:
    document = load(PEER / "hzq2023_working.pdf")
    text = document.text
    fee = text.index("7730.28")
    assert document.origin_at(fee) == Origin(page=3, table=1, row=14, column=2)
    assert document.origin_at(text.index("行政许可")) == Origin(page=2, table=1, row=7, column=1)
    # Table 3 crosses pages 3 and 4: one table, rows numbered on.
    assert document.origin_at(text.index("2.没有现成信息需要另行制作")) == Origin(page=3, table=2, row=17, column=3)
    assert document.origin_at(text.index("3.补正后申请内容仍不明确")) == Origin(page=4, table=2, row=18, column=3)
    # the merged group label is written once, in its top-left cell; the rows it covers start at column 2
    group = text.index("三、本年度办理结果")
    assert document.origin_at(group) == Origin(page=3, table=2, row=6, column=1)
    partial = text.index("（二）部分公开")
    assert text[partial - 1] == "\n"
    assert document.origin_at(partial) == Origin(page=3, table=2, row=7, column=2)
    assert document.origin_at(text.index("五、存在的主要问题")) == Origin(page=4)
    assert document.origin_at(text.index("六、其他需要报告的事项")) == Origin(page=5)


def test_threads_read_pdfs_safely() -> None:
    expected = load(PEER / "hzq2024_working.pdf").text
    results: list[str] = []

    def read() -> None:
        results.append(load(PEER / "hzq2024_working.pdf").text)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


# --- synthetic pages -----------------------------------------------------------------------------------

PROSE = "本机关认真贯彻落实政府信息公开条例，全面推进政务公开工作。"


def _table(xs: list[float], top: float, rows: list[list[str]], height: float = 20) -> bytes:
    ys = [top - height * index for index in range(len(rows) + 1)]
    content = pdf_grid(xs, ys)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell:
                content += pdf_text(cell, xs[c] + 4, ys[r + 1] + 5, 10)
    return content


def test_table_split_across_pages_is_joined_and_page_numbers_dropped() -> None:
    xs = [72, 250, 400, 520]
    page_1 = (
        pdf_text("二、主动公开政府信息情况", 72, 780)
        + _table(xs, 200, [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "1", "2"]])
        + pdf_text("- 1 -", 280, 40)
    )
    page_2 = (
        pdf_text("第 2 页", 280, 810)
        + _table(xs, 760, [["行政规范性文件", "3", "4"]])
        + pdf_text("三、收到和处理政府信息公开申请情况", 72, 700)
        + pdf_text("- 2 -", 280, 40)
    )
    document = load(write_pdf([page_1, page_2]), name="split.pdf")
    assert table_rows(document.text) == [
        ["信息内容", "本年制发件数", "现行有效件数"],
        ["规章", "1", "2"],
        ["行政规范性文件", "3", "4"],
    ]
    assert "\n\n行政规范性文件" not in document.text, "no blank line inside the joined table"
    assert document.origin_at(document.text.index("行政规范性文件")) == Origin(page=2, table=1, row=3, column=1)
    assert paragraphs(document.text) == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]


def test_row_broken_by_a_page_break_is_one_row() -> None:
    """Word, LibreOffice and browsers let a row break across pages: the rest of its label, alone in the
    first row of the next page, belongs to the row above (it was read as a row of empty cells: GL105)."""
    xs = [72, 156, 240, 320]
    page_1 = pdf_text(PROSE, 72, 780) + _table(xs, 200, [["（六）其他处理", "机关不再处理其", "5"]])
    page_2 = _table(xs, 760, [["", "政府信息公开申请", ""], ["", "3.其他", "7"]])
    document = load(write_pdf([page_1, page_2]), name="broken.pdf")
    assert table_rows(document.text) == [["（六）其他处理", "机关不再处理其政府信息公开申请", "5"], ["", "3.其他", "7"]]


def test_a_row_of_its_own_at_the_top_of_a_page_is_not_joined_to_the_row_above() -> None:
    """A caption or a 第二十条 row label (printed without numbering) first on a page starts its own row, even
    under a label that fills its cell."""
    xs = [72, 156, 240, 320]
    page_1 = pdf_text(PROSE, 72, 780) + _table(xs, 200, [["行政事业性收费", "2", "3"]])
    page_2 = _table(xs, 760, [["第二十条（九）", "", ""], ["政府集中采购", "4", "5"]])
    document = load(write_pdf([page_1, page_2]), name="caption.pdf")
    assert table_rows(document.text) == [["行政事业性收费", "2", "3"], ["第二十条（九）"], ["政府集中采购", "4", "5"]]


def test_running_header_and_footer_are_dropped() -> None:
    """A browser prints the date and the page's title above each page and its address and ``1/3`` below:
    they are not the report's text, and a table split across pages stays one table."""
    xs = [72, 250, 400]

    def page(number: int, body: bytes) -> bytes:
        header = pdf_text("2025/3/1 10:20", 30, 820, 8) + pdf_text("洪山镇2024年政府信息公开工作年度报告", 300, 820, 8)
        footer = pdf_text("https://www.example.gov.cn/art/2025/3/1/art_1.html", 30, 20, 8)
        return header + body + footer + pdf_text(f"{number}/3", 540, 20, 8)

    pages = [
        page(1, pdf_text(PROSE, 72, 760) + _table(xs, 200, [["行政许可", "5"]])),
        page(2, _table(xs, 780, [["行政处罚", "6"]]) + pdf_text("三、收到和处理政府信息公开申请情况", 72, 700)),
        page(3, pdf_text(PROSE, 72, 760)),
    ]
    document = load(write_pdf(pages), name="printed.pdf")
    assert "example.gov.cn" not in document.text and "10:20" not in document.text and "/3" not in document.text
    assert table_rows(document.text) == [["行政许可", "5"], ["行政处罚", "6"]]
    assert document.origin_at(document.text.index("行政处罚")) == Origin(page=2, table=1, row=2, column=1)


def test_tables_with_other_edges_are_not_joined() -> None:
    page_1 = pdf_text(PROSE, 72, 780) + _table([72, 250, 520], 200, [["规章", "1"]])
    page_2 = _table([100, 300, 500], 760, [["行政许可", "2"]])
    document = load(write_pdf([page_1, page_2]), name="two.pdf")
    assert document.origin_at(document.text.index("行政许可")) == Origin(page=2, table=2, row=1, column=1)


def test_merged_cells_and_missing_borders() -> None:
    content = b"".join(
        [
            pdf_line(72, 700, 500, 700),
            pdf_line(72, 640, 500, 640),
            pdf_line(150, 680, 500, 680),  # row 1/2 border missing under the merged first column
            pdf_line(150, 660, 500, 660),
            pdf_line(72, 700, 72, 640),
            pdf_line(150, 700, 150, 640),
            pdf_line(300, 680, 300, 640),  # "申请人情况" spans columns 2 to 4 in row 1
            pdf_line(400, 680, 400, 640),
            pdf_line(500, 700, 500, 640),
        ]
    )
    for text, x, y in [("三、本年度办理结果", 74, 665), ("申请人情况", 160, 685), ("自然人", 160, 665), ("1", 310, 665),
                       ("2", 410, 665), ("予以公开", 160, 645), ("3", 310, 645), ("4", 410, 645)]:  # fmt: skip
        content += pdf_text(text, x, y, 8)
    document = load(write_pdf([pdf_text(PROSE, 72, 780) + content]), name="merged.pdf")
    # the first column has no border between its rows: one merged cell, written once in its top row;
    # the rows it covers start with their own first cell, at column 2
    assert document_cells(document) == [
        {1: "三、本年度办理结果", 2: "申请人情况"},
        {2: "自然人", 3: "1", 4: "2"},
        {2: "予以公开", 3: "3", 4: "4"},
    ]
    assert document.origin_at(document.text.index("自然人")) == Origin(page=1, table=1, row=2, column=2)


def test_white_backgrounds_are_not_tables_and_unruled_columns_become_tabs() -> None:
    shading = b"1 g 72 600 450 30 re f 0 g\n"  # WPS paints white boxes behind paragraphs
    content = (
        shading
        + pdf_text(PROSE, 72, 610)
        + pdf_text("行政许可", 72, 560)
        + pdf_text("550", 300, 560)
        + pdf_text("行政处罚", 72, 540)
        + pdf_text("4119", 300, 540)
    )
    document = load(write_pdf([content]), name="plain.pdf")
    assert document.text.splitlines() == [PROSE, "行政许可\t550", "行政处罚\t4119"]
    assert all(origin == Origin(page=1) for _, origin in document.origins)


def _upright(text: str, x: float, y: float, rotate: int) -> bytes:
    """Print ``text`` so that it reads left to right at display point (x, y down) on a page with /Rotate."""
    width, height = 595, 842
    matrix, user = {
        0: ((1, 0, 0, 1), (x, height - y)),
        90: ((0, 1, -1, 0), (y, x)),
        180: ((-1, 0, 0, -1), (width - x, y)),
        270: ((0, -1, 1, 0), (width - y, height - x)),
    }[rotate]
    operands = " ".join(str(value) for value in (*matrix, *user)).encode()
    return b"BT /F1 12 Tf %s Tm <%s> Tj ET\n" % (operands, text.encode("utf-16-be").hex().encode())


def test_rotated_page_reads_in_display_order() -> None:
    # PDFium extracts no characters for text turned by 90° in the unembedded STSong-Light font, so the
    # quarter turns are checked on the transform itself below.
    for rotate in (0, 180):
        content = _upright(PROSE, 72, 100, rotate) + _upright("第二段缩进两个字符开始", 96, 120, rotate)
        document = load(write_pdf([content], rotate=rotate), name="rotated.pdf")
        assert paragraphs(document.text) == [PROSE, "第二段缩进两个字符开始"], rotate


@pytest.mark.parametrize(
    ("rotate", "expected"),
    [(0, (10, 822)), (90, (20, 10)), (180, (585, 20)), (270, (822, 585))],
)
def test_display_transform_of_a_rotated_page(rotate: int, expected: tuple[float, float]) -> None:
    from govlint.sources.pdf import _display_transform

    assert _display_transform(rotate, 595, 842)(10, 20) == expected


def test_dense_drawing_is_not_a_table_and_reads_quickly() -> None:
    lines = b"".join(pdf_line(20 + index * 2.5, 20, 20 + index * 2.5, 560) for index in range(210))
    lines += b"".join(pdf_line(20, 20 + index * 2.5, 560, 20 + index * 2.5) for index in range(210))
    with cpu_time() as spent:
        document = load(write_pdf([pdf_text(PROSE, 72, 780) + lines]), name="drawing.pdf")
    assert spent.seconds < 10
    assert paragraphs(document.text) == [PROSE]
    assert table_rows(document.text) == []


# --- bad PDFs --------------------------------------------------------------------------------------------


def _error(source: Any, **kwargs: Any) -> str:
    with pytest.raises(InputError) as caught:
        load(source, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and " / " in message
    return message


@pytest.mark.parametrize("city", ["beijing", "guangzhou", "shanghai"])
def test_malformed_peer_pdfs(city: str) -> None:
    assert "garbled" in _error(PEER / f"sample_report_2023_{city}.pdf")


def test_pdf_without_text_layer() -> None:
    assert _error(PEER / "sample-upload.pdf").endswith("no extractable text; a scan? OCR it first")
    assert "OCR it first" in _error(write_pdf([pdf_line(72, 72, 500, 72)]), name="scan.pdf")


def test_encrypted_pdf() -> None:
    encrypt = (
        b"/Encrypt << /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> >> "
        b"/ID [<" + b"00" * 16 + b"> <" + b"00" * 16 + b">] "
    )
    data = write_pdf([pdf_text(PROSE, 72, 700)], trailer=encrypt)
    assert "encrypted (needs a password)" in _error(data, name="secret.pdf")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage",
        (PEER / "hzq2023_working.pdf").read_bytes()[:40000],
        b"%PDF-" + bytes(range(256)) * 20,
    ],
    ids=["garbage", "truncated", "binary"],
)
def test_corrupt_pdf(data: bytes) -> None:
    assert "not a valid PDF" in _error(data, name="broken.pdf")


def test_not_a_pdf_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("一、总体情况", encoding="utf-8")
    assert "not a valid PDF" in _error(path)


def test_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "MAX_PDF_PAGES", 3)
    from govlint.sources import pdf

    monkeypatch.setattr(pdf, "MAX_PDF_PAGES", 3)
    assert "too many pages (5; limit 3)" in _error(PEER / "hzq2023_working.pdf")


def test_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from govlint.sources import pdf

    monkeypatch.setattr(pdf, "PDF_TIME_BUDGET", -1.0)
    assert "took too long" in _error(PEER / "hzq2023_working.pdf")
