"""What ``-j`` buys (a script, not a test): ``python benchmarks/bench_run.py [--reports 1000]``.

Issue #13 asks for 1,000 reports checked on 1, 2, 4 and all cores, and at least 0.7 × cores speed-up up to
8 cores.  The reports are those of ``bench_cross.py`` (the pingtan corpus in 13 regions).  Each ``-j`` is run
in process ``--repeat`` times, with the cross-report rules (the default) and with ``--ignore GL5``; the
best wall-clock time of each is printed with its speed-up over ``-j 1``, and beside it where the CPU time
went: the main process (reading the outcomes, printing, the run phase) and the workers.  A core count
above the machine's cannot be measured and is said so.

The wall clock is only meaningful on an otherwise idle machine: the load average is printed first.  The
``bound`` column is the speed-up the CPU times allow on idle cores: the CPU time of ``-j 1`` over the larger
of the main process's CPU time and the run's whole CPU time shared by the cores.

Exit status 1 when the speed-up on all cores is below ``--min-speedup`` × cores (default 0.7).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cross import build

from govlint import cli
from govlint.runner import default_jobs

CORE_COUNTS = (1, 2, 4, 8)


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed(directory: Path, jobs: int, extra: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds, the main process's CPU seconds and the workers' CPU seconds of one check."""
    main, workers, start = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["check", "-q", "--exit-zero", "--isolated", "-j", str(jobs), *extra, str(directory)])
    wall = time.perf_counter() - start
    return wall, cpu(resource.RUSAGE_SELF) - main, cpu(resource.RUSAGE_CHILDREN) - workers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--min-speedup", type=float, default=0.7, help="per core, on all cores")
    args = parser.parse_args(argv)
    cores = default_jobs()
    counts = sorted({c for c in CORE_COUNTS if c <= cores} | {cores})
    print(f"{cores} cores; load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    for missing in (c for c in CORE_COUNTS if c > cores):
        print(f"-j {missing}: cannot be measured on this machine ({cores} cores)")
    directory = Path(tempfile.mkdtemp(prefix="govlint-bench-run-"))
    failed = False
    try:
        total = build(directory, args.reports)
        for label, extra in (("with GL5", []), ("--ignore GL5", ["--ignore", "GL5"])):
            print(f"{total} reports, {label}:")
            single = single_cpu = 0.0
            for jobs in counts:
                runs = [timed(directory, jobs, extra) for _ in range(args.repeat)]
                wall, main_cpu, workers_cpu = min(runs)
                single, single_cpu = single or wall, single_cpu or main_cpu + workers_cpu
                bound = single_cpu / max(main_cpu, (main_cpu + workers_cpu) / jobs)
                speedup = single / wall
                print(
                    f"  -j {jobs}: {wall:6.2f} s wall, x{speedup:.2f} (bound x{bound:.2f}); "
                    f"CPU main {main_cpu:.2f} s, workers {workers_cpu:.2f} s"
                )
                if jobs == cores > 1 and speedup < args.min_speedup * cores:
                    print(f"  below {args.min_speedup} x {cores} cores")
                    failed = True
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
