"""The 信息处理费收取情况 table as data: a TableSpec that govlint reads in every layout it supports.

Fujian reports (the 平潭 reports of 2023–2025 in govlint's corpus) print the fee figures as a small table,
either as a section of its own (``五、信息处理费收取情况``, later sections renumbered) or inside section 六::

    信息处理费收取情况 | 通知收取件数 | 通知收取金额（元） | 实际收取金额（元）
                       | 0            | 0                  | 0

or state them label by label (``通知收取件数0件，通知收取金额0元，实际收取金额0元``).  govlint reads the
table through ``govlint_tables`` (tabs, pipes, one cell per line, pdftotext columns, crawled pages, HTML,
Word and PDF tables); ``report.tables[TABLE_ID]`` holds its cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govlint.schema import FEE_COLLECTED_WORDS, ColumnSpec, PartSpec, RelationSpec, RowSpec, TableSpec

if TYPE_CHECKING:
    from govlint.tablekeys import ApplicationsCellKey

#: The table's id in ``report.tables`` and its one row's key.
TABLE_ID = "fujian_fee"
ROW = "fee"

NOTICES = ColumnSpec(
    "notices", "通知收取件数", variants=("发出收费通知件数", "发出收费通知的件数", "收费通知件数"), unit="件"
)
NOTIFIED = ColumnSpec(
    "notified_amount",
    "通知收取金额",
    kind="amount",
    variants=("发出收费通知总金额", "发出收费通知的总金额", "收费通知金额"),
    unit="元",
)
#: Its words are the core's (GL301 finds the table by them in a report read without this plugin).
COLLECTED = ColumnSpec(
    "collected_amount", FEE_COLLECTED_WORDS[0], kind="amount", variants=FEE_COLLECTED_WORDS[1:], unit="元"
)

#: The columns in printed order.
COLUMNS: tuple[ColumnSpec, ...] = (NOTICES, NOTIFIED, COLLECTED)
COLUMNS_BY_KEY: dict[str, ColumnSpec] = {c.key: c for c in COLUMNS}

#: The table's caption or row label, printed before the header or before the values.
CAPTIONS: tuple[str, ...] = ("信息处理费收取情况", "政府信息公开信息处理费", "信息公开处理费", "信息处理费")

FEE_TABLE = TableSpec(
    id=TABLE_ID,
    title="信息处理费收取情况表",
    parts=(PartSpec(COLUMNS, (RowSpec(ROW, CAPTIONS[0]),)),),
    captions=CAPTIONS,
    # a fee notice states an amount: no notice, nothing notified; nothing collected beyond the notices.  They
    # choose between the readings of figures run together (18000: 1 | 800 | 0); FJ003 reports them.
    relations=(
        RelationSpec.zero_together("F1", "row", ("notices", "notified_amount"), reported_by="FJ003"),
        RelationSpec.at_most("F2", "row", "collected_amount", "notified_amount", reported_by="FJ003"),
    ),
    # the figures follow the header on one line, with the caption in the row's first cell or above it
    shape="wide",
    # FJ002 reports an empty or unreadable figure, with the fee table's own wording
    empty_cell_code="FJ002",
)

#: Amounts in 万元 are converted to 元 before comparing.
YUAN_PER_UNIT: dict[str, int] = {"元": 1, "万元": 10_000}

#: The cell of the applications table that counts fee notices not paid (2021 format).
#: Typed as a key of the applications table (govlint.tablekeys), so that mypy checks it.
FEE_UNPAID_KEY: ApplicationsCellKey = "other.fee_unpaid.total"
FEE_UNPAID_LABEL = "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用"
