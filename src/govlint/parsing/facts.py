"""Document facts outside the tables: metadata, title, agency, report year, dates and statistics period.

Everything is read from the text as printed, full-width and half-width forms alike (``\\d`` and ``int``
take full-width digits), with whitespace allowed inside titles and dates, because titles and dates are split
by stray spaces and line breaks in real reports (spec §2, §8).  Words come from
:mod:`govlint.schema`.  A date that cannot exist (2月30日, 13月) is kept with ``value=None`` for GL403.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from govlint.model import DateMention, DateSource, MetaField, MonthMention, Period, Positions, Span, YearMention
from govlint.parsing.headings import HeadingMatch
from govlint.parsing.numbering import is_bracketed_numeral
from govlint.parsing.spans import skip_spaces
from govlint.schema import (
    AGENCY_ENDINGS,
    CHINESE_NUMERALS,
    GOVERNMENT_SUFFIX,
    METADATA_FIELDS,
    PERIOD_MARKERS,
    PRINT_DATE_MARKER,
    PUBLISH_DATE_FIELDS,
    TITLE_CORE,
    TITLE_CORE_VARIANTS,
    TITLE_FIELDS,
    normalize_label,
)
from govlint.sources.document import Document


class Facts(NamedTuple):
    """What the report says about itself, besides its sections and tables."""

    title: str | None
    title_span: Span | None
    agency: str | None
    report_year: int | None
    year_mentions: tuple[YearMention, ...]
    publish_date: DateMention | None
    signature_date: DateMention | None
    signature_month: MonthMention | None
    dates: tuple[DateMention, ...]
    statistics_period: Period | None
    metadata: tuple[MetaField, ...]


# ---------------------------------------------------------------------------------------------------------
# Patterns, built once from the schema
# ---------------------------------------------------------------------------------------------------------


def _spaced(word: str, space: str = r"\s*") -> str:
    """A regex for ``word`` (normalised) with optional whitespace between its characters."""
    return space.join(re.escape(c) for c in normalize_label(word))


_CN_ZEROS = "〇○零OＯ"
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | dict.fromkeys(_CN_ZEROS, 0)
#: A year in Chinese numerals, 2000-2099 (二〇二五): it starts with 二 and a zero, which the regex engine
#: can look for fast.  The patterns that read Chinese numerals are searched only in a text that has such a year.
_CN_YEAR = f"二[{_CN_ZEROS}][{''.join(_CN_DIGITS)}]{{2}}"
_CN_YEAR_STARTS = tuple("二" + zero for zero in _CN_ZEROS)
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
#: Four digits not preceded by a digit (the look-behind comes after the first digit, so that every
#: pattern starts with a character class and the regex engine can skip ahead fast).  ``\d`` and ``int``
#: take full-width digits as they are.
_YEAR4 = r"\d(?<!\d\d)\d{3}"
_ISO_SEPARATORS = "/.－／．-"

#: The three ways real reports print a date, each searched from a character that is rare in prose (年, a
#: separator, 二) so that the regex engine can skip ahead fast; the year before 年 or the separator is read
#: by :func:`_digits_before`.
#: 2025年1月9日, 2024 年 12 月 31 日, 2025年01月09日, ２０２５年１月９日
_YMD_RE = re.compile("年\\s*(?P<m>\\d{1,2})\\s*月\\s*(?P<d>\\d{1,2})\\s*[日号]")
#: 2024-01-30, 2024/1/30, 2024.01.30 (a time may follow); the year must be 19xx or 20xx
_ISO_RE = re.compile(f"(?P<sep>[{_ISO_SEPARATORS}])(?P<m>\\d{{1,2}})(?P=sep)(?P<d>\\d{{1,2}})(?!\\d)")
_ISO_YEARS = range(1900, 2100)
#: 2024年, 2024 年度
_YEAR_RE = re.compile(f"(?P<y>{_YEAR4})\\s*年(?:\\s*度)?")


def _has_cn_year(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when ``text[start:end]`` may print a year in Chinese numerals (二〇二五)."""
    return any(text.find(year_start, start, end) != -1 for year_start in _CN_YEAR_STARTS)


#: 二〇二五年一月九日
_CN_DATE_RE = re.compile(f"(?P<y>{_CN_YEAR})\\s*年\\s*(?P<m>{_CN_SMALL})\\s*月\\s*(?P<d>{_CN_SMALL})\\s*[日号]")
#: 2024年, 2024 年度, 二〇二四年
_YEAR_OR_CN_YEAR_RE = re.compile(f"(?P<y>{_YEAR4}|{_CN_YEAR})\\s*年(?:\\s*度)?")


def _years(text: str, start: int = 0, end: int | None = None) -> re.Pattern[str]:
    """The regex for the years printed in ``text[start:end]``."""
    return _YEAR_OR_CN_YEAR_RE if _has_cn_year(text, start, end) else _YEAR_RE


_CORE_RE = re.compile("|".join(_spaced(c) for c in (TITLE_CORE, *TITLE_CORE_VARIANTS)))
#: A year's 年 (年度) left at the end of the title's subject, apart from the name, when a converter moved the
#: year's digits to another line (Chromium's print: ``洪山镇人民政府 年政府信息公开工作年度报告`` / ``2019``).
_YEAR_WORD_LEFT = re.compile(r"\s+年(?:\s*度)?\s*$")

#: Whitespace within a line (``\\s`` takes full-width and no-break spaces).
_LINE_SPACE = r"[^\S\n]"
_META_NAMES = {normalize_label(n) for n in METADATA_FIELDS}


#: A metadata field's name (spaces allowed between its characters) and its colon.
_META_RE = re.compile(
    f"(?:^|(?<={_LINE_SPACE}))(?P<name>"
    + "|".join(_spaced(n, f"{_LINE_SPACE}*") for n in sorted(_META_NAMES, key=lambda n: (-len(n), n)))
    + f"){_LINE_SPACE}*[:：]",
    re.MULTILINE,
)


_META_LINE_MAX = 200

#: What separates the dates of a range (after an optional 起: "起至", "到", "—", "~").
_RANGE_SEPARATORS = frozenset("至到-－—–~～")
#: What follows the separator of a date range: "2019年12月31日止", "12月31日止", "2023年12月31日".
_RANGE_END_RE = re.compile(
    f"\\s*(?P<end>(?:(?P<y>{_YEAR4})\\s*年\\s*)?(?P<m>\\d{{1,2}})\\s*月\\s*(?P<d>\\d{{1,2}})\\s*[日号])(?:\\s*止)?"
)
_PERIOD_LOOKBACK = 40

#: A title prefix or a 落款 name never contains these (sentence punctuation, quotes, book titles).
_PROSE = frozenset('。，,；;：:！!？?、《》"＂“”')
_SENTENCE_BREAK = "\n。；;！!？?"
_TITLE_PREFIX_MAX = 60
_TITLE_TAIL_MAX = 10
_PREVIOUS_LINE_MAX = 30
_SIGNATURE_NAME_MAX = 80
#: How far from the end of the text a signature with a year and month only is looked for.
_SIGNATURE_TAIL = 200
#: What Markdown prints around a title line (``# 标题``, ``**标题**``): not part of the title.
_MARKUP = "#*"
#: A line that is a list item or a link (``  • 政府信息公开年报``, ``* [政府信息公开年报](../)``): a text browser's or
#: a Markdown converter's dump of a page's breadcrumb or menu, not the report's title.
_LISTED = re.compile(r"[ \t]*(?:[•·●▪]|[*+-][ \t]|\[)")
_NO_HEADING_HEAD = 3000
#: How the parent of a 区/县/旗 government ends (淮安市 in 淮安市洪泽区人民政府), and how the government's own name
#: ends before 人民政府.
_PARENT_ENDS = frozenset("省市州盟")
_COUNTY_ENDS = frozenset("区县旗")
#: The year that opens section 一 ("一、总体情况 （一）2020年…") is printed within this many characters.
_OPENING_MAX = 16
_YEAR_BEFORE_MAX = 12


# ---------------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------------


def _cn_number(text: str) -> int | None:
    """一..九, 十, 十二, 二十, 三十一 → int; None for anything else."""
    digits = "一二三四五六七八九"
    if text == "十":
        return 10
    if "十" not in text:
        return digits.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def _year_value(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in text))


class _Date(NamedTuple):
    """A date as found, before it knows its source."""

    start: int
    end: int
    year: int
    month: int
    day: int


def _digits_before(text: str, pos: int, *, spaces: bool) -> int | None:
    """Where the four-digit year ending at ``pos`` (after optional whitespace when ``spaces``) starts, if
    no digit precedes it; else None."""
    if spaces:
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
    start = pos - 4
    # isdecimal, not isdigit: a superscript or circled digit (²025, ②025) is a digit int() cannot read
    if start < 0 or not text[start:pos].isdecimal() or (start > 0 and text[start - 1].isdigit()):
        return None
    return start


def _find_dates(text: str, start: int = 0, end: int | None = None) -> list[_Date]:
    """Every date in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    found: list[_Date] = []
    for match in _YMD_RE.finditer(text, start, end):
        year_start = _digits_before(text, match.start(), spaces=True)
        if year_start is not None and year_start >= start:
            year = int(text[year_start : year_start + 4])
            found.append(_Date(year_start, match.end(), year, int(match.group("m")), int(match.group("d"))))
    for match in _ISO_RE.finditer(text, start, end):
        year_start = _digits_before(text, match.start(), spaces=False)
        if year_start is None or year_start < start or (year_start > 0 and text[year_start - 1] in _ISO_SEPARATORS):
            continue
        year = int(text[year_start : year_start + 4])
        if year in _ISO_YEARS:
            found.append(_Date(year_start, match.end(), year, int(match.group("m")), int(match.group("d"))))
    for match in _CN_DATE_RE.finditer(text, start, end) if _has_cn_year(text, start, end) else ():
        month, day = _cn_number(match.group("m")), _cn_number(match.group("d"))
        if month is not None and day is not None:
            found.append(_Date(match.start(), match.end(), _year_value(match.group("y")), month, day))
    return sorted(found, key=lambda d: d.start)


def _calendar_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------------------


class _Meta(NamedTuple):
    """A metadata field as found: its normalised name, where it starts, where its value starts and ends."""

    name: str
    start: int
    value_start: int
    value_end: int


def extract_facts(document: Document, index: Positions, headings: Sequence[HeadingMatch]) -> Facts:
    """Read the document facts of ``document``; ``headings`` are its section headings in text order."""
    text = document.text
    head_end = headings[0].start if headings else min(len(text), _NO_HEADING_HEAD)

    metas = _find_metadata(text, head_end)
    metadata = tuple(
        MetaField(m.name, text[m.value_start : m.value_end].strip(), index.span(m.start, m.value_end)) for m in metas
    )

    title_range = _find_title(text, head_end, metas)
    title = title_span = None
    if title_range is not None:
        title = "".join(text[title_range[0] : title_range[1]].split())
        title_span = index.span(*title_range)

    dates = _find_dates(text)
    period = _find_period(text, dates, head_end)
    last_heading = headings[-1].start if headings else 0
    signed = _find_signature(text, dates, last_heading, metas)
    signature, signer = signed if signed is not None else (None, "")
    publish = _publish_date(text, metas)

    # Every date once, with its source.
    sources: dict[int, DateSource] = {}
    for d in dates:
        if any(m.start <= d.start < m.value_end for m in metas):
            sources[d.start] = "metadata"
        elif title_range is not None and title_range[0] <= d.start < title_range[1]:
            sources[d.start] = "title"
    if signature is not None:
        sources[signature.start] = "signature"
    extra: list[_Date] = []
    if period is not None:
        sources[period[0].start] = sources[period[1].start] = "period"
        if period[1] not in dates:
            extra.append(period[1])
    mentions = {
        d.start: DateMention(
            raw=text[d.start : d.end],
            year=d.year,
            month=d.month,
            day=d.day,
            span=index.span(d.start, d.end),
            source=sources.get(d.start, "body"),
            value=_calendar_date(d.year, d.month, d.day),
        )
        for d in sorted([*dates, *extra], key=lambda d: d.start)
    }

    statistics_period = None
    if period is not None:
        start_date, end_date, period_end = period
        statistics_period = Period(
            mentions[start_date.start], mentions[end_date.start], index.span(start_date.start, period_end)
        )
    signature_date = mentions[signature.start] if signature is not None else None
    publish_date = mentions[publish.start] if publish is not None else signature_date

    year_mentions = _year_mentions(
        text, index, title_range=title_range, metas=metas, headings=headings, period=statistics_period
    )
    return Facts(
        title=title,
        title_span=title_span,
        agency=_agency(text, title_range, signer),
        report_year=_report_year(year_mentions),
        year_mentions=year_mentions,
        publish_date=publish_date,
        signature_date=signature_date,
        signature_month=_find_month_signature(text, index) if signature is None else None,
        dates=tuple(mentions.values()),
        statistics_period=statistics_period,
        metadata=metadata,
    )


#: A metadata block a converter writes at the top of Markdown: YAML front matter between ``---`` lines
#: (``pandoc -s``, static-site and PDF converters), ending at ``---`` or ``...``.
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?\s*---[^\S\n]*\n(?P<body>.*?\n)(?:---|\.\.\.)[^\S\n]*(?:\n|\Z)", re.DOTALL)
#: A top-level YAML key of the front matter and its value on the same line.
_FRONT_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[^\S\n]*:(?P<value>[^\n]*)$", re.MULTILINE)
#: pandoc's title block: the first lines of the file, each opened by ``%`` (title, authors, date).
_TITLE_BLOCK_RE = re.compile(r"\A\ufeff?\s*%[^\S\n]+(?P<title>[^\n]+)")
#: The front-matter keys that hold the report's title, and the metadata field each stands for.
_FRONT_TITLE_KEYS = frozenset({"title"})
_TITLE_FIELD = normalize_label(TITLE_FIELDS[0])
#: YAML block-scalar indicators (``title: |`` and the title on the indented lines below) and quotes.
_YAML_BLOCK = ("|", ">")
_YAML_QUOTES = "'\""


def _front_matter(text: str) -> list[_Meta]:
    """The title a converter kept only as metadata at the top of the file (pandoc keeps a Word document's
    Title paragraph as ``title:`` in YAML front matter, or as a ``%`` title block): a 标题 field whose value
    is the title as printed there, so that the report has its title and the title's position."""
    block = _TITLE_BLOCK_RE.match(text)
    if block is not None:
        return [_Meta(_TITLE_FIELD, block.start("title"), block.start("title"), block.end("title"))]
    front = _FRONT_MATTER_RE.match(text)
    if front is None:
        return []
    body_start, body_end = front.span("body")
    keys = list(_FRONT_KEY_RE.finditer(text, body_start, body_end))
    metas = []
    for i, key in enumerate(keys):
        if key.group("key").lower() not in _FRONT_TITLE_KEYS:
            continue
        # The value runs over the indented lines below the key (a block scalar, a folded plain scalar).
        end = keys[i + 1].start() if i + 1 < len(keys) else body_end
        start = key.start("value")
        value = text[start:end]
        stripped = value.lstrip()
        start += len(value) - len(stripped)
        if stripped[:1] in _YAML_BLOCK:
            start = text.find("\n", start, end) + 1 or end
        elif stripped[:1] and stripped[0] in _YAML_QUOTES:
            closing = text.rfind(stripped[0], start + 1, end)
            start, end = start + 1, closing if closing != -1 else end
        end = start + len(text[start:end].rstrip())
        if end > start:
            metas.append(_Meta(_TITLE_FIELD, key.start(), start, end))
    return metas


def _find_metadata(text: str, head_end: int) -> list[_Meta]:
    """Metadata fields before the first section heading; several may share a line.  A converter's front
    matter counts as such fields."""
    front = _front_matter(text)
    if text.find(":", 0, head_end) == -1 and text.find("：", 0, head_end) == -1:
        return front
    matches = list(_META_RE.finditer(text, 0, head_end))
    metas = front
    for i, match in enumerate(matches):
        line_end = text.find("\n", match.end(), head_end)
        value_end = head_end if line_end == -1 else line_end
        if i + 1 < len(matches) and matches[i + 1].start() < value_end:
            value_end = matches[i + 1].start()
        if value_end - _line_start(text, match.start()) > _META_LINE_MAX:
            # A flattened page: the fields run on into the body, each value ends at a space.
            value = text[match.end() : value_end]
            words = value.split(maxsplit=1)
            value_end = match.end() + (value.find(words[0]) + len(words[0]) if words else 0)
        metas.append(_Meta(normalize_label(match.group("name")), match.start(), match.end(), value_end))
    return metas


def _publish_date(text: str, metas: Iterable[_Meta]) -> _Date | None:
    for name in PUBLISH_DATE_FIELDS:
        for meta in metas:
            if meta.name == name:
                found = _find_dates(text, meta.value_start, meta.value_end)
                if found:
                    return found[0]
    return None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _find_title(text: str, head_end: int, metas: Sequence[_Meta]) -> tuple[int, int] | None:
    """The title's range: the first title line before the first heading, else the page's 标题/名称 field.

    A title line holds the title words with only a name and a year before them (no sentence punctuation);
    when only the year is there, the body's name is on the line above (pdftotext: ``淮安市洪泽区人民政府`` /
    ``2024 年政府信息公开工作年度报告``).  A line of the title words alone takes the line above as its name
    only when no later title line names the body or the year itself.
    """
    from_metadata: tuple[int, int] | None = None
    listed: tuple[int, int] | None = None  # a title line that is a list item or a link: a page's navigation
    bare: tuple[int, int] | None = None  # the title words alone on their line
    for core in _CORE_RE.finditer(text, 0, head_end):
        meta = next((m for m in metas if m.value_start <= core.start() < m.value_end), None)
        if meta is not None and meta.name not in TITLE_FIELDS:
            continue
        start = meta.value_start if meta is not None else _line_start(text, core.start())
        prefix = text[start : core.start()]
        if any(c in _PROSE for c in prefix) or len("".join(prefix.split())) > _TITLE_PREFIX_MAX:
            continue
        start += len(prefix) - len(prefix.lstrip().lstrip(_MARKUP).lstrip())
        end = _title_end(text, core.end(), meta.value_end if meta is not None else None)
        while end > core.end() and (text[end - 1] in _MARKUP or text[end - 1].isspace()):
            end -= 1
        if meta is not None:
            from_metadata = from_metadata or (start, end)
            continue
        if _LISTED.match(text, _line_start(text, core.start())):
            listed = listed or (start, end)  # a breadcrumb's ``• 政府信息公开年报`` above the title itself
            continue
        if not prefix.strip():
            # The title words alone: the body's name (and year) on the line above, or a page's breadcrumb
            # (平潭综合实验区行政审批局 / 政府信息公开年报) above the title itself, which a later line prints whole.
            bare = bare or (_previous_line(text, start, metas), end)
            continue
        if not _years(prefix).sub("", prefix).strip():
            start = _previous_line(text, start, metas)
        return start, end
    return bare or from_metadata or listed


def _title_end(text: str, end: int, limit: int | None) -> int:
    """Take in a short rest of the line after the title words (``…年度报告的函``)."""
    eol = text.find("\n", end)
    eol = len(text) if eol == -1 else eol
    if limit is not None:
        eol = min(eol, limit)
    tail = text[end:eol]
    if tail.strip() and len(tail) <= _TITLE_TAIL_MAX and not any(c in _PROSE or c.isdigit() for c in tail):
        return end + len(tail.rstrip())
    return end


def _previous_line(text: str, start: int, metas: Sequence[_Meta]) -> int:
    """Where the title starts when its line has no name: the previous non-blank line, if it is a short
    name (no punctuation, not a metadata field); else ``start``."""
    line_start = _line_start(text, start)
    if line_start == 0:
        return start
    prev_end = line_start - 1
    while prev_end > 0:
        prev_start = _line_start(text, prev_end)
        line = text[prev_start:prev_end]
        if line.strip():
            if (
                len(line.strip()) > _PREVIOUS_LINE_MAX
                or any(c in _PROSE for c in line)
                or not any("\u4e00" <= c <= "\u9fff" for c in line)  # a page artefact ("Document")
                or any(m.start >= prev_start and m.start < prev_end for m in metas)
            ):
                return start
            return prev_start + len(line) - len(line.lstrip())
        prev_end = prev_start - 1
    return start


def _agency(text: str, title_range: tuple[int, int] | None, signer: str) -> str | None:
    """The body named in the title (before the year, or between year and title words); without a title,
    the name printed before the signature date."""
    if title_range is not None:
        start, end = title_range
        core = _CORE_RE.search(text, start, end)
        core_start = core.start() if core else end
        year = _years(text, start, core_start).search(text, start, core_start)
        if year is None:
            name = _YEAR_WORD_LEFT.sub("", text[start:core_start])  # not 洪山镇人民政府年
        else:
            name = text[start : year.start()]
            if not name.strip():
                name = text[year.end() : core_start]
        agency = _short_name("".join(name.split()))
        if agency:
            return agency
    return _short_name(signer) or None


def _short_name(name: str) -> str:
    """The body's own name from the title's subject: no "关于报送…", and a 区/县/旗 government named without its
    parent city ("淮安市洪泽区人民政府" → "洪泽区人民政府"), as the body calls itself."""
    name = name.split("关于", 1)[0].lstrip("《").removesuffix("的")
    return _without_parent(name)


def _without_parent(name: str) -> str:
    """A 区/县/旗 government's name without its parent's: 淮安市洪泽区人民政府 → 洪泽区人民政府."""
    own_end = len(name) - len(GOVERNMENT_SUFFIX) - 1  # where the government's own name ends: 区 of 洪泽区
    if own_end < 0 or name[own_end] not in _COUNTY_ENDS or not name.endswith(GOVERNMENT_SUFFIX):
        return name
    for end in range(1, own_end - 1):  # the parent's name and the government's both have a character or more
        if name[end] in _PARENT_ENDS:
            return name[end + 1 :]
    return name


def _name_before(text: str, pos: int) -> str:
    """What is printed before ``pos`` since the last line or sentence break, without whitespace."""
    window = text[max(0, pos - _SIGNATURE_NAME_MAX) : pos]
    cut = max(window.rfind(c) for c in _SENTENCE_BREAK)
    return "".join(window[cut + 1 :].split())


def _find_signature(
    text: str, dates: Sequence[_Date], last_heading: int, metas: Sequence[_Meta]
) -> tuple[_Date, str] | None:
    """The 落款: the last date after the last heading that stands alone or after the body's name (the
    segment may begin with the heading run into it: "六、其他需要报告的事项无平潭…局 2020年1月2日"), and is
    neither metadata nor the printing date of a 抄送/印发 block; with the name printed before it."""
    for date in reversed(dates):
        if date.start < last_heading:
            break
        if any(m.start <= date.start < m.value_end for m in metas):
            continue
        after = text[date.end : date.end + 8]
        rest = after.lstrip()
        if rest.startswith(PRINT_DATE_MARKER):
            continue
        if after and not after[0].isspace() and not rest.startswith("抄送"):
            continue
        name = _name_before(text, date.start)
        if not name:  # the date alone on its line: the name, if any, is on a line above
            above = text[: _line_start(text, date.start)].rstrip()
            name = "".join(above[_line_start(above, len(above)) :].split())
            signer = len(name) <= _PREVIOUS_LINE_MAX and name.endswith(AGENCY_ENDINGS) and not _PROSE.intersection(name)
            return date, name if signer else ""
        if name.endswith(AGENCY_ENDINGS):
            return date, name
    return None


#: A signature line's year and month without a day (2025年1月, 二〇二五年一月), alone or after the body's name.
_MONTH_SIGNATURE_RE = re.compile(
    r"^[^\S\n]*(?:[^\n。，,；;]{0,40}?[^\S\n]+)?"
    r"(?P<raw>(?P<y>(?:19|20)\d\d)[^\S\n]*年[^\S\n]*(?P<m>\d{1,2})[^\S\n]*月"
    r"|(?P<cy>[〇○零一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,3})月)"
    r"[^\S\n]*$",
    re.MULTILINE,
)


def _find_month_signature(text: str, index: Positions) -> MonthMention | None:
    """The last line within :data:`_SIGNATURE_TAIL` characters of the end that signs with a year and month
    only (``2025年1月``), if any."""
    found = None
    start = max(0, len(text.rstrip()) - _SIGNATURE_TAIL)
    month = text.find("月", start)
    if month < 0:
        return None
    # a signature is one line: the lines before the first with a 月 hold none (the slow pattern skips them)
    start = max(start, text.rfind("\n", 0, month) + 1)
    for found in _MONTH_SIGNATURE_RE.finditer(text, start):  # noqa: B007
        pass  # the last one is wanted
    if found is None:
        return None
    if found["y"] is not None:
        return MonthMention(found["raw"], int(found["y"]), int(found["m"]), index.span(*found.span("raw")))
    year, printed = _year_value(found["cy"]), _cn_number(found["cm"])
    return MonthMention(found["raw"], year, printed, index.span(*found.span("raw")))


def _range_end(text: str, pos: int) -> re.Match[str] | None:
    """What follows the first date of a range, which ends at ``pos``: "起至2019年12月31日止", "到12月31日止",
    "至2023年12月31日", or None."""
    pos = skip_spaces(text, pos)
    if text.startswith("起", pos):
        pos = skip_spaces(text, pos + 1)
    if pos == len(text) or text[pos] not in _RANGE_SEPARATORS:
        return None
    return _RANGE_END_RE.match(text, pos + 1)


def _find_period(text: str, dates: Sequence[_Date], head_end: int) -> tuple[_Date, _Date, int] | None:
    """The statistics period (start, end, offset after it): the first date range shortly after 统计, else
    the first range in the preamble ("涵盖2020年1月1日至2020年12月31日期间")."""
    by_start = {d.start: d for d in dates}
    first_in_preamble = None
    for start in dates:
        tail = _range_end(text, start.end)
        if tail is None:
            continue
        end = by_start.get(tail.start("end"))
        if end is None:  # "到12月31日": the year of the start
            end = _Date(tail.start("end"), tail.end("end"), start.year, int(tail.group("m")), int(tail.group("d")))
        before = text[max(0, start.start - _PERIOD_LOOKBACK) : start.start]
        if any(marker in before for marker in PERIOD_MARKERS):
            return start, end, tail.end()
        if first_in_preamble is None and start.start < head_end:
            first_in_preamble = start, end, tail.end()
    return first_in_preamble


def _inside_book_title(text: str, pos: int) -> bool:
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _year_mentions(
    text: str,
    index: Positions,
    *,
    title_range: tuple[int, int] | None,
    metas: Sequence[_Meta],
    headings: Sequence[HeadingMatch],
    period: Period | None,
) -> tuple[YearMention, ...]:
    """The statements of the report year: the title's year, the report named in the body
    ("现公布2020年度政府信息公开工作年度报告", not inside 《》 nor in metadata), the year that opens section 一
    ("一、总体情况 2024年，我镇…") and the statistics period's year(s)."""
    found: list[YearMention] = []

    def add(match: re.Match[str], source: DateSource) -> None:
        found.append(YearMention(_year_value(match.group("y")), index.span(match.start("y"), match.end()), source))

    if title_range is not None:
        year = _years(text, *title_range).search(text, *title_range)
        if year is not None:
            add(year, "title")
    for core in _CORE_RE.finditer(text):
        year = _year_before(text, core.start())
        if year is None or (title_range is not None and title_range[0] <= year.start() < title_range[1]):
            continue
        if any(m.start <= year.start() < m.value_end for m in metas) or _inside_book_title(text, year.start()):
            continue
        add(year, "body")
    overview = next((h for h in headings if h.spec.number == 1), None)
    if overview is not None:
        opening_end = overview.end + _OPENING_MAX
        opening = _years(text, overview.end, opening_end).search(text, overview.end, opening_end)
        if opening is not None and _is_item_number(text[overview.end : opening.start()]):
            add(opening, "body")
    if period is not None:
        years: dict[int, Span] = {}
        for mention in (period.start, period.end):
            years.setdefault(mention.year, mention.span)
        found.extend(YearMention(y, span, "period") for y, span in years.items())
    return tuple(sorted(found, key=lambda m: m.span.start))


def _year_before(text: str, pos: int) -> re.Match[str] | None:
    """The year printed just before ``pos`` ("2020年度" + the title words), or None."""
    start = max(0, pos - _YEAR_BEFORE_MAX)
    last = None
    for last in _years(text, start, pos).finditer(text, start, pos):  # noqa: B007 - the last one is wanted
        pass
    return last if last is not None and not text[last.end() : pos].strip() else None


def _is_item_number(text: str) -> bool:
    """Nothing, or a sub-item number such as "（一）", before the year that opens section 一."""
    label = normalize_label(text)
    return not label or is_bracketed_numeral(label, CHINESE_NUMERALS)


_SOURCE_RANK: dict[str, int] = {"title": 0, "period": 1, "body": 2}


def _report_year(mentions: Sequence[YearMention]) -> int | None:
    """The title's year, else the statistics period's, else the first in the body."""
    ranked = sorted(mentions, key=lambda m: (_SOURCE_RANK.get(m.source, 3), m.span.start))
    return ranked[0].year if ranked else None
