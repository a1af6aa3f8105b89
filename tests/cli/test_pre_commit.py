"""The pre-commit hook, run by pre-commit itself over a temporary repository of reports.

The hook's definition comes from the repository's ``.pre-commit-hooks.yaml``; it runs as a ``repo: local``
hook whose entry is this environment's ``govlint`` (``language: system``), so no network is needed to
build a hook environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import govlint
from govlint.sources import REPORT_EXTENSIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
BIN = Path(sys.executable).parent


def tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def index_reachable(tmp_path: Path) -> bool:
    """Whether pip can download from the package index, which a hook's fresh environment is built from."""
    probe = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp_path / "probe"), "hatchling"]
    try:
        return subprocess.run(probe, capture_output=True, check=False, timeout=60).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def test_the_pre_commit_hook_blocks_a_defective_report_and_passes_a_clean_one(tmp_path: Path) -> None:
    pre_commit = tool("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit and git are needed to run the hook (pip install pre-commit)")
    yaml = pytest.importorskip("yaml")
    govlint = tool("govlint")
    assert govlint is not None, "govlint's console script is not installed in this environment"
    manifest = ROOT / ".pre-commit-hooks.yaml"
    validated = subprocess.run([pre_commit, "validate-manifest", str(manifest)], capture_output=True, check=False)
    assert validated.returncode == 0, validated.stdout + validated.stderr

    (hook,) = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert hook["entry"].startswith("govlint ")
    hook.update(language="system", entry=govlint + hook["entry"].removeprefix("govlint"))
    repo = tmp_path / "reports"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, allow_unicode=True), encoding="utf-8"
    )
    shutil.copy(SEEDS / "002_3957bd30f75f2ac8.txt", repo / "2023年报告.txt")  # wrong litigation totals
    shutil.copy(SEEDS / "003_0ab25f721fbf8f7b.txt", repo / "2022年报告.txt")  # a correct report
    (repo / "notes.csv").write_text("not a report\n", encoding="utf-8")
    (repo / "README.md").write_text("# 年度报告\n\n本仓库存放各部门的年度报告。\n", encoding="utf-8")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def run_hook(*files: str) -> subprocess.CompletedProcess[str]:
        command = [pre_commit, "run", "--color", "never", "--files", *files]
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)

    clean = run_hook("2022年报告.txt", "notes.csv", "README.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    defective = run_hook("2023年报告.txt")
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "Failed" in defective.stdout
    assert "2023年报告.txt" in defective.stdout and "GL204" in defective.stdout

    skipped = run_hook("notes.csv")
    assert skipped.returncode == 0 and "no files to check" in skipped.stdout


def fresh_hook_run(tmp_path: Path, command: list[str], config: dict[str, Any] | None = None) -> None:
    """Run pre-commit (``command``, after the executable) the way a user trying the hook does, in a fresh git
    repository holding a defective report and a README (and ``config`` as its .pre-commit-config.yaml): the
    hook's environment is built from this repository, which needs the package index.  The report must
    fail and the README pass."""
    pre_commit = tool("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit and git are needed to run the hook (pip install pre-commit)")
    if not (ROOT / ".git").exists():
        pytest.skip("this needs govlint's git repository (this is an unpacked sdist)")
    if not index_reachable(tmp_path):
        pytest.skip("the package index cannot be reached: pre-commit builds the hook's environment from it")
    yaml = pytest.importorskip("yaml")
    repo = tmp_path / "reports"
    repo.mkdir()
    git(repo, "init", "-q")
    if config is not None:
        (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    shutil.copy(SEEDS / "002_3957bd30f75f2ac8.txt", repo / "2023年报告.txt")  # wrong litigation totals
    (repo / "README.md").write_text("# 年度报告\n", encoding="utf-8")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    done = subprocess.run(
        [pre_commit, *command], cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=900
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "2023年报告.txt" in done.stdout and "GL204" in done.stdout
    assert "README.md" not in done.stdout.split("Failed", 1)[-1]


def test_pre_commit_try_repo_installs_the_hook_and_skips_the_readme(tmp_path: Path) -> None:
    """As a user trying the hook: ``pre-commit try-repo`` builds govlint from this repository in a fresh
    environment and runs it on a repository holding a report and a README."""
    fresh_hook_run(tmp_path, ["try-repo", str(ROOT), "govlint", "--color", "never", "--all-files"])


def snippets() -> list[tuple[str, dict[str, Any]]]:
    """The pre-commit configurations the README and docs/cli.md show, parsed."""
    yaml = pytest.importorskip("yaml")
    found = []
    for name in ("README.md", "docs/cli.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        blocks = [b.split("```", 1)[0] for b in text.split("```yaml\n")[1:] if "repos:" in b.split("```", 1)[0]]
        assert len(blocks) == 1, f"{name}: one pre-commit snippet expected"
        found.append((name, yaml.safe_load(blocks[0])))
    return found


def test_the_pre_commit_snippets_name_this_repository_the_next_tag_and_a_hook_it_has() -> None:
    """The snippets follow pyproject.toml's [project.urls] Repository (the one place to set the address) and
    the release tag v<version> of this version; the hook is one .pre-commit-hooks.yaml defines."""
    yaml = pytest.importorskip("yaml")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    for name, config in snippets():
        (repo,) = config["repos"]
        assert repo["repo"] == pyproject["project"]["urls"]["Repository"], name
        assert repo["rev"] == f"v{govlint.__version__}", name
        assert {hook["id"] for hook in repo["hooks"]} <= hooks, name


def test_the_readme_snippet_works_once_the_release_is_tagged(tmp_path: Path) -> None:
    """The README's configuration as written, against a clone of this repository tagged as the snippet's
    ``rev`` (the tag the release gets): only the address is the clone's, since the snippet's is where the
    repository will be published."""
    (_, config), _ = snippets()
    (entry,) = config["repos"]
    clone = tmp_path / "govlint"
    if (ROOT / ".git").exists() and shutil.which("git") is not None:
        subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True, capture_output=True)
        git(clone, "tag", "--force", entry["rev"])  # the code under test, whether or not the tag exists already
    entry["repo"] = str(clone)
    fresh_hook_run(tmp_path, ["run", "--color", "never", "--all-files"], config)


def test_the_hook_passes_every_extension_govlint_reads() -> None:
    """pre-commit hands the hook only the files its ``files`` pattern matches: a kind of report govlint reads
    (``REPORT_EXTENSIONS``) but the pattern leaves out would never be checked at commit time."""
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    for extension in REPORT_EXTENSIONS:
        for name in (f"2024年报告{extension}", f"2024年报告{extension.upper()}"):
            assert pattern.search(name), name
    assert not pattern.search("notes.csv")
