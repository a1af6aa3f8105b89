"""Lines of values no read row claims (rules/strays.py): an unread row's lines are its own GL108 finding,
never named again by GL104's unread warning."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.diagnostics import Severity

SPACED = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "pdftotext_spaced.txt"


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
