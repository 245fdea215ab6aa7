"""Reading iCalendar feeds back into events: ours exactly, foreign ones as far as they map.

A VEVENT written by summitcal carries the event as JSON (``X-SUMMITCAL-EVENT``), so reading
it gives back the very event written.  Any other VEVENT is mapped field by field:

* id: the UID's local part when the UID is ``<id>@summitcal``; otherwise a slug of the UID
  with a short hash of it (stable, and distinct for distinct UIDs).
* title from SUMMARY, exactly as written (white space too; a SUMMARY that is only white
  space is no title, and the event is skipped); dates from DTSTART and DTEND (exclusive
  for dates) or DURATION; description from DESCRIPTION; url from URL.
* status: CONFIRMED, TENTATIVE and CANCELLED map to ours; no STATUS reads as
  ``tentative`` (reported as planned, not officially fixed), which is written back as
  STATUS:TENTATIVE with the title as it was ("unconfirmed" would add a word to it).
* kind: the first CATEGORIES value that is an event kind, else ``meeting``; the other
  categories become tags.
* the source is the event's URL, else the ``source_url`` given to :func:`read_calendar`.
* place: a LOCATION whose last part is a country's English name ("Grand Palais, Paris,
  France") becomes a place (venue, city, country; GEO gives its coordinates, the event's
  zone its zone) when writing that place back gives the same LOCATION.  Any other
  LOCATION ("Room 4", "Online", "Paris,France"), in any zone or none, is the event's own
  ``location``, exactly as written, and no place is made up for it; one that is not a
  line of text (a line break in it) is kept in the description ("Location: ..."), and
  said.
* zones: a time in UTC, or with a TZID that is an IANA key, keeps its zone; a Windows
  name ("W. Europe Standard Time") becomes its IANA zone; another zone that the feed
  defines (VTIMEZONE) becomes UTC, and is said.  A time without a zone (floating), or
  with a TZID that is neither an IANA key nor defined in the feed, keeps its clock time
  without a zone, and is said: a calendar written from it holds the whole day.
* recurrences (RRULE, RDATE, EXDATE, moved occurrences with RECURRENCE-ID) are expanded
  with the ``recurring-ical-events`` library into one event per occurrence, with the id
  ``<id of the UID>-<YYYYMMDD>`` (``...-<YYYYMMDD>t<HHMM>`` for timed ones), up to the
  ``horizon`` given and at most :data:`MAX_OCCURRENCES` per series.  Each series is
  listed in :attr:`ReadResult.recurrences` with what was left out; a rule that repeats
  without end is not read without a horizon (and says so in ``skipped``), never cut
  down to its first occurrence.  What a series holds that is not read, or not kept as
  written (a LOCATION in the description), is said once for the series.

The mapping of foreign events is in :mod:`summitcal.ical.foreign`.  Whatever cannot be
mapped is listed in :attr:`ReadResult.skipped`: whole components
(VTODO, events without UID, SUMMARY, DTSTART or a source), parts of an event (VALARM),
single properties (ATTENDEE, ORGANIZER...), and what was read but not as written (a
zone, a LOCATION).
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import attrs
import recurring_ical_events  # type: ignore[import-untyped]  # the package ships no types
from icalendar import Calendar, Component

from summitcal.errors import FeedError
from summitcal.ical.foreign import (
    _RECURRENCE,
    _UID_SUFFIX,
    Skipped,
    _foreign_event,
    _properties,
    _report_unread,
    _Skip,
    _text,
    uid_to_id,
)
from summitcal.ical.text import unescape_text
from summitcal.models.events import (
    Event,
)
from summitcal.models.revision import Revision, content_digest
from summitcal.models.serialize import event_from_dict

__all__ = ["MAX_OCCURRENCES", "ReadResult", "Recurrence", "Skipped", "read_calendar"]

#: The most occurrences read from one recurring series (a daily rule over decades would
#: otherwise flood the catalogue); the rest are counted in :attr:`Recurrence.left_out`.
MAX_OCCURRENCES = 500
# How far past what was read the left-out occurrences of a rule are counted.
_COUNT_LIMIT = 10_000


@attrs.frozen
class Recurrence:
    """A recurring series of a feed and the events its occurrences became.

    Attributes:
        uid: The series' UID.
        rule: Its RRULE as written, or ``"RDATE"`` for a list of dates alone.
        ids: The ids of the occurrences read, in date order.
        left_out: How many occurrences were not read: after the horizon, or past
            :data:`MAX_OCCURRENCES`; ``None`` when there are more than can be counted
            (the rule repeats without end, or ten thousand more).
    """

    uid: str
    rule: str
    ids: tuple[str, ...]
    left_out: int | None = 0

    def __str__(self) -> str:
        more = {0: "", None: ", more left out"}.get(
            self.left_out, f", {self.left_out} more left out"
        )
        read = f"{len(self.ids)} occurrence{'' if len(self.ids) == 1 else 's'} read"
        return f"VEVENT {self.uid}: {self.rule}: {read}{more}"


@attrs.frozen
class ReadResult:
    """What :func:`read_calendar` found.

    Attributes:
        events: The events read, in date order.
        revisions: SEQUENCE and LAST-MODIFIED (else DTSTAMP) of each event, by id.
        skipped: Components, parts and properties not read, and why.
        name: The calendar's name (NAME or X-WR-CALNAME), if it has one.
        recurrences: Each recurring series expanded, with its occurrences' ids.
    """

    events: tuple[Event, ...]
    revisions: Mapping[str, Revision]
    skipped: tuple[Skipped, ...]
    name: str | None = None
    recurrences: tuple[Recurrence, ...] = ()


def _load(source: bytes | str | os.PathLike[str]) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str) and source.lstrip().startswith("BEGIN:"):
        return source.encode("utf-8"), "<text>"
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise FeedError(str(path), f"cannot read: {exc.strerror or exc}") from None


def read_calendar(
    source: bytes | str | os.PathLike[str],
    *,
    source_url: str | None = None,
    horizon: date | None = None,
) -> ReadResult:
    """Read a feed: summitcal's own exactly, foreign ones as far as they map.

    Args:
        source: The feed's bytes, its text (a string starting with ``BEGIN:``), or a path.
        source_url: An http(s) URL to cite as the source of foreign events that have no
            URL of their own (events need a source); without it such events are skipped.
        horizon: The last day a recurring event's occurrences are read up to (none
            starting after it).  Without one, rules with a COUNT or an UNTIL are read
            whole and rules without end are skipped (see :attr:`ReadResult.skipped`).

    Returns:
        A :class:`ReadResult`; every VEVENT is either in ``events`` or in ``skipped``.

    Raises:
        FeedError: If the source cannot be read or is not iCalendar data.

    Example::

        >>> result = read_calendar(to_ical(events, name="Summits"))
        >>> result.events == tuple(sorted(events, key=lambda e: e.sort_key))
        True
    """
    data, label = _load(source)
    found = _Found()
    for cal in _calendars(data, label):
        if found.name is None:
            raw_name = cal.get("NAME") or cal.get("X-WR-CALNAME")
            found.name = str(raw_name) if raw_name is not None else None
        _read_components(cal, found, horizon, source_url)
    return found.result()


def _calendars(data: bytes, label: str) -> list[Calendar]:
    """The VCALENDARs in ``data``; a :class:`FeedError` if it is not iCalendar data or
    holds none."""
    try:
        parsed = Calendar.from_ical(data, multiple=True)
    except ValueError as exc:
        raise FeedError(label, f"not iCalendar data: {exc}") from None
    calendars = [c for c in parsed if c.name == "VCALENDAR"]
    if not calendars:
        raise FeedError(label, "no VCALENDAR in it")
    return calendars


@attrs.define
class _Found:
    """What :func:`read_calendar` has gathered so far, across a feed's calendars."""

    events: dict[str, Event] = attrs.Factory(dict)
    revisions: dict[str, Revision] = attrs.Factory(dict)
    skipped: list[Skipped] = attrs.Factory(list)
    recurrences: list[Recurrence] = attrs.Factory(list)
    name: str | None = None

    def add(self, comp: Component, where: str, event: Event) -> None:
        """Keep ``event`` with its revision, unless it cannot be digested or its UID was
        read before: then say why in :attr:`skipped`."""
        try:
            revision = _revision(comp, event)
        except _Skip as exc:
            self.skipped.append(Skipped(where, "VEVENT", str(exc)))
            return
        if event.id in self.events:
            self.skipped.append(Skipped(where, "VEVENT", "a second event with the same UID"))
            return
        self.events[event.id] = event
        self.revisions[event.id] = revision

    def result(self) -> ReadResult:
        """The :class:`ReadResult`: events in date order, revisions by id."""
        ordered = tuple(sorted(self.events.values(), key=lambda e: e.sort_key))
        return ReadResult(
            events=ordered,
            revisions={k: self.revisions[k] for k in sorted(self.revisions)},
            skipped=tuple(self.skipped),
            name=self.name,
            recurrences=tuple(self.recurrences),
        )


def _read_components(
    cal: Calendar, found: _Found, horizon: date | None, source_url: str | None
) -> None:
    """Read the VEVENTs of one VCALENDAR into ``found``: single events first, then each
    recurring series expanded; every other component is skipped."""
    skipped = found.skipped
    series: dict[str, list[Component]] = {}
    for comp in cal.subcomponents:
        if comp.name == "VTIMEZONE":
            continue
        if comp.name != "VEVENT":
            kind = comp.name or "component"
            skipped.append(Skipped(kind, kind, "only VEVENTs are read"))
            continue
        where = f"VEVENT {comp.get('UID', '(no UID)')}"
        uid = _text(comp, "UID")
        if uid is not None and _RECURRENCE & set(_properties(comp)):
            series.setdefault(uid, []).append(comp)
            continue
        try:
            event = _read_vevent(comp, where, source_url, skipped)
        except _Skip as exc:
            skipped.append(Skipped(where, "VEVENT", str(exc)))
            continue
        found.add(comp, where, event)
    for uid, comps in series.items():
        expanded = _expand(uid, comps, horizon, source_url, skipped)
        if expanded is None:
            continue
        recurrence, occurrences = expanded
        found.recurrences.append(recurrence)
        for where, comp, event in occurrences:
            found.add(comp, where, event)


def _revision(comp: Component, event: Event) -> Revision:
    """SEQUENCE and LAST-MODIFIED (else DTSTAMP, else the event's first day) of ``comp``.

    Raises:
        _Skip: If the event's text cannot be digested (a lone surrogate, which only an
            escape in the embedded JSON can bring).
    """
    sequence = comp.get("SEQUENCE")
    try:
        digest = content_digest(event)
    except UnicodeEncodeError:
        raise _Skip("its text holds a lone surrogate, which UTF-8 cannot carry") from None
    return Revision(
        id=event.id,
        sequence=int(sequence) if sequence is not None else 0,
        digest=digest,
        modified=_modified(comp, event),
    )


def _modified(comp: Component, event: Event) -> datetime:
    stamp = comp.get("LAST-MODIFIED") or comp.get("DTSTAMP")
    value = stamp.dt if stamp is not None else None
    if isinstance(value, datetime):
        try:
            return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
        except OverflowError:  # late on 9999-12-31 west of UTC: no UTC instant exists
            pass
    return datetime.combine(event.when.first, time(0), tzinfo=UTC)


def _read_vevent(
    comp: Component, where: str, source_url: str | None, skipped: list[Skipped]
) -> Event:
    own = comp.get("X-SUMMITCAL-EVENT")
    uid = _text(comp, "UID")
    if own is not None and uid is not None and uid.endswith(_UID_SUFFIX):
        try:
            data = json.loads(unescape_text(str(own)))
            return event_from_dict({**data, "id": uid[: -len(_UID_SUFFIX)]})
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            skipped.append(
                Skipped(where, "X-SUMMITCAL-EVENT", f"unreadable ({exc}); read as foreign")
            )
    return _foreign_event(comp, where, source_url, skipped)


# --- recurring events --------------------------------------------------------------------


def _occurrence_id(uid: str, comp: Component) -> str:
    """``<id of the UID>-<YYYYMMDD>`` (``t<HHMM>`` added when timed), from RECURRENCE-ID,
    which stays put when an occurrence is moved."""
    prop: Any = comp.get("RECURRENCE-ID") or comp["DTSTART"]
    moment = prop.dt
    stamp = moment.strftime("%Y%m%dt%H%M" if isinstance(moment, datetime) else "%Y%m%d")
    return f"{uid_to_id(uid)}-{stamp}"


def _rule_text(comps: list[Component]) -> tuple[str, bool]:
    """The series' RRULE as written (``"RDATE"`` without one), and whether it ends."""
    for comp in comps:
        rule = comp.get("RRULE")
        if rule is not None:
            rules = rule if isinstance(rule, list) else [rule]
            endless = any("COUNT" not in r and "UNTIL" not in r for r in rules)
            return ";".join(r.to_ical().decode("utf-8") for r in rules), not endless
    return "RDATE", True


def _expand(
    uid: str,
    comps: list[Component],
    horizon: date | None,
    source_url: str | None,
    skipped: list[Skipped],
) -> tuple[Recurrence, list[tuple[str, Component, Event]]] | None:
    """The occurrences of one series as events, or ``None`` when it cannot be read (the
    reason is added to ``skipped``)."""
    where = f"VEVENT {uid}"
    rule, ends = _rule_text(comps)
    if not ends and horizon is None:
        skipped.append(
            Skipped(where, "RRULE", f"{rule} repeats without end: give a horizon to read it")
        )
        return None
    for comp in comps:
        _report_unread(comp, where, skipped)
    calendar = Calendar()
    for comp in comps:
        calendar.add_component(comp)
    occurrences: list[tuple[str, Component, Event]] = []
    left_out: int | None = 0
    said: set[tuple[str, str]] = set()  # what was read not as written, said once a series
    try:
        for occurrence in recurring_ical_events.of(calendar).all():
            start = occurrence["DTSTART"].dt
            day = start.date() if isinstance(start, datetime) else start
            if (horizon is not None and day > horizon) or len(occurrences) == MAX_OCCURRENCES:
                left_out = None if not ends else _count_rest(calendar, len(occurrences))
                break
            event_id = _occurrence_id(uid, occurrence)
            here = f"{where} {event_id[-13:].lstrip('-')}"
            notes: list[Skipped] = []
            try:
                event = _foreign_event(
                    occurrence, here, source_url, notes, event_id=event_id, report=False
                )
            except _Skip as exc:
                skipped.append(Skipped(here, "VEVENT", str(exc)))
                continue
            finally:
                for note in notes:
                    if (note.what, note.reason) not in said:
                        said.add((note.what, note.reason))
                        skipped.append(Skipped(where, note.what, note.reason))
            occurrences.append((here, occurrence, event))
    except Exception as exc:  # a rule the library cannot follow: say so, read nothing of it
        skipped.append(Skipped(where, "RRULE", f"cannot expand ({type(exc).__name__}: {exc})"))
        return None
    ids = tuple(e.id for _, _, e in occurrences)
    return Recurrence(uid=uid, rule=rule, ids=ids, left_out=left_out), occurrences


def _count_rest(calendar: Calendar, read: int) -> int | None:
    """How many occurrences of a series that ends come after the first ``read``, or
    ``None`` past :data:`_COUNT_LIMIT` (a daily rule up to 9999 has millions)."""
    every = recurring_ical_events.of(calendar).all()
    total = sum(1 for _ in itertools.islice(every, read + _COUNT_LIMIT + 1))
    return total - read if total <= read + _COUNT_LIMIT else None
