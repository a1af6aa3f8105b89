"""A table's chain of rows cut into nested groups (``productions.MAX_CHAIN``, so that Lark builds the parser of
a large table in time quadratic, not cubic, in its rows) is the chain it stands for: whatever order a report
prints a described table's rows in (rows left out, out of order, printed twice, unlabelled numbered rows
between them), the grammar cut three levels deep reads the same rows and records the same deviations as one
production holding every row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint import parse_text
from govlint.parsing import grammar, productions
from govlint.schema import ColumnSpec, PartSpec, RowSpec, TableSpec
from govlint.serialize import report_to_dict

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "000_3332caad86cf7302.txt"
ROWS = 40
DIGITS = "甲乙丙丁戊己庚辛壬癸"


def _name(number: int) -> str:
    return "项目" + "".join(DIGITS[int(d)] for d in f"{number:02d}")


def _spec(words: tuple[str, ...]) -> TableSpec:
    """The same numbered table of :data:`ROWS` rows (its ``words``, which only a rule reads, tell the two
    grammars apart)."""
    columns = (ColumnSpec("count", "数量"), ColumnSpec("amount", "金额"))
    rows = tuple(RowSpec(f"r{n}", _name(n), numbering=f"{n + 1}.") for n in range(ROWS))
    return TableSpec(id="big", title="大表", captions=("大表统计",), parts=(PartSpec(columns, rows),), words=words)


CHAIN, GROUPED = _spec(()), _spec(("大表",))


@pytest.fixture(scope="module", autouse=True)
def grammars() -> Iterator[None]:
    """The parser of :data:`CHAIN` as one production, that of :data:`GROUPED` cut into groups of three."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GOVLINT_CACHE_DIR", "")
        patch.setattr(productions, "MAX_CHAIN", ROWS + 1)
        assert "_g1_" not in productions.productions((CHAIN,)).text
        grammar.parser((CHAIN,))
        patch.setattr(productions, "MAX_CHAIN", 3)
        assert "_table_big_g3_0" in productions.productions((GROUPED,)).text
        grammar.parser((GROUPED,))
    yield
    productions.productions.cache_clear()
    grammar.parser.cache_clear()


def _printed(order: list[int]) -> str:
    """The table with its rows in ``order`` (-1: a numbered row without a known label)."""
    lines = (f"{n + 1}.{_name(n)}\t{n}\t{n + 1}\n" if n >= 0 else f"{ROWS + 1}.其他事项\t5\t6\n" for n in order)
    return "大表统计\n项目\t数量\t金额\n" + "".join(lines)


#: In spec order with rows left out, then rows moved and repeated, and unlabelled rows put between them.
ORDERS = st.lists(st.booleans(), min_size=ROWS, max_size=ROWS).flatmap(
    lambda kept: st.permutations([n for n, keep in enumerate(kept) if keep] + [-1] * 2).flatmap(
        lambda moved: st.sampled_from([sorted(moved), moved, [*moved[:5], *moved]])
    )
)


@given(ORDERS)
def test_rows_cut_into_groups_read_as_the_one_production(order: list[int]) -> None:
    text = SEED.read_text(encoding="utf-8") + _printed(order)
    as_chain = report_to_dict(parse_text(text, tables=[CHAIN]))
    assert json.dumps(report_to_dict(parse_text(text, tables=[GROUPED])), ensure_ascii=False) == json.dumps(
        as_chain, ensure_ascii=False
    )
