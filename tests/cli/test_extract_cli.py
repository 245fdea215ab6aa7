"""``summitcal extract``: inputs, formats, the DCT of TimeML files, errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from summitcal.cli import main
from summitcal.extraction.timeml import parse_timeml, read_timeml

ARTICLES = Path(__file__).parents[1] / "data" / "articles"
FIRST = sorted(ARTICLES.glob("*.tml"))[0]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_plain_text_to_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Ministers met on Friday and meet again next week.", encoding="utf-8")
    status, out, _ = run(["extract", str(story), "--published", "2025-02-09"], capsys)
    assert status == 0
    (line,) = out.splitlines()
    record = json.loads(line)
    assert record["published"] == "2025-02-09"
    assert [(m["text"], m["timex"]) for m in record["mentions"]] == [
        ("Friday", "2025-02-07"),
        ("next week", "2025-W07"),
    ]


def test_timeml_input_uses_its_dct_and_text_format_marks_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = read_timeml(FIRST)
    status, out, _ = run(["extract", str(FIRST), "--format", "text"], capsys)
    assert status == 0
    assert "<TIMEX3" not in out
    assert f"= {doc.dct.isoformat() if doc.dct else ''}]" in out


def test_timeml_output_is_valid_timeml_with_a_dct(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["extract", str(FIRST), "--format", "timeml"], capsys)
    assert status == 0
    written = parse_timeml(out)
    original = read_timeml(FIRST)
    assert written.dct == original.dct
    assert written.text == original.text
    assert len(written.timexes) > 10


def test_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("It ended yesterday."))
    status, out, _ = run(["extract", "-", "--published", "2025-02-09", "--format", "text"], capsys)
    assert status == 0
    assert out == "It ended [yesterday = 2025-02-08].\n"


def test_a_directory_writes_one_file_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(
        ["extract", str(ARTICLES), "--format", "timeml", "--out-dir", str(tmp_path / "out")],
        capsys,
    )
    assert status == 0
    assert out == ""
    assert err == ""  # no progress bar when stderr is not a terminal
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.name for p in ARTICLES.glob("*.tml"))


def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    files = [str(p) for p in sorted(ARTICLES.glob("*.tml"))[:3]]
    status, out, err = run(["extract", *files], capsys)
    assert status == 0
    assert len(out.splitlines()) == 3
    assert "3/3" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "missing.txt", "--published", "2025-02-09"], "cannot read: No such file"),
        (["extract", "LATIN", "--published", "2025-02-09"], "not UTF-8 text (byte 3)"),
        (
            [
                "extract",
                "PLAIN",
            ],
            "no publication date: give it in --manifest",
        ),
        (["extract", str(ARTICLES), "--format", "timeml"], "--out-dir"),
    ],
)
def test_errors_are_one_line_and_a_non_zero_status(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Talks ended on Friday.", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café on Friday.".encode("latin-1"))
    names = {"PLAIN": str(plain), "LATIN": str(latin)}
    argv = [names.get(a, a) for a in argv]
    status, out, err = run(argv, capsys)
    assert status == 1
    assert out == ""
    assert message in err
    assert err.startswith("summitcal: error:")


class TestPublicationDates:
    """Batch extraction takes each file's date from a manifest or from its front matter."""

    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        (tmp_path / "a.txt").write_text("They met on Friday.", encoding="utf-8")
        (tmp_path / "b.txt").write_text("They met on Friday.", encoding="utf-8")
        return tmp_path

    def _dates(self, out: str) -> dict[str, tuple[str, str]]:
        records = [json.loads(line) for line in out.splitlines()]
        return {Path(r["file"]).name: (r["published"], r["mentions"][0]["timex"]) for r in records}

    @pytest.mark.parametrize(
        "manifest",
        [
            "file,published\na.txt,2025-02-09\nb.txt,2025-03-05\n",
            "a.txt,2025-02-09\nb.txt,2025-03-05\n",
            '{"file": "a.txt", "published": "2025-02-09"}\n\n'
            '{"file": "b.txt", "published": "2025-03-05"}\n',
        ],
        ids=["csv-with-header", "csv", "json-lines"],
    )
    def test_a_manifest_dates_each_file(
        self, folder: Path, manifest: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (folder / "dates.list").write_text(manifest, encoding="utf-8")
        argv = ["extract", str(folder / "a.txt"), str(folder / "b.txt")]
        status, out, _ = run([*argv, "--manifest", str(folder / "dates.list")], capsys)
        assert status == 0
        assert self._dates(out) == {
            "a.txt": ("2025-02-09", "2025-02-07"),
            "b.txt": ("2025-03-05", "2025-02-28"),
        }

    def test_the_manifest_wins_over_published(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (folder / "dates.csv").write_text("a.txt,2025-02-09\n", encoding="utf-8")
        argv = ["extract", str(folder / "a.txt"), str(folder / "b.txt")]
        argv += ["--manifest", str(folder / "dates.csv"), "--published", "2025-03-05"]
        status, out, _ = run(argv, capsys)
        assert status == 0
        assert {k: v[0] for k, v in self._dates(out).items()} == {
            "a.txt": "2025-02-09",
            "b.txt": "2025-03-05",
        }

    def test_a_file_missing_from_the_manifest_is_named(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (folder / "dates.csv").write_text("a.txt,2025-02-09\n", encoding="utf-8")
        argv = ["extract", str(folder), "--manifest", str(folder / "dates.csv")]
        status, out, err = run(argv, capsys)
        assert status == 1
        assert f"{folder / 'b.txt'}: no publication date" in err
        assert err.count("\n") == 1
        assert out == ""  # found before a.txt's mentions were printed

    @pytest.mark.parametrize(
        ("manifest", "message"),
        [
            ("a.txt,2025-02-09\nb.txt,March\n", "line 2: not an ISO date: 'March'"),
            ("a.txt\n", "line 1: want two fields"),
            ('{"file": "a.txt"}\n', "line 1: want a JSON object with file and published"),
        ],
    )
    def test_a_bad_manifest_line_is_named(
        self, folder: Path, manifest: str, message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (folder / "dates.csv").write_text(manifest, encoding="utf-8")
        argv = ["extract", str(folder / "a.txt"), "--manifest", str(folder / "dates.csv")]
        status, _, err = run(argv, capsys)
        assert status == 1
        assert message in err
        assert "dates.csv" in err

    def test_front_matter_dates_the_file_and_is_not_read(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        head = "---\ntitle: Talks\npublished: 2025-02-09\n---\n"
        story = tmp_path / "story.txt"
        story.write_text(head + "They met on Friday.", encoding="utf-8")
        status, out, _ = run(["extract", str(story)], capsys)
        assert status == 0
        record = json.loads(out)
        assert record["published"] == "2025-02-09"
        (mention,) = record["mentions"]  # the front matter's date is not a mention
        assert (mention["text"], mention["timex"]) == ("Friday", "2025-02-07")
        assert mention["start"] == len(head) + len("They met on ")  # offsets count the file

    def test_front_matter_without_a_date_is_an_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        story = tmp_path / "story.txt"
        story.write_text("---\ntitle: Talks\n---\nThey met on Friday.", encoding="utf-8")
        status, _, err = run(["extract", str(story)], capsys)
        assert status == 1
        assert f"{story}: no publication date" in err


def test_several_processes_give_the_same_output_in_input_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--jobs spreads files over processes; what is printed, and its order, is the same."""
    argv = ["extract", str(ARTICLES), "--format", "json"]
    status, alone, _ = run([*argv, "--jobs", "1"], capsys)
    assert status == 0
    status, spread, _ = run([*argv, "--jobs", "2"], capsys)
    assert status == 0
    assert spread == alone
    names = [json.loads(line)["file"] for line in spread.splitlines()]
    assert names == sorted(str(p) for p in ARTICLES.glob("*.tml"))


def test_a_file_that_fails_in_a_worker_is_the_usual_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("They met on Friday.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"They met \xff on Friday.")
    argv = ["extract", str(tmp_path), "--published", "2025-02-09", "--jobs", "2"]
    status, _, err = run(argv, capsys)
    assert status == 1
    assert f"{tmp_path / 'b.txt'}: not UTF-8 text (byte 9)" in err
    assert "Traceback" not in err
