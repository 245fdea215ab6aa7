"""The resolver and extraction of this checkout beside those of another source tree, in one
process, in alternating passes.

A machine whose speed drifts between runs (a shared one drifts by a third in a day) makes
figures taken minutes apart hard to compare; here both versions run in the same process,
pass after pass, the order swapped each round, and the medians of CPU time are printed with
their ratio.  The other tree is imported under the name ``summitcal_before``: its modules
are read from ``--before`` (a ``src`` directory, e.g. of ``git worktree add ../old REV``)
and every ``summitcal`` in their imports is renamed, so the two never share a module.

Measured, each over the phrases of the case files (``--cases``, the resolver's TOML
format; default: the own cases and the first two held-out sets):

* **first seen**: every per-phrase cache emptied before each pass (``clear_caches``, or for
  a tree without it the parse cache), so each phrase is read as the first time;
* **seen before**: the same phrases with the caches kept;
* **TimeBank gold phrases**: ``resolve`` on each TIMEX3 phrase of the TimeBank corpus in
  its sentence, in document order, the caches emptied once a pass (news repeats its
  phrases: 507 of its 1,243 are distinct);
* **TimeBank extraction**: ``extract`` on every document, in MB of text per CPU second.

The corpus is read from ``../shared/corpora/timebank`` beside the checkout, or
``--corpus``; without it the TimeBank lines are left out.

Calibrate first: ``--before src`` runs this tree against itself.  On the 2-core development
machine that gave ratios of 1.01 to 1.07 for phrases seen for the first time (the side
imported first is the slower), 0.99 to 1.01 for phrases seen before: a first-seen ratio
inside that spread says nothing.  ``valgrind --tool=callgrind`` counts instructions, which
no neighbour on the machine moves, for a second opinion.

Usage: ``python bench/bench_before_after.py --before ../old/src [--rounds 15]``
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.abc
import importlib.resources.abc
import importlib.util
import json
import statistics
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CASES = ("resolve_cases.toml", "resolve_unseen.toml", "resolve_unseen2.toml")
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "timebank"
BEFORE = "summitcal_before"


class _Renamed(importlib.abc.MetaPathFinder, importlib.abc.SourceLoader):
    """Imports ``summitcal_before.*`` from another tree's ``summitcal`` package, with the
    package's name rewritten in each module's source."""

    def __init__(self, src: Path) -> None:
        self.src = src

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != BEFORE and not name.startswith(BEFORE + "."):
            return None
        parts = ["summitcal", *name.split(".")[1:]]
        base = self.src.joinpath(*parts)
        if (base / "__init__.py").is_file():
            file, package = base / "__init__.py", [str(base)]
        elif base.with_suffix(".py").is_file():
            file, package = base.with_suffix(".py"), None
        else:
            return None
        return importlib.util.spec_from_file_location(
            name, file, loader=self, submodule_search_locations=package
        )

    def get_filename(self, fullname: str) -> str:
        spec = self.find_spec(fullname, None)
        assert spec is not None
        assert spec.origin is not None
        return str(spec.origin)

    def get_data(self, path: str) -> bytes:
        raw = Path(path).read_bytes()
        if not path.endswith(".py"):
            return raw
        text = raw.decode("utf-8")
        for old, new in (
            ("from summitcal.", f"from {BEFORE}."),
            ("from summitcal import", f"from {BEFORE} import"),
            ("import summitcal.", f"import {BEFORE}."),
            ('"summitcal.', f'"{BEFORE}.'),
            ("'summitcal.", f"'{BEFORE}."),
        ):
            text = text.replace(old, new)
        return text.encode("utf-8")

    def path_stats(self, path: str) -> dict[str, float]:
        # No byte-compiled file is read or written for a renamed module: one found beside
        # the source would hold the imports before the renaming.
        raise OSError("renamed sources are compiled afresh")

    def get_resource_reader(self, fullname: str) -> _Files:
        """The package's data files, as ``importlib.resources.files`` reads them."""
        return _Files(Path(self.get_filename(fullname)).parent)


class _Files(importlib.resources.abc.TraversableResources):
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def files(self) -> Path:
        return self.folder


def _clear_of(resolver: ModuleType, package: str) -> Callable[[], None]:
    clear = getattr(resolver, "clear_caches", None)
    if clear is None:  # a tree from before clear_caches: its one per-phrase cache
        clear = importlib.import_module(f"{package}.resolver.grammar.parse").parse.cache_clear
    return clear  # type: ignore[no-any-return]


def _phrase_runner(package: str, cases: list[dict[str, Any]]) -> Callable[[], None]:
    resolver = importlib.import_module(f"{package}.resolver")
    error = importlib.import_module(f"{package}.errors").PhraseError
    orders = {"day-first": resolver.NumericOrder.DAY_FIRST}
    orders["month-first"] = resolver.NumericOrder.MONTH_FIRST
    resolve = resolver.resolve
    args = [
        (c["phrase"], c["published"], c.get("context"), orders.get(c.get("order", "")))
        for c in cases
    ]

    def run() -> None:
        for phrase, published, context, order in args:
            try:
                resolve(phrase, reference=published, context=context, order=order)
            except error:  # a refusal is an answer too (and timed as one)
                continue

    return run


def _timebank(corpus: Path) -> tuple[list[tuple[str, date]], list[tuple[str, date, str]]]:
    """The documents (text, creation date), and each gold phrase with its date and its
    sentence (from the full stop before it to the one after, at most 200 characters
    either side)."""
    with (corpus / "docs.jsonl").open(encoding="utf-8") as handle:
        docs = {d["doc"]: d for d in map(json.loads, handle)}
    phrases = []
    with (corpus / "timex.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            t = json.loads(line)
            doc = docs[t["doc"]]
            text, start, end = doc["text"], t["start"], t["end"]
            lo = max(text.rfind(". ", 0, start) + 2, start - 200, 0)
            stop = text.find(". ", end)
            hi = len(text) if stop < 0 else min(stop + 1, end + 200)
            phrases.append((text[start:end], date.fromisoformat(doc["dct"]), text[lo:hi]))
    texts = [(d["text"], date.fromisoformat(d["dct"])) for d in docs.values()]
    return texts, phrases


def _in_context_runner(package: str, phrases: list[tuple[str, date, str]]) -> Callable[[], None]:
    resolve = importlib.import_module(f"{package}.resolver").resolve
    error = importlib.import_module(f"{package}.errors").SummitcalError

    def run() -> None:
        for phrase, published, context in phrases:
            try:
                resolve(phrase, reference=published, context=context)
            except (error, ValueError):  # refusals and ambiguous holidays, timed too
                continue

    return run


def _extract_runner(package: str, texts: list[tuple[str, date]]) -> Callable[[], None]:
    extract = importlib.import_module(package).extract

    def run() -> None:
        for text, published in texts:
            extract(text, reference=published)

    return run


def duel(
    runs: dict[str, Callable[[], None]],
    clears: dict[str, Callable[[], None] | None],
    rounds: int,
) -> dict[str, list[float]]:
    """CPU seconds of each side's passes, alternating (the order swapped each round);
    ``clears[side]``, when given, runs before each of that side's passes, untimed."""
    for run in runs.values():  # patterns compiled, tables read: not timed
        run()
    seconds: dict[str, list[float]] = {side: [] for side in runs}
    sides = list(runs)
    for i in range(rounds):
        for side in sides if i % 2 == 0 else sides[::-1]:
            clear = clears[side]
            if clear is not None:
                clear()
            gc.collect()
            gc.disable()
            started = time.process_time()
            runs[side]()
            seconds[side].append(time.process_time() - started)
            gc.enable()
    return seconds


def _line(label: str, seconds: dict[str, list[float]], per: float, unit: str) -> None:
    """Medians (and the best pass) of each side, converted by ``per``: a count divided by
    the seconds, or seconds times a factor."""
    cells = []
    medians = {}
    for side, values in seconds.items():
        med, best = statistics.median(values), min(values)
        shown = (per / med, per / best) if unit.endswith("/s") else (med * per, best * per)
        medians[side] = shown[0]
        cells.append(f"{side} {shown[0]:9,.2f} (best {shown[1]:,.2f})")
    ratio = medians["now"] / medians["before"]
    print(f"{label:<34} {unit:<9} " + "  ".join(cells) + f"  now/before {ratio:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the other tree's src/")
    parser.add_argument("--cases", type=Path, nargs="*", default=[DATA / c for c in CASES])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    if not (args.before / "summitcal" / "__init__.py").is_file():
        parser.error(f"{args.before} holds no summitcal package")
    sys.meta_path.insert(0, _Renamed(args.before.resolve()))
    packages = {"now": "summitcal", "before": BEFORE}

    cases: list[dict[str, Any]] = []
    for path in args.cases:
        with path.open("rb") as handle:
            cases += tomllib.load(handle)["case"]
    print(f"{len(cases)} phrases from {', '.join(p.name for p in args.cases)}; CPU time,")
    print(f"medians of {args.rounds} alternating passes\n")
    runs = {side: _phrase_runner(pkg, cases) for side, pkg in packages.items()}
    clears = {
        side: _clear_of(importlib.import_module(f"{pkg}.resolver"), pkg)
        for side, pkg in packages.items()
    }
    us = 1e6 / len(cases)
    _line("first seen", duel(runs, dict(clears), args.rounds), us, "µs/phrase")
    _line("seen before", duel(runs, dict.fromkeys(runs), args.rounds), us, "µs/phrase")

    if (args.corpus / "docs.jsonl").is_file():
        texts, phrases = _timebank(args.corpus)
        runs = {side: _in_context_runner(pkg, phrases) for side, pkg in packages.items()}
        seconds = duel(runs, dict(clears), args.rounds)
        _line("TimeBank gold phrases in context", seconds, 1e6 / len(phrases), "µs/phrase")
        size = sum(len(text.encode("utf-8")) for text, _ in texts) / 1e6
        runs = {side: _extract_runner(pkg, texts) for side, pkg in packages.items()}
        _line("TimeBank extraction", duel(runs, dict(clears), args.rounds), size, "MB/s")
    else:
        print(f"(no corpus at {args.corpus}: the TimeBank lines are left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
