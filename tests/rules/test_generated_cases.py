"""Reports the hypothesis properties (tests/properties) drew and govlint misread, kept as fixed examples: each
fails without its fix, whatever the properties draw next."""

from __future__ import annotations

from pathlib import Path

import govlint
from govlint.diagnostics import Severity

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
#: Section 三 as the ``spaced`` layout (``pdftotext -layout``) printed it for the contradict_fee property: row
#: (六)2 (line 43) leaves 法律服务机构 blank; the rows around it print their last four columns three characters
#: apart (64, 67, 70, 73), and (六)2's last three values sit at 65, 68, 71.
PACKED = LAYOUTS / "pdftotext_packed_blank.txt"
FEE_ROW = 43
FEE_VALUES = "    1                        0  0              0  0  1"
#: The same values with the last three at 64, 70 and 73.
AT_COLUMNS = "    1                        0  0             0     0  1"


def _errors_and_unread(text: str) -> list[tuple[str, int, bool]]:
    found = govlint.lint_text(text).diagnostics
    tables = ("GL105", "GL108", "GL201", "GL202", "GL203", "GL204", "GL205")
    return [(d.code, d.location.line, d.unread) for d in found if d.code in tables]


def test_a_short_pdftotext_row_whose_values_fit_two_columns_is_unread_not_accused() -> None:
    """Each of (六)2's last three values is one character from a column and two from the next, both within
    the tolerance of a pdftotext column: 总计 blank and 法律服务机构 blank both fit, so nothing proves which
    cell is blank.  The row is unread (GL108), never read with a blank 总计 (was GL105 on 总计 and a false
    GL202 on (七)总计 其他, whose sum holds)."""
    text = PACKED.read_text(encoding="utf-8")
    assert text.split("\n")[FEE_ROW - 1].endswith(FEE_VALUES)
    assert _errors_and_unread(text) == [("GL108", FEE_ROW, True)]
    applications = govlint.parse(PACKED).tables.get("applications")
    assert applications is not None
    row = applications.row("other.fee_unpaid")
    assert row is not None and row.problem is not None
    assert not any(cell.readable or cell.evidence for cell in row.cells.values())


def test_the_same_row_at_its_columns_is_read_and_its_blank_reported() -> None:
    """The same row with its values at the columns' own characters (64, 70, 73): each fits one column only,
    the blank is proven to be 法律服务机构, and GL105 says so (the fix leaves provable rows read)."""
    text = PACKED.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[FEE_ROW - 1] = lines[FEE_ROW - 1].removesuffix(FEE_VALUES) + AT_COLUMNS
    found = govlint.lint_text("\n".join(lines)).diagnostics
    [blank] = [d for d in found if d.code == "GL105"]
    assert (blank.location.line, blank.severity, blank.key) == (
        FEE_ROW,
        Severity.ERROR,
        "applications.other.fee_unpaid.legal_service_org",
    )
    assert not [d for d in found if d.code in ("GL108", "GL201", "GL202", "GL203")]
