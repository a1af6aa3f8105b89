"""Drop, before lexbor parses a page, the attributes the reader never reads.

lexbor keeps every attribute of every element: a record of about a hundred bytes and a copy of its value.
A page exported from Word or LibreOffice gives each paragraph, run and cell a ``class``, a ``lang`` and a
``style`` of fonts and margins, and its DOM is 13–16 times the page (docs/performance.md, "Memory per
reader").  The reader looks at few attributes: ``hidden`` and a ``style`` that hides (everywhere), a
cell's spans and ``border:none``, a row's ``height``, an image's size, a ``<meta>``'s name and content.
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
from collections.abc import Iterable
from typing import NamedTuple

from govlint.sources.html_dom import HIDDEN, NO_BORDER, STYLE_SIZE

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


def prune(page: bytes, most: int = sys.maxsize) -> Pruned:
    """``page`` (UTF-8) without the attributes the reader never reads (``page`` itself when it has none to
    drop), and how many nodes lexbor will build of it: each start tag, each ``</p>`` and ``</br>`` (which
    make an element when none is open), each run of text, comment and DOCTYPE, and the wrappers a table
    part implies.  That is the tree's cost before it is built (docs/performance.md, "Memory per reader");
    elements the parser makes again (the "active formatting elements" reopened in each new block) are
    not counted, and are bounded by the worker's memory limit.  Past ``most`` nodes the pass stops, and
    the page is given back as it is with the nodes counted so far: a page refused for its tree costs no
    more than the part of it read."""
    view = memoryview(page)
    out = bytearray()
    copied = 0  # page[:copied] is in ``out``
    at = 0
    end = len(page)
    nodes = _DOCUMENT_NODES
    previous = b""  # the last tag read (an end tag: "/td", "/th", "/tr" or "/")
    in_p = False  # whether a ``<p>`` may be open: a ``</p>`` then closes it instead of making one
    rewrite = True  # False once the rest of the page is left as it is (only its nodes are counted)
    while at < end:
        if nodes > most:
            return Pruned(page, nodes)
        markup = _MARKUP.search(page, at)
        if markup is None:
            break
        nodes += markup.start() > at  # text before it
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
            previous = _END_TAGS.get(lower, b"/")
            continue
        nodes += 1 + (lower in _WRAPPED_AFTER and previous not in _WRAPPED_AFTER[lower])
        in_p = lower == b"p" or (in_p and lower not in _CLOSES_P)
        previous = lower
        if tag.kept is not None and rewrite:
            out += view[copied : markup.start()]
            out += b"<" + tag.name + b"".join(b" " + attribute for attribute in tag.kept) + b">"
            copied = tag.end
        if lower == b"plaintext":  # the rest is text
            return _pruned(page, out, copied, nodes + (at < end))
        if lower == b"frameset":  # a frameset ignores raw text's start tags
            rewrite = False
        elif not rewrite:
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
                rewrite = False
                continue
            at = foreign_end
            nodes += page.count(b"<", text_from, at) * 2  # at most a node for each tag and what precedes it
            continue
        nodes += at > text_from  # raw text
    return _pruned(page, out, copied, nodes + (at < end))


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
    if name != b"style":
        return False
    style = value.decode("utf-8", "replace")
    return bool(
        "&" in style  # a character reference: lexbor decodes it, so look at nothing else
        or HIDDEN.search(style)
        or (tag in (b"td", b"th") and NO_BORDER.search(style))
        or (tag in (b"img", b"image") and STYLE_SIZE.search(style))
    )
