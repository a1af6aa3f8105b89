"""Write docs/rules/<CODE>.md (Chinese, then English) and docs/rules/index.md from the built-in rules' metadata.

    python scripts/gen_rule_docs.py           # write the pages (and remove pages of rules that are gone)
    python scripts/gen_rule_docs.py --check   # exit 1, naming them, if the committed pages are not current

Only the built-in rules are documented here; a plugin documents its own (``govlint rule CODE`` shows any
loaded rule's page).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govlint.output.ruledoc import rule_page, rules_index
from govlint.plugins import load_plugins

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "rules"


def expected_pages() -> dict[str, str]:
    """File name -> content of every generated page."""
    builtin = load_plugins(entry_points=False)
    (info,) = [p for p in builtin.plugins if p.source == "builtin"]
    metas = [rule.meta for rule in builtin.rules if rule.meta.code in info.rules]
    pages = {f"{meta.code}.md": rule_page(meta, info.name) for meta in metas}
    pages["index.md"] = rules_index(metas)
    return pages


def stale(directory: Path = DOCS) -> list[str]:
    """The pages that differ from what the metadata generates, are missing, or belong to no rule."""
    pages = expected_pages()
    present = {p.name for p in directory.glob("*.md")} if directory.is_dir() else set()
    differ = [name for name, text in pages.items() if not _same(directory / name, text)]
    return sorted(differ + [name for name in present - set(pages)])


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text


def write(directory: Path = DOCS) -> list[str]:
    pages = expected_pages()
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in pages.items():
        if not _same(directory / name, text):
            (directory / name).write_text(text, encoding="utf-8", newline="\n")
            changed.append(name)
    for path in directory.glob("*.md"):
        if path.name not in pages:
            path.unlink()
            changed.append(path.name)
    return sorted(changed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the pages are current")
    args = parser.parse_args(argv)
    if args.check:
        outdated = stale()
        if outdated:
            print(f"docs/rules is not current: {', '.join(outdated)} (run python scripts/gen_rule_docs.py)")
            return 1
        return 0
    changed = write()
    print(f"docs/rules: {len(changed)} page(s) written or removed" + (f": {', '.join(changed)}" if changed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
