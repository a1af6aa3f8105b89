"""GL109 and GL110: the parse's deviations (a row out of order or printed again, a table outside its section)
reported with their positions, and the converters' reading artefacts kept out."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.config import Config
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import InputError
from govlint.rules.structure import RowOrder
from govlint.sources.discover import iter_report_paths

from .builder import SEED_003, diagnostics

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_001 = FIXTURES / "seeds" / "001_45823a3c8b7753e5.txt"
#: Seed 003 with 2.其他法律行政法规禁止公开 printed before 1.属于国家秘密 (row_order) and with (一)予以公开 printed
#: again after (二)部分公开 (row_repeated), as tab text and as a Word document made from it (python-docx,
#: tests/sources/source_support.write_docx): the report's own deviations, in layouts that print rows in order.
DEVIATIONS = FIXTURES / "deviations"
ORDER_ZH = "“(三)1.属于国家秘密”印在“(三)2.其他法律行政法规禁止公开”之后"
REPEAT_ZH = "“(一)予以公开”再次印出"
#: The fixture folders whose files are reports (the roundtrip cases one by one: each is a report through every
#: converter) and the shared reports govlint is measured on.
ROUNDTRIP = sorted(path for path in (FIXTURES / "roundtrip").iterdir() if path.is_dir())
OTHERS = sorted(path for path in FIXTURES.iterdir() if path.is_dir() and path.name not in ("roundtrip", "deviations"))


def _lines() -> list[str]:
    return SEED_003.read_text(encoding="utf-8").split("\n")


def _found(text: str, code: str) -> list[Diagnostic]:
    return [d for d in govlint.lint_text(text, name="seed003.txt").diagnostics if d.code == code]


def _at(lines: list[str], start: str) -> int:
    return next(n for n, line in enumerate(lines) if line.lstrip().startswith(start))


def test_gl109_a_row_after_the_row_the_format_puts_after_it() -> None:
    lines = _lines()
    first, second = _at(lines, "(三) 不予公开"), _at(lines, "2.其他法律")
    # 2. printed before 1. (the group label stays on the first line, as the table prints it)
    lines[first], lines[second] = "\t(三) 不予公开\t" + lines[second].strip(), "\t\t" + lines[first].split("\t")[2]
    lines[second] += "\t0\t0\t0\t0\t0\t0\t0"
    [found] = _found("\n".join(lines), "GL109")
    assert found.severity is Severity.INFO and not found.unread
    assert found.location.line == second + 1
    assert "“(三)1.属于国家秘密”印在“(三)2.其他法律行政法规禁止公开”之后" in found.message_zh
    assert "标准格式中该行在“(三)2.其他法律行政法规禁止公开”之前" in found.message_zh
    assert found.key == "applications.denied.state_secret.order"


def test_gl109_a_row_printed_again_names_its_first_line() -> None:
    lines = _lines()
    granted = _at(lines, "三、本年度办理结果")
    total = _at(lines, "(七)总计")
    lines.insert(total, "\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0")
    [found] = _found("\n".join(lines), "GL109")
    assert found.location.line == total + 1
    assert f"“(一)予以公开”再次印出：第 {granted + 1} 行已有该行" in found.message_zh
    assert f"(first on line {granted + 1})" in found.message_en
    assert found.severity is Severity.INFO


def test_gl109_a_label_copied_into_each_column_of_its_line_is_one_row() -> None:
    """PyMuPDF prints a merged cell in every column it spans (一、本年新收… | 一、本年新收… | …): the parse
    sees the label again, but on the row's own line it is one row printed once."""
    path = FIXTURES / "roundtrip" / "seed000" / "pymupdf4llm.md"
    text = path.read_text(encoding="utf-8")
    assert "|一、本年新收政府信息公开申请数量|一、本年新收政府信息公开申请数量|" in text
    report = govlint.parse_file(path)
    assert any(d.kind == "row-repeated" and d.key == "new_received" for d in report.deviations)
    found = [d for d in govlint.lint_file(path).diagnostics if d.code == "GL109"]
    assert all("本年新收" not in d.message_zh for d in found)


def test_gl109_a_label_within_another_is_not_the_row_again() -> None:
    """其中：部门规范性文件 under 行政规范性文件 is a breakdown the report adds, not 行政规范性文件 again."""
    path = FIXTURES / "layouts" / "real" / "art20_sub_rows.txt"
    report = govlint.parse_file(path)
    assert any(d.kind == "row-repeated" for d in report.deviations)
    assert [d for d in govlint.lint_file(path).diagnostics if d.code == "GL109"] == []


def test_gl109_a_table_printed_again_and_again_is_one_unread_warning() -> None:
    lines = _lines()
    total = _at(lines, "(七)总计")
    lines[total:total] = ["\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0"] * 450
    found = diagnostics(RowOrder, govlint.parse_text("\n".join(lines)))  # past the cap of findings listed
    [untaken] = [d for d in found if d.key.endswith("labels.untaken")]
    assert untaken.unread and untaken.severity is Severity.WARNING
    assert "另有" in untaken.message_zh and "未读取" in untaken.message_zh
    assert all(d.severity is Severity.INFO for d in found if d is not untaken)


def test_gl110_a_table_under_another_sections_heading() -> None:
    lines = _lines()
    heading, problems = _at(lines, "四、政府信息公开行政复议"), _at(lines, "五、存在的主要问题")
    table = lines[heading + 1 : problems]
    moved = [*lines[: heading + 1], "本年度未发生行政复议、行政诉讼。", *lines[problems : problems + 1], *table]
    moved += lines[problems + 1 :]
    text = "\n".join(moved)
    [found] = _found(text, "GL110")
    assert found.severity is Severity.WARNING and not found.unread
    assert "政府信息公开行政复议、行政诉讼情况表印在第五部分“五、存在的主要问题及改进情况”中" in found.message_zh
    home = "第四部分“四、政府信息公开行政复议、行政诉讼情况”"
    assert f"应在{home}之下（该部分从第 {heading + 1} 行开始）" in found.message_zh
    assert "it belongs in section 四 “四、政府信息公开行政复议、行政诉讼情况”" in found.message_en
    assert text.split("\n")[found.location.line - 1].strip().startswith("行政复议")
    assert found.key == "table.review_litigation.section"


def test_gl110_a_table_without_its_sections_heading_is_gl101s() -> None:
    """Seed 001 prints table 三 under 二 without the heading of 三: the heading is missing (GL101, before the
    table), not the table misplaced."""
    report = govlint.parse_file(SEED_001)
    assert any(d.kind == "table-outside-section" for d in report.deviations)
    codes = [d.code for d in govlint.lint_file(SEED_001).diagnostics]
    assert "GL101" in codes and "GL110" not in codes


def test_gl110_a_table_a_converter_split_across_headings_is_not_reported() -> None:
    """pdftotext -raw of LibreOffice's PDF prints pieces of table 四 after the headings of 五 and 六, the rest
    of it in 四: the table is partly in its section, so it is not misplaced."""
    path = FIXTURES / "roundtrip" / "seed002" / "lo.raw.txt"
    report = govlint.parse_file(path)
    assert any(d.kind == "table-outside-section" for d in report.deviations)
    assert "GL110" not in [d.code for d in govlint.lint_file(path).diagnostics]


def _row_order_notes(path: Path) -> list[tuple[str, Diagnostic]]:
    """GL109's notes over the reports under ``path``, with their file names (a file govlint cannot read has
    none: it is GL001's)."""
    found = []
    for entry in iter_report_paths([path]):
        if not isinstance(entry, Path):
            continue
        try:
            result = govlint.lint_file(entry, Config(select=["GL109"]))
        except InputError:
            continue
        found += [(entry.name, d) for d in result.diagnostics if d.code == "GL109"]
    return found


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("row_order.txt", 53, ORDER_ZH),
        ("row_order.docx", 51, ORDER_ZH),
        ("row_repeated.txt", 52, REPEAT_ZH + "：第 50 行已有该行"),
        ("row_repeated.docx", 50, REPEAT_ZH + "：第 48 行已有该行"),
    ],
)
def test_gl109_the_reports_own_deviation_in_a_word_table_and_tab_text(name: str, line: int, message: str) -> None:
    """A row out of order or printed twice in a Word table or in tab text (a row a line, its values after its
    label) is the report's: both layouts print rows in the order read."""
    [(_, found)] = _row_order_notes(DEVIATIONS / name)
    assert found.location.line == line
    assert message in found.message_zh
    assert found.severity is Severity.INFO


@pytest.mark.parametrize("case", ROUNDTRIP, ids=lambda path: path.name)
def test_gl109_says_nothing_of_a_converters_reading_order(case: Path) -> None:
    """Each roundtrip case is one well-printed report through some twenty converters: pdftotext -raw prints
    one cell a line in its own reading order (rows out of order), PyMuPDF copies 行政事业性收费 into the next
    table's header (a row again). None of it is the report's."""
    assert _row_order_notes(case) == []


@pytest.mark.parametrize("folder", OTHERS, ids=lambda path: path.name)
def test_gl109_says_nothing_over_the_other_fixtures(folder: Path) -> None:
    assert _row_order_notes(folder) == []


def test_gl109_a_row_of_one_cell_a_line_is_a_converters_order() -> None:
    """pdftotext -raw prints table 三 one cell a line, wrapped labels out of line: the parse sees rows out of
    order, but where their values stand says the order is the converter's."""
    path = FIXTURES / "roundtrip" / "seed000" / "lo.raw.txt"
    report = govlint.parse_file(path)
    assert sum(d.kind == "row-order" for d in report.deviations) >= 10
    assert diagnostics(RowOrder, report) == []


def test_gl109_a_row_copied_into_the_next_tables_header_is_not_printed_again() -> None:
    """PyMuPDF prints 行政事业性收费 7730.28 again in the header row of table 三, beside the heading of section
    三: a row under another section's heading is not its table's row printed twice."""
    path = FIXTURES / "roundtrip" / "hzq2023" / "pymupdf4llm.md"
    assert "|行政事业性收费 7730.28 三、收到和处理政府信息公开申请情况|" in path.read_text(encoding="utf-8")
    report = govlint.parse_file(path)
    assert any(d.kind == "row-repeated" and d.key == "fees" for d in report.deviations)
    assert diagnostics(RowOrder, report) == []


def test_gl109_a_row_out_of_order_in_spaced_text_with_wrapped_labels() -> None:
    """pdftotext -layout prints a row a line, its wrapped label's pieces on the lines around it: a row the
    report prints out of order is still seen there (its values follow a piece of its label on one line)."""
    lines = (FIXTURES / "roundtrip" / "seed003" / "lo.layout.txt").read_text(encoding="utf-8").split("\n")
    first = _at(lines, "（三）不予")
    state_secret, prohibited = lines[first : first + 2], lines[first + 2 : first + 5]
    assert "1.属于国家" in state_secret[0] and "2.其他法律" in prohibited[0]
    lines[first : first + 5] = [
        "       （三）不予   " + prohibited[0].strip(),
        "       公开      " + prohibited[1].strip(),
        "        " + prohibited[2].strip(),
        "               " + state_secret[0].strip().split("   ", 1)[1],
        "               秘密",
    ]
    [found] = _found("\n".join(lines), "GL109")
    assert found.location.line == first + 4
    assert ORDER_ZH in found.message_zh
