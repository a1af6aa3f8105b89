"""Worker processes that check files one at a time each, with a time and memory limit per file.

A worker that dies (pdfium aborting, the kernel killing it, the memory limit reached inside C code) or
overruns the time limit costs only the file it was working on: it becomes that file's error, a new
worker takes its place and the run goes on.  Results come back in input order, and only a bounded window
of files is in flight or waiting, so a run over 10,000 files never holds every report.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import multiprocessing.connection
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

import attrs

from govlint.errors import GovlintError
from govlint.records import Record
from govlint.runner.outcome import Limits, Outcome, Task
from govlint.runner.work import crashed, out_of_memory, process, timed_out

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no address-space limit
    resource = None  # type: ignore[assignment]

#: Files handed out ahead of the next one to yield, per worker: keeps workers busy without holding many
#: finished reports while one slow file holds up the order.
AHEAD_PER_WORKER = 4
#: How long a worker asked to stop may take before it is killed, in seconds.
STOP_GRACE = 2.0


def _context() -> Any:
    """fork where it is safe and cheap (Linux: the worker inherits the loaded plugins), else spawn."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _limit_memory(megabytes: int) -> None:
    if resource is None or megabytes <= 0:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C back while a worker is forked and put on the pool's list.

    A Ctrl-C between the fork and the listing would leave a worker that nobody stops, holding the run's
    standard output open.  Blocking the signal in this thread is not enough when the process has other
    threads (a progress bar's monitor, a test runner's): the kernel hands the signal to one of them and
    Python still runs its handler here.  So the handler is replaced too, by one that only notes the Ctrl-C,
    which is raised again once the worker is listed.  The worker starts with the signal blocked, and
    unblocks it once it ignores it.  Python raises KeyboardInterrupt only in the main thread: elsewhere
    there is nothing to hold back.
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    handler = signal.signal(signal.SIGINT, lambda number, frame: noted.append(number))
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a Ctrl-C held by the mask reaches the handler now
    if noted:
        signal.raise_signal(signal.SIGINT)


def _serve(conn: Connection, memory: int) -> None:
    """A worker's loop: receive ``(index, task)``, send ``(index, outcome or fatal error)``; None stops it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    faulthandler.disable()  # a crash is reported by the parent as the file's error, not as a C traceback
    _limit_memory(memory)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        index, task = item
        reply: tuple[int, tuple[Outcome, ...] | GovlintError]
        try:
            reply = (index, process(task))
        except MemoryError:
            reply = (index, (Outcome.failed(task, out_of_memory(memory)),))
        except GovlintError as exc:  # a configuration or plugin error: the run stops with it
            reply = (index, exc)
        try:
            conn.send(reply)
        except MemoryError:
            conn.send((index, (Outcome.failed(task, out_of_memory(memory)),)))


@attrs.define(repr=False)
class _Worker(Record):
    process: Any
    conn: Connection
    #: The file being worked on: its index, task and start time.
    busy: tuple[int, Task, float] | None = None


class WorkerPool:
    """Up to ``jobs`` worker processes; use as a context manager, which stops (or on error kills) them."""

    def __init__(self, jobs: int, limits: Limits) -> None:
        self.jobs = max(1, jobs)
        self.limits = limits
        self.workers: list[_Worker] = []
        self.context = _context()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close(kill=kind is not None)

    def close(self, *, kill: bool = False) -> None:
        """Stop every worker: ask idle ones to finish, kill busy ones (or all, with ``kill``), reap them all."""
        for worker in self.workers:
            if kill or worker.busy is not None:
                worker.process.kill()
            else:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + STOP_GRACE
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers = []

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.limits.memory), daemon=True)
        with _sigint_deferred():
            process.start()
            worker = _Worker(process, parent)
            self.workers.append(worker)
        child.close()
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)

    def run(self, tasks: Iterable[Task | Outcome]) -> Generator[Outcome, None, None]:
        """The outcomes of each task (one per report its file holds), in the order of ``tasks``."""
        pending = enumerate(tasks)
        waiting: tuple[int, Task | Outcome] | None = next(pending, None)
        finished: dict[int, tuple[Outcome, ...]] = {}
        next_out = 0
        window = self.jobs * AHEAD_PER_WORKER
        while waiting is not None or any(w.busy for w in self.workers) or finished:
            while waiting is not None and waiting[0] < next_out + window:
                index, task = waiting
                if isinstance(task, Outcome):
                    finished[index] = (task,)
                    waiting = next(pending, None)
                    continue
                worker = next((w for w in self.workers if w.busy is None), None)
                if worker is None and len(self.workers) < self.jobs:
                    worker = self._start()
                if worker is None:
                    break
                worker.conn.send((index, task))
                worker.busy = (index, task, time.monotonic())
                waiting = next(pending, None)
            self._collect(finished)
            while next_out in finished:
                yield from finished.pop(next_out)
                next_out += 1

    def _collect(self, finished: dict[int, tuple[Outcome, ...]]) -> None:
        """Wait for at least one busy worker to answer, die or run out of time; record what it gave."""
        busy = [w for w in self.workers if w.busy is not None]
        if not busy:
            return
        timeout = self.limits.timeout
        now = time.monotonic()
        wait = None if timeout <= 0 else max(0.0, min(w.busy[2] for w in busy if w.busy) + timeout - now)
        handles: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = multiprocessing.connection.wait(handles, wait)
        now = time.monotonic()
        for worker in busy:
            assert worker.busy is not None
            index, task, started = worker.busy
            if worker.conn in ready or worker.conn.poll():
                try:
                    answer, reply = worker.conn.recv()
                except (EOFError, OSError):
                    pass
                else:
                    worker.busy = None
                    if isinstance(reply, GovlintError):
                        raise reply
                    finished[answer] = reply
                    continue
            if worker.process.sentinel in ready or not worker.process.is_alive():
                worker.process.join()
                finished[index] = (Outcome.failed(task, crashed(_death(worker.process.exitcode), self.limits.memory)),)
                self._replace(worker)
            elif timeout > 0 and now - started >= timeout:
                finished[index] = (Outcome.failed(task, timed_out(timeout)),)
                self._replace(worker)


def _death(exitcode: int | None) -> str:
    """How a worker ended, for the file's message: the signal's name, or its exit status."""
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit status {exitcode}"
