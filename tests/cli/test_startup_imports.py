"""A cold ``govlint check`` imports only what the run uses (issue #15 §5): the start-up guard of
``benchmarks/bench_startup.py`` is kept by not loading the writers, the page view, the scoring, the history
reader, the worker pool or the progress bar that a check of one text report never touches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "000_3332caad86cf7302.txt"
#: Modules a text check of one report has no use for.
UNUSED = (
    "govlint.output.view",
    "govlint.output.html",
    "govlint.output.json",
    "govlint.output.sarif",
    "govlint.output.tabular",
    "govlint.scoring",
    "govlint.crossreport.history",
    "govlint.sources.discover",
    "govlint.runner.pool",
    "govlint.runner.progress",
    "jinja2",
    "openpyxl",
    "tqdm",
    "multiprocessing",
)


def modules_after(*arguments: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``govlint`` with ``arguments``."""
    code = (
        "import sys\nfrom govlint.cli import main\n"
        f"main({list(arguments)!r})\n"
        "sys.stderr.write('\\n'.join(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    return set(done.stderr.splitlines())


def test_a_text_check_imports_no_writer_view_or_pool() -> None:
    loaded = modules_after("check", "--exit-zero", "-j", "1", str(SEED))
    assert "govlint.output.text" in loaded  # the check ran
    assert sorted(loaded.intersection(UNUSED)) == []


@pytest.mark.parametrize(
    ("option", "module"),
    [
        (("--format", "html"), "govlint.output.view"),
        (("--format", "sarif"), "govlint.output.sarif"),
        (("--history", str(SEED.parent)), "govlint.crossreport.history"),
    ],
)
def test_what_a_run_asks_for_is_imported(tmp_path: Path, option: tuple[str, str], module: str) -> None:
    loaded = modules_after("check", "--exit-zero", "-j", "1", *option, "-o", str(tmp_path / "out"), str(SEED))
    assert module in loaded
