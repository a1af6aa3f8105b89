"""Baselines: record today's findings, and later report only the new ones.

A finding is recorded by a key that does not depend on where the file lies or on line numbers:

    sha256(report identity + Diagnostic.fingerprint)

where :attr:`Diagnostic.fingerprint` covers the rule code, the stable key of what the finding is about
(``applications.results_total.natural_person``) and the expected and actual values, and the report
identity is the body and year the parser read (``某某区人民政府办公室|2023``), or the file name when the
parser found neither.  So a published report can be moved or re-saved and its known faults stay
baselined, while next year's report (another year, so another identity) gets every fault reported.
Keys are counted: if a finding occurs twice and the baseline holds one, the second is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from govlint.diagnostics import Diagnostic
from govlint.errors import InputError
from govlint.linter import LintResult

FORMAT_VERSION = 1


def report_identity(result: LintResult) -> str:
    """The body and year of the report, or its file name when the parser found neither."""
    if result.agency and result.report_year:
        return f"{''.join(result.agency.split())}|{result.report_year}"
    return "file:" + os.path.basename(result.path.replace("\\", "/"))


def finding_key(result: LintResult, diagnostic: Diagnostic) -> str:
    basis = f"{report_identity(result)}\x1f{diagnostic.fingerprint}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


@attrs.frozen
class Baseline:
    """The keys of recorded findings, with their counts."""

    counts: Counter[str] = attrs.field(factory=Counter, eq=False)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        """Read a baseline file; InputError when it is missing or not a govlint baseline."""
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except OSError as exc:
            raise InputError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
        except (ValueError, UnicodeDecodeError):
            raise InputError(f"{path}: not a govlint baseline (invalid JSON)") from None
        except RecursionError:
            raise InputError(f"{path}: not a govlint baseline (arrays or objects nested too deeply)") from None
        findings = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(findings, list) or data.get("govlint_baseline") != FORMAT_VERSION:
            raise InputError(f"{path}: not a govlint baseline of format {FORMAT_VERSION}")
        keys: list[str] = []
        for finding in findings:
            key = finding.get("key") if isinstance(finding, dict) else None
            if not isinstance(key, str):
                raise InputError(f"{path}: baseline entry {finding!r} has no key")
            keys.append(key)
        return cls(Counter(keys))

    def split(self, result: LintResult) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
        """The result's diagnostics as (new, unchanged)."""
        remaining = Counter(self.counts)
        new: list[Diagnostic] = []
        unchanged: list[Diagnostic] = []
        for diagnostic in result.diagnostics:
            key = finding_key(result, diagnostic)
            if remaining[key] > 0:
                remaining[key] -= 1
                unchanged.append(diagnostic)
            else:
                new.append(diagnostic)
        return tuple(new), tuple(unchanged)


def dump(results: Iterable[LintResult]) -> str:
    """The baseline file recording every diagnostic of ``results`` (sorted, so that diffs stay small)."""
    findings: list[dict[str, Any]] = []
    for result in results:
        for d in result.diagnostics:
            findings.append(
                {
                    "key": finding_key(result, d),
                    "code": d.code,
                    "report": report_identity(result),
                    "path": result.path,
                    "line": d.location.line,
                    "message": d.message_zh,
                }
            )
    findings.sort(key=lambda f: (f["path"], f["line"], f["code"], f["key"]))
    data = {"govlint_baseline": FORMAT_VERSION, "findings": findings}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
