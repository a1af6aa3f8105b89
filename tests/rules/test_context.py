"""RuleContext.shared: analyses computed once per report and handed to rules, no module-global cache."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import attrs

from govlint.model import Report
from govlint.rule import RuleContext
from govlint.rules.relations import evaluate_all, outcomes
from govlint.rules.tables import ResultsTotal, RowTotal

from .builder import make_report


def test_shared_computes_once_per_report() -> None:
    calls: list[str] = []

    def analysis(report: Report) -> str:
        calls.append(report.path)
        return report.path

    ctx = RuleContext()
    first, second = make_report(), attrs.evolve(make_report(), path="b.txt")
    assert [ctx.shared(first, analysis), ctx.shared(first, analysis)] == ["report.txt", "report.txt"]
    assert ctx.shared(second, analysis) == "b.txt"  # another report is never answered from the first's slot
    assert calls == ["report.txt", "b.txt"]


def test_relation_outcomes_are_shared_by_the_relation_rules() -> None:
    report = make_report(cells={"applications.granted.natural_person": 7})
    ctx = RuleContext()
    shared = outcomes(report, ctx)
    assert outcomes(report, ctx) is shared
    assert [(o.relation.rid, o.relation.anchor) for o in shared if o.failed] == [
        (o.relation.rid, o.relation.anchor) for o in evaluate_all(report) if o.failed
    ]
    assert list(RowTotal().check(report, ctx)) and list(ResultsTotal().check(report, ctx))


def test_rules_on_many_reports_from_threads_agree_with_one_thread() -> None:
    reports = [make_report(cells={"applications.granted.natural_person": n}) for n in range(12)]

    def findings(report: Report) -> list[tuple[str, object]]:
        ctx = RuleContext()
        return [(d.key, d.expected) for rule in (RowTotal, ResultsTotal) for d in rule().check(report, ctx)]

    alone = [findings(r) for r in reports]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(findings, reports)) == alone
    assert alone[2] == [] and alone[7] != []
