"""Read a report published as a web page (selectolax, the ``govlint[html]`` extra).

A government page holds much besides the report: navigation, breadcrumbs, share buttons, a footer.  The
reader keeps

1. the page title (the standard ``ArticleTitle`` meta tag, else the first ``<h1>``, else ``<title>``);
2. the metadata shown above the report (索引号, 发布日期, 来源 … as ``label：value`` lines), falling back to
   the standard ``PubDate`` and ``ContentSource`` meta tags of 《政府网站发展指引》;
3. the report itself: the deepest element holding most of the page's non-link text, rendered block by
   block, each ``<table>`` row as one line of TAB-separated cells with ``rowspan``/``colspan`` honoured.

Scripts, styles, forms, frames, ``<nav>`` and hidden elements are dropped.  Traversal is iterative, so a
deeply nested page cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from govlint.schema import METADATA_FIELDS, PUBLISH_DATE_FIELDS
from govlint.sources.document import Document
from govlint.sources.extras import require
from govlint.sources.grid import SourceCell, layout
from govlint.sources.guard import input_error
from govlint.sources.layout import TextBuilder, clean_cell, clean_line
from govlint.sources.text import codec_for, decode_text

Node = Any  # a selectolax node; selectolax ships no type information

_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "svg",
        "canvas",
        "select",
        "button",
        "input",
        "textarea",
        "nav",
        "head",
        "title",
        "audio",
        "video",
        "map",
        "math",
        "-comment",
        "_comment",
    ]
)
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
    ]
)
#: Blocks the report's element is never inside: a report is more than one paragraph, list or table.
_LEAF_BLOCKS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "pre", "table", "thead", "tbody", "tfoot", "tr"]
)
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: HTML collapses runs of ASCII white space (not U+00A0, the &nbsp; that pages use to indent and align).
_SPACES = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: ``label：value`` in page metadata, the labels of :data:`govlint.schema.METADATA_FIELDS` (also spaced out:
#: ``文    号``).
_META_LABEL = "|".join(
    "[ \u3000\u00a0]*".join(re.escape(char) for char in name) for name in sorted(METADATA_FIELDS, key=len, reverse=True)
)
_META_PAIR = re.compile(f"({_META_LABEL})[ \u3000\u00a0]*[：:]")
_META_ALONE = re.compile(f"({_META_LABEL})[ \u3000\u00a0]*[：:]?")
#: Containers whose deep nesting makes HTML parsing quadratic (closing tags search the open-element scope).
_NESTING_TAGS = re.compile(
    r"<(/?)(?:div|ul|ol|dl|blockquote|section|article|aside|nav|header|footer|main|fieldset|figure|form|"
    r"center|details|dialog|address|menu|hgroup)\b",
    re.IGNORECASE,
)
#: Deepest nesting of those containers accepted; real pages stay under a hundred.
MAX_NESTING = 2000
#: The share of the page's non-link text the report's element must hold.
_CONTENT_SHARE = 0.6


def read_html(data: bytes, name: str, encoding: str | None = None) -> Document:
    """Read the bytes of a web page (encoding: ``encoding``, else the BOM, the ``<meta charset>``, detection)."""
    text, used = _decode(data, name, encoding)
    return _read(text, name, used)


def read_html_text(text: str, name: str) -> Document:
    """Read a web page already decoded."""
    return _read(text, name, None)


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """Valid UTF-8 is UTF-8 whatever the page declares (templates copied from GBK sites keep their old
    ``charset``); otherwise the declared charset, then detection."""
    if not encoding and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            codec = codec_for(declared.group(1).decode("ascii", "replace"))
            try:
                return data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                pass  # pages lie about their charset: detect instead
    return decode_text(data, name, encoding)


def _read(html: str, name: str, encoding: str | None) -> Document:
    lexbor = require("selectolax.lexbor", "html", name)
    _check_nesting(html, name)
    tree = lexbor.LexborHTMLParser(html)
    body = tree.body
    if body is None:
        raise input_error(name, "网页中没有正文", "the page has no body")
    metas = _meta_tags(tree)
    root = _content_root(body)
    builder = TextBuilder()
    title = metas.get("articletitle") or _first_text(body, "h1") or _page_title(tree)
    content_head = clean_cell(_plain_text(root))[:300].replace(" ", "")
    if title and title.replace(" ", "") not in content_head:
        builder.line(title)
    meta_lines = list(_metadata_lines(body, root))
    published = metas.get("pubdate")
    if published and not any(line.startswith(PUBLISH_DATE_FIELDS) for line in meta_lines):
        meta_lines.append(f"{PUBLISH_DATE_FIELDS[-1]}：{published}")  # 《政府网站发展指引》: PubDate = 发布时间
    source = metas.get("contentsource")
    if source and not any(source in line for line in meta_lines):
        meta_lines.append(f"来源：{source}")
    for line in meta_lines:
        builder.line(line)
    builder.blank()
    builder.text_seen = False
    _Renderer(builder).render(root)
    if not builder.text_seen:
        raise input_error(name, "网页中没有可读取的文字", "no text found in the page")
    return builder.build(name, "html", encoding)


def _check_nesting(html: str, name: str) -> None:
    """Refuse a page nested so deeply that parsing it would take minutes (a hostile or broken page)."""
    depth = 0
    for match in _NESTING_TAGS.finditer(html):
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        if depth > MAX_NESTING:
            raise input_error(
                name,
                f"网页嵌套层数过深（超过 {MAX_NESTING} 层），无法读取",
                f"the page is nested too deeply (over {MAX_NESTING} levels)",
            )


def _meta_tags(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta[name]"):
        key = (node.attributes.get("name") or "").strip().lower()
        value = clean_cell(node.attributes.get("content") or "")
        if key and value and key not in found:
            found[key] = value
    return found


def _page_title(tree: Any) -> str:
    node = tree.css_first("title")
    if node is None:
        return ""
    return re.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", clean_cell(node.text()))[0]


def _first_text(body: Node, tag: str) -> str:
    node = body.css_first(tag)
    return clean_cell(_plain_text(node)) if node is not None else ""


def _skipped(node: Node) -> bool:
    tag = node.tag
    if tag in _SKIP:
        return True
    if tag == "-text":
        return False
    attributes = node.attributes
    return "hidden" in attributes or bool(_HIDDEN.search(attributes.get("style") or ""))


def _children(node: Node) -> Iterator[Node]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _content_root(body: Node) -> Node:
    """The deepest element holding at least :data:`_CONTENT_SHARE` of the page's non-link text."""
    weights: dict[int, int] = {}
    order: list[tuple[Node, Node | None]] = []
    stack: list[tuple[Node, Node | None, bool]] = [(body, None, False)]
    while stack:
        node, parent, in_link = stack.pop()
        if _skipped(node):
            continue
        order.append((node, parent))
        if node.tag == "-text":
            weights[node.mem_id] = 0 if in_link else len("".join((node.text_content or "").split()))
            continue
        weights[node.mem_id] = 0
        link = in_link or node.tag == "a"
        stack.extend((child, node, link) for child in reversed(list(_children(node))))
    for node, parent in reversed(order):
        if parent is not None:
            weights[parent.mem_id] += weights[node.mem_id]
    total = weights[body.mem_id]
    root = body
    while True:
        heavy = [
            child
            for child in _children(root)
            if child.tag != "-text" and weights.get(child.mem_id, 0) >= _CONTENT_SHARE * total
        ]
        if not heavy or heavy[0].tag in _LEAF_BLOCKS:
            return root
        root = heavy[0]


def _metadata_lines(body: Node, root: Node) -> Iterator[str]:
    """``label：value`` lines found before the report's element (page metadata such as 索引号, 发布日期)."""
    for node in _preceding(body, root):
        for cells in _block_texts(node):
            yield from _pairs(cells)


def _preceding(body: Node, root: Node) -> Iterator[Node]:
    """The subtrees that come before ``root`` in document order and do not contain it."""
    chain: list[Node] = []
    node = root
    while node is not None and node.mem_id != body.mem_id:
        chain.append(node)
        node = node.parent
    parent = body
    for ancestor in reversed(chain):
        for child in _children(parent):
            if child.mem_id == ancestor.mem_id:
                break
            yield child
        parent = ancestor


def _block_texts(node: Node) -> Iterator[list[str]]:
    """The non-link text of a subtree as blocks: each table row as its cells, each other block as one cell."""
    line: list[str] = []
    stack: list[tuple[Node, bool]] = [(node, False)]
    while stack:
        current, leaving = stack.pop()
        tag = current.tag
        if leaving:
            if line:
                yield ["".join(line)]
                line = []
            continue
        if _skipped(current) or tag == "a":
            continue
        if tag == "-text":
            line.append(_SPACES.sub(" ", current.text_content or ""))
            continue
        if tag == "tr":
            if line:
                yield ["".join(line)]
                line = []
            yield [_plain_text(cell) for cell in _children(current) if cell.tag in ("td", "th")]
            continue
        if tag in _BLOCK or tag in _TABLE_PARTS or tag == "br":
            if line:
                yield ["".join(line)]
                line = []
            stack.append((current, True))
        stack.extend((child, False) for child in reversed(list(_children(current))))
    if line:
        yield ["".join(line)]


def _pairs(cells: list[str]) -> Iterator[str]:
    """Split cells into ``label：value`` pairs; a label alone in a cell takes the next cell as its value."""
    pending = ""
    for raw in cells:
        text = clean_cell(raw)
        alone = _META_ALONE.fullmatch(text)
        if pending and text and not alone:
            yield f"{pending}：{text}"
            pending = ""
            continue
        if alone:
            pending = _squeeze(alone.group(1))
            continue
        pending = ""
        matches = list(_META_PAIR.finditer(text))
        if not matches or matches[0].start() != 0:
            continue
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
            value = text[match.end() : end].strip()
            if any(char.isalnum() for char in value):
                yield f"{_squeeze(match.group(1))}：{value}"


def _squeeze(label: str) -> str:
    """A label without the spaces that align it (``文    号`` -> ``文号``)."""
    return "".join(label.split())


def _plain_text(node: Node) -> str:
    """The visible text of a subtree, blocks and cells separated by spaces (for a table cell)."""
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if _skipped(current):
            continue
        tag = current.tag
        if tag == "-text":
            parts.append(_SPACES.sub(" ", current.text_content or ""))
            continue
        if tag in _BLOCK or tag in _TABLE_PARTS or tag == "br":
            parts.append(" ")
        stack.extend(reversed(list(_children(current))))
    return "".join(parts)


class _Renderer:
    """Writes a subtree's blocks as lines and its data tables as TAB-separated rows."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.tables = 0
        self.line: list[str] = []

    def render(self, root: Node) -> None:
        """Write ``root``'s blocks; an empty ``<p>`` (a spacer) is an empty line, as it is in the page."""
        stack: list[tuple[Node, int]] = [(root, -1)]
        while stack:
            node, written = stack.pop()
            if written >= 0:
                self._flush()
                if node.tag == "p" and self.builder.length == written:
                    self.builder.blank()
                continue
            if _skipped(node):
                continue
            tag = node.tag
            if tag == "-text":
                self.line.append(_SPACES.sub(" ", node.text_content or ""))
                continue
            if tag == "table" and self._table(node):
                continue
            if tag == "br" or tag in _BLOCK or tag in _TABLE_PARTS:
                self._flush()
                stack.append((node, self.builder.length))
            if tag == "pre":
                self.line.append(node.text() or "")
                continue
            stack.extend((child, -1) for child in reversed(list(_children(node))))
        self._flush()

    def _flush(self) -> None:
        if self.line:
            for part in "".join(self.line).split("\n"):
                self.builder.line(part)
            self.line = []

    def _table(self, table: Node) -> bool:
        """Write a data table; False for a layout table (a nested table, or one column), rendered as blocks."""
        rows = [
            [cell for cell in _children(row) if cell.tag in ("td", "th") and not _skipped(cell)] for row in _rows(table)
        ]
        if not rows or max(len(cells) for cells in rows) < 2 or len(table.css("table")) > 1:
            return False
        self._flush()
        self.tables += 1
        caption = table.css_first("caption")
        self.builder.blank()
        if caption is not None:
            self.builder.line(clean_line(_plain_text(caption)))
        source_rows = [
            [SourceCell(_plain_text(cell), _span(cell, "rowspan"), _span(cell, "colspan")) for cell in cells]
            for cells in rows
        ]
        for texts, origins in layout(source_rows, self.tables):
            self.builder.row(texts, origins)
        self.builder.blank()
        return True


def _rows(table: Node) -> Iterator[Node]:
    """The table's own rows (not those of a nested table), in order."""
    for child in _children(table):
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in _children(child) if row.tag == "tr")


def _span(cell: Node, attribute: str) -> int:
    value = (cell.attributes.get(attribute) or "1").strip()
    digits = re.match(r"\d+", value)
    return int(digits.group()) if digits and int(digits.group()) > 0 else 1
