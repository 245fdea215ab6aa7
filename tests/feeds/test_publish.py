"""Writing output without losing a user's files: summitcal.publish."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from summitcal.atomic import STALE_AFTER, atomic_write_bytes
from summitcal.errors import FeedError
from summitcal.publish import (
    SITE_MARKER,
    check_dir_target,
    check_file_target,
    exchange,
    publish_tree,
    write_file,
)

OLD = {"index.html": b"<p>old</p>", "feeds/all.ics": b"BEGIN:VCALENDAR\r\nold"}
NEW = {"index.html": b"<p>new</p>", "feeds/all.ics": b"BEGIN:VCALENDAR\r\nnew"}


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every entry below ``root`` (hidden ones too): file bytes, or None for a folder."""
    found: dict[str, bytes | None] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        found[rel] = None if path.is_dir() else path.read_bytes()
    return found


def content(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if v is not None and k != SITE_MARKER}


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """A folder of the user's own: notes and a sub-folder."""
    folder = tmp_path / "mine"
    (folder / "drafts").mkdir(parents=True)
    (folder / "notes.txt").write_text("my notes")
    (folder / "drafts" / "a.md").write_text("# draft")
    return folder


class TestOwnership:
    def test_a_new_directory_is_created_with_its_marker(self, tmp_path: Path) -> None:
        out = publish_tree(NEW, tmp_path / "site")
        assert content(out) == NEW
        marker = json.loads((out / SITE_MARKER).read_bytes())
        assert marker["files"] == sorted(NEW)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def test_an_empty_directory_is_used(self, tmp_path: Path) -> None:
        (tmp_path / "site").mkdir()
        assert content(publish_tree(NEW, tmp_path / "site")) == NEW

    def test_a_folder_with_foreign_files_is_refused_and_unchanged(
        self, foreign: Path, tmp_path: Path
    ) -> None:
        before = snapshot(tmp_path)
        with pytest.raises(FeedError, match=r"no marker.*drafts.*notes\.txt.*--force"):
            publish_tree(NEW, foreign)
        assert snapshot(tmp_path) == before

    def test_a_previous_site_is_replaced_without_litter(self, tmp_path: Path) -> None:
        out = tmp_path / "site"
        publish_tree(OLD, out)
        publish_tree({**NEW, "extra.json": b"{}"}, out)
        publish_tree(NEW, out)  # a file the last build wrote and this one does not: gone
        assert content(out) == NEW
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def test_a_file_added_to_a_previous_site_is_not_deleted(self, tmp_path: Path) -> None:
        out = tmp_path / "site"
        publish_tree(OLD, out)
        (out / "CNAME").write_text("calendar.example.org")
        (out / "feeds" / "mine.ics").write_text("my own feed")
        before = snapshot(tmp_path)
        with pytest.raises(FeedError, match=r"did not write: CNAME, feeds/mine\.ics"):
            publish_tree(NEW, out)
        assert snapshot(tmp_path) == before

    def test_force_replaces_a_foreign_folder(self, foreign: Path) -> None:
        assert content(publish_tree(NEW, foreign, force=True)) == NEW

    def test_a_marker_that_is_not_ours_does_not_count(self, tmp_path: Path) -> None:
        out = tmp_path / "site"
        out.mkdir()
        (out / SITE_MARKER).write_text(json.dumps({"generator": "other", "files": ["a"]}))
        (out / "a").write_text("theirs")
        with pytest.raises(FeedError, match="no marker"):
            publish_tree(NEW, out)
        assert (out / "a").read_text() == "theirs"

    def test_a_file_or_a_link_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "file").write_text("x")
        (tmp_path / "real").mkdir()
        (tmp_path / "link").symlink_to(tmp_path / "real")
        with pytest.raises(FeedError, match="not a directory"):
            publish_tree(NEW, tmp_path / "file")
        with pytest.raises(FeedError, match="symbolic link"):
            publish_tree(NEW, tmp_path / "link")
        assert (tmp_path / "file").read_text() == "x"
        assert list((tmp_path / "real").iterdir()) == []


class TestProtectedPlaces:
    """Places that are never replaced, with ``force`` or without."""

    @pytest.fixture
    def seeds(self, tmp_path: Path) -> Path:
        folder = tmp_path / "events"
        folder.mkdir()
        (folder / "mine.toml").write_text('[[event]]\nid = "x"\n')
        return folder

    @pytest.mark.parametrize("where", ["itself", "inside", "holding"])
    @pytest.mark.parametrize("force", [False, True])
    def test_the_catalogue(self, seeds: Path, tmp_path: Path, where: str, force: bool) -> None:
        target = {"itself": seeds, "inside": seeds / "site", "holding": tmp_path}[where]
        before = snapshot(tmp_path)
        with pytest.raises(FeedError, match="catalogue being read"):
            publish_tree(NEW, target, catalogue=[seeds], force=force)
        assert snapshot(tmp_path) == before

    def test_the_catalogue_file_given_alone(self, seeds: Path) -> None:
        with pytest.raises(FeedError, match="catalogue being read"):
            publish_tree(NEW, seeds, catalogue=[seeds / "mine.toml"], force=True)
        assert (seeds / "mine.toml").exists()

    def test_the_current_directory_and_its_parents(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        work = tmp_path / "work"
        work.mkdir()
        monkeypatch.chdir(work)
        for target in (Path(), Path("..")):
            with pytest.raises(FeedError, match="current directory"):
                publish_tree(NEW, target, force=True)
        assert list(work.iterdir()) == []
        assert content(publish_tree(NEW, "public")) == NEW  # below it is fine

    def test_the_home_directory(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        home = tmp_path / "home"
        home.mkdir()
        (home / ".profile").write_text("keep")
        monkeypatch.setenv("HOME", str(home))
        with pytest.raises(FeedError, match="home directory"):
            publish_tree(NEW, home, force=True)
        assert (home / ".profile").read_text() == "keep"

    def test_the_root(self) -> None:
        with pytest.raises(FeedError, match="file-system root"):
            publish_tree(NEW, "/", force=True)

    def test_a_page_cannot_take_the_markers_name(self, tmp_path: Path) -> None:
        with pytest.raises(FeedError, match="marker"):
            publish_tree({SITE_MARKER: b"{}"}, tmp_path / "site")


class TestTargetNames:
    def test_a_name_with_glob_characters_touches_no_other_sites_leftovers(
        self, tmp_path: Path
    ) -> None:
        other = tmp_path / ".a.new-keep"  # an empty folder that "[ab]" read as a pattern matches
        other.mkdir()
        publish_tree(NEW, tmp_path / "[ab]")
        assert other.is_dir()
        assert content(tmp_path / "[ab]") == NEW

    def test_a_target_spelt_through_its_own_subfolder_is_the_folder(self, tmp_path: Path) -> None:
        site = tmp_path / "site"
        publish_tree({**OLD, "assets/site.js": b"js"}, site)
        assert publish_tree(NEW, site / "assets" / "..") == site
        assert content(site) == NEW


class TestSwap:
    @pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
    def test_exchange_swaps_two_directories(self, tmp_path: Path) -> None:
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        (tmp_path / "a" / "one").write_text("1")
        (tmp_path / "b" / "two").write_text("2")
        assert exchange(tmp_path / "a", tmp_path / "b") is True
        assert [p.name for p in (tmp_path / "a").iterdir()] == ["two"]
        assert [p.name for p in (tmp_path / "b").iterdir()] == ["one"]

    def test_a_run_killed_between_two_renames_is_repaired_by_the_next(self, tmp_path: Path) -> None:
        """Without an atomic exchange, a kill between the renames leaves no site; the
        next run puts the old one back before it checks ownership, then replaces it."""
        out = tmp_path / "site"
        publish_tree(OLD, out)
        killed = textwrap.dedent(
            f"""
            import os
            from pathlib import Path
            import summitcal.publish as publish

            publish.exchange = lambda a, b: False
            real = Path.replace

            def replace(self, target):
                if self.name.startswith(".site.new-"):
                    os._exit(9)  # as kill -9 between the two renames
                return real(self, target)

            Path.replace = replace
            publish.publish_tree({NEW!r}, {str(out)!r})
            """
        )
        done = subprocess.run([sys.executable, "-c", killed], check=False)
        assert done.returncode == 9
        assert not out.exists()  # the moment the swap was killed in
        assert any(p.name.startswith(".site.old-") for p in tmp_path.iterdir())

        publish_tree(NEW, out)
        assert content(out) == NEW
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def test_a_run_killed_while_removing_the_old_site_is_swept_by_the_next(
        self, tmp_path: Path
    ) -> None:
        """The old site's marker goes last, so a half-removed old site is still known."""
        out = tmp_path / "site"
        publish_tree({**OLD, "a/b.html": b"b", "z.html": b"z"}, out)
        killed = textwrap.dedent(
            f"""
            import os
            import summitcal.publish as publish

            real = os.unlink

            def unlink(path, *args, **kwargs):
                real(path, *args, **kwargs)
                if os.path.basename(path) == {SITE_MARKER!r} and {str(out)!r} not in str(path):
                    os._exit(9)  # as kill -9 once the old site's marker is gone

            os.unlink = unlink
            publish.publish_tree({NEW!r}, {str(out)!r})
            """
        )
        done = subprocess.run([sys.executable, "-c", killed], check=False)
        assert done.returncode == 9
        assert content(out) == NEW
        publish_tree(NEW, out)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def test_staging_left_by_a_killed_run_is_removed_but_not_foreign_folders(
        self, tmp_path: Path
    ) -> None:
        out = tmp_path / "site"
        publish_tree(OLD, out)
        left = tmp_path / ".site.new-abc123"
        left.mkdir()
        (left / SITE_MARKER).write_bytes((out / SITE_MARKER).read_bytes())
        (tmp_path / ".site.new-empty").mkdir()
        theirs = tmp_path / ".site.new-theirs"
        theirs.mkdir()
        (theirs / "keep.txt").write_text("not a build's")
        publish_tree(NEW, out)
        assert sorted(p.name for p in tmp_path.iterdir()) == [".site.new-theirs", "site"]
        assert (theirs / "keep.txt").read_text() == "not a build's"


class TestAtomicWrite:
    def test_temporary_files_a_killed_write_left_are_removed_by_the_next(
        self, tmp_path: Path
    ) -> None:
        target = tmp_path / "feed.ics"
        stale = tmp_path / ".feed.ics.k1lled.tmp"
        young = tmp_path / ".feed.ics.wr1ting.tmp"  # maybe a write still under way
        other = tmp_path / ".notes.txt.x.tmp"
        for leftover in (stale, young, other):
            leftover.write_bytes(b"part")
        old = time.time() - 2 * STALE_AFTER
        for leftover in (stale, other):
            os.utime(leftover, (old, old))
        atomic_write_bytes(target, b"feed")
        assert target.read_bytes() == b"feed"
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            ".feed.ics.wr1ting.tmp",
            ".notes.txt.x.tmp",
            "feed.ics",
        ]


class TestFileTarget:
    @staticmethod
    def ours(head: bytes) -> bool:
        return head.startswith(b"OURS")

    def test_a_new_file_and_our_own_file_are_written(self, tmp_path: Path) -> None:
        target = tmp_path / "feed.ics"
        write_file(target, b"OURS 1", is_ours=self.ours)
        write_file(target, b"OURS 2", is_ours=self.ours)
        assert target.read_bytes() == b"OURS 2"

    def test_a_foreign_file_is_refused_unless_forced(self, tmp_path: Path) -> None:
        target = tmp_path / "notes.txt"
        target.write_bytes(b"my notes")
        with pytest.raises(FeedError, match=r"not written by summitcal.*--force"):
            write_file(target, b"OURS", is_ours=self.ours)
        assert target.read_bytes() == b"my notes"
        write_file(target, b"OURS", is_ours=self.ours, force=True)
        assert target.read_bytes() == b"OURS"

    def test_a_directory_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(FeedError, match="is a directory"):
            check_file_target(tmp_path, is_ours=self.ours, force=True)

    def test_a_pipe_or_a_socket_is_neither_read_nor_replaced(self, tmp_path: Path) -> None:
        """A FIFO would block the check's read; a device or socket must never become a file."""
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(tmp_path / "sock"))
            for target in (fifo, tmp_path / "sock"):
                raised: list[BaseException] = []

                def attempt(target: Path = target, raised: list[BaseException] = raised) -> None:
                    try:
                        write_file(target, b"OURS", is_ours=self.ours)
                    except BaseException as exc:
                        raised.append(exc)

                worker = threading.Thread(target=attempt, daemon=True)  # a hang fails, not stalls
                worker.start()
                worker.join(timeout=10)
                assert not worker.is_alive(), f"checking {target.name} blocked"
                assert isinstance(raised[0], FeedError)
                assert "not a regular file" in str(raised[0])
                with pytest.raises(FeedError, match="not a regular file"):
                    write_file(target, b"OURS", is_ours=self.ours, force=True)
            assert fifo.is_fifo()
            assert (tmp_path / "sock").is_socket()

    def test_files_go_into_a_folder_only_outside_the_catalogue(self, tmp_path: Path) -> None:
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        for inside in (seeds, seeds / "tagged"):
            with pytest.raises(FeedError, match="being read"):
                check_dir_target(inside, catalogue=[seeds])
        assert not (seeds / "tagged").exists()
        assert check_dir_target(tmp_path / "out", catalogue=[seeds]) == tmp_path / "out"
        (tmp_path / "afile").write_bytes(b"x")
        with pytest.raises(FeedError, match="not a directory"):
            check_dir_target(tmp_path / "afile")

    @pytest.mark.parametrize("name", ["events.toml", "new.ics"])
    def test_nothing_is_written_over_or_into_what_is_read(self, tmp_path: Path, name: str) -> None:
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        (seeds / "events.toml").write_bytes(b"OURS but a catalogue")
        before = snapshot(tmp_path)
        with pytest.raises(FeedError, match="being read"):
            write_file(seeds / name, b"OURS", is_ours=self.ours, catalogue=[seeds], force=True)
        assert snapshot(tmp_path) == before

    def test_a_failed_write_is_a_feed_error_and_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "feed.ics"
        target.write_bytes(b"OURS old")

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(FeedError, match="cannot write: No space left"):
            write_file(target, b"OURS new", is_ours=self.ours)
        monkeypatch.undo()
        assert target.read_bytes() == b"OURS old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.ics"]
