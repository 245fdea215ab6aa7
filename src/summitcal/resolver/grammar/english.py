"""The English rule table: the grammar's rules in priority order, each written once.

Each :class:`~.rules.Rule` names its kind, the pattern of its core (built from the
fragments, see :mod:`.fragments`), its builder, whether it names a day, and the trigger
words a text must hold for it to be tried.  The table is split by theme only to keep each
part readable; :func:`rules` joins the parts in order.
"""

from __future__ import annotations

import functools
from collections.abc import Collection

import attrs

from summitcal.resolver.grammar.builders import (
    build_clock_only,
    build_clock_range,
    build_cross,
    build_day_word,
    build_decade,
    build_duration,
    build_fraction,
    build_half,
    build_holiday,
    build_iso,
    build_md,
    build_month,
    build_narrative,
    build_night_of,
    build_nth_weekday,
    build_numeric,
    build_numeric_range,
    build_numeric_short,
    build_offset,
    build_ordinal_day,
    build_part_of_weekday,
    build_quarter,
    build_range,
    build_relative,
    build_season,
    build_set,
    build_shift,
    build_two_over,
    build_vague,
    build_wd_range,
    build_weekday,
    build_weekday_day,
    build_weekend,
    build_weeks_over,
    build_year,
    build_year_end,
)
from summitcal.resolver.grammar.fragments import FROM, RANGE_SEP, WEEK_REL, Fragments, alt
from summitcal.resolver.grammar.rules import Rule, compile_table
from summitcal.resolver.grammar.rules import RuleKind as K
from summitcal.resolver.grammar.triggers import DIGIT, keys, second_keys
from summitcal.resolver.lexicon import Lexicon, lexicon
from summitcal.span.span import Mod

__all__ = ["may_hold_styled_clock", "rules"]

#: A range needs its separator: more telling than its month or weekday names.
SEPARATORS = frozenset({"-", "&", "to", "through", "thru", "until", "till", "and"})


@attrs.frozen
class _Keys:
    """The trigger words several rules share, from the lexicon."""

    months: frozenset[str]
    weekdays: frozenset[str]
    units: frozenset[str]
    day_numbers: frozenset[str]


def rules(loose: bool = False) -> tuple[Rule, ...]:
    """The English rules in priority order, with their whole patterns (compiled on first
    use of each), cached.

    ``loose``: the patterns that read one phrase handed over whole, whose clocks take
    the styles of agendas and chat too ("7p", "15h30", "half past nine"; see
    :class:`~.fragments.Fragments`); running text is searched with the others.
    """
    return _rules(loose)


@functools.cache
def _rules(loose: bool) -> tuple[Rule, ...]:
    f = Fragments(lexicon(), loose)
    lex = f.lex
    k = _Keys(
        months=keys(lex.months),
        weekdays=keys(lex.weekdays),
        units=keys(lex.units),
        day_numbers=DIGIT | keys(lex.ordinals),
    )
    table = (
        *_numbers_and_ranges(f, k),
        *_days(f, k),
        *_months_and_years(f, k),
        *_parts_of_years(f),
        *_story_and_amounts(f, k),
        *_whole_phrases(f, k),
    )
    return compile_table(table, f)


def _numbers_and_ranges(f: Fragments, k: _Keys) -> tuple[Rule, ...]:
    """Numeric dates, and ranges of days ("Feb. 6-7", "from Sunday to Wednesday")."""
    return (
        Rule(
            K.EXPLICIT_DATE,
            r"(?P<iy>\d{4})-(?P<im>\d{2})(?:-(?P<id>\d{2}))?",
            build_iso,
            day_level=True,
            triggers={"-"},
        ),
        Rule(
            # ISO 8601 with slashes, year first: never ambiguous ("2025/03/15").
            K.EXPLICIT_DATE,
            r"(?P<iy>\d{4})/(?P<im>[01]?\d)/(?P<id>[0-3]?\d)",
            build_iso,
            day_level=True,
            triggers={"/"},
            also=DIGIT,
        ),
        Rule(
            # An ISO 8601 date with its clock: "2024-05-21T14:00", seconds ":30", and "Z"
            # for UTC (the zone is kept, as a zone word's is; the clock is not shifted).
            K.EXPLICIT_DATE,
            r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
            r"t(?P<hhi>[01]\d|2[0-3]):(?P<mmi>[0-5]\d)(?::(?P<ssi>[0-5]\d))?(?P<zi>z)?",
            build_iso,
            day_level=False,
            triggers={"t"},
            also={":"},
        ),
        Rule(
            K.NUMERIC_DATE,
            r"(?P<na>\d{1,2})(?P<ns>[/.])(?P<nb>\d{1,2})(?P=ns)(?P<ny>\d{4})",
            build_numeric,
            day_level=True,
            triggers={"/", "."},
            also=DIGIT,  # (a full stop alone is in every sentence)
        ),
        Rule(
            K.NUMERIC_DAY,
            r"(?P<na>\d{1,2})/(?P<nb>\d{1,2})",
            build_numeric_short,
            day_level=True,
            triggers={"/"},
            in_text=False,
        ),
        Rule(
            K.MONTH_DAY_RANGE,
            rf"{FROM}{f.mon('a')}\s*{f.day('a')}(?:,?\s+{f.year('a')})?{RANGE_SEP}"
            rf"{f.mon('b')}\s*{f.day('b')}(?:,?\s+{f.year_q('b')})?",
            build_cross,
            day_level=False,
            triggers=SEPARATORS,
            also=k.months,
        ),
        Rule(
            K.MONTH_DAY_RANGE,
            rf"{FROM}(?:the\s+)?{f.day('a')}(?:\s+of)?\s+{f.mon('a')}(?:,?\s+{f.year('a')})?"
            rf"{RANGE_SEP}(?:the\s+)?{f.day('b')}(?:\s+of)?\s+{f.mon('b')}"
            rf"(?:,?\s+{f.year_q('b')})?",
            build_cross,
            day_level=False,
            triggers=SEPARATORS,
            also=k.months,
        ),
        Rule(
            K.MONTH_DAY_RANGE,
            rf"{FROM}{f.mon('')}\s*{f.day('a')}{RANGE_SEP}(?:the\s+)?{f.day('b')}"
            rf"(?:,?\s+{f.year_q('')})?",
            build_range,
            day_level=False,
            triggers=SEPARATORS,
            also=k.months,
        ),
        Rule(
            K.MONTH_DAY_RANGE,
            rf"{FROM}(?:the\s+)?{f.day('a')}{RANGE_SEP}(?:the\s+)?{f.day('b')}(?:\s+of)?"
            rf"\s+{f.mon('')}(?:,?\s+{f.year_q('')})?",
            build_range,
            day_level=False,
            triggers=SEPARATORS,
            also=k.months,
        ),
        Rule(
            K.WEEKDAY_RANGE,
            rf"{FROM}(?:(?P<wrel>last|next|this|coming)\s+)?{f.wd('a')}{RANGE_SEP}"
            rf"{f.wd('b')}{WEEK_REL}",
            build_wd_range,
            day_level=False,
            triggers=SEPARATORS,
            also=k.weekdays,
        ),
    )


def _days(f: Fragments, k: _Keys) -> tuple[Rule, ...]:
    """Single days: "February 11", "Monday", "two days before Friday", "today", "the 11th"."""
    lex = f.lex
    return (
        Rule(
            K.MONTH_DAY,
            rf"(?:{f.wd('w')},?\s+)?(?:the\s+)?{f.mon('')}\s*(?:the\s+)?{f.day('')}"
            rf"(?:,?\s+{f.year_q('')})?",
            build_md,
            day_level=True,
            triggers=k.months,
            also=k.day_numbers,
        ),
        Rule(
            K.MONTH_DAY,
            # "26 February", "the 26th of February", and "26. Feb." as German writes it.
            rf"(?:{f.wd('w')},?\s+)?(?:the\s+)?{f.day('')}(?:\.|\s+of)?\s+{f.mon('')}"
            rf"(?:,?\s+{f.year_q('')})?",
            build_md,
            day_level=True,
            triggers=k.months,
            also=k.day_numbers,
        ),
        Rule(
            # "Friday the 13th": that day of the nearest month, in the tense's direction, on
            # which it is that weekday.  Digits with their suffix only, and no comma:
            # "Friday, the fourth decline" is a weekday and a count.
            K.WEEKDAY_DAY_OF_MONTH,
            rf"{f.wd('')}\s+the\s+(?P<dn>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)",
            build_weekday_day,
            day_level=True,
            triggers=k.weekdays,
            also={"the"},
        ),
        Rule(
            K.SHIFTED_DAY,
            rf"{f.num('s')}\s+{f.units('s')}\s+(?P<sdir>from|after|before)\s+"
            rf"(?:{f.wd('')}|(?P<sw>today|tomorrow|yesterday))",
            build_shift,
            day_level=True,
            triggers=k.units,
            also=k.weekdays | {"today", "tomorrow", "yesterday"},
        ),
        Rule(
            K.WEEKDAY,
            rf"(?:(?P<wrel>this\s+coming|the\s+coming|coming|last|next|this|past)\s+)?"
            rf"{f.wd('')}{WEEK_REL}",
            build_weekday,
            day_level=True,
            triggers=k.weekdays,
        ),
        Rule(
            # "late Thursday", "early Friday morning", "late on Thursday": the day placed as
            # the plain weekday is, with the mod END or START on its value.
            K.WEEKDAY,
            rf"(?P<fz>early|late)\s+(?:on\s+)?"
            rf"(?:(?P<wrel>this\s+coming|the\s+coming|coming|last|next|this|past)\s+)?"
            rf"{f.wd('')}{WEEK_REL}",
            build_part_of_weekday,
            day_level=True,
            triggers={"early", "late"},
            also=k.weekdays,
        ),
        Rule(
            K.DAY_WORD,
            rf"(?P<dword>{alt(lex.day_words)})",
            build_day_word,
            day_level=True,
            triggers=keys(lex.day_words),
        ),
        Rule(
            K.DAY_OF_MONTH,
            rf"the\s+(?:(?P<dn>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?:\s+of\s+(?:this|the)\s+month)?"
            rf"|(?P<dw>{alt(lex.ordinals)})\s+of\s+(?:this|the)\s+month)",
            build_ordinal_day,
            day_level=True,
            triggers={"the"},
            also=k.day_numbers,
        ),
    )


def _months_and_years(f: Fragments, k: _Keys) -> tuple[Rule, ...]:
    """Months, years, relative units and offsets, holidays, seasons."""
    lex = f.lex
    rel_words = alt([w for w in lex.relative if w != "the past"])
    holiday_words = alt(lex.holidays)
    fuzz = f.fuzz()
    # "the winter of 2023-24": the years a winter spans, in a phrase read whole.
    winter_years = r"(?:\s*[-/]\s*(?P<ys2>\d\d(?:\d\d)?))?" if f.loose else ""
    return (
        Rule(
            K.MONTH,
            rf"{fuzz}(?:(?P<mrel>last|next|this)\s+)?{f.mon('')}(?:,?\s+(?:of\s+)?{f.year_q('')})?",
            build_month,
            day_level=False,
            triggers=k.months,
        ),
        Rule(
            # Not the whole part of a figure: "closed at 2082.1", "1,678.5 points".
            K.YEAR,
            rf"{fuzz}(?:the\s+year\s+(?:of\s+)?)?{f.year('')}(?![.,]\d)",
            build_year,
            day_level=False,
            triggers=DIGIT,
        ),
        Rule(
            K.RELATIVE_UNIT,
            rf"{fuzz}(?:(?P<within>earlier|later)\s+)?(?:(?P<rel>{rel_words})\s+"
            r"(?P<unit>week|month|year|quarter|decade)|the\s+(?P<unit_t>year|month|week|quarter))",
            build_relative,
            day_level=False,
            triggers={"week", "month", "year", "quarter", "decade"},
        ),
        Rule(
            # "the week after next", "the year before last": two units from the
            # publication date's.
            K.RELATIVE_UNIT,
            r"the\s+(?P<unit>week|month|year)\s+(?P<beyond>after\s+next|before\s+last)",
            build_two_over,
            day_level=False,
            triggers={"next", "last"},
            also={"week", "month", "year"},
        ),
        Rule(
            # "year-end", "the year-end", "year's end": the end of the publication year,
            # as "the end of the year" is.
            K.RELATIVE_UNIT,
            r"(?:the\s+)?year(?:\s*-\s*|\s+|'s\s+)end",
            build_year_end,
            day_level=False,
            triggers={"end"},
            also={"year", "years"},
            mod=Mod.END,
        ),
        Rule(
            K.RELATIVE_OFFSET,
            rf"(?:(?P<amta>{f.num('a')}\s+{f.units('a')})\s+(?P<od>ago|from\s+(?P<now>now)|hence)"
            rf"|in\s+(?P<amtb>{f.num('b')}\s+{f.units('b')})(?:'?\s*time)?)",
            build_offset,
            day_level=False,
            triggers=k.units,
            also={"ago", "now", "hence", "in"},
        ),
        Rule(
            K.HOLIDAY,
            rf"(?:(?P<hrel>last|next|this)\s+)?(?P<hol>{holiday_words})"
            rf"(?:,?\s+(?:of\s+)?{f.year_q('')})?",
            build_holiday,
            day_level=True,
            triggers=keys(lex.holidays),
            also=second_keys(lex.holidays, lex.function_words),
        ),
        Rule(
            K.SEASON,
            rf"{fuzz}(?:(?P<srel>this|last|next|the\s+coming|coming|the\s+past|past|the)\s+)?"
            rf"(?P<sea>{alt(lex.seasons)})(?:,?\s+(?:of\s+)?{f.year_q('')}{winter_years})?",
            build_season,
            day_level=False,
            triggers=keys(lex.seasons),
        ),
    )


def _parts_of_years(f: Fragments) -> tuple[Rule, ...]:
    """Quarters, halves, decades, weekends, and a clock time alone."""
    lex = f.lex
    fuzz = f.fuzz()
    return (
        Rule(
            K.QUARTER,
            rf"(?:q(?P<qn>[1-4])(?:\s+(?:of\s+)?{f.year_q('')})?"
            r"|(?P<qy>(?:19|20)\d\d)\s+q(?P<qn2>[1-4])"
            r"|(?:the\s+)?(?P<qo>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter"
            rf"(?:\s+of\s+(?:the\s+(?P<qthe>year)|{f.year_q('2')}))?)",
            build_quarter,
            day_level=False,
            triggers={"q", "quarter"},
        ),
        Rule(
            K.HALF_YEAR,
            rf"(?:h(?P<hn>[12])(?:\s+{f.year_q('')})?|(?P<hy>(?:19|20)\d\d)\s+h(?P<hn2>[12])"
            r"|(?:the\s+)?(?P<ho>first|second|1st|2nd|latter|(?<=the\s)last)\s+half"
            rf"(?:\s+of\s+(?:the\s+(?P<hthe>year)|{f.year_q('2')}))?)",
            build_half,
            day_level=False,
            triggers={"h", "half"},
        ),
        Rule(
            K.DECADE,
            # "the 1990s", "the early 1980s", "late 1990s", "the mid-1990s"; a two-digit
            # or spelt-out decade needs its "the" ("the '90s", "the nineties").
            rf"{fuzz}(?:(?:the\s+)?(?P<dec>(?:1[5-9]|20)\d0)'?s|the\s+(?:'?(?P<dec2>\d0)'?s"
            rf"|(?P<decw>{alt(lex.decades)})))",
            build_decade,
            day_level=False,
            triggers={"s"} | keys(lex.decades),
        ),
        Rule(
            K.WEEKEND,
            r"(?:(?P<werel>this|last|next|the\s+coming|coming|past|the)\s+)?weekend",
            build_weekend,
            day_level=False,
            triggers={"weekend"},
        ),
        Rule(
            K.CLOCK_TIME,
            rf"(?:at\s+)?{f.clock('o')}(?:\s+{f.zone('o')})?",
            build_clock_only,
            day_level=False,
            triggers={"a", "p", "am", "pm", ":", "hrs", "h"}
            | keys(lex.clock_words)
            | keys(lex.zones)
            | (_loose_clock_words(lex) if f.loose else set()),
            # In running text a clock holds a digit or is a clock word ("noon"); "a" of
            # "a.m." alone is in every sentence.
            also=None if f.loose else DIGIT | keys(lex.clock_words),
        ),
    )


def _story_and_amounts(f: Fragments, k: _Keys) -> tuple[Rule, ...]:
    """Days of the story ("the next day"), vague offsets, amounts of time and sets."""
    lex = f.lex
    plural_weekdays = alt([f"{name}s" for name in lex.weekday_names])
    the = r"(?:the\s+)?" if f.loose else r"the\s+"
    return (
        Rule(
            K.NARRATIVE_DAY,
            r"(?:the\s+(?P<nw>next|following|previous|preceding|same)\s+day"
            r"|the\s+(?P<nu>day|week|month|year)\s+(?P<nw2>before|after)"
            r"(?!\s+(?:yesterday|tomorrow))|(?P<nw3>that)\s+day"
            rf"|{f.num('r')}\s+{f.units('r')}\s+(?P<rdir>later|earlier|afterwards|after|before))",
            build_narrative,
            day_level=True,
            triggers=k.units | {"that"},
            in_text=False,
        ),
        Rule(
            K.VAGUE_OFFSET,
            r"(?:(?:a\s+few|several|a\s+couple\s+of|some|a\s+number\s+of|many)\s+"
            r"(?:days|weeks|months|years|decades)\s+(?:(?P<vago>ago)|from\s+now|hence)"
            r"|in\s+(?:a\s+few|several|a\s+couple\s+of)\s+(?:days|weeks|months|years)"
            r"(?:'?\s*time)?)",
            build_vague,
            day_level=False,
            triggers=k.units,
            also={"few", "several", "couple", "some", "number", "many"},
        ),
        Rule(
            K.DURATION,
            # "the past three months"; a phrase read whole may leave out the "the" ("last
            # 2 days"): in running text "last" before an amount is as often an adjective.
            r"(?:(?:for|within|over|during|in)\s+)?"
            rf"(?:{the}(?P<dpast>past|last|next|coming|"
            rf"previous|following)\s+)?(?:{f.num('d')}\s+)?{f.units('d')}"
            rf"|{f.num('h')}-{f.units('h')}(?:-long)?",
            build_duration,
            day_level=False,
            triggers=k.units,
        ),
        Rule(
            # "half an hour", "a quarter of a century", "a half-day", "an hour and a half",
            # "two and a half years": a fraction of a unit, as the next unit down.
            K.DURATION,
            r"(?:(?:for|within|over|during|in)\s+)?(?:"
            r"(?P<fr>half|a\s+quarter|one\s+quarter|three\s+quarters|a\s+third|one\s+third"
            r"|two\s+thirds)\s+(?:of\s+)?an?\s+(?P<fu>hour|day|year|decade|century)"
            r"|(?:an?\s+)?(?P<fr2>half)[-\s](?P<fu2>hour|day|year|decade|century)"
            rf"|(?:(?P<nf>\d{{1,3}}|{alt(lex.cardinals)})\s+(?P<fu3>hours|days|years|decades)"
            r"|an?\s+(?P<fu4>hour|day|year|decade|century))\s+and\s+a\s+half"
            rf"|(?P<nf2>\d{{1,3}}|{alt(lex.cardinals)})\s+and\s+a\s+half\s+"
            r"(?P<fu5>hours|days|years|decades|centuries))",
            build_fraction,
            day_level=False,
            triggers={"half", "quarter", "quarters", "third", "thirds"},
            also={"hour", "hours", "day", "days", "year", "years", "decade", "decades"}
            | {"century", "centuries"},
        ),
        Rule(
            # "a five-day visit", "a 90-day truce": the length of the thing named, when a
            # caller hands the whole noun phrase over.
            K.DURATION_OF_A_THING,
            rf"(?:an?\s+)?{f.num('h')}-{f.units('h')}(?:-long)?\s+[a-z]+(?:-[a-z]+)?",
            build_duration,
            day_level=False,
            triggers=k.units,
            in_text=False,
        ),
        Rule(
            K.SET,
            rf"(?:every\s+(?:(?P<other>other)\s+)?(?:{f.wd('')}|(?P<setu>day|week|month|year))"
            rf"|each\s+(?P<setu2>day|week|month|year)|(?P<setw>{alt(lex.sets)})"
            rf"|(?P<wdpl>{plural_weekdays}))",
            build_set,
            day_level=False,
            triggers={"every", "each"}
            | keys(lex.sets)
            | keys([f"{name}s" for name in lex.weekday_names]),
        ),
    )


def _loose_clock_words(lex: Lexicon) -> frozenset[str]:
    """Words one of which a clock in an agenda's or chat's style holds ("19.45", "half
    past nine", "11 o'clock", "ten thirty", "15h30" has its "h")."""
    # A bare hour is a clock only in a range or before a part of the day ("at 8 tonight").
    return _BARE_HOUR_WORDS | {".", "past", "oclock", "clock"} | keys(lex.clock_hours)


#: Words that join a bare hour to a range or a part of the day ("3-4pm", "at 8 tonight"):
#: they hold such a clock only beside a digit.
_BARE_HOUR_WORDS = frozenset(
    {"-", "to", "and", "until", "till", "after", "before", "tonight", "morning"}
    | {"afternoon", "evening", "night"}
)


@functools.cache
def _styled_marks() -> frozenset[str]:
    lex = lexicon()
    marks = {".", "past", "oclock", "clock", "p", "a", "h"}
    return frozenset(marks) | keys(lex.clock_hours) | keys(lex.clock_fractions)


def may_hold_styled_clock(words: Collection[str]) -> bool:
    """Whether a text of these trigger words (see :func:`.triggers.tokens`) may hold a
    clock only the styles of a phrase read whole read ("7p", "15h30", "half past nine",
    "at 8 tonight", "3-4pm"): a text that cannot reads the same without those styles."""
    if not _styled_marks().isdisjoint(words):
        return True
    return not _BARE_HOUR_WORDS.isdisjoint(words) and any(w.isdigit() for w in words)


def _whole_phrases(f: Fragments, k: _Keys) -> tuple[Rule, ...]:
    """Clock ranges and times of the day read in a phrase handed over whole, never looked
    for in running text ("from 9 to 11" there is as often a count)."""
    lex = f.lex
    clocks = {"a", "p", "am", "pm", ":", "hrs", "h", "-"} | keys(lex.clock_words)
    clocks |= _loose_clock_words(lex) | DIGIT
    joint = r"\s*(?:-|to|until|till|through)\s*"
    return (
        Rule(
            # "half past nine in the evening": the part of the day makes a bare hour pm.
            K.CLOCK_TIME,
            rf"(?:at\s+)?{f.clock('o')}\s+(?:in\s+the\s+)?{f.pod()}(?:\s+{f.zone('o')})?",
            build_clock_only,
            day_level=False,
            triggers=keys(lex.parts_of_day),
            in_text=False,
            late=True,
        ),
        Rule(
            # "from 9 to 11", "between 2 and 4 pm": the day is the publication day.
            K.CLOCK_RANGE,
            rf"(?:from|between)\s+{f.clock('o')}\s*(?:-|to|and|until|till)\s*{f.clock('oe')}"
            rf"(?:\s+{f.zone('o')})?",
            build_clock_only,
            day_level=False,
            triggers={"from", "between"},
            also=clocks,
            in_text=False,
            late=True,
        ),
        Rule(
            # "3-4pm", "9:00-17:00", "1300-1500 GMT"; two bare numbers ("2-4") are none.
            K.CLOCK_RANGE,
            rf"{f.clock('o')}{joint}{f.clock('oe')}(?:\s+{f.zone('o')})?",
            build_clock_range,
            day_level=False,
            triggers={"-", "to", "until", "till", "through"},
            also=clocks,
            in_text=False,
            late=True,
        ),
        Rule(
            # "Monday 9am to Wednesday noon": from a clock on one day to one on another.
            K.DAY_TIME_RANGE,
            rf"{f.wd('a')},?\s+(?:at\s+)?{f.clock('ta')}{joint}{f.wd('b')},?\s+(?:at\s+)?"
            rf"{f.clock('tb')}(?:\s+{f.zone('o')})?",
            build_wd_range,
            day_level=False,
            triggers=k.weekdays,
            also={"-", "to", "until", "till", "through"},
            in_text=False,
            late=True,
        ),
        Rule(
            # "the past few days", "the next several weeks": no amount, only a side.
            K.VAGUE_OFFSET,
            r"(?:the\s+)?(?:(?P<vago>past|last|previous)|next|coming|following)\s+"
            r"(?:few|several|couple\s+of)\s+(?:days|weeks|months|years)",
            build_vague,
            day_level=False,
            triggers={"few", "several", "couple"},
            in_text=False,
            late=True,
        ),
        Rule(
            # "13-03-2017": dashes, as forms and tables write dates (in running text a
            # dash joins as many other numbers).
            K.NUMERIC_DATE,
            r"(?P<na>\d{1,2})-(?P<nb>\d{1,2})-(?P<ny>\d{4})",
            build_numeric,
            day_level=True,
            triggers={"-"},
            also=DIGIT,
            in_text=False,
            late=True,
        ),
        Rule(
            # "2017.03.13" (year first with dots, as East Asian and European forms write
            # it) and "20170313" (ISO 8601's basic form): unambiguous, but in running text
            # dots join version numbers and eight digits are as often a code.
            K.EXPLICIT_DATE,
            r"(?P<iy>1[6-9]\d\d|20\d\d)(?P<dot>\.)?(?P<im>(?(dot)[01]?\d|(?:0[1-9]|1[0-2])))"
            r"(?(dot)\.)(?P<id>(?(dot)[0-3]?\d|(?:0[1-9]|[12]\d|3[01])))",
            build_iso,
            day_level=True,
            triggers=DIGIT,
            in_text=False,
            late=True,
        ),
        Rule(
            # "5.8. - 16.8.", "5/8 to 16/8": two numeric dates, read in one order.
            K.NUMERIC_RANGE,
            r"(?P<na>\d{1,2})(?P<ns>[/.])(?P<nb>\d{1,2})(?:(?P=ns)(?P<ny>\d{4}))?(?P=ns)?"
            r"\s*(?:-|to|until|till)\s*"
            r"(?P<nc>\d{1,2})(?P=ns)(?P<nd>\d{1,2})(?:(?P=ns)(?P<ny2>\d{4}))?(?P=ns)?",
            build_numeric_range,
            day_level=False,
            triggers={"/", "."},
            also=DIGIT,
            in_text=False,
            late=True,
        ),
        Rule(
            # "26. Feb. 2018", "13-Mar-2017", and the airlines' "14JUL" ("06APR 07:40").
            # (In running text the first is read by the day-first rule.)
            K.MONTH_DAY,
            rf"(?P<dn>3[01]|[12]\d|0?[1-9])(?:\.\s*|\s*-\s*|){f.mon('')}"
            rf"(?:(?:\s*-\s*|\s*){f.year('')})?",
            build_md,
            day_level=True,
            triggers=k.months,
            also=DIGIT,
            in_text=False,
            late=True,
        ),
        Rule(
            # "the third Tuesday of September 2014", "the last Friday of the month".
            K.NTH_WEEKDAY,
            r"the\s+(?P<nth>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)"
            rf"\s+{f.wd('')}\s+(?:of|in)\s+(?:(?P<nmrel>this|the|next|last|previous|following)"
            rf"\s+month|{f.mon('')}(?:,?\s+(?:of\s+)?{f.year_q('')})?)",
            build_nth_weekday,
            day_level=True,
            # (Its ordinal is rarer in news than "of" or "in", which every window holds.)
            triggers={"first", "second", "third", "fourth", "fifth", "last", "final"}
            | {"st", "nd", "rd", "th"},
            also=k.weekdays,
            late=True,
        ),
        Rule(
            # "Friday after next", "the Friday before last".
            K.WEEKDAY,
            # (Not "the Friday after next week's summit", "before last year's vote".)
            rf"(?:the\s+)?{f.wd('')}\s+(?P<over>after\s+next|before\s+last)"
            r"(?!\s+(?:week|weekend|month|year|quarter|season|time)\b|\s+\w+'s\b)",
            build_weeks_over,
            day_level=True,
            triggers=k.weekdays,
            also={"next", "last"},
            late=True,
        ),
        Rule(
            # "the 24", as chat writes "the 24th" (a number after "the" in running text
            # is as often a count).
            K.DAY_OF_MONTH,
            r"the\s+(?P<dn>3[01]|[12]\d|0?[1-9])",
            build_ordinal_day,
            day_level=True,
            triggers={"the"},
            also=DIGIT,
            in_text=False,
            late=True,
        ),
        Rule(
            # "the night of Tuesday to Wednesday": Tuesday's night.
            K.NIGHT_OF,
            rf"the\s+night\s+of\s+{f.wd('')}\s*(?:-|to|into)\s*{f.wd('b')}",
            build_night_of,
            day_level=False,
            triggers={"night"},
            also=k.weekdays,
            late=True,
            part="NI",
        ),
    )
