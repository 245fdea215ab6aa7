"""Named feeds (data/feeds.toml), ad-hoc feeds from filters, and `summitcal ics`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from summitcal import load_catalog
from summitcal.cli import main
from summitcal.errors import FeedError, QueryError
from summitcal.feeds.feeds import (
    FeedCriteria,
    available_feeds,
    custom_feed_spec,
    describe_criteria,
    feed_links,
    feed_specs,
    get_feed_spec,
    render_feed,
)
from summitcal.ical.write import is_undated
from tests.conftest import NOW
from tests.ical_validate import feed_problems

FIXTURE = Path(__file__).parents[1] / "data" / "ical_fixture"
REQUIRED = ("all", "ai-summits", "waic", "china", "un", "paris-2025")


def _uids(data: bytes) -> list[str]:
    return [str(e["UID"]) for e in Calendar.from_ical(data).walk("VEVENT")]


class TestNamedFeeds:
    def test_required_feeds_exist(self) -> None:
        names = [s.name for s in feed_specs()]
        assert set(REQUIRED) <= set(names)
        assert len(names) == len(set(names))

    def test_unknown_feed(self) -> None:
        with pytest.raises(FeedError, match=r"unknown feed.*ai-summits"):
            get_feed_spec("nope")

    def test_uids_are_distinct_and_stable(self) -> None:
        uids = [s.uid for s in feed_specs()]
        assert len(set(uids)) == len(uids)
        assert get_feed_spec("ai-summits").uid == "ai-summits.feed@summitcal"

    @pytest.mark.parametrize("name", REQUIRED)
    def test_shipped_feed_is_valid_and_non_empty(self, catalog, name: str) -> None:  # type: ignore[no-untyped-def]
        spec = get_feed_spec(name)
        data = render_feed(catalog, spec)
        assert feed_problems(data) == ()
        uids = _uids(data)
        assert uids
        dated = [e for e in spec.select(catalog) if not is_undated(e.when)]
        assert sorted(uids) == sorted(f"{e.id}@summitcal" for e in dated)

    def test_series_feed_holds_only_its_series(self, catalog) -> None:  # type: ignore[no-untyped-def]
        events = get_feed_spec("waic").select(catalog)
        assert events.events
        assert all("waic" in e.series for e in events)

    def test_paris_feed_is_the_summit_and_its_parts(self, catalog) -> None:  # type: ignore[no-untyped-def]
        events = get_feed_spec("paris-2025").select(catalog)
        ids = {e.id for e in events}
        assert "ai-action-summit-2025" in ids
        for e in events:
            chain = e
            while chain.id != "ai-action-summit-2025":
                assert chain.parent is not None, e.id
                chain = catalog.get(chain.parent)
        children = {e.id for e in catalog if e.parent == "ai-action-summit-2025"}
        assert children <= ids

    def test_all_feed_leaves_out_undated_unless_asked(self, catalog) -> None:  # type: ignore[no-untyped-def]
        spec = get_feed_spec("all")
        default = set(_uids(render_feed(catalog, spec)))
        full = set(_uids(render_feed(catalog, spec, include_undated=True)))
        undated = {f"{e.id}@summitcal" for e in catalog if is_undated(e.when)}
        assert undated
        assert full - default == undated
        assert len(full) == len(catalog)


class TestCustomFeeds:
    def test_same_filters_same_uid(self) -> None:
        a = custom_feed_spec(country=["fr"], year=2025)
        b = custom_feed_spec(country="FR", year=2025)
        assert a.uid == b.uid
        assert a.uid != custom_feed_spec(country="FR", year=2024).uid
        assert "country FR" in a.title

    def test_filters_select(self) -> None:
        catalog = load_catalog(FIXTURE)
        spec = custom_feed_spec(kind="summit", include_undated=True)
        assert [e.id for e in spec.select(catalog)] == ["demo-summit-2025", "demo-year-2027"]
        within = custom_feed_spec(within="demo-summit-2025")
        assert {e.id for e in within.select(catalog)} == {
            "demo-summit-2025",
            "demo-summit-2025-dinner",
            "demo-summit-2025-speech",
        }

    @pytest.mark.parametrize(
        ("kwargs", "description"),
        [
            (
                {"within": "ai-action-summit-2025"},
                "Events of the summitcal catalogue that are ai-action-summit-2025 or one of "
                "its parts.",
            ),
            (
                {"series": "ai-summit", "country": ["fr", "in"], "year": 2025},
                "Events of the summitcal catalogue in the series ai-summit, held in France "
                "or India, in 2025.",
            ),
            (
                {"kind": ["summit", "side-event", "speech"], "status": "confirmed"},
                "Events of the summitcal catalogue of the kind summit, side event or speech, "
                "with the status confirmed.",
            ),
            (
                {"start": date(2025, 1, 1), "end": date(2025, 3, 31), "tag": "leaders"},
                "Events of the summitcal catalogue tagged leaders, between 2025-01-01 and "
                "2025-03-31.",
            ),
            (
                {"start": date(2025, 1, 1)},
                "Events of the summitcal catalogue ending on or after 2025-01-01.",
            ),
            (
                {"end": date(2025, 1, 1)},
                "Events of the summitcal catalogue starting on or before 2025-01-01.",
            ),
        ],
    )
    def test_description_is_a_sentence(self, kwargs: dict[str, object], description: str) -> None:
        """The calendar's description reads as English, not as a list of criteria."""
        spec = custom_feed_spec(**kwargs)  # type: ignore[arg-type]
        assert spec.description == description

    def test_no_filters_is_every_event(self) -> None:
        spec = custom_feed_spec()
        assert spec.title == "summitcal: all events"
        assert spec.description == ""
        assert describe_criteria(spec.criteria) == "Every event of the summitcal catalogue."

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"kind": "party"}, "kind 'party': unknown value"),
            ({"status": "maybe"}, "status 'maybe': unknown value"),
            ({"country": "XX"}, "ISO 3166-1"),
            ({"start": date(2025, 2, 1), "end": date(2025, 1, 1)}, "after the end"),
            ({"year": 0}, "between 1 and 9999"),
        ],
    )
    def test_bad_values(self, kwargs: dict[str, object], message: str) -> None:
        """Bad values are refused where the criteria are built, as Catalog.filter does."""
        with pytest.raises(QueryError, match=message):
            custom_feed_spec(**kwargs)  # type: ignore[arg-type]

    def test_unknown_series_or_root(self) -> None:
        catalog = load_catalog(FIXTURE)
        with pytest.raises(QueryError, match="series 'nope': no such series"):
            FeedCriteria(series="nope").select(catalog)
        with pytest.raises(FeedError, match="no event 'nope'"):
            FeedCriteria(within="nope").select(catalog)


class TestIcsCommand:
    def test_named_feed_to_stdout(self, capsysbinary, catalog) -> None:  # type: ignore[no-untyped-def]
        assert main(["ics", "--feed", "ai-summits"], now=NOW) == 0
        out = capsysbinary.readouterr().out
        assert out == render_feed(catalog, get_feed_spec("ai-summits"))

    def test_filters_to_file(self, tmp_path: Path) -> None:
        out = tmp_path / "fr.ics"
        args = ["ics", "--seeds", str(FIXTURE), "--country", "FR", "--out", str(out)]
        assert main(args, now=NOW) == 0
        assert sorted(_uids(out.read_bytes())) == [
            "demo-summit-2025-dinner@summitcal",
            "demo-summit-2025-speech@summitcal",
            "demo-summit-2025@summitcal",
        ]

    def test_include_undated_flag(self, tmp_path: Path) -> None:
        out = tmp_path / "u.ics"
        args = ["ics", "--seeds", str(FIXTURE), "--include-undated", "--out", str(out)]
        assert main([*args, "--kind", "summit"], now=NOW) == 0
        assert "demo-year-2027@summitcal" in _uids(out.read_bytes())

    def test_feed_and_filters_conflict(self, capsys) -> None:  # type: ignore[no-untyped-def]
        assert main(["ics", "--feed", "all", "--country", "FR"], now=NOW) == 1
        assert "either --feed or filters" in capsys.readouterr().err

    def test_list_feeds(self, capsys) -> None:  # type: ignore[no-untyped-def]
        assert main(["ics", "--list-feeds"], now=NOW) == 0
        out = capsys.readouterr().out
        assert all(name in out for name in REQUIRED)

    def test_output_does_not_depend_on_now(self, capsysbinary) -> None:  # type: ignore[no-untyped-def]
        from datetime import UTC, datetime

        main(["ics", "--feed", "un"], now=NOW)
        first = capsysbinary.readouterr().out
        main(["ics", "--feed", "un"], now=datetime(2031, 1, 1, tzinfo=UTC))
        assert capsysbinary.readouterr().out == first


def test_feed_links_count_the_events_of_each_available_feed() -> None:
    catalog = load_catalog(FIXTURE)
    available = dict(available_feeds(catalog))
    links = feed_links(catalog)
    assert [link.name for link in links] == [spec.name for spec in available]
    for link, (spec, events) in zip(links, available.items(), strict=True):
        assert (link.title, link.count) == (spec.title, len(events))
        assert link.path == f"feeds/{spec.name}.ics"


def test_ics_of_an_unknown_series_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ics", "--seeds", str(FIXTURE), "--series", "nope"], now=NOW)
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "series 'nope': no such series" in err
