"""A valid report, in any layout and with any realistic noise, gets no diagnostic at error level."""

from __future__ import annotations

import pytest
from hypothesis import given

from govlint.testing import REFERENCE_DATE, Expectation, expectation_problems, lint_text, render
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
    rows = {"row." + ".".join(key.split(".")[:-1]) for key in rendered.uncertain}
    cells = {f"cell.{key}" for key in rendered.uncertain}
    where = (*sorted(cells), *sorted(rows), "row.review_litigation")
    expect = Expectation(allowed=frozenset({"GL105", "GL106"}) if rendered.uncertain else frozenset(),
                         where={"GL105": where, "GL106": where})  # fmt: skip
    problems = expectation_problems(diagnostics, rendered, expect)
    assert not problems, "\n".join(problems)
