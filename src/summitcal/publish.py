"""Writing output without ever losing a user's files.

Two rules hold for everything summitcal writes:

- **It replaces only what it wrote.**  A site directory carries a marker file listing the
  files of the build that made it; a later build replaces the directory only when every
  entry in it is on that list (or the directory is empty).  A single output file (a
  calendar) is replaced only when it is one summitcal wrote, as the caller's ``is_ours``
  test tells from its first bytes.  Anything else is refused with a :class:`FeedError`
  that names a foreign file, unless the caller passes ``force``.
- **Some places are never written, forced or not**: the catalogue being read (a target
  equal to it, inside it or containing it), the current directory and its parents, the
  user's home and the file-system root.

Directories are swapped in one step: the new site is written and flushed beside the old
one, then the two are exchanged by a single ``renameat2(RENAME_EXCHANGE)`` on Linux (or
``renamex_np(RENAME_SWAP)`` on macOS).  Where neither exists, two renames are used, and a
run killed between them is repaired by the next one, which puts the old site back before
anything else.  Leftover staging folders of killed runs are removed by the next build;
only folders that carry the marker (or are empty) are ever removed.

Example::

    >>> publish_tree({"index.html": b"<p>hi</p>"}, "public")   # doctest: +SKIP
    PosixPath('/home/me/public')
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import glob
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from summitcal.atomic import atomic_write_bytes
from summitcal.errors import FeedError

__all__ = [
    "SITE_MARKER",
    "check_file_target",
    "exchange",
    "never_written",
    "publish_tree",
    "write_file",
]

#: The file in every site directory that says which files the build that made it wrote.
SITE_MARKER = ".summitcal-site"
_GENERATOR = "summitcal build"
#: Prefixes of the folders a build makes beside its target (suffixed by mkdtemp).
_STAGING = ".{name}.new-"
_ASIDE = ".{name}.old-"
#: How many foreign files an error names before it says "and N more".
_SHOWN = 3


def never_written(
    catalogue: Iterable[str | os.PathLike[str]] = (),
) -> tuple[tuple[Path, str], ...]:
    """The places no directory that is replaced may be or hold, each with its name.

    Args:
        catalogue: The catalogue files and folders being read.

    Returns:
        Resolved paths with what they are: the catalogue, the current directory (whose
        parents are covered too, since each of them holds it) and the home directory.
    """
    places = [(Path(p).resolve(), "the catalogue being read") for p in catalogue]
    places.append((Path.cwd().resolve(), "the current directory"))
    places.append((Path.home().resolve(), "the home directory"))
    return tuple(places)


def _refuse_protected(target: Path, catalogue: tuple[Path, ...]) -> None:
    real = target.resolve()
    if real == Path(real.anchor):
        raise FeedError(str(target), "is the file-system root")
    for place, name in never_written(catalogue):
        if place.is_relative_to(real):
            held = "is" if place == real else "holds"
            raise FeedError(str(target), f"{held} {name} ({place}); choose another directory")
    for place in catalogue:
        if real.is_relative_to(place):
            raise FeedError(str(target), f"is inside the catalogue being read ({place})")


def check_file_target(
    path: str | os.PathLike[str],
    *,
    is_ours: Callable[[bytes], bool],
    catalogue: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """Check that ``path`` may receive a file summitcal writes; return it.

    Args:
        path: Where the file is to be written.
        is_ours: Tells from the first 4 KiB of an existing file whether summitcal wrote it.
        catalogue: The files and folders being read (the catalogue, a command's inputs):
            never written over or into.
        force: Also replace an existing file that is not ours (never a protected one).

    Raises:
        FeedError: ``path`` is a directory or anything else that is not a regular file (a
            pipe, a device, a socket: never read from nor replaced, forced or not), a
            catalogue file or inside a catalogue folder, or an existing file that
            summitcal did not write (without ``force``).
    """
    target = Path(path)
    if target.is_dir():
        raise FeedError(str(target), "is a directory; name a file to write")
    if target.exists() and not target.is_file():
        # Reading a FIFO's first bytes would block, and replacing a device node by a
        # regular file would break the machine: refuse both, whatever --force says.
        raise FeedError(str(target), "is not a regular file (a pipe or a device); name a file")
    real = target.resolve()
    for place in (Path(p).resolve() for p in catalogue):
        if real.is_relative_to(place):
            raise FeedError(str(target), f"will not write over or into {place}: it is being read")
    if target.exists() and not force:
        with target.open("rb") as handle:
            head = handle.read(4096)
        if not is_ours(head):
            raise FeedError(
                str(target),
                "exists and was not written by summitcal; remove it, name another file, "
                "or pass --force to replace it",
            )
    return target


def check_dir_target(
    path: str | os.PathLike[str], *, catalogue: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Check that files may be written into the folder ``path`` (before it is created).

    Raises:
        FeedError: ``path`` exists and is not a directory, or is (or is inside) one of
            the ``catalogue`` folders being read.
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise FeedError(str(target), "exists and is not a directory")
    real = target.resolve()
    for place in (Path(p).resolve() for p in catalogue):
        if real.is_relative_to(place):
            raise FeedError(str(target), f"will not write into {place}: it is being read")
    return target


def write_file(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    is_ours: Callable[[bytes], bool],
    catalogue: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """:func:`check_file_target`, then write ``data`` there atomically; return the path.

    Raises:
        FeedError: As :func:`check_file_target`, or when the file cannot be written (the
            previous file, if any, is then unchanged).
    """
    target = check_file_target(path, is_ours=is_ours, catalogue=catalogue, force=force)
    try:
        return atomic_write_bytes(target, data)
    except OSError as exc:
        raise FeedError(str(target), f"cannot write: {exc.strerror or exc}") from None


def publish_tree(
    files: Mapping[str, bytes],
    out_dir: str | os.PathLike[str],
    *,
    catalogue: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """Write ``files`` as the whole content of ``out_dir``, replacing it in one swap.

    Args:
        files: Relative POSIX paths to bytes.
        out_dir: The directory; created when missing.  An existing one is replaced only
            when it is empty or every entry in it was written by a previous build
            (as its marker lists), or with ``force``.
        catalogue: The catalogue files and folders being read: never replaced, never
            written into, whatever ``force`` says.
        force: Replace a directory that holds files no build wrote (never a protected one).

    Returns:
        The directory, as an absolute path.

    Raises:
        FeedError: For a target that is a file, a symbolic link, protected, or holds
            foreign files; or for files that cannot be written.  In each case nothing
            that was there before has changed.
    """
    raw = Path(out_dir).absolute()
    if raw.is_symlink():
        raise FeedError(str(raw), "is a symbolic link; name the directory it points to")
    # The folders above the target are resolved ("site/assets/.." is "site", so the swap
    # never happens inside the folder it replaces); the target itself is not followed.
    out = raw.resolve() if raw.name in ("", ".", "..") else raw.parent.resolve() / raw.name
    if out.exists() and not out.is_dir():
        raise FeedError(str(out), "exists and is not a directory")
    if not out.parent.is_dir():
        raise FeedError(str(out), "its parent directory does not exist")
    cat = tuple(Path(p).resolve() for p in catalogue)
    _refuse_protected(out, cat)
    if SITE_MARKER in files:
        raise FeedError(SITE_MARKER, "is the site's own marker and cannot be a page")
    try:
        _recover(out)
        if out.exists() and not force:
            _refuse_foreign(out)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING.format(name=out.name), dir=out.parent))
    except OSError as exc:
        raise FeedError(str(out), f"cannot write: {exc.strerror or exc}") from None
    try:
        staging.chmod(0o755)
        # The marker goes first: a staging folder left by a killed run is recognisable.
        _write(staging / SITE_MARKER, _marker(files))
        for rel, data in files.items():
            _write(staging / rel, data)
        _sync_tree(staging)
        _swap_in(staging, out)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise FeedError(str(out), f"cannot write: {exc.strerror or exc}") from None
        raise
    return out


def _marker(files: Mapping[str, bytes]) -> bytes:
    listing = {"generator": _GENERATOR, "files": sorted(files)}
    return (json.dumps(listing, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _listed(folder: Path) -> frozenset[str] | None:
    """The files a build wrote in ``folder`` by its marker, or None when it has none."""
    marker = folder / SITE_MARKER
    if not marker.is_file() or marker.is_symlink():
        return None
    try:
        listing = json.loads(marker.read_bytes()[: 1 << 22])
    except (OSError, ValueError):
        return None
    if not isinstance(listing, dict) or listing.get("generator") != _GENERATOR:
        return None
    names = listing.get("files")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    return frozenset(names)


def _entries(folder: Path) -> list[str]:
    """Every file and folder below ``folder``, as relative POSIX paths, sorted."""
    found = []
    for root, dirs, names in os.walk(folder):
        base = Path(root).relative_to(folder)
        found += [(base / n).as_posix() for n in dirs + names]
    return sorted(found)


def _refuse_foreign(out: Path) -> None:
    entries = _entries(out)
    if not entries:
        return
    listed = _listed(out)
    if listed is None:
        foreign = entries
        why = "was not made by summitcal build (it has no marker)"
    else:
        folders = {Path(f).parent.as_posix() for f in listed} | {SITE_MARKER}
        parents = {p.as_posix() for f in listed for p in Path(f).parents}
        foreign = [e for e in entries if e not in listed and e not in folders | parents]
        why = "holds files that summitcal build did not write"
    if foreign:
        shown = ", ".join(foreign[:_SHOWN])
        more = f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else ""
        raise FeedError(
            str(out),
            f"{why}: {shown}{more}; build into a new or empty directory, "
            "or pass --force to replace it",
        )


def _recover(out: Path) -> None:
    """Undo what a killed build left: the old site set aside, staging folders."""
    # The name is escaped: a site called "[ab]" must not match the leftovers of "a" or "b".
    name = glob.escape(out.name)
    aside = sorted(out.parent.glob(_ASIDE.format(name=name) + "*"), key=_mtime)
    if not out.exists() and aside and _listed(aside[-1]) is not None:
        aside.pop().replace(out)  # the site a killed swap had set aside
    for stale in aside + list(out.parent.glob(_STAGING.format(name=name) + "*")):
        if not stale.is_dir() or stale.is_symlink():
            continue
        if _listed(stale) is not None or not any(stale.iterdir()):
            shutil.rmtree(stale, ignore_errors=True)


def _mtime(path: Path) -> float:
    return path.stat().st_mtime


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    target.chmod(0o644)


def _sync_tree(root: Path) -> None:
    """Flush every file under ``root`` to disk before the swap makes it visible."""
    for path in sorted(root.rglob("*")):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _swap_in(staging: Path, out: Path) -> None:
    """Make ``staging`` the new ``out``; the old ``out`` (if any) is removed."""
    if not out.exists():
        staging.replace(out)
        return
    if exchange(staging, out):
        _remove_site(staging)  # it now holds the old site
        return
    aside = Path(tempfile.mkdtemp(prefix=_ASIDE.format(name=out.name), dir=out.parent))
    aside.rmdir()  # only its unique name is wanted
    out.replace(aside)
    try:
        staging.replace(out)
    except BaseException:
        aside.replace(out)
        raise
    _remove_site(aside)


def _remove_site(folder: Path) -> None:
    """Delete a site folder, its marker last: a run killed half way through leaves a
    folder the next build still recognises (by the marker) and sweeps away."""
    marker = folder / SITE_MARKER
    for entry in folder.iterdir():
        if entry == marker:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    marker.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


def exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step where the system can; say whether it did.

    Returns False (and changes nothing) when the system or the file system has no
    atomic exchange; raises OSError for any other failure.
    """
    libc_name = ctypes.util.find_library("c")
    if sys.platform.startswith("linux"):
        call, flag, args = "renameat2", 2, True  # RENAME_EXCHANGE
    elif sys.platform == "darwin":
        call, flag, args = "renamex_np", 2, False  # RENAME_SWAP
    else:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    function = getattr(libc, call, None)
    if function is None:
        return False
    at_fdcwd = -100
    if args:
        rc = function(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), flag)
    else:
        rc = function(os.fsencode(a), os.fsencode(b), flag)
    if rc == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
