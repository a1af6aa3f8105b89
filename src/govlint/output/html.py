"""The reviewer's page (``--format html``): one self-contained file that opens offline.

A 政务公开办 reads a run over many reports here: the counts, a chart of scores, one of problems per code and,
apart, one of the places govlint could not read per code (never counted as problems), a table of reports to
sort and filter, and each report's findings beside the quoted source line, with the cell marked in a
rendering of its table, and the rule pages the codes link to.

Everything is in the one file: the styles and the script are inline and allowed by their hashes in a
Content-Security-Policy that forbids every request, so the page neither fetches nor sends anything, and
no injected script could run.  The page is made with jinja2 templates shipped in the package, with
autoescaping on: every text that comes from a report is untrusted.  The tables travel as one JSON block
of interned strings and are drawn by the script when a report is opened: drawn in the markup, the tables of
1,000 reports would weigh tens of megabytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from importlib.resources import files
from typing import Any

import attrs
import jinja2
from markupsafe import Markup

import govlint
from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.linter import RuleFailure
from govlint.notices import CODES as NOTICE_CODES
from govlint.notices import ERROR_CODES
from govlint.output import (
    SEVERITY_NAMES,
    SKIPPED_CODES,
    FileOutput,
    Formatter,
    Lang,
    OutputOptions,
    apart,
    place,
    unread_heading,
    visible,
)
from govlint.output.view import ReportView
from govlint.records import Record
from govlint.rule import RuleMeta
from govlint.rules import BUILTIN_RULES
from govlint.scoring import ReportScore, RunScores, code_order

#: Characters of context shown on each side of a finding on a long source line (a crawled page is often
#: one line of thousands of characters).
QUOTE_CONTEXT = 30
#: A line up to this long is quoted whole.
QUOTE_WHOLE = 160
#: What a finding points at is shown up to this long (a passage copied from last year can be a page).
QUOTE_HIT = 100

_TEMPLATES = files("govlint.output") / "templates"

UI: dict[Lang, dict[str, str]] = {
    "zh": {
        "title": "政府信息公开工作年度报告审阅",
        "generated": "由 govlint {version} 生成",
        "summary": "概况",
        "reports": "报告",
        "reports_unit": "份",
        "unreadable_files": "无法读取的文件",
        "unread_places": "未能读取的行、表",
        "skipped": "跳过的文件",
        "problems": "问题",
        "failures": "规则运行出错",
        "unread_note": "未能读取之处不扣分，也不视为空白，请人工核对。",
        "scores": "得分分布",
        "no_scores": "没有可评分的报告。",
        "codes": "各代码问题数",
        "no_codes": "未发现问题。",
        "unread_codes": "各代码未能读取处数（不计为问题）",
        "list": "报告列表",
        "filter_body": "机关",
        "filter_year": "年度",
        "filter_code": "代码",
        "filter_score": "得分",
        "all": "全部",
        "min": "最低",
        "max": "最高",
        "shown": "显示 {shown} / {total} 份",
        "col_file": "文件",
        "col_body": "机关",
        "col_year": "年度",
        "col_score": "得分",
        "col_previous": "上年得分",
        "deductions": "扣分：",
        "separator": "；",
        "col_errors": "错误",
        "col_warnings": "警告",
        "col_info": "提示",
        "col_unread": "未能读取",
        "col_codes": "代码",
        "filter_unread": "未能读取",
        "with_unread": "有未能读取之处",
        "without_unread": "没有",
        "details": "各报告问题",
        "no_findings": "未发现问题。",
        "unreadable": "无法读取",
        "unread": "未能读取",
        "where": "位置",
        "line_col": "第{line}行第{column}列",
        "tables": "表格",
        "legend": "标记：有问题的单元格；虚线框、斜线：未能读取；灰色：空白或占位符。",
        "rules": "规则说明",
        "rule_severity": "默认级别",
        "rule_category": "类别",
        "rule_why": "说明（英文）",
        "rule_bad": "不符合的示例",
        "rule_good": "符合的示例",
        "table_active_disclosure": "二、主动公开政府信息情况",
        "table_applications": "三、收到和处理政府信息公开申请情况",
        "table_review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
        "row_label": "项目",
        "printed": "印有的数值：",
    },
    "en": {
        "title": "Review of government information-disclosure annual reports",
        "generated": "Made by govlint {version}",
        "summary": "Summary",
        "reports": "Reports",
        "reports_unit": "",
        "unreadable_files": "Unreadable files",
        "unread_places": "Unread rows and tables",
        "skipped": "Skipped files",
        "problems": "Problems",
        "failures": "Rule failures",
        "unread_note": "What could not be read never deducts and is never taken as blank: check it by hand.",
        "scores": "Scores",
        "no_scores": "No report could be scored.",
        "codes": "Problems per code",
        "no_codes": "No problems found.",
        "unread_codes": "Places not read, per code (not problems)",
        "list": "Reports",
        "filter_body": "Body",
        "filter_year": "Year",
        "filter_code": "Code",
        "filter_score": "Score",
        "all": "all",
        "min": "min",
        "max": "max",
        "shown": "{shown} of {total} shown",
        "col_file": "File",
        "col_body": "Body",
        "col_year": "Year",
        "col_score": "Score",
        "col_previous": "Last year",
        "deductions": "Deductions: ",
        "separator": "; ",
        "col_errors": "Errors",
        "col_warnings": "Warnings",
        "col_info": "Info",
        "col_unread": "Unread",
        "col_codes": "Codes",
        "filter_unread": "Unread",
        "with_unread": "with places not read",
        "without_unread": "without",
        "details": "Findings by report",
        "no_findings": "No problems found.",
        "unreadable": "unreadable",
        "unread": "unread",
        "where": "Where",
        "line_col": "line {line}, column {column}",
        "tables": "Tables",
        "legend": "Marked: a cell with a problem; dashed and hatched: not read; grey: blank or a placeholder.",
        "rules": "Rules",
        "rule_severity": "Default severity",
        "rule_category": "Category",
        "rule_why": "Why",
        "rule_bad": "Failing example",
        "rule_good": "Passing example",
        "table_active_disclosure": "II. Proactive disclosure",
        "table_applications": "III. Applications received and handled",
        "table_review_litigation": "IV. Administrative review and litigation",
        "row_label": "Item",
        "printed": "Values printed: ",
    },
}

#: The UI texts the script needs.
_SCRIPT_UI = ("row_label", "unread", "legend", "printed")

#: Score bins of the distribution chart: [0, 10), [10, 20) … [90, 100] (100 falls in the last).
SCORE_BINS = 10


@attrs.frozen(repr=False)
class Quote(Record):
    """The source line around a finding: the text before it, the text it points at, the text after."""

    before: str
    hit: str
    after: str


@attrs.frozen(repr=False)
class Finding(Record):
    diagnostic: Diagnostic
    message: str
    where: str
    quote: Quote | None
    #: The table, row (None: the whole table) and column (None: the whole row) the finding points at.
    cell: tuple[str, str | None, str | None] | None


@attrs.define(repr=False)
class _Entry(Record):
    """Everything the page shows of one file, gathered over the run (cross-report findings come last)."""

    index: int
    path: str
    text: str | None = None
    view: ReportView | None = None
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    errors: list[RuleFailure] = attrs.field(factory=list)
    _lines: list[str] | None = None
    #: The line of the file ``text`` starts on (a compilation's report).
    text_line: int = 1

    def line(self, number: int) -> str | None:
        if self.text is None:
            return None
        if self._lines is None:
            self._lines = self.text.split("\n")
        index = number - self.text_line
        return self._lines[index].rstrip("\r") if 0 <= index < len(self._lines) else None


class HtmlFormatter(Formatter):
    """Gathers every file's findings, then writes the page at :meth:`finish`."""

    def __init__(self, options: OutputOptions) -> None:
        super().__init__(options)
        self.entries: dict[str, _Entry] = {}
        self.scores = RunScores(options.scoring)

    def file(self, output: FileOutput) -> str:
        self.scores.add(output)
        entry = self.entries.get(output.path)
        if entry is None:
            entry = self.entries[output.path] = _Entry(len(self.entries), output.path)
        if output.text is not None:
            entry.text, entry.text_line = output.text, output.text_line
        entry.view = entry.view or output.view
        entry.diagnostics.extend(output.diagnostics)
        entry.errors.extend(output.errors)
        return ""

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        scores = self.scores.reports()
        return render(list(self.entries.values()), scores, rules, self.options.lang)


def render(entries: Sequence[_Entry], scores: Sequence[ReportScore], rules: Sequence[RuleMeta], lang: Lang) -> str:
    """The page of a run: its files in order, each report with its score."""
    t = UI[lang]
    by_path = {score.path: score for score in scores}
    reports = [_report(entry, by_path.get(entry.path), lang) for entry in entries]
    codes = {d.code for entry in entries for d in entry.diagnostics}
    problems, unread = _per_code(entries)
    #: Codes that say only what govlint could not read (their rule pages say 未能读取, not a severity).
    unread_codes = codes - {d.code for e in entries for d in e.diagnostics if not d.unread}
    metas = {m.code: m for m in (*(r.meta for r in BUILTIN_RULES), *rules)}
    env = _environment()
    css = (_TEMPLATES / "page.css").read_text(encoding="utf-8")
    script = (_TEMPLATES / "page.js").read_text(encoding="utf-8")
    page = env.get_template("page.html.j2").render(
        t=t,
        lang=lang,
        version=govlint.__version__,
        csp=_csp(css, script),
        css=Markup(css),
        script=Markup(script),
        summary=_summary(entries, scores, problems, unread),
        reports=reports,
        years=sorted({r["year"] for r in reports if r["year"] is not None}),
        codes=sorted(codes, key=code_order),
        code_chart=_bars(sorted(problems.items(), key=_by_code)),
        unread_chart=_bars(sorted(unread.items(), key=_by_code)),
        score_chart=_bars(_score_bins([s.score for s in scores if s.score is not None])),
        rules=[metas[code] for code in sorted(codes, key=code_order) if code in metas],
        documented=metas.keys() & codes,
        unread_codes=unread_codes,
        severity_names=SEVERITY_NAMES[lang],
        tables_json=_tables_json(entries, reports, lang),
    )
    return page


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["visible"] = visible
    env.filters["prose"] = _prose
    return env


def _csp(css: str, script: str) -> str:
    """A policy that forbids every request and allows only this page's own style and script."""

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    return (
        f"default-src 'none'; style-src 'sha256-{digest(css)}'; script-src 'sha256-{digest(script)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _per_code(entries: Sequence[_Entry]) -> tuple[Counter[str], Counter[str]]:
    """The problems per code and, apart, the places govlint could not read per code (a code such as GL101
    may have both), each finding counted with the findings it stands for (:attr:`Diagnostic.weight`).
    Neither counts a file that could not be read or was skipped: the summary counts those as files."""
    problems: Counter[str] = Counter()
    unread: Counter[str] = Counter()
    for entry in entries:
        for d in entry.diagnostics:
            if d.code not in ERROR_CODES and d.code not in SKIPPED_CODES:
                (unread if d.unread else problems)[d.code] += d.weight
    return problems, unread


def _summary(
    entries: Sequence[_Entry], scores: Sequence[ReportScore], problems: Counter[str], unread: Counter[str]
) -> dict[str, int]:
    """The counts at the top: reports (read or not), files and folders that could not be read, the unread
    places of the reports that were read, skipped files, problems and rule failures; ``problems`` and
    ``unread`` per code (:func:`_per_code`), so that the charts add up to the counts."""
    return {
        "reports": len(scores),
        "unreadable": sum(1 for e in entries if any(d.code in ERROR_CODES for d in e.diagnostics)),
        "unread": sum(unread.values()),
        "skipped": sum(1 for e in entries if any(d.code in SKIPPED_CODES for d in e.diagnostics)),
        "problems": sum(problems.values()),
        "failures": sum(len(e.errors) for e in entries),
    }


def _report(entry: _Entry, score: ReportScore | None, lang: Lang) -> dict[str, Any]:
    """What the list and the report's section show (a path that is not a report has no score)."""
    counts = Counter(d.severity.value for d in entry.diagnostics if not d.unread and d.code not in SKIPPED_CODES)
    problems, unread = apart(entry.diagnostics)
    return {
        "index": entry.index,
        "path": entry.path,
        "body": score.agency if score else None,
        "year": score.year if score else None,
        "score": _number(score.score) if score and score.score is not None else None,
        "previous": _number(score.previous) if score and score.previous is not None else None,
        "deductions": [(d.code, d.count, _number(d.points)) for d in score.deductions if d.points] if score else [],
        "unreadable": next((d for d in entry.diagnostics if d.code in ERROR_CODES), None),
        "counts": {s.value: counts[s.value] for s in Severity},
        "unread": score.unread_count if score else 0,
        "codes": sorted({d.code for d in entry.diagnostics}, key=code_order),
        "findings": [_finding(entry, d, lang) for d in problems],
        #: What could not be read, shown apart under :func:`unread_heading` (``unread_note``).
        "unread_findings": [_finding(entry, d, lang) for d in unread],
        "unread_note": unread_heading(sum(d.weight for d in unread), lang) if unread else "",
        "failures": [e.message(lang) for e in entry.errors],
    }


def _number(value: Decimal) -> str:
    """A score as the page shows it: ``97.5``, ``100``."""
    return format(value.normalize(), "f")


def _finding(entry: _Entry, d: Diagnostic, lang: Lang) -> Finding:
    loc = d.location
    structured = place(loc, lang)
    if d.code in NOTICE_CODES:
        where, quote = "", None
    else:
        where = structured or UI[lang]["line_col"].format(line=loc.line, column=loc.column)
        quote = _quote(entry.line(loc.line), loc)
    cell = entry.view.place(d.key) if entry.view is not None and d.key else None
    return Finding(d, d.message(lang), where, quote, cell)


def _quote(line: str | None, loc: Location) -> Quote | None:
    """The finding's source line, cut around the finding when it is long, with what it points at apart."""
    if line is None or not line.strip():
        return None
    start = min(max(loc.column - 1, 0), len(line))
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line)
    end = min(max(end, start), len(line))
    first, last = 0, len(line)
    if len(line) > QUOTE_WHOLE:
        first, last = max(0, start - QUOTE_CONTEXT), min(len(line), max(end, start + 1) + QUOTE_CONTEXT)
    before = ("…" if first else "") + line[first:start]
    after = line[end:last] + ("…" if last < len(line) else "")
    hit = line[start:end] if end - start <= QUOTE_HIT else line[start : start + QUOTE_HIT] + "…"
    return Quote(_shown(before), _shown(hit), _shown(after))


def _shown(text: str) -> str:
    """Source text as the page shows it: tabs as two spaces, other controls as visible escapes."""
    return visible(text.replace("\t", "  "))


def _prose(text: str) -> Markup:
    """A rule's rationale (Markdown) as escaped paragraphs, with `code` spans kept."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    html = []
    for paragraph in paragraphs:
        escaped = str(Markup.escape(paragraph))
        html.append("<p>" + re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped) + "</p>")
    return Markup("\n".join(html))


def _score_bins(scores: Iterable[Decimal]) -> list[tuple[str, int]]:
    """How many scores fall in [0, 10), [10, 20) … [90, 100] (a scheme's base above 100: the last)."""
    counts = [0] * SCORE_BINS
    width = 100 // SCORE_BINS
    for score in scores:
        counts[min(SCORE_BINS - 1, max(0, int(score // width)))] += 1
    return [(f"{i * width}–{(i + 1) * width}", n) for i, n in enumerate(counts)]


def _by_code(item: tuple[str, int]) -> tuple[str, str]:
    """A (code, count) pair's place in code order."""
    return code_order(item[0])


def _bars(items: Sequence[tuple[str, int]]) -> list[dict[str, Any]]:
    """Bars: each label, count and height in per cent of the largest (the unread places' chart is styled by
    its figure's id)."""
    top = max((n for _, n in items), default=0) or 1
    return [{"label": label, "count": n, "width": round(100 * n / top, 1)} for label, n in items]


class _Strings:
    """Interned strings: each distinct label, key and header is sent once and referred to by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))


def _tables_json(entries: Sequence[_Entry], reports: Sequence[dict[str, Any]], lang: Lang) -> Markup:
    """The tables that findings point at, of every report, as one JSON block for the script:
    ``{"strings": [...], "heads": [[caption, [column keys], [labels]]], "reports": {index: [[table,
    title, [[row key, label, head, "raw\\traw", "statuses", problem, printed]]]]}}``, every string an index into
    strings (the standard tables' titles as the page's language names them)."""
    strings = _Strings()
    heads: dict[tuple[int, tuple[int, ...], tuple[int, ...]], int] = {}
    data: dict[str, list[Any]] = {}
    for entry, report in zip(entries, reports, strict=True):
        view = entry.view
        wanted = {f.cell[0] for f in (*report["findings"], *report["unread_findings"]) if f.cell}
        if view is None or not wanted:
            continue
        tables = []
        for table in view.tables:
            if table.key not in wanted:
                continue
            rows = []
            shown, caption_of = dict(table.labels), dict(table.captions)
            for row in table.rows:
                head = (
                    strings(caption_of.get(row.key, "")),
                    tuple(strings(c) for c in row.columns),
                    tuple(strings(shown.get(c, c)) for c in row.columns),
                )
                problem = row.problem[1 if lang == "en" else 0] if row.problem else ""
                rows.append(
                    [
                        strings(row.key),
                        strings(_shown(row.label)),
                        heads.setdefault(head, len(heads)),
                        "\t".join(_shown(raw) for raw in row.raws),
                        row.statuses,
                        _shown(problem),
                        _shown(row.printed),
                    ]
                )
            title = UI[lang].get(f"table_{table.key}", table.title)
            tables.append([strings(table.key), strings(title), rows])
        data[str(entry.index)] = tables
    payload = {
        "strings": list(strings.index),
        "heads": [[c, list(k), list(lb)] for c, k, lb in heads],
        "reports": data,
        "ui": {key: UI[lang][key] for key in _SCRIPT_UI},
    }
    return _json_for_script(payload)


def _json_for_script(data: object) -> Markup:
    """JSON safe inside ``<script type="application/json">``: <, >, & and ' as escapes, so that no report
    text can close the element or open a comment (as jinja2's ``tojson`` does)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
    return Markup(re.sub("[\u2028\u2029\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text))
