"""Shared helpers of the parser tests: fixture paths and the truth files' shape of a parsed report."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from govlint.model import Report
from govlint.schema import ColumnSpec, PartSpec, RowSpec, TableSpec

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
TRUTH = FIXTURES / "truth"
PEER = FIXTURES / "corpus" / "peer"
PINGTAN = FIXTURES / "corpus" / "pingtan"


#: A table a plugin describes: three rows, every one required, and three columns.
STOCK = TableSpec(
    id="records_stock",
    title="档案库存情况表",
    captions=("档案库存情况",),
    parts=(
        PartSpec(
            (ColumnSpec("paper", "纸质档案"), ColumnSpec("digital", "电子档案"), ColumnSpec("total", "档案合计")),
            (RowSpec("opening", "年初库存"), RowSpec("added", "本年新增"), RowSpec("closing", "年末库存")),
        ),
    ),
)


def seed_with(insert: str) -> str:
    """The first seed report with ``insert`` printed before its section 五."""
    body = SEEDS[0].read_text(encoding="utf-8")
    at = body.index("五、")
    return body[:at] + insert + body[at:]


def load_truth(path: Path) -> dict[str, Any]:
    """A truth file, with its decimal amounts read as Decimal (the parser's type for 万元)."""
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def truth_shape(report: Report) -> dict[str, Any]:
    """The parsed report in the compact shape of ``tests/fixtures/truth/*.json``."""
    tables = report.tables
    applications = tables.applications
    review = tables.review_litigation
    art20 = tables.active_disclosure
    shape: dict[str, Any] = {
        "format": report.format,
        "sections_present": sorted({s.number for s in report.sections}),
        "applications": None
        if applications is None
        else {key: [cell.value for cell in row.cells.values()] for key, row in applications.rows.items()},
        "review_litigation": None
        if review is None
        else {key: [cell.value for cell in row.cells.values()] for key, row in review.rows.items()},
        "active_disclosure": None,
    }
    if art20 is not None:
        value = art20.value
        shape["active_disclosure"] = {
            "regulations": [value(f"regulations.{c}") for c in ("issued", "repealed", "in_force")],
            "normative_documents": [value(f"normative_documents.{c}") for c in ("issued", "repealed", "in_force")],
            "licensing": value("licensing.decisions"),
            "punishment": value("punishment.decisions"),
            "enforcement": value("enforcement.decisions"),
            "fees_10k_yuan": value("fees.amount_10k_yuan"),
        }
    return shape


def row_values(report: Report, table: str, row: str) -> list[Any]:
    """The values of one row, in column order (KeyError when the row is absent)."""
    found = report.tables.get(table)
    assert found is not None, f"table {table} not found"
    return [cell.value for cell in found.rows[row].cells.values()]


def row_statuses(report: Report, table: str, row: str) -> str:
    """The statuses of one row as letters: . ok, i inferred, e empty, u unreadable, a ambiguous."""
    found = report.tables.get(table)
    assert found is not None, f"table {table} not found"
    letters = {"ok": ".", "inferred": "i", "empty": "e", "unreadable": "u", "ambiguous": "a"}
    return "".join(letters[cell.status.value] for cell in found.rows[row].cells.values())
