"""The 80 crawled pingtan reports: headings in one-line pages, report years, and dates checked by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from facts_support import Analysed, pingtan_manifest

pytestmark = pytest.mark.corpus

MANIFEST = pingtan_manifest()
ALL_SIX = [1, 2, 3, 4, 5, 6]
#: Reports whose body is not just the title (036: the page only links a .doc attachment).
WITH_BODY = [stem for stem in MANIFEST if stem != "036_police_2020"]


def test_manifest_and_files_agree(pingtan: dict[str, Analysed]) -> None:
    assert len(MANIFEST) == 80
    assert set(pingtan) == set(MANIFEST)


def test_all_six_headings_in_most_reports(pingtan: dict[str, Analysed]) -> None:
    """Every section heading is found in at least 90% of the reports with a body; the misses are listed.

    Known misses, checked by hand: 003 has no 六 (the page ends after 五 and the 落款); 076 has no 六 either;
    028 renames its sections (一、年度工作核心成效, 五、当前存在的突出问题, 六、下一步改进举措).
    """
    misses = {stem: pingtan[stem].sections_present for stem in WITH_BODY if pingtan[stem].sections_present != ALL_SIX}
    share = 1 - len(misses) / len(WITH_BODY)
    assert share >= 0.95, f"all six sections found in {share:.0%}; misses: {misses}"
    assert set(misses) <= {"003_finance_2021", "028_junshan_2025", "076_agri_2024"}, misses


def test_no_body_no_headings(pingtan: dict[str, Analysed]) -> None:
    assert pingtan["036_police_2020"].headings == []


@pytest.mark.parametrize("stem", sorted(MANIFEST))
def test_report_year_and_agency_equal_manifest(pingtan: dict[str, Analysed], stem: str) -> None:
    facts = pingtan[stem].facts
    assert facts.report_year == int(MANIFEST[stem]["report_year"])
    assert facts.agency == MANIFEST[stem]["body"]


@pytest.mark.parametrize("stem", WITH_BODY)
def test_headings_are_in_text_order_and_printed(pingtan: dict[str, Analysed], stem: str) -> None:
    found = pingtan[stem]
    starts = [h.start for h in found.headings]
    assert starts == sorted(starts)
    for heading in found.headings:
        assert found.text[heading.start : heading.end].strip() == heading.title
        assert heading.title[0] in "一二三四五六七八九十"


def test_sections_keyed_by_text_not_number(pingtan: dict[str, Analysed]) -> None:
    """苏平 2024 prints 五、信息处理费收取情况 and 六、存在的主要问题和改进情况; 旅游 2020 inserts a section."""
    suping = [(h.spec.key, h.title) for h in pingtan["071_suping_2024"].headings]
    assert suping[-2:] == [
        ("other_matters", "五、信息处理费收取情况"),
        ("problems_improvements", "六、存在的主要问题和改进情况"),
    ]
    tourism = [(h.spec.number, h.title[0]) for h in pingtan["046_tourism_2020"].headings]
    assert tourism == [(1, "一"), (2, "三"), (3, "四"), (4, "五"), (5, "六"), (6, "七")]


def test_heading_without_its_comma(pingtan: dict[str, Analysed]) -> None:
    """金井 2020 prints '。一总体情况2020年，…' (no 、)."""
    first = pingtan["056_jinjing_2020"].headings[0]
    assert (first.spec.number, first.title) == (1, "一总体情况")


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


# Checked by hand against each page.txt: (publish date and its source, signature date, statistics period).
HAND_CHECKED = {
    # 发布时间: 2020-01-06 20:04; "…事项。 平潭综合实验区财政金融局 2020年1月2日" ends the page
    "001_finance_2019": ("2020-01-06", "metadata", "2020-01-02", ("2019-01-01", "2019-12-31")),
    # "… 2021年1月27日 附件下载": the crawler's link text after the signature
    "002_finance_2020": ("2021-01-28", "metadata", "2021-01-27", ("2020-01-01", "2020-12-31")),
    # no 六; the signature follows 五 with the typo 财政全融局
    "003_finance_2021": ("2022-01-13", "metadata", "2022-01-13", ("2021-01-01", "2021-12-31")),
    # no signature at all: "…本年度没有产生信息公开处理费。 附件下载"
    "010_approval_2021": ("2022-01-19", "metadata", None, ("2021-01-01", "2021-12-31")),
    # signature, then "抄送：… 2022年1月7日印发": the printing date is not the signature
    "017_market_2021": ("2022-01-07", "metadata", "2022-01-07", ("2021-01-01", "2021-12-31")),
    # 统计期限自2019年9月1日起 (body set up in the 2019 reorganisation)
    "022_junshan_2019": ("2020-01-08", "metadata", "2020-01-02", ("2019-09-01", "2019-12-31")),
    # the signature is followed by a 抄送/印发 block
    "025_junshan_2022": ("2023-01-09", "metadata", "2023-01-09", ("2022-01-01", "2022-12-31")),
    # 统计数据时间段为2023年1月1日至2023年12月31日
    "039_assetsinvest_2023": ("2024-01-26", "metadata", "2024-01-26", ("2023-01-01", "2023-12-31")),
    # "2021年1月26日 平潭综合实验区经济发展局办公室 2020年1月26日印发"
    "041_econdev_2020": ("2021-01-27", "metadata", "2021-01-26", ("2020-01-01", "2020-12-31")),
    # "2022年1月13 日" with a space before 日
    "042_econdev_2021": ("2022-01-19", "metadata", "2022-01-13", ("2021-01-01", "2021-12-31")),
    # "（此件主动公开）" after the signature
    "054_haitan_2025": ("2026-01-27", "metadata", "2026-01-26", ("2025-01-01", "2025-12-31")),
    # name and date run together: "…管理局2021年1月26日"
    "056_jinjing_2020": ("2021-01-27", "metadata", "2021-01-26", ("2020-01-01", "2020-12-31")),
    # no 统计: "涵盖2020年1月1日至2020年12月31日期间" in the preamble
    "057_suping_2020": ("2021-01-27", "metadata", "2021-01-26", ("2020-01-01", "2020-12-31")),
    # "统计期限为2025年1月1日至12月31日": the end's year is the start's
    "063_social_2025": ("2026-01-23", "metadata", "2026-01-23", ("2025-01-01", "2025-12-31")),
    # "统计期限为2024年1月1日至12月31日"; no signature: the page ends with 六's sentence
    "068_police_2024": ("2025-01-20", "metadata", None, ("2024-01-01", "2024-12-31")),
    # "涵盖2019年9月1日至12月31日期间" (no 统计); a 2019 report signed 2019年1月3日 (a real defect, GL403)
    "069_suping_2019": ("2020-01-16", "metadata", "2019-01-03", ("2019-09-01", "2019-12-31")),
    # a 2021 report signed 2021年1月25日, copied from the year before (GL403)
    "080_tourism_2021": ("2022-01-06", "metadata", "2021-01-25", ("2021-01-01", "2021-12-31")),
}


@pytest.mark.parametrize("stem", sorted(HAND_CHECKED))
def test_hand_checked_dates(pingtan: dict[str, Analysed], stem: str) -> None:
    publish, source, signature, (start, end) = HAND_CHECKED[stem]
    facts = pingtan[stem].facts
    assert facts.publish_date is not None
    assert (facts.publish_date.value, facts.publish_date.source) == (_date(publish), source)
    assert (facts.signature_date.value if facts.signature_date else None) == _date(signature)
    period = facts.statistics_period
    assert period is not None
    assert (period.start.value, period.end.value) == (_date(start), _date(end))
    assert period.start.source == period.end.source == "period"


def test_reports_without_a_stated_period(pingtan: dict[str, Analysed]) -> None:
    """035 (its only 统计 is "…统计表"), 037 and 038 state no statistics period (checked by hand)."""
    for stem in ("035_police_2019", "037_police_2021", "038_police_2022"):
        assert pingtan[stem].facts.statistics_period is None, stem


def test_crawler_header_is_metadata(pingtan: dict[str, Analysed]) -> None:
    """The crawler's header lines are metadata; the page's own '来源： 时间：…' junk is cut at the first space."""
    facts = pingtan["002_finance_2020"].facts
    fields = {m.name: m.value for m in facts.metadata}
    assert fields["标题"] == "平潭综合实验区财政金融局2020年度政府信息公开工作年度报告"
    assert fields["发布时间"] == "2021-01-28 09:43"
    assert fields["时间"] == "2021-01-28"
    assert fields["来源"] == ""
    # The title comes from the body, not from the header, when the body prints it.
    assert facts.title_span is not None
    assert facts.title_span.line == 10


def test_title_from_header_when_body_has_none(pingtan: dict[str, Analysed]) -> None:
    facts = pingtan["071_suping_2024"].facts
    assert facts.title == "平潭综合实验区苏平片区管理局2024年度政府信息公开工作年度报告"
    assert facts.title_span is not None
    assert facts.title_span.line == 1


def test_every_date_is_possible_in_the_corpus(pingtan: dict[str, Analysed]) -> None:
    impossible = [(stem, d.raw) for stem, found in pingtan.items() for d in found.facts.dates if d.value is None]
    assert impossible == []


def test_year_mentions_agree_in_the_corpus(pingtan: dict[str, Analysed]) -> None:
    """No report of the corpus states two different report years (no GL401 false positives)."""
    disagreeing = {
        stem: [(m.year, m.source) for m in found.facts.year_mentions]
        for stem, found in pingtan.items()
        if {m.year for m in found.facts.year_mentions} != {found.facts.report_year}
    }
    assert disagreeing == {}
