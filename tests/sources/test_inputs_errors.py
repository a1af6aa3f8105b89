"""Every unreadable input gets one InputError line (Chinese, then English); nothing else escapes or hangs."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from source_support import PEER, PINGTAN, SEEDS, write_docx

from govlint.errors import InputError
from govlint.sources import guard, load


def _error(source: Any, **kwargs: Any) -> str:
    with pytest.raises(InputError) as caught:
        load(source, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert " / " in message, "Chinese and English parts"
    return message


def test_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "没有这个文件.pdf"
    assert _error(missing) == f"{missing}: 文件不存在 / file not found"


def test_nonexistent_path_given_as_str(tmp_path: Path) -> None:
    missing = str(tmp_path / "2024年报.docx")
    assert "file not found" in _error(missing)


def test_directory_passed_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "年报.txt"
    folder.mkdir()
    assert "is a directory, not a file" in _error(folder)
    assert "is a directory, not a file" in _error(str(tmp_path))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf", ".bin"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert _error(path).endswith("文件为空 / empty file")


def test_whitespace_only_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n\t", encoding="utf-8")
    assert "empty file" in _error(path)
    assert "empty file" in _error("   ")
    assert "empty file" in _error(b"")


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(guard.MAX_INPUT_BYTES + 1)
    assert "file too large (over 50 MB)" in _error(path)
    assert "file too large" in _error(b"x" * (guard.MAX_INPUT_BYTES + 1))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _error(fifo)


def _markdown_with_html_table(folder: Path) -> Path:
    """Converter Markdown whose table is HTML: read as plain text, its table would look missing."""
    path = folder / "report.md"
    path.write_text("一、总体情况\n\n<table><tr><td>行政复议</td><td>0</td></tr></table>\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("module", "extra", "make"),
    [
        ("selectolax", "html", lambda tmp: PINGTAN / "014_approval_2025.html"),
        ("selectolax", "html", _markdown_with_html_table),
        ("pypdfium2", "pdf", lambda tmp: PEER / "hzq2023_working.pdf"),
    ],
)
def test_missing_extra_names_the_install_command(
    module: str, extra: str, make: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for loaded in [name for name in sys.modules if name == module or name.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    for blocked in (module, f"{module}.lexbor", f"{module}.raw"):
        monkeypatch.setitem(sys.modules, blocked, None)  # importing it now raises ImportError
    message = _error(make(tmp_path))
    assert f"pip install 'govlint[{extra}]'" in message


def test_reading_never_modifies_the_input(tmp_path: Path) -> None:
    sources = [SEEDS[0], PINGTAN / "014_approval_2025.html", PEER / "hzq2024_working.pdf"]
    sources.append(write_docx(SEEDS[1].read_text(encoding="utf-8"), tmp_path / "seed.docx"))
    for source in sources:
        copy = tmp_path / f"copy{source.suffix}"
        shutil.copyfile(source, copy)
        os.chmod(copy, 0o444)  # a read-only file must be readable
        before = (hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns)
        load(copy)
        assert (hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns) == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == [copy.name]
        os.chmod(copy, 0o644)
        copy.unlink()


def test_bytes_are_recognised_by_content(tmp_path: Path) -> None:
    pdf = (PEER / "hzq2024_working.pdf").read_bytes()
    assert load(pdf).kind == "pdf"
    docx = write_docx(SEEDS[0].read_text(encoding="utf-8"), tmp_path / "seed.docx").read_bytes()
    assert load(docx).kind == "docx"
    page = (PINGTAN / "014_approval_2025.html").read_bytes()
    assert load(page).kind == "html"
    assert load(page.decode("utf-8")).kind == "html"
    unknown = tmp_path / "report.dat"
    unknown.write_bytes(pdf)
    assert load(unknown).kind == "pdf"
