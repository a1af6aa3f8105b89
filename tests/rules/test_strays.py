"""Lines of values no read row claims (rules/strays.py): an unread row's lines are its own GL108 finding,
never named again by GL104's unread warning."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.config import Config
from govlint.diagnostics import Severity
from govlint.model import Report
from govlint.rules import strays

from .builder import SEED_003

SPACED = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "pdftotext_spaced.txt"
#: Seed 003's 第二十条第（八）项 sub-table, as printed.
PART_8 = "第二十条第（八）项\t\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n"


def test_an_unread_rows_line_is_one_finding_not_two() -> None:
    """(五)2 prints eight values for seven columns (unread, GL108); the labels of (五)3 and (五)4 are lost, so
    their value lines are stray (GL104's unread warning), which names those two lines only."""
    text = SPACED.read_text(encoding="utf-8")
    eight = "              2.重复申请                       " + "      ".join("0" * 8)
    text = text.replace("              2.重复申请                       " + "      ".join("0" * 7), eight)
    for label in ("3.要求提供公开出版物", "4.无正当理由大量反复申请"):
        text = text.replace(label, " " * len(label))
    found = govlint.lint_text(text).diagnostics
    (unread,) = [d for d in found if d.code == "GL108"]
    (missing,) = [d for d in found if d.code == "GL104"]
    assert unread.location.line == 33 and "2.重复申请" in text.split("\n")[32]
    assert (missing.unread, missing.severity) == (True, Severity.WARNING)
    assert missing.location.line == 34
    assert "第34、35行" in missing.message_zh and "33" not in missing.message_zh


def test_a_part_not_found_beside_unclaimed_values_is_unread_not_missing_and_not_silent() -> None:
    """Section 二 without its (八) sub-table: an error when nothing else is printed there; when a line of values
    no row claims stands in 二, the part may be among them: one unread warning, never silence."""
    seed, part = SEED_003.read_text("utf-8"), PART_8
    assert part in seed
    missing = [d for d in govlint.lint_text(seed.replace(part, "")).diagnostics if d.code == "GL103"]
    assert [(d.severity, d.unread) for d in missing] == [(Severity.ERROR, False)]
    stray = seed.replace(part, "本年度情况如下。\n12  3  4  5\n")
    unread = [d for d in govlint.lint_text(stray).diagnostics if d.code == "GL103"]
    assert [(d.severity, d.unread) for d in unread] == [(Severity.WARNING, True)]
    assert "第二十条第（八）项" in unread[0].message_zh and "未核对" in unread[0].message_zh


def test_a_section_is_scanned_once_for_all_the_rules_that_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    """GL103 (the part not found), GL303 (its fee row not found) and GL104 ask about the same section 二: its
    lines are scanned once per report (#15 §4: shared analyses handed in), with the findings unchanged."""
    seed, part = SEED_003.read_text("utf-8"), PART_8
    text = seed.replace(part, "12  3  4  5\n")
    scans: list[tuple[int, int]] = []
    covered = strays._covered

    def counted(report: Report, lo: int, hi: int) -> tuple[list[int], list[int]]:
        scans.append((lo, hi))
        return covered(report, lo, hi)

    monkeypatch.setattr(strays, "_covered", counted)
    found = govlint.lint_text(text, config=Config(select=("GL103", "GL104", "GL303"))).diagnostics
    assert {d.code for d in found} == {"GL103"} and all(d.unread for d in found)
    assert scans and sorted(scans) == sorted(set(scans))


@pytest.mark.parametrize(
    ("line", "values"),
    [("－ 3 －", False), ("— 12 —", False), ("3 / 12", False), ("- 3 -", False), ("12", True), ("12  3  4", True)],
)
def test_a_page_number_is_no_line_of_values_but_a_lone_number_may_be_one(line: str, values: bool) -> None:
    """The page numbers the PDF reader drops (``schema.PAGE_NUMBER``: ``－ 3 －`` with full-width hyphens
    too) are no values a row may have lost: section 二 without its (八) part beside one is missing the part
    (GL103's error); a lone number may be a value printed a cell a line, so beside it the part is unread."""
    seed, part = SEED_003.read_text("utf-8"), PART_8
    found = [d for d in govlint.lint_text(seed.replace(part, f"{line}\n")).diagnostics if d.code == "GL103"]
    assert [(d.severity, d.unread) for d in found] == [(Severity.WARNING, True) if values else (Severity.ERROR, False)]
