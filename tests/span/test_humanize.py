"""Dates in words: the table form, the prose form, and the note a feed adds."""

from __future__ import annotations

import pytest

from summitcal.span.span import DateSpan, Mod
from summitcal.span.words import compact_dates, dates_note, human_dates


@pytest.mark.parametrize(
    ("timex", "words"),
    [
        ("2025-02-10/2025-02-11", "10–11 Feb 2025"),
        ("2025-01-30/2025-02-02", "30 Jan – 2 Feb 2025"),
        ("2024-12-30/2025-01-02", "30 Dec 2024 – 2 Jan 2025"),
        ("2026-07", "July 2026"),
        ("2026-SU", "summer 2026"),
        ("2026-Q3", "Q3 2026"),
        ("2026-H2", "second half of 2026"),
        ("2027", "2027"),
        ("2025-02-10T20:00/2025-02-10T23:00", "10 Feb 2025, 20:00–23:00"),
        ("2025-W07", "10–16 Feb 2025"),
        ("2025-W07-WE", "15–16 Feb 2025"),
        ("2025-02-10TEV", "10 Feb 2025 (evening)"),
        ("199", "the 1990s"),
        ("20", "the 21st century"),
        ("21", "the 22nd century"),
        ("11", "the 12th century"),
    ],
)
def test_human_dates(timex: str, words: str) -> None:
    assert human_dates(DateSpan.from_timex(timex)) == words


def test_human_dates_with_a_narrowing_mod() -> None:
    assert human_dates(DateSpan.from_timex("2025-05", mod=Mod.START)) == "early May 2025"
    assert human_dates(DateSpan.from_timex("2025", mod=Mod.MID)) == "mid-2025"
    assert human_dates(DateSpan.from_timex("199", mod=Mod.START)) == "the early 1990s"
    assert human_dates(DateSpan.from_timex("199", mod=Mod.MID)) == "the mid-1990s"


def test_a_narrowed_week_names_its_days_once() -> None:
    """The days of "early in week 7" are already the narrowed ones: no second "early"."""
    span = DateSpan.from_timex("2025-W07", mod=Mod.START)
    words = human_dates(span)
    assert not words.startswith("early")
    assert words.endswith("Feb 2025")
    assert str(span.first.day) in words


def test_a_qualifying_mod_is_said() -> None:
    assert human_dates(DateSpan.from_timex("2025-03", mod=Mod.APPROX)) == "about March 2025"
    assert human_dates(DateSpan.from_timex("2025-03-04", mod=Mod.BEFORE)) == "before 4 Mar 2025"


@pytest.mark.parametrize(
    ("timex", "mod", "text"),
    [
        ("2025-02-10", None, "2025-02-10"),
        ("2025-02-10/2025-02-11", None, "2025-02-10/11"),
        ("2025-01-30/2025-02-02", None, "2025-01-30/2025-02-02"),
        ("2025-02-10T20:00/2025-02-10T23:00", None, "2025-02-10 20:00-23:00"),
        ("2025-02-10T20:00", None, "2025-02-10 20:00"),
        ("2025-02-10TEV", None, "2025-02-10 evening"),
        ("2025-W07", None, "2025-W07"),
        ("2025-05", Mod.START, "2025-05 (start)"),
        ("2026-SU", None, "2026-SU"),
    ],
)
def test_compact_dates(timex: str, mod: Mod | None, text: str) -> None:
    assert compact_dates(DateSpan.from_timex(timex, mod=mod)) == text


def test_dates_note_says_what_the_calendar_cannot() -> None:
    assert dates_note(DateSpan.from_timex("2025-02-10/2025-02-11")) is None
    coarse = dates_note(DateSpan.from_timex("2026-07"))
    assert coarse is not None
    assert "2026-07 (month)" in coarse
    assert "2026-07-01 to 2026-07-31" in coarse
    week = dates_note(DateSpan.from_timex("2025-W07"))
    assert week is not None
    assert "week (2025-W07)" in week
    part = dates_note(DateSpan.from_timex("2025-02-10TEV"))
    assert part == "Time: evening (local time)."
    floating = dates_note(DateSpan.from_timex("2025-02-10T20:00"))
    assert floating is not None
    assert "zone unknown" in floating
