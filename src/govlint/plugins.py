"""Plugin discovery and the loaded rule set.

Discovery order: the built-in rules (:mod:`govlint.rules`), then the ``govlint`` entry-point group, then the
modules named in the configuration (``plugins = ["my_office.rules"]``, imported with the configuration
file's directory on ``sys.path``).  Every plugin states the plugin API version it was written for
(``govlint_plugin_info``); a misspelt hook, a rule code defined twice, an import error or an unmet
``required-plugins`` pin is a :class:`~govlint.errors.PluginError` naming the plugin.

Entry points are found with :mod:`importlib.metadata`.  Importing it costs a start more than loading the
plugins does, so what it finds is cached per environment (:func:`scan_entry_points`).  What is
checked of each plugin is in :mod:`govlint.pluginchecks`; this module registers plugins with pluggy and
keeps the loaded set.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import pluggy

from govlint import hookspecs
from govlint.errors import PluginError
from govlint.pluginchecks import (
    PluginInfo,
    PluginSource,
    check_required,
    collect_options,
    collect_rules,
    collect_tables,
    in_order,
    plugin_info,
)
from govlint.rule import Rule, RuleMeta
from govlint.schema import TableSpec
from govlint.usercache import cache_dir, read_plain, write_plain

if TYPE_CHECKING:
    from govlint.config import Config
    from govlint.model import Report

BUILTIN_MODULE = "govlint.rules"
ENTRY_POINT_GROUP = "govlint"
#: How many ``sys.path``s' entry-point lists the cache keeps (each a few kB).
KEEP_ENTRY_POINTS = 32
#: How much of a report's text is searched for a scope's names when the parser found no body or title.
SCOPE_TEXT_CHARS = 300


class EntryPoint(NamedTuple):
    """One entry of the ``govlint`` group, and the distribution (name, version) that declares it."""

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
    #: The tables plugins describe (``govlint_tables``), in discovery order.
    tables: tuple[TableSpec, ...] = ()

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
    importlib.invalidate_caches()


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

    infos = {
        name: plugin_info(pm, name, source, origin, (ep.distribution, ep.version) if ep else None)
        for name, (source, origin, ep) in sources.items()
    }
    rules, rule_plugin = collect_rules(pm, infos, BUILTIN_MODULE)
    options = collect_options(pm, infos)
    infos = {
        name: info._replace(rules=tuple(c for c, p in rule_plugin.items() if p == name)) for name, info in infos.items()
    }
    checks = tuple(
        (infos[impl.plugin_name].name, impl.function)
        for impl in in_order(pm.hook.govlint_check_report.get_hookimpls(), infos)
    )
    shown = {code: infos[name].name for code, name in rule_plugin.items()}
    scopes = {code: infos[name].scope for code, name in rule_plugin.items() if infos[name].scope}
    tables = collect_tables(pm, infos)
    plugins = Plugins(tuple(infos.values()), rules, shown, options, checks, scopes, pm, tables)
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
            "modules; installed plugins are found through their entry points",
            f"配置中的插件模块 {module!r} 不在配置文件所在的文件夹 {root or '（无）'} 中："
            "plugins = [...] 应列出该文件夹中的本地模块；已安装的插件无需列出，会自动加载",
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


# ---------------------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------------------


def scan_entry_points(group: str = ENTRY_POINT_GROUP) -> list[EntryPoint]:
    """The entry points of ``group`` in the distributions on ``sys.path``, as :mod:`importlib.metadata` finds
    them (of two installed copies of a distribution, the first on the path wins).

    Found once per process and group (:func:`clear_cache` forgets it), and kept in the user's cache folder
    (``GOVLINT_CACHE_DIR``; empty: no cache) for this interpreter and ``sys.path``.  The cache holds the
    name and modification time of every distribution's metadata folder on the path, which installing,
    upgrading or removing a distribution changes, so a stale list is never used; like the parser's cache it
    is read only when only this user can write it.  Each ``sys.path`` (``python -m govlint`` puts the working
    folder first) has its own file; writing one removes all but the
    :data:`KEEP_ENTRY_POINTS` used most recently.
    """
    if group not in _ENTRY_POINTS:
        directory = cache_dir()
        stamp = [[entry, _distributions(entry)] for entry in sys.path]
        key = hashlib.sha256(repr([sys.executable, group, sys.path]).encode()).hexdigest()[:20]
        path = os.path.join(directory, f"entry-points-{key}.pickle") if directory else None
        found = _read_cache(path, stamp) if path else None
        if found is None:
            found = _lookup(group)
            if path is not None:
                write_plain(
                    path,
                    {"stamp": stamp, "entries": [list(ep) for ep in found]},
                    prefix="entry-points-",
                    keep=KEEP_ENTRY_POINTS,
                )
        _ENTRY_POINTS[group] = found
    return _ENTRY_POINTS[group]


def _lookup(group: str) -> list[EntryPoint]:
    import importlib.metadata  # only when the cache is missing or stale (see scan_entry_points)

    return [
        EntryPoint(ep.name, ep.value, ep.dist.name, ep.dist.version)
        if ep.dist is not None
        else EntryPoint(ep.name, ep.value, ep.name, "unknown")
        for ep in importlib.metadata.entry_points(group=group)
    ]


def _distributions(entry: str) -> list[list[Any]] | None:
    """The metadata folders in one ``sys.path`` folder with their modification times: what changes when a
    distribution is installed, upgraded or removed (not the folder's own time, which any file in the working
    directory changes)."""
    try:
        with os.scandir(entry or ".") as scan:
            found = [e for e in scan if e.name.endswith((".dist-info", ".egg-info"))]
        return sorted([e.name, e.stat().st_mtime_ns] for e in found)
    except OSError:
        return None


def _read_cache(path: str, stamp: list[list[Any]]) -> list[EntryPoint] | None:
    """The cached entry points, or None when the cache is missing, stale, malformed or not private."""
    data = read_plain(path)
    try:
        if data["stamp"] != stamp:
            return None
        return [EntryPoint(*map(str, entry)) for entry in data["entries"]]
    except Exception:  # a stale or foreign file only means looking the entry points up again
        return None
