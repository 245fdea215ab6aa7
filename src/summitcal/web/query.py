"""The request's own parts the feed server reads: a custom feed's query string, and a
usable Host header for the links it writes.

Each refuses what it cannot read with a :class:`~summitcal.errors.BadRequest`, which
the server answers with a 400.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from urllib.parse import parse_qsl

from summitcal.errors import BadRequest

__all__ = ["CUSTOM_PARAMS", "MAX_QUERY", "VALUE_RE", "custom_query", "one_date", "usable_host"]

#: Longest query string accepted for a custom feed.
MAX_QUERY = 2048
CUSTOM_PARAMS = ("series", "kind", "country", "from", "to")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_HOST_RE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*"
    r"|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?",
    re.ASCII,
)
#: What a series, kind or country code of a query may look like.
VALUE_RE = re.compile(r"[A-Za-z0-9-]{1,64}", re.ASCII)


def usable_host(host: str) -> bool:
    """A plain host name or bracketed address, with an optional port of at most 65535."""
    match = _HOST_RE.fullmatch(host)
    return match is not None and (match[1] is None or int(match[1]) <= 65535)


def custom_query(raw: bytes) -> dict[str, tuple[str, ...]]:
    """The custom feed's parameters, normalised: sorted unique values per known key.

    Raises:
        BadRequest: For a query that is too long, not UTF-8, names unknown keys, or gives
            a date more than once.
    """
    if len(raw) > MAX_QUERY:
        raise BadRequest(f"the query string is longer than {MAX_QUERY} characters")
    try:
        pairs = parse_qsl(
            raw.decode("ascii"), keep_blank_values=True, max_num_fields=50, errors="strict"
        )
    except UnicodeError:
        raise BadRequest("the query string is not valid percent-encoded UTF-8") from None
    except ValueError:
        raise BadRequest("the query string has too many parameters") from None
    values: dict[str, list[str]] = {key: [] for key in CUSTOM_PARAMS}
    for key, value in pairs:
        if key not in values:
            raise BadRequest(
                f"unknown parameter {key[:40]!r} (allowed: {', '.join(CUSTOM_PARAMS)})"
            )
        values[key] += [part.strip() for part in value.split(",") if part.strip()]
    for key in ("from", "to"):
        # Counted before de-duplication: even the same date twice is a confused query.
        if len(values[key]) > 1:
            raise BadRequest(f"{key!r} is given more than once")
    return {key: tuple(sorted(set(found))) for key, found in values.items()}


def one_date(query: Mapping[str, tuple[str, ...]], key: str) -> date | None:
    """The one date ``query`` gives for ``key`` (``from`` or ``to``), if any."""
    if not query[key]:
        return None
    text = query[key][0]
    if not _DATE_RE.fullmatch(text):
        raise BadRequest(f"{key!r} must be a date as YYYY-MM-DD, not {text[:40]!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadRequest(f"{key!r} is not a real date: {text!r}") from None
