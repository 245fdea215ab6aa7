"""Statuses that age: summitcal.catalog.audit and `summitcal check --as-of`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import attrs
import pytest

from summitcal import load_catalog
from summitcal.catalog.audit import FORWARD_LOOKING, audit, stale_events, thinly_sourced
from summitcal.cli import main
from summitcal.errors import SeedError
from summitcal.models.events import Event, Source, SourceKind, Status
from tests.catalog.test_catalog import GOOD_EVENT, write
from tests.cli.test_cli_safety import run

AS_OF = date(2026, 12, 4)


@pytest.fixture(scope="module")
def event() -> Event:
    """A one-day event that ended the day before AS_OF."""
    cat = load_catalog(Path(__file__).parents[1] / "data" / "site")
    first = next(iter(cat))
    span = attrs.evolve(first.when, first=AS_OF - timedelta(days=1), last=AS_OF - timedelta(1))
    return attrs.evolve(first, when=span)


@pytest.mark.parametrize("status", list(Status))
def test_a_past_event_is_stale_only_while_its_status_looks_ahead(
    event: Event, status: Status
) -> None:
    past = attrs.evolve(event, status=status)
    assert bool(stale_events([past], as_of=AS_OF)) == (status in FORWARD_LOOKING)


@pytest.mark.parametrize("status", sorted(FORWARD_LOOKING, key=lambda s: s.value))
def test_an_event_on_its_last_day_is_not_yet_stale(event: Event, status: Status) -> None:
    today = attrs.evolve(event, status=status)
    assert stale_events([today], as_of=AS_OF - timedelta(days=1)) == ()
    assert stale_events([today], as_of=AS_OF) == (today,)


def test_a_finding_names_the_record_and_what_would_put_it_right(event: Event) -> None:
    (finding,) = audit([attrs.evolve(event, status=Status.SCHEDULED)], as_of=AS_OF)
    assert (finding.record, finding.field) == (event.id, "status")
    assert "'scheduled'" in finding.message
    assert "2026-12-03" in finding.message
    assert "'unreported'" in finding.message


def test_the_shipped_catalogue_has_nothing_stale_on_4_december_2026() -> None:
    assert audit(load_catalog(), as_of=AS_OF) == ()


class TestCheckAsOf:
    def test_a_stale_status_fails_check(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        seeds = str(write(tmp_path, GOOD_EVENT))  # scheduled for 4-5 March 2031
        assert run(capsys, "check", "--seeds", seeds, "--as-of", "2031-03-05")[0] == 0
        code, _, err = run(capsys, "check", "--seeds", seeds, "--as-of", "2031-03-06")
        assert code == 1
        assert "record 'demo-summit-2031', field 'status': still 'scheduled'" in err

    def test_as_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        seeds = str(write(tmp_path, GOOD_EVENT))
        code, out, _ = run(
            capsys, "check", "--seeds", seeds, "--as-of", "2032-01-01", "--format", "json"
        )
        assert code == 1
        (problem,) = json.loads(out)
        assert problem["record"] == "demo-summit-2031"
        assert problem["field"] == "status"

    def test_today_is_the_default(self, tmp_path: Path) -> None:
        seeds = str(write(tmp_path, GOOD_EVENT))
        assert main(["check", "--seeds", seeds], now=datetime(2031, 3, 5, 23, tzinfo=UTC)) == 0
        assert main(["check", "--seeds", seeds], now=datetime(2031, 3, 6, tzinfo=UTC)) == 1


def _sourced(event: Event, *kinds: SourceKind | None) -> Event:
    sources = [Source(url=f"https://example.org/{i}", kind=k) for i, k in enumerate(kinds)]
    return attrs.evolve(event, sources=sources, status=Status.CONFIRMED)


@pytest.mark.parametrize(
    ("kinds", "thin"),
    [
        ((SourceKind.SECONDARY,), True),
        ((SourceKind.SECONDARY, SourceKind.SECONDARY), True),
        ((SourceKind.SECONDARY, SourceKind.PRESS), False),
        ((SourceKind.WIRE,), False),
        ((SourceKind.OFFICIAL,), False),
        ((None,), False),  # not classified: nothing is said against it
        ((SourceKind.SECONDARY, None), False),
    ],
)
def test_an_established_fact_needs_a_source_that_is_not_secondary(
    event: Event, kinds: tuple[SourceKind | None, ...], thin: bool
) -> None:
    confirmed = _sourced(event, *kinds)
    assert bool(thinly_sourced([confirmed])) == thin
    unconfirmed = attrs.evolve(confirmed, status=Status.UNCONFIRMED)
    assert thinly_sourced([unconfirmed]) == ()


def test_a_thin_fact_is_a_finding_on_its_sources(event: Event) -> None:
    future = attrs.evolve(event, when=attrs.evolve(event.when, first=AS_OF, last=AS_OF))
    (finding,) = audit([_sourced(future, SourceKind.SECONDARY)], as_of=AS_OF)
    assert finding.field == "sources"
    assert "secondary sources alone" in finding.message


def test_every_shipped_source_has_a_kind() -> None:
    unclassified = [(e.id, s.url) for e in load_catalog() for s in e.sources if s.kind is None]
    assert unclassified == []


def test_a_source_kind_is_read_and_checked_by_the_loader(tmp_path: Path) -> None:
    good = GOOD_EVENT.replace('publisher = "Example"', 'publisher = "Example"\nkind = "wire"')
    (source,) = load_catalog(write(tmp_path, good)).get("demo-summit-2031").sources
    assert source.kind is SourceKind.WIRE
    bad = GOOD_EVENT.replace('publisher = "Example"', 'publisher = "Example"\nkind = "blog"')
    with pytest.raises(SeedError, match=r"field 'sources\[0\]\.kind'"):
        load_catalog(write(tmp_path, bad))


def test_source_kinds_survive_a_calendar_round_trip() -> None:
    from summitcal.ical.read import read_calendar
    from summitcal.ical.write import to_ical

    shipped = load_catalog()
    read = read_calendar(to_ical(shipped, name="All", include_undated=True))
    assert [s.kind for e in read.events for s in e.sources] == [
        s.kind for e in shipped for s in e.sources
    ]
