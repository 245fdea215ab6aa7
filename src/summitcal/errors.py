"""The errors summitcal raises.

Every error derives from :class:`SummitcalError`, and each says *what* is wrong and *where*:
a phrase error carries the text and the character position, a seed error the file, the
record and the field, a feed error the feed or path involved.  The ones about bad input
also derive from :class:`ValueError`, so generic callers that catch ``ValueError`` keep
working.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousHolidayError",
    "BadRequest",
    "FeedError",
    "PhraseError",
    "QueryError",
    "SeedError",
    "SeedErrors",
    "SummitcalError",
    "TimexError",
    "UnknownEventError",
    "UnlistedLocalHolidayError",
    "UnsupportedLanguageError",
]


class SummitcalError(Exception):
    """Base class of every error raised by summitcal."""


class TimexError(SummitcalError, ValueError):
    """A TIMEX3 value (or a span to be formatted as one) is malformed.

    Attributes:
        value: The offending value, as given.
        reason: What is wrong with it.
    """

    def __init__(self, value: str, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"bad TIMEX3 value {value!r}: {reason}")


class PhraseError(SummitcalError, ValueError):
    """A date phrase cannot be resolved.

    Attributes:
        text: The phrase (or the whole text) that was being read.
        reason: Why it cannot be resolved.
        position: Character offset into ``text`` where the problem starts.
    """

    def __init__(self, text: str, reason: str, position: int = 0) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        shown = text if len(text) <= 80 else f"{text[:60]}... ({len(text)} characters)"
        super().__init__(f"cannot resolve {shown!r} at position {position}: {reason}")


class UnsupportedLanguageError(SummitcalError, ValueError):
    """A language code names no language the resolver reads.

    Attributes:
        code: The code given.
        supported: The codes the resolver reads.
    """

    def __init__(self, code: object, supported: tuple[str, ...] | list[str]) -> None:
        self.code = code
        self.supported = tuple(supported)
        super().__init__(
            f"language {code!r} is not supported (supported: {', '.join(self.supported)})"
        )


class AmbiguousHolidayError(PhraseError):
    """A holiday's name means a different day in each country, and the sentence names
    none of them ("Independence Day").

    Attributes:
        name: The holiday's name as written.
        countries: The ISO 3166 codes of the countries whose day is known for it.
    """

    def __init__(self, text: str, name: str, countries: tuple[str, ...]) -> None:
        self.name = name
        self.countries = countries
        reason = (
            f"{name!r} names a different day in each country ({', '.join(countries)}): say which"
        )
        super().__init__(text, reason, 0)


class UnlistedLocalHolidayError(PhraseError):
    """A holiday's name means a different day in each country, and the sentence names a
    country whose day for it is not in the holiday table ("Singapore will celebrate
    National Day": not China's 1 October).

    Attributes:
        name: The holiday's name as written.
        country: The ISO 3166 code of the country named.
        countries: The codes of the countries whose day is known for it.
    """

    def __init__(self, text: str, name: str, country: str, countries: tuple[str, ...]) -> None:
        self.name = name
        self.country = country
        self.countries = countries
        reason = (
            f"the sentence names {country}, whose {name!r} the holiday table does not hold "
            f"(it holds {', '.join(countries)})"
        )
        super().__init__(text, reason, 0)


class SeedError(SummitcalError, ValueError):
    """A catalogue file is malformed or inconsistent.

    Attributes:
        path: The file (a string path, or ``"<memory>"`` for data given directly).
        record: The record's id, or its index as ``"#N"`` when it has no id.
        field: The field at fault, or ``None`` when the whole record or file is at fault.
        reason: What is wrong.
    """

    def __init__(
        self, path: str, reason: str, *, record: str | None = None, field: str | None = None
    ) -> None:
        self.path = path
        self.record = record
        self.field = field
        self.reason = reason
        where = path
        if record is not None:
            where += f", record {record!r}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {reason}")


class SeedErrors(SeedError):
    """Several catalogue errors, found in one pass over the files.

    The loader reads every file and every record before it gives up, so that one run of
    ``summitcal check`` lists all that is wrong.  This error is a :class:`SeedError` in its
    own right: its ``path``, ``record``, ``field`` and ``reason`` are those of the first
    error, so code that handles one seed error keeps working.

    Attributes:
        errors: Every error found, in file order, then record order; at least one.
    """

    def __init__(self, errors: tuple[SeedError, ...] | list[SeedError]) -> None:
        if not errors:
            raise ValueError("SeedErrors needs at least one error")
        self.errors: tuple[SeedError, ...] = tuple(errors)
        first = self.errors[0]
        super().__init__(first.path, first.reason, record=first.record, field=first.field)
        if len(self.errors) > 1:
            lines = "\n".join(f"  {error}" for error in self.errors)
            self.args = (f"{len(self.errors)} errors in the catalogue:\n{lines}",)


class QueryError(SummitcalError, ValueError):
    """A query names something that does not exist or is out of range.

    Attributes:
        criterion: The criterion at fault (``"series"``, ``"kind"``, ``"year"``...).
        value: The value given.
        reason: What is wrong with it.
    """

    def __init__(self, criterion: str, value: object, reason: str) -> None:
        self.criterion = criterion
        self.value = value
        self.reason = reason
        super().__init__(f"{criterion} {value!r}: {reason}")


class FeedError(SummitcalError):
    """A feed cannot be built, written or read.

    Attributes:
        target: The feed name, file path or source involved.
        reason: What went wrong.
    """

    def __init__(self, target: str, reason: str) -> None:
        self.target = target
        self.reason = reason
        super().__init__(f"{target}: {reason}")


class UnknownEventError(SummitcalError, KeyError):
    """No event in the catalogue has the id asked for."""

    def __init__(self, event_id: str) -> None:
        self.event_id = event_id
        super().__init__(f"no event with id {event_id!r}")

    def __str__(self) -> str:
        return f"no event with id {self.event_id!r}"


class BadRequest(SummitcalError, ValueError):
    """A request the feed server answers with 400; the message is shown to the client."""
