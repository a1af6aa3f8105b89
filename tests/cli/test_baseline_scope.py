"""``--write-baseline`` over part of the reports keeps the entries of the others (issue #16 §4, nothing lost).

A run over one folder rewrote the baseline with that folder's findings alone: the entries of every other
report, and the reasons a reviewer had written for them, were gone.
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import Run


def _entries(path: Path) -> list[tuple[str, str, str]]:
    findings = json.loads(path.read_text(encoding="utf-8"))["findings"]
    return sorted((f["path"], f["code"], f["reason"]) for f in findings)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_writing_the_baseline_of_one_folder_keeps_the_others_entries(project: Path, run: Run) -> None:
    _write(project / "reports" / "city" / "a.txt", "错误\n")
    _write(project / "reports" / "county" / "b.txt", "存疑\n错误\n")
    baseline = project / "baseline.json"
    assert run("check", "reports", "--write-baseline", "baseline.json")[0] == 0
    whole = _entries(baseline)
    assert [path for path, _, _ in whole] == ["reports/city/a.txt", *["reports/county/b.txt"] * 2]
    data = json.loads(baseline.read_text(encoding="utf-8"))  # a reviewer fills in a reason
    for finding in data["findings"]:
        finding["reason"] = "已知"
    baseline.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    code, out, err = run("check", "reports/city", "--write-baseline", "baseline.json")
    assert (code, out) == (0, "")
    assert err.splitlines()[-1] == "govlint: 保留了本次未检查的文件原有的 2 条记录"
    assert _entries(baseline) == [(path, code, "已知") for path, code, _ in whole]

    # inside the run's folder: a mended finding goes, and so does the entry of a file that is gone
    _write(project / "reports" / "city" / "a.txt", "正常\n")
    _write(project / "reports" / "county" / "c.txt", "正常\n")
    (project / "reports" / "county" / "b.txt").unlink()
    assert run("check", "reports/city", "--write-baseline", "baseline.json", "--lang", "en")[0] == 0
    assert [path for path, _, _ in _entries(baseline)] == ["reports/county/b.txt"] * 2
    code, _, err = run("check", "reports", "--write-baseline", "baseline.json", "--lang", "en")
    assert code == 0 and _entries(baseline) == [] and "kept" not in err


def test_a_file_left_out_of_the_run_keeps_its_entries(project: Path, run: Run) -> None:
    _write(project / "reports" / "a.txt", "错误\n")
    _write(project / "reports" / "draft.txt", "存疑\n")
    assert run("check", "reports", "--write-baseline", "baseline.json")[0] == 0
    assert run("check", "reports", "--exclude", "draft.txt", "--write-baseline", "baseline.json")[0] == 0
    assert [path for path, _, _ in _entries(project / "baseline.json")] == ["reports/a.txt", "reports/draft.txt"]


def test_a_compilation_left_out_keeps_its_reports_entries(project: Path, run: Run) -> None:
    """A compilation's findings are recorded under ``汇编.txt#2``, a name no file has: left out of a run,
    its entries were taken for those of a file that is gone, and dropped."""
    compilation = Path(__file__).resolve().parents[1] / "fixtures" / "compilation" / "pingtan_2023.txt"
    _write(project / "reports" / "a.txt", "错误\n")
    text = compilation.read_text(encoding="utf-8").replace("通知", "").replace("年度报告\n", "年度报告\n错误\n")
    _write(project / "reports" / "all.txt", text)
    assert run("check", "reports", "--write-baseline", "baseline.json")[0] == 0
    whole = [path for path, _, _ in _entries(project / "baseline.json")]
    assert "reports/all.txt#2" in whole

    assert run("check", "reports", "--exclude", "all.txt", "--write-baseline", "baseline.json")[0] == 0
    assert [path for path, _, _ in _entries(project / "baseline.json")] == whole
    (project / "reports" / "all.txt").unlink()  # gone: its reports' entries go too
    assert run("check", "reports", "--write-baseline", "baseline.json")[0] == 0
    assert [path for path, _, _ in _entries(project / "baseline.json")] == ["reports/a.txt"]


def test_a_narrower_selection_keeps_the_entries_of_the_codes_left_out(project: Path, run: Run) -> None:
    """``--select`` over the same files rewrote the baseline with the selected codes alone: the entries of
    the others, and their reasons, were gone although the run never looked for them."""
    _write(project / "reports" / "a.txt", "错误\n存疑\n")
    baseline = project / "baseline.json"
    assert run("check", "reports", "--write-baseline", "baseline.json")[0] == 0
    whole = _entries(baseline)
    assert len({code for _, code, _ in whole}) == 2
    code, _, err = run("check", "reports", "--select", whole[0][1], "--write-baseline", "baseline.json")
    assert code == 0 and err.splitlines()[-1] == "govlint: 保留了本次未选择的规则原有的 1 条记录"
    assert _entries(baseline) == whole
