"""The plugin registry is safe to use from threads (#15 §4): a plugin set asked for by many threads at once is
loaded once and the same set handed to each, the installed plugins are looked up once, and a set is never
handed out for another set's plugin objects."""

from __future__ import annotations

import gc
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from engine_support import MarkW, MarkX, SamplePlugin

from govlint import entrypoints, plugins

THREADS = 8


def test_threads_asking_at_once_get_one_set_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = plugins.PluginRegistry()
    loads: list[int] = []
    scans: list[int] = []
    real_load = plugins._load
    plugin = SamplePlugin()

    def slow_load(*args: Any, **kwargs: Any) -> plugins.Plugins:
        loads.append(threading.get_ident())
        time.sleep(0.05)  # long enough for every other thread to ask meanwhile
        return real_load(*args, **kwargs)

    def slow_scan(group: str = entrypoints.ENTRY_POINT_GROUP) -> list[entrypoints.EntryPoint]:
        scans.append(threading.get_ident())
        time.sleep(0.05)
        return []

    monkeypatch.setattr(plugins, "_load", slow_load)
    monkeypatch.setattr(plugins, "scan_entry_points", slow_scan)
    start = threading.Barrier(THREADS)

    def ask(_: int) -> plugins.Plugins:
        start.wait()
        return registry.load(builtins=False, objects=[plugin])

    with ThreadPoolExecutor(THREADS) as pool:
        got = list(pool.map(ask, range(THREADS)))
    assert len(loads) == 1 and len(scans) == 1
    assert all(found is got[0] for found in got)
    assert [r.meta.code for r in got[0].rules] == ["TS001", "TS002", "TS003", "TS004", "TS005"]


def test_threads_loading_different_sets_each_get_their_own() -> None:
    registry = plugins.PluginRegistry()
    kinds = [SamplePlugin(rules=(MarkX,)), SamplePlugin(rules=(MarkW,))]
    start = threading.Barrier(THREADS)

    def ask(n: int) -> tuple[int, plugins.Plugins]:
        start.wait()
        return n % 2, registry.load(builtins=False, entry_points=False, objects=[kinds[n % 2]])

    with ThreadPoolExecutor(THREADS) as pool:
        got = list(pool.map(ask, range(THREADS)))
    for kind, loaded in got:
        assert [r.meta.code for r in loaded.rules] == [kinds[kind].rules[0].meta.code]
        assert loaded is next(other for k, other in got if k == kind)


def test_a_set_is_never_handed_out_for_another_plugin_object() -> None:
    """The set is kept under its objects' ids, and keeps the objects alive: an object made after the first is
    let go cannot take its id and be handed the first one's rules."""
    registry = plugins.PluginRegistry()
    first = registry.load(builtins=False, entry_points=False, objects=[SamplePlugin(rules=(MarkX,))])
    gc.collect()
    for _ in range(50):
        again = registry.load(builtins=False, entry_points=False, objects=[SamplePlugin(rules=(MarkW,))])
        assert again is not first and [r.meta.code for r in again.rules] == [MarkW.meta.code]


def test_clear_forgets_the_sets() -> None:
    registry = plugins.PluginRegistry()
    plugin = SamplePlugin()
    first = registry.load(builtins=False, entry_points=False, objects=[plugin])
    assert registry.load(builtins=False, entry_points=False, objects=[plugin]) is first
    registry.clear()
    assert registry.load(builtins=False, entry_points=False, objects=[plugin]) is not first
