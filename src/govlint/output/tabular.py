"""The spreadsheet formats: ``csv`` and ``xlsx``, two tables a reviewer sorts, filters and sends on.

- **reports** (报告): one row per report: body, year, file, score, last year's score, points deducted,
  findings by severity, unread places, why a file could not be read, table 四's corrected cases, then one
  column per code with the points it deducted (see govlint.scoring);
- **findings** (问题): one row per reported finding, every one of the run (skipped files' notices and
  findings outside any report, such as a roster's, included); a file's problems first, then what govlint
  could not read, whose level (级别) is 未能读取 ("unread"), never a severity.

``xlsx`` is one workbook with the sheets 报告 and 问题 (:mod:`govlint.output.xlsx`, with openpyxl).  ``csv`` is
UTF-8 with a byte-order mark, so that Excel and LibreOffice read the Chinese text; the reports table is the
output, and with ``-o x.csv`` the findings table is written beside it as ``x.findings.csv``.  Headers are
Chinese, English with ``--lang en``.  A text cell never becomes a formula: controls and bidi controls are
escaped (a tab or line break too), and text starting with ``=``, ``+``, ``-`` or ``@`` gets a leading
apostrophe, as OWASP advises.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from typing import IO, Any, NamedTuple

from govlint.atomic import spool
from govlint.diagnostics import Diagnostic
from govlint.output import FileOutput, Formatter, Lang, OutputOptions, apart, level_name, visible
from govlint.rule import RuleMeta
from govlint.scoring import ReportScore, RunScores, code_order, number

Cell = str | int | float | None

#: What a spreadsheet would read as the start of a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@")

REPORT_HEADERS: dict[Lang, tuple[str, ...]] = {
    "zh": (
        "单位",
        "年度",
        "文件",
        "得分",
        "上年得分",
        "扣分",
        "错误",
        "警告",
        "提示",
        "未能读取处",
        "无法读取原因",
        "纠错案件",
    ),
    "en": (
        "body",
        "year",
        "file",
        "score",
        "previous score",
        "deducted",
        "errors",
        "warnings",
        "info",
        "unread places",
        "unreadable",
        "corrected cases",
    ),
}
FINDING_HEADERS: dict[Lang, tuple[str, ...]] = {
    "zh": (
        "文件",
        "单位",
        "年度",
        "代码",
        "级别",
        "规则",
        "问题",
        "行",
        "列",
        "页",
        "表",
        "表格行",
        "表格列",
        "位置键",
        "应为",
        "实为",
        "未能读取",
        "指纹",
    ),
    "en": (
        "file",
        "body",
        "year",
        "code",
        "severity",
        "rule",
        "message",
        "line",
        "column",
        "page",
        "table",
        "table row",
        "table column",
        "key",
        "expected",
        "actual",
        "unread",
        "fingerprint",
    ),
}
SHEET_NAMES: dict[Lang, tuple[str, str]] = {"zh": ("报告", "问题"), "en": ("reports", "findings")}
_YES_NO: dict[Lang, tuple[str, str]] = {"zh": ("是", "否"), "en": ("yes", "no")}


class Table(NamedTuple):
    """One sheet: its name, its header row and its rows."""

    name: str
    headers: tuple[str, ...]
    rows: list[list[Cell]]


def safe(value: Any) -> Cell:
    """A cell as written: numbers as numbers; text escaped (:func:`visible`) and never a formula."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    text = visible(value if isinstance(value, str) else str(value))
    # after white space too: a spreadsheet that trims cells on import (LibreOffice's "Trim spaces") would
    # read " =HYPERLINK(...)" as a formula
    return "'" + text if text.lstrip().startswith(_FORMULA_STARTS) else text


class TabularFormatter(Formatter):
    """Scores the run for the reports table, and hands each finding's row to :meth:`finding` as its report is
    done: the findings table is written as it grows, never kept whole."""

    def __init__(self, options: OutputOptions) -> None:
        super().__init__(options)
        self.scores = RunScores(options.scoring)

    def file(self, output: FileOutput) -> str:
        self.scores.add(output)
        agency, year = self.scores.identity(output.path)
        lang = self.options.lang
        for part in apart(output.diagnostics):
            for d in part:
                self.finding([safe(v) for v in _finding_row(d, agency, year, lang)])
        return ""

    def finding(self, row: list[Cell]) -> None:
        """Write one row of the findings table."""

    def reports_table(self) -> Table:
        lang = self.options.lang
        reports = self.scores.reports()
        codes = _codes(d.code for r in reports for d in r.deductions)
        rows = [[safe(v) for v in _report_row(r, codes, lang)] for r in reports]
        return Table(SHEET_NAMES[lang][0], (*REPORT_HEADERS[lang], *codes), rows)


def _codes(found: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(found), key=code_order))


def _report_row(report: ReportScore, codes: Sequence[str], lang: Lang) -> list[Any]:
    points = {d.code: number(d.points) for d in report.deductions}
    return [
        report.agency,
        report.year,
        report.path,
        None if report.score is None else number(report.score),
        None if report.previous is None else number(report.previous),
        number(report.deducted),
        report.errors,
        report.warnings,
        report.infos,
        report.unread_count,
        None if report.unreadable is None else report.unreadable.message(lang),
        report.corrected_cases,
        *(points.get(code) for code in codes),
    ]


def _finding_row(d: Diagnostic, agency: str | None, year: int | None, lang: Lang) -> list[Any]:
    loc = d.location
    return [
        loc.path,
        agency,
        year,
        d.code,
        level_name(d, lang),
        d.rule,
        d.message(lang),
        loc.line,
        loc.column,
        loc.page,
        loc.table,
        loc.row,
        loc.cell_column,
        d.key,
        _value(d.expected),
        _value(d.actual),
        _YES_NO[lang][0 if d.unread else 1],
        d.fingerprint,
    ]


def _value(value: Any) -> Any:
    """An expected or actual value: a number stays a number, anything else is its text."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    return str(value)


def findings_path(output: str) -> str:
    """Where ``-o x.csv`` puts the findings table: ``x.findings.csv``."""
    stem, ext = os.path.splitext(output)
    return f"{stem}.findings{ext or '.csv'}"


def _csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return buffer.getvalue().encode("utf-8-sig")


class CsvFormatter(TabularFormatter):
    """The reports table as the output; with ``-o``, the findings table beside it, written as the run goes
    into a :func:`govlint.atomic.spool` beside it (none without ``-o``: the findings are not printed)."""

    def __init__(self, options: OutputOptions) -> None:
        super().__init__(options)
        #: The spool of ``x.findings.csv`` (UTF-8 with a byte-order mark, for Excel), made on the first row.
        self.findings: IO[str] | None = None

    def finding(self, row: list[Cell]) -> None:
        if self.options.output is not None:
            csv.writer(self._findings(self.options.output)).writerow(row)

    def _findings(self, output: str) -> IO[str]:
        if self.findings is None:
            binary = spool(output)
            self.companions[findings_path(output)] = binary
            self.findings = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
            csv.writer(self.findings).writerow(FINDING_HEADERS[self.options.lang])
        return self.findings

    def finish(self, rules: Sequence[RuleMeta] = ()) -> bytes:
        if self.options.output is not None:
            self._findings(self.options.output).flush()  # every row in the spool before it is copied
        return _csv(self.reports_table())
