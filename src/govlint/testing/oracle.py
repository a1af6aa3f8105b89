"""An independent oracle for the arithmetic relations of spec §7 over a :class:`ReportModel`.

The generators use it to prove that a valid report is consistent, and the mutations use it to know exactly
which relations a changed number breaks (and so which codes a linter must report, and where).  A relation
with a missing, empty or unreadable term is *not assessable* (spec §7.1): it never fails here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal

import attrs

from govlint import schema
from govlint.model import Number
from govlint.records import Record
from govlint.testing.reportmodel import ReportModel, Value, value_of

_ANCHOR_CELL = "cell.{table}.{key}"


@attrs.frozen(repr=False)
class Failure(Record):
    """One failing instance of a relation: its id (R3.1 …), the rule code, and the cells involved;
    ``expected`` is the anchor's value that keeps a sum, or the bound of a part (zero-together: no meaning)."""

    relation: str
    code: str
    #: Anchor keys (see :class:`govlint.testing.layouts.Rendered`) of every cell in the relation.
    cells: tuple[str, ...]
    expected: Number
    actual: Number


def _cell(table: str, key: str) -> str:
    return _ANCHOR_CELL.format(table=table, key=key)


#: The rule that reports each relation of the standard tables.
CODES: dict[str, str] = {"R3.1": "GL201", "R3.2": "GL202", "R3.3": "GL203", "R4.1": "GL204"}


def failures(model: ReportModel) -> list[Failure]:
    """Every failing instance of R3.1, R3.2, R3.3 and R4.1 and of the relations of the tables plugins describe,
    and every cell outside its domain (GL205)."""
    found: list[Failure] = []
    apps = model.applications
    if apps is not None:
        rows = "2019" if "other.all" in apps.rows else model.format  # the single (六) row sums as in 2019
        spec = schema.FORMATS[rows].table("applications")
        found += table_failures(spec, apps.rows, apps.value)
    review = model.review_litigation
    if review is not None:
        spec = schema.FORMATS[model.format].table("review_litigation")
        found += table_failures(spec, spec.row_keys, lambda row, col: value_of(review.values.get(f"{row}.{col}")))
    for described in model.described:
        found += table_failures(described.spec, described.spec.row_keys, _reader(described.values))
    return [*found, *_domain(model)]


def _reader(values: Mapping[str, Value]) -> Callable[[str, str], Number | None]:
    """The number at (row, column) of values keyed ``row.column``."""
    return lambda row, column: value_of(values.get(f"{row}.{column}"))


def table_failures(
    spec: schema.TableSpec, printed: Sequence[str], value: Callable[[str, str], Number | None]
) -> Iterator[Failure]:
    """The failing instances of ``spec``'s relations over a table printing the rows ``printed``, whose cell
    at (row, column) holds ``value(row, column)``: a relation in each printed row, or in each column."""
    shown = set(printed)
    for relation in spec.relations:
        places = printed if relation.each == "row" else spec.column_keys
        for place in places:
            cells = [(row, place) if relation.each == "column" else (place, row) for _, row in relation.terms]
            values = [value(row, col) if row in shown else None for row, col in cells]
            if any(v is None for v in values):
                continue  # not assessable
            if relation.holds([v for v in values if v is not None]):
                continue
            residual = sum(coef * v for (coef, _), v in zip(relation.terms, values, strict=True) if v is not None)
            anchor = next(i for i, (_, key) in enumerate(relation.terms) if key == relation.anchor)
            actual = values[anchor]
            assert actual is not None
            expected = actual - residual * relation.terms[anchor][0]
            keys = tuple(_cell(spec.id, f"{row}.{col}") for row, col in cells)
            # GL201–GL204 claim their relations of the standard tables; every other relation is its reporter's
            standard = spec.id in schema.TABLE_KEYS
            code = CODES.get(relation.rid, relation.reported_by) if standard else relation.reported_by
            yield Failure(relation.rid, code, keys, expected, actual)


def _domain(model: ReportModel) -> Iterator[Failure]:
    """R2.1, R3.4, R4.2: counts are integers >= 0; amounts decimals >= 0; 2019 changes signed integers."""
    kinds = schema.FORMATS[model.format].table("active_disclosure").kinds()
    checks: list[tuple[str, str, Number | None, schema.ValueKind]] = []
    for key, value in model.expected_art20().items():
        checks.append(("active_disclosure", key, value, kinds.get(key, "count")))
    checks += [("applications", k, v, "count") for k, v in model.expected_applications().items()]
    checks += [("review_litigation", k, v, "count") for k, v in model.expected_review().items()]
    for table_key, key, value, kind in checks:
        if value is None:
            continue
        integral = value == int(value)
        ok = (kind == "amount" and value >= 0) or (kind == "signed" and integral) or (integral and value >= 0)
        if not ok:
            yield Failure("domain", "GL205", (_cell(table_key, key),), Decimal(0), value)
