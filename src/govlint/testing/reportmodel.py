"""A plain description of a report to generate, render and mutate.

A :class:`ReportModel` says what a report *contains* (agency, year, dates, the six sections, every table
value) independently of how it is printed; the renderers in :mod:`govlint.testing.layouts` write it in each
real layout, and :mod:`govlint.testing.mutations` change it in ways a rule must notice.  Every row, column
and key comes from :mod:`govlint.schema`.

A table value is an ``int`` or a :class:`~decimal.Decimal` (printed as a number) or a :class:`Printed`
(a raw text such as ``"/"`` or ``"-3"``, with the value a correct reader must get from it, or None).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

import attrs

from govlint import schema
from govlint.model import Number
from govlint.records import Record

AgencyKind = Literal["township", "street", "department", "government"]
DateStyle = Literal["cn", "cn_padded", "iso", "iso_time"]
FeeKind = Literal["none", "notices_unpaid", "amount", "no_notice", "absent"]
MetaStyle = Literal["portal", "document", "crawler"]


@attrs.frozen(repr=False)
class Printed(Record):
    """A cell printed as raw text; ``value`` is what a correct reader yields (None: empty or unreadable)."""

    raw: str
    value: Number | None = None


Value = int | Decimal | Printed


def value_of(value: Value | None) -> Number | None:
    """The number a correct reader gets from a model value."""
    if value is None:
        return None
    if isinstance(value, Printed):
        return value.value
    return value


@attrs.frozen(repr=False)
class PrintedDate(Record):
    """A date as printed; it may be impossible (2月30日)."""

    year: int
    month: int
    day: int
    style: DateStyle = "cn"

    @property
    def date(self) -> dt.date | None:
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @classmethod
    def of(cls, date: dt.date, style: DateStyle = "cn") -> PrintedDate:
        return cls(date.year, date.month, date.day, style)

    def text(self) -> str:
        if self.style == "cn":
            return f"{self.year}年{self.month}月{self.day}日"
        if self.style == "cn_padded":
            return f"{self.year}年{self.month:02d}月{self.day:02d}日"
        if self.style == "iso":
            return f"{self.year}-{self.month:02d}-{self.day:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d} {8 + self.day % 9:02d}:{(self.day * 7) % 60:02d}"


@attrs.frozen(repr=False)
class Metadata(Record):
    """The web page's metadata block before the title (spec §2 item 1)."""

    style: MetaStyle
    publish_date: PrintedDate | None
    issuer: str
    index_number: str = ""
    #: Label of the date field: 发布日期 or 发布时间.
    date_label: str = "发布日期"


@attrs.frozen(repr=False)
class Signature(Record):
    """The 落款: the body's name (optional) and the date."""

    agency_line: bool
    date: PrintedDate | None


@attrs.frozen(repr=False)
class Period(Record):
    """The statistics period sentence of the preamble: two dates and the template that prints them."""

    start: PrintedDate
    end: PrintedDate
    #: A template with ``{start}`` and ``{end}``.
    template: str

    def text(self) -> str:
        return self.template.format(start=self.start.text(), end=self.end.text())


@attrs.frozen(repr=False)
class FeeStatement(Record):
    """What section 六 says about the 信息处理费 (spec §8.4)."""

    kind: FeeKind
    text: str
    #: A sub-heading printed before the statement (seed 000: ``(一) 收取信息处理费情况``), or "".
    subheading: str = ""


@attrs.frozen(repr=False)
class SectionModel(Record):
    """One of the six sections: its heading as printed (None when dropped) and its prose paragraphs."""

    number: int
    key: str
    heading: str | None
    paragraphs: tuple[str, ...]
    #: Prose printed after the section's table (section 四 in seed 001 has prose before it; 二 after it).
    trailing: tuple[str, ...] = ()

    @property
    def spec(self) -> schema.SectionSpec:
        return schema.SECTIONS_BY_NUMBER[self.number]


@attrs.frozen(repr=False)
class ActiveDisclosure(Record):
    """Section 二: the 第二十条 sub-tables, by item, and their values keyed ``row.column``."""

    values: Mapping[str, Value]
    #: The 第二十条 items printed (1, 5, 6, 8 and 9 in 2019), in order.
    parts: tuple[int, ...]
    #: Printed row keys; a row of a printed part that is missing here was dropped.
    rows: tuple[str, ...]
    #: The printed header of the 第二十条第(八)项 amount column in 2021 (unit defects change it).
    fee_header: str = "本年收费金额（单位：万元）"
    #: Unit printed inside the 2019 采购总金额 cell ("元"), or "".
    procurement_unit: str = ""


@attrs.frozen(repr=False)
class Applications(Record):
    """Section 三: rows in printed order, values keyed by row and column key, extra printed values."""

    rows: tuple[str, ...]
    values: Mapping[str, Mapping[str, Value]]
    #: Values printed after a row's seven (a row with more values than columns, GL108).
    extra: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    def value(self, row: str, column: str) -> Number | None:
        return value_of(self.values.get(row, {}).get(column))


@attrs.frozen(repr=False)
class ReviewLitigation(Record):
    """Section 四: the 15 values keyed ``group.column``."""

    values: Mapping[str, Value]
    extra: tuple[str, ...] = ()


@attrs.frozen(repr=False)
class DescribedTable(Record):
    """A table a plugin describes (``govlint_tables``): its spec and its values keyed ``row.column``.  It is
    printed at the end of the section its spec names (section 六 when it names none), every row of the spec
    in order."""

    spec: schema.TableSpec
    values: Mapping[str, Value]

    def expected(self) -> dict[str, Number | None]:
        """The values a correct parse yields, keyed ``row.column``."""
        return {key: value_of(self.values.get(key)) for key in self.spec.cell_keys}


@attrs.frozen(repr=False)
class ReportModel(Record):
    """Everything a generated report contains, independent of its layout."""

    agency: str
    kind: AgencyKind
    report_year: int
    #: The table layout printed: "2021" or "2019" (see :func:`govlint.schema.expected_format`).
    format: schema.FormatKey
    #: The title as printed (no layout noise), or None when the report has no title line.
    title: str | None
    metadata: Metadata | None
    preamble: tuple[str, ...]
    period: Period | None
    sections: tuple[SectionModel, ...]
    active_disclosure: ActiveDisclosure | None
    applications: Applications | None
    review_litigation: ReviewLitigation | None
    fee: FeeStatement
    signature: Signature | None
    #: Tables plugins describe, with their values (:func:`govlint.testing.strategies.described_tables`).
    described: tuple[DescribedTable, ...] = ()
    #: Tables printed at the end of another section than their own (table key -> section key): GL110.
    moved_tables: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def publish_date(self) -> PrintedDate | None:
        return self.metadata.publish_date if self.metadata else None

    @property
    def signature_date(self) -> PrintedDate | None:
        return self.signature.date if self.signature else None

    @property
    def deadline(self) -> dt.date:
        """The legal publication deadline (spec §8.2): 31 March for a county-or-higher government's own
        report, 31 January otherwise."""
        month = 3 if self.kind == "government" else 1
        return dt.date(self.report_year + 1, month, 31)

    def section(self, key: str) -> SectionModel | None:
        return next((s for s in self.sections if s.key == key), None)

    def expected_art20(self) -> dict[str, Number | None]:
        """Section 二 values a correct parse yields, keyed ``row.column``, for the printed rows."""
        if self.active_disclosure is None:
            return {}
        ad = self.active_disclosure
        keys = [k for k in schema.FORMATS[self.format].art20_keys if k.rpartition(".")[0] in ad.rows]
        return {k: value_of(ad.values.get(k)) for k in keys}

    def expected_applications(self) -> dict[str, Number | None]:
        """Section 三 values keyed ``row.column``, for the printed rows."""
        if self.applications is None:
            return {}
        apps = self.applications
        return {f"{row}.{col}": apps.value(row, col) for row in apps.rows for col in schema.APPLICATION_COLUMN_KEYS}

    def expected_review(self) -> dict[str, Number | None]:
        if self.review_litigation is None:
            return {}
        return {k: value_of(self.review_litigation.values.get(k)) for k in schema.REVIEW_KEYS}


def art20_row_keys(format_key: str, parts: tuple[int, ...] | None = None) -> tuple[str, ...]:
    """The row keys of section 二 in printed order (optionally only of some 第二十条 items)."""
    return tuple(r.key for t in schema.FORMATS[format_key].art20 if parts is None or t.item in parts for r in t.rows)


def application_row_spec(key: str) -> schema.RowSpec:
    """The schema row of a section 三 row key, in either format."""
    for row in (*schema.APPLICATION_ROWS_2021, schema.ROW_OTHER_ALL):
        if row.key == key:
            return row
    raise KeyError(key)
