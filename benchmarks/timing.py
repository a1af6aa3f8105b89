"""What the timing benchmarks share: the fastest of repeated calls, which is what the code costs (as
:mod:`timeit` advises; slower calls measure the machine's other work)."""

from __future__ import annotations

import time
from collections.abc import Callable


def fastest(function: Callable[[], object], repeat: int, clock: Callable[[], float] = time.process_time) -> float:
    """The fastest of ``repeat`` calls after one warm-up call, in milliseconds of ``clock`` (by default the
    process's CPU time, which other processes' load on a shared machine does not add to)."""
    function()
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        function()
        best = min(best, clock() - start)
    return best * 1000
