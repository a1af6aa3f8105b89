"""The library's face: :func:`parse` and :func:`lint`.  No printing, no exiting, no I/O not asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govlint.config import Config
    from govlint.linter import LintResult
    from govlint.model import Report
    from govlint.sources import Source


def parse(source: Source, *, encoding: str | None = None, name: str | None = None) -> Report:
    """Parse a report into its AST.

    ``source`` is a path (``pathlib.Path``, or a one-line ``str`` naming an existing file), the file's
    ``bytes``, or the report's text as ``str``.  Raises :class:`govlint.errors.InputError` when the source
    cannot be read as a report; never raises on a badly formed report.  ``name`` is the path the report
    and its messages show (default: the path, or ``<bytes>``/``<string>``).
    """
    from govlint.parsing import parse_document
    from govlint.sources import load

    return parse_document(load(source, encoding=encoding, name=name))


def lint(source: Source, config: Config | None = None, *, encoding: str | None = None) -> LintResult:
    """Parse ``source`` and run every selected rule on it; returns the diagnostics as data."""
    from govlint.linter import lint_report

    return lint_report(parse(source, encoding=encoding), config)
