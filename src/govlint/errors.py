"""The errors govlint raises.  Each carries a message a clerk can act on; the CLI turns them into exit 2."""

from __future__ import annotations


class GovlintError(Exception):
    """Base class of govlint's own errors."""

    def message(self, lang: str = "zh") -> str:
        """The message in ``lang``; errors that carry only one text return it whatever the language."""
        return str(self)


class InputError(GovlintError):
    """A source cannot be read as a report: missing, unreadable, corrupt, encrypted, too large.

    A reader that knows why gives the file, the reason in each language and a ``kind`` (a short machine word
    such as "scanned-pdf", "encoding", "too-large"), so that the file's GL001 notice
    (:func:`govlint.notices.unreadable`) says it in the user's language; ``str()`` keeps the one-line form.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        reason_zh: str | None = None,
        reason_en: str | None = None,
        kind: str = "unreadable",
    ) -> None:
        super().__init__(message)
        self.path = path
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        self.kind = kind

    def message(self, lang: str = "zh") -> str:
        if self.path is None or self.reason_zh is None or self.reason_en is None:
            return str(self)
        return f"{self.path}: {self.reason_en if lang == 'en' else self.reason_zh}"


class OwnOutput(InputError):
    """A file govlint wrote itself (``-o``, a redirected output): never read as a report.  A run skips it
    with a GL002 notice (:func:`govlint.notices.own_output`), which does not change the exit code."""

    def __init__(self, path: str, output_format: str) -> None:
        super().__init__(
            f"{path}: govlint 自己写出的 {output_format} 输出，不是年度报告 / "
            f"govlint's own {output_format} output, not an annual report",
            path=path,
            reason_zh=f"govlint 自己写出的 {output_format} 输出，不是年度报告",
            reason_en=f"govlint's own {output_format} output, not an annual report",
            kind="govlint-output",
        )
        self.output_format = output_format


class SymlinkOutside(InputError):
    """A file of a walked folder found, when opened, to be a symlink leading outside that folder (planted
    after the walk): never read; a run skips it with the walk's GL004 notice
    (:func:`govlint.notices.symlink_skipped`)."""

    def __init__(self, path: str, target: str) -> None:
        zh, en = f"符号链接指向 {target}，未跟随，已跳过", f"symbolic link to {target} not followed; skipped"
        super().__init__(f"{path}: {zh} / {en}", path=path, reason_zh=zh, reason_en=en, kind="symlink-skipped")
        self.target = target


class ConfigError(GovlintError):
    """The configuration is invalid: the message in English (``str()``) and, where given, in Chinese."""

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(_clipped(message))
        self.zh = None if zh is None else _clipped(zh)

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang != "en" and self.zh else str(self)

    def prefixed(self, en: str, zh: str | None = None) -> ConfigError:
        """The same error after a prefix (the file, the key), in both languages."""
        return ConfigError(en + str(self), None if self.zh is None else (en if zh is None else zh) + self.zh)


#: Longest configuration error shown: a file's value is quoted in it, and a megabyte string must not
#: become a megabyte line on the terminal.
MAX_MESSAGE = 2000


def _clipped(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


class PluginError(GovlintError):
    """A plugin failed to load or declares an incompatible API; the message names the plugin (in English for
    the plugin's author, and in Chinese too where a clerk meets it, as for a required plugin not installed)."""

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang != "en" and self.zh else str(self)
