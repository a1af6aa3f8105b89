"""The two real PDFs (洪泽区 2023, 2024) read through ``pdftotext -layout``: values equal their checked truth."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from parsing_support import PEER, load_truth, row_values, truth_shape

import govlint

REPORTS = ["hzq2023_working", "hzq2024_working"]


@pytest.mark.parametrize("name", REPORTS)
def test_values_equal_the_truth(name: str) -> None:
    report = govlint.parse(PEER / f"{name}.pdf.pdftotext.txt")
    truth = load_truth(PEER / "truth" / f"{name}.json")
    shape = truth_shape(report)
    assert shape["active_disclosure"] == truth["active_disclosure"]
    assert shape["review_litigation"] == truth["review_litigation"]
    assert shape["applications"] == truth["applications"]
    assert shape["format"] == truth["format"] == "2021"
    assert shape["sections_present"] == truth["sections_present"]
    assert report.report_year == truth["report_year"]
    assert report.agency == truth["agency"]


@pytest.mark.parametrize("name", REPORTS)
def test_the_old_single_other_row_makes_a_mixed_report(name: str) -> None:
    report = govlint.parse(PEER / f"{name}.pdf.pdftotext.txt")
    assert report.mixed_format
    applications = report.tables.applications
    assert applications is not None
    assert "other.all" in applications.rows
    assert not {"other.no_correction", "other.fee_unpaid", "other.other"} & set(applications.rows)


def test_pdf_layout_hard_cases() -> None:
    """Footer -3- inside table 三, a wrapped label with its numbers a line later, the typo 其他法律行政止公开,
    the group label 三、本年度办理结果 printed vertically, the 万元 amount as a Decimal."""
    path = PEER / "hzq2023_working.pdf.pdftotext.txt"
    report = govlint.parse(path)
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    applications = report.tables.applications
    assert applications is not None
    wrapped = applications.rows["partially_granted"]
    assert row_values(report, "applications", "partially_granted") == [4, 0, 0, 0, 0, 0, 4]
    assert wrapped.cells["natural_person"].span is not None
    assert lines[wrapped.cells["natural_person"].span.line - 1].strip().startswith("4")
    assert row_values(report, "applications", "denied.prohibited_by_law") == [0] * 7
    assert row_values(report, "applications", "unable.unclear_after_correction") == [0] * 7  # after the footer
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert art20.value("fees.amount_10k_yuan") == Decimal("7730.28")
    assert report.unplaced == ()
