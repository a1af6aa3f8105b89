"""Near-identical sections across bodies without comparing every pair: MinHash with banded LSH.

Each section becomes a set of shingles (the hashes of its sampled passages, worked out where the report was
parsed: :class:`govlint.crossreport.digests.Prose`); shingles that more than a share of the run's bodies print (the
standard sentences, a region's common template) are dropped first, so that what is left is the body's own
text.  A one-permutation MinHash signature (the shingles are CRC-32 hashes; the least in each bin, empty bins
filled from their neighbour) is cut into bands; sections that share a band are candidates, and only candidates get their
exact Jaccard similarity computed.  The cost grows with the number of sections, not with its square; the
result is exact for every candidate pair, and a pair at similarity 0.8 escapes candidacy with probability
(1 - 0.8**4)**20, about 3e-5.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

import attrs

from govlint.records import Record

_BINS = 80
_ROWS = 4
_EMPTY = 1 << 32
#: A section with fewer own shingles than this is too short to tell a copy from a coincidence.
MIN_SHINGLES = 20


@attrs.frozen(repr=False)
class Item(Record):
    """One section to compare: its owner (a report), the body that wrote it, and its shingles, sorted."""

    owner: int
    body: Hashable
    shingles: Sequence[int]


@attrs.frozen(repr=False)
class Pair(Record):
    first: int
    second: int
    similarity: float


def similar_pairs(items: Sequence[Item], threshold: float, common_share: float) -> list[Pair]:
    """The pairs of items of different bodies whose own shingles have a Jaccard similarity ≥ ``threshold``.

    A shingle is common, and dropped, when more than ``common_share`` of the bodies (and more than two)
    print it.
    """
    by_body: dict[Hashable, set[int]] = {}
    for item in items:
        by_body.setdefault(item.body, set()).update(item.shingles)
    counts: Counter[int] = Counter()
    for printed in by_body.values():
        counts.update(printed)
    limit = max(2, common_share * len(by_body))
    common = {s for s, n in counts.items() if n > limit}
    own = [[s for s in item.shingles if s not in common] for item in items]
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    for index, shingles in enumerate(own):
        if len(shingles) < MIN_SHINGLES:
            continue
        signature = _signature(shingles)
        for band in range(0, _BINS, _ROWS):
            buckets.setdefault((band, tuple(signature[band : band + _ROWS])), []).append(index)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if items[a].body != items[b].body:
                    candidates.add((a, b) if a < b else (b, a))
    pairs = []
    for a, b in sorted(candidates):
        first, second = set(own[a]), own[b]
        shared = sum(1 for s in second if s in first)
        union = len(first) + len(second) - shared
        similarity = shared / union if union else 0.0
        if similarity >= threshold:
            pairs.append(Pair(a, b, similarity))
    return pairs


def _signature(shingles: Sequence[int]) -> list[int]:
    """One-permutation MinHash of sorted hashes: the least in each bin, an empty bin taking its next bin's value."""
    bins = [_EMPTY] * _BINS
    empty = _BINS
    for h in shingles:
        slot = h % _BINS
        if bins[slot] == _EMPTY:
            bins[slot] = h // _BINS
            empty -= 1
            if not empty:
                return bins
    filled = [i for i, v in enumerate(bins) if v != _EMPTY]
    if len(filled) < _BINS:
        for i in range(_BINS):
            if bins[i] == _EMPTY:
                nxt = next(j for j in (*filled, *(f + _BINS for f in filled)) if j > i)
                bins[i] = bins[nxt % _BINS] + (nxt - i) * _EMPTY
    return bins
