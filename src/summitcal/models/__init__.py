"""The event models: frozen attrs classes for events, places, actors, sources and the
values sources disagree on.

Modules: :mod:`~summitcal.models.events` (events and series, and every model name),
:mod:`~summitcal.models.parts` (places, actors, sources and alternatives),
:mod:`~summitcal.models.kinds` (the enumerations),
:mod:`~summitcal.models.checks` (the field checks and validators),
:mod:`~summitcal.models.countries` (ISO country codes and names),
:mod:`~summitcal.models.serialize` (events to and from plain dicts),
:mod:`~summitcal.models.revision` (an event's published revision and content digest).
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
    Series,
    Source,
    SourceKind,
    Status,
    check_calendar_span,
    is_valid_id,
    is_web_url,
)
from summitcal.models.revision import Revision

__all__ = [
    "LAST_CALENDAR_DAY",
    "Actor",
    "ActorKind",
    "Alternative",
    "AlternativeStatus",
    "Event",
    "EventKind",
    "Place",
    "Revision",
    "Role",
    "Series",
    "Source",
    "SourceKind",
    "Status",
    "check_calendar_span",
    "is_valid_id",
    "is_web_url",
]
