"""Generate xsdata's bindings for the benchmark, once per schema and xsdata version.

The bindings go to `bench/.cache/xsdata-<digest>/`, which git ignores. They
are made from IS24's published schema when xsdata can generate it, and from
the project's own `schema/common-1.0.xsd` otherwise, and the returned note
names the schema used.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
PACKAGE = "is24_xsdata"


@dataclass(frozen=True)
class Bindings:
    """A generated xsdata package: the folder to put on sys.path, and its schema."""

    folder: Path
    schema: Path
    note: str


def xsdata_command(schema: Path, package: str) -> list[str]:
    """Return the `xsdata generate` command line for a schema, with default options."""
    return [
        sys.executable,
        "-m",
        "xsdata",
        "generate",
        str(schema),
        "--package",
        package,
    ]


def tool_environment() -> dict[str, str]:
    """Return the environment for xsdata, with the venv's scripts first on PATH.

    `xsdata generate` formats its output by running `ruff` from PATH, which the
    venv provides but which is missing when the venv is not activated.
    """
    environment = dict(os.environ)
    scripts = str(Path(sys.executable).parent)
    environment["PATH"] = scripts + os.pathsep + environment.get("PATH", "")
    return environment


def ensure_bindings(published: Path | None, project_schema: Path) -> Bindings:
    """Return cached bindings, generating them first if the cache lacks them."""
    failure = ""
    if published is not None:
        bindings, failure = _generate_cached(published)
        if bindings is not None:
            return Bindings(bindings, published, f"xsdata bindings from {published}")
    bindings, project_failure = _generate_cached(project_schema)
    if bindings is None:
        raise SystemExit(
            f"xsdata generate failed on {project_schema}:\n{project_failure}"
        )
    last_line = (failure.strip().splitlines() or ["no message"])[-1]
    reason = (
        f"xsdata failed on the published schema ({last_line})"
        if published is not None
        else "IS24_SCHEMAS is not set"
    )
    return Bindings(
        bindings,
        project_schema,
        f"xsdata bindings from the project's {project_schema.name}, "
        f"which states the same contract, because {reason}",
    )


def _schema_digest(schema: Path) -> str:
    """Hash the schema folder's XSD files and xsdata's version into a cache key."""
    digest = hashlib.sha256(metadata.version("xsdata").encode())
    digest.update(str(schema).encode())
    for path in sorted(schema.parent.rglob("*.xsd")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _generate_cached(schema: Path) -> tuple[Path | None, str]:
    """Generate bindings into the cache unless present; return the folder or the error."""
    folder = CACHE / f"xsdata-{_schema_digest(schema)}"
    if (folder / PACKAGE / "__init__.py").is_file():
        return folder, ""
    CACHE.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="xsdata-", dir=CACHE))
    try:
        result = subprocess.run(
            xsdata_command(schema, PACKAGE),
            cwd=scratch,
            env=tool_environment(),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not (scratch / PACKAGE / "__init__.py").is_file():
            return None, result.stderr or result.stdout
        # A rename within one folder is atomic, so a reader never sees half a package.
        try:
            scratch.rename(folder)
        except OSError:
            # Another run finished the same bindings first.
            if not (folder / PACKAGE / "__init__.py").is_file():
                raise
        return folder, ""
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
