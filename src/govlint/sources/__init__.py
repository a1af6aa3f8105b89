"""Readers that turn a path, bytes or str into a :class:`Document` (decoded text plus origins).

The reader is chosen by the file's extension; bytes without a name, and files with another extension,
are recognised by their content (``%PDF-``, a zip holding ``word/document.xml``, an HTML document).  Heavy
readers (HTML, Word, PDF) are imported only when such a file is read.
"""

from __future__ import annotations

import os
import re

from govlint.errors import OwnOutput
from govlint.sources.document import Document, SourceKind, markdown_images
from govlint.sources.guard import check_size, input_error, read_input_file
from govlint.sources.magic import HTML_STARTS, is_saved_page, is_word_zip, starts_like_html
from govlint.sources.own import HEAD_BYTES, text_output

__all__ = ["DOCUMENT_EXTENSIONS", "REPORT_EXTENSIONS", "Document", "Source", "load", "load_file", "load_text"]

Source = str | bytes | os.PathLike[str]

#: The file extensions govlint reads, and the reader of each.
REPORT_EXTENSIONS: dict[str, SourceKind] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".mht": "html",
    ".mhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

#: Extensions of documents a report is published as that govlint reads by their content, found in folders
#: too: passed over, a folder's ``.doc`` reports were never said to be unchecked.  Word's "single file web
#: page" and portals' exports are web pages under ``.doc`` (read); an old Word or WPS file, RTF or OFD is one
#: GL001 line saying what it is and what to save it as.
DOCUMENT_EXTENSIONS = frozenset({".doc", ".wps", ".rtf", ".ofd"})

#: How a zip starts: a Word file, or govlint's own workbook.
_ZIP_START = b"PK\x03\x04"


def load(source: Source, *, encoding: str | None = None, name: str | None = None) -> Document:
    """Read ``source``: a path (``os.PathLike``, or a one-line ``str`` naming a file), the file's bytes, or
    the report's text as ``str``.

    ``encoding`` overrides the detected encoding of text and HTML; ``name`` is the path shown in messages.
    Raises :class:`govlint.errors.InputError` with one clear line for anything that cannot be read.
    """
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _names_a_file(source)):
        return load_file(source, encoding=encoding, name=name)
    if isinstance(source, bytes):
        check_size(len(source), name or "<bytes>")
        return read_bytes(source, sniff(source), name or "<bytes>", encoding)
    return load_text(source, name=name)


def load_text(source: str, *, name: str | None = None) -> Document:
    """Read the report's text (plain text, or a web page's source), never taken for a path."""
    display = name or "<string>"
    check_size(len(source), display)
    written = own_output(source[:HEAD_BYTES].encode("utf-8", "replace"))
    if written is not None:
        raise OwnOutput(display, written)
    if source[:512].lstrip().lower().encode("utf-8", "replace").startswith(HTML_STARTS):
        from govlint.sources.html import read_html_text

        return read_html_text(source, display)
    from govlint.sources.text import normalize_newlines

    text = normalize_newlines(source.removeprefix("\ufeff"))
    if _blank(text):
        raise input_error(display, "文件为空", "empty file")
    return _text_document(text, display)


def load_file(
    path: str | os.PathLike[str], *, encoding: str | None = None, name: str | None = None, within: str | None = None
) -> Document:
    """Read the file at ``path``, whatever its name: the reader of its extension, else of its content
    (``within``, the real path of the folder it was found in: a symlink planted since is judged again,
    :func:`govlint.sources.guard.read_regular_file`)."""
    path = os.fspath(path)
    data = read_input_file(path, within=within)
    kind = REPORT_EXTENSIONS.get(extension(path)) or sniff(data)
    return read_bytes(data, kind, name or path, encoding)


def read_bytes(data: bytes, kind: SourceKind, name: str, encoding: str | None = None) -> Document:
    """Read the bytes of a file with the reader for ``kind``; govlint's own output is refused (:class:`OwnOutput`)."""
    written = own_output(data)
    if written is not None:
        raise OwnOutput(name, written)
    if kind == "text":
        return _read_text(data, name, encoding)
    from govlint.sources import heap

    try:
        return _read_structured(data, kind, name, encoding)
    finally:
        heap.release()  # what the reader's C library freed, before the parse allocates its own


def own_output(data: bytes) -> str | None:
    """The name of govlint's output format that ``data`` starts with ("html", "json", "xlsx" …), or None for
    any other file.  A zip is opened (:mod:`govlint.sources.own_workbook`, with :mod:`zipfile`) only when
    ``data`` is one."""
    if data.startswith(_ZIP_START):
        from govlint.sources.own_workbook import workbook_by_govlint

        return "xlsx" if workbook_by_govlint(data) else None
    return text_output(data)


def _read_structured(data: bytes, kind: SourceKind, name: str, encoding: str | None) -> Document:
    """A PDF, Word file or web page (``kind`` is not ``"text"``)."""
    if kind == "pdf":
        from govlint.sources.pdf import read_pdf

        return read_pdf(data, name)
    if kind == "docx":
        from govlint.sources.docx import read_docx

        return read_docx(data, name)
    from govlint.sources.html import read_html

    if is_saved_page(data):
        from govlint.sources.mhtml import saved_page

        data = saved_page(data, name)
    return read_html(data, name, encoding)


def _read_text(data: bytes, name: str, encoding: str | None) -> Document:
    from govlint.sources.text import decode_text

    decoded = decode_text(data, name, encoding)
    if _blank(decoded.text):
        raise input_error(name, "文件为空（只有空白）", "empty file (only whitespace)")
    return _text_document(decoded.text, name, decoded.encoding, decoded.replaced)


def _blank(text: str) -> bool:
    """Whether ``text`` holds nothing but white space, read without the copy of it ``text.strip()`` makes (as
    large as the text: the read's peak, issue #16)."""
    return not text or text.isspace()


def _text_document(text: str, name: str, encoding: str | None = None, replaced: tuple[int, ...] = ()) -> Document:
    """Plain text, or converter Markdown whose tables are HTML (their grid is read)."""
    if re.search("<table", text, re.IGNORECASE):  # not text.lower(): a copy of the text at 3-4× its size
        from govlint.sources.markdown import has_html_tables, read_markdown

        if has_html_tables(text):
            return read_markdown(text, name, encoding, replaced)
    if _may_hold_box_tables(text):  # a text browser's tables (w3m)
        from govlint.sources.boxtable import read_box_tables

        drawn = read_box_tables(text, name, encoding, replaced)
        if drawn is not None:
            return drawn
    return Document(path=name, text=text, encoding=encoding, replaced_bytes=replaced, images=markdown_images(text))


def _may_hold_box_tables(text: str) -> bool:
    """Whether ``text`` may hold a table a text browser drew (a cheap test: box-drawing corners, or ``+-`` and
    ``-+``), which :mod:`govlint.sources.boxtable` reads; it is imported only then."""
    return (
        ("┌" in text and "└" in text)
        or ("╔" in text and "╚" in text)
        or ("┏" in text and "┗" in text)
        or ("+-" in text and "-+" in text)
    )


def sniff(data: bytes) -> SourceKind:
    """The kind of a file known only by its content."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if is_word_zip(data):
        return "docx"
    if starts_like_html(data) or is_saved_page(data):
        return "html"
    return "text"


def extension(path: str) -> str:
    """The lower-case extension of a path's last part (``".txt"``), or ``""``."""
    return os.path.splitext(os.path.basename(os.path.normpath(path)))[1].lower()


def _names_a_file(text: str) -> bool:
    """A one-line string is a path if such a file exists or it ends with a report extension."""
    if "\n" in text or len(text) >= 4096 or not text.strip():
        return False
    return extension(text) in REPORT_EXTENSIONS or os.path.exists(text)
