"""Layouts of real reports that converters and printed pages make (issue #10 §4), on hand-made fixtures:
each cell read exactly, or not at all."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.model import CellStatus, Report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def values(report: Report, table: str) -> dict[str, list[object]]:
    found = report.tables.get(table)
    assert found is not None, table
    return {key: [cell.value for cell in row.cells.values()] for key, row in found.rows.items()}


def test_markdown_rows_as_one_row_tables_under_headings_with_generic_headers() -> None:
    """b: ``### （一）予以公开`` over ``| 类别 | 数据1 | … | 总计 |`` and the row: the heading is not a second row,
    the generic header names no column, and the row's seven values are its cells."""
    report = govlint.parse(FIXTURES / "onerow_markdown.md")
    assert values(report, "applications") == {
        "new_received": [12, 3, 0, 1, 0, 0, 16],
        "carried_over": [2, 0, 0, 0, 0, 0, 2],
        "granted": [9, 2, 0, 1, 0, 0, 12],
        "results_total": [13, 3, 0, 1, 0, 0, 17],
        "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    }
    assert values(report, "review_litigation") == {
        "review": [2, 1, 0, 0, 3],
        "litigation_direct": [1, 0, 0, 1, 2],
        "litigation_after_review": [0, 0, 0, 0, 0],
    }
    assert report.unplaced == ()
    cell = report.tables.applications.rows["granted"].cells["total"]  # type: ignore[union-attr]
    assert cell.evidence == "count"


def test_page_footer_glued_to_a_rows_last_value() -> None:
    """d: ``769- 5 -`` is 769 and the footer of page 5 (also ``769-6-``)."""
    report = govlint.parse(FIXTURES / "footer_glued.txt")
    assert values(report, "applications") == {
        "new_received": [701, 60, 0, 3, 0, 5, 769],
        "carried_over": [4, 1, 0, 0, 0, 0, 5],
        "granted": [650, 55, 0, 3, 0, 5, 713],
        "results_total": [700, 61, 0, 3, 0, 5, 769],
        "carried_forward": [5, 0, 0, 0, 0, 0, 5],
    }
    total = report.tables.applications.rows["new_received"].cells["total"]  # type: ignore[union-attr]
    assert total.raw == "769"


def test_review_header_broken_into_short_lines_before_one_line_of_fifteen_numbers() -> None:
    """e: about 25 lines of header pieces (行政 / 复议 / 结果 / 维持 …), then ``1 0 2 0 3 0 1 0 0 1 0 0 0 1 1``."""
    report = govlint.parse(FIXTURES / "brokenhead.txt")
    assert values(report, "review_litigation") == {
        "review": [1, 0, 2, 0, 3],
        "litigation_direct": [0, 1, 0, 0, 1],
        "litigation_after_review": [0, 0, 0, 1, 1],
    }
    cells = report.tables.review_litigation.rows["review"].cells.values()  # type: ignore[union-attr]
    assert {cell.evidence for cell in cells} == {"count"}


DETACHED = FIXTURES / "detached_markdown.md"
_ZEROS = [0] * 7


def _codes(text: str) -> list[tuple[str, str]]:
    """The reading and table findings (GL1xx, GL2xx) of ``text`` about table 三, with their row keys."""
    found = govlint.lint_text(text).diagnostics
    return sorted(
        (d.code, d.key or "") for d in found if d.code[:3] in ("GL1", "GL2") and "applications" in (d.key or "")
    )


def test_label_lines_and_value_rows_apart_are_joined_only_where_proven() -> None:
    """c: labels on lines of their own (wrapped over two lines), then ``| 0 | 0 | … |`` rows, each followed by
    ``|---|``.  Runs of identical value rows (规章 / 行政规范性文件; 1. / 2. / 3. of 不予公开), a single label
    with its row (二、上年结转, （二）部分公开), and (七)总计 / 四、结转 whose order only the column sums of
    the results prove: every cell read, on ``count`` evidence."""
    report = govlint.parse(DETACHED)
    assert values(report, "active_disclosure") == {
        "regulations": [0, 0, 0],
        "normative_documents": [0, 0, 0],
        "licensing": [128],
    }
    apps = values(report, "applications")
    assert apps["new_received"] == [12, 3, 0, 1, 0, 0, 16]
    assert apps["carried_over"] == [2, 0, 0, 0, 0, 0, 2]
    assert apps["granted"] == [9, 2, 0, 1, 0, 0, 12]
    assert apps["partially_granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert apps["unable.not_held"] == [2, 1, 0, 0, 0, 0, 3]
    assert apps["results_total"] == [12, 3, 0, 1, 0, 0, 16]
    assert apps["carried_forward"] == [2, 0, 0, 0, 0, 0, 2]
    others = {
        k: v for k, v in apps.items() if k not in {"new_received", "carried_over", "granted", "partially_granted"}
    }
    assert {k: v for k, v in others.items() if k not in {"unable.not_held", "results_total", "carried_forward"}} == {
        k: _ZEROS for k in others if k not in {"unable.not_held", "results_total", "carried_forward"}
    }
    table = report.tables.applications
    assert table is not None
    assert {cell.evidence for row in table.rows.values() for cell in row.cells.values()} == {"count"}
    assert _codes(DETACHED.read_text(encoding="utf-8")) == []


def test_value_rows_whose_order_nothing_proves_stay_unread() -> None:
    """Two results rows printed apart with different values: any order keeps every column sum, so neither
    is placed; (七)总计 / 四 then cannot be proven either (their sum needs every result).  Each row is one
    GL108, no cell is reported empty, no relation is assessed."""
    text = DETACHED.read_text(encoding="utf-8").replace(
        "| （一）予以公开 | 9 | 2 | 0 | 1 | 0 | 0 | 12 |\n|---|---|---|---|---|---|---|---|\n"
        "（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）\n",
        "（一）予以公开\n（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）\n"
        "| 9 | 2 | 0 | 1 | 0 | 0 | 12 |\n|---|---|---|---|---|---|---|\n",
    )
    report = govlint.parse_text(text)
    apps = values(report, "applications")
    for key in ("granted", "partially_granted", "results_total", "carried_forward"):
        assert apps[key] == [None] * 7, key
    table = report.tables.applications
    assert table is not None
    assert {table.rows[k].problem.kind for k in ("granted", "partially_granted")} == {"apart"}  # type: ignore[union-attr]
    assert apps["new_received"] == [12, 3, 0, 1, 0, 0, 16]
    assert _codes(text) == sorted(
        ("GL108", f"applications.{key}") for key in ("granted", "partially_granted", "results_total", "carried_forward")
    )


def test_value_rows_that_no_order_makes_add_up_stay_unread_not_accused() -> None:
    """(七)总计 printed as 17 where the results add up to 16: no order of the two rows makes the sums hold, so
    neither is placed (GL108), and no GL202/GL203 accuses a row govlint did not place."""
    text = DETACHED.read_text(encoding="utf-8").replace(
        "| 12 | 3 | 0 | 1 | 0 | 0 | 16 |\n|---|---|---|---|---|---|---|\n| 2 |",
        "| 12 | 3 | 0 | 1 | 0 | 0 | 17 |\n|---|---|---|---|---|---|---|\n| 2 |",
    )
    assert text != DETACHED.read_text(encoding="utf-8")
    apps = values(govlint.parse_text(text), "applications")
    assert apps["results_total"] == apps["carried_forward"] == [None] * 7
    assert _codes(text) == [("GL108", "applications.carried_forward"), ("GL108", "applications.results_total")]


def test_pdftotext_layout_with_space_aligned_columns_wrapped_labels_and_a_page_break() -> None:
    """``pdftotext -layout``: cells at character columns.  A label wrapped over two lines with its values on
    a line of their own (（二）部分公开), group labels on lines of their own among their rows, a blank cell placed
    by its neighbours' columns (empty, GL105), a page number and columns three characters further right on
    the next page, labels continued on the next line (…已获取信息), and a label wrapped over three lines
    with its values on the first (2.申请人逾期未按收费通知要求 / 缴纳费用… / 信息公开申请): the label is found
    whole and the values on its lines are its row's."""
    path = FIXTURES / "pdftotext_spaced.txt"
    report = govlint.parse_file(path)
    apps = values(report, "applications")
    assert apps["new_received"] == [12, 3, 0, 1, 0, 0, 16]
    assert apps["carried_over"] == [2, 0, 0, 0, 0, 0, 2]
    assert apps["granted"] == [9, 2, 0, 1, 0, 0, 12]
    assert apps["partially_granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert apps["denied.three_safeties_one_stability"] == [None, 0, 0, 0, 0, 0, 0]
    assert apps["unable.not_held"] == [2, 1, 0, 0, 0, 0, 3]
    assert apps["other.fee_unpaid"] == [0] * 7
    assert apps["results_total"] == [12, 3, 0, 1, 0, 0, 16]
    assert apps["carried_forward"] == [2, 0, 0, 0, 0, 0, 2]
    shown = {"new_received", "carried_over", "granted", "partially_granted", "unable.not_held"}
    shown |= {"denied.three_safeties_one_stability", "results_total", "carried_forward"}
    assert all(row == _ZEROS for key, row in apps.items() if key not in shown)
    table = report.tables.applications
    assert table is not None
    blank = table.rows["denied.three_safeties_one_stability"].cells["natural_person"]
    assert (blank.status, blank.evidence) == (CellStatus.EMPTY, "columns")
    found = [(d.code, d.key) for d in govlint.lint_file(path).diagnostics if d.code[:3] in ("GL1", "GL2")]
    assert [f for f in found if "applications" in f[1]] == [
        ("GL105", "applications.denied.three_safeties_one_stability.natural_person"),
    ]
