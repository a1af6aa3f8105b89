"""A valid report, in any layout and with any realistic noise, gets no diagnostic at error level."""

from __future__ import annotations

import pytest
from hypothesis import given

from govlint.testing import REFERENCE_DATE, Expectation, expectation_problems, lint_text, render
from govlint.testing.checks import allowing_uncertain
from govlint.testing.layouts import LAYOUTS
from govlint.testing.model import ReportModel
from govlint.testing.noise import Noise
from govlint.testing.strategies import noises, reports


@pytest.mark.parametrize("layout", LAYOUTS)
@given(model=reports(), noise=noises())
def test_valid_report_has_no_error(layout: str, model: ReportModel, noise: Noise) -> None:
    rendered = render(model, layout, noise)
    diagnostics = lint_text(rendered, reference_date=REFERENCE_DATE)
    # On a crawled page, a row whose run-together digits do not split uniquely may be reported unreadable
    # (issue #2: never guess); nothing else may be an error.
    problems = expectation_problems(diagnostics, rendered, allowing_uncertain(Expectation(), rendered))
    assert not problems, "\n".join(problems)
