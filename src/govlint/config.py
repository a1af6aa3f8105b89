"""Configuration: ``[tool.govlint]`` in ``pyproject.toml``, or ``.govlint.toml``, found upward from a file.

The nearest file wins (no merging), as in ruff: in each directory from the report's upward, a
``.govlint.toml`` is used if present, else a ``pyproject.toml`` that has a ``[tool.govlint]`` table.
Discovery stops at a repository root (a folder holding ``.git``) or the user's home, and passes over a file
that another user owns or can change (see :func:`unsafe_reason`).  Command-line options are applied on top as
an override layer (:meth:`Config.with_overrides`).

Configuration is data, except ``plugins``, which imports code: a file is *trusted* to name plugins only when
the user chose it (``--config``, :meth:`Config.from_file`) or it is the configuration of the working
directory.  A file discovered beside reports elsewhere (a folder someone sent) keeps its selections,
severities and ignores, but its ``plugins`` are not loaded (:attr:`Config.ignored_plugins`).

Rule selection follows ruff: codes are chosen by prefix (``GL2`` = every table-consistency rule, ``ALL``
= every rule); within one layer the more specific prefix wins and, at equal length, ``ignore`` wins; a
layer's ``select`` replaces what earlier layers selected, ``extend-select`` and ``ignore`` adjust it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import attrs

from govlint.diagnostics import Severity
from govlint.errors import ConfigError, InputError
from govlint.globs import DEFAULT_EXCLUDE, Exclusion, globs
from govlint.records import Record
from govlint.sources.guard import MAX_INPUT_BYTES, read_regular_file

if TYPE_CHECKING:
    from govlint.scoring import SchemeLayer

Lang = Literal["zh", "en"]

CONFIG_FILE = ".govlint.toml"
PYPROJECT = "pyproject.toml"
#: The settings govlint itself reads; any other key must be an option declared by a plugin.
CORE_KEYS = frozenset(
    {
        "select",
        "extend-select",
        "ignore",
        "exclude",
        "extend-exclude",
        "per-file-ignores",
        "severity",
        "reference-date",
        "plugins",
        "required-plugins",
        "fail-on",
        "lang",
        "level",
        "timeout",
        "memory-limit",
        "max-findings-per-rule",
        "scoring",
    }
)
#: How many findings of one code a report lists by default: a clerk never reads the 301st of one kind.
DEFAULT_MAX_FINDINGS = 100
#: Options naming a file or folder (the cross-report phase's roster and history): relative to the
#: configuration file's folder, as a path in a configuration file is everywhere.
PATH_OPTIONS = ("roster", "history")
#: Who publishes a report, as far as its deadline goes (条例 第四十九条): a 县级以上地方人民政府's own report
#: ("government"), or a department's, 乡镇's or 街道's ("department"); the values of the ``level`` setting.
Level = Literal["government", "department"]
LEVELS: tuple[Level, ...] = ("government", "department")
#: Provincial plugins govlint knows of: their rule-code prefix -> the distribution that provides them, so that
#: selecting ``FJ`` without the plugin says what to install.
KNOWN_PLUGIN_PREFIXES = {"FJ": "govlint-fujian"}
#: A rule selector: ``ALL``, or a code prefix (``GL``, ``GL2``, ``GL203``, ``ZJ``).
SELECTOR = re.compile(r"ALL|[A-Z]{1,8}[0-9]{0,4}")
#: What a pyproject.toml holding the govlint table must contain: ``tool.govlint`` as a table header or a
#: dotted key (spaces and quotes allowed), or a ``[tool]`` table or ``tool = {…}`` that may hold a
#: ``govlint`` key.  A file without it is passed over unparsed: most pyproject.toml files are not govlint's.
_MAY_HOLD_TABLE = re.compile(
    rb"""(?m)tool["']?\s*\.\s*["']?govlint|^\s*(?:\[\s*["']?tool["']?\s*\]|["']?tool["']?\s*=)"""
)


def _codes(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


class Selection(NamedTuple):
    """One layer of rule selection (the configuration file, or the command line)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, select: Iterable[str] | None = None, extend_select: Iterable[str] = (), ignore: Iterable[str] = ()
    ) -> Selection:
        return cls(_codes(select), tuple(extend_select), tuple(ignore))

    def decide(self, code: str, enabled: bool) -> bool:
        """Whether ``code`` is enabled after this layer, given whether it was before."""
        best: tuple[int, bool] | None = None  # (specificity, is_ignore): the greatest wins
        for prefixes, is_ignore in (((*(self.select or ()), *self.extend_select), False), (tuple(self.ignore), True)):
            for prefix in prefixes:
                length = 0 if prefix == "ALL" else len(prefix)
                if code.startswith("" if prefix == "ALL" else prefix) and (best is None or (length, is_ignore) > best):
                    best = (length, is_ignore)
        if best is not None:
            return not best[1]
        return False if self.select is not None else enabled


def _severity(value: Severity | str) -> Severity:
    return value if isinstance(value, Severity) else Severity.parse(value)


def _pairs(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), v) for k, v in items)


def _ignores(
    value: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((glob, tuple(codes)) for glob, codes in _pairs(value))


def _severities(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> tuple[tuple[str, Severity], ...]:
    return tuple((code, _severity(level)) for code, level in _pairs(value))


@attrs.frozen(repr=False)
class Config(Record):
    """What to check and how.  ``Config()`` is the default: every rule, failing on errors, in Chinese."""

    select: tuple[str, ...] | None = attrs.field(default=None, converter=_codes)
    extend_select: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    #: Gitignore-style globs of what a folder walk leaves out (:mod:`govlint.globs`): ``exclude`` replaces
    #: the defaults, ``extend-exclude`` adds to them.
    exclude: tuple[str, ...] = attrs.field(default=DEFAULT_EXCLUDE, converter=_strings)
    extend_exclude: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    #: (glob, code prefixes) pairs; gitignore-style globs of the path relative to :attr:`root`.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(default=(), converter=_ignores)
    #: (code prefix, severity) pairs; the longest matching prefix wins.
    severity: tuple[tuple[str, Severity], ...] = attrs.field(default=(), converter=_severities)
    #: (glob, level) pairs: the publishing body's level for files the report does not show it in (GL402).
    level: tuple[tuple[str, Level], ...] = attrs.field(default=(), converter=_pairs)
    #: "Today" for the date rules; None means the real today.
    reference_date: dt.date | None = None
    plugins: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    required_plugins: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    fail_on: Severity = attrs.field(default=Severity.ERROR, converter=_severity)
    lang: Lang = "zh"
    #: Seconds one file may take (0: no limit), and MiB of address space a worker process may use.
    timeout: float = 60.0
    memory_limit: int = 4096
    #: Findings of one code listed per report (0: all); the rest are counted in one notice (issue #16).
    max_findings_per_rule: int = DEFAULT_MAX_FINDINGS
    #: ``[tool.govlint.scoring]``: the deduction scheme's settings (govlint.scoring), None when not set.
    scoring: SchemeLayer | None = None
    #: Options declared by plugins (``govlint_add_options``), as set in the file.
    options: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_pairs)
    #: Later selection layers (the command line).
    overrides: tuple[Selection, ...] = ()
    #: The file this was read from, and the directory paths are relative to.
    path: str | None = None
    root: str | None = None
    #: Plugins the file names but that were not loaded, because the file is not trusted to run code.
    ignored_plugins: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    _layers: tuple[Selection, ...] = attrs.field(init=False, eq=False, repr=False)
    #: :meth:`ignored_codes` by path, asked once per finding.
    _ignored: dict[str, tuple[str, ...]] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    @_layers.default
    def _all_layers(self) -> tuple[Selection, ...]:
        return (Selection.of(self.select, self.extend_select, self.ignore), *self.overrides)

    def __attrs_post_init__(self) -> None:
        for key, selectors in (
            ("select", self.select or ()),
            ("extend-select", self.extend_select),
            ("ignore", self.ignore),
            ("severity", [code for code, _ in self.severity]),
            *(("per-file-ignores", codes) for _, codes in self.per_file_ignores),
            *(("select", o.select or ()) for o in self.overrides),
            *(("extend-select", o.extend_select) for o in self.overrides),
            *(("ignore", o.ignore) for o in self.overrides),
        ):
            for selector in selectors:
                if not isinstance(selector, str) or not SELECTOR.fullmatch(selector):
                    raise ConfigError(
                        f"{key}: {selector!r} is not a rule code or prefix (GL203, GL2, ZJ, ALL)",
                        f"{key}：{selector!r} 不是规则代码或前缀（如 GL203、GL2、ZJ、ALL）",
                    )
        if self.lang not in ("zh", "en"):
            raise ConfigError(f"lang: {self.lang!r} is not zh or en", f"lang：{self.lang!r} 不是 zh 或 en")

    # -- reading ------------------------------------------------------------------------------------------

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, path: str | None = None, trusted: bool = True) -> Config:
        """Build from a ``[tool.govlint]`` table (kebab-case keys); ConfigError names the bad key.

        An untrusted table's ``plugins`` are kept in :attr:`ignored_plugins` instead of being loaded.
        """
        where = f"{path}: " if path else ""
        kwargs: dict[str, Any] = {}
        options: dict[str, Any] = {}
        for key, value in data.items():
            if key not in CORE_KEYS:
                options[key] = value
                continue
            try:
                kwargs[key.replace("-", "_")] = _read_key(key, value)
            except ConfigError as exc:
                raise (exc if str(exc).startswith(key) else exc.prefixed(f"{key}: ", f"{key}：")).prefixed(
                    where
                ) from None
            except (ValueError, TypeError) as exc:
                raise ConfigError(f"{where}{key}: {exc}") from None
        if not trusted and kwargs.get("plugins"):
            kwargs["ignored_plugins"] = kwargs.pop("plugins")
        try:
            return cls(**kwargs, options=options, path=path, root=os.path.dirname(path) if path else None)
        except ConfigError as exc:
            raise exc.prefixed(where) from None
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"{where}{exc}") from None

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, trusted: bool = True) -> Config:
        """Read ``[tool.govlint]`` of a ``pyproject.toml``, or a ``.govlint.toml`` (top-level keys).

        A file named by the caller is trusted; pass ``trusted=False`` for one found by looking around.
        """
        path = os.path.abspath(path)
        table = _read_table(path, required=True)
        return cls.from_mapping(table or {}, path=path, trusted=trusted)

    @classmethod
    def discover(cls, start: str | os.PathLike[str]) -> Config:
        """The configuration nearest to ``start`` (a file or directory), or the default.

        Its plugins are loaded only when it is also the working directory's configuration (:func:`is_trusted`).
        """
        found = find_config_file(start)
        return cls.from_file(found, trusted=is_trusted(found)) if found else cls()

    def with_overrides(
        self,
        *,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        **changes: Any,
    ) -> Config:
        """A copy with a command-line selection layer on top and other settings replaced."""
        layer = Selection.of(select, extend_select, ignore)
        overrides = (*self.overrides, layer) if layer != Selection() else self.overrides
        try:
            return attrs.evolve(self, overrides=overrides, **changes)
        except (ValueError, TypeError) as exc:
            raise ConfigError(str(exc)) from None

    # -- deciding -----------------------------------------------------------------------------------------

    def selects(self, code: str, path: str | None = None) -> bool:
        """Whether findings of ``code`` are reported: the selection layers decide (the file's ``select``,
        ``extend-select`` and ``ignore``, then the command line's), then, for a finding in ``path``,
        ``per-file-ignores`` may turn the code off there.  The linter, the baseline writer, the rule list and
        the cross-report phase all ask this one question."""
        if not _selected(self._layers, code):
            return False
        return path is None or not code.startswith(self.ignored_codes(path))

    def explicitly_selects(self, code: str) -> bool:
        """Whether a ``select`` or ``extend-select`` (file or command line) names ``code`` by a prefix other
        than ``ALL``: such a choice runs a scoped plugin's rule on reports outside its scope too."""
        named = [selector for layer in self._layers for selector in (*(layer.select or ()), *layer.extend_select)]
        return self.selects(code) and any(s != "ALL" and code.startswith(s) for s in named)

    def ignored_codes(self, path: str) -> tuple[str, ...]:
        """The code prefixes that ``per-file-ignores`` turns off for ``path`` (``ALL``: "", every code)."""
        if not self.per_file_ignores:
            return ()
        found = self._ignored.get(path)
        if found is None:
            found = self._ignored[path] = tuple(
                "" if code == "ALL" else code
                for glob, prefixes in self.per_file_ignores
                if self._matches(glob, path)
                for code in prefixes
            )
        return found

    def level_for(self, path: str) -> Level | None:
        """The publishing body's level that ``level`` gives ``path`` (the last matching glob wins), or None."""
        found = [level for glob, level in self.level if self._matches(glob, path)]
        return found[-1] if found else None

    def _matches(self, glob: str, path: str) -> bool:
        """Whether the gitignore-style ``glob`` matches ``path`` (relative to :attr:`root`): ``*`` stays
        within a folder, a glob without ``/`` matches a name at any depth."""
        return globs((glob.removeprefix("./"),)).match(_relative(path, self.root))

    def exclusion(self) -> Exclusion:
        """What a folder walk leaves out: ``exclude`` and ``extend-exclude``, relative to :attr:`root` (the
        configuration's folder), or to the working directory when there is no configuration file."""
        return Exclusion((*self.exclude, *self.extend_exclude), self.root or os.getcwd())

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The severity configured for ``code`` (longest matching prefix), or ``default``."""
        best: tuple[int, Severity] | None = None
        for prefix, level in self.severity:
            length = 0 if prefix == "ALL" else len(prefix)
            if code.startswith("" if prefix == "ALL" else prefix) and (best is None or length >= best[0]):
                best = (length, level)
        return default if best is None else best[1]

    def rule_options(self, defaults: Mapping[str, Any]) -> dict[str, Any]:
        """The options rules see in ``RuleContext.options``: the plugins' defaults, then the file's values;
        a file or folder option (:data:`PATH_OPTIONS`) is relative to the configuration file's folder."""
        found = {**defaults, **dict(self.options)}
        for key in PATH_OPTIONS:
            value = found.get(key)
            if isinstance(value, str) and value and self.root and not os.path.isabs(value):
                found[key] = os.path.join(self.root, value)
        return found

    def check_codes(self, codes: Iterable[str]) -> None:
        """Raise ConfigError for a selector that matches none of the rule ``codes`` (a typo would select nothing).

        The message names the nearest known codes, or the package to install for a known plugin's prefix.
        """
        known = sorted(set(codes))
        for where, key, selectors in self._selectors():
            for selector in selectors:
                if selector == "ALL" or any(code.startswith(selector) for code in known):
                    continue
                package = KNOWN_PLUGIN_PREFIXES.get(_letters(selector))
                if package is not None:
                    raise ConfigError(
                        f"{where}{key}: {selector} selects rules of the plugin {package}, which is not installed "
                        f"(pip install {package})",
                        f"{where}{key}：{selector} 是插件 {package} 的规则，该插件未安装"
                        f"（请运行 pip install {package}）",
                    )
                nearest = _nearest(selector, known)
                hint = f"nearest: {', '.join(nearest)}" if nearest else "see `govlint rules`"
                hint_zh = f"最接近的：{'、'.join(nearest)}" if nearest else "详见 `govlint rules`"
                raise ConfigError(
                    f"{where}{key}: no rule code matches {selector!r} ({hint})",
                    f"{where}{key}：没有与 {selector!r} 匹配的规则代码（{hint_zh}）",
                )

    def _selectors(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """(where, key, selectors) of every place that names rule codes: the file's keys, then the overrides."""
        where = f"{self.path}: " if self.path else ""
        yield where, "select", self.select or ()
        yield where, "extend-select", self.extend_select
        yield where, "ignore", self.ignore
        yield where, "severity", tuple(code for code, _ in self.severity)
        for glob, codes in self.per_file_ignores:
            yield where, f"per-file-ignores.{glob}", codes
        if self.scoring is not None:
            yield where, "scoring.deduct", tuple(code for code, _ in self.scoring.deduct)
            yield where, "scoring.cap", tuple(code for code, _ in self.scoring.cap)
        for layer in self.overrides:
            yield "", "--select", layer.select or ()
            yield "", "--extend-select", layer.extend_select
            yield "", "--ignore", layer.ignore

    def check_options(self, declared: Mapping[str, Any]) -> None:
        """Raise ConfigError for a key that neither govlint nor a loaded plugin declares, or a wrong type."""
        where = f"{self.path}: " if self.path else ""
        for key, value in self.options:
            if key not in declared and self.ignored_plugins:
                continue  # most likely an option of a plugin this untrusted file names and that was not loaded
            if key not in declared:
                known = sorted(CORE_KEYS | set(declared))
                nearest = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f"did you mean {nearest[0]!r}?" if nearest else f"known: {', '.join(known)}"
                hint_zh = f"是否想用 {nearest[0]!r}？" if nearest else f"可用的设置：{'、'.join(known)}"
                raise ConfigError(f"{where}unknown setting {key!r} ({hint})", f"{where}未知的设置 {key!r}（{hint_zh}）")
            default = declared[key]
            if default is not None and not _same_kind(value, default):
                kind_en, kind_zh = _kind_name(default)
                raise ConfigError(
                    f"{where}{key}: expected {kind_en}, got {value!r}",
                    f"{where}{key}：应为{kind_zh}，实际为 {value!r}",
                )


def _kind_name(default: Any) -> tuple[str, str]:
    """What a setting whose default is ``default`` takes, in English and Chinese."""
    if isinstance(default, bool):
        return "true or false", "true 或 false"
    if isinstance(default, (int, float)):
        return "a number", "数字"
    if isinstance(default, (list, tuple)):
        return "a list", "列表"
    if isinstance(default, str):
        return "a string (one value, such as a path)", "一个字符串（单个值，如路径）"
    return f"a value like {default!r}", f"与 {default!r} 同类的值"


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


@functools.lru_cache(maxsize=4096)
def _selected(layers: tuple[Selection, ...], code: str) -> bool:
    enabled = True
    for layer in layers:
        enabled = layer.decide(code, enabled)
    return enabled


def _relative(path: str, root: str | None) -> str:
    """``path`` relative to ``root``, or to the working directory when there is no configuration file."""
    if not root or not os.path.isabs(root):
        if not os.path.isabs(path):
            return path
        root = os.getcwd()
    try:
        return os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        return path


def _nearest(selector: str, known: Sequence[str]) -> list[str]:
    """Up to three codes nearest to ``selector``: the longest shared prefix first, then the most alike."""

    def score(code: str) -> tuple[int, float]:
        pairs = zip(selector, code, strict=False)
        shared = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(selector), len(code)))
        return shared, difflib.SequenceMatcher(None, selector, code).ratio()

    ranked = sorted(known, key=score, reverse=True)[:3]
    return [code for code in ranked if score(code)[0] >= 2 or score(code)[1] >= 0.5]


def _letters(code: str) -> str:
    """The letter prefix of a rule code (``GL`` of ``GL203``)."""
    return code[: len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]


def _string_list(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ConfigError(
            f"{key}: expected a list of strings such as [{value!r}], got the string {value!r}",
            f"{key}：应为字符串列表，例如 [{value!r}]，实际为字符串 {value!r}",
        )
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            f"{key}: expected a list of strings, got {value!r}", f"{key}：应为字符串列表，实际为 {value!r}"
        )
    return tuple(value)


#: Most entries a list or table of a configuration may hold: each glob of ``per-file-ignores`` and ``level``
#: is matched against every file (200,000 of them took 35 s a file), and no project names a thousand.
MAX_ENTRIES = 1000


def _read_key(key: str, value: Any) -> Any:
    if isinstance(value, list | Mapping) and len(value) > MAX_ENTRIES:
        raise ConfigError(
            f"{key}: {len(value):,} entries, at most {MAX_ENTRIES:,}",
            f"{key}：有 {len(value):,} 项，最多 {MAX_ENTRIES:,} 项",
        )
    if key in ("select", "extend-select", "ignore", "plugins", "required-plugins", "exclude", "extend-exclude"):
        return _string_list(key, value)
    if key == "per-file-ignores":
        if not isinstance(value, Mapping):
            raise ConfigError(
                f'{key}: expected a table of glob = ["CODE", …], got {value!r}',
                f'{key}：应为“通配符 = ["代码", …]”形式的表，实际为 {value!r}',
            )
        return {glob: _string_list(f"{key}.{glob}", codes) for glob, codes in value.items()}
    if key == "severity":
        if not isinstance(value, Mapping):
            raise ConfigError(
                f'{key}: expected a table of CODE = "error" | "warning" | "info", got {value!r}',
                f'{key}：应为“代码 = "error" | "warning" | "info"”形式的表，实际为 {value!r}',
            )
        return {code: _severity_setting(f"{key}.{code}", level) for code, level in value.items()}
    if key == "level":
        if not isinstance(value, Mapping) or any(v not in LEVELS for v in value.values()):
            raise ConfigError(
                f'{key}: expected a table of glob = "government" | "department", got {value!r}',
                f'{key}：应为“通配符 = "government" | "department"”形式的表，实际为 {value!r}',
            )
        return dict(value)
    if key == "reference-date":
        return parse_date(value, key)
    if key == "scoring":
        from govlint.scoring import read_layer

        return read_layer(value)
    if key == "fail-on":
        return _severity_setting(key, value)
    if key == "lang":
        if value not in ("zh", "en"):
            raise ConfigError(f"{key}: {value!r} is not zh or en", f"{key}：{value!r} 不是 zh 或 en")
        return value
    if key in ("timeout", "memory-limit"):
        error = limit_error(key, value)
        if error is not None:
            raise ConfigError(*error)
        return float(value) if key == "timeout" else value
    if key == "max-findings-per-rule":
        error = cap_error(value)
        if error is not None:
            raise ConfigError(f"{key}: {error[0]}", f"{key}：{error[1]}")
        return value
    raise AssertionError(key)  # pragma: no cover - CORE_KEYS and this function agree


def cap_error(value: Any) -> tuple[str, str] | None:
    """Why ``value`` is no ``max-findings-per-rule`` (a whole number, 0 for no cap), in English and Chinese."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    return (
        f"expected a whole number from 0 (no cap), got {value!r}",
        f"应为不小于 0 的整数（0 表示不限），实际为 {value!r}",
    )


#: The largest limits a file may be given: beyond them the system's timer and address-space limit overflow
#: (``timeout = 1e308`` was an internal error).  A million seconds is eleven days, a billion MB a petabyte.
MAX_TIMEOUT = 1_000_000
MAX_MEMORY_LIMIT = 1_000_000_000


def limit_error(key: str, value: Any) -> tuple[str, str] | None:
    """Why ``value`` is no ``timeout`` (seconds) or ``memory-limit`` (whole MB), in English and Chinese, or
    None: each must be a finite number from 0 (no limit) to its maximum, as in a configuration so on the
    command line."""
    timeout = key == "timeout"
    unit, unit_zh, largest = ("seconds", "秒数", MAX_TIMEOUT) if timeout else ("MB", "兆字节数（MB）", MAX_MEMORY_LIMIT)
    whole = isinstance(value, int) and not isinstance(value, bool)
    if (whole or (timeout and isinstance(value, float))) and 0 <= value <= largest:
        return None  # NaN and infinity fail the comparison
    return (
        f"{key}: expected a number of {unit} from 0 (no limit) to {largest:,}, got {value!r}",
        f"{key}：应为 0（不限）到 {largest:,} 的{unit_zh}，实际为 {value!r}",
    )


def _severity_setting(key: str, value: Any) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError:
        raise ConfigError(
            f"{key}: {value!r} is not a severity: use error, warning or info",
            f"{key}：{value!r} 不是严重程度，应为 error、warning 或 info",
        ) from None


def parse_date(value: Any, key: str = "reference-date") -> dt.date:
    """A TOML date or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(
            f"{key}: {value!r} is not a date: expected YYYY-MM-DD, such as 2025-03-31",
            f"{key}：{value!r} 不是日期：应为“年-月-日”，如 2025-03-31",
        ) from None


def _read_table(path: str, *, required: bool) -> dict[str, Any] | None:
    """The govlint table of a config file; None for a pyproject.toml without one (unless ``required``)."""
    try:
        raw = read_regular_file(path)  # not a pipe or /dev/zero, at most 50 MB
    except InputError as exc:
        raise ConfigError(
            f"{path}: cannot read configuration ({exc.reason_en})", f"{path}：无法读取配置（{exc.reason_zh}）"
        ) from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8").removeprefix("\ufeff"))  # Notepad's BOM: tomllib refuses it
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}", f"{path}：TOML 格式错误：{exc}") from None
    except ValueError:  # an integer of more than 4,300 digits, which int() refuses to read
        raise ConfigError(
            f"{path}: invalid TOML: a number too long to read", f"{path}：TOML 格式错误：数字过长，无法读取"
        ) from None
    except RecursionError:
        raise ConfigError(
            f"{path}: invalid configuration: arrays or tables nested too deeply", f"{path}：配置无效：数组或表嵌套过深"
        ) from None
    tool = data.get("tool")
    table = tool.get("govlint") if isinstance(tool, dict) else None
    if table is None and os.path.basename(path) != PYPROJECT:
        table = {k: v for k, v in data.items() if k != "tool"}
    if table is None:
        return {} if required else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.govlint] must be a table", f"{path}：[tool.govlint] 必须是一个表")
    return table


class ConfigFinder:
    """The base configuration of each folder in one run: discovered (cached per file), or none (``isolated``).

    :attr:`notes` collects, once per file, what the user must be told: a configuration passed over as
    unsafe, or plugins not loaded from an untrusted one; each note is (Chinese, English).
    """

    def __init__(self, *, isolated: bool = False) -> None:
        self.isolated = isolated
        self._own = None if isolated else find_config_file(os.getcwd())
        self._by_file: dict[str, Config] = {}
        self._told: set[str] = set()
        self.notes: list[tuple[str, str]] = []

    def for_directory(self, directory: str) -> Config:
        """The configuration that applies to the files in ``directory``."""
        if self.isolated:
            return Config()
        found, refused = discover_config_file(directory)
        for passed in refused:
            self._note(passed.path, f"已忽略该配置：{passed.reason_zh}", f"configuration ignored: {passed.reason_en}")
        if found is None:
            return Config()
        config = self._by_file.get(found)
        if config is None:
            trusted = self._own is not None and _same_file(found, self._own)
            try:
                config = Config.from_file(found, trusted=trusted)
            except ConfigError as error:
                if trusted:
                    raise
                # a broken file among the checked ones (deeply nested TOML, a bad key) must not stop the run
                # over the others: it is passed over, like an unsafe one
                config = Config()
                reason = str(error).removeprefix(f"{found}: ")  # configuration errors are English only
                self._note(
                    found,
                    "已忽略该配置：内容无效（用 --config 指定该文件可看到原因）",
                    f"configuration ignored: {reason}",
                )
            self._by_file[found] = config
            if config.ignored_plugins:
                names = ", ".join(config.ignored_plugins)
                self._note(
                    found,
                    f"未加载其中指定的插件（{names}）：该配置在被检查的文件旁找到，不是当前工作目录的配置；"
                    "信任它请用 --config 指定",
                    f"plugins named there ({names}) were not loaded: the file was found beside the checked files, "
                    "not in the working directory; pass it with --config to trust it",
                )
        return config

    def _note(self, path: str, zh: str, en: str) -> None:
        if path not in self._told:
            self._told.add(path)
            self.notes.append((f"{path}: {zh}", f"{path}: {en}"))


@attrs.frozen(repr=False)
class Refused(Record):
    """A configuration file that discovery passed over, and why (said once to the user)."""

    path: str
    reason_zh: str
    reason_en: str


def find_config_file(start: str | os.PathLike[str]) -> str | None:
    """The nearest ``.govlint.toml``, or ``pyproject.toml`` with ``[tool.govlint]``, from ``start`` upward."""
    return discover_config_file(start)[0]


def discover_config_file(start: str | os.PathLike[str]) -> tuple[str | None, tuple[Refused, ...]]:
    """The nearest safe configuration file from ``start`` upward, and the unsafe ones passed over on the way.

    The search stops after a folder holding ``.git`` (a repository's root) or the user's home folder.
    """
    directory = os.path.abspath(start)
    if not os.path.isdir(directory):
        directory = os.path.dirname(directory)
    home = os.path.expanduser("~")
    refused: list[Refused] = []
    while True:
        for name in (CONFIG_FILE, PYPROJECT):
            candidate = os.path.join(directory, name)
            if not os.path.isfile(candidate) or (name == PYPROJECT and not _may_hold_table(candidate)):
                continue
            problem = unsafe_reason(candidate)
            if problem is not None:
                refused.append(Refused(candidate, *problem))
                continue
            if name == CONFIG_FILE or _holds_table(candidate):
                return candidate, tuple(refused)
        parent = os.path.dirname(directory)
        if directory in (parent, home) or os.path.exists(os.path.join(directory, ".git")):
            return None, tuple(refused)
        directory = parent


def unsafe_reason(path: str) -> tuple[str, str] | None:
    """Why a configuration file may not be read, as (Chinese, English); None when it may.

    As git's ``safe.directory`` does, a file is read only when it and its folder belong to the user (or to
    root) and nobody else can write to them: other users may not, nor a group other than the user's own.
    """
    if os.name != "posix":
        return None
    uid, gid = os.getuid(), os.getgid()
    for target, zh, en in ((path, "文件", "file"), (os.path.dirname(path), "所在文件夹", "folder")):
        try:
            info = os.stat(target)
        except OSError:
            return None
        if info.st_uid not in (uid, 0):
            return f"该配置{zh}属于其他用户", f"the {en} belongs to another user"
        if info.st_mode & stat.S_IWOTH or (info.st_mode & stat.S_IWGRP and info.st_gid != gid):
            return f"其他用户可以修改该配置{zh}", f"other users can write to the {en}"
    return None


def is_trusted(path: str | None) -> bool:
    """Whether the configuration file ``path`` may name plugins: it is the working directory's configuration."""
    if path is None:
        return False
    own = find_config_file(os.getcwd())
    return own is not None and _same_file(own, path)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _holds_table(path: str) -> bool:
    """Whether the pyproject.toml ``path`` holds ``[tool.govlint]``; True when it cannot be read, so that
    reading it as the configuration says why (which passes over a file found beside the checked ones: a
    broken one stopped the run here)."""
    try:
        return _read_table(path, required=False) is not None
    except ConfigError:
        return True


def _may_hold_table(path: str) -> bool:
    """Whether a pyproject.toml may hold ``[tool.govlint]`` (see :data:`_MAY_HOLD_TABLE`), without parsing it."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_INPUT_BYTES + 1)  # a sparse file of gigabytes was read whole (MemoryError)
    except OSError:
        return True  # reading it again reports the error
    if len(raw) > MAX_INPUT_BYTES:
        return True
    return b"govlint" in raw and _MAY_HOLD_TABLE.search(raw) is not None
