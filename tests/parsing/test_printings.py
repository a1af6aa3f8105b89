"""A table printed more than once (split by a page break, or the report printed twice): the builder reads
each printing as the grammar closes it and keeps only what later printings need (docs/performance.md,
"Memory per reader"); what it reads is what reading every printing together gave."""

from __future__ import annotations

from parsing_support import SEEDS

from govlint import parse_text
from govlint.model import Report

#: Running text between two printings: it ends the first table's region.
BETWEEN = "本表数据截至2024年12月31日，以下为续表内容，请对照阅读。\n\n"


def _seed() -> tuple[list[str], int, int]:
    """Seed 000's lines, and where its applications table starts and ends (its last row, 四、结转…)."""
    lines = SEEDS[0].read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if "申请人情况" in line) - 1
    last = next(i for i, line in enumerate(lines) if line.startswith("四、结转"))
    return lines, start, last


def _values(report: Report) -> dict[str, list[object]]:
    table = report.tables.applications
    assert table is not None
    return {key: [cell.value for cell in row.cells.values()] for key, row in table.rows.items()}


def test_a_table_printed_twice_is_its_first_printing_and_each_row_again_is_printed_twice() -> None:
    lines, start, last = _seed()
    table = "".join(lines[start : last + 1])
    once = parse_text("".join(lines))
    twice = parse_text("".join(lines[: last + 1]) + BETWEEN + table + "".join(lines[last + 1 :]))
    assert _values(twice) == _values(once)
    again = [item for item in twice.unplaced if "printed twice" in item.reason]
    assert [item.reason.split("“")[1].split("”")[0] for item in again] == list(_values(once))
    applications = twice.tables.applications
    assert applications is not None and applications.span is not None
    assert applications.span.end > again[-1].span.start  # the family's span runs over both printings


def test_a_short_row_is_placed_by_the_complete_row_printed_next_even_in_the_next_printing() -> None:
    # (七)总计 prints 5 values for 7 columns: the complete rows right above and below it say which cells are
    # blank.  Here it is the last row of the first printing, so the row below it is the first row of the next
    # printing, a row printed again: its cells are never read, but its positions still count
    lines, start, last = _seed()
    table = lines[start : last + 1]
    head = "".join(lines[:last])  # the first printing without its last row: (七)总计 ends it

    def total(second: list[str]) -> list[object]:
        report = parse_text(head + BETWEEN + "".join(second) + "".join(lines[last + 1 :]))
        return _values(report)["results_total"]

    assert total(table) == [None, None, 0, 0, 0, 0, 0]  # the neighbours agree: read by their columns
    # the next printing's first row printed one cell to the right: the neighbours disagree, and the row
    # is unread rather than placed by the one above alone
    shifted = ["\t" + line.replace("\t\t\n", "\n") if line.startswith("一、本年新收") else line for line in table]
    assert total(shifted) == [None] * 7
