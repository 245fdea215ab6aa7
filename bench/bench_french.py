"""Accuracy and speed of summitcal's French resolver beside dateparser, in one run.

Runs French cases (tests/data/fr/resolve_fr.toml, or --cases FILE in the same format)
through summitcal.resolver.french and through dateparser (``languages=['fr']``, with
RELATIVE_BASE set to the publication date and PREFER_DATES_FROM from the case's tense:
its note's ``past:``/``future:`` prefix, else ``current_period``), and prints accuracy
per category and phrases per second.

Scoring is bench_resolve.py's: summitcal must give the annotated value, type, mod and zone
exactly (or refuse a reject); dateparser, which returns one datetime, is right when that
day is the first day of the annotated span (for day values and ranges) or lies inside it
(for coarser values), and on a reject when it returns nothing.  Throughput is the fastest
of --repeat passes (5), summitcal's per-phrase caches emptied before each.

Usage: python bench/bench_french.py [--cases FILE] [--repeat N]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench_resolve import (
    ORDERS,
    Case,
    load,
    print_table,
    right_peer,
    right_summitcal,
    score,
    throughput,
)

from summitcal.errors import PhraseError
from summitcal.resolver import clear_caches, french

ROOT = Path(__file__).resolve().parents[1]
PREFER = {"past": "past", "future": "future"}


def run_summitcal(case: Case) -> Any:
    try:
        order = ORDERS.get(case.get("order", ""))
        return french.resolve(
            case["phrase"], reference=case["published"], context=case.get("context"), order=order
        )
    except PhraseError:
        return None


def _tense(case: Case) -> str:
    """dateparser's PREFER_DATES_FROM for the case: the tense its note gives."""
    side = case.get("note", "").split(":", 1)[0].strip()
    return PREFER.get(side, "current_period")


def make_dateparser() -> Callable[[Case], Any]:
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    parsers: dict[tuple[date, str], Any] = {}

    def parser_for(ref: date, prefer: str) -> Any:
        if (ref, prefer) not in parsers:
            base = datetime(ref.year, ref.month, ref.day, 12, 0)
            parsers[ref, prefer] = DateDataParser(
                languages=["fr"],
                settings={
                    "RELATIVE_BASE": base,
                    "RETURN_AS_TIMEZONE_AWARE": False,
                    "PREFER_DATES_FROM": prefer,
                    "DATE_ORDER": "DMY",
                },
            )
        return parsers[ref, prefer]

    def run(case: Case) -> Any:
        data = parser_for(case["published"], _tense(case)).get_date_data(case["phrase"])
        return data.date_obj if data is not None else None

    run.prepare = lambda cases: [parser_for(c["published"], _tense(c)) for c in cases]  # type: ignore[attr-defined]
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests/data/fr/resolve_fr.toml")
    parser.add_argument("--repeat", type=int, default=5, help="passes for throughput")
    args = parser.parse_args()
    cases = load(args.cases)
    peers: dict[str, tuple[Callable[[Case], Any], Callable[[Case, Any], bool]]] = {
        "summitcal": (run_summitcal, right_summitcal)
    }
    try:
        dp = make_dateparser()
        dp.prepare(cases)  # type: ignore[attr-defined]
        peers["dateparser"] = (dp, right_peer)
    except ImportError:
        print("dateparser not installed (pip install summitcal[bench]); skipped")

    run_summitcal(cases[0])  # compile the grammar before timing
    tallies = {name: score(cases, run, right) for name, (run, right) in peers.items()}
    speeds = {
        name: throughput(cases, run, args.repeat, clear_caches) for name, (run, _) in peers.items()
    }
    print(f"\n{len(cases)} French cases from {args.cases.name}\n")
    print_table(tallies, speeds)


if __name__ == "__main__":
    main()
