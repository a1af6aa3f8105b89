"""What each stage costs on pathological text (a script, not a test): ``python benchmarks/bench_shapes.py``.

Issue #16 §2: whatever a text's shape, the check must take time linear in the input (ten times the input at
most eleven times the time) and peak memory of about ten times the input over a fixed base.  A shape that a
real report never takes (one line of megabytes, a heading printed 300,000 times) can still make one rule
or one step of the parse dear, so for each shape below and each size the script writes a text file, and in
a fresh process (whose imports, tables and plugins were warmed up on a seed report: the base) times, in CPU
time, and measures the peak resident memory over the base (``VmHWM``, reset before each stage) of:

- ``read``: the file read and decoded, and split into its reports (a compilation's);
- ``parse``: every report parsed (a compilation's one at a time, each checked and let go, as the check does);
- each rule (``GL…``), on every report, its findings counted and dropped (the cap of
  ``--max-findings-per-rule`` is the linter's, not the rule's work);
- ``total``: all of it.

Shapes, about ``size`` bytes of UTF-8 each, built from the seed reports in ``tests/fixtures/seeds``:

- ``one-line``: the seeds with every line break removed (a page crawled into one line);
- ``headings``: a seed, then one section heading repeated line after line;
- ``rows``: a seed, then the rows of its table 三 repeated (text shaped like table rows);
- ``numbers``: a seed, then prose stating counts, thousands of different numbers;
- ``sentence``: a seed, then one sentence of section 五 repeated (the text rules, copy detection);
- ``tables``: a seed, then its section 二 tables printed again and again;
- ``numbered``: a seed, then a list numbered ever deeper (1.1.1…, （一）, 1）);
- ``punctuation``: a seed, then lines of CJK punctuation (。，、；：“”《》…);
- ``digits``: a seed, then lines of only digits;
- ``compilation``: a seed report pasted again and again (each copy a report of its own, 汇编);
- ``full-stops``: a seed, then one line of short sentences ending in 。 (no line break).

Output: a line per shape, size and stage (only the stages that took 0.05 s or grew the memory in use by 5 MB
are shown, and the total): its CPU seconds, its own peak over the memory in use when it began (``own MB``)
and the run's peak so far over the base (``peak MB``, and per input byte); then, per shape, the growth of
each stage's time from the smaller size to the larger per ten times the input.  Exit status 1 when a stage's
time grows faster than ``--limit`` (11) per ten times the input (a time under ``--floor`` seconds (0.05)
counts as that floor, so that tiny times do not flag), when a run's peak is over ``--memory`` (10) times the
input plus ``--allowance`` MB (20), or when a run takes more than ``--time-limit`` seconds (60, the per-file
limit of ``govlint check``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench_memory import _reset_peak, _status_mb  # the peak resident memory, as that script reads it

from govlint.model import Report
from govlint.rule import Rule, RuleContext

_T = TypeVar("_T")
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SIZES_MB = (1.0, 10.0)


def _seed() -> str:
    return sorted(SEEDS.glob("*.txt"))[0].read_text("utf-8")


def _seeds() -> str:
    return "\n".join(path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt")))


def _fill(head: str, unit: Callable[[int], str], size: int) -> str:
    """``head``, then ``unit(0)``, ``unit(1)``… up to about ``size`` bytes of UTF-8."""
    parts = [head]
    total = len(head.encode("utf-8"))
    n = 0
    while total < size:
        part = unit(n)
        parts.append(part)
        total += len(part.encode("utf-8"))
        n += 1
    return "".join(parts)


def _table_rows(seed: str) -> str:
    lines = seed.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    return "\n".join(lines[start : start + 30]) + "\n"


def _section_two_tables(seed: str) -> str:
    lines = seed.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("第二十条"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    return "\n".join(lines[start:end]) + "\n"


def _numbered(n: int) -> str:
    depth = n % 40 + 1
    return ".".join(str(1 + (n + i) % 9) for i in range(depth)) + f" 第{n}项工作（{n % 10}）1）落实到位\n"


def build(shape: str, size: int) -> str:
    """A text of ``shape`` with about ``size`` bytes of UTF-8."""
    seed = _seed() + "\n"
    units: dict[str, Callable[[int], str]] = {
        "headings": lambda n: "二、主动公开政府信息情况\n",
        "rows": lambda n: _table_rows(seed),
        "numbers": lambda n: (
            f"本年度新收政府信息公开申请{n % 997}件，办结{n % 991}件，结转{n % 13}件，答复率{n % 100}.{n % 7}%。\n"
        ),
        "sentence": lambda n: "我镇进一步加强政府信息公开工作，提高政务公开质量和水平。\n",
        "tables": lambda n: _section_two_tables(seed),
        "numbered": _numbered,
        "punctuation": lambda n: "。，、；：“”《》（）！？……——" * 8 + "\n",
        "digits": lambda n: str(n) * (64 // len(str(n)) + 1) + "\n",
        "compilation": lambda n: f"第{n}镇人民政府2024年政府信息公开工作年度报告\n" + seed.partition("\n")[2],
        "full-stops": lambda n: f"本年度公开信息{n % 100}条。",
    }
    if shape == "one-line":
        line = _seeds().replace("\n", "")
        return _fill("", lambda n: line, size)
    return _fill(seed, units[shape], size) + "\n"


SHAPES = (
    "one-line",
    "headings",
    "rows",
    "numbers",
    "sentence",
    "tables",
    "numbered",
    "punctuation",
    "digits",
    "compilation",
    "full-stops",
)


def _count(rule: Rule, report: Report, ctx: RuleContext) -> int:
    """How many findings ``rule`` yields on ``report`` (each dropped once counted)."""
    return sum(1 for _ in rule.check(report, ctx))


def child(path: str) -> None:
    """In a fresh process: warm up on a seed, then read, parse and check ``path`` stage by stage; print a JSON
    object: the base in MB and each stage's seconds and peak over the base."""
    import govlint
    from govlint.api import read_documents
    from govlint.config import Config
    from govlint.linter import plugins_for
    from govlint.parsing import parse_document

    config = Config()
    plugins = plugins_for(config)
    govlint.lint_text(_seed(), config)
    gc.collect()
    _reset_peak()
    base = _status_mb("VmRSS")
    stages: dict[str, list[float]] = {}

    def stage(name: str, call: Callable[[], _T]) -> _T:
        _reset_peak()
        in_use = _status_mb("VmRSS")
        start = time.process_time()
        answer = call()
        seconds = time.process_time() - start
        peak = _status_mb("VmHWM")
        before = stages.get(name, [0.0, 0.0, 0.0])
        stages[name] = [before[0] + seconds, max(before[1], peak - in_use), max(before[2], peak - base)]
        return answer

    documents = stage("read", lambda: read_documents(path))
    ctx = RuleContext(reference_date=dt.date(2026, 12, 7), options=config.rule_options(plugins.options))
    findings = 0
    for document in documents:  # as the check does: each report parsed and checked, then let go
        report = stage("parse", functools.partial(parse_document, document, plugins.tables))
        for rule in plugins.rules:
            if rule.applies_to(report):
                findings += stage(rule.meta.code, functools.partial(_count, rule, report, ctx))
    peak = max(p for _, _, p in stages.values())
    stages["total"] = [sum(s for s, _, _ in stages.values()), peak, peak]
    print(json.dumps({"base": base, "reports": len(documents), "findings": findings, "stages": stages}))


def measure(shape: str, size: int, folder: Path) -> tuple[float, dict[str, object]]:
    """(input MB, the child's answer) for a ``size``-byte text of ``shape``."""
    path = folder / f"{shape}.txt"
    data = build(shape, size).encode("utf-8")
    path.write_bytes(data)
    command = [sys.executable, __file__, "--child", str(path)]
    answer = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    path.unlink()
    return len(data) / (1 << 20), json.loads(answer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=SHAPES)
    parser.add_argument("--sizes", nargs=2, type=float, default=list(SIZES_MB), help="the two input sizes in MB")
    parser.add_argument("--limit", type=float, default=11.0, help="largest growth of a stage's time per 10x input")
    parser.add_argument("--floor", type=float, default=0.05, help="seconds a shorter time counts as")
    parser.add_argument("--memory", type=float, default=10.0, help="largest peak over the base per input byte")
    parser.add_argument("--allowance", type=float, default=20.0, help="MB the peak may hold beside that")
    parser.add_argument("--time-limit", type=float, default=60.0, help="largest seconds of one run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    bad: list[str] = []
    print(f"{'shape':12} {'MB':>6} {'stage':8} {'seconds':>8} {'own MB':>7} {'peak MB':>8} {'peak/input':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes:
            runs = [measure(shape, int(mb * (1 << 20)), Path(folder)) for mb in args.sizes]
            for input_mb, answer in runs:
                stages = answer["stages"]
                assert isinstance(stages, dict)
                for name, (seconds, own, peak) in stages.items():
                    if name == "total" or seconds >= 0.05 or own >= 5:
                        row = f"{shape:12} {input_mb:6.2f} {name:8} {seconds:8.2f} {own:7.0f} {peak:8.0f}"
                        print(f"{row} {peak / input_mb:9.1f}x")
                total_seconds, _, total_peak = stages["total"]
                if total_peak > args.memory * input_mb + args.allowance:
                    bad.append(f"{shape} at {input_mb:.1f} MB: peak {total_peak:.0f} MB over the base")
                if total_seconds > args.time_limit:
                    bad.append(f"{shape} at {input_mb:.1f} MB: {total_seconds:.0f} s")
                print(f"{shape:12} {input_mb:6.2f} ({answer['reports']} reports, {answer['findings']} findings)")
            (small_mb, small), (large_mb, large) = runs
            small_stages, large_stages = small["stages"], large["stages"]
            assert isinstance(small_stages, dict) and isinstance(large_stages, dict)
            growths = []
            for name, (seconds, _, _) in large_stages.items():
                before = max(small_stages.get(name, [0.0])[0], args.floor)
                growth = max(seconds, args.floor) / before / (large_mb / small_mb) * 10
                if growth > args.limit:
                    bad.append(f"{shape}: {name} grew {growth:.1f}x per 10x input ({before:.2f} -> {seconds:.2f} s)")
                if seconds >= args.floor:
                    growths.append(f"{name} {growth:.1f}")
            print(f"{shape:12} growth per 10x: {', '.join(growths)}", flush=True)
    for line in bad:
        print(line, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
