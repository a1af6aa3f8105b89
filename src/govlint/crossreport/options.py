"""The run phase's settings that the rules' metadata, the command line and the collector read on every run:
the keys of the aliases and the roster, and the aliases checked.  Apart from :mod:`~govlint.crossreport.identity`,
whose record only a run that compares reports makes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govlint.errors import ConfigError

#: The configuration key of the aliases (``[tool.govlint.aliases]``).
OPTION_ALIASES = "aliases"
#: The configuration key naming the roster (``roster = "roster.csv"``; ``--roster``): the bodies that must
#: publish (:mod:`govlint.crossreport.roster`, loaded only when one is named).
OPTION_ROSTER = "roster"


def aliases(value: Any) -> dict[str, str]:
    """The ``aliases`` setting (``[tool.govlint.aliases]``: old name = current name), checked."""
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ConfigError(f'{OPTION_ALIASES}: expected a table of old name = "current name", got {value!r}')
    return dict(value)
