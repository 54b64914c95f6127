"""The generator's own model of the schema types it renders.

The loader (`codegen.load`) turns xmlschema components into these plain, frozen
dataclasses, so that templates, the equivalence test and a future schema
comparison work on one small vocabulary that does not depend on xmlschema's
internals. Everything here is derived from the schema alone: two schemas that
describe the same contract give equal models, documentation aside.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema"

# Joins the signatures of several xs:any particles of one type. No signature
# contains it, because a namespace URI cannot contain a double quote.
WILDCARD_SEPARATOR = "; "

# The field that contains the text of a complex type with simple content. An
# attribute whose name maps to it gets the suffix `_attribute`.
VALUE_FIELD = "value"

# The field of every generated class that keeps content the schema does not
# declare. No element or attribute may map to it.
UNKNOWN_CONTENT_FIELD = "unknown_content"

ContentModel = Literal["sequence", "choice", "all", "empty", "simple"]
# The kinds of Element member: an element declaration, a model group kept as
# item objects (`sequence` or `choice`), or an xs:any wildcard.
MemberKind = Literal["element", "sequence", "choice", "any"]
Derivation = Literal["extension", "restriction"]
WhiteSpace = Literal["preserve", "replace", "collapse"]


@dataclass(frozen=True)
class Facets:
    """The effective facets of a simple type, inherited through its restrictions.

    `patterns` contains one tuple per derivation step: a value must match at least
    one pattern of every step (XSD 1.1 Part 2, section 4.3.4). Length and range
    facets keep the most derived value. Range values stay in their lexical form.
    """

    white_space: WhiteSpace = "preserve"
    length: int | None = None
    min_length: int | None = None
    max_length: int | None = None
    patterns: tuple[tuple[str, ...], ...] = ()
    enumeration: tuple[str, ...] | None = None
    min_inclusive: str | None = None
    max_inclusive: str | None = None
    min_exclusive: str | None = None
    max_exclusive: str | None = None
    total_digits: int | None = None
    fraction_digits: int | None = None


@dataclass(frozen=True)
class EnumerationValue:
    """One allowed value of an enumerated simple type, with its member name."""

    value: str
    member: str
    documentation: str = ""


@dataclass(frozen=True)
class SimpleType:
    """A simple type: a built-in primitive, a list or a union, narrowed by facets.

    `name` is the qualified name `{namespace}local` of a named type, or None for
    an anonymous one. `builtin` is the local name of the nearest XSD built-in
    type that the value space comes from (`string`, `long`, `boolean`, ...), or
    `list` or `union`. A list has its `item_type`; a union has its
    `member_types` in the order the schema gives them (the `memberTypes`
    attribute first, then the inline types). The facets of a list or union are
    those of the restrictions derived from it.
    """

    name: str | None
    builtin: str
    facets: Facets
    python_name: str | None = None
    values: tuple[EnumerationValue, ...] = ()
    documentation: str = ""
    # The key in `SchemaModel.enumerations` of the enum class this type uses:
    # the qualified name of the type that declares the enumeration, or for an
    # anonymous one the path of its element or attribute (`{ns}Item/@kind`).
    enumeration_key: str | None = None
    item_type: SimpleType | None = None
    member_types: tuple[SimpleType, ...] = ()

    @property
    def is_enumeration(self) -> bool:
        return self.python_name is not None and bool(self.values)


@dataclass(frozen=True)
class Element:
    """A local element particle of a complex type."""

    name: str
    namespace: str
    field_name: str
    min_occurs: int
    max_occurs: int | None
    simple_type: SimpleType | None = None
    complex_type: str | None = None
    nillable: bool = False
    default: str | None = None
    fixed: str | None = None
    documentation: str = ""
    deprecation: str = ""
    # One of the alternatives of an xs:choice.
    alternative: bool = False
    # A member that is not an element declaration: for `sequence` and `choice`,
    # a model group whose occurrences are objects of the item class named by
    # `complex_type`, and `name` is the JSON member name; for `any`, the
    # elements that `wildcard` matches, kept as they are.
    kind: MemberKind = "element"
    wildcard: Wildcard | None = None

    @property
    def tag(self) -> str:
        """The ElementTree tag: `{namespace}name`, or the bare name when unqualified."""
        return f"{{{self.namespace}}}{self.name}" if self.namespace else self.name

    @property
    def is_declared(self) -> bool:
        """Tell whether the member is an element declaration, not a group or wildcard."""
        return self.kind == "element"

    @property
    def is_repeated(self) -> bool:
        return self.max_occurs is None or self.max_occurs > 1

    @property
    def is_required(self) -> bool:
        return self.min_occurs > 0


@dataclass(frozen=True)
class Wildcard:
    """The namespace constraint and processing of an xs:any or xs:anyAttribute.

    `namespaces` lists the allowed namespace URIs ("" for no namespace) unless
    `not_namespaces` is set: then any namespace except those is allowed (the
    form `##other` takes, with the target namespace and "" excluded).
    `declared` lists the tags of the global declarations the wildcard matches,
    which strict and lax processing validate against.
    """

    namespaces: tuple[str, ...] = ()
    not_namespaces: tuple[str, ...] | None = None
    process_contents: Literal["strict", "lax", "skip"] = "strict"
    declared: tuple[str, ...] = ()

    def allows(self, namespace: str) -> bool:
        if self.not_namespaces is not None:
            return namespace not in self.not_namespaces
        return namespace in self.namespaces


@dataclass(frozen=True)
class Choice:
    """An xs:choice flattened into one field per alternative.

    Each alternative is one element member, named by its field. When `required`,
    exactly one alternative must be present, otherwise at most one.
    """

    fields: tuple[str, ...]
    names: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class Attribute:
    """An attribute of a complex type."""

    name: str
    namespace: str
    field_name: str
    simple_type: SimpleType
    required: bool = False
    default: str | None = None
    fixed: str | None = None
    documentation: str = ""
    deprecation: str = ""

    @property
    def tag(self) -> str:
        return f"{{{self.namespace}}}{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class ComplexType:
    """A complex type that becomes one dataclass.

    `key` identifies the type inside the model: the qualified type name, or for
    an anonymous type the qualified name of the element that declares it.
    `elements` and `attributes` are the type's own; inherited ones live on the
    type named by `base`. `derivation` is how the type derives from `base`: an
    extension, or a restriction of a type with simple content, whose own
    attributes then include the inherited ones it narrows. `value_type` is the
    effective type of the text of a type with simple content (`content` is
    "simple"), with the facets of every derivation step.
    """

    key: str
    python_name: str
    anonymous: bool
    content: ContentModel
    base: str | None = None
    derivation: Derivation = "extension"
    abstract: bool = False
    value_type: SimpleType | None = None
    elements: tuple[Element, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    # Signatures of the xs:any particles and of the xs:anyAttribute, or "" when the
    # type has none (modelled by permissive builds only). A signature lists the
    # attributes that decide what the wildcard allows, in the schema's syntax:
    # `namespace="##other" processContents="lax" minOccurs="0" maxOccurs="1"`.
    # Several xs:any particles are joined by WILDCARD_SEPARATOR in document order.
    any_element: str = ""
    any_attribute: str = ""
    documentation: str = ""
    # The xs:choice groups among `elements` that became one field per alternative.
    choices: tuple[Choice, ...] = ()
    # The xs:anyAttribute wildcard, kept in the field `any_attributes`.
    attribute_wildcard: Wildcard | None = None
    # A class for the occurrences of a model group (a member of kind `sequence`
    # or `choice` of another type), not for an XML element.
    item: bool = False
    # The xs:all group has minOccurs="0": the content may be empty, and its
    # required elements are required only when one of its elements is present.
    optional_all: bool = False

    @property
    def local_name(self) -> str:
        return self.key.rpartition("}")[2]


@dataclass(frozen=True)
class RootElement:
    """A global element that a document may start with."""

    name: str
    namespace: str
    complex_type: str
    documentation: str = ""

    @property
    def tag(self) -> str:
        return f"{{{self.namespace}}}{self.name}" if self.namespace else self.name


@dataclass
class SchemaModel:
    """All types reachable from the configured root elements, in a stable order."""

    source: str
    roots: list[RootElement] = field(default_factory=list)
    complex_types: dict[str, ComplexType] = field(default_factory=dict)
    enumerations: dict[str, SimpleType] = field(default_factory=dict)
    # Named simple types and model groups asked for by qualified name
    # (schema comparison only).
    simple_types: dict[str, SimpleType] = field(default_factory=dict)
    groups: dict[str, ComplexType] = field(default_factory=dict)
    # Global elements that a strict or lax xs:any matches, by tag: a matched
    # element is checked against its declaration.
    wildcard_elements: dict[str, Element] = field(default_factory=dict)
    # Constructs approximated by a permissive build, as "component: message".
    unsupported: list[str] = field(default_factory=list)
    # The namespace of the schema document that declares each enumeration, by
    # `SimpleType.enumeration_key`; an anonymous enumeration's key is a path
    # with no namespace to tell it.
    enumeration_namespaces: dict[str, str] = field(default_factory=dict)
    # The schema's target namespace, and a digest of the documents of each
    # namespace the generated package declares or reuses (see codegen.reuse).
    target_namespace: str = ""
    digests: dict[str, str] = field(default_factory=dict)
    # The first schema file loaded for each reused namespace, for messages.
    documents: dict[str, str] = field(default_factory=dict)

    def all_elements(self, complex_type: ComplexType) -> list[Element]:
        """Return the elements of a type with the inherited ones first, in document order."""
        inherited = []
        if complex_type.base is not None:
            inherited = self.all_elements(self.complex_types[complex_type.base])
        return inherited + list(complex_type.elements)

    def all_attributes(self, complex_type: ComplexType) -> list[Attribute]:
        """Return the attributes of a type, inherited first; a restricted one replaces its base's."""
        inherited = []
        if complex_type.base is not None:
            inherited = self.all_attributes(self.complex_types[complex_type.base])
        own = {attribute.tag: attribute for attribute in complex_type.attributes}
        merged = [own.pop(attribute.tag, attribute) for attribute in inherited]
        return merged + list(own.values())

    def derived_types(self, complex_type: ComplexType) -> list[ComplexType]:
        """Return the types derived from a type, directly or not, ordered by key."""
        derived = []
        for other in self.complex_types.values():
            base = other.base
            while base is not None and base != complex_type.key:
                base = self.complex_types[base].base
            if base is not None:
                derived.append(other)
        return sorted(derived, key=lambda item: item.key)

    def content_of(self, complex_type: ComplexType) -> ContentModel:
        """Return the content model that governs a type's flattened elements."""
        if complex_type.content != "empty" or complex_type.base is None:
            return complex_type.content
        return self.content_of(self.complex_types[complex_type.base])

    def optional_all(self, complex_type: ComplexType) -> bool:
        """Tell whether the type's elements form an xs:all group with minOccurs="0"."""
        if complex_type.content != "empty" or complex_type.base is None:
            return complex_type.optional_all
        return self.optional_all(self.complex_types[complex_type.base])

    def contract(self) -> dict[str, Any]:
        """Return the model as plain data without documentation, for comparisons."""
        return {
            "roots": [_without_docs(root) for root in self.roots],
            "complex_types": {
                key: _without_docs(value) for key, value in self.complex_types.items()
            },
            "enumerations": {
                key: _without_docs(value) for key, value in self.enumerations.items()
            },
        }


def _without_docs(component: Any) -> Any:
    data = dataclasses.asdict(component)
    return _strip_docs(data)


def _strip_docs(data: Any) -> Any:
    if isinstance(data, dict):
        return {
            key: _strip_docs(value)
            for key, value in data.items()
            if key not in ("documentation", "deprecation")
        }
    if isinstance(data, (list, tuple)):
        return [_strip_docs(item) for item in data]
    return data
