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

_SEVERITY = r"\[(?:错误|警告|提示|error|warning|info)\]"
_CODE = r"[A-Z][A-Z0-9]*\d"
#: An SGR colour sequence, which ``--color always`` puts around a text line.
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")

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
    ("json", re.compile(rf'\A\[\s*\{{\s*"code":\s*"{_CODE}",\s*"count":')),
    # csv: the header of the reports' table or of the findings'
    ("csv", re.compile(r"\A(?:单位,年度,文件,得分,|文件,单位,年度,代码,|body,year,file,score,|file,body,year,code,)")),
    # govlint parse: its JSON ({"path": …, "title": …) or its text ("报告 a.txt", then "标题: …")
    ("parse", re.compile(r'\A\{\s*"path":\s*"[^\n]*",\s*"title":')),
    ("parse", re.compile(r"\A报告 [^\n]+\n标题: ")),
)


def text_output(data: bytes) -> str | None:
    """The name of govlint's output format that ``data`` starts with ("html", "json", "text" …), or None for
    any other file."""
    head = data[:HEAD_BYTES].decode("utf-8", "replace").removeprefix("\ufeff").lstrip()
    head = _COLOUR.sub("", head)
    return next((name for name, start in _STARTS if start.search(head)), None)
