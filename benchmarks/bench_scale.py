"""How govlint's time grows with the input (a script, not a test): ``python benchmarks/bench_scale.py``.

govlint must never take super-linear time on a large or hostile input (issue #4).  For each input shape,
the script lints inputs of about 0.1, 1 and 10 MB in process (``govlint.lint_text``: reading, parsing, every
rule) and prints the time, the throughput and the growth factor from one size to the next: linear growth
is a factor of about 10 per step; the script flags a step above ``--limit`` (default 11, issue #16).  Times
are the process's CPU time, so that other processes on the machine do not count.

Shapes, all built from the real reports in ``tests/fixtures``:

- ``reports``: the five seed reports one after another, repeated (many sections and tables);
- ``crawled``: a crawled page (Pingtan 012) whose one-line body, tables run together, is repeated on that
  one line;
- ``headings``: section headings and table captions repeated line after line;
- ``digits``: one row label followed by a very long run of digits (the crawled-table splitter).

Exit status 1 when a growth factor exceeds the limit, so that ``tox run -e bench`` shows it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SIZES_MB = (0.1, 1.0, 10.0)


def _seeds() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt")))


def _crawled_body() -> tuple[str, str]:
    text = (FIXTURES / "corpus" / "pingtan" / "012_approval_2023.txt").read_text("utf-8")
    head, _, body = text.partition("==================== 正文 ====================\n")
    return head + "==================== 正文 ====================\n", body.strip()


def _headings() -> str:
    from govlint.schema import SECTIONS

    return "\n".join([s.title for s in SECTIONS] + ["第二十条第（一）项", "（七）总计", "信息内容"]) + "\n"


def build(shape: str, size: int) -> str:
    """An input of ``shape`` with about ``size`` characters x 3 bytes (UTF-8 CJK)."""
    chars = size // 3
    if shape == "reports":
        unit = _seeds() + "\n"
        return unit * max(1, chars // len(unit))
    if shape == "crawled":
        head, body = _crawled_body()
        return head + (body + " ") * max(1, chars // len(body)) + "\n"
    if shape == "headings":
        unit = _headings()
        return unit * max(1, chars // len(unit))
    if shape == "digits":
        return "一、本年新收政府信息公开申请数量" + "0" * (size - 48)
    raise ValueError(shape)


SHAPES: dict[str, Callable[[int], str]] = {name: (lambda size, name=name: build(name, size)) for name in
                                           ("reports", "crawled", "headings", "digits")}  # fmt: skip


def lint_seconds(text: str, repeat: int) -> tuple[float, str]:
    """The fastest time to lint ``text`` (the run least disturbed by the machine), and what govlint answered
    (findings, or its input error)."""
    import govlint
    from govlint.config import Config
    from govlint.errors import InputError

    config = Config()
    times = []
    answer = ""
    for _ in range(repeat):
        start = time.process_time()
        try:
            answer = f"{len(govlint.lint_text(text, config).diagnostics)} findings"
        except InputError as exc:
            answer = f"InputError: {exc}"
        times.append(time.process_time() - start)
    return min(times), answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--sizes", nargs="*", type=float, default=list(SIZES_MB), help="input sizes in MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per input (the fastest counts)")
    parser.add_argument("--limit", type=float, default=11.0, help="largest acceptable growth per 10x step")
    args = parser.parse_args(argv)

    lint_seconds(build("reports", 20_000), 1)  # warm-up: imports, grammar, plugins
    print(f"{'shape':10} {'MB':>7} {'seconds':>9} {'MB/s':>7} {'growth':>7}  answer")
    bad = False
    for shape in args.shapes:
        previous: tuple[float, float] | None = None
        for mb in args.sizes:
            text = SHAPES[shape](int(mb * 1024 * 1024))
            actual_mb = len(text.encode("utf-8")) / (1024 * 1024)
            seconds, answer = lint_seconds(text, args.repeat if mb < 5 else 2)
            growth = ""
            if previous is not None:
                factor = (seconds / previous[1]) / (actual_mb / previous[0])  # time ratio per size ratio
                growth = f"{factor * 10:.1f}"
                bad |= factor * 10 > args.limit
            print(f"{shape:10} {actual_mb:7.2f} {seconds:9.3f} {actual_mb / seconds:7.2f} {growth:>7}  {answer}")
            previous = (actual_mb, seconds)
    if bad:
        print(f"super-linear growth: a 10x larger input took more than {args.limit}x the time", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
