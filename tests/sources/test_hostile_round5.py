"""Hostile and careless inputs of the fifth round (issue 16, measured again with files the earlier rounds
did not try): each case here failed before its fix."""

from __future__ import annotations

import pytest
from hostile_files import W, document_xml, package, paragraph
from source_support import SEEDS

import govlint
from govlint.sources import load

SEED = SEEDS[0].read_text("utf-8")


@pytest.mark.parametrize("date", ["²025年1月20日", "②025-01-20", "₂025年1月20日"])
def test_a_date_in_superscript_or_circled_digits_is_not_an_internal_error(date: str) -> None:
    """``str.isdigit`` holds for ² and ②, which ``int`` cannot read: the year was an internal error."""
    result = govlint.lint_text(f"{SEED}\n{date}\n")
    assert result.report_year is not None and not result.errors


def test_a_list_level_in_other_digits_is_read_not_an_internal_error() -> None:
    """A list level numbered ``w:ilvl="²"`` (a ValueError in the numbering reader) is level 0, as a malformed
    one was."""
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="²"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1">'
        '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="①"><w:startOverride w:val="3"/></w:lvlOverride>'
        "</w:num></w:numbering>"
    )
    item = paragraph("事项", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    body = "".join(paragraph(line) for line in SEED.splitlines()[:20]) + item
    document = load(package({"word/document.xml": document_xml(body), "word/numbering.xml": numbering}))
    assert "3.事项" in document.text  # the override of level "①", read as level 0, starts it at 3
