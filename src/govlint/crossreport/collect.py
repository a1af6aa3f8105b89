"""The run phase as ``govlint check`` drives it: the runner's workers digest each report they parse (with
:attr:`Collector.aliases`) and the command line appends the digests to :attr:`Collector.digests`; once every
file was linted, :meth:`Collector.finish` adds the history and the roster and runs the cross-report rules.

Paths in the configuration (``history``, ``roster``) are relative to the configuration file's directory
(:meth:`govlint.config.Config.rule_options` resolves them).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from govlint import parsing, sources
from govlint.config import Config
from govlint.crossreport.digest import Digest, digest
from govlint.crossreport.identity import OPTION_ALIASES, aliases
from govlint.crossreport.roster import roster_of
from govlint.crossreport.rules import OPTION_HISTORY
from govlint.crossreport.run import Run, check_run, wants_run
from govlint.errors import ConfigError
from govlint.linter import LintResult
from govlint.sources.discover import Skipped, iter_report_paths

if TYPE_CHECKING:
    from govlint.plugins import Plugins


class Collector:
    """The digests of a run's reports, in the order they were linted, and what the run phase needs."""

    def __init__(self, plugins: Plugins, config: Config) -> None:
        self.plugins = plugins
        self.config = config
        options = config.rule_options(plugins.options)
        self.aliases = aliases(options.get(OPTION_ALIASES, {}))
        self.digests: list[Digest] = []
        self._options = options

    def finish(
        self, history: Sequence[str] = (), config_for: Callable[[str], Config] | None = None
    ) -> list[LintResult]:
        """Run the cross-report phase: one result per file with findings (see :func:`check_run`)."""
        folders = [*history]
        configured = self._options.get(OPTION_HISTORY) or ""
        if configured:
            folders.append(str(configured))
        references = load_history(folders, self.aliases, exclude={d.path for d in self.digests})
        roster = roster_of(self._options)
        run = Run(tuple(self.digests), references, roster)
        return check_run(run, self.plugins, self.config, config_for)


def start(plugins: Plugins, config: Config) -> Collector | None:
    """A collector when the run phase has something to do (a selected cross-report rule or a plugin's
    ``govlint_check_run``), else None: a run without it keeps no digests."""
    return Collector(plugins, config) if wants_run(plugins, config) else None


def load_history(
    folders: Iterable[str], aliases: Mapping[str, str] | None = None, *, exclude: Iterable[str] = ()
) -> tuple[Digest, ...]:
    """The reports under ``folders``, parsed as references (never linted).  A file that cannot be read or
    parsed is passed over: history only adds what can be compared."""
    skip = {os.path.abspath(p) for p in exclude}
    found: list[Digest] = []
    for folder in folders:
        if not os.path.isdir(folder):
            raise ConfigError(f"{OPTION_HISTORY}: {folder} is not a directory")
        for path in iter_report_paths([folder]):
            if isinstance(path, Skipped):  # a symlink out of the folder, an unreadable folder: not a reference
                continue
            name = str(path)
            if os.path.abspath(name) in skip:
                continue
            try:
                report = parsing.parse_document(sources.load_file(name, name=name))
            except Exception:  # unreadable, or a parser bug: a reference must not stop the run
                continue
            found.append(digest(report, aliases, reference=True))
    return tuple(found)
