"""The progress bar of a long run: files done of the total and the rate, on stderr (tqdm)."""

from __future__ import annotations

import sys
from collections.abc import Generator

import tqdm

from govlint.runner.outcome import Outcome


def with_progress(outcomes: Generator[Outcome, None, None], total: int) -> Generator[Outcome, None, None]:
    """``outcomes`` unchanged, advancing a bar as each is taken; the bar is cleared when the run ends."""
    tqdm.tqdm.monitor_interval = 0  # no monitor thread: workers started later are forked from this process
    with tqdm.tqdm(total=total, file=sys.stderr, unit="file", leave=False, dynamic_ncols=True) as bar:
        for outcome in outcomes:
            yield outcome
            bar.update(1)
