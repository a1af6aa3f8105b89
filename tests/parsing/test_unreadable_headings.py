"""Section headings with characters the reader could not decode (a NUL or a bad byte, replaced by U+FFFD and
recorded as GL003): a heading that lost a character is still that heading, and unreadable text is never
guessed into one (never accuse what cannot be read)."""

from __future__ import annotations

import pytest

from govlint.parsing.headings import find_section_headings

R = "\ufffd"


def sections(text: str) -> list[int]:
    return [h.spec.number for h in find_section_headings(text)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (f"一、总{R}情况\n", 1),
        (f"二、主动公开政府{R}息情况\n", 2),
        (f"三、收到和处理{R}{R}信息公开申请情况\n", 3),  # two bytes for one character
        (f"四、政府信息公开行政复议、行政诉讼情{R}\n", 4),  # the last character
        (f"五、存在的主要问题{R}改进情况\n", 5),
        (f"六、其他需要报告{R}{R}事项\n", 6),  # a NUL too many, beside the dropped 的
        (f"前言。\n{R}、总体情况\n", 1),  # the numeral itself
        (f"{R}{R}、其他需要报告的事项\n", 6),
    ],
)
def test_a_heading_with_unreadable_characters_is_that_heading(text: str, number: int) -> None:
    assert sections(text) == [number]


@pytest.mark.parametrize(
    "text",
    [
        f"五、{R * 10}情况\n",  # fewer than half of its characters read: not guessed
        f"二、{R * 12}\n",
        f'"title":"{R}?{R}{R}其他需要报告的事项"',  # mojibake: no marked numeral at a line's start
        f"我局{R}、总体情况良好\n",
        f"{R}{R}{R}\n",
    ],
)
def test_unreadable_text_is_never_guessed_into_a_heading(text: str) -> None:
    assert sections(text) == []


def test_an_unreadable_numeral_gives_way_to_the_sections_heading_read() -> None:
    """A heading whose numeral was not read, beside the section's heading read in full, is no second heading
    of that section (no GL102 "repeated" or "out of order" on a numeral nobody read)."""
    text = f"一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n{R}、总体情况\n正文。\n"
    assert sections(text) == [1, 2]
    assert sections(text.replace("一、总体情况", "总体情况")) == [2, 1]  # read nowhere else: still the heading


def test_the_title_keeps_what_was_printed() -> None:
    (heading,) = find_section_headings(f"一、总{R}情况\n正文")
    assert heading.title == f"一、总{R}情况"
