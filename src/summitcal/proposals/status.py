"""An event's status from the article's tense and wording.

The direction is the resolver's own reading of the date's sentence
(:func:`summitcal.resolver.tense.read_direction`): a past cue makes a reported event
(``confirmed``: the article says it took place), a future or present one a planned event,
``scheduled`` when the article gives its day and ``announced`` when it gives only a
coarser date; a planned event in the words of a plan or a guess ("expected", "could",
"plans to") is ``tentative``.  The dates come first: days over before the publication
date are reported, days all after it planned, whatever the tense of another clause.

Example::

    >>> from datetime import date
    >>> from summitcal.span.span import DateSpan
    >>> text = "The forum will open on Monday."
    >>> read_status(text, 23, 29, DateSpan.from_timex("2025-02-10"), date(2025, 2, 9))[0]
    <Status.SCHEDULED: 'scheduled'>
"""

from __future__ import annotations

from datetime import date

from summitcal.models.kinds import Status
from summitcal.proposals.triggers import tentative_cue
from summitcal.resolver.phrase import Direction
from summitcal.resolver.tense import read_direction
from summitcal.span.span import DateSpan, Granularity

__all__ = ["read_status"]

_DAY_OR_FINER = (Granularity.DAY, Granularity.PART_OF_DAY, Granularity.TIME)


def read_status(
    sentence: str, start: int, end: int, span: DateSpan, reference: date
) -> tuple[Status, str]:
    """The status of the event dated by ``sentence[start:end]`` (resolved to ``span``,
    published on ``reference``), and why, in words."""
    direction, cue = read_direction(sentence, start, end)
    because = f"'{cue.words}'" if cue is not None else "no tense cue"
    if span.last < reference or (direction is Direction.PAST and span.first <= reference):
        reason = "past" if direction is Direction.PAST else "over before publication"
        return Status.CONFIRMED, f"reported as held ({reason}: {because})"
    tentative = tentative_cue(sentence)
    if tentative is not None:
        return Status.TENTATIVE, f"planned, in the words of a plan ('{tentative}')"
    if span.granularity in _DAY_OR_FINER:
        return Status.SCHEDULED, f"planned, on given days ({because})"
    return Status.ANNOUNCED, f"planned, dated only to the {span.granularity.value} ({because})"
