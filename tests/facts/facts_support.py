"""Helpers for the document-facts tests: read a fixture, find its headings and facts."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import attrs

from govlint.model import Positions
from govlint.parsing.facts import Facts, extract_facts
from govlint.parsing.headings import HeadingMatch, find_section_headings
from govlint.sources.document import Document

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEEDS = FIXTURES / "seeds"
TRUTH = FIXTURES / "truth"
PEER = FIXTURES / "corpus" / "peer"
PINGTAN = FIXTURES / "corpus" / "pingtan"


@attrs.frozen
class Analysed:
    text: str
    headings: list[HeadingMatch]
    facts: Facts

    @property
    def sections_present(self) -> list[int]:
        return sorted({h.spec.number for h in self.headings})


def analyse(text: str, path: str = "<test>") -> Analysed:
    document = Document(path=path, text=text)
    headings = find_section_headings(text)
    return Analysed(text, headings, extract_facts(document, Positions(document.text, document.origins), headings))


def analyse_file(path: Path) -> Analysed:
    return analyse(path.read_text(encoding="utf-8"), str(path))


def load_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def pingtan_manifest() -> dict[str, dict[str, str]]:
    with (PINGTAN / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["stem"]: row for row in csv.DictReader(handle, delimiter="\t")}
