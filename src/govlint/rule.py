"""The rule API shared by built-in rules and provincial plugins.

A rule is a class with a :class:`RuleMeta` and a ``check`` method that yields diagnostics for one report.
Plugins contribute rule classes through the ``govlint_rules`` hook (see :mod:`govlint.hookspecs`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, TypeVar

import attrs

from govlint.config import LEVELS, Level
from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.model import Report, Span
from govlint.records import Record

ALL_FORMATS: frozenset[str] = frozenset({"2021", "2019"})
__all__ = ["ALL_FORMATS", "LEVELS", "Level", "Rule", "RuleContext", "RuleMeta"]

_T = TypeVar("_T")


@attrs.frozen(repr=False)
class RuleMeta(Record):
    """What a rule is: the public contract shown by ``govlint rules`` and the generated docs."""

    code: str
    name: str
    category: str
    severity: Severity
    summary_zh: str
    summary_en: str
    #: Why the rule exists, in English, quoting the regulation or the format it enforces (Markdown).
    rationale: str
    #: A report fragment that fails the rule, and one that passes.
    bad_example: str
    good_example: str
    formats: frozenset[str] = ALL_FORMATS
    #: Why the rule exists, in Chinese (Markdown); a plugin without one shows a note instead, never English.
    rationale_zh: str = ""
    #: Where the rule's page is online (SARIF ``helpUri``), for a plugin's rule; a built-in rule's is made from
    #: govlint's ``[project.urls]`` (:func:`govlint.output.sarif.help_uri`).
    help_url: str | None = None

    def summary(self, lang: str = "zh") -> str:
        return self.summary_en if lang == "en" else self.summary_zh

    def why(self, lang: str = "zh") -> str:
        """The rationale in ``lang``: one language only, so a page in Chinese never falls back to English."""
        if lang == "en":
            return self.rationale.strip()
        return (
            self.rationale_zh.strip()
            or "（该规则未提供中文说明；英文说明见 `govlint rule " + self.code + " --lang en`。）"
        )


@attrs.frozen(repr=False, eq=False)
class RuleContext(Record):
    """What a rule may know besides the report: the reference date ("today"), config options, the level of
    the body that publishes the report when the configuration (or a roster) states it, and the analyses that
    several rules share, computed once per report."""

    reference_date: dt.date = attrs.field(factory=dt.date.today)
    options: Mapping[str, Any] = attrs.field(factory=dict)
    #: The publishing body's level from outside the report (config ``level``, a roster); None when unknown.
    level: Level | None = None
    _shared: dict[Callable[[Report], Any], tuple[Report, Any]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

    def shared(self, report: Report, compute: Callable[[Report], _T]) -> _T:
        """``compute(report)``, computed once per report and context: the analyses several rules need.

        One slot per analysis, checked by the report's identity, so a context reused for another report
        recomputes rather than answering for the wrong one; threads may at worst compute it twice.
        """
        slot = self._shared.get(compute)
        if slot is not None and slot[0] is report:
            value: _T = slot[1]
            return value
        value = compute(report)
        self._shared[compute] = (report, value)
        return value


class Rule:
    """Base class of rules.  Subclasses set ``meta`` and implement :meth:`check`."""

    meta: ClassVar[RuleMeta]

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def applies_to(self, report: Report) -> bool:
        """Whether the rule runs on this report (by format; "unknown" reports get format-free rules)."""
        return report.format in self.meta.formats or self.meta.formats == ALL_FORMATS

    def diagnostic(
        self,
        report: Report,
        span: Span | None,
        *,
        zh: str,
        en: str,
        key: str = "",
        expected: Any = None,
        actual: Any = None,
        unread: bool = False,
    ) -> Diagnostic:
        """A diagnostic of this rule at ``span``, with the rule's default severity."""
        return Diagnostic(
            code=self.meta.code,
            severity=self.meta.severity,
            message_zh=zh,
            message_en=en,
            location=Location.from_span(report.path, span),
            rule=self.meta.name,
            key=key,
            expected=expected,
            actual=actual,
            unread=unread,
        )
