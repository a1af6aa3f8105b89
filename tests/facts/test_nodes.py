"""The nodes rules point at instead of re-reading the text (#15 §3): the standard tables' header cells with
their units."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint import api
from govlint.model import Report
from govlint.schema import normalize_label

ROUNDTRIP = Path(__file__).parent.parent / "fixtures" / "roundtrip" / "seed000"
#: The column keys of the standard tables, which every round-trip printing shows.
COLUMNS = {
    "active_disclosure": {"issued", "repealed", "in_force", "decisions", "amount_10k_yuan"},
    "applications": {
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "social_welfare_org",
        "legal_service_org",
        "other_org",
        "total",
    },
    "review_litigation": {"upheld", "corrected", "other", "pending", "total"},
}


def _parsed(name: str) -> Report:
    return api.parse_file(ROUNDTRIP / name)


@pytest.mark.parametrize("name", ["lo.txt", "tabs.txt", "lo.docx", "lo.html", "lo.pdf", "word.htm"])
def test_standard_tables_have_header_nodes(name: str) -> None:
    report = _parsed(name)
    for table_id, keys in COLUMNS.items():
        headers = report.tables[table_id].headers
        assert set(headers) == keys, table_id
        for key, header in headers.items():
            assert header.key == key
            assert report.text[header.span.start : header.span.end] == header.text
    fee = report.tables["active_disclosure"].headers["amount_10k_yuan"]
    assert normalize_label(fee.text).startswith("本年收费金额")
    assert fee.unit == "万元"
    assert fee.unit_span is not None
    assert report.text[fee.unit_span.start : fee.unit_span.end] == "万元"


@pytest.mark.parametrize("name", ["lo.docx", "lo.html", "lo.pdf"])
def test_header_nodes_keep_the_source_cell(name: str) -> None:
    report = _parsed(name)
    for table in report.tables.values():
        for header in table.headers.values():
            for span in (header.span, header.unit_span):
                if span is None:
                    continue
                assert span.origin is not None, (table.key, header.key)
                assert span.origin.table is not None
                assert span.origin.row is not None
                assert span.origin.column is not None
    if name == "lo.pdf":
        fee = report.tables["active_disclosure"].headers["amount_10k_yuan"]
        assert fee.unit_span is not None and fee.unit_span.origin is not None
        assert fee.unit_span.origin.page is not None


@pytest.mark.parametrize(
    ("printed", "unit"),
    [
        ("本年收费金额（单位：元）", "元"),
        ("本年收费金额 ( 单 位 : 千元 )", "千元"),
        ("本年收费金额（万元）", "万元"),
        ("本年收费金额", None),
    ],
)
def test_a_header_prints_its_unit_after_its_label_or_in_it(printed: str, unit: str | None) -> None:
    text = (
        "二、主动公开政府信息情况\n第二十条第（八）项\n"
        f"信息内容 | {printed}\n行政事业性收费 | 0\n三、收到和处理政府信息公开申请情况\n"
    )
    report = api.parse_text(text)
    header = report.tables["active_disclosure"].headers["amount_10k_yuan"]
    assert header.unit == unit
    if unit is not None:
        assert header.unit_span is not None
        assert report.text[header.unit_span.start : header.unit_span.end] == unit


def test_sentences_are_the_prose_cut_at_sentence_ends_and_new_items() -> None:
    text = (
        "一、总体情况\n2024年，我镇收到申请\n3件；全部办结。\n（一）主动公开\n本年度公开信息41条！\n"
        "三、收到和处理政府信息公开申请情况\n"
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\n"
        "申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计\n"
        "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议？"
    )
    report = api.parse_text(text)
    table = report.tables["applications"]
    assert table.span is not None
    printed = [sentence.text for sentence in report.sentences]
    # a line break inside a sentence does not end it; one before a heading or a numbered item does
    assert printed[:3] == ["一、总体情况\n2024年，我镇收到申请\n3件", "全部办结", "（一）主动公开\n本年度公开信息41条"]
    assert printed[-1] == "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议"  # a heading joins its sentence
    for sentence in report.sentences:
        assert report.text[sentence.span.start : sentence.span.end] == sentence.text
        assert not table.span.start < sentence.span.end <= table.span.end  # the table is no prose
    assert report.sentences is report.sentences  # made once


def test_sentences_of_a_pdf_keep_their_page() -> None:
    report = _parsed("lo.pdf")
    assert report.sentences
    assert all(s.span.origin is not None and s.span.origin.page is not None for s in report.sentences)


@pytest.mark.parametrize("name", ["lo.txt", "tabs.txt", "lo.docx", "lo.html", "lo.pdf", "word.htm"])
def test_table_three_prints_its_corner_note(name: str) -> None:
    report = _parsed(name)
    [note] = report.tables["applications"].notes
    assert normalize_label(note.text) == "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
    assert report.text[note.span.start : note.span.end] == note.text
    if name.endswith((".docx", ".html", ".pdf", ".htm")):
        assert note.span.origin is not None and note.span.origin.table is not None
    assert report.tables["active_disclosure"].notes == ()


def test_a_sections_sentences_are_cut_to_its_body() -> None:
    report = api.parse_text(
        "一、总体情况\n2024年，我镇公开信息41条。\n六、其他需要报告的事项\n本年度未收取\n信息处理费。其他无。"
    )
    six = report.section("other_matters")
    assert six is not None
    printed = [s.text.strip() for s in report.sentences_of(six)]
    assert printed == ["本年度未收取\n信息处理费", "其他无"]  # the heading stays out, the broken line in
    for sentence in report.sentences_of(six):
        assert report.text[sentence.span.start : sentence.span.end] == sentence.text
        assert six.body_span.start <= sentence.span.start < sentence.span.end <= six.body_span.end
