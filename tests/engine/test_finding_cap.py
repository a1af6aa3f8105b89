"""The per-report cap on the findings of one code (``max-findings-per-rule``, issue #16): the first are
listed, the rest counted in one notice that the exit status, the closing line and the score still see."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs
from engine_support import SamplePlugin, meta, report

from govlint import plugins
from govlint.config import DEFAULT_MAX_FINDINGS, Config
from govlint.diagnostics import Severity
from govlint.linter import lint_report
from govlint.output import FileOutput, Tally
from govlint.rule import Rule, RuleContext
from govlint.scoring import Scheme, score_report

CJK = re.compile(r"[\u4e00-\u9fff]")


def marks(text: str, cap: int, sample_plugins: plugins.Plugins, **config: Any) -> tuple[Any, ...]:
    return lint_report(report(text), Config(max_findings_per_rule=cap, **config), plugins=sample_plugins).diagnostics


def test_past_the_cap_findings_are_counted_in_one_notice(sample_plugins: plugins.Plugins) -> None:
    found = marks("X" * 7 + "\nW", 3, sample_plugins)
    assert [(d.code, d.location.column, d.omitted) for d in found] == [
        ("TS001", 1, 0),
        ("TS001", 2, 0),
        ("TS001", 3, 0),
        ("TS001", 4, 4),  # where the first unlisted one is, standing for all four
        ("TS002", 1, 0),  # another code has its own count
    ]
    notice = found[3]
    assert (notice.severity, notice.actual, notice.expected, notice.weight) == (Severity.ERROR, 4, 3, 4)
    assert "4" in notice.message_zh and "--max-findings-per-rule 0" in notice.message_zh
    assert "4 more TS001 findings" in notice.message_en and not CJK.search(notice.message_en)
    assert not re.search(r"[A-Za-z]{4,}", notice.message_zh.replace("max-findings-per-rule", ""))
    assert notice.to_dict("en")["omitted"] == 4


def test_reports_under_the_cap_are_unchanged(sample_plugins: plugins.Plugins) -> None:
    text = "XXX W X\nW"
    assert marks(text, 4, sample_plugins) == marks(text, 0, sample_plugins)
    assert all("omitted" not in d.to_dict() for d in marks(text, 4, sample_plugins))


def test_zero_lists_every_finding_and_the_default_is_a_hundred(sample_plugins: plugins.Plugins) -> None:
    assert len(marks("X" * 250, 0, sample_plugins)) == 250
    found = lint_report(report("X" * 250), Config(), plugins=sample_plugins).diagnostics
    assert Config().max_findings_per_rule == DEFAULT_MAX_FINDINGS == 100
    assert [d.omitted for d in found[-2:]] == [0, 150] and len(found) == 101


def test_the_cap_counts_what_the_configuration_reports(sample_plugins: plugins.Plugins) -> None:
    # Ignored findings are not counted; overridden severities are those of the notice.
    assert len(marks("X" * 9, 2, sample_plugins, ignore=["TS001"])) == 0
    found = marks("X" * 9, 2, sample_plugins, severity={"TS001": "info"})
    assert [(d.severity, d.omitted) for d in found] == [(Severity.INFO, 0)] * 2 + [(Severity.INFO, 7)]


def test_the_notice_keeps_the_most_severe_and_the_unread_apart() -> None:
    class Mixed(Rule):
        meta = meta("TS020", "mixed", Severity.INFO)

        def check(self, report: Any, ctx: RuleContext) -> Any:
            for i in range(5):
                unread = i != 3
                severity = Severity.ERROR if i == 3 else Severity.INFO
                found = self.diagnostic(report, None, zh="问题", en="finding", unread=unread)
                yield attrs.evolve(found, severity=severity)

    loaded = plugins.load_plugins(builtins=False, entry_points=False, objects=[SamplePlugin(rules=(Mixed,))])
    found = lint_report(report("x"), Config(max_findings_per_rule=2), plugins=loaded).diagnostics
    # past the cap: two unread places (info) and one error, in two notices: the closing line counts one
    # problem and two places not read, not three errors
    notices = {(d.severity, d.unread, d.omitted, d.key) for d in found if d.omitted}
    assert notices == {
        (Severity.INFO, True, 2, "TS020.omitted.unread"),
        (Severity.ERROR, False, 1, "TS020.omitted"),
    }


def test_a_bad_item_past_the_cap_still_fails_the_rule() -> None:
    class Late(Rule):
        meta = meta("TS021", "late")

        def check(self, report: Any, ctx: RuleContext) -> Any:
            for _ in range(5):
                yield self.diagnostic(report, None, zh="问题", en="finding")
            yield "not a diagnostic"

    loaded = plugins.load_plugins(builtins=False, entry_points=False, objects=[SamplePlugin(rules=(Late,))])
    result = lint_report(report("x"), Config(max_findings_per_rule=2), plugins=loaded)
    assert result.diagnostics == ()
    assert [f.error for f in result.errors] == ["TypeError: yielded str, not a Diagnostic"]


def test_scores_and_the_closing_line_count_every_finding(sample_plugins: plugins.Plugins) -> None:
    # A scheme without a cap, where each finding deducts: the capped run deducts as the full one.
    counted = frozenset({Severity.ERROR, Severity.WARNING})
    scheme = Scheme(base=Decimal(100), deduct=(("TS", Decimal("0.5")),), cap=(), severities=counted)
    full, capped = marks("X" * 30 + "W", 0, sample_plugins), marks("X" * 30 + "W", 4, sample_plugins)
    assert len(capped) == 6
    full_score, capped_score = score_report("r", full, scheme), score_report("r", capped, scheme)
    assert capped_score.score == full_score.score == Decimal("84.5")
    assert capped_score.to_dict() == full_score.to_dict()
    tallies = []
    for found in (full, capped):
        tally = Tally()
        tally.add(FileOutput("r", found))
        tallies.append(tally)
    assert tallies[0].counts == tallies[1].counts
    assert tallies[1].summary("zh").startswith("共 31 个问题（错误 30，警告 1，提示 0）；其中 26 个未逐条列出")
    assert "26 of them not listed" in tallies[1].summary("en") and not CJK.search(tallies[1].summary("en"))


def test_places_not_read_past_the_cap_are_not_problems_in_the_closing_line() -> None:
    class Unread(Rule):
        meta = meta("TS021", "unread", Severity.WARNING)

        def check(self, report: Any, ctx: RuleContext) -> Any:
            for _ in range(5):
                yield self.diagnostic(report, None, zh="未能读取", en="not read", unread=True)

    loaded = plugins.load_plugins(builtins=False, entry_points=False, objects=[SamplePlugin(rules=(Unread,))])
    result = lint_report(report("x"), Config(max_findings_per_rule=2), plugins=loaded)
    tally = Tally()
    tally.add(FileOutput(result.path, result.diagnostics))
    assert (tally.problems, tally.unread, tally.omitted) == (0, 5, 0)
    assert "未逐条列出" not in tally.summary("zh") and "not listed" not in tally.summary("en")
