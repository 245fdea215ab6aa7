"""Write src/summitcal/resolver/data/lunar.toml: lunar month starts and the Qingming day.

The lunar holidays (the Lantern, Dragon Boat, Mid-Autumn and Double Ninth festivals...)
are days of the Chinese lunisolar calendar, and Qingming is a solar term (the Sun at 15
degrees of ecliptic longitude, Beijing date).  The dates are computed once here and
shipped as data, so the resolver needs no calendar arithmetic of its own at run time (the
Spring Festival is the first month's first day):

* the first day of each ordinary (non-leap) lunar month, from ``lunardate``, each checked
  against ``lunar_python``;
* Qingming, from ``lunar_python``'s solar-term table.

Neither package is a dependency of summitcal (pip install lunardate lunar-python).

Usage: python scripts/generate_lunar_calendar.py
"""

from __future__ import annotations

from pathlib import Path

from lunar_python import Lunar  # type: ignore[import-not-found]
from lunardate import LunarDate  # type: ignore[import-not-found]

from summitcal.atomic import atomic_write_bytes

FIRST, LAST = 1990, 2050
OUT = Path(__file__).resolve().parents[1] / "src/summitcal/resolver/data/lunar.toml"

# Spot checks: widely published dates (Mid-Autumn 2025, Dragon Boat 2024, Qingming 2024).
KNOWN = {(2025, 8, 15): "2025-10-06", (2024, 5, 5): "2024-06-10"}
KNOWN_QINGMING = {2024: "2024-04-04", 2025: "2025-04-04", 2022: "2022-04-05"}


def _month_start(year: int, month: int) -> str:
    day = LunarDate(year, month, 1).to_solar_date().isoformat()
    other = Lunar.fromYmd(year, month, 1).getSolar().toYmd()
    if day != other:
        raise SystemExit(f"lunar {year}/{month}/1: lunardate {day}, lunar_python {other}")
    return day


def main() -> None:
    starts = {y: [_month_start(y, m) for m in range(1, 13)] for y in range(FIRST, LAST + 1)}
    qingming = {
        y: Lunar.fromYmd(y, 1, 1).getJieQiTable()["清明"].toYmd() for y in range(FIRST, LAST + 1)
    }
    for (y, m, d), expected in KNOWN.items():
        got = LunarDate(y, m, d).to_solar_date().isoformat()
        if got != expected:
            raise SystemExit(f"lunar {y}/{m}/{d} is {got}, expected {expected}")
    for y, expected in KNOWN_QINGMING.items():
        if qingming[y] != expected:
            raise SystemExit(f"Qingming {y} is {qingming[y]}, expected {expected}")
    lines = [
        "# The Chinese lunisolar calendar, as Gregorian dates: the first day of each ordinary",
        "# (non-leap) lunar month 1-12 of each lunar year, and the Qingming solar term.",
        "# Computed by scripts/generate_lunar_calendar.py with lunardate",
        "# (https://pypi.org/project/lunardate/), every month start checked against",
        "# lunar-python (https://pypi.org/project/lunar-python/), which also gives Qingming.",
        "# Do not edit by hand: run the script.",
        "",
        "[month_starts]",
    ]
    lines += [f"{y} = [{', '.join(days)}]" for y, days in starts.items()]
    lines += ["", "[qingming]"]
    lines += [f"{y} = {day}" for y, day in qingming.items()]
    # Atomically: a run that fails half-way leaves the shipped table as it was.
    atomic_write_bytes(OUT, ("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {len(starts)} years to {OUT}")


if __name__ == "__main__":
    main()
