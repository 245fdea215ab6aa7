"""The checks the event models make on their fields: ids, web URLs, locations, country
codes, time zones, and the last day a calendar can hold.

The public checks (:func:`is_valid_id`, :func:`is_web_url`, :func:`check_calendar_span`,
:func:`check_location`) serve the loader and the output layers too; the ``_validate_*``
functions are the attrs validators the model classes attach to their fields.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from summitcal.span.span import DateSpan

__all__ = [
    "LAST_CALENDAR_DAY",
    "check_alias",
    "check_calendar_span",
    "check_location",
    "is_valid_id",
    "is_web_url",
]

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_COUNTRY_RE = re.compile(r"[A-Z]{2}", re.ASCII)
# Whitespace (Unicode's too) and control characters, which no URL holds as such.
_NOT_IN_URL_RE = re.compile(r"[\s\x00-\x1f\x7f]")
# What a location, one line of text, may not hold: control characters (C0 with TAB and
# line breaks, DEL, C1), lone surrogates, U+FFFE and U+FFFF.
_NOT_IN_LOCATION_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

LAST_CALENDAR_DAY = date(9999, 12, 30)
"""The last day an event may end on: a calendar entry ends at the day after its last day
(iCalendar's exclusive DTEND), and 9999-12-31 has no day after it in Python's dates."""


def is_valid_id(value: str) -> bool:
    """Whether ``value`` is a valid event or series id: lower-case words joined by '-'."""
    return _ID_RE.fullmatch(value) is not None


def is_web_url(value: str) -> bool:
    """Whether ``value`` is an absolute ``http`` or ``https`` URL with a host, and without
    whitespace or control characters.

    Only web pages are cited or linked: ``javascript:``, ``data:`` and every other scheme
    could run code or do something unexpected where a reader clicks the link.  (There is
    no contact field, so ``mailto:`` has no place either.)

    Example::

        >>> is_web_url("https://example.org/a"), is_web_url("javascript:alert(1)")
        (True, False)
    """
    if _NOT_IN_URL_RE.search(value):
        return False
    try:
        parts = urllib.parse.urlsplit(value)
        host = parts.hostname
    except ValueError:  # an unbalanced IPv6 bracket, a port out of range
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


def check_calendar_span(span: DateSpan) -> None:
    """Refuse a span a calendar cannot hold.

    Raises:
        ValueError: If the span ends after :data:`LAST_CALENDAR_DAY`.
    """
    if span.last > LAST_CALENDAR_DAY:
        raise ValueError(
            f"ends on {span.last.isoformat()}; the last day an event may end on is "
            f"{LAST_CALENDAR_DAY.isoformat()}, since a calendar entry ends the day after"
        )


def check_location(value: str) -> None:
    """Refuse a text that cannot be an event's
    :attr:`~summitcal.models.events.Event.location`: it must be one line of text that is
    not empty or white space alone, without control characters (tabs and line breaks
    included), lone surrogates, U+FFFE or U+FFFF.

    Raises:
        ValueError: Saying what is wrong with it ("must not be empty").
    """
    _one_line(value, "a location")


def _one_line(value: str, what: str) -> None:
    if not value.strip():
        raise ValueError("must not be empty")
    bad = _NOT_IN_LOCATION_RE.search(value)
    if bad is not None:
        raise ValueError(
            f"holds {bad.group()!r} (at {bad.start()}): {what} is one line of text, "
            "without control characters"
        )


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def check_alias(value: str, title: str | None = None, earlier: Iterable[str] = ()) -> None:
    """Refuse a text that cannot be one of an event's
    :attr:`~summitcal.models.events.Event.aliases`: one line of text, as a location is
    (see :func:`check_location`), and neither the event's title nor an alias given
    before it (compared without case, accents or repeated spaces), which would say
    nothing.

    Raises:
        ValueError: Saying what is wrong with it.
    """
    _one_line(value, "an alias")
    folded = _folded(value)
    if title is not None and folded == _folded(title):
        raise ValueError(f"{value!r} is the event's title: an alias is another name")
    if any(folded == _folded(e) for e in earlier):
        raise ValueError(f"{value!r} is given twice")


def _validate_aliases(inst: Any, _attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for i, alias in enumerate(value):
        try:
            check_alias(alias, inst.title, value[:i])
        except ValueError as exc:
            raise ValueError(f"aliases[{i}] {exc}") from None


def _validate_location(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    try:
        check_location(value)
    except ValueError as exc:
        raise ValueError(f"{attribute.name} {value!r} {exc}") from None


def _validate_id(_inst: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not is_valid_id(value):
        raise ValueError(
            f"{attribute.name} {value!r} must be lower-case words of a-z and 0-9 joined by '-'"
        )


def _validate_country(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    from summitcal.models.countries import country_name  # the registry loads on first use

    if not _COUNTRY_RE.fullmatch(value):
        raise ValueError(f"{attribute.name} {value!r} is not an ISO 3166-1 alpha-2 code")
    country_name(value)  # raises ValueError for an unassigned code


def _validate_zone(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        from summitcal.span.zones import get_zone

        get_zone(value)


def _non_empty(_inst: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)
