"""Accuracy and speed of summitcal beside dateparser on the cases of another language,
and how well the language of a phrase is detected.

Runs a case file in the format of resolve_cases.toml with ``lang`` on each case
(tests/data/zh/resolve_zh.toml by default; --cases FILE for another, --unseen FILE for a
held-out one on a line of its own) through both resolvers in one run, and prints accuracy
per category and phrases per second.  Scoring is bench_resolve.py's: summitcal must give
the annotated value, type, mod and zone exactly; dateparser, which returns one datetime,
is right when that day is the first day of the annotated span (or lies inside a coarser
one).  dateparser is given the language (``languages=[lang]``), RELATIVE_BASE set to the
publication date, and PREFER_DATES_FROM from the direction the case's note names
("(PAST)", "(FUTURE)"), so that it is told what summitcal reads from the sentence.

Then detection: every development case of each language (English, Chinese, and French
where its cases are there) is detected from its phrase and sentence, with every language
of the registry offered, and the share detected right is printed with the cost of one
detection: for a phrase seen for the first time, and for one seen before (a phrase's own
words are read once and kept).

Last, what telling the language costs English: the English cases (own and the first two
held-out sets) resolved with the language detected and with ``lang="en"``, in alternating
passes in one process (``--rounds``), first seen (every per-phrase cache emptied) and seen
before; medians of CPU time, and their ratio.

Usage: python bench/bench_languages.py [--cases FILE] [--unseen FILE] [--repeat N] [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_before_after import duel
from bench_resolve import (
    ROOT,
    Case,
    load,
    right_peer,
    right_summitcal,
    score,
    throughput,
)

from summitcal.errors import PhraseError
from summitcal.resolver import NumericOrder, clear_caches, resolve
from summitcal.resolver import detect as detection
from summitcal.resolver.languages import MODULES

DETECTION_FILES = {
    "en": ROOT / "tests/data/resolve_cases.toml",
    "zh": ROOT / "tests/data/zh/resolve_zh.toml",
    "fr": ROOT / "tests/data/fr/resolve_fr.toml",
}


def run_summitcal(case: Case) -> Any:
    try:
        return resolve(
            case["phrase"],
            reference=case["published"],
            context=case.get("context"),
            lang=case.get("lang"),
        )
    except PhraseError:
        return None


def _prefer(case: Case) -> str | None:
    note = case.get("note", "")
    if "(PAST)" in note:
        return "past"
    if "(FUTURE)" in note:
        return "future"
    return None


def make_dateparser() -> Callable[[Case], Any]:
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    parsers: dict[tuple[str, date, str | None], Any] = {}

    def parser_for(case: Case) -> Any:
        key = (case.get("lang", "en"), case["published"], _prefer(case))
        if key not in parsers:
            ref = case["published"]
            settings: dict[str, Any] = {
                "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day, 12, 0),
                "RETURN_AS_TIMEZONE_AWARE": False,
            }
            if key[2] is not None:
                settings["PREFER_DATES_FROM"] = key[2]
            parsers[key] = DateDataParser(languages=[key[0]], settings=settings)
        return parsers[key]

    def run(case: Case) -> Any:
        data = parser_for(case).get_date_data(case["phrase"])
        return data.date_obj if data is not None else None

    run.prepare = lambda cases: [parser_for(c) for c in cases]  # type: ignore[attr-defined]
    return run


def _table(cases: list[Case], peers: dict[str, Any], tallies: dict[str, Any], name: str) -> None:
    names = list(peers)
    categories = [*sorted(k for k in tallies["summitcal"] if k != "ALL"), "ALL"]
    print(f"\n{len(cases)} cases from {name}\n")
    print(f"{'category':<15}" + "".join(f"{n:>16}" for n in names))
    for cat in categories:
        cells = []
        for n in names:
            good, total = tallies[n][cat]
            cells.append(f"{good:>4}/{total:<4}{100 * good / total:5.1f}%")
        print(f"{cat:<15}" + "".join(f"{c:>16}" for c in cells))


def detection_report(repeat: int) -> None:
    """Detection of each language's development cases, every registry language offered."""
    offered = tuple(sorted(MODULES))
    real = detection.available
    detection.available = lambda: offered  # type: ignore[assignment]
    try:
        print(f"\ndetection (offered: {', '.join(offered)})")
        for code, path in DETECTION_FILES.items():
            if not path.exists():
                print(f"{code}: no cases at {path.relative_to(ROOT)}")
                continue
            cases = load(path)
            pairs = [(c["phrase"], c.get("context")) for c in cases]
            wrong = [p for p, ctx in pairs if detection.detect(p, ctx) != code]
            # A phrase's own words are read once and kept (see summitcal.resolver.memo):
            # the first figure is for phrases seen for the first time, the second for
            # phrases seen before.
            costs = []
            for clear in (clear_caches, lambda: None):
                best = float("inf")
                for _ in range(repeat):
                    clear()
                    start = time.perf_counter()
                    for phrase, context in pairs:
                        detection.detect(phrase, context)
                    best = min(best, time.perf_counter() - start)
                costs.append(1e6 * best / len(pairs))
            right = len(pairs) - len(wrong)
            print(
                f"{code}: {right}/{len(pairs)} {100 * right / len(pairs):5.1f}%"
                f"  {costs[0]:5.2f} us a new phrase, {costs[1]:5.2f} us a phrase seen before"
                + (f"  missed: {wrong[:6]}" if wrong else "")
            )
    finally:
        detection.available = real  # type: ignore[assignment]


ENGLISH_FILES = ("resolve_cases.toml", "resolve_unseen.toml", "resolve_unseen2.toml")


def english_cost_report(rounds: int) -> None:
    """English resolved with the language detected beside ``lang="en"``, alternating."""
    cases = [c for name in ENGLISH_FILES for c in load(ROOT / "tests/data" / name)]
    orders = {"day-first": NumericOrder.DAY_FIRST, "month-first": NumericOrder.MONTH_FIRST}
    args = [
        (c["phrase"], c["published"], c.get("context"), orders.get(c.get("order", "")))
        for c in cases
    ]

    def runner(lang: str | None) -> Callable[[], None]:
        def run() -> None:
            for phrase, published, context, order in args:
                try:
                    resolve(phrase, reference=published, context=context, order=order, lang=lang)
                except PhraseError:  # a refusal is an answer too, and timed as one
                    continue

        return run

    runs = {"detected": runner(None), "en": runner("en")}
    print(f"\nEnglish, {len(args)} cases, language detected beside lang='en' (CPU, medians)")
    for label, clear in (("first seen", clear_caches), ("seen before", None)):
        seconds = duel(runs, dict.fromkeys(runs, clear), rounds)
        med = {name: 1e6 * statistics.median(v) / len(args) for name, v in seconds.items()}
        print(
            f"{label:<12} detected {med['detected']:6.2f} us  lang='en' {med['en']:6.2f} us"
            f"  ratio {med['detected'] / med['en']:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests/data/zh/resolve_zh.toml")
    parser.add_argument("--unseen", type=Path, help="held-out cases, on a line of their own")
    parser.add_argument("--repeat", type=int, default=5, help="passes for throughput")
    parser.add_argument("--rounds", type=int, default=15, help="alternating passes, English")
    args = parser.parse_args()
    cases = load(args.cases)
    unseen = load(args.unseen) if args.unseen else []

    peers: dict[str, tuple[Callable[[Case], Any], Callable[[Case, Any], bool]]] = {
        "summitcal": (run_summitcal, right_summitcal)
    }
    try:
        dp = make_dateparser()
        dp.prepare(cases + unseen)  # type: ignore[attr-defined]
        peers["dateparser"] = (dp, right_peer)
    except ImportError:
        print("dateparser not installed (pip install summitcal[bench]); skipped")

    run_summitcal(cases[0])  # compile the grammar before timing
    tallies = {name: score(cases, run, right) for name, (run, right) in peers.items()}
    speeds = {name: throughput(cases, run, args.repeat) for name, (run, _) in peers.items()}
    _table(cases, peers, tallies, args.cases.name)
    print(f"\n{'phrases/s':<15}" + "".join(f"{speeds[n]:>16,.0f}" for n in peers))
    if unseen:
        held = {name: score(unseen, run, right) for name, (run, right) in peers.items()}
        _table(unseen, peers, held, args.unseen.name)
    detection_report(args.repeat)
    english_cost_report(args.rounds)


if __name__ == "__main__":
    main()
