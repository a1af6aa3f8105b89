"""File-level notices: findings about a file or folder as a whole, not about a report's content.

GL001 a file govlint cannot read, GL002 a document that is not an annual report, GL004 a symlink left
unfollowed, GL005 a folder govlint cannot read.  They are ordinary :class:`Diagnostic` objects, so every
output format prints them like any finding, baselines and selection treat them alike, and each has a
:class:`RuleMeta` (a rule whose ``check`` yields nothing) so that ``govlint rule GL001`` and the rule pages
explain them.  GL001 and GL005 mark what govlint could not read (``unread``): every output shows them at the
level 未能读取, not at their severity, they are never counted among a report's problems, and a run that has one
exits 2.
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.diagnostics import Diagnostic, Location, Severity
from govlint.model import Report
from govlint.rule import Rule, RuleContext, RuleMeta

UNREADABLE = "GL001"
NOT_A_REPORT = "GL002"
SYMLINK_SKIPPED = "GL004"
FOLDER_UNREADABLE = "GL005"
#: Every notice: each is about a whole file or folder, so no source line is shown under it.
CODES = frozenset({UNREADABLE, NOT_A_REPORT, SYMLINK_SKIPPED, FOLDER_UNREADABLE})
#: The notices whose presence makes the run exit 2: something given to govlint was not checked.
ERROR_CODES = frozenset({UNREADABLE, FOLDER_UNREADABLE})


class _Notice(Rule):
    """A rule that exists for its page and its code: the run, not ``check``, makes its findings."""

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        return iter(())


class Unreadable(_Notice):
    meta = RuleMeta(
        code=UNREADABLE,
        name="unreadable-file",
        category="input",
        severity=Severity.ERROR,
        summary_zh="无法读取文件，未检查",
        summary_en="The file cannot be read and was not checked",
        rationale=(
            "govlint checks only what it can read, and never reports a file it could not read as a report "
            "without problems. A file that is missing, empty, too large, encrypted, corrupt, a scanned PDF "
            "without a text layer, text in an unknown encoding, or that made its reader fail or run out of "
            "time is reported here with the reason, in every output format, and the run exits 2. The "
            "finding's key names the kind of failure (`unreadable.scanned-pdf`, `unreadable.encoding`, "
            "`unreadable.too-large`, `unreadable.timeout` …) for scripts. Fix the file, for example by "
            "exporting the report again as text or a Word document, and check it again."
        ),
        bad_example="（扫描件 PDF：每页只有一张图片，没有可选中的文字）",
        good_example="XX县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n…",
        rationale_zh=(
            "govlint 只检查能读取的内容，绝不会把读不了的文件当作“没有问题的报告”。文件不存在、为空、"
            "过大、加密、损坏、扫描版 PDF（没有文字层）、编码无法识别，或读取器出错、超时，都在此报告并说明原"
            "因；每种输出格式都包含它，退出码为 2。问题的键说明失败的类别（`unreadable.scanned-pdf`、"
            "`unreadable.encoding`、`unreadable.too-large`、`unreadable.timeout` 等），便于脚本处理。"
            "请修复文件（例如把报告重新导出为文本或 Word 文档）后再检查。"
        ),
    )


class NotAReport(_Notice):
    meta = RuleMeta(
        code=NOT_A_REPORT,
        name="not-a-report",
        category="input",
        severity=Severity.INFO,
        summary_zh="不是年度报告，已跳过",
        summary_en="Not an annual report; skipped",
        rationale=(
            "A folder holding reports often holds other documents too: a notice, a README, a list of "
            "attachments, a Markdown file describing where the reports came from, a saved web page whose report "
            "is an attachment. A document with no table of the format (国办公开办函〔2021〕30号) with a row that "
            "could be read is not an annual report when it has a report title but none of the six section "
            "headings, or no report title and fewer than three of the headings (two when it states a report "
            "year). govlint reports it once, as skipped, instead of listing every section and table it lacks, "
            "and does not count it as a defective report. Years alone do not make a report: a notice names years "
            "too. A report whose title is garbled still has its headings and tables, and one whose tables are "
            "images still has its headings: such reports are checked in full. A file govlint wrote itself (a "
            "review page, findings saved as text, JSON or CSV, a baseline, `govlint parse` output) is skipped the "
            "same way, saying so: its quoted headings and tables are not a report."
        ),
        bad_example="关于做好2024年春节放假安排的通知\n各科室：\n现将有关事项通知如下……",
        good_example="XX县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n…",
        rationale_zh=(
            "存放年度报告的文件夹里常有其他文件：通知、说明文件、附件清单、介绍报告来源的 Markdown 文件、"
            "报告以附件形式发布的网页。一份文件没有能读出任何一行的格式表格（国办公开办函〔2021〕30号），"
            "并且有报告标题却没有六个部分的任何一个标题，或者没有报告标题、部分标题也不到三个（写明报告年度的，"
            "不到两个），就不是年度报告：govlint 只报告一次“已跳过”，而不是逐一列出它缺少的部分和表格，"
            "也不把它算作有问题的报告。仅有年份不算年度报告（通知里也有年份）。标题乱码的报告仍有各部分标题"
            "和表格，表格为图片的报告仍有各部分标题：这样的报告照常完整检查。govlint 自己写出的文件（评审网页，"
            "存为文本、JSON 或 CSV 的检查结果，基线文件，`govlint parse` 的输出）也这样跳过，并说明原因："
            "其中引用的标题和表格不是报告。"
        ),
    )


class SymlinkSkipped(_Notice):
    meta = RuleMeta(
        code=SYMLINK_SKIPPED,
        name="symlink-skipped",
        category="input",
        severity=Severity.WARNING,
        summary_zh="符号链接未跟随，已跳过",
        summary_en="A symbolic link was not followed; skipped",
        rationale=(
            "A folder someone else sent may hold a symbolic link to a file outside it, such as a token file, "
            "whose lines would be echoed into the output and a CI log. govlint does not follow such links "
            "unless asked to (`--follow-symlinks`), and names each one it skipped with its target, so that "
            "nothing is left out silently."
        ),
        bad_example="reports/2023.txt -> /home/user/.ssh/id_rsa",
        good_example="reports/2023.txt（普通文件）",
        rationale_zh=(
            "别人发来的文件夹中可能有指向文件夹之外的符号链接（例如指向存放口令的文件），若跟随读取，"
            "其内容会出现在输出和持续集成的日志中。除非指定 `--follow-symlinks`，govlint 不跟随这类链接，"
            "并逐一列出跳过的链接及其指向，不会悄悄漏检。"
        ),
    )


class FolderUnreadable(_Notice):
    meta = RuleMeta(
        code=FOLDER_UNREADABLE,
        name="unreadable-folder",
        category="input",
        severity=Severity.WARNING,
        summary_zh="无法读取文件夹，其中的文件未检查",
        summary_en="A folder cannot be read; the files in it were not checked",
        rationale=(
            "A folder govlint cannot list (no permission, removed during the run) may hold reports. govlint "
            "says which folder and why instead of skipping it without a word, and the run exits 2 because "
            "not everything it was given was checked."
        ),
        bad_example="reports/2023/（权限 000，无法列出其中的文件）",
        good_example="reports/2023/（可以读取）",
        rationale_zh=(
            "govlint 无法列出的文件夹（没有权限、检查过程中被删除）中可能有报告。govlint 会说明是哪个文件夹、"
            "为什么无法读取，而不是不声不响地跳过；由于没有检查完交给它的全部内容，退出码为 2。"
        ),
    )


#: The notices' rules, registered with the built-in rules for ``govlint rule``, selection and the docs.
NOTICE_RULES: tuple[type[Rule], ...] = (Unreadable, NotAReport, SymlinkSkipped, FolderUnreadable)


def _notice(
    rule: type[Rule], path: str, *, zh: str, en: str, key: str, actual: str | None = None, unread: bool = False
) -> Diagnostic:
    meta = rule.meta
    return Diagnostic(
        code=meta.code,
        severity=meta.severity,
        message_zh=zh,
        message_en=en,
        location=Location(path, 1, 1, 1, 1),
        rule=meta.name,
        key=key,
        actual=actual,
        unread=unread,
    )


def unreadable(path: str, reason_zh: str, reason_en: str, *, kind: str) -> Diagnostic:
    """GL001: ``path`` could not be read, for the given reason; ``kind`` is a short machine word
    ("scanned-pdf", "encoding", "too-large", "timeout", "crash", "missing", …) kept in the key."""
    return _notice(
        Unreadable,
        path,
        zh=f"无法读取此文件，未检查：{reason_zh}",
        en=f"cannot read this file, not checked: {reason_en}",
        key=f"unreadable.{kind}",
        actual=kind,
        unread=True,
    )


def not_a_report(report: Report) -> Diagnostic | None:
    """GL002 when ``report`` is not an annual report (see :func:`is_not_a_report`), to be skipped; else None."""
    if not is_not_a_report(report):
        return None
    if report.title is None:
        zh, en = "不是年度报告，已跳过", "not an annual report; skipped"
        return _notice(NotAReport, report.path, zh=zh, en=en, key="not-a-report")
    return _notice(
        NotAReport,
        report.path,
        zh="不是年度报告，已跳过：只有报告标题，没有年度报告的任何部分或表格（报告正文可能在附件中）",
        en="not an annual report; skipped: it has a report's title but none of a report's sections or tables "
        "(the report itself may be an attachment)",
        key="not-a-report.title-only",
    )


def own_output(path: str, output_format: str) -> Diagnostic:
    """GL002: ``path`` is output govlint wrote (``output_format``: "html", "json" …), skipped, never read as a
    report (its quoted lines and tables drew false errors)."""
    return _notice(
        NotAReport,
        path,
        zh=f"这是 govlint 自己写出的 {output_format} 输出，不是年度报告，已跳过",
        en=f"this is govlint's own {output_format} output, not an annual report; skipped",
        key="not-a-report.govlint-output",
        actual=output_format,
    )


def symlink_skipped(path: str, target: str) -> Diagnostic:
    """GL004: the symbolic link ``path`` (pointing to ``target``) was not followed."""
    return _notice(
        SymlinkSkipped,
        path,
        zh=f"符号链接指向 {target}，未跟随，已跳过（需要检查时请用 --follow-symlinks）",
        en=f"symbolic link to {target} not followed; skipped (use --follow-symlinks to check it)",
        key="symlink-skipped",
        actual=target,
    )


def folder_unreadable(path: str, reason_zh: str, reason_en: str) -> Diagnostic:
    """GL005: the folder ``path`` could not be listed, so the files in it were not checked."""
    return _notice(
        FolderUnreadable,
        path,
        zh=f"无法读取此文件夹，其中的文件未检查：{reason_zh}",
        en=f"cannot read this folder, the files in it were not checked: {reason_en}",
        key="folder-unreadable",
        unread=True,
    )


#: Without a report title or a table that could be read, the section headings (一、总体情况 …) a document
#: must print to be read as a report: three of the six, or two with a report year.
SECTIONS_OF_A_REPORT = 3


def is_not_a_report(report: Report) -> bool:
    """Whether ``report`` shows nothing of an annual report's body: no table with a row that could be read,
    and none of the six section headings when it has a report title, fewer than three (two with a report
    year) when it has none.

    Such a document gets one GL002 notice instead of the findings of a report that lacks everything.  A year
    is no sign on its own (a notice or a description of reports names years), nor is a table none of whose
    rows could be read (words such as 行政复议 and 维持 in prose), nor a title alone: a web page whose report
    is an attachment, a saved list of a site's reports, a report whose body is only images would each be
    told that every section is missing.  A real report keeps one of the signs when another is lost: a garbled
    title leaves its headings and tables, tables printed as images leave its headings, so it is checked.
    """
    if any(row.problem is None and row.cells for table in report.tables.values() for row in table.rows.values()):
        return False
    headings = len({section.number for section in report.sections})
    if report.title is not None:
        return headings == 0
    return headings + (report.report_year is not None) < SECTIONS_OF_A_REPORT
