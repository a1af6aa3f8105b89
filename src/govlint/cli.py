"""The ``govlint`` command: ``check``, ``parse``, ``rules``, ``rule CODE``, ``plugins``.

Exit codes: 0 nothing at or above the fail level; 1 some finding at or above it; 2 a usage, input,
configuration or plugin error, or a rule that failed (one line on stderr each, never a traceback);
130 interrupted.  Everything but argparse is imported when needed, for a fast start.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn

from govlint.regexcache import Patterns

if TYPE_CHECKING:
    import datetime as dt

    from govlint.baseline import Baseline, Waiver
    from govlint.config import Config
    from govlint.crossreport.collect import Collector
    from govlint.crossreport.history import History
    from govlint.diagnostics import Diagnostic
    from govlint.globs import Exclusion
    from govlint.linter import LintResult
    from govlint.output import FileOutput
    from govlint.output.view import ReportView
    from govlint.plugins import Plugins
    from govlint.rule import RuleMeta
    from govlint.schema import TableSpec

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A wrong command line: exit 2 with one line, in Chinese (``zh``) or English (``en``)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class OptionValueError(UsageError, argparse.ArgumentTypeError):
    """A value that one of govlint's option types refuses, in both languages.  argparse reports it as an
    :class:`argparse.ArgumentError` of the option, raised while handling it (its context), where
    :func:`_argument_error` finds it by its type: govlint's own words are never read back out of argparse's."""


class _ArgumentError(Exception):
    """argparse's own complaint (English), translated and completed by :func:`govlint.clihelp.usage_error`."""


class _Parser(argparse.ArgumentParser):
    """argparse's parser, raising its complaints (:class:`argparse.ArgumentError` as it is, the others as
    :class:`_ArgumentError`) instead of exiting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["exit_on_error"] = False
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        """argparse's, less a ``--`` that no argument follows (``govlint check --``), which is not unknown: the
        arguments it would have introduced are missing (:func:`_missing`)."""
        namespace, extras = super().parse_known_args(args, namespace)
        return namespace, [extra for extra in extras if extra != "--"]

    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(message)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, keeping the epilog's lines, with ``usage:`` in the help's language, and without
    its import of shutil (for the terminal width) on every start."""

    usage_prefix = "usage: "

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        columns = os.environ.get("COLUMNS", "")
        width = width or (int(columns) - 2 if columns.isdecimal() and int(columns) > 20 else 98)
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


def _codes(text: str) -> list[str]:
    """Rule codes or prefixes; none at all (``--select "$UNSET"``) is refused, as ruff refuses it: an empty
    selection would turn every rule off and pass every report."""
    codes = [part.strip().upper() for part in text.split(",") if part.strip()]
    if not codes:
        raise OptionValueError(
            f"no rule code in {text!r}: expected codes or prefixes separated by commas, such as GL2,GL301",
            f"{text!r} 中没有规则代码：应为以逗号分隔的代码或前缀，如 GL2,GL301",
        )
    return codes


def _globs(text: str) -> list[str]:
    globs = [part.strip() for part in text.split(",") if part.strip()]
    if not globs:
        raise OptionValueError(
            f"no pattern in {text!r}: expected globs separated by commas, such as drafts/,old/",
            f"{text!r} 中没有通配符：应为以逗号分隔的通配符，如 草稿/,旧版/",
        )
    return globs


def _given(en: str, zh: str) -> Callable[[str], str]:
    """A type refusing an empty value (``--config "$UNSET"`` fell back to the configuration found, and
    ``--write-baseline ''`` wrote nothing), naming what is ``expected``."""

    def given(text: str) -> str:
        if not text:
            raise OptionValueError(f"the value is empty: expected {en}", f"值为空：应为{zh}")
        return text

    return given


_file = _given("a file name", "文件名")
_folder = _given("a folder", "文件夹")
_report_path = _given("a file, a folder or - (standard input)", "文件、文件夹或 -（标准输入）")
_encoding = _given("an encoding such as gb18030", "编码名称，如 gb18030")


def build_parser(command: str | None = None, lang: str = "zh") -> argparse.ArgumentParser:
    """The command-line parser, its help in ``lang`` (:mod:`govlint.clihelp`).

    Given the name of a ``command``, only that subcommand is built: that is all its command line needs, and
    building every subcommand costs more than a check of a small report's tables.  Without one (``govlint
    --help``, a mistyped command) every subcommand is built.
    """
    from govlint import __version__, clihelp

    class _Formatter(_HelpFormatter):
        usage_prefix = clihelp.word("usage", lang)

    formatter = _Formatter
    parser = _Parser(prog="govlint", formatter_class=formatter)
    parser.add_argument("--version", action="version", version=f"govlint {__version__}")
    parser.add_argument("--lang", dest="top_lang", choices=("zh", "en"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, add_arguments in _COMMANDS.items():
        if command in _COMMANDS and name != command:
            continue
        subparser = sub.add_parser(name, formatter_class=formatter, help=name)
        add_arguments(subparser)
        for action in subparser._actions:
            if not action.option_strings:
                action.required = False  # checked once the line is read (_missing): an unknown option first
        clihelp.localize(subparser, name, lang)
    clihelp.localize(parser, "", lang)
    return parser


def _number(read: Callable[[str], Any], text: str) -> Any:
    """``text`` read as ``read`` (int or float) reads a number, else ``text`` itself: what the checks below
    refuse, naming the value as given."""
    try:
        return read(text)
    except ValueError:
        return text


def _positive_int(text: str) -> int:
    value = _number(int, text)
    if not isinstance(value, int) or value < 1:
        raise OptionValueError(f"expected a whole number from 1, got {text!r}", f"应为不小于 1 的整数，实际为 {text!r}")
    return value


def _cap(text: str) -> int:
    """A ``--max-findings-per-rule``, refused as the configuration's key is (:func:`govlint.config.cap_error`)."""
    from govlint.config import cap_error

    value = _number(int, text)
    error = cap_error(value)
    if error is not None:
        raise OptionValueError(*error)
    return int(value)


def _timeout(text: str) -> float:
    value = _number(float, text)
    _refuse_limit("timeout", value)
    return float(value)


def _memory_limit(text: str) -> int:
    value = _number(int, text)
    _refuse_limit("memory-limit", value)
    return int(value)


def _refuse_limit(key: str, value: object) -> None:
    """Refuse a ``--timeout`` or ``--memory-limit`` outside the bounds a configuration's value must keep."""
    from govlint.config import limit_error

    error = limit_error(key, value)
    if error is not None:
        raise OptionValueError(error[0].partition(": ")[2], error[1].partition("：")[2])


def _date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date, read when the line is (so that its error is a usage error in one language), with
    the configuration's reader and its message."""
    from govlint.config import parse_date
    from govlint.errors import ConfigError

    try:
        return parse_date(text, "--reference-date")
    except ConfigError as exc:
        raise OptionValueError(str(exc).partition(": ")[2], exc.message("zh").partition("：")[2]) from None


def _add_config(parser: argparse.ArgumentParser) -> None:
    """The options of every command that loads the configuration: which one, and the messages' language."""
    configs = parser.add_mutually_exclusive_group()
    configs.add_argument("--config", type=_file, metavar="FILE")
    configs.add_argument("--isolated", action="store_true")
    parser.add_argument("--lang", choices=("zh", "en"))


def _add_reports(parser: argparse.ArgumentParser) -> None:
    """The reports a command reads (``check``, ``parse``), and how their text is decoded."""
    parser.add_argument("paths", nargs="+", type=_report_path, metavar="PATH")
    parser.add_argument("--encoding", type=_encoding)


def _add_check(check: argparse.ArgumentParser) -> None:
    _add_config(check)
    _add_reports(check)
    formats = ("text", "concise", "json", "sarif", "github", "html", "csv", "xlsx")
    check.add_argument("--format", "--output-format", dest="format", choices=formats, default="text")
    check.add_argument("-q", "--quiet", action="store_true")
    check.add_argument("-o", "--output", type=_file, metavar="FILE")
    check.add_argument("--statistics", action="store_true")
    check.add_argument("--select", type=_codes, metavar="CODES")
    check.add_argument("--extend-select", type=_codes, default=[], metavar="CODES")
    check.add_argument("--ignore", type=_codes, default=[], metavar="CODES")
    check.add_argument("--fail-on", choices=("error", "warning", "info"))
    check.add_argument("--exit-zero", action="store_true")
    check.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD")
    check.add_argument("--max-findings-per-rule", type=_cap, metavar="N")
    check.add_argument("--exclude", type=_globs, action="extend", metavar="GLOBS")
    check.add_argument("--extend-exclude", type=_globs, action="extend", default=[], metavar="GLOBS")
    check.add_argument("--force-exclude", action="store_true")
    check.add_argument("--show-files", action="store_true")
    check.add_argument("--stdin-filename", type=_file, metavar="NAME")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("-j", "--jobs", type=_positive_int, metavar="N")
    check.add_argument("--timeout", type=_timeout, metavar="SECONDS")
    check.add_argument("--memory-limit", type=_memory_limit, metavar="MB")
    check.add_argument("--follow-symlinks", action="store_true")
    check.add_argument("--history", type=_folder, action="append", default=[], metavar="DIR")
    check.add_argument("--roster", type=_file, metavar="FILE")
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", type=_file, metavar="FILE")
    baseline.add_argument("--write-baseline", type=_file, metavar="FILE")
    check.set_defaults(run=run_check)


def _add_parse(parse: argparse.ArgumentParser) -> None:
    _add_config(parse)
    _add_reports(parse)
    parse.add_argument("--format", choices=("json", "text"), default="json")
    parse.set_defaults(run=run_parse)


def _add_listing(parser: argparse.ArgumentParser) -> None:
    """``rules`` and ``plugins``: the configuration's options, and a listing as text or JSON."""
    _add_config(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _add_rules(rules: argparse.ArgumentParser) -> None:
    _add_listing(rules)
    rules.set_defaults(run=run_rules)


def _add_rule(rule: argparse.ArgumentParser) -> None:
    _add_config(rule)
    rule.add_argument("code", metavar="CODE")
    rule.set_defaults(run=run_rule)


def _add_plugins(plugins: argparse.ArgumentParser) -> None:
    _add_listing(plugins)
    plugins.set_defaults(run=run_plugins)


#: Each command, in the order ``govlint --help`` lists them, and what adds its arguments (their help, in
#: Chinese and English, is in :mod:`govlint.clihelp`).
_COMMANDS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "check": _add_check,
    "parse": _add_parse,
    "rules": _add_rules,
    "rule": _add_rule,
    "plugins": _add_plugins,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it).  Without ``argv`` it
    is the process's program: it minds Python's garbage collector as :class:`_Collector` says, and keeps the
    compiled regular expressions between processes (:mod:`govlint.regexcache`)."""
    program = argv is None
    with _Collector(program=program) as collector, Patterns.for_program() if program else Patterns(None):
        return _main(sys.argv[1:] if argv is None else list(argv), collector)


class _Collector:
    """Python's cyclic garbage collector in a ``govlint`` process.

    Start-up (the imports, the plugins, the configuration) makes objects that live until the process ends;
    the collector would walk them again at each of start-up's young collections and once more, in full,
    when the interpreter exits (docs/performance.md).  So a process run as the program pauses the collector
    while it starts, freezes (:func:`gc.freeze`) what start-up made and resumes collecting when the first
    report is read (:meth:`reading`), and freezes everything at the end, when exit frees it all anyway.
    govlint called in a process of someone else's (tests, an application) leaves the collector alone.
    """

    def __init__(self, *, program: bool) -> None:
        self.paused = program and gc.isenabled()
        self.program = program

    def __enter__(self) -> _Collector:
        if self.paused:
            gc.disable()
        return self

    def reading(self) -> None:
        """Start-up is over: what it made is frozen, and the collector collects the reports' garbage."""
        if self.paused:
            gc.freeze()
            gc.enable()
            self.paused = False

    def __exit__(self, *exc_info: object) -> None:
        if self.paused:
            gc.enable()
        if self.program:
            gc.freeze()


def _main(arguments: list[str], collector: _Collector) -> int:
    from govlint import clihelp
    from govlint.errors import GovlintError

    lang = clihelp.choose_lang(arguments)
    command = _command_in(arguments)
    try:
        _configure_streams()
        parser = build_parser(command, lang)
        try:
            args = parser.parse_args(arguments)
            _missing(args, parser, command)
        except (_ArgumentError, argparse.ArgumentError) as exc:
            return _fail(_argument_error(exc, parser, command, lang))
        if getattr(args, "lang", None) is None and args.top_lang is not None:
            args.lang = args.top_lang  # govlint --lang en check …
        args.ui_lang = lang  # the language of messages before a configuration is read
        args.collector = collector
        if getattr(args, "run", None) is None:
            raise UsageError(
                "a command is required: check, parse, rules, rule or plugins (see `govlint --help`)",
                "需要指定命令：check、parse、rules、rule 或 plugins（详见 `govlint --help`）",
            )
        code: int = args.run(args)
        _stdout().flush()
        return code
    except UsageError as exc:
        return _fail(clihelp.word("usage error", lang) + exc.message(lang))
    except GovlintError as exc:
        return _fail(exc.message(lang))
    except KeyboardInterrupt:
        _fail("interrupted" if lang == "en" else "已中断")
        return EXIT_INTERRUPTED
    except StreamError as exc:
        return _fail(exc.message(lang))
    except BrokenPipeError:
        # The reader went away (govlint check … | head): stop quietly, as other command-line tools do, and
        # keep Python from complaining when it flushes stdout at exit.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS
    except OSError as exc:  # the output could not be written: a full disk, a stream closed under us
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to flush at exit
        from govlint.sources.guard import os_error

        zh, en = os_error(exc)
        return _fail(f"cannot write the output ({en})" if lang == "en" else f"无法写出输出（{zh}）")
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        if lang == "en":
            return _fail(f"internal error: {error} (please report this to govlint's developers)")
        return _fail(f"内部错误：{error}（请报告给 govlint 的开发者）")


def _command_in(arguments: Sequence[str]) -> str | None:
    """The command the line names: its first argument that is neither an option of govlint itself nor the
    value of ``--lang`` (``govlint --lang en check …``); None when that is not a command."""
    value_next = False
    for argument in arguments:
        if value_next or argument.startswith("-"):
            value_next = len(argument) >= 3 and "--lang".startswith(argument) and not value_next
            continue
        return argument if argument in _COMMANDS else None
    return None


def _command_actions(parser: argparse.ArgumentParser, command: str | None) -> list[argparse.Action]:
    """The arguments of ``command`` (of govlint itself when None, or not built)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return list(action.choices[command]._actions)
    return list(parser._actions)


def _missing(args: argparse.Namespace, parser: argparse.ArgumentParser, command: str | None) -> None:
    """argparse's complaint about a required argument not given, raised after the whole line was read, so
    that an unknown option (``govlint check --bogus``) is named first, as flake8 and ruff name it."""
    if command is None or getattr(args, "command", None) != command:
        return
    positionals = [a for a in _command_actions(parser, command) if not a.option_strings]
    missing = [str(a.metavar or a.dest) for a in positionals if getattr(args, a.dest, None) is None]
    if missing:
        raise _ArgumentError(f"the following arguments are required: {', '.join(missing)}")


def _argument_error(
    error: _ArgumentError | argparse.ArgumentError, parser: argparse.ArgumentParser, command: str | None, lang: str
) -> str:
    """argparse's complaint in ``lang``, naming the nearest option of ``command`` and its help; or a value
    refused by one of govlint's types (:class:`OptionValueError`), in ``lang`` as it was written."""
    from govlint import clihelp

    prog = f"govlint {command}" if command else "govlint"
    refused = error.__context__
    if isinstance(error, argparse.ArgumentError) and isinstance(refused, OptionValueError):
        return clihelp.refused(error.argument_name or "", refused.message(lang), lang, prog)
    options = [option for action in _command_actions(parser, command) for option in action.option_strings]
    return clihelp.usage_error(str(error), lang, prog, options)


def _configure_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # naming the encoding keeps reconfigure from importing locale
            reconfigure(encoding=stream.encoding, errors="backslashreplace")


def _fail(message: str) -> int:
    """One line on stderr: a newline or control character inside (a path's, say) is shown escaped, so the
    message is never cut short and never drives the terminal."""
    from govlint.output import visible

    print(f"govlint: {visible(message.strip())}", file=sys.stderr)
    return EXIT_ERROR


# ---------------------------------------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------------------------------------


class _Configs:
    """The configuration of each file: ``--config`` or the nearest file, with the command line on top."""

    def __init__(self, args: argparse.Namespace) -> None:
        from govlint.config import Config, ConfigFinder

        self.args = args
        self.explicit = Config.from_file(args.config) if args.config else None
        self.finder = ConfigFinder(isolated=args.isolated)
        self.by_dir: dict[str, Config] = {}
        changes: dict[str, Any] = {}
        if getattr(args, "reference_date", None):
            changes["reference_date"] = args.reference_date
        if getattr(args, "fail_on", None):
            changes["fail_on"] = args.fail_on
        if getattr(args, "max_findings_per_rule", None) is not None:
            changes["max_findings_per_rule"] = args.max_findings_per_rule
        if args.lang:
            changes["lang"] = args.lang
        if getattr(args, "exclude", None) is not None:
            changes["exclude"] = args.exclude
        self.changes = changes
        self.extend_exclude: tuple[str, ...] = tuple(getattr(args, "extend_exclude", ()))

    def for_path(self, path: str) -> Config:
        directory = os.path.dirname(os.path.abspath(path))
        config = self.by_dir.get(directory)
        if config is None:
            base = self.explicit if self.explicit is not None else self.finder.for_directory(directory)
            for zh, en in self.finder.notes:  # a note names a file of the folder checked: escaped (_fail)
                _fail(en if (self.args.lang or base.lang) == "en" else zh)
            self.finder.notes.clear()
            config = base.with_overrides(
                select=getattr(self.args, "select", None),
                extend_select=getattr(self.args, "extend_select", ()),
                ignore=getattr(self.args, "ignore", ()),
                extend_exclude=(*base.extend_exclude, *self.extend_exclude),
                **self.changes,
            )
            roster = getattr(self.args, "roster", None)
            if roster:  # the cross-report phase's and GL402's roster, relative to the working directory
                config = config.with_overrides(options=(*config.options, ("roster", os.path.abspath(roster))))
            self.by_dir[directory] = config
        return config


def iter_paths(
    paths: Sequence[str],
    *,
    follow_symlinks: bool = False,
    exclusion: Callable[[str], Exclusion] | None = None,
    force_exclude: bool = False,
    lang: str = "zh",
) -> Iterator[tuple[str, Diagnostic | str | None]]:
    """Each file to check (with None), each path the walk skipped (with its GL004 or GL005 notice), and
    each directory holding no report (with the error message).

    Directories are searched recursively (:func:`govlint.sources.discover.iter_report_paths`), leaving out
    what ``exclusion(path)`` (the exclusions of the configuration of each path given) matches; a file named
    is checked whatever its extension or name, unless ``force_exclude``.  Each file is given once, however
    often it was reached (named twice, through a folder, through a symlink); one that cannot be read gets its
    GL001 when it is loaded.
    """
    from govlint.globs import Exclusion
    from govlint.notices import folder_unreadable, symlink_skipped

    seen: set[str] = set()

    def first(path: str) -> bool:
        key = os.path.realpath(path) if path != "-" and os.path.isfile(path) else f"given:{path}"
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in paths:
        excluded = exclusion(path) if exclusion is not None else Exclusion(base=os.getcwd())
        if path == "-" or not os.path.isdir(path):
            if (path == "-" or not force_exclude or not excluded.excludes_file(path)) and first(path):
                yield path, None
            continue
        from govlint.sources.discover import Skipped, iter_report_paths

        found = False
        for report in iter_report_paths([path], follow_symlinks=follow_symlinks, exclude=excluded):
            found = True
            if not isinstance(report, Skipped):
                if first(str(report)):
                    yield str(report), None
            elif report.kind == "folder":
                yield report.path, folder_unreadable(report.path, report.reason_zh, report.reason_en)
            else:
                yield report.path, symlink_skipped(report.path, report.target)
        if not found:
            yield (
                path,
                f"{path}: no report files in this directory" if lang == "en" else f"{path}: 该文件夹中没有报告文件",
            )


def _walked_from(path: str, given: Sequence[str]) -> str | None:
    """The real path of the widest folder named in ``given`` that the walk found ``path`` in (its paths are
    the folder's name, as named or without its ``.`` parts, joined with what lies under it), or None."""
    roots = [
        os.path.realpath(g)
        for g in given
        if g != "-" and path.startswith((os.path.join(g, ""), os.path.join(os.path.normpath(g), "")))
    ]
    return min(roots, key=len) if roots else None


def run_check(args: argparse.Namespace) -> int:
    import attrs

    from govlint.crossreport.collect import start as start_cross
    from govlint.linter import LintResult, configured, plugins_for
    from govlint.notices import ERROR_CODES
    from govlint.output import SCORED_FORMATS, STATISTICS_FORMATS, OutputOptions, formatter
    from govlint.runner import DEFAULT_TIMEOUT, Limits, Outcome, Task, Unreadable, run

    if args.output == "-":  # standard output, as for the paths: it made a file named "-" in the working directory
        args.output = None
    if args.stdin_filename and "-" not in args.paths:
        raise UsageError(
            "--stdin-filename is only used with - (standard input)", "--stdin-filename 只用于 -（标准输入）"
        )
    configs = _Configs(args)
    first_config = configs.for_path(_walk_config_path(args.paths[0], args.stdin_filename))
    lang = first_config.lang
    scored = args.format in SCORED_FORMATS and not args.statistics
    history = _history(args, first_config, configs.for_path, lint=scored)
    scoring = None
    if scored:
        from govlint.scoring import setup_for

        scoring = setup_for(first_config, plugins_for(first_config), history)
    baseline = None
    if args.baseline:
        from govlint.baseline import Baseline

        baseline = Baseline.load(args.baseline)
    previous = None
    written: set[str] = set()  # what this run writes: never read, even when it lies in a folder being checked
    read = {"--config": args.config, "--roster": args.roster, "--baseline": args.baseline}
    if args.write_baseline:
        written.add(_refuse_input_as_output(args.write_baseline, args.paths, "--write-baseline", read))
        if os.path.exists(args.write_baseline):
            from govlint.baseline import Baseline

            previous = Baseline.load(args.write_baseline)
    if args.output:
        written.add(_refuse_input_as_output(args.output, args.paths, "--output", read))
    if args.format == "csv" and args.output:
        from govlint.output.tabular import findings_path

        written.add(_refuse_input_as_output(findings_path(args.output), args.paths, "--output", read))
    if args.format == "xlsx" and not args.statistics:
        _check_workbook(args.output)
    if args.statistics and args.format not in STATISTICS_FORMATS:
        raise UsageError(
            f"--statistics cannot be written as {args.format}: use --format text, concise or json",
            f"--statistics 不能以 {args.format} 格式输出：请用 --format text、concise 或 json",
        )
    color = _use_color(args.color) and not args.output
    out = formatter(
        args.format,
        OutputOptions(
            lang=lang,
            color=color,
            baseline=baseline is not None,
            quiet=args.quiet,
            scoring=scoring,
            output=args.output,
        ),
        statistics=args.statistics,
    )
    sink = _Sink(args.output)
    selected: dict[str, RuleMeta] = {}
    results: list[LintResult] = []
    unread: list[str] = []
    status = EXIT_OK
    cross: Collector | None = None
    cross_started = False
    tasks: list[Task | Outcome] = []

    def report_result(
        result: LintResult,
        config: Config,
        text: str | None,
        *,
        recorded: bool,
        view: ReportView | None = None,
        line: int = 1,
    ) -> None:
        nonlocal status
        new, unchanged = baseline.split(result) if baseline else (result.diagnostics, ())
        if args.write_baseline:
            if recorded:
                results.append(result)
            else:
                unread.append(result.path)
        else:
            sink.write(out.file(_file_output(result, new, unchanged, text, view, line=line)))
        if result.errors or any(d.code in ERROR_CODES for d in result.diagnostics):
            status = EXIT_ERROR
        elif status == EXIT_OK and any(d.severity.rank >= config.fail_on.rank for d in new):
            status = EXIT_FINDINGS

    walk = iter_paths(
        args.paths,
        follow_symlinks=args.follow_symlinks,
        exclusion=lambda path: configs.for_path(_walk_config_path(path, args.stdin_filename)).exclusion(),
        force_exclude=args.force_exclude,
        lang=lang,
    )
    if args.show_files:
        return _show_files(walk, lang)
    for path, problem in walk:
        if isinstance(problem, str):
            _fail(problem)
            status = EXIT_ERROR
            continue
        config = configs.for_path(_config_path(path, args.stdin_filename))
        if problem is None and path not in args.paths and os.path.realpath(path) in written:
            continue  # this run's own output file, found in a folder: replaced at the end, never read
        if problem is not None:  # a path the walk skipped: its notice
            notices = (
                (_reported(problem, config),) if problem.code in ERROR_CODES else configured([problem], config, path)
            )
            tasks.append(Outcome(path, LintResult(path, notices)))
            continue
        plugins = plugins_for(config)
        selected.update((r.meta.code, r.meta) for r in plugins.rules if config.selects(r.meta.code))
        if not cross_started:
            cross, cross_started = start_cross(plugins, config), True
        aliases = tuple(cross.aliases.items()) if cross is not None else None
        data = _stdin() if path == "-" else None
        task = Task(path, config, args.encoding, data, args.stdin_filename, aliases, view=args.format == "html")
        if not args.follow_symlinks and path not in args.paths:  # found in a folder: no symlink planted since
            task = attrs.evolve(task, within=_walked_from(path, args.paths))
        if path == "-" and task.data is None:
            tasks.append(Outcome.failed(task, Unreadable("missing", "标准输入已关闭", "standard input is closed")))
        else:
            tasks.append(task)
    files = [t for t in tasks if isinstance(t, Task)]
    if cross is not None and cross.alone(len(files), history):
        tasks = [attrs.evolve(t, alone=True) if isinstance(t, Task) else t for t in tasks]
    first = files[0].config if files else None
    limits = Limits(
        timeout=args.timeout if args.timeout is not None else first.timeout if first else DEFAULT_TIMEOUT,
        memory=args.memory_limit if args.memory_limit is not None else first.memory_limit if first else 0,
    )
    progress = not args.quiet and sys.stderr.isatty()
    args.collector.reading()
    with contextlib.closing(run(tasks, jobs=args.jobs, limits=limits, progress=progress)) as outcomes:
        for outcome in outcomes:
            if cross is not None:
                cross.record(outcome)
            if history is not None:
                history.record(outcome)
            config = configs.for_path(_config_path(outcome.path, args.stdin_filename))
            if outcome.text is None and outcome.unreadable is None:  # a path the walk skipped
                if not args.write_baseline:
                    notices = outcome.result.diagnostics
                    sink.write(out.file(_file_output(outcome.result, notices, (), None)))
                if any(d.code in ERROR_CODES for d in outcome.result.diagnostics):
                    status = EXIT_ERROR
                continue
            recorded = outcome.text is not None
            report_result(outcome.result, config, outcome.text, recorded=recorded, view=outcome.view, line=outcome.line)
    if cross is not None:  # the run phase: the cross-report rules, once every file was checked
        for result in cross.finish(history, configs.for_path):
            report_result(result, configs.for_path(result.path), None, recorded=True)
    if args.write_baseline:
        from govlint.baseline import dump

        consulted = [r.path for r in results] + (
            [dict(first_config.options).get("roster", "")] if cross is not None else []
        )
        unchecked = _unchecked(previous, args.paths, consulted) if previous else set()

        def unsought(waiver: Waiver) -> bool:
            """Whether this run did not look for ``waiver``'s code in its file (``--select``, per-file ignores)."""
            return not configs.for_path(waiver.path).selects(waiver.code, waiver.path)

        baseline_text = dump(results, previous=previous, unread=unread, unchecked=unchecked, unsought=unsought)
        _write_file(args.write_baseline, baseline_text)
        count = sum(len(r.diagnostics) for r in results)
        zh = f"govlint: 已把 {count} 个问题记录到 {args.write_baseline}"
        print(f"govlint: recorded {count} findings in {args.write_baseline}" if lang == "en" else zh, file=sys.stderr)
        kept = sum(1 for w in previous.waivers if w.path in unread) if previous else 0
        if kept:
            zh = f"govlint: 有 {len(unread)} 个文件未能读取，保留了其原有的 {kept} 条记录"
            en = f"govlint: kept the {kept} recorded findings of {len(unread)} files that could not be read"
            print(en if lang == "en" else zh, file=sys.stderr)
        others = sum(1 for w in previous.waivers if w.path in unchecked and w.path not in unread) if previous else 0
        if others:
            zh = f"govlint: 保留了本次未检查的文件原有的 {others} 条记录"
            en = f"govlint: kept the {others} recorded findings of files this run did not check"
            print(en if lang == "en" else zh, file=sys.stderr)
        left = [w for w in previous.waivers if w.path not in unchecked and w.path not in unread] if previous else []
        unselected = sum(1 for w in left if unsought(w))
        if unselected:
            zh = f"govlint: 保留了本次未选择的规则原有的 {unselected} 条记录"
            en = f"govlint: kept the {unselected} recorded findings of codes this run did not select"
            print(en if lang == "en" else zh, file=sys.stderr)
        return EXIT_ERROR if status == EXIT_ERROR else EXIT_OK
    for chunk in out.document(sorted(selected.values(), key=lambda m: _code_order(m.code))):
        sink.write(chunk)
    sink.close(out.companions)
    if baseline is not None:
        _report_stale_waivers(baseline, args.baseline, lang)
    if args.exit_zero and status == EXIT_FINDINGS:
        return EXIT_OK
    return status


def _unchecked(previous: Baseline, paths: Sequence[str], consulted: Sequence[str]) -> set[str]:
    """The files of ``previous``'s waivers that this run did not check (``consulted``: the files it has
    results of, and the roster it read), so that ``--write-baseline`` over one folder keeps the waivers of
    the others: those outside the run's ``paths``, and those inside that still exist (left out, not found
    by the walk).  A file inside the paths that no longer exists loses its waivers, and so does a report of
    a compilation (``汇编.txt#2``) that a checked compilation no longer holds; a compilation left out keeps
    its reports' waivers."""
    from govlint.sources.compilation import file_of

    checked = {_normal(path) for path in consulted if path}
    checked_files = {_normal(file_of(path)) for path in consulted if path}
    given = [_normal(path) for path in paths if path != "-"]
    unchecked = set()
    for waiver in previous.waivers:
        if _normal(waiver.path) in checked:
            continue
        file = waiver.path if not _gone(waiver.path) else file_of(waiver.path)
        where = _normal(file)
        if where in checked_files:  # a compilation checked: the report is no longer in it
            continue
        inside = any(where == root or where.startswith(root.rstrip(os.sep) + os.sep) for root in given)
        if not inside or not _gone(file):
            unchecked.add(waiver.path)
    return unchecked


def _normal(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _gone(path: str) -> bool:
    """Whether ``path`` no longer exists (a folder on the way that cannot be entered says nothing)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _history(
    args: argparse.Namespace, config: Config, config_for: Callable[[str], Config], *, lint: bool
) -> History | None:
    """The earlier years' reports (``--history``, the ``history`` option), or None without a folder: read
    once, when first needed, for the scores (``lint``: each is linted too) and the cross-report rules alike."""
    from govlint.crossreport.collect import history_folders
    from govlint.linter import plugins_for

    options = config.rule_options(plugins_for(config).options)
    folders = history_folders(args.history, options)
    if not folders:
        return None
    from govlint.crossreport.history import History
    from govlint.crossreport.options import OPTION_ALIASES, aliases

    return History(folders, config_for, aliases(options.get(OPTION_ALIASES, {})), lint=lint, jobs=args.jobs)


def _report_stale_waivers(baseline: Any, path: str, lang: str) -> None:
    """List on stderr the waivers of the checked reports that match no finding any more: the fault was
    mended (or changed), so the entry can go from the baseline file."""
    from govlint.output import visible

    stale = baseline.unmatched()
    if not stale:
        return
    if lang == "en":
        head = f"govlint: {len(stale)} entries of {path} match no finding any more (mended or changed); remove them:"
    else:
        head = f"govlint: {path} 中有 {len(stale)} 条记录已不再对应任何问题（已改正或已变化），可以删除："
    lines = [head]
    for waiver in stale[:MAX_STALE_SHOWN]:
        where = f"{waiver.path}:{waiver.line}" if waiver.line else waiver.path
        lines.append(visible(f"  {where}: {waiver.code} {waiver.message}".rstrip()) + f"  [{visible(waiver.key)}]")
    if len(stale) > MAX_STALE_SHOWN:  # a baseline of 250,000 stale entries printed 17 MB on stderr
        more = len(stale) - MAX_STALE_SHOWN
        lines.append(f"  … and {more} more" if lang == "en" else f"  ……另有 {more} 条")
    print("\n".join(lines), file=sys.stderr)


#: Most stale baseline entries listed one by one.
MAX_STALE_SHOWN = 100


def _show_files(walk: Iterator[tuple[str, Diagnostic | str | None]], lang: str) -> int:
    """``--show-files``: each file a check would read, one per line (escaped); what the walk skipped goes to
    stderr as usual."""
    from govlint.notices import ERROR_CODES
    from govlint.output import visible

    status = EXIT_OK
    for path, problem in walk:
        if problem is None:
            _write(visible(path) + "\n")
            continue
        _fail(problem if isinstance(problem, str) else f"{path}: {problem.message(lang)}")
        if isinstance(problem, str) or problem.code in ERROR_CODES:
            status = EXIT_ERROR
    return status


def _walk_config_path(path: str, stdin_name: str | None) -> str:
    """The path whose configuration applies to a path given on the command line: a folder's own (it holds
    the files), else :func:`_config_path`."""
    return os.path.join(path, "-") if path != "-" and os.path.isdir(path) else _config_path(path, stdin_name)


def _config_path(path: str, stdin_name: str | None) -> str:
    """The path whose directory the configuration is looked up from (stdin: its name, or the cwd)."""
    if path == "-":
        return os.path.abspath(stdin_name) if stdin_name else os.path.join(os.getcwd(), "-")
    return path


def _code_order(code: str) -> tuple[str, str]:
    digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return code[: len(code) - len(digits)], digits.zfill(8)


def _reported(notice: Diagnostic, config: Config) -> Diagnostic:
    """A GL001 or GL005 notice at its configured severity, whatever the selection: like an I/O error in other
    linters it is never silenced, so that nothing given to govlint is left out without a word."""
    import attrs

    return attrs.evolve(notice, severity=config.severity_for(notice.code, notice.severity))


def _file_output(
    result: LintResult,
    new: Sequence[Any],
    unchanged: Sequence[Any],
    text: str | None,
    view: ReportView | None = None,
    *,
    line: int = 1,
) -> FileOutput:
    from govlint.output import FileOutput

    return FileOutput(
        result.path,
        tuple(new),
        result.errors,
        tuple(unchanged),
        text,
        result.agency,
        result.report_year,
        view,
        result.corrected_cases,
        line,
    )


def _stdin() -> bytes | None:
    """The bytes of standard input, or None when it is closed (``<&-``): at most one byte past the input
    limit, which the reader then refuses (``cat /dev/zero | govlint check -`` would otherwise never end)."""
    from govlint.sources.guard import MAX_INPUT_BYTES

    return None if sys.stdin is None else sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(sys.stdout is not None and sys.stdout.isatty())


def _write(text: str) -> None:
    if text:
        _stdout().write(text)


class StreamError(Exception):
    def message(self, lang: str) -> str:
        return str(self) if lang == "en" else "标准输出已关闭"

    """Standard output or input is closed: exit 2 with one line."""


def _stdout() -> Any:
    if sys.stdout is None:
        raise StreamError("standard output is closed")
    return sys.stdout


def _refuse_input_as_output(target: str, paths: Sequence[str], option: str, read: Mapping[str, str | None]) -> str:
    """The real path of ``target``, which govlint will write, after making sure it is not a file the run reads:
    a report named on the command line, or found in a folder unless govlint wrote it (an earlier run's
    ``-o review.html``: this run does not read it, and replaces it), or a file given to another option
    (``read``: ``--config`` and others by option; ``-o cfg.toml --config cfg.toml`` replaced the configuration)."""
    real = os.path.realpath(target)
    if not os.path.exists(target):
        return real
    for source, path in read.items():
        if path and os.path.exists(path) and os.path.samefile(path, target):
            raise UsageError(
                f"{option} {target} is a file this run reads ({source})",
                f"{option} {target} 是本次运行要读取的文件（{source}）",
            )
    for path, _ in iter_paths(paths):
        if path == "-" or not os.path.exists(path) or not os.path.samefile(path, target):
            continue
        if path in paths or not _written_by_govlint(target):
            raise UsageError(
                f"{option} {target} is one of the reports being checked", f"{option} {target} 是被检查的报告之一"
            )
    return real


def _written_by_govlint(path: str) -> bool:
    """Whether the regular file at ``path`` starts like one of govlint's outputs."""
    from govlint.sources import own_output
    from govlint.sources.own import HEAD_BYTES

    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as file:
            return own_output(file.read(HEAD_BYTES)) is not None
    except OSError:
        return False


class _Sink:
    """Where ``check`` writes: stdout as it goes, or ``-o FILE`` whole at the end (``write_atomic``), so that
    an error or Ctrl-C leaves no partial file; meanwhile the output waits in a spool beside it, not in memory.
    A format that makes a document (html, xlsx) gives bytes."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.spool: IO[bytes] | None = None

    def write(self, data: str | bytes) -> None:
        if self.path is not None:
            if self.spool is None:
                from govlint.atomic import spool

                self.spool = spool(self.path)
            self.spool.write(data if isinstance(data, bytes) else data.encode("utf-8", "backslashreplace"))
        elif isinstance(data, bytes):
            _stdout().flush()
            _stdout().buffer.write(data)
        elif data:
            _stdout().write(data)

    def close(self, companions: Mapping[str, bytes | IO[bytes]] | None = None) -> None:
        """Write the ``-o`` file, after the files a format writes beside it (csv's ``x.findings.csv``)."""
        data = self.spool if self.spool is not None else b""
        files = {**(companions or {}), **({} if self.path is None else {self.path: data})}
        for path, content in files.items():
            _write_file(path, content, "输出", "the output")


def _check_workbook(output: str | None) -> None:
    """``--format xlsx`` needs openpyxl, and a file or a pipe: a workbook's bytes would garble a terminal."""
    import importlib.util

    if importlib.util.find_spec("openpyxl") is None:
        raise UsageError(
            "--format xlsx needs openpyxl: pip install 'govlint[review]'",
            "--format xlsx 需要 openpyxl：请运行 pip install 'govlint[review]'",
        )
    if output is None and sys.stdout is not None and sys.stdout.isatty():
        raise UsageError(
            "--format xlsx writes a workbook, not text: give -o FILE.xlsx",
            "--format xlsx 输出的是工作簿文件，不能显示在终端上：请用 -o 文件名.xlsx 指定输出文件",
        )


def _write_file(path: str, data: str | bytes | IO[bytes], what_zh: str = "基线文件", what_en: str = "baseline") -> None:
    """Write ``path`` whole (``write_atomic``); a failure is one InputError naming ``what`` in both languages."""
    from govlint.atomic import write_atomic
    from govlint.errors import InputError
    from govlint.sources.guard import os_error

    try:
        write_atomic(path, data)
    except OSError as exc:
        zh, en = os_error(exc)
        raise InputError(
            f"{path}: cannot write {what_en} ({en})",
            path=path,
            reason_zh=f"无法写出{what_zh}（{zh}）",
            reason_en=f"cannot write {what_en} ({en})",
        ) from None


# ---------------------------------------------------------------------------------------------------------
# parse, rules, rule, plugins
# ---------------------------------------------------------------------------------------------------------


def run_parse(args: argparse.Namespace) -> int:
    """Each report as JSON (JSON Lines when there are several) or text; a compilation (汇编) is split into its
    reports as ``check`` splits it.  An unreadable file is one line on stderr, exit 2, and the others are
    still written."""
    import attrs

    from govlint.api import plugin_tables
    from govlint.errors import InputError, OwnOutput
    from govlint.output import shown_path, to_json, visible_lines
    from govlint.serialize import report_to_dict, report_to_text

    status = EXIT_OK
    paths = []
    lang = args.lang or args.ui_lang
    for path, problem in iter_paths(args.paths, lang=lang):
        if problem is None:
            paths.append(path)
        else:  # a folder holding no report, a folder not readable, a symlink not followed
            _fail(problem if isinstance(problem, str) else f"{path}: {problem.message(lang)}")
            status = EXIT_ERROR
    configs = _Configs(args) if paths else None
    args.collector.reading()
    written = 0
    for path in paths:
        try:
            tables = plugin_tables(configs.for_path(_config_path(path, None))) if configs else ()
            reports = _read_reports(path, args.encoding, tables)
        except OwnOutput as exc:  # skipped, as check skips it: the exit status is not an error's
            _fail(exc.message(lang))
            continue
        except InputError as exc:
            _fail(exc.message(lang))
            status = EXIT_ERROR
            continue
        several = len(paths) > 1 or len(reports) > 1
        for report in reports:
            if args.format == "json":
                data = report_to_dict(report)
                _write(to_json(data, indent=None if several else 2))
            else:
                # a path's line break quoted and escaped, and every control in the report's text escaped
                text = visible_lines(report_to_text(attrs.evolve(report, path=shown_path(report.path))))
                _write(("\n" if written else "") + (text if text.endswith("\n") else text + "\n"))
            written += 1
    return status


def _read_reports(path: str, encoding: str | None, tables: Sequence[TableSpec] = ()) -> list[Any]:
    """The reports in one file (``-``: standard input, as bytes), with the tables plugins describe, read as
    ``check`` reads them (:func:`govlint.api.read_reports`): one, or each report of a compilation, named
    ``汇编.pdf#2`` as ``check`` names them."""
    import attrs

    from govlint.api import read_reports, shown_names
    from govlint.errors import InputError

    data = None
    if path == "-":
        data = _stdin()
        if data is None:
            raise InputError(
                "<stdin>: standard input is closed",
                path="<stdin>",
                reason_zh="标准输入已关闭",
                reason_en="standard input is closed",
            )
    reports = read_reports(path, data=data, encoding=encoding, tables=tables)
    return [
        report if name == report.path else attrs.evolve(report, path=name)
        for report, name in zip(reports, shown_names(reports), strict=True)
    ]


def _plugins_and_config(args: argparse.Namespace) -> tuple[Plugins, Config]:
    from govlint.linter import plugins_for

    config = _Configs(args).for_path(_config_path("-", None))
    return plugins_for(config), config


def run_rules(args: argparse.Namespace) -> int:
    plugins, config = _plugins_and_config(args)
    lang = config.lang
    if args.format == "json":
        import json

        data = [_meta_dict(r.meta, plugins.rule_plugin[r.meta.code], config) for r in plugins.rules]
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for r in plugins.rules:
        meta = r.meta
        summary = meta.summary_en if lang == "en" else meta.summary_zh
        mark = " " if config.selects(meta.code) else "-"
        _write(f"{mark} {meta.code:<6} {meta.severity.value:<7} {meta.category:<10} {meta.name:<28} {summary}\n")
    return EXIT_OK


def _meta_dict(meta: RuleMeta, plugin: str, config: Config) -> dict[str, Any]:
    return {
        "code": meta.code,
        "name": meta.name,
        "category": meta.category,
        "severity": meta.severity.value,
        "summary_zh": meta.summary_zh,
        "summary_en": meta.summary_en,
        "formats": sorted(meta.formats),
        "plugin": plugin,
        "selected": config.selects(meta.code),
    }


def run_rule(args: argparse.Namespace) -> int:
    from govlint.output.ruledoc import rule_markdown

    plugins, config = _plugins_and_config(args)
    rule = plugins.rule(args.code)
    if rule is None:
        raise UsageError(
            f"no rule {args.code!r} (see `govlint rules`)", f"没有规则 {args.code!r}（详见 `govlint rules`）"
        )
    info = next(p for p in plugins.plugins if rule.meta.code in p.rules)
    _write(rule_markdown(rule.meta, info.name, config.lang))
    return EXIT_OK


def run_plugins(args: argparse.Namespace) -> int:
    plugins, _ = _plugins_and_config(args)
    if args.format == "json":
        import json

        data = [
            {
                "name": p.name,
                "version": p.version,
                "api_version": p.api_version,
                "source": p.source,
                "origin": p.origin,
                "distribution": p.distribution,
                "code_prefixes": list(p.code_prefixes),
                "rules": list(p.rules),
            }
            for p in plugins.plugins
        ]
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for p in plugins.plugins:
        rules = _rule_count(p.rules)
        _write(f"{p.name} {p.version}  [{p.source}: {p.origin}, plugin API {p.api_version}]  {rules}\n")
    return EXIT_OK


def _rule_count(rules: Sequence[str]) -> str:
    """``3 rules (FJ001…FJ003)``, ``1 rule (ZJ001)`` or ``no rules``."""
    if not rules:
        return "no rules"
    if len(rules) == 1:
        return f"1 rule ({rules[0]})"
    return f"{len(rules)} rules ({rules[0]}…{rules[-1]})"
