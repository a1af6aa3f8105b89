"""Each mutation yields its rule's code at the mutated place, and no unrelated error, in every layout."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint.testing import MUTATIONS, describe, expectation_problems, lint_text, render
from govlint.testing.checks import allowing_uncertain
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
