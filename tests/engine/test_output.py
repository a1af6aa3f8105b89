"""Output formats: text carets by display width, json, sarif (against the schema), github, statistics."""

from __future__ import annotations

import email.message
import importlib.metadata
import json
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from engine_support import report
from sarif_schema import official_schema

import govlint
from govlint import output, plugins
from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.linter import lint_report
from govlint.output import FileOutput, OutputOptions, formatter, visible
from govlint.output import sarif as sarif_output
from govlint.output.sarif import FINGERPRINT_KEY, SarifFormatter, help_uri
from govlint.output.text import caret_line, char_width
from govlint.rule import RuleMeta

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def outputs(sample_plugins: plugins.Plugins, *texts: tuple[str, str]) -> list[FileOutput]:
    files = []
    for path, text in texts:
        result = lint_report(report(text, path=path), plugins=sample_plugins)
        files.append(FileOutput(path, result.diagnostics, result.errors, (), text))
    return files


def render(name: str, files: list[FileOutput], sample_plugins: plugins.Plugins, **options: Any) -> str:
    statistics = options.pop("statistics", False)
    out = formatter(name, OutputOptions(**options), statistics=statistics)
    return "".join(out.file(f) for f in files) + out.finish(sample_plugins.metas())


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# -- text -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "column", "end", "marked"),
    [
        ("（七）总计\t30\tX1", 10, 12, "X1"),  # after full-width text and tabs
        ("本年新收政府信息公开申请数量X", 15, 16, "X"),
        ("abc X def", 5, 6, "X"),
        ("a\u0301bX", 4, 5, "X"),  # a combining accent takes no column
    ],
)
def test_the_caret_sits_under_the_cell(line: str, column: int, end: int, marked: str) -> None:
    shown, marker = caret_line(line, column, end)
    start = marker.index("^")
    assert marker.count("^") == width(marked)
    # The shown text up to the caret has exactly the caret's display width.
    prefix = "".join(ch for ch in shown if not unicodedata.combining(ch))
    columns = 0
    index = 0
    while columns < start:
        columns += width(prefix[index])
        index += 1
    assert columns == start
    assert prefix[index:].startswith(marked)
    assert "\t" not in shown


def test_a_long_line_is_shown_as_a_window_around_the_finding() -> None:
    line = "数" * 300 + "X" + "字" * 300
    shown, marker = caret_line(line, 301, 302)
    assert shown.startswith("...") and shown.endswith("...")
    assert width(shown) <= 110
    start = marker.index("^")
    assert width(shown[: shown.index("X")]) == start


def test_char_width() -> None:
    assert [char_width(c) for c in "a中，１\u0301"] == [1, 2, 2, 2, 0]


def test_text_output_shows_message_source_and_caret(sample_plugins: plugins.Plugins) -> None:
    text = render("text", outputs(sample_plugins, ("报告.txt", "（一）总计\tX\n")), sample_plugins)
    lines = text.splitlines()
    assert lines[0] == "报告.txt:1:7: TS001 [错误] 发现 X，应为 Y"
    assert lines[1:4] == ["  |", "1 | （一）总计  X", "  |             ^"]
    assert lines[-1] == "共 1 个问题（错误 1，警告 0，提示 0）。"
    assert "\033[" not in text


def test_text_output_in_english_with_colour(sample_plugins: plugins.Plugins) -> None:
    text = render("text", outputs(sample_plugins, ("r.txt", "W")), sample_plugins, lang="en", color=True)
    assert "\033[33m[warning]\033[0m found W, expected Y" in text
    assert text.endswith("Found 1 problem (0 errors, 1 warnings, 0 info).\n")


def test_text_output_names_the_page_and_cell_of_structured_sources() -> None:
    location = Location("年报.pdf", 12, 5, 12, 7, page=3, table=2, row=4, cell_column=5)
    d = Diagnostic("GL201", Severity.ERROR, "总计应为 31，实际为 30", "total should be 31, is 30", location)
    out = formatter("text", OutputOptions())
    assert out.file(FileOutput("年报.pdf", (d,))).startswith("年报.pdf:12:5 (第3页 表2 第4行 第5列): GL201")
    out = formatter("text", OutputOptions(lang="en"))
    assert "(page 3, table 2, row 4, column 5)" in out.file(FileOutput("年报.pdf", (d,)))
    assert d.to_dict()["page"] == 3 and d.to_dict()["cell_column"] == 5


def test_text_output_reports_rule_failures_and_baselined_counts(sample_plugins: plugins.Plugins) -> None:
    files = outputs(sample_plugins, ("r.txt", "crash"))
    files[0] = FileOutput("r.txt", (), files[0].errors, files[0].diagnostics, "crash")
    text = render("text", files, sample_plugins)
    assert "r.txt: 内部错误: 插件 'test-plugin' 的规则 TS003（crash）检查本报告时出错" in text
    assert text.endswith("未发现问题；1 条规则运行出错。\n")


# -- json -------------------------------------------------------------------------------------------------


def test_json_output(sample_plugins: plugins.Plugins) -> None:
    data = json.loads(render("json", outputs(sample_plugins, ("a.txt", "X W"), ("b.txt", "crash")), sample_plugins))
    assert data["files"] == 2
    assert data["summary"] == {"error": 1, "warning": 1, "info": 0, "unread": 0, "skipped": 0, "baselined": 0}
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in data["diagnostics"]] == [
        ("a.txt", "TS001", 1, 1),
        ("a.txt", "TS002", 1, 3),
    ]
    assert data["diagnostics"][0]["message"] == "发现 X，应为 Y"
    assert [e["code"] for e in data["errors"]] == ["TS003"]


def test_json_written_a_finding_at_a_time_is_the_whole_documents_dump() -> None:
    """The findings go to a spool as their report is done; the document is still exactly ``json.dumps(...,
    indent=2)`` of the whole, with the escapes of ``to_json`` (a bidi control, a byte of a file name that is
    not UTF-8, a NUL, a nested value), and an empty run has ``"diagnostics": []``."""

    def finding(path: str, message: str, expected: Any) -> Diagnostic:
        return Diagnostic("GL201", Severity.ERROR, message, "x", Location(path, 2, 3, 2, 5), expected=expected)

    files = [
        FileOutput("a\udcff.txt", (finding("a\udcff.txt", "应为\u202e 31\x00", [1, {"k": [2]}]),)),
        FileOutput("empty.txt", ()),
        FileOutput("b.txt", tuple(finding("b.txt", f"第{i}项", None) for i in range(3))),
    ]
    for given in (files, files[1:2]):
        out = formatter("json", OutputOptions())
        for f in given:
            out.file(f)
        text = out.finish()
        assert text == output.to_json(json.loads(text))
        data = json.loads(text)
        assert data["diagnostics"] == [json.loads(output.to_json(d.to_dict())) for f in given for d in f.diagnostics]
        assert list(data) == ["tool", "version", "files", "summary", "diagnostics", "errors", "reports", "scoring"]


# -- sarif ------------------------------------------------------------------------------------------------


def sarif(sample_plugins: plugins.Plugins, files: list[FileOutput], tmp_path: Path, **options: Any) -> dict[str, Any]:
    out = SarifFormatter(OutputOptions(**options), cwd=str(tmp_path))
    for f in files:
        out.file(f)
    data: dict[str, Any] = json.loads(out.finish(sample_plugins.metas()))
    jsonschema.validate(data, official_schema(), format_checker=jsonschema.FormatChecker())
    return data


def test_sarif_is_valid_and_complete(sample_plugins: plugins.Plugins, tmp_path: Path) -> None:
    files = outputs(sample_plugins, (str(tmp_path / "年报" / "a b.txt"), "第一行\n数X"), ("/elsewhere/r.txt", "crash"))
    data = sarif(sample_plugins, files, tmp_path)
    (run,) = data["runs"]
    assert data["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TS001", "TS002", "TS003", "TS004", "TS005"]
    assert rules[1]["defaultConfiguration"] == {"level": "warning"}
    assert "```text\nX\n```" in rules[0]["help"]["markdown"]
    (result,) = run["results"]
    assert result["ruleId"] == "TS001" and rules[result["ruleIndex"]]["id"] == "TS001"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "%E5%B9%B4%E6%8A%A5/a%20b.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 2, "startColumn": 2, "endLine": 2, "endColumn": 3}
    assert result["partialFingerprints"] == {FINGERPRINT_KEY: files[0].diagnostics[0].fingerprint}
    assert "baselineState" not in result
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["associatedRule"] == {"id": "TS003", "index": 2}
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/r.txt"}


def test_sarif_marks_the_baseline_state(sample_plugins: plugins.Plugins, tmp_path: Path) -> None:
    (file,) = outputs(sample_plugins, ("r.txt", "X W"))
    split = FileOutput("r.txt", file.diagnostics[1:], (), file.diagnostics[:1], file.text)
    data = sarif(sample_plugins, [split], tmp_path, baseline=True)
    states = [(r["ruleId"], r["baselineState"]) for r in data["runs"][0]["results"]]
    assert states == [("TS001", "unchanged"), ("TS002", "new")]


def test_sarif_fingerprints_are_stable(sample_plugins: plugins.Plugins, tmp_path: Path) -> None:
    first = sarif(sample_plugins, outputs(sample_plugins, ("r.txt", "X")), tmp_path)
    moved = sarif(sample_plugins, outputs(sample_plugins, ("r.txt", "\n\nabc X")), tmp_path)
    fingerprint = [r["runs"][0]["results"][0]["partialFingerprints"] for r in (first, moved)]
    assert fingerprint[0] == fingerprint[1]


def test_sarif_carries_structured_places_and_handles_empty_regions(tmp_path: Path) -> None:
    location = Location("年报.docx", 3, 1, 3, 1, table=1, row=2, cell_column=3)
    d = Diagnostic("GL105", Severity.INFO, "空", "empty", location, key="applications.x.y")
    out = SarifFormatter(OutputOptions(lang="en"), cwd=str(tmp_path))
    out.file(FileOutput("年报.docx", (d,)))
    data = json.loads(out.finish())
    jsonschema.validate(data, official_schema(), format_checker=jsonschema.FormatChecker())
    (result,) = data["runs"][0]["results"]
    assert result["level"] == "note" and "ruleIndex" not in result
    assert result["properties"] == {"table": 1, "row": 2, "cell_column": 3, "key": "applications.x.y"}
    assert data["runs"][0]["language"] == "en-US"


# -- github -----------------------------------------------------------------------------------------------


def test_github_annotations_escape_their_data(sample_plugins: plugins.Plugins) -> None:
    location = Location("dir/a,b:c.txt", 2, 3, 2, 5)
    d = Diagnostic("GL201", Severity.WARNING, "应为 31%\n实际 30", "x", location)
    out = formatter("github", OutputOptions())
    assert out.file(FileOutput("dir/a,b:c.txt", (d,))) == (
        "::warning file=dir/a%2Cb%3Ac.txt,line=2,col=3,endLine=2,endColumn=5,title=govlint GL201::"
        "GL201 应为 31%25\\n实际 30\n"
    )
    text = render("github", outputs(sample_plugins, ("r.txt", "X crash")), sample_plugins)
    assert text.splitlines()[0].startswith("::error file=r.txt,line=1,col=1,")
    assert text.splitlines()[1].startswith("::error file=r.txt,title=govlint::插件 'test-plugin'")


# -- statistics -------------------------------------------------------------------------------------------


def test_statistics_count_per_code(sample_plugins: plugins.Plugins) -> None:
    files = outputs(sample_plugins, ("a.txt", "X X W"), ("b.txt", "X"))
    text = render("text", files, sample_plugins, statistics=True)
    assert text.splitlines() == ["3  TS001  [错误] 测试规则 mark-x", "1  TS002  [警告] 测试规则 mark-w"]
    data = json.loads(render("json", files, sample_plugins, statistics=True, lang="en"))
    assert data == [
        {"code": "TS001", "count": 3, "severity": "error", "unread": False, "summary": "test rule mark-x"},
        {"code": "TS002", "count": 1, "severity": "warning", "unread": False, "summary": "test rule mark-w"},
    ]


def test_statistics_count_unread_places_apart_after_the_problems() -> None:
    def finding(code: str, unread: bool) -> Diagnostic:
        return Diagnostic(code, Severity.WARNING, "未能读取", "unread", Location("r.txt", 1, 1, 1, 2), unread=unread)

    found = (finding("GL108", True), finding("GL108", True), finding("GL101", True), finding("GL101", False))
    out = formatter("text", OutputOptions(), statistics=True)
    out.file(FileOutput("r.txt", found))
    assert out.finish().splitlines() == ["1  GL101  [警告]", "2  GL108  [未能读取]", "1  GL101  [未能读取]"]
    out = formatter("json", OutputOptions(), statistics=True)
    out.file(FileOutput("r.txt", found))
    rows = json.loads(out.finish())
    assert [(r["code"], r["count"], r["severity"], r["unread"]) for r in rows] == [
        ("GL101", 1, "warning", False),
        ("GL108", 2, "warning", True),
        ("GL101", 1, "warning", True),
    ]


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        formatter("xml", OutputOptions())


# -- hostile text and names -------------------------------------------------------------------------------

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\u202egnp.exe\x85"


def hostile_diagnostic(path: str) -> Diagnostic:
    location = Location(path, 1, 1, 1, 2)
    return Diagnostic("GL105", Severity.ERROR, f"单元格“{HOSTILE}”", f"cell “{HOSTILE}”", location)


def test_text_output_shows_controls_and_bidi_visibly_and_quotes_a_path_with_a_newline() -> None:
    d = hostile_diagnostic("a\n::warning::b.txt")
    out = formatter("text", OutputOptions())
    text = out.file(FileOutput(d.location.path, (d,), text=f"X{HOSTILE}\n"))
    assert text.splitlines()[0] == (
        '"a\\n::warning::b.txt":1:1: GL105 [错误] 单元格“\\x1b]0;pwned\\x07\\x1b[2J\\u202egnp.exe\\x85”'
    )
    assert text.splitlines()[2] == "1 | X\\x1b]0;pwned\\x07\\x1b[2J\\u202egnp.exe\\x85"
    assert not any(ch in text for ch in "\x1b\x07\x85\u202e")


def test_every_character_visible_escapes_is_one_that_is_not_printable() -> None:
    """:func:`govlint.output.visible` returns printable text as it is: it must hold nothing to escape."""
    escaped = [chr(code) for code in range(sys.maxunicode + 1) if re.fullmatch(output._INVISIBLE, chr(code))]
    assert len(escaped) > 2048 and not any(char.isprintable() for char in escaped)
    assert all(visible(char) != char for char in escaped)
    assert visible("\u3000a\x1b") == "\u3000a\\x1b"  # not printable, escaped where it must be


def test_github_output_cannot_start_a_workflow_command_or_carry_controls() -> None:
    d = hostile_diagnostic("a\n::warning::b.txt")
    out = formatter("github", OutputOptions())
    text = out.file(FileOutput(d.location.path, (d,)))
    assert text.count("\n") == 1 and text.startswith("::error file=a\\n%3A%3Awarning%3A%3Ab.txt,")
    assert not any(ch in text for ch in "\x1b\x07\x85\u202e")
    assert text.endswith("::GL105 单元格“\\x1b]0;pwned\\x07\\x1b[2J\\u202egnp.exe\\x85”\n")


def test_a_file_name_that_is_not_utf8_survives_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"\xff\xfe\xe5\xb9\xb4.txt")  # two undecodable bytes, then 年
    d = Diagnostic("GL201", Severity.ERROR, "总计不符", "total differs", Location(name, 1, 1, 1, 2))
    texts = {}
    for fmt in ("text", "json", "sarif", "github"):
        out = SarifFormatter(OutputOptions(), cwd=str(tmp_path)) if fmt == "sarif" else formatter(fmt, OutputOptions())
        texts[fmt] = out.file(FileOutput(name, (d,))) + out.finish()
        texts[fmt].encode("utf-8")  # strict: no lone surrogate left
    assert texts["text"].startswith("\\xff\\xfe年.txt:1:1: GL201")
    assert "file=\\xff\\xfe年.txt," in texts["github"]
    assert json.loads(texts["json"])["diagnostics"][0]["path"] == name
    [result] = json.loads(texts["sarif"])["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%FF%FE%E5%B9%B4.txt"


def test_a_line_of_megabytes_is_measured_only_around_each_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    from govlint.output import text as text_module

    measured: list[int] = []
    real_display = text_module.display

    def counting_display(line: str) -> tuple[list[str], list[int]]:
        measured.append(len(line))
        return real_display(line)

    monkeypatch.setattr(text_module, "display", counting_display)
    line = "数\t" * 5_000_000
    findings = tuple(
        Diagnostic("GL201", Severity.ERROR, "总计不符", "differs", Location("big.txt", 1, c, 1, c + 1))
        for c in (1, 4_000_001, 9_999_999)
    )
    out = formatter("text", OutputOptions()).file(FileOutput("big.txt", findings, text=line))
    assert len(measured) == 3 and max(measured) <= 1000
    assert out.count("^^") == 3 and len(out) < 2000


def test_sarif_of_a_real_report_with_every_builtin_rule_is_valid(tmp_path: Path) -> None:
    """The built-in rules' pages and a seed's findings (unread cells among them) against the OASIS schema."""
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_46fcf760ef5bf81c.txt"
    result = govlint.lint_file(seed)
    assert result.diagnostics
    out = SarifFormatter(OutputOptions(lang="zh"), cwd=str(tmp_path))
    out.file(FileOutput(str(seed), result.diagnostics, result.errors, (), seed.read_text(encoding="utf-8")))
    data = json.loads(out.finish(plugins.load_plugins().metas()))
    jsonschema.validate(data, official_schema(), format_checker=jsonschema.FormatChecker())
    assert len(data["runs"][0]["tool"]["driver"]["rules"]) == len(plugins.load_plugins().rules)


def test_sarif_links_each_builtin_rule_to_its_page_in_the_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """helpUri is docs/rules/CODE.md under [project.urls] Documentation, a page the docs hold for every
    built-in rule; a plugin rule has its own help_url or none."""
    docs = "https://govlint.example.org/docs/"
    monkeypatch.setattr(sarif_output, "project_urls", lambda: {"Documentation": docs})
    loaded = plugins.load_plugins()
    out = SarifFormatter(OutputOptions(lang="zh"), cwd=str(tmp_path))
    own = RuleMeta(
        "XY001", "own-page", "test", Severity.WARNING, "有", "has", "why", "bad", "good", help_url=docs + "x"
    )
    bare = attrs.evolve(own, code="XY002", help_url=None)
    data = json.loads(out.finish([*loaded.metas(), own, bare]))
    jsonschema.validate(data, official_schema(), format_checker=jsonschema.FormatChecker())
    rules = {r["id"]: r for r in data["runs"][0]["tool"]["driver"]["rules"]}
    builtin = [code for code in rules if code.startswith("GL")]
    assert len(builtin) >= 40
    docs_folder = Path(__file__).resolve().parents[2] / "docs"
    for code in builtin:
        assert rules[code]["helpUri"] == f"https://govlint.example.org/docs/rules/{code}.md"
        assert (docs_folder / "rules" / f"{code}.md").is_file()
    assert rules["XY001"]["helpUri"] == docs + "x"
    assert "helpUri" not in rules["XY002"]


@pytest.mark.parametrize(
    "docs", ["https://example.invalid/govlint/docs", "ftp://host.org/docs", "docs/", "https:///docs", None]
)
def test_no_help_uri_that_cannot_work(monkeypatch: pytest.MonkeyPatch, docs: str | None) -> None:
    monkeypatch.setattr(sarif_output, "project_urls", lambda: {} if docs is None else {"Documentation": docs})
    meta = plugins.load_plugins(entry_points=False).metas()[0]
    assert meta.code.startswith("GL")
    assert help_uri(meta) is None


def test_the_help_uri_comes_from_pyproject() -> None:
    """Run from the source tree, the addresses are pyproject.toml's [project.urls]: the one place to set them
    (a placeholder under .invalid until govlint has a public home, so no helpUri yet)."""
    sarif_output.project_urls.cache_clear()
    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert sarif_output.project_urls() == pyproject["project"]["urls"]
    assert sarif_output.DOCS_URL_LABEL in pyproject["project"]["urls"]


def test_an_installed_govlint_reads_its_addresses_from_its_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a source tree (no pyproject.toml of govlint's beside the package), the wheel's Project-URL
    entries give the addresses."""
    monkeypatch.setattr(govlint, "__file__", str(tmp_path / "lib" / "site-packages" / "govlint" / "__init__.py"))
    message = email.message.Message()
    message["Project-URL"] = "Documentation, https://govlint.example.org/docs"
    message["Project-URL"] = "Repository, https://govlint.example.org/git"
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: message)
    sarif_output.project_urls.cache_clear()
    try:
        urls = sarif_output.project_urls()
    finally:
        sarif_output.project_urls.cache_clear()
    assert urls == {
        "Documentation": "https://govlint.example.org/docs",
        "Repository": "https://govlint.example.org/git",
    }
