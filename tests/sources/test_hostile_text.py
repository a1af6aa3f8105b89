"""Hostile text reports not in the first hostile corpus (issue 16, measured again): a sentence holding a
run of white space or blank lines that the prose rules scanned once per character (quadratic: 20 KB of
blank lines took 28 s, 100 KB of spaces ran into the time limit).  Each file is checked through the
runner's time limit, far above what the linear reading needs, so a quadratic one fails the test.  And
standard input that never ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_files import run_govlint
from source_support import SEEDS

from govlint.config import Config
from govlint.runner import Task
from govlint.runner.work import process_within

REPORT = SEEDS[0].read_text("utf-8")
#: Far above the second the linear reading takes; the quadratic one took minutes.
LIMIT = 20.0


@pytest.mark.parametrize(
    "inside",
    [" " * 2_000_000, "\n" * 200_000, "\n\t" * 200_000, "\n" * 200_000 + "（一）", "一\n" * 200_000],
    ids=["spaces", "blank-lines", "indented-blank-lines", "blank-lines-before-an-item", "short-lines"],
)
def test_a_sentence_with_a_huge_run_of_white_space_is_checked_in_linear_time(tmp_path: Path, inside: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"{REPORT}\n本年度共受理{inside}申请3件，办结3件。\n", encoding="utf-8")
    (outcome,) = process_within(Task(str(path), Config()), LIMIT)
    assert outcome.unreadable is None, outcome.unreadable
    assert outcome.result.diagnostics  # checked: the seed's own findings are there


@pytest.mark.parametrize("command", ["check", "parse"])
def test_endless_standard_input_is_refused_at_the_size_limit(command: str) -> None:
    """``cat /dev/zero | govlint check -`` read standard input to its end, which never came; it is read to
    one byte past the 50 MB limit and refused with one line (under a 1 GB address space, which the whole
    input would exhaust)."""
    with open("/dev/zero", "rb") as zeros:
        done = run_govlint(command, "--lang", "en", "-", stdin=zeros)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert "file too large" in done.stdout + done.stderr
