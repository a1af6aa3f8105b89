"""Hook specifications of the govlint plugin API.

Implement them in a module or class marked with :data:`govlint.hookimpl` and register it through the
``govlint`` entry-point group, or name the module in ``plugins = [...]`` of the configuration.

The API is versioned by :data:`PLUGIN_API_VERSION`; a plugin states the version it was written for in
``govlint_plugin_info``.  A hook implementation whose name matches no spec is an error (pluggy's
``check_pending``), so a misspelt hook never fails silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from govlint.crossreport import Run
    from govlint.diagnostics import Diagnostic
    from govlint.model import Report
    from govlint.rule import Rule, RuleContext
    from govlint.schema import TableSpec

#: The version of this hook API.  Bumped on any incompatible change of a hook's signature or meaning.
PLUGIN_API_VERSION = 1

hookspec = pluggy.HookspecMarker("govlint")


@hookspec
def govlint_plugin_info() -> dict[str, Any]:  # type: ignore[empty-body]
    """Describe the plugin: ``{"name": str, "version": str, "api_version": int, "code_prefixes": [str],
    "scope": [str]}``.

    Required of every plugin.  ``api_version`` must equal the :data:`PLUGIN_API_VERSION` the plugin was
    written against; govlint refuses a plugin written for another version with a message naming it.
    ``version`` defaults to the installed distribution's; ``code_prefixes``, when given, must prefix every
    rule code of the plugin (``GL`` is reserved for the built-in rules).  ``scope``, for a provincial plugin,
    lists the places its rules are for: names (``福建``, ``平潭``) or province-level region codes (``35``,
    ``350000``, standing for the province's name).  Its rules then run only on reports whose body or title
    names one of them, unless the user selects their codes explicitly (``--select FJ``).
    """


@hookspec
def govlint_rules() -> Sequence[type[Rule]]:  # type: ignore[empty-body]
    """Return the rule classes this plugin contributes.  Each has a unique ``meta.code``.

    The engine decides which rules run (selection, per-file ignores, formats) and isolates each: a rule
    that raises is reported as an internal error naming it, and the other rules and files go on.
    """


@hookspec
def govlint_tables() -> Sequence[TableSpec]:  # type: ignore[empty-body]
    """Return the tables this plugin describes, each a :class:`govlint.schema.TableSpec` with an id of its
    own (not one of the standard ``active_disclosure``, ``applications``, ``review_litigation``).

    The parser reads them as it reads the standard tables, in every layout it supports (tabs, pipes, one
    cell per line, pdftotext columns, crawled text with the cells run together, HTML, Word and PDF tables):
    ``report.tables[spec.id]`` holds the table's cells with their statuses, evidence and positions.  The
    built-in rules check them too: their relations (GL206), empty and unreadable cells (GL105), rows that
    could not be read (GL108) and values outside their column's kind (GL205).  Added in API version 1
    (an optional hook: a plugin without it works as before).
    """


@hookspec
def govlint_add_options() -> dict[str, Any]:  # type: ignore[empty-body]
    """Return configuration options this plugin understands, with their defaults.

    Names are read from ``[tool.govlint]`` (``my-option = …``) and passed to rules in
    ``RuleContext.options``.  A configured value must have the default's type; a key that no plugin
    declares is a configuration error, so a misspelt option never goes unnoticed.
    """


@hookspec
def govlint_check_report(report: Report, context: RuleContext) -> Iterable[Diagnostic] | None:
    """Check a whole parsed report outside the rule framework (e.g. cross-cutting checks).

    Diagnostics returned here pass through the same selection, severity overrides and baseline as rule
    diagnostics.  Most plugins only need :func:`govlint_rules`.
    """


@hookspec
def govlint_check_run(run: Run, context: RuleContext) -> Iterable[Diagnostic] | None:
    """Check every report of a run together, once, after each was parsed (cross-report checks).

    ``run.reports`` holds a :class:`govlint.crossreport.Digest` per linted report (its identity, path,
    sections and table cells with their statuses and spans), ``run.references`` the earlier years' reports
    given with ``--history`` (parsed, never linted), ``run.roster`` the configured roster.  Each diagnostic
    must point into the report it is about (``Location.path`` = that digest's path), and should quote the
    other report's path and line in its message; selection, severities, per-file ignores, baselines and
    the output formats then treat it like any finding.  Most plugins subclass
    :class:`govlint.crossreport.CrossRule` (or ``PairRule``) and return it from :func:`govlint_rules`
    instead, which also gives the check a code and a rule page.
    """


@hookspec
def govlint_scoring_scheme() -> dict[str, Any] | None:
    """Return a province's deduction scheme, in the form of ``[tool.govlint.scoring]``: ``{"base": 100,
    "deduct": {"GL2": 2, "FJ1": 3}, "cap": {"GL105": 5}, "severities": ["error", "warning"]}`` (every key
    optional), or None.

    It is laid over govlint's default scheme (``deduct`` and ``cap`` merged prefix by prefix), and the
    user's ``[tool.govlint.scoring]`` is laid over it.  When several installed plugins offer a scheme, the
    user chooses one with ``scheme = "NAME"`` (the plugin's declared name); see docs/reviewer.md.
    """
