"""The reviewer's page as markup (tests/reviewer/test_html_browser.py opens it in a real browser).

Report text is untrusted: a file name, a body, a message quoting the report, a source line and a table cell
may all hold markup, and none of it may become an element, an attribute or script.  The page makes no
request: its only links are to its own anchors, and its policy allows nothing but its own style and script.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from html_page import Page, list_rows

from govlint import api, cli
from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.output import FileOutput, OutputOptions, formatter
from govlint.output.html import QUOTE_CONTEXT
from govlint.output.view import ReportView, RowView, TableView, report_view
from govlint.schema import ColumnSpec, PartSpec, RowSpec, TableSpec

FIXTURES = Path(__file__).parents[1] / "fixtures"
PINGTAN = FIXTURES / "corpus" / "pingtan"
SEED = FIXTURES / "seeds" / "002_3957bd30f75f2ac8.txt"
HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)><!--"
BIDI = "\u202e"
#: A table cell that is markup: table 四 becomes unread (its values cannot be placed).
CELL = "</script><b>1</b>"


def hostile_output() -> FileOutput:
    path = f'reports/"{HOSTILE}.txt'
    line = f"正文{HOSTILE}{BIDI}结尾"
    diagnostic = Diagnostic(
        code="GL105",
        severity=Severity.ERROR,
        message_zh=f"单元格无法识别为数字：“{HOSTILE}”",
        message_en=f"cell is not a number: {HOSTILE!r}",
        location=Location(path, 2, 3, 2, 3 + len(HOSTILE)),
        key="applications.new_received.total",
    )
    row = RowView(
        "new_received",
        f"一、{HOSTILE}",
        ("natural_person", "total"),
        ("1", HOSTILE),
        "ou",
        (f"无法读取{HOSTILE}", f"unreadable {HOSTILE}"),
    )
    labels = (("natural_person", "自然人"), ("total", "总计"))
    view = ReportView((TableView("applications", "收到和处理政府信息公开申请情况表", (row,), labels),))
    return FileOutput(
        path, (diagnostic,), text=f"标题\n{line}\n", agency=f"{HOSTILE}人民政府", report_year=2023, view=view
    )


def page_of(*outputs: FileOutput, lang: str = "zh") -> str:
    out = formatter("html", OutputOptions(lang=lang))  # type: ignore[arg-type]
    for output in outputs:
        out.file(output)
    return out.finish()


def test_report_text_never_becomes_markup() -> None:
    markup = page_of(hostile_output())
    page = Page(markup)
    assert [tag for tag, _ in page.tags if tag in ("img", "iframe", "object", "embed")] == []
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    # exactly the page's own two scripts: the tables' data and the code
    assert [attrs.get("type") for attrs, _ in page.scripts] == ["application/json", None]
    assert "alert(" not in page.scripts[1][1]
    # the hostile text is there as text, escaped, in the list, the message, the quote and the table data
    assert markup.count("&lt;/script&gt;&lt;script&gt;alert(1)") >= 4
    data = page.data()
    strings = data["strings"]
    assert isinstance(strings, list)
    assert f"一、{HOSTILE}" in strings
    assert HOSTILE in json.dumps(data["reports"], ensure_ascii=False)
    # and a bidi control is shown as an escape, never acted on
    assert BIDI not in markup
    assert "\\u202e" in markup


def test_the_json_block_cannot_be_closed_by_report_text() -> None:
    markup = page_of(hostile_output())
    block = markup.split('<script type="application/json" id="govlint-tables">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["reports"]


def test_the_page_requests_nothing_and_runs_only_its_own_code() -> None:
    markup = page_of(hostile_output())
    page = Page(markup)
    assert page.attributes("src") == []
    assert page.attributes("action") == []
    assert all(href.startswith("#") for href in page.attributes("href"))
    assert page.attributes("href"), "codes link to their rule pages"
    assert not re.search(r"url\(|@import|https?:", "".join(page.styles))
    (policy,) = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv")]
    assert policy is not None
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "'none'"

    def allowed(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    (style,) = page.styles
    assert directives["style-src"] == allowed(style)
    assert directives["script-src"] == allowed(page.scripts[1][1])


def test_every_code_links_to_its_rule_page_in_the_page() -> None:
    markup = page_of(hostile_output())
    page = Page(markup)
    ids = set(page.attributes("id"))
    targets = {href[1:] for href in page.attributes("href")}
    assert "rule-GL105" in targets
    assert targets <= ids


def test_a_finding_names_the_cell_it_marks_and_its_table_travels_with_it() -> None:
    page = Page(page_of(hostile_output()))
    (finding,) = [a for tag, a in page.tags if tag == "li" and "data-t" in a]
    assert (finding["data-t"], finding["data-r"], finding["data-c"]) == ("applications", "new_received", "total")
    assert finding["class"] == "error"
    data = page.data()
    strings = data["strings"]
    assert isinstance(strings, list)
    tables = data["reports"]["0"]  # type: ignore[index]
    ((table, title, rows),) = tables
    assert (strings[table], strings[title]) == ("applications", "三、收到和处理政府信息公开申请情况")
    ((caption, columns, labels),) = data["heads"]  # type: ignore[misc]
    assert strings[caption] == ""
    assert [strings[i] for i in columns] == ["natural_person", "total"]
    assert [strings[i] for i in labels] == ["自然人", "总计"]
    ((row_key, _label, _head, raws, statuses, problem, printed),) = rows
    assert strings[row_key] == "new_received"
    assert raws.split("\t") == ["1", HOSTILE]
    assert statuses == "ou"
    assert problem == f"无法读取{HOSTILE}"
    assert printed == ""


def test_a_long_source_line_is_quoted_around_the_finding() -> None:
    line = "甲" * 500 + "目标" + "乙" * 500
    d = Diagnostic("GL301", Severity.ERROR, "缺少", "missing", Location("r.txt", 1, 501, 1, 503))
    markup = page_of(FileOutput("r.txt", (d,), text=line))
    (quote,) = re.findall(r'<ol class="findings">.*?<pre>(.*?)</pre>', markup, re.S)
    context = QUOTE_CONTEXT
    assert quote == "…" + "甲" * context + "<mark>目标</mark>" + "乙" * context + "…"


def test_english_page_says_everything_in_english() -> None:
    zh, en = page_of(hostile_output(), lang="zh"), page_of(hostile_output(), lang="en")
    assert '<html lang="en">' in en and '<html lang="zh-CN">' in zh
    assert "cell is not a number" in en and "单元格无法识别为数字" not in en
    assert "单元格无法识别为数字" in zh and "cell is not a number" not in zh
    shown = html.unescape(re.sub(r"<[^>]+>", "", en.split("<main>", 1)[1].split('<section id="details"', 1)[0]))
    assert not re.search("[\u4e00-\u9fff]", shown.replace(f"{HOSTILE}人民政府", "")), "only the body is Chinese"


def check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check", "--isolated", *args])
    return code, capsys.readouterr().err


def test_check_writes_the_page_of_a_folder_with_cross_report_findings_on_their_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("001_finance_2019.txt", "002_finance_2020.txt", "003_finance_2021.txt"):
        shutil.copy(PINGTAN / name, folder / name)
    out = tmp_path / "review.html"
    code, err = check([str(folder), "--format", "html", "-o", str(out), "-j", "1"], capsys)
    assert code == 1, err
    page = Page(out.read_text(encoding="utf-8"))
    summaries = [a for tag, a in page.tags if tag == "details"]
    assert len(summaries) == 3
    markup = out.read_text(encoding="utf-8")
    # GL503 (text copied from last year's report) is a run-level finding: it sits in the later report's
    # section, beside its own findings, not in a section of its own
    sections = markup.split('<details class="report"')[1:]
    with_copy = [s for s in sections if 'href="#rule-GL503"' in s]
    assert with_copy and all("002_finance_2020.txt" in s or "003_finance_2021.txt" in s for s in with_copy)
    assert 'id="rule-GL503"' in markup


def test_the_page_is_the_same_whatever_the_number_of_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(p) for p in sorted(PINGTAN.glob("*.txt"))[:6]]
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    check([*files, "--format", "html", "-o", str(one), "-j", "1"], capsys)
    check([*files, "--format", "html", "-o", str(two), "-j", "2"], capsys)
    assert one.read_bytes() == two.read_bytes()
    assert 'class="tables"' in one.read_text(encoding="utf-8")


def test_a_hostile_report_file_through_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert lines[604] == "0", "the seed's cell of 未经复议直接起诉 尚未审结"
    lines[604] = CELL
    report = tmp_path / 'a"<img src=x onerror=alert(3)>.txt'
    report.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "review.html"
    check([str(report), "--format", "html", "-o", str(out)], capsys)
    markup = out.read_text(encoding="utf-8")
    page = Page(markup)
    assert [attrs.get("type") for attrs, _ in page.scripts] == ["application/json", None]
    assert not [tag for tag, _ in page.tags if tag == "img"]
    assert CELL not in markup and "<b>1</b>" not in markup
    # the cell makes table 四 unread (GL108 on the whole table): the finding marks the table, whose printed
    # text travels as data for the script to set as text
    (finding,) = [a for tag, a in page.tags if tag == "li" and a.get("data-t") == "review_litigation"]
    assert "data-r" not in finding and "data-c" not in finding
    assert "unread" in (finding["class"] or "")
    ((_, _, rows),) = page.data()["reports"]["0"]  # type: ignore[index]
    assert [row[4] for row in rows] == ["aaaaa"] * 3, "every cell unread"
    assert all(row[5] and row[6] for row in rows), "each row says why, and what it prints"


def test_the_list_shows_each_report_as_the_json_output_scores_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(p) for p in sorted(PINGTAN.glob("*.txt"))[:8]]
    page_file = tmp_path / "review.html"
    check([*files, "--format", "html", "-o", str(page_file)], capsys)
    cli.main(["check", "--isolated", *files, "--format", "json"])
    reports = json.loads(capsys.readouterr().out)["reports"]
    rows = list_rows(page_file.read_text(encoding="utf-8"))
    shown = [(r["path"], r["body"], r["year"], r["score"], r["unread"], r["previous"]) for r in rows]
    assert shown == [
        (
            r["path"],
            r["body"],
            str(r["year"]),
            str(r["score"]["value"]),
            str(r["score"]["unread"]),
            "—" if r["score"]["previous"] is None else str(r["score"]["previous"]),
        )
        for r in reports
    ]
    assert any(r["score"]["value"] != 100 for r in reports), "some report should lose points"
    assert any(r["score"]["previous"] is not None for r in reports)


def test_a_table_a_plugin_describes_is_drawn_under_its_own_title_and_labels() -> None:
    spec = TableSpec(
        id="records_stock",
        title="档案库存情况表",
        captions=("档案库存情况",),
        parts=(
            PartSpec(
                columns=(ColumnSpec("paper", "纸质档案"), ColumnSpec("total", "档案合计")),
                rows=(RowSpec("opening", "年初库存"), RowSpec("closing", "年末库存")),
            ),
        ),
    )
    body = SEED.read_text(encoding="utf-8")
    at = body.index("五、")
    table = "| 项目 | 纸质档案 | 档案合计 |\n| --- | --- | --- |\n| 年初库存 | 2 | 2 |\n| 年末库存 | 3 | 3 |\n"
    report = api.parse(f"{body[:at]}档案库存情况\n{table}\n{body[at:]}", tables=(spec,))
    view = report_view(report)
    stock = view.table("records_stock")
    assert stock is not None and stock.title == "档案库存情况表"
    assert dict(stock.labels) == {"paper": "纸质档案", "total": "档案合计"}
    assert [(row.key, row.raws) for row in stock.rows] == [("opening", ("2", "2")), ("closing", ("3", "3"))]
    assert view.place("records_stock.closing.total") == ("records_stock", "closing", "total")
    finding = Diagnostic(
        "GL206", Severity.ERROR, "不符", "wrong", Location("r.txt", 1, 1, 1, 2), key="records_stock.closing.total"
    )
    data = Page(page_of(FileOutput("r.txt", (finding,), text=report.text, view=view))).data()
    strings = data["strings"]
    ((key, title, rows),) = data["reports"]["0"]  # type: ignore[index]
    assert (strings[key], strings[title]) == ("records_stock", "档案库存情况表")  # type: ignore[index]
    assert [row[3] for row in rows] == ["2\t2", "3\t3"]


def test_a_file_that_cannot_be_read_is_counted_listed_and_never_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(PINGTAN / "004_finance_2022.txt", folder / "a_report.txt")
    (folder / "b_scan.pdf").write_bytes(b"%PDF-1.4\n%\xff\xff\n1 0 obj broken")
    out = tmp_path / "review.html"
    code, _ = check([str(folder), "--format", "html", "-o", str(out)], capsys)
    assert code == 2, "a file that cannot be read makes the run exit 2"
    markup = out.read_text(encoding="utf-8")
    assert re.search(r'id="count-reports">2<', markup) and re.search(r'id="count-unreadable">1<', markup)
    unreadable, report = sorted(list_rows(markup), key=lambda r: r["path"], reverse=True)
    assert unreadable["path"].endswith("b_scan.pdf") and unreadable["score"] == "无法读取"
    assert report["score"].isdigit()
    (listed,) = re.findall(r'<ul id="unreadable">\s*<li>(.*?)</li>', markup, re.S)
    assert "b_scan.pdf" in listed and 'href="#rule-' not in listed
