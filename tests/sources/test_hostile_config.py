"""Configurations and rosters not in the first hostile corpus (issue 16, measured again): a 1 MB string in
a configuration gave one line, but the line quoted the whole value (a megabyte on the terminal): it is
clipped, what it says about the file and the key stays.  A roster that is a pipe, huge, or holds a field
over the csv module's limit is one line too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_files import run_govlint
from source_support import SEEDS

from govlint import cli
from govlint.errors import MAX_MESSAGE


@pytest.mark.parametrize(
    ("setting", "key"),
    [('lang = "' + "x" * 1_000_000 + '"', "lang"), ('select = ["' + "GL1" * 300_000 + '"]', "select")],
    ids=["long-string", "long-selector"],
)
def test_a_huge_value_in_a_configuration_is_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, key: str
) -> None:
    (tmp_path / "report.txt").write_text(SEEDS[0].read_text("utf-8"), encoding="utf-8")
    given = tmp_path / "given.toml"
    given.write_text(setting + "\n", encoding="utf-8")
    assert cli.main(["check", "--lang", "en", "--config", str(given), str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert len(error) < MAX_MESSAGE + 100 and error.count("\n") == 1
    assert str(given) in error and f"{key}:" in error
    # discovered beside the reports: passed over with one line, the run goes on
    (tmp_path / ".govlint.toml").write_text(setting + "\n", encoding="utf-8")
    assert cli.main(["check", "--lang", "en", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert len(error) < MAX_MESSAGE + 100 and "configuration ignored" in error


@pytest.mark.parametrize("kind", ["pipe", "huge", "long-field"])
def test_a_hostile_roster_is_one_line(tmp_path: Path, kind: str) -> None:
    """A named pipe given as the roster hung the run; a field over the csv module's limit was an internal
    error; a roster of any size was read whole (98 MB: 3.5 GB and 33 s)."""
    roster = tmp_path / "roster.csv"
    if kind == "pipe":
        os.mkfifo(roster)
    elif kind == "huge":
        with open(roster, "wb") as handle:
            handle.write("单位,层级\n".encode())
            handle.truncate(60 << 20)  # sparse: refused by its size before it is read
    else:
        roster.write_text('单位,层级\n"' + "x" * 200_000 + "\n", encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "report.txt").write_text(SEEDS[0].read_text("utf-8"), encoding="utf-8")
    done = run_govlint("check", "--lang", "en", "--roster", str(roster), str(folder))
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr[-2000:]
    assert lines[0].startswith(f"govlint: {roster}") and "internal error" not in lines[0]


@pytest.mark.parametrize("option", ["--baseline", "--write-baseline", "--config"])
@pytest.mark.parametrize("kind", ["pipe", "zeros"])
def test_a_baseline_or_configuration_that_never_ends_is_one_line(tmp_path: Path, option: str, kind: str) -> None:
    """A pull request can commit a baseline or configuration that is a symlink to ``/dev/zero``: it was read
    until memory ran out (a pipe: the run hung).  Either is refused as not a regular file (under a 1 GB
    address space, which reading the whole of it would exhaust)."""
    named = tmp_path / ("named.json" if "baseline" in option else "named.toml")
    if kind == "pipe":
        os.mkfifo(named)
    else:
        os.symlink("/dev/zero", named)
    (tmp_path / "report.txt").write_text(SEEDS[0].read_text("utf-8"), encoding="utf-8")
    done = run_govlint("check", "--lang", "en", option, str(named), str(tmp_path / "report.txt"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr[-2000:]
    assert "not a regular file" in done.stderr or "不是普通文件" in done.stderr
