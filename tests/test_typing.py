"""The generated code type-checks with `mypy --strict`, is stable under black and lint-clean.

Four kinds of package are checked:

- the committed `generated/is24_common`;
- one package per construct case that generates today, and one per construct
  schema of the type shape, content model and built-in type tests (a case
  that stops with "not supported yet" joins once its construct lands);
- a package generated from the oldest published IS24 snapshot;
- a package that reuses another with `--use`.

mypy runs once per kind, with a cache under the test's temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import black
import pyflakes.api
import pyflakes.messages
import pytest

from codegen.cli import main
from codegen.render import _drop_unused_imports
from conftest import PROJECT

COMMITTED = PROJECT / "generated"
OLD_SNAPSHOT = "2014-06-27"
OLD_SNAPSHOT_ROOTS = ("realtorContactDetail", "realtorContactDetailsList")


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.fixture(scope="module")
def case_packages(
    cases_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[str]]:
    """Generate every construct case that generates; return the folder and package names."""
    folder = tmp_path_factory.mktemp("case-packages")
    packages = []
    for case in sorted(path for path in (cases_folder / "codegen").iterdir()):
        if not case.is_dir():
            continue
        package = "case_" + case.name.replace("-", "_")
        status = _generate(case / "schema.xsd", folder, package, _root_names(case))
        # Exit status 2 is an unsupported construct; test_construct_cases checks its message.
        assert status in (0, 2), f"{case.name}: generation failed with status {status}"
        if status == 0:
            packages.append(package)
    assert packages, "no construct case generates"
    for name, (schema, roots) in sorted(_construct_schemas().items()):
        path = folder / f"{name}.xsd"
        path.write_text(schema, encoding="utf-8")
        package = "schema_" + name
        assert _generate(path, folder, package, roots) == 0, name
        packages.append(package)
    return folder, packages


def _construct_schemas() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Return the construct schemas of the other tests, with their roots, by name."""
    import test_builtin_types
    import test_content_models
    import test_type_shapes

    schemas = {
        "shapes": (test_type_shapes.SCHEMA, ("doc", "figure", "gadget")),
        "builtin": (test_builtin_types._schema_text(), ("doc",)),
    }
    for name, (schema, _) in test_content_models.SCHEMAS.items():
        schemas[f"content_{name}"] = (schema, ("r",))
    return schemas


@pytest.fixture(scope="module")
def old_snapshot_package(
    schemas_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("old-snapshot")
    schema = schemas_folder / OLD_SNAPSHOT / "common-1.0.xsd"
    status = _generate(schema, folder, "old_common", OLD_SNAPSHOT_ROOTS)
    assert status == 0, f"generating from the {OLD_SNAPSHOT} snapshot failed"
    return folder / "old_common"


@pytest.fixture(scope="module")
def reusing_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generate the small base schema of test_whole_schemas and a package reusing it."""
    import test_whole_schemas as whole

    folder = tmp_path_factory.mktemp("reusing")
    for name, text in whole.SCHEMAS.items():
        (folder / name).write_text(text, encoding="utf-8")
    common = ["--all", "--out", str(folder), "-q"]
    base = ["--schema", str(folder / "base.xsd"), "--package", "typed_base"]
    assert main([*common, *base]) == 0
    reuse = [
        "--schema",
        str(folder / "offer.xsd"),
        "--package",
        "typed_offer",
        "--location",
        f"{whole.BASE}={folder / 'base.xsd'}",
        "--use",
        f"{whole.BASE}=typed_base",
    ]
    assert main([*common, *reuse]) == 0
    return folder


def _root_names(case: Path) -> list[str]:
    """Return the local names of the root elements of the case's instances."""
    names = {
        ET.parse(path).getroot().tag.rpartition("}")[2] for path in case.glob("*.xml")
    }
    return sorted(names)


def _generate(schema: Path, out: Path, package: str, roots) -> int:
    arguments = ["--schema", str(schema), "--out", str(out), "--package", package]
    for root in roots:
        arguments += ["--root", root]
    return main([*arguments, "-q"])


def _run_mypy(folder: Path, packages: list[str], cache: Path) -> str:
    """Run `mypy --strict` on packages found in `folder`; return its output on failure."""
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache)]
    for package in packages:
        command += ["-p", package]
    # The packages are found through the working folder, not through an installation.
    environment = {**os.environ, "MYPYPATH": str(folder)}
    result = subprocess.run(
        command, cwd=folder, env=environment, capture_output=True, text=True
    )
    return "" if result.returncode == 0 else result.stdout + result.stderr


def _python_files(folder: Path) -> list[Path]:
    files = sorted(folder.rglob("*.py"))
    assert files, f"no Python files in {folder}"
    return files


def _pyflakes_messages(path: Path) -> list[str]:
    """Return what pyflakes reports on a file: unused imports, unused variables, ..."""

    class Collector:
        def __init__(self) -> None:
            self.messages: list[str] = []

        def unexpectedError(self, filename: str, message: str) -> None:
            self.messages.append(f"{filename}: {message}")

        def syntaxError(self, filename, message, row, column, text) -> None:
            self.messages.append(f"{filename}:{row}: {message}")

        def flake(self, message: pyflakes.messages.Message) -> None:
            self.messages.append(str(message))

    collector = Collector()
    pyflakes.api.check(path.read_text(), str(path), collector)
    return collector.messages


def test_committed_package_passes_mypy_strict(mypy_cache):
    output = _run_mypy(COMMITTED, ["is24_common"], mypy_cache)
    assert output == "", output


def test_case_packages_pass_mypy_strict(case_packages, mypy_cache):
    folder, packages = case_packages
    output = _run_mypy(folder, packages, mypy_cache)
    assert output == "", output


def test_old_snapshot_package_passes_mypy_strict(old_snapshot_package, mypy_cache):
    output = _run_mypy(old_snapshot_package.parent, ["old_common"], mypy_cache)
    assert output == "", output


def test_reusing_package_passes_mypy_strict(reusing_packages, mypy_cache):
    output = _run_mypy(reusing_packages, ["typed_base", "typed_offer"], mypy_cache)
    assert output == "", output


def test_committed_package_has_no_type_ignore():
    for path in _python_files(COMMITTED / "is24_common"):
        assert "type: ignore" not in path.read_text(), path


def _all_generated_folders(request) -> list[Path]:
    """The committed package, and the case and snapshot packages when their inputs are set."""
    folders = [COMMITTED / "is24_common"]
    if os.environ.get("IS24_CASES"):
        case_folder, packages = request.getfixturevalue("case_packages")
        folders += [case_folder / package for package in packages]
    if os.environ.get("IS24_SCHEMAS"):
        folders.append(request.getfixturevalue("old_snapshot_package"))
    folders.append(request.getfixturevalue("reusing_packages") / "typed_offer")
    return folders


def test_black_second_pass_changes_nothing(request):
    for folder in _all_generated_folders(request):
        for path in _python_files(folder):
            text = path.read_text()
            assert black.format_str(text, mode=black.Mode()) == text, path


def test_pyflakes_reports_nothing(request):
    for folder in _all_generated_folders(request):
        for path in _python_files(folder):
            messages = _pyflakes_messages(path)
            if path.name == "exports.py":
                # exports.py imports only to re-export, for other packages.
                messages = [m for m in messages if "imported but unused" not in m]
            assert messages == [], path


def test_generated_packages_ship_py_typed():
    assert (COMMITTED / "is24_common" / "py.typed").is_file()
    assert (PROJECT / "is24_contact" / "py.typed").is_file()
    with (PROJECT / "pyproject.toml").open("rb") as stream:
        package_data = tomllib.load(stream)["tool"]["setuptools"]["package-data"]
    assert "py.typed" in package_data["is24_common"]
    assert "py.typed" in package_data["is24_contact"]


def test_hand_written_client_passes_mypy_strict(mypy_cache):
    # is24_contact imports the generated package, so mypy finds both through MYPYPATH.
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        str(mypy_cache),
        "-p",
        "is24_contact",
    ]
    environment = {**os.environ, "MYPYPATH": str(COMMITTED)}
    result = subprocess.run(
        command, cwd=PROJECT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_unused_import_is_dropped():
    source = "import os\nimport re\nfrom .lexical import a, b as c\nre.compile(a)\n"
    assert _drop_unused_imports(source) == (
        "import re\nfrom .lexical import a\nre.compile(a)\n"
    )


def test_import_used_in_forward_reference_is_kept():
    source = (
        "import decimal\n"
        "import os\n"
        "from typing import Union, cast\n"
        'Source = Union[bytes, "os.PathLike[str]"]\n'
        'value = cast("list[decimal.Decimal]", [])\n'
    )
    assert _drop_unused_imports(source) == source


def test_import_listed_in_all_is_kept():
    source = 'from .models import Address, Message\n__all__ = ["Address"]\n'
    assert _drop_unused_imports(source) == (
        'from .models import Address\n__all__ = ["Address"]\n'
    )


def test_dotted_import_and_multiline_import():
    source = (
        "import xml.etree\nfrom .errors import (\n    A,\n    B,\n)\nxml.etree\nB\n"
    )
    assert _drop_unused_imports(source) == (
        "import xml.etree\nfrom .errors import B\nxml.etree\nB\n"
    )
