"""``summitcal propose``: the events articles report, as proposals for the catalogue.

Each input is a text file, a directory of them, or ``-`` for standard input (a TimeML
file is read as ``extract`` reads it: its ``<TEXT>``, dated by its DCT).  Its
publication date is ``--published``, or its own: a header of ``published:``,
``publisher:`` and ``url:`` lines at the very top, ended by a blank line (blanked, as
``extract`` blanks front matter, so that offsets count from the start of the file), or
front matter between ``---`` lines.  ``--url`` and ``--publisher`` win over the header's.

Formats:

* ``text``: each proposal with its days, kind, title, status, its relation to the
  catalogue, the sentence with the date and trigger marked, and why;
* ``json``: one array of objects (``file``, ``title``, ``kind``, ``when``, ``start``,
  ``end``, ``match``, ``relation``, ``confidence``, ``evidence``, ``differences``...);
* ``toml``: catalogue records a reviewer edits and merges, which ``summitcal check``
  accepts as a catalogue of its own: a new event as its record; an event the catalogue
  holds as that record (without its series and parent, so that it stands alone) with the
  article as a further source, the article's days as ``when`` where they refine it, and
  a conflicting value as an ``alternative``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from summitcal.catalog.audit import FORWARD_LOOKING
from summitcal.catalog.catalog import Catalog
from summitcal.cli._common import add_catalog_arguments, iso_date, load_from_args
from summitcal.cli._seedtoml import event_record
from summitcal.cli.extract import (
    _TIMEML_SUFFIXES,
    InputError,
    _document,
    _expand,
    _load,
    front_matter_date,
)
from summitcal.models.checks import is_web_url
from summitcal.models.events import Alternative, AlternativeStatus, Event, Source, Status
from summitcal.proposals import Proposal, Relation
from summitcal.proposals.core import proposer
from summitcal.proposals.draft import UNKNOWN_URL

__all__ = ["register", "toml_records"]

EXAMPLE = """\
Example:
  summitcal propose story.txt --published 2025-02-09 --url https://example.org/story
  summitcal propose articles/ --format json --min-confidence 0.5
  summitcal propose story.txt --published 2025-02-09 --format toml > proposed.toml
  summitcal check --seeds proposed.toml
"""

_HEADER = re.compile(r"\A(?:(?:published|publisher|url|title):[^\n]*\n)+\n")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "propose",
        help="propose the events articles report, matched with the catalogue",
        description=(
            "Read articles and propose the events they report: kind, title, days, place, "
            "actors and status, each matched with the catalogue (agrees, refines, "
            "conflicts or new), with its evidence and a confidence."
        ),
        epilog=EXAMPLE,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="text files, directories of them, or -")
    p.add_argument(
        "--published",
        type=iso_date,
        metavar="DATE",
        help="publication date of every input (else each file's 'published:' header)",
    )
    p.add_argument("--url", help="the article's address, for the proposals' source")
    p.add_argument("--publisher", help="who published it")
    add_catalog_arguments(p)
    p.add_argument("--format", choices=("text", "json", "toml"), default="text")
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        metavar="X",
        help="leave out proposals less confident than X (0 to 1; default 0)",
    )
    p.set_defaults(handler=run)


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a confidence is from 0 to 1, not {value}")
    return value


@attrs.frozen
class _Input:
    name: str
    text: str
    reference: date
    source: Source


def _header(raw: str) -> tuple[str, dict[str, str]]:
    """The text with its header lines blanked, and the header's fields."""
    m = _HEADER.match(raw)
    if m is None:
        return raw, {}
    fields = dict(line.split(":", 1) for line in m.group().splitlines() if ":" in line)
    blank = re.sub(r"[^\n]", " ", m.group())
    return blank + raw[m.end() :], {k.strip(): v.strip() for k, v in fields.items()}


def _read(name: str, args: argparse.Namespace) -> _Input:
    raw, stem = _load(name)
    if name.endswith(_TIMEML_SUFFIXES) or raw.lstrip().startswith(("<?xml", "<TimeML")):
        # TimeML, as extract reads it: the <TEXT> body, dated by its DCT
        text, reference, _id, title = _document(name, raw, stem, args.published)
        return _Input(name, text, reference, _source(name, args, {"title": title or ""}, reference))
    text, fields = _header(raw)
    text, own = front_matter_date(text, name)
    if args.published is not None:
        reference = args.published
    elif "published" in fields:
        try:
            reference = date.fromisoformat(fields["published"])
        except ValueError:
            raise InputError(
                f"{name}: header 'published: {fields['published']}' is no ISO date"
            ) from None
    elif own is not None:
        reference = own
    else:
        raise InputError(
            f"{name}: no publication date: give --published DATE, or a 'published: "
            "YYYY-MM-DD' header line"
        )
    return _Input(name, text, reference, _source(name, args, fields, reference))


def _source(name: str, args: argparse.Namespace, fields: dict[str, str], published: date) -> Source:
    """The article as a source: the command line's url and publisher, else its header's."""
    url = args.url or fields.get("url") or UNKNOWN_URL
    if not is_web_url(url):
        raise InputError(f"{name}: {url!r} is not an http(s) URL with a host")
    publisher = args.publisher or fields.get("publisher") or None
    return Source(
        url=url, publisher=publisher, title=fields.get("title") or None, published=published
    )


def run(args: argparse.Namespace) -> int:
    names = _expand(args.files)
    if names.count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    catalog = load_from_args(args)
    reader = proposer(catalog)
    found: list[tuple[str, Proposal]] = []
    for name in names:
        item = _read(name, args)
        for p in reader.propose(item.text, item.reference, item.source):
            if p.confidence >= args.min_confidence:
                found.append((name, p))
    if args.format == "json":
        rows = [{"file": name} | p.to_dict() for name, p in found]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "toml":
        sys.stdout.write(toml_records([p for _, p in found], catalog, args.now.date()))
    else:
        sys.stdout.write("".join(_text(name, p) for name, p in found))
    if not found:
        print("summitcal: no events proposed", file=sys.stderr)
    return 0


def _marked(p: Proposal) -> str:
    """The evidence sentence with the date in [brackets] and the trigger in {braces}."""
    ev = p.evidence
    text = ev.text
    marks = {"date": ("[", "]"), "trigger": ("{", "}")}
    spans = sorted((s for s in ev.spans if s.role in marks), key=lambda s: s.start, reverse=True)
    taken: list[tuple[int, int]] = []
    for s in spans:
        if any(a < s.end and s.start < b for a, b in taken):
            continue
        taken.append((s.start, s.end))
        lo, hi = s.start - ev.start, s.end - ev.start
        open_, close = marks[s.role]
        text = f"{text[:lo]}{open_}{text[lo:hi]}{close}{text[hi:]}"
    return text


def _text(name: str, p: Proposal) -> str:
    event = p.event
    relation = (
        f"{p.relation.value} with {p.match}" if p.match is not None else "new: no catalogue event"
    )
    lines = [
        f"{event.when.timex}  {event.kind.value}  {event.title}  [{event.status.value}]",
        f"  {relation}; confidence {p.confidence:.2f}  ({name})",
    ]
    lines += [f"  {d.field}: catalogue {d.catalog}, article {d.article}" for d in p.differences]
    if event.where():
        lines.append(f"  where: {event.where()}")
    if event.actors:
        who = ", ".join(f"{a.name} ({a.role.value})" for a in event.actors)
        lines.append(f"  who: {who}")
    lines.append(f"  > {_marked(p)}")
    lines.append(f"  why: {p.explanation}")
    return "\n".join(lines) + "\n\n"


def toml_records(
    proposals: Sequence[Proposal], catalog: Catalog | Iterable[Event], today: date
) -> str:
    """The proposals as catalogue records (see the module's docstring): one record per
    event, ids made unique, every record loadable alone.

    A new event the article gives as still to come whose days are over by ``today`` is
    written ``unreported`` (the article is no report that it took place), with a comment
    saying what the article gave, so that ``summitcal check`` finds no stale status.
    """
    by_id = {e.id: e for e in catalog}
    merged: dict[str, Event] = {}
    notes: dict[str, list[str]] = {}
    for p in proposals:
        source = p.event.sources[0]
        if p.match is None or p.match not in by_id:
            ident = _unique(p.event.id, merged, by_id)
            event = attrs.evolve(p.event, id=ident)
            notes[ident] = [f"new: {p.explanation}"]
            if event.status in FORWARD_LOOKING and event.end < today:
                notes[ident].append(
                    f"the article gave it as {event.status.value}; its days are over and no "
                    "report after them was read, so it is written as unreported"
                )
                event = attrs.evolve(event, status=Status.UNREPORTED)
            merged[ident] = event
            continue
        base = merged.get(p.match) or attrs.evolve(by_id[p.match], parent=None, series=())
        sources = base.sources if source in base.sources else (*base.sources, source)
        changes: dict[str, Any] = {"sources": sources}
        if p.relation is Relation.REFINES:
            changes["when"] = p.event.when
        elif p.relation is Relation.CONFLICTS:
            changes["alternatives"] = (*base.alternatives, *_alternatives(p, source))
        merged[p.match] = attrs.evolve(base, **changes)
        notes.setdefault(p.match, []).append(
            f"{p.relation.value} with the catalogue's {p.match}: {p.explanation}"
        )
    records = [event_record(e, comments=notes[i]) for i, e in merged.items()]
    return "\n".join(records)


def _alternatives(p: Proposal, source: Source) -> list[Alternative]:
    out = []
    who = source.publisher or source.url
    for d in p.differences:
        field = (
            "when"
            if d.field == "when"
            else ("city" if p.event.place and p.event.place.city else "country")
        )
        value = d.article
        if field == "city" and p.event.place is not None:
            value = p.event.place.city or value
        elif field == "country" and p.event.place is not None:
            value = p.event.place.country
        out.append(
            Alternative(
                field=field,
                value=value,
                status=AlternativeStatus.CONFLICT,
                note=f"{who} ({source.published}) writes {source.phrase!r}",
                sources=(source.url,),
            )
        )
    return out


def _unique(ident: str, taken: dict[str, Event], catalogue: dict[str, Event]) -> str:
    out, n = ident, 2
    while out in taken or out in catalogue:
        out, n = f"{ident}-{n}", n + 1
    return out
