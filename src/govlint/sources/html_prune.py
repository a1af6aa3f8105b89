"""Drop, before lexbor parses a page, the attributes the reader never reads.

lexbor keeps every attribute of every element: a record of about a hundred bytes and a copy of its value.
A page exported from Word or LibreOffice gives each paragraph, run and cell a ``class``, a ``lang`` and a
``style`` of fonts and margins, and its DOM is 13–16 times the page (docs/performance.md, "Memory per
reader").  The reader looks at few attributes: ``hidden`` and a ``style`` that hides (everywhere), a
``style`` or ``class`` that makes a table of ``<div>``s, a cell's spans and ``border:none``, a row's
``height``, an image's size, a ``<meta>``'s name and content.
Every other attribute of a start tag is left out of the bytes lexbor parses.

The tree must be the one lexbor builds from the page as published, so the pass follows the HTML
standard's tokenizer exactly where it matters: comments, DOCTYPE and bogus comments, tags (quoted values
may hold ``>``), the raw text of ``<style>``, ``<xmp>``, ``<iframe>``, ``<noembed>``, ``<noframes>``,
``<title>`` and ``<textarea>``, a ``<script>``'s escaped and double-escaped text, and ``<plaintext>``.
Attributes that steer the tree's building are kept: ``type`` (an ``<input>`` in a table), the attributes of
formatting elements (the "Noah's Ark" clause compares them), of ``<html>`` and ``<body>`` (merged from a
second such tag), of ``<meta>``, ``<template>`` and ``<option>``.  SVG and MathML are read as foreign
content (no raw text; ``<![CDATA[``) and left as they are; where they hold what makes the parser read
HTML again inside them, and after a ``<frameset>`` or ``<plaintext>``, the rest of the page is left as it
is.  Each step is a search forward, so the pass is linear in the page.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from attrs import define

from govlint.records import Record
from govlint.sources.html_dom import HIDDEN, NO_BORDER, STYLE_SIZE, TABLE_STYLE

_MARKUP = re.compile(rb"<(?:!--|[!?]|/[A-Za-z]|/>|/|[A-Za-z])")
_COMMENT_END = re.compile(rb"--!?>")
_TAG_NAME = re.compile(rb"[^\t\n\f\r />]*")
_ATTRIBUTE_NAME = re.compile(rb"=?[^\t\n\f\r />=]*")
_SPACE = re.compile(rb"[\t\n\f\r ]*")
_SEPARATOR = re.compile(rb"[\t\n\f\r /]*")
_UNQUOTED = re.compile(rb"[^\t\n\f\r >]*")
#: A tag written the usual way (names of letters and the like, values quoted or plain): what it is needs no
#: character-by-character reading, and a tag this does not match is read by :func:`_tag`.
_SIMPLE_TAG = re.compile(
    rb"</?([A-Za-z][^\t\n\f\r />]*)((?:[\t\n\f\r ]+[^\t\n\f\r />=\"'<]+"
    rb"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"[^\"]*\"|'[^']*'|[^\t\n\f\r >\"'=<`]+))?)*)[\t\n\f\r ]*>"
)
_SIMPLE_ATTRIBUTE = re.compile(
    rb"[\t\n\f\r ]+(([^\t\n\f\r />=\"'<]+)"
    rb"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"([^\"]*)\"|'([^']*)'|([^\t\n\f\r >\"'=<`]+)))?)"
)
#: Text elements whose content is not markup, up to their end tag.
_RAW = frozenset({b"style", b"xmp", b"iframe", b"noembed", b"noframes", b"title", b"textarea"})
#: Start tags kept whole: formatting elements (compared attribute by attribute when reopened), elements
#: whose attributes a second tag merges into or that steer the tree, ``<meta>``, and SVG and MathML (whose
#: content is left as it is).
_WHOLE = frozenset(
    b"a b big code em font i nobr s small strike strong tt u html body template meta input option svg math".split()
)
_SCRIPT_STATES = {
    "data": re.compile(rb"<!--|</script[\t\n\f\r />]", re.IGNORECASE),
    "escaped": re.compile(rb"-->|</script[\t\n\f\r />]|<script[\t\n\f\r />]", re.IGNORECASE),
    "double": re.compile(rb"-->|</script[\t\n\f\r />]", re.IGNORECASE),
}
#: HTML elements whose start tag (and ``</br>``, ``</p>``) makes the parser leave SVG and MathML, and
#: ``<font>``, which does with some attributes.
_BREAKOUT = frozenset(
    b"b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing "
    b"menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var font".split()
)
#: Foreign elements inside which tags are HTML again (HTML and MathML text integration points).
_INTEGRATION_POINTS = frozenset(b"foreignobject desc title annotation-xml mi mo mn ms mtext".split())
_RAW_END = {name: re.compile(rb"</" + name + rb"[\t\n\f\r />]", re.IGNORECASE) for name in _RAW}


class _Tag(NamedTuple):
    """A tag read by :func:`_simple_tag` or :func:`_tag`."""

    name: bytes
    end: int  #: where it ends
    kept: list[bytes] | None  #: the attributes to write when some are dropped
    closes: bool = False  #: written ``/>`` (an SVG or MathML element then has no content)


class Pruned(NamedTuple):
    """What :func:`prune` gives lexbor."""

    page: bytes  #: the page without the attributes the reader never reads
    nodes: int  #: about as many nodes as lexbor builds of it, or more (its elements, texts and comments)


#: How :func:`prune` notes the end tags :data:`_WRAPPED_AFTER` names (any other is "/").
_END_TAGS = {b"td": b"/td", b"th": b"/th", b"tr": b"/tr"}
#: Tags of a table or a part of it that holds rows (a cell's or row's end tag after them is ignored).
_SECTIONS = frozenset(b"table tbody thead tfoot caption colgroup col".split())
#: ``html``, ``head`` and ``body``, made whatever the page holds.
_DOCUMENT_NODES = 3
#: Table parts whose start tag makes a wrapper (``tbody``, ``tr``, ``colgroup``) unless it follows one of
#: these tags ("/" before an end tag's name).
_WRAPPED_AFTER = {
    b"td": (b"tr", b"/td", b"/th"),
    b"th": (b"tr", b"/td", b"/th"),
    b"tr": (b"tbody", b"thead", b"tfoot", b"/tr"),
    b"col": (b"colgroup", b"col"),
}

#: Start tags that close an open ``<p>`` (in body, or as table parts closing a cell), and end tags of the
#: standard's "special" elements, which may: a ``</p>`` after them may make an empty ``<p>``.
_CLOSES_P = frozenset(
    b"address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form "
    b"header hgroup main menu nav ol search section summary ul h1 h2 h3 h4 h5 h6 pre listing plaintext li dd "
    b"dt table hr xmp caption colgroup col tbody thead tfoot tr td th".split()
)
_SPECIAL = _CLOSES_P | frozenset(
    b"applet area base basefont bgsound body br button embed frame frameset head html iframe img input keygen "
    b"link marquee meta noembed noframes noscript object p param script select source style template textarea "
    b"title track wbr".split()
)


#: Formatting elements: the parser keeps them in its list of active formatting elements, and makes each one
#: again in a later block it is not open in.
_FORMATTING = frozenset(b"a b big code em font i nobr s small strike strong tt u".split())
#: Start tags that may put a marker in that list (a cell, a caption, an object): the parser does not compare
#: a formatting element with those before a marker.
_MARKERS = frozenset(b"td th caption applet object marquee template".split())
#: Start tags after which the parser never makes a formatting element again (in a body, a table or a
#: select: "reconstruct the active formatting elements" is not among their steps).
_NOT_REOPENING = (_CLOSES_P - {b"xmp"}) | frozenset(
    b"p body html head frameset frame base basefont bgsound link meta noframes script style template title "
    b"iframe noembed textarea hr param source track rb rtc rp rt".split()
)
#: Start tags of a document's head (the body begins at any other).
_HEAD = frozenset(b"html head title meta link style script base basefont bgsound noscript noframes template".split())
_TABLE_PARTS = frozenset(b"caption colgroup col tbody thead tfoot tr td th".split())
_HEADINGS = frozenset(b"h1 h2 h3 h4 h5 h6".split())
#: Special elements that are not made (void, or ignored in a body), and those the model follows no further
#: than to know they are open (their start tags steer the parser into other modes).
_UNLISTED = frozenset(
    b"area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr "
    b"body html head frameset".split()
)
_UNFOLLOWED = _TABLE_PARTS | frozenset(b"table form template select li dd dt".split())
#: The elements that bound the "scope" of a ``</p>`` (button scope) and of other end tags (the default
#: scope; a list item's adds ``<ol>`` and ``<ul>``).
_SCOPE = frozenset(b"applet caption html table td th marquee object template".split())
_BUTTON_SCOPE = _SCOPE | {b"button"}
_LIST_SCOPE = _SCOPE | {b"ol", b"ul"}
#: Start tags after which a ``</p>`` may not reach the ``<p>`` open before them (lexbor reads a select's
#: content as the standard of 2025 does: a ``<select>`` bounds it too).
_P_SCOPE = _BUTTON_SCOPE | {b"svg", b"math", b"select"}
#: How far down the open blocks the model looks for the one an end tag closes (else it supposes the worst),
#: and how many it keeps.
_SEARCH = 64
_KEPT = 128
_NAMES = {name: name for name in _SPECIAL | _FORMATTING | {b"colgroup"}}
#: Most blocks the "adoption agency" moves a formatting element into at one end tag, and most elements it
#: makes in each (the element and three formatting elements inside it).
_ADOPTION_STEPS = 8
_ADOPTION_NODES = 4


@define(eq=False, repr=False)
class _Entry(Record):
    """A formatting element of the parser's list (or one the parser may have left out of it)."""

    name: bytes
    key: bytes  #: the tag as written: two tags written alike are alike to the parser
    pushed: int  #: when it was listed
    made: int  #: when it was last made (listed, or made again)
    placed: bool = True  #: whether it stands where it was listed (not made again, somewhere after)


class _Reopened:
    """The parser's list of active formatting elements and its open blocks, modelled so as to bound the
    elements it makes again (HTML standard, "reconstruct the active formatting elements" and the "adoption
    agency algorithm") in the same pass.

    The model errs one way only: its list may hold entries the parser dropped; it may think closed an
    element that is open; it may reopen where the parser does not; its blocks may include some the parser
    closed, except in their top part (``blocks[sure:]``), which is exactly the parser's.  A token that may
    close elements records the earliest time an element it closes may have been made (its "floor": the
    block it closes, found in that top part, else 0); an entry made since that time, or made again (its place
    in the parser's tree is then not known), is closed.  Where the parser may reopen (text, a start tag of
    inline content), the closed entries from the end of the list back to the first open one are counted as
    made again, which is what the parser does.  Only the top blocks are kept (:data:`_KEPT`); below them the
    model knows nothing, and supposes the worst.  ``tests/sources/test_html_prune.py`` checks the count
    against lexbor's tree on generated tag soup."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.named: dict[bytes, list[_Entry]] = {}
        self.alike: dict[bytes, _Entry | list[_Entry]] = {}  #: entries by the tag as written
        self.time = 0
        self.pop_times: list[int] = []  #: when tokens closed elements ...
        self.pop_floors: list[int] = []  #: ... and their floors: both rise (a later, lower floor drops the pop)
        self.blocks: list[tuple[bytes, int]] = []  #: the special elements that may be open, and when made
        self.sure = 0  #: blocks[sure:] are exactly the parser's top ones
        self.trimmed = False  #: whether blocks below those listed were let go
        self.marker = 0  #: the time of the last start tag that may have put a marker
        self.followed = True  #: False once the page holds what the model does not follow (foreign content)
        self.current = b""  #: an element just opened, with nothing made or closed since (else "")
        #: the tables and selects that may be open, when made: a table part's tag closes nothing made
        #: before the innermost table (so before the eldest listed), a control's nothing before the select
        self.tables: list[int] = []
        #: for a table opened with none open (so surely made), the blocks and ``sure`` before it: all its
        #: end tag closes is in it, and the blocks below it are as they were
        self.table_below: tuple[int, int] | None = None
        self.selects: list[int] = []

    def start(self, name: bytes, key: bytes) -> int:
        """The elements the parser may make for a start tag ``name`` (written ``key``) besides its own."""
        self.time += 1
        made = 0
        if name in (b"a", b"nobr"):  # (a <nobr> makes the closed entries again first)
            made += (name == b"nobr" and self.reopen()) + self._adopt(name)
        elif name in _TABLE_PARTS:
            self._close(self.tables[0] if self.tables else 0)
            self.sure = len(self.blocks)
        elif name in (b"select", b"input", b"keygen", b"textarea", b"option", b"optgroup"):
            if self.selects:  # they may close the select, or an option and what is in it
                self._close(self.selects[0])
                self.sure = len(self.blocks)
        elif name in (b"li", b"dd", b"dt", b"template"):
            self._close(0)
            self.sure = len(self.blocks)
            self.followed = name != b"template"
        elif name == b"button":
            self._close_block((b"button",), _SCOPE)
        elif name in _CLOSES_P or name == b"p":
            self._close_p(name == b"table")
            if name in _HEADINGS and self.blocks and self.blocks[-1][0] in _HEADINGS:
                self._close(self.blocks[-1][1])  # the heading may be the current node: it is then closed
                self.sure = min(self.sure, len(self.blocks) - 1)
        sure_below, listed = self.sure, len(self.blocks)
        if name not in _NOT_REOPENING:
            made += self.reopen()
        if name in _FORMATTING:
            self._push(name, key)
        elif name in _MARKERS:
            self.marker = self.time
        if name in _SPECIAL and name not in _UNLISTED:
            self._open(name, 3 if name in (b"td", b"th") else 2 if name == b"tr" else 1)
            if name in _UNFOLLOWED:
                self.sure = len(self.blocks)
        elif name == b"col":
            self._open(b"colgroup", 1)
            self.sure = len(self.blocks)
        if name == b"table":
            below = len(self.blocks) - 1  # (unless blocks were let go as it was listed)
            exact = not self.tables and self.blocks[below][1] == self.time and sure_below <= below
            self.table_below = (below, sure_below) if exact and below == listed else None
            self.tables.append(self.time)
        elif name == b"select":
            self.selects.append(self.time)
        self.current = name
        return made

    def end(self, name: bytes) -> int:
        """The elements the parser may make for an end tag ``name``."""
        self.time += 1
        current, self.current = self.current, b""
        if name == b"br":  # a <br>
            return self.reopen()
        if name in _FORMATTING:
            return self._adopt(name)
        if name == b"p":
            self._close_p(False)
        elif name in _HEADINGS:
            self._close_block(_HEADINGS, _SCOPE)
        elif name in (b"li", b"dd", b"dt"):
            self._close_block((name,), _LIST_SCOPE if name == b"li" else _SCOPE)
        elif name in _SPECIAL and name not in _UNFOLLOWED and name not in _UNLISTED:
            self._close_block((name,), _SCOPE)
        elif name in _TABLE_PARTS or name == b"table":
            self._close(self.tables[0] if self.tables else 0)
            self.sure = len(self.blocks)
            if name == b"table" and self.tables:
                self.tables.pop()  # the innermost, or one closed already
                if not self.tables and self.table_below is not None:
                    del self.blocks[self.table_below[0] :]
                    self.sure = min(self.table_below[1], len(self.blocks))
                self.table_below = None
        elif name == b"select":
            self._close(self.selects[0] if self.selects else 0)
            self.sure = len(self.blocks)
            if self.selects:
                self.selects.pop()
        elif name in _SPECIAL:
            if name not in (b"body", b"html", b"br"):
                self._close(0)
                self.sure = len(self.blocks)
        elif name != current:  # it may close what was opened since the innermost block (not a block)
            self._close(self.blocks[-1][1] if self.sure < len(self.blocks) else 0)
        return 0

    def reopen(self) -> int:
        """The elements made again where the parser may reopen: the closed entries from the end of the list
        back to the first open one."""
        made = 0
        for entry in reversed(self.entries):
            if not self._closed(entry):
                break
            entry.made = self.time
            entry.placed = False
            made += 1
        if made:
            self.current = b""
        return made

    def _open(self, name: bytes, count: int) -> None:
        """Note ``count`` blocks ``name`` made now.  Only the top :data:`_KEPT` blocks are kept (the model looks
        no deeper), so the model's memory stays a few bytes a tag."""
        self.blocks += [(_NAMES.get(name, name), self.time)] * count
        cut = len(self.blocks) - _KEPT
        if cut >= _KEPT:
            del self.blocks[:cut]
            self.sure = max(self.sure - cut, 0)
            self.trimmed = True
            if self.table_below is not None:
                below, sure = self.table_below
                self.table_below = (below - cut, max(sure - cut, 0)) if below >= cut else None

    def _closed(self, entry: _Entry) -> bool:
        """Whether the element of ``entry`` may have been closed since it was made."""
        times = self.pop_times
        if not times or times[-1] <= entry.made:
            return False
        return not entry.placed or self.pop_floors[bisect_right(times, entry.made)] <= entry.made

    def _close(self, floor: int) -> None:
        """Note that this token may close the elements made since ``floor``."""
        if not self.entries:  # nothing listed to close (most pages, most of the time)
            return
        if not self.followed:
            floor = 0
        while self.pop_floors and self.pop_floors[-1] >= floor:
            self.pop_floors.pop()
            self.pop_times.pop()
        self.pop_times.append(self.time)
        self.pop_floors.append(floor)

    def _close_p(self, quirks: bool) -> None:
        """A ``</p>`` or a start tag that closes a ``<p>`` (a ``<table>`` may not: ``quirks``)."""
        self._close_block((b"p",), _BUTTON_SCOPE, quirks)

    def _close_block(
        self, names: tuple[bytes, ...] | frozenset[bytes], scope: frozenset[bytes], maybe: bool = False
    ) -> None:
        """An end tag of a block of ``names`` (or a start tag that closes one): it closes the innermost, and all
        inside it, if no block of ``scope`` is inside that (or ``maybe`` does)."""
        found = self._find(names, scope)
        if found is None:
            self._close(0)
            self.sure = len(self.blocks)
        elif found >= 0:
            self._close(self.blocks[found][1])
            if maybe:
                self.sure = min(self.sure, found)
            else:
                del self.blocks[found:]

    def _find(self, names: tuple[bytes, ...] | frozenset[bytes], scope: frozenset[bytes]) -> int | None:
        """Where in ``blocks`` the innermost open block of ``names`` in ``scope`` is; -1 if there is none;
        None if the model does not know."""
        if not self.followed:
            return None
        blocks = self.blocks
        for index in range(len(blocks) - 1, max(self.sure, len(blocks) - _SEARCH) - 1, -1):
            name = blocks[index][0]
            if name in names:
                return index
            if name in scope:
                return -1
        return -1 if self.sure == 0 and not self.trimmed and len(blocks) <= _SEARCH else None

    def _push(self, name: bytes, key: bytes) -> None:
        name = _NAMES.get(name, name)
        entry = _Entry(name, key, self.time, self.time)
        alike = self.alike.get(key)
        if alike is None:  # (most tags are unlike any other: no list for them)
            self.alike[key] = entry
        elif isinstance(alike, _Entry):
            self.alike[key] = [alike, entry]
        else:
            if len(alike) >= 3 and alike[-3].pushed > self.marker:  # "Noah's Ark": the eldest of four is dropped
                self._drop(alike[-3])
            alike.append(entry)
        self.entries.append(entry)
        self.named.setdefault(name, []).append(entry)

    def _adopt(self, name: bytes) -> int:
        """The elements the adoption agency may make for an end tag ``name`` (or ``<a>``, ``<nobr>``), run for
        the parser's last entry of that name (or none), which is among the model's.

        With no block made since the eldest of those, it makes nothing: the parser drops its entry, and
        closes its element and what is inside it.  The model drops its last (the parser's, or one it
        dropped already), unless it may precede a marker.  With blocks since, when the model's is the only
        such entry, the last of the list, open, and all the blocks made since are known, the parser moves
        it into each of them (one element each, at most eight), and then drops it (if it has moved into
        fewer than eight) or leaves it somewhere the model does not know.  Else it may close any
        formatting element, and make up to four elements in each block since the eldest entry."""
        named = self.named.get(name)
        if not named:
            return 0
        last = named[-1]
        blocks = self.blocks
        after = len(blocks) - bisect_right(blocks, named[0].pushed, key=_made)
        if self.followed and not after:
            alone = len(named) == 1 and self.entries[-1] is last and last.pushed > self.marker
            floor = named[0].pushed if all(entry.placed for entry in named) else 0
            if last.pushed > self.marker:
                self._drop(last)
            if not alone:  # the parser's may be an earlier one, closing what was made since
                self._close(floor)
            return 0
        if (
            self.followed
            and len(named) == 1
            and self.entries[-1] is last
            and last.placed
            and not self._closed(last)
            and (
                blocks[self.sure - 1][1] < last.pushed if self.sure else not self.trimmed or blocks[0][1] < last.pushed
            )
        ):
            if any(block[0] in _SCOPE for block in blocks[-after:]):
                return 0  # not in scope: the parser does nothing
            if after < _ADOPTION_STEPS:
                self._drop(last)
            else:
                last.made = self.time
                last.placed = False
            return min(after, _ADOPTION_STEPS)
        self._close(0)
        return _ADOPTION_NODES * min(_ADOPTION_STEPS, after if self.followed else _ADOPTION_STEPS)

    def _drop(self, entry: _Entry) -> None:
        """Take ``entry`` out of the list."""
        self.named[entry.name].remove(entry)
        alike = self.alike[entry.key]
        if alike is entry:
            del self.alike[entry.key]
        else:
            alike.remove(entry)  # type: ignore[union-attr]
        if self.entries[-1] is entry:
            self.entries.pop()
        else:
            self.entries.remove(entry)


def _made(block: tuple[bytes, int]) -> int:
    return block[1]


def prune(page: bytes, most: int = sys.maxsize) -> Pruned:
    """``page`` (UTF-8) without the attributes the reader never reads (``page`` itself when it has none to
    drop), and how many nodes lexbor will build of it, or more: each start tag, each ``</p>`` and ``</br>``
    (which make an element when none is open), each run of text, comment and DOCTYPE, the wrappers a table
    part implies, and the formatting elements the parser makes again (:class:`_Reopened`).  That is the
    tree's cost before it is built (docs/performance.md, "Memory per reader").  Past ``most`` nodes the pass
    stops, and the page is given back as it is with the nodes counted so far: a page refused for its tree
    costs no more than the part of it read."""
    view = memoryview(page)
    out = bytearray()
    copied = 0  # page[:copied] is in ``out``
    at = 0
    end = len(page)
    nodes = _DOCUMENT_NODES
    previous = b""  # the last tag read (an end tag: "/td", "/th", "/tr" or "/")
    opened_parts: set[bytes] = set()  # the rows and cells opened since the last <table>
    templated = False  # whether a template was opened
    in_p = False  # whether a ``<p>`` may be open in scope: a ``</p>`` then closes it instead of making one
    rewrite = True  # False once the rest of the page is left as it is (only its nodes are counted)
    active = _Reopened()
    head = True  # whether the body may not have begun
    while at < end:
        if nodes > most:
            return Pruned(page, nodes)
        markup = _MARKUP.search(page, at)
        if markup is None:
            break
        if markup.start() > at:  # text before it
            nodes += 1 + active.reopen() + _split(page, at, markup.start(), head or previous in (b"colgroup", b"col"))
        at, tag, closing = _step(page, markup)
        if tag is None:
            nodes += 1  # a comment, DOCTYPE or bogus comment
            continue
        lower = tag.name.lower()
        if closing:
            if lower == b"p":
                nodes += not in_p
                in_p = False
            elif lower == b"br":
                nodes += 1
            elif in_p and lower in _SPECIAL:
                in_p = False
            nodes += active.end(lower)
            previous = _END_TAGS.get(lower, b"/") if lower in opened_parts else b"/"  # else ignored
            if lower == b"tr" or lower in _SECTIONS:
                opened_parts = set()
            continue
        nodes += 1 + _wrappers(lower, previous)
        if lower in _SECTIONS:  # a cell's or row's end tag after it is ignored
            opened_parts = set()
        elif lower in _END_TAGS:
            opened_parts = {b"tr", lower}
        head = head and lower in _HEAD
        nodes += active.start(lower, page[markup.start() : tag.end] if lower in _FORMATTING else b"")
        in_p = lower == b"p" or (in_p and lower not in _CLOSES_P and lower not in _P_SCOPE)
        templated = templated or lower == b"template"
        previous = lower
        if tag.kept is not None and rewrite:
            out += view[copied : markup.start()]
            out += b"<" + tag.name + b"".join(b" " + attribute for attribute in tag.kept) + b">"
            copied = tag.end
        if lower == b"plaintext" and rewrite and not templated:  # the rest is text (but in SVG or MathML,
            # or in a template's column group, where it is an element or nothing)
            return _pruned(page, out, copied, nodes + (at < end and 1 + active.reopen()))
        if lower == b"frameset":  # a frameset ignores raw text's start tags
            rewrite = active.followed = False
        elif not rewrite:  # raw text, whatever it holds, may be one node (an HTML <style> in <foreignObject>)
            nodes += lower in _RAW or lower == b"script"
            continue
        text_from = at
        if lower == b"script":
            at = _script_end(page, at)
        elif lower in _RAW:
            close_tag = _RAW_END[lower].search(page, at)
            at = end if close_tag is None else close_tag.start()
        elif lower in (b"svg", b"math") and not tag.closes:
            foreign_end = _foreign_end(page, at, lower)
            if foreign_end == end:  # left as it is: its tags are counted as they come
                rewrite = active.followed = False
                continue
            at = foreign_end
            nodes += page.count(b"<", text_from, at) * 2  # at most a node for each tag and what precedes it
            continue
        if at > text_from:  # raw text (lexbor may make formatting elements again even there)
            nodes += 1 + active.reopen()
    if at < end:  # text after the last tag
        nodes += 1 + active.reopen() + _split(page, at, end, head or previous in (b"colgroup", b"col"))
    return _pruned(page, out, copied, nodes)


def _split(page: bytes, at: int, stop: int, split: bool) -> int:
    """1 if the text ``page[at:stop]`` may make two nodes, else 0: in a head or a column group, its leading
    white space stays there and the rest goes to the body or before the table."""
    return split and page[at] in b"\t\n\f\r " and _SPACE.match(page, at).end() < stop  # type: ignore[union-attr]


def _wrappers(tag: bytes, previous: bytes) -> int:
    """The wrappers a start tag ``tag`` after ``previous`` makes (a cell after ``<table>`` makes a table
    body and a row)."""
    wrapped_after = _WRAPPED_AFTER.get(tag)
    if wrapped_after is None or previous in wrapped_after:
        return 0
    return 2 if tag in (b"td", b"th") and previous not in _WRAPPED_AFTER[b"tr"] else 1


def _pruned(page: bytes, out: bytearray, copied: int, nodes: int) -> Pruned:
    if not copied:
        return Pruned(page, nodes)
    out += memoryview(page)[copied:]
    return Pruned(bytes(out), nodes)


def _step(page: bytes, markup: re.Match[bytes]) -> tuple[int, _Tag | None, bool]:
    """Where the markup ``_MARKUP`` found ends, the tag it is (None for a comment, a DOCTYPE and the like,
    and for a tag the page ends in: the parser drops it and all that follows), and whether it is an end tag."""
    kind = markup.group()[1:]
    if kind == b"!--":
        return _comment_end(page, markup.end()), None, False
    if kind == b"/>":  # ``</>`` is dropped
        return markup.end(), None, False
    closing = kind.startswith(b"/")
    if kind in (b"!", b"?", b"/"):  # a bogus comment, up to the next ">"
        close = page.find(b">", markup.end())
        return (len(page) if close < 0 else close + 1), None, False
    tag = _simple_tag(page, markup.start()) or _tag(page, markup.start() + (2 if closing else 1))
    return (len(page) if tag is None else tag.end), tag, closing


def _foreign_end(page: bytes, at: int, root: bytes) -> int:
    """Where the SVG or MathML element ``root`` whose start tag ends at ``at`` ends, read as the parser
    reads foreign content (no raw text; its attributes are left as they are); the end of the page when it
    holds what makes the parser leave foreign content or read HTML inside it (an HTML element such as
    ``<p>``, ``<![CDATA[``, a tag inside ``<foreignObject>`` or ``<title>``, an end tag that closes no open
    element of its own), so that the rest of the page is parsed as it is."""
    open_elements = [root]
    while open_elements:
        markup = _MARKUP.search(page, at)
        if markup is None or page.startswith(b"<![CDATA[", markup.start()):
            break
        at, tag, closing = _step(page, markup)
        if tag is None:
            continue
        name = tag.name.lower()
        if name in _BREAKOUT:
            break
        if closing:  # closes the innermost open element of its name, and those inside it
            if name not in open_elements:
                break
            del open_elements[len(open_elements) - 1 - open_elements[::-1].index(name) :]
        elif open_elements[-1] in _INTEGRATION_POINTS:
            break
        elif not tag.closes:
            open_elements.append(name)
    else:
        return at
    return len(page)


def _script_end(page: bytes, at: int) -> int:
    """Where the text of a ``<script>`` starting at ``at`` ends: at its ``</script``, which inside an escaped
    ``<!--`` part that opened a ``<script`` of its own ends that one instead."""
    state = "data"
    while True:
        found = _SCRIPT_STATES[state].search(page, at)
        if found is None:
            return len(page)
        token = found.group()
        if token[:2] == b"</":
            if state != "double":
                return found.start()
            state, at = "escaped", found.end()
        elif token == b"<!--":
            state, at = "escaped", found.end() - 2  # its dashes may be those of a following "-->"
        elif token == b"-->":
            state, at = "data", found.end()
        else:  # "<script" in escaped text
            state, at = "double", found.end()


def _comment_end(page: bytes, at: int) -> int:
    """Where a comment whose ``<!--`` ends at ``at`` ends (``<!-->`` and ``<!--->`` end at once)."""
    if page.startswith(b">", at):
        return at + 1
    if page.startswith(b"->", at):
        return at + 2
    close = _COMMENT_END.search(page, at)
    return len(page) if close is None else close.end()


def _simple_tag(page: bytes, at: int) -> _Tag | None:
    """What :func:`_tag` says of a start tag at ``at`` written the usual way; None if it is not."""
    simple = _SIMPLE_TAG.match(page, at)
    if simple is None:
        return None
    name = simple.group(1)
    attributes = (
        (found.group(2).lower(), found.group(3) or found.group(4) or found.group(5) or b"", found.group(1))
        for found in _SIMPLE_ATTRIBUTE.finditer(page, simple.start(2), simple.end(2))
    )
    return _Tag(name, simple.end(), _kept(name.lower(), attributes))


def _tag(page: bytes, at: int) -> _Tag | None:
    """The tag whose name starts at ``at``; None if the page ends inside it.  A ``/>`` is not written again
    when attributes are dropped: an HTML element ignores it (only SVG and MathML read it, and their
    attributes are not dropped)."""
    name_end = _TAG_NAME.match(page, at).end()  # type: ignore[union-attr]
    name = page[at:name_end]
    lower = name.lower()
    attributes: list[tuple[bytes, bytes, bytes]] = []  # (lower-case name, value, the attribute's bytes)
    i = name_end
    while True:
        gap = _SEPARATOR.match(page, i).end()  # type: ignore[union-attr]
        if gap >= len(page):
            return None
        if page[gap] == 0x3E:  # ">"
            return _Tag(name, gap + 1, _kept(lower, attributes), gap > i and page[gap - 1] == 0x2F)  # "/>"
        i = gap
        name_stop = _ATTRIBUTE_NAME.match(page, i).end()  # type: ignore[union-attr]
        value = b""
        stop = name_stop
        equals = _SPACE.match(page, name_stop).end()  # type: ignore[union-attr]
        if page.startswith(b"=", equals):
            value_at = _SPACE.match(page, equals + 1).end()  # type: ignore[union-attr]
            quote = page[value_at : value_at + 1]
            if quote in (b'"', b"'"):
                close = page.find(quote, value_at + 1)
                if close < 0:
                    return None
                value, stop = page[value_at + 1 : close], close + 1
            elif quote == b">" or not quote:
                stop = value_at
            else:
                stop = _UNQUOTED.match(page, value_at).end()  # type: ignore[union-attr]
                value = page[value_at:stop]
        attributes.append((page[i:name_stop].lower(), value, page[i:stop]))
        i = stop


def _kept(tag: bytes, attributes: Iterable[tuple[bytes, bytes, bytes]]) -> list[bytes] | None:
    """The attributes (lower-case name, value, as written) of a start tag the reader may read, or None when
    that is all of them."""
    if tag in _WHOLE:
        return None
    kept: list[bytes] = []
    seen: set[bytes] = set()
    count = 0
    for name, value, whole in attributes:
        count += 1
        if name not in seen and _read(tag, name, value):  # a repeated attribute is ignored by the parser
            kept.append(whole)
        seen.add(name)
    return None if len(kept) == count else kept


def _read(tag: bytes, name: bytes, value: bytes) -> bool:
    """Whether the reader (or the tree's building) may read attribute ``name`` of a ``tag`` element."""
    if name in (b"hidden", b"type"):
        return True
    if name in (b"rowspan", b"colspan"):
        return tag in (b"td", b"th")
    if name in (b"width", b"height"):
        return tag in (b"img", b"image") or (tag == b"tr" and name == b"height")
    if name == b"class":
        return b"table" in value.lower()  # a table built of <div>s (html_page.drawn_table)
    if name != b"style":
        return False
    style = value.decode("utf-8", "replace")
    return bool(
        "&" in style  # a character reference: lexbor decodes it, so look at nothing else
        or HIDDEN.search(style)
        or TABLE_STYLE.search(style)
        or (tag in (b"td", b"th") and NO_BORDER.search(style))
        or (tag in (b"img", b"image") and STYLE_SIZE.search(style))
    )
