"""The JSON format: one object with every reported diagnostic (``Diagnostic.to_dict``) and rule failure."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

import govlint
from govlint.diagnostics import Severity
from govlint.output import FileOutput, Formatter, OutputOptions
from govlint.rule import RuleMeta


class JsonFormatter(Formatter):
    def __init__(self, options: OutputOptions) -> None:
        super().__init__(options)
        self.diagnostics: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []
        self.files = 0
        self.baselined = 0

    def file(self, output: FileOutput) -> str:
        self.files += 1
        self.baselined += len(output.unchanged)
        self.diagnostics.extend(d.to_dict(self.options.lang) for d in output.diagnostics)
        self.errors.extend(e.to_dict(self.options.lang) for e in output.errors)
        return ""

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        counts = Counter(d["severity"] for d in self.diagnostics)
        data = {
            "tool": "govlint",
            "version": govlint.__version__,
            "files": self.files,
            "summary": {**{s.value: counts[s.value] for s in Severity}, "baselined": self.baselined},
            "diagnostics": self.diagnostics,
            "errors": self.errors,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
