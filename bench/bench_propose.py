"""How well ``summitcal.propose`` finds the events of annotated articles, and how fast.

Reads a directory of annotated articles (``NN.txt`` with ``published:``, ``publisher:``
and ``url:`` header lines, beside ``NN.toml`` with ``[[event]]`` and ``[[distractor]]``
tables; an annotation may instead name its article in ``source_file``) and prints, per
article and in total, at each minimum confidence asked for:

* precision and recall of the proposed events (a gold event paired with at most one
  proposal: same catalogue match, else a date on its date phrase, else the same days);
* match accuracy (the paired proposals with the annotated catalogue match, or none);
* date accuracy (the gold days exactly, and, looser, overlapping);
* right: gold events proposed with the right match and a compatible (overlapping) date,
  the figure the targets count ("8 of the 9 dated events");
* false agreements: proposals marked agrees or refines whose days do not overlap the
  matched catalogue event's (the rule is: none), and, apart, agreements with a match the
  annotation does not give;
* distractors proposed: proposals dated by a phrase annotated as no event.

Then the time per article (best of --repeat runs, the catalogue's gazetteer built once).
See summitcal.proposals.evaluate for the pairing.

Usage: python bench/bench_propose.py [DIR] [--min-confidence X ...] [--seeds PATH]
       [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from summitcal.catalog.load import load_catalog
from summitcal.proposals.core import proposer
from summitcal.proposals.evaluate import Scores, _annotated, score_directory

ROOT = Path(__file__).resolve().parents[1]


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}" if d else "  n/a"


def _row(name: str, s: Scores) -> str:
    return (
        f"{name:<8} {s.proposals:>5} {s.gold:>5} {s.paired:>6} "
        f"{_pct(s.paired, s.proposals)} {_pct(s.paired, s.gold)} "
        f"{_pct(s.match_right, s.paired)} {_pct(s.date_exact, s.paired)} "
        f"{_pct(s.date_overlap, s.paired)} {s.right:>3}/{s.gold:<3} "
        f"{s.false_agreements:>3} {s.wrong_match_agreements:>4} {s.distractors:>4}"
    )


def report(directory: Path, threshold: float, seeds: list[str] | None) -> Scores:
    catalog = load_catalog(seeds) if seeds else None
    scores = score_directory(directory, catalog, min_confidence=threshold)
    if not scores:
        raise SystemExit(f"no annotated articles in {directory}")
    print(f"\n{directory} at min confidence {threshold:g}")
    print("article  props  gold paired  prec  rec match date= date~ right    FA wrong dist")
    total = Scores()
    for name, s in scores.items():
        print(_row(name, s))
        total = total + s
    print(_row("total", total))
    return total


def speed(directory: Path, repeat: int) -> None:
    reader = proposer(None)
    articles = [a for p in sorted(directory.glob("*.toml")) if (a := _annotated(p))]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text, source, published in articles:
            reader.propose(text, published, source)
        best = min(best, time.perf_counter() - start)
    per = 1000 * best / len(articles)
    chars = sum(len(a[0]) for a in articles)
    size = f"{len(articles)} articles, {chars} characters"
    print(f"\n{size}: {per:.1f} ms per article (best of {repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "directory", nargs="?", type=Path, default=ROOT / "tests" / "data" / "propose" / "dev"
    )
    parser.add_argument("--min-confidence", type=float, nargs="+", default=[0.0, 0.5], metavar="X")
    parser.add_argument("--seeds", action="append", help="a catalogue of your own")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for threshold in args.min_confidence:
        report(args.directory, threshold, args.seeds)
    speed(args.directory, args.repeat)


if __name__ == "__main__":
    main()
