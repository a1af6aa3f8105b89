"""Hostile and careless files of the third round (issue 16, measured again with files of other kinds): each
case here failed before its fix.  Word: a part whose deflate stream is corrupt was an internal error; two
entries of one name were read as zipfile's last one (another reader takes the first), so a report could hide
behind a second document.  Web pages: lexbor parses some pages in quadratic time (200,000 attributes on one
element, 100,000 ``<option>`` in a ``<select>``), and with ``-j 1`` a page was read in govlint's own process,
where the time limit's alarm cannot stop C code: the run hung.  A PDF saved as ``.html`` or ``.txt`` was
read as text and passed over as not a report."""

from __future__ import annotations

import io
import os
import stat
import threading
import time
import warnings
import zipfile
from pathlib import Path

import pytest
from hostile_files import REPORT, document_xml, package, page_tree_loop, paragraph, run_govlint
from source_support import SEEDS

from govlint import cli
from govlint.atomic import write_atomic
from govlint.config import Config
from govlint.errors import InputError
from govlint.output.tabular import safe
from govlint.runner import Limits, Task, run
from govlint.sources import html, load

SEED = SEEDS[0].read_text("utf-8")


def _page(body: str) -> str:
    lines = "".join(f"<p>{line}</p>" for line in SEED.splitlines())
    return f"<!doctype html><html><head><meta charset=utf-8></head><body><div>{lines}{body}</div></body></html>"


def _data_offset(data: bytes, part: str) -> int:
    """Where the compressed bytes of ``part`` start in the zip ``data``."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(part)
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(data[header + 28 : header + 30], "little")
    return header + 30 + name_length + extra_length


def test_a_corrupt_deflate_stream_is_a_corrupt_file_not_an_internal_error() -> None:
    data = bytearray(package({"word/document.xml": document_xml(paragraph(REPORT) * 50)}))
    start = _data_offset(bytes(data), "word/document.xml")
    data[start + 2 : start + 22] = b"\xff" * 20
    with pytest.raises(InputError, match=r"corrupt \(word/document\.xml\)"):
        load(bytes(data), name="deflate.docx")


def test_two_parts_of_one_name_are_refused() -> None:
    """A zip may hold two entries named ``word/document.xml``: zipfile reads the last, Word or another reader
    may show the first, so which report was checked would be a guess."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", document_xml(paragraph(REPORT)))
            archive.writestr("word/document.xml", document_xml(paragraph("另一份文件")))
    with pytest.raises(InputError) as error:
        load(buffer.getvalue(), name="twice.docx")
    assert "more than one part named word/document.xml" in error.value.message("en")


@pytest.mark.parametrize(
    ("junk", "message"),
    [
        ("<p " + " ".join(f"a{i}=1" for i in range(html.MAX_ATTRIBUTES + 1)) + ">x</p>", "too many attributes"),
        ("<select>" + "<option>1</option>" * (html.MAX_QUADRATIC_TAGS + 1) + "</select>", "too many option"),
        ("<ruby>" + "<rb>1<rp>(<rt>2" * (html.MAX_QUADRATIC_TAGS // 3 + 1) + "</ruby>", "too many option or ruby"),
    ],
    ids=["attributes", "options", "ruby"],
)
def test_what_lexbor_parses_in_quadratic_time_is_refused_before_parsing(junk: str, message: str) -> None:
    pytest.importorskip("selectolax")
    with pytest.raises(InputError, match=message):
        load(_page(junk).encode("utf-8"), name="quadratic.html")


def test_ordinary_option_lists_and_attributes_are_read() -> None:
    pytest.importorskip("selectolax")
    ordinary = "<select>" + "<option value=1>区县</option>" * 500 + "</select><p " + "a=1 " * 50 + ">尾</p>"
    assert "尾" in load(_page(ordinary).encode("utf-8"), name="ordinary.html").text


def test_a_slow_page_is_stopped_at_the_time_limit_with_one_job(tmp_path: Path) -> None:
    """Past the attribute count (a quoted ``>`` hides the rest of the tag from it), lexbor takes about 30 s;
    with ``jobs=1`` the page is read in a worker, which the time limit stops.  (A ``<b>`` keeps its attributes
    for lexbor: a ``<p>``'s are left out before parsing, ``sources/html_prune.py``.)"""
    pytest.importorskip("selectolax")
    path = tmp_path / "slow.html"
    path.write_text(_page('<b z=">" ' + " ".join(f"a{i}" for i in range(100_000)) + ">x</b>"), encoding="utf-8")
    started = time.monotonic()
    (outcome,) = run([Task(str(path), Config())], jobs=1, limits=Limits(timeout=1.0))
    assert time.monotonic() - started < 15
    assert outcome.unreadable is not None and outcome.unreadable.kind == "timeout"


@pytest.mark.parametrize("suffix", [".html", ".txt", ".md"])
def test_a_pdf_under_a_text_extension_is_refused_with_what_it_is(tmp_path: Path, suffix: str) -> None:
    """An uncompressed PDF is ASCII: it decoded as text and was skipped as not a report (GL002)."""
    path = tmp_path / f"report{suffix}"
    path.write_bytes(page_tree_loop())
    with pytest.raises(InputError, match=r"this is a PDF file; give it the \.pdf extension"):
        load(path)


@pytest.mark.parametrize("text", [' =HYPERLINK("http://x","y")', "\u3000+cmd|' /C calc'!A0", "\u00a0@SUM(A1)"])
def test_a_formula_behind_white_space_stays_text_in_workbooks(text: str) -> None:
    """A spreadsheet that trims cells on import would read these as formulas: they are quoted like ``=1+1``."""
    assert safe(text) == "'" + text


@pytest.mark.parametrize(
    "option",
    [
        ("--timeout", "1e308"),
        ("--timeout", "inf"),
        ("--timeout", "nan"),
        ("--timeout", "-1"),
        ("--memory-limit", "99999999999999999"),
        ("--memory-limit", "-5"),
    ],
)
def test_a_limit_out_of_range_on_the_command_line_is_a_usage_error(tmp_path: Path, option: tuple[str, str]) -> None:
    """``--timeout 1e308`` and ``--memory-limit 99999999999999999`` were internal errors (the timer and the
    workers' address-space limit overflowed, one traceback per worker); NaN and negative values were taken
    silently."""
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED, encoding="utf-8")
    done = run_govlint("check", "--lang", "en", "-j", "2", *option, str(tmp_path))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr[-2000:]
    assert f"argument {option[0]}: expected a number of" in done.stderr


@pytest.mark.parametrize("value", ["1e308", "inf", "nan"])
def test_a_timeout_out_of_range_in_a_configuration_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    given = tmp_path / "given.toml"
    given.write_text(f"timeout = {value}\n", encoding="utf-8")
    assert cli.main(["check", "--lang", "en", "--config", str(given), str(tmp_path / "a.txt")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "timeout: expected a number of seconds from 0" in error


def test_writing_to_a_named_pipe_writes_into_it(tmp_path: Path) -> None:
    """``-o`` naming a pipe (or ``/dev/full``, ``/dev/stdout``) replaced it with a regular file: as root,
    ``-o /dev/full`` put a file in place of the device.  A stream is written into, as a shell would."""
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_atomic(pipe, b"{}\n")
    reader.join(10)
    assert received == [b"{}\n"] and stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_writing_to_a_link_to_an_open_file_writes_through_it(tmp_path: Path) -> None:
    """``/dev/stdout`` is a link to ``/proc/self/fd/1``: the link stays, the data goes to the open file."""
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("no /proc")
    read_end, write_end = os.pipe()
    link = tmp_path / "stdout"
    os.symlink(f"/proc/self/fd/{write_end}", link)
    try:
        write_atomic(link, "报告\n")
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        assert stream.read() == "报告\n".encode()
    assert link.is_symlink()


def test_a_block_device_is_never_written(tmp_path: Path) -> None:
    node = tmp_path / "disk"
    try:
        os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(7, 200))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(node, b"x")
    assert stat.S_ISBLK(os.lstat(node).st_mode)
