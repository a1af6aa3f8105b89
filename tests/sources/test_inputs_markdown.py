"""Markdown whose tables are HTML (MinerU, marker): the tables' grid is read, the other lines as printed."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.sources import load_file

HEAD = "# 某镇人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n"
REVIEW = (
    "<html><body><table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
    "<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td>"
    "<td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td>"
    "<td colspan=5>复议后起诉</td></tr><tr>"
    + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 2
    + "</tr><tr>"
    + "".join(f"<td>{v}</td>" for v in (1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3))
    + "</tr></table></body></html>\n\n五、存在的主要问题及改进情况\n\n无。\n"
)


def test_html_table_in_markdown_is_read_on_its_grid(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(HEAD + REVIEW, encoding="utf-8")
    document = load_file(path)
    assert document.text.startswith(HEAD)  # the lines before the table keep their numbers
    assert "<table" not in document.text and "<html>" not in document.text
    report = govlint.parse_file(path)
    review = report.tables.review_litigation
    assert review is not None
    assert [cell.value for cell in review.rows["litigation_after_review"].cells.values()] == [2, 0, 1, 0, 3]
    assert {cell.evidence for row in review.rows.values() for cell in row.cells.values()} == {"grid"}
    assert report.title == "某镇人民政府2024年政府信息公开工作年度报告"


def test_text_mentioning_a_table_tag_stays_text() -> None:
    text = HEAD + "网页中的 <table 标签未闭合。\n"
    assert govlint.parse_text(text).text == text


def test_a_table_tag_in_capitals_or_title_case_is_read_on_its_grid(tmp_path: Path) -> None:
    """Converters print ``<TABLE>`` or ``<Table>`` too: the tag's case does not decide whether the grid is read."""
    for tag in ("TABLE", "Table"):
        path = tmp_path / f"{tag}.md"
        path.write_text(HEAD + REVIEW.replace("<table>", f"<{tag}>").replace("</table>", f"</{tag}>"), "utf-8")
        review = govlint.parse_file(path).tables.review_litigation
        assert review is not None
        assert {cell.evidence for row in review.rows.values() for cell in row.cells.values()} == {"grid"}
