"""GL601's claims: a phrase and the count after it, matched apart, find what one regex of both finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.rules.text import _PHRASES, _phrase_counts

#: Pieces of the phrases, the counts and the gaps, shuffled into clauses.
PIECES = (
    *"上一年度下结转至到予以公开及和与、部分行政复议诉讼制发定印出台了规章范性文件废止现行有效的新收受理申请办答",
    *"共计总合为达件，,。；;（(",
    "0",
    "12",
    " ",
    "\n",
    "其他",
    *("上年结转", "结转下一年度", "新收到", "受理", "申请", "予以公开", "部分公开", "行政诉讼", "制发了规章", "办结"),
    *("3件", "共计 5 件", "为12件", "各项工作情况说明如下"),
)


def _whole(phrase: re.Pattern[str], after: re.Pattern[str], body: str) -> list[tuple[int, int, tuple[int, int], str]]:
    both = re.compile(f"(?:{phrase.pattern}){after.pattern}")
    return [(m.start(), m.end(), m.span(both.groups), str(m.groupdict().get("doc"))) for m in both.finditer(body)]


def _apart(phrase: re.Pattern[str], after: re.Pattern[str], body: str) -> list[tuple[int, int, tuple[int, int], str]]:
    return [
        (found.start(), count.end(), count.span(count.re.groups), str(found.groupdict().get("doc")))
        for found, count in _phrase_counts(phrase, after, body)
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_each_phrase_and_its_count_are_found_as_one_pattern_finds_them(body: str) -> None:
    for _, phrase, after in _PHRASES:
        assert _apart(phrase, after, body) == _whole(phrase, after, body)


def test_a_count_is_searched_after_the_previous_count_and_a_phrase_without_one_is_passed() -> None:
    body = "行政复议3件，行政复议案件，行政复议共计 4 件"
    [(_, phrase, after)] = [entry for entry in _PHRASES if entry[0] == "review"]
    assert [body[s:e] for _, _, (s, e), _ in _apart(phrase, after, body)] == ["3", "4"]


def test_a_phrase_without_its_count_does_not_hide_the_next_one_that_overlaps_it() -> None:
    """新收 has no 申请 within reach; 收到, one character on, has (the gap is one character shorter)."""
    body = "新收到" + "的" * 24 + "申请3件"
    [(_, phrase, after)] = [entry for entry in _PHRASES if entry[1].pattern == "新收|收到|受理"]
    assert (
        _apart(phrase, after, body)
        == _whole(phrase, after, body)
        == [(1, len(body), (len(body) - 2, len(body) - 1), "None")]
    )
