"""`summitcal import FILE.ics`: foreign events as candidate catalogue records."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest

from summitcal import load_catalog
from summitcal.cli import main
from summitcal.cli._common import EMPTY_SELECTION
from summitcal.ical.read import read_calendar
from tests.test_ical_read_foreign import ENDLESS, MOVED, PLACED, SOURCE, WEEKLY, feed

TALK = """UID:talk@example.org
SUMMARY:Talk "AI & \\\\ law"
DTSTART:20250305T140000Z
DURATION:PT90M
ATTENDEE:mailto:someone@example.org"""


@pytest.fixture
def ics(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "meetings.ics"
    path.parent.mkdir()
    path.write_bytes(feed(WEEKLY, MOVED, PLACED, TALK).encode("utf-8"))
    return path


def _import(
    capsys: pytest.CaptureFixture[str], *argv: str, now: datetime | None = None
) -> tuple[int, str, str]:
    code = main(["import", *argv], now=now)
    out, err = capsys.readouterr()
    return code, out, err


def test_records_load_as_the_events_read(
    capsys: pytest.CaptureFixture[str], ics: Path, tmp_path: Path
) -> None:
    """The records are valid seeds: loaded, they give the events read, titles untouched."""
    code, out, _ = _import(capsys, str(ics), "--source-url", SOURCE, "--horizon", "2025-12-31")
    assert code == 0
    records = tmp_path / "candidates.toml"
    records.write_text(out, "utf-8")
    loaded = {e.id: e for e in load_catalog(records)}
    read = read_calendar(ics, source_url=SOURCE).events
    assert set(loaded) == {e.id for e in read}
    for event in read:
        mine = loaded[event.id]
        when = event.when
        if when.zone == "UTC":  # the one zone the format cannot keep (said on stderr)
            when = attrs.evolve(when, zone=None)
        assert (mine.title, mine.when, mine.status) == (event.title, when, event.status)
        if event.place is not None:
            assert mine.place == event.place
    assert 'title = "Talk \\"AI & \\\\ law\\""' in out  # quote and backslash escaped


def test_a_zone_without_place_gets_its_country_said(
    capsys: pytest.CaptureFixture[str], ics: Path
) -> None:
    _, out, err = _import(capsys, str(ics), "--source-url", SOURCE)
    assert "# country FR inferred from the time zone Europe/Paris: check it" in out
    assert "zone UTC has no country" in err  # the talk's UTC times cannot keep their zone


def test_what_is_not_read_is_said(capsys: pytest.CaptureFixture[str], ics: Path) -> None:
    _, _, err = _import(capsys, str(ics), "--source-url", SOURCE)
    assert "VEVENT weekly@example.org: VALARM: alarms are not read" in err
    assert "VEVENT talk@example.org: ATTENDEE: no matching event field" in err
    assert "FREQ=WEEKLY;COUNT=4: 3 occurrences read" in err


def test_the_horizon_defaults_to_a_year_from_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "daily.ics"
    path.write_text(feed(ENDLESS), "utf-8")
    now = datetime(2025, 3, 1, 12, tzinfo=UTC)
    _, out, err = _import(capsys, str(path), "--source-url", SOURCE, now=now)
    assert out.count("[[event]]") == 366  # 2025-03-01 .. 2026-03-01
    assert "more left out" in err
    _, out, _ = _import(capsys, str(path), "--source-url", SOURCE, "--horizon", "2025-03-02")
    assert out.count("[[event]]") == 2


def test_out_writes_once_and_replaces_only_its_own(
    capsys: pytest.CaptureFixture[str], ics: Path, tmp_path: Path
) -> None:
    target = tmp_path / "candidates.toml"
    argv = [str(ics), "--source-url", SOURCE, "--out", str(target)]
    assert _import(capsys, *argv)[0] == 0
    assert target.read_text("utf-8").startswith("# Candidate catalogue records")
    assert _import(capsys, *argv)[0] == 0
    target.write_text("# my own records\n", "utf-8")
    code, _, err = _import(capsys, *argv)
    assert code == 1
    assert "not written by summitcal" in err
    before = ics.read_bytes()
    for extra in ([], ["--force"]):  # its own input is never written over, forced or not
        assert _import(capsys, str(ics), "--source-url", SOURCE, "--out", str(ics), *extra)[0] == 1
        assert ics.read_bytes() == before


def test_nothing_read_is_an_empty_selection(capsys: pytest.CaptureFixture[str], ics: Path) -> None:
    """Without a source to cite, no event can be read: said, and nothing written."""
    single = ics.with_name("nourl.ics")
    single.write_text(feed(TALK), "utf-8")
    code, out, err = _import(capsys, str(single))
    assert (code, out) == (EMPTY_SELECTION, "")
    assert "no http(s) URL to cite" in err


def test_a_file_that_is_not_a_calendar_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.ics"
    path.write_text("hello", "utf-8")
    code, _, err = _import(capsys, str(path))
    assert code == 1
    assert err.startswith("summitcal: error: ")
    assert str(path) in err
    assert err.count("\n") == 1
