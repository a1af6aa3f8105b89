"""Each layout the lexer reads, on small fragments: where the cells are, which are empty, what cannot be read."""

from __future__ import annotations

from decimal import Decimal

from parsing_support import row_statuses, row_values

import govlint
from govlint.model import CellStatus, Report

NOTE = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
APP_HEAD = "申请人情况\n自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"


def parse(text: str) -> Report:
    return govlint.parse_text(text)


def _tab_table(rows: list[str]) -> str:
    """An applications table in the tab layout: label, two spanned cells, seven values, one trailing cell."""
    return "三、收到和处理政府信息公开申请情况\n" + NOTE + "\t\t\t" + APP_HEAD + "\n".join(rows) + "\n"


def test_tab_short_row_is_placed_by_its_complete_neighbours() -> None:
    text = _tab_table(
        [
            "一、本年新收政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1\t",
            "二、上年结转政府信息公开申请数量\t\t\t\t0\t0\t0\t0\t0\t0\t",
            "(一)予以公开\t\t\t1\t0\t0\t0\t0\t0\t1\t",
        ]
    )
    report = parse(text)
    assert row_values(report, "applications", "carried_over") == [None, 0, 0, 0, 0, 0, 0]
    assert row_statuses(report, "applications", "carried_over") == "e......"
    applications = report.tables.applications
    assert applications is not None and applications.rows["carried_over"].problem is None


def test_tab_short_row_without_neighbours_is_ambiguous() -> None:
    text = _tab_table(
        [
            "一、本年新收政府信息公开申请数量\t\t\t\t0\t0\t0\t0\t0\t0\t",
            "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t\t0\t",
            "(一)予以公开\t\t\t\t\t0\t0\t0\t0\t0\t",
        ]
    )
    report = parse(text)
    for key in ("new_received", "carried_over", "granted"):
        assert set(row_statuses(report, "applications", key)) == {"a"}, key
        applications = report.tables.applications
        assert applications is not None and applications.rows[key].problem


def test_tab_row_of_another_shape_is_unread_when_counting_from_its_label_or_its_start_differ() -> None:
    """The generated-report flake on "tabs": the last row's trailing empty cell (总计) was stripped with the
    line's trailing tabs, and its only neighbour prints its label one cell further right ("\t(七)总计").
    Counting from the labels read 自然人 as empty and put 其他's 1 under 法律服务机构; counting from the line's
    start puts it under 其他. Both shapes are possible, so the row is unread, never shifted."""
    text = _tab_table(
        [
            "一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t1\t1",
            "\t(七)总计\t\t0\t0\t0\t0\t0\t0\t0",
            "四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t1",
        ]
    )
    report = parse(text)
    assert set(row_statuses(report, "applications", "carried_forward")) == {"a"}
    assert row_values(report, "applications", "carried_forward") == [None] * 7
    applications = report.tables.applications
    assert applications is not None and applications.rows["carried_forward"].problem is not None


def test_placeholders_are_empty_text_is_unreadable_full_width_digits_are_read() -> None:
    text = _tab_table(
        [
            "一、本年新收政府信息公开申请数量\t\t\t１２\t/\t-\t—\t０\t0\t12\t",
            "二、上年结转政府信息公开申请数量\t\t\t无\t0\t0\t0\t0\t0\t0\t",
        ]
    )
    report = parse(text)
    assert row_values(report, "applications", "new_received") == [12, None, None, None, 0, 0, 12]
    assert row_statuses(report, "applications", "new_received") == ".eee..."
    assert row_statuses(report, "applications", "carried_over") == "u......"
    applications = report.tables.applications
    assert applications is not None
    unreadable = applications.rows["carried_over"].cells["natural_person"]
    assert unreadable.raw == "无" and unreadable.value is None


def test_pipe_markdown_table() -> None:
    text = (
        "二、主动公开政府信息情况\n"
        "| 第二十条第（一）项 | | | |\n"
        "|---|---|---|---|\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "| 规章 | 1 | 0 | 3 |\n"
        "| 行政规范性文件 | 12 | 1,036 | 40 |\n"
        "| 第二十条第（八）项 | | | |\n"
        "| 信息内容 | 本年收费金额（单位：万元） | | |\n"
        "| 行政事业性收费 | 14722.49 | | |\n"
    )
    report = parse(text)
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert [art20.value(f"regulations.{c}") for c in ("issued", "repealed", "in_force")] == [1, 0, 3]
    assert art20.value("normative_documents.repealed") == 1036
    assert art20.value("fees.amount_10k_yuan") == Decimal("14722.49")
    assert report.format == "2021"


def test_one_cell_per_line_with_a_lone_tab_empty_cell() -> None:
    text = (
        "二、主动公开政府信息情况\n\t第二十条第（六）项\n\n\t信息内容\n\t本年处理决定数量\n\n"
        "\t行政处罚\n\t7\n\n\t行政强制\n\t\n\n三、收到和处理政府信息公开申请情况\n"
    )
    report = parse(text)
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert art20.value("punishment.decisions") == 7
    cell = art20.cell("enforcement.decisions")
    assert cell is not None and cell.status is CellStatus.EMPTY


def test_pdftotext_columns_place_a_short_row_by_character_position() -> None:
    header = "                                   自然人  商业企业  科研机构  社会公益  法律服务  其他  总计\n"
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "                    "
        + NOTE
        + "\n"
        + "申请人情况\n"
        + header
        + "一、本年新收政府信息公开申请数量     3        0        0        0        0      0     3\n"
        "二、上年结转政府信息公开申请数量              0        0        0        0      0     0\n"
        "（一）予以公开              3        0        0        0        0      0     3\n"
    )
    report = parse(text)
    assert row_values(report, "applications", "new_received") == [3, 0, 0, 0, 0, 0, 3]
    assert row_values(report, "applications", "carried_over") == [None, 0, 0, 0, 0, 0, 0]
    assert row_statuses(report, "applications", "carried_over") == "e......"


def test_crawled_text_with_cells_run_together() -> None:
    text = (
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
        "行政规范性文件303第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费7816"
        " (二)其他说明文字很长很长很长"
        "三、收到和处理政府信息公开申请情况" + NOTE + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织"
        "法律服务机构其他一、本年新收政府信息公开申请数量291000030二、上年结转政府信息公开申请数量0000000"
        "三、本年度办理结果（一）予以公开291000030四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正"
        "其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
        "315090000000000五、存在的主要问题及改进情况无。"
    )
    report = parse(text)
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert [art20.value(f"normative_documents.{c}") for c in ("issued", "repealed", "in_force")] == [3, 0, 3]
    assert art20.value("fees.amount_10k_yuan") == 7816
    assert row_values(report, "applications", "new_received") == [29, 1, 0, 0, 0, 0, 30]
    assert row_statuses(report, "applications", "new_received") == "iiiiiii"
    assert row_values(report, "review_litigation", "review") == [3, 1, 5, 0, 9]


def test_2019_tables_signed_change_and_unit_in_cell() -> None:
    text = (
        "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t120\t+4\t1036\n其他对外管理服务事项\t3\t-1\t0\n"
        "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2\t251000元\n"
    )
    report = parse(text)
    assert report.format == "2019"
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert [art20.value(f"licensing.{c}") for c in ("prev_items", "change", "decisions")] == [120, 4, 1036]
    assert art20.value("other_services.change") == -1
    amount = art20.cell("procurement.total_amount")
    assert amount is not None and amount.value == 251000 and amount.unit == "元"
    assert art20.parts == (5, 9)


def test_review_table_with_a_garbled_header_reads_fifteen_numbers() -> None:
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t行政诉讼\n"
        "4± HI 4± HI -\t± /₩\t水 十\t\t未经复议直接起诉\t\t\t\t复议后起诉\n"
        "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t"
        "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\n"
        "1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n"
    )
    report = parse(text)
    assert row_values(report, "review_litigation", "review") == [1, 0, 0, 1, 2]
    assert row_values(report, "review_litigation", "litigation_after_review") == [0] * 5
    assert report.unplaced == ()


def test_row_with_an_unknown_label_is_placed_by_its_numbering_and_neighbours() -> None:
    text = _tab_table(
        [
            "\t\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\t",
            "\t\t2.其它法律法规不允许公开\t4\t0\t0\t0\t0\t0\t4\t",
            "\t\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\t",
        ]
    )
    report = parse(text)
    assert row_values(report, "applications", "denied.prohibited_by_law") == [4, 0, 0, 0, 0, 0, 4]
    applications = report.tables.applications
    assert applications is not None
    assert applications.rows["denied.prohibited_by_law"].label == "2.其它法律法规不允许公开"


def test_printed_subtotals_and_repeated_rows() -> None:
    text = _tab_table(
        [
            "(三)不予公开\t\t\t2\t0\t0\t0\t0\t0\t2\t",
            "\t\t1.属于国家秘密\t2\t0\t0\t0\t0\t0\t2\t",
            "\t\t1.属于国家秘密\t5\t0\t0\t0\t0\t0\t5\t",
        ]
    )
    report = parse(text)
    assert row_values(report, "applications", "denied.subtotal") == [2, 0, 0, 0, 0, 0, 2]
    assert row_values(report, "applications", "denied.state_secret") == [2, 0, 0, 0, 0, 0, 2]
    (unplaced,) = report.unplaced
    assert unplaced.kind == "row" and "twice" in unplaced.reason
    assert unplaced.span.line == report.text.count("\n") - 0


def test_numbers_before_any_row_label_become_unplaced() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        + NOTE
        + "\n7\t8\n"
        + APP_HEAD
        + "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
    )
    text += "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n(一)予以公开\t1\t0\t0\t0\t0\t0\t1\n"
    report = parse(text)
    (unplaced,) = report.unplaced
    assert unplaced.kind == "numbers" and unplaced.text == "7 8"
    assert unplaced.span.line == 3


def test_sentences_naming_table_labels_are_not_tables() -> None:
    text = (
        "一、总体情况\n2024年共收到政府信息公开申请3件，予以公开1件，不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷。"
        "因政府信息公开产生行政复议共2件，未出现结果纠正案件。全年办理行政许可1234件。\n"
    )
    report = parse(text)
    assert report.tables.applications is None
    assert report.tables.review_litigation is None
    assert report.tables.active_disclosure is None
    assert report.format == "unknown"
