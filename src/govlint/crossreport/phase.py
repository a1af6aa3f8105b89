"""The run phase: every report of a run, with identities (:class:`Run`), and the pass of the cross-report
rules and the plugins' ``govlint_check_run`` over it (:func:`check_run`).  Loaded through the
:mod:`govlint.crossreport` face when a run compares reports; a check of one report has no run phase.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from govlint.config import Config
from govlint.crossreport.run import CrossRule
from govlint.diagnostics import Diagnostic
from govlint.errors import ConfigError
from govlint.linter import LintResult, RuleFailure, _checked, _describe, configured
from govlint.records import Record
from govlint.rule import RuleContext

if TYPE_CHECKING:
    from govlint.crossreport.digests import Digest, Prose
    from govlint.crossreport.roster import Roster
    from govlint.plugins import Plugins

#: The plugin name a failure of the run phase is reported under when the rule's plugin is unknown.
RUN_PATH = "<run>"


@attrs.frozen(repr=False, eq=False)
class Run(Record):
    """The reports of one run (linted), the earlier years' reports given as references (not linted), and
    the roster of bodies that must publish, if one is configured."""

    reports: tuple[Digest, ...]
    references: tuple[Digest, ...] = ()
    roster: Roster | None = None
    #: Files of the run whose report could not be identified: unreadable, or with no body or year shown.
    #: A body of the roster may have published one of them, so none is said to have no report.
    unidentified: tuple[str, ...] = ()
    _by_key: Mapping[tuple[str, int], tuple[Digest, ...]] = attrs.field(init=False, repr=False, eq=False)
    _seen: dict[tuple[int, str], frozenset[int]] = attrs.field(init=False, factory=dict, repr=False, eq=False)

    @_by_key.default
    def _index(self) -> Mapping[tuple[str, int], tuple[Digest, ...]]:
        index: dict[tuple[str, int], list[Digest]] = {}
        for d in (*self.reports, *self.references):
            if d.identity is not None:
                index.setdefault(d.identity.key, []).append(d)
        return {key: tuple(found) for key, found in index.items()}

    def reports_of(self, body: str, year: int) -> tuple[Digest, ...]:
        """The body's reports for ``year``, linted ones first, then references."""
        return self._by_key.get((body, year), ())

    def previous(self, report: Digest) -> Digest | None:
        """The same body's report for the year before, when the run or the history holds exactly one."""
        if report.identity is None:
            return None
        found = self.reports_of(report.identity.body, report.identity.year - 1)
        return found[0] if len(found) == 1 else None

    def prose(self, report: Digest, key: str) -> Prose | None:
        """The section ``key`` of ``report`` as the copy checks compare it (masked, its passages hashed; made
        where the report was parsed), or None when the report has no such section."""
        return report.prose.get(key)

    def seen(self, report: Digest, key: str) -> frozenset[int]:
        """The hashes of the passages of the section ``key`` of ``report`` (empty without the section), as a
        set, once per run however many reports compare with it."""
        slot = (id(report), key)
        found = self._seen.get(slot)
        if found is None:
            prose = report.prose.get(key)
            found = self._seen[slot] = frozenset(prose.shingles()) if prose is not None else frozenset()
        return found

    def groups(self) -> Mapping[tuple[str, int], tuple[Digest, ...]]:
        """The reports (and references) by identity key."""
        return self._by_key

    @property
    def years(self) -> frozenset[int]:
        """The report years of the linted reports."""
        return frozenset(d.identity.year for d in self.reports if d.identity is not None)


def check_run(
    run: Run,
    plugins: Plugins,
    config: Config,
    config_for: Callable[[str], Config] | None = None,
) -> list[LintResult]:
    """Run the selected cross-report rules and the plugins' ``govlint_check_run`` over ``run``.

    ``config`` decides which rules run and their options; ``config_for(path)`` (default: ``config``) the
    selection, per-file ignores and severities of each finding, as for the file it points into.  Returns
    one result per file with findings, linted reports in run order first; a rule that raises becomes a
    failure on a result for ``<run>``.
    """
    ctx = RuleContext(
        reference_date=config.reference_date or dt.date.today(),
        options=config.rule_options(plugins.options),
    )
    found: list[Diagnostic] = []
    errors: list[RuleFailure] = []
    for rule in plugins.rules:
        if not isinstance(rule, CrossRule) or not config.selects(rule.meta.code):
            continue
        try:
            found.extend(_checked(rule.check_run(run, ctx)))
        except ConfigError:
            raise
        except Exception as exc:
            plugin = plugins.rule_plugin.get(rule.meta.code, "")
            errors.append(RuleFailure(RUN_PATH, plugin, rule.meta.code, rule.meta.name, _describe(exc)))
    for impl in plugins.manager.hook.govlint_check_run.get_hookimpls():
        try:
            returned = cast("Iterable[Diagnostic] | None", impl.function(run=run, context=ctx))
            found.extend(_checked(returned or ()))
        except ConfigError:
            raise
        except Exception as exc:
            errors.append(RuleFailure(RUN_PATH, impl.plugin_name, "", "govlint_check_run", _describe(exc)))
    return _results(run, found, errors, config_for or (lambda _: config))


def _results(
    run: Run, found: Iterable[Diagnostic], errors: Sequence[RuleFailure], config_for: Callable[[str], Config]
) -> list[LintResult]:
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in found:
        by_path.setdefault(diagnostic.location.path, []).append(diagnostic)
    digests = {d.path: d for d in run.reports}
    order = {path: index for index, path in enumerate(digests)}
    results = []
    for path in sorted(by_path, key=lambda p: (order.get(p, len(order)), p)):
        diagnostics = configured(by_path[path], config_for(path), path)
        if not diagnostics:
            continue
        report = digests.get(path)
        identity = report.identity if report else None
        agency = report.agency if report else None
        results.append(LintResult(path, diagnostics, (), identity.year if identity else None, agency))
    if errors:
        results.append(LintResult(RUN_PATH, (), tuple(errors)))
    return results
