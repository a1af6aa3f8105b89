"""Typed keys (issue #14, item 16): the standard tables' row and cell keys are Literal types generated from
their TableSpecs, so mypy catches a mistyped key in plugin code; at run time such a key is a KeyError naming
the nearest keys, and a plugin's own table takes any key."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
from engine_support import load_script

import govlint
from govlint import tablekeys
from govlint.schema import FORMATS, TABLE_KEYS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"


def test_the_generated_module_is_current() -> None:
    assert load_script("gen_table_keys").main(["--check"]) == 0, "run: python scripts/gen_table_keys.py"


def test_the_types_name_every_key_of_every_format_and_the_subtotal_rows() -> None:
    for table_id, (rows, cells) in {
        "active_disclosure": (tablekeys.ActiveDisclosureRowKey, tablekeys.ActiveDisclosureCellKey),
        "applications": (tablekeys.ApplicationsRowKey, tablekeys.ApplicationsCellKey),
        "review_litigation": (tablekeys.ReviewLitigationRowKey, tablekeys.ReviewLitigationCellKey),
    }.items():
        assert table_id in TABLE_KEYS
        specs = [fmt.table(table_id) for fmt in FORMATS.values()]
        assert {key for spec in specs for key in spec.row_keys} <= set(get_args(rows))
        assert {key for spec in specs for key in spec.cell_keys} <= set(get_args(cells))
    assert "denied.subtotal" in get_args(tablekeys.ApplicationsRowKey)
    assert "other.all.total" in get_args(tablekeys.ApplicationsCellKey)  # the 2019 row


def test_a_key_outside_the_schema_raises_key_error_naming_the_nearest() -> None:
    applications = govlint.parse_file(SEED).tables.applications
    assert applications is not None
    assert applications.row("granted") is not None
    assert applications.row("denied.subtotal") is None  # in the schema, not printed by this report
    assert applications.cell("denied.subtotal.total") is None
    with pytest.raises(KeyError, match=r"'grantd' is not a key of table applications \(nearest: granted"):
        applications.row("grantd")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match=r"nearest: results_total\.total"):
        applications.value("result_total.total")  # type: ignore[arg-type]


PLUGIN = """\
from govlint.model import Report


def check(report: Report) -> None:
    applications = report.tables.applications
    review = report.tables.review_litigation
    if applications is None or review is None:
        return
    applications.value("results_total.total")
    applications.row("denied.state_secret")
    review.cell("review.upheld")
    report.tables["fujian_fee"].value("fee.notices")  # a plugin's table: any key
    applications.value("result_total.total")  # line 13: a typo
    review.row("reviews")  # line 14: a typo
"""


def test_mypy_catches_a_mistyped_key_in_plugin_code(tmp_path: Path) -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed")
    (tmp_path / "plugin.py").write_text(PLUGIN, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "mypy", "--strict", "--follow-imports", "silent", "--no-error-summary"]
    command += ["--cache-dir", str(tmp_path / "cache"), "--hide-error-context", "plugin.py"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=300)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["13", "14"], done.stdout + done.stderr
    assert '"value" of "ApplicationsTable" has incompatible type "Literal[\'result_total.total\']"' in errors[0]
    assert '"row" of "ReviewLitigationTable"' in errors[1]


def test_the_typed_tables_cost_nothing_at_start_up() -> None:
    """The model imports the generated module for the type checker only."""
    code = "import sys, govlint.model; print('govlint.tablekeys' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
