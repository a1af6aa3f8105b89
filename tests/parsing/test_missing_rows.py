"""Rows a table lacks are facts of the parse (``row-missing`` deviations) for every table spec, a plugin's
included, alike: whether a row not found is missing or unread is GL104's to weigh (issue #15)."""

from __future__ import annotations

from parsing_support import SEEDS, STOCK, seed_with

from govlint import parse_text
from govlint.model import Report

HEADER = "项目\t纸质档案\t电子档案\t档案合计"


def _report(*rows: str) -> Report:
    table = "\n".join(["档案库存情况", HEADER, *rows])
    return parse_text(seed_with(f"{table}\n\n"), tables=(STOCK,))


def _missing(report: Report, table: str) -> list[str]:
    return [d.key for d in report.deviations if d.kind == "row-missing" and d.table == table]


def test_a_plugin_table_lacking_a_row_has_it_missing_where_it_should_be() -> None:
    report = _report("年初库存\t2\t3\t5", "年末库存\t3\t4\t8")
    assert list(report.tables["records_stock"].rows) == ["opening", "closing"]
    [deviation] = [d for d in report.deviations if d.kind == "row-missing" and d.table == "records_stock"]
    assert deviation.key == "added"
    assert deviation.span == report.tables["records_stock"].rows["closing"].span  # at the next row printed


def test_a_complete_plugin_table_lacks_nothing() -> None:
    assert _missing(_report("年初库存\t2\t3\t5", "本年新增\t1\t1\t2", "年末库存\t3\t4\t8"), "records_stock") == []


def test_a_row_not_found_beside_an_unread_row_is_a_fact_as_in_the_standard_tables() -> None:
    # 本年增加 is no label of the spec: its values fall to the row above, which is then unread (too many
    # values); the row not found may be the one printed there: GL104 does not report it (tests/plugin)
    report = _report("年初库存\t2\t3\t5", "本年增加\t1\t1\t2", "年末库存\t3\t4\t8")
    table = report.tables["records_stock"]
    assert "added" not in table.rows
    assert table.rows["opening"].problem is not None
    assert _missing(report, "records_stock") == ["added"]


def test_the_standard_tables_still_have_their_missing_rows() -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("(二) 部分公开"))
    report = parse_text(text.replace(line + "\n", ""))
    assert _missing(report, "applications") == ["partially_granted"]
    assert _missing(parse_text(text), "applications") == []
