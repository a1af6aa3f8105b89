"""The label search's compact text maps each of its characters back to the same character of the text, in
whatever order the offsets are asked."""

from __future__ import annotations

import random

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
