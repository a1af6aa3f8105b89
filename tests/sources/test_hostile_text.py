"""Hostile text reports not in the first hostile corpus (issue 16, measured again): a sentence holding a
run of white space or blank lines that the prose rules scanned once per character (quadratic: 20 KB of
blank lines took 28 s, 100 KB of spaces ran into the time limit).  Each file is checked through the
runner's time limit, far above what the linear reading needs, so a quadratic one fails the test."""

from __future__ import annotations

from pathlib import Path

import pytest
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
