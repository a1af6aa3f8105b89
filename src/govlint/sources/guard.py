"""Input limits and the one-line bilingual errors every reader raises.

A reader never lets another exception escape for a bad input: it raises :class:`InputError` with one line
that says, in Chinese and then English, what is wrong with the file and what to do.
"""

from __future__ import annotations

import errno
import os
import stat

from govlint.errors import InputError, SymlinkOutside

#: Largest input file, in bytes (also the cap on the uncompressed size of a Word document).
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Largest number of PDF pages read; an annual report has a handful.
MAX_PDF_PAGES = 500
#: Wall-clock budget for reading one PDF, in seconds, checked between pages and while reading a page.
PDF_TIME_BUDGET = 60.0


#: Flags of the open of an input (each 0 where the system has none).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation under the bytes read
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: What an open with O_NOFOLLOW of a symlink fails with (Linux ELOOP, the BSDs EMLINK, macOS ELOOP).
_LINK_REFUSED = (errno.ELOOP, errno.EMLINK)

#: Why a file or folder could not be read or written, in Chinese, by errno (the English is the system's own
#: message): a Chinese line must not carry English words.
_ERRORS_ZH = {
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ELOOP: "符号链接循环",
    errno.EIO: "读写出错",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "只读文件系统",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EPIPE: "管道已关闭",
    errno.EBADF: "文件已关闭",
    errno.EBUSY: "正在使用中",
}


def os_error(exc: OSError) -> tuple[str, str]:
    """Why an operating-system call failed, as (Chinese, English)."""
    english = exc.strerror or type(exc).__name__
    return _ERRORS_ZH.get(exc.errno or 0, f"系统错误（错误码 {exc.errno}）"), english


def input_error(name: str, zh: str, en: str, *, kind: str = "unreadable") -> InputError:
    """The error for ``name``: ``"<name>: <Chinese> / <English>"`` on one line."""
    return InputError(f"{name}: {zh} / {en}", path=name, reason_zh=zh, reason_en=en, kind=kind)


def read_input_file(path: str, *, within: str | None = None) -> bytes:
    """The bytes of a regular file, refusing what is missing, a directory, special, empty or too large
    (``within``: as for :func:`read_regular_file`)."""
    data = read_regular_file(path, within=within)
    check_size(len(data), path)
    return data


def read_regular_file(path: str, *, within: str | None = None) -> bytes:
    """The bytes of a regular file (empty or not), refusing what is missing, a directory, special (a named
    pipe would never end, ``/dev/zero`` neither) or over :data:`MAX_INPUT_BYTES`.

    ``within`` is the real path of the folder the file was found in: the file is then opened without following
    a symlink, so one planted after the walk is judged again where it is opened, read when it leads inside
    ``within`` and refused (:class:`~govlint.errors.SymlinkOutside`) when it leads outside."""
    name = path
    try:
        info = os.stat(_judged(path, within))
    except FileNotFoundError:
        raise input_error(name, "文件不存在", "file not found") from None
    except OSError as exc:
        zh, en = os_error(exc)
        raise input_error(name, f"无法读取文件（{zh}）", f"cannot read file ({en})") from None
    if stat.S_ISDIR(info.st_mode):
        raise input_error(name, "这是一个目录，不是文件", "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise input_error(name, "不是普通文件", "not a regular file")
    if info.st_size > MAX_INPUT_BYTES:
        check_size(info.st_size, name)
    try:
        # never blocking, and checked again once open: a file replaced by a named pipe between the stat above
        # and the open would wait for a writer for ever
        with open(_open(path, within), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise input_error(name, "不是普通文件", "not a regular file")
            # read what the file holds, not a buffer of the largest size (it costs address space, which the
            # runner's workers limit); a file still growing is read on up to one byte past the limit
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_INPUT_BYTES + 1 - len(data))
    except OSError as exc:
        zh, en = os_error(exc)
        raise input_error(name, f"无法读取文件（{zh}）", f"cannot read file ({en})") from None
    if len(data) > MAX_INPUT_BYTES:
        check_size(len(data), name)
    return data


def is_within(path: str, folder: str) -> bool:
    """Whether the real path ``path`` is ``folder`` or inside it (both absolute); a path on another drive
    (Windows) is outside, where :func:`os.path.commonpath` raises."""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:
        return False


def _judged(path: str, within: str | None) -> str:
    """The path to open for ``path``: itself, or the target of a symlink that leads inside ``within``; a
    symlink leading outside ``within`` is refused."""
    if within is None or not os.path.islink(path):
        return path
    target = os.path.realpath(path)  # every link resolved: its last component is one only if planted again
    if not is_within(target, within):
        raise SymlinkOutside(path, target)
    return target


def _open(path: str, within: str | None) -> int:
    """A descriptor of ``path`` open for reading, never blocking; with ``within``, never of a file outside
    ``within``: its last component is opened without following a symlink, and where the system says where an
    open file is (Linux), a folder on the way replaced by a symlink out of ``within`` is caught too."""
    flags = os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY
    if within is None:
        return os.open(path, flags)
    descriptor = _open_no_link_out(path, within, flags)
    opened = _opened_path(descriptor)
    if opened is not None and not is_within(opened, within):
        os.close(descriptor)
        raise SymlinkOutside(path, opened)
    return descriptor


def _open_no_link_out(path: str, within: str, flags: int) -> int:
    """Open ``path`` (``flags``) never through a last component that is a symlink leading outside ``within``,
    even one planted after :func:`_judged` looked."""
    try:
        return os.open(_judged(path, within), flags | _NOFOLLOW)
    except OSError as exc:
        if exc.errno not in _LINK_REFUSED:
            raise
    try:  # a symlink planted between the look and the open: judged again
        return os.open(_judged(path, within), flags | _NOFOLLOW)
    except OSError as exc:
        if exc.errno in _LINK_REFUSED and os.path.islink(path):
            raise SymlinkOutside(path, os.path.realpath(path)) from None
        raise


def _opened_path(descriptor: int) -> str | None:
    """The real path of an open file, where the system tells it (Linux's ``/proc/self/fd``), else None."""
    try:
        opened = os.readlink(f"/proc/self/fd/{descriptor}")
    except OSError:
        return None
    return opened if os.path.isabs(opened) else None


def check_size(size: int, name: str) -> None:
    """Refuse an empty input or one over :data:`MAX_INPUT_BYTES`."""
    if size == 0:
        raise input_error(name, "文件为空", "empty file")
    if size > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // (1024 * 1024)
        raise input_error(
            name, f"文件过大（超过 {limit} MB），请拆分后再检查", f"file too large (over {limit} MB); split it first"
        )
