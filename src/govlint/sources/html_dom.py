"""Helpers over a selectolax DOM: which nodes are shown, children in order, the visible text of a subtree.

Traversals are iterative, so a deeply nested page cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

Node = Any  # a selectolax node; selectolax ships no type information

#: Elements whose content is never part of the report: code, forms' controls, frames, media, navigation.
SKIP = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg",
    "canvas", "select", "button", "input", "textarea", "nav", "head", "title", "audio", "video", "map", "math",
    "-comment", "_comment",
})  # fmt: skip
#: Elements that start and end a line.
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "ul", "br",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col",
})  # fmt: skip
#: A ``style`` that hides its element; one that says a cell has no border (Word's row of column widths); an
#: image's declared width or height.
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
NO_BORDER = re.compile(r"border\s*:\s*none", re.IGNORECASE)
STYLE_SIZE = re.compile(r"(?<![-\w])(width|height)\s*:\s*([^;]*)", re.IGNORECASE)
#: A style that draws an element as a table: ``display: table`` or ``grid`` (a portal's table of ``<div>``s).
TABLE_STYLE = re.compile(r"display\s*:\s*(?:inline-)?(?:table|grid)\b", re.IGNORECASE)
#: HTML collapses runs of ASCII white space (not U+00A0, the &nbsp; that pages use to indent and align).
SPACES = re.compile(r"[ \t\n\r\f]+")


def skipped(node: Node) -> bool:
    """Whether a node is not shown: a :data:`SKIP` element, or hidden by ``hidden`` or its style."""
    tag = node.tag
    if tag in SKIP:
        return True
    if tag == "-text":
        return False
    attributes = node.attributes
    return "hidden" in attributes or bool(HIDDEN.search(attributes.get("style") or ""))


def children(node: Node) -> Iterator[Node]:
    """A node's children, text nodes included, in order."""
    child = node.child
    while child is not None:
        yield child
        child = child.next


def text_of(node: Node) -> str:
    """A text node's text with HTML's white-space collapsing."""
    return SPACES.sub(" ", node.text_content or "")


def plain_text(node: Node, enough: int | None = None) -> str:
    """The visible text of a subtree, blocks and cells separated by spaces (for a table cell); with
    ``enough``, only its beginning, up to where it holds that many characters that are not white space."""
    parts: list[str] = []
    shown = 0
    stack = [node]
    while stack:
        current = stack.pop()
        if skipped(current):
            continue
        if current.tag == "-text":
            parts.append(text_of(current))
            if enough is not None:
                shown += len("".join(parts[-1].split()))
                if shown >= enough:
                    break
            continue
        if current.tag in BLOCK:
            parts.append(" ")
        stack.extend(reversed(list(children(current))))
    return "".join(parts)
