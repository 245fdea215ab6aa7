"""One trusted constructor for the resolver's frozen classes.

A frozen attrs class guards every field with a ``__setattr__`` that raises; its
``__init__`` gets past it for each field, and that is most of the cost of making a small
instance.  Where every field is computed by the library itself and the class has no
validator or converter, :func:`unchecked` makes the instance without ``__init__``: a bare
object, then each slot set through :func:`object.__setattr__` (whenever's
``_from_py_unchecked`` pattern).  Derived values stay ``functools.cached_property``, which
attrs supports on slotted frozen classes, so nothing is mutated after construction.

It lives here until ``summitcal.span`` has a helper of its own to share.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

__all__ = ["unchecked"]

T = TypeVar("T")

_new = object.__new__
_set = object.__setattr__


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """The names of the slots ``cls``'s ``__init__`` would fill, in their order."""
    names = _NAMES.get(cls)
    if names is None:
        fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
        assert all(f.validator is None and f.converter is None for f in fields), cls
        names = _NAMES[cls] = tuple(f.name for f in fields)
    return names


def unchecked(cls: type[T], *values: object) -> T:
    """An instance of the frozen attrs class ``cls`` with its fields set to ``values``, in
    the order of the class's fields, without ``__init__`` (no defaults, no checks)."""
    made: T = _new(cls)
    for name, value in zip(_names(cls), values, strict=True):
        _set(made, name, value)
    return made
