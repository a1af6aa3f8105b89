"""Gitignore globs: the fnmatch shortcut for bare names gives pathspec's answers."""

from __future__ import annotations

import pathspec
from hypothesis import given
from hypothesis import strategies as st

from govlint.globs import DEFAULT_EXCLUDE, Exclusion, Globs

NAME = st.text(alphabet="abR.EAD*?-_年", min_size=1, max_size=6)
PATH = st.lists(st.text(alphabet="abRE.AD-_年", min_size=1, max_size=6), min_size=1, max_size=4)


@given(patterns=st.lists(NAME.filter(lambda p: p.strip(".") != "" or p == ".*"), min_size=1, max_size=3), parts=PATH)
def test_bare_names_match_as_pathspec_matches_them(patterns: list[str], parts: list[str]) -> None:
    parts = [p for p in parts if p not in (".", "..")] or ["x"]
    relative = "/".join(parts)
    expected = pathspec.GitIgnoreSpec.from_lines(patterns).match_file(relative)
    assert Globs(patterns).match(relative) is expected


def test_the_defaults_leave_out_hidden_folders_and_repository_files() -> None:
    globs = Globs(DEFAULT_EXCLUDE)
    for path in ("README.md", "a/LICENSE", "a/.git/x.txt", ".hidden.txt", "CHANGELOG.md", "CONTRIBUTING.txt"):
        assert globs.match(path), path
    for path in ("2024年报告.txt", "a/readme-notes/x.txt", "reports/x.md"):
        assert not globs.match(path), path


def test_a_folder_named_though_excluded_is_walked_relative_to_itself(tmp_path: object) -> None:
    exclusion = Exclusion((".*", "drafts/"), base="/p")
    assert exclusion.walk_anchor("/p/.reports") == "/p/.reports"
    assert not exclusion.excludes("/p/.reports/a.txt", exclusion.walk_anchor("/p/.reports"))
    assert exclusion.excludes("/p/drafts/a.txt", exclusion.anchor("/p"))
    assert exclusion.excludes_file("/p/x/.github/a.md")
    assert not exclusion.excludes_file("/elsewhere/a.md")
