"""Smoke test of the benchmark: `bench/run.py --quick` runs and prints its tables.

The benchmark's numbers are not checked; they depend on the machine. This
only guards the script against breaking as the generated package changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
# Generous: --quick takes about 20 s on 2 cores, most of it generation.
TIMEOUT_SECONDS = 300


@pytest.fixture(scope="module")
def quick_run(seed_folder: Path) -> subprocess.CompletedProcess:
    environment = dict(os.environ, IS24_SEED_EXAMPLES=str(seed_folder))
    return subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "run.py"), "--quick"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
    )


def table_rows(output: str) -> list[list[str]]:
    """Return the cells of every Markdown table row that is not a header rule."""
    rows = []
    for line in output.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_quick_run_exits_zero(quick_run: subprocess.CompletedProcess) -> None:
    assert quick_run.returncode == 0, quick_run.stderr[-3000:]


def test_quick_run_prints_machine(quick_run: subprocess.CompletedProcess) -> None:
    assert "- CPU: " in quick_run.stdout
    assert "- Python " in quick_run.stdout
    assert "xsdata 26." in quick_run.stdout


@pytest.mark.parametrize(
    "tool", ["is24_common", "xsdata", "xmlschema", "lxml", "stdlib"]
)
def test_quick_run_has_tool_row(
    quick_run: subprocess.CompletedProcess, tool: str
) -> None:
    tools = {row[1] for row in table_rows(quick_run.stdout) if len(row) > 2}
    assert tool in tools, quick_run.stdout


@pytest.mark.parametrize("group", ["XML read", "XML write", "JSON read", "JSON write"])
def test_quick_run_has_group_table(
    quick_run: subprocess.CompletedProcess, group: str
) -> None:
    assert f"### {group}\n" in quick_run.stdout


def test_quick_run_times_generation(quick_run: subprocess.CompletedProcess) -> None:
    generation_tools = {
        row[0]
        for row in table_rows(quick_run.stdout)
        if row and row[0] in ("codegen", "xsdata")
    }
    assert generation_tools == {"codegen", "xsdata"}


def test_quick_run_has_no_failed_row(quick_run: subprocess.CompletedProcess) -> None:
    failed = [
        row
        for row in table_rows(quick_run.stdout)
        if any(cell.startswith("failed:") for cell in row) and row[0] != "codegen"
    ]
    assert failed == []
