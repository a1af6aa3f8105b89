"""The Lark LALR parser for ``grammars/report.lark``: loaded once, its tables cached between processes.

Building the LALR tables in a fresh process takes about 40 ms; loading them about 2.5 ms (measured for this
grammar, docs/security.md), so the cache still pays for itself on every cold ``govlint check``.  The first
parse in a process builds the parser (or loads it from the user's cache directory), later parses reuse it.
The cache file is keyed by the grammar text and the Lark and Python versions, written atomically, and
skipped silently when the directory cannot be written.  ``GOVLINT_CACHE_DIR`` overrides its place; setting
it to an empty string disables the cache.

Lark stores its tables with :mod:`pickle`, which can carry code, so a cache file is loaded only when it and
its folder belong to the user and nobody else can write to them; any other is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from functools import cache

import lark
from lark import Lark

from govlint.parsing.lexer import StreamLexer

GRAMMAR_NAME = "report.lark"


def grammar_text() -> str:
    """The grammar shipped in the wheel (``govlint/grammars``), or the repository's for an editable install."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    repository = os.path.dirname(os.path.dirname(package))
    for path in (os.path.join(package, "grammars", GRAMMAR_NAME), os.path.join(repository, "grammars", GRAMMAR_NAME)):
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as stream:
                return stream.read()
    from importlib import resources  # govlint imported from a zip archive

    return resources.files("govlint").joinpath("grammars", GRAMMAR_NAME).read_text(encoding="utf-8")


def cache_dir() -> str | None:
    """Where compiled parser tables are kept, or None when caching is off.

    Plain ``os.path`` rather than :mod:`pathlib`, which nothing else on a check's path imports.
    """
    configured = os.environ.get("GOVLINT_CACHE_DIR")
    if configured is not None:
        return configured or None
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(home, "Library", "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return os.path.join(base, "govlint")


def _build(text: str) -> Lark:
    return Lark(text, parser="lalr", lexer=StreamLexer, start="start")


def _private(info: os.stat_result) -> bool:
    """Whether a file or folder belongs to this user and nobody else can write to it."""
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    return info.st_uid == owner and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _load(path: str) -> Lark | None:
    """The cached parser at ``path``, or None when it is missing, broken, or not safe to unpickle."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        if not (_private(os.fstat(handle)) and _private(os.stat(os.path.dirname(path)))):
            return None
        try:
            return Lark.load(stream)
        except Exception:  # a partial or stale cache only means building again
            return None


def _save(built: Lark, directory: str, path: str) -> None:
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".report-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                built.save(stream)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError:
        pass


def cache_path(text: str, directory: str) -> str:
    """The cache file for the grammar ``text`` with this Lark and Python."""
    key = hashlib.sha256(
        "\0".join((text, lark.__version__, sys.version, StreamLexer.__module__)).encode("utf-8")
    ).hexdigest()[:20]
    return os.path.join(directory, f"report-{key}.lark-tables")


@cache
def parser() -> Lark:
    """The report parser (built or loaded on first use)."""
    text = grammar_text()
    directory = cache_dir()
    if directory is None:
        return _build(text)
    path = cache_path(text, directory)
    loaded = _load(path)
    if loaded is not None:
        return loaded
    built = _build(text)
    _save(built, directory, path)
    return built
