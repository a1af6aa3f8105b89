"""What the plugin manager (:mod:`govlint.plugins`) checks of each plugin before its rules run.

A plugin states the plugin API version it was written for, its code prefixes and its scope
(``govlint_plugin_info``); its rules must be Rule classes with codes of its own; its options must not
shadow govlint's settings; and the configuration's ``required-plugins`` must be met, as PEP 440 says
(:mod:`packaging`).  Each failure is a :class:`~govlint.errors.PluginError` naming the plugin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, NamedTuple

import pluggy

from govlint import hookspecs
from govlint.config import CORE_KEYS
from govlint.errors import PluginError
from govlint.rule import Rule, RuleMeta
from govlint.schema import TABLE_KEYS, TableSpec, spec_problems

PluginSource = Literal["builtin", "entry-point", "config", "object"]
#: The code prefix reserved for built-in rules.
BUILTIN_PREFIX = "GL"
#: A rule code: an upper-case prefix and digits (GL203, ZJ001).
CODE_PATTERN = re.compile(r"[A-Z]{1,8}[0-9]{1,4}")

#: Province-level region codes (GB/T 2260, first two digits) and the short names reports print them by: a
#: plugin's ``scope`` may give a region code instead of its province's name.
PROVINCES = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古", "21": "辽宁", "22": "吉林",
    "23": "黑龙江", "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西",
    "37": "山东", "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏", "61": "陕西", "62": "甘肃",
    "63": "青海", "64": "宁夏", "65": "新疆", "71": "台湾", "81": "香港", "82": "澳门",
}  # fmt: skip


class PluginInfo(NamedTuple):
    """A loaded plugin as ``govlint plugins`` shows it."""

    name: str
    version: str
    api_version: int
    source: PluginSource
    #: Where it was loaded from: a module path, or ``distribution:entry-point``.
    origin: str
    #: The installed distribution that provides it (entry-point plugins), for ``required-plugins``.
    distribution: str | None = None
    code_prefixes: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    #: The place names of the reports its rules are for (``govlint_plugin_info``'s ``scope``); () = anywhere.
    scope: tuple[str, ...] = ()


def in_order(impls: Iterable[Any], infos: Mapping[str, Any]) -> list[Any]:
    """Hook implementations in discovery order (pluggy calls them last-registered first)."""
    order = {name: index for index, name in enumerate(infos)}
    return sorted(impls, key=lambda impl: order.get(impl.plugin_name, len(order)))


def call(impl: Any, what: str) -> Any:
    try:
        return impl.function()
    except Exception as exc:
        raise PluginError(f"plugin {impl.plugin_name!r}: {what} raised {type(exc).__name__}: {exc}") from None


def plugin_info(
    pm: pluggy.PluginManager,
    name: str,
    source: PluginSource,
    origin: str,
    distribution: tuple[str, str] | None = None,
) -> PluginInfo:
    """What plugin ``name`` says of itself (``govlint_plugin_info``), checked: the plugin API version it was
    written for, its code prefixes and its scope.  ``distribution`` is the (name, version) that installed it."""
    impl = next((i for i in pm.hook.govlint_plugin_info.get_hookimpls() if i.plugin_name == name), None)
    if impl is None:
        raise PluginError(
            f"plugin {name!r} ({origin}) does not implement govlint_plugin_info: it must state the plugin API "
            f"version it was written for (api_version = {hookspecs.PLUGIN_API_VERSION})"
        )
    data = call(impl, "govlint_plugin_info")
    if not isinstance(data, Mapping):
        raise PluginError(f"plugin {name!r}: govlint_plugin_info must return a dict, not {type(data).__name__}")
    api = data.get("api_version")
    if api != hookspecs.PLUGIN_API_VERSION:
        raise PluginError(
            f"plugin {data.get('name', name)!r} ({origin}) was written for govlint plugin API {api!r}; "
            f"this govlint provides API {hookspecs.PLUGIN_API_VERSION}: upgrade the plugin or govlint"
        )
    prefixes = data.get("code_prefixes", ())
    if isinstance(prefixes, str) or not all(isinstance(p, str) and p for p in prefixes):
        raise PluginError(f"plugin {name!r}: code_prefixes must be a list of non-empty strings")
    scope = data.get("scope", ())
    if isinstance(scope, str) or not all(isinstance(place, str) and place.strip() for place in scope):
        raise PluginError(f"plugin {name!r}: scope must be a list of place names or region codes (福建, 350000)")
    version = data.get("version") or (distribution[1] if distribution else None) or "unknown"
    return PluginInfo(
        name=str(data.get("name") or name),
        version=str(version),
        api_version=api,
        source=source,
        origin=origin,
        distribution=distribution[0] if distribution else None,
        code_prefixes=tuple(prefixes),
        scope=tuple(_place(name, place) for place in scope),
    )


def _place(plugin: str, place: str) -> str:
    """A scope entry as the name reports print: a region code stands for its province's name."""
    place = place.strip()
    if not place.isdigit():
        return place
    province = PROVINCES.get(place[:2]) if len(place) in (2, 6) else None
    if province is None:
        raise PluginError(f"plugin {plugin!r}: scope {place!r} is not a province-level region code (35, 350000)")
    return province


def collect_rules(
    pm: pluggy.PluginManager, infos: Mapping[str, PluginInfo], builtin: str
) -> tuple[tuple[Rule, ...], dict[str, str]]:
    """Every plugin's rules, checked and ordered by code, and which plugin (by registered name) gives each.

    A rule that is not a Rule with a RuleMeta, a malformed code, a code outside the plugin's prefixes, the
    prefix GL outside ``builtin`` (the built-in rules' registered name), or a code defined twice is an error.
    """
    owner: dict[str, str] = {}
    rules: dict[str, Rule] = {}
    for impl in in_order(pm.hook.govlint_rules.get_hookimpls(), infos):
        info = infos[impl.plugin_name]
        contributed = call(impl, "govlint_rules")
        if contributed is None or isinstance(contributed, (str, bytes)) or not isinstance(contributed, Iterable):
            raise PluginError(f"plugin {info.name!r}: govlint_rules must return a list of Rule classes")
        for cls in contributed:
            meta = getattr(cls, "meta", None)
            if not (isinstance(cls, type) and issubclass(cls, Rule) and isinstance(meta, RuleMeta)):
                raise PluginError(f"plugin {info.name!r}: {cls!r} is not a Rule subclass with a RuleMeta `meta`")
            _check_code(meta.code, info, builtin=impl.plugin_name == builtin)
            if meta.code in owner:
                other = infos[owner[meta.code]].name
                raise PluginError(
                    f"rule code {meta.code} is defined twice: by plugin {other!r} ({rules[meta.code].meta.name}) "
                    f"and by plugin {info.name!r} ({meta.name})"
                )
            try:
                rules[meta.code] = cls()
            except Exception as exc:
                raise PluginError(f"plugin {info.name!r}: rule {meta.code} cannot be created: {exc!r}") from None
            owner[meta.code] = impl.plugin_name
    ordered = tuple(rules[code] for code in sorted(rules, key=_code_key))
    return ordered, {code: owner[code] for code in sorted(owner, key=_code_key)}


def _code_key(code: str) -> tuple[str, int]:
    digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return code[: len(code) - len(digits)], int(digits or 0)


def _check_code(code: str, info: PluginInfo, *, builtin: bool) -> None:
    if not CODE_PATTERN.fullmatch(code):
        raise PluginError(f"plugin {info.name!r}: rule code {code!r} is not upper-case letters and digits (ZJ001)")
    if not builtin and code.startswith(BUILTIN_PREFIX):
        raise PluginError(f"plugin {info.name!r}: rule code {code} uses the prefix GL, reserved for built-in rules")
    if info.code_prefixes and not code.startswith(info.code_prefixes):
        raise PluginError(
            f"plugin {info.name!r}: rule code {code} does not start with its declared prefixes "
            f"{', '.join(info.code_prefixes)}"
        )


def collect_options(pm: pluggy.PluginManager, infos: Mapping[str, PluginInfo]) -> dict[str, Any]:
    """The options plugins declare (``govlint_add_options``) with their defaults; a name that is one of
    govlint's own settings, or declared twice, is an error."""
    options: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for impl in in_order(pm.hook.govlint_add_options.get_hookimpls(), infos):
        name = infos[impl.plugin_name].name
        declared = call(impl, "govlint_add_options")
        if not isinstance(declared, Mapping):
            raise PluginError(f"plugin {name!r}: govlint_add_options must return a dict of option defaults")
        for option, default in declared.items():
            if option in CORE_KEYS:
                raise PluginError(f"plugin {name!r}: option {option!r} is one of govlint's own settings")
            if option in owner:
                raise PluginError(f"option {option!r} is declared by plugin {owner[option]!r} and by {name!r}")
            owner[option] = name
            options[option] = default
    return options


def collect_tables(pm: pluggy.PluginManager, infos: Mapping[str, PluginInfo]) -> tuple[TableSpec, ...]:
    """The tables plugins describe, each checked: a TableSpec, sound, with an id no other table has."""
    tables: dict[str, TableSpec] = {}
    owner: dict[str, str] = dict.fromkeys(TABLE_KEYS, "govlint")
    for impl in in_order(pm.hook.govlint_tables.get_hookimpls(), infos):
        name = infos[impl.plugin_name].name
        described = call(impl, "govlint_tables")
        if isinstance(described, TableSpec) or not isinstance(described, Sequence):
            raise PluginError(f"plugin {name!r}: govlint_tables must return a list of govlint.schema.TableSpec")
        for spec in described:
            if not isinstance(spec, TableSpec):
                raise PluginError(f"plugin {name!r}: govlint_tables returned {spec!r}, not a TableSpec")
            if spec.id in owner:
                raise PluginError(f"table {spec.id!r} of plugin {name!r} is already described by {owner[spec.id]!r}")
            problems = spec_problems(spec)
            if problems:
                raise PluginError(f"plugin {name!r}: table {spec.id!r}: {'; '.join(problems)}")
            owner[spec.id] = name
            tables[spec.id] = spec
    return tuple(tables.values())


def check_required(plugins: Sequence[PluginInfo], required: Sequence[str]) -> None:
    """Raise :class:`PluginError` unless every requirement in ``required`` (PEP 508 name and PEP 440
    specifiers: ``govlint-fujian>=0.1,<2``, ``govlint-zj==0.1.*``) names a loaded plugin whose version
    matches.  An installed pre-release matches, as ``pip check`` has it."""
    if not required:
        return
    # packaging costs a few milliseconds to import: only a configuration that pins plugins pays it.
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import InvalidVersion, Version

    by_name: dict[str, PluginInfo] = {}
    for info in plugins:
        by_name.setdefault(canonicalize_name(info.name), info)
        if info.distribution:
            by_name.setdefault(canonicalize_name(info.distribution), info)
    loaded = ", ".join(f"{p.name} {p.version}" for p in plugins) or "none"
    loaded_zh = "、".join(f"{p.name} {p.version}" for p in plugins) or "无"
    for text in required:
        try:
            requirement = Requirement(text)
        except InvalidRequirement as exc:
            why = str(exc).splitlines()[0]  # packaging adds the text and a caret on lines of their own
            raise PluginError(
                f"required-plugins: invalid requirement {text!r}: {why}",
                f"required-plugins：{text!r} 不是有效的插件要求（如 govlint-fujian>=0.1）：{why}",
            ) from None
        found = by_name.get(canonicalize_name(requirement.name))
        if found is None:
            raise PluginError(
                f"required plugin {text!r} is not installed (loaded plugins: {loaded})",
                f"要求的插件 {text!r} 未安装（已加载的插件：{loaded_zh}）",
            )
        if not requirement.specifier:
            continue
        try:
            version = Version(found.version)
        except InvalidVersion:
            raise PluginError(
                f"required plugin {text!r}: {found.name} has version {found.version!r}, which is not a PEP 440 "
                "version that could be compared"
            ) from None
        if not requirement.specifier.contains(version, prereleases=True):
            raise PluginError(
                f"required plugin {text!r}: version {found.version} of {found.name} is installed",
                f"要求的插件 {text!r}：已安装的 {found.name} 版本为 {found.version}，不符合要求",
            )
