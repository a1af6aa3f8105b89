"""The library's face: parse and lint a report given as a file or as text.  No printing, no exiting, no I/O
not asked for.

:func:`parse_file`/:func:`parse_text` and :func:`lint_file`/:func:`lint_text` say what their argument is;
:func:`parse` and :func:`lint` guess it (a one-line ``str`` naming an existing file is read as that file),
and warn when a ``str`` could be either.
"""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from govlint.config import Config
    from govlint.linter import LintResult
    from govlint.model import Report
    from govlint.plugins import Plugins
    from govlint.schema import TableSpec
    from govlint.sources import Document, Source


class AmbiguousSourceWarning(UserWarning):
    """:func:`parse` or :func:`lint` was given a one-line ``str``, which could be a path or a report's text."""


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    name: str | None = None,
    tables: Sequence[TableSpec] = (),
) -> Report:
    """Parse the report in the file at ``path`` (text, Markdown, HTML, Word or PDF, by its extension or
    content).  ``encoding`` overrides the detected encoding of text and HTML; ``name`` is the path the report
    and its messages show; ``tables`` are tables to read besides the standard ones (a plugin's
    ``govlint_tables``), found in ``report.tables[spec.id]``.  Raises :class:`govlint.errors.InputError` when
    the file cannot be read as a report; never raises on a badly formed report."""
    from govlint.sources import load_file

    return _parse(load_file(path, encoding=encoding, name=name), tables)


def parse_text(text: str, *, name: str | None = None, tables: Sequence[TableSpec] = ()) -> Report:
    """Parse a report given as its text (or a web page's source), never taken for a path; ``name`` is the
    path its messages show (default ``<string>``); ``tables`` as for :func:`parse_file`."""
    from govlint.sources import load_text

    return _parse(load_text(text, name=name), tables)


def parse(
    source: Source, *, encoding: str | None = None, name: str | None = None, tables: Sequence[TableSpec] = ()
) -> Report:
    """Parse a report into its AST: a path (``pathlib.Path``, or a one-line ``str`` naming an existing file),
    the file's ``bytes``, or the report's text as ``str``.

    A one-line ``str`` is ambiguous, and gives an :class:`AmbiguousSourceWarning`: say what it is with
    :func:`parse_file` or :func:`parse_text`.  Raises :class:`govlint.errors.InputError` when the source cannot
    be read as a report; never raises on a badly formed report.  ``tables`` as for :func:`parse_file`.
    """
    from govlint.sources import load

    _warn_if_ambiguous("parse", source)
    return _parse(load(source, encoding=encoding, name=name), tables)


def read_reports(
    path: str,
    *,
    data: bytes | None = None,
    encoding: str | None = None,
    name: str | None = None,
    tables: Sequence[TableSpec] = (),
) -> tuple[Report, ...]:
    """The reports in one file as ``govlint check`` and ``govlint parse`` read it: the file at ``path``, or
    ``data``, its bytes (standard input, named ``name``, default ``<stdin>``); one report, or each report of
    a compilation (汇编), split by :func:`govlint.sources.compilation.split`.  Each keeps the file's name, by
    which the configuration chooses what applies; :func:`shown_names` gives the names findings and output
    show.  Raises :class:`govlint.errors.InputError` when the file cannot be read."""
    from govlint.parsing import parse_document

    return tuple(parse_document(part, tables) for part in read_documents(path, data=data, encoding=encoding, name=name))


def read_documents(
    path: str,
    *,
    data: bytes | None = None,
    encoding: str | None = None,
    name: str | None = None,
    within: str | None = None,
) -> tuple[Document, ...]:
    """The documents :func:`read_reports` parses, one per report of the file (the same arguments, and
    ``within``: the real path of the folder the file was found in, :func:`govlint.sources.load_file`): to
    parse and check a compilation's reports one at a time, with one report's AST alive at once.  A file of
    more than :data:`~govlint.sources.compilation.MAX_REPORTS` reports raises
    :class:`~govlint.errors.InputError`, for every reader (``check``, ``parse``, :func:`read_reports`)."""
    from govlint.sources import load, load_file
    from govlint.sources.compilation import split, too_many

    if data is not None:
        document = load(data, encoding=encoding, name=name or "<stdin>")
    else:
        document = load_file(path, encoding=encoding, name=path, within=within)
    parts = split(document)
    refused = too_many(parts, name or path)
    if refused is not None:
        raise refused
    return parts


def shown_names(reports: Sequence[Report]) -> tuple[str, ...]:
    """The names govlint shows for the reports :func:`read_reports` read from one file: the file's own for a
    single report, ``汇编.pdf#2`` for the second report of a compilation."""
    from govlint.sources.compilation import part_path

    if len(reports) == 1:
        return (reports[0].path,)
    return tuple(part_path(report.path, n) for n, report in enumerate(reports, start=1))


def _warn_if_ambiguous(function: str, source: Source) -> None:
    """An :class:`AmbiguousSourceWarning` for a one-line ``str`` given to ``govlint.<function>``, at its caller."""
    if isinstance(source, str) and "\n" not in source.strip():
        shown = repr(source if len(source) <= 40 else source[:40] + "…")
        warnings.warn(
            f"govlint.{function}({shown}): a one-line str may be a path or a report's text; "
            f"use govlint.{function}_file() or govlint.{function}_text()",
            AmbiguousSourceWarning,
            stacklevel=3,
        )


def _parse(document: Document, tables: Sequence[TableSpec]) -> Report:
    from govlint.parsing import parse_document

    return parse_document(document, tables)


def plugin_tables(config: Config | None = None) -> tuple[TableSpec, ...]:
    """The tables the plugins ``config`` asks for describe (``govlint_tables``: the installed plugins' and
    those of the modules its ``plugins = [...]`` names), which ``govlint check`` reads besides the standard
    ones: pass them as ``tables`` to read a report as ``check`` reads it.  The built-in rules describe no
    table, so they are not loaded."""
    from govlint.config import Config
    from govlint.plugins import load_plugins

    config = config or Config()
    return load_plugins(config.plugins, required=config.required_plugins, root=config.root, builtins=False).tables


def _plugins(config: Config | None) -> Plugins:
    """The plugins ``config`` asks for, whose tables the parse reads."""
    from govlint.config import Config
    from govlint.linter import plugins_for

    return plugins_for(config or Config())


def lint(source: Source, config: Config | None = None, *, encoding: str | None = None) -> LintResult:
    """Parse ``source`` as :func:`parse` does (and warns) and lint it as :func:`lint_file` does."""
    plugins = _plugins(config)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguousSourceWarning)
        report = parse(source, encoding=encoding, tables=plugins.tables)
    _warn_if_ambiguous("lint", source)
    return _lint_if_a_report(report, config, plugins)


def lint_file(path: str | os.PathLike[str], config: Config | None = None, *, encoding: str | None = None) -> LintResult:
    """Parse the report in the file at ``path`` and run every selected rule on it, as ``govlint check`` does
    (a document that is not an annual report gets only the GL002 notice); the diagnostics as data."""
    plugins = _plugins(config)
    return _lint_if_a_report(parse_file(path, encoding=encoding, tables=plugins.tables), config, plugins)


def lint_text(text: str, config: Config | None = None, *, name: str | None = None) -> LintResult:
    """Parse a report given as its text and run every selected rule on it; the diagnostics as data."""
    plugins = _plugins(config)
    return _lint_if_a_report(parse_text(text, name=name, tables=plugins.tables), config, plugins)


def _lint_if_a_report(report: Report, config: Config | None, plugins: Plugins) -> LintResult:
    """What ``govlint check`` gives for ``report``: every selected rule's findings, or, for a document that
    is not an annual report, the one GL002 notice."""
    from govlint.config import Config
    from govlint.linter import lint_report, skipped_as_not_a_report

    skipped = skipped_as_not_a_report(report, config or Config())
    return skipped if skipped is not None else lint_report(report, config, plugins=plugins)
