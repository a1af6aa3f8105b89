"""Lint-time benchmark: the rules alone on each parsed seed report, and the GL6xx rules' share of it.

Run: ``python benchmarks/bench_lint.py [--repeat N] [--corpus]`` (a plain script, not a timed test).  Each
report is parsed once; then :func:`govlint.linter.lint_report` with every built-in rule runs ``--repeat``
times after a warm-up, and so does a run with only the GL6 rules.  The fastest run is the time without other
load on the machine.  Target (issue #12): under 5 ms per seed report; exits 1 when a seed is over it.
``--corpus`` adds the Pingtan reports (one summary line).  ``--cpu`` times the process's CPU time instead of the
wall clock, which other processes' load on a shared machine does not add to (as ``bench_parse.py --cpu``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
from timing import fastest

from govlint import parse
from govlint.config import Config
from govlint.linter import lint_report, plugins_for
from govlint.model import Report

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
LIMIT_MS = 5.0


def lint_times(report: Report, repeat: int, clock: Callable[[], float] = time.perf_counter) -> tuple[float, float]:
    """(all built-in rules, GL6 rules only) in milliseconds.  Each run lints a fresh copy of the report, so
    that what a report makes on first use (its sentences) is timed in every run, as in a real check."""
    every, text = Config(), Config(select=("GL6",))
    plugins = plugins_for(every)
    return (
        fastest(lambda: lint_report(attrs.evolve(report), every, plugins=plugins), repeat, clock),
        fastest(lambda: lint_report(attrs.evolve(report), text, plugins=plugins), repeat, clock),
    )


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--repeat", type=int, default=30, help="lint runs per report (default 30)")
    options.add_argument("--corpus", action="store_true", help="also the Pingtan corpus")
    options.add_argument("--cpu", action="store_true", help="CPU time of this process, not the wall clock")
    args = options.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter

    over = []
    print(f"lint time per report, fastest of {args.repeat} runs after warm-up (limit {LIMIT_MS:g} ms):")
    for path in sorted((FIXTURES / "seeds").glob("*.txt")):
        report = parse(path)
        every, text = lint_times(report, args.repeat, clock)
        flag = "" if every < LIMIT_MS else "  OVER"
        print(f"  {path.name:<28} all rules {every:6.2f} ms   GL6 only {text:6.2f} ms{flag}")
        if every >= LIMIT_MS:
            over.append(path.name)
    if args.corpus:
        pingtan = sorted((FIXTURES / "corpus" / "pingtan").glob("*.txt"))
        times = [lint_times(parse(p), 5, clock) for p in pingtan]
        print(
            f"  pingtan: {len(times)} reports, all rules max {max(t[0] for t in times):.2f} ms, "
            f"GL6 max {max(t[1] for t in times):.2f} ms"
        )
    if over:
        print(f"over {LIMIT_MS:g} ms: {', '.join(over)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
