"""The `[tool.codegen]` table of pyproject.toml, and command-line overrides of it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from codegen.errors import CodegenError


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

    def with_overrides(self, **overrides: object) -> Config:
        return replace(
            self, **{key: value for key, value in overrides.items() if value}
        )


def read_config(pyproject: Path) -> Config:
    """Read `[tool.codegen]` from a pyproject.toml file."""
    try:
        with pyproject.open("rb") as stream:
            table = tomllib.load(stream).get("tool", {}).get("codegen")
    except FileNotFoundError:
        raise CodegenError(
            "pyproject.toml not found: run from the project folder, or give --schema, "
            "--out and --package",
            file=pyproject,
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise CodegenError(
            f"pyproject.toml is not valid TOML: {error}", file=pyproject
        ) from None
    if table is None:
        raise CodegenError("pyproject.toml has no [tool.codegen] table", file=pyproject)

    root = pyproject.parent
    try:
        return Config(
            root=root,
            schema=root / table["schema"],
            roots=tuple(table["roots"]),
            package=table["package"],
            out=root / table["out"],
            locations=dict(table.get("locations", {})),
            prefixes=dict(table.get("prefixes", {})),
            rules=tuple(table.get("rules", ())),
            json_array_roots=tuple(table.get("json-array-roots", ())),
            deprecations=dict(table.get("deprecated", {})),
        )
    except KeyError as error:
        raise CodegenError(
            f"[tool.codegen] lacks the required key {error.args[0]!r}", file=pyproject
        ) from None
