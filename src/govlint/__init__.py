"""govlint: lint Chinese government information-disclosure annual reports (政府信息公开工作年度报告).

Parse a report and run the rules::

    import govlint

    report = govlint.parse_file("2024年报告.docx")      # or govlint.parse_text(text)
    result = govlint.lint_file("2024年报告.docx", govlint.Config(select=["GL2"]))
    for diagnostic in result.diagnostics:
        print(diagnostic.code, diagnostic.message("zh"))

The functions are in :mod:`govlint.api`; the records they return (``Report``, ``LintResult``,
``Diagnostic``) and the configuration (``Config``) are imported on first use, so that ``import govlint``
stays cheap for a pre-commit hook.  A plugin marks its hooks with :data:`hookimpl`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

from govlint.api import (
    AmbiguousSourceWarning,
    lint,
    lint_file,
    lint_text,
    parse,
    parse_file,
    parse_text,
)

__version__ = "0.1.0"

#: Marks a plugin's hook implementations: ``@govlint.hookimpl def govlint_rules(): ...``.
hookimpl = pluggy.HookimplMarker("govlint")

__all__ = [
    "AmbiguousSourceWarning",
    "Config",
    "Diagnostic",
    "LintResult",
    "Report",
    "Severity",
    "__version__",
    "hookimpl",
    "lint",
    "lint_file",
    "lint_text",
    "parse",
    "parse_file",
    "parse_text",
]

#: The records of the public API, imported on first use: name -> module.
_LAZY = {
    "Config": "govlint.config",
    "Diagnostic": "govlint.diagnostics",
    "Severity": "govlint.diagnostics",
    "LintResult": "govlint.linter",
    "Report": "govlint.model",
}

if TYPE_CHECKING:
    from govlint.config import Config
    from govlint.diagnostics import Diagnostic, Severity
    from govlint.linter import LintResult
    from govlint.model import Report


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API (``dir(govlint)``), not the module's own imports."""
    return sorted(__all__)
