"""A valid report, in any layout and with any realistic noise, gets no diagnostic at error level."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint.schema import FormatKey
from govlint.testing import REFERENCE_DATE, Expectation, expectation_problems, lint_text, render
from govlint.testing.checks import allowing_uncertain
from govlint.testing.layouts import LAYOUTS
from govlint.testing.strategies import noises, reports


@pytest.mark.parametrize("format_key", ("2021", "2019"))
@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_valid_report_has_no_error(layout: str, format_key: FormatKey, data: st.DataObject) -> None:
    model = data.draw(reports(formats=(format_key,)), label="model")
    rendered = render(model, layout, data.draw(noises(), label="noise"))
    diagnostics = lint_text(rendered, reference_date=REFERENCE_DATE)
    # On a crawled page, a row whose run-together digits do not split uniquely may be reported unreadable
    # (issue #2: never guess); nothing else may be an error.
    problems = expectation_problems(diagnostics, rendered, allowing_uncertain(Expectation(), rendered))
    assert not problems, "\n".join(problems)
