"""The list and show commands, run through main()."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitcal.cli import main
from summitcal.cli._common import EMPTY_SELECTION
from tests.catalog.test_catalog import CHILD_EVENT, GOOD_EVENT, write


@pytest.fixture
def seeds(tmp_path: Path) -> str:
    return str(write(tmp_path, GOOD_EVENT, CHILD_EVENT))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestList:
    def test_json_fields(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """JSON output is one array with the documented keys; end is inclusive."""
        code, out, _ = run(capsys, "list", "--seeds", seeds, "--format", "json")
        assert code == 0
        rows = json.loads(out)
        assert [r["id"] for r in rows] == ["demo-summit-2031", "demo-side-event"]
        first = rows[0]
        for key in (
            "id",
            "title",
            "kind",
            "status",
            "start",
            "end",
            "timex",
            "series",
            "location",
            "sources",
        ):
            assert key in first
        assert (first["start"], first["end"], first["timex"]) == (
            "2031-03-04",
            "2031-03-05",
            "2031-03-04/2031-03-05",
        )
        assert first["location"] == "Nairobi, KE"
        assert first["sources"][0]["url"] == "https://example.org/demo-summit"

    def test_filters(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """Filters on the command line narrow the list."""
        _, out, _ = run(
            capsys, "list", "--seeds", seeds, "--kind", "side-event", "--format", "json"
        )
        assert [r["id"] for r in json.loads(out)] == ["demo-side-event"]

    def test_table(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """The table shows compact dates, the id show needs, title and place, one line each."""
        _, out, _ = run(capsys, "list", "--seeds", seeds)
        lines = out.splitlines()
        assert lines[0].startswith("2031-03-04/05  demo-summit-2031  Demo Summit")
        assert lines[0].endswith("Nairobi, KE")
        assert lines[1].startswith("2031-03-05     demo-side-event   Demo side event")

    def test_word_query(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """--q keeps the events holding every word, whatever the case."""
        _, out, _ = run(capsys, "list", "--seeds", seeds, "--q", "NAIROBI demo")
        assert [line.split()[1] for line in out.splitlines()] == ["demo-summit-2031"]

    def test_word_query_without_match(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """A query nothing holds is an empty selection, as for the filters."""
        code, out, err = run(capsys, "list", "--seeds", seeds, "--q", "zanzibar")
        assert (code, out) == (EMPTY_SELECTION, "")
        assert "no events match" in err

    def test_word_query_on_the_shipped_catalogue(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The README's example: Vance's speech, and the dinner he left, found by his name."""
        _, out, _ = run(capsys, "list", "--q", "vance", "--format", "json")
        ids = [r["id"] for r in json.loads(out)]
        assert "jd-vance-paris-summit-speech-2025" in ids
        assert all("vance" in json.dumps(r).lower() for r in json.loads(out))

    def test_csv(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """CSV output has a header and one row per event."""
        _, out, _ = run(capsys, "list", "--seeds", seeds, "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["id"] for r in rows] == ["demo-summit-2031", "demo-side-event"]
        assert rows[0]["end"] == "2031-03-05"

    def test_empty_result(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """No match is said on stderr with its own exit status, not as an empty screen."""
        code, out, err = run(capsys, "list", "--seeds", seeds, "--year", "1999")
        assert (code, out) == (EMPTY_SELECTION, "")
        assert "no events match" in err

    def test_empty_result_allowed(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """--allow-empty, for scripts: status 0 and the plain "no events" line."""
        code, out, _ = run(capsys, "list", "--seeds", seeds, "--year", "1999", "--allow-empty")
        assert (code, out) == (0, "(no events)\n")

    def test_bad_seed_is_one_line_on_stderr(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A broken catalogue gives exit status 1 and a one-line message, no traceback."""
        path = write(tmp_path, GOOD_EVENT.replace('country = "KE"', 'country = "QQ"'))
        code, out, err = run(capsys, "list", "--seeds", str(path))
        assert code == 1
        assert out == ""
        assert err.startswith("summitcal: error: ")
        assert "place.country" in err
        assert "Traceback" not in err

    def test_unknown_series(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """An unknown series is an error naming the known ones, not an empty list."""
        code, out, err = run(capsys, "list", "--seeds", seeds, "--series", "nope")
        assert (code, out) == (1, "")
        assert "series 'nope'" in err
        assert "demo" in err

    @pytest.mark.parametrize("value", ["0", "10000", "x"])
    def test_year_out_of_range(self, capsys: pytest.CaptureFixture[str], value: str) -> None:
        """A year argparse cannot accept exits 2 with a usage message, not a traceback."""
        with pytest.raises(SystemExit) as info:
            main(["list", "--year", value])
        assert info.value.code == 2
        assert "year" in capsys.readouterr().err


class TestShow:
    def test_text(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """show prints the dates, the place and the sources."""
        code, out, _ = run(capsys, "show", "demo-summit-2031", "--seeds", seeds)
        assert code == 0
        assert "2031-03-04 to 2031-03-05" in out
        assert "https://example.org/demo-summit" in out

    def test_json(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """show --format json prints the event's object."""
        _, out, _ = run(capsys, "show", "demo-side-event", "--seeds", seeds, "--format", "json")
        assert json.loads(out)["parent"] == "demo-summit-2031"

    def test_unknown_id(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """An unknown id exits 1 with the id in the message."""
        code, _, err = run(capsys, "show", "nope", "--seeds", seeds)
        assert code == 1
        assert "'nope'" in err

    def test_misspelt_id_proposes_the_nearest(
        self, capsys: pytest.CaptureFixture[str], seeds: str
    ) -> None:
        """A near miss is one line on stderr that names the id meant."""
        code, out, err = run(capsys, "show", "demo-sumit-2013", "--seeds", seeds)
        assert (code, out) == (1, "")
        assert err.count("\n") == 1
        assert "nearest: demo-summit-2031" in err

    def test_a_word_proposes_the_events_holding_it(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A name that is spelt like no id still finds the events whose words match."""
        code, _, err = run(capsys, "show", "vance")
        assert code == 1
        assert "jd-vance-paris-summit-speech-2025" in err

    def test_alias(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An event's alias names it, in any case and without its accents."""
        code, out, _ = run(capsys, "show", "bletchley PARK summit")
        assert code == 0
        assert "id:       ai-safety-summit-2023" in out

    def test_title(self, capsys: pytest.CaptureFixture[str], seeds: str) -> None:
        """So does its exact title."""
        _, out, _ = run(capsys, "show", "Demo side event", "--seeds", seeds, "--format", "json")
        assert json.loads(out)["id"] == "demo-side-event"


def test_check(capsys: pytest.CaptureFixture[str], seeds: str) -> None:
    """check validates and counts."""
    code, out, _ = run(capsys, "check", "--seeds", seeds)
    assert (code, out) == (0, "ok: 2 events (2 confirmed or scheduled), 1 series, 0 revisions\n")


def test_python_dash_m(tmp_path: Path) -> None:
    """`python -m summitcal` runs the same command line."""
    seeds = write(tmp_path, GOOD_EVENT)
    result = subprocess.run(
        [sys.executable, "-m", "summitcal", "list", "--seeds", str(seeds), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)[0]["id"] == "demo-summit-2031"
