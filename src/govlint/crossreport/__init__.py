"""Checks across the reports of a run: report identity, the run-level phase and the cross-report rules.

- :func:`digest` keeps what the phase needs of each parsed report, with its :class:`Identity`;
- :class:`CrossRule` (and :class:`PairRule`, for last year's report of the same body) is the rule API;
- :func:`check_run` runs the selected cross-report rules and the plugins' ``govlint_check_run`` hooks over
  a :class:`Run` of digests, the earlier years' references and the roster;
- :func:`load_history` reads the references under the ``--history`` folders.  It is imported on first use:
  only a run with history walks folders for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govlint.crossreport.digest import Digest, digest, line_column, section_span
from govlint.crossreport.identity import Identity, identity_of, normalise_body
from govlint.crossreport.roster import Roster, RosterEntry, read_roster
from govlint.crossreport.run import CrossRule, PairRule, Run, check_run, wants_run

if TYPE_CHECKING:
    from govlint.crossreport.history import load_history

__all__ = [
    "CrossRule",
    "Digest",
    "Identity",
    "PairRule",
    "Roster",
    "RosterEntry",
    "Run",
    "check_run",
    "digest",
    "identity_of",
    "line_column",
    "load_history",
    "normalise_body",
    "read_roster",
    "section_span",
    "wants_run",
]


def __getattr__(name: str) -> Any:
    if name != "load_history":
        raise AttributeError(f"module 'govlint.crossreport' has no attribute {name!r}")
    from govlint.crossreport.history import load_history

    globals()[name] = load_history
    return load_history
