"""FJ101: the fee figures of this year's report against the same body's report of the year before."""

from __future__ import annotations

import attrs
import govlint
from govlint.crossreport import Run, digest
from govlint.model import Report
from govlint.rule import RuleContext

from govlint_fujian.cross import FeeFiguresRepeated
from govlint_fujian.layout import FEE_TABLE

HEADER = "信息处理费收取情况\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）"


def report(year: int, values: str, name: str) -> Report:
    text = (
        f"平潭综合实验区市场监督管理局{year}年政府信息公开工作年度报告\n"
        f"六、其他需要报告的事项\n本年度信息处理费情况如下。\n{HEADER}\n\t{values}\n"
    )
    return attrs.evolve(govlint.parse_text(text, tables=[FEE_TABLE]), path=name)


def findings(before: str, now: str) -> list[tuple[str, int, str, str]]:
    run = Run((digest(report(2023, before, "2023.txt")), digest(report(2024, now, "2024.txt"))))
    found = FeeFiguresRepeated().check_run(run, RuleContext())
    return [(d.location.path, d.location.line, d.key, d.message_zh) for d in found]


def test_repeated_fee_figures_are_reported_at_this_years_first_figure() -> None:
    assert findings("2\t300\t300", "2\t300\t300") == [
        (
            "2024.txt",
            5,
            "fee.repeated",
            "信息处理费收取情况（2 300 300）与上年报告（2023.txt:5:2）完全相同，请核实是否沿用了上年数据",
        )
    ]


def test_changed_or_zero_figures_pass() -> None:
    assert findings("2\t300\t300", "1\t100\t100") == []
    assert findings("0\t0\t0", "0\t0\t0") == []
