"""Round trip: a generated report rendered in any real layout parses back to every value and section."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint.schema import FormatKey
from govlint.testing import parse, render, round_trip_problems
from govlint.testing.layouts import LAYOUTS
from govlint.testing.noise import Noise
from govlint.testing.reportmodel import ReportModel
from govlint.testing.strategies import noises, reports


@pytest.mark.parametrize("format_key", ("2021", "2019"))
@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_round_trip(layout: str, format_key: FormatKey, data: st.DataObject) -> None:
    model = data.draw(reports(formats=(format_key,)), label="model")
    rendered = render(model, layout, data.draw(noises(), label="noise"))
    problems = round_trip_problems(model, parse(rendered), rendered.uncertain)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(model=reports())
def test_round_trip_without_noise(layout: str, model: ReportModel) -> None:
    rendered = render(model, layout, Noise())
    problems = round_trip_problems(model, parse(rendered), rendered.uncertain)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(model=reports(), noise=noises())
def test_round_trip_agency(layout: str, model: ReportModel, noise: Noise) -> None:
    """The body's name comes back as the title prints it (spec §2, the seeds' truth files)."""
    assert parse(render(model, layout, noise)).agency == model.agency
