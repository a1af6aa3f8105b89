"""Readers that turn a path, bytes or str into a :class:`Document` (decoded text plus origins)."""

from __future__ import annotations

import os
from pathlib import Path

from govlint.errors import InputError
from govlint.sources.document import Document

__all__ = ["Document", "load"]

Source = str | bytes | os.PathLike[str]


def load(source: Source, *, encoding: str | None = None, name: str | None = None) -> Document:
    """Read ``source``: a path (``os.PathLike``, or a one-line ``str`` naming an existing file), the
    file's bytes, or the report's text as ``str``."""
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096 and Path(source).is_file()
    ):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from None
        return _decode(data, name or str(path), encoding)
    if isinstance(source, bytes):
        return _decode(source, name or "<bytes>", encoding)
    return Document(path=name or "<string>", text=source)


def _decode(data: bytes, path: str, encoding: str | None) -> Document:
    for candidate in ([encoding] if encoding else ["utf-8-sig", "gb18030"]):
        try:
            return Document(path=path, text=data.decode(candidate), encoding=candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(f"{path}: not text in a known encoding (try --encoding)")
