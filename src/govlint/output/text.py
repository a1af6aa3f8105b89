"""The text format: a header line per finding, then the source line with a caret under the offending cell.

Carets are aligned by display width: a wide or full-width character (East Asian width W or F) takes two
terminal columns, a combining mark none, and tabs are expanded, so that the caret sits under the cell in a
terminal even on a line of Chinese text.  Colour only on a terminal, and never when NO_COLOR is set.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from govlint.diagnostics import Diagnostic, Severity
from govlint.notices import CODES as NOTICE_CODES
from govlint.output import (
    NO_PROBLEMS,
    FileOutput,
    Formatter,
    OutputOptions,
    Tally,
    apart,
    level_name,
    place,
    shown_path,
    unread_heading,
    visible,
)
from govlint.rule import RuleMeta

TAB = 4
#: Source lines wider than this are shown as a window around the finding.
MAX_WIDTH = 100
_RESET = "\033[0m"
_STYLE = {
    "path": "\033[1m",
    "code": "\033[1m",
    Severity.ERROR: "\033[31m",
    Severity.WARNING: "\033[33m",
    Severity.INFO: "\033[36m",
    "unread": "\033[90m",
    "gutter": "\033[34m",
}


def char_width(ch: str) -> int:
    """Terminal columns of one character (tabs excluded)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display(line: str) -> tuple[list[str], list[int]]:
    """Each character of ``line`` as shown (tabs expanded, control and bidi characters as visible escapes),
    and the start column of each character plus the total width at the end."""
    pieces: list[str] = []
    starts: list[int] = []
    column = 0
    for ch in line:
        starts.append(column)
        if ch == "\t":
            piece = " " * (TAB - column % TAB)
            width = len(piece)
        elif (escaped := visible(ch)) != ch:
            piece, width = escaped, len(escaped)
        else:
            piece, width = ch, char_width(ch)
        pieces.append(piece)
        column += width
    starts.append(column)
    return pieces, starts


def caret_line(line: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The shown source line and the marker line under it; columns are 1-based code points, end exclusive.

    A line wider than :data:`MAX_WIDTH` is cut to a window around the finding, marked with "...".
    """
    line = line.rstrip("\r\n")
    start = min(max(column - 1, 0), len(line))
    end = len(line) if end_column is None else min(max(end_column - 1, start), len(line))
    if len(line) > 4 * MAX_WIDTH:
        # Only the characters around the finding can be shown: measure those, not a line of megabytes.
        cut = max(0, start - 2 * MAX_WIDTH)
        line = line[cut : start + 4 * MAX_WIDTH]
        start, end = start - cut, min(end - cut, len(line))
        lead_cut = cut > 0
    else:
        lead_cut = False
    pieces, starts = display(line)
    first, stop = 0, len(line)
    if starts[-1] > MAX_WIDTH:
        lo = max(0, min(starts[start] - MAX_WIDTH // 3, starts[-1] - MAX_WIDTH))
        first = next(i for i in range(len(line) + 1) if starts[i] >= lo)
        stop = max(i for i in range(first, len(line) + 1) if starts[i] - starts[first] <= MAX_WIDTH)
    lead = "..." if first > 0 or lead_cut else ""
    shown = lead + "".join(pieces[first:stop]) + ("..." if stop < len(line) else "")
    left = starts[start] - starts[first] + len(lead)
    width = max(min(starts[end], starts[stop]) - starts[start], 1)
    return shown, " " * left + "^" * width


class TextFormatter(Formatter):
    """``text`` (a header, the source line and a caret per finding) or ``concise`` (the header only)."""

    def __init__(self, options: OutputOptions, *, concise: bool = False) -> None:
        super().__init__(options)
        self.concise = concise
        self.tally = Tally()

    def _style(self, key: str, text: str) -> str:
        return f"{_STYLE[key]}{text}{_RESET}" if self.options.color else text

    def file(self, output: FileOutput) -> str:
        self.tally.add(output)
        lines = output.text.split("\n") if output.text is not None else None
        problems, unread = apart(output.diagnostics)
        chunks = [self.diagnostic(d, lines, output.text_line) for d in problems]
        for failure in output.errors:
            label = "内部错误" if self.options.lang == "zh" else "internal error"
            chunks.append(
                f"{self._style('path', shown_path(output.path))}: {self._style(Severity.ERROR, label)}: "
                f"{visible(failure.message(self.options.lang))}\n"
            )
        # What could not be read comes after the problems, under a line that says so (a whole file or folder
        # not read says it in its own message); concise keeps one line per finding.
        if unread and not self.concise and any(d.code not in NOTICE_CODES for d in unread):
            lang = self.options.lang
            heading = unread_heading(sum(d.weight for d in unread), lang)
            colon = "：" if lang == "zh" else ": "
            chunks.append(f"{shown_path(output.path)}{colon}{self._style('unread', heading)}\n")
        chunks.extend(self.diagnostic(d, lines, output.text_line) for d in unread)
        return "".join(chunks)

    def diagnostic(self, d: Diagnostic, lines: list[str] | None, first: int = 1) -> str:
        """The finding's header, and under it the source line (``lines`` of the text, the first being the
        file's line ``first``) with a caret."""
        lang = self.options.lang
        loc = d.location
        where = place(loc, lang)
        level: str = "unread" if d.unread else d.severity
        head = (
            f"{self._style('path', f'{shown_path(loc.path)}:{loc.line}:{loc.column}')}"
            f"{f' ({where})' if where else ''}: "
            f"{self._style('code', d.code)} "
            f"{self._style(level, '[' + level_name(d, lang) + ']')} {visible(d.message(lang))}\n"
        )
        if self.concise or lines is None or d.code in NOTICE_CODES or not first <= loc.line < first + len(lines):
            return head
        end = loc.end_column if loc.end_line == loc.line else None
        shown, marker = caret_line(lines[loc.line - first], loc.column, end)
        number = str(loc.line)
        pad = " " * len(number)
        bar = self._style("gutter", "|")
        return (
            f"{head}{pad} {bar}\n"
            f"{self._style('gutter', number)} {bar} {shown}\n"
            f"{pad} {bar} {self._style(level, marker)}\n"
        )

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        tally = self.tally
        if not tally.files:
            return ""  # nothing could be checked: the errors on stderr say why
        if self.options.quiet:
            nothing = not (tally.problems or tally.unread or tally.skipped or tally.failures)
            return NO_PROBLEMS[self.options.lang] + "\n" if nothing else ""
        return tally.summary(self.options.lang) + "\n"
