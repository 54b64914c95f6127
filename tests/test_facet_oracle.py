"""Compare the generated package's verdicts with xmlschema's on mutated documents.

Each case takes a valid base document, changes one thing in it with
ElementTree and validates the result twice: with xmlschema and the newest
published IS24 schema (the oracle), and with `is24_common` with business
rules off. The cases are derived from the generator's model of the project's
schema, so an element or facet added to the schema adds cases:

- value cases, for every simple-typed element and attribute: values at and
  past its length facets, values that break or nearly match its patterns,
  unknown and re-cased enumeration values, odd lexical forms of its built-in
  type, and the valid value wrapped in whitespace;
- structure cases: each element removed (when required), duplicated, moved to
  the end or qualified with the namespace; a simple-typed element given a
  child, an attribute, xsi:nil or a comment; an unknown element, attribute or
  xsi attribute, a comment or text added to each complex-typed element, or all
  its children removed; a root renamed, in another namespace or with an
  unknown xsi:type.

`read_xml` must give xmlschema's verdict on every case. `read_json` must give
it on the IS24 JSON form of the document, for the cases that JSON can express
(it has no element order, namespaces or text between elements). `validate`
must give it on a dataclass that contains the changed value, when that value has
the field's Python type. Where the package gives a different verdict, the case
is listed in a KNOWN_* table below as a strict xfail: each entry is a bug in
the generator or its templates. XMLSCHEMA_DEVIATIONS lists the cases where
xmlschema departs from XSD and the package does not. For those, lxml gives the
expected verdict.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import xmlschema

import is24_common
import is24_common.models
from codegen.builtins import BUILTINS
from codegen.config import read_config
from codegen.generate import load_model
from codegen.model import Attribute, ComplexType, Element, SchemaModel, SimpleType

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = read_config(PROJECT / "pyproject.toml")
MODEL = load_model(CONFIG)

OTHER_NAMESPACE = "http://example.com/not-is24"
UNKNOWN_NAME = "unknownField"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
XSI_NIL = f"{XSI}nil"
XSI_TYPE = f"{XSI}type"
XSI_UNKNOWN = f"{XSI}{UNKNOWN_NAME}"
STRAY_TEXT = "stray text"

# One valid document per root element. Together they contain every element
# and attribute of every type once, which test_base_documents_cover_model
# checks. Values changed by cases are taken from here.
BASE_DOCUMENTS = {
    "realtorContactDetail": """\
<?xml version="1.0" encoding="UTF-8"?>
<common:realtorContactDetail
        xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0" id="4711">
    <email>max.mustermann@example.de</email>
    <salutation>FEMALE</salutation>
    <firstname>Maxine</firstname>
    <lastname>Mustermann</lastname>
    <faxNumberCountryCode>+49</faxNumberCountryCode>
    <faxNumberAreaCode>30</faxNumberAreaCode>
    <faxNumberSubscriber>243010001</faxNumberSubscriber>
    <faxNumber>+49 30 243010001</faxNumber>
    <phoneNumberCountryCode>+49</phoneNumberCountryCode>
    <phoneNumberAreaCode>30</phoneNumberAreaCode>
    <phoneNumberSubscriber>243010000</phoneNumberSubscriber>
    <phoneNumber>+49 30 243010000</phoneNumber>
    <cellPhoneNumberCountryCode>+49</cellPhoneNumberCountryCode>
    <cellPhoneNumberAreaCode>179</cellPhoneNumberAreaCode>
    <cellPhoneNumberSubscriber>24301000</cellPhoneNumberSubscriber>
    <cellPhoneNumber>+49 179 24301000</cellPhoneNumber>
    <address>
        <street>Andreasstr.</street>
        <houseNumber>10</houseNumber>
        <postcode>10243</postcode>
        <city>Berlin</city>
        <internationalCountryRegion>
            <country>AUT</country>
            <region>Tirol</region>
        </internationalCountryRegion>
    </address>
    <countryCode>DEU</countryCode>
    <title>Dr.</title>
    <additionName>HuiBuh</additionName>
    <company>Example Immobilien GmbH</company>
    <homepageUrl>https://www.example.de</homepageUrl>
    <portraitUrl>https://www.example.de/portrait.jpg</portraitUrl>
    <position>Managing director</position>
    <secondaryEmail>office@example.de</secondaryEmail>
    <clickOutUrl>https://partner.example.de/contact?id=4711</clickOutUrl>
    <officeHours>Mo-Fr 9:00-17:00</officeHours>
    <defaultContact>false</defaultContact>
    <localPartnerContact>false</localPartnerContact>
    <businessCardContact>true</businessCardContact>
    <realEstateReferenceCount>2</realEstateReferenceCount>
    <externalId>a-001</externalId>
    <showOnProfilePage>true</showOnProfilePage>
</common:realtorContactDetail>
""",
    "realtorContactDetailsList": """\
<?xml version="1.0" encoding="UTF-8"?>
<common:realtorContactDetailsList
        xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0">
    <realtorContactDetails id="1">
        <email>first@example.de</email>
    </realtorContactDetails>
    <realtorContactDetails id="2">
        <lastname>Second</lastname>
    </realtorContactDetails>
</common:realtorContactDetailsList>
""",
    # Message is an xs:all group, so the second message lists its children
    # in another order than the schema.
    "messages": """\
<?xml version="1.0" encoding="UTF-8"?>
<common:messages xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0">
    <message>
        <messageCode>MESSAGE_RESOURCE_UPDATED</messageCode>
        <message>Resource [contact] with id [4711] has been updated.</message>
    </message>
    <message>
        <message>Resource [contact] with id [4712] has been created.</message>
        <messageCode>MESSAGE_RESOURCE_CREATED</messageCode>
        <id>4712</id>
    </message>
</common:messages>
""",
}


# Where a case changes a base document.


@dataclass(frozen=True)
class Step:
    """One move from an element to one of its children."""

    element: Element
    index: int  # among the children with the element's tag, from 0

    @property
    def path_segment(self) -> str:
        # The path format numbers every occurrence of a repeated element from 1.
        if self.element.is_repeated:
            return f"{self.element.name}[{self.index + 1}]"
        return self.element.name


@dataclass(frozen=True)
class Location:
    """An element of a base document whose type is one of the model's complex types."""

    root: str
    steps: tuple[Step, ...]
    complex_type: ComplexType

    @property
    def path(self) -> str:
        """Return the path that the generated package gives problems at this element."""
        return "/".join([self.root, *(step.path_segment for step in self.steps)])

    def child(self, element: Element, index: int, model: SchemaModel) -> Location:
        step = Step(element, index)
        child_type = model.complex_types[element.complex_type]
        return Location(self.root, (*self.steps, step), child_type)

    def find(self, document: ET.Element) -> ET.Element:
        node = document
        for step in self.steps:
            node = children_named(node, step.element.tag)[step.index]
        return node

    def find_object(self, obj: object) -> object:
        for step in self.steps:
            obj = getattr(obj, step.element.field_name)
            if step.element.is_repeated:
                obj = obj[step.index]
        return obj


def children_named(node: ET.Element, tag: str) -> list[ET.Element]:
    return [child for child in node if child.tag == tag]


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def parse_base(root_name: str) -> ET.Element:
    return ET.fromstring(BASE_DOCUMENTS[root_name].encode())


def walk_locations(model: SchemaModel) -> list[Location]:
    """Return one location per complex type, the first one met from the roots.

    Inside a repeated element the walk takes the last occurrence, so that
    problem paths with an index above 1 are exercised.
    """
    locations: list[Location] = []
    seen: set[str] = set()

    def visit(location: Location, node: ET.Element) -> None:
        if location.complex_type.key in seen:
            return
        seen.add(location.complex_type.key)
        locations.append(location)
        for element in model.all_elements(location.complex_type):
            occurrences = children_named(node, element.tag)
            if element.complex_type is not None and occurrences:
                index = len(occurrences) - 1
                visit(location.child(element, index, model), occurrences[index])

    for root in model.roots:
        root_type = model.complex_types[root.complex_type]
        visit(Location(root.name, (), root_type), parse_base(root.name))
    return locations


def declaring_type(
    model: SchemaModel, complex_type: ComplexType, component: Element | Attribute
) -> ComplexType:
    """Return the type that declares `component`: `complex_type` or one of its bases."""
    declared = (*complex_type.elements, *complex_type.attributes)
    if component in declared or complex_type.base is None:
        return complex_type
    return declaring_type(model, model.complex_types[complex_type.base], component)


# Values for the value cases.

WORD_RUN = re.compile(r"\w+")
ASCII_DIGIT = re.compile(r"[0-9]")
XSD_WHITESPACE = re.compile(r"[ \t\n\r]+")
JSON_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")

# The lexical space of xs:boolean is true, false, 1 and 0, after whitespace
# collapsing (XSD 1.0 Part 2, section 3.2.2.1).
BOOLEAN_VALUES = {
    "yes": "yes",
    "upper-case": "TRUE",
    "spaces": " true ",
    "one": "1",
    "zero": "0",
    "empty": "",
}
INTEGER_VALUES = {
    "fraction": "1.5",
    "spaces": " 42 ",
    "plus-sign": "+7",
    "leading-zeros": "007",
    "empty": "",
    "hexadecimal": "0x10",
    # Python's int() accepts these two, but XSD allows only the digits 0-9.
    "arabic-indic-digit": "\u0663",
    "underscore": "1_000",
}
ANY_URI_VALUES = {
    "inner-space": "https://www.example.de/a b",
    "bad-percent-escape": "https://www.example.de/%zz",
    "relative": "portrait.jpg",
    "unclosed-bracket": "https://[example.de",
    "two-fragments": "https://www.example.de/#a#b",
}


def resize(value: str, length: int) -> str:
    """Return `value` grown or shrunk to `length` characters.

    The characters are added or removed inside runs of word characters, which
    keeps patterns such as `.+@.+\\..+` matching, so that a boundary case tests
    the length facet. Shrinking keeps one character of each run and then cuts
    from the start.
    """
    runs = sorted(WORD_RUN.finditer(value), key=lambda run: run.start() - run.end())
    if not runs:
        return (value + "x" * length)[:length]
    if length >= len(value):
        end = runs[0].end()
        return value[:end] + value[end - 1] * (length - len(value)) + value[end:]

    excess = len(value) - length
    removed: set[int] = set()
    for run in runs:
        count = min(excess, run.end() - run.start() - 1)
        removed.update(range(run.end() - count, run.end()))
        excess -= count
    kept = "".join(char for index, char in enumerate(value) if index not in removed)
    return kept[len(kept) - length :]


def length_values(simple_type: SimpleType, valid: str) -> dict[str, str]:
    facets = simple_type.facets
    values = {}
    maximum = facets.max_length if facets.length is None else facets.length
    minimum = facets.min_length if facets.length is None else facets.length
    if maximum is not None:
        values["max-length"] = resize(valid, maximum)
        values["max-length-plus-one"] = resize(valid, maximum + 1)
        # Whitespace that the type collapses does not count towards the length.
        values["max-length-in-spaces"] = f" {resize(valid, maximum)} "
        shorter = resize(valid, maximum - 1)
        values["max-length-double-space"] = f"{shorter[:1]}  {shorter[1:]}"
        # XSD counts characters, so a character outside the BMP counts once.
        values["max-length-astral"] = shorter + "\U0001f600"
    if minimum is not None:
        values["min-length"] = resize(valid, minimum)
        if minimum > 0:
            values["min-length-minus-one"] = resize(valid, minimum - 1)
    return values


def pattern_values(simple_type: SimpleType, valid: str) -> dict[str, str]:
    patterns = [pattern for step in simple_type.facets.patterns for pattern in step]
    if not patterns:
        return {}
    values = {
        "pattern-mismatch": "no match here",
        # A pattern matches the whole value, never a part of it.
        "pattern-prefix": "x" + valid,
        "pattern-suffix": valid + "x",
    }
    if any(r"\d" in pattern for pattern in patterns) and ASCII_DIGIT.search(valid):
        # XSD's \d is any Unicode decimal digit, not only 0-9.
        values["pattern-unicode-digit"] = ASCII_DIGIT.sub("\u0663", valid, count=1)
        values["pattern-astral-digit"] = ASCII_DIGIT.sub("\U0001d7db", valid, count=1)
    if any(re.search(r"(?<!\\)\.", pattern) for pattern in patterns):
        # XSD's . matches any character except a line feed or carriage return.
        values["pattern-inner-newline"] = valid[:1] + "\n" + valid[1:]
    return values


def enumeration_values(simple_type: SimpleType, valid: str) -> dict[str, str]:
    if simple_type.facets.enumeration is None:
        return {}
    return {"unknown-value": "NOT_A_VALUE", "lower-case": valid.lower()}


def builtin_values(simple_type: SimpleType) -> dict[str, str]:
    builtin = BUILTINS[simple_type.builtin]
    if builtin.kind == "boolean":
        return BOOLEAN_VALUES
    if builtin.kind == "integer":
        values = dict(INTEGER_VALUES)
        if builtin.maximum is not None:
            values["maximum"] = str(builtin.maximum)
            values["maximum-plus-one"] = str(builtin.maximum + 1)
        if builtin.minimum is not None:
            values["minimum"] = str(builtin.minimum)
            values["minimum-minus-one"] = str(builtin.minimum - 1)
        return values
    if simple_type.builtin == "anyURI":
        return ANY_URI_VALUES
    return {}


def whitespace_values(valid: str) -> dict[str, str]:
    return {
        "leading-space": " " + valid,
        "trailing-space": valid + " ",
        "surrounding-spaces": f" {valid} ",
        "leading-newline": "\n" + valid,
        "trailing-newline": valid + "\n",
        # U+00A0 is whitespace to Python's str.isspace and str.split, not to XSD.
        "trailing-no-break-space": valid + "\u00a0",
        "empty": "",
    }


def lexical_values(simple_type: SimpleType, valid: str) -> dict[str, str]:
    """Return the changed values to try for a simple type, each once, by case label."""
    candidates = {
        **length_values(simple_type, valid),
        **pattern_values(simple_type, valid),
        **enumeration_values(simple_type, valid),
        **builtin_values(simple_type),
    }
    for label, value in whitespace_values(valid).items():
        candidates.setdefault(label, value)

    values: dict[str, str] = {}
    for label, value in candidates.items():
        if value != valid and value not in values.values():
            values[label] = value
    return values


# The cases.

Edit = Callable[[ET.Element], None]


@dataclass(frozen=True)
class Mutation:
    """One change to a base document, and the problem path that it should cause."""

    case_id: str
    location: Location
    edit: Edit  # changes the located element in place
    target: str  # path of the changed element or attribute, as the package writes it
    in_json: bool  # whether the IS24 JSON form can express the change
    component: Element | Attribute | None = None  # whose value the change replaces
    value: str | None = None

    def document(self) -> ET.Element:
        root = parse_base(self.location.root)
        self.edit(self.location.find(root))
        return root


def set_child_text(tag: str, value: str) -> Edit:
    def edit(node: ET.Element) -> None:
        children_named(node, tag)[-1].text = value

    return edit


def set_attribute(name: str, value: str) -> Edit:
    def edit(node: ET.Element) -> None:
        node.set(name, value)

    return edit


def remove_attribute(name: str) -> Edit:
    def edit(node: ET.Element) -> None:
        del node.attrib[name]

    return edit


def rename_attribute(name: str, new_name: str) -> Edit:
    def edit(node: ET.Element) -> None:
        node.set(new_name, node.attrib.pop(name))

    return edit


def remove_children(tag: str) -> Edit:
    def edit(node: ET.Element) -> None:
        for child in children_named(node, tag):
            node.remove(child)

    return edit


def duplicate_child(tag: str) -> Edit:
    def edit(node: ET.Element) -> None:
        child = children_named(node, tag)[-1]
        node.insert(list(node).index(child) + 1, copy.deepcopy(child))

    return edit


def move_child_to_end(tag: str) -> Edit:
    def edit(node: ET.Element) -> None:
        child = children_named(node, tag)[0]
        node.remove(child)
        node.append(child)

    return edit


def qualify_child(tag: str, namespace: str) -> Edit:
    def edit(node: ET.Element) -> None:
        child = children_named(node, tag)[-1]
        child.tag = f"{{{namespace}}}{local_name(tag)}"

    return edit


def edit_child(tag: str, child_edit: Edit) -> Edit:
    def edit(node: ET.Element) -> None:
        child_edit(children_named(node, tag)[-1])

    return edit


def append_unknown_element(node: ET.Element) -> None:
    ET.SubElement(node, UNKNOWN_NAME).text = "x"


def insert_unknown_element_first(node: ET.Element) -> None:
    unknown = ET.Element(UNKNOWN_NAME)
    unknown.text = "x"
    node.insert(0, unknown)


def set_nil(node: ET.Element) -> None:
    node.text = None
    node.set(XSI_NIL, "true")


def split_text_by_comment(node: ET.Element) -> None:
    text = node.text or ""
    comment = ET.Comment(" comment ")
    comment.tail = text[1:]
    node.text = text[:1]
    node.append(comment)


def insert_comment_first(node: ET.Element) -> None:
    node.insert(0, ET.Comment(" comment "))


def add_stray_text(node: ET.Element) -> None:
    node.text = STRAY_TEXT


def add_no_break_space_text(node: ET.Element) -> None:
    node.text = "\u00a0"


def remove_all_children(node: ET.Element) -> None:
    for child in list(node):
        node.remove(child)


def add_stray_text_after_first_child(node: ET.Element) -> None:
    node[0].tail = STRAY_TEXT


def qualify_all_children(node: ET.Element) -> None:
    namespace = node.tag[1:].partition("}")[0]
    for child in node:
        child.tag = f"{{{namespace}}}{child.tag}"


def rename_root(tag: str) -> Edit:
    def edit(node: ET.Element) -> None:
        node.tag = tag

    return edit


def element_path(location: Location, element: Element, index: int) -> str:
    return f"{location.path}/{Step(element, index).path_segment}"


def value_mutations(
    location: Location, element: Element, valid: str, target: str, case: str
) -> Iterator[Mutation]:
    for label, value in lexical_values(element.simple_type, valid).items():
        yield Mutation(
            case_id=f"{case}:{label}",
            location=location,
            edit=set_child_text(element.tag, value),
            target=target,
            in_json=True,
            component=element,
            value=value,
        )


def occurrence_mutations(
    location: Location, element: Element, node: ET.Element, case: str
) -> Iterator[Mutation]:
    """Yield the cases that remove, repeat, move or qualify one element."""
    occurrences = children_named(node, element.tag)
    last = len(occurrences) - 1
    if element.is_required:
        yield Mutation(
            f"{case}:removed",
            location,
            remove_children(element.tag),
            f"{location.path}/{element.name}",
            in_json=True,
        )
    yield Mutation(
        f"{case}:duplicated",
        location,
        duplicate_child(element.tag),
        element_path(location, element, last + 1),
        in_json=True,
    )
    if occurrences[0] is not node[-1]:
        yield Mutation(
            f"{case}:moved-to-end",
            location,
            move_child_to_end(element.tag),
            element_path(location, element, last),
            in_json=False,
        )
    yield Mutation(
        f"{case}:qualified",
        location,
        qualify_child(element.tag, MODEL.roots[0].namespace),
        element_path(location, element, last),
        in_json=False,
    )


def simple_content_mutations(
    location: Location, element: Element, target: str, case: str
) -> Iterator[Mutation]:
    """Yield the cases that add a child, an attribute or xsi:nil to a simple element."""
    yield Mutation(
        f"{case}:child-element",
        location,
        edit_child(element.tag, append_unknown_element),
        target,
        in_json=False,
    )
    yield Mutation(
        f"{case}:unknown-attribute",
        location,
        edit_child(element.tag, set_attribute(UNKNOWN_NAME, "x")),
        f"{target}/@{UNKNOWN_NAME}",
        in_json=False,
    )
    # The verdict depends on the element's nillable property.
    yield Mutation(
        f"{case}:xsi-nil",
        location,
        edit_child(element.tag, set_nil),
        target,
        in_json=False,
    )
    # A comment is not part of the value, so this keeps the value valid.
    yield Mutation(
        f"{case}:split-by-comment",
        location,
        edit_child(element.tag, split_text_by_comment),
        target,
        in_json=False,
    )


def attribute_mutations(
    location: Location, attribute: Attribute, valid: str
) -> Iterator[Mutation]:
    owner = declaring_type(MODEL, location.complex_type, attribute)
    case = f"{owner.local_name}/@{attribute.name}"
    target = f"{location.path}/@{attribute.name}"
    for label, value in lexical_values(attribute.simple_type, valid).items():
        yield Mutation(
            f"{case}:{label}",
            location,
            set_attribute(attribute.tag, value),
            target,
            in_json=True,
            component=attribute,
            value=value,
        )
    if attribute.required:
        yield Mutation(
            f"{case}:removed",
            location,
            remove_attribute(attribute.tag),
            target,
            in_json=True,
        )
    # An attribute of the same name in another namespace is an unknown attribute.
    yield Mutation(
        f"{case}:qualified",
        location,
        rename_attribute(attribute.tag, f"{{{OTHER_NAMESPACE}}}{attribute.name}"),
        target,
        in_json=False,
    )


def location_mutations(location: Location, node: ET.Element) -> Iterator[Mutation]:
    """Yield the cases that change the content or attributes of a complex element."""
    case = location.complex_type.local_name
    yield from unknown_content_mutations(location, case)
    yield from xsi_mutations(location, case)
    yield from text_mutations(location, node, case)

    required = [e for e in MODEL.all_elements(location.complex_type) if e.is_required]
    yield Mutation(
        f"{case}:children-removed",
        location,
        remove_all_children,
        f"{location.path}/{required[0].name}" if required else location.path,
        in_json=True,
    )


def unknown_content_mutations(location: Location, case: str) -> Iterator[Mutation]:
    yield Mutation(
        f"{case}:unknown-element-first",
        location,
        insert_unknown_element_first,
        f"{location.path}/{UNKNOWN_NAME}",
        in_json=False,
    )
    yield Mutation(
        f"{case}:unknown-element-last",
        location,
        append_unknown_element,
        f"{location.path}/{UNKNOWN_NAME}",
        in_json=True,
    )
    yield Mutation(
        f"{case}:unknown-attribute",
        location,
        set_attribute(UNKNOWN_NAME, "x"),
        f"{location.path}/@{UNKNOWN_NAME}",
        in_json=True,
    )


def xsi_mutations(location: Location, case: str) -> Iterator[Mutation]:
    # XSD 1.0 Part 1, section 3.3.4: an element that is not nillable must not
    # have xsi:nil at all, even with the value false.
    yield Mutation(
        f"{case}:xsi-nil-false",
        location,
        set_attribute(XSI_NIL, "false"),
        location.path,
        in_json=False,
    )
    yield Mutation(
        f"{case}:xsi-unknown-attribute",
        location,
        set_attribute(XSI_UNKNOWN, "x"),
        location.path,
        in_json=False,
    )


def text_mutations(
    location: Location, node: ET.Element, case: str
) -> Iterator[Mutation]:
    """Yield the cases that add a comment or text between the child elements."""
    yield Mutation(
        f"{case}:comment-first",
        location,
        insert_comment_first,
        location.path,
        in_json=False,
    )
    yield Mutation(
        f"{case}:text-content",
        location,
        add_stray_text,
        location.path,
        in_json=False,
    )
    # Only spaces, tabs and line breaks are whitespace in element-only content;
    # xmlschema 4.3.2 accepts U+00A0 here, so lxml decides (XMLSCHEMA_DEVIATIONS).
    yield Mutation(
        f"{case}:no-break-space-text",
        location,
        add_no_break_space_text,
        location.path,
        in_json=False,
    )
    if len(node):
        yield Mutation(
            f"{case}:text-after-first-child",
            location,
            add_stray_text_after_first_child,
            location.path,
            in_json=False,
        )


def root_mutations(location: Location, node: ET.Element) -> Iterator[Mutation]:
    name = location.root
    namespace = MODEL.roots[0].namespace
    renames = {
        "root-no-namespace": name,
        "root-other-namespace": f"{{{OTHER_NAMESPACE}}}{name}",
        "root-unknown-name": f"{{{namespace}}}{UNKNOWN_NAME}",
    }
    for label, tag in renames.items():
        yield Mutation(
            f"{name}:{label}",
            location,
            rename_root(tag),
            local_name(tag),
            in_json=False,
        )
    # NOTE: only on the root, because below it xmlschema 4.3.2 raises
    # XMLSchemaKeyError for an unknown xsi:type instead of returning invalid.
    yield Mutation(
        f"{name}:xsi-type-unknown",
        location,
        set_attribute(XSI_TYPE, "unknownType"),
        name,
        in_json=False,
    )

    elements = {e.tag: e for e in MODEL.all_elements(location.complex_type)}
    yield Mutation(
        f"{name}:children-qualified",
        location,
        qualify_all_children,
        element_path(location, elements[node[0].tag], 0),
        in_json=False,
    )


def location_cases(location: Location, model: SchemaModel) -> Iterator[Mutation]:
    node = location.find(parse_base(location.root))
    if not location.steps:
        yield from root_mutations(location, node)
    yield from location_mutations(location, node)

    for element in model.all_elements(location.complex_type):
        occurrences = children_named(node, element.tag)
        if not occurrences:
            continue  # test_base_documents_cover_model reports it
        owner = declaring_type(model, location.complex_type, element)
        case = f"{owner.local_name}/{element.name}"
        yield from occurrence_mutations(location, element, node, case)
        if element.simple_type is not None:
            # The simple-typed cases change the last occurrence, as the edits do.
            last = len(occurrences) - 1
            target = element_path(location, element, last)
            valid = occurrences[last].text or ""
            yield from value_mutations(location, element, valid, target, case)
            yield from simple_content_mutations(location, element, target, case)

    for attribute in model.all_attributes(location.complex_type):
        valid = node.get(attribute.tag)
        if valid is not None:
            yield from attribute_mutations(location, attribute, valid)


def build_mutations(model: SchemaModel) -> list[Mutation]:
    return [
        mutation
        for location in walk_locations(model)
        for mutation in location_cases(location, model)
    ]


MUTATIONS = build_mutations(MODEL)


# Documents, verdicts and failure messages.


def serialize(document: ET.Element) -> bytes:
    # ElementTree chooses its own prefixes when writing, but an xsi:type value
    # names its type through the prefix the generated writer declared. Keeping
    # the package's prefixes keeps those values resolvable.
    for namespace, prefix in CONFIG.prefixes.items():
        ET.register_namespace(prefix, namespace)
    return ET.tostring(document, encoding="utf-8", xml_declaration=True)


def json_scalar(element: Element | None, text: str) -> object:
    """Return an element's text as IS24 writes it: integers as numbers, else strings."""
    if element is None or element.simple_type is None:
        return text
    is_integer = BUILTINS[element.simple_type.builtin].kind == "integer"
    if is_integer and JSON_INTEGER.fullmatch(text):
        return int(text)
    return text


def json_content(node: ET.Element, complex_type: ComplexType) -> dict[str, object]:
    """Convert an element of complex type to IS24's JSON form: members by local name.

    Attributes become `@name` members with string values, and an element that
    occurs more than once becomes an array.
    """
    content: dict[str, object] = {
        f"@{local_name(name)}": value for name, value in node.attrib.items()
    }
    elements = {element.tag: element for element in MODEL.all_elements(complex_type)}
    grouped: dict[str, list[object]] = {}
    for child in node:
        element = elements.get(child.tag)
        if element is not None and element.complex_type is not None:
            value = json_content(child, MODEL.complex_types[element.complex_type])
        else:
            value = json_scalar(element, child.text or "")
        grouped.setdefault(local_name(child.tag), []).append(value)
    for name, values in grouped.items():
        content[name] = values[0] if len(values) == 1 else values
    return content


def json_document(document: ET.Element) -> bytes:
    """Return the IS24 JSON form of a document.

    The roots named in `[tool.codegen] json-array-roots` become an array of
    one-member objects, one per child element, as IS24 writes them.
    """
    root = next(root for root in MODEL.roots if root.tag == document.tag)
    prefix = CONFIG.prefixes[root.namespace]
    content = json_content(document, MODEL.complex_types[root.complex_type])
    if root.name in CONFIG.json_array_roots:
        content = [
            {name: item}
            for name, value in content.items()
            for item in (value if isinstance(value, list) else [value])
        ]
    return json.dumps({f"{prefix}.{root.name}": content}).encode()


_oracle_verdicts: dict[bytes, bool] = {}


def oracle_accepts(schema: xmlschema.XMLSchema10, data: bytes) -> bool:
    if data not in _oracle_verdicts:
        _oracle_verdicts[data] = schema.is_valid(data)
    return _oracle_verdicts[data]


def oracle_reason(schema: xmlschema.XMLSchema10, data: bytes) -> str:
    error = next(schema.iter_errors(data), None)
    return "" if error is None else f" ({error.reason})"


def raised_problems(
    reader: Callable[..., object], data: bytes
) -> list[is24_common.Problem] | None:
    """Return the problems that `reader` raises for `data`, or None if it accepts it."""
    try:
        reader(data, rules=False)
    except is24_common.DocumentError as error:
        return error.problems
    return None


def display(document: ET.Element) -> list[str]:
    return ET.tostring(document, encoding="unicode").splitlines()


def describe(
    mutation: Mutation,
    schema: xmlschema.XMLSchema10,
    expected: bool,
    problems: list[is24_common.Problem] | None,
) -> str:
    """Describe a disagreement: both verdicts, the changed lines and the problems."""
    document = mutation.document()
    verdict = "valid" if expected else "invalid"
    reason = "" if expected else oracle_reason(schema, serialize(document))
    base = parse_base(mutation.location.root)
    changes = difflib.unified_diff(display(base), display(document), lineterm="", n=1)
    ours = "valid" if problems is None else "invalid"
    lines = [
        f"{mutation.case_id}: xmlschema: {verdict}{reason}; is24_common: {ours}",
        "changed lines of the document:",
        *list(changes)[2:],
    ]
    if problems:
        lines.append("is24_common problems:")
        lines.extend(f"  {problem}" for problem in problems)
    return "\n".join(lines)


# Python values of the changed lexical values, for the object cases.

UNREPRESENTABLE = object()


def python_value(simple_type: SimpleType, lexical: str) -> object:
    """Return the Python value that a field of `simple_type` holds for `lexical`.

    Returns UNREPRESENTABLE when no value of the field's Python type
    represents the lexical form, such as "yes" for a bool field.
    """
    if simple_type.is_enumeration:
        enumeration = getattr(is24_common.models, simple_type.python_name)
        members = {member.value: member for member in enumeration}
        return members.get(lexical, UNREPRESENTABLE)

    kind = BUILTINS[simple_type.builtin].kind
    if kind == "string":
        return lexical

    collapsed = XSD_WHITESPACE.sub(" ", lexical).strip(" ")
    if kind == "boolean":
        booleans = {"true": True, "false": False, "1": True, "0": False}
        return booleans.get(collapsed, UNREPRESENTABLE)
    if kind == "integer" and re.fullmatch(r"[+-]?[0-9]+", collapsed):
        return int(collapsed)
    return UNREPRESENTABLE


def has_python_value(mutation: Mutation) -> bool:
    if mutation.component is None:
        return False
    value = python_value(mutation.component.simple_type, mutation.value)
    return value is not UNREPRESENTABLE


def changed_lexical(mutation: Mutation, document: ET.Element) -> str:
    """Return the changed value as a parser reads it from the serialized document."""
    node = mutation.location.find(ET.fromstring(serialize(document)))
    component = mutation.component
    if isinstance(component, Attribute):
        return node.get(component.tag)
    return children_named(node, component.tag)[-1].text or ""


# Known disagreements with xmlschema, by case id: each is a bug to fix. None is
# open; the tables stay so that a new one is recorded where it is seen.
KNOWN_XML_DISAGREEMENTS: dict[str, str] = {}
KNOWN_JSON_DISAGREEMENTS: dict[str, str] = {}
KNOWN_OBJECT_DISAGREEMENTS: dict[str, str] = {}
KNOWN_PATH_MISMATCHES: dict[str, str] = {}

# Cases where xmlschema, not is24_common, departs from XSD 1.0 Part 2. They
# are strict xfails of the XML and JSON tests, so a change on either side shows.
INTEGER_PARSED_BY_INT = (
    "xmlschema 4.3.2 reads xs:long with Python's int(), which accepts Unicode digits "
    "and underscores; the XSD lexical space [+-]?[0-9]+ excludes them, and so does "
    "is24_common"
)
UNICODE_WHITESPACE_STRIPPED = (
    "xmlschema 4.3.2 strips U+00A0 from xs:long and xs:boolean values, but XSD "
    "collapses only spaces, tabs and line breaks, as is24_common does"
)
TEXT_WITH_NO_BREAK_SPACE = (
    "xmlschema 4.3.2 accepts U+00A0 as text between child elements, but only spaces, "
    "tabs and line breaks are whitespace in XML, so element-only content rejects it"
)
XMLSCHEMA_DEVIATIONS: dict[str, str] = {
    **dict.fromkeys(
        [
            "RealtorContactDetails:no-break-space-text",
            "Address:no-break-space-text",
            "CountryRegion:no-break-space-text",
            "realtorContactDetailsList:no-break-space-text",
            "messages:no-break-space-text",
            "Message:no-break-space-text",
        ],
        TEXT_WITH_NO_BREAK_SPACE,
    ),
    **dict.fromkeys(
        [
            "RealtorContactDetails/realEstateReferenceCount:arabic-indic-digit",
            "RealtorContactDetails/realEstateReferenceCount:underscore",
            "ContactDetails/@id:arabic-indic-digit",
            "ContactDetails/@id:underscore",
        ],
        INTEGER_PARSED_BY_INT,
    ),
    **dict.fromkeys(
        [
            "RealtorContactDetails/defaultContact:trailing-no-break-space",
            "RealtorContactDetails/localPartnerContact:trailing-no-break-space",
            "RealtorContactDetails/businessCardContact:trailing-no-break-space",
            "RealtorContactDetails/realEstateReferenceCount:trailing-no-break-space",
            "RealtorContactDetails/showOnProfilePage:trailing-no-break-space",
            "ContactDetails/@id:trailing-no-break-space",
        ],
        UNICODE_WHITESPACE_STRIPPED,
    ),
}


def params(mutations: list[Mutation], *known_tables: dict[str, str]) -> list:
    """Return the mutations as pytest parameters, known failures as strict xfails."""
    known = {
        case_id: reason for table in known_tables for case_id, reason in table.items()
    }
    result = []
    for mutation in mutations:
        marks = []
        if mutation.case_id in known:
            reason = known[mutation.case_id]
            marks.append(pytest.mark.xfail(reason=reason, strict=True))
        result.append(pytest.param(mutation, id=mutation.case_id, marks=marks))
    return result


JSON_MUTATIONS = [mutation for mutation in MUTATIONS if mutation.in_json]
OBJECT_MUTATIONS = [mutation for mutation in MUTATIONS if has_python_value(mutation)]


# Tests of the cases themselves.


def test_case_ids_are_unique():
    ids = [mutation.case_id for mutation in MUTATIONS]
    duplicates = sorted({case_id for case_id in ids if ids.count(case_id) > 1})
    assert not duplicates


def test_known_disagreements_name_existing_cases():
    ids = {mutation.case_id for mutation in MUTATIONS}
    tables = (
        KNOWN_XML_DISAGREEMENTS,
        KNOWN_JSON_DISAGREEMENTS,
        KNOWN_OBJECT_DISAGREEMENTS,
        KNOWN_PATH_MISMATCHES,
        XMLSCHEMA_DEVIATIONS,
    )
    stale = sorted(
        case_id for table in tables for case_id in table if case_id not in ids
    )
    assert not stale


def test_base_documents_cover_model():
    """Every element and attribute of the model appears in a base document."""
    missing = []
    located = set()
    for location in walk_locations(MODEL):
        located.add(location.complex_type.key)
        node = location.find(parse_base(location.root))
        for element in MODEL.all_elements(location.complex_type):
            if not children_named(node, element.tag):
                missing.append(f"{location.path}/{element.name}")
        for attribute in MODEL.all_attributes(location.complex_type):
            if attribute.tag not in node.attrib:
                missing.append(f"{location.path}/@{attribute.name}")
    # The other types of the model have no base document here. They are the
    # bases of the located types, the types derived from any of these, and the
    # types those contain. A document names a derived type in xsi:type, and a
    # sibling of a declared type only comes from code. The verdict tests of
    # tests/test_whole_schemas.py cover every type of the published schema,
    # and tests/test_type_shapes.py covers xsi:type itself.
    reached = set(located)
    pending = list(located)
    while pending:
        complex_type = MODEL.complex_types[pending.pop()]
        related = [item.key for item in MODEL.derived_types(complex_type)]
        related += [
            element.complex_type
            for element in MODEL.all_elements(complex_type)
            if element.complex_type is not None
        ]
        if complex_type.base is not None:
            related.append(complex_type.base)
        for key in related:
            if key not in reached:
                reached.add(key)
                pending.append(key)
    unreached = set(MODEL.complex_types) - reached

    assert not missing, "add these to BASE_DOCUMENTS with valid values"
    assert not unreached, "add elements of these types to BASE_DOCUMENTS"


def test_every_simple_component_has_value_cases():
    changed = {
        (mutation.location.path, mutation.component.name)
        for mutation in MUTATIONS
        if mutation.component is not None
    }
    expected = set()
    for location in walk_locations(MODEL):
        components = [
            *MODEL.all_attributes(location.complex_type),
            *(e for e in MODEL.all_elements(location.complex_type) if e.simple_type),
        ]
        expected.update((location.path, component.name) for component in components)

    assert expected <= changed


def test_resize_keeps_email_form():
    assert resize("max.mustermann@example.de", 5) == "m@e.d"
    assert resize("max.mustermann@example.de", 4) == "@e.d"
    assert len(resize("max.mustermann@example.de", 300)) == 300


# Tests of the base documents.


@pytest.mark.parametrize("root_name", list(BASE_DOCUMENTS))
def test_base_document_valid_for_xmlschema(root_name, newest_schema):
    data = BASE_DOCUMENTS[root_name].encode()

    assert oracle_accepts(newest_schema, data), oracle_reason(newest_schema, data)


@pytest.mark.parametrize("root_name", list(BASE_DOCUMENTS))
def test_base_document_valid_for_read_xml(root_name):
    problems = raised_problems(is24_common.read_xml, BASE_DOCUMENTS[root_name].encode())

    assert problems is None, problems


@pytest.mark.parametrize("root_name", list(BASE_DOCUMENTS))
def test_base_document_valid_for_read_json(root_name):
    data = json_document(parse_base(root_name))
    problems = raised_problems(is24_common.read_json, data)

    assert problems is None, problems


@pytest.mark.parametrize("root_name", list(BASE_DOCUMENTS))
def test_base_document_object_valid(root_name):
    obj = is24_common.read_xml(BASE_DOCUMENTS[root_name].encode(), rules=False)

    assert is24_common.validate(obj, rules=False) == []


# Tests of the mutated documents.


@pytest.mark.parametrize(
    "mutation", params(MUTATIONS, KNOWN_XML_DISAGREEMENTS, XMLSCHEMA_DEVIATIONS)
)
def test_read_xml_verdict_matches_xmlschema(mutation, newest_schema):
    data = serialize(mutation.document())
    expected = oracle_accepts(newest_schema, data)
    problems = raised_problems(is24_common.read_xml, data)

    assert (problems is None) == expected, describe(
        mutation, newest_schema, expected, problems
    )


@pytest.mark.parametrize("mutation", params(MUTATIONS, KNOWN_PATH_MISMATCHES))
def test_read_xml_problem_points_at_mutation(mutation, newest_schema):
    data = serialize(mutation.document())
    problems = raised_problems(is24_common.read_xml, data)
    if oracle_accepts(newest_schema, data) or problems is None:
        pytest.skip("only a document that both validators reject has problem paths")
    accepted = {mutation.target, mutation.target.rpartition("/")[0]}
    message = f"expected a problem at {' or '.join(sorted(accepted))}\n" + describe(
        mutation, newest_schema, False, problems
    )

    # A problem with an attribute of the changed element, such as xsi:nil, points at it too.
    assert any(
        problem.path in accepted or problem.path.startswith(mutation.target + "/@")
        for problem in problems
    ), message


@pytest.fixture(scope="module")
def lxml_schema():
    """The project's schema in lxml: the second oracle, where xmlschema departs from XSD."""
    etree = pytest.importorskip("lxml.etree")
    return etree.XMLSchema(
        etree.parse(str(Path(__file__).parent.parent / "schema" / "common-1.0.xsd"))
    )


@pytest.mark.parametrize(
    "mutation",
    [mutation for mutation in MUTATIONS if mutation.case_id in XMLSCHEMA_DEVIATIONS],
)
def test_read_xml_verdict_matches_lxml_where_xmlschema_deviates(mutation, lxml_schema):
    from lxml import etree

    data = serialize(mutation.document())
    ours = raised_problems(is24_common.read_xml, data) is None

    assert ours == lxml_schema.validate(etree.fromstring(data)), mutation.case_id


@pytest.mark.parametrize(
    "mutation", params(JSON_MUTATIONS, KNOWN_JSON_DISAGREEMENTS, XMLSCHEMA_DEVIATIONS)
)
def test_read_json_verdict_matches_xmlschema(mutation, newest_schema):
    document = mutation.document()
    expected = oracle_accepts(newest_schema, serialize(document))
    problems = raised_problems(is24_common.read_json, json_document(document))

    assert (problems is None) == expected, (
        describe(mutation, newest_schema, expected, problems)
        + f"\nJSON form: {json_document(document).decode()[:2000]}"
    )


@pytest.fixture(scope="module")
def base_objects() -> dict[str, object]:
    return {
        name: is24_common.read_xml(text.encode(), rules=False)
        for name, text in BASE_DOCUMENTS.items()
    }


@pytest.mark.parametrize(
    "mutation", params(OBJECT_MUTATIONS, KNOWN_OBJECT_DISAGREEMENTS)
)
def test_validate_verdict_matches_xmlschema(mutation, newest_schema, base_objects):
    document = mutation.document()
    expected = oracle_accepts(newest_schema, serialize(document))
    obj = copy.deepcopy(base_objects[mutation.location.root])
    value = python_value(
        mutation.component.simple_type, changed_lexical(mutation, document)
    )
    setattr(mutation.location.find_object(obj), mutation.component.field_name, value)
    problems = is24_common.validate(obj, rules=False) or None

    assert (problems is None) == expected, (
        describe(mutation, newest_schema, expected, problems)
        + f"\nfield value: {value!r}"
    )
