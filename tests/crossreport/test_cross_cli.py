"""``govlint check`` runs the cross-report phase: its findings go through selection, per-file ignores,
severities, baselines and every output format like any finding; ``--history`` adds references."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govlint.cli import main

PINGTAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "pingtan"
CARRY = "048_agri_2023.txt:10:1974: GL501 [警告] 上年结转政府信息公开申请数量（总计）应为 0"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The 农业农村局's 2022 and 2023 reports: 2022 carries 0 forward, 2023 starts from 7."""
    for name in ("047_agri_2022.txt", "048_agri_2023.txt"):
        shutil.copy(PINGTAN / name, tmp_path / name)
    return tmp_path


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--reference-date", "2025-06-01", *args])
    return code, capsys.readouterr().out


def test_text_output_shows_the_carry_over(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys, "--select", "GL501", str(folder))
    assert code == 0
    assert f"{folder}/{CARRY}（上年报告 {folder}/047_agri_2022.txt:10:3523 结转下年度继续办理），实际为 7" in out
    assert out.count("GL501") == 1


def test_json_and_sarif_list_the_finding(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _check(capsys, "--select", "GL501", "--format", "json", str(folder))
    (finding,) = json.loads(out)["diagnostics"]
    assert (finding["code"], finding["path"], finding["key"]) == (
        "GL501",
        str(folder / "048_agri_2023.txt"),
        "applications.carried_over.total",
    )
    _, out = _check(capsys, "--select", "GL501", "--format", "sarif", str(folder))
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["ruleId"] == "GL501"


def test_per_file_ignores_and_severities_apply(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / ".govlint.toml").write_text('select = ["GL501"]\nseverity = { GL501 = "error" }\n', encoding="utf-8")
    code, out = _check(capsys, str(folder))
    assert code == 1
    assert "GL501 [错误]" in out
    (folder / ".govlint.toml").write_text(
        'select = ["GL501"]\n[per-file-ignores]\n"048_*" = ["GL5"]\n', encoding="utf-8"
    )
    code, out = _check(capsys, str(folder))
    assert (code, "GL501" in out) == (0, False)


def test_baseline_records_and_hides_the_finding(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = folder.parent / "baseline.json"
    _check(capsys, "--select", "GL501", "--write-baseline", str(baseline), str(folder))
    (recorded,) = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert recorded["code"] == "GL501"
    code, out = _check(capsys, "--select", "GL501", "--baseline", str(baseline), str(folder))
    assert code == 0
    assert "GL501 [" not in out
    assert "另有 1 个已记入基线的问题未显示" in out


def test_history_is_compared_with_but_not_checked(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history = folder / "history"
    history.mkdir()
    (folder / "047_agri_2022.txt").rename(history / "047_agri_2022.txt")
    _, out = _check(capsys, "--select", "GL", "--history", str(history), str(folder / "048_agri_2023.txt"))
    assert f"{folder}/{CARRY}" in out
    assert "047_agri_2022.txt:" not in out.replace(f"{history}/047_agri_2022.txt:10:3523", "")
    _, out = _check(capsys, "--select", "GL501", str(folder / "048_agri_2023.txt"))
    assert "GL501" not in out


def test_a_history_that_is_not_a_folder_is_refused_before_the_run(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--select", "GL501", "--history", str(folder / "missing"), str(folder)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == f"govlint: history：{folder / 'missing'} 不是文件夹\n"


def test_history_from_the_configuration(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "old").mkdir()
    (folder / "047_agri_2022.txt").rename(folder / "old" / "047_agri_2022.txt")
    (folder / "now").mkdir()
    (folder / "048_agri_2023.txt").rename(folder / "now" / "048_agri_2023.txt")
    (folder / ".govlint.toml").write_text('select = ["GL501"]\nhistory = "old"\n', encoding="utf-8")
    _, out = _check(capsys, str(folder / "now"))
    assert out.count("GL501") == 1


def test_no_cross_rule_selected_keeps_no_digest(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys, "--select", "GL1", str(folder))
    assert "GL5" not in out
    assert code != 2
