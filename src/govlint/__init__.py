"""govlint: lint Chinese government information-disclosure annual reports (政府信息公开工作年度报告).

The public API is imported lazily so that ``import govlint`` stays cheap for a pre-commit hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

__version__ = "0.1.0"

#: Marks a plugin's hook implementations: ``@govlint.hookimpl def govlint_rules(): ...``.
hookimpl = pluggy.HookimplMarker("govlint")

__all__ = ["__version__", "hookimpl", "lint", "parse"]

if TYPE_CHECKING:
    from govlint.api import lint, parse


def __getattr__(name: str) -> Any:
    if name in ("parse", "lint"):
        from govlint import api

        return getattr(api, name)
    raise AttributeError(f"module 'govlint' has no attribute {name!r}")
