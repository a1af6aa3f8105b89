"""Find and read the 信息处理费收取情况 figures in a report's text.

Two shapes are read, in any layout govlint's sources produce (tabs, pipes, one cell per line, crawled pages
with the cells run together):

- a table: the three column labels, an optional row label, then the three values;
- a statement: each label followed by its value (``通知收取件数0件，通知收取金额0元，实际收取金额0元``).

Values printed without separators (``信息处理费收取情况18000``) are split only where exactly one split gives
well-formed numbers that satisfy the table's own relations (:func:`fee_problems`); those cells are marked
``INFERRED``.  Otherwise every cell of the split is ``AMBIGUOUS`` with no value: a number is never guessed.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal

import attrs
from govlint.model import Cell, CellStatus, Number, Span
from govlint.schema import fold

from govlint_fujian.layout import (
    CAPTIONS,
    COLUMNS,
    PLACEHOLDERS,
    TEXT_AFTER_NUMBER,
    UNITS,
    YUAN_PER_UNIT,
    FeeColumn,
)

#: The AST row key of the fee table's cells (``Cell.row``).
ROW_KEY = "fee"
#: Digit runs longer than this are not split (a split is searched among all positions).
MAX_RUN = 40


def _spaced(label: str) -> str:
    """A pattern matching ``label`` with stray whitespace between its characters (labels split by spaces)."""
    return r"\s*".join(re.escape(ch) for ch in fold(label))


def _alternatives(labels: Sequence[str]) -> str:
    return "|".join(_spaced(label) for label in sorted(labels, key=len, reverse=True))


_LABEL_RES: dict[str, re.Pattern[str]] = {c.key: re.compile(_alternatives(c.labels)) for c in COLUMNS}
_UNIT_ALT = "|".join(UNITS)
_HEADER_UNIT_RE = re.compile(rf"\s*\(\s*(?:单位\s*:?\s*)?({_UNIT_ALT})\s*\)")
_VALUE_UNIT_RE = re.compile(rf"\s*({_UNIT_ALT})")
_CAPTION_RE = re.compile(_alternatives(CAPTIONS))
_SEP_RE = re.compile(r"[\s|,;:、]*")
#: A Markdown table's alignment row (``|---|:---:|``) between the header and the values.
_MARKDOWN_RULE_RE = re.compile(r"(?::?-{3,}:?[ \t]*\|[ \t]*)+(?::?-{3,}:?)?[ \t]*(?=\n|$)[\s|]*")
_FILLER_RE = re.compile(r"\s*(?:为|是|共计|共|计)?\s*")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) + ("+" if p == "-" else "") for p in PLACEHOLDERS))
_COUNT_LITERAL = re.compile(r"0|[1-9]\d*")
_AMOUNT_LITERAL = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
#: After digits, these mean the digits are a list number ("1.", "1、") or part of a date ("2025年").
_STOP_AFTER_NUMBER = frozenset(TEXT_AFTER_NUMBER + ".、)")

Layout = Literal["table", "statement"]


@attrs.frozen
class FeeProblem:
    """A relation of the fee table that the values break, tied to the cell that shows it."""

    column: str
    zh: str
    en: str
    expected: str
    actual: str


@attrs.frozen
class FeeTable:
    """The fee figures of one report: a cell per column (``notices``, ``notified_amount``, ``collected_amount``)."""

    span: Span
    #: The first column label: where a finding about the values as a whole points.
    header_span: Span
    cells: Mapping[str, Cell]
    #: The unit of each column as printed (or the column's default).
    units: Mapping[str, str]
    layout: Layout
    #: The values as printed, e.g. ``"18000"`` or ``"0 0 0"``.
    raw_values: str

    def value(self, key: str) -> Number | None:
        return self.cells[key].value

    def in_yuan(self, key: str) -> Decimal | None:
        """An amount column's value converted to 元, or None when it is not readable."""
        value = self.value(key)
        if value is None:
            return None
        return Decimal(value) * YUAN_PER_UNIT.get(self.units[key], 1)


@attrs.frozen
class _Token:
    start: int
    end: int
    text: str
    number: bool


def read_fee_table(text: str) -> FeeTable | None:
    """The first fee table or fee statement in ``text``, or None when the report prints none."""
    return _read_cached(text)


@functools.lru_cache(maxsize=16)
def _read_cached(text: str) -> FeeTable | None:
    folded = fold(text)
    for match in _LABEL_RES[COLUMNS[0].key].finditer(folded):
        table = _read_at(text, folded, match)
        if table is not None:
            return table
    return None


def fee_problems(
    notices: Number, notified: Decimal, collected: Decimal, *, units: Mapping[str, str] | None = None
) -> list[FeeProblem]:
    """The relations of the fee table that these values break (amounts in 元).

    A fee notice always names an amount, so no notice means no amount notified or collected, and a notice
    means an amount; nothing can be collected beyond what the notices asked for.
    """
    units = units or {}
    shown = {
        "notified_amount": _show(notified, units.get("notified_amount", "元")),
        "collected_amount": _show(collected, units.get("collected_amount", "元")),
    }
    problems: list[FeeProblem] = []
    if notices == 0:
        if notified > 0:
            problems.append(
                FeeProblem(
                    "notified_amount",
                    f"通知收取件数为 0，通知收取金额应为 0，实际为 {shown['notified_amount']}",
                    f"no fee notice was issued, so the amount notified should be 0, not {shown['notified_amount']}",
                    "0",
                    shown["notified_amount"],
                )
            )
        if collected > 0:
            problems.append(
                FeeProblem(
                    "collected_amount",
                    f"通知收取件数为 0，实际收取金额应为 0，实际为 {shown['collected_amount']}",
                    f"no fee notice was issued, so the amount collected should be 0, not {shown['collected_amount']}",
                    "0",
                    shown["collected_amount"],
                )
            )
        return problems
    if notified == 0:
        problems.append(
            FeeProblem(
                "notified_amount",
                f"通知收取件数为 {notices}，通知收取金额应大于 0，实际为 0",
                f"{notices} fee notice(s) were issued, so the amount notified should be above 0, not 0",
                "> 0",
                "0",
            )
        )
    if collected > notified:
        problems.append(
            FeeProblem(
                "collected_amount",
                f"实际收取金额应不大于通知收取金额 {shown['notified_amount']}，实际为 {shown['collected_amount']}",
                f"the amount collected should not exceed the amount notified ({shown['notified_amount']}), "
                f"but is {shown['collected_amount']}",
                f"<= {shown['notified_amount']}",
                shown["collected_amount"],
            )
        )
    return problems


def _show(amount: Decimal, unit: str) -> str:
    """An amount in 元 shown in the column's unit, as a reader of the report would write it."""
    value = amount / YUAN_PER_UNIT.get(unit, 1)
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return f"{text} {unit}"


# ---------------------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------------------


def _read_at(text: str, folded: str, first: re.Match[str]) -> FeeTable | None:
    """Read a table or a statement whose first column label is ``first``; None when it is neither."""
    units = {COLUMNS[0].key: COLUMNS[0].unit}
    pos = _header_unit(folded, first.end(), COLUMNS[0], units)
    after_first = _SEP_RE.match(folded, pos)
    assert after_first is not None
    if _LABEL_RES[COLUMNS[1].key].match(folded, after_first.end()):
        return _read_table(text, folded, first, after_first.end(), units)
    return _read_statement(text, folded, first, pos, units)


def _header_unit(folded: str, pos: int, column: FeeColumn, units: dict[str, str]) -> int:
    unit = _HEADER_UNIT_RE.match(folded, pos)
    units[column.key] = unit.group(1) if unit else column.unit
    return unit.end() if unit else pos


def _read_table(text: str, folded: str, first: re.Match[str], pos: int, units: dict[str, str]) -> FeeTable | None:
    for column in COLUMNS[1:]:
        label = _LABEL_RES[column.key].match(folded, pos)
        if label is None:
            return None
        pos = _header_unit(folded, label.end(), column, units)
        sep = _SEP_RE.match(folded, pos)
        assert sep is not None
        pos = sep.end()
    header_end = pos
    caption = _CAPTION_RE.match(folded, pos)
    if caption is not None:
        pos = caption.end()
    tokens, stop = _value_tokens(folded, pos)
    cells = _place(text, tokens, stop, units, _span(text, first.start(), first.end()))
    if stop is not None:
        tokens.append(stop)
    end = tokens[-1].end if tokens else header_end
    return _table(text, first, end, cells=cells, units=units, layout="table", tokens=tokens)


def _read_statement(text: str, folded: str, first: re.Match[str], pos: int, units: dict[str, str]) -> FeeTable | None:
    """Each label followed by its value; every label must be there, in order, each with a value."""
    tokens: list[_Token] = []
    for index, column in enumerate(COLUMNS):
        if index:
            sep = _SEP_RE.match(folded, pos)
            assert sep is not None
            label = _LABEL_RES[column.key].match(folded, sep.end())
            if label is None:
                return None
            pos = _header_unit(folded, label.end(), column, units)
        filler = _FILLER_RE.match(folded, pos)
        assert filler is not None
        token = _token_at(folded, filler.end())
        if token is None:
            return None
        tokens.append(token)
        pos = token.end
        unit = _VALUE_UNIT_RE.match(folded, pos)
        if unit is not None:
            units[column.key] = unit.group(1)
            pos = unit.end()
    cells = {column.key: _whole_cell(text, column, token) for column, token in zip(COLUMNS, tokens, strict=True)}
    return _table(text, first, tokens[-1].end, cells=cells, units=units, layout="statement", tokens=tokens)


def _table(
    text: str,
    first: re.Match[str],
    end: int,
    *,
    cells: dict[str, Cell],
    units: dict[str, str],
    layout: Layout,
    tokens: Sequence[_Token],
) -> FeeTable:
    return FeeTable(
        span=_span(text, first.start(), max(end, first.end())),
        header_span=_span(text, first.start(), first.end()),
        cells=cells,
        units=dict(units),
        layout=layout,
        raw_values=" ".join(t.text for t in tokens),
    )


def _token_at(folded: str, pos: int) -> _Token | None:
    number = _NUMBER_RE.match(folded, pos)
    if number is not None:
        return _Token(number.start(), number.end(), number.group(), True)
    placeholder = _PLACEHOLDER_RE.match(folded, pos)
    if placeholder is not None:
        return _Token(placeholder.start(), placeholder.end(), placeholder.group(), False)
    return None


def _value_tokens(folded: str, pos: int) -> tuple[list[_Token], _Token | None]:
    """Up to three value tokens from ``pos``, and the number where reading stopped because it belongs to the
    next sentence (``2025年``, ``1.``), if any."""
    tokens: list[_Token] = []
    while len(tokens) < len(COLUMNS):
        sep = _SEP_RE.match(folded, pos)
        assert sep is not None
        rule = _MARKDOWN_RULE_RE.match(folded, sep.end())
        token = _token_at(folded, rule.end() if rule else sep.end())
        if token is None:
            break
        if token.number and token.end < len(folded) and folded[token.end] in _STOP_AFTER_NUMBER:
            return tokens, token
        tokens.append(token)
        pos = token.end
        unit = _VALUE_UNIT_RE.match(folded, pos)
        if unit is not None:
            pos = unit.end()
    return tokens, None


def _place(
    text: str, tokens: list[_Token], stop: _Token | None, units: Mapping[str, str], header: Span
) -> dict[str, Cell]:
    """Put the value tokens into the three columns, splitting digits run together where that is unique.

    When reading stopped at a number of the next sentence, where the values end is unknown: every cell is
    ambiguous.
    """
    if len(tokens) == len(COLUMNS):
        return {column.key: _whole_cell(text, column, token) for column, token in zip(COLUMNS, tokens, strict=True)}
    if stop is not None:
        tokens = [*tokens, stop]
    elif not tokens:
        return {c.key: Cell(ROW_KEY, c.key, None, CellStatus.EMPTY, "", header) for c in COLUMNS}
    candidates = [] if stop is not None else list(_splits(tokens, units))
    if len(candidates) == 1:
        return {
            column.key: Cell(
                ROW_KEY,
                column.key,
                _number(column, folded_text),
                CellStatus.INFERRED if split else CellStatus.OK,
                text[start:end],
                _span(text, start, end),
            )
            for column, (start, end, folded_text, split) in zip(COLUMNS, candidates[0], strict=True)
        }
    whole = _span(text, tokens[0].start, tokens[-1].end)
    raw = text[tokens[0].start : tokens[-1].end]
    return {c.key: Cell(ROW_KEY, c.key, None, CellStatus.AMBIGUOUS, raw, whole) for c in COLUMNS}


_Part = tuple[int, int, str, bool]  # start, end, folded text, whether it came from splitting a token


def _splits(tokens: Sequence[_Token], units: Mapping[str, str]) -> Iterator[tuple[_Part, ...]]:
    """Every way to cut the tokens into three well-formed values that satisfy :func:`fee_problems`."""
    for parts in _cut(tokens, 0, 0):
        values = [_number(column, part[2]) for column, part in zip(COLUMNS, parts, strict=True)]
        if any(v is None for v in values):
            continue
        notices, notified, collected = values
        assert notices is not None and notified is not None and collected is not None
        notified_yuan = Decimal(notified) * YUAN_PER_UNIT.get(units.get("notified_amount", "元"), 1)
        collected_yuan = Decimal(collected) * YUAN_PER_UNIT.get(units.get("collected_amount", "元"), 1)
        if not fee_problems(notices, notified_yuan, collected_yuan):
            yield parts


def _cut(tokens: Sequence[_Token], index: int, column: int) -> Iterator[tuple[_Part, ...]]:
    """Cut tokens[index:] into the columns from ``column`` on; placeholders and whole tokens are one part."""
    if index == len(tokens):
        if column == len(COLUMNS):
            yield ()
        return
    token = tokens[index]
    left = len(COLUMNS) - column - (len(tokens) - index - 1)  # parts this token may take at most
    if left < 1:
        return
    whole: _Part = (token.start, token.end, token.text, False)
    if _well_formed(COLUMNS[column], token.text, strict=False):
        for rest in _cut(tokens, index + 1, column + 1):
            yield (whole, *rest)
    if not token.number or left < 2 or len(token.text) > MAX_RUN:
        return
    for count in range(2, left + 1):
        for pieces in _pieces(token.text, count, COLUMNS[column : column + count]):
            offset = token.start
            parts: list[_Part] = []
            for piece in pieces:
                parts.append((offset, offset + len(piece), piece, True))
                offset += len(piece)
            for rest in _cut(tokens, index + 1, column + count):
                yield (*parts, *rest)


def _pieces(digits: str, count: int, columns: Sequence[FeeColumn]) -> Iterator[list[str]]:
    """Every way to cut ``digits`` into ``count`` well-formed literals for ``columns``."""
    if count == 1:
        if _well_formed(columns[0], digits, strict=True):
            yield [digits]
        return
    for cut in range(1, len(digits) - count + 2):
        head = digits[:cut]
        if _well_formed(columns[0], head, strict=True):
            for rest in _pieces(digits[cut:], count - 1, columns[1:]):
                yield [head, *rest]


def _well_formed(column: FeeColumn, literal: str, *, strict: bool) -> bool:
    """Whether ``literal`` is a value of ``column``; ``strict`` (for split pieces) refuses leading zeros."""
    if not literal[0].isdigit():
        return True  # a placeholder: an empty cell
    if strict:
        pattern = _COUNT_LITERAL if column.kind == "count" else _AMOUNT_LITERAL
        return pattern.fullmatch(literal) is not None
    return column.kind == "amount" or "." not in literal


def _number(column: FeeColumn, literal: str) -> Number | None:
    if not literal[0].isdigit():
        return None
    if column.kind == "count":
        return int(literal) if literal.isdigit() else None
    return int(literal) if literal.isdigit() else Decimal(literal)


def _whole_cell(text: str, column: FeeColumn, token: _Token) -> Cell:
    span = _span(text, token.start, token.end)
    raw = text[token.start : token.end]
    if not token.number:
        return Cell(ROW_KEY, column.key, None, CellStatus.EMPTY, raw, span)
    value = _number(column, token.text)
    status = CellStatus.OK if value is not None else CellStatus.UNREADABLE
    return Cell(ROW_KEY, column.key, value, status, raw, span)


# ---------------------------------------------------------------------------------------------------------
# Positions
# ---------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return tuple(starts)


def _position(text: str, offset: int) -> tuple[int, int]:
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def _span(text: str, start: int, end: int) -> Span:
    line, column = _position(text, start)
    end_line, end_column = _position(text, end)
    return Span(start, end, line, column, end_line, end_column)
