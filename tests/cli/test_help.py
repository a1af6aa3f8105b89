"""``--help`` in Chinese and English, and usage errors that name the nearest option (issue 14, item 11)."""

from __future__ import annotations

import argparse
import re

import pytest
from cli_support import Run

from govlint import clihelp
from govlint.cli import build_parser

COMMANDS = ["check", "parse", "rules", "rule", "plugins"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def parsers(lang: str) -> dict[str, argparse.ArgumentParser]:
    top = build_parser(lang=lang)
    (sub,) = (a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    return {"": top, **sub.choices}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_option_of_every_command_has_help_in_the_language(lang: str) -> None:
    for command, parser in parsers(lang).items():
        for action in parser._actions:
            assert action.help, (command, action.option_strings or action.dest)
            assert action.help != argparse.SUPPRESS
            if lang == "zh":
                assert CJK.search(action.help), (command, action.dest, action.help)
            else:
                assert not CJK.search(action.help), (command, action.dest, action.help)


def test_the_help_tables_name_no_option_that_is_gone() -> None:
    dests = {
        key
        for command, parser in parsers("en").items()
        for action in parser._actions
        for key in (action.dest, f"{command}.{action.dest}")
    }
    assert set(clihelp.OPTIONS) <= dests


@pytest.mark.parametrize("command", COMMANDS)
def test_help_ends_with_two_examples_and_the_exit_codes(run: Run, command: str) -> None:
    code, zh, _ = run(command, "--help")
    assert code == 0 and zh.startswith(f"用法：govlint {command} ")
    examples = zh.split("示例：\n", 1)[1]
    assert len(re.findall(r"^  govlint ", examples, flags=re.M)) == 2
    assert "退出码：0 " in examples and "2 用法、输入、配置或插件错误" in examples
    code, en, _ = run(command, "--help", "--lang", "en")
    assert code == 0 and en.startswith(f"usage: govlint {command} ")
    examples = en.split("examples:\n", 1)[1]
    assert len(re.findall(r"^  govlint ", examples, flags=re.M)) == 2
    assert "exit codes: 0 " in examples
    assert not CJK.search(en.replace("2024年报", "").replace("草稿", "").replace("报告.docx", ""))


@pytest.mark.parametrize(
    ("environ", "argv", "lang"),
    [
        ({"LANG": "en_US.UTF-8"}, [], "en"),
        ({"LANG": "zh_CN.UTF-8"}, [], "zh"),
        ({"LANG": "C.UTF-8"}, [], "zh"),
        ({}, [], "zh"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, [], "zh"),
        ({"LANG": "en_US.UTF-8"}, ["check", "--lang", "zh"], "zh"),
        ({"LANG": "zh_CN.UTF-8"}, ["check", "--lang=en"], "en"),
        ({}, ["check", "--lang", "en", "a.txt", "--lang", "zh"], "zh"),  # the last, as argparse
        ({}, ["check", "--lang=", "a.txt", "--lang", "en"], "en"),  # a bad --lang passed over
        ({"LANG": "en_US.UTF-8"}, ["check", "--lang", "fr"], "en"),
        ({}, ["check", "a.txt", "--la", "en"], "en"),  # argparse's abbreviation
        ({}, ["check", "--", "--lang", "en"], "zh"),  # a path named --lang
    ],
)
def test_the_language_is_lang_else_the_locale_else_chinese(environ: dict[str, str], argv: list[str], lang: str) -> None:
    assert clihelp.choose_lang(argv, environ) == lang


def test_govlint_help_follows_the_locale(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert run("--help")[1].startswith("usage: govlint ")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert run("--help")[1].startswith("用法：govlint ")


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ("check", "--formt", "json", "a.txt"),
            "govlint: 用法错误：无法识别的参数：--formt（是否想用 --format？详见 `govlint check --help`）",
            "govlint: usage error: unrecognized arguments: --formt (did you mean --format? see `govlint check --help`)",
        ),
        (
            ("rules", "--fromat=json"),
            "govlint: 用法错误：无法识别的参数：--fromat=json（是否想用 --format？详见 `govlint rules --help`）",
            "govlint: usage error: unrecognized arguments: --fromat=json (did you mean --format? "
            "see `govlint rules --help`)",
        ),
        (
            ("rule",),
            "govlint: 用法错误：缺少必需的参数：CODE（详见 `govlint rule --help`）",
            "govlint: usage error: the following arguments are required: CODE (see `govlint rule --help`)",
        ),
    ],
)
def test_usage_errors_suggest_the_nearest_option_and_the_commands_help(
    run: Run, args: tuple[str, ...], zh: str, en: str
) -> None:
    assert run(*args) == (2, "", zh + "\n")
    assert run(*args, "--lang", "en") == (2, "", en + "\n")


def test_an_invalid_choice_suggests_the_nearest(run: Run) -> None:
    code, _, err = run("check", "--format", "jsno", "a.txt")
    assert code == 2 and "无效的取值 'jsno'" in err and "是否想用 json？" in err
    code, _, err = run("chek", "a.txt", "--lang", "en")
    assert code == 2 and "did you mean check? see `govlint --help`" in err


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--bogus"),
        ("check", "--bogus", "a.txt"),
        ("--lang", "zh", "check", "--bogus"),
        ("--lang=zh", "check", "--select", "GL2", "--bogus"),
        ("parse", "--bogus"),
        ("rule", "--bogus"),
    ],
)
def test_an_unknown_option_is_named_before_a_missing_argument(run: Run, args: tuple[str, ...]) -> None:
    """As flake8 and ruff do: ``govlint check --bogus`` said that PATH is required (argparse checks the
    required arguments before it looks at what it did not know) and never named ``--bogus``."""
    command = next(a for a in args if a in COMMANDS)
    code, out, err = run(*args)
    assert (code, out) == (2, "") and err.startswith("govlint: 用法错误：无法识别的参数：--bogus（"), err
    assert err.endswith(f"详见 `govlint {command} --help`）\n"), err
    code, out, err = run(*(a for a in args if not a.startswith("--lang") and a != "zh"), "--lang", "en")
    assert (code, out) == (2, "") and err.startswith("govlint: usage error: unrecognized arguments: --bogus ("), err
    assert err.endswith(f"see `govlint {command} --help`)\n"), err


@pytest.mark.parametrize(
    ("args", "missing"), [(("check",), "PATH"), (("check", "--"), "PATH"), (("rule", "--"), "CODE")]
)
def test_a_missing_argument_is_still_named(run: Run, args: tuple[str, ...], missing: str) -> None:
    assert run(*args)[2] == f"govlint: 用法错误：缺少必需的参数：{missing}（详见 `govlint {args[0]} --help`）\n"
    assert run("--lang", "en", *args)[2] == (
        f"govlint: usage error: the following arguments are required: {missing} (see `govlint {args[0]} --help`)\n"
    )
