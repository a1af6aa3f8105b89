"""Write a file whole or not at all: the one way govlint writes a file it was asked to produce.

The data goes to a temporary file made by :func:`tempfile.mkstemp` in the target's folder (a name nobody can
predict, created exclusively, so a symlink planted there is never followed), is flushed to disk, and then
replaces the target with :func:`os.replace`.  A reader sees the old file or the new one, never half of
either; a crash, a full disk or Ctrl-C leaves the old file as it was and no temporary file behind.

A target that is a stream, not a file (a named pipe, a character device such as ``/dev/null`` or a
terminal, ``/dev/stdout``), is written into as it is: replacing it would put a regular file in place of a
device node (as root, ``-o /dev/full`` replaced the device).  A block device, a socket or a folder is never
written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from typing import IO

#: Where the links ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` lead: the process's open files.
_OPEN_FILES = ("/proc/self/fd/", "/dev/fd/")


def write_atomic(path: str | os.PathLike[str], data: bytes | str | IO[bytes], *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``data`` (``str`` is encoded with ``encoding``; a binary file, such as a
    :func:`spool`, is copied from its start); raises :class:`OSError`.

    The new file keeps the mode of the file it replaces, or gets the usual mode for a new file
    (``0o666`` less the umask).  If ``path`` is a symlink, the link itself is replaced, not its target.
    """
    target = os.fspath(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    if _is_stream(target):
        with open(target, "wb") as stream:
            _put(stream, payload)
        return
    directory = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            _put(stream, payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def spool(beside: str | None = None) -> IO[bytes]:
    """A temporary file without a name for a document written as it is made (a run's JSON or CSV, too large
    to keep in memory): in the folder of ``beside`` when it can be (the disk the document goes to; not the
    system's temporary folder, often memory), else the system's.  The system removes it when it is closed or
    the process ends, however it ends, so nothing is left behind."""
    if beside is not None:
        with contextlib.suppress(OSError):
            return tempfile.TemporaryFile(dir=os.path.dirname(os.path.abspath(beside)))
    return tempfile.TemporaryFile()


def _put(stream: IO[bytes], payload: bytes | IO[bytes]) -> None:
    if isinstance(payload, bytes):
        stream.write(payload)
    else:
        payload.seek(0)
        shutil.copyfileobj(payload, stream)


def _is_stream(target: str) -> bool:
    """Whether ``target`` is a pipe or character device (or a link to one of the process's open files), to be
    written into rather than replaced; raises :class:`OSError` for what is neither a file nor a stream."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return False
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        return True
    if stat.S_ISLNK(info.st_mode):
        return os.readlink(target).startswith(_OPEN_FILES)  # any other link is replaced, never followed
    if stat.S_ISBLK(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file", target)
    return False


def _mode_for(target: str) -> int:
    """The permission bits the written file gets: those of the regular file it replaces, else 0o666 - umask."""
    try:
        info = os.lstat(target)
    except OSError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
