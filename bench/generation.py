"""Time code generation: `python -m codegen` against `xsdata generate` on one schema.

Each command runs in a subprocess into an empty temporary folder, and the
wall time of the whole process is taken, imports and the formatter pass
(black for codegen, ruff for xsdata) included.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from xml.etree import ElementTree

from xsdata_bindings import tool_environment, xsdata_command

PROJECT = Path(__file__).resolve().parent.parent
XSD = "{http://www.w3.org/2001/XMLSchema}"


@dataclass
class GenerationResult:
    """The timings of one generation command, or why it failed."""

    label: str
    tool: str
    # "roots" (the configured roots), "every" (codegen's widest run) or "xsdata".
    kind: str
    seconds: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None


def global_components(schema: Path) -> tuple[list[str], int]:
    """Return the schema's global element names and its number of named types.

    Files that the schema includes (same namespace) count too; imported ones
    do not, since they belong to other namespaces.
    """
    elements: list[str] = []
    type_count = 0
    pending, seen = [schema.resolve()], set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        root = ElementTree.parse(path).getroot()
        for child in root:
            if child.tag == XSD + "element":
                elements.append(child.get("name"))
            elif child.tag in (XSD + "complexType", XSD + "simpleType"):
                type_count += 1
            elif child.tag == XSD + "include" and child.get("schemaLocation"):
                pending.append((path.parent / child.get("schemaLocation")).resolve())
    return elements, type_count


def _run(command: list[str], cwd: Path) -> tuple[float, str | None]:
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, env=tool_environment(), capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        error_lines = [line for line in message if line.startswith("error:")]
        return (
            seconds,
            (error_lines or message or ["exit status " + str(result.returncode)])[0],
        )
    return seconds, None


def _time_command(
    label: str,
    tool: str,
    kind: str,
    make_command: Callable[[Path], list[str]],
    repetitions: int,
    cwd: Path | None = None,
) -> GenerationResult:
    """Run a command `repetitions` times, each writing into a fresh folder.

    The command runs in `cwd`, or in that fresh folder when `cwd` is None. A
    failure stops the repetitions and is kept as the result's error.
    """
    result = GenerationResult(label, tool, kind)
    for _ in range(repetitions):
        with tempfile.TemporaryDirectory(prefix="bench-generate-") as scratch:
            folder = Path(scratch)
            seconds, error = _run(make_command(folder), cwd or folder)
        if error is not None:
            result.error = error
            return result
        result.seconds.append(seconds)
    return result


def time_generation(
    schema: Path, repetitions: int
) -> tuple[list[GenerationResult], list[str]]:
    """Time generation for the configured roots, for every global element, and by xsdata.

    Returns the results and notes on what each row covers.
    """
    elements, type_count = global_components(schema)
    has_all_option = _codegen_has_all_option()

    def codegen(options: list[str]) -> Callable[[Path], list[str]]:
        def command(out: Path) -> list[str]:
            arguments = [sys.executable, "-m", "codegen", "--schema", str(schema)]
            arguments += ["--out", str(out), "--package", "bench_generated", "-q"]
            return arguments + options

        return command

    if has_all_option:
        every_label, every_command = "every type (--all)", codegen(["--all"])
    else:
        every_label = f"every global element ({len(elements)})"
        every_command = codegen(
            [option for name in elements for option in ("--root", name)]
        )
    # codegen runs from the project folder so that it reads [tool.codegen]
    # (prefixes, rules, configured roots) from this project's pyproject.toml.
    results = [
        _time_command(
            "configured roots", "codegen", "roots", codegen([]), repetitions, PROJECT
        ),
        _time_command(
            every_label, "codegen", "every", every_command, repetitions, PROJECT
        ),
        _time_command(
            f"every type ({type_count} named types, {len(elements)} global elements)",
            "xsdata",
            "xsdata",
            lambda out: xsdata_command(schema, "bench_xsdata"),
            repetitions,
        ),
    ]
    notes = [f"Generation input: {schema}; wall time of the whole command, median."]
    if not has_all_option:
        notes.append(
            "codegen has no option to generate every named type: its widest run "
            "passes every global element as --root, which reaches only the named "
            f"types those elements use. xsdata generates all {type_count} named types."
        )
    return results, notes


def _codegen_has_all_option() -> bool:
    """Tell whether this version of `python -m codegen` can generate every type."""
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "--help"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    return "--all" in result.stdout
