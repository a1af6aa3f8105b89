"""The JSON format: one object with every reported diagnostic (``Diagnostic.to_dict``) and rule failure, each
report's score (``reports``) and the run's (``scoring``); the fields are described in docs/json.md.

The counts come first in the object but are known only at the end, so the findings are written as their
report is done into a :func:`govlint.atomic.spool` (one finding's object at a time, indented as in the whole
document), and the object is put together around it at the end: a run of 100,000 findings keeps none of
them in memory, and the output is the same as ``json.dumps(..., indent=2)`` of the whole.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import IO, Any

import govlint
from govlint.atomic import spool
from govlint.diagnostics import Severity
from govlint.output import FileOutput, Formatter, OutputOptions, Tally, to_json
from govlint.rule import RuleMeta
from govlint.scoring import RunScores

#: Where the findings go in the object: a string no finding can be (json.dumps escapes the NULs).
_HOLE = "\x00diagnostics\x00"
#: The findings' indent in the document: two levels of ``indent=2``.
_ITEM_INDENT = " " * 4
#: How much of the spool is handed on at a time.
_PIECE = 1 << 20


class JsonFormatter(Formatter):
    def __init__(self, options: OutputOptions) -> None:
        super().__init__(options)
        self.spool: IO[str] | None = None
        self.errors: list[dict[str, Any]] = []
        self.tally = Tally()
        self.scores = RunScores(options.scoring)

    def file(self, output: FileOutput) -> str:
        self.tally.add(output)
        self.scores.add(output)
        for d in output.diagnostics:
            if self.spool is None:  # made on the first finding: a run with none needs no file
                self.spool = io.TextIOWrapper(spool(self.options.output), encoding="utf-8", newline="")
            else:
                self.spool.write(",\n")
            item = to_json(d.to_dict(self.options.lang)).rstrip("\n")
            self.spool.write(_ITEM_INDENT + item.replace("\n", "\n" + _ITEM_INDENT))
        self.errors.extend(e.to_dict(self.options.lang) for e in output.errors)
        return ""

    def document(self, rules: Sequence[RuleMeta] = ()) -> Iterator[str]:
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
            "diagnostics": _HOLE,
            "errors": self.errors,
            "reports": [{"path": r.path, "body": r.agency, "year": r.year, "score": r.to_dict(lang)} for r in reports],
            "scoring": self.scores.summary(reports, lang),
        }
        before, _, after = to_json(data).partition(to_json(_HOLE, indent=None).rstrip("\n"))
        if self.spool is None:
            yield before + "[]" + after
            return
        yield before + "[\n"
        self.spool.seek(0)
        while piece := self.spool.read(_PIECE):
            yield piece
        self.spool.close()
        yield "\n  ]" + after

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        return "".join(self.document(rules))
