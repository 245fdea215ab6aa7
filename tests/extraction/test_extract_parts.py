"""The parts of a phrase that extraction tags apart come from the grammar's own match:
a range's ends, clock times and their day, an offset's amount, a trailing zone."""

from __future__ import annotations

from datetime import date

import pytest

from summitcal import extract
from summitcal.extraction.extras import clock_time

CASES = [
    ("Talks run Feb. 6-7.", [("Feb. 6", "2025-02-06"), ("7", "2025-02-07")]),
    ("Talks run Feb. 6 & 7.", [("Feb. 6 & 7", "2025-02-06/2025-02-07")]),
    ("They meet in two weeks' time.", [("two weeks", "P2W")]),
    ("It ends five years from now.", [("five years", "P5Y"), ("now", "PRESENT_REF")]),
    (
        "It opened at 20:19 Beijing time on Monday.",
        [("20:19", "2025-02-03T20:19"), ("Monday", "2025-02-03")],
    ),
    (
        "Talks resume on Monday at 14:30 hrs.",
        [("Monday", "2025-02-10"), ("14:30", "2025-02-10T14:30")],
    ),
    (
        "Talks resume on Monday at 9 a.m., local time.",
        [("Monday", "2025-02-10"), ("9 a.m.", "2025-02-10T09:00")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parts(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, m.timex) for m in extract(text, reference=date(2025, 2, 9))]
    assert found == expected


def test_one_clock_reading() -> None:
    """One reading of a clock for the grammar and extraction; an hour past 12 with "am"
    or "pm" stands as written."""
    times = {
        "13 am": "13:00:00",
        "12 am": "00:00:00",
        "12 pm": "12:00:00",
        "9 p.m.": "21:00:00",
        "noon": "12:00:00",
        "14:30": "14:30:00",
        "12:30 a.m.": "00:30:00",
    }
    assert {t: str(clock_time(t)) for t in times} == times
