"""No input crashes govlint: any text or bytes, truncated or repeated reports, very long lines, deeply
repeated headings get diagnostics or one clear :class:`govlint.errors.InputError`, never another exception
(and no rule fails on them)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import govlint
from govlint.config import Config
from govlint.errors import InputError
from govlint.schema import SECTIONS
from govlint.sources import Source
from govlint.testing import REFERENCE_DATE, render
from govlint.testing.layouts import LAYOUTS, TEXT_LAYOUTS
from govlint.testing.noise import Noise
from govlint.testing.reportmodel import ReportModel
from govlint.testing.strategies import noises, reports

CONFIG = Config(reference_date=REFERENCE_DATE)


def survives(source: Source) -> None:
    """Lint ``source``: an InputError is a fine answer; any other exception, or a failing rule, is not."""
    try:
        result = govlint.lint(source, CONFIG)
    except InputError as exc:
        assert str(exc).strip(), "an input error says what is wrong"
        return
    assert not result.errors, [e.message("en") for e in result.errors]


@given(st.text())
def test_any_text(text: str) -> None:
    survives(text)


@given(st.text(alphabet=st.sampled_from("一二三四五六、（）()0123456789 \t\n|.年月日总计第二十条项规章予以公开")))
def test_text_made_of_report_characters(text: str) -> None:
    survives(text)


_MAGIC = (b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body><table><tr><td rowspan=99>", b"\xef\xbb\xbf")


@given(st.sampled_from(_MAGIC), st.binary())
def test_any_bytes(prefix: bytes, data: bytes) -> None:
    survives(prefix + data)


@given(reports(), st.sampled_from(LAYOUTS), noises(), st.floats(0, 1))
def test_truncated_report(model: ReportModel, layout: str, noise: Noise, cut: float) -> None:
    source = render(model, layout, noise).source()
    survives(source[: int(len(source) * cut)])


@given(reports(), st.sampled_from(TEXT_LAYOUTS), noises(), st.randoms(use_true_random=False))
def test_shuffled_report_lines(model: ReportModel, layout: str, noise: Noise, rnd: object) -> None:
    lines = render(model, layout, noise).text.split("\n")
    rnd.shuffle(lines)  # type: ignore[attr-defined]
    survives("\n".join(lines))


@settings(max_examples=2)
@given(reports(), st.sampled_from(TEXT_LAYOUTS))
def test_report_repeated_a_thousand_times(model: ReportModel, layout: str) -> None:
    survives(render(model, layout, Noise()).text * 1000)


@given(
    st.sampled_from(("0", "1", "10", " 0", "０")),
    st.integers(10_000, 300_000),
    st.sampled_from(("", "一、本年新收政府信息公开申请数量", "行政复议行政诉讼")),
)
def test_very_long_line(digit: str, count: int, label: str) -> None:
    survives(label + digit * count)


@given(st.sampled_from([s.title for s in SECTIONS] + ["第二十条第（一）项", "（七）总计"]), st.integers(100, 20_000))
def test_deeply_repeated_headings(heading: str, count: int) -> None:
    survives((heading + "\n") * count)


@given(reports(), st.integers(2, 50))
def test_tables_repeated(model: ReportModel, count: int) -> None:
    text = render(model, "tabs", Noise()).text
    start = text.index("第二十条")
    five = next(s.heading for s in model.sections if s.key == "problems_improvements")
    assert five is not None
    survives(text[:start] + text[start : text.index(five)] * count)
