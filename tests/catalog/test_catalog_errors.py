"""The loader reports every error of a catalogue in one pass, and checks alternatives and
parent cycles as it does the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitcal import load_catalog
from summitcal.catalog.load import _find_parent_cycles
from summitcal.errors import SeedError, SeedErrors
from tests.catalog.test_catalog import CHILD_EVENT, GOOD_EVENT, SERIES


def event(event_id: str, *, parent: str | None = None, **fields: str) -> str:
    """A valid event record, with fields replaced or added as TOML literals."""
    values = {
        "id": f'"{event_id}"',
        "kind": '"meeting"',
        "title": '"A meeting"',
        "when": '"2031-03-04"',
        "status": '"scheduled"',
    }
    if parent is not None:
        values["parent"] = f'"{parent}"'
    values.update(fields)
    body = "\n".join(f"{k} = {v}" for k, v in values.items() if v)
    return f'\n[[event]]\n{body}\n\n[[event.sources]]\nurl = "https://example.org/{event_id}"\n'


def catalogue(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def errors_of(folder: Path) -> list[tuple[str, str | None, str | None]]:
    """(file name, record, field) of each error, in the order reported."""
    with pytest.raises(SeedErrors) as info:
        load_catalog(folder)
    return [(Path(e.path).name, e.record, e.field) for e in info.value.errors]


def only_error(path: Path) -> SeedError:
    """The one error loading ``path`` gives."""
    with pytest.raises(SeedErrors) as info:
        load_catalog(path)
    (error,) = info.value.errors
    return error


class TestEveryError:
    def test_every_file_record_and_field(self, tmp_path: Path) -> None:
        """Errors come in file order, then record order, each field of a record named."""
        folder = catalogue(
            tmp_path,
            {
                "a.toml": SERIES
                + event("one", kind='"sumit"', status='"maybe"')
                + event("two")
                + event("three", titel='"typo"', when='"2031-02-30"'),
                "b.toml": event("four", place='{ country = "XK" }'),
            },
        )
        assert errors_of(folder) == [
            ("a.toml", "one", "kind"),
            ("a.toml", "one", "status"),
            ("a.toml", "three", "titel"),
            ("a.toml", "three", "when"),
            ("b.toml", "four", "place.country"),
        ]

    def test_cross_file_checks_come_after_the_records(self, tmp_path: Path) -> None:
        """Duplicates, unknown series and parents, stray revisions: after per-record errors."""
        revision = (
            '\n[[revision]]\nid = "ghost"\nsequence = 0\ndigest = "x"\n'
            "modified = 2025-01-01T00:00:00Z\n"
        )
        folder = catalogue(
            tmp_path,
            {
                "a.toml": event("one", series='["nope"]') + event("two", parent="absent"),
                "b.toml": event("one") + revision + event("bad", kind='"sumit"'),
            },
        )
        assert errors_of(folder) == [
            ("b.toml", "bad", "kind"),
            ("b.toml", "one", "id"),
            ("a.toml", "one", "series"),
            ("a.toml", "two", "parent"),
            ("b.toml", "ghost", "id"),
        ]

    def test_a_broken_file_does_not_hide_the_others(self, tmp_path: Path) -> None:
        """A TOML syntax error is one error; the other files are still checked."""
        folder = catalogue(
            tmp_path,
            {"a.toml": "[[event]\nid = ", "b.toml": event("b", kind='"sumit"')},
        )
        assert errors_of(folder) == [("a.toml", None, None), ("b.toml", "b", "kind")]

    def test_every_bad_top_level_entry(self, tmp_path: Path) -> None:
        """Each unknown top-level key and each non-table item is reported."""
        folder = catalogue(
            tmp_path, {"a.toml": "events = 1\nseries = 2\nevent = [1, 2]\nrevision = []\n"}
        )
        assert errors_of(folder) == [
            ("a.toml", None, None),
            ("a.toml", None, None),
            ("a.toml", "#0", None),
            ("a.toml", "#1", None),
        ]

    def test_one_error_is_still_a_seed_errors(self, tmp_path: Path) -> None:
        """One rule: load_catalog raises SeedErrors; with one entry it reads as that one."""
        folder = catalogue(tmp_path, {"a.toml": event("one", kind='"sumit"')})
        with pytest.raises(SeedErrors) as info:
            load_catalog(folder)
        (only,) = info.value.errors
        assert str(info.value) == str(only)
        assert (info.value.record, info.value.field) == ("one", "kind")
        assert isinstance(info.value, SeedError)

    def test_several_errors_in_the_message(self, tmp_path: Path) -> None:
        """The message of several errors lists each on its own line."""
        folder = catalogue(
            tmp_path, {"a.toml": event("one", kind='"x"') + event("two", kind='"y"')}
        )
        with pytest.raises(SeedErrors, match="2 errors") as info:
            load_catalog(folder)
        assert "'one'" in str(info.value)
        assert "'two'" in str(info.value)

    def test_every_bad_item_of_a_list_of_tables(self, tmp_path: Path) -> None:
        """Each failing source or actor is named; a list of bad sources is not also 'none'."""
        text = GOOD_EVENT.replace(
            'url = "https://example.org/demo-summit"',
            'url = "example.org"\n\n[[event.sources]]\nurl = "also bad"',
        )
        text += '\n[[event.actors]]\nname = "X"\nkind = "persn"\nrole = "host"\n'
        folder = catalogue(tmp_path, {"series.toml": SERIES, "events.toml": text})
        assert errors_of(folder) == [
            ("events.toml", "demo-summit-2031", "sources[0].url"),
            ("events.toml", "demo-summit-2031", "sources[1].url"),
            ("events.toml", "demo-summit-2031", "actors[0].kind"),
        ]


class TestRefusedRecords:
    def test_a_refused_event_still_has_its_references_checked(self, tmp_path: Path) -> None:
        """One run lists a bad kind and the unknown parent and series of the same record."""
        bad = event("one", kind='"summitt"', parent="ghost", series='["nope"]')
        folder = catalogue(tmp_path, {"a.toml": bad})
        assert errors_of(folder) == [
            ("a.toml", "one", "kind"),
            ("a.toml", "one", "parent"),
            ("a.toml", "one", "series"),
        ]


class TestNoFollowOnNoise:
    def test_child_of_a_failed_event(self, tmp_path: Path) -> None:
        """An event that failed is not reported again as its children's unknown parent."""
        parent = GOOD_EVENT.replace('kind = "summit"', 'kind = "sumit"')
        folder = catalogue(tmp_path, {"series.toml": SERIES, "events.toml": parent + CHILD_EVENT})
        assert errors_of(folder) == [("events.toml", "demo-summit-2031", "kind")]

    def test_member_of_a_failed_series(self, tmp_path: Path) -> None:
        """A series that failed is not reported again as its events' unknown series."""
        folder = catalogue(
            tmp_path,
            {
                "series.toml": SERIES.replace("title =", 'colour = "red"\ntitle ='),
                "events.toml": GOOD_EVENT,
            },
        )
        assert errors_of(folder) == [("series.toml", "demo", "colour")]

    def test_revision_of_a_failed_event(self, tmp_path: Path) -> None:
        """A revision of an event that failed is not reported as a stray revision."""
        revision = (
            '\n[[revision]]\nid = "one"\nsequence = 0\ndigest = "x"\n'
            "modified = 2025-01-01T00:00:00Z\n"
        )
        folder = catalogue(tmp_path, {"a.toml": event("one", kind='"sumit"') + revision})
        assert errors_of(folder) == [("a.toml", "one", "kind")]

    def test_duplicate_of_a_failed_record_is_still_a_duplicate(self, tmp_path: Path) -> None:
        """A failed record's id still counts, so fixing it does not reveal a new error."""
        folder = catalogue(
            tmp_path, {"a.toml": event("one", kind='"sumit"'), "b.toml": event("one")}
        )
        assert errors_of(folder) == [("a.toml", "one", "kind"), ("b.toml", "one", "id")]

    def test_a_bad_place_does_not_cast_doubt_on_when(self, tmp_path: Path) -> None:
        """A timed `when` is read even when the zone beside it is refused."""
        folder = catalogue(
            tmp_path,
            {
                "a.toml": event(
                    "one", when='"2031-03-04T09:00"', place='{ country = "FR", zone = "Nope" }'
                )
            },
        )
        assert errors_of(folder) == [("a.toml", "one", "place.zone")]


class TestAlternatives:
    @pytest.mark.parametrize(
        ("alternative", "field", "message"),
        [
            ('field = "whenn", value = "2031"', "alternatives[0].field", "unknown field 'whenn'"),
            ('field = "when", value = "soon"', "alternatives[0].value", "TIMEX3"),
            ('field = "when", value = "2031-02-30"', "alternatives[0].value", "out of range"),
            ('field = "status", value = "maybe"', "alternatives[0].value", "unknown value"),
            ('field = "country", value = "XK"', "alternatives[0].value", "ISO 3166-1"),
            ('field = "zone", value = "Mars/Olympus"', "alternatives[0].value", "time zone"),
            ('field = "url", value = "javascript:alert(1)"', "alternatives[0].value", "http"),
            ('field = "venue", value = " "', "alternatives[0].value", "empty"),
            ('field = "when", value = 2031', "alternatives[0].value", "expected str"),
            (
                'field = "venue", value = "x", sources = ["javascript:alert(1)"]',
                "alternatives[0].sources[0]",
                "http",
            ),
        ],
    )
    def test_value_checked_like_its_field(
        self, tmp_path: Path, alternative: str, field: str, message: str
    ) -> None:
        """An alternative names a known field, and its value is what that field holds."""
        alt = f'[{{ {alternative}, status = "conflict" }}]'
        folder = catalogue(tmp_path, {"a.toml": event("one", alternatives=alt)})
        error = only_error(folder)
        assert (error.record, error.field) == ("one", field)
        assert message in error.reason

    @pytest.mark.parametrize(
        "alternative",
        [
            'field = "when", value = "2031-03-03/2031-03-05"',
            'field = "when", value = "2031-03-04T09:00/2031-03-04T10:00"',
            'field = "venue", value = "unknown"',
            'field = "signatory-count", value = "28 countries"',
            'field = "status", value = "tentative"',
            'field = "url", value = "https://example.org/other"',
        ],
    )
    def test_good_alternatives(self, tmp_path: Path, alternative: str) -> None:
        """Values of the right kind load, and keep their text."""
        alt = f'[{{ {alternative}, status = "unconfirmed" }}]'
        folder = catalogue(tmp_path, {"a.toml": event("one", alternatives=alt)})
        (loaded,) = load_catalog(folder).get("one").alternatives
        assert f'value = "{loaded.value}"' in alternative


class TestParentCycles:
    def test_names_the_cycle_once(self, tmp_path: Path) -> None:
        """A cycle is one error, on its first member, naming every member in order."""
        folder = catalogue(
            tmp_path,
            {
                "a.toml": event("lead-in", parent="b")
                + event("a", parent="c")
                + event("b", parent="a")
                + event("c", parent="b"),
            },
        )
        error = only_error(folder)
        assert (error.record, error.field) == ("a", "parent")
        assert "a -> c -> b -> a" in error.reason

    def test_two_cycles_two_errors(self, tmp_path: Path) -> None:
        """Separate cycles are reported separately."""
        folder = catalogue(
            tmp_path,
            {
                "a.toml": event("a", parent="b")
                + event("b", parent="a")
                + event("c", parent="d")
                + event("d", parent="c")
            },
        )
        assert errors_of(folder) == [("a.toml", "a", "parent"), ("a.toml", "c", "parent")]

    def test_linear_in_a_long_chain(self) -> None:
        """A 20,000-event chain is walked once: each parent is looked up at most twice."""

        class Counting(dict[str, str | None]):
            lookups = 0

            def __getitem__(self, key: str) -> str | None:
                Counting.lookups += 1
                return super().__getitem__(key)

            def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
                Counting.lookups += 1
                return super().get(key, default)

        n = 20_000
        # Listed child first, so that a walk from each event would climb the whole chain.
        parents = Counting({f"e{i}": (f"e{i - 1}" if i else None) for i in reversed(range(n))})
        assert _find_parent_cycles(parents) == []
        assert Counting.lookups <= 2 * n

    def test_cycle_found_by_the_linear_walk(self) -> None:
        """The walk still finds a cycle at the end of a long lead-in."""
        parents: dict[str, str | None] = {f"e{i}": f"e{i + 1}" for i in range(1000)}
        parents["e1000"] = "e998"
        assert _find_parent_cycles(parents) == [["e998", "e999", "e1000"]]


def test_every_refused_alias_is_named_with_its_file_and_record(tmp_path: Path) -> None:
    folder = catalogue(
        tmp_path,
        {
            "a.toml": event(
                "talks-2031", aliases='["The talks", "A  meeting", "the TALKS", "ok\\u0007"]'
            )
        },
    )
    assert errors_of(folder) == [
        ("a.toml", "talks-2031", "aliases[1]"),
        ("a.toml", "talks-2031", "aliases[2]"),
        ("a.toml", "talks-2031", "aliases[3]"),
    ]
