"""The one ``__repr__`` of govlint's records.

Every record of govlint is an attrs class.  attrs writes a ``__repr__`` for each class it makes and compiles
it at import, and every fresh ``govlint`` process paid that for some fifty classes (docs/performance.md, "What
a cold check does to start fast").  So the records say ``repr=False`` and inherit :class:`Record`'s
``__repr__``, written once, which prints what attrs' own prints: ``Cell(key='x', value=1, ...)``, the
fields in their order, a field declared ``attrs.field(repr=False)`` left out, a field's own ``repr=``
function used, ``...`` for a record met again inside itself.  Their ``__init__``, ``__eq__`` and
``__hash__`` are still attrs' own.
"""

from __future__ import annotations

import reprlib

import attrs


class Record:
    """The base of govlint's attrs records (``@attrs.frozen(repr=False)``), for their ``__repr__`` alone: it
    adds no slot (a slotted record stays without a ``__dict__``) and no other behaviour."""

    __slots__ = ()

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = []
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]  # a subclass is an attrs class
            if field.repr is False:
                continue
            value = getattr(self, field.name, attrs.NOTHING)
            text = repr(value) if field.repr is True else field.repr(value)
            shown.append(f"{field.name}={text}")
        return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({', '.join(shown)})"
