"""Checks across the reports of a run: report identity, the run-level phase and the cross-report rules.

- :func:`digest` keeps what the phase needs of each parsed report, with its :class:`Identity`;
- :class:`CrossRule` (and :class:`PairRule`, for last year's report of the same body) is the rule API;
- :func:`check_run` runs the selected cross-report rules and the plugins' ``govlint_check_run`` hooks over
  a :class:`Run` of digests, the earlier years' references and the roster;
- :func:`load_history` reads the references under the ``--history`` folders.

Every name is imported on first use (PEP 562): a check of one report compares it with nothing, and loads
neither the digests nor the comparisons (the text masks, ``difflib``, the similarity search), nor the
reports' identities (:mod:`~govlint.crossreport.identity`: the settings every run reads are in
:mod:`~govlint.crossreport.options`), nor a roster when none is named.  The cross-report rules reach the
modules they compare with
(:mod:`~govlint.crossreport.digests`, :mod:`~govlint.crossreport.similar`, :mod:`~govlint.crossreport.text`),
and the rules and the run phase the roster (:mod:`~govlint.crossreport.roster`, with :mod:`csv`), as
attributes of this package, so that loading their metadata does not load them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govlint.crossreport import digests as digests
    from govlint.crossreport import roster as roster
    from govlint.crossreport import similar as similar
    from govlint.crossreport import text as text
    from govlint.crossreport.digests import Digest, digest, section_span
    from govlint.crossreport.history import load_history
    from govlint.crossreport.identity import Identity, identity_of, normalise_body
    from govlint.crossreport.phase import Run, check_run
    from govlint.crossreport.roster import Roster, RosterEntry, read_roster
    from govlint.crossreport.run import CrossRule, PairRule, wants_run

#: Each public name and the module that defines it.
_HOMES = {
    "Digest": "digests",
    "digest": "digests",
    "section_span": "digests",
    "Identity": "identity",
    "identity_of": "identity",
    "normalise_body": "identity",
    "Roster": "roster",
    "RosterEntry": "roster",
    "read_roster": "roster",
    "CrossRule": "run",
    "PairRule": "run",
    "Run": "phase",
    "check_run": "phase",
    "wants_run": "run",
    "load_history": "history",
}
#: The modules the cross-report rules compare with, and the roster, reached as attributes of the package.
_MODULES = frozenset({"digests", "roster", "similar", "text"})

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
    "load_history",
    "normalise_body",
    "read_roster",
    "section_span",
    "wants_run",
]


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return importlib.import_module(f"{__name__}.{name}")  # the import makes it an attribute
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = found
    return found


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES, *_MODULES})
