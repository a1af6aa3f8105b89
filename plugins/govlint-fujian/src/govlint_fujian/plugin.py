"""govlint's entry point into govlint-fujian: the hook implementations (``[project.entry-points.govlint]``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govlint import hookimpl
from govlint.rule import Rule
from govlint.schema import TableSpec

from govlint_fujian import __version__
from govlint_fujian.layout import FEE_TABLE
from govlint_fujian.rules import DEFAULT_FROM_YEAR, OPTION_FROM_YEAR, RULES

#: The govlint plugin API version this plugin was written against (govlint.hookspecs.PLUGIN_API_VERSION).
API_VERSION = 1


#: Where the fee-table rules apply: the province (region code 35) and the places its reports are published by.
SCOPE = ["350000", "福州", "厦门", "莆田", "三明", "泉州", "漳州", "南平", "龙岩", "宁德", "平潭"]


@hookimpl
def govlint_plugin_info() -> dict[str, Any]:
    return {
        "name": "govlint-fujian",
        "version": __version__,
        "api_version": API_VERSION,
        "code_prefixes": ["FJ"],
        "scope": SCOPE,
    }


@hookimpl
def govlint_rules() -> Sequence[type[Rule]]:
    return RULES


@hookimpl
def govlint_tables() -> Sequence[TableSpec]:
    return [FEE_TABLE]


@hookimpl
def govlint_add_options() -> dict[str, Any]:
    return {OPTION_FROM_YEAR: DEFAULT_FROM_YEAR}
