"""A plugin adds a table by describing it (``govlint_tables``): the core reads it in every layout, with
statuses, evidence and origins, and checks its relations and cells like the standard tables'."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import attrs
import pytest
import stock_plugin
from docx import Document as WordDocument

from govlint import api, cli
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import PluginError
from govlint.linter import lint_report
from govlint.model import CellStatus, Origin, Report
from govlint.plugins import clear_cache, load_plugins
from govlint.schema import ColumnSpec, PartSpec, RelationSpec, RowSpec, TableSpec

SEED = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))[0]
HEADER = ["项目", "纸质档案", "电子档案", "档案合计"]
ROWS = [["年初库存", "2", "3", "5"], ["本年新增", "1", "/", "2"], ["年末库存", "3", "4", "8"]]
#: What a correct reader gets: the "/" is an empty cell, not 0.
VALUES = {"opening": [2, 3, 5], "added": [1, None, 2], "closing": [3, 4, 8]}

LAYOUTS = {
    "tab": "\n".join("\t".join(r) for r in [HEADER, *ROWS]),
    "pipe": "\n".join("| " + " | ".join(r) + " |" for r in [HEADER, ["---"] * 4, *ROWS]),
    "lines": "\n\n".join("\n".join(r) for r in [HEADER, *ROWS]),
    "spaced": "\n".join("".join(cell.ljust(12) for cell in r) for r in [HEADER, *ROWS]),
}


def _report_text(table: str, caption: str = "档案库存情况\n") -> str:
    body = SEED.read_text(encoding="utf-8")
    at = body.index("五、")
    return f"{body[:at]}{caption}{table}\n\n{body[at:]}"


def _plugins():  # type: ignore[no-untyped-def]
    return load_plugins(objects=[stock_plugin], entry_points=False)


def _values(report: Report) -> dict[str, list[object]]:
    table = report.tables["records_stock"]
    return {key: [cell.value for cell in row.cells.values()] for key, row in table.rows.items()}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_table_is_read_in_each_text_layout(layout: str) -> None:
    report = api.parse(_report_text(LAYOUTS[layout]), tables=_plugins().tables)
    assert _values(report) == VALUES
    cell = report.tables["records_stock"].cell("added.digital")
    assert cell is not None and cell.status is CellStatus.EMPTY and cell.raw.strip() == "/"
    assert len(report.tables.applications.rows) > 20  # type: ignore[union-attr]  # the standard tables still read


def test_run_together_digits_are_split_by_the_tables_own_relations() -> None:
    # a crawled page: the caption and every cell on one line
    text = _report_text("档案库存情况项目纸质档案电子档案档案合计年初库存235本年新增112年末库存347", caption="")
    table = api.parse(text, tables=_plugins().tables).tables["records_stock"]
    assert [c.value for c in table.rows["closing"].cells.values()] == [3, 4, 7]
    assert {c.status for row in table.rows.values() for c in row.cells.values()} == {CellStatus.INFERRED}


def test_word_table_cells_carry_their_origin(tmp_path: Path) -> None:
    word = WordDocument()
    for line in _report_text("").splitlines():
        if line.strip() == "档案库存情况":
            word.add_paragraph(line)
            grid = word.add_table(rows=0, cols=4)
            for cells in [HEADER, *ROWS]:
                for target, text in zip(grid.add_row().cells, cells, strict=True):
                    target.text = text
        elif line.strip():
            word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    report = api.parse(path, tables=_plugins().tables)
    assert _values(report) == VALUES
    cell = report.tables["records_stock"].cell("closing.total")
    assert cell is not None and cell.evidence == "grid"
    assert cell.span is not None and cell.span.origin is not None
    assert (cell.span.origin.row, cell.span.origin.column) == (4, 4)


def test_relations_and_empty_cells_are_checked_with_messages_naming_the_cells() -> None:
    result = api.lint(_report_text(LAYOUTS["pipe"]))  # no plugin configured: nothing about the table
    assert not [d for d in result.diagnostics if d.key.startswith("records_stock.")]
    plugins = _plugins()
    report = api.parse(_report_text(LAYOUTS["pipe"]))  # parsed before the plugin was known: linting reads again
    found = [d for d in lint_report(report, plugins=plugins).diagnostics if d.key.startswith("records_stock.")]
    assert [(d.code, d.key, d.expected, d.actual) for d in found] == [
        ("GL105", "records_stock.added.digital", "number", "/"),
        ("GL206", "records_stock.closing.total", 7, 8),
        ("GL206", "records_stock.closing.total", 7, 8),
    ]
    assert found[1].message_zh.startswith("档案库存情况表 年末库存 档案合计 列为 8，按勾稽关系 S1 应为 7")
    assert found[2].message_en.startswith("档案库存情况表: 年末库存, column 档案合计 (total) is 8; relation S2 gives 7")


def test_json_gives_the_table_under_its_id() -> None:
    from govlint.serialize import report_to_dict

    data = report_to_dict(api.parse(_report_text(LAYOUTS["tab"]), tables=_plugins().tables))
    assert list(data["tables"]) == ["active_disclosure", "applications", "review_litigation", "records_stock"]  # type: ignore[arg-type]


def test_check_and_parse_read_the_table_of_a_module_the_configuration_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plugin module named in ``plugins = [...]``, not installed: ``check`` finds the table's fault and
    ``parse`` shows the table it was found in (``--isolated``: no configuration, no plugin module)."""
    shutil.copy(stock_plugin.__file__, tmp_path / "office_stock.py")
    (tmp_path / ".govlint.toml").write_text('plugins = ["office_stock"]\n', encoding="utf-8")
    (tmp_path / "report.txt").write_text(_report_text(LAYOUTS["tab"]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the working directory's configuration is trusted to name plugins
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "office_stock", raising=False)
    clear_cache()
    try:
        cli.main(["check", "--format", "json", "--exit-zero", "report.txt"])
        checked = json.loads(capsys.readouterr().out)
        assert cli.main(["parse", "report.txt"]) == 0
        parsed = json.loads(capsys.readouterr().out)
        assert cli.main(["parse", "--isolated", "report.txt"]) == 0
        unconfigured = json.loads(capsys.readouterr().out)
    finally:
        clear_cache()
    assert any(d["key"].startswith("records_stock.") for d in checked["diagnostics"])
    assert parsed["tables"]["records_stock"]["closing"]["total"]["value"] == 8
    assert "records_stock" not in unconfigured["tables"]


def _spec(**changes: object) -> TableSpec:
    return attrs.evolve(stock_plugin.STOCK, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (_spec(id="applications"), "already described by 'govlint'"),
        (_spec(relations=(RelationSpec.total("S9", "row", "sum", ("paper",)),)), "relation S9"),
        (_spec(parts=(PartSpec((ColumnSpec("a.b", "甲"),), (RowSpec("r", "乙"),)),)), "holds a dot"),
    ],
)
def test_a_table_the_core_cannot_use_is_refused_naming_the_plugin(spec: TableSpec, message: str) -> None:
    class Broken:
        __name__ = "broken"
        govlint_plugin_info = staticmethod(stock_plugin.govlint_plugin_info)
        govlint_tables = staticmethod(stock_plugin.hookimpl(lambda: [spec]))

    with pytest.raises(PluginError, match=message):
        load_plugins(objects=[Broken], entry_points=False)


def test_bounds_and_zero_links_are_checked_and_named() -> None:
    from govlint.rules.tables import DescribedRelation
    from govlint.testing import lint_text

    spec = _spec(
        relations=(
            RelationSpec.at_most("B1", "row", "digital", "paper"),  # no more 电子 than 纸质 in a row
            RelationSpec.zero_together("Z1", "column", ("opening", "added")),
        )
    )
    found = lint_text(
        _report_text(LAYOUTS["tab"].replace("\t1\t/\t2", "\t0\t/\t2")), rules=[DescribedRelation], tables=[spec]
    )
    assert [(d.key, d.expected, d.actual) for d in found] == [
        ("records_stock.opening.digital", "<= 2", 3),
        ("records_stock.added.paper", "all zero or none zero", 0),  # 年初 2 纸质, 新增 0
        ("records_stock.closing.digital", "<= 3", 4),
    ]
    assert found[0].message_zh.startswith("档案库存情况表 年初库存 电子档案 列为 3，按勾稽关系 B1 应不大于 2")
    assert "应同为 0 或同不为 0" in found[1].message_zh


FIXTURES = Path(__file__).parent / "fixtures"  # written by fixtures/make.py


@pytest.mark.parametrize(("name", "page"), [("stock.html", None), ("stock.pdf", 3)])
def test_a_web_page_and_a_pdf_table_give_cells_headers_and_findings_their_place(name: str, page: int | None) -> None:
    plugins = _plugins()
    report = api.parse(FIXTURES / name, tables=plugins.tables)
    assert _values(report) == VALUES
    table = report.tables["records_stock"]
    places = {
        f"{row}.{column}": (cell.status, cell.evidence, cell.span.origin if cell.span else None)
        for row, printed in table.rows.items()
        for column, cell in printed.cells.items()
    }
    assert places["added.digital"] == (CellStatus.EMPTY, "grid", Origin(page, 1, 3, 3))
    assert places["closing.total"] == (CellStatus.OK, "grid", Origin(page, 1, 4, 4))
    assert {key: header.span.origin for key, header in table.headers.items()} == {
        key: Origin(page, 1, 1, column) for column, key in enumerate(("paper", "digital", "total"), 2)
    }
    found = [d for d in lint_report(report, plugins=plugins).diagnostics if d.key.startswith("records_stock.")]
    assert [(d.code, d.location.page, d.location.table, d.location.row, d.location.cell_column) for d in found] == [
        ("GL105", page, 1, 3, 3),
        ("GL206", page, 1, 4, 4),
        ("GL206", page, 1, 4, 4),
    ]


def test_an_unread_row_is_named_by_its_spec_label_not_as_printed() -> None:
    from govlint.rules.tables import Unread
    from govlint.testing import lint_text

    # the label 本年新增 wrapped over two lines, then a row of four values for three columns: unread
    table = LAYOUTS["pipe"].replace("| 本年新增 | 1 | / | 2 |", "本年\n新增\n| 1 | 2 | 3 | 4 |")
    [found] = lint_text(_report_text(table), rules=[Unread], tables=[stock_plugin.STOCK])
    assert (found.key, found.unread) == ("records_stock.added", True)
    assert found.message_zh.startswith("未能读取“档案库存情况表 本年新增”行：印有 4 个数值")
    assert found.message_en.startswith("could not read the row “档案库存情况表 本年新增”: 4 values")


#: A converter's Markdown (the ``detached`` layout): the labels of two rows printed first, the second one
#: wrapped, then their value rows.
DETACHED = (
    "| 项目 | 纸质档案 | 电子档案 | 档案合计 |\n|---|---|---|---|\n| 年初库存 | {opening} |\n|---|---|---|---|\n"
    "本年新增\n年末\n库存\n| {added} |\n|---|---|---|\n| {closing} |\n|---|---|---|"
)


def test_rows_printed_apart_from_their_values_are_placed_when_every_order_gives_the_same_values() -> None:
    text = DETACHED.format(opening="0 | 0 | 0", added="1 | 1 | 2", closing="1 | 1 | 2")
    report = api.parse(_report_text(text), tables=_plugins().tables)
    assert _values(report) == {"opening": [0, 0, 0], "added": [1, 1, 2], "closing": [1, 1, 2]}
    assert {row.problem for row in report.tables["records_stock"].rows.values()} == {None}


def test_rows_printed_apart_are_placed_in_the_one_order_the_tables_relations_keep() -> None:
    # 年末 = 年初 + 新增 in each column (S2) holds only with 1 1 2 as 本年新增 and 2 1 3 as 年末库存
    for added, closing in [("1 | 1 | 2", "2 | 1 | 3"), ("2 | 1 | 3", "1 | 1 | 2")]:
        text = DETACHED.format(opening="1 | 0 | 1", added=added, closing=closing)
        report = api.parse(_report_text(text), tables=_plugins().tables)
        assert _values(report) == {"opening": [1, 0, 1], "added": [1, 1, 2], "closing": [2, 1, 3]}


def test_rows_printed_apart_in_no_order_the_relations_keep_are_unread_never_guessed() -> None:
    # 年末 = 年初 + 新增 fails in either order: which row is which is not shown
    text = DETACHED.format(opening="0 | 0 | 0", added="1 | 1 | 2", closing="2 | 1 | 3")
    report = api.parse(_report_text(text), tables=_plugins().tables)
    rows = report.tables["records_stock"].rows
    assert [(key, rows[key].problem is None, [c.value for c in rows[key].cells.values()]) for key in rows] == [
        ("opening", True, [0, 0, 0]),
        ("added", False, [None, None, None]),
        ("closing", False, [None, None, None]),
    ]


TAB_ROWS = {row[0]: "\t".join(row) for row in ROWS}


def _missing_rows(*rows: str, caption: str = "档案库存情况\n") -> tuple[Report, list[Diagnostic]]:
    from govlint.rules.structure import MissingRow
    from govlint.testing import lint_text

    text = _report_text("\n".join(["\t".join(HEADER), *rows]), caption)
    found = lint_text(text, rules=[MissingRow], tables=[stock_plugin.STOCK])
    return api.parse(text, tables=_plugins().tables), [d for d in found if d.key.startswith("records_stock")]


def test_a_row_the_table_lacks_is_gl104_named_by_its_spec_where_it_should_be() -> None:
    report, [found] = _missing_rows(TAB_ROWS["年初库存"], TAB_ROWS["年末库存"])
    assert (found.code, found.key, found.expected, found.unread) == ("GL104", "records_stock.added", "本年新增", False)
    closing = report.tables["records_stock"].rows["closing"].span
    assert closing is not None and found.location.line == closing.line  # at the next row printed
    assert found.message_zh == "档案库存情况表缺少行“本年新增”"
    assert found.message_en == "the table 档案库存情况表 (records_stock) lacks the row “本年新增”"


def test_a_row_not_found_beside_an_unread_row_is_not_said_missing() -> None:
    # 本年增加 is no label of the spec: its values fall to the row above, which is unread (GL108); the row not
    # found may be the one printed there
    report, found = _missing_rows(TAB_ROWS["年初库存"], "本年增加\t1\t1\t2", TAB_ROWS["年末库存"])
    assert [d.key for d in report.deviations if d.kind == "row-missing" and d.table == "records_stock"] == ["added"]
    assert report.tables["records_stock"].rows["opening"].problem is not None
    assert found == []


def test_values_no_row_claims_make_the_missing_row_unread_not_missing() -> None:
    caption = "以下为档案库存情况的说明。\n1 1 2\n档案库存情况\n"  # a line of values that no row claims
    _, [found] = _missing_rows(TAB_ROWS["年初库存"], TAB_ROWS["年末库存"], caption=caption)
    assert (found.code, found.key, found.expected, found.actual, found.unread) == ("GL104", "records_stock", 1, 1, True)
    assert found.severity is Severity.WARNING
    assert found.message_zh.startswith("未能读取档案库存情况表的全部行：第")
    assert "未找到的 1 行（如“本年新增”）可能就在其中，未核对" in found.message_zh
    assert "the 1 rows of the table not found (such as “本年新增”) may be among them" in found.message_en
