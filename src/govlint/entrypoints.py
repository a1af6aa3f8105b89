"""The installed plugins: the entry points of the ``govlint`` group in the distributions on ``sys.path``.

They are found with :mod:`importlib.metadata`, whose import costs a cold start more than loading the plugins
does (docs/performance.md), so what it finds is kept in the user's cache folder per interpreter and
``sys.path``, and the import is made only when that list is missing or stale.  Each call reads the list
anew: :class:`govlint.plugins.PluginRegistry` keeps it for the process.
"""

from __future__ import annotations

import hashlib
import os
import sys
from typing import Any, NamedTuple

from govlint.usercache import cache_dir, read_plain, write_plain

ENTRY_POINT_GROUP = "govlint"
#: How many ``sys.path``s' entry-point lists the cache keeps (each a few kB).
KEEP_ENTRY_POINTS = 32


class EntryPoint(NamedTuple):
    """One entry of the ``govlint`` group, and the distribution (name, version) that declares it."""

    name: str
    value: str
    distribution: str
    version: str


def scan_entry_points(group: str = ENTRY_POINT_GROUP) -> list[EntryPoint]:
    """The entry points of ``group`` in the distributions on ``sys.path``, as :mod:`importlib.metadata` finds
    them (of two installed copies of a distribution, the first on the path wins).

    Kept in the user's cache folder (``GOVLINT_CACHE_DIR``; empty: no cache) for this interpreter and
    ``sys.path``.  The cache holds the name and modification time of every distribution's metadata folder on
    the path, which installing, upgrading or removing a distribution changes, so a stale list is never used;
    like the parser's cache it is read only when only this user can write it.  Each ``sys.path`` (``python -m
    govlint`` puts the working folder first) has its own file; writing one removes all but the
    :data:`KEEP_ENTRY_POINTS` used most recently.
    """
    directory = cache_dir()
    stamp = [[entry, _distributions(entry)] for entry in sys.path]
    key = hashlib.sha256(repr([sys.executable, group, sys.path]).encode()).hexdigest()[:20]
    path = os.path.join(directory, f"entry-points-{key}.pickle") if directory else None
    found = _read_cache(path, stamp) if path else None
    if found is None:
        found = _lookup(group)
        if path is not None:
            write_plain(
                path,
                {"stamp": stamp, "entries": [list(ep) for ep in found]},
                prefix="entry-points-",
                keep=KEEP_ENTRY_POINTS,
            )
    return found


def _lookup(group: str) -> list[EntryPoint]:
    import importlib.metadata  # only when the cached list is missing or stale (docs/performance.md)

    return [
        EntryPoint(ep.name, ep.value, ep.dist.name, ep.dist.version)
        if ep.dist is not None
        else EntryPoint(ep.name, ep.value, ep.name, "unknown")
        for ep in importlib.metadata.entry_points(group=group)
    ]


def _distributions(entry: str) -> list[list[Any]] | None:
    """The metadata folders in one ``sys.path`` folder with their modification times: what changes when a
    distribution is installed, upgraded or removed (not the folder's own time, which any file in the working
    directory changes)."""
    try:
        with os.scandir(entry or ".") as scan:
            found = [e for e in scan if e.name.endswith((".dist-info", ".egg-info"))]
        return sorted([e.name, e.stat().st_mtime_ns] for e in found)
    except OSError:
        return None


def _read_cache(path: str, stamp: list[list[Any]]) -> list[EntryPoint] | None:
    """The cached entry points, or None when the cache is missing, stale, malformed or not private."""
    data = read_plain(path)
    try:
        if data["stamp"] != stamp:
            return None
        return [EntryPoint(*map(str, entry)) for entry in data["entries"]]
    except Exception:  # a stale or foreign file only means looking the entry points up again
        return None
