"""The arithmetic relations of the tables (spec §7.1) as data, their evaluation, and the repair analysis.

A relation is a signed sum of cells that must be zero.  It is *assessable* only when every cell in it holds a
readable number; otherwise it is not evaluated at all (the unreadable cell is GL105's finding) and no value
is ever substituted for the missing one.

The repair analysis answers "would changing one cell repair every failing relation?": failing relations that
share cells form a component; a cell is the repair of its component when it occurs in every failing relation
of the component, in no relation that holds, and every failing relation asks the same new value of it.  A cell
that also occurs in a relation not assessable is never the repair: nothing read shows whether changing it would
break that relation, so a cell beside an unread one would be blamed because its neighbour was not read.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from govlint.model import Cell, Number, Report, Table
from govlint.rule import RuleContext
from govlint.rules.places import has_other_all
from govlint.schema import FORMATS, TABLE_KEYS, RelationSpec, TableSpec


class Relation:
    """One instance of a relation (a :class:`govlint.schema.RelationSpec` in one row or column) over cells of
    one table: ``sum(coef * cell) == 0`` (or ``<= 0``, or its cells zero together, by ``op``)."""

    __slots__ = ("anchor", "op", "reported_by", "rid", "table", "terms")

    def __init__(
        self,
        rid: str,
        table: str,
        anchor: str,
        terms: tuple[tuple[int, str], ...],
        *,
        op: str = "=",
        reported_by: str = "GL206",
    ) -> None:
        self.rid = rid  #: the spec's relation id: "R3.1", "R3.2", "R3.3", "R4.1", or a plugin table's
        self.table = table
        #: The cell ("row.column") a diagnostic points at and whose expected value it states.
        self.anchor = anchor
        self.terms = terms
        self.op = op
        #: The rule that reports it when it fails in a table a plugin describes.
        self.reported_by = reported_by


class Repair:
    """The one cell whose change would make every failing relation of its component hold."""

    __slots__ = ("cell", "failing", "value")

    def __init__(self, cell: str, value: Number, failing: int) -> None:
        self.cell = cell  #: "row.column" in the relation's table
        self.value = value
        self.failing = failing  #: how many failing relations it repairs


class RelationOutcome:
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
        if self.residual is None:
            return False
        return self.residual > 0 if self.relation.op == "<=" else self.residual != 0

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


def _in_row(table: str, spec: RelationSpec, row: str) -> Relation:
    """A relation whose terms name columns, in the row ``row``."""
    terms = tuple([(coef, f"{row}.{key}") for coef, key in spec.terms])
    return Relation(spec.rid, table, f"{row}.{spec.anchor}", terms, op=spec.op, reported_by=spec.reported_by)


def _in_columns(spec: TableSpec) -> tuple[Relation, ...]:
    """The relations of ``spec`` whose terms name rows, in each of its columns (all of one relation, then
    the next)."""
    return tuple(
        Relation(
            relation.rid,
            spec.id,
            f"{relation.anchor}.{column}",
            tuple([(c, f"{k}.{column}") for c, k in relation.terms]),
            op=relation.op,
            reported_by=relation.reported_by,
        )
        for relation in spec.relations
        if relation.each == "column"
        for column in spec.column_keys
    )


def table_relations(spec: TableSpec, table: Table) -> tuple[Relation, ...]:
    """Every relation of ``spec`` on the table as printed: a row relation in each row the table prints, then
    the column relations in every column."""
    in_rows = tuple(
        _in_row(spec.id, relation, row) for relation in spec.relations if relation.each == "row" for row in table.rows
    )
    return in_rows + _in_columns(spec)


def standard_spec(report: Report, table_id: str) -> TableSpec:
    """The spec of a standard table whose relations the report's table is checked by: the table's in the
    report's format (2021 when it is unknown); a report printing the single 2019 (六)其他处理 row sums its
    results as 2019 does (R3.2)."""
    if table_id == "applications" and has_other_all(report):
        return FORMATS["2019"].table(table_id)
    return FORMATS[report.format if report.format in FORMATS else "2021"].table(table_id)


def standard_relations(report: Report) -> tuple[tuple[Relation, ...], ...]:
    """The relations of each standard table the report prints, by its spec (:func:`standard_spec`): R3.1 in
    every row, R3.2 and R3.3 in every column of table 三, R4.1 in every group of table 四, and any other
    relation a spec states."""
    found = []
    for table_id in TABLE_KEYS:
        table = report.tables.get(table_id)
        spec = standard_spec(report, table_id) if table is not None else None
        if table is not None and spec is not None and spec.relations:
            found.append(table_relations(spec, table))
    return tuple(found)


def _evaluate(report: Report, relations: tuple[Relation, ...]) -> list[RelationOutcome]:
    """Each relation (all of one table) on the table's cells, looked up by "row.column"."""
    if not relations:
        return []
    table = report.tables.get(relations[0].table)
    assert table is not None
    by_key = {f"{row_key}.{column}": cell for row_key, row in table.rows.items() for column, cell in row.cells.items()}
    outcomes: list[RelationOutcome] = []
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
        if residual is not None and relation.op == "zero-together":  # 0 when it holds, else 1
            values = [cell.value for cell in cells.values() if cell.value is not None]
            residual = 0 if all(v == 0 for v in values) or not any(v == 0 for v in values) else 1
        outcomes.append(RelationOutcome(relation, residual, cells))
    return outcomes


def _components(failing: list[RelationOutcome]) -> list[list[RelationOutcome]]:
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
    groups: dict[int, list[RelationOutcome]] = {}
    for i, outcome in enumerate(failing):
        groups.setdefault(find(i), []).append(outcome)
    return list(groups.values())


def _repair(component: list[RelationOutcome], bound: set[str]) -> Repair | None:
    """The one cell of every failing relation of ``component``, none of ``bound``, that all of them ask the same
    value of; None unless exactly one is."""
    candidates: set[str] | None = None
    for outcome in component:
        keys = {k for _, k in outcome.relation.terms}
        candidates = keys if candidates is None else candidates & keys
    found: list[Repair] = []
    for key in sorted(candidates or ()):
        if key in bound:
            continue  # changing it would break a relation that holds, or one that could not be assessed
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


def analyse(report: Report, relations: tuple[Relation, ...]) -> tuple[RelationOutcome, ...]:
    """Evaluate ``relations`` (all of one table) and attach the repair of each failing one, if unique."""
    outcomes = _evaluate(report, relations)
    # the cells of a relation that holds, and of one not assessable (a cell unread beside them)
    bound = {k for o in outcomes if o.residual is None or not o.failed for _, k in o.relation.terms}
    failing = [o for o in outcomes if o.failed and o.relation.op == "="]  # only a sum names its repair
    repairs: dict[int, Repair] = {}
    for component in _components(failing):
        repair = _repair(component, bound)
        if repair is not None:
            repairs.update((id(o), repair) for o in component)
    return tuple(
        RelationOutcome(o.relation, o.residual, o.cells, repairs[id(o)]) if id(o) in repairs else o for o in outcomes
    )


def described_relations(report: Report) -> tuple[tuple[Relation, ...], ...]:
    """The relations of each table a plugin describes that the report prints."""
    found = []
    for spec in report.described:
        table = report.tables.get(spec.id)
        if table is not None and spec.relations:
            found.append(table_relations(spec, table))
    return tuple(found)


def evaluate_all(report: Report) -> tuple[RelationOutcome, ...]:
    """Every relation of ``report`` evaluated, with the repairs: the standard tables', then the described."""
    found: tuple[RelationOutcome, ...] = ()
    for relations in (*standard_relations(report), *described_relations(report)):
        found += analyse(report, relations)
    return found


def outcomes(report: Report, ctx: RuleContext) -> tuple[RelationOutcome, ...]:
    """Every relation of ``report`` evaluated, computed once per report and shared through ``ctx``."""
    return ctx.shared(report, evaluate_all)
