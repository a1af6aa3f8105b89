"""Fixtures of the document-facts tests."""

from __future__ import annotations

import pytest
from facts_support import PINGTAN, Analysed, analyse_file


@pytest.fixture(scope="session")
def pingtan() -> dict[str, Analysed]:
    """Every crawled pingtan report, analysed once per session, by stem."""
    return {path.stem: analyse_file(path) for path in sorted(PINGTAN.glob("*.txt"))}
