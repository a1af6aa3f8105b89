"""The reviewer's page in a real browser: Debian's ``chromium`` driven by selenium through ``chromium-driver``.

The page is made by a run over the pingtan corpus (``tests/fixtures/corpus/pingtan``, the copy of
``corpus/pingtan`` that tests read), opened from disk and used as a reviewer would: sorting and filtering
the list, opening a report and finding its cells marked.  It must make no request and log no error.
Screenshots are kept in ``test-artifacts/browser/`` (ignored by git).

Nothing here downloads a browser: the browser and its driver are the system's (``apt-get install chromium
chromium-driver``; ``.ci/run`` installs them).  Without them the tests are skipped with a reason that says
so; with ``GOVLINT_REQUIRE_BROWSER=1`` (CI) a missing browser is a failure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_browser import INSTALL, executables, start
from html_page import list_rows

import govlint
from govlint import cli

ROOT = Path(__file__).resolve().parents[2]
PINGTAN = ROOT / "tests" / "fixtures" / "corpus" / "pingtan"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
REQUIRED = os.environ.get("GOVLINT_REQUIRE_BROWSER") == "1"


def _missing(what: str) -> None:
    message = f"browser tests skipped: {what} (install: {INSTALL})"
    if REQUIRED:
        pytest.fail(f"{message}; GOVLINT_REQUIRE_BROWSER=1 requires them")
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if importlib.util.find_spec("selenium") is None:
        _missing("selenium is not installed")
    chromium, driver_path = executables()
    if chromium is None or driver_path is None:
        _missing(f"no {'chromium' if chromium is None else 'chromedriver'} on PATH")
    assert chromium is not None and driver_path is not None
    profile = tempfile.mkdtemp(prefix="govlint-chromium-")
    driver = start(chromium, driver_path, profile)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of a run over the pingtan corpus (named as a user in the checkout would name it)."""
    out = tmp_path_factory.mktemp("page") / "review.html"
    code = cli.main(["check", "--isolated", os.path.relpath(PINGTAN), "--format", "html", "-o", str(out)])
    assert code == 1, "the corpus has findings"
    return out


@pytest.fixture
def opened(browser: Any, page: Path) -> Any:
    """The page freshly loaded, with the browser's logs emptied of earlier pages."""
    browser.get("about:blank")
    browser.get_log("browser")
    browser.get_log("performance")
    browser.get(page.as_uri())
    return browser


def shown_rows(driver: Any) -> list[dict[str, str]]:
    """The data of the list's visible rows, in the order shown."""
    rows: list[dict[str, str]] = driver.execute_script(
        "const keys = Array.from(document.querySelectorAll('#reports thead th'), th => th.dataset.key);"
        "return Array.from(document.querySelectorAll('#reports tbody tr')).filter(tr => !tr.hidden)"
        ".map(tr => Object.fromEntries(keys.map((k, i) => [k, tr.cells[i].textContent.trim()])));"
    )
    return rows


def settle(driver: Any, expression: str) -> Any:
    """The value of a script expression once it is truthy (events such as ``toggle`` and ``hashchange``
    run after the action that fires them), or its last value after 10 s."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, 10).until(lambda d: d.execute_script(f"return {expression};"))
    except TimeoutException:
        return driver.execute_script(f"return {expression};")


def number(text: str) -> float | None:
    """A numeric cell's value; None for an unknown one ("—")."""
    return None if text == "—" else float(text)


def sort(driver: Any, key: str) -> None:
    driver.find_element("css selector", f'#reports th button[data-sort="{key}"]').click()


def test_sorting_orders_the_list_and_a_second_click_reverses_it(opened: Any) -> None:
    total = len(shown_rows(opened))
    for key in ("score", "year"):
        sort(opened, key)
        values = [number(r[key]) for r in shown_rows(opened)]
        known = [v for v in values if v is not None]
        assert len(values) == total
        assert known == sorted(known) and values[len(known) :] == [None] * (len(values) - len(known))
        assert len(set(known)) > 1, f"the corpus should have several {key}s"
        sort(opened, key)
        values = [number(r[key]) for r in shown_rows(opened)]
        known = [v for v in values if v is not None]
        assert known == sorted(known, reverse=True), "unknown last, either way"
    header = opened.find_element("css selector", '#reports th:has(button[data-sort="year"])')
    assert header.get_attribute("aria-sort") == "descending"
    sort(opened, "body")
    bodies = [r["body"] for r in shown_rows(opened)]
    runs = [b for i, b in enumerate(bodies) if i == 0 or bodies[i - 1] != b]
    assert len(runs) == len(set(bodies)), "each body's reports together"


def test_filters_keep_exactly_the_matching_reports(opened: Any, page: Path) -> None:
    from selenium.webdriver.support.ui import Select

    rows = list_rows(page.read_text(encoding="utf-8"))
    body_part = "财政金融局"
    field = opened.find_element("id", "f-body")
    field.send_keys(body_part)
    shown = shown_rows(opened)
    assert [r["path"] for r in shown] == [r["path"] for r in rows if body_part in r["body"]]
    assert len(shown) >= 5
    assert opened.find_element("id", "shown").text.startswith(f"显示 {len(shown)} / {len(rows)}")
    field.clear()
    field.send_keys(" ")  # clear() sends no input event
    Select(opened.find_element("id", "f-year")).select_by_visible_text("2021")
    shown = shown_rows(opened)
    assert [r["path"] for r in shown] == [r["path"] for r in rows if r["year"] == "2021"]
    in_2021 = [r for r in rows if r["year"] == "2021"]
    code = Counter(c for r in in_2021 for c in r["codes"].split()).most_common()[-1][0]
    Select(opened.find_element("id", "f-code")).select_by_visible_text(code)
    shown = shown_rows(opened)
    expected = [r["path"] for r in in_2021 if code in r["codes"].split()]
    assert [r["path"] for r in shown] == expected, "filters combine"
    assert 0 < len(expected) < len(in_2021)
    Select(opened.find_element("id", "f-code")).select_by_index(0)
    Select(opened.find_element("id", "f-year")).select_by_index(0)
    opened.find_element("id", "f-min").send_keys("95")
    shown = shown_rows(opened)
    assert [r["path"] for r in shown] == [
        r["path"] for r in rows if number(r["score"]) is not None and float(r["score"]) >= 95
    ]
    assert len(shown) < len(rows)


def test_a_reports_findings_show_their_cells_marked(opened: Any, page: Path) -> None:
    markup = page.read_text(encoding="utf-8")
    sections = markup.split('<details class="report" id="r-')[1:]
    index = next(s.split('"', 1)[0] for s in sections if 'data-c="total"' in s and re.search(r'data-r="\w+">', s))
    opened.find_element("css selector", f'#reports a[href="#r-{index}"]').click()
    details = opened.find_element("id", f"r-{index}")
    assert settle(opened, f"document.getElementById('r-{index}').open && location.hash === '#r-{index}'")
    path = opened.find_element("css selector", f'#reports tr[data-i="{index}"] td').text
    report = govlint.parse(Path(path))
    findings = details.find_elements("css selector", ".findings li[data-t]")
    cells = [f for f in findings if f.get_attribute("data-c")]
    rows = [f for f in findings if f.get_attribute("data-r") and not f.get_attribute("data-c")]
    assert cells and rows

    def mark(finding: Any) -> str:
        """A problem's place is marked "hit"; a place only unread findings point at, "hit-unread" (dashed)."""
        key = [finding.get_attribute(f"data-{k}") for k in "trc"]
        same = [f for f in findings if [f.get_attribute(f"data-{k}") for k in "trc"] == key]
        return "hit-unread" if all("unread" in f.get_attribute("class").split() for f in same) else "hit"

    assert "hit-unread" in {mark(f) for f in rows}, "the report has an unread row"
    for finding in cells:
        t, r, c = (finding.get_attribute(f"data-{k}") for k in "trc")
        td = details.find_element("css selector", f'table[data-t="{t}"] tr[data-r="{r}"] td[data-c="{c}"]')
        assert mark(finding) in td.get_attribute("class").split()
        assert td.text == report.tables[t].rows[r].cells[c].raw.strip(), "the cell as printed"
    for finding in rows:
        t, r = (finding.get_attribute(f"data-{k}") for k in "tr")
        tr = details.find_element("css selector", f'table[data-t="{t}"] tr[data-r="{r}"]')
        assert mark(finding) in tr.get_attribute("class").split()
        if report.tables[t].rows[r].problem is not None:  # an unread row: its cells are hatched, not blank
            assert all("unread" in td.get_attribute("class").split() for td in tr.find_elements("css selector", "td"))
    marked = details.find_elements("css selector", "td.hit, tr.hit, td.hit-unread, tr.hit-unread")
    assert len(marked) <= len(cells) + len(rows), "nothing marked that no finding points at"
    cells[0].find_element("css selector", "p:nth-of-type(2)").click()
    t, r, c = (cells[0].get_attribute(f"data-{k}") for k in "trc")
    focused = details.find_element("css selector", "td.focus")
    assert (focused.get_attribute("data-c"), focused.find_element("xpath", "..").get_attribute("data-r")) == (c, r)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report.png"
    assert opened.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_page_makes_no_request_and_logs_no_error(opened: Any, page: Path) -> None:
    # use the page: sort, filter, open every report (drawing its tables)
    sort(opened, "score")
    opened.find_element("id", "f-body").send_keys("局")
    opened.execute_script("document.querySelectorAll('details.report').forEach(d => { d.open = true; });")
    assert settle(opened, "document.querySelectorAll('.tables table').length") > 10, "tables drawn on opening"
    resources = opened.execute_script("return performance.getEntriesByType('resource').map(e => e.name);")
    assert resources == []
    requests = [
        message["params"]["request"]["url"]
        for entry in opened.get_log("performance")
        if (message := json.loads(entry["message"])["message"])["method"] == "Network.requestWillBeSent"
    ]
    assert requests == [page.as_uri()], "the page itself, nothing else"
    errors = [e for e in opened.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.get(page.as_uri())
    shot = ARTIFACTS / "review.png"
    assert opened.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_the_policy_blocks_what_a_script_would_fetch(opened: Any) -> None:
    """The page's own policy, not the test's isolation, is what stops a request: an image from the web
    added by a script is refused by the policy (Chromium announces the request, then fails it as "csp")."""
    blocked = opened.execute_async_script(
        "const done = arguments[0];"
        "document.addEventListener('securitypolicyviolation', e => done([e.violatedDirective, e.blockedURI]));"
        "const img = document.createElement('img'); img.src = 'https://example.invalid/x.png';"
        "document.body.appendChild(img);"
    )
    assert blocked == ["img-src", "https://example.invalid/x.png"]
    events = [json.loads(e["message"])["message"] for e in opened.get_log("performance")]
    (request,) = [
        e["params"]["requestId"]
        for e in events
        if e["method"] == "Network.requestWillBeSent" and e["params"]["request"]["url"].startswith("https:")
    ]
    outcomes = [e for e in events if e["method"].startswith("Network.") and e["params"].get("requestId") == request]
    assert [e["params"].get("blockedReason") for e in outcomes if e["method"] == "Network.loadingFailed"] == ["csp"]
    assert not [e for e in outcomes if e["method"] == "Network.responseReceived"], "nothing went out"


def test_unread_places_are_shown_apart_from_the_problems_with_their_own_label(opened: Any, page: Path) -> None:
    """What govlint could not read is never listed among a report's problems nor labelled 警告: it sits below
    them under a sentence that says it was not checked, each place labelled 未能读取."""
    from selenium.webdriver.support.ui import Select

    rows = list_rows(page.read_text(encoding="utf-8"))
    index = opened.execute_script(
        "return Array.from(document.querySelectorAll('details.report')).find(d =>"
        " d.querySelector('.unread-places') && d.querySelector(':scope > ol.findings > li')).id.slice(2);"
    )
    opened.find_element("css selector", f'#reports a[href="#r-{index}"]').click()
    assert settle(opened, f"document.getElementById('r-{index}').open")
    details = opened.find_element("id", f"r-{index}")
    problems = details.find_elements("css selector", ":scope > ol.findings > li")
    apart = details.find_element("css selector", ":scope > .unread-places")
    places = apart.find_elements("css selector", "ol.findings > li")
    assert problems and places and apart.is_displayed()
    assert all(li.find_element("css selector", "b").text != "未能读取" for li in problems)
    assert [li.find_element("css selector", "b").text for li in places] == ["未能读取"] * len(places)
    assert all(li.get_attribute("class") == "unread" for li in places)
    note = apart.find_element("css selector", ".unread-note").text
    assert note == f"以下 {len(places)} 处未能读取，因而未作检查，不计为问题；请对照原文人工核对。"
    below = opened.execute_script(
        "return arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING;",
        problems[-1],
        apart,
    )
    assert below, "after the problems"
    assert not opened.execute_script(
        "return Array.from(document.querySelectorAll('.findings li')).filter(li =>"
        " li.querySelector('a, code').textContent === 'GL108' && li.querySelector('b').textContent !== '未能读取')"
        ".length;"
    ), "GL108 is never shown with a severity"
    unread_list = {r["path"] for r in rows if r["unread"] != "0" or r["score"] == "无法读取"}
    Select(opened.find_element("id", "f-unread")).select_by_value("1")
    assert {r["path"] for r in shown_rows(opened)} == unread_list and unread_list
    Select(opened.find_element("id", "f-unread")).select_by_value("0")
    assert {r["path"] for r in shown_rows(opened)} == {r["path"] for r in rows} - unread_list


def test_the_chart_of_problems_has_no_bar_for_what_could_not_be_read(opened: Any) -> None:
    """The problems per code add up to the problems counted at the top, with no bar for a place not read
    (GL108); the places not read have a chart of their own, grey, beside it, adding up to their count."""

    def bars(figure: str) -> dict[str, int]:
        shown: dict[str, int] = opened.execute_script(
            f"return Object.fromEntries(Array.from(document.querySelectorAll('#{figure} g.bar'),"
            " g => [g.querySelectorAll('text')[1].textContent, Number(g.querySelector('text').textContent)]));"
        )
        return shown

    problems, unread = bars("chart-codes"), bars("chart-unread")
    assert "GL108" not in problems and unread["GL108"] > 0
    assert sum(problems.values()) == int(opened.find_element("id", "count-problems").text)
    assert sum(unread.values()) == int(opened.find_element("id", "count-unread").text)
    colours = opened.execute_script(
        "return ['chart-codes', 'chart-unread'].map(id =>"
        " getComputedStyle(document.querySelector('#' + id + ' rect')).fill);"
    )
    assert colours[0] != colours[1] and colours[1] == "rgb(184, 184, 184)"
    chart = opened.find_element("css selector", "#summary .charts")
    assert opened.find_element("id", "chart-unread").is_displayed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "charts.png"
    assert chart.screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
