"""The roster: which bodies must publish a report, at which level, and by which deadline.

A CSV file with a header row naming the columns ``body``, ``level``, ``region`` and, optionally,
``deadline`` (the body's own deadline as ``MM-DD``, for localities that set one earlier than the
regulation's, e.g. ``01-28`` for city departments) and ``parent`` (the body whose summary report, 汇总, adds
this body's up: see GL508).  Column names may also be given in Chinese: 单位/主体, 层级, 地区, 截止日期,
汇总单位/上级.

``level`` says which deadline of 条例 第四十九条 applies (GL402): a government's own report
(``government``, 政府, 人民政府, 本级政府) or a department's, 乡镇's or 街道's (``department``, 部门, 乡镇,
街道, 单位); an empty level leaves it to the report.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
from collections.abc import Iterator, Mapping

import attrs

from govlint.crossreport.identity import normalise_body
from govlint.crossreport.options import OPTION_ALIASES, OPTION_ROSTER, aliases
from govlint.errors import ConfigError, InputError
from govlint.records import Record
from govlint.rule import Level, RuleContext
from govlint.sources.guard import read_input_file

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
    "parent": "parent",
    "汇总单位": "parent",
    "上级": "parent",
}
_DEADLINE = re.compile(r"(\d{1,2})-(\d{1,2})")
#: Words of the ``level`` column, the department words first (市直部门, 乡镇街道 are departments).
_LEVEL_WORDS: tuple[tuple[str, Level], ...] = (
    ("department", "department"),
    ("部门", "department"),
    ("乡", "department"),
    ("镇", "department"),
    ("街道", "department"),
    ("单位", "department"),
    ("government", "government"),
    ("政府", "government"),
)


def level_of(word: str) -> Level | None:
    """The level a roster's ``level`` word names, or None for an empty word."""
    folded = word.strip().lower()
    if not folded:
        return None
    found = next((level for key, level in _LEVEL_WORDS if key in folded), None)
    if found is None:
        raise ValueError(word)
    return found


@attrs.frozen(repr=False, eq=False)
class RosterEntry(Record):
    """One body that must publish, with the line of the roster that names it."""

    #: The body's normalised name, with its region in front when the roster gives the region apart.
    body: str
    level: str
    region: str
    #: (month, day) of the body's own deadline in the year after the report year, or None.
    deadline: tuple[int, int] | None
    line: int
    #: The body whose summary report adds this body's up (normalised like :attr:`body`), or "".
    parent: str = ""
    #: The name without the region, when the roster gives the region apart: a report may print either.
    short: str = ""

    @property
    def kind(self) -> Level | None:
        """The level of :attr:`level` (checked when the roster is read)."""
        return level_of(self.level)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.body, self.short) if self.short else (self.body,)


@attrs.frozen(repr=False, eq=False)
class Roster(Record):
    path: str
    entries: tuple[RosterEntry, ...]
    _by_name: Mapping[str, RosterEntry] = attrs.field(init=False, repr=False, eq=False)

    @_by_name.default
    def _index(self) -> Mapping[str, RosterEntry]:
        index: dict[str, RosterEntry] = {}
        for entry in reversed(self.entries):  # the first line naming a body wins
            index.update(dict.fromkeys(entry.names, entry))
        return index

    def entry(self, body: str) -> RosterEntry | None:
        """The entry of a body (a report identity's normalised name), by its full or short name."""
        return self._by_name.get(body)

    def parts(self, entry: RosterEntry) -> tuple[RosterEntry, ...]:
        """The bodies whose ``parent`` is ``entry``'s body."""
        return tuple(e for e in self.entries if e.parent and e.parent in entry.names)


def read_roster(path: str, aliases: Mapping[str, str] | None = None) -> Roster:
    """Read a roster CSV (UTF-8, with or without BOM); ConfigError names the file and line of a bad row.

    The file is read as a report is (:func:`govlint.sources.guard.read_input_file`): a regular file of at
    most 50 MB, so that a named pipe does not hang the run and a huge file does not exhaust it."""
    try:
        text = read_input_file(path).decode("utf-8-sig")
    except InputError as exc:
        raise ConfigError(
            f"{path}: cannot read the roster ({exc.reason_en})", f"{path}：无法读取名册（{exc.reason_zh}）"
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: cannot read the roster (not UTF-8 at byte {exc.start})",
            f"{path}：无法读取名册（第 {exc.start} 字节不是 UTF-8 编码，请另存为 UTF-8 的 CSV）",
        ) from None
    return parse_roster(text, path, aliases)


def _name(body: str, region: str, aliases: Mapping[str, str] | None) -> tuple[str, str]:
    """The full and short names of a body the roster lists with its region apart (short is "" when the name
    already starts with the region)."""
    name = normalise_body(body, aliases)
    region = "".join(region.split())
    if not region or name.startswith(region):
        return name, ""
    return normalise_body(region + name, aliases), name


def parse_roster(text: str, path: str, aliases: Mapping[str, str] | None = None) -> Roster:
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None:
        raise ConfigError(
            f"{path}: the roster is empty (expected a header: body,level,region,deadline)",
            f"{path}：名册为空（第一行应为表头：单位、层级、地区、期限）",
        )
    names = [_COLUMNS.get(h.strip().lower()) for h in header]
    if "body" not in names:
        raise ConfigError(
            f"{path}:1: the roster's header names no body column (body or 单位)",
            f"{path}:1：名册的表头没有单位列（“单位”）",
        )
    entries = []
    try:
        entries = _entries(rows, names, path, aliases)
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte
        raise ConfigError(
            f"{path}:{rows.line_num}: not a CSV row ({exc})",
            f"{path}:{rows.line_num}：不是 CSV 的一行（字段过长或含有 NUL 字节）",
        ) from None
    return Roster(path, tuple(entries))


def _entries(
    rows: Iterator[list[str]], names: list[str | None], path: str, aliases: Mapping[str, str] | None
) -> list[RosterEntry]:
    entries = []
    for number, row in enumerate(rows, start=2):
        values = {name: value.strip() for name, value in zip(names, row, strict=False) if name}
        if not values.get("body"):
            continue
        deadline = None
        if values.get("deadline"):
            match = _DEADLINE.fullmatch(values["deadline"])
            if match is None or not (1 <= int(match[1]) <= 12 and 1 <= int(match[2]) <= 31):
                raise ConfigError(
                    f"{path}:{number}: deadline {values['deadline']!r} is not MM-DD such as 01-28",
                    f"{path}:{number}：期限 {values['deadline']!r} 应写作“月-日”，如 01-28",
                )
            deadline = (int(match[1]), int(match[2]))
        level = values.get("level", "")
        try:
            level_of(level)
        except ValueError:
            raise ConfigError(
                f"{path}:{number}: level {level!r} names neither a government (government, 政府) nor a department "
                "(department, 部门, 乡镇, 街道)",
                f"{path}:{number}：层级 {level!r} 既不是政府（政府），也不是部门（部门、乡镇、街道）",
            ) from None
        region = values.get("region", "")
        body, short = _name(values["body"], region, aliases)
        parent = _name(values["parent"], region, aliases)[0] if values.get("parent") else ""
        entries.append(RosterEntry(body, level, region, deadline, number, parent, short))
    return entries


def roster_of(options: Mapping[str, object]) -> Roster | None:
    """The roster the ``roster`` option names (read once while the file is unchanged), or None."""
    path = options.get(OPTION_ROSTER) or ""
    if not path:
        return None
    found = aliases(options.get(OPTION_ALIASES) or {})
    try:
        changed = os.stat(str(path)).st_mtime_ns
    except OSError:
        changed = 0  # read_roster names the error
    return _cached(str(path), changed, tuple(found.items()))


def _shown(path: str) -> str:
    """The roster's path as findings show it: relative to the working directory when inside it."""
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith(os.pardir) else relative


@functools.lru_cache(maxsize=8)
def _cached(path: str, changed: int, found: tuple[tuple[str, str], ...]) -> Roster:
    return attrs.evolve(read_roster(path, dict(found)), path=_shown(path))


def roster_entry(ctx: RuleContext, agency: str | None) -> tuple[Roster, RosterEntry] | None:
    """The roster (``roster`` option) and its entry for the body named ``agency``, when both exist."""
    roster = roster_of(ctx.options)
    if roster is None or not agency:
        return None
    entry = roster.entry(normalise_body(agency, aliases(ctx.options.get(OPTION_ALIASES) or {})))
    return None if entry is None else (roster, entry)
