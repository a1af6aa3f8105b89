"""Hypothesis profiles of the plugin's tests, chosen by HYPOTHESIS_PROFILE as in govlint's own suite."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("default", max_examples=25, **_COMMON)
settings.register_profile("ci", max_examples=100, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
