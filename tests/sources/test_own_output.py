"""Recognising govlint's own output costs an ordinary report nothing (issue #15 §5): the output formats'
patterns are compiled only for a file that opens like one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govlint.sources import own

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


class Compiled(Exception):
    """A pattern was compiled."""


def refuse_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the compiled patterns and make compiling one fail the test."""
    own._starts.cache_clear()

    def compile_refused(*_: object, **__: object) -> re.Pattern[str]:
        raise Compiled

    monkeypatch.setattr(re, "compile", compile_refused)


def test_an_ordinary_report_compiles_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    refuse_compiling(monkeypatch)
    assert [seed.name for seed in seeds if own.text_output(seed.read_bytes()) is not None] == []
    monkeypatch.undo()
    own._starts.cache_clear()


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
    refuse_compiling(monkeypatch)
    with pytest.raises(Compiled):
        own.text_output(head.encode())
    monkeypatch.undo()
    own._starts.cache_clear()
    assert own.text_output(head.encode()) == kind
