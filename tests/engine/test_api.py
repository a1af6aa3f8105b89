"""The library's face (issue 14, item 16): what ``dir``/``help`` show, parse_text/parse_file, the warning."""

from __future__ import annotations

import pydoc
import warnings
from pathlib import Path

import pytest

import govlint
from govlint.api import AmbiguousSourceWarning
from govlint.schema import FORMATS

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"
API = [
    "Config",
    "Diagnostic",
    "LintResult",
    "Report",
    "lint",
    "lint_file",
    "lint_text",
    "parse",
    "parse_file",
    "parse_text",
]


def test_dir_and_help_show_the_public_api() -> None:
    assert set(API) <= set(dir(govlint))
    assert not {"pluggy", "TYPE_CHECKING", "annotations", "Any"} & set(dir(govlint))
    page = pydoc.render_doc(govlint, renderer=pydoc.plaintext)
    for name in ("parse_file(path", "parse_text(text", "lint_file(path", "lint_text(text", "class Config"):
        assert name in page, name


def test_parse_text_never_takes_its_argument_for_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "无").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert govlint.parse_text("无").text.strip() == "无"  # a file of that name is there, and is not read
    assert govlint.parse_file("无").report_year == 2024


def test_parse_file_and_text_give_the_same_report() -> None:
    text = SEED.read_text(encoding="utf-8")
    by_file, by_text = govlint.parse_file(SEED), govlint.parse_text(text, name=str(SEED))
    assert by_file.tables == by_text.tables and by_file.report_year == by_text.report_year
    assert govlint.lint_file(SEED).diagnostics == govlint.lint_text(text, name=str(SEED)).diagnostics


def test_parse_of_a_one_line_str_warns_and_of_a_path_or_text_does_not() -> None:
    with pytest.warns(AmbiguousSourceWarning, match=r"use govlint.parse_file\(\) or govlint.parse_text\(\)"):
        govlint.parse(str(SEED))
    with pytest.warns(AmbiguousSourceWarning, match=r"govlint.lint_file\(\) or govlint.lint_text\(\)"):
        govlint.lint(str(SEED))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        govlint.parse(SEED)
        govlint.parse(SEED.read_text(encoding="utf-8"))
        govlint.parse(SEED.read_bytes())


def test_a_section_or_cell_key_outside_the_schema_is_a_key_error_naming_the_nearest() -> None:
    report = govlint.parse_file(SEED)
    assert report.section("other_matters") is not None
    with pytest.raises(KeyError, match=r"'other_maters' is not a key of the sections \(nearest: other_matters"):
        report.section("other_maters")  # type: ignore[arg-type]
    table = report.tables.applications
    assert table is not None and table.value("results_total.total") is not None
    with pytest.raises(
        KeyError, match=r"'results_total.totl' is not a key of table applications \(nearest: results_total.total"
    ):
        table.value("results_total.totl")
    only_2019 = set(FORMATS["2019"].table("applications").cell_keys) - set(
        FORMATS["2021"].table("applications").cell_keys
    )
    assert report.format == "2021" and only_2019
    assert table.cell(min(only_2019)) is None  # in the schema, not in this report: None, as before


def test_mypy_catches_a_misspelt_section_key(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    plugin = tmp_path / "plugin_rules.py"
    plugin.write_text(
        "import govlint\n\n\ndef fees(report: govlint.Report) -> object:\n"
        '    return report.section("other_matters"), report.section("other_maters")\n',
        encoding="utf-8",
    )
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(plugin)])
    assert status == 1
    assert out.count("error:") == 1 and 'plugin_rules.py:5: error: Argument 1 to "section"' in out


def test_the_library_skips_what_is_not_a_report_as_the_command_does() -> None:
    """A crawled page whose report is an attachment (Pingtan 036: title only) gets the one GL002 notice
    from lint_file, lint_text and lint, as from ``govlint check``, not errors for every missing part."""
    page = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan" / "036_police_2020.txt"
    text = page.read_text(encoding="utf-8")
    for result in (govlint.lint_file(page), govlint.lint_text(text), govlint.lint(text)):
        assert [d.code for d in result.diagnostics] == ["GL002"]
    report = govlint.lint_file(Path(__file__).parents[1] / "fixtures" / "seeds" / "001_45823a3c8b7753e5.txt")
    assert "GL101" in {d.code for d in report.diagnostics}
