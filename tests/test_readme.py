"""The README's console session is real: each shown command prints what the README says.

A ``cat FILE`` block in the session defines FILE's content for the commands after it.
Commands shown without output (they write files or start a server) are not run here;
their own tests cover them.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from summitcal.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def console_steps() -> list[tuple[list[str], str]]:
    """(argv, expected output) for every command in the README's console blocks."""
    steps = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text("utf-8"), re.DOTALL):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                i += 1
                continue
            command = lines[i][2:]
            while command.endswith("\\"):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            i += 1
            output = []
            while i < len(lines) and lines[i] and not lines[i].startswith("$ "):
                output.append(lines[i])
                i += 1
            argv = shlex.split(command, comments=True)
            if output:
                steps.append((argv, "\n".join(output) + "\n"))
    return steps


def test_the_session_has_commands() -> None:
    """The parser finds the README's examples (so the test below is not vacuous)."""
    names = [argv[1] for argv, _ in console_steps() if argv[0] == "summitcal"]
    assert {"list", "resolve", "extract"} <= set(names)


def test_session_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command with shown output prints exactly that output."""
    monkeypatch.chdir(tmp_path)
    for argv, expected in console_steps():
        if argv[0] == "cat":
            (tmp_path / argv[1]).write_text(expected, "utf-8")
            continue
        assert argv[0] == "summitcal", argv
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            main(argv[1:])
        assert buffer.getvalue() == expected, " ".join(argv)
