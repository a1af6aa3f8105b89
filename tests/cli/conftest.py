"""Fixtures of the command-line tests: a project folder with a configuration and a local rule module.

The command line is run in process (``govlint.cli.main``) so that the tests are fast and can replace the
parser: these tests are about the command's behaviour (paths, exit codes, formats, config, baselines),
and a stub parser that keeps the text makes every finding's place known in advance.  The end-to-end
tests with the real parser are in ``test_end_to_end.py``.
"""

from __future__ import annotations

import io
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import RULES_MODULE, Run, stub_parse

from govlint import cli, plugins


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder with ``.govlint.toml`` selecting the local rules, as the working directory."""
    (tmp_path / "office_rules.py").write_text(textwrap.dedent(RULES_MODULE), encoding="utf-8")
    (tmp_path / ".govlint.toml").write_text('plugins = ["office_rules"]\nselect = ["TS"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "office_rules", raising=False)
    monkeypatch.setattr("govlint.parsing.parse_document", stub_parse, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    plugins.clear_cache()
    yield tmp_path
    plugins.clear_cache()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Run]:
    """``run("check", "a.txt", stdin=b"...")`` -> (exit code, stdout, stderr)."""

    def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield invoke
