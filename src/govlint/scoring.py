"""Scoring: one score per report from a deduction scheme, as the 政务公开办 that review reports mark them.

The formula (docs/reviewer.md), for one report and a :class:`Scheme`:

- a finding *counts* when it is not about what govlint could not read (``Diagnostic.unread``) and its
  severity, as reported, is one of ``scheme.severities``;
- ``n(c)``: the number of counted findings of code ``c`` (the notice of those past ``max-findings-per-rule``
  counts as all of them: :attr:`Diagnostic.weight`);
- ``rate(c)``: the value in ``deduct`` of the longest prefix of ``c`` (``ALL`` matches any code, as the
  shortest prefix), 0 when none matches;
- ``cap(c)``: the value in ``cap`` of the longest prefix of ``c``, no cap when none matches; a prefix's cap
  applies to each code under it separately;
- ``points(c) = min(n(c) × rate(c), cap(c))``;
- ``corrected``: ``k × corrected`` for the ``k`` corrected reviews and lawsuits of table 四 (结果纠正), 0
  when govlint could not read them;
- ``score = max(0, base − Σ points(c) − corrected)``.

A file govlint could not read (GL001) has no score: it is listed apart, as are the unread places of the
reports it did read.  Arithmetic is decimal, so ``0.1 + 0.2`` deducts exactly ``0.3``.

Where the scheme comes from (each later layer overrides the one before): :data:`DEFAULT_LAYER`, then a
plugin's ``govlint_scoring_scheme``, then ``[tool.govlint.scoring]`` of the configuration.  In each layer
``base`` and ``severities`` replace the earlier value; the ``deduct`` and ``cap`` tables are merged prefix
by prefix.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from govlint.crossreport.identity import identity_of
from govlint.crossreport.options import OPTION_ALIASES, aliases
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import ConfigError, PluginError
from govlint.notices import FOLDER_UNREADABLE, UNREADABLE
from govlint.output import SKIPPED_CODES
from govlint.records import Record

if TYPE_CHECKING:
    from govlint.config import Config
    from govlint.crossreport.history import History
    from govlint.linter import LintResult
    from govlint.output import FileOutput
    from govlint.plugins import Plugins

#: The keys of a ``[tool.govlint.scoring]`` table (``scheme`` only there: which plugin's scheme to start from).
LAYER_KEYS = ("base", "deduct", "cap", "severities", "corrected")
CONFIG_KEYS = (*LAYER_KEYS, "scheme")
#: A code or prefix a deduction or cap is keyed by (as ``select``: ``GL2``, ``GL105``, ``FJ``, ``ALL``).
_PREFIX = re.compile(r"ALL|[A-Z]{1,8}[0-9]{0,4}")


@attrs.frozen(repr=False)
class SchemeLayer(Record):
    """What one layer (a plugin's scheme, or the configuration) sets; None and () leave the layer below."""

    base: Decimal | None = None
    deduct: tuple[tuple[str, Decimal], ...] = ()
    cap: tuple[tuple[str, Decimal], ...] = ()
    severities: frozenset[Severity] | None = None
    #: Points per corrected review or lawsuit (结果纠正 in table 四).
    corrected: Decimal | None = None
    #: The configuration's ``scheme``: the name of the plugin whose scheme to start from.
    scheme: str | None = None


#: The default scheme: 100 points; errors and warnings deduct 1 point each unless a prefix says otherwise.
#: Missing parts and tables weigh most, an empty cell least (a report with many has one cause); the input
#: notices (GL0xx) are about the file as govlint got it, not the report, and deduct nothing.
DEFAULT_LAYER = SchemeLayer(
    base=Decimal(100),
    deduct=tuple(
        (prefix, Decimal(value))
        for prefix, value in (
            ("ALL", "1"),
            ("GL0", "0"),
            ("GL1", "2"),
            ("GL101", "5"),
            ("GL103", "5"),
            ("GL105", "0.5"),
            ("GL2", "2"),
            ("GL3", "2"),
            ("GL4", "1"),
            ("GL402", "3"),
            ("GL5", "1"),
            ("GL6", "1"),
        )
    ),
    cap=(("ALL", Decimal(10)), ("GL105", Decimal(5))),
    severities=frozenset({Severity.ERROR, Severity.WARNING}),
    corrected=Decimal(0),
)


def code_order(code: str) -> tuple[str, str]:
    """Codes in rule order: by letters, then by number (GL2 before GL105)."""
    digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return code[: len(code) - len(digits)], digits.zfill(8)


def _longest(table: Sequence[tuple[str, Decimal]], code: str) -> Decimal | None:
    """The value of the longest prefix of ``code`` in ``table`` (``ALL`` the shortest), or None."""
    best: tuple[int, Decimal] | None = None
    for prefix, value in table:
        length = 0 if prefix == "ALL" else len(prefix)
        if (prefix == "ALL" or code.startswith(prefix)) and (best is None or length > best[0]):
            best = (length, value)
    return None if best is None else best[1]


def _merged(
    below: Sequence[tuple[str, Decimal]], above: Sequence[tuple[str, Decimal]]
) -> tuple[tuple[str, Decimal], ...]:
    table = dict(below)
    table.update(above)
    return tuple(sorted(table.items(), key=lambda item: code_order(item[0])))


@attrs.frozen(repr=False)
class Scheme(Record):
    """A deduction scheme, all layers applied.  ``source`` says where it came from, for the outputs."""

    base: Decimal
    deduct: tuple[tuple[str, Decimal], ...]
    cap: tuple[tuple[str, Decimal], ...]
    severities: frozenset[Severity]
    corrected: Decimal = Decimal(0)
    source: str = "default"

    def over(self, layer: SchemeLayer, source: str) -> Scheme:
        """This scheme with ``layer`` on top."""
        return Scheme(
            base=self.base if layer.base is None else layer.base,
            deduct=_merged(self.deduct, layer.deduct),
            cap=_merged(self.cap, layer.cap),
            severities=self.severities if layer.severities is None else layer.severities,
            corrected=self.corrected if layer.corrected is None else layer.corrected,
            source=source,
        )

    def rate(self, code: str) -> Decimal:
        """Points one counted finding of ``code`` deducts."""
        found = _longest(self.deduct, code)
        return Decimal(0) if found is None else found

    def cap_for(self, code: str) -> Decimal | None:
        """The most that the findings of ``code`` together deduct, or None."""
        return _longest(self.cap, code)

    def counts(self, diagnostic: Diagnostic) -> bool:
        """Whether ``diagnostic`` can deduct: it is about the report, at a severity the scheme counts."""
        return not diagnostic.unread and diagnostic.severity in self.severities

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "base": number(self.base),
            "deduct": {prefix: number(value) for prefix, value in self.deduct},
            "cap": {prefix: number(value) for prefix, value in self.cap},
            "severities": [s.value for s in Severity if s in self.severities],
            "corrected": number(self.corrected),
        }


DEFAULT_SCHEME = Scheme(Decimal(0), (), (), frozenset()).over(DEFAULT_LAYER, "default")


def number(value: Decimal) -> int | float:
    """A decimal as JSON shows it: an integer when whole (``100``), else the nearest float (``97.5``)."""
    return int(value) if value == value.to_integral_value() else float(value)


# -- reading a scheme -------------------------------------------------------------------------------------


def read_layer(data: Any, where: str = "scoring", *, config: bool = True) -> SchemeLayer:
    """A scheme layer from a ``[tool.govlint.scoring]`` table (or a plugin's mapping, ``config=False``).

    Strict like the rest of the configuration: an unknown key names the nearest known one, a value of the
    wrong type or a negative deduction is a :class:`ConfigError` that names the key.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a table (base, deduct, cap, severities, corrected), got {data!r}")
    known = CONFIG_KEYS if config else LAYER_KEYS
    for key in data:
        if key not in known:
            nearest = difflib.get_close_matches(str(key), known, n=1, cutoff=0.5)
            hint = f"did you mean {nearest[0]!r}?" if nearest else f"known: {', '.join(known)}"
            raise ConfigError(f"{where}: unknown key {key!r} ({hint})")
    base = _points(f"{where}.base", data["base"]) if "base" in data else None
    severities = None
    if "severities" in data:
        value = data["severities"]
        if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f'{where}.severities: expected a list such as ["error", "warning"], got {value!r}')
        try:
            severities = frozenset(Severity.parse(v) for v in value)
        except ValueError as exc:
            raise ConfigError(f"{where}.severities: {exc}") from None
    scheme = data.get("scheme")
    if scheme is not None and (not isinstance(scheme, str) or not scheme.strip()):
        raise ConfigError(f"{where}.scheme: expected the name of a plugin that offers a scheme, got {scheme!r}")
    return SchemeLayer(
        base=base,
        deduct=_table(f"{where}.deduct", data.get("deduct", {})),
        cap=_table(f"{where}.cap", data.get("cap", {})),
        severities=severities,
        corrected=_points(f"{where}.corrected", data["corrected"]) if "corrected" in data else None,
        scheme=scheme,
    )


def _table(where: str, value: Any) -> tuple[tuple[str, Decimal], ...]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a table of CODE = points (GL2 = 2, GL105 = 0.5), got {value!r}")
    table = []
    for prefix, points in value.items():
        if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
            raise ConfigError(f"{where}: {prefix!r} is not a rule code or prefix (GL203, GL2, FJ, ALL)")
        table.append((prefix, _points(f"{where}.{prefix}", points)))
    return tuple(table)


def _points(where: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ConfigError(f"{where}: expected a number of points, 0 or more (2, 0.5), got {value!r}")
    return Decimal(str(value))


def scheme_for(config: Config, plugins: Plugins) -> Scheme:
    """The scheme of a run: the default, then a plugin's ``govlint_scoring_scheme``, then the configuration.

    With several plugins offering a scheme, the configuration's ``scheme = "NAME"`` chooses one; without
    it, that is a :class:`ConfigError` naming them (no plugin silently wins over another).  A plugin whose
    scheme is not valid, or whose hook raises, is a :class:`PluginError` naming it.
    """
    offered: dict[str, SchemeLayer] = {}
    names = _declared_names(plugins)
    for impl in plugins.manager.hook.govlint_scoring_scheme.get_hookimpls():
        name = names.get(impl.plugin_name, impl.plugin_name)
        try:
            data = impl.function()
            if data is not None:
                offered[name] = read_layer(data, f"plugin {name!r}: govlint_scoring_scheme", config=False)
        except ConfigError as exc:
            raise PluginError(str(exc)) from None
        except Exception as exc:
            raise PluginError(f"plugin {name!r}: govlint_scoring_scheme raised {type(exc).__name__}: {exc}") from None
    layer: SchemeLayer | None = config.scoring
    where = f"{config.path}: " if config.path else ""
    scheme = DEFAULT_SCHEME
    chosen = layer.scheme if layer is not None else None
    if chosen is not None:
        if chosen not in offered:
            have = ", ".join(sorted(offered)) or "none is installed"
            raise ConfigError(f"{where}scoring.scheme: no plugin {chosen!r} offers a scoring scheme ({have})")
        scheme = scheme.over(offered[chosen], f"plugin {chosen}")
    elif len(offered) > 1:
        raise ConfigError(
            f"{where}scoring: several plugins offer a scoring scheme ({', '.join(sorted(offered))}): "
            'choose one with scheme = "NAME" under [tool.govlint.scoring]'
        )
    elif offered:
        (name, only), *_ = offered.items()
        scheme = scheme.over(only, f"plugin {name}")
    if layer is not None and layer != SchemeLayer(scheme=layer.scheme):
        scheme = scheme.over(layer, config.path or "configuration")
    return scheme


def _declared_names(plugins: Plugins) -> dict[str, str]:
    """Registration name -> the name a plugin declares in ``govlint_plugin_info`` (what users see)."""
    names = {}
    for impl in plugins.manager.hook.govlint_plugin_info.get_hookimpls():
        try:
            info = impl.function()
        except Exception:  # already refused when the plugins were loaded
            continue
        if isinstance(info, Mapping) and isinstance(info.get("name"), str):
            names[impl.plugin_name] = info["name"]
    return names


# -- scoring ----------------------------------------------------------------------------------------------


@attrs.frozen(repr=False)
class Deduction(Record):
    """What the counted findings of one code deduct: ``min(count × rate, cap)``."""

    code: str
    count: int
    rate: Decimal
    points: Decimal
    #: Whether the cap lowered the points.
    capped: bool = False


@attrs.frozen(repr=False)
class ReportScore(Record):
    """One report's score and what made it, or (``score`` None) a file that could not be read."""

    path: str
    agency: str | None
    year: int | None
    #: None for a file govlint could not read (its GL001 notice is :attr:`unreadable`).
    score: Decimal | None
    #: Per code with counted findings, in code order (a code whose rate is 0 is listed with 0 points).
    deductions: tuple[Deduction, ...] = ()
    #: Findings about the report by severity (unread places not included).
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    #: The places govlint could not read (``Diagnostic.unread``): to read by hand, never deducted.
    unread: tuple[Diagnostic, ...] = ()
    unreadable: Diagnostic | None = None
    #: The same body's score for the year before (上年得分), when the run or the history holds it.
    previous: Decimal | None = None
    #: Table 四's corrected reviews and lawsuits, None when govlint could not read them; and their points.
    corrected_cases: int | None = None
    corrected_points: Decimal = Decimal(0)

    @property
    def deducted(self) -> Decimal:
        return sum((d.points for d in self.deductions), self.corrected_points)

    @property
    def unread_count(self) -> int:
        """How many places govlint could not read: the notice past the per-rule cap stands for the places it
        did not list (:attr:`Diagnostic.weight`), as in every other count."""
        return sum(d.weight for d in self.unread)

    def count(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings, Severity.INFO: self.infos}[severity]

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The JSON ``score`` object of a report (docs/json.md)."""
        return {
            "value": None if self.score is None else number(self.score),
            "previous": None if self.previous is None else number(self.previous),
            "deducted": number(self.deducted),
            "deductions": {
                d.code: {"count": d.count, "rate": number(d.rate), "points": number(d.points), "capped": d.capped}
                for d in self.deductions
            },
            "counts": {s.value: self.count(s) for s in Severity},
            "corrected_cases": self.corrected_cases,
            "corrected_points": number(self.corrected_points),
            "unread": self.unread_count,
            "unread_places": [_place(d) for d in self.unread],
            "unreadable": None if self.unreadable is None else self.unreadable.message(lang),
        }


def _place(diagnostic: Diagnostic) -> dict[str, Any]:
    loc = diagnostic.location
    place: dict[str, Any] = {"code": diagnostic.code, "key": diagnostic.key, "line": loc.line}
    for name in ("page", "table", "row", "cell_column"):
        value = getattr(loc, name)
        if value is not None:
            place[name] = value
    return place


def score_report(
    path: str,
    diagnostics: Iterable[Diagnostic],
    scheme: Scheme = DEFAULT_SCHEME,
    *,
    agency: str | None = None,
    year: int | None = None,
    corrected_cases: int | None = None,
) -> ReportScore:
    """Score one report's reported findings, and its corrected cases when known, by ``scheme`` (the module
    docstring's formula).

    A GL001 notice among them marks a file that could not be read: it gets no score.
    """
    findings = tuple(diagnostics)
    unreadable = next((d for d in findings if d.code == UNREADABLE), None)
    unread = tuple(d for d in findings if d.unread and d is not unreadable)
    about = [d for d in findings if not d.unread]
    counted: dict[str, int] = {}
    for d in about:
        if scheme.counts(d):  # the notice of a capped code counts as the findings it stands for
            counted[d.code] = counted.get(d.code, 0) + d.weight
    deductions = []
    for code in sorted(counted, key=code_order):
        rate = scheme.rate(code)
        raw = counted[code] * rate
        cap = scheme.cap_for(code)
        points = raw if cap is None else min(raw, cap)
        deductions.append(Deduction(code, counted[code], rate, points, points < raw))
    corrected = Decimal(0) if corrected_cases is None else corrected_cases * scheme.corrected
    total = sum((d.points for d in deductions), corrected)
    by = {s: sum(d.weight for d in about if d.severity is s) for s in Severity}
    return ReportScore(
        path=path,
        agency=agency,
        year=year,
        score=None if unreadable is not None else max(Decimal(0), scheme.base - total),
        deductions=tuple(deductions),
        errors=by[Severity.ERROR],
        warnings=by[Severity.WARNING],
        infos=by[Severity.INFO],
        unread=unread,
        unreadable=unreadable,
        corrected_cases=None if unreadable is not None else corrected_cases,
        corrected_points=Decimal(0) if unreadable is not None else corrected,
    )


@attrs.frozen(repr=False)
class Setup(Record):
    """What the outputs need to score a run: the scheme, the body-name aliases (``[tool.govlint.aliases]``,
    so that a renamed body's reports are still one body's), and earlier years' scores by (body, year): given
    (``history``), or those of the reports of ``earlier``, read when the scores are made, after the run, so
    that a file both in the run and in the history is read once."""

    scheme: Scheme = DEFAULT_SCHEME
    aliases: tuple[tuple[str, str], ...] = ()
    history: tuple[tuple[tuple[str, int], Decimal], ...] = ()
    earlier: History | None = attrs.field(default=None, eq=False, repr=False)

    def previous_scores(self) -> dict[tuple[str, int], Decimal]:
        """The earlier years' scores by (body, year)."""
        found = dict(self.history)
        if self.earlier is not None:
            found.update(history_scores(self.earlier.results(), self.scheme, dict(self.aliases)))
        return found


def setup_for(config: Config, plugins: Plugins, history: History | None = None) -> Setup:
    """The scoring of a run whose first report ``config`` applies to, with the scores of the earlier years'
    reports of ``history`` (read with ``lint``; see :func:`history_scores`)."""
    options = config.rule_options(plugins.options)
    names = tuple(aliases(options.get(OPTION_ALIASES, {})).items())
    scheme = scheme_for(config, plugins)
    return Setup(scheme, names, earlier=history)


def history_scores(
    results: Iterable[LintResult], scheme: Scheme, aliases: Mapping[str, str] | None = None
) -> tuple[tuple[tuple[str, int], Decimal], ...]:
    """The scores of earlier years' reports by (body, year), from their findings (each linted with the
    configuration that applies to it), scored by ``scheme``, the run's, so that the two years compare.  A
    body and year with two reports gives no score: as :meth:`govlint.crossreport.Run.previous`, a score is
    shown only when it is certain whose it is."""
    found: dict[tuple[str, int], list[Decimal | None]] = {}
    for result in results:
        identity = identity_of(result.agency, result.report_year, aliases)
        if identity is not None:
            score = score_report(result.path, result.diagnostics, scheme, corrected_cases=result.corrected_cases).score
            found.setdefault(identity.key, []).append(score)
    return tuple((key, scores[0]) for key, scores in found.items() if len(scores) == 1 and scores[0] is not None)


class RunScores:
    """The scores of a run, built from the formatter's :class:`~govlint.output.FileOutput` stream.

    The outputs of one path are merged (a cross-report finding comes after the file's own, and counts on
    the report it is anchored in).  A path is a report when govlint read it (the output carries its text)
    or could not read it (GL001); a document that is not a report (GL002), skipped paths, unreadable folders
    and paths such as a roster's are not.
    """

    def __init__(self, setup: Setup | None = None) -> None:
        setup = setup or Setup()
        self.scheme = setup.scheme
        self.aliases = dict(setup.aliases)
        self._setup = setup
        self._findings: dict[str, list[Diagnostic]] = {}
        self._identity: dict[str, tuple[str | None, int | None]] = {}
        self._corrected: dict[str, int] = {}
        self._reports: list[str] = []
        self._folders: list[Diagnostic] = []

    def add(self, output: FileOutput) -> None:
        path = output.path
        if path not in self._findings:
            self._findings[path] = []
            codes = {d.code for d in output.diagnostics}
            if (output.text is not None or UNREADABLE in codes) and not codes & SKIPPED_CODES:
                self._reports.append(path)
            self._folders.extend(d for d in output.diagnostics if d.code == FOLDER_UNREADABLE)
        self._findings[path].extend(output.diagnostics)
        agency, year = self._identity.get(path, (None, None))
        self._identity[path] = (agency or output.agency, year if year is not None else output.report_year)
        if output.corrected_cases is not None:
            self._corrected.setdefault(path, output.corrected_cases)

    def identity(self, path: str) -> tuple[str | None, int | None]:
        """The body and year of ``path`` (added), as its outputs so far have it."""
        return self._identity[path]

    def reports(self) -> list[ReportScore]:
        """Every report in run order, scored, with last year's score where the run or history has it."""
        scored = []
        for path in self._reports:
            agency, year = self._identity[path]
            corrected = self._corrected.get(path)
            scored.append(
                score_report(
                    path, self._findings[path], self.scheme, agency=agency, year=year, corrected_cases=corrected
                )
            )
        by_key: dict[tuple[str, int], list[ReportScore]] = {}
        for report in scored:
            key = self.key(report.agency, report.year)
            if key is not None and report.score is not None:
                by_key.setdefault(key, []).append(report)
        result = []
        history = self._setup.previous_scores()
        for report in scored:
            key = self.key(report.agency, report.year)
            previous = None
            if key is not None:
                found = by_key.get((key[0], key[1] - 1), [])
                previous = found[0].score if len(found) == 1 else history.get((key[0], key[1] - 1))
            result.append(attrs.evolve(report, previous=previous))
        return result

    def key(self, agency: str | None, year: int | None) -> tuple[str, int] | None:
        """The identity key of a body's report for a year (crossreport's, with the run's aliases)."""
        identity = identity_of(agency, year, self.aliases)
        return None if identity is None else identity.key

    def summary(self, reports: Sequence[ReportScore], lang: str = "zh") -> dict[str, Any]:
        """The run's ``scoring`` object (docs/json.md)."""
        values = [r.score for r in reports if r.score is not None]
        unreadable = [r.unreadable for r in reports if r.unreadable is not None]
        return {
            "scheme": self.scheme.to_dict(),
            "reports": len(reports),
            "scored": len(values),
            "mean": number(_mean(values)) if values else None,
            "min": number(min(values)) if values else None,
            "max": number(max(values)) if values else None,
            "unread": sum(r.unread_count for r in reports),
            "reports_with_unread": sum(1 for r in reports if r.unread),
            "unreadable": [
                {"path": d.location.path, "code": d.code, "reason": d.message(lang)}
                for d in (*unreadable, *self._folders)
            ],
        }


def _mean(values: Sequence[Decimal]) -> Decimal:
    """The mean, to two decimal places (a score is read, not computed with)."""
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))
