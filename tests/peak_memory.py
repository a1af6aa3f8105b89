"""The one measure of memory the tests share: the peak of Python's allocations while a call runs.

It sits at the top of ``tests/`` (on ``sys.path`` through pytest's ``pythonpath`` setting in pyproject.toml) so
that every test folder imports the same helper."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def traced_peak(call: Callable[[], T]) -> tuple[T, int]:
    """What ``call`` returns, and the peak of Python's allocations while it ran (:mod:`tracemalloc`, which
    counts them whatever else the machine does, so that a bound does not depend on the machine's load)."""
    tracemalloc.start()
    try:
        answer = call()
        return answer, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
