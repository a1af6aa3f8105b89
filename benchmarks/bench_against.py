"""Parse and lint time per report, this tree against an older commit (issue #15: within +20 %).

Run: ``python benchmarks/bench_against.py [--against COMMIT_OR_TREE] [--rounds N] [--repeat N]`` (a plain
script, not a timed test).  ``--against`` is a commit (default ``876566c``, the last before #15's redesign,
unpacked with ``git archive`` into a temporary folder) or a folder holding an older ``src/govlint``.

Each round runs one fresh process per tree, the two in turn (the order swapped every round), both with the
same interpreter.  A process loads every report once, parses each ``--repeat`` times after a warm-up and
lints a fresh copy of each parsed report ``--repeat`` times with every built-in rule, and reports the fastest
CPU time (``time.process_time``) of each.  CPU time is what the process itself spent, so other work on a
shared machine adds little to it; the fastest of many runs over several rounds is what the code costs.

The reports: the seeds, the peer corpus's text (``*.txt``, mostly ``pdftotext -layout`` output), the peer
corpus's PDFs (the document each tree's PDF reader makes, then parsed: the reading itself is not timed) and
the Pingtan corpus (median and maximum over its reports).  The script prints each report's times and the
change, and exits 1 when a parse or a lint is more than ``--limit`` (default 20 %) slower.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PEER = FIXTURES / "corpus" / "peer"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the worker runs with -P: its folder is not on the path
from timing import fastest  # noqa: E402


def reports() -> dict[str, list[Path]]:
    """The reports compared, by group; Pingtan is summarised, the others are printed one by one."""
    return {
        "seeds": sorted((FIXTURES / "seeds").glob("*.txt")),
        "peer text": sorted(PEER.glob("*.txt")),
        "peer PDF": sorted(PEER.glob("*.pdf")),
        "pingtan": sorted((FIXTURES / "corpus" / "pingtan").glob("*.txt")),
    }


def worker(paths: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    """(parse, lint) milliseconds per report that the tree on ``sys.path`` can read.

    Only names both old and new trees have are used: ``sources.load``, ``parsing.build.parse_document``,
    ``linter.lint_report`` and ``linter.plugins_for``."""
    import attrs

    from govlint.config import Config
    from govlint.errors import InputError
    from govlint.linter import lint_report, plugins_for
    from govlint.parsing.build import parse_document
    from govlint.sources import load

    config = Config()
    plugins = plugins_for(config)
    times = {}
    for path in paths:
        try:
            document = load(path)
        except InputError:
            continue
        report = parse_document(document)
        parse = fastest(lambda d=document: parse_document(d), repeat)  # type: ignore[misc]
        lint = fastest(lambda r=report: lint_report(attrs.evolve(r), config, plugins=plugins), repeat)  # type: ignore[misc]
        times[path] = (parse, lint)
    return times


def unpack(commit: str, into: Path) -> Path:
    """The tree of ``commit`` written under ``into`` (``git archive``; no worktree is registered)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def run_tree(tree: Path, paths: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    """One round of :func:`worker` in a fresh process that imports govlint from ``tree/src``."""
    environment = dict(os.environ, PYTHONPATH=str(tree / "src"))
    command = [sys.executable, "-P", __file__, "--worker", "--repeat", str(repeat)]
    done = subprocess.run(
        command, check=False, env=environment, input="\n".join(paths), capture_output=True, text=True, cwd=tree
    )
    if done.returncode:
        sys.exit(f"the run of {tree} failed:\n{done.stderr}")
    return {path: (parse, lint) for path, (parse, lint) in json.loads(done.stdout).items()}


def _change(old: float, new: float) -> str:
    return f"{(new / old - 1) * 100:+4.0f} %"


def compare(old_tree: Path, new_tree: Path, rounds: int, repeat: int, limit: float) -> int:
    groups = reports()
    paths = [str(p) for group in groups.values() for p in group]
    best: dict[str, dict[str, list[float]]] = {"old": {}, "new": {}}
    for number in range(rounds):
        order = [("old", old_tree), ("new", new_tree)]
        for side, tree in order if number % 2 == 0 else reversed(order):
            for path, found in run_tree(tree, paths, repeat).items():
                kept = best[side].setdefault(path, list(found))
                kept[:] = [min(a, b) for a, b in zip(kept, found, strict=True)]
        print(f"round {number + 1}/{rounds} done ({time.strftime('%H:%M:%S')}, load {os.getloadavg()[0]:.1f})")
    print(f"\nfastest CPU time of {repeat} runs x {rounds} rounds, ms: old = {old_tree}, new = {new_tree}")
    print(f"{'report':<44} {'parse old':>9} {'new':>6} {'change':>7}   {'lint old':>8} {'new':>6} {'change':>7}")
    over = []
    for group, members in groups.items():
        pairs = [(p.name, best["old"].get(str(p)), best["new"].get(str(p))) for p in members]
        read = [(name, old, new) for name, old, new in pairs if old and new]
        if group == "pingtan" and read:
            for label, summary in (("median", statistics.median), ("max", max)):
                olds = [summary([old[i] for _, old, _ in read]) for i in (0, 1)]
                news = [summary([new[i] for _, _, new in read]) for i in (0, 1)]
                read_summary = [(f"pingtan ({len(read)}) {label}", olds, news)]
                _print(read_summary, limit, over)
            continue
        _print(read, limit, over)
    if over:
        print(f"\nover +{limit * 100:g} %: {', '.join(over)}")
        return 1
    return 0


def _print(rows: list[tuple[str, list[float], list[float]]], limit: float, over: list[str]) -> None:
    for name, old, new in rows:
        flags = [kind for kind, i in (("parse", 0), ("lint", 1)) if new[i] > old[i] * (1 + limit)]
        over.extend(f"{name} {kind}" for kind in flags)
        print(
            f"{name[:44]:<44} {old[0]:9.2f} {new[0]:6.2f} {_change(old[0], new[0]):>7}   "
            f"{old[1]:8.2f} {new[1]:6.2f} {_change(old[1], new[1]):>7}{'  OVER' if flags else ''}"
        )


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--against", default="876566c", help="older commit, or folder with src/govlint")
    options.add_argument("--tree", type=Path, default=ROOT, help="the newer tree (default: this one)")
    options.add_argument("--rounds", type=int, default=4, help="rounds of the two trees in turn (default 4)")
    options.add_argument("--repeat", type=int, default=20, help="runs per report in each round (default 20)")
    options.add_argument("--limit", type=float, default=0.20, help="slowest change allowed (default 0.20)")
    options.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.worker:
        print(json.dumps(worker(sys.stdin.read().splitlines(), args.repeat)))
        return 0
    against = Path(args.against)
    if (against / "src" / "govlint").is_dir():
        return compare(against, args.tree, args.rounds, args.repeat, args.limit)
    with tempfile.TemporaryDirectory(prefix="govlint-against-") as directory:
        return compare(unpack(args.against, Path(directory)), args.tree, args.rounds, args.repeat, args.limit)


if __name__ == "__main__":
    sys.exit(main())
