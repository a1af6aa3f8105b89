"""Every error-level finding on the real reports of the repository, checked by hand against the source (#10).

The Pingtan pages, the peer reports (PDF and pdftotext) and ``examples/`` are linted as ``govlint check``
lints them (a page that is no report, GL002, is skipped).  :data:`CHECKED` lists, for each report and code,
the keys of its error findings and the reason, read in the report, why they are true; a new error finding
fails the test until someone has read the report (a false one is then fixed, not listed), and a listed one
that disappears fails too (update the list, with the reason).  :data:`NOT_ERRORS` are findings that were
errors and were false: they must not come back at error level.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.config import Config
from govlint.diagnostics import Severity
from govlint.errors import InputError
from govlint.linter import lint_report
from govlint.model import Report
from govlint.notices import is_not_a_report

from . import test_text_corpus as text_corpus

#: (report, code) -> (the keys of its error findings, why they are true).
CHECKED: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    ("corpus/peer/hzq2023_working.pdf", "GL104"): (
        ("applications.other.no_correction", "applications.other.fee_unpaid", "applications.other.other"),
        "true: (六)其他处理 printed as one row (0 0 0 0 0 0 0): the 2021 rows (六)1-3 are not there",
    ),
    ("corpus/peer/hzq2023_working.pdf", "GL406"): (
        ("format",),
        "true: 2023 report whose table 三 keeps the 2019 single row (六)其他处理",
    ),
    ("corpus/peer/hzq2023_working.pdf", "GL204"): (
        ("review_litigation.review.total", "review_litigation.litigation_after_review.total"),
        "true: table 四 prints 10 1 0 0 0 | … | 5 0 0 0 0: the group totals are printed 0 (spec §9: 洪泽区 2023)",
    ),
    ("corpus/peer/hzq2023_working.pdf", "GL407"): (
        ("publish_date",),
        "true: the text ends with 六 and a page number: no 落款 date, no publication date",
    ),
    ("corpus/peer/hzq2023_working.pdf.pdftotext.txt", "GL104"): (
        ("applications.other.no_correction", "applications.other.fee_unpaid", "applications.other.other"),
        "true: (六)其他处理 printed as one row (0 0 0 0 0 0 0): the 2021 rows (六)1-3 are not there",
    ),
    ("corpus/peer/hzq2023_working.pdf.pdftotext.txt", "GL406"): (
        ("format",),
        "true: 2023 report whose table 三 keeps the 2019 single row (六)其他处理",
    ),
    ("corpus/peer/hzq2023_working.pdf.pdftotext.txt", "GL204"): (
        ("review_litigation.review.total", "review_litigation.litigation_after_review.total"),
        "true: table 四 prints 10 1 0 0 0 | … | 5 0 0 0 0: the group totals are printed 0 (spec §9: 洪泽区 2023)",
    ),
    ("corpus/peer/hzq2023_working.pdf.pdftotext.txt", "GL407"): (
        ("publish_date",),
        "true: the text ends with 六 and a page number: no 落款 date, no publication date",
    ),
    ("corpus/peer/hzq2024_working.pdf", "GL104"): (
        ("applications.other.no_correction", "applications.other.fee_unpaid", "applications.other.other"),
        "true: (六)其他处理 printed as one row: the 2021 rows (六)1-3 are not there",
    ),
    ("corpus/peer/hzq2024_working.pdf", "GL406"): (
        ("format",),
        "true: 2024 report whose table 三 keeps the 2019 single row (六)其他处理",
    ),
    ("corpus/peer/hzq2024_working.pdf", "GL407"): (
        ("publish_date",),
        "true: no 落款 date, no publication date in the text",
    ),
    ("corpus/peer/hzq2024_working.pdf.pdftotext.txt", "GL104"): (
        ("applications.other.no_correction", "applications.other.fee_unpaid", "applications.other.other"),
        "true: (六)其他处理 printed as one row: the 2021 rows (六)1-3 are not there",
    ),
    ("corpus/peer/hzq2024_working.pdf.pdftotext.txt", "GL406"): (
        ("format",),
        "true: 2024 report whose table 三 keeps the 2019 single row (六)其他处理",
    ),
    ("corpus/peer/hzq2024_working.pdf.pdftotext.txt", "GL407"): (
        ("publish_date",),
        "true: no 落款 date, no publication date in the text",
    ),
    ("corpus/pingtan/003_finance_2021.txt", "GL101"): (
        ("section.other_matters",),
        "true: the page ends after 五 with the signature: no 六 heading and no other matters",
    ),
    ("corpus/pingtan/003_finance_2021.txt", "GL301"): (
        ("section.other_matters.fee",),
        "true: 2021 report: no sentence anywhere on the 信息处理费 or any fee charged",
    ),
    ("corpus/pingtan/013_approval_2024.txt", "GL204"): (
        ("review_litigation.review.total",),
        "true: table 四 printed 100000000000000: 行政复议 维持 1, 总计 0",
    ),
    ("corpus/pingtan/014_approval_2025.html", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一) prints only 行政规范性文件 3 0 24, no 规章 row",
    ),
    ("corpus/pingtan/014_approval_2025.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 行政规范性文件3024 only, no 规章 row",
    ),
    ("corpus/pingtan/019_market_2023.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件13013 only, no 规章 row",
    ),
    ("corpus/pingtan/020_market_2024.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件6856 only, no 规章 row",
    ),
    ("corpus/pingtan/021_market_2025.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件1173 only, no 规章 row",
    ),
    ("corpus/pingtan/023_junshan_2020.txt", "GL202"): (
        (
            "applications.results_total.natural_person",
            "applications.results_total.other_org",
            "applications.results_total.total",
        ),
        "true: 一 prints 1 0 0 0 0 1 2 and (一)予以公开 1 0 0 0 0 1 2, but (七)总计 00 0 0 00 0 (so GL203, whose "
        "balance uses that 总计, says nothing: the text says both were answered, 结转 0 is right)",
    ),
    ("corpus/pingtan/025_junshan_2022.txt", "GL202"): (
        (
            "applications.results_total.natural_person",
            "applications.results_total.other_org",
            "applications.results_total.total",
        ),
        "true: (四)1 prints 30000025 (3 … 2, total 5: the only reading), (七)总计 0000000",
    ),
    ("corpus/pingtan/028_junshan_2025.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件000 only, no 规章 row",
    ),
    ("corpus/pingtan/029_social_2021.txt", "GL406"): (
        ("format",),
        "true: 2021 report whose section 二 prints the 2019 headers (本年新制作数量, 上一年项目数量)",
    ),
    ("corpus/pingtan/031_social_2023.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件2120 only, no 规章 row",
    ),
    ("corpus/pingtan/037_police_2021.txt", "GL203"): (
        ("applications.carried_forward.natural_person", "applications.carried_forward.total"),
        "true: 一 1000001, (七)总计 1000001, yet 四、结转 1000001: 1 + 0 ≠ 1 + 1",
    ),
    ("corpus/pingtan/048_agri_2023.txt", "GL201"): (
        ("applications.new_received.total", "applications.carried_over.total"),
        "true: 一 prints 6100000 (total 0), 二 prints 0000007 (total 7): each row is 7 single digits",
    ),
    ("corpus/pingtan/050_enforce_2021.txt", "GL104"): (
        ("applications.other.no_correction", "applications.other.fee_unpaid", "applications.other.other"),
        "true: （六）其他处理0000000 then （七）总计: no rows (六)1-3",
    ),
    ("corpus/pingtan/050_enforce_2021.txt", "GL406"): (
        ("format",),
        "true: 2021 report with the 2019 single row （六）其他处理",
    ),
    ("corpus/pingtan/051_natres_2023.txt", "GL201"): (
        ("applications.partially_granted.total",),
        "true: （二）部分公开 8100008: 8 + 1 = 9, total printed 8",
    ),
    ("corpus/pingtan/053_haitan_2024.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件000 only, no 规章 row",
    ),
    ("corpus/pingtan/053_haitan_2024.txt", "GL201"): (
        (
            "applications.new_received.total",
            "applications.unable.not_held.total",
            "applications.unable.unclear_after_correction.total",
            "applications.other.no_correction.total",
            "applications.other.other.total",
            "applications.results_total.total",
        ),
        "true: every row prints 7 single digits whose 总计 is 0 (5100000, 4000000, …)",
    ),
    ("corpus/pingtan/053_haitan_2024.txt", "GL202"): (
        ("applications.results_total.natural_person",),
        "true: (七)总计 自然人 5, the results 4 + 1 + 1 = 6",
    ),
    ("corpus/pingtan/054_haitan_2025.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件000 only, no 规章 row",
    ),
    ("corpus/pingtan/054_haitan_2025.txt", "GL201"): (
        (
            "applications.new_received.total",
            "applications.partially_granted.total",
            "applications.unable.not_held.total",
            "applications.results_total.total",
        ),
        "true: every row prints 7 single digits whose 总计 is 0 (2000000, 1000000, …)",
    ),
    ("corpus/pingtan/062_social_2024.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件500 only, no 规章 row",
    ),
    ("corpus/pingtan/063_social_2025.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件700 only, no 规章 row",
    ),
    ("corpus/pingtan/066_gwhoffice_2021.txt", "GL301"): (
        ("section.other_matters.fee",),
        "true: 2021 report; 六 reads only 无其他需要报告的事项。, no fee anywhere",
    ),
    ("corpus/pingtan/069_suping_2019.txt", "GL403"): (
        ("date.signature.early",),
        "true: the 落款 of the 2019 report is dated 2019年1月3日 (published 2020-01-16)",
    ),
    ("corpus/pingtan/070_suping_2023.txt", "GL102"): (
        ("section.problems_improvements.order",),
        "true: 五、信息处理费收取情况 (the content of 六) is printed before 六、存在的主要问题和改进情况",
    ),
    ("corpus/pingtan/071_suping_2024.txt", "GL102"): (
        ("section.problems_improvements.order",),
        "true: as 070: the fee section numbered 五 before the problems numbered 六",
    ),
    ("corpus/pingtan/072_suping_2025.txt", "GL102"): (
        ("section.problems_improvements.order",),
        "true: as 070: the fee section numbered 五 before the problems numbered 六",
    ),
    ("corpus/pingtan/074_haitan_2023.txt", "GL104"): (
        (
            "active_disclosure.regulations",
            "applications.other.no_correction",
            "applications.other.fee_unpaid",
            "applications.other.other",
        ),
        "true: （六）其他处理0000000 only (the 2021 rows (六)1-3 missing); table (一) has no 规章 row",
    ),
    ("corpus/pingtan/074_haitan_2023.txt", "GL406"): (
        ("format",),
        "true: 2023 report with the 2019 single row （六）其他处理",
    ),
    ("corpus/pingtan/076_agri_2024.txt", "GL104"): (
        ("active_disclosure.regulations",),
        "true: table (一): 规范性文件100 only, no 规章 row",
    ),
    ("corpus/pingtan/076_agri_2024.txt", "GL201"): (
        (
            "applications.new_received.total",
            "applications.granted.total",
            "applications.denied.third_party_rights.total",
            "applications.results_total.total",
        ),
        "true: every row prints 7 single digits whose 总计 is 0 (3000000, 1000000, 2000000)",
    ),
    ("corpus/pingtan/076_agri_2024.txt", "GL101"): (
        ("section.other_matters",),
        "true: the page ends with section 五: no 六",
    ),
    ("corpus/pingtan/076_agri_2024.txt", "GL301"): (
        ("section.other_matters.fee",),
        "true: 2024 report without 六 and no fee sentence anywhere",
    ),
    ("corpus/pingtan/080_tourism_2021.txt", "GL403"): (
        ("date.signature.early",),
        "true: the 落款 of the 2021 report is dated 2021年1月25日 (published 2022-01-06)",
    ),
    ("examples/勍香镇2024年报告.txt", "GL105"): (
        ("active_disclosure.enforcement.decisions",),
        "true: seed 004: 行政强制 prints a tab and no number",
    ),
    ("examples/崇阳县政务服务和大数据管理局2024年报告.txt", "GL103"): (
        ("table.active_disclosure",),
        "true: seed 001: section 二 is prose only (共计41条)",
    ),
    ("examples/崇阳县政务服务和大数据管理局2024年报告.txt", "GL101"): (
        ("section.applications",),
        "true: seed 001: the applications table follows 二 without a 三 heading",
    ),
    ("examples/崇阳县政务服务和大数据管理局2024年报告.txt", "GL301"): (
        ("section.other_matters.fee",),
        "true: seed 001: 六 reads 无。",
    ),
    ("examples/平潭综合实验区行政审批局2025年报告.html", "GL104"): (
        ("active_disclosure.regulations",),
        "true: as pingtan 014 (the same page): no 规章 row",
    ),
    ("examples/洪山镇人民政府2024年报告.txt", "GL105"): (
        (
            "applications.partially_granted.natural_person",
            "applications.other.fee_unpaid.natural_person",
            "applications.results_total.natural_person",
            "applications.results_total.commercial_enterprise",
        ),
        "true: seed 000: the cells are printed empty (truth file)",
    ),
    ("examples/洪山镇人民政府2024年报告.txt", "GL407"): (
        ("publish_date",),
        "true: seed 000: no date anywhere",
    ),
    ("examples/洪泽区人民政府2023年报告.pdf", "GL104"): (
        ("applications.other.no_correction", "applications.other.fee_unpaid", "applications.other.other"),
        "true: (六)其他处理 printed as one row (0 0 0 0 0 0 0): the 2021 rows (六)1-3 are not there",
    ),
    ("examples/洪泽区人民政府2023年报告.pdf", "GL406"): (
        ("format",),
        "true: 2023 report whose table 三 keeps the 2019 single row (六)其他处理",
    ),
    ("examples/洪泽区人民政府2023年报告.pdf", "GL204"): (
        ("review_litigation.review.total", "review_litigation.litigation_after_review.total"),
        "true: table 四 prints 10 1 0 0 0 | … | 5 0 0 0 0: the group totals are printed 0 (spec §9: 洪泽区 2023)",
    ),
    ("examples/洪泽区人民政府2023年报告.pdf", "GL407"): (
        ("publish_date",),
        "true: the text ends with 六 and a page number: no 落款 date, no publication date",
    ),
    ("examples/米山镇人民政府2023年报告.txt", "GL204"): (
        ("review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"),
        "true: seed 002: 直接起诉 纠正 1 with 总计 0, 复议后起诉 总计 1 with no result (truth file)",
    ),
}

_SUPPORT_2019 = "2019/2020 report: the 信息处理费 measures apply from 2021 (GL301 warns)"
#: (report, code, key) -> why it was a false error.  Each may still be a warning.
NOT_ERRORS: dict[tuple[str, str, str], str] = {
    ("corpus/pingtan/028_junshan_2025.txt", "GL101", "section.overview"): "一、年度工作核心成效 is section 一",
    ("corpus/pingtan/028_junshan_2025.txt", "GL101", "section.problems_improvements"): (
        "五、当前存在的突出问题 and 六、下一步改进举措 are section 五"
    ),
    ("corpus/pingtan/029_social_2021.txt", "GL103", "table.active_disclosure.art20_9"): (
        "a 2021 report: its format has no (九); the 2019 headers of 二 are GL406's"
    ),
    ("corpus/pingtan/029_social_2021.txt", "GL104", "active_disclosure.other_services"): "a 2019-only row",
    ("corpus/pingtan/029_social_2021.txt", "GL104", "applications.other.all"): "table 三 prints the 2021 rows (六)1-3",
    ("corpus/pingtan/058_suping_2021.txt", "GL107", "title"): "…政府信息公开年度报告: named, dated, another name",
    ("corpus/pingtan/022_junshan_2019.txt", "GL405", "statistics_period"): "片区 set up in 2019: 9月1日 to 12月31日",
    ("corpus/pingtan/045_tourism_2019.txt", "GL405", "statistics_period"): "set up in the 2019 reform: 9月1日 on",
    ("corpus/pingtan/055_jinjing_2019.txt", "GL405", "statistics_period"): "由于机构改革…从2019年9月1日开始启动",
    ("corpus/pingtan/069_suping_2019.txt", "GL405", "statistics_period"): "片区 set up in 2019: 9月1日 on",
    **{
        (f"corpus/pingtan/{name}.txt", "GL301", "section.other_matters.fee"): _SUPPORT_2019
        for name in (
            "001_finance_2019",
            "002_finance_2020",
            "008_approval_2019",
            "009_approval_2020",
            "015_market_2019",
            "016_market_2020",
            "022_junshan_2019",
            "023_junshan_2020",
            "035_police_2019",
            "041_econdev_2020",
            "049_enforce_2020",
            "057_suping_2020",
            "060_social_2019",
            "061_social_2020",
            "064_gwhoffice_2019",
            "065_gwhoffice_2020",
            "069_suping_2019",
        )
    },
}


def reports() -> list[tuple[str, Path]]:
    """The Pingtan pages, the peer reports and examples/ (the seeds have their own test, test_seeds.py)."""
    return [(name, path) for name, path in text_corpus.reports() if not name.startswith("seeds/")]


def linted() -> dict[str, list[govlint.Diagnostic]]:
    """Each report's findings, as ``govlint check`` gives them (GL001's unreadable files and GL002's pages
    that are no report are left out: they are not linted)."""
    found: dict[str, list[govlint.Diagnostic]] = {}
    for name, path in reports():
        try:
            report: Report = govlint.parse_file(path)
        except InputError:
            continue
        if is_not_a_report(report):
            continue
        found[name] = list(lint_report(report, Config()).diagnostics)
    return found


@pytest.fixture(scope="module")
def findings() -> dict[str, list[govlint.Diagnostic]]:
    return linted()


def test_every_error_on_the_real_reports_was_checked_by_hand(findings: dict[str, list[govlint.Diagnostic]]) -> None:
    errors = {
        (name, d.code, d.key): d.message_zh
        for name, diagnostics in findings.items()
        for d in diagnostics
        if d.severity is Severity.ERROR
    }
    checked = {(name, code, key) for (name, code), (keys, _) in CHECKED.items() for key in keys}
    unchecked = {key: message for key, message in errors.items() if key not in checked}
    assert not unchecked, "read these reports; fix a false finding, list a true one:\n" + "\n".join(map(str, unchecked))
    gone = checked - set(errors)
    assert not gone, f"checked findings no longer reported: {sorted(gone)}"
    assert all(reason for _, reason in CHECKED.values())


@pytest.mark.parametrize(("name", "code", "key"), sorted(NOT_ERRORS))
def test_the_false_errors_stay_gone(
    name: str, code: str, key: str, findings: dict[str, list[govlint.Diagnostic]]
) -> None:
    again = [d for d in findings[name] if (d.code, d.key) == (code, key) and d.severity is Severity.ERROR]
    assert again == []
