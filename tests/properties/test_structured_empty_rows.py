"""A structured source's table row whose cells are all empty is a row of empty cells (GL105 on each), not
an unread row: the grid shows it empty.  Word's hidden row of column widths is still not a row."""

from __future__ import annotations

import attrs
import pytest
from fixture_models import seed_model

from govlint import schema
from govlint.model import CellStatus
from govlint.testing import lint_text, parse, render
from govlint.testing.reportmodel import Printed, ReportModel

STRUCTURED = ("html", "wordhtml", "docx")


def _model() -> ReportModel:
    """Seed 002's values, each section with a sentence (a page of tables alone is read as its largest table)."""
    model = seed_model("002")
    sentence = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作，各项工作有序开展。"
    sections = tuple(attrs.evolve(section, paragraphs=(sentence,)) for section in model.sections)
    return attrs.evolve(model, sections=sections)


def _empty_review(model: ReportModel) -> ReportModel:
    review = model.review_litigation
    assert review is not None
    blank = {key: Printed("") for key in review.values}
    return attrs.evolve(model, review_litigation=attrs.evolve(review, values=blank))


@pytest.mark.parametrize("layout", STRUCTURED)
def test_table_four_with_every_cell_empty_is_read_as_fifteen_empty_cells(layout: str) -> None:
    rendered = render(_empty_review(_model()), layout)
    table = parse(rendered).tables.review_litigation
    assert table is not None
    for group in schema.REVIEW_GROUPS:
        row = table.rows[group.key]
        assert row.problem is None, group.key
        assert [(c.status, c.evidence) for c in row.cells.values()] == [(CellStatus.EMPTY, "grid")] * 5
    codes = [d.code for d in lint_text(rendered) if d.code in ("GL105", "GL108")]
    assert codes == ["GL105"] * 15


@pytest.mark.parametrize("layout", STRUCTURED)
def test_a_filled_table_four_reads_the_same_values_and_no_empty_row_is_added(layout: str) -> None:
    model = _model()
    table = parse(render(model, layout)).tables.review_litigation
    assert table is not None
    assert model.review_litigation is not None
    read = {f"{key}.{column}": cell.value for key, row in table.rows.items() for column, cell in row.cells.items()}
    assert read == model.review_litigation.values
