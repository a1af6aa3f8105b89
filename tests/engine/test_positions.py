"""One position index (#15 §3): a position in a report is made by ``report.span`` (``Positions.span``), which
keeps the page, table, row and cell of a PDF, Word or HTML source.  A Span put together anywhere else (a
constructor call, ``attrs.evolve`` of a span) can lose them."""

from __future__ import annotations

import ast
from pathlib import Path

from govlint import api
from govlint.linter import lint_report
from govlint.model import Origin

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "src" / "govlint").rglob("*.py")), *sorted((ROOT / "plugins").glob("*/src/**/*.py"))]

#: (file, function) pairs that may call ``Span(...)``: the index itself, and rebuilding spans a digest stored
#: whole (origin included) or a line of a roster file, which is no report.
ALLOWED = {
    ("src/govlint/model.py", "span"),
    ("src/govlint/crossreport/digests.py", "_unpack"),
    ("src/govlint/crossreport/rules.py", "check_run"),
}


def _made_spans(path: Path) -> list[tuple[str, int]]:
    """The functions of ``path`` that call ``Span(...)`` or ``attrs.evolve`` a span, with the line."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Call):
                name = ast.unparse(child.func)
                first = ast.unparse(child.args[0]) if child.args else ""
                if name == "Span" or (name.endswith("evolve") and "span" in first.lower()):
                    found.append((function, child.lineno))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_spans_are_made_only_by_the_position_index() -> None:
    made = {
        (str(path.relative_to(ROOT)), function, line)
        for path in SOURCES
        for function, line in _made_spans(path)
        if (str(path.relative_to(ROOT)), function) not in ALLOWED
    }
    assert not made, "make positions with report.span(start, end): " + ", ".join(
        f"{file}:{line} ({function})" for file, function, line in sorted(made)
    )


def test_the_check_sees_a_span_put_together(tmp_path: Path) -> None:
    path = tmp_path / "made.py"
    path.write_text(
        "def line_of(report, span):\n    return attrs.evolve(span, end=3)\n\ndef f():\n    return Span(0, 1)\n"
    )
    assert _made_spans(path) == [("line_of", 2), ("f", 5)]


#: One report printed by each converter the round-trip fixtures hold (tests/fixtures/roundtrip/README.md).
STRUCTURED = [
    ROOT / "tests" / "fixtures" / "roundtrip" / name
    for name in (
        "seed000/lo.docx",
        "seed000/page.pandoc.docx",
        "seed000/lo.pdf",
        "seed000/chrome.pdf",
        "seed000/page.html",
        "seed000/word.htm",
        "seed002/lo.html",
        "hzq2023/chrome.pdf",
        "shapes/wps.htm",
    )
]


def test_findings_on_word_web_and_pdf_sources_carry_the_place_of_what_they_point_at() -> None:
    """Each finding's page, table, row and cell are those of the text it points at; a finding about a cell of
    a source table (``applications.granted.total``) points into that cell."""
    in_cells = 0
    for path in STRUCTURED:
        report = api.parse_file(path)
        positions = report.positions
        assert positions is not None and positions.has_origins, path
        cells = {
            f"{table_id}.{row_key}.{column}": cell
            for table_id, table in report.tables.items()
            for row_key, row in table.rows.items()
            for column, cell in row.cells.items()
        }
        starts = [0, *(i + 1 for i, c in enumerate(report.text) if c == "\n")]
        for d in lint_report(report).diagnostics:
            where = d.location
            origin = positions.origin(starts[where.line - 1] + where.column - 1) or Origin()
            place = (where.page, where.table, where.row, where.cell_column)
            assert place == (origin.page, origin.table, origin.row, origin.column), (path.name, d.code, d.key)
            cell = cells.get(d.key)
            if cell is not None and cell.span is not None and cell.span.origin and cell.span.origin.table:
                in_cells += 1
                shown = cell.span.origin
                assert place == (shown.page, shown.table, shown.row, shown.column), (path.name, d.code, d.key)
    assert in_cells >= 5
