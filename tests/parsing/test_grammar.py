"""The grammar ships with the package, builds as LALR, and its tables are cached between processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lark import Lark
from parsing_support import SEEDS

from govlint.parsing import grammar


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
