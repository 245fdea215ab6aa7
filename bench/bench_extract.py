"""Accuracy and speed of ``summitcal.extraction`` on a TimeML corpus (the dev corpus by default).

Prints, TempEval-3 style: strict and relaxed span precision/recall/F1, value accuracy and
value F1 (with type accuracy), per document with --per-doc; then throughput on one core
(MB of article text per second, mentions per second, best of --repeat runs) and with
``extract_many`` on a process pool of --processes workers.

The targets this is measured against (a benchmark, not a test): value F1 above 77.6 and
strict span F1 above 81 on a held-out news corpus, and at least 1 MB/s per core.  Note
that the dev corpus is unusually dense in dates (about one temporal expression per 90
characters), and the extractor's cost grows with the number of dated stretches, so plain
news runs faster than this corpus.

Usage: python bench/bench_extract.py [--corpus DIR] [--repeat N] [--processes N] [--per-doc]
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from summitcal.extraction import extract, extract_many
from summitcal.extraction.evaluate import evaluate
from summitcal.extraction.timeml import TimeMLDocument, read_timeml

ROOT = Path(__file__).resolve().parents[1]


def _docs(corpus: Path) -> list[TimeMLDocument]:
    docs = [read_timeml(p) for p in sorted(corpus.glob("*.tml"))]
    if not docs:
        raise SystemExit(f"no .tml files in {corpus}")
    return docs


def _single_core(docs: list[TimeMLDocument], repeat: int) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = 0
        for d in docs:
            assert d.dct is not None
            found += len(extract(d.text, reference=d.dct))
        best = min(best, time.perf_counter() - start)
    return best, found


# Prose without a single temporal expression (written for this bench): the other bound of
# the cost, since plain news lies between it and the dense dev corpus.
_PROSE = (
    "The delegates argued over the wording of the closing text, and several of them said the "
    "draft left too much to national regulators. A spokesman for the host government said "
    "the talks had been constructive, while campaigners outside the venue called for binding "
    "rules on the most capable systems. Negotiators from 28 countries worked through the "
    "list of proposals, which ran to 40 pages.\n\n"
)


def _prose_rate(repeat: int) -> float:
    text = _PROSE * 400
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        found = extract(text, reference=date(2025, 2, 9))
        best = min(best, time.perf_counter() - start)
        assert not found, found
    return len(text.encode("utf-8")) / 1e6 / best


def _pool(docs: list[TimeMLDocument], processes: int, copies: int) -> float:
    stream = [(d.text, d.dct) for _ in range(copies) for d in docs if d.dct is not None]
    start = time.perf_counter()
    for result in extract_many(stream, processes=processes, chunk=32):
        assert result.error is None, result.error
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark summitcal.extraction.")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "articles")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--per-doc", action="store_true")
    args = parser.parse_args()

    docs = _docs(args.corpus)
    paths = sorted(args.corpus.glob("*.tml"))
    report = evaluate(paths)
    t = report.total
    print(f"corpus: {args.corpus} ({len(docs)} documents, {t.gold} gold TIMEX3)")
    print(f"  strict span   {t.strict}")
    print(f"  relaxed span  {t.relaxed}")
    print(f"  value         {t.value}")
    print(
        f"  value accuracy {100 * t.value_accuracy:.1f}   type accuracy {100 * t.type_accuracy:.1f}"
    )
    if args.per_doc:
        for doc_id, s in report.documents:
            strict, value = 100 * s.strict.f1, 100 * s.value.f1
            print(f"    {doc_id:40s} strict F1 {strict:5.1f}  value F1 {value:5.1f}")

    size = sum(len(d.text.encode("utf-8")) for d in docs)
    _single_core(docs[:1], 1)  # warm the compiled patterns and word lists
    seconds, found = _single_core(docs, args.repeat)
    print(
        f"one core: {size / 1e6 / seconds:.3f} MB/s, {found / seconds:,.0f} mentions/s, "
        f"{len(docs) / seconds:,.0f} documents/s ({size:,} bytes, best of {args.repeat})"
    )
    print(f"one core, prose with no dates: {_prose_rate(args.repeat):.3f} MB/s")
    if args.processes > 1:
        copies = 32
        pool_seconds = _pool(docs, args.processes, copies)
        mb = size * copies / 1e6
        print(
            f"extract_many, {args.processes} processes: {mb / pool_seconds:.3f} MB/s "
            f"({mb / pool_seconds / args.processes:.3f} MB/s per process, pool start included)"
        )


if __name__ == "__main__":
    main()
