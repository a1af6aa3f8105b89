"""GL003 on reports whose text was decoded with replacement."""

from __future__ import annotations

import attrs

from govlint.rules.decoding import DecodedWithReplacement

from .builder import diagnostics, make_report


def test_gl003_names_the_offsets() -> None:
    report = attrs.evolve(make_report(), replaced_bytes=(120, 121))
    [d] = diagnostics(DecodedWithReplacement, report)
    assert (d.key, d.actual, d.location.line) == ("decoding.replaced_bytes", [120, 121], 1)
    assert d.message_zh.startswith("文件第 120, 121 字节处无法解码")
    assert d.message_en.startswith("the bytes at offsets 120, 121 could not be decoded")


def test_gl003_many_offsets_are_counted() -> None:
    report = attrs.evolve(make_report(), replaced_bytes=tuple(range(12)))
    [d] = diagnostics(DecodedWithReplacement, report)
    assert "等 12 处" in d.message_zh and "and 2 more" in d.message_en


def test_gl003_silent_on_a_clean_file() -> None:
    assert diagnostics(DecodedWithReplacement, make_report()) == []
