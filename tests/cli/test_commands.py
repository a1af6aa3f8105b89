"""``govlint rules``, ``rule CODE``, ``plugins``, ``--version`` and ``parse``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import Run

import govlint
from govlint import plugins
from govlint.cli import _rule_count, build_parser
from govlint.output.ruledoc import rule_markdown


def test_version(run: Run) -> None:
    assert run("--version") == (0, f"govlint {govlint.__version__}\n", "")


@pytest.mark.parametrize("command", ["check", "parse", "rules", "rule", "plugins"])
def test_a_commands_own_parser_is_the_full_parsers(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    # main() builds only the parser of the command it runs: its help must be the full parser's.
    helps = []
    for parser in (build_parser(lang="en"), build_parser(command, lang="en")):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    assert helps[0].startswith(f"usage: govlint {command} ")


def test_rules_lists_builtin_and_local_rules_with_their_selection(project: Path, run: Run) -> None:
    code, out, err = run("rules")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    builtin = plugins.load_plugins(entry_points=False)
    assert len(lines) >= len(builtin.rules) + 4
    # The project selects only TS: built-in rules are listed but marked as not selected.
    assert next(line for line in lines if " GL101 " in line).startswith("- GL101")
    assert next(line for line in lines if " TS001 " in line).startswith("  TS001  error")
    data = json.loads(run("rules", "--format", "json", "--lang", "en")[1])
    ts001 = next(item for item in data if item["code"] == "TS001")
    assert ts001 == {
        "code": "TS001",
        "name": "错误",
        "category": "test",
        "severity": "error",
        "summary_zh": "不应出现错误",
        "summary_en": "错误 must not appear",
        "formats": ["2019", "2021"],
        "plugin": "office-rules",
        "selected": True,
    }


def test_rule_shows_one_rules_page(project: Path, run: Run) -> None:
    code, out, _ = run("rule", "ts002")
    assert code == 0
    rule = plugins.load_plugins(["office_rules"], root=str(project)).rule("TS002")
    assert rule is not None
    assert out == rule_markdown(rule.meta, "office-rules")
    assert out.startswith("# TS002 存疑\n")
    code, _, err = run("rule", "GL999")
    assert code == 2 and err == "govlint: 用法错误：没有规则 'GL999'（详见 `govlint rules`）\n"
    code, _, err = run("rule", "GL999", "--lang", "en")
    assert code == 2 and err == "govlint: usage error: no rule 'GL999' (see `govlint rules`)\n"


def test_every_builtin_rule_has_a_page(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for rule in plugins.load_plugins(entry_points=False).rules:
        code, out, _ = run("rule", rule.meta.code)
        assert code == 0 and out.startswith(f"# {rule.meta.code} ")


def test_plugins_lists_what_is_loaded(project: Path, run: Run) -> None:
    code, out, _ = run("plugins")
    assert code == 0
    assert "office-rules 0.1  [config: office_rules, plugin API 1]  4 rules (TS001…TS004)" in out.splitlines()
    data = json.loads(run("plugins", "--format", "json")[1])
    builtin = next(p for p in data if p["source"] == "builtin")
    assert _rule_count(["ZJ001"]) == "1 rule (ZJ001)" and _rule_count([]) == "no rules"
    assert builtin["version"] == govlint.__version__ and builtin["api_version"] == 1


SEED = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"
TRUTH = SEED.parents[1] / "truth" / f"{SEED.stem}.json"


def test_parse_prints_the_report_as_json_or_text(run: Run) -> None:
    code, out, err = run("parse", str(SEED))
    assert (code, err) == (0, "")
    data = json.loads(out)
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    assert (data["report_year"], data["publish_date"]) == (truth["report_year"], truth["publish_date"])
    code, out, _ = run("parse", str(SEED), "--format", "text")
    assert code == 0 and str(truth["report_year"]) in out
    code, out, _ = run("parse", "-", stdin=SEED.read_bytes())
    assert code == 0 and json.loads(out)["report_year"] == truth["report_year"]


def test_parse_writes_several_reports_as_json_lines(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    seeds = sorted(SEED.parent.glob("*.txt"))[:3]
    for seed in seeds:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    code, out, err = run("parse", str(folder), str(SEED))
    assert code == 2
    assert err.count("\n") == 1 and "broken.pdf" in err
    lines = out.splitlines()
    assert len(lines) == 4
    reports = [json.loads(line) for line in lines]
    truths = [json.loads((SEED.parents[1] / "truth" / f"{s.stem}.json").read_text(encoding="utf-8")) for s in seeds]
    assert [r["report_year"] for r in reports] == [t["report_year"] for t in truths] + [reports[-1]["report_year"]]
    assert reports[-1]["path"] == str(SEED)


def test_parse_errors_exit_2(run: Run, tmp_path: Path) -> None:
    code, _, err = run("parse", str(tmp_path))
    assert code == 2 and "该文件夹中没有报告文件" in err
    code, out, err = run("parse", str(tmp_path / "none.txt"))
    assert (code, out) == (2, "")
    assert err.startswith("govlint: ") and "none.txt" in err and err.count("\n") == 1


def test_the_installed_command_runs_as_a_fresh_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govlint", "check", "no-such-report.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (done.returncode, done.stderr) == (2, "")
    assert done.stdout.startswith("no-such-report.txt:1:1: GL001 [未能读取] 无法读取此文件，未检查：文件不存在\n")


def test_parse_text_shows_the_printed_labels_and_a_legend(run: Run) -> None:
    """Issue 14 item 12: rows and columns under the labels the standard prints, and what `*` means."""
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"
    code, out, _ = run("parse", "--format", "text", str(seed))
    assert code == 0
    rows = out.splitlines()
    assert any(line.startswith("  1.属于国家秘密 ") and line.endswith("[denied.state_secret]") for line in rows)
    assert "  (三)不予公开" in rows
    assert any(line.startswith("  行政复议 ") and "结果维持=0" in line and "总计=0" in line for line in rows)
    assert any("本年制发件数=0" in line for line in rows)
    (legend,) = (line for line in rows if line.startswith("图例: "))
    assert "数字* = 原文数字连写在一起" in legend
