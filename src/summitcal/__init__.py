"""summitcal: the international AI-summit series as a calendar you can trust and query.

The public API, re-exported here:

* the time type: :class:`DateSpan`, :class:`Granularity`, :class:`Mod`, ...
* the models: :class:`Event`, :class:`Place`, :class:`Actor`, :class:`Source`, ...
* the catalogue: :func:`load_catalog`, :class:`Catalog`, :class:`Criteria` (a query)
* the resolver: :func:`resolve` (a phrase and a reference date to a span)
* extraction: :func:`extract`, :func:`extract_many` (every date in an article)
* proposals: :func:`propose`, :func:`propose_many` (the events an article reports, as
  :class:`Proposal` objects matched with the catalogue, each with a :class:`Relation`)
* iCalendar: :func:`to_ical`, :func:`write_calendar`, :func:`read_calendar` (a
  :class:`ReadResult`)
* errors: :class:`SummitcalError` and its subclasses

Names load lazily on first use, so ``import summitcal`` stays fast and importing one part
never pulls in another (the iCalendar layer, for one, loads ``icalendar`` only when used).
"""

from __future__ import annotations

import importlib

# ``typing`` costs more to import than the rest of this module; type checkers read the
# name TYPE_CHECKING as true wherever it is defined.
TYPE_CHECKING = False

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    # errors
    "SummitcalError": "summitcal.errors",
    "PhraseError": "summitcal.errors",
    "UnsupportedLanguageError": "summitcal.errors",
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
    "Criteria": "summitcal.catalog.criteria",
    "Series": "summitcal.models.events",
    "UnknownEventError": "summitcal.errors",
    "load_catalog": "summitcal.catalog.load",
    "TimexType": "summitcal.span.timex",
    # resolver
    "resolve": "summitcal.resolver",
    "resolve_in_context": "summitcal.resolver",
    "resolve_match": "summitcal.resolver",
    "scan": "summitcal.resolver",
    "Resolution": "summitcal.resolver",
    "Direction": "summitcal.resolver",
    "NumericOrder": "summitcal.resolver",
    "NoSpanError": "summitcal.resolver",
    "PhraseMatch": "summitcal.resolver",
    # extraction
    "extract": "summitcal.extraction",
    "extract_many": "summitcal.extraction",
    "Mention": "summitcal.extraction",
    # proposals
    "propose": "summitcal.proposals",
    "propose_many": "summitcal.proposals",
    "Proposal": "summitcal.proposals",
    "Relation": "summitcal.proposals",
    # iCalendar
    "to_ical": "summitcal.ical.write",
    "write_calendar": "summitcal.ical.write",
    "read_calendar": "summitcal.ical.read",
    "ReadResult": "summitcal.ical.read",
}

#: The public names: the exports above and the version.
__all__ = sorted([*_EXPORTS, "__version__"])

# For type checkers only (the names load lazily at run time through __getattr__): each
# written ``X as X``, which makes it a re-export although __all__ is computed;
# tests/test_api.py checks that these are exactly the names of _EXPORTS.
# isort: off
if TYPE_CHECKING:
    from summitcal.catalog.catalog import (
        Catalog as Catalog,
    )
    from summitcal.catalog.criteria import (
        Criteria as Criteria,
    )
    from summitcal.catalog.load import (
        load_catalog as load_catalog,
    )
    from summitcal.errors import (
        FeedError as FeedError,
        PhraseError as PhraseError,
        QueryError as QueryError,
        SeedError as SeedError,
        SeedErrors as SeedErrors,
        SummitcalError as SummitcalError,
        TimexError as TimexError,
        UnknownEventError as UnknownEventError,
        UnsupportedLanguageError as UnsupportedLanguageError,
    )
    from summitcal.extraction import (
        Mention as Mention,
        extract as extract,
        extract_many as extract_many,
    )
    from summitcal.ical.read import (
        ReadResult as ReadResult,
        read_calendar as read_calendar,
    )
    from summitcal.ical.write import (
        to_ical as to_ical,
        write_calendar as write_calendar,
    )
    from summitcal.proposals import (
        Proposal as Proposal,
        Relation as Relation,
        propose as propose,
        propose_many as propose_many,
    )
    from summitcal.models.events import (
        Actor as Actor,
        ActorKind as ActorKind,
        Alternative as Alternative,
        AlternativeStatus as AlternativeStatus,
        Event as Event,
        EventKind as EventKind,
        Place as Place,
        Role as Role,
        Series as Series,
        Source as Source,
        SourceKind as SourceKind,
        Status as Status,
    )
    from summitcal.resolver import (
        Direction as Direction,
        NoSpanError as NoSpanError,
        NumericOrder as NumericOrder,
        PhraseMatch as PhraseMatch,
        Resolution as Resolution,
        resolve as resolve,
        resolve_in_context as resolve_in_context,
        resolve_match as resolve_match,
        scan as scan,
    )
    from summitcal.span.span import (
        DateSpan as DateSpan,
        Granularity as Granularity,
        Mod as Mod,
        PartOfDay as PartOfDay,
        Season as Season,
    )
    from summitcal.span.timex import TimexType as TimexType
    from typing import Any
# isort: on


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
