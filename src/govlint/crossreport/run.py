"""The rules that compare reports: what a cross-report rule is, and whether a run has any to run.

A cross-report rule is a :class:`CrossRule`: an ordinary rule (a code, a page, selection, severities)
whose per-report check finds nothing and whose :meth:`CrossRule.check_run` sees the whole
:class:`~govlint.crossreport.phase.Run` (the run phase, loaded only when a run compares reports).
Its findings point into the report they are about (a path and a span of that report), so per-file ignores,
severities, baselines and every output format treat them like any other finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from govlint.config import Config
from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.model import Report, Span
from govlint.rule import Rule, RuleContext, RuleMeta

if TYPE_CHECKING:
    from govlint.crossreport.digests import Digest
    from govlint.crossreport.phase import Run
    from govlint.plugins import Plugins

#: The sections the copy checks compare, in the order they matter to reviewers: 五, 一, 六.
COPY_SECTIONS: tuple[str, ...] = ("problems_improvements", "overview", "other_matters")


class CrossRule(Rule):
    """Base class of cross-report rules.  Subclasses set ``meta`` and implement :meth:`check_run`.

    Register the class through ``govlint_rules`` like any rule: govlint runs its :meth:`check_run` once per
    run, after every report was parsed.
    """

    meta: ClassVar[RuleMeta]

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        """Nothing: a cross-report rule finds what no single report shows."""
        return iter(())

    def check_run(self, run: Run, ctx: RuleContext) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def finding(
        self,
        report: Digest | str,
        span: Span | None,
        *,
        zh: str,
        en: str,
        key: str = "",
        expected: Any = None,
        actual: Any = None,
        severity: Severity | None = None,
        unread: bool = False,
    ) -> Diagnostic:
        """A diagnostic of this rule in ``report`` (a digest, or a path such as the roster's) at ``span``."""
        path = report if isinstance(report, str) else report.path
        return Diagnostic(
            code=self.meta.code,
            severity=severity or self.meta.severity,
            message_zh=zh,
            message_en=en,
            location=Location.from_span(path, span),
            rule=self.meta.name,
            key=key,
            expected=expected,
            actual=actual,
            unread=unread,
        )


class PairRule(CrossRule):
    """A cross-report rule that compares each linted report with the same body's report of the year before."""

    def check_run(self, run: Run, ctx: RuleContext) -> Iterator[Diagnostic]:
        for report in run.reports:
            previous = run.previous(report)
            if previous is not None:
                yield from self.check_pair(report, previous, ctx)

    def check_pair(self, current: Digest, previous: Digest, ctx: RuleContext) -> Iterator[Diagnostic]:
        raise NotImplementedError


def wants_run(plugins: Plugins, config: Config) -> bool:
    """Whether the run phase has anything to do: a selected cross-report rule, or a plugin's run check."""
    if plugins.manager.hook.govlint_check_run.get_hookimpls():
        return True
    return any(isinstance(r, CrossRule) and config.selects(r.meta.code) for r in plugins.rules)
