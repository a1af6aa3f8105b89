"""The plugin manager: the loaded rule set, and the registry that keeps it for the process.

Discovery order: the built-in rules (:mod:`govlint.rules`), then the ``govlint`` entry-point group (the
installed plugins, :mod:`govlint.entrypoints`), then the modules named in the configuration (``plugins =
["my_office.rules"]``, imported with the configuration file's directory on ``sys.path``).  Every plugin states
the plugin API version it was written for (``govlint_plugin_info``); a misspelt hook, a rule code defined
twice, an import error or an unmet ``required-plugins`` pin is a :class:`~govlint.errors.PluginError` naming
the plugin.  What is checked of each plugin is in :mod:`govlint.pluginchecks`; this module registers plugins
with pluggy and keeps the loaded sets.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import pluggy

from govlint import hookspecs
from govlint.entrypoints import EntryPoint, scan_entry_points
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

if TYPE_CHECKING:
    from govlint.config import Config
    from govlint.model import Report

BUILTIN_MODULE = "govlint.rules"
#: How much of a report's text is searched for a scope's names when the parser found no body or title.
SCOPE_TEXT_CHARS = 300


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


class PluginRegistry:
    """The plugin sets a process has loaded, each once, and the installed plugins it found.

    Loading a set costs about 2 ms and finding the installed plugins about 8 ms more (the cached entry-point
    list checked against every metadata folder on ``sys.path``), where linting a report takes under 5 ms: a
    library that calls :func:`govlint.lint_text` per report, and each worker of a run, must not pay them per
    report.  So one registry, :data:`REGISTRY`, serves the process.  It holds no result of a report, only
    the loaded plugins, which the interpreter holds anyway (their modules are imported).  It is safe to use
    from threads: a lock guards its maps, and a set asked for by several threads at once is loaded once and
    the same object handed to all (``tests/engine/test_plugin_registry.py``).  A host that installs or
    removes plugins while running calls :meth:`clear`.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        #: Arguments -> the loaded set, and the plugin objects it was given (kept alive, so that no other
        #: object takes their ``id`` while the set is kept under it).
        self._loaded: dict[tuple[Any, ...], tuple[Plugins, tuple[object, ...]]] = {}
        self._entry_points: list[EntryPoint] | None = None

    def load(
        self,
        modules: Sequence[str] = (),
        *,
        required: Sequence[str] = (),
        root: str | None = None,
        builtins: bool = True,
        entry_points: bool = True,
        objects: Sequence[object] = (),
    ) -> Plugins:
        """Load and validate the plugins these arguments name, on the first call for them; later calls get
        the same set.

        ``modules`` are imported with ``root`` (the configuration file's directory) on ``sys.path``;
        ``objects`` are plugin objects registered as they are (for tests and embedding applications).
        """
        key = (tuple(modules), tuple(required), root, builtins, entry_points, tuple(map(id, objects)))
        with self._lock:
            found = self._loaded.get(key)
            if found is None:
                installed = self.entry_points() if entry_points else []
                loaded = _load(modules, required, root, builtins=builtins, installed=installed, objects=objects)
                found = self._loaded[key] = (loaded, tuple(objects))
            return found[0]

    def entry_points(self) -> list[EntryPoint]:
        """The installed plugins (:func:`govlint.entrypoints.scan_entry_points`), found once."""
        with self._lock:
            if self._entry_points is None:
                self._entry_points = scan_entry_points()
            return self._entry_points

    def clear(self) -> None:
        """Forget the loaded sets and the installed plugins found (for tests and long-running hosts)."""
        with self._lock:
            self._loaded.clear()
            self._entry_points = None
            importlib.invalidate_caches()


#: The process's registry (see :class:`PluginRegistry` for why there is one).
REGISTRY = PluginRegistry()
#: Load and validate the plugins, once per process for the same arguments (:meth:`PluginRegistry.load`).
load_plugins = REGISTRY.load


def clear_cache() -> None:
    """Forget the loaded plugin sets and the installed plugins found (:meth:`PluginRegistry.clear`)."""
    REGISTRY.clear()


def _load(
    modules: Sequence[str],
    required: Sequence[str],
    root: str | None,
    *,
    builtins: bool,
    installed: Sequence[EntryPoint],
    objects: Sequence[object],
) -> Plugins:
    """A new plugin manager with the built-in rules (``builtins``), the ``installed`` plugins, the configured
    ``modules`` and the plugin ``objects`` registered, and what they give, checked."""
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
    for ep in installed:
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
