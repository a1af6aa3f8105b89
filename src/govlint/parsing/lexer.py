"""The lexer: text to the token stream the grammar reads, each token named by the generated grammar
(:class:`govlint.parsing.productions.Productions`).

0. Section headings are recognised by their text (:func:`govlint.parsing.headings.find_section_headings`):
   a token ``SECTION_N`` each.
1. Labels of the tables are found everywhere (:func:`govlint.parsing.labels.find_labels`).
2. Runs of labels of one table, not interrupted by a section heading or running text, form a table
   *region* when they show the evidence the table's spec asks for (``TableSpec.opens`` and ``.evidence``,
   read through :class:`govlint.parsing.labels.Opening`); a run that does not (a heading mentioning
   行政复议, a sentence naming 行政许可) is dropped and its labels are read as prose.  A region extends
   past its last label over the values that follow it.
3. Each region is split into physical rows in its own layout (:mod:`govlint.parsing.cells`); each label
   becomes a token that carries the cells printed after it; cells before a row's label are label-column
   filler and are dropped; a row of values without a known label becomes an
   anonymous row (``…__ANON``) that the builder places by position.  A region's tokens are a BEGIN
   marker, its labels (a row's own terminal, named from its key), an END marker.  Everything outside
   regions is a heading or ``TEXT``.

Tokens are :class:`ReportToken` objects (Lark tokens) that carry the label hit and its cell atoms, or the
heading they stand for.  See ``docs/parsing.md``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from lark import Token

from govlint.parsing.cells import (
    Atom,
    AtomKind,
    Item,
    Layout,
    PhysicalRow,
    converter_lines,
    detect_layout,
    has_prose,
    region_rows,
    run_tail_end,
)
from govlint.parsing.headings import HeadingMatch, Headings, section_headings
from govlint.parsing.labels import ROW_KINDS, Family, Label, LabelHit, LabelKind, Opening, TableKey, catalogue
from govlint.parsing.numbering import starts_with_numbering
from govlint.parsing.productions import TEXT, Productions
from govlint.parsing.spans import INK
from govlint.schema import TableSpec

_STRAY_LOOKAHEAD = 8


class ReportToken(Token):
    """A Lark token that also carries what it stands for (set by the lexer).

    Slots, not a ``__dict__`` per token: a large report has tens of thousands of tokens, and the dictionaries
    were a quarter of the lexer's memory (docs/performance.md).
    """

    __slots__ = ("atoms", "heading", "hit", "label_atoms", "row", "seq", "table")

    hit: LabelHit | None
    #: In a table: the cells printed after this label (after a BEGIN marker: before the first label), in order.
    atoms: tuple[Atom, ...]
    heading: HeadingMatch | None
    #: For ``ANON``: the printed label text of the row, if any.
    label_atoms: tuple[Atom, ...]
    #: The physical row a label or cell is printed in (-1 outside tables).
    row: int
    #: In a table: its id.
    table: str
    #: The token's place in its stream.
    seq: int

    def __new__(  # noqa: PLR0917 - Lark passes all eight in order (Token.new_borrow_pos)
        cls,
        type: str,
        value: str,
        start_pos: int | None = None,
        line: int | None = None,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        end_pos: int | None = None,
    ) -> ReportToken:
        """Lark's ``Token(type, value, start_pos, line, column, end_line, end_column, end_pos)``, as every way Lark
        makes a token calls it, with what the lexer sets left empty.  Lark's fields are set here, not through
        Lark's ``Token.__new__`` and its handling of the deprecated ``type_`` keyword: the lexer makes a token per
        label."""
        token = str.__new__(cls, value)
        token.type, token.value, token.start_pos, token.end_pos = type, value, start_pos, end_pos
        token.line, token.column, token.end_line, token.end_column = line, column, end_line, end_column
        token.hit = token.heading = None
        token.atoms = token.label_atoms = ()
        token.row = token.seq = -1
        token.table = ""
        return token

    def renamed(self, kind: str) -> ReportToken:
        """This token as a token of the terminal ``kind`` (what it stands for kept)."""
        token = ReportToken(kind, str(self), start_pos=self.start_pos, end_pos=self.end_pos)
        token.hit, token.heading, token.atoms, token.label_atoms = self.hit, self.heading, self.atoms, self.label_atoms
        token.row, token.table, token.seq = self.row, self.table, self.seq
        return token


def _token(kind: str, text: str, start: int, end: int) -> ReportToken:
    return ReportToken(kind, text[start:end], start, end_pos=end)


#: The labels one table region holds at most; past them the run of labels is read as the next printing of its
#: table.  A table of a real report prints at most 93 (a converter's split header cells among them), so only a
#: table printed again and again reaches it: its rows and tokens are made, and let go, a piece at a time.  A
#: table a plugin describes raises it to four printings of its labels (:func:`region_limit`).
MAX_REGION_LABELS = 500


@lru_cache(maxsize=8)
def region_limit(described: tuple[TableSpec, ...] = ()) -> int:
    """The labels one table region may hold with ``described``: :data:`MAX_REGION_LABELS`, or four printings of
    the largest described table's labels (its captions, headers, groups, columns and rows), so that a large
    table printed once is one region, never cut into pieces whose later rows would read as missing."""
    sizes = (len(s.captions) + len(s.headers) + len(s.groups) + len(s.columns) + len(s.rows) for s in described)
    return max([MAX_REGION_LABELS, *(4 * size for size in sizes)])


class Region(NamedTuple):
    """A stretch of text read as one table."""

    family: TableKey
    start: int
    end: int
    hits: tuple[LabelHit, ...]
    layout: Layout


class _Headings:
    """Section headings as sorted spans, to ask whether one lies between two offsets."""

    def __init__(self, headings: Sequence[HeadingMatch]) -> None:
        self.starts = [h.start for h in headings]
        self.spans = [(h.start, h.end) for h in headings]

    def between(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, start)
        return index < len(self.starts) and self.starts[index] < end

    def next_start(self, offset: int, default: int) -> int:
        index = bisect.bisect_left(self.starts, offset)
        return self.starts[index] if index < len(self.starts) else default

    def covers(self, hit: LabelHit) -> bool:
        index = bisect.bisect_right(self.starts, hit.start) - 1
        return index >= 0 and self.spans[index][1] > hit.start


class _ConverterLines:
    """The lines a converter adds around a table (:data:`govlint.parsing.cells.CONVERTER_LINE`): a label in a
    Markdown heading titles the one-row table under it, which prints the label again; a generic header row
    (``| 类别 | 数据1 | … | 总计 |``) names no column.  Their labels are not the table's."""

    def __init__(self, folded: str) -> None:
        self.spans = list(converter_lines(folded))
        self.starts = [start for start, _ in self.spans]

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and self.spans[index][1] > offset

    def blank(self, folded: str) -> str:
        """``folded`` with these lines blanked (same length): a heading over a one-row table is not prose
        between the table's rows."""
        if not self.spans:
            return folded
        pieces, position = [], 0
        for start, end in self.spans:
            pieces += [folded[position:start], " " * (end - start)]
            position = end
        pieces.append(folded[position:])
        return "".join(pieces)


def find_regions(
    text: str,
    folded: str,
    hits: Sequence[LabelHit],
    headings: Sequence[HeadingMatch],
    openings: Mapping[TableKey, Opening],
    *,
    limit: int = MAX_REGION_LABELS,
) -> list[Region]:
    """The table regions of a report, in text order: runs of one table's labels that show its evidence
    (``openings``, from the specs: :attr:`govlint.parsing.labels.Catalogue.openings`), each of at most ``limit``
    labels (:func:`region_limit`)."""
    if not hits:
        return []
    marks = _Headings(headings)
    converter = _ConverterLines(folded)
    hits = [h for h in hits if not marks.covers(h) and not converter.covers(h.start)]
    folded = converter.blank(folded)
    groups: list[tuple[TableKey, list[LabelHit]]] = []
    current: list[LabelHit] = []
    family: TableKey | None = None

    def close() -> None:
        if family is not None and current and openings[family].shown_by(_labels(family, current)):
            groups.append((family, current))

    for index, hit in enumerate(hits):
        if current and (
            marks.between(current[-1].end, hit.start)
            or has_prose(folded, current[-1].end, hit.start, between_labels=True)
        ):
            close()
            current, family = [], None
        if family is not None and family in hit.meanings:
            if len(current) >= limit:  # a table printed again and again: read a piece at a time
                close()
                current = []
            current.append(hit)
            continue
        if family is not None and _is_stray(hits, index, (family, openings), folded, marks):
            continue
        close()
        family = _family_for(hits, index)
        current = [hit]
    close()
    regions: list[Region] = []
    for number, (group_family, group) in enumerate(groups):
        following = groups[number + 1][1][0].start if number + 1 < len(groups) else len(text)
        bound = min(marks.next_start(group[-1].end, len(text)), following)
        regions.append(_region(text, folded, (group_family, group), bound, marks))
    return regions


def _labels(family: TableKey, hits: Sequence[LabelHit]) -> Iterator[Label]:
    """The meanings of ``hits`` in ``family``."""
    return (label for hit in hits if (label := hit.label(family)) is not None)


def _is_stray(
    hits: Sequence[LabelHit],
    index: int,
    table: tuple[TableKey, Mapping[TableKey, Opening]],
    folded: str,
    marks: _Headings,
) -> bool:
    """A label of another table inside a region (a word in a header) that the region goes on after."""
    family, openings = table
    previous = hits[index]
    for following in hits[index + 1 : index + 1 + _STRAY_LOOKAHEAD]:
        if marks.between(previous.end, following.start) or has_prose(folded, previous.end, following.start):
            return False
        if family in following.meanings:
            return not _opens_table(hits[index], openings)
        if _opens_table(following, openings):
            return False
        previous = following
    return False


def _opens_table(hit: LabelHit, openings: Mapping[TableKey, Opening]) -> bool:
    """Whether ``hit`` opens a table on its own (one of its meanings is among its table's opening keys)."""
    return any(label.key in openings[family].opens for family, label in hit.meanings.items())


def _order(family: TableKey) -> tuple[int, str]:
    """The standard tables first (by their id), then the described ones."""
    return (0, family.value) if isinstance(family, Family) else (1, family)


def _family_for(hits: Sequence[LabelHit], index: int) -> TableKey:
    families = hits[index].meanings.keys()
    if len(families) > 1 and index + 1 < len(hits):
        shared = families & hits[index + 1].meanings.keys()
        if shared:
            return min(shared, key=_order)
    return min(families, key=_order)


def _region(text: str, folded: str, group: tuple[TableKey, Sequence[LabelHit]], bound: int, marks: _Headings) -> Region:
    """The region of a group of labels, extended over the values printed after the last label."""
    family, hits = group
    start, last = hits[0].start, hits[-1].end
    end = last
    line_end = folded.find("\n", last, bound)
    if "\n" not in folded[start:last] and not (
        # a described table's header on one line, its values on the lines below (nothing but a unit after it)
        not isinstance(family, Family) and line_end != -1 and not any(c.isdigit() for c in folded[last:line_end])
    ):
        end = run_tail_end(folded, last, bound)
    else:
        eol = folded.find("\n", last, bound)
        end = bound if eol == -1 else eol
        position = end
        while position < bound:
            newline = folded.find("\n", position + 1, bound)
            stop = bound if newline == -1 else newline
            if folded[position:stop].strip(" \n\r\f"):  # a line holding only a tab is an empty cell
                if marks.between(position, stop) or has_prose(folded, position, stop):
                    break
                end = stop
            position = stop
    while end > last and folded[end - 1] in " \n\r\f":  # a trailing tab is an empty cell: kept
        end -= 1
    return Region(family, start, end, tuple(hits), detect_layout(folded, start, end))


class TokenStream:
    """The lexer's output for one document, handed to Lark as custom input: the section headings and the
    tokens.  The tokens are made as the parse reads them, a region's when the parse reaches it, and numbered
    in order, so that a table's tokens can be let go once its table is built (docs/performance.md, "Memory per
    reader")."""

    __slots__ = ("_tokens", "headings", "prose_only", "untaken")

    def __init__(
        self,
        tokens: Iterable[ReportToken],
        headings: Sequence[HeadingMatch] = (),
        untaken: Headings | None = None,
        *,
        prose_only: bool = False,
    ) -> None:
        self._tokens = tokens
        self.headings = tuple(headings)
        #: The headings past the limit, read as prose (:data:`govlint.parsing.headings.MAX_HEADINGS`).
        self.untaken = untaken
        #: True when the document shows no section heading and no table: its tokens are prose only.
        self.prose_only = prose_only

    @property
    def tokens(self) -> Iterator[ReportToken]:
        """The tokens in printed order, each numbered (``seq``) as it is made; read once."""
        for seq, token in enumerate(self._tokens):
            token.seq = seq
            yield token


def tokenize(text: str, folded: str, hits: Sequence[LabelHit], grammar: Productions) -> TokenStream:
    """Tokens for the whole document, named by ``grammar``: section headings (recognised by their text),
    prose and the tokens of every table region."""
    found = section_headings(text)
    headings = found.found
    described = grammar.described
    regions = find_regions(text, folded, hits, headings, catalogue(described).openings, limit=region_limit(described))
    marks: list[tuple[int, int, HeadingMatch | Region]] = sorted(
        [(h.start, h.end, h) for h in headings] + [(r.start, r.end, r) for r in regions], key=lambda m: m[0]
    )
    tokens = _tokens(text, folded, marks, grammar)
    return TokenStream(tokens, headings, found if found.untaken else None, prose_only=not marks)


def _tokens(
    text: str, folded: str, marks: list[tuple[int, int, HeadingMatch | Region]], grammar: Productions
) -> Iterator[ReportToken]:
    """The tokens of ``marks`` (headings and regions in printed order) and the prose around them; each mark
    is let go once its tokens are made."""
    marks.reverse()
    position = 0
    row_id = 0
    while marks:
        start, end, mark = marks.pop()
        if start < position:
            continue
        yield from _prose(text, position, start)
        if isinstance(mark, Region):
            described = next((spec for spec in grammar.described if spec.id == mark.family), None)
            rows = region_rows(
                text,
                folded,
                (mark.start, mark.end),
                mark.hits,
                layout=mark.layout,
                first_row=row_id,
                described=described,
            )
            row_id = rows[-1].row_id + 1 if rows else row_id
            tokens = _region_tokens(text, mark, rows, grammar)
            del mark, rows
            yield from tokens
            del tokens
        else:
            token = _token(grammar.name("", "section", str(mark.spec.number)), text, start, end)
            token.heading = mark
            yield token
        position = end
    yield from _prose(text, position, len(text))


def _prose(text: str, start: int, end: int) -> Iterator[ReportToken]:
    """The prose between ``start`` and ``end`` unless blank, as a token without its text (the grammar needs
    only where it is; two copies of a section's prose were a fifth of the parse's peak)."""
    if INK.search(text, start, end):
        yield ReportToken(TEXT, "", start, end_pos=end)


def _terminal(grammar: Productions, table: str, label: Label) -> str:
    """The grammar's terminal for a label of ``table``: its row, caption or group, or the table's header."""
    if label.kind in ROW_KINDS:
        return grammar.name(table, "row", label.key)
    if label.kind is LabelKind.CAPTION:
        return grammar.name(table, "caption", str(label.item))
    if label.kind is LabelKind.CAPTION_OF:
        return grammar.name(table, "caption")
    if label.kind is LabelKind.APP_GROUP:
        return grammar.name(table, "group", label.key)
    return grammar.name(table, "header")


def _region_tokens(text: str, region: Region, rows: Sequence[PhysicalRow], grammar: Productions) -> list[ReportToken]:
    """The tokens of one table region: a BEGIN marker, then labels, then an END marker; each label carries
    the cells printed after it (the BEGIN marker those printed before the first label)."""
    family = region.family
    table = family.value if isinstance(family, Family) else family
    anon = grammar.name(table, "anon")
    tokens = [_token(grammar.name(table, "begin"), text, region.start, region.start)]
    tokens[0].table = table
    pending: list[Atom] = []
    rows_started = False
    run_rows = family is Family.APPLICATIONS and region.layout is Layout.RUN  # words between numbers may be rows

    def add(token: ReportToken) -> None:
        if pending:  # the cells printed since the previous token
            tokens[-1].atoms = tuple(pending)
            pending.clear()
        tokens.append(token)

    for row in rows:
        row_id, first_hit = row.row_id, row.first_label
        items: Sequence[Item] = row if first_hit < 0 else row[first_hit:]
        if row.detached:
            continue  # values printed apart from their labels, in no proven order: no row's cells
        if first_hit < 0 and not row.has_values and (family is not Family.REVIEW or region.layout is not Layout.TAB):
            continue  # a row of empty cells only (table 四's is its data row), or the label column of a spanned row
        if first_hit < 0 and family is Family.APPLICATIONS and rows_started:
            leading = _leading_label(items)
            if leading or (
                region.layout in (Layout.TAB, Layout.PIPE, Layout.SPACED)
                and any(a.kind is not AtomKind.EMPTY for a in pending)
            ):
                atoms = [a for a in items if isinstance(a, Atom)]
                # the row's first value; in a row of placeholders only (/ / /), its first placeholder
                first_value = next((a for a in atoms if a.kind is not AtomKind.EMPTY), atoms[0])
                add(_anon(anon, text, leading, first_value, row_id))
                items = [a for a in items if a not in leading]
        for item in items:
            if isinstance(item, LabelHit):
                label = item.label(family)
                if label is None:
                    continue
                if label.kind is LabelKind.APP_ROW:
                    rows_started = True
                # a header word among the rows: a row label that lost its numbering
                header_word = label.kind is LabelKind.APP_HEADER and rows_started
                kind = anon if header_word else _terminal(grammar, table, label)
                token = _token(kind, text, item.start, item.end)
                token.hit = item
                token.row = row_id
                add(token)
            elif run_rows and rows_started and _is_run_label(item):
                add(_anon(anon, text, (item,), item, row_id))
            else:
                pending.append(item)
    if pending:
        tokens[-1].atoms = tuple(pending)
    tokens.append(_token(grammar.name(table, "end"), text, region.end, region.end))
    return tokens


def _leading_label(items: Sequence[Item]) -> tuple[Atom, ...]:
    """The words that open a row without a known label, when they look like a row label."""
    words: list[Atom] = []
    for item in items:
        if not isinstance(item, Atom):
            break
        if item.kind is AtomKind.EMPTY and not words:
            continue
        if item.kind is not AtomKind.WORD:
            break
        words.append(item)
    return tuple(words) if words and _looks_like_label(words[0].raw) else ()


def _is_run_label(atom: Atom) -> bool:
    """In RUN text, a word between the numbers of the applications table is a row label."""
    return atom.kind is AtomKind.WORD and _looks_like_label(atom.raw)


def _looks_like_label(raw: str) -> bool:
    """True when ``raw`` opens with a row numbering (``7.``, ``7、``, ``(二)``) or holds two Chinese characters
    in a row."""
    if starts_with_numbering(raw):
        return True
    previous = False
    for char in raw:
        current = "\u4e00" <= char <= "\u9fff"
        if previous and current:
            return True
        previous = current
    return False


def _anon(kind: str, text: str, label: Sequence[Atom], first_value: Atom, row: int) -> ReportToken:
    if label:
        token = _token(kind, text, label[0].start, label[-1].end)
    else:
        token = _token(kind, text, first_value.start, first_value.start)
    token.label_atoms = tuple(label)
    token.row = row
    return token
