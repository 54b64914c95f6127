"""Load an XSD with xmlschema and build the generator's model of it.

Only the types reachable from the requested root elements enter the model.
The loader walks xmlschema's components, never the schema text, so includes,
imports and chameleon includes are resolved the way xmlschema resolves them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

import xmlschema
from xmlschema.validators import (
    XsdAnyElement,
    XsdAtomicBuiltin,
    XsdAtomicRestriction,
    XsdElement,
    XsdGroup,
)

from codegen.builtins import BUILTINS
from codegen.errors import CodegenError, UnsupportedConstruct
from codegen.model import (
    XSD_NAMESPACE,
    Attribute,
    ComplexType,
    Element,
    EnumerationValue,
    Facets,
    RootElement,
    SchemaModel,
    SimpleType,
)
from codegen.naming import constant_case, pascal_case, snake_case

logger = logging.getLogger(__name__)

_XSD = f"{{{XSD_NAMESPACE}}}"
_RANGE_FACETS = {
    "min_inclusive": "minInclusive",
    "max_inclusive": "maxInclusive",
    "min_exclusive": "minExclusive",
    "max_exclusive": "maxExclusive",
}
_COUNT_FACETS = {
    "length": "length",
    "min_length": "minLength",
    "max_length": "maxLength",
    "total_digits": "totalDigits",
    "fraction_digits": "fractionDigits",
}


def load_schema(
    path: Path, locations: Mapping[str, str] | None = None
) -> xmlschema.XMLSchema10:
    """Parse and build a schema, turning xmlschema's errors into a CodegenError."""
    if not path.is_file():
        raise CodegenError(
            "schema file not found: check the path given with --schema or in [tool.codegen]",
            schema=path,
        )
    try:
        return xmlschema.XMLSchema10(
            str(path), locations=list((locations or {}).items())
        )
    except xmlschema.XMLSchemaParseError as error:
        raise CodegenError(
            f"the schema is invalid: {error.message}; fix the schema file, or map a "
            "namespace that it imports without a location with --location NAMESPACE=PATH",
            schema=_file_path(error.schema_url) or path,
            line=error.sourceline,
            path=error.path,
        ) from None
    except (OSError, xmlschema.XMLSchemaException, SyntaxError) as error:
        raise CodegenError(
            f"the schema could not be loaded: {error}; check that every include and "
            "import can be found, or map a namespace with --location NAMESPACE=PATH",
            schema=path,
        ) from None


def build_model(
    schema: xmlschema.XMLSchema10,
    roots: Iterable[str],
    source: str,
    deprecations: Mapping[str, str] | None = None,
    *,
    named_types: Iterable[str] = (),
    strict: bool = True,
) -> SchemaModel:
    """Build the model of every type reachable from the named global elements.

    Args:
        named_types: qualified names of global types to add even when no root
            reaches them (`codegen diff --all` passes every one).
        strict: raise UnsupportedConstruct for a construct the templates cannot
            render. The schema comparison passes False: it then gets the closest
            model the vocabulary allows, and `SchemaModel.unsupported` lists what
            was approximated.
    """
    builder = _ModelBuilder(schema, deprecations or {}, strict)
    model = SchemaModel(source=source)
    for root_name in roots:
        try:
            root = builder.add_root(root_name)
        except RecursionError:
            raise UnsupportedConstruct(
                "recursive types are not supported yet",
                schema=schema.url,
                component=root_name,
            ) from None
        if root is not None:
            model.roots.append(root)
    for type_name in named_types:
        builder.add_named_type(type_name)
    model.complex_types = builder.complex_types
    model.enumerations = builder.enumerations
    model.simple_types = builder.simple_types
    model.unsupported = sorted(set(builder.unsupported))
    return model


def global_names(schema: xmlschema.XMLSchema10) -> tuple[list[str], list[str]]:
    """Return the qualified names of the schema's global elements and named types.

    Only components of the schema's own target namespace count: imported
    namespaces (xlink, XSD itself) are reached through references instead.
    """
    namespace = schema.target_namespace
    elements = sorted(
        name
        for name in schema.maps.elements
        if name.startswith(f"{{{namespace}}}") or (not namespace and "}" not in name)
    )
    types = sorted(
        name
        for name in schema.maps.types
        if name.startswith(f"{{{namespace}}}") or (not namespace and "}" not in name)
    )
    return elements, types


class _ModelBuilder:
    def __init__(
        self,
        schema: xmlschema.XMLSchema10,
        deprecations: Mapping[str, str],
        strict: bool = True,
    ):
        self.schema = schema
        self.deprecations = deprecations
        self.strict = strict
        self.complex_types: dict[str, ComplexType] = {}
        self.enumerations: dict[str, SimpleType] = {}
        self.simple_types: dict[str, SimpleType] = {}
        self.python_names: dict[str, str] = {}
        self.unsupported: list[str] = []

    def _unsupported(self, error: UnsupportedConstruct) -> None:
        """Raise the error, or in permissive mode note it and carry on."""
        if self.strict:
            raise error
        component = error.context.get("component", "")
        self.unsupported.append(f"{component}: {error.message}")

    def add_root(self, name: str) -> RootElement | None:
        xsd_element = self._find_global_element(name)
        xsd_type = xsd_element.type
        if xsd_type.is_simple():
            self._unsupported(
                UnsupportedConstruct(
                    f"root element {name!r} has a simple type; only elements of "
                    "complex type can be roots",
                    schema=self.schema.url,
                    component=xsd_element.name,
                )
            )
            return None
        if xsd_type.name is None:
            key = xsd_element.name
            python_name = pascal_case(xsd_element.local_name)
        else:
            key = xsd_type.name
            python_name = pascal_case(xsd_type.local_name)
        self._add_complex_type(xsd_type, key, python_name)

        return RootElement(
            name=xsd_element.local_name,
            namespace=xsd_element.target_namespace,
            complex_type=key,
            documentation=_documentation(xsd_element),
        )

    def add_named_type(self, qualified_name: str) -> None:
        """Add a global type to the model whether or not a root reaches it."""
        xsd_type = self.schema.maps.types[qualified_name]
        if xsd_type.is_complex():
            self._add_complex_type(
                xsd_type, qualified_name, pascal_case(xsd_type.local_name)
            )
        else:
            self.simple_types[qualified_name] = self._simple_type(
                xsd_type, pascal_case(xsd_type.local_name)
            )

    def _find_global_element(self, name: str) -> XsdElement:
        elements = self.schema.maps.elements
        candidates = (
            [name]
            if name.startswith("{")
            else [
                (
                    f"{{{self.schema.target_namespace}}}{name}"
                    if self.schema.target_namespace
                    else name
                ),
                *(qname for qname in elements if qname.rpartition("}")[2] == name),
            ]
        )
        for qname in candidates:
            if qname in elements:
                return elements[qname]
        known = sorted(qname.rpartition("}")[2] for qname in self.schema.elements)
        if not known:
            raise CodegenError(
                f"the schema has no global element {name!r}, and no global elements at all",
                schema=self.schema.url,
            )
        raise CodegenError(
            f"the schema has no global element {name!r}; choose a root from: "
            + ", ".join(known[:40])
            + (" ..." if len(known) > 40 else ""),
            schema=self.schema.url,
        )

    def _add_complex_type(self, xsd_type, key: str, python_name: str) -> None:
        if key in self.complex_types:
            return
        self._claim_python_name(python_name, key)
        # Reserve the key first so that recursive types terminate.
        self.python_names.setdefault(key, python_name)
        self.complex_types[key] = None  # type: ignore[assignment]
        self.complex_types[key] = self._complex_type(xsd_type, key, python_name)

    def _claim_python_name(self, python_name: str, key: str) -> None:
        for other_key, other_name in self.python_names.items():
            if other_name == python_name and other_key != key:
                raise CodegenError(
                    f"two types map to the Python class name {python_name!r}; "
                    "rename one in the schema or in the configuration",
                    schema=self.schema.url,
                    component=f"{other_key} and {key}",
                )
        self.python_names[key] = python_name

    def _complex_type(self, xsd_type, key: str, python_name: str) -> ComplexType:
        base_key = None
        base_type = xsd_type.base_type
        if (
            base_type is not None
            and base_type.is_complex()
            and base_type.name != f"{_XSD}anyType"
        ):
            if xsd_type.derivation != "extension":
                # Permissive mode models the restricted type on its own.
                self._unsupported(
                    UnsupportedConstruct(
                        "derivation of a complex type by restriction of another "
                        "complex type is not supported yet",
                        schema=xsd_type.schema.url,
                        component=key,
                    )
                )
            else:
                base_key = base_type.name
                self._add_complex_type(
                    base_type, base_key, pascal_case(base_type.local_name)
                )

        if xsd_type.has_simple_content():
            self._unsupported(
                UnsupportedConstruct(
                    "complex types with simple content (text with attributes) are "
                    "not supported yet",
                    schema=xsd_type.schema.url,
                    component=key,
                )
            )
        if getattr(xsd_type, "mixed", False):
            self._unsupported(
                UnsupportedConstruct(
                    "mixed content is not supported yet",
                    schema=xsd_type.schema.url,
                    component=key,
                )
            )

        content, xsd_elements = self._content_elements(xsd_type.content, key)
        attributes = self._attributes(xsd_type, key)
        if base_key is not None:
            base = self.complex_types[base_key]
            xsd_elements = xsd_elements[len(self._all_elements(base_type)) :]
            attributes = [
                a for a in attributes if a.tag not in _attribute_tags(base_type)
            ]
            if not xsd_elements and content == base.content:
                content = "empty"
        elements = tuple(
            self._element(xsd_element, key, python_name) for xsd_element in xsd_elements
        )
        _check_unique_fields(elements, attributes, key)

        return ComplexType(
            key=key,
            python_name=python_name,
            anonymous=xsd_type.name is None,
            content=content,
            base=base_key,
            elements=elements,
            attributes=tuple(attributes),
            documentation=_documentation(xsd_type),
        )

    def _all_elements(self, xsd_type) -> list[XsdElement]:
        if xsd_type.has_simple_content() or xsd_type.content is None:
            return []
        return self._content_elements(xsd_type.content, xsd_type.name or "")[1]

    def _content_elements(self, group, key: str) -> tuple[str, list[XsdElement]]:
        if group is None or not isinstance(group, XsdGroup) or not len(group):
            return "empty", []
        if group.model == "all":
            self._require_single_occurrence(group, key)
            return "all", list(group)
        return "sequence", self._flatten_sequence(group, key)

    def _flatten_sequence(self, group: XsdGroup, key: str) -> list[XsdElement]:
        if group.model != "sequence":
            # Permissive mode lists the particles of a choice as if in sequence.
            self._unsupported(
                UnsupportedConstruct(
                    f"xs:{group.model} inside a sequence is not supported yet",
                    schema=group.schema.url,
                    component=key,
                )
            )
        self._require_single_occurrence(group, key)
        elements: list[XsdElement] = []
        for particle in group:
            if isinstance(particle, XsdAnyElement) and not isinstance(
                particle, XsdElement
            ):
                self._unsupported(
                    UnsupportedConstruct(
                        "element wildcards (xs:any) are not supported yet",
                        schema=group.schema.url,
                        component=key,
                    )
                )
                continue
            if isinstance(particle, XsdGroup):
                elements.extend(self._flatten_sequence(particle, key))
            else:
                elements.append(particle)
        return elements

    def _element(
        self, xsd_element: XsdElement, owner_key: str, owner_name: str
    ) -> Element:
        xsd_type = xsd_element.type
        local_name = xsd_element.local_name
        if xsd_element.nillable:
            self._unsupported(
                UnsupportedConstruct(
                    f"nillable elements are not supported yet ({local_name!r})",
                    schema=xsd_element.schema.url,
                    component=owner_key,
                )
            )
        # A reference to a global element is always qualified (XSD 1.1 Part 1, 3.3.2.3).
        qualified = xsd_element.qualified or xsd_element.ref is not None
        namespace = xsd_element.target_namespace if qualified else ""
        if xsd_element.fixed is not None:
            self._unsupported(
                UnsupportedConstruct(
                    f"fixed values of elements are not supported yet ({local_name!r})",
                    schema=xsd_element.schema.url,
                    component=owner_key,
                )
            )
        if self.schema.maps.substitution_groups.get(xsd_element.name):
            self._unsupported(
                UnsupportedConstruct(
                    f"substitution groups are not supported yet ({local_name!r} is "
                    "a head)",
                    schema=xsd_element.schema.url,
                    component=owner_key,
                )
            )
        simple_type = None
        complex_key = None
        if xsd_type.is_simple():
            simple_type = self._simple_type(
                xsd_type, owner_name + pascal_case(local_name)
            )
        elif xsd_type.name is None:
            complex_key = f"{owner_key}/{local_name}"
            self._add_complex_type(
                xsd_type, complex_key, owner_name + pascal_case(local_name)
            )
        else:
            complex_key = xsd_type.name
            self._add_complex_type(
                xsd_type, complex_key, pascal_case(xsd_type.local_name)
            )

        return Element(
            name=local_name,
            namespace=namespace or "",
            field_name=snake_case(local_name),
            min_occurs=xsd_element.min_occurs,
            max_occurs=xsd_element.max_occurs,
            simple_type=simple_type,
            complex_type=complex_key,
            nillable=bool(xsd_element.nillable),
            default=xsd_element.default,
            fixed=xsd_element.fixed,
            documentation=_documentation(xsd_element),
            deprecation=self._deprecation(owner_key, local_name),
        )

    def _attributes(self, xsd_type, key: str) -> list[Attribute]:
        attributes = []
        for name, xsd_attribute in xsd_type.attributes.items():
            if name is None:
                self._unsupported(
                    UnsupportedConstruct(
                        "attribute wildcards (xs:anyAttribute) are not supported yet",
                        schema=xsd_type.schema.url,
                        component=key,
                    )
                )
                continue
            if xsd_attribute.use == "prohibited":
                continue
            if xsd_attribute.fixed is not None:
                self._unsupported(
                    UnsupportedConstruct(
                        f"fixed values of attributes are not supported yet ({name!r})",
                        schema=xsd_type.schema.url,
                        component=key,
                    )
                )
            local_name = xsd_attribute.local_name
            simple_type = self._simple_type(
                xsd_attribute.type, self.python_names[key] + pascal_case(local_name)
            )
            attributes.append(
                Attribute(
                    name=local_name,
                    namespace=(
                        xsd_attribute.target_namespace
                        if xsd_attribute.qualified
                        else ""
                    ),
                    field_name=self._attribute_field(xsd_type, local_name),
                    simple_type=simple_type,
                    required=xsd_attribute.use == "required",
                    default=xsd_attribute.default,
                    fixed=xsd_attribute.fixed,
                    documentation=_documentation(xsd_attribute),
                    deprecation=self._deprecation(key, "@" + local_name),
                )
            )
        return attributes

    def _attribute_field(self, xsd_type, local_name: str) -> str:
        """Return an attribute's field name, suffixed when an element has the same name."""
        field_name = snake_case(local_name)
        content = xsd_type.content
        if isinstance(content, XsdGroup) and any(
            snake_case(element.local_name) == field_name
            for element in content.iter_elements()
        ):
            field_name += "_attribute"
        return field_name

    def _simple_type(self, xsd_type, context_name: str) -> SimpleType:
        if not xsd_type.is_atomic() or xsd_type.is_union():
            self._unsupported(
                UnsupportedConstruct(
                    "list and union simple types are not supported yet",
                    schema=self.schema.url,
                    component=xsd_type.name or context_name,
                )
            )
            return SimpleType(
                name=xsd_type.name,
                builtin="union" if xsd_type.is_union() else "list",
                facets=Facets(),
                documentation=_documentation(xsd_type),
            )
        steps = []
        step = xsd_type
        while not isinstance(step, XsdAtomicBuiltin):
            steps.append(step)
            step = step.base_type
        builtin = step.local_name
        if builtin not in BUILTINS:
            self._unsupported(
                UnsupportedConstruct(
                    f"the built-in type xs:{builtin} is not supported yet",
                    schema=self.schema.url,
                    component=xsd_type.name or context_name,
                )
            )
        facets = _effective_facets(xsd_type, steps)
        # Only string enumerations become enum classes: other values compare by
        # value (`01` equals `1` for xs:int), which an allowed-value set handles.
        enumeration_owner = None
        if builtin in BUILTINS and BUILTINS[builtin].kind == "string":
            enumeration_owner = next((s for s in steps if s.enumeration), None)

        python_name = None
        values: tuple[EnumerationValue, ...] = ()
        if enumeration_owner is not None:
            owner_name = (
                enumeration_owner.local_name if enumeration_owner.name else None
            )
            python_name = pascal_case(owner_name) if owner_name else context_name
            values = _enumeration_values(enumeration_owner)
        simple_type = SimpleType(
            name=xsd_type.name,
            builtin=builtin,
            facets=facets,
            python_name=python_name,
            values=values,
            documentation=_documentation(xsd_type),
        )
        if enumeration_owner is not None:
            self._add_enumeration(enumeration_owner, simple_type, python_name)
        return simple_type

    def _add_enumeration(
        self, owner, simple_type: SimpleType, python_name: str
    ) -> None:
        """Register the enum class of the type that declares the enumeration facet."""
        if python_name in self.enumerations:
            return
        self._claim_python_name(python_name, owner.name or f"anonymous:{python_name}")
        if owner.name != simple_type.name:
            simple_type = self._simple_type(owner, python_name)
        self.enumerations[python_name] = simple_type

    def _require_single_occurrence(self, group: XsdGroup, key: str) -> None:
        if group.min_occurs != 1 or group.max_occurs != 1:
            self._unsupported(
                UnsupportedConstruct(
                    f"a repeated or optional xs:{group.model} group is not supported "
                    "yet",
                    schema=group.schema.url,
                    component=key,
                )
            )

    def _deprecation(self, owner_key: str, name: str) -> str:
        owner = owner_key.rpartition("}")[2]
        return self.deprecations.get(f"{owner}/{name}", "")


def _effective_facets(xsd_type, steps: list) -> Facets:
    values: dict[str, object] = {"white_space": xsd_type.white_space or "preserve"}
    patterns = []
    for step in steps:
        if not isinstance(step, XsdAtomicRestriction):
            continue
        if step.patterns is not None:
            patterns.append(tuple(step.patterns.regexps))
        for field_name, facet_name in {**_RANGE_FACETS, **_COUNT_FACETS}.items():
            facet = step.facets.get(f"{_XSD}{facet_name}")
            if facet is not None and field_name not in values:
                value = facet.elem.get("value")
                values[field_name] = (
                    int(value) if field_name in _COUNT_FACETS else value.strip()
                )
        if step.enumeration and "enumeration" not in values:
            values["enumeration"] = tuple(step.enumeration)
    values["patterns"] = tuple(patterns)
    return Facets(**values)  # type: ignore[arg-type]


def _enumeration_values(xsd_type) -> tuple[EnumerationValue, ...]:
    enumeration_facet = xsd_type.facets.get(f"{_XSD}enumeration")
    result = []
    used: set[str] = set()
    for index, value in enumerate(xsd_type.enumeration):
        member = constant_case(str(value))
        while member in used:
            member += "_"
        used.add(member)
        documentation = ""
        if enumeration_facet is not None:
            documentation = _documentation_of(enumeration_facet.get_annotation(index))
        result.append(
            EnumerationValue(
                value=str(value), member=member, documentation=documentation
            )
        )
    return tuple(result)


def _attribute_tags(xsd_type) -> set[str]:
    return {name for name in xsd_type.attributes if name is not None}


def _check_unique_fields(elements, attributes, key: str) -> None:
    seen: dict[str, str] = {}
    for item in [*elements, *attributes]:
        label = ("@" if isinstance(item, Attribute) else "") + item.name
        if item.field_name in seen:
            raise CodegenError(
                f"{seen[item.field_name]!r} and {label!r} map to the same Python field "
                f"name {item.field_name!r}",
                component=key,
            )
        seen[item.field_name] = label


def _documentation(component) -> str:
    return _documentation_of(getattr(component, "annotation", None))


def _documentation_of(annotation) -> str:
    if annotation is None:
        return ""
    texts = []
    for elem in annotation.documentation:
        language = elem.get("{http://www.w3.org/XML/1998/namespace}lang", "en")
        if language.lower().startswith("en") and elem.text:
            texts.append(" ".join(elem.text.split()))
    return " ".join(texts)


def _file_path(url: str | None) -> str | None:
    if url and url.startswith("file://"):
        return url.removeprefix("file://")
    return url
