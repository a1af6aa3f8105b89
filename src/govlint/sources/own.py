"""Recognise a file govlint itself wrote, so that it is never read as a report.

A clerk who writes ``-o review.html`` (or ``-o 问题.txt``) into the folder being checked finds that file in
the folder on the next run: read as a report, a review page's quoted lines and tables drew a dozen false
errors (GL101, GL102, GL402), and a SARIF file's rule texts quoted the section headings.  Each output format
starts in a way no annual report does, so only the file's first bytes are looked at.  A workbook
(``--format xlsx``) is a zip, recognised by :mod:`govlint.sources.own_workbook`.
"""

from __future__ import annotations

import re

#: How much of a file's start is searched: a review page names its generator in its ``<head>``.
HEAD_BYTES = 8192

#: The levels a text or --statistics line shows (the severities and 未能读取), one of which its first line holds.
_SEVERITIES = ("[错误]", "[警告]", "[提示]", "[未能读取]", "[error]", "[warning]", "[info]", "[unread]")
#: What the line over a file's unread places holds (``govlint.output.unread_heading``): a text output whose
#: first file has no problem starts with it.
_UNREAD_HEADINGS = ("处未能读取，因而未作检查", ": govlint could not read the ")
_SEVERITY = "(?:{})".format("|".join(map(re.escape, _SEVERITIES)))
_CODE = r"[A-Z][A-Z0-9]*\d"
#: An SGR colour sequence, which ``--color always`` puts around a text line.
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
#: The headers of the CSV outputs: the reports' table and the findings', in Chinese and English.
_CSV_HEADS = ("单位,年度,文件,得分,", "文件,单位,年度,代码,", "body,year,file,score,", "file,body,year,code,")
#: The openings of the outputs whose pattern starts at the file's first character.
_OPENINGS = ("{", "[", "::", "报告 ", *_CSV_HEADS)
#: A word a review page's ``<meta name="generator">`` holds, in any case.
_GENERATOR = "generator"


#: The start of each output format govlint writes (after a BOM, leading blanks and colour codes), with the
#: format's name for the notice.
_STARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("html", re.compile(r'<meta\s+name="generator"\s+content="govlint[\s"]', re.IGNORECASE)),
    ("json", re.compile(r'\A\{\s*"tool":\s*"govlint"')),
    ("baseline", re.compile(r'\A\{\s*"govlint_baseline":')),
    ("sarif", re.compile(r'\A\{\s*"\$schema":\s*"[^"\n]*sarif[^"\n]*",[\s\S]{0,200}?"name":\s*"govlint"')),
    ("github", re.compile(r"\A::(?:error|warning|notice) file=[^\n]*title=govlint ")),
    # text and concise: a finding's line ("a.txt:3:1: GL105 [错误] …"); --statistics' ("4  GL105  [错误] …")
    ("text", re.compile(rf"\A[^\n]*:\d+:\d+: {_CODE} {_SEVERITY} ")),
    ("text", re.compile(rf"\A\d+ +{_CODE} +{_SEVERITY} ")),
    # text whose first file has only unread places: the line over them
    ("text", re.compile(r"\A[^\n]*(?:{})".format("|".join(map(re.escape, _UNREAD_HEADINGS))))),
    ("json", re.compile(rf'\A\[\s*\{{\s*"code":\s*"{_CODE}",\s*"count":')),
    # csv: the header of the reports' table or of the findings'
    ("csv", re.compile(r"\A(?:{})".format("|".join(map(re.escape, _CSV_HEADS))))),
    # govlint parse: its JSON ({"path": …, "title": …) or its text ("报告 a.txt", then "标题: …")
    ("parse", re.compile(r'\A\{\s*"path":\s*"[^\n]*",\s*"title":')),
    ("parse", re.compile(r"\A报告 [^\n]+\n标题: ")),
)


def _may_be_output(head: str) -> bool:
    """Whether ``head`` holds what every pattern of :data:`_STARTS` needs: an output's opening, a level or the
    line over unread places on its first line (text, --statistics) or a generator tag (review page).  Most
    reports hold none of them."""
    return (
        head.startswith(_OPENINGS)
        or any(mark in head.partition("\n")[0] for mark in (*_SEVERITIES, *_UNREAD_HEADINGS))
        or _GENERATOR in head.lower()
    )


def text_output(data: bytes) -> str | None:
    """The name of govlint's output format that ``data`` starts with ("html", "json", "text" …), or None for
    any other file."""
    head = data[:HEAD_BYTES].decode("utf-8", "replace").removeprefix("\ufeff").lstrip()
    if "\x1b" in head:
        head = _COLOUR.sub("", head)
    if not _may_be_output(head):
        return None
    return next((name for name, start in _STARTS if start.search(head)), None)
