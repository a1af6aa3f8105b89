"""Choosing what to check: ``exclude``/``extend-exclude`` (gitignore globs), ``--force-exclude``,
``--show-files``, and each file checked once however it was named (issue 14, items 5 and 7)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_support import Run


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("错误\n", encoding="utf-8")


def shown(out: str) -> list[str]:
    return [line.replace(os.sep, "/") for line in out.splitlines()]


def test_a_folder_walk_skips_readme_license_changelog_and_hidden_folders(project: Path, run: Run) -> None:
    _touch(
        project,
        "reports/2024.txt",
        "reports/README.md",
        "reports/MANIFEST.txt",
        "reports/LICENSE.txt",
        "reports/CHANGELOG.md",
        "reports/CONTRIBUTING.md",
        "reports/.drafts/2024.txt",
        "reports/sub/2023.md",
    )
    code, out, err = run("check", "--show-files", "reports")
    assert (code, err) == (0, "")
    assert shown(out) == ["reports/2024.txt", "reports/sub/2023.md"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds_gitignore_globs(project: Path, run: Run) -> None:
    _touch(project, "r/2019/a.txt", "r/2019/sub/b.txt", "r/README.md", "r/keep.txt", "r/drafts/c.txt")
    (project / ".govlint.toml").write_text('extend-exclude = ["r/2019/*.txt", "drafts/"]\n', encoding="utf-8")
    code, out, _ = run("check", "--show-files", "r")
    # `*` does not cross `/`: r/2019/sub/b.txt stays; a name without `/` matches at any depth
    assert (code, shown(out)) == (0, ["r/2019/sub/b.txt", "r/keep.txt"])
    code, out, _ = run("check", "--show-files", "--exclude", "keep.txt", "r")
    assert shown(out) == ["r/2019/sub/b.txt", "r/README.md"]  # the file's extend-exclude still applies
    code, out, _ = run("check", "--show-files", "--extend-exclude", "sub,README.md", "r")
    assert shown(out) == ["r/keep.txt"]


def test_a_file_named_is_checked_unless_force_exclude(project: Path, run: Run) -> None:
    _touch(project, "README.md", "2024.txt", ".github/notes.md")
    code, out, _ = run("check", "--show-files", "README.md", "2024.txt")
    assert shown(out) == ["README.md", "2024.txt"]
    code, out, _ = run("check", "--show-files", "--force-exclude", "README.md", "2024.txt", ".github/notes.md")
    assert (code, shown(out)) == (0, ["2024.txt"])
    code, out, _ = run("check", "--force-exclude", "--format", "json", "README.md", ".github/notes.md")
    assert code == 0 and json.loads(out)["files"] == 0


def test_a_string_exclude_is_a_config_error(project: Path, run: Run) -> None:
    (project / ".govlint.toml").write_text('exclude = "README*"\n', encoding="utf-8")
    code, _, err = run("check", "--show-files", ".")
    assert code == 2 and "exclude：应为字符串列表，例如 ['README*']" in err
    code, _, err = run("check", "--show-files", ".", "--lang", "en")
    assert code == 2 and "exclude: expected a list of strings" in err


def test_the_same_file_named_twice_through_a_folder_and_a_symlink_is_checked_once(project: Path, run: Run) -> None:
    _touch(project, "r/a.txt")
    if hasattr(os, "symlink"):
        (project / "r" / "link.txt").symlink_to(project / "r" / "a.txt")
        (project / "alias.txt").symlink_to(project / "r" / "a.txt")
    code, out, _ = run("check", "--format", "json", "r/a.txt", "r", "./r/a.txt", "alias.txt", "r/a.txt")
    data = json.loads(out)
    assert code == 1 and data["files"] == 1
    assert [d["path"] for d in data["diagnostics"]] == ["r/a.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_show_files_lists_each_file_once(project: Path, run: Run) -> None:
    _touch(project, "r/a.txt")
    (project / "alias.txt").symlink_to(project / "r" / "a.txt")
    code, out, _ = run("check", "--show-files", "r", "alias.txt", "r/a.txt")
    assert (code, shown(out)) == (0, ["r/a.txt"])
