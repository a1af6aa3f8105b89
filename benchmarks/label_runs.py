"""Which runs of labels the TableSpecs' evidence keeps as tables, and what a verdict taken by the grammar
would change (docs/design.md, "What the grammar does not decide").

Run: ``python benchmarks/label_runs.py [PATH ...] [--grammar]`` (plain script, not a test; default: the
examples and every fixture under tests/fixtures).

It prints, over every report read:

- the runs of one table's labels the lexer cuts, and how many show their table's evidence (kept);
- the kept regions whose extent changes when every run is handed on as a candidate table (the lexer
  made to keep them all): what a grammar-side verdict taken after the lexing would read differently;
- the tables whose evidence fails on the labels the grammar takes in order (the ones it leaves out not
  counted): what a verdict counted by the grammar would change;
- with ``--grammar``: the size and LALR build time of table 三's production with its evidence threaded
  through its chain of optional rows and a ``mention`` alternative for runs without it, beside today's
  whole generated grammar.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from lark import Lark, Tree

from govlint import schema
from govlint.errors import InputError
from govlint.parsing.grammar import Unexpected, parse
from govlint.parsing.headings import find_section_headings
from govlint.parsing.labels import Family, Opening, catalogue, find_labels
from govlint.parsing.lexer import ReportToken, find_regions, tokenize
from govlint.parsing.productions import _elements, _merge, productions
from govlint.schema import Evidence
from govlint.sources import load_file
from govlint.sources.compilation import split

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = (ROOT / "examples", ROOT / "tests" / "fixtures")
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def _texts(paths: Sequence[Path]) -> Iterator[str]:
    """The text of every report in ``paths`` (a compilation's parts each), unreadable files skipped."""
    files = sorted(p for path in paths for p in (path.rglob("*") if path.is_dir() else [path]))
    for file in files:
        if file.is_file() and file.suffix.lower() in SUFFIXES:
            try:
                yield from (document.text for document in split(load_file(file, name=str(file))))
            except InputError:
                continue


def runs(texts: Sequence[str]) -> Counter[str]:
    """Runs cut, kept, and kept regions whose extent changes when every run is a candidate."""
    labels = catalogue()
    every = {key: Opening(opening.opens, (Evidence(),)) for key, opening in labels.openings.items()}
    counts: Counter[str] = Counter()
    for text in texts:
        folded = schema.fold(text)
        hits = find_labels(folded, labels)
        headings = find_section_headings(text)
        kept = find_regions(text, folded, hits, headings, labels.openings)
        candidates = {region.start: region for region in find_regions(text, folded, hits, headings, every)}
        counts["reports"] += 1
        counts["runs"] += len(candidates)
        counts["kept"] += len(kept)
        counts["kept, another extent as candidates"] += sum(candidates[r.start].end != r.end for r in kept)
    return counts


def counted_in_order(texts: Sequence[str]) -> Counter[str]:
    """Tables whose evidence fails on the labels the grammar takes (those it leaves out not counted)."""
    labels, grammar = catalogue(), productions()
    counts: Counter[str] = Counter()

    def closed(tree: Tree[ReportToken], left_out: list[Unexpected]) -> None:
        family = Family(tree.children[0].table)  # type: ignore[union-attr]
        taken = [token.hit.label(family) for token in tree.children if isinstance(token, ReportToken) and token.hit]
        counts["tables"] += 1
        counts["tables with labels left out"] += bool(left_out)
        counts["evidence fails on the labels taken"] += not labels.openings[family].shown_by(filter(None, taken))

    for text in texts:
        folded = schema.fold(text)
        parse(tokenize(text, folded, find_labels(folded, labels), grammar), grammar, closed)
    return counts


def counting_grammar() -> str:
    """Table 三's production with its evidence threaded through its chain of optional elements: a state per
    element and (rows seen up to eight, the note or 申请人情况 printed, 本年新收 printed), ``table`` when the
    end state shows the evidence and ``mention`` when it does not (kept only where some run reaches it)."""
    specs = [fmt.table("applications") for fmt in schema.FORMATS.values()]
    elements = _merge(_elements(spec) for spec in specs)
    evidence = specs[0].evidence_needed()
    cap = max(e.rows for e in evidence)
    states = [(rows, own, new) for rows in range(cap + 1) for own in (0, 1) for new in (0, 1)]

    def holds(state: tuple[int, int, int]) -> bool:
        rows, own, new = state
        return any(rows >= e.rows and (not e.printed or (own if "note" in e.printed else new)) for e in evidence)

    def name(index: int, state: tuple[int, int, int], ending: str) -> str:
        return f"_s{index}_{state[0]}{state[1]}{state[2]}_{ending}"

    end = len(elements)
    alive = {(end, state, ending) for state in states for ending in "ar" if holds(state) == (ending == "a")}
    lines = [f"{name(end, state, ending)}: " for _, state, ending in sorted(alive)]
    for index in range(end - 1, -1, -1):
        kind, key = elements[index]
        for state in states:
            rows, own, new = state
            after = (min(cap, rows + (kind in ("row", "group"))), own, int(new or key == "new_received"))
            for ending in "ar":
                choices = [f"T{index} ANON* {name(index + 1, after, ending)}"] * ((index + 1, after, ending) in alive)
                choices += [name(index + 1, state, ending)] * ((index + 1, state, ending) in alive)
                if choices:
                    alive.add((index, state, ending))
                    lines.append(f"{name(index, state, ending)}: {' | '.join(choices)}")
    opened, unopened = (0, 1, 0), (0, 0, 0)
    top = [
        "start: (table | mention)*",
        f"table: BEGIN OWN HEAD* {name(0, opened, 'a')} END | BEGIN HEAD* {name(0, unopened, 'a')} END",
        f"mention: BEGIN OWN HEAD* {name(0, opened, 'r')} END | BEGIN HEAD* {name(0, unopened, 'r')} END",
    ]
    declared = " ".join(["BEGIN", "END", "OWN", "HEAD", "ANON", *(f"T{index}" for index in range(end))])
    return "\n".join([*top, *lines, f"%declare {declared}"]) + "\n"


def _build_seconds(text: str) -> float:
    start = time.perf_counter()
    Lark(text, parser="lalr", lexer="basic", start="start")
    return time.perf_counter() - start


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("paths", nargs="*", type=Path, default=list(DEFAULT))
    options.add_argument("--grammar", action="store_true", help="also build the counting grammar of table 三")
    args = options.parse_args()
    texts = list(_texts(args.paths))
    for name, value in (*runs(texts).items(), *counted_in_order(texts).items()):
        print(f"{name:45} {value:6}")
    if args.grammar:
        counting = counting_grammar()
        print(f"{'table 三 counting its evidence: productions':45} {counting.count(chr(10)) - 1:6}")
        print(f"{'  LALR build, s':45} {_build_seconds(counting):6.2f}")
        print(f"{'today, whole grammar: LALR build, s':45} {_build_seconds(productions().text):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
