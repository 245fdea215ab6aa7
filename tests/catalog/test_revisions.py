"""SEQUENCE bookkeeping: digests, updates, the shipped records, `summitcal revisions`."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import attrs
import pytest

from summitcal import load_catalog
from summitcal.catalog.load import shipped_seeds_path
from summitcal.catalog.revisions import (
    REVISIONS_FILE,
    check_revisions,
    content_digest,
    derived_revision,
    format_revisions,
    read_revisions,
    update_revisions,
)
from summitcal.cli import main
from summitcal.errors import SeedError
from summitcal.models.revision import Revision
from summitcal.models.serialize import event_to_dict
from tests.conftest import NOW

FIXTURE = Path(__file__).parents[1] / "data" / "ical_fixture"
LATER = datetime(2026, 12, 1, 9, 30, 15, 123, tzinfo=UTC)


@pytest.fixture
def events():  # type: ignore[no-untyped-def]
    return list(load_catalog(FIXTURE))


class TestDigest:
    def test_changes_with_published_content(self, events) -> None:  # type: ignore[no-untyped-def]
        e = events[0]
        assert content_digest(e) == content_digest(attrs.evolve(e))
        assert content_digest(e) != content_digest(attrs.evolve(e, title=e.title + "!"))
        assert content_digest(e) != content_digest(attrs.evolve(e, tags=(*e.tags, "x")))
        assert content_digest(e).startswith("sha256:")

    def test_an_events_own_location_is_digested_only_when_given(self, events) -> None:  # type: ignore[no-untyped-def]
        """Without one the published data, and so the digest, are as they always were."""
        e = next(e for e in events if e.place is None)
        assert "location" not in event_to_dict(e)
        with_location = attrs.evolve(e, location="Room 4")
        assert content_digest(with_location) != content_digest(e)
        assert content_digest(attrs.evolve(with_location, location=None)) == content_digest(e)

    def test_derived_revision(self, events) -> None:  # type: ignore[no-untyped-def]
        summit = next(e for e in events if e.id == "demo-summit-2025")
        rev = derived_revision(summit)
        assert (rev.sequence, rev.modified) == (0, datetime(2025, 2, 9, tzinfo=UTC))


class TestUpdate:
    def test_new_changed_unchanged(self, events) -> None:  # type: ignore[no-untyped-def]
        first = {r.id: r for r in update_revisions(events, {}, now=NOW)}
        assert {r.sequence for r in first.values()} == {0}
        assert {r.modified for r in first.values()} == {NOW}
        changed = [attrs.evolve(e, title="New") if e.id == "demo-week-2025" else e for e in events]
        second = {r.id: r for r in update_revisions(changed, first, now=LATER)}
        assert second["demo-week-2025"].sequence == 1
        assert second["demo-week-2025"].modified == LATER.replace(microsecond=0)
        unchanged = {k: v for k, v in second.items() if k != "demo-week-2025"}
        assert unchanged == {k: v for k, v in first.items() if k != "demo-week-2025"}

    def test_removed_events_are_dropped(self, events) -> None:  # type: ignore[no-untyped-def]
        records = {r.id: r for r in update_revisions(events, {}, now=NOW)}
        assert len(update_revisions(events[1:], records, now=NOW)) == len(events) - 1

    def test_check(self, events) -> None:  # type: ignore[no-untyped-def]
        records = {r.id: r for r in update_revisions(events, {}, now=NOW)}
        assert check_revisions(events, records) == ()
        stale = dict(records)
        stale[events[0].id] = attrs.evolve(records[events[0].id], digest="sha256:old")
        del stale[events[1].id]
        stale["gone"] = Revision(id="gone", sequence=0, digest="d", modified=NOW)
        problems = {(p.id, p.reason) for p in check_revisions(events, stale)}
        assert problems == {(events[0].id, "stale"), (events[1].id, "missing"), ("gone", "orphan")}

    def test_naive_now_refused(self, events) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ValueError, match="aware"):
            update_revisions(events, {}, now=datetime(2026, 1, 1))  # noqa: DTZ001

    def test_format_reads_back(self, tmp_path: Path, events) -> None:  # type: ignore[no-untyped-def]
        records = update_revisions(events, {}, now=NOW)
        path = tmp_path / REVISIONS_FILE
        path.write_text(format_revisions(reversed(records)), "utf-8")
        assert read_revisions(path) == {r.id: r for r in records}
        assert format_revisions(records) == format_revisions(reversed(records))


def test_shipped_revisions_in_step() -> None:
    """The shipped catalogue's revisions.toml matches its content: a changed event must
    ship with a bumped SEQUENCE (run `summitcal revisions --update`)."""
    catalog = load_catalog()
    problems = check_revisions(catalog, catalog.revisions)
    assert problems == (), "\n".join(map(str, problems))
    assert (shipped_seeds_path() / REVISIONS_FILE).exists()


class TestCommand:
    def _copy(self, tmp_path: Path) -> Path:
        folder = tmp_path / "seeds"
        folder.mkdir()
        shutil.copy(FIXTURE / "events.toml", folder / "events.toml")
        return folder

    def test_update_then_check(self, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
        folder = self._copy(tmp_path)
        assert main(["revisions", "--seeds", str(folder)], now=NOW) == 1
        assert "has no revision record" in capsys.readouterr().err
        assert main(["revisions", "--update", "--seeds", str(folder)], now=NOW) == 0
        assert main(["revisions", "--check", "--seeds", str(folder)], now=NOW) == 0
        catalog = load_catalog(folder)
        assert set(catalog.revisions) == {e.id for e in catalog}
        text = (folder / REVISIONS_FILE).read_text("utf-8")
        assert main(["revisions", "--update", "--seeds", str(folder)], now=LATER) == 0
        assert (folder / REVISIONS_FILE).read_text("utf-8") == text  # nothing changed

    def test_edit_bumps_sequence(self, tmp_path: Path) -> None:
        folder = self._copy(tmp_path)
        main(["revisions", "--update", "--seeds", str(folder)], now=NOW)
        events = folder / "events.toml"
        events.write_text(
            events.read_text("utf-8").replace('title = "Keynote"', 'title = "Opening keynote"')
        )
        assert main(["revisions", "--check", "--seeds", str(folder)], now=NOW) == 1
        main(["revisions", "--update", "--seeds", str(folder)], now=LATER)
        rev = load_catalog(folder).revisions
        assert rev["demo-summit-2025-speech"].sequence == 1
        assert rev["demo-summit-2025-speech"].modified == LATER.replace(microsecond=0)
        assert rev["demo-summit-2025"].sequence == 0

    def test_removed_event_record_is_dropped(self, tmp_path: Path) -> None:
        folder = self._copy(tmp_path)
        main(["revisions", "--update", "--seeds", str(folder)], now=NOW)
        extra = folder / REVISIONS_FILE
        extra.write_text(
            extra.read_text("utf-8")
            + '\n[[revision]]\nid = "gone"\nsequence = 2\ndigest = "x"\n'
            + "modified = 2025-01-01T00:00:00Z\n"
        )
        with pytest.raises(SeedError, match="unknown event"):
            load_catalog(folder)
        assert main(["revisions", "--update", "--seeds", str(folder)], now=NOW) == 0
        assert "gone" not in load_catalog(folder).revisions

    def test_not_a_directory(self, capsys) -> None:  # type: ignore[no-untyped-def]
        assert main(["revisions", "--seeds", str(FIXTURE / "events.toml")], now=NOW) == 1
        assert "catalogue directory" in capsys.readouterr().err


def test_fixture_dates_sane() -> None:
    """An event whose sources carry no date gets the fixed epoch, not its own first day."""
    assert derived_revision(load_catalog(FIXTURE).get("demo-week-2025")).modified.date() == date(
        1970, 1, 1
    )
