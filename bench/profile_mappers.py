"""Profile is24_common's read_xml and write_xml on a contact list with cProfile.

    python bench/profile_mappers.py               # the 1,000-contact list
    python bench/profile_mappers.py --size 10 --top 40

Prints, for each call, the functions with the most own time (tottime) and
the most time including callees (cumtime). cProfile adds a roughly constant
cost to every function call, so functions called very often look slower
than they are. Compare shares with the benchmark's table, not absolute times.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from inputs import make_documents  # noqa: E402


def profile(label: str, call, repetitions: int, top: int) -> None:
    call()  # warm up imports and caches outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repetitions):
        call()
    profiler.disable()
    for order in ("tottime", "cumulative"):
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        print(f"## {label}: {repetitions} calls, sorted by {order}\n")
        print(stream.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size", type=int, default=1000, help="contacts in the list (default: 1000)"
    )
    parser.add_argument(
        "--repetitions", type=int, default=5, help="profiled calls (default: 5)"
    )
    parser.add_argument(
        "--top", type=int, default=25, help="functions listed per table (default: 25)"
    )
    parser.add_argument(
        "--rules", action="store_true", help="apply the business rules too"
    )
    arguments = parser.parse_args()

    import is24_common

    document = next(
        d for d in make_documents([arguments.size]) if d.entries == arguments.size
    )
    data = document.xml.read_bytes()
    limits = is24_common.Limits(max_bytes=max(64 * 1024 * 1024, 2 * len(data)))
    contacts = is24_common.read_xml(data, limits=limits)
    rules = arguments.rules
    profile(
        f"read_xml(rules={rules}) on {document.name}",
        lambda: is24_common.read_xml(data, rules=rules, limits=limits),
        arguments.repetitions,
        arguments.top,
    )
    profile(
        f"write_xml(rules={rules}, pretty=False) on {document.name}",
        lambda: is24_common.write_xml(contacts, rules=rules, pretty=False),
        arguments.repetitions,
        arguments.top,
    )


if __name__ == "__main__":
    main()
