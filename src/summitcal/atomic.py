"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Used for every file summitcal writes (calendars, the static site), so that a failed or
interrupted build leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_chunks"]


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and durably; return the path.

    The bytes go to a temporary file in the same directory, are flushed to disk, and the
    temporary file then replaces ``path`` in one rename.  On any error the temporary file
    is removed and ``path`` is untouched; temporary files that a killed write left beside
    ``path`` are removed by the next write.

    Raises:
        OSError: If the directory does not exist or cannot be written.
    """
    return atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: str | os.PathLike[str], chunks: Iterable[bytes]) -> Path:
    """:func:`atomic_write_bytes` of the bytes of ``chunks`` joined, written as they come:
    memory holds one chunk at a time.  An exception that ``chunks`` raises leaves ``path``
    untouched, as a failed write does, and is raised again.

    Raises:
        OSError: If the directory does not exist or cannot be written.
    """
    target = Path(path)
    _sweep(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; published output should be world-readable.
        Path(tmp).chmod(0o644)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


#: How old a temporary file of ours must be before a later write takes it for the leftover
#: of a killed run (a younger one may belong to a write still under way).
STALE_AFTER = 60.0


def _sweep(target: Path) -> None:
    """Remove temporary files a killed write to ``target`` left (``.NAME.*.tmp``, ours by
    name, and older than :data:`STALE_AFTER` seconds)."""
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and now - leftover.stat().st_mtime > STALE_AFTER:
                leftover.unlink()
