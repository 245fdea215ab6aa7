"""`summitcal list` on a terminal fits its width; piped or with --wide, lines are whole.

The width is a terminal's, so these run the command in a child process whose stdout is a
pseudo-terminal of known size (and COLUMNS set to match, as a shell does).
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from summitcal.cli._events import Row, format_rows
from tests.catalog.test_catalog import write

LONG = """
[[event]]
id = "demo-long-2031"
kind = "summit"
title = "A very long title for a summit that no narrow terminal could ever hold whole"
when = "2031-03-04/2031-03-05"
status = "announced"

[event.place]
venue = "The Great Conference Centre of the Lakeside"
city = "Kisumu"
country = "KE"

[[event.sources]]
url = "https://example.org/long"
"""


@pytest.fixture
def seeds(tmp_path: Path) -> str:
    return str(write(tmp_path, LONG))


def _on_terminal(args: list[str], columns: int) -> str:
    """What the command prints on a terminal ``columns`` wide."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns)}
    try:
        subprocess.run(
            [sys.executable, "-m", "summitcal", *args],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            check=True,
            timeout=60,
        )
    finally:
        os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the terminal's other end is closed and all was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _piped(args: list[str], columns: int) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    result = subprocess.run(
        [sys.executable, "-m", "summitcal", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    return result.stdout


def test_a_narrow_terminal_cuts_the_title_not_the_id_or_dates(seeds: str) -> None:
    out = _on_terminal(["list", "--seeds", seeds], 60)
    (line,) = out.splitlines()
    assert len(line) <= 60
    assert line.startswith("2031-03-04/05  demo-long-2031  A very long")
    assert "…" in line
    assert line.endswith("[announced]") or "[announced]" in line


def test_a_wide_terminal_gets_the_whole_line(seeds: str) -> None:
    out = _on_terminal(["list", "--seeds", seeds], 250)
    assert "could ever hold whole [announced]" in out
    assert out.rstrip().endswith("The Great Conference Centre of the Lakeside, Kisumu, KE")


def test_wide_keeps_the_whole_line_on_a_narrow_terminal(seeds: str) -> None:
    out = _on_terminal(["list", "--seeds", seeds, "--wide"], 60)
    assert "…" not in out
    assert len(out.splitlines()[0]) > 60


def test_a_pipe_gets_the_whole_line_whatever_columns_says(seeds: str) -> None:
    out = _piped(["list", "--seeds", seeds], 60)
    assert "…" not in out
    assert "could ever hold whole [announced]  The Great Conference Centre" in out


def test_next_fits_the_terminal_too(seeds: str) -> None:
    out = _on_terminal(["next", "--seeds", seeds, "--as-of", "2031-02-25"], 60)
    (line,) = out.splitlines()
    assert len(line) <= 60
    assert line.startswith("in 7 days  2031-03-04/05  demo-long-2031")


class TestFormatRows:
    ROW = Row(("2031-03-04", "x-1"), "Title of twenty-six chars", " [tentative]", "Some place, KE")

    def test_the_place_gives_way_before_the_title(self) -> None:
        full = format_rows([self.ROW]).rstrip("\n")
        assert full.endswith("Some place, KE")
        narrower = format_rows([self.ROW], width=len(full) - 4).rstrip("\n")
        assert "Title of twenty-six chars [tentative]" in narrower
        assert narrower.endswith("…")
        assert len(narrower) <= len(full) - 4

    def test_a_very_narrow_width_drops_the_place_and_keeps_the_flag(self) -> None:
        line = format_rows([self.ROW], width=40).rstrip("\n")
        assert line.startswith("2031-03-04  x-1  Title")
        assert line.endswith("… [tentative]")
        assert "Some" not in line
        assert len(line) <= 40

    def test_fixed_cells_are_never_cut(self) -> None:
        line = format_rows([self.ROW], width=5).rstrip("\n")
        assert line.startswith("2031-03-04  x-1  ")

    def test_no_rows(self) -> None:
        assert format_rows([], width=20) == "(no events)\n"
