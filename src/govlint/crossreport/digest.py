"""What the run-level phase keeps of each report: a small, picklable digest instead of the whole Report.

A run of 10,000 reports keeps, per report, its identity, path and format, the sections' text (the tables of
三 and 四 are kept as cells, not as text) and every table cell with its status and span, so that a
cross-report rule can quote a passage or point at a cell of either report.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govlint.crossreport.identity import Identity, identity_of
from govlint.model import Cell, FormatName, Report, Section, Span

#: Sections whose body is nothing but a table: their cells are kept, their text is not.
_TABLE_SECTIONS = frozenset({"applications", "review_litigation"})
TABLES = ("active_disclosure", "applications", "review_litigation")


@attrs.frozen
class Digest:
    """One report as the run-level phase sees it."""

    path: str
    identity: Identity | None
    #: The body as the parser read it (before normalisation), or None.
    agency: str | None
    format: FormatName
    title: str | None
    title_span: Span | None
    sections: tuple[Section, ...]
    #: Every cell of the three tables by ``table.row.column`` (``applications.carried_over.total``).
    cells: Mapping[str, Cell]
    #: True for an earlier year's report given with ``--history``: a reference, never linted itself.
    reference: bool = False

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def cell(self, key: str) -> Cell | None:
        return self.cells.get(key)

    def has_table(self, table: str) -> bool:
        prefix = table + "."
        return any(key.startswith(prefix) for key in self.cells)


def digest(report: Report, aliases: Mapping[str, str] | None = None, *, reference: bool = False) -> Digest:
    """The digest of a parsed report, its identity read with the configured ``aliases``."""
    cells: dict[str, Cell] = {}
    for name in TABLES:
        table = report.tables.get(name)
        if table is None:
            continue
        for row in table.rows.values():
            for column, cell in row.cells.items():
                cells[f"{name}.{row.key}.{column}"] = cell
    sections = tuple(attrs.evolve(s, body="") if s.key in _TABLE_SECTIONS else s for s in report.sections)
    return Digest(
        path=report.path,
        identity=identity_of(report.agency, report.report_year, aliases),
        agency=report.agency,
        format=report.format,
        title=report.title,
        title_span=report.title_span,
        sections=sections,
        cells=cells,
        reference=reference,
    )


def line_column(section: Section, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` (relative to the section body) in the report's text."""
    before = section.body[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return section.body_span.line, section.body_span.column + offset
    return section.body_span.line + newlines, offset - before.rfind("\n")


def section_span(section: Section, start: int, end: int) -> Span:
    """The span in the report's text of ``section.body[start:end]``, for a finding on a passage."""
    line, column = line_column(section, start)
    end_line, end_column = line_column(section, end)
    base = section.body_span.start
    return Span(base + start, base + end, line, column, end_line, end_column)
