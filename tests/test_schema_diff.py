"""The schema change report: one small schema pair per kind of change.

Each case compares two versions of a tiny schema and names the change it must
produce. It also gives the change's severity for a sender, which writes requests
that the new schema checks, and for a receiver, which reads new documents with a
reader of the old schema.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.diff import CHANGE_KINDS, Change, compare_models
from codegen.load import build_model, global_groups, global_names, load_schema

NAMESPACE = "urn:example:diff"


def _schema(types: str) -> str:
    """A schema holding `types`, with the root `item` of type Item unless declared there."""
    root = (
        ""
        if '<xs:element name="item"' in types
        else '<xs:element name="item" type="t:Item"/>'
    )
    return (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'xmlns:t="{NAMESPACE}" targetNamespace="{NAMESPACE}">\n'
        f"  {root}\n"
        f"  {types}\n"
        "</xs:schema>\n"
    )


OPTIONAL_ALL_ITEM = (
    '<xs:complexType name="Item"><xs:all minOccurs="0">'
    '<xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/>'
    "</xs:all></xs:complexType>"
)
CODE = '<xs:element name="code" type="xs:string"/>'
OTHER_CODE = (
    '<xs:element name="otherCode" type="xs:string" substitutionGroup="t:code"/>'
)


def _item(body: str, attributes: str = "", *, model: str = "sequence") -> str:
    return (
        f'<xs:complexType name="Item"><xs:{model}>{body}</xs:{model}>'
        f"{attributes}</xs:complexType>"
    )


def _restricted(base: str, facets: str) -> str:
    """An element `a` whose anonymous simple type restricts `base` with `facets`."""
    return (
        f'<xs:element name="a"><xs:simpleType><xs:restriction base="{base}">'
        f"{facets}</xs:restriction></xs:simpleType></xs:element>"
    )


# Item restricts the text of a simple-content type to at most `max_length` characters.
SIMPLE_CONTENT = (
    '<xs:complexType name="Note"><xs:simpleContent><xs:extension base="xs:string">'
    '<xs:attribute name="lang" type="xs:string"/></xs:extension></xs:simpleContent>'
    '</xs:complexType><xs:complexType name="Item"><xs:simpleContent>'
    '<xs:restriction base="t:Note"><xs:maxLength value="{max_length}"/>'
    "</xs:restriction></xs:simpleContent></xs:complexType>"
)


def compare(
    tmp_path: Path, old_types: str, new_types: str, *, every_type: bool = False
) -> list[Change]:
    models = []
    for name, types in (("old.xsd", old_types), ("new.xsd", new_types)):
        path = tmp_path / name
        path.write_text(_schema(types), encoding="utf-8")
        schema = load_schema(path)
        roots, named_types = global_names(schema)
        models.append(
            build_model(
                schema,
                roots if every_type else ["item"],
                source=name,
                named_types=named_types if every_type else (),
                named_groups=global_groups(schema) if every_type else (),
                strict=False,
            )
        )
    return compare_models(*models)


A = '<xs:element name="a" type="xs:string"/>'
B = '<xs:element name="b" type="xs:string"/>'
B_OPTIONAL = '<xs:element name="b" type="xs:string" minOccurs="0"/>'
ANY_OTHER = (
    '<xs:complexType name="Other"><xs:sequence>'
    '<xs:element name="z" type="xs:int"/></xs:sequence></xs:complexType>'
)

FOO_BAR_TYPE = (
    '<xs:complexType name="fooBar"><xs:sequence>'
    '<xs:element name="z" type="xs:int"/></xs:sequence></xs:complexType>'
)
COLOUR = (
    '<xs:simpleType name="Colour"><xs:restriction base="xs:string">'
    '<xs:enumeration value="red"/>{}</xs:restriction></xs:simpleType>'
)

# (id, old types, new types, kind, path, sender severity, receiver severity)
CASES = [
    (
        "optional element added",
        _item(A),
        _item(A + B_OPTIONAL),
        "element-added",
        "Item/b",
        "compatible",
        "breaking",
    ),
    (
        "required element added",
        _item(A),
        _item(A + B),
        "element-added",
        "Item/b",
        "breaking",
        "breaking",
    ),
    (
        "optional element removed",
        _item(A + B_OPTIONAL),
        _item(A),
        "element-removed",
        "Item/b",
        "breaking",
        "compatible",
    ),
    (
        "required element removed",
        _item(A + B),
        _item(A),
        "element-removed",
        "Item/b",
        "breaking",
        "breaking",
    ),
    (
        "elements reordered",
        _item(A + B),
        _item(B + A),
        "elements-reordered",
        "Item",
        "breaking",
        "breaking",
    ),
    (
        "minOccurs raised",
        _item(A + B_OPTIONAL),
        _item(A + B),
        "occurrence-changed",
        "Item/b",
        "breaking",
        "compatible",
    ),
    (
        "minOccurs lowered",
        _item(A + B),
        _item(A + B_OPTIONAL),
        "occurrence-changed",
        "Item/b",
        "compatible",
        "breaking",
    ),
    (
        "maxOccurs raised",
        _item('<xs:element name="a" type="xs:string" maxOccurs="2"/>'),
        _item('<xs:element name="a" type="xs:string" maxOccurs="unbounded"/>'),
        "occurrence-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "maxOccurs lowered",
        _item('<xs:element name="a" type="xs:string" maxOccurs="5"/>'),
        _item('<xs:element name="a" type="xs:string" maxOccurs="2"/>'),
        "occurrence-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "element made nillable",
        _item(A),
        _item('<xs:element name="a" type="xs:string" nillable="true"/>'),
        "nillable-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "type made abstract",
        _item(A),
        _item(A).replace('name="Item"', 'name="Item" abstract="true"'),
        "abstract-changed",
        "Item",
        "breaking",
        "compatible",
    ),
    (
        "type no longer abstract",
        _item(A).replace('name="Item"', 'name="Item" abstract="true"'),
        _item(A),
        "abstract-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "text of simple content narrowed",
        SIMPLE_CONTENT.format(max_length=5),
        SIMPLE_CONTENT.format(max_length=3),
        "facet-changed",
        "Item/text()",
        "breaking",
        "compatible",
    ),
    (
        "element no longer nillable",
        _item('<xs:element name="a" type="xs:string" nillable="true"/>'),
        _item(A),
        "nillable-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "default added",
        _item(A),
        _item('<xs:element name="a" type="xs:string" default="x"/>'),
        "default-changed",
        "Item/a",
        "compatible",
        "compatible",
    ),
    (
        "default changed",
        _item('<xs:element name="a" type="xs:string" default="x"/>'),
        _item('<xs:element name="a" type="xs:string" default="y"/>'),
        "default-changed",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "fixed value added",
        _item(A),
        _item('<xs:element name="a" type="xs:string" fixed="x"/>'),
        "fixed-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "fixed value removed",
        _item('<xs:element name="a" type="xs:string" fixed="x"/>'),
        _item(A),
        "fixed-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "attribute field renamed by a new element of the same name",
        _item(A, '<xs:attribute name="code" type="xs:string"/>'),
        _item(
            A + '<xs:element name="code" type="xs:string" minOccurs="0"/>',
            '<xs:attribute name="code" type="xs:string"/>',
        ),
        "field-renamed",
        "Item/@code",
        "compatible",
        "compatible",
    ),
    (
        "class renamed by a new type that spells its name exactly",
        _item('<xs:element name="a" type="t:fooBar"/>') + FOO_BAR_TYPE,
        _item(
            '<xs:element name="a" type="t:fooBar"/>'
            '<xs:element name="b" type="t:FooBar" minOccurs="0"/>'
        )
        + FOO_BAR_TYPE
        + FOO_BAR_TYPE.replace('"fooBar"', '"FooBar"'),
        "class-renamed",
        "fooBar",
        "compatible",
        "compatible",
    ),
    (
        "enumeration member renamed by a new value that spells it exactly",
        _item('<xs:element name="a" type="t:Colour"/>') + COLOUR.format(""),
        _item('<xs:element name="a" type="t:Colour"/>')
        + COLOUR.format('<xs:enumeration value="RED"/>'),
        "enum-member-renamed",
        "Colour/red",
        "compatible",
        "compatible",
    ),
    (
        "optional attribute added",
        _item(A),
        _item(A, '<xs:attribute name="id" type="xs:string"/>'),
        "attribute-added",
        "Item/@id",
        "compatible",
        "breaking",
    ),
    (
        "required attribute added",
        _item(A),
        _item(A, '<xs:attribute name="id" type="xs:string" use="required"/>'),
        "attribute-added",
        "Item/@id",
        "breaking",
        "breaking",
    ),
    (
        "optional attribute removed",
        _item(A, '<xs:attribute name="id" type="xs:string"/>'),
        _item(A),
        "attribute-removed",
        "Item/@id",
        "breaking",
        "compatible",
    ),
    (
        "attribute made required",
        _item(A, '<xs:attribute name="id" type="xs:string"/>'),
        _item(A, '<xs:attribute name="id" type="xs:string" use="required"/>'),
        "attribute-use-changed",
        "Item/@id",
        "breaking",
        "compatible",
    ),
    (
        "attribute made optional",
        _item(A, '<xs:attribute name="id" type="xs:string" use="required"/>'),
        _item(A, '<xs:attribute name="id" type="xs:string"/>'),
        "attribute-use-changed",
        "Item/@id",
        "compatible",
        "breaking",
    ),
    (
        "attribute maxLength narrowed",
        _item(
            A,
            '<xs:attribute name="id"><xs:simpleType><xs:restriction '
            'base="xs:string"><xs:maxLength value="9"/></xs:restriction>'
            "</xs:simpleType></xs:attribute>",
        ),
        _item(
            A,
            '<xs:attribute name="id"><xs:simpleType><xs:restriction '
            'base="xs:string"><xs:maxLength value="3"/></xs:restriction>'
            "</xs:simpleType></xs:attribute>",
        ),
        "facet-changed",
        "Item/@id",
        "breaking",
        "compatible",
    ),
    (
        "int widened to long",
        _item('<xs:element name="a" type="xs:int"/>'),
        _item('<xs:element name="a" type="xs:long"/>'),
        "builtin-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "list item type widened",
        _item(
            '<xs:element name="a"><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType></xs:element>'
        ),
        _item(
            '<xs:element name="a"><xs:simpleType><xs:list itemType="xs:long"/></xs:simpleType></xs:element>'
        ),
        "builtin-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "union member type changed",
        _item(
            '<xs:element name="a"><xs:simpleType><xs:union memberTypes="xs:int xs:date"/></xs:simpleType></xs:element>'
        ),
        _item(
            '<xs:element name="a"><xs:simpleType><xs:union memberTypes="xs:int xs:dateTime"/></xs:simpleType></xs:element>'
        ),
        "builtin-changed",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "long narrowed to int",
        _item('<xs:element name="a" type="xs:long"/>'),
        _item('<xs:element name="a" type="xs:int"/>'),
        "builtin-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "string changed to int",
        _item(A),
        _item('<xs:element name="a" type="xs:int"/>'),
        "builtin-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "simple type renamed, same values",
        _item('<xs:element name="a" type="t:Code"/>')
        + '<xs:simpleType name="Code"><xs:restriction base="xs:string">'
        '<xs:maxLength value="5"/></xs:restriction></xs:simpleType>',
        _item('<xs:element name="a" type="t:Key"/>')
        + '<xs:simpleType name="Key"><xs:restriction base="xs:string">'
        '<xs:maxLength value="5"/></xs:restriction></xs:simpleType>',
        "simple-type-renamed",
        "Item/a",
        "compatible",
        "compatible",
    ),
    (
        "maxLength narrowed",
        _item(_restricted("xs:string", '<xs:maxLength value="300"/>')),
        _item(_restricted("xs:string", '<xs:maxLength value="30"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "maxLength widened",
        _item(_restricted("xs:string", '<xs:maxLength value="30"/>')),
        _item(_restricted("xs:string", '<xs:maxLength value="300"/>')),
        "facet-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "maxLength added",
        _item(A),
        _item(_restricted("xs:string", '<xs:maxLength value="30"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "maxLength removed",
        _item(_restricted("xs:string", '<xs:maxLength value="30"/>')),
        _item(A),
        "facet-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "minLength raised",
        _item(_restricted("xs:string", '<xs:minLength value="1"/>')),
        _item(_restricted("xs:string", '<xs:minLength value="3"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "minLength lowered",
        _item(_restricted("xs:string", '<xs:minLength value="3"/>')),
        _item(_restricted("xs:string", '<xs:minLength value="1"/>')),
        "facet-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "length changed",
        _item(_restricted("xs:string", '<xs:length value="3"/>')),
        _item(_restricted("xs:string", '<xs:length value="4"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "totalDigits lowered",
        _item(_restricted("xs:decimal", '<xs:totalDigits value="8"/>')),
        _item(_restricted("xs:decimal", '<xs:totalDigits value="6"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "fractionDigits raised",
        _item(_restricted("xs:decimal", '<xs:fractionDigits value="1"/>')),
        _item(_restricted("xs:decimal", '<xs:fractionDigits value="2"/>')),
        "facet-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "minInclusive raised",
        _item(_restricted("xs:int", '<xs:minInclusive value="0"/>')),
        _item(_restricted("xs:int", '<xs:minInclusive value="5"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "minInclusive made exclusive at the same value",
        _item(_restricted("xs:int", '<xs:minInclusive value="5"/>')),
        _item(_restricted("xs:int", '<xs:minExclusive value="5"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "maxExclusive raised",
        _item(_restricted("xs:decimal", '<xs:maxExclusive value="10.5"/>')),
        _item(_restricted("xs:decimal", '<xs:maxExclusive value="100"/>')),
        "facet-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "maxInclusive added",
        _item('<xs:element name="a" type="xs:int"/>'),
        _item(_restricted("xs:int", '<xs:maxInclusive value="9"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "whiteSpace collapse added",
        _item(A),
        _item(_restricted("xs:string", '<xs:whiteSpace value="collapse"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "pattern added",
        _item(A),
        _item(_restricted("xs:string", '<xs:pattern value="[a-z]+"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "pattern removed",
        _item(_restricted("xs:string", '<xs:pattern value="[a-z]+"/>')),
        _item(A),
        "facet-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "pattern gains an alternative",
        _item(_restricted("xs:string", '<xs:pattern value="[a-z]+"/>')),
        _item(
            _restricted(
                "xs:string", '<xs:pattern value="[a-z]+"/><xs:pattern value="[0-9]+"/>'
            )
        ),
        "facet-changed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "pattern loses an alternative",
        _item(
            _restricted(
                "xs:string", '<xs:pattern value="[a-z]+"/><xs:pattern value="[0-9]+"/>'
            )
        ),
        _item(_restricted("xs:string", '<xs:pattern value="[a-z]+"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "pattern replaced",
        _item(_restricted("xs:string", '<xs:pattern value="[a-z]+"/>')),
        _item(_restricted("xs:string", '<xs:pattern value="[a-z0-9]+"/>')),
        "facet-changed",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "enumeration value added",
        _item('<xs:element name="a" type="t:Colour"/>')
        + '<xs:simpleType name="Colour"><xs:restriction base="xs:string">'
        '<xs:enumeration value="RED"/></xs:restriction></xs:simpleType>',
        _item('<xs:element name="a" type="t:Colour"/>')
        + '<xs:simpleType name="Colour"><xs:restriction base="xs:string">'
        '<xs:enumeration value="RED"/><xs:enumeration value="BLUE"/>'
        "</xs:restriction></xs:simpleType>",
        "enumeration-values-added",
        "Colour",
        "compatible",
        "breaking",
    ),
    (
        "enumeration value removed",
        _item('<xs:element name="a" type="t:Colour"/>')
        + '<xs:simpleType name="Colour"><xs:restriction base="xs:string">'
        '<xs:enumeration value="RED"/><xs:enumeration value="BLUE"/>'
        "</xs:restriction></xs:simpleType>",
        _item('<xs:element name="a" type="t:Colour"/>')
        + '<xs:simpleType name="Colour"><xs:restriction base="xs:string">'
        '<xs:enumeration value="RED"/></xs:restriction></xs:simpleType>',
        "enumeration-values-removed",
        "Colour",
        "breaking",
        "compatible",
    ),
    (
        "anonymous enumeration value removed",
        _item(
            _restricted(
                "xs:string", '<xs:enumeration value="A"/><xs:enumeration value="B"/>'
            )
        ),
        _item(_restricted("xs:string", '<xs:enumeration value="A"/>')),
        "enumeration-values-removed",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "enumeration added to a number",
        _item('<xs:element name="a" type="xs:int"/>'),
        _item(_restricted("xs:int", '<xs:enumeration value="1"/>')),
        "enumeration-added",
        "Item/a",
        "breaking",
        "compatible",
    ),
    (
        "enumeration removed from a number",
        _item(_restricted("xs:int", '<xs:enumeration value="1"/>')),
        _item('<xs:element name="a" type="xs:int"/>'),
        "enumeration-removed",
        "Item/a",
        "compatible",
        "breaking",
    ),
    (
        "element retyped to a type with the same content",
        _item('<xs:element name="a" type="t:Old"/>')
        + ANY_OTHER.replace('"Other"', '"Old"'),
        _item('<xs:element name="a" type="t:New"/>')
        + ANY_OTHER.replace('"Other"', '"New"'),
        "element-retyped",
        "Item/a",
        "compatible",
        "compatible",
    ),
    (
        "element retyped to a type with other content",
        _item('<xs:element name="a" type="t:Other"/>') + ANY_OTHER,
        _item(A),
        "element-retyped",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "root retyped to other content",
        _item(A) + ANY_OTHER,
        _item(A) + ANY_OTHER + '<xs:element name="item" type="t:Other"/>',
        "root-retyped",
        "item",
        "breaking",
        "breaking",
    ),
    (
        "named type added",
        _item(A),
        _item(A) + ANY_OTHER,
        "type-added",
        "Other",
        "compatible",
        "compatible",
    ),
    (
        "named type removed",
        _item(A) + ANY_OTHER,
        _item(A),
        "type-removed",
        "Other",
        "compatible",
        "compatible",
    ),
    (
        "global element added",
        _item(A),
        _item(A) + ANY_OTHER + '<xs:element name="other" type="t:Other"/>',
        "root-added",
        "other",
        "compatible",
        "breaking",
    ),
    (
        "global element removed",
        _item(A) + ANY_OTHER + '<xs:element name="other" type="t:Other"/>',
        _item(A) + ANY_OTHER,
        "root-removed",
        "other",
        "breaking",
        "compatible",
    ),
    (
        "base type swapped for one with the same content",
        '<xs:complexType name="Item"><xs:complexContent><xs:extension base="t:B1">'
        "<xs:sequence>" + B + "</xs:sequence></xs:extension></xs:complexContent>"
        '</xs:complexType><xs:complexType name="B1"><xs:sequence>'
        + A
        + "</xs:sequence></xs:complexType>",
        '<xs:complexType name="Item"><xs:complexContent><xs:extension base="t:B2">'
        "<xs:sequence>" + B + "</xs:sequence></xs:extension></xs:complexContent>"
        '</xs:complexType><xs:complexType name="B2"><xs:sequence>'
        + A
        + "</xs:sequence></xs:complexType>",
        "base-changed",
        "Item",
        "compatible",
        "compatible",
    ),
    (
        "base type removed",
        '<xs:complexType name="Item"><xs:complexContent><xs:extension base="t:B1">'
        "<xs:sequence>" + B + "</xs:sequence></xs:extension></xs:complexContent>"
        '</xs:complexType><xs:complexType name="B1"><xs:sequence>'
        + A
        + "</xs:sequence></xs:complexType>",
        _item(B),
        "base-changed",
        "Item",
        "breaking",
        "breaking",
    ),
    (
        "element wildcard added",
        _item(A),
        _item(A + '<xs:any processContents="lax" minOccurs="0"/>'),
        "wildcard-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "attribute wildcard removed",
        _item(A, "<xs:anyAttribute/>"),
        _item(A),
        "wildcard-changed",
        "Item",
        "breaking",
        "compatible",
    ),
    (
        "element wildcard namespace widened",
        _item(A + '<xs:any namespace="##other" processContents="lax" minOccurs="0"/>'),
        _item(A + '<xs:any namespace="##any" processContents="lax" minOccurs="0"/>'),
        "wildcard-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "element wildcard namespace narrowed",
        _item(A + '<xs:any namespace="##any" minOccurs="0"/>'),
        _item(A + '<xs:any namespace="##targetNamespace" minOccurs="0"/>'),
        "wildcard-changed",
        "Item",
        "breaking",
        "compatible",
    ),
    (
        "element wildcard local list to other",
        _item(A + '<xs:any namespace="urn:x ##local" minOccurs="0"/>'),
        _item(A + '<xs:any namespace="##other" minOccurs="0"/>'),
        "wildcard-changed",
        "Item",
        "breaking",
        "breaking",
    ),
    (
        "element wildcard list to other",
        _item(A + '<xs:any namespace="urn:x urn:y" minOccurs="0"/>'),
        _item(A + '<xs:any namespace="##other" minOccurs="0"/>'),
        "wildcard-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "element wildcard made repeatable",
        _item(A + '<xs:any processContents="lax" minOccurs="0"/>'),
        _item(
            A + '<xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/>'
        ),
        "wildcard-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "element wildcard made required",
        _item(A + '<xs:any processContents="lax" minOccurs="0"/>'),
        _item(A + '<xs:any processContents="lax"/>'),
        "wildcard-changed",
        "Item",
        "breaking",
        "compatible",
    ),
    (
        "element wildcard required and repeatable",
        _item(A + '<xs:any namespace="##other" processContents="lax" minOccurs="0"/>'),
        _item(
            A
            + '<xs:any namespace="##other" processContents="lax" maxOccurs="unbounded"/>'
        ),
        "wildcard-changed",
        "Item",
        "breaking",
        "breaking",
    ),
    (
        "element wildcard validation relaxed",
        _item(A + '<xs:any processContents="strict" minOccurs="0"/>'),
        _item(A + '<xs:any processContents="skip" minOccurs="0"/>'),
        "wildcard-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "second element wildcard added",
        _item(A + '<xs:any namespace="##other" minOccurs="0"/>'),
        _item(
            '<xs:any namespace="##other" minOccurs="0"/>'
            + A
            + '<xs:any namespace="##other" minOccurs="0"/>'
        ),
        "wildcard-changed",
        "Item",
        "breaking",
        "breaking",
    ),
    (
        "attribute wildcard validation tightened",
        _item(A, '<xs:anyAttribute processContents="lax"/>'),
        _item(A, '<xs:anyAttribute processContents="strict"/>'),
        "wildcard-changed",
        "Item",
        "breaking",
        "compatible",
    ),
    (
        "attribute wildcard namespace widened, validation tightened",
        _item(A, '<xs:anyAttribute namespace="##other" processContents="skip"/>'),
        _item(A, '<xs:anyAttribute namespace="##any" processContents="strict"/>'),
        "wildcard-changed",
        "Item",
        "breaking",
        "breaking",
    ),
    (
        "alternative added to a choice",
        _item(A, model="choice"),
        _item(A + B, model="choice"),
        "element-added",
        "Item/b",
        "compatible",
        "breaking",
    ),
    (
        "choice made a sequence",
        _item(A + B, model="choice"),
        _item(A + B),
        "content-model-changed",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "first member added to a substitution group",
        CODE + _item('<xs:element ref="t:code"/>'),
        CODE + OTHER_CODE + _item('<xs:element ref="t:code"/>'),
        "content-model-changed",
        "Item/code",
        "compatible",
        "breaking",
    ),
    (
        "last member of a substitution group removed",
        CODE + OTHER_CODE + _item('<xs:element ref="t:code"/>'),
        CODE + _item('<xs:element ref="t:code"/>'),
        "content-model-changed",
        "Item/code",
        "breaking",
        "compatible",
    ),
    (
        "optional element made an alternative of a required choice",
        _item('<xs:element name="a" type="xs:string" minOccurs="0"/>'),
        _item(A + '<xs:element name="c" type="xs:string"/>', model="choice"),
        "content-model-changed",
        "Item/a",
        "breaking",
        "breaking",
    ),
    (
        "sequence loosened to all",
        _item(A + B),
        _item(A + B, model="all"),
        "content-model-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "all made optional",
        _item(A + B, model="all"),
        OPTIONAL_ALL_ITEM,
        "content-model-changed",
        "Item",
        "compatible",
        "breaking",
    ),
    (
        "all made required",
        OPTIONAL_ALL_ITEM,
        _item(A + B, model="all"),
        "content-model-changed",
        "Item",
        "breaking",
        "compatible",
    ),
    (
        "all tightened to sequence",
        _item(A + B, model="all"),
        _item(A + B),
        "content-model-changed",
        "Item",
        "breaking",
        "compatible",
    ),
    (
        "element documentation changed",
        _item(
            '<xs:element name="a" type="xs:string"><xs:annotation>'
            "<xs:documentation>Old words.</xs:documentation></xs:annotation>"
            "</xs:element>"
        ),
        _item(
            '<xs:element name="a" type="xs:string"><xs:annotation>'
            "<xs:documentation>New words.</xs:documentation></xs:annotation>"
            "</xs:element>"
        ),
        "documentation-changed",
        "Item/a",
        "docs",
        "docs",
    ),
]
EVERY_TYPE_KINDS = {"type-added", "type-removed", "root-added", "root-removed"}


@pytest.mark.parametrize(
    "old_types, new_types, kind, path, sender, receiver",
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_change_is_named_and_classified_for_both_audiences(
    tmp_path, old_types, new_types, kind, path, sender, receiver
):
    changes = compare(
        tmp_path, old_types, new_types, every_type=kind in EVERY_TYPE_KINDS
    )

    found = [(c.kind, c.path) for c in changes]
    matching = [c for c in changes if (c.kind, c.path) == (kind, path)]
    assert len(matching) == 1, found
    change = matching[0]
    assert (change.sender.severity, change.receiver.severity) == (
        sender,
        receiver,
    ), change
    assert change.detail
    assert change.sender.reason
    assert change.receiver.reason


def test_every_change_kind_has_a_case():
    assert {case[3] for case in CASES} == set(CHANGE_KINDS)


def test_identical_schemas_give_no_changes(tmp_path):
    assert compare(tmp_path, _item(A + B), _item(A + B), every_type=True) == []


def test_named_enumeration_change_reported_once(tmp_path):
    colour = (
        '<xs:simpleType name="Colour"><xs:restriction base="xs:string">'
        '<xs:enumeration value="RED"/>{extra}</xs:restriction></xs:simpleType>'
    )
    body = (
        '<xs:element name="a" type="t:Colour"/><xs:element name="b" type="t:Colour"/>'
    )
    changes = compare(
        tmp_path,
        _item(body) + colour.format(extra=""),
        _item(body) + colour.format(extra='<xs:enumeration value="BLUE"/>'),
    )

    assert [(c.kind, c.path, c.python_name) for c in changes] == [
        ("enumeration-values-added", "Colour", "Colour")
    ]


def test_inherited_element_change_affects_every_subclass(tmp_path):
    types = (
        '<xs:complexType name="Item"><xs:complexContent><xs:extension base="t:Base">'
        "<xs:sequence>" + B + "</xs:sequence></xs:extension></xs:complexContent>"
        '</xs:complexType><xs:complexType name="Base"><xs:sequence>{base}'
        "</xs:sequence></xs:complexType>"
    )
    changes = compare(
        tmp_path,
        types.format(base=A),
        types.format(base=A + B_OPTIONAL.replace('"b"', '"c"')),
    )

    assert [(c.kind, c.path, c.python_name, c.affected) for c in changes] == [
        ("element-added", "Base/c", "Base.c", ("Base", "Item"))
    ]


def test_breaking_changes_come_first(tmp_path):
    changes = compare(
        tmp_path,
        _item(A + B_OPTIONAL),
        _item(
            '<xs:element name="a" type="xs:string"><xs:annotation><xs:documentation>'
            "Words.</xs:documentation></xs:annotation></xs:element>"
            + '<xs:element name="b" type="xs:string"/>'
        ),
    )

    assert [c.severity for c in changes] == ["breaking", "docs"]


def test_named_simple_type_reported_once(tmp_path):
    code = (
        '<xs:simpleType name="Code"><xs:restriction base="xs:string">'
        '<xs:maxLength value="{0}"/></xs:restriction></xs:simpleType>'
    )
    body = (
        '<xs:element name="a" type="t:Code"/><xs:element name="b" type="t:Code"/>'
        '<xs:element name="c" type="t:Code"/>'
    )

    changes = compare(
        tmp_path, _item(body) + code.format(9), _item(body) + code.format(3)
    )

    assert [(c.kind, c.path, c.python_name, c.affected) for c in changes] == [
        ("facet-changed", "Code", "simple_types.check_code", ("simple_types.code",))
    ]


def test_string_to_number_no_whitespace_change(tmp_path):
    changes = compare(tmp_path, _item(A), _item('<xs:element name="a" type="xs:int"/>'))

    assert [c.kind for c in changes] == ["builtin-changed"]


def test_changed_default_changes_meaning(tmp_path):
    changes = compare(
        tmp_path,
        _item('<xs:element name="a" type="xs:string" default="x"/>'),
        _item('<xs:element name="a" type="xs:string" default="y"/>'),
    )

    [change] = changes
    assert "changes meaning" in change.sender.reason
    assert "rejected" not in change.sender.reason


def test_named_group_change_reported(tmp_path):
    group = (
        '<xs:group name="Parts"><xs:sequence><xs:element name="p" type="xs:string"'
        ' minOccurs="0"/>{0}</xs:sequence></xs:group>'
    )
    extra = '<xs:element name="q" type="xs:string" minOccurs="0"/>'

    changes = compare(
        tmp_path,
        _item(A) + group.format(""),
        _item(A) + group.format(extra),
        every_type=True,
    )

    assert [(c.kind, c.path, c.python_name) for c in changes] == [
        ("element-added", "Parts/q", "")
    ]
