"""govlint's entry point into govlint-fujian: the hook implementations (``[project.entry-points.govlint]``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govlint import hookimpl
from govlint.rule import Rule

from govlint_fujian import __version__
from govlint_fujian.rules import DEFAULT_FROM_YEAR, OPTION_FROM_YEAR, RULES

#: The govlint plugin API version this plugin was written against (govlint.hookspecs.PLUGIN_API_VERSION).
API_VERSION = 1


@hookimpl
def govlint_plugin_info() -> dict[str, Any]:
    return {"name": "govlint-fujian", "version": __version__, "api_version": API_VERSION, "code_prefixes": ["FJ"]}


@hookimpl
def govlint_rules() -> Sequence[type[Rule]]:
    return RULES


@hookimpl
def govlint_add_options() -> dict[str, Any]:
    return {OPTION_FROM_YEAR: DEFAULT_FROM_YEAR}
