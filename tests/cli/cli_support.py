"""The local rule module and the stub parser of the command-line tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govlint.errors import InputError
from govlint.model import Report, Section, Span
from govlint.schema import TableSpec
from govlint.sources.document import Document

#: A province's local rule module, named in the configuration (``plugins = ["office_rules"]``).
RULES_MODULE = """
import govlint
from govlint.diagnostics import Severity
from govlint.rule import Rule, RuleMeta


def meta(code, name, severity):
    return RuleMeta(code, name, "test", severity, "不应出现" + name, name + " must not appear",
                    "A test rule.", name, "ok")


class Mark(Rule):
    word = ""

    def check(self, report, ctx):
        start = report.text.find(self.word)
        while start != -1:
            yield self.diagnostic(report, report.span(start, start + len(self.word)),
                                  zh="不应出现" + self.word, en=self.word + " must not appear", key=self.word)
            start = report.text.find(self.word, start + 1)




class Bad(Mark):
    meta = meta("TS001", "错误", Severity.ERROR)
    word = "错误"


class Doubt(Mark):
    meta = meta("TS002", "存疑", Severity.WARNING)
    word = "存疑"


class Crash(Rule):
    meta = meta("TS003", "crash", Severity.ERROR)

    def check(self, report, ctx):
        if "崩溃" in report.text:
            raise RuntimeError("rule bug")
        return iter(())


class Today(Rule):
    meta = meta("TS004", "today", Severity.INFO)

    def check(self, report, ctx):
        if "今天" in report.text:
            yield self.diagnostic(report, None, zh=str(ctx.reference_date), en=str(ctx.reference_date))


@govlint.hookimpl
def govlint_plugin_info():
    return {"name": "office-rules", "version": "0.1", "api_version": 1, "code_prefixes": ["TS"]}


@govlint.hookimpl
def govlint_rules():
    return [Bad, Doubt, Crash, Today]
"""


def stub_parse(document: Document, tables: Sequence[TableSpec] = ()) -> Report:
    """Keep the text as it is, as a 2024 report; "坏输入" stands for a file the sources cannot read, "解析失败"
    for a parser bug, "通知" for a document that is not a report (no title, year, heading or table)."""
    if "坏输入" in document.text:
        raise InputError(
            f"{document.path}: 不是文本文件 / not a text file",
            path=document.path,
            reason_zh="不是文本文件（二进制数据）",
            reason_en="not a text file (binary data)",
            kind="binary",
        )
    if "解析失败" in document.text:
        raise IndexError("list index out of range")
    if "通知" in document.text:
        return Report(path=document.path, text=document.text, format="2021")
    start = Span(0, 0, 1, 1, 1, 1)
    overview = Section(1, "overview", "一、总体情况", start, document.text, start)
    return Report(
        path=document.path, text=document.text, format="2021", title=STUB_TITLE, report_year=2024, sections=(overview,)
    )


#: The title every stub report has, with a section 一: a report, not a document to skip (GL002).
STUB_TITLE = "测试机关2024年政府信息公开工作年度报告"


#: ``run("check", "a.txt", stdin=b"...")`` -> (exit code, stdout, stderr).
Run = Callable[..., tuple[int, str, str]]
