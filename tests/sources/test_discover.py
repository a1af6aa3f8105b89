"""Directory expansion for ``govlint check <dir>``."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from govlint.sources.discover import iter_report_paths


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")


def test_directories_expand_recursively_sorted_and_filtered(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "b.txt",
        "a.PDF",
        "notes.odt",
        "image.png",
        "sub/z.docx",
        "sub/y.htm",
        "sub/deeper/x.html",
        "sub/readme.md",
        ".git/config.txt",
        ".hidden.txt",
        "sub/.cache/c.pdf",
    )
    found = [path.relative_to(tmp_path).as_posix() for path in iter_report_paths([tmp_path])]
    assert found == ["a.PDF", "b.txt", "sub/deeper/x.html", "sub/readme.md", "sub/y.htm", "sub/z.docx"]


def test_files_are_yielded_as_given_and_once(tmp_path: Path) -> None:
    _touch(tmp_path, "report.odt", "dir/a.txt")
    missing = tmp_path / "missing.pdf"
    given = [tmp_path / "report.odt", missing, tmp_path / "dir", tmp_path / "dir" / "a.txt", str(tmp_path / "dir")]
    assert list(iter_report_paths(given)) == [tmp_path / "report.odt", missing, tmp_path / "dir" / "a.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    _touch(tmp_path, "real/a.txt")
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    found = [path.relative_to(tmp_path).as_posix() for path in iter_report_paths([tmp_path])]
    assert found == ["link.txt", "real/a.txt"]


def test_ten_thousand_files_is_fast(tmp_path: Path) -> None:
    for group in range(100):
        folder = tmp_path / f"dept{group:03d}"
        folder.mkdir()
        for index in range(100):
            (folder / f"{index:03d}.txt").write_bytes(b"")
    start = time.perf_counter()
    found = list(iter_report_paths([tmp_path]))
    elapsed = time.perf_counter() - start
    assert len(found) == 10_000
    assert found == sorted(found)
    assert elapsed < 5.0, elapsed


def test_iteration_is_lazy(tmp_path: Path) -> None:
    _touch(tmp_path, "a.txt", "b.txt")
    iterator = iter_report_paths([tmp_path])
    assert next(iterator) == tmp_path / "a.txt"
