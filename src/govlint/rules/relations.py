"""The arithmetic relations of the tables (spec §7.1) as data, their evaluation, and the repair analysis.

A relation is a signed sum of cells that must be zero.  It is *assessable* only when every cell in it holds a
readable number; otherwise it is not evaluated at all (the unreadable cell is GL105's finding) and no value
is ever substituted for the missing one.

The repair analysis answers "would changing one cell repair every failing relation?": failing relations that
share cells form a component; a cell is the repair of its component when it occurs in every failing relation
of the component, in no relation that holds, and every failing relation asks the same new value of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

from govlint.model import Cell, Number, Report
from govlint.rule import RuleContext
from govlint.rules.places import has_other_all
from govlint.schema import (
    APPLICANT_COLUMN_KEYS,
    APPLICATION_COLUMN_KEYS,
    FORMATS,
    REVIEW_COLUMN_KEYS,
    REVIEW_GROUPS,
    result_row_keys,
)

_REVIEW_PARTS: tuple[str, ...] = REVIEW_COLUMN_KEYS[:-1]


# Plain classes with __slots__ rather than NamedTuples: a NamedTuple costs ~0.6M instructions to create at
# start-up, these ~0.05M.


class Relation:
    """One instance of a relation: ``sum(coef * cell) == 0`` over cells of one table."""

    __slots__ = ("anchor", "rid", "table", "terms")

    def __init__(self, rid: str, table: str, anchor: str, terms: tuple[tuple[int, str], ...]) -> None:
        self.rid = rid  #: the spec's relation id: "R3.1", "R3.2", "R3.3", "R4.1"
        self.table = table
        #: The cell ("row.column") a diagnostic points at and whose expected value it states.
        self.anchor = anchor
        self.terms = terms


class Repair:
    """The one cell whose change would make every failing relation of its component hold."""

    __slots__ = ("cell", "failing", "value")

    def __init__(self, cell: str, value: Number, failing: int) -> None:
        self.cell = cell  #: "row.column" in the relation's table
        self.value = value
        self.failing = failing  #: how many failing relations it repairs


class Outcome:
    """A relation evaluated on a report."""

    __slots__ = ("cells", "relation", "repair", "residual")

    def __init__(
        self, relation: Relation, residual: Number | None, cells: Mapping[str, Cell], repair: Repair | None = None
    ) -> None:
        self.relation = relation
        #: ``sum(coef * value)``; None when the relation is not assessable.
        self.residual = residual
        self.cells = cells
        self.repair = repair

    @property
    def failed(self) -> bool:
        return self.residual is not None and self.residual != 0

    def value(self, key: str) -> Number:
        value = self.cells[key].value
        assert value is not None  # only asked of assessable relations
        return value

    @property
    def expected(self) -> Number:
        """The value the anchor cell must have for the relation to hold."""
        assert self.residual is not None
        coef = dict((k, c) for c, k in self.relation.terms)[self.relation.anchor]
        return self.value(self.relation.anchor) - self.residual * coef


@lru_cache(maxsize=64)
def _row_total(row: str) -> Relation:
    """R3.1 for one row."""
    return Relation(
        "R3.1",
        "applications",
        f"{row}.total",
        ((1, f"{row}.total"), *((-1, f"{row}.{c}") for c in APPLICANT_COLUMN_KEYS)),
    )


@lru_cache(maxsize=8)
def _column_relations(format_key: str, other_all: bool) -> tuple[Relation, ...]:
    """R3.2 and R3.3 for every column, for a format (and the single 2019 (六) row or not)."""
    result_rows = result_row_keys(format_key, other_all)
    totals = tuple(
        Relation(
            "R3.2",
            "applications",
            f"results_total.{col}",
            ((1, f"results_total.{col}"), *((-1, f"{r}.{col}") for r in result_rows)),
        )
        for col in APPLICATION_COLUMN_KEYS
    )
    balances = tuple(
        Relation(
            "R3.3",
            "applications",
            f"carried_forward.{col}",
            (
                (1, f"new_received.{col}"),
                (1, f"carried_over.{col}"),
                (-1, f"results_total.{col}"),
                (-1, f"carried_forward.{col}"),
            ),
        )
        for col in APPLICATION_COLUMN_KEYS
    )
    return totals + balances


_REVIEW_RELATIONS: dict[str, Relation] = {
    g.key: Relation(
        "R4.1",
        "review_litigation",
        f"{g.key}.total",
        ((1, f"{g.key}.total"), *((-1, f"{g.key}.{c}") for c in _REVIEW_PARTS)),
    )
    for g in REVIEW_GROUPS
}


def application_relations(report: Report) -> tuple[Relation, ...]:
    """R3.1 for every row, R3.2 and R3.3 for every column of the applications table."""
    table = report.tables.applications
    if table is None:
        return ()
    format_key = report.format if report.format in FORMATS else ("2019" if "other.all" in table.rows else "2021")
    return (*map(_row_total, table.rows), *_column_relations(format_key, has_other_all(report)))


def review_relations(report: Report) -> tuple[Relation, ...]:
    """R4.1 for every group of the review/litigation table present in the report."""
    table = report.tables.review_litigation
    if table is None:
        return ()
    return tuple(relation for key, relation in _REVIEW_RELATIONS.items() if key in table.rows)


def _evaluate(report: Report, relations: tuple[Relation, ...]) -> list[Outcome]:
    """Each relation (all of one table) on the table's cells, looked up by "row.column"."""
    if not relations:
        return []
    table = report.tables.get(relations[0].table)
    assert table is not None
    by_key = {f"{row_key}.{column}": cell for row_key, row in table.rows.items() for column, cell in row.cells.items()}
    outcomes: list[Outcome] = []
    for relation in relations:
        cells: dict[str, Cell] = {}
        residual: Number | None = 0
        for coef, key in relation.terms:
            cell = by_key.get(key)
            if cell is None or cell.value is None:
                residual = None
                continue
            cells[key] = cell
            if residual is not None:
                residual += coef * cell.value
        outcomes.append(Outcome(relation, residual, cells))
    return outcomes


def _components(failing: list[Outcome]) -> list[list[Outcome]]:
    """Failing relations grouped by shared cells (union-find over their cells)."""
    parent = list(range(len(failing)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, outcome in enumerate(failing):
        for _, key in outcome.relation.terms:
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[Outcome]] = {}
    for i, outcome in enumerate(failing):
        groups.setdefault(find(i), []).append(outcome)
    return list(groups.values())


def _repair(component: list[Outcome], held: set[str]) -> Repair | None:
    candidates: set[str] | None = None
    for outcome in component:
        keys = {k for _, k in outcome.relation.terms}
        candidates = keys if candidates is None else candidates & keys
    found: list[Repair] = []
    for key in sorted(candidates or ()):
        if key in held:
            continue  # changing it would break a relation that holds
        values: set[Number] = set()
        for outcome in component:
            coef = dict((k, c) for c, k in outcome.relation.terms)[key]
            assert outcome.residual is not None
            values.add(outcome.value(key) - outcome.residual * coef)
        if len(values) == 1:
            value = values.pop()
            if value >= 0 and value == int(value):
                found.append(Repair(key, int(value) if isinstance(value, Decimal) else value, len(component)))
    return found[0] if len(found) == 1 else None


def analyse(report: Report, relations: tuple[Relation, ...]) -> tuple[Outcome, ...]:
    """Evaluate ``relations`` (all of one table) and attach the repair of each failing one, if unique."""
    outcomes = _evaluate(report, relations)
    held = {k for o in outcomes if o.residual == 0 for _, k in o.relation.terms}
    failing = [o for o in outcomes if o.failed]
    repairs: dict[int, Repair] = {}
    for component in _components(failing):
        repair = _repair(component, held)
        if repair is not None:
            repairs.update((id(o), repair) for o in component)
    return tuple(Outcome(o.relation, o.residual, o.cells, repairs[id(o)]) if id(o) in repairs else o for o in outcomes)


def evaluate_all(report: Report) -> tuple[Outcome, ...]:
    """Every relation of ``report`` evaluated, with the repairs."""
    return analyse(report, application_relations(report)) + analyse(report, review_relations(report))


def outcomes(report: Report, ctx: RuleContext) -> tuple[Outcome, ...]:
    """Every relation of ``report`` evaluated, computed once per report and shared through ``ctx``."""
    return ctx.shared(report, evaluate_all)
