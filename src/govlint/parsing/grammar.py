"""The Lark LALR parser for ``grammars/report.lark``: loaded once, its tables cached between processes.

Building the LALR tables takes about 15 ms; loading them about 2 ms.  The first parse in a process builds
the parser (or loads it from the user's cache directory), later parses reuse it.  The cache
file is keyed by the grammar text and the Lark and Python versions, written atomically, and skipped
silently when the directory cannot be written.  ``GOVLINT_CACHE_DIR`` overrides its place; setting it to an
empty string disables the cache.
"""

from __future__ import annotations

import hashlib
import os
import sys
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


@cache
def parser() -> Lark:
    """The report parser (built or loaded on first use)."""
    text = grammar_text()
    directory = cache_dir()
    if directory is None:
        return _build(text)
    key = hashlib.sha256(
        "\0".join((text, lark.__version__, sys.version, StreamLexer.__module__)).encode("utf-8")
    ).hexdigest()[:20]
    path = os.path.join(directory, f"report-{key}.lark-tables")
    try:
        with open(path, "rb") as stream:
            return Lark.load(stream)
    except Exception:  # a missing, partial or stale cache only means building again
        pass
    built = _build(text)
    import tempfile  # only when the cache is written: not on the start-up path of every run

    try:
        os.makedirs(directory, exist_ok=True)
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
    return built
