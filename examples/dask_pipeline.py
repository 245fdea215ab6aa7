"""Extract every date from a directory of articles with Dask, and score it when gold exists.

``summitcal.extraction`` is a pure function of one document, so an archive of any size is a
map over its files: this example builds a ``dask.bag`` pipeline that reads each file,
extracts, and reduces the results to per-type counts (and, for TimeML files with gold
TIMEX3 tags, TempEval-3 scores).  The same code runs on the local scheduler of one
machine (``--scheduler synchronous``, ``threads`` or ``processes``) or on a cluster, by
passing a ``distributed`` client's scheduler instead.

Run::

    python examples/dask_pipeline.py tests/data/articles --scheduler processes

Input files are TimeML (``.tml``: the DCT is the publication date) or plain text with a
``--published`` date for all of them.

With ``--propose`` it maps :func:`summitcal.propose` over the ``.txt`` articles instead
(each dated by its ``published:`` header line, or ``--published``) and folds the
proposals into counts by relation to the catalogue, by kind, and the catalogue events
most reported::

    python examples/dask_pipeline.py tests/data/propose/dev --propose --scheduler processes
  Needs the ``dask`` extra (``pip install
summitcal[dask]``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import dask.bag as db

from summitcal.extraction import extract
from summitcal.extraction.score import Scores, score
from summitcal.extraction.timeml import parse_timeml
from summitcal.proposals import propose
from summitcal.proposals.evaluate import read_article


def process(path: str, published: date | None = None) -> dict[str, Any]:
    """Extract from one file; a plain record that any scheduler can move around."""
    raw = Path(path).read_text(encoding="utf-8")
    if path.endswith(".tml"):
        doc = parse_timeml(raw, source=path)
        reference = published or doc.dct
        gold = doc.timexes
        text = doc.text
    else:
        reference, gold, text = published, (), raw
    if reference is None:
        raise ValueError(f"{path}: no publication date")
    mentions = extract(text, reference=reference)
    scores = score(gold, mentions) if gold else Scores()
    return {
        "path": path,
        "chars": len(text),
        "types": Counter(m.type.value for m in mentions),
        "mentions": [m.to_dict() for m in mentions],
        "scores": scores,
    }


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {
        "documents": a["documents"] + b["documents"],
        "chars": a["chars"] + b["chars"],
        "types": a["types"] + b["types"],
        "scores": a["scores"] + b["scores"],
    }


def _as_total(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "documents": 1,
        "chars": record["chars"],
        "types": Counter(record["types"]),
        "scores": record["scores"],
    }


def pipeline(paths: Sequence[str], published: date | None = None, partitions: int = 4) -> Any:
    """The lazy Dask computation: a bag of per-file records folded into one total."""
    bag = db.from_sequence(sorted(paths), npartitions=max(1, min(partitions, len(paths))))
    records = bag.map(process, published=published)
    return records.map(_as_total).fold(_merge)


def propose_file(path: str, published: date | None = None) -> dict[str, Any]:
    """The events one article reports, as a plain record.  A file may open with
    ``published:``, ``publisher:`` and ``url:`` header lines and a blank line; they date
    it and name its source (``--published`` wins for the date)."""
    raw = Path(path).read_text(encoding="utf-8")
    source = None
    if raw.startswith("published:"):
        text, source, own = read_article(Path(path))
        reference = published or own
    else:
        text, reference = raw, published
    if reference is None:
        raise ValueError(f"{path}: no publication date")
    proposals = propose(text, reference=reference, source=source)
    return {
        "path": path,
        "proposals": [p.to_dict() for p in proposals],
        "relations": Counter(p.relation.value for p in proposals),
        "kinds": Counter(p.event.kind.value for p in proposals),
        "matches": Counter(p.match for p in proposals if p.match is not None),
    }


def _merge_proposals(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    keys = ("relations", "kinds", "matches")
    return {"documents": a["documents"] + b["documents"]} | {k: a[k] + b[k] for k in keys}


def _proposal_total(record: dict[str, Any]) -> dict[str, Any]:
    keys = ("relations", "kinds", "matches")
    return {"documents": 1} | {k: Counter(record[k]) for k in keys}


def propose_pipeline(
    paths: Sequence[str], published: date | None = None, partitions: int = 4
) -> Any:
    """The lazy Dask computation of proposals: per-file records folded into counts of
    relations, kinds and the catalogue events matched (each worker builds the
    catalogue's gazetteer once)."""
    bag = db.from_sequence(sorted(paths), npartitions=max(1, min(partitions, len(paths))))
    return bag.map(propose_file, published=published).map(_proposal_total).fold(_merge_proposals)


def proposal_summary(total: dict[str, Any]) -> dict[str, Any]:
    """A JSON-ready digest of the folded proposals."""
    return {
        "documents": total["documents"],
        "proposals_by_relation": dict(sorted(total["relations"].items())),
        "proposals_by_kind": dict(sorted(total["kinds"].items())),
        "most_reported": total["matches"].most_common(5),
    }


def summary(total: dict[str, Any]) -> dict[str, Any]:
    """A JSON-ready digest of the folded total."""
    s: Scores = total["scores"]
    out: dict[str, Any] = {
        "documents": total["documents"],
        "chars": total["chars"],
        "mentions_by_type": dict(sorted(total["types"].items())),
    }
    if s.gold:
        out["strict_f1"] = round(s.strict.f1, 4)
        out["relaxed_f1"] = round(s.relaxed.f1, 4)
        out["value_accuracy"] = round(s.value_accuracy, 4)
        out["value_f1"] = round(s.value.f1, 4)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="a directory of .tml or .txt articles")
    parser.add_argument("--published", type=date.fromisoformat, help="for plain text files")
    parser.add_argument(
        "--scheduler", choices=("synchronous", "threads", "processes"), default="threads"
    )
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument(
        "--propose",
        action="store_true",
        help="propose the events the .txt articles report, instead of extracting dates",
    )
    args = parser.parse_args(argv)
    suffixes = (".txt",) if args.propose else (".tml", ".txt")
    paths = [str(p) for p in Path(args.directory).iterdir() if p.suffix in suffixes]
    if not paths:
        print(f"no {' or '.join(suffixes)} files in {args.directory}", file=sys.stderr)
        return 1
    if args.propose:
        work = propose_pipeline(paths, args.published, args.partitions)
        result = proposal_summary(work.compute(scheduler=args.scheduler))
    else:
        total = pipeline(paths, args.published, args.partitions).compute(scheduler=args.scheduler)
        result = summary(total)
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
