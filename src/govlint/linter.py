"""Run the selected rules of the loaded plugins over one parsed report.

A rule or ``govlint_check_report`` implementation that raises does not stop the others: the failure is
recorded in :attr:`LintResult.errors`, naming the rule and its plugin.  The library never prints or exits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from govlint.config import Config
from govlint.diagnostics import Diagnostic
from govlint.errors import ConfigError
from govlint.model import Report
from govlint.notices import not_a_report
from govlint.parsing import parse_document
from govlint.rule import RuleContext
from govlint.schema import TableSpec
from govlint.sources.document import Document

if TYPE_CHECKING:
    from govlint.plugins import Plugins


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


@attrs.frozen
class LintResult:
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
    from govlint.plugins import load_plugins

    plugins = load_plugins(config.plugins, required=config.required_plugins, root=config.root)
    config.check_options(plugins.options)
    config.check_codes(rule.meta.code for rule in plugins.rules)
    return plugins


def with_tables(report: Report, tables: tuple[TableSpec, ...]) -> Report:
    """``report``, read again when it was parsed without some of the tables plugins describe (a report
    parsed before its plugins were known): their rules must never take an unread table for a missing one."""
    if all(spec in report.described for spec in tables):
        return report
    origins = report.positions.origins if report.positions is not None else ()
    document = Document(
        report.path,
        report.text,
        origins=origins,
        replaced_bytes=report.replaced_bytes,
        images=tuple(span.start for span in report.images),
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
    ignored = config.ignored_codes(report.path)

    def wanted(code: str) -> bool:
        return config.is_selected(code) and not (ignored and code.startswith(ignored))

    found: list[Diagnostic] = []
    errors: list[RuleFailure] = []
    for rule in plugins.rules:
        meta = rule.meta
        if not wanted(meta.code) or not rule.applies_to(report) or not plugins.in_scope(meta.code, report, config):
            continue
        plugin = plugins.rule_plugin[meta.code]
        try:
            found.extend(_checked(rule.check(report, ctx)))
        except ConfigError:  # a rule rejecting its option's value: a configuration error, not a rule bug
            raise
        except Exception as exc:
            errors.append(RuleFailure(report.path, plugin, meta.code, meta.name, _describe(exc)))
    for plugin, check in plugins.report_checks:
        try:
            found.extend(_checked(check(report=report, context=ctx) or ()))
        except ConfigError:
            raise
        except Exception as exc:
            errors.append(RuleFailure(report.path, plugin, "", "", _describe(exc)))

    diagnostics = configured(found, config, report.path)
    from govlint.rules.substance import corrected_cases  # the built-in rules import this module (crossreport)

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
    ignored = config.ignored_codes(path)
    diagnostics = []
    for diagnostic in found:
        code = diagnostic.code
        if not config.is_selected(code) or (ignored and code.startswith(ignored)):
            continue
        severity = config.severity_for(code, diagnostic.severity)
        changed = severity is not diagnostic.severity
        diagnostics.append(attrs.evolve(diagnostic, severity=severity) if changed else diagnostic)
    diagnostics.sort(key=_position)
    return tuple(diagnostics)


def _checked(items: Iterable[Any]) -> list[Diagnostic]:
    """The diagnostics a check yielded, all of them, or TypeError naming what is not one."""
    result = list(items)
    for item in result:
        if not isinstance(item, Diagnostic):
            raise TypeError(f"yielded {type(item).__name__}, not a Diagnostic")
    return result


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _position(d: Diagnostic) -> tuple[int, int, str, int, int]:
    loc = d.location
    return (loc.line, loc.column, d.code, loc.end_line, loc.end_column)
