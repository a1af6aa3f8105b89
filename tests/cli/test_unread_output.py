"""What govlint could not read is a kind of its own in every output: never labelled 错误, 警告 or 提示, shown
apart from the report's problems, never counted among them.

The reports are real ones from the pingtan corpus, read by the real parser: 001 has three rows whose run-together
digits can be split several ways (GL108, unread) besides its problems; 009 has one such row and one hint.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from cli_support import Run

from govlint.output import SEVERITY_NAMES

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan"
SEVERAL = str(CORPUS / "001_finance_2019.txt")
ONE = str(CORPUS / "009_approval_2020.txt")
BASE = ("check", "--isolated", "--reference-date", "2026-12-07")
HEADER = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+)(?: \(.*?\))?: (?P<code>\S+) \[(?P<level>[^]]+)\] ")
#: The level shown for what govlint could not read.
LABEL = {"zh": "未能读取", "en": "unread"}
CJK = re.compile(r"[\u4e00-\u9fff（），；：。]")


def headers(out: str) -> list[re.Match[str]]:
    return [m for line in out.splitlines() if (m := HEADER.match(line))]


def unread_codes(run: Run, path: str) -> list[tuple[int, int]]:
    """The places the JSON output marks unread: (line, column)."""
    _, out, _ = run(*BASE, path, "--format", "json")
    return [(d["line"], d["column"]) for d in json.loads(out)["diagnostics"] if d["unread"]]


def test_text_shows_unread_places_apart_after_the_problems_with_their_own_label(run: Run) -> None:
    unread = unread_codes(run, SEVERAL)
    assert len(unread) == 3
    for lang in ("zh", "en"):
        _, out, err = run(*BASE, SEVERAL, "--lang", lang)
        assert err == ""
        found = headers(out)
        levels = [m["level"] for m in found]
        label = LABEL[lang]
        marked = [(int(m["line"]), int(m["col"])) for m in found if m["level"] == label]
        assert marked == unread, "every unread place, and only those, has the label"
        assert not any(m["code"] == "GL108" and m["level"] != label for m in found)
        first = levels.index(label)
        assert set(levels[first:]) == {label}, "the unread places come after every problem"
        assert set(levels[:first]) <= set(SEVERITY_NAMES[lang].values()) and first > 0
        lines = out.splitlines()
        at = next(i for i, line in enumerate(lines) if (m := HEADER.match(line)) and m["level"] == label)
        heading = lines[at - 1]
        assert heading.startswith(SEVERAL) and not HEADER.match(heading)
        said = heading[len(SEVERAL) :]
        if lang == "zh":
            assert said == "：以下 3 处未能读取，因而未作检查，不计为问题；请对照原文人工核对。"
        else:
            assert "could not read the 3 places below" in said and "not counted as problems" in said
            assert not CJK.search(said), "one language in one string"
        assert sum(1 for line in lines if said in line) == 1, "said once for the file"
        assert lines[-1].endswith(("未能读取 3 处。", "3 places could not be read."))


def test_concise_keeps_one_line_per_finding_with_the_label_and_the_order(run: Run) -> None:
    _, out, _ = run(*BASE, SEVERAL, "--format", "concise")
    lines = out.splitlines()
    assert all(HEADER.match(line) for line in lines[:-1]), "no heading line in concise"
    levels = [m["level"] for m in headers(out)]
    assert levels.count("未能读取") == 3 and levels[-3:] == ["未能读取"] * 3


def test_unread_places_alone_do_not_fail_a_check_and_fail_on_warning_still_counts_them(run: Run) -> None:
    # 009 has one hint and one unread row (GL108, a warning by severity): the exit status is as before this
    # output change, the rules of --fail-on compare the finding's severity.
    code, out, _ = run(*BASE, ONE)
    assert code == 0 and "[未能读取]" in out and "[警告]" not in out
    code, _, _ = run(*BASE, ONE, "--fail-on", "warning")
    assert code == 1


def test_github_annotations_make_unread_places_notices(run: Run) -> None:
    _, out, _ = run(*BASE, SEVERAL, "--format", "github")
    gl108 = [line for line in out.splitlines() if "title=govlint GL108::" in line]
    assert len(gl108) == 3
    assert all(line.startswith("::notice ") and "::GL108 [未能读取] " in line for line in gl108)
    _, out, _ = run(*BASE, SEVERAL, "--format", "github", "--lang", "en")
    assert all("::GL108 [unread] could not read" in line for line in out.splitlines() if "GL108" in line)


def test_sarif_makes_unread_places_open_results_of_no_level(run: Run) -> None:
    _, out, _ = run(*BASE, SEVERAL, "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    unread = [r for r in results if r.get("kind") == "open"]
    assert len(unread) == 3 and {r["ruleId"] for r in unread} == {"GL108"}
    assert all(r["level"] == "none" and r["properties"]["unread"] is True for r in unread)
    assert all("kind" not in r and r["level"] in ("error", "warning", "note") for r in results if r not in unread)


def test_csv_findings_give_unread_places_their_own_level_after_the_problems(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "review.csv"
    run(*BASE, SEVERAL, ONE, "--format", "csv", "-o", str(out))
    with (tmp_path / "review.findings.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for path in (SEVERAL, ONE):
        levels = [row["级别"] for row in rows if row["文件"] == path]
        first = levels.index("未能读取")
        assert set(levels[first:]) == {"未能读取"} and "未能读取" not in levels[:first]
    assert all((row["级别"] == "未能读取") == (row["未能读取"] == "是") for row in rows)
    with out.open(encoding="utf-8-sig", newline="") as f:
        reports = {row["文件"]: row for row in csv.DictReader(f)}
    assert (reports[ONE]["警告"], reports[ONE]["未能读取处"], reports[ONE]["扣分"]) == ("0", "1", "0")


def test_a_saved_text_output_that_starts_with_unread_places_is_skipped_as_govlints_own(
    run: Run, tmp_path: Path
) -> None:
    for lang in ("zh", "en"):
        _, out, _ = run(*BASE, ONE, "--select", "GL108", "--lang", lang)
        assert not HEADER.match(out.splitlines()[0]), "the output starts with the line over the unread places"
        saved = tmp_path / f"saved-{lang}.txt"
        saved.write_text(out, encoding="utf-8")
        _, again, _ = run(*BASE, str(saved), "--format", "json")
        (notice,) = json.loads(again)["diagnostics"]
        assert (notice["code"], notice["key"]) == ("GL002", "not-a-report.govlint-output")
