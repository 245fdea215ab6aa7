"""``summitcal propose``: formats, inputs, the catalogue it reads, and errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from summitcal.cli import main
from tests.conftest import NOW

STORY = (
    "published: 2024-05-23\n"
    "publisher: Harbour Wire\n"
    "url: https://example.org/harbour/seoul\n"
    "\n"
    "Delegates gathered in Seoul for the AI Seoul Summit on Tuesday and Wednesday. "
    "The mayor of Nairobi will travel to Kenya's coast from Monday to Thursday for talks.\n"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv, now=NOW)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    return path


def test_json_is_one_array_with_the_issue_s_keys(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(["propose", str(story), "--format", "json"], capsys)
    assert status == 0
    rows = json.loads(out)
    summit = next(r for r in rows if r["match"] == "ai-seoul-summit-2024")
    assert {
        "title",
        "kind",
        "when",
        "start",
        "end",
        "match",
        "relation",
        "confidence",
        "evidence",
        "differences",
    } <= set(summit)
    assert (summit["when"], summit["start"], summit["end"]) == (
        "2024-05-21/2024-05-22",
        "2024-05-21",
        "2024-05-22",
    )
    assert summit["relation"] == "agrees"
    ev = summit["evidence"]
    assert STORY.replace("\n", " ")[ev["start"] : ev["end"]].strip() == ev["text"]
    assert all(0 <= r["confidence"] <= 1 for r in rows)


def test_header_lines_give_the_date_and_source_and_offsets_count_from_the_file(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["propose", str(story), "--format", "json"], capsys)
    (summit, *_) = json.loads(out)
    date_span = next(s for s in summit["evidence"]["spans"] if s["role"] == "date")
    assert STORY[date_span["start"] : date_span["end"]] == date_span["text"]


def test_text_shows_the_relation_and_the_marked_evidence(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(["propose", str(story)], capsys)
    assert status == 0
    assert "agrees with ai-seoul-summit-2024" in out
    assert "[Tuesday and Wednesday]" in out


def test_toml_is_a_catalogue_check_accepts(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(["propose", str(story), "--format", "toml"], capsys)
    assert status == 0
    proposed = tmp_path / "proposed.toml"
    proposed.write_text(out, "utf-8")
    status, _, err = run(["check", "--seeds", str(proposed)], capsys)
    assert status == 0, err
    assert 'id = "ai-seoul-summit-2024"' in out
    assert 'url = "https://example.org/harbour/seoul"' in out
    assert "phrase = " in out


def test_toml_keeps_a_conflict_as_an_alternative(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "late.txt"
    story.write_text("The AI Seoul Summit was held on May 23 and 24.\n", "utf-8")
    argv = ["propose", str(story), "--published", "2024-05-30", "--format", "toml"]
    status, out, _ = run(argv, capsys)
    assert status == 0
    assert "[[event.alternatives]]" in out
    assert 'value = "2024-05-23/2024-05-24"' in out
    proposed = tmp_path / "proposed.toml"
    proposed.write_text(out, "utf-8")
    assert run(["check", "--seeds", str(proposed)], capsys)[0] == 0


def test_standard_input_and_min_confidence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Envoys met in Geneva on Friday. The minister said on Monday that it was fine."
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    argv = ["propose", "-", "--published", "2031-03-12", "--format", "json"]
    _, out, _ = run(argv, capsys)
    everything = json.loads(out)
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    _, out, _ = run([*argv, "--min-confidence", "0.5"], capsys)
    confident = json.loads(out)
    assert len(confident) < len(everything)
    assert all(r["confidence"] >= 0.5 for r in confident)


def test_a_catalogue_of_ones_own_or_none(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "mine.toml"
    empty.write_text("", "utf-8")
    _, out, _ = run(["propose", str(story), "--seeds", str(empty), "--format", "json"], capsys)
    assert {r["relation"] for r in json.loads(out)} == {"new"}
    argv = ["propose", str(story), "--seeds", str(empty), "--with-shipped", "--format", "json"]
    _, out, _ = run(argv, capsys)
    assert "ai-seoul-summit-2024" in {r["match"] for r in json.loads(out)}


def test_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("Talks opened on Friday.", "utf-8")
    status, _, err = run(["propose", str(bare)], capsys)
    assert status == 1
    assert "no publication date" in err
    assert "bare.txt" in err
    status, _, err = run(
        ["propose", str(bare), "--published", "2031-03-12", "--url", "ftp://x"], capsys
    )
    assert status == 1
    assert "not an http(s) URL" in err
    with pytest.raises(SystemExit) as exit_:
        main(["propose", str(bare), "--published", "2031-03-12", "--min-confidence", "2"])
    assert exit_.value.code == 2


def test_a_timeml_file_is_read_by_its_text_and_dct(capsys: pytest.CaptureFixture[str]) -> None:
    from summitcal.extraction.timeml import read_timeml

    path = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.tml"))[0]
    doc = read_timeml(path)
    status, out, _ = run(["propose", str(path), "--format", "json"], capsys)
    assert status == 0
    rows = json.loads(out)
    assert rows
    for row in rows:
        ev = row["evidence"]
        assert doc.text[ev["start"] : ev["end"]] == ev["text"]
