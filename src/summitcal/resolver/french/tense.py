"""Reading the direction of a French phrase from the tense of its clause.

French marks the tense on the verb, and most tenses by their form:

* the futur simple ("se rendra", "accueilleront"), the futur proche ("va examiner"),
  *devoir* + infinitive ("doivent reprendre") and the present of a schedule or a forecast
  ("ouvre ses portes", "sont attendues") point ahead (FUTURE);
* the passé composé ("a reçu", "se sont réunis", "a été adopté"), the imparfait
  ("reculait") and the plus-que-parfait ("avait présenté") point back (PAST).

The phrase belongs to the clause it sits in: the sentence is cut at ";", ":", "mais",
"que", ", qui", a clause-joining "et", and before a reporting clause set off by a comma
(", a annoncé l'Élysée vendredi"), which dates the saying only.  In the clause the
nearest cue decides (one before the phrase wins a tie); a bare "est"/"sont" or another
conditional counts only when there is no other cue.  With no cue in the clause the whole
sentence is read, and with none there either the direction is NEAREST (a headline).

Example::

    >>> read_direction("Le ministre se rendra mercredi à Berlin.", 26, 34)[0]
    <Direction.FUTURE: 'future'>
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from summitcal.resolver.french.lexicon import fold, french
from summitcal.resolver.grammar.fragments import word_trie
from summitcal.resolver.phrase import Direction
from summitcal.resolver.tense import Cue, within_reach
from summitcal.resolver.text import normalize

__all__ = ["read_cue", "read_direction"]

_LETTERS = r"a-zàâäéèêëîïôöùûüÿçœæ"
_WORD = re.compile(rf"[{_LETTERS}]+(?:-[{_LETTERS}]+)*'?")


def _alt(words: Any) -> str:
    return word_trie(words)


@attrs.frozen
class _Words:
    listed: re.Pattern[str]
    kinds: dict[str, str]
    avoir: frozenset[str]
    avoir_imperfect: frozenset[str]
    etre: frozenset[str]
    etre_imperfect: frozenset[str]
    etre_verbs: frozenset[str]
    between: frozenset[str]
    not_verbs: frozenset[str]
    nouns_after: frozenset[str]
    trailer: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    tense = french().tense
    kinds: dict[str, str] = {}
    for kind in ("past", "future", "present"):  # a form listed twice keeps its first kind
        for cue in tense[kind]["cues"]:
            kinds.setdefault(" ".join(cue.split()), kind)
    listed = re.compile(rf"(?<![\w'-])(?:{_alt(kinds)})(?![\w-])")
    avoir = tense["avoir"]
    etre = tense["etre"]
    reporting = tense["reporting"]
    aux = _alt([*avoir["present"], *avoir["imperfect"]])
    between = _alt(tense["between"]["words"])
    said = _alt(reporting["participles"])
    says = _alt(reporting["present"])
    # ", a annoncé l'Élysée", ", a indiqué mardi la fédération", ", selon le CNES",
    # ", précise le ministère", "», a-t-il déclaré"
    trailer = re.compile(
        rf"[,»]\s*(?:(?:{aux})(?:-t-\w+|-\w+)?(?:\s+(?:{between}))*\s+(?:{said})"
        rf"|(?:{says})(?![\w-]))"
    )
    return _Words(
        listed=listed,
        kinds=kinds,
        avoir=frozenset(avoir["present"]),
        avoir_imperfect=frozenset(avoir["imperfect"]),
        etre=frozenset(etre["present"]),
        etre_imperfect=frozenset(etre["imperfect"]),
        etre_verbs=frozenset(tense["etre_verbs"]["participles"]),
        between=frozenset(tense["between"]["words"]),
        not_verbs=frozenset(tense["not_verbs"]["words"]),
        nouns_after=frozenset(tense["not_finite_after"]["words"]),
        trailer=trailer,
    )


# --- forms ----------------------------------------------------------------------------------

# Past participles: "adopté(e)(s)", "réuni(e)(s)", "reçu(e)(s)", "dit", "pris", "ouvert",
# "atteint", "mort"...
_PARTICIPLE = re.compile(r"(?:é|i|u|û|it|is|ert|int|ort|os|ait)(?:e?s?)$")
# The futur simple ("se rendra", "accueilleront"); the passé simple of a verb in -rer
# ("déclara") is told apart by the letter before the ending.
_FUTURE = re.compile(
    r"(?:era|ira|dra|vra|rra|ura|ttra|îtra|ront|(?:er|ir|dr|vr|rr|ur)(?:ai|ons|ez))$"
)
_CONDITIONAL = re.compile(r"(?:er|ir|dr|vr|rr|ttr|îtr)(?:ait|aient)$")
_IMPERFECT = re.compile(r"(?:ait|aient)$")
_PAST_CONDITIONAL = frozenset({"aurait", "auraient", "serait", "seraient"})
#: The infinitives of the auxiliaries: "après avoir rencontré" is past.
_INFINITIVES = frozenset({"avoir", "être"})
#: An infinitive's ending ("doit se tenir", "pour se rendre"): no tense of its own.
_INFINITIVE = re.compile(r"(?:er|ir|oir|dre|ttre|ire|uire)$")
_WORD_BEFORE = re.compile(r"([\w']+)\s*$")
_REFLEXIVE = frozenset({"s'", "se", "me", "m'", "te", "t'", "nous", "vous"})
#: Cues that count only when nothing else in the clause does.
_WEAK = frozenset({"est", "sont", "conditional"})


def _stem(word: str) -> str:
    """A participle without its feminine and plural endings ("intervenues": "intervenu")."""
    for end in ("es", "e", "s"):
        if word.endswith(end) and len(word) > len(end) + 1:
            base = word[: -len(end)]
            if base.endswith(("é", "i", "u", "it", "is", "ert", "int", "ort")):
                return base
    return word


# A cue as found: (start, end, kind) in the normalised clause.
_Found = tuple[int, int, str]


def _composed(
    tokens: list[re.Match[str]], i: int, table: _Words, original: str
) -> tuple[int, str] | None:
    """The auxiliary at ``tokens[i]`` with its participle: (index of the participle, kind),
    or ``None`` if no participle follows."""
    word = tokens[i].group()
    j = i + 1
    while j < len(tokens) and j - i <= 4 and tokens[j].group() in table.between:
        j += 1
    if j >= len(tokens) or j - i > 4:
        return None
    nxt = tokens[j].group()
    if not original[tokens[j].start()].islower():
        return None
    if nxt in ("lieu",) and word in table.avoir:
        return j, "present"  # "a lieu": the present of a schedule
    if _PARTICIPLE.search(nxt) is None or nxt in table.not_verbs - {"fait"}:
        return None
    if word in table.avoir or word in table.avoir_imperfect or word in table.etre_imperfect:
        return j, "past"
    # "est" + participle: past with a verb of movement or a reflexive ("s'est tenu"),
    # else a present passive ("sont attendues", "est prévu")
    reflexive = i > 0 and tokens[i - 1].group() in _REFLEXIVE
    if reflexive or _stem(nxt) in table.etre_verbs:
        return j, "past"
    return j, "present"


def _listed_cues(norm: str, lo: int, hi: int, start: int, end: int) -> list[_Found]:
    """The listed cues ("va", "a lieu", "sont attendues"...) within ``norm[lo:hi]``,
    outside the phrase at ``start..end``."""
    table = _words()
    found: list[_Found] = []
    for m in table.listed.finditer(norm, lo, hi):
        if m.start() < end and start < m.end():
            continue
        kind = table.kinds[" ".join(m.group().split())]
        before = _WORD_BEFORE.search(norm, lo, m.start())
        if kind == "present" and before is not None and before.group(1) in table.nouns_after:
            continue  # "la rencontre", "le vote": a noun
        at = m.start()
        if before is not None and before.group(1) in ("se", "s'"):
            at = before.start(1)  # "se prononce": the reflexive with its verb
        found.append((at, m.end(), kind))
    return found


def _token_cue(
    tokens: list[re.Match[str]], i: int, table: _Words, original: str
) -> tuple[_Found, int] | None:
    """The cue the word ``tokens[i]`` starts, told by its form, and the index of its last
    word; ``None`` if it starts none."""
    tok = tokens[i]
    word = tok.group()
    at, kind = tok.start(), ""
    last = i
    auxiliary = (
        word in table.avoir
        or word in table.etre
        or word in table.avoir_imperfect
        or word in table.etre_imperfect
    )
    if auxiliary or word in _INFINITIVES or word in _PAST_CONDITIONAL:
        composed = _composed(tokens, i, table, original)
        if composed is not None:
            last, kind = composed
            if word in _INFINITIVES and kind != "past":  # "avoir lieu": no tense
                return None
            if word in _PAST_CONDITIONAL:
                # "aurait été", "serait arrivé": past; "serait versé": a conditional
                # passive, ahead as the reported future is
                kind = "past" if word.startswith("aur") or kind == "past" else "conditional"
        elif word in table.avoir_imperfect or word in table.etre_imperfect:
            kind = "past"
        elif word in table.etre:
            kind = word  # a bare "est"/"sont": weak
    elif word in table.not_verbs or len(word) < 4:
        return None
    elif _CONDITIONAL.search(word):
        kind = "conditional"
    elif _IMPERFECT.search(word):
        kind = "past"
    elif _FUTURE.search(word):
        kind = "future"
    elif i and tokens[i - 1].group() in ("se", "s'") and not _INFINITIVE.search(word):
        kind = "present"  # "se prononce", "s'élance"
    if not kind:
        return None
    if i and tokens[i - 1].group() in _REFLEXIVE:
        at = tokens[i - 1].start()  # "se rendra", "s'est tenu": the reflexive with its verb
    return (at, tokens[last].end(), kind), last


def _clause_cues(norm: str, original: str, lo: int, hi: int, start: int, end: int) -> list[_Found]:
    """The cues within ``norm[lo:hi]``, outside the phrase at ``start..end``."""
    table = _words()
    found = _listed_cues(norm, lo, hi, start, end)
    tokens = [t for t in _WORD.finditer(norm, lo, hi) if t.end() <= start or t.start() >= end]
    skip_to = -1
    for i, tok in enumerate(tokens):
        if i <= skip_to or tok.group().endswith("'") or not original[tok.start()].islower():
            continue
        read = _token_cue(tokens, i, table, original)
        if read is None:
            continue
        cue, skip_to = read
        if cue[1] > tok.end():
            # "était prévu": the tense is the auxiliary's, not the listed "prévu"'s
            found = [c for c in found if not cue[0] <= c[0] < cue[1]]
        elif any(c[0] <= cue[0] < c[1] for c in found):
            continue  # inside a listed cue ("a lieu")
        found.append(cue)
    return found


def _apposition(norm: str, original: str, lo: int, start: int) -> _Found | None:
    """The participle that opens the stretch set off by commas around the phrase ("Les
    Bleus, battus 3-1 le 14 novembre, affronteront...", "Le texte, adopté vendredi, ..."):
    the phrase dates what the participle says was done."""
    comma = norm.rfind(", ", lo, start)
    if comma < 0:
        return None
    first = _WORD.search(norm, comma + 2, start)
    if first is None or first.start() != comma + 2 or not original[first.start()].islower():
        return None
    word = first.group()
    if _APPOSED.search(word) is None or word in _words().kinds or word in _NOT_APPOSED:
        return None
    return first.start(), first.end(), "past"


# A participle that may open an apposition: "-é(e)(s)" ("adopté", "battues") or "-u(e)(s)"
# ("survenues", "élu"); those in "-i", "-is", "-it" look too much like adverbs and weekdays.
_APPOSED = re.compile(r"\w\w(?:ée?s?|ue?s?)$")
_NOT_APPOSED = frozenset(
    {
        "plus",
        "tous",
        "vous",
        "nous",
        "dessus",
        "dessous",
        "menu",
        "tenue",
        "revue",
        "vue",
        "issue",
        "rue",
        "avenue",
    }
)


_KIND_DIRECTION = {
    "future": Direction.FUTURE,
    "present": Direction.FUTURE,
    "est": Direction.FUTURE,
    "sont": Direction.FUTURE,
    "conditional": Direction.FUTURE,
    "past": Direction.PAST,
}

# Where a clause ends.  " que " opens one ("a annoncé jeudi que le sommet se tiendra").
_BREAKS = re.compile(
    r";|:\s|\s(?:mais|tandis\s+qu[e']|alors\s+qu[e']|puis|car|lorsqu[e']|quand)\s"
    r"|\sque\s|\squ'|,\s+(?:qui|où|dont)\s|«|»|\s[-–—]\s"
)
# "et" joins two clauses unless a date or a determiner follows ("le 10 et le 11").
_AND = re.compile(r"\set\s+(?!(?:le|la|les|l'|du|de|d'|des|en|au|aux|à|\d)[\s\d']|\d)")


def _clause(norm: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``norm`` that holds the phrase at ``start..end``."""
    lo, hi = 0, len(norm)
    relative = False
    for pattern in (_BREAKS, _AND, _words().trailer):
        for m in pattern.finditer(norm):
            if m.end() <= start and m.end() > lo:
                lo = m.end() if pattern is not _words().trailer else m.start() + 1
                relative = m.group().lstrip(", ").startswith(("qui", "où", "dont"))
            elif m.start() >= end and m.start() < hi:
                hi = m.start()
    if relative:  # ", qui s'est tenu les 10 et 11 février au Grand Palais, a réuni"
        k = norm.find(",", end, hi)
        if k >= 0:
            hi = k
    return lo, hi


# A phrase that ends in "dernier" or "prochain" ("le 5 mai dernier").
_OWN_SIDE = re.compile(r"\s(dernier|derniere|passe|passee|prochain|prochaine)s?\W*$")


def _distance(norm: str, cue: _Found, start: int, end: int) -> tuple[int, bool]:
    """How many words lie between the cue and the phrase, and whether it comes after."""
    if cue[1] <= start:
        return len(_WORD.findall(norm, cue[1], start)), False
    return len(_WORD.findall(norm, end, cue[0])), True


def read_direction(context: str, start: int, end: int) -> tuple[Direction, Cue | None]:
    """The direction the French sentence ``context`` gives to the phrase at
    ``context[start:end]``, and the cue that decided it (its words as written).

    The sentence is read within :data:`~summitcal.resolver.tense.REACH` characters of
    the phrase.

    Args:
        context: The sentence.
        start: Where the phrase starts in ``context``.
        end: Where it ends.

    Returns:
        The direction, and the cue (``None`` when no cue was found: NEAREST).
    """
    own = _OWN_SIDE.search(fold(context[start:end]))
    if own is not None:  # "le 5 mai dernier": the phrase says which way it points
        direction = Direction.PAST if own.group(1).startswith(("d", "pa")) else Direction.FUTURE
        words = context[start + own.start(1) : start + own.end(1)]
        return direction, Cue(
            words, direction, "past" if direction is Direction.PAST else "future", 0, False
        )
    lo, hi = within_reach(context, 0, len(context), start, end)
    text, start, end = context[lo:hi], start - lo, end - lo
    norm = normalize(text)
    c_lo, c_hi = _clause(norm, start, end)
    found = _clause_cues(norm, text, c_lo, c_hi, start, end)
    apposed = _apposition(norm, text, c_lo, start)
    if apposed is not None and not any(apposed[1] <= cue[0] < start for cue in found):
        found = [apposed]
    if not found and (c_lo > 0 or c_hi < len(norm)):
        found = _clause_cues(norm, text, 0, len(norm), start, end)
    if not found:
        return Direction.NEAREST, None
    strong = [cue for cue in found if cue[2] not in _WEAK] or found
    best = min(strong, key=lambda cue: _distance(norm, cue, start, end))
    distance, after = _distance(norm, best, start, end)
    direction = _KIND_DIRECTION[best[2]]
    words = " ".join(text[best[0] : best[1]].split())
    kind = "present" if best[2] in ("est", "sont") else best[2]
    return direction, Cue(words, direction, kind, distance, not after)


def read_cue(context: str, start: int, end: int) -> tuple[Direction, str | None]:
    """As :func:`read_direction`, with the cue as its words alone (the resolver's
    :data:`~summitcal.resolver.resolve.CueReader`)."""
    direction, cue = read_direction(context, start, end)
    return direction, None if cue is None else cue.words
