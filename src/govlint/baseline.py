"""Baselines: record today's findings, and later report only the new ones.

A finding is recorded by a key that does not depend on where the file lies or on line numbers:

    sha256(report identity + Diagnostic.fingerprint)

where :attr:`Diagnostic.fingerprint` covers the rule code, the stable key of what the finding is about
(``applications.results_total.natural_person``) and the expected and actual values, and the report
identity is the body and year the parser read (``某某区人民政府办公室|2023``), or the file name when the
parser found neither.  So a published report can be moved or re-saved and its known faults stay
baselined, while next year's report (another year, so another identity) gets every fault reported.
Keys are counted: if a finding occurs twice and the baseline holds one, the second is new.

Each entry is a waiver: ``reason``, ``person`` and ``date`` say why the finding is accepted, who decided and
when (``--write-baseline`` leaves them empty for a reviewer to fill in, and keeps what was filled in for a
finding that is still there).  A waiver whose report was checked but whose finding is gone no longer matches
anything (:meth:`Baseline.unmatched`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from govlint.diagnostics import Diagnostic
from govlint.errors import InputError
from govlint.linter import LintResult
from govlint.output import to_json
from govlint.records import Record
from govlint.sources.guard import read_regular_file

FORMAT_VERSION = 1


def report_identity(result: LintResult) -> str:
    """The body and year of the report, or its file name when the parser found neither."""
    if result.agency and result.report_year:
        return f"{''.join(result.agency.split())}|{result.report_year}"
    return "file:" + os.path.basename(result.path.replace("\\", "/"))


def finding_key(result: LintResult, diagnostic: Diagnostic) -> str:
    basis = f"{report_identity(result)}\x1f{diagnostic.fingerprint}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


#: The fields of a waiver that a reviewer fills in; ``--write-baseline`` keeps them for findings still there.
WAIVER_FIELDS = ("reason", "person", "date")


@attrs.frozen(repr=False)
class Waiver(Record):
    """One recorded finding: what it is, and why, by whom and when it was accepted."""

    key: str
    code: str = ""
    report: str = ""
    path: str = ""
    line: int | None = None
    message: str = ""
    reason: str = ""
    person: str = ""
    date: str = ""

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.define(repr=False)
class Baseline(Record):
    """The recorded findings (waivers), and which of them this run has matched so far."""

    waivers: tuple[Waiver, ...] = ()
    _matched: Counter[str] = attrs.field(factory=Counter, init=False)
    _checked: set[str] = attrs.field(factory=set, init=False)

    @property
    def counts(self) -> Counter[str]:
        return Counter(w.key for w in self.waivers)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        """Read a baseline file; InputError when it is missing or not a govlint baseline."""
        try:
            # utf-8-sig: a baseline is edited by hand, and Notepad saves a BOM (it was "invalid JSON")
            data = json.loads(read_regular_file(os.fspath(path)).decode("utf-8-sig"))
        except InputError as exc:  # missing, not a regular file (a link to /dev/zero), over 50 MB
            raise _bad(
                path, f"无法读取基线文件（{exc.reason_zh or exc}）", f"cannot read baseline ({exc.reason_en or exc})"
            ) from None
        except (ValueError, UnicodeDecodeError):
            raise _bad(
                path, "不是 govlint 基线文件（JSON 格式错误）", "not a govlint baseline (invalid JSON)"
            ) from None
        except RecursionError:
            raise _bad(
                path,
                "不是 govlint 基线文件（数组或对象嵌套过深）",
                "not a govlint baseline (arrays or objects nested too deeply)",
            ) from None
        findings = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(findings, list) or data.get("govlint_baseline") != FORMAT_VERSION:
            raise _bad(
                path,
                f"不是格式 {FORMAT_VERSION} 的 govlint 基线文件",
                f"not a govlint baseline of format {FORMAT_VERSION}",
            )
        return cls(tuple(_waiver(path, finding) for finding in findings))

    def split(self, result: LintResult) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
        """The result's diagnostics as (new, unchanged); the waivers they match count as used."""
        remaining = self.counts
        new: list[Diagnostic] = []
        unchanged: list[Diagnostic] = []
        for diagnostic in result.diagnostics:
            key = finding_key(result, diagnostic)
            if remaining[key] > 0:
                remaining[key] -= 1
                self._matched[key] += 1
                unchanged.append(diagnostic)
            else:
                new.append(diagnostic)
        self._checked.add(report_identity(result))
        return tuple(new), tuple(unchanged)

    def unmatched(self) -> tuple[Waiver, ...]:
        """The waivers of the reports checked so far that matched no finding: the fault is gone (or changed)."""
        left = Counter(self._matched)
        stale: list[Waiver] = []
        for waiver in self.waivers:
            if left[waiver.key] > 0:
                left[waiver.key] -= 1
            elif waiver.report in self._checked:
                stale.append(waiver)
        return tuple(stale)


def _waiver(path: str | os.PathLike[str], finding: Any) -> Waiver:
    if not isinstance(finding, dict) or not isinstance(finding.get("key"), str):
        shown = _clip(repr(finding))
        raise _bad(path, f"基线记录 {shown} 缺少 key（字符串）", f"baseline entry {shown} has no key (a string)")
    fields = {name: finding[name] for name in attrs.fields_dict(Waiver) if name in finding}
    key = _clip(finding["key"])
    for name in ("code", "report", "path", "message", *WAIVER_FIELDS):
        if name in fields and not isinstance(fields[name], str):
            raise _bad(path, f"基线记录 {key}：{name} 应为字符串", f"baseline entry {key}: {name} must be a string")
    if not isinstance(fields.get("line"), (int, type(None))) or isinstance(fields.get("line"), bool):
        raise _bad(path, f"基线记录 {key}：line 应为数字", f"baseline entry {key}: line must be a number")
    return Waiver(**fields)


#: Longest piece of a baseline entry quoted in an error: an entry may hold a megabyte.
_QUOTED = 200


def _clip(text: str) -> str:
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


def _bad(path: str | os.PathLike[str], zh: str, en: str) -> InputError:
    """What is wrong with the baseline ``path``, in each language, as one line naming the file."""
    name = os.fspath(path)
    return InputError(f"{name}: {en}", path=name, reason_zh=zh, reason_en=en, kind="baseline")


def dump(
    results: Iterable[LintResult],
    *,
    previous: Baseline | None = None,
    unread: Iterable[str] = (),
    unchecked: Iterable[str] = (),
    unsought: Callable[[Waiver], bool] | None = None,
) -> str:
    """The baseline file recording every diagnostic of ``results`` (sorted, so that diffs stay small).

    With the ``previous`` baseline, a finding still there keeps its waiver's reason, person and date, and the
    waivers of the files in ``unread`` (reports that could not be read this time) and ``unchecked`` (files
    this run did not check: outside its paths, or left out), and those ``unsought`` says this run did not
    look for (a code it did not select for that file), are kept as they were.
    """
    unread_paths = {*unread, *unchecked}
    waivers = previous.waivers if previous else ()
    kept = [w for w in waivers if w.path in unread_paths or (unsought is not None and unsought(w))]
    filled: dict[str, list[Waiver]] = {}
    for waiver in previous.waivers if previous else ():
        filled.setdefault(waiver.key, []).append(waiver)
    findings = [w.to_dict() for w in kept]
    for result in results:
        for d in result.diagnostics:
            key = finding_key(result, d)
            old = filled.get(key)
            before = old.pop(0) if old else Waiver(key)
            findings.append(
                Waiver(
                    key=key,
                    code=d.code,
                    report=report_identity(result),
                    path=result.path,
                    line=d.location.line,
                    message=d.message_zh,
                    reason=before.reason,
                    person=before.person,
                    date=before.date,
                ).to_dict()
            )
    findings.sort(key=lambda f: (f["path"], f["line"] or 0, f["code"], f["key"]))
    data = {"govlint_baseline": FORMAT_VERSION, "findings": findings}
    # to_json writes a file name's bytes that are not UTF-8 as \udcXX (they were an internal error here)
    return to_json(data, indent=1)
