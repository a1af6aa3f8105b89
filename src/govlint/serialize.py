"""A :class:`govlint.model.Report` as plain data (the JSON contract of ``govlint parse``) or as text.

The JSON schema is documented in ``docs/json.md``.  Cells are nested by the spec's stable keys
(``tables.applications.denied.state_secret.total``), each ``{"value", "line", "column"}`` plus ``"status"``
when the value was not read cleanly.  Decimal amounts become JSON numbers.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from govlint import schema
from govlint.model import Cell, CellStatus, DateMention, DeviationKind, Number, Problem, Report, Span, Table

JSONValue = Any

_TABLE_NAMES_ZH = {
    "active_disclosure": "二、主动公开政府信息情况（第二十条）",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}


def number_to_json(value: Number | None) -> int | float | None:
    """An int stays an int; a Decimal amount (at most 15 significant digits in practice) becomes a float."""
    if isinstance(value, Decimal):
        return float(value)
    return value


def _date(mention: DateMention | None) -> str | None:
    if mention is None or mention.value is None:
        return None
    return mention.value.isoformat()


def _position(span: Span | None) -> dict[str, int | None]:
    return {"line": span.line if span else None, "column": span.column if span else None}


def problem_to_dict(problem: Problem) -> dict[str, str]:
    """Why a row was not read: a machine word and the reason in Chinese and English."""
    return {"kind": problem.kind, "zh": problem.zh, "en": problem.en}


def cell_to_dict(cell: Cell, problem: Problem | None = None) -> dict[str, JSONValue]:
    """One cell: value, line, column, the evidence that placed it; status, raw text, unit and the row's problem
    only when they say something."""
    data: dict[str, JSONValue] = {"value": number_to_json(cell.value), **_position(cell.span)}
    if cell.evidence is not None:
        data["evidence"] = cell.evidence
    if cell.status is not CellStatus.OK:
        data["status"] = cell.status.value
        if cell.raw:
            data["raw"] = cell.raw
    if cell.unit is not None:
        data["unit"] = cell.unit
    if problem is not None and cell.status is CellStatus.AMBIGUOUS:
        data["problem"] = problem_to_dict(problem)
    return data


def _nest(target: dict[str, JSONValue], dotted: str, value: JSONValue) -> None:
    *parents, last = dotted.split(".")
    node = target
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def table_to_dict(table: Table | None) -> dict[str, JSONValue] | None:
    """A table nested by row key, then column key; None when the table is absent."""
    if table is None:
        return None
    data: dict[str, JSONValue] = {}
    for row in table.rows.values():
        cells = {column: cell_to_dict(cell, row.problem) for column, cell in row.cells.items()}
        _nest(data, row.key, cells)
    return data


def _table_keys(report: Report) -> tuple[str, ...]:
    """The standard tables' ids (each shown, found or not), then those of the described tables found."""
    return (*schema.TABLE_KEYS, *(key for key in report.tables if key not in schema.TABLE_KEYS))


def report_to_dict(report: Report) -> dict[str, JSONValue]:
    """The JSON contract of ``govlint parse FILE --format json``."""
    period = report.statistics_period
    return {
        "path": report.path,
        "title": report.title,
        "agency": report.agency,
        "report_year": report.report_year,
        "format": report.format,
        "mixed_format": report.mixed_format,
        "publish_date": _date(report.publish_date),
        "signature_date": _date(report.signature_date),
        "statistics_period": None
        if period is None
        else {"start": _date(period.start), "end": _date(period.end), "line": period.span.line},
        "sections": [
            {"number": s.number, "key": s.key, "title": s.title, "line": s.span.line} for s in report.sections
        ],
        "tables": {key: table_to_dict(report.tables.get(key)) for key in _table_keys(report)},
        "unplaced": [
            {"kind": u.kind, "text": u.text, "reason": u.reason, **_position(u.span)} for u in report.unplaced
        ],
        "images": [_position(image) for image in report.images],
        "deviations": [
            {
                "kind": d.kind,
                "key": d.key,
                "text": d.text,
                "table": d.table,
                "after": d.after,
                **_position(d.span),
                **({"count": d.count} if d.kind.endswith("-untaken") else {}),
            }
            for d in report.deviations
        ],
    }


# ---------------------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------------------


def _cell_text(cell: Cell) -> str:
    if cell.status is CellStatus.EMPTY:
        return "空"
    if cell.status is CellStatus.AMBIGUOUS:
        return "?"
    if cell.status is CellStatus.UNREADABLE:
        return f"!{cell.raw}"
    inferred = "*" if cell.status is CellStatus.INFERRED else ""
    return f"{number_to_json(cell.value)}{cell.unit or ''}{inferred}"


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


#: The widest a row label is shown (terminal columns); a longer one is cut with "…".
LABEL_COLUMNS = 34


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _cut(label: str) -> str:
    if _width(label) <= LABEL_COLUMNS:
        return label
    while _width(label) > LABEL_COLUMNS - 1:
        label = label[:-1]
    return label + "…"


def _row_label(spec: schema.TableSpec | None, key: str) -> str:
    """The row's label as the standard prints it (``1.属于国家秘密``), or its key for a row the spec lacks."""
    row = next((r for r in spec.rows if r.key == key), None) if spec else None
    return _cut(f"{row.numbering}{row.label}") if row else key


def _table_lines(table: Table, spec: schema.TableSpec | None) -> list[str]:
    """Each row under its printed label (and group), its cells under their printed column labels."""
    labels = {key: _row_label(spec, key) for key in table.rows}
    width = max((_width(label) for label in labels.values()), default=0)
    wide = spec is not None and len(spec.columns) > 3 and spec.id == "applications"
    lines = ["  列: " + " | ".join(c.label for c in spec.columns)] if wide and spec else []
    group: str | None = None
    for row in table.rows.values():
        row_spec = next((r for r in spec.rows if r.key == row.key), None) if spec else None
        if row_spec is not None and row_spec.group and row_spec.group != group:
            lines.append(f"  {row_spec.group}")
        group = row_spec.group if row_spec else None
        if wide and spec:
            cells = "".join(f"{_cell_text(row.cells[c.key]) if c.key in row.cells else '':>7}" for c in spec.columns)
        else:
            names = {c.key: c.label for c in spec.columns_of(row.key)} if spec else {}
            cells = "  ".join(f"{names.get(k, k)}={_cell_text(cell)}" for k, cell in row.cells.items())
        line = row.span.line if row.span else "?"
        lines.append(f"  {_pad(labels[row.key], width)} {cells}   (第{line}行) [{row.key}]")
        if row.problem:
            lines.append(f"  {'':<{width}} ↳ {row.problem}")
    return lines


def report_to_text(report: Report) -> str:
    """A readable summary of what govlint read: facts, sections, every table cell, what it could not place."""
    lines = [f"报告 {report.path}"]
    facts = [
        ("标题", report.title, report.title_span),
        ("机关", report.agency, None),
        ("年度", str(report.report_year) if report.report_year is not None else None, None),
        ("发布日期", _date(report.publish_date), report.publish_date.span if report.publish_date else None),
        ("落款日期", _date(report.signature_date), report.signature_date.span if report.signature_date else None),
    ]
    for name, value, span in facts:
        where = f"   (第{span.line}行)" if span else ""
        lines.append(f"{name}: {value if value is not None else '（未找到）'}{where}")
    fmt = report.format + ("（保留2019年格式的（六）其他处理行）" if report.mixed_format else "")
    lines.append(f"格式: {fmt}")
    if report.statistics_period is not None:
        period = report.statistics_period
        lines.append(f"统计期限: {_date(period.start)} 至 {_date(period.end)}   (第{period.span.line}行)")
    lines.append("章节:")
    lines.extend(f"  {s.title}   [{s.key}] (第{s.span.line}行)" for s in report.sections)
    if not report.sections:
        lines.append("  （未找到章节标题）")
    for key in _table_keys(report):
        table = report.tables.get(key)
        spec = report.table_spec(key)
        title = _TABLE_NAMES_ZH.get(key) or (spec.title if spec else key)
        if table is None:
            lines.append(f"表格 {title} [{key}]: 未找到")
            continue
        span = table.span
        where = f"第{span.line}-{span.end_line}行" if span else ""
        lines.append(f"表格 {title} [{key}] {where}:")
        lines.extend(_table_lines(table, spec))
    lines.append(
        "图例: 空 = 空白单元格; ? = 无法确定; !文字 = 无法读取的文字; "
        "数字* = 原文数字连写在一起，按该行的勾稽关系唯一拆分得出; [键] = 该行在 JSON 中的键"
    )
    if report.unplaced:
        lines.append("未能归位的内容:")
        lines.extend(f"  第{u.span.line}行 {u.kind}: {u.text} — {u.reason}" for u in report.unplaced)
    if report.deviations:
        lines.append("与版式不符之处（解析记录的事实）:")
        for d in report.deviations:
            where = d.key if d.table in (None, d.key) else f"{d.table}.{d.key}"
            count = f"（{d.count} 个）" if d.kind.endswith("-untaken") else ""
            lines.append(f"  第{d.span.line}行 {_DEVIATIONS_ZH[d.kind]}{count}: [{where}] {d.text}".rstrip())
    return "\n".join(lines) + "\n"


#: The kinds of :class:`govlint.model.Deviation`, as the text summary names them.
_DEVIATIONS_ZH: dict[DeviationKind, str] = {
    "section-order": "章节顺序不符",
    "section-repeated": "章节重复",
    "row-order": "行的顺序不符",
    "row-repeated": "行重复",
    "unexpected-label": "标签不在应在的位置",
    "row-missing": "未找到标准行（应在此处；可能缺少，也可能未能读取，由 GL104 判断）",
    "table-outside-section": "表格不在其所属章节",
    "headings-untaken": "章节标题超出上限，其后的标题按正文读取（GL102 说明个数）",
    "labels-untaken": "表格中重复或错位的标签超出上限，自此起的其余标签未读取",
}
