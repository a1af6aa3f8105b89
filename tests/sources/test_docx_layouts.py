"""Word files laid out as some real ones are: a table framing the report (or each table), and tracked changes
left in the file (a move, a deletion holding a tab)."""

from __future__ import annotations

from pathlib import Path

from test_inputs_docx import make_docx

from govlint.sources import load

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "real"


def _table(*rows: str) -> str:
    cells = (
        "".join(f"<w:tc><w:p><w:r><w:t>{cell}</w:t></w:r></w:p></w:tc>" for cell in row.split("|")) for row in rows
    )
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in cells) + "</w:tbl>"


def test_a_table_framing_tables_is_read_as_blocks_and_not_counted() -> None:
    """A one-cell table around the report's tables (a border drawn as a table) held each table's text as one
    cell: no table was read.  Its cells are read as bodies; the tables inside are numbered from 1."""
    inner = _table("信息内容|本年处理决定数量", "行政许可|3")
    frame = f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>第二十条第（五）项</w:t></w:r></w:p>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    document = load(make_docx(frame), name="framed.docx")
    assert document.text.split("\n")[:4] == ["第二十条第（五）项", "", "信息内容\t本年处理决定数量", "行政许可\t3"]
    at = document.text.index("3")
    origin = document.origin_at(at)
    assert origin is not None and (origin.table, origin.row, origin.column) == (1, 2, 2)


def test_framed_fixtures_number_their_tables_as_unframed() -> None:
    """``framed.docx`` (the whole body in one cell) reads as its unframed Word file does, origins included."""
    framed = load(REAL / "framed.docx")
    plain = load(REAL.parents[1] / "roundtrip" / "seed002" / "lo.docx")
    assert framed.text.strip() == plain.text.strip()
    assert [origin for _, origin in framed.origins] == [origin for _, origin in plain.origins]


def test_moved_and_deleted_text_of_tracked_changes_is_not_read() -> None:
    """Word keeps a moved paragraph's old place as ``w:moveFrom`` runs of ``w:t`` (not ``w:delText``): read, the
    text stood twice.  A deleted run's tab or break is not shown either."""
    body = (
        "<w:p><w:r><w:t>行政许可</w:t></w:r><w:del><w:r><w:tab/><w:delText>5</w:delText></w:r></w:del>"
        "<w:moveFrom><w:r><w:t>旧处</w:t></w:r></w:moveFrom></w:p>"
        "<w:p><w:moveTo><w:r><w:t>旧处</w:t></w:r></w:moveTo></w:p>"
    )
    assert load(make_docx(body), name="tracked.docx").text.split("\n")[:2] == ["行政许可", "旧处"]
