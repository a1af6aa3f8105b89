"""Report models holding the values of real reports (the seeds' truth files, a crawled page read by hand),
so that the renderers' output can be compared with the real layouts line by line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from govlint import schema
from govlint.testing.reportmodel import (
    ActiveDisclosure,
    Applications,
    FeeStatement,
    ReportModel,
    ReviewLitigation,
    SectionModel,
    Value,
    art20_row_keys,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = FIXTURES / "seeds"
TRUTH = FIXTURES / "truth"
PINGTAN = FIXTURES / "corpus" / "pingtan"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def truth(prefix: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(next(TRUTH.glob(f"{prefix}_*.json")).read_text("utf-8"))
    return data


def model(
    applications: dict[str, list[int]],
    review: dict[str, list[int]],
    art20: dict[str, object] | None,
    *,
    year: int = 2024,
    agency: str = "勍香镇",
) -> ReportModel:
    """A 2021-format model with these table values (the truth files' compact shape) and minimal prose."""
    apps: dict[str, dict[str, Value]] = {
        row: dict(zip(schema.APPLICATION_COLUMN_KEYS, values, strict=True)) for row, values in applications.items()
    }
    rl: dict[str, Value] = {
        f"{group}.{col}": value
        for group, values in review.items()
        for col, value in zip(schema.REVIEW_COLUMN_KEYS, values, strict=True)
    }
    ad: dict[str, Value] = {}
    for row in ("regulations", "normative_documents") if art20 else ():
        for col, value in zip(("issued", "repealed", "in_force"), art20[row], strict=True):  # type: ignore[call-overload]
            ad[f"{row}.{col}"] = value
    for row in ("licensing", "punishment", "enforcement") if art20 else ():
        ad[f"{row}.decisions"] = art20[row]  # type: ignore[index]
    if art20:
        ad["fees.amount_10k_yuan"] = Decimal(str(art20["fees_10k_yuan"]))
    sections = tuple(SectionModel(s.number, s.key, s.title, ()) for s in schema.SECTIONS)
    return ReportModel(
        agency=agency,
        kind="township",
        report_year=year,
        format="2021",
        title=f"{agency}{year}年政府信息公开工作年度报告",
        metadata=None,
        preamble=(),
        period=None,
        sections=sections,
        active_disclosure=ActiveDisclosure(ad, (1, 5, 6, 8), art20_row_keys("2021")) if art20 else None,
        applications=Applications(tuple(applications), apps),
        review_litigation=ReviewLitigation(rl),
        fee=FeeStatement("none", "本年度没有收取信息处理费。"),
        signature=None,
    )


def seed_model(prefix: str) -> ReportModel:
    t = truth(prefix)
    return model(t["applications"], t["review_litigation"], t["active_disclosure"])  # type: ignore[arg-type]


#: 平潭综合实验区行政审批局 2023 (pingtan 012), read by hand from the crawled page.
PINGTAN_012 = {
    "applications": {
        **{r.key: [0] * 7 for r in schema.APPLICATION_ROWS_2021},
        "new_received": [7, 0, 0, 0, 0, 0, 7],
        "partially_granted": [1, 0, 0, 0, 0, 0, 1],
        "denied.administrative_query": [2, 0, 0, 0, 0, 0, 2],
        "unable.not_held": [4, 0, 0, 0, 0, 0, 4],
        "results_total": [7, 0, 0, 0, 0, 0, 7],
    },
    "review": {
        "review": [1, 0, 0, 0, 1],
        "litigation_direct": [0, 0, 0, 0, 0],
        "litigation_after_review": [0, 0, 1, 0, 1],
    },
    "art20": {
        "regulations": [0, 0, 0],
        "normative_documents": [5, 4, 16],
        "licensing": 3,
        "punishment": 0,
        "enforcement": 0,
        "fees_10k_yuan": 0,
    },
}
