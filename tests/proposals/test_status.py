"""Status from the tense and the dates."""

from __future__ import annotations

from datetime import date

import pytest

from summitcal.models.kinds import Status
from summitcal.proposals.status import read_status
from summitcal.span.span import DateSpan

PUBLISHED = date(2031, 3, 12)


@pytest.mark.parametrize(
    ("sentence", "phrase", "timex", "status"),
    [
        ("The board met on Monday in Lima.", "Monday", "2031-03-10", Status.CONFIRMED),
        ("The board will meet on Friday in Lima.", "Friday", "2031-03-14", Status.SCHEDULED),
        ("The board will meet in June in Lima.", "June", "2031-06", Status.ANNOUNCED),
        ("A meeting might follow on Friday.", "Friday", "2031-03-14", Status.TENTATIVE),
        # The days decide before the tense of another clause.
        ("Officials said the forum opens on Friday.", "Friday", "2031-03-14", Status.SCHEDULED),
        ("The forum of last Monday is over.", "last Monday", "2031-03-10", Status.CONFIRMED),
    ],
)
def test_status(sentence: str, phrase: str, timex: str, status: Status) -> None:
    start = sentence.index(phrase)
    found, why = read_status(
        sentence, start, start + len(phrase), DateSpan.from_timex(timex), PUBLISHED
    )
    assert found is status
    assert why
