"""Realistic noise for rendered reports, as the seeds and the corpus show it (spec §3.3, §5.4, §11).

A :class:`Noise` is a plain description (flags and a seed); the helpers apply it deterministically.
"""

from __future__ import annotations

import random
from typing import Literal

import attrs

from govlint.records import Record

Punctuation = Literal["full", "ascii", "mixed"]

_TO_ASCII = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "“": '"', "”": '"'})
_FULL_DIGITS = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)})


@attrs.frozen(repr=False)
class Noise(Record):
    """What to disturb when printing a report.  ``Noise()`` prints a clean report."""

    seed: int = 0
    #: Punctuation of table labels and prose: the standard's full-width forms, ASCII (seeds 000, 001), or
    #: a mix label by label (seed 003).
    punctuation: Punctuation = "full"
    #: Stray spaces inside labels ("商业 企业", "三、本 年度办理 结果").
    label_spaces: bool = False
    #: Labels broken across lines or rows ("(四) 无" … "法提供"; "商业\n企业"; vertical labels split).
    split_labels: bool = False
    #: Numbers printed with full-width digits.
    fullwidth_digits: bool = False
    #: Paragraphs broken mid-sentence by a line break (seed 003).
    broken_paragraphs: bool = False
    #: Headings indented with ASCII or full-width spaces (seed 002).
    indent: bool = False
    #: Page-extraction artefacts: a "Document" line, the title printed twice (seed 002).
    page_artifacts: bool = False
    #: Extra blank lines between table rows or inside a table (seed 003).
    blank_lines: bool = False

    def rng(self, salt: str = "") -> random.Random:
        """A random generator for one part of the rendering, reproducible from the seed."""
        return random.Random(f"{self.seed}:{salt}")


def punctuate(text: str, noise: Noise, rng: random.Random) -> str:
    """Print ``text`` (written with full-width punctuation) in the noise's punctuation."""
    if noise.punctuation == "ascii" or (noise.punctuation == "mixed" and rng.random() < 0.5):
        return text.translate(_TO_ASCII)
    return text


def digits(text: str, noise: Noise) -> str:
    return text.translate(_FULL_DIGITS) if noise.fullwidth_digits else text


def stray_spaces(text: str, rng: random.Random, rate: float = 0.35) -> str:
    """Insert one stray space inside ``text`` (with probability ``rate``), never next to an ASCII digit,
    a dot or a bracket, so that numbering ("1.", "(一)") stays intact."""
    if len(text) < 4 or rng.random() >= rate:
        return text
    places = [i for i in range(2, len(text) - 1) if _breakable(text[i - 1]) and _breakable(text[i])]
    if not places:
        return text
    i = rng.choice(places)
    return text[:i] + " " + text[i:]


def split_points(text: str, parts: int, rng: random.Random) -> list[str]:
    """Cut ``text`` into up to ``parts`` pieces at places where a stray break is harmless."""
    places = [i for i in range(2, len(text) - 1) if _breakable(text[i - 1]) and _breakable(text[i])]
    cuts = sorted(rng.sample(places, min(parts - 1, len(places))))
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _breakable(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
