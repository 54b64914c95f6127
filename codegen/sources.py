"""Find the schema file that a `diff` argument names.

An argument is a schema file, a folder that contains one, or a git revision and
path such as `HEAD~1:schema/common-1.0.xsd`. For a revision the whole folder of
the schema is exported at that revision, so that its includes and imports
resolve as they did then.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from codegen.errors import CodegenError


@contextmanager
def schema_source(argument: str, schema_name: str, scratch: Path) -> Iterator[Path]:
    """Yield the path of the schema that `argument` names.

    Args:
        argument: a file, a folder, or `REVISION:PATH` inside this git work tree.
        schema_name: the file to pick from a folder that contains several schemas.
        scratch: an empty folder to export a git revision into.
    """
    path = Path(argument)
    if path.is_file():
        yield path
    elif path.is_dir():
        yield _schema_in_folder(path, schema_name)
    elif ":" in argument and not path.exists():
        yield _export_revision(argument, scratch)
    else:
        raise CodegenError(
            f"{argument!r} is neither a schema file, a folder, nor REVISION:PATH; "
            "give an existing path or a git revision such as HEAD~1:schema/common-1.0.xsd"
        )


def config_file(argument: str, scratch: Path) -> Path:
    """Return the path of the pyproject.toml that `argument` names.

    Args:
        argument: a file, or `REVISION:PATH` inside this git work tree.
        scratch: a folder to write the file of a git revision into.
    """
    path = Path(argument)
    if path.is_file():
        return path
    if ":" not in argument or path.exists():
        raise CodegenError(
            f"{argument!r} is neither a pyproject.toml file nor REVISION:PATH; give "
            "an existing file or a git revision such as HEAD~1:pyproject.toml"
        )
    revision, inner_path = _revision_path(argument)
    top = _git(["rev-parse", "--show-toplevel"], argument).decode().strip()
    text = _git(["-C", top, "show", f"{revision}:{inner_path.as_posix()}"], argument)
    scratch.mkdir(parents=True, exist_ok=True)
    target = scratch / inner_path.name
    target.write_bytes(text)
    return target


def _revision_path(argument: str) -> tuple[str, PurePosixPath]:
    """Split `REVISION:PATH`, raising unless the path stays inside the repository."""
    revision, _, inner = argument.partition(":")
    inner_path = PurePosixPath(inner)
    if (
        not revision
        or not inner
        or inner_path.is_absolute()
        or ".." in inner_path.parts
    ):
        raise CodegenError(
            f"{argument!r} is not of the form REVISION:PATH with a path inside the "
            "repository, such as HEAD~1:schema/common-1.0.xsd"
        )
    return revision, inner_path


def _schema_in_folder(folder: Path, schema_name: str) -> Path:
    candidate = folder / schema_name
    if candidate.is_file():
        return candidate
    schemas = sorted(folder.glob("*.xsd"))
    if len(schemas) == 1:
        return schemas[0]
    if not schemas:
        raise CodegenError(
            f"folder {folder} contains no schema: expected {schema_name} or one .xsd file"
        )
    listed = ", ".join(path.name for path in schemas[:10])
    raise CodegenError(
        f"folder {folder} has no {schema_name} and {len(schemas)} other schemas "
        f"({listed}); name the schema file instead of the folder"
    )


def _export_revision(argument: str, scratch: Path) -> Path:
    revision, inner_path = _revision_path(argument)
    inner = inner_path.as_posix()
    top = _git(["rev-parse", "--show-toplevel"], argument).decode().strip()
    folder = inner_path.parent.as_posix()
    archive = _git(
        ["-C", top, "archive", "--format=tar", revision, "--", folder], argument
    )
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(scratch, filter="data")
    schema = scratch / inner_path
    if not schema.is_file():
        raise CodegenError(f"{inner} does not exist at revision {revision}")
    return schema


def _git(arguments: list[str], argument: str) -> bytes:
    try:
        completed = subprocess.run(
            ["git", *arguments], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise CodegenError(
            f"git is not installed, so {argument!r} cannot be read; export the schema "
            "to a file and give its path"
        ) from None
    if completed.returncode != 0:
        message = completed.stderr.decode(errors="replace").strip().splitlines()
        raise CodegenError(
            f"git could not read {argument!r}: "
            + (message[-1] if message else "unknown error")
            + "; check the revision and the path"
        )
    return completed.stdout
