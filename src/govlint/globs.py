"""Gitignore-style globs: what ``exclude``, ``extend-exclude``, ``per-file-ignores`` and ``level`` are written in.

The rules are git's (``man gitignore``), through :mod:`pathspec`: ``*`` does not cross ``/``; a pattern
without a ``/`` matches a file or folder name at any depth; a pattern with one is anchored at the folder the
paths are relative to; a trailing ``/`` matches folders only; ``**`` crosses folders; ``!`` re-includes.

Patterns that are only a name (``README*``, ``.*``: the defaults) are matched with :func:`fnmatch.fnmatchcase`
against each part of the path, which is what git does for them and spares a pre-commit hook the import of
pathspec (about 40 ms); ``tests/engine/test_globs.py`` holds the two to the same answers.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterable
from typing import Any

from govlint.sources.guard import is_within

#: What a folder walk passes over unless ``exclude`` says otherwise: hidden files and folders, and the
#: files that sit beside reports in a repository but are not reports.
DEFAULT_EXCLUDE: tuple[str, ...] = (".*", "README*", "MANIFEST*", "LICENSE*", "CHANGELOG*", "CONTRIBUTING*")

_NOT_BARE = ("/", "[", "\\")


def _is_bare(pattern: str) -> bool:
    """Whether ``pattern`` is only a name, which git matches against every part of a path."""
    return (
        bool(pattern)
        and not any(c in pattern for c in _NOT_BARE)
        and not pattern.startswith(("!", "#"))
        and pattern == pattern.rstrip(" ")
    )


def parts_of(relative: str) -> list[str]:
    """The parts of a relative path, ``/`` or the OS separator; a path leaving its folder (``../x``) keeps
    only what follows the last ``..``, so that nothing above the folder is matched."""
    parts = [p for p in relative.replace(os.sep, "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        parts = parts[len(parts) - parts[::-1].index("..") :]
    return parts


class Globs:
    """A list of gitignore patterns, matched against paths relative to one folder."""

    __slots__ = ("_names", "_spec", "patterns")

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self._names: tuple[str, ...] | None = None
        self._spec: Any = None
        if all(_is_bare(p) for p in self.patterns):
            self._names = self.patterns
        else:
            import pathspec  # only for patterns that are more than a name (see the module's docstring)

            self._spec = pathspec.GitIgnoreSpec.from_lines(self.patterns)

    def match(self, relative: str, *, is_dir: bool = False) -> bool:
        """Whether the path ``relative`` (to the patterns' folder) is matched, itself or through a folder."""
        parts = parts_of(relative)
        if not parts:
            return False
        if self._names is not None:
            return any(fnmatch.fnmatchcase(part, name) for part in parts for name in self._names)
        return bool(self._spec.match_file("/".join(parts) + ("/" if is_dir else "")))


@functools.lru_cache(maxsize=256)
def globs(patterns: tuple[str, ...]) -> Globs:
    """The compiled :class:`Globs` of ``patterns`` (shared: configurations repeat them for every file)."""
    return Globs(patterns)


class Exclusion:
    """Which paths a run leaves out: ``exclude`` plus ``extend-exclude``, relative to ``base`` (the
    configuration's folder, or the working directory)."""

    __slots__ = ("base", "globs")

    def __init__(self, patterns: Iterable[str] = DEFAULT_EXCLUDE, base: str | None = None) -> None:
        self.globs = globs(tuple(patterns))
        self.base = os.path.abspath(base) if base else None

    def anchor(self, start: str) -> str:
        """The folder that the paths met under ``start`` are matched relative to: :attr:`base` when ``start``
        lies under it, else ``start`` (a folder given on the command line, or the folder of a file given)."""
        absolute = os.path.abspath(start)
        return self.base if self.base is not None and is_within(absolute, self.base) else absolute

    def walk_anchor(self, folder: str) -> str:
        """:meth:`anchor` for a folder given on the command line: when the folder is itself excluded, the
        user named it anyway, so its contents are matched relative to it."""
        anchor = self.anchor(folder)
        if anchor != os.path.abspath(folder) and self.globs.match(_relative(folder, anchor), is_dir=True):
            return os.path.abspath(folder)
        return anchor

    def excludes(self, path: str, anchor: str, *, is_dir: bool = False) -> bool:
        """Whether ``path`` is left out, matched relative to ``anchor`` (see :meth:`anchor`)."""
        return self.globs.match(_relative(path, anchor), is_dir=is_dir)

    def excludes_file(self, path: str) -> bool:
        """Whether a file named on the command line is left out (``--force-exclude``)."""
        return self.excludes(path, self.anchor(os.path.dirname(os.path.abspath(path))))


def _relative(path: str, folder: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    except ValueError:  # another drive on Windows
        return os.path.basename(path)
