"""Catalogue files that try to exhaust or subvert the loader are refused with a SeedError.

Each refusal names the file (and, for a record, the record and field); none hangs, reads
without bound, or lets an exception other than SeedError out.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pytest

from summitcal import load_catalog
from summitcal.catalog.load import shipped_seeds_path
from summitcal.catalog.tomlsafe import MAX_FILE_BYTES, MAX_KEY_PARTS, MAX_NESTING, read_toml
from summitcal.errors import SeedError, SeedErrors
from tests.catalog.test_catalog_errors import catalogue, errors_of, event, only_error

TESTS = Path(__file__).parents[1]


class TestNotARegularFile:
    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo_is_refused_without_waiting(self, tmp_path: Path) -> None:
        """A FIFO named *.toml is refused at once (reading it would wait for a writer)."""
        os.mkfifo(tmp_path / "pipe.toml")
        error = only_error(tmp_path)
        assert error.path.endswith("pipe.toml")
        assert "not a regular file" in error.reason

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
    def test_symlink_to_a_device_is_refused(self, tmp_path: Path) -> None:
        """A symlink is followed and what it points to is checked: /dev/zero is no file."""
        (tmp_path / "zero.toml").symlink_to("/dev/zero")
        error = only_error(tmp_path)
        assert error.path.endswith("zero.toml")
        assert "not a regular file" in error.reason

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
    def test_device_given_directly(self) -> None:
        """A device given as the path is refused the same way, not as 'no such file'."""
        assert "not a regular file" in only_error(Path("/dev/zero")).reason

    def test_directory_named_toml(self, tmp_path: Path) -> None:
        """A directory called x.toml inside a catalogue directory is refused by name."""
        (tmp_path / "x.toml").mkdir()
        (tmp_path / "ok.toml").write_text(event("ok"), "utf-8")
        assert errors_of(tmp_path) == [("x.toml", None, None)]

    @pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
    def test_symlink_loop(self, tmp_path: Path) -> None:
        """A symlink loop is a 'cannot read' error naming the file."""
        (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
        assert "cannot read" in only_error(tmp_path).reason


class TestSizeLimit:
    def test_limit_is_generous(self) -> None:
        """The documented limit: 16 MiB a file, some 500 times the largest shipped file."""
        assert MAX_FILE_BYTES == 16 * 2**20

    def test_file_over_the_limit(self, tmp_path: Path) -> None:
        """A file over the limit is refused without being parsed, naming the limit."""
        path = tmp_path / "big.toml"
        path.write_text(event("one") + "#" * 2000 + "\n", "utf-8")
        with pytest.raises(SeedErrors) as info:
            load_catalog(tmp_path, max_file_bytes=1000)
        assert "larger than 1,000 bytes" in info.value.reason
        assert info.value.path.endswith("big.toml")

    def test_file_at_the_limit(self, tmp_path: Path) -> None:
        """A file exactly at the limit loads."""
        path = tmp_path / "one.toml"
        text = event("one")
        path.write_text(text, "utf-8")
        assert len(load_catalog(tmp_path, max_file_bytes=len(text.encode()))) == 1

    def test_reading_is_capped_whatever_stat_says(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The size is what is read, not what stat claims (as for files under /proc)."""
        path = tmp_path / "big.toml"
        path.write_text("a = 1\n" * 1000, "utf-8")
        real_fstat = os.fstat

        class Zero:
            def __init__(self, fd: int) -> None:
                self._st = real_fstat(fd)

            def __getattr__(self, name: str) -> object:
                return 0 if name == "st_size" else getattr(self._st, name)

        monkeypatch.setattr(os, "fstat", Zero)
        with pytest.raises(SeedError, match="larger than 100 bytes"):
            read_toml(path, "big.toml", max_bytes=100)


class TestNesting:
    @pytest.mark.parametrize(
        ("text", "what"),
        [
            ("x = " + "[" * 500 + "]" * 500, "nested"),
            ("x = " + "[" * 100_000 + "]" * 100_000, "nested"),
            ("x = " + "{a = " * 10_000 + "1" + "}" * 10_000, "nested"),
            ("[[event]]\nactors = " + "[" * 600 + "]" * 600, "nested"),
            (".".join(["a"] * 20_000) + " = 1", "dotted key"),
            ("[" + ".".join(["a"] * 20_000) + "]", "dotted key"),
            ("x = { " + " . ".join(['"a"'] * 20_000) + " = 1 }", "dotted key"),
        ],
    )
    def test_too_deep(self, tmp_path: Path, text: str, what: str) -> None:
        """Deep brackets and long dotted keys are refused before tomllib sees them."""
        (tmp_path / "deep.toml").write_text(text + "\n", "utf-8")
        error = only_error(tmp_path)
        assert error.path.endswith("deep.toml")
        assert what in error.reason
        assert "line 1" in error.reason or "line 2" in error.reason

    def test_limits_are_generous(self) -> None:
        """Far beyond any real catalogue (2 levels), far below tomllib's recursion."""
        assert MAX_NESTING == 32
        assert MAX_KEY_PARTS == 32

    def test_at_the_limits(self, tmp_path: Path) -> None:
        """Exactly at each limit is fine."""
        deep = "[" * MAX_NESTING + "]" * MAX_NESTING
        key = ".".join(["k"] * MAX_KEY_PARTS)
        path = tmp_path / "edge.toml"
        path.write_text(f"x = {deep}\n{key} = 1\n", "utf-8")
        data = read_toml(path, "edge.toml")
        assert "x" in data
        assert "k" in data

    def test_one_past_the_limits(self, tmp_path: Path) -> None:
        """One level or part more is refused."""
        path = tmp_path / "edge.toml"
        deep = "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)
        path.write_text(f"x = {deep}\n", "utf-8")
        with pytest.raises(SeedError, match="nested"):
            read_toml(path, "edge.toml")
        path.write_text(".".join(["k"] * (MAX_KEY_PARTS + 1)) + " = 1\n", "utf-8")
        with pytest.raises(SeedError, match="dotted key"):
            read_toml(path, "edge.toml")

    @pytest.mark.parametrize(
        "text",
        [
            'x = "' + "[{" * 1000 + "a." * 1000 + '"',
            "x = '" + "[{" * 1000 + "a." * 1000 + "'",
            'x = """\n' + "[{\n" * 1000 + "a." * 1000 + '\n"""',
            "x = '''\n" + "[{\n" * 1000 + "a." * 1000 + "\n'''",
            "# " + "[{" * 1000 + "a." * 1000 + "\nx = 1",
            'x = "\\"' + "[" * 1000 + '"',
            'x = """ \\""" ' + "[" * 1000 + '"""',
            'x = """a""""\ny = "' + "[" * 1000 + '"',
            "x = '''a''''\ny = '" + "[" * 1000 + "'",
            "x = 'C:\\'\ny = \"" + "[" * 1000 + '"',
            '"' + "a." * 1000 + '" = 1',
            "x = [" + ", ".join(["1.5", "2025-01-01T00:00:00.25Z", "1e3"] * 1000) + "]",
            "\n".join(f"[t{i}.u.v]\nx.y.z = {i}.5" for i in range(1000)),
        ],
    )
    def test_brackets_and_dots_in_strings_comments_and_values(
        self, tmp_path: Path, text: str
    ) -> None:
        """What lies in strings and comments is not structure; values' dots are no keys."""
        path = tmp_path / "quoted.toml"
        path.write_text(text + "\n", "utf-8")
        assert read_toml(path, "quoted.toml") == tomllib.loads(text + "\n")

    def test_every_shipped_and_fixture_file_still_reads(self) -> None:
        """The guard passes all TOML we ship or test with, and reads it as tomllib does."""
        files = sorted(shipped_seeds_path().glob("*.toml")) + sorted(TESTS.rglob("*.toml"))
        assert len(files) > 10
        for path in files:
            assert read_toml(path, str(path)) == tomllib.loads(path.read_text("utf-8")), path


class TestEncoding:
    def test_byte_order_mark_is_accepted(self, tmp_path: Path) -> None:
        """A UTF-8 byte-order mark (as some Windows editors write) is skipped."""
        (tmp_path / "bom.toml").write_bytes(b"\xef\xbb\xbf" + event("one").encode())
        assert "one" in load_catalog(tmp_path)

    def test_latin1_is_named(self, tmp_path: Path) -> None:
        """Text that is not UTF-8 is refused, naming the file."""
        (tmp_path / "latin.toml").write_bytes(
            event("caf").replace("A meeting", "Caf\xe9").encode("latin-1")
        )
        assert "not UTF-8" in only_error(tmp_path).reason


class TestUrls:
    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/x",
            "mailto:press@example.org",
            "https://",
            "https://example.org/a b",
            "https://example.org/\nBEGIN:VEVENT",
            "//example.org/x",
        ],
    )
    def test_event_url(self, tmp_path: Path, url: str) -> None:
        """An event's official page is an http(s) URL with a host, nothing else."""
        folder = catalogue(tmp_path, {"a.toml": event("one", url=_toml_string(url))})
        assert errors_of(folder) == [("a.toml", "one", "url")]

    @pytest.mark.parametrize("url", ["javascript:alert(1)", "https://", "https://a b"])
    def test_source_url(self, tmp_path: Path, url: str) -> None:
        """A source's URL obeys the same rule."""
        text = event("one").replace('"https://example.org/one"', _toml_string(url))
        folder = catalogue(tmp_path, {"a.toml": text})
        assert errors_of(folder) == [("a.toml", "one", "sources[0].url")]

    @pytest.mark.parametrize(
        "url", ["https://example.org/", "http://example.org:8080/a?b=c#d", "HTTPS://EXAMPLE.ORG"]
    )
    def test_web_urls_load(self, tmp_path: Path, url: str) -> None:
        """Ordinary web addresses load unchanged."""
        folder = catalogue(tmp_path, {"a.toml": event("one", url=_toml_string(url))})
        assert load_catalog(folder).get("one").url == url


class TestSeriesIds:
    @pytest.mark.parametrize(
        "series_id", ["../../x\nBEGIN:VEVENT;,", "<script>alert(1)</script>", "Demo", "a--b"]
    )
    def test_series_id_is_checked_like_an_event_id(self, tmp_path: Path, series_id: str) -> None:
        """Series ids are lower-case words joined by '-', as event ids are."""
        text = f'[[series]]\nid = {_toml_string(series_id)}\ntitle = "X"\n'
        folder = catalogue(tmp_path, {"series.toml": text})
        assert errors_of(folder) == [("series.toml", series_id, "id")]


class TestLastDay:
    @pytest.mark.parametrize("when", ["9999-12-31", "9999-12", "9999", "9999-12-31T23:30"])
    def test_when_ending_on_the_last_day(self, tmp_path: Path, when: str) -> None:
        """A span ending 9999-12-31 has no exclusive end, so no calendar entry: refused."""
        folder = catalogue(tmp_path, {"a.toml": event("one", when=f'"{when}"')})
        error = only_error(folder)
        assert (error.record, error.field) == ("one", "when")
        assert "9999-12-30" in error.reason

    def test_the_day_before_is_fine(self, tmp_path: Path) -> None:
        """9999-12-30 is the last day an event may end on."""
        folder = catalogue(tmp_path, {"a.toml": event("one", when='"9999-12-30"')})
        assert load_catalog(folder).get("one").end.isoformat() == "9999-12-30"

    def test_phrase_resolving_to_the_last_day(self, tmp_path: Path) -> None:
        """A date phrase that resolves to a span ending 9999-12-31 is refused too."""
        phrase = '{ text = "next year", published = 9998-06-01 }'
        folder = catalogue(tmp_path, {"a.toml": event("one", when="", when_phrase=phrase)})
        assert errors_of(folder) == [("a.toml", "one", "when_phrase")]

    def test_alternative_ending_on_the_last_day(self, tmp_path: Path) -> None:
        """An alternative `when` obeys the same bound."""
        alt = '[{ field = "when", value = "9999", status = "conflict" }]'
        folder = catalogue(tmp_path, {"a.toml": event("one", alternatives=alt)})
        assert errors_of(folder) == [("a.toml", "one", "alternatives[0].value")]


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
