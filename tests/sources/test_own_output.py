"""Recognising govlint's own output costs an ordinary report nothing (issue #15 §5): the output formats'
patterns are searched only in a file that opens like one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.sources import own

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


class Searched(Exception):
    """An output format's pattern was searched."""


class _Refused:
    """A pattern that fails the test when searched."""

    def search(self, _: str) -> None:
        raise Searched


def refuse_searching(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make searching any output format's pattern fail the test."""
    monkeypatch.setattr(own, "_STARTS", tuple((name, _Refused()) for name, _ in own._STARTS))


def test_an_ordinary_report_searches_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    refuse_searching(monkeypatch)
    assert [seed.name for seed in seeds if own.text_output(seed.read_bytes()) is not None] == []


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ('\ufeff  \x1b[1m{"tool": "govlint", "version": "1"}', "json"),
        ("a.txt:3:1: GL105 [错误] 第二项", "text"),
        ("4  GL105  [warning] total", "text"),
        ("a.txt:3:1: GL108 [未能读取] 未能读取“规章”行", "text"),
        ("76  GL108  [unread] could not read a row", "text"),
        ("a.txt：以下 1 处未能读取，因而未作检查，不计为问题；请对照原文人工核对。\na.txt:3:1: GL108", "text"),
        ("a.txt: govlint could not read the 2 places below, so they were not checked", "text"),
        ('<html><head><META name="GENERATOR" content="govlint 1.0">', "html"),
        ("报告 a.txt\n标题: 2024年报告", "parse"),
        ("body,year,file,score,grade\n", "csv"),
    ],
)
def test_an_output_is_still_recognised(head: str, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain test lets every output through to its pattern (so the test above could fail)."""
    refuse_searching(monkeypatch)
    with pytest.raises(Searched):
        own.text_output(head.encode())
    monkeypatch.undo()
    assert own.text_output(head.encode()) == kind
