"""Golden feeds: the fixture catalogues must give exactly the bytes stored in tests/golden/.

A change to the bytes is a change every subscriber downloads; when one is intended,
regenerate with ``SUMMITCAL_UPDATE_GOLDEN=1 pytest tests/ical/test_ical_golden.py`` and review
the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summitcal import load_catalog
from summitcal.feeds.feeds import FeedSpec, render_feed
from tests.ical_validate import feed_problems

HERE = Path(__file__).parents[1]
GOLDEN = HERE / "golden"
FIXTURES = {"fixture": HERE / "data" / "ical_fixture", "hostile": HERE / "data" / "ical_hostile"}

# name of golden file -> (fixture, include_undated)
CASES = {
    "fixture.ics": ("fixture", False),
    "fixture-undated.ics": ("fixture", True),
    "hostile.ics": ("hostile", False),
}


def build(name: str) -> bytes:
    """The bytes of golden feed ``name``, built from its fixture catalogue."""
    fixture, undated = CASES[name]
    spec = FeedSpec(
        name=f"golden-{fixture}",
        title=f"summitcal {fixture} feed",
        description=f"Golden feed of the {fixture} catalogue.\nSecond line; with, separators.",
        include_undated=undated,
    )
    return render_feed(load_catalog(FIXTURES[fixture]), spec, url="https://example.org/f.ics")


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_bytes(name: str) -> None:
    """Regenerating a golden feed gives the stored bytes exactly."""
    data = build(name)
    path = GOLDEN / name
    if os.environ.get("SUMMITCAL_UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    assert path.exists(), f"missing {path}; run with SUMMITCAL_UPDATE_GOLDEN=1"
    assert data == path.read_bytes()


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_is_valid(name: str) -> None:
    assert feed_problems((GOLDEN / name).read_bytes()) == ()


_SCRIPT = """
import sys
from tests.ical.test_ical_golden import build, CASES
from summitcal import load_catalog
from summitcal.feeds.feeds import feed_specs, render_feed
out = b"".join(build(n) for n in sorted(CASES))
catalog = load_catalog()
out += b"".join(render_feed(catalog, s, include_undated=True) for s in feed_specs())
sys.stdout.buffer.write(out)
"""


def test_bytes_do_not_depend_on_hash_seed() -> None:
    """Two interpreters with different PYTHONHASHSEED values build identical feeds
    (golden fixtures and every named feed of the shipped catalogue)."""
    outputs = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            cwd=HERE.parent,
            env=env,
            capture_output=True,
            check=True,
        )
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"BEGIN:VCALENDAR") == len(CASES) + 6
