"""``summitcal extract``: every temporal expression in one or more articles.

Inputs are plain-text files, TimeML files (``.tml``/``.xml``: the ``<TEXT>`` body is read
and its DCT is the publication date unless ``--published`` is given), directories of them,
or ``-`` for standard input.  Output is JSON Lines (one object per article), the article
with its dates marked (``text``), or TIMEX3-tagged TimeML.

Each input's publication date is, first found first:

1. its line in ``--manifest FILE``: CSV rows ``file,published`` (a header row is
   allowed) or JSON Lines ``{"file": ..., "published": "YYYY-MM-DD"}``, with paths
   relative to the manifest's folder;
2. ``--published DATE``, for every input;
3. the file's own: a TimeML DCT, or front matter, a block at the very top between two
   ``---`` lines holding ``published: YYYY-MM-DD``.  Front matter is blanked (its
   characters become spaces, its line breaks kept), so that nothing in it is extracted
   and mention offsets still count from the start of the file.

An input with none of these is an error that names it.

A progress bar is drawn on standard error when there are several inputs and standard
error is a terminal; it is a few lines of code here rather than a dependency, since all
it needs is a carriage return.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from summitcal.cli._common import add_force_argument, add_lang_argument, catalogue_paths, iso_date
from summitcal.errors import SummitcalError
from summitcal.extraction import Mention, extract
from summitcal.extraction.many import in_order, usable_cores
from summitcal.extraction.timeml import parse_timeml, to_timeml
from summitcal.publish import check_dir_target, write_file
from summitcal.resolver.languages import check

EXAMPLE = """\
Example:
  summitcal extract story.txt --published 2025-02-09
  summitcal extract tests/data/articles/ --format timeml --out-dir tagged/
  cat story.txt | summitcal extract - --published 2025-02-09 --format text
  summitcal extract articles/ --manifest articles/dates.csv
"""

_TIMEML_SUFFIXES = (".tml", ".xml", ".timeml")
_OUTPUT_SUFFIX = {"json": ".json", "text": ".txt", "timeml": ".tml"}
#: How each output format's files begin, to tell a file this command wrote from another
#: (the marked-up text has no such mark: an existing one is replaced only with --force).
_OUTPUT_HEAD = {"json": b'{"file": ', "timeml": b'<?xml version="1.0" ?>\n<TimeML>', "text": None}
_TEXT_SUFFIXES = (".txt", ".text", *_TIMEML_SUFFIXES)


class InputError(SummitcalError):
    """An input cannot be read or lacks a publication date."""


# Front matter: `---` on the first line, `---` on a later one; `published:` inside it.
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_PUBLISHED = re.compile(r"^published:[ \t]*[\"']?([0-9]{4}-[0-9]{2}-[0-9]{2})[\"']?[ \t]*$", re.M)


def front_matter_date(raw: str, name: str) -> tuple[str, date | None]:
    """The text with its front matter blanked, and the ``published:`` date it gives.

    Raises:
        InputError: If the front matter's ``published:`` is not an ISO date.
    """
    block = _FRONT_MATTER.match(raw)
    if block is None:
        return raw, None
    found = _PUBLISHED.search(block.group(1) or "")
    blanked = re.sub(r"[^\r\n]", " ", block.group(0)) + raw[block.end() :]
    if found is None:
        return blanked, None
    try:
        return blanked, date.fromisoformat(found.group(1))
    except ValueError:
        raise InputError(f"{name}: front matter: not a date: {found.group(1)!r}") from None


def read_manifest(path: str) -> dict[Path, date]:
    """Publication dates by resolved file path, from a CSV or JSON Lines manifest.

    Raises:
        InputError: Naming the manifest and the line of any entry it cannot read.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the manifest: {exc}") from None
    base = Path(path).parent
    is_json = text.lstrip().startswith("{")
    entries: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            row = _json_row(line, path, number) if is_json else next(csv.reader([line]))
            entries.append((number, row))
    dates: dict[Path, date] = {}
    for index, (number, row) in enumerate(entries):
        if len(row) != 2:
            raise InputError(f"{path}, line {number}: want two fields, file and date")
        name, value = row[0].strip(), row[1].strip()
        try:
            day = date.fromisoformat(value)
        except ValueError:
            if index == 0 and not is_json:
                continue  # a CSV header ("file,published")
            raise InputError(f"{path}, line {number}: not an ISO date: {value!r}") from None
        dates[(base / name).resolve()] = day
    return dates


def _json_row(line: str, path: str, number: int) -> list[str]:
    try:
        record = json.loads(line)
        return [str(record["file"]), str(record["published"])]
    except (ValueError, KeyError, TypeError):
        raise InputError(
            f"{path}, line {number}: want a JSON object with file and published"
        ) from None


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="find and resolve every date in articles",
        description=(
            "Find every temporal expression in articles (TimeML TIMEX3 conventions) and "
            "resolve it against the publication date."
        ),
        epilog=EXAMPLE,
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text or TimeML files, directories of them, or - for standard input",
    )
    p.add_argument(
        "--published",
        type=iso_date,
        metavar="DATE",
        help="publication date of every input (may be omitted for TimeML input with a "
        "DCT, or files with front matter giving 'published: YYYY-MM-DD')",
    )
    p.add_argument(
        "--manifest",
        metavar="FILE",
        help="each input's publication date: CSV rows 'file,published' or JSON Lines "
        '{"file": ..., "published": ...}, paths relative to the manifest',
    )
    p.add_argument("--format", choices=("json", "text", "timeml"), default="json")
    p.add_argument(
        "--no-narrative",
        action="store_true",
        help="anchor 'the next day' and bare clock times to the publication date",
    )
    add_lang_argument(p, "every input's")
    p.add_argument(
        "--out-dir",
        metavar="DIR",
        help="write one output file per input here (needed for --format timeml with "
        "several inputs)",
    )
    add_force_argument(p, "an existing output file in --out-dir")
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes to spread several files over (default: every core; 1 reads them "
        "in this process); output stays in input order",
    )
    p.set_defaults(handler=run)


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"at least 1, not {n}")
    return n


def _expand(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(
                str(p) for p in path.iterdir() if p.is_file() and p.suffix in _TEXT_SUFFIXES
            )
            if not found:
                raise InputError(f"{name}: no .txt or .tml files in this directory")
            out.extend(found)
        else:
            out.append(name)
    return out


def _read(name: str, published: date | None) -> tuple[str, date, str, str | None]:
    """The text, reference date, document id and title of one input.

    Args:
        published: The date given for it on the command line, if any (it wins).
    """
    raw, stem = _load(name)
    return _document(name, raw, stem, published)


def _load(name: str) -> tuple[str, str]:
    """The raw text of an input and its stem (``-`` is standard input)."""
    if name == "-":
        return sys.stdin.read(), "stdin"
    try:
        return Path(name).read_text(encoding="utf-8"), Path(name).stem
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def _document(
    name: str, raw: str, stem: str, published: date | None
) -> tuple[str, date, str, str | None]:
    """:func:`_read` for text already read."""
    is_timeml = name.endswith(_TIMEML_SUFFIXES) or raw.lstrip().startswith(("<?xml", "<TimeML"))
    if is_timeml:
        doc = parse_timeml(raw, source=name)
        reference = published or doc.dct
        if reference is None:
            raise InputError(f"{name}: no DCT in the file; give --published DATE")
        return doc.text, reference, doc.docid or stem, doc.title
    text, own = front_matter_date(raw, name)
    reference = published or own
    if reference is None:
        raise InputError(
            f"{name}: no publication date: give it in --manifest, in front matter "
            "('published: YYYY-MM-DD' between '---' lines), or with --published DATE"
        )
    return text, reference, stem, None


def _check_dates(names: list[str], dates: dict[Path, date], published: date | None) -> None:
    """Fail before any output when an input has no publication date from anywhere.

    Only the files that must date themselves are read here (one at a time, so memory
    stays that of the largest file); standard input is checked when it is read.
    """
    for name in names:
        if name != "-" and published is None and Path(name).resolve() not in dates:
            _read(name, None)


def _marked(text: str, mentions: list[Mention]) -> str:
    out: list[str] = []
    pos = 0
    for m in mentions:
        out.append(text[pos : m.start])
        extra = f" {m.mod.value}" if m.mod is not None else ""
        freq = f" freq={m.freq}" if m.freq else ""
        out.append(f"[{m.text} = {m.timex}{extra}{freq}]")
        if m.range is not None and m.span is not None and m.span.last == m.range.last:
            out.append(f" (range {m.range.timex})")  # after the range's last end
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def _render(
    fmt: str,
    name: str,
    text: str,
    ref: date,
    doc_id: str,
    title: str | None,
    mentions: list[Mention],
) -> str:
    if fmt == "json":
        record = {
            "file": name,
            "published": ref.isoformat(),
            "mentions": [m.to_dict() for m in mentions],
        }
        return json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
    if fmt == "timeml":
        return to_timeml(text, mentions, dct=ref, docid=doc_id, title=title)
    return _marked(text, mentions).rstrip("\n") + "\n"


def _progress(stream: TextIO, done: int, total: int, label: str) -> None:
    width = 30
    filled = width * done // total
    bar = "#" * filled + "-" * (width - filled)
    stream.write(f"\r[{bar}] {done}/{total} {label[-40:]:<40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def _outputs(args: argparse.Namespace, names: list[str]) -> Iterator[tuple[str, str, str]]:
    """(input name, document id, rendered output) for each input, in input order; several
    files are spread over ``--jobs`` processes (every core by default)."""
    dates = read_manifest(args.manifest) if args.manifest else {}
    _check_dates(names, dates, args.published)
    work = [
        (
            name,
            (dates.get(Path(name).resolve()) if name != "-" else None) or args.published,
            args.format,
            not args.no_narrative,
            args.lang,
        )
        for name in names
    ]
    jobs = min(args.jobs or usable_cores(), len(work))
    if jobs <= 1 or "-" in names:  # standard input is read in this process
        yield from map(_one, work)
        return
    if sys.stderr.isatty():  # said beside the progress bar, as quiet as it when piped
        sys.stderr.write(f"summitcal: {len(work)} files over {jobs} processes\n")
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # In input order, a file's error raised when its turn comes; a few files per task,
        # and a few tasks per process under way, so that memory holds a few outputs
        # rather than every file's.
        per_task = max(1, min(8, len(work) // (jobs * 8)))
        yield from in_order(pool, _one, work, in_flight=4 * jobs, per_task=per_task)


def _one(item: tuple[str, date | None, str, bool, str | None]) -> tuple[str, str, str]:
    """Read, extract and render one input (a top-level function, for worker processes)."""
    name, published, fmt, narrative, lang = item
    text, ref, doc_id, title = _read(name, published)
    mentions = extract(text, reference=ref, narrative=narrative, lang=lang)
    return name, doc_id, _render(fmt, name, text, ref, doc_id, title, mentions)


def _written_here(fmt: str) -> Callable[[bytes], bool]:
    """Tells from a file's first bytes whether this command wrote it in format ``fmt``."""
    head = _OUTPUT_HEAD[fmt]
    return lambda data: head is not None and data.startswith(head)


def run(args: argparse.Namespace) -> int:
    if args.lang is not None:
        check(args.lang)  # before any input is read
    names = _expand(args.files)
    if names.count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    if args.format == "timeml" and len(names) > 1 and not args.out_dir:
        raise InputError("several TimeML documents need --out-dir (one file each)")
    show = len(names) > 1 and sys.stderr.isatty()
    out_dir = Path(args.out_dir) if args.out_dir else None
    inputs = [Path(n) for n in names if n != "-"]
    if out_dir is not None:
        check_dir_target(out_dir, catalogue=catalogue_paths(args))
    for done, (name, doc_id, rendered) in enumerate(_outputs(args, names), start=1):
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            target = out_dir / f"{doc_id}{_OUTPUT_SUFFIX[args.format]}"
            write_file(
                target,
                rendered.encode("utf-8"),
                is_ours=_written_here(args.format),
                # neither an input nor the catalogue is written over, even with --force
                catalogue=[*inputs, *catalogue_paths(args)],
                force=args.force,
            )
        else:
            if args.format == "text" and len(names) > 1:
                sys.stdout.write(f"== {name} ==\n")
            sys.stdout.write(rendered)
        if show:
            _progress(sys.stderr, done, len(names), name)
    return 0
