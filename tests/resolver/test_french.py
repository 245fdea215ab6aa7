"""The French resolver (summitcal.resolver.french): the development cases of
tests/data/fr/resolve_fr.toml, the direction from French tenses, and names refused."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summitcal.errors import PhraseError
from summitcal.resolver import Direction, NumericOrder, french
from summitcal.resolver.french import parse, read_direction
from summitcal.resolver.grammar import parse as english_parse
from summitcal.resolver.phrase import DayRange, MonthDay, Weekday
from summitcal.resolver.resolve import resolve, resolve_parsed

DATA = Path(__file__).parents[1] / "data" / "fr"
ORDERS = {"day-first": NumericOrder.DAY_FIRST, "month-first": NumericOrder.MONTH_FIRST}

#: Accuracy on the 160 development cases.  Before the French package existed the
#: resolver got 22/160 of them right, all refusals (20 rejects, and two all-numeric dates
#: it read the English way); with it, 160/160.
FLOOR = 1.0


def _right(case: dict[str, Any]) -> bool:
    """Scored as tests/resolver/test_resolve_unseen.py scores English cases."""
    published: date = case["published"]
    order = ORDERS[case["order"]] if "order" in case else None
    try:
        r = french.resolve(
            case["phrase"], reference=published, context=case.get("context"), order=order
        )
    except PhraseError:
        return bool(case.get("reject"))
    if case.get("reject"):
        return False
    got = (r.timex, str(r.type), r.mod and r.mod.value, r.zone)
    return got == (case["value"], case.get("type", "DATE"), case.get("mod"), case.get("zone"))


def test_development_cases_stay_above_the_floor() -> None:
    with (DATA / "resolve_fr.toml").open("rb") as handle:
        cases = tomllib.load(handle)["case"]
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        ok = _right(case)
        if not ok:
            print(f"missed [{case['category']}] {case['phrase']!r} in {case.get('context')!r}")
        for key in (case["category"], "ALL"):
            tally[key][0] += ok
            tally[key][1] += 1
    good, total = tally["ALL"]
    assert total == 160
    assert good / total >= FLOOR, f"French development accuracy {good}/{total}"


# --- direction from the tense -------------------------------------------------------------

DIRECTIONS = [
    # futur simple, futur proche, devoir + infinitive, the present of a schedule
    ("Le ministre se rendra mercredi à Berlin.", "mercredi", Direction.FUTURE, "se rendra"),
    ("Le Conseil va examiner jeudi le texte.", "jeudi", Direction.FUTURE, "va"),
    ("Les discussions doivent reprendre lundi.", "lundi", Direction.FUTURE, "doivent"),
    ("Le salon ouvre ses portes mercredi.", "mercredi", Direction.FUTURE, "ouvre"),
    ("Des orages sont attendus samedi.", "samedi", Direction.FUTURE, "sont attendus"),
    ("Le match a lieu samedi à Lille.", "samedi", Direction.FUTURE, "a lieu"),
    # passé composé (avoir, être, reflexive, passive), imparfait, plus-que-parfait
    ("Le ministre a reçu dimanche les syndicats.", "dimanche", Direction.PAST, "a reçu"),
    ("Les ministres se sont réunis dimanche.", "dimanche", Direction.PAST, "se sont réunis"),
    ("Les pompiers sont intervenus mardi.", "mardi", Direction.PAST, "sont intervenus"),
    ("Le texte a été adopté mardi.", "mardi", Direction.PAST, "a été"),
    ("L'indice reculait mardi en séance.", "mardi", Direction.PAST, "reculait"),
    ("Le gouvernement avait présenté jeudi le projet.", "jeudi", Direction.PAST, "avait présenté"),
    ("Le match était prévu samedi.", "samedi", Direction.PAST, "était prévu"),
    # the phrase belongs to its own clause
    (
        "Le tournoi se jouera à huis clos, a indiqué mardi la fédération.",
        "mardi",
        Direction.PAST,
        "a indiqué",
    ),
    (
        "Le président recevra les syndicats vendredi, a annoncé mercredi l'Élysée.",
        "vendredi",
        Direction.FUTURE,
        "recevra",
    ),
    (
        "Le ministre a déclaré lundi que la réforme entrera en vigueur jeudi.",
        "jeudi",
        Direction.FUTURE,
        "entrera",
    ),
    (
        "Le ministre a déclaré lundi que la réforme entrera en vigueur jeudi.",
        "lundi",
        Direction.PAST,
        "a déclaré",
    ),
    # an apposition opened by a participle dates what the participle says
    (
        "Les Bleus, battus par l'Italie le 14 novembre, affronteront la Belgique.",
        "le 14 novembre",
        Direction.PAST,
        "battus",
    ),
    ("« Lundi, nous partirons », a-t-il dit.", "Lundi", Direction.FUTURE, "nous partirons"),
    # a headline has no verb
    ("Grève à la SNCF : le point sur le trafic lundi", "lundi", Direction.NEAREST, None),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected", "cue"), DIRECTIONS)
def test_direction_comes_from_the_tense_of_the_clause(
    sentence: str, phrase: str, expected: Direction, cue: str | None
) -> None:
    at = sentence.index(phrase)
    direction, found = read_direction(sentence, at, at + len(phrase))
    assert direction is expected
    assert (found and found.words) == cue


def test_explanation_names_the_french_cue_as_written() -> None:
    r = french.resolve(
        "mercredi",
        reference=date(2019, 10, 12),
        context="Le chef de l'État se rendra mercredi à Berlin.",
    )
    assert r.timex == "2019-10-16"
    assert "future ('se rendra')" in r.explanation
    assert "Wednesday" in r.explanation


# --- names refused --------------------------------------------------------------------------

NAMES = [
    ("Quatre-Septembre", "Ils se sont rassemblés rue du Quatre-Septembre."),
    ("8 Mai 1945", "Un incendie s'est déclaré rue du 8 Mai 1945."),
    ("Mars", "Le rover a prélevé un échantillon sur la planète Mars."),
    ("Mars", "Le confiseur Mars a annoncé un rachat."),
    ("Mercredi", "La série « Mercredi » reste la plus regardée."),
    ("Avril", "La navigatrice Avril Lemoine a pris la tête de la course."),
    ("Printemps", "Le Printemps a fermé son magasin de la rue de Rivoli."),
    ("Jeudi", "Le collectif Jeudi noir a occupé un immeuble."),
    ("Noël", "Le sélectionneur Noël a retenu trois nouveaux joueurs."),
    ("dimanche", "L'entretien paraîtra dans le Journal du dimanche."),
    ("Midi", "L'observatoire du Pic du Midi a photographié la comète."),
    ("3-1", "Le club s'est imposé 3-1 face à Lyon."),
    ("le onze", "Le sélectionneur a dévoilé le onze de départ."),
]


@pytest.mark.parametrize(("phrase", "sentence"), NAMES)
def test_names_that_look_like_dates_are_refused(phrase: str, sentence: str) -> None:
    with pytest.raises(PhraseError):
        french.resolve(phrase, reference=date(2024, 6, 26), context=sentence)


DATES = [
    ("mars", "Le gouvernement présentera son plan en mars.", "2025-03"),
    ("mercredi", "Le président a reçu mercredi les syndicats.", "2024-06-26"),
    ("Mercredi", "Mercredi, le président a reçu les syndicats.", "2024-06-26"),
    ("avril", "Les ventes ont reculé en avril.", "2024-04"),
    ("printemps", "Le texte sera présenté au printemps.", "2025-SP"),
    ("Noël", "Les négociations reprendront après Noël.", "2024-12-25"),
    ("mardi", "« Nous partirons mardi », a-t-il dit.", "2024-07-02"),
    ("mars", "La mission d'observation sera lancée en mars.", "2025-03"),
    ("été", "Les incendies ont repris cet été.", "2024-SU"),
]


def test_ete_after_an_auxiliary_is_a_participle() -> None:
    with pytest.raises(PhraseError, match="participle"):
        french.resolve("été", reference=date(2024, 6, 26), context="Le texte a été adopté.")


@pytest.mark.parametrize(("phrase", "sentence", "value"), DATES)
def test_the_same_words_written_as_dates_resolve(phrase: str, sentence: str, value: str) -> None:
    r = french.resolve(phrase, reference=date(2024, 6, 26), context=sentence)
    assert r.timex == value


# --- parsing ------------------------------------------------------------------------------


def test_parse_reads_the_words_and_leaves_the_preposition_out() -> None:
    phrase, start, end = parse("les 10 et 11 février")
    assert isinstance(phrase.core, DayRange)
    assert phrase.core.start == MonthDay(month=2, day=10)
    assert "les 10 et 11 février"[start:end] == "10 et 11 février"
    assert parse("Fevrier dernier")[0].core.rel == -1  # no accent, a capital
    assert parse("jeudi dernier")[0].core == Weekday(3, rel="last")


def test_parse_points_at_the_word_it_does_not_know() -> None:
    with pytest.raises(PhraseError) as caught:
        parse("le 10 brumaire")
    assert caught.value.position == 6


def test_a_weekday_that_does_not_match_its_date_is_refused() -> None:
    with pytest.raises(PhraseError):
        french.resolve("mardi 9 février 2025", reference=date(2025, 2, 1))


def test_numeric_dates_read_day_first_as_french_writes_them() -> None:
    ref = date(2025, 3, 1)
    assert french.resolve("9/02/2025", reference=ref).timex == "2025-02-09"
    assert french.resolve("9.02.2025", reference=ref).timex == "2025-02-09"
    with pytest.raises(PhraseError):
        french.resolve("02/13/2025", reference=ref)  # no month 13


def test_a_bare_hour_count_is_a_clock_time_after_a() -> None:
    ref = date(2025, 6, 4)
    assert french.resolve("à 8 heures du soir", reference=ref).timex == "2025-06-04T20:00"
    context = "Le président s'exprimera à 20 heures."
    assert french.resolve("20 heures", reference=ref, context=context).timex == "2025-06-04T20:00"
    assert french.resolve("48 heures", reference=ref).timex == "PT48H"


# --- the registry and the seam -------------------------------------------------------------


def test_the_registry_reads_the_development_cases_as_the_package_does() -> None:
    """``summitcal.resolve(..., lang="fr")`` (and with the language detected) gives what
    the package's own resolve gives, case by case."""
    with (DATA / "resolve_fr.toml").open("rb") as handle:
        cases = tomllib.load(handle)["case"]
    for case in cases:
        outcomes = []
        for run in (
            lambda c, **kw: french.resolve(c["phrase"], **kw),
            lambda c, **kw: resolve(c["phrase"], lang="fr", **kw),
            lambda c, **kw: resolve(c["phrase"], **kw),
        ):
            try:
                r = run(case, reference=case["published"], context=case.get("context"))
                outcomes.append((r.timex, r.mod, r.zone, r.explanation))
            except PhraseError as exc:
                outcomes.append(("refused", exc.reason))
        assert outcomes[0] == outcomes[1] == outcomes[2], case["phrase"]


@pytest.mark.parametrize(
    ("phrase", "context"),
    [
        ("on Friday", "Ministers met on Friday."),
        ("May", "Theresa May said so."),
        ("next week", None),
    ],
)
def test_resolve_parsed_in_english_is_resolve(phrase: str, context: str | None) -> None:
    ref = date(2025, 2, 9)
    try:
        expected = resolve(phrase, reference=ref, context=context, lang="en")
    except PhraseError as exc:
        with pytest.raises(PhraseError, match=exc.reason):
            resolve_parsed(phrase, english_parse(phrase), reference=ref, context=context, lang="en")
        return
    got = resolve_parsed(phrase, english_parse(phrase), reference=ref, context=context, lang="en")
    assert (got.timex, got.explanation) == (expected.timex, expected.explanation)


def test_the_package_reads_more_of_the_sentence_than_the_registry() -> None:
    """A day's own "dernier" with no sentence (which the registry's path reads too), and
    what only the package's resolve reads: a bare count of hours that the sentence makes
    an amount."""
    ref = date(2024, 5, 20)
    assert french.resolve("le 5 mai dernier", reference=ref).timex == "2024-05-05"
    context = "Les négociations ont duré 12 heures."
    assert french.resolve("12 heures", reference=ref, context=context).timex == "PT12H"
    assert resolve("12 heures", reference=ref, lang="fr").timex == "2024-05-20T12:00"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("le 5 août dernier", "2023-08-05"), ("du 10 au 12 mars prochain", "2025-03-10/2025-03-12")],
)
def test_a_phrase_that_points_itself_does_so_without_a_sentence(phrase: str, value: str) -> None:
    """summitcal.resolve(lang="fr") and french.resolve agree: "dernier" looks back."""
    ref = date(2024, 6, 1)
    assert resolve(phrase, reference=ref, lang="fr").timex == value
    assert french.resolve(phrase, reference=ref).timex == value
