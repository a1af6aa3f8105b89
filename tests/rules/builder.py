"""Build a :class:`govlint.model.Report` by hand for rule tests, without the parser.

``make_report()`` writes a small but complete report text (title, six sections, the three tables from the
schema's keys, a fee statement and a dated signature) whose tables are consistent, and builds the AST with
real spans into that text.  Keyword arguments change one thing at a time: a cell's value, a missing row, a
missing section, the dates.

Cell values: an ``int``/``Decimal`` is an OK cell, ``None`` an EMPTY cell, a ``str`` an UNREADABLE cell
printed as that text, :data:`AMBIGUOUS` an ambiguous cell, ``Inferred(n)`` an INFERRED one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govlint import parse_text
from govlint.model import (
    Cell,
    CellStatus,
    DateMention,
    DateSource,
    Deviation,
    MetaField,
    Period,
    Positions,
    Report,
    Section,
    Span,
    Table,
    TableRow,
    Tables,
    YearMention,
    checked_format,
)
from govlint.parsing.build import missing_rows
from govlint.rule import Level, RuleContext
from govlint.schema import (
    APPLICATION_COLUMN_KEYS,
    FORMATS,
    REVIEW_COLUMN_KEYS,
    REVIEW_GROUPS,
    ROW_OTHER_ALL,
    SECTIONS,
)

AMBIGUOUS = object()

#: Seed 003 (a 2021 report printed with tabs), which rule tests edit to make a case from a real report.
SEED_003 = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"


@attrs.frozen
class Inferred:
    value: int


CellValue = Any  # int | Decimal | None | str | AMBIGUOUS | Inferred

#: A consistent applications table (2021 keys): R3.1, R3.2 and R3.3 hold.
CONSISTENT_APPLICATIONS: dict[str, list[int]] = {
    "new_received": [3, 1, 0, 0, 0, 0, 4],
    "carried_over": [1, 0, 0, 0, 0, 0, 1],
    "granted": [2, 1, 0, 0, 0, 0, 3],
    "denied.state_secret": [1, 0, 0, 0, 0, 0, 1],
    "results_total": [3, 1, 0, 0, 0, 0, 4],
    "carried_forward": [1, 0, 0, 0, 0, 0, 1],
}

_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


class _Text:
    """Appends lines and remembers offsets; spans are made once the text is final."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def line(self, text: str) -> tuple[int, int]:
        start, end = self.add(text)
        self.add("\n")
        return start, end

    def cells(self, label: str, values: Sequence[str]) -> tuple[tuple[int, int], list[tuple[int, int]]]:
        """A pipe-separated row: ``label | v1 | v2``; returns the row's and each value's offsets."""
        start = self.length
        if label:
            self.add(label)
        found: list[tuple[int, int]] = []
        for i, value in enumerate(values):
            self.add(" | " if label or i else "")
            found.append(self.add(value))
        end = self.length
        self.add("\n")
        return (start, end), found


class _Spans:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def __call__(self, start: int, end: int) -> Span:
        line = bisect.bisect_right(self.starts, start) - 1
        end_line = bisect.bisect_right(self.starts, end) - 1
        return Span(start, end, line + 1, start - self.starts[line] + 1, end_line + 1, end - self.starts[end_line] + 1)


def _printed(value: CellValue) -> str:
    if value is None:
        return ""
    if value is AMBIGUOUS:
        return "?"
    if isinstance(value, Inferred):
        return str(value.value)
    return str(value)


def _cell(row: str, column: str, value: CellValue, span: Span) -> Cell:
    if value is None:
        return Cell(row, column, None, CellStatus.EMPTY, "", span)
    if value is AMBIGUOUS:
        return Cell(row, column, None, CellStatus.AMBIGUOUS, "?", span)
    if isinstance(value, Inferred):
        return Cell(row, column, value.value, CellStatus.INFERRED, str(value.value), span)
    if isinstance(value, str):
        return Cell(row, column, None, CellStatus.UNREADABLE, value, span)
    return Cell(row, column, value, CellStatus.OK, str(value), span)


def _mention(text: str, start: int, spans: _Spans, source: DateSource, default_year: int = 0) -> DateMention:
    """The date printed in ``text`` (at offset ``start``); a date without year takes ``default_year``."""
    match = _DATE.search(text)
    assert match is not None, text
    year = int(match.group(1)) if match.group(1) else default_year
    month, day = int(match.group(2)), int(match.group(3))
    try:
        value: dt.date | None = dt.date(year, month, day)
    except ValueError:
        value = None
    return DateMention(
        match.group(), year, month, day, spans(start + match.start(), start + match.end()), source, value
    )


def application_keys(fmt: str, mixed: bool) -> tuple[str, ...]:
    keys = FORMATS[fmt].application_keys
    if mixed:
        keys = tuple(k for k in keys if not k.startswith("other."))
        index = keys.index("results_total")
        keys = (*keys[:index], ROW_OTHER_ALL.key, *keys[index:])
    return keys


def make_report(
    *,
    year: int | None = 2024,
    fmt: str = "2021",
    report_format: str | None = None,
    agency: str = "洪山镇人民政府",
    title: str | None = "",
    applications: Mapping[str, Sequence[CellValue]] | None = None,
    review: Mapping[str, Sequence[CellValue]] | None = None,
    active: Mapping[str, CellValue] | None = None,
    cells: Mapping[str, CellValue] | None = None,
    problems: Mapping[str, str] | None = None,
    drop_rows: Iterable[str] = (),
    drop_cells: Iterable[str] = (),
    drop_tables: Iterable[str] = (),
    drop_parts: Iterable[int] = (),
    drop_sections: Iterable[int] = (),
    section_order: Sequence[int] = (1, 2, 3, 4, 5, 6),
    headings: Mapping[int, str] | None = None,
    mixed: bool = False,
    fee_text: str = "本年度没有收取信息处理费。",
    fee_header: str = "本年收费金额（单位：万元）",
    signature: str | None = "2025年1月20日",
    metadata_date: str | None = None,
    period: tuple[str, str] | None = None,
    body_year: int | None = None,
    extra_dates: Sequence[str] = (),
    prose: Sequence[str] = (),
    five_text: str = "一是“基层政务公开”栏目有3个月未更新，内容不够全面；下一步将建立栏目更新台账，每月检查一次。",
) -> Report:
    """A report whose tables are consistent unless told otherwise (see the module docstring).

    ``cells`` overrides single cells by their full key (``"applications.granted.total"``,
    ``"review_litigation.review.total"``, ``"active_disclosure.enforcement.decisions"``); ``applications``
    and ``review`` replace whole rows; ``problems`` marks rows (``"applications.granted"``) as unplaceable.
    ``title=""`` builds the standard title, ``title=None`` none at all.  ``prose`` adds lines to section 一,
    ``five_text`` replaces the body of section 五.
    """
    drop_rows = set(drop_rows)
    drop_cells = set(drop_cells)
    drop_tables = set(drop_tables)
    drop_parts = set(drop_parts)
    drop_sections = set(drop_sections)
    problems = dict(problems or {})
    overrides = dict(cells or {})
    spec = FORMATS[fmt]
    year_text = str(year) if year is not None else ""
    if title == "":
        title = f"{agency}{year_text}年政府信息公开工作年度报告"

    text = _Text()
    marks: dict[str, Any] = {}
    if title is not None:
        marks["title"] = text.line(title)
    if metadata_date is not None:
        start, _ = text.line(f"发布日期: {metadata_date}")
        marks["metadata"] = (start + len("发布日期: "), metadata_date)
    if period is not None:
        prefix = "本报告所列数据统计期限从"
        start, _ = text.line(f"{prefix}{period[0]}到{period[1]}止。")
        marks["period"] = (start, f"{prefix}{period[0]}到{period[1]}止。")
    for extra in extra_dates:
        start, _ = text.line(f"附注：{extra}")
        marks.setdefault("extra", []).append((start + 3, extra))

    # Table values --------------------------------------------------------------------------------------
    app_rows: dict[str, list[CellValue]] = {}
    for key in application_keys(fmt, mixed):
        app_rows[key] = list((applications or {}).get(key, CONSISTENT_APPLICATIONS.get(key, [0] * 7)))
    review_rows: dict[str, list[CellValue]] = {g.key: list((review or {}).get(g.key, [0] * 5)) for g in REVIEW_GROUPS}
    active_values: dict[str, CellValue] = {
        key: Decimal("0") if key == "fees.amount_10k_yuan" else 0 for key in spec.art20_keys
    }
    active_values.update(active or {})
    for key, value in overrides.items():
        table, _, rest = key.partition(".")
        row, _, column = rest.rpartition(".")
        if table == "applications":
            app_rows[row][APPLICATION_COLUMN_KEYS.index(column)] = value
        elif table == "review_litigation":
            review_rows[row][REVIEW_COLUMN_KEYS.index(column)] = value
        else:
            active_values[rest] = value

    sections: list[tuple[int, tuple[int, int], int]] = []  # number, heading offsets, body start
    table_marks: dict[str, Any] = {}
    for number in section_order:
        section = SECTIONS[number - 1]
        if number not in drop_sections:
            heading = text.line((headings or {}).get(number, section.title))
            sections.append((number, heading, text.length))
        if number == 1:
            first = body_year if body_year is not None else year
            start, _ = text.line(f"{first}年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》。")
            marks["body_year"] = (start, first)
            for line in prose:
                text.line(line)
        elif number == 2 and "active_disclosure" not in drop_tables:
            table_marks["active_disclosure"] = _write_active(
                text, spec=spec, values=active_values, drop_rows=drop_rows, drop_parts=drop_parts, fee_header=fee_header
            )
        elif number == 2:
            text.line("本年度主动公开政府信息41条。")
        elif number == 3 and "applications" not in drop_tables:
            table_marks["applications"] = _write_applications(text, app_rows, drop_rows)
        elif number == 4 and "review_litigation" not in drop_tables:
            table_marks["review_litigation"] = _write_review(text, review_rows, drop_rows)
        elif number == 4:
            text.line("本年度未产生政府信息公开行政复议、行政诉讼。")
        elif number == 5:
            text.line(five_text)
        elif number == 6:
            text.line(fee_text)
    text.line(agency)
    if signature is not None:
        start, _ = text.line(signature)
        marks["signature"] = (start, signature)

    full = "".join(text.parts)
    spans = _Spans(full)

    # AST ---------------------------------------------------------------------------------------------------
    built_sections: list[Section] = []
    for i, (number, heading, body_start) in enumerate(sections):
        body_end = sections[i + 1][1][0] if i + 1 < len(sections) else len(full)
        spec_s = SECTIONS[number - 1]
        built_sections.append(
            Section(
                number,
                spec_s.key,
                full[heading[0] : heading[1]],
                spans(*heading),
                full[body_start:body_end],
                spans(body_start, body_end),
            )
        )

    tables: dict[str, Table] = {}
    printed = parse_text(full).tables  # the header nodes, as the parser reads the headers written above
    for key, (table_span, rows) in table_marks.items():
        built_rows: dict[str, TableRow] = {}
        for row_key, (label, row_span, row_cells) in rows.items():
            problem = problems.get(f"{key}.{row_key}")
            made: dict[str, Cell] = {}
            for column, value, offsets in row_cells:
                if f"{key}.{row_key}.{column}" in drop_cells:
                    continue
                cell = _cell(row_key, column, value, spans(*offsets))
                if problem is not None:
                    cell = attrs.evolve(cell, value=None, status=CellStatus.AMBIGUOUS)
                made[column] = cell
            # Table 四's groups share one printed line: each row counts the line's values, as the parser does.
            count = 5 * len(rows) if key == "review_litigation" else len(row_cells)
            built_rows[row_key] = TableRow(row_key, label, spans(*row_span), made, problem=problem, value_count=count)
        parts: tuple[int, ...] = ()
        if key == "active_disclosure":
            parts = tuple(sub.item for sub in spec.art20 if sub.item not in drop_parts)
        headers = printed[key].headers if key in printed else {}
        tables[key] = Table(key, spans(*table_span), built_rows, parts, headers)

    mentions: list[YearMention] = []
    if title is not None and year is not None:
        ts, _ = marks["title"]
        at = title.find(str(year))
        if at >= 0:
            mentions.append(YearMention(year, spans(ts + at, ts + at + 4), "title"))
    body_start, body_value = marks["body_year"]
    if body_value is not None and 1 not in drop_sections:
        mentions.append(YearMention(body_value, spans(body_start, body_start + 4), "body"))

    signature_date = None
    if "signature" in marks:
        signature_date = _mention(marks["signature"][1], marks["signature"][0], spans, "signature")
    publish_date = None
    metadata: list[MetaField] = []
    if "metadata" in marks:
        start, raw = marks["metadata"]
        publish_date = _mention(raw, start, spans, "metadata")
        metadata.append(MetaField("发布日期", raw, spans(start, start + len(raw))))
    statistics_period = None
    if period is not None:
        start, sentence = marks["period"]
        first_at = sentence.find(period[0])
        second_at = sentence.find(period[1], first_at + len(period[0]))
        begin = _mention(period[0], start + first_at, spans, "period")
        end = _mention(period[1], start + second_at, spans, "period", default_year=begin.year)
        statistics_period = Period(begin, end, spans(start, start + len(sentence)))
    dates = [d for d in (publish_date, signature_date) if d is not None]
    for start, raw in marks.get("extra", []):
        dates.append(_mention(raw, start, spans, "body"))

    return Report(
        path="report.txt",
        text=full,
        format=report_format or fmt,  # type: ignore[arg-type]
        title=title,
        title_span=spans(*marks["title"]) if "title" in marks else None,
        agency=agency,
        report_year=year,
        year_mentions=tuple(mentions),
        publish_date=publish_date or signature_date,
        signature_date=signature_date,
        dates=tuple(dates),
        statistics_period=statistics_period,
        metadata=tuple(metadata),
        sections=tuple(built_sections),
        tables=Tables(**tables),
        mixed_format=mixed,
        deviations=_deviations(full, Tables(**tables), report_format or fmt, year),
    )


def _deviations(text: str, tables: Tables, fmt: str, year: int | None) -> tuple[Deviation, ...]:
    """The parse's facts for this AST: the sections' from the parse of the text written (GL102), the missing
    rows' from the tables built here (GL104), as ``parsing/build.py`` makes them."""
    sections = [d for d in parse_text(text).deviations if d.kind.startswith("section-")]
    return (*sections, *missing_rows(tables, checked_format(fmt, year), Positions(text)))


_RowMarks = dict[str, tuple[str, tuple[int, int], list[tuple[str, CellValue, tuple[int, int]]]]]


def _row(
    text: _Text, rows: _RowMarks, key: str, *, label: str, columns: Sequence[str], values: Sequence[CellValue]
) -> None:
    row_span, offsets = text.cells(label, [_printed(v) for v in values])
    rows[key] = (label, row_span, [(c, v, o) for c, v, o in zip(columns, values, offsets, strict=True)])


def _write_applications(
    text: _Text, values: Mapping[str, Sequence[CellValue]], drop_rows: set[str]
) -> tuple[tuple[int, int], _RowMarks]:
    start, _ = text.line("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况")
    text.line("自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计")
    labels = {r.key: f"{r.numbering}{r.label}" for f in FORMATS.values() for r in f.application_rows}
    rows: _RowMarks = {}
    for key, row_values in values.items():
        if f"applications.{key}" in drop_rows:
            continue
        _row(text, rows, key, label=labels[key], columns=APPLICATION_COLUMN_KEYS, values=row_values)
    return (start, text.length - 1), rows


def _write_review(
    text: _Text, values: Mapping[str, Sequence[CellValue]], drop_rows: set[str]
) -> tuple[tuple[int, int], _RowMarks]:
    start, _ = text.line("行政复议 | 行政诉讼")
    text.line("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉")
    kept = [g.key for g in REVIEW_GROUPS if f"review_litigation.{g.key}" not in drop_rows]
    flat = [_printed(v) for g in kept for v in values[g]]
    row_span, offsets = text.cells("", flat)
    rows: _RowMarks = {}
    for i, group in enumerate(kept):
        part = offsets[5 * i : 5 * i + 5]
        rows[group] = ("", row_span, list(zip(REVIEW_COLUMN_KEYS, values[group], part, strict=True)))
    return (start, row_span[1]), rows


def _write_active(
    text: _Text,
    *,
    spec: Any,
    values: Mapping[str, CellValue],
    drop_rows: set[str],
    drop_parts: set[int],
    fee_header: str,
) -> tuple[tuple[int, int], _RowMarks]:
    start = text.length
    rows: _RowMarks = {}
    for sub in spec.art20:
        if sub.item in drop_parts:
            continue
        text.line(sub.caption.replace("(", "（").replace(")", "）"))
        header = [fee_header if c.key == "amount_10k_yuan" else c.label for c in sub.columns]
        text.line(" | ".join(["信息内容", *header]))
        for row in sub.rows:
            if f"active_disclosure.{row.key}" in drop_rows:
                continue
            columns = [c.key for c in sub.columns]
            _row(
                text,
                rows,
                row.key,
                label=row.label,
                columns=columns,
                values=[values[f"{row.key}.{c}"] for c in columns],
            )
    return (start, text.length - 1), rows


def diagnostics(
    rule: type[Any],
    report: Report,
    *,
    reference_date: dt.date = dt.date(2026, 6, 1),
    options: Mapping[str, Any] | None = None,
    level: Level | None = None,
) -> list[Any]:
    """Run one rule on a report as the engine would: only when ``applies_to`` says so."""
    instance = rule()
    if not instance.applies_to(report):
        return []
    return list(
        instance.check(report, RuleContext(reference_date=reference_date, options=dict(options or {}), level=level))
    )
