#!/usr/bin/env python3
"""Set up the project's virtual environment and run its two main tasks.

    python3 dev.py demo   regenerate generated/ and show a contact read, validated
                          and written as XML and JSON
    python3 dev.py test   run the whole test suite (extra arguments go to pytest)

Only Python 3.11+ is needed. The first run creates .venv and installs the
project with its test dependencies from pyproject.toml. Later runs reinstall
only when pyproject.toml changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".pyproject-sha256"


def ensure_environment() -> None:
    """Create .venv and install the project into it unless pyproject.toml is unchanged."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is required; this is {sys.version.split()[0]}")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.is_file() and STAMP.read_text() == digest:
        return
    if not PYTHON.exists():
        print("creating .venv", flush=True)
        venv.create(VENV, with_pip=True)
    print("installing the project and its test dependencies into .venv", flush=True)
    run([str(PYTHON), "-m", "pip", "install", "-qq", "--upgrade", "pip"])
    # -qq hides the build backend's notes on editable installs; errors still show.
    run([str(PYTHON), "-m", "pip", "install", "-qq", "-e", ".[test]"])
    STAMP.write_text(digest)


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def demo() -> None:
    run([str(PYTHON), "-m", "codegen"])
    run([str(PYTHON), str(ROOT / "examples" / "demo.py")])


def test(pytest_arguments: list[str]) -> None:
    run([str(PYTHON), "-m", "pytest", *pytest_arguments])


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("demo", "test"):
        sys.exit(__doc__)
    ensure_environment()
    if sys.argv[1] == "demo":
        demo()
    else:
        test(sys.argv[2:])


if __name__ == "__main__":
    main()
