"""Date rules (GL401–GL407): the report year, the publication deadline, impossible and future dates, the
statistics period, the format for the year, and the presence of a date at all."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from govlint import crossreport
from govlint.crossreport.options import OPTION_ROSTER
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import ConfigError
from govlint.model import DateMention, Report, Span
from govlint.rule import LEVELS, Level, Rule, RuleContext, RuleMeta
from govlint.rules.places import document_start, has_other_all, last_line, line_of, softened
from govlint.schema import (
    FORMATS,
    GOVERNMENT_LEVEL_ENDINGS,
    GOVERNMENT_SUFFIX,
    NON_GOVERNMENT_MARKERS,
    SET_UP_BODIES,
    SET_UP_NEW,
    SET_UP_REASON,
    SET_UP_SELF,
    SET_UP_SINCE,
    SET_UP_WORDS,
    TITLE_CORE,
    expected_format,
    normalize_label,
)

_ERROR = Severity.ERROR

#: Options of the date rules, with their defaults (``[tool.govlint]`` keys; ``govlint_add_options``).
OPTION_DEADLINE_DEPARTMENT = "deadline-department"
OPTION_DEADLINE_GOVERNMENT = "deadline-government"
DATE_OPTIONS: dict[str, Any] = {OPTION_DEADLINE_DEPARTMENT: "01-31", OPTION_DEADLINE_GOVERNMENT: "03-31"}

_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")
_TITLE_YEAR = re.compile(r"(?:19|20)\d\d年度?")
#: Words between the body and the year in a title: "…局关于2020年度…", "…管理局关于报送2020年度…".
_LEADING_WORDS = re.compile(r"关于(?:报送|印发|公布|发布)?$")

_SOURCE_ZH = {"metadata": "发布日期", "signature": "落款日期", "title": "标题", "body": "正文", "period": "统计期限"}
_SOURCE_EN = {
    "metadata": "publication date",
    "signature": "signature date",
    "title": "title",
    "body": "body text",
    "period": "statistics period",
}


def _zh_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _month_day(name: str, value: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(value.strip())
    if match is not None:
        month, day = int(match.group(1)), int(match.group(2))
        try:
            dt.date(2024, month, day)  # a leap year: 02-29 is a valid deadline
        except ValueError:
            pass
        else:
            return month, day
    raise ConfigError(f'option {name} = {value!r}: expected a month-day such as "01-31"')


def _deadline(ctx: RuleContext, name: str, year: int) -> dt.date:
    return _on(year, *_month_day(name, str(ctx.option(name, DATE_OPTIONS[name]))))


def _on(year: int, month: int, day: int) -> dt.date:
    """The deadline ``month``-``day`` in ``year``: 02-29 is the 28th in a common year, 04-31 the 30th."""
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, month, min(day, last.day))


#: Endings of a body that is not a government's own: departments, offices, 乡镇 and 街道, and the
#: administrations of a zone's areas ("…片区管理局"); also a township's "…镇人民政府" (see :func:`_name_level`).
_DEPARTMENT_ENDINGS: tuple[str, ...] = (
    "镇", "乡", "街道", "办事处", "局", "厅", "委", "委员会", "办", "办公室", "中心", "院", "所", "队", "站",
    "部", "处", "署", "馆", "社", "会", "室", "组", "村", "社区",
)  # fmt: skip
#: Zones whose 管委会 publishes as the region's government (综合实验区, 开发区, 新区).
_ZONE_ENDINGS: tuple[str, ...] = ("实验区", "试验区", "开发区", "新区")
_ZONE_COMMITTEES: tuple[str, ...] = ("管理委员会", "管委会")


def _name_level(name: str) -> Level | None:
    """The level a body's name shows, or None when it shows none.

    "洪泽区人民政府", "上海市" and a zone or its 管委会 ("平潭综合实验区管委会") are governments; "洪山镇人民政府",
    "…局", "…管委会办公室" are departments; a name ending otherwise ("苏州工业园区") shows no level.
    """
    if name.endswith(GOVERNMENT_SUFFIX):
        name = name[: -len(GOVERNMENT_SUFFIX)]
        if not name:
            return None
    for committee in _ZONE_COMMITTEES:
        stem = name.removesuffix(committee)
        if stem != name and stem.endswith(_ZONE_ENDINGS):
            return "government"
    if name.endswith(_ZONE_ENDINGS):
        return "government"
    if name.endswith(_DEPARTMENT_ENDINGS):
        return "department"
    if name[-1] in GOVERNMENT_LEVEL_ENDINGS and not any(marker in name for marker in NON_GOVERNMENT_MARKERS):
        return "government"
    return None


def _title_subject(title: str) -> str:
    """The body named in a title: ``{机关}{Y}年政府信息公开工作年度报告`` or ``{Y}年{机关}政府信息公开…``."""
    text = _TITLE_YEAR.sub("", normalize_label(title))
    subject = text.split(TITLE_CORE, 1)[0] if TITLE_CORE in text else ""
    return _LEADING_WORDS.sub("", subject)


def report_level(report: Report) -> Level | None:
    """The level of the body publishing ``report`` as the report shows it, or None when it does not show it.

    The title's subject decides when the title names one; else the agency.  A 县级以上地方人民政府's own
    report (条例 第四十九条第二款) is "government", a department's, 乡镇's or 街道's "department".
    """
    return publisher_level(report.title, report.agency)


def publisher_level(title: str | None, agency: str | None) -> Level | None:
    """:func:`report_level` from a report's title and agency (what a cross-report digest keeps)."""
    subject = _title_subject(title) if title else ""
    if subject:
        return _name_level(subject)
    name = normalize_label(agency or "")
    return _name_level(name) if name else None


def _publication(report: Report) -> DateMention | None:
    return report.publish_date or report.signature_date


def _label(mention: DateMention) -> tuple[str, str]:
    return _SOURCE_ZH.get(mention.source, "日期"), _SOURCE_EN.get(mention.source, "date")


def _all_dates(report: Report) -> Iterator[DateMention]:
    """Every date the report states, each once (the publication date may be the signature's mention)."""
    seen: set[int] = set()
    period = report.statistics_period
    extra = (report.publish_date, report.signature_date, *((period.start, period.end) if period else ()))
    for mention in (*extra, *report.dates):
        if mention is not None and mention.span.start not in seen:
            seen.add(mention.span.start)
            yield mention


class ReportYear(Rule):
    meta = RuleMeta(
        code="GL401",
        name="report-year",
        category="dates",
        severity=_ERROR,
        summary_zh="报告年度缺失，或标题、正文与统计期限所述年度不一致",
        summary_en="The report year is missing, or title, body and statistics period disagree on it",
        rationale=(
            "A report covers one calendar year Y — 《中华人民共和国政府信息公开条例》第四十九条 speaks "
            "of the 上一年度 report — stated in the title ({机关名称}{Y}年…), in the body ({Y}年，我镇…) "
            "and in the statistics period. No year at all, or a statement of another year, is a defect; "
            "each disagreeing statement is reported at its place against the report year that was settled "
            "on. A statistics period of a whole other calendar year is reported here; a period that is "
            "not a calendar year is GL405's finding. Where govlint could not find the title, which holds the "
            "year, it does not say the year is missing: GL107 notes the title as not read."
        ),
        bad_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…所列数据统计期限从2023年1月1日到12月31日止。",
        good_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…所列数据统计期限从2024年1月1日到12月31日止。",
        rationale_zh=(
            "年度报告涵盖一个自然年度 Y（《中华人民共和国政府信息公开条例》第四十九条称“上一年度”的年度报告）"
            "，这个年度写在标题（{机关名称}{Y}年……）、正文（{Y}年，我镇……）和统计期限中。全文没有年度，"
            "或写成了别的年度，都属问题；每处不一致的表述都在其位置报告，并与确定的报告年度对照。统计期限整体"
            "是另一个自然年度的，在此报告；统计期限不是一个完整自然年度的，由 GL405 报告。未能找到标题（年度本应"
            "写在标题中）的，不报告年度缺失，由 GL107 提示标题未能读取。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        year = report.report_year
        if year is None and not report.title:
            return  # the year belongs in a title govlint could not find: GL107 says so, as a place not read
        if year is None:
            yield self.diagnostic(
                report,
                report.title_span or document_start(report),
                zh="未找到报告年度：标题应写明“{年份}年”",
                en="no report year found: the title must state the year (“{Y}年”)",
                key="report_year",
                expected="year",
            )
            return
        mentions = list(report.year_mentions)
        period = report.statistics_period
        if period is not None and not any(m.source == "period" for m in mentions):
            start, end = period.start.value, period.end.value
            if start is not None and end is not None and _is_calendar_year(start, end) and start.year != year:
                yield self._disagrees(report, period.span, "period", start.year, year)
        for mention in mentions:
            if mention.year != year:
                yield self._disagrees(report, mention.span, mention.source, mention.year, year)

    def _disagrees(self, report: Report, span: Span, source: str, found: int, year: int) -> Diagnostic:
        zh_place, en_place = _SOURCE_ZH.get(source, "正文"), _SOURCE_EN.get(source, "text")
        return self.diagnostic(
            report,
            span,
            zh=f"{zh_place}所述年度为 {found} 年，与报告年度 {year} 年不一致：应为 {year} 年",
            en=f"the {en_place} states the year {found}, but the report is for {year}: expected {year}",
            key=f"report_year.{source}",
            expected=year,
            actual=found,
        )


#: The period's own sentence says why it starts late (:data:`SET_UP_WORDS`).
_SET_UP = re.compile("|".join(SET_UP_WORDS))
_VERBS = "|".join(word for word in SET_UP_WORDS if word != SET_UP_REASON)
#: Another sentence says so when it speaks of the body itself (:data:`SET_UP_REASON`, :data:`SET_UP_NEW` with no
#: object after the word, :data:`SET_UP_SINCE` after the body named as :data:`SET_UP_SELF`, maybe with a date).
_BODY_SET_UP = re.compile(
    f"{SET_UP_REASON}"
    f"|(?<!组)(?:{'|'.join(SET_UP_NEW)})(?:{_VERBS})+(?=[的后时，。；、,;]|$)"
    f"|(?:{'|'.join(SET_UP_SELF)})(?:{'|'.join(SET_UP_BODIES)})(?:自|于|从)?[\\d年月日\\s]*"
    f"(?:{_VERBS})(?:{'|'.join(SET_UP_SINCE)})"
)


def _says_why_late(report: Report, span: Span) -> bool:
    """Whether the report says that its body began work during the year: in the prose sentence (:attr:`Report.
    sentences`) in which ``span`` starts with any set-up word, or in any other with one about the body (苏平
    2019: 考虑到苏平片区刚刚成立的实际情况…2019年9月以来, far from its period)."""
    text = report.text
    for start, end in report.sentences.offsets():
        if start <= span.start < end:
            if _SET_UP.search(text[start:end]):
                return True
            continue
        for found in _BODY_SET_UP.finditer(text[start:end]):
            if all(int(year) == report.report_year for year in re.findall(r"\d{4}", found.group())):
                return True  # not 我局自2010年成立以来: a body set up in another year
    return False


def _is_calendar_year(start: dt.date, end: dt.date) -> bool:
    return (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31) and start.year == end.year


class PublishedLate(Rule):
    meta = RuleMeta(
        code="GL402",
        name="published-late",
        category="dates",
        severity=_ERROR,
        summary_zh="报告发布晚于法定期限",
        summary_en="The report was published after the deadline",
        rationale=(
            "条例 第四十九条第一款: departments of county-level and higher governments publish the previous year's "
            "report by 1月31日; 第二款: a 县级以上地方人民政府's own report (本级政府) is published by 3月31日. "
            "Townships and street offices have no date in the regulation; local notices mostly require the end of "
            "January, which is the default here. The level comes from the roster (`roster`: the body's `level` "
            "column) or the `level` setting when one is given; otherwise from the title's subject (or, without "
            "one, the agency): a 省/市/县/区/州/旗/盟, "
            "with or without 人民政府, or a 综合实验区/开发区/新区 or its 管委会 (publishing as its region's "
            "government) is a government; a 局/委/办/办公室/中心…, 乡镇 or 街道 is a department. A report that does "
            "not show its level is not guessed at: it is held only to the later deadline, and the message says so."
            " The date is the page's publication date, or the signature date when the page has none. Options: "
            '`deadline-department` (month-day, default "01-31") and `deadline-government` (default "03-31") of '
            "the year after the report year. A body's own, earlier deadline in the roster (its `deadline` column, "
            'e.g. "01-28" where a city sets 28 January for its departments) replaces the level\'s deadline.'
        ),
        bad_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…\n洪山镇人民政府\n2025年2月10日",
        good_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…\n洪山镇人民政府\n2025年1月20日",
        rationale_zh=(
            "《中华人民共和国政府信息公开条例》第四十九条第一款：县级以上人民政府部门应当在每年1月31日前公布本"
            "行政机关上一年度的年度报告；第二款：县级以上地方人民政府的本级政府年度报告应当在每年3月31日前向社"
            "会公布。条例未规定乡镇、街道的期限，各地通知多要求1月底前，本规则默认如此。发布机关的层级取自名单"
            "（`roster` 的 `level` 列）或配置项 `level`；没有时依据标题中的主体（没有标题时依据机关名称）"
            "：省、市、县、区、州、旗、盟（带或不带“人民政府”），以及综合实验区、开发区、新区或其管委会（以本"
            "地区政府名义发布）视为政府；局、委、办、办公室、中心……以及乡镇、街道视为部门。看不出层级的报告不"
            "作猜测：只按较晚的期限检查，消息会说明这一点。日期取网页的发布日期，没有时取落款日期。选项："
            '`deadline-department`（月-日，默认 "01-31"）和 `deadline-government`（默认 "03-31"），指报告年度'
            "次年的日期。名单中某单位自己更早的期限（其 `deadline` 列，例如某市要求所属部门1月28日前发布的 "
            '"01-28"）取代按层级确定的期限。'
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        year = report.report_year
        mention = _publication(report)
        if year is None or mention is None or mention.value is None:
            return
        listed = crossreport.roster.roster_entry(ctx, report.agency) if ctx.option(OPTION_ROSTER) else None
        entry = listed[1] if listed else None
        level = (entry.kind if entry else None) or ctx.level or report_level(report)
        deadlines = {lv: _deadline(ctx, _LEVEL_OPTIONS[lv], year + 1) for lv in LEVELS}
        # Without a level, only what is late under both readings is late: the later deadline applies.
        later: Level = max(LEVELS, key=deadlines.__getitem__)
        assumed: Level = level if level is not None else later
        deadline = deadlines[assumed]
        basis_zh, basis_en = _LEVEL_BASIS[assumed]
        if listed is not None and entry is not None and entry.deadline is not None:
            own = _on(year + 1, *entry.deadline)
            if own < deadline:  # a roster sets an earlier deadline, never a later one
                deadline = own
                where = f"{listed[0].path}:{entry.line}"
                basis_zh, basis_en = f"名单 {where} 规定的本单位期限", f"the body's own deadline in the roster {where}"
        if mention.value <= deadline:
            return
        if level is None and (entry is None or entry.deadline is None):
            basis_zh = f"报告未显示发布机关层级，按较晚的期限判断：{basis_zh}；可在配置 level 中指定"
            basis_en = f"the report does not show its publisher's level, so the later deadline applies: {basis_en}; "
            basis_en += "set it with the level setting"
        label_zh, label_en = _label(mention)
        yield self.diagnostic(
            report,
            mention.span,
            zh=f"{label_zh} {_zh_date(mention.value)} 晚于发布期限：应不晚于 {_zh_date(deadline)}（{basis_zh}）",
            en=f"{label_en} {mention.value.isoformat()} is after the deadline: expected on or before "
            f"{deadline.isoformat()} ({basis_en})",
            key="publish_date.deadline",
            expected=deadline.isoformat(),
            actual=mention.value.isoformat(),
        )


_LEVEL_OPTIONS: dict[Level, str] = {
    "government": OPTION_DEADLINE_GOVERNMENT,
    "department": OPTION_DEADLINE_DEPARTMENT,
}
_LEVEL_BASIS: dict[Level, tuple[str, str]] = {
    "government": (
        "县级以上地方人民政府的本级报告，条例第四十九条第二款",
        "a county-or-higher government's own report, Regulations on Open Government Information Art. 49(2)",
    ),
    "department": (
        "政府部门的报告（条例第四十九条第一款）；乡镇、街道的报告条例未规定期限，按各地通知多为1月底",
        "a department's report (Regulations on Open Government Information Art. 49(1)); for a township or street "
        "office the Regulations set no date and local notices mostly require the end of January",
    ),
}


class ImpossibleDate(Rule):
    meta = RuleMeta(
        code="GL403",
        name="impossible-date",
        category="dates",
        severity=_ERROR,
        summary_zh="日期不存在，或发布、落款日期早于报告年度结束",
        summary_en="An impossible date, or a publication or signature date before the report year ended",
        rationale=(
            "A date such as 2月30日 does not exist. A report for year Y covers Y up to 31 December, so "
            "it cannot be published or signed before 1 January of Y+1 (《中华人民共和国政府信息公开条例》第四"
            "十九条: the report of the 上一年度). Each impossible date is reported where it is printed; "
            "the publication and signature dates are checked against the report year."
        ),
        bad_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…\n2024年12月20日",
        good_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…\n2025年1月20日",
        rationale_zh=(
            "像“2月30日”这样的日期不存在。Y 年度的报告涵盖到当年12月31日，因此不可能在 Y+1 年1月1日之前发布或"
            "落款（《中华人民共和国政府信息公开条例》第四十九条：公布“上一年度”的年度报告）。每个不可能的日期"
            "都在其印出处报告；发布日期和落款日期与报告年度对照检查。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        year = report.report_year
        for mention in _all_dates(report):
            if mention.value is None:
                yield self.diagnostic(
                    report,
                    mention.span,
                    zh=f"日期“{mention.raw.strip()}”不存在：{mention.year}年{mention.month}月没有{mention.day}日",
                    en=f"the date “{mention.raw.strip()}” does not exist: {mention.year}-{mention.month:02d} has no "
                    f"day {mention.day}",
                    key=f"date.{mention.source}.impossible",
                    expected="valid date",
                    actual=mention.raw.strip(),
                )
            elif year is not None and mention.source in ("metadata", "signature") and mention.value.year <= year:
                label_zh, label_en = _label(mention)
                first = dt.date(year + 1, 1, 1)
                yield self.diagnostic(
                    report,
                    mention.span,
                    zh=f"{label_zh} {_zh_date(mention.value)} 早于 {year} 年度结束：应在 {_zh_date(first)} 或之后",
                    en=f"{label_en} {mention.value.isoformat()} is before the end of the report year {year}: "
                    f"expected {first.isoformat()} or later",
                    key=f"date.{mention.source}.early",
                    expected=f">= {first.isoformat()}",
                    actual=mention.value.isoformat(),
                )


class FutureDate(Rule):
    meta = RuleMeta(
        code="GL404",
        name="future-date",
        category="dates",
        severity=_ERROR,
        summary_zh="日期晚于参考日期（默认今天）",
        summary_en="A date after the reference date (today by default)",
        rationale=(
            "A publication, signature or metadata date, or the end of the statistics period, cannot lie "
            "after the day the report is checked; such a date also defeats the deadline check of 《中华人民共"
            "和国政府信息公开条例》第四十九条 (GL402). The reference date is today unless `--reference-date` "
            "(or `reference-date` in the configuration) sets it, so that a check of an old report is "
            "reproducible. Dates in the body text (plans, deadlines) are not checked."
        ),
        bad_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…\n2035年1月20日",
        good_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…\n2025年1月20日",
        rationale_zh=(
            "发布日期、落款日期、网页元数据中的日期或统计期限的截止日，都不可能晚于检查报告的当天；这样的日期"
            "还会使《中华人民共和国政府信息公开条例》第四十九条的期限检查（GL402）失效。参考日期默认为今天，"
            "可用 `--reference-date`（或配置项 `reference-date`）指定，以便对旧报告的检查可以重现。正文中的日"
            "期（计划、期限）不检查。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        today = ctx.reference_date
        for mention in _all_dates(report):
            if mention.source not in ("metadata", "signature", "period") or mention.value is None:
                continue
            if mention.value > today:
                label_zh, label_en = _label(mention)
                yield self.diagnostic(
                    report,
                    mention.span,
                    zh=f"{label_zh} {_zh_date(mention.value)} 晚于参考日期 {_zh_date(today)}：日期不能在未来",
                    en=f"{label_en} {mention.value.isoformat()} is after the reference date {today.isoformat()}: a "
                    "date cannot lie in the future",
                    key=f"date.{mention.source}.future",
                    expected=f"<= {today.isoformat()}",
                    actual=mention.value.isoformat(),
                )


class StatisticsPeriod(Rule):
    meta = RuleMeta(
        code="GL405",
        name="statistics-period",
        category="dates",
        severity=_ERROR,
        summary_zh="统计期限不是报告年度的1月1日至12月31日",
        summary_en="The stated statistics period is not 1 January to 31 December of the report year",
        rationale=(
            "The report covers the calendar year — 《中华人民共和国政府信息公开条例》第四十九条 speaks "
            "of the 上一年度 — so its statistics period is Y-01-01 to Y-12-31. A stated period that starts "
            "or ends on another day is reported at the period. A report that states no period is not "
            "reported (the period sentence is customary, not required), and a whole calendar year other "
            "than the report year is GL401's finding. A period that starts later in the report year and "
            "runs to 31 December is a warning, not an error: a body set up during the year (机构改革) "
            "reports from the day it began its work (pingtan 片区 2019: 2019年9月1日至12月31日), and a report "
            "that says so is not reported: in the period's own sentence (由于机构改革…开始启动, 新组建, 挂牌), or in "
            "any other sentence that speaks of the body itself (机构改革, 我局刚刚成立, 新组建的, 我局自…成立以来 "
            "in the report year; not 成立政务公开领导小组, 领导小组成立以来, 新设立…专栏, 平台启动以来, or 我局自2010年"
            "成立以来)."
        ),
        bad_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…所列数据统计期限从2024年1月1日到11月30日止。",
        good_example="洪山镇人民政府2024年政府信息公开工作年度报告\n…所列数据统计期限从2024年1月1日到12月31日止。",
        rationale_zh=(
            "年度报告涵盖一个自然年度（《中华人民共和国政府信息公开条例》第四十九条称“上一年度”），统计期限应"
            "为 Y 年1月1日至12月31日。写明的统计期限起止日不是这两天的，在统计期限处报告。没有写统计期限的报告"
            "不报告（写明统计期限是惯例而非要求）；统计期限是报告年度之外的另一个完整自然年度的，由 GL401 "
            "报告。统计期限从报告年度中的某日起至12月31日止的，只作警告：年内新设立（机构改革）的机关从开始履"
            "职之日起统计（如平潭各片区管理局2019年：2019年9月1日至12月31日）；报告已说明原因的不报告：在统计期"
            "限所在句子中（由于机构改革……开始启动、新组建、挂牌），或在其他说到本机关自身的句子中（机构改革、我局刚刚"
            "成立、新组建的、报告年度内的“我局自……成立以来”；而非“成立政务公开领导小组”“领导小组成立以来”“新设立……"
            "专栏”“平台启动以来”“我局自2010年成立以来”）。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        period = report.statistics_period
        if period is None:
            return
        start, end = period.start.value, period.end.value
        if start is None or end is None or _is_calendar_year(start, end):
            return
        year = report.report_year or start.year
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        zh = f"统计期限应为 {_zh_date(first)}至{_zh_date(last)}，实际为 {_zh_date(start)}至{_zh_date(end)}"
        en = (
            f"the statistics period must be {first.isoformat()} to {last.isoformat()}, found {start.isoformat()} "
            f"to {end.isoformat()}"
        )
        diagnostic = self.diagnostic(
            report,
            period.span,
            zh=zh,
            en=en,
            key="statistics_period",
            expected=[first.isoformat(), last.isoformat()],
            actual=[start.isoformat(), end.isoformat()],
        )
        if first < start <= end == last:  # the rest of the year: a body set up during it
            if _says_why_late(report, period.span):
                return  # the report says why, as asked (055_jinjing_2019: 由于机构改革…从2019年9月1日开始启动)
            diagnostic = softened(
                diagnostic,
                "：如本机关于年内设立、自该日起履职，请在报告中说明",
                ": if the body was set up during the year and began on that day, say so in the report",
            )
        yield diagnostic


class FormatYear(Rule):
    meta = RuleMeta(
        code="GL406",
        name="format-year",
        category="dates",
        severity=_ERROR,
        summary_zh="表格格式与报告年度不符（如2021年及以后的报告使用2019年试行格式）",
        summary_en="The table format does not match the report year (e.g. the 2019 trial format for 2021 or later)",
        rationale=(
            "Reports for 2021 and later use the 2021 format (国办公开办函〔2021〕30号); reports for 2019 "
            "and 2020 the 2019 trial format (国办公开办函〔2019〕60号); before 2019 there was no national "
            "table format. A 2021-or-later report with 2019 tables is an old-format defect, and so is "
            "a 2021-layout report that keeps the single 2019 row （六）其他处理 (洪泽区 2023 and 2024; "
            "GL104 reports its three missing rows). A report for 2020 or earlier in the 2021 layout cannot "
            "exist and points to a wrong year."
        ),
        bad_example="洪泽区人民政府2023年政府信息公开工作年度报告\n…\n（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        good_example=(
            "洪泽区人民政府2023年政府信息公开工作年度报告\n…\n"
            "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
            "| 0 | 0 | 0 | 0 | 0 | 0 | 0"
        ),
        rationale_zh=(
            "2021年度及以后的报告使用2021年格式（国办公开办函〔2021〕30号）；2019、2020年度的报告使用2019年试"
            "行格式（国办公开办函〔2019〕60号）；2019年以前没有全国统一的表格格式。2021年度及以后的报告使用20"
            "19年格式的表格，属于使用旧格式；采用2021年版式却保留2019年单独一行“（六）其他处理”的也是（如洪泽"
            "区2023、2024年度；所缺的三行由 GL104 报告）。2020年度及以前的报告使用2021年版式是不可能的，"
            "说明年度写错了。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        year = report.report_year
        if year is None or report.format not in FORMATS:
            return
        wanted = expected_format(year)
        applications = report.tables.applications
        mixed = report.format == "2021" and has_other_all(report)
        if wanted == report.format and not mixed:
            return
        used = FORMATS[report.format]
        span = _format_anchor(report)
        if wanted == report.format:  # a 2021-or-later report in the 2021 layout with the 2019 (六) row
            row = applications.rows.get("other.all") if applications else None
            span = line_of(report, row.span) if row and row.span else span
            zh = (
                f"{year} 年度报告应使用{used.name}格式：申请情况表仍用2019年试行格式的单行“(六)其他处理”，"
                "应分为(六)1至3三行"
            )
            en = (
                f"a report for {year} must use the {used.key} format ({used.name}): the applications table keeps the "
                "single 2019 row (六)其他处理 instead of rows (六)1 to 3"
            )
        elif wanted is None:
            zh = f"{year} 年度尚无全国统一的报告格式，本报告却使用{used.name}格式：报告年度可能有误"
            en = f"no national format existed for {year}, yet the report uses the {used.key} format: is the year wrong?"
        else:
            want = FORMATS[wanted]
            zh = f"{year} 年度报告应使用{want.name}格式，本报告使用{used.name}格式"
            en = f"a report for {year} must use the {want.key} format ({want.name}); the report uses the {used.key} one"
            if wanted < report.format:
                zh += "（该格式在此年度之后才印发）：报告年度可能有误"
                en += ", issued only after that year: is the year wrong?"
        yield self.diagnostic(
            report,
            span,
            zh=zh,
            en=en,
            key="format",
            expected=wanted,
            actual="mixed" if mixed and wanted == report.format else report.format,
        )


def _format_anchor(report: Report) -> Span:
    """Where the format shows: the first standard table, else the title."""
    tables = [t for t in (report.tables.active_disclosure, report.tables.applications) if t and t.span]
    if tables:
        first = min(tables, key=lambda t: t.span.start if t.span else 0)
        assert first.span is not None
        return line_of(report, first.span)
    return report.title_span or document_start(report)


class NoDate(Rule):
    meta = RuleMeta(
        code="GL407",
        name="no-date",
        category="dates",
        severity=_ERROR,
        summary_zh="全文没有发布日期或落款日期",
        summary_en="No publication or signature date anywhere",
        rationale=(
            "A report must show when it was issued: the 落款 (the body's name and a date YYYY年M月D日) "
            "or the portal's 发布日期. Without either, neither the deadline of 《中华人民共和国政府信息公开条"
            "例》第四十九条 (GL402) nor the other date checks can be made. Reported at the end of the "
            "text, where the signature belongs. A signature with a year and a month but no day (2025年1月) is "
            "a warning that names it: the report is dated, if not to the day."
        ),
        bad_example="六、其他需要报告的事项\n本年度没有收取信息处理费。",
        good_example="六、其他需要报告的事项\n本年度没有收取信息处理费。\n洪山镇人民政府\n2025年1月20日",
        rationale_zh=(
            "报告必须显示发布时间：落款（机关名称和“YYYY年M月D日”形式的日期）或网站的发布日期。两者都没有，"
            "就无法检查《中华人民共和国政府信息公开条例》第四十九条规定的期限（GL402）和其他日期。在全文末尾（"
            "落款应在处）报告。落款只写年月、没有写日（如“2025年1月”）的，只作警告并指出该日期。"
        ),
    )

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        if _publication(report) is not None or any(d.source in ("metadata", "signature") for d in report.dates):
            return
        month = report.signature_month
        if month is not None:  # signed with a year and month: a date, if not a whole one
            printed = month.raw
            diagnostic = self.diagnostic(
                report,
                month.span,
                zh=f"落款日期“{printed}”没有写明日：应写明年月日（如“2025年1月20日”）",
                en=f"the signature date “{printed}” names no day: expected a full date (e.g. 2025年1月20日)",
                key="publish_date.day",
                expected="date",
                actual=printed,
            )
            yield softened(diagnostic)
            return
        yield self.diagnostic(
            report,
            last_line(report),
            zh="全文没有发布日期或落款日期：应在文末落款处注明日期（如“2025年1月20日”）",
            en="no publication or signature date anywhere: expected a dated signature at the end (e.g. 2025年1月20日)",
            key="publish_date",
            expected="date",
        )


DATE_RULES: tuple[type[Rule], ...] = (
    ReportYear,
    PublishedLate,
    ImpossibleDate,
    FutureDate,
    StatisticsPeriod,
    FormatYear,
    NoDate,
)
