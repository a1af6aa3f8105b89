"""Option values: an empty one is a usage error, and every usage error is one line in one language.

``--select "$RULES"`` with the variable unset turned every rule off and passed every report; ``--config ''``
fell back to the configuration found; ``--write-baseline ''`` wrote nothing.  And argparse's English came
inside a Chinese frame (``用法错误：参数 --timeout：expected a number…``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import Run

#: Each option of ``check`` taking a value, with an empty value.
EMPTY = [
    "--config",
    "-o",
    "--output",
    "--select",
    "--extend-select",
    "--ignore",
    "--reference-date",
    "--max-findings-per-rule",
    "--exclude",
    "--extend-exclude",
    "--encoding",
    "--stdin-filename",
    "-j",
    "--timeout",
    "--memory-limit",
    "--history",
    "--roster",
    "--baseline",
    "--write-baseline",
]

#: A bad value of each option taking one (and of the lists: a separator alone), and argparse's own
#: complaints: what is refused is named in the message.
BAD = [
    *[(option, "") for option in EMPTY],
    ("--select", ","),
    ("--ignore", " , "),
    ("--extend-select", " "),
    ("--format", "jsno"),
    ("--fail-on", "fatal"),
    ("--color", "sometimes"),
    ("--reference-date", "2025-13-01"),
    ("--max-findings-per-rule", "-1"),
    ("-j", "0"),
    ("--jobs", "many"),
    ("--timeout", "soon"),
    ("--timeout", "-1"),
    ("--memory-limit", "4GB"),
    ("-j", "²"),  # a digit int() does not read: it was argparse's "invalid _positive_int value"
    ("--max-findings-per-rule", "²"),
    ("--memory-limit", "²"),
    ("--memory-limit", "+-5"),  # signs int() does not read: it was argparse's "invalid _memory_limit value"
    ("--max-findings-per-rule", "+-5"),
]


#: What a Chinese line may hold in ASCII: a suggested value, a command, a quoted value, an option, a metavar
#: or code, a value holding a digit, the program's name.
NAMES_AND_VALUES = r"是否想用 [^？]*？|`[^`]*`|'[^']*'|--?[A-Za-z][\w-]*|\b[A-Z][A-Z0-9_-]*\b|\S*\d\S*|^govlint:"


def _zh_only(line: str) -> bool:
    """No English word left once the option names, metavars, commands (in backquotes) and the values (in
    quotes, or holding a digit) are taken out."""
    rest = re.sub(NAMES_AND_VALUES, " ", line)
    return re.search(r"[A-Za-z]{2,}", rest) is None and re.search(r"[\u4e00-\u9fff]", line) is not None


def _en_only(line: str) -> bool:
    return re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", re.sub(r"'[^']*'", "", line)) is None


def _one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize("option", EMPTY)
def test_an_empty_value_is_a_usage_error_naming_the_option(run: Run, project: Path, option: str) -> None:
    (project / "a.txt").write_text("报告", encoding="utf-8")
    code, out, err = run("check", "a.txt", option, "")
    assert code == 2 and out == ""
    assert option in _one_line(err) and "应为" in err
    given = (f"{option}=",) if option.startswith("--") else (option, "")  # --option= is empty too
    code, _, err = run("check", "a.txt", *given, "--lang", "en")
    assert code == 2 and option in _one_line(err) and "expected" in err


def test_an_empty_selection_never_passes_every_report(run: Run, project: Path) -> None:
    """``--select "$RULES"`` with RULES unset: refused, where it turned every rule off and exited 0."""
    (project / "a.txt").write_text("错误", encoding="utf-8")
    assert run("check", "a.txt")[0] == 1
    for option in ("--select", "--extend-select", "--ignore"):
        for value in ("", ",", " , "):
            code, out, err = run("check", "a.txt", option, value)
            assert (code, out) == (2, "") and "没有规则代码" in err


def test_an_empty_path_is_refused_not_read(run: Run, project: Path) -> None:
    (project / "a.txt").write_text("错误", encoding="utf-8")
    code, out, err = run("check", "", "--lang", "en")
    assert (code, out) == (2, "") and "argument PATH: the value is empty: expected a file, a folder" in err
    assert run("parse", "")[0] == 2
    assert not (project / "baseline.json").exists()


@pytest.mark.parametrize(("option", "value"), BAD)
def test_a_bad_value_is_one_line_in_one_language_saying_what_is_expected(
    run: Run, project: Path, option: str, value: str
) -> None:
    (project / "a.txt").write_text("报告", encoding="utf-8")
    code, out, err = run("check", "a.txt", option, value)
    assert (code, out) == (2, "")
    assert _zh_only(_one_line(err)), err
    assert option in err
    assert "应为" in err or "需要" in err, err
    # --lang after the bad option still decides the language of the whole line
    code, out, err = run("check", "a.txt", option, value, "--lang", "en")
    assert (code, out) == (2, "")
    assert _en_only(_one_line(err)), err
    assert "expected" in err or "choose from" in err, err


@pytest.mark.parametrize(
    "args",
    [
        ("check", "a.txt", "--bogus"),  # unrecognized
        ("check", "a.txt", "--config"),  # expected one argument
        ("check",),  # required
        ("rule",),  # required
        ("check", "a.txt", "--config", "c.toml", "--isolated"),  # not allowed with
        ("check", "a.txt", "--baseline", "b.json", "--write-baseline", "c.json"),
        ("check", "a.txt", "--quiet=yes"),  # ignored explicit argument
        ("check", "a.txt", "--ex", "x"),  # ambiguous
        ("chek", "a.txt"),  # invalid choice of command
        ("--lang", "fr", "check", "a.txt"),
        ("rules", "--format", "yaml"),
        ("parse", "a.txt", "--encoding", ""),
    ],
)
def test_argparses_own_complaints_are_in_one_language(run: Run, project: Path, args: tuple[str, ...]) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "") and _zh_only(_one_line(err)), err
    code, out, err = run(*args, "--lang", "en") if "fr" not in args else run("--lang", "en", *args[2:], "-q=x")
    assert (code, out) == (2, "") and _en_only(_one_line(err)), err


def test_an_unknown_argparse_message_is_not_shown_half_translated() -> None:
    from govlint import clihelp

    line = clihelp.usage_error("a complaint of a later Python", "zh", "govlint check", [])
    assert _zh_only(line) and "later" not in line


def test_an_unknown_argparse_message_with_a_chinese_value_is_not_shown_half_translated() -> None:
    """The Chinese in the value made such a message look like one of govlint's own refusals (already in
    Chinese, it was told by its characters), and its English was shown in the Chinese line."""
    from govlint import clihelp

    message = "argument --format: a complaint of a later Python about '网页'"
    line = clihelp.usage_error(message, "zh", "govlint check", [])
    assert _zh_only(line) and "later" not in line and "--format" in line


def test_govlints_own_refusal_is_known_by_its_type_not_its_characters(
    run: Run, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refusal of one of govlint's option types is shown as written in the chosen language, whatever
    characters it holds: here a Chinese reason written without a Chinese character."""
    from govlint import cli

    def refuse(text: str) -> list[str]:
        raise cli.OptionValueError(f"{text!r} is not GL2 or GL301", f"{text!r} ≠ GL2、GL301")

    monkeypatch.setattr(cli, "_codes", refuse)
    (project / "a.txt").write_text("报告", encoding="utf-8")
    assert run("check", "a.txt", "--select", "x")[2] == (
        "govlint: 用法错误：参数 --select：'x' ≠ GL2、GL301（详见 `govlint check --help`）\n"
    )
    assert run("check", "a.txt", "--select", "x", "--lang", "en")[2] == (
        "govlint: usage error: argument --select: 'x' is not GL2 or GL301 (see `govlint check --help`)\n"
    )


@pytest.mark.parametrize(
    "setting",
    [
        'timeout = "x"',
        "memory-limit = -1",
        'max-findings-per-rule = "a"',
        'reference-date = "x"',
        'fail-on = "fatal"',
        'lang = "fr"',
        'select = ["ZZ9"]',
        "exclude = [1]",
        "roster = 5",
        'plugins = ["not_a_local_module"]',  # was English alone
    ],
)
def test_a_configuration_error_is_in_one_language(run: Run, project: Path, setting: str) -> None:
    """A key or a value may stand in the Chinese line, never an English phrase."""
    (project / "a.txt").write_text("报告", encoding="utf-8")
    (project / "bad.toml").write_text(setting + "\n", encoding="utf-8")
    code, out, err = run("check", "a.txt", "--config", "bad.toml")
    assert (code, out) == (2, "")
    assert re.search(r"[A-Za-z]+ [A-Za-z]+", re.sub(r"'[^']*'|`[^`]*`", "", _one_line(err))) is None, err
    code, out, err = run("check", "a.txt", "--config", "bad.toml", "--lang", "en")
    assert (code, out) == (2, "") and _en_only(_one_line(err)), err


@pytest.mark.parametrize("value", [" 2", "2 ", "２"])
def test_every_number_reads_spaces_and_full_width_digits_alike(run: Run, project: Path, value: str) -> None:
    (project / "a.txt").write_text("错误", encoding="utf-8")
    for option in ("-j", "--max-findings-per-rule", "--timeout", "--memory-limit"):
        code, _, err = run("check", "a.txt", option, value, "-q")
        assert (code, err) == (1, ""), (option, err)
