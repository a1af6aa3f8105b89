"""What a file is by its bytes, for the error of a file saved under another kind's extension.

A folder someone sent holds Word files that are web pages (a portal's export renamed ``.docx``), PDFs that are
a portal's error page, RTF and old Office files renamed ``.txt``, zip archives and OpenDocument files.  The
reader of the extension cannot read them; its error says what the file is and what to do, instead of "not a
Word file (not a zip, or corrupt)" or, for text that is RTF markup, passing it over as not a report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: (Chinese, English) of what a file is.
Hint = tuple[str, str]

PDF: Hint = ("这是 PDF 文件，请使用 .pdf 扩展名", "this is a PDF file; give it the .pdf extension")
WORD: Hint = ("这是 Word 文件，请使用 .docx 扩展名", "this is a Word file; give it the .docx extension")
ZIP: Hint = (
    "这是 zip 压缩包，请解压后检查其中的报告",
    "this is a zip archive; unpack it and check the reports in it",
)
RTF: Hint = (
    "这是 RTF 文档，govlint 不能读取：请在 Word 或 WPS 中另存为 .docx",
    "this is an RTF document, which govlint cannot read: save it as .docx in Word or WPS",
)
WEB_PAGE: Hint = (
    "这是网页（HTML），请使用 .html 扩展名（若是下载所得，可能是网站的错误页面）",
    "this is a web page (HTML); give it the .html extension (if it was downloaded, it may be the site's error page)",
)
SAVED_PAGE: Hint = (
    "这是保存为单个文件的网页（MHT），请使用 .mht 扩展名",
    "this is a web page saved as one file (MHT); give it the .mht extension",
)
IMAGE: Hint = ("这是图片，请先做文字识别（OCR）", "this is an image; OCR it first")

ODF: Hint = (
    "这是 OpenDocument 文档（如 .odt），govlint 不能读取：请另存为 .docx 或 PDF",
    "this is an OpenDocument file (such as .odt), which govlint cannot read: save it as .docx or PDF",
)
#: Zip-based formats that are not Word files, by a part name their zip lists (OpenDocument also by
#: :data:`_ODF_START`): "a zip or Word file; use the .docx extension" told the owner of an OFD or a workbook
#: to rename it.
_OTHER_ZIPS: tuple[tuple[bytes, Hint], ...] = (
    (
        b"OFD.xml",
        (
            "这是 OFD 版式文件，govlint 不能读取：请另存为 PDF 或 Word 文件",
            "this is an OFD file, which govlint cannot read: save it as PDF or Word",
        ),
    ),
    (b"xl/workbook", ("这是 Excel 工作簿，不是年度报告", "this is an Excel workbook, not a report")),
    (
        b"ppt/presentation",
        ("这是 PowerPoint 演示文稿，不是年度报告", "this is a PowerPoint presentation, not a report"),
    ),
    (b"META-INF/manifest.xml", ODF),
)
#: What an OpenDocument file's first local header holds: its stored ``mimetype`` entry, name then content.
_ODF_START = b"mimetypeapplication/vnd.oasis.opendocument"

#: What an old Office file (OLE2 compound file) holds, by the UTF-16 name of one of its streams; an encrypted
#: .docx is such a file too.
_OLE_STREAMS: tuple[tuple[bytes, str, str], ...] = (
    (
        "EncryptedPackage".encode("utf-16-le"),
        "这是加密的 Office 文件，请提供未加密的 .docx",
        "this is an encrypted Office file; supply an unencrypted .docx",
    ),
    (
        "Workbook".encode("utf-16-le"),
        "这是旧版 Excel 工作簿（.xls），不是年度报告",
        "this is an old Excel workbook (.xls), not a report",
    ),
    (
        "PowerPoint Document".encode("utf-16-le"),
        "这是旧版 PowerPoint 演示文稿（.ppt），不是年度报告",
        "this is an old PowerPoint presentation (.ppt), not a report",
    ),
    (
        "WordDocument".encode("utf-16-le"),
        "这是旧版 Word 文件（.doc 或 .wps），请另存为 .docx",
        "this is an old Word file (.doc or .wps); save it as .docx",
    ),
)
OLE: Hint = (
    "这是旧版 Word（.doc）或加密的 Office 文件，请另存为 .docx",
    "this is an old Word (.doc) or encrypted Office file; save it as .docx",
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0"

#: The header block of a MIME message that is a saved web page: header lines, one of them the multipart
#: content type (Word, Internet Explorer and Chrome all write ``multipart/related``).
_MIME_HEAD = re.compile(rb"(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+", re.ASCII)
_MULTIPART = re.compile(rb"^content-type:[ \t]*multipart/", re.IGNORECASE | re.MULTILINE)


#: How a web page starts (after a BOM and blanks, in any case).
HTML_STARTS = (b"<!doctype html", b"<html")


def is_word_zip(data: bytes) -> bool:
    """Whether ``data`` is a zip naming ``word/`` parts in its first local headers or its central directory."""
    return data.startswith(b"PK\x03\x04") and (b"word/" in data[:65536] or b"word/" in data[-65536:])


def starts_like_html(data: bytes) -> bool:
    """Whether ``data`` starts as a web page does: ``<!DOCTYPE html`` or ``<html`` after a BOM and blanks."""
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(HTML_STARTS)


def other_zip(data: bytes) -> Hint | None:
    """What a zip that is not a Word file is (OFD, a workbook, a presentation, OpenDocument), found by the
    part names in its first or last 64 KB (its local headers or its central directory); else None."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    if data.startswith(_ODF_START, 30):
        return ODF
    return _other_kind(data[:65536] + data[-65536:])


def other_package(names: Iterable[str]) -> Hint | None:
    """:func:`other_zip` of an opened zip, by its entries' ``names``."""
    return _other_kind("\n".join(names).encode("utf-8", "replace"))


def _other_kind(listed: bytes) -> Hint | None:
    return next((hint for part, hint in _OTHER_ZIPS if part in listed), None)


def ole_kind(data: bytes) -> Hint | None:
    """What an old Office file holds (an encrypted package, a workbook, a presentation, a Word document), by
    the names of its streams, which its directory writes in UTF-16; None when none is found."""
    return next(((zh, en) for stream, zh, en in _OLE_STREAMS if stream in data), None)


def is_saved_page(data: bytes) -> bool:
    """Whether ``data`` is a web page saved as one MIME file (MHT): header lines from the first byte, one of
    them ``Content-Type: multipart/…``."""
    head = _MIME_HEAD.match(data, 0, 16384)
    return head is not None and _MULTIPART.search(head.group()) is not None


def binary_kind(data: bytes) -> Hint | None:
    """What a file that no text reader may read is, by its first bytes: PDF, zip (Word or another), old
    Office, image, RTF, saved web page; else None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        other = other_zip(data)
        if other is not None:
            return other
        return WORD if is_word_zip(data) else ZIP
    if data.startswith(OLE_MAGIC):
        return ole_kind(data) or OLE
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff")):
        return IMAGE
    if data.startswith(b"{\\rtf"):
        return RTF
    if is_saved_page(data):
        return SAVED_PAGE
    return None


def kind_under_wrong_extension(data: bytes) -> Hint | None:
    """What a file the Word or PDF reader cannot open is, when its bytes say: :func:`binary_kind`, or a web
    page (a portal's export renamed ``.docx``, its error page saved as ``.pdf``)."""
    found = binary_kind(data)
    if found is not None:
        return found
    return WEB_PAGE if starts_like_html(data) else None
