"""The spreadsheet formats: csv (UTF-8 with a BOM, reports and x.findings.csv) and xlsx (sheets 报告, 问题).

Each table is read back with the csv module or openpyxl, and compared with the JSON output of the same
run: every report has its row, every finding its row, and the scores agree.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from govlint import cli
from govlint.output import xlsx
from govlint.output.tabular import FINDING_HEADERS, REPORT_HEADERS, findings_path, safe

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan"
#: One body's reports for 2019-2025 (cross-report findings GL502-GL504 among them) and two others.
FILES = [*sorted(CORPUS.glob("00*.txt")), CORPUS / "010_approval_2021.txt"]
#: A report with error-level findings (section 六 missing), so that a check of it exits 1.
DEFECTIVE = CORPUS / "003_finance_2021.txt"


def check(args: list[str], monkeypatch: pytest.MonkeyPatch, *, tty: bool = False) -> tuple[int, bytes, str]:
    """Run ``govlint check`` in process; stdout's bytes and stderr's text."""
    raw = io.BytesIO()

    class Out(io.TextIOWrapper):
        def isatty(self) -> bool:
            return tty

    out, err = Out(raw, encoding="utf-8"), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(["check", "--isolated", *args])
    out.flush()
    return code, raw.getvalue(), err.getvalue()


def run_json(paths: list[str], monkeypatch: pytest.MonkeyPatch, *extra: str) -> dict[str, Any]:
    code, out, err = check(["--format", "json", "-j", "1", *extra, *paths], monkeypatch)
    assert code in (1, 2), err
    data: dict[str, Any] = json.loads(out)
    return data


def finding_keys(rows: list[dict[str, Any]], lang: str = "zh") -> Counter[tuple[Any, ...]]:
    h = FINDING_HEADERS[lang]
    return Counter((r[h[0]], r[h[3]], int(r[h[7]]), r[h[17]]) for r in rows)


def json_keys(data: dict[str, Any]) -> Counter[tuple[Any, ...]]:
    return Counter((d["path"], d["code"], d["line"], d["fingerprint"]) for d in data["diagnostics"])


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def sheet_rows(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The corpus slice and a file that cannot be read."""
    for f in FILES:
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
    return tmp_path


def test_csv_has_a_row_per_report_and_every_finding_beside_it(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "review.csv"
    target.parent.mkdir()
    code, out, _ = check(["--format", "csv", "-j", "1", "-o", str(target), str(folder)], monkeypatch)
    assert (code, out) == (2, b"")  # 2: a file could not be read; the output went to the file
    data = run_json([str(folder)], monkeypatch)
    reports = read_csv(target)
    h = REPORT_HEADERS["zh"]
    assert [r[h[2]] for r in reports] == [r["path"] for r in data["reports"]]
    for row, report in zip(reports, data["reports"], strict=True):
        score = report["score"]
        assert row[h[0]] == (report["body"] or "")
        assert row[h[3]] == ("" if score["value"] is None else str(score["value"]))
        assert row[h[4]] == ("" if score["previous"] is None else str(score["previous"]))
        assert (row[h[6]], row[h[7]], row[h[8]]) == tuple(str(score["counts"][s]) for s in ("error", "warning", "info"))
        assert row[h[9]] == str(score["unread"])
        assert row[h[11]] == ("" if score["corrected_cases"] is None else str(score["corrected_cases"]))
        deducted = {c: str(x["points"]) for c, x in score["deductions"].items()}
        assert {c: v for c, v in row.items() if c.startswith("GL") and v} == deducted
    broken = next(r for r in reports if r[h[2]].endswith("broken.pdf"))
    assert broken[h[3]] == "" and broken[h[10]].startswith("无法读取此文件")
    findings = read_csv(Path(findings_path(str(target))))
    assert Path(findings_path(str(target))).name == "review.findings.csv"
    assert finding_keys(findings) == json_keys(data)
    cross = [r for r in findings if r["代码"].startswith("GL50")]
    assert cross, "the slice should have cross-report findings"
    identity = {r[h[2]]: (r[h[0]], r[h[1]]) for r in reports}
    assert all(r["单位"] and (r["单位"], r["年度"]) == identity[r["文件"]] for r in cross)


def test_xlsx_has_the_sheets_of_reports_and_findings_in_chinese_and_english(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for lang, names in (("zh", ["报告", "问题"]), ("en", ["reports", "findings"])):
        target = tmp_path / f"review-{lang}.xlsx"
        code, _, err = check(["--format", "xlsx", "--lang", lang, "-o", str(target), str(folder)], monkeypatch)
        assert code == 2, err
        book = openpyxl.load_workbook(target)
        assert book.sheetnames == names
        data = run_json([str(folder)], monkeypatch, "--lang", lang)
        reports = sheet_rows(book[names[0]])
        h = REPORT_HEADERS[lang]
        assert [r[h[2]] for r in reports] == [r["path"] for r in data["reports"]]
        assert [r[h[3]] for r in reports] == [r["score"]["value"] for r in data["reports"]]
        assert [r[h[4]] for r in reports] == [r["score"]["previous"] for r in data["reports"]]
        findings = sheet_rows(book[names[1]])
        assert finding_keys(findings, lang) == json_keys(data)
        messages = Counter(r[FINDING_HEADERS[lang][6]] for r in findings)
        assert messages == Counter(d["message"] for d in data["diagnostics"])
        # what could not be read has a level of its own, never a severity's, and follows its file's problems
        level, unread = FINDING_HEADERS[lang][4], {"zh": "未能读取", "en": "unread"}[lang]
        marked = json_keys({"diagnostics": [d for d in data["diagnostics"] if d["unread"]]})
        assert marked and finding_keys([r for r in findings if r[level] == unread], lang) == marked
        for path in {r[FINDING_HEADERS[lang][0]] for r in findings}:
            levels = [r[level] for r in findings if r[FINDING_HEADERS[lang][0]] == path]
            assert levels == sorted(levels, key=lambda x: x == unread), "a file's unread places after its problems"


def test_a_long_findings_sheet_keeps_its_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook is written as the run goes (write-only): past the rows that set the columns' widths, the
    findings sheet still has its bold, frozen header, a filter over every row, and every finding."""
    monkeypatch.setattr(xlsx, "MEASURED", 5)  # the corpus slice has a few dozen findings
    target = tmp_path / "review.xlsx"
    check(["--format", "xlsx", "-j", "1", "-o", str(target), *map(str, FILES)], monkeypatch)
    data = run_json(list(map(str, FILES)), monkeypatch)
    assert len(data["diagnostics"]) > 2 * xlsx.MEASURED
    book = openpyxl.load_workbook(target)
    assert book.properties.creator == "govlint"
    for sheet, rows in ((book["报告"], len(data["reports"])), (book["问题"], len(data["diagnostics"]))):
        assert sheet.freeze_panes == "A2" and sheet.max_row == rows + 1
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{rows + 1}"
        assert all(cell.font.b for cell in sheet[1]) and not any(cell.font.b for cell in sheet[2])
        assert all(6 <= sheet.column_dimensions[c.column_letter].width <= 60 for c in sheet[1])
    assert finding_keys(sheet_rows(book["问题"])) == json_keys(data)


def test_text_never_becomes_a_formula(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    names = ["=1+1.txt", "+SUM(A1).txt", "@A1.txt", "\u202egnp.txt"]
    for name in names:
        shutil.copy(FILES[0], tmp_path / name)
    check(["--format", "xlsx", "-o", "r.xlsx", *names], monkeypatch)
    check(["--format", "csv", "-o", "r.csv", *names], monkeypatch)
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["报告"]
    cells = [row[2] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == ["'=1+1.txt", "'+SUM(A1).txt", "'@A1.txt", "\\u202egnp.txt"]
    assert {c.data_type for c in cells} == {"s"}
    assert [r["文件"] for r in read_csv(tmp_path / "r.csv")] == [c.value for c in cells]
    assert [safe(v) for v in ("-1+2", "\tx", 3, -2.5, None, "平潭")] == ["'-1+2", "\\tx", 3, -2.5, None, "平潭"]


def test_csv_without_o_prints_the_reports_table(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = check(["--format", "csv", str(DEFECTIVE)], monkeypatch)
    assert code == 1
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"))))
    assert out.startswith(b"\xef\xbb\xbf")
    assert rows[0][:4] == ["单位", "年度", "文件", "得分"]
    assert [r[2] for r in rows[1:]] == [str(DEFECTIVE)]


def test_xlsx_is_refused_on_a_terminal_and_written_to_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = check(["--format", "xlsx", str(DEFECTIVE)], monkeypatch, tty=True)
    assert (code, out) == (2, b"")
    assert "请用 -o 文件名.xlsx 指定输出文件" in err
    code, out, err = check(["--format", "xlsx", "--lang", "en", str(DEFECTIVE)], monkeypatch, tty=True)
    assert "give -o FILE.xlsx" in err
    code, out, _ = check(["--format", "xlsx", str(DEFECTIVE)], monkeypatch)
    assert code == 1
    assert openpyxl.load_workbook(io.BytesIO(out)).sheetnames == ["报告", "问题"]


def test_the_findings_file_may_not_be_a_report_being_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "x.findings.csv"
    shutil.copy(FILES[0], report)
    code, _, err = check(["--format", "csv", "--lang", "en", "-o", str(tmp_path / "x.csv"), str(report)], monkeypatch)
    assert code == 2
    assert "is one of the reports being checked" in err
    assert report.read_bytes() == FILES[0].read_bytes()


def test_the_tables_are_the_same_with_one_worker_or_two(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = []
    for jobs in ("1", "2"):
        target, book = tmp_path / f"j{jobs}.csv", tmp_path / f"j{jobs}.xlsx"
        check(["--format", "csv", "-j", jobs, "-o", str(target), str(folder)], monkeypatch)
        check(["--format", "xlsx", "-j", jobs, "-o", str(book), str(folder)], monkeypatch)
        sheets = [list(sheet.iter_rows(values_only=True)) for sheet in openpyxl.load_workbook(book)]
        outputs.append((target.read_bytes(), Path(findings_path(str(target))).read_bytes(), sheets))
    assert outputs[0] == outputs[1]
