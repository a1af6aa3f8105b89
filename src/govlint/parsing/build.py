"""Text to :class:`govlint.model.Report`: lexer, facts, the generated grammar, its tree as sections, tables
and deviations."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from lark.exceptions import LarkError

from govlint.model import Deviation, FormatName, Positions, Report, Table, Tables, Unplaced, checked_format
from govlint.parsing.facts import extract_facts
from govlint.parsing.grammar import parse
from govlint.parsing.headings import Headings
from govlint.parsing.labels import catalogue, find_labels
from govlint.parsing.lexer import tokenize
from govlint.parsing.productions import productions
from govlint.parsing.tablebuilder import TableBuilder, TablesResult
from govlint.parsing.trees import Parsed, ReportTrees, sections
from govlint.schema import FormatSpec, TableSpec, expected_format, fold
from govlint.sources.document import Document


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while a report is parsed.

    The parse makes hundreds of thousands of small records for a large report and no reference cycles
    worth collecting (refcounting frees them); each full pass of the collector rescans all of them, which made
    parse time grow faster than the input (docs/performance.md).  Collection resumes afterwards, also when
    another thread paused it first.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_document(document: Document, tables: Sequence[TableSpec] = ()) -> Report:
    """Parse a decoded document into its AST, reading the standard tables and those ``tables`` describe
    (a plugin's, from ``govlint_tables``).  Never raises on a badly formed report."""
    with _no_cycle_collection():
        return _parse(document, tuple(tables))


def _parse(document: Document, described: tuple[TableSpec, ...]) -> Report:
    text = document.text
    folded = fold(text)
    index = Positions(text, document.origins, line=document.line)
    grammar = productions(described)
    stream = tokenize(text, folded, find_labels(folded, catalogue(described)), grammar)
    headings = stream.headings
    untaken = tuple(_untaken(stream.untaken, index))
    facts = extract_facts(document, index, headings)
    builder = TableBuilder(index, text, described)
    # each table goes to the builder as the grammar closes it, and its tokens go with it
    trees = ReportTrees(grammar, index, text, builder.add)
    try:
        if stream.prose_only:  # the grammar's tree would be the preamble alone: no section, table or deviation
            parsed, result = Parsed((), (), ()), builder.finish()
        else:
            tree, unexpected, untaken_labels = parse(stream, grammar, trees.close)
            del stream, folded
            parsed = trees.read(tree, unexpected)
            untaken += tuple(map(trees.untaken, untaken_labels))
            del tree
            result = builder.finish()
    except LarkError as error:  # the parse takes every token sequence the lexer makes; keep the report
        span = index.span(0, len(text))
        problem = Unplaced("document", "", span, f"grammar: {error}")
        parsed = Parsed(tuple(sections(text, headings, index)), headings, ())
        result = TablesResult(Tables(), None, False, (problem,))
    fmt = _format(result, facts.report_year)
    spec = checked_format(fmt, facts.report_year)
    missing = missing_rows(result.tables, spec, index, described)
    return Report(
        path=document.path,
        text=text,
        format=fmt,
        title=facts.title,
        title_span=facts.title_span,
        agency=facts.agency,
        report_year=facts.report_year,
        year_mentions=facts.year_mentions,
        publish_date=facts.publish_date,
        signature_date=facts.signature_date,
        signature_month=facts.signature_month,
        dates=facts.dates,
        statistics_period=facts.statistics_period,
        metadata=facts.metadata,
        sections=parsed.sections,
        tables=result.tables,
        unplaced=result.unplaced,
        deviations=tuple(sorted((*parsed.deviations, *untaken, *missing), key=lambda deviation: deviation.span.start)),
        mixed_format=result.has_other_all and fmt == "2021",
        replaced_bytes=document.replaced_bytes,
        source=document.source,
        images=tuple(index.span(offset, offset) for offset in document.images),
        described=described,
        positions=index,
    )


def _untaken(headings: Headings | None, index: Positions) -> Iterator[Deviation]:
    """One deviation for the section headings printed past :data:`govlint.parsing.headings.MAX_HEADINGS`,
    which the lexer read as prose: how many, at the first."""
    first = headings.first_untaken if headings is not None else None
    if headings is not None and first is not None:
        span = index.span(first.start, first.end)
        yield Deviation("headings-untaken", first.spec.key, first.title, span, count=headings.untaken)


def _format(result: TablesResult, report_year: int | None) -> FormatName:
    """The format shown by the tables; for tables that do not show it, the format of the report year."""
    tables = result.tables
    if tables.active_disclosure is None and tables.applications is None and tables.review_litigation is None:
        return "unknown"
    if result.format == "2019":
        return "2019"
    if result.format == "2021":
        return "2021"
    expected = expected_format(report_year) if report_year is not None else None
    return expected if expected is not None else "unknown"


def missing_rows(
    tables: Tables, spec: FormatSpec | None, index: Positions, described: Sequence[TableSpec] = ()
) -> Iterator[Deviation]:
    """The rows the tables read lack, each where it should be: at the next row present, else the previous one,
    else the table.  The standard tables of ``spec`` (of 第二十条, only the sub-tables printed) and every table
    ``described`` (a plugin's).  A row not found may be absent or printed in a shape the parse could not read:
    GL104 weighs that, for every table alike (:mod:`govlint.rules.strays`)."""
    for table_spec in (*(spec.tables if spec is not None else ()), *described):
        table = tables.get(table_spec.id)
        if table is None:
            continue
        keys = _expected_rows(table_spec, table)
        for position, key in enumerate(keys):
            if key in table.rows:
                continue
            order = [*keys[position + 1 :], *reversed(keys[:position])]
            if "other.all" in table.rows and key.startswith("other."):
                order.insert(0, "other.all")  # the 2019 single row stands where the 2021 rows (六)1-3 belong
            near = next((row.span for row in map(table.rows.get, order) if row is not None and row.span), None)
            yield Deviation("row-missing", key, "", near or table.span or index.span(0, 0), table_spec.id)


def _expected_rows(spec: TableSpec, table: Table) -> tuple[str, ...]:
    """The rows ``table`` must print: every row of its spec, or, for a table of sub-tables with captions
    (第二十条), the rows of the sub-tables it prints."""
    if len(spec.parts) == 1:
        return spec.row_keys
    present = table.parts_present(spec.parts)
    return tuple(row.key for part in spec.parts if part.item in present for row in part.rows)
