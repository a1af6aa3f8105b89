"""The packaging contract: CI runs the README's test command, tox tests wheels, tests use their own fixtures."""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "plugins" / "govlint-fujian"


def _tox() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "tox.ini", encoding="utf-8")
    return parser


def _command_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "tox run" in line and not line.lstrip().startswith("#")]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = _command_lines((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = _command_lines((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert len(ci) == 1, ".ci/run must run one tox command"
    assert ci == readme, "README.md and .ci/run must give the same test command"


def test_ci_script_fails_on_the_first_error() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script


def test_ci_env_list_is_the_default_and_every_env_is_defined() -> None:
    tox = _tox()
    env_list = [e.strip() for e in re.split(r"[,\s]+", tox["tox"]["env_list"]) if e.strip()]
    assert {"lint", "py", "properties", "plugin", "docs"} <= set(env_list)
    assert "bench" not in env_list, "benchmarks are not a CI step"
    for env in [*env_list, "bench"]:
        assert tox.has_section(f"testenv:{env}"), env


def test_every_env_installs_govlint_as_a_wheel() -> None:
    tox = _tox()
    assert tox["testenv"]["package"].strip() == "wheel"
    for section in tox.sections():
        options = tox[section]
        assert options.get("usedevelop", "false").strip().lower() == "false", section
        assert options.get("package", "wheel").strip() in ("wheel", "skip"), section
        assert not re.search(r"(^|\s)-e\s", options.get("deps", "")), section
        assert "--editable" not in options.get("commands", ""), section


def test_the_wheel_force_includes_the_grammar() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included == {"grammars/report.lark": "govlint/grammars/report.lark"}
    assert (ROOT / "grammars" / "report.lark").is_file()


def test_the_property_env_uses_the_ci_profile_and_py_the_default() -> None:
    tox = _tox()
    assert "HYPOTHESIS_PROFILE = default" in tox["testenv"]["set_env"]
    assert "HYPOTHESIS_PROFILE = ci" in tox["testenv:properties"]["set_env"]


def test_plugin_distribution_declares_its_entry_point() -> None:
    meta = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["entry-points"]["govlint"] == {"fujian": "govlint_fujian.plugin"}
    assert any(dep.startswith("govlint") for dep in meta["project"]["dependencies"])
    assert (PLUGIN / "src" / "govlint_fujian" / "plugin.py").is_file()
    assert (PLUGIN / "src" / "govlint_fujian" / "py.typed").is_file()


@pytest.mark.parametrize("tests_dir", [ROOT / "tests", PLUGIN / "tests"], ids=["govlint", "govlint-fujian"])
def test_tests_read_their_own_fixture_copies_not_shared(tests_dir: Path) -> None:
    """CI has ../shared beside the clone, a user's checkout does not: tests must use tests/fixtures."""
    pattern = re.compile(r"""(\.\./shared|/work/shared|["']shared["']\s*[/,)])""")
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted(tests_dir.rglob("*.py"))
        if path != Path(__file__).resolve() and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
