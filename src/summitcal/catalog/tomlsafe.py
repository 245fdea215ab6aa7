"""Read a catalogue file as TOML without letting the file exhaust the reader.

``tomllib`` trusts its input: a FIFO makes reading wait forever, a symlink to
``/dev/zero`` reads until memory runs out, brackets nested 500 deep overflow its
recursion, and a single dotted key of 20,000 parts (``a.a.a...``, a 40 KB file) costs
it 1.5 GB, since its memory grows with the square of a key's length.  :func:`read_toml`
refuses all of these before parsing, each with a :class:`~summitcal.errors.SeedError`
naming the file:

* anything but a regular file, after following symlinks (checked on the opened file, so
  the check and the read see the same file);
* more than :data:`MAX_FILE_BYTES` bytes, counted while reading (never trusting the size
  the file system reports, which is 0 for files under ``/proc``);
* text that is not UTF-8 (a UTF-8 byte-order mark is skipped);
* brackets (arrays, inline tables, table headers) nested deeper than
  :data:`MAX_NESTING`, or a dotted key of more than :data:`MAX_KEY_PARTS` parts.

The structure check is one linear pass that skips strings and comments, so brackets and
dots inside them never count.  Every shipped catalogue file stays far inside the limits
(2 levels of brackets, 2-part keys).
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any, NoReturn

from summitcal.errors import SeedError

__all__ = ["MAX_FILE_BYTES", "MAX_KEY_PARTS", "MAX_NESTING", "read_toml"]

MAX_FILE_BYTES = 16 * 2**20
"""The largest catalogue file read, in bytes: 16 MiB, some 30,000 events and about a
thousand times the largest shipped file.  Split a larger catalogue into several files."""

MAX_NESTING = 32
"""The deepest nesting of brackets (``[``, ``{``) read; tomllib overflows near 500."""

MAX_KEY_PARTS = 32
"""The most parts a dotted key (``a.b.c`` has three) may have."""

# One token of TOML structure; everything between tokens is skipped by the regex engine.
# Strings and comments are tokens of their own so that nothing inside them counts, and
# each string form also matches when unterminated (tomllib reports that), so a match
# never fails and the scan stays linear.  The possessive quantifiers (*+, ++) never
# backtrack.
_TOKENS = re.compile(
    r"""
      (?P<string>
          \"\"\"(?:[^"\\]++|\\.|"{1,2}(?!"))*+(?:"{3,5}|\Z)   # multi-line basic
        | '''(?:[^']++|'{1,2}(?!'))*+(?:'{3,5}|\Z)           # multi-line literal
        | "(?:[^"\\\n]++|\\.)*+"?                            # basic
        | '[^'\n]*+'?                                        # literal
      )
    | (?P<comment>\#[^\n]*+)
    | (?P<open>[\[{])
    | (?P<close>[\]}])
    | (?P<dot>\.)
    | (?P<end>[=,\n]++)          # a key ends at '=', a value at ',' or a line's end
    """,
    re.VERBOSE | re.DOTALL,
)

_CHUNK_BYTES = 2**20

_FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_toml(path: Path, label: str, *, max_bytes: int = MAX_FILE_BYTES) -> dict[str, Any]:
    """The TOML document in ``path``, refused if it could exhaust the parser.

    Args:
        path: The file to read; symlinks are followed.
        label: How errors name the file.
        max_bytes: The largest size accepted, in bytes.

    Raises:
        SeedError: Naming ``label``, if the file cannot be read, is not a regular file, is
            over ``max_bytes``, is not UTF-8, nests brackets deeper than
            :data:`MAX_NESTING` or has a dotted key longer than :data:`MAX_KEY_PARTS`
            parts, or is not valid TOML.
    """
    text = _decode(_read_bytes(path, label, max_bytes), label)
    _check_structure(text, label)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SeedError(label, f"not valid TOML: {exc}") from None
    except RecursionError:  # the structure check should make this unreachable
        raise SeedError(label, "nested too deeply for the TOML reader") from None


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    # O_NONBLOCK so that opening a FIFO returns at once instead of waiting for a writer;
    # it changes nothing for a regular file.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SeedError(label, f"cannot read: {exc.strerror or exc}") from None
    try:
        # The type of the file opened, not of the path: a symlink swapped in after a
        # check by name would not be seen.
        _check_regular(os.fstat(fd).st_mode, label)
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        raise SeedError(label, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise SeedError(label, f"larger than {max_bytes:,} bytes, the limit for one catalogue file")
    return data


def _read_at_most(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of the file, read a piece at a time: one read of ``limit``
    bytes would set aside that much memory for every file, however small."""
    chunks = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(_CHUNK_BYTES, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _check_regular(mode: int, label: str) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _FILE_KINDS if test(mode)), "a special file")
        raise SeedError(label, f"not a regular file ({kind})")


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")  # -sig: skip a byte-order mark if there is one
    except UnicodeDecodeError as exc:
        raise SeedError(label, f"not UTF-8 text: {exc}") from None


def _check_structure(text: str, label: str) -> None:
    """Refuse brackets nested too deep and dotted keys too long, in one linear pass.

    Dots are counted between the tokens that end a key or a value, so a run of dots is a
    dotted key (``a.b.c =``, ``[a.b.c]``, ``{a.b = 1}``); a value such as ``1.5`` or a
    date-time with fractional seconds contributes a single dot.
    """
    depth = 0
    dots = 0
    for token in _TOKENS.finditer(text):
        kind = token.lastgroup
        if kind == "dot":
            dots += 1
            if dots >= MAX_KEY_PARTS:
                _refuse(text, label, token.start(), f"a dotted key of over {MAX_KEY_PARTS} parts")
        elif kind == "open":
            depth += 1
            dots = 0
            if depth > MAX_NESTING:
                _refuse(text, label, token.start(), f"brackets nested over {MAX_NESTING} deep")
        elif kind == "close":
            depth = max(depth - 1, 0)  # unbalanced brackets are tomllib's to report
            dots = 0
        elif kind == "end":
            dots = 0


def _refuse(text: str, label: str, position: int, what: str) -> NoReturn:
    line = text.count("\n", 0, position) + 1
    raise SeedError(label, f"{what} (line {line}); refused before parsing")
