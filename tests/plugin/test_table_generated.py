"""govlint.testing's generators for a table a plugin describes (#15 §1): ``reports(tables=[spec])`` draws
its values with every relation of the spec holding, ``render`` prints it in every layout govlint reads, and
the oracle says which relations a changed cell breaks."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stock_plugin import STOCK

from govlint.diagnostics import Diagnostic
from govlint.schema import RelationSpec
from govlint.testing import LAYOUTS, Noise, ReportModel, lint_text, noises, parse, render, round_trip_problems
from govlint.testing.oracle import failures
from govlint.testing.reportmodel import DescribedTable
from govlint.testing.strategies import described_tables, reports

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
#: Layouts that keep every cell in its place (no digits run together, no labels apart from their values).
PLACED = ("tabs", "pipe", "markdown", "tabcells", "cells", "html", "docx")


#: The stock table with a bound and a zero link besides its two sums.
BOUNDED = attrs.evolve(
    STOCK,
    relations=(
        *STOCK.relations,
        RelationSpec.at_most("B1", "row", "digital", "paper"),
        RelationSpec.zero_together("Z1", "column", ("opening", "closing")),
    ),
)


def _stock(found: list[Diagnostic]) -> list[tuple[str, str]]:
    """The findings on the stock table that accuse (not those saying a row was not read)."""
    return [(d.code, d.key) for d in found if d.key.startswith("records_stock") and not d.unread]


@SETTINGS
@given(st.sampled_from((STOCK, BOUNDED)).flatmap(described_tables))
def test_drawn_values_keep_every_relation(table: DescribedTable) -> None:
    values = {key: value for key, value in table.values.items() if isinstance(value, int) and value >= 0}
    assert tuple(values) == table.spec.cell_keys  # every cell, a count
    for relation in table.spec.relations:
        for place in table.spec.row_keys if relation.each == "row" else table.spec.column_keys:
            keys = [f"{place}.{k}" if relation.each == "row" else f"{k}.{place}" for _, k in relation.terms]
            assert relation.holds([values[k] for k in keys]), (relation.rid, place)


@pytest.mark.parametrize("layout", LAYOUTS)
@SETTINGS
@given(reports(tables=[STOCK]), noises())
def test_the_table_comes_back_in_every_layout_and_draws_no_finding(
    layout: str, model: ReportModel, noise: Noise
) -> None:
    rendered = render(model, layout, noise)
    report = parse(rendered, tables=[STOCK])
    # every layout, ``detached`` included (labels printed apart from their value rows: placed as the standard
    # tables' rows are, where every order gives each label the same values; uncertain, never guessed, else)
    problems = [p for p in round_trip_problems(model, report, rendered.uncertain) if p.startswith("records_stock")]
    assert problems == []
    assert _stock(lint_text(report, tables=[STOCK])) == []


@SETTINGS
@given(reports(tables=[STOCK]), st.sampled_from(PLACED), st.data())
def test_a_changed_cell_is_reported_at_each_relation_it_breaks(
    model: ReportModel, layout: str, data: st.DataObject
) -> None:
    [table] = model.described
    key = data.draw(st.sampled_from(STOCK.cell_keys), label="cell")
    value = table.values[key]
    changed = data.draw(st.integers(0, 99).filter(lambda v: v != value), label="value")
    model = attrs.evolve(model, described=(attrs.evolve(table, values={**table.values, key: changed}),))
    broken = [f for f in failures(model) if f.cells[0].startswith("cell.records_stock.")]
    assert broken, "a changed cell breaks its row's or its column's sum"
    found = _stock(lint_text(parse(render(model, layout), tables=[STOCK]), tables=[STOCK]))
    assert sorted(code for code, _ in found) == sorted(f.code for f in broken)
    cells = {cell.removeprefix("cell.") for f in broken for cell in f.cells}
    assert {where for _, where in found} <= cells


@settings(SETTINGS, max_examples=1)
@given(reports(tables=[attrs.evolve(STOCK, shape="wide")]))
def test_a_wide_table_of_several_rows_is_refused_by_the_printer(model: ReportModel) -> None:
    with pytest.raises(ValueError, match="wide table of more than one row"):
        render(model, "tabs")
