"""Document facts on small texts: dates, periods, signatures, titles, agencies, years, metadata."""

from __future__ import annotations

import datetime as dt

import pytest
from facts_support import analyse

from govlint.model import DateMention

BODY = "一、总体情况\n2024年，我镇认真落实条例。\n六、其他需要报告的事项\n本年度没有收取信息处理费。\n"


def _values(mentions: tuple[DateMention, ...]) -> list[tuple[str, dt.date | None, str]]:
    return [(m.raw, m.value, m.source) for m in mentions]


# ----- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("2025年1月9日", dt.date(2025, 1, 9)),
        ("2025年01月09日", dt.date(2025, 1, 9)),
        ("2024 年 12 月 31 日", dt.date(2024, 12, 31)),
        ("2022年1月13 日", dt.date(2022, 1, 13)),
        ("２０２５年１月９日", dt.date(2025, 1, 9)),
        ("2025年1月9号", dt.date(2025, 1, 9)),
        ("2024-01-30", dt.date(2024, 1, 30)),
        ("2024/1/30", dt.date(2024, 1, 30)),
        ("2024.01.30", dt.date(2024, 1, 30)),
        ("2024-01-31 08:28", dt.date(2024, 1, 31)),
        ("二〇二五年一月二十日", dt.date(2025, 1, 20)),
        ("二○二五年十二月三十一日", dt.date(2025, 12, 31)),
        ("二零二五年十月九日", dt.date(2025, 10, 9)),
    ],
)
def test_date_formats(printed: str, expected: dt.date) -> None:
    facts = analyse(f"见{printed}。").facts
    assert [(m.year, m.month, m.day, m.value) for m in facts.dates] == [
        (expected.year, expected.month, expected.day, expected)
    ]
    assert facts.dates[0].raw == printed.removesuffix(" 08:28")


@pytest.mark.parametrize(
    ("printed", "year", "month", "day"),
    [
        ("2023年2月30日", 2023, 2, 30),
        ("2024年13月5日", 2024, 13, 5),
        ("2024年4月31日", 2024, 4, 31),
        ("2023-02-29", 2023, 2, 29),
    ],
)
def test_impossible_dates_are_kept_without_value(printed: str, year: int, month: int, day: int) -> None:
    facts = analyse(f"于{printed}召开会议。").facts
    assert [(m.year, m.month, m.day, m.value, m.raw) for m in facts.dates] == [(year, month, day, None, printed)]


@pytest.mark.parametrize(
    "text",
    [
        "电话：0591-23163547",
        "索引号：011359676/2025-00739",
        "收费7730.28万元",
        "第12020年1月1日",  # five digits before 年
        "版本 1.2.3",
        "网址 www.pingtan.gov.cn/2020/01/t20200106_80560.htm",
        "2024年度报告，2024年以来",
    ],
)
def test_not_dates(text: str) -> None:
    assert analyse(text).facts.dates == ()


def test_date_spans_point_at_the_printed_date() -> None:
    found = analyse("标题\n\n落款\n  2025年1月17日    \n")
    (mention,) = found.facts.dates
    assert found.text[mention.span.start : mention.span.end] == "2025年1月17日"
    assert (mention.span.line, mention.span.column) == (4, 3)


# ----- statistics period ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("所列数据统计期限从2023年1月1日到12月31日止。", "2023-01-01", "2023-12-31"),
        ("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "2023-01-01", "2023-12-31"),
        ("统计期限为2019年9月1日至2019年12月31日。", "2019-09-01", "2019-12-31"),
        ("统计周期为2025年1月1日至2025年12月31日，", "2025-01-01", "2025-12-31"),
        ("统计数据时间段为2023年1月1日至2023年12月31日。", "2023-01-01", "2023-12-31"),
        ("统计期限自 2024 年 1 月 1 日\n起至 2024 年 12 月 31 日止。", "2024-01-01", "2024-12-31"),
        ("统计期限为2024年1月1日—2024年12月31日。", "2024-01-01", "2024-12-31"),
        ("统计期限为２０２４年１月１日至１２月３１日。", "2024-01-01", "2024-12-31"),
        ("涵盖2020年1月1日至2020年12月31日期间政府信息公开情况。", "2020-01-01", "2020-12-31"),
        ("统计期限从2023年1月1日到2023年12月32日止。", "2023-01-01", None),
    ],
)
def test_statistics_period(sentence: str, start: str, end: str | None) -> None:
    found = analyse(f"某镇2023年政府信息公开工作年度报告\n{sentence}\n{BODY}")
    period = found.facts.statistics_period
    assert period is not None
    assert str(period.start.value) == start
    assert (None if period.end.value is None else str(period.end.value)) == end
    assert period.start.source == period.end.source == "period"
    printed = found.text[period.span.start : period.span.end]
    assert printed.startswith(period.start.raw)
    assert period.end in found.facts.dates


def test_period_prefers_the_statistics_sentence() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n自2022年5月1日至2022年6月1日开展专项活动。"
        "本报告统计期限自2023年1月1日起至2023年12月31日止。\n" + BODY
    )
    period = analyse(text).facts.statistics_period
    assert period is not None
    assert str(period.start.value) == "2023-01-01"


def test_a_range_in_the_body_is_not_the_period() -> None:
    text = "某局2023年政府信息公开工作年度报告\n" + BODY + "自2023年5月1日至2023年6月1日开展专项活动。\n"
    assert analyse(text).facts.statistics_period is None


# ----- signature (落款) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "signed"),
    [
        ("叶城县河园镇人民政府\n\n2025年1月20日", "2025-01-20"),  # name, then the date alone
        ("2025年1月17日    \n\n", "2025-01-17"),  # the date alone
        ("本年度没有收取信息处理费。 平潭综合实验区财政金融局 2020年1月2日", "2020-01-02"),  # one-line page
        ("无。平潭综合实验区金井片区管理局2021年1月26日", "2021-01-26"),  # name and date run together
        ("无。 某局 2021年1月26日 附件下载", "2021-01-26"),  # crawler link text after it
        ("某局 2023年1月9日 抄送：纪检监察组。 某局办公室 2023年1月10日印发", "2023-01-09"),  # not the 印发 date
        ("某局 2022年1月7日抄送：纪检监察组。某局办公室 2022年1月7日印发", "2022-01-07"),
        ("某镇人民政府\n二〇二五年一月二十日", "2025-01-20"),
        ("截至2024年12月31日，共收取0元。", None),  # a date inside a sentence
        ("全年共计2024年12月31日 收取0元", None),  # not after a body's name
        ("本年度没有收取信息处理费。", None),
    ],
)
def test_signature_date(tail: str, signed: str | None) -> None:
    facts = analyse(f"某镇2024年政府信息公开工作年度报告\n{BODY}{tail}").facts
    signature = facts.signature_date
    assert (None if signature is None else str(signature.value)) == signed
    if signature is not None:
        assert signature.source == "signature"
        assert facts.publish_date is signature


def test_a_date_before_the_last_heading_is_no_signature() -> None:
    text = "某镇2024年政府信息公开工作年度报告\n某镇\n2025年1月3日\n" + BODY
    assert analyse(text).facts.signature_date is None


def test_signature_agency_when_there_is_no_title() -> None:
    facts = analyse(BODY + "某某县某某局\n2025年1月20日\n").facts
    assert facts.title is None
    assert facts.agency == "某某县某某局"


# ----- metadata and publication date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("发布日期: 2025年01月09日", "2025-01-09"),
        ("发布日期：2025年1月9日", "2025-01-09"),
        ("发布时间: 2024-01-30", "2024-01-30"),
        ("发布时间：2024-01-31 08:28", "2024-01-31"),
        ("发布时间 ：２０２４－０１－３１", "2024-01-31"),
    ],
)
def test_publication_date_from_metadata(line: str, published: str) -> None:
    facts = analyse(f"某镇2024年政府信息公开工作年度报告\n{line}\n{BODY}某镇\n2025年1月20日\n").facts
    assert facts.publish_date is not None
    assert (str(facts.publish_date.value), facts.publish_date.source) == (published, "metadata")
    assert facts.signature_date is not None
    assert str(facts.signature_date.value) == "2025-01-20"


def test_metadata_fields_several_on_a_line() -> None:
    text = (
        "索引号 : 011359676/2025-00739 文       号 : 无\n发文机构: 某局 主题分类: 其他\n"
        "成文日期：2025-03-07  发布日期：2025-03-08\n某局2024年政府信息公开工作年度报告\n" + BODY
    )
    facts = analyse(text).facts
    assert [(m.name, m.value) for m in facts.metadata] == [
        ("索引号", "011359676/2025-00739"),
        ("文号", "无"),
        ("发文机构", "某局"),
        ("主题分类", "其他"),
        ("成文日期", "2025-03-07"),
        ("发布日期", "2025-03-08"),
    ]
    assert facts.publish_date is not None
    assert str(facts.publish_date.value) == "2025-03-08"
    assert {m.raw: m.source for m in facts.dates} == {"2025-03-07": "metadata", "2025-03-08": "metadata"}


def test_metadata_only_before_the_first_heading() -> None:
    facts = analyse("某局2024年政府信息公开工作年度报告\n" + BODY + "发布日期：2025年1月2日\n").facts
    assert facts.metadata == ()
    assert facts.publish_date is None


def test_field_names_in_prose_are_not_metadata() -> None:
    facts = analyse("某局2024年政府信息公开工作年度报告\n请注明文件名称:某某\n" + BODY).facts
    assert facts.metadata == ()


# ----- title, agency and report year ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "title", "agency", "year"),
    [
        (
            "洪山镇人民政府 2024 年政府信息公开工作年度报告",
            "洪山镇人民政府2024年政府信息公开工作年度报告",
            "洪山镇人民政府",
            2024,
        ),
        (
            "  叶城县河园镇人民政府 2024 年政府信息公开 工作年度报告",
            "叶城县河园镇人民政府2024年政府信息公开工作年度报告",
            "叶城县河园镇人民政府",
            2024,
        ),
        ("勍香镇2024年政府信息公开工作年度报告", "勍香镇2024年政府信息公开工作年度报告", "勍香镇", 2024),
        ("2022年上海市政府信息公开工作年度报告", "2022年上海市政府信息公开工作年度报告", "上海市", 2022),
        ("某局2019年度政府信息公开工作年度报告", "某局2019年度政府信息公开工作年度报告", "某局", 2019),
        (
            "某片区管理局关于报送2020年度政府信息公开工作年度报告的函",
            "某片区管理局关于报送2020年度政府信息公开工作年度报告的函",
            "某片区管理局",
            2020,
        ),
        (
            "   淮安市洪泽区人民政府\n    2024 年政府信息公开工作年度报告",
            "淮安市洪泽区人民政府2024年政府信息公开工作年度报告",
            "洪泽区人民政府",
            2024,
        ),
        (
            "高平市米山镇\n\n米山镇人民政府2023年政府信息公开工作年度报告",
            "米山镇人民政府2023年政府信息公开工作年度报告",
            "米山镇人民政府",
            2023,
        ),
        ("某局２０２４年政府信息公开工作年度报告", "某局２０２４年政府信息公开工作年度报告", "某局", 2024),
        ("某局二〇二四年政府信息公开工作年度报告", "某局二〇二四年政府信息公开工作年度报告", "某局", 2024),
        ("某局2021年政府信息公开年度报告", "某局2021年政府信息公开年度报告", "某局", 2021),
        ("某局政府信息公开工作年度报告", "某局政府信息公开工作年度报告", "某局", None),
        (
            "上海市黄浦区人民政府2022年政府信息公开工作年度报告",
            "上海市黄浦区人民政府2022年政府信息公开工作年度报告",
            "黄浦区人民政府",
            2022,
        ),
        (
            "淮安市洪泽区人民政府办公室2023年政府信息公开工作年度报告",
            "淮安市洪泽区人民政府办公室2023年政府信息公开工作年度报告",
            "淮安市洪泽区人民政府办公室",
            2023,
        ),
    ],
)
def test_title_agency_year(head: str, title: str, agency: str, year: int | None) -> None:
    facts = analyse(f"{head}\n{BODY.replace('2024年，', '')}").facts
    assert (facts.title, facts.agency, facts.report_year) == (title, agency, year)


def test_title_from_a_name_line_above_the_year_line() -> None:
    text = (
        "Document\n\n         淮安市洪泽区人民政府\n    2024 年政府信息公开工作年度报告\n\n  本报告由…编制。\n" + BODY
    )
    found = analyse(text)
    assert found.facts.title == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"
    assert found.facts.title_span is not None
    assert (found.facts.title_span.line, found.facts.title_span.column) == (3, 10)


def test_a_breadcrumb_above_the_title_is_not_taken_for_it() -> None:
    """A page's text as a browser gives it (innerText): the breadcrumb's items each on a line, its last the
    column's name (政府信息公开年报, the title words alone), then the title itself."""
    crumbs = "当前位置：\n首页\n政务公开\n平潭综合实验区行政审批局\n政府信息公开年报\n"
    found = analyse(crumbs + "平潭综合实验区行政审批局2025年政府信息公开工作年度报告\n来源：区行政审批局\n" + BODY)
    assert found.facts.title == "平潭综合实验区行政审批局2025年政府信息公开工作年度报告"
    assert found.facts.title_span is not None and found.facts.title_span.line == 6


def test_the_title_words_alone_take_the_name_above_when_no_line_below_is_a_title() -> None:
    found = analyse("平潭综合实验区行政审批局\n政府信息公开工作年度报告\n" + BODY)
    assert found.facts.title == "平潭综合实验区行政审批局政府信息公开工作年度报告"


TITLE = "洪山镇人民政府2024年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("head", "line", "column"),
    [
        (f"---\ntitle: {TITLE}\n---\n", 2, 8),  # pandoc -s -t gfm, a Word document's Title paragraph
        (f"---\nlang: zh\ntitle: '{TITLE}'\nauthor: 洪山镇\n...\n", 3, 9),  # quoted, ended by ...
        (f'---\ntitle: "{TITLE}"\n---\n', 2, 9),
        ("---\ntitle: |\n  洪山镇人民政府\n  2024年政府信息公开工作年度报告\n---\n", 3, 3),  # a title of two lines
        (f"% {TITLE}\n% 洪山镇\n\n", 1, 3),  # pandoc's title block
        (f"# {TITLE}\n\n", 1, 3),  # a Markdown heading (MinerU, marker)
        (f"**{TITLE}**\n\n", 1, 3),
    ],
)
def test_title_in_a_converters_metadata_or_markup(head: str, line: int, column: int) -> None:
    """pandoc keeps a Word title only as metadata, Markdown marks it up: the title, agency and year are read
    from it, without the markup, where printed."""
    facts = analyse(head + BODY).facts
    assert (facts.title, facts.agency, facts.report_year) == (TITLE, "洪山镇人民政府", 2024)
    assert facts.title_span is not None
    assert (facts.title_span.line, facts.title_span.column) == (line, column)
    assert (facts.year_mentions[0].year, facts.year_mentions[0].source) == (2024, "title")


@pytest.mark.parametrize(
    "head",
    [
        "---\nsubject: 洪山镇人民政府2024年政府信息公开工作年度报告\n---\n",  # not a title key
        "前言\n---\ntitle: 洪山镇人民政府2024年政府信息公开工作年度报告\n---\n",  # not at the top of the file
        "---\ntitle: 会议纪要\n---\n",
    ],
)
def test_other_front_matter_is_no_title(head: str) -> None:
    assert analyse(head + BODY).facts.title is None


def test_preamble_mention_is_not_the_title() -> None:
    """'现公布2020年度政府信息公开工作年度报告' sits in a sentence: a body statement of the year, not a title."""
    text = "根据《条例》要求，现公布2020年度政府信息公开工作年度报告。\n" + BODY
    facts = analyse(text).facts
    assert facts.title is None
    assert facts.report_year == 2020
    assert [(m.year, m.source) for m in facts.year_mentions] == [(2020, "body"), (2024, "body")]


def test_year_mentions_for_gl401() -> None:
    text = (
        "某镇2024年政府信息公开工作年度报告\n"
        "根据《关于做好2019年政府信息公开工作年度报告编制公布工作的通知》，所列数据统计期限从2023年1月1日到12月31日止。\n"
        "一、总体情况\n（一）2024年，我镇…\n六、其他需要报告的事项\n无。\n"
    )
    facts = analyse(text).facts
    assert [(m.year, m.source) for m in facts.year_mentions] == [(2024, "title"), (2023, "period"), (2024, "body")]
    assert facts.report_year == 2024


def test_report_year_without_a_title_year_comes_from_the_period() -> None:
    text = "某局政府信息公开工作年度报告\n所列数据统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n我局…\n"
    assert analyse(text).facts.report_year == 2022


def test_empty_text() -> None:
    found = analyse("")
    assert found.headings == []
    facts = found.facts
    assert (facts.title, facts.agency, facts.report_year, facts.publish_date, facts.signature_date) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert (facts.dates, facts.year_mentions, facts.metadata, facts.statistics_period) == ((), (), (), None)
