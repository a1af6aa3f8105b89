"""An independent oracle for the arithmetic relations of spec §7 over a :class:`ReportModel`.

The generators use it to prove that a valid report is consistent, and the mutations use it to know exactly
which relations a changed number breaks (and so which codes a linter must report, and where).  A relation
with a missing, empty or unreadable term is *not assessable* (spec §7.1): it never fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from govlint import schema
from govlint.model import Number
from govlint.testing.model import ReportModel

_ANCHOR_CELL = "cell.{table}.{key}"


@attrs.frozen
class Failure:
    """One failing instance of a relation: its id (R3.1 …), the rule code, and the cells involved."""

    relation: str
    code: str
    #: Anchor keys (see :class:`govlint.testing.layouts.Rendered`) of every cell in the relation.
    cells: tuple[str, ...]
    expected: Number
    actual: Number


def _cell(table: str, key: str) -> str:
    return _ANCHOR_CELL.format(table=table, key=key)


def _check(
    relation: str, code: str, total: tuple[str, Number | None], parts: list[tuple[str, Number | None]], table: str
) -> Failure | None:
    values = [v for _, v in parts]
    if total[1] is None or any(v is None for v in values):
        return None
    expected = sum(v for v in values if v is not None)
    if expected == total[1]:
        return None
    cells = tuple(_cell(table, k) for k in (total[0], *(k for k, _ in parts)))
    return Failure(relation, code, cells, expected, total[1])


def failures(model: ReportModel) -> list[Failure]:
    """Every failing instance of R3.1, R3.2, R3.3 and R4.1, and every cell outside its domain (GL205)."""
    return [*_applications(model), *_review(model), *_domain(model)]


def _applications(model: ReportModel) -> Iterator[Failure]:
    apps = model.applications
    if apps is None:
        return
    printed = set(apps.rows)

    def term(row: str, col: str) -> tuple[str, Number | None]:
        return f"{row}.{col}", apps.value(row, col) if row in printed else None

    # R3.1 row totals
    for row in apps.rows:
        found = _check(
            "R3.1", "GL201", term(row, "total"), [term(row, c) for c in schema.APPLICANT_COLUMN_KEYS], "applications"
        )
        if found:
            yield found
    # R3.2 results total, per column; the result rows are those of the printed format
    has_other_all = "other.all" in printed
    result_rows = schema.result_row_keys(model.format, has_other_all=has_other_all)
    for col in schema.APPLICATION_COLUMN_KEYS:
        if "results_total" in printed:
            found = _check(
                "R3.2", "GL202", term("results_total", col), [term(r, col) for r in result_rows], "applications"
            )
            if found:
                yield found
        # R3.3 balance: new + carried over = results total + carried forward
        left = [term("new_received", col), term("carried_over", col)]
        right = [term("results_total", col), term("carried_forward", col)]
        if all(v is not None for _, v in left + right):
            lsum = sum(v for _, v in left if v is not None)
            rsum = sum(v for _, v in right if v is not None)
            if lsum != rsum:
                cells = tuple(_cell("applications", k) for k, _ in left + right)
                yield Failure("R3.3", "GL203", cells, lsum, rsum)


def _review(model: ReportModel) -> Iterator[Failure]:
    rl = model.review_litigation
    if rl is None:
        return
    from govlint.testing.model import value_of

    for group in schema.REVIEW_GROUPS:
        parts = [(f"{group.key}.{c}", value_of(rl.values.get(f"{group.key}.{c}"))) for c in schema.REVIEW_COLUMN_KEYS]
        found = _check("R4.1", "GL204", parts[-1], parts[:-1], "review_litigation")
        if found:
            yield found


def _domain(model: ReportModel) -> Iterator[Failure]:
    """R2.1, R3.4, R4.2: counts are integers >= 0; amounts decimals >= 0; 2019 changes signed integers."""
    kinds: dict[str, schema.ValueKind] = {}
    for table in schema.FORMATS[model.format].art20:
        for row in table.rows:
            for col in table.columns:
                kinds[f"{row.key}.{col.key}"] = col.kind
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
