"""What converters' Markdown does to a report's table (``tests/fixtures/roundtrip/convert.py`` makes the files
that showed it), on small fragments: a number is read where the converter's shape proves it, else unread.

- markitdown (through markdownify) pads a colspan with blank cells (``| |``) and leaves out the cells a
  rowspan covers, so rows of one table print their values at different positions after their labels;
- mammoth escapes a list marker and a decimal point that could read as Markdown (``1\\.属于国家秘密``,
  ``7730\\.28``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import govlint
from govlint.model import CellStatus
from govlint.schema import normalize_label
from govlint.sources import load_text
from govlint.sources.document import Document, markdown_images

#: The applications table as markitdown prints a Word table: ``（七）总计`` spans two label columns (one
#: ``| |`` pad after it), ``3.其他`` is printed without the two group cells its rowspans cover.
HEAD = (
    "三、收到和处理政府信息公开申请情况\n\n"
    "|  |  |  |  |  |  |  |  |  |  |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |\n"
    "| 自然人 | 法人或其他组织 | | | | | 总计 |\n"
    "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
    "| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
    "| 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n"
    "| 3.其他 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n"
)
TAIL = "| 四、结转下年度继续办理 | | | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n"


def _results_total(total_row: str) -> list[tuple[object, CellStatus]]:
    applications = govlint.parse_text(HEAD + total_row + TAIL).tables.applications
    assert applications is not None
    return [(cell.value, cell.status) for cell in applications.rows["results_total"].cells.values()]


def test_blank_cells_before_the_closing_pipe_are_not_taken_for_a_pad() -> None:
    """``（七）总计`` prints a pad, two blank cells and five values: the piece after the closing pipe is no
    cell, so no complete row places the values by position (they were read one column to the left)."""
    cells = _results_total("| （七）总计 | |  |  | 3 | 4 | 5 | 6 | 18 |\n")
    assert all(value is None and status is CellStatus.AMBIGUOUS for value, status in cells)


def test_a_pad_after_the_label_is_not_taken_for_a_blank_cell() -> None:
    """Five values then two blank cells: counted from the label, ``3.其他`` (no pad) would put them one column
    to the right of where counting from the row's end puts them; both are possible, so the row is unread."""
    cells = _results_total("| （七）总计 | | 3 | 4 | 5 | 6 | 18 |  |  |\n")
    assert all(value is None and status is CellStatus.AMBIGUOUS for value, status in cells)


def test_markdown_escapes_in_labels_and_numbers_are_read() -> None:
    """mammoth's Markdown of a Word table, one cell per paragraph: ``7730\\.28`` is 7730.28, and
    ``1\\.申请人…`` is the 2021 format's row (六)1, not a row the table lacks."""
    text = (
        "二、主动公开政府信息情况\n\n第二十条第（八）项\n\n信息内容\n\n本年收费金额（单位：万元）\n\n"
        "行政事业性收费\n\n7730\\.28\n\n三、收到和处理政府信息公开申请情况\n"
    )
    art20 = govlint.parse_text(text).tables.active_disclosure
    assert art20 is not None and art20.value("fees.amount_10k_yuan") == Decimal("7730.28")
    assert normalize_label("1\\.申请人") == "1.申请人"
    assert normalize_label("C:\\\\.x") == "C:\\\\.x"  # an escaped backslash is kept


ROUNDTRIP = Path(__file__).resolve().parents[1] / "fixtures" / "roundtrip"


def _rows(case: str, name: str, *keys: str) -> dict[str, list[tuple[object, CellStatus]]]:
    applications = govlint.parse_file(ROUNDTRIP / case / name).tables.applications
    assert applications is not None
    return {key: [(c.value, c.status) for c in applications.rows[key].cells.values()] for key in keys}


def test_values_printed_above_their_wrapped_labels_are_given_to_no_label() -> None:
    """markitdown's text of a PDF (pdfminer) prints the values of a tall row before its wrapped label: a value
    row stands before ``3.其他``, another between it and ``（七）总计``.  Which label's each is, is not shown:
    ``3.其他`` took (七)总计's 1 1 … 2 and (七)总计 took 四's zeros; now both rows are unread."""
    text = (ROUNDTRIP / "seed002" / "markitdown.pdf.md").read_text(encoding="utf-8")
    assert "| 1   | 1 0 | 0 0 | 0 2 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n（七）总计" in text
    rows = _rows("seed002", "markitdown.pdf.md", "other.other", "results_total")
    for cells in rows.values():
        assert all(value is None and status is CellStatus.AMBIGUOUS for value, status in cells)


def test_a_row_printing_two_values_in_a_cell_places_no_blank_row() -> None:
    """A row printing ``| 0 0 | 0 0 | 0 0 | 0 |`` (two columns in a cell) does not show where each column's
    cell is: the row under ``1.本机关不`` that goes on with its label and four blank cells was taken for the
    row's seven empty cells (GL105 列为空 on cells the report printed 0)."""
    path = ROUNDTRIP / "seed004" / "markitdown.pdf.md"
    applications = govlint.parse_file(path).tables.applications
    assert applications is not None
    row = applications.rows.get("unable.not_held")
    assert row is None or all(cell.status is not CellStatus.EMPTY for cell in row.cells.values())
    assert not [d for d in govlint.lint_file(path).diagnostics if d.code == "GL105"]


def test_line_breaks_inside_markdown_cells_and_a_label_cut_by_a_page_break() -> None:
    """pymupdf4llm's Markdown of a PDF: a cell's lines joined by ``<br>`` (``|1.属于国家<br>秘密|``), cells
    without pads (``|0|0|``), and ``2.其他法律<br>行政法规禁`` whose rest ``止公开`` opens the next page's table
    under generic ``ColN`` names.  The labels with ``<br>`` are found (every row was "missing", GL104 ×23);
    the cut row's values are not taken for (三)不予公开's subtotal, and the ``ColN`` line is no row of words
    (GL105 ×7): the row is unread, one warning, not a missing row at error level."""
    path = ROUNDTRIP / "hzq2024" / "pymupdf4llm.md"
    text = path.read_text(encoding="utf-8")
    assert "|2.其他法律<br>行政法规禁|0|0|0|0|0|0|0|" in text and "|Col1|Col2|止公开|Col4|" in text
    rows = _rows("hzq2024", "pymupdf4llm.md", "denied.state_secret", "unable.not_held")
    assert [value for value, _ in rows["unable.not_held"]] == [31, 0, 0, 0, 0, 0, 31]
    applications = govlint.parse_file(path).tables.applications
    assert applications is not None and "denied.subtotal" not in applications.rows
    found = [d for d in govlint.lint_file(path).diagnostics if d.code in ("GL104", "GL105")]
    assert [(d.code, d.unread, d.severity.value) for d in found] == [("GL104", True, "warning")]


W3M = """二、主动公开政府信息情况

  ┌──────────────────────────┐
  │第二十条第（一）项        │
  ├─────┬──────┬──────┬──────┤
  │信息 │本年制│本年废│现行有│
  │内容 │发件数│止件数│效件数│
  ├─────┼──────┼──────┼──────┤
  │规章 │1     │0     │2     │
  ├─────┼──────┼──────┼──────┤
  │行政 │      │      │      │
  │规范 │3     │      │8     │
  │性文 │      │      │      │
  │件   │      │      │      │
  └─────┴──────┴──────┴──────┘
"""


def test_a_text_browsers_box_drawn_table_is_read_on_its_grid() -> None:
    """``w3m -dump`` draws a page's table with box characters, a label wrapped in its narrow column (every
    table was "missing", GL103, and its cells "empty"): the grid is read, each cell's lines joined, a blank
    cell empty, the colspan one cell; Chinese counts two columns, as w3m lays it out."""
    document = load_text(W3M)
    assert "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n" in document.text
    assert "行政规范性文件\t3\t\t8\n" in document.text
    origin = document.origin_at(document.text.index("8\n"))
    assert origin is not None and (origin.table, origin.row, origin.column) == (1, 4, 4)
    art20 = govlint.parse_text(W3M).tables.active_disclosure
    assert art20 is not None
    assert [art20.value(f"regulations.{c}") for c in ("issued", "repealed", "in_force")] == [1, 0, 2]
    cell = art20.cell("normative_documents.repealed")
    assert cell is not None and cell.status is CellStatus.EMPTY and cell.evidence == "grid"


def test_an_ascii_table_counted_in_characters_and_a_broken_grid_kept_as_printed() -> None:
    """``links -dump`` draws with ``+ - |`` and counts a Chinese character as one column; a block whose
    lines do not make a grid (an edge missing) is kept as it is printed."""
    links = (
        "+-------------+\n| 第二十条第（一）项   |\n|------+------|\n| 规章   | 1    |\n|------+------|\n"
        "| 行政规范 | 12   |\n+-------------+\n"
    )
    assert "规章\t1\n行政规范\t12\n" in load_text(links).text
    broken = "+----+----+\n| 规章 | 1  |\n  行政规范性文件\n+----+----+\n"
    assert load_text(broken).text == broken


def _codes(text: str) -> set[str]:
    return {d.code for d in govlint.lint_text(text).diagnostics}


def test_a_title_year_moved_to_the_next_line_by_the_extractor_is_the_titles() -> None:
    """pdfplumber's text of a browser's PDF prints the title's year, set in another font, alone on the next
    line and leaves a gap where it stood: the title has its year (GL107 said it lacked one).  A title without
    a gap, or without the year line, still lacks it."""
    body = "\n一、总体情况\n本年度无。\n"
    assert "GL107" not in _codes("洪泽区人民政府 年政府信息公开工作年度报告\n2024" + body)
    assert "GL107" in _codes("洪泽区人民政府年政府信息公开工作年度报告\n2024" + body)
    assert "GL107" in _codes("洪泽区人民政府 年政府信息公开工作年度报告" + body)
    text = (ROUNDTRIP / "hzq2024" / "printed.pdfplumber.txt").read_text(encoding="utf-8")
    assert "洪泽区人民政府 年政府信息公开工作年度报告\n2024\n" in text and "GL107" not in _codes(text)


def test_columns_of_a_row_read_under_another_formats_names_are_not_missing() -> None:
    """A 2019 report's 第二十条第（一）项 whose header pdfplumber wrapped word by word (``本年 本年 对外`` /
    ``信息 新制 新公 公开`` …) is read with the 2021 columns: its three 0s are not the 2019 columns "missing"
    (GL105 ×3 at error level)."""
    path = ROUNDTRIP / "trial2019" / "printed.pdfplumber.txt"
    art20 = govlint.parse_file(path).tables.active_disclosure
    assert art20 is not None and set(art20.rows["regulations"].cells) == {"issued", "repealed", "in_force"}
    assert not [d for d in govlint.lint_file(path).diagnostics if d.code == "GL105"]


def test_a_section_whose_heading_a_converter_lost_with_its_table_is_unread_not_missing() -> None:
    """antiword's text of a Word file drops the heading 四、… and prints table 四 on one line glued to
    五、…: the values and words of the table stand where section 四 should be, so the section and its table
    are unread (warnings), not missing (GL101 and GL103 at error level).  Without those lines, a section
    still is missing."""
    path = ROUNDTRIP / "hzq2024" / "antiword.txt"
    text = path.read_text(encoding="utf-8")
    assert "四、政府信息公开" not in text and "|复议后起诉 |" in text
    found = {d.key: d for d in govlint.lint_file(path).diagnostics if d.code in ("GL101", "GL103")}
    for key in ("section.review_litigation", "table.review_litigation"):
        assert found[key].unread and found[key].severity.value == "warning"
    cut = text[: text.index("结果维持 |")] + text[text.index("五、存在") :]
    errors = {d.key for d in govlint.lint_text(cut).diagnostics if d.code == "GL101" and not d.unread}
    assert "section.review_litigation" in errors


def test_word_97_horizontal_merges_are_one_cell() -> None:
    """A Word table whose spans are Word 97's ``hMerge`` runs (a ``restart`` cell, then ``hMerge`` cells)
    reads as its ``gridSpan`` twin: the continuations are covered positions, not empty cells (table 四's
    header then had five cells too many, and the table was unread)."""
    merged = govlint.parse_file(ROUNDTRIP / "hzq2024" / "hmerge.docx").tables
    spanned = govlint.parse_file(ROUNDTRIP / "hzq2024" / "lo.docx").tables
    for key in ("active_disclosure", "applications", "review_litigation"):
        a, b = merged.get(key), spanned.get(key)
        assert a is not None and b is not None
        assert {r: [c.value for c in row.cells.values()] for r, row in a.rows.items()} == {
            r: [c.value for c in row.cells.values()] for r, row in b.rows.items()
        }


def test_label_lines_after_a_row_label_are_not_its_cells() -> None:
    """Plain pdftotext of LibreOffice's PDF prints table 三's labels a line each before the values: the seven
    lines after ``8.属于行政查询事项`` are the next labels, not seven text cells of that row (GL105 ×7)."""
    path = ROUNDTRIP / "seed001" / "lo.raw.txt"
    assert "查询事项\n（四）无法\n1.本机关不\n提供\n" in path.read_text(encoding="utf-8")
    (cells,) = _rows("seed001", "lo.raw.txt", "denied.administrative_query").values()
    assert all(value is None and status is CellStatus.AMBIGUOUS for value, status in cells)
    assert not [d for d in govlint.lint_file(path).diagnostics if d.code == "GL105"]


def test_text_a_converter_garbled_where_a_heading_or_table_stood_is_unread() -> None:
    """catdoc's text of a ``.doc`` garbles table 四 (``*gÏ~``) and the heading 五 (``‰î•题及改进情况``): the
    section and the table are unread warnings, not missing at error level.  Without the garbled lines they
    are missing."""
    path = ROUNDTRIP / "seed001" / "catdoc.txt"
    text = path.read_text(encoding="utf-8")
    assert "*gÏ~\n‰î•题及改进情况\n" in text
    found = {d.key: d for d in govlint.lint_file(path).diagnostics if d.code in ("GL101", "GL103")}
    for key in ("section.problems_improvements", "table.review_litigation"):
        assert found[key].unread and found[key].severity.value == "warning"
    clean = {d.key for d in govlint.lint_text(text.replace("*gÏ~\n‰î•题及改进情况\n", "")).diagnostics if not d.unread}
    assert {"section.problems_improvements", "table.review_litigation"} <= clean


def test_drawn_blocks_that_are_no_clean_grid_are_kept_as_printed() -> None:
    """A merged cell that is not a rectangle (an L), a table without its bottom border, and lines longer than
    a table's are not read as a grid: their text is kept as printed, never split into guessed cells."""
    shaped = "┌───┬───┐\n│规章   │\n├───┤   │\n│ 1 │   │\n│   ├───┤\n│   │ 2 │\n└───┴───┘\n"
    unclosed = "┌───┬───┐\n│规章│ 1 │\n├───┼───┤\n│文件│ 2 │\n"
    wide = "+" + "-" * 2500 + "+\n|" + " " * 2500 + "|\n|" + " " * 2500 + "|\n+" + "-" * 2500 + "+\n"
    for text in (shaped, unclosed, wide):
        assert load_text(text).text == text


def test_a_text_with_plus_and_minus_signs_but_no_drawn_table_is_read_as_any_text() -> None:
    """``+-`` and ``-+`` (温度+-2, a pasted ASCII rule) make the drawn-table reader look; finding no table, the
    document is the plain text's, its pictures' offsets included."""
    text = "一、总体情况\n误差+-2，区间-+3。\n见下图 ![图](media/image1.png)\n+---\n"
    plain = Document(path="<string>", text=text, images=markdown_images(text))
    assert load_text(text) == plain


REAL = ROUNDTRIP / "pingtan014"
REAL_PAGE = ROUNDTRIP.parent / "corpus" / "pingtan" / "014_approval_2025.html"


def _cells(path: Path) -> dict[str, object]:
    tables = govlint.parse_file(path).tables
    return {
        f"{key}.{row_key}.{column}": cell.value
        for key in ("active_disclosure", "applications", "review_litigation")
        if (table := tables.get(key)) is not None
        for row_key, row in table.rows.items()
        for column, cell in row.cells.items()
    }


def _accusations(path: Path) -> set[tuple[str, str]]:
    found = govlint.lint_file(path).diagnostics
    return {(d.code, d.key) for d in found if d.severity.value in ("error", "warning") and not d.unread}


@pytest.mark.parametrize("name", sorted(p.name for p in REAL.iterdir()))
def test_a_real_portal_page_through_text_dumps_reads_as_the_page(name: str) -> None:
    """The crawled 平潭 page (``014_approval_2025.html``) dumped by markitdown, html2text, w3m, lynx and links:
    every cell the page gives, no other number, and no finding the page lacks (their breadcrumb's
    ``• 政府信息公开年报`` was taken for the title: GL107, no year and no body)."""
    page = {k: v for k, v in _cells(REAL_PAGE).items() if v is not None}
    got = _cells(REAL / name)
    assert {k: got.get(k) for k in page} == page
    assert not {k: v for k, v in got.items() if v is not None and k not in page}
    assert _accusations(REAL / name) <= _accusations(REAL_PAGE)


PEER = ROUNDTRIP / "peerpdf"
#: Converter text of a real PDF still read with a row the report does not print (a strict xfail until fixed).
PEER_KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(p.name, marks=[pytest.mark.xfail(reason=PEER_KNOWN[p.name], strict=True)])
        if p.name in PEER_KNOWN
        else p.name
        for p in sorted(PEER.iterdir())
    ],
)
def test_real_pdfs_through_text_converters_never_give_another_number(name: str) -> None:
    """The peer corpus's real 洪泽区 PDFs through markitdown, pymupdf4llm and pdfplumber: no cell gets a number
    the PDF does not give (govlint reads the PDF's grid exactly: ``test_inputs_pdf.py``), and no finding
    accuses the report that the PDF lacks.  pdfplumber prints ``1.本机关不掌握相关政府信息`` / ``（四）无法提供`` /
    ``3 0 0 0 0 0 3``: those values were (四)'s subtotal, a row the report does not print; now unread."""
    pdf = ROUNDTRIP.parent / "corpus" / "peer" / f"{name.split('.', maxsplit=1)[0]}_working.pdf"
    truth = _cells(pdf)
    got = {k: v for k, v in _cells(PEER / name).items() if v is not None}
    assert {k: (v, truth.get(k)) for k, v in got.items() if truth.get(k) != v} == {}
    assert _accusations(PEER / name) <= _accusations(pdf)
