"""The crawled page of the Pingtan corpus (``tests/fixtures/corpus/pingtan/*.txt``): a crawler header, then
the whole body on one line, table cells run together with no separator or with spaces between some."""

from __future__ import annotations

import random

from govlint.testing.layouts import splits
from govlint.testing.layouts.base import Rendered, Writer, matrix
from govlint.testing.layouts.blocks import Close, Grid, Line, Open, document
from govlint.testing.noise import Noise
from govlint.testing.phrases import CRAWLER_BANNER
from govlint.testing.reportmodel import ReportModel

_CHECKS: dict[str, tuple[int, splits.Check]] = {
    "applications": (7, splits.applications_row),
    "review_litigation": (15, splits.review_row),
}


def _header(w: Writer, model: ReportModel, rng: random.Random) -> None:
    meta = model.metadata
    date = meta.publish_date if meta else None
    w.write("标题: ")
    w.write(model.title or "", ("title",) if model.title else ())
    w.write("\n发布时间: ")
    if date is not None:
        shown = date if date.style in ("iso", "iso_time") else type(date)(date.year, date.month, date.day, "iso_time")
        w.write(shown.text(), ("meta.publish_date", "meta"))
    w.write("\n文号: \n发布机构: ")
    w.write(meta.issuer if meta else "")
    stamp = f"{date.year}{date.month:02d}" if date else "202501"
    n = rng.randint(10000, 99999)
    w.write(
        "\n栏目: 政府信息公开年报\n"
        f"原文链接: https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/{stamp}/t{stamp}01_{n}.htm\n"
        f"本地目录: zwgk/zfxxgk/zfxxgknb/{stamp}/{n}_{model.title or ''}\n"
        "页面链接与图片详见 links.tsv(同目录)\n"
        f"{CRAWLER_BANNER}\n"
    )


def _grid(w: Writer, grid: Grid, noise: Noise, rng: random.Random, uncertain: set[str]) -> None:
    for r, row in enumerate(matrix(grid)):
        grid_row = grid.rows[r]
        start = w.pos
        spacing = rng.choice(("none", "none", "spaces", "random"))
        values_start: int | None = None
        previous_value = False
        for slot in row:
            if slot is None or not slot.origin:
                continue
            cell = slot.cell
            if cell.kind == "value":
                spaced = spacing == "spaces" or (spacing == "random" and rng.random() < 0.5)
                if (previous_value and spaced) or (not previous_value and rng.random() < 0.3):
                    w.write(" ")
                if values_start is None:
                    values_start = w.pos
                previous_value = True
            else:
                previous_value = False
            w.write(cell.text.replace("\n", ""), cell.anchors)
        for key in grid_row.anchors:
            w.add(key, start, w.pos)
        if grid_row.data and values_start is not None:
            arity, check = _CHECKS.get(grid.table, (0, splits.no_check))
            if grid.described is not None:
                check = splits.described_row(grid.described, grid_row.data.partition(".")[2])
            cells = [k.removeprefix("cell.") for c in grid_row.cells for k in c.anchors if k.startswith("cell.")]
            if splits.count_splits(w.text()[values_start:], arity or len(cells), check) != 1:
                uncertain.update(cells)


def render_crawled(model: ReportModel, noise: Noise) -> Rendered:
    rng = noise.rng("crawled")
    w = Writer()
    _header(w, model, rng)
    uncertain: set[str] = set()
    blocks = document(model, noise, meta_style="document")
    if rng.random() < 0.3:
        w.write("当前位置： 首页政务公开政府信息公开政府信息公开年报 ")
    after_table = False
    for block in blocks:
        if isinstance(block, Open):
            w.open(block.key)
        elif isinstance(block, Close):
            w.close(block.key)
        elif isinstance(block, Line):
            if block.kind == "meta":
                continue  # the crawler header carries the page's metadata
            if after_table and block.text[:1].isdigit():
                w.write(" ")  # real pages separate a table's last number from text that starts with digits
            for segment in block.segments:
                w.write(segment.text.replace("\n", ""), segment.anchors)
            w.write(rng.choice(("", " ")))
            after_table = False
        else:
            _grid(w, block, noise, rng, uncertain)
            after_table = True
    if rng.random() < 0.4:
        w.write(" 附件下载")
    w.write("\n")
    return w.result("crawled", uncertain=frozenset(uncertain))
