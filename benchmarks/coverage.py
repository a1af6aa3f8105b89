"""Reading coverage: how many table cells govlint reads in converted and crawled reports, and how many of
those it reads wrong.

Run: ``python benchmarks/coverage.py [--corpus DIR] [--quiet]`` (plain script, not a test).

For each file it prints the cells expected, the cells read (a number or a cell the source shows empty),
the cells left unread, and, where the truth is known, the numbers that differ from it (``wrong``: must be
0).  The truth is ``expected.json`` for the converted fixtures (``tests/fixtures/roundtrip``), the checked
truth file for the two 洪泽区 PDFs, and for the pingtan report that has a saved web page (``014``) the grid
that page's tables give.  Without a truth, the expected cells are the cells of the three tables in the
report's format (a missing row or table counts as unread).

Files read: every lossy converter output in ``tests/fixtures/roundtrip`` (pandoc's Markdown with simple
tables, LibreOffice's text, pdftotext in its three modes), the ``pdftotext -layout`` text of the peer PDFs
and the crawled pingtan pages (``tests/fixtures/corpus``, a copy of ``shared/corpus``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
ROUNDTRIP = ROOT / "tests" / "fixtures" / "roundtrip"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
#: Markdown that loses part of the grid (pandoc's simple tables lose empty cells), measured with the text
#: files (every ``*.txt`` but the reference ``tabs.txt``).
LOSSY_MARKDOWN = ("pandoc.markdown.md",)
TABLES = ("active_disclosure", "applications", "review_litigation")


class Count(NamedTuple):
    """Cells of one file: expected, read, unread, and read numbers that are not the truth's."""

    expected: int
    read: int
    wrong: int
    wrong_keys: tuple[str, ...]


def _read(report: Any) -> dict[str, tuple[bool, Any]]:
    """Every cell of the report's standard tables: (read, value) by ``table.row.column``."""
    from govlint.model import CellStatus

    cells = {}
    for table_id in TABLES:
        table = report.tables.get(table_id)
        for row in () if table is None else table.rows.values():
            for cell in row.cells.values():
                read = cell.status in (CellStatus.OK, CellStatus.INFERRED, CellStatus.EMPTY)
                cells[f"{table_id}.{cell.key}"] = (read, cell.value)
    return cells


def _schema_keys(report: Any) -> list[str]:
    """The cells a report in its format has; a 2021 report printing the 2019 (六)其他处理 row has it instead
    of the three (六) rows."""
    from govlint.schema import FORMATS

    spec = FORMATS.get(report.format, FORMATS["2021"])
    keys = []
    for table_id in TABLES:
        table = spec.table(table_id)
        keys += [f"{table_id}.{key}" for key in table.cell_keys]
    if report.mixed_format:
        other = FORMATS["2019"].table("applications")
        keys = [k for k in keys if not k.startswith("applications.other.")]
        keys += [f"applications.{k}" for k in other.cell_keys if k.startswith("other.")]
    return keys


def count(report: Any, truth: Mapping[str, Any] | None) -> Count:
    cells = _read(report)
    keys: Iterable[str] = truth if truth is not None else _schema_keys(report)
    expected = read = 0
    wrong: list[str] = []
    for key in keys:
        expected += 1
        got = cells.get(key)
        if got is None or not got[0]:
            continue
        read += 1
        if truth is not None and got[1] != truth[key]:
            wrong.append(key)
    return Count(expected, read, len(wrong), tuple(wrong))


def _roundtrip_truth(case: Path) -> dict[str, Any]:
    data = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    return {k: Decimal(v) if isinstance(v, str) else v for k, v in data["cells"].items()}


def _peer_truth(path: Path) -> dict[str, Any]:
    """A peer truth file (compact shape) as cells by key."""
    truth = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    cells: dict[str, Any] = {}
    for table_id in ("applications", "review_litigation"):
        from govlint.schema import FORMATS

        spec = FORMATS[truth["format"]].table(table_id)
        rows = truth[table_id]
        for row in spec.rows:
            values = rows.get(row.key) if rows else None
            if values is None and row.key.startswith("other.") and "other.all" in (rows or {}):
                continue
            for column, value in zip(spec.columns_of(row.key), values or [None] * 99, strict=False):
                cells[f"{table_id}.{row.key}.{column.key}"] = value
        if rows and "other.all" in rows:
            columns = FORMATS["2019"].table("applications").columns_of("other.all")
            for column, value in zip(columns, rows["other.all"], strict=True):
                cells[f"applications.other.all.{column.key}"] = value
    art20 = truth["active_disclosure"]
    for row in ("regulations", "normative_documents"):
        for column, value in zip(("issued", "repealed", "in_force"), art20[row], strict=True):
            cells[f"active_disclosure.{row}.{column}"] = value
    for row in ("licensing", "punishment", "enforcement"):
        cells[f"active_disclosure.{row}.decisions"] = art20[row]
    cells["active_disclosure.fees.amount_10k_yuan"] = art20["fees_10k_yuan"]
    return cells


def _grid_truth(html: Path) -> dict[str, Any]:
    """The cells a saved web page's table grid gives (read cells only)."""
    import govlint

    return {key: value for key, (read, value) in _read(govlint.parse_file(html)).items() if read}


def files(corpus: Path) -> Iterable[tuple[str, Path, dict[str, Any] | None]]:
    """(group, file, truth or None) for every file measured."""
    for case in sorted(p for p in ROUNDTRIP.iterdir() if (p / "expected.json").exists()):
        truth = _roundtrip_truth(case)
        lossy = [p for p in sorted(case.glob("*.txt")) if p.name != "tabs.txt"]  # text: the grid is lost
        for path in [*(case / name for name in LOSSY_MARKDOWN if (case / name).exists()), *lossy]:
            yield "roundtrip", path, truth
    peer = corpus / "peer"
    for path in sorted(peer.glob("*.pdftotext.txt")):
        truth_file = peer / "truth" / f"{path.name.split('.')[0]}.json"
        yield "peer", path, _peer_truth(truth_file) if truth_file.exists() else None
    for path in sorted((corpus / "pingtan").glob("*.txt")):
        if path.name == "README.md":
            continue
        twin = path.with_suffix(".html")
        yield "pingtan", path, _grid_truth(twin) if twin.exists() else None


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder (peer/, pingtan/)")
    options.add_argument("--quiet", action="store_true", help="only the totals per group")
    args = options.parse_args()
    import govlint
    from govlint.errors import InputError

    totals: dict[str, list[int]] = {}
    for group, path, truth in files(args.corpus):
        try:
            report = govlint.parse_file(path)
        except InputError as error:
            print(f"{group:9} {path.name:42} not read: {error}")
            continue
        if truth is None and report.title is None and not report.sections and not report.tables:
            print(f"{group:9} {path.name:42} not a report (no title, heading or table): not counted")
            continue
        result = count(report, truth)
        total = totals.setdefault(group, [0, 0, 0])
        total[0] += result.expected
        total[1] += result.read
        total[2] += result.wrong
        if not args.quiet:
            name = path.relative_to(ROUNDTRIP) if path.is_relative_to(ROUNDTRIP) else path.name
            share = 100 * result.read / result.expected if result.expected else 100.0
            checked = "" if truth is not None else "  (no truth)"
            wrong = f"  WRONG {', '.join(result.wrong_keys)}" if result.wrong else ""
            print(f"{group:9} {name!s:42} {result.read:4}/{result.expected:<4} {share:6.1f} %{checked}{wrong}")
    for group, (expected, read, wrong) in totals.items():
        print(f"TOTAL {group:9} read {read}/{expected} ({100 * read / max(expected, 1):.1f} %), wrong numbers {wrong}")
    return 1 if any(t[2] for t in totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
