"""The example plugin through the configuration path: a module named in ``plugins = [...]``, not installed.

A province can use its rules as a local module next to its ``.govlint.toml`` without packaging them; the
entry-point path of the same plugin is tested by the ``plugin`` tox env (plugins/govlint-fujian/tests).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import govlint
from govlint.config import Config
from govlint.errors import ConfigError
from govlint.plugins import clear_cache, load_plugins

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "plugins" / "govlint-fujian" / "src" / "govlint_fujian"
SEED = ROOT / "tests" / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"  # 河园镇 2024: 六 without fee figures
SECTION_SIX = "六、其他需要报告的事项"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder holding the plugin as a plain module, and a report; imports are undone afterwards."""
    if importlib.util.find_spec("govlint_fujian") is not None:  # pip install plugins/govlint-fujian
        pytest.skip(
            "govlint-fujian is installed: govlint refuses a module of that name outside the configuration's "
            "folder, and its entry point defines the FJ codes already (tox's py env does not install it)"
        )
    shutil.copytree(PACKAGE, tmp_path / "govlint_fujian")
    shutil.copy(SEED, tmp_path / "report.txt")
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.chdir(tmp_path)  # the working directory's configuration is trusted to name plugins
    before = set(sys.modules)
    clear_cache()
    yield tmp_path
    clear_cache()
    for name in set(sys.modules) - before:
        if name.startswith("govlint_fujian"):
            del sys.modules[name]


def write_config(folder: Path, extra: str = "") -> None:
    (folder / ".govlint.toml").write_text(f'plugins = ["govlint_fujian.plugin"]\n{extra}', encoding="utf-8")


def test_config_module_is_loaded_with_its_rules_and_options(office: Path) -> None:
    plugins = load_plugins(["govlint_fujian.plugin"], root=str(office), entry_points=False)
    info = next(p for p in plugins.plugins if p.name == "govlint-fujian")
    assert info.source == "config"
    assert info.code_prefixes == ("FJ",)
    assert info.rules == ("FJ001", "FJ002", "FJ003", "FJ004", "FJ101")
    assert plugins.options["fujian-fee-table-from-year"] == 2021
    assert {plugins.rule_plugin[code] for code in info.rules} == {"govlint-fujian"}


def test_rules_of_a_config_module_fire_on_a_report(office: Path) -> None:
    write_config(office, 'extend-select = ["FJ"]\n')  # the seed is from 叶城县, outside the plugin's scope
    report = office / "report.txt"
    result = govlint.lint(report, Config.discover(report))
    found = [d for d in result.diagnostics if d.code.startswith("FJ")]
    assert [d.code for d in found] == ["FJ001"]
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[found[0].location.line - 1].strip() == SECTION_SIX


def test_the_plugin_option_is_read_from_the_config_file(office: Path) -> None:
    write_config(office, "fujian-fee-table-from-year = 2025\n")  # the seed reports on 2024
    report = office / "report.txt"
    result = govlint.lint(report, Config.discover(report))
    assert not [d for d in result.diagnostics if d.code.startswith("FJ")]
    assert result.errors == ()


def test_a_bad_option_value_is_one_clear_configuration_error(office: Path) -> None:
    write_config(office, 'fujian-fee-table-from-year = "2023"\n')
    report = office / "report.txt"
    with pytest.raises(ConfigError, match=r"fujian-fee-table-from-year: expected a number, got '2023'"):
        govlint.lint(report, Config.discover(report))
