"""Text to AST: lexer (layout to cells and tokens), Lark grammar (structure), builder (tree to Report).

:func:`parse_document` imports the pipeline (and Lark) on first use, so that importing a submodule such as
:mod:`govlint.parsing.spans` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from govlint.model import Report
    from govlint.schema import TableSpec
    from govlint.sources.document import Document

__all__ = ["parse_document"]


def parse_document(document: Document, tables: Sequence[TableSpec] = ()) -> Report:
    """Parse a decoded document into its AST (see :mod:`govlint.parsing.build`), with the tables ``tables``
    describe besides the standard ones.  Never raises on a badly formed report."""
    from govlint.parsing.build import parse_document as parse

    return parse(document, tables)
