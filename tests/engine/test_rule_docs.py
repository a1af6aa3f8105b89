"""The generated rule pages: current in the repository, and complete for every built-in rule."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from govlint.plugins import load_plugins

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rule_docs", ROOT / "scripts" / "gen_rule_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_rule_pages_are_current(generator: ModuleType) -> None:
    assert generator.stale() == [], "run: python scripts/gen_rule_docs.py"


def test_every_builtin_rule_has_a_page_and_an_index_entry(generator: ModuleType) -> None:
    pages = generator.expected_pages()
    codes = [rule.meta.code for rule in load_plugins(entry_points=False).rules if rule.meta.code.startswith("GL")]
    assert codes and set(pages) == {f"{code}.md" for code in codes} | {"index.md"}
    for code in codes:
        page = pages[f"{code}.md"]
        for heading in ("## Why", "## Failing example", "## Passing example"):
            assert heading in page, f"{code}: {heading}"
        assert f"[{code}]({code}.md)" in pages["index.md"]


def test_check_mode_names_outdated_and_orphan_pages(generator: ModuleType, tmp_path: Path) -> None:
    generator.write(tmp_path)
    assert generator.stale(tmp_path) == []
    page = tmp_path / "GL101.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    (tmp_path / "GL999.md").write_text("# a rule that no longer exists\n", encoding="utf-8")
    assert generator.stale(tmp_path) == ["GL101.md", "GL999.md"]
    assert generator.write(tmp_path) == ["GL101.md", "GL999.md"]
    assert not (tmp_path / "GL999.md").exists()
