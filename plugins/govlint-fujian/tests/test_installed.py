"""The installed distribution: its entry point is found, govlint loads it, and `govlint check` shows FJ codes.

These tests need govlint-fujian installed (``pip install plugins/govlint-fujian``, as the ``plugin`` tox env
does), not imported from the source tree: they test the path a province's users take.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from govlint.plugins import clear_cache, load_plugins

import govlint_fujian
from govlint_fujian.rules import RULES

FIXTURES = Path(__file__).parent / "fixtures"
SECTION_SIX = "六、其他需要报告的事项"
GOVLINT = Path(sys.executable).with_name("govlint")  # the console script of the environment under test


def govlint(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(GOVLINT), *map(str, args)], capture_output=True, text=True, encoding="utf-8", cwd=cwd, check=False
    )


def check_json(*paths: Path | str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    done = govlint("check", "--format", "json", *paths, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def fj(data: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    return [d for d in data["diagnostics"] if d["code"].startswith("FJ") and Path(d["path"]).name == path.name]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_the_plugin_is_the_installed_distribution() -> None:
    dist = importlib.metadata.distribution("govlint-fujian")
    assert dist.version == govlint_fujian.__version__
    assert "site-packages" in Path(govlint_fujian.__file__).resolve().parts, "tests must run on the installed wheel"
    [entry] = [ep for ep in dist.entry_points if ep.group == "govlint"]
    assert (entry.name, entry.value) == ("fujian", "govlint_fujian.plugin")
    module = entry.load()
    assert module.govlint_rules() == RULES


def test_govlint_discovers_the_entry_point() -> None:
    clear_cache()
    plugins = load_plugins()
    [info] = [p for p in plugins.plugins if p.name == "govlint-fujian"]
    assert (info.source, info.distribution) == ("entry-point", "govlint-fujian")
    assert info.version == govlint_fujian.__version__
    assert info.rules == tuple(r.meta.code for r in RULES)
    assert "fujian-fee-table-from-year" in plugins.options


def test_govlint_plugins_command_lists_it() -> None:
    done = govlint("plugins", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "govlint-fujian" in done.stdout
    assert "FJ001" in govlint("rules").stdout
    assert "信息处理费收取情况" in govlint("rule", "FJ003").stdout


def test_check_runs_the_rules_only_on_fujian_reports_unless_selected() -> None:
    report = FIXTURES / "seed_003_no_fee_table.txt"  # 叶城县 (Xinjiang): outside the plugin's scope
    _, data = check_json(report)
    assert fj(data, report) == []


def test_check_reports_the_missing_fee_table_at_section_six() -> None:
    report = FIXTURES / "seed_003_no_fee_table.txt"
    _, data = check_json("--extend-select", "FJ", report)
    [found] = fj(data, report)
    assert (found["code"], found["severity"]) == ("FJ001", "warning")
    assert found["line"] == line_of(report, SECTION_SIX)


def test_check_reports_contradicting_fee_figures_at_their_cells() -> None:
    report = FIXTURES / "fee_table_defects.txt"  # names no place: selected explicitly
    code, data = check_json("--extend-select", "FJ", report)
    assert code == 1  # FJ003 is an error
    found = fj(data, report)
    assert [d["code"] for d in found] == ["FJ003", "FJ003"]
    row = line_of(report, "\t0\t300\t500")
    assert [(d["line"], d["column"]) for d in found] == [(row, 4), (row, 8)]  # "\t0\t" then 300, 500


@pytest.mark.parametrize("name", ["fee_table_ok.txt", "pingtan_070_suping_2023.txt"])
def test_check_is_silent_on_reports_that_give_the_fee_figures(name: str) -> None:
    report = FIXTURES / name
    _, data = check_json(report)
    assert fj(data, report) == []
    assert not [e for e in data["errors"] if e["code"].startswith("FJ")]


def test_check_compares_a_real_fee_table_with_the_applications_table() -> None:
    report = FIXTURES / "pingtan_021_market_2025.txt"  # (六)2 reads 2000002, the fee table 18000
    _, data = check_json(report)
    [found] = fj(data, report)
    assert (found["code"], found["severity"], found["expected"], found["actual"]) == ("FJ004", "warning", ">= 2", 1)
    assert (found["line"], found["column"]) == (line_of(report, "18000"), column_in_line(report, "18000"))


def column_in_line(path: Path, needle: str) -> int:
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if needle in line)
    return line.index(needle) + 1


def test_the_option_is_read_from_pyproject(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes((FIXTURES / "seed_003_no_fee_table.txt").read_bytes())
    config = '[tool.govlint]\nextend-select = ["FJ"]\nfujian-fee-table-from-year = 2025\n'
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    _, data = check_json(report, cwd=tmp_path)
    assert fj(data, report) == []


def test_selection_and_english_messages_apply_to_plugin_codes() -> None:
    report = FIXTURES / "fee_table_defects.txt"
    done = govlint("check", "--select", "FJ", "--lang", "en", "--format", "json", report)
    data = json.loads(done.stdout)
    assert {d["code"] for d in data["diagnostics"]} == {"FJ003"}
    assert all("notice" in d["message"] for d in data["diagnostics"])
    ignored = json.loads(govlint("check", "--ignore", "FJ", "--format", "json", report).stdout)
    assert fj(ignored, report) == []
