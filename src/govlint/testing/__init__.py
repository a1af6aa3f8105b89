"""govlint's test kit, public for provincial plugin authors (``pip install govlint[test]``).

- :func:`lint_text` and :func:`assert_diagnostics`: run rules on a fragment or a report and check what they
  report (no hypothesis needed);
- :mod:`govlint.testing.strategies`: hypothesis strategies for valid reports (:func:`reports`, with the
  tables a plugin describes: ``reports(tables=[spec])``, values from :func:`described_tables`) and layout
  noise (:func:`noises`);
- :func:`render`: a report model printed in each real layout (:data:`LAYOUTS`), with the place of every cell;
- :data:`MUTATIONS`: defects tied to the codes they must trigger, with :func:`expectation_problems` to check
  a linter's answer.

Names are imported on first use, so ``from govlint.testing import assert_diagnostics`` does not import
hypothesis.  See ``docs/testing.md``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govlint.testing.checks import (
        assert_diagnostics,
        describe,
        expectation_problems,
        lint_text,
        parse,
        round_trip_problems,
    )
    from govlint.testing.layouts import LAYOUTS, TEXT_LAYOUTS, Rendered, render
    from govlint.testing.mutations import MUTATIONS, REFERENCE_DATE, Expectation, Mutated, Mutation
    from govlint.testing.noise import Noise
    from govlint.testing.reportmodel import DescribedTable, ReportModel
    from govlint.testing.strategies import described_tables, noises, reports

_WHERE = {
    "assert_diagnostics": "checks",
    "describe": "checks",
    "expectation_problems": "checks",
    "lint_text": "checks",
    "parse": "checks",
    "round_trip_problems": "checks",
    "ReportModel": "reportmodel",
    "DescribedTable": "reportmodel",
    "MUTATIONS": "mutations",
    "REFERENCE_DATE": "mutations",
    "Expectation": "mutations",
    "Mutated": "mutations",
    "Mutation": "mutations",
    "Noise": "noise",
    "LAYOUTS": "layouts",
    "TEXT_LAYOUTS": "layouts",
    "Rendered": "layouts",
    "render": "layouts",
    "described_tables": "strategies",
    "noises": "strategies",
    "reports": "strategies",
}

__all__ = [
    "LAYOUTS",
    "MUTATIONS",
    "REFERENCE_DATE",
    "TEXT_LAYOUTS",
    "DescribedTable",
    "Expectation",
    "Mutated",
    "Mutation",
    "Noise",
    "Rendered",
    "ReportModel",
    "assert_diagnostics",
    "describe",
    "described_tables",
    "expectation_problems",
    "lint_text",
    "noises",
    "parse",
    "render",
    "reports",
    "round_trip_problems",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'govlint.testing' has no attribute {name!r}")
    return getattr(importlib.import_module(f"govlint.testing.{module}"), name)
