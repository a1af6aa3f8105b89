"""A cross-report rule of the Fujian plugin: the example of ``docs/plugins.md`` (Cross-report rules).

FJ101 compares each report's 信息处理费收取情况 with the same body's report of the year before: three fee
figures repeated to the yuan, and not all zero, are almost always last year's table pasted into this year's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from govlint.crossreport import Digest, PairRule
from govlint.diagnostics import Diagnostic, Severity
from govlint.model import Cell, CellStatus
from govlint.rule import RuleContext, RuleMeta

from govlint_fujian.layout import COLUMNS, ROW, TABLE_ID, YUAN_PER_UNIT

_READ = frozenset({CellStatus.OK, CellStatus.INFERRED})
_TABLE_HEADER = "信息处理费收取情况\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）"


def fee_cells(report: Digest) -> list[Cell] | None:
    """The report's three fee figures, each read (ok or inferred), or None."""
    cells = [report.cell(f"{TABLE_ID}.{ROW}.{column.key}") for column in COLUMNS]
    read = [cell for cell in cells if cell is not None and cell.status in _READ and cell.span is not None]
    return read if len(read) == len(COLUMNS) else None


def _printed(cell: Cell) -> Decimal:
    """A figure as printed, in 元 when its cell prints 万元."""
    assert cell.value is not None
    return Decimal(cell.value) * YUAN_PER_UNIT.get(cell.unit or "元", 1)


class FeeFiguresRepeated(PairRule):
    meta: ClassVar[RuleMeta] = RuleMeta(
        code="FJ101",
        name="fee-figures-repeated",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="信息处理费收取情况与上年报告完全相同且不全为零",
        summary_en="The fee figures repeat last year's report exactly and are not all zero",
        rationale=(
            "《中华人民共和国政府信息公开条例》第四十二条 and 国办函〔2020〕109号: the 信息处理费 figures "
            "(通知收取件数, 通知收取金额, 实际收取金额) count the fee notices of the report year. "
            "The same non-zero figures two years running, to the yuan, are almost always last year's table "
            "pasted into this year's report. Every figure must be read "
            "in both reports (none empty, unreadable or ambiguous); all-zero tables repeat legitimately."
        ),
        bad_example=f"2023: {_TABLE_HEADER}\n\t2\t300\t300\n2024: {_TABLE_HEADER}\n\t2\t300\t300\n",
        good_example=f"2023: {_TABLE_HEADER}\n\t2\t300\t300\n2024: {_TABLE_HEADER}\n\t0\t0\t0\n",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第四十二条和国办函〔2020〕109号：信息处理费的各项数字（通知收取"
            "件数、通知收取金额、实际收取金额）统计的是报告年度的收费通知。连续两年一字不差且不全为零的数字，"
            "几乎总是把上年的表格照搬进了今年的报告。两份报告中的每个数字都须能读取（不能为空、无法识别或无法"
            "确定）；全为零的表格每年相同属正常。"
        ),
    )

    def check_pair(self, current: Digest, previous: Digest, ctx: RuleContext) -> Iterator[Diagnostic]:
        cells, cells_before = fee_cells(current), fee_cells(previous)
        if cells is None or cells_before is None:
            return
        if any(_printed(a) != _printed(b) for a, b in zip(cells, cells_before, strict=True)):
            return
        if all(cell.value == 0 for cell in cells):
            return
        first, before = cells[0].span, cells_before[0].span
        assert first is not None and before is not None
        figures = " ".join(cell.raw.strip() for cell in cells)
        where = f"{previous.path}:{before.line}:{before.column}"
        yield self.finding(
            current,
            first,
            zh=f"信息处理费收取情况（{figures}）与上年报告（{where}）完全相同，请核实是否沿用了上年数据",
            en=f"the fee figures ({figures}) are last year's ({where}); check that they are this year's",
            key="fee.repeated",
            actual=figures,
        )
