"""The date-form cases (tests/data/forms/forms_dev.toml), scored as a whole and per form.

The cases were written apart from the resolver, one group per form (clock styles, clock
ranges, open intervals, ordinal weekdays, holidays, numeric dates, counted ranges,
seasons), under the conventions of tests/data/forms/CONVENTIONS.md.  They are scored as
the held-out resolver cases are (test_resolve_unseen._right), spans and intervals
included.  As first measured, before the forms were read: 64/144 (57/144 once spans and
intervals are checked).
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from tests.resolver.test_resolve_unseen import _right

CASES = Path(__file__).parents[1] / "data" / "forms" / "forms_dev.toml"

#: What the resolver reaches on the file: every case.  (A floor one case lower once let
#: a regression through: "a quarter to eight tomorrow morning" refused for a while.)
FLOOR = 144


def _cases() -> list[dict[str, Any]]:
    with CASES.open("rb") as handle:
        return list(tomllib.load(handle)["case"])


def test_the_forms_stay_read() -> None:
    """At least FLOOR cases right, and no form loses more than one; prints the misses."""
    cases = _cases()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        ok = _right(case)
        if not ok:
            print(f"missed [{case['form']}] {case['phrase']!r} in {case.get('context')!r}")
        tally[case["form"]][0] += ok
        tally[case["form"]][1] += 1
    for form, (good, total) in sorted(tally.items()):
        print(f"{form:<16} {good:>3}/{total}")
        assert good >= total - 1, f"{form}: {good}/{total}"
    assert len(cases) == 144, "the case file changed: measure it again"
    assert sum(good for good, _ in tally.values()) >= FLOOR


def test_no_form_answers_a_reject() -> None:
    """A refusal beats a wrong date: every reject in the file is refused."""
    wrong = [c["phrase"] for c in _cases() if c.get("reject") and not _right(c)]
    assert wrong == []
