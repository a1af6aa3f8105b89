"""Read a PDF report with pypdfium2 (the ``govlint[pdf]`` extra): glyphs with their boxes, ruling lines.

pypdfium2 was chosen over pdfplumber after measuring both on a real report (docs/inputs.md): it reads the
five-page 洪泽区 2023 report's glyphs and drawings in about 0.05 s where pdfplumber needs about 0.85 s, it
imports in 0.08 s instead of 0.34 s, and its C core (PDFium, Chrome's PDF engine) is robust against broken
files.  pdfplumber's table finder also treated the white paragraph backgrounds that WPS draws as cell
borders; the grid here uses only visible strokes and thin dark fills (see :mod:`pdf_geometry`).

Limits: at most :data:`MAX_PDF_PAGES` pages, :data:`MAX_PAGE_TEXT_OBJECTS` and :data:`MAX_PAGE_CHARS` a page,
and :data:`PDF_TIME_BUDGET` seconds; a PDF that needs a
password, is corrupt, has no text layer (a scan), or whose text layer is garbled gets an InputError.
PDFium is not thread-safe, so reading is serialised by a lock.
"""

from __future__ import annotations

import ctypes
import itertools
import threading
import time
from typing import Any, NamedTuple

from govlint.errors import InputError
from govlint.sources.document import Document
from govlint.sources.extras import require
from govlint.sources.guard import MAX_PDF_PAGES, PDF_TIME_BUDGET, input_error
from govlint.sources.magic import kind_under_wrong_extension
from govlint.sources.pdf_geometry import Glyph, Grid, Ruling, find_grids
from govlint.sources.pdf_layout import Box, Item, page_items, write_items

_LOCK = threading.Lock()
#: A page with more drawing objects than this is a drawing, not a report page: its rulings are not read.
MAX_OBJECTS = 50_000
#: Form XObjects nested deeper than this are not searched for rulings.
MAX_FORM_DEPTH = 4
#: Most text objects and characters one page may have.  PDFium lays text objects out in quadratic time in
#: its C code (100,000 on one line took 32 s, stopped only by the worker's time limit), and each character
#: costs about 12 µs here (500 pages of 20,000 overran the 60 s budget).  The densest page of the real
#: reports has 753 objects and 2,179 characters.
MAX_PAGE_TEXT_OBJECTS = 20_000
MAX_PAGE_CHARS = 10_000
#: A colour channel at or above this (of 255) on all three channels is white: invisible on paper.
WHITE = 240
#: Thickest filled rectangle read as a ruling line, in points.
THIN = 3.0

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Page(NamedTuple):
    """What the layout needs from one page: its number, size, glyphs and ruled tables (display coordinates)."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    grids: list[Grid]
    #: The boxes of the page's image objects, ``(x0, top, x1, bottom)``.
    images: tuple[Box, ...] = ()


def read_pdf(data: bytes, name: str) -> Document:
    """Read the bytes of a PDF file."""
    pdfium = require("pypdfium2", "pdf", name)
    with _LOCK:
        items, text = _read_pages(pdfium, data, name)
    text.check(name)
    return write_items(items, name)


def _read_pages(pdfium: Any, data: bytes, name: str) -> tuple[list[Item], _TextLayer]:
    """The tables and lines of every page, and the tally of their characters; each page's glyphs are let go
    once its items are made (they were most of the memory of a long PDF)."""
    raw = pdfium.raw
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(raw, getattr(exc, "err_code", None), data, name) from None
    deadline = time.monotonic() + PDF_TIME_BUDGET
    try:
        count = len(document)
        if count == 0:
            raise input_error(name, "PDF 没有页面", "the PDF has no pages")
        if count > MAX_PDF_PAGES:
            raise input_error(
                name,
                f"PDF 页数过多（{count} 页，上限 {MAX_PDF_PAGES}）",
                f"too many pages ({count}; limit {MAX_PDF_PAGES})",
            )
        items: list[Item] = []
        text = _TextLayer()
        for index in range(count):
            _check_time(deadline, name)
            page = document[index]
            try:
                read = _read_page(raw, page, index + 1, deadline, name)
            finally:
                page.close()
            text.add(read.glyphs)
            items.extend(page_items(read))
        return items, text
    except InputError:
        raise
    except Exception:  # PDFium reports a damaged page or object in several ways; all mean "corrupt"
        raise input_error(name, "PDF 文件已损坏，无法读取", "the PDF is corrupt and cannot be read") from None
    finally:
        document.close()


def _open_error(raw: Any, code: int | None, data: bytes, name: str) -> InputError:
    if code == raw.FPDF_ERR_PASSWORD:
        return input_error(
            name,
            "PDF 已加密，需要密码才能打开；请提供未加密的版本",
            "the PDF is encrypted (needs a password); supply an unencrypted copy",
        )
    if code == raw.FPDF_ERR_SECURITY:
        return input_error(name, "PDF 使用了不支持的加密方式", "the PDF uses an unsupported encryption scheme")
    # a portal's error page saved as .pdf, a Word file…; not a PDF with bytes before its header
    other = kind_under_wrong_extension(data) if b"%PDF-" not in data[:1024] else None
    if other is not None:
        return input_error(name, f"不是 PDF 文件：{other[0]}", f"not a PDF file: {other[1]}")
    return input_error(name, "不是有效的 PDF 文件（已损坏或格式错误）", "not a valid PDF (corrupt or malformed)")


def _check_time(deadline: float, name: str) -> None:
    if time.monotonic() > deadline:
        raise input_error(
            name,
            f"PDF 读取超时（超过 {PDF_TIME_BUDGET:.0f} 秒），文件可能异常",
            f"reading the PDF took too long (over {PDF_TIME_BUDGET:.0f} s); the file may be malformed",
        )


def _read_page(raw: Any, page: Any, number: int, deadline: float, name: str) -> Page:
    width, height = page.get_size()
    rotation = page.get_rotation() % 360
    display = _display_transform(rotation, width, height)
    if rotation in (90, 270):
        width, height = height, width
    _check_text_objects(raw, page.raw, number, name)
    textpage = page.get_textpage()
    try:
        chars = raw.FPDFText_CountChars(textpage.raw)
        if chars > MAX_PAGE_CHARS:
            raise _too_much(name, number, f"{chars:,} 个字符", f"{chars:,} characters", MAX_PAGE_CHARS)
        glyphs = _glyphs(raw, textpage.raw, display, deadline, name)
    finally:
        textpage.close()
    images: list[Box] = []
    grids = find_grids(_rulings(raw, page.raw, display, deadline, name, images=images))
    return Page(number, width, height, glyphs, grids, tuple(images))


def _check_text_objects(raw: Any, page: Any, number: int, name: str) -> None:
    """Refuse a page with more than :data:`MAX_PAGE_TEXT_OBJECTS` text objects, counted in its form XObjects
    too, before PDFium lays them out; at most :data:`MAX_OBJECTS` objects are looked at."""
    texts = seen = 0
    stack: list[tuple[Any, bool, int]] = [(page, True, 0)]
    while stack:
        container, is_page, depth = stack.pop()
        count = raw.FPDFPage_CountObjects(container) if is_page else raw.FPDFFormObj_CountObjects(container)
        for index in range(count):
            seen += 1
            if seen > MAX_OBJECTS:
                return
            obj = raw.FPDFPage_GetObject(container, index) if is_page else raw.FPDFFormObj_GetObject(container, index)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                texts += 1
                if texts > MAX_PAGE_TEXT_OBJECTS:
                    raise _too_much(
                        name,
                        number,
                        f"{texts:,} 个以上文字对象",
                        f"over {texts - 1:,} text objects",
                        MAX_PAGE_TEXT_OBJECTS,
                    )
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                stack.append((obj, False, depth + 1))


def _too_much(name: str, number: int, count_zh: str, count_en: str, limit: int) -> InputError:
    """A page with more of something than any report page has: one line, long before the time limit."""
    return input_error(
        name,
        f"PDF 第 {number} 页有 {count_zh}（上限 {limit:,}）：年度报告的页面没有这么多，文件可能异常",
        f"page {number} of the PDF has {count_en} (limit {limit:,}): no report page has so many; the file may "
        "be malformed",
        kind="too-complex",
    )


def _display_transform(rotation: int, width: float, height: float) -> Any:
    """Map PDF user space (y up) to display space (y down) for a page shown with ``rotation`` degrees."""

    def transform(x: float, y: float) -> tuple[float, float]:
        if rotation == 90:
            return y, x
        if rotation == 180:
            return width - x, y
        if rotation == 270:
            return height - y, width - x
        return x, height - y

    return transform


def _glyphs(raw: Any, textpage: Any, display: Any, deadline: float, name: str) -> list[Glyph]:
    """The page's characters with their boxes: the loose box (font ascent to descent, even for a line of
    one height), unless it is far larger than the glyph's tight box, as PDFium gives for vertical fonts."""
    glyphs: list[Glyph] = []
    loose = raw.FS_RECTF()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for index in range(raw.FPDFText_CountChars(textpage)):
        if index % 5000 == 4999:
            _check_time(deadline, name)
        code = raw.FPDFText_GetUnicode(textpage, index)
        if code < 0x20 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if char.isspace() or raw.FPDFText_IsGenerated(textpage, index) == 1:
            continue
        if not raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top):
            continue
        box = (left.value, top.value, right.value, bottom.value)
        if raw.FPDFText_GetLooseCharBox(textpage, index, loose):
            width, height = right.value - left.value, top.value - bottom.value
            if loose.right - loose.left <= 4 * width + 8 or loose.top - loose.bottom <= 4 * height + 8:
                box = (loose.left, loose.top, loose.right, loose.bottom)
        x_a, y_a = display(box[0], box[1])
        x_b, y_b = display(box[2], box[3])
        glyphs.append(Glyph(char, min(x_a, x_b), max(x_a, x_b), min(y_a, y_b), max(y_a, y_b)))
    return glyphs


def _rulings(raw: Any, page: Any, display: Any, deadline: float, name: str, *, images: list[Box]) -> list[Ruling]:
    """The visible straight lines of a page: stroked axis-parallel segments and thin dark filled boxes; the
    boxes of its image objects are added to ``images`` on the way."""
    rulings: list[Ruling] = []
    stack: list[tuple[Any, bool, Matrix, int]] = [(page, True, _IDENTITY, 0)]
    seen = 0
    while stack:
        container, is_page, matrix, depth = stack.pop()
        count = raw.FPDFPage_CountObjects(container) if is_page else raw.FPDFFormObj_CountObjects(container)
        for index in range(count):
            seen += 1
            if seen > MAX_OBJECTS:
                return []
            if seen % 1000 == 0:
                _check_time(deadline, name)
            obj = raw.FPDFPage_GetObject(container, index) if is_page else raw.FPDFFormObj_GetObject(container, index)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                stack.append((obj, False, _compose(_matrix(raw, obj), matrix), depth + 1))
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                rulings.extend(_path_rulings(raw, obj, _compose(_matrix(raw, obj), matrix), display))
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                images.append(_image_box(_compose(_matrix(raw, obj), matrix), display))
    return rulings


def _matrix(raw: Any, obj: Any) -> Matrix:
    value = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, value):
        return _IDENTITY
    return (value.a, value.b, value.c, value.d, value.e, value.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` and then ``outer``."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _image_box(matrix: Matrix, display: Any) -> Box:
    """Where an image object is shown: its matrix maps the unit square onto the page."""
    a, b, c, d, e, f = matrix
    corners = [display(a * x + c * y + e, b * x + d * y + f) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def _visible(raw: Any, obj: Any, stroke: bool) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    getter = raw.FPDFPageObj_GetStrokeColor if stroke else raw.FPDFPageObj_GetFillColor
    if not getter(obj, r, g, b, a):
        return True
    return a.value > 0 and not (r.value >= WHITE and g.value >= WHITE and b.value >= WHITE)


def _path_rulings(raw: Any, obj: Any, matrix: Matrix, display: Any) -> list[Ruling]:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return []
    stroked = bool(stroke.value) and _visible(raw, obj, stroke=True)
    filled = fill_mode.value != 0 and not stroked and _visible(raw, obj, stroke=False)
    if not stroked and not filled:
        return []
    a, b, c, d, e, f = matrix
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        if not raw.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = display(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        elif kind == raw.FPDF_SEGMENT_LINETO:
            subpaths[-1].append(point)
        else:  # a curve: not a ruling; start afresh from its end point
            subpaths.append([point])
        if raw.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(subpaths[-1][0])
    rulings: list[Ruling] = []
    for points in subpaths:
        if stroked:
            rulings.extend(_segment(p, q) for p, q in itertools.pairwise(points) if _straight(p, q))
        elif len(points) > 1:
            rulings.extend(_thin_box(points))
    return rulings


def _straight(p: tuple[float, float], q: tuple[float, float]) -> bool:
    dx, dy = abs(p[0] - q[0]), abs(p[1] - q[1])
    return (dx < 0.5) != (dy < 0.5)


def _segment(p: tuple[float, float], q: tuple[float, float]) -> Ruling:
    if abs(p[1] - q[1]) < 0.5:
        return Ruling(True, (p[1] + q[1]) / 2, min(p[0], q[0]), max(p[0], q[0]))
    return Ruling(False, (p[0] + q[0]) / 2, min(p[1], q[1]), max(p[1], q[1]))


def _thin_box(points: list[tuple[float, float]]) -> list[Ruling]:
    x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
    y0, y1 = min(p[1] for p in points), max(p[1] for p in points)
    if y1 - y0 <= THIN < x1 - x0:
        return [Ruling(True, (y0 + y1) / 2, x0, x1)]
    if x1 - x0 <= THIN < y1 - y0:
        return [Ruling(False, (x0 + x1) / 2, y0, y1)]
    return []


class _TextLayer:
    """The tally of the characters of every page, to refuse a PDF without a usable text layer."""

    def __init__(self) -> None:
        self.chinese = 0
        self.garbled = 0

    def add(self, glyphs: list[Glyph]) -> None:
        for glyph in glyphs:
            char = glyph.text
            self.chinese += "\u4e00" <= char <= "\u9fff"
            self.garbled += "\u0080" <= char <= "\u024f" or char == "\ufffd"

    def check(self, name: str) -> None:
        """Refuse a PDF without a usable text layer: no text, no Chinese text, or mojibake."""
        if self.chinese >= 10:
            return
        if self.garbled >= 10:
            raise input_error(
                name,
                "PDF 的文字层是乱码（字体缺少字符映射），请先做文字识别（OCR）",
                "the PDF's text layer is garbled (fonts without a character map); OCR it first",
            )
        raise input_error(
            name,
            "PDF 中没有可提取的中文文字，可能是扫描件，请先做文字识别（OCR）",
            "no extractable text; a scan? OCR it first",
        )
