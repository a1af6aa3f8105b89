"""Reports as real converters deliver them (``tests/fixtures/roundtrip``, made by its ``make.py``): the truth
files' values, and a report in the 2019 trial format, printed as a Word document and a web page, then
converted by LibreOffice, pandoc, headless Chromium and pdftotext (``make.py``), and further by markitdown,
html2text, mammoth, pdfplumber, pymupdf4llm, w3m, lynx, links, docx2txt, catdoc and antiword (``convert.py``).

- From a structured source (a Word file, a web page, a PDF with ruled tables, converter Markdown) govlint
  reads every cell equal to the truth.
- From any converter's output, no cell ever gets a number that is not the truth's: a cell it cannot place
  stays unread.
- No error-level finding appears on a converted file that the same report in tab-separated text
  (``tabs.txt``) does not have: such a finding would be a reading failure turned into an accusation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govlint
from govlint.diagnostics import Severity
from govlint.model import CellStatus
from govlint.parsing.labels import catalogue
from govlint.schema import normalize_label

ROUNDTRIP = Path(__file__).resolve().parents[1] / "fixtures" / "roundtrip"
CASES = sorted(path.name for path in ROUNDTRIP.iterdir() if (path / "expected.json").exists())
#: Converter outputs that keep the table grid: every cell must be read.
STRUCTURED = (
    "tabs.txt",
    "lo.docx",
    "lo.html",
    "lo.pdf",
    "chrome.pdf",
    "page.html",
    "page.md",
    "pandoc.html",
    "pandoc.md",
    "word.htm",
    "page.pandoc.docx",
    "repeat.pdf",
    "split.docx",
    "mineru.md",
    "wps.htm",
    "page.lo.docx",
    "mammoth.html",
    "printed.pdf",
    "w3m.txt",
    "hmerge.docx",
    "unmerged.docx",
)
#: Plain text that loses the grid (pdftotext, LibreOffice's text export): never a wrong number.
LOSSY = (
    "pandoc.markdown.md",
    "lo.txt",
    "lo.layout.txt",
    "lo.raw.txt",
    "chrome.layout.txt",
    "chrome.raw.txt",
    "wide.layout.txt",
    "wide.raw.txt",
    "lo.rawmode.txt",
    "chrome.rawmode.txt",
    "wide.rawmode.txt",
    "printed.layout.txt",
    "printed.raw.txt",
    "printed.rawmode.txt",
    "repeat.layout.txt",
    "repeat.raw.txt",
    "repeat.rawmode.txt",
    "split.layout.txt",
    "markitdown.docx.md",
    "markitdown.html.md",
    "markitdown.pdf.md",
    "html2text.md",
    "html2text.lo.md",
    "mammoth.md",
    "pymupdf4llm.md",
    "pdfplumber.txt",
    "pdfplumber.layout.txt",
    "printed.pdfplumber.txt",
    "w3m.lo.txt",
    "lynx.txt",
    "lynx.lo.txt",
    "links.txt",
    "links.lo.txt",
    "docx2txt.txt",
    "catdoc.txt",
    "antiword.txt",
)
#: Known reading bugs by test, case (``*``: every case) and file: each a failing expectation until it is
#: fixed (``strict``: the fix must remove it from here).
KNOWN: dict[tuple[str, str, str], str] = {}


def _files(kinds: tuple[str, ...], test: str) -> list[Any]:
    params = []
    for case in CASES:
        for name in kinds:
            if not (ROUNDTRIP / case / name).exists():
                continue
            reason = KNOWN.get((test, case, name)) or KNOWN.get((test, "*", name))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            params.append(pytest.param(case, name, id=f"{case}-{name}", marks=marks))
    return params


def _expected(case: str) -> dict[str, Any]:
    """Every cell a correct reading yields, by ``table.row.column`` (amounts as Decimal)."""
    data = json.loads((ROUNDTRIP / case / "expected.json").read_text(encoding="utf-8"))
    return {key: Decimal(value) if isinstance(value, str) else value for key, value in data["cells"].items()}


def _read_cells(path: Path, keys: Iterable[str]) -> dict[str, Any]:
    tables = govlint.parse_file(path).tables
    read: dict[str, Any] = {}
    for key in keys:
        table_key, _, cell = key.partition(".")
        table = tables.get(table_key)
        read[key] = None if table is None else table.value(cell)
    return read


def _errors(path: Path) -> set[tuple[str, str]]:
    """The findings that accuse the report: errors and warnings, not the notices of what was not read."""
    found = govlint.lint_file(path).diagnostics
    return {(d.code, d.key) for d in found if d.severity in (Severity.ERROR, Severity.WARNING) and not d.unread}


@pytest.mark.parametrize(("case", "name"), _files(STRUCTURED, "cells"))
def test_structured_conversion_reads_every_cell(case: str, name: str) -> None:
    want = _expected(case)
    got = _read_cells(ROUNDTRIP / case / name, want)
    differ = {key: (got.get(key), value) for key, value in want.items() if got.get(key) != value}
    assert not differ, f"{case}/{name}: cells read (got, truth): {differ}"


@pytest.mark.parametrize(("case", "name"), _files(STRUCTURED + LOSSY, "numbers"))
def test_conversion_never_gives_a_wrong_number(case: str, name: str) -> None:
    want = _expected(case)
    got = _read_cells(ROUNDTRIP / case / name, want)
    wrong = {key: (got[key], value) for key, value in want.items() if got.get(key) not in (None, value)}
    assert not wrong, f"{case}/{name}: numbers that are not the report's (got, truth): {wrong}"


@pytest.mark.parametrize(("case", "name"), _files(STRUCTURED + LOSSY, "findings"))
def test_conversion_adds_no_accusation(case: str, name: str) -> None:
    reference = _errors(ROUNDTRIP / case / "tabs.txt")
    added = _errors(ROUNDTRIP / case / name) - reference
    assert not added, f"{case}/{name}: findings the text version does not have: {sorted(added)}"


@pytest.mark.parametrize("case", CASES)
def test_every_converter_output_is_checked(case: str) -> None:
    """A file ``make.py`` or ``convert.py`` writes that no test reads would be a converter never checked."""
    made = {path.name for path in (ROUNDTRIP / case).iterdir()} - {"expected.json"}
    assert made <= {*STRUCTURED, *LOSSY}, sorted(made - {*STRUCTURED, *LOSSY})


def test_values_printed_before_their_labels_stay_unread() -> None:
    """Plain pdftotext of LibreOffice's PDF prints a 第二十条 value before its label: the number after
    行政处罚 is 行政强制's, so neither row may take the number that follows it."""
    text = (ROUNDTRIP / "hzq2024" / "lo.raw.txt").read_text(encoding="utf-8")
    assert "2776\n行政处罚\n84\n行政强制" in text
    art20 = govlint.parse_text(text).tables.active_disclosure
    assert art20 is not None
    for key in ("licensing", "punishment", "enforcement"):
        cell = art20.cell(f"{key}.decisions")
        assert cell is not None and cell.value is None and cell.status is CellStatus.AMBIGUOUS


def test_rows_printed_but_not_read_are_unread_not_missing() -> None:
    """pdftotext -layout of Chromium's narrow tables wraps the labels of table 三 over many lines, a group
    label's pieces among them: the rows not found are one unread warning where their numbers start, not
    missing rows at error level."""
    found = govlint.lint_file(ROUNDTRIP / "hzq2024" / "chrome.layout.txt").diagnostics
    (missing,) = [d for d in found if d.code == "GL104"]
    assert missing.unread and missing.severity is Severity.WARNING
    assert missing.location.line not in {d.location.line for d in found if d.code == "GL108"}


def test_table_printed_in_a_shape_not_read_is_unread_not_missing() -> None:
    """Plain pdftotext of LibreOffice's PDF prints table 四's header one character per line: the table is
    there, so it is unread, not missing at error level."""
    found = govlint.lint_file(ROUNDTRIP / "seed000" / "lo.raw.txt").diagnostics
    (table,) = [d for d in found if d.code == "GL103"]
    assert table.unread and table.severity is Severity.WARNING


def test_a_browsers_page_header_and_footer_inside_a_table_are_not_prose() -> None:
    """Chromium prints a running header (date, time, title) and footer (address, 2/7) on every page; a table
    crossing a page goes on after them, rows read as before the break."""
    path = ROUNDTRIP / "hzq2024" / "printed.layout.txt"
    text = path.read_text(encoding="utf-8")
    assert "AM  " in text and "page.html" in text
    want = _expected("hzq2024")
    apps = govlint.parse_file(path).tables.applications
    assert apps is not None
    for key in ("results_total", "carried_forward", "not_processed.duplicate"):
        row = apps.rows[key]
        assert {f"applications.{key}.{c}": cell.value for c, cell in row.cells.items()} == {
            k: v for k, v in want.items() if k.startswith(f"applications.{key}.")
        }


@pytest.mark.parametrize(("case", "name"), _files(STRUCTURED + LOSSY, "label-rest"))
def test_the_cut_rest_of_a_label_is_no_cell(case: str, name: str) -> None:
    """markitdown's Markdown of seed 000's PDF cuts （二）部分公开（区分处理 in the label's own cell (the rest of the
    wording on lines below): ``（区分处理`` was read as the row's first value, and GL105 said the report printed it
    in the 自然人 column.  A cell not read as a number never holds a piece of a standard label's wording."""
    labels = list(catalogue().entries)
    tables = govlint.parse_file(ROUNDTRIP / case / name).tables
    pieces = [
        (table_id, row_key, cell.column, cell.raw)
        for table_id in tables
        for row_key, row in tables[table_id].rows.items()
        for cell in row.cells.values()
        if cell.status is CellStatus.UNREADABLE and len(text := normalize_label(cell.raw)) > 1
        if any(text in label for label in labels)
    ]
    assert not pieces, f"{case}/{name}: label text read as cells: {pieces}"


@pytest.mark.parametrize(
    "path", sorted(p for p in ROUNDTRIP.glob("*/*.txt") if p.name.startswith(("w3m", "links"))), ids=str
)
def test_a_finding_after_a_box_drawn_table_gives_the_files_line(path: Path) -> None:
    """A text browser's dump draws each table in boxes, a row over several lines, and govlint reads each table
    as one line per row: every line after it had a number smaller than in the file (seed 002's w3m dump: GL204
    on line 66, which prints 一、本年新收; the table is on lines 236-245), so were GL101's, GL301's and GL603's.
    Each section heading is on the file's line that prints it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for section in govlint.parse_file(path).sections:
        printed = "".join(lines[section.span.line - 1].split())
        assert "".join(section.title.split())[2:6] in printed, (section.number, section.span.line, printed)
