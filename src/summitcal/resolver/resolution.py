"""What the resolver returns: :class:`Resolution`, its :class:`Duration` and
:class:`TimexType`, the :class:`NoSpanError` of a phrase that lies nowhere, and the
:class:`PhraseMatch` that :func:`~summitcal.resolver.scan` finds in running text."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from summitcal.errors import PhraseError
from summitcal.resolver.anchor import duration_value
from summitcal.resolver.anchor_base import amount_delta
from summitcal.resolver.explain import Why, words
from summitcal.resolver.phrase import Direction, Phrase
from summitcal.span.span import DateSpan, Mod
from summitcal.span.timex import TimexType

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = ["Duration", "NoSpanError", "PhraseMatch", "Resolution", "TimexType"]


_TIMEX_TYPES = {t.value: t for t in TimexType}


class NoSpanError(PhraseError):
    """Raised by :attr:`Resolution.span` for a duration or a set, which lie nowhere."""


@attrs.frozen
class Duration:
    """An amount of time ("for three days"): a count of calendar units.

    Attributes:
        unit: ``minute``, ``hour``, ``day``, ``week``, ``month``, ``quarter`` or ``year``.
        count: How many.
    """

    unit: str
    count: int

    @property
    def timex(self) -> str:
        """The ISO 8601 / TIMEX3 duration value (``P3D``, ``P2W``, ``P10Y``, ``PT48H``)."""
        return duration_value(self.unit, self.count)

    def as_relativedelta(self) -> relativedelta:
        """The duration as a ``dateutil`` relativedelta, to add to dates."""
        return amount_delta(self.unit, self.count)


@attrs.frozen(kw_only=True, repr=False)
class Resolution:
    """A resolved phrase.

    Attributes:
        text: The phrase as given.
        timex: The TIMEX3 value (``2025-02-09/2025-02-12``, ``2024-05``, ``P3D``).
        type: The TIMEX3 type: DATE, TIME, DURATION or SET.
        mod: The TIMEX3 mod (START, MID, END...), if one applies.
        zone: The IANA zone a zone word named, if any (it never moves the dates).
        explanation: The rule and the anchor used, in a few words.
        direction: The direction used (PAST, FUTURE or NEAREST).
        rule: The grammar rule that matched.
        duration: For a DURATION, the amount; ``None`` otherwise.
        interval: For a counted range ("the past two days", "the next three weeks"), a
            DURATION, the days it covers anchored on the reference: the N units ending on
            it, or starting on it; ``None`` otherwise (and for units under a day, since
            the reference has no clock).
    """

    text: str
    timex: str
    type: TimexType
    mod: Mod | None
    zone: str | None
    # The explanation, in parts until it is first read (most callers never read it; see
    # summitcal.resolver.explain); compared in words.
    _why: Why = attrs.field(alias="explanation", eq=words)
    direction: Direction
    rule: str
    duration: Duration | None = None
    resolved_span: DateSpan | None = attrs.field(default=None, repr=False)
    interval: DateSpan | None = attrs.field(default=None, repr=False)

    @functools.cached_property
    def explanation(self) -> str:
        """The rule and the anchor used, in a few words."""
        why = self._why
        return why if isinstance(why, str) else words(why)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _SHOWN)
        return f"Resolution({shown})"

    @property
    def span(self) -> DateSpan:
        """The span of days (and times).

        Raises:
            NoSpanError: For a DURATION or a SET, which have no position in time.
        """
        if self.resolved_span is None:
            raise NoSpanError(
                self.text, f"{self.timex} ({self.type}) has no span; see .timex/.duration", 0
            )
        return self.resolved_span

    @property
    def value(self) -> str:
        """Alias of :attr:`timex`."""
        return self.timex


_SHOWN = ("text", "timex", "type", "mod", "zone", "explanation", "direction", "rule", "duration")


@attrs.frozen
class PhraseMatch:
    """A date phrase found in running text by :func:`scan`.

    Attributes:
        start: Where the phrase starts in the text (a leading "on"/"in" left out).
        end: Where it ends.
        text: The phrase as written.
        rule: The grammar rule that matched.
        phrase: The parsed, unresolved meaning; resolve it with :func:`resolve`.
    """

    start: int
    end: int
    text: str
    rule: str
    phrase: Phrase
