"""Hypothesis strategies for report series: one body's reports for consecutive years.

A consistent :func:`series` keeps every cross-year relation (spec §7.3): each year's 上年结转 is the year
before's 结转下年度继续办理 in every column, 现行有效 follows from last year's plus 制发 minus 废止, and each
year writes its own sections 一, 五 and 六.  Asked for ``breaks``, the last report breaks one relation each,
and :attr:`Series.expected` lists the findings a cross-report rule must make, with their cells and values.

The reports are :class:`~govlint.testing.reportmodel.ReportModel` s drawn by :func:`govlint.testing.strategies.reports`
(so every single-report relation holds too), renamed to one body and chained.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Literal

import attrs
from hypothesis import strategies as st

from govlint import schema
from govlint.model import Number
from govlint.records import Record
from govlint.testing.reportmodel import ActiveDisclosure, Applications, ReportModel, SectionModel, Value, value_of
from govlint.testing.strategies import LAST_YEAR, agencies, reports, title_text

Break = Literal["carry", "stock", "copy"]
BREAKS: tuple[Break, ...] = ("carry", "stock", "copy")

#: Characters of the sections each year writes anew: common CJK characters, none that spell a heading,
#: a number or the words GL502 looks for (规章, 规范性文件).
_PROSE = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发动同工也能下过子说产种面而"
    "方后多定行学所民得经之进着等部度家电力里如水化高自理起小物现实加量都两体制机当使点从业本去把性好应开它"
    "合还因由其些然前外天政日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此"
    "变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展果料象员革位入常文总次品式活设及管特件长求"
    "老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几区强放决西被干做必战先回则任取据处队南给色"
    "光门即保治北造百热领海口东导器压志世金增争济阶油思术极交受联什认共权收证改己美再采转更单风切打白教速花"
    "带安场身车例真务具万每目至达走积示议声报斗完类离华名确才科张信马节话米整空元况今集温传土许步群广石记需"
)
_PARAGRAPH = (140, 220)


@attrs.frozen(repr=False)
class Expected(Record):
    """A finding a cross-report rule must make: its code, the report (index in the series) and cell."""

    code: str
    index: int
    key: str
    expected: Number | str | None = None
    actual: Number | str | None = None


@attrs.frozen(repr=False)
class Series(Record):
    """One body's reports for consecutive years, oldest first, and the findings their breaks must cause."""

    models: tuple[ReportModel, ...]
    expected: tuple[Expected, ...] = ()


def _paragraph(seed: int) -> str:
    """A paragraph of prose no other seed's paragraph shares a passage with (by chance: ~900 characters)."""
    rng = random.Random(seed)
    size = rng.randint(*_PARAGRAPH)
    return "".join(rng.choice(_PROSE) for _ in range(size)) + "。"


@st.composite
def series(
    draw: st.DrawFn, *, length: tuple[int, int] = (2, 4), breaks: Sequence[Break] = (), first_year: int = 2021
) -> Series:
    """A series of ``length`` consecutive 2021-format reports of one department; the last one breaks each
    relation named in ``breaks`` (``carry``: one column of 上年结转, ``stock``: 现行有效 of one row, ``copy``:
    section 五 repeats last year's)."""
    count = draw(st.integers(*length))
    start = draw(st.integers(first_year, LAST_YEAR - count + 1))
    agency, kind = draw(agencies(("department",)))
    seeds = draw(st.lists(st.integers(0, 2**32), min_size=3 * count, max_size=3 * count, unique=True))
    models: list[ReportModel] = []
    for index, year in enumerate(range(start, start + count)):
        model = draw(reports(years=(year, year), formats=("2021",), kinds=(kind,)))
        model = _renamed(model, agency, draw(st.sampled_from(_TITLES)))
        model = attrs.evolve(model, sections=_own_sections(model.sections, seeds[3 * index : 3 * index + 3]))
        models.append(_continued(models[-1], model) if models else model)
    expected: list[Expected] = []
    last = len(models) - 1
    for kind_of_break in breaks:
        if kind_of_break == "carry":
            column = draw(st.sampled_from(schema.APPLICANT_COLUMN_KEYS))
            models[last], found = _break_carry(models[last], column, draw(st.integers(1, 5)))
        elif kind_of_break == "stock":
            row = draw(st.sampled_from(("regulations", "normative_documents")))
            models[last], found = _break_stock(models[last], row, draw(st.integers(1, 5)))
        else:
            models[last], found = _copy_five(models[last], models[last - 1])
        expected += [attrs.evolve(e, index=last) for e in found]
    return Series(tuple(models), tuple(expected))


_TITLES = ("{agency}{Y}年政府信息公开工作年度报告", "{agency}{Y}年度政府信息公开工作年度报告")


def _renamed(model: ReportModel, agency: str, template: str) -> ReportModel:
    """The report as ``agency``'s: its title, metadata issuer."""
    metadata = attrs.evolve(model.metadata, issuer=agency) if model.metadata else None
    title = title_text(agency, model.report_year, template)
    return attrs.evolve(model, agency=agency, title=title, metadata=metadata)


def _own_sections(sections: tuple[SectionModel, ...], seeds: Sequence[int]) -> tuple[SectionModel, ...]:
    """Sections 一, 五 and 六 written anew (一 keeps its opening sentence, which names the year)."""
    own = dict(zip(("overview", "problems_improvements", "other_matters"), seeds, strict=True))
    result = []
    for section in sections:
        if section.key in own:
            kept = section.paragraphs[:1] if section.key == "overview" else ()
            result.append(attrs.evolve(section, paragraphs=(*kept, _paragraph(own[section.key]))))
        else:
            result.append(section)
    return tuple(result)


def _ints(values: Applications) -> dict[str, dict[str, int]]:
    return {row: {c: int(value_of(v) or 0) for c, v in cells.items()} for row, cells in values.values.items()}


def _balanced(values: dict[str, dict[str, int]], column: str) -> None:
    """Re-derive 本年新收 (R3.3: new + carried over = results + carried forward) after 上年结转 changed, raising
    结转下年度 when the new count would fall below zero; then the 总计 column of the rows that changed."""
    new = values["results_total"][column] + values["carried_forward"][column] - values["carried_over"][column]
    if new < 0:
        values["carried_forward"][column] -= new
        new = 0
    values["new_received"][column] = new
    for row in ("new_received", "carried_over", "carried_forward"):
        values[row]["total"] = sum(values[row][c] for c in schema.APPLICANT_COLUMN_KEYS)


def _with_applications(model: ReportModel, values: dict[str, dict[str, int]]) -> ReportModel:
    assert model.applications is not None
    typed: dict[str, dict[str, Value]] = {row: dict(cells) for row, cells in values.items()}
    return attrs.evolve(model, applications=attrs.evolve(model.applications, values=typed))


def _with_art20(model: ReportModel, values: dict[str, Value]) -> ReportModel:
    assert model.active_disclosure is not None
    return attrs.evolve(model, active_disclosure=attrs.evolve(model.active_disclosure, values=values))


def _continued(previous: ReportModel, model: ReportModel) -> ReportModel:
    """``model`` made to follow ``previous``: carry-over in every column, stock of documents in force."""
    assert previous.applications is not None and model.applications is not None
    before = _ints(previous.applications)
    values = _ints(model.applications)
    for column in schema.APPLICANT_COLUMN_KEYS:
        values["carried_over"][column] = before["carried_forward"][column]
        _balanced(values, column)
    model = _with_applications(model, values)
    assert previous.active_disclosure is not None and model.active_disclosure is not None
    stock: dict[str, Value] = dict(model.active_disclosure.values)
    for row in ("regulations", "normative_documents"):
        in_force = _stock_value(previous.active_disclosure, f"{row}.in_force")
        issued = _stock_value(model.active_disclosure, f"{row}.issued")
        repealed = min(_stock_value(model.active_disclosure, f"{row}.repealed"), in_force + issued)
        stock[f"{row}.repealed"] = repealed
        stock[f"{row}.in_force"] = in_force + issued - repealed
    return _with_art20(model, stock)


def _stock_value(table: ActiveDisclosure, key: str) -> int:
    return int(value_of(table.values.get(key)) or 0)


def _break_carry(model: ReportModel, column: str, delta: int) -> tuple[ReportModel, list[Expected]]:
    assert model.applications is not None
    values = _ints(model.applications)
    right = values["carried_over"][column]
    right_total = values["carried_over"]["total"]
    values["carried_over"][column] += delta
    _balanced(values, column)
    return _with_applications(model, values), [
        Expected("GL501", -1, f"applications.carried_over.{column}", right, right + delta),
        Expected("GL501", -1, "applications.carried_over.total", right_total, right_total + delta),
    ]


def _break_stock(model: ReportModel, row: str, delta: int) -> tuple[ReportModel, list[Expected]]:
    assert model.active_disclosure is not None
    values: dict[str, Value] = dict(model.active_disclosure.values)
    right = _stock_value(model.active_disclosure, f"{row}.in_force")
    values[f"{row}.in_force"] = right + delta
    found = Expected("GL502", -1, f"active_disclosure.{row}.in_force", right, right + delta)
    return _with_art20(model, values), [found]


def _copy_five(model: ReportModel, previous: ReportModel) -> tuple[ReportModel, list[Expected]]:
    copied = previous.section("problems_improvements")
    assert copied is not None
    sections = tuple(
        attrs.evolve(s, paragraphs=copied.paragraphs) if s.key == "problems_improvements" else s for s in model.sections
    )
    return attrs.evolve(model, sections=sections), [Expected("GL503", -1, "section.problems_improvements")]
