"""The five seeds and the two peer PDFs (as pdftotext output): the document facts equal the truth files."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_support import PEER, SEEDS, TRUTH, analyse_file, load_json

CASES: list[tuple[Path, Path]] = [(SEEDS / f"{truth.stem}.txt", truth) for truth in sorted(TRUTH.glob("*.json"))] + [
    (PEER / f"{truth.stem}.pdf.pdftotext.txt", truth) for truth in sorted((PEER / "truth").glob("*.json"))
]


def _iso(mention: object) -> str | None:
    value = getattr(mention, "value", None)
    return None if value is None else value.isoformat()


def test_every_truth_file_has_its_text() -> None:
    assert len(CASES) == 7
    for text, truth in CASES:
        assert text.is_file(), f"{truth.name}: {text} is missing"


@pytest.mark.parametrize(("text", "truth"), CASES, ids=[t.stem for _, t in CASES])
def test_facts_equal_truth(text: Path, truth: Path) -> None:
    expected = load_json(truth)
    found = analyse_file(text)
    assert {
        "agency": found.facts.agency,
        "report_year": found.facts.report_year,
        "publish_date": _iso(found.facts.publish_date),
        "signature_date": _iso(found.facts.signature_date),
        "sections_present": found.sections_present,
    } == {key: expected[key] for key in ("agency", "report_year", "publish_date", "signature_date", "sections_present")}


@pytest.mark.parametrize(("text", "truth"), CASES, ids=[t.stem for _, t in CASES])
def test_date_sources(text: Path, truth: Path) -> None:
    """The publication date comes from the metadata when the page has one, else from the signature."""
    facts = analyse_file(text).facts
    if facts.publish_date is None:
        assert facts.signature_date is None
        assert not any(m.name in ("发布日期", "发布时间") for m in facts.metadata)
    elif any(m.name in ("发布日期", "发布时间") for m in facts.metadata):
        assert facts.publish_date.source == "metadata"
    else:
        assert facts.publish_date is facts.signature_date
        assert facts.publish_date.source == "signature"


def test_seed_000_has_no_date_at_all() -> None:
    facts = analyse_file(SEEDS / "000_3332caad86cf7302.txt").facts
    assert facts.dates == ()
    assert facts.statistics_period is None


def test_seed_001_metadata_block() -> None:
    """Several fields on one line, names padded with (no-break) spaces, 发布日期 as 2025年01月09日."""
    facts = analyse_file(SEEDS / "001_45823a3c8b7753e5.txt").facts
    fields = {m.name: m.value for m in facts.metadata}
    assert fields == {
        "索引号": "011359676/2025-00739",
        "文号": "无",
        "发文机构": "崇阳县政务服务和大数据管理局",
        "主题分类": "其他",
        "名称": "崇阳县政务服务和大数据管理局2024年政府信息公开工作年度报告",
        "发布日期": "2025年01月09日",
        "有效性": "有效",
    }
    assert facts.publish_date is not None
    assert facts.publish_date.raw == "2025年01月09日"
    assert facts.signature_date is not None
    assert facts.signature_date.raw == "2025年1月9日"
    assert facts.signature_date.span.line == 65


def test_seed_002_title_period_and_iso_metadata() -> None:
    """The 'Document' line and the duplicated title; 发布时间: 2024-01-30; 统计期限从…到12月31日止."""
    found = analyse_file(SEEDS / "002_3957bd30f75f2ac8.txt")
    facts = found.facts
    assert facts.title == "米山镇人民政府2023年政府信息公开工作年度报告"
    assert facts.title_span is not None
    assert facts.title_span.line == 5
    assert facts.publish_date is not None
    assert (facts.publish_date.raw, facts.publish_date.source) == ("2024-01-30", "metadata")
    period = facts.statistics_period
    assert period is not None
    assert (period.start.raw, period.end.raw) == ("2023年1月1日", "12月31日")
    assert (str(period.start.value), str(period.end.value)) == ("2023-01-01", "2023-12-31")
    assert found.text[period.span.start : period.span.end] == "2023年1月1日到12月31日止"
    assert {(m.year, m.source) for m in facts.year_mentions} == {(2023, "title"), (2023, "body"), (2023, "period")}


def test_seed_003_title_with_stray_spaces() -> None:
    found = analyse_file(SEEDS / "003_0ab25f721fbf8f7b.txt")
    facts = found.facts
    assert facts.title == "叶城县河园镇人民政府2024年政府信息公开工作年度报告"
    assert facts.title_span is not None
    assert found.text[facts.title_span.start : facts.title_span.end] == (
        "叶城县河园镇人民政府 2024 年政府信息公开 工作年度报告"
    )


def test_peer_2024_title_over_two_lines() -> None:
    """pdftotext prints the name and the year line apart; the agency drops the parent city (truth file)."""
    found = analyse_file(PEER / "hzq2024_working.pdf.pdftotext.txt")
    facts = found.facts
    assert facts.title == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"
    assert facts.title_span is not None
    assert (facts.title_span.line, facts.title_span.end_line) == (1, 2)
    period = facts.statistics_period
    assert period is not None
    assert (str(period.start.value), str(period.end.value)) == ("2024-01-01", "2024-12-31")
    assert period.span.line == 6
    assert period.span.end_line == 7
