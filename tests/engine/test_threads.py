"""Rules are safe to run from threads (#15 §4): no rule keeps a report's analysis where another report's
run can see it.  Linting many reports from a thread pool, or rule by rule across the reports (the order in
which threads may interleave, made certain), gives report by report what linting them one by one gives."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from govlint import api
from govlint.config import Config
from govlint.linter import lint_report, plugins_for
from govlint.model import Report
from govlint.rule import Rule, RuleContext

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROOT = FIXTURES.parent.parent


def _reports() -> list[Report]:
    """Reports that differ in every respect rules look at: the seeds, the Pingtan corpus (2019 to 2025,
    fee statements, unread rows), and examples/ (web page, GB18030, mixed format)."""
    paths = [
        *sorted((FIXTURES / "seeds").glob("*.txt")),
        *sorted((FIXTURES / "corpus" / "pingtan").glob("*.txt"))[::2],
        *sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".html"}),
    ]
    return [report for path in paths for report in api.read_reports(str(path))]


@pytest.fixture
def _switch_often() -> Iterator[None]:
    """Threads switch every microsecond, so that two reports' rules interleave inside one check."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


@pytest.mark.usefixtures("_switch_often")
def test_linting_from_a_thread_pool_gives_the_serial_findings() -> None:
    reports = _reports()
    plugins = plugins_for(Config())

    def findings(report: Report) -> list[dict[str, object]]:
        result = lint_report(report, plugins=plugins)
        assert not result.errors, result.errors
        return [d.to_dict() for d in result.diagnostics]

    serial = [findings(report) for report in reports]
    assert sum(map(len, serial)) > 50 and len({len(f) for f in serial}) > 5  # findings that differ
    for _ in range(2):
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(findings, reports)) == serial


def test_each_rule_over_every_report_before_the_next_rule_gives_the_findings_of_one_report_at_a_time() -> None:
    """An analysis one rule hands to the others through a module global (not through ``ctx.shared``) is the
    last report's when each rule runs over every report before the next rule runs, as threads may run them;
    each report has its own context, as ``lint_report`` gives it."""
    reports = _reports()
    plugins = plugins_for(Config())
    rules = plugins.rules
    options = Config().rule_options(plugins.options)

    def context() -> RuleContext:
        return RuleContext(reference_date=dt.date(2026, 6, 1), options=options)

    def found(rule: Rule, report: Report, ctx: RuleContext) -> list[dict[str, object]]:
        return [d.to_dict() for d in rule.check(report, ctx)] if rule.applies_to(report) else []

    one_at_a_time = []
    for report in reports:
        ctx = context()
        one_at_a_time.append([d for rule in rules for d in found(rule, report, ctx)])
    contexts = [context() for _ in reports]
    across: list[list[dict[str, object]]] = [[] for _ in reports]
    for rule in rules:
        for report, ctx, out in zip(reports, contexts, across, strict=True):
            out.extend(found(rule, report, ctx))
    assert across == one_at_a_time
