"""The web page reader leaves out, before lexbor parses a page, the attributes it never reads
(:mod:`govlint.sources.html_prune`, issue #16's memory): the tree it reads must be the one lexbor builds
from the page as published, whatever the markup."""

from __future__ import annotations

import ctypes
import re
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from govlint.errors import InputError
from govlint.sources import html as html_reader
from govlint.sources.html import _icon, _span, read_html
from govlint.sources.html_dom import NO_BORDER, children, skipped
from govlint.sources.html_prune import Pruned, prune


def reader_view(page: bytes) -> list[tuple[Any, ...]]:
    """Every node of lexbor's tree of ``page`` in document order, as the reader sees it: its depth, tag,
    text, and the answers the reader gets from its attributes."""
    tree = LexborHTMLParser(page)
    view: list[tuple[Any, ...]] = []
    stack = [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        tag = node.tag
        if tag in ("-text", "-comment", "_comment"):
            view.append((depth, tag, node.text_content))
            continue
        answers: tuple[Any, ...] = (skipped(node),)
        if tag == "img":
            answers += (_icon(node),)
        if tag in ("td", "th"):
            style = node.attributes.get("style") or ""
            answers += (_span(node, "rowspan"), _span(node, "colspan"), bool(NO_BORDER.search(style)))
        if tag == "tr":
            answers += (node.attributes.get("height"),)
        if tag == "meta":
            answers += (node.attributes.get("name"), node.attributes.get("content"))
        view.append((depth, tag, answers))
        stack.extend((child, depth + 1) for child in reversed(list(children(node))))
    return view


def same_tree(page: bytes) -> None:
    assert reader_view(prune(page).page) == reader_view(page), prune(page).page


CASES = [
    # attributes dropped, those read kept (also repeated, upper-case, unquoted, with character references)
    b'<p class="MsoNormal" lang=EN-US style="font-size:12pt">text</p>',
    b'<p style="color:red" style="display:none">shown: the first style counts</p>',
    b'<p class=a STYLE="DISPLAY : none">hidden</p><p hidden class=b>hidden too</p>',
    b'<p style="display&#58;none">a reference lexbor decodes</p><p style="visibility:hidden">x</p>',
    b'<table><tr height=0 class=x><td style="border:none;width:3pt" width=4></td></tr>'
    b'<tr><td rowspan="2" class=c colspan=3 style="width:1pt">a</td></tr></table>',
    b'<img class=i width=10 style="height: 8px" src=a.png><img style="width:40%" alt=x>',
    b"<p a='x>y' b=\"z>w\" c=u>after quoted values</p>",
    b'<p a="1"b="2" c=3/>unquoted value takes the slash</p><br a="1"/><br a/>',
    b"<p ==x =y a = b>names may start with =</p>",
    b'<p class="unterminated>the page ends inside a tag',
    b"<p class=x",
    # comments, doctype, bogus comments
    b'<!DOCTYPE html PUBLIC "a>b"><p class=x>after</p>',
    b"<!--><p class=a>after an abrupt comment</p>",
    b"<!---><p class=a>after another</p>",
    b"<!-- a --!><p class=a>--!> ends a comment</p>",
    b"<!-- a --!><title>--><span class=x></title>",
    b"<!---><title>--><span class=x></title>",
    b"<!-- a -- > <p class=a> still a comment --><p class=b>after</p>",
    b"<!-- <title> --> <p class=a>x</p>",
    b"<? php <p class=a> ?><p class=b>x</p></ 1 <p class=c>>y</><p class=d>z</p>",
    b"<![CDATA[ <p class=a> ]]><p class=b>x</p>",
    # raw text and escapable raw text
    b"<title>a <b class=x> c</title><p class=y>x</p>",
    b"<title>a</titles><i class=x></title ><p class=y>x</p>",
    b"<textarea><p class=x></textarea><p class=y>x</p>",
    b"<style>p { } <p class=x></style><xmp><p class=y></xmp><p class=z>z</p>",
    b"<noembed><p class=x></noembed><noframes><p class=y></noframes><iframe><p class=z></iframe>",
    b"<plaintext><p class=x>all text from here",
    b"<table><tr><td>a<title><p class=x></title></td></tr></table>",
    b"<select><option class=o selected>x</option><style><b class=y></style></select>",
    # scripts: escaped and double-escaped text
    b"<script>if (a<b) x = '<p class=a>';</script><p class=b>x</p>",
    b"<script><!--<script></script><p class=a>still script</p></script><p class=b>x</p>",
    b"<script><!-- --></script><p class=a>x</p>",
    b"<script><!--></script><p class=a>x</p>",
    b"<script><!--<script>--></script><p class=a>x</p>",
    b"<script><!--<script></script>--></script><p class=a>x</p>",
    b"<SCRIPT><!--<Script/></SCRIPT x='</script>'><p class=a>x</p>",
    # the tree's building depends on these
    b"<b class=1><b class=2><b class=3><b class=4><p>reconstructed</p>",
    b'<body style="color:red"><p>x</p><body style="display:none" class=z>',
    b"<table><input type=hidden class=x><tr><td>a</td></tr></table><input type=text class=y>",
    # SVG and MathML: their attributes kept, no raw text inside, HTML again after them
    b'<p class=a>x<svg class=i viewBox="0 0 9 9"><path d="M0"/><use href="#i"></use></svg><p class=b>y</p>',
    b"<svg><title>icon</title><style><!-- </style><p class=a> --></style></svg><p class=b>z</p>",
    b"<svg><style><p class=x><title><i class=y></style></title></svg><p class=z>z</p>",
    b"<svg><foreignObject><style></foreignObject></style><p class=x>x</p></svg><p class=y>y</p>",
    b"<svg><desc><b class=x>x</b></desc></svg><p class=y>y</p>",
    b"<svg><![CDATA[</svg><title>]]></svg><span class=x>a</span></title><p class=y>y</p>",
    b"<svg/><title><span class=x></title><svg><g></svg><title><span class=y></title>",
    b"<svg><g></G></svg ><p class=x>x</p><SVG><circle/></svg><textarea><p class=y></textarea>",
    b"<svg><g><path d=1/><circle></svg><p class=x>x</p><svg><g></circle></svg><p class=y>y</p>",
    b"<svg><font color=red><p class=x>x</p></font></svg><p class=y>y</p>",
    b"<math><mi class=x>1</mi><mi><p class=y>2</p></mi></math><p class=z>z</p>",
    b"<math><annotation-xml encoding=text/html><style><p class=x></style></annotation-xml></math><p class=y>",
    b"<select><svg><title>x</title><style><!--</style><p class=a>--></svg>y</select><p class=b>z</p>",
    b"<svg><foreignObject><title></svg><span class=x></title>",
    b"<svg><![CDATA[ > </svg> ]]><foreignObject class='x'/><p>read</p></svg>",
    b"<svg/><title></svg><span class=x></title>",
    b"<p class=x>x</p><frameset><style><p class=y></style>",
]


@pytest.mark.parametrize("page", CASES)
def test_tree_is_the_same(page: bytes) -> None:
    same_tree(page)


ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(
    path for folder in ("tests/fixtures", "examples") for path in (ROOT / folder).rglob("*.htm*") if path.is_file()
)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: str(path.relative_to(ROOT)))
def test_tree_of_every_page_in_the_repository_is_the_same(path: Path) -> None:
    same_tree(path.read_bytes())


class _MallInfo2(ctypes.Structure):
    _NAMES = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks")
    _fields_ = [(name, ctypes.c_size_t) for name in (*_NAMES, "keepcost")]


def _c_heap() -> int:
    """The bytes glibc's allocator has handed out (lexbor's DOM lives there, out of tracemalloc's sight)."""
    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = _MallInfo2
    info = libc.mallinfo2()
    return int(info.uordblks + info.hblkhd)


def _dom_bytes(page: bytes) -> int:
    before = _c_heap()
    tree = LexborHTMLParser(page)
    used = _c_heap() - before
    del tree
    return used


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "mallinfo2"), reason="glibc's mallinfo2"
)
def test_dom_of_a_word_export_is_well_under_half() -> None:
    """A page saved by Word, its body repeated to about 1 MB: lexbor's DOM of the pruned page is under half
    of the DOM of the page (about 5× the page against 13×, docs/performance.md)."""
    word = (ROOT / "tests/fixtures/roundtrip/seed000/word.htm").read_bytes()
    body = re.search(rb"<body[^>]*>(.*)</body>", word, re.DOTALL | re.IGNORECASE)
    assert body is not None
    page = word[: body.start(1)] + body.group(1) * 12 + word[body.end(1) :]
    assert _dom_bytes(prune(page).page) < 0.5 * _dom_bytes(page)


def test_drops_what_the_reader_never_reads() -> None:
    page = b'<p class="MsoNormal" lang=EN-US style="font-size:12pt;display:none">a</p><td class=x rowspan=2>'
    assert prune(page).page == b'<p style="font-size:12pt;display:none">a</p><td rowspan=2>'
    assert prune(b"<p>nothing to drop</p>").page == b"<p>nothing to drop</p>"
    icon = b'<svg class=i><path class="p"/><path d=x></svg>'
    assert prune(icon + b"<p class=x>").page == icon + b"<p>"
    assert prune(b"<svg><p class=x></svg><p class=y>").page == b"<svg><p class=x></svg><p class=y>"  # left as it is


_PIECES = st.sampled_from([
    "<p", "<td", "<tr", "<table", "<img", "<b", "<body", "<title", "<script", "<style", "<textarea", "<xmp",
    "</p", "</script", "</title", "</style", "</b", "</td", "</table", "<!--", "-->", "--!>", "<!", "<?", "</",
    ">", "/>", "<", "=", '"', "'", " ", "\n", "-", "x", "一",
    " class=a", " style=display:none", ' style="border: none"', " style='width:2px'", " hidden", " rowspan=2",
    " colspan='3'", " height=0", " width=9", " type=hidden", " lang=zh",
    "<svg", "</svg", "<math", "<g", "</g", "<title", "<desc", "<mi", "</mi", "<![CDATA[", "]]>", "<frameset",
])  # fmt: skip


@given(st.lists(_PIECES, max_size=60).map("".join))
def test_any_markup_gives_the_same_tree(page: str) -> None:
    same_tree(page.encode())


def test_document_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (
        '<html><head><title>某局2024年政府信息公开工作年度报告</title></head><body><div class="nav">首页</div>'
        '<div class="content" style="margin:0"><p class=MsoNormal style="text-indent:2em">一、总体情况</p>'
        '<table class=t border=1><tr class=r><td class=c width=80 style="border:solid">项目</td>'
        "<td rowspan=2 class=c>数量</td></tr><tr><td class=c>本年新收</td></tr></table></div></body></html>"
    ).encode()
    pruned = read_html(page, "page.html")
    monkeypatch.setattr(html_reader, "prune", lambda page, most: Pruned(page, 0))
    assert pruned == read_html(page, "page.html")


def built_nodes(page: bytes) -> int:
    """The nodes of lexbor's tree of ``page``: the document's children and all below them."""
    count = 0
    stack = [LexborHTMLParser(page).root.parent]
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(children(node))
    return count - 1  # the document itself


@pytest.mark.parametrize("path", PAGES, ids=lambda path: str(path.relative_to(ROOT)))
def test_nodes_are_counted_before_the_tree_is_built(path: Path) -> None:
    """The count the page's limit is set from is what lexbor builds, or a few more (never fewer)."""
    pruned = prune(path.read_bytes())
    built = built_nodes(pruned.page)
    assert built <= pruned.nodes <= built + 10


#: Markup without formatting elements (``<b>``, ``<a>`` …), which the parser may make again in each block.
_UNFORMATTED = st.sampled_from([
    "<p", "<td", "<th", "<tr", "<table", "<tbody", "<col", "<colgroup", "<caption", "<div", "<li", "<br",
    "<span", "<img", "<body", "<title", "<script", "<style", "<textarea", "<select", "<option",
    "</p", "</br", "</td", "</tr", "</table", "</div", "</span", "</li", "</title", "</script", "</body",
    "<!--", "-->", "<!", "<?", "</", ">", "/>", "<", "=", '"', " ", "\n", "x", "一", " class=a", " hidden",
    "<svg", "</svg", "<math", "<g", "<desc", "<foreignObject", "<frameset", "<plaintext",
])  # fmt: skip


NODE_CASES = [
    b"</p>",  # an end tag with nothing open makes an element
    b"<p>a</p></p><div><p>b</div></p><p>c<div>d</p><ul><li><p>e<li></p></ul>",  # closed by a block's tags
    b"<!DOCTYPE html><p>a<table></table></p>",  # a table closes a <p> unless in quirks mode
    b"</br>x</br>",
    b"<table><td>a<td>b</table><table><tr><td>c</tr><td>d</table>",  # the tbody and tr a cell implies
    b"<table><col><col><colgroup><col></table>",
    b"<!DOCTYPE html><!-- a --><p>x</p><? b ?></html><!-- c -->",
    b"<title>a</title><style>p{}</style><script>x<y</script><textarea>t</textarea><p>z",
    b'<p>a<svg viewBox="0 0 9 9"><path d="M0"/><title>t</title></svg>b</p><math><mi>1</mi></math>',
    b"<svg><p>html again</p></svg><p>x</p>",
    b"<plaintext><p>all text",
    b"<table><td>a</table>",  # a cell after <table>: a table body and a row
    b"<table></td><td>a</tr><tr></td><td><col></td><td></tbody></td><td>",  # ignored end tags make no row
    b"<p><marquee></p><p><select></p><p><svg><foreignObject></p>",  # out of the <p>'s scope: one more
    b"<svg><p></svg><svg><plaintext><p>x</p><template><col><plaintext></template><p>y",  # not plain text
    b"<title>t</title> x<table><colgroup> y",  # white space stays in the head, or the column group
    # formatting elements made again: in each block after the one they were left open in, in a new cell's
    # table after the table, after the "Noah's Ark" dropped one of four alike, and by the adoption agency
    b"<p><b class=1><i class=2>x</p><p>y</p><div>z</div><ul><li>w</ul>",
    b"<b><b><b><button><b><button>x",
    b"<p><u><table><tr><td>x</td></tr></table>y</p>z",
    b"<b><p>x</b>y</p><p>z",
    b"<a href=1><div><a href=2>x</div>y",
    b"<p><b><i><u><s></p><span>x</span>",
    b"<nobr><p>x<nobr>y</p>",
    # HTML raw text in a <foreignObject> (the rest of the page left as it is): its text is a node
    b"<svg><foreignObject><style></p></style><script></b></script><xmp></i></xmp>",
]


@pytest.mark.parametrize("page", NODE_CASES + CASES)
def test_nodes_of_markup_are_not_undercounted(page: bytes) -> None:
    pruned = prune(page)
    assert built_nodes(pruned.page) <= pruned.nodes


@given(st.lists(_UNFORMATTED, max_size=60).map("".join))
def test_nodes_of_any_markup_are_not_undercounted(page: str) -> None:
    test_nodes_of_markup_are_not_undercounted(page.encode())


def _reopening(formatting: int, blocks: int) -> bytes:
    """A page that leaves ``formatting`` formatting elements open in its first block, each unlike the others
    (so the "Noah's Ark" clause drops none), then has ``blocks`` blocks: the parser makes all of them again
    in each block."""
    return ("<p>" + "".join(f"<b id={i}>" for i in range(formatting)) + "x</p>" + "<p>x</p>" * blocks).encode()


def test_formatting_elements_made_again_are_counted() -> None:
    """A formatting element left open is made again in every later block: the count includes them."""
    page = _reopening(100, 100)
    assert built_nodes(page) > 10_000
    assert prune(page).nodes >= built_nodes(page)


def test_a_page_that_makes_its_formatting_elements_again_is_refused() -> None:
    """34 KB of such markup made 3 million nodes (1.1 GB, 17 s), and was read: refused with one line now,
    before lexbor builds it (this one is smaller, 300,000 nodes)."""
    with pytest.raises(InputError, match="too many elements for its size"):
        read_html(_reopening(300, 1_000), "page.html")


#: Pages that leave formatting elements open across blocks as editors and hands write them (``<font>``
#: around paragraphs, left open, misnested, around a table; bold runs of several spans; links in an
#: ``<em>``): the count stays close to the tree, so that the count of one is never a multiple of the other.
_OPEN_ACROSS_BLOCKS = [
    "<font size=2><p>text</p><p>more</p></font>",
    "<font size=2><p>text</p><p>more</p>",
    "<font color={}><p>text</p><p>more</p>",
    "<font face=宋体 size={}><table><tr><td>a</td><td>b</td></tr></table>",
    "<p class=MsoNormal><b><span lang=EN-US>2024</span><span>年</span></b><span>正文</span></p>",
    "<p><b>x<i>y</b>z</i></p>",
    "<em><a href=x>登录</a> <a href=y>注册</a></em>",
    "<center><b><div>x</div></b></center><blockquote><i><p>y</i></blockquote>",
]


@pytest.mark.parametrize("unit", _OPEN_ACROSS_BLOCKS)
def test_formatting_left_open_across_blocks_is_counted_closely(unit: str) -> None:
    page = "".join(unit.format(i) for i in range(300)).encode()
    built = built_nodes(page)
    assert built <= prune(page).nodes <= built + 10


def _page_of(unit: str, size: int) -> bytes:
    head = "<html><body><p>某局2024年政府信息公开工作年度报告</p><table>"
    return (head + unit * ((size - len(head.encode())) // len(unit.encode())) + "</table></body></html>").encode()


def test_a_dense_report_page_is_read() -> None:
    """600 KB of table rows as pandoc writes them, a node every 8 bytes (a tree of 25 times the page): read."""
    assert "某局" in read_html(_page_of("<tr><td>一</td><td>1</td></tr>", 600_000), "page.html").text


@pytest.mark.parametrize("unit", ["<tr><td>一</td><td>1</td></tr>", "<i></i>", "<td>1</td>", "一<br>", "<!---->"])
def test_a_page_is_refused_when_its_tree_would_cost_over_the_aim(unit: str) -> None:
    """3 MB of such markup would make a tree of 25–50 times the page: refused with one line, before lexbor
    builds it (the tree may cost seven times the page plus a base of 20 MB)."""
    with pytest.raises(InputError, match="too many elements for its size"):
        read_html(_page_of(unit, 3_000_000), "page.html")


def test_the_count_stops_past_the_most_nodes() -> None:
    """A page refused for its tree is read only as far as the nodes it may have: a page of 50 MB of nothing
    but elements costs no more than its first part (the whole pass took seconds)."""
    page = b"<p>x</p>" * 100_000
    assert prune(page).nodes > 200_000
    stopped = prune(page, 1_000)
    assert 1_000 < stopped.nodes < 1_010
    assert stopped.page is page


#: Tag soup of formatting elements (alike and not, so that the "Noah's Ark" clause keeps some and drops
#: others), the blocks, cells and list items that close them and make the parser reopen them, and end tags
#: out of place (the "adoption agency").
_SOUP = st.sampled_from([
    "<b>", "<b class=1>", "<b class=2>", "<i>", "<i id=x>", "<font size=2>", "<font>", "<a href=x>", "<a>",
    "<nobr>", "<u>", "<em>", "<strong>", "<s>", "<tt>", "<big>", "<small>", "<code>", "<strike>",
    "</b>", "</i>", "</font>", "</a>", "</nobr>", "</u>", "</em>", "</strong>", "</code>", "</s>",
    "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<li>", "</li>", "<ul>", "</ul>", "<dd>", "<dt>",
    "<h1>", "</h1>", "<pre>", "<form>", "</form>", "<button>", "</button>", "<blockquote>", "</blockquote>",
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<tbody>", "<caption>", "</caption>",
    "<colgroup>", "<col>", "<object>", "</object>", "<marquee>", "</marquee>", "<applet>", "<template>",
    "</template>", "<select>", "<option>", "</select>", "<input>", "<textarea>x</textarea>", "<xmp>x</xmp>",
    "<br>", "</br>", "<img>", "<hr>", "<center>", "<address>", "<ruby>", "<rt>", "<o:p>", "</o:p>",
    "<svg>", "</svg>", "<math>", "<mi>", "<title>t</title>", "<body>", "</body>", "</html>", "<!-- c -->",
    "x", "x", "x", "一", " ", "\n",
])  # fmt: skip


@given(st.lists(_SOUP, max_size=80).map("".join))
def test_nodes_of_formatting_soup_are_not_undercounted(page: str) -> None:
    test_nodes_of_markup_are_not_undercounted(page.encode())


@pytest.mark.parametrize(
    ("page", "most"),
    [
        (b"<pre>" * 50_000, 100_000),  # blocks nested 50,000 deep: the model keeps the top ones
        (b"<table><tr>" + b"<td>1</td>" * 20_000 + b"</tr></table>", 100_000),
        (b"".join(b"<b id=%d>" % i for i in range(20_000)), 250 * 20_000),  # about what their tree costs
    ],
    ids=["nested blocks", "cells", "distinct formatting"],
)
def test_the_count_holds_little_memory(page: bytes, most: int) -> None:
    """The pass's model of the parser holds a bounded number of blocks, and about as much for an open
    formatting element as the tree would (200 bytes a node); it is let go before the tree is built."""
    tracemalloc.start()
    try:
        prune(page)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < most
