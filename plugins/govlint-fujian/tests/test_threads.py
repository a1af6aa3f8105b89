"""The FJ rules are safe to run from threads (govlint #15 §4: the plugin once kept the fee table it had read in
an ``lru_cache`` on the text): linting every fixture rule by rule across the reports, an order threads may
run them in made certain, gives report by report what linting them one at a time gives.  (A thread pool
alone did not catch a planted hand-off between two FJ rules: the threads seldom switch between them.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govlint import parse_file
from govlint.crossreport import CrossRule
from govlint.model import Report
from govlint.rule import Rule, RuleContext

from govlint_fujian.layout import FEE_TABLE
from govlint_fujian.rules import RULES

FIXTURES = Path(__file__).parent / "fixtures"


def _reports() -> list[Report]:
    """Every fixture the plugin's tests hold: text, Markdown, web page, Word and PDF, with and without defects."""
    paths = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"})
    return [parse_file(path, tables=[FEE_TABLE]) for path in paths if path.name != "README.md"]


def test_each_rule_over_every_report_before_the_next_gives_the_findings_of_one_report_at_a_time() -> None:
    """What one FJ rule handed another through a module global, not through ``ctx.shared``, would be the last
    report's when each rule runs over every report before the next rule runs."""
    reports = _reports()
    rules = [rule() for rule in RULES if not issubclass(rule, CrossRule)]  # FJ101 compares reports: not here

    def context() -> RuleContext:
        return RuleContext(reference_date=dt.date(2026, 6, 1))

    def found(rule: Rule, report: Report, ctx: RuleContext) -> list[tuple[str, str | None, int]]:
        return [(d.code, d.key, d.location.line) for d in rule.check(report, ctx)] if rule.applies_to(report) else []

    one_at_a_time = []
    for report in reports:
        ctx = context()
        one_at_a_time.append([d for rule in rules for d in found(rule, report, ctx)])
    contexts = [context() for _ in reports]
    across: list[list[tuple[str, str | None, int]]] = [[] for _ in reports]
    for rule in rules:
        for report, ctx, out in zip(reports, contexts, across, strict=True):
            out.extend(found(rule, report, ctx))
    assert across == one_at_a_time
    assert sum(map(len, across)) >= 4
