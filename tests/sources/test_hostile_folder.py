"""A folder a stranger sent, checked beside the real reports (issue 16 §6): ``govlint check`` over the
hostile folder of :mod:`hostile_files` plus the repository's copy of the shared seeds and corpus ends with
exit 2, gives each hostile file its expected outcome, leaves every good report's findings as a run over the
good reports alone gives them, stays within its memory (RLIMIT_AS) and time, prints no traceback and runs no
code from the folder."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hostile_files import CONTROLS, SECRET, Expected, recursive_form_pdf, write_hostile_folder
from source_support import FIXTURES, SEEDS

import govlint
from govlint import cli
from govlint.config import Config
from govlint.runner import Limits, Outcome, Task, run

GOOD = [FIXTURES / "seeds", FIXTURES / "corpus"]
#: Address space of the whole run (the main process; each worker lowers its own to --memory-limit).
RUN_MEMORY = 3 << 30
WORKER_MB = 1024
TIME_LIMIT = 300.0


#: ``python -m govlint`` under the run's address-space limit; at exit it writes the peak resident memory of
#: itself and of its workers (KiB) as the last line of stderr.
_LIMITED = f"""
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_AS, ({RUN_MEMORY}, {RUN_MEMORY}))
sys.argv[0] = "govlint"
try:
    runpy.run_module("govlint", run_name="__main__", alter_sys=True)
finally:
    usage = (resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    sys.stderr.write(f"\\npeak {{max(usage)}}\\n")
"""


class Run:
    """One ``govlint check`` in a fresh process under RLIMIT_AS: exit code, output, stderr, seconds, peak
    resident memory of the process or any of its workers (MB)."""

    def __init__(self, paths: list[Path], cwd: Path, *options: str) -> None:
        environment = {**os.environ, "PYTHONPATH": str(Path(govlint.__file__).parents[1]), "NO_COLOR": "1"}
        command = [sys.executable, "-c", _LIMITED, "check", "--lang", "en", "-j", "2", "--memory-limit",
                   str(WORKER_MB), "--timeout", "60", *options, *map(str, paths)]  # fmt: skip
        start = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            self.stdout, stderr = process.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # govlint and its workers: their own process group
            process.communicate()
            raise
        self.seconds = time.monotonic() - start
        self.stderr, _, peak = stderr.decode("utf-8", "replace").rstrip().rpartition("\npeak ")
        self.peak_mb = int(peak) / 1024
        self.code = process.returncode

    def json(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.stdout)
        return result


def _by_path(diagnostics: list[dict[str, Any]], prefix: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for diagnostic in diagnostics:
        if diagnostic["path"].startswith(prefix):
            found.setdefault(diagnostic["path"][len(prefix) :], []).append(diagnostic)
    return found


def _findings(diagnostics: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The findings of the good reports, except the cross-report rules (GL5xx), whose findings depend on
    which other reports the run holds (the hostile folder holds copies of seeds)."""
    return sorted(
        (d["path"], d["code"], d["line"], d["column"], d["message"])
        for d in diagnostics
        if not d["path"].startswith(str(FIXTURES.parent.parent / "hostile")) and not d["code"].startswith("GL5")
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Expected], Path]:
    root = tmp_path_factory.mktemp("sent")
    marker = root / "PLUGIN-CODE-RAN"
    crawled = FIXTURES / "corpus" / "pingtan" / "012_approval_2023.txt"
    return root, write_hostile_folder(root, SEEDS, crawled, marker), marker


@pytest.fixture(scope="module")
def hostile_run(folder: tuple[Path, dict[str, Expected], Path]) -> Run:
    root, _, _ = folder
    return Run([root / "hostile", *GOOD], root, "--format", "json")


def test_the_run_ends_with_exit_2_without_traceback_within_bounds(hostile_run: Run) -> None:
    assert hostile_run.code == 2, hostile_run.stderr[-2000:]
    assert "Traceback" not in hostile_run.stderr and "internal error" not in hostile_run.stderr
    assert hostile_run.seconds < TIME_LIMIT
    # no process outgrew its limit: the workers WORKER_MB each (the bombs die there), the main process less
    assert hostile_run.peak_mb < WORKER_MB + 100


def test_no_code_from_the_folder_runs(folder: tuple[Path, dict[str, Expected], Path], hostile_run: Run) -> None:
    root, _, marker = folder
    assert not marker.exists()
    assert "Zen of Python" not in hostile_run.stderr and "Beautiful is better" not in hostile_run.stdout.decode()
    for config in ("config/.govlint.toml", "pyproject/pyproject.toml"):
        assert f"{root / 'hostile' / config}: plugins named there" in hostile_run.stderr
    assert f"{root / 'hostile' / 'nested' / '.govlint.toml'}: configuration ignored" in hostile_run.stderr
    assert not list(root.rglob("escaped*")) and not list(root.parent.glob("escaped*"))


def test_each_hostile_file_gets_its_outcome(folder: tuple[Path, dict[str, Expected], Path], hostile_run: Run) -> None:
    root, expected, _ = folder
    result = hostile_run.json()
    found = _by_path(result["diagnostics"], f"{root / 'hostile'}{os.sep}")
    for name, outcome in expected.items():
        codes = [d["code"] for d in found.get(name, [])]
        unread = [d["message"] for d in found.get(name, []) if d["code"] == "GL001"]
        if outcome.outcome == "unread":
            assert len(unread) == 1 and re.search(outcome.pattern, unread[0]), (name, unread)
        elif outcome.outcome == "read":
            assert not unread and "GL004" not in codes, (name, found.get(name))
        elif outcome.outcome == "skipped":
            assert codes == ["GL004"], (name, codes)
        else:
            assert name not in found, (name, found.get(name))
    assert SECRET not in hostile_run.stdout.decode("utf-8", "replace")
    # the reports read from broken bytes say where the bytes were (GL003), and are checked
    assert "GL003" in [d["code"] for d in found["gbk-bad-bytes.txt"]]
    assert "GL003" in [d["code"] for d in found["utf16-bad-bytes.txt"]]


def test_the_good_reports_findings_are_intact(folder: tuple[Path, dict[str, Expected], Path], hostile_run: Run) -> None:
    root, _, _ = folder
    alone = Run(GOOD, root, "--format", "json")
    assert alone.code == hostile_run.code == 2  # the shared corpus holds unreadable files of its own
    together = [d for d in hostile_run.json()["diagnostics"] if not d["path"].startswith(str(root))]
    assert _findings(together) == _findings(alone.json()["diagnostics"])
    assert len(_findings(together)) > 100


@pytest.mark.parametrize("output", ["text", "github", "concise"])
def test_controls_in_names_and_text_reach_no_terminal(
    folder: tuple[Path, dict[str, Expected], Path], output: str
) -> None:
    root, _, _ = folder
    names = [path for path in (root / "hostile").iterdir() if "\x1b" in path.name or "\n" in path.name]
    done = Run(names, root, "--format", output)
    shown = done.stdout.decode("utf-8", "replace")
    assert done.code in (0, 1) and "Traceback" not in done.stderr
    assert not {char for char in CONTROLS if not char.isprintable()} & set(shown.replace("\n", ""))
    assert "\\x1b" in shown and "\\u202e" in shown
    assert not any(line.startswith("::warning file=x::") for line in shown.splitlines())


def test_a_file_that_disappears_mid_run_is_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for seed in SEEDS[:3]:
        (tmp_path / seed.name).write_text(seed.read_text("utf-8"), encoding="utf-8")
    vanishing = tmp_path / SEEDS[1].name
    walk = cli.iter_paths

    def walk_then_delete(*args: Any, **kwargs: Any) -> Any:
        found = list(walk(*args, **kwargs))
        vanishing.unlink()  # found by the walk, gone before it is read
        return iter(found)

    monkeypatch.setattr(cli, "iter_paths", walk_then_delete)
    code = cli.main(["check", "--lang", "en", "-j", "1", "--format", "json", str(tmp_path)])
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    assert code == 2
    unread = [d for d in diagnostics if d["code"] == "GL001"]
    assert [d["path"] for d in unread] == [str(vanishing)] and "not found" in unread[0]["message"]
    assert {d["path"] for d in diagnostics} >= {str(tmp_path / SEEDS[0].name), str(tmp_path / SEEDS[2].name)}


def test_pdf_bombs_become_that_files_error_and_the_run_goes_on(tmp_path: Path) -> None:
    """Through the runner (the workers of -j): the form object that draws itself dies in its worker, under
    its memory and time limits; the report after it is still checked."""
    pytest.importorskip("pypdfium2")
    bomb = tmp_path / "recursive-form.pdf"
    bomb.write_bytes(recursive_form_pdf())
    good = tmp_path / "report.txt"
    good.write_text(SEEDS[0].read_text("utf-8"), encoding="utf-8")
    limits = Limits(timeout=30, memory=WORKER_MB)
    tasks: list[Task | Outcome] = [Task(str(bomb), Config()), Task(str(good), Config())]
    outcomes = list(run(tasks, jobs=1, limits=limits))
    assert [outcome.path for outcome in outcomes] == [str(bomb), str(good)]
    assert outcomes[0].unreadable is not None and outcomes[0].unreadable.kind in ("crash", "memory", "timeout")
    assert outcomes[1].unreadable is None and outcomes[1].result.diagnostics
