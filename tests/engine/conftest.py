"""Fixtures of the engine tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engine_support import SamplePlugin

from govlint import plugins


@pytest.fixture(autouse=True)
def _fresh_plugins() -> Iterator[None]:
    plugins.clear_cache()
    yield
    plugins.clear_cache()


@pytest.fixture
def sample_plugins() -> plugins.Plugins:
    """The sample plugin alone (no built-in rules, no entry points)."""
    return plugins.load_plugins(builtins=False, entry_points=False, objects=[SamplePlugin()])
