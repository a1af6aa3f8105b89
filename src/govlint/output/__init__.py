"""Output formats: ``text`` (source line and caret), ``json``, ``sarif`` (2.1.0), ``github`` (workflow
annotations), ``html`` (a reviewer's page), ``csv`` and ``xlsx`` (a reviewer's tables,
:mod:`govlint.output.tabular`), and ``--statistics`` (counts per code).

A formatter receives one :class:`FileOutput` per checked file, in order, and returns the text to write
at once (text and github stream; json and sarif write everything at :meth:`Formatter.finish`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Literal, NamedTuple

from govlint.diagnostics import Diagnostic, Location, Severity

if TYPE_CHECKING:
    from govlint.linter import RuleFailure
    from govlint.model import Report
    from govlint.output.view import ReportView
    from govlint.rule import RuleMeta
    from govlint.scoring import Setup

Lang = Literal["zh", "en"]
FORMATS = ("text", "concise", "json", "sarif", "github", "html", "csv", "xlsx")
#: The formats that score each report (govlint.scoring).
SCORED_FORMATS = ("json", "html", "csv", "xlsx")
#: The formats ``--statistics`` can be written in (counts per code as a table, or as JSON).
STATISTICS_FORMATS = ("text", "concise", "json")


class FileOutput(NamedTuple):
    """What to show for one file."""

    path: str
    #: The findings to report (with a baseline: the new ones).
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[RuleFailure, ...] = ()
    #: Findings that matched the baseline: not reported, but SARIF lists them as "unchanged".
    unchanged: tuple[Diagnostic, ...] = ()
    #: The decoded source, for the source line under a diagnostic in the text format.
    text: str | None = None
    #: The report's body and year as the parser read them (scoring groups a body's reports by them).
    agency: str | None = None
    report_year: int | None = None
    #: The report's tables, for the HTML page (only when the run writes one).
    view: ReportView | None = None
    #: Table 四's corrected reviews and lawsuits (``LintResult.corrected_cases``), None when not read.
    corrected_cases: int | None = None
    #: The line of the file ``text`` starts on (a compilation's report starts at its title line).
    text_line: int = 1


class OutputOptions(NamedTuple):
    lang: Lang = "zh"
    color: bool = False
    #: Whether a baseline was applied (SARIF then sets ``baselineState`` on every result).
    baseline: bool = False
    #: ``-q``: the findings only, no closing line (but "未发现问题" when there is none).
    quiet: bool = False
    #: How the formats that score reports (json, csv, xlsx, html) score them; None: the default scheme.
    scoring: Setup | None = None
    #: The ``-o`` file, for a format that writes another file beside it (csv: ``x.findings.csv``).
    output: str | None = None


class Formatter:
    """Base class: :meth:`file` is called per file, then :meth:`finish` once with the selected rules."""

    def __init__(self, options: OutputOptions) -> None:
        self.options = options
        #: Files to write beside the output once :meth:`finish` returned: path -> content (or a spool of it).
        self.companions: dict[str, bytes | IO[bytes]] = {}

    def file(self, output: FileOutput) -> str:
        return ""

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str | bytes:
        """The rest of the output: text, or bytes for a format that makes a document (csv, xlsx)."""
        return ""

    def document(self, rules: Sequence[RuleMeta] = ()) -> Iterator[str | bytes]:
        """The rest of the output in pieces, as the command writes it: a format that spools what it gathered
        (json) gives it back a piece at a time instead of as one string."""
        yield self.finish(rules)


def formatter(name: str, options: OutputOptions, *, statistics: bool = False) -> Formatter:
    """The formatter for ``name`` (one of :data:`FORMATS`); with ``statistics``, counts per code instead."""
    if statistics:
        from govlint.output.statistics import StatisticsFormatter

        if name not in STATISTICS_FORMATS:
            raise ValueError(f"--statistics cannot be written as {name}: use {', '.join(STATISTICS_FORMATS)}")
        return StatisticsFormatter(options, as_json=name == "json")
    if name in ("text", "concise"):
        from govlint.output.text import TextFormatter

        return TextFormatter(options, concise=name == "concise")
    if name == "json":
        from govlint.output.json import JsonFormatter

        return JsonFormatter(options)
    if name == "sarif":
        from govlint.output.sarif import SarifFormatter

        return SarifFormatter(options)
    if name == "github":
        from govlint.output.github import GithubFormatter

        return GithubFormatter(options)
    if name == "html":
        from govlint.output.html import HtmlFormatter

        return HtmlFormatter(options)
    if name == "csv":
        from govlint.output.tabular import CsvFormatter

        return CsvFormatter(options)
    if name == "xlsx":
        from govlint.output.xlsx import XlsxFormatter

        return XlsxFormatter(options)
    raise ValueError(f"unknown output format {name!r}: use {', '.join(FORMATS)}")


def report_view(report: Report) -> ReportView:
    """What the HTML page shows of ``report`` besides its findings (:mod:`govlint.output.view`): made by the
    worker that parsed it, and only when the run writes a page."""
    from govlint.output.view import report_view as view_of

    return view_of(report)


#: What a terminal or a CI log would act on or hide: C0 and C1 controls (newlines and tabs included), line
#: and paragraph separators, bidirectional controls, and the lone surrogates that stand for the bytes of a
#: file name that is not UTF-8 (``surrogateescape``).  Each of them is one that :meth:`str.isprintable`
#: refuses, so text that is printable holds none and is returned as it is.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


#: What :func:`to_json` escapes besides what JSON escapes itself.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, bidi control and undecodable byte shown as an escape (``\\x1b``,
    ``\\u202e``), so that report text and file names can neither drive the terminal or a CI runner nor
    hide what they say."""
    return text if text.isprintable() else _INVISIBLE.sub(_escape, text)


def visible_lines(text: str) -> str:
    """``text`` with :func:`visible` applied to each of its lines, line breaks kept."""
    return "\n".join(visible(line) for line in text.split("\n"))


def shown_path(path: str) -> str:
    """A path as the text formats print it: escaped, and quoted when it holds a line break."""
    shown = visible(path)
    return f'"{shown}"' if "\n" in path or "\r" in path else shown


def to_json(data: object, indent: int | None = 2) -> str:
    """JSON of ``data`` (indented by ``indent``), with any lone surrogate (a byte of a file name that is not
    UTF-8) written as a ``\\udcXX`` escape, so that the output is valid UTF-8 and the name comes back
    unchanged; DEL, C1 and bidi controls too (``\\u009b``, ``\\u202e``), so that JSON shown on a terminal
    or in a CI log cannot drive it or reorder it (the control characters below DEL JSON escapes itself)."""
    import json  # the text formats never need it

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


SEVERITY_NAMES: dict[Lang, dict[Severity, str]] = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
#: The level every output shows for what govlint could not read (``Diagnostic.unread``), in place of its
#: severity: a place not read is not a problem of the report, so it is never labelled 错误, 警告 or 提示.
UNREAD_NAME: dict[Lang, str] = {"zh": "未能读取", "en": "unread"}


def level_name(diagnostic: Diagnostic, lang: Lang) -> str:
    """The level a person reads for ``diagnostic``: its severity's name, or :data:`UNREAD_NAME`."""
    return UNREAD_NAME[lang] if diagnostic.unread else SEVERITY_NAMES[lang][diagnostic.severity]


def unread_heading(count: int, lang: Lang) -> str:
    """The sentence above a report's ``count`` unread places: they were not checked and are not problems, so
    they are to be read by hand."""
    if lang == "en":
        places = "the place" if count == 1 else f"the {count} places"
        return (
            f"govlint could not read {places} below, so they were not checked and are not counted as problems; "
            "check them against the report by hand."
        )
    return f"以下 {count} 处未能读取，因而未作检查，不计为问题；请对照原文人工核对。"


def apart(diagnostics: Iterable[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """``diagnostics`` split into the report's problems and, apart, what govlint could not read (each in order)."""
    problems: list[Diagnostic] = []
    unread: list[Diagnostic] = []
    for d in diagnostics:
        (unread if d.unread else problems).append(d)
    return problems, unread


def place(location: Location, lang: Lang) -> str:
    """Page, table, row and column of a structured source (PDF, Word, HTML), or "" for plain text."""
    parts = [
        (location.page, "第{}页", "page {}"),
        (location.table, "表{}", "table {}"),
        (location.row, "第{}行", "row {}"),
        (location.cell_column, "第{}列", "column {}"),
    ]
    if lang == "zh":
        return " ".join(zh.format(v) for v, zh, _ in parts if v is not None)
    return ", ".join(en.format(v) for v, _, en in parts if v is not None)


#: What every text mode prints when there is nothing to report.
NO_PROBLEMS: dict[Lang, str] = {"zh": "未发现问题。", "en": "No problems found."}

#: Notices of a file left out on purpose (not a report, a symlink not followed): counted as skipped files.
SKIPPED_CODES = frozenset({"GL002", "GL004"})


class Tally:
    """What the closing line counts: the reports' problems by severity, and apart from them what govlint
    could not read (``Diagnostic.unread``), the files it skipped, the baselined findings and rule failures."""

    def __init__(self) -> None:
        self.counts: Counter[Severity] = Counter({s: 0 for s in Severity})
        self.unread = 0
        #: Problems counted but not listed (past ``max-findings-per-rule``).
        self.omitted = 0
        self.skipped = 0
        self.baselined = 0
        self.failures = 0
        self._paths: set[str] = set()

    def add(self, output: FileOutput) -> None:
        self._paths.add(output.path)  # a cross-report finding comes as a second output of its file
        for d in output.diagnostics:
            if d.unread:
                self.unread += d.weight
            elif d.code in SKIPPED_CODES:
                self.skipped += 1
            else:
                self.counts[d.severity] += d.weight
                self.omitted += d.omitted  # "of them": of the problems, never of the places not read
        self.baselined += len(output.unchanged)
        self.failures += len(output.errors)

    @property
    def files(self) -> int:
        """The paths reported on, each once."""
        return len(self._paths)

    @property
    def problems(self) -> int:
        return sum(self.counts.values())

    def summary(self, lang: Lang) -> str:
        """The closing line, e.g. "共 3 个问题（错误 2，警告 1，提示 0）；未能读取 1 处。"."""
        counts, total = self.counts, self.problems
        if lang == "zh":
            parts = [
                f"共 {total} 个问题（错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
                f"提示 {counts[Severity.INFO]}）"
                if total
                else "未发现问题"
            ]
            parts += [f"其中 {self.omitted} 个未逐条列出"] * bool(self.omitted)
            parts += [f"未能读取 {self.unread} 处"] * bool(self.unread)
            parts += [f"跳过 {self.skipped} 个文件"] * bool(self.skipped)
            parts += [f"另有 {self.baselined} 个已记入基线的问题未显示"] * bool(self.baselined)
            parts += [f"{self.failures} 条规则运行出错"] * bool(self.failures)
            return "；".join(parts) + "。"
        parts = [
            f"Found {total} problem{'s' * (total != 1)} ({counts[Severity.ERROR]} errors, "
            f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info)"
            if total
            else "No problems found"
        ]
        parts += [f"{self.omitted} of them not listed one by one"] * bool(self.omitted)
        parts += [f"{self.unread} place{'s' * (self.unread != 1)} could not be read"] * bool(self.unread)
        parts += [f"{self.skipped} file{'s' * (self.skipped != 1)} skipped"] * bool(self.skipped)
        parts += [f"{self.baselined} baselined not shown"] * bool(self.baselined)
        parts += [f"{self.failures} rule failure{'s' * (self.failures != 1)}"] * bool(self.failures)
        return "; ".join(parts) + "."
