"""What the cross-report rules cost (a script, not a test): ``python benchmarks/bench_cross.py``.

Issue #11 asks that a run over 1,000 reports with the cross-report rules cost at most 1.5 times a run
without them, and that the cross-body rule (GL505) grow about linearly with the number of reports.

The 1,000 reports are the 80 crawled pingtan reports of ``tests/fixtures`` in 13 regions: copy ``k`` renames
the region (平潭综合实验区 → 甲潭综合实验区 …) and re-spells the prose of sections 一, 五 and 六 with a
substitution of characters of its own, so that the copies are different bodies whose texts share nothing,
while each body's years keep what they share in the real corpus.  Tables, numbers and headings are kept.

1. ``govlint check DIR`` is run in process twice over the same files, with ``--ignore GL5`` and without; the
   CPU time (``time.process_time``, steadier than wall time on a shared machine) of the best of ``--repeat``
   runs of each is compared with ``--limit`` (1.5).
2. GL505 alone over 1/4, 1/2 and all of the reports (digests built once): the growth factor per doubling,
   about 2 when linear and 4 when quadratic, is compared with ``--growth`` (3).

Exit status 1 when a limit is exceeded.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from govlint import cli
from govlint.config import Config
from govlint.crossreport import Digest, Run, check_run, digest
from govlint.linter import plugins_for
from govlint.parsing import parse_document
from govlint.sources import load

ROOT = Path(__file__).resolve().parents[1]
PINGTAN = ROOT / "tests" / "fixtures" / "corpus" / "pingtan"
REGION = "平潭综合实验区"
REGION_HEADS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰"
PROSE_SECTIONS = ("overview", "problems_improvements", "other_matters")
#: Characters the substitution leaves alone: numerals, dates and the words that make headings.
KEPT = set("一二三四五六七八九十〇零年月日总体情况存在的主要问题及改进其他需要报告事项")


def corpus() -> list[tuple[str, str]]:
    return [(p.name, p.read_text("utf-8")) for p in sorted(PINGTAN.glob("*.txt"))]


def _prose_ranges(text: str, name: str) -> list[tuple[int, int]]:
    report = parse_document(load(text, name=name))
    return [(s.body_span.start, s.body_span.end) for s in report.sections if s.key in PROSE_SECTIONS]


def build(directory: Path, count: int) -> int:
    """Write ``count`` reports (or a few more: whole copies of the corpus) into ``directory``."""
    reports = corpus()
    ranges = {name: _prose_ranges(text, name) for name, text in reports}
    alphabet = sorted(
        {c for name, text in reports for a, b in ranges[name] for c in text[a:b] if "\u4e00" <= c <= "\u9fff"} - KEPT
    )
    copies = -(-count // len(reports))
    for k in range(copies):
        shift = 7 * k + 1
        cipher = {c: alphabet[(i + shift) % len(alphabet)] for i, c in enumerate(alphabet)}
        region = REGION_HEADS[k] + REGION[1:]
        for name, text in reports:
            chars = list(text)
            for a, b in ranges[name]:
                chars[a:b] = [cipher.get(c, c) for c in chars[a:b]]
            (directory / f"{k:02d}_{name}").write_text("".join(chars).replace(REGION, region), encoding="utf-8")
    return copies * len(reports)


def cpu(call: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best


def check(directory: Path, *extra: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["check", "--exit-zero", "--isolated", "--reference-date", "2026-06-01", *extra, str(directory)])


def digests(directory: Path) -> list[Digest]:
    return [digest(parse_document(load(p.read_text("utf-8"), name=str(p)))) for p in sorted(directory.iterdir())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=float, default=1.5)
    parser.add_argument("--growth", type=float, default=3.0)
    args = parser.parse_args(argv)
    directory = Path(tempfile.mkdtemp(prefix="govlint-bench-cross-"))
    failed = False
    try:
        total = build(directory, args.reports)
        without = cpu(lambda: check(directory, "--ignore", "GL5"), args.repeat)
        with_cross = cpu(lambda: check(directory), args.repeat)
        ratio = with_cross / without
        print(f"{total} reports: without GL5 {without:.1f} s CPU, with GL5 {with_cross:.1f} s, ratio {ratio:.2f}")
        if ratio > args.limit:
            print(f"  ratio above the limit {args.limit}")
            failed = True

        every = digests(directory)
        config = Config(select=["GL505"])
        plugins = plugins_for(config)
        times = []
        for n in (len(every) // 4, len(every) // 2, len(every)):
            run = Run(tuple(every[:n]))
            seconds = cpu(lambda run=run: check_run(run, plugins, config), args.repeat)
            times.append(seconds)
            growth = f", x{seconds / times[-2]:.2f} for twice the reports" if len(times) > 1 else ""
            print(f"GL505 over {n} reports: {seconds:.2f} s CPU{growth}")
        if any(b / a > args.growth for a, b in itertools.pairwise(times)):
            print(f"  growth above {args.growth} per doubling")
            failed = True
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
