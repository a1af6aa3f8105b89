"""Scoring: the documented formula, the scheme's configuration and plugin hook, and the JSON scores.

The property computes its oracle with fractions and a different prefix search (the code's own prefixes,
longest first) than govlint's, from the formula written in docs/reviewer.md.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govlint
from govlint import cli, plugins
from govlint.config import Config
from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.errors import ConfigError, PluginError
from govlint.scoring import DEFAULT_SCHEME, scheme_for, score_report

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan"
CODES = ("GL101", "GL105", "GL108", "GL201", "GL203", "GL301", "GL402", "GL503", "FJ101", "FJ203")


@pytest.fixture(autouse=True)
def _fresh_plugins() -> Iterator[None]:
    plugins.clear_cache()
    yield
    plugins.clear_cache()


def finding(code: str, severity: Severity = Severity.ERROR, *, unread: bool = False, line: int = 1) -> Diagnostic:
    return Diagnostic(code, severity, "问题", "problem", Location("r.txt", line, 1, line, 2), unread=unread)


def bare(*objects: object) -> plugins.Plugins:
    return plugins.load_plugins(builtins=False, entry_points=False, objects=objects)


# -- the formula -------------------------------------------------------------------------------------------

prefixes = st.sampled_from(sorted({"ALL"} | {c[:n] for c in CODES for n in range(2, len(c) + 1)}))
points = st.one_of(st.integers(0, 40), st.decimals(0, 40, places=2).map(float))
tables = st.dictionaries(prefixes, points, max_size=6)
findings = st.lists(
    st.builds(
        finding,
        st.sampled_from(CODES),
        st.sampled_from(list(Severity)),
        unread=st.booleans(),
        line=st.integers(1, 50),
    ),
    max_size=40,
)
schemes = st.fixed_dictionaries(
    {},
    optional={
        "base": st.one_of(st.integers(0, 150), st.decimals(0, 150, places=1).map(float)),
        "deduct": tables,
        "cap": tables,
        "severities": st.lists(st.sampled_from(["error", "warning", "info"]), unique=True),
        "corrected": points,
    },
)


def longest(table: dict[str, Fraction], code: str) -> Fraction | None:
    for length in range(len(code), 0, -1):
        if code[:length] in table:
            return table[code[:length]]
    return table.get("ALL")


def oracle(table: dict[str, Any], found: list[Diagnostic], corrected: int | None) -> Fraction:
    """The score by the formula of docs/reviewer.md, over the default scheme with ``table`` laid on it."""
    exact = lambda v: Fraction(str(v))  # noqa: E731 - the TOML number as the user wrote it
    deduct = {p: exact(v) for p, v in DEFAULT_SCHEME.deduct} | {p: exact(v) for p, v in table.get("deduct", {}).items()}
    cap = {p: exact(v) for p, v in DEFAULT_SCHEME.cap} | {p: exact(v) for p, v in table.get("cap", {}).items()}
    severities = set(table.get("severities", ["error", "warning"]))
    base = exact(table.get("base", 100))
    total = Fraction(0) if corrected is None else corrected * exact(table.get("corrected", 0))
    counted: dict[str, int] = {}
    for d in found:
        if not d.unread and d.severity.value in severities:
            counted[d.code] = counted.get(d.code, 0) + 1
    for code, n in counted.items():
        rate = longest(deduct, code) or Fraction(0)
        limit = longest(cap, code)
        total += n * rate if limit is None else min(n * rate, limit)
    return max(Fraction(0), base - total)


@given(schemes, findings, st.none() | st.integers(0, 30))
def test_scores_follow_the_documented_formula(
    table: dict[str, Any], found: list[Diagnostic], corrected: int | None
) -> None:
    config = Config.from_mapping({"scoring": table})
    scheme = scheme_for(config, bare())
    scored = score_report("r.txt", found, scheme, corrected_cases=corrected)
    assert scored.score is not None
    assert Fraction(scored.score) == oracle(table, found, corrected)
    assert scored.corrected_cases == corrected
    assert Fraction(scored.deducted) == sum(Fraction(d.points) for d in scored.deductions) + Fraction(
        scored.corrected_points
    )
    assert sum(d.count for d in scored.deductions) == sum(
        1 for d in found if not d.unread and d.severity in scheme.severities
    )
    assert len(scored.unread) == sum(1 for d in found if d.unread)


def test_a_worked_example_from_the_reviewers_guide() -> None:
    config = Config.from_mapping(
        {"scoring": {"base": 100, "deduct": {"GL2": 2, "GL105": 0.5}, "cap": {"GL105": 1}, "severities": ["error"]}}
    )
    scheme = scheme_for(config, bare())
    found = [
        finding("GL201"),
        finding("GL203"),
        finding("GL203"),
        *(finding("GL105", line=n) for n in range(3)),  # 1.5 points, capped at 1
        finding("GL301", Severity.WARNING),  # warnings do not count in this scheme
        finding("GL108", Severity.WARNING, unread=True),  # an unread row never deducts
    ]
    scored = score_report("r.txt", found, scheme)
    assert scored.score == Decimal(100 - 2 - 4 - 1)
    assert [(d.code, d.count, d.points, d.capped) for d in scored.deductions] == [
        ("GL105", 3, Decimal(1), True),
        ("GL201", 1, Decimal(2), False),
        ("GL203", 2, Decimal(4), False),
    ]
    assert (scored.errors, scored.warnings, scored.infos) == (6, 1, 0)
    assert [d.code for d in scored.unread] == ["GL108"]


def test_an_unreadable_file_has_no_score_and_a_score_never_falls_below_zero() -> None:
    unreadable = Diagnostic(
        "GL001", Severity.ERROR, "无法读取", "unreadable", Location("x.pdf", 1, 1, 1, 1), unread=True
    )
    scored = score_report("x.pdf", [unreadable], DEFAULT_SCHEME)
    assert (scored.score, scored.unreadable, scored.unread, scored.deductions) == (None, unreadable, (), ())
    many = [finding(f"GL{n}") for n in range(201, 260)]  # 59 codes × 2 points
    assert score_report("r.txt", many, DEFAULT_SCHEME).score == 0


# -- the configuration ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"dedcut": {"GL2": 1}}, "scoring: unknown key 'dedcut' (did you mean 'deduct'?)"),
        ({"base": "100"}, "scoring.base: expected a number of points, 0 or more (2, 0.5), got '100'"),
        ({"base": True}, "scoring.base: expected a number of points, 0 or more (2, 0.5), got True"),
        ({"deduct": {"GL2": -1}}, "scoring.deduct.GL2: expected a number of points, 0 or more (2, 0.5), got -1"),
        ({"deduct": {"gl2": 1}}, "scoring.deduct: 'gl2' is not a rule code or prefix (GL203, GL2, FJ, ALL)"),
        ({"cap": ["GL2"]}, "scoring.cap: expected a table of CODE = points (GL2 = 2, GL105 = 0.5), got ['GL2']"),
        ({"severities": "error"}, 'scoring.severities: expected a list such as ["error", "warning"], got \'error\''),
        ({"severities": ["eror"]}, "scoring.severities: unknown severity 'eror': use error, warning or info"),
        ("strict", "scoring: expected a table (base, deduct, cap, severities, corrected), got 'strict'"),
        ({"corrected": -0.5}, "scoring.corrected: expected a number of points, 0 or more (2, 0.5), got -0.5"),
    ],
)
def test_a_bad_scoring_table_names_the_key(table: Any, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Config.from_mapping({"scoring": table}, path="/p/.govlint.toml")
    assert str(caught.value) == f"/p/.govlint.toml: {message}"


def test_a_deduction_for_a_code_no_rule_has_is_refused_naming_the_nearest() -> None:
    config = Config.from_mapping({"scoring": {"deduct": {"GL209": 1}}})
    with pytest.raises(ConfigError, match=r"scoring.deduct: no rule code matches 'GL209' \(nearest: GL20"):
        config.check_codes(["GL201", "GL203", "GL301"])


# -- the plugin hook ---------------------------------------------------------------------------------------


class Province:
    """A province's plugin that ships its scheme."""

    def __init__(self, name: str, scheme: Any) -> None:
        self.__name__ = name
        self.scheme = scheme

    @govlint.hookimpl
    def govlint_plugin_info(self) -> dict[str, Any]:
        return {"name": self.__name__, "version": "1", "api_version": 1}

    @govlint.hookimpl
    def govlint_scoring_scheme(self) -> Any:
        return self.scheme


class Broken(Province):
    @govlint.hookimpl
    def govlint_scoring_scheme(self) -> Any:
        return 1 / 0


def test_a_plugins_scheme_lies_over_the_default_and_the_configuration_over_it() -> None:
    fujian = Province("fujian", {"base": 60, "deduct": {"GL2": 3}, "cap": {"GL2": 9}})
    scheme = scheme_for(Config(), bare(fujian))
    assert (scheme.base, scheme.rate("GL201"), scheme.cap_for("GL201"), scheme.source) == (60, 3, 9, "plugin fujian")
    assert scheme.rate("GL105") == Decimal("0.5")  # the default's, which the plugin left alone
    config = Config.from_mapping({"scoring": {"deduct": {"GL201": 1}}}, path="/p/.govlint.toml")
    scheme = scheme_for(config, bare(fujian))
    assert (scheme.base, scheme.rate("GL201"), scheme.rate("GL203"), scheme.source) == (60, 1, 3, "/p/.govlint.toml")


def test_of_several_plugins_schemes_the_configuration_chooses_one() -> None:
    both = bare(Province("fujian", {"base": 60}), Province("zhejiang", {"base": 80}))
    with pytest.raises(ConfigError, match=r"several plugins offer a scoring scheme \(fujian, zhejiang\)"):
        scheme_for(Config(), both)
    chosen = scheme_for(Config.from_mapping({"scoring": {"scheme": "zhejiang"}}), both)
    assert (chosen.base, chosen.source) == (80, "plugin zhejiang")
    with pytest.raises(ConfigError, match=r"scoring.scheme: no plugin 'anhui' offers a scoring scheme"):
        scheme_for(Config.from_mapping({"scoring": {"scheme": "anhui"}}), both)


def test_a_plugins_bad_scheme_is_an_error_naming_the_plugin() -> None:
    bad = Province("fujian", {"deduct": {"GL2": "two"}})
    with pytest.raises(PluginError, match=r"plugin 'fujian': govlint_scoring_scheme.deduct.GL2: expected a number"):
        scheme_for(Config(), bare(bad))
    with pytest.raises(PluginError, match=r"unknown key 'scheme'"):  # only the configuration chooses a plugin
        scheme_for(Config(), bare(Province("fujian", {"scheme": "x"})))
    with pytest.raises(PluginError, match=r"plugin 'fujian': govlint_scoring_scheme raised ZeroDivisionError"):
        scheme_for(Config(), bare(Broken("fujian", None)))


# -- the JSON output ---------------------------------------------------------------------------------------


def check_json(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    code = cli.main(["check", "--isolated", "--format", "json", "-j", "1", *args])
    assert code in (0, 1, 2), out.getvalue()  # 2: a file could not be read
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def test_json_scores_every_report_with_every_finding_accounted_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(CORPUS.glob("*.txt"))[:8]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    other = tmp_path / "minutes.txt"
    other.write_text("会议纪要\n今天下午开会，讨论了食堂的菜单。\n", encoding="utf-8")
    data = check_json([*map(str, files), str(broken), str(other)], monkeypatch)
    assert [d["code"] for d in data["diagnostics"] if d["path"] == str(other)] == ["GL002"]  # not a report: no score
    reports = {r["path"]: r for r in data["reports"]}
    assert list(reports) == [*map(str, files), str(broken)]
    for path, report in reports.items():
        mine = [d for d in data["diagnostics"] if d["path"] == path]
        score = report["score"]
        if path == str(broken):
            assert score["value"] is None
            assert score["unreadable"].startswith("无法读取")
            continue
        counted = [d for d in mine if not d["unread"] and d["severity"] in ("error", "warning")]
        assert sum(x["count"] for x in score["deductions"].values()) == len(counted)
        for code, x in score["deductions"].items():
            assert x["count"] == sum(1 for d in counted if d["code"] == code)
        assert score["value"] == max(0, 100 - sum(x["points"] for x in score["deductions"].values()))
        assert score["unread"] == len(score["unread_places"]) == sum(1 for d in mine if d["unread"])
        assert score["counts"] == {
            s: sum(1 for d in mine if d["severity"] == s and not d["unread"]) for s in ("error", "warning", "info")
        }
    assert any(d["code"].startswith("GL5") for d in data["diagnostics"]), "a file with a second, cross-report output"
    assert data["files"] == 10  # each path once
    scoring = data["scoring"]
    assert scoring["reports"] == 9
    assert scoring["scored"] == 8
    assert [u["path"] for u in scoring["unreadable"]] == [str(broken)]
    assert scoring["unread"] == sum(r["score"]["unread"] for r in data["reports"])
    assert scoring["scheme"]["base"] == 100


def test_json_shows_last_years_score_of_the_same_body_in_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    files = [CORPUS / "001_finance_2019.txt", CORPUS / "002_finance_2020.txt"]
    data = check_json(list(map(str, files)), monkeypatch)
    first, second = data["reports"]
    assert first["body"] == second["body"] and (first["year"], second["year"]) == (2019, 2020)
    assert first["score"]["previous"] is None
    assert second["score"]["previous"] == first["score"]["value"]


# -- the guide ---------------------------------------------------------------------------------------------

GUIDE = Path(__file__).parents[2] / "docs" / "reviewer.md"


def test_the_guides_default_table_is_the_default_scheme() -> None:
    text = GUIDE.read_text(encoding="utf-8").split("### The default scheme", 1)[1].split("\n\n", 2)[1]
    deduct, cap = {}, {}
    for row in text.splitlines()[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        for prefix in cells[0].replace("`", "").split(", "):
            deduct[prefix] = Decimal(cells[1])
            if cells[2]:
                cap[prefix] = Decimal(cells[2])
    assert deduct == dict(DEFAULT_SCHEME.deduct)
    assert cap == dict(DEFAULT_SCHEME.cap)
    assert (DEFAULT_SCHEME.base, DEFAULT_SCHEME.severities) == (100, {Severity.ERROR, Severity.WARNING})


def test_the_guides_example_configuration_is_valid() -> None:
    block = GUIDE.read_text(encoding="utf-8").split("```toml", 1)[1].split("```", 1)[0]
    config = Config.from_mapping(tomllib.loads(block)["tool"]["govlint"])
    scheme = scheme_for(config, bare())
    assert (scheme.rate("GL203"), scheme.rate("GL105"), scheme.rate("GL402"), scheme.cap_for("GL105")) == (2, 0.5, 5, 5)


def test_history_gives_last_years_score_when_it_is_certain_whose_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last, this = CORPUS / "006_finance_2024.txt", CORPUS / "007_finance_2025.txt"
    history = tmp_path / "2024"
    history.mkdir()
    shutil.copy(last, history / last.name)
    alone = check_json([str(last)], monkeypatch)["reports"][0]["score"]["value"]
    (report,) = check_json([str(this), "--history", str(history)], monkeypatch)["reports"]
    assert report["score"]["previous"] == alone
    assert report["year"] == 2025
    shutil.copy(last, history / "copy.txt")  # two reports of the body for 2024: whose score is it?
    (report,) = check_json([str(this), "--history", str(history)], monkeypatch)["reports"]
    assert report["score"]["previous"] is None


def test_the_history_is_read_once_for_the_scores_and_the_cross_report_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scored run with cross-report rules needs last year's report twice (its score, and GL501-GL504's
    comparisons): it is parsed once."""
    last, this = CORPUS / "006_finance_2024.txt", CORPUS / "007_finance_2025.txt"
    history = tmp_path / "2024"
    history.mkdir()
    shutil.copy(last, history / last.name)
    parsed: list[str] = []
    parse_document = govlint.parsing.parse_document

    def counted(document: Any, *args: Any, **kwargs: Any) -> Any:
        parsed.append(document.path)
        return parse_document(document, *args, **kwargs)

    monkeypatch.setattr(govlint.parsing, "parse_document", counted)
    data = check_json([str(this), "--history", str(history)], monkeypatch)
    assert sorted(parsed) == sorted([str(this), str(history / last.name)])
    (report,) = data["reports"]
    assert report["score"]["previous"] is not None
    assert any(d["code"] == "GL503" and str(history / last.name) in d["message"] for d in data["diagnostics"])


def test_a_history_file_the_run_checks_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A history folder holding the run's own files (``--history 年报/ 年报/2025/``): the run's reading of a file
    stands for its history reading (its findings give its score), so each file is parsed once; the file the
    run does not check is read as history; the scores and comparisons are those of a run that read each twice."""
    years = tmp_path / "年报"
    (years / "2025").mkdir(parents=True)
    older, last, this = (CORPUS / f"00{n}_finance_{year}.txt" for n, year in ((5, 2023), (6, 2024), (7, 2025)))
    shutil.copy(older, years / older.name)
    shutil.copy(last, years / "2025" / last.name)
    shutil.copy(this, years / "2025" / this.name)
    parsed: list[str] = []
    parse_document = govlint.parsing.parse_document

    def counted(document: Any, *args: Any, **kwargs: Any) -> Any:
        parsed.append(os.path.basename(document.path))
        return parse_document(document, *args, **kwargs)

    monkeypatch.setattr(govlint.parsing, "parse_document", counted)
    data = check_json([str(years / "2025"), "--history", str(years)], monkeypatch)
    assert sorted(parsed) == sorted([older.name, last.name, this.name])
    scores = {r["year"]: r["score"] for r in data["reports"]}
    assert scores[2025]["previous"] == scores[2024]["value"] and scores[2024]["previous"] is not None
    assert any(d["code"] == "GL503" and str(years / older.name) in d["message"] for d in data["diagnostics"])


def test_the_plugin_guides_scheme_example_is_valid() -> None:
    text = (Path(__file__).parents[2] / "docs" / "plugins.md").read_text(encoding="utf-8")
    block = text.split("## A province's scoring scheme", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {"govlint": govlint}
    exec(compile(block, "docs/plugins.md", "exec"), namespace)
    scheme = scheme_for(Config(), bare(Province("fujian", namespace["govlint_scoring_scheme"]())))
    assert (scheme.rate("GL201"), scheme.rate("FJ003"), scheme.rate("GL105"), scheme.source) == (
        3,
        2,
        0.5,
        "plugin fujian",
    )


def test_corrected_cases_deduct_by_the_scheme_when_they_were_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    peer = Path(__file__).parents[1] / "fixtures" / "corpus" / "peer" / "hzq2024_working.pdf.pdftotext.txt"
    assert govlint.lint_file(str(peer)).corrected_cases == 1  # table 四 prints one corrected lawsuit
    config = tmp_path / ".govlint.toml"
    config.write_text("[scoring]\ncorrected = 1.5\n", encoding="utf-8")
    seed = (Path(__file__).parents[1] / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt").read_text(encoding="utf-8")
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    head, _, tail = seed.partition(heading)
    without_table_4 = tmp_path / "no_table_4.txt"  # a report whose table 四 is lost (an image)
    without_table_4.write_text(f"{head}{heading}\n{tail[tail.index('五、') :]}", encoding="utf-8")
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    cli.main(
        [
            "check",
            "--config",
            str(config),
            "--format",
            "json",
            "-j",
            "1",
            str(peer),
            str(without_table_4),
        ]
    )
    with_cases, without = (r["score"] for r in json.loads(out.getvalue())["reports"])
    assert (with_cases["corrected_cases"], with_cases["corrected_points"]) == (1, 1.5)
    points = sum(x["points"] for x in with_cases["deductions"].values())
    assert with_cases["deducted"] == points + 1.5
    assert with_cases["value"] == max(0, 100 - points - 1.5)
    assert (without["corrected_cases"], without["corrected_points"]) == (None, 0)  # table 四 was not read
