"""The HTML page, subscribe links, events.json and the static build."""

from __future__ import annotations

import html
import json
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import attrs
import pytest

from summitcal import load_catalog
from summitcal.catalog.catalog import Catalog
from summitcal.errors import FeedError
from summitcal.feeds.feeds import FeedLink, available_feeds
from summitcal.models.serialize import event_to_dict, events_json
from summitcal.publish import SITE_MARKER
from summitcal.text import UNSAFE
from summitcal.web.site import PAGE_CSP, SiteLinks, render_page

SITE_SEEDS = Path(__file__).parents[1] / "data" / "site"
TODAY = date(2025, 2, 9)
BASE = "https://example.org/cal/"


class _Collect(HTMLParser):
    """Elements with their attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(SITE_SEEDS)


@pytest.fixture(scope="module")
def feeds(cat: Catalog) -> list[FeedLink]:
    return [
        FeedLink("all", "All events", "Everything.", len(cat)),
        FeedLink("ai-summits", "AI summits", "The summit series.", 6),
    ]


@pytest.fixture(scope="module")
def page(cat: Catalog, feeds: list[FeedLink]) -> str:
    return render_page(cat, today=TODAY, base_url=BASE, feeds=feeds)


# --- links ----------------------------------------------------------------------------


def test_links_from_a_base_url() -> None:
    links = SiteLinks.from_url("https://example.org:8443/cal")
    assert links.base == "https://example.org:8443/cal/"
    assert links.https("feeds/all.ics") == "https://example.org:8443/cal/feeds/all.ics"
    assert links.webcal("feeds/all.ics") == "webcal://example.org:8443/cal/feeds/all.ics"
    google = urlsplit(links.google("feeds/all.ics"))
    assert (google.scheme, google.netloc, google.path) == (
        "https",
        "calendar.google.com",
        "/calendar/r",
    )
    assert parse_qs(google.query) == {"cid": ["webcal://example.org:8443/cal/feeds/all.ics"]}


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/",
        "example.org/cal",
        "https:///nohost",
        "https://example.org/?q=1",
        "https://example.org/#x",
        'https://example.org/"><script>',
        "https://example.org:99999/",
    ],
)
def test_bad_base_urls_are_refused(url: str) -> None:
    with pytest.raises(FeedError):
        SiteLinks.from_url(url)


# --- the page -------------------------------------------------------------------------


def test_page_offers_three_ways_to_subscribe_to_each_feed(page: str, feeds: list[FeedLink]) -> None:
    hrefs = [a.get("href", "") for tag, a in _parse(page).elements if tag == "a"]
    for feed in feeds:
        assert f"webcal://example.org/cal/feeds/{feed.name}.ics" in hrefs
        assert f"feeds/{feed.name}.ics" in hrefs
        google = [h for h in hrefs if h.startswith("https://calendar.google.com/calendar/r?")]
        cids = [parse_qs(urlsplit(h).query)["cid"][0] for h in google]
        assert f"webcal://example.org/cal/feeds/{feed.name}.ics" in cids


def test_page_lists_every_event_once_with_its_status(page: str, cat: Catalog) -> None:
    items = {a["id"]: a for tag, a in _parse(page).elements if tag == "li" and "id" in a}
    event_items = {k: v for k, v in items.items() if k.startswith("ev-")}
    assert set(event_items) == {f"ev-{e.id}" for e in cat}
    for e in cat:
        assert event_items[f"ev-{e.id}"]["data-status"] == e.status.value
    assert page.count('id="ev-ai-action-summit-2025"') == 1


def test_parts_are_nested_under_their_summit(page: str) -> None:
    start = page.index('id="ev-ai-action-summit-2025"')
    end = page.index('id="ev-ai-impact-summit-2026"')
    nested = page[start:end]
    for part in ("paris-science-days-2025", "paris-cultural-weekend-2025"):
        assert f'id="ev-{part}"' in nested
    assert "<ul" in nested


def test_page_text_is_escaped(page: str) -> None:
    assert "Élysée dinner &amp; &lt;reception&gt;" in page
    assert "<reception>" not in page


def test_page_embeds_the_timeline_with_marks_linking_to_the_list(page: str) -> None:
    elements = _parse(page).elements
    svgs = [a for tag, a in elements if tag == "svg"]
    assert len(svgs) == 1
    assert svgs[0]["role"] == "figure"  # it holds links: not an img, which is a leaf
    ids = {a.get("id") for _, a in elements}
    mark_targets = {
        a["href"][1:] for tag, a in elements if tag == "a" and a.get("href", "").startswith("#")
    }
    assert mark_targets
    assert mark_targets <= ids


def test_page_is_responsive(page: str) -> None:
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "overflow-x:auto" in page
    assert "@media (max-width:600px)" in page


def test_custom_feed_form_only_when_asked(cat: Catalog, feeds: list[FeedLink], page: str) -> None:
    served = render_page(cat, today=TODAY, base_url=BASE, feeds=feeds, custom_feed=True)
    forms = [a for tag, a in _parse(served).elements if tag == "form" and "action" in a]
    forms = [a for a in forms if a["action"] != "#"]  # the search box submits nowhere
    assert forms == [{"class": "custom", "action": "feeds/custom.ics", "method": "get"}]
    assert 'action="feeds/custom.ics"' not in page


def test_page_is_deterministic(cat: Catalog, feeds: list[FeedLink], page: str) -> None:
    again = render_page(cat, today=TODAY, base_url=BASE, feeds=feeds)
    assert again == page
    later = render_page(cat, today=date(2026, 1, 1), base_url=BASE, feeds=feeds)
    assert later != page


def test_events_json_uses_event_to_dict(cat: Catalog) -> None:
    data = json.loads(events_json(cat))
    assert data == [event_to_dict(e) for e in cat]
    assert [d["id"] for d in data] == [e.id for e in cat]


# --- the static build -----------------------------------------------------------------


def test_build_writes_the_whole_site(cat: Catalog, tmp_path: Path) -> None:
    from summitcal.web.site import build_site

    out = build_site(cat, tmp_path / "public", base_url=BASE, today=TODAY)
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    feeds = [f"feeds/{spec.name}.ics" for spec, _ in available_feeds(cat)]
    assert "feeds/all.ics" in feeds
    # Each dated event has its own "add to calendar" file; undated ones are in no calendar.
    singles = [f"events/{e.id}.ics" for e in cat if not e.when.granularity.is_coarse]
    assert len(singles) == len(cat) - 2
    fixed = [SITE_MARKER, "index.html", "assets/site.js", "events.json", "timeline.svg"]
    assert names == sorted([*fixed, *feeds, *singles])
    page = (out / "index.html").read_text("utf-8")
    assert 'href="webcal://example.org/cal/feeds/all.ics"' in page
    ics = (out / "feeds" / "all.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"https://example.org/cal/feeds/all.ics" in ics.replace(b"\r\n ", b"")
    assert json.loads((out / "events.json").read_bytes())[0]["id"] == next(iter(cat)).id
    assert (out / "timeline.svg").read_bytes().startswith(b"<?xml")


def test_build_leaves_feeds_of_unknown_series_out(tmp_path: Path, cat: Catalog) -> None:
    names = {spec.name for spec, _ in available_feeds(cat)}
    # The test catalogue has no China series: that named feed cannot apply to it.
    assert "china" not in names
    assert {"all", "ai-summits", "paris-2025"} <= names


def test_build_is_deterministic(cat: Catalog, tmp_path: Path) -> None:
    from summitcal.web.site import build_site

    a = build_site(cat, tmp_path / "a", base_url=BASE, today=TODAY)
    b = build_site(cat, tmp_path / "b", base_url=BASE, today=TODAY)
    for path in a.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (b / path.relative_to(a)).read_bytes()


def test_rebuild_replaces_the_old_site_and_leaves_no_litter(cat: Catalog, tmp_path: Path) -> None:
    from summitcal.web.site import build_site

    out = tmp_path / "public"
    build_site(cat, out, base_url=BASE, today=TODAY)
    build_site(cat, out, base_url=BASE, today=date(2026, 1, 1))
    assert "2026-01-01" in (out / "index.html").read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_a_failed_build_leaves_the_previous_site_intact(
    cat: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summitcal.web.site as site

    out = tmp_path / "public"
    site.build_site(cat, out, base_url=BASE, today=TODAY)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    real_write = Path.write_bytes
    written: list[str] = []

    def failing_write(self: Path, data: bytes) -> int:
        written.append(self.name)
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    with pytest.raises(FeedError, match="cannot write: No space left"):
        site.build_site(cat, out, base_url=BASE, today=date(2026, 1, 1))
    monkeypatch.undo()
    assert len(written) == 3  # the failure struck mid-build
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


@pytest.mark.parametrize("atomic_exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_failed_swap_puts_the_previous_site_back(
    cat: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic_exchange: bool
) -> None:
    import summitcal.publish as publish
    import summitcal.web.site as site

    out = tmp_path / "public"
    site.build_site(cat, out, base_url=BASE, today=TODAY)
    before = (out / "index.html").read_bytes()
    real_replace = Path.replace

    def failing_exchange(a: Path, b: Path) -> bool:
        if atomic_exchange:
            raise OSError(5, "I/O error")
        return False  # as on a system without one: two renames

    def failing_replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if self.name.startswith(".public.new-"):
            raise OSError(5, "I/O error")
        return real_replace(self, target)

    monkeypatch.setattr(publish, "exchange", failing_exchange)
    monkeypatch.setattr(Path, "replace", failing_replace)
    with pytest.raises(FeedError, match="cannot write: I/O error"):
        site.build_site(cat, out, base_url=BASE, today=date(2026, 1, 1))
    monkeypatch.undo()
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_build_refuses_a_bad_base_url_before_touching_anything(
    cat: Catalog, tmp_path: Path
) -> None:
    from summitcal.web.site import build_site

    with pytest.raises(FeedError):
        build_site(cat, tmp_path / "public", base_url="nota url", today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_build_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from summitcal.cli import main

    out = tmp_path / "site"
    argv = ["build", str(out), "--base-url", "http://localhost:9000/x", "--seeds", str(SITE_SEEDS)]
    assert main(argv, now=datetime(2025, 2, 9, 12, tzinfo=UTC)) == 0
    page = (out / "index.html").read_text("utf-8")
    assert 'href="webcal://localhost:9000/x/feeds/all.ics"' in page
    assert "Today, 9 Feb 2025" in page
    assert main(["build", str(out), "--base-url", "ftp://x"]) == 1
    assert "base URL" in capsys.readouterr().err


def test_build_without_a_base_url_makes_a_site_of_relative_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``summitcal build DIR`` alone: a site to open from its folder or serve anywhere.
    Downloads only (subscribe links must be absolute), and it says why."""
    from datetime import UTC, datetime

    from summitcal.cli import main

    out = tmp_path / "site"
    argv = ["build", str(out), "--seeds", str(SITE_SEEDS)]
    assert main(argv, now=datetime(2025, 2, 9, 12, tzinfo=UTC)) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    page = (out / "index.html").read_text("utf-8")
    assert "webcal:" not in page
    assert "calendar/r?cid=" not in page  # Google's add-by-URL needs the feed's address
    assert 'class="button download" href="feeds/all.ics" download' in page
    assert 'class="url"' not in page
    assert "built without the web address it is served from" in page
    assert "summitcal build --base-url" in page
    # An event still has its own file and Google's template, without a link back.
    assert 'href="events/ai-action-summit-2025.ics" download' in page
    template = re.search(r'href="(https://calendar\.google\.com/calendar/render[^"]+)"', page)
    assert template
    assert "example" not in html.unescape(template.group(1))
    # No absolute link to the site anywhere: neither the page nor the calendars name one.
    for path in ("feeds/all.ics", "events/ai-action-summit-2025.ics"):
        assert "\nURL" not in (out / path).read_text("utf-8"), path
    help_text = _build_help(capsys)
    assert "Without it every link is relative" in help_text


def _build_help(capsys: pytest.CaptureFixture[str]) -> str:
    from summitcal.cli import main

    with pytest.raises(SystemExit):
        main(["build", "--help"])
    return " ".join(capsys.readouterr().out.split())


def test_build_into_an_unwritable_place_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `summitcal build /proc/site` meets: the staging directory cannot be made."""
    import tempfile

    from summitcal.cli import main

    def refuse(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    out = tmp_path / "site"
    argv = ["build", str(out), "--base-url", BASE, "--seeds", str(SITE_SEEDS)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("summitcal: error: ")
    assert f"{out}: cannot write: Permission denied" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_timeline_command(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from summitcal.cli import main

    now = datetime(2025, 2, 9, 12, tzinfo=UTC)
    assert main(["timeline", "--seeds", str(SITE_SEEDS), "--width", "60"], now=now) == 0
    text = capsys.readouterr().out
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "today (2025-02-09)" in text
    assert main(["timeline", "--seeds", str(SITE_SEEDS), "--format", "svg"], now=now) == 0
    assert capsys.readouterr().out.startswith("<svg")
    assert main(["timeline", "--seeds", str(SITE_SEEDS), "--width", "10"], now=now) == 2


@pytest.mark.parametrize("fmt", ["text", "svg"])
def test_timeline_of_an_unknown_series_is_an_error(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """Not an empty picture: the error names the series and the known ones."""
    from datetime import UTC, datetime

    from summitcal.cli import main

    now = datetime(2025, 2, 9, 12, tzinfo=UTC)
    argv = ["timeline", "--seeds", str(SITE_SEEDS), "--series", "nope", "--format", fmt]
    assert main(argv, now=now) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "'nope'" in err
    assert "ai-summit" in err


# --- hostile text and links -----------------------------------------------------------


def _with_first_event(cat: Catalog, **changes: object) -> Catalog:
    """``cat`` with its first event changed, as code may build one (no loader checks)."""
    first, *rest = cat.events
    return attrs.evolve(cat, events=(attrs.evolve(first, **changes), *rest))


def test_the_static_page_carries_the_servers_content_security_policy(page: str) -> None:
    metas = [a for tag, a in _parse(page).elements if tag == "meta"]
    policies = [m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert policies == [PAGE_CSP]


def test_control_characters_never_reach_the_page(cat: Catalog, feeds: list[FeedLink]) -> None:
    hostile = _with_first_event(cat, title="Summit\x00\x07\x0b\x1b[2J\x9b day\ufffe")
    page = render_page(hostile, today=TODAY, base_url=BASE, feeds=feeds)
    assert "Summit[2J day" in page
    assert not UNSAFE.search(page)


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.domain)", "JavaScript:alert(1)", "data:text/html,x"]
)
def test_a_url_no_reader_should_follow_is_not_a_link(
    cat: Catalog, feeds: list[FeedLink], url: str
) -> None:
    hostile = _with_first_event(cat, url=url)
    page = render_page(hostile, today=TODAY, base_url=BASE, feeds=feeds)
    hrefs = [a.get("href", "") for tag, a in _parse(page).elements if tag == "a"]
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))]
    assert hostile.events[0].title in page  # the title is still shown, as text
