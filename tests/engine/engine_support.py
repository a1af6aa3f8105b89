"""Sample rules, plugins and reports for the engine tests, written against govlint's public rule API.

The rules mark characters of the report text, so a test states exactly where each finding must be.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import govlint
from govlint.diagnostics import Diagnostic, Severity
from govlint.hookspecs import PLUGIN_API_VERSION
from govlint.model import Report
from govlint.rule import Rule, RuleContext, RuleMeta


def meta(code: str, name: str, severity: Severity = Severity.ERROR, formats: frozenset[str] | None = None) -> RuleMeta:
    extra = {"formats": formats} if formats is not None else {}
    return RuleMeta(
        code=code,
        name=name,
        category="test",
        severity=severity,
        summary_zh=f"测试规则 {name}",
        summary_en=f"test rule {name}",
        rationale=f"Flags what {name} looks for.",
        bad_example="X",
        good_example="Y",
        **extra,
    )


def report(text: str, path: str = "report.txt", fmt: Any = "2021", **fields: Any) -> Report:
    return Report(path=path, text=text, format=fmt, **fields)


class MarkChar(Rule):
    """Flags every occurrence of ``char`` in the text."""

    char = "X"

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        for offset, ch in enumerate(report.text):
            if ch == self.char:
                yield self.diagnostic(
                    report,
                    report.span(offset, offset + 1),
                    zh=f"发现 {ch}，应为 Y",
                    en=f"found {ch}, expected Y",
                    key=f"char.{ch}",
                    expected="Y",
                    actual=ch,
                )


class MarkX(MarkChar):
    meta = meta("TS001", "mark-x")


class MarkW(MarkChar):
    meta = meta("TS002", "mark-w", Severity.WARNING)
    char = "W"


class Crash(Rule):
    meta = meta("TS003", "crash")

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        if "crash" in report.text:
            raise ZeroDivisionError("division by zero")
        yield from ()


class Only2019(MarkChar):
    meta = meta("TS004", "only-2019", formats=frozenset({"2019"}))
    char = "Z"


class Options(Rule):
    """Reports the value of its option and the reference date, to show what rules receive."""

    meta = meta("TS005", "options", Severity.INFO)

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        if "options" in report.text:
            value = (ctx.option("ts-limit"), ctx.reference_date.isoformat())
            yield self.diagnostic(report, None, zh=f"{value}", en=f"{value}", actual=value)


TEST_RULES = (MarkX, MarkW, Crash, Only2019, Options)


class SamplePlugin:
    """A plugin object with every hook."""

    __name__ = "test-plugin"

    def __init__(self, rules: tuple[type[Rule], ...] = TEST_RULES, api_version: int = PLUGIN_API_VERSION) -> None:
        self.rules = rules
        self.api_version = api_version

    @govlint.hookimpl
    def govlint_plugin_info(self) -> dict[str, Any]:
        return {"name": "test-plugin", "version": "1.0", "api_version": self.api_version, "code_prefixes": ["TS"]}

    @govlint.hookimpl
    def govlint_rules(self) -> list[type[Rule]]:
        return list(self.rules)

    @govlint.hookimpl
    def govlint_add_options(self) -> dict[str, Any]:
        return {"ts-limit": 3}


def load_script(name: str) -> ModuleType:
    """The module of ``scripts/<name>.py`` (a generator whose ``--check`` the tests run)."""
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
