"""Run the selected rules of the loaded plugins over one parsed report.

A rule or ``govlint_check_report`` implementation that raises does not stop the others: the failure is
recorded in :attr:`LintResult.errors`, naming the rule and its plugin.  The library never prints or exits.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import attrs

from govlint.config import Config
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import ConfigError
from govlint.model import Report
from govlint.notices import not_a_report
from govlint.parsing import parse_document
from govlint.plugins import Plugins, load_plugins
from govlint.records import Record
from govlint.rule import RuleContext
from govlint.rules.substance import corrected_cases
from govlint.schema import TableSpec
from govlint.sources.document import Document


class RuleFailure(NamedTuple):
    """A rule (or a plugin's report check) that raised while checking one report."""

    path: str
    plugin: str
    #: The rule's code, or "" for a plugin's ``govlint_check_report``.
    code: str
    rule: str
    error: str

    def message(self, lang: str = "zh") -> str:
        what = f"rule {self.code} ({self.rule})" if self.code else "govlint_check_report"
        if lang == "en":
            return f"{what} of plugin {self.plugin!r} failed on this report: {self.error}"
        what_zh = f"规则 {self.code}（{self.rule}）" if self.code else "govlint_check_report"
        return f"插件 {self.plugin!r} 的{what_zh}检查本报告时出错：{self.error}"

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "path": self.path,
            "plugin": self.plugin,
            "code": self.code,
            "rule": self.rule,
            "error": self.error,
            "message": self.message(lang),
        }


@attrs.frozen(repr=False)
class LintResult(Record):
    """The findings on one report, sorted by position, and the rules that failed on it."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[RuleFailure, ...] = ()
    #: The report's year and body, when the parser found them (the baseline identifies a report by them).
    report_year: int | None = None
    agency: str | None = None
    #: Table 四's corrected reviews and lawsuits (结果纠正), which reviewers deduct per case; None when they
    #: were not read or do not add up (see :func:`govlint.rules.substance.corrected_cases`).
    corrected_cases: int | None = None

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "path": self.path,
            "report_year": self.report_year,
            "agency": self.agency,
            "corrected_cases": self.corrected_cases,
            "diagnostics": [d.to_dict(lang) for d in self.diagnostics],
            "errors": [e.to_dict(lang) for e in self.errors],
        }


def plugins_for(config: Config) -> Plugins:
    """The plugins ``config`` asks for (cached), with the config's plugin options checked against them."""
    plugins = load_plugins(config.plugins, required=config.required_plugins, root=config.root)
    config.check_options(plugins.options)
    config.check_codes(rule.meta.code for rule in plugins.rules)
    return plugins


def with_tables(report: Report, tables: tuple[TableSpec, ...]) -> Report:
    """``report``, read again when it was parsed without some of the tables plugins describe (a report
    parsed before its plugins were known): their rules must never take an unread table for a missing one."""
    if all(spec in report.described for spec in tables):
        return report
    positions = report.positions
    document = Document(
        report.path,
        report.text,
        origins=positions.origins if positions is not None else (),
        replaced_bytes=report.replaced_bytes,
        images=tuple(span.start for span in report.images),
        line=positions.first_line if positions is not None else 1,
    )
    return parse_document(document, (*report.described, *(s for s in tables if s not in report.described)))


def lint_report(report: Report, config: Config | None = None, *, plugins: Plugins | None = None) -> LintResult:
    """Run every selected rule on ``report``; apply per-file ignores and severity overrides."""
    config = config or Config()
    plugins = plugins if plugins is not None else plugins_for(config)
    report = with_tables(report, plugins.tables)
    ctx = RuleContext(
        reference_date=config.reference_date or dt.date.today(),
        options=config.rule_options(plugins.options),
        level=config.level_for(report.path),
    )
    findings = Findings(config, report.path, config.max_findings_per_rule)
    errors: list[RuleFailure] = []
    for rule in plugins.rules:
        meta = rule.meta
        if not config.selects(meta.code, report.path):
            continue
        if not rule.applies_to(report) or not plugins.in_scope(meta.code, report, config):
            continue
        plugin = plugins.rule_plugin[meta.code]
        try:
            findings.merge(findings.batch(rule.check(report, ctx)))
        except ConfigError:  # a rule rejecting its option's value: a configuration error, not a rule bug
            raise
        except Exception as exc:
            errors.append(RuleFailure(report.path, plugin, meta.code, meta.name, _describe(exc)))
    for plugin, check in plugins.report_checks:
        try:
            findings.merge(findings.batch(check(report=report, context=ctx) or ()))
        except ConfigError:
            raise
        except Exception as exc:
            errors.append(RuleFailure(report.path, plugin, "", "", _describe(exc)))

    diagnostics = findings.diagnostics()
    corrected = corrected_cases(report, ctx)
    return LintResult(
        report.path,
        diagnostics,
        tuple(errors),
        report.report_year,
        report.agency,
        corrected[0] if corrected is not None else None,
    )


def skipped_as_not_a_report(report: Report, config: Config) -> LintResult | None:
    """What a document that is not an annual report gets instead of the rules: its one GL002 notice, as
    ``config`` selects it (not a list of the parts a report would have); None for a report."""
    notice = not_a_report(report)
    if notice is None:
        return None
    found = configured([notice], config, report.path)
    return LintResult(report.path, found, report_year=report.report_year, agency=report.agency)


def configured(found: Iterable[Diagnostic], config: Config, path: str) -> tuple[Diagnostic, ...]:
    """The findings on ``path`` that ``config`` selects (per-file ignores too), at its severities, by position."""
    findings = Findings(config, path)
    for diagnostic in found:
        findings.add(diagnostic)
    return findings.diagnostics()


@attrs.define(repr=False, eq=False)
class _Omitted(Record):
    """The findings of one code past the cap, all unread or none (an unread place is counted apart, never
    as a problem): the first (where the notice points), how many, the most severe of them, and which."""

    first: Diagnostic
    count: int
    severity: Severity
    unread: bool

    def add(self, diagnostic: Diagnostic, count: int = 1) -> None:
        self.count += count
        if diagnostic.severity.rank > self.severity.rank:
            self.severity = diagnostic.severity


class Findings:
    """The findings on one report as ``config`` selects them, at its severities, keeping at most ``cap`` of
    each code (0: all) and only counting the rest, so that a report repeating one fault 300,000 times
    costs memory for ``cap`` findings (issue #16).  A clerk reads the first ones; the notice that closes
    each capped code says how many more there are, at the most severe of their severities, so the exit
    status, the closing line and the score (:attr:`Diagnostic.weight`) are those of every finding."""

    def __init__(self, config: Config, path: str, cap: int = 0) -> None:
        self.config = config
        self.path = path
        self.cap = cap
        self._kept: list[Diagnostic] = []
        self._listed: Counter[str] = Counter()
        self._omitted: dict[tuple[str, bool], _Omitted] = {}

    def add(self, diagnostic: Diagnostic) -> None:
        """Keep ``diagnostic`` (at its configured severity), count it past the cap, or drop it unselected."""
        code = diagnostic.code
        if not self.config.selects(code, self.path):
            return
        severity = self.config.severity_for(code, diagnostic.severity)
        self._keep(diagnostic if severity is diagnostic.severity else attrs.evolve(diagnostic, severity=severity))

    def _keep(self, diagnostic: Diagnostic) -> None:
        code = diagnostic.code
        if not self.cap or self._listed[code] < self.cap:
            self._listed[code] += 1
            self._kept.append(diagnostic)
            return
        key = (code, diagnostic.unread)  # what could not be read is counted apart from what is wrong
        omitted = self._omitted.get(key)
        if omitted is None:
            self._omitted[key] = _Omitted(diagnostic, 1, diagnostic.severity, diagnostic.unread)
        else:
            omitted.add(diagnostic)

    def batch(self, items: Iterable[Any]) -> Findings:
        """What one check yields, collected apart with the same settings (and dropped if the check fails:
        TypeError for an item that is not a Diagnostic), to :meth:`merge` once it has finished."""
        findings = Findings(self.config, self.path, self.cap)
        for diagnostic in _diagnostics(items):
            findings.add(diagnostic)
        return findings

    def merge(self, other: Findings) -> None:
        """Take in what ``other`` (one rule's findings, collected apart) kept and counted."""
        for diagnostic in other._kept:
            self._keep(diagnostic)
        for key, theirs in other._omitted.items():
            ours = self._omitted.get(key)
            if ours is None:
                self._omitted[key] = theirs
            else:
                ours.add(attrs.evolve(theirs.first, severity=theirs.severity), theirs.count)

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """The kept findings and one notice per capped code, by position."""
        found = self._kept + [_omitted_notice(o, self.cap) for o in self._omitted.values()]
        found.sort(key=_position)
        return tuple(found)


def _omitted_notice(omitted: _Omitted, cap: int) -> Diagnostic:
    """The notice standing for the findings of one code past ``cap``, where the first of them is."""
    first, count = omitted.first, omitted.count
    code = first.code
    return Diagnostic(
        code,
        omitted.severity,
        f"另有 {count} 个 {code} 问题未逐条列出（每份报告每个代码最多列出 {cap} 个，此处是未列出的第一个）；"
        "要全部列出，请使用 --max-findings-per-rule 0，或在配置中设置 max-findings-per-rule = 0。",
        f"{count} more {code} finding{'s' * (count != 1)} not listed (at most {cap} of one code are listed "
        "per report; the first one not listed is here); to list them all, use --max-findings-per-rule 0 or "
        "set max-findings-per-rule = 0 in the configuration.",
        first.location,
        rule=first.rule,
        key=f"{code}.omitted" + ".unread" * omitted.unread,
        expected=cap,
        actual=count,
        unread=omitted.unread,
        omitted=count,
    )


def _checked(items: Iterable[Any]) -> list[Diagnostic]:
    """The diagnostics a check yielded, all of them, or TypeError naming what is not one."""
    return list(_diagnostics(items))


def _diagnostics(items: Iterable[Any]) -> Iterator[Diagnostic]:
    """The items a check yields, one at a time, each checked to be a Diagnostic (TypeError naming what is not)."""
    for item in items:
        if not isinstance(item, Diagnostic):
            raise TypeError(f"yielded {type(item).__name__}, not a Diagnostic")
        yield item


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _position(d: Diagnostic) -> tuple[int, int, str, int, int]:
    loc = d.location
    return (loc.line, loc.column, d.code, loc.end_line, loc.end_column)
