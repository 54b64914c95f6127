"""Shared fixtures: the published IS24 inputs, and packages generated from them.

The published schemas, documentation examples and recorded payloads live
outside the repository. `.ci/run` points at them with environment variables:

- IS24_SCHEMAS: folder of dated schema snapshots (`<date>/common-1.0.xsd`)
- IS24_CASES: folder of recorded payloads and construct cases
- IS24_SEED_EXAMPLES: folder of the documentation page's examples

A test that needs one of them is skipped when its variable is unset (a fresh
clone), and fails when the variable names a folder that does not exist.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest
import xmlschema

from codegen.config import read_config
from codegen.generate import generate
from codegen.write import write_package

PROJECT = Path(__file__).resolve().parent.parent
NEWEST_SNAPSHOT = "2021-08-07"


def shared_folder(variable: str) -> Path:
    """Return the folder named by an environment variable, skipping or failing as documented."""
    value = os.environ.get(variable)
    if not value:
        pytest.skip(
            f"{variable} is not set; point it at the shared IS24 inputs to run this test"
        )
    path = Path(value)
    if not path.is_dir():
        pytest.fail(f"{variable}={value} is not a folder")
    return path


@pytest.fixture(scope="session")
def schemas_folder() -> Path:
    return shared_folder("IS24_SCHEMAS")


@pytest.fixture(scope="session")
def cases_folder() -> Path:
    return shared_folder("IS24_CASES")


@pytest.fixture(scope="session")
def seed_folder() -> Path:
    return shared_folder("IS24_SEED_EXAMPLES")


@pytest.fixture(scope="session")
def newest_schema(schemas_folder: Path) -> xmlschema.XMLSchema10:
    """The newest published schema, loaded by xmlschema: the oracle for verdicts."""
    return xmlschema.XMLSchema10(
        str(schemas_folder / NEWEST_SNAPSHOT / "common-1.0.xsd")
    )


@pytest.fixture(scope="session")
def project_config():
    return read_config(PROJECT / "pyproject.toml")


@pytest.fixture(scope="session")
def generated_packages(tmp_path_factory: pytest.TempPathFactory):
    """Generate packages on demand into one temporary folder on sys.path, once per name.

    `generated_packages.files[name]` contains the generated text of each package built.
    """
    folder = tmp_path_factory.mktemp("packages")
    sys.path.insert(0, str(folder))
    cache: dict[str, object] = {}
    files: dict[str, dict[str, str]] = {}
    config = read_config(PROJECT / "pyproject.toml")

    def build(package: str, schema: Path, **overrides: object):
        if package not in cache:
            package_config = config.with_overrides(
                schema=schema, out=folder, package=package, **overrides
            )
            files[package] = generate(package_config)
            write_package(files[package], folder / package)
            cache[package] = importlib.import_module(package)
        return cache[package]

    # The generated text of each package, for tests that compare generations.
    build.files = files  # type: ignore[attr-defined]
    yield build
    sys.path.remove(str(folder))


def payload_files(folder: Path, suffix: str) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix == suffix)
