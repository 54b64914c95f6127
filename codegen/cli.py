"""Command line of the generator: `python -m codegen`."""

from __future__ import annotations

import argparse
import difflib
import keyword
import keyword
import logging
import sys
import traceback
from pathlib import Path

from codegen.config import Config, read_config
from codegen.errors import CodegenError
from codegen.generate import generate
from codegen.write import stale_files, write_package

logger = logging.getLogger("codegen")

PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description="Generate a Python package (dataclasses, XML and JSON mappers, "
        "validators) from an XML Schema. Without options it regenerates the package "
        "configured in [tool.codegen] of pyproject.toml.",
    )
    parser.add_argument(
        "--config",
        type=Path,
        help="pyproject.toml to read [tool.codegen] from (default: the one in the "
        "current folder, else this project's)",
    )
    parser.add_argument(
        "--schema",
        type=Path,
        help="XSD file to generate from, instead of the configured one",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="folder to write the package into; required with --schema",
    )
    parser.add_argument("--package", help="name of the generated package")
    parser.add_argument(
        "--root",
        action="append",
        metavar="ELEMENT",
        help="global element to generate, with every type it reaches; repeat for several",
    )
    parser.add_argument(
        "--location",
        action="append",
        metavar="NAMESPACE=PATH",
        help="schema file for a namespace imported without a location; repeat for several",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the package on disk differs from a fresh generation",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    return parser


def _config(arguments: argparse.Namespace) -> Config:
    if arguments.schema is not None and arguments.out is None:
        raise CodegenError(
            "--schema needs --out, so that the configured package is not overwritten"
        )
    package = arguments.package
    if package is not None and (
        not package.isidentifier() or keyword.iskeyword(package)
    ):
        raise CodegenError(f"--package {package!r} is not a valid Python package name")
    config_path = arguments.config
    if config_path is None:
        # Snapshot runs from another folder keep this project's prefixes and rules.
        in_folder = Path("pyproject.toml")
        config_path = in_folder if in_folder.is_file() else PROJECT_CONFIG
    config = read_config(config_path)
    locations = dict(config.locations)
    for item in arguments.location or ():
        namespace, separator, path = item.rpartition("=")
        if not separator or not namespace:
            raise CodegenError(f"--location {item!r} must have the form NAMESPACE=PATH")
        locations[namespace] = str(Path(path).resolve())
    return config.with_overrides(
        schema=arguments.schema.resolve() if arguments.schema else None,
        out=arguments.out.resolve() if arguments.out else None,
        package=arguments.package,
        roots=tuple(arguments.root) if arguments.root else None,
        locations=locations,
    )


def _check(files: dict[str, str], target: Path) -> int:
    stale = stale_files(files, target)
    if not stale:
        print(f"{target} is up to date")
        return 0
    print(f"{target} is stale; run `python -m codegen` to regenerate. Stale files:")
    for name in stale:
        print(f"  {name}")
        old_path = target / name
        old = (
            old_path.read_text(encoding="utf-8").splitlines(keepends=True)
            if old_path.is_file()
            else []
        )
        new = files.get(name, "").splitlines(keepends=True)
        diff = list(
            difflib.unified_diff(
                old, new, f"{name} (on disk)", f"{name} (generated)", n=1
            )
        )
        sys.stdout.writelines(diff[:40])
    return 1


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if arguments.quiet else logging.INFO, format="%(message)s"
    )
    try:
        config = _config(arguments)
        files = generate(config)
        target = config.out / config.package
        if arguments.check:
            return _check(files, target)
        write_package(files, target)
        return 0
    except CodegenError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except Exception:
        print(
            "INTERNAL ERROR: the generator failed; please report this with the traceback below.",
            file=sys.stderr,
        )
        traceback.print_exc()
        return 3
