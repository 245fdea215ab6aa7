"""Catalogue loader speed and memory on the shapes that used to exhaust it.

For each size N, writes to a temporary directory and loads with
:func:`summitcal.catalog.load.load_catalog`:

* ``chain``: N events, each the parent of the next (the parent-cycle check's worst case);
* ``flat``: the same N events without parents, for comparison;

and, with the TOML reader alone (:func:`summitcal.catalog.tomlsafe.read_toml`, falling back to
bare ``tomllib`` where that module does not exist), a file holding one dotted key of N
segments (``a.a.a... = 1``) and one array nested N deep.  Prints seconds and, for the
TOML shapes, peak traced memory (tracemalloc, in a second run so that tracing does not
distort the times).

Usage: ``python bench/bench_loader.py [--sizes 2500 5000 10000 20000]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from summitcal.catalog.load import load_catalog

EVENT = """
[[event]]
id = "e{i}"
kind = "meeting"
title = "Event {i}"
when = "2030-01-01"
status = "scheduled"
{parent}
[[event.sources]]
url = "https://example.org/{i}"
"""


def _catalogue(folder: Path, n: int, *, chained: bool) -> Path:
    parts = []
    for i in range(n):
        parent = f'parent = "e{i - 1}"' if chained and i else ""
        parts.append(EVENT.format(i=i, parent=parent))
    (folder / "events.toml").write_text("".join(parts), "utf-8")
    return folder


def _reader() -> Callable[[Path], Any]:
    try:
        from summitcal.catalog.tomlsafe import read_toml
    except ImportError:  # the loader before it guarded its input
        import tomllib

        return lambda path: tomllib.loads(path.read_text("utf-8"))
    return lambda path: read_toml(path, str(path))


def _outcome(run: Callable[[], object]) -> str:
    try:
        run()
    except Exception as exc:  # the point is to see what each shape gives
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:70]}"
    return "loaded"


def _measure(what: str, n: int, run: Callable[[], object], *, memory: bool) -> None:
    start = time.perf_counter()
    outcome = _outcome(run)
    seconds = time.perf_counter() - start
    peak = "-"
    if memory:
        tracemalloc.start()
        _outcome(run)
        peak = f"{tracemalloc.get_traced_memory()[1] / 2**20:.1f} MiB"
        tracemalloc.stop()
    print(f"{what:8} {n:>7,} {seconds:8.2f} s {peak:>12}  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    args = parser.parse_args()
    read = _reader()
    print(f"{'shape':8} {'N':>7} {'time':>10} {'peak':>13}  outcome")
    for n in args.sizes:
        for shape, chained in (("chain", True), ("flat", False)):
            with tempfile.TemporaryDirectory() as tmp:
                folder = _catalogue(Path(tmp), n, chained=chained)
                _measure(shape, n, partial(load_catalog, folder), memory=False)
        for shape, text in (
            ("dotted", ".".join(["a"] * n) + " = 1\n"),
            ("nested", "x = " + "[" * n + "]" * n + "\n"),
        ):
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "hostile.toml"
                path.write_text(text, "utf-8")
                _measure(shape, n, partial(read, path), memory=True)


if __name__ == "__main__":
    main()
