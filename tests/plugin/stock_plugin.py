"""A plugin that adds a table of its own: the 档案库存情况 (records held) table, described as data."""

from __future__ import annotations

from typing import Any

from govlint import hookimpl
from govlint.schema import ColumnSpec, PartSpec, RelationSpec, RowSpec, TableSpec

STOCK = TableSpec(
    id="records_stock",
    title="档案库存情况表",
    captions=("档案库存情况",),
    parts=(
        PartSpec(
            columns=(
                ColumnSpec("paper", "纸质档案", variants=("纸质",)),
                ColumnSpec("digital", "电子档案", variants=("电子",)),
                ColumnSpec("total", "档案合计"),
            ),
            rows=(
                RowSpec("opening", "年初库存", variants=("上年末库存",)),
                RowSpec("added", "本年新增"),
                RowSpec("closing", "年末库存"),
            ),
        ),
    ),
    relations=(
        RelationSpec.total("S1", "row", "total", ("paper", "digital")),  # each row: 合计 = 纸质 + 电子
        RelationSpec.total("S2", "column", "closing", ("opening", "added")),  # each column: 年末 = 年初 + 新增
    ),
)


@hookimpl
def govlint_plugin_info() -> dict[str, Any]:
    return {"name": "records-stock", "version": "1.0", "api_version": 1}


@hookimpl
def govlint_tables() -> list[TableSpec]:
    return [STOCK]
