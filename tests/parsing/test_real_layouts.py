"""Layouts real reports use that the converter fixtures lack (``tests/fixtures/layouts/real``, made by
``make_real.py`` there from reports whose every cell is known): numbers printed with thousands separators,
decimals, units, footnote marks or misread by text recognition; table 三 and table 四 with their columns in
another order, table 三's merged or with a 小计 column; 其中 rows; section headings numbered otherwise or not
at all; portal pages whose tables are built of ``<div>``s or whose cells are spans a character; the labels of
tables 三 and 四 in the wordings clerks print (申请数 for 申请数量, 该 for 相关, 信访、举报、投诉, 其它), and with a
word after them (``1.属于国家秘密的``, ``四、结转下年度继续办理件数``).

Each file is read cell for cell: a cell is read with the report's value, or (where the layout hides which
column a value is in) left unread, never read as another number; and no error or warning accuses the file
that the same report as tab-separated text does not have.  Files made from the real portal page of pingtan 014
(pandoc's plain text of it, a browser's ``innerText``) are held to the page's own reading and findings.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govlint
from govlint import schema
from govlint.diagnostics import Severity
from govlint.model import CellStatus
from govlint.parsing.labels import GROUP_LIKE_ROWS, Family, find_labels, format_votes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REAL = FIXTURES / "layouts" / "real"
ROUNDTRIP = FIXTURES / "roundtrip"
#: Reports known by a real page, not a truth file: the page's reading is the truth.
PAGES = {"pingtan014": FIXTURES / "corpus" / "pingtan" / "014_approval_2025.html"}
LAYOUTS: dict[str, dict[str, Any]] = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
READ = (CellStatus.OK, CellStatus.INFERRED, CellStatus.EMPTY)
#: Known reading bugs by test and file: each a failing expectation until it is fixed (``strict``: the fix must
#: remove it from here).
KNOWN: dict[tuple[str, str], str] = {}


def _layouts(test: str) -> list[Any]:
    return [
        pytest.param(name, marks=[pytest.mark.xfail(reason=KNOWN[test, name], strict=True)])
        if (test, name) in KNOWN
        else name
        for name in sorted(LAYOUTS)
    ]


def _truth(case: str) -> dict[str, Any]:
    if case in PAGES:
        tables = govlint.parse_file(PAGES[case]).tables
        return {
            f"{table_key}.{row_key}.{column}": cell.value
            for table_key, table in tables.items()
            for row_key, row in table.rows.items()
            for column, cell in row.cells.items()
        }
    data = json.loads((ROUNDTRIP / case / "expected.json").read_text(encoding="utf-8"))
    return {key: Decimal(value) if isinstance(value, str) else value for key, value in data["cells"].items()}


def _reference(case: str) -> Path:
    """The same report as tab-separated text, or the real page it was made from."""
    return PAGES.get(case, ROUNDTRIP / case / "tabs.txt")


def _unread(layout: dict[str, Any]) -> tuple[str, ...]:
    """The prefixes of the cells a correct reading leaves unread (``unread``: none, one or a list)."""
    unread = layout["unread"]
    return () if unread is None else (unread,) if isinstance(unread, str) else tuple(unread)


def _accusations(path: Path) -> set[tuple[str, str]]:
    found = govlint.lint_file(path).diagnostics
    return {(d.code, d.key) for d in found if d.severity in (Severity.ERROR, Severity.WARNING) and not d.unread}


def test_every_layout_file_is_listed() -> None:
    assert {path.name for path in REAL.iterdir()} - {"expected.json"} == set(LAYOUTS)


@pytest.mark.parametrize("name", _layouts("cells"))
def test_each_cell_is_read_right_or_left_unread(name: str) -> None:
    layout = LAYOUTS[name]
    tables = govlint.parse_file(REAL / name).tables
    wrong, unread, read_anyway = {}, [], []
    for key, value in _truth(layout["from"]).items():
        table_key, _, cell_key = key.partition(".")
        table = tables.get(table_key)
        cell = None if table is None else table.cell(cell_key)
        is_read = cell is not None and cell.status in READ
        misread = layout["misread"] and bool(set(str(value)) & {"0", "1"})
        if misread or key.startswith(_unread(layout)):
            if is_read:
                read_anyway.append(key)
        elif not is_read:
            unread.append(key)
        elif cell is not None and cell.value != value:
            wrong[key] = (cell.value, value)
    assert not wrong, f"{name}: cells read (got, truth): {wrong}"
    assert not read_anyway, f"{name}: cells whose column is not known were read: {read_anyway}"
    assert not unread, f"{name}: cells not read: {unread}"


@pytest.mark.parametrize("name", _layouts("findings"))
def test_no_accusation_the_tab_separated_report_lacks(name: str) -> None:
    reference = _accusations(_reference(LAYOUTS[name]["from"]))
    added = _accusations(REAL / name) - reference
    assert not added, f"{name}: findings the report in tab-separated text does not have: {sorted(added)}"


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("columns_reordered.txt", "applications"),
        ("columns_total_first.txt", "applications"),
        ("review_total_first.txt", "review_litigation"),
        ("review_swapped.txt", "review_litigation"),
        ("review_groups_swapped.txt", "review_litigation"),
        ("review_litigation_first.txt", "review_litigation"),
        ("columns_total_first.cells.txt", "applications"),
        ("review_swapped.cells.txt", "review_litigation"),
    ],
)
def test_a_header_in_another_column_order_leaves_the_table_unread(name: str, table: str) -> None:
    """Read in the standard order, 科研机构's 1 was 商业企业's, 总计 was 自然人, 结果纠正 was 结果维持 (a wrong
    number in every row, false GL201 and GL204 findings): a header whose neighbouring labels are printed in
    another order than the standard's leaves every row unread, and says so once for the table."""
    report = govlint.lint_file(REAL / name)
    (finding,) = [d for d in report.diagnostics if d.key == table]
    assert finding.unread and finding.code == "GL108"
    assert "列序" in finding.message_zh and "order" in finding.message_en


def test_a_footnote_mark_after_a_number_is_the_number() -> None:
    """``1*`` or ``2①`` (a note below the table) was text where a number belongs: a false GL105 on each cell
    and the relations that need it unassessed."""
    tables = govlint.parse_file(REAL / "footnotes.txt").tables
    applications = tables.applications
    assert applications is not None
    cell = applications.cell("new_received.total")
    assert cell is not None and (cell.raw, cell.value, cell.status) == ("2*", 2, CellStatus.OK)
    first = applications.cell("new_received.natural_person")
    assert first is not None and (first.raw, first.value) == ("1※", 1)


def test_headings_without_numbers_are_unread_not_missing() -> None:
    """A heading set in bold whose number was lost (主动公开政府信息情况 alone on its line) was a missing section
    at error level, six times; it is now one unread warning per section, as a heading numbered otherwise is."""
    found = [d for d in govlint.lint_file(REAL / "headings_bare.txt").diagnostics if d.code == "GL101"]
    assert len(found) == 6
    assert all(d.unread and d.severity is Severity.WARNING for d in found)


def test_digits_misread_by_text_recognition_are_unread_not_text() -> None:
    """``O`` for 0 and ``l`` for 1 were text where a number belongs (GL105 at error level on 102 cells, GL303 on
    the fee): each is now an unread warning that shows what was printed."""
    found = govlint.lint_file(REAL / "ocr.txt").diagnostics
    cells = [d for d in found if d.code == "GL105"]
    assert cells and all(d.unread and d.severity is Severity.WARNING for d in cells)
    assert not [d for d in found if d.code == "GL303"]
    (fee,) = [d for d in cells if d.key == "active_disclosure.fees.amount_10k_yuan"]
    assert "“O”" in fee.message_zh and "“O”" in fee.message_en


def test_a_glued_count_with_thousands_separators_is_one_number() -> None:
    """Crawled text glues a row's values to its label: ``行政事业性收费 7,545三、…`` was read as 7 (split at the
    comma).  A number with thousands separators and nothing glued to it is one number; digits glued around a
    comma that is no thousands separator leave the row unread, never read in part."""
    art20 = govlint.parse_file(REAL / "crawled_thousands.txt").tables.active_disclosure
    assert art20 is not None
    assert art20.value("fees.amount_10k_yuan") == 7545
    text = (REAL / "crawled_thousands.txt").read_text(encoding="utf-8").replace("7,545", "17,5450")
    glued = govlint.parse_text(text).tables.active_disclosure
    assert glued is not None
    cell = glued.cell("fees.amount_10k_yuan")
    assert cell is not None and cell.value is None and cell.status is CellStatus.AMBIGUOUS


def test_a_sentence_naming_the_groups_before_table_four_is_no_header() -> None:
    """A crawled page (pingtan 079) says 未有政府信息公开行政复议及行政诉讼有关情况。 right before table 四 on the
    same line: its 行政诉讼 before the table's 行政复议 is no header printed in another order."""
    text = (REAL / "crawled_thousands.txt").read_text(encoding="utf-8")
    heading = "行政诉讼情况"
    assert heading in text
    text = text.replace(heading, heading + "本年度未有政府信息公开行政复议及行政诉讼有关情况。", 1)
    review = govlint.parse_text(text).tables.review_litigation
    assert review is not None
    assert review.value("review.total") == 2 and review.value("litigation_after_review.total") == 3


def _printings(row: schema.RowSpec) -> set[str]:
    """A row's label and aliases with its numbering, and alone where longer than 其他 (as the catalogue takes them)."""
    numbering = schema.normalize_label(row.numbering)
    return {numbering + text for text in row.labels()} | {text for text in row.labels() if len(text) > 2}


@pytest.mark.parametrize("fmt", sorted(schema.FORMATS))
def test_each_wording_of_a_row_names_that_row_alone(fmt: str) -> None:
    """Each printing of a table 三 or 四 row (its label or an alias, with its numbering) is found whole as
    that row's label: never a part of another row's label (the catalogue matches the longest label), never
    read as another row."""
    for spec in schema.FORMATS[fmt].tables:
        family = Family(spec.id)
        rows = [row for part in spec.parts for row in part.rows if row.key not in GROUP_LIKE_ROWS]
        for row in rows:
            for text in _printings(row):
                others = [other for other in rows if other.key != row.key]
                assert not [o.key for o in others if any(text in label for label in _printings(o))], (fmt, text)
                (hit,) = find_labels(text)
                label = hit.label(family)
                assert (hit.text, label and label.key) == (text, row.key), (fmt, text)


@pytest.mark.parametrize("fmt", sorted(schema.FORMATS))
def test_a_row_label_with_a_suffix_word_names_that_row_alone(fmt: str) -> None:
    """``1.属于国家秘密的 0``: each printing of a row with each suffix word after it is one hit of that row that
    ends before the number (never another row's label, never a signal of another format); the suffix is no part
    of the label when prose follows it or a space parts it from the label."""
    for spec in schema.FORMATS[fmt].tables:
        family = Family(spec.id)
        if family is Family.REVIEW:  # its "rows" are the headers 行政复议, 行政诉讼
            continue
        for row in (row for part in spec.parts for row in part.rows if row.key not in GROUP_LIKE_ROWS):
            for text in _printings(row):
                for suffix in schema.ROW_LABEL_SUFFIXES:
                    (hit, *_) = find_labels(f"{text}{suffix}\t0\t12")
                    label = hit.label(family)
                    assert (hit.text, label and label.key) == (text + suffix, row.key), (fmt, text, suffix)
                    assert format_votes([hit.text]) == format_votes([text]), (fmt, text, suffix)
                    for printed in (f"{text}{suffix}如下", f"{text} {suffix}\t0"):
                        assert find_labels(printed)[0].text == text, (fmt, printed)


@pytest.mark.parametrize("name", sorted(name for name in LAYOUTS if name.startswith("wording_")))
def test_each_reworded_header_names_its_column(name: str) -> None:
    """其它 for the 其他 column, 其它结果 for 其他结果: every column of tables 三 and 四 is found by its header, and
    法人或者其它组织 is found whole (its 其它 is no column label)."""
    tables = govlint.parse_file(REAL / name).tables
    for table in (tables.applications, tables.review_litigation):
        assert table is not None
        assert set(table.headers) == set(schema.FORMATS["2021"].table(table.key).column_keys), (name, table.key)
    for header in schema.APPLICATION_HEADERS:
        (hit,) = find_labels(schema.normalize_label(header))
        assert hit.text == schema.normalize_label(header)


def test_a_footer_row_group_written_first_is_read_last() -> None:
    """HTML 4 put ``<tfoot>`` before ``<tbody>``; a browser shows its rows at the bottom.  Read where they stood,
    table 四's row of values came before its header (every cell unread, the report's GL204 findings lost) and
    四、结转下年度继续办理 was table 三's first row (GL109 on every row)."""
    found = govlint.lint_file(REAL / "tfoot_first.html").diagnostics
    assert not [d for d in found if d.code == "GL109"]
    assert {d.key for d in found if d.code == "GL204"} == {
        "review_litigation.litigation_direct.total",
        "review_litigation.litigation_after_review.total",
    }


def test_a_table_pandoc_could_not_print_is_unread_not_missing() -> None:
    """pandoc's plain text prints a table whose cells hold paragraphs as ``[TABLE]``: the table stood there,
    unread (GL103 as an unread warning, as for a table printed as a picture), not missing at error level."""
    found = [d for d in govlint.lint_file(REAL / "pandoc_placeholder.txt").diagnostics if d.code == "GL103"]
    assert {d.key for d in found} == {"table.applications", "table.review_litigation"}
    assert all(d.unread and d.severity is Severity.WARNING for d in found)
    # the clerk is told what stands there: the converter's placeholder, not a picture to look for
    assert all("“[TABLE]”" in d.message_zh and "图片" not in d.message_zh for d in found)
    assert all("“[TABLE]”" in d.message_en and "image" not in d.message_en for d in found)
    text = (REAL / "pandoc_placeholder.txt").read_text(encoding="utf-8").split("\n")
    assert {text[d.location.line - 1][d.location.column - 1 :] for d in found} == {"[TABLE]"}
