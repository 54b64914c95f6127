"""Every published snapshot generates a package that agrees with xmlschema.

The oracle is xmlschema loading the same snapshot; the documents are the
documentation examples and the recorded IS24 payloads.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema

from conftest import payload_files

SNAPSHOTS = [
    "2014-06-27",
    "2014-08-24",
    "2014-10-28",
    "2014-12-01",
    "2015-11-11",
    "2016-04-15",
    "2017-12-11",
    "2018-10-12",
    "2021-08-07",
]


def _verdict(package, data: bytes) -> tuple[bool, list[str]]:
    try:
        package.read_xml(data, rules=False)
    except package.DocumentError as error:
        return False, [str(problem) for problem in error.problems]
    return True, []


@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_snapshot_agrees_with_xmlschema(
    snapshot, schemas_folder, cases_folder, seed_folder, generated_packages
):
    schema_path = schemas_folder / snapshot / "common-1.0.xsd"
    package = generated_packages(f"snapshot_{snapshot.replace('-', '_')}", schema_path)
    oracle = xmlschema.XMLSchema10(str(schema_path))
    documents = payload_files(seed_folder, ".xml") + payload_files(
        cases_folder / "is24-payloads", ".xml"
    )
    assert len(documents) >= 10

    for path in documents:
        data = path.read_bytes()
        ours, problems = _verdict(package, data)
        assert ours == oracle.is_valid(
            data
        ), f"{snapshot} {path.name}: ours={ours} {problems}"


@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_snapshot_package_has_contact_roots(
    snapshot, schemas_folder, generated_packages
):
    package = generated_packages(
        f"snapshot_{snapshot.replace('-', '_')}",
        schemas_folder / snapshot / "common-1.0.xsd",
    )
    contact = package.RealtorContactDetails(email="a@example.com", lastname="Muster")

    assert package.validate(contact, rules=False) == []
    assert (
        b"<lastname>Muster</lastname>"
        in package.write_xml(contact, rules=False).encode()
    )


def test_older_snapshot_rejects_newer_elements(
    schemas_folder, seed_folder, generated_packages
):
    """2018-10-12 predates secondaryEmail, so the documented maximum contact is invalid there."""
    package = generated_packages(
        "snapshot_2018_10_12", schemas_folder / "2018-10-12" / "common-1.0.xsd"
    )
    ours, problems = _verdict(
        package, (seed_folder / "create-contact-max.xml").read_bytes()
    )

    assert ours is False
    assert any("secondaryEmail" in problem for problem in problems)
