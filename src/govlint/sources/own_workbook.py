"""Recognise govlint's own workbook (``--format xlsx``), a zip, so that it is never read as a report.

Apart from :mod:`govlint.sources.own` because it opens the zip: :mod:`zipfile` is imported only when a file
that starts like a zip is read, not on every start.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from govlint.sources.own import HEAD_BYTES

#: Largest core-properties part read to find the workbook's creator.
_CORE_BYTES = 65536


def workbook_by_govlint(data: bytes) -> bool:
    """Whether the zip ``data`` is a workbook whose creator is govlint (``--format xlsx`` sets it)."""
    if b"xl/" not in data[:HEAD_BYTES]:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > _CORE_BYTES or info.flag_bits & 0x1:
                return False
            core = archive.read(info)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, zlib.error):
        return False
    return re.search(rb"<dc:creator[^>]*>govlint</dc:creator>", core) is not None
