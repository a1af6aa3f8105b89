"""A cold ``govlint check`` imports only what the run uses (issue #15 §5): the start-up guard of
``benchmarks/bench_startup.py`` is kept by not loading the writers, the page view, the scoring, the history
reader, the worker pool, the progress bar or the cross-report comparisons that a check of one text report
never touches."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
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
    "govlint.crossreport.digests",
    "govlint.crossreport.similar",
    "govlint.crossreport.text",
    "govlint.crossreport.roster",
    "govlint.crossreport.identity",
    "govlint.crossreport.phase",
    "csv",
    "govlint.sources.discover",
    "govlint.sources.boxtable",
    "govlint.runner.pool",
    "govlint.runner.progress",
    "jinja2",
    "openpyxl",
    "tqdm",
    "multiprocessing",
)


@pytest.fixture(scope="module", autouse=True)
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The checks below run with a cache of their own, written by a first run: with no cached plugin list a
    run imports :mod:`importlib.metadata` (with :mod:`csv`), whatever other runs did to the user's cache."""
    with pytest.MonkeyPatch.context() as patched:
        patched.setenv("GOVLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        modules_after("check", "--exit-zero", "-j", "1", str(SEED))
        yield


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


def test_a_text_check_opens_no_zip() -> None:
    """:mod:`zipfile` (and the :mod:`pathlib` and :mod:`urllib.parse` it imports) is loaded only to read a file
    that starts like a zip: a Word file, or govlint's own workbook."""
    loaded = modules_after("check", "--exit-zero", "-j", "1", str(SEED))
    assert "govlint.output.text" in loaded
    assert sorted(loaded.intersection({"zipfile", "pathlib", "govlint.sources.own_workbook"})) == []


@pytest.mark.parametrize(
    ("option", "module"),
    [
        (("--format", "html"), "govlint.output.view"),
        (("--format", "sarif"), "govlint.output.sarif"),
        (("--history", str(SEED.parent)), "govlint.crossreport.history"),
        (("--history", str(SEED.parent)), "govlint.crossreport.digests"),
    ],
)
def test_what_a_run_asks_for_is_imported(tmp_path: Path, option: tuple[str, str], module: str) -> None:
    loaded = modules_after("check", "--exit-zero", "-j", "1", *option, "-o", str(tmp_path / "out"), str(SEED))
    assert module in loaded


def test_a_named_roster_is_loaded(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("body,level,region\n财政局,department,某市\n", encoding="utf-8")
    assert "govlint.crossreport.roster" in modules_after("check", "--exit-zero", "--roster", str(roster), str(SEED))


def test_parse_reads_an_installed_plugins_table_without_loading_the_rules(tmp_path: Path) -> None:
    body = SEED.read_text(encoding="utf-8")
    at = body.index("五、")
    table = "项目\t纸质档案\t电子档案\t档案合计\n年初库存\t2\t3\t5\n本年新增\t1\t/\t2\n年末库存\t3\t4\t8"
    report = tmp_path / "report.txt"
    report.write_text(f"{body[:at]}档案库存情况\n{table}\n\n{body[at:]}", encoding="utf-8")
    plugin_folder = Path(__file__).resolve().parents[1] / "plugin"
    code = (  # stock_plugin stands in for an installed distribution's entry point
        f"import sys\nsys.path.insert(0, {str(plugin_folder)!r})\n"
        "from govlint import plugins\n"
        "plugins.scan_entry_points = lambda group='govlint': "
        "[plugins.EntryPoint('stock', 'stock_plugin', 'stock-plugin', '1.0')]\n"
        "from govlint.cli import main\n"
        f"main(['parse', '--format', 'json', {str(report)!r}])\n"
        "sys.stderr.write('\\n'.join(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert '"records_stock"' in done.stdout
    assert "govlint.rules" not in done.stderr.splitlines()


def test_parse_imports_neither_the_runner_nor_the_run_phase() -> None:
    """``govlint parse`` prints the tree: it runs no rule, no worker and no cross-report phase."""
    loaded = modules_after("parse", "--format", "json", str(SEED))
    assert "govlint.parsing.build" in loaded  # the parse ran
    assert sorted(m for m in loaded if m.startswith(("govlint.runner", "govlint.crossreport", "govlint.rules"))) == []


def test_two_reports_are_digested_and_compared() -> None:
    loaded = modules_after(
        "check", "--exit-zero", "-j", "1", str(SEED), str(SEED.with_name("001_45823a3c8b7753e5.txt"))
    )
    assert {"govlint.crossreport.digests", "govlint.crossreport.similar"} <= loaded


def collector_after(code: str) -> list[str]:
    """The last line a fresh interpreter prints after running ``code`` with a check of the seed as ``ARGS``,
    Python's collector watched by a callback that notes in ``seen`` whether each collection ran between the
    rules' import and the run's (the first report read)."""
    prelude = (
        "import gc, sys\nfrom govlint.cli import main\n"
        f"ARGS = ['check', '--exit-zero', '-j', '1', {str(SEED)!r}]\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and seen.append("
        "'govlint.rules' in sys.modules and 'govlint.runner.work' not in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1].split()


def test_the_program_pauses_the_collector_while_it_starts_and_freezes_what_start_up_made() -> None:
    printed = collector_after(
        "sys.argv = ['govlint', *ARGS]\ncode = main()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 10000, any(seen))\n"
    )
    assert printed == ["True", "True", "False"]


def test_govlint_called_in_process_leaves_the_collector_alone() -> None:
    printed = collector_after("gc.disable()\nmain(ARGS)\nprint(gc.isenabled(), gc.get_freeze_count())\n")
    assert printed == ["False", "0"]
    printed = collector_after("main(ARGS)\nprint(gc.isenabled(), gc.get_freeze_count())\n")
    assert printed == ["True", "0"]
