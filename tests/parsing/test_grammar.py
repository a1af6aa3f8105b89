"""The grammar ships with the package, builds as LALR, its tables are cached between processes, and given
tokens it gives this structure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pytest
from lark.parsers.lalr_analysis import IntParseTable
from parsing_support import FIXTURES, SEEDS

from govlint import parse_text
from govlint.linter import lint_report
from govlint.model import Deviation, Positions, Section
from govlint.parsing import build, grammar
from govlint.parsing.cells import Atom, AtomKind, Layout
from govlint.parsing.headings import find_section_headings
from govlint.parsing.lexer import ReportToken, TokenStream
from govlint.parsing.productions import MISPLACED_HEADING, TEXT, productions
from govlint.parsing.trees import ReportTrees, TableTree
from govlint.schema import FORMAT_2019, FORMAT_2021, ColumnSpec, PartSpec, RowSpec, TableSpec
from govlint.serialize import report_to_dict


def test_grammar_text_is_the_repository_skeleton_and_the_generated_productions() -> None:
    repository = Path(__file__).resolve().parents[2] / "grammars" / "report.lark"
    text = grammar.grammar_text()
    assert text.startswith(repository.read_text(encoding="utf-8").rstrip("\n"))
    # every row of every format's standard tables is a terminal of its own, named from its key
    for fmt in (FORMAT_2019, FORMAT_2021):
        for key in fmt.application_keys:
            if key != "other.all":  # printed like the group label (六)其他处理: the group's terminal
                assert productions().name("applications", "row", key) in text
    assert "APPLICATIONS__DENIED_STATE_SECRET" in text
    assert "ACTIVE_DISCLOSURE__PROCUREMENT" in text  # a 2019 row
    assert "ACTIVE_DISCLOSURE__CAPTION_9" in text


def test_parser_is_lalr_and_built_once() -> None:
    parser = grammar.parser()
    assert isinstance(parser.conf.parse_table, IntParseTable)  # Lark's LALR tables
    assert grammar.parser() is parser


def test_cache_is_written_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path))
    grammar.parser.cache_clear()
    try:
        built = grammar.parser()
        (cached,) = tmp_path.glob("report-*.lark-tables")
        grammar.parser.cache_clear()
        loaded = grammar.parser()
        assert loaded is not built and isinstance(loaded, grammar.ReportParser)
        assert loaded.conf.states == built.conf.states
        assert cached.stat().st_size > 0
        # a corrupt cache file is rebuilt, never an error
        cached.write_bytes(b"not a pickle")
        grammar.parser.cache_clear()
        assert isinstance(grammar.parser(), grammar.ReportParser)
    finally:
        grammar.parser.cache_clear()


def test_writing_the_cache_keeps_only_the_newest_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables of other grammars, Larks and Pythons pile up; writing one removes all but the newest few."""
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path))
    for number in range(grammar.KEEP_TABLES + 12):
        old = tmp_path / f"report-{number:020}.lark-tables"
        old.write_bytes(b"tables of another grammar")
        os.utime(old, ns=(number * 10**9, number * 10**9))
    (tmp_path / "report-link.lark-tables").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "notes.txt").write_text("not govlint's", encoding="utf-8")
    grammar.parser.cache_clear()
    try:
        grammar.parser()
    finally:
        grammar.parser.cache_clear()
    written = grammar.cache_path(grammar.grammar_text(), str(tmp_path))
    kept = {p.name for p in tmp_path.glob("report-*.lark-tables") if not p.is_symlink()}
    newest = {f"report-{n:020}.lark-tables" for n in range(12 + 1, grammar.KEEP_TABLES + 12)}
    assert kept == newest | {os.path.basename(written)}
    assert (tmp_path / "report-link.lark-tables").is_symlink() and (tmp_path / "notes.txt").exists()


def test_reading_the_cache_marks_it_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What is pruned first is what was used least recently, not the standard tables written long ago."""
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path))
    grammar.parser.cache_clear()
    try:
        grammar.parser()
        written = Path(grammar.cache_path(grammar.grammar_text(), str(tmp_path)))
        os.utime(written, ns=(0, 0))
        grammar.parser.cache_clear()
        grammar.parser()
    finally:
        grammar.parser.cache_clear()
    assert written.stat().st_mtime_ns > 0


def test_cache_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINT_CACHE_DIR", "")
    assert grammar.cache_dir() is None
    grammar.parser.cache_clear()
    try:
        assert isinstance(grammar.parser(), grammar.ReportParser)
    finally:
        grammar.parser.cache_clear()


def test_a_fresh_process_parses_with_the_cached_tables(tmp_path: Path) -> None:
    code = "import govlint, sys; r = govlint.parse(sys.argv[1]); print(r.format, len(r.tables.applications.rows))"
    env = {"GOVLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    env |= {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}  # an uninstalled checkout
    for _ in range(2):  # the first run writes the cache, the second loads it
        command = [sys.executable, "-c", code, str(SEEDS[0])]
        done = subprocess.run(command, check=False, capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["2021", "25"]
    assert len(list(tmp_path.glob("report-*.lark-tables"))) == 1


# ---------------------------------------------------------------------------------------------------------
# Trees: given tokens, this structure (the Transformer of parsing/trees.py)
# ---------------------------------------------------------------------------------------------------------

#: A plugin's table, to see it join the generated grammar.
STOCK = TableSpec(
    id="records_stock",
    title="档案库存情况表",
    captions=("档案库存情况",),
    parts=(
        PartSpec(
            (ColumnSpec("paper", "纸质档案"), ColumnSpec("total", "档案合计")),
            (RowSpec("opening", "年初库存"), RowSpec("added", "本年新增"), RowSpec("closing", "年末库存")),
        ),
    ),
)


def _token(kind: str, text: str = "", start: int = 0) -> ReportToken:
    return ReportToken(kind, text, start_pos=start, end_pos=start + len(text))


def _heading(number: int, text: str, start: int = 0) -> ReportToken:
    [found] = find_section_headings(text)
    token = _token(f"SECTION_{number}", text, start)
    token.heading = found._replace(start=start, end=start + len(text))
    return token


class _Read(NamedTuple):
    """What the grammar read of some tokens: the sections and deviations, and the tables in the order the
    grammar closed them (each handed on as it closed)."""

    sections: tuple[Section, ...]
    deviations: tuple[Deviation, ...]
    tables: tuple[TableTree, ...]


def _parse(tokens: list[ReportToken], described: tuple[TableSpec, ...] = ()) -> _Read:
    rules = productions(described)
    text = [" "] * max((token.end_pos or 0 for token in tokens), default=0)
    for token in tokens:
        text[token.start_pos or 0 : token.end_pos] = str(token)
    text = "".join(text)
    tables: list[TableTree] = []
    trees = ReportTrees(rules, Positions(text), text, tables.append)
    tree, unexpected, _ = grammar.parse(TokenStream(tokens), rules, trees.close)
    parsed = trees.read(tree, unexpected)
    return _Read(parsed.sections, parsed.deviations, tuple(tables))


def _tables(parsed: _Read) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(t.table, [(name, str(label)) for name, label, _ in t.entries if label is not None]) for t in parsed.tables]


def test_tokens_form_tables_inside_sections() -> None:
    found = _parse(
        [
            _heading(2, "二、主动公开政府信息情况"),
            _token("ACTIVE_DISCLOSURE__BEGIN"),
            _token("ACTIVE_DISCLOSURE__CAPTION_1", "第二十条第（一）项"),
            _token("ACTIVE_DISCLOSURE__HEADER", "信息内容"),
            _token("ACTIVE_DISCLOSURE__HEADER", "本年制发件数"),
            _token("ACTIVE_DISCLOSURE__REGULATIONS", "规章"),
            _token("ACTIVE_DISCLOSURE__END"),
            _token(TEXT, "（说明）"),
            _token("RECORDS_STOCK__BEGIN"),
            _token("RECORDS_STOCK__CAPTION", "档案库存情况"),
            _token("RECORDS_STOCK__HEADER", "纸质档案"),
            _token("RECORDS_STOCK__OPENING", "年初库存"),
            _token("RECORDS_STOCK__CLOSING", "年末库存"),
            _token("RECORDS_STOCK__END"),
            _heading(3, "三、收到和处理政府信息公开申请情况"),
            _token("APPLICATIONS__BEGIN"),
            _token("APPLICATIONS__NEW_RECEIVED", "本年新收政府信息公开申请数量"),
            _token("APPLICATIONS__ANON", "7.其他"),
            _token("APPLICATIONS__END"),
        ],
        (STOCK,),
    )
    assert _tables(found) == [
        ("active_disclosure", [("caption", "第二十条第（一）项"), ("header", "信息内容"), ("header", "本年制发件数"),
                               ("row", "规章")]),
        ("records_stock", [("caption", "档案库存情况"), ("header", "纸质档案"), ("row", "年初库存"),
                           ("row", "年末库存")]),
        ("applications", [("row", "本年新收政府信息公开申请数量"), ("anon", "7.其他")]),
    ]  # fmt: skip
    assert [s.key for s in found.sections] == ["active_disclosure", "applications"]
    assert found.deviations == ()


def test_a_plugin_table_joins_the_generated_grammar_with_its_rows_in_order() -> None:
    rules = productions((STOCK,))
    assert rules.text != productions().text
    assert "table_records_stock: RECORDS_STOCK__BEGIN" in rules.text
    opening, added, closing = (rules.name("records_stock", "row", key) for key in ("opening", "added", "closing"))
    assert rules.text.index(opening) < rules.text.index(added) < rules.text.index(closing)
    # the parser (and its cache file) is the generated grammar's: another set of tables, another parser
    assert grammar.parser((STOCK,)) is not grammar.parser()
    # a table the standard grammar does not know is no terminal of it
    assert all(t.table != "records_stock" for t in productions().terminals.values())


def test_cells_printed_before_the_first_label_stay_with_the_begin_marker() -> None:
    begin = _token("REVIEW_LITIGATION__BEGIN")
    begin.atoms = (Atom(AtomKind.NUM, "3", 0, 1, 0, None, 0, Layout.RUN),)
    [table] = _parse([begin, _token("REVIEW_LITIGATION__HEADER", "行政复议"), _token("REVIEW_LITIGATION__END")]).tables
    assert [(name, label and str(label), [a.raw for a in atoms]) for name, label, atoms in table.entries] == [
        ("cells", None, ["3"]),
        ("header", "行政复议", []),
    ]


def test_a_row_out_of_order_or_printed_twice_is_a_deviation_and_keeps_its_cells() -> None:
    twice = _token("APPLICATIONS__GRANTED", "(一)予以公开", 40)
    twice.atoms = (Atom(AtomKind.NUM, "5", 60, 61, 0, None, 0, Layout.PIPE),)
    found = _parse(
        [
            _token("APPLICATIONS__BEGIN"),
            _token("APPLICATIONS__NEW_RECEIVED", "一、本年新收政府信息公开申请数量", 0),
            _token("APPLICATIONS__GRANTED", "(一)予以公开", 20),
            _token("APPLICATIONS__CARRIED_OVER", "二、上年结转政府信息公开申请数量", 30),
            twice,
            _token("APPLICATIONS__HEADER", "自然人", 70),
            _token("APPLICATIONS__RESULTS_TOTAL", "(七)总计", 80),
            _token("APPLICATIONS__END", "", 90),
        ]
    )
    # every label is in its table, in printed order: the builder reads the misplaced ones too
    assert [(name, str(label)) for name, label, _ in found.tables[0].items] == [
        ("row", "一、本年新收政府信息公开申请数量"),
        ("row", "(一)予以公开"),
        ("row", "二、上年结转政府信息公开申请数量"),
        ("row", "(一)予以公开"),
        ("header", "自然人"),
        ("row", "(七)总计"),
    ]
    assert [a.raw for a in found.tables[0].items[3][2]] == ["5"]
    assert [(d.kind, d.key, d.table, d.span.start) for d in found.deviations if d.kind.startswith(("row", "unex"))] == [
        ("row-order", "carried_over", "applications", 30),
        ("row-repeated", "granted", "applications", 40),
        ("unexpected-label", "自然人", "applications", 70),
    ]


def test_sections_out_of_order_or_repeated_are_deviations_and_still_sections() -> None:
    found = _parse(
        [
            _token(TEXT, "某某县2024年政府信息公开工作年度报告"),
            _heading(1, "一、总体情况", 100),
            _heading(3, "三、收到和处理政府信息公开申请情况", 200),
            _token(TEXT, "本年度……", 230),
            _heading(2, "二、主动公开政府信息情况", 300),
            _heading(3, "三、收到和处理政府信息公开申请情况", 400),
            _heading(4, "四、政府信息公开行政复议、行政诉讼情况", 500),
        ]
    )
    assert [s.number for s in found.sections] == [1, 3, 2, 3, 4]
    assert [(d.kind, d.key, d.after, d.span.start) for d in found.deviations] == [
        ("section-order", "active_disclosure", "applications", 300),
        ("section-repeated", "applications", None, 400),
    ]
    assert found.tables == ()


def _no_table(tree: object, left_out: object) -> None:
    raise AssertionError("no table among these tokens")


def test_a_misplaced_heading_is_fed_as_the_grammar_s_misplaced_heading() -> None:
    rules = productions()
    assert MISPLACED_HEADING in rules.text
    tree, unexpected, _ = grammar.parse(
        TokenStream([_heading(2, "二、主动公开政府信息情况"), _heading(1, "一、总体情况", 20)]), rules, _no_table
    )
    assert [child.data for child in tree.children[0].children[1:]] == ["misplaced_heading"]
    assert [(u.kind, str(u.token)) for u in unexpected] == [("section-order", "一、总体情况")]


def test_every_order_of_a_table_s_tokens_parses() -> None:
    """Never a parse failure: the applications table's labels reversed, each printed twice, headers last."""
    rules = productions()
    names = [
        name for name, t in rules.terminals.items() if t.table == "applications" and t.item not in ("begin", "end")
    ]
    labels = [_token(name, name, i) for i, name in enumerate(reversed(names * 2))]
    parsed = _parse([_token("APPLICATIONS__BEGIN"), *labels, _token("APPLICATIONS__END")])
    assert len(parsed.tables[0].items) == len(labels)
    assert parsed.deviations


def test_a_report_parsed_with_its_deviations() -> None:
    report = parse_text(
        "某县2024年政府信息公开工作年度报告\n一、总体情况\n本年度……\n三、收到和处理政府信息公开申请情况\n"
        "本年度未收到申请。\n二、主动公开政府信息情况\n本年度……\n"
    )
    assert [s.key for s in report.sections] == ["overview", "applications", "active_disclosure"]
    [deviation] = report.deviations
    assert (deviation.kind, deviation.key, deviation.after, deviation.span.line) == (
        "section-order",
        "active_disclosure",
        "applications",
        6,
    )


def test_gl102_reports_the_grammar_s_facts_not_a_second_reading() -> None:
    report = parse_text(
        "某县2024年政府信息公开工作年度报告\n一、总体情况\n本年度……\n三、收到和处理政府信息公开申请情况\n"
        "本年度未收到申请。\n二、主动公开政府信息情况\n本年度……\n二、主动公开政府信息情况\n"
    )
    found = [(d.key, d.location.line) for d in lint_report(report).diagnostics if d.code == "GL102"]
    assert found == [("section.active_disclosure.order", 6), ("section.active_disclosure.duplicate", 8)]
    # the sections alone are no finding: the rule reads the deviations the parse recorded
    assert not [d for d in lint_report(attrs.evolve(report, deviations=())).diagnostics if d.code == "GL102"]


def test_a_missing_row_is_a_deviation_where_the_row_should_be() -> None:
    lines = SEEDS[0].read_text(encoding="utf-8").splitlines()
    assert "危及" in lines[38] and "保护第三方" in lines[39]
    report = parse_text("\n".join(lines[:38] + lines[39:]))
    [missing] = [d for d in report.deviations if d.kind == "row-missing"]
    # where the row should be: at the next row printed (line 40 of the seed, now 39)
    assert (missing.table, missing.key, missing.span.line) == (
        "applications",
        "denied.three_safeties_one_stability",
        39,
    )
    assert not [d for d in parse_text("\n".join(lines)).deviations if d.kind == "row-missing"]


def test_a_plugin_table_printed_out_of_order_is_read_whole_with_its_deviations() -> None:
    text = (
        "某县2024年政府信息公开工作年度报告\n六、其他需要报告的事项\n档案库存情况\n"
        "项目\t纸质档案\t档案合计\n年末库存\t5\t5\n年初库存\t3\t3\n本年新增\t2\t2\n"
    )
    report = parse_text(text, tables=(STOCK,))
    table = report.tables["records_stock"]
    assert {key: table.rows[key].cells["paper"].value for key in ("opening", "added", "closing")} == {
        "opening": 3,
        "added": 2,
        "closing": 5,
    }
    assert [(d.kind, d.table, d.key, d.span.line) for d in report.deviations] == [
        ("row-order", "records_stock", "opening", 6),
        ("row-order", "records_stock", "added", 7),
    ]


def test_a_table_printed_outside_its_section_is_a_deviation() -> None:
    found = _parse(
        [
            _heading(2, "二、主动公开政府信息情况"),
            _token("APPLICATIONS__BEGIN", "", 20),
            _token("APPLICATIONS__NEW_RECEIVED", "一、本年新收政府信息公开申请数量", 20),
            _token("APPLICATIONS__END", "", 40),
            _heading(3, "三、收到和处理政府信息公开申请情况", 50),
            _token("APPLICATIONS__BEGIN", "", 70),
            _token("APPLICATIONS__END", "", 70),
        ]
    )
    assert [(d.kind, d.key, d.after, d.span.start) for d in found.deviations] == [
        ("table-outside-section", "applications", "active_disclosure", 20)
    ]
    # a plugin's table without a section of its own may stand anywhere
    stock = _parse([_token("RECORDS_STOCK__BEGIN"), _token("RECORDS_STOCK__END")], (STOCK,))
    assert stock.deviations == ()


def test_the_cache_file_is_keyed_by_the_generated_grammar(tmp_path: Path) -> None:
    standard = grammar.cache_path(grammar.grammar_text(), str(tmp_path))
    assert grammar.cache_path(grammar.grammar_text((STOCK,)), str(tmp_path)) != standard
    assert grammar.cache_path(grammar.grammar_text(), str(tmp_path)) == standard


PROSE_ONLY = [
    "本机关2023年度未开展相关工作。\n特此说明。",
    "我局全年办理行政复议事项的情况见上级公告。",  # a table's label in a sentence: no table
    *(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("corpus/peer/sample_report_2023_*.txt"))),
]


@pytest.mark.parametrize("text", PROSE_ONLY)
def test_a_text_without_heading_or_table_is_the_report_the_grammar_gives(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prose only (no section heading, no table region) skips the grammar: the same report as its parse."""
    shortcut = report_to_dict(parse_text(text))
    tokenize = build.tokenize

    def through_the_grammar(*args: Any) -> TokenStream:
        stream = tokenize(*args)
        assert stream.prose_only
        stream.prose_only = False
        return stream

    monkeypatch.setattr(build, "tokenize", through_the_grammar)
    assert report_to_dict(parse_text(text)) == shortcut
