"""govlint's records print what attrs would print (:class:`govlint.records.Record`, issue #15 §5): the one
shared ``__repr__`` in place of one compiled per class changes nothing a library user, a log or a failed
test's message shows."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import govlint
import govlint.cli
from govlint.model import Origin, Span
from govlint.records import Record

pytest_plugins = ["pytester"]
SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))


def attrs_repr(record: Any) -> str:
    """What attrs' own generated ``__repr__`` prints for ``record``: an attrs class of the same name and fields
    (each field's ``repr=`` kept), made with attrs' repr, given the record's values."""
    fields = attrs.fields(type(record))
    twin = attrs.make_class(
        type(record).__name__,
        {field.name: attrs.field(repr=field.repr, alias=field.alias) for field in fields},
        frozen=True,
    )
    return repr(twin(**{field.alias: getattr(record, field.name) for field in fields}))


def records_in(value: object, seen: set[int]) -> Iterator[object]:
    """Every record reachable from ``value`` through fields, tuples, lists and mappings."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Record):
        yield value
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from records_in(getattr(value, field.name, None), seen)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from records_in(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from records_in(item, seen)


def test_a_records_repr_is_attrs_own() -> None:
    assert repr(Span(0, 2, 1, 1, 1, 3, Origin(page=2))) == (
        "Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3, "
        "origin=Origin(page=2, table=None, row=None, column=None, source_line=None, source_column=None))"
    )


@pytest.mark.parametrize("seed", SEEDS[:2], ids=lambda path: path.name[:3])
def test_every_record_of_a_checked_report_prints_as_attrs_would(seed: Path) -> None:
    """The report, its sections, tables, rows, cells and spans, the findings and their locations: each prints
    exactly what attrs' generated repr prints for a class of the same fields."""
    report = govlint.parse(seed.read_text(encoding="utf-8"))
    found = list(records_in((report, govlint.lint(seed)), set()))
    assert {type(record).__name__ for record in found} >= {"LintResult", "Report", "Cell", "Span", "Diagnostic"}
    for record in found:
        assert repr(record) == attrs_repr(record)


def test_fields_left_out_and_a_fields_own_repr_are_honoured() -> None:
    @attrs.frozen(repr=False)
    class Shown(Record):
        key: str
        hidden: int = attrs.field(default=0, repr=False)
        code: int = attrs.field(default=10, repr=hex)
        _later: int = attrs.field(init=False, default=1)

    assert repr(Shown("x", 5, 255)) == attrs_repr(Shown("x", 5, 255)) == "Shown(key='x', code=0xff, _later=1)"


def test_a_record_inside_itself_prints_as_an_ellipsis() -> None:
    @attrs.define(repr=False, eq=False)
    class Node(Record):
        children: list[object]

    node = Node([])
    node.children.append(node)
    assert repr(node) == "Node(children=[...])"


def test_a_record_holds_no_instance_dictionary() -> None:
    """Record adds no ``__dict__`` to the slotted records (their memory per node is measured)."""
    assert not hasattr(Span(0, 1, 1, 1, 1, 2), "__dict__")


def test_every_record_a_check_loads_uses_the_shared_repr() -> None:
    """An attrs class made with attrs' own repr compiles one more function in every process: a new record
    says ``@attrs.frozen(repr=False)`` and derives from :class:`Record`."""
    govlint.cli.main(["check", "--exit-zero", str(SEEDS[0])])
    own = [
        value
        for name, module in list(sys.modules.items())
        if name.startswith("govlint")
        for value in vars(module).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == name
    ]
    assert len(own) > 30
    advice = "a record says @attrs.frozen(repr=False) (or define) and derives from govlint.records.Record"
    assert [cls.__qualname__ for cls in own if not issubclass(cls, Record)] == [], advice
    assert [cls.__qualname__ for cls in own if "attrs generated" in cls.__repr__.__code__.co_filename] == [], advice


def test_pytests_message_for_unequal_records_shows_their_fields(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        textwrap.dedent(
            """
            from govlint.model import Span

            def test_spans():
                assert Span(0, 2, 1, 1, 1, 3) == Span(0, 4, 1, 1, 1, 5)
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*assert Span(start=0,*) == Span(start=0,*)", "*end: 2 != 4*"])
