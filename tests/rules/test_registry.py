"""The built-in plugin: its hooks, and the metadata contract of every rule."""

from __future__ import annotations

import re

import pluggy
import pytest

import govlint
from govlint import hookspecs
from govlint.diagnostics import Severity
from govlint.rule import ALL_FORMATS, Rule
from govlint.rules import BUILTIN_RULES

from .builder import diagnostics, make_report

EXPECTED_CODES = [
    *("GL001", "GL002", "GL004", "GL005", "GL003"),
    *(f"GL10{i}" for i in (1, 2, 3, 4, 5, 7, 8, 9)),
    "GL110",
    *(f"GL20{i}" for i in range(1, 7)),
    *(f"GL30{i}" for i in range(1, 4)),
    *(f"GL40{i}" for i in range(1, 8)),
    *(f"GL50{i}" for i in range(1, 9)),
    *("GL601", "GL602", "GL603", "GL604", "GL605", "GL606"),
]
CATEGORY = {"0": "input", "1": "structure", "2": "tables", "3": "fees", "4": "dates", "5": "cross", "6": "text"}


def test_codes_are_the_public_contract() -> None:
    assert [r.meta.code for r in BUILTIN_RULES] == EXPECTED_CODES


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.meta.code)
def test_metadata(rule: type[Rule]) -> None:
    meta = rule.meta
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", meta.name)
    assert meta.category == CATEGORY[meta.code[2]]
    assert isinstance(meta.severity, Severity)
    assert re.search(r"[\u4e00-\u9fff]", meta.summary_zh)
    assert meta.summary_en and not re.fullmatch(r"[\u4e00-\u9fff]+", meta.summary_en)
    cites = ("条例", "国办公开办函")  # what users have: the regulation, the format's notice (never "spec §")
    for why in (meta.rationale, meta.rationale_zh):
        assert "§" not in why and not re.search(r"\bspec\b", why, flags=re.I)
        assert (
            any(c in why for c in cites) or meta.category == "input" or meta.code in ("GL108", "GL206")
        )  # reading; plugin tables
    assert re.search(r"[\u4e00-\u9fff]", meta.rationale_zh)
    assert meta.bad_example.strip() and meta.good_example.strip()
    assert meta.bad_example != meta.good_example
    assert meta.formats <= ALL_FORMATS


def test_names_are_unique() -> None:
    names = [r.meta.name for r in BUILTIN_RULES]
    assert len(set(names)) == len(names)


def test_fee_contradiction_and_the_text_rules_are_warnings() -> None:
    severities = {r.meta.code: r.meta.severity for r in BUILTIN_RULES}
    assert severities["GL302"] is Severity.WARNING
    assert severities["GL601"] is Severity.INFO  # the format's text-against-table relation is advisory (spec §7.2 X2)
    assert severities["GL602"] is Severity.WARNING
    assert severities["GL603"] is severities["GL604"] is Severity.WARNING
    assert severities["GL605"] is severities["GL606"] is Severity.INFO  # style, and a hint to the text
    assert severities["GL109"] is Severity.INFO  # a row's order: what converters make of correct tables too
    assert severities["GL110"] is Severity.WARNING  # a table outside its section: the layout, not the figures
    apart = {"GL302", "GL108", "GL109", "GL110"}
    others = {c: s for c, s in severities.items() if c not in apart and not c.startswith(("GL00", "GL5", "GL6"))}
    assert set(others.values()) == {Severity.ERROR}
    assert all(s is Severity.WARNING for c, s in severities.items() if c.startswith("GL5"))


def test_plugin_hooks_register_with_pluggy() -> None:
    manager = pluggy.PluginManager("govlint")
    manager.add_hookspecs(hookspecs)
    import govlint.rules as builtin

    manager.register(builtin, name="govlint-builtin")
    manager.check_pending()
    assert manager.hook.govlint_plugin_info() == [
        {"name": "govlint-builtin", "version": govlint.__version__, "api_version": 1, "code_prefixes": ["GL"]}
    ]
    [rules] = manager.hook.govlint_rules()
    assert [r.meta.code for r in rules] == EXPECTED_CODES
    assert manager.hook.govlint_add_options() == [
        {
            "deadline-department": "01-31",
            "deadline-government": "03-31",
            "aliases": {},
            "history": "",
            "roster": "",
            "copy-threshold": {"problems_improvements": 0.5, "overview": 0.5, "other_matters": 0.5},
            "copy-min-chars": 100,
            "copy-templates": [],
            "cross-body-threshold": 0.8,
            "cross-body-common-share": 0.2,
            "substance-min-chars": 40,
            "substance-problem-words": [],
            "substance-measure-words": [],
            "substance-generic-phrases": [],
            "substance-generic-share": 0.6,
            "substance-concrete-share": 0.2,
        }
    ]


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_a_consistent_report_has_no_finding(fmt: str) -> None:
    year = 2024 if fmt == "2021" else 2020
    report = make_report(fmt=fmt, year=year, signature=f"{year + 1}年1月20日", period=(f"{year}年1月1日", "12月31日"))
    found = [d for rule in BUILTIN_RULES for d in diagnostics(rule, report)]
    assert found == []


def test_diagnostics_are_json_serialisable() -> None:
    import json

    report = make_report(cells={"applications.results_total.natural_person": 2}, signature=None)
    found = [d for rule in BUILTIN_RULES for d in diagnostics(rule, report)]
    assert found
    for lang in ("zh", "en"):
        json.dumps([d.to_dict(lang) for d in found], ensure_ascii=False)
