"""``govlint check``: paths, exit codes, formats, selection, configuration, baselines."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from cli_support import Run

from govlint import cli


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- exit codes -------------------------------------------------------------------------------------------


def test_a_clean_report_exits_0(project: Path, run: Run) -> None:
    write(project / "clean.txt", "一切正常\n")
    code, out, err = run("check", "clean.txt")
    assert (code, err) == (0, "")
    assert out == "未发现问题。\n"


def test_an_error_exits_1_and_shows_the_place(project: Path, run: Run) -> None:
    write(project / "bad.txt", "第一行\n表格\t有错误\n")
    code, out, err = run("check", "bad.txt")
    assert (code, err) == (1, "")
    assert out.splitlines()[:4] == [
        "bad.txt:2:5: TS001 [错误] 不应出现错误",
        "  |",
        "2 | 表格    有错误",
        "  |           ^^^^",
    ]


def test_warnings_fail_only_from_the_fail_level(project: Path, run: Run) -> None:
    write(project / "doubt.txt", "数据存疑\n")
    assert run("check", "doubt.txt")[0] == 0
    assert run("check", "doubt.txt", "--fail-on", "warning")[0] == 1
    write(project / ".govlint.toml", 'plugins = ["office_rules"]\nselect = ["TS"]\nfail-on = "warning"\n')
    assert run("check", "doubt.txt")[0] == 1
    assert run("check", "doubt.txt", "--fail-on", "error")[0] == 0


def test_exit_zero(project: Path, run: Run) -> None:
    write(project / "bad.txt", "错误")
    code, out, _ = run("check", "--exit-zero", "bad.txt")
    assert code == 0 and "TS001" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "a command is required"),
        (("check",), "the following arguments are required: PATH"),
        (("check", "--format", "xml", "a.txt"), "invalid choice: 'xml'"),
        (("check", "--no-such-option", "a.txt"), "unrecognized arguments: --no-such-option"),
        (("check", "--baseline", "b.json", "--write-baseline", "c.json", "a.txt"), "not allowed with argument"),
        (("check", "--stdin-filename", "x.txt", "a.txt"), "--stdin-filename is only used with -"),
        (("lint", "a.txt"), "invalid choice: 'lint'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(project: Path, run: Run, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args, "--lang", "en")
    assert code == 2 and out == ""
    line = one_line(err)
    assert line.startswith("govlint: usage error: ") and message in line


def test_a_missing_file_exits_2_and_the_others_are_still_checked(project: Path, run: Run) -> None:
    write(project / "bad.txt", "错误")
    code, out, err = run("check", "missing.txt", "bad.txt")
    assert (code, err) == (2, "")
    assert out.splitlines()[0] == "missing.txt:1:1: GL001 [未能读取] 无法读取此文件，未检查：文件不存在"
    assert "bad.txt:1:1: TS001" in out
    assert out.splitlines()[-1] == "共 1 个问题（错误 1，警告 0，提示 0）；未能读取 1 处。"


def test_an_unreadable_input_exits_2_and_is_in_every_format(project: Path, run: Run) -> None:
    write(project / "junk.txt", "坏输入")
    write(project / "ok.txt", "正常")
    code, out, err = run("check", "junk.txt", "ok.txt")
    assert (code, err) == (2, "")
    assert out == (
        "junk.txt:1:1: GL001 [未能读取] 无法读取此文件，未检查：不是文本文件（二进制数据）\n"
        "未发现问题；未能读取 1 处。\n"
    )
    code, out, _ = run("check", "--lang", "en", "junk.txt")
    assert code == 2
    assert (
        out.splitlines()[0]
        == "junk.txt:1:1: GL001 [unread] cannot read this file, not checked: not a text file (binary data)"
    )
    assert out.splitlines()[-1] == "No problems found; 1 place could not be read."

    code, out, _ = run("check", "--format", "json", "junk.txt", "ok.txt")
    data = json.loads(out)
    assert code == 2
    [notice] = data["diagnostics"]
    assert (notice["code"], notice["path"], notice["key"], notice["actual"], notice["unread"]) == (
        "GL001",
        "junk.txt",
        "unreadable.binary",
        "binary",
        True,
    )
    assert data["summary"] == {"error": 0, "warning": 0, "info": 0, "unread": 1, "skipped": 0, "baselined": 0}

    code, out, _ = run("check", "--format", "sarif", "junk.txt", "ok.txt")
    [sarif_run] = json.loads(out)["runs"]
    assert code == 2
    [result] = sarif_run["results"]
    assert (result["ruleId"], result["kind"], result["level"]) == ("GL001", "open", "none")
    [invocation] = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["associatedRule"]["id"] == "GL001"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "junk.txt"

    code, out, _ = run("check", "--format", "github", "junk.txt", "ok.txt")
    assert code == 2
    assert out.startswith("::notice file=junk.txt,line=1,col=1,")
    assert "GL001 [未能读取] 无法读取此文件" in out


def test_an_unreadable_file_is_reported_whatever_the_selection(project: Path, run: Run) -> None:
    code, out, _ = run("check", "--select", "TS001", "missing.txt")
    assert code == 2
    assert out.startswith("missing.txt:1:1: GL001 ")


def test_a_document_that_is_not_a_report_gets_one_notice(project: Path, run: Run) -> None:
    write(project / "notice.txt", "关于放假的通知 错误")
    write(project / ".govlint.toml", 'plugins = ["office_rules"]\n')
    code, out, err = run("check", "notice.txt")
    assert (code, err) == (0, "")
    assert out == "notice.txt:1:1: GL002 [提示] 不是年度报告，已跳过\n未发现问题；跳过 1 个文件。\n"
    code, out, _ = run("check", "--ignore", "GL002", "notice.txt")
    assert (code, out) == (0, "未发现问题。\n")


def test_a_parser_failure_on_one_file_is_reported_and_the_rest_checked(project: Path, run: Run) -> None:
    write(project / "a.txt", "解析失败")
    write(project / "b.txt", "错误")
    code, out, err = run("check", "--lang", "en", "a.txt", "b.txt")
    assert (code, err) == (2, "")
    assert out.startswith(
        "a.txt:1:1: GL001 [unread] cannot read this file, not checked: internal error while parsing (IndexError"
    )
    assert "b.txt:1:1: TS001" in out


def test_a_failing_rule_exits_2_and_the_findings_are_shown(project: Path, run: Run) -> None:
    write(project / "r.txt", "崩溃 错误")
    code, out, err = run("check", "r.txt")
    assert (code, err) == (2, "")
    assert "r.txt:1:4: TS003" not in out
    assert "r.txt:1:4: TS001" in out
    assert "内部错误: 插件 'office-rules' 的规则 TS003（crash）检查本报告时出错：RuntimeError: rule bug" in out


def test_interrupt_and_broken_pipe_and_internal_errors(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / "r.txt", "错误")

    def interrupt(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_check", interrupt)
    code, _, err = run("check", "r.txt")
    assert (code, one_line(err)) == (130, "govlint: 已中断")

    def bug(args: object) -> int:
        raise AttributeError("'NoneType' object has no attribute 'x'")

    monkeypatch.setattr(cli, "run_check", bug)
    code, _, err = run("check", "r.txt", "--lang", "en")
    assert code == 2
    assert one_line(err).startswith("govlint: internal error: AttributeError")


def test_a_closed_pipe_ends_quietly(project: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "r.txt", "错误")

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli.sys, "stdout", ClosedPipe())
    code, _, err = run("check", "r.txt")
    assert (code, err) == (1, "")


# -- paths ------------------------------------------------------------------------------------------------


def test_directories_are_searched_for_reports(project: Path, run: Run) -> None:
    write(project / "reports" / "b.txt", "错误")
    write(project / "reports" / "a" / "x.HTML", "错误")
    write(project / "reports" / "a" / "notes.csv", "错误")
    write(project / "reports" / ".hidden" / "y.txt", "错误")
    code, out, _ = run("check", "reports")
    assert code == 1
    paths = [line.split(":")[0] for line in out.splitlines() if "TS001" in line]
    assert paths == [os.path.join("reports", "a", "x.HTML"), os.path.join("reports", "b.txt")]


def test_a_directory_without_reports_exits_2(project: Path, run: Run) -> None:
    (project / "empty").mkdir()
    code, _, err = run("check", "empty")
    assert code == 2
    assert one_line(err) == "govlint: empty: 该文件夹中没有报告文件"


def test_an_error_line_is_not_cut_at_a_newline_in_a_path(project: Path, run: Run) -> None:
    (project / "空\n\x1b[2J目录").mkdir()
    code, _, err = run("check", "空\n\x1b[2J目录", "--lang", "en")
    assert code == 2
    assert one_line(err) == "govlint: 空\\n\\x1b[2J目录: no report files in this directory"


def test_standard_input(project: Path, run: Run) -> None:
    code, out, _ = run("check", "-", stdin="有错误".encode())
    assert code == 1
    assert out.startswith("<stdin>:1:2: TS001")
    code, out, _ = run("check", "-", "--stdin-filename", "sub/年报.txt", stdin="有错误".encode())
    assert out.startswith("sub/年报.txt:1:2: TS001")


# -- selection, options, language -------------------------------------------------------------------------


def test_command_line_selection_overrides_the_file(project: Path, run: Run) -> None:
    write(project / "r.txt", "错误 存疑")
    codes = lambda out: [line.split()[1] for line in out.splitlines() if ": TS" in line]  # noqa: E731
    assert codes(run("check", "r.txt")[1]) == ["TS001", "TS002"]
    assert codes(run("check", "r.txt", "--ignore", "TS001")[1]) == ["TS002"]
    assert codes(run("check", "r.txt", "--select", "ts002")[1]) == ["TS002"]
    assert codes(run("check", "r.txt", "--select", "TS001", "--extend-select", "TS002")[1]) == ["TS001", "TS002"]
    code, _, err = run("check", "r.txt", "--select", "T-1")
    assert code == 2 and "'T-1' 不是规则代码或前缀" in one_line(err)
    code, _, err = run("check", "r.txt", "--select", "T-1", "--lang", "en")
    assert code == 2 and "'T-1' is not a rule code or prefix" in one_line(err)


def test_reference_date_and_language(project: Path, run: Run) -> None:
    write(project / "r.txt", "今天 错误")
    code, out, _ = run("check", "r.txt", "--reference-date", "2025-02-01", "--lang", "en")
    assert "TS004 [info] 2025-02-01" in out
    assert "TS001 [error] 错误 must not appear" in out
    assert out.endswith("Found 2 problems (1 errors, 0 warnings, 1 info).\n")
    code, _, err = run("check", "r.txt", "--reference-date", "yesterday", "--lang", "en")
    assert code == 2 and "--reference-date: 'yesterday' is not a date" in one_line(err)


def test_per_file_ignores_relative_to_the_config_file(project: Path, run: Run) -> None:
    write(project / "2019" / "r.txt", "错误")
    write(project / "2020" / "r.txt", "错误")
    write(
        project / ".govlint.toml",
        'plugins = ["office_rules"]\nselect = ["TS"]\n[per-file-ignores]\n"2019/*.txt" = ["TS001"]\n',
    )
    code, out, _ = run("check", "2019", "2020")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines() if "TS001" in line] == [os.path.join("2020", "r.txt")]


def test_the_nearest_config_applies_to_each_file(project: Path, run: Run) -> None:
    write(project / "2019" / "r.txt", "错误")
    write(project / "2019" / ".govlint.toml", 'select = ["GL"]\n')  # the local rules are not loaded here
    write(project / "2020" / "r.txt", "错误")
    code, out, _ = run("check", "2019", "2020")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines() if "TS001" in line] == [os.path.join("2020", "r.txt")]


def test_an_explicit_config_file_is_used_for_every_path(project: Path, run: Run) -> None:
    write(project / "sub" / ".govlint.toml", 'select = ["GL"]\n')
    write(project / "sub" / "r.txt", "错误")
    write(project / "ci.toml", 'plugins = ["office_rules"]\nselect = ["TS001"]\n')
    code, out, _ = run("check", "--config", "ci.toml", "sub/r.txt")
    assert code == 1 and "TS001" in out


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('select = "GL1\n', "invalid TOML"),
        ('plugins = ["office_rules"]\nselect = ["TS"]\nunknown-key = 1\n', "unknown setting 'unknown-key'"),
        ('plugins = ["no_such_rules_module"]\n', "'no_such_rules_module'"),
        ('plugins = ["office_rules"]\nrequired-plugins = ["office-rules>=2"]\n', "version 0.1 of office-rules"),
    ],
)
def test_configuration_and_plugin_errors_exit_2(project: Path, run: Run, config: str, message: str) -> None:
    write(project / ".govlint.toml", config)
    write(project / "r.txt", "错误")
    code, out, err = run("check", "r.txt", "--lang", "en")
    assert (code, out) == (2, "")
    assert message in one_line(err)


# -- formats ----------------------------------------------------------------------------------------------


def test_machine_readable_formats(project: Path, run: Run) -> None:
    write(project / "r.txt", "错误\n存疑")
    code, out, _ = run("check", "r.txt", "--format", "json")
    assert code == 1
    assert [(d["code"], d["line"]) for d in json.loads(out)["diagnostics"]] == [("TS001", 1), ("TS002", 2)]
    code, out, _ = run("check", "r.txt", "--format", "sarif")
    run_ = json.loads(out)["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["TS001", "TS002", "TS003", "TS004"]
    assert [r["ruleId"] for r in run_["results"]] == ["TS001", "TS002"]
    code, out, _ = run("check", "r.txt", "--format", "github")
    assert out.splitlines()[0].startswith("::error file=r.txt,line=1,col=1,endLine=1,endColumn=3,")
    code, out, _ = run("check", "r.txt", "--statistics")
    assert out.splitlines() == ["1  TS001  [错误] 不应出现错误", "1  TS002  [警告] 不应出现存疑"]


def test_colour_only_when_asked_or_on_a_terminal(project: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "r.txt", "错误")
    assert "\033[" not in run("check", "r.txt")[1]
    assert "\033[31m" in run("check", "r.txt", "--color", "always")[1]
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True)
    assert "\033[31m" in run("check", "r.txt")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in run("check", "r.txt")[1]


# -- baselines --------------------------------------------------------------------------------------------


def digest(paths: list[Path]) -> dict[Path, tuple[str, float]]:
    return {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime) for p in paths}


def test_a_baseline_reports_only_new_findings(project: Path, run: Run) -> None:
    report = write(project / "r.txt", "错误\n")
    inputs = digest([report])
    code, out, err = run("check", "r.txt", "--write-baseline", "baseline.json")
    assert (code, out) == (0, "")
    assert one_line(err) == "govlint: 已把 1 个问题记录到 baseline.json"
    assert json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"][0]["code"] == "TS001"
    code, out, _ = run("check", "r.txt", "--baseline", "baseline.json")
    assert code == 0
    assert out == "未发现问题；另有 1 个已记入基线的问题未显示。\n"
    # A new fault is reported; the recorded one is not.
    report.write_text("错误\n又一个错误\n", encoding="utf-8")
    code, out, _ = run("check", "r.txt", "--baseline", "baseline.json", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1
    assert [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r["baselineState"]) for r in results] == [
        (1, "unchanged"),
        (2, "new"),
    ]
    assert digest([report]) != inputs  # (the test changed it, govlint did not: see below)


def test_a_baseline_lists_the_waivers_that_match_nothing_any_more(project: Path, run: Run) -> None:
    """Issue 14 item 13: a mended fault's waiver is named on stderr, so the reviewer can remove it."""
    report = write(project / "r.txt", "错误\n存疑\n")
    assert run("check", "r.txt", "--write-baseline", "baseline.json")[0] == 0
    code, _, err = run("check", "r.txt", "--baseline", "baseline.json")
    assert (code, err) == (0, "")
    report.write_text("存疑\n", encoding="utf-8")  # the 错误 was mended
    code, out, err = run("check", "r.txt", "--baseline", "baseline.json")
    assert code == 0 and out == "未发现问题；另有 1 个已记入基线的问题未显示。\n"
    head, entry = err.splitlines()
    assert head == "govlint: baseline.json 中有 1 条记录已不再对应任何问题（已改正或已变化），可以删除："
    assert entry.startswith("  r.txt:1: TS001 不应出现错误  [")
    code, _, err = run("check", "r.txt", "--baseline", "baseline.json", "--lang", "en")
    assert err.splitlines()[0].startswith("govlint: 1 entries of baseline.json match no finding any more")


def test_govlint_never_writes_its_inputs(project: Path, run: Run) -> None:
    reports = [write(project / "a.txt", "错误"), write(project / "b.txt", "存疑")]
    before = digest(reports)
    run("check", "a.txt", "b.txt")
    run("check", "a.txt", "b.txt", "--write-baseline", "base.json")
    run("check", "a.txt", "b.txt", "--baseline", "base.json", "--format", "sarif")
    code, _, err = run("check", "a.txt", "b.txt", "--write-baseline", "b.txt")
    assert code == 2 and "--write-baseline b.txt 是被检查的报告之一" in one_line(err)
    assert digest(reports) == before


def test_a_bad_baseline_exits_2(project: Path, run: Run) -> None:
    write(project / "r.txt", "错误")
    write(project / "baseline.json", "{}")
    code, _, err = run("check", "r.txt", "--lang", "en", "--baseline", "baseline.json")
    assert code == 2 and "not a govlint baseline" in one_line(err)
    code, _, err = run("check", "r.txt", "--baseline", "none.json")
    assert code == 2 and "无法读取基线文件" in one_line(err)  # in the user's language (it was English only)


def test_skipped_symlinks_and_unreadable_folders_are_findings(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / "reports" / "a.txt", "正常")
    write(project / "reports" / "locked" / "b.txt", "错误")
    write(project / "outside.txt", "秘密")
    (project / "reports" / "link.txt").symlink_to(project / "outside.txt")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run("check", "--extend-select", "GL0", "reports")
    assert (code, err) == (2, "")
    lines = out.splitlines()
    link, locked = os.path.join("reports", "link.txt"), os.path.join("reports", "locked")
    assert f"{link}:1:1: GL004 [警告] 符号链接指向 {project / 'outside.txt'}，未跟随，已跳过" in out
    assert lines[1] == f"{locked}:1:1: GL005 [未能读取] 无法读取此文件夹，其中的文件未检查：没有权限"
    assert lines[-1] == "未发现问题；未能读取 1 处；跳过 1 个文件。"


# -- output modes, -o and streams --------------------------------------------------------------------------


def test_quiet_concise_and_nothing_found(project: Path, run: Run) -> None:
    write(project / "bad.txt", "第一行\n表格\t有错误\n")
    write(project / "ok.txt", "正常")
    code, out, _ = run("check", "-q", "bad.txt")
    assert code == 1
    assert out.splitlines()[0] == "bad.txt:2:5: TS001 [错误] 不应出现错误" and "共 1 个问题" not in out
    code, out, _ = run("check", "--output-format", "concise", "bad.txt", "ok.txt")
    assert (code, out) == (1, "bad.txt:2:5: TS001 [错误] 不应出现错误\n共 1 个问题（错误 1，警告 0，提示 0）。\n")
    code, out, _ = run("check", "--format", "concise", "-q", "bad.txt")
    assert out == "bad.txt:2:5: TS001 [错误] 不应出现错误\n"
    for mode in ((), ("-q",), ("--format", "concise"), ("--statistics",), ("--statistics", "-q")):
        assert run("check", *mode, "ok.txt")[1] == "未发现问题。\n", mode
    assert run("check", "-q", "--lang", "en", "ok.txt")[1] == "No problems found.\n"
    assert json.loads(run("check", "--statistics", "--format", "json", "ok.txt")[1]) == []


def test_statistics_are_written_in_text_or_json_and_refused_otherwise(project: Path, run: Run) -> None:
    write(project / "bad.txt", "错误 错误")
    assert run("check", "--statistics", "bad.txt")[1] == "2  TS001  [错误] 不应出现错误\n"
    [row] = json.loads(run("check", "--statistics", "--format", "json", "bad.txt")[1])
    assert (row["code"], row["count"]) == ("TS001", 2)
    for fmt in ("sarif", "github"):
        code, out, err = run("check", "--statistics", "--format", fmt, "bad.txt", "--lang", "en")
        assert (code, out) == (2, "")
        assert f"--statistics cannot be written as {fmt}" in one_line(err)


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
def test_output_file_is_written_whole_or_not_at_all(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    write(project / "bad.txt", "错误")
    code, out, err = run("check", "--format", fmt, "-o", "out/result", "bad.txt", "--lang", "en")
    assert (code, out) == (2, "")
    assert one_line(err).startswith("govlint: out/result: cannot write the output (No such file or directory)")
    (project / "out").mkdir()
    code, out, err = run("check", "--format", fmt, "-o", "out/result", "bad.txt")
    assert (code, out, err) == (1, "", "")
    assert "TS001" in (project / "out" / "result").read_text(encoding="utf-8")
    assert "\033[" not in (project / "out" / "result").read_text(encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("govlint.parsing.parse_document", interrupted, raising=False)
    write(project / "out" / "result", "old")
    assert run("check", "--format", fmt, "-o", "out/result", "bad.txt")[0] == 130
    assert (project / "out" / "result").read_text(encoding="utf-8") == "old"
    assert os.listdir(project / "out") == ["result"]


def test_output_never_overwrites_an_input(project: Path, run: Run) -> None:
    write(project / "bad.txt", "错误")
    code, _, err = run("check", "-o", "bad.txt", "bad.txt", "--lang", "en")
    assert code == 2 and "--output bad.txt is one of the reports being checked" in one_line(err)
    assert (project / "bad.txt").read_text(encoding="utf-8") == "错误"


@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        ("> /dev/full", "govlint: cannot write the output (No space left on device)"),
        (">&-", "govlint: standard output is closed"),
    ],
)
def test_a_full_disk_or_closed_stdout_is_one_line(tmp_path: Path, redirect: str, message: str) -> None:
    import subprocess
    import sys

    (tmp_path / "r.txt").write_text("某某局2023年政府信息公开工作年度报告\n" * 2000, encoding="utf-8")
    command = f"{sys.executable} -m govlint check --isolated --lang en r.txt {redirect}"
    done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (2, message + "\n")


def test_a_closed_stdin_is_an_unreadable_input(tmp_path: Path) -> None:
    import subprocess
    import sys

    command = f"{sys.executable} -m govlint check --isolated --format concise - <&-"
    done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (2, "")
    assert done.stdout.startswith("<stdin>:1:1: GL001 [未能读取] 无法读取此文件，未检查：标准输入已关闭\n")
