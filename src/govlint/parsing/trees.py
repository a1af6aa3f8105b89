"""The parse tree as the report's sections, table trees and deviations (a Lark ``Transformer``).

The tree holds the preamble and the sections in printed order, a heading the grammar found out of place as a
``misplaced_heading`` item of the section it was printed in, and each table as its BEGIN marker and the
labels the grammar placed.  The labels it had no place for (:class:`govlint.parsing.grammar.Unexpected`) are
put back into their table in printed order, so the builder reads every label's cells; each is a
:class:`govlint.model.Deviation`, as is every misplaced heading.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from lark import Transformer

from govlint.model import Deviation, Positions, Section
from govlint.parsing.cells import Atom
from govlint.parsing.grammar import Unexpected
from govlint.parsing.headings import HeadingMatch
from govlint.parsing.lexer import ReportToken
from govlint.parsing.productions import Productions
from govlint.schema import SECTIONS_BY_NUMBER

#: An item of a table: (what the label is: caption, header, group, row or anon; the label token; the cells
#: printed after it).
Item = tuple[str, ReportToken | None, Sequence[Atom]]


class TableTree(NamedTuple):
    """A table as the grammar parsed it: its id, its BEGIN marker and its items in printed order."""

    table: str
    begin: ReportToken
    items: tuple[Item, ...]

    @property
    def entries(self) -> Iterator[Item]:
        """The cells printed before the first label (as a ``cells`` entry without a label), then the items."""
        if self.begin.atoms:
            yield "cells", None, self.begin.atoms
        yield from self.items


class Parsed(NamedTuple):
    """What the grammar read: the sections, their headings and the tables in printed order, and where the
    report departs from the layout the grammar states."""

    sections: tuple[Section, ...]
    headings: tuple[HeadingMatch, ...]
    tables: tuple[TableTree, ...]
    deviations: tuple[Deviation, ...]


class _Heading(NamedTuple):
    """A heading as the tree holds it, and the key of the section it was printed in when misplaced."""

    token: ReportToken
    within: str | None


_Child = TableTree | _Heading | None


class ReportTrees(Transformer[ReportToken, Parsed]):
    """Tree to :class:`Parsed`; ``unexpected`` are the tokens the parse left out of the tree."""

    def __init__(self, grammar: Productions, index: Positions, text: str, unexpected: Sequence[Unexpected] = ()):
        super().__init__(visit_tokens=False)
        self.grammar = grammar
        self.index = index
        self.text = text
        self.unexpected = {found.token.seq: found for found in unexpected}
        self.left_out: dict[int, list[ReportToken]] = {}
        for found in unexpected:
            if found.begin is not None:
                self.left_out.setdefault(found.begin.seq, []).append(found.token)

    def start(self, children: list[list[_Child]]) -> Parsed:
        headings: list[HeadingMatch] = []
        tables: list[TableTree] = []
        deviations: list[Deviation] = []
        within: HeadingMatch | None = None  # the heading printed last (None: the preamble)
        for child in (child for part in children for child in part):
            if isinstance(child, TableTree):
                tables.append(child)
                deviations += self.table_deviations(child)
                home = self.grammar.homes.get(child.table)
                if home is not None and home != (within.spec.key if within else None):
                    deviations.append(self.outside(child, within))
            elif isinstance(child, _Heading) and child.token.heading is not None:
                headings.append(child.token.heading)
                within = child.token.heading
                if child.within is not None:
                    deviations.append(self.heading_deviation(child))
        deviations.sort(key=lambda deviation: deviation.span.start)
        return Parsed(
            tuple(sections(self.text, headings, self.index)), tuple(headings), tuple(tables), tuple(deviations)
        )

    def preamble(self, children: list[_Child]) -> list[_Child]:
        return children

    def section(self, children: list[ReportToken | _Child]) -> list[_Child]:
        heading, *items = children
        assert isinstance(heading, ReportToken)
        key = heading.heading.spec.key if heading.heading is not None else None
        within: list[_Child] = [_Heading(heading, None)]
        for item in items:
            assert not isinstance(item, ReportToken)
            within.append(_Heading(item.token, key) if isinstance(item, _Heading) else item)
        return within

    def misplaced_heading(self, children: list[ReportToken]) -> _Heading:
        return _Heading(children[0], "")

    def prose(self, children: list[ReportToken]) -> None:
        return None

    def table(self, children: list[ReportToken]) -> TableTree:
        begin, *labels, _ = children  # BEGIN, its labels, END
        left_out = self.left_out.get(begin.seq)
        if left_out:
            labels = sorted([*labels, *left_out], key=lambda token: token.seq)
        terminals = self.grammar.terminals
        # the token's own tuple of cells, not a copy per label: every table's cells are alive until the tables
        # are built (docs/performance.md, "Memory per reader")
        items = tuple((terminals[label.type].item, label, label.atoms) for label in labels)
        return TableTree(terminals[begin.type].table, begin, items)

    def table_deviations(self, tree: TableTree) -> Iterator[Deviation]:
        for _, label, _ in tree.items:
            found = self.unexpected.get(label.seq) if label is not None else None
            if found is None or label is None:
                continue
            meaning = self.grammar.terminals[label.type]
            printed = label.hit.label(tree.table) if label.hit is not None else None
            key = meaning.key or (printed.key if printed is not None else "") or " ".join(str(label).split())
            span = self.index.span(label.start_pos or 0, label.end_pos or 0)
            yield Deviation(found.kind, key, " ".join(str(label).split()), span, tree.table)

    def outside(self, tree: TableTree, within: HeadingMatch | None) -> Deviation:
        """A table printed outside the section its spec names: in the section of ``within`` (its heading as
        printed is the deviation's text), or in the preamble."""
        at = tree.begin.start_pos or 0
        key, title = (within.spec.key, within.title) if within is not None else (None, "")
        return Deviation("table-outside-section", tree.table, title, self.index.span(at, at), tree.table, key)

    def heading_deviation(self, heading: _Heading) -> Deviation:
        token = heading.token
        found = self.unexpected[token.seq]
        match = token.heading
        assert match is not None
        after = heading.within if found.kind == "section-order" and heading.within else None
        span = self.index.span(match.start, match.end)
        return Deviation(found.kind, match.spec.key, match.title, span, None, after)


def sections(text: str, headings: Sequence[HeadingMatch], index: Positions) -> Iterator[Section]:
    """The sections of the headings in printed order: each from its heading up to the next heading."""
    for number, heading in enumerate(headings):
        stop = headings[number + 1].start if number + 1 < len(headings) else len(text)
        raw = text[heading.end : stop]
        body = raw.strip()
        body_start = heading.end + (raw.find(body) if body else 0)
        spec = SECTIONS_BY_NUMBER[heading.spec.number]
        yield Section(
            spec.number,
            spec.key,
            heading.title,
            index.span(heading.start, heading.end),
            body,
            index.span(body_start, body_start + len(body)),
        )
