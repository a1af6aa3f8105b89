"""GL003: the text was decoded with replacement characters for a few undecodable bytes."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.diagnostics import Diagnostic, Severity
from govlint.model import Report
from govlint.rule import Rule, RuleContext, RuleMeta
from govlint.rules.places import document_start

#: How many offsets a message names before it says how many more there are.
_SHOWN = 10


class DecodedWithReplacement(Rule):
    meta = RuleMeta(
        code="GL003",
        name="decoded-with-replacement",
        category="input",
        severity=Severity.WARNING,
        summary_zh="文件中有少量字节无法解码，已替换后继续检查",
        summary_en="A few bytes of the file could not be decoded and were replaced; the report was still checked",
        rationale=(
            "A file that is valid UTF-8 or GB18030 except for a few bytes (a truncated tail, one stray byte) is "
            "decoded with replacement characters and linted, so one stray byte does not lose a report. The "
            "finding names the byte offsets, so that the file can be repaired; text near them may read wrongly."
        ),
        bad_example="洪山镇人民政府2024年政府信息公开工作年度报告 (ends with E6 94, half a character)",
        good_example="洪山镇人民政府2024年政府信息公开工作年度报告 (every byte decodes)",
        rationale_zh=(
            "文件基本是有效的 UTF-8 或 GB18030 编码，只有少数字节无法解码（例如末尾被截断、夹杂一个错误字节）"
            "时，这些字节以替换字符代替后继续检查，不会因一个错误字节而丢掉整份报告。问题中列出这些字节的位置"
            "，便于修复文件；其附近的文字可能读错。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        offsets = report.replaced_bytes
        if not offsets:
            return
        shown = ", ".join(map(str, offsets[:_SHOWN]))
        more_zh = f" 等 {len(offsets)} 处" if len(offsets) > _SHOWN else ""
        more_en = f" and {len(offsets) - _SHOWN} more" if len(offsets) > _SHOWN else ""
        yield self.diagnostic(
            report,
            document_start(report),
            zh=f"文件第 {shown}{more_zh} 字节处无法解码，已替换为“�”后继续检查：应修复这些字节（附近文字可能有误）",
            en=f"the bytes at offsets {shown}{more_en} could not be decoded and were replaced with U+FFFD: expected "
            "a file that decodes completely (text near them may be wrong)",
            key="decoding.replaced_bytes",
            expected="decodable bytes",
            actual=list(offsets),
        )
