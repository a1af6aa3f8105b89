"""GL002 with the real parser: a document that only talks about reports, or only names one, is skipped with one
notice, while a report that lost its title, its tables or its headings to its source is still checked in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import Run

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"

#: A Markdown description of where a folder's reports came from: years, a report's title quoted in a list,
#: the words and numbers of table 四 in prose, but no title of its own, no table and no section heading.
SOURCES_MD = """\
# 报告来源说明

本文件夹收录的报告取自各机关门户网站，2025年3月下载，文件名未改动。

## hz2023.pdf
- 内容：**某区人民政府 2023年政府信息公开工作年度报告**，报告年度 2023，共五页。
- 已知问题：表四 行政复议 维持 10、纠正 1、其他 0、尚未审结 0、总计 0（应为 11）；
  复议后起诉 维持 5、总计 0（应为 5）。
- 第三张表仍用 2019 年格式的单行（六）其他处理。

## hz2024.pdf
- 内容：同一机关 2024年的报告，2025年2月25日制作。
- 表三：95 = 50+9+3+32+1+0；表四：2、1、3。
"""

GARBLED_TITLE = "¿”¿¡fl‹…„· 2024 „·”‹‚"  # a title in a font whose text layer did not survive


def damaged(*, title: bool, tables: bool, headings: bool) -> str:
    """The clean seed report with its title garbled, its tables dropped (printed as images) and/or its
    section headings dropped."""
    kept = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        in_table = "\t" in line
        heading = not in_table and line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")
        if (in_table and not tables) or (heading and not headings):
            continue
        kept.append(GARBLED_TITLE if "年度报告" in line and not title else line)
    return "\n".join(kept) + "\n"


def codes(run: Run, path: Path) -> list[str]:
    code, out, err = run("check", "--format", "json", "--reference-date", "2025-06-01", str(path))
    assert err == "", err
    data = json.loads(out)
    assert code == (1 if data["summary"]["error"] else 0)
    return [d["code"] for d in data["diagnostics"]]


def test_a_description_of_reports_is_skipped_with_one_notice(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "SOURCES.md"
    path.write_text(SOURCES_MD, encoding="utf-8")
    assert codes(run, path) == ["GL002"]
    code, out, _ = run("check", str(path))
    assert code == 0
    assert out == f"{path}:1:1: GL002 [提示] 不是年度报告，已跳过\n未发现问题；跳过 1 个文件。\n"


#: A crawled page whose report is an attachment: the page holds the title and a link, nothing more.
ATTACHMENT_PAGE = """\
标题: 某某区公安局2020年政府信息公开工作年度报告
发布时间: 2021-01-28 11:10
发布机构: 某某区公安局
==================== 正文 ====================
某某区公安局2020年政府信息公开工作年度报告
附件：某某区公安局2020年政府信息公开工作年度报告.doc
"""
#: A saved list of a site's reports.
LIST_PAGE = """\
首页 > 政务公开 > 政府信息公开年报

某某区财政局2023年政府信息公开工作年度报告    2024-01-20
某某区财政局2022年政府信息公开工作年度报告    2023-01-18
某某区财政局2021年政府信息公开工作年度报告    2022-01-25

共3条  第1页
"""


@pytest.mark.parametrize("text", [ATTACHMENT_PAGE, LIST_PAGE], ids=["attachment-page", "list-page"])
def test_a_title_without_any_section_or_table_is_skipped_saying_why(tmp_path: Path, run: Run, text: str) -> None:
    """A report title alone would be told that all six sections and three tables are missing."""
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    assert codes(run, path) == ["GL002"]
    code, out, _ = run("check", str(path))
    assert code == 0
    assert out.startswith(f"{path}:1:1: GL002 [提示] 不是年度报告，已跳过：只有报告标题，没有年度报告的任何部分或表格")
    code, out, _ = run("check", "--lang", "en", str(path))
    assert "not an annual report; skipped: it has a report's title but none of a report's sections" in out


def test_a_title_with_one_section_is_checked(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "short.txt"
    path.write_text(ATTACHMENT_PAGE + "一、总体情况\n本年度主动公开政府信息12条。\n", encoding="utf-8")
    found = codes(run, path)
    assert "GL002" not in found and "GL101" in found


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ({"title": False, "tables": True, "headings": True}, {"GL107"}),
        ({"title": True, "tables": False, "headings": True}, {"GL103"}),
        ({"title": False, "tables": False, "headings": True}, {"GL107", "GL103"}),
        ({"title": False, "tables": True, "headings": False}, {"GL107", "GL101"}),
    ],
    ids=["garbled-title", "tables-as-images", "garbled-title-and-tables-as-images", "garbled-title-no-headings"],
)
def test_a_report_that_lost_part_of_itself_is_still_checked(
    tmp_path: Path, run: Run, damage: dict[str, bool], expected: set[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(damaged(**damage), encoding="utf-8")
    found = codes(run, path)
    assert "GL002" not in found
    assert expected <= set(found), found
