"""Every GL6xx finding on the real reports of the repository, checked by hand (issue #12, "Done when").

The seeds, the Pingtan corpus, the peer reports (pdftotext output) and ``examples/`` are linted with the
GL6 rules only.  :data:`CHECKED` lists each finding with the sentence or cell it is about and the verdict
reached by reading the report; a finding not listed fails the test until someone has read it, and a listed
finding that disappears fails too (update the list, with the reason).  :data:`SILENT` lists reports read by
hand where a GL6xx rule could have fired and rightly does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.config import Config
from govlint.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

#: (report, code, key): (the sentence or the cells, the verdict after reading the report).
CHECKED: dict[tuple[str, str, str], tuple[str, str]] = {
    ("corpus/pingtan/034_gwhoffice_2025.txt", "GL601", "text.received"): (
        "2025年，实验区管委会（办公室）共受理公开申请34件 — table 三 本年新收 32, 上年结转 0",
        "true: the text counts 2 applications more than the table (no 含结转, no scope word)",
    ),
    ("corpus/pingtan/027_junshan_2024.txt", "GL606", "text.corrected_unmentioned"): (
        "table 四 printed 010010000000000: 行政复议 维持 0, 纠正 1, 其他 0, 未审结 0, 总计 1",
        "true: the text's only sentences on 复议 are the section list and the heading of 四",
    ),
    ("corpus/pingtan/063_social_2025.txt", "GL606", "text.corrected_unmentioned"): (
        "table 四 printed 210033300620002: 复议 纠正 1, 直接起诉 纠正 3 (each group adds up)",
        "true: 4 corrected cases, and no sentence mentions 纠正/撤销/败诉 or states the cases",
    ),
    ("corpus/pingtan/078_natres_2022.txt", "GL606", "text.corrected_unmentioned"): (
        "table 四: 行政复议 0 1 0 1 2 (纠正 1, 尚未审结 1)",
        "true: no sentence of the page mentions the corrected review",
    ),
    ("corpus/pingtan/015_market_2019.txt", "GL605", "five.generic"): (
        "1.配备的人员少…有待提高 … 3.继续深入贯彻落实《条例》…不断健全政府信息公开机制",
        "true: six items, every one a stock phrase; the only name cited is the 条例",
    ),
    ("corpus/pingtan/016_market_2020.txt", "GL605", "five.generic"): (
        "the same section 五 as 2019 (copied)",
        "true: as 015",
    ),
    ("corpus/pingtan/053_haitan_2024.txt", "GL605", "five.generic"): (
        "坚持问题导向、目标导向…精准发力、靶向施策…一是进一步强化培训指导…二是进一步提升服务质效",
        "true: one item names a training with outside experts; the rest are slogans",
    ),
    ("corpus/pingtan/055_jinjing_2019.txt", "GL605", "five.generic"): (
        "重视程度还不够高…长效机制有待进一步完善…进一步组织《条例》学习培训…确保把政务公开工作落到实处",
        "true: no number, date or named system in four items",
    ),
    ("corpus/pingtan/071_suping_2024.txt", "GL605", "five.generic"): (
        "重点领域信息公开力度有待加强；互动性有待进一步提升；进一步拓展政务公开的广度和深度…",
        "true: generic problems and generic measures",
    ),
    ("corpus/pingtan/073_jinjing_2021.txt", "GL605", "five.generic"): (
        "政府信息公开工作落实还不到位…还需要进一步拓展延伸…积极推进政务公开标准化规范化工作",
        "true: five of eight items are stock phrases, none concrete besides citing the 条例",
    ),
    ("corpus/pingtan/074_haitan_2023.txt", "GL605", "five.generic"): (
        "信息公开渠道及创新力有待提升…一是加强业务培训…二是加强信息公开意识和服务意识",
        "true",
    ),
    ("corpus/pingtan/076_agri_2024.txt", "GL605", "five.generic"): (
        "标准化程度有待进一步提高…还需进一步优化…推动政府信息公开工作再上新台阶",
        "true",
    ),
    ("corpus/pingtan/078_natres_2022.txt", "GL605", "five.generic"): (
        "意识不够强、业务能力不够强…一是全面梳理公开内容…二是持续加强业务培训…三是进一步丰富政策解读形式",
        "true: the only particular is the quoted “五公开”",
    ),
}

#: Reports read by hand where a GL6xx rule stays silent: (report, code, key prefix) -> why that is right.
SILENT: dict[tuple[str, str, str], str] = {
    ("seeds/002_3957bd30f75f2ac8.txt", "GL606", ""): "直接起诉 纠正 1 but the group's 总计 is 0 (GL204's): not trusted",
    ("examples/米山镇人民政府2023年报告.txt", "GL606", ""): "the same table as seed 002",
    ("corpus/peer/hzq2024_working.pdf.pdftotext.txt", "GL606", ""): "降低行政复议、行政诉讼…纠错率 speaks of it",
    ("corpus/pingtan/034_gwhoffice_2025.txt", "GL601", "text.review"): "行政复议共2件 = table 四 行政复议 总计 2",
    ("corpus/pingtan/034_gwhoffice_2025.txt", "GL601", "text.art20"): (
        "制发行政规范性文件9件, 现行有效…253件: table 二's 规范性文件 row was not read, so not assessable"
    ),
    ("corpus/pingtan/014_approval_2025.txt", "GL605", ""): "two items, naming a particular problem (征求意见时间较短)",
}


def reports() -> list[tuple[str, Path]]:
    found = [*sorted((FIXTURES / "seeds").glob("*.txt")), *sorted((FIXTURES / "corpus").glob("*/*"))]
    found += sorted((ROOT / "examples").iterdir())
    named = []
    for path in found:
        if path.is_dir() or path.suffix in (".md", ".tsv", ".json"):
            continue
        base = ROOT if path.is_relative_to(ROOT / "examples") else FIXTURES
        named.append((path.relative_to(base).as_posix(), path))
    return named


def test_every_gl6_finding_on_the_real_reports_was_checked_by_hand() -> None:
    config = Config(select=("GL6",))
    found: dict[tuple[str, str, str], str] = {}
    for name, path in reports():
        try:
            result = govlint.lint(path, config)
        except InputError:
            continue  # an empty or image-only PDF: GL001's
        for d in result.diagnostics:
            found[(name, d.code, d.key)] = d.message_en
    unchecked = {key: message for key, message in found.items() if key not in CHECKED}
    assert not unchecked, "read these reports and add the findings to CHECKED:\n" + "\n".join(map(str, unchecked))
    gone = set(CHECKED) - set(found)
    assert not gone, f"checked findings no longer reported: {sorted(gone)}"
    assert all(verdict.startswith("true") for _, verdict in CHECKED.values())


@pytest.mark.parametrize(("name", "code", "key"), sorted(SILENT))
def test_the_reports_read_as_silent_stay_silent(name: str, code: str, key: str) -> None:
    base = ROOT if name.startswith("examples/") else FIXTURES
    result = govlint.lint(base / name, Config(select=(code,)))
    assert [d for d in result.diagnostics if d.key.startswith(key)] == []
