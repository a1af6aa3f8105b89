"""Names and positions for diagnostics: how a cell, row or section is called in a message, and where a
finding about something absent should point.

Everything here derives from :mod:`govlint.schema`; messages name places the way the printed table does
("(七)总计 自然人 列"), with an English gloss of the column key for ``--lang en``.
"""

from __future__ import annotations

import attrs

from govlint.diagnostics import Diagnostic, Severity
from govlint.model import Report, Section, Span, checked_format
from govlint.schema import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    FORMATS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    SECTIONS_BY_NUMBER,
    SUBTOTAL_ROWS,
    TABLE_KEYS,
    FormatSpec,
)

#: The standard tables' names in Chinese and English, for messages about a whole table.
TABLE_NAMES: dict[str, tuple[str, str]] = {
    "active_disclosure": ("主动公开政府信息情况表", "the 第二十条 table"),
    "applications": ("收到和处理政府信息公开申请情况表", "the applications table"),
    "review_litigation": ("行政复议、行政诉讼情况表", "the review and litigation table"),
}

#: Section numeral of each table, for messages ("三表").
TABLE_SECTION: dict[str, str] = {"active_disclosure": "二", "applications": "三", "review_litigation": "四"}
TABLE_NAME_EN: dict[str, str] = {
    "active_disclosure": "table 二 (Article 20)",
    "applications": "table 三 (applications)",
    "review_litigation": "table 四 (review and litigation)",
}


def _short(label: str) -> str:
    """A row label without its parenthesised explanation: "部分公开(区分处理的,…)" -> "部分公开"."""
    head = label.split("(", 1)[0]
    return head or label


def _application_row_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in (*APPLICATION_ROWS_2021, *APPLICATION_ROWS_2019):
        prefix = row.group[:3] if row.group and row.group.startswith("(") else ""
        names[row.key] = f"{prefix}{row.numbering}{_short(row.label)}"
    for key, group in SUBTOTAL_ROWS.items():
        names[key] = f"{group}(小计)"
    return names


_FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ":": "："})


def _caption(caption: str) -> str:
    """A section 二 caption or header as the standard prints it: 第二十条第（六）项, 本年收费金额（单位：万元）."""
    return caption.translate(_FULL_WIDTH)


#: Per format: row key -> "第二十条第（六）项 行政强制"; (row, column) -> the column's label.
ART20_ROW_NAMES: dict[str, dict[str, str]] = {
    key: {r.key: f"{_caption(sub.caption)} {r.label}" for sub in spec.art20 for r in sub.rows}
    for key, spec in FORMATS.items()
}
ART20_COLUMN_LABELS: dict[str, dict[tuple[str, str], str]] = {
    key: {(r.key, c.key): _caption(c.label) for sub in spec.art20 for r in sub.rows for c in sub.columns}
    for key, spec in FORMATS.items()
}
APPLICATION_ROW_NAMES: dict[str, str] = _application_row_names()
REVIEW_GROUP_NAMES: dict[str, str] = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼 未经复议直接起诉",
    "litigation_after_review": "行政诉讼 复议后起诉",
}
assert set(REVIEW_GROUP_NAMES) == {g.key for g in REVIEW_GROUPS}

_COLUMN_LABELS: dict[tuple[str, str], str] = {
    **{("applications", c.key): c.label for c in APPLICATION_COLUMNS},
    **{("review_litigation", c.key): c.label for c in REVIEW_COLUMNS},
}


def row_name(table: str, row: str, printed: str = "", fmt: str = "2021") -> str:
    """The row as the standard prints it ("(七)总计", "第二十条第（六）项 行政强制", "行政复议")."""
    if table == "active_disclosure":
        names = ART20_ROW_NAMES.get(fmt, ART20_ROW_NAMES["2021"])
    elif table == "applications":
        names = APPLICATION_ROW_NAMES
    else:
        names = REVIEW_GROUP_NAMES
    return names.get(row) or printed or row


def column_label(table: str, column: str, row: str = "", fmt: str = "2021") -> str:
    if table == "active_disclosure":
        labels = ART20_COLUMN_LABELS.get(fmt, ART20_COLUMN_LABELS["2021"])
        return labels.get((row, column), column)
    return _COLUMN_LABELS.get((table, column), column)


def column_gloss(column: str) -> str:
    """An English gloss of a column key: ``natural_person`` -> ``natural person``."""
    return column.replace("_", " ")


class CellPlace:
    """A cell's name in both languages."""

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en


def cell_place(table: str, row: str, column: str, printed_row: str = "", fmt: str = "2021") -> CellPlace:
    """``(七)总计 自然人 列`` / ``(七)总计, column 自然人 (natural person)``."""
    name = row_name(table, row, printed_row, fmt)
    label = column_label(table, column, row, fmt)
    if table == "review_litigation":
        return CellPlace(f"{name} {label}", f"{name}, {label} ({column_gloss(column)})")
    return CellPlace(f"{name} {label} 列", f"{name}, column {label} ({column_gloss(column)})")


def place_in(report: Report, table: str, row: str, column: str, printed_row: str = "") -> CellPlace:
    """The name of a cell of any table of ``report``: a standard table's as the standard prints it, a
    described table's by its spec (``档案库存情况表 年末库存 电子档案 列``)."""
    if table in TABLE_KEYS:
        return cell_place(table, row, column, printed_row, format_key(report))
    spec = report.table_spec(table)
    column_spec = next((c for c in spec.columns if c.key == column), None) if spec else None
    title = spec.title if spec else table
    name = row_name_in(report, table, row, printed_row)
    label = column_spec.label if column_spec else column
    return CellPlace(f"{title} {name} {label} 列", f"{title}: {name}, column {label} ({column_gloss(column)})")


def row_name_in(report: Report, table: str, row: str, printed: str = "") -> str:
    """The name of a row of any table of ``report``, never as printed where a spec names it (a label wrapped
    over two lines is not a name): a standard row as the standard prints it (:func:`row_name`), a described
    table's row as its spec does (numbering and label: ``本年新增``)."""
    if table in TABLE_KEYS:
        return row_name(table, row, printed, format_key(report))
    spec = report.table_spec(table)
    row_spec = next((r for r in spec.rows if r.key == row), None) if spec else None
    return f"{row_spec.numbering}{row_spec.label}" if row_spec else printed or row


def table_name(report: Report, table: str) -> tuple[str, str]:
    """A table's name in Chinese and English."""
    if table in TABLE_NAMES:
        return TABLE_NAMES[table]
    spec = report.table_spec(table)
    title = spec.title if spec else table
    return title, f"the table {title} ({table})"


def effective_format(report: Report) -> FormatSpec | None:
    """The format whose layout the report is checked against: the detected one, or (for a report with no
    standard table, format "unknown") the one its year requires (§8.3); None before 2019."""
    return checked_format(report.format, report.report_year)


def format_key(report: Report) -> str:
    """The key of :func:`effective_format`, "2021" when there is none (for naming places only)."""
    spec = effective_format(report)
    return spec.key if spec is not None else "2021"


def has_other_all(report: Report) -> bool:
    """Whether the applications table uses the single 2019 (六)其他处理 row (2019 format or mixed), the one
    answer for every rule.  A (六) label read alone beside a row (六)1–3 is the group label of a 2021 table
    whose first row's label a converter broke over many lines (pdftotext of a narrow column), not that row."""
    if report.mixed_format:
        return True
    table = report.tables.applications
    if table is None or "other.all" not in table.rows:
        return False
    return not any(key.startswith("other.") and key != "other.all" for key in table.rows)


# ---------------------------------------------------------------------------------------------------------
# Spans
# ---------------------------------------------------------------------------------------------------------


def line_of(report: Report, span: Span) -> Span:
    """The first line of ``span``, without surrounding whitespace (a heading-like anchor)."""
    text = report.text
    start = span.start
    end = max(span.end, start)
    eol = text.find("\n", start, end)  # bounded by the span: a one-line page of megabytes is not rescanned
    if eol != -1:
        end = eol
    while end > start and text[end - 1].isspace():
        end -= 1
    return report.span(start, end)


def last_line(report: Report) -> Span:
    """The last non-blank line of the text (where a signature date would be); line 1 of an empty text."""
    text = report.text.rstrip()
    start = text.rfind("\n") + 1
    while start < len(text) and text[start].isspace():
        start += 1
    return report.span(start, len(text))


def document_start(report: Report) -> Span:
    """The title, or the first line of the text."""
    if report.title_span is not None:
        return report.title_span
    text = report.text
    eol = text.find("\n")
    return report.span(0, len(text) if eol == -1 else eol)


def section_anchor(report: Report, number: int) -> Span:
    """Where section ``number`` should be: just before its table when the table is there, else at the next
    section's heading, else where the previous section's content ends (:func:`content_end`), else at the start
    of the document."""
    spec = SECTIONS_BY_NUMBER[number]
    table = report.tables.get(spec.table) if spec.table else None
    if table is not None and table.span is not None:
        return line_of(report, table.span)
    later = [s for s in report.sections if s.number > number]
    if later:
        return line_of(report, min(later, key=lambda s: s.span.start).span)
    earlier = [s for s in report.sections if s.number < number]
    if earlier:
        end = content_end(report, max(earlier, key=lambda s: s.span.start))
        return report.span(end, end)
    return document_start(report)


#: What ends a sentence: the 落款 after the last section's content begins after the last of them.
_SENTENCE_ENDS = frozenset("。！？；!?;\n")
#: The longest body name looked for before a signature date (平潭综合实验区党工委管委会办公室 and a space or two).
_SIGNER_MAX = 40


def content_end(report: Report, section: Section) -> int:
    """Where ``section``'s content ends: before the 落款 (the body's name and the date that sign the report) when
    it stands at the section's end, else at the section's end; trailing white space left out.  A section after
    it belongs there (六 after 五's last sentence, before the signature)."""
    body = section.body_span
    text = report.text
    end = body.end
    signed = report.signature_date or report.signature_month
    if signed is not None and body.start <= signed.span.start < body.end:
        at = signed.span.start
        while at > body.start and text[at - 1].isspace():
            at -= 1
        name = at
        while name > body.start and at - name < _SIGNER_MAX and text[name - 1] not in _SENTENCE_ENDS:
            name -= 1
        end = name if name == body.start or text[name - 1] in _SENTENCE_ENDS else signed.span.start
    while end > body.start and text[end - 1].isspace():
        end -= 1
    return end


def softened(diagnostic: Diagnostic, zh: str = "", en: str = "") -> Diagnostic:
    """``diagnostic`` as a warning, its messages followed by ``zh`` and ``en``: a finding that may be no defect
    of the report (a wording govlint does not know, a case the format does not settle) is never an error."""
    return attrs.evolve(
        diagnostic,
        severity=Severity.WARNING,
        message_zh=diagnostic.message_zh + zh,
        message_en=diagnostic.message_en + en,
    )
