"""``--statistics``: how many findings of each code, most frequent first, instead of the findings.

What govlint could not read is counted apart, after the problems, with the level 未能读取 ("unread"): a code
that has both (GL101) has a row of each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from govlint.diagnostics import Severity
from govlint.output import NO_PROBLEMS, SEVERITY_NAMES, UNREAD_NAME, FileOutput, Formatter, OutputOptions, to_json
from govlint.rule import RuleMeta


class StatisticsFormatter(Formatter):
    def __init__(self, options: OutputOptions, *, as_json: bool = False) -> None:
        super().__init__(options)
        self.as_json = as_json
        #: Findings per code and whether they are unread places.
        self.counts: Counter[tuple[str, bool]] = Counter()
        self.severity: dict[tuple[str, bool], Severity] = {}

    def file(self, output: FileOutput) -> str:
        for d in output.diagnostics:
            key = (d.code, d.unread)
            self.counts[key] += d.weight
            # With severity overrides a code may appear at several levels; show the highest.
            if key not in self.severity or d.severity.rank > self.severity[key].rank:
                self.severity[key] = d.severity
        return ""

    def finish(self, rules: Sequence[RuleMeta] = ()) -> str:
        lang = self.options.lang
        summaries = {m.code: (m.summary_en if lang == "en" else m.summary_zh) for m in rules}
        rows = sorted(self.counts.items(), key=lambda item: (item[0][1], -item[1], item[0][0]))
        if self.as_json:
            data = [
                {
                    "code": code,
                    "count": n,
                    "severity": self.severity[code, unread].value,
                    "unread": unread,
                    "summary": summaries.get(code, ""),
                }
                for (code, unread), n in rows
            ]
            return to_json(data)
        if not rows:
            return NO_PROBLEMS[lang] + "\n"
        width = max((len(str(n)) for _, n in rows), default=1)

        def level(code: str, unread: bool) -> str:
            return UNREAD_NAME[lang] if unread else SEVERITY_NAMES[lang][self.severity[code, unread]]

        return "".join(
            f"{n:>{width}}  {code:<6} [{level(code, unread)}] {summaries.get(code, '')}".rstrip() + "\n"
            for (code, unread), n in rows
        )
