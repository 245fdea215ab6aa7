"""summitcal: the international AI-summit series as a calendar you can trust and query.

The public API, re-exported here:

* the time type: :class:`DateSpan`, :class:`Granularity`, :class:`Mod`, ...
* the models: :class:`Event`, :class:`Place`, :class:`Actor`, :class:`Source`, ...
* the catalogue: :func:`load_catalog`, :class:`Catalog`
* the resolver: :func:`resolve` (a phrase and a reference date to a span)
* extraction: :func:`extract`, :func:`extract_many` (every date in an article)
* iCalendar: :func:`to_ical`, :func:`write_calendar`, :func:`read_calendar`
* errors: :class:`SummitcalError` and its subclasses

Names load lazily on first use, so ``import summitcal`` stays fast and importing one part
never pulls in another (the iCalendar layer, for one, loads ``icalendar`` only when used).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    # errors
    "SummitcalError": "summitcal.errors",
    "PhraseError": "summitcal.errors",
    "QueryError": "summitcal.errors",
    "SeedError": "summitcal.errors",
    "SeedErrors": "summitcal.errors",
    "TimexError": "summitcal.errors",
    "FeedError": "summitcal.errors",
    # the time type
    "DateSpan": "summitcal.span.span",
    "Granularity": "summitcal.span.span",
    "Mod": "summitcal.span.span",
    "PartOfDay": "summitcal.span.span",
    "Season": "summitcal.span.span",
    # models
    "Actor": "summitcal.models.events",
    "ActorKind": "summitcal.models.events",
    "Alternative": "summitcal.models.events",
    "AlternativeStatus": "summitcal.models.events",
    "Event": "summitcal.models.events",
    "EventKind": "summitcal.models.events",
    "Place": "summitcal.models.events",
    "Role": "summitcal.models.events",
    "Source": "summitcal.models.events",
    "SourceKind": "summitcal.models.events",
    "Status": "summitcal.models.events",
    # catalogue
    "Catalog": "summitcal.catalog.catalog",
    "Series": "summitcal.models.events",
    "UnknownEventError": "summitcal.errors",
    "load_catalog": "summitcal.catalog.load",
    # resolver
    "resolve": "summitcal.resolver",
    "Resolution": "summitcal.resolver",
    # extraction
    "extract": "summitcal.extraction",
    "extract_many": "summitcal.extraction",
    "Mention": "summitcal.extraction",
    # iCalendar
    "to_ical": "summitcal.ical.write",
    "write_calendar": "summitcal.ical.write",
    "read_calendar": "summitcal.ical.read",
}

__all__ = [
    "Actor",
    "ActorKind",
    "Alternative",
    "AlternativeStatus",
    "Catalog",
    "DateSpan",
    "Event",
    "EventKind",
    "FeedError",
    "Granularity",
    "Mention",
    "Mod",
    "PartOfDay",
    "PhraseError",
    "Place",
    "QueryError",
    "Resolution",
    "Role",
    "Season",
    "SeedError",
    "SeedErrors",
    "Series",
    "Source",
    "SourceKind",
    "Status",
    "SummitcalError",
    "TimexError",
    "UnknownEventError",
    "__version__",
    "extract",
    "extract_many",
    "load_catalog",
    "read_calendar",
    "resolve",
    "to_ical",
    "write_calendar",
]

if TYPE_CHECKING:
    from summitcal.catalog.catalog import Catalog
    from summitcal.catalog.load import load_catalog
    from summitcal.errors import (
        FeedError,
        PhraseError,
        QueryError,
        SeedError,
        SeedErrors,
        SummitcalError,
        TimexError,
        UnknownEventError,
    )
    from summitcal.extraction import Mention, extract, extract_many
    from summitcal.ical.read import read_calendar
    from summitcal.ical.write import to_ical, write_calendar
    from summitcal.models.events import (
        Actor,
        ActorKind,
        Alternative,
        AlternativeStatus,
        Event,
        EventKind,
        Place,
        Role,
        Series,
        Source,
        SourceKind,
        Status,
    )
    from summitcal.resolver import Resolution, resolve
    from summitcal.span.span import DateSpan, Granularity, Mod, PartOfDay, Season


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("summitcal")
        except PackageNotFoundError:  # running from a source tree that was never installed
            from summitcal._version import __version__

            return __version__
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summitcal' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return __all__
