"""GL601/GL602/GL606 on generated reports whose prose is rendered from their own tables (govlint.testing.prose).

- with the correct sentences, nothing fires;
- with one number of one sentence changed, GL601 fires once, at that number, quoting that sentence;
- with sentences of another scope added (备案, 其中, 累计, 同比, 全市, another year…), nothing fires.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from govlint.testing import lint_text, render
from govlint.testing.layouts import POSITIONAL_LAYOUTS, TEXT_LAYOUTS
from govlint.testing.mutations import REFERENCE_DATE
from govlint.testing.noise import Noise
from govlint.testing.prose import count_sentences, parts_of, scope_sentences, table_counts, with_sentences
from govlint.testing.reportmodel import ReportModel
from govlint.testing.strategies import noises, reports

TEXT_CODES = ("GL601", "GL602", "GL606")
SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def text_findings(model: ReportModel, layout: str, noise: Noise) -> list[str]:
    rendered = render(model, layout, noise)
    return [d.message_zh for d in lint_text(rendered, reference_date=REFERENCE_DATE) if d.code in TEXT_CODES]


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
@SETTINGS
@given(model=reports(), noise=noises())
def test_a_report_saying_what_its_tables_show_has_no_text_finding(
    layout: str, model: ReportModel, noise: Noise
) -> None:
    assert text_findings(model, layout, noise) == []


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
@SETTINGS
@given(data=st.data(), noise=noises())
def test_sentences_of_another_scope_stay_silent(layout: str, data: st.DataObject, noise: Noise) -> None:
    model = data.draw(reports())
    model = with_sentences(model, data.draw(scope_sentences(model)))
    assert text_findings(model, layout, noise) == []


def _flat(text: str) -> str:
    """Text without spaces and punctuation, digits as ASCII: what survives every layout's noise."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s，,。；;：:（）()“”\"%…]", "", text)


@pytest.mark.parametrize("layout", POSITIONAL_LAYOUTS)
@SETTINGS
@given(data=st.data(), noise=noises())
def test_one_changed_number_fires_at_its_sentence(layout: str, data: st.DataObject, noise: Noise) -> None:
    model = data.draw(reports())
    sentences = list(data.draw(count_sentences(model)))
    assume(sentences)
    index = data.draw(st.integers(0, len(sentences) - 1))
    sentence = sentences[index]
    value = sentence.value + data.draw(st.one_of(st.integers(1, 5), st.integers(-5, -1), st.integers(6, 500)))
    assume(value >= 0)
    assume(value not in parts_of(model, sentence.kind))  # a count of one kind of lawsuit is read as that kind
    sentences[index] = sentence.changed(value)
    rendered = render(with_sentences(model, tuple(sentences)), layout, noise)
    found = [d for d in lint_text(rendered, reference_date=REFERENCE_DATE) if d.code in TEXT_CODES]
    [d] = found
    assert (d.code, d.key, d.actual) == ("GL601", f"text.{sentence.kind}", value)
    expected = table_counts(model)[sentence.kind]
    if "c" in sentence.fields:  # 含上年结转: the received and the carried-over applications together
        expected += int(sentence.fields["c"])
    assert d.expected == expected
    line = rendered.text.split("\n")[d.location.line - 1]
    assert int(unicodedata.normalize("NFKC", line[d.location.column - 1 : d.location.end_column - 1])) == value
    quoted = re.search(r"正文“(.*?)”所述", d.message_zh)
    assert quoted is not None
    assert _flat(sentences[index].text).startswith(_flat(quoted.group(1)).rstrip("…"))
