"""Hostile and careless folders of the fourth round (issue 16, measured again with other files): each case
here failed before its fix.  govlint's own output written into the folder being checked (``-o review.html``,
``-o 问题.txt``) was read on the next run as a report and drew false errors, and the same ``-o`` a second
time was refused as "one of the reports being checked" (exit 2)."""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hostile_files import document_xml, package, paragraph, run_govlint
from source_support import FIXTURES, SEEDS, write_pdf

from cpu_time import cpu_time
from govlint import cli
from govlint.api import parse_text
from govlint.config import Config
from govlint.crossreport.rules import MAX_OTHERS_NAMED
from govlint.errors import InputError
from govlint.rules.text import _quote, claims
from govlint.runner import Task
from govlint.runner.work import process_within
from govlint.sources import REPORT_EXTENSIONS, load, own_output, pdf, read_bytes
from govlint.sources.document import SourceKind

SEED = SEEDS[0].read_text("utf-8")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    return folder


def _checked(folder: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, dict[str, list[str]]]:
    """The exit code of ``check --format json`` over ``folder``, and the codes found in each file."""
    capsys.readouterr()
    status = cli.main(["check", "--format", "json", *options, str(folder)])
    found: dict[str, list[str]] = {}
    for diagnostic in json.loads(capsys.readouterr().out)["diagnostics"]:
        found.setdefault(Path(diagnostic["path"]).name, []).append(diagnostic["code"])
    return status, found


OUTPUTS = [
    ("html", "review.html", ["--format", "html"]),
    ("text", "问题.txt", ["--format", "text"]),
    ("text", "问题.md", ["--format", "concise"]),
    ("text", "统计.txt", ["--statistics"]),
    ("json", "out.txt", ["--format", "json"]),
    ("json", "统计.txt", ["--statistics", "--format", "json"]),
    ("sarif", "out.txt", ["--format", "sarif"]),
    ("github", "out.txt", ["--format", "github"]),
    ("csv", "out.txt", ["--format", "csv"]),
    ("baseline", "baseline.txt", ["--write-baseline"]),
]


@pytest.mark.parametrize("output", OUTPUTS, ids=[f"{o[0]}-{o[1]}" for o in OUTPUTS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_govlint_output_in_the_folder_is_skipped_as_its_own_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: tuple[str, str, list[str]], lang: str
) -> None:
    """Written by an earlier run (-o, --write-baseline or a redirected stdout) and met by the next run: one
    GL002 notice saying it is govlint's own output, and the exit code of the run without it."""
    kind, name, options = output
    folder = _folder(tmp_path)
    alone = _checked(folder, capsys)
    target = folder / name
    if options == ["--write-baseline"]:
        cli.main(["check", "--write-baseline", str(tmp_path / "b.json"), str(folder)])
        target.write_bytes((tmp_path / "b.json").read_bytes())
    else:
        cli.main(["check", "--lang", lang, *options, "-o", str(target), str(folder)])
    assert target.exists()
    status, found = _checked(folder, capsys, "--lang", lang)
    assert found.pop(name) == ["GL002"]
    if kind == "csv":  # and the findings' table written beside it
        assert found.pop("out.findings.txt") == ["GL002"]
    assert (status, found) == alone
    (outcome,) = process_within(Task(str(target), Config(lang=lang)), 60.0)
    (notice,) = outcome.result.diagnostics
    assert notice.key == "not-a-report.govlint-output"
    message = notice.message(lang)
    assert f"govlint's own {kind} output" in message if lang == "en" else f"govlint 自己写出的 {kind} 输出" in message


@pytest.mark.parametrize("arguments", [["parse"], ["parse", "--format", "text"]])
def test_the_output_of_govlint_parse_is_not_read_as_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    """``govlint parse a.txt > parsed.txt`` quotes the report's title, headings and tables."""
    folder = _folder(tmp_path)
    alone = _checked(folder, capsys)
    cli.main([*arguments, str(folder / "a.txt")])
    (folder / "parsed.txt").write_text(capsys.readouterr().out, encoding="utf-8")
    status, found = _checked(folder, capsys)
    assert found.pop("parsed.txt") == ["GL002"]
    assert (status, found) == alone


def test_the_runs_own_output_in_the_folder_is_never_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o review.html`` into the folder being checked, twice: the second run was refused (exit 2, "one of the
    reports being checked"); it now neither reads the page nor refuses, and the page it writes lists a.txt only."""
    folder = _folder(tmp_path)
    alone = _checked(folder, capsys)[0]
    page = folder / "review.html"
    for _ in range(2):
        assert cli.main(["check", "-q", "--format", "html", "-o", str(page), str(folder)]) == alone
        assert "a.txt" in page.read_text("utf-8")
        assert "review.html" not in page.read_text("utf-8")
    for options in (["--format", "json"], ["--format", "csv"], ["-j", "2"]):
        capsys.readouterr()
        assert cli.main(["check", "-q", *options, "-o", str(folder / "out.txt"), str(folder)]) == alone
        assert "out.txt" not in (folder / "out.txt").read_text("utf-8")
        assert "out.txt" not in capsys.readouterr().err


@pytest.mark.parametrize("named", [False, True])
def test_output_onto_a_report_being_checked_is_still_refused(tmp_path: Path, named: bool) -> None:
    """Only govlint's own output is replaced: a report in the folder, or any file named as a path, is not."""
    folder = _folder(tmp_path)
    report = folder / "a.txt"
    paths = [str(report), str(folder)] if named else [str(folder)]
    assert cli.main(["check", "-q", "-o", str(report), *paths]) == 2
    assert report.read_text("utf-8") == SEED
    page = folder / "review.html"
    cli.main(["check", "-q", "--format", "html", "-o", str(page), str(folder)])
    if named:
        before = page.read_bytes()
        assert cli.main(["check", "-q", "--format", "html", "-o", str(page), str(page), str(folder)]) == 2
        assert page.read_bytes() == before


def test_no_report_of_the_fixtures_is_taken_for_govlint_output() -> None:
    """The start of every real report govlint has (text, web pages, Word, PDF) is none of its outputs'."""
    files = [path for path in FIXTURES.rglob("*") if path.suffix.lower() in REPORT_EXTENSIONS]
    assert len(files) > 100
    assert [path for path in files if own_output(path.read_bytes()) is not None] == []


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ALT_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdAlt" Target="afchunk.html" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/></Relationships>'
)


@pytest.mark.parametrize("element", ["altChunk", "subDoc"])
@pytest.mark.parametrize("in_cell", [False, True])
def test_a_word_file_whose_report_is_an_imported_part_is_unread_not_accused(in_cell: bool, element: str) -> None:
    """html-docx-js and Word's "insert text from file" put the report in an altChunk part (HTML here): read
    around it, the three lines of the body drew GL101 for five missing sections, GL103, GL301, GL407."""
    lines = SEED.splitlines()
    chunk = f'<w:{element} xmlns:r="{_R}" r:id="rIdAlt"/>'
    if in_cell:
        chunk = f"<w:tbl><w:tr><w:tc>{paragraph('表')}{chunk}</w:tc></w:tr></w:tbl>"
    body = "".join(paragraph(line) for line in lines[:3]) + chunk
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines[3:]) + "</body></html>"
    data = package(
        {"word/document.xml": document_xml(body), "word/_rels/document.xml.rels": _ALT_RELS, "word/afchunk.html": page}
    )
    with pytest.raises(InputError) as error:
        load(data, name="imported.docx")
    assert error.value.kind == "imported-part"
    assert f"in another file ({element}" in error.value.message("en")
    assert f"在另一个文件中（{element}" in error.value.message("zh")


def test_nul_bytes_in_a_text_report_are_bad_bytes_not_a_binary_file() -> None:
    """A stray NUL, or the zeros a crashed copy leaves at the end, made the whole report "not a text file"
    (GL001): they are replaced and recorded like any undecodable byte (GL003), the rest is checked."""
    data = SEED.encode("utf-8")
    middle = data.index(b"\n", len(data) // 2) + 1
    holed = data[:middle] + b"\x00" + data[middle:] + b"\x00" * 100_000
    document = load(holed, name="nul.txt")
    assert document.replaced_bytes == (middle, len(data) + 1)
    assert document.text.replace("\ufffd", "").rstrip("\n") == SEED.rstrip("\n")
    for junk in (b"\x00" * 1000, b"ab\x00\x00\x00\x00\x00\x00cd\x00\x00\x00\x00"):
        with pytest.raises(InputError, match="not a text file"):
            load(junk, name="zeros.txt")


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF16_LE + SEED.encode("utf-8"), codecs.BOM_UTF8 + SEED.encode("utf-16-le")],
    ids=["utf16-bom-over-utf8", "utf8-bom-over-utf16"],
)
def test_a_byte_order_mark_of_another_encoding_is_not_believed(data: bytes) -> None:
    """UTF-8 text behind a UTF-16 BOM was read as UTF-16 mojibake and skipped as not a report (GL002); UTF-16
    behind a UTF-8 BOM was "not a text file" (GL001)."""
    assert load(data, name="bom.txt").text.rstrip("\n") == SEED.rstrip("\n")


def _beside(tmp_path: Path, name: str, content: bytes) -> Path:
    """A folder holding the seed and the configuration file ``name`` (found beside it, not trusted)."""
    folder = _folder(tmp_path)
    (folder / name).write_bytes(content)
    return folder


def test_a_broken_pyproject_found_beside_the_reports_is_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .govlint.toml that is not TOML was passed over with one line, but a pyproject.toml stopped the whole
    run (exit 2): discovery parsed it outside the guard."""
    folder = _beside(tmp_path, "pyproject.toml", b"[tool.govlint]\nlang = \n")
    assert cli.main(["check", "-q", "--lang", "en", str(folder)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "pyproject.toml: configuration ignored" in error


def test_a_huge_sparse_pyproject_is_not_read_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Whether a pyproject.toml names govlint was asked of all its bytes: 6 GB of holes was a MemoryError
    (an internal error) under a 4 GB limit, or 6 GB of memory without one."""
    folder = _beside(tmp_path, "pyproject.toml", b"[tool.govlint]\n")
    os.truncate(folder / "pyproject.toml", 6 << 30)
    status = run_govlint("check", "-q", "--lang", "en", str(folder))
    assert status.returncode == 1, status.stderr
    assert "pyproject.toml: configuration ignored" in status.stderr and "too large" in status.stderr


def test_a_configuration_saved_with_a_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Notepad saves UTF-8 with a byte-order mark; tomllib refused it ("Invalid statement at line 1")."""
    for name, content in ((".govlint.toml", 'lang = "en"\n'), ("pyproject.toml", '[tool.govlint]\nlang = "en"\n')):
        given = tmp_path / name
        given.write_bytes(codecs.BOM_UTF8 + content.encode())
        assert Config.from_file(given).lang == "en"


@pytest.mark.parametrize(
    "setting",
    [
        "[per-file-ignores]\n" + "".join(f'"f{i}*.txt" = ["GL105"]\n' for i in range(1001)),
        "ignore = [" + ",".join(['"GL105"'] * 1001) + "]\n",
    ],
    ids=["per-file-ignores", "ignore"],
)
def test_a_configuration_with_thousands_of_entries_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    """Each glob of per-file-ignores was matched against every file: 200,000 of them took 35 s a file, so a
    configuration beside the reports could time out every report of the run."""
    folder = _beside(tmp_path, ".govlint.toml", setting.encode())
    assert cli.main(["check", "-q", "--lang", "en", str(folder)]) == 1
    assert "1,001 entries, at most 1,000" in capsys.readouterr().err
    assert cli.main(["check", "-q", "--lang", "en", "--config", str(folder / ".govlint.toml"), str(folder)]) == 2


def test_the_language_of_a_folders_configuration_applies_to_a_check_of_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``govlint check .`` in a folder whose .govlint.toml says lang = "en" spoke Chinese (the configuration
    of the folder's parent was asked), while ``govlint check a.txt`` there spoke English."""
    folder = _beside(tmp_path, ".govlint.toml", b'lang = "en"\n')
    monkeypatch.chdir(folder)
    for path in (".", "a.txt", str(folder)):
        cli.main(["check", "--format", "concise", path])
        assert capsys.readouterr().out.splitlines()[-1].startswith("Found 5 problems"), path


def _baseline(tmp_path: Path, findings: object, prefix: bytes = b"") -> Path:
    path = tmp_path / "baseline.json"
    path.write_bytes(prefix + json.dumps({"govlint_baseline": 1, "findings": findings}).encode())
    return path


def test_a_baseline_saved_with_a_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A baseline is edited by hand (its stale entries are to be removed); Notepad's BOM made it "invalid JSON"."""
    folder = _folder(tmp_path)
    cli.main(["check", "-q", "--write-baseline", str(tmp_path / "b.json"), str(folder)])
    written = json.loads((tmp_path / "b.json").read_text("utf-8"))["findings"]
    baseline = _baseline(tmp_path, written, codecs.BOM_UTF8)
    assert cli.main(["check", "-q", "--baseline", str(baseline), str(folder)]) == 0


def test_a_bad_baseline_entry_is_one_short_line_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The error quoted the whole entry (a megabyte on the terminal) and spoke English only."""
    folder = _folder(tmp_path)
    baseline = _baseline(tmp_path, [{"key": 1, "message": "x" * 1_000_000}])
    for lang, words in (("zh", "缺少 key"), ("en", "has no key")):
        assert cli.main(["check", "-q", "--lang", lang, "--baseline", str(baseline), str(folder)]) == 2
        error = capsys.readouterr().err
        assert words in error and len(error) < 500 and error.count("\n") == 1


def test_stale_baseline_entries_are_listed_escaped_and_clipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """250,000 stale entries printed 17 MB on stderr; an entry's key went to the terminal raw."""
    folder = _folder(tmp_path)
    cli.main(["check", "-q", "--write-baseline", str(tmp_path / "b.json"), str(folder)])
    (entry, *_) = json.loads((tmp_path / "b.json").read_text("utf-8"))["findings"]
    stale = [{**entry, "key": f"{i:024x}"} for i in range(5000)] + [{**entry, "key": "\x1b]0;pwned\x07"}]
    baseline = _baseline(tmp_path, stale)
    cli.main(["check", "-q", "--lang", "en", "--baseline", str(baseline), str(folder)])
    error = capsys.readouterr().err
    assert "\x1b" not in error and "\x07" not in error
    assert error.count("\n") < 110 and "… and 4901 more" in error


def _glyph_line(text: str, x: float, y: float, size: float = 10) -> bytes:
    return b"BT /F1 %.2f Tf %.2f %.2f Td <%s> Tj ET\n" % (size, x, y, text.encode("utf-16-be").hex().encode())


@pytest.mark.parametrize(
    ("pages", "words"),
    [
        # one text object per character, side by side (PDFium lays them out in quadratic time)
        (
            [
                b"".join(
                    _glyph_line(chr(0x4E00 + i % 2000), 40 + (i % 50) * 5, 800 - i // 50 % 40 * 18)
                    for i in range(pdf.MAX_PAGE_TEXT_OBJECTS + 1)
                )
            ],
            "over 20,000 text objects",
        ),
        # pages of more characters than a report page has (each costs time here)
        (
            [
                b"".join(
                    _glyph_line(
                        "".join(chr(0x4E00 + (line * 100 + i) % 3000) for i in range(100)), 10, 835 - line * 8, 5
                    )
                    for line in range(pdf.MAX_PAGE_CHARS // 100 + 1)
                )
            ]
            * 3,
            "characters (limit 10,000)",
        ),
    ],
    ids=["text-objects", "characters"],
)
def test_a_pdf_page_denser_than_any_report_is_one_line_at_once(pages: list[bytes], words: str) -> None:
    """100,000 text objects on one page (a 42 KB file) and 500 pages of 20,000 characters each ran into the
    60 s time limit; a page over the caps is refused before PDFium or the reader lay it out."""
    pytest.importorskip("pypdfium2")
    with cpu_time() as spent, pytest.raises(InputError) as error:
        load(write_pdf(pages), name="dense.pdf")
    assert error.value.kind == "too-complex"
    assert words in error.value.message("en") and "page 1" in error.value.message("en")
    assert spent.seconds < 5


@pytest.mark.parametrize(
    ("source", "option"),
    [(source, "-o") for source in ("--config", "--baseline", "--roster")]
    + [("--config", "--write-baseline"), ("--roster", "--write-baseline")],  # --baseline cannot go with it
)
def test_output_onto_a_file_the_run_reads_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, option: str
) -> None:
    """``--config cfg.toml -o cfg.toml`` replaced the configuration with the findings, and ``--baseline b.json
    -o b.json`` the baseline: a usage error now, the file untouched."""
    folder = _folder(tmp_path)
    given = tmp_path / "given"
    if source == "--config":
        given.write_text('lang = "en"\n', encoding="utf-8")
    elif source == "--roster":
        given.write_text("单位\n洪山镇人民政府\n", encoding="utf-8")
    else:
        cli.main(["check", "-q", "--write-baseline", str(given), str(folder)])
    before = given.read_bytes()
    capsys.readouterr()
    assert cli.main(["check", "-q", "--lang", "en", source, str(given), option, str(given), str(folder)]) == 2
    assert f"is a file this run reads ({source})" in capsys.readouterr().err
    assert given.read_bytes() == before


def test_govlint_workbook_named_on_the_command_line_is_its_own_output(tmp_path: Path) -> None:
    """``govlint check 问题.xlsx`` (its own workbook) was GL001 "a zip or Word file; use the .docx extension";
    any other workbook is named as one."""
    pytest.importorskip("openpyxl")
    folder = _folder(tmp_path)
    ours = tmp_path / "ours.xlsx"
    cli.main(["check", "-q", "--format", "xlsx", "-o", str(ours), str(folder)])
    (outcome,) = process_within(Task(str(ours), Config()), 60.0)
    assert [(d.code, d.key) for d in outcome.result.diagnostics] == [("GL002", "not-a-report.govlint-output")]
    import openpyxl

    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(InputError, match="this is an Excel workbook, not a report"):
        load(other)


def test_a_baseline_of_a_file_whose_name_is_not_utf8_is_written_and_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--write-baseline`` over a file named with bytes that are not UTF-8 was an internal error
    (UnicodeEncodeError): every other output wrote such a name as ``\\udcXX``, the baseline did not."""
    folder = _folder(tmp_path)
    os.rename(folder / "a.txt", os.path.join(os.fsencode(folder), b"\xff\xfe bad \x80.txt"))
    baseline = tmp_path / "b.json"
    assert cli.main(["check", "-q", "--write-baseline", str(baseline), str(folder)]) == 0
    assert "\\udcff" in baseline.read_text("utf-8")
    assert cli.main(["check", "-q", "--baseline", str(baseline), str(folder)]) == 0


@pytest.mark.parametrize(
    ("target", "zh"), [("/nonexistent-folder/x.json", "文件或文件夹不存在"), ("", "这是一个文件夹")]
)
def test_an_output_that_cannot_be_written_is_said_in_chinese_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, zh: str
) -> None:
    """ "无法写出输出（No such file or directory）": the system's English inside a Chinese line."""
    folder = _folder(tmp_path)
    target = target or str(tmp_path)  # a folder
    assert cli.main(["check", "-q", "-o", target, str(folder)]) == 2
    error = capsys.readouterr().err
    assert f"无法写出输出（{zh}）" in error and not re.search(
        "[A-Za-z]{3,}", error.replace(target, "").replace("govlint", "")
    )


def test_many_copies_of_one_report_do_not_make_quadratic_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each copy's GL506 named every other copy: 1,000 copies printed 15 MB, 10,000 would hold gigabytes of
    messages.  Each names ten now, and how many more."""
    folder = _folder(tmp_path)
    for i in range(MAX_OTHERS_NAMED + 2):
        (folder / f"copy{i:02d}.txt").write_text(SEED, encoding="utf-8")
    cli.main(["check", "--lang", "en", "--select", "GL506", "--format", "concise", str(folder)])
    lines = [line for line in capsys.readouterr().out.splitlines() if "GL506" in line]
    assert len(lines) == MAX_OTHERS_NAMED + 3
    for line in lines:
        assert line.count(".txt") == 1 + MAX_OTHERS_NAMED and line.endswith("and 2 more")


def test_a_claim_in_a_sentence_of_megabytes_quotes_it_without_reading_it_all() -> None:
    """A line of megabytes without a full stop is one sentence; each of its thousands of claims (GL601) joined
    the whole sentence to quote 80 characters of it: quadratic, 5.8 MB ran into the 60 s time limit."""
    read: list[int] = []

    class Recording(str):
        def __getitem__(self, key: Any) -> str:
            read.append(len(range(*key.indices(len(self)))))
            return str.__getitem__(self, key)

    sentence = "本年度收到申请12件，答复 \n 12件，同比增长50%" * 100_000
    quote = _quote(cast(Any, SimpleNamespace(text=Recording(sentence))), 0, len(sentence))
    assert quote == "".join(sentence[:200].replace(" \n ", "").split())[:78] + "…"
    assert max(read) < 10_000


def test_thousands_of_counts_in_one_clause_are_read_in_linear_time() -> None:
    """Each count of a clause asked the whole clause again which words it holds, and kept the counts taken in
    a list: 12,000 "行政复议3件" on one line took 15.8 s (3,000: 1.15 s), now about 1 s.  Generous bound."""
    lines = SEED.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    text = "\n".join([*lines[: first + 1], "行政复议3件" * 12_000, *lines[first + 1 :]])
    report = parse_text(text, name="counts.txt")
    with cpu_time() as spent:
        found = claims(report)
    assert spent.seconds < 5
    assert len(found) == 12_000 and {claim.kind for claim in found} == {"review"}


def test_output_to_a_dash_is_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-o -`` wrote a file named "-" into the working directory."""
    folder = _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    cli.main(["check", "-q", "--format", "json", "-o", "-", str(folder)])
    assert json.loads(capsys.readouterr().out)["tool"] == "govlint"
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0b", "\x85"], ids=["LS", "PS", "VT", "NEL"])
def test_other_line_breaks_break_lines(separator: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Text from a web page or copied from Word may break its lines with U+2028 or a vertical tab: it was read
    as one line (every finding on line 1, four table rows unread); NEL made it "not a text file"."""
    folder = _folder(tmp_path)
    (folder / "other.txt").write_text(SEED.replace("\n", separator), encoding="utf-8")
    capsys.readouterr()
    cli.main(["check", "--format", "json", str(folder)])
    found: dict[str, list[tuple[str, int]]] = {}
    for d in json.loads(capsys.readouterr().out)["diagnostics"]:
        found.setdefault(Path(d["path"]).name, []).append((d["code"], d["line"]))
    assert found["other.txt"] == found["a.txt"]


@pytest.mark.parametrize(
    ("part", "what"),
    [("OFD.xml", "this is an OFD file"), ("xl/workbook.xml", "Excel workbook"), ("ppt/presentation.xml", "PowerPoint")],
)
@pytest.mark.parametrize("kind", ["text", "docx"])
def test_a_zip_that_is_no_word_file_says_what_it_is(part: str, what: str, kind: SourceKind) -> None:
    """An OFD file (China's fixed-layout format) or a workbook was "a zip or Word file; use the .docx
    extension", or named .docx "word/document.xml is missing"."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(part, "<x/>")
    with pytest.raises(InputError, match=what):
        read_bytes(buffer.getvalue(), kind, f"report.{kind}")


@pytest.mark.parametrize("setting", ["lang = \n", 'plugins = ["x"]\n'], ids=["broken", "plugins"])
def test_a_configuration_note_names_its_folder_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    """A folder named with ESC and BEL holding a .govlint.toml: the note "configuration ignored" or "plugins
    not loaded" printed its path raw, and the terminal obeyed it."""
    folder = tmp_path / "a\x1b]0;pwned\x07b"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    (folder / ".govlint.toml").write_text(setting, encoding="utf-8")
    cli.main(["check", "-q", str(tmp_path)])
    error = capsys.readouterr().err
    assert ".govlint.toml" in error and "\\x1b]0;pwned\\x07b" in error
    assert "\x1b" not in error and "\x07" not in error


def test_govlint_parse_passes_over_its_own_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``govlint parse`` of a folder holding a review page exited 2 as for a file it could not read."""
    folder = _folder(tmp_path)
    cli.main(["check", "-q", "--format", "html", "-o", str(folder / "review.html"), str(folder)])
    capsys.readouterr()
    assert cli.main(["parse", "--lang", "en", str(folder)]) == 0
    assert "review.html: govlint's own html output" in capsys.readouterr().err
