"""Describe the IS24 JSON form of the generated roots as a JSON Schema (draft 2020-12).

The schema states what the generated `json_mapper.read_json` accepts in strict
mode with `rules=False`, and so also everything `write_json` writes. The reader
is tolerant, so the schema is too. A value may come as a JSON string, or as a
number or boolean whose text the reader checks. A single value may come as an
array of one. A root may be keyed in the dot form (`common.messages`), the
colon form or by its bare name. Where JSON Schema cannot state a check of the
reader exactly, the schema leaves it out or is stricter, and a `$comment` at
that spot states which.

Each model construct has one function below. A construct that this module does
not handle raises a CodegenError naming it, so that a construct added to the
model cannot end up as a wrong schema.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from elementpath.regex import translate_pattern

from codegen.builtins import BUILTINS
from codegen.config import Config
from codegen.errors import CodegenError
from codegen.write import JSON_GENERATED_MARK
from codegen.model import (
    Attribute,
    Choice,
    ComplexType,
    Element,
    RootElement,
    SchemaModel,
    SimpleType,
    Wildcard,
    XSD_NAMESPACE,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "schema.json"

# XSD whitespace (#x20, #x9, #xD, #xA), which collapse and replace normalise.
_WHITESPACE = "[ \\t\\n\\r]"
# Characters outside the XML 1.0 Char production. The reader rejects a string
# that contains one. In ECMAScript's Unicode mode and in Python, \uD800-\uDFFF
# matches only unpaired surrogates.
INVALID_XML_CHARACTER = (
    "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF]"
)
# The maximum number of digits of an integer that the reader converts.
_MAX_INTEGER_DIGITS = 4000
# The lexical forms of the reader (generated lexical.py), after collapsing.
_DECIMAL_TEXT = "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)"
_FLOAT_TEXT = "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|-?INF|NaN"
# The XML lexical forms of the date, time, duration and binary types, without
# the range checks of their fields (XSD 1.1 Part 2, section 3.3).
_TIME_ZONE = "(?:Z|[+-][0-9]{2}:[0-9]{2})?"
_YEAR = "-?[0-9]{4,}"
_CLOCK = "[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?"
_LEXICAL_FORMS = {
    "dateTime": f"{_YEAR}-[0-9]{{2}}-[0-9]{{2}}T{_CLOCK}{_TIME_ZONE}",
    "date": f"{_YEAR}-[0-9]{{2}}-[0-9]{{2}}{_TIME_ZONE}",
    "time": f"{_CLOCK}{_TIME_ZONE}",
    "gYearMonth": f"{_YEAR}-[0-9]{{2}}{_TIME_ZONE}",
    "gYear": f"{_YEAR}{_TIME_ZONE}",
    "gMonthDay": f"--[0-9]{{2}}-[0-9]{{2}}{_TIME_ZONE}",
    "gMonth": f"--[0-9]{{2}}{_TIME_ZONE}",
    "gDay": f"---[0-9]{{2}}{_TIME_ZONE}",
    # A duration needs at least one field, which this pattern does not check.
    "duration": "-?P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?"
    "(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\\.[0-9]+)?S)?)?",
    "hexBinary": "(?:[0-9a-fA-F]{2})*",
    # Base64 with the spaces that XSD allows between the characters.
    "base64Binary": "[A-Za-z0-9+/= ]*",
}
# repr() of a float that is not an integer has 3 ("0.5") to 24
# ("-1.7976931348623157e+308") characters.
_FLOAT_TEXT_LENGTHS = (3, 24)

# Escapes that elementpath leaves in a translated pattern and that mean the
# same in ECMAScript's Unicode mode. elementpath expands \p{...}, class
# subtraction and, inside brackets, the multi-character escapes into explicit
# classes.
_SAME_ESCAPES = frozenset("tnrfv\\/^$.*+?()[]{}|-")
# Characters that a literal in a pattern escapes.
_SPECIAL = frozenset("\\^$.*+?()[]{}|/")
# Multi-character escapes of XSD that elementpath expands inside brackets only.
_CLASS_ESCAPES = frozenset("dDsSwWiIcC")
# Python's `$` also matches before a final line break, so this lookahead makes a
# pattern end only at the end of the text, as ECMAScript's `$` does. The
# pydantic target removes it, because Rust's regex crate has no lookaround and
# its `$` already means the end of the text.
END_OF_TEXT = "(?![\\s\\S])"

_NUMBER_REPR_COMMENT = (
    "The reader takes a JSON number as its Python repr() text, so a number "
    "written with a fraction, such as 1.0, is read as 1.0, while JSON Schema "
    "treats 1.0 as the integer 1."
)


def json_schema_text(model: SchemaModel, config: Config, source: str) -> str:
    """Return the JSON Schema of the generated roots as deterministic JSON text."""
    schema = JsonSchemaBuilder(model, config, source).build()
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    # codegen.write recognises a leftover staging folder by this start.
    assert text.startswith(JSON_GENERATED_MARK)
    # Translated patterns may contain unpaired surrogates, which UTF-8 cannot
    # encode, so they are written as JSON escapes.
    return re.sub("[\ud800-\udfff]", lambda match: f"\\u{ord(match[0]):04x}", text)


def root_key_forms(prefix: str, name: str) -> list[str]:
    """Return the member names under which the reader accepts a root element."""
    if not prefix:
        return [name]
    return [f"{prefix}.{name}", f"{prefix}:{name}", name]


class JsonSchemaBuilder:
    """Build the JSON Schema of a model, one function per model construct."""

    def __init__(self, model: SchemaModel, config: Config, source: str) -> None:
        self.model = model
        self.config = config
        self.source = source
        self.prefixes = _root_prefixes(model, config)
        # $defs name -> schema of each simple type that is not an enumeration.
        self.simple_definitions: dict[str, Any] = {}
        # $defs name -> the simple type defined under it.
        self.simple_owners: dict[str, SimpleType] = {}
        # $defs name -> the objects of a polymorphic type and its derived types.
        self.polymorphic_definitions: dict[str, Any] = {}
        # $defs name -> the object of a type that names itself in `@xsi.type`.
        self.typed_definitions: dict[str, Any] = {}

    def build(self) -> dict[str, Any]:
        if self.model.unsupported:
            raise _unsupported(
                "a model built in permissive mode", self.model.unsupported[0]
            )
        definitions: dict[str, Any] = {}
        for complex_type in sorted(
            self.model.complex_types.values(), key=lambda item: item.python_name
        ):
            definitions[complex_type.python_name] = self.complex_type(complex_type)
        for enumeration in sorted(
            self.model.enumerations.values(), key=lambda item: item.python_name or ""
        ):
            definitions[enumeration.python_name] = self.enumeration(enumeration)
        roots = [self.root(root) for root in self.model.roots]
        properties = {key: value for root in roots for key, value in root.items()}
        for extra in (self.polymorphic_definitions, self.typed_definitions):
            for name in sorted(extra):
                definitions[name] = extra[name]
        for name in sorted(self.simple_definitions):
            definitions[name] = self.simple_definitions[name]
        return {
            "$comment": f"Generated by codegen from {self.source}. Do not edit by "
            "hand: change the schema, the templates or [tool.codegen] and run "
            "`python -m codegen`.",
            "$schema": DIALECT,
            "$id": f"urn:is24-codegen:{self.config.package}:json",
            "title": f"IS24 JSON documents of {self.config.package}",
            "description": "One object with one member, the root element: "
            + ", ".join(root.name for root in self.model.roots)
            + ". Attributes are members named @name.",
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
            "minProperties": 1,
            "maxProperties": 1,
            "$defs": definitions,
        }

    # Roots.

    def root(self, root: RootElement) -> dict[str, Any]:
        """Return the root's members: each key form the reader accepts, with its schema."""
        _reject_unhandled(root, {"name", "namespace", "complex_type", "documentation"})
        complex_type = self.model.complex_types[root.complex_type]
        value: dict[str, Any] = self.complex_reference(complex_type)
        if root.name in self.config.json_array_roots:
            value = self.wrapped_root(complex_type)
        if root.documentation:
            value = {"description": root.documentation, **value}
        prefix = self.prefixes.get(root.namespace, "")
        return {key: value for key in root_key_forms(prefix, root.name)}

    def wrapped_root(self, complex_type: ComplexType) -> dict[str, Any]:
        """Return a root that IS24 writes as an array of one-member objects.

        The reader merges the objects of the array into one, so each member's
        occurrences may be spread over several of them.
        """
        items: dict[str, Any] = {}
        counts: list[dict[str, Any]] = []
        comments: list[str] = []
        for name, member, minimum, maximum, nillable in self._members(complex_type):
            if nillable:
                member = {"anyOf": [member, {"type": "null"}]}
            if maximum == 1:
                items[name] = _one_or_array_of_one(member)
            else:
                items[name] = {"anyOf": [member, {"type": "array", "items": member}]}
            present: dict[str, Any] = {"required": [name]}
            if maximum != 1:
                empty = {"type": "array", "maxItems": 0}
                present["properties"] = {name: {"not": empty}}
            count: dict[str, Any] = {"contains": present}
            if minimum == 0:
                count["minContains"] = 0
            if maximum == 1:
                count["maxContains"] = 1
            if minimum > 0 or maximum == 1:
                counts.append(count)
            if minimum > 1 or maximum not in (1, None):
                comments.append(
                    f"{name} may occur {minimum} to {maximum or 'unbounded'} times; "
                    "the array form checks only that it occurs"
                    + (" at least once" if minimum else "")
                )
        comments.append(
            "In the array form, an element that may occur once must not be given "
            "as an empty array, although the reader accepts one when another "
            "object of the array gives the value."
        )
        array = {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": items,
                "additionalProperties": False,
            },
            "allOf": counts,
            "$comment": " ".join(comments),
        }
        return {"anyOf": [_ref(complex_type), array]}

    # Complex types and their members.

    def complex_type(
        self, complex_type: ComplexType, type_names: list[str] | None = None
    ) -> dict[str, Any]:
        """Return the object of a complex type, with inherited members flattened in.

        With `type_names`, the object must name its type in `@xsi.type` with
        one of them, as the reader of a polymorphic element expects.
        """
        _reject_unhandled(
            complex_type,
            {"key", "python_name", "anonymous", "content", "base", "elements"}
            | {"attributes", "documentation", "derivation", "abstract"}
            | {"value_type", "choices", "attribute_wildcard", "item"}
            | {"any_element", "any_attribute", "optional_all"},
        )
        self._check_wildcard_signatures(complex_type)
        content = self.model.content_of(complex_type)
        if content not in ("sequence", "all", "empty", "choice", "simple"):
            raise _unsupported(f"the content model {content!r}", complex_type.key)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if type_names is not None:
            properties["@xsi.type"] = {"enum": type_names}
            required.append("@xsi.type")
        # The elements of an xs:all group with minOccurs="0", and the required ones.
        optional_all = self.model.optional_all(complex_type)
        group: list[str] = []
        group_required: list[str] = []
        for name, member, minimum, maximum, nillable in self._members(complex_type):
            properties[name] = self.occurrences(member, minimum, maximum, nillable)
            in_group = optional_all and not name.startswith("@")
            if in_group:
                group.append(name)
            if minimum > 0 and name not in self._alternative_names(complex_type):
                (group_required if in_group else required).append(name)
        value = self.simple_content(complex_type)
        if value is not None:
            properties["$"] = _one_or_array_of_one(value)
        schema: dict[str, Any] = {"title": complex_type.python_name}
        if complex_type.documentation:
            schema["description"] = complex_type.documentation
        schema.update(type="object", properties=properties)
        if required:
            schema["required"] = required
        comments: list[str] = []
        schema.update(self.wildcards(complex_type, list(properties), comments))
        choices = self.choices(complex_type, comments)
        if group_required:
            # All required elements, or none of the group's elements at all.
            absent = {"not": {"anyOf": [{"required": [name]} for name in group]}}
            choices.append({"anyOf": [{"required": group_required}, absent]})
        if choices:
            schema["allOf"] = choices
        if content == "sequence":
            comments.insert(
                0,
                "JSON members have no order, so the order of the XML sequence is "
                "not checked.",
            )
        if comments:
            schema["$comment"] = " ".join(comments)
        return schema

    def _check_wildcard_signatures(self, complex_type: ComplexType) -> None:
        """Raise for a wildcard signature without the members that model it.

        A permissive build records xs:any and xs:anyAttribute only as a
        signature, which this module cannot turn into a schema.
        """
        members = [item for item in complex_type.elements if item.kind == "any"]
        if complex_type.any_element and not members:
            raise _unsupported(
                f"ComplexType.any_element = {complex_type.any_element!r}",
                complex_type.key,
            )
        if complex_type.any_attribute and complex_type.attribute_wildcard is None:
            raise _unsupported(
                f"ComplexType.any_attribute = {complex_type.any_attribute!r}",
                complex_type.key,
            )

    def simple_content(self, complex_type: ComplexType) -> dict[str, Any] | None:
        """Return the schema of the member `$`, the text of a type with simple content."""
        if complex_type.value_type is None:
            return None
        return self.simple_type(complex_type.value_type, f"{complex_type.key}/value")

    def choices(
        self, complex_type: ComplexType, comments: list[str]
    ) -> list[dict[str, Any]]:
        """Return one condition per xs:choice that became one member per alternative.

        A required choice needs exactly one of its members, an optional one at
        most one.
        """
        conditions = []
        for choice in self._all_choices(complex_type):
            present = [{"required": [name]} for name in choice.names]
            if choice.required:
                conditions.append({"oneOf": present})
            else:
                pairs = [
                    {"required": [first, second]}
                    for index, first in enumerate(choice.names)
                    for second in choice.names[index + 1 :]
                ]
                if pairs:
                    conditions.append({"not": {"anyOf": pairs}})
        if conditions:
            comments.append(
                "A choice counts a member as given when it is present; the reader "
                "counts an alternative given as an empty array as absent."
            )
        return conditions

    def _alternative_names(self, complex_type: ComplexType) -> set[str]:
        """Return the members that a choice requires or forbids, not their own minimum."""
        return {
            name for choice in self._all_choices(complex_type) for name in choice.names
        }

    def _all_choices(self, complex_type: ComplexType) -> list[Choice]:
        inherited: list[Choice] = []
        if complex_type.base is not None:
            base = self.model.complex_types[complex_type.base]
            inherited = self._all_choices(base)
        return inherited + list(complex_type.choices)

    def wildcards(
        self, complex_type: ComplexType, declared: list[str], comments: list[str]
    ) -> dict[str, Any]:
        """Return the keywords for members that xs:any and xs:anyAttribute admit.

        The reader keeps such a member as it is when its name (Clark notation
        `{namespace}name`, `@` first for an attribute) is in an allowed
        namespace. Any other undeclared member is rejected.
        """
        element_wildcards = [
            element
            for element in self.model.all_elements(complex_type)
            if element.kind == "any"
        ]
        attribute_wildcard = self._attribute_wildcard(complex_type)
        if not element_wildcards and attribute_wildcard is None:
            return {"additionalProperties": False}
        names: list[dict[str, Any]] = [{"enum": declared}] if declared else []
        for element in element_wildcards:
            assert element.wildcard is not None
            names.append(_wildcard_names(element.wildcard, ""))
            comments.append(
                f"The members that xs:any admits ({element.min_occurs} to "
                f"{element.max_occurs or 'unbounded'} of them) are not counted, and "
                "their values are not checked against a global declaration."
            )
        if attribute_wildcard is not None:
            names.append(_wildcard_names(attribute_wildcard, "@"))
            comments.append(
                "The values of attributes that xs:anyAttribute admits are not "
                "checked against a global declaration."
            )
        return {"propertyNames": {"anyOf": names}, "additionalProperties": True}

    def _attribute_wildcard(self, complex_type: ComplexType) -> Wildcard | None:
        if complex_type.attribute_wildcard is not None or complex_type.base is None:
            return complex_type.attribute_wildcard
        return self._attribute_wildcard(self.model.complex_types[complex_type.base])

    def _members(
        self, complex_type: ComplexType
    ) -> list[tuple[str, Any, int, int | None, bool]]:
        """Return (name, value schema, minimum, maximum, nillable) per declared member."""
        chain = self._derivation_chain(complex_type)
        # Inherited attributes first, as SchemaModel.all_attributes orders them;
        # an attribute that a restriction redeclares replaces the inherited one.
        attributes: dict[str, tuple[Attribute, ComplexType]] = {}
        for owner in chain:
            for attribute in owner.attributes:
                attributes[attribute.tag] = (attribute, owner)
        members = []
        for attribute, owner in attributes.values():
            value = self.attribute(attribute, owner)
            minimum = 1 if attribute.required else 0
            members.append(("@" + attribute.name, value, minimum, 1, False))
        for owner in chain:
            for element in owner.elements:
                if element.kind == "any":
                    continue
                value = self.element(element, owner)
                members.append(
                    (
                        element.name,
                        value,
                        element.min_occurs,
                        element.max_occurs,
                        # xsi:nil is not allowed on an element with a fixed value.
                        element.nillable and element.fixed is None,
                    )
                )
        return members

    def _derivation_chain(self, complex_type: ComplexType) -> list[ComplexType]:
        """Return a type and its bases, the first ancestor first."""
        chain = []
        declaring: ComplexType | None = complex_type
        while declaring is not None:
            chain.insert(0, declaring)
            base = declaring.base
            declaring = self.model.complex_types[base] if base is not None else None
        return chain

    def element(self, element: Element, owner: ComplexType) -> dict[str, Any]:
        """Return the schema of one value of an element, or of one item of a group."""
        label = f"{owner.key}/{element.name}"
        _reject_unhandled(
            element,
            {"name", "namespace", "field_name", "min_occurs", "max_occurs"}
            | {"simple_type", "complex_type", "documentation", "deprecation"}
            | {"default", "nillable", "fixed", "alternative", "kind", "wildcard"},
            label,
        )
        if element.kind not in ("element", "sequence", "choice"):
            raise _unsupported(f"Element.kind = {element.kind!r}", label)
        if element.complex_type is not None:
            value = self.complex_reference(
                self.model.complex_types[element.complex_type]
            )
        elif element.simple_type is not None:
            value = self.simple_type(element.simple_type, label)
            value = self.fixed_value(value, element.simple_type, element.fixed)
        else:
            raise _unsupported("an element without a type", label)
        return _annotated(value, element.documentation, element.deprecation)

    def attribute(self, attribute: Attribute, owner: ComplexType) -> dict[str, Any]:
        label = f"{owner.key}/@{attribute.name}"
        _reject_unhandled(
            attribute,
            {"name", "namespace", "field_name", "simple_type", "required", "default"}
            | {"documentation", "deprecation", "fixed"},
            label,
        )
        # The reader names every attribute by its local name only, so an
        # attribute in a namespace (xml:lang) is the member `@lang`.
        value = self.simple_type(attribute.simple_type, label)
        value = self.fixed_value(value, attribute.simple_type, attribute.fixed)
        return _annotated(value, attribute.documentation, attribute.deprecation)

    def fixed_value(
        self, value: dict[str, Any], simple_type: SimpleType, fixed: str | None
    ) -> dict[str, Any]:
        """Return a value schema narrowed to a fixed value.

        The validators compare the parsed value. For a string type that keeps
        whitespace, that is a comparison of the text, which `const` states for
        the string and for the JSON numbers and booleans with that text. For
        other types the fixed value is only named in a `$comment`.
        """
        if fixed is None:
            return value
        builtin = BUILTINS.get(simple_type.builtin)
        if builtin is not None and builtin.kind == "integer":
            return {"allOf": [value, _integer_forms(int(fixed.strip()))]}
        by_text = (
            builtin is not None
            and builtin.kind == "string"
            and simple_type.facets.white_space == "preserve"
        )
        if not by_text:
            return {
                "$comment": f"The value must equal the fixed value {fixed!r} once "
                "parsed; this schema does not check it.",
                **value,
            }
        forms: list[Any] = [fixed]
        if fixed in ("true", "false"):
            forms.append(fixed == "true")
        if _is_canonical_integer(fixed):
            forms.append(int(fixed))
        elif re.fullmatch(_FLOAT_TEXT, fixed) and repr(_float_or_none(fixed)) == fixed:
            forms.append(float(fixed))
        return {"allOf": [value, {"enum": forms}]}

    def complex_reference(self, complex_type: ComplexType) -> dict[str, Any]:
        """Return the schema of an element's object, with xsi:type where types derive from it."""
        derived = self.model.derived_types(complex_type)
        if not complex_type.abstract and not derived:
            return _ref(complex_type)
        name = self._polymorphic_definition(complex_type, derived)
        return {"$ref": f"#/$defs/{name}"}

    def _polymorphic_definition(
        self, complex_type: ComplexType, derived: list[ComplexType]
    ) -> str:
        """Define the objects of a declared type and the types derived from it.

        Without `@xsi.type` the object is of the declared type. With it, the
        object is of the type it names, as `prefix:Type` or `Type`. The
        validators reject an object of an abstract type, so no branch admits one.
        """
        name = f"{complex_type.python_name}OrDerived"
        if name in self.polymorphic_definitions:
            return name
        branches: list[dict[str, Any]] = []
        if not complex_type.abstract:
            branches.append(_ref(complex_type))
        for candidate in [complex_type, *derived]:
            if candidate.abstract:
                continue
            typed = f"{candidate.python_name}WithXsiType"
            self.typed_definitions[typed] = self.complex_type(
                candidate, self._type_names(candidate)
            )
            branches.append({"$ref": f"#/$defs/{typed}"})
        self.polymorphic_definitions[name] = {
            "title": name,
            "anyOf": branches,
        }
        return name

    def _type_names(self, complex_type: ComplexType) -> list[str]:
        """Return the `@xsi.type` values that name a type: `prefix:Type` and `Type`."""
        namespace, _, local = complex_type.key[1:].partition("}")
        if not complex_type.key.startswith("{"):
            return [complex_type.key]
        prefix = self.prefixes.get(namespace, "")
        return [f"{prefix}:{local}", local] if prefix else [local]

    def occurrences(
        self,
        value: dict[str, Any],
        minimum: int,
        maximum: int | None,
        nillable: bool = False,
    ) -> dict[str, Any]:
        """Return a member that contains one value, or an array of `minimum` to `maximum` values.

        The reader takes a single value in place of an array, and an array of
        one in place of a single value. A nillable element may be null (NIL):
        the single value itself, or an item of an array of a repeated one.
        """
        if maximum == 1:
            single = _one_or_array_of_one(value)
            if nillable:
                single["anyOf"].append({"type": "null"})
            return single
        item = {"anyOf": [value, {"type": "null"}]} if nillable else value
        array: dict[str, Any] = {"type": "array", "items": item}
        if minimum > 0:
            array["minItems"] = minimum
        if maximum is not None:
            array["maxItems"] = maximum
        if minimum > 1:
            return array
        return {"anyOf": [value, array]}

    # Simple types.

    def simple_type(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        _reject_unhandled(
            simple_type,
            {"name", "builtin", "facets", "python_name", "values", "documentation"}
            | {"enumeration_key", "item_type", "member_types"},
            label,
        )
        if simple_type.is_enumeration:
            return {"$ref": f"#/$defs/{simple_type.python_name}"}
        # A named type is defined once, and an anonymous one once per member.
        name = label.rpartition("}")[2].replace("/", "_")
        if simple_type.name is not None:
            namespace, _, local = simple_type.name.rpartition("}")
            name = f"xs_{local}" if namespace == "{" + XSD_NAMESPACE else local
        name = self._definition_name(name, simple_type)
        if name not in self.simple_definitions:
            self.simple_definitions[name] = self._simple_value(simple_type, label)
        return {"$ref": f"#/$defs/{name}"}

    def _definition_name(self, name: str, simple_type: SimpleType) -> str:
        """Return a $defs name for a simple type, numbered when another type has it."""
        taken = {item.python_name for item in self.model.complex_types.values()}
        taken |= {item.python_name for item in self.model.enumerations.values()}
        candidate, number = name, 1
        while candidate in taken or self.simple_owners.get(candidate, simple_type) != (
            simple_type
        ):
            number += 1
            candidate = f"{name}_{number}"
        self.simple_owners[candidate] = simple_type
        return candidate

    def _simple_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        if simple_type.builtin == "list":
            return self.list_value(simple_type, label)
        if simple_type.builtin == "union":
            return self.union_value(simple_type, label)
        builtin = BUILTINS.get(simple_type.builtin)
        if builtin is None:
            raise _unsupported(f"the built-in type xs:{simple_type.builtin}", label)
        kind_schema = {
            "string": self.string_value,
            "boolean": self.boolean_value,
            "integer": self.integer_value,
            "decimal": self.decimal_value,
            "float": self.float_value,
            "temporal": self.lexical_value,
            "duration": self.lexical_value,
            "binary": self.lexical_value,
        }[builtin.kind]
        return kind_schema(simple_type, label)

    def string_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return a string-valued type: a string, or a number or boolean whose text fits."""
        facets = simple_type.facets
        comments: list[str] = []
        string: dict[str, Any] = {"type": "string"}
        minimum, maximum = _length_bounds(simple_type)
        if minimum:
            string["minLength"] = minimum
        if maximum is not None:
            string["maxLength"] = maximum
        patterns = self._patterns(simple_type, label, comments)
        if patterns:
            string["pattern"] = patterns[0]
        if len(patterns) > 1:
            string["allOf"] = [{"pattern": pattern} for pattern in patterns[1:]]
        string["not"] = {"pattern": INVALID_XML_CHARACTER}
        if facets.white_space != "preserve" and (
            minimum or maximum is not None or patterns
        ):
            comments.append(_whitespace_comment(facets.white_space))
        if facets.enumeration is not None:
            raise _unsupported("an enumeration without an enumeration class", label)
        branches = [string, *self._boolean_texts(simple_type)]
        branches += self._number_texts(simple_type, comments)
        return _any_of(branches, comments)

    def _boolean_texts(self, simple_type: SimpleType) -> list[dict[str, Any]]:
        """Return the JSON booleans whose text, "true" or "false", the type accepts."""
        accepted = [
            value
            for value, text in ((True, "true"), (False, "false"))
            if _accepts_text(simple_type, text)
        ]
        if len(accepted) == 2:
            return [{"type": "boolean"}]
        return [{"const": value} for value in accepted]

    def _number_texts(
        self, simple_type: SimpleType, comments: list[str]
    ) -> list[dict[str, Any]]:
        """Return the JSON numbers whose text a string type accepts, where JSON Schema can express it."""
        facets = simple_type.facets
        if self._all_patterns(simple_type):
            comments.append(
                "The reader also accepts a JSON number whose text matches the "
                "pattern; this schema accepts only strings here."
            )
            return []
        minimum, maximum = _length_bounds(simple_type)
        branches = _integers_of_length(minimum, maximum)
        shortest, longest = _FLOAT_TEXT_LENGTHS
        if minimum <= shortest and (maximum is None or maximum >= longest):
            # Every double from 2**53 on is an integer; the bounds tell
            # validators that ignore "not", such as pydantic, as much.
            branches.append(
                {
                    "type": "number",
                    "not": {"type": "integer"},
                    "exclusiveMinimum": -(2**53),
                    "exclusiveMaximum": 2**53,
                }
            )
        elif facets.length is not None or minimum or maximum is not None:
            comments.append(
                "The reader also accepts a JSON number with a fraction whose "
                "text fits the length; this schema accepts only integers here."
            )
        if branches:
            comments.append(_NUMBER_REPR_COMMENT)
        return branches

    def list_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return a list type: one string of space-separated items.

        The reader also takes a JSON number or boolean as a list of one item.
        """
        assert simple_type.item_type is not None
        self.simple_type(simple_type.item_type, f"{label}/item")
        return {
            "$comment": "The reader splits the text at whitespace and checks each "
            "item against the item type and the list against its facets; this "
            "schema checks only that the value is a string, number or boolean.",
            "type": ["string", "number", "boolean"],
            "not": {"type": "string", "pattern": INVALID_XML_CHARACTER},
        }

    def union_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return a union type: a value that one of the member types accepts."""
        branches = [
            self.simple_type(member, f"{label}/member{index}")
            for index, member in enumerate(simple_type.member_types, 1)
        ]
        comments = []
        facets = simple_type.facets
        if facets.patterns or facets.enumeration is not None:
            comments.append(
                "The pattern and enumeration facets of the union are not checked."
            )
        return _any_of(branches, comments)

    def lexical_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return a date, time, duration or binary type: a string in its XML lexical form.

        The pattern checks the form only. The reader also checks the ranges
        (a month from 1 to 12, the days of that month, a time zone within
        14 hours), and the facets, which this schema leaves out.
        """
        builtin = simple_type.builtin
        comments = [
            "The pattern checks the lexical form only, not the ranges of its "
            "fields, and the reader also takes a JSON number or boolean whose "
            "text has this form; this schema accepts only strings."
        ]
        facets = simple_type.facets
        bounds = (
            facets.min_inclusive,
            facets.max_inclusive,
            facets.min_exclusive,
            facets.max_exclusive,
            facets.length,
            facets.min_length,
            facets.max_length,
            facets.enumeration,
        )
        if any(bound is not None for bound in bounds):
            comments.append("The range, length and enumeration facets are not checked.")
        string: dict[str, Any] = {
            "type": "string",
            "pattern": _padded([_LEXICAL_FORMS[builtin]]),
        }
        patterns = self._patterns(simple_type, label, comments)
        if patterns:
            string["allOf"] = [{"pattern": pattern} for pattern in patterns]
            comments.append(_whitespace_comment("collapse"))
        return _any_of([string], comments)

    def boolean_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return xs:boolean: a JSON boolean, 1 or 0, or one of their texts."""
        facets = simple_type.facets
        self._reject_facets(simple_type, label, ("length", "min_length", "max_length"))
        accepted = []
        for value, text in ((True, "true"), (False, "false")):
            allowed = facets.enumeration is None or any(
                _collapse(item) in (text, "1" if value else "0")
                for item in facets.enumeration
            )
            if allowed and _matches_patterns(simple_type, text):
                accepted.append(value)
        texts = [
            text
            for value in accepted
            for text in (("true", "1") if value else ("false", "0"))
        ]
        numbers = [1 if value else 0 for value in accepted]
        if not accepted:
            return {"$comment": "No value fits the facets.", "not": {}}
        return _any_of(
            [
                {"enum": [*accepted, *numbers]},
                {"type": "string", "pattern": _padded(texts)},
            ],
            [_NUMBER_REPR_COMMENT],
        )

    def integer_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return an integer type: a JSON integer, or a string of digits, in range."""
        facets = simple_type.facets
        comments: list[str] = []
        self._reject_facets(simple_type, label, ("length", "min_length", "max_length"))
        low, high = _integer_bounds(simple_type)
        if facets.patterns:
            comments.append(
                "The reader checks the pattern on the integer's canonical text; "
                "JSON Schema cannot, so the pattern is left out."
            )
        if facets.enumeration is not None:
            values = sorted(
                {
                    int(_collapse(item))
                    for item in facets.enumeration
                    if (low is None or int(_collapse(item)) >= low)
                    and (high is None or int(_collapse(item)) <= high)
                }
            )
            number: dict[str, Any] = {"enum": values}
            text = _padded([_integer_text(value) for value in values])
        else:
            number = {"type": "integer"}
            if low is not None:
                number["minimum"] = low
            if high is not None:
                number["maximum"] = high
            text = _padded([_integer_range_text(low, high)])
        comments.append(
            _NUMBER_REPR_COMMENT + " So this schema accepts 1.0 where the reader "
            "rejects it."
        )
        return _any_of([number, {"type": "string", "pattern": text}], comments)

    def decimal_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return xs:decimal: a JSON number in range, or a decimal string."""
        return self._real_value(simple_type, label, _DECIMAL_TEXT, "decimal")

    def float_value(self, simple_type: SimpleType, label: str) -> dict[str, Any]:
        """Return xs:float or xs:double: a JSON number in range, or a float string."""
        return self._real_value(simple_type, label, _FLOAT_TEXT, "float")

    def _real_value(
        self, simple_type: SimpleType, label: str, lexical: str, kind: str
    ) -> dict[str, Any]:
        """Return a float, double or decimal type: a JSON number in its bounds, or its text.

        `lexical` is the pattern of the type's text and `kind` its kind of
        number, since only a decimal's reader rejects exponents.
        """
        facets = simple_type.facets
        self._reject_facets(simple_type, label, ("length", "min_length", "max_length"))
        if facets.enumeration is not None:
            raise _unsupported(f"an enumeration of xs:{simple_type.builtin}", label)
        number: dict[str, Any] = {"type": "number"}
        bounds = {
            "minimum": facets.min_inclusive,
            "maximum": facets.max_inclusive,
            "exclusiveMinimum": facets.min_exclusive,
            "exclusiveMaximum": facets.max_exclusive,
        }
        for keyword, text in bounds.items():
            if text is not None:
                number[keyword] = _json_number(_collapse(text))
        comments = [
            "A string is checked only for its lexical form: JSON Schema cannot "
            "compare the number that a string contains with the bounds."
        ]
        if kind == "decimal":
            comments.append(
                "The reader rejects a JSON number whose repr() has an exponent "
                "(below 1e-4 or from 1e16 on); this schema accepts it."
            )
        if facets.total_digits is not None or facets.fraction_digits is not None:
            comments.append("totalDigits and fractionDigits are not checked.")
        if facets.patterns:
            comments.append("The pattern is not checked.")
        comments.append(
            "A JSON number too large for a double (1e999) is infinite for the "
            "reader, which rejects it."
        )
        string = {"type": "string", "pattern": _padded([lexical])}
        return _any_of([number, string], comments)

    def enumeration(self, simple_type: SimpleType) -> dict[str, Any]:
        """Return an enumerated string type: its values, and their boolean or integer forms."""
        label = simple_type.name or simple_type.python_name or ""
        if BUILTINS[simple_type.builtin].kind != "string":
            raise _unsupported(
                f"an enumeration class of xs:{simple_type.builtin}", label
            )
        values = [
            item.value
            for item in simple_type.values
            if _accepts_text(simple_type, item.value)
        ]
        others: list[Any] = [
            text == "true" for text in values if text in ("true", "false")
        ]
        others += [int(text) for text in values if _is_canonical_integer(text)]
        white_space = simple_type.facets.white_space
        schema: dict[str, Any] = {"title": simple_type.python_name}
        if simple_type.documentation:
            schema["description"] = simple_type.documentation
        if white_space == "preserve":
            schema["enum"] = [*values, *others]
            if any(_is_canonical_integer(text) for text in values):
                schema["$comment"] = _NUMBER_REPR_COMMENT
            return schema
        # The reader normalises whitespace first, so each value may come padded.
        pattern = _anchored(
            "|".join(_normalised_literal(text, white_space) for text in values)
        )
        branches: list[dict[str, Any]] = [{"type": "string", "pattern": pattern}]
        if others:
            branches.append({"enum": others})
        schema["anyOf"] = branches
        return schema

    # Facets.

    def _patterns(
        self, simple_type: SimpleType, label: str, comments: list[str]
    ) -> list[str]:
        """Return one ECMAScript pattern per derivation step, leaving out the untranslatable."""
        patterns = []
        for step in self._all_patterns(simple_type):
            translated = [_ecmascript_pattern(pattern, label) for pattern in step]
            failures = [reason for _, reason in translated if reason]
            if failures:
                comments.append(
                    "The pattern "
                    + " | ".join(step)
                    + " is not checked: "
                    + "; ".join(failures)
                )
                continue
            bodies = [body for body, _ in translated]
            patterns.append(_anchored("|".join(bodies)))
        return patterns

    @staticmethod
    def _all_patterns(simple_type: SimpleType) -> list[tuple[str, ...]]:
        """Return the pattern steps, and the lexical rule of the built-in type as the last."""
        steps = list(simple_type.facets.patterns)
        builtin_pattern = BUILTINS[simple_type.builtin].pattern
        if builtin_pattern:
            steps.append((builtin_pattern,))
        return steps

    @staticmethod
    def _reject_facets(
        simple_type: SimpleType, label: str, names: tuple[str, ...]
    ) -> None:
        for name in names:
            if getattr(simple_type.facets, name) is not None:
                raise _unsupported(
                    f"the facet {name} on xs:{simple_type.builtin}", label
                )


# Helpers for schema fragments.


def _ref(complex_type: ComplexType) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{complex_type.python_name}"}


def _one_or_array_of_one(value: dict[str, Any]) -> dict[str, Any]:
    return {
        "anyOf": [
            value,
            {"type": "array", "items": value, "minItems": 1, "maxItems": 1},
        ]
    }


def _any_of(branches: list[dict[str, Any]], comments: list[str]) -> dict[str, Any]:
    schema: dict[str, Any] = {}
    if comments:
        schema["$comment"] = " ".join(comments)
    if len(branches) == 1:
        schema.update(branches[0])
    else:
        schema["anyOf"] = branches
    return schema


def _annotated(
    value: dict[str, Any], documentation: str, deprecation: str
) -> dict[str, Any]:
    annotations: dict[str, Any] = {}
    if deprecation:
        annotations["deprecated"] = True
        documentation = f"Deprecated: {deprecation}. {documentation}".strip()
    if documentation:
        annotations["description"] = documentation
    return {**annotations, **value}


def _padded(alternatives: list[str]) -> str:
    """Return a pattern for texts that the reader collapses before it parses them."""
    return f"^{_WHITESPACE}*(?:" + "|".join(alternatives) + f"){_WHITESPACE}*$"


def _whitespace_comment(white_space: str) -> str:
    action = (
        "collapses runs of whitespace and trims the ends"
        if white_space == "collapse"
        else "replaces tabs and line breaks with spaces"
    )
    return (
        f"The reader {action} before it checks the length and the pattern; JSON "
        "Schema checks the text as sent, so it rejects some texts that fit "
        "after normalising and accepts some that do not."
    )


# Facet checks at generation time, on the texts "true" and "false" and on
# enumeration values, with the same pattern translation as the generated code.


def _collapse(text: str) -> str:
    return re.sub(_WHITESPACE + "+", " ", text).strip(" ")


def _normalise(text: str, white_space: str) -> str:
    if white_space == "collapse":
        return _collapse(text)
    if white_space == "replace":
        return re.sub("[\t\n\r]", " ", text)
    return text


def _length_bounds(simple_type: SimpleType) -> tuple[int, int | None]:
    facets = simple_type.facets
    if facets.length is not None:
        return facets.length, facets.length
    return facets.min_length or 0, facets.max_length


def _matches_patterns(simple_type: SimpleType, text: str) -> bool:
    for step in JsonSchemaBuilder._all_patterns(simple_type):
        python = [
            translate_pattern(
                pattern, back_references=False, lazy_quantifiers=False, anchors=False
            )
            for pattern in step
        ]
        if not any(re.match(pattern, text) for pattern in python):
            return False
    return True


def _accepts_text(simple_type: SimpleType, text: str) -> bool:
    """Return whether the reader accepts `text` for a string type (whitespace, length, patterns)."""
    value = _normalise(text, simple_type.facets.white_space)
    minimum, maximum = _length_bounds(simple_type)
    if len(value) < minimum or (maximum is not None and len(value) > maximum):
        return False
    if simple_type.facets.enumeration is not None and not simple_type.is_enumeration:
        return value in simple_type.facets.enumeration
    return _matches_patterns(simple_type, value)


def _float_or_none(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _wildcard_names(wildcard: Wildcard, marker: str) -> dict[str, Any]:
    """Return the schema of the member names that a wildcard admits.

    A strict wildcard admits only the global declarations in its namespaces,
    as the validators require. A lax or skip one admits any name in them.
    """
    if wildcard.process_contents == "strict":
        return {"enum": [marker + name for name in wildcard.declared]}
    return {"pattern": _wildcard_name_pattern(wildcard, marker)}


def _wildcard_name_pattern(wildcard: Wildcard, marker: str) -> str:
    """Return a pattern for the member names in a wildcard's namespaces.

    `marker` is "@" for attributes. A name in a namespace is in Clark
    notation, `{namespace}name`, and a name without one has no braces.
    """
    local = "[^@{}]+"
    if wildcard.not_namespaces is not None:
        excluded = [
            "\\{" + _literal(namespace) + "\\}" if namespace else "[^{]"
            for namespace in wildcard.not_namespaces
        ]
        lookahead = f"(?!{marker}(?:" + "|".join(excluded) + "))" if excluded else ""
        return f"^{lookahead}{_literal(marker)}(?:\\{{[^}}]*\\}})?{local}$"
    forms = [
        "\\{" + _literal(namespace) + "\\}" + local if namespace else local
        for namespace in wildcard.namespaces
    ]
    if not forms:
        return "^(?!)$"
    return f"^{_literal(marker)}(?:" + "|".join(forms) + ")$"


def _literal(text: str) -> str:
    """Return a pattern for `text`, escaping only what ECMAScript's Unicode mode allows."""
    return "".join(
        "\\" + character if character in _SPECIAL else character for character in text
    )


def _is_canonical_integer(text: str) -> bool:
    return re.fullmatch("-?(?:0|[1-9][0-9]*)", text) is not None and text != "-0"


def _normalised_literal(text: str, white_space: str) -> str:
    """Return a pattern for the texts that normalise to `text`."""
    if white_space == "replace":
        return "".join(
            _WHITESPACE if character == " " else re.escape(character)
            for character in text
        )
    words = [re.escape(word) for word in text.split(" ")]
    return f"{_WHITESPACE}*" + f"{_WHITESPACE}+".join(words) + f"{_WHITESPACE}*"


def _json_number(text: str) -> int | float:
    text = text.replace("INF", "inf")
    try:
        return int(text)
    except ValueError:
        return float(text)


# Integers and their texts.


def _integer_bounds(simple_type: SimpleType) -> tuple[int | None, int | None]:
    """Return the inclusive bounds of an integer type, from its facets and built-in type."""
    facets = simple_type.facets
    builtin = BUILTINS[simple_type.builtin]
    lows = [builtin.minimum, -(10**_MAX_INTEGER_DIGITS - 1)]
    highs = [builtin.maximum, 10**_MAX_INTEGER_DIGITS - 1]
    if facets.min_inclusive is not None:
        lows.append(int(_collapse(facets.min_inclusive)))
    if facets.min_exclusive is not None:
        lows.append(int(_collapse(facets.min_exclusive)) + 1)
    if facets.max_inclusive is not None:
        highs.append(int(_collapse(facets.max_inclusive)))
    if facets.max_exclusive is not None:
        highs.append(int(_collapse(facets.max_exclusive)) - 1)
    if facets.total_digits is not None:
        lows.append(-(10**facets.total_digits - 1))
        highs.append(10**facets.total_digits - 1)
    low = max(value for value in lows if value is not None)
    high = min(value for value in highs if value is not None)
    return low, high


def _integer_text(value: int) -> str:
    """Return a pattern for the texts of one integer: any sign and leading zeros."""
    if value == 0:
        return "[+-]?0+"
    if value > 0:
        return f"\\+?0*{value}"
    return f"-0*{-value}"


def _integer_range_text(low: int, high: int) -> str:
    """Return a pattern for the texts of the integers from `low` to `high`."""
    alternatives = []
    if low <= 0 <= high:
        alternatives.append("[+-]?0+")
    if high >= 1:
        alternatives.append("\\+?0*(?:" + _magnitudes(max(low, 1), high) + ")")
    if low <= -1:
        alternatives.append("-0*(?:" + _magnitudes(max(-high, 1), -low) + ")")
    return "|".join(alternatives)


def _magnitudes(low: int, high: int) -> str:
    """Return a pattern for the digits of the integers from `low` to `high` (both >= 1)."""
    parts = []
    full_lengths = []
    for digits in range(len(str(low)), len(str(high)) + 1):
        start = max(low, 10 ** (digits - 1))
        end = min(high, 10**digits - 1)
        if start == 10 ** (digits - 1) and end == 10**digits - 1:
            full_lengths.append(digits)
        else:
            parts.append(_same_length_range(str(start), str(end)))
    if full_lengths:
        # Every number of these lengths: one repetition keeps the pattern short.
        fewest, most = full_lengths[0] - 1, full_lengths[-1] - 1
        repeat = f"{{{fewest}}}" if fewest == most else f"{{{fewest},{most}}}"
        parts.append(f"[1-9][0-9]{repeat}")
    return "|".join(parts)


def _same_length_range(low: str, high: str) -> str:
    """Return a pattern for the numbers from `low` to `high`, texts of equal length."""
    if low == high:
        return low
    if len(low) == 1:
        return f"[{low}-{high}]"
    rest = len(low) - 1
    if low[0] == high[0]:
        return low[0] + "(?:" + _same_length_range(low[1:], high[1:]) + ")"
    parts = []
    first, last = int(low[0]), int(high[0])
    if low[1:] != "0" * rest:
        parts.append(low[0] + "(?:" + _same_length_range(low[1:], "9" * rest) + ")")
        first += 1
    upper = None
    if high[1:] != "9" * rest:
        upper = high[0] + "(?:" + _same_length_range("0" * rest, high[1:]) + ")"
        last -= 1
    if first <= last:
        digit = str(first) if first == last else f"[{first}-{last}]"
        parts.append(f"{digit}[0-9]{{{rest}}}")
    if upper is not None:
        parts.append(upper)
    return "|".join(parts)


def _integers_of_length(minimum: int, maximum: int | None) -> list[dict[str, Any]]:
    """Return the JSON integers whose decimal text has `minimum` to `maximum` characters."""
    if maximum is not None and maximum < max(minimum, 1):
        return []
    if minimum <= 1 and maximum is None:
        return [{"type": "integer"}]
    branches = []
    # Non-negative integers: the text is the digits.
    natural: dict[str, Any] = {"type": "integer"}
    natural["minimum"] = 0 if minimum <= 1 else 10 ** (minimum - 1)
    if maximum is not None:
        natural["maximum"] = 10**maximum - 1
    branches.append(natural)
    # Negative integers: a minus sign and at least one digit.
    if maximum is None or maximum >= 2:
        negative: dict[str, Any] = {"type": "integer"}
        negative["maximum"] = -(10 ** (max(minimum - 1, 1) - 1))
        if maximum is not None:
            negative["minimum"] = -(10 ** (maximum - 1) - 1)
        branches.append(negative)
    return branches


# Patterns.


def _ecmascript_pattern(xsd: str, label: str) -> tuple[str, str]:
    """Return the body of an ECMAScript pattern for an XSD pattern, or "" and the reason.

    elementpath translates the XSD pattern to a Python pattern anchored as
    `^(?:...)$(?!\\n\\Z)`. Its body is kept where every escape left in it
    means the same in ECMAScript's Unicode mode. Outside character classes,
    elementpath leaves the multi-character escapes (\\d, \\s, \\w, \\i, \\c
    and their complements) as they are, with Python's meaning. This function
    replaces each by the explicit class that elementpath gives inside brackets.
    """
    body = _python_body(xsd, label)
    if body is None:
        return "", "elementpath gave an unexpected translation"
    if "(?" in body.replace("(?:", ""):
        return "", "the translation uses a Python-only group"
    parts = []
    in_class = False
    index = 0
    while index < len(body):
        character = body[index]
        if character == "\\":
            escape = body[index + 1]
            index += 2
            if escape in _SAME_ESCAPES:
                parts.append("\\" + escape)
                continue
            if escape not in _CLASS_ESCAPES or in_class:
                return "", f"the escape \\{escape} has no equal in ECMAScript"
            expanded = _python_body(f"[\\{escape}]", label)
            if expanded is None or "\\" + escape in expanded:
                return "", f"the escape \\{escape} has no equal in ECMAScript"
            parts.append(expanded)
            continue
        if character == "[" and not in_class:
            in_class = True
        elif character == "]" and in_class:
            in_class = False
        parts.append(character)
        index += 1
    return "".join(parts), ""


def _python_body(xsd: str, label: str) -> str | None:
    """Return elementpath's Python translation of an XSD pattern, without its anchors."""
    try:
        python = translate_pattern(
            xsd, back_references=False, lazy_quantifiers=False, anchors=False
        )
    except Exception as error:  # elementpath raises several types for a bad pattern
        raise CodegenError(
            f"invalid XSD pattern {xsd!r}: {error}", component=label
        ) from None
    prefix, suffix = "^(?:", ")$(?!\\n\\Z)"
    if not (python.startswith(prefix) and python.endswith(suffix)):
        return None
    return python[len(prefix) : -len(suffix)]


def _anchored(body: str) -> str:
    return f"^(?:{body})${END_OF_TEXT}"


# Checks that the model contains only constructs handled here.


def _reject_unhandled(component: object, handled: set[str], label: str = "") -> None:
    """Raise when a component sets a model field that this module does not handle."""
    for model_field in dataclasses.fields(component):  # type: ignore[arg-type]
        if model_field.name in handled:
            continue
        value = getattr(component, model_field.name)
        default = model_field.default
        if model_field.default_factory is not dataclasses.MISSING:
            default = model_field.default_factory()
        if value != default:
            raise _unsupported(
                f"{type(component).__name__}.{model_field.name} = {value!r}",
                label
                or getattr(component, "key", "")
                or getattr(component, "name", ""),
            )


def _unsupported(construct: str, component: str) -> CodegenError:
    return CodegenError(
        f"{construct} is not supported yet by the JSON Schema writer; add a "
        "function for it to codegen/json_schema.py",
        component=component,
    )


def _root_prefixes(model: SchemaModel, config: Config) -> dict[str, str]:
    """Return the prefix of each root namespace, as the generated JSON mapper uses it."""
    from codegen.render import Renderer

    return Renderer(model, config, "").prefixes


def _integer_forms(number: int) -> dict[str, Any]:
    """Return the JSON forms of one integer value: the number, or any lexical form of it."""
    digits = str(abs(number))
    if number == 0:
        body = "[+-]?0+"
    elif number > 0:
        body = f"\\+?0*{digits}"
    else:
        body = f"-0*{digits}"
    space = "[ \\t\\n\\r]*"
    return {
        "anyOf": [
            {"const": number},
            {"type": "string", "pattern": f"^{space}{body}{space}$"},
        ]
    }
