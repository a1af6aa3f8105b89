"""Find the printed labels of the three standard tables (captions, headers, row and group labels).

Every label comes from :mod:`govlint.schema`.  Matching runs on the *compact* text: the folded text with
all whitespace removed, so a label split by stray spaces, line breaks or a pdftotext column gap
(``三 、本 年 度办 理 结果``, ``商业\\n企业``) is still one label; offsets are mapped back to the original
text.  A literal may name several labels (``总计`` is a column of the applications table and of the
review table): the lexer picks by the table it is reading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from enum import Enum
from itertools import accumulate
from typing import NamedTuple

import attrs

from govlint import schema
from govlint.schema import normalize_label


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


class Family(str, Enum):
    """The table a label belongs to."""

    ART20 = "active_disclosure"
    APPLICATIONS = "applications"
    REVIEW = "review_litigation"


FAMILY_OF: dict[LabelKind, Family] = {
    LabelKind.CAPTION: Family.ART20,
    LabelKind.INFO: Family.ART20,
    LabelKind.A20_COLUMN: Family.ART20,
    LabelKind.A20_ROW: Family.ART20,
    LabelKind.NOTE: Family.APPLICATIONS,
    LabelKind.APP_HEADER: Family.APPLICATIONS,
    LabelKind.APP_GROUP: Family.APPLICATIONS,
    LabelKind.APP_ROW: Family.APPLICATIONS,
    LabelKind.RL_HEADER: Family.REVIEW,
}


@attrs.frozen
class Label:
    """One meaning of a printed label: its kind, its stable key and what it tells about the format."""

    kind: LabelKind
    #: Row or column key from the schema; the normalised text for headers without a key.
    key: str
    #: Format keys in which this label exists (empty: all).
    formats: tuple[str, ...] = ()
    #: 第二十条 item number, for captions.
    item: int | None = None

    @property
    def family(self) -> Family:
        return FAMILY_OF[self.kind]


class LabelHit(NamedTuple):
    """A label found in the text: offsets in the original text, the compact text matched, its meanings."""

    start: int
    end: int
    text: str
    labels: tuple[Label, ...]

    @property
    def families(self) -> frozenset[Family]:
        return frozenset(label.family for label in self.labels)

    def label(self, family: Family) -> Label | None:
        """The meaning of this hit in a table of ``family``, if it has one."""
        return next((lab for lab in self.labels if lab.family is family), None)


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


def _catalogue() -> dict[str, tuple[Label, ...]]:
    entries: dict[str, list[Label]] = {}

    def add(text: str, label: Label) -> None:
        text = normalize_label(text)
        bucket = entries.setdefault(text, [])
        if label not in bucket:
            bucket.append(label)

    for fmt in schema.FORMATS.values():
        for sub in fmt.art20:
            add(sub.caption, Label(LabelKind.CAPTION, f"art20_{sub.item}", item=sub.item))
            add(f"第二十条第{_ITEM_NUMERALS[sub.item]}项", Label(LabelKind.CAPTION, f"art20_{sub.item}", item=sub.item))
            for column in sub.columns:
                for text in column.labels():
                    add(text, Label(LabelKind.A20_COLUMN, column.key, formats=(fmt.key,)))
            for row in sub.rows:
                for text in row.labels():
                    add(text, Label(LabelKind.A20_ROW, row.key, formats=(fmt.key,)))
    add(schema.ART20_INFO_HEADER, Label(LabelKind.INFO, "info"))

    for column in schema.APPLICATION_COLUMNS:
        for text in column.labels():
            add(text, Label(LabelKind.APP_HEADER, column.key))
    for header in schema.APPLICATION_HEADERS:
        add(header, Label(LabelKind.APP_HEADER, normalize_label(header)))
    for group in schema.APPLICATION_GROUPS:
        label = Label(LabelKind.APP_GROUP, group)
        add(group, label)
        bare = re.sub(r"^(?:\([一二三四五六七八九]\)|[一二三四五六七八九]、)", "", group)
        if len(bare) >= 4:
            add(bare, label)
    rows = {row.key: row for row in (*schema.APPLICATION_ROWS_2021, *schema.APPLICATION_ROWS_2019)}
    for row in rows.values():
        if row.key == schema.ROW_OTHER_ALL.key:
            continue  # printed exactly like the (六) group label: the builder tells them apart by values
        label = Label(LabelKind.APP_ROW, row.key)
        for text in row.labels():
            for numbering in _numbering_forms(row.numbering):
                add(numbering + text, label)
            if len(text) > 2:  # 其他, 总计 alone are column headers; as rows they need their numbering
                add(text, label)

    for group_spec in schema.REVIEW_GROUPS:
        add(group_spec.label, Label(LabelKind.RL_HEADER, group_spec.key))
    for header in schema.REVIEW_HEADERS:
        add(header, Label(LabelKind.RL_HEADER, normalize_label(header)))
    for column in schema.REVIEW_COLUMNS:
        for text in column.labels():
            add(text, Label(LabelKind.RL_HEADER, column.key))
    return {text: tuple(labels) for text, labels in entries.items()}


CATALOGUE: dict[str, tuple[Label, ...]] = _catalogue()
_NOTE_LABEL = Label(LabelKind.NOTE, "note")
#: Header words short enough to occur inside an unknown row label; after a row numbering they are not labels.
_SHORT = 2
_NUMBERING_BEFORE = re.compile(r"(?:\d[.、]|\([一二三四五六七八九]\))$")
_NOTE_TAIL_MAX = 40


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
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = "|".join(branches)
        if "" in node:
            return f"(?:{body})?"
        return body if len(branches) == 1 else f"(?:{body})"

    return build(trie)


_NOTE_MARKERS = frozenset(normalize_label(m) for m in schema.APPLICATIONS_NOTE_MARKERS)
_PATTERN = re.compile(_trie_pattern([*CATALOGUE, *_NOTE_MARKERS]))

_NON_SPACE = re.compile(r"\S+")


class CompactText:
    """The folded text without whitespace, with a map from compact offsets back to original offsets."""

    __slots__ = ("_compact_starts", "_original_starts", "text")

    def __init__(self, folded: str) -> None:
        pieces = _NON_SPACE.findall(folded)
        self.text = "".join(pieces)
        self._compact_starts = list(accumulate(map(len, pieces), initial=0))
        self._original_starts = [match.start() for match in _NON_SPACE.finditer(folded)]

    def original(self, index: int) -> int:
        """The original offset of the compact character at ``index``."""
        piece = bisect.bisect_right(self._compact_starts, index) - 1
        return self._original_starts[piece] + index - self._compact_starts[piece]


def find_labels(folded: str) -> list[LabelHit]:
    """Every table label in the folded text, in text order, not overlapping (longest label wins)."""
    compact = CompactText(folded)
    hits: list[LabelHit] = []
    text = compact.text
    position = 0
    while match := _PATTERN.search(text, position):
        first, last = match.span()
        found = match.group()
        if found in _NOTE_MARKERS:  # the note runs on to its closing parenthesis
            close = text.find(")", last, last + _NOTE_TAIL_MAX)
            last = close + 1 if close != -1 else last
            first -= first > 0 and text[first - 1] == "("
            labels: tuple[Label, ...] = (_NOTE_LABEL,)
        else:
            labels = CATALOGUE[found]
            if len(found) <= _SHORT and _NUMBERING_BEFORE.search(text, max(0, first - 3), first):
                # "2.其他法律和行政法规禁止公开": the 其他 of a row label this catalogue does not know
                position = last
                continue
        hits.append(LabelHit(compact.original(first), compact.original(last - 1) + 1, text[first:last], labels))
        position = last
    return hits


def format_votes(texts: Iterable[str]) -> dict[str, int]:
    """How many of the given label texts are signals (§1.2) of each format."""
    votes = dict.fromkeys(schema.FORMATS, 0)
    for text in texts:
        for key, fmt in schema.FORMATS.items():
            if any(signal in text for signal in fmt.signals):
                votes[key] += 1
    return votes
