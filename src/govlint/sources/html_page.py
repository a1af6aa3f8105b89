"""The anatomy of a government web page: where the report is, its title, the metadata shown above it.

- The report is the deepest element holding at least :data:`CONTENT_SHARE` of the page's non-link text,
  never inside a single paragraph, list or table (also a table built of ``<div>``s: :func:`drawn_table`, or
  of bare ``<div>``s: :func:`div_rows`), nor an element that only wraps one.
- The title is the standard ``ArticleTitle`` meta tag (《政府网站发展指引》), else the first ``<h1>``, else the
  part of ``<title>`` before ``_``.
- The metadata are the ``label：value`` pairs before the report whose labels are
  :data:`govlint.schema.METADATA_FIELDS` (also spaced out: ``文    号``; also a label cell and a value cell).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from govlint.schema import METADATA_FIELDS
from govlint.sources.html_dom import BLOCK, TABLE_STYLE, Node, children, plain_text, skipped, text_of
from govlint.sources.layout import clean_cell

#: A cell of a table of bare ``<div>``s holds at most this many elements and characters (a label, a number).
_CELL_NODES = 32
_CELL_CHARS = 120
#: A cell holding a count or an amount.
_NUMBER = re.compile(r"[0-9０-９][0-9０-９.,，]*")
#: The share of the page's non-link text the report's element must hold.
CONTENT_SHARE = 0.6
#: Blocks the report's element is never inside: a report is more than one paragraph, list or table.
_LEAF_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "pre", "table", "thead", "tbody", "tfoot", "tr"}
)
_META_LABEL = "|".join(
    "[ \u3000\u00a0]*".join(re.escape(char) for char in name) for name in sorted(METADATA_FIELDS, key=len, reverse=True)
)
_META_PAIR = re.compile(f"({_META_LABEL})[ \u3000\u00a0]*[：:]")
_META_ALONE = re.compile(f"({_META_LABEL})[ \u3000\u00a0]*[：:]?")


def meta_tags(tree: Any) -> dict[str, str]:
    """The page's ``<meta name=… content=…>`` values by lower-case name (the first of each)."""
    found: dict[str, str] = {}
    for node in tree.css("meta[name]"):
        key = (node.attributes.get("name") or "").strip().lower()
        value = clean_cell(node.attributes.get("content") or "")
        if key and value and key not in found:
            found[key] = value
    return found


def page_title(tree: Any, body: Node, metas: dict[str, str]) -> str:
    """The report's title as the page gives it, or an empty string."""
    if metas.get("articletitle"):
        return metas["articletitle"]
    heading = body.css_first("h1")
    if heading is not None and clean_cell(plain_text(heading)):
        return clean_cell(plain_text(heading))
    node = tree.css_first("title")
    return re.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", clean_cell(node.text()))[0] if node is not None else ""


def content_root(body: Node) -> Node:
    """The deepest element holding at least :data:`CONTENT_SHARE` of the page's non-link text.

    Such elements form one chain down from ``body`` (two disjoint subtrees cannot both hold more than half),
    so two walks find it without a record per node: one sums the text, the next keeps the chain.
    """
    total, _ = _weigh(body, float("inf"))
    chain = {node.mem_id for node in _weigh(body, CONTENT_SHARE * total)[1]} if total else None
    root = body
    wraps: dict[int, bool] = {}
    while True:
        heavy = next(
            (
                child
                for child in children(root)
                if child.tag != "-text" and (chain is None or child.mem_id in chain)  # no text: every child weighs 0
            ),
            None,
        )
        if heavy is None or _leaf(heavy) or _wraps_one_block(heavy, wraps):
            return root
        root = heavy


def _leaf(node: Node) -> bool:
    """Whether ``node`` is one paragraph, list or table, which the report is more than."""
    return node.tag in _LEAF_BLOCKS or drawn_table(node) or div_rows(node)


def div_rows(node: Node) -> bool:
    """Whether ``node`` is a table of bare ``<div>``s (rows of cells, no class or style saying so): a
    ``<div>`` of at least two ``<div>`` rows, each of ``<div>`` cells holding a short text and no ``<div>``,
    one row with two cells or more and one cell a number (so that a report's sections of short paragraphs,
    each a ``<div>``, are not a table).  Taken for the report (the applications table holds most of a report's
    text), such a table left out every section heading: all six sections missing, and GL103."""
    rows = _div_children(node)
    if rows is None or len(rows) < 2:
        return False
    widest, number = 0, False
    for row in rows:
        cells = _div_children(row)
        texts = [_cell_text(cell) for cell in cells or ()]
        if not texts or None in texts:
            return False
        widest = max(widest, len(texts))
        number = number or any(_NUMBER.fullmatch(text or "") for text in texts)
    return widest >= 2 and number


def _div_children(node: Node) -> list[Node] | None:
    """A ``<div>``'s shown children when every one is a ``<div>`` (white space aside), else None."""
    if node.tag != "div":
        return None
    found: list[Node] = []
    for child in children(node):
        if skipped(child) or (child.tag == "-text" and not (child.text_content or "").strip()):
            continue
        if child.tag != "div":
            return None
        found.append(child)
    return found


def _cell_text(cell: Node) -> str | None:
    """``cell``'s text without white space when it holds at most :data:`_CELL_NODES` elements, none a
    ``<div>``, and at most :data:`_CELL_CHARS` characters; else None (a look at that many nodes at most, so a
    deep page is not walked once per level above it)."""
    stack, seen = list(children(cell)), 0
    while stack:
        current = stack.pop()
        seen += 1
        if seen > _CELL_NODES or current.tag == "div":
            return None
        stack.extend(children(current))
    text = "".join(plain_text(cell).split())
    return text if len(text) <= _CELL_CHARS else None


def drawn_table(node: Node) -> bool:
    """Whether ``node`` is a table built of ``<div>``s: styled ``display: table`` or ``grid``, or of a class
    naming a table (``div-table``, ``xxgk_table``: the style is then in the page's stylesheet).  A report with
    little prose has its applications table hold most of its text; taken for the report, such a table left
    out every section heading and the other tables."""
    attributes = node.attributes
    if TABLE_STYLE.search(attributes.get("style") or ""):
        return True
    return any("table" in token for token in (attributes.get("class") or "").lower().split())


def _wraps_one_block(node: Node, known: dict[int, bool]) -> bool:
    """Whether ``node`` only wraps one paragraph, list or table (Word's ``<div align=center>`` around each
    table): a report with little prose has its applications table hold most of its text, and the report is
    still more than that table.

    Every element on the way down shares the answer; ``known`` keeps it by ``mem_id``, so that the walk
    down a page nested thousands deep looks at each element once, not once per level above it.
    """
    passed: list[int] = []
    answer = True
    while not _leaf(node):
        if node.mem_id in known:
            answer = known[node.mem_id]
            break
        passed.append(node.mem_id)
        shown = _shown_children(node)
        if len(shown) != 1 or shown[0].tag == "-text":
            answer = False
            break
        node = shown[0]
    known.update(dict.fromkeys(passed, answer))
    return answer


def _shown_children(node: Node) -> list[Node]:
    """Up to two children shown (more than one is all :func:`_wraps_one_block` needs to know)."""
    shown: list[Node] = []
    for child in children(node):
        if not skipped(child) and not (child.tag == "-text" and not (child.text_content or "").strip()):
            shown.append(child)
            if len(shown) > 1:
                break
    return shown


def _weigh(body: Node, threshold: float) -> tuple[int, list[Node]]:
    """The non-link text length of ``body`` (white space aside), and the shown elements whose own such
    length is at least ``threshold``.  The walk follows the tree's links, holding only the open elements."""
    open_nodes: list[Node] = [body]
    sums = [0]
    in_link = [False]
    heavy: list[Node] = []
    node = body.child
    while open_nodes:
        if node is None:  # the innermost open element is complete
            closed = open_nodes.pop()
            weight = sums.pop()
            in_link.pop()
            if weight >= threshold:
                heavy.append(closed)
            if sums:
                sums[-1] += weight
            node = closed.next if open_nodes else None
            continue
        if skipped(node):
            node = node.next
        elif node.tag == "-text":
            if not in_link[-1]:
                sums[-1] += len("".join((node.text_content or "").split()))
            node = node.next
        else:
            open_nodes.append(node)
            sums.append(0)
            in_link.append(in_link[-1] or node.tag == "a")
            node = node.child
    return weight, heavy


def metadata_lines(body: Node, root: Node) -> Iterator[str]:
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
        for child in children(parent):
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
        if skipped(current) or tag == "a":
            continue
        if tag == "-text":
            line.append(text_of(current))
            continue
        if tag == "tr":
            if line:
                yield ["".join(line)]
                line = []
            yield [plain_text(cell) for cell in children(current) if cell.tag in ("td", "th")]
            continue
        if tag in BLOCK:
            if line:
                yield ["".join(line)]
                line = []
            stack.append((current, True))
        stack.extend((child, False) for child in reversed(list(children(current))))
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
