"""The label search's compact text maps each of its characters back to the same character of the text, in
whatever order the offsets are asked."""

from __future__ import annotations

import random

import pytest

from govlint.parsing import labels
from govlint.parsing.labels import CompactText

TEXTS = [
    "",
    " \n\t ",
    "规章\t3 \n\n 行政许可  0\u3000x",
    "   项目      本年新增      本年撤销\n  规章        0            0   \n",
    "a" + " " * 300 + "b c\u3000\u3000d\n\n\ne",
    "行政\n   9487\n许可\n",
]


def _reference(text: str) -> list[int]:
    """The offset of each character of ``text`` that is not whitespace."""
    return [offset for offset, char in enumerate(text) if not char.isspace()]


def test_each_compact_character_maps_back_to_its_place_asked_in_any_order() -> None:
    shuffle = random.Random(15)
    texts = [*TEXTS, "".join(shuffle.choice("规章 \n\t0  \u3000许") for _ in range(2_000))]
    for text in texts:
        expected = _reference(text)
        for block in (1, 3, 1 << 16):
            assert CompactText(text, block).text == "".join(text.split())
            compact = CompactText(text, block)
            assert [compact.original(i) for i in range(len(expected))] == expected
            order = list(range(len(expected)))
            shuffle.shuffle(order)
            compact = CompactText(text, block)
            assert [compact.original(i) for i in order] == [expected[i] for i in order]
            compact = CompactText(text, block)
            assert [compact.original(i) for i in reversed(range(len(expected)))] == expected[::-1]


def test_a_span_is_where_its_first_character_is_and_its_last_ends() -> None:
    # the same words printed together, spaced, and again together later: each span asked is its own printing
    text = "总计 0\n总 计\t1\n  总计总计 \n" + " " * 40 + "总\n计 2 总计"
    expected = _reference(text)
    compact = CompactText(text).text
    starts = [i for i in range(len(compact)) if compact.startswith("总计", i)]
    for chosen in [starts, starts[::2], starts[1::2], starts[-1:], starts[::-1]]:
        spans = CompactText(text)
        for first in chosen:
            assert spans.span(first, first + 2) == (expected[first], expected[first + 1] + 1)
    shuffle = random.Random(16)
    for _ in range(200):
        first = shuffle.randrange(len(compact))
        last = shuffle.randrange(first + 1, len(compact) + 1)
        spans = CompactText(text)
        spans.original(shuffle.randrange(first + 1))
        assert spans.span(first, last) == (expected[first], expected[last - 1] + 1)


def test_a_long_way_back_is_counted_a_block_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # a large text is never split whole: the same offsets when at most a few characters are split at once
    text = "  规章 0\t\t1\n" * 30 + "总 计" + " " * 50 + "总计"
    expected = _reference(text)
    compact = CompactText(text).text
    for block in (1, 2, 7):
        monkeypatch.setattr(labels, "_BLOCK", block)
        assert [CompactText(text).original(i) for i in range(len(expected))] == expected
        spans = CompactText(text)
        for first in (i for i in range(len(compact)) if compact.startswith("总计", i)):
            assert spans.span(first, first + 2) == (expected[first], expected[first + 1] + 1)
