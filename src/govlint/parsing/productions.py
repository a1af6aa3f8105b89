"""The grammar of a report, generated from the layout that ``schema`` describes.

``grammars/report.lark`` holds what no spec states (prose, a misplaced heading, the preamble); to it this
module adds, as Lark text:

- the six sections of :data:`govlint.schema.SECTIONS`, each optional, in the order 一 to 六 (the same in the
  2019 and 2021 formats), each holding prose and tables;
- for every table (the standard three, their rows and captions of both formats merged in printed order,
  and every table a plugin describes): a production of its BEGIN marker, its header items, then its
  captions, group labels and rows as terminals named from the spec's keys, each optional, in the spec's
  order.  A wide table (every row's cells on one line under its header) is its header items in any order.
  A chain of more than :data:`MAX_CHAIN` optional elements (a plugin's table of hundreds of rows) is cut
  into nested groups, inlined rules that leave the language and the tree as they are.

A terminal is named from its table and key (``APPLICATIONS__DENIED_STATE_SECRET``); :class:`Productions`
maps each name back to what it stands for, for the lexer (which names tokens) and the Transformer (which
reads them).  Tokens the grammar has no place for are not a parse failure: see :mod:`govlint.parsing.grammar`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from govlint import schema
from govlint.parsing.labels import GROUP_LIKE_ROWS
from govlint.schema import SECTIONS, TableSpec, normalize_label

SKELETON_NAME = "report.lark"

#: What a terminal stands for in its table.
ItemKind = Literal["begin", "end", "caption", "header", "group", "row", "anon", "section"]
#: The terminal of prose, and of a section heading printed out of order or again.
TEXT = "TEXT"
MISPLACED_HEADING = "MISPLACED_HEADING"


class Terminal(NamedTuple):
    """What a terminal of the generated grammar stands for."""

    #: The table id ("" for a section heading).
    table: str
    item: ItemKind
    #: The row key, group label, 第二十条 item number or section number ("" for BEGIN, header and ANON).
    key: str


def skeleton_text() -> str:
    """The hand-written part of the grammar, shipped in the wheel (``govlint/grammars``), or the
    repository's for an editable install."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    repository = os.path.dirname(os.path.dirname(package))
    for path in (os.path.join(package, "grammars", SKELETON_NAME), os.path.join(repository, "grammars", SKELETON_NAME)):
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as stream:
                return stream.read()
    from importlib import resources  # govlint imported from a zip archive

    return resources.files("govlint").joinpath("grammars", SKELETON_NAME).read_text(encoding="utf-8")


_NOT_NAME = re.compile(r"[^0-9A-Za-z]+")

#: An element of a table's printed order: (kind, key) with kind "caption", "group" or "row".
_Element = tuple[str, str]


def _merge(orders: Iterable[Sequence[_Element]]) -> list[_Element]:
    """One printed order holding every given order's elements: each element missing from the first is put
    right after the element it follows in its own order."""
    merged: list[_Element] = []
    for order in orders:
        for position, element in enumerate(order):
            if element in merged:
                continue
            previous = order[position - 1] if position else None
            merged.insert(merged.index(previous) + 1 if previous in merged else len(merged), element)
    return merged


def _elements(spec: TableSpec) -> list[_Element]:
    """A table's captions, group labels and rows in printed order (a group label before its first row)."""
    elements: list[_Element] = []
    placed: set[str] = set()
    groups = {normalize_label(group.label): group.label for group in spec.groups}
    for part in spec.parts:
        if part.caption and part.item:
            elements.append(("caption", str(part.item)))
        for row in part.rows:
            if row.key in GROUP_LIKE_ROWS:
                continue  # printed as its group's label: the group's terminal stands for it
            group = groups.get(row.group or "")
            if group is not None and group not in placed:
                placed.add(group)
                elements.append(("group", group))
            elements.append(("row", row.key))
    elements += [("group", group) for group in groups.values() if group not in placed]
    return elements


#: The most symbols a generated production holds: a table's chain of optional elements longer than this is
#: cut into nested groups of at most this many.  Lark's FIRST/FOLLOW pass takes time cubic in a production's
#: length when its symbols can be empty (docs/performance.md, "The grammar of a large table"); the standard
#: tables' chains (at most 31 elements) stay one production.
MAX_CHAIN = 32


def _grouped(prefix: str, symbols: list[str]) -> tuple[list[str], list[str]]:
    """``symbols`` as at most :data:`MAX_CHAIN` symbols, and the productions of the groups that stand for
    runs of them: each level cuts its symbols into runs of nearly equal length, each one inlined rule
    (``_<prefix>_g<level>_<n>``), so the tree and the language are the chain's."""
    productions: list[str] = []
    level = 0
    while len(symbols) > MAX_CHAIN:
        level += 1
        size = len(symbols)
        count = -(-size // MAX_CHAIN)
        cut = [symbols[size * number // count : size * (number + 1) // count] for number in range(count)]
        symbols = [f"{prefix}_g{level}_{number}" for number in range(count)]
        productions += [f"{name}: {' '.join(run)}" for name, run in zip(symbols, cut, strict=True)]
    return symbols, productions


class Productions:
    """The generated grammar of a set of tables and the meaning of each of its terminals."""

    __slots__ = ("_names", "begins", "described", "homes", "rules", "terminals", "text")

    def __init__(self, described: tuple[TableSpec, ...] = ()) -> None:
        #: The tables plugins describe that this grammar holds besides the standard ones.
        self.described = described
        #: Terminal name -> what it stands for.
        self.terminals: dict[str, Terminal] = {}
        #: (table, item, key) -> terminal name.
        self._names: dict[tuple[str, str, str], str] = {}
        #: Table rule name -> table id.
        self.rules: dict[str, str] = {}
        #: Table id -> the key of the section it belongs in (a table without one may stand anywhere).
        self.homes: dict[str, str] = {}
        #: The BEGIN terminals (a token of one opens a table).
        self.begins: frozenset[str] = frozenset()
        lines = [skeleton_text().rstrip("\n"), "", "// ----- generated from schema.SECTIONS and the TableSpecs -----"]
        lines += self._sections()
        tables: dict[str, list[TableSpec]] = {}
        for fmt in schema.FORMATS.values():
            for spec in fmt.tables:
                tables.setdefault(spec.id, []).append(spec)
        standard = set(tables)
        for spec in described:
            tables.setdefault(spec.id, [spec])
        items = ["prose", "misplaced_heading"]
        for table_id, specs in tables.items():
            if specs[0].section is not None:
                self.homes[table_id] = specs[0].section
            rule = self._rule(table_id)
            items.append(rule)
            lines += self._table(rule, table_id, specs, table_id not in standard)
        lines.insert(3, "_item: " + " | ".join(items))
        self.begins = frozenset(name for name, t in self.terminals.items() if t.item == "begin")
        lines.append("%declare " + " ".join(self.terminals))
        #: The whole grammar, as Lark text (the parser cache is keyed by it).
        self.text = "\n".join(lines) + "\n"

    def name(self, table: str, item: ItemKind, key: str = "") -> str:
        """The terminal of ``key`` of kind ``item`` in ``table``."""
        return self._names[table, item, key]

    def _terminal(self, table: str, item: ItemKind, key: str = "", name: str = "") -> str:
        """Declare (once) and name the terminal of ``key`` in ``table``: ``name`` or ``TABLE__KEY``, unique."""
        found = Terminal(table, item, key)
        if found in self._names:
            return self._names[found]
        words = (table, name or key or item)
        base = "__".join(_NOT_NAME.sub("_", word).strip("_").upper() or "X" for word in words if word)
        base = base if base[0].isalpha() else f"T{base}"
        unique, number = base, 1
        while unique in self.terminals:
            number += 1
            unique = f"{base}_{number}"
        self.terminals[unique] = found
        self._names[found] = unique
        return unique

    def _rule(self, table_id: str) -> str:
        base = "table_" + _NOT_NAME.sub("_", table_id).strip("_").lower()
        rule, number = base, 1
        while rule in self.rules:
            number += 1
            rule = f"{base}_{number}"
        self.rules[rule] = table_id
        return rule

    def _sections(self) -> list[str]:
        """Sections 一 to 六, each optional, in order; each its heading, then prose and tables."""
        lines = []
        for position, spec in enumerate(SECTIONS, 1):
            heading = self._terminal("", "section", str(spec.number), f"section_{spec.number}")
            rule, following = f"section_{position}", f"_section_{position + 1}"
            tail = f" | {rule} {following} | {following}" if position < len(SECTIONS) else ""
            lines += [f"_section_{position}: {rule}{tail}", f"{rule}: {heading} _item* -> section"]
        return lines

    def _table(self, rule: str, table_id: str, specs: Sequence[TableSpec], described: bool) -> list[str]:
        """A table's production: BEGIN, header items, then each caption, group and row, optional, in order.
        A described table's caption words (``TableSpec.captions``) are among its header items; a standard
        table's captions are its parts' (the 第二十条 sub-tables), each in its place."""
        begin = self._terminal(table_id, "begin")
        end = self._terminal(table_id, "end")
        head = self._terminal(table_id, "header")
        caption = self._terminal(table_id, "caption")
        anon = self._terminal(table_id, "anon")  # a row without a known label (no place in a wide table)
        prefix = f"_{rule}"
        if specs[0].shape == "wide":
            rows = [self._terminal(table_id, "row", row.key) for row in specs[0].rows]
            items = [caption, head, *rows] if described else [head]  # the review table: header labels only
            return [f"{rule}: {begin} ({' | '.join(items)})* {end} -> table"]
        elements = _merge(_elements(spec) for spec in specs)
        # a row without a known label (ANON) is told by its numbering: only a numbered table has them
        numbered = any(row.numbering for spec in specs for row in spec.rows)
        anons = f" {prefix}_anons" if numbered else ""
        chain, groups_of = _grouped(prefix, [f"{prefix}_{position}" for position in range(len(elements) + 1)])
        lines = [
            f"{rule}: {begin} {' '.join(chain)} {end} -> table",
            *groups_of,
            f"{prefix}_heads: ({head} | {caption})+" if described else f"{prefix}_heads: {head}+",
            # what the table prints before its first caption or row: header cells, unlabelled rows
            f"{prefix}_0: ({prefix}_heads{anons}? |{anons})?" if anons else f"{prefix}_0: {prefix}_heads?",
        ]
        lines += [f"{prefix}_anons: {anon}+"] if numbered else []
        groups = [normalize_label(group.label) for group in specs[0].groups]
        for position, (kind, key) in enumerate(elements, 1):
            if kind == "row":
                terminal = self._terminal(table_id, "row", key)
            elif kind == "caption":
                terminal = self._terminal(table_id, "caption", key, f"caption_{key}")
            else:
                terminal = self._terminal(table_id, "group", key, f"group_{groups.index(normalize_label(key)) + 1}")
            # each element is printed or not: its terminal, then what may follow it before the next element
            # (a caption's header cells, the unlabelled rows after a row)
            after = f" {prefix}_heads?" if kind == "caption" else f"{anons}?" if anons else ""
            lines.append(f"{prefix}_{position}: ({terminal}{after})?")
        return lines


@lru_cache(maxsize=8)
def productions(described: tuple[TableSpec, ...] = ()) -> Productions:
    """The grammar of the standard tables and ``described`` (generated once per set of tables)."""
    return Productions(described)


if __name__ == "__main__":  # print the grammar a report is parsed with (the standard tables only)
    print(productions().text, end="")
