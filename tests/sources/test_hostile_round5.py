"""Hostile and careless inputs of the fifth round (issue 16, measured again with files the earlier rounds
did not try): each case here failed before its fix."""

from __future__ import annotations

import base64
import html
import io
import json
import os
import quopri
import re
import threading
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hostile_files import W, document_xml, package, paragraph, run_govlint
from source_support import SEEDS

import govlint
from cpu_time import cpu_time
from govlint.errors import InputError
from govlint.sources import guard, load
from govlint.sources.discover import iter_report_paths
from govlint.sources.html import read_html_text

SEED = SEEDS[0].read_text("utf-8")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize("date", ["²025年1月20日", "②025-01-20", "₂025年1月20日"])
def test_a_date_in_superscript_or_circled_digits_is_not_an_internal_error(date: str) -> None:
    """``str.isdigit`` holds for ² and ②, which ``int`` cannot read: the year was an internal error."""
    result = govlint.lint_text(f"{SEED}\n{date}\n")
    assert result.report_year is not None and not result.errors


def test_a_list_level_in_other_digits_is_read_not_an_internal_error() -> None:
    """A list level numbered ``w:ilvl="²"`` (a ValueError in the numbering reader) is level 0, as a malformed
    one was."""
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="²"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1">'
        '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="①"><w:startOverride w:val="3"/></w:lvlOverride>'
        "</w:num></w:numbering>"
    )
    item = paragraph("事项", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    body = "".join(paragraph(line) for line in SEED.splitlines()[:20]) + item
    document = load(package({"word/document.xml": document_xml(body), "word/numbering.xml": numbering}))
    assert "3.事项" in document.text  # the override of level "①", read as level 0, starts it at 3


def _page(text: str) -> str:
    """A web page of a report's text: a paragraph per line, a table row per line of cells."""
    body = []
    for line in text.splitlines():
        if "\t" in line:
            body.append(
                "<table><tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr></table>"
            )
        else:
            body.append(f"<p>{html.escape(line)}</p>")
    return '<html><head><meta charset="gb2312"></head><body>' + "".join(body) + "</body></html>"


def _saved(page: bytes, transfer: str) -> bytes:
    """A web page saved as one file, as Word (quoted-printable) or Chrome (base64 here) write it."""
    encoded = quopri.encodestring(page) if transfer == "quoted-printable" else base64.encodebytes(page)
    return (
        b"From: <Saved by Blink>\r\nSubject: =?utf-8?Q?report?=\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_01DA"\r\n\r\n'
        b"This is a multi-part message.\r\n\r\n------=_NextPart_01DA\r\n"
        b"Content-Location: file:///C:/report.htm\r\nContent-Transfer-Encoding: " + transfer.encode() + b"\r\n"
        b'Content-Type: text/html; charset="gb2312"\r\n\r\n'
        + encoded.replace(b"\n", b"\r\n")
        + b"\r\n------=_NextPart_01DA\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"iVBORw0KGgo=\r\n------=_NextPart_01DA--\r\n"
    )


def _findings(path: Path) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.message_zh, d.location.line, d.location.column) for d in govlint.lint(path).diagnostics]


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
@pytest.mark.parametrize("suffix", [".mht", ".mhtml", ".doc"])
def test_a_web_page_saved_as_one_file_is_read_as_the_page(tmp_path: Path, transfer: str, suffix: str) -> None:
    """A saved page (MHT) was read as text: quoted-printable markup, "not a report", exit 0.  It is read as
    its page is, also under ``.doc`` (Word's "single file web page") and when found in a folder."""
    page = _page(SEED).encode("gb18030")
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / f"saved{suffix}").write_bytes(_saved(page, transfer))
    expected = _findings(tmp_path / "page.html")
    assert expected and not any(finding[0] in ("GL001", "GL002") for finding in expected)
    assert _findings(tmp_path / f"saved{suffix}") == expected
    found = {path.name for path in iter_report_paths([tmp_path])}  # type: ignore[union-attr]
    assert f"saved{suffix}" in found


def test_a_saved_page_with_a_header_of_many_folded_lines_is_refused_at_once() -> None:
    """The email parser takes quadratic time over a header of many folded lines: 7 MB ran past 60 s."""
    header = b"MIME-Version: 1.0\r\nContent-Type: multipart/related;" + b"\r\n x=y;" * 1_000_000
    data = header + b' boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n--b--\r\n'
    with cpu_time() as spent, pytest.raises(InputError, match="too long"):
        load(data, name="x.mht")
    assert spent.seconds < 5


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("report.rtf", b"{\\rtf1\\ansi\\ansicpg936 \\'d2\\'bb\\'a1\\'a2}", "RTF document"),
        ("report.txt", b"{\\rtf1\\ansi \\u19968?}", "RTF document"),
        ("report.doc", b"{\\rtf1\\ansi \\u19968?}", "RTF document"),
        ("saved.txt", b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n', "saved as one"),
        (
            "export.docx",
            b"<html><body><p>" + SEED.encode() + b"</p></body></html>",
            "not a Word file: this is a web page",
        ),
        ("error.pdf", b"<!DOCTYPE html><html><body>404</body></html>", "not a PDF file: this is a web page"),
        ("report.docx", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "not a Word file: this is a PDF"),
        ("report.txt", package({"word/document.xml": document_xml(paragraph("一、总体情况"))}), "give it the .docx"),
        ("old.xls", OLE + "Workbook".encode("utf-16-le"), "old Excel workbook"),
        ("secret.docx", OLE + "EncryptedPackage".encode("utf-16-le"), "encrypted Office file"),
        ("old.txt", OLE + "WordDocument".encode("utf-16-le"), "old Word file"),
    ],
)
def test_a_file_under_another_kinds_extension_says_what_it_is(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    """RTF read as text was "not a report" (exit 0); a web page renamed .docx or saved as .pdf was "not a zip,
    or corrupt"; every old Office file was "an old Word (.doc)"."""
    (tmp_path / name).write_bytes(data)
    with pytest.raises(InputError, match=re.escape(says)):
        load(tmp_path / name)


@pytest.mark.parametrize(
    ("parts", "says"),
    [
        ({"inner.docx": b"PK", "r.txt": SEED}, "zip archive; unpack it"),
        ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}, "OpenDocument"),
    ],
)
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_a_zip_that_is_no_office_file_is_not_told_to_be_renamed_docx(
    tmp_path: Path, parts: dict[str, str | bytes], says: str, suffix: str
) -> None:
    """An archive or an .odt was "a zip or Word file; use the .docx extension" (and, as .docx, "word/document.xml
    is missing")."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    (tmp_path / f"x{suffix}").write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match=re.escape(says)):
        load(tmp_path / f"x{suffix}")


def test_a_word_file_nested_thousands_deep_is_refused_while_it_is_parsed() -> None:
    """Elements of another namespace nested in a paragraph were read whatever their depth: 3 million of them
    (33 MB, stored) took 14 s and 966 MB.  Past 1,000 levels the file is refused as the parser meets them."""
    depth = 300_000
    body = "".join(paragraph(line) for line in SEED.splitlines()[:20])
    nested = '<w:p xmlns:x="urn:x">' + "<x:a>" * depth + "</x:a>" * depth + "</w:p>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", document_xml(body + nested))
    with cpu_time() as spent, pytest.raises(InputError, match="nested too deeply"):
        load(buffer.getvalue())
    assert spent.seconds < 5


@pytest.mark.parametrize("utf8_first", [True, False])
def test_a_report_pasted_together_from_utf8_and_gbk_is_read_whole(tmp_path: Path, utf8_first: bool) -> None:
    """Half UTF-8 and half GBK: read whole as GB18030 the UTF-8 half was mojibake and sections 三 to 六 were
    "missing" (seven false errors); read the other way the file was "not a text file".  Each line is read in
    its own encoding now, with the findings of the report itself."""
    lines = SEED.splitlines(keepends=True)
    first, second = "".join(lines[: len(lines) // 2]), "".join(lines[len(lines) // 2 :])
    codecs = ("utf-8", "gb18030") if utf8_first else ("gb18030", "utf-8")
    (tmp_path / "mixed.txt").write_bytes(first.encode(codecs[0]) + second.encode(codecs[1]))
    (tmp_path / "report.txt").write_text(SEED, encoding="utf-8")
    assert _findings(tmp_path / "mixed.txt") == _findings(tmp_path / "report.txt")


def test_a_line_where_two_encodings_meet_is_replaced_not_the_file(tmp_path: Path) -> None:
    """Joined mid-line, the line where they meet is neither encoding: its bad bytes are replaced and recorded
    (GL003), the rest read; no error is found that the report itself does not have."""
    middle = next(i for i in range(len(SEED) // 2, len(SEED)) if "\u4e00" <= SEED[i - 1] <= SEED[i] <= "\u9fff")
    (tmp_path / "mixed.txt").write_bytes(SEED[:middle].encode("utf-8") + SEED[middle:].encode("gb18030"))
    (tmp_path / "report.txt").write_text(SEED, encoding="utf-8")
    found = govlint.lint(tmp_path / "mixed.txt").diagnostics
    assert any(d.code == "GL003" for d in found)
    errors = {d.message_zh for d in govlint.lint(tmp_path / "report.txt").diagnostics if d.severity.value == "error"}
    assert {d.message_zh for d in found if d.severity.value == "error"} <= errors


def test_documents_govlint_reads_by_content_are_not_passed_over_in_a_folder(tmp_path: Path) -> None:
    """A folder's ``.doc``, ``.wps``, ``.rtf`` and ``.ofd`` files were passed over without a word,
    and the run said nothing of the reports it had not checked.  Each is read by its content now: a web page
    under ``.doc`` is checked, the others are one line each saying what they are."""
    page = _page(SEED).encode("utf-8")
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "web.doc").write_bytes(page)
    (tmp_path / "saved.doc").write_bytes(_saved(page, "quoted-printable"))
    (tmp_path / "old.doc").write_bytes(OLE + "WordDocument".encode("utf-16-le"))
    (tmp_path / "old.wps").write_bytes(OLE + "WordDocument".encode("utf-16-le"))
    (tmp_path / "report.rtf").write_bytes(b"{\\rtf1\\ansi \\u19968?}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
    (tmp_path / "report.ofd").write_bytes(buffer.getvalue())
    expected = _findings(tmp_path / "page.html")
    assert _findings(tmp_path / "web.doc") == expected and _findings(tmp_path / "saved.doc") == expected
    status, found = _checked(tmp_path)
    assert status == 2
    assert {name: codes for name, codes in found.items() if codes == ["GL001"]}.keys() == {
        "old.doc",
        "old.wps",
        "report.rtf",
        "report.ofd",
    }
    assert "web.doc" in found and "saved.doc" in found


def _checked(folder: Path) -> tuple[int, dict[str, list[str]]]:
    """The exit code of ``govlint check --format json`` over ``folder``, and the codes found in each file
    (GL506, which names the copies of one report, left out)."""
    result = run_govlint("check", "--isolated", "--format", "json", "--lang", "en", str(folder))
    found: dict[str, list[str]] = {}
    for diagnostic in json.loads(result.stdout)["diagnostics"]:
        if diagnostic["code"] != "GL506":
            found.setdefault(Path(diagnostic["path"]).name, []).append(diagnostic["code"])
    return result.returncode, found


def test_a_configuration_holding_a_number_of_thousands_of_digits_is_one_line(tmp_path: Path) -> None:
    """tomllib lets int() refuse an integer of more than 4,300 digits (a ValueError, not a TOMLDecodeError):
    ``--config`` gave "internal error", a configuration found beside the reports stopped the run."""
    (tmp_path / "r.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "huge.toml").write_text("max-findings-per-rule = " + "9" * 5000 + "\n", encoding="utf-8")
    given = run_govlint("check", "--config", str(tmp_path / "huge.toml"), str(tmp_path / "r.txt"))
    assert given.returncode == 2 and given.stderr.count("\n") == 1 and "数字过长" in given.stderr
    (tmp_path / ".govlint.toml").write_text((tmp_path / "huge.toml").read_text("utf-8"), encoding="utf-8")
    found = run_govlint("check", "--format", "json", str(tmp_path / "r.txt"))
    assert "内部错误" not in found.stderr and json.loads(found.stdout)["files"] == 1


@pytest.mark.parametrize(
    ("roster", "chinese"),
    [
        ("body,level,region,deadline\n某局,部门,某县,3\n", "期限 '3' 应写作"),
        ("单位,层级\n某局,科室\n", "既不是政府"),
        ("地区\n某县\n", "没有单位列"),
    ],
)
def test_a_roster_error_is_in_chinese_by_default(tmp_path: Path, roster: str, chinese: str) -> None:
    """Every roster error was English only, whatever ``--lang``: a line a Chinese official could not read."""
    (tmp_path / "r.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "roster.csv").write_text(roster, encoding="utf-8")
    result = run_govlint("check", "--isolated", "--roster", str(tmp_path / "roster.csv"), str(tmp_path / "r.txt"))
    assert result.returncode == 2 and chinese in result.stderr
    said = result.stderr.removeprefix("govlint: ").replace(str(tmp_path / "roster.csv"), "")
    assert not re.search("[A-Za-z]{4,}", said), result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_file_replaced_by_a_named_pipe_after_it_was_looked_at_is_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file is looked at (a regular file) and then opened: replaced by a named pipe in between (a folder
    being written to, or someone racing the run), the open waited for a writer for ever."""
    regular = tmp_path / "r.txt"
    regular.write_text(SEED, encoding="utf-8")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    looked_at = os.stat(regular)
    real_stat = os.stat
    monkeypatch.setattr(guard.os, "stat", lambda path, *a, **k: looked_at if path == str(pipe) else real_stat(path))
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(guard.read_input_file(str(pipe)))
        except BaseException as error:  # the outcome is the test's
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # release the old code's open before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
        pytest.fail("the open of a named pipe waited for a writer")
    assert isinstance(outcome[0], InputError) and "not a regular file" in str(outcome[0])


def test_a_text_of_thousands_of_title_lines_is_refused_not_checked_as_thousands_of_reports(tmp_path: Path) -> None:
    """Each title line followed by a section 一 starts a report of a compilation: 20,000 of them (2 MB) were
    20,000 reports, each kept with its findings until the file was done (40 s, 1.2 GB).  A PDF holds at most
    500 pages; ``govlint check`` refuses a file of more than 1,000 reports at once, and checks 1,000."""
    report = "某某{}局2024年政府信息公开工作年度报告\n一、总体情况\n本机关依法公开政府信息。\n"
    (tmp_path / "many.txt").write_text("".join(report.format(i) for i in range(20_000)), encoding="utf-8")
    with cpu_time() as spent:
        result = run_govlint("check", "--isolated", "--format", "json", "-j", "1", str(tmp_path / "many.txt"))
    assert spent.seconds < 20
    [refused] = json.loads(result.stdout)["diagnostics"]
    assert refused["code"] == "GL001" and "上限 1000 份" in refused["message"] and result.returncode == 2
    (tmp_path / "many.txt").write_text("".join(report.format(i) for i in range(1_000)), encoding="utf-8")
    checked = run_govlint("check", "--isolated", "--format", "json", "-j", "1", str(tmp_path / "many.txt"))
    assert len({d["path"] for d in json.loads(checked.stdout)["diagnostics"]}) == 1_000


def test_a_stray_byte_in_a_utf8_line_of_a_mixed_text_is_replaced_not_read_as_gbk() -> None:
    """In a text of UTF-8 and GBK lines, a UTF-8 line with one stray byte decodes as GB18030 (mojibake, its
    heading lost): it stays UTF-8, the stray byte replaced and recorded."""
    lines = SEED.splitlines(keepends=True)
    first, second = "".join(lines[: len(lines) // 2]).encode(), "".join(lines[len(lines) // 2 :]).encode("gb18030")
    line, cut = next((text.rstrip("\n"), cut) for text in lines[: len(lines) // 2] for cut in range(1, len(text))
                     if _gbk_by_a_stray_byte(text.rstrip("\n"), cut))  # fmt: skip
    at = first.index(line.encode()) + len(line[:cut].encode())
    document = load(first[:at] + b"\x80" + first[at:] + second, name="mixed.txt")
    assert line[:cut] + "\ufffd" + line[cut:] in document.text.splitlines()
    assert document.replaced_bytes == (at,)
    assert "".join(lines[len(lines) // 2 :]) in document.text


def _gbk_by_a_stray_byte(line: str, cut: int) -> bool:
    """Whether ``line`` in UTF-8 with a stray byte after ``cut`` characters is valid GB18030 (mojibake)."""
    try:
        (line[:cut].encode() + b"\x80" + line[cut:].encode()).decode("gb18030")
    except UnicodeDecodeError:
        return False
    return not line.isascii()


def test_a_bad_byte_between_a_headings_numeral_and_its_mark_does_not_lose_the_section() -> None:
    """``二<bad byte>、主动公开政府信息情况``: the heading was not found (its numeral not followed by its mark), and
    section 二 was "missing" (GL101, an error) while the file only held an unreadable byte (GL003)."""
    heading = next(line for line in SEED.splitlines() if line.startswith("二、"))
    data = SEED.encode().replace(heading.encode(), "二".encode() + b"\x80" + heading[1:].encode(), 1)
    found = govlint.lint(data).diagnostics
    assert any(d.code == "GL003" for d in found)
    assert not any(d.code == "GL101" and "第二部分" in d.message_zh for d in found), [d.message_zh for d in found]


def test_a_page_of_millions_of_ruby_tags_is_refused_without_listing_them() -> None:
    """8 MB of ``<rp>`` is refused for its quadratic tags; counting them held a string per tag (120 MB, 15
    times the page) before the refusal: they are counted up to the limit now."""
    page = "<rp>" * 2_000_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="too many option or ruby"):
            read_html_text(page, "page.html")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000
