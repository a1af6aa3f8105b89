"""Arbitrary text never makes the heading finder or the fact extractor raise, and what they return is
consistent: spans inside the text, headings in order, dates where they are printed."""

from __future__ import annotations

from pathlib import Path

from facts_support import PINGTAN, SEEDS, analyse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.schema import SECTIONS

#: Pieces that make the extractor work: numerals and markers, heading texts, date and title words, digits
#: (ASCII and full-width), separators, spaces of every kind and line breaks.
PIECES = [
    *'一二三四五六七八九十〇○零第（）()、.．,，;；:：。《》"“”-－/／~～—',
    *"年月日号度起至到止统计期限自从",
    *"0123456789０１２３４５６７８９",
    " ",
    "\t",
    "\u3000",
    "\u00a0",
    "\n",
    "\n\n",
    "\r\n",
    "\f",
    *(v for spec in SECTIONS for v in spec.variants),
    "政府信息公开工作年度报告",
    "人民政府",
    "局",
    "关于",
    "发布日期",
    "发布时间",
    "标题",
    "索引号",
    "印发",
    "抄送",
    "2024",
    "12月31日",
    "二〇二五",
    "十二",
    "三十一",
]

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=80).map("".join)


def _check(text: str) -> None:
    found = analyse(text)
    length = len(text)
    starts = [h.start for h in found.headings]
    assert starts == sorted(starts)
    for heading in found.headings:
        assert 0 <= heading.start < heading.end <= length
        assert text[heading.start : heading.end].strip() == heading.title
    facts = found.facts
    spans = [m.span for m in facts.dates] + [m.span for m in facts.year_mentions] + [m.span for m in facts.metadata]
    if facts.title_span is not None:
        spans.append(facts.title_span)
    for span in spans:
        assert 0 <= span.start <= span.end <= length
    for mention in facts.dates:
        assert text[mention.span.start : mention.span.end] == mention.raw
        assert mention.value is None or (mention.value.year, mention.value.month, mention.value.day) == (
            mention.year,
            mention.month,
            mention.day,
        )
    assert [m.span.start for m in facts.dates] == sorted(m.span.start for m in facts.dates)
    for stated in (facts.publish_date, facts.signature_date):
        assert stated is None or stated in facts.dates
    if facts.statistics_period is not None:
        assert facts.statistics_period.start in facts.dates
        assert facts.statistics_period.end in facts.dates
    if facts.report_year is not None:
        assert facts.report_year in {m.year for m in facts.year_mentions}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_pieces_never_raise(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(sorted(SEEDS.glob("*.txt")) + sorted(PINGTAN.glob("*.txt"))[:20]),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.sampled_from(["", "\n", "一、", "2024年1月", "：", "《"]),
)
def test_cut_and_spliced_reports_never_raise(path: Path, cut: int, splice: int, insert: str) -> None:
    """A real report cut short or with a fragment inserted anywhere (a truncated download, a page break)."""
    text = path.read_text(encoding="utf-8")
    text = text[: cut % (len(text) + 1)]
    at = splice % (len(text) + 1)
    _check(text[:at] + insert + text[at:])
