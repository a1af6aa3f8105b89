"""Wordings of real reports that govlint does not (or not fully) know must not become error-level findings.

Each case is seed 003 (a report without findings) edited to one variant seen in, or plausible for, reports
from elsewhere in China: headings numbered as parts, with other marks or in other words, other names for the
report in its title, a year in Chinese numerals, dates in other notations, the fee stated in another section.
What govlint does not recognise may give a warning that says so; an error would accuse the report of a
defect it does not have (issue #10: one false accusation costs more than ten missed defects).  The last
cases keep the real defects: a variant must not hide them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import govlint
from govlint.config import Config
from govlint.diagnostics import Severity
from govlint.schema import SECTIONS

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"
HEADINGS = tuple(spec.title for spec in SECTIONS)
NUMERALS = "一二三四五六"
TITLE = "叶城县河园镇人民政府 2024 年政府信息公开 工作年度报告"
SIGNED = "2025年1月20日"
FEE = (
    "本机关按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》(国办函【2020】109号)规定的按件、"
    "按量收费标准，本年度没有产生信息公开处理费。"
)


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def numbered(number: Callable[[int, str], str]) -> str:
    """The seed with each section heading numbered by ``number(index, title without numeral)``."""
    text = seed()
    for i, heading in enumerate(HEADINGS):
        text = re.sub(f"^{re.escape(heading)}$", number(i, heading[2:]), text, flags=re.MULTILINE)
    return text


def heading(old: str, new: str) -> str:
    text = seed()
    assert f"\n{old}\n" in text
    return text.replace(f"\n{old}\n", f"\n{new}\n")


def replaced(old: str, new: str) -> str:
    text = seed()
    assert old in text
    return text.replace(old, new)


#: name -> (the report's text, the codes that may warn about it).
VARIANTS: dict[str, tuple[str, frozenset[str]]] = {
    # Section headings: numbered as parts, other marks, odd spacing (recognised: no finding at all).
    "part": (numbered(lambda i, t: f"第{NUMERALS[i]}部分 {t}"), frozenset()),
    "part-colon": (numbered(lambda i, t: f"第{NUMERALS[i]}部分：{t}"), frozenset()),
    "dot": (numbered(lambda i, t: f"{NUMERALS[i]}.{t}"), frozenset()),
    "full-width-dot": (numbered(lambda i, t: f"{NUMERALS[i]}．{t}"), frozenset()),
    "spaces": (numbered(lambda i, t: f"\u3000\u3000{NUMERALS[i]} 、 {t}"), frozenset()),
    "2019-wording-4": (heading(HEADINGS[3], "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"), frozenset()),
    "2019-wording-5": (heading(HEADINGS[4], "五、政府信息公开工作存在的主要问题及改进情况"), frozenset()),
    # Numbered as list items or in words govlint does not know: a warning about the reading (GL101).
    "parenthesised": (numbered(lambda i, t: f"（{NUMERALS[i]}）{t}"), frozenset({"GL101"})),
    "arabic": (numbered(lambda i, t: f"{i + 1}.{t}"), frozenset({"GL101"})),
    "arabic-comma": (numbered(lambda i, t: f"{i + 1}、{t}"), frozenset({"GL101"})),
    "basic-situation": (heading(HEADINGS[0], "一、基本情况"), frozenset({"GL101"})),
    "work-overview": (heading(HEADINGS[0], "一、工作概况"), frozenset({"GL101"})),
    "active-short": (heading(HEADINGS[1], "二、主动公开情况"), frozenset({"GL101"})),
    "on-request": (heading(HEADINGS[2], "三、依申请公开情况"), frozenset({"GL101"})),
    "shortcomings": (heading(HEADINGS[4], "五、存在的不足及改进措施"), frozenset({"GL101"})),
    "problems-measures": (heading(HEADINGS[4], "五、存在问题和改进措施"), frozenset({"GL101"})),
    # Titles.
    "title-niandu": (replaced(TITLE, "叶城县河园镇人民政府2024年度政府信息公开工作年度报告"), frozenset()),
    "title-guanyu": (replaced(TITLE, "叶城县河园镇人民政府关于2024年政府信息公开工作年度报告"), frozenset()),
    "title-two-lines": (replaced(TITLE, "叶城县河园镇人民政府\n2024年政府信息公开工作年度报告"), frozenset()),
    "title-chinese-year": (replaced(TITLE, "叶城县河园镇人民政府二〇二四年政府信息公开工作年度报告"), frozenset()),
    "title-nianbao": (replaced(TITLE, "叶城县河园镇人民政府2024年政府信息公开年报"), frozenset({"GL107"})),
    "title-no-gongzuo": (replaced(TITLE, "叶城县河园镇人民政府2024年政府信息公开年度报告"), frozenset({"GL107"})),
    "title-zhengwu": (replaced(TITLE, "叶城县河园镇2024年政务公开工作年度报告"), frozenset({"GL107"})),
    "title-qingkuang": (
        replaced(TITLE, "叶城县河园镇人民政府关于2024年度政府信息公开工作情况的报告"),
        frozenset({"GL107"}),
    ),
    # Signature dates in other notations.
    "date-chinese": (replaced(SIGNED, "二〇二五年一月二十日"), frozenset()),
    "date-chinese-o": (replaced(SIGNED, "二○二五年一月二十日"), frozenset()),
    "date-iso": (replaced(SIGNED, "2025-01-20"), frozenset()),
    "date-dots": (replaced(SIGNED, "2025.1.20"), frozenset()),
    "date-slashes": (replaced(SIGNED, "2025/1/20"), frozenset()),
    "date-spaced": (replaced(SIGNED, "2025 年 1 月 20 日"), frozenset()),
    "date-zero-padded": (replaced(SIGNED, "2025年01月20日"), frozenset()),
    "date-chinese-ling": (replaced(SIGNED, "二零二五年一月二十日"), frozenset()),
    "date-month-only": (replaced(SIGNED, "2025年1月"), frozenset({"GL407"})),  # dated, if not to the day
    "date-chinese-month-only": (replaced(SIGNED, "二〇二五年一月"), frozenset({"GL407"})),
    # The fee in other words, or in another section.
    "fee-no-charge": (replaced(FEE, "本年度政府信息公开未发生收费情况。"), frozenset()),
    "fee-not-charged": (replaced(FEE, "本机关未向申请人收费。"), frozenset()),
    "fee-free": (replaced(FEE, "本年度依申请公开均免费提供。"), frozenset()),
    "fee-none-collected": (replaced(FEE, "本机关无收取信息处理费情况。"), frozenset()),
    "fee-zero-10k": (replaced(FEE, "本年度共收取信息处理费0.00万元。"), frozenset()),
    "fee-any-cost": (replaced(FEE, "本年度没有收取任何费用。"), frozenset()),
    "fee-in-section-1": (
        replaced(FEE, "无其他需要报告的事项。").replace(
            "（二）依申请公开方面：", "（二）依申请公开方面：本年度未收取信息处理费。"
        ),
        frozenset(),
    ),
    "fee-in-section-5": (
        heading(HEADINGS[4], HEADINGS[4] + "\n本年度未收取信息处理费。").replace(FEE, "无。"),
        frozenset(),
    ),
    # Publishers of other levels (GL402): 31 January holds for both, the seed is signed 20 January.
    "street": (seed().replace("叶城县河园镇人民政府", "叶城县河园街道办事处"), frozenset()),
    "development-zone": (seed().replace("叶城县河园镇人民政府", "叶城经济开发区管委会"), frozenset()),
}


def lint(text: str, tmp_path: Path, name: str) -> list[govlint.Diagnostic]:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return list(govlint.lint(path, Config()).diagnostics)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_variant_is_never_an_error(name: str, tmp_path: Path) -> None:
    text, may_warn = VARIANTS[name]
    found = lint(text, tmp_path, name)
    errors = [f"{d.code} {d.message_zh}" for d in found if d.severity is Severity.ERROR]
    assert errors == []
    assert {d.code for d in found} <= may_warn


def test_an_unknown_heading_says_what_it_read(tmp_path: Path) -> None:
    found = lint(VARIANTS["shortcomings"][0], tmp_path, "shortcomings")
    [d] = [d for d in found if d.code == "GL101"]
    assert d.unread
    assert "“五、存在的不足及改进措施”" in d.message_zh
    assert d.location.line == seed().split("\n").index(HEADINGS[4]) + 1


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("fee-nowhere", replaced(FEE, "无。"), "GL301"),
        ("no-section-5", heading(HEADINGS[4], "").replace("一是", "").replace("二是", ""), "GL101"),
        ("late-street", replaced(SIGNED, "2025年2月20日").replace("叶城县河园镇人民政府", "河园街道办事处"), "GL402"),
        ("title-without-body", replaced(TITLE, "2024年政府信息公开年报"), "GL107"),
        ("no-date", replaced(SIGNED, ""), "GL407"),
        ("month-in-the-text-only", replaced(SIGNED, "").replace("五、存在", "2024年1月以来，五、存在"), "GL407"),
    ],
)
def test_the_real_defects_stay_errors(name: str, text: str, code: str, tmp_path: Path) -> None:
    found = lint(text, tmp_path, name)
    assert code in {d.code for d in found if d.severity is Severity.ERROR}
