"""The rules cost little beside the parse, whatever the shape of the text (issue #16 §2, docs/performance.md,
"Many findings"): their memory stays near the parse's and their time grows linearly with the input.

Memory is measured with :mod:`tracemalloc`, which counts Python's allocations whatever else the machine does.
On 2026-12-07 a text of 20,000 repeated headings peaked at 12.3 times its input when checked and 3.4 times
when parsed: the report's sentences were a record, a span and a copy of the text each (about 330 bytes a
sentence), and GL301 made a second list of them normalised.  Both now keep offsets only."""

from __future__ import annotations

import sys
import weakref
from pathlib import Path

import pytest

import govlint
from govlint import parsing
from govlint.config import Config
from govlint.model import Report
from govlint.rule import RuleContext
from govlint.rules.fees import _FEE_TABLE_BLOCK, FeeNotDisclosed, _prints_fee_table
from govlint.runner import work
from govlint.runner.outcome import Task
from govlint.schema import TableSpec
from govlint.sources import Document, load_text
from peak_memory import traced_peak

SEED = (Path(__file__).parents[1] / "fixtures" / "seeds" / "000_3332caad86cf7302.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "line",
    ["二、主动公开政府信息情况\n", "本机关全年共收到政府信息公开申请，已全部按时办结。\n"],
    ids=["repeated-heading", "repeated-sentence"],
)
def test_checking_many_short_sentences_peaks_near_the_parse(line: str) -> None:
    govlint.lint_text(SEED)  # warm-up: grammar, plugins, patterns
    text = SEED + line * 20_000
    size = len(text.encode("utf-8"))
    parse, check = traced_peak(lambda: govlint.parse_text(text))[1], traced_peak(lambda: govlint.lint_text(text))[1]
    assert check <= parse + size, (parse / size, check / size)


def test_a_sections_sentences_are_the_prose_sentences_within_it() -> None:
    report = govlint.parse_text(SEED + "二、主动公开政府信息情况\n本年度公开信息41条。\n" * 300)
    everything = list(report.sentences.offsets())
    for section in report.sections:
        lo, hi = section.body_span.start, section.body_span.end
        cut = [(max(s, lo), min(e, hi)) for s, e in everything if max(s, lo) < min(e, hi)]
        assert list(report.sentences_of(section).offsets()) == cut
        assert [s.text for s in report.sentences_of(section)] == [report.text[s:e] for s, e in cut]


def test_gl301_searches_a_long_text_for_a_fee_table_in_little_memory() -> None:
    """Section 六 says nothing of the fee, so GL301 searches the whole text, a block at a time."""
    head = SEED.partition("六、其他需要报告的事项")[0]
    text = head + "。，、；：“”《》（）\n" * 100_000 + "六、其他需要报告的事项\n无。\n"
    report = govlint.parse_text(text)
    report.sentences  # noqa: B018 (made first: the rules share them)
    rule = FeeNotDisclosed()
    [finding], peak = traced_peak(lambda: list(rule.check(report, RuleContext())))
    assert finding.code == "GL301"
    assert peak < len(text.encode("utf-8")) / 2, peak / len(text.encode("utf-8"))


@pytest.mark.parametrize("spaces", ["", " ", "\u3000\n "])
def test_a_fee_table_across_two_blocks_is_found(spaces: str) -> None:
    table = spaces.join("实际收取金额（元）") + spaces + "通知收取件数" + spaces + "0"
    for before in range(_FEE_TABLE_BLOCK - 60, _FEE_TABLE_BLOCK + 5, 7):
        text = "，" * before + table + "。" * 50
        assert _prints_fee_table(text), before
        assert not _prints_fee_table(text.replace("0", "")), before


def test_the_widest_fee_table_is_found_split_at_any_character() -> None:
    """The carried tail is as long as the pattern's longest match: a unit of four characters in parentheses and
    24 more before the digit, split across two blocks at each of its characters."""
    table = "实际收取金额（元/人次）" + "通知收取件数" * 4 + "0"
    for before in range(_FEE_TABLE_BLOCK - len(table), _FEE_TABLE_BLOCK + 1):
        assert _prints_fee_table("，" * before + table + "。"), before


def test_a_compilations_reports_are_checked_one_at_a_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each report of a compilation is parsed, checked and let go before the next is parsed, so that a file of
    a thousand reports holds one report's AST at a time (until issue #16 every report was parsed first)."""
    block = "{i}局2023年政府信息公开工作年度报告\n一、总体情况\n本年度无。\n"
    path = tmp_path / "many.txt"
    path.write_text("".join(block.format(i=i) for i in range(30)), encoding="utf-8")
    parse = parsing.parse_document
    made: list[weakref.ref[Report]] = []
    most = 0

    def counted(document: Document, tables: tuple[TableSpec, ...]) -> Report:
        nonlocal most
        report = parse(document, tables)
        made.append(weakref.ref(report))
        most = max(most, sum(1 for ref in made if ref() is not None))
        return report

    monkeypatch.setattr(parsing, "parse_document", counted)
    outcomes = work.process(Task(str(path), Config()))
    assert [outcome.result.path for outcome in outcomes] == [f"{path}#{n}" for n in range(1, 31)]
    assert [outcome.line for outcome in outcomes] == [1 + 3 * n for n in range(30)]
    assert most == 1


def test_finding_many_short_sentences_lists_no_cut() -> None:
    """Sentence ends and the line breaks before an item are merged as found: listing and sorting every cut of
    a text of short sentences (CJK punctuation) peaked at 4.4 times the input, the sentences kept at 1."""
    text = SEED + "。，、；：“”《》（）！？……——\n" * 30_000
    report = govlint.parse_text(text)
    sentences, peak = traced_peak(lambda: report.sentences)
    assert len(sentences) > 60_000
    assert peak < 2 * len(text.encode("utf-8")), peak / len(text.encode("utf-8"))


def test_reading_a_text_makes_no_copy_of_it() -> None:
    """A text that ends with a line break was copied whole to see whether it held anything but white space
    (``text.strip()``): the read's peak, 5 times a file of lines of digits, 4 times now."""
    text = SEED + ("1234567890" * 6 + "\n") * 30_000
    document, peak = traced_peak(lambda: load_text(text))
    assert document.text == text
    assert peak < sys.getsizeof(text) / 2, peak / sys.getsizeof(text)
