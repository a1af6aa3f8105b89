"""Read a report published as a web page (selectolax, the ``govlint[html]`` extra).

A government page holds much besides the report: navigation, breadcrumbs, share buttons, a footer.  The
reader keeps

1. the page title (the standard ``ArticleTitle`` meta tag, else the first ``<h1>``, else ``<title>``);
2. the metadata shown above the report (索引号, 发布日期, 来源 … as ``label：value`` lines), falling back to
   the standard ``PubDate`` and ``ContentSource`` meta tags of 《政府网站发展指引》;
3. the report itself: the deepest element holding most of the page's non-link text, rendered block by
   block, each ``<table>`` row as one line of its own TAB-separated cells, each with the origin of its
   grid position (``rowspan``/``colspan`` resolved, covered positions not written).

Scripts, styles, forms' controls, frames, ``<nav>`` and hidden elements are dropped.  Finding the report,
its title and metadata is :mod:`govlint.sources.html_page`'s job; this module decodes, parses and writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import islice

from govlint.model import Origin
from govlint.schema import PUBLISH_DATE_FIELDS
from govlint.sources.document import Document
from govlint.sources.extras import require
from govlint.sources.grid import MAX_COLUMNS, SourceCell, layout
from govlint.sources.guard import input_error
from govlint.sources.html_dom import BLOCK, NO_BORDER, STYLE_SIZE, Node, children, plain_text, skipped, text_of
from govlint.sources.html_page import content_root, meta_tags, metadata_lines, page_title
from govlint.sources.html_prune import prune
from govlint.sources.layout import MIN_IMAGE_PIXELS, TextBuilder, clean_cell, clean_line
from govlint.sources.text import Decoded, codec_for, decode_text, refuse_binary

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Containers whose deep nesting makes HTML parsing quadratic (closing tags search the open-element scope).
_NESTING_TAGS = re.compile(
    r"<(/?)(?:div|ul|ol|dl|blockquote|section|article|aside|nav|header|footer|main|fieldset|figure|form|"
    r"center|details|dialog|address|menu|hgroup)\b",
    re.IGNORECASE,
)
#: Deepest nesting of those containers accepted; real pages stay under a hundred.
MAX_NESTING = 2000
#: What lexbor's tree of a page costs: about 200 bytes a node (an element, a text or a comment: 156–217
#: measured with selectolax 1.0), and twice the bytes it parses (its texts and the attributes kept).
DOM_NODE_BYTES = 200
#: The aim (issue #16): peak memory at most ten times the page plus a fixed base.  Beside the tree, reading
#: a page holds the page as read and the bytes lexbor parses (up to 3 times the page); so the tree may cost
#: :data:`DOM_PER_BYTE` times the page plus :data:`DOM_BASE` (``bench_memory.py --allowance``).  A page
#: whose tree would cost more is refused before it is built: a report's page is an element every 70 bytes
#: as Word or a portal writes it (its tree 5 times the page), every 7–10 bytes as pandoc or a hand
#: writes it (18–26 times), which this admits up to about 1 MB, a report of some hundred pages.
DOM_PER_BYTE = 7
DOM_BASE = 20 << 20
#: Tags whose many siblings lexbor parses in quadratic time (measured with selectolax 1.0: 40,000 ``<option>``
#: in one ``<select>`` take 11 s, 20,000 of ``<rb>``, ``<rtc>`` and ``<rp>`` 7 s); a portal's longest
#: drop-down lists some hundreds.  A page with more than :data:`MAX_QUADRATIC_TAGS` of them is refused.
_QUADRATIC_TAGS = re.compile(r"<(?:option|optgroup|rb|rp|rt|rtc)\b", re.IGNORECASE)
MAX_QUADRATIC_TAGS = 10_000
#: Most attributes one element may have: lexbor checks each new one against all before it (40,000 on one
#: ``<p>`` take 5 s).  Only tags of :data:`_LONG_TAG`'s length can hold that many, so only those are counted.
MAX_ATTRIBUTES = 1_000
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{" + str(2 * MAX_ATTRIBUTES) + ",}")
_QUOTED = re.compile(r"=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*)")
#: A pixel size: ``40``, ``40px``, ``40.5 px`` (a percentage or another unit says nothing of the size).
_PIXELS = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*", re.IGNORECASE)
#: What gives a table row's cells (their texts and origins) their place in the file, for a fragment of a
#: file (:func:`write_tables`).
Placer = Callable[[list[str], list[Origin]], list[Origin]]


def read_html(data: bytes, name: str, encoding: str | None = None) -> Document:
    """Read the bytes of a web page (encoding: ``encoding``, else the BOM, the ``<meta charset>``, detection)."""
    decoded, as_read = _decode(data, name, encoding)
    _check_nesting(decoded.text, name)
    codec, replaced = decoded.encoding, decoded.replaced
    # lexbor parses UTF-8: a page that is UTF-8 already is parsed as read, and its decoded text (twice the
    # page for Chinese) is let go before the DOM is built (docs/performance.md, "Memory per reader")
    page = [data if as_read else decoded.text.encode("utf-8", "ignore")]
    del decoded
    return _read(page, len(data), name, codec, replaced)


def read_html_text(text: str, name: str) -> Document:
    """Read a web page already decoded."""
    _check_nesting(text, name)
    page = text.encode("utf-8", "ignore")
    return _read([page], len(page), name, None, ())


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[Decoded, bool]:
    """Valid UTF-8 is UTF-8 whatever the page declares (templates copied from GBK sites keep their old
    ``charset``); otherwise the declared charset, then detection.  A PDF or zip saved as a page is refused
    with what it is.  The flag says whether the text is exactly ``data`` read as UTF-8."""
    refuse_binary(data, name)
    if not encoding and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-8"), "utf-8"), True
        except UnicodeDecodeError:
            pass
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            codec = codec_for(declared.group(1).decode("ascii", "replace"))
            try:
                return Decoded(data.decode(codec), codec), False
            except (UnicodeDecodeError, LookupError):
                pass  # pages lie about their charset: detect instead
    return decode_text(data, name, encoding), False


def _read(page: list[bytes], size: int, name: str, encoding: str | None, replaced: tuple[int, ...]) -> Document:
    """The document of the page whose UTF-8 ``page`` holds, checked by :func:`_check_nesting`, read from
    ``size`` bytes.  ``page`` is emptied, so that lexbor's tree holds the only reference to the page it
    parsed, which is the page without the attributes the reader never reads
    (:mod:`govlint.sources.html_prune`: they were most of the DOM of a page exported from Word)."""
    lexbor = require("selectolax.lexbor", "html", name)
    html = _pruned(page.pop(), size, name)
    tree = lexbor.LexborHTMLParser(html)
    del html
    body = tree.body
    if body is None:
        raise input_error(name, "网页中没有正文", "the page has no body")
    metas = meta_tags(tree)
    root = content_root(body)
    builder = TextBuilder()
    title = page_title(tree, body, metas)
    # the first 300 characters of the report's text, read no further (301 shown: the 300th is followed by
    # whatever comes next, as in the whole text)
    content_head = clean_cell(plain_text(root, enough=301))[:300].replace(" ", "")
    if title and title.replace(" ", "") not in content_head:
        builder.line(title)
    meta_lines = list(metadata_lines(body, root))
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
    return builder.build(name, "html", encoding, replaced)


def write_tables(fragment: str, builder: TextBuilder, tables: int, name: str, place: Placer | None = None) -> int:
    """Write the tables of an HTML fragment (a ``<table>`` a Markdown converter printed) as a page's tables
    are written, their tables numbered from ``tables + 1``; the number of tables written.  lexbor parses the
    pruned fragment, as :func:`_read` does a page (its tree without the attributes never read).  ``place``
    gives each row's cells their place in the file (lexbor's tree does not keep it)."""
    lexbor = require("selectolax.lexbor", "html", name)
    _check_nesting(fragment, name)
    page = fragment.encode("utf-8", "ignore")
    html = _pruned(page, len(page), name)  # refused if its tree would cost over the aim
    del page
    body = lexbor.LexborHTMLParser(html).body
    renderer = _Renderer(builder)
    renderer.tables = tables
    renderer.place = place
    if body is not None:
        renderer.render(body)
    return renderer.tables


def _pruned(page: bytes, size: int, name: str) -> bytes:
    """``page`` pruned (:func:`govlint.sources.html_prune.prune`), once its tree is known to fit the aim."""
    pruned = prune(page, (DOM_PER_BYTE * size + DOM_BASE) // DOM_NODE_BYTES)
    _check_tree(pruned.nodes, len(pruned.page), size, name)
    return pruned.page


def _check_tree(nodes: int, parsed: int, size: int, name: str) -> None:
    """Refuse a page of ``size`` bytes whose tree (``nodes`` nodes of ``parsed`` bytes) would cost more than
    :data:`DOM_PER_BYTE` times the page plus :data:`DOM_BASE`: more elements than its size admits."""
    most = (DOM_PER_BYTE * size + DOM_BASE - 2 * parsed) // DOM_NODE_BYTES
    if nodes > most:
        raise input_error(
            name,
            f"网页元素过多：约 {nodes} 个元素和文字，{size} 字节的网页最多约 {max(most, 0)} 个，无法读取",
            f"the page has too many elements for its size: about {nodes} elements and texts, at most about "
            f"{max(most, 0)} in a page of {size} bytes",
        )


def _check_nesting(html: str, name: str) -> None:
    """Refuse a page nested so deeply that parsing it would take minutes, or with what lexbor parses in
    quadratic time (a hostile or broken page).  All of it is counted with linear scans of the text, before
    lexbor sees it."""
    # counted up to one past the limit, never listed: a list of every match took 15 times the page
    if sum(1 for _ in islice(_QUADRATIC_TAGS.finditer(html), MAX_QUADRATIC_TAGS + 1)) > MAX_QUADRATIC_TAGS:
        raise input_error(
            name,
            f"网页中的选项或注音标签过多（超过 {MAX_QUADRATIC_TAGS} 个），无法读取",
            f"the page has too many option or ruby tags (over {MAX_QUADRATIC_TAGS})",
        )
    for tag in _LONG_TAG.finditer(html):
        if len(_QUOTED.sub("", tag.group()).split()) > MAX_ATTRIBUTES:
            raise input_error(
                name,
                f"网页中有元素的属性过多（超过 {MAX_ATTRIBUTES} 个），无法读取",
                f"an element of the page has too many attributes (over {MAX_ATTRIBUTES})",
            )
    depth = 0
    for match in _NESTING_TAGS.finditer(html):
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        if depth > MAX_NESTING:
            raise input_error(
                name,
                f"网页嵌套层数过深（超过 {MAX_NESTING} 层），无法读取",
                f"the page is nested too deeply (over {MAX_NESTING} levels)",
            )


class _Renderer:
    """Writes a subtree's blocks as lines and its data tables as TAB-separated rows."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.tables = 0
        self.line: list[str] = []
        self.place: Placer | None = None

    def render(self, root: Node) -> None:
        """Write ``root``'s blocks; an empty ``<p>`` (a spacer) is an empty line, as it is in the page.

        The walk follows the tree's links, holding only the open elements (a page's body may have tens of
        thousands of children: a stack of them all was the reader's peak beside the DOM)."""
        ancestors: list[tuple[Node, int]] = []  # open elements, with where their text began (-1: no block)
        node = root
        while True:
            written, descend = self._open(node)
            if descend and node.child is not None:
                ancestors.append((node, written))
                node = node.child
                continue
            self._close(node, written)
            while ancestors and node.next is None:
                node, written = ancestors.pop()
                self._close(node, written)
            if not ancestors:
                break
            node = node.next
        self._flush()

    def _open(self, node: Node) -> tuple[int, bool]:
        """Write what ``node`` holds itself; where its text began if it is a block (else -1), and whether its
        children are still to be written."""
        if skipped(node):
            return -1, False
        tag = node.tag
        if tag == "-text":
            self.line.append(text_of(node))
            return -1, False
        if tag == "table" and self._table(node):
            return -1, False
        if tag == "img":
            if not _icon(node):
                self.builder.image()
            return -1, False
        written = -1
        if tag in BLOCK:
            self._flush()
            written = self.builder.length
        if tag == "pre":
            self.line.append(node.text() or "")
            return written, False
        return written, True

    def _close(self, node: Node, written: int) -> None:
        """After a block's content: end its line; a ``<p>`` that wrote nothing is an empty line."""
        if written >= 0:
            self._flush()
            if node.tag == "p" and self.builder.length == written:
                self.builder.blank()

    def _flush(self) -> None:
        if self.line:
            for part in "".join(self.line).split("\n"):
                self.builder.line(part)
            self.line = []

    def _table(self, table: Node) -> bool:
        """Write a data table; False for a layout table (a nested table, or one column), rendered as blocks.

        A nested table is looked for before any cell's text is taken, so that tables nested thousands deep
        cost one look each, not a walk of everything below them.  The rows are walked again for each step
        rather than kept: a table of a hundred thousand short cells held a node, a text and a record per
        cell, more than lexbor's tree of it (docs/performance.md, "Memory per reader")."""
        if any(cell.css_first("table") is not None for cells in _row_cells(table) for cell in cells):
            return False
        count = widest = 0
        for cells in _row_cells(table):
            if not _width_row(cells):
                count += 1
                widest = max(widest, sum(not skipped(cell) for cell in cells))
        if widest < 2:
            return False
        self._flush()
        self.tables += 1
        caption = table.css_first("caption")
        self.builder.blank()
        if any(not skipped(image) and not _icon(image) for image in table.css("img")):
            self.builder.image()  # a picture in a cell: a table's screenshot laid out beside its caption
        if caption is not None:
            self.builder.line(clean_line(plain_text(caption)))
        source_rows = (
            [
                SourceCell(plain_text(cell), _span(cell, "rowspan"), _span(cell, "colspan"))
                for cell in cells
                if not skipped(cell)
            ]
            for cells in _row_cells(table)
            if not _width_row(cells)
        )
        for texts, origins in layout(source_rows, count, self.tables):
            if texts:  # a row of empty cells is written: its cells are empty in the source, not unread
                self.builder.row(texts, origins if self.place is None else self.place(texts, origins))
        self.builder.blank()
        return True


def _icon(image: Node) -> bool:
    """Whether an ``<img>`` declares a side under :data:`MIN_IMAGE_PIXELS` (its attributes or its style): an
    icon, a bullet or a tracker.  An image that declares no size may be anything, a table's picture too."""
    attributes = image.attributes
    sizes = [attributes.get("width") or "", attributes.get("height") or ""]
    sizes.extend(value for _, value in STYLE_SIZE.findall(attributes.get("style") or ""))
    for size in sizes:
        pixels = _PIXELS.fullmatch(size)
        if pixels is not None and float(pixels.group(1)) < MIN_IMAGE_PIXELS:
            return True
    return False


def _rows(table: Node) -> Iterator[Node]:
    """The table's own rows (not those of a nested table) in the order a browser shows them: a ``<tfoot>``'s
    rows last, wherever it stands (HTML 4 put it before ``<tbody>``; read in place, a 总计 row printed
    there was read as the table's first row)."""
    footers: list[Node] = []
    for child in children(table):
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody"):
            yield from (row for row in children(child) if row.tag == "tr")
        elif child.tag == "tfoot":
            footers.append(child)
    for footer in footers:
        yield from (row for row in children(footer) if row.tag == "tr")


def _row_cells(table: Node) -> Iterator[list[Node]]:
    """Each of the table's own rows as its first :data:`MAX_COLUMNS` cells, shown or not."""
    return (list(islice(_cells(row), MAX_COLUMNS)) for row in _rows(table))


def _cells(row: Node) -> Iterator[Node]:
    """A row's cells (``<td>``, ``<th>``), shown or not."""
    return (cell for cell in children(row) if cell.tag in ("td", "th"))


def _width_row(cells: list[Node]) -> bool:
    """Word's hidden row of column widths (``<tr height=0>``, borderless empty cells): not a table row."""
    if not cells or any(plain_text(cell).strip() for cell in cells):
        return not cells
    height = (cells[0].parent.attributes.get("height") or "").strip()
    return height == "0" or all(NO_BORDER.search(cell.attributes.get("style") or "") for cell in cells)


def _span(cell: Node, attribute: str) -> int:
    value = (cell.attributes.get(attribute) or "1").strip()
    digits = re.match(r"\d+", value)
    return int(digits.group()) if digits and int(digits.group()) > 0 else 1
