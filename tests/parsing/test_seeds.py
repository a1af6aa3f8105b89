"""The five seed reports parse to their truth files: every cell, the format, the sections, year, dates, agency."""

from __future__ import annotations

from pathlib import Path

import pytest
from parsing_support import SEEDS, TRUTH, load_truth, row_statuses, truth_shape

import govlint
from govlint.model import CellStatus


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.stem[:3])
def seed(request: pytest.FixtureRequest) -> tuple[Path, dict]:
    path: Path = request.param
    return path, load_truth(TRUTH / f"{path.stem}.json")


def test_every_cell_format_and_sections_equal_the_truth(seed: tuple[Path, dict]) -> None:
    path, truth = seed
    shape = truth_shape(govlint.parse(path))
    assert shape["format"] == truth["format"]
    assert shape["sections_present"] == truth["sections_present"]
    assert shape["active_disclosure"] == truth["active_disclosure"]
    assert shape["review_litigation"] == truth["review_litigation"]
    assert (shape["applications"] is not None) == truth["applications_table_present"]
    assert shape["applications"] == truth["applications"]


def test_year_dates_and_agency_equal_the_truth(seed: tuple[Path, dict]) -> None:
    path, truth = seed
    report = govlint.parse(path)
    assert report.report_year == truth["report_year"]
    assert report.agency == truth["agency"]
    publish = report.publish_date.value.isoformat() if report.publish_date and report.publish_date.value else None
    signature = (
        report.signature_date.value.isoformat() if report.signature_date and report.signature_date.value else None
    )
    assert publish == truth["publish_date"]
    assert signature == truth["signature_date"]


def test_empty_cells_of_the_truth_are_explicit_empty_cells_with_positions() -> None:
    """Seed 000: the four blanks the truth lists (spanned tab cells) are EMPTY, at the right line."""
    report = govlint.parse(SEEDS[0])
    assert row_statuses(report, "applications", "partially_granted") == "e......"
    assert row_statuses(report, "applications", "other.fee_unpaid") == "e......"
    assert row_statuses(report, "applications", "results_total") == "ee....."
    applications = report.tables.applications
    assert applications is not None
    blank = applications.rows["results_total"].cells["natural_person"]
    assert blank.status is CellStatus.EMPTY and blank.value is None
    assert blank.span is not None and blank.span.line == 56


def test_lone_tab_cell_is_empty_not_zero() -> None:
    """Seed 004: 行政强制 is followed by a line holding only a tab: the decision count is empty."""
    report = govlint.parse(SEEDS[4])
    art20 = report.tables.active_disclosure
    assert art20 is not None
    cell = art20.cell("enforcement.decisions")
    assert cell is not None and cell.status is CellStatus.EMPTY and cell.value is None
    assert cell.span is not None and cell.span.line == 48
    assert art20.value("punishment.decisions") == 0


def test_applications_table_without_its_heading_is_found() -> None:
    """Seed 001 has no 三、 heading: the table in section 二's text is still read, and 二 has no table."""
    report = govlint.parse(SEEDS[1])
    assert report.section("applications") is None
    assert report.tables.applications is not None
    assert report.tables.active_disclosure is None


def test_every_cell_has_a_span_on_its_printed_line() -> None:
    """Positions are sacred: each cell points into the text at the number it holds (seed 002, one cell per line)."""
    report = govlint.parse(SEEDS[2])
    lines = report.text.split("\n")
    for key in ("active_disclosure", "applications", "review_litigation"):
        table = report.tables.get(key)
        assert table is not None
        for row in table.rows.values():
            for cell in row.cells.values():
                assert cell.span is not None
                assert report.text[cell.span.start : cell.span.end] == cell.raw
                assert lines[cell.span.line - 1][cell.span.column - 1 :].startswith(cell.raw)
