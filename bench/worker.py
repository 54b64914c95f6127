"""Time operations in a fresh process and print the results as one JSON line.

`run.py` starts this script once per row (or once per tool with `--quick`)
so that one row's memory does not inflate the peak of the next. The spec
comes as a JSON argument; see `run.py` for its fields.

Peak memory is the rise of the resident set size (VmHWM over VmRSS in
/proc/self/status) during one call, after the kernel's peak counter is reset
by writing 5 to /proc/self/clear_refs (Linux 4.0 and later). Unlike
tracemalloc it counts the C allocations of lxml and expat and does not slow
the call. Where the reset is refused, tracemalloc measures a separate call,
and the result records "tracemalloc" as the method.
"""

from __future__ import annotations

import ctypes
import gc
import json
import math
import statistics
import sys
import time
import tracemalloc
import traceback
from pathlib import Path
from typing import Callable

from operations import Inputs, Tools, prepare

# A sample times enough calls to last at least this long, so that the clock's
# resolution and the loop's own cost stay below 1% of a sample.
MIN_SAMPLE_SECONDS = 0.005
# Calls faster than the budget get at least this many samples.
MIN_SAMPLES = 5
MAX_SAMPLES = 31


def _status_bytes(field: str) -> int:
    """Return a memory field of /proc/self/status (VmRSS, VmHWM) in bytes."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise LookupError(f"/proc/self/status has no {field} line")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def _release_free_memory() -> None:
    """Collect garbage and hand free heap pages back to the kernel.

    Memory that setup freed but the C allocator kept would otherwise be
    reused by the measured call without raising the resident size.
    """
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError):
        pass  # not glibc: the peak may be underestimated by what setup freed


def measure_first_call(call: Callable[[], object]) -> tuple[float, int, str]:
    """Time one call and return (seconds, peak bytes, how the peak was measured).

    A call that returns False (a validator that rejects the document) raises.
    """
    _release_free_memory()
    before = _status_bytes("VmRSS")
    if _reset_peak():
        start = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - start
        peak = _status_bytes("VmHWM") - before
        method = "rss"
    else:
        start = time.perf_counter()
        call()
        seconds = time.perf_counter() - start
        tracemalloc.start()
        result = call()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        method = "tracemalloc"
    if result is False:
        raise ValueError("the validator rejects the document")
    del result
    return seconds, max(peak, 0), method


def time_call(call: Callable[[], object], first: float, budget: float) -> list[float]:
    """Return seconds per call for each sample, spending about `budget` seconds.

    A call slower than the budget is not repeated: its first timing is the
    only sample.
    """
    if first >= budget:
        return [first]
    calls_per_sample = max(1, math.ceil(MIN_SAMPLE_SECONDS / max(first, 1e-9)))
    count = int((budget - first) / (calls_per_sample * first))
    count = min(max(count, MIN_SAMPLES - 1), MAX_SAMPLES)
    samples = [first] if calls_per_sample == 1 else []
    for _ in range(count):
        start = time.perf_counter()
        for _ in range(calls_per_sample):
            call()
        samples.append((time.perf_counter() - start) / calls_per_sample)
    return samples


def _time_once(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def run_row(row: dict, tools: Tools, budget: float, quick: bool) -> dict:
    """Set up, warm up, measure and time one row; errors go into the result."""
    result = {"key": row["key"], "document": row["document"]}
    try:
        call = prepare(row["key"], _inputs(row["inputs"]), tools)
        warmup = row.get("warmup")
        # The first call builds caches (xsdata's class metadata, imports).
        # Lists warm up on a small list of the same root, so their measured
        # call is warm. A small document's measured call is cold, so it
        # counts for memory only and is timed again.
        if warmup:
            prepare(row["key"], _inputs(warmup), tools)()
        first, peak, method = measure_first_call(call)
        if not warmup:
            first = _time_once(call)
        samples = [first] if quick else time_call(call, first, budget)
    except Exception as error:  # noqa: BLE001 - reported in the table, run goes on
        result["error"] = f"{type(error).__name__}: {error}"
        result["traceback"] = traceback.format_exc()
        return result
    result.update(
        median=statistics.median(samples),
        samples=len(samples),
        peak_bytes=peak,
        memory_method=method,
    )
    return result


def _inputs(spec: dict) -> Inputs:
    return Inputs.load(
        Path(spec["xml"]), Path(spec["json"]), spec["root"], spec["is_list"]
    )


def main() -> None:
    spec = json.loads(sys.argv[1])
    tools = Tools(**{name: Path(value) for name, value in spec["tools"].items()})
    results = [
        run_row(row, tools, spec["budget"], spec["quick"]) for row in spec["rows"]
    ]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
