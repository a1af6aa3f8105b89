"""File names and report text holding controls, in the formats the first hostile corpus did not check
(issue 16 §3, measured again): JSON and SARIF kept DEL, C1 controls (``\\x9b`` is a terminal's CSI) and bidi
overrides raw, and ``govlint parse`` printed them raw in both its formats, with a file name's line break
starting a line of its own (``::error file=x::``, a GitHub Actions command).  Each is now escaped, and
JSON still gives back the exact name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from source_support import SEEDS

from govlint import cli

#: DEL, C1 CSI, bidi override, right-to-left isolate, line separator, Arabic letter mark.
RAW = "\x7f\x9b\u202e\u2067\u2028\u061c"
NAME = f"name{RAW}.txt"


def _written(folder: Path, name: str) -> Path:
    text = SEEDS[0].read_text("utf-8").replace("一、总体情况", f"一、总体情况{RAW}\x1b]0;pwned\x07", 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _raw_controls(shown: str) -> set[str]:
    return {char for char in shown if char in RAW or (char < " " and char not in "\n")}


@pytest.mark.parametrize("output", ["json", "sarif"])
def test_json_formats_escape_controls_and_keep_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    """Two copies of a report: the cross-report finding (GL5xx) names the other file in its message."""
    paths = {str(_written(tmp_path, NAME)), str(_written(tmp_path, "copy.txt"))}
    cli.main(["check", "--lang", "en", "--format", output, str(tmp_path)])
    shown = capsys.readouterr().out
    assert not _raw_controls(shown)
    assert "\\u009b" in shown and "\\u202e" in shown
    data = json.loads(shown)
    if output == "json":
        assert {d["path"] for d in data["diagnostics"]} == paths
    else:
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
        assert uris and all(uri.endswith(".txt") for uri in uris)


@pytest.mark.parametrize("output", ["json", "text"])
def test_parse_escapes_controls_in_names_and_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    paths = [_written(tmp_path, NAME), _written(tmp_path, "line\n::error file=x::forged.txt")]
    assert cli.main(["parse", "--format", output, *map(str, paths)]) == 0
    shown = capsys.readouterr().out
    assert not _raw_controls(shown)
    assert not any(line.startswith("::error") for line in shown.splitlines())
    if output == "json":
        assert [json.loads(line)["path"] for line in shown.splitlines()] == [str(p) for p in paths]
