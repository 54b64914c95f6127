"""The `[tool.codegen]` table of pyproject.toml, and command-line overrides of it."""

from __future__ import annotations

import keyword
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from codegen.errors import CodegenError
from codegen.naming import NameMap


@dataclass(frozen=True)
class Config:
    """Generation settings: the schema, its root elements and the target package.

    Relative paths are relative to `root`, the folder of pyproject.toml.
    """

    root: Path
    schema: Path
    roots: tuple[str, ...]
    package: str
    out: Path
    locations: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    rules: tuple[str, ...] = ()
    json_array_roots: tuple[str, ...] = ()
    deprecations: dict[str, str] = field(default_factory=dict)
    names: NameMap = field(default_factory=NameMap)
    # Package of the pydantic target; empty for the default, see pydantic_target_package.
    pydantic_package: str = ""

    def pydantic_target_package(self) -> str:
        """Return the package name of `--target pydantic`: `{package}_pydantic` by default."""
        return self.pydantic_package or f"{self.package}_pydantic"

    # Generate every global element as a root and every named type as a class.
    every_type: bool = False
    # Namespace -> Python package generated from it before, whose types the
    # generated package imports instead of generating them again.
    reuse: dict[str, str] = field(default_factory=dict)
    # Namespace -> where its location came from, for the import report.
    location_origins: dict[str, str] = field(default_factory=dict)
    # Where `reuse` came from, for messages.
    reuse_origins: dict[str, str] = field(default_factory=dict)

    def with_overrides(self, **overrides: object) -> Config:
        return replace(
            self, **{key: value for key, value in overrides.items() if value}
        )

    def with_every_type(self, every_type: bool) -> Config:
        """Return the settings with `every_type` set, also to False."""
        return replace(self, every_type=every_type)


def read_config(pyproject: Path) -> Config:
    """Read `[tool.codegen]` from a pyproject.toml file."""
    try:
        with pyproject.open("rb") as stream:
            document = tomllib.load(stream)
    except FileNotFoundError:
        raise CodegenError(
            "pyproject.toml not found: run from the project folder, or give --schema, "
            "--out and --package",
            file=pyproject,
        ) from None
    except OSError as error:
        raise CodegenError(
            f"pyproject.toml cannot be read: {error.strerror}", file=pyproject
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CodegenError(
            f"pyproject.toml is not valid TOML: {error}", file=pyproject
        ) from None
    tool = document.get("tool", {})
    table = tool.get("codegen") if isinstance(tool, dict) else None
    if table is None:
        raise CodegenError("pyproject.toml has no [tool.codegen] table", file=pyproject)
    if not isinstance(table, dict):
        raise CodegenError("[tool.codegen] must be a table", file=pyproject)
    _check_table(table, pyproject)

    root = pyproject.parent
    locations = dict(table.get("locations", {}))
    reuse = dict(table.get("use", {}))
    return Config(
        root=root,
        schema=root / table["schema"],
        roots=tuple(table.get("roots", ())),
        package=table["package"],
        out=root / table["out"],
        locations=locations,
        prefixes=dict(table.get("prefixes", {})),
        rules=tuple(table.get("rules", ())),
        json_array_roots=tuple(table.get("json-array-roots", ())),
        deprecations=dict(table.get("deprecated", {})),
        names=NameMap(dict(table.get("names", {})), source=str(pyproject)),
        pydantic_package=table.get("pydantic-package", ""),
        every_type=table.get("all", False),
        reuse=reuse,
        location_origins={
            namespace: f"[tool.codegen.locations] of {pyproject}"
            for namespace in locations
        },
        reuse_origins={
            namespace: f"[tool.codegen.use] of {pyproject}" for namespace in reuse
        },
    )


# Each key of [tool.codegen], with the TOML type its value must have.
_KEY_TYPES = {
    "schema": "a string",
    "roots": "an array of strings",
    "package": "a string",
    "out": "a string",
    "locations": "a table of strings",
    "prefixes": "a table of strings",
    "rules": "an array of strings",
    "json-array-roots": "an array of strings",
    "deprecated": "a table of strings",
    "names": "a table of strings",
    "pydantic-package": "a string",
    "all": "a boolean",
    "use": "a table of strings",
}
# `roots` may be left out when `all` is true.
_REQUIRED_KEYS = ("schema", "package", "out")


def _check_table(table: dict, pyproject: Path) -> None:
    """Raise a CodegenError naming the first missing, unknown or mistyped key."""
    for key in _REQUIRED_KEYS:
        if key not in table:
            raise CodegenError(
                f"[tool.codegen] lacks the required key {key!r}", file=pyproject
            )
    for key, value in table.items():
        if key not in _KEY_TYPES:
            raise CodegenError(
                f"[tool.codegen] has the unknown key {key!r}; the known keys are "
                + ", ".join(_KEY_TYPES),
                file=pyproject,
            )
        expected = _KEY_TYPES[key]
        if not _has_type(value, expected):
            raise CodegenError(
                f"[tool.codegen] {key} must be {expected}, not {value!r}",
                file=pyproject,
            )
    every_type = table.get("all", False)
    if not every_type and "roots" not in table:
        raise CodegenError(
            "[tool.codegen] lacks the required key 'roots'; list the global elements "
            "to generate, or set all = true to generate every one",
            file=pyproject,
        )
    for key in ("package", "pydantic-package"):
        package = table.get(key)
        if package is not None and (
            not package.isidentifier() or keyword.iskeyword(package)
        ):
            raise CodegenError(
                f"[tool.codegen] {key} {package!r} is not a valid Python package name",
                file=pyproject,
            )
    if not every_type and not table["roots"]:
        raise CodegenError(
            "[tool.codegen] roots is empty: list at least one global element, or set "
            "all = true to generate every global element and named type",
            file=pyproject,
        )
    for namespace, package in table.get("use", {}).items():
        if not is_package_name(package):
            raise CodegenError(
                f"[tool.codegen.use] maps {namespace!r} to {package!r}, which is not "
                "a valid Python package name",
                file=pyproject,
            )
    package = table["package"]
    if not package.isidentifier() or keyword.iskeyword(package):
        raise CodegenError(
            f"[tool.codegen] package {package!r} is not a valid Python package name",
            file=pyproject,
        )


def is_package_name(name: str) -> bool:
    """Return whether `name` is a dotted Python package name such as `is24_common`."""
    return all(
        part.isidentifier() and not keyword.iskeyword(part) for part in name.split(".")
    )


def _has_type(value: object, expected: str) -> bool:
    if expected == "a boolean":
        return isinstance(value, bool)
    if expected == "a string":
        return isinstance(value, str) and bool(value)
    if expected == "an array of strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
