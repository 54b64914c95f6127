"""Lenient reading: content a newer schema added survives a read and a write.

A package generated from the 2018-10-12 snapshot does not declare `secondaryEmail`
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


NS = 'xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0"'


def message_document(inner: str) -> str:
    return (
        f"<common:messages {NS}><message>"
        "<messageCode>MESSAGE_RESOURCE_CREATED</messageCode>"
        f"{inner}<message>x</message></message></common:messages>"
    )


def test_unknown_elements_in_all_content_are_kept_once():
    obj = is24_common.read_xml(
        message_document("<u1>1</u1><u2>2</u2><u3>3</u3>"), lenient=True
    )

    written = is24_common.write_xml(obj, lenient=True)

    kept = [item.element.tag for item in obj.message[0].unknown_content]
    assert kept == ["u1", "u2", "u3"]
    assert written.count("<u2>") == 1


def test_unknown_enumeration_value_in_all_content_is_kept():
    document = message_document("").replace(
        "MESSAGE_RESOURCE_CREATED", "MESSAGE_FROM_THE_FUTURE"
    )

    obj = is24_common.read_xml(document, lenient=True)

    assert obj.message[0].message_code is None
    assert "MESSAGE_FROM_THE_FUTURE" in is24_common.write_xml(obj, lenient=True)


@pytest.mark.parametrize(
    "attributes",
    [
        'xmlns:a="urn:a" xmlns:b="urn:b" a:one="1" b:two="2"',
        'xml:lang="de"',
        'xmlns:a="urn:a" a:one="1" a:two="2"',
    ],
)
def test_namespaced_unknown_attributes_round_trip(attributes):
    document = (
        f"<common:realtorContactDetail {NS} {attributes}><lastname>X</lastname>"
        "</common:realtorContactDetail>"
    )
    obj = is24_common.read_xml(document, rules=False, lenient=True)
    written = is24_common.write_xml(obj, rules=False, lenient=True)

    again = is24_common.read_xml(written, rules=False, lenient=True)

    assert sorted(again.unknown_content, key=str) == sorted(
        obj.unknown_content, key=str
    )


def test_cross_format_round_trip_lossless():
    document = (
        f'<common:realtorContactDetail {NS} xmlns:x="urn:x"><lastname>X</lastname>'
        '<newUrl kind="partner">https://x.example/</newUrl>'
        '<x:ext x:a="1">t<x:inner>i</x:inner></x:ext></common:realtorContactDetail>'
    )
    obj = is24_common.read_xml(document, rules=False, lenient=True)

    through_json = is24_common.read_json(
        is24_common.write_json(obj, rules=False, lenient=True),
        rules=False,
        lenient=True,
    )
    written = is24_common.write_xml(through_json, rules=False, lenient=True)

    assert ET.fromstring(written.encode())[1].attrib == {"kind": "partner"}
    assert ET.fromstring(written.encode())[1].text == "https://x.example/"
    ext = ET.fromstring(written.encode())[2]
    assert (ext.tag, ext.attrib, ext.text) == ("{urn:x}ext", {"{urn:x}a": "1"}, "t")
    assert ext[0].tag == "{urn:x}inner"


KEY = '"common.realtorContactDetail"'


@pytest.mark.parametrize(
    "value", ["1e999", '["MALE", "FEMALE"]', '{"$": "MALE"}', "null", "5"]
)
def test_wrong_shape_enum_not_kept(value):
    document = "{" + KEY + ': {"lastname": "X", "salutation": ' + value + "}}"

    with pytest.raises(is24_common.ValidationError):
        is24_common.read_json(document, lenient=True)


@pytest.mark.parametrize(
    "member",
    [
        '"a b": "1"',
        '"x:y": "1"',
        '"@xmlns": "urn:evil"',
        '"zz": "\\u0000"',
        '"@a": [1]',
    ],
)
def test_member_that_xml_cannot_hold_is_not_kept(member):
    document = "{" + KEY + ': {"lastname": "X", ' + member + "}}"

    with pytest.raises(is24_common.ValidationError) as caught:
        is24_common.read_json(document, lenient=True)

    assert "cannot be written as XML" in str(caught.value)
