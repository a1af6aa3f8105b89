"""Earlier years' reports for a run (``--history`` and the ``history`` option), read once by the runner's
workers for whatever needs them: the cross-report rules take their digests as references, the scores of
``--format json/html/xlsx/csv`` take their findings.

Reached through :func:`govlint.crossreport.load_history` (or imported by the command line when there is a
folder to read): a check without history never walks a folder for it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping

import attrs

from govlint.config import Config
from govlint.crossreport.digests import Digest
from govlint.crossreport.rules import OPTION_HISTORY
from govlint.errors import ConfigError
from govlint.linter import LintResult
from govlint.runner import Outcome, Task, run
from govlint.sources.discover import Skipped, iter_report_paths


class History:
    """The reports under ``folders``, read on first use and then kept for the run.

    With ``lint``, each report is also linted with the configuration that applies to it (its own rules; not
    the cross-report phase, which needs the year before it), for its score; without, it is only parsed into
    its digest.  Either way each file is read once: a file the run itself checks (:meth:`record`) is not read
    again, its findings in the run stand for it, and it is no reference of its own run.  A file that cannot
    be read or parsed is passed over: history only adds what can be compared.
    """

    def __init__(
        self,
        folders: Iterable[str],
        config_for: Callable[[str], Config],
        aliases: Mapping[str, str] | None = None,
        *,
        lint: bool = False,
        jobs: int | None = None,
    ) -> None:
        self.folders = tuple(folders)
        for folder in self.folders:  # before the run, not after it
            if not os.path.isdir(folder):
                raise ConfigError(
                    f"{OPTION_HISTORY}: {folder} is not a directory", f"{OPTION_HISTORY}：{folder} 不是文件夹"
                )
        self._config_for = config_for
        self._aliases = tuple((aliases or {}).items())
        self.lint = lint
        self._jobs = jobs
        self._read: tuple[tuple[Digest, ...], tuple[LintResult, ...]] | None = None
        #: What the run read of each of its files (by absolute path): a compilation's reports, in order.
        self._checked: dict[str, list[Outcome]] = {}

    def record(self, outcome: Outcome) -> None:
        """Keep what the run read of a file (before the history is read), so that a file both in the run and
        in a history folder is read once.  Standard input and the paths the walk skipped read no file."""
        if outcome.path != "-" and (outcome.text is not None or outcome.unreadable is not None):
            self._checked.setdefault(_file(outcome.path), []).append(outcome)

    def references(self, exclude: Iterable[str] = ()) -> tuple[Digest, ...]:
        """The digests of the reports, in folder order, as references (never linted in the run), without
        those of the files in ``exclude`` (the run's own files)."""
        skip = {_file(p) for p in exclude}
        return tuple(d for d in self._outcomes()[0] if _file(d.path) not in skip)

    def results(self) -> tuple[LintResult, ...]:
        """The findings of each report that could be read (empty unless the history was read with ``lint``)."""
        return self._outcomes()[1]

    def _outcomes(self) -> tuple[tuple[Digest, ...], tuple[LintResult, ...]]:
        if self._read is None:
            digests: list[Digest] = []
            results: list[LintResult] = []
            with contextlib.closing(run(self._tasks(), jobs=self._jobs)) as outcomes:
                for outcome in outcomes:
                    checked = _file(outcome.path) in self._checked
                    if outcome.digest is not None and not checked:
                        digests.append(attrs.evolve(outcome.digest, reference=True))
                    if self.lint and outcome.unreadable is None:
                        results.append(outcome.result)
            self._read = tuple(digests), tuple(results)
        return self._read

    def _tasks(self) -> list[Task | Outcome]:
        tasks: list[Task | Outcome] = []
        for path in iter_report_paths(self.folders):
            if isinstance(path, Skipped):  # a symlink out of the folder, an unreadable folder: not a reference
                continue
            name = str(path)
            checked = self._checked.get(os.path.abspath(name))
            if checked is not None:  # read by the run: its outcomes, not a second reading
                tasks.extend(checked)
                continue
            tasks.append(Task(name, self._config_for(name), aliases=self._aliases, reference=not self.lint))
        return tasks


def load_history(
    folders: Iterable[str],
    config: Config,
    aliases: Mapping[str, str] | None = None,
    *,
    exclude: Iterable[str] = (),
    jobs: int | None = None,
) -> tuple[Digest, ...]:
    """The reports under ``folders``, parsed as references (never linted) by the runner's workers (a PDF
    always in a worker, with its limits), in folder order, without the files in ``exclude`` (a compilation's
    reports ``汇编.pdf#2`` name their file)."""
    return History(folders, lambda _: config, aliases, jobs=jobs).references(exclude)


def _file(path: str) -> str:
    """The file a report is in, as an absolute path: ``/…/汇编.pdf`` of the compilation's ``汇编.pdf#2``."""
    file, mark, number = path.rpartition("#")
    return os.path.abspath(file if mark and number.isdigit() else path)
