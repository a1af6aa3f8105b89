"""``--max-findings-per-rule`` and ``max-findings-per-rule``: the notice of what was not listed reaches
every output format, in one language, and the exit status does not change (issue #16)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_support import Run

MANY = "错误\n" * 7


@pytest.fixture
def many(project: Path) -> Path:
    (project / "many.txt").write_text(MANY, encoding="utf-8")
    return project


def test_the_option_lists_the_first_and_counts_the_rest(many: Path, run: Run) -> None:
    code, out, err = run("check", "many.txt", "--max-findings-per-rule", "3", "--format", "json")
    assert (code, err) == (1, "")
    found = json.loads(out)["diagnostics"]
    assert [(d["line"], d.get("omitted")) for d in found] == [(1, None), (2, None), (3, None), (4, 4)]
    assert "另有 4 个 TS001 问题未逐条列出" in found[-1]["message"]
    code, every, _ = run("check", "many.txt", "--max-findings-per-rule", "0", "--format", "json")
    assert code == 1 and len(json.loads(every)["diagnostics"]) == 7
    assert json.loads(every)["summary"] == json.loads(out)["summary"]


def test_the_config_key_and_the_option_over_it(many: Path, run: Run) -> None:
    (many / ".govlint.toml").write_text(
        'plugins = ["office_rules"]\nselect = ["TS"]\nmax-findings-per-rule = 2\n', encoding="utf-8"
    )
    code, out, _ = run("check", "many.txt", "--lang", "en", "-q")
    assert code == 1
    assert out.count("many.txt:") == 3 and "5 more TS001 findings not listed" in out
    assert "个" not in out
    assert run("check", "many.txt", "-q", "--max-findings-per-rule", "0")[1].count("many.txt:") == 7


@pytest.mark.parametrize("value", ["-1", "x", "1.5", "true"])
def test_a_bad_value_is_one_line(many: Path, run: Run, value: str) -> None:
    code, out, err = run("check", "many.txt", f"--max-findings-per-rule={value}")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    toml = value if value in ("-1", "true", "1.5") else '"x"'
    (many / ".govlint.toml").write_text(f'select = ["TS"]\nmax-findings-per-rule = {toml}\n', encoding="utf-8")
    code, out, err = run("check", "many.txt")
    assert code == 2 and "max-findings-per-rule" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "html"])
def test_every_format_says_what_was_not_listed(many: Path, run: Run, fmt: str) -> None:
    code, out, err = run("check", "many.txt", "--max-findings-per-rule", "3", "--format", fmt)
    assert (code, err) == (1, "")
    assert "另有 4 个 TS001 问题未逐条列出" in out


def test_the_score_table_counts_every_finding(many: Path, run: Run) -> None:
    # The CSV is one row per report, counts per code: the same with and without the cap.
    capped = run("check", "many.txt", "--max-findings-per-rule", "3", "--format", "csv")
    assert capped == run("check", "many.txt", "--max-findings-per-rule", "0", "--format", "csv")
    assert capped[1].splitlines()[1].endswith(",7")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_statistics_count_every_finding(many: Path, run: Run, fmt: str) -> None:
    capped = run("check", "many.txt", "--statistics", "--format", fmt, "--max-findings-per-rule", "3")
    assert capped == run("check", "many.txt", "--statistics", "--format", fmt, "--max-findings-per-rule", "0")
    assert "7" in capped[1]


def test_the_workbook_says_it_too(many: Path, run: Run) -> None:
    code, _, err = run("check", "many.txt", "--max-findings-per-rule", "3", "--format", "xlsx", "-o", "out.xlsx")
    assert (code, err) == (1, "")
    book = openpyxl.load_workbook(io.BytesIO((many / "out.xlsx").read_bytes()), read_only=True)
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row]
    assert any("另有 4 个 TS001 问题未逐条列出" in c for c in cells)
