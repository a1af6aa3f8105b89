"""The built-in rules, registered as an ordinary plugin ("govlint-builtin") through the same hooks as a
province's package: structure (GL1xx), table consistency (GL2xx), fees (GL3xx), dates (GL4xx), the
cross-report rules (GL5xx), the text against the tables and the substance of section 五 (GL6xx)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import govlint
from govlint.crossreport.rules import CROSS_OPTIONS, CROSS_RULES
from govlint.hookspecs import PLUGIN_API_VERSION
from govlint.notices import NOTICE_RULES
from govlint.rule import Rule
from govlint.rules.dates import DATE_OPTIONS, DATE_RULES
from govlint.rules.decoding import DecodedWithReplacement
from govlint.rules.fees import FeeAmount, FeeContradictsTable, FeeNotDisclosed
from govlint.rules.structure import DEVIATION_RULES, STRUCTURE_RULES
from govlint.rules.substance import SUBSTANCE_OPTIONS, SUBSTANCE_RULES
from govlint.rules.tables import TABLE_RULES, UNREAD_RULES
from govlint.rules.text import TEXT_RULES

#: Every built-in rule class, in code order.
BUILTIN_RULES: tuple[type[Rule], ...] = (
    *NOTICE_RULES,
    DecodedWithReplacement,
    *STRUCTURE_RULES,
    *UNREAD_RULES,
    *DEVIATION_RULES,
    *TABLE_RULES,
    FeeNotDisclosed,
    FeeContradictsTable,
    FeeAmount,
    *DATE_RULES,
    *CROSS_RULES,
    *TEXT_RULES,
    *SUBSTANCE_RULES,
)


@govlint.hookimpl
def govlint_plugin_info() -> dict[str, Any]:
    return {
        "name": "govlint-builtin",
        "version": govlint.__version__,
        "api_version": PLUGIN_API_VERSION,
        "code_prefixes": ["GL"],
    }


@govlint.hookimpl
def govlint_rules() -> Sequence[type[Rule]]:
    return list(BUILTIN_RULES)


@govlint.hookimpl
def govlint_add_options() -> dict[str, Any]:
    return {**DATE_OPTIONS, **CROSS_OPTIONS, **SUBSTANCE_OPTIONS}
