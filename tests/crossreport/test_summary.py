"""GL508: a summary report (汇总…各部门, or the roster's parent column) against the sum of its parts' reports."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import attrs
from cross_support import cell, make, span
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.api import lint_file
from govlint.cli import main
from govlint.config import Config
from govlint.crossreport import Digest, Run, check_run, digest
from govlint.crossreport.roster import parse_roster
from govlint.diagnostics import Diagnostic, Severity
from govlint.linter import plugins_for
from govlint.model import CellStatus
from govlint.testing import parse, render
from govlint.testing.reportmodel import ReportModel, value_of
from govlint.testing.strategies import reports, title_text

SUMMARY, PARTS = "某县政务公开办", ("某县财政局", "某县公安局")
ROSTER = (
    "body,level,parent\n某县政务公开办,department,\n某县财政局,department,某县政务公开办\n"
    "某县公安局,department,某县政务公开办\n"
)
NEW = "applications.new_received.total"
PINGTAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "pingtan"
REVIEW = "review_litigation.review.total"


def summary(cells: dict[str, object], *, body: str = SUMMARY, said: bool = True, title: str | None = None) -> Digest:
    made = make(f"{body}.txt", body, 2023, cells=cells)  # type: ignore[arg-type]
    if title is not None:
        made = attrs.evolve(made, title=title)
    return attrs.evolve(made, compiles="汇总各部门" if said else "", compiles_span=span(3, 5, 5) if said else None)


def gl508(reports: Sequence[Digest], roster: str | None = ROSTER) -> list[Diagnostic]:
    config = Config(select=["GL508"])
    run = Run(tuple(reports), roster=parse_roster(roster, "roster.csv") if roster is not None else None)
    results = check_run(run, plugins_for(config), config)
    assert not [e for r in results for e in r.errors]
    return [d for r in results for d in r.diagnostics]


def parts(new: Sequence[int | None] = (4, 5), review: Sequence[int] = (1, 0)) -> list[Digest]:
    return [
        make(f"{body}.txt", body, 2023, cells={NEW: n, REVIEW: r})
        for body, n, r in zip(PARTS, new, review, strict=True)
    ]


def test_a_summary_equal_to_the_sum_of_its_parts_has_no_finding() -> None:
    assert gl508([summary({NEW: 9, REVIEW: 1}), *parts()]) == []


def test_a_cell_that_is_not_the_sum_is_reported_with_the_parts_values() -> None:
    [found] = gl508([summary({NEW: 10, REVIEW: 1}), *parts()])
    assert (found.code, found.location.path, found.key) == ("GL508", f"{SUMMARY}.txt", NEW)
    assert (found.expected, found.actual, found.severity) == (9, 10, Severity.WARNING)
    assert found.message_zh == "三表 一、本年新收政府信息公开申请数量 总计 列 应为 2 个组成单位之和 9（4+5），实际为 10"
    assert found.message_en.endswith("should be the sum of its 2 parts, 9 (4+5); found 10")


def test_a_missing_part_makes_it_not_assessable_and_is_named() -> None:
    [found] = gl508([summary({NEW: 10}), parts()[0]])
    assert (found.severity, found.key, found.location.line) == (Severity.INFO, "summary.missing", 3)
    assert "组成单位 某县公安局 没有 2023 年度报告" in found.message_zh


def test_a_report_that_says_it_compiles_without_parts_on_the_roster_is_not_assessable() -> None:
    roster = ROSTER.replace("某县财政局,department,某县政务公开办", "某县财政局,department,").replace(
        "某县公安局,department,某县政务公开办", "某县公安局,department,"
    )
    [found] = gl508([summary({NEW: 10}), *parts()], roster=roster)
    assert (found.severity, found.key) == (Severity.INFO, "summary.parts")


def _saying_it_compiles(folder: Path) -> Path:
    """The 农业农村局's 2023 report, saying in its preamble that it compiles the departments' reports."""
    text = (PINGTAN / "048_agri_2023.txt").read_text(encoding="utf-8")
    at = text.index("一、")
    path = folder / "summary.txt"
    path.write_text(f"{text[:at]}本报告由本局汇总各部门年度报告编制。\n{text[at:]}", encoding="utf-8")
    return path


def test_without_a_roster_a_report_that_says_it_compiles_is_found_on_its_own(tmp_path: Path) -> None:
    """Known from the report alone: a per-report finding (with the line shown), in a run of one report as in
    a run of several, never twice; the run phase leaves it to the per-report check."""
    summary_path = _saying_it_compiles(tmp_path)
    config = Config(select=["GL508"])
    [found] = lint_file(summary_path, config).diagnostics
    assert (found.code, found.severity, found.key, found.location.line) == ("GL508", Severity.INFO, "summary.parts", 10)
    shutil.copy(PINGTAN / "047_agri_2022.txt", tmp_path / "2022.txt")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--select", "GL508", "--format", "json", str(tmp_path)])
    assert [(d["code"], d["key"]) for d in json.loads(out.getvalue())["diagnostics"]] == [("GL508", "summary.parts")]
    assert gl508([summary({NEW: 10}), *parts()], roster=None) == []


def test_the_roster_alone_makes_a_summary() -> None:
    assert [d.key for d in gl508([summary({NEW: 10}, said=False), *parts()])] == [NEW]


def test_a_governments_own_report_is_never_a_sum() -> None:
    roster = ROSTER.replace("某县政务公开办,department,", "某县政务公开办,government,")
    assert gl508([summary({NEW: 10}), *parts()], roster=roster) == []
    own = "body,parent\n某县财政局,某县人民政府\n某县公安局,某县人民政府\n"
    assert gl508([summary({NEW: 10}, body="某县人民政府"), *parts()], roster=own) == []


def test_an_unread_cell_of_any_report_is_not_assessed() -> None:
    unread = cell(NEW.split(".", 1)[1], None, CellStatus.AMBIGUOUS)
    assert gl508([summary({NEW: 10, REVIEW: 1}), *parts(new=(4, None))]) == []
    assert gl508([summary({NEW: unread, REVIEW: 2}), *parts()])[0].key == REVIEW


def test_not_a_summary_is_not_compared() -> None:
    assert gl508([summary({NEW: 10}, said=False), *parts()], roster=None) == []


# ---------------------------------------------------------------------------------------------------------
# generated: parts drawn as whole reports, the summary their sum, rendered and parsed
# ---------------------------------------------------------------------------------------------------------

EXAMPLES = 30 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 6
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _named(model: ReportModel, agency: str) -> ReportModel:
    metadata = attrs.evolve(model.metadata, issuer=agency) if model.metadata else None
    title = title_text(agency, model.report_year, "{agency}{Y}年政府信息公开工作年度报告")
    return attrs.evolve(model, agency=agency, title=title, metadata=metadata)


def _summed(model: ReportModel, of: Sequence[ReportModel]) -> ReportModel:
    """``model`` as the summary of ``of``: tables 三 and 四 their sums, a preamble saying so."""
    assert model.applications is not None and model.review_litigation is not None
    applications = {
        row: {c: sum(int(value_of(p.applications.values[row][c]) or 0) for p in of if p.applications) for c in cells}
        for row, cells in model.applications.values.items()
    }
    review = {
        key: sum(int(value_of(p.review_litigation.values[key]) or 0) for p in of if p.review_litigation)
        for key in model.review_litigation.values
    }
    return attrs.evolve(
        model,
        preamble=("本报告由某县政务公开办汇总各部门年度报告编制。", *model.preamble[1:]),
        applications=attrs.evolve(model.applications, values=applications),
        review_litigation=attrs.evolve(model.review_litigation, values=review),
    )


@st.composite
def summaries(draw: st.DrawFn, broken: bool) -> tuple[list[ReportModel], str | None, int]:
    """The summary and its parts (summary first); broken, one cell of the summary is off by a delta."""
    year = draw(st.integers(2021, 2024))
    drawn = [draw(reports(years=(year, year), formats=("2021",), kinds=("department",))) for _ in range(3)]
    models = [_named(m, name) for m, name in zip(drawn, (SUMMARY, *PARTS), strict=True)]
    models[0] = _summed(models[0], models[1:])
    if not broken:
        return models, None, 0
    assert models[0].review_litigation is not None
    key = draw(st.sampled_from(sorted(models[0].review_litigation.values)))
    delta = draw(st.integers(1, 5))
    values = dict(models[0].review_litigation.values)
    values[key] = int(value_of(values[key]) or 0) + delta
    models[0] = attrs.evolve(models[0], review_litigation=attrs.evolve(models[0].review_litigation, values=values))
    return models, f"review_litigation.{key}", delta


def _findings(models: Sequence[ReportModel]) -> list[Diagnostic]:
    digests = [digest(attrs.evolve(parse(render(m, "tabs")), path=f"{i}.txt")) for i, m in enumerate(models)]
    assert digests[0].compiles == "汇总各部门"
    return gl508(digests)


@SETTINGS
@given(summaries(broken=False))
def test_a_generated_summary_of_its_parts_has_no_finding(drawn: tuple[list[ReportModel], str | None, int]) -> None:
    assert _findings(drawn[0]) == []


@SETTINGS
@given(summaries(broken=True))
def test_a_generated_summary_off_in_one_cell_is_found_at_that_cell(
    drawn: tuple[list[ReportModel], str | None, int],
) -> None:
    models, key, delta = drawn
    [found] = _findings(models)
    assert (found.location.path, found.key, found.actual - found.expected) == ("0.txt", key, delta)
