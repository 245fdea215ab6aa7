"""Extraction time on hostile text: each shape of tests/extraction/test_hostile_text.py, two sizes.

Prints, for every shape, the wall time of one ``extract`` at the small and the large size
(10 KB and 100 KB by default), the ratio of the two and the number of mentions found.
Time that grows linearly with the text gives a ratio near the ratio of the sizes (10);
the unit test of the same shapes counts work instead of timing it.

Usage: python bench/bench_hostile.py [--small CHARS] [--large CHARS] [--shape NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.extraction.test_hostile_text import SHAPES, hostile  # noqa: E402

from summitcal.extraction import extract  # noqa: E402

REFERENCE = date(2025, 2, 9)


def _timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    found = extract(text, reference=REFERENCE)
    return time.perf_counter() - start, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time summitcal.extraction on hostile text.")
    parser.add_argument("--small", type=int, default=10_000, help="characters")
    parser.add_argument("--large", type=int, default=100_000, help="characters")
    parser.add_argument("--shape", action="append", choices=list(SHAPES), help="only these")
    args = parser.parse_args()

    _timed(hostile("repeated ranges", 1_000))  # warm the compiled patterns and word lists
    small_kb, large_kb = args.small // 1000, args.large // 1000
    print(f"{'shape':32s} {small_kb:>6d} KB {large_kb:>6d} KB  ratio  mentions")
    for shape in args.shape or SHAPES:
        small, _ = _timed(hostile(shape, args.small))
        large, found = _timed(hostile(shape, args.large))
        print(
            f"{shape:32s} {small:8.3f} s {large:8.3f} s {large / small:6.1f}  {found:8,d}",
            flush=True,
        )


if __name__ == "__main__":
    main()
