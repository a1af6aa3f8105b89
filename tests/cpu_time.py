"""The one measure of time the tests' bounds share: CPU seconds spent, by this process and by the
subprocesses it waited for.

A bound on wall-clock time fails when the machine is busy (CI runs two test envs on two cores, and other
work may run beside them); the CPU time a call itself spends does not grow with the load, so a bound on it
still catches a hang or a quadratic path without failing on a loaded machine.  It sits beside
``peak_memory.py`` at the top of ``tests/`` (on ``sys.path`` through pytest's ``pythonpath`` setting)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Spent:
    """The CPU seconds of a ``with cpu_time()`` block, set when the block ends (also when it raised)."""

    seconds: float = 0.0


@contextmanager
def cpu_time() -> Iterator[Spent]:
    """Measure the block: this process's CPU time, plus that of the child processes it started and waited
    for (a ``govlint`` command run by ``subprocess``)."""
    spent = Spent()
    start = _now()
    try:
        yield spent
    finally:
        spent.seconds = _now() - start


def _now() -> float:
    times = os.times()
    return time.process_time() + times.children_user + times.children_system
