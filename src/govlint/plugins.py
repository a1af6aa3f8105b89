"""Plugin discovery and the loaded rule set.

Discovery order: the built-in rules (:mod:`govlint.rules`), then the ``govlint`` entry-point group, then the
modules named in the configuration (``plugins = ["my_office.rules"]``, imported with the configuration
file's directory on ``sys.path``).  Every plugin states the plugin API version it was written for
(``govlint_plugin_info``); a misspelt hook, a rule code defined twice, an import error or an unmet
``required-plugins`` pin is a :class:`~govlint.errors.PluginError` naming the plugin.

Entry points are found by reading the ``entry_points.txt`` files of the distributions on ``sys.path``
directly: the same files :mod:`importlib.metadata` reads, without the cost of importing it and building
its distribution objects (measured at 20-40 ms, against 1-2 ms for this scan), which matters for a
pre-commit hook that starts govlint for every commit.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import pluggy

from govlint import hookspecs
from govlint.errors import PluginError
from govlint.rule import Rule, RuleMeta

if TYPE_CHECKING:
    from govlint.config import Config
    from govlint.model import Report

BUILTIN_MODULE = "govlint.rules"
ENTRY_POINT_GROUP = "govlint"
#: The code prefix reserved for built-in rules.
BUILTIN_PREFIX = "GL"
#: A rule code: an upper-case prefix and digits (GL203, ZJ001).
CODE_PATTERN = re.compile(r"[A-Z]{1,8}[0-9]{1,4}")

PluginSource = Literal["builtin", "entry-point", "config", "object"]

#: Province-level region codes (GB/T 2260, first two digits) and the short names reports print them by: a
#: plugin's ``scope`` may give a region code instead of its province's name.
PROVINCES = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古", "21": "辽宁", "22": "吉林",
    "23": "黑龙江", "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西",
    "37": "山东", "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏", "61": "陕西", "62": "甘肃",
    "63": "青海", "64": "宁夏", "65": "新疆", "71": "台湾", "81": "香港", "82": "澳门",
}  # fmt: skip
#: How much of a report's text is searched for a scope's names when the parser found no body or title.
SCOPE_TEXT_CHARS = 300


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


class EntryPoint(NamedTuple):
    """One entry of the ``govlint`` group, as found on ``sys.path``."""

    name: str
    value: str
    distribution: str
    version: str


class Plugins(NamedTuple):
    """The loaded plugins and their rules, ordered by code."""

    plugins: tuple[PluginInfo, ...]
    rules: tuple[Rule, ...]
    #: Rule code -> name (``govlint_plugin_info``) of the plugin that contributes it.
    rule_plugin: Mapping[str, str]
    #: Option name -> default, from ``govlint_add_options``.
    options: Mapping[str, Any]
    #: (plugin name, implementation) of ``govlint_check_report``, in discovery order.
    report_checks: tuple[tuple[str, Callable[..., Any]], ...]
    #: Rule code -> the place names of its plugin's scope, for the rules of scoped plugins only.
    scopes: Mapping[str, tuple[str, ...]]
    manager: pluggy.PluginManager

    def in_scope(self, code: str, report: Report, config: Config) -> bool:
        """Whether rule ``code`` runs on ``report``: its plugin has no scope, the report is from the scope
        (its body or title names one of the scope's places), or ``config`` selects the code explicitly."""
        names = self.scopes.get(code)
        if not names or config.explicitly_selects(code):
            return True
        where = f"{report.agency or ''} {report.title or ''}".strip() or report.text[:SCOPE_TEXT_CHARS]
        return any(name in where for name in names)

    def rule(self, code: str) -> Rule | None:
        """The rule with this code (case-insensitive), or None."""
        code = code.upper()
        return next((r for r in self.rules if r.meta.code == code), None)

    def metas(self) -> tuple[RuleMeta, ...]:
        return tuple(r.meta for r in self.rules)


_CACHE: dict[tuple[Any, ...], Plugins] = {}
_ENTRY_POINTS: dict[str, list[EntryPoint]] = {}


def load_plugins(
    modules: Sequence[str] = (),
    *,
    required: Sequence[str] = (),
    root: str | None = None,
    builtins: bool = True,
    entry_points: bool = True,
    objects: Sequence[object] = (),
) -> Plugins:
    """Load and validate the plugins; the result is cached for the same arguments.

    ``modules`` are imported with ``root`` (the configuration file's directory) on ``sys.path``;
    ``objects`` are plugin objects registered as they are (for tests and embedding applications).
    """
    key = (tuple(modules), tuple(required), root, builtins, entry_points, tuple(map(id, objects)))
    cached = _CACHE.get(key)
    if cached is None:
        cached = _CACHE[key] = _load(
            modules, required, root, builtins=builtins, entry_points=entry_points, objects=objects
        )
    return cached


def clear_cache() -> None:
    """Forget loaded plugin sets and the entry-point scan (for tests and long-running hosts)."""
    _CACHE.clear()
    _ENTRY_POINTS.clear()


def _load(
    modules: Sequence[str],
    required: Sequence[str],
    root: str | None,
    *,
    builtins: bool,
    entry_points: bool,
    objects: Sequence[object],
) -> Plugins:
    pm = pluggy.PluginManager("govlint")
    pm.add_hookspecs(hookspecs)
    sources: dict[str, tuple[PluginSource, str, EntryPoint | None]] = {}

    def register(obj: object, name: str, source: PluginSource, origin: str, ep: EntryPoint | None = None) -> None:
        if pm.has_plugin(name) or pm.is_registered(obj):
            return
        try:
            pm.register(obj, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r} ({origin}): {_first_line(exc)}") from None
        sources[name] = (source, origin, ep)

    if builtins:
        register(_import(BUILTIN_MODULE, BUILTIN_MODULE), BUILTIN_MODULE, "builtin", BUILTIN_MODULE)
    if entry_points:
        for ep in scan_entry_points():
            label = f"{ep.distribution} {ep.version}, entry point {ep.name!r}"
            register(_load_entry_point(ep, label), ep.name, "entry-point", f"{ep.distribution}:{ep.name}", ep)
    for module in modules:
        register(_import_local(module, root), module, "config", module)
    for index, obj in enumerate(objects):
        name = getattr(obj, "__name__", None) or f"{type(obj).__name__}-{index}"
        register(obj, name, "object", name)

    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or repr(exc.plugin)
        raise PluginError(f"plugin {name!r}: {_first_line(exc)} (no such hook in govlint's plugin API)") from None

    infos = {name: _plugin_info(pm, name, *sources[name]) for name in sources}
    rules, rule_plugin = _collect_rules(pm, infos)
    options = _collect_options(pm, infos)
    infos = {
        name: info._replace(rules=tuple(c for c, p in rule_plugin.items() if p == name)) for name, info in infos.items()
    }
    checks = tuple(
        (infos[impl.plugin_name].name, impl.function)
        for impl in _in_order(pm.hook.govlint_check_report.get_hookimpls(), infos)
    )
    shown = {code: infos[name].name for code, name in rule_plugin.items()}
    scopes = {code: infos[name].scope for code, name in rule_plugin.items() if infos[name].scope}
    plugins = Plugins(tuple(infos.values()), rules, shown, options, checks, scopes, pm)
    check_required(plugins.plugins, required)
    return plugins


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _import(module: str, what: str) -> object:
    try:
        return importlib.import_module(module)
    except Exception as exc:
        raise PluginError(f"plugin {what} failed to load: {type(exc).__name__}: {_first_line(exc)}") from None


def _import_local(module: str, root: str | None) -> object:
    """Import a module named in ``plugins = [...]``: only one that lies in the configuration's folder.

    A name that the folder does not hold is refused before anything is imported, so a configuration cannot
    make govlint import an arbitrary installed module (``plugins = ["this"]``).
    """
    what = f"module {module!r} named in the configuration"
    top = module.partition(".")[0]
    if not root or importlib.machinery.PathFinder.find_spec(top, [root]) is None:
        raise PluginError(
            f"plugin {what} is not in the configuration's folder {root or '(none)'}: plugins = [...] names local "
            "modules; installed plugins are found through their entry points"
        )
    if root not in sys.path:
        sys.path.append(root)
    loaded = _import(module, what)
    where = getattr(loaded, "__file__", None) or ""
    if os.path.commonpath([os.path.abspath(where), os.path.abspath(root)]) != os.path.abspath(root):
        raise PluginError(f"plugin {what} was imported from {where}, not from the configuration's folder {root}")
    return loaded


def _load_entry_point(ep: EntryPoint, label: str) -> object:
    module, _, attr = ep.value.partition(":")
    obj = _import(module.strip(), f"{label} ({ep.value})")
    for part in filter(None, attr.strip().split(".")):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise PluginError(f"plugin {label} failed to load: {ep.value!r} has no attribute {part!r}") from None
    return obj


def _in_order(impls: Iterable[Any], infos: Mapping[str, Any]) -> list[Any]:
    """Hook implementations in discovery order (pluggy calls them last-registered first)."""
    order = {name: index for index, name in enumerate(infos)}
    return sorted(impls, key=lambda impl: order.get(impl.plugin_name, len(order)))


def _call(impl: Any, what: str) -> Any:
    try:
        return impl.function()
    except Exception as exc:
        raise PluginError(f"plugin {impl.plugin_name!r}: {what} raised {type(exc).__name__}: {exc}") from None


def _plugin_info(
    pm: pluggy.PluginManager, name: str, source: PluginSource, origin: str, ep: EntryPoint | None
) -> PluginInfo:
    impl = next((i for i in pm.hook.govlint_plugin_info.get_hookimpls() if i.plugin_name == name), None)
    if impl is None:
        raise PluginError(
            f"plugin {name!r} ({origin}) does not implement govlint_plugin_info: it must state the plugin API "
            f"version it was written for (api_version = {hookspecs.PLUGIN_API_VERSION})"
        )
    data = _call(impl, "govlint_plugin_info")
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
    version = data.get("version") or (ep.version if ep else None) or "unknown"
    return PluginInfo(
        name=str(data.get("name") or name),
        version=str(version),
        api_version=api,
        source=source,
        origin=origin,
        distribution=ep.distribution if ep else None,
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


def _collect_rules(
    pm: pluggy.PluginManager, infos: Mapping[str, PluginInfo]
) -> tuple[tuple[Rule, ...], dict[str, str]]:
    owner: dict[str, str] = {}
    rules: dict[str, Rule] = {}
    for impl in _in_order(pm.hook.govlint_rules.get_hookimpls(), infos):
        info = infos[impl.plugin_name]
        contributed = _call(impl, "govlint_rules")
        if contributed is None or isinstance(contributed, (str, bytes)) or not isinstance(contributed, Iterable):
            raise PluginError(f"plugin {info.name!r}: govlint_rules must return a list of Rule classes")
        for cls in contributed:
            meta = getattr(cls, "meta", None)
            if not (isinstance(cls, type) and issubclass(cls, Rule) and isinstance(meta, RuleMeta)):
                raise PluginError(f"plugin {info.name!r}: {cls!r} is not a Rule subclass with a RuleMeta `meta`")
            _check_code(meta.code, info, impl.plugin_name)
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


def _check_code(code: str, info: PluginInfo, registered: str) -> None:
    if not CODE_PATTERN.fullmatch(code):
        raise PluginError(f"plugin {info.name!r}: rule code {code!r} is not upper-case letters and digits (ZJ001)")
    builtin = registered == BUILTIN_MODULE
    if not builtin and code.startswith(BUILTIN_PREFIX):
        raise PluginError(f"plugin {info.name!r}: rule code {code} uses the prefix GL, reserved for built-in rules")
    if info.code_prefixes and not code.startswith(info.code_prefixes):
        raise PluginError(
            f"plugin {info.name!r}: rule code {code} does not start with its declared prefixes "
            f"{', '.join(info.code_prefixes)}"
        )


def _collect_options(pm: pluggy.PluginManager, infos: Mapping[str, PluginInfo]) -> dict[str, Any]:
    from govlint.config import CORE_KEYS

    options: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for impl in _in_order(pm.hook.govlint_add_options.get_hookimpls(), infos):
        name = infos[impl.plugin_name].name
        declared = _call(impl, "govlint_add_options")
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


# ---------------------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------------------


def scan_entry_points(group: str = ENTRY_POINT_GROUP) -> list[EntryPoint]:
    """The entry points of ``group`` in the distributions on ``sys.path`` (first distribution of a name wins).

    The scan is done once per process and group (:func:`clear_cache` forgets it).
    """
    if group in _ENTRY_POINTS:
        return _ENTRY_POINTS[group]
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        directory = entry or "."
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            meta_dir = os.path.join(directory, name)
            try:
                with open(os.path.join(meta_dir, "entry_points.txt"), encoding="utf-8") as fh:
                    entries = _section(fh.read(), group)
            except (OSError, UnicodeDecodeError):
                continue
            if not entries:
                continue
            dist, version = _distribution(meta_dir, name)
            if _normalize(dist) in seen:
                continue
            seen.add(_normalize(dist))
            found.extend(EntryPoint(ep_name, value, dist, version) for ep_name, value in entries)
    _ENTRY_POINTS[group] = found
    return found


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of section ``[group]`` of an ``entry_points.txt``."""
    entries: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            entries.append((name.strip(), value.strip()))
    return entries


def _distribution(meta_dir: str, dirname: str) -> tuple[str, str]:
    """The distribution's name and version, from its METADATA (or PKG-INFO) header."""
    fields: dict[str, str] = {}
    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(meta_dir, filename), encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if not line.strip():
                        break
                    key, sep, value = line.partition(":")
                    if sep and key in ("Name", "Version"):
                        fields.setdefault(key, value.strip())
            break
        except OSError:
            continue
    stem = dirname.rsplit(".", 1)[0]
    guessed_name, _, guessed_version = stem.partition("-")
    return fields.get("Name", guessed_name), fields.get("Version", guessed_version.split("-")[0] or "unknown")


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# ---------------------------------------------------------------------------------------------------------
# required-plugins
# ---------------------------------------------------------------------------------------------------------

#: Patterns for ``required-plugins`` only: compiled (and cached by :mod:`re`) when a configuration pins one.
_REQUIREMENT = r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)"
_SPECIFIER = r"\s*(==|!=|>=|<=|~=|>|<)\s*([0-9][0-9A-Za-z.+!-]*)\s*"


def parse_requirement(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``"govlint-zj>=1.2,<2"`` -> ``("govlint-zj", [(">=", "1.2"), ("<", "2")])``; ValueError if malformed."""
    match = re.fullmatch(_REQUIREMENT, text)
    if not match:
        raise ValueError(f"invalid plugin requirement {text!r}: use name or name>=version")
    name, rest = match.groups()
    specs: list[tuple[str, str]] = []
    if rest.strip():
        for part in rest.split(","):
            spec = re.fullmatch(_SPECIFIER, part)
            if not spec:
                raise ValueError(f"invalid version specifier {part.strip()!r} in {text!r}")
            specs.append((spec.group(1), spec.group(2)))
    return name, specs


def _release(version: str) -> tuple[int, ...]:
    """The numeric release segments of a version (pre- and post-release tags are ignored)."""
    numbers = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    return tuple(int(n) for n in numbers.group(1).split(".")) if numbers else ()


def version_matches(version: str, op: str, wanted: str) -> bool:
    have, want = _release(version), _release(wanted)
    width = max(len(have), len(want))
    have_p, want_p = have + (0,) * (width - len(have)), want + (0,) * (width - len(want))
    if op == "~=":
        return have_p >= want_p and have[: len(want) - 1] == want[: len(want) - 1]
    comparisons: dict[str, Callable[[tuple[int, ...], tuple[int, ...]], bool]] = {
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
        ">=": lambda a, b: a >= b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        "<": lambda a, b: a < b,
    }
    return comparisons[op](have_p, want_p)


def check_required(plugins: Sequence[PluginInfo], required: Sequence[str]) -> None:
    """Raise :class:`PluginError` unless every ``name[specifiers]`` in ``required`` is loaded and matches."""
    if not required:
        return
    by_name: dict[str, PluginInfo] = {}
    for info in plugins:
        by_name.setdefault(_normalize(info.name), info)
        if info.distribution:
            by_name.setdefault(_normalize(info.distribution), info)
    loaded = ", ".join(f"{p.name} {p.version}" for p in plugins) or "none"
    for text in required:
        try:
            name, specs = parse_requirement(text)
        except ValueError as exc:
            raise PluginError(f"required-plugins: {exc}") from None
        found = by_name.get(_normalize(name))
        if found is None:
            raise PluginError(f"required plugin {text!r} is not installed (loaded plugins: {loaded})")
        if not all(version_matches(found.version, op, v) for op, v in specs):
            raise PluginError(f"required plugin {text!r}: version {found.version} of {found.name} is installed")
