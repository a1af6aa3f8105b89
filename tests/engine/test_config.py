"""Configuration: files, discovery, validation, selection, per-file ignores, severities."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

import govlint
from govlint import cli
from govlint.config import (
    Config,
    ConfigFinder,
    Refused,
    Selection,
    discover_config_file,
    find_config_file,
    unsafe_reason,
)
from govlint.diagnostics import Severity
from govlint.errors import ConfigError

CODES = ["GL101", "GL105", "GL201", "GL203", "GL301", "GL402", "ZJ001"]


def selected(config: Config) -> list[str]:
    return [code for code in CODES if config.selects(code)]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (Config(), CODES),
        (Config(select=["GL2"]), ["GL201", "GL203"]),
        (Config(select=["ALL"], ignore=["GL2"]), ["GL101", "GL105", "GL301", "GL402", "ZJ001"]),
        # The more specific prefix wins, whichever list it is in.
        (Config(select=["GL203"], ignore=["GL2"]), ["GL203"]),
        (Config(ignore=["GL"], extend_select=["GL1"]), ["GL101", "GL105", "ZJ001"]),
        # At equal specificity, ignore wins.
        (Config(select=["GL2"], ignore=["GL2"]), []),
        (Config(extend_select=["ZJ"], select=["GL3"]), ["GL301", "ZJ001"]),
    ],
)
def test_selection_within_one_layer(config: Config, expected: list[str]) -> None:
    assert selected(config) == expected


def test_the_command_line_layer_overrides_the_file() -> None:
    file = Config(select=["GL2"], ignore=["GL203"])
    # --select replaces the file's selection, even a code the file ignored.
    assert selected(file.with_overrides(select=["GL203"])) == ["GL203"]
    # --extend-select and --ignore adjust it.
    assert selected(file.with_overrides(extend_select=["GL3"])) == ["GL201", "GL301"]
    assert selected(file.with_overrides(ignore=["GL201"])) == []
    assert file.with_overrides() == file


def test_a_selection_layer_leaves_codes_it_does_not_mention() -> None:
    assert Selection(ignore=["GL2"]).decide("GL101", enabled=False) is False
    assert Selection(ignore=["GL2"]).decide("GL101", enabled=True) is True
    assert Selection(select=["GL2"]).decide("GL101", enabled=True) is False


@pytest.mark.parametrize("bad", ["gl203", "GL-2", "", "2GL", "GL20304"])
def test_a_malformed_selector_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="not a rule code or prefix"):
        Config(ignore=[bad])


def test_per_file_ignores_match_relative_paths_and_names(tmp_path: Path) -> None:
    config = Config.from_mapping(
        {"per-file-ignores": {"archive/2019/*.txt": ["GL4"], "*.html": ["GL105", "GL2"]}},
        path=str(tmp_path / "pyproject.toml"),
    )
    assert config.ignored_codes(str(tmp_path / "archive/2019/a.txt")) == ("GL4",)
    assert config.ignored_codes(str(tmp_path / "archive/2020/a.txt")) == ()
    assert config.ignored_codes(str(tmp_path / "x/y/page.html")) == ("GL105", "GL2")


def test_per_file_ignores_all_turns_every_rule_off_for_the_matching_files(tmp_path: Path) -> None:
    """``ALL`` is accepted in per-file-ignores as in select and ignore, so it must ignore: it did nothing."""
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_46fcf760ef5bf81c.txt"
    (tmp_path / "old").mkdir()
    for name in ("old/a.txt", "b.txt"):
        (tmp_path / name).write_bytes(seed.read_bytes())
    config = Config.from_mapping({"per-file-ignores": {"old/*.txt": ["ALL"]}}, path=str(tmp_path / ".govlint.toml"))
    assert govlint.lint_file(tmp_path / "old" / "a.txt", config).diagnostics == ()
    assert govlint.lint_file(tmp_path / "b.txt", config).diagnostics


def test_severity_overrides_take_the_longest_prefix() -> None:
    config = Config(severity={"GL4": "warning", "GL402": "info", "ALL": "error"})
    assert config.severity_for("GL401", Severity.ERROR) is Severity.WARNING
    assert config.severity_for("GL402", Severity.ERROR) is Severity.INFO
    assert config.severity_for("GL101", Severity.WARNING) is Severity.ERROR
    assert Config().severity_for("GL101", Severity.WARNING) is Severity.WARNING


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_setting_is_read_from_pyproject(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
[project]
name = "reports"

[tool.govlint]
select = ["GL"]
extend-select = ["ZJ"]
ignore = ["GL105"]
reference-date = 2025-03-31
plugins = ["office.rules"]
required-plugins = ["govlint-zj>=1.0"]
fail-on = "warning"
lang = "en"
deadline-department = "02-10"

[tool.govlint.per-file-ignores]
"old/*.txt" = ["GL4"]

[tool.govlint.severity]
GL302 = "error"
""",
    )
    config = Config.from_file(path)
    assert config.select == ("GL",)
    assert config.extend_select == ("ZJ",)
    assert config.ignore == ("GL105",)
    assert config.reference_date == dt.date(2025, 3, 31)
    assert config.plugins == ("office.rules",)
    assert config.required_plugins == ("govlint-zj>=1.0",)
    assert config.fail_on is Severity.WARNING
    assert config.lang == "en"
    assert config.per_file_ignores == (("old/*.txt", ("GL4",)),)
    assert config.severity == (("GL302", Severity.ERROR),)
    assert config.options == (("deadline-department", "02-10"),)
    assert config.root == str(tmp_path)
    assert config.rule_options({"deadline-department": "01-31", "other": 1}) == {
        "deadline-department": "02-10",
        "other": 1,
    }


def test_govlint_toml_uses_top_level_keys(tmp_path: Path) -> None:
    path = write(tmp_path / ".govlint.toml", 'ignore = ["GL4"]\nreference-date = "2024-02-01"\n')
    config = Config.from_file(path)
    assert config.ignore == ("GL4",)
    assert config.reference_date == dt.date(2024, 2, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[tool.govlint\nselect=1", "invalid TOML"),
        ('[tool.govlint]\nselect = ["GL2"]\nignore = [1]', "ignore: expected a list of strings"),
        ('[tool.govlint]\nselect = "GL2"', "select: expected a list of strings such as ['GL2'], got the string"),
        ('[tool.govlint]\nfail-on = "fatal"', "fail-on: 'fatal' is not a severity"),
        ('[tool.govlint]\nreference-date = "31/03/2025"', "reference-date: '31/03/2025' is not a date"),
        ('[tool.govlint]\nlang = "fr"', "lang: 'fr' is not zh or en"),
        ('[tool.govlint]\nseverity = ["GL1"]', "severity: expected a table"),
        ('[tool.govlint]\nseverity = {GL1 = "loud"}', "severity.GL1: 'loud' is not a severity"),
        ('[tool.govlint]\nper-file-ignores = {"*.txt" = ["gl1"]}', "not a rule code or prefix"),
        ('[tool.govlint]\nselect = ["GL2", "E501!"]', "'E501!' is not a rule code"),
    ],
)
def test_invalid_configuration_names_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as info:
        Config.from_file(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


@pytest.mark.parametrize("key", ["select", "extend-select", "ignore", "plugins", "required-plugins"])
def test_a_string_where_a_list_is_expected_is_an_error(key: str) -> None:
    with pytest.raises(ConfigError, match=rf"^{key}: expected a list of strings such as \['GL2'\], got the string"):
        Config.from_mapping({key: "GL2"})


KNOWN = ["GL001", "GL101", "GL105", "GL201", "GL203", "GL402", "TS001"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (Config(select=["GL9999"]), "select: no rule code matches 'GL9999' (nearest: GL001, GL101, GL105)"),
        (Config().with_overrides(ignore=["XYZ"]), "--ignore: no rule code matches 'XYZ' (see `govlint rules`)"),
        (Config().with_overrides(select=["GL2034"]), "--select: no rule code matches 'GL2034' (nearest: GL203,"),
        (Config(severity={"GL7": "info"}), "severity: no rule code matches 'GL7' (nearest: GL"),
        (Config(per_file_ignores={"*.txt": ["ZZ1"]}), "per-file-ignores.*.txt: no rule code matches 'ZZ1'"),
        (
            Config(select=["FJ"]),
            "select: FJ selects rules of the plugin govlint-fujian, which is not installed "
            "(pip install govlint-fujian)",
        ),
        (Config(extend_select=["FJ001"]), "extend-select: FJ001 selects rules of the plugin govlint-fujian"),
    ],
)
def test_a_selector_matching_no_rule_is_an_error_naming_the_nearest(config: Config, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        config.check_codes(KNOWN)
    assert str(info.value).startswith(message)


def test_selectors_that_match_rules_pass() -> None:
    Config(select=["ALL", "GL", "GL2", "GL203", "TS"], ignore=["GL0"], severity={"GL4": "info"}).check_codes(KNOWN)
    Config(path="/p/.govlint.toml", ignore=["GL9"]).with_overrides(select=["TS001"]).check_codes([*KNOWN, "GL901"])
    with pytest.raises(ConfigError, match=r"^/p/.govlint.toml: ignore: no rule code matches 'GL9'"):
        Config(path="/p/.govlint.toml", ignore=["GL9"]).check_codes(KNOWN)


@pytest.mark.parametrize("text", ["a = " + "[" * 50_000, "a = " + "{x = " * 50_000])
def test_a_deeply_nested_config_is_one_clear_error(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / ".govlint.toml", text)
    with pytest.raises(ConfigError, match=r"invalid configuration: arrays or tables nested too deeply"):
        Config.from_file(path)


def test_govlint_check_rejects_an_unknown_code_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = write(tmp_path / "r.txt", "2023年度政府信息公开工作年度报告\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--select", "GL9999", str(report)]) == 2
    assert "--select：没有与 'GL9999' 匹配的规则代码（最接近的：GL" in capsys.readouterr().err
    assert cli.main(["check", "--select", "GL9999", str(report), "--lang", "en"]) == 2
    assert "--select: no rule code matches 'GL9999' (nearest: GL" in capsys.readouterr().err
    write(tmp_path / ".govlint.toml", 'select = ["FJ"]\n')
    assert cli.main(["check", str(report)]) == 2
    assert (
        "select：FJ 是插件 govlint-fujian 的规则，该插件未安装（请运行 pip install govlint-fujian）"
        in capsys.readouterr().err
    )
    assert cli.main(["check", str(report), "--lang", "en"]) == 2
    assert "which is not installed (pip install govlint-fujian)" in capsys.readouterr().err


def test_unknown_settings_are_reported_against_the_plugins_options(tmp_path: Path) -> None:
    config = Config.from_mapping({"selct": ["GL1"], "ts-limit": 5}, path=str(tmp_path / ".govlint.toml"))
    with pytest.raises(ConfigError, match=r"unknown setting 'selct' \(did you mean 'select'\?\)"):
        config.check_options({"ts-limit": 3})
    with pytest.raises(ConfigError, match=r"unknown setting 'qqq' \(known: exclude, .*, ts-limit\)"):
        Config.from_mapping({"qqq": 1}).check_options({"ts-limit": 3})
    Config.from_mapping({"ts-limit": 5}).check_options({"ts-limit": 3})
    with pytest.raises(ConfigError, match="ts-limit: expected a number, got 'five'"):
        Config.from_mapping({"ts-limit": "five"}).check_options({"ts-limit": 3})
    # a folder option (history) takes one path, and says so in both languages
    with pytest.raises(ConfigError) as info:
        Config.from_mapping({"history": ["old"]}).check_options({"history": ""})
    assert info.value.message("en") == "history: expected a string (one value, such as a path), got ['old']"
    assert info.value.message("zh") == "history：应为一个字符串（单个值，如路径），实际为 ['old']"


def test_a_limit_that_is_not_a_number_of_its_unit_is_an_error() -> None:
    with pytest.raises(ConfigError) as info:
        Config.from_mapping({"memory-limit": -1})
    assert info.value.message("zh") == "memory-limit：应为 0（不限）到 1,000,000,000 的兆字节数（MB），实际为 -1"
    expected = "memory-limit: expected a number of MB from 0 (no limit) to 1,000,000,000, got -1"
    assert info.value.message("en") == expected


def test_discovery_takes_the_nearest_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.govlint]\nignore = ["GL1"]\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "no govlint table here"\n')
    write(tmp_path / "a" / "b" / ".govlint.toml", 'ignore = ["GL2"]\n')
    report = write(tmp_path / "a" / "b" / "c" / "report.txt", "")
    assert find_config_file(report) == str(tmp_path / "a" / "b" / ".govlint.toml")
    assert Config.discover(report).ignore == ("GL2",)
    # A pyproject.toml without [tool.govlint] is passed over.
    assert Config.discover(tmp_path / "a" / "x.txt").ignore == ("GL1",)
    # .govlint.toml wins over pyproject.toml in the same directory.
    write(tmp_path / ".govlint.toml", 'ignore = ["GL3"]\n')
    assert Config.discover(tmp_path / "r.txt").ignore == ("GL3",)


def test_a_pyproject_that_cannot_hold_the_table_is_not_parsed(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.govlint]\nignore = ["GL1"]\n')
    # Naming govlint elsewhere (a project, a script) is not a [tool.govlint] table: passed over unparsed,
    # so even a file that is not TOML does not stop govlint.
    unrelated = "[project\nname = 'govlint'\n[project.scripts]\ngovlint = 'govlint.cli:main'\n"
    write(tmp_path / "a" / "pyproject.toml", unrelated)
    assert Config.discover(tmp_path / "a" / "r.txt").ignore == ("GL1",)
    # One that may hold the table is parsed, and its errors are reported.
    write(tmp_path / "a" / "pyproject.toml", "[tool.govlint\nselect = 1\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        Config.discover(tmp_path / "a" / "r.txt")


@pytest.mark.parametrize(
    "text",
    [
        '[tool.govlint]\nignore = ["GL2"]\n',
        '[ tool . "govlint" ]\nignore = ["GL2"]\n',
        '[tool.govlint.severity]\nGL4 = "info"\n[tool.govlint]\nignore = ["GL2"]\n',
        'tool.govlint.ignore = ["GL2"]\n',
        '[tool]\ngovlint = { ignore = ["GL2"] }\n',
        '[tool]\ngovlint.ignore = ["GL2"]\n',
        'tool = { govlint = { ignore = ["GL2"] } }\n',
    ],
)
def test_every_way_of_writing_the_table_is_found(tmp_path: Path, text: str) -> None:
    write(tmp_path / "pyproject.toml", text)
    assert Config.discover(tmp_path / "r.txt").ignore == ("GL2",)


def test_discovery_without_any_file_gives_the_default(tmp_path: Path) -> None:
    # tmp_path's parents are system directories without a govlint configuration.
    assert Config.discover(tmp_path) == Config()


def test_discovery_stops_at_a_repository_root(tmp_path: Path) -> None:
    write(tmp_path / ".govlint.toml", 'ignore = ["GL1"]\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    report = write(tmp_path / "repo" / "reports" / "r.txt", "")
    assert find_config_file(report) is None
    write(tmp_path / "repo" / "pyproject.toml", '[tool.govlint]\nignore = ["GL2"]\n')
    assert Config.discover(report).ignore == ("GL2",)


def test_discovery_stops_at_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / ".govlint.toml", 'ignore = ["GL1"]\n')
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    report = write(tmp_path / "home" / "reports" / "r.txt", "")
    assert find_config_file(report) is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_config_others_can_write_is_passed_over_and_said(tmp_path: Path) -> None:
    write(tmp_path / ".govlint.toml", 'ignore = ["GL1"]\n')
    shared = tmp_path / "shared"
    write(shared / ".govlint.toml", 'ignore = ["GL2"]\n')
    report = write(shared / "r.txt", "")
    shared.chmod(0o777)
    found, refused = discover_config_file(report)
    assert found == str(tmp_path / ".govlint.toml")
    assert refused == (
        Refused(
            str(shared / ".govlint.toml"), "其他用户可以修改该配置所在文件夹", "other users can write to the folder"
        ),
    )
    shared.chmod(0o755)
    (shared / ".govlint.toml").chmod(0o666)
    assert unsafe_reason(str(shared / ".govlint.toml")) == (
        "其他用户可以修改该配置文件",
        "other users can write to the file",
    )
    (shared / ".govlint.toml").chmod(0o644)
    assert find_config_file(report) == str(shared / ".govlint.toml")


@pytest.mark.skipif(os.name != "posix" or os.getuid() != 0, reason="needs root to give a file away")
def test_a_config_owned_by_another_user_is_passed_over(tmp_path: Path) -> None:
    path = write(tmp_path / "a" / ".govlint.toml", 'ignore = ["GL2"]\n')
    os.chown(path, 65534, 65534)
    assert unsafe_reason(str(path)) == ("该配置文件属于其他用户", "the file belongs to another user")
    assert find_config_file(path) != str(path)


def test_only_the_working_directorys_config_may_name_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "own").mkdir()
    write(tmp_path / "own" / ".govlint.toml", 'plugins = ["mine"]\n')
    write(tmp_path / "sent" / ".govlint.toml", 'plugins = ["theirs"]\nignore = ["GL2"]\ntheirs-option = 1\n')
    report = write(tmp_path / "sent" / "r.txt", "")
    monkeypatch.chdir(tmp_path / "own")
    sent = Config.discover(report)
    assert (sent.plugins, sent.ignored_plugins, sent.ignore) == ((), ("theirs",), ("GL2",))
    sent.check_options({})  # the options of plugins not loaded are not "unknown settings"
    assert Config.discover(tmp_path / "own" / "x.txt").plugins == ("mine",)
    # A file the caller names is trusted.
    assert Config.from_file(tmp_path / "sent" / ".govlint.toml").plugins == ("theirs",)
    finder = ConfigFinder()
    assert finder.for_directory(str(tmp_path / "sent")).ignored_plugins == ("theirs",)
    finder.for_directory(str(tmp_path / "sent"))
    assert [en for _, en in finder.notes] == [
        f"{tmp_path / 'sent' / '.govlint.toml'}: plugins named there (theirs) were not loaded: the file was found "
        "beside the checked files, not in the working directory; pass it with --config to trust it"
    ]
    assert ConfigFinder(isolated=True).for_directory(str(tmp_path / "own")) == Config()


PLANTED = "import pathlib\npathlib.Path(__file__).with_name('ran.txt').write_text('code ran')\n"


def test_govlint_check_runs_no_code_from_a_folder_it_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = tmp_path / "sent"
    write(sent / ".govlint.toml", 'plugins = ["planted"]\n')
    write(sent / "planted.py", PLANTED)
    write(sent / "r.txt", "2023年度政府信息公开工作年度报告\n")
    write(tmp_path / "own" / "notes.txt", "")
    monkeypatch.chdir(tmp_path / "own")
    monkeypatch.setattr(sys, "path", list(sys.path))
    for command in (["check", str(sent / "r.txt"), "--lang", "en"], ["rules"], ["plugins"]):
        cli.main(command)
    assert not (sent / "ran.txt").exists()
    err = capsys.readouterr().err
    assert err.count("plugins named there (planted) were not loaded") == 1
    # --isolated reads no configuration at all; --config trusts the file named.
    cli.main(["check", str(sent / "r.txt"), "--isolated"])
    assert "planted" not in capsys.readouterr().err
    cli.main(["check", str(sent / "r.txt"), "--config", str(sent / ".govlint.toml")])
    assert (sent / "ran.txt").read_text() == "code ran"
    sys.modules.pop("planted", None)


def test_per_file_ignores_and_level_globs_follow_gitignore_rules(tmp_path: Path) -> None:
    config = Config.from_mapping(
        {
            "per-file-ignores": {"2019/*.txt": ["GL4"], "drafts/": ["GL2"], "**/old/*.md": ["GL1"]},
            "level": {"depts/*.txt": "department"},
        },
        path=str(tmp_path / ".govlint.toml"),
    )
    assert config.ignored_codes(str(tmp_path / "2019/a.txt")) == ("GL4",)
    assert config.ignored_codes(str(tmp_path / "2019/sub/x.txt")) == ()  # `*` does not cross `/`
    assert config.ignored_codes(str(tmp_path / "x/2019/a.txt")) == ()  # a glob with `/` is anchored
    assert config.ignored_codes(str(tmp_path / "a/drafts/b/c.txt")) == ("GL2",)  # a folder at any depth
    assert config.ignored_codes(str(tmp_path / "a/b/old/c.md")) == ("GL1",)
    assert config.level_for(str(tmp_path / "depts/a.txt")) == "department"
    assert config.level_for(str(tmp_path / "depts/sub/a.txt")) is None
