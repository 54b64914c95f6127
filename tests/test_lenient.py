"""Lenient reading: content a newer schema added survives a read and a write.

A package generated from the 2018-10-12 snapshot does not know `secondaryEmail`
and `clickOutUrl`, which 2021-08-07 added. Strict reading reports them;
lenient reading keeps them. The writers put them back where they were, and the
written document is then still valid under the newest schema.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import is24_common

OLD_SNAPSHOT = "2018-10-12"
NEW_FIELDS = ("secondaryEmail", "clickOutUrl")


@pytest.fixture(scope="module")
def old_package(schemas_folder, generated_packages):
    return generated_packages(
        f"snapshot_{OLD_SNAPSHOT.replace('-', '_')}",
        schemas_folder / OLD_SNAPSHOT / "common-1.0.xsd",
    )


@pytest.fixture(scope="module")
def newest_contact(seed_folder) -> str:
    """The documented maximum contact, with clickOutUrl added after secondaryEmail."""
    text = (seed_folder / "create-contact-max.xml").read_text(encoding="utf-8")
    end = text.index("</secondaryEmail>") + len("</secondaryEmail>")
    return text[:end] + "<clickOutUrl>https://example.com/a</clickOutUrl>" + text[end:]


def child_names(document: str) -> list[str]:
    return [child.tag for child in ET.fromstring(document.encode())]


def test_strict_reading_reports_each_new_element(old_package, newest_contact):
    with pytest.raises(old_package.ValidationError) as caught:
        old_package.read_xml(newest_contact, rules=False)

    paths = [problem.path for problem in caught.value.problems]
    assert paths == [f"realtorContactDetail/{name}" for name in NEW_FIELDS]


def test_lenient_reading_keeps_new_elements_as_warnings(old_package, newest_contact):
    warnings: list = []

    obj = old_package.read_xml(
        newest_contact, rules=False, lenient=True, warnings=warnings
    )

    assert [w.path for w in warnings] == [
        f"realtorContactDetail/{name}" for name in NEW_FIELDS
    ]
    assert {w.kind for w in warnings} == {"unknown"}
    assert [item.element.tag for item in obj.unknown_content] == list(NEW_FIELDS)


def test_lenient_xml_round_trip_keeps_order(old_package, newest_contact, newest_schema):
    obj = old_package.read_xml(newest_contact, rules=False, lenient=True)

    written = old_package.write_xml(obj, rules=False, lenient=True)

    assert child_names(written) == child_names(newest_contact)
    assert "<clickOutUrl>https://example.com/a</clickOutUrl>" in written
    assert newest_schema.is_valid(written)


def test_lenient_json_round_trip_keeps_new_members(old_package, newest_contact):
    obj = old_package.read_xml(newest_contact, rules=False, lenient=True)

    text = old_package.write_json(obj, rules=False, lenient=True)
    again = old_package.read_json(text, rules=False, lenient=True)

    assert '"secondaryEmail": "secondary-email@example.com"' in text
    assert [item.key for item in again.unknown_content] == list(NEW_FIELDS)
    assert old_package.write_xml(
        again, rules=False, lenient=True
    ) == old_package.write_xml(obj, rules=False, lenient=True)


def test_kept_content_fails_strict_checks(old_package, newest_contact):
    obj = old_package.read_xml(newest_contact, rules=False, lenient=True)

    problems = old_package.validate(obj, rules=False)

    assert [(p.path, p.kind) for p in problems] == [
        (f"realtorContactDetail/{name}", "unknown") for name in NEW_FIELDS
    ]
    with pytest.raises(old_package.ValidationError):
        old_package.write_xml(obj, rules=False)


def test_unknown_attribute_is_kept_and_written_back():
    document = (
        '<common:realtorContactDetail xmlns:common="http://rest.immobilienscout24.de/'
        'schema/common/1.0" id="5" colour="red"><lastname>M</lastname>'
        "</common:realtorContactDetail>"
    )

    obj = is24_common.read_xml(document, rules=False, lenient=True)
    written = is24_common.write_xml(obj, rules=False, lenient=True)

    assert ET.fromstring(written.encode()).attrib == {"id": "5", "colour": "red"}


def test_unknown_enumeration_value_is_kept_in_place():
    document = (
        '<common:realtorContactDetail xmlns:common="http://rest.immobilienscout24.de/'
        'schema/common/1.0"><email>a@example.com</email>'
        "<salutation>DIVERSE</salutation><lastname>M</lastname>"
        "</common:realtorContactDetail>"
    )
    warnings: list = []

    obj = is24_common.read_xml(document, rules=False, lenient=True, warnings=warnings)
    written = is24_common.write_xml(obj, rules=False, lenient=True, pretty=False)

    assert obj.salutation is None
    assert [w.path for w in warnings] == ["realtorContactDetail/salutation"]
    assert "<email>a@example.com</email><salutation>DIVERSE</salutation>" in written


def test_strict_reading_goes_on_after_an_unknown_element():
    document = (
        '<common:realtorContactDetail xmlns:common="http://rest.immobilienscout24.de/'
        'schema/common/1.0"><email>a@example.com</email><unknown/>'
        "<lastname>M</lastname><realEstateReferenceCount>x</realEstateReferenceCount>"
        "</common:realtorContactDetail>"
    )

    with pytest.raises(is24_common.ValidationError) as caught:
        is24_common.read_xml(document, rules=False)

    assert [problem.path for problem in caught.value.problems] == [
        "realtorContactDetail/unknown",
        "realtorContactDetail/realEstateReferenceCount",
    ]
