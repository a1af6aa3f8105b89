"""SARIF 2.1.0: one run, the selected rules with their help, one result per finding.

Columns are code points (``columnKind: unicodeCodePoints``) and ``endColumn`` is exclusive, as in govlint's
spans.  Each result carries ``partialFingerprints["govlint/v1"]`` (:attr:`Diagnostic.fingerprint`, stable
across runs and edits elsewhere in the file); with a baseline, every result has a ``baselineState``
(``new`` or ``unchanged``) and the unchanged ones are listed too.  Rule failures become
``toolExecutionNotifications``, and so does each file or folder that could not be read (GL001, GL005),
besides its result; either makes ``executionSuccessful`` false.  The page, table, row and column of a PDF
or Word source are in a result's ``properties``.  What govlint could not read (``Diagnostic.unread``) is a
result of ``kind: "open"`` (the tool could not decide) with level ``none`` and ``properties.unread``.  A
rule's ``helpUri`` is its page online (:func:`help_uri`).
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import govlint
from govlint.diagnostics import Diagnostic, Severity
from govlint.notices import ERROR_CODES
from govlint.output import FileOutput, Formatter, OutputOptions, to_json
from govlint.output.ruledoc import rule_markdown
from govlint.rule import RuleMeta

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from govlint.linter import RuleFailure

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/govlint/"
FINGERPRINT_KEY = "govlint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SRCROOT = "%SRCROOT%"
#: The ``[project.urls]`` entry that is the address of govlint's docs/ folder: the rule pages are rules/CODE.md
#: under it.  pyproject.toml is the one place to set it (docs/cli.md, "sarif").
DOCS_URL_LABEL = "Documentation"


def artifact_location(path: str, cwd: str) -> dict[str, str]:
    """A file's URI: relative to the working directory (``%SRCROOT%``) when inside it, else absolute.

    The path's bytes are percent-encoded, so a name that is not UTF-8 keeps its bytes (``%FF``)."""
    if path in ("-", "<stdin>"):
        return {"uri": "stdin"}
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(os.fsencode(Path(relative).as_posix())), "uriBaseId": _SRCROOT}


@functools.cache
def project_urls() -> dict[str, str]:
    """govlint's ``[project.urls]``: from the source tree's pyproject.toml when govlint runs from one (that tree
    is what runs), else from the installed distribution's metadata; empty when neither has them."""
    pyproject = Path(govlint.__file__).resolve().parents[2] / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        project = {}
    if project.get("name") == "govlint":
        return {str(label): str(url) for label, url in project.get("urls", {}).items()}
    try:
        entries = importlib.metadata.metadata("govlint").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return {}
    return dict(entry.split(", ", 1) for entry in entries if ", " in entry)


def help_uri(meta: RuleMeta) -> str | None:
    """Where the rule's page is online: a plugin rule's own ``help_url``, a built-in (GL) rule's
    ``rules/CODE.md`` under the ``Documentation`` address of ``[project.urls]``.

    None without an address, and for one that cannot work: not absolute http(s), or on a host under
    ``.invalid`` (RFC 2606: a placeholder that never resolves).  The page is in ``help`` anyway."""
    url = meta.help_url
    if url is None and meta.code.startswith("GL"):
        docs = project_urls().get(DOCS_URL_LABEL)
        url = f"{docs.rstrip('/')}/rules/{meta.code}.md" if docs else None
    if not isinstance(url, str):  # none, or a plugin's value of another type
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme not in ("http", "https") or not host or host == "invalid" or host.endswith(".invalid"):
        return None
    return url


def rule_descriptor(meta: RuleMeta, lang: str) -> dict[str, Any]:
    why = meta.why(lang)
    descriptor: dict[str, Any] = {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary(lang)},
        "fullDescription": {"text": why},
        "help": {"text": why, "markdown": rule_markdown(meta, None, lang)},
        "defaultConfiguration": {"level": _LEVEL[meta.severity]},
        "properties": {"category": meta.category, "formats": sorted(meta.formats)},
    }
    url = help_uri(meta)
    if url is not None:
        descriptor["helpUri"] = url
    return descriptor


class SarifFormatter(Formatter):
    def __init__(self, options: OutputOptions, *, cwd: str | None = None) -> None:
        super().__init__(options)
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self.findings: list[tuple[Diagnostic, str]] = []
        self.failures: list[tuple[str, RuleFailure]] = []
        self.rule_index: dict[str, int] = {}

    def file(self, output: FileOutput) -> str:
        states = [(d, "new") for d in output.diagnostics] + [(d, "unchanged") for d in output.unchanged]
        states.sort(key=lambda item: (item[0].location.line, item[0].location.column, item[0].code))
        self.findings.extend(states)
        self.failures.extend((output.path, failure) for failure in output.errors)
        return ""

    def notification(self, path: str, failure: RuleFailure) -> dict[str, Any]:
        notification: dict[str, Any] = {
            "level": "error",
            "message": {"text": failure.message(self.options.lang)},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path, self.cwd)}}],
        }
        if failure.code:
            notification["associatedRule"] = {"id": failure.code}
            if failure.code in self.rule_index:
                notification["associatedRule"]["index"] = self.rule_index[failure.code]
        return notification

    def result(self, d: Diagnostic, state: str) -> dict[str, Any]:
        loc = d.location
        end_line = max(loc.end_line, loc.line)
        end_column = max(loc.end_column, loc.column) if end_line == loc.line else max(loc.end_column, 1)
        result: dict[str, Any] = {"ruleId": d.code}
        if d.code in self.rule_index:
            result["ruleIndex"] = self.rule_index[d.code]
        if d.unread:
            # SARIF 3.27.9: "open" = undecided, not failed; its level is "none", below every problem's
            result["kind"] = "open"
        result.update(
            {
                "level": "none" if d.unread else _LEVEL[d.severity],
                "message": {"text": d.message(self.options.lang)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact_location(loc.path, self.cwd),
                            "region": {
                                "startLine": loc.line,
                                "startColumn": loc.column,
                                "endLine": end_line,
                                "endColumn": end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT_KEY: d.fingerprint},
            }
        )
        if self.options.baseline:
            result["baselineState"] = state
        properties = {
            name: getattr(loc, name)
            for name in ("page", "table", "row", "cell_column")
            if getattr(loc, name) is not None
        }
        if d.key:
            properties["key"] = d.key
        if d.unread:
            properties["unread"] = True
        if properties:
            result["properties"] = properties
        return result

    def unread_notification(self, d: Diagnostic) -> dict[str, Any]:
        """A file or folder left unchecked (GL001, GL005) also tells the run that it was not complete."""
        notification: dict[str, Any] = {
            "level": "error",
            "message": {"text": d.message(self.options.lang)},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(d.location.path, self.cwd)}}],
            "associatedRule": {"id": d.code},
        }
        if d.code in self.rule_index:
            notification["associatedRule"]["index"] = self.rule_index[d.code]
        return notification

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        self.rule_index = {meta.code: i for i, meta in enumerate(rules)}
        notifications = [self.notification(path, failure) for path, failure in self.failures]
        notifications += [self.unread_notification(d) for d, _ in self.findings if d.code in ERROR_CODES]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "govlint",
                    "version": govlint.__version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [rule_descriptor(meta, self.options.lang) for meta in rules],
                }
            },
            "language": "en-US" if self.options.lang == "en" else "zh-CN",
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {_SRCROOT: {"uri": Path(self.cwd).as_uri().rstrip("/") + "/"}},
            "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
            "results": [self.result(d, state) for d, state in self.findings],
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        return to_json(log)
