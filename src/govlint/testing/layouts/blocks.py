"""A report model as a layout-independent sequence of blocks: lines of text and table grids with spans.

The grids have the rowspan/colspan structure of the standard tables (spec §4–§6, as the real HTML pages
have them); each renderer flattens them its own way.  Every block carries anchor keys so that a renderer can
say where each cell, row, section and date ended up:

- ``title``, ``meta``, ``meta.publish_date``, ``period``, ``signature``, ``signature.date``, ``fee``
- ``section.<key>`` (heading to the end of the section), ``heading.<key>``
- ``table.<table>``, ``art20.part<N>``, ``row.<table>.<row>``, ``cell.<table>.<row>.<column>``
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs

from govlint import schema
from govlint.records import Record
from govlint.testing.noise import Noise, digits, punctuate, split_points, stray_spaces
from govlint.testing.reportmodel import (
    DescribedTable,
    Printed,
    ReportModel,
    SectionModel,
    Value,
    application_row_spec,
)

CellKind = Literal["caption", "header", "label", "group", "value"]
LineKind = Literal["meta", "title", "heading", "para", "signature"]
MetaStyle = Literal["portal", "document"]

#: The header over the ten litigation columns of section 四 (spec §6).
LITIGATION_HEADER = "行政诉讼"
ART20_CONTENT_HEADER = "信息内容"
APPLICANTS_HEADER = "申请人情况"
ORGANISATIONS_HEADER = "法人或其他组织"


@attrs.frozen(repr=False)
class Segment(Record):
    text: str
    anchors: tuple[str, ...] = ()


@attrs.frozen(repr=False)
class Line(Record):
    """A line of text (a paragraph, heading, metadata field …) made of anchored segments."""

    segments: tuple[Segment, ...]
    kind: LineKind = "para"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@attrs.frozen(repr=False)
class GridCell(Record):
    """A table cell as HTML has it; ``text`` may hold "\\n" where a real page breaks a header cell."""

    text: str
    kind: CellKind = "label"
    rowspan: int = 1
    colspan: int = 1
    anchors: tuple[str, ...] = ()


@attrs.frozen(repr=False)
class GridRow(Record):
    """The cells that start in this row (HTML order) and the anchors of the whole row."""

    cells: tuple[GridCell, ...]
    anchors: tuple[str, ...] = ()
    header: bool = False
    #: Anchor key of the data row this grid row prints, for the digit-splitting oracle ("applications.granted").
    data: str = ""


@attrs.frozen(repr=False)
class Grid(Record):
    table: str
    width: int
    rows: tuple[GridRow, ...]
    #: The spec of a table a plugin describes (its rows' relations check a crawled row's split).
    described: schema.TableSpec | None = None


@attrs.frozen(repr=False)
class Open(Record):
    key: str


@attrs.frozen(repr=False)
class Close(Record):
    key: str


Block = Line | Grid | Open | Close


def line(text: str, *anchors: str, kind: LineKind = "para") -> Line:
    return Line((Segment(text, anchors),), kind)


def format_value(
    value: Value | None, kind: schema.ValueKind, noise: Noise, *, plus: bool = False, unit: str = ""
) -> str:
    """A table value as printed (``+n`` for a positive 2019 change when ``plus``)."""
    if value is None:
        return ""
    if isinstance(value, Printed):
        return value.raw
    if isinstance(value, Decimal):
        text = format(value, "f")
    else:
        text = f"+{value}" if plus and kind == "signed" and value > 0 else str(value)
    return digits(text, noise) + unit


def fullwidth(text: str) -> str:
    """Schema labels are stored folded; print them with the standard's full-width punctuation."""
    out = text.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")
    while '"' in out:
        out = out.replace('"', "“", 1).replace('"', "”", 1)
    return out


class _Printer:
    """Prints labels with the noise's punctuation and stray spaces, reproducibly."""

    def __init__(self, noise: Noise, salt: str) -> None:
        self.noise = noise
        self.rng = noise.rng(salt)

    def label(self, text: str) -> str:
        text = punctuate(fullwidth(text), self.noise, self.rng)
        if self.noise.label_spaces:
            text = stray_spaces(text, self.rng)
        return text

    def header(self, text: str) -> str:
        """A header cell, broken over two lines when the noise splits labels (seeds 002, 004)."""
        text = self.label(text)
        if self.noise.split_labels and len(text) == 4 and " " not in text:
            return text[:2] + "\n" + text[2:]
        return text


# ----- tables -----------------------------------------------------------------------------------------------


def art20_grid(model: ReportModel, noise: Noise) -> Grid:
    """Section 二's 第二十条 sub-tables, four columns wide as on real pages (014.html, seed 003)."""
    ad = model.active_disclosure
    assert ad is not None
    p = _Printer(noise, "art20")
    width = 4
    rows: list[GridRow] = []
    plus = p.rng.random() < 0.5
    for table in schema.FORMATS[model.format].art20:
        if table.item not in ad.parts:
            continue
        part = f"art20.part{table.item}"
        rows.append(GridRow((GridCell(p.label(table.caption), "caption", colspan=width),), (part,)))
        headers = [GridCell(p.label(ART20_CONTENT_HEADER), "header")]
        for i, col in enumerate(table.columns):
            text = ad.fee_header if col.key == "amount_10k_yuan" else fullwidth(col.label)
            span = width - len(table.columns) if i == len(table.columns) - 1 else 1
            headers.append(GridCell(p.header(text) if col.key != "amount_10k_yuan" else text, "header", colspan=span))
        rows.append(GridRow(tuple(headers), (part,), header=True))
        for row in table.rows:
            if row.key not in ad.rows:
                continue
            cells = [GridCell(p.label(row.label), "label", anchors=(f"row.active_disclosure.{row.key}",))]
            for i, col in enumerate(table.columns):
                key = f"{row.key}.{col.key}"
                unit = ad.procurement_unit if col.key == "total_amount" else ""
                text = format_value(ad.values.get(key), col.kind, noise, plus=plus, unit=unit)
                span = width - len(table.columns) if i == len(table.columns) - 1 else 1
                cells.append(GridCell(text, "value", colspan=span, anchors=(f"cell.active_disclosure.{key}",)))
            rows.append(
                GridRow(tuple(cells), (part, f"row.active_disclosure.{row.key}"), data=f"active_disclosure.{row.key}")
            )
    return Grid("active_disclosure", width, tuple(rows))


#: The first header cell of a described table printed row by row, over its row labels.
ITEM_HEADER = "项目"


def described_grid(table: DescribedTable, noise: Noise) -> Grid:
    """A table a plugin describes, each part under its header: ``项目 | column labels`` then a row per row
    of the spec (``shape="rows"``), or, for a one-row ``wide`` table, the row's label heading the header
    and the values under the column labels (the Fujian fee table)."""
    spec = table.spec
    if spec.shape == "wide" and len(spec.rows) > 1:
        raise ValueError(f"cannot print table {spec.id!r}: a wide table of more than one row")
    width = 1 + max(len(part.columns) for part in spec.parts)
    rows: list[GridRow] = []
    for part in spec.parts:
        wide = spec.shape == "wide"
        first = _label(part.rows[0]) if wide else spec.headers[0] if spec.headers else ITEM_HEADER
        labels = [GridCell(fullwidth(first), "label" if wide else "header")]
        labels += [GridCell(fullwidth(c.label), "header") for c in part.columns]
        rows.append(GridRow(tuple(labels), header=True))
        for row in part.rows:
            anchor = f"{spec.id}.{row.key}"
            cells = [GridCell("" if wide else _label(row), "label", anchors=() if wide else (f"row.{anchor}",))]
            for col in part.columns:
                text = format_value(table.values.get(f"{row.key}.{col.key}"), col.kind, noise)
                cells.append(GridCell(text, "value", anchors=(f"cell.{anchor}.{col.key}",)))
            rows.append(GridRow(tuple(cells), (f"row.{anchor}",), data=anchor))
    return Grid(spec.id, width, tuple(rows), described=spec)


def _label(row: schema.RowSpec) -> str:
    return fullwidth(row.numbering + row.label)


def described_blocks(model: ReportModel, section: str, noise: Noise) -> list[Block]:
    """The described tables that belong at the end of ``section``: a caption line (a table printed row by
    row), then the grid."""
    blocks: list[Block] = []
    for table in model.described:
        if (table.spec.section or "other_matters") != section:
            continue
        key = f"table.{table.spec.id}"
        caption = [] if table.spec.shape == "wide" else [line((table.spec.captions or (table.spec.title,))[0])]
        blocks += [Open(key), *caption, described_grid(table, noise), Close(key)]
    return blocks


def _application_rows(model: ReportModel) -> list[schema.RowSpec]:
    apps = model.applications
    assert apps is not None
    return [application_row_spec(k) for k in apps.rows]


def applications_grid(model: ReportModel, noise: Noise) -> Grid:
    """Section 三: a three-row header and label columns spanning as the standard prints them (spec §5.1)."""
    apps = model.applications
    assert apps is not None
    p = _Printer(noise, "applications")
    cols = schema.APPLICATION_COLUMNS
    header = (
        GridRow((GridCell(p.label(schema.APPLICATIONS_NOTE), "header", rowspan=3, colspan=3),
                 GridCell(p.label(APPLICANTS_HEADER), "header", colspan=7)), header=True),
        GridRow((GridCell(p.header(cols[0].label), "header", rowspan=2),
                 GridCell(p.label(ORGANISATIONS_HEADER), "header", colspan=5),
                 GridCell(p.header(cols[-1].label), "header", rowspan=2)), header=True),
        GridRow(tuple(GridCell(p.header(c.label), "header") for c in cols[1:-1]), header=True),
    )  # fmt: skip
    specs = _application_rows(model)
    # How many printed rows each group label spans (a dropped row shortens its group).
    in_results = [s for s in specs if s.group is not None]
    group_sizes: dict[str, int] = {}
    for s in in_results:
        if s.group != schema.GROUP_RESULTS:
            group_sizes[s.group or ""] = group_sizes.get(s.group or "", 0) + 1
    rows: list[GridRow] = list(header)
    seen_results = seen_group = ""
    for spec in specs:
        label = p.label((spec.numbering + spec.label) if spec.numbering else spec.label)
        row_anchor = f"row.applications.{spec.key}"
        cells: list[GridCell] = []
        if spec.group is None:
            cells.append(GridCell(label, "label", colspan=3, anchors=(row_anchor,)))
        else:
            if not seen_results:
                seen_results = "yes"
                cells.append(GridCell(p.label(schema.GROUP_RESULTS), "group", rowspan=len(in_results)))
            if spec.group == schema.GROUP_RESULTS:
                cells.append(GridCell(label, "label", colspan=2, anchors=(row_anchor,)))
            else:
                if spec.group != seen_group:
                    seen_group = spec.group
                    cells.append(GridCell(p.label(spec.group), "group", rowspan=group_sizes[spec.group]))
                cells.append(GridCell(label, "label", anchors=(row_anchor,)))
        if spec.group in (None, schema.GROUP_RESULTS):
            seen_group = ""
        for col in cols:
            value = apps.values.get(spec.key, {}).get(col.key)
            cells.append(GridCell(format_value(value, "count", noise), "value",
                                  anchors=(f"cell.applications.{spec.key}.{col.key}",)))  # fmt: skip
        for extra in apps.extra.get(spec.key, ()):
            cells.append(GridCell(extra, "value", anchors=(f"extra.applications.{spec.key}",)))
        rows.append(GridRow(tuple(cells), (row_anchor,), data=f"applications.{spec.key}"))
    width = 3 + len(cols) + max((len(v) for v in apps.extra.values()), default=0)
    return Grid("applications", width, tuple(rows))


def review_grid(model: ReportModel, noise: Noise) -> Grid:
    """Section 四: 行政复议 (5 columns) and 行政诉讼 (2 × 5) over one row of 15 numbers (spec §6)."""
    rl = model.review_litigation
    assert rl is not None
    p = _Printer(noise, "review")
    groups = schema.REVIEW_GROUPS
    columns = schema.REVIEW_COLUMNS
    top = GridRow((GridCell(p.label(groups[0].label), "header", colspan=5),
                   GridCell(p.label(LITIGATION_HEADER), "header", colspan=10)), header=True)  # fmt: skip
    middle = GridRow(
        (*(GridCell(p.header(c.label), "header", rowspan=2) for c in columns),
         GridCell(p.label(groups[1].label), "header", colspan=5),
         GridCell(p.label(groups[2].label), "header", colspan=5)), header=True,
    )  # fmt: skip
    bottom = GridRow(tuple(GridCell(p.header(c.label), "header") for _ in groups[1:] for c in columns), header=True)
    values = tuple(
        GridCell(format_value(rl.values.get(key), "count", noise), "value", anchors=(f"cell.review_litigation.{key}",))
        for key in schema.REVIEW_KEYS
    ) + tuple(GridCell(x, "value", anchors=("extra.review_litigation",)) for x in rl.extra)
    data = GridRow(values, ("row.review_litigation",), data="review_litigation")
    return Grid("review_litigation", 15 + len(rl.extra), (top, middle, bottom, data))


# ----- the document -----------------------------------------------------------------------------------------


def title_lines(model: ReportModel, noise: Noise) -> list[Line]:
    """The title, with the stray spaces or the line break real titles have (seed 000, 003)."""
    if model.title is None:
        return []
    rng = noise.rng("title")
    title = model.title
    if noise.label_spaces and str(model.report_year) in title and rng.random() < 0.6:
        year = str(model.report_year)
        title = title.replace(year, f" {year} ", 1).strip()
    if noise.split_labels and rng.random() < 0.3 and model.agency and title.startswith(model.agency):
        cut = len(model.agency)
        return [line(title[:cut], "title", kind="title"), line(title[cut:], "title", kind="title")]
    return [line(title, "title", kind="title")]


def metadata_lines(model: ReportModel, noise: Noise, style: MetaStyle, title: list[Line]) -> list[Line]:
    """The web page's metadata block: the portal style of seed 001 or the document style of seed 002."""
    meta = model.metadata
    if meta is None:
        return title
    date = meta.publish_date
    date_segment = Segment(date.text() if date else "", ("meta.publish_date",) if date else ())
    if style == "portal":
        title_text = model.title or ""
        return [
            *title,
            line(f"索引号 : {meta.index_number} 文       号 : 无", "meta", kind="meta"),
            line(f"发文机构: {meta.issuer} 主题分类: 其他", "meta", kind="meta"),
            Line((Segment(f"名       称: {title_text} {meta.date_label}: ", ("meta",)), date_segment), "meta"),
            line("有效性: 有效", "meta", kind="meta"),
        ]
    lines = [line("Document", kind="meta")] if noise.page_artifacts else []
    lines += title
    lines.append(Line((Segment(f"{meta.date_label}: ", ("meta",)), date_segment), "meta"))
    if noise.page_artifacts:
        lines += title
    return lines


def _paragraphs(texts: tuple[str, ...], noise: Noise, rng_salt: str, anchors: tuple[str, ...] = ()) -> list[Line]:
    rng = noise.rng(rng_salt)
    out: list[Line] = []
    for original in texts:
        text = punctuate(original, noise, rng) if noise.punctuation == "ascii" else original
        if noise.broken_paragraphs and len(text) > 40 and rng.random() < 0.3:
            pieces = split_points(text[20:], 2, rng)
            out += [line(text[:20] + pieces[0], *anchors), *(line(piece, *anchors) for piece in pieces[1:])]
        else:
            out.append(line(text, *anchors))
    return out


def _heading(section: SectionModel, noise: Noise) -> list[Line]:
    if section.heading is None:
        return []
    rng = noise.rng(f"heading{section.number}")
    text = section.heading
    if noise.label_spaces and rng.random() < 0.2:
        text = stray_spaces(text, rng, rate=1.0)
    if noise.indent:
        text = rng.choice(("  ", "\u3000\u3000", "    ")) + text
    return [line(text, f"heading.{section.key}", kind="heading")]


def preamble_lines(model: ReportModel, noise: Noise) -> list[Line]:
    """The preamble paragraphs, the statistics period sentence after the first one (anchored ``period``)."""
    first, rest = model.preamble[:1], model.preamble[1:]
    lines = _paragraphs(first, noise, "preamble", ("preamble",))
    if model.period is not None:
        lines.append(Line((Segment(model.period.text(), ("period", "preamble")),)))
    return lines + _paragraphs(rest, noise, "preamble-rest", ("preamble",))


def section_blocks(model: ReportModel, noise: Noise) -> list[Block]:
    """The six sections in printed order with their tables, each wrapped in Open/Close anchors."""
    blocks: list[Block] = []
    for section in model.sections:
        key = f"section.{section.key}"
        blocks += [Open(key), *_heading(section, noise)]
        if section.key == "other_matters":
            blocks += fee_lines(model)
        blocks += _paragraphs(section.paragraphs, noise, f"section{section.number}")
        grid = _section_grid(model, section.key, noise) if section.spec.table not in model.moved_tables else None
        if grid is not None:
            blocks += [Open(f"table.{grid.table}"), grid, Close(f"table.{grid.table}")]
        blocks += _paragraphs(section.trailing, noise, f"trailing{section.number}")
        for table in (t for t, place in model.moved_tables.items() if place == section.key):
            moved = _section_grid(model, next(s.key for s in schema.SECTIONS if s.table == table), noise)
            if moved is not None:  # a table printed under this section's heading, not its own (GL110)
                blocks += [Open(f"table.{table}"), moved, Close(f"table.{table}")]
        blocks += described_blocks(model, section.key, noise)
        blocks.append(Close(key))
    return blocks


def fee_lines(model: ReportModel) -> list[Line]:
    fee = model.fee
    lines = [line(fee.subheading)] if fee.subheading else []
    lines.append(line(fee.text, "fee"))
    return lines


def _section_grid(model: ReportModel, section: str, noise: Noise) -> Grid | None:
    if section == "active_disclosure" and model.active_disclosure is not None:
        return art20_grid(model, noise)
    if section == "applications" and model.applications is not None:
        return applications_grid(model, noise)
    if section == "review_litigation" and model.review_litigation is not None:
        return review_grid(model, noise)
    return None


def signature_lines(model: ReportModel) -> list[Line]:
    sig = model.signature
    if sig is None:
        return []
    lines = [line(model.agency, "signature", kind="signature")] if sig.agency_line else []
    if sig.date is not None:
        lines.append(line(sig.date.text(), "signature", "signature.date", kind="signature"))
    return lines


def document(model: ReportModel, noise: Noise, *, meta_style: MetaStyle | None = None) -> list[Block]:
    """The whole report: metadata and title, preamble, the six sections, the signature.

    ``meta_style`` overrides the model's metadata style; renderers with their own page header print the
    metadata themselves and pass the title lines only.
    """
    title = title_lines(model, noise)
    style = meta_style or (model.metadata.style if model.metadata else "portal")
    head = metadata_lines(model, noise, style if style in ("portal", "document") else "portal", title)
    return [*head, *preamble_lines(model, noise), *section_blocks(model, noise), *signature_lines(model)]
