"""The grammar ships with the package, builds as LALR, its tables are cached between processes, and given
tokens it gives this structure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lark import Lark
from parsing_support import SEEDS

from govlint.parsing import grammar
from govlint.parsing.cells import Atom, AtomKind, Layout
from govlint.parsing.headings import find_section_headings
from govlint.parsing.lexer import ReportToken, TokenStream
from govlint.parsing.tablebuilder import ReportTrees


def test_grammar_text_is_the_repository_file() -> None:
    repository = Path(__file__).resolve().parents[2] / "grammars" / "report.lark"
    assert grammar.grammar_text() == repository.read_text(encoding="utf-8")


def test_parser_is_lalr_and_built_once() -> None:
    parser = grammar.parser()
    assert parser.options.parser == "lalr"
    assert grammar.parser() is parser


def test_cache_is_written_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path))
    grammar.parser.cache_clear()
    try:
        built = grammar.parser()
        (cached,) = tmp_path.glob("report-*.lark-tables")
        grammar.parser.cache_clear()
        loaded = grammar.parser()
        assert loaded is not built and isinstance(loaded, Lark)
        assert cached.stat().st_size > 0
        # a corrupt cache file is rebuilt, never an error
        cached.write_bytes(b"not a pickle")
        grammar.parser.cache_clear()
        assert isinstance(grammar.parser(), Lark)
    finally:
        grammar.parser.cache_clear()


def test_cache_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINT_CACHE_DIR", "")
    assert grammar.cache_dir() is None
    grammar.parser.cache_clear()
    try:
        assert isinstance(grammar.parser(), Lark)
    finally:
        grammar.parser.cache_clear()


def test_a_fresh_process_parses_with_the_cached_tables(tmp_path: Path) -> None:
    code = "import govlint, sys; r = govlint.parse(sys.argv[1]); print(r.format, len(r.tables.applications.rows))"
    env = {"GOVLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the first run writes the cache, the second loads it
        command = [sys.executable, "-c", code, str(SEEDS[0])]
        done = subprocess.run(command, check=False, capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["2021", "25"]
    assert len(list(tmp_path.glob("report-*.lark-tables"))) == 1


# ---------------------------------------------------------------------------------------------------------
# Trees: given tokens, this structure (the Transformer of parsing/tablebuilder.py)
# ---------------------------------------------------------------------------------------------------------


def _token(kind: str, text: str = "", table: str = "") -> ReportToken:
    token = ReportToken(kind, text, start_pos=0, end_pos=len(text))
    token.table = table
    return token


def _trees(*tokens: ReportToken) -> list[tuple[str, str, list[tuple[str, str]]]]:
    tree = grammar.parser().parse(TokenStream(list(tokens), []))
    return [
        (t.rule, t.begin.table, [(name, str(label)) for name, label, _ in t.entries if label is not None])
        for t in ReportTrees().transform(tree).tables
    ]


def test_tokens_form_tables_between_headings_and_prose() -> None:
    found = _trees(
        _token("HEADING", "二、主动公开政府信息情况"),
        _token("A20_BEGIN"),
        _token("CAPTION", "第二十条第（一）项"),
        _token("INFO", "信息内容"),
        _token("A20_COL", "本年制发件数"),
        _token("A20_ROW", "规章"),
        _token("TEXT", "（说明）"),
        _token("X_BEGIN", table="fujian_fee"),
        _token("X_CAPTION", "信息处理费收取情况"),
        _token("X_HEAD", "通知收取件数"),
        _token("HEADING", "三、收到和处理政府信息公开申请情况"),
        _token("APP_BEGIN"),
        _token("APP_ROW", "本年新收政府信息公开申请数量"),
        _token("ANON", "7.其他"),
    )
    assert found == [
        ("art20", "", [("caption", "第二十条第（一）项"), ("a20_header", "信息内容"), ("a20_header", "本年制发件数"),
                       ("a20_row", "规章")]),
        ("described", "fujian_fee", [("x_caption", "信息处理费收取情况"), ("x_header", "通知收取件数")]),
        ("applications", "", [("app_row", "本年新收政府信息公开申请数量"), ("anon_row", "7.其他")]),
    ]  # fmt: skip


def test_cells_printed_before_the_first_label_stay_with_the_begin_marker() -> None:
    begin = _token("RL_BEGIN")
    begin.atoms = (Atom(AtomKind.NUM, "3", 0, 1, 0, None, 0, Layout.RUN),)
    tree = grammar.parser().parse(TokenStream([begin, _token("RL_HEAD", "行政复议")], []))
    [table] = ReportTrees().transform(tree).tables
    assert [(name, label and str(label), [a.raw for a in atoms]) for name, label, atoms in table.entries] == [
        ("cells", None, ["3"]),
        ("rl_header", "行政复议", []),
    ]


def test_headings_come_from_the_tree_in_printed_order() -> None:
    text = "一、总体情况\n本年度……\n二、主动公开政府信息情况\n"
    found = find_section_headings(text)
    tokens = []
    for heading in found:
        token = _token("HEADING", text[heading.start : heading.end])
        token.heading = heading
        tokens += [token, _token("TEXT", "本年度……")]
    parsed = ReportTrees().transform(grammar.parser().parse(TokenStream(tokens, [])))
    assert [h.spec.key for h in parsed.headings] == ["overview", "active_disclosure"]
    assert parsed.tables == ()
