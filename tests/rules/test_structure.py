"""GL101–GL107 on hand-built reports."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.diagnostics import Severity
from govlint.model import Report
from govlint.parsing.headings import MAX_HEADINGS
from govlint.rules.fees import FeeAmount
from govlint.rules.structure import (
    EmptyCell,
    MissingRow,
    MissingSection,
    MissingTable,
    SectionOrder,
    TitleIncomplete,
)

from .builder import AMBIGUOUS, SEED_003, Inferred, diagnostics, make_report


def line_text(report: Report, line: int) -> str:
    return report.text.split("\n")[line - 1]


def pointed(report: Report, diagnostic: object) -> str:
    """The text a diagnostic's location covers (single-line locations)."""
    loc = diagnostic.location  # type: ignore[attr-defined]
    assert loc.line == loc.end_line
    return line_text(report, loc.line)[loc.column - 1 : loc.end_column - 1]


# GL101 ----------------------------------------------------------------------------------------------------


def test_gl101_passes_with_all_sections() -> None:
    assert diagnostics(MissingSection, make_report()) == []


def test_gl101_missing_heading_before_its_table() -> None:
    report = make_report(drop_sections={3})
    [d] = diagnostics(MissingSection, report)
    assert d.code == "GL101"
    assert d.key == "section.applications"
    assert "三、收到和处理政府信息公开申请情况" in d.message_zh
    # Seed 001's case: the table is there without its heading; the finding points at the table's first line.
    assert pointed(report, d).startswith("（本列数据的勾稽关系为")


def test_gl101_missing_section_without_table_points_at_next_heading() -> None:
    report = make_report(drop_sections={5})
    [d] = diagnostics(MissingSection, report)
    assert pointed(report, d) == "六、其他需要报告的事项"
    assert "section 五 is missing" in d.message_en


def test_gl101_missing_last_section_points_at_end_of_previous() -> None:
    # Without 六, section 五 runs to the end of the text, the signature included: 六 belongs before the signature.
    report = make_report(drop_sections={6})
    [d] = diagnostics(MissingSection, report)
    assert d.key == "section.other_matters"
    assert pointed(report, d) == ""
    assert report.signature_date is not None and d.location.line < report.signature_date.span.line
    assert d.message_zh == "缺少第六部分“六、其他需要报告的事项”：应在第五部分的内容之后、落款之前"


def test_gl101_reports_every_missing_section() -> None:
    report = make_report(drop_sections={1, 5})
    assert [d.key for d in diagnostics(MissingSection, report)] == ["section.overview", "section.problems_improvements"]


def test_gl101_not_checked_before_2019() -> None:
    report = make_report(year=2016, report_format="unknown", drop_sections={3, 4})
    assert diagnostics(MissingSection, report) == []


# GL102 ----------------------------------------------------------------------------------------------------


def test_gl102_passes_in_order() -> None:
    assert diagnostics(SectionOrder, make_report()) == []


def test_gl102_out_of_order() -> None:
    report = make_report(section_order=(1, 3, 2, 4, 5, 6))
    [d] = diagnostics(SectionOrder, report)
    assert pointed(report, d) == "二、主动公开政府信息情况"
    assert d.message_zh.startswith("“二、主动公开政府信息情况”应在“三、收到和处理政府信息公开申请情况”之前")


def test_gl102_names_the_printed_heading() -> None:
    # 苏平片区 2023: a fee section inserted as 五 pushes 问题及改进 to 六, after 其他事项.
    report = make_report(
        section_order=(1, 2, 3, 4, 6, 5), headings={6: "五、其他事项", 5: "六、存在的主要问题和改进情况"}
    )
    [d] = diagnostics(SectionOrder, report)
    assert d.message_zh.startswith("“六、存在的主要问题和改进情况”（第五部分“五、存在的主要问题及改进情况”）应在")
    assert pointed(report, d) == "六、存在的主要问题和改进情况"


def test_gl102_duplicate() -> None:
    report = make_report(section_order=(1, 2, 3, 4, 5, 5, 6))
    [d] = diagnostics(SectionOrder, report)
    assert d.key == "section.problems_improvements.duplicate"
    first, second = (i + 1 for i, line in enumerate(report.text.split("\n")) if line == "五、存在的主要问题及改进情况")
    assert d.location.line == second
    assert d.message_zh == (
        f"第五部分重复：“五、存在的主要问题及改进情况”，第 {first} 行已有“五、存在的主要问题及改进情况”"
    )


# GL103 ----------------------------------------------------------------------------------------------------


def test_gl103_passes_with_tables() -> None:
    assert diagnostics(MissingTable, make_report()) == []


def test_gl103_missing_active_disclosure_table_at_section_heading() -> None:
    report = make_report(drop_tables={"active_disclosure"})
    [d] = diagnostics(MissingTable, report)
    assert d.key == "table.active_disclosure"
    assert pointed(report, d) == "二、主动公开政府信息情况"


def test_gl103_missing_table_and_section() -> None:
    report = make_report(drop_tables={"review_litigation"}, drop_sections={4})
    [d] = diagnostics(MissingTable, report)
    assert d.key == "table.review_litigation"
    assert pointed(report, d) == "五、存在的主要问题及改进情况"


def test_gl103_missing_art20_part() -> None:
    report = make_report(drop_parts={6})
    [d] = diagnostics(MissingTable, report)
    assert d.key == "table.active_disclosure.art20_6"
    assert "第二十条第（六）项" in d.message_zh


def test_gl103_reports_the_fee_part_like_any_other() -> None:
    # GL303 adds its fee finding; the structure rule still reports the missing sub-table.
    assert [d.key for d in diagnostics(MissingTable, make_report(drop_parts={8}))] == [
        "table.active_disclosure.art20_8"
    ]
    report = make_report(fmt="2019", year=2020, signature="2021年1月20日", drop_parts={8})
    assert [d.key for d in diagnostics(MissingTable, report)] == ["table.active_disclosure.art20_8"]


def test_gl103_gl104_a_report_in_another_years_format_lacks_only_what_both_formats_have() -> None:
    """Pingtan 社会事业局 2021: section 二 in the 2019 headers, no (九) sub-table, no 其他对外管理服务事项 row.
    The 2019 format is GL406's finding; its own (九) and row are not missing from a 2021 report."""
    dropped = {"active_disclosure.other_services", "active_disclosure.punishment"}
    report = make_report(fmt="2019", year=2022, signature="2023年1月20日", drop_parts={9, 8}, drop_rows=dropped)
    assert [d.key for d in diagnostics(MissingTable, report)] == ["table.active_disclosure.art20_8"]
    assert [d.key for d in diagnostics(MissingRow, report)] == ["active_disclosure.punishment"]
    own_year = make_report(fmt="2019", year=2020, signature="2021年1月20日", drop_parts={9}, drop_rows=dropped)
    assert [d.key for d in diagnostics(MissingTable, own_year)] == ["table.active_disclosure.art20_9"]
    assert {d.key for d in diagnostics(MissingRow, own_year)} == dropped


def test_gl103_unknown_format_uses_the_year() -> None:
    # No standard table at all: the format is "unknown", and a 2024 report must have the 2021 tables.
    report = make_report(
        report_format="unknown", drop_tables={"active_disclosure", "applications", "review_litigation"}
    )
    found = diagnostics(MissingTable, report)
    assert [(d.key, pointed(report, d)) for d in found] == [
        ("table.active_disclosure", "二、主动公开政府信息情况"),
        ("table.applications", "三、收到和处理政府信息公开申请情况"),
        ("table.review_litigation", "四、政府信息公开行政复议、行政诉讼情况"),
    ]
    assert found[0].message_zh == "第二部分缺少表格：应有第二十条第（一）（五）（六）（八）项主动公开情况表"


# GL104 ----------------------------------------------------------------------------------------------------


def test_gl104_passes_with_all_rows() -> None:
    assert diagnostics(MissingRow, make_report()) == []
    assert diagnostics(MissingRow, make_report(fmt="2019", year=2020, signature="2021年1月20日")) == []


def test_gl104_missing_application_row_points_at_next_row() -> None:
    report = make_report(drop_rows={"applications.denied.third_party_rights"})
    [d] = diagnostics(MissingRow, report)
    assert d.key == "applications.denied.third_party_rights"
    assert "(三)4.保护第三方合法权益" in d.message_zh
    assert pointed(report, d).startswith("5.属于三类内部事务信息")


def test_gl104_mixed_report_lacks_the_three_2021_other_rows() -> None:
    report = make_report(mixed=True)
    found = diagnostics(MissingRow, report)
    assert [d.key for d in found] == [
        "applications.other.no_correction",
        "applications.other.fee_unpaid",
        "applications.other.other",
    ]
    for d in found:
        assert pointed(report, d).startswith("(六)其他处理")
        assert "2019" in d.message_zh


def test_gl104_2019_report_with_other_all_is_complete() -> None:
    report = make_report(fmt="2019", year=2020, signature="2021年1月20日")
    assert "other.all" in report.tables.applications.rows  # type: ignore[union-attr]
    assert diagnostics(MissingRow, report) == []


def test_gl104_review_group_and_art20_row() -> None:
    report = make_report(drop_rows={"review_litigation.litigation_after_review", "active_disclosure.enforcement"})
    assert sorted(d.key for d in diagnostics(MissingRow, report)) == [
        "active_disclosure.enforcement",
        "review_litigation.litigation_after_review",
    ]


def test_gl104_rows_of_a_missing_part_are_gl103s() -> None:
    assert diagnostics(MissingRow, make_report(drop_parts={6})) == []
    assert [d.key for d in diagnostics(MissingRow, make_report(drop_rows={"active_disclosure.fees"}))] == [
        "active_disclosure.fees"
    ]


# GL103/GL104/GL303 where govlint could not read: unread, not missing ---------------------------------------
# Reports converted by real tools (tests/fixtures/roundtrip: pdftotext of LibreOffice and Chromium PDFs),
# whose tables print every row but with labels wrapped in narrow columns that the parser cannot read.
ROUNDTRIP = Path(__file__).resolve().parents[1] / "fixtures" / "roundtrip"


def test_gl104_rows_printed_but_not_read_are_one_unread_finding() -> None:
    report = govlint.parse_file(ROUNDTRIP / "hzq2024" / "chrome.layout.txt")
    [d] = diagnostics(MissingRow, report)
    assert (d.unread, d.severity, d.key) == (True, Severity.WARNING, "applications")
    assert "可能就在其中，未核对" in d.message_zh
    # it points at the first line of values that no read row claims (an unread row's, here)
    values = line_text(report, d.location.line).split()[-7:]
    assert len(values) == 7 and all(value.isdecimal() for value in values)


def test_gl103_a_table_printed_but_not_recognised_is_unread() -> None:
    report = govlint.parse_file(ROUNDTRIP / "seed000" / "lo.raw.txt")
    assert report.tables.review_litigation is None
    [d] = [d for d in diagnostics(MissingTable, report) if d.key == "table.review_litigation"]
    assert (d.unread, d.severity) == (True, Severity.WARNING)
    assert "未能识别第四部分" in d.message_zh


def test_gl303_a_fee_row_not_found_is_not_a_missing_amount() -> None:
    report = govlint.parse_file(ROUNDTRIP / "seed000" / "chrome.raw.txt")
    assert "fees" not in report.tables.active_disclosure.rows  # type: ignore[union-attr]
    assert diagnostics(FeeAmount, report) == []


@pytest.mark.parametrize(
    "line",
    [
        "- 3 -",  # a page footer
        "第 3 页",
        "本年度共收到政府信息公开申请 3 件，均已按时办结。",  # prose with a number set apart
        "2024年1月20日",
    ],
)
def test_gl104_still_reports_a_missing_row_beside_lines_that_are_not_values(line: str) -> None:
    lines = make_report().text.split("\n")
    [row] = [i for i, printed in enumerate(lines) if printed.startswith("4.保护第三方合法权益")]
    [last] = [i for i, printed in enumerate(lines) if printed.startswith("四、结转下年度继续办理")]
    lines[last + 1 : last + 1] = [line]  # in section 三, after the table
    del lines[row]
    [d] = diagnostics(MissingRow, govlint.parse_text("\n".join(lines)))
    assert (d.unread, d.severity, d.key) == (False, Severity.ERROR, "applications.denied.third_party_rights")


# GL105 ----------------------------------------------------------------------------------------------------


def test_gl105_passes_when_every_cell_is_a_number() -> None:
    assert diagnostics(EmptyCell, make_report()) == []


def test_gl105_empty_cells_each_reported_at_the_cell() -> None:
    report = make_report(
        cells={
            "applications.partially_granted.natural_person": None,
            "applications.results_total.natural_person": None,
            "applications.results_total.commercial_enterprise": None,
        }
    )
    found = diagnostics(EmptyCell, report)
    assert [d.key for d in found] == [
        "applications.partially_granted.natural_person",
        "applications.results_total.natural_person",
        "applications.results_total.commercial_enterprise",
    ]
    cell = report.tables.applications.cell("applications.results_total.natural_person".partition(".")[2])  # type: ignore[union-attr]
    assert cell is not None and cell.span is not None
    assert (found[1].location.line, found[1].location.column) == (cell.span.line, cell.span.column)
    assert found[1].message_zh == "(七)总计 自然人 列为空：应填写数字（无则填 0）"
    assert found[1].message_en.startswith("(七)总计, column 自然人 (natural person) is empty")


def test_gl105_placeholder_and_unreadable() -> None:
    report = make_report(cells={"applications.granted.other_org": "/", "review_litigation.review.upheld": "无"})
    found = diagnostics(EmptyCell, report)
    assert [(d.key, d.actual, pointed(report, d)) for d in found] == [
        ("applications.granted.other_org", "/", "/"),
        ("review_litigation.review.upheld", "无", "无"),
    ]
    assert [d.message_zh for d in found] == [
        "(一)予以公开 其他 列无法识别为数字：“/”，应填写数字",
        "行政复议 结果维持无法识别为数字：“无”，应填写数字",
    ]
    assert found[1].message_en == "行政复议, 结果维持 (upheld) cannot be read as a number: “无”; expected a number"


def test_gl105_art20_empty_cell() -> None:
    report = make_report(cells={"active_disclosure.enforcement.decisions": None})
    [d] = diagnostics(EmptyCell, report)
    assert d.key == "active_disclosure.enforcement.decisions"
    assert "行政强制" in d.message_zh and "本年处理决定数量" in d.message_zh


def test_gl105_ignores_ambiguous_and_inferred_cells() -> None:
    report = make_report(
        cells={
            "applications.granted.natural_person": AMBIGUOUS,
            "applications.new_received.natural_person": Inferred(3),
        }
    )
    assert diagnostics(EmptyCell, report) == []


def test_gl105_reports_the_empty_fee_amount_too() -> None:
    report = make_report(cells={"active_disclosure.fees.amount_10k_yuan": None})
    [d] = diagnostics(EmptyCell, report)
    assert d.key == "active_disclosure.fees.amount_10k_yuan"
    assert "第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元） 列为空" in d.message_zh


def test_gl105_absent_cell_of_a_readable_row() -> None:
    report = make_report(drop_cells={"applications.granted.legal_service_org"})
    [d] = diagnostics(EmptyCell, report)
    assert d.key == "applications.granted.legal_service_org"
    assert pointed(report, d).startswith("(一)予以公开 | ")  # the row: the cell has no place of its own
    assert d.message_zh == "(一)予以公开 法律服务机构 列缺失：应填写数字（无则填 0）"


def test_gl105_2019_fee_items_are_ordinary_cells() -> None:
    report = make_report(
        fmt="2019", year=2020, signature="2021年1月20日", cells={"active_disclosure.fees.change": None}
    )
    assert [d.key for d in diagnostics(EmptyCell, report)] == ["active_disclosure.fees.change"]


# GL107 ----------------------------------------------------------------------------------------------------


def test_gl107_passes_with_spaced_title() -> None:
    assert diagnostics(TitleIncomplete, make_report(title="洪山镇人民政府 2024 年政府信息公开 工作年度报告")) == []
    assert diagnostics(TitleIncomplete, make_report(title="2022年上海市政府信息公开工作年度报告")) == []


def test_gl107_work_report_instead_of_annual_report() -> None:
    report = make_report(title="洪山镇人民政府2024年政府信息公开工作报告")
    [d] = diagnostics(TitleIncomplete, report)
    assert "政府信息公开工作年度报告" in d.message_zh
    assert "年份" not in d.message_zh.split("：")[0]
    assert d.location.line == 1


def test_gl107_missing_year_and_body() -> None:
    [d] = diagnostics(TitleIncomplete, make_report(title="政府信息公开工作年度报告"))
    assert d.message_zh.startswith("标题缺少年份、机关名称")


def test_gl107_no_title() -> None:
    [d] = diagnostics(TitleIncomplete, make_report(title=None))
    assert "未能找到报告标题" in d.message_zh
    assert (d.severity, d.unread) == (Severity.WARNING, True)  # perhaps worded as govlint does not know


def test_gl107_other_name_for_the_annual_report_is_a_warning() -> None:
    [d] = diagnostics(TitleIncomplete, make_report(title="洪山镇人民政府2024年政府信息公开年度报告"))  # 苏平 2021
    assert d.severity is Severity.WARNING
    [both] = diagnostics(TitleIncomplete, make_report(title="2024年政府信息公开年度报告"))
    assert both.severity is Severity.ERROR  # no body named either


@pytest.mark.parametrize(
    "title",
    [
        "《2024年度》政府信息公开工作年度报告",
        "2024年度 政府信息公开工作年度报告",
        "[2024年]-\u2028政府信息公开工作年度报告",  # a line separator: a space that label normalisation keeps
        "２０２４年：政府信息公开工作年度报告",  # full-width digits and colon
    ],
)
def test_gl107_punctuation_and_digits_are_no_body_name(title: str) -> None:
    [d] = diagnostics(TitleIncomplete, make_report(title=title))
    assert d.message_zh.startswith("标题缺少机关名称：")


@pytest.mark.parametrize("title", ["2024年度（洪山镇）政府信息公开工作年度报告", "镇2024年政府信息公开工作年度报告"])
def test_gl107_any_other_character_names_a_body(title: str) -> None:
    assert diagnostics(TitleIncomplete, make_report(title=title)) == []


def test_a_numbered_row_of_table_three_is_no_section_heading() -> None:
    """Section 三's heading lost, its table's group label 三、本年度办理结果 (numbered as the section, its numbering
    stripped as the lexer strips a group's: parsing/numbering.without_numbering) is a row, not an unrecognised
    heading of 三: the section is missing (an error), where a heading in unknown words would be an unread
    warning."""
    seed = SEED_003.read_text("utf-8")
    assert "三、本年度办理结果\t" in seed
    lost = seed.replace("三、收到和处理政府信息公开申请情况\n", "")
    [missing] = [d for d in govlint.lint_text(lost).diagnostics if d.code == "GL101"]
    assert (missing.severity, missing.unread, missing.key) == (Severity.ERROR, False, "section.applications")
    worded = seed.replace("三、收到和处理政府信息公开申请情况\n", "三、依申请公开工作情况\n")
    [unread] = [d for d in govlint.lint_text(worded).diagnostics if d.code == "GL101"]
    assert (unread.severity, unread.unread) == (Severity.WARNING, True)


def test_gl102_counts_the_headings_past_the_limit_once() -> None:
    report = govlint.parse_text(make_report(section_order=(1, 2, 3, 4, *(5,) * 200, 6)).text)  # as parsed
    found = diagnostics(SectionOrder, report)
    [d] = [d for d in found if d.key == "section.headings.untaken"]
    assert len(found) == MAX_HEADINGS - 5 + 1  # each repeated 五 taken, then the count
    assert report.sections[-1].number == 6  # a section's first heading is taken past the limit
    assert (d.expected, d.actual) == (MAX_HEADINGS, 205)
    assert pointed(report, d) == "五、存在的主要问题及改进情况"
    assert d.message_zh == (
        "部分标题过多：已按部分读取 101 个标题，自“五、存在的主要问题及改进情况”起另有 104 个重复的部分标题按正文读取、"
        "未作为部分检查；各部分标题应各出现一次"
    )
    assert d.message_en.startswith("too many section headings: 101 were read as sections; 104 more repeated")


_WITHOUT_SIX = (
    "平潭综合实验区财政金融局2021年政府信息公开工作年度报告\n"
    "一、总体情况\n本年度主动公开信息41条。\n二、主动公开政府信息情况\n本年度主动公开信息41条。\n"
    "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
    "五、存在的主要问题及改进情况{five}"
)


def test_gl101_a_missing_last_section_is_expected_after_the_content_before_the_signature() -> None:
    """003_finance_2021 ends 五 with its last sentence and the 落款, and prints no 六: 六 belongs between them, not
    at the start of 五 (the finding underlined all of 五 from its first line)."""
    last = "(二)改进措施。保证政府信息公开工作持续良好地开展。"
    report = govlint.parse_text(_WITHOUT_SIX.format(five=f"{last} 平潭综合实验区财政全融局 2022年1月13日\n"))
    [d] = diagnostics(MissingSection, report)
    at = report.text.index(last) + len(last)
    assert (d.location.line, d.location.column) == (report.span(at, at).line, report.span(at, at).column)
    assert (d.location.end_line, d.location.end_column) == (d.location.line, d.location.column)
    assert d.message_zh == "缺少第六部分“六、其他需要报告的事项”：应在第五部分的内容之后、落款之前"
    assert d.message_en.endswith("after the content of section 五, before the signature")
    # The signature on lines of its own; and 076_agri_2024, whose 五 ends the text unsigned.
    report = govlint.parse_text(_WITHOUT_SIX.format(five=f"{last}\n平潭综合实验区财政全融局\n2022年1月13日\n"))
    [d] = diagnostics(MissingSection, report)
    at = report.text.index(last) + len(last)
    assert (d.location.line, d.location.column) == (report.span(at, at).line, report.span(at, at).column)
    report = govlint.parse_text(_WITHOUT_SIX.format(five=f"{last}\n"))
    [d] = diagnostics(MissingSection, report)
    assert d.message_zh.endswith("：应在第五部分的内容之后")
    assert d.location.column == report.span(len(report.text) - 1, len(report.text) - 1).column
