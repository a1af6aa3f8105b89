"""The renderers imitate the real layouts: given a real report's values, each prints its tables the way the
real report (seed, crawled page, HTML page) prints them.  These tests do not need the parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs
import pytest
from fixture_models import PINGTAN, PINGTAN_012, model, seed_model, seed_path

from govlint.schema import normalize_label
from govlint.testing.layouts import LAYOUTS, render
from govlint.testing.layouts.base import Rendered
from govlint.testing.noise import Noise

START = "勾稽关系"
FIRST_ROW = "一、本年新收"
END = "四、政府信息公开"


def region(text: str, start: str = START, end: str = END) -> list[str]:
    """The lines of the applications table: from the line holding ``start`` to before the 四 heading."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if start in line)
    last = next(i for i in range(first + 1, len(lines)) if end in lines[i] and "行政复议" in lines[i])
    return lines[first:last]


def rendered_table(r: Rendered, key: str = "table.applications") -> str:
    ((start, end),) = r.anchors[key]
    return r.text[start:end]


def data_rows(lines: list[str]) -> list[str]:
    """The data-row part of a table region, trailing whitespace and trailing blank lines dropped."""
    first = next(i for i, line in enumerate(lines) if FIRST_ROW in line)
    out = [line.rstrip(" ") for line in lines[first:]]
    while out and not out[-1].strip():
        out.pop()
    return out


def test_tabcells_is_seed_004() -> None:
    """Seed 004: tab-indented, one cell per line, a tab alone for a continuing row-spanning cell."""
    seed = seed_path("004").read_text("utf-8")
    r = render(seed_model("004"), "tabcells", Noise())
    assert data_rows(rendered_table(r).split("\n")) == data_rows(region(seed))


def test_tabcells_header_breaks_like_seed_004() -> None:
    seed_header = region(seed_path("004").read_text("utf-8"))
    r = render(seed_model("004"), "tabcells", Noise(split_labels=True))
    header = rendered_table(r).split(FIRST_ROW)[0].rsplit("\n", 1)[0].split("\n")
    assert [line for line in header if line.startswith("\t")] == [
        line
        for line in seed_header[: seed_header.index(next(x for x in seed_header if FIRST_ROW in x))]
        if line.startswith("\t")
    ]
    assert "\t商业\n企业" in rendered_table(r)


def test_cells_is_seed_002() -> None:
    """Seed 002: one cell per line with a blank line after each (labels compared normalised: the seed
    mixes half-width parentheses and curly quotes)."""
    seed = seed_path("002").read_text("utf-8")
    r = render(seed_model("002"), "cells", Noise())
    mine = [normalize_label(line) for line in data_rows(rendered_table(r).split("\n"))]
    theirs = [normalize_label(line) for line in data_rows(region(seed))]
    assert mine == theirs


def _cells_of(line: str, sep: str) -> list[str]:
    return [normalize_label(c) for c in line.split(sep) if normalize_label(c)]


def test_tabs_rows_are_seed_003() -> None:
    """Seed 003: tab-separated; each data row holds its label and seven values, group labels on the first
    row of their group (seed 003 drifts and splits "(四) 无" / "法提供"; compare label and values)."""
    seed_rows = [line for line in data_rows(region(seed_path("003").read_text("utf-8"))) if line.strip()]
    mine_rows = [line for line in data_rows(rendered_table(render(seed_model("003"), "tabs", Noise())).split("\n"))]
    assert len(mine_rows) == len(seed_rows) == 25
    for mine, theirs in zip(mine_rows, seed_rows, strict=True):
        assert _cells_of(mine, "\t")[-8:] == _cells_of(theirs, "\t")[-8:]
        assert mine.count("\t") >= 7


def test_pipe_rows_are_seed_001() -> None:
    """Seed 001: `` | ``-separated, spanned cells omitted, trailing pipes."""
    seed_rows = data_rows(region(seed_path("001").read_text("utf-8")))
    mine_rows = data_rows(rendered_table(render(seed_model("001"), "pipe", Noise())).split("\n"))
    assert len(mine_rows) == len(seed_rows) == 25
    for mine, theirs in zip(mine_rows, seed_rows, strict=True):
        assert _cells_of(mine, "|") == _cells_of(theirs, "|")


def test_crawled_is_pingtan_012() -> None:
    """The crawled page: every cell of the three tables run together, as 012_approval_2023.txt has them."""
    page = (PINGTAN / "012_approval_2023.txt").read_text("utf-8")
    m = model(PINGTAN_012["applications"], PINGTAN_012["review"], PINGTAN_012["art20"], year=2023)  # type: ignore[arg-type]
    r = render(m, "crawled", Noise())
    for key, start, end in (
        ("table.active_disclosure", "第二十条第（一）项", "三、收到"),
        ("table.applications", "（本列数据", "四、政府信息公开"),
        ("table.review_litigation", "行政复议行政诉讼", "五、存在"),
    ):
        i = page.index(start)
        theirs = re.sub(r"\s", "", page[i : page.index(end, i)])
        assert re.sub(r"\s", "", rendered_table(r, key)) == theirs
    assert r.text.split("\n")[1].startswith("发布时间: ")
    assert len(r.text.strip().split("\n")) == 10  # eight header lines, the banner, the body


class _Spans(HTMLParser):
    """The (rowspan, colspan) of every cell of every table, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[int, int]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag == "td":
            self.tables[-1][-1].append((int(a.get("rowspan") or 1), int(a.get("colspan") or 1)))


def _spans(html: str) -> list[list[list[tuple[int, int]]]]:
    p = _Spans()
    p.feed(html)
    return p.tables


def test_html_spans_are_pingtan_014() -> None:
    """The HTML page: the three tables with the rowspan/colspan of 014_approval_2025.html (whose
    第二十条第(一)项 lacks the 规章 row, as the model does here)."""
    theirs = _spans((PINGTAN / "014_approval_2025.html").read_text("utf-8"))
    m = seed_model("003")
    assert m.active_disclosure is not None
    rows = tuple(r for r in m.active_disclosure.rows if r != "regulations")
    m = attrs.evolve(m, active_disclosure=attrs.evolve(m.active_disclosure, rows=rows))
    r = render(m, "html", Noise())
    assert r.data is not None
    assert _spans(r.data.decode("utf-8")) == theirs


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_renders_every_value(layout: str) -> None:
    r = render(seed_model("002"), layout, Noise(seed=7, label_spaces=True, split_labels=True, punctuation="mixed"))
    if r.binary:
        assert r.data and len(r.data) > 1000
        return
    for key, ranges in r.anchors.items():
        if key.startswith("cell."):
            for start, end in ranges:
                assert re.fullmatch(r"[0-9.+-]*", r.text[start:end]), key
