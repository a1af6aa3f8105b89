"""The roster's levels and own deadlines reach GL402; its names match reports with or without their region."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest
from cross_support import make, run_rules

import govlint
from govlint.cli import main
from govlint.config import Config
from govlint.crossreport import Run, check_run, read_roster
from govlint.errors import ConfigError
from govlint.linter import lint_report, plugins_for

PINGTAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "pingtan"
#: Published 2024-01-31 and 2021-01-27 (their pages' 发布日期); both are departments by their names.
MARKET, TOURISM = "019_market_2023.txt", "046_tourism_2020.txt"


def _gl402(tmp_path: Path, roster: str, name: str) -> list[govlint.Diagnostic]:
    path = tmp_path / "roster.csv"
    path.write_text(roster, encoding="utf-8")
    config = Config(select=("GL402",), options=(("roster", str(path)),))
    return list(lint_report(govlint.parse_file(str(PINGTAN / name)), config).diagnostics)


def test_a_city_departments_earlier_deadline_makes_31_january_late(tmp_path: Path) -> None:
    roster = "body,level,region,deadline\n市场监督管理局,department,平潭综合实验区,01-28\n"
    [late] = _gl402(tmp_path, roster, MARKET)
    assert late.expected == "2024-01-28" and late.actual == "2024-01-31"
    assert late.message_zh.endswith(f"应不晚于 2024年1月28日（名单 {tmp_path / 'roster.csv'}:2 规定的本单位期限）")
    assert late.message_en.endswith(f"(the body's own deadline in the roster {tmp_path / 'roster.csv'}:2)")


def test_without_the_roster_or_before_its_deadline_nothing_is_late(tmp_path: Path) -> None:
    assert lint_report(govlint.parse_file(str(PINGTAN / MARKET)), Config(select=("GL402",))).diagnostics == ()
    roster = "单位,层级,地区,截止日期\n平潭综合实验区旅游与文化体育局,部门,平潭综合实验区,01-28\n"
    assert _gl402(tmp_path, roster, TOURISM) == []


def test_a_roster_never_grants_a_later_deadline_than_the_regulation(tmp_path: Path) -> None:
    roster = "body,level,deadline\n平潭综合实验区市场监督管理局,department,01-30\n"
    assert [d.expected for d in _gl402(tmp_path, roster, MARKET)] == ["2024-01-30"]
    later = "body,level,deadline\n平潭综合实验区市场监督管理局,department,03-15\n"
    assert _gl402(tmp_path, later, MARKET) == []  # 31 January is not after 31 January
    report = attrs.evolve(govlint.parse_file(str(PINGTAN / MARKET)), path="market.txt")
    moved = attrs.evolve(report.publish_date, value=report.publish_date.value.replace(month=2, day=20))
    path = tmp_path / "roster.csv"
    path.write_text(later, encoding="utf-8")
    config = Config(select=("GL402",), options=(("roster", str(path)),))
    [late] = lint_report(attrs.evolve(report, publish_date=moved), config).diagnostics
    assert late.expected == "2024-01-31"  # the department's deadline, not the roster's 15 March


def test_the_rosters_level_decides_for_a_report_that_does_not_show_it(tmp_path: Path) -> None:
    report = attrs.evolve(govlint.parse_file(str(PINGTAN / MARKET)), agency="苏州工业园区", title=None)
    moved = attrs.evolve(report.publish_date, value=report.publish_date.value.replace(month=2, day=20))
    report = attrs.evolve(report, publish_date=moved)
    path = tmp_path / "roster.csv"
    path.write_text("body,level\n苏州工业园区,government\n", encoding="utf-8")
    told = Config(select=("GL402",), options=(("roster", str(path)),))
    assert lint_report(report, told).diagnostics == ()  # a government: 31 March
    path.write_text("body,level\n苏州工业园区,乡镇街道\n", encoding="utf-8")
    told = Config(select=("GL402",), options=(("roster", str(path) + "x"),))
    with pytest.raises(ConfigError, match="cannot read the roster"):
        lint_report(report, told)
    told = Config(select=("GL402",), options=(("roster", str(path)),))
    [late] = lint_report(report, told).diagnostics
    assert late.expected == "2024-01-31"


def test_a_body_listed_with_its_region_apart_is_found_under_either_name(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("body,level,region\n财政金融局,department,平潭综合实验区\n公安局,department,\n", encoding="utf-8")
    roster = read_roster(str(path))
    assert [(e.body, e.names) for e in roster.entries] == [
        ("平潭综合实验区财政金融局", ("平潭综合实验区财政金融局", "财政金融局")),
        ("公安局", ("公安局",)),
    ]
    config = Config(select=["GL507"])
    reports = (make("a.txt", "平潭综合实验区财政金融局", 2023), make("b.txt", "公安局", 2023))
    assert check_run(Run(reports, roster=roster), plugins_for(config), config) == []
    assert run_rules([make("a.txt", "财政金融局", 2023)], "GL507") == []


def test_the_roster_of_a_configuration_file_is_relative_to_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "reports").mkdir(parents=True)
    shutil.copy(PINGTAN / MARKET, project / "reports" / MARKET)
    (project / "roster.csv").write_text(
        "body,level,region,deadline\n市场监督管理局,department,平潭综合实验区,01-28\n农业农村局,department,平潭综合实验区\n",
        encoding="utf-8",
    )
    (project / ".govlint.toml").write_text('roster = "roster.csv"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "--config", "project/.govlint.toml", "--select", "GL402,GL507", "--format", "json"]
    main([*args, "project/reports"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert sorted((d["code"], Path(d["path"]).name, d["line"]) for d in found) == [
        ("GL402", MARKET, 2),
        ("GL507", "roster.csv", 3),
    ]
    assert not next(d for d in found if d["code"] == "GL507")["unread"]
    # a file govlint cannot read may be 农业农村局's report: GL507 is then about the reading, not the body
    (project / "reports" / "扫描件.pdf").write_bytes(b"%PDF-1.4 not really")
    main([*args, "project/reports"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    [missing] = [d for d in found if d["code"] == "GL507"]
    assert missing["unread"] and "扫描件.pdf" in missing["message"]


def test_roster_on_the_command_line_is_relative_to_the_working_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reports").mkdir()
    shutil.copy(PINGTAN / MARKET, tmp_path / "reports" / MARKET)
    (tmp_path / "名单.csv").write_text("单位,截止日期\n平潭综合实验区市场监督管理局,04-15\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--isolated", "--roster", "名单.csv", "--select", "GL402", "--format", "json", "reports"])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []  # a later roster date: 31 January holds
    (tmp_path / "名单.csv").write_text("单位,截止日期\n平潭综合实验区市场监督管理局,01-30\n", encoding="utf-8")
    main(["check", "--isolated", "--roster", "名单.csv", "--select", "GL402", "--format", "json", "reports"])
    [late] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert late["message"].endswith("（名单 名单.csv:2 规定的本单位期限）")
