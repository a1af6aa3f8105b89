"""Expand the paths given on the command line into the report files to check.

What a folder holds is not trusted: a symlink in it that leads outside the folder being checked (to a token
file, say) is not followed unless asked, and is reported as skipped, as is a subfolder that cannot be read.
Each file is checked once, however it was reached (named twice, through a folder, or through a symlink).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import attrs

from govlint.globs import Exclusion
from govlint.records import Record
from govlint.sources import DOCUMENT_EXTENSIONS, REPORT_EXTENSIONS
from govlint.sources.guard import is_within, os_error


@attrs.frozen(repr=False)
class Skipped(Record):
    """A path the walk did not check: a symlink leading outside the folder (GL004), or an unreadable folder (GL005)."""

    path: str
    kind: Literal["symlink", "folder"]
    #: Where the symlink leads (``kind == "symlink"``).
    target: str = ""
    #: Why the folder could not be read (``kind == "folder"``).
    reason_zh: str = ""
    reason_en: str = ""

    def message(self, lang: str = "zh") -> str:
        """One line saying what was skipped and why."""
        if self.kind == "symlink":
            if lang == "en":
                return (
                    f"{self.path}: symlink skipped: it leads outside the folder being checked ({self.target}); "
                    "use --follow-symlinks to read it"
                )
            return (
                f"{self.path}: 已跳过符号链接：它指向被检查的文件夹之外（{self.target}），"
                "如需读取请用 --follow-symlinks"
            )
        if lang == "en":
            return f"{self.path}: folder skipped: cannot read it ({self.reason_en})"
        return f"{self.path}: 已跳过文件夹：无法读取（{self.reason_zh}）"


def iter_report_paths(
    paths: Iterable[str | os.PathLike[str]], *, follow_symlinks: bool = False, exclude: Exclusion | None = None
) -> Iterator[Path | Skipped]:
    """Yield report files, and what was skipped on the way, in order.

    Each file given is yielded as is (whatever its extension); each directory gives the files under it with
    a report extension or a document's (:data:`govlint.sources.DOCUMENT_EXTENSIONS`, read by content),
    recursively and sorted, leaving out what ``exclude`` matches (default :data:`govlint.globs.DEFAULT_EXCLUDE`:
    hidden files and folders, README*, LICENSE*…; a folder left out is not entered).  A path that does not
    exist is yielded unchanged, so that reading it reports the error.  Directories are walked lazily with
    :func:`os.scandir` (fine for tens of thousands of files).  A symlink inside a directory is followed only
    when it leads inside that directory, or with ``follow_symlinks``; a folder is never walked twice, so a
    link loop ends.
    """
    seen: set[str] = set()
    exclusion = exclude if exclude is not None else Exclusion()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            walk = _Walk(os.path.realpath(path), follow_symlinks, exclusion, exclusion.walk_anchor(str(path)))
            entries: Iterator[Path | Skipped] = walk.folder(path)
        else:
            entries = iter((path,))
        for entry in entries:
            key = f"{entry.kind}:{entry.path}" if isinstance(entry, Skipped) else os.path.realpath(entry)
            if key not in seen:
                seen.add(key)
                yield entry


class _Walk:
    """One folder given on the command line, walked: symlinks judged against its real path (``root``), what
    is excluded matched relative to ``anchor``, and each folder entered once, so a link loop ends."""

    def __init__(self, root: str, follow: bool, exclusion: Exclusion, anchor: str) -> None:
        self.root, self.follow, self.exclusion, self.anchor = root, follow, exclusion, anchor
        self.visited: set[str] = set()

    def folder(self, directory: Path) -> Iterator[Path | Skipped]:
        real = os.path.realpath(directory)
        if real in self.visited:
            return
        self.visited.add(real)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            yield _unreadable(str(directory), exc)
            return
        for entry in entries:
            try:
                if entry.is_symlink():
                    yield from self._link(entry)
                elif entry.is_dir(follow_symlinks=False):
                    if not self.exclusion.excludes(entry.path, self.anchor, is_dir=True):
                        yield from self.folder(Path(entry.path))
                elif self._wanted(entry.path, entry.name):
                    yield Path(entry.path)  # a named pipe, socket or device too: reading it says what it is
            except OSError:
                continue

    def _wanted(self, path: str, name: str) -> bool:
        return _is_report(name) and not self.exclusion.excludes(path, self.anchor)

    def _link(self, entry: os.DirEntry[str]) -> Iterator[Path | Skipped]:
        """A symlink met in a folder: followed when it stays inside ``root`` (or ``follow``), else skipped."""
        target = os.path.realpath(entry.path)
        inside = is_within(target, self.root)
        if os.path.isdir(target):
            if self.exclusion.excludes(entry.path, self.anchor, is_dir=True):
                return
            if self.follow:
                yield from self.folder(Path(entry.path))
            elif not inside:
                yield Skipped(entry.path, "symlink", target=target)
        elif self._wanted(entry.path, entry.name):
            # not only to a regular file: a link to a pipe, a device or nowhere is reported, not passed over
            yield Path(entry.path) if inside or self.follow else Skipped(entry.path, "symlink", target=target)


def _is_report(name: str) -> bool:
    suffix = os.path.splitext(name)[1].lower()
    return suffix in REPORT_EXTENSIONS or suffix in DOCUMENT_EXTENSIONS


def _unreadable(path: str, exc: OSError) -> Skipped:
    chinese, english = os_error(exc)
    return Skipped(path, "folder", reason_zh=chinese, reason_en=english)
