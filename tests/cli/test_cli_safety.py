"""No command deletes or overwrites a file it did not write, run as a user runs them."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summitcal.catalog.load import shipped_seeds_path
from summitcal.cli import BROKEN_PIPE, main
from summitcal.cli._common import EMPTY_SELECTION
from tests.catalog.test_catalog import CHILD_EVENT, GOOD_EVENT, write

NOW = datetime(2025, 2, 9, 12, tzinfo=UTC)
BASE = "https://example.org/cal/"


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every entry below ``root``, hidden ones too: bytes for files, None for folders."""
    return {
        p.relative_to(root).as_posix(): None if p.is_dir() else p.read_bytes()
        for p in sorted(root.rglob("*"))
    }


@contextlib.contextmanager
def kept_as_it_was(folder: Path, tmp_path: Path) -> Iterator[dict[str, bytes | None]]:
    """Yield ``folder``'s snapshot; should a regression change it, put it back afterwards.

    For tests that aim a command at the shipped catalogue: a failing test must not leave
    the checkout without its seeds.
    """
    before = snapshot(folder)
    backup = tmp_path / "kept"
    shutil.copytree(folder, backup)
    try:
        yield before
    finally:
        if snapshot(folder) != before:
            shutil.rmtree(folder)
            shutil.copytree(backup, folder)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), now=NOW)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A user's own catalogue folder."""
    folder = tmp_path / "my-events"
    folder.mkdir()
    write(folder, GOOD_EVENT, CHILD_EVENT)
    return folder


class TestBuild:
    def test_build_dot_in_a_working_folder_leaves_it_alone(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        seeds: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        work = tmp_path / "work"
        work.mkdir()
        (work / "notes.txt").write_text("do not lose me")
        monkeypatch.chdir(work)
        before = snapshot(tmp_path)
        for extra in ([], ["--force"]):
            code, _, err = run(
                capsys, "build", ".", "--base-url", BASE, "--seeds", str(seeds), *extra
            )
            assert code == 1
            assert err.count("\n") == 1
            assert err.startswith("summitcal: error: ")
            assert snapshot(tmp_path) == before

    def test_build_into_the_catalogue_it_reads_is_refused(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
    ) -> None:
        before = snapshot(tmp_path)
        for target in (seeds, seeds / "site", tmp_path):
            for extra in ([], ["--force"]):
                code, _, err = run(
                    capsys,
                    "build",
                    str(target),
                    "--base-url",
                    BASE,
                    "--seeds",
                    str(seeds),
                    *extra,
                )
                assert code == 1, (target, extra)
                assert "catalogue being read" in err
        assert snapshot(tmp_path) == before

    def test_build_into_the_shipped_catalogue_is_refused(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        shipped = shipped_seeds_path()
        with kept_as_it_was(shipped, tmp_path) as before:
            code, _, err = run(capsys, "build", str(shipped), "--base-url", BASE, "--force")
            assert code == 1
            assert "catalogue being read" in err
            assert snapshot(shipped) == before

    def test_a_folder_with_foreign_files_is_refused(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
    ) -> None:
        out = tmp_path / "public"
        out.mkdir()
        (out / "notes.txt").write_text("mine")
        before = snapshot(tmp_path)
        code, _, err = run(capsys, "build", str(out), "--base-url", BASE, "--seeds", str(seeds))
        assert code == 1
        assert "notes.txt" in err
        assert "--force" in err
        assert snapshot(tmp_path) == before

    def test_a_previous_site_is_rebuilt(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
    ) -> None:
        out = tmp_path / "public"
        argv = ("build", str(out), "--base-url", BASE, "--seeds", str(seeds))
        assert run(capsys, *argv)[0] == 0
        first = snapshot(out)
        assert run(capsys, *argv)[0] == 0
        assert snapshot(out) == first  # same catalogue, same bytes
        assert sorted(p.name for p in tmp_path.iterdir()) == ["my-events", "public"]


class TestIcsOut:
    def test_a_directory_is_refused(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, _, err = run(capsys, "ics", "--feed", "all", "--out", str(tmp_path))
        assert code == 1
        assert "is a directory" in err

    def test_a_catalogue_file_is_never_overwritten(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
    ) -> None:
        before = snapshot(tmp_path)
        for name in ("events.toml", "all.ics"):
            code, _, err = run(
                capsys, "ics", "--seeds", str(seeds), "--out", str(seeds / name), "--force"
            )
            assert code == 1
            assert "being read" in err
        assert snapshot(tmp_path) == before

    def test_a_foreign_file_is_kept_unless_forced(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
    ) -> None:
        target = tmp_path / "notes.txt"
        target.write_text("my notes")
        argv = ("ics", "--seeds", str(seeds), "--out", str(target))
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert "not written by summitcal" in err
        assert target.read_text() == "my notes"
        assert run(capsys, *argv, "--force")[0] == 0
        assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")

    def test_a_calendar_it_wrote_is_replaced(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
    ) -> None:
        target = tmp_path / "cal.ics"
        argv = ("ics", "--seeds", str(seeds), "--out", str(target))
        assert run(capsys, *argv)[0] == 0
        assert run(capsys, *argv, "--title", "Renamed")[0] == 0
        assert b"Renamed" in target.read_bytes()


class TestEmptySelection:
    @pytest.mark.parametrize(
        "argv",
        [("ics", "--year", "1999"), ("list", "--year", "1999"), ("timeline", "--year", "1999")],
    )
    def test_is_said_with_its_own_status(
        self, capsys: pytest.CaptureFixture[str], seeds: Path, argv: tuple[str, ...]
    ) -> None:
        code, out, err = run(capsys, *argv, "--seeds", str(seeds))
        assert (code, out) == (EMPTY_SELECTION, "")
        assert "no events match" in err

    def test_no_file_is_written(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
    ) -> None:
        target = tmp_path / "empty.ics"
        code, _, _ = run(
            capsys, "ics", "--year", "1999", "--seeds", str(seeds), "--out", str(target)
        )
        assert code == EMPTY_SELECTION
        assert not target.exists()

    def test_allow_empty_writes_an_empty_calendar(
        self, capsys: pytest.CaptureFixture[str], seeds: Path
    ) -> None:
        code, out, _ = run(capsys, "ics", "--year", "1999", "--seeds", str(seeds), "--allow-empty")
        assert code == 0
        assert out.startswith("BEGIN:VCALENDAR")
        assert "BEGIN:VEVENT" not in out


class TestExtractOutDir:
    def test_an_input_is_never_overwritten(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        story = tmp_path / "story.txt"
        story.write_text("The talks began on Friday.")
        before = snapshot(tmp_path)
        code, _, err = run(
            capsys,
            "extract",
            str(story),
            "--published",
            "2025-02-09",
            "--format",
            "text",
            "--out-dir",
            str(tmp_path),
            "--force",
        )
        assert code == 1
        assert "being read" in err
        assert snapshot(tmp_path) == before

    def test_nothing_is_written_into_the_shipped_catalogue(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        story = tmp_path / "story.txt"
        story.write_text("The talks began on Friday.")
        shipped = shipped_seeds_path()
        with kept_as_it_was(shipped, tmp_path) as before:
            for out in (shipped, shipped / "tagged"):
                argv = ("extract", str(story), "--published", "2025-02-09", "--out-dir", str(out))
                code, _, err = run(capsys, *argv, "--force")
                assert code == 1
                assert "being read" in err
                assert snapshot(shipped) == before

    def test_a_foreign_file_in_the_out_dir_is_kept(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        story = tmp_path / "story.txt"
        story.write_text("The talks began on Friday.")
        out = tmp_path / "out"
        out.mkdir()
        (out / "story.json").write_text("my own json")
        argv = ("extract", str(story), "--published", "2025-02-09", "--out-dir", str(out))
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert "not written by summitcal" in err
        assert (out / "story.json").read_text() == "my own json"
        assert run(capsys, *argv, "--force")[0] == 0
        assert run(capsys, *argv)[0] == 0  # its own output is replaced without --force
        assert json.loads((out / "story.json").read_text())["mentions"]


def test_a_closed_pipe_ends_quietly_with_the_sigpipe_status() -> None:
    """`summitcal list | head`: no message, and the status a shell shows for `yes | head`."""
    code = "import sys; from summitcal.cli import main; sys.exit(main(['ics', '--feed', 'all']))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the feed is written (imports take longer)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == BROKEN_PIPE
    assert err == b""


@pytest.mark.parametrize("command", [["ics", "--feed", "all"], ["import", "x.ics"]])
def test_an_empty_output_path_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """ "--out ''" names no file; it used to mean standard output without a word."""
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--out", ""], now=NOW)
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "empty path" in err
