"""The fee figures of a report as govlint read them (``report.tables["fujian_fee"]``), in 元, and the
relations between them that FJ003 checks."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs
from govlint.model import Cell, Number, Report, Table

from govlint_fujian.layout import COLUMNS, ROW, TABLE_ID, YUAN_PER_UNIT


@attrs.frozen
class FeeFigures:
    """The fee table of one report: its cell per column and the unit each column is printed in."""

    table: Table
    cells: Mapping[str, Cell]
    #: The unit of each column: printed in the cell (``300元``), else in its header (``（万元）``), else the
    #: column's own.
    units: Mapping[str, str]
    #: The figures as printed, from the first to the last (``18000``, ``0 0 0``).
    raw_values: str

    def value(self, key: str) -> Number | None:
        cell = self.cells.get(key)
        return None if cell is None else cell.value

    def in_yuan(self, key: str) -> Decimal | None:
        """An amount column's value converted to 元, or None when it is not readable."""
        value = self.value(key)
        if value is None:
            return None
        return Decimal(value) * YUAN_PER_UNIT.get(self.units[key], 1)


def fee_figures(report: Report) -> FeeFigures | None:
    """The fee table the report prints, or None (a report read without the plugin's table has none)."""
    table = report.tables.get(TABLE_ID)
    row = table.rows.get(ROW) if table is not None else None
    if table is None or row is None:
        return None
    units = {}
    for column in COLUMNS:
        cell, header = row.cells.get(column.key), table.headers.get(column.key)
        units[column.key] = (cell.unit if cell else None) or (header.unit if header else None) or column.unit or ""
    spans = [cell.span for cell in row.cells.values() if cell.span is not None]
    printed = report.text[min(s.start for s in spans) : max(s.end for s in spans)] if spans else ""
    return FeeFigures(table, dict(row.cells), units, " ".join(printed.split()))


@attrs.frozen
class FeeProblem:
    """A relation of the fee table that the values break, tied to the cell that shows it."""

    column: str
    zh: str
    en: str
    expected: str
    actual: str


def fee_problems(
    notices: Number, notified: Decimal, collected: Decimal, *, units: Mapping[str, str] | None = None
) -> list[FeeProblem]:
    """The relations of the fee table that these values break (amounts in 元).

    A fee notice always names an amount, so no notice means no amount notified or collected, and a notice
    means an amount; nothing can be collected beyond what the notices asked for.
    """
    units = units or {}
    shown = {
        "notified_amount": _show(notified, units.get("notified_amount", "元")),
        "collected_amount": _show(collected, units.get("collected_amount", "元")),
    }
    problems: list[FeeProblem] = []
    if notices == 0:
        if notified > 0:
            problems.append(
                FeeProblem(
                    "notified_amount",
                    f"通知收取件数为 0，通知收取金额应为 0，实际为 {shown['notified_amount']}",
                    f"no fee notice was issued, so the amount notified should be 0, not {shown['notified_amount']}",
                    "0",
                    shown["notified_amount"],
                )
            )
        if collected > 0:
            problems.append(
                FeeProblem(
                    "collected_amount",
                    f"通知收取件数为 0，实际收取金额应为 0，实际为 {shown['collected_amount']}",
                    f"no fee notice was issued, so the amount collected should be 0, not {shown['collected_amount']}",
                    "0",
                    shown["collected_amount"],
                )
            )
        return problems
    if notified == 0:
        problems.append(
            FeeProblem(
                "notified_amount",
                f"通知收取件数为 {notices}，通知收取金额应大于 0，实际为 0",
                f"{notices} fee notice(s) were issued, so the amount notified should be above 0, not 0",
                "> 0",
                "0",
            )
        )
    if collected > notified:
        problems.append(
            FeeProblem(
                "collected_amount",
                f"实际收取金额应不大于通知收取金额 {shown['notified_amount']}，实际为 {shown['collected_amount']}",
                f"the amount collected should not exceed the amount notified ({shown['notified_amount']}), "
                f"but is {shown['collected_amount']}",
                f"<= {shown['notified_amount']}",
                shown["collected_amount"],
            )
        )
    return problems


def _show(amount: Decimal, unit: str) -> str:
    """An amount in 元 shown in the column's unit, as a reader of the report would write it."""
    value = amount / YUAN_PER_UNIT.get(unit, 1)
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return f"{text} {unit}"
