"""A cross-report rule of the Fujian plugin: the example of ``docs/plugins.md`` (Cross-report rules).

FJ101 compares each report's 信息处理费收取情况 with the same body's report of the year before: three fee
figures repeated to the yuan, and not all zero, are almost always last year's table pasted into this year's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from govlint.crossreport import Digest, PairRule, line_column, section_span
from govlint.diagnostics import Diagnostic, Severity
from govlint.model import CellStatus, Section
from govlint.rule import RuleContext, RuleMeta

from govlint_fujian.feetable import FeeTable, read_fee_table
from govlint_fujian.layout import COLUMNS

_READ = frozenset({CellStatus.OK, CellStatus.INFERRED})
_TABLE_HEADER = "信息处理费收取情况\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）"


def fee_table_of(report: Digest) -> tuple[Section, FeeTable] | None:
    """The first fee table the report's sections print, with the section that prints it."""
    for section in report.sections:
        table = read_fee_table(section.body)
        if table is not None:
            return section, table
    return None


class FeeFiguresRepeated(PairRule):
    meta: ClassVar[RuleMeta] = RuleMeta(
        code="FJ101",
        name="fee-figures-repeated",
        category="cross",
        severity=Severity.WARNING,
        summary_zh="信息处理费收取情况与上年报告完全相同且不全为零",
        summary_en="The fee figures repeat last year's report exactly and are not all zero",
        rationale=(
            "《政府信息公开条例》第四十二条 and 国办函〔2020〕109号: the 信息处理费 figures "
            "(通知收取件数, 通知收取金额, 实际收取金额) count the fee notices of the report year. "
            "The same non-zero figures two years running, to the yuan, are almost always last year's table "
            "pasted into this year's report. Every figure must be read "
            "in both reports (none empty, unreadable or ambiguous); all-zero tables repeat legitimately."
        ),
        bad_example=f"2023: {_TABLE_HEADER}\n\t2\t300\t300\n2024: {_TABLE_HEADER}\n\t2\t300\t300\n",
        good_example=f"2023: {_TABLE_HEADER}\n\t2\t300\t300\n2024: {_TABLE_HEADER}\n\t0\t0\t0\n",
    )

    def check_pair(self, current: Digest, previous: Digest, ctx: RuleContext) -> Iterator[Diagnostic]:
        found, found_before = fee_table_of(current), fee_table_of(previous)
        if found is None or found_before is None:
            return
        (section, table), (section_before, table_before) = found, found_before
        keys = [c.key for c in COLUMNS]
        cells = [(table.cells[k], table_before.cells[k]) for k in keys]
        if not all(a.status in _READ and b.status in _READ for a, b in cells):
            return
        if any(table.in_yuan(k) != table_before.in_yuan(k) for k in keys) or all(a.value == 0 for a, _ in cells):
            return
        header = table.header_span
        line, column = line_column(section_before, table_before.header_span.start)
        figures = table.raw_values
        yield self.finding(
            current,
            section_span(section, header.start, header.end),
            zh=f"信息处理费收取情况（{figures}）与上年报告（{previous.path}:{line}:{column}）完全相同，请核实是否沿用了上年数据",
            en=(
                f"the fee figures ({figures}) are those of last year's report ({previous.path}:{line}:{column}); "
                "check that they are this year's"
            ),
            key="fee.repeated",
            actual=figures,
        )
