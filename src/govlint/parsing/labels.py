"""Find the printed labels of the three standard tables (captions, headers, row and group labels).

Every label comes from the tables' :class:`govlint.schema.TableSpec`.  Matching runs on the *compact* text:
the folded text with all whitespace removed, so a label split by stray spaces, line breaks or a pdftotext column gap
(``三 、本 年 度办 理 结果``, ``商业\\n企业``) is still one label; offsets are mapped back to the original
text.  A literal may name several labels (``总计`` is a column of the applications table and of the
review table): the lexer picks by the table it is reading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from functools import lru_cache
from typing import Literal, NamedTuple

from govlint import schema
from govlint.parsing.numbering import ends_with_numbering, without_numbering
from govlint.parsing.wrapped import label_view
from govlint.schema import Evidence, RowSpec, TableSpec, normalize_label


class LabelKind(str, Enum):
    """What a label is in its table."""

    CAPTION = "caption"  #: 第二十条第（N）项
    INFO = "info"  #: 信息内容, the first header cell of a 第二十条 sub-table
    A20_COLUMN = "a20_column"
    A20_ROW = "a20_row"
    NOTE = "note"  #: the applications table's corner note
    APP_HEADER = "app_header"
    APP_GROUP = "app_group"
    APP_ROW = "app_row"
    RL_HEADER = "rl_header"
    #: Labels of a table a plugin describes (``govlint_tables``): its caption, header cells, rows.
    CAPTION_OF = "caption_of"
    HEADER_OF = "header_of"
    ROW_OF = "row_of"


class Family(str, Enum):
    """The standard table a label belongs to (a plugin's table is named by its id, a plain string)."""

    ART20 = "active_disclosure"
    APPLICATIONS = "applications"
    REVIEW = "review_litigation"


#: The table a label belongs to: a standard table, or the id of a table a plugin describes.
TableKey = Family | str

#: What each kind of label counts as in a table's :class:`govlint.schema.Evidence`.
ROLES: dict[LabelKind, Literal["captions", "headers", "rows"]] = {
    LabelKind.CAPTION: "captions", LabelKind.CAPTION_OF: "captions",
    LabelKind.INFO: "headers", LabelKind.A20_COLUMN: "headers", LabelKind.NOTE: "headers",
    LabelKind.APP_HEADER: "headers", LabelKind.RL_HEADER: "headers", LabelKind.HEADER_OF: "headers",
    LabelKind.A20_ROW: "rows", LabelKind.APP_ROW: "rows", LabelKind.APP_GROUP: "rows", LabelKind.ROW_OF: "rows",
}  # fmt: skip


class Label(NamedTuple):
    """One meaning of a printed label: its kind and its stable key."""

    kind: LabelKind
    #: Row or column key from the schema; the normalised text for headers without a key.
    key: str
    #: 第二十条 item number, for captions.
    item: int | None = None


class LabelHit(NamedTuple):
    """A label found in the text: offsets in the original text, the compact text matched, its meanings."""

    start: int
    end: int
    text: str
    #: Its meaning in each table it can belong to (``总计`` is a column of two tables).
    meanings: Mapping[TableKey, Label]

    def label(self, family: TableKey) -> Label | None:
        """The meaning of this hit in a table of ``family``, if it has one."""
        return self.meanings.get(family)


# ---------------------------------------------------------------------------------------------------------
# The catalogue, built once from the schema.
# ---------------------------------------------------------------------------------------------------------

_ITEM_NUMERALS = {1: "一", 5: "五", 6: "六", 8: "八", 9: "九"}


def _numbering_forms(numbering: str) -> tuple[str, ...]:
    """Printed forms of a row's numbering: ``1.`` also as ``1、``; ``一、`` also as ``一.``."""
    numbering = normalize_label(numbering)
    if not numbering:
        return ()
    if numbering[-1] in ".、":
        return (numbering[:-1] + ".", numbering[:-1] + "、")
    return (numbering,)


#: What each part of a standard table's spec is, as a label of the lexer's grammar.
_KINDS: dict[Family, dict[str, LabelKind]] = {
    Family.ART20: {"caption": LabelKind.CAPTION, "header": LabelKind.INFO, "column": LabelKind.A20_COLUMN,
                   "row": LabelKind.A20_ROW},
    Family.APPLICATIONS: {"header": LabelKind.APP_HEADER, "column": LabelKind.APP_HEADER,
                          "group": LabelKind.APP_GROUP, "row": LabelKind.APP_ROW},
    Family.REVIEW: {"header": LabelKind.RL_HEADER, "column": LabelKind.RL_HEADER, "row": LabelKind.RL_HEADER},
}  # fmt: skip
#: Rows printed exactly like a group label (the 2019 single (六)其他处理 row): the builder tells them apart by
#: their values, so they are no row labels of their own.
GROUP_LIKE_ROWS = frozenset({schema.ROW_OTHER_ALL.key})


Entries = dict[str, dict[TableKey, Label]]
_Add = Callable[[Iterable[str], Label], None]


def _adder(entries: Entries, family: TableKey) -> _Add:
    def add(texts: Iterable[str], label: Label) -> None:
        """Give each normalised text of ``texts`` the meaning ``label`` in the table (the first one stays)."""
        for text in texts:
            entries.setdefault(text, {}).setdefault(family, label)

    return add


def _standard() -> Entries:
    """Every printed label of the standard tables in every format, read from their TableSpecs."""
    entries: Entries = {}

    for fmt in schema.FORMATS.values():
        for spec in fmt.tables:
            family = Family(spec.id)
            kinds = _KINDS[family]
            add = _adder(entries, family)
            for part in spec.parts:
                if part.caption and part.item:
                    caption = Label(kinds["caption"], part.caption_key, part.item)
                    add((normalize_label(part.caption), f"第二十条第{_ITEM_NUMERALS[part.item]}项"), caption)
                for column in part.columns:
                    add(column.labels(), Label(kinds["column"], column.key))
                for row in part.rows:
                    if row.key not in GROUP_LIKE_ROWS:
                        _add_row(add, kinds["row"], row, numbered=family is Family.APPLICATIONS)
            for header in spec.headers:
                text = normalize_label(header)
                add((text,), Label(kinds["header"], schema.ART20_INFO_KEY if family is Family.ART20 else text))
            for group in spec.groups:
                text = normalize_label(group.label)
                bare = without_numbering(text)
                add((text, bare) if len(bare) >= 4 else (text,), Label(kinds["group"], group.label))
    return entries


def _add_row(add: _Add, kind: LabelKind, row: RowSpec, numbered: bool) -> None:
    """A row's labels; in a numbered table also with its numbering printed before them."""
    label = Label(kind, row.key)
    if not numbered:
        add(row.labels(), label)
        return
    numberings = _numbering_forms(row.numbering)
    for text in row.labels():
        add([numbering + text for numbering in numberings], label)
        if len(text) > 2:  # 其他, 总计 alone are column headers; as rows they need their numbering
            add((text,), label)


def _described(entries: Entries, spec: TableSpec) -> None:
    """Add the labels of a table a plugin describes: its caption words, header cells, columns and rows."""
    add = _adder(entries, spec.id)
    add((normalize_label(caption) for caption in spec.captions), Label(LabelKind.CAPTION_OF, "caption"))
    for header in (*spec.headers, *(group.label for group in spec.groups)):
        add((normalize_label(header),), Label(LabelKind.HEADER_OF, normalize_label(header)))
    for column in spec.columns:
        add(column.labels(), Label(LabelKind.HEADER_OF, column.key))
    for row in spec.rows:
        _add_row(add, LabelKind.ROW_OF, row, numbered=bool(row.numbering))


#: The kinds of label a row's cells follow (a word of :data:`govlint.schema.ROW_LABEL_SUFFIXES` after one is
#: part of it).
ROW_KINDS = frozenset({LabelKind.A20_ROW, LabelKind.APP_ROW, LabelKind.ROW_OF})
#: A suffix word right after a row label, printed with it (no space between), and followed by no further
#: Chinese character: a cell, a space or the end (``办理情况如下`` is prose, no suffixed label).
_SUFFIX = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, schema.ROW_LABEL_SUFFIXES), key=len, reverse=True)) + r")(?![\u3400-\u9fff])"
)
_NOTE_MEANING: dict[TableKey, Label] = {Family.APPLICATIONS: Label(LabelKind.NOTE, schema.APPLICATIONS_NOTE_KEY)}
_NOTE_MARKERS = frozenset(normalize_label(m) for m in schema.APPLICATIONS_NOTE_MARKERS)
#: Header words short enough to occur inside an unknown row label; after a row numbering they are not labels.
_SHORT = 2
_NOTE_TAIL_MAX = 40

#: Literals are looked for by their first characters: a regex finds these prefixes, then the literals that
#: may start there are tried, longest first.  A regex of whole literals takes twice as long to compile;
#: five characters are rare enough in prose that nearly every prefix found starts a label.
_PREFIX = 5


def _candidates(literals: Iterable[str]) -> dict[str, list[str]]:
    """For each prefix (a literal's first :data:`_PREFIX` characters, or a shorter literal): the literals
    that may start where it is the longest prefix found, longest first."""
    groups: dict[str, list[str]] = {}
    for literal in sorted(literals, key=len, reverse=True):
        groups.setdefault(literal[:_PREFIX], []).append(literal)
    for prefix, group in groups.items():  # a shorter literal is its own prefix, and may start there too
        group.extend(prefix[:size] for size in range(len(prefix) - 1, 0, -1) if prefix[:size] in groups)
    return groups


def _escape(char: str) -> str:
    """``re.escape`` for one character, quicker for the Chinese characters that need no escaping."""
    return re.escape(char) if char.isascii() else char


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literals, factored by common prefixes (ten times faster than a flat
    alternation); it matches the longest literal at a position."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [_escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = "|".join(branches)
        if "" in node:
            return f"(?:{body})?"
        return body if len(branches) == 1 else f"(?:{body})"

    return build(trie)


class Opening(NamedTuple):
    """What makes a run of a table's labels the table, from its spec (in every format it has)."""

    #: The keys of the labels that open the table on their own.
    opens: frozenset[str]
    #: One of these must hold (:class:`govlint.schema.Evidence`).
    evidence: tuple[Evidence, ...]

    def shown_by(self, labels: Iterable[Label]) -> bool:
        """Whether ``labels`` (a run's, in this table) show one of the table's evidences."""
        labels = list(labels)
        return any(_shows(evidence, labels) for evidence in self.evidence)


def _shows(evidence: Evidence, labels: list[Label]) -> bool:
    counted = set(labels) if evidence.distinct else labels
    counts = Counter(ROLES[label.kind] for label in counted)
    return (
        len(counted) >= evidence.labels
        and counts["captions"] >= evidence.captions
        and counts["headers"] >= evidence.headers
        and counts["rows"] >= evidence.rows
        and (not evidence.printed or any(label.key in evidence.printed for label in labels))
    )


def _openings(described: tuple[TableSpec, ...]) -> dict[TableKey, Opening]:
    """Each table's :class:`Opening`: a standard table's in all its formats, a described table's."""
    specs: dict[TableKey, list[TableSpec]] = {}
    for fmt in schema.FORMATS.values():
        for spec in fmt.tables:
            specs.setdefault(Family(spec.id), []).append(spec)
    for spec in described:
        specs[spec.id] = [spec]
    return {
        key: Opening(
            frozenset().union(*(spec.opening_keys() for spec in group)),
            tuple(dict.fromkeys(evidence for spec in group for evidence in spec.evidence_needed())),
        )
        for key, group in specs.items()
    }


class Catalogue:
    """The printed labels of a set of tables, the regex that finds where one may start, and what makes a run
    of a table's labels the table."""

    __slots__ = ("candidates", "entries", "openings", "prefixes", "rows", "specs")

    def __init__(self, described: tuple[TableSpec, ...] = ()) -> None:
        entries = _standard()
        for spec in described:
            _described(entries, spec)
        #: Normalised label text -> its meaning in each table it belongs to.
        self.entries = entries
        #: The texts that are a row's label in some table (a suffix word may follow them).
        self.rows = frozenset(
            text for text, meanings in entries.items() if any(label.kind in ROW_KINDS for label in meanings.values())
        )
        #: The tables plugins describe, by id.
        self.specs = {spec.id: spec for spec in described}
        #: Every table's opening labels and evidence, by table.
        self.openings = _openings(described)
        self.candidates = _candidates([*entries, *_NOTE_MARKERS])
        self.prefixes = re.compile(_trie_pattern(self.candidates))


@lru_cache(maxsize=8)
def catalogue(described: tuple[TableSpec, ...] = ()) -> Catalogue:
    """The catalogue of the standard tables and ``described`` (built once per set of tables)."""
    return Catalogue(described)


#: How many characters of the folded text :meth:`CompactText.span` looks through per compact character.
_WINDOW = 8
#: The most characters of the folded text split at once: a list of every piece of a large text was the parse's
#: peak.
_BLOCK = 1 << 16
#: The first character that is not whitespace (the same whitespace as ``str.split``'s).
_NON_SPACE = re.compile(r"\S")


class CompactText:
    """The folded text without whitespace, and the way back from an offset in it to one in the folded text.

    The way back is counted, not stored: from the offset asked before, the next ``n`` compact characters lie
    within the next ``n`` characters and the whitespace among them, so each step reads as many characters again
    as it found whitespace.  Asked in text order, as the label search asks, the text is read about once; a map
    of every piece of the text was most of the label search's time and memory (docs/performance.md).
    """

    __slots__ = ("_at", "folded", "text")

    def __init__(self, folded: str, block: int = _BLOCK) -> None:
        self.folded = folded
        self.text = "".join("".join(folded[start : start + block].split()) for start in range(0, len(folded), block))
        #: The compact offset asked last and its original offset.
        self._at = (0, _skip_spaces(folded, 0))

    def original(self, index: int) -> int:
        """The original offset of the compact character at ``index`` (counted from the start again when
        ``index`` lies before the one asked last)."""
        if not 0 <= index < len(self.text):
            raise IndexError(index)
        compact, original = self._at
        folded = self.folded
        if index < compact:
            compact, original = 0, _skip_spaces(folded, 0)
        while compact < index:
            end = original + index - compact
            if end - original > _BLOCK:
                end = original + _BLOCK
            compact += sum(map(len, folded[original:end].split()))
            original = _skip_spaces(folded, end) if folded[end : end + 1].isspace() else end
        self._at = (compact, original)
        return original

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The original offsets of the compact characters ``first`` to ``last`` (excluded): where the first is and
        where the last ends."""
        compact, original = self._at
        printed, folded = self.text[first:last], self.folded
        if compact <= first:
            # most labels are printed without a space inside: where the next such printing has as many
            # characters before it as the compact text, it is the one (within a few lines: never a whole text)
            start = folded.find(printed, original, original + _WINDOW * (last - compact + 1))
            if (
                start != -1
                and start - original <= _BLOCK
                and sum(map(len, folded[original:start].split())) == first - compact
            ):
                self._at = (first, start)
                return start, start + last - first
        start = self.original(first)
        if folded.startswith(printed, start):  # printed without a space inside
            return start, start + last - first
        return start, self.original(last - 1) + 1


def _skip_spaces(text: str, offset: int) -> int:
    """The first offset at or after ``offset`` that is not whitespace (the text's end if none)."""
    found = _NON_SPACE.search(text, offset)
    return found.start() if found is not None else len(text)


def find_labels(folded: str, labels: Catalogue | None = None) -> list[LabelHit]:
    """Every table label (of the standard tables, or of ``labels``) in the folded text, in text order, not
    overlapping (longest label wins)."""
    labels = labels or catalogue()
    candidates, entries, rows = labels.candidates, labels.entries, labels.rows
    compact = CompactText(label_view(folded))  # a label wrapped around its row's values is found whole
    hits: list[LabelHit] = []
    text = compact.text
    position = 0
    while match := labels.prefixes.search(text, position):
        first = match.start()
        for found in candidates[match.group()]:
            if text.startswith(found, first):
                break
        else:  # the beginning of a literal only
            position = first + 1
            continue
        last = first + len(found)
        if found in _NOTE_MARKERS:  # the note runs on to its closing parenthesis
            close = text.find(")", last, last + _NOTE_TAIL_MAX)
            last = close + 1 if close != -1 else last
            first -= first > 0 and text[first - 1] == "("
            meanings = _NOTE_MEANING
        else:
            meanings = entries[found]
            if len(found) <= _SHORT and ends_with_numbering(text[max(0, first - 3) : first], numeral_comma=False):
                # "2.其他法律和行政法规禁止公开": the 其他 of a row label this catalogue does not know
                position = last
                continue
        start, end = compact.span(first, last)
        if found in rows:
            last, end = _suffixed(compact, labels, last, end)
        # the catalogue's own string where the label is a literal of it (no copy per hit)
        printed = found if last == first + len(found) else text[first:last]
        hits.append(LabelHit(start, end, printed, meanings))
        position = last
    return hits


def _suffixed(compact: CompactText, labels: Catalogue, last: int, end: int) -> tuple[int, int]:
    """Where a row label ending at ``last`` (``end`` in the original text) ends with the suffix word printed
    right after it (``1.属于国家秘密的``), in the compact and the original text: never a suffix that is the start
    of another label, nor one spaced off the label (a cell of its own)."""
    suffix = _SUFFIX.match(compact.text, last)
    if suffix is None or labels.prefixes.match(compact.text, last):
        return last, end
    suffix_end = suffix.end()
    if not compact.folded.startswith(compact.text[last:suffix_end], end):  # spaced off the label
        return last, end
    return suffix_end, end + suffix_end - last


def format_votes(texts: Iterable[str]) -> dict[str, int]:
    """How many of the given label texts are signals (§1.2) of each format."""
    votes = dict.fromkeys(schema.FORMATS, 0)
    for text in texts:
        for key, fmt in schema.FORMATS.items():
            if any(signal in text for signal in fmt.signals):
                votes[key] += 1
    return votes
