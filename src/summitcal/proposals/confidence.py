"""How sure a proposal is, and why, in words.

The confidence adds up what speaks for the proposal, from a base of 0.4: a trigger close
to its date (up to 0.25), a trigger that names an event rather than reports a saying
(0.1; a saying alone takes 0.2 away, and leaves at most 0.35 unless the catalogue holds
it), a catalogue event the article names (0.2) or that the clues point to (0.1), a date
to the day (0.1) or the month (0.05) rather than a year or coarser (-0.05); a second
event inside another's days (-0.1) and a conflict with the catalogue (-0.1) take some
away. It stays within 0.05 and 0.95: no rule reads an article for certain."""

from __future__ import annotations

import attrs

from summitcal.models.kinds import EventKind
from summitcal.proposals.governs import REACH, Governed
from summitcal.proposals.matching import Candidate
from summitcal.proposals.proposal import Relation
from summitcal.span.span import DateSpan, Granularity

__all__ = ["Assessment", "assess"]

_FINE = (Granularity.TIME, Granularity.PART_OF_DAY, Granularity.DAY)


@attrs.frozen
class Assessment:
    """A confidence and its reasons."""

    confidence: float
    reasons: tuple[str, ...]

    @property
    def explanation(self) -> str:
        return "; ".join(self.reasons)


def assess(
    governed: Governed,
    span: DateSpan,
    candidate: Candidate | None,
    relation: Relation,
    status_reason: str,
) -> Assessment:
    """The confidence of a proposal and its reasons."""
    trigger = governed.trigger
    unit = "word" if governed.distance == 1 else "words"
    words = f"{governed.distance:g} {unit} from the date"
    reasons = [f"trigger '{trigger.text}' ({governed.kind.value}), {words}"]
    score = 0.4 + 0.25 * max(0.0, 1 - governed.distance / REACH)
    saying = trigger.weak and governed.kind is EventKind.REMARK
    if saying:
        score -= 0.2
        reasons.append("only a reporting verb: it may date a saying, not an event")
    else:
        score += 0.1
    if governed.during:
        score -= 0.1
        reasons.append("within the days of another event of the sentence")
    if governed.carried:
        score -= 0.15
        reasons.append("dated by the sentence before, which this one follows")
    if span.granularity in _FINE:
        score += 0.1
    elif span.granularity is Granularity.MONTH:
        score += 0.05
    else:
        score -= 0.05
        reasons.append(f"dated only to the {span.granularity.value}")
    reasons.append(status_reason)
    if candidate is not None:
        score += 0.2 if candidate.named else 0.1
        reasons.append(f"matches {candidate.event.id}: " + ", ".join(candidate.reasons))
    else:
        reasons.append("no catalogue event matches")
    if relation is Relation.CONFLICTS:
        score -= 0.1
    if saying and candidate is None:
        score = min(score, 0.35)  # a saying the catalogue does not hold
    return Assessment(round(min(0.95, max(0.05, score)), 2), tuple(reasons))
