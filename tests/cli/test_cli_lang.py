"""``--lang`` on ``summitcal resolve`` and ``summitcal extract``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitcal.cli import main

ARTICLES = Path(__file__).parents[1] / "data" / "zh" / "articles"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_resolve_reads_a_chinese_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["resolve", "周五", "--published", "2024-09-09", "--lang", "zh", "--json"]
    status, out, _ = run([*argv, "--context", "商务部周五发布了一批政策措施。"], capsys)
    record = json.loads(out)
    assert status == 0
    assert (record["value"], record["direction"]) == ("2024-09-06", "past")
    assert "'了'" in record["explanation"]


def test_resolve_detects_chinese_without_lang(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["resolve", "上周五", "--published", "2023-07-15"], capsys)
    assert status == 0
    assert out.startswith("2023-07-07")


def test_an_unsupported_language_is_an_error_naming_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(
        ["resolve", "Friday", "--published", "2025-02-09", "--lang", "de"], capsys
    )
    assert status != 0
    assert not out
    assert "language 'de' is not supported (supported: en" in err


def test_extract_tags_a_chinese_article(capsys: pytest.CaptureFixture[str]) -> None:
    article = ARTICLES / "04-womens-volleyball-championship-final.tml"
    status, out, _ = run(["extract", str(article), "--lang", "zh", "--format", "json"], capsys)
    mentions = json.loads(out)["mentions"]
    assert status == 0
    assert [(m["text"], m["timex"]) for m in mentions[3:5]] == [
        ("9月20日", "2019-09-20"),
        ("29日", "2019-09-29"),
    ]


def test_extract_refuses_an_unsupported_language_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(["extract", str(tmp_path / "missing.txt"), "--lang", "xx"], capsys)
    assert status != 0
    assert "language 'xx' is not supported" in err
