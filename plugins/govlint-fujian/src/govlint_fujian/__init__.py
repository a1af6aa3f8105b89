"""govlint-fujian: govlint rules for the 信息处理费收取情况 figures printed in Fujian (福建) annual reports.

govlint loads the rules through the ``govlint`` entry point declared in this distribution's metadata
(``govlint_fujian.plugin``); nothing here needs importing by hand.
"""

from __future__ import annotations

__version__ = "0.1.0"
