"""``summitcal resolve``: one date phrase, anchored to a publication date."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from summitcal.cli._common import add_lang_argument, iso_date

EXAMPLE = """\
Example:
  summitcal resolve "from Sunday to Wednesday" --published 2025-02-09 \\
      --context "The minister is due in Lyon from Sunday to Wednesday."
  summitcal resolve "11/02/2025" --published 2025-02-09 --day-first --json
  summitcal resolve "上周五" --published 2023-07-15 --lang zh
"""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "resolve",
        help="resolve a date phrase against a publication date",
        description=(
            "Resolve a date phrase as news writes it ('on Friday', 'May last year') to an "
            "absolute span, reading the direction from the sentence's tense."
        ),
        epilog=EXAMPLE,
    )
    p.add_argument("phrase", help="the date phrase")
    p.add_argument(
        "--published", type=iso_date, required=True, metavar="DATE", help="publication date"
    )
    p.add_argument("--context", metavar="SENTENCE", help="the sentence around the phrase")
    p.add_argument(
        "--direction",
        choices=("auto", "past", "future", "nearest"),
        default="auto",
        help="which way a bare weekday or month points (default: read from --context)",
    )
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first", action="store_true", help="read numeric dates as day/month/year"
    )
    order.add_argument(
        "--month-first", action="store_true", help="read numeric dates as month/day/year"
    )
    add_lang_argument(p, "the phrase's")
    p.add_argument(
        "--seasons",
        choices=("meteorological", "astronomical"),
        default="meteorological",
        help="how to read a season: by whole months (default) or from its equinox or solstice",
    )
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from summitcal.errors import PhraseError
    from summitcal.resolver import Direction, NumericOrder, resolve
    from summitcal.resolver.anchor import ORDER_HINT

    order = None
    if args.day_first:
        order = NumericOrder.DAY_FIRST
    elif args.month_first:
        order = NumericOrder.MONTH_FIRST
    try:
        result = resolve(
            args.phrase,
            reference=args.published,
            context=args.context,
            direction=Direction(args.direction),
            order=order,
            lang=args.lang,
            seasons=args.seasons,
        )
    except PhraseError as exc:
        if ORDER_HINT not in exc.reason:
            raise
        # Name the options a user of the command has, not the library's keyword.
        reason = exc.reason.replace(ORDER_HINT, "give --day-first or --month-first")
        raise PhraseError(exc.text, reason, exc.position) from None
    # A vague "a few days ago" (PAST_REF) is a DATE with no span: print its value.
    span = result.resolved_span
    if args.json:
        record: dict[str, Any] = {
            "phrase": result.text,
            "value": result.timex,
            "type": str(result.type),
            "mod": result.mod.value if result.mod else None,
            "zone": result.zone,
            "first": span.first.isoformat() if span else None,
            "last": span.last.isoformat() if span else None,
            "granularity": span.granularity.value if span else None,
            "direction": result.direction.value,
            "explanation": result.explanation,
            # A counted range ("the past three months"): the days it covers.
            "interval": result.interval.timex if result.interval else None,
        }
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if span is not None:
        days = span.first.isoformat()
        if span.last != span.first:
            days += f"/{span.last.isoformat()}"
        grain = span.granularity.value
        extra = "".join(
            f"  {label}={value}"
            for label, value in (
                ("value", result.timex if result.timex != days else None),
                ("mod", result.mod.value if result.mod else None),
                ("zone", result.zone),
            )
            if value
        )
        sys.stdout.write(f"{days}   {grain}   ({result.explanation}){extra}\n")
    else:
        interval = f"  interval={result.interval.timex}" if result.interval else ""
        sys.stdout.write(
            f"{result.timex}   {str(result.type).lower()}   ({result.explanation}){interval}\n"
        )
    return 0
