"""GL401–GL407 on hand-built reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import govlint
from govlint.diagnostics import Severity
from govlint.errors import ConfigError
from govlint.model import Report, Tables
from govlint.rules.dates import (
    FormatYear,
    FutureDate,
    ImpossibleDate,
    NoDate,
    PublishedLate,
    ReportYear,
    StatisticsPeriod,
    report_level,
)
from govlint.rules.places import has_other_all
from govlint.rules.tables import Balance, ResultsTotal, RowTotal

from .builder import diagnostics, make_report


def pointed(report: Report, diagnostic: object) -> str:
    loc = diagnostic.location  # type: ignore[attr-defined]
    return report.text.split("\n")[loc.line - 1][loc.column - 1 : loc.end_column - 1]


# GL401 -------------------------------------------------------------------------------------------------------


def test_gl401_passes_when_all_agree() -> None:
    assert diagnostics(ReportYear, make_report(period=("2024年1月1日", "12月31日"))) == []


def test_gl401_missing_year() -> None:
    report = make_report(year=None, title="洪山镇人民政府政府信息公开工作年度报告")
    [d] = diagnostics(ReportYear, report)
    assert d.key == "report_year"
    assert pointed(report, d) == "洪山镇人民政府政府信息公开工作年度报告"
    assert d.message_zh == "未找到报告年度：标题应写明“{年份}年”"


def test_gl401_says_nothing_of_a_year_in_a_title_it_could_not_find() -> None:
    """The year stands in the title; a title govlint could not find (a converter dropped Word's Title style, a
    page's breadcrumb read in its place) is GL107's unread notice, once, not a missing year at error level."""
    report = make_report(year=None, title=None)
    assert not report.title and report.report_year is None
    assert diagnostics(ReportYear, report) == []


def test_gl401_body_disagrees() -> None:
    report = make_report(body_year=2023)
    [d] = diagnostics(ReportYear, report)
    assert (d.expected, d.actual) == (2024, 2023)
    assert pointed(report, d) == "2023"
    assert d.message_zh.startswith("正文所述年度为 2023 年")


def test_gl401_period_of_another_whole_year() -> None:
    report = make_report(period=("2023年1月1日", "12月31日"))
    [d] = diagnostics(ReportYear, report)
    assert d.key == "report_year.period"
    assert pointed(report, d).startswith("本报告所列数据统计期限")
    assert diagnostics(StatisticsPeriod, report) == []  # not GL405's: it is a calendar year


# GL402 -------------------------------------------------------------------------------------------------------


def test_gl402_township_on_time() -> None:
    assert diagnostics(PublishedLate, make_report(signature="2025年1月31日")) == []


def test_gl402_township_late() -> None:
    report = make_report(signature="2025年2月10日")
    [d] = diagnostics(PublishedLate, report)
    assert (d.expected, d.actual) == ("2025-01-31", "2025-02-10")
    assert pointed(report, d) == "2025年2月10日"
    assert "落款日期 2025年2月10日 晚于发布期限：应不晚于 2025年1月31日" in d.message_zh
    assert "第四十九条第一款" in d.message_zh


def test_gl402_county_government_has_until_march() -> None:
    report = make_report(agency="洪泽区人民政府", year=2023, signature="2024年2月26日")
    assert report_level(report) == "government"
    assert diagnostics(PublishedLate, report) == []
    late = make_report(agency="洪泽区人民政府", year=2023, signature="2024年4月2日")
    [d] = diagnostics(PublishedLate, late)
    assert d.expected == "2024-03-31"
    assert "第四十九条第二款" in d.message_zh


def test_gl402_publish_date_from_metadata_wins() -> None:
    report = make_report(metadata_date="2025年02月03日", signature="2025年1月9日")
    [d] = diagnostics(PublishedLate, report)
    assert d.message_zh.startswith("发布日期 2025年2月3日")


def test_gl402_deadline_options() -> None:
    report = make_report(signature="2025年2月10日")
    assert diagnostics(PublishedLate, report, options={"deadline-department": "02-20"}) == []
    gov = make_report(agency="洪泽区人民政府", signature="2025年3月10日")
    [d] = diagnostics(PublishedLate, gov, options={"deadline-government": "02-28"})
    assert d.expected == "2025-02-28"


def test_gl402_bad_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="deadline-department"):
        diagnostics(PublishedLate, make_report(), options={"deadline-department": "13-45"})


def test_gl402_without_a_date_or_year() -> None:
    assert diagnostics(PublishedLate, make_report(signature=None)) == []
    assert diagnostics(PublishedLate, make_report(year=None, signature="2026年5月1日")) == []


@pytest.mark.parametrize(
    ("agency", "title", "level"),
    [
        ("洪泽区人民政府", None, "government"),
        ("镇江市人民政府", None, "government"),
        ("洪山镇人民政府", None, "department"),
        ("叶城县河园镇人民政府", None, "department"),
        ("勍香镇", None, "department"),
        ("崇阳县政务服务和大数据管理局", None, "department"),
        ("上海市人民政府办公厅", "2022年上海市政府信息公开工作年度报告", "government"),
        ("上海市人民政府办公厅", "上海市人民政府办公厅2022年政府信息公开工作年度报告", "department"),
        ("内蒙古自治区人民政府", None, "government"),
        # A zone's 管委会 publishing as its region's government (平潭综合实验区), and the zone's own offices.
        ("", "平潭综合实验区管委会2023年政府信息公开工作年度报告", "government"),
        ("", "平潭综合实验区管理委员会2023年政府信息公开工作年度报告", "government"),
        ("某经济开发区", "某经济开发区2022年政府信息公开工作年度报告", "government"),
        ("", "平潭综合实验区管委会办公室2023年度政府信息公开工作年度报告", "department"),
        ("海坛片区", "平潭综合实验区海坛片区管理局 2024年度政府信息公开工作年度报告", "department"),
        ("", "某街道办事处2024年政府信息公开工作年度报告", "department"),
        ("", "平潭综合实验区旅游与文化体育局关于2020年度政府信息公开工作年度报告", "department"),
        ("", "平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告", "department"),
        # Names that show no level: GL402 does not guess.
        ("", "苏州工业园区2024年政府信息公开工作年度报告", None),
        ("", "", None),
        ("人民政府", None, None),
    ],
)
def test_level_shown_by_the_report(agency: str, title: str | None, level: str | None) -> None:
    report = make_report(agency=agency, title=title if title is not None else "")
    assert report_level(report) == level


def test_gl402_level_unknown_reports_only_what_is_late_under_both() -> None:
    title = "苏州工业园区2024年政府信息公开工作年度报告"
    assert diagnostics(PublishedLate, make_report(agency="", title=title, signature="2025年3月10日")) == []
    report = make_report(agency="", title=title, signature="2025年4月2日")
    [d] = diagnostics(PublishedLate, report)
    assert d.expected == "2025-03-31"
    assert d.message_zh == (
        "落款日期 2025年4月2日 晚于发布期限：应不晚于 2025年3月31日（报告未显示发布机关层级，按较晚的期限判断："
        "县级以上地方人民政府的本级报告，条例第四十九条第二款；可在配置 level 中指定）"
    )
    assert "the later deadline applies" in d.message_en
    # With a shorter government deadline configured, the department's is the later one.
    [d] = diagnostics(PublishedLate, report, options={"deadline-government": "01-15"})
    assert d.expected == "2025-01-31"


def test_gl402_level_from_the_context_wins() -> None:
    report = make_report(agency="", title="苏州工业园区2024年政府信息公开工作年度报告", signature="2025年2月10日")
    [d] = diagnostics(PublishedLate, report, level="department")
    assert d.expected == "2025-01-31"
    assert "未显示" not in d.message_zh
    gov = make_report(signature="2025年2月10日")  # 洪山镇: a township by its name, a government by config
    assert diagnostics(PublishedLate, gov, level="government") == []


def test_gl402_zone_committee_has_until_march() -> None:
    title = "平潭综合实验区管委会2023年政府信息公开工作年度报告"
    report = make_report(agency="", title=title, year=2023, signature="2024年3月20日")
    assert diagnostics(PublishedLate, report) == []
    office = "平潭综合实验区管委会办公室2023年度政府信息公开工作年度报告"
    [d] = diagnostics(PublishedLate, make_report(agency="", title=office, year=2023, signature="2024年3月20日"))
    assert d.expected == "2024-01-31"


# GL403 -------------------------------------------------------------------------------------------------------


def test_gl403_impossible_date() -> None:
    report = make_report(signature="2025年2月30日")
    [d] = diagnostics(ImpossibleDate, report)
    assert pointed(report, d) == "2025年2月30日"
    assert d.message_zh == "日期“2025年2月30日”不存在：2025年2月没有30日"
    assert d.message_en == "the date “2025年2月30日” does not exist: 2025-02 has no day 30"


def test_gl403_signed_before_the_year_ended() -> None:
    report = make_report(signature="2024年12月20日")
    [d] = diagnostics(ImpossibleDate, report)
    assert d.expected == ">= 2025-01-01"
    assert "早于 2024 年度结束" in d.message_zh


def test_gl403_passes() -> None:
    assert diagnostics(ImpossibleDate, make_report(metadata_date="2025年01月09日")) == []


def test_gl403_shared_mention_reported_once() -> None:
    # The publication date fell back to the signature: the same printed date is one finding.
    report = make_report(signature="2025年2月30日")
    assert report.publish_date is report.signature_date
    assert len(diagnostics(ImpossibleDate, report)) == 1


def test_gl403_body_date_checked_for_existence_only() -> None:
    report = make_report(extra_dates=["2024年6月31日", "2024年3月1日"])
    assert [d.actual for d in diagnostics(ImpossibleDate, report)] == ["2024年6月31日"]


# GL404 -------------------------------------------------------------------------------------------------------


def test_gl404_future_signature() -> None:
    report = make_report(signature="2025年1月20日")
    [d] = diagnostics(FutureDate, report, reference_date=dt.date(2025, 1, 10))
    assert d.key == "date.signature.future"
    assert "晚于参考日期 2025年1月10日" in d.message_zh


def test_gl404_passes_and_ignores_body_dates() -> None:
    report = make_report(extra_dates=["2030年6月30日"])
    assert diagnostics(FutureDate, report, reference_date=dt.date(2025, 3, 1)) == []


# GL405 -------------------------------------------------------------------------------------------------------


def test_gl405_passes() -> None:
    assert diagnostics(StatisticsPeriod, make_report(period=("2024年1月1日", "2024年12月31日"))) == []
    assert diagnostics(StatisticsPeriod, make_report()) == []  # no period stated


def test_gl405_partial_year() -> None:
    report = make_report(period=("2024年1月1日", "11月30日"))
    [d] = diagnostics(StatisticsPeriod, report)
    assert d.expected == ["2024-01-01", "2024-12-31"]
    assert d.actual == ["2024-01-01", "2024-11-30"]
    assert "统计期限应为 2024年1月1日至2024年12月31日" in d.message_zh


def test_gl405_rest_of_the_year_is_a_warning() -> None:
    """A body set up during the year reports from the day it began (pingtan 片区 2019: 9月1日 to 12月31日)."""
    report = make_report(period=("2024年9月1日", "12月31日"))
    [d] = diagnostics(StatisticsPeriod, report)
    assert d.severity is Severity.WARNING
    assert d.actual == ["2024-09-01", "2024-12-31"]
    assert "年内设立" in d.message_zh
    [cut] = diagnostics(StatisticsPeriod, make_report(period=("2024年1月1日", "11月30日")))
    assert cut.severity is Severity.ERROR  # a year cut short at its end is not a new body's


# GL406 -------------------------------------------------------------------------------------------------------


def test_gl406_passes() -> None:
    assert diagnostics(FormatYear, make_report()) == []
    assert diagnostics(FormatYear, make_report(fmt="2019", year=2020, signature="2021年1月20日")) == []


def test_gl406_2019_format_for_2022() -> None:
    report = make_report(fmt="2019", year=2022, signature="2023年1月20日")
    [d] = diagnostics(FormatYear, report)
    assert (d.expected, d.actual) == ("2021", "2019")
    assert pointed(report, d) == "第二十条第（一）项"


def test_gl406_mixed_format() -> None:
    report = make_report(mixed=True, year=2023, signature="2024年1月20日")
    [d] = diagnostics(FormatYear, report)
    assert (d.expected, d.actual) == ("2021", "mixed")
    assert pointed(report, d).startswith("(六)其他处理")


def test_a_lone_six_beside_rows_six_1_to_3_is_the_2021_group_label_for_every_rule() -> None:
    """pdftotext of a narrow column breaks (六)1's label over many lines and reads (六) alone, as if it were
    the 2019 row (六)其他处理, while (六)1–3 are there.  ``places.has_other_all`` decides once that it is the 2021
    group label: GL406 is silent, GL104 adds no note about the 2019 row, and the results sum (R3.2) adds the
    rows (六)1–3, where it summed as in 2019 and accused the report of a total it prints right."""
    counted = {
        "applications.other.other.natural_person": 1,
        "applications.other.other.total": 1,
        "applications.results_total.natural_person": 4,
        "applications.results_total.total": 5,
        "applications.new_received.natural_person": 4,
        "applications.new_received.total": 5,
    }
    report = make_report(year=2023, signature="2024年1月20日", cells=counted)
    lone = make_report(year=2023, signature="2024年1月20日", mixed=True).tables["applications"].rows["other.all"]
    table = report.tables["applications"]
    misread = attrs.evolve(table, rows={**table.rows, "other.all": lone})
    report = attrs.evolve(report, tables=Tables({**report.tables, "applications": misread}))
    assert not has_other_all(report) and not report.mixed_format
    assert diagnostics(FormatYear, report) == []
    assert [d for rule in (RowTotal, ResultsTotal, Balance) for d in diagnostics(rule, report)] == []
    assert has_other_all(make_report(mixed=True)) and has_other_all(make_report(fmt="2019", year=2020))


def test_gl406_2021_layout_for_2020_points_to_a_wrong_year() -> None:
    [d] = diagnostics(FormatYear, make_report(year=2020, signature="2021年1月20日"))
    assert "年度可能有误" in d.message_zh


def test_gl406_unknown_format_not_checked() -> None:
    assert diagnostics(FormatYear, make_report(year=2016, report_format="unknown", signature="2017年1月20日")) == []


# GL407 -------------------------------------------------------------------------------------------------------


def test_gl407_no_date() -> None:
    report = make_report(signature=None)
    [d] = diagnostics(NoDate, report)
    assert report.text.endswith("\n洪山镇人民政府\n")
    assert pointed(report, d) == "洪山镇人民政府"  # the last line, where the date belongs
    assert d.message_zh == "全文没有发布日期或落款日期：应在文末落款处注明日期（如“2025年1月20日”）"


@pytest.mark.parametrize(
    ("signed", "year", "month"),
    [
        ("2025年1月", 2025, 1),
        ("2025 年 12 月", 2025, 12),
        ("二〇二五年一月", 2025, 1),
        ("二〇二五年十十月", 2025, None),
    ],
)
def test_a_signature_with_a_year_and_month_is_a_fact_gl407_reads(signed: str, year: int, month: int | None) -> None:
    """The parse records a 落款 dated with a year and month only (``Report.signature_month``), and GL407 warns
    at that fact: the rule reads no signature of its own."""
    report = govlint.parse_text(f"一、总体情况\n本年度无。\n六、其他需要报告的事项\n无。\n洪山镇人民政府\n{signed}\n")
    fact = report.signature_month
    assert fact is not None and (fact.raw, fact.year, fact.month) == (signed, year, month)
    assert report.text[fact.span.start : fact.span.end] == signed
    [d] = diagnostics(NoDate, report)
    assert (d.severity, d.key, d.actual, d.location.line) == (Severity.WARNING, "publish_date.day", signed, 6)
    moved = attrs.evolve(report, signature_month=attrs.evolve(fact, raw="2024年12月", span=report.span(0, 6)))
    [d] = diagnostics(NoDate, moved)  # the fact, not the text, is what the rule reads
    assert (d.actual, d.location.line) == ("2024年12月", 1)
    assert govlint.parse_text("一、总体情况\n本年度无。\n洪山镇人民政府\n2025年1月20日\n").signature_month is None


def test_gl407_passes_with_either_date() -> None:
    assert diagnostics(NoDate, make_report()) == []
    assert diagnostics(NoDate, make_report(signature=None, metadata_date="2025年01月09日")) == []


def test_gl405_a_late_start_the_sentence_explains_is_not_reported() -> None:
    """055_jinjing_2019 says in the period's own sentence why it starts on 9月1日 (由于机构改革…开始启动), as the
    warning asks: it is not warned.  The same text without that clause still is."""
    path = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan" / "055_jinjing_2019.txt"
    text = path.read_text(encoding="utf-8")
    reason = "由于机构改革，我局政务公开工作从2019年9月1日开始启动，因此"
    assert reason in text
    assert diagnostics(StatisticsPeriod, govlint.parse_text(text)) == []
    [d] = diagnostics(StatisticsPeriod, govlint.parse_text(text.replace(reason, "")))
    assert d.severity is Severity.WARNING
    assert d.actual == ["2019-09-01", "2019-12-31"]


def test_gl405_reads_the_reason_in_the_periods_own_sentence_not_the_next_item() -> None:
    """The period's sentence is the prose sentence of :attr:`Report.sentences`, which a numbered item on the next
    line ends: a 挂牌 in that item is not the period's reason, and the late start is still warned."""
    path = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan" / "055_jinjing_2019.txt"
    text = path.read_text(encoding="utf-8").replace("由于机构改革，我局政务公开工作从2019年9月1日开始启动，因此", "")
    period = "至2019年12月31日。"
    assert period in text
    [d] = diagnostics(StatisticsPeriod, govlint.parse_text(text.replace(period, "至2019年12月31日\n（一）新址挂牌。")))
    assert d.severity is Severity.WARNING
    assert diagnostics(StatisticsPeriod, govlint.parse_text(text.replace(period, "至2019年12月31日，新址挂牌。"))) == []


_LATE_START = (
    "平潭综合实验区苏平片区管理局2019年政府信息公开工作年度报告\n"
    "现公布苏平片区管理局2019年信息公开工作年度报告，内容涵盖2019年9月1日至12月31日期间的政府信息公开工作情况。\n"
    "一、总体情况\n（一）加强组织领导。苏平片区高度重视政府信息公开工作，成立信息公开领导小组。{reason}\n"
)


def test_gl405_a_reason_given_in_another_sentence_is_read() -> None:
    """069_suping_2019 gives the reason for its 9月1日 start in section 一, not in the period's sentence (考虑到苏平片区
    刚刚成立的实际情况); 022_junshan_2019 in its account of the 机构改革 that made the 片区: not warned.  A body that
    only set up a leading group (045_tourism_2019: 组织成立局信息公开工作领导小组) still is."""
    suping = "（四）突出工作目标。考虑到苏平片区刚刚成立的实际情况，不断完善各项工作制度。"
    junshan = "机构改革期间，办公室工作人员主动对接原乡镇相关工作人员，确保工作有序衔接。"
    for reason in (
        suping,
        junshan,
        "2019年，我局刚刚成立，虽能积极学习。",
        "我局组建以来，工作有序开展。",
        "我局自2019年9月成立以来，工作有序开展。",
        "作为新组建的机构，我局边组建边工作。",
    ):
        assert diagnostics(StatisticsPeriod, govlint.parse_text(_LATE_START.format(reason=reason))) == [], reason
    # Nor what else the body set up during the year (a column, a platform, a task force), nor its start in
    # another year.
    for other in (
        "二是严格分工，完善机制。组织成立局信息公开工作领导小组。",
        "领导小组成立以来，分工明确。",
        "认真履职尽责。",
        "在门户网站新设立“政策解读”专栏。",
        "政务公开专栏设立以来，累计发布信息100条。",
        "依申请公开平台启动以来，运行平稳。",
        "新成立政务公开工作专班。",
        "新启动“政务开放日”活动。",
        "依法履职以来，分工明确。",
        "我局自2010年成立以来，始终重视政务公开。",
        "",
    ):
        [d] = diagnostics(StatisticsPeriod, govlint.parse_text(_LATE_START.format(reason=other)))
        assert d.severity is Severity.WARNING, other
