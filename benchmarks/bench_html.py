"""The reviewer's page of 1,000 reports (a script, not a test): ``python benchmarks/bench_html.py``.

Issue #13 asks that the HTML output of 1,000 reports weigh under 5 MB and open and sort in the browser in
under 2 s.  The 1,000 reports are those of ``benchmarks/bench_cross.py`` (the 80 crawled pingtan reports
in 13 regions, each copy a different body whose prose differs), so that the page carries a real run's
findings, the cross-report ones included.

1. ``govlint check DIR --format html -o review.html`` is run in process; its wall time and the page's size
   are shown, the size compared with ``--max-mb`` (5).
2. The page is opened ``--repeat`` times in the system's headless Chromium (``chromium`` and
   ``chromedriver``, as the browser tests use them; nothing is downloaded).  The page's own clock gives
   the time from navigation to the end of its load event (markup parsed, styles applied, script run), then
   the time a click on 得分 takes to sort the list and lay the page out again, then the same for 机关
   (a collator sort of the Chinese names).  The load plus the slower sort of the median run is compared
   with ``--max-seconds`` (2).

Exit status 1 when a limit is exceeded, 2 when no browser is installed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from govlint import cli

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests" / "reviewer")]

from bench_cross import build  # noqa: E402
from html_browser import INSTALL, executables, start  # noqa: E402

#: A click on a column header, timed by the page's clock up to the end of the layout it causes.
SORT = """
const button = document.querySelector('#reports th button[data-sort="' + arguments[0] + '"]');
const start = performance.now();
button.click();
document.body.offsetHeight;
return performance.now() - start;
"""


def write_page(directory: Path, page: Path) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["check", "--exit-zero", "--isolated", "--format", "html", "-o", str(page), str(directory)])
    return time.perf_counter() - start


def open_and_sort(browser: Any, page: Path) -> tuple[float, float, float]:
    """Seconds to load the page, to sort by score, to sort by body."""
    browser.get("about:blank")
    browser.get(page.as_uri())
    load = browser.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd;")
    by_score = browser.execute_script(SORT, "score")
    by_body = browser.execute_script(SORT, "body")
    return load / 1000, by_score / 1000, by_body / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-mb", type=float, default=5.0)
    parser.add_argument("--max-seconds", type=float, default=2.0)
    args = parser.parse_args(argv)
    chromium, driver = executables()
    if chromium is None or driver is None:
        print(f"no chromium or chromedriver on PATH: {INSTALL}", file=sys.stderr)
        return 2
    directory = Path(tempfile.mkdtemp(prefix="govlint-bench-html-"))
    reports = directory / "reports"
    reports.mkdir()
    failed = False
    try:
        total = build(reports, args.reports)
        page = directory / "review.html"
        seconds = write_page(reports, page)
        size = page.stat().st_size / 1e6
        print(f"{total} reports: page written in {seconds:.1f} s, {size:.2f} MB (limit {args.max_mb} MB)")
        failed |= size > args.max_mb
        browser = start(chromium, driver, str(directory / "profile"))
        try:
            runs = [open_and_sort(browser, page) for _ in range(args.repeat)]
        finally:
            browser.quit()
        for load, by_score, by_body in runs:
            print(f"  opened in {load:.2f} s; sorted by score in {by_score:.3f} s, by body in {by_body:.3f} s")
        typical = statistics.median(load + max(by_score, by_body) for load, by_score, by_body in runs)
        print(f"open and sort (the median run): {typical:.2f} s (limit {args.max_seconds} s)")
        failed |= typical > args.max_seconds
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
