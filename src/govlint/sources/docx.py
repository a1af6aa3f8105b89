"""Read a Word report (.docx): :mod:`zipfile`, and every XML part parsed by defusedxml's ElementTree.

The body is read in order: each paragraph is a line (with its list number, see
:mod:`govlint.sources.docx_numbering`), each table row a line of its own TAB-separated cells, each with
the origin of its grid column; ``gridSpan``, ``vMerge`` and ``hMerge`` continuations are covered positions, not
written.

Why ElementTree: its C parser reads a report's ``document.xml`` about as fast as lxml (see
docs/inputs.md) and needs no compiled dependency; defusedxml wraps it so that no part can declare a DTD or
an entity, whatever its encoding or wherever the declaration stands.  The zip is guarded against bombs:
every part is read with a size cap and a compression-ratio check, the archive's entry count is bounded,
an encrypted entry is refused.  Generated text is bounded too: spans and ``gridBefore`` are clamped to the
grid's column limit, list labels by :mod:`govlint.sources.docx_numbering`.
"""

from __future__ import annotations

import contextlib
import functools
import io
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterable, Iterator

import defusedxml.ElementTree as defused
from defusedxml import DefusedXmlException

from govlint.errors import InputError
from govlint.model import Origin
from govlint.sources.document import Document
from govlint.sources.docx_numbering import Numbering
from govlint.sources.grid import MAX_COLUMNS
from govlint.sources.guard import MAX_INPUT_BYTES, input_error
from govlint.sources.layout import MIN_IMAGE_PIXELS, TextBuilder
from govlint.sources.magic import OLE_MAGIC, ZIP, kind_under_wrong_extension, ole_kind, other_package, other_zip

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
#: Most zip entries a Word document may have, and the largest compression ratio of a part over 1 MB.
MAX_ENTRIES = 10_000
MAX_RATIO = 200
#: Deepest nesting of XML elements read in the main part: Word's own (a text box's paragraph in a cell of a
#: table nested a few deep) is a few dozen; a paragraph of 3 million nested elements took 14 s and 966 MB.
MAX_DEPTH = 1_000
#: The zip flag of an encrypted entry (``zipfile`` would raise a bare RuntimeError asking for a password).
_ENCRYPTED = 0x1
#: Elements whose content is never shown: deleted text (a tracked deletion, and the old place of moved text:
#: ``w:moveFrom`` holds its runs as ``w:t``, read twice before), field codes, properties.
_SKIP = frozenset(
    {"del", "moveFrom", "delText", "instrText", "delInstrText", "rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr"}
)
#: Containers whose children belong to their parent's flow.
_TRANSPARENT = frozenset({"sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple"})
#: English Metric Units per pixel (at 96 dpi): DrawingML sizes are in EMU.
_EMU_PER_PIXEL = 9525


def read_docx(data: bytes, name: str) -> Document:
    """Read the bytes of a .docx file."""
    parts = _Package(data, name)
    main = parts.main_part()
    numbering = Numbering.from_parts(
        parts.optional_xml("word/numbering.xml"), lambda: parts.optional_xml("word/styles.xml")
    )
    reader = _BodyReader(numbering)
    try:
        reader.read(parts.body_children(main))
    except RecursionError:
        raise _too_deep(name) from None
    except _Imported as imported:
        element = imported.args[0]
        raise input_error(
            name,
            f"Word 文件的部分内容在另一个文件中（{element}：导入的部分或链接的子文档），govlint 读不到："
            "请在 Word 中把它并入文档（打开后另存为 .docx），再检查",
            f"part of the Word file is in another file ({element}: an imported part or a linked subdocument), "
            "which govlint does not read: merge it into the document in Word (open it, save it as .docx), then "
            "check it",
            kind="imported-part",
        ) from None
    if not reader.builder.text_seen:
        raise input_error(name, "Word 文件中没有文字", "the Word file contains no text")
    return reader.builder.build(name, "docx")


def _too_deep(name: str) -> InputError:
    return input_error(name, "Word 文件结构嵌套过深", "the Word file is nested too deeply")


@functools.cache
def _local(tag: str) -> tuple[str, str]:
    """``(namespace, local name)`` of an ElementTree tag (cached: a document has a few dozen tags)."""
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return namespace, local


def _is_w(element: ET.Element, local: str) -> bool:
    namespace, name = _local(element.tag)
    return name == local and namespace in W_NAMESPACES


def _find_w(element: ET.Element | None, local: str) -> ET.Element | None:
    if element is None:
        return None
    return next((child for child in element if _is_w(child, local)), None)


def _w_attr(element: ET.Element | None, local: str) -> str | None:
    if element is None:
        return None
    for namespace in W_NAMESPACES:
        value = element.get(f"{{{namespace}}}{local}")
        if value is not None:
            return value
    return None


def _int_attr(element: ET.Element | None, default: int) -> int:
    value = _w_attr(element, "val")
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Package:
    """The zip archive, read with limits."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        if data.startswith(OLE_MAGIC):
            zh, en = ole_kind(data) or (
                "这是旧版 Word（.doc）或加密的 Word 文件，请另存为未加密的 .docx",
                "this is an old Word (.doc) or an encrypted Word file; save it as an unencrypted .docx",
            )
            raise input_error(name, zh, en)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
            other = kind_under_wrong_extension(data)  # a web page renamed .docx, a PDF, RTF…
            if other is not None:
                raise input_error(name, f"不是 Word 文件：{other[0]}", f"not a Word file: {other[1]}") from None
            raise input_error(
                name, "不是有效的 Word 文件（不是 zip 压缩包或已损坏）", "not a Word file (not a zip, or corrupt)"
            ) from None
        if len(infos) > MAX_ENTRIES:
            raise input_error(name, "Word 文件中的条目过多", f"the Word file has too many entries (over {MAX_ENTRIES})")
        if sum(info.file_size for info in infos) > 4 * MAX_INPUT_BYTES:
            raise self._bomb()
        self.names = {info.filename: info for info in infos}
        #: What the zip is when not a Word file, by its first and last bytes (OpenDocument's stored mimetype)
        self.other = other_zip(data)
        #: Names given to more than one entry: readers disagree on which one is the part (zipfile takes the
        #: last, others the first), so such a part is refused rather than read one way.
        self.doubled = {info.filename for info in infos if self.names[info.filename] is not info}

    def _bomb(self) -> Exception:
        limit = MAX_INPUT_BYTES // (1024 * 1024)
        return input_error(
            self.name,
            f"Word 文件解压后过大（超过 {limit} MB，疑似压缩炸弹）",
            f"the Word file is too large when uncompressed (over {limit} MB; a zip bomb?)",
        )

    def read(self, part: str) -> bytes:
        info = self.names[part]
        if part in self.doubled:
            raise input_error(
                self.name,
                f"Word 文件中有多个同名部件（{part}），无法确定应读哪一个",
                f"the Word file holds more than one part named {part}; which one is the document is uncertain",
            )
        if info.flag_bits & _ENCRYPTED:
            raise input_error(
                self.name,
                f"Word 文件中的部件已加密（{part}），请提供未加密的 .docx",
                f"a part of the Word file is encrypted ({part}); supply an unencrypted .docx",
            )
        if info.file_size > MAX_INPUT_BYTES:
            raise self._bomb()
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise input_error(
                self.name,
                f"Word 文件的部件 {part} 压缩比超过 {MAX_RATIO} 倍（疑似压缩炸弹）",
                f"a part of the Word file ({part}) is compressed more than {MAX_RATIO} times (a zip bomb?)",
            )
        try:
            with self.zip.open(info) as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError):
            raise input_error(self.name, f"Word 文件已损坏（{part}）", f"the Word file is corrupt ({part})") from None
        if len(data) > MAX_INPUT_BYTES:
            raise self._bomb()
        return data

    def xml(self, part: str) -> ET.Element:
        """Parse a part with defusedxml: a DTD, an entity declaration or an external reference is refused
        wherever it stands and in whatever encoding the part is written (UTF-16 included)."""
        data = self.read(part)
        with self._parsing(part):
            root: ET.Element = defused.fromstring(data, forbid_dtd=True)
        return root

    @contextlib.contextmanager
    def _parsing(self, part: str) -> Iterator[None]:
        """Turn what the XML parser raises on ``part`` into the file's one-line error."""
        try:
            yield
        except DefusedXmlException:
            raise input_error(
                self.name, f"Word 文件含有不允许的 DOCTYPE（{part}）", f"the Word file has a forbidden DOCTYPE ({part})"
            ) from None
        except (ET.ParseError, ValueError, LookupError):
            raise input_error(self.name, f"Word 文件已损坏（{part}）", f"the Word file is corrupt ({part})") from None

    def body_children(self, part: str) -> Iterator[ET.Element]:
        """The children of the part's ``w:body`` in order, each once it is complete; each is let go when the
        next is asked for, so a long document is never held whole as a tree (parsed as :meth:`xml` does)."""
        body: ET.Element | None = None
        depth = 0
        with self._parsing(part):
            for event, element in defused.iterparse(io.BytesIO(self.read(part)), ("start", "end"), forbid_dtd=True):
                if event == "start":
                    depth += 1
                    if depth > MAX_DEPTH:
                        raise _too_deep(self.name)
                    if body is None and depth == 2 and _is_w(element, "body"):
                        body = element
                    continue
                depth -= 1
                if body is not None and depth == 2 and element in body:
                    yield element
                    body.remove(element)  # the parser may have read on: later children stay
        if body is None:
            raise input_error(self.name, "Word 文件缺少正文（document.xml 中没有 body）", "the Word file has no body")

    def optional_xml(self, part: str) -> ET.Element | None:
        return self.xml(part) if part in self.names else None

    def main_part(self) -> str:
        """The main document part named by ``_rels/.rels`` (normally ``word/document.xml``)."""
        if "_rels/.rels" in self.names:
            for relation in self.xml("_rels/.rels").iter(_REL):
                target = (relation.get("Target") or "").lstrip("/")
                if (relation.get("Type") or "").endswith(_OFFICE_DOCUMENT) and target in self.names:
                    return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        other = other_package(self.names) or self.other
        if (
            other is None
            and "[Content_Types].xml" not in self.names
            and not any(n.startswith("word/") for n in self.names)
        ):
            other = ZIP  # an archive (of reports, say), not an Office package
        if other is not None:
            raise input_error(self.name, f"不是 Word 文件：{other[0]}", f"not a Word file: {other[1]}")
        raise input_error(
            self.name, "不是 Word 文件（缺少 word/document.xml）", "not a Word file (word/document.xml is missing)"
        )


class _Imported(Exception):
    """The body holds a ``w:altChunk`` (content imported from another part: HTML, RTF, another document,
    which Word shows in its place and merges on saving) or a ``w:subDoc`` (a master document's link to a
    subdocument file); its argument is the element's name.  Reading around it would accuse the report of
    lacking what the other part holds (generators such as html-docx-js put the whole report there)."""


#: The body elements whose content is in another part or file.
_ELSEWHERE = frozenset({"altChunk", "subDoc"})


class _BodyReader:
    """Walks the body in order, writing paragraphs and tables."""

    def __init__(self, numbering: Numbering) -> None:
        self.builder = TextBuilder()
        self.numbering = numbering
        self.tables = 0

    def read(self, children: Iterable[ET.Element]) -> None:
        for child in children:
            _, local = _local(child.tag)
            if child.tag.startswith(_MC):
                self.read(_alternate(child))
            elif local == "p":
                if _shows_image(child):
                    self.builder.image()
                # a text box holding a table (the report's tables laid out in text boxes) is read as a body,
                # after the paragraph's own text: read as the paragraph's text, its tables were left out
                boxes = [box for box in _text_boxes(child) if any(_is_w(block, "tbl") for block in box)]
                text = self.numbering.label(child) + paragraph_text(child, boxes=not boxes)
                if not text.strip():
                    self.builder.blank()  # an empty paragraph is an empty line, as in the document
                for line in text.split("\n"):
                    self.builder.line(line)
                for box in boxes:
                    self.read(box)
            elif local == "tbl":
                self._table(child)
            elif local in _TRANSPARENT:
                self.read(child)
            elif local in _ELSEWHERE:
                raise _Imported(local)

    def _table(self, table: ET.Element) -> None:
        """Write each row's own cells at their grid columns; ``gridSpan``, ``vMerge`` and legacy ``hMerge``
        continuations are covered positions, not cells.  ``gridBefore`` and spans are clamped to :data:`MAX_COLUMNS`.

        A table with a table in a cell lays the page out (the report framed in a one-cell table, each table
        in a bordered box): its cells are read in order as bodies, so the tables inside are read on their
        grid (before, each nested table's text was one cell of the frame, and no table was found)."""
        cells = [cell for row in _children(table, "tr") for cell in _children(row, "tc")]
        if any(_holds_table(cell) for cell in cells):
            for cell in cells:
                self.read(cell)
            return
        self.tables += 1
        self.builder.blank()
        if _shows_image(table):
            self.builder.image()  # a picture in a cell: a table's screenshot laid out beside its caption
        for r, row in enumerate(_children(table, "tr"), start=1):
            column = min(max(_int_attr(_find_w(_find_w(row, "trPr"), "gridBefore"), 0), 0), MAX_COLUMNS)
            texts: list[str] = []
            origins: list[Origin] = []
            for cell in _children(row, "tc"):
                if column >= MAX_COLUMNS:
                    break
                properties = _find_w(cell, "tcPr")
                merge = _find_w(properties, "vMerge")
                legacy = _find_w(properties, "hMerge")  # Word 97's horizontal merge: a continuation is covered
                if (merge is None or _w_attr(merge, "val") == "restart") and (
                    legacy is None or _w_attr(legacy, "val") == "restart"
                ):
                    texts.append(block_text(cell))
                    origins.append(Origin(table=self.tables, row=r, column=column + 1))
                column += min(max(_int_attr(_find_w(properties, "gridSpan"), 1), 1), MAX_COLUMNS - column)
            if texts:  # a row of empty cells is written: its cells are empty in the source, not unread
                self.builder.row(texts, origins)
        self.builder.blank()


def _alternate(element: ET.Element) -> ET.Element:
    """The branch of ``mc:AlternateContent`` to read: its first ``mc:Choice``, else its ``mc:Fallback``
    (never both, which hold the same text)."""
    for tag in (f"{_MC}Choice", f"{_MC}Fallback"):
        branch = element.find(tag)
        if branch is not None:
            return branch
    return ET.Element("none")


def _children(element: ET.Element, local: str) -> Iterator[ET.Element]:
    """Children named ``local``, looking through transparent containers (sdt, customXml)."""
    for child in element:
        _, name = _local(child.tag)
        if name == local:
            yield child
        elif name in _TRANSPARENT:
            content = _find_w(child, "sdtContent")
            yield from _children(content if content is not None else child, local)


def _holds_table(container: ET.Element) -> bool:
    """Whether a table cell holds a table among its blocks (looking through the containers
    :func:`block_text` reads through, not into nested tables: each table is looked at once)."""
    for child in container:
        _, local = _local(child.tag)
        if local == "tbl":
            return True
        if (local in _TRANSPARENT or child.tag.startswith(_MC)) and _holds_table(
            _alternate(child) if child.tag.startswith(_MC) else child
        ):
            return True
    return False


def block_text(container: ET.Element) -> str:
    """The text of a table cell (which holds no table, see :func:`_holds_table`): its paragraphs, joined by
    spaces."""
    parts: list[str] = []
    for child in container:
        _, local = _local(child.tag)
        if local == "p":
            parts.append(paragraph_text(child))
        elif local in _TRANSPARENT or child.tag.startswith(_MC):
            parts.append(block_text(_alternate(child) if child.tag.startswith(_MC) else child))
        elif local in _ELSEWHERE:
            raise _Imported(local)
    return " ".join(part for part in parts if part)


def _text_boxes(paragraph: ET.Element) -> Iterator[ET.Element]:
    """The text boxes (``w:txbxContent``) of a paragraph, each once (the ``mc:AlternateContent`` branch read),
    not those nested in another."""
    stack: list[ET.Element] = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        if element.tag.startswith(_MC):
            stack.extend(reversed(_alternate(element)))
        elif _is_w(element, "txbxContent"):
            yield element
        else:
            stack.extend(reversed(element))


def paragraph_text(paragraph: ET.Element, *, boxes: bool = True) -> str:
    """The visible text of a paragraph's own runs: text, tabs, breaks; hidden, deleted and field-code text
    is left out.  Paragraphs nested in text boxes follow on new lines (without ``boxes``, text boxes are left
    out: the caller reads them)."""
    parts: list[str] = []
    stack: list[ET.Element] = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        if element.tag.startswith(_MC):
            stack.extend(reversed(_alternate(element)))
            continue
        namespace, local = _local(element.tag)
        if namespace not in W_NAMESPACES:
            stack.extend(reversed(element))  # drawing and text-box wrappers of other namespaces
            continue
        if local in _SKIP or local == "tbl" or (local == "txbxContent" and not boxes):
            continue
        if local == "t":
            parts.append(element.text or "")
        elif local == "tab":
            parts.append("\t")
        elif local in ("br", "cr"):
            parts.append("\n")
        elif local == "noBreakHyphen":
            parts.append("-")
        elif local == "p":
            parts.append("\n" + paragraph_text(element) + "\n")
        elif local == "r" and _hidden(element):
            continue
        else:
            stack.extend(reversed(element))
    return "".join(parts)


def _shows_image(block: ET.Element) -> bool:
    """Whether a paragraph or a table shows a picture: a DrawingML picture (``a:blip``) at least
    :data:`MIN_IMAGE_PIXELS` each way (an icon is not a table's picture), or a VML image (``v:imagedata``,
    also the preview of an embedded spreadsheet), whose size is CSS text and is not weighed."""
    for element in block.iter():
        local = element.tag.rpartition("}")[2]
        if local == "imagedata":
            return True
        if local in ("inline", "anchor") and any(e.tag.endswith("}blip") for e in element.iter()):
            extent = next((e for e in element if e.tag.endswith("}extent")), None)
            sides = (_int_attr_plain(extent, "cx"), _int_attr_plain(extent, "cy"))
            if all(side is None or side >= MIN_IMAGE_PIXELS * _EMU_PER_PIXEL for side in sides):
                return True
    return False


def _int_attr_plain(element: ET.Element | None, name: str) -> int | None:
    """An unqualified integer attribute (DrawingML's ``cx``), or None when absent or not a number."""
    value = (element.get(name) or "").strip() if element is not None else ""
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


def _hidden(run: ET.Element) -> bool:
    properties = _find_w(run, "rPr")
    vanish = _find_w(properties, "vanish") if properties is not None else None
    return vanish is not None and _w_attr(vanish, "val") not in ("0", "false", "off")
