"""The crawled pingtan reports: every body on one line, table cells run together.

The expected numbers below were read by hand from the report texts (quoted in each test); they check the
lexer's regions, the split of run-together digits (inferred), and that a split left open by the digits and
the row's arithmetic is reported as ambiguous instead of guessed.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache

import pytest
from parsing_support import PINGTAN, row_statuses, row_values

import govlint
from govlint.model import CellStatus, Report

pytestmark = pytest.mark.corpus

TABLES = ("active_disclosure", "applications", "review_litigation")


def _manifest() -> list[dict[str, str]]:
    with (PINGTAN / "MANIFEST.tsv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


@cache
def parsed(stem: str) -> Report:
    return govlint.parse(PINGTAN / f"{stem}.txt")


def test_every_standard_table_is_found_in_at_least_90_percent_of_the_reports_with_tables() -> None:
    with_tables = [row for row in _manifest() if not row["notes"].startswith("no table")]
    assert len(with_tables) == 79
    for key in TABLES:
        found = [row["stem"] for row in with_tables if parsed(row["stem"]).tables.get(key) is not None]
        assert len(found) / len(with_tables) >= 0.9, key
    complete = [r for r in with_tables if all(parsed(r["stem"]).tables.get(k) is not None for k in TABLES)]
    assert len(complete) / len(with_tables) >= 0.9


def test_the_report_without_tables_has_none_and_an_unknown_format() -> None:
    (row,) = [row for row in _manifest() if row["notes"].startswith("no table")]
    report = parsed(row["stem"])
    assert report.tables.active_disclosure is None
    assert report.tables.applications is None
    assert report.tables.review_litigation is None
    assert report.format == "unknown"


def test_format_is_detected_from_the_tables_as_the_manifest_describes_them() -> None:
    """The manifest says which reports print the 2019 trial tables (上一年项目数量) and which the 2021 ones."""
    for row in _manifest():
        notes = row["notes"]
        if notes.startswith("2019-format"):
            assert parsed(row["stem"]).format == "2019", row["stem"]
        elif notes.startswith("2021-format"):
            assert parsed(row["stem"]).format == "2021", row["stem"]


def test_008_approval_2019_space_separated_groups() -> None:
    """2019 tables. 行政许可00126 (上一年项目数量, 本年增/减, 处理决定数量): the zeros cannot lead a number.
    一、本年新收政府信息公开申请数量 10 0 00 0 1: seven cells only if 10 is 1|0 and 00 is 0|0."""
    report = parsed("008_approval_2019")
    assert report.format == "2019"
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert [art20.value(f"licensing.{c}") for c in ("prev_items", "change", "decisions")] == [0, 0, 126]
    assert [art20.value(f"normative_documents.{c}") for c in ("made", "published", "total_published")] == [6, 6, 6]
    assert [art20.value(f"procurement.{c}") for c in ("projects", "total_amount")] == [0, 0]
    assert row_values(report, "applications", "new_received") == [1, 0, 0, 0, 0, 0, 1]
    assert row_statuses(report, "applications", "new_received") == "ii.ii.."
    assert row_values(report, "applications", "results_total") == [1, 0, 0, 0, 0, 0, 1]
    assert row_values(report, "applications", "other.all") == [0] * 7
    assert not report.mixed_format  # a 2019 report prints the single (六) row by design


def test_064_gwhoffice_2019_signed_change_and_open_splits() -> None:
    """行政许可0+11: 0 | +1 | 1 (the sign opens 本年增/减).  规范性文件222233 and 政府集中采购215419886元 have
    several readings and no arithmetic: ambiguous.  3.补正后申请内容仍不明确3 0 0 0 0 03: 03 is 0|3."""
    report = parsed("064_gwhoffice_2019")
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert [art20.value(f"licensing.{c}") for c in ("prev_items", "change", "decisions")] == [0, 1, 1]
    change = art20.cell("licensing.change")
    assert change is not None and change.raw == "+1" and change.status is CellStatus.INFERRED
    assert row_statuses(report, "active_disclosure", "normative_documents") == "aaa"
    assert row_statuses(report, "active_disclosure", "procurement") == "aa"
    amount = art20.cell("procurement.total_amount")
    assert amount is not None and amount.value is None
    assert art20.rows["procurement"].problem is not None
    assert row_values(report, "applications", "new_received") == [12, 0, 0, 0, 0, 0, 12]
    assert row_values(report, "applications", "unable.unclear_after_correction") == [3, 0, 0, 0, 0, 0, 3]
    assert row_values(report, "applications", "not_processed.duplicate") == [2, 0, 0, 0, 0, 0, 2]
    assert row_values(report, "applications", "other.all") == [2, 0, 0, 0, 0, 0, 2]
    assert row_values(report, "applications", "results_total") == [12, 0, 0, 0, 0, 0, 12]


def test_024_junshan_2021_every_cell_separated_by_spaces() -> None:
    """一、本年新收… 5 0 0 0 0 3 8; （一）予以公开 1 0 0 0 0 1 2; 1.本机关不掌握… 3 0 0 0 0 2 5; 3.其他 1 0 0 0 0 0 1;
    （七）总计 5 0 0 0 0 3 8; 行政规范性文件 0 0 11; 行政许可 1.  Nothing to infer: every value is OK."""
    report = parsed("024_junshan_2021")
    assert report.format == "2021"
    assert row_values(report, "applications", "new_received") == [5, 0, 0, 0, 0, 3, 8]
    assert row_values(report, "applications", "granted") == [1, 0, 0, 0, 0, 1, 2]
    assert row_values(report, "applications", "unable.not_held") == [3, 0, 0, 0, 0, 2, 5]
    assert row_values(report, "applications", "other.other") == [1, 0, 0, 0, 0, 0, 1]
    assert row_values(report, "applications", "results_total") == [5, 0, 0, 0, 0, 3, 8]
    assert row_statuses(report, "applications", "results_total") == "......."
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert art20.value("normative_documents.in_force") == 11
    assert art20.value("licensing.decisions") == 1
    assert row_values(report, "review_litigation", "review") == [0] * 5


def test_044_transport_2025_partial_spaces_and_a_unique_review_row() -> None:
    """2100000 21: the six applicant cells must read 21,0,0,0,0,0 (2,10,… fails 总计 21).  100000010: 10 … 10.
    The review row 315090000000000 has 15 digits for 15 cells: one reading, 3+1+5+0 = 9, inferred.
    行政规范性文件1024 reads 10|2|4 or 1|0|24 and nothing decides: ambiguous."""
    report = parsed("044_transport_2025")
    assert row_values(report, "applications", "new_received") == [21, 0, 0, 0, 0, 0, 21]
    assert row_statuses(report, "applications", "new_received") == "iiiiii."
    assert row_values(report, "applications", "granted") == [10, 0, 0, 0, 0, 0, 10]
    assert row_values(report, "applications", "partially_granted") == [1, 0, 0, 0, 0, 0, 1]
    assert row_values(report, "applications", "unable.not_held") == [10, 0, 0, 0, 0, 0, 10]
    assert row_values(report, "applications", "results_total") == [21, 0, 0, 0, 0, 0, 21]
    assert row_values(report, "review_litigation", "review") == [3, 1, 5, 0, 9]
    assert row_statuses(report, "review_litigation", "review") == "iiiii"
    assert row_values(report, "review_litigation", "litigation_direct") == [0] * 5
    assert row_statuses(report, "active_disclosure", "normative_documents") == "aaa"


def test_062_social_2024_seventeen_review_digits_are_ambiguous() -> None:
    """00202000001324015: 17 digits for 15 cells; 24 readings, none with all three group totals right.
    No value is guessed: every cell is ambiguous and each row says why.  规范性文件500 reads 5|0|0."""
    report = parsed("062_social_2024")
    review = report.tables.review_litigation
    assert review is not None
    for key in ("review", "litigation_direct", "litigation_after_review"):
        row = review.rows[key]
        assert all(c.status is CellStatus.AMBIGUOUS and c.value is None for c in row.cells.values())
        assert row.problem is not None and "15" in row.problem.en
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert [art20.value(f"normative_documents.{c}") for c in ("issued", "repealed", "in_force")] == [5, 0, 0]
    assert art20.value("licensing.decisions") == 2650
    assert art20.value("punishment.decisions") == 31
    assert row_values(report, "applications", "new_received") == [2, 0, 0, 0, 0, 0, 2]


def test_063_social_2025_review_row_split_by_count() -> None:
    """210033300620002: 2 1 0 0 3 | 3 3 0 0 6 | 2 0 0 0 2 (every group total holds)."""
    report = parsed("063_social_2025")
    assert row_values(report, "review_litigation", "review") == [2, 1, 0, 0, 3]
    assert row_values(report, "review_litigation", "litigation_direct") == [3, 3, 0, 0, 6]
    assert row_values(report, "review_litigation", "litigation_after_review") == [2, 0, 0, 0, 2]
    assert row_values(report, "applications", "unable.not_held") == [2, 0, 0, 0, 0, 0, 2]
    assert row_values(report, "applications", "unable.needs_creation") == [1, 0, 0, 0, 0, 0, 1]


def test_053_haitan_2024_single_reading_kept_for_the_rules() -> None:
    """5100000: seven digits, seven cells, one reading 5,1,0,0,0,0,0; its 总计 0 is the report's own error
    (MANIFEST), left for the consistency rules rather than hidden as ambiguity."""
    report = parsed("053_haitan_2024")
    assert row_values(report, "applications", "new_received") == [5, 1, 0, 0, 0, 0, 0]
    assert row_statuses(report, "applications", "new_received") == "iiiiiii"
    assert row_values(report, "applications", "other.other") == [0, 1, 0, 0, 0, 0, 0]
    assert row_values(report, "review_litigation", "review") == [0, 0, 1, 0, 1]
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert "regulations" not in art20.rows  # this report prints no 规章 row


def test_078_natres_2022_arithmetic_decides() -> None:
    """291000030 -> 29,1,0,0,0,0,30 (29+1 = 30; 2,9,10,… does not add up).  Review 01 0 1 20 0 0 0 0 0 0 0 00:
    01 and 00 must split, then 20 must too: 0 1 0 1 2 | 0 0 0 0 0 | 0 0 0 0 0."""
    report = parsed("078_natres_2022")
    assert row_values(report, "applications", "new_received") == [29, 1, 0, 0, 0, 0, 30]
    assert row_values(report, "applications", "partially_granted") == [1, 1, 0, 0, 0, 0, 2]
    assert row_values(report, "applications", "unable.not_held") == [26, 0, 0, 0, 0, 0, 26]
    assert row_values(report, "applications", "results_total") == [29, 1, 0, 0, 0, 0, 30]
    assert row_values(report, "review_litigation", "review") == [0, 1, 0, 1, 2]
    assert row_values(report, "review_litigation", "litigation_direct") == [0] * 5
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert art20.value("licensing.decisions") == 202
    assert art20.value("punishment.decisions") == 74


def test_066_gwhoffice_2021_glued_numbering_and_an_open_split() -> None:
    """1700000172.没有现成…: the 2 is the next row's numbering, 17 … 17 is the row.  行政规范性文件 20 155 reads
    2|0|155, 20|1|55 or 20|15|5 (MANIFEST: ambiguous split)."""
    report = parsed("066_gwhoffice_2021")
    assert row_values(report, "applications", "unable.not_held") == [17, 0, 0, 0, 0, 0, 17]
    assert row_values(report, "applications", "unable.needs_creation") == [0] * 7
    assert row_values(report, "applications", "partially_granted") == [3, 0, 0, 0, 0, 0, 3]
    assert row_values(report, "applications", "new_received") == [23, 0, 0, 0, 0, 0, 23]
    assert row_statuses(report, "active_disclosure", "normative_documents") == "aaa"
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert "3 ways" in str(art20.rows["normative_documents"].problem)


def test_021_market_2025_typo_label_and_a_year_glued_to_the_table() -> None:
    """7.属于行政执法案件3000003 (案件 for 案卷) is placed by its numbering between rows 6 and 8;
    110000011 reads 11|0…|11 or 1|10|…|11, both add up across the row, and the column sums ((七)总计 19 less the
    other results) leave 11|0…|11 (tests/parsing/test_columnsums.py); 结转 20000022025年: the year is prose."""
    report = parsed("021_market_2025")
    assert row_values(report, "applications", "denied.enforcement_case_file") == [3, 0, 0, 0, 0, 0, 3]
    assert row_values(report, "applications", "denied.process_information") == [0] * 7
    assert row_statuses(report, "applications", "partially_granted") == "iiiiiii"
    assert row_values(report, "applications", "partially_granted") == [11, 0, 0, 0, 0, 0, 11]
    assert row_values(report, "applications", "carried_forward") == [2, 0, 0, 0, 0, 0, 2]
    assert row_values(report, "applications", "results_total") == [19, 0, 0, 0, 0, 0, 19]
    assert row_values(report, "review_litigation", "review") == [10, 0, 0, 0, 10]


def test_017_market_2021_rows_printed_without_values_are_unread_not_empty() -> None:
    """…缴纳费用、行政机关不再处理其政府信息公开申请3.其他（七）总计5000005: (六)2 and (六)3 print nothing.
    Crawled text does not show cells, so nothing proves them empty: the rows are unread, not reported empty."""
    report = parsed("017_market_2021")
    for key in ("other.fee_unpaid", "other.other"):
        assert row_statuses(report, "applications", key) == "aaaaaaa"
        row = report.tables.applications.rows[key] if report.tables.applications else None
        assert row is not None and row.problem is not None and row.problem.kind == "no-values"
    assert row_values(report, "applications", "results_total") == [5, 0, 0, 0, 0, 0, 5]
    assert row_values(report, "applications", "denied.enforcement_case_file") == [2, 0, 0, 0, 0, 0, 2]
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert art20.value("punishment.decisions") == 211
    assert art20.value("enforcement.decisions") == 42


def test_029_social_2021_old_tables_in_a_2021_report() -> None:
    """A 2021 report with the 2019 第二十条 tables (format 2019, MANIFEST); its 3.其他 row lost the numbering
    (0 0 0 0 0 00其他0 0 0 0 0 00) and is placed between (六)2 and (七)."""
    report = parsed("029_social_2021")
    assert report.format == "2019"
    applications = report.tables.applications
    assert applications is not None
    assert applications.rows["other.other"].label == "其他"
    assert row_values(report, "applications", "other.other") == [0] * 7
    assert len(applications.rows) == 25


def test_001_finance_2019_amounts_and_doubled_numeral() -> None:
    """二、上年结转…0000000三三、本年度办理结果: the stray 三 is not a cell.  行政处罚3500 (3 columns) and
    政府集中采购2832995元 (count and amount) have several readings: ambiguous, the 元 kept on the amount."""
    report = parsed("001_finance_2019")
    assert row_values(report, "applications", "carried_over") == [0] * 7
    assert row_statuses(report, "active_disclosure", "punishment") == "aaa"
    art20 = report.tables.active_disclosure
    assert art20 is not None
    amount = art20.cell("procurement.total_amount")
    assert amount is not None and amount.status is CellStatus.AMBIGUOUS and amount.raw.endswith("元")
    assert [art20.value(f"licensing.{c}") for c in ("prev_items", "change", "decisions")] == [3, 0, 0]


def test_004_finance_2022_decimal_amount() -> None:
    """行政事业性收费9116.36 (万元) followed by prose: a Decimal, the prose is not a cell."""
    report = parsed("004_finance_2022")
    art20 = report.tables.active_disclosure
    assert art20 is not None
    assert art20.value("fees.amount_10k_yuan") == Decimal("9116.36")
