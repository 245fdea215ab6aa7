"""Accuracy and speed of ``summitcal.extraction`` on a TimeML corpus (the dev corpus by default).

Prints, TempEval-3 style: strict and relaxed span precision/recall/F1, value accuracy and
value F1 (with type accuracy), per document with --per-doc; then throughput on one core
(MB of article text per second, mentions per second, best of --repeat runs), with
``extract_many`` on a process pool of --processes workers, and ``extract_many`` by
``processes="auto"`` (every core once a stream proves long) beside ``processes=1``.

The targets this is measured against (a benchmark, not a test): value F1 above 77.6 and
strict span F1 above 81 on a held-out news corpus, and at least 1 MB/s per core.  Note
that the dev corpus is unusually dense in dates (about one temporal expression per 90
characters), and the extractor's cost grows with the number of dated stretches, so plain
news runs faster than this corpus.

The held-out corpus (tests/data/articles_unseen, or --unseen DIR) is scored on lines of its
own.  The "news mix" rate is the dev corpus with dateless paragraphs put between its
paragraphs (the bench's own prose below, in turn) until there is one gold TIMEX3 per
--density characters (400 by default, about the rate of ordinary news copy).

Usage: python bench/bench_extract.py [--corpus DIR] [--unseen DIR] [--repeat N]
       [--processes N] [--per-doc] [--density CHARS]
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path
from typing import Literal

import attrs

from summitcal.extraction import extract, extract_many
from summitcal.extraction.evaluate import evaluate
from summitcal.extraction.many import usable_cores
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


# More dateless paragraphs for the news mix (written for this bench), used in turn.
_FILLER = (
    _PROSE,
    "Analysts who follow the sector pointed to the cost of the computing clusters, which "
    "few universities can afford, and to the shortage of engineers able to test them. "
    "The committee heard from trade unions, insurers and two regional governments, each "
    "asking for a say in how audits would be carried out.\n\n",
    "Several delegations wanted the text to name specific agencies, while others preferred "
    "broad principles that each country could apply in its own way. The chair proposed a "
    "compromise that left the details to a working group of technical experts.\n\n",
)


def _news_mix(docs: list[TimeMLDocument], density: int) -> list[TimeMLDocument]:
    """The documents with dateless paragraphs between theirs, to one gold TIMEX3 per
    ``density`` characters over the whole set."""
    gold = sum(len(d.timexes) for d in docs)
    size = sum(len(d.text) for d in docs)
    need = max(0, gold * density - size)  # characters of filler to add
    per_doc = need // len(docs)
    mixed = []
    turn = 0
    for d in docs:
        paragraphs = d.text.split("\n\n")
        added = 0
        out: list[str] = []
        for i, para in enumerate(paragraphs):
            out.append(para)
            # Spread the filler over the gaps between paragraphs (and after the last).
            share = per_doc * (i + 1) // len(paragraphs)
            while added < share:
                filler = _FILLER[turn % len(_FILLER)]
                turn += 1
                out.append(filler.strip())
                added += len(filler)
        mixed.append(attrs.evolve(d, text="\n\n".join(out)))
    return mixed


def _pool(docs: list[TimeMLDocument], processes: int | Literal["auto"], copies: int) -> float:
    stream = [(d.text, d.dct) for _ in range(copies) for d in docs if d.dct is not None]
    start = time.perf_counter()
    for result in extract_many(stream, processes=processes, chunk=32):
        assert result.error is None, result.error
    return time.perf_counter() - start


def _scores(corpus: Path, per_doc: bool) -> None:
    report = evaluate(sorted(corpus.glob("*.tml")))
    t = report.total
    print(f"corpus: {corpus} ({len(report.documents)} documents, {t.gold} gold TIMEX3)")
    print(f"  strict span   {t.strict}")
    print(f"  relaxed span  {t.relaxed}")
    print(f"  value         {t.value}")
    print(
        f"  value accuracy {100 * t.value_accuracy:.1f}   type accuracy {100 * t.type_accuracy:.1f}"
    )
    if per_doc:
        for doc_id, s in report.documents:
            strict, value = 100 * s.strict.f1, 100 * s.value.f1
            print(f"    {doc_id:40s} strict F1 {strict:5.1f}  value F1 {value:5.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark summitcal.extraction.")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "articles")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--per-doc", action="store_true")
    parser.add_argument("--unseen", type=Path, default=ROOT / "tests" / "data" / "articles_unseen")
    parser.add_argument("--density", type=int, default=400, help="news mix: chars per TIMEX3")
    args = parser.parse_args()

    docs = _docs(args.corpus)
    _scores(args.corpus, args.per_doc)
    if args.unseen.is_dir() and args.unseen.resolve() != args.corpus.resolve():
        print("held-out:")
        _scores(args.unseen, args.per_doc)

    size = sum(len(d.text.encode("utf-8")) for d in docs)
    _single_core(docs[:1], 1)  # warm the compiled patterns and word lists
    seconds, found = _single_core(docs, args.repeat)
    print(
        f"one core: {size / 1e6 / seconds:.3f} MB/s, {found / seconds:,.0f} mentions/s, "
        f"{len(docs) / seconds:,.0f} documents/s ({size:,} bytes, best of {args.repeat})"
    )
    print(f"one core, prose with no dates: {_prose_rate(args.repeat):.3f} MB/s")
    mix = _news_mix(docs, args.density)
    mix_size = sum(len(d.text.encode("utf-8")) for d in mix)
    mix_seconds, mix_found = _single_core(mix, args.repeat)
    gold = sum(len(d.timexes) for d in docs)
    print(
        f"one core, news mix: {mix_size / 1e6 / mix_seconds:.3f} MB/s "
        f"({mix_size:,} bytes, one gold TIMEX3 per {mix_size // gold} bytes, "
        f"{mix_found} mentions found)"
    )
    if args.processes > 1:
        copies = 32
        pool_seconds = _pool(docs, args.processes, copies)
        mb = size * copies / 1e6
        print(
            f"extract_many, {args.processes} processes: {mb / pool_seconds:.3f} MB/s "
            f"({mb / pool_seconds / args.processes:.3f} MB/s per process, pool start included)"
        )
    # processes="auto": this process until SPREAD_AFTER characters, then every core;
    # beside processes=1 on the same stream of news (wall clock, the faster of two each).
    copies = 6
    mb = mix_size * copies / 1e6
    alone = min(_pool(mix, 1, copies) for _ in range(2))
    default = min(_pool(mix, "auto", copies) for _ in range(2))
    print(
        f"extract_many, news mix x{copies} ({mb:.1f} MB): auto {mb / default:.3f} MB/s "
        f"(every core: {usable_cores()}), processes=1 {mb / alone:.3f} MB/s, "
        f"{alone / default:.2f}x"
    )


if __name__ == "__main__":
    main()
