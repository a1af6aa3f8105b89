"""A passage GL503 quotes from a digest's section is positioned like any other finding (#15 §3): on a PDF,
Word or web-page source its span keeps the page, table, row and cell, as ``report.span`` gives them."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from govlint import api
from govlint.crossreport.digests import digest, section_span
from govlint.crossreport.run import COPY_SECTIONS

ROUNDTRIP = Path(__file__).parent.parent / "fixtures" / "roundtrip"


@pytest.mark.parametrize(
    "name", ["seed000/lo.pdf", "seed000/lo.docx", "seed000/lo.html", "seed000/lo.txt", "hzq2023/chrome.pdf"]
)
def test_a_passage_of_a_digest_section_is_positioned_as_the_report_would(name: str) -> None:
    report = api.parse_file(ROUNDTRIP / name)
    kept = pickle.loads(pickle.dumps(digest(report)))  # as it crosses the process boundary
    checked = 0
    for key in COPY_SECTIONS:
        section = report.section(key)
        if section is None:
            continue
        base, body = section.body_span.start, section.body
        size = len(body)
        for start, end in ((0, min(size, 1)), (min(size, 1), min(size, 40)), (size // 2, size), (0, size)):
            assert section_span(kept, key, start, end) == report.span(base + start, base + end)
            checked += 1
    assert checked
    if name.endswith(".pdf"):
        six = report.section("other_matters")
        assert six is not None and six.body.strip()
        span = section_span(kept, "other_matters", 1, len(six.body))
        assert span.origin is not None and span.origin.page is not None
