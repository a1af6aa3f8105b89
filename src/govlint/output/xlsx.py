"""``--format xlsx``: the reviewer's tables (:mod:`govlint.output.tabular`) as one workbook with the sheets 报告
and 问题, each with a filter and a frozen header.  openpyxl is an optional dependency (``govlint[review]``):
this module is imported only for a run that asks for a workbook (:func:`govlint.output.formatter`)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from govlint.output import OutputOptions
from govlint.output.tabular import FINDING_HEADERS, SHEET_NAMES, Cell, TabularFormatter
from govlint.rule import RuleMeta


class XlsxFormatter(TabularFormatter):
    """One workbook: the sheets of reports and of findings, each with a filter and a frozen header.

    The workbook is written in openpyxl's write-only mode, which streams each sheet's rows to a temporary
    file: the findings go in as their report is done.  A column's width is measured on its first
    :data:`MEASURED` rows, which wait until they are all there."""

    def __init__(self, options: OutputOptions) -> None:
        super().__init__(options)
        self.book = Workbook(write_only=True)
        self.book.properties.creator = "govlint"  # a later run knows its own workbook (govlint.sources.own)
        names = SHEET_NAMES[options.lang]
        self.report_sheet = self.book.create_sheet(names[0])
        self.finding_sheet = self.book.create_sheet(names[1])
        #: The findings' first rows, until the columns' widths are set from them.
        self.first: list[list[Cell]] | None = []
        self.count = 0

    def finding(self, row: list[Cell]) -> None:
        self.count += 1
        if self.first is None:
            self.finding_sheet.append(row)
            return
        self.first.append(row)
        if len(self.first) == MEASURED:
            self._start(self.finding_sheet, FINDING_HEADERS[self.options.lang])

    def _start(self, sheet: Any, headers: Sequence[str]) -> None:
        """The findings sheet's widths, header and first rows."""
        rows, self.first = self.first or [], None
        _begin(sheet, headers, rows)
        for row in rows:
            sheet.append(row)

    def finish(self, rules: Sequence[RuleMeta] = ()) -> bytes:
        reports = self.reports_table()
        _begin(self.report_sheet, reports.headers, reports.rows)
        for row in reports.rows:
            self.report_sheet.append(row)
        _filter(self.report_sheet, len(reports.headers), len(reports.rows))
        if self.first is not None:
            self._start(self.finding_sheet, FINDING_HEADERS[self.options.lang])
        _filter(self.finding_sheet, len(FINDING_HEADERS[self.options.lang]), self.count)
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


#: How many of a sheet's first rows set its columns' widths.
MEASURED = 200


def _begin(sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """A sheet's column widths (from ``rows``, its first), frozen header and bold header row."""
    for index, header in enumerate(headers, start=1):
        widest = max([len(str(header)) * 2, *(len(str(r[index - 1] or "")) for r in rows[:MEASURED])])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(6, widest + 2))
    sheet.freeze_panes = "A2"
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        cells.append(cell)
    sheet.append(cells)


def _filter(sheet: Any, columns: int, rows: int) -> None:
    """The filter over a sheet's header and ``rows`` rows."""
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"
