"""The work on one file, the same in the main process and in a worker: read, split a compilation into its
reports, parse, lint."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

import attrs

from govlint import crossreport, parsing
from govlint.api import read_documents
from govlint.errors import ConfigError, InputError, OwnOutput, PluginError, SymlinkOutside
from govlint.linter import LintResult, configured, lint_report, plugins_for, skipped_as_not_a_report
from govlint.model import Report
from govlint.notices import own_output, symlink_skipped
from govlint.output import report_view
from govlint.plugins import Plugins
from govlint.runner.outcome import Outcome, Task, Unreadable
from govlint.sources.compilation import part_path


class TimeLimitExceeded(BaseException):
    """Raised into the file's work by the alarm; a BaseException so that no ``except Exception`` eats it."""


def process(task: Task) -> tuple[Outcome, ...]:
    """Read, parse and lint one file: one outcome per report it holds (a compilation holds several: see
    :mod:`govlint.sources.compilation`).  A file that cannot be read is one :class:`Unreadable` outcome;
    configuration and plugin errors propagate (they stop the run), and so does MemoryError, for the caller
    who knows the memory limit."""
    try:
        plugins = plugins_for(task.config)
        parts = read_documents(task.path, data=task.data, encoding=task.encoding, name=task.name, within=task.within)
        report = parsing.parse_document(parts[0], plugins.tables)
    except OwnOutput as exc:  # skipped with its GL002 notice, as a path the walk skipped
        name = "<stdin>" if task.path == "-" else task.path
        notice = configured([own_output(name, exc.output_format)], task.config, task.path)
        return (Outcome(task.path, LintResult(name, notice)),)
    except SymlinkOutside as exc:  # planted after the walk: skipped as the walk skips one
        notice = configured([symlink_skipped(task.path, exc.target)], task.config, task.path)
        return (Outcome(task.path, LintResult(task.path, notice)),)
    except InputError as exc:
        return (Outcome.failed(task, Unreadable(exc.kind, exc.reason_zh or str(exc), exc.reason_en or str(exc))),)
    except (ConfigError, PluginError, MemoryError):
        raise
    except Exception as exc:  # a reader or parser bug must not stop the other files
        return (_crashed(task, exc),)
    if len(parts) == 1:
        return (_checked(task, plugins, report, digested=not task.alone),)
    # A compilation's reports are checked one at a time, each let go before the next is parsed.
    outcomes = [_checked(task, plugins, report, part_path(report.path, 1))]
    for number, part in enumerate(parts[1:], start=2):
        del report  # let go before the next is parsed
        try:
            report = parsing.parse_document(part, plugins.tables)
        except (ConfigError, PluginError, MemoryError):
            raise
        except Exception as exc:  # as for the first report: the file's one outcome
            return (_crashed(task, exc),)
        outcomes.append(_checked(task, plugins, report, part_path(report.path, number)))
    return tuple(outcomes)


def _crashed(task: Task, exc: Exception) -> Outcome:
    """The outcome of a file whose reader or parser failed: its GL001 notice naming the error."""
    error = f"{type(exc).__name__}: {exc}"
    return Outcome.failed(
        task,
        Unreadable(
            "crash",
            f"解析时内部错误（{error}），请报告给 govlint 的开发者",
            f"internal error while parsing ({error}); please report this",
        ),
    )


def _checked(
    task: Task, plugins: Plugins, report: Report, name: str | None = None, *, digested: bool = True
) -> Outcome:
    """The outcome of one parsed report; ``name`` is the path its findings go by (a compilation's part),
    while selection, per-file ignores and levels follow the file's own path.  It carries the report's digest
    when the run phase runs (``task.aliases``) and may compare it (``digested``)."""
    shown = report if name is None else attrs.evolve(report, path=name)
    if task.reference:  # a reference for the run phase: its digest alone
        reference = crossreport.digest(shown, dict(task.aliases or ()), reference=True)
        return Outcome(task.path, LintResult(shown.path, ()), digest=reference)
    skipped = skipped_as_not_a_report(report, task.config)
    if skipped is not None:
        return Outcome(task.path, _named(skipped, name), _shown(report), line=_first_line(report))
    result = _named(lint_report(report, task.config, plugins=plugins), name)
    kept = crossreport.digest(shown, dict(task.aliases)) if task.aliases is not None and digested else None
    view = report_view(shown) if task.view else None
    return Outcome(task.path, result, _shown(report), kept, view=view, line=_first_line(report))


def _shown(report: Report) -> str:
    """The text whose lines findings point at: the file's when the report's text has other lines."""
    return report.text if report.source is None else report.source


def _first_line(report: Report) -> int:
    """The line of the file the report's :func:`_shown` text starts on (a compilation's report: its title
    line; the file's text: its first)."""
    if report.source is not None or report.positions is None:
        return 1
    return report.positions.first_line


def _named(result: LintResult, name: str | None) -> LintResult:
    if name is None:
        return result
    return attrs.evolve(
        result,
        path=name,
        diagnostics=tuple(attrs.evolve(d, location=attrs.evolve(d.location, path=name)) for d in result.diagnostics),
        errors=tuple(e._replace(path=name) for e in result.errors),
    )


def process_within(task: Task, timeout: float) -> tuple[Outcome, ...]:
    """:func:`process` in this process, stopped after ``timeout`` seconds (0: never) where an alarm can be
    set (POSIX, main thread); MemoryError becomes the file's error."""
    try:
        with _alarm(timeout):
            return process(task)
    except TimeLimitExceeded:
        return (Outcome.failed(task, timed_out(timeout)),)
    except MemoryError:
        return (Outcome.failed(task, out_of_memory()),)


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed_out(seconds: float) -> Unreadable:
    return Unreadable(
        "timeout",
        f"处理超过 {seconds:g} 秒的时间限制，已停止（可用 --timeout 调整）",
        f"stopped after the time limit of {seconds:g} s (see --timeout)",
    )


def out_of_memory(limit: int = 0) -> Unreadable:
    within = f"（上限 {limit} MB，可用 --memory-limit 调整）" if limit else ""
    within_en = f" (limit {limit} MB, see --memory-limit)" if limit else ""
    return Unreadable("memory", f"读取时内存不足{within}", f"ran out of memory while reading{within_en}")


def crashed(how: str, limit: int) -> Unreadable:
    hint = f"，可能超出了内存上限 {limit} MB" if limit else ""
    hint_en = f"; it may have reached the memory limit of {limit} MB" if limit else ""
    return Unreadable(
        "crash",
        f"读取此文件的工作进程异常退出（{how}{hint}）",
        f"the worker reading this file died ({how}{hint_en})",
    )
