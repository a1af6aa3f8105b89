"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…::message`` per finding.

What govlint could not read is a ``::notice`` whatever its severity, labelled 未能读取 ("unread"): GitHub shows a
notice as information, not as a problem of the change."""

from __future__ import annotations

from govlint.diagnostics import Severity
from govlint.output import UNREAD_NAME, FileOutput, Formatter, place, visible

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """A command's message: escaped (no control or bidi character reaches the runner), then %-encoded."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def file(self, output: FileOutput) -> str:
        lang = self.options.lang
        lines = []
        for d in output.diagnostics:
            loc = d.location
            props = [f"file={_property(loc.path)}", f"line={loc.line}", f"col={loc.column}"]
            if loc.end_line >= loc.line:
                props += [f"endLine={loc.end_line}", f"endColumn={max(loc.end_column, loc.column)}"]
            props.append(f"title={_property(f'govlint {d.code}')}")
            where = place(loc, lang)
            label = f"[{UNREAD_NAME[lang]}] " if d.unread else ""
            message = f"{d.code} {label}{d.message(lang)}" + (f" ({where})" if where else "")
            level = "notice" if d.unread else _LEVEL[d.severity]
            lines.append(f"::{level} {','.join(props)}::{_data(message)}\n")
        for failure in output.errors:
            lines.append(f"::error file={_property(output.path)},title=govlint::{_data(failure.message(lang))}\n")
        return "".join(lines)
