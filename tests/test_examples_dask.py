"""The Dask example runs on Dask's local schedulers and agrees with a plain loop."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from summitcal.extraction import extract
from summitcal.extraction.score import Scores, score
from summitcal.extraction.timeml import read_timeml

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "dask_pipeline", ROOT / "examples" / "dask_pipeline.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dask_pipeline"] = module  # so that process pools could pickle its functions
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_pipeline_matches_a_plain_loop(scheduler: str) -> None:
    example = _example()
    paths = sorted(str(p) for p in ARTICLES.glob("*.tml"))[:6]
    total = example.pipeline(paths, partitions=3).compute(scheduler=scheduler)
    expected_types: Counter[str] = Counter()
    expected_scores = Scores()
    for path in paths:
        doc = read_timeml(path)
        assert doc.dct is not None
        mentions = extract(doc.text, reference=doc.dct)
        expected_types.update(m.type.value for m in mentions)
        expected_scores += score(doc.timexes, mentions)
    assert total["documents"] == len(paths)
    assert total["types"] == expected_types
    assert total["scores"] == expected_scores


def test_plain_text_files_use_the_published_date(tmp_path: Path) -> None:
    example = _example()
    (tmp_path / "a.txt").write_text("The talks ended on Friday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ministers meet next week.", encoding="utf-8")
    total = example.pipeline(
        [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], date(2025, 2, 9)
    ).compute(scheduler="synchronous")
    assert total["types"] == Counter({"DATE": 2})
    assert example.summary(total)["mentions_by_type"] == {"DATE": 2}
    assert "strict_f1" not in example.summary(total)  # no gold, no scores


def test_main_prints_json_scores(capsys: pytest.CaptureFixture[str]) -> None:
    example = _example()
    assert example.main([str(ARTICLES), "--scheduler", "synchronous"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == len(list(ARTICLES.glob("*.tml")))
    assert 0.0 < out["strict_f1"] <= 1.0


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_propose_pipeline_matches_a_plain_loop(scheduler: str) -> None:
    from summitcal.proposals import propose
    from summitcal.proposals.evaluate import read_article

    example = _example()
    paths = sorted(str(p) for p in (ROOT / "tests" / "data" / "propose" / "dev").glob("*.txt"))[:4]
    total = example.propose_pipeline(paths, partitions=2).compute(scheduler=scheduler)
    relations: Counter[str] = Counter()
    matches: Counter[str] = Counter()
    for path in paths:
        text, source, published = read_article(Path(path))
        for p in propose(text, reference=published, source=source):
            relations[p.relation.value] += 1
            if p.match is not None:
                matches[p.match] += 1
    assert total["documents"] == len(paths)
    assert total["relations"] == relations
    assert total["matches"] == matches
    assert example.proposal_summary(total)["proposals_by_relation"] == dict(
        sorted(relations.items())
    )
