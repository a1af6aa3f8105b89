"""Inner modules import at the top (#15 §5): a function-local import is allowed at the package faces, which
load a format's writer, the page view or the worker pool only when a run uses them, and at the few places
docs/performance.md justifies by a measured cost.  The modules of a former import cycle are each imported
first in a fresh interpreter, so that a cycle cannot hide behind the order in which the tests import."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "govlint"
#: The package faces (docs/performance.md, "Imports follow the run"): every import in them may be lazy.
FACES = {
    "__init__.py",
    "api.py",
    "cli.py",
    "sources/__init__.py",
    "output/__init__.py",
    "runner/__init__.py",
    "crossreport/__init__.py",
    "parsing/__init__.py",
}
#: Function-local imports of inner modules: module -> what it may import inside a function.  The first four
#: are justified in docs/performance.md by a measured cost; the rest are known and still to be mended (#15 §5).
ALLOWED = {
    "config.py": {"govlint.scoring", "tomllib", "tomli"},
    "globs.py": {"pathspec"},
    "entrypoints.py": {"importlib.metadata"},
    "pluginchecks.py": {"packaging.requirements", "packaging.utils", "packaging.version"},
    "sources/text.py": {"charset_normalizer"},
    "parsing/productions.py": {"importlib"},
}


def local_imports(path: Path) -> set[str]:
    """The modules imported inside the functions of the module at ``path``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom):
                    found.add(inner.module or "")
                elif isinstance(inner, ast.Import):
                    found.update(alias.name for alias in inner.names)
    return found


INNER = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "testing" not in p.parts)


@pytest.mark.parametrize("module", [m for m in INNER if m not in FACES])
def test_an_inner_module_imports_at_the_top(module: str) -> None:
    assert local_imports(PACKAGE / module) - ALLOWED.get(module, set()) == set()


#: The modules of the former cycle: the linter imports the built-in rules (table 四's corrected cases), which
#: import the cross-report rules, whose run phase imports the linter.
CYCLE = ("govlint.linter", "govlint.rules.substance", "govlint.crossreport.rules", "govlint.crossreport.phase")


@pytest.mark.parametrize("name", CYCLE)
def test_the_engine_and_the_rules_import_in_any_order(name: str) -> None:
    """Each imported first in a fresh interpreter: none finds another half made."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {name}"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.returncode == 0, done.stderr
