"""GL108, GL201–GL205 and the relation/repair analysis on hand-built reports."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import govlint
from govlint.diagnostics import Severity
from govlint.model import CellStatus, Problem, Report, Tables
from govlint.rules.places import place_in
from govlint.rules.relations import evaluate_all
from govlint.rules.structure import EmptyCell
from govlint.rules.tables import Balance, InvalidCount, ResultsTotal, ReviewTotal, RowTotal, Unread
from govlint.schema import APPLICATION_COLUMN_KEYS, result_row_keys

from .builder import AMBIGUOUS, CONSISTENT_APPLICATIONS, diagnostics, make_report


def cell_at(report: Report, key: str) -> tuple[int, int]:
    table, _, rest = key.partition(".")
    cell = report.tables.get(table).cell(rest)  # type: ignore[union-attr]
    assert cell is not None and cell.span is not None
    return cell.span.line, cell.span.column


def at(diagnostic: object) -> tuple[int, int]:
    loc = diagnostic.location  # type: ignore[attr-defined]
    return loc.line, loc.column


ALL_RELATION_RULES = (RowTotal, ResultsTotal, Balance, ReviewTotal)


def relation_findings(report: Report) -> list[object]:
    return [d for rule in ALL_RELATION_RULES for d in diagnostics(rule, report)]


# A single wrong cell ----------------------------------------------------------------------------------------


def test_one_wrong_total_cell_breaks_three_relations_and_is_named() -> None:
    # (七)总计 自然人 printed 2 instead of 3: R3.1 (its row), R3.2 and R3.3 (its column) fail.
    report = make_report(cells={"applications.results_total.natural_person": 2})
    gl201 = diagnostics(RowTotal, report)
    gl202 = diagnostics(ResultsTotal, report)
    gl203 = diagnostics(Balance, report)
    assert len(gl201) == len(gl202) == len(gl203) == 1

    [d] = gl202
    assert d.code == "GL202"
    assert d.key == "applications.results_total.natural_person"
    assert (d.expected, d.actual) == (3, 2)
    assert at(d) == cell_at(report, "applications.results_total.natural_person")
    assert d.message_zh.startswith("(七)总计 自然人 列应为 3（(一)至(六)各行之和），实际为 2")
    assert d.message_en.startswith("(七)总计, column 自然人 (natural person): expected 3")
    assert "只需改正此单元格" in d.message_zh
    assert "3 related failing relations" in d.message_en

    [row] = gl201
    assert row.key == "applications.results_total.total"
    assert (row.expected, row.actual) == (3, 4)
    assert "若只有一处错误，应是(七)总计 自然人 列：改为 3，相关的 3 项不成立的勾稽关系即全部成立" in row.message_zh

    [balance] = gl203
    assert balance.key == "applications.carried_forward.natural_person"
    assert (balance.expected, balance.actual) == (2, 1)
    assert "(七)总计 自然人 列：改为 3" in balance.message_zh


def test_wrong_row_total_only_breaks_r31_and_r32_total() -> None:
    report = make_report(cells={"applications.granted.total": 5})
    [d201] = diagnostics(RowTotal, report)
    assert (d201.expected, d201.actual) == (3, 5)
    assert at(d201) == cell_at(report, "applications.granted.total")
    [d202] = diagnostics(ResultsTotal, report)
    assert d202.key == "applications.results_total.total"
    assert (d202.expected, d202.actual) == (6, 4)
    # granted.total is the only cell in both failing relations and in no holding one.
    assert "只需改正此单元格" in d201.message_zh
    assert "(一)予以公开 总计 列：改为 3" in d202.message_zh
    assert diagnostics(Balance, report) == []


def test_two_independent_wrong_cells_each_get_their_own_repair() -> None:
    # (一)予以公开 自然人 5 instead of 2 breaks its row (R3.1) and its column's sum (R3.2); 上年结转 商业企业 3
    # instead of 0 breaks its row and its column's balance (R3.3).  The two components share no cell: each
    # names its own cell, never one cell for all four findings.
    report = make_report(
        cells={"applications.granted.natural_person": 5, "applications.carried_over.commercial_enterprise": 3}
    )
    found = {d.key: d for d in relation_findings(report)}
    assert {key: (d.code, d.expected, d.actual) for key, d in found.items()} == {
        "applications.granted.total": ("GL201", 6, 3),
        "applications.results_total.natural_person": ("GL202", 6, 3),
        "applications.carried_over.total": ("GL201", 4, 1),
        "applications.carried_forward.commercial_enterprise": ("GL203", 3, 0),
    }
    both = "，相关的 2 项不成立的勾稽关系即全部成立"
    granted = f"；若只有一处错误，应是(一)予以公开 自然人 列：改为 2{both}"
    carried = f"；若只有一处错误，应是二、上年结转政府信息公开申请数量 商业企业 列：改为 0{both}"
    assert found["applications.granted.total"].message_zh.endswith(granted)
    assert found["applications.results_total.natural_person"].message_zh.endswith(granted)
    assert found["applications.carried_over.total"].message_zh.endswith(carried)
    assert found["applications.carried_forward.commercial_enterprise"].message_zh.endswith(carried)


def test_a_total_row_printed_zero_is_one_finding_per_column_not_a_balance_too() -> None:
    # As 023_junshan_2020 prints it: the result rows add up to what 一 + 二 − 四 says, but the whole (七)总计
    # row is printed 0 (its own row still adds up, so no single cell explains the failures).  GL202 names each
    # 总计 cell; the balance (GL203) would tell the clerk 四 should be 1, from the 总计 the table contradicts.
    rows = dict(CONSISTENT_APPLICATIONS)
    rows["results_total"] = [0, 0, 0, 0, 0, 0, 0]
    report = make_report(applications=rows)
    assert {(d.code, d.key) for d in relation_findings(report)} == {
        ("GL202", "applications.results_total.natural_person"),
        ("GL202", "applications.results_total.commercial_enterprise"),
        ("GL202", "applications.results_total.total"),
    }
    # With 总计 right and the 四 row printed 0 instead, the balance is the finding, as before.
    rows["results_total"] = CONSISTENT_APPLICATIONS["results_total"]
    rows["carried_forward"] = [0, 0, 0, 0, 0, 0, 0]
    assert {d.code for d in relation_findings(make_report(applications=rows))} == {"GL203"}


def test_ambiguous_repair_gives_no_hint() -> None:
    # A balance error in one column whose cells all sit in holding row relations: no single cell fixes it.
    rows = dict(CONSISTENT_APPLICATIONS)
    rows["carried_forward"] = [1, 0, 0, 0, 0, 1, 2]  # other_org 1 more, total consistent with its row
    report = make_report(applications=rows)
    found = relation_findings(report)
    assert {d.code for d in found} == {"GL203"}
    for d in found:
        assert "若只有一处错误" not in d.message_zh and "只需改正" not in d.message_zh


# Passing cases, formats and not-assessable relations -----------------------------------------------------------


def test_consistent_tables_pass() -> None:
    assert relation_findings(make_report()) == []
    assert relation_findings(make_report(fmt="2019", year=2020, signature="2021年1月20日")) == []
    assert relation_findings(make_report(mixed=True)) == []


def test_r32_sums_the_three_2021_other_rows() -> None:
    rows = dict(CONSISTENT_APPLICATIONS)
    rows["other.fee_unpaid"] = [1, 0, 0, 0, 0, 0, 1]
    report = make_report(applications=rows)
    found = diagnostics(ResultsTotal, report)
    # 一 + 二 − 四 confirms the printed (七)总计, so the rows' sum is what is off (expected: the printed total);
    # three rows could hold the extra 1, so none is named.
    assert [(d.key, d.expected, d.actual) for d in found] == [
        ("applications.results_total.natural_person", 3, 4),
        ("applications.results_total.total", 4, 5),
    ]
    assert found[0].message_zh == (
        "(一)至(六)各行 自然人 列之和为 4，(七)总计 为 3；(七)总计 与 一 + 二 − 四（3 + 1 − 1）相符，"
        "差额应在(一)至(六)各行中"
    )


def test_r32_uses_other_all_in_a_mixed_report() -> None:
    rows = dict(CONSISTENT_APPLICATIONS)
    rows["other.all"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [1, 1, 0, 0, 0, 0, 2]
    report = make_report(mixed=True, applications=rows)
    assert relation_findings(report) == []
    rows["other.all"] = [2, 0, 0, 0, 0, 0, 2]
    report = make_report(mixed=True, applications=rows)
    assert {d.key for d in diagnostics(ResultsTotal, report)} == {
        "applications.results_total.natural_person",
        "applications.results_total.total",
    }


def test_r32_uses_other_all_in_2019() -> None:
    rows = dict(CONSISTENT_APPLICATIONS)
    rows["other.all"] = [0, 1, 0, 0, 0, 0, 1]
    report = make_report(fmt="2019", year=2020, signature="2021年1月20日", applications=rows)
    assert [d.key for d in diagnostics(ResultsTotal, report)] == [
        "applications.results_total.commercial_enterprise",
        "applications.results_total.total",
    ]


def test_empty_cell_makes_its_relations_not_assessable() -> None:
    # Seed 000's case: (七)总计 自然人 empty. Nothing is evaluated with it, and 0 is never substituted
    # (with 0 the row total and both column relations would fail).
    report = make_report(cells={"applications.results_total.natural_person": None})
    assert relation_findings(report) == []
    evaluated = {(o.relation.rid, o.relation.anchor) for o in evaluate_all(report) if o.residual is not None}
    assert ("R3.2", "results_total.natural_person") not in evaluated
    assert ("R3.1", "results_total.total") not in evaluated  # the (七) row
    assert ("R3.3", "carried_forward.natural_person") not in evaluated  # the column's balance
    assert ("R3.3", "carried_forward.commercial_enterprise") in evaluated
    assert ("R3.2", "results_total.total") in evaluated


def test_unreadable_and_ambiguous_cells_are_not_assessable() -> None:
    report = make_report(
        cells={"applications.granted.natural_person": "二", "review_litigation.review.pending": AMBIGUOUS}
    )
    assert relation_findings(report) == []


def test_relation_still_evaluated_next_to_an_empty_cell() -> None:
    report = make_report(
        cells={"applications.results_total.natural_person": None, "applications.granted.commercial_enterprise": 2}
    )
    keys = {d.key for d in relation_findings(report)}
    assert "applications.results_total.commercial_enterprise" in keys
    assert "applications.granted.total" in keys


def test_missing_row_makes_r32_not_assessable() -> None:
    report = make_report(drop_rows={"applications.denied.state_secret"})
    assert diagnostics(ResultsTotal, report) == []


def test_fractional_values_are_still_compared() -> None:
    # 2.5 + 1 = 3.5 in the (一) row and in the 自然人 column, where 3 is printed.
    report = make_report(cells={"applications.granted.natural_person": Decimal("2.5")})
    found = relation_findings(report)
    assert [(d.code, d.key, d.expected, d.actual) for d in found] == [
        ("GL201", "applications.granted.total", Decimal("3.5"), 3),
        ("GL202", "applications.results_total.natural_person", Decimal("3.5"), 3),
    ]
    assert found[0].message_zh.startswith("(一)予以公开 总计 列应为 3.5（自然人至其他各列之和），实际为 3；")


# GL204 -------------------------------------------------------------------------------------------------------


def test_gl204_seed_002_litigation_groups() -> None:
    report = make_report(
        review={"litigation_direct": [0, 1, 0, 0, 0], "litigation_after_review": [0, 0, 0, 0, 1]},
    )
    found = diagnostics(ReviewTotal, report)
    assert [(d.key, d.expected, d.actual) for d in found] == [
        ("review_litigation.litigation_direct.total", 1, 0),
        ("review_litigation.litigation_after_review.total", 0, 1),
    ]
    assert found[0].message_zh.startswith(
        "行政诉讼 未经复议直接起诉 总计 应为 1（结果维持、结果纠正、其他结果、尚未审结之和），实际为 0"
    )
    assert at(found[0]) == cell_at(report, "review_litigation.litigation_direct.total")
    # Five cells could each repair a group: no single cell is named.
    assert all("若只有一处错误" not in d.message_zh for d in found)


def test_gl204_names_the_only_repair_with_counts_at_least_zero() -> None:
    # 洪泽区 2023: 行政复议 10 1 0 0 总计 0. Lowering a part would need a negative count: only 总计 = 11 works.
    report = make_report(review={"review": [10, 1, 0, 0, 0]})
    [d] = diagnostics(ReviewTotal, report)
    assert (d.expected, d.actual) == (11, 0)
    assert d.message_zh.endswith("；只需改正此单元格，该关系即成立")
    assert d.message_en.endswith("; correcting this cell alone would make the relation hold")


def test_gl204_passes() -> None:
    report = make_report(review={"review": [1, 2, 0, 1, 4]})
    assert diagnostics(ReviewTotal, report) == []


def test_gl204_not_assessable_with_empty_total() -> None:
    assert diagnostics(ReviewTotal, make_report(review={"review": [1, 0, 0, 0, None]})) == []


# GL205 -------------------------------------------------------------------------------------------------------


def test_gl205_negative_and_fractional() -> None:
    report = make_report(
        cells={
            "applications.granted.commercial_enterprise": -1,
            "review_litigation.review.upheld": Decimal("1.5"),
        }
    )
    found = diagnostics(InvalidCount, report)
    assert [(d.key, d.actual) for d in found] == [
        ("applications.granted.commercial_enterprise", "-1"),
        ("review_litigation.review.upheld", "1.5"),
    ]
    assert "为负数 -1" in found[0].message_zh
    assert "为小数 1.5" in found[1].message_zh
    assert at(found[0]) == cell_at(report, "applications.granted.commercial_enterprise")


def test_gl205_not_a_number() -> None:
    [d] = diagnostics(InvalidCount, make_report(cells={"applications.granted.other_org": Decimal("NaN")}))
    assert (d.key, d.expected, d.actual) == ("applications.granted.other_org", "integer >= 0", "NaN")
    assert d.message_zh == "(一)予以公开 其他 列不是数字（NaN）：应填写数字"
    assert d.message_en == "(一)予以公开, column 其他 (other org) is not a number (NaN): expected a number"


def test_gl205_passes_valid_values() -> None:
    report = make_report(active={"fees.amount_10k_yuan": Decimal("7730.28")})
    assert diagnostics(InvalidCount, report) == []


def test_gl205_amount_may_be_fractional_but_not_negative() -> None:
    report = make_report(active={"fees.amount_10k_yuan": Decimal("-3.5")})
    [d] = diagnostics(InvalidCount, report)
    assert d.key == "active_disclosure.fees.amount_10k_yuan"
    assert "不小于 0 的数" in d.message_zh


def test_gl205_2019_change_is_signed() -> None:
    report = make_report(fmt="2019", year=2020, signature="2021年1月20日", active={"licensing.change": -4})
    assert diagnostics(InvalidCount, report) == []
    report = make_report(fmt="2019", year=2020, signature="2021年1月20日", active={"licensing.prev_items": -4})
    [d] = diagnostics(InvalidCount, report)
    assert "第二十条第（五）项 行政许可 上一年项目数量 列为负数" in d.message_zh


# GL108 ----------------------------------------------------------------------------------------------------

SHORT = Problem(
    "too-few-values", "印有 5 个数值，本行有 7 列，版式无法表明哪几列为空", "5 values printed for 7 columns"
)


def with_problems(report: Report, problems: dict[str, Problem]) -> Report:
    """``report`` with the rows ``"table.row"`` unread (every cell AMBIGUOUS) for the given reasons."""
    tables = {}
    for table_key in ("active_disclosure", "applications", "review_litigation"):
        table = report.tables.get(table_key)
        if table is None:
            continue
        rows = {}
        for key, row in table.rows.items():
            problem = problems.get(f"{table_key}.{key}")
            unknown = {c: attrs.evolve(cell, value=None, status=CellStatus.AMBIGUOUS) for c, cell in row.cells.items()}
            rows[key] = row if problem is None else attrs.evolve(row, cells=unknown, problem=problem)
        tables[table_key] = attrs.evolve(table, rows=rows)
    return attrs.evolve(report, tables=Tables(**tables))


def test_gl108_is_silent_when_every_row_is_read() -> None:
    assert diagnostics(Unread, make_report()) == []


def test_gl108_one_unread_finding_per_row_not_per_cell_and_never_gl105() -> None:
    report = with_problems(make_report(), {"applications.granted": SHORT})
    [d] = diagnostics(Unread, report)
    assert d.unread and d.severity is Severity.WARNING
    assert d.key == "applications.granted"
    assert (d.expected, d.actual) == (7, "too-few-values")
    assert (
        d.message_zh
        == "未能读取“(一)予以公开”行：印有 5 个数值，本行有 7 列，版式无法表明哪几列为空；该行 7 个单元格未核对"
    )
    assert d.message_en.startswith("could not read the row “(一)予以公开”: 5 values printed for 7 columns;")
    line = report.text.split("\n")[d.location.line - 1]
    assert line[d.location.column - 1 :].startswith("(一)予以公开")
    assert diagnostics(EmptyCell, report) == []
    assert relation_findings(report) == []


def test_gl108_review_groups_on_one_line_are_one_finding() -> None:
    problem = Problem("digits", "连写数字拆成 15 个数值有 24 种方式", "the digits can be read as 15 numbers in 24 ways")
    report = with_problems(make_report(), {f"review_litigation.{g}": problem for g in ("review", "litigation_direct")})
    findings = diagnostics(Unread, report)
    assert [d.key for d in findings] == ["review_litigation.review"]


def test_gl108_a_table_with_no_row_read_is_one_finding() -> None:
    report = make_report()
    table = report.tables.review_litigation
    assert table is not None
    problem = Problem("digits", "连写数字拆成 15 个数值有 24 种方式", "the digits can be read as 15 numbers in 24 ways")
    report = with_problems(report, {f"review_litigation.{g}": problem for g in table.rows})
    [d] = diagnostics(Unread, report)
    assert d.key == "review_litigation" and d.actual == "digits"
    assert d.message_zh.startswith(
        "未能读取行政复议、行政诉讼情况表的任何一行（如：连写数字拆成 15 个数值有 24 种方式）"
    )
    assert d.message_en.startswith("could not read any row of the review and litigation table")


# Real tables, printed run together as the pingtan portal prints them ------------------------------------------

_PINGTAN_ROWS = (
    "一、本年新收政府信息公开申请数量{new}二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开0000000"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1.属于国家秘密0000000"
    "2.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息"
    "00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供"
    "1.本机关不掌握相关政府信息{not_held}2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理"
    "1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请0000000"
    "5.要求行政机关确认或重新出具已获取信息0000000（六）其他处理"
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他{other}"
    "（七）总计{total}四、结转下年度继续办理{forward}\n"
)


def _pingtan_report(year: int, **rows: str) -> Report:
    """Table 三 as the pingtan portal prints it (each row's seven digits run together), with ``rows`` changed."""
    values = {"new": "0000000", "not_held": "0000000", "other": "0000000", "total": "0000000", "forward": "0000000"}
    values.update(rows)
    return govlint.parse_text(
        f"某局{year}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"
        "商业企业科研机构社会公益组织法律服务机构其他" + _PINGTAN_ROWS.format(**values)
    )


def test_a_row_left_from_last_year_is_named_not_the_total_the_balance_confirms() -> None:
    # 025_junshan_2022: nothing received, nothing carried, (七)总计 0 and 四 0 (the balance holds), but the
    # 不掌握 row prints 3 … 2, total 5 (last year's row).  The total is right; the stray row is named.
    report = _pingtan_report(2022, not_held="3000025")
    found = diagnostics(ResultsTotal, report)
    assert [(d.key, d.expected, d.actual) for d in found] == [
        ("applications.results_total.natural_person", 0, 3),
        ("applications.results_total.other_org", 0, 2),
        ("applications.results_total.total", 0, 5),
    ]
    assert [at(d) for d in found] == [
        cell_at(report, f"applications.unable.not_held.{column}") for column in ("natural_person", "other_org", "total")
    ]
    assert found[0].message_zh.startswith("(四)1.本机关不掌握相关政府信息 自然人 列为 3，(一)至(六)各行之和因此为 3，")
    assert found[0].message_zh.endswith("若只有一行有误，应是此行，此列应为 0")
    assert "(七)总计 agrees with 一 + 二 − 四 (0 + 0 − 0)" in found[0].message_en
    assert diagnostics(Balance, report) == []
    # The same sum with 一 printed 5: the balance no longer confirms the total, which is then what is named.
    report = _pingtan_report(2022, new="3000025", not_held="3000025")
    assert [at(d) for d in diagnostics(ResultsTotal, report)] == [
        cell_at(report, f"applications.results_total.{column}") for column in ("natural_person", "other_org", "total")
    ]


def test_an_unbalanced_column_names_no_cell_when_none_is_the_repair() -> None:
    # 037_police_2021: 一 1, (六)3.其他 1, (七)总计 1, 四 1: 1 + 0 ≠ 1 + 1.  Any of 一, 二 and 四 may be wrong (the
    # 2022 report's 二、上年结转 1 confirms 四): the finding states both sides and asks no cell to change.
    report = _pingtan_report(2021, new="1000001", other="1000001", total="1000001", forward="1000001")
    found = diagnostics(Balance, report)
    assert [(d.key, d.expected, d.actual) for d in found] == [
        ("applications.carried_forward.natural_person", 1, 2),
        ("applications.carried_forward.total", 1, 2),
    ]
    assert found[0].message_zh == (
        "自然人 列不平衡：一、本年新收 1 + 二、上年结转 0 = 1，(七)总计 1 + 四、结转下年度继续办理 1 = 2："
        "第一项加第二项之和应等于第三项加第四项之和"
    )
    assert "应为" not in found[0].message_zh
    assert found[0].message_en.startswith("column 自然人 (natural person) does not balance: new 1 + carried over 0 = 1")
    assert diagnostics(ResultsTotal, report) == []


def _unread_beside(partially_granted: list[object]) -> Report:
    """一 and (七)总计 print 1 自然人 and 1 其他 (总计 2), (一)予以公开 prints the same, and (二)部分公开 prints 1 and
    1 again, with its 总计 as given: the results add up to 2 where (七)总计, which the balance confirms, says 1."""
    rows: dict[str, list[object]] = {key: [0] * 7 for key in CONSISTENT_APPLICATIONS}
    rows.update(
        new_received=[1, 0, 0, 0, 0, 1, 2],
        results_total=[1, 0, 0, 0, 0, 1, 2],
        granted=[1, 0, 0, 0, 0, 1, 2],
        partially_granted=partially_granted,
    )
    return make_report(applications=rows)  # type: ignore[arg-type]


def test_a_cell_is_never_blamed_because_a_cell_beside_it_was_not_read() -> None:
    # (二)部分公开's 总计 unread: its row total cannot be assessed, so nothing shows that its 自然人 and 其他 are
    # right, while (一)予以公开's row total shows its own are consistent.  Read as 2, (二) is as consistent as
    # (一), and either row may be the one left over: no cell is named.  Unread, (二) must not be named either
    # (by the single-cell repair, or as the one row that holds the excess).
    read = _unread_beside([1, 0, 0, 0, 0, 1, 2])
    unread = _unread_beside([1, 0, 0, 0, 0, 1, "?"])
    for report in (read, unread):
        found = diagnostics(ResultsTotal, report)
        assert found and {at(d) for d in found} <= {
            cell_at(report, f"applications.results_total.{column}") for column in APPLICATION_COLUMN_KEYS
        }
        assert all("改为" not in d.message_zh and "应是此行" not in d.message_zh for d in found)
    assert [d.key for d in diagnostics(ResultsTotal, unread)] == [
        "applications.results_total.natural_person",
        "applications.results_total.other_org",
    ]


_RESULT_ROWS = result_row_keys("2021")


@settings(max_examples=30, deadline=None)
@given(
    row=st.sampled_from(_RESULT_ROWS),
    column=st.sampled_from(APPLICATION_COLUMN_KEYS[:-1]),
    delta=st.integers(1, 9),
    unread=st.none() | st.tuples(st.sampled_from(_RESULT_ROWS), st.sampled_from(APPLICATION_COLUMN_KEYS)),
)
def test_only_the_row_left_over_is_ever_named(
    row: str, column: str, delta: int, unread: tuple[str, str] | None
) -> None:
    """A result row printed ``delta`` too high in one column and its 总计 (it still adds up, the balance holds:
    a row left from last year's table), and perhaps one other result cell unread.  GL202 may name that row (as
    the one that holds the excess) or no cell; it never names another row's cell, and never names a row at all
    while a cell of the table is unread."""
    rows: dict[str, list[object]] = {key: list(values) for key, values in CONSISTENT_APPLICATIONS.items()}
    printed = rows.setdefault(row, [0] * 7)
    printed[APPLICATION_COLUMN_KEYS.index(column)] += delta  # type: ignore[operator]
    printed[-1] += delta  # type: ignore[operator]
    if unread is not None and unread[0] != row:
        rows.setdefault(unread[0], [0] * 7)[APPLICATION_COLUMN_KEYS.index(unread[1])] = "?"
    report = make_report(applications=rows)  # type: ignore[arg-type]
    found = diagnostics(ResultsTotal, report)
    assert found
    mutated = {cell_at(report, f"applications.{row}.{key}") for key in APPLICATION_COLUMN_KEYS}
    totals = {cell_at(report, f"applications.results_total.{key}") for key in APPLICATION_COLUMN_KEYS}
    for finding in found:
        assert at(finding) in mutated | totals, finding.message_zh
        if "应是此行" in finding.message_zh:
            assert unread is None or unread[0] == row
        named = [
            r
            for r in _RESULT_ROWS
            if r != row and f"应是{place_in(report, 'applications', r, column).zh}" in finding.message_zh
        ]
        assert not named, finding.message_zh
