"""The parts of an event: where it happened (:class:`Place`), who took part
(:class:`Actor`), who says so (:class:`Source`), and the values sources disagree on
(:class:`Alternative`)."""

from __future__ import annotations

from datetime import date

import attrs

from summitcal.models.checks import _non_empty, _tuple_of_str, _validate_country, _validate_zone
from summitcal.models.kinds import ActorKind, AlternativeStatus, Role, SourceKind

__all__ = ["Actor", "Alternative", "Place", "Source"]


@attrs.frozen(kw_only=True)
class Place:
    """Where an event happened.

    Attributes:
        country: ISO 3166-1 alpha-2 code (``"FR"``).
        city: The city, if known.
        venue: The building or site, if known.
        region: A region or district, if worth naming.
        zone: The IANA time zone the event's dates and times are local to.
        lat: Latitude in degrees, when known.
        lon: Longitude in degrees, when known.
        virtual: Whether the event was held online (``city`` is then where it was
            chaired from).
    """

    country: str = attrs.field(validator=_validate_country)
    city: str | None = None
    venue: str | None = None
    region: str | None = None
    zone: str | None = attrs.field(default=None, validator=_validate_zone)
    lat: float | None = None
    lon: float | None = None
    virtual: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")
        if self.lat is not None and not -90 <= self.lat <= 90:
            raise ValueError(f"lat {self.lat} is outside -90..90")
        if self.lon is not None and not -180 <= self.lon <= 180:
            raise ValueError(f"lon {self.lon} is outside -180..180")

    @property
    def label(self) -> str:
        """A short one-line description: ``"Grand Palais, Paris, FR"`` (see
        :meth:`label_with`)."""
        return self.label_with()

    def label_with(self, *, region: bool = False, country_names: bool = False) -> str:
        """A one-line description: venue, city, region if asked, and the country.

        Args:
            region: Name the region too (calendar clients show LOCATION as it is).
            country_names: Write the country's English name instead of its code.

        Example::

            >>> Place(country="FR", city="Paris", region="Île-de-France").label_with(
            ...     region=True, country_names=True)
            'Paris, Île-de-France, France'
        """
        country = self.country
        if country_names:
            from summitcal.models.countries import country_name  # the registry loads on first use

            country = country_name(country)
        parts = [p for p in (self.venue, self.city, self.region if region else None, country) if p]
        text = ", ".join(parts)
        return f"{text} (online)" if self.virtual else text


@attrs.frozen(kw_only=True)
class Actor:
    """A participant and the part it played.

    Attributes:
        name: The person's, country's or organisation's name.
        kind: What sort of participant.
        role: The part played in this event.
        country: ISO alpha-2 code of the country the actor represents, where apt.
        title: A person's office at the time ("Vice Premier of the State Council").
        note: Anything a reader needs to read the role right.
    """

    name: str = attrs.field(validator=_non_empty)
    kind: ActorKind
    role: Role
    country: str | None = attrs.field(default=None, validator=_validate_country)
    title: str | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from.

    Attributes:
        url: The page read: an http(s) URL (the loader also requires a host and no
            whitespace, see :func:`~summitcal.models.checks.is_web_url`).
        publisher: Who published it.
        title: The page's title, when recorded.
        published: The page's publication date, when known.
        phrase: The date as the source wrote it, when it wrote it relatively
            ("from Sunday to Wednesday"); resolve it against ``published``.
        kind: What sort of publisher it is; None where nobody has classified it (a
            foreign calendar's link, say).  Every source of the shipped catalogue has one.
    """

    url: str = attrs.field(validator=_non_empty)
    publisher: str | None = None
    title: str | None = None
    published: date | None = None
    phrase: str | None = None
    kind: SourceKind | None = None

    def __attrs_post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise ValueError(f"source url {self.url!r} is not an http(s) URL")


@attrs.frozen(kw_only=True)
class Alternative:
    """A value that sources give for a field besides the one the catalogue prefers.

    Attributes:
        field: The event field concerned (``"when"``, ``"signatories"``, ``"venue"``...).
        value: The other value, as text (a TIMEX3 value for ``when``).
        status: Whether it conflicts with the preferred value or is merely unconfirmed.
        note: Why it is not preferred.
        sources: http(s) URLs of the sources that give it (may be empty for "not found").
    """

    field: str = attrs.field(validator=_non_empty)
    value: str
    status: AlternativeStatus
    note: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
