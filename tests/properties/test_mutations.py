"""Each mutation yields its rule's code at the mutated place, and no unrelated error, in every layout."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint import schema
from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.testing import MUTATIONS, Expectation, describe, expectation_problems, lint_text, render
from govlint.testing.checks import allowing_uncertain
from govlint.testing.layouts.base import Rendered
from govlint.testing.reportmodel import Printed
from govlint.testing.strategies import noises, reports


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@given(data=st.data())
def test_mutation_is_reported(name: str, data: st.DataObject) -> None:
    mutation = MUTATIONS[name]
    model = data.draw(reports(**mutation.report_args), label="model")
    mutated = data.draw(mutation.apply(model), label="mutated")
    layout = data.draw(st.sampled_from(mutation.layouts), label="layout")
    rendered = render(mutated.model, layout, data.draw(noises(), label="noise"))
    diagnostics = lint_text(rendered, reference_date=mutated.reference_date)
    problems = expectation_problems(diagnostics, rendered, allowing_uncertain(mutated.expect, rendered))
    assert not problems, "\n".join([f"{name} ({mutated.note}) in {layout}:", *problems, describe(diagnostics)])


@given(data=st.data())
def test_a_fee_contradiction_beside_an_empty_cell_is_reported_or_its_row_said_unread(data: st.DataObject) -> None:
    """GL302 (row (六)2 counts unpaid fee notices, 六 says none was issued) with a cell of row (六)2 printed empty,
    in the ``spaced`` layout (``pdftotext -layout``), where only the neighbours' columns can place that row: its
    cells are uncertain, and the finding may give way to a notice that the row was not read, never to
    silence."""
    mutation = MUTATIONS["contradict_fee"]
    mutated = data.draw(mutation.apply(data.draw(reports(**mutation.report_args), label="model")), label="mutated")
    applications = mutated.model.applications
    assert applications is not None
    column = data.draw(st.sampled_from(schema.APPLICATION_COLUMN_KEYS[:-1]), label="blank column")
    values = {row: dict(cells) for row, cells in applications.values.items()}
    values["other.fee_unpaid"][column] = Printed("")
    model = attrs.evolve(mutated.model, applications=attrs.evolve(applications, values=values))
    rendered = render(model, "spaced", data.draw(noises(), label="noise"))
    assert f"applications.other.fee_unpaid.{column}" in rendered.uncertain
    diagnostics = lint_text(rendered, reference_date=mutated.reference_date)
    problems = expectation_problems(diagnostics, rendered, allowing_uncertain(mutated.expect, rendered))
    heading = f"contradict_fee ({mutated.note}), {column} blank:"
    assert not problems, "\n".join([heading, *problems, describe(diagnostics)])


def test_a_finding_about_an_uncertain_cell_needs_the_finding_or_an_unread_notice() -> None:
    """A cell a reader may leave unread (``Rendered.uncertain``) may have its finding replaced by a notice that
    it was not read (GL105, GL108: ``unread``), never by silence: a rule that drops it unnoticed fails."""
    text = "(一)予以公开  3  1  0\n(二)部分公开  0  0  0\n"
    rendered = Rendered(
        "spaced",
        text,
        {"cell.applications.granted.total": ((15, 16),), "row.applications.granted": ((0, 16),)},
        uncertain=frozenset({"applications.granted.total"}),
    )
    expect = allowing_uncertain(
        Expectation(must=frozenset({"GL201"}), where={"GL201": ("cell.applications.granted.total",)}), rendered
    )

    def found(code: str, line: int, *, unread: bool = False) -> Diagnostic:
        where = Location("r.txt", line, 1, line, 5)
        severity = Severity.WARNING if unread else Severity.ERROR
        return Diagnostic(code, severity, "…", "…", where, unread=unread)

    assert expectation_problems([], rendered, expect) == ["GL201 not reported (nor anything unread)"]
    assert expectation_problems([found("GL201", 1)], rendered, expect) == []
    assert expectation_problems([found("GL108", 1, unread=True)], rendered, expect) == []
    assert expectation_problems([found("GL108", 2, unread=True)], rendered, expect) != []  # not at the row
