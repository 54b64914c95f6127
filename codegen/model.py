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

# The field of every generated class that keeps content the schema does not
# declare. No element or attribute may map to it.
UNKNOWN_CONTENT_FIELD = "unknown_content"

ContentModel = Literal["sequence", "all", "empty"]
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
    """An atomic simple type: a built-in primitive narrowed by facets.

    `name` is the qualified name `{namespace}local` of a named type, or None for
    an anonymous one. `builtin` is the local name of the nearest XSD built-in
    type that the value space comes from (`string`, `long`, `boolean`, ...).
    """

    name: str | None
    builtin: str
    facets: Facets
    python_name: str | None = None
    values: tuple[EnumerationValue, ...] = ()
    documentation: str = ""

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
    # One of the alternatives of an xs:choice (modelled by permissive builds only).
    alternative: bool = False

    @property
    def tag(self) -> str:
        """The ElementTree tag: `{namespace}name`, or the bare name when unqualified."""
        return f"{{{self.namespace}}}{self.name}" if self.namespace else self.name

    @property
    def is_repeated(self) -> bool:
        return self.max_occurs is None or self.max_occurs > 1

    @property
    def is_required(self) -> bool:
        return self.min_occurs > 0


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
    type named by `base` (an xs:extension).
    """

    key: str
    python_name: str
    anonymous: bool
    content: ContentModel
    base: str | None = None
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
    # Constructs approximated by a permissive build, as "component: message".
    unsupported: list[str] = field(default_factory=list)
    # The namespace of the schema document that declares each enumeration, by
    # class name; an anonymous enumeration has no qualified name to tell it.
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
        inherited = []
        if complex_type.base is not None:
            inherited = self.all_attributes(self.complex_types[complex_type.base])
        return inherited + list(complex_type.attributes)

    def content_of(self, complex_type: ComplexType) -> ContentModel:
        """Return the content model that governs a type's flattened elements."""
        if complex_type.content != "empty" or complex_type.base is None:
            return complex_type.content
        return self.content_of(self.complex_types[complex_type.base])

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
