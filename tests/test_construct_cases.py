"""Small schemas that broke tools like ours: each generates, or fails with a clear message.

Each case folder contains `schema.xsd` and instances named `valid-*.xml` and
`invalid-*.xml`. A case whose schema uses a construct the generator does not
support yet must fail with exit status 2 and a "not supported yet" message;
any other case must give every instance the verdict its name states, and
every valid instance must round-trip: written as XML it is valid under
xmlschema and reads back to the same document, and written as JSON it reads
back to the same document too.
"""

from __future__ import annotations

import importlib
import sys
import xml.etree.ElementTree as ET

import pytest
import xmlschema

from codegen.cli import main

# Valid instances whose elements are written back in another order, with the
# reason. The written document is still valid; every other instance must keep
# the order of its elements exactly.
KNOWN_REORDERED = {
    "10-choice-all-order/valid-interleaved.xml": "xs:all children are written in declaration order",
}

# Cases whose schema uses a construct that is not supported yet, with that
# construct. Generation must stop with a "not supported yet" message.
UNSUPPORTED_CASES: dict[str, str] = {}

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
    if folder.name in UNSUPPORTED_CASES:
        assert (
            status != 0
        ), f"{folder.name} generates now: remove it from UNSUPPORTED_CASES"
        assert status == 2, (folder.name, error)
        assert "not supported yet" in error, (folder.name, error)
        return
    assert status == 0, (folder.name, error)

    generated = importlib.import_module(package)
    schema = xmlschema.XMLSchema10(str(folder / "schema.xsd"))
    for instance in sorted(folder.glob("*.xml")):
        expected = instance.name.startswith("valid-")
        try:
            obj = generated.read_xml(instance.read_bytes(), rules=False)
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
        if ours and expected:
            _check_round_trip(generated, schema, obj, key)
            written = generated.write_xml(obj, rules=False)
            same_order = _element_tags(written) == _element_tags(instance.read_bytes())
            if key in KNOWN_REORDERED:
                assert (
                    not same_order
                ), f"{key} keeps its order now: remove it from KNOWN_REORDERED"
            else:
                assert same_order, key


def _check_round_trip(generated, schema, obj, key: str) -> None:
    # Objects are compared through their XML form, because NaN != NaN and kept
    # wildcard content holds ElementTree elements, which compare by identity.
    written = generated.write_xml(obj, rules=False)
    again = generated.read_xml(written, rules=False)
    from_json = generated.read_json(generated.write_json(obj, rules=False), rules=False)

    assert schema.is_valid(written), (key, written)
    assert generated.write_xml(again, rules=False) == written, key
    assert generated.write_xml(from_json, rules=False) == written, key


def _element_tags(document: str | bytes) -> list[str]:
    return [element.tag for element in ET.fromstring(document).iter()]
