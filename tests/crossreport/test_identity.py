"""Report identity (body, region, year), aliases, and the roster with GL507."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import pytest
from cross_support import make, run_rules

import govlint
from govlint.config import Config
from govlint.crossreport import Run, check_run, digest, identity_of, read_roster
from govlint.crossreport.identity import Identity, region_of
from govlint.errors import ConfigError
from govlint.linter import plugins_for
from govlint.model import Report
from govlint.schema import ColumnSpec, PartSpec, RowSpec, TableSpec


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("平潭综合实验区君山片区管理局", "平潭综合实验区"),
        ("福建省福州市财政局", "福建省福州市"),
        ("福州市人民政府", "福州市"),
        ("洪泽区人民政府", "洪泽区"),
        ("淮安市洪泽区人民政府办公室", "淮安市洪泽区"),
        ("财政局", None),
    ],
)
def test_region_is_the_divisions_that_open_the_name(name: str, region: str | None) -> None:
    assert region_of(name) == region


def test_identity_drops_whitespace_and_applies_aliases() -> None:
    assert identity_of("平潭综合实验区 财政局", 2021) == Identity("平潭综合实验区财政局", 2021, "平潭综合实验区")
    renamed = identity_of("平潭综合实验区财政局", 2021, {"财政局": "财政金融局"})
    assert renamed == Identity("平潭综合实验区财政金融局", 2021, "平潭综合实验区")
    assert identity_of("财政局", 2021, {"财政局": "财政金融局"}) == Identity("财政金融局", 2021, None)
    assert identity_of(None, 2021) is None
    assert identity_of("财政局", None) is None


def test_an_alias_links_the_renamed_body_to_last_year() -> None:
    before = make("a/2022.txt", "平潭综合实验区财政局", 2022)
    now = make("a/2023.txt", "平潭综合实验区财政金融局", 2023)
    assert Run((before, now)).previous(now) is None
    aliased = attrs.evolve(before, identity=identity_of(before.agency, 2022, {"财政局": "财政金融局"}))
    assert Run((aliased, now)).previous(now) is aliased


ROSTER = (
    "body,level,region,deadline\n"
    "平潭综合实验区财政金融局,department,平潭,01-28\n"
    "平潭综合实验区农业农村局,department,平潭,\n"
)


def test_roster_names_a_body_without_a_report(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    roster = read_roster(str(path))
    assert [(e.body, e.level, e.deadline, e.line) for e in roster.entries] == [
        ("平潭综合实验区财政金融局", "department", (1, 28), 2),
        ("平潭综合实验区农业农村局", "department", None, 3),
    ]
    config = Config(select=["GL507"])
    reports = (make("a/2023.txt", "平潭综合实验区财政金融局", 2023),)
    results = check_run(Run(reports, roster=roster), plugins_for(config), config)
    (result,) = results
    (missing,) = result.diagnostics
    assert (missing.location.path, missing.location.line) == (str(path), 3)
    assert missing.message_zh == "名单中的 平潭综合实验区农业农村局 没有 2023 年度报告"
    assert missing.message_en == "平潭综合实验区农业农村局, on the roster, has no report for 2023"


def test_a_run_with_a_file_it_could_not_identify_does_not_say_a_body_has_no_report(tmp_path: Path) -> None:
    # the file govlint could not read (or that shows no body and year) may be the missing body's report
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    config = Config(select=["GL507"])
    reports = (make("a/2023.txt", "平潭综合实验区财政金融局", 2023),)
    run = Run(reports, roster=read_roster(str(path)), unidentified=("b/扫描件.pdf",))
    ((missing,),) = [r.diagnostics for r in check_run(run, plugins_for(config), config)]
    assert missing.unread and missing.location.line == 3
    assert missing.message_zh == (
        "未找到名单中的 平潭综合实验区农业农村局 的 2023 年度报告；本次检查有 1 个文件未能读取或未能识别单位和年度"
        "（如 b/扫描件.pdf），可能就是它，请人工核对"
    )


def test_a_bad_roster_is_a_configuration_error(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("单位,截止日期\n财政局,1月28日\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"roster.csv:2: deadline '1月28日' is not MM-DD"):
        read_roster(str(path))
    path.write_text("body,level\n财政局,department\n公安局,县级\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"roster.csv:3: level '县级' names neither a government"):
        read_roster(str(path))
    path.write_text("name,level\n财政局,x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="names no body column"):
        read_roster(str(path))


def test_without_a_roster_nothing_is_missing() -> None:
    assert run_rules([make("a/2023.txt", "平潭综合实验区财政金融局", 2023)], "GL507") == []


def test_a_digest_crosses_a_process_boundary_whole(pingtan_reports: dict[str, Report]) -> None:
    """What a worker pickles is what the run phase reads: sections, cells with their spans, the prose."""
    report = next(iter(pingtan_reports.values()))
    made = digest(report)
    back = pickle.loads(pickle.dumps(made))
    assert back == made
    tables = {"applications", "review_litigation"}
    assert back.sections == tuple(attrs.evolve(s, body="") if s.key in tables else s for s in report.sections)
    table = report.tables.applications
    assert table is not None
    for row in table.rows.values():
        for column, cell in row.cells.items():
            assert back.cell(f"applications.{row.key}.{column}") == cell
    assert back.prose["problems_improvements"].masked == made.prose["problems_improvements"].masked


def test_a_digest_keeps_the_cells_of_a_plugins_table() -> None:
    """A province's cross-report rule reads its own table (``govlint_tables``) from the digest."""
    spec = TableSpec(
        id="records_stock",
        title="档案库存情况表",
        captions=("档案库存情况",),
        parts=(PartSpec(columns=(ColumnSpec("paper", "纸质档案"),), rows=(RowSpec("closing", "年末库存"),)),),
    )
    seed = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))[0]
    body = seed.read_text(encoding="utf-8")
    at = body.index("五、")
    text = f"{body[:at]}档案库存情况\n项目\t纸质档案\n年末库存\t7\n\n{body[at:]}"
    made = digest(govlint.parse_text(text, tables=[spec]))
    cell = made.cell("records_stock.closing.paper")
    assert cell is not None and cell.value == 7
    assert made.cell("applications.results_total.total") is not None


TRIAL = Path(__file__).resolve().parents[1] / "fixtures" / "roundtrip" / "trial2019"


def test_a_year_whose_digits_a_converter_moved_leaves_no_year_word_in_the_body() -> None:
    """Chromium's print of the 2019 report, read by pdfplumber, prints its title ``洪山镇人民政府 年政府信息公开工作
    年度报告`` with ``2019`` on the next line: the body is 洪山镇人民政府, not 洪山镇人民政府年, so the same report
    by another converter is a duplicate identity (GL506), never the report of another body it copies (GL505)."""
    printed = digest(govlint.parse(TRIAL / "printed.pdfplumber.txt"))
    other = digest(govlint.parse(TRIAL / "antiword.txt"))
    assert printed.identity == other.identity == Identity("洪山镇人民政府", 2019, None)
    assert run_rules([printed, other], "GL505") == []
    assert {d.code for d in run_rules([printed, other], "GL506")} == {"GL506"}
