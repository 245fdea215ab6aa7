"""IANA time zones, read from the pinned ``tzdata`` package first.

The system zone database differs from machine to machine; feed bytes (VTIMEZONE blocks)
must not.  So zones are loaded from the ``tzdata`` package that summitcal depends on, and
only fall back to the system database for a key ``tzdata`` lacks.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zoneinfo

__all__ = ["get_zone", "is_zone"]


@functools.cache
def get_zone(key: str) -> zoneinfo.ZoneInfo:
    """The zone named ``key`` (``"Europe/Paris"``, ``"Singapore"``), from the pinned
    ``tzdata`` first, whether or not the key has a slash.

    Raises:
        ValueError: If no zone database knows ``key``.
    """
    if not key or key.startswith(("/", ".")) or ".." in key:
        raise ValueError(f"unknown time zone {key!r}")
    # zoneinfo is imported on the first zone asked for: most date phrases name none, and
    # its import reads the interpreter's configuration.
    import zoneinfo

    pinned = _pinned_zone(key)
    if pinned is not None:
        return pinned
    try:
        return zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a folder
        raise ValueError(f"unknown time zone {key!r}") from exc


def _pinned_zone(key: str) -> zoneinfo.ZoneInfo | None:
    """The zone ``key`` from the ``tzdata`` package, or ``None`` if it has no such file."""
    # One path from the package's root, so that "Singapore" (no folder) is found the same
    # way as "America/Argentina/Buenos_Aires"; ZoneInfo(key) would read TZPATH first.
    import importlib.resources  # here, for the reason zoneinfo is imported in get_zone
    import zoneinfo

    try:
        resource = importlib.resources.files("tzdata.zoneinfo").joinpath(*key.split("/"))
        with resource.open("rb") as handle:
            return zoneinfo.ZoneInfo.from_file(handle, key=key)
    except (ModuleNotFoundError, FileNotFoundError, IsADirectoryError, ValueError, OSError):
        return None


def is_zone(key: str) -> bool:
    """Whether ``key`` names a known IANA zone."""
    try:
        get_zone(key)
    except ValueError:
        return False
    return True
