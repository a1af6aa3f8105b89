"""The rules against the seeds' truth files, without the parser.

Each truth file (``tests/fixtures/truth/*.json`` for the seeds, ``corpus/peer/truth/*.json`` for the two
洪泽区 reports) records what a correct parse yields and the real defects.
A report is rebuilt from those values with the test builder (section 六's text is taken from the seed), and
the rules must find exactly the recorded defects at error level: the same acceptance as ``test_seeds`` but
independent of the parser, so the rules' logic is checked on real values.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from govlint.diagnostics import Severity
from govlint.rules import BUILTIN_RULES

from .builder import diagnostics, make_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRUTHS = sorted((FIXTURES / "truth").glob("*.json")) + sorted((FIXTURES / "corpus" / "peer" / "truth").glob("*.json"))
SIX = "六、其他需要报告的事项"
#: The key of each section (spec §10.1), written out rather than taken from the schema the rules use.
SECTION_KEYS = {
    1: "overview",
    2: "active_disclosure",
    3: "applications",
    4: "review_litigation",
    5: "problems_improvements",
    6: "other_matters",
}
DATE_LINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def _zh(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return f"{date.year}年{date.month}月{date.day}日"


def _section_six(seed: Path, agency: str) -> str:
    """The text of section 六 as printed, without the signature (the builder writes its own)."""
    text = seed.read_text(encoding="utf-8")
    start = text.rfind(SIX)
    assert start >= 0
    lines = [line.strip() for line in text[start + len(SIX) :].splitlines()]
    return " ".join(line for line in lines if line and line not in agency and not DATE_LINE.fullmatch(line))


def _source(truth: dict[str, Any]) -> Path:
    seed = FIXTURES / "seeds" / truth["file"]
    return seed if seed.exists() else FIXTURES / "corpus" / "peer" / f"{truth['file']}.pdftotext.txt"


def _rebuild(truth: dict[str, Any]) -> Any:
    seed = _source(truth)
    kwargs: dict[str, Any] = {
        "year": truth["report_year"],
        "agency": truth["agency"],
        "applications": truth["applications"],
        "review": truth["review_litigation"],
        "drop_sections": {1, 2, 3, 4, 5, 6} - set(truth["sections_present"]),
        "fee_text": _section_six(seed, truth["agency"]),
        "signature": _zh(truth["signature_date"]) if truth["signature_date"] else None,
        # 洪泽区 2023/2024 keep the 2019 single (六)其他处理 row in the 2021 layout.
        "mixed": "other.all" in truth["applications"],
    }
    publish = truth["publish_date"]
    # A page date of its own (seed 002's 发布时间, seed 001's 发布日期), not the signature's fallback.
    if publish and (publish != truth["signature_date"] or "发布日期" in seed.read_text(encoding="utf-8")):
        kwargs["metadata_date"] = _zh(publish)
    active = truth["active_disclosure"]
    if active is None:
        kwargs["drop_tables"] = {"active_disclosure"}
    else:
        values: dict[str, Any] = {}
        for row in ("regulations", "normative_documents"):
            values.update(zip((f"{row}.issued", f"{row}.repealed", f"{row}.in_force"), active[row], strict=True))
        for row in ("licensing", "punishment", "enforcement"):
            values[f"{row}.decisions"] = active[row]
        values["fees.amount_10k_yuan"] = active["fees_10k_yuan"]
        kwargs["active"] = values
    return make_report(**kwargs)


def _expected(defect: str) -> tuple[str, str] | None:
    """The finding a truth defect must produce; None for advisory notes no built-in rule checks."""
    kind, _, what = defect.partition(" ")
    if kind in ("label-typo", "other"):
        return None
    if kind == "empty-cell":
        table, _, cell = what.partition(".")
        if table == "active_disclosure" and "." not in cell:  # the truth files' compact shape
            cell = {"fees": "fees.amount_10k_yuan"}.get(cell, f"{cell}.decisions")
        return "GL105", f"{table}.{cell}"
    if kind == "missing-section":
        return "GL101", f"section.{SECTION_KEYS[int(what)]}"
    if kind == "missing-table":
        return "GL103", f"table.{what}"
    if kind == "fee-not-disclosed":
        return "GL301", "section.other_matters.fee"
    if kind == "group-total":
        return "GL204", f"{what}.total"
    if kind == "date-problem":
        return "GL407", "publish_date"
    if kind == "missing-row":
        return "GL104", what
    if kind == "old-format-row":
        return "GL406", "format"
    raise AssertionError(f"unknown defect kind in truth file: {defect}")


@pytest.mark.parametrize("path", TRUTHS, ids=lambda p: p.stem)
def test_truth_defects_are_found_and_nothing_else(path: Path) -> None:
    truth = json.loads(path.read_text(encoding="utf-8"))
    report = _rebuild(truth)
    found = [d for rule in BUILTIN_RULES for d in diagnostics(rule, report, reference_date=dt.date(2025, 12, 31))]
    errors = sorted((d.code, d.key) for d in found if d.severity is Severity.ERROR)
    expected = [e for e in map(_expected, truth["defects"]) if e is not None]
    assert errors == sorted(expected), [d.message_zh for d in found]
