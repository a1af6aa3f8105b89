"""Web pages saved as one file (MHT, MHTML; 网页，单个文件): a MIME message whose first ``text/html`` part is
the page, quoted-printable or base64.  Word, Internet Explorer, Edge and Chrome save such files and portals
publish them (as ``.mht``, ``.mhtml``, and as ``.doc``: Word's "single file web page" keeps the name).  Read
as text, such a file was quoted-printable markup, passed over as "not a report" with exit 0; its page is now
read as any web page (its encoding found as a page's is: the part's charset is the page's own meta tag).

The parts are split on the boundary line here, and only the page's part is given to the stdlib's
:mod:`email` parser, with every header block at most :data:`MAX_HEADER_BYTES`: that parser takes quadratic
time over a header of many folded lines or parameters (7 MB of them ran past a minute).  Saved pages have
one level of parts; the file is at most :data:`govlint.sources.guard.MAX_INPUT_BYTES`, and like every web
page it is read in a worker with the run's memory and time limits.
"""

from __future__ import annotations

import email
import email.errors
import re

from govlint.errors import InputError
from govlint.sources.guard import input_error

#: Longest header block of the message or of a part (browsers and Word write a few hundred bytes).
MAX_HEADER_BYTES = 16384
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_PAGE_TYPE = re.compile(rb"^content-type:[ \t]*text/html\b", re.IGNORECASE | re.MULTILINE)


def saved_page(data: bytes, name: str) -> bytes:
    """The bytes of the page a saved web page holds: its first ``text/html`` part, decoded from its transfer
    encoding (quoted-printable, base64)."""
    head, body = _split(data, name)
    try:
        boundary = email.message_from_bytes(head).get_boundary()
    except (email.errors.MessageError, ValueError, LookupError, UnicodeError):
        raise _corrupt(name) from None
    if boundary:
        delimiter = re.compile(rb"^--" + re.escape(boundary.encode("utf-8", "replace")) + rb"(?:--)?[ \t]*\r?$", re.M)
        for piece in delimiter.split(body)[1:]:
            part = piece.lstrip(b"\r\n")
            part_head, _ = _split(part, name)
            if _PAGE_TYPE.search(part_head) is None:
                continue
            try:
                payload = email.message_from_bytes(part).get_payload(decode=True)
            except (email.errors.MessageError, ValueError, LookupError, UnicodeError):
                raise _corrupt(name) from None
            if isinstance(payload, bytes) and payload.strip():
                return payload
            break
    raise input_error(name, "保存的网页（MHT）中没有网页", "the saved web page (MHT) holds no HTML page")


def _split(data: bytes, name: str) -> tuple[bytes, bytes]:
    """The header block (ending with its blank line) and the body of a message or part; a header block
    longer than :data:`MAX_HEADER_BYTES` is refused."""
    end = _HEAD_END.search(data, 0, MAX_HEADER_BYTES)
    if end is None:
        if len(data) <= MAX_HEADER_BYTES:
            return data, b""  # headers only: a part without content
        raise input_error(
            name,
            f"保存的网页（MHT）的头部过长（超过 {MAX_HEADER_BYTES} 字节）",
            f"a header of the saved web page (MHT) is too long (over {MAX_HEADER_BYTES} bytes)",
        )
    return data[: end.end()], data[end.end() :]


def _corrupt(name: str) -> InputError:
    return input_error(name, "保存的网页（MHT）已损坏", "the saved web page (MHT) is corrupt")
