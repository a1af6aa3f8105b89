"""Table rules: the unread finding (GL108), the 勾稽关系 of spec §7.1 and the domain of each cell (GL201–GL205)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govlint.diagnostics import Diagnostic, Severity
from govlint.model import Number, Report, Span, Table, TableRow
from govlint.rule import Rule, RuleContext, RuleMeta
from govlint.rules.places import (
    cell_place,
    column_gloss,
    column_label,
    effective_format,
    line_of,
    place_in,
    row_name,
    row_name_in,
    table_name,
)
from govlint.rules.relations import RelationOutcome, outcomes
from govlint.schema import APPLICANT_COLUMN_KEYS, TABLE_KEYS, ValueKind

_ERROR = Severity.ERROR


#: What every relation rule says of unassessable relations and of the repair it names (English, Chinese).
_NOT_ASSESSABLE = (
    "A relation with an empty or unreadable cell is *not assessable*: it is not evaluated and "
    "no value is substituted for the missing one (the cell itself is GL105's finding)."
)
_REPAIR = (
    "The relations of the table share cells: when exactly one cell, changed alone, would make every failing "
    "relation connected to it hold, and no relation that holds, or that could not be assessed (a cell of it unread), "
    "uses that cell, the message names the cell and "
    "its value."
)
_NOT_ASSESSABLE_ZH = (
    "关系式中有空白或无法识别的单元格时，该关系“无法判断”：不作计算，也不以任何数值代替缺失的单元格"
    "（该单元格本身由 GL105 报告）。"
)
_REPAIR_ZH = (
    "表中各关系式共用单元格：若只改动某一个单元格就能使与之相关的所有不成立的关系式都成立，"
    "且成立的和无法判断的（其中有未能读取的单元格）关系式都不用到它，消息会指出该单元格及其应有的值。"
)


class Unread(Rule):
    """What govlint could not read, said once per row (or per table), never as the report's defect."""

    meta = RuleMeta(
        code="GL108",
        name="unread",
        category="structure",
        severity=Severity.WARNING,
        summary_zh="未能读取表格某行（或整张表）的数值",
        summary_en="govlint could not read the values of a table row (or of a whole table)",
        rationale=(
            "govlint places a number in a cell only on evidence, by count and position, never by guessing: "
            "a structured source's cell grid, a row printing as many values as it has columns, column "
            "positions proven by the table's aligned tabs or pipes, or arithmetic that leaves one split "
            "of digits printed together. When none proves where a row's values belong, the row is *unread*: "
            "its cells are not reported empty (GL105), the relations that need them are not assessable, "
            "and this finding says why, once per row, or once per table when no row of it could be read. "
            "It is about govlint's reading, not about the report: it is a warning, counted apart (未能读取), "
            "and never deducted from a score. Check the row by hand, or give govlint the original file "
            "(HTML, Word or PDF) rather than copied text."
        ),
        bad_example="(一)予以公开 3 1 0 0 4\n(二)部分公开 0 0 0 0 0 0 0",
        good_example="(一)予以公开\t3\t1\t0\t0\t0\t0\t4\n(二)部分公开\t0\t0\t0\t0\t0\t0\t0",
        rationale_zh=(
            "govlint 只凭依据把数字放进单元格，依据是数量和位置，绝不猜测：结构化文件的单元格网格、一行打印的"
            "数值个数与列数相同、由对齐的制表符或竖线证明的列位置，或只容一种拆分方式的连写数字。没有任何依据"
            "能确定一行数值的位置时，该行“未能读取”：其单元格不报告为空（GL105），用到它们的关系式无法判断，"
            "本规则说明原因，每行报告一次；整张表都读不出时，每张表报告一次。这是 govlint 读取的问题，"
            "不是报告的问题：属于警告，单独计数（未能读取），评分时从不扣分。请人工核对该行，或把原始文件（网"
            "页、Word 或 PDF）而不是复制出的文字交给 govlint。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        for table_key, table in report.tables.items():
            if not table.rows:
                continue
            unread = [row for row in table.rows.values() if row.problem is not None]
            if unread and len(unread) == len(table.rows):
                yield self._table(report, table_key, table)
                continue
            seen: set[tuple[int, str]] = set()
            for row in unread:
                span = line_of(report, row.span) if row.span else table.span
                mark = (span.start if span else -1, str(row.problem))
                if mark not in seen:  # the three groups of table 四 may share one printed line
                    seen.add(mark)
                    yield self._row(report, (table_key, row), span)

    def _row(self, report: Report, where: tuple[str, TableRow], span: Span | None) -> Diagnostic:
        table_key, row = where
        problem = row.problem
        assert problem is not None
        name = row_name_in(report, table_key, row.key, row.label)
        spec = report.table_spec(table_key) if table_key not in TABLE_KEYS else None
        name = f"{spec.title} {name}" if spec is not None else name
        return self.diagnostic(
            report,
            span,
            zh=f"未能读取“{name}”行：{problem.zh}；该行 {len(row.cells)} 个单元格未核对",
            en=f"could not read the row “{name}”: {problem.en}; its {len(row.cells)} cells were not checked",
            key=f"{table_key}.{row.key}",
            expected=len(row.cells),
            actual=problem.kind,
            unread=True,
        )

    def _table(self, report: Report, table_key: str, table: Table) -> Diagnostic:
        kinds = sorted({row.problem.kind for row in table.rows.values() if row.problem is not None})
        first = next(row.problem for row in table.rows.values() if row.problem is not None)
        zh_name, en_name = table_name(report, table_key)
        return self.diagnostic(
            report,
            line_of(report, table.span) if table.span else None,
            zh=f"未能读取{zh_name}的任何一行（如：{first.zh}）；该表未核对",
            en=f"could not read any row of {en_name} (for example: {first.en}); the table was not checked",
            key=table_key,
            expected=len(table.rows),
            actual=", ".join(kinds),
            unread=True,
        )


def _show(value: Number) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


class _RelationRule(Rule):
    """A rule reporting the failing instances of one relation id."""

    rid: str

    def wants(self, outcome: RelationOutcome) -> bool:
        """Whether this rule reports ``outcome`` when it fails."""
        return outcome.relation.rid == self.rid

    def message(self, report: Report, outcome: RelationOutcome) -> tuple[str, str]:
        return self.describe(outcome)

    def expected(self, outcome: RelationOutcome) -> object:
        return outcome.expected

    def reported(self, report: Report, ctx: RuleContext) -> Iterator[RelationOutcome]:
        """The failing outcomes this rule reports."""
        return (o for o in outcomes(report, ctx) if o.failed and self.wants(o))

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        for outcome in self.reported(report, ctx):
            yield self.finding(report, ctx, outcome)

    def finding(self, report: Report, ctx: RuleContext, outcome: RelationOutcome) -> Diagnostic:
        """The finding on one failing relation: at its anchor cell, with the anchor's expected value."""
        zh, en = self.message(report, outcome)
        described = outcome.relation.table not in TABLE_KEYS
        hint_zh, hint_en = _repair_hint(outcome, report if described else None)
        relation = outcome.relation
        return self.diagnostic(
            report,
            _anchor_span(report, outcome),
            zh=zh + hint_zh,
            en=en + hint_en,
            key=f"{relation.table}.{relation.anchor}",
            expected=self.expected(outcome),
            actual=outcome.value(relation.anchor),
        )

    def describe(self, outcome: RelationOutcome) -> tuple[str, str]:
        raise NotImplementedError


def _anchor_span(report: Report, outcome: RelationOutcome) -> Span | None:
    cell = outcome.cells[outcome.relation.anchor]
    if cell.span is not None:
        return cell.span
    table = report.tables.get(outcome.relation.table)
    row = table.rows.get(cell.row) if table else None
    if row is not None and row.span is not None:
        return line_of(report, row.span)
    return table.span if table else None


def _repair_hint(outcome: RelationOutcome, report: Report | None = None) -> tuple[str, str]:
    repair = outcome.repair
    if repair is None:
        return "", ""
    n = repair.failing
    scope_zh = "该关系即成立" if n == 1 else f"相关的 {n} 项不成立的勾稽关系即全部成立"
    scope_en = "the relation hold" if n == 1 else f"all {n} related failing relations hold"
    if repair.cell == outcome.relation.anchor:
        return f"；只需改正此单元格，{scope_zh}", f"; correcting this cell alone would make {scope_en}"
    row, _, column = repair.cell.rpartition(".")
    table = outcome.relation.table
    place = place_in(report, table, row, column) if report is not None else cell_place(table, row, column)
    value = _show(repair.value)
    return (
        f"；若只有一处错误，应是{place.zh}：改为 {value}，{scope_zh}",
        f"; if a single cell is wrong it is {place.en}: changing it to {value} would make {scope_en}",
    )


class RowTotal(_RelationRule):
    rid = "R3.1"
    meta = RuleMeta(
        code="GL201",
        name="row-total",
        category="tables",
        severity=_ERROR,
        summary_zh="申请情况表某行的“总计”不等于各申请人列之和",
        summary_en="A row's 总计 in the applications table differs from the sum of its applicant columns",
        rationale=(
            "In every data row of the table of applications (国办公开办函〔2021〕30号), 总计 = 自然人 "
            "+ 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, as the header 申请人情况 / 总计 "
            "prints it. The finding points at the row's 总计 cell and states the sum. A relation with "
            "an empty or unreadable cell is *not assessable*: it is not evaluated and no value is substituted"
            " for the missing one (the cell itself is GL105's finding). The relations of the table share "
            "cells: when exactly one cell, changed alone, would make every failing relation connected "
            "to it hold, and no relation that holds, or that could not be assessed (a cell of it unread), "
            "uses that cell, the message names the cell and its "
            "value."
        ),
        bad_example="(一)予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 5",
        good_example="(一)予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4",
        rationale_zh=(
            "政府信息公开申请情况表（国办公开办函〔2021〕30号）的每个数据行中，总计 = 自然人 + 商业企业 "
            "+ 科研机构 + 社会公益组织 + 法律服务机构 + 其他，与表头“申请人情况 / 总计”的结构一致。问题指向该"
            "行的“总计”单元格，并给出各列之和。关系式中有空白或无法识别的单元格时，该关系“无法判断”："
            "不作计算，也不以任何数值代替缺失的单元格（该单元格本身由 GL105 报告）。表中各关系式共用单元格："
            "若只改动某一个单元格就能使与之相关的所有不成立的关系式都成立，且成立的和无法判断的（其中有未能读取的单元格）关系式都不用到它，"
            "消息会指出该单元格及其应有的值。"
        ),
    )

    def describe(self, outcome: RelationOutcome) -> tuple[str, str]:
        row = outcome.relation.anchor.rpartition(".")[0]
        name = row_name("applications", row)
        expected = _show(outcome.expected)
        actual = _show(outcome.value(outcome.relation.anchor))
        return (
            f"{name} 总计 列应为 {expected}（自然人至其他各列之和），实际为 {actual}",
            f"{name}, column 总计 (total): expected {expected} (sum of the applicant columns), found {actual}",
        )


class ResultsTotal(_RelationRule):
    rid = "R3.2"
    meta = RuleMeta(
        code="GL202",
        name="results-total",
        category="tables",
        severity=_ERROR,
        summary_zh="申请情况表“(七)总计”不等于各办理结果行之和",
        summary_en="(七)总计 of the applications table differs from the sum of the result rows, per column",
        rationale=(
            "In every column of the table of applications (国办公开办函〔2021〕30号), （七）总计 = （一）"
            "予以公开 + （二）部分公开 + the eight （三） rows + the three （四） rows + the five （五）"
            " rows + the （六） rows (three in the 2021 format, the single 其他处理 row in the 2019 format "
            "or a mixed report): 21 terms in 2021, 19 in 2019. It holds because every concluded application "
            "is counted in exactly one result row (the label of （二） says 只计这一情形，不计其他情形). "
            "The finding points at the （七）总计 cell of the column. A relation with an empty or unreadable "
            "cell is *not assessable*: it is not evaluated and no value is substituted for the missing "
            "one (the cell itself is GL105's finding). The relations of the table share cells: when exactly "
            "one cell, changed alone, would make every failing relation connected to it hold, and no "
            "relation that holds uses that cell, the message names the cell and its value. When no cell is "
            "and the column's balance (GL203's relation) holds with the printed （七）总计, the total agrees "
            "with 一 + 二 − 四 and the difference lies in the result rows: the finding gives the rows' sum "
            "(actual) against the total (expected) and does not ask the total to change; where exactly one "
            "result row holds the whole excess of every such column (and still adds up without it), the "
            "finding points at that row's cell instead (a row left over from last year's table), unless a column of "
            "the table was not read whole: the rows that could hold the excess were then not all read."
        ),
        bad_example=(
            "(一)予以公开 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n…(其余各行均为 0)\n(七)总计 | 30 | 0 | 0 | 0 | 0 | 0 | 30"
        ),
        good_example=(
            "(一)予以公开 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n…(其余各行均为 0)\n(七)总计 | 31 | 0 | 0 | 0 | 0 | 0 | 31"
        ),
        rationale_zh=(
            "政府信息公开申请情况表（国办公开办函〔2021〕30号）的每一列中，（七）总计 = （一）予以公开 "
            "+ （二）部分公开 + （三）的八行 + （四）的三行 + （五）的五行 + （六）的各行（2021年格式为三行；"
            "2019年格式或混用格式的报告为“其他处理”一行）：2021年格式共21项，2019年格式共19项。这是因为每件办"
            "结的申请只计入一个办理结果行（（二）的行名写明“只计这一情形，不计其他情形”）。问题指向该列的“（七"
            "）总计”单元格。关系式中有空白或无法识别的单元格时，该关系“无法判断”：不作计算，也不以任何数值代替"
            "缺失的单元格（该单元格本身由 GL105 报告）。表中各关系式共用单元格：若只改动某一个单元格就能使与之"
            "相关的所有不成立的关系式都成立，且成立的和无法判断的（其中有未能读取的单元格）关系式都不用到它，消息会指出该单元格及其应有的值。"
            "找不到这样的单元格、而该列的平衡关系（GL203）以印出的（七）总计成立时，总计与 一 + 二 − 四 相符，"
            "差额在各结果行中：消息给出各行之和（实际值）与总计（应有值），不要求改动总计；若恰有一个结果行"
            "容得下每个这样的列多出的全部数目（去掉后该行仍自洽），问题改为指向该行的单元格（如上年表格遗留的行）；"
            "表中有未能完整读取的列时不这样指认：可能容得下多出数目的行未能全部读取。"
        ),
    )

    def describe(self, outcome: RelationOutcome) -> tuple[str, str]:
        column = outcome.relation.anchor.rpartition(".")[2]
        label = column_label("applications", column)
        expected = _show(outcome.expected)
        actual = _show(outcome.value(outcome.relation.anchor))
        return (
            f"(七)总计 {label} 列应为 {expected}（(一)至(六)各行之和），实际为 {actual}",
            f"(七)总计, column {label} ({column_gloss(column)}): expected {expected} (sum of rows (一) to (六)), "
            f"found {actual}",
        )

    def finding(self, report: Report, ctx: RuleContext, outcome: RelationOutcome) -> Diagnostic:
        """Where no single cell is the repair and the column's balance (R3.3) holds with the printed (七)总计, the
        total agrees with 一 + 二 − 四: the difference lies in the result rows, so the finding does not ask the
        总计 to change.  It points at the one result row that alone holds the excess of every such column, if
        there is one (a row left over from last year's table: 025_junshan_2022)."""
        found = outcomes(report, ctx)
        balance = _held_balance(found, outcome)
        if balance is None or outcome.repair is not None:
            return super().finding(report, ctx, outcome)
        relation = outcome.relation
        column = relation.anchor.rpartition(".")[2]
        total = outcome.value(relation.anchor)
        rows_sum = outcome.expected
        new, carried, forward = (
            _show(balance.value(f"{row}.{column}")) for row in ("new_received", "carried_over", "carried_forward")
        )
        agrees_zh = f"(七)总计 与 一 + 二 − 四（{new} + {carried} − {forward}）相符"
        agrees_en = f"(七)总计 agrees with 一 + 二 − 四 ({new} + {carried} − {forward})"
        stray = _stray_row(report, found)
        key = f"{relation.table}.{relation.anchor}"
        if stray is None:
            label = column_label("applications", column)
            return self.diagnostic(
                report,
                _anchor_span(report, outcome),
                zh=f"(一)至(六)各行 {label} 列之和为 {_show(rows_sum)}，(七)总计 为 {_show(total)}；{agrees_zh}，"
                "差额应在(一)至(六)各行中",
                en=f"rows (一) to (六), column {label} ({column_gloss(column)}), add up to {_show(rows_sum)}, but "
                f"(七)总计 is {_show(total)}; {agrees_en}, so the difference lies in the result rows",
                key=key,
                expected=total,
                actual=rows_sum,
            )
        cell = outcome.cells[f"{stray}.{column}"]
        value = outcome.value(f"{stray}.{column}")
        wanted = _show(value - (rows_sum - total))
        place = place_in(report, relation.table, stray, column)
        return self.diagnostic(
            report,
            cell.span or _anchor_span(report, outcome),
            zh=f"{place.zh}为 {_show(value)}，(一)至(六)各行之和因此为 {_show(rows_sum)}，比 (七)总计 {_show(total)} "
            f"多 {_show(rows_sum - total)}；{agrees_zh}，而各结果行中只有此行容得下多出的数：若只有一行有误，应是此行，"
            f"此列应为 {wanted}",
            en=f"{place.en} is {_show(value)}, so rows (一) to (六) add up to {_show(rows_sum)}, "
            f"{_show(rows_sum - total)} more than (七)总计 {_show(total)}; {agrees_en}, and this is the only result "
            f"row that holds the excess: if a single row is wrong it is this one, expected {wanted}",
            key=key,
            expected=value - (rows_sum - total),
            actual=value,
        )


def _held_balance(found: tuple[RelationOutcome, ...], outcome: RelationOutcome) -> RelationOutcome | None:
    """The balance (R3.3) of the column of the results total ``outcome`` when it was assessed and holds."""
    column = outcome.relation.anchor.rpartition(".")[2]
    return next(
        (
            o
            for o in found
            if o.relation.rid == Balance.rid
            and o.relation.table == outcome.relation.table
            and o.relation.anchor.rpartition(".")[2] == column
            and o.residual is not None
            and not o.failed
        ),
        None,
    )


def _stray_row(report: Report, found: tuple[RelationOutcome, ...]) -> str | None:
    """The one result row whose cells hold the whole excess of every column whose results exceed a (七)总计 that
    the balance confirms, and whose row total (R3.1) still holds without it; None unless exactly one does, and
    None when a column's excess is not known (a cell of the column not read, or its total not confirmed): a row
    is never named because the rows that could explain the excess were not read."""
    excess: dict[str, Number] = {}
    results: tuple[str, ...] = ()
    for outcome in found:
        if outcome.relation.rid != ResultsTotal.rid:
            continue
        if outcome.residual is None:
            return None  # a column not read whole
        if not outcome.failed or outcome.repair is not None:
            continue
        if _held_balance(found, outcome) is None:
            return None  # a total the balance does not confirm: this column's excess is not known
        over = outcome.expected - outcome.value(outcome.relation.anchor)
        if over <= 0:
            return None  # a row short of its count: any row could be the one
        excess[outcome.relation.anchor.rpartition(".")[2]] = over
        results = tuple(key.rpartition(".")[0] for _, key in outcome.relation.terms[1:])
    table = report.tables.applications
    if not excess or table is None:
        return None
    found_rows = []
    for key in results:
        row = table.rows.get(key)
        if row is None:
            continue
        values = {column: cell.value for column, cell in row.cells.items() if cell.value is not None}
        if any(values.get(column, -1) < over for column, over in excess.items()):
            continue
        kept = {column: value - excess.get(column, 0) for column, value in values.items()}
        if _row_adds_up(kept):
            found_rows.append(key)
    return found_rows[0] if len(found_rows) == 1 else None


def _row_adds_up(values: dict[str, Number]) -> bool:
    """Whether a row's 总计 is the sum of its applicants (R3.1), or cannot be told (a cell not read)."""
    if "total" not in values or any(c not in values for c in APPLICANT_COLUMN_KEYS):
        return True
    return values["total"] == sum(values[c] for c in APPLICANT_COLUMN_KEYS)


class Balance(_RelationRule):
    rid = "R3.3"
    meta = RuleMeta(
        code="GL203",
        name="balance",
        category="tables",
        severity=_ERROR,
        summary_zh="申请情况表“一+二”不等于“三(七)总计+四”",
        summary_en="一 + 二 differs from 三(七)总计 + 四 in a column of the applications table",
        rationale=(
            "The table of applications (国办公开办函〔2021〕30号) prints its own relation in its corner: "
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）. In every column, 一、"
            "本年新收 + 二、上年结转 = 三、(七)总计 + 四、结转下年度继续办理. The finding points at the "
            "四、结转下年度继续办理 cell, the balancing item, and states the value that would balance "
            "the column. A relation with an empty or unreadable cell is *not assessable*: it is not evaluated"
            " and no value is substituted for the missing one (the cell itself is GL105's finding). The "
            "relations of the table share cells: when exactly one cell, changed alone, would make every "
            "failing relation connected to it hold, and no relation that holds, or that could not be assessed "
            "(a cell of it unread), uses that cell, the message "
            "names the cell and its value. A column whose (七)总计 does not add up (GL202) with no such cell is "
            "not reported here too: the balance would draw 四's expected value from a total the table contradicts. "
            "Otherwise, with no such cell, the message states the two sides (一 + 二 as expected, 三 + 四 as "
            "actual) and names no cell as the wrong one: the relation does not tell which of its four items is "
            "wrong, and the next year's 二、上年结转 may confirm the 四 printed."
        ),
        bad_example=(
            "一、本年新收政府信息公开申请数量 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n"
            "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n…\n"
            "(七)总计 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
        ),
        good_example=(
            "一、本年新收政府信息公开申请数量 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n"
            "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n…\n"
            "(七)总计 | 31 | 0 | 0 | 0 | 0 | 0 | 31\n四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2"
        ),
        rationale_zh=(
            "政府信息公开申请情况表（国办公开办函〔2021〕30号）在表角注明了自身的勾稽关系：“本列数据的勾稽关系"
            "为：第一项加第二项之和，等于第三项加第四项之和”。即每一列中，一、本年新收 + 二、上年结转 "
            "= 三、（七）总计 + 四、结转下年度继续办理。问题指向作为平衡项的“四、结转下年度继续办理”单元格，"
            "并给出使该列平衡的值。关系式中有空白或无法识别的单元格时，该关系“无法判断”：不作计算，也不以任何"
            "数值代替缺失的单元格（该单元格本身由 GL105 报告）。表中各关系式共用单元格：若只改动某一个单元格就"
            "能使与之相关的所有不成立的关系式都成立，且成立的和无法判断的（其中有未能读取的单元格）关系式都不用到它，消息会指出该单元格及其应有的值"
            "。某列的（七）总计本身不等于各行之和（由 GL202 报告）且找不到这样的单元格时，本规则不再报告该列："
            "以一个表格自身矛盾的总计推算“四”的应有值并不可靠。其他找不到这样的单元格的情形，消息给出两边之和"
            "（一 + 二 为应有值，三 + 四 为实际值），不指认哪一项有误：该关系不能说明四项中哪一项错了，"
            "下一年度的“二、上年结转”也可能证实印出的“四”。"
        ),
    )

    def reported(self, report: Report, ctx: RuleContext) -> Iterator[RelationOutcome]:
        """Not a column whose (七)总计 does not add up (GL202's finding) when no single cell explains both: the
        balance uses that 总计, so it fails with it, and 四's expected value would be drawn from a total the table
        itself contradicts (a whole 总计 row printed 0).  Where one cell explains them, the repair hint names it."""
        unsummed = {
            (o.relation.table, o.relation.anchor)
            for o in outcomes(report, ctx)
            if o.failed and o.relation.rid == ResultsTotal.rid
        }
        for outcome in super().reported(report, ctx):
            table = outcome.relation.table
            if outcome.repair is not None or not any((table, key) in unsummed for _, key in outcome.relation.terms):
                yield outcome

    def finding(self, report: Report, ctx: RuleContext, outcome: RelationOutcome) -> Diagnostic:
        """Where no single cell is the repair, the two sides of the balance, naming no cell as the wrong one: the
        relation does not tell which of its four items is wrong (037_police_2021 prints 四 1, and the next year's
        二、上年结转 1 confirms it).  Where one cell is, 四's balancing value and the hint naming the cell."""
        if outcome.repair is not None:
            return super().finding(report, ctx, outcome)
        column = outcome.relation.anchor.rpartition(".")[2]
        label = column_label("applications", column)
        new, carried, total, forward = (
            outcome.value(f"{r}.{column}") for r in ("new_received", "carried_over", "results_total", "carried_forward")
        )
        sides = (
            f"一、本年新收 {_show(new)} + 二、上年结转 {_show(carried)} = {_show(new + carried)}，"
            f"(七)总计 {_show(total)} + 四、结转下年度继续办理 {_show(forward)} = {_show(total + forward)}"
        )
        sides_en = (
            f"new {_show(new)} + carried over {_show(carried)} = {_show(new + carried)}, (七)总计 {_show(total)} "
            f"+ carried forward {_show(forward)} = {_show(total + forward)}"
        )
        relation = outcome.relation
        return self.diagnostic(
            report,
            _anchor_span(report, outcome),
            zh=f"{label} 列不平衡：{sides}：第一项加第二项之和应等于第三项加第四项之和",
            en=f"column {label} ({column_gloss(column)}) does not balance: {sides_en}: 一 + 二 must equal "
            "三(七)总计 + 四",
            key=f"{relation.table}.{relation.anchor}",
            expected=new + carried,
            actual=total + forward,
        )

    def describe(self, outcome: RelationOutcome) -> tuple[str, str]:
        column = outcome.relation.anchor.rpartition(".")[2]
        label = column_label("applications", column)
        new, carried, total = (
            _show(outcome.value(f"{r}.{column}")) for r in ("new_received", "carried_over", "results_total")
        )
        expected = _show(outcome.expected)
        actual = _show(outcome.value(outcome.relation.anchor))
        return (
            f"四、结转下年度继续办理 {label} 列应为 {expected}（一、本年新收 {new} + 二、上年结转 {carried} − "
            f"(七)总计 {total}），实际为 {actual}：第一项加第二项之和应等于第三项加第四项之和",
            f"四、结转下年度继续办理, column {label} ({column_gloss(column)}): expected {expected} "
            f"(new {new} + carried over {carried} − (七)总计 {total}), found {actual}: 一 + 二 must equal "
            "三(七)总计 + 四",
        )


class ReviewTotal(_RelationRule):
    rid = "R4.1"
    meta = RuleMeta(
        code="GL204",
        name="review-total",
        category="tables",
        severity=_ERROR,
        summary_zh="行政复议或行政诉讼某组的“总计”不等于其四项之和",
        summary_en="A review or litigation group's 总计 differs from the sum of its four cells",
        rationale=(
            "In each of the three groups of the table of administrative reviews and lawsuits (国办公开办函〔2"
            "021〕30号: 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉), 总计 = 结果维持 + "
            "结果纠正 + 其他结果 + 尚未审结. Real reports get it wrong (洪泽区 2023: 10 1 0 0 总计 0). "
            "The finding points at the group's 总计 cell. A relation with an empty or unreadable cell "
            "is *not assessable*: it is not evaluated and no value is substituted for the missing one "
            "(the cell itself is GL105's finding). A single cell is named as the repair only when no "
            "other cell of the group could repair it with a count of 0 or more (10 1 0 0 总计 0 can only "
            "be repaired by 总计 = 11)."
        ),
        bad_example="0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1",
        good_example="0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0",
        rationale_zh=(
            "行政复议、行政诉讼情况表（国办公开办函〔2021〕30号）的三组（行政复议；行政诉讼 未经复议直接起诉；"
            "行政诉讼 复议后起诉）中，每组 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。实际报告中确有错"
            "误（如洪泽区2023年：10 1 0 0 总计 0）。问题指向该组的“总计”单元格。关系式中有空白或无法识别的单元"
            "格时，该关系“无法判断”：不作计算，也不以任何数值代替缺失的单元格（该单元格本身由 GL105 报告）"
            "。只有组内其他单元格都无法以不小于0的数修正时，才指出唯一应修正的单元格（10 1 0 0 总计 0 "
            "只能修正为 总计 = 11）。"
        ),
    )

    def describe(self, outcome: RelationOutcome) -> tuple[str, str]:
        group = outcome.relation.anchor.rpartition(".")[0]
        name = row_name("review_litigation", group)
        expected = _show(outcome.expected)
        actual = _show(outcome.value(outcome.relation.anchor))
        return (
            f"{name} 总计 应为 {expected}（结果维持、结果纠正、其他结果、尚未审结之和），实际为 {actual}",
            f"{name}, 总计 (total): expected {expected} (sum of 结果维持, 结果纠正, 其他结果, 尚未审结), "
            f"found {actual}",
        )


def _column_kinds(report: Report) -> dict[tuple[str, str], ValueKind]:
    spec = effective_format(report)
    if spec is None:
        return {}
    return {(r.key, c.key): c.kind for sub in spec.art20 for r in sub.rows for c in sub.columns}


class InvalidCount(Rule):
    meta = RuleMeta(
        code="GL205",
        name="invalid-count",
        category="tables",
        severity=_ERROR,
        summary_zh="数值为负数、小数或不是数字",
        summary_en="A count that is negative, fractional or not a number",
        rationale=(
            "Every count of tables 二, 三 and 四 (国办公开办函〔2021〕30号) is a whole number of 0 or "
            "more; the 2021 行政事业性收费 amount is a decimal of 0 or more in 万元; the 2019 本年增/减 "
            "is a signed whole number. A readable value outside its domain is reported at the cell. Text "
            "that cannot be read as a number at all is GL105's finding."
        ),
        bad_example="(一)予以公开 | 3 | -1 | 0 | 0 | 0 | 0 | 2",
        good_example="(一)予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4",
        rationale_zh=(
            "第二、三、四部分表格（国办公开办函〔2021〕30号）中的件数都是不小于0的整数；2021年格式的行政事业性"
            "收费金额是以万元为单位、不小于0的数；2019年格式的“本年增/减”是可带正负号的整数。能读出但超出取值"
            "范围的数值在该单元格处报告。完全不能读作数字的文字由 GL105 报告。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        kinds = _column_kinds(report)
        for table_key, table in report.tables.items():
            spec = report.table_spec(table_key)
            described = spec.kinds() if table_key not in TABLE_KEYS and spec is not None else {}
            for row in table.rows.values():
                for cell in row.cells.values():
                    value = cell.value
                    if value is None or (type(value) is int and value >= 0):
                        continue  # unreadable (GL105's) or a valid count: the common case, decided at once
                    kind: ValueKind = described.get(cell.key) or kinds.get((row.key, cell.column), "count")
                    problem = _domain_problem(value, kind)
                    if problem is None:
                        continue
                    place = place_in(report, table_key, row.key, cell.column, row.label)
                    zh, en = problem
                    yield self.diagnostic(
                        report,
                        cell.span or (line_of(report, row.span) if row.span else table.span),
                        zh=f"{place.zh}{zh}",
                        en=f"{place.en} {en}",
                        key=f"{table_key}.{cell.key}",
                        expected=_EXPECTED[kind] if table_key in TABLE_KEYS else _EXPECTED[kind].split(" (")[0],
                        actual=_show(value),
                    )


_EXPECTED: dict[ValueKind, str] = {
    "count": "integer >= 0",
    "signed": "integer",
    "amount": "decimal >= 0 (万元)",
}


def _domain_problem(value: Number, kind: ValueKind) -> tuple[str, str] | None:
    shown = _show(value)
    if isinstance(value, Decimal) and not value.is_finite():
        return f"不是数字（{shown}）：应填写数字", f"is not a number ({shown}): expected a number"
    if kind != "amount" and value != int(value):
        return f"为小数 {shown}：应为整数", f"is fractional ({shown}): expected an integer"
    if kind != "signed" and value < 0:
        wanted = "不小于 0 的数" if kind == "amount" else "不小于 0 的整数"
        wanted_en = "a number >= 0" if kind == "amount" else "an integer >= 0"
        return f"为负数 {shown}：应为{wanted}", f"is negative ({shown}): expected {wanted_en}"
    return None


class DescribedRelation(_RelationRule):
    """Every relation of a table's spec that no rule of its own reports: a plugin's table's (unless its spec
    names the plugin's rule), and a standard table's beyond R3.1–R3.3 and R4.1 (GL201–GL204)."""

    meta = RuleMeta(
        code="GL206",
        name="table-relation",
        category="tables",
        severity=_ERROR,
        summary_zh="表格的勾稽关系不成立（插件所描述的表格，或标准表格中没有专门规则的关系）",
        summary_en="A relation between a table's cells that no rule of its own reports does not hold (a table a "
        "plugin describes, or a standard table's further relation)",
        rationale=(
            "A plugin may describe a table of its own (a `TableSpec` from `govlint_tables`, such as a province's "
            "fee table) with the relations between its cells: a total that is the sum of its parts, in every row "
            "or in every column. govlint reads the table in every layout and checks each relation as it checks "
            "the standard tables' (GL201–GL204): the message names the relation, the cell and its expected value. "
            "A relation of a standard table that GL201–GL204 do not report (one added to the table's description "
            "in govlint's format) is reported here the same way, so that every relation a table states is checked "
            "by some rule. "
            f"{_NOT_ASSESSABLE} {_REPAIR}"
        ),
        bad_example="档案库存情况\n项目\t纸质档案\t电子档案\t档案合计\n年初库存\t2\t3\t6",
        good_example="档案库存情况\n项目\t纸质档案\t电子档案\t档案合计\n年初库存\t2\t3\t5",
        rationale_zh=(
            "插件可以描述自己的表格（由 `govlint_tables` 提供的 `TableSpec`，例如某省的收费表），并写明单元格之间的"
            "勾稽关系：某行或某列的合计等于各项之和。govlint 在各种版式中读取这样的表格，并像检查标准表格"
            "（GL201–GL204）那样检查每个关系式：消息指出关系式、单元格及其应有的值。标准表格中 GL201–GL204 "
            "不报告的关系式（格式描述中新增的关系）同样在此报告，使表格写明的每个关系式都有规则检查。"
            + _NOT_ASSESSABLE_ZH
            + _REPAIR_ZH
        ),
    )

    rid = ""

    def wants(self, outcome: RelationOutcome) -> bool:
        relation = outcome.relation
        if relation.reported_by != self.meta.code:
            return False  # a plugin's own rule reports it
        return relation.table not in TABLE_KEYS or relation.rid not in _STANDARD_RIDS

    def message(self, report: Report, outcome: RelationOutcome) -> tuple[str, str]:
        return _described_message(report, outcome)

    def expected(self, outcome: RelationOutcome) -> object:
        """The value, the bound (``<= 7``), or that the cells are zero together."""
        op = outcome.relation.op
        if op == "zero-together":
            return "all zero or none zero"
        return f"<= {_show(outcome.expected)}" if op == "<=" else outcome.expected


def _described_message(report: Report, outcome: RelationOutcome) -> tuple[str, str]:
    relation = outcome.relation
    row, _, column = relation.anchor.rpartition(".")
    place = place_in(report, relation.table, row, column)
    actual = _show(outcome.value(relation.anchor))
    if relation.op == "zero-together":
        others = [key for _, key in relation.terms if key != relation.anchor]
        names = [place_in(report, relation.table, *key.rsplit(".", 1)) for key in others]
        shown = [_show(outcome.value(key)) for key in others]
        zh_others = "、".join(f"{n.zh}（{v}）" for n, v in zip(names, shown, strict=True))
        en_others = ", ".join(f"{n.en} ({v})" for n, v in zip(names, shown, strict=True))
        return (
            f"{place.zh}为 {actual}，与{zh_others}应同为 0 或同不为 0（勾稽关系 {relation.rid}）",
            f"{place.en} is {actual}; with {en_others} it must be all zero or none zero (relation {relation.rid})",
        )
    expected = _show(outcome.expected)
    if relation.op == "<=":
        return (
            f"{place.zh}为 {actual}，按勾稽关系 {relation.rid} 应不大于 {expected}",
            f"{place.en} is {actual}; relation {relation.rid} gives at most {expected}",
        )
    return (
        f"{place.zh}为 {actual}，按勾稽关系 {relation.rid} 应为 {expected}",
        f"{place.en} is {actual}; relation {relation.rid} gives {expected}",
    )


#: The relations of the standard tables that a rule of their own reports (GL201–GL204), by id.
_STANDARD_RIDS = frozenset(rule.rid for rule in (RowTotal, ResultsTotal, Balance, ReviewTotal))

#: The unread finding, a structure code (GL108) registered after GL107.
UNREAD_RULES: tuple[type[Rule], ...] = (Unread,)
TABLE_RULES: tuple[type[Rule], ...] = (RowTotal, ResultsTotal, Balance, ReviewTotal, InvalidCount, DescribedRelation)
