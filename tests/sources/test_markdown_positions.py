"""Positions in Markdown whose tables are HTML (MinerU): a table is one line of the file, but govlint reads
it a line per row, so every finding after it had a line past the file's (mineru.md: GL603 on line 65 of a
file of 23 lines) and a finding in it a line the file does not have.  Each position is the file's own line
and column: of the cell in the table's line, of the text after the table."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINERU = FIXTURES / "roundtrip" / "shapes" / "mineru.md"
MIDDLE = FIXTURES / "sources" / "markdown_html_table.md"


@pytest.mark.parametrize("path", [MINERU, MIDDLE], ids=lambda path: path.name)
def test_every_character_read_stands_at_its_position_in_the_file(path: Path) -> None:
    """Each printed character of the text govlint reads (cells, labels, headings, prose) is the file's
    character at the line and column its span gives: what any finding points at is there."""
    lines = path.read_text(encoding="utf-8").split("\n")
    report = govlint.parse_file(path)
    assert report.tables.active_disclosure is not None
    misplaced = []
    for offset, char in enumerate(report.text):
        if char.isspace():
            continue  # the TAB between cells, the lines the reader adds around a table
        span = report.span(offset, offset + 1)
        line = lines[span.line - 1] if span.line <= len(lines) else ""
        if line[span.column - 1 : span.column] != char or (span.end_line, span.end_column) != (
            span.line,
            span.column + 1,
        ):
            misplaced.append((offset, char, span.line, span.column))
    assert not misplaced, misplaced[:10]


@pytest.mark.parametrize("path", [MINERU, MIDDLE], ids=lambda path: path.name)
def test_findings_point_at_the_files_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    diagnostics = govlint.lint_file(path).diagnostics
    assert diagnostics
    for diagnostic in diagnostics:
        where = diagnostic.location
        assert 1 <= where.line <= len(lines), diagnostic
        assert where.column <= len(lines[where.line - 1]) + 1, diagnostic
    empty = next(d for d in diagnostics if d.code == "GL603")  # after the tables
    assert lines[empty.location.line - 1].startswith("五、存在的主要问题及改进情况")


def test_a_finding_in_a_table_names_its_cell_and_shows_the_files_line(capsys: pytest.CaptureFixture[str]) -> None:
    lines = MINERU.read_text(encoding="utf-8").split("\n")
    other = next(d for d in govlint.lint_file(MINERU).diagnostics if d.code == "GL406")
    where = other.location
    assert (where.table, where.row, where.cell_column) == (2, 24, 2)
    assert lines[where.line - 1][where.column - 1 :].startswith("（六）其他处理</td>")
    main(["check", str(MINERU), "--select", "GL406"])
    shown = capsys.readouterr().out.split("\n")
    assert shown[0].startswith(f"{MINERU}:{where.line}:{where.column} (表2 第24行 第2列)")
    assert shown[2].startswith(f"{where.line} | ...") and '<td colspan="2">（六）其他处理</td>' in shown[2]


def test_a_compilations_second_report_shows_the_files_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two such reports in one file: the second's findings are on the file's lines, each shown under it."""
    path = tmp_path / "compiled.md"
    first = MINERU.read_text(encoding="utf-8")
    path.write_text(first + MIDDLE.read_text(encoding="utf-8"), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    main(["check", str(path), "--select", "GL603"])
    shown = capsys.readouterr().out.split("\n")
    heads = [i for i, text in enumerate(shown) if text.startswith(f"{path}#2:")]
    assert len(heads) == 1
    number = int(shown[heads[0]].split(":")[1])
    assert number == first.count("\n") + 15
    assert lines[number - 1] == "五、存在的主要问题及改进情况"
    assert shown[heads[0] + 2] == f"{number} | {lines[number - 1]}"
