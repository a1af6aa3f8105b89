"""Checking a text of any pathological shape peaks at a small multiple of it (issue #16 §2): each shape of
``benchmarks/bench_shapes.py`` (which measures them at 1 and 10 MB in fresh processes, by their resident
memory, with the machine's timings) checked here at about 300 KB with :mod:`tracemalloc`, so that a regression
fails the tests.  The bound is the issue's aim, ten times the input, plus a fixed allowance for what a piece
of the parse and the warmed-up caches cost; a text's own string is made before the measure.  On 2026-12-07
before the limits on a table printed again and again, section 二's tables printed again peaked at about 80
times the input.  A compilation, checked a report at a time, is measured in ``test_scale.py``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import govlint
from peak_memory import traced_peak

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"
#: The largest peak allowed per byte of UTF-8 input, and beside it in bytes.
PEAK_PER_BYTE = 10
ALLOWANCE = 4_000_000
SIZE = 300_000


def _bench() -> ModuleType:
    """benchmarks/bench_shapes.py (it imports bench_memory from its folder)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("bench_shapes", BENCHMARKS / "bench_shapes.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


BENCH = _bench()


@pytest.mark.parametrize("shape", [shape for shape in BENCH.SHAPES if shape != "compilation"])
def test_checking_a_text_of_any_shape_peaks_at_a_small_multiple_of_it(shape: str) -> None:
    text = BENCH.build(shape, SIZE)
    govlint.lint_text(BENCH.build(shape, 20_000))  # warm-up: grammar, plugins, patterns
    peak = traced_peak(lambda: govlint.lint_text(text))[1]
    size = len(text.encode("utf-8"))
    assert peak < PEAK_PER_BYTE * size + ALLOWANCE, peak / size
