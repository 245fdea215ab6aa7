"""The shipped catalogue against the fact sheet (shared/facts/summit-series.md).

The expected values below were typed from the fact sheet, not read back from the seeds, so
a slip in either shows up as a failure here.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from summitcal import load_catalog
from summitcal.catalog.catalog import Catalog
from summitcal.cli import main
from summitcal.models.events import AlternativeStatus, Event, EventKind, Role, Status
from summitcal.span.span import DateSpan, Granularity

# --- the catalogue as a whole ---------------------------------------------------------------


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


def test_the_shipped_catalogue_loads_with_at_least_45_events(cat: Catalog) -> None:
    assert len(cat) >= 45
    assert len({e.id for e in cat}) == len(cat)


def test_every_event_names_its_sources_with_web_addresses_and_publishers(cat: Catalog) -> None:
    for event in cat:
        assert event.sources, event.id
        for source in event.sources:
            assert source.url.startswith(("http://", "https://")), (event.id, source.url)
            assert source.publisher, (event.id, source.url)


def test_every_event_belongs_to_a_known_series_or_is_tagged(cat: Catalog) -> None:
    for event in cat:
        assert set(event.series) <= set(cat.series), event.id
        assert event.series or event.tags, event.id


def test_every_placed_event_has_a_time_zone(cat: Catalog) -> None:
    for event in cat:
        if event.place is not None:
            assert event.place.zone is not None, event.id
            assert event.when.zone == event.place.zone, event.id


# --- key dates, typed from the fact sheet ---------------------------------------------------

KEY_DATES = {
    "ai-safety-summit-2023": "2023-11-01/2023-11-02",
    "bletchley-declaration-2023": "2023-11-01",
    "wu-zhaohui-bletchley-speech-2023": "2023-11-01",
    "ai-seoul-summit-2024": "2024-05-21/2024-05-22",
    "ai-seoul-summit-2024-leaders-session": "2024-05-21T20:30/2024-05-21T22:12",
    "ai-seoul-summit-2024-ministerial-session": "2024-05-22",
    "seoul-ministerial-statement-2024": "2024-05-22",
    "ai-action-summit-2025": "2025-02-10/2025-02-11",
    "paris-2025-science-days": "2025-02-06/2025-02-07",
    "paris-2025-cultural-weekend": "2025-02-08/2025-02-09",
    "paris-ai-statement-2025": "2025-02-11",
    "jd-vance-paris-summit-speech-2025": "2025-02-11",
    "zhang-guoqing-paris-summit-speech-2025": "2025-02-10TEV",
    "china-side-event-paris-2025": "2025-02-11",
    "zhang-guoqing-france-visit-2025": "2025-02-09/2025-02-12",
    "mfa-press-briefing-2025-02-07": "2025-02-07",
    "trump-deepseek-remark-2025-02-07": "2025-02-07",
    "ai-impact-summit-2026": "2026-02-16/2026-02-20",
    "swiss-federal-council-geneva-2027-intention": "2026-01-28",
    "swiss-announcement-geneva-2027": "2026-02-19",
    "ai-summit-geneva-2027": "2027-H1",
    "waic-2023": "2023-07-06/2023-07-08",
    "waic-2024": "2024-07-04/2024-07-06",
    "shanghai-declaration-2024": "2024-07-04",
    "waic-2025": "2025-07-26/2025-07-28",
    "global-ai-governance-action-plan-2025": "2025-07-26T12:54",
    "waic-2026": "2026-07",
    "new-generation-ai-development-plan-issued-2017": "2017-07-08",
    "new-generation-ai-development-plan-published-2017": "2017-07-20",
    "global-ai-governance-initiative-2023": "2023-10-18",
    "china-france-joint-statement-ai-2024": "2024-05-06",
    "deepseek-r1-release-2025": "2025-01-20T20:19",
    "un-ai-capacity-building-meeting-2024": "2024-09-25",
    "un-hlab-ai-launch-2023": "2023-10-26",
    "un-hlab-ai-interim-report-2023": "2023-12",
    "un-hlab-ai-final-report-2024": "2024-09-19",
    "unga-resolution-78-265-2024": "2024-03-21",
    "unga-resolution-ai-capacity-building-2024": "2024-07-01",
    "summit-of-the-future-2024": "2024-09-22/2024-09-23",
    "global-digital-compact-2024": "2024-09-22",
}


@pytest.mark.parametrize(("event_id", "expected"), sorted(KEY_DATES.items()))
def test_key_dates_agree_with_the_fact_sheet(cat: Catalog, event_id: str, expected: str) -> None:
    event = cat.get(event_id)
    assert event.when.timex == expected
    span = DateSpan.from_timex(expected)
    assert (event.start, event.end) == (span.first, span.last)


# Weekdays the sources themselves name, as a check on the days above (Mon=0 .. Sun=6).
NAMED_WEEKDAYS = {
    "paris-ai-statement-2025": 1,  # "Tuesday 11 Feb"
    "mfa-press-briefing-2025-02-07": 4,  # Friday
    "global-ai-governance-initiative-2023": 2,  # Wednesday
    "china-france-joint-statement-ai-2024": 0,  # Monday
    "unga-resolution-ai-capacity-building-2024": 0,  # Monday
    "global-digital-compact-2024": 6,  # Sunday
    "swiss-announcement-geneva-2027": 3,  # Thursday
}


@pytest.mark.parametrize(("event_id", "weekday"), sorted(NAMED_WEEKDAYS.items()))
def test_start_days_fall_on_the_weekdays_sources_name(
    cat: Catalog, event_id: str, weekday: int
) -> None:
    assert cat.get(event_id).start.weekday() == weekday


def test_the_zhang_trip_runs_from_sunday_to_wednesday(cat: Catalog) -> None:
    trip = cat.get("zhang-guoqing-france-visit-2025")
    assert (trip.start.strftime("%A"), trip.end.strftime("%A")) == ("Sunday", "Wednesday")


# --- times and zones ------------------------------------------------------------------------

TIMED_IN_UTC = {
    # 20:30 KST (UTC+9)
    "ai-seoul-summit-2024-leaders-session": datetime(2024, 5, 21, 11, 30, tzinfo=UTC),
    # 20:19 China Standard Time (UTC+8)
    "deepseek-r1-release-2025": datetime(2025, 1, 20, 12, 19, tzinfo=UTC),
    # 12:54 Beijing time (UTC+8)
    "global-ai-governance-action-plan-2025": datetime(2025, 7, 26, 4, 54, tzinfo=UTC),
}


@pytest.mark.parametrize(("event_id", "utc"), sorted(TIMED_IN_UTC.items()))
def test_timed_events_are_local_to_their_zone(cat: Catalog, event_id: str, utc: datetime) -> None:
    assert cat.get(event_id).when.start_datetime() == utc


def test_the_seoul_leaders_session_lasted_until_22_12_and_was_online(cat: Catalog) -> None:
    session = cat.get("ai-seoul-summit-2024-leaders-session")
    assert session.when.end_datetime() == datetime(2024, 5, 21, 13, 12, tzinfo=UTC)
    assert session.place is not None
    assert session.place.virtual
    assert session.place.city == "Seoul"


ZONES = {
    "ai-safety-summit-2023": "Europe/London",
    "ai-seoul-summit-2024": "Asia/Seoul",
    "ai-action-summit-2025": "Europe/Paris",
    "zhang-guoqing-france-visit-2025": "Europe/Paris",
    "china-france-joint-statement-ai-2024": "Europe/Paris",
    "ai-impact-summit-2026": "Asia/Kolkata",
    "ai-summit-geneva-2027": "Europe/Zurich",
    "waic-2025": "Asia/Shanghai",
    "mfa-press-briefing-2025-02-07": "Asia/Shanghai",
    "trump-deepseek-remark-2025-02-07": "America/New_York",
    "unga-resolution-78-265-2024": "America/New_York",
}


@pytest.mark.parametrize(("event_id", "zone"), sorted(ZONES.items()))
def test_zones_follow_the_fact_sheet_map(cat: Catalog, event_id: str, zone: str) -> None:
    assert cat.get(event_id).when.zone == zone


# --- nothing unconfirmed is shown as firm ---------------------------------------------------


def test_waic_2026_is_known_only_to_the_month(cat: Catalog) -> None:
    waic = cat.get("waic-2026")
    assert waic.when.granularity is Granularity.MONTH
    # July 2026 has passed with no report of the conference found: no longer "announced".
    assert waic.status is Status.UNREPORTED
    assert waic.status.label == "no report it took place"
    assert not waic.status.is_firm
    assert [(a.field, a.value) for a in waic.alternatives if a.field == "held"] == [
        ("held", "unknown")
    ]
    rumoured = [a for a in waic.alternatives if a.field == "when"]
    assert [(a.value, a.status) for a in rumoured] == [
        ("2026-07-17/2026-07-20", AlternativeStatus.UNCONFIRMED)
    ]


@pytest.mark.parametrize(
    ("event_id", "granularity"),
    [("ai-summit-geneva-2027", Granularity.HALF), ("ai-summit-uae-2028", Granularity.YEAR)],
)
def test_future_summits_are_known_only_coarsely(
    cat: Catalog, event_id: str, granularity: Granularity
) -> None:
    summit = cat.get(event_id)
    assert summit.when.granularity is granularity
    assert summit.status is Status.ANNOUNCED
    assert summit.place is not None
    assert summit.place.venue is None
    assert any(
        a.status is AlternativeStatus.UNCONFIRMED and a.value == "unknown"
        for a in summit.alternatives
    )


def test_geneva_2027_records_its_unknown_dates_venue_and_name(cat: Catalog) -> None:
    fields = {
        a.field for a in cat.get("ai-summit-geneva-2027").alternatives if a.value == "unknown"
    }
    assert fields == {"exact-dates", "venue", "official-name"}


def test_announced_events_are_never_dated_to_the_day(cat: Catalog) -> None:
    for event in cat.filter(status="announced"):
        assert event.when.granularity not in (
            Granularity.TIME,
            Granularity.PART_OF_DAY,
            Granularity.DAY,
        ), event.id


def test_unconfirmed_alternatives_never_equal_the_preferred_date(cat: Catalog) -> None:
    for event in cat:
        for alt in event.alternatives:
            if alt.field == "when":
                parsed = DateSpan.from_timex(alt.value)
                assert (parsed.first, parsed.last) != (event.start, event.end), event.id


def test_the_china_led_resolution_number_is_not_stated_as_fact(cat: Catalog) -> None:
    resolution = cat.get("unga-resolution-ai-capacity-building-2024")
    visible = " ".join(
        [resolution.title, resolution.description, *resolution.aliases, *resolution.outcomes]
    )
    assert "A/RES" not in visible
    # No source gives the number, so the catalogue does not carry one at all.
    assert not [a for a in resolution.alternatives if a.field == "number"]


def test_the_china_side_event_in_paris_has_no_venue(cat: Catalog) -> None:
    side = cat.get("china-side-event-paris-2025")
    assert side.place is not None
    assert side.place.venue is None
    assert side.place.city == "Paris"
    assert "Advancements in AI Technology and Its Applications" in side.aliases


def test_the_day_two_testing_statement_is_not_a_firm_event(cat: Catalog) -> None:
    for event in cat:
        if "testing" in event.title.lower():
            assert not event.status.is_firm, event.id


# --- parents and parts ----------------------------------------------------------------------


def test_every_parent_exists(cat: Catalog) -> None:
    for event in cat:
        if event.parent is not None:
            assert event.parent in cat, event.id


def test_the_parts_of_paris_2025_fall_within_the_summit_week(cat: Catalog) -> None:
    parts = cat.children("ai-action-summit-2025")
    ids = {p.id for p in parts}
    assert {
        "paris-2025-science-days",
        "paris-2025-cultural-weekend",
        "paris-2025-elysee-dinner",
        "paris-ai-statement-2025",
        "china-side-event-paris-2025",
        "jd-vance-paris-summit-speech-2025",
        "zhang-guoqing-paris-summit-speech-2025",
    } <= ids
    for part in parts:
        assert date(2025, 2, 6) <= part.start <= part.end <= date(2025, 2, 11), part.id


@pytest.mark.parametrize(
    ("summit", "first", "last"),
    [
        ("ai-safety-summit-2023", date(2023, 11, 1), date(2023, 11, 2)),
        ("ai-seoul-summit-2024", date(2024, 5, 21), date(2024, 5, 22)),
        ("summit-of-the-future-2024", date(2024, 9, 20), date(2024, 9, 23)),
    ],
)
def test_summit_parts_fall_within_their_summit(
    cat: Catalog, summit: str, first: date, last: date
) -> None:
    parts = cat.children(summit)
    assert parts
    for part in parts:
        assert first <= part.start <= part.end <= last, part.id


def test_declarations_made_at_summits_name_their_summit(cat: Catalog) -> None:
    expected = {
        "bletchley-declaration-2023": "ai-safety-summit-2023",
        "seoul-declaration-2024": "ai-seoul-summit-2024",
        "seoul-ministerial-statement-2024": "ai-seoul-summit-2024",
        "paris-ai-statement-2025": "ai-action-summit-2025",
        "new-delhi-declaration-2026": "ai-impact-summit-2026",
        "shanghai-declaration-2024": "waic-2024",
        "global-digital-compact-2024": "summit-of-the-future-2024",
    }
    for declaration, summit in expected.items():
        event = cat.get(declaration)
        assert event.kind is EventKind.DECLARATION
        assert event.parent == summit


def test_the_series_holds_the_five_summits_in_order(cat: Catalog) -> None:
    summits = [e.id for e in cat.filter(series="ai-summit", kind="summit")]
    assert summits[:5] == [
        "ai-safety-summit-2023",
        "ai-seoul-summit-2024",
        "ai-action-summit-2025",
        "ai-impact-summit-2026",
        "ai-summit-geneva-2027",
    ]


# --- actors ---------------------------------------------------------------------------------


def _countries(event: Event, role: Role) -> set[str | None]:
    return {a.country for a in event.actors_with(role)}


def test_the_paris_statement_records_signatories_and_non_signatories(cat: Catalog) -> None:
    statement = cat.get("paris-ai-statement-2025")
    assert {"CN", "FR", "IN"} <= _countries(statement, Role.SIGNATORY)
    assert _countries(statement, Role.NON_SIGNATORY) == {"US", "GB"}


def test_the_bletchley_and_new_delhi_texts_were_signed_by_the_us_and_china(cat: Catalog) -> None:
    assert {"US", "CN"} <= _countries(cat.get("bletchley-declaration-2023"), Role.SIGNATORY)
    new_delhi = cat.get("new-delhi-declaration-2026")
    assert {"US", "GB", "CN"} <= _countries(new_delhi, Role.SIGNATORY)
    assert not new_delhi.actors_with(Role.NON_SIGNATORY)


def test_zhipu_is_among_the_frontier_safety_signatories(cat: Catalog) -> None:
    names = {a.name for a in cat.get("frontier-ai-safety-commitments-2024").actors}
    assert "Zhipu.ai" in names


def test_wu_zhaohui_led_china_at_bletchley(cat: Catalog) -> None:
    heads = cat.get("wu-zhaohui-bletchley-speech-2023").actors_with(Role.DELEGATION_HEAD)
    assert [(a.name, a.country) for a in heads] == [("Wu Zhaohui", "CN")]


# --- the source phrase behind the Zhang trip ------------------------------------------------


def test_the_zhang_trip_keeps_the_global_times_phrase_and_its_date(cat: Catalog) -> None:
    trip = cat.get("zhang-guoqing-france-visit-2025")
    phrased = [s for s in trip.sources if s.phrase]
    assert [(s.phrase, s.published) for s in phrased] == [
        ("from Sunday to Wednesday", date(2025, 2, 9))
    ]
    # The phrase is the source's own wording; the first day is the publication day itself.
    assert trip.start == phrased[0].published


# --- conflicts recorded as alternatives -----------------------------------------------------

ALTERNATIVES = [
    ("ai-seoul-summit-2024-leaders-session", None, None, None),
    ("seoul-ministerial-statement-2024", "signatory-count", "28 countries", "conflict"),
    ("paris-ai-statement-2025", "signatory-count", "61", "conflict"),
    ("ai-impact-summit-2026", "when", "2026-02-15/2026-02-20", "conflict"),
    ("ai-impact-summit-2026", "when", "2026-02-18/2026-02-19", "conflict"),
    ("ai-impact-summit-2026", "when", "2026-02-16/2026-02-21", "conflict"),
    ("waic-2024", "when", "2024-07-04/2024-07-07", "conflict"),
    ("waic-2026", "when", "2026-07-17/2026-07-20", "unconfirmed"),
    ("zhang-guoqing-france-visit-2025", "when", "2025-02-10/2025-02-12", "conflict"),
    ("china-france-joint-statement-ai-2024", "when", "2024-05-07", "conflict"),
    ("unga-resolution-ai-capacity-building-2024", "when", "2024-06-25", "conflict"),
]


@pytest.mark.parametrize(("event_id", "field", "value", "status"), ALTERNATIVES)
def test_conflicts_are_recorded_as_alternatives(
    cat: Catalog, event_id: str, field: str | None, value: str | None, status: str | None
) -> None:
    event = cat.get(event_id)
    if field is None:  # a control: an undisputed event carries no alternatives
        assert event.alternatives == ()
        return
    matches = [
        a for a in event.alternatives if a.field == field and (value is None or a.value == value)
    ]
    assert len(matches) == 1
    assert matches[0].status is AlternativeStatus(status)
    if matches[0].status is AlternativeStatus.CONFLICT:
        assert matches[0].sources, "a conflict names the sources that give the other value"


def test_alternative_sources_are_web_addresses(cat: Catalog) -> None:
    for event in cat:
        for alt in event.alternatives:
            assert alt.note, (event.id, alt.field)
            for url in alt.sources:
                assert url.startswith(("http://", "https://")), (event.id, url)


# --- the command line over the shipped catalogue --------------------------------------------

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_list_shows_every_event(capsys: pytest.CaptureFixture[str], cat: Catalog) -> None:
    assert main(["list"], now=NOW) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == len(cat)
    assert "AI Action Summit" in out


def test_list_as_json_round_trips_the_ids(capsys: pytest.CaptureFixture[str], cat: Catalog) -> None:
    assert main(["list", "--format", "json"], now=NOW) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["id"] for r in rows) == sorted(e.id for e in cat)


def test_show_prints_the_disputed_values(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "waic-2026"], now=NOW) == 0
    out = capsys.readouterr().out
    assert "2026-07" in out
    assert "2026-07-17/2026-07-20 [unconfirmed]" in out


# --- corrections from the December 2026 review (shared/facts/review-2026-12.md) ---------


def _urls(event: Event) -> set[str]:
    return {s.url for s in event.sources}


def test_zhang_spoke_at_the_elysee_dinner_not_the_grand_palais(cat: Catalog) -> None:
    speech = cat.get("zhang-guoqing-paris-summit-speech-2025")
    assert speech.place is not None
    assert speech.place.venue == "Élysée Palace"
    assert "Grand Palais" not in speech.title
    assert speech.when.timex == "2025-02-10TEV"
    dinner = cat.get("paris-2025-elysee-dinner")
    assert (speech.start, speech.when.part_of_day) == (dinner.start, dinner.when.part_of_day)
    # Xinhua dates the speech "on Monday", published on the Wednesday after.
    xinhua = [s for s in speech.sources if "people.cn" in s.url]
    assert [(s.phrase, s.published) for s in xinhua] == [("on Monday", date(2025, 2, 12))]
    assert any("expresso.pt" in url for url in _urls(speech))


def test_geneva_2027_is_set_for_the_first_half_with_the_uae_as_co_chair(cat: Catalog) -> None:
    geneva = cat.get("ai-summit-geneva-2027")
    assert (geneva.start, geneva.end) == (date(2027, 1, 1), date(2027, 6, 30))
    assert _countries(geneva, Role.CO_CHAIR) == {"AE"}
    assert _countries(geneva, Role.HOST) == {"CH"}
    assert "https://www.innosuisse.admin.ch/de/newnsb/YZYU1gmqW9vcPFMl2VroY" in _urls(geneva)
    assert any(s.phrase == "im ersten Halbjahr 2027" for s in geneva.sources)
    assert "Only the year" not in geneva.description


def test_the_new_delhi_dinner_took_place_at_bharat_mandapam(cat: Catalog) -> None:
    dinner = cat.get("ai-impact-summit-2026-gala-dinner")
    assert dinner.status is Status.CONFIRMED
    assert dinner.when.timex == "2026-02-18"
    assert dinner.place is not None
    assert dinner.place.venue == "Bharat Mandapam, Pragati Maidan"
    assert "https://news.jointearn.com/?p=38082" not in _urls(dinner)
    assert any(s.published == date(2026, 2, 18) for s in dinner.sources)


def test_the_new_delhi_declaration_count_grew_from_88_to_91(cat: Catalog) -> None:
    declaration = cat.get("new-delhi-declaration-2026")
    joined = " ".join(declaration.outcomes)
    assert "88" in joined
    assert "91" in joined
    later = cat.get("new-delhi-declaration-endorsements-91-2026")
    assert later.when.timex == "2026-02-24"
    assert later.status is Status.CONFIRMED
    assert _countries(later, Role.SIGNATORY) == {"BD", "CR", "GT"}
    assert cat.get("new-delhi-declaration-endorsements-2026").when.timex == "2026-02-21"


def test_the_new_delhi_summit_end_date_conflict_is_recorded(cat: Catalog) -> None:
    summit = cat.get("ai-impact-summit-2026")
    assert summit.when.timex == "2026-02-16/2026-02-20"  # the preferred value is unchanged
    (alt,) = [a for a in summit.alternatives if a.value == "2026-02-16/2026-02-21"]
    assert alt.status is AlternativeStatus.CONFLICT
    assert len(alt.sources) >= 2


def test_china_did_not_sign_the_seoul_ministerial_statement(cat: Catalog) -> None:
    statement = cat.get("seoul-ministerial-statement-2024")
    assert _countries(statement, Role.NON_SIGNATORY) == {"CN"}
    assert not [a for a in statement.alternatives if a.field == "non-signatory"]
    urls = _urls(statement)
    assert any("irishnews.com" in u or "lbc.co.uk" in u for u in urls)  # the PA wire report
    assert not any("longtermwiki" in u for u in urls)
    assert any("computerweekly.com/news/366585944" in u for u in urls)


def test_the_ai_global_forum_rests_on_the_korean_foreign_ministry(cat: Catalog) -> None:
    forum = cat.get("ai-global-forum-2024")
    assert any("mofa.go.kr" in u for u in _urls(forum))
    assert "single source" not in forum.description


# --- additions: the UN Scientific Panel and Global Dialogue -----------------------------

UN_ADDITIONS = {
    "unga-resolution-79-325-2025": ("2025-08-26", EventKind.RESOLUTION, Status.CONFIRMED),
    "global-dialogue-ai-governance-launch-2025": (
        "2025-09-25",
        EventKind.MEETING,
        Status.CONFIRMED,
    ),
    "un-scientific-panel-ai-appointed-2026": ("2026-02-12", EventKind.BODY, Status.CONFIRMED),
    "global-dialogue-ai-governance-2026": (
        "2026-07-06/2026-07-07",
        EventKind.MEETING,
        Status.UNCONFIRMED,
    ),
    "geneva-dialogue-solidarity-ai-governance-2025": (
        "2025-11-25",
        EventKind.MEETING,
        Status.CONFIRMED,
    ),
}


@pytest.mark.parametrize(("event_id", "expected"), sorted(UN_ADDITIONS.items()))
def test_un_additions_have_their_dates_kinds_and_statuses(
    cat: Catalog, event_id: str, expected: tuple[str, EventKind, Status]
) -> None:
    timex, kind, status = expected
    event = cat.get(event_id)
    assert (event.when.timex, event.kind, event.status) == (timex, kind, status)
    assert "un-ai" in event.series


def test_resolution_79_325_is_cited_from_the_un_and_not_called_consensus(cat: Catalog) -> None:
    resolution = cat.get("unga-resolution-79-325-2025")
    assert "A/RES/79/325" in resolution.aliases
    assert "https://press.un.org/en/2025/ga12699.doc.htm" in _urls(resolution)
    text = " ".join([resolution.description, *resolution.outcomes]).lower()
    assert "consensus" not in text
    assert "without a vote" not in text
    assert resolution.when.zone == "America/New_York"


def test_the_scientific_panel_was_appointed_by_a_recorded_vote(cat: Catalog) -> None:
    panel = cat.get("un-scientific-panel-ai-appointed-2026")
    assert "117 to 2" in " ".join(panel.outcomes)
    assert "https://press.un.org/en/2026/ga12751.doc.htm" in _urls(panel)
    assert panel.start.weekday() == 3  # AP: "Thursday"


def test_the_first_global_dialogue_is_in_geneva_and_not_shown_as_held(cat: Catalog) -> None:
    dialogue = cat.get("global-dialogue-ai-governance-2026")
    assert dialogue.place is not None
    assert (dialogue.place.venue, dialogue.place.city, dialogue.place.country) == (
        "Palexpo",
        "Geneva",
        "CH",
    )
    assert dialogue.when.zone == "Europe/Zurich"
    assert not dialogue.status.is_firm
    assert {a.name for a in dialogue.actors_with(Role.CO_CHAIR)} == {
        "Egriselda López",
        "Rein Tammsaar",
    }
    assert "AI for Good" in dialogue.description
    assert "WSIS Forum" in dialogue.description
    assert [a.field for a in dialogue.alternatives] == ["held"]


# --- additions: the road to Geneva 2027 and the UAE, New Delhi's initiatives -------------

SWISS_AND_UAE = {
    "rosti-geneva-summit-offer-paris-2025": "2025-02-11",
    "swiss-federal-council-geneva-2027-decision-2025": "2025-06-25",
    "swiss-federal-council-geneva-2027-intention": "2026-01-28",
    "swiss-announcement-geneva-2027": "2026-02-19",
    "uae-announcement-ai-summit-2028": "2026-02-21",
    "new-delhi-summit-initiatives-2026": "2026-02-21",
}


@pytest.mark.parametrize(("event_id", "expected"), sorted(SWISS_AND_UAE.items()))
def test_swiss_uae_and_new_delhi_additions_are_dated_and_confirmed(
    cat: Catalog, event_id: str, expected: str
) -> None:
    event = cat.get(event_id)
    assert event.when.timex == expected
    assert event.status is Status.CONFIRMED
    assert "ai-summit" in event.series


def test_the_federal_council_steps_rest_on_official_swiss_releases(cat: Catalog) -> None:
    for event_id in (
        "swiss-federal-council-geneva-2027-decision-2025",
        "swiss-federal-council-geneva-2027-intention",
        "swiss-announcement-geneva-2027",
    ):
        assert any(".admin.ch/" in url for url in _urls(cat.get(event_id))), event_id
    june = cat.get("swiss-federal-council-geneva-2027-decision-2025")
    assert june.start.weekday() == 2  # ATS/SDA: "mercredi", "vom Mittwoch"
    assert any(s.phrase == "Pressemitteilung vom 25.06.2025" for s in june.sources)


def test_rosti_spoke_in_paris_and_the_year_he_gave_is_disputed(cat: Catalog) -> None:
    remark = cat.get("rosti-geneva-summit-offer-paris-2025")
    assert remark.parent == "ai-action-summit-2025"
    assert remark.start.weekday() == 1  # "on Tuesday", the summit's second day
    years = {a.value for a in remark.alternatives if a.field == "proposed-year"}
    assert years == {"2026", "2026 or, more likely, 2027", "2027 at the earliest"}
    assert all(a.status is AlternativeStatus.CONFLICT and a.sources for a in remark.alternatives)


def test_the_uae_announced_2028_itself(cat: Catalog) -> None:
    announcement = cat.get("uae-announcement-ai-summit-2028")
    wam = "https://www.wam.ae/en/article/1732iqa-uae-strengthens-its-global-leadership-host-2028"
    assert wam in _urls(announcement)
    assert wam in _urls(cat.get("ai-summit-uae-2028"))
    (host,) = cat.get("ai-summit-uae-2028").actors_with(Role.HOST)
    assert "no announcement by the UAE itself" not in (host.note or "")
    assert _countries(announcement, Role.ANNOUNCER) == {"AE"}


def test_the_new_delhi_initiatives_are_listed_and_the_playbook_is_unconfirmed(
    cat: Catalog,
) -> None:
    initiatives = cat.get("new-delhi-summit-initiatives-2026")
    assert {
        "Charter for the Democratic Diffusion of AI",
        "Global AI Impact Commons",
        "Trusted AI Commons",
        "International Network of AI for Science Institutions",
    } <= set(initiatives.outcomes)
    (playbook,) = initiatives.alternatives
    assert playbook.value == "AI Workforce Development Playbook"
    assert playbook.status is AlternativeStatus.UNCONFIRMED
    assert "AI Workforce Development Playbook" not in initiatives.outcomes


# --- statuses that age ------------------------------------------------------------------

REVIEW_DATE = date(2026, 12, 4)


def test_nothing_past_is_still_announced_or_scheduled(cat: Catalog) -> None:
    stale = [
        e.id
        for e in cat
        if e.status in (Status.ANNOUNCED, Status.SCHEDULED) and e.end < REVIEW_DATE
    ]
    assert stale == []


def test_the_only_announced_events_are_the_future_summits(cat: Catalog) -> None:
    announced = {e.id for e in cat.filter(status="announced")}
    assert announced == {"ai-summit-geneva-2027", "ai-summit-uae-2028"}
    assert all(cat.get(i).start > REVIEW_DATE for i in announced)


def test_the_waic_2026_announcement_is_not_cited_to_a_page_about_another_briefing(
    cat: Catalog,
) -> None:
    # The qoo10 page reports the NDRC briefing of 17 June, not Mao Ning's of 5 June.
    for event_id in ("waic-2026-announcement", "waic-2026"):
        assert not any("qoo10" in url for url in _urls(cat.get(event_id))), event_id
    assert cat.get("waic-2026-announcement").start.weekday() == 4  # "on Friday"


# --- sources a reader can trust ---------------------------------------------------------

# Mirrors, tag listings, reposts and pages that do not support their claim, replaced by
# the original publisher's page or an official record (review of December 2026, section 6).
REPLACED_SOURCES = [
    "am1.news/",
    "blk4est.com/",
    "wap.zbyh.com/",
    "775mail.com/html/77d998998",
    "forrester.com/",
    "qoo10.co.id/",
    "news.jointearn.com/",
    "thehansindia.com/news/international/frances-effort-to-shape-global-ai-conversation-944010",
    "www.Gov.uk/",
    "?s=08",
    "?page=4",
]


@pytest.mark.parametrize("fragment", REPLACED_SOURCES)
def test_replaced_sources_are_gone(cat: Catalog, fragment: str) -> None:
    for event in cat:
        cited = [
            *(s.url for s in event.sources),
            *(u for a in event.alternatives for u in a.sources),
        ]
        assert not any(fragment in url for url in cited), (event.id, fragment)


def test_the_deepseek_source_points_at_the_release_commit(cat: Catalog) -> None:
    (github,) = [s for s in cat.get("deepseek-r1-release-2025").sources if "github.com" in s.url]
    assert github.url.endswith("/commit/23807ced51627276434655dd9f27725354818974")


def test_the_elysee_dinner_and_vance_speech_no_longer_rest_on_a_repost(cat: Catalog) -> None:
    dinner = cat.get("paris-2025-elysee-dinner")
    assert any("943346" in url for url in _urls(dinner))  # Misri's briefing
    assert any(
        "linternaute.com" in url for url in _urls(cat.get("jd-vance-paris-summit-speech-2025"))
    )


# --- mirrors, aggregators and what each source is cited for ------------------------------

# Pages that copy another publisher's text, or aggregate it, whose original could not be
# read: they may stay, but only as secondary sources.
MIRRORS_AND_AGGREGATORS = [
    "52hrtt.com/",
    "yanan.hnxfqy.com/",
    "775mail.com/",
    "e2india.com/",
    "newsfromrss.com/",
    "en.wedoany.com/",
    "doitong.com/",
]


def _kinds(event: Event) -> set[str]:
    return {s.kind.value for s in event.sources if s.kind is not None}


def _kind(event: Event, fragment: str) -> str | None:
    """The kind of the one source of ``event`` whose address holds ``fragment``."""
    (source,) = [s for s in event.sources if fragment in s.url]
    return source.kind.value if source.kind is not None else None


def _published(event: Event, fragment: str) -> date | None:
    (source,) = [s for s in event.sources if fragment in s.url]
    return source.published


def _phrase(event: Event, fragment: str) -> str | None:
    (source,) = [s for s in event.sources if fragment in s.url]
    return source.phrase


@pytest.mark.parametrize("fragment", MIRRORS_AND_AGGREGATORS)
def test_mirrors_and_aggregators_are_only_secondary_sources(cat: Catalog, fragment: str) -> None:
    citing = [e for e in cat if any(fragment in s.url for s in e.sources)]
    assert citing, fragment
    for event in citing:
        assert _kind(event, fragment) == "secondary", (event.id, fragment)


def test_every_firm_event_rests_on_a_source_that_is_not_secondary(cat: Catalog) -> None:
    for event in cat:
        if event.status.is_firm:
            assert _kinds(event) - {"secondary"}, event.id


def test_the_mfa_briefing_and_the_zhang_trip_rest_on_xinhua_not_on_mirrors(cat: Catalog) -> None:
    xinhua = "en.people.cn/n3/2025/0207/c90000-20273813.html"
    for event_id in ("mfa-press-briefing-2025-02-07", "zhang-guoqing-france-visit-2025"):
        event = cat.get(event_id)
        assert event.status is Status.CONFIRMED
        assert _kind(event, xinhua) == "wire"
        assert _published(event, xinhua) == date(2025, 2, 7)


def test_the_seoul_ministers_session_venue_rests_on_korean_reports(cat: Catalog) -> None:
    session = cat.get("ai-seoul-summit-2024-ministerial-session")
    assert session.place is not None
    assert session.place.venue == "Korea Institute of Science and Technology (KIST)"
    assert _kind(session, "asiae.co.kr") == "press"
    assert _kind(session, "kbs.co.kr") == "press"
    # The GOV.UK programme names the day and the co-chairs, not the venue.
    assert _phrase(session, "www.gov.uk/") == "22 May 2024"
    assert session.start == date(2024, 5, 22)
    co_chairs = {a.name for a in session.actors if a.role is Role.CO_CHAIR}
    assert co_chairs == {"Lee Jong-ho", "Michelle Donelan"}


def test_china_at_the_seoul_ministers_day_rests_on_pa(cat: Catalog) -> None:
    session = cat.get("ai-seoul-summit-2024-ministerial-session")
    assert session.status is Status.CONFIRMED
    assert "China" in {a.name for a in session.actors}
    assert _kind(session, "lbc.co.uk") == "wire"
    assert _published(session, "lbc.co.uk") == date(2024, 5, 22)
    assert _kind(session, "newsfromrss.com") == "secondary"


def test_the_ai_global_forum_cites_e2india_only_as_a_secondary_source(cat: Catalog) -> None:
    forum = cat.get("ai-global-forum-2024")
    assert forum.status is Status.CONFIRMED
    assert _kind(forum, "mofa.go.kr") == "official"
    assert _kind(forum, "e2india.com") == "secondary"


def test_the_action_plan_time_is_xinhuas_header_and_the_day_is_xinhuas_text(
    cat: Catalog,
) -> None:
    plan = cat.get("global-ai-governance-action-plan-2025")
    assert plan.when.timex == "2025-07-26T12:54"
    assert plan.when.zone == "Asia/Shanghai"
    assert _phrase(plan, "dig.watch") == "2025-07-26 12:54"
    assert _kind(plan, "gmw.cn") == "wire"
    assert _phrase(plan, "gmw.cn") == "7月26日"
    assert _published(plan, "gmw.cn") == date(2025, 7, 27)


def test_waic_2025_is_dated_by_the_foreign_ministry_after_the_event(cat: Catalog) -> None:
    waic = cat.get("waic-2025")
    assert (waic.start, waic.end) == (date(2025, 7, 26), date(2025, 7, 28))
    assert _phrase(waic, "pakistantoday.com.pk") == "from July 26 to 28"
    assert _published(waic, "pakistantoday.com.pk") == date(2025, 7, 30)
    assert _kind(waic, "doitong.com") == "secondary"


def test_waic_2026_announcement_has_a_press_source_beside_the_aggregator(cat: Catalog) -> None:
    announcement = cat.get("waic-2026-announcement")
    assert _kind(announcement, "wedoany.com") == "secondary"
    assert _kind(announcement, "bastillepost.com") == "press"


def test_the_swissinfo_report_of_19_february_2026_has_one_headline(cat: Catalog) -> None:
    fragment = "swissinfo.ch/eng/swiss-ai/switzerland-to-host-the-next-world-summit-on-ai/90966531"
    cited = [s for e in cat for s in e.sources if fragment in s.url]
    assert len(cited) >= 3
    assert {s.title for s in cited} == {
        "Switzerland to host 2027 world summit on artificial intelligence"
    }
    assert {s.published for s in cited} == {date(2026, 2, 19)}


def test_every_page_cited_twice_has_one_title(cat: Catalog) -> None:
    titles: dict[str, set[str]] = {}
    for event in cat:
        for source in event.sources:
            if source.title:
                titles.setdefault(source.url, set()).add(source.title)
    assert {url: t for url, t in titles.items() if len(t) > 1} == {}


def test_the_rosti_offer_cites_the_swiss_release_of_7_february_2025(cat: Catalog) -> None:
    offer = cat.get("rosti-geneva-summit-offer-paris-2025")
    release = "dfae.admin.ch/europa/de/home/aktuell/medienmitteilungen.html/content/"
    assert any(release in url and url.endswith("/news/2025/2/7/104063") for url in _urls(offer))
    assert _kind(offer, release) == "official"
    assert _published(offer, release) == date(2025, 2, 7)
    # The release announced the press point for "Tuesday afternoon": 11 Feb 2025.
    assert _phrase(offer, release) == "Am Dienstagnachmittag um 15 Uhr"
    assert offer.start == date(2025, 2, 11)
    assert offer.start.weekday() == 1
    assert offer.place is not None
    assert offer.place.venue == "Embassy of Switzerland"


def test_ai_for_good_and_the_wsis_forum_2026_are_not_separate_events(cat: Catalog) -> None:
    # Only pre-event and secondary pages give their dates: they are mentioned in the
    # Global Dialogue's record, not catalogued on their own.
    titles = " ".join(e.title.lower() for e in cat)
    assert "ai for good" not in titles
    assert "wsis" not in titles
    dialogue = cat.get("global-dialogue-ai-governance-2026")
    assert "AI for Good Global Summit (7-10 July)" in dialogue.description
    assert "WSIS Forum (6-10 July)" in dialogue.description
