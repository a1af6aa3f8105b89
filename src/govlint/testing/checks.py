"""Helpers for rule tests: lint a fragment or a rendered report, assert what it reports.

``lint_text(source, rules=[MyRule])`` parses ``source`` (text, bytes, a path, a parsed
:class:`~govlint.model.Report` or a :class:`~govlint.testing.layouts.Rendered`) and runs the given rule
classes on it, or govlint's whole engine (built-in rules and installed plugins) when ``rules`` is None.
``assert_diagnostics`` checks the codes (and lines) found.  Neither needs hypothesis.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

import govlint
from govlint.config import Config
from govlint.diagnostics import Diagnostic, Severity
from govlint.linter import lint_report
from govlint.model import Report
from govlint.rule import Rule, RuleContext
from govlint.testing.layouts.base import Rendered

if TYPE_CHECKING:
    from govlint.schema import TableSpec
    from govlint.sources import Source
    from govlint.testing.mutations import Expectation
    from govlint.testing.reportmodel import ReportModel


def parse(source: Source | Report | Rendered, tables: Sequence[TableSpec] = ()) -> Report:
    """The parsed report of ``source`` (a Report is returned as it is), with the tables ``tables``
    describe (a plugin's ``govlint_tables``)."""
    if isinstance(source, Report):
        return source
    if isinstance(source, Rendered):
        return govlint.parse(source.source(), tables=tables)
    return govlint.parse(source, tables=tables)


class RuleCrashed(AssertionError):
    """A rule raised while checking a report."""


def lint_text(
    source: Source | Report | Rendered,
    *,
    rules: Sequence[type[Rule] | Rule] | None = None,
    reference_date: dt.date | None = None,
    options: Mapping[str, Any] | None = None,
    select: Sequence[str] | None = None,
    tables: Sequence[TableSpec] = (),
) -> list[Diagnostic]:
    """The diagnostics on ``source``, sorted by position; ``tables`` are read besides the standard ones (a
    plugin's, for its rules given in ``rules``).

    With ``rules``, only those rule classes (or instances) run, each only if it applies to the report's
    format, with ``options`` as their :class:`~govlint.rule.RuleContext` options; a rule that raises fails
    the test (:class:`RuleCrashed`).  Without ``rules``, govlint's engine runs every loaded rule (built-ins
    and installed plugins, ``select`` narrowing them by code prefix) and a rule failure is raised too.
    """
    report = parse(source, tables)
    if rules is None:
        config = Config(reference_date=reference_date, select=tuple(select) if select else None,
                        options=dict(options or {}))  # fmt: skip
        result = lint_report(report, config)
        if result.errors:
            raise RuleCrashed("; ".join(e.message("en") for e in result.errors))
        return list(result.diagnostics)
    ctx = RuleContext(reference_date=reference_date or dt.date.today(), options=dict(options or {}))
    found: list[Diagnostic] = []
    for item in rules:
        rule = item() if isinstance(item, type) else item
        if not rule.applies_to(report):
            continue
        try:
            found.extend(rule.check(report, ctx))
        except Exception as exc:
            raise RuleCrashed(f"rule {rule.meta.code} raised {type(exc).__name__}: {exc}") from exc
    found.sort(key=lambda d: (d.location.line, d.location.column, d.code))
    return found


def describe(diagnostics: Iterable[Diagnostic]) -> str:
    """One line per diagnostic: ``line:column CODE severity message``."""
    return (
        "\n".join(
            f"  {d.location.line}:{d.location.column} {d.code} {d.severity.value} {d.message('en')}"
            for d in diagnostics
        )
        or "  (none)"
    )


def assert_diagnostics(
    source: Source | Report | Rendered,
    codes: Iterable[str] = (),
    *,
    lines: Mapping[str, int | Iterable[int]] | None = None,
    rules: Sequence[type[Rule] | Rule] | None = None,
    exact: bool = True,
    reference_date: dt.date | None = None,
    options: Mapping[str, Any] | None = None,
    select: Sequence[str] | None = None,
    tables: Sequence[TableSpec] = (),
) -> list[Diagnostic]:
    """Assert that linting ``source`` reports ``codes`` (each as often as listed) and return the findings.

    ``exact`` (default) also forbids any other code; ``lines`` maps a code to the line (or lines) its
    diagnostics must be on.  ``codes=()`` with ``exact`` asserts a clean report.
    """
    found = lint_text(source, rules=rules, reference_date=reference_date, options=options, select=select, tables=tables)
    wanted = Counter(codes)
    got = Counter(d.code for d in found)
    problems = []
    for code, count in wanted.items():
        if got[code] < count:
            problems.append(f"expected {code} x{count}, found x{got[code]}")
    if exact:
        extra = sorted(code for code in got if code not in wanted or got[code] > wanted[code])
        if extra:
            problems.append(f"unexpected {', '.join(extra)}")
    for code, where in (lines or {}).items():
        allowed = {where} if isinstance(where, int) else set(where)
        misplaced = [d for d in found if d.code == code and d.location.line not in allowed]
        if misplaced or not any(d.code == code for d in found):
            problems.append(f"{code} expected on line(s) {sorted(allowed)}")
    if problems:
        raise AssertionError("; ".join(problems) + "\nfound:\n" + describe(found))
    return found


def allowing_uncertain(expect: Expectation, rendered: Rendered) -> Expectation:
    """``expect`` widened for the cells a reader may leave unread (``rendered.uncertain``: digits run together
    that do not split uniquely, rows printed apart from their labels): such a row may be reported unread
    (GL105, GL108) there, and a finding about one of its cells may give way to such a notice (never guess a
    number), but not to silence: the finding or a notice that the cell was not read is still required."""
    if not rendered.uncertain:
        return expect
    rows = {"row." + key.rpartition(".")[0] for key in rendered.uncertain}
    where = (*sorted(f"cell.{key}" for key in rendered.uncertain), *sorted(rows), "row.review_litigation")
    places = dict(expect.where)
    for code in ("GL105", "GL108"):
        if code not in expect.codes:
            places[code] = where
        elif code in places:
            places[code] = (*places[code], *where)
    # a finding about a cell the reader may leave unread may give way to the notice (GL302 on an unread (六)2 row)
    unsure = {
        code
        for code in expect.must
        if any(key.startswith("cell.") and key[5:] in rendered.uncertain for key in expect.where.get(code, ()))
    }
    return attrs.evolve(
        expect, allowed=expect.allowed | {"GL105", "GL108"}, where=places, or_unread=expect.or_unread | unsure
    )


def expectation_problems(
    diagnostics: Sequence[Diagnostic], rendered: Rendered | None, expect: Expectation
) -> list[str]:
    """What is wrong with ``diagnostics`` for a mutated report, as sentences (empty: all right).

    Every code of ``expect.must`` (and one of ``expect.any_of``) is reported at its place, or for a code of
    ``expect.or_unread`` a notice that something was not read (``unread``) at its place; no error-level
    diagnostic has a code outside ``expect.codes``; none of the expected codes is reported elsewhere.
    Places are checked when ``rendered`` has anchors (text layouts).
    """
    problems: list[str] = []

    def placed(d: Diagnostic) -> bool:
        keys = expect.where.get(d.code)
        if not keys or rendered is None or not rendered.anchors or not rendered.ranges(keys):
            return True
        return rendered.covers(d.location.line, d.location.column, keys)

    unread = any(d.unread and placed(d) for d in diagnostics)
    for code in sorted(expect.must):
        hits = [d for d in diagnostics if d.code == code]
        if not hits and code in expect.or_unread and unread:
            continue  # the cell it is about was not read, and the report says so
        if not hits:
            problems.append(f"{code} not reported" + (" (nor anything unread)" if code in expect.or_unread else ""))
        elif not any(placed(d) for d in hits):
            problems.append(f"{code} reported, but not at {list(expect.where.get(code, ()))}")
    if expect.any_of and not any(d.code in expect.any_of and placed(d) for d in diagnostics):
        problems.append(f"none of {sorted(expect.any_of)} reported at its place")
    for d in diagnostics:
        if d.severity is not Severity.ERROR:
            continue
        if d.code not in expect.codes:
            problems.append(f"unrelated error {d.code} at {d.location.line}:{d.location.column}")
        elif not placed(d):
            problems.append(f"{d.code} at {d.location.line}:{d.location.column} is not at the mutated place")
    return problems


def round_trip_problems(model: ReportModel, report: Report, uncertain: Iterable[str] = ()) -> list[str]:
    """What a parse of ``model`` rendered in some layout got wrong, as sentences (empty: all right).

    Every table value must come back, except that a cell in ``uncertain`` (digits run together that do not
    split uniquely) may come back unknown — but never as another number.  The format, year, sections,
    dates and statistics period must come back too (the body's name is checked on its own, see
    ``tests/properties/test_roundtrip.py``).
    """
    problems: list[str] = []
    maybe = set(uncertain)

    def same(what: str, got: object, want: object) -> None:
        if got != want:
            problems.append(f"{what}: got {got!r}, expected {want!r}")

    same("format", report.format, model.format)
    same("report_year", report.report_year, model.report_year)
    same("sections", [s.key for s in report.sections], [s.key for s in model.sections if s.heading is not None])
    for table, expected in (
        ("active_disclosure", model.expected_art20()),
        ("applications", model.expected_applications()),
        ("review_litigation", model.expected_review()),
        *((described.spec.id, described.expected()) for described in model.described),
    ):
        parsed = report.tables.get(table)
        if not expected:
            continue
        if parsed is None:
            problems.append(f"{table}: table not found")
            continue
        for key, want in expected.items():
            got = parsed.value(key)
            if got == want or (got is None and f"{table}.{key}" in maybe):
                continue
            problems.append(f"{table}.{key}: got {got!r}, expected {want!r}")
    if model.publish_date is not None:
        same("publish_date", report.publish_date and report.publish_date.value, model.publish_date.date)
    if model.signature_date is not None:
        same("signature_date", report.signature_date and report.signature_date.value, model.signature_date.date)
    if model.period is not None:
        period = report.statistics_period
        dates = (period.start.value, period.end.value) if period else None
        same("statistics_period", dates, (model.period.start.date, model.period.end.date))
    return problems
