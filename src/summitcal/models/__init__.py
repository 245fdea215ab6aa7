"""The event models: frozen attrs classes for events, places, actors, sources and the
values sources disagree on.

Modules: :mod:`~summitcal.models.events` (the classes and their checks),
:mod:`~summitcal.models.countries` (ISO country codes and names),
:mod:`~summitcal.models.serialize` (events to and from plain dicts).
"""

from summitcal.models.events import (
    LAST_CALENDAR_DAY,
    Actor,
    ActorKind,
    Alternative,
    AlternativeStatus,
    Event,
    EventKind,
    Place,
    Role,
    Source,
    SourceKind,
    Status,
    check_calendar_span,
    is_valid_id,
    is_web_url,
)

__all__ = [
    "LAST_CALENDAR_DAY",
    "Actor",
    "ActorKind",
    "Alternative",
    "AlternativeStatus",
    "Event",
    "EventKind",
    "Place",
    "Role",
    "Source",
    "SourceKind",
    "Status",
    "check_calendar_span",
    "is_valid_id",
    "is_web_url",
]
