"""Diagnostics: what a rule found, where, and what was expected.

Plain frozen data, JSON-serialisable through :meth:`Diagnostic.to_dict`, picklable.
"""

from __future__ import annotations

import hashlib
from enum import Enum
from typing import Any

import attrs

from govlint.model import Span
from govlint.records import Record


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity {text!r}: use error, warning or info") from None


@attrs.frozen(repr=False)
class Location(Record):
    """Where a diagnostic points: the file and a span in its decoded text (1-based, code points)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None
    table: int | None = None
    row: int | None = None
    cell_column: int | None = None

    @classmethod
    def from_span(cls, path: str, span: Span | None) -> Location:
        if span is None:
            return cls(path, 1, 1, 1, 1)
        origin = span.origin
        return cls(
            path,
            span.line,
            span.column,
            span.end_line,
            span.end_column,
            page=origin.page if origin else None,
            table=origin.table if origin else None,
            row=origin.row if origin else None,
            cell_column=origin.column if origin else None,
        )


@attrs.frozen(repr=False)
class Diagnostic(Record):
    """One finding.  ``message_zh`` and ``message_en`` say what is wrong, where, and what is expected."""

    code: str
    severity: Severity
    message_zh: str
    message_en: str
    location: Location
    rule: str = ""
    #: The stable key of what the finding is about ("applications.results_total.natural_person",
    #: "section.other_matters", "publish_date"), used for the fingerprint.
    key: str = ""
    expected: Any = None
    actual: Any = None
    #: True for a finding about what govlint could not read (a row or table left unread), not about the
    #: report itself: outputs count it apart ("未能读取") and scoring never deducts for it.
    unread: bool = False
    #: For the one notice that stands for the findings of its code past the per-rule cap
    #: (``max-findings-per-rule``): how many were not listed.  It is not a finding itself: counts and scores
    #: take it as that many findings (:attr:`weight`).  0 for every other diagnostic.
    omitted: int = 0

    @property
    def weight(self) -> int:
        """How many findings this diagnostic stands for: itself, or the findings it says were not listed."""
        return self.omitted or 1

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    @property
    def fingerprint(self) -> str:
        """Stable across runs and edits elsewhere in the file: code, key and the finding's values."""
        basis = "\x1f".join((self.code, self.key or f"{self.location.line}", repr(self.expected), repr(self.actual)))
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        loc = self.location
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message(lang),
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "key": self.key,
            "expected": _jsonable(self.expected),
            "actual": _jsonable(self.actual),
            "fingerprint": self.fingerprint,
            "unread": self.unread,
        }
        if self.omitted:
            data["omitted"] = self.omitted
        for name in ("page", "table", "row", "cell_column"):
            value = getattr(loc, name)
            if value is not None:
                data[name] = value
        return data


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)
