"""``govlint.crossreport`` loads its names on first use (PEP 562): each public name resolves to its object."""

from __future__ import annotations

import subprocess
import sys

import govlint.crossreport
from govlint.crossreport import digests, history, identity, phase, roster, run


def test_every_public_name_is_its_modules_object() -> None:
    homes = (digests, history, identity, phase, roster, run)
    for name in govlint.crossreport.__all__:
        found = getattr(govlint.crossreport, name)
        assert any(getattr(module, name, None) is found for module in homes), name


def test_the_package_alone_loads_none_of_its_modules() -> None:
    code = (
        "import sys, govlint.crossreport\nprint(sorted(m for m in sys.modules if m.startswith('govlint.crossreport.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
