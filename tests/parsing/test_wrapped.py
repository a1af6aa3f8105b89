"""Labels that a PDF cell wrapped around its row's values (``pdftotext -layout``): the label is found whole,
the values on its lines are its row's, and the rest of the label is no cell."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.model import CellStatus
from govlint.parsing.wrapped import label_view, spaced_cells

ROUNDTRIP = Path(__file__).resolve().parents[1] / "fixtures" / "roundtrip"


@pytest.mark.parametrize(
    ("line", "view"),
    [
        ("行政\n   9487\n许可", "行政\n       \n许可"),  # a centred cell: the values on the label's middle line
        ("1.属于国家 0  0   0 0   0", "1.属于国家" + " " * 15),  # a top-aligned one: on its first line
        ("2.  其他法律  3 4", "2.  其他法律     "),  # a row's numbering is no value
        ("受理申请 21 件", "受理申请 21 件"),  # prose: no column gap
        ("9487", "9487"),  # a line of one cell per line (no pdftotext layout)
        ("    类过 1    0   0", "    类过" + " " * 11),  # the numbers after a label's piece are values too
        ("A1 2  3", "A1" + " " * 5),  # a word's digits are no value
        ("合计  1,234  -5  3.5", "合计" + " " * 16),  # separators and signs
        ("行政  5\t3", "行政   \t "),  # a tab stays a tab
        ("总计  12\u30003", "总计  12\u3000 "),  # a number before an ideographic space ends no cell
    ],
)
def test_label_view_blanks_the_values_of_spaced_lines(line: str, view: str) -> None:
    assert label_view(line) == view
    assert len(label_view(line)) == len(line)


def test_values_after_a_single_space_are_a_cell_of_their_own() -> None:
    line = "    类过 1    0   0"
    cells = [(line[a:b], value) for a, b, value in spaced_cells(line, 0, len(line))]
    assert cells == [("类过", False), ("1", True), ("0", True), ("0", True)]


def test_a_label_wrapped_around_its_values_is_read() -> None:
    """Chromium's narrow table through pdftotext -layout: 行政 / 9487 / 许可, 6.属 / 于四 / 类过 1 0 … / 程性 / 信息."""
    report = govlint.parse_file(ROUNDTRIP / "hzq2024" / "chrome.layout.txt")
    art20 = report.tables.active_disclosure
    apps = report.tables.applications
    assert art20 is not None and apps is not None
    licensing = art20.cell("licensing.decisions")
    assert licensing is not None and (licensing.value, licensing.evidence) == (9487, "count")
    row = apps.rows["denied.process_information"]
    assert [cell.value for cell in row.cells.values()] == [1, 0, 0, 0, 0, 0, 1]


def test_the_rest_of_a_wrapped_label_is_no_cell() -> None:
    """A browser's page footer cuts （二）部分公开（区分处理的，…）: only （二）部分公开 is found, and the label's
    rest on the next line (公开（区分) is not a cell: six values for seven columns stay unread or are placed
    by their columns, never shifted into the empty first cell."""
    report = govlint.parse_file(ROUNDTRIP / "seed000" / "printed.layout.txt")
    apps = report.tables.applications
    assert apps is not None
    cell = apps.cell("partially_granted.natural_person")
    assert cell is not None and cell.value is None
    assert cell.status in (CellStatus.EMPTY, CellStatus.AMBIGUOUS)


def test_a_group_labels_pieces_beside_a_numbered_row_label_are_left_out_of_the_search() -> None:
    """LibreOffice's PDF: the group label （三）不予公开 wraps in its own column beside 1.属于国家秘密; the label
    search reads the row label whole, the group's pieces blanked (same length)."""
    text = "       （三）不予   1.属于国家 0  0   0\n       公开      秘密\n"
    view = label_view(text)
    assert len(view) == len(text)
    assert "".join(view.split()) == "1.属于国家秘密"


def test_a_label_beside_an_unnumbered_piece_is_kept() -> None:
    text = "三、本年度  （一）予以公开   50  0\n"
    assert "".join(label_view(text).split()) == "三、本年度（一）予以公开"


def test_a_group_labels_piece_on_the_values_line_of_a_centred_row_label_is_left_out() -> None:
    """Chromium's full-width table: 2.没有现成信息需要另行制 / 提供 1 0 … / 作 — 提供 is the group label's (（四）无法
    提供), left of the row label's column: the row label is found whole."""
    text = (
        "       （四）无法\n             2.没有现成信息需要另行制\n"
        "       提供                      1    0   0\n             作\n"
    )
    view = label_view(text)
    assert len(view) == len(text)
    assert "".join(view.split()) == "（四）无法2.没有现成信息需要另行制作"
    report = govlint.parse_file(ROUNDTRIP / "hzq2024" / "wide.layout.txt")
    apps = report.tables.applications
    assert apps is not None
    assert [cell.value for cell in apps.rows["unable.needs_creation"].cells.values()] == [1, 0, 0, 0, 0, 0, 1]


def test_a_row_label_with_values_under_a_wrapped_label_is_kept() -> None:
    """（七）总计 printed with its values under a numbered label that prints none: the line below does not go on
    at the numbered label's column, so 总计 is no group label's piece."""
    text = "             3.其他\n       （七）总计                 12    3   0\n四、结转下年度继续办理     2    0   0\n"
    assert "（七）总计" in label_view(text)


def test_a_line_longer_than_the_reversed_reading_is_blanked_cell_by_cell() -> None:
    """A crawled page is one long line: its values are blanked as a short line's are, without a reversed copy."""
    line = "行政许可  " + "12  3 4  " * 1000 + "许可"
    assert label_view(line) == "行政许可" + " " * (len(line) - 6) + "许可"
    assert label_view(line[:-2]) == "行政许可" + " " * (len(line) - 6)
