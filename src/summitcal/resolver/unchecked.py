"""One trusted constructor for the resolver's frozen classes.

A frozen attrs class guards every field with a ``__setattr__`` that raises; its
``__init__`` gets past it for each field, and that is most of the cost of making a small
instance.  Where every field is computed by the library itself and the class has no
validator or converter, :func:`unchecked` gives a constructor that makes the instance
without ``__init__``: a bare object, then each slot set through its own descriptor
(whenever's ``_from_py_unchecked`` pattern).  Derived values are
``functools.cached_property``, which attrs supports on slotted frozen classes, so nothing
is mutated after construction.

It lives here until ``summitcal.span`` has a helper of its own to share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from attrs import AttrsInstance

__all__ = ["unchecked"]

T = TypeVar("T", bound=AttrsInstance)


def unchecked(cls: type[T]) -> Callable[..., T]:
    """A constructor of the frozen attrs class ``cls`` that takes every field, in the
    class's order, and sets each slot without ``__init__`` (no defaults, no checks).

    The constructor is generated once per class, with one line per field, as attrs
    generates ``__init__``: a loop over the names would cost more than the guard it saves.
    """
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    assert all(f.validator is None and f.converter is None for f in fields), cls
    names = [f.name for f in fields]
    args = ", ".join(f"v{i}" for i in range(len(names)))
    lines = [f"def make({args}):", "    self = new(cls)"]
    lines += [f"    set_{i}(self, v{i})" for i in range(len(names))]
    lines.append("    return self")
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    # The slots' own setters, as object.__setattr__ would find them by name.
    scope |= {f"set_{i}": cls.__dict__[name].__set__ for i, name in enumerate(names)}
    exec("\n".join(lines), scope)
    make: Callable[..., T] = scope["make"]
    make.__qualname__ = f"unchecked({cls.__qualname__})"
    return make
