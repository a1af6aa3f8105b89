"""The command line's help and usage errors in Chinese and English (``--lang``, else the locale, else Chinese).

:mod:`govlint.cli` declares the options; :func:`localize` then gives every option, command and section its
text in the chosen language from the tables below, so that a new option without an entry here is caught by
``tests/cli/test_help.py`` rather than shown without help.  argparse's own words (``usage:``, its section
titles, its error messages) are translated here too.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
from collections.abc import Sequence

Text = tuple[str, str]  # (Chinese, English)

#: Each command's one-line summary and description.
COMMANDS: dict[str, Text] = {
    "check": ("检查年度报告文件或文件夹", "lint report files or folders"),
    "parse": ("显示解析出的报告结构（JSON 或文本）", "show the parsed report (JSON or text)"),
    "rules": ("列出全部规则", "list the rules"),
    "rule": ("说明一条规则", "explain one rule"),
    "plugins": ("列出已加载的插件", "list the loaded plugins"),
}
DESCRIPTION: Text = (
    "检查政府信息公开工作年度报告：表格数字是否自洽、章节是否齐全、日期与收费等是否合规。",
    "Lint government information-disclosure annual reports (政府信息公开工作年度报告): tables that add up, "
    "the sections the regulation asks for, dates and fees.",
)

#: Each option's help, by ``dest``; ``command.dest`` for a help that differs between commands.
OPTIONS: dict[str, Text] = {
    "help": ("显示此帮助并退出", "show this help and exit"),
    "version": ("显示版本号并退出", "show the version and exit"),
    "command": ("要执行的命令", "the command to run"),
    "config": (
        "使用此 pyproject.toml 或 .govlint.toml，不再自动查找配置",
        "use this pyproject.toml or .govlint.toml instead of looking one up",
    ),
    "isolated": ("忽略所有配置文件", "ignore every configuration file"),
    "top_lang": (
        "消息和帮助的语言：zh（中文，默认）或 en（英文）",
        "language of messages and help: zh (default) or en",
    ),
    "lang": ("消息和帮助的语言：zh（中文，默认）或 en（英文）", "language of messages and help: zh (default) or en"),
    "check.paths": (
        "报告文件、文件夹（递归查找）或 -（标准输入）",
        "report files, folders (searched recursively), or - for standard input",
    ),
    "parse.paths": (
        "报告文件、文件夹（递归查找）或 -（标准输入）",
        "report files, folders (searched recursively), or - for standard input",
    ),
    "check.format": (
        "输出格式：text（附原文行）、concise（每个问题一行）、json、sarif、github，"
        "或评审用的得分与问题：html（网页）、csv、xlsx",
        "output format: text (with the source line), concise (one line per finding), json, sarif, github, "
        "or a reviewer's scores and findings: html (a page), csv, xlsx",
    ),
    "parse.format": (
        "json（一份报告缩进显示；多份为 JSON Lines，每行一份）或 text",
        "json (one report indented; several as JSON Lines, one per line) or text",
    ),
    "rules.format": ("text（表格）或 json", "text (a table) or json"),
    "plugins.format": ("text（每个插件一行）或 json", "text (one line per plugin) or json"),
    "quiet": ("只输出问题：不输出汇总行和进度条", "print the findings only: no summary line, no progress bar"),
    "output": ("把输出写入 FILE（要么完整写入，要么不写）", "write the output to FILE (whole or not at all)"),
    "statistics": (
        "按规则代码统计问题数，代替逐条输出（text、concise 或 json）",
        "count the findings per code instead of listing them (text, concise or json)",
    ),
    "select": ("只检查这些规则代码或前缀（如 GL2,GL301）", "check only these codes or prefixes (GL2,GL301)"),
    "extend_select": ("在已选规则之外再加入这些代码", "add these codes to the selection"),
    "ignore": ("不检查这些规则代码或前缀", "turn these codes or prefixes off"),
    "fail_on": (
        "达到此严重程度的问题使退出码为 1（默认 error）",
        "the lowest severity that makes the exit code 1 (default error)",
    ),
    "exit_zero": ("即使发现问题也以 0 退出", "exit 0 even when there are findings"),
    "reference_date": ("日期类规则所用的“今天”（YYYY-MM-DD）", '"today" for the date rules (YYYY-MM-DD)'),
    "exclude": (
        "遍历文件夹时跳过的 gitignore 式通配符（逗号分隔），取代默认值（README*、LICENSE*、隐藏文件夹等）",
        "gitignore-style globs (comma-separated) a folder walk leaves out, replacing the defaults "
        "(README*, LICENSE*, hidden folders, …)",
    ),
    "extend_exclude": ("在 exclude 之外再跳过这些通配符", "globs left out in addition to exclude"),
    "force_exclude": (
        "命令行直接给出的文件也按排除规则跳过（pre-commit 钩子使用）",
        "apply the exclusions to files named on the command line too (the pre-commit hook uses it)",
    ),
    "show_files": ("只列出将要检查的文件，不做检查", "list the files that would be checked, and check nothing"),
    "encoding": (
        "用此编码解码文本和网页文件，不自动识别",
        "decode text and web pages with this encoding instead of detecting it",
    ),
    "stdin_filename": (
        "从标准输入读取的报告所用的文件名（用于消息和查找配置）",
        "the name of the report read from standard input (for messages and the configuration)",
    ),
    "color": (
        "文本输出是否着色：auto（终端上着色，设置 NO_COLOR 时不着色）、always、never",
        "colour in text output: auto (on a terminal, unless NO_COLOR is set), always, never",
    ),
    "jobs": ("并行的工作进程数（默认为 CPU 核数）", "worker processes (default: the cores)"),
    "max_findings_per_rule": (
        "每份报告每个代码最多逐条列出的问题数，其余只计数（默认 100，0 为全部列出）",
        "findings of one code listed per report, the rest counted (default 100, 0: all)",
    ),
    "timeout": ("每个文件的时限，秒（默认 60，0 为不限）", "time limit per file in seconds (default 60, 0: none)"),
    "memory_limit": (
        "每个工作进程的内存上限，MB（默认 4096，0 为不限）",
        "memory limit of a worker process in MB (default 4096, 0: none)",
    ),
    "follow_symlinks": (
        "读取指向被检查文件夹之外的符号链接",
        "read symlinks that lead outside the folders being checked",
    ),
    "history": (
        "往年报告所在文件夹，供跨报告规则比对，本身不检查（可重复）",
        "earlier years' reports, compared with by the cross-report rules but not checked (repeatable)",
    ),
    "roster": (
        "应发布报告的单位名册 CSV（单位、层级、地区、期限）：查找缺少的报告和逾期",
        "CSV of the bodies that must publish (body,level,region,deadline): missing reports, deadlines",
    ),
    "baseline": ("只报告 FILE 中未记录的问题", "report only the findings not recorded in FILE"),
    "write_baseline": (
        "把当前的问题记录到 FILE（不报告问题）",
        "record the current findings in FILE (and report none)",
    ),
    "code": ("规则代码，如 GL203", "a rule code, such as GL203"),
}

#: Two examples of each command (and of govlint itself), the first line of each being the command.
EXAMPLES: dict[str, tuple[Text, Text]] = {
    "": (
        ("govlint check 2024年报/", "检查文件夹中的全部报告"),
        ("govlint rule GL203 --lang en", "用英文说明规则 GL203"),
    ),
    "check": (
        ("govlint check 2024年报/", "检查文件夹中的全部报告"),
        ("govlint check --format sarif -o govlint.sarif --exclude 草稿/ 2024年报/", "写出 SARIF，跳过“草稿”文件夹"),
    ),
    "parse": (
        ("govlint parse 报告.docx", "以 JSON 显示解析结果"),
        ("govlint parse --format text 2024年报/", "以文本显示文件夹中每份报告的表格"),
    ),
    "rules": (("govlint rules", "列出规则（- 表示未选中）"), ("govlint rules --format json", "以 JSON 列出规则")),
    "rule": (("govlint rule GL203", "中文说明规则 GL203"), ("govlint rule GL203 --lang en", "英文说明规则 GL203")),
    "plugins": (("govlint plugins", "列出已加载的插件"), ("govlint plugins --format json", "以 JSON 列出插件")),
}
_EXAMPLE_EN = {
    "检查文件夹中的全部报告": "check every report in a folder",
    "用英文说明规则 GL203": "explain rule GL203 in English",
    "写出 SARIF，跳过“草稿”文件夹": "write SARIF, leaving out the folder 草稿",
    "以 JSON 显示解析结果": "show the parsed report as JSON",
    "以文本显示文件夹中每份报告的表格": "show the tables of every report in a folder as text",
    "列出规则（- 表示未选中）": "list the rules (- marks those not selected)",
    "以 JSON 列出规则": "list the rules as JSON",
    "中文说明规则 GL203": "explain rule GL203 in Chinese",
    "英文说明规则 GL203": "explain rule GL203 in English",
    "列出已加载的插件": "list the loaded plugins",
    "以 JSON 列出插件": "list the plugins as JSON",
}
#: The exit codes of ``check`` and of the other commands.
EXIT_CODES: dict[str, Text] = {
    "check": (
        "退出码：0 没有达到 --fail-on 的问题；1 有这样的问题；2 用法、输入、配置或插件错误；130 被中断",
        "exit codes: 0 no finding at or above --fail-on; 1 some finding at or above it; 2 a usage, input, "
        "configuration or plugin error; 130 interrupted",
    ),
    "other": (
        "退出码：0 成功；2 用法、输入、配置或插件错误；130 被中断",
        "exit codes: 0 done; 2 a usage, input, configuration or plugin error; 130 interrupted",
    ),
}
_WORDS: dict[str, Text] = {
    "usage": ("用法：", "usage: "),
    "positionals": ("位置参数", "positional arguments"),
    "options": ("选项", "options"),
    "examples": ("示例：", "examples:"),
    "see": ("详见 `{prog} --help`", "see `{prog} --help`"),
    "nearest": ("是否想用 {name}？", "did you mean {name}?"),
    "usage error": ("用法错误：", "usage error: "),
    "argument": ("参数 {name}：{reason}", "argument {name}: {reason}"),
}

#: argparse's error messages (Python 3.10-3.13) and their Chinese.
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"unrecognized arguments: (?P<a>.*)", "无法识别的参数：{a}"),
    (r"the following arguments are required: (?P<a>.*)", "缺少必需的参数：{a}"),
    (r"one of the arguments (?P<a>.*) is required", "参数 {a} 必须给出其一"),
    (
        r"argument (?P<a>[^:]+): invalid choice: (?P<v>.*) \(choose from (?P<c>.*)\)",
        "参数 {a}：无效的取值 {v}，应为其中之一：{c}",
    ),
    (r"argument (?P<a>[^:]+): expected one argument", "参数 {a}：需要一个值"),
    (r"argument (?P<a>[^:]+): expected at least one argument", "参数 {a}：至少需要一个值"),
    (r"argument (?P<a>[^:]+): expected at most one argument", "参数 {a}：至多需要一个值"),
    (r"argument (?P<a>[^:]+): expected (?P<n>\d+) arguments?", "参数 {a}：需要 {n} 个值"),
    (r"argument (?P<a>[^:]+): not allowed with argument (?P<b>.*)", "参数 {a}：不能与参数 {b} 同时使用"),
    (r"argument (?P<a>[^:]+): invalid (?P<t>\S+) value: (?P<v>.*)", "参数 {a}：无效的值 {v}"),
    (r"argument (?P<a>[^:]+): ignored explicit argument (?P<v>.*)", "参数 {a}：不接受值 {v}"),
    (r"ambiguous option: (?P<a>\S+) could match (?P<m>.*)", "选项 {a} 有歧义，可能是：{m}"),
    (r"argument (?P<a>[^:]+): .*", "参数 {a} 的值有误"),
)


def choose_lang(argv: Sequence[str], environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """``--lang`` from the command line, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: English for an
    ``en`` locale), else Chinese.

    As argparse reads the line: the last ``--lang`` wins, wherever it stands (after a bad option too), and an
    abbreviation (``--la en``) counts; a value that is not ``zh`` or ``en`` (``--lang=``) is passed over, so
    that argparse's complaint about it is in the language the rest of the line or the locale asks for.
    """
    chosen = None
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        name, equals, value = argument.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not equals:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        if value in ("zh", "en"):
            chosen = value
    if chosen is not None:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def pick(text: Text, lang: str) -> str:
    return text[1] if lang == "en" else text[0]


def word(key: str, lang: str) -> str:
    return pick(_WORDS[key], lang)


def epilog(command: str, lang: str) -> str:
    """Two examples and the exit codes of ``command`` (``""``: govlint itself)."""
    lines = [word("examples", lang)]
    for example, zh in EXAMPLES[command]:
        lines.append(f"  {example}")
        lines.append(f"      {_EXAMPLE_EN[zh] if lang == 'en' else zh}")
    codes = EXIT_CODES["check" if command in ("", "check") else "other"]
    return "\n".join([*lines, "", pick(codes, lang)])


def option_help(command: str, dest: str) -> Text | None:
    return OPTIONS.get(f"{command}.{dest}") or OPTIONS.get(dest)


def localize(parser: argparse.ArgumentParser, command: str, lang: str) -> None:
    """Give ``parser`` (govlint's, ``command == ""``, or a command's) its help and titles in ``lang``."""
    parser.description = pick(COMMANDS[command] if command else DESCRIPTION, lang)
    parser.epilog = epilog(command, lang)
    parser._positionals.title = word("positionals", lang)
    parser._optionals.title = word("options", lang)
    for action in parser._actions:
        text = option_help(command, action.dest)
        if text is not None:
            action.help = pick(text, lang)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = pick(COMMANDS[choice.dest], lang)


def usage_error(message: str, lang: str, prog: str, options: Sequence[str]) -> str:
    """argparse's ``message`` in ``lang``, with the nearest option (or choice) and where to read more,
    after ``用法错误：``/``usage error: ``."""
    return _usage_line(_translate(message) if lang != "en" else message, lang, prog, _nearest(message, options))


def refused(option: str, reason: str, lang: str, prog: str) -> str:
    """The usage error of a value one of govlint's own types refused: ``reason`` is already in ``lang``."""
    return _usage_line(word("argument", lang).format(name=option, reason=reason), lang, prog, None)


def _usage_line(text: str, lang: str, prog: str, hint: str | None) -> str:
    tail = word("see", lang).format(prog=prog)
    if hint:
        tail = word("nearest", lang).format(name=hint) + ("" if lang != "en" else " ") + tail
    return word("usage error", lang) + (f"{text}（{tail}）" if lang != "en" else f"{text} ({tail})")


def _translate(message: str) -> str:
    """argparse's English ``message`` in Chinese; one this table does not know (a later Python's) is named
    only as a wrong command line, never shown half translated."""
    for pattern, chinese in _ERRORS:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            return chinese.format(**match.groupdict())
    return "命令行有误"


def _nearest(message: str, options: Sequence[str]) -> str | None:
    """The known option nearest to an unrecognized one, or the choice nearest to an invalid one."""
    unknown = re.match(r"unrecognized arguments: (\S+)", message)
    if unknown and unknown.group(1).startswith("-"):
        given = unknown.group(1).partition("=")[0]
        found = difflib.get_close_matches(given, options, n=1, cutoff=0.6)
        return found[0] if found else None
    invalid = re.match(r"argument [^:]+: invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if invalid:
        choices = [choice.strip().strip("'") for choice in invalid.group(2).split(",")]
        found = difflib.get_close_matches(invalid.group(1), choices, n=1, cutoff=0.5)
        return found[0] if found else None
    return None
