"""What the run-level phase keeps of each report: a compact, picklable digest instead of the whole Report.

A run of 10,000 reports keeps, per report, its identity, path and format, the sections' text (the tables of
三 and 四 are kept as cells, not as text) and every table cell with its status and span, so that a
cross-report rule can quote a passage or point at a cell of either report.

The digest is made where the report is parsed (in a worker process with ``-j``) and crosses the process
boundary, so it holds plain tuples, strings and bytes: pickling them costs little, while unpickling some
four hundred attrs records per report made the main process the bottleneck of a parallel run.  Sections
and cells become :class:`~govlint.model.Section` and :class:`~govlint.model.Cell` records only when a rule
asks for them.  The copy checks' work on each compared section (masking, shingle hashes) is also done
there, once per report: see :class:`Prose`.
"""

from __future__ import annotations

import bisect
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from govlint.crossreport.identity import Identity, identity_of
from govlint.crossreport.rules import compiles
from govlint.crossreport.run import COPY_SECTIONS
from govlint.crossreport.text import SHINGLE, Masked, mask
from govlint.model import (
    Cell,
    CellStatus,
    FormatName,
    Number,
    Origin,
    OriginMap,
    Origins,
    PiecePositions,
    Report,
    Section,
    Span,
)
from govlint.records import Record

#: Sections whose body is nothing but a table: their cells are kept, their text is not.
_TABLE_SECTIONS = frozenset({"applications", "review_litigation"})
#: The shingles the cross-body check compares are those whose first character's code point is a multiple of
#: this: a sample fixed by the text itself (the same in every run and on every machine), a quarter of the
#: work for a Jaccard estimate that differs from the full sets' by a few hundredths at most on sections of a
#: hundred characters or more.
SAMPLE = 4

_PackedSpan = tuple[Any, ...]
#: An origin map as plain tuples: (offset, page, table, row, column), each field None when unknown.
#: (offset, page, table, row, column, source line, source column) of each pair (see :class:`Origin`).
_PackedOrigins = tuple[tuple[int, int | None, int | None, int | None, int | None, int | None, int | None], ...]


@attrs.frozen(repr=False)
class Prose(Record):
    """A compared section as the copy checks see it, worked out once where the report is parsed."""

    #: The body masked (:func:`govlint.crossreport.text.mask`).
    masked: Masked
    #: The CRC-32 of each :data:`~govlint.crossreport.text.SHINGLE`-character passage of the masked text,
    #: in text order (``array('I')`` bytes).
    hashes: bytes
    #: The sorted, distinct hashes of the sampled passages (:data:`SAMPLE`), which the cross-body check uses.
    sample: bytes

    @classmethod
    def of(cls, body: str) -> Prose:
        masked = mask(body)
        text = masked.text
        passages = [text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)]
        hashes = array("I", [zlib.crc32(p.encode()) for p in passages])
        sampled = sorted({h for p, h in zip(passages, hashes, strict=True) if ord(p[0]) % SAMPLE == 0})
        return cls(masked, hashes.tobytes(), array("I", sampled).tobytes())

    def shingles(self) -> array[int]:
        """The passages' hashes in text order."""
        return _ints(self.hashes)

    def sampled(self) -> array[int]:
        return _ints(self.sample)


def _ints(data: bytes) -> array[int]:
    found = array("I")
    found.frombytes(data)
    return found


def _pack_span(span: Span | None) -> _PackedSpan | None:
    if span is None:
        return None
    origin = span.origin
    packed = None if origin is None else (origin.page, origin.table, origin.row, origin.column)
    return (span.start, span.end, span.line, span.column, span.end_line, span.end_column, packed)


def _unpack(packed: _PackedSpan) -> Span:
    start, end, line, column, end_line, end_column, origin = packed
    return Span(start, end, line, column, end_line, end_column, None if origin is None else Origin(*origin))


def _span(packed: _PackedSpan | None) -> Span | None:
    return None if packed is None else _unpack(packed)


def _cell(packed: tuple[Any, ...]) -> Cell:
    row, column, value, status, raw, span, unit, evidence = packed
    return Cell(row, column, value, CellStatus(status), raw, _span(span), unit, evidence)


class _Cells(Mapping[str, Cell]):
    """The digest's cells by key, each made into a :class:`Cell` on first use."""

    __slots__ = ("_made", "_packed")

    def __init__(self, packed: Mapping[str, tuple[Any, ...]]) -> None:
        self._packed = packed
        self._made: dict[str, Cell] = {}

    def __getitem__(self, key: str) -> Cell:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = _cell(self._packed[key])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, key: object) -> bool:
        return key in self._packed


@attrs.frozen(repr=False)
class Digest(Record):
    """One report as the run-level phase sees it."""

    path: str
    identity: Identity | None
    #: The body as the parser read it (before normalisation), or None.
    agency: str | None
    format: FormatName
    title: str | None
    title_span: Span | None
    #: The sections as plain tuples (see :attr:`sections`).
    packed_sections: tuple[tuple[Any, ...], ...]
    #: Every cell of the report's tables (the three standard ones, and any a plugin describes) by
    #: ``table.row.column``, as plain tuples (see :attr:`cells`).
    packed_cells: Mapping[str, tuple[Any, ...]]
    #: The compared sections (:data:`COPY_SECTIONS`) the report prints, worked out for the copy checks.
    prose: Mapping[str, Prose] = attrs.field(factory=dict)
    #: True for an earlier year's report given with ``--history``: a reference, never linted itself.
    reference: bool = False
    #: Where the report says it compiles others' (汇总…各部门), as printed, and its place; "" when it does not.
    compiles: str = ""
    compiles_span: Span | None = None
    #: The source's origin map of each compared section's body (offsets from the body's start), so that a
    #: passage quoted from it keeps its page, table, row and cell; empty for a plain-text source.
    origins: Mapping[str, _PackedOrigins] = attrs.field(factory=dict)
    _made: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The report's sections (those of 三 and 四 without their text, which is a table)."""
        found = self._made.get("sections")
        if found is None:
            found = self._made["sections"] = tuple(
                Section(number, key, title, _unpack(span), body, _unpack(body_span))
                for number, key, title, span, body, body_span in self.packed_sections
            )
        return found

    @property
    def cells(self) -> Mapping[str, Cell]:
        """Every cell of the report's tables by ``table.row.column`` (``applications.carried_over.total``; a
        plugin's table under its id)."""
        found = self._made.get("cells")
        if found is None:
            found = self._made["cells"] = _Cells(self.packed_cells)
        return found

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def cell(self, key: str) -> Cell | None:
        return self.cells.get(key)

    def value(self, key: str) -> tuple[Number | None, str] | None:
        """The value of a cell and its status's value (``"ok"``…), without making its record: for rules that
        compare many cells."""
        packed = self.packed_cells.get(key)
        return None if packed is None else (packed[2], packed[3])

    def has_table(self, table: str) -> bool:
        prefix = table + "."
        return any(key.startswith(prefix) for key in self.packed_cells)

    @classmethod
    def of(
        cls,
        *,
        path: str,
        identity: Identity | None,
        agency: str | None,
        format: FormatName,
        title: str | None,
        title_span: Span | None,
        sections: Iterable[Section],
        cells: Mapping[str, Cell],
        reference: bool = False,
        compiles: str = "",
        compiles_span: Span | None = None,
        origins: Origins = (),
    ) -> Digest:
        """A digest of the given sections and cells (by ``table.row.column``), ``origins`` the report's origin
        map: how :func:`digest` makes one, and how a test builds one by hand."""
        packed_cells = {
            key: (c.row, c.column, c.value, c.status.value, c.raw, _pack_span(c.span), c.unit, c.evidence)
            for key, c in cells.items()
        }
        sections = tuple(sections)
        packed_sections = tuple(
            (
                s.number,
                s.key,
                s.title,
                _pack_span(s.span),
                "" if s.key in _TABLE_SECTIONS else s.body,
                _pack_span(s.body_span),
            )
            for s in sections
        )
        prose = {s.key: Prose.of(s.body) for s in sections if s.key in COPY_SECTIONS}
        places = {s.key: _piece_origins(origins, s.body_span) for s in sections if s.key in prose}
        return cls(
            path,
            identity,
            agency,
            format,
            title,
            title_span,
            packed_sections,
            packed_cells,
            prose,
            reference,
            compiles,
            compiles_span,
            places,
        )

    def __getstate__(self) -> tuple[Any, ...]:
        """What crosses the process boundary: the fields, not the records made from them."""
        return tuple(getattr(self, a.name) for a in attrs.fields(Digest) if a.init)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for field, value in zip((a for a in attrs.fields(Digest) if a.init), state, strict=True):
            object.__setattr__(self, field.name, value)
        object.__setattr__(self, "_made", {})


def digest(report: Report, aliases: Mapping[str, str] | None = None, *, reference: bool = False) -> Digest:
    """The digest of a parsed report, its identity read with the configured ``aliases``."""
    cells: dict[str, Cell] = {}
    for name in report.tables:  # the standard tables and those a plugin describes (govlint_tables)
        table = report.tables[name]
        for row in table.rows.values():
            for column, cell in row.cells.items():
                cells[f"{name}.{row.key}.{column}"] = cell
    said = compiles(report.text)
    return Digest.of(
        path=report.path,
        identity=identity_of(report.agency, report.report_year, aliases),
        agency=report.agency,
        format=report.format,
        title=report.title,
        title_span=report.title_span,
        sections=report.sections,
        cells=cells,
        reference=reference,
        compiles=said.group() if said else "",
        compiles_span=report.span(said.start(), said.end()) if said else None,
        origins=report.positions.origins if report.positions is not None else (),
    )


def _piece_origins(origins: Origins, body: Span) -> _PackedOrigins:
    """The pairs of ``origins`` in effect in ``body``, their offsets counted from its start, packed; a pair
    from before it that says where it stands in the file says where the body starts."""
    if not origins:
        return ()
    lo, hi = body.start, body.end
    offsets = origins.offsets if isinstance(origins, OriginMap) else [offset for offset, _ in origins]
    first = max(bisect.bisect_right(offsets, lo) - 1, 0)
    last = bisect.bisect_left(offsets, hi)
    packed = []
    for offset, origin in (origins[i] for i in range(first, last)):
        line, column = origin.source_line, origin.source_column
        if offset < lo and line is not None:
            line, column = body.line, body.column
        packed.append((max(offset, lo) - lo, origin.page, origin.table, origin.row, origin.column, line, column))
    return tuple(packed)


def section_span(digest: Digest, key: str, start: int, end: int) -> Span:
    """The span in the report's text of ``body[start:end]`` of the section ``key`` (a compared section), for a
    finding on a passage: with the page, table, row and cell where the source says them."""
    section = digest.section(key)
    assert section is not None  # the passage was found in it
    origins = OriginMap((offset, Origin(*place)) for offset, *place in digest.origins.get(key, ()))
    base = section.body_span.start
    return PiecePositions(section.body, origins, at=section.body_span).span(base + start, base + end)
