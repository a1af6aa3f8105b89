"""The reviewer's page counts what govlint could not read apart from the problems: the chart of problems per
code has no bar for an unread place (GL108's row not read, GL101's section not read), and the places not read
have a chart of their own, each chart adding up to its count at the top, as the closing line of the text
output counts them."""

from __future__ import annotations

import re

from html_page import Page

from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.output import FileOutput, OutputOptions, Tally, formatter
from govlint.scoring import score_report


def finding(code: str, line: int, *, unread: bool = False, omitted: int = 0, path: str = "r.txt") -> Diagnostic:
    severity = Severity.INFO if code == "GL002" else Severity.ERROR
    return Diagnostic(
        code, severity, "问题", "problem", Location(path, line, 1, line, 2), unread=unread, omitted=omitted
    )


#: A report with problems, a code both wrong and unread (GL101), rows not read (GL108), the notice of a
#: capped code standing for 40 findings, and a file that is not a report (GL002).
OUTPUTS = (
    FileOutput(
        "r.txt",
        (
            finding("GL101", 1),
            finding("GL101", 2, unread=True),
            finding("GL108", 3, unread=True),
            finding("GL108", 4, unread=True),
            finding("GL201", 5),
            finding("GL301", 6, omitted=40),
        ),
        text="\n".join(["行"] * 8),
    ),
    FileOutput("notes.txt", (finding("GL002", 1, path="notes.txt"),), text="备忘\n"),
)


def bars(markup: str, figure: str) -> dict[str, int]:
    """The bars of one chart: label -> count."""
    match = re.search(rf'<figure id="{figure}">(.*?)</figure>', markup, re.S)
    if match is None:
        return {}
    found = re.findall(r"<rect[^>]*></rect>\s*<text[^>]*>(\d+)</text>.*?>([A-Z]+\d+)</", match.group(1), re.S)
    return {code: int(count) for count, code in found}


def count(markup: str, name: str) -> int:
    match = re.search(rf'id="count-{name}">(\d+)<', markup)
    assert match is not None, name
    return int(match.group(1))


def test_unread_places_are_charted_apart_and_never_as_problems() -> None:
    out = formatter("html", OutputOptions())
    for output in OUTPUTS:
        out.file(output)
    markup = out.finish()
    Page(markup)  # well formed
    assert bars(markup, "chart-codes") == {"GL101": 1, "GL201": 1, "GL301": 40}
    assert bars(markup, "chart-unread") == {"GL101": 1, "GL108": 2}
    tally = Tally()
    for output in OUTPUTS:
        tally.add(output)
    assert count(markup, "problems") == sum(bars(markup, "chart-codes").values()) == tally.problems
    assert count(markup, "unread") == sum(bars(markup, "chart-unread").values()) == tally.unread
    assert count(markup, "skipped") == tally.skipped == 1


def test_a_run_with_nothing_unread_has_no_unread_chart() -> None:
    out = formatter("html", OutputOptions())
    out.file(FileOutput("r.txt", (finding("GL201", 1),), text="行\n"))
    markup = out.finish()
    assert bars(markup, "chart-codes") == {"GL201": 1}
    assert 'id="chart-unread"' not in markup and count(markup, "unread") == 0


def test_a_capped_notice_of_unread_places_counts_the_places_it_stands_for() -> None:
    """Past ``max-findings-per-rule`` one notice stands for the unread places not listed: the score's count,
    the workbook's 未能读取处 column and the page's list count them all, as the summary does."""
    listed = [finding("GL108", line, unread=True) for line in (1, 2)]
    capped = finding("GL108", 3, unread=True, omitted=30)
    report = score_report("r.txt", [*listed, capped, finding("GL201", 4)])
    assert report.unread_count == 32
    assert report.to_dict("zh")["unread"] == 32
    assert len(report.to_dict("zh")["unread_places"]) == 3  # the places listed, and the notice
