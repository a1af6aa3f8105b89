"""How the parser of a plugin's table grows with its rows (a script, not a test): ``python bench_grammar.py``.

A plugin's table joins the generated grammar (``parsing/productions.py``), whose LALR tables Lark builds the
first time a report is parsed with it, then caches (``parsing/grammar.py``).  For a described table of each
size (default 50, 200, 700 and 2,000 rows; with ``--numbered`` each row numbered, which adds the unlabelled
rows after each), the script builds the parser into a fresh cache folder and prints the CPU time of the
build, the time to load it from the cache file and the file's size, and what they grow with: the generated
productions (Lark's rules, after ``?`` and ``*`` are expanded), the longest production, the LR states and
the parse table's actions; then the growth of each from one size to the next against the growth of the
rows.  ``--max-chain N`` sets ``productions.MAX_CHAIN`` (a very large N gives the one production per table
of before 2026-12-07, whose build time grew with the cube of the rows: docs/performance.md, "The grammar of
a large table").
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from govlint.parsing import grammar, productions
from govlint.schema import ColumnSpec, PartSpec, RowSpec, TableSpec


def described(rows: int, numbered: bool) -> TableSpec:
    """A plugin's table of ``rows`` rows and two columns."""
    return TableSpec(
        id="big",
        title="大表",
        captions=("大表统计",),
        parts=(
            PartSpec(
                (ColumnSpec("count", "数量"), ColumnSpec("amount", "金额")),
                tuple(RowSpec(f"r{n}", f"项目{n}", numbering=f"{n + 1}." if numbered else "") for n in range(rows)),
            ),
        ),
    )


def measure(rows: int, numbered: bool) -> tuple[float, float, int, int, int, int, int]:
    """For the standard tables and a described table of ``rows`` rows: CPU seconds to build the parser and to
    load it from the cache, the cache file's bytes, its rules, its longest production, its states and its
    parse table's actions."""
    tables = (described(rows, numbered),)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["GOVLINT_CACHE_DIR"] = folder
        grammar.parser.cache_clear()
        start = time.process_time()
        built = grammar.parser(tables)
        seconds = time.process_time() - start
        grammar.parser.cache_clear()
        start = time.process_time()
        grammar.parser(tables)
        load = time.process_time() - start
        size = sum(path.stat().st_size for path in Path(folder).iterdir())
    grammar.parser.cache_clear()
    states = built.conf.parse_table.states
    rules = list(built.conf.callbacks)
    longest = max(len(rule.expansion) for rule in rules)
    return seconds, load, size, len(rules), longest, len(states), sum(map(len, states.values()))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("sizes", nargs="*", type=int, default=[50, 200, 700, 2000], help="rows of the table")
    options.add_argument("--numbered", action="store_true", help="rows numbered (1. 2. …), as a numbered table")
    options.add_argument("--max-chain", type=int, default=productions.MAX_CHAIN, help="productions.MAX_CHAIN")
    arguments = options.parse_args()
    productions.MAX_CHAIN = arguments.max_chain
    print(f"{'rows':>6} {'build s':>8} {'load s':>7} {'cache MB':>8} {'rules':>6} {'longest':>7} {'states':>7}", end="")
    print(f" {'actions':>9}   growth: rows build rules actions")
    previous: tuple[int, float, int, int] | None = None
    for rows in arguments.sizes:
        seconds, load, size, rules, longest, states, actions = measure(rows, arguments.numbered)
        growth = ""
        if previous is not None and previous[0]:
            before, was, rules_before, actions_before = previous
            factors = (rows / before, seconds / was, rules / rules_before, actions / actions_before)
            growth = "   " + " ".join(f"x{factor:.1f}" for factor in factors)
        print(f"{rows:>6} {seconds:>8.2f} {load:>7.3f} {size / 1e6:>8.2f} {rules:>6} {longest:>7} {states:>7}", end="")
        print(f" {actions:>9}{growth}", flush=True)
        previous = (rows, seconds, rules, actions)


if __name__ == "__main__":
    main()
