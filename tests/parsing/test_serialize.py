"""The JSON contract of ``govlint parse`` and the text summary."""

from __future__ import annotations

import json
from pathlib import Path

from parsing_support import PEER, PINGTAN, SEEDS, TRUTH, load_truth

import govlint
from govlint.serialize import report_to_dict, report_to_text


def test_json_contract_of_a_seed() -> None:
    data = json.loads(json.dumps(report_to_dict(govlint.parse(SEEDS[1])), ensure_ascii=False))
    truth = load_truth(TRUTH / f"{SEEDS[1].stem}.json")
    assert data["report_year"] == truth["report_year"] == 2024
    assert data["agency"] == truth["agency"]
    assert data["publish_date"] == truth["publish_date"] == "2025-01-09"
    assert data["signature_date"] == "2025-01-09"
    assert data["format"] == "2021"
    assert [s["number"] for s in data["sections"]] == truth["sections_present"]
    assert data["sections"][0] == {"number": 1, "key": "overview", "title": "一、总体情况", "line": 6}
    tables = data["tables"]
    assert tables["active_disclosure"] is None
    total = tables["applications"]["new_received"]["total"]
    assert total == {"value": 31, "line": 24, "column": total["column"], "evidence": "count"}
    assert tables["applications"]["denied"]["state_secret"]["total"]["value"] == 0
    assert tables["applications"]["other"]["fee_unpaid"]["natural_person"]["value"] == 0
    assert tables["review_litigation"]["litigation_after_review"]["pending"]["value"] == 0


def test_cells_not_read_cleanly_say_so() -> None:
    data = report_to_dict(govlint.parse(SEEDS[0]))
    blank = data["tables"]["applications"]["results_total"]["natural_person"]
    assert blank == {"value": None, "line": 56, "column": blank["column"], "status": "empty", "evidence": "columns"}
    crawled = report_to_dict(govlint.parse(PINGTAN / "062_social_2024.txt"))
    review = crawled["tables"]["review_litigation"]["review"]["upheld"]
    assert review["value"] is None and review["status"] == "ambiguous"
    assert "15 numbers" in review["problem"]["en"] and "15 个数值" in review["problem"]["zh"]
    assert review["problem"]["kind"] == "digits" and "evidence" not in review
    inferred = crawled["tables"]["applications"]["new_received"]["total"]
    assert inferred["value"] == 2 and inferred["status"] == "inferred" and inferred["evidence"] == "arithmetic"


def test_decimal_amounts_are_json_numbers_and_units_are_kept() -> None:
    data = report_to_dict(govlint.parse(PEER / "hzq2023_working.pdf.pdftotext.txt"))
    text = json.dumps(data, ensure_ascii=False)
    assert '"amount_10k_yuan": {"value": 7730.28,' in text
    assert data["mixed_format"] is True
    assert data["tables"]["applications"]["other"]["all"]["total"]["value"] == 0
    old = report_to_dict(govlint.parse(PINGTAN / "064_gwhoffice_2019.txt"))
    assert old["tables"]["active_disclosure"]["procurement"]["total_amount"]["unit"] == "元"
    assert old["tables"]["active_disclosure"]["licensing"]["change"]["value"] == 1


def test_text_summary_names_facts_tables_and_problems() -> None:
    text = report_to_text(govlint.parse(PINGTAN / "062_social_2024.txt"))
    assert "机关: 平潭综合实验区社会事业局" in text
    assert "格式: 2021" in text
    assert "四、政府信息公开行政复议、行政诉讼情况" in text
    assert "↳ 连写数字拆成 15 个数值有 24 种方式，没有一种符合本行合计" in text
    seed = report_to_text(govlint.parse(SEEDS[0]))
    assert "发布日期: （未找到）" in seed
    assert "partially_granted" in seed and "空" in seed


def test_the_report_keeps_the_replaced_byte_offsets_and_makes_spans_with_origins(tmp_path: Path) -> None:
    """GL003's input: a file cut in the middle of its last character has that byte offset on the Report; and
    ``report.span`` keeps a structured source's table cell."""
    data = "一、总体情况\n本年度…".encode()
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-1])
    assert govlint.parse(path).replaced_bytes == (len(data) - 3,)
    html = tmp_path / "t.html"
    html.write_text("<table><tr><td>行政处罚</td><td>7</td></tr></table>", encoding="utf-8")
    report = govlint.parse(html)
    seven = report.text.index("7")
    span = report.span(seven, seven + 1)
    assert (span.origin.table, span.origin.row, span.origin.column) == (1, 1, 2)  # type: ignore[union-attr]


def test_deviations_are_in_the_json_with_their_place() -> None:
    text = (
        "某县2024年政府信息公开工作年度报告\n一、总体情况\n…\n三、收到和处理政府信息公开申请情况\n…\n"
        "二、主动公开政府信息情况\n…\n"
    )
    [deviation] = report_to_dict(govlint.parse_text(text))["deviations"]
    assert {key: deviation[key] for key in ("kind", "key", "text", "table", "after", "line")} == {
        "kind": "section-order",
        "key": "active_disclosure",
        "text": "二、主动公开政府信息情况",
        "table": None,
        "after": "applications",
        "line": 6,
    }


def test_the_text_summary_lists_the_deviations() -> None:
    text = (
        "某县2024年政府信息公开工作年度报告\n一、总体情况\n…\n三、收到和处理政府信息公开申请情况\n…\n"
        "二、主动公开政府信息情况\n…\n"
    )
    summary = report_to_text(govlint.parse_text(text))
    assert (
        "与版式不符之处（解析记录的事实）:\n  第6行 章节顺序不符: [active_disclosure] 二、主动公开政府信息情况\n"
        in summary
    )
