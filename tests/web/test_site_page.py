"""What the page says and in which order: now first, each event with its sources and its
own calendar entry, counts that agree with the feeds, and one same-origin script."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import attrs
import pytest
from icalendar import Calendar

from summitcal import load_catalog
from summitcal.catalog.catalog import Catalog
from summitcal.feeds.feeds import feed_links
from summitcal.models.events import (
    Actor,
    ActorKind,
    Alternative,
    AlternativeStatus,
    Role,
    Source,
)
from summitcal.span.words import relative_to
from summitcal.web.site import (
    PAGE_CSP,
    SCRIPT_PATH,
    event_ics_path,
    relative_words,
    render_page,
    site_files,
    site_script,
    upcoming_and_recent,
)

SITE_SEEDS = Path(__file__).parents[1] / "data" / "site"
TODAY = date(2025, 2, 9)
BASE = "https://example.org/cal/"


#: Elements whose edges separate words in the text a reader sees.
_BLOCKS = frozenset({"dt", "dd", "li", "p", "h3", "h4", "h5", "h6", "div", "ol", "ul", "span"})
_VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})


class _Tree(HTMLParser):
    """Start tags with attributes, in order, and the text inside each element by id."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, str | None]] = []
        self.text_of: dict[str, list[str]] = {}

    def _add(self, data: str) -> None:
        for _, ident in self.stack:
            if ident is not None:
                self.text_of[ident].append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.elements.append((tag, found))
        if tag in _VOID:
            return
        if tag in _BLOCKS:
            self._add(" ")
        ident = found.get("id")
        self.stack.append((tag, ident))
        if ident is not None:
            self.text_of[ident] = []

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCKS:
            self._add(" ")

    def handle_data(self, data: str) -> None:
        self._add(data)

    def text(self, ident: str) -> str:
        return " ".join("".join(self.text_of[ident]).split())

    def hrefs(self) -> list[str]:
        return [a["href"] for tag, a in self.elements if tag == "a" and "href" in a]


def _tree(page: str) -> _Tree:
    tree = _Tree()
    tree.feed(page)
    return tree


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(SITE_SEEDS)


@pytest.fixture(scope="module")
def files(cat: Catalog) -> dict[str, bytes]:
    return site_files(cat, base_url=BASE, today=TODAY)


@pytest.fixture(scope="module")
def page(files: dict[str, bytes]) -> str:
    return files["index.html"].decode("utf-8")


@pytest.fixture(scope="module")
def tree(page: str) -> _Tree:
    return _tree(page)


# --- order and "now" ------------------------------------------------------------------


def test_page_opens_on_now_then_the_timeline_then_the_series(page: str) -> None:
    order = ["now-h", "search-h", "timeline-h", "series-h", "subscribe-h", "events-h"]
    where = [page.index(f'id="{h}"') for h in order]
    assert where == sorted(where)


def test_coming_up_and_recently_as_of_the_build_date(cat: Catalog, tree: _Tree) -> None:
    upcoming, recent = upcoming_and_recent(cat, TODAY)
    assert [e.id for e in upcoming] == [
        "ai-action-summit-2025",
        "rumoured-meeting-2025",
        "ai-impact-summit-2026",
        "waic-2026",
        "ai-summit-2027",
    ]
    assert [e.id for e in recent] == [
        "waic-2024",
        "called-off-forum-2024",
        "ai-safety-summit-2023",
    ]
    assert "AI Action Summit" in tree.text("upcoming-list")
    assert "tomorrow" in tree.text("upcoming-list")  # 10 Feb, seen from 9 Feb
    assert "in 7 months" in tree.text("upcoming-list")  # 15 Sep
    assert "7 months ago" in tree.text("recent-list")  # WAIC ended 6 Jul 2024
    # Parts are under their summit, not in these lists.
    assert "Science days" not in tree.text("recent-list") + tree.text("upcoming-list")


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        (date(2025, 2, 9), date(2025, 2, 9), "today"),
        (date(2025, 2, 1), date(2025, 2, 12), "under way"),
        (date(2025, 2, 10), date(2025, 2, 10), "tomorrow"),
        (date(2025, 2, 8), date(2025, 2, 8), "yesterday"),
        (date(2025, 2, 14), date(2025, 2, 14), "in 5 days"),
        (date(2025, 3, 2), date(2025, 3, 3), "in 3 weeks"),
        (date(2024, 12, 1), date(2024, 12, 2), "2 months ago"),
        (date(2027, 6, 1), date(2027, 6, 1), "in 2 years"),
    ],
)
def test_relative_words(first: date, last: date, words: str) -> None:
    assert relative_words(first, last, TODAY) == words


def test_coming_up_has_the_clis_words_for_every_event_coarse_ones_too(
    cat: Catalog, tree: _Tree, page: str
) -> None:
    """Each line of "coming up" and "recently" says how far off it is in the words
    ``summitcal next`` and ``recent`` use, a date known only as "2027" included."""
    upcoming, recent = upcoming_and_recent(cat, TODAY, limit=None)
    for event in (*upcoming, *recent):
        entry = re.search(rf'<li class="now-item[^>]*>.*?href="#ev-{event.id}".*?</li>', page)
        assert entry, event.id
        assert f'<span class="rel">{relative_to(event.when, TODAY)}</span>' in entry.group(0)
    coarse = cat.get("ai-summit-2027")
    assert coarse.when.granularity.is_coarse
    assert "in 2 years" in tree.text("upcoming-list")  # 2027, counted from 1 Jan
    # The script says "due this year" while the year holds the reader's day.
    assert re.search(r'data-last="2027-12-31" data-due="year"', page)
    assert relative_to(coarse.when, date(2027, 3, 1)) == "due this year"


def test_roles_and_kinds_are_written_as_the_cli_writes_them(cat: Catalog) -> None:
    summit = cat.get("ai-action-summit-2025")
    chair = Actor(name="A. Person", kind=ActorKind.PERSON, role=Role.CO_CHAIR)
    changed = attrs.evolve(summit, actors=(chair,))
    events = tuple(changed if e.id == summit.id else e for e in cat.events)
    page = render_page(attrs.evolve(cat, events=events), today=TODAY, base_url=BASE, feeds=[])
    assert 'A. Person <span class="meta-i">(co-chair)</span>' in page
    assert "co chair" not in page
    part = _tree(page).text("ev-paris-science-days-2025")
    assert "summit-part" in part


def test_the_narrow_timeline_is_newest_first_with_today_between(page: str) -> None:
    box = page[page.index('class="vt-box"') :]
    box = box[: box.index("</section>")]
    order = re.findall(r'href="#ev-([^"]+)"|(id="vt-today")', box)
    ids = [a or "TODAY" for a, _ in order]
    assert ids[0] == "ai-summit-2027"
    assert ids.index("TODAY") == ids.index("ai-action-summit-2025") + 1
    assert ids[-1] == "ai-safety-summit-2023"


# --- one event ------------------------------------------------------------------------


def test_every_event_has_an_anchored_entry_with_dates_place_and_sources(
    cat: Catalog, tree: _Tree
) -> None:
    hrefs = tree.hrefs()
    for event in cat:
        text = tree.text(f"ev-{event.id}")
        assert event.when.timex in text
        if event.place is not None:
            assert event.place.city or event.place.country in text
        for source in event.sources:
            assert source.url in hrefs  # the sources, as links


def test_an_entry_has_dates_in_words_timex_parts_and_parent(tree: _Tree) -> None:
    text = tree.text("ev-ai-action-summit-2025")
    assert "10–11 Feb 2025" in text
    assert "TIMEX3 2025-02-10/2025-02-11" in text
    assert "Grand Palais, Paris, France" in text
    times = [a for tag, a in tree.elements if tag == "time" and a.get("datetime")]
    assert {"class": "when", "datetime": "2025-02-10/2025-02-11"} in times
    part = tree.text("ev-paris-science-days-2025")
    assert "Part of AI Action Summit" in part


def test_an_entry_shows_what_its_sources_disagree_on(cat: Catalog) -> None:
    first = cat.get("ai-action-summit-2025")
    source = Source(url="https://example.org/other", publisher="Other Daily")
    changed = attrs.evolve(
        first,
        sources=(*first.sources, source),
        alternatives=(
            Alternative(
                field="when",
                value="2025-02-10/2025-02-12",
                status=AlternativeStatus.CONFLICT,
                note="One paper gave three days.",
                sources=("https://example.org/other",),
            ),
        ),
    )
    events = tuple(changed if e.id == first.id else e for e in cat.events)
    page = render_page(attrs.evolve(cat, events=events), today=TODAY, base_url=BASE, feeds=[])
    text = _tree(page).text("ev-ai-action-summit-2025")
    assert "Sources differ on" in text
    assert "when: 10–12 Feb 2025 (2025-02-10/2025-02-12) (conflict). One paper gave" in text
    assert 'href="#src-ai-action-summit-2025-2">[2]</a>' in page
    assert 'id="src-ai-action-summit-2025-2"' in page


def test_the_shipped_catalogue_shows_its_disagreements_and_sources(catalog: Catalog) -> None:
    page = render_page(catalog, today=TODAY, base_url=BASE, feeds=feed_links(catalog))
    tree = _tree(page)
    for event in catalog:
        text = tree.text(f"ev-{event.id}")
        assert "Sources" in text
        if not catalog.children(event.id):  # else its parts' entries are inside it too
            assert ("Sources differ on" in text) == bool(event.alternatives), event.id


def test_a_dated_event_has_its_own_calendar_file(cat: Catalog, files: dict[str, bytes]) -> None:
    path = event_ics_path("ai-action-summit-2025")
    assert path == "events/ai-action-summit-2025.ics"
    single = Calendar.from_ical(files[path])
    (vevent,) = single.walk("VEVENT")
    everything = Calendar.from_ical(files["feeds/all.ics"])
    in_feed = next(v for v in everything.walk("VEVENT") if v["UID"] == vevent["UID"])
    assert vevent["UID"] == "ai-action-summit-2025@summitcal"
    assert vevent.decoded("DTSTART") == in_feed.decoded("DTSTART") == date(2025, 2, 10)
    assert vevent.decoded("DTEND") == date(2025, 2, 12)
    assert f'href="{path}" download' in files["index.html"].decode()


def test_an_undated_event_has_no_calendar_links(files: dict[str, bytes], tree: _Tree) -> None:
    assert event_ics_path("waic-2026") not in files
    text = tree.text("ev-waic-2026")
    assert "joins the calendars once its days are known" in text
    assert "events/waic-2026.ics" not in tree.hrefs()


def test_a_past_event_without_a_report_says_so_in_words() -> None:
    """The shipped WAIC 2026: planned for July, no report after it; never "not yet known"."""
    page = site_files(load_catalog(), base_url=BASE, today=date(2026, 12, 7))["index.html"]
    entry = page.decode().split('id="ev-waic-2026"', 1)[1].split("</article>", 1)[0]
    assert "no report it took place</span>" in entry
    assert "Planned for July 2026; no report that it took place has been found" in entry
    assert "once its days are known" not in entry


def _google(tree: _Tree, event_id: str) -> dict[str, list[str]]:
    start = next(i for i, (tag, a) in enumerate(tree.elements) if a.get("id") == f"ev-{event_id}")
    link = next(
        a["href"]
        for _, a in tree.elements[start:]
        if a.get("href", "").startswith("https://calendar.google.com/calendar/render?")
    )
    return parse_qs(urlsplit(link).query)


def test_google_calendar_template_for_days(tree: _Tree) -> None:
    query = _google(tree, "ai-action-summit-2025")
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["AI Action Summit"]
    assert query["dates"] == ["20250210/20250212"]  # the end is exclusive, as in iCalendar
    assert query["location"] == ["Grand Palais, Paris, France"]
    assert query["details"][0].endswith("https://example.org/cal/#ev-ai-action-summit-2025")
    assert "ctz" not in query


def test_google_calendar_template_for_clock_times(tree: _Tree) -> None:
    query = _google(tree, "paris-side-reception-2025")
    assert query["text"] == ["Élysée dinner & <reception>"]
    assert query["dates"] == ["20250210T200000/20250210T230000"]
    assert query["ctz"] == ["Europe/Paris"]


# --- counts ---------------------------------------------------------------------------


def test_feed_counts_on_the_page_are_what_the_feeds_hold(
    cat: Catalog, files: dict[str, bytes], tree: _Tree
) -> None:
    for name, data in files.items():
        if not name.startswith("feeds/"):
            continue
        held = data.count(b"BEGIN:VEVENT")
        feed = name.removeprefix("feeds/").removesuffix(".ics")
        noun = "event" if held == 1 else "events"
        assert f"({held} {noun} in the feed)" in tree.text(f"feed-{feed}"), feed
    everything = files["feeds/all.ics"].count(b"BEGIN:VEVENT")
    assert everything == len(cat) - 2  # two events are known only to the month or year


def test_the_header_says_what_each_count_counts(cat: Catalog, page: str) -> None:
    counts = page[page.index('<p class="counts">') :]
    counts = " ".join(unescape(counts[: counts.index("</p>")]).split())
    assert f"{len(cat)} events in the catalogue, each listed below with its sources." in counts
    assert f"{len(cat) - 2} are dated to the day or closer" in counts
    assert "2 known only to the month or coarser are left out of the calendar feeds" in counts
    assert f"feed holds {len(cat) - 2} events." in counts


def test_a_server_page_with_feed_links_counts_what_the_feeds_hold(cat: Catalog) -> None:
    """feed_links counts what a spec selects; the page shows what the file holds."""
    page = render_page(cat, today=TODAY, base_url=BASE, feeds=feed_links(cat), custom_feed=True)
    assert f"({len(cat) - 2} events in the feed)" in _tree(page).text("feed-all")


# --- the script and its policy --------------------------------------------------------


def test_the_only_script_is_a_same_origin_file(page: str, files: dict[str, bytes]) -> None:
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts == [(f' src="{SCRIPT_PATH}" defer', "")]
    assert files[SCRIPT_PATH] == site_script()
    assert b"fetch(" not in files[SCRIPT_PATH]  # it reads the page, so no connect-src
    assert "script-src 'self'" in PAGE_CSP
    assert "unsafe-inline" not in PAGE_CSP.split("script-src", 1)[1].split(";")[0]
    assert "connect-src" not in PAGE_CSP


def test_the_script_ships_in_the_package() -> None:
    import summitcal

    asset = Path(summitcal.__file__).parent / "web" / "site_assets" / "site.js"
    assert asset.read_bytes() == site_script()
    assert site_script().startswith(b"/*")


def test_search_data_holds_aliases_people_and_places(cat: Catalog, tree: _Tree) -> None:
    data = {
        a["id"]: a["data-search"] for tag, a in tree.elements if tag == "li" and "data-search" in a
    }
    assert set(data) == {f"ev-{e.id}" for e in cat}
    assert "Élysée dinner & <reception>" in data["ev-paris-side-reception-2025"]
    assert "New Delhi" in data["ev-ai-impact-summit-2026"]
    assert "International AI summits" in data["ev-ai-impact-summit-2026"]


def test_the_search_box_and_year_steps_wait_for_the_script(page: str) -> None:
    assert '<section id="search" aria-labelledby="search-h" hidden>' in page
    assert '<div class="tl-tools" hidden>' in page


def test_a_hostile_source_is_text_not_a_link(cat: Catalog) -> None:
    first = cat.events[0]
    bad = Source(url="https://example.org/", title="Click <me>\x1b[2J")
    # The loader refuses such a URL; code that builds events may not, and the page is the
    # last line of defence.
    object.__setattr__(bad, "url", "javascript:alert(1)")
    events = (attrs.evolve(first, sources=(bad,)), *cat.events[1:])
    page = render_page(attrs.evolve(cat, events=events), today=TODAY, base_url=BASE, feeds=[])
    assert "javascript:" not in " ".join(_tree(page).hrefs())
    assert "Click &lt;me&gt;[2J" in page
    assert "\x1b" not in page


def test_the_whole_site_is_deterministic(cat: Catalog, files: dict[str, bytes]) -> None:
    assert site_files(cat, base_url=BASE, today=TODAY) == files
    later = site_files(cat, base_url=BASE, today=date(2026, 3, 1))
    assert later["index.html"] != files["index.html"]
    assert later[SCRIPT_PATH] == files[SCRIPT_PATH]
