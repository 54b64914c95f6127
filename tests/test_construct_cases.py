"""Small schemas that broke tools like ours: each generates, or fails with a clear message.

Each case folder contains `schema.xsd` and instances named `valid-*.xml` and
`invalid-*.xml`. A case whose schema uses a construct the generator does not
support yet must fail with exit status 2 and a "not supported yet" message;
any other case must give every instance the verdict its name states.
"""

from __future__ import annotations

import importlib
import sys
import xml.etree.ElementTree as ET

import pytest

from codegen.cli import main

# Instances whose verdict is still wrong, with the reason: each is a bug to fix.
KNOWN_WRONG_VERDICTS: dict[str, str] = {}


def _root_names(case_folder) -> list[str]:
    names = set()
    for path in case_folder.glob("*.xml"):
        names.add(ET.parse(path).getroot().tag.rpartition("}")[2])
    return sorted(names)


def test_construct_cases(cases_folder, tmp_path, capsys):
    folders = sorted(
        path for path in (cases_folder / "codegen").iterdir() if path.is_dir()
    )
    assert folders, "no construct cases found"
    sys.path.insert(0, str(tmp_path))
    try:
        for folder in folders:
            _check_case(folder, tmp_path, capsys)
    finally:
        sys.path.remove(str(tmp_path))


def _check_case(folder, tmp_path, capsys) -> None:
    package = "case_" + folder.name.replace("-", "_")
    arguments = [
        "--schema",
        str(folder / "schema.xsd"),
        "--out",
        str(tmp_path),
        "--package",
        package,
        "-q",
    ]
    for root in _root_names(folder):
        arguments += ["--root", root]
    status = main(arguments)
    error = capsys.readouterr().err
    if status != 0:
        assert status == 2, (folder.name, error)
        assert "not supported yet" in error, (folder.name, error)
        return

    generated = importlib.import_module(package)
    for instance in sorted(folder.glob("*.xml")):
        expected = instance.name.startswith("valid-")
        try:
            generated.read_xml(instance.read_bytes(), rules=False)
            ours = True
        except generated.DocumentError:
            ours = False
        key = f"{folder.name}/{instance.name}"
        if key in KNOWN_WRONG_VERDICTS:
            assert (
                ours != expected
            ), f"{key} now passes: remove it from KNOWN_WRONG_VERDICTS"
        else:
            assert ours == expected, key
