"""The generators are what they claim: valid reports are consistent and in the legal window, every mutation
breaks what it names (checked with the independent oracle), and every built-in rule code has a mutation.
These tests do not need the parser."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint import notices, schema
from govlint.crossreport import CrossRule
from govlint.rules import BUILTIN_RULES
from govlint.testing import oracle
from govlint.testing.layouts import render
from govlint.testing.layouts.splits import applications_row, count_splits, review_row
from govlint.testing.mutations import COVERED_CODES, MUTATIONS, REFERENCE_DATE, Mutated
from govlint.testing.noise import Noise
from govlint.testing.reportmodel import ReportModel
from govlint.testing.strategies import noises, reports


@given(reports(), noises())
def test_a_spaced_table_keeps_its_columns_order_and_spacing_across_pages(model: ReportModel, noise: Noise) -> None:
    """pdftotext prints one table's columns as far apart on every page; a page break moves only where the
    table starts.  So a value of one character sits within a character of its column, and a row of such values
    is another's moved by one offset, give or take a character at each end.  Columns shifted each on its own at a
    break crossed or met: values were pushed off their columns, and a row with a blank cell printed a value
    where the rows around it print the blank's column (the text said another cell was blank than the model)."""
    rendered = render(model, "spaced", attrs.evolve(noise, page_artifacts=True))
    rows = []
    for row in model.applications.values if model.applications else ():
        ranges = [rendered.anchors.get(f"cell.applications.{row}.{c}") for c in schema.APPLICATION_COLUMN_KEYS]
        if all(r is not None and len(r) == 1 and r[0][1] - r[0][0] == 1 for r in ranges):
            starts = [r[0][0] for r in ranges if r is not None]
            rows.append([start - rendered.text.rfind("\n", 0, start) for start in starts])
    for other in rows[1:]:
        moved = [b - a for a, b in zip(rows[0], other, strict=True)]
        assert max(moved) - min(moved) <= 4, (rows[0], other)  # each of the two a character off


@given(reports())
def test_valid_reports_are_consistent(model: ReportModel) -> None:
    assert oracle.failures(model) == []
    assert model.format == schema.expected_format(model.report_year)
    assert model.title and model.agency in model.title and str(model.report_year) in model.title
    assert schema.TITLE_CORE in model.title
    dates = [d for d in (model.publish_date, model.signature_date) if d is not None]
    assert dates, "every valid report has a publication or signature date"
    for printed in dates:
        assert printed.date is not None
        assert dt.date(model.report_year + 1, 1, 1) <= printed.date <= model.deadline
    assert [s.number for s in model.sections] == [1, 2, 3, 4, 5, 6]
    # the fee named (信息处理费 …) or, in section 六, charging itself (未向申请人收费, 均免费提供: #10 audit)
    fee_words = (*schema.FEE_TERMS, "收费", "免费")
    assert model.fee.kind != "absent" and any(term in model.fee.text for term in fee_words)
    if model.period is not None:
        assert (model.period.start.date, model.period.end.date) == (
            dt.date(model.report_year, 1, 1),
            dt.date(model.report_year, 12, 31),
        )


@given(reports(fee_unpaid=True))
def test_fee_statement_agrees_with_unpaid_notices(model: ReportModel) -> None:
    assert model.applications is not None
    assert (model.applications.value("other.fee_unpaid", "total") or 0) > 0
    assert model.fee.kind in ("notices_unpaid", "amount")
    assert not any(term in model.fee.text for term in schema.FEE_NOT_CHARGED_TERMS)


def test_every_builtin_code_has_a_mutation() -> None:
    # File notices: no report makes them; cross-report rules: no single report does (govlint.testing.series).
    # GL003: generated reports decode completely; tests/rules/test_decoding.py.
    # GL206: generated reports hold no table a plugin describes; tests/plugin/test_table_plugin.py.
    codes = {
        rule.meta.code
        for rule in BUILTIN_RULES
        if not issubclass(rule, CrossRule) and rule.meta.code not in ("GL003", "GL206")
    } - notices.CODES
    assert codes <= COVERED_CODES, sorted(codes - COVERED_CODES)


ISOLATED = {
    "change_results_total": {"GL202"},
    "change_balance": {"GL203"},
    "change_group_total": {"GL204"},
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@given(data=st.data())
def test_mutation_breaks_what_it_names(name: str, data: st.DataObject) -> None:
    mutation = MUTATIONS[name]
    model = data.draw(reports(**mutation.report_args), label="model")
    mutated: Mutated = data.draw(mutation.apply(model), label="mutated")
    expect = mutated.expect
    assert mutation.codes & (expect.must | expect.any_of), "the mutation triggers one of its codes"
    assert mutated.model != model or mutated.reference_date != REFERENCE_DATE
    if name in ISOLATED:
        assert expect.must == ISOLATED[name]
    if expect.must & {"GL201", "GL202", "GL203", "GL204", "GL205"}:
        failing = {f.code for f in oracle.failures(mutated.model)}
        assert expect.must <= failing <= expect.must | expect.allowed  # a balance over a wrong 总计 is allowed
    # every anchor a code must point into exists in a rendered text layout
    rendered = render(mutated.model, "tabs", data.draw(noises(), label="noise"))
    lines = expect.lines(rendered)
    for code in expect.must:
        keys = expect.where.get(code, ())
        assert not keys or lines[code], f"{code}: none of {keys} is printed"


def test_split_oracle() -> None:
    assert count_splits("0000000", 7, applications_row) == 1
    assert count_splits("7000007", 7, applications_row) == 1
    assert count_splits("10 0 00 0 1", 7, applications_row) == 1  # 008_approval_2019 new_received
    assert count_splits("5416", 3) == 2  # 012_approval_2023 行政规范性文件: 5|4|16, 5|41|6, 54|1|6
    assert count_splits("100010000000101", 15, review_row) == 1
    assert count_splits("315090000000000", 15, review_row) == 1  # 044 transport 2025: 3+1+5+0=9, then zeros
    assert count_splits("00202000001324015", 15, review_row) == 0  # 062 social 2024: no split adds up
