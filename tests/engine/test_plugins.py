"""Plugin discovery, validation and pinning."""

from __future__ import annotations

import os
import pickle
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from engine_support import MarkW, MarkX, SamplePlugin, meta, report

import govlint
from govlint import entrypoints, plugins
from govlint.config import Config
from govlint.errors import PluginError
from govlint.hookspecs import PLUGIN_API_VERSION
from govlint.linter import lint_report
from govlint.pluginchecks import check_required
from govlint.rule import Rule


def load(*objects: object, **kwargs: Any) -> plugins.Plugins:
    return plugins.load_plugins(builtins=False, entry_points=False, objects=objects, **kwargs)


def test_rules_are_collected_in_code_order_with_their_plugin(sample_plugins: plugins.Plugins) -> None:
    codes = [r.meta.code for r in sample_plugins.rules]
    assert codes == sorted(codes) == ["TS001", "TS002", "TS003", "TS004", "TS005"]
    assert set(sample_plugins.rule_plugin.values()) == {"test-plugin"}
    (info,) = sample_plugins.plugins
    assert (info.name, info.version, info.api_version, info.source) == (
        "test-plugin",
        "1.0",
        PLUGIN_API_VERSION,
        "object",
    )
    assert info.rules == tuple(codes)
    assert sample_plugins.options == {"ts-limit": 3}
    assert sample_plugins.rule("ts001") is sample_plugins.rules[0]
    assert sample_plugins.rule("TS999") is None


def test_builtin_rules_load_as_an_ordinary_plugin() -> None:
    loaded = plugins.load_plugins(entry_points=False)
    (info,) = [p for p in loaded.plugins if p.source == "builtin"]
    assert info.api_version == PLUGIN_API_VERSION
    assert info.rules and all(code.startswith("GL") for code in info.rules)


def test_another_api_version_is_refused_naming_the_plugin() -> None:
    with pytest.raises(PluginError, match=r"'test-plugin'.*plugin API 99.*provides API 1"):
        load(SamplePlugin(api_version=99))


def test_a_plugin_without_plugin_info_is_refused() -> None:
    class NoInfo:
        __name__ = "no-info"

        @govlint.hookimpl
        def govlint_rules(self) -> list[type[Rule]]:
            return []

    with pytest.raises(PluginError, match=r"'no-info'.*govlint_plugin_info"):
        load(NoInfo())


def test_a_misspelt_hook_fails_loudly() -> None:
    class Misspelt(SamplePlugin):
        __name__ = "misspelt"

        @govlint.hookimpl
        def govlint_rule(self) -> list[type[Rule]]:  # not govlint_rules
            return []

    with pytest.raises(PluginError, match=r"'misspelt'.*govlint_rule"):
        load(Misspelt())


def test_a_hook_with_an_unknown_argument_is_refused() -> None:
    class BadArgs(SamplePlugin):
        __name__ = "bad-args"

        @govlint.hookimpl
        def govlint_check_report(self, report: Any, context: Any, extra: Any) -> None:
            return None

    with pytest.raises(PluginError, match=r"'bad-args'"):
        load(BadArgs())


def test_a_rule_code_defined_twice_names_both_plugins() -> None:
    class Other(SamplePlugin):
        __name__ = "other"

        @govlint.hookimpl
        def govlint_plugin_info(self) -> dict[str, Any]:
            return {"name": "other-plugin", "version": "2", "api_version": PLUGIN_API_VERSION}

        @govlint.hookimpl
        def govlint_add_options(self) -> dict[str, Any]:
            return {}

    with pytest.raises(PluginError, match=r"TS001 is defined twice.*'test-plugin'.*'other-plugin'"):
        load(SamplePlugin(rules=(MarkX,)), Other(rules=(MarkX,)))


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("GL999", "reserved for built-in rules"),
        ("ZJ001", "does not start with its declared prefixes"),
        ("ts1", "not upper-case"),
    ],
)
def test_rule_codes_are_checked(code: str, message: str) -> None:
    rule = type("Bad", (MarkX,), {"meta": meta(code, "bad")})
    with pytest.raises(PluginError, match=message):
        load(SamplePlugin(rules=(rule,)))


def test_something_that_is_not_a_rule_is_refused() -> None:
    with pytest.raises(PluginError, match="not a Rule subclass"):
        load(SamplePlugin(rules=(object,)))  # type: ignore[arg-type]


def test_a_hook_that_raises_names_the_plugin() -> None:
    class Raising(SamplePlugin):
        @govlint.hookimpl
        def govlint_rules(self) -> list[type[Rule]]:
            raise RuntimeError("boom")

    with pytest.raises(PluginError, match=r"'test-plugin'.*govlint_rules raised RuntimeError: boom"):
        load(Raising())


def test_an_option_may_not_shadow_a_core_setting() -> None:
    class Shadow(SamplePlugin):
        @govlint.hookimpl
        def govlint_add_options(self) -> dict[str, Any]:
            return {"select": []}

    with pytest.raises(PluginError, match="one of govlint's own settings"):
        load(Shadow())


def test_config_modules_load_from_the_config_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "province_rules", raising=False)
    (tmp_path / "province_rules.py").write_text(
        textwrap.dedent(
            """
            import govlint
            from engine_support import MarkW

            @govlint.hookimpl
            def govlint_plugin_info():
                return {"name": "office", "version": "0.3", "api_version": 1, "code_prefixes": ["TS"]}

            @govlint.hookimpl
            def govlint_rules():
                return [MarkW]
            """
        ),
        encoding="utf-8",
    )
    loaded = plugins.load_plugins(["province_rules"], root=str(tmp_path), builtins=False, entry_points=False)
    (info,) = loaded.plugins
    assert (info.name, info.source, info.origin, info.rules) == ("office", "config", "province_rules", ("TS002",))
    assert isinstance(loaded.rules[0], MarkW)


def test_a_config_module_that_cannot_be_imported_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))
    (tmp_path / "broken_rules.py").write_text("import no_such_module_anywhere\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"'broken_rules'.*ModuleNotFoundError.*no_such_module_anywhere"):
        plugins.load_plugins(["broken_rules"], root=str(tmp_path), builtins=False, entry_points=False)
    with pytest.raises(PluginError, match=r"'not_there_at_all' .*is not in the configuration's folder"):
        plugins.load_plugins(["not_there_at_all"], root=str(tmp_path), builtins=False, entry_points=False)


@pytest.mark.parametrize("name", ["this", "antigravity.x", "os"])
def test_a_config_cannot_name_an_installed_module(tmp_path: Path, name: str) -> None:
    before = set(sys.modules)
    with pytest.raises(PluginError, match=rf"{name!r} .*is not in the configuration's folder {tmp_path}"):
        plugins.load_plugins([name], root=str(tmp_path), builtins=False, entry_points=False)
    assert set(sys.modules) - before == set()


def _install(site: Path, dist: str, version: str, module: str, source: str, *, entry: str | None = None) -> None:
    """A distribution on ``site`` as an installer leaves it: the module and its .dist-info."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n\nA plugin.\n")
    (info / "entry_points.txt").write_text(
        f"[console_scripts]\nx = {module}:main\n\n[govlint]\n{dist} = {entry or module}\n", encoding="utf-8"
    )


PLUGIN_SOURCE = """
    import govlint
    from engine_support import MarkX

    @govlint.hookimpl
    def govlint_plugin_info():
        return {"name": "govlint-zj", "api_version": 1, "code_prefixes": ["TS"]}

    @govlint.hookimpl
    def govlint_rules():
        return [MarkX]
    """


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path / "cache"))  # the user's cache keeps no test's path
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    return site


def test_entry_point_plugins_are_found_with_their_distribution_version(site: Path) -> None:
    _install(site, "govlint-zj", "1.4.2", "govlint_zj", PLUGIN_SOURCE)
    found = [ep for ep in entrypoints.scan_entry_points() if ep.distribution == "govlint-zj"]
    assert found == [entrypoints.EntryPoint("govlint-zj", "govlint_zj", "govlint-zj", "1.4.2")]
    loaded = plugins.load_plugins(builtins=False)
    info = next(p for p in loaded.plugins if p.distribution == "govlint-zj")
    assert (info.name, info.version, info.source, info.rules) == ("govlint-zj", "1.4.2", "entry-point", ("TS001",))


def test_of_two_installed_copies_the_first_on_the_path_wins(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(site, "govlint-zj", "1.4.2", "govlint_zj", PLUGIN_SOURCE)
    _install(site, "govlint-gd", "0.3", "govlint_gd", PLUGIN_SOURCE)
    later = tmp_path / "later-site"
    later.mkdir()
    _install(later, "govlint-zj", "1.0", "govlint_zj", PLUGIN_SOURCE)
    monkeypatch.setattr(sys, "path", [*sys.path, str(later)])
    found = {tuple(ep) for ep in entrypoints.scan_entry_points() if ep.distribution.startswith("govlint-")}
    assert found >= {
        ("govlint-zj", "govlint_zj", "govlint-zj", "1.4.2"),
        ("govlint-gd", "govlint_gd", "govlint-gd", "0.3"),
    }
    assert ("govlint-zj", "govlint_zj", "govlint-zj", "1.0") not in found


def test_entry_points_are_cached_per_environment_until_a_distribution_is_installed(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(site, "govlint-zj", "1.4.2", "govlint_zj", PLUGIN_SOURCE)
    first = entrypoints.scan_entry_points()
    assert ("govlint-zj", "govlint_zj", "govlint-zj", "1.4.2") in {tuple(ep) for ep in first}
    plugins.clear_cache()

    def fail(group: str) -> list[entrypoints.EntryPoint]:
        raise AssertionError("importlib.metadata consulted although the cache is fresh")

    with monkeypatch.context() as patched:
        patched.setattr(entrypoints, "_lookup", fail)
        assert entrypoints.scan_entry_points() == first  # a new process: read from the cache
    plugins.clear_cache()
    _install(site, "govlint-gd", "0.3", "govlint_gd", PLUGIN_SOURCE)  # a new metadata folder
    again = {tuple(ep) for ep in entrypoints.scan_entry_points()}
    assert ("govlint-gd", "govlint_gd", "govlint-gd", "0.3") in again
    plugins.clear_cache()
    (tmp_path / "cache").chmod(0o777)  # a cache others could write is never read
    with monkeypatch.context() as patched:
        patched.setattr(entrypoints, "_lookup", lambda group: [])
        assert entrypoints.scan_entry_points() == []
    (tmp_path / "cache").chmod(0o700)


def test_a_broken_entry_point_names_its_distribution(site: Path) -> None:
    _install(site, "govlint-broken", "0.1", "govlint_broken", "raise ImportError('needs lxml')\n")
    with pytest.raises(PluginError, match=r"govlint-broken 0\.1.*ImportError: needs lxml"):
        plugins.load_plugins(builtins=False)


def test_an_entry_point_naming_a_missing_attribute(site: Path) -> None:
    _install(site, "govlint-attr", "0.1", "govlint_attr", "x = 1\n", entry="govlint_attr:plugin")
    with pytest.raises(PluginError, match=r"govlint-attr.*has no attribute 'plugin'"):
        plugins.load_plugins(builtins=False)


@pytest.mark.parametrize(
    ("installed", "required", "ok"),
    [
        ("1.4.2", ["govlint-zj"], True),
        ("1.4.2", ["govlint_zj>=1.4"], True),
        ("1.4.2", ["Govlint.ZJ>=1.4,<2"], True),
        ("1.4.2", ["govlint-zj==1.4.2"], True),
        ("1.4.2", ["govlint-zj~=1.3"], True),
        ("1.4.2", ["govlint-zj==1.4.*"], True),
        ("1.4.2", ["govlint-zj==1.3.*"], False),
        ("1.4.2", ["govlint-zj>=1.5"], False),
        ("1.4.2", ["govlint-zj<1.4"], False),
        ("1.4.2", ["govlint-zj!=1.4.2"], False),
        ("1.4.2", ["govlint-gd"], False),
        ("0.2.0rc1", ["govlint-zj>=0.1"], True),  # an installed pre-release meets a plain pin
        ("0.2.0rc1", ["govlint-zj>=0.2"], False),  # 0.2.0rc1 comes before 0.2
        ("0.2.0rc1", ["govlint-zj>=0.2.0rc1"], True),
        ("1.0.post1", ["govlint-zj>1.0"], False),  # PEP 440: > 1.0 excludes 1.0's post-releases
        ("1.10", ["govlint-zj>1.9"], True),
    ],
)
def test_required_plugins_follow_pep_440(site: Path, installed: str, required: list[str], ok: bool) -> None:
    _install(site, "govlint-zj", installed, "govlint_zj", PLUGIN_SOURCE)
    if ok:
        plugins.load_plugins(builtins=False, required=required)
    else:
        with pytest.raises(PluginError, match=r"required plugin"):
            plugins.load_plugins(builtins=False, required=required)


@pytest.mark.parametrize("bad", ["test-plugin>>1", "test plugin", "test-plugin>=1.x"])
def test_required_plugins_with_a_malformed_requirement(sample_plugins: plugins.Plugins, bad: str) -> None:
    with pytest.raises(PluginError, match=rf"required-plugins: invalid requirement {bad!r}") as raised:
        check_required(sample_plugins.plugins, [bad])
    assert "\n" not in str(raised.value)  # one line (packaging's own message has the text and a caret below)
    assert raised.value.message("zh").startswith(f"required-plugins：{bad!r} 不是有效的插件要求")


def test_a_required_plugin_not_installed_is_said_in_chinese_by_default(sample_plugins: plugins.Plugins) -> None:
    with pytest.raises(PluginError) as raised:
        check_required(sample_plugins.plugins, ["govlint-gd>=1"])
    assert raised.value.message("zh").startswith("要求的插件 'govlint-gd>=1' 未安装（已加载的插件：")
    assert raised.value.message("en").startswith("required plugin 'govlint-gd>=1' is not installed")


def test_loading_is_cached() -> None:
    first = plugins.load_plugins(entry_points=False)
    assert plugins.load_plugins(entry_points=False) is first


class ScopedPlugin:
    """A provincial plugin whose MarkX-like rule is for Fujian reports only."""

    @govlint.hookimpl
    def govlint_plugin_info(self) -> dict[str, object]:
        return {"name": "scoped", "api_version": PLUGIN_API_VERSION, "code_prefixes": ["FJ"], "scope": ["35", "平潭"]}

    @govlint.hookimpl
    def govlint_rules(self) -> list[type[Rule]]:
        class MarkFJ(MarkX):
            meta = meta("FJ001", "mark-fj")

        return [MarkFJ]


@pytest.mark.parametrize(
    ("agency", "title", "text", "config", "fires"),
    [
        ("福建省财政厅", None, "X", Config(), True),
        (None, "平潭综合实验区市场监督管理局2023年政府信息公开工作年度报告", "X", Config(), True),
        (None, None, "平潭综合实验区2023年报告\nX", Config(), True),
        ("上海市黄浦区人民政府", None, "X", Config(), False),
        ("江苏省南京市人民政府", None, "X", Config(select=["ALL"]), False),
        ("江苏省南京市人民政府", None, "X", Config(extend_select=["FJ"]), True),
        ("江苏省南京市人民政府", None, "X", Config().with_overrides(select=["FJ001"]), True),
        ("江苏省南京市人民政府", None, "X", Config(select=["FJ"], ignore=["FJ001"]), False),
    ],
)
def test_a_scoped_plugin_runs_on_its_region_or_when_selected_explicitly(
    agency: str | None, title: str | None, text: str, config: Config, fires: bool
) -> None:
    loaded = plugins.load_plugins(builtins=False, entry_points=False, objects=[ScopedPlugin()])
    assert loaded.plugins[0].scope == ("福建", "平潭")
    found = lint_report(report(text, agency=agency, title=title), config, plugins=loaded)
    assert [d.code for d in found.diagnostics] == (["FJ001"] if fires else [])


@pytest.mark.parametrize(
    ("scope", "message"),
    [("福建", "scope must be a list"), (["99"], "scope '99' is not a province-level region code"), ([""], "scope")],
)
def test_a_bad_scope_is_a_plugin_error(scope: object, message: str) -> None:
    class Bad:
        @govlint.hookimpl
        def govlint_plugin_info(self) -> dict[str, object]:
            return {"name": "bad", "api_version": PLUGIN_API_VERSION, "scope": scope}

    with pytest.raises(PluginError, match=message):
        plugins.load_plugins(builtins=False, entry_points=False, objects=[Bad()])


def test_many_sys_paths_leave_a_bounded_cache(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m govlint`` from another folder is another ``sys.path``: the cache keeps the newest few."""
    _install(site, "govlint-zj", "1.4.2", "govlint_zj", PLUGIN_SOURCE)
    base = list(sys.path)
    for number in range(entrypoints.KEEP_ENTRY_POINTS + 20):
        monkeypatch.setattr(sys, "path", [str(tmp_path / f"project-{number}"), *base])
        plugins.clear_cache()
        found = {tuple(ep) for ep in entrypoints.scan_entry_points()}
        assert ("govlint-zj", "govlint_zj", "govlint-zj", "1.4.2") in found
    assert len(list((tmp_path / "cache").glob("entry-points-*"))) == entrypoints.KEEP_ENTRY_POINTS
    plugins.clear_cache()  # the newest is kept and read back without a lookup

    def fail(group: str) -> list[entrypoints.EntryPoint]:
        raise AssertionError("importlib.metadata consulted although the cache is fresh")

    monkeypatch.setattr(entrypoints, "_lookup", fail)
    assert ("govlint-zj", "govlint_zj", "govlint-zj", "1.4.2") in {tuple(ep) for ep in entrypoints.scan_entry_points()}


def test_a_cached_list_naming_a_class_is_refused(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is a pickle of plain data: one that names a class or function (what lets a pickle run code)
    is not loaded, and the entry points are looked up again."""
    entrypoints.scan_entry_points()
    plugins.clear_cache()
    (cached,) = (tmp_path / "cache").glob("entry-points-*")
    data = pickle.loads(cached.read_bytes())
    data["entries"].append(["govlint-evil", "evil", "govlint-evil", Path("1.0")])
    cached.write_bytes(pickle.dumps(data))
    monkeypatch.setattr(entrypoints, "_lookup", lambda group: [])
    assert entrypoints.scan_entry_points() == []


def test_reading_the_cached_list_marks_it_used(site: Path, tmp_path: Path) -> None:
    entrypoints.scan_entry_points()
    plugins.clear_cache()
    (cached,) = (tmp_path / "cache").glob("entry-points-*")
    os.utime(cached, ns=(0, 0))
    entrypoints.scan_entry_points()
    assert cached.stat().st_mtime_ns > 0
