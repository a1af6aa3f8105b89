"""The ``level`` setting: the publishing body's level per file or glob, handed to GL402 through RuleContext."""

from __future__ import annotations

import attrs
import pytest

from govlint.config import Config
from govlint.errors import ConfigError
from govlint.linter import lint_report

from .builder import make_report

TITLE = "苏州工业园区2024年政府信息公开工作年度报告"  # shows no level


def test_level_by_glob_and_last_match_wins() -> None:
    config = Config.from_mapping({"level": {"zones/*.txt": "government", "zones/dept-*.txt": "department"}})
    assert config.level_for("zones/a.txt") == "government"
    assert config.level_for("zones/dept-1.txt") == "department"
    assert config.level_for("other/a.txt") is None


@pytest.mark.parametrize("value", ["government", {"*.txt": "county"}, {"*.txt": 1}])
def test_level_values_are_checked(value: object) -> None:
    with pytest.raises(ConfigError, match="level"):
        Config.from_mapping({"level": value})


def test_level_reaches_gl402() -> None:
    report = attrs.evolve(make_report(agency="", title=TITLE, signature="2025年2月10日"), path="zones/park.txt")
    unknown = lint_report(report, Config(select=("GL402",)))
    assert unknown.diagnostics == ()  # late only for a department: not reported without the level
    told = lint_report(report, Config(select=("GL402",), level={"zones/*": "department"}))
    [d] = told.diagnostics
    assert d.expected == "2025-01-31"
