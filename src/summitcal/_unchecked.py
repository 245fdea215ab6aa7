"""Unchecked constructors for slotted, frozen attrs classes.

A frozen attrs class guards every attribute it sets, runs its validators and then its
``__attrs_post_init__``.  Where a caller has just derived all the fields itself and knows
they agree, that work protects nothing; whenever keeps such a path (``_from_py_unchecked``:
a bare ``object.__new__`` and the slots filled in).  :func:`unchecked` makes that
constructor for any slotted attrs class, once, at import time.

The made function takes the values positionally, in the order of the names it was made
for (by default the class's attrs fields, as :func:`attrs.fields` lists them).  A name may
also be the slot of a :func:`functools.cached_property` (attrs gives those slots on a
slotted class): the value is then already cached.  Nothing is validated: use it only where
the validating constructor would accept the same values (a test can compare the two).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

__all__ = ["unchecked"]

T = TypeVar("T")

# The names the made function uses for itself.
_RESERVED = frozenset({"self", "_new", "_cls"})


def unchecked(cls: type[T], names: Sequence[str] | None = None) -> Callable[..., T]:
    """A function that builds a ``cls`` from the values of ``names``, without checks.

    Args:
        cls: A slotted attrs class (frozen or not).
        names: The slots to fill, in argument order; by default every attrs field of
            ``cls``.  Every field must be among them (or the instance would lack it).

    Raises:
        TypeError: If ``cls`` is not a slotted attrs class, or a name is not one of its
            slots, or a field is left out.
    """
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slotted attrs class")
    fields = [a.name for a in attrs.fields(cls)]
    names = list(fields if names is None else names)
    missing = set(fields) - set(names)
    if missing:
        raise TypeError(f"an unchecked {cls.__name__} needs all its fields: {sorted(missing)}")
    setters: dict[str, Any] = {}
    for i, name in enumerate(names):
        slot = cls.__dict__.get(name)
        if not isinstance(slot, types.MemberDescriptorType) or name in _RESERVED:
            raise TypeError(f"{name!r} is not a slot of {cls.__name__} this can fill")
        setters[f"_set{i}_"] = slot.__set__
    # The body is written out, one slot setter call per name, as attrs writes __init__: a
    # loop over the names would cost about as much as the checks this path leaves out.
    body = "".join(f"    _set{i}_(self, {name})\n" for i, name in enumerate(names))
    source = f"def make({', '.join(names)}):\n    self = _new(_cls)\n{body}    return self\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec(compile(source, f"<unchecked {cls.__qualname__}>", "exec"), namespace)
    make: Callable[..., T] = namespace["make"]
    make.__qualname__ = f"unchecked({cls.__qualname__})"
    return make
