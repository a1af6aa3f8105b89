"""Compiled regular expressions kept between ``govlint`` processes.

Python compiles a regular expression with Python code (``re._parser``, then ``re._compiler``), and a cold
``govlint check`` compiles some two hundred: govlint's modules and rules, and the libraries it builds on.
That was the largest single cost of a cold start (docs/performance.md, "What a cold check does to start
fast").  What the compiler makes of a pattern is a list of integers that only the
pattern, its flags and the Python build decide.  So ``govlint`` run as the program keeps those lists in the
user's cache folder (:mod:`govlint.usercache`): before anything else is imported, :meth:`Patterns.load`
hands each to ``_sre.compile`` (what ``re`` itself ends with) and puts the pattern in ``re``'s own cache of
compiled patterns, where every later ``re.compile(pattern)`` or ``re.search(pattern, ...)`` finds it; at the
end :meth:`Patterns.save` adds the patterns the run compiled that the file did not hold.  The modules keep
writing plain ``re.compile``; govlint called in someone else's process (tests, an application) leaves
``re`` alone.

This leans on CPython's private ``re`` machinery, so it checks as it goes and steps aside where that
differs: the file is keyed by the Python build and the engine's version (``_sre.MAGIC``); a pattern is
written only when the one made from its list equals the one ``re`` compiled (``re.Pattern`` equality
compares the code too); ``_sre.compile`` checks every list it is given and refuses a malformed one; and any
other failure means compiling as usual.  A Python without this machinery (Python 3.10, another
implementation) compiles every pattern.  Like the parser's tables, the file is read only when it and its
folder belong to the user alone (docs/security.md), and holds plain data.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
from typing import Any

import govlint
from govlint.usercache import cache_dir, private, read_plain, write_plain

try:
    import _sre  # type: ignore[import-not-found]  # CPython's engine, which has no type stubs
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10 (sre_compile) or another implementation: patterns are compiled as usual
    _sre = None

#: What a cache file holds (another layout gets another file).
_FORMAT = "govlint.regexcache/1"
#: Cache files kept (one per Python build and installation of govlint).
KEEP_FILES = 4
#: Patterns a file holds at most; ``re`` itself keeps 512.  The file keeps the patterns it holds and adds a
#: run's new ones in the order they were compiled until it is full: those compiled on importing govlint come
#: first, so a pattern made from a report (a MIME boundary) can fill only what they leave.
MOST = 384
#: A longer pattern is not kept (one built from a file's contents, such as a MIME boundary, may be long).
LONGEST = 4096

#: ``re``'s key of a compiled pattern: the pattern's type (str or bytes), the pattern, its flags.
Key = tuple[type, Any, int]
#: What ``_sre.compile`` needs besides the pattern: its flags, code, groups, group names and names by index.
Form = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def cache_path(directory: str) -> str:
    """The cache file of this Python build and this installation of govlint in ``directory``: another
    version or copy of govlint compiles other patterns, and keeps them in a file of its own."""
    magic = getattr(_sre, "MAGIC", "")
    parts = (sys.version, sys.implementation.name, str(magic), _FORMAT, govlint.__version__, govlint.__file__ or "")
    return os.path.join(directory, f"patterns-{hashlib.sha256(chr(0).join(parts).encode()).hexdigest()[:20]}.pickle")


def _form(key: Key) -> Form | None:
    """What ``_sre.compile`` needs to make the pattern of ``key`` again, when the pattern made from it equals
    the one ``re`` compiled (None otherwise, or for a pattern not worth keeping)."""
    kind, pattern, flags = key
    if kind not in (str, bytes) or not isinstance(flags, int) or flags & re.DEBUG or len(pattern) > LONGEST:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        groups = parsed.state.groups
        names = dict(parsed.state.groupdict)
        by_index: list[str | None] = [None] * groups
        for name, index in names.items():
            by_index[index] = name
        form: Form = (
            flags | parsed.state.flags,
            [int(op) for op in _compiler._code(parsed, flags)],
            groups - 1,
            names,
            tuple(by_index),
        )
        same = _sre.compile(pattern, *form) == re._cache[key]  # type: ignore[attr-defined]
    except Exception:  # a pattern this engine compiles otherwise than expected is not kept
        return None
    return form if same else None


def _ours(directory: str) -> bool:
    """Whether ``directory`` is (or now is) a folder of the user's own that this process can write to."""
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        return private(os.stat(directory)) and os.access(directory, os.W_OK)
    except OSError:
        return False


class Patterns:
    """The compiled patterns of one ``govlint`` process: :meth:`load` them at its start, :meth:`save` the ones
    the run added at its end."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        #: The patterns of the file, in the order written, as ``re`` keys them.
        self.known: dict[Key, Form] = {}

    @classmethod
    def for_program(cls) -> Patterns:
        """The cache of this Python build in the user's cache folder (none when caching is off or this Python
        has not the machinery)."""
        directory = cache_dir() if _sre is not None else None
        return cls(cache_path(directory) if directory else None)

    def __enter__(self) -> Patterns:
        self.load()
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None or issubclass(kind, Exception):  # not after Ctrl-C, when the user wants out
            with contextlib.suppress(Exception):  # a cache only saves time: it never fails a run
                self.save()

    def load(self) -> None:
        """Put the file's patterns in ``re``'s cache (a pattern already there stays)."""
        data = read_plain(self.path) if self.path else None
        if not isinstance(data, list):
            return
        cache: dict[Key, re.Pattern[Any]] = re._cache  # type: ignore[attr-defined]
        for entry in data:
            try:
                (is_bytes, pattern, flags), (final, code, groups, names, by_index) = entry
                key: Key = (bytes if is_bytes else str, pattern, flags)
                if key not in cache:
                    cache[key] = _sre.compile(pattern, final, code, groups, names, by_index)
                self.known[key] = (final, code, groups, names, by_index)
            except Exception:  # a malformed entry (``_sre`` refuses bad code) is compiled as usual when met
                continue

    def save(self) -> None:
        """Write the file again when the run compiled patterns it did not hold.  Nothing is compiled again for
        it where the file could not be written or read back (a read-only or shared folder), which would
        only add that work to every run."""
        if self.path is None or not _ours(os.path.dirname(self.path)):
            return
        added = {key: _form(key) for key in list(re._cache) if key not in self.known}  # type: ignore[attr-defined]
        kept = {key: form for key, form in added.items() if form is not None}
        if not kept or len(self.known) >= MOST:
            return
        patterns = [*self.known.items(), *kept.items()][:MOST]
        data = [((kind is bytes, pattern, flags), form) for (kind, pattern, flags), form in patterns]
        write_plain(self.path, data, prefix="patterns-", suffix=".pickle", keep=KEEP_FILES)
