"""``govlint check`` over the five seed reports, with the real parser and the built-in rules."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

#: The findings at error level each seed must have (issue 3, "Done when"), and no others.
EXPECTED = {
    "000": Counter({"GL105": 4, "GL407": 1}),
    "001": Counter({"GL101": 1, "GL103": 1, "GL301": 1}),
    "002": Counter({"GL204": 2}),
    "003": Counter(),
    "004": Counter({"GL105": 1}),
}


def check(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "govlint", "check", "--reference-date", "2025-06-01", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


def test_the_seed_folder_gives_the_known_findings_and_exit_1() -> None:
    done = check(str(SEEDS), "--format", "json")
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    data = json.loads(done.stdout)
    assert data["files"] == 5 and data["errors"] == []
    found: dict[str, Counter[str]] = {seed: Counter() for seed in EXPECTED}
    for d in data["diagnostics"]:
        if d["severity"] == "error":
            found[Path(d["path"]).name[:3]][d["code"]] += 1
    assert found == EXPECTED


def test_a_clean_seed_exits_0_and_a_defective_one_1() -> None:
    clean = check(str(SEEDS / "003_0ab25f721fbf8f7b.txt"))
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "未发现问题。\n", "")
    defective = check(str(SEEDS / "004_46fcf760ef5bf81c.txt"), "--lang", "en")
    assert defective.returncode == 1
    assert defective.stdout.splitlines()[0].startswith(f"{SEEDS / '004_46fcf760ef5bf81c.txt'}:48:")
    assert "GL105 [error]" in defective.stdout.splitlines()[0]


def test_sarif_of_the_seeds_marks_a_baseline(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert check(str(SEEDS), "--write-baseline", str(baseline)).returncode == 0
    done = check(str(SEEDS), "--baseline", str(baseline), "--format", "sarif")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["runs"][0]["results"]
    assert results and {r["baselineState"] for r in results} == {"unchanged"}
