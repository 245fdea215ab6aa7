"""Extraction on TimeBank: newswire written elsewhere, scored as TempEval-3 scores it.

TimeBank (the TimeBank half of TempEval-3's training release) is real newswire with TIMEX3
gold, annotated by nobody on this project: the development corpus for dates.  This bench
runs :func:`summitcal.extract` over every document, anchored on the document's creation
time, and prints:

* strict and relaxed span F1, value F1 and type accuracy (micro-averaged over the corpus);
* the errors by class, with counts: gold expressions missed (by TIMEX3 type and by kind of
  expression), spurious mentions, and wrong values (wrong direction, wrong granularity,
  reference words, the rest);
* the direction read for weekday and month mentions, whose gold values say which way the
  sentence points;
* throughput, in MB/s of text on one core.

The corpus is not part of the project and tests never depend on it: it is read from
``../shared/corpora/timebank`` beside the checkout, or from ``--corpus``.

    python bench/bench_timebank.py                 # figures and error classes
    python bench/bench_timebank.py --examples 5    # plus a few examples of each class
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from summitcal import extract
from summitcal.extraction.score import Scores, pair, score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "timebank"

Span = tuple[int, int, str, str]

_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_MONTH = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?",
    re.IGNORECASE,
)
_REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def load(corpus: Path) -> list[tuple[dict[str, str], list[Span]]]:
    """The documents, each with its gold spans in text order."""
    gold: dict[str, list[Span]] = defaultdict(list)
    with (corpus / "timex.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            t = json.loads(line)
            gold[t["doc"]].append((t["start"], t["end"], t["type"], t["value"]))
    with (corpus / "docs.jsonl").open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    return [(d, sorted(gold[d["doc"]])) for d in docs]


def kind_of(text: str, value: str, type_: str) -> str:
    """A coarse class of an expression, for counting what is missed or wrong."""
    if value in _REF_VALUES:
        return "reference word (now, recent, the past...)"
    if type_ in ("DURATION", "SET"):
        return type_.lower()
    if _WEEKDAY.search(text):
        return "weekday"
    if _MONTH.search(text):
        return "month name"
    if re.search(r"\d", text):
        return "with digits"
    if re.search(r"\b(quarter|year|month|week|day|period|season|decade|century)", text, re.I):
        return "unit word (the quarter, the year...)"
    return "other"


def value_error(gold: str, system: str, text: str) -> str:
    """Why a matched mention's value differs from the gold one."""
    if gold in _REF_VALUES or system in _REF_VALUES:
        return "reference word"
    if gold[:1].isdigit() and system[:1].isdigit():
        if len(gold) != len(system) or gold.count("-") != system.count("-"):
            return "granularity (e.g. a day for a month)"
        if _WEEKDAY.search(text) or _MONTH.search(text):
            return "direction (the right unit, the wrong one of them)"
        return "another day, month or year"
    if gold.startswith("P") or system.startswith("P"):
        return "duration"
    return "other"


def direction_of(gold: str, dct: date) -> str | None:
    """Whether a gold day or month lies before, on or after the creation date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold):
        day = date.fromisoformat(gold)
    elif re.fullmatch(r"\d{4}-\d{2}", gold):
        day = date(int(gold[:4]), int(gold[5:7]), 1)
        dct = dct.replace(day=1)
    else:
        return None
    return "past" if day < dct else "future" if day > dct else "same"


def run(corpus: Path, examples: int) -> int:
    documents = load(corpus)
    total = Scores()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    direction: Counter[tuple[str, bool]] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    size = 0
    seconds = 0.0
    extract(documents[0][0]["text"], reference=date(1998, 1, 1))  # the grammar's first build
    for doc, gold in documents:
        text, dct = doc["text"], date.fromisoformat(doc["dct"])
        size += len(text.encode("utf-8"))
        started = time.perf_counter()
        mentions = extract(text, reference=dct)
        seconds += time.perf_counter() - started
        system: list[Span] = [(m.start, m.end, str(m.type), m.timex) for m in mentions]
        total += score(gold, system)
        pairs = pair(gold, system)
        matched_gold = {i for i, _ in pairs}
        matched_system = {j for _, j in pairs}

        def note(cls: str, line: str) -> None:
            if len(shown[cls]) < examples:
                shown[cls].append(line)

        for i, (start, end, type_, value) in enumerate(gold):
            if i not in matched_gold:
                cls = "missed: " + kind_of(text[start:end], value, type_)
                missed[cls] += 1
                note(cls, f"{doc['doc']}: {text[start:end]!r} gold {value}")
        for j, (start, end, _type, value) in enumerate(system):
            if j not in matched_system:
                spurious["spurious"] += 1
                note("spurious", f"{doc['doc']}: {text[start:end]!r} -> {value}")
        for i, j in pairs:
            g, s = gold[i], system[j]
            phrase = text[g[0] : g[1]]
            way = direction_of(g[3], dct)
            if way in ("past", "future") and (_WEEKDAY.search(phrase) or _MONTH.search(phrase)):
                direction[(way, g[3] == s[3])] += 1
            if g[3] != s[3]:
                cls = "wrong value: " + value_error(g[3], s[3], phrase)
                wrong[cls] += 1
                note(cls, f"{doc['doc']}: {phrase!r} gold {g[3]}, got {s[3]} (dct {dct})")
    print(f"TimeBank: {len(documents)} documents, {size / 1e6:.2f} MB, from {corpus}")
    print(total.summary())
    print(f"value F1 {100 * total.value.f1:.1f}, relaxed span F1 {100 * total.relaxed.f1:.1f}")
    print(f"throughput {size / seconds / 1e6:.2f} MB/s (one core, extract only)")
    print("\nerrors by class:")
    for counter in (missed, spurious, wrong):
        for cls, n in counter.most_common():
            print(f"  {n:4d}  {cls}")
            for line in shown.get(cls, []):
                print(f"          {line}")
    print("\nweekday and month mentions found, by the direction of their gold value:")
    for way in ("past", "future"):
        right, all_ = direction[(way, True)], direction[(way, True)] + direction[(way, False)]
        print(f"  {way:6s} {right}/{all_} right")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=0, help="examples shown per class")
    args = parser.parse_args(argv)
    if not (args.corpus / "docs.jsonl").is_file():
        print(f"no TimeBank corpus at {args.corpus} (give --corpus)", file=sys.stderr)
        return 2
    return run(args.corpus, args.examples)


if __name__ == "__main__":
    sys.exit(main())
