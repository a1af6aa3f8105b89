"""Baselines: what is recorded, what matches later, what stays new."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from engine_support import report

from govlint import cli, plugins
from govlint.baseline import Baseline, dump, finding_key, report_identity
from govlint.errors import InputError
from govlint.linter import lint_report


def baseline_of(tmp_path: Path, *results: object) -> Baseline:
    path = tmp_path / "baseline.json"
    path.write_text(dump(results), encoding="utf-8")  # type: ignore[arg-type]
    return Baseline.load(path)


def test_a_report_is_identified_by_body_and_year_else_by_file_name(sample_plugins: plugins.Plugins) -> None:
    known = lint_report(report("X", path="a/x.txt", agency="某 区 政府", report_year=2023), plugins=sample_plugins)
    assert report_identity(known) == "某区政府|2023"
    unknown = lint_report(report("X", path="dir\\sub\\x.txt"), plugins=sample_plugins)
    assert report_identity(unknown) == "file:x.txt"


def test_recorded_findings_are_unchanged_after_a_move_and_edits_elsewhere(
    tmp_path: Path, sample_plugins: plugins.Plugins
) -> None:
    fields = {"agency": "某区政府", "report_year": 2023}
    before = lint_report(report("abc\nX\n", path="2024/report.txt", **fields), plugins=sample_plugins)
    baseline = baseline_of(tmp_path, before)
    # The same report moved to another folder, with a line added above the finding.
    after = lint_report(report("title\nabc\nX\n", path="archive/report.txt", **fields), plugins=sample_plugins)
    assert after.diagnostics[0].location.line == 3
    assert baseline.split(after) == ((), after.diagnostics)


def test_next_years_report_repeating_a_fault_is_new(tmp_path: Path, sample_plugins: plugins.Plugins) -> None:
    last_year = lint_report(report("X", agency="某区政府", report_year=2023), plugins=sample_plugins)
    this_year = lint_report(report("X", agency="某区政府", report_year=2024), plugins=sample_plugins)
    baseline = baseline_of(tmp_path, last_year)
    assert baseline.split(last_year) == ((), last_year.diagnostics)
    assert baseline.split(this_year) == (this_year.diagnostics, ())


def test_findings_are_counted(tmp_path: Path, sample_plugins: plugins.Plugins) -> None:
    # Every X is the same finding (same code, key and values): the second one is not in the baseline.
    once = lint_report(report("X", path="r.txt"), plugins=sample_plugins)
    baseline = baseline_of(tmp_path, once)
    twice = lint_report(report("XX", path="r.txt"), plugins=sample_plugins)
    new, unchanged = baseline.split(twice)
    assert [d.location.column for d in unchanged] == [1]
    assert [d.location.column for d in new] == [2]


def test_the_file_is_readable_and_sorted(sample_plugins: plugins.Plugins) -> None:
    results = [
        lint_report(report("W\nX", path="b.txt"), plugins=sample_plugins),
        lint_report(report("X", path="a.txt"), plugins=sample_plugins),
    ]
    data = json.loads(dump(results))
    assert data["govlint_baseline"] == 1
    assert [(f["path"], f["line"], f["code"]) for f in data["findings"]] == [
        ("a.txt", 1, "TS001"),
        ("b.txt", 1, "TS002"),
        ("b.txt", 2, "TS001"),
    ]
    assert data["findings"][0]["key"] == finding_key(results[1], results[1].diagnostics[0])
    assert data["findings"][0]["message"] == "发现 X，应为 Y"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read baseline"),
        ("{not json", "invalid JSON"),
        ('{"findings": []}', "not a govlint baseline"),
        ('{"govlint_baseline": 1, "findings": [{"code": "GL1"}]}', "has no key"),
        ("[1, 2]", "not a govlint baseline"),
        ("[" * 100_000, "nested too deeply"),
        ('{"govlint_baseline": 1, "findings": ' + "[" * 100_000, "nested too deeply"),
    ],
)
def test_a_bad_baseline_file_is_an_input_error(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        Baseline.load(path)


def test_write_baseline_does_not_follow_a_symlink_planted_at_a_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    report_file = tmp_path / "report.txt"
    report_file.write_text("2023年度政府信息公开工作年度报告\n", encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    target = tmp_path / "baseline.json"
    (tmp_path / f"baseline.json.tmp{os.getpid()}").symlink_to(victim)
    assert cli.main(["check", str(report_file), "--write-baseline", str(target)]) == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert json.loads(target.read_text(encoding="utf-8"))["govlint_baseline"] == 1


SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "000_3332caad86cf7302.txt"


def test_entries_carry_empty_waiver_fields_and_keep_filled_ones(
    sample_plugins: plugins.Plugins, tmp_path: Path
) -> None:
    result = lint_report(report("X\nX", path="a.txt", agency="某区政府", report_year=2023), plugins=sample_plugins)
    first = json.loads(dump([result]))["findings"]
    assert [(f["reason"], f["person"], f["date"]) for f in first] == [("", "", ""), ("", "", "")]
    first[1].update(reason="已在2024年更正", person="张三", date="2025-01-02")
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"govlint_baseline": 1, "findings": first}), encoding="utf-8")
    again = json.loads(dump([result], previous=Baseline.load(path)))["findings"]
    assert [(f["line"], f["reason"], f["person"], f["date"]) for f in again] == [
        (1, "", "", ""),
        (2, "已在2024年更正", "张三", "2025-01-02"),
    ]


def test_waivers_that_no_longer_match_are_listed(sample_plugins: plugins.Plugins, tmp_path: Path) -> None:
    fields = {"agency": "某区政府", "report_year": 2023}
    before = lint_report(report("X\nW", path="a.txt", **fields), plugins=sample_plugins)
    other = lint_report(report("X", path="b.txt", agency="另一区政府", report_year=2023), plugins=sample_plugins)
    baseline = baseline_of(tmp_path, before, other)
    assert baseline.unmatched() == ()
    fixed = lint_report(report("X\n", path="a.txt", **fields), plugins=sample_plugins)  # W corrected
    baseline.split(fixed)
    # b.txt was not checked in this run: its waiver is not called stale.
    assert [(w.code, w.report, w.line) for w in baseline.unmatched()] == [("TS002", "某区政府|2023", 2)]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"key": "k", "reason": 3}, "baseline entry k: reason must be a string"),
        ({"key": "k", "line": "7"}, "baseline entry k: line must be a number"),
    ],
)
def test_a_waiver_field_of_the_wrong_type_is_an_input_error(
    tmp_path: Path, entry: dict[str, object], message: str
) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"govlint_baseline": 1, "findings": [entry]}), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        Baseline.load(path)


def test_write_baseline_keeps_the_entries_of_a_report_it_could_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED.read_text(encoding="utf-8").replace("洪山镇", "洪水镇"), encoding="utf-8")
    # b.txt is a.txt under another name: GL505 (copied from another body) would depend on b.txt being read.
    ignore = ["--ignore", "GL505"]
    assert cli.main(["check", "--isolated", *ignore, "a.txt", "b.txt", "--write-baseline", "baseline.json"]) == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {f["path"] for f in recorded} == {"a.txt", "b.txt"}
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 500)  # b.txt can no longer be read
    capsys.readouterr()
    assert cli.main(["check", "--isolated", *ignore, "a.txt", "b.txt", "--write-baseline", "baseline.json"]) == 2
    again = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert again == recorded
    kept = sum(1 for f in recorded if f["path"] == "b.txt")
    assert f"govlint: 有 1 个文件未能读取，保留了其原有的 {kept} 条记录" in capsys.readouterr().err
