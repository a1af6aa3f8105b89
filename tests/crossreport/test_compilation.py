"""Compilations (汇编): one file holding several bodies' reports is split into its reports, each with its
own identity and findings, at the file's own lines and pages.

The fixtures (``tests/fixtures/compilation``, rebuilt by its ``build.py``) hold three crawled pingtan
reports of 2023 under a cover and a table of contents, as text, as a web page and as that page printed to
PDF by headless Chromium.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import govlint
from govlint.api import read_reports, shown_names
from govlint.cli import main
from govlint.config import Config
from govlint.crossreport import load_history
from govlint.errors import InputError
from govlint.linter import lint_report
from govlint.parsing import parse_document
from govlint.sources import compilation, load_file, load_text
from govlint.sources.compilation import split

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "compilation"
PINGTAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "pingtan"
BODIES = ["平潭综合实验区财政金融局", "平潭综合实验区市场监督管理局", "平潭综合实验区农业农村局"]
STANDALONE = ["005_finance_2023.txt", "019_market_2023.txt", "048_agri_2023.txt"]
KINDS = ["pingtan_2023.txt", "pingtan_2023.html", "pingtan_2023.pdf"]


@pytest.mark.parametrize("name", KINDS)
def test_a_compilation_is_split_into_its_reports_each_with_its_identity(name: str) -> None:
    document = load_file(str(HERE / name))
    reports = [parse_document(part) for part in split(document)]
    assert [(r.agency, r.report_year) for r in reports] == [(body, 2023) for body in BODIES]
    lines = document.text.split("\n")
    for part in split(document):
        *whole, last = part.text.split("\n")  # each line at the file's own line number
        assert whole == lines[part.line - 1 : part.line - 1 + len(whole)]
        assert lines[part.line - 1 + len(whole)].startswith(last)


def test_the_cover_and_contents_belong_to_no_report() -> None:
    first = split(load_file(str(HERE / "pingtan_2023.txt")))[0]
    assert first.line == 8 and first.text.startswith(BODIES[0] + "2023年度政府信息公开工作年度报告\n")


def test_positions_in_a_pdf_are_its_pages() -> None:
    document = load_file(str(HERE / "pingtan_2023.pdf"))
    pages = []
    for part in split(document):
        report = parse_document(part)
        assert report.title_span is not None and report.title_span.origin is not None
        pages.append(report.title_span.origin.page)
        assert report.title_span.origin == document.origin_at(document.text.rindex(report.title or "?"))
    assert pages == sorted(pages) and len(set(pages)) == 3


@pytest.mark.parametrize("name", ["pingtan_2023.txt", "pingtan_2023.html"])
def test_each_report_has_the_table_findings_of_its_own_file(name: str) -> None:
    """Split, a report's tables are read as in its own crawled file: no table repeats into another's."""
    config = Config(select=("GL1", "GL2"))
    for part, standalone in zip(split(load_file(str(HERE / name))), STANDALONE, strict=True):
        found = {(d.code, d.key) for d in lint_report(parse_document(part), config).diagnostics}
        alone = lint_report(govlint.parse_file(str(PINGTAN / standalone)), config).diagnostics
        assert found == {(d.code, d.key) for d in alone}


def test_a_single_report_is_not_split() -> None:
    """One report whose title is printed twice, and again as a running header before more text, stays one;
    a crawled report (title in its metadata) is its own document."""
    title = "平潭综合实验区财政金融局2023年度政府信息公开工作年度报告"
    text = f"{title}\n{title}\n一、总体情况\n本年度……\n{title}\n二、主动公开政府信息情况\n一、总体情况（续）\n"
    document = load_text(text, name="one.txt")
    assert split(document) == (document,)
    crawled = load_file(str(PINGTAN / STANDALONE[0]))
    assert split(crawled) == (crawled,)


def test_check_reports_each_part_under_the_file_with_its_number(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(HERE / "pingtan_2023.txt")
    main(["check", "--isolated", "--reference-date", "2026-06-01", "--format", "json", path])
    out = json.loads(capsys.readouterr().out)
    assert [(r["path"], r["body"], r["year"]) for r in out["reports"]] == [
        (f"{path}#{n}", body, 2023) for n, body in enumerate(BODIES, start=1)
    ]
    parts = split(load_file(path))
    firsts = [part.line for part in parts]  # each title's line
    lasts = [*(first - 1 for first in firsts[1:]), len(load_file(path).text.split("\n"))]
    for finding in out["diagnostics"]:
        number = int(finding["path"].rpartition("#")[2])
        assert firsts[number - 1] <= finding["line"] <= lasts[number - 1], "in its own report's lines"


def test_a_compilation_checks_the_same_with_one_or_two_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = []
    for jobs in ("1", "2"):
        main(["check", "--isolated", "--reference-date", "2026-06-01", "-j", jobs, str(HERE)])
        printed.append(capsys.readouterr().out)
    assert printed[0] == printed[1]
    assert "pingtan_2023.pdf#3" in printed[0]


def test_parse_writes_one_json_line_per_report_of_a_compilation(capsys: pytest.CaptureFixture[str]) -> None:
    """``govlint parse`` splits a compilation as ``check`` does: one JSON line per report, named as ``check``
    names it, each with its own body; the text form shows each report after the one before."""
    path = HERE / "pingtan_2023.txt"
    assert main(["parse", "--format", "json", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    reports = [json.loads(line) for line in lines]
    assert [(r["path"], r["agency"], r["report_year"]) for r in reports] == [
        (f"{path}#{n}", body, 2023) for n, body in enumerate(BODIES, start=1)
    ]
    assert main(["parse", str(path)]) == 0
    text = capsys.readouterr().out
    assert [text.index(body) for body in BODIES] == sorted(text.index(body) for body in BODIES)
    assert all(f"{path}#{n}" in text for n in (1, 2, 3))


@pytest.mark.parametrize("name", KINDS)
def test_parse_and_check_read_a_file_through_one_function(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``parse`` and ``check`` read a file through :func:`govlint.api.read_reports` (#15 §5: one path): the same
    reports under the same names, from the file or from its bytes on standard input; each part keeps the
    file's name, by which the configuration applies."""
    path = str(HERE / name)
    reports = read_reports(path)
    assert {r.path for r in reports} == {path}
    assert shown_names(reports) == tuple(f"{path}#{n}" for n in (1, 2, 3))
    piped = read_reports("-", data=(HERE / name).read_bytes(), name="汇编")
    assert shown_names(piped) == ("汇编#1", "汇编#2", "汇编#3")
    assert [(r.agency, r.text) for r in piped] == [(r.agency, r.text) for r in reports]
    assert main(["parse", "--format", "json", path]) == 0
    parsed = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    main(["check", "--isolated", "--format", "json", path])
    assert parsed == [r["path"] for r in json.loads(capsys.readouterr().out)["reports"]] == list(shown_names(reports))


@pytest.mark.parametrize("jobs", [1, 2])
def test_history_reads_a_compilation_as_its_references(tmp_path: Path, jobs: int) -> None:
    """History files go through the runner too (a PDF in a worker): a compilation gives one reference per
    report, and a file that cannot be read is passed over."""
    shutil.copy(HERE / "pingtan_2023.pdf", tmp_path / "pingtan_2023.pdf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n not a pdf")
    found = load_history([str(tmp_path)], Config(), jobs=jobs)
    assert [(d.path, d.identity.body if d.identity else None, d.reference) for d in found] == [
        (f"{tmp_path / 'pingtan_2023.pdf'}#{n}", body, True) for n, body in enumerate(BODIES, start=1)
    ]


def test_many_reports_split_in_linear_time() -> None:
    """A file of thousands of tiny reports is split, each at its own line, each report's text its own: until
    issue #16 each began with an empty line for every line of the file before it (quadratic), and a file
    of 20,000 was read whole."""
    block = "{i}局2023年政府信息公开工作年度报告\n一、总体情况\n本年度无。\n"
    text = "".join(block.format(i=i) for i in range(20000))
    parts = split(load_text(text, name="many.txt"))
    assert len(parts) == 20000
    assert parts[-1].line == 3 * 19999 + 1 and parts[-1].text == block.format(i=19999)
    assert sum(len(part.text) for part in parts) == len(text)
    report = parse_document(parts[-1])
    assert report.title_span is not None and report.title_span.line == parts[-1].line


def test_check_parse_and_the_library_refuse_a_file_of_too_many_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One file of more than ``MAX_REPORTS`` reports is refused with one line by every reader: only ``check``
    refused it, and ``govlint parse`` kept thousands of reports' trees (#16 §2)."""
    monkeypatch.setattr(compilation, "MAX_REPORTS", 2)
    path = str(HERE / "pingtan_2023.txt")  # three reports
    with pytest.raises(InputError, match="limit 2"):
        read_reports(path)
    assert main(["parse", "--lang", "en", path]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "too many reports in one file (3; limit 2)" in err
    assert main(["check", "--isolated", "--lang", "en", "-q", path]) == 2
    assert "too many reports in one file (3; limit 2)" in capsys.readouterr().out
    monkeypatch.setattr(compilation, "MAX_REPORTS", 3)
    assert len(read_reports(path)) == 3
