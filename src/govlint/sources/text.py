"""Decode the bytes of a text report: UTF-8 (with or without BOM), GB18030/GBK, UTF-16/32, or as told.

The fast path is a strict UTF-8 decode; GB18030 (a superset of GBK and GB2312) comes next, then UTF-16
recognised by its NUL bytes, and only then charset-normalizer, imported on demand.  Whatever decodes must
also look like text (few control characters), so binary junk gets a clear error instead of mojibake.

A file that is valid in its encoding except for a few bytes (a truncated tail, a stray byte) is decoded
with a replacement character (U+FFFD) for each bad sequence, and the byte offset of each is recorded
(:attr:`Decoded.replaced`, then ``Document.replaced_bytes``), so one stray byte does not lose a report.
Otherwise a U+FFFD in the text is one the file itself holds: an earlier lossy conversion put it where it
could not read a character.  Either way the rest of the file is still the report (what was lost surfaces as
unreadable cells), unless replacement characters are more than :data:`MAX_REPLACEMENT_SHARE` of it.
"""

from __future__ import annotations

import codecs
import re
import threading
from typing import NamedTuple

from govlint.errors import InputError
from govlint.sources.guard import input_error
from govlint.sources.magic import binary_kind

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Encoding labels a page or a user may give that mean "read it as GB18030" (its supersets win).
_GB_ALIASES = frozenset({"gb2312", "gbk", "x-gbk", "cp936", "ms936", "gb_2312-80", "euc-cn", "csgb2312", "chinese"})

#: Characters that do not occur in text: C0 controls other than tab, newlines, form feed and escape-free
#: vertical tab, DEL, C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
#: The largest share of replacement characters (U+FFFD) in a text still read as a report.
MAX_REPLACEMENT_SHARE = 0.25

#: The ASCII bytes, deleted to count the others.
_ASCII = bytes(range(0x80))
#: Most lines of a text read line by line in two encodings (a report has a few thousand).
MAX_MIXED_LINES = 200_000

_RECORDING = "govlint-record-replaced"
_recorded = threading.local()


class Decoded(NamedTuple):
    """Decoded text, the codec that decoded it, and the byte offset of each sequence it replaced."""

    text: str
    encoding: str
    replaced: tuple[int, ...] = ()


def _record(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: replace the bad sequence by U+FFFD and note where it started."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _recorded.offsets.append(error.start)
    return "\ufffd", error.end


codecs.register_error(_RECORDING, _record)


def decode_text(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode the bytes of a text file; raise :class:`InputError` for binary junk.

    ``encoding`` (the ``--encoding`` option) overrides detection.  Line ends are normalised to ``\\n``.
    """
    refuse_binary(data, name)
    decoded = _decode_as(data, name, encoding) if encoding else _detect(data, name)
    text = normalize_newlines(decoded.text.removeprefix("\ufeff"))
    _check_looks_like_text(text[:65536], data, name)
    return decoded._replace(text=text)


#: Line breaks other than ``\r`` and ``\n`` (those :meth:`str.splitlines` knows, form feed aside: pdftotext
#: puts it before a page's first line): text from a web page or copied from Word may break its lines with
#: U+2028 or a vertical tab, and was read as one line of the whole report (every finding on line 1, its
#: table rows unread).
_OTHER_BREAKS = re.compile("[\x0b\x85\u2028\u2029]")


def normalize_newlines(text: str) -> str:
    """``\\r\\n``, a lone ``\\r`` and the other line breaks (:data:`_OTHER_BREAKS`) become ``\\n``."""
    if _OTHER_BREAKS.search(text) is not None:
        text = _OTHER_BREAKS.sub("\n", text)
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def codec_for(label: str) -> str:
    """The codec to use for an encoding label (GBK and GB2312 labels read as GB18030, their superset)."""
    label = label.strip().lower()
    return "gb18030" if label in _GB_ALIASES else label


def _decode_as(data: bytes, name: str, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(codec_for(encoding)).name
    except LookupError:
        raise input_error(name, f"未知的编码 {encoding!r}", f"unknown encoding {encoding!r}") from None
    try:
        return Decoded(data.decode(codec), encoding)
    except UnicodeDecodeError as exc:
        lossy = _lossy(data, codec)
        if lossy is not None:
            return lossy._replace(encoding=encoding)
        raise input_error(
            name,
            f"无法按 {encoding} 解码（第 {exc.start} 字节）",
            f"cannot decode as {encoding} (at byte {exc.start})",
        ) from None


def _detect(data: bytes, name: str) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _after_bom(data, bom, codec, name)
    if b"\x00" in data:
        utf16 = _utf16_by_nuls(data)
        if utf16 is not None:
            return _strict_or_lossy(data, utf16, name)
        replaced = _nuls_replaced(data)
        if replaced is None:
            raise _not_text(data, name)
        data = replaced
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible_chinese(text):
            return Decoded(text, "gb18030")
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    candidates = [lossy for codec in ("utf-8", "gb18030") if (lossy := _lossy(data, codec)) is not None]
    if candidates:
        return min(candidates, key=lambda candidate: len(candidate.replaced))
    return _fallback(data, name)


def _mixed_lines(data: bytes) -> Decoded | None:
    """Text whose lines are strict UTF-8 or strict GB18030, with lines of both: a report pasted together
    from files of both encodings.  Read whole in either, the other's lines were mojibake (its sections then
    "missing", GL101) or the file "not a text file".  A newline byte is never inside a character of either
    encoding, so each line decodes alone.  A line that is UTF-8 but for a few bad bytes (a stray byte) stays
    UTF-8, its bad bytes replaced and recorded (as GB18030 it would be mojibake, its heading lost), and a line
    that is neither (two parts joined mid-line) is decoded in the one that replaces fewer bytes, if such lines
    are at most one in a hundred.  None unless both kinds of line are there and the GB18030 ones are plausibly
    Chinese, or for a text of more than :data:`MAX_MIXED_LINES` lines (a string per line: 50 MB of newlines
    would take gigabytes)."""
    if data.count(b"\n") > MAX_MIXED_LINES:
        return None
    lines: list[str] = []
    chinese: list[str] = []
    replaced: list[int] = []
    bad: list[int]
    wide = False
    offset = 0
    raws = data.split(b"\n")
    broken = 0
    for raw in raws:
        try:
            line = raw.decode("utf-8")
            wide = wide or not raw.isascii()
        except UnicodeDecodeError:
            if _utf8_errors(raw) * 4 >= len(raw.translate(None, _ASCII)):  # mostly not UTF-8: GB18030, if it is
                try:
                    line, bad = raw.decode("gb18030"), []
                    chinese.append(line)
                except UnicodeDecodeError:
                    line, bad = min(
                        _recorded_decode(raw, "utf-8"), _recorded_decode(raw, "gb18030"), key=lambda d: len(d[1])
                    )
            else:
                line, bad = _recorded_decode(raw, "utf-8")
            if bad:
                broken += 1
                if broken > len(raws) // 100 + 1:
                    return None
                replaced.extend(offset + at for at in bad)
        lines.append(line)
        offset += len(raw) + 1
    if not (wide and chinese and _plausible_chinese("".join(chinese))):
        return None
    return Decoded("\n".join(lines), "utf-8+gb18030", tuple(replaced))


def _utf8_errors(raw: bytes) -> int:
    """How many bad sequences ``raw`` has as UTF-8 (as many as :func:`_recorded_decode` records), counted in C:
    the recording handler is called back for each, which over a GB18030 line (most of its bytes bad) made a
    text of 100,000 lines take seconds."""
    return raw.decode("utf-8", "replace").count("\ufffd") - raw.count("\ufffd".encode())


def _recorded_decode(data: bytes, codec: str) -> tuple[str, list[int]]:
    """``data`` decoded with a U+FFFD for each bad sequence, and the offset of each."""
    _recorded.offsets = []
    try:
        return data.decode(codec, _RECORDING), _recorded.offsets
    finally:
        del _recorded.offsets


def _after_bom(data: bytes, bom: bytes, codec: str, name: str) -> Decoded:
    """Text after a byte-order mark, which an editor or a converter may have put before text of another
    encoding: UTF-16 or UTF-32 text has NUL bytes (its digits, spaces and newlines), so a UTF-16 BOM over
    none is read as the text it stands before (UTF-8 read as UTF-16 was mojibake, skipped as not a report),
    and a UTF-8 BOM over UTF-16's NULs as UTF-16."""
    rest = data[len(bom) :]
    if codec == "utf-16" and b"\x00" not in rest:
        decoded = _detect(rest, name)
        return decoded._replace(replaced=tuple(offset + len(bom) for offset in decoded.replaced))
    utf16 = _utf16_by_nuls(rest) if codec == "utf-8-sig" and b"\x00" in rest else None
    if utf16 is not None:
        decoded = _strict_or_lossy(rest, utf16, name)
        return decoded._replace(replaced=tuple(offset + len(bom) for offset in decoded.replaced))
    return _strict_or_lossy(data, codec, name)


def _nuls_replaced(data: bytes) -> bytes | None:
    """``data`` with each NUL byte made one invalid byte, which decoding then replaces and records: NULs
    that are not UTF-16's are no text (a stray one, or the zeros a crashed copy leaves at the end, taken as
    one), and refusing the whole file for them lost the report.  None when NULs are most of what is left
    (binary data)."""
    kept = data.rstrip(b"\x00")
    nuls = kept.count(0)
    if not kept.strip() or nuls > MAX_REPLACEMENT_SHARE * len(kept):
        return None
    return kept.replace(b"\x00", b"\xff") + (b"\xff" if len(kept) < len(data) else b"")


def _strict_or_lossy(data: bytes, codec: str, name: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        lossy = _lossy(data, codec)
        if lossy is None:
            raise _not_text(data, name) from None
        return lossy


def _lossy(data: bytes, codec: str) -> Decoded | None:
    """``data`` decoded with a U+FFFD for each bad sequence, or None when they would be more than
    :data:`MAX_REPLACEMENT_SHARE` of the text (or GB18030's result is not plausibly Chinese)."""
    quick = data.decode(codec, "replace")  # in C: is it worth recording where?
    bad = quick.count("\ufffd")
    if bad > MAX_REPLACEMENT_SHARE * len(quick):
        return None
    if codec == "gb18030" and not _plausible_chinese(quick.replace("\ufffd", "")):
        return None
    text, offsets = _recorded_decode(data, codec)
    return Decoded(text, codec, tuple(offsets))


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII characters (digits, newlines, spaces) leave a NUL in every other byte.

    Some CJK characters (一 U+4E00, the ideographic space U+3000) put a NUL in the other byte, so the test
    is which position has clearly more NULs, not which has none.
    """
    sample = data[: 1 << 16]
    pairs = len(sample) // 2
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd >= max(2, pairs // 100) and odd > 3 * even:
        return "utf-16-le"
    if even >= max(2, pairs // 100) and even > 3 * odd:
        return "utf-16-be"
    return None


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes much that is not Chinese: require mostly CJK, ASCII and common punctuation."""
    sample = text[:65536]
    if not sample:
        return True
    common = sum(
        1
        for ch in sample
        if ch < "\x80"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u206f"
    )
    return common >= 0.95 * len(sample)


def _fallback(data: bytes, name: str) -> Decoded:
    try:
        import charset_normalizer
    except ImportError:
        raise _not_text(data, name) from None
    best = charset_normalizer.from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise _not_text(data, name)
    try:
        return Decoded(data.decode(best.encoding), best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise _not_text(data, name) from None


def _check_looks_like_text(sample: str, data: bytes, name: str) -> None:
    """Refuse binary junk that happened to decode (over 0.5% control characters), and text whose characters
    were mostly lost by an earlier conversion (over :data:`MAX_REPLACEMENT_SHARE` replacement characters)."""
    if _CONTROLS.search(sample) and len(_CONTROLS.findall(sample)) > max(2, len(sample) // 200):
        raise _not_text(data, name)
    if sample.count("\ufffd") > MAX_REPLACEMENT_SHARE * len(sample):
        raise input_error(
            name,
            "文本中替换字符（�）过多，原文已在编码转换中丢失，请使用原始文件",
            "too many replacement characters (U+FFFD): the text was lost in an encoding conversion; use the original",
        )


def refuse_binary(data: bytes, name: str) -> None:
    """Refuse a file that starts as a PDF, zip, old Office file, image, RTF document or saved web page
    (:func:`govlint.sources.magic.binary_kind`) does, whatever it decodes to: a PDF saved as ``.html`` or
    ``.txt`` decodes as text (its objects are ASCII), and RTF is ASCII markup, so either was passed over as
    not a report, while it is one to read under its own extension or to save as ``.docx``."""
    if binary_kind(data) is not None:
        raise _not_text(data, name)


def _not_text(data: bytes, name: str) -> InputError:
    found = binary_kind(data)
    if found is not None:
        return input_error(name, f"不是文本文件：{found[0]}", f"not a text file: {found[1]}")
    return input_error(
        name,
        "不是可识别编码的文本文件（可能是二进制文件；如确为文本，请用 --encoding 指定编码）",
        "not a text file in a known encoding (binary data? if it is text, name its encoding with --encoding)",
    )
