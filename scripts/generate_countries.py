"""Regenerate ``src/summitcal/data/countries.tsv`` from the ``pycountry`` package.

The ISO 3166-1 table changes a few times a decade; shipping it as a small data file keeps
``pycountry`` (several MB) out of the runtime dependencies.  Run with pycountry installed:

    python scripts/generate_countries.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "summitcal" / "data" / "countries.tsv"


def main() -> None:
    rows = sorted(
        (c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries
    )
    header = f"# ISO 3166-1 alpha-2 codes and short names, from pycountry {pycountry.__version__}\n"
    OUT.write_text(header + "".join(f"{code}\t{name}\n" for code, name in rows), "utf-8")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
