"""The parse's peak memory stays a small multiple of its input (issue #16, docs/performance.md, "Memory per
reader"): every cell as printed is offsets into the text, not a record holding its own copies, and each
table's tokens and cells are let go once the builder has read it.

Measured with :mod:`tracemalloc`, which counts Python's allocations whatever else the machine does: 6.4
times the UTF-8 input on 2026-12-07 since the tables are built as the grammar closes them, 20 times when
every table's tokens were alive until all were built, 30 times before the cells were made offsets.  The
bound is the aim of issue #16 (10 times): it leaves a margin for other records that later work adds, not
for every table's tokens alive at once again."""

from __future__ import annotations

from parsing_support import SEEDS

import govlint
from govlint.model import Origin, OriginMap, Positions, Report
from govlint.parsing.labels import CompactText
from govlint.schema import fold
from peak_memory import traced_peak

#: The largest peak allowed, per byte of UTF-8 input.
PEAK_PER_BYTE = 10


def test_the_parse_of_many_reports_peaks_at_a_small_multiple_of_the_text() -> None:
    unit = "\n".join(path.read_text(encoding="utf-8") for path in SEEDS) + "\n"
    govlint.parse_text(unit)  # warm-up: grammar, regexes, caches
    text = unit * 12  # about 460 KB: every table of every seed printed 12 times
    report, peak = traced_peak(lambda: govlint.parse_text(text))
    assert isinstance(report, Report) and report.tables.applications is not None
    assert peak < PEAK_PER_BYTE * len(text.encode("utf-8")), peak / len(text.encode("utf-8"))


def test_an_origin_map_reads_as_the_pairs_it_was_given() -> None:
    pairs = [(0, Origin(page=1)), (5, Origin(page=1, table=2, row=3, column=4)), (9, Origin())]
    origins = OriginMap(pairs)
    assert origins == tuple(pairs) and len(origins) == 3 and list(origins) == pairs
    assert origins[1] == (5, Origin(page=1, table=2, row=3, column=4)) and origins[-1] == (9, Origin())
    assert origins[1:] == pairs[1:] and list(origins.offsets) == [0, 5, 9]
    text = "first\nsecond line\n"
    for offset in range(len(text)):  # spans keep the same origins as from a tuple of pairs
        assert Positions(text, origins).span(offset, offset + 1) == Positions(text, tuple(pairs)).span(
            offset, offset + 1
        )
    origins.pop()
    assert origins == tuple(pairs[:2]) and not OriginMap()


def test_a_table_cell_is_read_from_an_origin_map_as_from_its_origin() -> None:
    pairs = [(0, Origin(page=1)), (3, Origin(page=1, table=2, column=4)), (6, Origin(table=2, row=3, column=5))]
    pairs += [(8, Origin(page=2, table=2, row=3)), (9, Origin())]
    for origins in (OriginMap(pairs), tuple(pairs)):
        index = Positions("x" * 12, origins)
        cells = [index.cell(offset) for offset in (-1, 2, 5, 7, 8, 11)]
        assert cells == [None, None, (2, None, 4), (2, 3, 5), None, None]
        assert index.cell(8) is None and index.origin(9) is None and index.origin(8) == Origin(page=2, table=2, row=3)


def test_folding_a_text_longer_than_a_block_folds_across_the_blocks() -> None:
    # fold works a block of 65,536 characters at a time: a full-width form on either side of a block's end
    text = "数" * 65_534 + "（１，２）" + "ｘ" * 3
    assert fold(text) == "数" * 65_534 + "(1,2)" + "x" * 3


def test_the_compact_text_read_block_by_block_is_the_text_read_whole() -> None:
    texts = ["", "  ", "规章\t3 \n\n 行政许可  0\u3000x", " 1  2\n3", "行政\n   9487\n许可\n"]
    for text in texts:
        whole = CompactText(text)
        for block in (1, 2, 5):
            part = CompactText(text, block)
            assert part.text == whole.text == "".join(text.split())
            assert [part.original(i) for i in range(len(part.text))] == [
                whole.original(i) for i in range(len(whole.text))
            ]
            # each compact character maps back to the same character in the text
            assert "".join(text[part.original(i)] for i in range(len(part.text))) == part.text
