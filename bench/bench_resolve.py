"""Accuracy and speed of summitcal's resolver beside dateparser and parsedatetime.

Runs the annotated cases (tests/data/resolve_cases.toml, or --cases FILE with the same
format) through three resolvers in one run and prints accuracy per category and phrases
per second, then the cost of ``import summitcal`` and of the first resolve (in a fresh
interpreter).  The peers are installed with the ``bench`` extra only.

Scoring.  summitcal must give the annotated value, type, mod and zone exactly (or raise
PhraseError for a reject).  The peers return one datetime, so they are scored generously:
right when that day is the first day of the annotated span (for day values and ranges) or
lies inside it (for coarser values); a reject is right when they return nothing.  They
cannot express durations or sets, which count as misses.  dateparser runs English-only,
with one parser object per publication date (built before timing) and RELATIVE_BASE set to
it; parsedatetime gets the publication date as its source time.

Closed-class phrases ("on Friday", "last year", "from Sunday to Wednesday") are read from
a table the grammar fills when it first parses anything (summitcal.resolver.grammar.fixed); the
speed on the cases outside that table is printed on lines of its own.

The held-out cases (tests/data/resolve_unseen.toml, or --unseen FILE) get lines of their
own: overall accuracy and phrases per second.  Throughput is the fastest of --repeat passes
(5), each over every phrase with summitcal's per-phrase caches emptied first; a line
"seen before" gives summitcal's speed on the same cases with its caches kept, as a
text that repeats its phrases meets it.

Usage: python bench/bench_resolve.py [--cases FILE] [--unseen FILE] [--repeat N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from summitcal.errors import PhraseError
from summitcal.resolver import NumericOrder, resolve
from summitcal.span.span import DateSpan, Granularity

ROOT = Path(__file__).resolve().parents[1]
ORDERS = {"day-first": NumericOrder.DAY_FIRST, "month-first": NumericOrder.MONTH_FIRST}
Case = dict[str, Any]


def load(path: Path) -> list[Case]:
    with path.open("rb") as handle:
        return list(tomllib.load(handle)["case"])


# --- the three resolvers, each: case -> outcome -------------------------------------------


def run_summitcal(case: Case) -> Any:
    try:
        order = ORDERS.get(case.get("order", ""))
        return resolve(
            case["phrase"], reference=case["published"], context=case.get("context"), order=order
        )
    except PhraseError:
        return None


def right_summitcal(case: Case, got: Any) -> bool:
    if case.get("reject"):
        return got is None
    if got is None:
        return False
    return (got.timex, str(got.type), got.mod and got.mod.value, got.zone) == (
        case["value"],
        case.get("type", "DATE"),
        case.get("mod"),
        case.get("zone"),
    )


def make_dateparser() -> Callable[[Case], Any]:
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    parsers: dict[date, Any] = {}

    def parser_for(ref: date) -> Any:
        if ref not in parsers:
            base = datetime(ref.year, ref.month, ref.day, 12, 0)
            parsers[ref] = DateDataParser(
                languages=["en"],
                settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False},
            )
        return parsers[ref]

    def run(case: Case) -> Any:
        data = parser_for(case["published"]).get_date_data(case["phrase"])
        return data.date_obj if data is not None else None

    run.prepare = lambda cases: [parser_for(c["published"]) for c in cases]  # type: ignore[attr-defined]
    return run


def make_parsedatetime() -> Callable[[Case], Any]:
    import parsedatetime  # type: ignore[import-untyped]

    cal = parsedatetime.Calendar()

    def run(case: Case) -> Any:
        ref = case["published"]
        source = datetime(ref.year, ref.month, ref.day, 12, 0)
        result, status = cal.parseDT(case["phrase"], sourceTime=source)
        return result if status else None

    return run


def right_peer(case: Case, got: Any) -> bool:
    if case.get("reject"):
        return got is None
    if got is None or case.get("type") in ("DURATION", "SET"):
        return False
    try:
        span = DateSpan.from_timex(case["value"])
    except ValueError:
        return False
    day = got.date() if isinstance(got, datetime) else got
    if span.granularity in (Granularity.DAY, Granularity.TIME, Granularity.PART_OF_DAY):
        return bool(day == span.first)
    return span.contains(day)


# --- measuring -------------------------------------------------------------------------------


def score(
    cases: list[Case], run: Callable[[Case], Any], right: Callable[[Case, Any], bool]
) -> dict[str, list[int]]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        ok = right(case, run(case))
        for key in (case["category"], "ALL"):
            tally[key][0] += ok
            tally[key][1] += 1
    return tally


def throughput(
    cases: list[Case],
    run: Callable[[Case], Any],
    repeat: int,
    clear: Callable[[], None] | None = None,
) -> float:
    """Phrases per second in the fastest of ``repeat`` passes (the machine's noise only
    ever slows a pass down).  ``clear`` empties summitcal's caches (by default every
    cache kept per phrase)."""
    # summitcal keeps what it reads from a phrase in bounded caches; empty them before
    # every pass so that each phrase is read afresh, as the first time it is seen.
    from summitcal.resolver import clear_caches

    best = float("inf")
    for _ in range(repeat):
        (clear or clear_caches)()
        start = time.perf_counter()
        for case in cases:
            run(case)
        best = min(best, time.perf_counter() - start)
    return len(cases) / best


def print_table(tallies: dict[str, dict[str, list[int]]], speeds: dict[str, float]) -> None:
    """Accuracy per category and phrases per second, one column per resolver."""
    names = list(tallies)
    categories = [*sorted(k for k in tallies["summitcal"] if k != "ALL"), "ALL"]
    print(f"{'category':<15}" + "".join(f"{n:>16}" for n in names))
    for cat in categories:
        cells = []
        for n in names:
            good, total = tallies[n][cat]
            cells.append(f"{good:>4}/{total:<4}{100 * good / total:5.1f}%")
        print(f"{cat:<15}" + "".join(f"{c:>16}" for c in cells))
    print(f"\n{'phrases/s':<15}" + "".join(f"{speeds[n]:>16,.0f}" for n in names))


def import_cost() -> tuple[float, float]:
    """(ms to import summitcal, ms for the first resolve) in a fresh interpreter."""
    code = (
        "import time; t0 = time.perf_counter(); import summitcal; t1 = time.perf_counter();"
        "from datetime import date;"
        "summitcal.resolve('on Friday', reference=date(2025, 2, 9), context='It was on Friday.');"
        "t2 = time.perf_counter(); print((t1 - t0) * 1000, (t2 - t1) * 1000)"
    )
    best = (float("inf"), float("inf"))
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        best = min(best, (float(out[0]), float(out[1])))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests/data/resolve_cases.toml")
    parser.add_argument(
        "--unseen",
        type=Path,
        default=ROOT / "tests/data/resolve_unseen.toml",
        help="held-out cases, scored on a line of their own",
    )
    parser.add_argument("--repeat", type=int, default=5, help="passes for throughput")
    args = parser.parse_args()
    cases = load(args.cases)
    unseen = load(args.unseen) if args.unseen.exists() else []

    peers: dict[str, tuple[Callable[[Case], Any], Callable[[Case, Any], bool]]] = {
        "summitcal": (run_summitcal, right_summitcal)
    }
    try:
        dp = make_dateparser()
        dp.prepare(cases + unseen)  # type: ignore[attr-defined]
        peers["dateparser"] = (dp, right_peer)
    except ImportError:
        print("dateparser not installed (pip install summitcal[bench]); skipped")
    try:
        peers["parsedatetime"] = (make_parsedatetime(), right_peer)
    except ImportError:
        print("parsedatetime not installed (pip install summitcal[bench]); skipped")

    run_summitcal(cases[0])  # compile the grammar before timing
    tallies = {name: score(cases, run, right) for name, (run, right) in peers.items()}
    speeds = {name: throughput(cases, run, args.repeat) for name, (run, _) in peers.items()}

    names = list(peers)
    print(f"\n{len(cases)} cases from {args.cases.name}\n")
    print_table(tallies, speeds)
    base = speeds["summitcal"]
    print(
        f"{'summitcal is':<15}"
        + "".join(f"{'':>16}" if n == "summitcal" else f"{base / speeds[n]:>15.1f}x" for n in names)
    )
    # News repeats its phrases, and summitcal keeps what it read of each: the same cases
    # again, its caches kept (the peers keep whatever they keep in either case).
    seen = throughput(cases, run_summitcal, args.repeat, clear=lambda: None)
    print(
        f"{'seen before':<15}{seen:>16,.0f}"
        + "".join(f"{seen / speeds[n]:>15.1f}x" for n in names if n != "summitcal")
    )
    # The closed-class phrases ("on Friday", "last year") are read from a table the grammar
    # fills once; the rest go through the patterns.  Their speed, on a line of its own:
    from summitcal.resolver.grammar import is_fixed

    rest = [case for case in cases if not is_fixed(case["phrase"])]
    slow = {name: throughput(rest, run, args.repeat) for name, (run, _) in peers.items()}
    print(
        f"\n{len(cases) - len(rest)} of {len(cases)} cases are fixed expressions; on the other "
        f"{len(rest)}:"
    )
    print(f"{'phrases/s':<15}" + "".join(f"{slow[n]:>16,.0f}" for n in names))
    print(
        f"{'summitcal is':<15}"
        + "".join(
            f"{'':>16}" if n == "summitcal" else f"{slow['summitcal'] / slow[n]:>15.1f}x"
            for n in names
        )
    )
    if unseen:
        held = {name: score(unseen, run, right)["ALL"] for name, (run, right) in peers.items()}
        cells = [f"{g:>4}/{t:<4}{100 * g / t:5.1f}%" for g, t in held.values()]
        print(f"\n{'unseen ALL':<15}" + "".join(f"{c:>16}" for c in cells))
        fast = {name: throughput(unseen, run, args.repeat) for name, (run, _) in peers.items()}
        print(f"{'unseen ph/s':<15}" + "".join(f"{fast[n]:>16,.0f}" for n in names))
        print(f"({len(unseen)} held-out cases from {args.unseen.name})")
    imp, first = import_cost()
    print(f"\nimport summitcal: {imp:.1f} ms; first resolve after import: {first:.1f} ms")


if __name__ == "__main__":
    main()
