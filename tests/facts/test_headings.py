"""Section headings: what is one, what is not, where it starts and ends."""

from __future__ import annotations

import pytest
from facts_support import PEER, SEEDS, analyse_file

from govlint.parsing.headings import find_section_headings, numbered_headings
from govlint.schema import SECTIONS, SectionSpec


def _found(text: str) -> list[tuple[int, str]]:
    return [(h.spec.number, h.title) for h in find_section_headings(text)]


# ----- what is a heading ---------------------------------------------------------------------------------


VARIANTS = [(spec, variant) for spec in SECTIONS for variant in spec.variants]


@pytest.mark.parametrize(("spec", "variant"), VARIANTS, ids=[v for _, v in VARIANTS])
def test_every_schema_variant_is_found(spec: SectionSpec, variant: str) -> None:
    text = f"前言。\n{spec.numeral}、{variant}\n正文。"
    assert [(h.spec.key, h.title) for h in find_section_headings(text)] == [(spec.key, f"{spec.numeral}、{variant}")]


@pytest.mark.parametrize(
    "line",
    [
        "一、总体情况",
        "一.总体情况",
        "一．总体情况",
        "一 、 总体情况",
        "  一、总体情况",  # ASCII indentation (seed 002)
        "\u3000\u3000一、总体情况",  # full-width indentation
        "\t一、总 体 情 况",  # stray spaces inside
    ],
)
def test_numbering_and_indentation_variants(line: str) -> None:
    assert _found(f"标题\n{line}\n2024年，我镇…") == [(1, line.strip())]


@pytest.mark.parametrize(
    "line", ["第一部分 总体情况", "第一部分：总体情况", "第一部分、总体情况", "第 一 部分  总体情况"]
)
def test_a_heading_numbered_as_a_part(line: str) -> None:
    assert _found(f"标题\n{line}\n2024年，我镇…") == [(1, line)]


def test_a_part_after_a_crawled_tables_digits() -> None:
    assert _found("…0 0 0第五部分 存在的主要问题及改进情况一是…") == [(5, "第五部分 存在的主要问题及改进情况")]


def test_a_part_named_in_prose_is_no_heading() -> None:
    assert _found("标题\n本报告按照第一部分总体情况的要求编写。\n") == []


def test_a_part_glued_to_the_cell_before_it() -> None:
    assert _found("…采购总金额52.3万元第三部分 收到和处理政府信息公开申请情况（本列…") == [
        (3, "第三部分 收到和处理政府信息公开申请情况")
    ]


def test_numbered_headings_of_any_wording() -> None:
    text = "一、年度工作核心成效。…0 0 0五、当前存在的突出问题\n（五）加强培训\n5.其他\n共5.5万元，第五部分 问题"
    found = [(printed, text[body : body + 2]) for _, body, printed in numbered_headings(text, 5, 0, len(text))]
    assert found == [("五、当前存在的突出问题", "当前"), ("（五）加强培训", "加强"), ("5.其他", "其他")]
    assert [p for _, _, p in numbered_headings(text, 1, 0, len(text))] == ["一、年度工作核心成效"]


def test_full_width_and_connector_variants() -> None:
    text = "四、政府信息公开行政复议与行政诉讼情况\n五、存在的主要问题和改进情况\n三、收到和处理政府信息公开申请的情况"
    assert [n for n, _ in _found(text)] == [4, 5, 3]


def test_heading_running_into_prose_on_one_line() -> None:
    """Crawled pages: the whole body is one line and each heading runs straight into its text."""
    text = (
        "…如有疑问请联系我局。一、总体情况2023年，我局认真落实…二、主动公开政府信息情况第二十条第（一）项"
        "…0 0 0三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为…）一、本年新收政府信息公开申请数量"
        "0000000…四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议…"
        "000000000000000五、存在的主要问题及改进情况（一）存在的问题…六、其他需要报告的事项无。"
    )
    found = find_section_headings(text)
    assert [h.spec.number for h in found] == [1, 2, 3, 4, 5, 6]
    assert [h.title for h in found] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    for heading in found:
        assert text[heading.start : heading.end] == heading.title


def test_title_takes_a_short_rest_of_its_line() -> None:
    found = find_section_headings("五、存在的主要问题及明年工作计划\n正文")
    assert [(h.spec.key, h.title) for h in found] == [("problems_improvements", "五、存在的主要问题及明年工作计划")]


def test_heading_split_over_lines() -> None:
    """pdftotext may break a long heading; the span covers both lines."""
    text = "     四、政府信息公开行政复议、行政\n        诉讼情况\n行政复议"
    found = find_section_headings(text)
    assert [h.spec.number for h in found] == [4]
    assert text[found[0].start : found[0].end] == "四、政府信息公开行政复议、行政\n        诉讼情况"


def test_keyed_by_text_with_the_printed_number() -> None:
    found = find_section_headings("五、信息处理费收取情况\n…\n六、存在的主要问题和改进情况\n…")
    assert [(h.spec.number, h.title) for h in found] == [
        (6, "五、信息处理费收取情况"),
        (5, "六、存在的主要问题和改进情况"),
    ]


def test_duplicates_are_kept() -> None:
    text = "二、主动公开政府信息情况\n…\n二、主动公开政府信息情况\n…"
    assert [h.spec.number for h in find_section_headings(text)] == [2, 2]


def test_section_text_under_another_numeral_is_dropped_when_its_own_exists() -> None:
    text = "五、存在的主要问题及改进情况\n一、存在的主要问题\n…\n二、改进措施\n…"
    assert _found(text) == [(5, "五、存在的主要问题及改进情况")]


# ----- what is not a heading -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "三、本年度办理结果\t(一)予以公开\t0\t0",
        "三、本 年度办理 结果 | (一)予以公开 | 31 | 0",
        " 三 、本 年 度办 理 结果",
        "四、结转下年度继续办理\t0\t0\t0",
        "一、本年新收政府信息公开申请数量\t1\t0",
        "二、上年结转政府信息公开申请数量\t0",
        "- 一、加强领导,提高认识。进一步提高对信息公开工作的重视程度",  # seed 000, section 一
        "一、信息公开的内容还不够全面、深入,存在一些信息更新不及时",  # seed 000, section 五
        "  (一)主动公开政府信息情况",  # seed 002: a sub-heading repeating section 二's title
        "（一）主动公开政府信息情况",
        "（二）收到和处理政府信息公开申请情况",
        "第一、总体情况",
        "十一、其他事项",
        "统一总体情况部署",  # a numeral inside a word
        "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。",
        "本报告分为一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "政府信息公开行政复议、行政诉讼情况",  # the table's caption without a numeral
    ],
)
def test_not_a_heading(text: str) -> None:
    assert find_section_headings(text) == []


def test_seed_000_sub_items_are_not_sections() -> None:
    found = analyse_file(SEEDS / "000_3332caad86cf7302.txt")
    assert [h.title for h in found.headings] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [h.spec.number for h in found.headings] == [1, 2, 3, 4, 5, 6]


def test_seed_001_table_row_is_not_section_three() -> None:
    found = analyse_file(SEEDS / "001_45823a3c8b7753e5.txt")
    assert [h.spec.number for h in found.headings] == [1, 2, 4, 5, 6]


def test_seed_002_sub_heading_is_not_section_two() -> None:
    found = analyse_file(SEEDS / "002_3957bd30f75f2ac8.txt")
    assert [(h.spec.number, found.text.count("\n", 0, h.start) + 1) for h in found.headings] == [
        (1, 14),
        (2, 40),
        (3, 102),
        (4, 538),
        (5, 619),
        (6, 625),
    ]


@pytest.mark.parametrize("name", ["hzq2023_working", "hzq2024_working"])
def test_pdftotext_headings(name: str) -> None:
    found = analyse_file(PEER / f"{name}.pdf.pdftotext.txt")
    assert [h.spec.number for h in found.headings] == [1, 2, 3, 4, 5, 6]
    # The vertical label "三 、本 年 度办 理 结果" inside table 三 is not a heading.
    assert all("结果" not in h.title for h in found.headings)
