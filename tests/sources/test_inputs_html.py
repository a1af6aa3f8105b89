"""Web pages: the real 平潭 page read cell by cell, seeds rendered as pages, and hostile markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from source_support import (
    FIXTURES,
    PINGTAN,
    SEEDS,
    document_cells,
    document_paragraphs,
    document_rows,
    paragraphs,
    seed_text,
    source_rows,
    table_rows,
    write_html,
)

from govlint.errors import InputError
from govlint.model import Origin
from govlint.sources import load

PAGE = PINGTAN / "014_approval_2025.html"


@pytest.fixture(scope="module")
def page_text() -> str:
    return load(PAGE).text


def _row(rows: list[list[str]], label: str) -> list[str]:
    """The row whose label cell is ``label`` (values checked by hand against the page and its .txt)."""
    matches = [row for row in rows if label in row]
    assert len(matches) == 1, (label, matches)
    return matches[0]


def test_real_page_keeps_title_and_metadata_and_drops_navigation(page_text: str) -> None:
    lines = paragraphs(page_text)
    assert lines[:4] == [
        "平潭综合实验区行政审批局2025年政府信息公开工作年度报告",
        "来源：区行政审批局",
        "时间：2026-01-30 16:07",
        "发布时间：2026-01-30 16:07",  # from <meta name="PubDate">: the visible "时间" is not a publish label
    ]
    for junk in ("无障碍浏览", "当前位置", "登录", "闽政通APP", "文件下载", "长者模式", "版权所有", "function"):
        assert junk not in page_text
    assert lines[4].startswith("根据《中华人民共和国政府信息公开条例》")
    assert lines[-1].startswith("按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》")


def test_real_page_tables_cell_by_cell() -> None:
    rows = document_rows(load(PAGE))
    # 第二十条: printed values, checked against the crawler's flattened text "行政规范性文件3024 … 行政许可0".
    assert rows[0] == ["第二十条第（一）项"]
    assert _row(rows, "行政规范性文件") == ["行政规范性文件", "3", "0", "24"]
    assert _row(rows, "行政许可") == ["行政许可", "0"]
    assert _row(rows, "行政事业性收费") == ["行政事业性收费", "0"]
    # 申请 table: each source cell once; a label spanning three columns is one cell, so 7 values follow it.
    assert _row(rows, "一、本年新收政府信息公开申请数量") == [
        "一、本年新收政府信息公开申请数量",
        "6",
        "0",
        "0",
        "0",
        "0",
        "0",
        "6",
    ]
    # the rows under 三、本年度办理结果 (rowspan 20) and 不予公开 (rowspan 8) start with their own label
    assert _row(rows, "（一）予以公开") == ["三 、 本 年 度 办 理 结 果", "（一）予以公开", *"0000000"]
    assert _row(rows, "8.属于行政查询事项") == ["8.属于行政查询事项", "3", "0", "0", "0", "0", "0", "3"]
    assert _row(rows, "（四）无法提供") == ["（四）无法提供", "1.本机关不掌握相关政府信息", "3", *"00000", "3"]
    assert _row(rows, "（七）总计") == ["（七）总计", "6", "0", "0", "0", "0", "0", "6"]
    assert _row(rows, "法人或其他组织") == ["自 然 人", "法人或其他组织", "总计"]
    # 复议/诉讼: 15 zeros in 15 cells.
    assert ["0"] * 15 in rows
    assert all(len(row) <= 15 for row in rows)


def test_real_page_origins_point_to_table_row_and_column() -> None:
    document = load(PAGE)
    offset = document.text.index("8.属于行政查询事项")
    assert document.origin_at(offset) == Origin(table=2, row=15, column=3)
    number = document.text.index("\t3\t", offset) + 1
    assert document.origin_at(number) == Origin(table=2, row=15, column=4)
    # the group label 三、本年度办理结果 is written once, in its first row, at column 1
    assert document.origin_at(document.text.index("三 、 本 年 度")) == Origin(table=2, row=6, column=1)
    assert document.origin_at(document.text.index("（一）予以公开")) == Origin(table=2, row=6, column=2)
    assert document.origin_at(document.text.index("五、存在的主要问题")) is None
    assert document.kind == "html"
    assert document.encoding == "utf-8"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_seed_as_a_page_reads_back_cell_for_cell(seed: Path, encoding: str, tmp_path: Path) -> None:
    text = seed_text(seed)
    try:
        path = write_html(text, tmp_path / "report.html", encoding)
    except UnicodeEncodeError:
        pytest.skip("the seed has a character outside the encoding")
    document = load(path)
    assert document_rows(document) == source_rows(text)
    lines = document_paragraphs(document)
    assert lines[:2] == ["索引号：11330000/2025-00001", "发布日期：2025-01-20"]
    assert lines[2:] == [re.sub(" +", " ", line) for line in paragraphs(text)]  # HTML collapses spaces
    assert "首页" not in document.text and "网站标识码" not in document.text and "var nav" not in document.text


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title></title></head><body>{body}</body></html>"


def test_rowspan_colspan_grid() -> None:
    html = _page(
        "<p>报告正文很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。</p><table>"
        "<tr><th rowspan='2' colspan='2'>A</th><th colspan='2'>B</th></tr>"
        "<tr><td>b1</td><td>b2\n第二行\t制表</td></tr>"
        "<tr><td>x</td><td rowspan='9'>y</td><td>1</td><td>2</td></tr>"
        "<tr><td>z</td><td>3</td><td>4</td></tr>"
        "</table>"
    )
    document = load(html)
    assert document_rows(document) == [["A", "B"], ["b1", "b2 第二行 制表"], ["x", "y", "1", "2"], ["z", "3", "4"]]
    text = document.text
    assert document.origin_at(text.index("b1")) == Origin(table=1, row=2, column=3)
    assert document.origin_at(text.index("z")) == Origin(table=1, row=4, column=1)
    assert document.origin_at(text.index("3\t4")) == Origin(table=1, row=4, column=3)  # column 2 is y's


def test_hidden_scripts_forms_and_layout_tables() -> None:
    html = _page(
        "<div style='display: none'>隐藏的文字</div><script>document.write('一、总体情况')</script>"
        "<select><option>选项</option></select><div hidden>也隐藏</div>"
        "<table><tr><td><p>一、总体情况</p><p>正文正文正文正文正文正文正文正文正文正文正文正文正文正文。</p>"
        "<table><tr><td>行政许可</td><td>7</td></tr></table></td></tr></table>"
    )
    text = load(html.encode("utf-8"), name="page.html").text
    assert "隐藏" not in text and "选项" not in text and "document.write" not in text
    assert paragraphs(text) == ["一、总体情况", "正文正文正文正文正文正文正文正文正文正文正文正文正文正文。"]
    assert table_rows(text) == [["行政许可", "7"]]


def test_metadata_table_cells_become_label_value_lines() -> None:
    html = _page(
        "<table><tr><th>索 引 号</th><td>000014349/2020-00001</td><th>主题分类：</th><td>综合政务</td></tr>"
        "<tr><td>发文机关：</td><td>国务院办公厅</td><td>成文日期：2025年01月20日</td>"
        "<td>字号：大 中 小</td></tr></table>"
        "<div class='content'><p>一、总体情况</p><p>" + "正文" * 100 + "</p></div>"
    )
    assert paragraphs(load(html).text)[:4] == [
        "索引号：000014349/2020-00001",
        "主题分类：综合政务",
        "发文机关：国务院办公厅",
        "成文日期：2025年01月20日",
    ]


def test_meta_charset_gbk_and_lying_charset() -> None:
    body = "<p>政府信息公开工作年度报告</p>"
    declared = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    gbk = f"<html><head>{declared}</head><body>{body}</body></html>"
    assert "政府信息公开工作年度报告" in load(gbk.encode("gb18030"), name="a.html").text
    lying = f'<html><head><meta charset="gbk"></head><body>{body}</body></html>'
    assert "政府信息公开工作年度报告" in load(lying.encode("utf-8"), name="b.html").text


def test_deeply_nested_page_does_not_exhaust_the_stack_or_hang() -> None:
    html = _page("<div><span>" * 1500 + "<p>一、总体情况</p>" + "</span></div>" * 1500)
    assert "一、总体情况" in load(html).text
    hostile = _page("<div>" * 100_000 + "<p>一、总体情况</p>" + "</div>" * 100_000)
    with pytest.raises(InputError, match="nested too deeply"):
        load(hostile)


def test_page_without_text_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(_page("<script>var x = 1;</script><div>   </div>"), encoding="utf-8")
    with pytest.raises(InputError, match="no text found in the page"):
        load(path)


def test_binary_junk_named_html_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(b"\x00\x01\x02\xff\xfe\xfd" * 100)
    with pytest.raises(InputError, match="not a text file"):
        load(path)


def test_word_exported_page_reads_cell_for_cell() -> None:
    """A page saved by Word (tests/fixtures/sources/word_export_2019.htm, written by hand in Word's shape):
    labels in several runs, ``&nbsp;<o:p></o:p>`` in empty cells, a label spanning three columns, a first
    column spanning 22 rows, and Word's hidden row of column widths."""
    document = load(FIXTURES / "sources" / "word_export_2019.htm")
    assert document_cells(document) == [
        {1: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 4: "申请人情况"},
        {4: "自然人", 5: "法人或其他组织", 10: "总计"},
        {5: "商业企业", 6: "科研机构", 7: "社会公益组织", 8: "法律服务机构", 9: "其他"},
        {1: "一、本年新收政府信息公开申请数量", 4: "12", 5: "1", 6: "", 7: "0", 8: "0", 9: "0", 10: "13"},
        {1: "二、上年结转政府信息公开申请数量", 4: "0", 5: "0", 6: "0", 7: "0", 8: "0", 9: "0", 10: "0"},
        {1: "三、本年度办理结果", 2: "（一）予以公开", 4: "5", 5: "1", 6: "0", 7: "0", 8: "0", 9: "0", 10: "6"},
        {
            2: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            4: "1",
            5: "0",
            6: "0",
            7: "0",
            8: "0",
            9: "0",
            10: "1",
        },
        {2: "（三）不予公开", 3: "1.属于国家秘密", 4: "0", 5: "", 6: "", 7: "", 8: "", 9: "", 10: "0"},
        {3: "2.其他法律行政法规禁止公开", 4: "2", 5: "0", 6: "0", 7: "0", 8: "0", 9: "0", 10: "2"},
    ]
    assert document.origin_at(document.text.index("2.其他法律")) == Origin(table=1, row=9, column=3)
    assert "\xa0" not in document.text.replace("\n", "")
