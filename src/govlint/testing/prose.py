"""Prose rendered from a report's own tables: the sentences GL601/GL602 read, true by construction.

:func:`count_sentences` draws sentences that state counts of table 二, 三 and 四 as real reports word them
(新收/受理/收到…申请 N 件, 办结, 上年结转, 结转下年度, 予以公开…占X%, 予以公开及部分公开, 行政复议, 行政诉讼,
第二十条 制发/废止/现行有效); :meth:`CountSentence.changed` is the same sentence with one number changed.
:func:`scope_sentences` draws sentences whose counts belong to another scope (备案, 其中, 累计, 同比, 全市,
another year…), which no rule may compare with the tables.  :func:`told` places both in a report and makes
the prose of sections 三 and 四 agree with the tables, so that a generated report says what its tables show;
:func:`with_sentences` places given sentences in section 一.  Section 五 texts for the substance rules
(GL603–GL605) are at the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

import attrs
from hypothesis import strategies as st

from govlint.records import Record
from govlint.schema import REVIEW_GROUP_KEYS
from govlint.testing import phrases
from govlint.testing.reportmodel import ReportModel, SectionModel, value_of

#: Templates by what they count; ``{n}`` is the count, ``{Y}`` the year, ``{we}`` 我镇/我局…
COUNT_TEMPLATES: Mapping[str, tuple[str, ...]] = {
    "received": (
        "{Y}年，{we}共受理政府信息公开申请{n}件。",
        "全年新收政府信息公开申请{n}件。",
        "本年度{we}共收到政府信息公开申请{n}件。",
    ),
    "carried_over": ("上年结转政府信息公开申请{n}件。", "上年度结转申请{n}件。"),
    "carried_forward": ("结转下年度继续办理{n}件。", "结转至下一年度办理{n}件。"),
    "concluded": ("全年办结政府信息公开申请{n}件。", "本年度共答复{n}件。"),
    "granted": ("予以公开{n}件。",),
    "partial": ("部分公开{n}件。",),
    "granted_partial": ("予以公开及部分公开{n}件。",),
    "review": ("本年度因政府信息公开申请行政复议{n}件。", "{Y}年发生政府信息公开行政复议{n}件。"),
    "litigation": ("因政府信息公开提起行政诉讼{n}件。",),
    "art20.regulations.issued": ("{Y}年，{we}制定规章{n}件。",),
    "art20.regulations.repealed": ("废止规章{n}件。",),
    "art20.regulations.in_force": ("现行有效规章{n}件。",),
    "art20.normative_documents.issued": ("{Y}年，{we}制发规范性文件{n}件。", "本年度印发行政规范性文件{n}件。"),
    "art20.normative_documents.repealed": ("废止规范性文件{n}件。",),
    "art20.normative_documents.in_force": ("现行有效规范性文件共{n}件。",),
}
#: A count of received applications that includes the carried-over ones, which are stated too.
RECEIVED_WITH_CARRIED = "共受理政府信息公开申请{n}件（含上年结转{c}件）。"
#: A count of granted applications with its share of the concluded ones.
GRANTED_WITH_SHARE = "予以公开{n}件，占{p}%。"

#: Counts of another scope: ``{m}`` is any number, ``{Y0}`` the year before the report's.
SCOPE_TEMPLATES: tuple[str, ...] = (
    "本年度共备案规范性文件{m}件。",
    "全年共受理规范性文件备案审查申请{m}件。",
    "其中，通过政府网站受理政府信息公开申请{m}件。",
    "全区累计受理政府信息公开申请{m}件。",
    "受理政府信息公开申请数量同比增长{m}件。",
    "较上年多受理申请{m}件。",
    "全市共受理政府信息公开申请{m}件。",
    "各部门共受理政府信息公开申请{m}件，全部办结。",
    "下属单位受理政府信息公开申请{m}件。",
    "{Y0}年共受理政府信息公开申请{m}件。",
    "通过12345热线累计受理群众诉求{m}件，全部办结。",
    "全县未发生政府信息公开行政复议。",
)


@attrs.frozen(repr=False)
class CountSentence(Record):
    """A sentence that states ``value`` as the count of ``kind`` (GL601's key ``text.<kind>``)."""

    kind: str
    value: int
    template: str
    #: The other fields of the template ({Y}, {we}, {c}, {p}).
    fields: Mapping[str, str | int] = attrs.field(factory=dict)

    @property
    def text(self) -> str:
        return self.template.format(n=self.value, **self.fields)

    def changed(self, value: int) -> CountSentence:
        """The same sentence stating ``value`` instead (its other numbers unchanged)."""
        return attrs.evolve(self, value=value)


def _int(value: object) -> int | None:
    number = value_of(value)  # type: ignore[arg-type]
    return int(number) if number is not None and number == int(number) else None


def table_counts(model: ReportModel) -> dict[str, int]:
    """What the tables say, by the kinds of :data:`COUNT_TEMPLATES` (only the cells a reader gets a number
    from; the 第二十条 documents in the 2021 format only)."""
    found: dict[str, int | None] = {}
    apps = model.applications
    if apps is not None:
        for kind, row in (
            ("received", "new_received"),
            ("carried_over", "carried_over"),
            ("carried_forward", "carried_forward"),
            ("concluded", "results_total"),
            ("granted", "granted"),
            ("partial", "partially_granted"),
        ):
            found[kind] = _int(apps.values.get(row, {}).get("total")) if row in apps.rows else None
        granted, partial = found["granted"], found["partial"]
        found["granted_partial"] = granted + partial if granted is not None and partial is not None else None
    review = model.review_litigation
    if review is not None:
        found["review"] = _int(review.values.get("review.total"))
        direct = _int(review.values.get("litigation_direct.total"))
        after = _int(review.values.get("litigation_after_review.total"))
        found["litigation"] = direct + after if direct is not None and after is not None else None
    active = model.active_disclosure
    if active is not None and model.format == "2021":
        for doc in ("regulations", "normative_documents"):
            for column in ("issued", "repealed", "in_force"):
                key = f"{doc}.{column}"
                found[f"art20.{key}"] = _int(active.values.get(key)) if doc in active.rows else None
    return {kind: value for kind, value in found.items() if value is not None}


def parts_of(model: ReportModel, kind: str) -> tuple[int, ...]:
    """The counts a sentence of ``kind`` may state that are one part of it, not the whole (GL601 reads
    "行政诉讼 N 件" equal to the direct or the after-review lawsuits as a count of that kind)."""
    review = model.review_litigation
    if kind != "litigation" or review is None:
        return ()
    found = (_int(review.values.get(f"{group}.total")) for group in REVIEW_GROUP_KEYS[1:])
    return tuple(value for value in found if value is not None)


def _we(model: ReportModel) -> str:
    return phrases.self_reference(model.agency, model.kind)


@st.composite
def count_sentences(draw: st.DrawFn, model: ReportModel, *, min_size: int = 1) -> tuple[CountSentence, ...]:
    """Sentences stating the counts of ``model``'s own tables, each true (at least ``min_size`` when the
    tables have that many counts)."""
    counts = table_counts(model)
    kinds = sorted(counts)
    if not kinds:
        return ()
    chosen = draw(st.lists(st.sampled_from(kinds), min_size=min(min_size, len(kinds)), max_size=6, unique=True))
    fields: dict[str, str | int] = {"Y": model.report_year, "we": _we(model)}
    sentences = []
    for kind in chosen:
        template = draw(st.sampled_from(COUNT_TEMPLATES[kind]))
        value, extra = counts[kind], dict(fields)
        if kind == "received" and counts.get("carried_over") and draw(st.booleans()):
            template, value, extra["c"] = RECEIVED_WITH_CARRIED, value + counts["carried_over"], counts["carried_over"]
        if kind == "granted" and counts.get("concluded") and draw(st.booleans()):
            share = Decimal(value * 100) / Decimal(counts["concluded"])
            template, extra["p"] = GRANTED_WITH_SHARE, str(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        sentences.append(CountSentence(kind, value, template, extra))
    return tuple(sentences)


@st.composite
def scope_sentences(draw: st.DrawFn, model: ReportModel) -> tuple[str, ...]:
    """Sentences with counts of another scope (any number): no rule may compare them with the tables."""
    templates = draw(st.lists(st.sampled_from(SCOPE_TEMPLATES), min_size=1, max_size=4, unique=True))
    return tuple(
        t.format(m=draw(st.integers(0, 5000)), Y0=model.report_year - 1, Y=model.report_year) for t in templates
    )


def with_sentences(model: ReportModel, sentences: tuple[CountSentence | str, ...]) -> ReportModel:
    """``model`` with one more paragraph at the end of section 一 made of ``sentences``."""
    if not sentences:
        return model
    paragraph = "".join(s.text if isinstance(s, CountSentence) else s for s in sentences)
    return _with_paragraphs(model, "overview", lambda s: (*s.paragraphs, paragraph))


def _with_paragraphs(model: ReportModel, key: str, change: object) -> ReportModel:
    sections = tuple(
        attrs.evolve(s, paragraphs=change(s)) if s.key == key else s  # type: ignore[operator]
        for s in model.sections
    )
    return attrs.evolve(model, sections=sections)


def corrected(model: ReportModel) -> int:
    """Table 四's corrected cases (结果纠正 of every group)."""
    review = model.review_litigation
    if review is None:
        return 0
    return sum(_int(review.values.get(f"{group}.corrected")) or 0 for group in REVIEW_GROUP_KEYS)


def agreeing(model: ReportModel) -> ReportModel:
    """``model`` with the prose of sections 三 and 四 made to agree with the tables: the applications
    received as table 三 says, "no review or lawsuit" only when table 四 has none, and corrected cases
    mentioned when there are some."""
    counts = table_counts(model)
    context = {"Y": model.report_year, "we": _we(model)}

    def applications(section: SectionModel) -> tuple[str, ...]:
        if not section.paragraphs or "received" not in counts:
            return ()
        return (phrases.APPLICATIONS_PROSE[0].format(n=counts["received"], **context),)

    def review(section: SectionModel) -> tuple[str, ...]:
        cases = counts.get("review", 0) + counts.get("litigation", 0)
        if not cases:
            return section.paragraphs
        told = (phrases.REVIEW_PROSE[1].format(**context),) if section.paragraphs else ()
        fixed = corrected(model)
        return (*told, f"其中结果被纠正{fixed}件，已逐件整改。") if fixed else told

    return _with_paragraphs(_with_paragraphs(model, "applications", applications), "review_litigation", review)


@st.composite
def told(draw: st.DrawFn, model: ReportModel) -> ReportModel:
    """``model`` saying what its tables show: sections 三 and 四 agreeing (:func:`agreeing`), and in section
    一 a paragraph of count sentences, sometimes with sentences of another scope among them."""
    model = agreeing(model)
    sentences: list[CountSentence | str] = list(draw(count_sentences(model, min_size=0)))
    if draw(st.booleans()):
        for extra in draw(scope_sentences(model)):
            sentences.insert(draw(st.integers(0, len(sentences))), extra)
    return with_sentences(model, tuple(sentences))


# ----- section 五 texts for the substance rules ------------------------------------------------------------

#: Problems, no measure (GL604).
PROBLEMS_ONLY: tuple[str, ...] = (
    "一是政策解读形式单一，未运用图解、视频等方式；二是“基层政务公开”栏目更新不及时，部分信息公开滞后；"
    "三是依申请公开答复文书格式不统一。",
    "存在的主要问题：部分信息公开不及时，公开内容不够全面，工作人员业务能力有待进一步提高，政务新媒体互动回应较少。",
)
#: Measures, no problem (GL604).
MEASURES_ONLY: tuple[str, ...] = (
    "下一步，{we}将建立栏目更新台账，每月检查一次，对重要政策全部配套图解解读，并组织业务培训两次。",
    "{Y1}年，{we}将严格执行信息发布审核制度，完善依申请公开办理流程，做好政策解读和回应关切工作。",
)
#: Hollow (GL603).
HOLLOW: tuple[str, ...] = ("无。", "暂无。", "存在问题：无。改进措施：加强培训。")
#: Slogans only (GL605).
GENERIC: tuple[str, ...] = (
    "{Y}年，{we}政府信息公开工作取得一定成效，但仍存在一些不足，公开渠道有待提升，业务水平还不够高，"
    "主动性和时效性还需进一步加强。下一步，{we}将严格按照要求全力做好政府信息公开工作。一是加强业务培训，"
    "进一步增强干部职工政府信息公开意识，努力提高业务水平。二是加强服务意识，不断拓宽公开渠道，进一步完善"
    "公开方式。三是持续推进政务公开标准化规范化建设，全面提升工作水平。",
)
