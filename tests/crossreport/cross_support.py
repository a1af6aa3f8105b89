"""Hand-made digests for the cross-report rule tests: only what each rule reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from govlint.config import Config
from govlint.crossreport import Digest, Run, check_run, identity_of
from govlint.diagnostics import Diagnostic
from govlint.linter import plugins_for
from govlint.model import Cell, CellStatus, FormatName, Section, Span
from govlint.schema import APPLICATION_COLUMN_KEYS

SECTION_NUMBERS = {"overview": 1, "active_disclosure": 2, "problems_improvements": 5, "other_matters": 6}


def span(line: int, column: int = 1, length: int = 1) -> Span:
    return Span(0, length, line, column, line, column + length)


def cell(key: str, value: int | None, status: CellStatus = CellStatus.OK, line: int = 1) -> Cell:
    row, _, column = key.rpartition(".")
    return Cell(row, column, value, status, "" if value is None else str(value), span(line))


def make(
    path: str,
    body: str,
    year: int,
    *,
    cells: Mapping[str, int | Cell | None] = {},
    sections: Mapping[str, str] = {},
    format: FormatName = "2021",
) -> Digest:
    """A digest of ``body``'s report for ``year``; cells keyed ``table.row.column``, each on its own line."""
    built: dict[str, Cell] = {}
    for line, (key, value) in enumerate(cells.items(), start=20):
        built[key] = value if isinstance(value, Cell) else cell(key.split(".", 1)[1], value, line=line)
    parts = []
    for line, (key, text) in enumerate(sections.items(), start=2):
        number = SECTION_NUMBERS[key]
        parts.append(Section(number, key, key, span(line), text, span(line, 5, len(text))))
    return Digest.of(
        path=path,
        identity=identity_of(body, year),
        agency=body,
        format=format,
        title=f"{body}{year}年政府信息公开工作年度报告",
        title_span=span(1),
        sections=tuple(parts),
        cells=built,
    )


def carried(prefix: str, values: Sequence[int | None]) -> dict[str, int | None]:
    """The seven cells of ``applications.carried_over`` or ``applications.carried_forward``."""
    return {f"applications.{prefix}.{c}": v for c, v in zip(APPLICATION_COLUMN_KEYS, values, strict=True)}


def run_rules(
    reports: Sequence[Digest], select: str, *, references: Sequence[Digest] = (), **options: object
) -> list[Diagnostic]:
    """The findings of the selected cross-report rules on ``reports``, in result order."""
    config = Config(select=[select], options=options)
    results = check_run(Run(tuple(reports), tuple(references)), plugins_for(config), config)
    assert not [e for r in results for e in r.errors]
    return [d for r in results for d in r.diagnostics]
