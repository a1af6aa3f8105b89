"""Directory expansion for ``govlint check <dir>``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cpu_time import cpu_time
from govlint import cli
from govlint.sources.discover import Skipped, iter_report_paths


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


symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def relative(root: Path, entries: list[Path | Skipped]) -> list[str]:
    return [Path(e.path if isinstance(e, Skipped) else e).relative_to(root).as_posix() for e in entries]


@symlinks
def test_symlink_loops_end_and_each_file_is_yielded_once(tmp_path: Path) -> None:
    _touch(tmp_path, "real/a.txt")
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    assert relative(tmp_path, list(iter_report_paths([tmp_path]))) == ["link.txt"]
    (tmp_path / "real" / "loop2").symlink_to(tmp_path / "real", target_is_directory=True)
    followed = list(iter_report_paths([tmp_path], follow_symlinks=True))
    assert relative(tmp_path, followed) == ["link.txt"]


@symlinks
def test_a_symlink_leading_outside_the_folder_is_skipped_and_said(tmp_path: Path) -> None:
    _touch(tmp_path, "secret/token.txt", "secret/dir/b.txt", "checked/a.txt")
    checked = tmp_path / "checked"
    (checked / "token.txt").symlink_to(tmp_path / "secret" / "token.txt")
    (checked / "dir").symlink_to(tmp_path / "secret" / "dir", target_is_directory=True)
    found = list(iter_report_paths([checked]))
    assert found == [
        checked / "a.txt",
        Skipped(str(checked / "dir"), "symlink", target=str(tmp_path / "secret" / "dir")),
        Skipped(str(checked / "token.txt"), "symlink", target=str(tmp_path / "secret" / "token.txt")),
    ]
    assert found[2].message("en") == (  # type: ignore[union-attr]
        f"{checked / 'token.txt'}: symlink skipped: it leads outside the folder being checked "
        f"({tmp_path / 'secret' / 'token.txt'}); use --follow-symlinks to read it"
    )
    followed = list(iter_report_paths([checked], follow_symlinks=True))
    assert relative(checked, followed) == ["a.txt", "dir/b.txt", "token.txt"]


@symlinks
def test_the_same_file_given_directly_through_a_folder_and_a_symlink_is_yielded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _touch(tmp_path, "reports/a.txt")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "reports" / "a.txt")
    given = [tmp_path / "reports" / "a.txt", tmp_path / "reports", tmp_path / "alias.txt", "reports/../reports/a.txt"]
    monkeypatch.chdir(tmp_path)
    assert list(iter_report_paths(given)) == [tmp_path / "reports" / "a.txt"]


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path, "a.txt", "locked/b.txt", "z.txt")
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_report_paths([tmp_path]))
    locked = Skipped(str(tmp_path / "locked"), "folder", reason_zh="没有权限", reason_en="Permission denied")
    assert found == [tmp_path / "a.txt", locked, tmp_path / "z.txt"]
    assert locked.message() == f"{tmp_path / 'locked'}: 已跳过文件夹：无法读取（没有权限）"


def test_ten_thousand_files_is_fast(tmp_path: Path) -> None:
    for group in range(100):
        folder = tmp_path / f"dept{group:03d}"
        folder.mkdir()
        for index in range(100):
            (folder / f"{index:03d}.txt").write_bytes(b"")
    with cpu_time() as spent:
        found = list(iter_report_paths([tmp_path]))
    assert len(found) == 10_000
    assert found == sorted(found)
    assert spent.seconds < 5.0, spent.seconds


def test_iteration_is_lazy(tmp_path: Path) -> None:
    _touch(tmp_path, "a.txt", "b.txt")
    iterator = iter_report_paths([tmp_path])
    assert next(iterator) == tmp_path / "a.txt"


@symlinks
def test_govlint_check_does_not_echo_a_file_outside_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "secret.txt").write_text("TOKEN-SECRET-123\n", encoding="utf-8")
    checked = tmp_path / "checked"
    checked.mkdir()
    (checked / "report.txt").write_text("2023年度政府信息公开工作年度报告\n", encoding="utf-8")
    (checked / "leak.txt").symlink_to(tmp_path / "secret.txt")
    monkeypatch.chdir(tmp_path)
    cli.main(["check", "--isolated", "--format", "json", "--lang", "en", str(checked)])
    out, err = capsys.readouterr()
    assert "TOKEN-SECRET-123" not in out + err
    [skipped] = [d for d in json.loads(out)["diagnostics"] if d["path"] == str(checked / "leak.txt")]
    assert skipped["code"] == "GL004" and str(tmp_path / "secret.txt") in skipped["message"]
    cli.main(["check", "--isolated", "--format", "json", "--follow-symlinks", str(checked)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert {d["code"] for d in found if d["path"] == str(checked / "leak.txt")} - {"GL004"}
