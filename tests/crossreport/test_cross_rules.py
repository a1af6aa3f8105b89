"""Each cross-report rule on hand-made pairs: one that fails it and one that passes."""

from __future__ import annotations

import attrs
import pytest
from cross_support import carried, cell, make, run_rules

from govlint.crossreport.rules import STANDARD_SENTENCES
from govlint.diagnostics import Severity
from govlint.model import CellStatus

BODY = "平潭综合实验区财政金融局"
OTHER = "平潭综合实验区公安局"


# ----- GL501 ---------------------------------------------------------------------------------------------


def test_carry_over_reports_each_column_that_differs() -> None:
    before = make("a/2022.txt", BODY, 2022, cells=carried("carried_forward", [1, 0, 0, 0, 0, 0, 1]))
    now = make("a/2023.txt", BODY, 2023, cells=carried("carried_over", [3, 0, 0, 0, 0, 0, 3]))
    found = run_rules([before, now], "GL501")
    assert [(d.location.path, d.key, d.expected, d.actual) for d in found] == [
        ("a/2023.txt", "applications.carried_over.natural_person", 1, 3),
        ("a/2023.txt", "applications.carried_over.total", 1, 3),
    ]
    assert found[0].message_zh == (
        "上年结转政府信息公开申请数量（自然人）应为 1（上年报告 a/2022.txt:20:1 结转下年度继续办理），实际为 3"
    )
    assert found[1].message_en == (
        "applications carried over (total) should be 1, carried forward by last year's report at a/2022.txt:26:1; "
        "found 3"
    )
    assert found[0].severity is Severity.WARNING


def test_carry_over_that_matches_passes() -> None:
    before = make("a/2022.txt", BODY, 2022, cells=carried("carried_forward", [1, 0, 0, 0, 0, 2, 3]))
    now = make("a/2023.txt", BODY, 2023, cells=carried("carried_over", [1, 0, 0, 0, 0, 2, 3]))
    assert run_rules([before, now], "GL501") == []


@pytest.mark.parametrize("status", [CellStatus.EMPTY, CellStatus.UNREADABLE, CellStatus.AMBIGUOUS])
def test_carry_over_is_not_assessed_on_unread_or_empty_cells(status: CellStatus) -> None:
    before = make("a/2022.txt", BODY, 2022, cells=carried("carried_forward", [1, 0, 0, 0, 0, 0, 1]))
    cells: dict[str, object] = dict(carried("carried_over", [5, 0, 0, 0, 0, 0, 1]))
    cells["applications.carried_over.natural_person"] = cell("carried_over.natural_person", None, status)
    now = make("a/2023.txt", BODY, 2023, cells=cells)  # type: ignore[arg-type]
    assert run_rules([before, now], "GL501") == []


def test_carry_over_needs_the_same_body_and_the_year_before() -> None:
    before = make("a/2021.txt", BODY, 2021, cells=carried("carried_forward", [1, 0, 0, 0, 0, 0, 1]))
    other = make("b/2022.txt", OTHER, 2022, cells=carried("carried_forward", [1, 0, 0, 0, 0, 0, 1]))
    now = make("a/2023.txt", BODY, 2023, cells=carried("carried_over", [3, 0, 0, 0, 0, 0, 3]))
    assert run_rules([before, other, now], "GL501") == []


def test_history_reports_are_compared_with_but_not_checked() -> None:
    cells = {**carried("carried_forward", [1, 0, 0, 0, 0, 0, 1]), **carried("carried_over", [9] * 7)}
    before = attrs.evolve(make("h/2022.txt", BODY, 2022, cells=cells), reference=True)
    earlier = attrs.evolve(make("h/2021.txt", BODY, 2021, cells=carried("carried_forward", [0] * 7)), reference=True)
    now = make("a/2023.txt", BODY, 2023, cells=carried("carried_over", [3, 0, 0, 0, 0, 0, 3]))
    found = run_rules([now], "GL501", references=[before, earlier])
    assert [(d.location.path, d.key) for d in found] == [
        ("a/2023.txt", "applications.carried_over.natural_person"),
        ("a/2023.txt", "applications.carried_over.total"),
    ]


# ----- GL502 ---------------------------------------------------------------------------------------------


def _stock(in_force: int, issued: int = 0, repealed: int = 0) -> dict[str, int | None]:
    return {
        "active_disclosure.normative_documents.issued": issued,
        "active_disclosure.normative_documents.repealed": repealed,
        "active_disclosure.normative_documents.in_force": in_force,
    }


def test_stock_break_is_a_warning_at_the_in_force_cell() -> None:
    before = make("a/2021.txt", BODY, 2021, cells=_stock(3))
    now = make("a/2022.txt", BODY, 2022, cells=_stock(8, issued=8))
    (found,) = run_rules([before, now], "GL502")
    assert (found.key, found.expected, found.actual, found.severity) == (
        "active_disclosure.normative_documents.in_force",
        11,
        8,
        Severity.WARNING,
    )
    assert found.location.line == 22
    assert found.message_zh == (
        "行政规范性文件 现行有效件数应为 11（上年报告 a/2021.txt:22:1 现行有效 3 + 本年制发 8 − 本年废止 0），实际为 8"
    )


def test_stock_that_follows_passes() -> None:
    before = make("a/2021.txt", BODY, 2021, cells=_stock(3))
    now = make("a/2022.txt", BODY, 2022, cells=_stock(9, issued=8, repealed=2))
    assert run_rules([before, now], "GL502") == []


def test_stock_break_is_info_when_the_text_mentions_clean_up() -> None:
    before = make("a/2021.txt", BODY, 2021, cells=_stock(3))
    text = "本年度对行政规范性文件开展全面清理，宣布失效一批。"
    now = make("a/2022.txt", BODY, 2022, cells=_stock(8, issued=8), sections={"overview": text})
    (found,) = run_rules([before, now], "GL502")
    assert found.severity is Severity.INFO
    assert found.message_zh.endswith("；正文提到修订、清理或废止，请核实")


def test_the_table_header_alone_is_no_mention_of_repeal() -> None:
    before = make("a/2021.txt", BODY, 2021, cells=_stock(3))
    table = "信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 8 0 8"
    now = make("a/2022.txt", BODY, 2022, cells=_stock(8, issued=8), sections={"active_disclosure": table})
    (found,) = run_rules([before, now], "GL502")
    assert found.severity is Severity.WARNING


def test_stock_is_compared_only_between_2021_format_reports() -> None:
    before = make("a/2020.txt", BODY, 2020, cells=_stock(3), format="2019")
    now = make("a/2021.txt", BODY, 2021, cells=_stock(8, issued=8))
    assert run_rules([before, now], "GL502") == []


# ----- GL503 ---------------------------------------------------------------------------------------------

FIVE_2022 = (
    "（一）存在问题。2022年，我局政府信息公开工作立足财政金融实际，工作得到有效落实，但仍存在一定不足。"
    "一是处室主动公开意识有待加强，二是公开内容的深度和广度仍需拓展，三是政策解读形式较为单一。"
    "（二）改进措施。2023年，我局将进一步加强业务培训，完善信息发布审核机制，丰富政策解读形式，"
    "提升政府信息公开的质量和实效。"
)
FIVE_OWN = (
    "（一）存在问题。本年度依申请公开答复文书的说理不够充分，个别答复超过法定期限两日，"
    "网站栏目更新不及时，部分栏目长期空白。（二）改进措施。建立答复文书会审制度，"
    "设立期限提醒台账，按月检查栏目更新情况并通报结果，年底前完成栏目整合。"
)


def test_a_section_copied_but_for_the_year_is_reported_with_its_longest_passage() -> None:
    before = make("a/2022.txt", BODY, 2022, sections={"problems_improvements": FIVE_2022})
    copied = FIVE_2022.replace("2022年", "2023年").replace("2023年，我局将", "2024年，我局将")
    now = make("a/2023.txt", BODY, 2023, sections={"problems_improvements": copied})
    (found,) = run_rules([before, now], "GL503")
    assert (found.key, found.expected, found.actual) == ("section.problems_improvements", "<50%", "100%")
    assert found.message_zh.startswith(
        "五、存在的主要问题及改进情况 有 100% 的文字与上年报告相同（阈值 50%），"
        "最长的相同段落（上年报告 a/2022.txt:2:6）"
    )
    assert "「一）存在问题。2023年，我局政府信息公开工作立足财政金融实际" in found.message_zh


def test_a_section_of_its_own_passes() -> None:
    before = make("a/2022.txt", BODY, 2022, sections={"problems_improvements": FIVE_2022})
    now = make("a/2023.txt", BODY, 2023, sections={"problems_improvements": FIVE_OWN})
    assert run_rules([before, now], "GL503") == []


def test_a_short_section_repeated_every_year_is_not_copying() -> None:
    text = "2023年，无收取信息处理费情况。"
    before = make("a/2022.txt", BODY, 2022, sections={"other_matters": text.replace("2023", "2022")})
    now = make("a/2023.txt", BODY, 2023, sections={"other_matters": text})
    assert run_rules([before, now], "GL503") == []


def test_standard_and_configured_sentences_do_not_count_as_copying() -> None:
    own = "本局建立了专门的工作台账，逐条核对公开目录，确保每一条信息都经过保密审查。" * 2
    template = "我局严格落实上级关于政务公开工作的各项部署要求，持续推进决策、执行、管理、服务、结果公开。" * 3
    before = make("a/2022.txt", BODY, 2022, sections={"overview": template + STANDARD_SENTENCES[0]})
    now = make("a/2023.txt", BODY, 2023, sections={"overview": template + STANDARD_SENTENCES[0] + own})
    (found,) = run_rules([before, now], "GL503")
    assert found.key == "section.overview"
    configured = run_rules([before, now], "GL503", **{"copy-templates": [template[: len(template) // 3]]})
    assert configured == []


def test_the_threshold_is_set_per_section() -> None:
    before = make("a/2022.txt", BODY, 2022, sections={"problems_improvements": FIVE_2022})
    part = FIVE_2022[: len(FIVE_2022) // 2] + FIVE_OWN
    now = make("a/2023.txt", BODY, 2023, sections={"problems_improvements": part})
    assert run_rules([before, now], "GL503") == []
    assert run_rules([before, now], "GL503", **{"copy-threshold": {"overview": 0.2}}) == []
    (found,) = run_rules([before, now], "GL503", **{"copy-threshold": {"problems_improvements": 0.2}})
    assert found.expected == "<20%"
    assert 20 <= int(found.actual.removesuffix("%")) < 50


# ----- GL504 ---------------------------------------------------------------------------------------------

REVIEW = {
    f"review_litigation.review.{c}": v
    for c, v in zip(("upheld", "corrected", "other", "pending", "total"), (1, 0, 0, 1, 2), strict=True)
}


def test_a_review_table_identical_to_last_years_and_not_zero_is_reported() -> None:
    before = make("a/2022.txt", BODY, 2022, cells=REVIEW)
    now = make("a/2023.txt", BODY, 2023, cells=REVIEW)
    (found,) = run_rules([before, now], "GL504")
    assert (found.key, found.actual) == ("review_litigation.identical", 5)
    assert (
        found.message_zh
        == "四、政府信息公开行政复议、行政诉讼情况 的表格与上年报告（a/2022.txt:21:1）的 5 个单元格完全相同，且不全为零"
    )


def test_identical_all_zero_tables_and_changed_tables_pass() -> None:
    zeros = dict.fromkeys(REVIEW, 0)
    assert (
        run_rules([make("a/2022.txt", BODY, 2022, cells=zeros), make("a/2023.txt", BODY, 2023, cells=zeros)], "GL504")
        == []
    )
    changed = {**REVIEW, "review_litigation.review.total": 3, "review_litigation.review.pending": 2}
    assert (
        run_rules(
            [make("a/2022.txt", BODY, 2022, cells=REVIEW), make("a/2023.txt", BODY, 2023, cells=changed)], "GL504"
        )
        == []
    )


# ----- GL505 ---------------------------------------------------------------------------------------------


def test_a_section_copied_from_another_body_is_reported_on_both() -> None:
    a = make("a/2023.txt", BODY, 2023, sections={"problems_improvements": FIVE_OWN})
    b = make("b/2023.txt", OTHER, 2023, sections={"problems_improvements": FIVE_OWN.replace("两日", "三日")})
    c = make("c/2023.txt", "平潭综合实验区农业农村局", 2023, sections={"problems_improvements": FIVE_2022})
    found = run_rules([a, b, c], "GL505")
    assert [(d.location.path, d.key) for d in found] == [
        ("a/2023.txt", f"section.problems_improvements.{OTHER}"),
        ("b/2023.txt", f"section.problems_improvements.{BODY}"),
    ]
    assert found[0].message_zh.startswith(f"五、存在的主要问题及改进情况 与 {OTHER} 的报告（b/2023.txt:2:1）相似度 ")


def test_a_body_renamed_between_years_is_not_another_body() -> None:
    """039/040_assetsinvest: the 2023 report of 国有资产管理局 and the 2024 report of 投资促进局, signed with the old
    name, print the same sections: one body renamed, not a copy from another body.  The same text under two
    names that never print each other's is still reported, and so is a copy within one year."""
    old, new = "平潭综合实验区国有资产管理局", "平潭综合实验区投资促进局"
    signed = {"problems_improvements": FIVE_OWN, "other_matters": f"无。 {old} 2025年1月26日"}
    before = make("gyz/2023.txt", old, 2023, sections={"problems_improvements": FIVE_OWN})
    after = make("gyz/2024.txt", new, 2024, sections=signed)
    third = make("c/2023.txt", "平潭综合实验区农业农村局", 2023, sections={"problems_improvements": FIVE_2022})
    assert run_rules([before, after, third], "GL505") == []
    unsigned = make("gyz/2024.txt", new, 2024, sections={"problems_improvements": FIVE_OWN})
    assert len(run_rules([before, unsigned, third], "GL505")) == 2
    same_year = make("gyz/2023b.txt", new, 2023, sections=signed)
    assert len(run_rules([before, same_year, third], "GL505")) == 2


def test_english_messages_name_a_section_as_the_other_rules_do() -> None:
    a = make("a/2023.txt", BODY, 2023, sections={"problems_improvements": FIVE_OWN})
    b = make("b/2023.txt", OTHER, 2023, sections={"problems_improvements": FIVE_OWN})
    c = make("c/2023.txt", "平潭综合实验区农业农村局", 2023, sections={"problems_improvements": FIVE_2022})
    found = run_rules([a, b, c], "GL505")
    assert found[0].message_en.startswith("section 五 is 100% similar to the report of ")


def test_text_most_bodies_share_is_the_template_not_a_copy() -> None:
    bodies = [f"平潭综合实验区第{i}局" for i in "一二三四五六七八九十"]
    reports = [make(f"{i}.txt", b, 2023, sections={"problems_improvements": FIVE_OWN}) for i, b in enumerate(bodies)]
    assert run_rules(reports, "GL505") == []
    assert len(run_rules(reports, "GL505", **{"cross-body-common-share": 1.0})) == 90


# ----- GL506 ---------------------------------------------------------------------------------------------


def test_two_reports_of_one_body_and_year_are_both_reported() -> None:
    a, b = make("a.txt", BODY, 2023), make("b.txt", BODY, 2023)
    found = run_rules([a, b, make("c.txt", BODY, 2022)], "GL506")
    assert [(d.location.path, d.message_zh) for d in found] == [
        ("a.txt", f"{BODY} 2023 年度还有另一份报告：b.txt"),
        ("b.txt", f"{BODY} 2023 年度还有另一份报告：a.txt"),
    ]


def test_a_government_and_its_office_are_two_bodies_whatever_they_print() -> None:
    """The office's own name holds the government's (洪泽区人民政府 in 洪泽区人民政府办公室), and a government's report
    names its office in its prose (本报告由洪泽区人民政府办公室编制): neither is a rename, so the office's 2024
    section copied from the government's 2023 report is reported on both."""
    government, office = "洪泽区人民政府", "洪泽区人民政府办公室"
    before = make(
        "gov/2023.txt",
        government,
        2023,
        sections={"overview": f"本报告由{office}编制。", "problems_improvements": FIVE_OWN},
    )
    after = make(
        "office/2024.txt",
        office,
        2024,
        sections={"problems_improvements": FIVE_OWN, "other_matters": f"无。 {office} 2025年1月26日"},
    )
    third = make("c/2023.txt", "平潭综合实验区农业农村局", 2023, sections={"problems_improvements": FIVE_2022})
    found = run_rules([before, after, third], "GL505")
    assert [(d.location.path, d.key) for d in found] == [
        ("gov/2023.txt", f"section.problems_improvements.{office}"),
        ("office/2024.txt", f"section.problems_improvements.{government}"),
    ]
