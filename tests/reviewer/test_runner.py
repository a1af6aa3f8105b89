"""The run over many files: input order whatever the workers, and one bad file costing only itself.

The faults are staged by a parser stand-in (installed before the workers fork, so they inherit it):
"ABORT" kills the process the way PDFium does on a hostile PDF, "SLEEP" overruns the time limit, "HOG"
allocates far past the memory limit.  Everything else goes through the real parser.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.process
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from govlint import cli, parsing
from govlint.config import Config
from govlint.linter import lint_report
from govlint.model import Report
from govlint.runner import Limits, Outcome, Task, needs_worker, run
from govlint.runner.pool import WorkerPool
from govlint.schema import TableSpec
from govlint.sources import Document, load_file

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan"
REAL_PARSE = parsing.parse_document


def staged_parse(document: Document, tables: Sequence[TableSpec] = ()) -> Report:
    if "ABORT" in document.text:
        os.abort()
    if "SLEEP" in document.text:
        time.sleep(30)
    if "HOG" in document.text:
        hog = bytearray(8 * 1024**3)
        return Report(path=document.path, text=str(len(hog)), format="2021")
    return REAL_PARSE(document, tables)


@pytest.fixture
def staged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing, "parse_document", staged_parse)


def corpus_tasks(count: int) -> list[Task]:
    files = sorted(CORPUS.glob("*.txt"))[:count]
    return [Task(str(f), Config()) for f in files]


def expected(task: Task) -> tuple[str, tuple[str, ...]]:
    """The path and finding codes of one file, computed here without the runner."""
    result = lint_report(REAL_PARSE(load_file(task.path)), task.config)
    return task.path, tuple(f"{d.code}:{d.location.line}" for d in result.diagnostics)


def summary(outcome: Outcome) -> tuple[str, tuple[str, ...]]:
    return outcome.path, tuple(f"{d.code}:{d.location.line}" for d in outcome.result.diagnostics)


def test_outcomes_come_in_input_order_with_the_findings_of_a_single_process_run() -> None:
    tasks = corpus_tasks(12)
    want = [expected(t) for t in tasks]
    assert sum(len(codes) for _, codes in want) > 0, "the corpus slice should have findings to compare"
    for jobs in (1, 2, 3):
        outcomes = list(run(tasks, jobs=jobs))
        assert [summary(o) for o in outcomes] == want
        assert all(o.unreadable is None and o.text for o in outcomes)


def test_the_digest_for_the_run_level_phase_is_made_in_the_worker_only_when_asked() -> None:
    (plain,) = corpus_tasks(1)
    asked = Task(plain.path, plain.config, aliases=())
    outcomes = list(run([plain, asked], jobs=2))
    assert outcomes[0].digest is None
    digest = outcomes[1].digest
    assert digest is not None
    assert (digest.path, digest.agency) == (plain.path, outcomes[1].result.agency)
    assert [s.key for s in digest.sections][:1] == ["overview"]
    assert digest.cell("applications.results_total.total") is not None


def fault(tmp_path: Path, name: str, text: str) -> Task:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Task(str(path), Config())


@pytest.mark.usefixtures("staged")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_that_aborts_costs_only_its_file(tmp_path: Path, jobs: int) -> None:
    good = corpus_tasks(3)
    # a file of unknown extension is read in a worker even with jobs=1, as PDFs are
    bad = fault(tmp_path, "bomb.bin", "ABORT")
    outcomes = list(run([good[0], bad, good[1], good[2]], jobs=jobs))
    assert [o.path for o in outcomes] == [good[0].path, bad.path, good[1].path, good[2].path]
    crashed = outcomes[1].unreadable
    assert crashed is not None
    assert crashed.kind == "crash"
    assert (
        crashed.reason("en")
        == "the worker reading this file died (SIGABRT; it may have reached the memory limit of 4096 MB)"
    )
    (notice,) = outcomes[1].result.diagnostics
    assert (notice.code, notice.key, notice.location.path) == ("GL001", "unreadable.crash", bad.path)
    assert (
        notice.message("zh")
        == "无法读取此文件，未检查：读取此文件的工作进程异常退出（SIGABRT，可能超出了内存上限 4096 MB）"
    )
    assert [summary(o) for o in (outcomes[0], outcomes[2], outcomes[3])] == [expected(t) for t in good]


@pytest.mark.usefixtures("staged")
def test_a_file_over_the_time_limit_is_stopped_and_the_run_goes_on(tmp_path: Path) -> None:
    good = corpus_tasks(2)
    slow = fault(tmp_path, "slow.txt", "SLEEP")
    started = time.monotonic()
    outcomes = list(run([slow, *good], jobs=2, limits=Limits(timeout=1.0)))
    assert time.monotonic() - started < 25
    stopped = outcomes[0].unreadable
    assert stopped is not None
    assert (stopped.kind, stopped.reason("en")) == ("timeout", "stopped after the time limit of 1 s (see --timeout)")
    assert [d.code for d in outcomes[0].result.diagnostics] == ["GL001"]
    assert [summary(o) for o in outcomes[1:]] == [expected(t) for t in good]


@pytest.mark.usefixtures("staged")
def test_the_time_limit_holds_in_process_too(tmp_path: Path) -> None:
    slow = fault(tmp_path, "slow.txt", "SLEEP")
    assert not needs_worker(slow)
    started = time.monotonic()
    (outcome,) = run([slow], jobs=1, limits=Limits(timeout=0.5))
    assert time.monotonic() - started < 10
    assert outcome.unreadable is not None
    assert outcome.unreadable.kind == "timeout"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.usefixtures("staged")
def test_a_file_past_the_memory_limit_is_one_error(tmp_path: Path) -> None:
    good = corpus_tasks(1)
    hog = fault(tmp_path, "hog.dat", "HOG")
    outcomes = list(run([hog, *good], jobs=2, limits=Limits(memory=1024)))
    assert outcomes[0].unreadable is not None
    assert outcomes[0].unreadable.reason("zh") == "读取时内存不足（上限 1024 MB，可用 --memory-limit 调整）"
    assert [summary(o) for o in outcomes[1:]] == [expected(t) for t in good]


def test_pdf_and_unknown_kinds_go_to_a_worker(tmp_path: Path) -> None:
    assert needs_worker(Task("a.html", Config()))
    assert needs_worker(Task("-", Config(), data=b"<!DOCTYPE html><p>x"))
    assert needs_worker(Task("a.pdf", Config()))
    assert needs_worker(Task("a.PDF", Config()))
    assert needs_worker(Task("a.dat", Config()))
    assert not needs_worker(Task("a.txt", Config()))
    assert not needs_worker(Task("a.docx", Config()))
    assert needs_worker(Task("-", Config(), data=b"%PDF-1.7\n"))
    assert not needs_worker(Task("-", Config(), data="报告".encode()))


def test_an_unreadable_file_is_its_own_outcome(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    copy = tmp_path / "ok.txt"
    shutil.copy(sorted(CORPUS.glob("*.txt"))[0], copy)
    outcomes = list(run([Task(str(empty), Config()), Task(str(copy), Config())], jobs=2))
    assert outcomes[0].unreadable is not None
    assert (outcomes[0].unreadable.kind, outcomes[0].unreadable.reason("zh")) == ("unreadable", "文件为空")
    assert outcomes[1].unreadable is None


SLOW_RULES = """
import time
import govlint
from govlint.diagnostics import Severity
from govlint.rule import Rule, RuleMeta


class Slow(Rule):
    meta = RuleMeta("SL001", "slow", "test", Severity.INFO, "慢", "slow", "A test rule.", "慢", "ok")

    def check(self, report, ctx):
        time.sleep(60)
        return ()


@govlint.hookimpl
def govlint_plugin_info():
    return {"name": "slow-rules", "version": "0.1", "api_version": 1, "code_prefixes": ["SL"]}


@govlint.hookimpl
def govlint_rules():
    return [Slow]
"""


@contextlib.contextmanager
def _ctrl_c_as_in_a_terminal() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt here and in the commands started meanwhile, as in a terminal, even
    when the test run was started in the background of a shell without job control: such a shell ignores
    SIGINT for its children, and an ignored signal stays ignored across exec."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def processes_started_in(folder: Path) -> list[int]:
    """The processes whose working directory is ``folder`` (the command and any worker it forked)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/cwd") == str(folder):
                    found.append(int(entry))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find the workers")
def test_ctrl_c_exits_130_leaving_no_worker_and_no_output_file(tmp_path: Path) -> None:
    (tmp_path / "slow_rules.py").write_text(SLOW_RULES, encoding="utf-8")
    (tmp_path / ".govlint.toml").write_text('plugins = ["slow_rules"]\nselect = ["SL"]\n', encoding="utf-8")
    for source in sorted(CORPUS.glob("*.txt"))[:4]:
        shutil.copy(source, tmp_path / source.name)
    command = [sys.executable, "-m", "govlint", "check", "-j", "2", "--write-baseline", "baseline.json", "."]
    with _ctrl_c_as_in_a_terminal():
        child = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(processes_started_in(tmp_path)) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(processes_started_in(tmp_path)) == 3, "the command and its two workers"
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "govlint: 已中断"
    assert processes_started_in(tmp_path) == [], "the workers were stopped before the command exited"
    assert list(tmp_path.glob("baseline*")) == []


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_ctrl_c_right_after_a_worker_is_forked_still_stops_that_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C that lands between a worker's fork and its listing in the pool must not leave it running:
    such an orphan held the run's standard output open, so the interrupted command never ended."""
    started: list[multiprocessing.process.BaseProcess] = []
    real_start = multiprocessing.process.BaseProcess.start

    def start_then_interrupt(process: multiprocessing.process.BaseProcess) -> None:
        real_start(process)
        started.append(process)
        os.kill(os.getpid(), signal.SIGINT)  # delivered now, unless the pool holds it back

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start_then_interrupt)
    task = Task(str(sorted(CORPUS.glob("*.txt"))[0]), Config())
    with _ctrl_c_as_in_a_terminal(), pytest.raises(KeyboardInterrupt), WorkerPool(2, Limits()) as pool:
        list(pool.run([task]))
    assert started, "a worker was forked"
    for process in started:
        process.join(5)
        assert not process.is_alive(), "the worker forked just before Ctrl-C was stopped"


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX threads and signals")
def test_ctrl_c_taken_by_another_thread_right_after_a_fork_still_stops_that_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same Ctrl-C when the process has another thread (a progress bar's monitor) and the kernel hands
    the signal to it: blocking the signal in the main thread did not hold Python's handler back, so the
    worker was left running (it failed now and then under pytest-xdist, whose threads took the signal)."""
    started: list[multiprocessing.process.BaseProcess] = []
    real_start = multiprocessing.process.BaseProcess.start
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()

    def start_then_interrupt(process: multiprocessing.process.BaseProcess) -> None:
        real_start(process)
        started.append(process)
        assert other.ident is not None
        signal.pthread_kill(other.ident, signal.SIGINT)  # the other thread takes it, as the kernel may choose
        time.sleep(0.05)  # Python runs the handler in the main thread at its next chance

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start_then_interrupt)
    task = Task(str(sorted(CORPUS.glob("*.txt"))[0]), Config())
    try:
        with _ctrl_c_as_in_a_terminal(), pytest.raises(KeyboardInterrupt), WorkerPool(2, Limits()) as pool:
            list(pool.run([task]))
    finally:
        stop.set()
    assert started, "a worker was forked"
    for process in started:
        process.join(5)
        assert not process.is_alive(), "the worker forked just before Ctrl-C was stopped"


@pytest.mark.parametrize("output", ["json", "text"])
def test_the_output_with_cross_report_rules_is_byte_identical_whatever_the_workers(
    output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The run phase works on digests made in the workers (and pickled back): ``-j 2`` prints what ``-j 1``
    prints, findings of the GL5xx rules included."""
    printed = []
    for jobs in ("1", "2"):
        cli.main(["check", "--isolated", "--reference-date", "2026-06-01", "-j", jobs, "--format", output, str(CORPUS)])
        printed.append(capsys.readouterr().out)
    assert printed[0] == printed[1]
    assert "GL503" in printed[0] and "GL501" in printed[0], "the corpus should give cross-report findings"
