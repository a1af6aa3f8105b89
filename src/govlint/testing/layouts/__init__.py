"""Renderers: a :class:`~govlint.testing.reportmodel.ReportModel` printed in each layout real reports arrive in.

``render(model, layout, noise)`` returns a :class:`Rendered` (the text or file bytes, and where each cell,
row, section and date ended up).  :data:`TEXT_LAYOUTS` are plain text with known positions; ``html`` and
``docx`` are files that govlint's source readers turn into text first.
"""

from __future__ import annotations

from collections.abc import Callable

from govlint.testing.layouts.base import Rendered
from govlint.testing.layouts.converted import render_brokenhead, render_detached, render_footer, render_onerow
from govlint.testing.layouts.crawled import render_crawled
from govlint.testing.layouts.docx import render_docx
from govlint.testing.layouts.html import render_html, render_word_html
from govlint.testing.layouts.spaced import render_spaced
from govlint.testing.layouts.text import render_cells, render_markdown, render_pipe, render_tabcells, render_tabs
from govlint.testing.noise import Noise
from govlint.testing.reportmodel import ReportModel

Renderer = Callable[[ReportModel, Noise], Rendered]


RENDERERS: dict[str, Renderer] = {
    "tabs": render_tabs,
    "pipe": render_pipe,
    "markdown": render_markdown,
    "cells": render_cells,
    "tabcells": render_tabcells,
    "crawled": render_crawled,
    "onerow": render_onerow,
    "footer": render_footer,
    "brokenhead": render_brokenhead,
    "detached": render_detached,
    "spaced": render_spaced,
    "html": render_html,
    "wordhtml": render_word_html,
    "docx": render_docx,
}
#: Text layouts whose cell positions are kept (a cell left empty stays a cell).
POSITIONAL_LAYOUTS: tuple[str, ...] = ("tabs", "pipe", "markdown", "tabcells")
TEXT_LAYOUTS: tuple[str, ...] = (
    *POSITIONAL_LAYOUTS,
    *("cells", "crawled", "onerow", "footer", "brokenhead", "detached", "spaced"),
)
FILE_LAYOUTS: tuple[str, ...] = ("html", "wordhtml", "docx")
LAYOUTS: tuple[str, ...] = (*TEXT_LAYOUTS, *FILE_LAYOUTS)

__all__ = ["FILE_LAYOUTS", "LAYOUTS", "POSITIONAL_LAYOUTS", "RENDERERS", "TEXT_LAYOUTS", "Rendered", "render"]


def render(model: ReportModel, layout: str = "tabs", noise: Noise | None = None) -> Rendered:
    """Print ``model`` in ``layout`` (one of :data:`LAYOUTS`) with ``noise`` (none by default)."""
    try:
        renderer = RENDERERS[layout]
    except KeyError:
        raise ValueError(f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS)}") from None
    return renderer(model, noise or Noise())
