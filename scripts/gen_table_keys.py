"""Write src/govlint/tablekeys.py: the standard tables' row and cell keys as Literal types, from their TableSpecs.

    python scripts/gen_table_keys.py           # write the module
    python scripts/gen_table_keys.py --check   # exit 1 if the committed module is not current

The keys are what :func:`govlint.schema.standard_keys` gives (every format's, with the subtotal rows), so the
types accept exactly what ``Table.row``/``Table.cell`` accept at run time; the tests run ``--check``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govlint.schema import TABLE_KEYS, TABLE_TITLES, standard_keys

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "src" / "govlint" / "tablekeys.py"

HEADER = '''\
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
'''


def _camel(table_id: str) -> str:
    return "".join(part.capitalize() for part in table_id.split("_"))


def _literal(name: str, doc: str, keys: tuple[str, ...]) -> str:
    lines = "".join(f'    "{key}",\n' for key in keys)
    return f"#: {doc}\n{name} = Literal[\n{lines}]\n"


def _table_class(table_id: str) -> str:
    name = _camel(table_id)
    return f'''

class {name}Table(Table):
    """The {TABLE_TITLES[table_id]} (``report.tables.{table_id}``) with its keys typed."""

    __slots__ = ()

    def row(self, key: {name}RowKey) -> TableRow | None:  # type: ignore[override]
        return super().row(key)

    def cell(self, key: {name}CellKey) -> Cell | None:  # type: ignore[override]
        return super().cell(key)

    def value(self, key: {name}CellKey) -> Number | None:  # type: ignore[override]
        return super().value(key)
'''


def expected() -> str:
    """The module's text."""
    parts = [HEADER]
    for table_id in TABLE_KEYS:
        name = _camel(table_id)
        rows, cells = standard_keys(table_id)
        parts.append("\n" + _literal(f"{name}RowKey", f"The row keys of the {TABLE_TITLES[table_id]}.", rows))
        parts.append("\n" + _literal(f"{name}CellKey", f"The ``row.column`` keys of the {table_id} table.", cells))
    parts.extend(_table_class(table_id) for table_id in TABLE_KEYS)
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the module is current")
    args = parser.parse_args(argv)
    text = expected()
    current = MODULE.read_text(encoding="utf-8") if MODULE.is_file() else None
    if args.check:
        if current != text:
            print(f"{MODULE.relative_to(ROOT)} is not current (run python scripts/gen_table_keys.py)")
            return 1
        return 0
    if current != text:
        MODULE.write_text(text, encoding="utf-8", newline="\n")
        print(f"{MODULE.relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
