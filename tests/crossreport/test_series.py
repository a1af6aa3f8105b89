"""The cross-report rules proved on generated series (govlint.testing.series): no finding on a consistent
series; on a broken one, exactly the findings the break must cause, at the right cells, with the values."""

from __future__ import annotations

import os

import attrs
from hypothesis import HealthCheck, given, settings

from govlint.config import Config
from govlint.crossreport import Run, check_run, digest
from govlint.linter import plugins_for
from govlint.testing import parse, render
from govlint.testing.series import BREAKS, Series, series

SELECT = ["GL501", "GL502", "GL503"]
#: Few examples in everyday runs, more under HYPOTHESIS_PROFILE=ci (each example renders and parses 2-4 reports).
EXAMPLES = 60 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 12
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def findings(drawn: Series) -> set[tuple[str, int, str, object, object]]:
    digests = tuple(
        digest(attrs.evolve(parse(render(model, "tabs")), path=f"{index}.txt"))
        for index, model in enumerate(drawn.models)
    )
    config = Config(select=SELECT)
    results = check_run(Run(digests), plugins_for(config), config)
    found = set()
    for result in results:
        assert not result.errors
        index = int(result.path.removesuffix(".txt"))
        for d in result.diagnostics:
            values = (d.expected, d.actual) if d.code != "GL503" else (None, None)
            found.add((d.code, index, d.key, *values))
    return found


@SETTINGS
@given(series())
def test_a_consistent_series_has_no_finding(drawn: Series) -> None:
    assert findings(drawn) == set()


@SETTINGS
@given(series(breaks=BREAKS))
def test_a_broken_series_has_exactly_the_findings_of_its_breaks(drawn: Series) -> None:
    assert findings(drawn) == {(e.code, e.index, e.key, e.expected, e.actual) for e in drawn.expected}


@SETTINGS
@given(series(length=(2, 2), breaks=("carry",)))
def test_a_carry_over_break_is_found_alone(drawn: Series) -> None:
    assert {f[:3] for f in findings(drawn)} == {(e.code, 1, e.key) for e in drawn.expected}
