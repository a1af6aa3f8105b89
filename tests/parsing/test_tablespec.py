"""Tables as data: the standard tables are TableSpecs, and labels, relations and the test oracle come from them."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govlint import schema
from govlint.model import Cell, CellStatus, Report, Table, TableRow, Tables
from govlint.parsing.labels import Family, find_labels
from govlint.rules.relations import analyse, table_relations
from govlint.schema import ColumnSpec, PartSpec, RelationSpec, RowSpec, TableSpec
from govlint.testing.oracle import table_failures

#: A small table of its own: two rows, two parts and a total, and a balance between the rows.
STOCK = TableSpec(
    id="stock",
    title="库存情况表",
    parts=(
        PartSpec(
            (ColumnSpec("paper", "纸质"), ColumnSpec("digital", "电子"), ColumnSpec("total", "合计")),
            (RowSpec("opening", "期初"), RowSpec("added", "新增"), RowSpec("closing", "期末")),
        ),
    ),
    relations=(
        RelationSpec.total("S1", "row", "total", ("paper", "digital")),
        RelationSpec.total("S2", "column", "closing", ("opening", "added")),
    ),
)


def _table(spec: TableSpec, values: dict[str, dict[str, int]]) -> Table:
    rows = {
        row: TableRow(row, row, None, {c: Cell(row, c, v, CellStatus.OK, str(v)) for c, v in cells.items()})
        for row, cells in values.items()
    }
    return Table(spec.id, None, rows)


def _report(*tables: Table) -> Report:
    return Report(path="x.txt", text="", format="2021", tables=Tables({t.key: t for t in tables}))


def test_the_standard_tables_of_each_format_are_specs_with_their_ids() -> None:
    for fmt in schema.FORMATS.values():
        assert [spec.id for spec in fmt.tables] == ["active_disclosure", "applications", "review_litigation"]
    assert schema.TABLE_KEYS == ("active_disclosure", "applications", "review_litigation")
    assert len(schema.FORMAT_2021.table("applications").rows) == 25
    assert len(schema.FORMAT_2019.table("applications").rows) == 23
    assert [p.item for p in schema.FORMAT_2019.table("active_disclosure").parts] == [1, 5, 6, 8, 9]
    review = schema.FORMAT_2021.table("review_litigation")
    assert review.shape == "wide"
    assert review.cell_keys[:2] == ("review.upheld", "review.corrected")
    assert schema.FORMAT_2021.table("active_disclosure").columns_of("fees")[0].unit == "万元"


def test_the_standard_relations_follow_the_spec() -> None:
    apps = schema.FORMAT_2021.table("applications")
    table = _table(apps, {"new_received": {}, "granted": {}})
    relations = table_relations(apps, table)
    by_id: dict[str, list[str]] = {}
    for relation in relations:
        by_id.setdefault(relation.rid, []).append(relation.anchor)
    assert by_id["R3.1"] == ["new_received.total", "granted.total"]  # one per printed row
    assert len(by_id["R3.2"]) == len(by_id["R3.3"]) == 7  # one per column
    balance = next(r for r in relations if r.anchor == "carried_forward.natural_person")
    assert sorted(balance.terms) == [
        (-1, "carried_forward.natural_person"),
        (-1, "results_total.natural_person"),
        (1, "carried_over.natural_person"),
        (1, "new_received.natural_person"),
    ]
    assert len(schema.result_row_keys("2021")) == 21
    assert len(schema.result_row_keys("2019")) == len(schema.result_row_keys("2021", has_other_all=True)) == 19


def test_relations_hold_for_a_table_of_its_own() -> None:
    values = {
        "opening": {"paper": 2, "digital": 3, "total": 5},
        "added": {"paper": 1, "digital": 1, "total": 2},
        "closing": {"paper": 3, "digital": 9, "total": 7},  # digital should be 4
    }
    table = _table(STOCK, values)
    outcomes = analyse(_report(table), table_relations(STOCK, table))
    failed = sorted((o.relation.rid, o.relation.anchor) for o in outcomes if o.failed)
    assert failed == [("S1", "closing.total"), ("S2", "closing.digital")]
    repairs = {o.repair.cell: o.repair.value for o in outcomes if o.repair is not None}
    assert repairs == {"closing.digital": 4}


def test_the_oracle_reads_relations_from_any_spec() -> None:
    values = {"opening": {"paper": 2, "digital": 3, "total": 6}, "added": {"paper": 1, "digital": 1, "total": 2}}

    def value(row: str, column: str) -> int | None:
        return values.get(row, {}).get(column)

    found = list(table_failures(STOCK, list(values), value))
    assert [(f.relation, f.expected, f.actual) for f in found] == [("S1", 5, 6)]
    assert found[0].cells == ("cell.stock.opening.total", "cell.stock.opening.paper", "cell.stock.opening.digital")


@pytest.mark.parametrize("fmt", sorted(schema.FORMATS))
def test_every_row_and_column_label_of_the_specs_is_found(fmt: str) -> None:
    for spec in schema.FORMATS[fmt].tables:
        family = Family(spec.id)
        for row in spec.rows:
            if row.key == schema.ROW_OTHER_ALL.key:
                continue  # printed as its group label
            text = f"{row.numbering}{row.label}"
            hits = find_labels(schema.fold(text))
            assert [h.label(family).key for h in hits if h.label(family)] == [row.key], text
        for column in spec.columns:
            hits = find_labels(schema.fold(column.label))
            assert [h.label(family).key for h in hits if h.label(family)] == [column.key], column.label


def test_tables_are_a_mapping_by_id_with_the_standard_three_as_attributes() -> None:
    apps = _table(schema.FORMAT_2021.table("applications"), {"granted": {"total": 1}})
    stock = _table(STOCK, {"opening": {"total": 5}})
    tables = Tables({"stock": stock}, applications=apps, review_litigation=None)
    assert list(tables) == ["stock", "applications"]
    assert tables["stock"] is stock and tables.applications is apps
    assert tables.review_litigation is None and tables.get("review_litigation") is None
    assert "review_litigation" not in tables
    assert tables == Tables(stock=stock, applications=apps)
    report = attrs.evolve(_report(), tables=tables)
    assert report.tables["applications"].value("granted.total") == 1
    assert Decimal(1) == report.tables.applications.value("granted.total")  # type: ignore[union-attr]
