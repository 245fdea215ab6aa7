"""`summitcal next` / `upcoming` and `recent`, and the relative words they print."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from summitcal.cli import main
from summitcal.cli._common import EMPTY_SELECTION
from summitcal.span.span import DateSpan
from summitcal.span.words import relative_days, relative_to
from tests.catalog.test_catalog import CHILD_EVENT, GOOD_EVENT, write

LATER = """
[[event]]
id = "demo-summit-2032"
kind = "summit"
title = "Demo Summit 2032"
when = "2032"
status = "announced"
series = ["demo"]

[[event.sources]]
url = "https://example.org/2032"
"""


@pytest.fixture
def seeds(tmp_path: Path) -> str:
    return str(write(tmp_path, GOOD_EVENT, CHILD_EVENT, LATER))


def run(capsys: pytest.CaptureFixture[str], *argv: str, now: datetime | None = None) -> list[str]:
    assert main(list(argv), now=now) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (2, "in 2 days"),
        (-2, "2 days ago"),
        (13, "in 13 days"),
        (14, "in 2 weeks"),
        (21, "in 3 weeks"),
        (-59, "8 weeks ago"),
        (60, "in 2 months"),
        (-200, "7 months ago"),
        (334, "in 11 months"),
        (365, "in 1 year"),
        (800, "in 2 years"),
    ],
)
def test_relative_days(days: int, words: str) -> None:
    assert relative_days(days) == words


def test_relative_to_counts_to_the_start_and_from_the_end() -> None:
    span = DateSpan.days(date(2025, 2, 10), date(2025, 2, 11))
    assert relative_to(span, date(2025, 1, 20)) == "in 3 weeks"
    assert relative_to(span, date(2025, 2, 10)) == "under way"
    assert relative_to(span, date(2025, 2, 13)) == "2 days ago"
    assert relative_to(DateSpan.days(date(2025, 2, 10), date(2025, 2, 10)), date(2025, 2, 10)) == (
        "today"
    )


def test_a_coarse_span_is_due_not_under_way() -> None:
    assert relative_to(DateSpan.from_timex("2027-H1"), date(2027, 3, 1)) == "due this half-year"
    assert relative_to(DateSpan.from_timex("2027-05"), date(2027, 5, 9)) == "due this month"


def test_next_lists_what_is_ahead_with_how_far(
    capsys: pytest.CaptureFixture[str], seeds: str
) -> None:
    lines = run(capsys, "next", "--seeds", seeds, "--as-of", "2031-02-11")
    assert [line.split("  ")[0] for line in lines] == ["in 3 weeks", "in 3 weeks", "in 11 months"]
    assert "demo-summit-2031" in lines[0]
    assert "Demo Summit 2032 [announced]" in lines[2]


def test_upcoming_is_next(capsys: pytest.CaptureFixture[str], seeds: str) -> None:
    argv = ("--seeds", seeds, "--as-of", "2031-03-05", "-n", "2")
    assert run(capsys, "upcoming", *argv) == run(capsys, "next", *argv)


def test_next_counts_from_today_without_as_of(
    capsys: pytest.CaptureFixture[str], seeds: str
) -> None:
    """The day is main()'s clock, read once and passed down."""
    lines = run(capsys, "next", "--seeds", seeds, now=datetime(2031, 3, 3, 23, 0, tzinfo=UTC))
    assert lines[0].split()[:3] == ["tomorrow", "2031-03-04/05", "demo-summit-2031"]


def test_next_with_n_filters_and_words(capsys: pytest.CaptureFixture[str], seeds: str) -> None:
    lines = run(capsys, "next", "--seeds", seeds, "--as-of", "2031-03-05", "-n", "1")
    assert len(lines) == 1
    assert lines[0].startswith("under way  2031-03-04/05  demo-summit-2031")
    lines = run(capsys, "next", "--seeds", seeds, "--as-of", "2031-01-01", "--kind", "side-event")
    assert [line.split()[4] for line in lines] == ["demo-side-event"]  # "in 2 months" ...
    lines = run(capsys, "next", "--seeds", seeds, "--as-of", "2031-01-01", "--q", "2032")
    assert len(lines) == 1
    assert "demo-summit-2032" in lines[0]


def test_recent_lists_the_latest_ended_first(
    capsys: pytest.CaptureFixture[str], seeds: str
) -> None:
    lines = run(capsys, "recent", "--seeds", seeds, "--as-of", "2031-03-07")
    assert [line.split("  ")[0] for line in lines] == ["2 days ago", "2 days ago"]
    # Both end on 5 March; on a tie the earlier start (the summit) comes later.
    assert [line.split()[4] for line in lines] == ["demo-side-event", "demo-summit-2031"]


def test_nothing_ahead_is_an_empty_selection(
    capsys: pytest.CaptureFixture[str], seeds: str
) -> None:
    code = main(["next", "--seeds", seeds, "--as-of", "2033-01-01"])
    out, err = capsys.readouterr()
    assert (code, out) == (EMPTY_SELECTION, "")
    assert "no events match" in err


@pytest.mark.parametrize("value", ["0", "-3", "x"])
def test_a_count_below_one_is_a_usage_error(capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["next", "-n", value])
    assert info.value.code == 2
    assert "-n" in capsys.readouterr().err
