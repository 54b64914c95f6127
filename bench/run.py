#!/usr/bin/env python3
"""Benchmark is24_common against xsdata, xmlschema, lxml and the standard library.

    python3 bench/run.py                      # lists of 10 and 1,000 contacts
    python3 bench/run.py --sizes 10,1000,100000 --output results.md
    python3 bench/run.py --quick              # tiny inputs, one call each: a smoke run

It times the same documents with every tool in one run. The project's
generated package and xsdata's bindings (generated from the same published
schema) read XML and JSON into validated objects and write them back.
xmlschema runs is_valid and to_dict, lxml parses and validates, and the
standard library's parsers give the floor. Code generation by
`python -m codegen` and `xsdata generate` is timed too. The output is
Markdown tables with the median time per document, the peak memory and each
tool's time as a multiple of ours.

Each row runs in its own process (see worker.py). Inputs and xsdata's
bindings are cached in bench/.cache/. IS24_SEED_EXAMPLES must name the folder
of IS24's documentation examples. IS24_SCHEMAS, when set, names the published
schemas; without it the project's schema/common-1.0.xsd is used instead.
Run with the system Python, the script re-runs itself in the project's .venv,
creating it first as `python3 dev.py` does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
PROJECT_SCHEMA = PROJECT / "schema" / "common-1.0.xsd"
PUBLISHED_SNAPSHOT = "2021-08-07"
QUICK_SIZES = [10]
# Lists are warmed up on this many contacts before the timed call.
WARMUP_SIZE = 10


def ensure_project_environment() -> None:
    """Re-run this script with the project's .venv Python unless it runs there already."""
    venv = PROJECT / ".venv"
    if Path(sys.prefix).resolve() == venv.resolve():
        return
    sys.path.insert(0, str(PROJECT))
    import dev

    dev.ensure_environment()
    os.execv(
        str(dev.PYTHON), [str(dev.PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]]
    )


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 bench/run.py",
        description="Time is24_common against xsdata, xmlschema, lxml and the "
        "standard library on the same IS24 documents, and print Markdown tables.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny inputs, one call per row, one process per tool: a smoke run "
        "(timings and memory are rough)",
    )
    parser.add_argument(
        "--sizes",
        default="10,1000",
        help="comma-separated numbers of contacts of the list documents "
        "(default: 10,1000; add 100000 for the large list, about 170 MB of XML)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=1.0,
        help="seconds of repeated calls per row after the first (default: 1.0); "
        "a call slower than this runs once",
    )
    parser.add_argument(
        "--output", type=Path, help="also write the Markdown to this file"
    )
    parser.add_argument(
        "--skip-generation",
        action="store_true",
        help="do not time python -m codegen and xsdata generate",
    )
    arguments = parser.parse_args()
    try:
        arguments.sizes = sorted(
            {int(size) for size in arguments.sizes.split(",") if size}
        )
    except ValueError:
        parser.error(f"--sizes {arguments.sizes!r} must be comma-separated integers")
    if any(size < 1 for size in arguments.sizes):
        parser.error("--sizes must be positive")
    if arguments.quick:
        arguments.sizes = QUICK_SIZES
    return arguments


def published_schema() -> Path | None:
    """Return the newest published common-1.0.xsd, or None when IS24_SCHEMAS is unset."""
    folder = os.environ.get("IS24_SCHEMAS")
    if not folder:
        return None
    path = Path(folder) / PUBLISHED_SNAPSHOT / "common-1.0.xsd"
    if not path.is_file():
        raise SystemExit(
            f"IS24_SCHEMAS={folder} has no {PUBLISHED_SNAPSHOT}/common-1.0.xsd"
        )
    return path


def plan_rows(documents: list, warmup_list, notes: list[str]) -> list[dict]:
    """List the rows to run: every operation that applies to each document."""
    import is24_common

    from operations import OPERATIONS

    rows = []
    for operation in OPERATIONS:
        if operation.requires and not hasattr(is24_common, operation.requires):
            notes.append(
                f"is24_common has no {operation.requires}() in this checkout, so the "
                f"`{operation.call}` rows are skipped."
            )
            continue
        for document in documents:
            if operation.lists_only and not document.is_list:
                continue
            rows.append(
                {
                    "key": operation.key,
                    "tool": operation.tool,
                    "document": document.name,
                    "inputs": _input_spec(document),
                    "warmup": _input_spec(warmup_list) if document.is_list else None,
                }
            )
    return rows


def _input_spec(document) -> dict:
    return {
        "xml": str(document.xml),
        "json": str(document.json),
        "root": document.root,
        "is_list": document.is_list,
    }


def run_workers(
    rows: list[dict], tools: dict, budget: float, quick: bool
) -> list[dict]:
    """Run each row in its own worker process, or one process per tool when quick."""
    if quick:
        batches: dict[str, list[dict]] = {}
        for row in rows:
            batches.setdefault(row["tool"], []).append(row)
        groups = list(batches.values())
    else:
        groups = [[row] for row in rows]
    results = []
    done = 0
    for group in groups:
        for result in _run_worker(group, tools, budget, quick):
            done += 1
            _print_progress(done, len(rows), result)
            results.append(result)
    return results


def _run_worker(
    rows: list[dict], tools: dict, budget: float, quick: bool
) -> list[dict]:
    spec = {"rows": rows, "tools": tools, "budget": budget, "quick": quick}
    completed = subprocess.run(
        [sys.executable, str(BENCH / "worker.py"), json.dumps(spec)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    lines = completed.stdout.strip().splitlines()
    if completed.returncode == 0 and lines:
        return json.loads(lines[-1])
    reason = completed.stderr.strip().splitlines()[-1:] or [
        f"exit status {completed.returncode}"
    ]
    return [
        {
            "key": row["key"],
            "document": row["document"],
            "error": f"worker failed: {reason[0]}",
        }
        for row in rows
    ]


def _print_progress(done: int, total: int, result: dict) -> None:
    from report import format_seconds

    if "error" in result:
        outcome = "failed: " + result["error"].splitlines()[0]
        if "traceback" in result:
            print(result["traceback"], file=sys.stderr)
    else:
        outcome = format_seconds(result["median"])
    print(
        f"[{done}/{total}] {result['document']} {result['key']}: {outcome}",
        file=sys.stderr,
        flush=True,
    )


def main() -> None:
    arguments = parse_arguments()
    ensure_project_environment()
    sys.path.insert(0, str(BENCH))
    from generation import time_generation
    from inputs import make_documents
    from report import generation_table, machine_lines, operation_tables, target_lines
    from xsdata_bindings import ensure_bindings

    started = time.perf_counter()
    notes: list[str] = []
    published = published_schema()
    schema = published or PROJECT_SCHEMA
    if published is None:
        notes.append(
            "IS24_SCHEMAS is not set: xsdata, xmlschema and generation use the "
            f"project's {PROJECT_SCHEMA.relative_to(PROJECT)}, which states the "
            "same contract for the contact types."
        )
    all_documents = make_documents(sorted(set(arguments.sizes) | {WARMUP_SIZE}))
    warmup_list = next(d for d in all_documents if d.entries == WARMUP_SIZE)
    documents = [
        d for d in all_documents if not d.is_list or d.entries in arguments.sizes
    ]
    if arguments.quick:
        documents = [d for d in documents if d.name in ("contact-max", "list-10")]
    bindings = ensure_bindings(published, PROJECT_SCHEMA)
    notes.append(bindings.note + ".")
    tools = {
        "xsdata_folder": str(bindings.folder),
        "xsdata_schema": str(bindings.schema),
        "xmlschema_schema": str(schema),
        "lxml_schema": str(PROJECT_SCHEMA),
    }
    rows = plan_rows(documents, warmup_list, notes)
    results = run_workers(rows, tools, arguments.budget, arguments.quick)
    generation, generation_notes = [], []
    if not arguments.skip_generation:
        print("timing generation", file=sys.stderr, flush=True)
        generation, generation_notes = time_generation(
            schema, 1 if arguments.quick else 3
        )

    names = [document.name for document in documents]
    lines = ["## Benchmark results", ""]
    lines += machine_lines()
    lines += [
        f"- Command: `python3 bench/run.py {' '.join(sys.argv[1:])}`",
        f"- Total run time: {time.perf_counter() - started:.0f} s",
        "",
        *_method_notes(arguments.quick, schema),
        *(f"- {note}" for note in notes + generation_notes),
        "",
    ]
    lines += _document_lines(documents)
    lines += operation_tables(results, names)
    if generation:
        lines += generation_table(generation)
    lines += target_lines(results, names, generation)
    text = "\n".join(lines)
    if published is not None:
        # Name the shared folder by its variable, so the output fits any checkout.
        text = text.replace(str(published.parent.parent), "$IS24_SCHEMAS")
    print(text)
    if arguments.output:
        arguments.output.write_text(text + "\n", encoding="utf-8")
    failed = [result for result in results if "error" in result]
    if failed:
        sys.exit(f"{len(failed)} rows failed; see the table")


def _method_notes(quick: bool, schema: Path) -> list[str]:
    timing = (
        "one call per row, after one warm-up call (--quick: rough)"
        if quick
        else "the median of up to 31 samples per row, each sample at least 5 ms of "
        "calls, after one warm-up call; a call slower than the budget runs once"
    )
    return [
        f"- Time: time.perf_counter, {timing}. `time ÷ ours` is the row's median over "
        "the median of ours without business rules in the same group and document: "
        "above 1, ours is faster.",
        "- Peak memory: the rise of the process's resident set size (VmHWM) during "
        "one call, result included, in a fresh process per row"
        + (" (--quick: one process per tool)" if quick else "")
        + ". It counts the C allocations of lxml and expat; rises under 1 MiB are "
        "mostly allocator noise.",
        f"- xmlschema validates against {schema}; lxml against the project's "
        "schema/common-1.0.xsd, because libxml2 cannot load the published file (it "
        "imports xlink without a schemaLocation).",
        "- xsdata uses its defaults: lxml's event handler to parse and lxml's writer "
        "to serialize. It reads and writes its own JSON form, made from the same XML; "
        "ours reads and writes IS24's JSON form.",
    ]


def _document_lines(documents: list) -> list[str]:
    lines = [
        "| document | root | XML size | JSON size (IS24 form) |",
        "|---|---|---:|---:|",
    ]
    for document in documents:
        lines.append(
            f"| {document.name} | {document.root} | {_size(document.xml)} "
            f"| {_size(document.json)} |"
        )
    return lines + [""]


def _size(path: Path) -> str:
    size = path.stat().st_size
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / 1024 / 1024:.1f} MiB"


if __name__ == "__main__":
    main()
