"""The standard tables' row and cell keys as types, so that a type checker catches a mistyped key.

``report.tables.applications`` is an :class:`ApplicationsTable`: its ``row``, ``cell`` and ``value`` take an
:data:`ApplicationsRowKey` or :data:`ApplicationsCellKey`, so ``.value("result_total.total")`` is a mypy
error in a plugin, as it is a KeyError naming the nearest keys at run time.  A table a plugin describes
(``report.tables["fujian_fee"]``) is a plain :class:`~govlint.model.Table` taking any ``str``.  The objects
are plain tables at run time: the classes below only type them (the model imports this module for the type
checker alone, so it costs nothing at start-up).

Generated from the TableSpecs of :mod:`govlint.schema` by ``scripts/gen_table_keys.py``: do not edit.
"""

from __future__ import annotations

from typing import Literal

from govlint.model import Cell, Number, Table, TableRow

#: The row keys of the 第二十条主动公开情况表.
ActiveDisclosureRowKey = Literal[
    "regulations",
    "normative_documents",
    "licensing",
    "punishment",
    "enforcement",
    "fees",
    "other_services",
    "procurement",
]

#: The ``row.column`` keys of the active_disclosure table.
ActiveDisclosureCellKey = Literal[
    "regulations.issued",
    "regulations.repealed",
    "regulations.in_force",
    "normative_documents.issued",
    "normative_documents.repealed",
    "normative_documents.in_force",
    "licensing.decisions",
    "punishment.decisions",
    "enforcement.decisions",
    "fees.amount_10k_yuan",
    "regulations.made",
    "regulations.published",
    "regulations.total_published",
    "normative_documents.made",
    "normative_documents.published",
    "normative_documents.total_published",
    "licensing.prev_items",
    "licensing.change",
    "other_services.prev_items",
    "other_services.change",
    "other_services.decisions",
    "punishment.prev_items",
    "punishment.change",
    "enforcement.prev_items",
    "enforcement.change",
    "fees.prev_items",
    "fees.change",
    "procurement.projects",
    "procurement.total_amount",
]

#: The row keys of the 收到和处理政府信息公开申请情况表.
ApplicationsRowKey = Literal[
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.three_safeties_one_stability",
    "denied.third_party_rights",
    "denied.internal_affairs",
    "denied.process_information",
    "denied.enforcement_case_file",
    "denied.administrative_query",
    "unable.not_held",
    "unable.needs_creation",
    "unable.unclear_after_correction",
    "not_processed.petition_complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.confirm_or_reissue",
    "other.no_correction",
    "other.fee_unpaid",
    "other.other",
    "results_total",
    "carried_forward",
    "denied.subtotal",
    "unable.subtotal",
    "not_processed.subtotal",
    "other.subtotal",
    "other.all",
]

#: The ``row.column`` keys of the applications table.
ApplicationsCellKey = Literal[
    "new_received.natural_person",
    "new_received.commercial_enterprise",
    "new_received.research_institution",
    "new_received.social_welfare_org",
    "new_received.legal_service_org",
    "new_received.other_org",
    "new_received.total",
    "carried_over.natural_person",
    "carried_over.commercial_enterprise",
    "carried_over.research_institution",
    "carried_over.social_welfare_org",
    "carried_over.legal_service_org",
    "carried_over.other_org",
    "carried_over.total",
    "granted.natural_person",
    "granted.commercial_enterprise",
    "granted.research_institution",
    "granted.social_welfare_org",
    "granted.legal_service_org",
    "granted.other_org",
    "granted.total",
    "partially_granted.natural_person",
    "partially_granted.commercial_enterprise",
    "partially_granted.research_institution",
    "partially_granted.social_welfare_org",
    "partially_granted.legal_service_org",
    "partially_granted.other_org",
    "partially_granted.total",
    "denied.state_secret.natural_person",
    "denied.state_secret.commercial_enterprise",
    "denied.state_secret.research_institution",
    "denied.state_secret.social_welfare_org",
    "denied.state_secret.legal_service_org",
    "denied.state_secret.other_org",
    "denied.state_secret.total",
    "denied.prohibited_by_law.natural_person",
    "denied.prohibited_by_law.commercial_enterprise",
    "denied.prohibited_by_law.research_institution",
    "denied.prohibited_by_law.social_welfare_org",
    "denied.prohibited_by_law.legal_service_org",
    "denied.prohibited_by_law.other_org",
    "denied.prohibited_by_law.total",
    "denied.three_safeties_one_stability.natural_person",
    "denied.three_safeties_one_stability.commercial_enterprise",
    "denied.three_safeties_one_stability.research_institution",
    "denied.three_safeties_one_stability.social_welfare_org",
    "denied.three_safeties_one_stability.legal_service_org",
    "denied.three_safeties_one_stability.other_org",
    "denied.three_safeties_one_stability.total",
    "denied.third_party_rights.natural_person",
    "denied.third_party_rights.commercial_enterprise",
    "denied.third_party_rights.research_institution",
    "denied.third_party_rights.social_welfare_org",
    "denied.third_party_rights.legal_service_org",
    "denied.third_party_rights.other_org",
    "denied.third_party_rights.total",
    "denied.internal_affairs.natural_person",
    "denied.internal_affairs.commercial_enterprise",
    "denied.internal_affairs.research_institution",
    "denied.internal_affairs.social_welfare_org",
    "denied.internal_affairs.legal_service_org",
    "denied.internal_affairs.other_org",
    "denied.internal_affairs.total",
    "denied.process_information.natural_person",
    "denied.process_information.commercial_enterprise",
    "denied.process_information.research_institution",
    "denied.process_information.social_welfare_org",
    "denied.process_information.legal_service_org",
    "denied.process_information.other_org",
    "denied.process_information.total",
    "denied.enforcement_case_file.natural_person",
    "denied.enforcement_case_file.commercial_enterprise",
    "denied.enforcement_case_file.research_institution",
    "denied.enforcement_case_file.social_welfare_org",
    "denied.enforcement_case_file.legal_service_org",
    "denied.enforcement_case_file.other_org",
    "denied.enforcement_case_file.total",
    "denied.administrative_query.natural_person",
    "denied.administrative_query.commercial_enterprise",
    "denied.administrative_query.research_institution",
    "denied.administrative_query.social_welfare_org",
    "denied.administrative_query.legal_service_org",
    "denied.administrative_query.other_org",
    "denied.administrative_query.total",
    "unable.not_held.natural_person",
    "unable.not_held.commercial_enterprise",
    "unable.not_held.research_institution",
    "unable.not_held.social_welfare_org",
    "unable.not_held.legal_service_org",
    "unable.not_held.other_org",
    "unable.not_held.total",
    "unable.needs_creation.natural_person",
    "unable.needs_creation.commercial_enterprise",
    "unable.needs_creation.research_institution",
    "unable.needs_creation.social_welfare_org",
    "unable.needs_creation.legal_service_org",
    "unable.needs_creation.other_org",
    "unable.needs_creation.total",
    "unable.unclear_after_correction.natural_person",
    "unable.unclear_after_correction.commercial_enterprise",
    "unable.unclear_after_correction.research_institution",
    "unable.unclear_after_correction.social_welfare_org",
    "unable.unclear_after_correction.legal_service_org",
    "unable.unclear_after_correction.other_org",
    "unable.unclear_after_correction.total",
    "not_processed.petition_complaint.natural_person",
    "not_processed.petition_complaint.commercial_enterprise",
    "not_processed.petition_complaint.research_institution",
    "not_processed.petition_complaint.social_welfare_org",
    "not_processed.petition_complaint.legal_service_org",
    "not_processed.petition_complaint.other_org",
    "not_processed.petition_complaint.total",
    "not_processed.duplicate.natural_person",
    "not_processed.duplicate.commercial_enterprise",
    "not_processed.duplicate.research_institution",
    "not_processed.duplicate.social_welfare_org",
    "not_processed.duplicate.legal_service_org",
    "not_processed.duplicate.other_org",
    "not_processed.duplicate.total",
    "not_processed.publication.natural_person",
    "not_processed.publication.commercial_enterprise",
    "not_processed.publication.research_institution",
    "not_processed.publication.social_welfare_org",
    "not_processed.publication.legal_service_org",
    "not_processed.publication.other_org",
    "not_processed.publication.total",
    "not_processed.excessive.natural_person",
    "not_processed.excessive.commercial_enterprise",
    "not_processed.excessive.research_institution",
    "not_processed.excessive.social_welfare_org",
    "not_processed.excessive.legal_service_org",
    "not_processed.excessive.other_org",
    "not_processed.excessive.total",
    "not_processed.confirm_or_reissue.natural_person",
    "not_processed.confirm_or_reissue.commercial_enterprise",
    "not_processed.confirm_or_reissue.research_institution",
    "not_processed.confirm_or_reissue.social_welfare_org",
    "not_processed.confirm_or_reissue.legal_service_org",
    "not_processed.confirm_or_reissue.other_org",
    "not_processed.confirm_or_reissue.total",
    "other.no_correction.natural_person",
    "other.no_correction.commercial_enterprise",
    "other.no_correction.research_institution",
    "other.no_correction.social_welfare_org",
    "other.no_correction.legal_service_org",
    "other.no_correction.other_org",
    "other.no_correction.total",
    "other.fee_unpaid.natural_person",
    "other.fee_unpaid.commercial_enterprise",
    "other.fee_unpaid.research_institution",
    "other.fee_unpaid.social_welfare_org",
    "other.fee_unpaid.legal_service_org",
    "other.fee_unpaid.other_org",
    "other.fee_unpaid.total",
    "other.other.natural_person",
    "other.other.commercial_enterprise",
    "other.other.research_institution",
    "other.other.social_welfare_org",
    "other.other.legal_service_org",
    "other.other.other_org",
    "other.other.total",
    "results_total.natural_person",
    "results_total.commercial_enterprise",
    "results_total.research_institution",
    "results_total.social_welfare_org",
    "results_total.legal_service_org",
    "results_total.other_org",
    "results_total.total",
    "carried_forward.natural_person",
    "carried_forward.commercial_enterprise",
    "carried_forward.research_institution",
    "carried_forward.social_welfare_org",
    "carried_forward.legal_service_org",
    "carried_forward.other_org",
    "carried_forward.total",
    "denied.subtotal.natural_person",
    "denied.subtotal.commercial_enterprise",
    "denied.subtotal.research_institution",
    "denied.subtotal.social_welfare_org",
    "denied.subtotal.legal_service_org",
    "denied.subtotal.other_org",
    "denied.subtotal.total",
    "unable.subtotal.natural_person",
    "unable.subtotal.commercial_enterprise",
    "unable.subtotal.research_institution",
    "unable.subtotal.social_welfare_org",
    "unable.subtotal.legal_service_org",
    "unable.subtotal.other_org",
    "unable.subtotal.total",
    "not_processed.subtotal.natural_person",
    "not_processed.subtotal.commercial_enterprise",
    "not_processed.subtotal.research_institution",
    "not_processed.subtotal.social_welfare_org",
    "not_processed.subtotal.legal_service_org",
    "not_processed.subtotal.other_org",
    "not_processed.subtotal.total",
    "other.subtotal.natural_person",
    "other.subtotal.commercial_enterprise",
    "other.subtotal.research_institution",
    "other.subtotal.social_welfare_org",
    "other.subtotal.legal_service_org",
    "other.subtotal.other_org",
    "other.subtotal.total",
    "other.all.natural_person",
    "other.all.commercial_enterprise",
    "other.all.research_institution",
    "other.all.social_welfare_org",
    "other.all.legal_service_org",
    "other.all.other_org",
    "other.all.total",
]

#: The row keys of the 政府信息公开行政复议、行政诉讼情况表.
ReviewLitigationRowKey = Literal[
    "review",
    "litigation_direct",
    "litigation_after_review",
]

#: The ``row.column`` keys of the review_litigation table.
ReviewLitigationCellKey = Literal[
    "review.upheld",
    "review.corrected",
    "review.other",
    "review.pending",
    "review.total",
    "litigation_direct.upheld",
    "litigation_direct.corrected",
    "litigation_direct.other",
    "litigation_direct.pending",
    "litigation_direct.total",
    "litigation_after_review.upheld",
    "litigation_after_review.corrected",
    "litigation_after_review.other",
    "litigation_after_review.pending",
    "litigation_after_review.total",
]


class ActiveDisclosureTable(Table):
    """The 第二十条主动公开情况表 (``report.tables.active_disclosure``) with its keys typed."""

    __slots__ = ()

    def row(self, key: ActiveDisclosureRowKey) -> TableRow | None:  # type: ignore[override]
        return super().row(key)

    def cell(self, key: ActiveDisclosureCellKey) -> Cell | None:  # type: ignore[override]
        return super().cell(key)

    def value(self, key: ActiveDisclosureCellKey) -> Number | None:  # type: ignore[override]
        return super().value(key)


class ApplicationsTable(Table):
    """The 收到和处理政府信息公开申请情况表 (``report.tables.applications``) with its keys typed."""

    __slots__ = ()

    def row(self, key: ApplicationsRowKey) -> TableRow | None:  # type: ignore[override]
        return super().row(key)

    def cell(self, key: ApplicationsCellKey) -> Cell | None:  # type: ignore[override]
        return super().cell(key)

    def value(self, key: ApplicationsCellKey) -> Number | None:  # type: ignore[override]
        return super().value(key)


class ReviewLitigationTable(Table):
    """The 政府信息公开行政复议、行政诉讼情况表 (``report.tables.review_litigation``) with its keys typed."""

    __slots__ = ()

    def row(self, key: ReviewLitigationRowKey) -> TableRow | None:  # type: ignore[override]
        return super().row(key)

    def cell(self, key: ReviewLitigationCellKey) -> Cell | None:  # type: ignore[override]
        return super().cell(key)

    def value(self, key: ReviewLitigationCellKey) -> Number | None:  # type: ignore[override]
        return super().value(key)
