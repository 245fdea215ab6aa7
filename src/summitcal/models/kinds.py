"""The enumerations of the event models: what sort of event, how settled it is, what sort
of publisher and participant, the part an actor played, and why an alternative value is kept.
"""

from __future__ import annotations

import enum

__all__ = [
    "ActorKind",
    "AlternativeStatus",
    "EventKind",
    "Role",
    "SourceKind",
    "Status",
]


class EventKind(enum.Enum):
    """What sort of thing an event is."""

    SUMMIT = "summit"
    SUMMIT_PART = "summit-part"  # a programme block: science days, cultural weekend, a track
    LEADERS_SESSION = "leaders-session"
    MINISTERIAL_SESSION = "ministerial-session"
    SIDE_EVENT = "side-event"
    CONFERENCE = "conference"
    FORUM = "forum"
    MEETING = "meeting"
    RECEPTION = "reception"
    VISIT = "visit"  # a visit or a delegation's trip
    SPEECH = "speech"
    PRESS_BRIEFING = "press-briefing"
    REMARK = "remark"  # something said on the record outside a speech
    DECLARATION = "declaration"  # declarations, statements, communiqués
    COMMITMENTS = "commitments"  # voluntary pledges (e.g. companies' safety commitments)
    INITIATIVE = "initiative"  # initiatives, plans, proposals
    PLAN = "plan"
    REPORT = "report"
    RESOLUTION = "resolution"
    RELEASE = "release"  # a product or model release
    ANNOUNCEMENT = "announcement"
    BODY = "body"  # the founding or launch of a body (advisory body, network)


class Status(enum.Enum):
    """How settled an event is.

    ``CONFIRMED``: it happened, or its date is officially fixed, as sources state.
    ``SCHEDULED``: officially dated, still in the future.
    ``ANNOUNCED``: officially announced, but its date is known only coarsely.
    ``TENTATIVE``: reported as planned, not officially fixed.
    ``CANCELLED``: called off.
    ``UNCONFIRMED``: reported by sources we could not corroborate; never shown as fact.
    ``UNREPORTED``: it was scheduled or announced, its dates have passed, and no report
    that it took place has been found (as against ``CONFIRMED``, which for a past event
    means a report after it says it was held).
    """

    CONFIRMED = "confirmed"
    SCHEDULED = "scheduled"
    ANNOUNCED = "announced"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"
    UNCONFIRMED = "unconfirmed"
    UNREPORTED = "unreported"

    @property
    def is_firm(self) -> bool:
        """Whether the event may be presented as established fact."""
        return self in (Status.CONFIRMED, Status.SCHEDULED)

    @property
    def label(self) -> str:
        """The status in a calendar reader's words (``"no report it took place"``)."""
        return _STATUS_LABELS.get(self, self.value)


_STATUS_LABELS = {Status.UNREPORTED: "no report it took place"}


class SourceKind(enum.Enum):
    """What sort of publisher a source is, for how much a fact may rest on it.

    ``OFFICIAL``: the organiser, a government, a parliament, an intergovernmental body, or
    the actor itself (its release, transcript or record).
    ``WIRE``: a news agency's story (state agencies included), wherever it is printed.
    ``PRESS``: a newspaper, broadcaster or magazine writing its own story.
    ``SECONDARY``: everything else: wikis, aggregators, reposts, blogs, listings.  A fact
    whose only sources are secondary may not be presented as established.
    """

    OFFICIAL = "official"
    WIRE = "wire"
    PRESS = "press"
    SECONDARY = "secondary"


class ActorKind(enum.Enum):
    """What sort of participant an actor is."""

    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    COMPANY = "company"


class Role(enum.Enum):
    """The part an actor played in an event."""

    HOST = "host"
    CO_HOST = "co-host"
    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    ORGANISER = "organiser"
    SPEAKER = "speaker"
    DELEGATION_HEAD = "delegation-head"
    DELEGATE = "delegate"
    ATTENDEE = "attendee"
    SIGNATORY = "signatory"
    NON_SIGNATORY = "non-signatory"
    SPONSOR = "sponsor"  # co-sponsors of a resolution
    PROPOSER = "proposer"
    AUTHOR = "author"
    ANNOUNCER = "announcer"
    SPOKESPERSON = "spokesperson"


class AlternativeStatus(enum.Enum):
    """Why a value is kept beside the preferred one."""

    CONFLICT = "conflict"  # a source gives another value than the preferred one
    UNCONFIRMED = "unconfirmed"  # a value reported but not corroborated
