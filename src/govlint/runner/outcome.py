"""The records of a run over many files: what a worker is given, and what it sends back.

Everything here crosses a process boundary, so it is plain picklable data.  The records are never compared
or printed, so they have neither ``__eq__`` nor ``__repr__`` (attrs would write and compile both for each
class at every start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from govlint.config import Config
from govlint.linter import LintResult
from govlint.notices import unreadable
from govlint.records import Record

if TYPE_CHECKING:
    from govlint.crossreport.digests import Digest
    from govlint.output.view import ReportView

#: Default wall-clock limit for reading, parsing and linting one file, in seconds.
DEFAULT_TIMEOUT = 60.0
#: Default address-space limit of a worker process, in MiB: generous for any real report, small enough
#: that a decompression bomb inside a PDF fails in its worker instead of exhausting the machine.
DEFAULT_MEMORY_LIMIT = 4096


@attrs.frozen(repr=False, eq=False)
class Limits(Record):
    """What one file may cost: ``timeout`` seconds and ``memory`` MiB of address space (0: no limit)."""

    timeout: float = DEFAULT_TIMEOUT
    memory: int = DEFAULT_MEMORY_LIMIT


@attrs.frozen(repr=False, eq=False)
class Task(Record):
    """One file to check: its path (as shown), the configuration that applies, and stdin's bytes for ``-``."""

    path: str
    config: Config
    encoding: str | None = None
    data: bytes | None = None
    #: The name a report read from stdin goes by.
    name: str | None = None
    #: The body-name aliases of the run-level phase, when it runs: the worker then makes the report's
    #: :class:`~govlint.crossreport.Digest` (the phase needs only that, not the whole report).
    aliases: tuple[tuple[str, str], ...] | None = None
    #: The run's only file, compared with no history or roster: its report is digested only when the file
    #: holds several, which the phase compares with each other (:meth:`govlint.crossreport.collect.Collector.alone`).
    alone: bool = False
    #: Whether the worker sends back the report's :class:`~govlint.output.view.ReportView` (``--format html``).
    view: bool = False
    #: An earlier year's file given with ``--history``: parsed into its digest (with ``aliases``), not linted.
    reference: bool = False
    #: The real path of the folder the walk found the file in (None for a file named, or --follow-symlinks):
    #: the file is opened without following a symlink planted since that leads outside it.
    within: str | None = None


@attrs.frozen(repr=False, eq=False)
class Unreadable(Record):
    """Why a file gave no report: ``kind`` is the short machine word of its GL001 notice (a reader's, or
    ``crash``, ``timeout``, ``memory`` for a worker that died, overran or ran out of memory)."""

    kind: str
    reason_zh: str
    reason_en: str

    def reason(self, lang: str = "zh") -> str:
        return self.reason_en if lang == "en" else self.reason_zh


@attrs.frozen(repr=False, eq=False)
class Outcome(Record):
    """The result of one file: its :class:`LintResult` and decoded text, or why it could not be read."""

    path: str
    #: The findings; for a file that could not be read, none of its own.
    result: LintResult
    text: str | None = None
    digest: Digest | None = None
    unreadable: Unreadable | None = None
    #: The body, year and tables the HTML page shows, when the task asked for them.
    view: ReportView | None = None
    #: The line of the file ``text`` starts on (a compilation's report starts at its title line).
    line: int = 1

    @classmethod
    def failed(cls, task: Task, why: Unreadable) -> Outcome:
        """The outcome of a file that could not be read: its GL001 notice, whatever the selection (as an
        I/O error in other linters, it is never silenced: no file given is left out without a word)."""
        name = "<stdin>" if task.path == "-" else task.path
        notice = unreadable(name, why.reason_zh, why.reason_en, kind=why.kind)
        severity = task.config.severity_for(notice.code, notice.severity)
        return cls(task.path, LintResult(name, (attrs.evolve(notice, severity=severity),)), unreadable=why)
