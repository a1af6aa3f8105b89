"""The Lark LALR parser of the generated grammar (:mod:`govlint.parsing.productions`): built once per set of
tables, its tables cached between processes, and the parse that turns what the grammar has no place for into
deviations instead of failing.

Building the LALR tables in a fresh process takes about 60 ms; loading them about 1.5 ms (docs/security.md),
so the cache pays for itself on every cold ``govlint check``.  The cache holds Lark's parse table and rules
(not ``Lark.save``, whose loading took five times as long for this grammar); the parse runs Lark's LALR
state machine with the callbacks Lark's own tree builder makes.  The first parse in a process builds the parser
(or loads it from the user's cache directory), later parses reuse it.  The cache file is keyed by the
generated grammar text (a plugin's tables included) and the Lark and Python versions, written atomically,
and skipped silently when the directory cannot be written; writing one removes all but the few used most
recently (:func:`govlint.usercache.prune`), so the folder stays small however many grammars and Pythons a
user has run.
``GOVLINT_CACHE_DIR`` overrides its place; setting it to an empty string disables the cache.

Lark stores its tables with :mod:`pickle`, which can carry code, so a cache file is loaded only when it and
its folder belong to the user and nobody else can write to them; any other is ignored and rebuilt.

**Deviations.**  The grammar states the printed order; real reports break it.  The parse feeds the lexer's
tokens one by one to Lark's interactive LALR parser.  A section heading the grammar cannot take there (out
of order, or printed again) is fed as ``MISPLACED_HEADING``, which every place between items accepts; any
other token it cannot take (a row out of order or printed twice, a header label among the rows) is left out
of the tree and recorded as :class:`Unexpected`, with the table it was printed in, so the builder still
reads its cells.  The printings of a table keep at most :data:`MAX_LEFT_OUT` such labels printed again or out
of place (a row printed for the first time out of order is always kept: a table has few row keys); the rest,
a table printed again and again, are counted, not kept: the first stands for them (``labels-untaken``).

**Tables as they close.**  The lexer makes the tokens as the parse reads them; each table's tree (its BEGIN
marker, labels and END marker) is handed on with the tokens of it that were left out as soon as the grammar
reduces it, and the report's tree keeps what the receiver returns in its place.  A table's tokens are thus
let go once its table is built, instead of every table living until the whole report is parsed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple, cast

import lark
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedToken
from lark.grammar import Rule
from lark.parse_tree_builder import ParseTreeBuilder
from lark.parsers.lalr_analysis import Action, ParseTableBase, Reduce, Shift
from lark.parsers.lalr_parser_state import ParseConf, ParserState

from govlint.model import DeviationKind
from govlint.parsing.lexer import ReportToken, TokenStream
from govlint.parsing.productions import MISPLACED_HEADING, Productions, productions
from govlint.schema import TableSpec
from govlint.usercache import cache_dir, mark_used, private, prune

#: What a cache file holds: Lark's parse table and rules, pickled (another layout gets another file).
_FORMAT = "govlint.parsing.grammar/parse-table"

#: How many parser tables the cache keeps (each about 160 kB): the standard grammar and a plugin's, for a few
#: Lark and Python versions.
KEEP_TABLES = 8


def grammar_text(described: tuple[TableSpec, ...] = ()) -> str:
    """The whole grammar of a report with the standard tables and ``described`` (generated)."""
    return productions(described).text


class ReportParser:
    """The LALR tables of a generated grammar, ready to parse: Lark's parser state machine and the callbacks
    that build its tree (what ``Lark(..., parser="lalr")`` parses with, without its text lexer)."""

    __slots__ = ("conf", "tables")

    def __init__(self, table: ParseTableBase[int], rules: list[Rule]) -> None:
        builder = ParseTreeBuilder(rules, Tree, False, False, True)  # type: ignore[no-untyped-call]
        callbacks = builder.create_callback(None)  # type: ignore[no-untyped-call]
        self.conf: ParseConf[int] = ParseConf(table, callbacks, "start")
        #: The rules of the tables' productions (``… -> table``).
        self.tables = tuple(rule for rule in rules if rule.alias == "table")

    def start(self, closed: Callable[[Tree[ReportToken]], object]) -> ParserState[int]:
        """A parse at its first token that hands each table's tree to ``closed`` when the grammar closes it
        (the tree then holds what ``closed`` returns in its place)."""
        # Lark keys the callbacks by Rule, though its hint says str
        callbacks = cast(dict[object, Callable[..., object]], dict(self.conf.callbacks))
        for rule in self.tables:
            build = callbacks[rule]
            callbacks[rule] = lambda children, build=build: closed(build(children))
        conf: ParseConf[int] = ParseConf(self.conf.parse_table, cast(dict[str, Callable[..., Any]], callbacks), "start")
        return ParserState(conf, None)  # type: ignore[arg-type]  # tokens are fed, never lexed


def _build(text: str) -> tuple[ParseTableBase[int], list[Rule]]:
    built = Lark(text, parser="lalr", lexer="basic", start="start")
    return built.parser.parser.parser.parse_table, built.rules


def _action(name: str) -> Action:
    """Lark's Shift or Reduce (the parser tells them by identity): how the cache file names them."""
    return Shift if name == "Shift" else Reduce


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> tuple[Callable[[str], Action], tuple[str]]:
        return (_action, (obj.name,)) if isinstance(obj, Action) else NotImplemented


def _load(path: str) -> tuple[ParseTableBase[int], list[Rule]] | None:
    """The cached parser tables at ``path``, or None when missing, broken, or not safe to unpickle."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        if not (private(os.fstat(handle)) and private(os.stat(os.path.dirname(path)))):
            return None
        try:
            table, rules = pickle.load(stream)
        except Exception:  # a partial or stale cache only means building again
            return None
        if isinstance(table, ParseTableBase) and isinstance(rules, list) and all(isinstance(r, Rule) for r in rules):
            mark_used(handle)
            return table, rules
    return None


def _save(built: tuple[ParseTableBase[int], list[Rule]], directory: str, path: str) -> None:
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".report-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(built)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError:
        return
    prune(path, "report-", ".lark-tables", KEEP_TABLES)


def cache_path(text: str, directory: str) -> str:
    """The cache file for the grammar ``text`` with this Lark and Python."""
    key = hashlib.sha256("\0".join((text, lark.__version__, sys.version, _FORMAT)).encode("utf-8")).hexdigest()[:20]
    return os.path.join(directory, f"report-{key}.lark-tables")


@lru_cache(maxsize=8)
def parser(described: tuple[TableSpec, ...] = ()) -> ReportParser:
    """The parser of the standard tables and ``described`` (built or loaded on first use)."""
    text = grammar_text(described)
    directory = cache_dir()
    if directory is None:
        return ReportParser(*_build(text))
    path = cache_path(text, directory)
    loaded = _load(path)
    if loaded is not None:
        return ReportParser(*loaded)
    built = _build(text)
    _save(built, directory, path)
    return ReportParser(*built)


#: The labels a table may leave out of the grammar's tree (rows printed again, labels out of place) and keep
#: for the builder: ten printings of its largest table (about 40 labels) again.  Real reports leave out at
#: most 25 (a converter's header cells read as labels); a text printing a table thousands of times kept every
#: printing's tokens and cells until its table closed, at the end of the text (80x the input in memory).
MAX_LEFT_OUT = 400


class Unexpected(NamedTuple):
    """A token the grammar had no place for, left out of the tree: what kind of deviation it is and the
    BEGIN marker of the table it was printed in (None outside tables)."""

    kind: DeviationKind
    token: ReportToken
    begin: ReportToken | None


class Untaken(NamedTuple):
    """The labels of a table's printings left out past :data:`MAX_LEFT_OUT`, not kept: the table, the first
    of them and how many."""

    table: str
    first: ReportToken
    labels: int


#: What the parse hands on when the grammar closes a table: its tree (BEGIN marker, labels, END marker) and the
#: tokens of the table it left out; what it returns stands for the table in the report's tree.
TableSink = Callable[[Tree[ReportToken], list[Unexpected]], object]


def parse(
    stream: TokenStream, grammar: Productions, closed: TableSink
) -> tuple[Tree[ReportToken], list[Unexpected], tuple[Untaken, ...]]:
    """The tree of ``stream``, the tokens outside tables the grammar had no place for (never fails on a
    token order) and, per table, the labels it left out past :data:`MAX_LEFT_OUT`.  Each table is handed to
    ``closed`` as soon as the grammar closes it, with the tokens of it the grammar had no place for, so that its
    tokens need not outlive it (docs/performance.md)."""
    left_out: dict[int, list[Unexpected]] = {}
    untaken: dict[str, Untaken] = {}
    #: Per table id: the labels left out and kept so far in all its printings.
    budget: dict[str, int] = {}

    def close(tree: Tree[ReportToken]) -> object:
        begin = tree.children[0]
        assert isinstance(begin, ReportToken)
        return closed(tree, left_out.pop(begin.seq, []))

    state = parser(grammar.described).start(close)
    unexpected: list[Unexpected] = []
    terminals, begins = grammar.terminals, grammar.begins
    begin: ReportToken | None = None
    rows: set[str] = set()
    sections: set[str] = set()
    feed = state.feed_token
    for token in stream.tokens:
        meaning = terminals.get(token.type)
        if token.type in begins:
            begin, rows = token, set()
        elif meaning is None or meaning.item == "section":
            begin = None  # outside tables
        try:
            feed(token)
        except UnexpectedToken:
            if meaning is not None and meaning.item == "section":
                repeated = meaning.key in sections
                unexpected.append(Unexpected("section-repeated" if repeated else "section-order", token, None))
                feed(token.renamed(MISPLACED_HEADING))
            else:
                if meaning is not None and meaning.item == "row":
                    repeated = meaning.key in rows
                    found = Unexpected("row-repeated" if repeated else "row-order", token, begin)
                else:
                    found = Unexpected("unexpected-label", token, begin)
                if begin is None:
                    unexpected.append(found)
                elif budget.get(begin.table, 0) < MAX_LEFT_OUT or found.kind == "row-order":
                    left_out.setdefault(begin.seq, []).append(found)
                    budget[begin.table] = budget.get(begin.table, 0) + 1
                else:
                    past = untaken.get(begin.table)
                    counted = Untaken(begin.table, token, 1) if past is None else past._replace(labels=past.labels + 1)
                    untaken[begin.table] = counted
        if meaning is not None and meaning.item == "section":
            sections.add(meaning.key)
        elif meaning is not None and meaning.item == "row":
            rows.add(meaning.key)
    tree: Tree[ReportToken] = state.feed_token(Token("$END", ""), True)
    return tree, unexpected, tuple(untaken.values())
