"""Fixtures of the cross-report tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import govlint
from govlint.crossreport import Digest, digest
from govlint.model import Report

PINGTAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "pingtan"


@pytest.fixture(scope="session")
def pingtan_reports() -> dict[str, Report]:
    """Every crawled pingtan report, parsed once per session, by stem."""
    return {path.stem: govlint.parse_file(str(path)) for path in sorted(PINGTAN.glob("*.txt"))}


@pytest.fixture(scope="session")
def pingtan_digests(pingtan_reports: dict[str, Report]) -> dict[str, Digest]:
    return {stem: digest(report) for stem, report in pingtan_reports.items()}
