"""Every layout, the converters' included: a cell is never given a number the report did not print there,
every read cell says what placed it, and a cell the report filled is never reported empty (issue #10)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint.model import CellStatus
from govlint.rules.structure import EmptyCell
from govlint.schema import FormatKey
from govlint.testing import lint_text, parse, render
from govlint.testing.layouts import LAYOUTS
from govlint.testing.reportmodel import ReportModel
from govlint.testing.strategies import noises, reports

_EVIDENCE = {"grid", "count", "columns", "arithmetic"}
#: Every layout is run in both formats (issue #10's layout g: the 2019 trial format in each layout).
FORMATS: tuple[FormatKey, ...] = ("2021", "2019")


def _expected(model: ReportModel) -> dict[str, object]:
    return {
        f"{table}.{key}": value
        for table, values in (
            ("active_disclosure", model.expected_art20()),
            ("applications", model.expected_applications()),
            ("review_litigation", model.expected_review()),
        )
        for key, value in values.items()
    }


@pytest.mark.parametrize("format_key", FORMATS)
@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_no_cell_gets_a_number_the_model_does_not_have(layout: str, format_key: FormatKey, data: st.DataObject) -> None:
    model = data.draw(reports(formats=(format_key,)), label="model")
    report = parse(render(model, layout, data.draw(noises(), label="noise")))
    expected = _expected(model)
    for table_key in ("active_disclosure", "applications", "review_litigation"):
        table = report.tables.get(table_key)
        for row in table.rows.values() if table else ():
            for cell in row.cells.values():
                key = f"{table_key}.{cell.key}"
                if cell.value is not None:
                    assert key in expected and cell.value == expected[key], (key, cell.value, expected.get(key))
                if cell.status is CellStatus.AMBIGUOUS:
                    assert cell.evidence is None and row.problem is not None, key
                else:
                    assert cell.evidence in _EVIDENCE, (key, cell)


@pytest.mark.parametrize("format_key", FORMATS)
@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_a_cell_the_model_filled_is_never_reported_empty(
    layout: str, format_key: FormatKey, data: st.DataObject
) -> None:
    model = data.draw(reports(formats=(format_key,)), label="model")
    filled = {key for key, value in _expected(model).items() if value is not None}
    for diagnostic in lint_text(render(model, layout, data.draw(noises(), label="noise")), rules=[EmptyCell]):
        assert diagnostic.key not in filled, diagnostic
