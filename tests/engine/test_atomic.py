"""govlint.atomic.write_atomic: whole or nothing, no predictable temporary name, no followed symlink."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from govlint import atomic
from govlint.atomic import write_atomic


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "第一\n")
    assert target.read_bytes() == "第一\n".encode()
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_symlink_planted_at_the_old_temporary_name_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    target = tmp_path / "baseline.json"
    for pid in range(os.getpid() - 5, os.getpid() + 5):
        (tmp_path / f"baseline.json.tmp{pid}").symlink_to(victim)
    write_atomic(target, "{}\n")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert target.read_text(encoding="utf-8") == "{}\n"


def test_a_symlink_at_the_target_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    target = tmp_path / "out.txt"
    target.symlink_to(victim)
    write_atomic(target, "new")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not target.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_mode_is_kept_for_an_existing_file_and_umask_based_for_a_new_one(tmp_path: Path) -> None:
    existing = tmp_path / "existing.txt"
    existing.write_text("x", encoding="utf-8")
    existing.chmod(0o640)
    write_atomic(existing, "y")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", "z")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_spool_is_copied_whole_and_leaves_no_name_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    spooled = atomic.spool(str(target))
    spooled.write(b"x" * 3_000_000)
    assert sorted(tmp_path.iterdir()) == [], "the spool has no name in the folder"
    atomic.write_atomic(target, spooled)
    assert target.read_bytes() == b"x" * 3_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    assert atomic.spool(str(tmp_path / "missing" / "out.json")).write(b"y") == 1, "else the system's folder"
