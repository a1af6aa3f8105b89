"""A passage GL503 quotes from a digest's section is positioned like any other finding (#15 §3): on a PDF,
Word or web-page source its span keeps the page, table, row and cell, as ``report.span`` gives them."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from govlint import api
from govlint.crossreport.digests import digest, section_span
from govlint.crossreport.run import COPY_SECTIONS

ROUNDTRIP = Path(__file__).parent.parent / "fixtures" / "roundtrip"


@pytest.mark.parametrize(
    "name",
    [
        "seed000/lo.pdf",
        "seed000/lo.docx",
        "seed000/lo.html",
        "seed000/lo.txt",
        "hzq2023/chrome.pdf",
        "shapes/mineru.md",
        "../sources/markdown_html_table.md",
    ],
)
def test_a_passage_of_a_digest_section_is_positioned_as_the_report_would(name: str) -> None:
    report = api.parse_file(ROUNDTRIP / name)
    kept = pickle.loads(pickle.dumps(digest(report)))  # as it crosses the process boundary
    checked = 0
    for key in COPY_SECTIONS:
        section = report.section(key)
        if section is None:
            continue
        base, body = section.body_span.start, section.body
        size = len(body)
        for start, end in ((0, min(size, 1)), (min(size, 1), min(size, 40)), (size // 2, size), (0, size)):
            assert section_span(kept, key, start, end) == report.span(base + start, base + end)
            checked += 1
    assert checked
    if name.endswith(".pdf"):
        six = report.section("other_matters")
        assert six is not None and six.body.strip()
        span = section_span(kept, "other_matters", 1, len(six.body))
        assert span.origin is not None and span.origin.page is not None


def test_a_passage_after_an_html_table_in_its_section_is_on_the_files_line(tmp_path: Path) -> None:
    """Markdown whose table is HTML, one line of the file read a line per row: a passage of 总体情况 after the
    table is on the file's line, in the digest as in the report (it was on the line past the table's rows)."""
    middle = (Path(__file__).parent.parent / "fixtures" / "sources" / "markdown_html_table.md").read_text("utf-8")
    table = next(line for line in middle.split("\n") if line.startswith("<html>"))
    lines = ["# 某镇人民政府2024年政府信息公开工作年度报告", "", "一、总体情况", "", "本年度主动公开情况如下。"]
    lines += [
        "",
        table,
        "",
        "本年度依法办理依申请公开，未发生行政复议。",
        "",
        "二、主动公开政府信息情况",
        "",
        "见上表。",
        "",
    ]
    path = tmp_path / "overview.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = api.parse_file(path)
    kept = pickle.loads(pickle.dumps(digest(report)))
    section = report.section("overview")
    assert section is not None
    at = section.body.index("本年度依法")
    span = section_span(kept, "overview", at, at + 5)
    assert span == report.span(section.body_span.start + at, section.body_span.start + at + 5)
    assert (span.line, span.column) == (9, 1)
