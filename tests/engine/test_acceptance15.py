"""Issue #15, "Done when", checked as its filer would: every finding on a Word, web-page or PDF source carries
the page, table, row and cell where it points into a table, headers included.

Over every such file govlint's tests and examples hold (the round-trip converters, the real web pages and
PDFs of the corpus, the compilations, examples/), not a chosen few; and on a table header whose unit is
wrong, in each kind of source (a web page, saved as such and as a web archive, Word, PDF), with the header's
cell found by reading the source itself.  docs/design.md names only modules that exist."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2
import pytest

from govlint import api
from govlint.diagnostics import Diagnostic
from govlint.errors import InputError
from govlint.linter import lint_report
from govlint.model import Origin, Report

ROOT = Path(__file__).resolve().parents[2]
STRUCTURED = (".docx", ".htm", ".html", ".mht", ".mhtml", ".pdf")
FILES = sorted(
    path
    for folder in (ROOT / "tests" / "fixtures", ROOT / "examples")
    for path in folder.rglob("*")
    if path.suffix.lower() in STRUCTURED and path.is_file()
)


def _offsets(report: Report, finding: Diagnostic) -> tuple[int, int]:
    """The offsets in ``report.text`` of the finding's start and end (its lines are the file's)."""
    starts = [0, *(i + 1 for i, c in enumerate(report.text) if c == "\n")]
    first = report.positions.first_line if report.positions is not None else 1
    where = finding.location

    def offset(line: int, column: int) -> int:
        return starts[min(line - first, len(starts) - 1)] + column - 1

    return offset(where.line, where.column), offset(where.end_line, where.end_column)


def _pointed(report: Report, start: int, end: int) -> Origin | None:
    """The table cell a finding points into: where its first character came from, or the first printed
    character of its span that came from a table cell; None when it points at no table."""
    positions = report.positions
    assert positions is not None
    first = positions.origin(start)
    if first is not None and first.table is not None:
        return first
    for offset in range(start, min(end, len(report.text))):
        origin = positions.origin(offset)
        if not report.text[offset].isspace() and origin is not None and origin.table is not None:
            return origin
    return None


def test_the_structured_fixtures_are_all_of_them() -> None:
    kinds = {path.suffix.lower() for path in FILES}
    assert {".docx", ".html", ".htm", ".pdf"} <= kinds
    assert len(FILES) > 90


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_a_finding_that_points_into_a_table_names_the_page_table_row_and_cell(path: Path) -> None:
    try:
        reports = api.read_reports(str(path))
    except InputError as exc:  # four peer "samples" whose PDFs hold no Chinese text: unread, nothing to place
        pytest.skip(f"not read as a report: {exc}")
    pdf = path.suffix.lower() == ".pdf"
    for report in reports:
        cells = {
            f"{table_id}.{row_key}.{column}": cell
            for table_id, table in report.tables.items()
            for row_key, row in table.rows.items()
            for column, cell in row.cells.items()
        }
        for finding in lint_report(report).diagnostics:
            where = finding.location
            shown = (finding.code, finding.key, where.line, where.column)
            if pdf:
                assert where.page is not None, shown
            origin = _pointed(report, *_offsets(report, finding))
            if origin is None:
                assert where.table is None, shown
                continue
            assert (where.table, where.row, where.cell_column) == (origin.table, origin.row, origin.column), shown
            assert where.page == origin.page, shown
            cell = cells.get(finding.key)
            if cell is not None and cell.span is not None and cell.span.origin and cell.span.origin.table:
                assert origin == cell.span.origin, shown  # a finding about a cell points into that cell


HEADERS = ROOT / "tests" / "fixtures" / "headers"  # written by its make.py
HEADER = "本年收费金额（单位：元）"


class _Cells(HTMLParser):
    """The (row, column) of each cell of a page's first table, counted as a reader of the page counts them
    (column spans widen a cell; this table has no row spans before the header)."""

    def __init__(self) -> None:
        super().__init__()
        self.table = 0
        self.row = 0
        self.column = 0
        self.found: dict[str, tuple[int, int]] = {}
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.table += 1
        elif tag == "tr" and self.table == 1:
            self.row, self.column = self.row + 1, 0
        elif tag == "td" and self.table == 1:
            self._cell, self._span = [], int(dict(attrs).get("colspan") or 1)

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.found.setdefault("".join(self._cell).strip(), (self.row, self.column + 1))
            self.column += self._span
            self._cell = None


def _header_cell() -> tuple[int, int]:
    cells = _Cells()
    cells.feed((HEADERS / "unit_yuan.html").read_text(encoding="utf-8"))
    return cells.found[HEADER]


def _page_of(path: Path, text: str) -> int:
    document = pypdfium2.PdfDocument(str(path))
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    [number] = [n for n, printed in enumerate(pages, 1) if text in printed.replace("\r", "").replace("\n", "")]
    return number


@pytest.mark.parametrize("name", ["unit_yuan.html", "unit_yuan.mht", "unit_yuan.docx", "unit_yuan.pdf"])
def test_a_finding_on_a_table_header_names_the_header_cell(name: str) -> None:
    path = HEADERS / name
    report = api.parse_file(path)
    [finding] = [d for d in lint_report(report).diagnostics if d.code == "GL303"]
    where = finding.location
    start, _ = _offsets(report, finding)
    assert report.text[start] == "元" and finding.actual == "元"
    row, column = _header_cell()
    assert (where.table, where.row, where.cell_column) == (1, row, column)
    assert where.page == (_page_of(path, "本年收费金额") if path.suffix == ".pdf" else None)


def test_every_module_docs_design_names_exists() -> None:
    """docs/design.md draws the pipeline and says which file a change goes to: each module, script and test it
    names is there (``parsing/cells``, ``rules/places.py``, ``scripts/gen_table_keys.py``)."""
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    packages = "sources|parsing|rules|testing|output|crossreport|runner"
    named = set(re.findall(rf"\b(?:src/govlint/)?((?:{packages})/[a-z_]+)(?:\.py)?\b", text))
    files = set(re.findall(r"\b((?:scripts|tests/[a-z]+|benchmarks|grammars)/[a-z_]+\.(?:py|lark))\b", text))
    bare = set(re.findall(r"`([a-z_]+\.py)`", text))  # `model.py`, `html.py` (in the sources row)
    assert len(named) > 20 and len(files) > 4 and len(bare) > 5
    missing = sorted(m for m in named if not any((ROOT / "src" / "govlint" / f"{m}{s}").exists() for s in (".py", "")))
    missing += sorted(f for f in files if not (ROOT / f).exists())
    modules = {path.name for path in (ROOT / "src" / "govlint").rglob("*.py")}
    missing += sorted(name for name in bare if name not in modules)
    assert not missing, missing
