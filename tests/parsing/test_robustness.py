"""Nothing in a report crashes the parser: missing headings, truncated tables, garbage, any mix of table words."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parsing_support import SEEDS

import govlint
from govlint import schema
from govlint.model import CellStatus, Report
from govlint.parsing.labels import catalogue

#: Pieces real tables are made of: every label the lexer knows, numbers, placeholders, separators, noise.
PIECES = st.one_of(
    st.sampled_from(sorted(catalogue().entries)),
    st.sampled_from([s.title for s in schema.SECTIONS]),
    st.sampled_from([schema.APPLICATIONS_NOTE, "本列数据的钩稽关系", "第二十条第（九）项"]),
    st.from_regex(r"[+-]?[0-9０-９]{1,12}(\.[0-9]{1,6})?(元|万元|个)?", fullmatch=True),
    st.sampled_from(["\t", "\n", "\n\n", " ", "  ", "   ", "|", "/", "-", "—", "\f", "-3-", "\t\n", "。", "年"]),
    st.sampled_from(["\n\t/\t/\t/\n", "\n| / | / | / |\n", "\n/   /   /\n", "\n—\t—\t—\n"]),  # rows of placeholders
    st.text(alphabet=string.printable + "一二三四五六七八九十（）、，。年月日行政复议总计其他", max_size=12),
)


def _check(report: Report) -> None:
    """Invariants of any parse: cell values agree with statuses, spans lie inside the text."""
    length = len(report.text)
    for key in schema.TABLE_KEYS:
        table = report.tables.get(key)
        if table is None:
            continue
        for row in table.rows.values():
            for cell in row.cells.values():
                assert (cell.value is None) == (cell.status not in (CellStatus.OK, CellStatus.INFERRED))
                assert cell.span is not None and 0 <= cell.span.start <= cell.span.end <= length
    for unplaced in report.unplaced:
        assert 0 <= unplaced.span.start <= unplaced.span.end <= length


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=60))
def test_any_mix_of_table_words_numbers_and_separators_parses(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not text.strip():
        return
    _check(govlint.parse_text(text + "\n"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_truncation_and_splice_of_a_real_report_parses(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(SEEDS)).read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    cut = data.draw(st.integers(0, len(text)))
    fragment = text[start:end] + text[:cut]
    if fragment.strip():
        _check(govlint.parse_text(fragment + "\n"))


def test_report_without_any_heading_still_has_its_tables() -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    for section in schema.SECTIONS:
        text = text.replace(section.title, "")
    report = govlint.parse_text(text)
    assert report.sections == ()
    assert report.tables.applications is not None
    assert report.tables.active_disclosure is not None
    assert report.tables.review_litigation is not None


def test_truncated_table_keeps_the_rows_it_has() -> None:
    text = SEEDS[3].read_text(encoding="utf-8")
    cut = text.index("3.危及")
    report = govlint.parse_text(text[:cut])
    applications = report.tables.applications
    assert applications is not None
    assert list(applications.rows)[-1] == "denied.prohibited_by_law"
    assert report.tables.review_litigation is None


def test_garbage_lines_inside_a_table_do_not_move_the_numbers() -> None:
    text = SEEDS[3].read_text(encoding="utf-8")
    noisy = text.replace("\n\t\t3.危及", "\n@@##%%&&**\n\t\t3.危及", 1)
    noisy = noisy.replace("\n\t\t5.属于三类", "\n ±±± HI ₩\n\t\t5.属于三类", 1)
    assert noisy != text
    clean, dirty = govlint.parse_text(text), govlint.parse_text(noisy)
    assert clean.tables.applications is not None and dirty.tables.applications is not None
    for key, row in clean.tables.applications.rows.items():
        assert [c.value for c in dirty.tables.applications.rows[key].cells.values()] == [
            c.value for c in row.cells.values()
        ], key


@pytest.mark.parametrize(
    "line",
    ["\t/\t/\t/\t/", "/\t/\t/", "| / | / | / |", "    /      /      /      /", "\t-\t—\t/"],
    ids=["tabs", "tabs-no-indent", "pipes", "pdftotext", "mixed-placeholders"],
)
def test_a_row_of_placeholders_without_a_label_is_an_unplaced_row(line: str) -> None:
    # Once crashed the lexer (StopIteration): an unlabelled row after the first rows, printing only placeholders.
    text = SEEDS[0].read_text(encoding="utf-8")
    anchor = text.index("1.信访举报投诉类申请")
    after = text.index("\n", anchor) + 1
    report = govlint.parse_text(text[:after] + line + "\n" + text[after:])
    assert report.tables.applications is not None
    (row,) = [u for u in report.unplaced if u.kind == "row"]
    assert row.span.line == text[:after].count("\n") + 1
    clean = govlint.parse_text(text).tables.applications
    assert clean is not None
    assert report.tables.applications.rows.keys() == clean.rows.keys()


def test_text_without_any_report_content() -> None:
    for text in ("hello world\n", "0 0 0 0 0 0 0\n" * 20, "\t\t\t\n|||\n", "三、\n四、\n", "总计\t总计\n其他\n"):
        report = govlint.parse_text(text)
        assert report.format == "unknown"
        _check(report)


def test_very_long_digit_runs_are_reported_not_enumerated() -> None:
    text = (
        schema.APPLICATIONS_NOTE
        + "一、本年新收政府信息公开申请数量"
        + "1" * 80
        + "二、上年结转政府信息公开申请数量0000000(一)予以公开0\n"
    )
    report = govlint.parse_text(text)
    applications = report.tables.applications
    assert applications is not None
    row = applications.rows["new_received"]
    assert row.problem is not None and "too many ways" in row.problem.en
    assert all(c.status is CellStatus.AMBIGUOUS for c in row.cells.values())
