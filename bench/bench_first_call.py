"""The first call in a fresh process: ``import summitcal`` and the first ``resolve``, and the
first ``extract`` of a short article, beside the same first call of the peers.

Each command runs in a new interpreter, the commands in turn (a shuffled order in each
round), ``--rounds`` times; the medians are printed, in milliseconds of CPU time (which a
busy machine distorts far less than wall time), of what the process measures itself
(from before its import to after its first answer) and of the whole process (its start
and exit included).  Nothing is cached
on disk by summitcal; whether Python finds byte-compiled modules is up to the
environment (``PYTHONDONTWRITEBYTECODE``, ``PYTHONPYCACHEPREFIX``), and the first line
says which.  The peers (dateparser, parsedatetime) come with the ``bench`` extra.

``--src LABEL=PATH`` (repeatable) runs summitcal's commands once per source tree named,
with ``PYTHONPATH`` set to it, interleaved with the rest: a before and an after measured
in the same rounds.

Usage: ``python bench/bench_first_call.py [--rounds 15] [--src before=../old/src ...]``
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys

ARTICLE = (
    "The summit opened on Monday, Feb. 10, in Paris, and ministers will meet again next "
    "year in New Delhi. Talks ended two days later, officials said on Thursday."
)

# name -> code that prints the milliseconds it spent from before its import to its answer
COMMANDS = {
    "python -c pass": "print(0.0)",
    "import summitcal": (
        "import time; t = time.process_time(); import summitcal; "
        "print((time.process_time() - t) * 1000)"
    ),
    "import + first resolve": (
        "import time; t = time.process_time(); import summitcal; from datetime import date; "
        "summitcal.resolve('on Friday', reference=date(2025, 2, 9), context='It was on Friday.'); "
        "print((time.process_time() - t) * 1000)"
    ),
    "import + first extract": (
        "import time; t = time.process_time(); import summitcal; from datetime import date; "
        f"summitcal.extract({ARTICLE!r}, reference=date(2025, 2, 9)); "
        "print((time.process_time() - t) * 1000)"
    ),
    "parsedatetime first parse": (
        "import time; t = time.process_time(); import parsedatetime; "
        "parsedatetime.Calendar().parse('friday'); print((time.process_time() - t) * 1000)"
    ),
    "dateparser first parse": (
        "import time; t = time.process_time(); import dateparser; "
        "dateparser.parse('friday'); print((time.process_time() - t) * 1000)"
    ),
}


OURS = ("import summitcal", "import + first resolve", "import + first extract")


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(code: str, env: dict[str, str] | None = None) -> tuple[float, float] | None:
    """(CPU ms measured inside, CPU ms of the whole process), or None if it failed."""
    start = _children_cpu()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    whole = (_children_cpu() - start) * 1000
    if done.returncode != 0:
        return None
    return float(done.stdout.split()[-1]), whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--src", action="append", default=[], help="LABEL=PATH, repeatable")
    args = parser.parse_args()
    pyc = "no .pyc written" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "byte-compiled"
    print(f"{args.rounds} rounds; modules {pyc}; load average {os.getloadavg()[0]:.2f}")
    # name -> (code, environment)
    cases: dict[str, tuple[str, dict[str, str] | None]] = {}
    for name, code in COMMANDS.items():
        if name in OURS and args.src:
            for label, _, path in (item.partition("=") for item in args.src):
                cases[f"{name} ({label})"] = (code, {**os.environ, "PYTHONPATH": path})
        else:
            cases[name] = (code, None)
    inside: dict[str, list[float]] = {name: [] for name in cases}
    whole: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    rng = random.Random(1)
    for name in names:  # once each first, untimed: compiled modules are written, if at all
        run(*cases[name])
    for _ in range(args.rounds):
        rng.shuffle(names)
        for name in names:
            got = run(*cases[name])
            if got is not None:
                inside[name].append(got[0])
                whole[name].append(got[1])
    width = max(len(name) for name in cases) + 2
    print(f"{'CPU time':<{width}}{'in process ms':>14}{'whole process ms':>18}")
    for name in cases:
        if not inside[name]:
            print(f"{name:<{width}}{'failed or not installed':>14}")
            continue
        print(
            f"{name:<{width}}{statistics.median(inside[name]):>14.1f}"
            f"{statistics.median(whole[name]):>18.1f}"
        )
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
