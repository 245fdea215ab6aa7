"""Every command is documented: a help text and an example, and it is named in the README."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from summitcal.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_command_has_help_and_example(name: str) -> None:
    """Each command says what it does and shows an example invocation."""
    sub = subcommands()[name]
    assert sub.description
    assert "Example" in (sub.epilog or ""), f"{name} has no example"
    assert f"summitcal {name}" in (sub.epilog or "")


def test_readme_names_every_command() -> None:
    """The README mentions each command at least once."""
    missing = [name for name in subcommands() if f"summitcal {name}" not in README]
    assert missing == []
