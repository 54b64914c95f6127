"""Command line of the generator: `python -m codegen`."""

from __future__ import annotations

import argparse
import difflib
import keyword
import logging
import os
import sys
import tempfile
import traceback
from dataclasses import replace
from pathlib import Path

from codegen.config import Config, is_package_name, read_config
from codegen.diff import compare_models
from codegen.errors import CodegenError
from codegen.generate import generate, load_model, schema_label
from codegen.load import build_model, global_groups, global_names, load_schema
from codegen.model import SchemaModel
from codegen.naming import NameMap
from codegen.pydantic_target import generate_pydantic
from codegen.report import Report, render
from codegen.sources import config_file, schema_source
from codegen.write import stale_files, write_package

logger = logging.getLogger("codegen")

PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description="Generate a Python package (dataclasses, XML and JSON mappers, "
        "validators) from an XML Schema. Without options it regenerates the package "
        "configured in [tool.codegen] of pyproject.toml.",
        epilog="`python -m codegen diff OLD NEW` compares two schema versions; see "
        "`python -m codegen diff --help`.",
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
        "--target",
        choices=("package", "pydantic"),
        default="package",
        help="what to generate: the package with its schema.json (default), or "
        "pydantic v2 models of its JSON form, in the package named by "
        "[tool.codegen] pydantic-package (default: PACKAGE_pydantic)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="generate every global element of the schema's target namespace as a "
        "root and every named type as a class (also `all = true` in [tool.codegen])",
    )
    parser.add_argument(
        "--use",
        action="append",
        metavar="NAMESPACE=PACKAGE",
        help="import the types of NAMESPACE from PACKAGE, a package generated before "
        "from that namespace's schema with --all, instead of generating them again; "
        "repeat for several",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the package on disk differs from a fresh generation",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only errors, not the progress and the include and import report",
    )
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
    config = _read_config(arguments.config)
    locations = _locations(config, arguments.location)
    origins = dict(config.location_origins)
    origins.update(
        {namespace: "--location" for namespace in _option_keys(arguments.location)}
    )
    reuse, reuse_origins = _reuse(config, arguments.use)
    if arguments.root and arguments.all:
        raise CodegenError("--root and --all exclude each other: give one of them")
    every_type = arguments.all or (config.every_type and not arguments.root)
    return config.with_overrides(
        schema=arguments.schema.resolve() if arguments.schema else None,
        out=arguments.out.resolve() if arguments.out else None,
        package=arguments.package,
        roots=tuple(arguments.root) if arguments.root else None,
        locations=locations,
        location_origins=origins,
        reuse=reuse,
        reuse_origins=reuse_origins,
    ).with_every_type(every_type)


def _option_keys(items: list[str] | None) -> list[str]:
    return [item.rpartition("=")[0] for item in items or ()]


def _reuse(
    config: Config, items: list[str] | None
) -> tuple[dict[str, str], dict[str, str]]:
    """Merge the --use options over [tool.codegen.use]: namespace -> package."""
    reuse = dict(config.reuse)
    origins = dict(config.reuse_origins)
    for item in items or ():
        namespace, separator, package = item.rpartition("=")
        if not separator or not namespace or not is_package_name(package):
            raise CodegenError(
                f"--use {item!r} must have the form NAMESPACE=PACKAGE, with a "
                "Python package name such as is24_common"
            )
        reuse[namespace] = package
        origins[namespace] = "--use"
    return reuse, origins


def _read_config(config_path: Path | None) -> Config:
    if config_path is not None and not config_path.is_file():
        raise CodegenError(
            f"--config {config_path} does not exist: give a pyproject.toml"
        )
    if config_path is None:
        # Snapshot runs from another folder keep this project's prefixes and rules.
        in_folder = Path("pyproject.toml")
        config_path = in_folder if in_folder.is_file() else PROJECT_CONFIG
    return read_config(config_path)


def _locations(config: Config, items: list[str] | None) -> dict[str, str]:
    locations = dict(config.locations)
    for item in items or ():
        namespace, separator, path = item.rpartition("=")
        if not separator or not namespace:
            raise CodegenError(f"--location {item!r} must have the form NAMESPACE=PATH")
        location = Path(path).resolve()
        if not location.is_file():
            raise CodegenError(
                f"--location {item!r} names no schema file: {location} does not exist"
            )
        locations[namespace] = str(location)
    return locations


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


def _diff_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen diff",
        description="Compare the generator's models of two schema versions and "
        "report each change with its severity for senders (clients that write "
        "requests) and receivers (clients that read responses).",
    )

    parser.add_argument(
        "old",
        metavar="OLD",
        help="the old schema: a file, a folder that contains it, or REVISION:PATH in git",
    )

    parser.add_argument("new", metavar="NEW", help="the new schema, in the same forms")

    parser.add_argument(
        "--config",
        type=Path,
        help="pyproject.toml to read roots and locations from (default: as for generation)",
    )

    roots = parser.add_mutually_exclusive_group()

    roots.add_argument(
        "--root",
        action="append",
        metavar="ELEMENT",
        help="global element to compare, with every type it reaches (default: the "
        "configured roots); repeat for several",
    )

    roots.add_argument(
        "--all",
        action="store_true",
        help="compare every global element and named type",
    )

    parser.add_argument(
        "--location",
        action="append",
        metavar="NAMESPACE=PATH",
        help="schema file for a namespace imported without a location; repeat for several",
    )

    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="report format (default: text; markdown fits a pull request)",
    )

    parser.add_argument(
        "--fail-on",
        choices=("breaking", "any", "none"),
        default="breaking",
        help="exit 1 when a change of this kind is found (default: breaking)",
    )

    parser.add_argument(
        "--audience",
        choices=("both", "sender", "receiver"),
        default="both",
        help="whose breaking changes --fail-on breaking counts (default: both)",
    )

    parser.add_argument(
        "--docs", action="store_true", help="also list documentation-only changes"
    )

    parser.add_argument(
        "--old-names",
        metavar="PYPROJECT",
        help="pyproject.toml (a file or REVISION:PATH) whose [tool.codegen.names] "
        "applies to OLD (default: the one of --config)",
    )

    parser.add_argument(
        "--new-names",
        metavar="PYPROJECT",
        help="pyproject.toml (a file or REVISION:PATH) whose [tool.codegen.names] "
        "applies to NEW (default: the one of --config)",
    )
    return parser


def _diff(argv: list[str]) -> int:
    arguments = _diff_parser().parse_args(argv)
    config = _read_config(arguments.config)
    locations = {
        namespace: str(config.root / path)
        for namespace, path in _locations(config, arguments.location).items()
    }
    roots = tuple(arguments.root or config.roots)
    schema_name = config.schema.name
    with tempfile.TemporaryDirectory(prefix="codegen-diff-") as scratch:
        old_scratch, new_scratch = Path(scratch, "old"), Path(scratch, "new")
        old_names = _name_map(arguments.old_names, config, Path(scratch, "old-names"))
        new_names = _name_map(arguments.new_names, config, Path(scratch, "new-names"))
        with (
            schema_source(arguments.old, schema_name, old_scratch) as old_path,
            schema_source(arguments.new, schema_name, new_scratch) as new_path,
        ):
            old = _comparison_model(
                old_path, roots, arguments.all, locations, config, old_names
            )
            new = _comparison_model(
                new_path, roots, arguments.all, locations, config, new_names
            )
    # With --all, every global element is a root and the configured ones do not apply.
    missing = [
        root
        for root in ([] if arguments.all else roots)
        if not _has_root(old, root) and not _has_root(new, root)
    ]
    if missing:
        raise CodegenError(
            f"neither schema has a global element of complex type named {missing[0]!r}; "
            "check --root or "
            "the roots in [tool.codegen]"
        )
    report = Report(
        old_label=arguments.old,
        new_label=arguments.new,
        roots=["every global element and named type"] if arguments.all else roots,
        changes=compare_models(old, new),
        show_docs=arguments.docs,
        approximated=sorted(set(old.unsupported) | set(new.unsupported)),
    )
    sys.stdout.write(render(report, arguments.format))
    return 1 if _fails(report, arguments.fail_on, arguments.audience) else 0


def _name_map(argument: str | None, config: Config, scratch: Path) -> NameMap:
    """Return the name map of one side of a comparison."""
    if argument is None:
        return config.names
    return replace(read_config(config_file(argument, scratch)).names, source=argument)


def _comparison_model(
    path: Path,
    roots: tuple[str, ...],
    every_type: bool,
    locations: dict[str, str],
    config: Config,
    names: NameMap,
) -> SchemaModel:
    schema = load_schema(path, locations)
    element_names, type_names = global_names(schema)
    named_types: list[str] = []
    named_groups: list[str] = []
    if every_type:
        roots = tuple(element_names)
        named_types = type_names
        named_groups = global_groups(schema)
    else:
        # A root that one version lacks is reported as added or removed.
        local_names = {name.rpartition("}")[2] for name in element_names}
        roots = tuple(root for root in roots if root.rpartition("}")[2] in local_names)
    return build_model(
        schema,
        roots,
        source=schema_label(path, config.root),
        deprecations=config.deprecations,
        named_types=named_types,
        named_groups=named_groups,
        strict=False,
        names=names,
    )


def _has_root(model: SchemaModel, root: str) -> bool:
    return any(root in (item.name, item.tag) for item in model.roots)


def _fails(report: Report, fail_on: str, audience: str) -> bool:
    if fail_on == "none":
        return False
    if fail_on == "any":
        return any(change.severity != "docs" for change in report.changes)
    audiences = ("sender", "receiver") if audience == "both" else (audience,)
    return any(
        getattr(change, name).severity == "breaking"
        for change in report.changes
        for name in audiences
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["diff"]:
        return _run(lambda: _diff(argv[1:]), quiet=True)
    arguments = _parser().parse_args(argv)
    return _run(lambda: _generate(arguments), quiet=arguments.quiet)


def _generate(arguments: argparse.Namespace) -> int:
    config = _config(arguments)
    if arguments.target == "pydantic":
        files = generate_pydantic(load_model(config), config)
        target = config.out / config.pydantic_target_package()
    else:
        files = generate(config)
        target = config.out / config.package
    if arguments.check:
        return _check(files, target)
    write_package(files, target)
    return 0


def _run(command, quiet: bool) -> int:
    """Run a command, turning errors into exit statuses: 2 for input, 3 for bugs."""
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO, format="%(message)s"
    )
    try:
        return command()
    except CodegenError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of the output went away (`... | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception:
        print(
            "INTERNAL ERROR: the generator failed; please report this with the traceback below.",
            file=sys.stderr,
        )
        traceback.print_exc()
        return 3
