"""The 信息处理费收取情况 table as data: its columns, their printed labels and units, and its captions.

Fujian reports (the 平潭 reports of 2023–2025 in govlint's corpus) print the fee figures as a small table,
either as a section of its own (``五、信息处理费收取情况``, later sections renumbered) or inside section 六::

    信息处理费收取情况 | 通知收取件数 | 通知收取金额（元） | 实际收取金额（元）
                       | 0            | 0                  | 0

Every label the reader matches lives here; the reader builds its patterns from these tuples.
"""

from __future__ import annotations

from typing import Literal

import attrs

ColumnKind = Literal["count", "amount"]


@attrs.frozen
class FeeColumn:
    """One column of the fee table: stable key, label as printed, accepted variants and default unit."""

    key: str
    label: str
    kind: ColumnKind
    #: Other printed labels of the same column, compared after full-width folding.
    variants: tuple[str, ...] = ()
    #: The unit assumed when the header prints none ("件" for counts, "元" for amounts).
    unit: str = "元"

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


NOTICES = FeeColumn(
    "notices", "通知收取件数", "count", ("发出收费通知件数", "发出收费通知的件数", "收费通知件数"), unit="件"
)
NOTIFIED = FeeColumn(
    "notified_amount", "通知收取金额", "amount", ("发出收费通知总金额", "发出收费通知的总金额", "收费通知金额")
)
COLLECTED = FeeColumn("collected_amount", "实际收取金额", "amount", ("实际收取总金额", "实收金额"))

#: The columns in printed order.
COLUMNS: tuple[FeeColumn, ...] = (NOTICES, NOTIFIED, COLLECTED)
COLUMNS_BY_KEY: dict[str, FeeColumn] = {c.key: c for c in COLUMNS}

#: The table's caption or row label, printed before the header or before the values.
CAPTIONS: tuple[str, ...] = ("信息处理费收取情况", "政府信息公开信息处理费", "信息公开处理费", "信息处理费")

#: Units a header or a value may print; amounts in 万元 are converted to 元 before comparing.
UNITS: tuple[str, ...] = ("万元", "元", "件")
YUAN_PER_UNIT: dict[str, int] = {"元": 1, "万元": 10_000}

#: Placeholders printed for an empty cell (after folding "—" to "-").
PLACEHOLDERS: tuple[str, ...] = ("/", "-", "无", "空")

#: Characters that, right after digits, make the digits part of the following sentence (a year, a date).
TEXT_AFTER_NUMBER = "年月日号"

#: The caption of the rows of the applications table that counts fee notices not paid (2021 format).
FEE_UNPAID_KEY = "other.fee_unpaid.total"
FEE_UNPAID_LABEL = "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用"
