"""The JSON format: one object with every reported diagnostic (``Diagnostic.to_dict``) and rule failure, each
report's score (``reports``) and the run's (``scoring``); the fields are described in docs/json.md."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import govlint
from govlint.diagnostics import Severity
from govlint.output import FileOutput, Formatter, OutputOptions, Tally, to_json
from govlint.rule import RuleMeta
from govlint.scoring import RunScores


class JsonFormatter(Formatter):
    def __init__(self, options: OutputOptions) -> None:
        super().__init__(options)
        self.diagnostics: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []
        self.tally = Tally()
        self.scores = RunScores(options.scoring)

    def file(self, output: FileOutput) -> str:
        self.tally.add(output)
        self.scores.add(output)
        self.diagnostics.extend(d.to_dict(self.options.lang) for d in output.diagnostics)
        self.errors.extend(e.to_dict(self.options.lang) for e in output.errors)
        return ""

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        tally = self.tally
        lang = self.options.lang
        reports = self.scores.reports()
        data = {
            "tool": "govlint",
            "version": govlint.__version__,
            "files": tally.files,
            "summary": {
                **{s.value: tally.counts[s] for s in Severity},
                "unread": tally.unread,
                "skipped": tally.skipped,
                "baselined": tally.baselined,
            },
            "diagnostics": self.diagnostics,
            "errors": self.errors,
            "reports": [{"path": r.path, "body": r.agency, "year": r.year, "score": r.to_dict(lang)} for r in reports],
            "scoring": self.scores.summary(reports, lang),
        }
        return to_json(data)
