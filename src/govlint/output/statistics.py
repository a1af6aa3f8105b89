"""``--statistics``: how many findings of each code, most frequent first, instead of the findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from govlint.diagnostics import Severity
from govlint.output import NO_PROBLEMS, SEVERITY_NAMES, FileOutput, Formatter, OutputOptions, to_json
from govlint.rule import RuleMeta


class StatisticsFormatter(Formatter):
    def __init__(self, options: OutputOptions, *, as_json: bool = False) -> None:
        super().__init__(options)
        self.as_json = as_json
        self.counts: Counter[str] = Counter()
        self.severity: dict[str, Severity] = {}

    def file(self, output: FileOutput) -> str:
        for d in output.diagnostics:
            self.counts[d.code] += d.weight
            # With severity overrides a code may appear at several levels; show the highest.
            if d.code not in self.severity or d.severity.rank > self.severity[d.code].rank:
                self.severity[d.code] = d.severity
        return ""

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        lang = self.options.lang
        summaries = {m.code: (m.summary_en if lang == "en" else m.summary_zh) for m in rules}
        rows = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        if self.as_json:
            data = [
                {"code": code, "count": n, "severity": self.severity[code].value, "summary": summaries.get(code, "")}
                for code, n in rows
            ]
            return to_json(data)
        if not rows:
            return NO_PROBLEMS[lang] + "\n"
        width = max((len(str(n)) for _, n in rows), default=1)
        return "".join(
            f"{n:>{width}}  {code:<6} [{SEVERITY_NAMES[lang][self.severity[code]]}] {summaries.get(code, '')}".rstrip()
            + "\n"
            for code, n in rows
        )
