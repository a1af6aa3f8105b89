"""Give the C heap's free memory back to the system once a structured reader is done.

The readers' C libraries (lexbor for web pages, PDFium, expat) free their trees into the C heap, which
Python's own allocator does not draw from: the parse that follows would add its peak to theirs.  glibc's
``malloc_trim`` returns those free pages (Dask's workers do the same); elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from typing import Any


@functools.cache
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)  # glibc; musl has none
    except OSError:
        return None


def release() -> None:
    """Return the C heap's free pages to the system, where the C library can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
