"""Layouts of real reports that converters and printed pages make (issue #10 §4), on hand-made fixtures:
each cell read exactly, or not at all."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.model import Report

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
