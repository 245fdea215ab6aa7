"""`summitcal check`: every error of a catalogue in one run, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.catalog.test_catalog import CHILD_EVENT, GOOD_EVENT, write
from tests.cli.test_cli_safety import run, seeds

__all__ = ["seeds"]  # the fixture, shared


class TestCheck:
    BAD = (
        GOOD_EVENT.replace('country = "KE"', 'country = "QQ"'),
        CHILD_EVENT.replace('id = "demo-side-event"', 'id = "Demo Side"'),
    )

    def test_every_error_is_listed(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        write(tmp_path, *self.BAD)
        code, _, err = run(capsys, "check", "--seeds", str(tmp_path))
        assert code == 1
        lines = err.splitlines()
        assert len(lines) == 3, err
        assert "field 'place.country'" in lines[0]
        assert "field 'id'" in lines[1]
        assert lines[2] == "summitcal: 2 problems in the catalogue"

    def test_json_lists_file_record_field_message(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write(tmp_path, *self.BAD)
        code, out, _ = run(capsys, "check", "--seeds", str(tmp_path), "--format", "json")
        assert code == 1
        errors = json.loads(out)
        assert [sorted(e) for e in errors] == [["field", "file", "message", "record"]] * 2
        assert {e["file"] for e in errors} == {str(path / "events.toml")}
        assert [e["field"] for e in errors] == ["place.country", "id"]

    def test_json_of_a_clean_catalogue_is_an_empty_list(
        self, capsys: pytest.CaptureFixture[str], seeds: Path
    ) -> None:
        assert run(capsys, "check", "--seeds", str(seeds), "--format", "json")[:2] == (0, "[]\n")
