"""Never accuse what cannot be read: a section heading with a character the reader could not decode (a NUL
or a bad byte, replaced by U+FFFD and recorded as GL003) is taken as that heading, so the findings are those
of the undamaged report; one too damaged to tell is a warning about the reading, never a missing section."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import govlint
from govlint.config import Config
from govlint.diagnostics import Severity
from govlint.parsing.headings import find_section_headings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "seeds" / "000_3332caad86cf7302.txt"
REAL = FIXTURES / "corpus" / "pingtan" / "001_finance_2019.txt"
CONFIG = Config(reference_date=dt.date(2026, 12, 7))


def findings(path: Path) -> list[tuple[str, int, Severity]]:
    result = govlint.lint_file(path, CONFIG)
    return sorted((d.code, d.location.line, d.severity) for d in result.diagnostics if d.code != "GL003")


def damaged(tmp_path: Path, source: Path, junk: bytes, index: int) -> Path:
    """``source`` with the third character of the heading text of its ``index``-th heading replaced."""
    text = source.read_text(encoding="utf-8")
    heading = find_section_headings(text)[index]
    at = heading.start + 4
    path = tmp_path / f"{source.stem}-{index}.txt"
    path.write_bytes(text[:at].encode() + junk + text[at + 1 :].encode())
    return path


@pytest.mark.parametrize(("source", "junk"), [(SEED, "\ufffd".encode()), (REAL, b"\x00"), (REAL, b"\xff")])
def test_a_heading_with_an_unreadable_character_changes_no_finding(tmp_path: Path, source: Path, junk: bytes) -> None:
    expected = findings(source)
    count = len(find_section_headings(source.read_text(encoding="utf-8")))
    assert count >= 5
    for index in range(count):
        path = damaged(tmp_path, source, junk, index)
        assert findings(path) == expected, index
        if junk != "\ufffd".encode():  # the reader says what it replaced
            assert "GL003" in {d.code for d in govlint.lint_file(path, CONFIG).diagnostics}


def test_a_heading_too_damaged_to_tell_is_a_warning_about_the_reading(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "wrecked.txt"
    path.write_text(
        text.replace("\n五、存在的主要问题及改进情况", "\n五、" + "\ufffd" * 10 + "情况", 1), encoding="utf-8"
    )
    result = govlint.lint_file(path, Config(reference_date=dt.date(2026, 12, 7), lang="en"))
    (notice,) = [d for d in result.diagnostics if d.code == "GL101"]
    assert notice.unread and notice.severity is Severity.WARNING
    assert "无法读取的字符" in notice.message_zh and "“五、存在的主要问题及改进情况”" in notice.message_zh
    assert "could not be read" in notice.message_en and "missing" not in notice.message_en


def test_a_garbled_cell_of_a_table_read_does_not_hide_a_missing_section() -> None:
    """Section 五 removed whole: an error, however a cell or the header of table 四 (read) is garbled.  A
    garbled line where 五 stood, past the table's last row, may be its heading: a warning about the reading."""
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    five = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    six = next(i for i, line in enumerate(lines) if line.startswith("六、"))
    row = next(i for i in range(five - 1, 0, -1) if "\t0" in lines[i])  # the last row of table 四
    cut = lines[:five] + lines[six:]

    def gl101(text: str) -> tuple[Severity, bool]:
        (finding,) = [d for d in govlint.lint_text(text, CONFIG).diagnostics if d.code == "GL101"]
        return finding.severity, finding.unread

    assert gl101("".join(cut)) == (Severity.ERROR, False)
    in_cell = [*cut[:row], cut[row].replace("\t0", "\t\ufffd", 1), *cut[row + 1 :]]
    assert gl101("".join(in_cell)) == (Severity.ERROR, False)
    header = next(i for i in range(row, 0, -1) if cut[i].startswith("行政复议"))  # the first line of table 四
    in_header = [*cut[:header], cut[header].replace("\n", "\ufffd\n"), *cut[header + 1 :]]
    assert gl101("".join(in_header)) == (Severity.ERROR, False)
    in_place = [*cut[:five], "\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\n", *cut[five:]]
    assert gl101("".join(in_place)) == (Severity.WARNING, True)
