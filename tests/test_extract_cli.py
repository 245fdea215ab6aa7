"""``summitcal extract``: inputs, formats, the DCT of TimeML files, errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from summitcal.cli import main
from summitcal.extraction.timeml import parse_timeml, read_timeml

ARTICLES = Path(__file__).parent / "data" / "articles"
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
            "--published DATE is required",
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
