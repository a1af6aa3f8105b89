"""A table printed again and again (issue #16 §2): each printing past a limit costs the parse O(1).  The
grammar keeps at most :data:`~govlint.parsing.grammar.MAX_LEFT_OUT` labels printed again per table and counts
the rest (``labels-untaken``), and the lexer reads a run of more than
:data:`~govlint.parsing.lexer.MAX_REGION_LABELS` labels a piece at a time; a table printed twice or three
times, as real reports print them, is read as before (tests/parsing/test_printings.py)."""

from __future__ import annotations

import pytest
from parsing_support import SEEDS

from govlint import parse_text
from govlint.model import Report
from govlint.parsing import lexer
from govlint.parsing.grammar import MAX_LEFT_OUT
from govlint.schema import ColumnSpec, PartSpec, RowSpec, TableSpec
from peak_memory import traced_peak

#: The largest peak of the parse allowed, per byte of UTF-8 input (80 times before the limits), and beside it
#: (what one piece of a run of labels costs while it is read).
PEAK_PER_BYTE = 10
ALLOWANCE = 4_000_000


def _seed_and_tables() -> tuple[str, str]:
    """Seed 000, and its section 二's tables (from 第二十条第(一)项 up to section 三's heading)."""
    text = SEEDS[0].read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("第二十条"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    return text + "\n", "".join(lines[start:end])


def _art20(report: Report) -> dict[str, list[object]]:
    table = report.tables.active_disclosure
    assert table is not None
    return {key: [cell.value for cell in row.cells.values()] for key, row in table.rows.items()}


def _again(report: Report) -> list[str]:
    kinds = ("row-repeated", "unexpected-label", "labels-untaken")
    return [d.kind for d in report.deviations if d.kind in kinds and d.table == "active_disclosure"]


def test_a_table_printed_three_times_keeps_every_label_printed_again() -> None:
    seed, tables = _seed_and_tables()
    once, thrice = parse_text(seed), parse_text(seed + tables * 3)
    assert _art20(thrice) == _art20(once)
    again = _again(thrice)
    assert "labels-untaken" not in again
    # every row of each printing after the seed's is printed twice; the first printing is used
    assert len([u for u in thrice.unplaced if "printed twice" in u.reason]) == 3 * len(_art20(once))


def test_a_table_printed_again_and_again_keeps_a_bounded_number_of_records() -> None:
    seed, tables = _seed_and_tables()
    once, report = parse_text(seed), parse_text(seed + tables * 2000)
    assert _art20(report) == _art20(once)
    [untaken] = [d for d in report.deviations if d.kind == "labels-untaken"]  # one for the table's printings
    assert untaken.table == "active_disclosure"
    # 2,000 printings of about 14 labels: 28,000 deviations and unplaced rows before the limits
    kept = len(_again(report)) - 1
    assert kept <= MAX_LEFT_OUT
    assert len(report.deviations) + len(report.unplaced) < 3 * MAX_LEFT_OUT, len(report.deviations)
    assert kept + untaken.count > 20_000  # every label printed again is counted
    # the rows printed twice past the limit: one record says how many
    [more] = [item for item in report.unplaced if "not listed" in item.reason]
    assert f"limit of {MAX_LEFT_OUT}" in more.reason


def test_the_parse_of_a_table_printed_again_and_again_peaks_at_a_small_multiple_of_the_text() -> None:
    seed, tables = _seed_and_tables()
    text = seed + tables * 1000  # about 400 KB
    parse_text(seed + tables * 3)  # warm-up: grammar, regexes, caches
    _, peak = traced_peak(lambda: parse_text(text))
    assert peak < PEAK_PER_BYTE * len(text.encode("utf-8")) + ALLOWANCE, peak / len(text.encode("utf-8"))


def test_a_described_table_larger_than_the_region_limit_printed_once_is_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The limit on a region's labels is for a table printed again and again: a plugin's table of 700 rows
    printed once was cut at 500 labels, and its last 203 rows, printed and readable, read as missing.  Shown
    with the limit at 50 and a table of 70 rows: the parser tables of a 700-row table take two minutes of CPU
    to build where none are cached (a fresh CI machine), those of 70 rows half a second."""
    monkeypatch.setattr(lexer, "MAX_REGION_LABELS", 50)
    digits = "甲乙丙丁戊己庚辛壬癸"

    def name(number: int) -> str:
        return "项目" + "".join(digits[int(d)] for d in f"{number:03d}")

    rows = 70
    columns = (ColumnSpec("count", "数量"), ColumnSpec("amount", "金额"))
    big = TableSpec(
        id="big",
        title="大表",
        captions=("大表统计",),
        parts=(PartSpec(columns, tuple(RowSpec(f"r{n}", name(n)) for n in range(rows))),),
    )
    printed = "大表统计\n项目\t数量\t金额\n" + "".join(f"{name(n)}\t{n}\t{n + 1}\n" for n in range(rows))
    report = parse_text(_seed_and_tables()[0] + printed, tables=[big])
    table = report.tables["big"]
    assert [row.cells["amount"].value for row in table.rows.values()] == list(range(1, rows + 1))
    assert not [d for d in report.deviations if d.table == "big"]
