"""Compilations (汇编): one file holding several bodies' reports, split into one document per report.

Regions publish their bodies' annual reports together, as one PDF, web page or text file: a cover, perhaps a
table of contents, then each report under its own title line.  Read as one report, its tables would repeat
and its identity would be the first body's.  :func:`split` finds the reports by their title lines, before
any parsing, and gives each one a :class:`Document` of its own.

Positions stay those of the file: a report's document says the line of the file its text starts on
(``Document.line``, so its line numbers are the file's) and its origin map is shifted with its text (so a
PDF page or an HTML table cell is still the file's); its text used to begin with one empty line for each line
of the file before it, 30 million lines for 785 reports of a hundred lines (issue #16, docs/performance.md).
A title line is a line holding nothing but a body's name, a year and 政府信息公开工作年度报告, or those
followed by the report's opening words (根据…, as a PDF reader may join them); the compilation's own title
says 汇编 and is not one; a report starts at a title line whose text, up to the next title line, has section
一 (总体情况 or 概述), unless it repeats the title of the report before (a running header). Title lines
without it (a table of contents, a title printed twice) start no report: before the first report they are the
cover, which belongs to no report; after it, they stay in the report they follow.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from govlint.errors import InputError
from govlint.model import OriginMap
from govlint.schema import TITLE_CORE
from govlint.sources.document import Document
from govlint.sources.guard import input_error

_YEAR = r"(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})\s*年度?"
#: How a report's first sentence starts, when a PDF reader ran the title and the text into one line.
_OPENING = "根据|按照|依据|依照|本报告|一、"
#: A line that is a report's title: [body] year [body] 政府信息公开工作年度报告, without sentence punctuation
#: (alone on its line, or followed by the report's opening words).
_TITLE_LINE = re.compile(
    rf"^[^\S\n]*(?P<title>[^\n。，；：:、,]{{0,40}}?{_YEAR}[^\n。，；：:、,]{{0,40}}?{TITLE_CORE})"
    rf"(?:[^\S\n]*$|(?={_OPENING}))",
    re.MULTILINE,
)
#: What a report's text has after its title: its section 一.
_OVERVIEW = re.compile(r"总\s*体\s*情\s*况|概\s*述")
#: Most reports ``govlint check`` reads from one file (:func:`too_many`).  A PDF holds at most 500 pages, so at
#: most 500 reports; a text or a web page of thousands of title lines, each with a section 一, was as many
#: reports, each kept with its findings until the file was done: 20,000 of them (2 MB) took 40 s and 1.2 GB,
#: 600 times the file.
MAX_REPORTS = 1_000
#: Words of a compilation's own title or a table of contents, never of one report's title.
_NOT_A_REPORT = ("汇编", "目录")


def report_starts(text: str) -> list[int]:
    """The offsets of the title lines that start a report (see the module's docstring).  A title repeated
    by the next report start (a PDF's running header on every page) starts no new report."""
    titles = [m for m in _TITLE_LINE.finditer(text) if not any(w in m["title"] for w in _NOT_A_REPORT)]
    bounds = [m.start() for m in titles[1:]] + [len(text)] * bool(titles)
    starts: list[int] = []
    previous = ""
    for match, end in zip(titles, bounds, strict=True):
        title = "".join(match["title"].split())
        if title != previous and _OVERVIEW.search(text, match.start(), end):
            starts.append(match.start())
            previous = title
    return starts


def part_path(path: str, number: int) -> str:
    """How findings name the ``number``-th report (from 1) of a compilation: ``汇编.pdf#2``."""
    return f"{path}#{number}"


def file_of(path: str) -> str:
    """The file a finding's ``path`` is in: ``汇编.pdf`` for ``汇编.pdf#2`` (:func:`part_path`), else ``path``."""
    return _PART.sub("", path)


_PART = re.compile(r"#[1-9][0-9]*\Z")


def split(document: Document) -> tuple[Document, ...]:
    """The reports ``document`` holds, each as its own document with the file's positions; the document
    itself when it holds fewer than two."""
    text = document.text
    starts = report_starts(text)
    if len(starts) < 2:
        return (document,)

    lines, before = [], 0
    for previous, start in zip([0, *starts], starts, strict=False):
        before += text.count("\n", previous, start)
        lines.append(before)
    origins = document.origins
    offsets = origins.offsets if isinstance(origins, OriginMap) else [offset for offset, _ in origins]
    ends = [*starts[1:], len(text)]
    return tuple(
        _part(document, offsets, start, end, lines[index], first=index == 0)
        for index, (start, end) in enumerate(zip(starts, ends, strict=True))
    )


def too_many(parts: Sequence[Document], name: str) -> InputError | None:
    """The error of a file split into more than :data:`MAX_REPORTS` reports, or None."""
    if len(parts) <= MAX_REPORTS:
        return None
    return input_error(
        name,
        f"一个文件中的年度报告过多（{len(parts)} 份，上限 {MAX_REPORTS} 份），请拆分后再检查",
        f"too many reports in one file ({len(parts)}; limit {MAX_REPORTS}); split it first",
    )


def _part(document: Document, offsets: Sequence[int], start: int, end: int, lines: int, *, first: bool) -> Document:
    """The report at ``text[start:end]``, after ``lines`` lines of the file."""
    shift = -start
    origins = document.origins
    kept = []
    if origins:
        at = bisect.bisect_right(offsets, start) - 1
        stop = bisect.bisect_left(offsets, end)
        if at >= 0:
            kept.append((0, origins[at][1]))
        kept.extend((offset + shift, origin) for offset, origin in origins[at + 1 : stop])
    return document._replace(
        text=document.text[start:end],
        origins=OriginMap(kept) if kept else (),
        # byte offsets of the file cannot be placed in one report: the first report carries them (GL003)
        replaced_bytes=document.replaced_bytes if first else (),
        images=tuple(offset + shift for offset in document.images if start <= offset < end),
        line=document.line + lines,
    )
