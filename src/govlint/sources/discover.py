"""Expand the paths given on the command line into the report files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from govlint.sources import REPORT_EXTENSIONS


def iter_report_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield report files: each file given as is (whatever its extension), and for each directory, the
    files under it with a report extension, recursively and sorted, skipping hidden files and directories.

    A path that does not exist is yielded unchanged, so that reading it reports the error.  Each file is
    yielded once, in the order given.  Directories are walked lazily with :func:`os.scandir` (fine for
    tens of thousands of files); symbolic links to directories are not followed, so a link loop cannot hang.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        candidates = _walk(path) if path.is_dir() else iter((path,))
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _walk(directory: Path) -> Iterator[Path]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
            elif entry.is_file() and Path(entry.name).suffix.lower() in REPORT_EXTENSIONS:
                yield Path(entry.path)
        except OSError:
            continue
