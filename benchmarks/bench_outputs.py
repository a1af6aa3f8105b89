"""Peak memory of each output format over many reports (a script, not a test):
``python benchmarks/bench_outputs.py``.

The json, csv and xlsx outputs are one document each, but they must not keep every finding until the run
ends: json and csv write each report's findings into a spool beside the output as the report is done, xlsx
streams its rows (openpyxl's write-only mode).  The reports are those of ``bench_cross.py`` (the pingtan
corpus in 13 regions, at most about 1,000), copied ``--copies`` times into folders of their own (each copy
is a body's second report of a year, so the copies add GL506 findings).  For each format, ``govlint check
DIR --format F -o FILE`` runs in a fresh process, and the script prints the process's peak resident memory
(``ru_maxrss``: the main process, where the outputs are made; the workers that parse are other processes),
its CPU time and the output's size.  ``--pythonpath`` measures another checkout side by side (``src`` of a
``git worktree`` of main), as docs/performance.md's figures were made.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cross import build

FORMATS = ("text", "json", "csv", "xlsx", "sarif", "html")
#: Runs the check in the fresh process and prints its peak resident memory in kB and its CPU seconds.
PROBE = """
import contextlib, io, resource, sys
from govlint import cli
with contextlib.redirect_stdout(io.StringIO()):
    cli.main(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def measure(directory: Path, output: Path, fmt: str, pythonpath: str) -> tuple[float, float, int]:
    """Peak MB and CPU seconds of the main process of one check, and the output's size in bytes."""
    args = ["check", "-q", "--exit-zero", "--isolated", "--format", fmt, "-o", str(output), str(directory)]
    env = {**os.environ, "PYTHONPATH": pythonpath}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True)
    peak_kb, cpu = done.stdout.split()
    return int(peak_kb) / 1024, float(cpu), output.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--pythonpath", action="append", help="a checkout's src to measure (repeatable)")
    args = parser.parse_args(argv)
    paths = args.pythonpath or [str(Path(__file__).resolve().parents[1] / "src")]
    directory = Path(tempfile.mkdtemp(prefix="govlint-bench-outputs-"))
    outputs = Path(tempfile.mkdtemp(prefix="govlint-bench-outputs-out-"))
    try:
        (directory / "0").mkdir()
        total = build(directory / "0", args.reports) * args.copies
        for copy in range(1, args.copies):
            shutil.copytree(directory / "0", directory / str(copy))
        print(f"{total} reports")
        for fmt in args.formats.split(","):
            for pythonpath in paths:
                peak, cpu, size = measure(directory, outputs / f"r.{fmt}", fmt, pythonpath)
                print(f"  {fmt:6} {pythonpath}: peak {peak:7.1f} MB, CPU {cpu:6.1f} s, output {size / 2**20:6.1f} MB")
                if fmt == "json":
                    found = len(json.loads((outputs / "r.json").read_text(encoding="utf-8"))["diagnostics"])
                    print(f"  {found} findings")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
        shutil.rmtree(outputs, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
