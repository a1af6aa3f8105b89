"""Section text as the copy checks compare it: years and numbers masked, punctuation and spaces dropped.

Two reports of one body differ in their year and their figures even when every sentence is the same, so a
comparison of the printed text would miss the copy.  :func:`mask` is two regex passes; the offset of each
kept character in the printed text (:func:`offsets`) is worked out only for a passage that gets quoted.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Container, Iterable, Sequence

import attrs

from govlint.records import Record

#: Digits (with a decimal part) and years in Chinese numerals (二〇二三年): each becomes one :data:`MASK`.
_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二三四五六七八九]{4}(?=年)"
_NUMBER_RE = re.compile(_NUMBER)
#: What is dropped: anything but a word character (CJK or Latin), and digits no number pattern took.
_DROP = re.compile(r"[\W\d_]+")
#: The same reading token by token: a number, a run of kept characters, or one dropped character.
_TOKEN = re.compile(rf"({_NUMBER})|([^\W\d_]+)|[\W\d_]")
#: What a number becomes: a word character, so that the drop pass keeps it.
MASK = "〇"
#: Characters per shingle: long enough that two unrelated reports rarely share one by chance.
SHINGLE = 8


@attrs.frozen(repr=False)
class Masked(Record):
    """A section body with numbers masked and punctuation dropped."""

    text: str

    def __len__(self) -> int:
        return len(self.text)


def mask(text: str) -> Masked:
    """``text`` with years and numbers masked and punctuation and whitespace dropped."""
    return Masked(_DROP.sub("", _NUMBER_RE.sub(MASK, text)))


def offsets(text: str) -> list[int]:
    """For each character of ``mask(text)``, its offset in ``text``."""
    found: list[int] = []
    for match in _TOKEN.finditer(text):
        if match.group(1) is not None:
            found.append(match.start())
        elif match.group(2) is not None:
            found.extend(range(match.start(), match.end()))
    return found


def template_positions(masked: Masked, templates: Iterable[str]) -> set[int]:
    """The masked positions covered by one of the standard sentences (themselves masked)."""
    covered: set[int] = set()
    for template in templates:
        needle = _masked_template(template)
        if not needle:
            continue
        start = masked.text.find(needle)
        while start != -1:
            covered.update(range(start, start + len(needle)))
            start = masked.text.find(needle, start + len(needle))
    return covered


@functools.lru_cache(maxsize=256)
def _masked_template(template: str) -> str:
    return mask(template).text


@attrs.frozen(repr=False)
class Overlap(Record):
    """How much of a text another text prints too, counted in passages of :data:`SHINGLE` characters."""

    #: The share of the text's own passages (those starting outside the excluded positions) also printed there.
    share: float
    #: (start, end) in the masked text of the longest run of shared passages.
    longest: tuple[int, int]


_SHARED_RUN = re.compile("1+")


def overlap(current: Sequence[int], seen: Container[int], excluded: set[int]) -> Overlap:
    """What of a text (apart from passages starting at ``excluded`` positions) another text prints too, given
    the hashes of the text's passages in order and those of the other's
    (:meth:`govlint.crossreport.digests.Prose.shingles`)."""
    count = len(current)
    own = count - sum(1 for i in excluded if i < count)
    if own <= 0:
        return Overlap(0.0, (0, 0))
    hits = [h in seen for h in current]
    shared = hits.count(True) - sum(1 for i in excluded if i < count and hits[i])
    runs = "".join("1" if hit else "0" for hit in hits)
    longest = max(_SHARED_RUN.finditer(runs), key=lambda m: m.end() - m.start(), default=None)
    span = (longest.start(), longest.end() - 1 + SHINGLE) if longest else (0, 0)
    return Overlap(shared / own, span)


def longest_common(current: Masked, previous: Masked, within: tuple[int, int]) -> tuple[int, int, int]:
    """The longest passage of ``current[within]`` that ``previous`` prints: (start in current, start in
    previous, length).  The run of shared shingles is usually printed whole in ``previous`` (found by one
    search); otherwise difflib searches that run only, which keeps this linear in practice."""
    start, end = within
    found = previous.text.find(current.text[start:end]) if end > start else -1
    if found != -1:
        return start, found, end - start
    matcher = difflib.SequenceMatcher(None, current.text, previous.text, autojunk=False)
    match = matcher.find_longest_match(within[0], within[1], 0, len(previous.text))
    return match.a, match.b, match.size


def original(body: str, start: int, length: int) -> tuple[int, int]:
    """The (start, end) offsets in ``body`` of a passage of ``mask(body)``."""
    where = offsets(body)
    return where[start], where[start + length - 1] + 1


def quote(text: str, limit: int = 60) -> str:
    """A passage to quote in a message: one line, at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
