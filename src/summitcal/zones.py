"""IANA time zones, read from the pinned ``tzdata`` package first.

The system zone database differs from machine to machine; feed bytes (VTIMEZONE blocks)
must not.  So zones are loaded from the ``tzdata`` package that summitcal depends on, and
only fall back to the system database for a key ``tzdata`` lacks.
"""

from __future__ import annotations

import functools
import importlib.resources
import zoneinfo

__all__ = ["get_zone", "is_zone"]


@functools.cache
def get_zone(key: str) -> zoneinfo.ZoneInfo:
    """The zone named ``key`` (``"Europe/Paris"``), from the pinned ``tzdata`` first.

    Raises:
        ValueError: If no zone database knows ``key``.
    """
    if not key or key.startswith(("/", ".")) or ".." in key:
        raise ValueError(f"unknown time zone {key!r}")
    package, _, name = f"tzdata.zoneinfo.{key}".rpartition("/")
    try:
        resource = importlib.resources.files(package.replace("/", ".")).joinpath(name)
        with resource.open("rb") as handle:
            return zoneinfo.ZoneInfo.from_file(handle, key=key)
    except (ModuleNotFoundError, FileNotFoundError, IsADirectoryError, ValueError, OSError):
        pass
    try:
        return zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {key!r}") from exc


def is_zone(key: str) -> bool:
    """Whether ``key`` names a known IANA zone."""
    try:
        get_zone(key)
    except ValueError:
        return False
    return True
