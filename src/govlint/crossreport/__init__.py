"""Checks across the reports of a run: report identity, the run-level phase and the cross-report rules.

- :func:`digest` keeps what the phase needs of each parsed report, with its :class:`Identity`;
- :class:`CrossRule` (and :class:`PairRule`, for last year's report of the same body) is the rule API;
- :func:`check_run` runs the selected cross-report rules and the plugins' ``govlint_check_run`` hooks;
- :func:`load_run` builds a :class:`Run` from digests, the ``--history`` folder and the roster.
"""

from __future__ import annotations

from govlint.crossreport.digest import Digest, digest, line_column, section_span
from govlint.crossreport.identity import Identity, identity_of, normalise_body
from govlint.crossreport.roster import Roster, RosterEntry, read_roster
from govlint.crossreport.run import CrossRule, PairRule, Run, check_run, wants_run

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
    "normalise_body",
    "read_roster",
    "section_span",
    "wants_run",
]
