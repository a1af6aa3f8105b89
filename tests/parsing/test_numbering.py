"""Row numberings as printed: the one place that recognises them (cells, labels and facts all use it)."""

from __future__ import annotations

import pytest

from govlint.parsing.numbering import ends_with_numbering, is_bracketed_numeral, starts_with_numbering


@pytest.mark.parametrize("text", ["7.属于国家秘密", "2、其他", "(二)部分公开", "(九)"])
def test_starts_with_numbering(text: str) -> None:
    assert starts_with_numbering(text)


@pytest.mark.parametrize("text", ["", "7", "属于7.", "(十)其他", "(二", "二、其他", "12.", "a.b"])
def test_does_not_start_with_numbering(text: str) -> None:
    assert not starts_with_numbering(text)


@pytest.mark.parametrize("text", ["其他7.", "2、", "(三)", "六、", "x(一)"])
def test_ends_with_numbering(text: str) -> None:
    assert ends_with_numbering(text)


def test_numeral_comma_can_be_excluded() -> None:
    assert ends_with_numbering("六、")
    assert not ends_with_numbering("六、", numeral_comma=False)
    assert ends_with_numbering("6、", numeral_comma=False)


@pytest.mark.parametrize("text", ["", "、", "7", "(十)", "二)", "其他"])
def test_does_not_end_with_numbering(text: str) -> None:
    assert not ends_with_numbering(text)


def test_bracketed_numeral_numerals() -> None:
    assert is_bracketed_numeral("(九)")
    assert not is_bracketed_numeral("(十)")
    assert is_bracketed_numeral("(十)", "一二三四五六七八九十")
    assert not is_bracketed_numeral("(一) ")
