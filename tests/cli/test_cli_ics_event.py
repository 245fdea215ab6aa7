"""`summitcal ics --event ID [--with-parts]`: one event for a calendar."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from summitcal.cli import main
from tests.catalog.test_catalog import CHILD_EVENT, GOOD_EVENT, write

COARSE = """
[[event]]
id = "demo-summit-2033"
kind = "summit"
title = "Demo Summit 2033"
aliases = ["The third demo"]
when = "2033"
status = "announced"

[[event.sources]]
url = "https://example.org/2033"
"""


@pytest.fixture
def seeds(tmp_path: Path) -> str:
    return str(write(tmp_path, GOOD_EVENT, CHILD_EVENT, COARSE))


def _calendar(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> Calendar:
    assert main(list(argv)) == 0
    return Calendar.from_ical(capsysbinary.readouterr().out)


def _uids(cal: Calendar) -> list[str]:
    return [str(c["UID"]) for c in cal.walk("VEVENT")]


def test_one_event_alone(capsysbinary: pytest.CaptureFixture[bytes], seeds: str) -> None:
    cal = _calendar(capsysbinary, "ics", "--seeds", seeds, "--event", "demo-summit-2031")
    assert _uids(cal) == ["demo-summit-2031@summitcal"]
    assert str(cal["X-WR-CALNAME"]) == "Demo Summit"


def test_with_its_parts(capsysbinary: pytest.CaptureFixture[bytes], seeds: str) -> None:
    cal = _calendar(
        capsysbinary, "ics", "--seeds", seeds, "--event", "demo-summit-2031", "--with-parts"
    )
    assert _uids(cal) == ["demo-summit-2031@summitcal", "demo-side-event@summitcal"]


def test_a_coarse_event_asked_for_is_written(
    capsysbinary: pytest.CaptureFixture[bytes], seeds: str
) -> None:
    """Feeds leave out events known only to the year; one asked for by name is written,
    as a tentative span that says so."""
    cal = _calendar(capsysbinary, "ics", "--seeds", seeds, "--event", "the third DEMO")
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["UID"]) == "demo-summit-2033@summitcal"
    assert str(vevent["STATUS"]) == "TENTATIVE"


def test_out_replaces_only_its_own_file(
    capsys: pytest.CaptureFixture[str], seeds: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out_dir = tmp_path_factory.mktemp("out")  # not the catalogue's folder: never written into
    target = out_dir / "one.ics"
    argv = ["ics", "--seeds", seeds, "--event", "demo-summit-2031", "--out", str(target)]
    assert main(argv) == 0
    assert main(argv) == 0  # summitcal wrote it: replaced
    foreign = out_dir / "mine.ics"
    foreign.write_text("my notes", "utf-8")
    assert main([*argv[:-1], str(foreign)]) == 1
    assert foreign.read_text("utf-8") == "my notes"
    assert "not written by summitcal" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--event", "demo-summit-2030"], "nearest: demo-summit-203"),
        (["--event", "demo-summit-2031", "--year", "2031"], "--event alone"),
        (["--event", "demo-summit-2031", "--feed", "all"], "--event alone"),
        (["--with-parts"], "goes with --event"),
    ],
)
def test_refusals_are_one_line(
    capsys: pytest.CaptureFixture[str], seeds: str, extra: list[str], message: str
) -> None:
    assert main(["ics", "--seeds", seeds, *extra]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert message in err
