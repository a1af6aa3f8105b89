"""The grammar of a large table a plugin describes (a province's cumulative item list: hundreds of rows).

Its productions grow linearly with the rows and none is longer than ``MAX_CHAIN`` plus the table's markers:
one production holding every row made Lark's FIRST/FOLLOW pass cubic in the rows (127 s of CPU for 700
rows; docs/performance.md, "The grammar of a large table").  The rows cut into nested groups are still the
chain they stand for: the same language, the same tree, the same deviations.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

import pytest
from lark.load_grammar import load_grammar
from parsing_support import SEEDS

from govlint import parse_text
from govlint.parsing import grammar, productions
from govlint.schema import ColumnSpec, PartSpec, RowSpec, TableSpec
from govlint.serialize import report_to_dict

DIGITS = "甲乙丙丁戊己庚辛壬癸"


def _name(number: int) -> str:
    return "项目" + "".join(DIGITS[int(d)] for d in f"{number:04d}")


def _big(rows: int) -> TableSpec:
    columns = (ColumnSpec("count", "数量"), ColumnSpec("amount", "金额"))
    parts = (PartSpec(columns, tuple(RowSpec(f"r{n}", _name(n)) for n in range(rows))),)
    return TableSpec(id="big", title="大表", captions=("大表统计",), parts=parts)


def _rules(rows: int) -> tuple[int, int]:
    """How many rules Lark makes of the generated grammar with a described table of ``rows`` rows (``?`` and
    ``*`` expanded), and the length of the longest."""
    text = productions.Productions((_big(rows),) if rows else ()).text
    _, rules, _ = load_grammar(text, "<generated>", [], False)[0].compile(["start"], set())
    return len(rules), max(len(rule.expansion) for rule in rules)


def test_the_grammar_of_a_table_grows_linearly_with_its_rows() -> None:
    sizes = (125, 250, 500)
    counts = []
    for rows in sizes:
        count, longest = _rules(rows)
        assert longest <= productions.MAX_CHAIN + 2, (rows, longest)  # BEGIN, a chain of groups, END
        counts.append(count)
    # two rules a row (printed or left out), and a group rule for every MAX_CHAIN symbols
    for (fewer, more), (before, after) in zip(itertools.pairwise(sizes), itertools.pairwise(counts), strict=True):
        assert 2 <= (after - before) / (more - fewer) <= 2 + 2 / productions.MAX_CHAIN, counts


@pytest.fixture
def no_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Parsers built for the test and forgotten after it (never written to the user's cache folder)."""
    monkeypatch.setenv("GOVLINT_CACHE_DIR", "")
    productions.productions.cache_clear()
    grammar.parser.cache_clear()
    yield
    productions.productions.cache_clear()
    grammar.parser.cache_clear()


def test_a_table_of_a_thousand_rows_is_read_with_its_deviations(no_cache: None) -> None:
    """Rows in the spec's order, in nested groups: every printed row read, a row left out is missing, a row
    printed after a later one out of order, a row printed twice repeated; the parse never fails."""
    rows = 1000
    order = [n for n in range(rows) if n not in (10, 11, 12, 500)]
    order.insert(order.index(600) + 1, 500)  # r500 after r600
    order.insert(order.index(700) + 1, 700)  # r700 twice
    printed = "大表统计\n项目\t数量\t金额\n" + "".join(f"{_name(n)}\t{n}\t{n + 1}\n" for n in order)
    report = parse_text(SEEDS[0].read_text(encoding="utf-8") + printed, tables=[_big(rows)])
    table = report.tables["big"]
    assert {key: row.cells["amount"].value for key, row in table.rows.items()} == {
        f"r{n}": n + 1 for n in range(rows) if n not in (10, 11, 12)
    }
    found = sorted((d.kind, d.key) for d in report.deviations if d.table == "big")
    expected = [("row-missing", "r10"), ("row-missing", "r11"), ("row-missing", "r12")]
    assert found == sorted([*expected, ("row-order", "r500"), ("row-repeated", "r700")])


def _parsed(texts: list[str]) -> str:
    return json.dumps([report_to_dict(parse_text(text)) for text in texts], ensure_ascii=False, sort_keys=True)


def test_rows_cut_into_nested_groups_parse_as_one_chain(no_cache: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard tables' chains (up to 31 elements) nested three levels deep read every seed, and every
    order the deviation fixtures print, exactly as the one production does."""
    deviations = sorted((SEEDS[0].parents[1] / "deviations").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in [*SEEDS, *deviations]]
    flat = _parsed(texts)
    monkeypatch.setattr(productions, "MAX_CHAIN", 3)
    productions.productions.cache_clear()
    grammar.parser.cache_clear()
    assert "_table_applications_g3_0" in productions.productions().text
    assert _parsed(texts) == flat
