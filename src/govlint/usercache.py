"""The user's cache folder: what govlint keeps between processes so that a fresh ``govlint`` starts sooner.

Three caches live there, each a few files: the parser's LALR tables (:mod:`govlint.parsing.grammar`), the
entry points of the installed plugins (:mod:`govlint.plugins`) and the compiled regular expressions
(:mod:`govlint.regexcache`).  ``GOVLINT_CACHE_DIR`` overrides the folder; setting it to an empty string
turns every cache off.  A cache file is read only when it and its folder belong to the user and nobody else
can write to them (docs/security.md); a missing, stale, broken or foreign file only means doing the work
again.  Writing one removes all but the few of its kind used most recently (:func:`prune`), so the folder
stays small however many grammars, environments and Pythons a user has run.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
from typing import Any

from govlint.atomic import write_atomic


def cache_dir() -> str | None:
    """Where the caches are kept, or None when caching is off.

    Plain ``os.path`` rather than :mod:`pathlib`, which nothing else on a check's path imports.
    """
    configured = os.environ.get("GOVLINT_CACHE_DIR")
    if configured is not None:
        return configured or None
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(home, "Library", "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return os.path.join(base, "govlint")


def private(info: os.stat_result) -> bool:
    """Whether a file or folder belongs to this user and nobody else can write to it."""
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    return info.st_uid == owner and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def mark_used(handle: int) -> None:
    """Note that the open cache file ``handle`` was just read (its modification time), so that :func:`prune`
    keeps the files in use rather than the files written last."""
    if os.utime in os.supports_fd:
        with contextlib.suppress(OSError):
            os.utime(handle)


def prune(written: str, prefix: str, suffix: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently used (:func:`mark_used`) or written cache files named
    ``prefix…suffix`` in the folder of ``written``, the file just written, which is always kept.

    Called after writing one, so the folder is bounded however many keys (grammars, ``sys.path``s) were seen.
    Another process may remove a file this one has just written, or read one being removed: either only
    means building or looking up again, since every reader checks what it reads.  Links and folders are left
    alone; a file that cannot be removed is skipped.
    """
    directory, name = os.path.split(written)
    found: list[tuple[int, str]] = []
    try:
        with os.scandir(directory) as scan:
            for entry in scan:
                if entry.name.startswith(prefix) and entry.name.endswith(suffix) and entry.name != name:
                    with contextlib.suppress(OSError):
                        if entry.is_file(follow_symlinks=False):
                            found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.name))
    except OSError:
        return
    for _, old in sorted(found, reverse=True)[keep - 1 :]:
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(directory, old))


class PlainData(pickle.Unpickler):
    """Reads lists, tuples, dicts, strings, bytes and numbers only: a cache file that names any class or
    function (what would let a pickle run code) is refused, as the :mod:`pickle` documentation advises."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} in a cache of plain data")


def read_plain(path: str) -> Any:
    """The plain data (:class:`PlainData`) pickled at ``path``, or None when the file is missing, not private
    or not plain data.  A file read is marked used (:func:`mark_used`)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        try:
            if not (private(os.fstat(handle)) and private(os.stat(os.path.dirname(path)))):
                return None
            data = PlainData(stream).load()
        except Exception:  # a partial or foreign file only means doing the work again
            return None
        mark_used(handle)
        return data


def write_plain(path: str, data: Any, *, prefix: str, suffix: str = "", keep: int) -> None:
    """Pickle ``data`` (plain data only) to ``path`` in the cache folder, readable by the user alone, then
    keep the ``keep`` files ``prefix…suffix`` used most recently (:func:`prune`).  A folder that cannot be
    written is passed over: the work is done again next time."""
    directory = os.path.dirname(path)
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        write_atomic(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.chmod(path, 0o600)  # read back only when private (see read_plain)
    except OSError:
        return
    prune(path, prefix, suffix, keep)
