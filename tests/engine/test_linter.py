"""Running rules over a report: selection, isolation of failing rules, ignores, severities."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from engine_support import SamplePlugin, meta, report

import govlint
from govlint import plugins
from govlint.config import Config
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import ConfigError, InputError
from govlint.linter import LintResult, lint_report
from govlint.rule import Rule, RuleContext


def codes_and_places(result: LintResult) -> list[tuple[str, int, int]]:
    return [(d.code, d.location.line, d.location.column) for d in result.diagnostics]


def test_findings_are_sorted_by_position(sample_plugins: plugins.Plugins) -> None:
    result = lint_report(report("aW X\nX W"), plugins=sample_plugins)
    assert codes_and_places(result) == [("TS002", 1, 2), ("TS001", 1, 4), ("TS001", 2, 1), ("TS002", 2, 3)]
    first = result.diagnostics[0]
    assert (first.severity, first.rule, first.location.path) == (Severity.WARNING, "mark-w", "report.txt")
    assert (first.location.end_line, first.location.end_column) == (1, 3)
    assert result.errors == ()


def test_a_failing_rule_is_recorded_and_the_others_still_run(sample_plugins: plugins.Plugins) -> None:
    result = lint_report(report("X crash W"), plugins=sample_plugins)
    assert [d.code for d in result.diagnostics] == ["TS001", "TS002"]
    (failure,) = result.errors
    assert (failure.code, failure.rule, failure.plugin) == ("TS003", "crash", "test-plugin")
    assert failure.error == "ZeroDivisionError: division by zero"
    assert "TS003" in failure.message("en") and "test-plugin" in failure.message("en")
    assert "规则 TS003" in failure.message("zh")
    # The next report is checked normally.
    assert lint_report(report("X"), plugins=sample_plugins).errors == ()


def test_a_rule_yielding_something_else_is_a_failure() -> None:
    class Sloppy(Rule):
        meta = meta("TS010", "sloppy")

        def check(self, report: Any, ctx: RuleContext) -> Any:
            yield "not a diagnostic"

    loaded = plugins.load_plugins(builtins=False, entry_points=False, objects=[SamplePlugin(rules=(Sloppy,))])
    (failure,) = lint_report(report("x"), plugins=loaded).errors
    assert failure.error == "TypeError: yielded str, not a Diagnostic"


def test_a_config_error_raised_by_a_rule_is_not_swallowed() -> None:
    class Strict(Rule):
        meta = meta("TS011", "strict")

        def check(self, report: Any, ctx: RuleContext) -> Any:
            raise ConfigError("option ts-limit = 'x': expected a number")

    loaded = plugins.load_plugins(builtins=False, entry_points=False, objects=[SamplePlugin(rules=(Strict,))])
    with pytest.raises(ConfigError, match="ts-limit"):
        lint_report(report("x"), plugins=loaded)


def test_unselected_rules_do_not_run(sample_plugins: plugins.Plugins) -> None:
    # TS003 would raise on this report; ignoring it means it is never called.
    result = lint_report(report("X crash W"), Config(ignore=["TS003", "TS002"]), plugins=sample_plugins)
    assert [d.code for d in result.diagnostics] == ["TS001"]
    assert result.errors == ()


def test_rules_apply_only_to_their_formats(sample_plugins: plugins.Plugins) -> None:
    assert lint_report(report("Z", fmt="2021"), plugins=sample_plugins).diagnostics == ()
    assert [d.code for d in lint_report(report("Z", fmt="2019"), plugins=sample_plugins).diagnostics] == ["TS004"]


def test_per_file_ignores_and_severity_overrides(sample_plugins: plugins.Plugins) -> None:
    config = Config(per_file_ignores={"old-*.txt": ["TS001"]}, severity={"TS002": "error"})
    old = lint_report(report("X W", path="old-2019.txt"), config, plugins=sample_plugins)
    assert [(d.code, d.severity) for d in old.diagnostics] == [("TS002", Severity.ERROR)]
    new = lint_report(report("X W", path="new.txt"), config, plugins=sample_plugins)
    assert [d.code for d in new.diagnostics] == ["TS001", "TS002"]


def test_rules_receive_options_and_the_reference_date(sample_plugins: plugins.Plugins) -> None:
    config = Config(reference_date=dt.date(2024, 5, 1), options={"ts-limit": 7})
    (d,) = lint_report(report("options"), config, plugins=sample_plugins).diagnostics
    assert d.actual == (7, "2024-05-01")
    (d,) = lint_report(report("options"), plugins=sample_plugins).diagnostics
    assert d.actual == (3, dt.date.today().isoformat())


class ReportCheck:
    """A plugin checking the whole report through ``govlint_check_report``."""

    __name__ = "report-check"

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    @govlint.hookimpl
    def govlint_plugin_info(self) -> dict[str, Any]:
        return {"name": "report-check", "version": "1", "api_version": 1}

    @govlint.hookimpl
    def govlint_check_report(self, report: Any, context: RuleContext) -> list[Diagnostic]:
        if self.fail:
            raise KeyError("section")
        rule = type("Whole", (Rule,), {"meta": meta("RC001", "whole", Severity.INFO)})()
        return [rule.diagnostic(report, None, zh="整份报告", en="whole report")]


def test_report_checks_pass_through_selection_and_isolation() -> None:
    loaded = plugins.load_plugins(builtins=False, entry_points=False, objects=[SamplePlugin(), ReportCheck()])
    assert [d.code for d in lint_report(report("X"), plugins=loaded).diagnostics] == ["RC001", "TS001"]
    assert [d.code for d in lint_report(report("X"), Config(ignore=["RC"]), plugins=loaded).diagnostics] == ["TS001"]
    failing = plugins.load_plugins(builtins=False, entry_points=False, objects=[ReportCheck(fail=True)])
    (failure,) = lint_report(report("X"), plugins=failing).errors
    assert (failure.plugin, failure.code, failure.error) == ("report-check", "", "KeyError: 'section'")


def test_results_are_plain_data(sample_plugins: plugins.Plugins) -> None:
    result = lint_report(report("X crash", agency="某区", report_year=2023), plugins=sample_plugins)
    assert pickle.loads(pickle.dumps(result)) == result
    data = json.loads(json.dumps(result.to_dict("en")))
    assert (data["agency"], data["report_year"]) == ("某区", 2023)
    assert data["diagnostics"][0]["message"] == "found X, expected Y"
    assert data["errors"][0]["code"] == "TS003"


def test_without_a_config_every_installed_rule_runs() -> None:
    # No configuration: the built-in rules (and any installed plugin) check the report; an empty report
    # lacks a title and dates, so some built-in rule reports it, and no rule fails on it.
    result = lint_report(report("", fmt="unknown"))
    assert result.errors == ()
    assert any(d.code.startswith("GL") for d in result.diagnostics)
    assert {d.code for d in result.diagnostics} <= set(plugins.load_plugins().rule_plugin)


SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_46fcf760ef5bf81c.txt"


def test_the_library_face_lints_a_path_and_stays_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    result = govlint.lint(SEED, Config(reference_date=dt.date(2025, 6, 1)))
    assert isinstance(result, LintResult) and result.path == str(SEED)
    assert [d.code for d in result.diagnostics if d.severity is Severity.ERROR] == ["GL105"]
    json.dumps(result.to_dict())
    with pytest.raises(InputError):
        govlint.lint(SEED.with_name("no-such-report.txt"))
    assert capsys.readouterr() == ("", "")
