"""The generated rule pages: current in the repository, and complete for every built-in rule."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from engine_support import load_script

from govlint import cli
from govlint.output.ruledoc import rule_markdown
from govlint.plugins import load_plugins
from govlint.rule import RuleMeta

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return load_script("gen_rule_docs")


def test_the_committed_rule_pages_are_current(generator: ModuleType) -> None:
    assert generator.stale() == [], "run: python scripts/gen_rule_docs.py"


def test_every_builtin_rule_has_a_page_and_an_index_entry(generator: ModuleType) -> None:
    pages = generator.expected_pages()
    codes = [rule.meta.code for rule in load_plugins(entry_points=False).rules if rule.meta.code.startswith("GL")]
    assert codes and set(pages) == {f"{code}.md" for code in codes} | {"index.md"}
    for code in codes:
        page = pages[f"{code}.md"]
        for heading in (
            "## 为什么",
            "## 不合格示例",
            "## 合格示例",
            "## Why",
            "## Failing example",
            "## Passing example",
        ):
            assert heading in page, f"{code}: {heading}"
        assert page.index("## 为什么") < page.index("## Why")
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


CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")


@pytest.mark.parametrize("meta", [r.meta for r in load_plugins(entry_points=False).rules], ids=lambda m: m.code)
def test_each_rule_page_is_in_one_language_and_cites_the_regulation_not_the_spec(meta: RuleMeta) -> None:
    """Issue 14 item 10: the whole page in Chinese (why included), or in English; no "spec §", no seed."""
    zh, en = rule_markdown(meta, "govlint", "zh"), rule_markdown(meta, "govlint", "en")
    for page in (zh, en):
        assert "§" not in page and not re.search(r"\b(spec|seeds?)\b", page, flags=re.I), meta.code
    why_zh = zh.split("## 为什么\n\n", 1)[1].split("\n## ", 1)[0]
    assert meta.rationale_zh and CJK.search(why_zh)
    assert not ENGLISH_WORDS.search(why_zh), (meta.code, ENGLISH_WORDS.findall(why_zh))
    assert "## Why" not in zh and "## 为什么" not in en
    why_en = en.split("## Why\n\n", 1)[1].split("\n## ", 1)[0]
    assert len(CJK.findall(why_en)) < len(why_en) / 3, meta.code  # English, quoting the report's own terms


def test_govlint_rule_gives_the_page_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["rule", "GL203", "--isolated"]) == 0
    zh = capsys.readouterr().out
    assert zh.startswith("# GL203 balance\n\n申请情况表") and "## 为什么\n\n政府信息公开申请情况表" in zh
    assert cli.main(["rule", "GL203", "--isolated", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "## Why\n\nThe table of applications" in en and "为什么" not in en
