"""The French rule table: each rule's pattern and builder, in priority order.

A rule's pattern is a core (group ``c``) with an optional preposition before it (group
``prep``: "en mai", "à 15 h 30", "le 10 février"), which stays outside the phrase, as
TimeML leaves it.  Day-level rules take a tail: a part of the day ("mardi matin"), a
clock time ("jeudi à 18 heures") and a zone ("heure de Paris").  Rules that name two
days mark them as groups ``a`` and ``b``, which extraction tags apart ("les <15> et
<16 mars>").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from summitcal.resolver.french import builders as b
from summitcal.resolver.french.patterns import Pieces, pieces
from summitcal.resolver.phrase import Phrase

__all__ = ["FrenchRule", "rules"]


@attrs.frozen
class FrenchRule:
    """One French rule.

    Attributes:
        name: What it reads, for tests and for the priority among overlapping matches.
        pattern: The whole pattern (preposition and core), compiled.
        in_text_pattern: The same between word bounds, to search running text.
        build: The meaning of a match.
        in_text: Whether extraction looks for it in running text (a "9/11" without a
            year is read only when handed over alone).
    """

    name: str
    pattern: re.Pattern[str]
    in_text_pattern: re.Pattern[str]
    build: Callable[[re.Match[str]], Phrase]
    in_text: bool = True


def _tail(p: Pieces) -> str:
    return (
        rf"(?:\s+(?:dans\s+la\s+|en\s+|au\s+|en\s+(?:fin|debut)\s+de\s+)?(?P<pod>{p.part}))?"
        rf"(?:,?\s+(?:(?:a|vers|des|aux\s+alentours\s+de)\s+)?(?:{p.clock}))?"
        rf"(?:\s+\(?(?P<zone>{p.zone})\)?|{_LOCAL})?"
    )


#: "heure locale" after a clock time: the place's own time, no zone to keep.
_LOCAL = r"\s+\(?heure\s+locale\)?"

#: "début", "mi-", "fin", "courant" before a month, a year or a unit.
_FUZZY = r"(?:(?:la|le|au|en|a\s+la)\s+)?(?P<fz>debut|mi-|mi\s+|fin|courant|milieu)\s*"


def _table(p: Pieces) -> list[tuple[str, str, Callable[[re.Match[str]], Phrase]]]:
    wd, mon, day, year, rel = p.weekday, p.month, p.day, p.year, p.relative
    tail = _tail(p)
    clock_words = "|".join(p.lex.clock_words)
    return [
        ("iso", rf"(?P<iy>\d{{4}})-(?P<im>[01]\d)-(?P<id>[0-3]\d){tail}", b.build_iso),
        (
            "numeric",
            rf"(?P<na>[0-3]?\d)(?P<sep>[/.-])(?P<nb>[01]?\d)(?P=sep)(?P<ny>\d{{4}}|\d\d)(?![\d/.]\d)"
            rf"{tail}",
            b.build_numeric,
        ),
        ("numeric day", r"(?P<na>[0-3]?\d)/(?P<nb>[01]?\d)(?![\d/])", b.build_numeric),
        (
            "night",
            rf"(?:la\s+)?nuit\s+(?:de|du)\s+(?P<wd>{wd})\s+(?:a|au)\s+(?P<wd2>{wd})",
            b.build_night,
        ),
        (
            "night",
            rf"(?:la\s+)?nuit\s+du\s+(?P<d>{day})(?:\s+(?P<mon1>{mon}))?\s+au\s+(?P<d2>{day})"
            rf"\s+(?P<mon>{mon})(?:\s+(?P<y>{year}))?",
            b.build_night,
        ),
        (
            "month-day range",
            rf"(?:du\s+)?(?P<a>(?:(?P<wd1>{wd})\s+)?(?P<d1>{day})(?:\s+(?P<m1>{mon}))?"
            rf"(?:\s+(?P<y1>{year}))?)\s*(?:au|-)\s*(?P<b>(?:(?P<wd2>{wd})\s+)?(?P<d2>{day})"
            rf"\s+(?P<m2>{mon})(?:\s+(?P<y2>{year}))?)(?:\s+(?:{rel})s?)?",
            b.build_md_range,
        ),
        (
            "month-day range",
            rf"(?:(?:les|le)\s+)?(?P<a>(?P<d1>{day})(?:\s+(?P<m1>{mon}))?)\s+et\s+(?:le\s+)?"
            rf"(?P<b>(?P<d2>{day})\s+(?P<m2>{mon})(?:\s+(?P<y2>{year}))?)(?:\s+(?:{rel})s?)?",
            b.build_md_range,
        ),
        (
            "month-day range",
            rf"entre\s+le\s+(?P<a>(?P<d1>{day})(?:\s+(?P<m1>{mon}))?)\s+et\s+le\s+"
            rf"(?P<b>(?P<d2>{day})\s+(?P<m2>{mon})(?:\s+(?P<y2>{year}))?)(?:\s+(?:{rel})s?)?",
            b.build_md_range,
        ),
        (
            "weekday range",
            rf"(?:du|de)\s+(?P<a>{wd})\s+(?:au|a|jusqu'au)\s+(?P<b>{wd})",
            b.build_wd_range,
        ),
        ("weekday range", rf"entre\s+(?P<a>{wd})\s+et\s+(?P<b>{wd})", b.build_wd_range),
        ("weekday range", rf"(?P<a>{wd})\s+et\s+(?P<b>{wd})", b.build_wd_range),
        ("weekday range", rf"(?P<a>{wd})\s*(?:au|-)\s*(?P<b>{wd})", b.build_wd_range),
        (
            "explicit date",
            rf"(?:(?P<wd>{wd})\s+)?(?P<d>{day})\s+(?P<mon>{mon})\s+(?P<y>{year}){tail}",
            b.build_explicit,
        ),
        (
            "holiday",
            rf"(?P<hol>{p.holiday})(?:\s+(?P<rel>{rel})|\s+(?P<y>{year}))?",
            b.build_holiday,
        ),
        (
            "month-day",
            rf"(?:(?P<wd>{wd})\s+)?(?P<d>{day})\s+(?P<mon>{mon})(?:\s+(?:{rel}))?{tail}",
            b.build_month_day,
        ),
        (
            "weekday and day of the month",
            rf"(?P<wd>{wd})\s+(?P<d>[12]\d|3[01]|0?[1-9]|1er)(?![\d/:.]|\s*(?:heures?|h)(?![a-z])){tail}",
            b.build_weekday_day,
        ),
        ("weekday", rf"(?P<ce>ce|cette)\s+(?P<wd>{wd}){tail}", b.build_weekday),
        ("weekday", rf"(?P<wd>{wd})\s+(?P<rel>{rel}){tail}", b.build_weekday),
        (
            "weekday",
            rf"(?P<wd>{wd})\s+(?:de\s+)?la\s+semaine\s+(?P<wrel>{rel}){tail}",
            b.build_weekday,
        ),
        ("weekday", rf"(?P<wd>{wd})\s+(?P<huit>en\s+huit){tail}", b.build_weekday),
        ("weekday", rf"(?P<wd>{wd}){tail}", b.build_weekday),
        (
            "weekday",
            rf"(?:dans\s+)?(?:la|le)\s+(?P<pod>{p.part})\s+(?:de|du)\s+(?P<wd>{wd})",
            b.build_weekday,
        ),
        ("day word", rf"(?P<dw>{p.day_word}){tail}", b.build_day_word),
        (
            "day word",
            rf"(?:ce|cet|cette)\s+(?P<pod>{p.part})(?:,?\s+(?:(?:a|vers)\s+)?(?:{p.clock}))?"
            rf"(?:\s+\(?(?P<zone>{p.zone})\)?|{_LOCAL})?",
            b.build_this_part,
        ),
        (
            "clock time",
            rf"(?:ce\s+(?={clock_words}))?(?:{p.clock})(?:\s+\(?(?P<zone>{p.zone})\)?|{_LOCAL})?"
            rf"(?:,?\s+(?P<wd>{wd})|\s+(?P<dw>{p.day_word}))?",
            b.build_clock,
        ),
        (
            "day of the month",
            # "le" before it is required, and stays outside ("le <11>")
            r"(?<=\ble\s)(?P<d>[12]\d|3[01]|0?[1-9]|1er)"
            r"(?![\d/:.,]\d|\s*(?:heures?|h)(?![a-z])|%)",
            b.build_day_of_month,
        ),
        (
            "month",
            rf"{_FUZZY}(?:de\s+|d')?(?P<mon>{mon})(?:\s+(?P<y>{year})|\s+(?P<rel>{rel}))?",
            b.build_month,
        ),
        (
            "relative unit",
            rf"{_FUZZY}(?:de\s+l'|d'|du\s+|de\s+la\s+|de\s+)(?P<u>annee|an|mois|semaine)"
            rf"(?:\s+(?P<rel>{rel}|en\s+cours))?",
            b.build_relative,
        ),
        ("year", rf"{_FUZZY}(?:de\s+l'annee\s+|de\s+|d')?(?P<y>{year})", b.build_year),
        (
            "season",
            rf"{_FUZZY}(?:de\s+l'|du\s+|de\s+)(?P<sea>{p.season})"
            rf"(?:\s+(?P<rel>{rel})|\s+(?P<y>{year}))?",
            b.build_season,
        ),
        ("month", rf"(?P<mon>{mon})\s+(?P<y>{year})", b.build_month),
        ("month", rf"(?P<mon>{mon})\s+(?P<rel>{rel})", b.build_month),
        (
            "month",
            rf"(?P<mon>{mon})\s+(?:de\s+)?l'(?:an|annee)\s+(?P<yrel>{rel})",
            b.build_month,
        ),
        ("month", rf"(?:le\s+mois\s+(?:de\s+|d'))?(?P<mon>{mon})", b.build_month),
        ("relative unit", rf"(?:la\s+)?(?P<u>semaine)\s+(?P<rel>{rel})", b.build_relative),
        (
            "relative unit",
            r"(?:cette|la)\s+(?P<u>semaine)(?:-(?P<rel>ci))?(?!\s+(?:de|d'|du|des|ou|a)\b)",
            b.build_relative,
        ),
        ("relative unit", rf"le\s+(?P<u>mois)\s+(?P<rel>{rel})", b.build_relative),
        ("relative unit", r"ce\s+(?P<u>mois)(?:-(?P<rel>ci))?", b.build_relative),
        ("relative unit", rf"l'(?P<u>an|annee)\s+(?P<rel>{rel}|en\s+cours)", b.build_relative),
        ("relative unit", r"cette\s+(?P<u>annee)", b.build_relative),
        (
            "relative unit",
            r"l'(?P<u>annee|an)\s+(?P<anch>precedente|suivante)",
            b.build_relative,
        ),
        (
            "narrative day",
            r"la\s+veille|l'avant-veille|le\s+lendemain|le\s+surlendemain",
            b.build_story_day,
        ),
        ("weekend", rf"(?:le\s+)?week-end\s+(?P<rel>{rel})", b.build_weekend),
        ("weekend", r"ce\s+week-end", b.build_weekend),
        ("relative unit", rf"le\s+trimestre\s+(?P<rel>{rel})", b.build_quarter_rel),
        ("relative unit", r"ce\s+trimestre", b.build_quarter_rel),
        (
            "vague offset",
            r"(?:ces|les)\s+(?:derniers|dernieres|prochains|prochaines)\s+"
            r"(?:jours|semaines|mois|annees)"
            r"|les\s+(?:jours|semaines|mois|annees)\s+(?:a\s+venir|qui\s+viennent)"
            r"|recemment|prochainement",
            b.build_vague,
        ),
        (
            "relative offset",
            rf"(?:il\s+y\s+a|dans)\s+(?P<n>{p.count})\s+(?P<u>{p.unit})",
            b.build_offset,
        ),
        (
            "narrative day",
            rf"(?P<n>{p.count})\s+(?P<u>{p.unit})\s+(?:plus\s+tard|plus\s+tot|auparavant)",
            b.build_later,
        ),
        (
            "season",
            rf"(?:(?P<det>le|ce|cet)\s+|l')?(?P<sea>{p.season})"
            rf"(?:\s+(?P<rel>{rel})|\s+(?P<y>{year}))?",
            b.build_season,
        ),
        (
            "quarter",
            rf"(?:le\s+)?(?P<ord>premier|1er|deuxieme|second|2e|troisieme|3e|quatrieme|4e|dernier)"
            rf"\s+(?P<qu>trimestre|semestre)(?:\s+(?:de\s+)?(?P<y>{year})"
            rf"|\s+de\s+l'(?:annee|an)\s+(?P<yrel>{rel}))?",
            b.build_quarter,
        ),
        ("quarter", rf"(?P<tq>t|s)(?P<tn>[1-4])\s+(?P<y>{year})", b.build_quarter),
        (
            "quarter",
            rf"(?:la\s+)?(?P<ord>premiere|seconde|deuxieme)\s+(?P<qu>moitie)\s+de\s+l'(?:annee|an)"
            rf"(?:\s+(?P<y>{year})|\s+(?P<yrel>{rel}))?",
            b.build_quarter,
        ),
        ("decade", r"(?:les\s+)?annees\s+(?P<dec>\d{4}|\d0)(?!\d)", b.build_decade),
        ("year", rf"(?:l'annee\s+|l'an\s+)?(?P<y>{year})", b.build_year),
        (
            "duration",
            r"(?:(?P<amt>au\s+moins|environ|plus\s+de|moins\s+de|pres\s+de|presque|au\s+plus)"
            r"\s+)?"
            rf"(?P<n>{p.count})\s+(?P<u>{p.unit})(?:\s+et\s+(?P<half>demie?))?",
            b.build_duration,
        ),
        ("duration", r"une\s+demi-(?P<hu>heure|journee)", b.build_duration),
    ]


_NOT_IN_TEXT = frozenset({"numeric day"})

#: The most prepositions a phrase's head chains.
_CHAIN = 3


@functools.cache
def rules() -> tuple[FrenchRule, ...]:
    """The French rules in priority order, compiled on first use and cached."""
    p = pieces()
    # A chain of prepositions ("jusqu'au", "à partir du", "depuis"...) holds three at most:
    # an unbounded chain would be tried at every word of a run of them ("de de de ..."),
    # to the run's end each time.
    head = rf"(?:(?P<prep>(?:{p.preposition})(?:\s+(?:{p.preposition})){{0,{_CHAIN - 1}}}?)\s+)?"
    return tuple(
        FrenchRule(
            name,
            re.compile(rf"{head}(?P<c>{core})"),
            re.compile(rf"(?<![\w-]){head}(?P<c>{core})(?![\w-])"),
            build,
            name not in _NOT_IN_TEXT,
        )
        for name, core, build in _table(p)
    )
