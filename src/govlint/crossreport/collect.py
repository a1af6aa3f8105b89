"""The run phase as ``govlint check`` drives it: the runner's workers digest each report they parse (with
:attr:`Collector.aliases`) and the command line appends the digests to :attr:`Collector.digests`; once every
file was linted, :meth:`Collector.finish` adds the history (:class:`govlint.crossreport.history.History`) and
the roster and runs the cross-report rules.

Paths in the configuration (``history``, ``roster``) are relative to the configuration file's directory
(:meth:`govlint.config.Config.rule_options` resolves them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from govlint import crossreport
from govlint.config import Config
from govlint.crossreport.options import OPTION_ALIASES, OPTION_ROSTER, aliases
from govlint.crossreport.rules import OPTION_HISTORY
from govlint.crossreport.run import wants_run
from govlint.linter import LintResult
from govlint.runner.outcome import Outcome

if TYPE_CHECKING:
    from govlint.crossreport.digests import Digest
    from govlint.crossreport.history import History
    from govlint.plugins import Plugins


class Collector:
    """The digests of a run's reports, in the order they were linted, and what the run phase needs."""

    def __init__(self, plugins: Plugins, config: Config) -> None:
        self.plugins = plugins
        self.config = config
        options = config.rule_options(plugins.options)
        self.aliases = aliases(options.get(OPTION_ALIASES, {}))
        self.digests: list[Digest] = []
        self.unidentified: list[str] = []
        self._options = options

    def record(self, outcome: Outcome) -> None:
        """Keep a checked file's digest, and note a file whose report cannot be identified (unreadable, or
        showing no body or year), which the roster rule must not take for a missing report."""
        if outcome.digest is not None:
            self.digests.append(outcome.digest)
        if outcome.unreadable is not None or (outcome.digest is not None and outcome.digest.identity is None):
            self.unidentified.append(outcome.path)

    def alone(self, files: int, history: History | None) -> bool:
        """Whether the reports of the run can be compared with nothing but each other: one file, and no
        history, roster or plugin's run check.  The worker then digests its report only when the file holds
        several (a compilation's parts), and a run of one report has no run phase."""
        return files == 1 and not self._outside(history)

    def _outside(self, history: History | None) -> bool:
        """Whether the run phase has more than the run's reports: a history, a roster or a plugin's run check."""
        if history is not None or self._options.get(OPTION_ROSTER):
            return True
        return bool(self.plugins.manager.hook.govlint_check_run.get_hookimpls())

    def finish(
        self, history: History | None = None, config_for: Callable[[str], Config] | None = None
    ) -> list[LintResult]:
        """Run the cross-report phase: one result per file with findings (see :func:`check_run`), with the
        earlier years' reports of ``history`` (read by then, or now, once for the run) as references.  A run
        of one report compared with nothing (:meth:`alone`) has none."""
        if not self.digests and not self._outside(history):
            return []
        references = history.references(exclude=[d.path for d in self.digests]) if history is not None else ()
        roster = crossreport.roster.roster_of(self._options)
        run = crossreport.Run(tuple(self.digests), references, roster, tuple(self.unidentified))
        return crossreport.check_run(run, self.plugins, self.config, config_for)


def history_folders(given: Sequence[str], options: Mapping[str, Any]) -> list[str]:
    """The folders of earlier years' reports: those given with ``--history``, then the configured ``history``
    (which :meth:`govlint.config.Config.rule_options` resolved against the configuration's folder)."""
    configured = options.get(OPTION_HISTORY) or ""
    return [*given, str(configured)] if configured else [*given]


def start(plugins: Plugins, config: Config) -> Collector | None:
    """A collector when the run phase has something to do (a selected cross-report rule or a plugin's
    ``govlint_check_run``), else None: a run without it keeps no digests."""
    return Collector(plugins, config) if wants_run(plugins, config) else None
