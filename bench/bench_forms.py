"""Accuracy per date form (clock styles, time ranges, open intervals, ordinal weekdays,
holidays, numeric dates, counted ranges, seasons), summitcal beside dateparser.

Reads a case file in the format of tests/data/forms/forms_dev.toml (the fields of
resolve_cases.toml plus ``form``, and optionally ``seasons``, ``span`` and ``interval``) and
prints, per form, how many cases each resolver gets right and how many it gets *wrong*
(an answer that is not the annotated one, or any answer to a reject).  A refusal is a miss
but not a wrong answer: a wrong date is worse than none, so both counts are printed.  Then
phrases per second, the fastest of --repeat passes.

summitcal is scored exactly, as tests/resolver/test_resolve_unseen.py scores a case: the
value, type, mod and zone, plus the span's first and last day where a case gives ``span``
and the offered interval where it gives ``interval``; ``seasons = "astronomical"`` is
passed as ``seasons=``.  dateparser is scored generously (bench_resolve.right_peer: its one
datetime must be the span's first day, or lie in a coarser span), with RELATIVE_BASE the
publication date, PREFER_DATES_FROM the direction summitcal reads in the sentence (past or
future; its default where the sentence gives none) and DATE_ORDER from the case's
``order``.

Usage: python bench/bench_forms.py FILE [--repeat N]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench_resolve import ORDERS, Case, load, right_peer, throughput

from summitcal.errors import PhraseError
from summitcal.resolver import Direction, resolve
from summitcal.resolver.tense import read_direction

FORMS = (
    "clock",
    "time_range",
    "interval",
    "ordinal_weekday",
    "holiday",
    "numeric",
    "counted_range",
    "season",
)
_DATE_ORDERS = {"day-first": "DMY", "month-first": "MDY"}
_PREFER = {Direction.PAST: "past", Direction.FUTURE: "future"}


def run_summitcal(case: Case) -> Any:
    extra = {"seasons": case["seasons"]} if "seasons" in case else {}
    try:
        return resolve(
            case["phrase"],
            reference=case["published"],
            context=case.get("context"),
            order=ORDERS.get(case.get("order", "")),
            **extra,
        )
    except PhraseError:
        return None


def right_summitcal(case: Case, got: Any) -> bool:
    """Exactly the annotated reading (and a refusal for a reject)."""
    if case.get("reject"):
        return got is None
    if got is None:
        return False
    if (got.timex, str(got.type), got.mod and got.mod.value, got.zone) != (
        case["value"],
        case.get("type", "DATE"),
        case.get("mod"),
        case.get("zone"),
    ):
        return False
    if "span" in case and f"{got.span.first}/{got.span.last}" != case["span"]:
        return False
    return "interval" not in case or (
        got.interval is not None and got.interval.timex == case["interval"]
    )


def _tense(case: Case) -> str | None:
    context = case.get("context")
    if not context:
        return None
    at = context.find(case["phrase"])
    if at < 0:
        return None
    used, _ = read_direction(context, at, at + len(case["phrase"]))
    return _PREFER.get(used)


def make_dateparser(cases: list[Case]) -> Callable[[Case], Any]:
    """dateparser with one parser per (publication date, tense, order), made before timing."""
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    parsers: dict[tuple[date, str | None, str | None], Any] = {}
    keys: dict[int, tuple[date, str | None, str | None]] = {}
    for case in cases:
        ref: date = case["published"]
        key = (ref, _tense(case), _DATE_ORDERS.get(case.get("order", "")))
        keys[id(case)] = key
        if key not in parsers:
            settings: dict[str, Any] = {
                "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day, 12, 0),
                "RETURN_AS_TIMEZONE_AWARE": False,
            }
            if key[1]:
                settings["PREFER_DATES_FROM"] = key[1]
            if key[2]:
                settings["DATE_ORDER"] = key[2]
            parsers[key] = DateDataParser(languages=["en"], settings=settings)

    def run(case: Case) -> Any:
        data = parsers[keys[id(case)]].get_date_data(case["phrase"])
        return data.date_obj if data is not None else None

    return run


def tally(
    cases: list[Case], run: Callable[[Case], Any], right: Callable[[Case, Any], bool]
) -> dict[str, list[int]]:
    """Per form and ALL: [right, wrong, total]."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for case in cases:
        got = run(case)
        ok = right(case, got)
        wrong = not ok and got is not None
        for key in (case["form"], "ALL"):
            counts[key][0] += ok
            counts[key][1] += wrong
            counts[key][2] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="a case file with a 'form' on each case")
    parser.add_argument("--repeat", type=int, default=5, help="passes for throughput")
    parser.add_argument("--misses", action="store_true", help="list summitcal's misses")
    args = parser.parse_args()
    cases = load(args.file)
    peers: dict[str, tuple[Callable[[Case], Any], Callable[[Case, Any], bool]]] = {
        "summitcal": (run_summitcal, right_summitcal)
    }
    try:
        peers["dateparser"] = (make_dateparser(cases), right_peer)
    except ImportError:
        print("dateparser not installed (pip install summitcal[bench]); skipped")
    run_summitcal(cases[0])  # compile the grammar before timing
    counts = {name: tally(cases, run, right) for name, (run, right) in peers.items()}
    speeds = {name: throughput(cases, run, args.repeat) for name, (run, _) in peers.items()}

    names = list(peers)
    forms = [f for f in FORMS if f in counts["summitcal"]]
    forms += [*sorted(set(counts["summitcal"]) - {*forms, "ALL"}), "ALL"]
    print(f"\n{len(cases)} cases from {args.file.name}\n")
    print(f"{'form':<16}" + "".join(f"{n + ' right':>18}{'wrong':>7}" for n in names))
    for form in forms:
        cells = []
        for n in names:
            good, wrong, total = counts[n][form]
            cells.append(f"{good:>6}/{total:<4}{100 * good / total:6.1f}%{wrong:>7}")
        print(f"{form:<16}" + "".join(cells))
    print(f"\n{'phrases/s':<16}" + "".join(f"{speeds[n]:>18,.0f}{'':>7}" for n in names))
    if args.misses:
        print()
        for case in cases:
            got = run_summitcal(case)
            if not right_summitcal(case, got):
                shown = "refused" if got is None else f"{got.timex} {got.type} {got.mod}"
                want = "reject" if case.get("reject") else case["value"]
                print(f"[{case['form']}] {case['phrase']!r}: {shown}; want {want}")


if __name__ == "__main__":
    main()
