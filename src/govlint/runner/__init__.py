"""The run over many files: read, parse and lint each in worker processes, yield outcomes in input order.

``govlint check`` hands :func:`run` one :class:`Task` per file and gets one :class:`Outcome` per report
back (a file holds one, a compilation several), in the same order, whatever ``jobs`` is: the output of
``-j 8`` is the output of ``-j 1``, byte for byte.  A file that crashes or overruns its worker becomes
that file's :class:`Unreadable` outcome and the run goes on.  PDF files, web pages (and files whose kind
is known only from their content) are always read in a worker, with its memory and time limit, because
PDFium can abort the whole process on a hostile file and neither PDFium nor lexbor can be interrupted by
an alarm; with ``jobs=1`` the other files are checked in this process.

When the run-level phase (:mod:`govlint.crossreport`) runs, each outcome carries the report's digest,
made in the worker: the phase runs after the per-file phase over the digests alone.

The worker pool (multiprocessing) and the progress bar (tqdm) are imported only when a run needs them:
a check of one text file pays for neither.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Generator, Sequence

from govlint.runner.outcome import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIMEOUT,
    Limits,
    Outcome,
    Task,
    Unreadable,
)
from govlint.sources import REPORT_EXTENSIONS, extension, sniff

__all__ = [
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_TIMEOUT",
    "PROGRESS_MIN_FILES",
    "Limits",
    "Outcome",
    "Task",
    "Unreadable",
    "default_jobs",
    "run",
]

#: A progress bar is shown only for runs of more files than this.
PROGRESS_MIN_FILES = 5


def default_jobs() -> int:
    """The number of cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


#: The kinds read by C code that an alarm cannot interrupt and that a hostile file can keep busy for
#: minutes or abort: PDFium, and lexbor (quadratic on some pages).
_WORKER_KINDS = frozenset({"pdf", "html"})


def needs_worker(task: Task | Outcome) -> bool:
    """Whether the file must be read in a worker: a PDF or web page, or a file whose kind only its content
    tells."""
    if isinstance(task, Outcome):
        return False
    if task.data is not None:
        return sniff(task.data) in _WORKER_KINDS
    kind = REPORT_EXTENSIONS.get(extension(task.path))
    return kind is None or kind in _WORKER_KINDS


def run(
    tasks: Sequence[Task | Outcome], *, jobs: int | None = None, limits: Limits | None = None, progress: bool = False
) -> Generator[Outcome, None, None]:
    """The outcome of each task, in order (an :class:`Outcome` given among the tasks, such as the notice
    of a path the walk skipped, is passed on in its place).  ``jobs`` worker processes (default: :func:`default_jobs`);
    ``progress`` draws a bar on stderr (the caller decides: a terminal, not quiet) for runs of more than
    :data:`PROGRESS_MIN_FILES` files."""
    limits = limits or Limits()
    jobs = max(1, min(jobs or default_jobs(), len(tasks)))
    outcomes = _parallel(tasks, jobs, limits) if jobs > 1 else _sequential(tasks, limits)
    if not progress or len(tasks) <= PROGRESS_MIN_FILES:
        return outcomes
    from govlint.runner.progress import with_progress

    return with_progress(outcomes, len(tasks))


def _parallel(tasks: Sequence[Task | Outcome], jobs: int, limits: Limits) -> Generator[Outcome, None, None]:
    from govlint.runner.pool import WorkerPool

    with WorkerPool(jobs, limits) as pool:
        yield from pool.run(tasks)


def _sequential(tasks: Sequence[Task | Outcome], limits: Limits) -> Generator[Outcome, None, None]:
    """One file after another in this process, except those :func:`needs_worker` sends to one worker."""
    from govlint.runner.work import process_within

    with contextlib.ExitStack() as stack:
        pool = None
        for task in tasks:
            if isinstance(task, Outcome):
                yield task
                continue
            if not needs_worker(task):
                yield from process_within(task, limits.timeout)
                continue
            if pool is None:
                from govlint.runner.pool import WorkerPool

                pool = stack.enter_context(WorkerPool(1, limits))
            yield from pool.run([task])
