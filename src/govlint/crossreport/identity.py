"""Who wrote a report and for which year: the key that groups the files of a run.

The body is the name the parser read (``Report.agency``: a 区/县 government already without its parent city),
without whitespace and with configured aliases applied (bodies get renamed: 财政局 → 财政金融局), so that
last year's report of the same body is found whatever it was called then.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govlint.records import Record

#: The last character of an administrative division's name (平潭综合实验区, 福建省, 淮安市, 洪泽区 …).
_DIVISION_ENDS = frozenset("省市州盟区县旗")
#: Names ending in a division character that are a body, not a division (君山片区管理局's 片区).
_NOT_DIVISIONS = ("片区", "园区", "社区", "景区", "港区", "开发区")
_DIVISION_MAX = 10


@attrs.frozen(repr=False)
class Identity(Record):
    """A report's identity: the normalised body name, its region when the name shows one, the report year."""

    body: str
    year: int
    region: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        """What two reports must share to be the same body's report for the same year."""
        return (self.body, self.year)

    def __str__(self) -> str:
        return f"{self.body} {self.year}"


def normalise_body(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The body's name without whitespace, with an alias replaced by its current name.

    An alias matches the whole name or its end after the region (``财政局`` renames
    ``平潭综合实验区财政局`` to ``平潭综合实验区财政金融局``), so that a short alias table serves a region.
    """
    body = "".join(name.split())
    if not aliases:
        return body
    for old, new in aliases.items():
        if body == "".join(old.split()):
            return "".join(new.split())
    region = region_of(body) or ""
    rest = body[len(region) :]
    for old, new in aliases.items():
        if rest == "".join(old.split()):
            return region + "".join(new.split())
    return body


def region_of(body: str) -> str | None:
    """The administrative divisions that open the body's name (福建省福州市 of 福建省福州市财政局), or None."""
    end = 0
    while end < len(body):
        stop = min(len(body) - 1, end + _DIVISION_MAX)
        nxt = next((i for i in range(end + 1, stop) if _ends_division(body, i)), None)
        if nxt is None:
            break
        segment = body[end : nxt + 1]
        if segment.endswith(_NOT_DIVISIONS) or len(segment) < 2:
            break
        end = nxt + 1
    return body[:end] or None


def _ends_division(name: str, index: int) -> bool:
    """Whether a division's name ends at ``index``: 市 of 福州市, not 州 of it (the next character ends it)."""
    return name[index] in _DIVISION_ENDS and name[index + 1] not in _DIVISION_ENDS


def identity_of(agency: str | None, year: int | None, aliases: Mapping[str, str] | None = None) -> Identity | None:
    """The identity of a report whose body and year the parser read, or None when it found either missing."""
    if not agency or year is None:
        return None
    body = normalise_body(agency, aliases)
    return Identity(body, year, region_of(body)) if body else None
