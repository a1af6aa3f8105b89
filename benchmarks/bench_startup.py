"""Start-up and per-report time of govlint (a script, not a test): ``python benchmarks/bench_startup.py``.

1. A fresh ``govlint check SEED`` and ``govlint parse SEED`` process against a fresh ``flake8`` of a small
   Python file, side by side: what a user feels is the comparison with the linters they know.  The guard is
   1.4x flake8 (median of N runs, the commands interleaved so that machine load hits both alike); the script
   exits 1 when ``govlint check`` is over it.  Two runs of each command before the timed ones fill the user's
   caches (the parser's tables, the plugin list, the compiled patterns: docs/performance.md), as a user's
   earlier runs have.  ``python -c "import lark, pluggy, attrs"`` is shown too, as the
   floor any program on these libraries pays.  With ``--instructions``, the same commands once each under
   valgrind's callgrind: instruction counts do not depend on what else the machine is doing; then the
   layers of a cold check (the floor, then each part of govlint imported on top, then the check's own work),
   which show where the instructions beyond the floor go.  With ``--against SRC`` (another checkout's
   ``src`` folder), that govlint's ``govlint check`` runs among the others: two versions compared side by
   side, under the same load.
2. ``python -X importtime`` of ``govlint check SEED``: the modules that cost the most, beyond the floor.
3. In process, after a warm-up, per seed report: the fastest parse of its text, and the fastest lint of the
   parsed report (as ``bench_lint.py`` times it; aim < 5 ms).

Run it in an environment where govlint and flake8 are installed (``tox run -e bench`` installs both).  The machine
should be otherwise idle; the medians are robust to a few slow runs, not to a busy machine.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_lint import LIMIT_MS, lint_times
from timing import fastest

import govlint

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
#: A cold ``govlint check`` of one report stays within this factor of a cold ``flake8`` of a small file.
TARGET_RATIO = 1.4
FLOOR = [sys.executable, "-c", "import lark, pluggy, attrs"]
REFERENCE = "flake8 small.py"
#: A small, clean Python module for flake8 to check (flake8 reads it like any user's file).
SMALL_PY = '"""A small module."""\n\n\ndef add(a: int, b: int) -> int:\n    return a + b\n'

#: The parts of a cold ``govlint check``, imported one on top of the other (``--instructions``): a label and
#: the modules that bring the part in.
LAYERS = (
    ("the AST (model, schema, datetime, decimal)", "govlint.model"),
    ("configuration, findings, rule API, linter", "govlint.config, govlint.diagnostics, govlint.rule, govlint.linter"),
    ("the parser", "govlint.parsing.build"),
    ("the plugin manager", "govlint.plugins"),
    ("the built-in rules (with the GL5 rules' metadata)", "govlint.rules"),
    ("the run phase's collector", "govlint.crossreport.collect"),
    ("reading files and the run", "govlint.runner.work"),
    ("the command line and the text output", "govlint.cli, govlint.output.text"),
)

_IMPORTTIME = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def govlint_command() -> list[str]:
    """The console script of this interpreter's environment, or ``python -m govlint`` when there is none."""
    script = Path(sys.executable).with_name("govlint")
    if script.exists():
        return [str(script)]
    found = shutil.which("govlint")
    return [found] if found else [sys.executable, "-m", "govlint"]


#: The processes measured write bytecode as a user's would, even where the caller's environment says not to.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
_COLLECTED = re.compile(rb"Collected : (\d+)")


#: A command to time: its arguments and its environment.
Command = tuple[list[str], dict[str, str]]


def run_once(command: Sequence[str], env: dict[str, str] = ENV) -> float:
    """Wall time of one fresh process, in seconds; a usage or input error (exit 2 and more) is fatal."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed with exit {done.returncode}:\n{done.stderr.decode(errors='replace')}")
    return elapsed


def median_times(commands: dict[str, Command], runs: int, warmup: int = 2) -> dict[str, float]:
    """The median wall time of each command, the commands run in turn so that load changes hit all alike."""
    for command, env in commands.values():
        for _ in range(warmup):
            run_once(command, env)
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, (command, env) in commands.items():
            samples[label].append(run_once(command, env))
    return {label: statistics.median(times) for label, times in samples.items()}


def instructions(command: Sequence[str], env: dict[str, str] = ENV) -> float:
    """Millions of instructions one fresh process executes (valgrind --tool=callgrind)."""
    run_once(command, env)  # writes any missing bytecode first
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        sys.exit(f"valgrind gave no instruction count for {' '.join(command)}:\n{done.stderr.decode(errors='replace')}")
    return int(found.group(1)) / 1e6


def flake8_command() -> list[str]:
    """flake8 of this interpreter's environment (installed by ``tox run -e bench``)."""
    script = Path(sys.executable).with_name("flake8")
    found = str(script) if script.exists() else shutil.which("flake8")
    if found is None:
        sys.exit("flake8 is not installed: the start-up guard compares govlint with it (pip install flake8)")
    return [found]


def commands(seed: Path, small: Path, against: Path | None = None) -> dict[str, Command]:
    """What is timed; with ``against`` (another checkout's ``src`` folder), its ``govlint check`` too."""
    govlint = govlint_command()
    found = {
        "python -c pass": ([sys.executable, "-c", "pass"], ENV),
        "import lark, pluggy, attrs": (FLOOR, ENV),
        REFERENCE: ([*flake8_command(), str(small)], ENV),
        f"govlint check {seed.name}": ([*govlint, "check", "--exit-zero", str(seed)], ENV),
        f"govlint parse {seed.name}": ([*govlint, "parse", str(seed)], ENV),
    }
    if against is not None:
        found[f"the same, govlint of {against}"] = (
            [*govlint, "check", "--exit-zero", str(seed)],
            {**ENV, "PYTHONPATH": str(against)},
        )
    return found


def print_ratios(values: dict[str, float], unit: str, scale: float, *, guarded: bool = True) -> bool:
    """Print each command against flake8; whether ``govlint check`` is within the guard (judged on ``values``
    only when ``guarded``: the guard is on wall-clock time)."""
    reference = values[REFERENCE]
    within = True
    for label, value in values.items():
        ratio = value / reference
        verdict = ""
        if guarded and label.startswith("govlint check"):
            within = ratio <= TARGET_RATIO
            verdict = "ok" if within else f"over the {TARGET_RATIO}x guard"
        print(f"  {label:<40} {value * scale:8.1f} {unit}  {ratio:5.2f}x flake8  {verdict}")
    return within


def startup(seed: Path, small: Path, runs: int, against: Path | None) -> bool:
    print(f"fresh process, median of {runs} interleaved runs ({' '.join(govlint_command())})")
    return print_ratios(median_times(commands(seed, small, against), runs), "ms", 1000)


def startup_instructions(seed: Path, small: Path, against: Path | None) -> None:
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind on PATH")
    print("\nfresh process, instructions executed (valgrind callgrind; independent of machine load, so the figures")
    print("to compare two versions by; the guard is on the wall clock above, which weighs them otherwise)")
    counts = {label: instructions(*command) for label, command in commands(seed, small, against).items()}
    print_ratios(counts, "M", 1, guarded=False)


def layer_instructions(seed: Path) -> None:
    """Instructions of each layer of a cold check (:data:`LAYERS` on top of the floor), then of the check's own
    reading, parsing, linting and output: the cumulative import of each layer less the one before it.  The
    layers are imported as the ``govlint`` program imports them: Python's garbage collector paused and
    everything frozen at the end (``cli._Collector``), the compiled patterns loaded from the user's cache
    first (:mod:`govlint.regexcache`), so that the last row is the check's own work."""
    print("\nwhere a cold check's instructions go (each layer imported on top of the ones above, as govlint runs:")
    print("the collector paused and everything frozen at exit, the cached patterns loaded first)")
    statements = ["from govlint.regexcache import Patterns", "Patterns.for_program().load()"]

    def imported() -> float:
        code = "; ".join(["import gc", "gc.disable()", *statements, "gc.freeze()"])
        return instructions([sys.executable, "-c", code])

    before = imported()
    print(f"  {'Python, with the cached patterns loaded':<60} {before:8.1f} M")
    for label, modules in (("the floor: import lark, pluggy, attrs", "lark, pluggy, attrs"), *LAYERS):
        statements.append(f"import {modules}")
        total = imported()
        print(f"  {'+ ' + label:<60} {total - before:8.1f} M")
        before = total
    check = instructions([*govlint_command(), "check", "--exit-zero", str(seed)])
    print(f"  {'+ reading, parsing, linting and writing ' + seed.name[:3]:<60} {check - before:8.1f} M")
    print(f"  {'= govlint check ' + seed.name:<60} {check:8.1f} M")


def import_times(command: Sequence[str]) -> dict[str, tuple[int, int, int]]:
    """``module -> (self us, cumulative us, depth)`` from ``python -X importtime``."""
    done = subprocess.run(
        command,
        env={**ENV, "PYTHONPROFILEIMPORTTIME": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    found: dict[str, tuple[int, int, int]] = {}
    for line in done.stderr.decode(errors="replace").splitlines():
        match = _IMPORTTIME.match(line)
        if match:
            own, cumulative, indent, module = match.groups()
            found[module] = (int(own), int(cumulative), len(indent))
    return found


def importtime_report(seed: Path, top: int) -> None:
    check = import_times([*govlint_command(), "check", "--exit-zero", str(seed)])
    floor = import_times(FLOOR)
    extra = {m: t for m, t in check.items() if m not in floor}
    total = sum(t[0] for t in check.values()) / 1000
    beyond = sum(t[0] for t in extra.values()) / 1000
    print(
        f"\npython -X importtime govlint check {seed.name}: {total:.1f} ms of imports, {beyond:.1f} ms beyond the floor"
    )
    print(f"  top {top} by own time, beyond `import lark, pluggy, attrs`:")
    for module, (own, cumulative, _) in sorted(extra.items(), key=lambda item: -item[1][0])[:top]:
        print(f"    {own / 1000:7.2f} ms own  {cumulative / 1000:7.2f} ms cumulative  {module}")
    top_level = {m: t for m, t in extra.items() if t[2] == 1}
    print("  import roots beyond the floor (imported at start or lazily by a function), by cumulative time:")
    for module, (_, cumulative, _) in sorted(top_level.items(), key=lambda item: -item[1][1])[:top]:
        print(f"    {cumulative / 1000:7.2f} ms  {module}")


def in_process(seeds: Sequence[Path], repeat: int) -> None:
    """Per seed, in this process after a warm-up, the fastest of ``repeat`` calls in CPU time (:mod:`timing`):
    the parse of the report's text (``govlint.parse``), then the lint of the parsed report with every built-in
    rule, timed as ``bench_lint.py`` times it (:func:`bench_lint.lint_times`) against its aim."""
    print(f"\nin process, fastest of {repeat} calls after a warm-up, CPU time (aim: lint < {LIMIT_MS:g} ms a report)")
    print(f"  {'report':<32} {'parse':>9} {'lint of the parsed report':>27}  findings")
    slowest = 0.0
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        parse = fastest(functools.partial(govlint.parse, text), repeat)
        lint, _ = lint_times(govlint.parse(text), repeat, time.process_time)
        slowest = max(slowest, lint)
        findings = len(govlint.lint(text).diagnostics)
        flag = "" if lint < LIMIT_MS else "  over the aim"
        print(f"  {seed.name:<32} {parse:6.2f} ms {lint:24.2f} ms  {findings}{flag}")
    print(f"  slowest lint: {slowest:.2f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="fresh processes per command (default 20)")
    parser.add_argument("--repeat", type=int, default=50, help="in-process calls per report (default 50)")
    parser.add_argument("--top", type=int, default=12, help="modules listed from -X importtime (default 12)")
    parser.add_argument("--seed", type=Path, help="the report for the fresh-process runs (default: first seed)")
    parser.add_argument(
        "--instructions", action="store_true", help="also count each command's instructions with valgrind"
    )
    parser.add_argument(
        "--against",
        type=Path,
        metavar="SRC",
        help="also run govlint check with the govlint package of SRC (another checkout's src folder) side by side",
    )
    args = parser.parse_args(argv)
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed reports in {SEEDS}")
    seed = args.seed or seeds[0]
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.py"
        small.write_text(SMALL_PY, encoding="utf-8")
        within = startup(seed, small, args.runs, args.against)
        if args.instructions:
            startup_instructions(seed, small, args.against)
            layer_instructions(seed)
    importtime_report(seed, args.top)
    in_process(seeds, args.repeat)
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
