"""What a match of a French rule means: its groups turned into a
:class:`~summitcal.resolver.phrase.Phrase`.

Each builder reads the named groups of its rule's pattern (see :mod:`.rules`) and gives
the phrase, or raises :class:`NoParse` when the words, read closer, name no date.
"""

from __future__ import annotations

import re
from datetime import date, time

import attrs

from summitcal.resolver.french.lexicon import french
from summitcal.resolver.grammar.readers import NoParse, group, refuse_long_number
from summitcal.resolver.phrase import (
    Core,
    DayOfMonth,
    DayRange,
    DayWord,
    Decade,
    DurationCore,
    HalfRef,
    HolidayRef,
    MonthDay,
    MonthRef,
    Narrative,
    Offset,
    Phrase,
    QuarterRef,
    Relative,
    SeasonRef,
    VagueRef,
    Weekday,
    WeekendRef,
    YearRef,
)
from summitcal.span.span import Mod

__all__ = ["NoParse", "group"]


def number(word: str) -> int:
    """A number written in digits, as a cardinal ("trois") or an ordinal ("1er")."""
    word = " ".join(word.split())
    if word.isdigit():
        refuse_long_number(word)
        return int(word)
    lex = french()
    found = lex.cardinals.get(word, lex.ordinals.get(word))
    if found is None:
        raise NoParse(f"{word!r} is no number")
    return found


_FUZZY = {"debut": Mod.START, "mi": Mod.MID, "milieu": Mod.MID, "fin": Mod.END}


def _mod(m: re.Match[str]) -> Mod | None:
    word = group(m, "fz")
    if word is None:
        return None
    return _FUZZY.get(word.rstrip("-").strip())


def _rel(word: str | None) -> int | None:
    return None if word is None else french().relative[word.split()[-1]]


def _clock(m: re.Match[str]) -> time | None:
    if (cw := group(m, "cw")) is not None:
        word_hour, word_minute = french().clock_words[cw].split(":")
        return time(int(word_hour), int(word_minute))
    hour = group(m, "h") or group(m, "h2")
    if hour is None:
        return None
    minute = group(m, "mi") or group(m, "mi2") or "0"
    hh = int(hour)
    if group(m, "ampm") in ("soir", "apres-midi") and hh < 12:
        hh += 12
    return time(hh, int(minute))


def _phrase(m: re.Match[str], core: Core, rule: str, **extra: object) -> Phrase:
    """The phrase of ``core`` with what the match's tail adds: a part of the day, a clock
    time and a zone."""
    part = group(m, "pod")
    zone = group(m, "zone")
    fields: dict[str, object] = {
        "part_of_day": None if part is None else french().parts_of_day[part],
        "start_time": _clock(m),
        "zone": None if zone is None else french().zones[" ".join(zone.split())],
        "mod": _mod(m),
    }
    fields.update(extra)
    if fields["start_time"] is not None:
        fields["part_of_day"] = None  # "jeudi soir à 20 heures": the clock says more
    return Phrase(core=core, rule=rule, **fields)  # type: ignore[arg-type]


def _weekday(word: str) -> int:
    return french().weekdays[word]


def _month(word: str) -> int:
    return french().months[word.rstrip(".")]


# --- days ---------------------------------------------------------------------------------


def build_iso(m: re.Match[str]) -> Phrase:
    core = MonthDay(month=int(m.group("im")), day=int(m.group("id")), year=int(m.group("iy")))
    return _phrase(m, core, "explicit date")


def build_numeric(m: re.Match[str]) -> Phrase:
    """ "9/02/2025", "11.02.2025": day first, as French writes it."""
    year = group(m, "ny")
    full = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    day, month = int(m.group("na")), int(m.group("nb"))
    if not 1 <= month <= 12:
        raise NoParse(f"{month} is no month (French dates put the day first)")
    core = MonthDay(month=month, day=day, year=full)
    if full is not None:
        _check_weekday(attrs.evolve(core, weekday=None))  # a real day of that month
    return _phrase(m, core, "numeric date" if full else "numeric day")


def _month_day(m: re.Match[str], day: str, month: str, year: str | None) -> MonthDay:
    wd = group(m, "wd")
    return MonthDay(
        month=_month(month),
        day=number(day),
        year=None if year is None else int(year),
        weekday=None if wd is None else _weekday(wd),
    )


def build_explicit(m: re.Match[str]) -> Phrase:
    core = _month_day(m, m.group("d"), m.group("mon"), m.group("y"))
    _check_weekday(core)
    return _phrase(m, core, "explicit date")


def _check_weekday(core: MonthDay) -> None:
    """That a dated day exists, and falls on its weekday if one is named."""
    if core.year is None:
        return
    try:
        day = date(core.year, core.month, core.day)
    except ValueError as exc:
        raise NoParse(f"not a calendar date: {exc}") from None
    if core.weekday is not None and day.weekday() != core.weekday:
        names = list(french().weekdays)
        raise NoParse(f"{day} is a {names[day.weekday()]}, not a {names[core.weekday]}")


def build_month_day(m: re.Match[str]) -> Phrase:
    return _phrase(m, _month_day(m, m.group("d"), m.group("mon"), None), "month-day")


def build_weekday_day(m: re.Match[str]) -> Phrase:
    core = DayOfMonth(number(m.group("d")), weekday=_weekday(m.group("wd")))
    return _phrase(m, core, "weekday and day of the month")


def build_day_of_month(m: re.Match[str]) -> Phrase:
    day = number(m.group("d"))
    if not 1 <= day <= 31:
        raise NoParse(f"{day} is no day of a month")
    return _phrase(m, DayOfMonth(day), "day of the month")


def build_weekday(m: re.Match[str]) -> Phrase:
    wd = _weekday(m.group("wd"))
    rel = group(m, "rel")
    week = group(m, "wrel")
    if group(m, "ce") is not None:
        core = Weekday(wd, rel="this")
    elif rel is not None:
        core = Weekday(wd, rel="last" if _rel(rel) == -1 else "next")
    elif week is not None:
        core = Weekday(wd, week=_rel(week))
    elif group(m, "huit") is not None:
        core = Weekday(wd, week=1)
    else:
        core = Weekday(wd)
    return _phrase(m, core, "weekday")


def build_day_word(m: re.Match[str]) -> Phrase:
    word = " ".join(m.group("dw").split())
    return _phrase(m, DayWord(french().day_words[word], word), "day word")


def build_this_part(m: re.Match[str]) -> Phrase:
    """ "ce matin", "ce soir", "cet après-midi": the publication day."""
    return _phrase(m, DayWord(0, "this " + m.group("pod")), "day word")


#: Prepositions after which "15 heures" is an amount of time ("pendant 15 heures"), not a
#: clock time (as it is alone and after "à").
_FOR = frozenset({"pendant", "durant", "depuis", "en", "pour", "dans", "sur", "d'ici"})


def build_clock(m: re.Match[str]) -> Phrase:
    prep = group(m, "prep")
    if prep is not None and prep.split()[-1] in _FOR:
        raise NoParse("a number of hours after 'pendant' is an amount of time")
    wd, dw = group(m, "wd"), group(m, "dw")
    core: Core
    if wd is not None:
        core = Weekday(_weekday(wd))
    elif dw is not None:
        word = " ".join(dw.split())
        core = DayWord(french().day_words[word], word)
    else:
        # The day the story is at: the publication day, unless a caller (extraction)
        # knows a day the text named before ("Le Tournoi débute vendredi 2 février. Le
        # coup d'envoi sera donné à 21 heures.")
        core = Narrative("day", 0)
    return _phrase(m, core, "clock time")


def build_night(m: re.Match[str]) -> Phrase:
    """ "la nuit de mardi à mercredi", "la nuit du 8 au 9 décembre": the night of the
    first day."""
    core: Core
    if group(m, "wd") is not None:
        first, second = _weekday(m.group("wd")), _weekday(m.group("wd2"))
        if (second - first) % 7 != 1:
            raise NoParse("a night runs from one day to the next")
        core = Weekday(first)
    else:
        month = _month(m.group("mon"))
        day, day2 = number(m.group("d")), number(m.group("d2"))
        first_month = group(m, "mon1")
        if first_month is not None:
            month1 = _month(first_month)
        else:
            month1 = month if day < day2 else (month - 2) % 12 + 1
        year = group(m, "y")
        y = None if year is None else int(year) - (1 if month1 > month else 0)
        core = MonthDay(month=month1, day=day, year=y)
    return Phrase(core=core, rule="part of the day", part_of_day="NI")


def build_md_range(m: re.Match[str]) -> Phrase:
    m2 = _month(m.group("m2"))
    first_month = group(m, "m1")
    m1 = m2 if first_month is None else _month(first_month)
    y2 = group(m, "y2")
    end_year = None if y2 is None else int(y2)
    y1 = group(m, "y1")
    if y1 is not None:
        start_year: int | None = int(y1)
    elif end_year is not None:
        start_year = end_year - (1 if m1 > m2 else 0)
    else:
        start_year = None
    d1, d2 = number(m.group("d1")), number(m.group("d2"))
    if first_month is None and d2 <= d1:
        raise NoParse(f"the range ends ({d2}) before it starts ({d1})")
    start = MonthDay(month=m1, day=d1, year=start_year)
    end = MonthDay(month=m2, day=d2, year=end_year)
    return Phrase(core=DayRange(start, end), rule="month-day range")


def build_wd_range(m: re.Match[str]) -> Phrase:
    core = DayRange(Weekday(_weekday(m.group("a"))), Weekday(_weekday(m.group("b"))))
    return Phrase(core=core, rule="weekday range")


def build_holiday(m: re.Match[str]) -> Phrase:
    name = " ".join(m.group("hol").split())
    year = group(m, "y")
    core = HolidayRef(
        french().holidays[name],
        m.group("hol"),
        year=None if year is None else int(year),
        rel=_rel(group(m, "rel")),
    )
    return _phrase(m, core, "holiday")


# --- months, years and their parts --------------------------------------------------------


def build_month(m: re.Match[str]) -> Phrase:
    year = group(m, "y")
    step = group(m, "yrel")
    core = MonthRef(
        _month(m.group("mon")),
        year=None if year is None else int(year),
        year_step=_rel(step),
        rel=_rel(group(m, "rel")),
    )
    return _phrase(m, core, "month")


def build_year(m: re.Match[str]) -> Phrase:
    return _phrase(m, YearRef(int(m.group("y"))), "year")


_UNITS = {"annee": "year", "an": "year", "mois": "month", "semaine": "week", "jour": "day"}
_THIS = frozenset({"en cours", "ci"})


def build_relative(m: re.Match[str]) -> Phrase:
    """ "l'an dernier", "la semaine prochaine", "cette année", "la fin du mois"."""
    unit = _UNITS[m.group("u")]
    rel = group(m, "rel")
    step = 0 if rel is None or " ".join(rel.split()) in _THIS else _rel(rel)
    anchored = group(m, "anch")
    if anchored is not None:
        core = Relative(unit, 1 if anchored == "suivante" else -1, anchored=True)
    else:
        core = Relative(unit, step or 0)
    return _phrase(m, core, "relative unit")


def build_story_day(m: re.Match[str]) -> Phrase:
    """ "la veille", "le lendemain", "l'avant-veille", "le surlendemain"."""
    days = {"la veille": -1, "l'avant-veille": -2, "le lendemain": 1, "le surlendemain": 2}
    return Phrase(core=Narrative("day", days[" ".join(m.group("c").split())]), rule="narrative day")


def build_weekend(m: re.Match[str]) -> Phrase:
    return Phrase(core=WeekendRef(_rel(group(m, "rel")) or 0), rule="weekend")


def build_quarter_rel(m: re.Match[str]) -> Phrase:
    return Phrase(core=Relative("quarter", _rel(group(m, "rel")) or 0), rule="relative unit")


def _counted(m: re.Match[str]) -> tuple[str, int] | None:
    """The unit and the count of a "trois jours", or ``None`` for "quelques jours"."""
    unit, per = french().units[m.group("u")]
    word = " ".join(m.group("n").split())
    if word == "quelques":
        return None
    return unit, number(word) * per


_OFFSET_UNITS = frozenset({"day", "week", "month", "quarter", "year"})


def build_offset(m: re.Match[str]) -> Phrase:
    """ "il y a trois jours", "dans deux semaines"."""
    back = m.group("c").startswith("il")
    counted = _counted(m)
    if counted is None:
        return Phrase(core=VagueRef("PAST_REF" if back else "FUTURE_REF"), rule="vague offset")
    unit, count = counted
    if unit not in _OFFSET_UNITS:
        raise NoParse(f"an offset in {unit}s has no calendar unit")
    return Phrase(core=Offset(unit, -count if back else count), rule="relative offset")


def build_later(m: re.Match[str]) -> Phrase:
    """ "trois jours plus tard", "deux semaines auparavant": counted from the story's day."""
    counted = _counted(m)
    if counted is None or counted[0] not in _OFFSET_UNITS:
        raise NoParse("no count of calendar units")
    unit, count = counted
    before = not m.group("c").rstrip().endswith("tard")
    return Phrase(core=Narrative(unit, -count if before else count), rule="narrative day")


def build_vague(m: re.Match[str]) -> Phrase:
    text = m.group("c")
    ahead = any(w in text for w in ("prochain", "venir", "viennent", "prochainement", "bientot"))
    return Phrase(core=VagueRef("FUTURE_REF" if ahead else "PAST_REF"), rule="vague offset")


def build_season(m: re.Match[str]) -> Phrase:
    year = group(m, "y")
    rel = _rel(group(m, "rel"))
    if group(m, "det") in ("ce", "cet"):
        rel = 0
    core = SeasonRef(
        french().seasons[m.group("sea")], year=None if year is None else int(year), rel=rel
    )
    return _phrase(m, core, "season")


_LAST = {"trimestre": 4, "semestre": 2}
#: "la seconde moitié de l'année" is the second half.
_HALVES = {"moitie": "semestre"}


def build_quarter(m: re.Match[str]) -> Phrase:
    kind = group(m, "qu")
    if kind is None:  # "T3 2024", "S1 2025"
        kind = "trimestre" if m.group("tq") == "t" else "semestre"
        n = int(m.group("tn"))
    else:
        kind = _HALVES.get(kind, kind)
        word = m.group("ord")
        n = _LAST[kind] if word == "dernier" else number(word)
    year = group(m, "y")
    y = None if year is None else int(year)
    step = _rel(group(m, "yrel"))
    if kind == "trimestre":
        if not 1 <= n <= 4:
            raise NoParse(f"a year has no quarter {n}")
        return _phrase(m, QuarterRef(n, year=y, year_step=step), "quarter")
    if not 1 <= n <= 2:
        raise NoParse(f"a year has no half {n}")
    return _phrase(m, HalfRef(n, year=y, year_step=step), "half year")


def build_decade(m: re.Match[str]) -> Phrase:
    digits = m.group("dec")
    first = int(digits) if len(digits) == 4 else 1900 + int(digits)
    if first % 10:
        raise NoParse(f"{digits} starts no decade")
    return Phrase(core=Decade(first), rule="decade")


# --- amounts of time ----------------------------------------------------------------------

_HALF = {"year": ("month", 12), "day": ("hour", 24), "hour": ("minute", 60)}


# Amount words before a duration, and the TIMEX3 mod each gives.
_AMOUNTS = {
    "au moins": Mod.EQUAL_OR_MORE,
    "plus de": Mod.MORE_THAN,
    "moins de": Mod.LESS_THAN,
    "environ": Mod.APPROX,
    "pres de": Mod.APPROX,
    "presque": Mod.LESS_THAN,
    "au plus": Mod.EQUAL_OR_LESS,
}


def build_duration(m: re.Match[str]) -> Phrase:
    if (half_of := group(m, "hu")) is not None:  # "une demi-heure", "une demi-journée"
        unit, size = _HALF["hour" if half_of == "heure" else "day"]
        return Phrase(core=DurationCore(unit, size // 2), rule="duration")
    counted = _counted(m)
    if counted is None:
        raise NoParse("'quelques' gives no amount")
    unit, count = counted
    if group(m, "half") is not None:
        if unit not in _HALF:
            raise NoParse(f"half a {unit} is no whole number of a smaller unit")
        smaller, size = _HALF[unit]
        unit, count = smaller, count * size + size // 2
    if unit == "decade":
        unit, count = "year", count * 10
    amount = group(m, "amt")
    mod = None if amount is None else _AMOUNTS[" ".join(amount.split())]
    return Phrase(core=DurationCore(unit, count), rule="duration", mod=mod)
