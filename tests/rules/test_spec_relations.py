"""Every relation a TableSpec states is reported by some rule: one added to a standard table's spec, which
GL201–GL204 do not claim, is GL206's (#15 §1: relations as data)."""

from __future__ import annotations

from typing import NamedTuple

import attrs
import pytest

import govlint
from govlint import schema
from govlint.schema import RelationSpec

from .builder import SEED_003


def _with_relation(table_id: str, relation: RelationSpec) -> schema.FormatSpec:
    """The 2021 format with ``relation`` added to a copy of the spec of its table ``table_id``."""
    fmt = schema.FORMATS["2021"]
    tables = tuple(
        attrs.evolve(spec, relations=(*spec.relations, relation)) if spec.id == table_id else spec
        for spec in fmt.tables
    )
    return attrs.evolve(fmt, tables=tables)


def _seed(old: str, new: str) -> str:
    text = SEED_003.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


class Case(NamedTuple):
    table_id: str
    relation: RelationSpec
    #: The seed's line and the line printed instead, that the relation fails on.
    change: tuple[str, str]
    row: str
    expected: str


CASES = [
    # in_force = issued, in every row of the 第二十条 table: 8 printed, 3 expected
    Case(
        "active_disclosure",
        RelationSpec.total("R2.9", "row", "in_force", ("issued",)),
        ("行政规范性文件\t0\t0\t0", "行政规范性文件\t3\t0\t8"),
        "normative_documents",
        "3",
    ),
    # the 总计 of a row = its natural persons, in table 三: 2 printed, 0 expected
    Case(
        "applications",
        RelationSpec.total("R3.9", "row", "total", ("natural_person",)),
        (
            "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
            "一、本年新收政府信息公开申请数量\t\t0\t2\t0\t0\t0\t0\t2",
        ),
        "new_received",
        "0",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.table_id)
def test_a_relation_added_to_a_standard_spec_is_reported(monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    text = _seed(*case.change)
    before = [d for d in govlint.lint_text(text).diagnostics if d.code == "GL206"]
    assert before == []  # the standard spec states no such relation
    monkeypatch.setitem(schema.FORMATS, "2021", _with_relation(case.table_id, case.relation))
    [found] = [d for d in govlint.lint_text(text).diagnostics if d.code == "GL206"]
    rid = case.relation.rid
    assert f"勾稽关系 {rid}" in found.message_zh and f"relation {rid}" in found.message_en
    assert text.split("\n")[found.location.line - 1].startswith(case.change[1])
    assert found.key == f"{case.table_id}.{case.row}.{case.relation.anchor}"
    assert str(found.expected) == case.expected


def test_the_standard_relations_stay_their_own_rules() -> None:
    """R3.1 is GL201's: not reported again by GL206."""
    text = _seed(
        "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
        "一、本年新收政府信息公开申请数量\t\t0\t2\t0\t0\t0\t0\t0",
    )
    codes = [d.code for d in govlint.lint_text(text).diagnostics]
    assert "GL201" in codes and "GL206" not in codes
