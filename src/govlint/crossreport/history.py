"""Earlier years' reports for the run phase (``--history`` and the ``history`` option): each report under
the folders, parsed into its digest by the runner's workers, never linted.

Reached through :func:`govlint.crossreport.load_history`, which imports this module only when there is a
folder to read: a check without history never walks a folder for it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping

from govlint.config import Config
from govlint.crossreport.digest import Digest
from govlint.crossreport.rules import OPTION_HISTORY
from govlint.errors import ConfigError
from govlint.runner import Outcome, Task, run
from govlint.sources.discover import Skipped, iter_report_paths


def load_history(
    folders: Iterable[str],
    config: Config,
    aliases: Mapping[str, str] | None = None,
    *,
    exclude: Iterable[str] = (),
    jobs: int | None = None,
) -> tuple[Digest, ...]:
    """The reports under ``folders``, parsed as references (never linted) by the runner's workers (a PDF
    always in a worker, with its limits), in folder order.  A file that cannot be read or parsed is passed
    over: history only adds what can be compared."""
    skip = {os.path.abspath(p) for p in exclude}
    pairs = tuple((aliases or {}).items())
    tasks: list[Task | Outcome] = []
    for folder in folders:
        if not os.path.isdir(folder):
            raise ConfigError(f"{OPTION_HISTORY}: {folder} is not a directory")
        for path in iter_report_paths([folder]):
            if isinstance(path, Skipped):  # a symlink out of the folder, an unreadable folder: not a reference
                continue
            if os.path.abspath(str(path)) not in skip:
                tasks.append(Task(str(path), config, aliases=pairs, reference=True))
    with contextlib.closing(run(tasks, jobs=jobs)) as outcomes:
        return tuple(o.digest for o in outcomes if o.digest is not None)
