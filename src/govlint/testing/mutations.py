"""Mutations: a defect put into a valid report, each tied to the rule codes it must trigger, and where.

``MUTATIONS`` maps a name to a :class:`Mutation`; ``mutation.apply(model)`` is a strategy drawing a
:class:`Mutated` (the defective model and its :class:`Expectation`).  An expectation says which codes must
be reported (``must``; ``any_of``: at least one of them), which other codes may follow from the same defect
(``allowed``), and for each code the anchors (see :mod:`govlint.testing.layouts.blocks`) its diagnostics must
point into.  Table mutations take their expectations from the independent oracle in
:mod:`govlint.testing.oracle`, so every relation a changed number breaks is expected, and no other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from govlint import schema
from govlint.records import Record
from govlint.testing import oracle, phrases, prose
from govlint.testing.layouts import LAYOUTS, POSITIONAL_LAYOUTS, TEXT_LAYOUTS, Rendered
from govlint.testing.reportmodel import (
    Applications,
    FeeStatement,
    Metadata,
    Period,
    Printed,
    PrintedDate,
    ReportModel,
    ReviewLitigation,
    Signature,
    Value,
    application_row_spec,
    value_of,
)
from govlint.testing.strategies import active_disclosures, applications_tables, fill, title_text

#: Layouts where a changed number is still a readable number in its column (not the crawled page, whose
#: digits run together: a broken row there is unreadable, not wrong).
TABLE_LAYOUTS: tuple[str, ...] = (*POSITIONAL_LAYOUTS, "cells", "html", "docx")
#: Layouts that show the printed order of a table's rows (GL109): a grid, or each row's values on its label's
#: line (not one cell a line, a converter's reading order).
ORDER_LAYOUTS: tuple[str, ...] = ("tabs", "pipe", "markdown", "html", "docx")
#: A reference date after every generated date: use it as "today" when linting generated reports.
REFERENCE_DATE = dt.date(2026, 12, 31)


@attrs.frozen(repr=False)
class Expectation(Record):
    """What a linter must say about a mutated report."""

    must: frozenset[str] = frozenset()
    #: At least one of these (when not empty).
    any_of: frozenset[str] = frozenset()
    #: Further codes the same defect may cause.
    allowed: frozenset[str] = frozenset()
    #: For each code, the anchors its diagnostics must point into; a code absent here may point anywhere.
    where: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: Codes of ``must`` for which a notice of what govlint could not read (``unread``, at its place) may
    #: stand: the cell they are about may be left unread, but the report never passes in silence.
    or_unread: frozenset[str] = frozenset()

    @property
    def codes(self) -> frozenset[str]:
        """Every code that may be reported at error level."""
        return self.must | self.any_of | self.allowed

    def lines(self, rendered: Rendered) -> dict[str, set[int]]:
        """For each code with a place, the lines of ``rendered`` its diagnostics must be on."""
        return {code: rendered.lines(keys) for code, keys in self.where.items() if keys}


@attrs.frozen(repr=False)
class Mutated(Record):
    name: str
    model: ReportModel
    expect: Expectation
    #: "Today" for the date rules.
    reference_date: dt.date = REFERENCE_DATE
    note: str = ""


Apply = Callable[[ReportModel], st.SearchStrategy[Mutated]]


@attrs.frozen(repr=False)
class Mutation(Record):
    """A kind of defect: the codes it is tied to, the layouts it makes sense in, how to draw it."""

    name: str
    codes: frozenset[str]
    apply: Apply
    layouts: tuple[str, ...] = LAYOUTS
    #: Keyword arguments for :func:`govlint.testing.strategies.reports` (the reports it can mutate).
    report_args: Mapping[str, Any] = attrs.field(factory=dict)
    description: str = ""


def _where(code: str, *anchors: str) -> dict[str, tuple[str, ...]]:
    return {code: anchors}


def _section_neighbourhood(model: ReportModel, key: str) -> tuple[str, ...]:
    """Anchors around a section: itself (if printed), the section before it and the heading after it."""
    keys = [s.key for s in model.sections]
    i = keys.index(key)
    around = [f"section.{key}", f"heading.{key}"]
    around.append(f"section.{keys[i - 1]}" if i > 0 else "preamble")
    if i == 0:
        around += ["title", "period"]
    around.append(f"heading.{keys[i + 1]}" if i + 1 < len(keys) else "signature")
    if i + 1 == len(keys):
        around.append(f"section.{keys[i - 1]}")
    return tuple(around)


def _oracle(model: ReportModel, extra_must: Iterable[str] = (), extra_allowed: Iterable[str] = ()) -> Expectation:
    """The expectation of a table mutation: every failing relation instance, at its cells."""
    failed = oracle.failures(model)
    where: dict[str, list[str]] = {}
    for failure in failed:
        rows = {"row." + ".".join(c.split(".")[1:-1]) for c in failure.cells if c.startswith("cell.applications.")}
        table = failure.cells[0].split(".")[1]
        where.setdefault(failure.code, []).extend([*failure.cells, *sorted(rows), f"row.{table}"])
    # A balance (R3.3) over a (七)总计 that does not add up (R3.2) is GL203's only where one cell explains both.
    unsummed = {c for f in failed if f.relation == "R3.2" for c in f.cells if ".results_total." in c}
    follows = [f for f in failed if f.relation == "R3.3" and unsummed.intersection(f.cells)]
    codes = frozenset(f.code for f in failed if f not in follows)
    return Expectation(
        must=codes | frozenset(extra_must),
        allowed=frozenset(extra_allowed) | {f.code for f in follows},
        where={code: tuple(dict.fromkeys(keys)) for code, keys in where.items()},
    )


def _set_app(apps: Applications, row: str, col: str, value: Value) -> Applications:
    values = {r: dict(cells) for r, cells in apps.values.items()}
    values[row][col] = value
    return attrs.evolve(apps, values=values)


def _app_int(model: ReportModel, row: str, col: str) -> int:
    assert model.applications is not None
    value = model.applications.value(row, col)
    return int(value) if value is not None else 0


# ----- structure (GL101–GL107) --------------------------------------------------------------------------------


def drop_section(model: ReportModel) -> st.SearchStrategy[Mutated]:
    def build(number: int) -> Mutated:
        spec = schema.SECTIONS_BY_NUMBER[number]
        sections = tuple(s for s in model.sections if s.number != number)
        changes: dict[str, Any] = {"sections": sections}
        allowed = set()
        if spec.table:
            changes[spec.table] = None
            allowed.add("GL103")
            if spec.table == "active_disclosure":
                allowed.add("GL303")
        if spec.key == "other_matters":
            changes["fee"] = attrs.evolve(model.fee, kind="absent", text="", subheading="")
            allowed.add("GL301")
        where = _section_neighbourhood(model, spec.key)
        expect = Expectation(
            must=frozenset({"GL101"}),
            allowed=frozenset(allowed),
            where={"GL101": where, "GL103": where, "GL301": where, "GL303": where},
        )
        return Mutated("drop_section", attrs.evolve(model, **changes), expect, note=f"section {number} removed")

    return st.integers(1, 6).map(build)


def _drop_fee(model: ReportModel) -> FeeStatement:
    return attrs.evolve(model.fee, kind="absent", text="", subheading="")


def drop_heading(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Seed 001: a section's heading is missing, its text and table are still there."""

    def build(number: int) -> Mutated:
        key = schema.SECTIONS_BY_NUMBER[number].key
        sections = tuple(attrs.evolve(s, heading=None) if s.number == number else s for s in model.sections)
        where = _section_neighbourhood(model, key)
        allowed = {"GL301"} if key == "other_matters" else set()
        expect = Expectation(frozenset({"GL101"}), allowed=frozenset(allowed), where={"GL101": where, "GL301": where})
        return Mutated("drop_heading", attrs.evolve(model, sections=sections), expect, note=f"heading {number} removed")

    return st.integers(1, 6).map(build)


def swap_sections(model: ReportModel) -> st.SearchStrategy[Mutated]:
    def build(i: int) -> Mutated:
        sections = list(model.sections)
        sections[i], sections[i + 1] = sections[i + 1], sections[i]
        keys = (f"heading.{sections[i].key}", f"heading.{sections[i + 1].key}")
        expect = Expectation(frozenset({"GL102"}), where={"GL102": keys})
        return Mutated("swap_sections", attrs.evolve(model, sections=tuple(sections)), expect)

    return st.integers(0, len(model.sections) - 2).map(build)


def duplicate_section(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A section without a table printed twice."""

    def build(number: int) -> Mutated:
        sections = list(model.sections)
        i = next(j for j, s in enumerate(sections) if s.number == number)
        sections.insert(i + 1, sections[i])
        key = sections[i].key
        expect = Expectation(frozenset({"GL102"}), where={"GL102": (f"heading.{key}", f"section.{key}")})
        return Mutated("duplicate_section", attrs.evolve(model, sections=tuple(sections)), expect)

    return st.sampled_from((1, 5)).map(build)


def drop_table(model: ReportModel) -> st.SearchStrategy[Mutated]:
    def build(table: str) -> Mutated:
        section = next(s.key for s in schema.SECTIONS if s.table == table)
        allowed = {"GL303"} if table == "active_disclosure" else set()
        where = (f"section.{section}", f"heading.{section}")
        expect = Expectation(frozenset({"GL103"}), allowed=frozenset(allowed), where={"GL103": where, "GL303": where})
        changed = attrs.evolve(model, **{table: None})  # type: ignore[arg-type]
        return Mutated("drop_table", changed, expect, note=f"{table} removed")

    return st.sampled_from(schema.TABLE_KEYS).map(build)


def drop_row(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A standard row missing from section 三 or 二 (014.html has no 规章 row)."""
    assert model.applications is not None and model.active_disclosure is not None
    ad = model.active_disclosure
    choices = [("applications", r) for r in model.applications.rows] + [("active_disclosure", r) for r in ad.rows]

    def build(choice: tuple[str, str]) -> Mutated:
        table, row = choice
        if table == "applications":
            assert model.applications is not None
            rows = tuple(r for r in model.applications.rows if r != row)
            changed = attrs.evolve(model, applications=attrs.evolve(model.applications, rows=rows))
        else:
            changed = attrs.evolve(
                model, active_disclosure=attrs.evolve(ad, rows=tuple(r for r in ad.rows if r != row))
            )
        allowed = {"GL303"} if row == "fees" else set()
        where = (f"table.{table}",)
        expect = Expectation(frozenset({"GL104"}), allowed=frozenset(allowed), where={"GL104": where, "GL303": where})
        return Mutated("drop_row", changed, expect, note=f"{table}.{row} removed")

    return st.sampled_from(choices).map(build)


def row_order(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A row of section 三 printed after the next row of its group, or printed again after it: GL109 (a notice)
    at the row, in layouts that print each row's values after its label (the values stay with their labels,
    so nothing else follows)."""
    apps = model.applications
    assert apps is not None
    group = {key: application_row_spec(key).group for key in apps.rows}
    # Not past (七)总计: a 2019 (六)其他处理 printed after it is not yet reported (the grammar ends the results there).
    pairs = [
        i
        for i in range(len(apps.rows) - 1)
        if group[apps.rows[i]] == group[apps.rows[i + 1]] and "results_total" not in apps.rows[i : i + 2]
    ]

    def build(choice: tuple[int, bool]) -> Mutated:
        i, again = choice
        assert apps is not None
        rows = list(apps.rows)
        moved = rows[i]
        rows.insert(i + 2, moved)
        if not again:
            del rows[i]
        changed = attrs.evolve(model, applications=attrs.evolve(apps, rows=tuple(rows)))
        expect = Expectation(frozenset({"GL109"}), where=_where("GL109", f"row.applications.{moved}"))
        how = "printed again" if again else "moved"
        return Mutated("row_order", changed, expect, note=f"applications.{moved} {how} after {apps.rows[i + 1]}")

    return st.tuples(st.sampled_from(pairs), st.booleans()).map(build)


def table_elsewhere(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A table printed at the end of another section (三's under 二's heading, as the brief's example), its own
    section's heading and prose still in place: GL110 at the table, and nothing else (its values are read)."""

    def build(choice: tuple[str, str]) -> Mutated:
        table, place = choice
        changed = attrs.evolve(model, moved_tables={table: place})
        expect = Expectation(frozenset({"GL110"}), where=_where("GL110", f"table.{table}", f"section.{place}"))
        return Mutated("table_elsewhere", changed, expect, note=f"{table} printed in {place}")

    homes = {s.table: s.key for s in schema.SECTIONS if s.table}
    choices = [(table, s.key) for table in homes for s in model.sections if s.key != homes[table]]
    return st.sampled_from(choices).map(build)


def _cells(model: ReportModel) -> list[tuple[str, str]]:
    """Every (table, key) cell of the model's printed tables."""
    found = [("active_disclosure", k) for k in model.expected_art20()]
    found += [("applications", k) for k in model.expected_applications()]
    found += [("review_litigation", k) for k in model.expected_review()]
    return found


def _with_cell(model: ReportModel, table: str, key: str, value: Value) -> ReportModel:
    if table == "applications":
        assert model.applications is not None
        row, _, col = key.rpartition(".")
        return attrs.evolve(model, applications=_set_app(model.applications, row, col, value))
    if table == "review_litigation":
        assert model.review_litigation is not None
        values = {**model.review_litigation.values, key: value}
        return attrs.evolve(model, review_litigation=attrs.evolve(model.review_litigation, values=values))
    assert model.active_disclosure is not None
    values = {**model.active_disclosure.values, key: value}
    return attrs.evolve(model, active_disclosure=attrs.evolve(model.active_disclosure, values=values))


def blank_cell(model: ReportModel, placeholders: Sequence[str] = ("/", "-", "—")) -> st.SearchStrategy[Mutated]:
    """A cell left empty or printed as a placeholder (seeds 000, 004): GL105 there, and no relation
    involving it is assessed."""

    def build(args: tuple[tuple[str, str], str]) -> Mutated:
        (table, key), raw = args
        allowed = {"GL303"} if key == "fees.amount_10k_yuan" else set()
        anchor = (f"cell.{table}.{key}", _row_anchor(table, key))
        where = {"GL105": anchor, "GL108": (*anchor, f"table.{table}", f"section.{table}"), "GL303": anchor}
        if raw == "":
            # Nothing printed in a cell is empty only where the layout proves the cell's place (neighbouring
            # rows, explicit cells); otherwise (a row's last cell looks like the padding after a row, seed 000's
            # trailing tabs; table 四's single data row has no neighbour) the row is unread: GL108, never a number.
            expect = Expectation(any_of=frozenset({"GL105", "GL108"}), allowed=frozenset(allowed), where=where)
        else:
            expect = Expectation(frozenset({"GL105"}), allowed=frozenset(allowed), where=where)
        return Mutated("blank_cell", _with_cell(model, table, key, Printed(raw)), expect, note=f"{table}.{key}={raw!r}")

    return st.tuples(st.sampled_from(_cells(model)), st.sampled_from(tuple(placeholders))).map(build)


def empty_cell(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A cell with nothing in it, where the layout keeps cell positions."""
    return blank_cell(model, ("",)).map(lambda m: attrs.evolve(m, name="empty_cell"))


def _row_anchor(table: str, key: str) -> str:
    if table == "review_litigation":
        return "row.review_litigation"
    return f"row.{table}.{key.rpartition('.')[0]}"


def unreadable_cell(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Text where a number belongs ("无", "不详"): unreadable (GL105) or not a number (GL205).

    In the one-cell-per-line layouts a word alone on its line cannot be told from a label broken over lines
    ("(四)无" / "法提供"), so the parser may leave the row short instead: GL108 on the row, no number guessed.
    """

    def build(args: tuple[tuple[str, str], str]) -> Mutated:
        (table, key), raw = args
        anchor = (f"cell.{table}.{key}", _row_anchor(table, key))
        allowed = {"GL303"} if key == "fees.amount_10k_yuan" else set()
        expect = Expectation(
            any_of=frozenset({"GL105", "GL205", "GL108"}),
            allowed=frozenset(allowed),
            where={
                "GL105": anchor,
                "GL205": anchor,
                "GL108": (*anchor, f"table.{table}", f"section.{table}"),
                "GL303": anchor,
            },
        )
        return Mutated(
            "unreadable_cell", _with_cell(model, table, key, Printed(raw)), expect, note=f"{table}.{key}={raw!r}"
        )

    return st.tuples(st.sampled_from(_cells(model)), st.sampled_from(("无", "不详", "O"))).map(build)


def extra_value(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A row of section 三 with eight values for seven columns (GL108)."""
    assert model.applications is not None
    apps = model.applications

    def build(args: tuple[str, int]) -> Mutated:
        row, value = args
        changed = attrs.evolve(apps, extra={row: (str(value),)})
        anchor = (f"row.applications.{row}", *(f"cell.applications.{row}.{c}" for c in schema.APPLICATION_COLUMN_KEYS))
        expect = Expectation(
            frozenset({"GL108"}), allowed=frozenset({"GL105"}), where={"GL108": anchor, "GL105": anchor}
        )
        return Mutated("extra_value", attrs.evolve(model, applications=changed), expect, note=row)

    return st.tuples(st.sampled_from(apps.rows), st.integers(0, 9)).map(build)


def short_row(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """One cell per line (seed 002) with one value missing: six values for seven columns (GL108)."""
    assert model.applications is not None
    apps = model.applications

    def build(args: tuple[str, str]) -> Mutated:
        row, col = args
        anchor = (f"row.applications.{row}", *(f"cell.applications.{row}.{c}" for c in schema.APPLICATION_COLUMN_KEYS))
        expect = Expectation(
            frozenset({"GL108"}), allowed=frozenset({"GL105"}), where={"GL108": anchor, "GL105": anchor}
        )
        return Mutated("short_row", attrs.evolve(model, applications=_set_app(apps, row, col, Printed(""))), expect)

    return st.tuples(st.sampled_from(apps.rows), st.sampled_from(schema.APPLICATION_COLUMN_KEYS)).map(build)


def wrong_title(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """The title lacks the body, the year, or says 工作报告 instead of 年度报告 (莆田 2009)."""

    def build(args: tuple[str, str]) -> Mutated:
        variant, template = args
        agency: str | None = model.agency
        year: int | None = model.report_year
        core = schema.TITLE_CORE
        if variant == "no_agency":
            agency = None
        elif variant == "no_year":
            year = None
        else:
            core = core.replace("年度报告", "报告")
        title = title_text(agency, year, template, core)
        allowed = {"GL401"} if variant == "no_year" else set()
        if variant == "no_agency" and model.kind == "government":
            allowed.add("GL402")  # without its name, nothing says the report is a county government's (31 March)
        where = {"GL107": ("title",), "GL402": _DATE_ANCHORS}
        expect = Expectation(frozenset({"GL107"}), allowed=frozenset(allowed), where=where)
        return Mutated("wrong_title", attrs.evolve(model, title=title), expect, note=title)

    return st.tuples(
        st.sampled_from(("no_agency", "no_year", "work_report")), st.sampled_from(phrases.TITLE_TEMPLATES)
    ).map(build)


# ----- table consistency (GL201–GL205) ------------------------------------------------------------------------


def _delta() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(1, 5), st.integers(-5, -1), st.integers(6, 200))


def change_row_total(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A row's 总计 off by some amount: R3.1 (GL201) and the 总计 column's relations."""
    assert model.applications is not None
    apps = model.applications

    def build(args: tuple[str, int]) -> Mutated:
        row, delta = args
        value = _app_int(model, row, "total") + delta
        assume(value >= 0)
        changed = attrs.evolve(model, applications=_set_app(apps, row, "total", value))
        return Mutated("change_row_total", changed, _oracle(changed), note=f"{row}.total {delta:+}")

    return st.tuples(st.sampled_from(apps.rows), _delta()).map(build)


def change_cell(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Any number of section 三 changed: whatever relations it breaks, each at its cells."""
    assert model.applications is not None
    apps = model.applications

    def build(args: tuple[str, str, int]) -> Mutated:
        row, col, delta = args
        value = _app_int(model, row, col) + delta
        assume(value >= 0)
        changed = attrs.evolve(model, applications=_set_app(apps, row, col, value))
        # a (七)总计 cell changed alone is the one cell that explains its balance too: GL203 says so, with its hint
        must = ("GL203",) if row == "results_total" else ()
        return Mutated("change_cell", changed, _oracle(changed, must), note=f"{row}.{col} {delta:+}")

    return st.tuples(st.sampled_from(apps.rows), st.sampled_from(schema.APPLICATION_COLUMN_KEYS), _delta()).map(build)


def change_results_total(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """(七)总计 off in one applicant column, compensated so that only R3.2 (GL202) fails: the row total
    and the balance still hold."""
    assert model.applications is not None
    apps = model.applications

    def build(args: tuple[str, int]) -> Mutated:
        col, delta = args
        forward = _app_int(model, "carried_forward", col)
        assume(forward - delta >= 0 and _app_int(model, "results_total", col) + delta >= 0)
        changed_apps = apps
        for row, sign in (("results_total", 1), ("carried_forward", -1)):
            for c in (col, "total"):
                changed_apps = _set_app(changed_apps, row, c, _app_int(model, row, c) + sign * delta)
        changed = attrs.evolve(model, applications=changed_apps)
        return Mutated("change_results_total", changed, _oracle(changed), note=f"results_total.{col} {delta:+}")

    return st.tuples(st.sampled_from(schema.APPLICANT_COLUMN_KEYS), _delta()).map(build)


def change_balance(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """四、结转下年度 off in one column and its 总计 (the row still adds up): only R3.3 (GL203) fails."""
    assert model.applications is not None
    apps = model.applications

    def build(args: tuple[str, int]) -> Mutated:
        col, delta = args
        assume(_app_int(model, "carried_forward", col) + delta >= 0)
        changed_apps = apps
        for c in (col, "total"):
            changed_apps = _set_app(changed_apps, "carried_forward", c, _app_int(model, "carried_forward", c) + delta)
        changed = attrs.evolve(model, applications=changed_apps)
        return Mutated("change_balance", changed, _oracle(changed), note=f"carried_forward.{col} {delta:+}")

    return st.tuples(st.sampled_from(schema.APPLICANT_COLUMN_KEYS), _delta()).map(build)


def move_number(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A number printed in the wrong applicant column of its row: the row still adds up (R3.1), the
    column relations (R3.2, R3.3) do not."""
    assert model.applications is not None
    apps = model.applications
    nonzero = [(row, col) for row in apps.rows for col in schema.APPLICANT_COLUMN_KEYS if _app_int(model, row, col) > 0]
    assume(nonzero)

    def build(args: tuple[tuple[str, str], str]) -> Mutated:
        (row, source), target = args
        assume(source != target)
        moved = _set_app(apps, row, target, _app_int(model, row, target) + _app_int(model, row, source))
        moved = _set_app(moved, row, source, 0)
        changed = attrs.evolve(model, applications=moved)
        return Mutated("move_number", changed, _oracle(changed), note=f"{row}: {source} -> {target}")

    return st.tuples(st.sampled_from(nonzero), st.sampled_from(schema.APPLICANT_COLUMN_KEYS)).map(build)


def change_group_total(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A review or litigation group's 总计 off (seed 002, 洪泽区 2023): GL204."""
    assert model.review_litigation is not None
    rl = model.review_litigation

    def build(args: tuple[str, int]) -> Mutated:
        group, delta = args
        key = f"{group}.total"
        value = int(value_of(rl.values[key]) or 0) + delta
        assume(value >= 0)
        changed = attrs.evolve(model, review_litigation=ReviewLitigation({**rl.values, key: value}))
        return Mutated("change_group_total", changed, _oracle(changed), note=f"{key} {delta:+}")

    return st.tuples(st.sampled_from(tuple(g.key for g in schema.REVIEW_GROUPS)), _delta()).map(build)


def bad_count(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A count printed negative or fractional (GL205), and whatever relation that breaks."""
    cells = [(t, k) for t, k in _cells(model) if not k.endswith((".change", ".amount_10k_yuan", ".total_amount"))]

    def build(args: tuple[tuple[str, str], str]) -> Mutated:
        (table, key), raw = args
        changed = _with_cell(model, table, key, Printed(raw, Decimal(raw)))
        expect = _oracle(changed)
        return Mutated("bad_count", changed, expect, note=f"{table}.{key}={raw}")

    return st.tuples(st.sampled_from(cells), st.sampled_from(("-1", "-3", "2.5", "0.5", "1.5"))).map(build)


# ----- fees (GL301–GL303) -------------------------------------------------------------------------------------


def remove_fee(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Section 六, under its standard heading, says only "无。" (seed 001): the fee is not disclosed.  (Under a
    heading that names the fee, 六、信息处理费收取情况, "无。" answers it.)"""
    heading = schema.SECTIONS_BY_KEY["other_matters"].title

    def build(text: str) -> Mutated:
        fee = FeeStatement("absent", text)
        sections = tuple(
            attrs.evolve(s, paragraphs=(), heading=heading) if s.key == "other_matters" else s for s in model.sections
        )
        expect = Expectation(frozenset({"GL301"}), where={"GL301": ("section.other_matters", "heading.other_matters")})
        return Mutated("remove_fee", attrs.evolve(model, fee=fee, sections=sections), expect)

    return st.sampled_from(phrases.FEE_ABSENT).map(build)


def contradict_fee(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Row (六)2 counts applications whose fee notice went unpaid, yet section 六 says no notice was
    issued (spec §7.2 X1): GL302."""
    we = phrases.self_reference(model.agency, model.kind)

    def build(template: str) -> Mutated:
        fee = FeeStatement("no_notice", fill(template, Y=model.report_year, we=we))
        where = ("section.other_matters", "fee", "row.applications.other.fee_unpaid",
                 *(f"cell.applications.other.fee_unpaid.{c}" for c in schema.APPLICATION_COLUMN_KEYS))  # fmt: skip
        expect = Expectation(frozenset({"GL302"}), where={"GL302": where})
        return Mutated("contradict_fee", attrs.evolve(model, fee=fee), expect)

    return st.sampled_from(phrases.FEE_NO_NOTICE).map(build)


def fee_unit(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """The 第二十条第(八)项 amount in 元, not 万元 (GL303)."""
    original = model.active_disclosure
    assert original is not None

    def build(header: str) -> Mutated:
        ad = attrs.evolve(original, fee_header=header)
        expect = Expectation(frozenset({"GL303"}), where={"GL303": ("art20.part8", "row.active_disclosure.fees")})
        return Mutated("fee_unit", attrs.evolve(model, active_disclosure=ad), expect, note=header)

    return st.sampled_from(("本年收费金额（单位：元）", "本年收费金额(元)", "本年收费金额（单位：千元）")).map(build)


# ----- dates (GL401–GL407) ------------------------------------------------------------------------------------


def _with_dates(model: ReportModel, publish: PrintedDate | None, signature: PrintedDate | None) -> ReportModel:
    meta = model.metadata
    if meta is not None:
        meta = attrs.evolve(meta, publish_date=publish)
    sig = model.signature
    if sig is not None:
        sig = attrs.evolve(sig, date=signature)
    return attrs.evolve(model, metadata=meta, signature=sig)


_DATE_ANCHORS = ("meta.publish_date", "signature.date", "meta", "signature")


def late_publication(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Published (and signed) after the deadline of 条例 第四十九条: GL402."""

    def build(args: tuple[int, int]) -> Mutated:
        late, signed_before = args
        publish = model.deadline + dt.timedelta(days=late)
        signed = max(model.deadline + dt.timedelta(days=1), publish - dt.timedelta(days=signed_before))
        changed = _with_dates(model, PrintedDate.of(publish), PrintedDate.of(signed))
        expect = Expectation(frozenset({"GL402"}), where={"GL402": _DATE_ANCHORS})
        return Mutated("late_publication", changed, expect, note=f"published {publish}")

    return st.tuples(st.integers(1, 120), st.integers(0, 10)).map(build)


def impossible_date(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A publication or signature date that does not exist (2月30日): GL403."""

    def build(args: tuple[str, tuple[int, int]]) -> Mutated:
        which, (month, day) = args
        bad = PrintedDate(model.report_year + 1, month, day)
        publish = bad if which == "publish" else model.publish_date
        signature = bad if which == "signature" else model.signature_date
        assume((model.metadata if which == "publish" else model.signature) is not None)
        changed = _with_dates(model, publish, signature)
        expect = Expectation(frozenset({"GL403"}), allowed=frozenset({"GL402"}), where={"GL403": _DATE_ANCHORS})
        return Mutated("impossible_date", changed, expect, note=bad.text())

    return st.tuples(
        st.sampled_from(("publish", "signature")), st.sampled_from(((2, 30), (2, 31), (4, 31), (1, 32), (13, 5)))
    ).map(build)


def early_date(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Signed or published before the report year ended (苏平 2019 signed 2019年1月3日): GL403."""

    def build(args: tuple[str, int]) -> Mutated:
        which, days = args
        early = PrintedDate.of(dt.date(model.report_year, 12, 31) - dt.timedelta(days=days))
        assume((model.metadata if which == "publish" else model.signature) is not None)
        publish = early if which == "publish" else model.publish_date
        signature = early if which == "signature" else model.signature_date
        expect = Expectation(frozenset({"GL403"}), where={"GL403": _DATE_ANCHORS})
        return Mutated("early_date", _with_dates(model, publish, signature), expect, note=early.text())

    return st.tuples(st.sampled_from(("publish", "signature")), st.integers(0, 300)).map(build)


def future_date(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """ "Today" is before the publication date: GL404 (the date is in the future)."""
    latest = max(d.date for d in (model.publish_date, model.signature_date) if d is not None and d.date)
    first = dt.date(model.report_year + 1, 1, 1)
    assume(latest > first)

    def build(days: int) -> Mutated:
        reference = latest - dt.timedelta(days=days)
        expect = Expectation(frozenset({"GL404"}), where={"GL404": _DATE_ANCHORS})
        return Mutated("future_date", model, expect, reference_date=reference, note=f"today {reference}")

    return st.integers(1, (latest - first).days).map(build)


def wrong_period(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A statistics period other than 1 January–31 December (平潭 bodies set up on 2019-09-01): GL405."""
    y = model.report_year

    def build(args: tuple[tuple[tuple[int, int], tuple[int, int]], str]) -> Mutated:
        ((m1, d1), (m2, d2)), template = args
        period = Period(PrintedDate(y, m1, d1), PrintedDate(y, m2, d2), template)
        expect = Expectation(frozenset({"GL405"}), where={"GL405": ("period",)})
        return Mutated("wrong_period", attrs.evolve(model, period=period), expect, note=period.text())

    spans = (((9, 1), (12, 31)), ((1, 1), (11, 30)), ((1, 1), (6, 30)), ((3, 1), (12, 31)))
    return st.tuples(st.sampled_from(spans), st.sampled_from(phrases.PERIOD_TEMPLATES)).map(build)


def period_year(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """The statistics period is a whole year, but another one than the title's: GL401 (and GL405)."""
    y = model.report_year

    def build(args: tuple[int, str]) -> Mutated:
        shift, template = args
        period = Period(PrintedDate(y + shift, 1, 1), PrintedDate(y + shift, 12, 31), template)
        where = ("title", "period")
        expect = Expectation(frozenset({"GL401"}), allowed=frozenset({"GL405"}), where={"GL401": where, "GL405": where})
        return Mutated("period_year", attrs.evolve(model, period=period), expect, note=period.text())

    return st.tuples(st.sampled_from((-1, -2)), st.sampled_from(phrases.PERIOD_TEMPLATES)).map(build)


def old_format(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A report for 2021 or later printed with the 2019 trial tables: GL406."""

    def build(args: tuple[Any, Any]) -> Mutated:
        ad, apps = args
        changed = attrs.evolve(model, format="2019", active_disclosure=ad, applications=apps)
        where = ("table.active_disclosure", "table.applications", "title", "section.active_disclosure",
                 "section.applications")  # fmt: skip
        expect = Expectation(frozenset({"GL406"}), allowed=frozenset({"GL104"}), where={"GL406": where, "GL104": where})
        return Mutated("old_format", changed, expect)

    return st.tuples(active_disclosures("2019"), applications_tables("2019")).map(build)


def mixed_other_row(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """洪泽区 2023/2024: the 2021 layout keeping the 2019 single (六)其他处理 row: GL104 (three standard rows
    missing), maybe GL406."""
    assert model.applications is not None
    apps = model.applications
    others = ("other.no_correction", "other.fee_unpaid", "other.other")
    merged = {c: sum(_app_int(model, r, c) for r in others) for c in schema.APPLICATION_COLUMN_KEYS}
    rows = tuple(r for r in apps.rows if r not in others[1:])
    rows = tuple("other.all" if r == others[0] else r for r in rows)
    values = {r: dict(v) for r, v in apps.values.items() if r not in others}
    values["other.all"] = dict(merged)
    changed = attrs.evolve(model, applications=Applications(rows, values))
    where = ("table.applications",)
    expect = Expectation(frozenset({"GL104"}), allowed=frozenset({"GL406"}), where={"GL104": where, "GL406": where})
    return st.just(Mutated("mixed_other_row", changed, expect))


def no_dates(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """No publication or signature date anywhere (seed 000): GL407."""
    meta: Metadata | None = attrs.evolve(model.metadata, publish_date=None) if model.metadata else None
    sig: Signature | None = attrs.evolve(model.signature, date=None) if model.signature else None
    expect = Expectation(frozenset({"GL407"}))
    return st.just(Mutated("no_dates", attrs.evolve(model, metadata=meta, signature=sig), expect))


# ----- the text against the tables, section 五 (GL601–GL606) ----------------------------------------------


def wrong_count(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """A sentence of section 一 states a count of table 二, 三 or 四 with one number changed."""

    @st.composite
    def build(draw: st.DrawFn) -> Mutated:
        sentences = draw(prose.count_sentences(model))
        assume(sentences)
        sentence = draw(st.sampled_from(sentences))
        value = sentence.value + draw(_delta())
        assume(value >= 0 and value not in prose.parts_of(model, sentence.kind))
        changed = prose.with_sentences(model, (sentence.changed(value),))
        expect = Expectation(must=frozenset({"GL601"}), where=_where("GL601", "section.overview"))
        return Mutated("wrong_count", changed, expect, note=f"{sentence.kind}: {sentence.value} -> {value}")

    return build()


def _review_case(model: ReportModel, column: str) -> ReportModel:
    """``model`` with one more administrative review, of result ``column``, its total kept."""
    assert model.review_litigation is not None
    values = dict(model.review_litigation.values)
    for key in (f"review.{column}", "review.total"):
        values[key] = int(value_of(values.get(key)) or 0) + 1
    return attrs.evolve(model, review_litigation=attrs.evolve(model.review_litigation, values=values))


def no_review_said(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Section 一 says no administrative review happened; table 四 has one."""
    changed = prose.with_sentences(_review_case(model, "upheld"), ("本年度未发生因政府信息公开引起的行政复议。",))
    where = ("section.overview", "section.review_litigation")
    return st.just(Mutated("no_review_said", changed, Expectation(must=frozenset({"GL602"}), where={"GL602": where})))


def _five(model: ReportModel, text: str) -> ReportModel:
    sections = tuple(attrs.evolve(s, paragraphs=(text,)) if s.number == 5 else s for s in model.sections)
    return attrs.evolve(model, sections=sections)


def _five_mutation(name: str, code: str, texts: Sequence[str]) -> Apply:
    def apply(model: ReportModel) -> st.SearchStrategy[Mutated]:
        context = {"Y": model.report_year, "Y1": model.report_year + 1, "we": "我单位"}

        def build(text: str) -> Mutated:
            where = _where(code, "heading.problems_improvements", "section.problems_improvements")
            return Mutated(name, _five(model, fill(text, **context)), Expectation(must=frozenset({code}), where=where))

        return st.sampled_from(tuple(texts)).map(build)

    apply.__doc__ = f"Section 五 replaced by a text {code} reports."
    return apply


def hidden_correction(model: ReportModel) -> st.SearchStrategy[Mutated]:
    """Table 四 has a corrected review, and no sentence speaks of reviews, lawsuits or corrections."""
    changed = _review_case(model, "corrected")
    sections = tuple(
        attrs.evolve(s, paragraphs=tuple(p for p in s.paragraphs if not any(w in p for w in ("复议", "诉讼", "纠正"))))
        for s in changed.sections
    )
    cells = tuple(f"cell.review_litigation.{group}.corrected" for group in schema.REVIEW_GROUP_KEYS)
    expect = Expectation(must=frozenset({"GL606"}), where={"GL606": cells})
    return st.just(Mutated("hidden_correction", attrs.evolve(changed, sections=sections), expect))


def _m(
    name: str,
    codes: Iterable[str],
    apply: Apply,
    layouts: tuple[str, ...] = LAYOUTS,
    description: str = "",
    **report_args: Any,
) -> Mutation:
    return Mutation(name, frozenset(codes), apply, layouts, report_args, description or (apply.__doc__ or "").strip())


MUTATIONS: dict[str, Mutation] = {
    m.name: m
    for m in (
        _m("drop_section", ["GL101"], drop_section),
        _m("drop_heading", ["GL101"], drop_heading),
        _m("swap_sections", ["GL102"], swap_sections),
        _m("duplicate_section", ["GL102"], duplicate_section),
        _m("drop_table", ["GL103"], drop_table),
        _m("drop_row", ["GL104"], drop_row, TABLE_LAYOUTS),
        _m("row_order", ["GL109"], row_order, ORDER_LAYOUTS),
        _m("table_elsewhere", ["GL110"], table_elsewhere),
        _m("blank_cell", ["GL105"], blank_cell, TABLE_LAYOUTS),
        _m("empty_cell", ["GL105", "GL108"], empty_cell, (*POSITIONAL_LAYOUTS, "html", "docx")),
        _m("unreadable_cell", ["GL105", "GL205"], unreadable_cell, TABLE_LAYOUTS),
        _m("extra_value", ["GL108"], extra_value, (*POSITIONAL_LAYOUTS, "cells", "html", "docx")),
        _m("short_row", ["GL108"], short_row, ("cells",)),
        _m("wrong_title", ["GL107"], wrong_title),
        _m("change_row_total", ["GL201"], change_row_total, TABLE_LAYOUTS),
        _m("change_cell", ["GL201", "GL202", "GL203"], change_cell, TABLE_LAYOUTS),
        _m("change_results_total", ["GL202"], change_results_total, TABLE_LAYOUTS),
        _m("change_balance", ["GL203"], change_balance, TABLE_LAYOUTS),
        _m("move_number", ["GL202", "GL203"], move_number, TABLE_LAYOUTS),
        _m("change_group_total", ["GL204"], change_group_total, TABLE_LAYOUTS),
        _m("bad_count", ["GL205"], bad_count, TABLE_LAYOUTS),
        _m("remove_fee", ["GL301"], remove_fee),
        _m("contradict_fee", ["GL302"], contradict_fee, fee_unpaid=True),
        _m("fee_unit", ["GL303"], fee_unit, formats=("2021",)),
        _m("late_publication", ["GL402"], late_publication),
        _m("impossible_date", ["GL403"], impossible_date),
        _m("early_date", ["GL403"], early_date),
        _m("future_date", ["GL404"], future_date),
        _m("wrong_period", ["GL405"], wrong_period),
        _m("period_year", ["GL401"], period_year),
        _m("old_format", ["GL406"], old_format, years=(2021, 2025)),
        _m("mixed_other_row", ["GL104"], mixed_other_row, TABLE_LAYOUTS, formats=("2021",)),
        _m("no_dates", ["GL407"], no_dates),
        _m("wrong_count", ["GL601"], wrong_count, TABLE_LAYOUTS),
        _m("no_review_said", ["GL602"], no_review_said, TABLE_LAYOUTS),
        _m("hollow_five", ["GL603"], _five_mutation("hollow_five", "GL603", prose.HOLLOW)),
        _m("half_five", ["GL604"], _five_mutation("half_five", "GL604", prose.PROBLEMS_ONLY + prose.MEASURES_ONLY)),
        _m("generic_five", ["GL605"], _five_mutation("generic_five", "GL605", prose.GENERIC)),
        _m("hidden_correction", ["GL606"], hidden_correction, TABLE_LAYOUTS),
    )
}

#: Every built-in rule code the mutations cover.
COVERED_CODES: frozenset[str] = frozenset().union(*(m.codes for m in MUTATIONS.values()))

__all__ = [
    "COVERED_CODES",
    "MUTATIONS",
    "REFERENCE_DATE",
    "TABLE_LAYOUTS",
    "TEXT_LAYOUTS",
    "Expectation",
    "Mutated",
    "Mutation",
]
