"""Parse-time benchmark: grammar build and cache-load time, median parse time per seed report.

Run: ``python benchmarks/bench_parse.py [--repeat N] [--corpus] [--cpu]`` (plain script, not a timed test).
``--corpus`` adds the two peer PDFs' text and the crawled pingtan reports (one summary line).  ``--cpu``
times the process's CPU time instead of the wall clock: on a shared machine other processes' load does not
add to it, so two trees can be compared (``PYTHONPATH=<tree>/src``) while others work.
Target (issue #2): under 5 ms per seed report after warm-up.  ``bench_against.py`` compares parse and lint
per report with an older commit (issue #15: within 20 % of 876566c).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def _time(function: object, repeat: int, clock: Callable[[], float] = time.perf_counter) -> list[float]:
    times = []
    for _ in range(repeat):
        start = clock()
        function()  # type: ignore[operator]
        times.append(clock() - start)
    return times


def _ms(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:6.2f} ms  fastest {min(times) * 1000:6.2f} ms"


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--repeat", type=int, default=30, help="parses per report (default 30)")
    options.add_argument("--corpus", action="store_true", help="also the peer and pingtan corpus")
    options.add_argument("--cpu", action="store_true", help="CPU time of this process, not the wall clock")
    args = options.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter

    start = time.perf_counter()
    from govlint.parsing import build, grammar
    from govlint.sources import load

    print(f"import govlint.parsing.build (with lark): {(time.perf_counter() - start) * 1000:7.1f} ms")

    text = grammar.grammar_text()
    built = _time(lambda: grammar._build(text), 5)
    print(f"grammar build (LALR tables, no cache):    {statistics.median(built) * 1000:7.1f} ms")
    with tempfile.TemporaryDirectory() as directory:
        path = grammar.cache_path(text, directory)
        grammar._save(grammar._build(text), directory, path)
        loaded = _time(lambda: grammar.ReportParser(*grammar._load(path)), 20)  # type: ignore[misc]
    print(f"grammar load from the cached tables:      {statistics.median(loaded) * 1000:7.1f} ms")

    grammar.parser()  # warm-up: the parser every parse uses
    documents = [(path.name, load(path)) for path in sorted((FIXTURES / "seeds").glob("*.txt"))]
    print(f"parse time over {args.repeat} runs after warm-up (median, and fastest: the time without other load):")
    for name, document in documents:
        build.parse_document(document)
        times = _time(lambda d=document: build.parse_document(d), args.repeat, clock)
        print(f"  {name:<40} {len(document.text):>7} chars {_ms(times)}")
    if args.corpus:
        peer = sorted((FIXTURES / "corpus" / "peer").glob("hzq*.pdftotext.txt"))
        for text_file in peer:
            document = load(text_file)
            times = _time(lambda d=document: build.parse_document(d), args.repeat, clock)
            print(f"  {text_file.name:<40} {len(document.text):>7} chars {_ms(times)}")
        crawled = [load(p) for p in sorted((FIXTURES / "corpus" / "pingtan").glob("*.txt"))]
        medians = []
        for document in crawled:
            medians.append(statistics.median(_time(lambda d=document: build.parse_document(d), 5, clock)))
        print(
            f"  pingtan: {len(crawled)} reports, median {statistics.median(medians) * 1000:.2f} ms, "
            f"max {max(medians) * 1000:.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
