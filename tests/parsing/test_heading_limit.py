"""Section headings past MAX_HEADINGS per report are read as prose and counted (issue #16 §2): a text of
thousands of repeated headings costs what prose costs, and a compilation's limit is per report."""

from __future__ import annotations

from parsing_support import SEEDS

import govlint
from govlint.api import read_reports
from govlint.parsing.headings import MAX_HEADINGS, find_section_headings

REPEATED = "二、主动公开政府信息情况\n"


def test_headings_past_the_limit_are_read_as_prose_and_counted() -> None:
    seed = SEEDS[0].read_text(encoding="utf-8")
    alone = govlint.parse_text(seed)
    report = govlint.parse_text(seed + REPEATED * 5000)
    assert len(alone.sections) == 6
    assert len(report.sections) == MAX_HEADINGS
    assert report.sections[:6] == alone.sections
    [untaken] = [d for d in report.deviations if d.kind == "headings-untaken"]
    assert untaken.count == 6 + 5000 - MAX_HEADINGS
    first_line = len(seed.split("\n")) + MAX_HEADINGS - 6
    assert (untaken.span.line, untaken.key, untaken.text) == (first_line, "active_disclosure", REPEATED.strip())


def test_a_report_within_the_limit_has_no_untaken_headings() -> None:
    text = REPEATED * MAX_HEADINGS
    assert len(find_section_headings(text)) == MAX_HEADINGS
    report = govlint.parse_text(text)
    assert len(report.sections) == MAX_HEADINGS
    assert not [d for d in report.deviations if d.kind == "headings-untaken"]


def test_the_limit_is_per_report_of_a_compilation() -> None:
    """100 reports of six headings each (600 in the file) keep every section of every report."""
    sections = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" + (
        "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
    )
    block = "{i}局2023年政府信息公开工作年度报告\n" + sections.replace("\n", "\n本年度无。\n")
    data = "".join(block.format(i=i) for i in range(100)).encode("utf-8")
    reports = read_reports("many.txt", data=data)
    assert len(reports) == 100
    assert all(len(report.sections) == 6 for report in reports)
    assert not [d for report in reports for d in report.deviations if d.kind == "headings-untaken"]
