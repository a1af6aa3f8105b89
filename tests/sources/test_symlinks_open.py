"""A symlink planted in a folder after govlint walked it (issue 16 §1, someone writing to the folder while
govlint runs): judged again where the file is opened, so one leading outside the folder is never read and is
reported as the walk reports a skipped symlink (GL004); each case here failed before the fix."""

from __future__ import annotations

import json
import ntpath
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from source_support import SEEDS

from govlint import cli
from govlint.errors import SymlinkOutside
from govlint.sources import guard

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")

#: A line of the file outside the folder that must never reach the output.
CANARY = "CANARY-TOKEN-7f3e9a"


def _folder(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A folder of two reports, and a report outside it holding the canary: (folder, the report to swap, outside)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in SEEDS[:2]:
        (folder / seed.name).write_text(seed.read_text("utf-8"), encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text(SEEDS[2].read_text("utf-8").replace("\n", f"\n{CANARY}\n", 1), encoding="utf-8")
    return folder, folder / SEEDS[1].name, outside


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(["check", "--lang", "en", "--format", "json", "--reference-date", "2026-12-07", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _swap_after_walk(monkeypatch: pytest.MonkeyPatch, swapped: Path, target: Path) -> None:
    """The walk sees ``swapped`` as a plain file; it is a symlink to ``target`` before it is opened."""
    walk = cli.iter_paths

    def walk_then_swap(*args: Any, **kwargs: Any) -> Any:
        found = list(walk(*args, **kwargs))
        swapped.unlink()
        swapped.symlink_to(target)
        return iter(found)

    monkeypatch.setattr(cli, "iter_paths", walk_then_swap)


@pytest.mark.parametrize(("jobs", "named"), [("1", "{}"), ("2", "{}"), ("1", "./{}/"), ("1", "{}//")])
def test_a_symlink_out_planted_after_the_walk_is_skipped_as_the_walk_skips_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], jobs: str, named: str
) -> None:
    """However the folder is named (``./reports/``: the walk's paths are ``reports/…``)."""
    monkeypatch.chdir(tmp_path)
    folder, swapped, outside = _folder(tmp_path)
    name = named.format(folder.name)
    swapped.unlink()
    swapped.symlink_to(outside)
    walked_code, walked = _run(capsys, "-j", jobs, name)  # the link there when the walk looks
    swapped.unlink()
    swapped.write_text(SEEDS[1].read_text("utf-8"), encoding="utf-8")

    _swap_after_walk(monkeypatch, swapped, outside)
    code, raced = _run(capsys, "-j", jobs, name)
    assert CANARY not in raced
    assert (code, raced) == (walked_code, walked)
    skipped = [d for d in json.loads(raced)["diagnostics"] if os.path.samefile(d["path"], swapped)]
    assert [d["code"] for d in skipped] == ["GL004"] and "not followed" in skipped[0]["message"]


def test_the_notice_is_in_chinese_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, swapped, outside = _folder(tmp_path)
    _swap_after_walk(monkeypatch, swapped, outside)
    cli.main(["check", "-j", "1", str(folder)])
    shown = capsys.readouterr()
    assert CANARY not in shown.out + shown.err
    assert "未跟随，已跳过" in shown.out and "not followed" not in shown.out


def test_a_symlink_inside_the_folder_planted_after_the_walk_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link that stays inside the folder is followed, as the walk follows one."""
    folder, swapped, _ = _folder(tmp_path)
    inside = folder / "sub" / "copy.txt"
    inside.parent.mkdir()
    inside.write_text(SEEDS[1].read_text("utf-8"), encoding="utf-8")
    _, before = _run(capsys, "-j", "1", str(folder))
    _swap_after_walk(monkeypatch, swapped, inside)
    _, after = _run(capsys, "-j", "1", str(folder))
    assert before == after


def test_follow_symlinks_reads_a_symlink_planted_after_the_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, swapped, outside = _folder(tmp_path)
    _swap_after_walk(monkeypatch, swapped, outside)
    _, shown = _run(capsys, "-j", "1", "--follow-symlinks", str(folder))
    codes = {d["code"] for d in json.loads(shown)["diagnostics"] if d["path"] == str(swapped)}
    assert "GL004" not in codes and codes


def test_a_symlink_named_on_the_command_line_is_read_as_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As ruff and flake8 do with an argument (docs/security.md): the user named it."""
    _, _, outside = _folder(tmp_path)
    link = tmp_path / "named.txt"
    link.symlink_to(outside)
    _, shown = _run(capsys, "-j", "1", str(link))
    assert "GL004" not in {d["code"] for d in json.loads(shown)["diagnostics"]}


def test_a_symlink_planted_between_the_look_and_the_open_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last window: the path is a plain file when looked at, a symlink out when opened (O_NOFOLLOW)."""
    folder, swapped, outside = _folder(tmp_path)
    open_ = os.open

    def swap_then_open(path: Any, flags: int, *args: Any) -> int:
        if os.fspath(path) == str(swapped) and not swapped.is_symlink():
            swapped.unlink()
            swapped.symlink_to(outside)
        return open_(path, flags, *args)

    monkeypatch.setattr(os, "open", swap_then_open)
    with pytest.raises(SymlinkOutside) as refused:
        guard.read_input_file(str(swapped), within=os.path.realpath(folder))
    assert refused.value.target == os.path.realpath(outside)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="where the system says where an open file is")
def test_a_folder_replaced_by_a_symlink_out_after_the_walk_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder on the way to the file, not the file itself, swapped for a symlink to a folder outside."""
    folder, _, outside = _folder(tmp_path)
    sub = folder / "sub"
    sub.mkdir()
    inner = sub / SEEDS[1].name
    inner.write_text(SEEDS[1].read_text("utf-8"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / SEEDS[1].name).write_text(outside.read_text("utf-8"), encoding="utf-8")
    walk = cli.iter_paths

    def walk_then_swap_folder(*args: Any, **kwargs: Any) -> Any:
        found = list(walk(*args, **kwargs))
        sub.rename(tmp_path / "moved")
        sub.symlink_to(elsewhere, target_is_directory=True)
        return iter(found)

    monkeypatch.setattr(cli, "iter_paths", walk_then_swap_folder)
    _, shown = _run(capsys, "-j", "1", str(folder))
    assert CANARY not in shown
    skipped = [d for d in json.loads(shown)["diagnostics"] if d["path"] == str(inner)]
    assert [d["code"] for d in skipped] == ["GL004"]


def test_a_target_on_another_drive_is_outside_not_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows, a symlink in the folder on C: leading to D: is outside it (os.path.commonpath raises for
    paths on two drives: the walk and the open then ended in a traceback)."""
    monkeypatch.setattr(os, "path", ntpath)
    assert not guard.is_within("D:\\secret\\report.txt", "C:\\reports")
    assert guard.is_within("C:\\reports\\sub\\report.txt", "C:\\reports")
