"""XML and JSON round trips of the documentation examples and recorded payloads lose nothing.

"Nothing lost" is checked against xmlschema: the document we write decodes
to the same data as the document we read.
"""

from __future__ import annotations

import json

import pytest
from lxml import etree

import is24_common
from conftest import PROJECT, payload_files


def _xml_documents(seed_folder, cases_folder):
    return payload_files(seed_folder, ".xml") + payload_files(
        cases_folder / "is24-payloads", ".xml"
    )


def _json_documents(seed_folder, cases_folder):
    return payload_files(seed_folder, ".json") + payload_files(
        cases_folder / "is24-payloads", ".json"
    )


def test_xml_roundtrip_keeps_every_value(seed_folder, cases_folder, newest_schema):
    for path in _xml_documents(seed_folder, cases_folder):
        obj = is24_common.read_xml(path.read_bytes(), rules=False)
        written = is24_common.write_xml(obj, rules=False)

        assert is24_common.read_xml(written, rules=False) == obj, path.name
        assert _decoded(newest_schema, written) == _decoded(
            newest_schema, str(path)
        ), path.name


def _decoded(schema, source):
    """Return xmlschema's decoding of a document, without namespace declarations."""
    data = schema.to_dict(source)
    return {key: value for key, value in data.items() if not key.startswith("@xmlns")}


def test_xml_written_is_valid_for_lxml(seed_folder, cases_folder):
    # The published file imports xlink without a location, which lxml cannot
    # resolve; the project's schema states the same contract without it.
    lxml_schema = etree.XMLSchema(
        etree.parse(str(PROJECT / "schema" / "common-1.0.xsd"))
    )
    for path in _xml_documents(seed_folder, cases_folder):
        written = is24_common.write_xml(
            is24_common.read_xml(path.read_bytes(), rules=False), rules=False
        )

        assert lxml_schema.validate(etree.fromstring(written.encode())), (
            path.name,
            lxml_schema.error_log,
        )


def test_xml_to_json_and_back_is_equal(seed_folder, cases_folder):
    for path in _xml_documents(seed_folder, cases_folder):
        obj = is24_common.read_xml(path.read_bytes(), rules=False)

        assert (
            is24_common.read_json(is24_common.write_json(obj, rules=False), rules=False)
            == obj
        ), path.name


def test_json_payloads_convert_to_valid_xml(seed_folder, cases_folder, newest_schema):
    for path in _json_documents(seed_folder, cases_folder):
        obj = is24_common.read_json(path.read_bytes(), rules=False)
        written_json = is24_common.write_json(obj, rules=False)
        written_xml = is24_common.write_xml(obj, rules=False)

        assert is24_common.read_json(written_json, rules=False) == obj, path.name
        assert newest_schema.is_valid(written_xml), path.name


def test_json_roundtrip_keeps_every_member(seed_folder, cases_folder):
    """Each member of the input appears in the output with the same value, up to IS24's typing."""
    for path in _json_documents(seed_folder, cases_folder):
        original = json.loads(path.read_bytes())
        written = json.loads(
            is24_common.write_json(
                is24_common.read_json(path.read_bytes(), rules=False), rules=False
            )
        )

        assert _lexical_leaves(written) == _lexical_leaves(original), path.name


def _lexical_leaves(document) -> set[tuple[str, str]]:
    """Return (path, text) for every scalar, with root key and array wrappers normalised."""
    ((key, value),) = document.items()
    leaves: set[tuple[str, str]] = set()

    def walk(node, path):
        if isinstance(node, dict):
            for name, child in node.items():
                walk(child, f"{path}/{name}")
        elif isinstance(node, list):
            for child in node:
                walk(child, path)
        elif isinstance(node, bool):
            leaves.add((path, "true" if node else "false"))
        else:
            leaves.add((path, str(node)))

    walk(value, key.replace(":", "."))
    return leaves


def test_json_writes_is24_types():
    contact = is24_common.RealtorContactDetails(
        id=61204857,
        email="a@example.com",
        lastname="Muster",
        default_contact=True,
        real_estate_reference_count=13,
    )
    document = json.loads(is24_common.write_json(contact))

    assert list(document) == ["common.realtorContactDetail"]
    assert document["common.realtorContactDetail"]["@id"] == "61204857"
    assert document["common.realtorContactDetail"]["defaultContact"] == "true"
    assert document["common.realtorContactDetail"]["realEstateReferenceCount"] == 13


def test_json_messages_root_is_array_of_wrappers():
    messages = is24_common.Messages(
        message=[
            is24_common.Message(
                message_code=is24_common.MessageCode.MESSAGE_RESOURCE_CREATED,
                message="created",
                id="7",
            )
        ]
    )
    document = json.loads(is24_common.write_json(messages))

    assert document == {
        "common.messages": [
            {
                "message": {
                    "messageCode": "MESSAGE_RESOURCE_CREATED",
                    "message": "created",
                    "id": "7",
                }
            }
        ]
    }


@pytest.mark.parametrize(
    "text",
    [
        '{"common.realtorContactDetail": {"email": "a@example.com", "lastname": "M", "defaultContact": true}}',
        '{"common:realtorContactDetail": {"email": "a@example.com", "lastname": "M", "defaultContact": "true"}}',
    ],
)
def test_json_reads_both_root_forms_and_boolean_forms(text):
    contact = is24_common.read_json(text)

    assert contact.default_contact is True


def test_json_list_accepts_single_object():
    text = '{"common.realtorContactDetailsList": {"realtorContactDetails": {"email": "a@example.com", "lastname": "M"}}}'

    assert len(is24_common.read_json(text).realtor_contact_details) == 1


def test_xml_reading_ignores_prefix_comments_and_unused_namespaces():
    text = (
        '<?xml version="1.0"?><!-- recorded -->'
        '<ns3:realtorContactDetail xmlns:ns3="http://rest.immobilienscout24.de/schema/common/1.0"'
        ' xmlns:unused="urn:unused">\n  <email>a@example.com</email><!-- c -->\n'
        "  <lastname>Muster</lastname>\n</ns3:realtorContactDetail>"
    )
    contact = is24_common.read_xml(text)

    assert contact.lastname == "Muster"


def test_xml_writes_is24_form():
    written = is24_common.write_xml(
        is24_common.RealtorContactDetails(email="a@example.com", lastname="Muster")
    )

    assert written.startswith(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<common:realtorContactDetail '
    )
    assert (
        'xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0"' in written
    )
    assert written.index("<email>") < written.index("<lastname>")
