"""The roster: which bodies must publish a report, at which level, and by which deadline.

A CSV file with a header row naming the columns ``body``, ``level``, ``region`` and, optionally,
``deadline`` (the body's own deadline as ``MM-DD``, for localities that set one earlier than the
regulation's 31 January, e.g. ``01-28``).  Column names may also be given in Chinese: 单位/主体, 层级,
地区, 截止日期.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping

import attrs

from govlint.crossreport.identity import normalise_body
from govlint.errors import ConfigError

_COLUMNS = {
    "body": "body",
    "单位": "body",
    "主体": "body",
    "level": "level",
    "层级": "level",
    "region": "region",
    "地区": "region",
    "deadline": "deadline",
    "截止日期": "deadline",
}
_DEADLINE = re.compile(r"(\d{1,2})-(\d{1,2})")


@attrs.frozen
class RosterEntry:
    """One body that must publish, with the line of the roster that names it."""

    body: str
    level: str
    region: str
    #: (month, day) of the body's own deadline in the year after the report year, or None.
    deadline: tuple[int, int] | None
    line: int


@attrs.frozen
class Roster:
    path: str
    entries: tuple[RosterEntry, ...]

    def entry(self, body: str) -> RosterEntry | None:
        return next((e for e in self.entries if e.body == body), None)


def read_roster(path: str, aliases: Mapping[str, str] | None = None) -> Roster:
    """Read a roster CSV (UTF-8, with or without BOM); ConfigError names the file and line of a bad row."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the roster ({getattr(exc, 'strerror', None) or exc})") from None
    return parse_roster(text, path, aliases)


def parse_roster(text: str, path: str, aliases: Mapping[str, str] | None = None) -> Roster:
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None:
        raise ConfigError(f"{path}: the roster is empty (expected a header: body,level,region,deadline)")
    names = [_COLUMNS.get(h.strip().lower()) for h in header]
    if "body" not in names:
        raise ConfigError(f"{path}:1: the roster's header names no body column (body or 单位)")
    entries = []
    for number, row in enumerate(rows, start=2):
        values = {name: value.strip() for name, value in zip(names, row, strict=False) if name}
        if not values.get("body"):
            continue
        deadline = None
        if values.get("deadline"):
            match = _DEADLINE.fullmatch(values["deadline"])
            if match is None or not (1 <= int(match[1]) <= 12 and 1 <= int(match[2]) <= 31):
                raise ConfigError(f"{path}:{number}: deadline {values['deadline']!r} is not MM-DD such as 01-28")
            deadline = (int(match[1]), int(match[2]))
        body = normalise_body(values["body"], aliases)
        entries.append(RosterEntry(body, values.get("level", ""), values.get("region", ""), deadline, number))
    return Roster(path, tuple(entries))
