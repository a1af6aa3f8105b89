"""Hostile and careless folders of the fourth round (issue 16, measured again with other files): each case
here failed before its fix.  govlint's own output written into the folder being checked (``-o review.html``,
``-o 问题.txt``) was read on the next run as a report and drew false errors, and the same ``-o`` a second
time was refused as "one of the reports being checked" (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from source_support import FIXTURES, SEEDS

from govlint import cli
from govlint.config import Config
from govlint.runner import Task
from govlint.runner.work import process_within
from govlint.sources import REPORT_EXTENSIONS
from govlint.sources.own import own_output

SEED = SEEDS[0].read_text("utf-8")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    return folder


def _checked(folder: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, dict[str, list[str]]]:
    """The exit code of ``check --format json`` over ``folder``, and the codes found in each file."""
    capsys.readouterr()
    status = cli.main(["check", "--format", "json", *options, str(folder)])
    found: dict[str, list[str]] = {}
    for diagnostic in json.loads(capsys.readouterr().out)["diagnostics"]:
        found.setdefault(Path(diagnostic["path"]).name, []).append(diagnostic["code"])
    return status, found


OUTPUTS = [
    ("html", "review.html", ["--format", "html"]),
    ("text", "问题.txt", ["--format", "text"]),
    ("text", "问题.md", ["--format", "concise"]),
    ("text", "统计.txt", ["--statistics"]),
    ("json", "out.txt", ["--format", "json"]),
    ("json", "统计.txt", ["--statistics", "--format", "json"]),
    ("sarif", "out.txt", ["--format", "sarif"]),
    ("github", "out.txt", ["--format", "github"]),
    ("csv", "out.txt", ["--format", "csv"]),
    ("baseline", "baseline.txt", ["--write-baseline"]),
]


@pytest.mark.parametrize("output", OUTPUTS, ids=[f"{o[0]}-{o[1]}" for o in OUTPUTS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_govlint_output_in_the_folder_is_skipped_as_its_own_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: tuple[str, str, list[str]], lang: str
) -> None:
    """Written by an earlier run (-o, --write-baseline or a redirected stdout) and met by the next run: one
    GL002 notice saying it is govlint's own output, and the exit code of the run without it."""
    kind, name, options = output
    folder = _folder(tmp_path)
    alone = _checked(folder, capsys)
    target = folder / name
    if options == ["--write-baseline"]:
        cli.main(["check", "--write-baseline", str(tmp_path / "b.json"), str(folder)])
        target.write_bytes((tmp_path / "b.json").read_bytes())
    else:
        cli.main(["check", "--lang", lang, *options, "-o", str(target), str(folder)])
    assert target.exists()
    status, found = _checked(folder, capsys, "--lang", lang)
    assert found.pop(name) == ["GL002"]
    if kind == "csv":  # and the findings' table written beside it
        assert found.pop("out.findings.txt") == ["GL002"]
    assert (status, found) == alone
    (outcome,) = process_within(Task(str(target), Config(lang=lang)), 60.0)
    (notice,) = outcome.result.diagnostics
    assert notice.key == "not-a-report.govlint-output"
    message = notice.message(lang)
    assert f"govlint's own {kind} output" in message if lang == "en" else f"govlint 自己写出的 {kind} 输出" in message


@pytest.mark.parametrize("arguments", [["parse"], ["parse", "--format", "text"]])
def test_the_output_of_govlint_parse_is_not_read_as_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    """``govlint parse a.txt > parsed.txt`` quotes the report's title, headings and tables."""
    folder = _folder(tmp_path)
    alone = _checked(folder, capsys)
    cli.main([*arguments, str(folder / "a.txt")])
    (folder / "parsed.txt").write_text(capsys.readouterr().out, encoding="utf-8")
    status, found = _checked(folder, capsys)
    assert found.pop("parsed.txt") == ["GL002"]
    assert (status, found) == alone


def test_the_runs_own_output_in_the_folder_is_never_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o review.html`` into the folder being checked, twice: the second run was refused (exit 2, "one of the
    reports being checked"); it now neither reads the page nor refuses, and the page it writes lists a.txt only."""
    folder = _folder(tmp_path)
    alone = _checked(folder, capsys)[0]
    page = folder / "review.html"
    for _ in range(2):
        assert cli.main(["check", "-q", "--format", "html", "-o", str(page), str(folder)]) == alone
        assert "a.txt" in page.read_text("utf-8")
        assert "review.html" not in page.read_text("utf-8")
    for options in (["--format", "json"], ["--format", "csv"], ["-j", "2"]):
        capsys.readouterr()
        assert cli.main(["check", "-q", *options, "-o", str(folder / "out.txt"), str(folder)]) == alone
        assert "out.txt" not in (folder / "out.txt").read_text("utf-8")
        assert "out.txt" not in capsys.readouterr().err


@pytest.mark.parametrize("named", [False, True])
def test_output_onto_a_report_being_checked_is_still_refused(tmp_path: Path, named: bool) -> None:
    """Only govlint's own output is replaced: a report in the folder, or any file named as a path, is not."""
    folder = _folder(tmp_path)
    report = folder / "a.txt"
    paths = [str(report), str(folder)] if named else [str(folder)]
    assert cli.main(["check", "-q", "-o", str(report), *paths]) == 2
    assert report.read_text("utf-8") == SEED
    page = folder / "review.html"
    cli.main(["check", "-q", "--format", "html", "-o", str(page), str(folder)])
    if named:
        before = page.read_bytes()
        assert cli.main(["check", "-q", "--format", "html", "-o", str(page), str(page), str(folder)]) == 2
        assert page.read_bytes() == before


def test_no_report_of_the_fixtures_is_taken_for_govlint_output() -> None:
    """The start of every real report govlint has (text, web pages, Word, PDF) is none of its outputs'."""
    files = [path for path in FIXTURES.rglob("*") if path.suffix.lower() in REPORT_EXTENSIONS]
    assert len(files) > 100
    assert [path for path in files if own_output(path.read_bytes()) is not None] == []
