"""The plugin-rule example of docs/testing.md runs as written: its rule module is importable and its fragment
and property tests pass (so the documentation cannot drift from the API)."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "testing.md"


def _blocks() -> list[str]:
    text = DOC.read_text("utf-8")
    section = text.split("## Testing a plugin rule", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


@pytest.fixture
def example(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    blocks = _blocks()
    rules_source = next(b for b in blocks if b.startswith("# my_office/rules.py"))
    package = types.ModuleType("my_office")
    package.__path__ = []
    module = types.ModuleType("my_office.rules")
    exec(compile(rules_source, "my_office/rules.py", "exec"), module.__dict__)
    monkeypatch.setitem(sys.modules, "my_office", package)
    monkeypatch.setitem(sys.modules, "my_office.rules", module)
    namespace: dict[str, object] = {}
    for block in blocks:
        if block is not rules_source:
            exec(compile(block, str(DOC), "exec"), namespace)
    return namespace


def test_the_documented_plugin_tests_pass(example: dict[str, object]) -> None:
    tests = {name: fn for name, fn in example.items() if name.startswith("test_") and callable(fn)}
    assert {"test_fires_without_rectification", "test_silent_with_rectification", "test_zj001_in_every_layout"} <= set(
        tests
    )
    for test in tests.values():
        test()
