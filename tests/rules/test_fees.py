"""GL301–GL303 on hand-built reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govlint
from govlint.diagnostics import Severity
from govlint.model import Report
from govlint.rules.fees import FeeAmount, FeeContradictsTable, FeeNotDisclosed
from govlint.schema import FEE_COLLECTED_WORDS

from .builder import CONSISTENT_APPLICATIONS, SEED_003, diagnostics, make_report


def pointed(report: Report, diagnostic: object) -> str:
    loc = diagnostic.location  # type: ignore[attr-defined]
    return report.text.split("\n")[loc.line - 1][loc.column - 1 : loc.end_column - 1]


# GL301 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "本年度没有收取信息处理费。",  # seed 004
        "依据国办函〔2020〕109号规定的按件、按量收费标准,本年度没有产生信息公开处理费。",  # seeds 000, 003
        "2023年度未收取政府信息公开信息处理费。",  # seed 002
        "本年度对25件申请收取了信息处理费2950元。",
        "收取政府信息处理相关费用 0 元。",
        "信息处理费：无",
    ],
)
def test_gl301_passes_fee_statements(statement: str) -> None:
    assert diagnostics(FeeNotDisclosed, make_report(fee_text=statement)) == []


#: Every way of stating the fee found in section 六 of the seeds and of the pingtan corpus (80 reports),
#: collected with grep (收费|费用|处理费) and checked by hand: each states that no fee was charged, or the amount.
REAL_FEE_STATEMENTS = [
    "本年度没有收取信息处理费。",  # seed 004
    "按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》国办函〔2020〕109号）规定的按件、"
    "按量收费标准，本年度没有产生信息公开处理费。",  # seeds 000, 003; pingtan 2021-2024 (12 reports)
    "2023年度未收取政府信息公开信息处理费。",  # seed 002
    "本年度无收取信息处理费情况。",  # pingtan (11 reports)
    "无收取信息处理费情况，无其他需报告事项。",  # pingtan
    "全年收取政府信息公开信息处理费 0 元。",  # pingtan
    "2024年度本机关未收取信息处理费。",  # pingtan 2022-2025
    "2024年度我局未产生信息公开处理费。",  # pingtan 2022-2024
    "2024年度我局无收取信息公开处理费。",  # pingtan 2023-2024
    "本年度未产生政府信息公开信息处理费用。",  # pingtan
    "全年未产生政府信息公开信息处理费。",  # pingtan
    "本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，本机关将"
    "依照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）收取信息处理费。",
    # pingtan market 2022-2024
    "2025年度我局无向申请人收取政府信息公开费用的情况，无因政府信息公开工作被追责问责的情况。",  # pingtan social 2025
    "通知收取件数 通知收取金额（元） 实际收取金额（元）\n信息处理费收取情况 0 0 0",  # pingtan suping 2023-2025
    "我局依申请提供政府信息，未向申请人收取任何费用。",  # pingtan
    "我单位依申请提供政府信息，不向申请人收取任何费用。",  # pingtan
    # The forms named in the issue (#10 §6).
    "政府信息公开未发生收费情况。",
    "本年度未收取任何费用。",
    "无收取信息处理费情况。",
]


@pytest.mark.parametrize("statement", REAL_FEE_STATEMENTS)
def test_gl301_accepts_every_real_fee_statement(statement: str) -> None:
    assert diagnostics(FeeNotDisclosed, make_report(fee_text=statement)) == []


@pytest.mark.parametrize(
    "statement",
    [
        "信息处理费收取情况：0。",
        "2024年度本单位无收费情况。",
        "依申请公开政府信息未收费。",
        "本年度未收取信息公开相关费用。",
        "本机关未向申请人收费。",
        "本年度无政府信息公开收费事项。",
        "本年度未对政府信息公开申请收取费用。",
        "本年度共发出收费通知0件，总金额0元，实际收取0元。",
        "本机关政府信息公开工作不收费。",
        "本年度无因政府信息公开收取费用情况。",
        "本年度依申请公开均免费提供。",
    ],
)
def test_gl301_accepts_other_statements_on_charging_in_section_six(statement: str) -> None:
    """Wordings a report from elsewhere may use (#10 audit): each says, in section 六, that nobody was charged."""
    assert diagnostics(FeeNotDisclosed, make_report(fee_text=statement)) == []


def test_gl301_a_late_payment_row_printed_into_six_is_no_statement() -> None:
    """A page that runs 六 into table 三's row label (申请人逾期未按收费通知要求缴纳费用) states no fee."""
    report = make_report(fee_text="2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
    assert [d.code for d in diagnostics(FeeNotDisclosed, report)] == ["GL301"]


@pytest.mark.parametrize(
    "statement",
    [
        "无其他需要报告事项。",  # pingtan finance 2019/2020, market 2019/2020
        "我局无其他需报告的事项。",  # pingtan junshan 2019/2020
        "没有其他需要说明的事项。",  # pingtan enforce 2020
        "暂无",  # pingtan suping 2020
        "无需要说明的其他事项。",  # pingtan suping 2019
        "依法收取信息处理费，收费标准严格按照国家有关规定执行。",  # names the fee, says nothing of this year
        "本年度未发生因政府信息公开工作被追责的情况。",  # a negation, but not of a fee
    ],
)
def test_gl301_keeps_firing_where_section_six_says_nothing_about_fees(statement: str) -> None:
    assert [d.code for d in diagnostics(FeeNotDisclosed, make_report(fee_text=statement))] == ["GL301"]


def test_gl301_section_six_says_only_none() -> None:
    report = make_report(fee_text="无。")  # seed 001
    [d] = diagnostics(FeeNotDisclosed, report)
    assert d.code == "GL301"
    assert pointed(report, d) == "六、其他需要报告的事项"
    assert d.message_zh == (
        "第六部分未说明信息处理费收取情况：应写明本年度收取信息处理费的金额（未收取写“未收取”或“0元”）"
    )


def test_gl301_fee_named_without_amount_or_none() -> None:
    report = make_report(fee_text="信息处理费按国办函〔2020〕109号规定执行。")
    [d] = diagnostics(FeeNotDisclosed, report)
    assert "未说明是否收取或收取金额" in d.message_zh
    assert pointed(report, d).startswith("信息处理费按")


def test_gl301_in_both_formats() -> None:
    report = make_report(fmt="2019", year=2020, signature="2021年1月27日", fee_text="无其他需要报告事项。")
    assert len(diagnostics(FeeNotDisclosed, report)) == 1
    current = make_report(year=2021, signature="2022年1月20日", fee_text="无其他需要报告事项。")
    assert [d.severity for d in diagnostics(FeeNotDisclosed, current)] == [Severity.ERROR]
    unknown = make_report(report_format="unknown", drop_tables={"active_disclosure"}, fee_text="无。")
    assert len(diagnostics(FeeNotDisclosed, unknown)) == 1  # a 2024 report without standard tables
    assert diagnostics(FeeNotDisclosed, make_report(year=2016, report_format="unknown", fee_text="无。")) == []


@pytest.mark.parametrize(("fmt", "year"), [("2019", 2019), ("2019", 2020), ("2021", 2020)])
def test_gl301_is_only_a_reminder_before_the_fee_measures(fmt: str, year: int) -> None:
    """The fee measures (国办函〔2020〕109号) took effect on 1 January 2021, and neither the 2019 trial format nor
    条例 第五十条 asks for the fee: 17 pingtan reports of 2019 and 2020 were accused of omitting it."""
    report = make_report(fmt=fmt, year=year, signature=f"{year + 1}年1月20日", fee_text="无其他需要报告事项。")
    [d] = diagnostics(FeeNotDisclosed, report)
    assert d.severity is Severity.INFO  # the default scoring deducts errors and warnings only
    assert "2021年1月1日起施行" in d.message_zh
    assert "1 January 2021" in d.message_en


@pytest.mark.parametrize(
    "prose",
    [
        "（二）依申请公开方面：本年度共收到申请3件，均按时答复，未收取信息处理费。",  # in 一's 依申请公开 part
        "依申请公开不收取任何费用。",
    ],
)
def test_gl301_accepts_the_fee_stated_in_another_section(prose: str) -> None:
    assert diagnostics(FeeNotDisclosed, make_report(fee_text="无。", prose=[prose])) == []


def test_gl301_without_section_six_searches_the_whole_text() -> None:
    report = make_report(drop_sections={6}, fee_text="无。")
    [d] = diagnostics(FeeNotDisclosed, report)
    assert d.key == "section.other_matters.fee"
    assert diagnostics(FeeNotDisclosed, make_report(drop_sections={6})) == []


# GL302 -------------------------------------------------------------------------------------------------------


def fee_unpaid_report(statement: str, unpaid: int = 2) -> Report:
    rows = dict(CONSISTENT_APPLICATIONS)
    rows["other.fee_unpaid"] = [unpaid, 0, 0, 0, 0, 0, unpaid]
    rows["results_total"] = [3 + unpaid, 1, 0, 0, 0, 0, 4 + unpaid]
    rows["new_received"] = [3 + unpaid, 1, 0, 0, 0, 0, 4 + unpaid]
    return make_report(applications=rows, fee_text=statement)


@pytest.mark.parametrize(
    "statement",
    [
        "本年度未发出收费通知，没有产生信息处理费。",
        "本年度没有产生信息公开处理费。",
        "本年度发出收费通知0件，收取信息处理费0元。",
        "本年度本机关未向申请人发出信息处理费收费通知，未收取信息处理费。",
        "2024年，本机关未发出政府信息公开信息处理费收费通知，未收取任何费用。",
    ],
)
def test_gl302_statement_denies_fee_notices(statement: str) -> None:
    report = fee_unpaid_report(statement)
    [d] = diagnostics(FeeContradictsTable, report)
    assert d.code == "GL302"
    assert d.severity.value == "warning"
    assert "总计为 2" in d.message_zh
    assert pointed(report, d) == statement.rstrip("。").split("。")[0]


def test_gl302_reads_a_sentence_broken_over_lines_whole() -> None:
    # pdftotext breaks a sentence where the page's line ends: the denial spans the break
    report = fee_unpaid_report("本年度本机关未向申请人发出收费\n通知，未收取信息处理费。")
    [d] = diagnostics(FeeContradictsTable, report)
    assert d.actual == "本年度本机关未向申请人发出收费\n通知，未收取信息处理费"


def test_gl301_reads_a_sentence_broken_over_lines_whole() -> None:
    # the fee's name broken by a line end is still named: no accusation of silence
    assert diagnostics(FeeNotDisclosed, make_report(fee_text="本年度未收取信息处\n理费。")) == []


@pytest.mark.parametrize(
    "statement",
    [
        "本年度未收取信息处理费。",  # not collected: the notices went unpaid
        "本年度发出收费通知2件，申请人均未缴费，未收取信息处理费。",
        "本年度向2名申请人发出收费通知，申请人未按时缴费，没有收取费用。",
    ],
)
def test_gl302_not_collected_is_consistent(statement: str) -> None:
    assert diagnostics(FeeContradictsTable, fee_unpaid_report(statement)) == []


def test_gl302_silent_without_unpaid_fees() -> None:
    assert diagnostics(FeeContradictsTable, fee_unpaid_report("本年度未发出收费通知。", unpaid=0)) == []


def test_gl302_not_assessable_with_empty_cell() -> None:
    report = make_report(fee_text="本年度没有产生信息处理费。", cells={"applications.other.fee_unpaid.total": None})
    assert diagnostics(FeeContradictsTable, report) == []


def test_gl302_only_for_the_2021_format() -> None:
    report = make_report(fmt="2019", year=2020, signature="2021年1月20日", fee_text="本年度未发出收费通知。")
    assert diagnostics(FeeContradictsTable, report) == []


# GL303 -------------------------------------------------------------------------------------------------------


def test_gl303_passes_with_amount_in_10k_yuan() -> None:
    assert diagnostics(FeeAmount, make_report(active={"fees.amount_10k_yuan": Decimal("7730.28")})) == []
    assert diagnostics(FeeAmount, make_report(fee_header="本年收费金额(单位: 万元)")) == []


def test_gl303_empty_amount() -> None:
    report = make_report(cells={"active_disclosure.fees.amount_10k_yuan": None})
    [d] = diagnostics(FeeAmount, report)
    assert d.key == "active_disclosure.fees.amount_10k_yuan"
    assert "本年收费金额缺失" in d.message_zh
    cell = report.tables.active_disclosure.cell("fees.amount_10k_yuan")  # type: ignore[union-attr]
    assert cell is not None and cell.span is not None
    assert (d.location.line, d.location.column) == (cell.span.line, cell.span.column)


def test_gl303_leaves_an_unplaced_row_to_gl106() -> None:
    report = make_report(
        problems={"active_disclosure.fees": "2 values for 1 column"},
        drop_cells={"active_disclosure.fees.amount_10k_yuan"},
    )
    assert diagnostics(FeeAmount, report) == []


def test_gl303_missing_part() -> None:
    # Without sub-table (八) there is no row or cell to point at: the finding points at the table's first line.
    report = make_report(drop_parts={8})
    [d] = diagnostics(FeeAmount, report)
    assert (d.key, d.expected, d.actual) == ("active_disclosure.fees.amount_10k_yuan", "amount in 万元", None)
    assert pointed(report, d) == "第二十条第（一）项"
    assert d.message_zh == "第二十条第（八）项 行政事业性收费 本年收费金额缺失：应填写以万元为单位的金额（无则填 0）"


def test_gl303_unit_in_yuan() -> None:
    report = make_report(fee_header="本年收费金额（单位：元）", active={"fees.amount_10k_yuan": 77302800})
    [d] = diagnostics(FeeAmount, report)
    assert d.key == "active_disclosure.fees.amount_10k_yuan.unit"
    assert (d.expected, d.actual) == ("万元", "元")
    assert pointed(report, d) == "元"


def test_gl303_silent_without_the_section_two_table() -> None:
    # Seed 001: the whole table is missing; GL103 reports it, GL303 does not repeat it.
    assert diagnostics(FeeAmount, make_report(drop_tables={"active_disclosure"})) == []


def test_gl303_not_for_2019_fee_items() -> None:
    report = make_report(fmt="2019", year=2020, signature="2021年1月20日", drop_parts={8})
    assert diagnostics(FeeAmount, report) == []


@pytest.mark.parametrize(("heading", "answer", "codes"), [
    ("六、信息处理费收取情况", "无。", []),  # the heading asks, 无 answers: no fee (pingtan 苏平 heads 六 so)
    ("六、信息处理费收取情况", "0元。", []),
    ("六、其他需要报告的事项", "无。", ["GL301"]),  # seed 001: 无 answers nothing about the fee
    ("六、信息处理费收取情况", "我镇将继续做好政府信息公开工作。", ["GL301"]),
])  # fmt: skip
def test_gl301_a_heading_that_names_the_fee_is_answered_by_its_first_sentence(
    heading: str, answer: str, codes: list[str]
) -> None:
    """Heading and answer are one statement in every layout: on separate lines as on a crawled page's one line."""
    text = SEED_003.read_text(encoding="utf-8")
    body = text[: text.index("六、其他需要报告的事项")] + f"{heading}\n{answer}\n叶城县河园镇人民政府\n2025年1月20日\n"
    for layout in (body, body.replace("\n", "")):
        found = [d.code for d in govlint.lint_text(layout).diagnostics if d.code.startswith("GL30")]
        assert found == codes, layout[-80:]


def test_gl301_accepts_a_fee_table_naming_its_collected_amount_in_any_of_its_words() -> None:
    """The words of the fee table's collected amount are stated once (schema.FEE_COLLECTED_WORDS, the Fujian
    plugin's column): a table printing 实收金额 with its values states the fee as one printing 实际收取金额."""
    for words in FEE_COLLECTED_WORDS:
        table = f"发出收费通知件数 发出收费通知总金额（元） {words}（元）\n信息处理费收取情况 0 0 0"
        assert diagnostics(FeeNotDisclosed, make_report(fee_text=table)) == [], words
