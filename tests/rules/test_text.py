"""GL601 and GL602: what the text says against what the tables show, on hand-built reports.

The builder's tables: 新收 4, 上年结转 1, 予以公开 3, (七)总计 4, 结转下年度 1 (totals); table 四 all 0.
"""

from __future__ import annotations

from typing import Any

import pytest

from govlint.model import Report
from govlint.rules.text import TextContradictsCount, TextContradictsTable, claims

from .builder import diagnostics, make_report


def pointed(report: Report, diagnostic: Any) -> str:
    loc = diagnostic.location
    return report.text.split("\n")[loc.line - 1][loc.column - 1 : loc.end_column - 1]


def counts(*lines: str, **kwargs: Any) -> list[Any]:
    return diagnostics(TextContradictsCount, make_report(prose=lines, **kwargs))


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年，我镇共受理政府信息公开申请4件，办结4件。",
        "全年收到政府信息公开申请4件，上年结转申请1件，结转下年度继续办理1件。",
        "共收到申请公开政府信息的要求4件。",
        "答复4件（含上年度结转申请1件）。",
        "共受理政府信息公开申请5件（含上年结转1件）。",
        "予以公开3件，占75%。",
        "予以公开及部分公开3件。",
        "本年度发生政府信息公开行政复议0件，行政诉讼0件。",
    ],
)
def test_gl601_silent_when_the_text_agrees(sentence: str) -> None:
    assert counts(sentence) == []


def test_gl601_received_differs() -> None:
    report = make_report(prose=["2024年，我镇共受理政府信息公开申请5件。"])
    [d] = diagnostics(TextContradictsCount, report)
    assert pointed(report, d) == "5"
    assert (d.key, d.expected, d.actual) == ("text.received", 4, 5)
    line = report.tables.applications.cell("new_received.total").span.line  # type: ignore[union-attr]
    assert d.message_zh == (
        f"正文“2024年，我镇共受理政府信息公开申请5件”所述 5 件与表三“本年新收政府信息公开申请数量”总计（第 {line} 行）"
        "的 4 不一致：应为 4 件"
    )
    assert d.message_en == (
        f"the text says 5 where table 三, applications received this year, total (line {line}) is 4: expected 4"
    )


@pytest.mark.parametrize(
    ("sentence", "key", "expected", "actual", "at"),
    [
        ("办结政府信息公开申请6件。", "text.concluded", 4, 6, "6"),
        ("上年结转申请2件。", "text.carried_over", 1, 2, "2"),
        ("结转下年度继续办理3件。", "text.carried_forward", 1, 3, "3"),
        ("予以公开2件。", "text.granted", 3, 2, "2"),
        ("予以公开及部分公开4件。", "text.granted_partial", 3, 4, "4"),  # compared with the sum of both rows
        ("共受理政府信息公开申请4件（含上年结转1件）。", "text.received", 5, 4, "4"),  # 含…结转: new + carried
        ("因政府信息公开申请行政复议2件。", "text.review", 0, 2, "2"),
        ("行政诉讼1件。", "text.litigation", 0, 1, "1"),
        ("本年度制发规范性文件2件。", "text.art20.normative_documents.issued", 0, 2, "2"),
        ("废止规章1件。", "text.art20.regulations.repealed", 0, 1, "1"),
        ("现行有效规范性文件共7件。", "text.art20.normative_documents.in_force", 0, 7, "7"),
    ],
)
def test_gl601_each_count_against_its_cell(sentence: str, key: str, expected: int, actual: int, at: str) -> None:
    report = make_report(prose=[sentence])
    [d] = diagnostics(TextContradictsCount, report)
    assert (d.key, d.expected, d.actual, pointed(report, d)) == (key, expected, actual, at)


def test_gl601_percentage_recomputed() -> None:
    report = make_report(prose=["予以公开3件，占60%。"])
    [d] = diagnostics(TextContradictsCount, report)
    assert (d.key, d.expected, d.actual, pointed(report, d)) == ("text.granted.percent", "75", "60", "60")
    assert counts("予以公开3件，占75.0%。") == []
    assert counts("予以公开3件，占74.9%。") == []  # truncated rather than rounded: one unit is tolerated


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度共备案规范性文件134件。",  # 宿迁: filings, not applications
        "全年收到备案审查申请134件。",
        "其中受理政府信息公开申请9件。",
        "全区累计受理政府信息公开申请134件。",
        "全市共受理政府信息公开申请134件。",
        "各部门共受理政府信息公开申请134件。",
        "下属单位受理政府信息公开申请134件。",
        "受理政府信息公开申请同比增长2件。",
        "较上年多受理申请3件。",
        "2023年共受理政府信息公开申请9件。",  # another year
        "通过12345平台累计受理群众诉求4355件，全部办结。",
        "因无法提供相关信息答复2件。",  # one kind of answer, not all concluded
        "不予公开答复3件。",
        "另有9件申请顺延到下年度答复。",  # the count before the phrase: not anchored
        "区政府办代表区政府受理政府信息公开申请17件。",
        "其中，通过政府网站受理政府信息公开申请3件。",  # the scope reaches over the comma
        "全市范围内，共受理政府信息公开申请134件。",
    ],
)
def test_gl601_scope_words_and_unanchored_counts_stay_silent(sentence: str) -> None:
    assert counts(sentence) == []


def test_gl601_unread_cell_is_not_assessable() -> None:
    assert counts("共受理政府信息公开申请5件。", cells={"applications.new_received.total": None}) == []
    assert counts("共受理政府信息公开申请5件。", cells={"applications.new_received.total": "x"}) == []


def test_gl601_cell_failing_its_own_row_is_left_to_the_relation_rules() -> None:
    # The table prints 新收 4 3 … with total 9: R3.1 fails there, so the text's 7 is not compared.
    report = make_report(prose=["共受理政府信息公开申请7件。"], cells={"applications.new_received.total": 9})
    assert diagnostics(TextContradictsCount, report) == []


def test_gl601_a_sentence_broken_over_lines_is_read_whole() -> None:
    report = make_report(prose=["2024年，我镇共受理政府信息", "公开申请5件。"])
    [d] = diagnostics(TextContradictsCount, report)
    assert (d.key, d.actual, pointed(report, d)) == ("text.received", 5, "5")
    assert "“2024年，我镇共受理政府信息公开申请5件”" in d.message_zh
    # a line break inside a phrase, and blank lines, are read through; two numbers apart stay apart
    assert [(c.kind, c.value) for c in claims(make_report(prose=["予以公开及", "", "部分公开3件。"]))] == [
        ("granted_partial", 3)
    ]
    assert counts("共受理政府信息公开申请4 0件。") == []
    assert counts("共受理政府信息公开申请5件（含上年结", "", "转1件）。") == []
    # a heading or a numbered item on the next line starts a new sentence
    assert counts("（二）依申请公开情况", "1.受理政府信息公开申请4件。") == []


def test_gl601_the_issue_example_is_read_as_the_report_means_it() -> None:
    sentence = (
        "共受理政府信息公开申请859件，答复805件（含上年度结转申请18件，另有72件申请顺延到下年度答复），"
        "予以公开及部分公开258件。"
    )
    found = {(c.kind, c.value) for c in claims(make_report(prose=[sentence]))}
    assert found == {("received", 859), ("concluded", 805), ("carried_over", 18), ("granted_partial", 258)}


# GL602 -------------------------------------------------------------------------------------------------------


def contradicts(*lines: str, **kwargs: Any) -> list[Any]:
    return diagnostics(TextContradictsTable, make_report(prose=lines, **kwargs))


def test_gl602_no_review_while_table_four_has_one() -> None:
    review = {"review": [0, 1, 0, 0, 1]}
    report = make_report(prose=["本年度未发生政府信息公开行政复议。"], review=review)
    [d] = diagnostics(TextContradictsTable, report)
    assert (d.key, d.actual, pointed(report, d)) == ("text.no_review", 1, "未发生政府信息公开行政复议")
    assert d.message_zh.startswith("正文“本年度未发生政府信息公开行政复议”称未发生行政复议，但表四“行政复议”总计")
    assert contradicts("本年度未发生政府信息公开行政复议。") == []  # table 四 all 0


def test_gl602_no_review_or_litigation_names_each() -> None:
    review = {"litigation_direct": [1, 0, 0, 0, 1]}
    found = contradicts("未发生因政府信息公开申请行政复议和行政诉讼的情况。", review=review)
    assert [d.key for d in found] == ["text.no_litigation"]
    found = contradicts("也无因政府信息公开申请行政复议、提起行政诉讼的案件。", review=review)
    assert [d.key for d in found] == ["text.no_litigation"]


def test_gl602_all_concluded_while_carried_forward() -> None:
    report = make_report(prose=["全年申请均已办结。"])  # 结转下年度 1
    [d] = diagnostics(TextContradictsTable, report)
    assert (d.key, d.actual, pointed(report, d)) == ("text.all_concluded", 1, "均已办结")
    applications = {
        "carried_forward": [0] * 7,
        "new_received": [3, 1, 0, 0, 0, 0, 4],
        "results_total": [4, 1, 0, 0, 0, 0, 5],
    }
    assert contradicts("全年申请均已办结。", applications=applications) == []


def test_gl602_all_upheld_while_corrected() -> None:
    review = {"review": [1, 1, 0, 0, 2]}
    [d] = contradicts("信息公开类行政复议2件，均获维持。", review=review)
    assert (d.key, d.actual) == ("text.all_upheld", 1)
    assert contradicts("信息公开类行政复议2件，均获维持。", review={"review": [2, 0, 0, 0, 2]}) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "通过12345平台累计受理群众诉求4355件，全部办结。",  # another scope
        "所有申请均在法定期限内办结，结转下年度2件。",  # timeliness, and the carry-over said
        "未出现行政复议被纠正的情况。",  # a result, not the cases
        "2023年未发生行政复议。",  # another year
    ],
)
def test_gl602_silent_on_other_scopes(sentence: str) -> None:
    review = {"review": [0, 1, 0, 0, 1]}
    assert contradicts(sentence, review=review) == []


def test_gl602_unread_cell_is_not_assessable() -> None:
    cells = {"applications.carried_forward.total": None}
    assert contradicts("全年申请均已办结。", cells=cells) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Shaped like 宿迁's: a count of filings (备案) where the peer compares it with the applications.
        "2023年，共受理规范性文件备案申请134件，均依法审查。",
        "全年共受理政府信息公开申请及规范性文件备案134件。",
        "依法审查备案行政规范性文件134件，受理政府信息公开申请4件。",  # the second clause agrees
        "本年度制发并报送备案规范性文件134件。",
    ],
)
def test_filing_counts_shaped_like_suqian_stay_silent(sentence: str) -> None:
    report = make_report(prose=[sentence])
    assert diagnostics(TextContradictsCount, report) == diagnostics(TextContradictsTable, report) == []
