"""GL603–GL606: whether section 五 says anything, and whether the text owns up to corrected cases."""

from __future__ import annotations

from typing import Any

import pytest

from govlint.config import Config
from govlint.errors import ConfigError
from govlint.linter import lint_report
from govlint.rule import RuleContext
from govlint.rules.substance import (
    SUBSTANCE_OPTIONS,
    CorrectedCasesUnmentioned,
    SectionFiveGeneric,
    SectionFiveHalf,
    SectionFiveHollow,
    corrected_cases,
    specificity,
)

from .builder import diagnostics, make_report

#: A section 五 that names particular problems and measures (from the shapes of real reports).
GOOD_FIVE = (
    "（一）存在的主要问题：一是“基层政务公开”栏目全年有3个月未更新；二是政策解读以文字为主，未运用图解、视频等形式。"
    "（二）改进措施：一是建立栏目更新台账，每月检查一次；二是2025年6月前对重要政策全部配套图解解读。"
)
#: Slogans only (the shape of several Pingtan reports).
GENERIC_FIVE = (
    "2024年，我局政府信息公开工作取得一定成效，但仍存在一些不足，信息公开渠道有待提升，业务水平还不够高，"
    "主动性和时效性还需进一步加强。下一步，我局将严格按照要求全力做好政府信息公开工作。一是加强业务培训，进一步增强"
    "干部职工政府信息公开意识，努力提高全局政府信息公开业务水平。二是加强服务意识，不断拓宽公开渠道，进一步完善公开"
    "方式。三是持续推进政务公开标准化规范化建设，全面提升工作水平。"
)
#: Problems, no measure.
PROBLEMS_ONLY = "一是政策解读形式单一，未运用图解、视频等方式；二是“基层政务公开”栏目更新不及时，信息公开滞后。"


def run(rule: type[Any], five_text: str, **kwargs: Any) -> list[Any]:
    options = kwargs.pop("options", None)
    return diagnostics(rule, make_report(five_text=five_text, **kwargs), options=options)


# GL603 ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("", "为空"),
        ("无。", "只写了“无”"),
        ("暂无", "只写了“暂无”"),
        ("存在问题：无。改进措施：加强培训。", "只有 13 字"),
    ],
)
def test_gl603_hollow_section(text: str, what: str) -> None:
    report = make_report(five_text=text)
    [d] = diagnostics(SectionFiveHollow, report)
    heading = report.section("problems_improvements").title  # type: ignore[union-attr]
    assert d.message_zh == f"第五部分“{heading}”{what}：应写明本年度存在的主要问题和改进措施（至少 40 字）"
    assert d.location.line == report.section("problems_improvements").span.line  # type: ignore[union-attr]
    assert d.key == "five.hollow"


def test_gl603_a_real_section_is_silent_and_the_length_is_configurable() -> None:
    assert run(SectionFiveHollow, GOOD_FIVE) == []
    short = "存在问题：栏目更新不及时。改进措施：专人每月更新。"
    assert len(run(SectionFiveHollow, short)) == 1
    assert run(SectionFiveHollow, short, options={"substance-min-chars": 10}) == []
    # "无" stays hollow whatever the length asked.
    assert len(run(SectionFiveHollow, "无", options={"substance-min-chars": 0})) == 1


def test_gl603_never_judges_what_it_could_not_read() -> None:
    assert run(SectionFiveHollow, "\ufffd\ufffd") == []  # undecodable bytes: not read, not "empty"
    assert diagnostics(SectionFiveHollow, make_report(drop_sections=[5])) == []  # missing: GL101's


def test_gl603_rejects_a_bad_option() -> None:
    with pytest.raises(ConfigError, match="substance-min-chars"):
        run(SectionFiveHollow, "无", options={"substance-min-chars": "forty"})


# GL604 ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (PROBLEMS_ONLY, "five.no_measures"),
        # A measure verb after 有待/仍需 belongs to the problem.
        (
            "一是公开内容不够全面，部分信息更新滞后，信息发布的规范性有待进一步加强；二是工作人员业务能力仍需提高。",
            "five.no_measures",
        ),
        (
            "下一步，我镇将建立栏目更新台账，每月检查一次，并对重要政策全部配套图解解读，组织业务培训两次。",
            "five.no_problems",
        ),
        (
            "本年度未发现问题。下一步，我镇将建立栏目更新台账，每月检查一次，并对重要政策配套图解解读。",
            "five.no_problems",
        ),
    ],
)
def test_gl604_one_half_missing(text: str, key: str) -> None:
    [d] = run(SectionFiveHalf, text)
    assert d.key == key
    assert ("没有改进措施" if key == "five.no_measures" else "没有指出存在的问题") in d.message_zh


@pytest.mark.parametrize("cut", ["有待\n进一步提高", "有待进\n一步提高", "有待 进一步提高"])
def test_gl604_reads_a_negated_measure_across_a_line_break(cut: str) -> None:
    # a PDF's line break between 有待 and 进一步提高 does not turn the problem into a measure (found by the
    # half_five property with broken paragraphs)
    text = f"存在的主要问题：部分信息公开不及时，公开内容不够全面，工作人员业务能力{cut}，政务新媒体互动回应较少。"
    [d] = run(SectionFiveHalf, text)
    assert d.key == "five.no_measures"


def test_gl604_both_halves_or_hollow_are_silent() -> None:
    assert run(SectionFiveHalf, GOOD_FIVE) == []
    assert run(SectionFiveHalf, GENERIC_FIVE) == []
    assert run(SectionFiveHalf, "无。") == []  # GL603's


def test_gl604_lexicons_are_extended_by_config_and_by_a_plugin_option() -> None:
    text = PROBLEMS_ONLY + "另行研究。"
    assert len(run(SectionFiveHalf, text)) == 1
    assert run(SectionFiveHalf, text, options={"substance-measure-words": ["另行研究"]}) == []
    assert run(SectionFiveHalf, text, options={"fj-measure-words": ["另行研究"]}) == []  # a plugin's option
    with pytest.raises(ConfigError, match="fj-measure-words"):
        run(SectionFiveHalf, text, options={"fj-measure-words": "另行研究"})


# GL605 ---------------------------------------------------------------------------------------------------------


def test_gl605_generic_section() -> None:
    [d] = run(SectionFiveGeneric, GENERIC_FIVE)
    assert d.severity.value == "info"
    assert d.key == "five.generic"
    assert "句是套话" in d.message_zh and "没有一句有具体内容" in d.message_zh


def test_gl605_concrete_section_is_silent() -> None:
    assert run(SectionFiveGeneric, GOOD_FIVE) == []
    score = specificity(GOOD_FIVE, SUBSTANCE_OPTIONS["substance-generic-phrases"])
    assert score.concrete >= 3


@pytest.mark.parametrize(
    "item",
    [
        "“基层政务公开”栏目更新不及时",  # a named column
        "全年有3个月未更新",  # a number
        "6月前完成梳理",  # a date
        "每季度开展一次检查",  # a frequency
        "严格执行信息发布三审三校制度",  # a named system
        "依托微信公众号发布",  # a named channel
    ],
)
def test_gl605_what_counts_as_concrete(item: str) -> None:
    assert specificity(item + "，进一步加强。", ()).concrete == 1


@pytest.mark.parametrize(
    "item",
    [
        "2024年，我局将进一步加强培训",  # a bare year is boilerplate
        "认真贯彻落实《中华人民共和国政府信息公开条例》",  # the 条例 every report cites
    ],
)
def test_gl605_boilerplate_is_not_concrete(item: str) -> None:
    assert specificity(item + "。", ()).concrete == 0


def test_gl605_pdf_line_breaks_and_page_numbers_do_not_cut_sentences() -> None:
    broken = "一是进一步加强业务培\n训，不断提升水平。\n\n      -4-\n二是持续推进政务公开\n，全面提升工作水平。"
    assert specificity(broken, ("进一步加强", "持续推进")) == specificity(
        "一是进一步加强业务培训，不断提升水平。二是持续推进政务公开，全面提升工作水平。", ("进一步加强", "持续推进")
    )


@pytest.mark.parametrize("page", ["- 4 -", "第 4 页", "第4页 共12页", "4/12"])
def test_gl605_every_page_number_schema_knows_is_dropped(page: str) -> None:
    """The page numbers are schema.PAGE_NUMBER's, as the PDF reader and the stray lines know them: the 4 of
    第 4 页 joined into a sentence would make a generic sentence concrete."""
    broken = f"一是进一步加强业务培\n{page}\n训，不断提升水平。"
    assert specificity(broken, ("进一步加强",)) == specificity(
        "一是进一步加强业务培训，不断提升水平。", ("进一步加强",)
    )


def test_gl605_thresholds_are_configurable() -> None:
    assert run(SectionFiveGeneric, GENERIC_FIVE, options={"substance-generic-share": 1.0}) == []
    with pytest.raises(ConfigError, match="substance-concrete-share"):
        run(SectionFiveGeneric, GENERIC_FIVE, options={"substance-concrete-share": 2})


def test_gl605_short_sections_are_not_judged() -> None:
    text = "信息公开渠道有待提升，业务水平还需进一步加强。下一步，我局将持续推进政务公开，不断提升工作水平。"
    assert run(SectionFiveGeneric, text) == []  # two items: too few to judge a style


# GL606 ---------------------------------------------------------------------------------------------------------

CORRECTED = {"review": [0, 1, 0, 0, 1], "litigation_direct": [1, 2, 0, 0, 3]}


def test_gl606_corrected_cases_the_text_never_mentions() -> None:
    report = make_report(review=CORRECTED)
    [d] = diagnostics(CorrectedCasesUnmentioned, report)
    cell = report.tables.review_litigation.cell("review.corrected")  # type: ignore[union-attr]
    assert (d.location.line, d.location.column) == (cell.span.line, cell.span.column)  # type: ignore[union-attr]
    assert d.actual == 3 and d.severity.value == "info"
    assert d.message_zh.startswith("表四“结果纠正”共 3 件")
    assert corrected_cases(report, RuleContext()) is not None
    assert corrected_cases(report, RuleContext())[0] == 3  # type: ignore[index]


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度发生行政复议1件，因超期答复被复议机关确认违法，已整改。",
        "行政诉讼中有2件被法院判决撤销。",
        "全年发生政府信息公开行政复议1件、行政诉讼3件。",  # the cases stated with their count
    ],
)
def test_gl606_silent_when_the_text_speaks_of_the_cases(sentence: str) -> None:
    assert diagnostics(CorrectedCasesUnmentioned, make_report(review=CORRECTED, prose=[sentence])) == []


def test_gl606_silent_without_corrections_or_readable_cells() -> None:
    assert diagnostics(CorrectedCasesUnmentioned, make_report()) == []
    unread = make_report(review=CORRECTED, cells={"review_litigation.review.corrected": None})
    assert diagnostics(CorrectedCasesUnmentioned, unread) == []
    assert corrected_cases(unread, RuleContext()) is None
    # The group's total disagrees with its cells (GL204's): the count is not trusted.
    broken = make_report(review={"review": [0, 1, 0, 0, 0]})
    assert diagnostics(CorrectedCasesUnmentioned, broken) == []
    assert corrected_cases(broken, RuleContext()) is None


def test_the_lint_result_carries_the_corrected_count() -> None:
    # Reviewers' schemes deduct per corrected case: the count travels with each linted report.
    result = lint_report(make_report(review=CORRECTED))
    assert result.corrected_cases == 3
    assert result.to_dict()["corrected_cases"] == 3
    assert lint_report(make_report()).corrected_cases == 0
    assert lint_report(make_report(review={"review": [0, 1, 0, 0, 0]})).corrected_cases is None


def test_gl606_a_mention_broken_over_lines_is_a_mention() -> None:
    report = make_report(review=CORRECTED, prose=["本年度被复议机关纠", "正的答复已全部整改。"])
    assert diagnostics(CorrectedCasesUnmentioned, report) == []


def test_gl606_table_four_column_labels_outside_its_span_are_no_mention() -> None:
    labels = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
    assert len(diagnostics(CorrectedCasesUnmentioned, make_report(review=CORRECTED, prose=[labels]))) == 1


@pytest.mark.parametrize("rule", [SectionFiveHollow, SectionFiveHalf, SectionFiveGeneric])
def test_the_rule_pages_examples_fail_and_pass_as_they_say(rule: type[Any]) -> None:
    def five(example: str) -> str:
        return example.split("\n")[1]  # the line under the heading of section 五

    assert len(run(rule, five(rule.meta.bad_example))) == 1
    assert run(rule, five(rule.meta.good_example)) == []


def test_gl606_page_examples() -> None:
    review = {"review": [0, 1, 0, 0, 1]}
    good = CorrectedCasesUnmentioned.meta.good_example.split("\n")[1]
    assert len(diagnostics(CorrectedCasesUnmentioned, make_report(review=review))) == 1
    assert diagnostics(CorrectedCasesUnmentioned, make_report(review=review, prose=[good])) == []


def test_the_options_are_read_from_the_configuration() -> None:
    # [tool.govlint] substance-min-chars = 1000: the builder's section 五 (some 40 characters) is hollow.
    config = Config.from_mapping({"substance-min-chars": 1000, "select": ["GL603"]})
    [d] = lint_report(make_report(), config).diagnostics
    assert (d.code, d.expected) == ("GL603", 1000)
    with pytest.raises(ConfigError, match="substance-min-chars"):
        lint_report(make_report(), Config.from_mapping({"substance-min-chars": "many"}))
