"""The parse tree as the report's sections, table trees and deviations (a Lark ``Transformer``).

The tree holds the preamble and the sections in printed order, a heading the grammar found out of place as a
``misplaced_heading`` item of the section it was printed in, and each table.  A table is taken out of the
tree as soon as the grammar closes it (:meth:`ReportTrees.close`): its BEGIN marker and labels, with the labels
the grammar had no place for (:class:`govlint.parsing.grammar.Unexpected`) put back in printed order so the
builder reads every label's cells, go to the table builder as a :class:`TableTree`, and the tree keeps only
a :class:`ClosedTable` (its id, where it starts, its deviations).  Each label left out is a
:class:`govlint.model.Deviation`, as is every misplaced heading and a table outside its section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from lark import Transformer, Tree

from govlint.model import Deviation, DeviationKind, Positions, Section
from govlint.parsing.cells import Atom
from govlint.parsing.grammar import Unexpected, Untaken
from govlint.parsing.headings import HeadingMatch
from govlint.parsing.lexer import ReportToken
from govlint.parsing.productions import Productions
from govlint.parsing.spans import INK
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


class ClosedTable(NamedTuple):
    """What the report's tree keeps of a table once the builder has it: its id, where it starts and the labels
    the grammar had no place for."""

    table: str
    start: int
    deviations: tuple[Deviation, ...]


class Parsed(NamedTuple):
    """What the grammar read: the sections and their headings, and where the report departs from the layout
    the grammar states."""

    sections: tuple[Section, ...]
    headings: tuple[HeadingMatch, ...]
    deviations: tuple[Deviation, ...]


class _Heading(NamedTuple):
    """A heading as the tree holds it, and the key of the section it was printed in when misplaced."""

    token: ReportToken
    within: str | None


_Child = ClosedTable | _Heading | None


class ReportTrees(Transformer[ReportToken, Parsed]):
    """Tree to :class:`Parsed`; each table closed by the grammar goes to ``tables`` (the builder) on the way."""

    def __init__(
        self, grammar: Productions, index: Positions, text: str, tables: Callable[[TableTree], object]
    ) -> None:
        super().__init__(visit_tokens=False)
        self.grammar = grammar
        self.index = index
        self.text = text
        self.tables = tables
        self.unexpected: dict[int, Unexpected] = {}

    def read(self, tree: Tree[ReportToken], unexpected: Sequence[Unexpected]) -> Parsed:
        """The sections and deviations of the report's ``tree``; ``unexpected`` are the tokens outside tables
        the parse left out of it."""
        self.unexpected = {found.token.seq: found for found in unexpected}
        return self.transform(tree)

    def close(self, tree: Tree[ReportToken], left_out: Sequence[Unexpected]) -> ClosedTable:
        """A table the grammar has closed (BEGIN, its labels, END; ``left_out`` the labels it had no place
        for): handed to the builder, and what the report's tree keeps of it."""
        begin, *labels, _ = tree.children  # BEGIN, its labels, END
        assert isinstance(begin, ReportToken)
        tokens = [label for label in labels if isinstance(label, ReportToken)]
        if left_out:
            tokens = sorted([*tokens, *(found.token for found in left_out)], key=lambda token: token.seq)
        terminals = self.grammar.terminals
        # the token's own tuple of cells, not a copy per label
        items = tuple((terminals[label.type].item, label, label.atoms) for label in tokens)
        table = TableTree(terminals[begin.type].table, begin, items)
        deviations: tuple[Deviation, ...] = ()
        if left_out:
            deviations = tuple(self.table_deviations(table, {found.token.seq: found for found in left_out}))
        self.tables(table)
        return ClosedTable(table.table, begin.start_pos or 0, deviations)

    def start(self, children: list[list[_Child]]) -> Parsed:
        headings: list[HeadingMatch] = []
        deviations: list[Deviation] = []
        within: HeadingMatch | None = None  # the heading printed last (None: the preamble)
        for child in (child for part in children for child in part):
            if isinstance(child, ClosedTable):
                deviations += child.deviations
                home = self.grammar.homes.get(child.table)
                if home is not None and home != (within.spec.key if within else None):
                    deviations.append(self.outside(child, within))
            elif isinstance(child, _Heading) and child.token.heading is not None:
                headings.append(child.token.heading)
                within = child.token.heading
                if child.within is not None:
                    deviations.append(self.heading_deviation(child))
        deviations.sort(key=lambda deviation: deviation.span.start)
        return Parsed(tuple(sections(self.text, headings, self.index)), tuple(headings), tuple(deviations))

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

    def table_deviations(self, tree: TableTree, left_out: dict[int, Unexpected]) -> Iterator[Deviation]:
        for _, label, _ in tree.items:
            found = left_out.get(label.seq) if label is not None else None
            if found is None or label is None:
                continue
            yield self.label_deviation(found.kind, label, tree.table)

    def label_deviation(self, kind: DeviationKind, label: ReportToken, table: str, count: int = 1) -> Deviation:
        """A label of ``table`` the grammar had no place for (``count`` of them from it, past the limit)."""
        meaning = self.grammar.terminals[label.type]
        printed = label.hit.label(table) if label.hit is not None else None
        key = meaning.key or (printed.key if printed is not None else "") or " ".join(str(label).split())
        span = self.index.span(label.start_pos or 0, label.end_pos or 0)
        return Deviation(kind, key, " ".join(str(label).split()), span, table, count=count)

    def untaken(self, untaken: Untaken) -> Deviation:
        """The labels of a table's printings left out past :data:`~govlint.parsing.grammar.MAX_LEFT_OUT`:
        how many, at the first (their cells are not read)."""
        return self.label_deviation("labels-untaken", untaken.first, untaken.table, untaken.labels)

    def outside(self, table: ClosedTable, within: HeadingMatch | None) -> Deviation:
        """A table printed outside the section its spec names: in the section of ``within`` (its heading as
        printed is the deviation's text), or in the preamble."""
        at = table.start
        key, title = (within.spec.key, within.title) if within is not None else (None, "")
        return Deviation("table-outside-section", table.table, title, self.index.span(at, at), table.table, key)

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
        start, end = _stripped(text, heading.end, stop)
        spec = SECTIONS_BY_NUMBER[heading.spec.number]
        yield Section(
            spec.number,
            spec.key,
            heading.title,
            index.span(heading.start, heading.end),
            text[start:end],
            index.span(start, end),
        )


#: How much of a section's end :func:`_stripped` copies at a time.
_TAIL = 4096


def _stripped(text: str, start: int, stop: int) -> tuple[int, int]:
    """Where ``text[start:stop].strip()`` lies in ``text`` (``(start, start)`` when blank), found without
    copying the section (a copy and its stripped copy were the peak of a long section)."""
    first = INK.search(text, start, stop)
    if first is None:
        return start, start
    end = stop
    while True:  # ends at the first character at the latest, which is not white space
        at = max(first.start(), end - _TAIL)
        kept = len(text[at:end].rstrip())
        if kept:
            return first.start(), at + kept
        end = at
