"""Hypothesis profiles for the properties, chosen with ``HYPOTHESIS_PROFILE`` (tox sets it).

- ``default``: few examples, for everyday runs (tox ``py``) — a few seconds per property;
- ``ci``: many more examples (tox ``properties``), within CI's time limit, derandomized: every CI run
  checks the same examples, so a red run is a regression of the change, never a rare example drawn by luck
  (the ``default`` profile stays random, so everyday runs keep exploring new examples).

Generated reports are large and go through the whole parser, so the health check on slow data generation is
off and there is no per-example deadline (a benchmark, not a test, measures speed).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "print_blob": True,
}
settings.register_profile("default", max_examples=15, **_COMMON)
settings.register_profile("ci", max_examples=100, derandomize=True, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
