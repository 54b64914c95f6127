"""Load an XSD with xmlschema and build the generator's model of it.

Only the types reachable from the requested root elements enter the model.
The loader walks xmlschema's components, never the schema text, so includes,
imports and chameleon includes are resolved the way xmlschema resolves them.
"""

from __future__ import annotations

import dataclasses
import logging
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree
from xml.parsers import expat

import xmlschema
from xmlschema.validators import (
    XsdAnyElement,
    XsdAtomicBuiltin,
    XsdAtomicRestriction,
    XsdElement,
    XsdGroup,
    XsdList,
    XsdUnion,
)

from codegen.builtins import BUILTINS
from codegen.errors import (
    CodegenError,
    UnsupportedConstruct,
    element_line,
    file_path,
)
from codegen.model import (
    VALUE_FIELD,
    WILDCARD_SEPARATOR,
    XSD_NAMESPACE,
    Attribute,
    Choice,
    ComplexType,
    Element,
    EnumerationValue,
    Facets,
    RootElement,
    SchemaModel,
    SimpleType,
    Wildcard,
)
from codegen.naming import (
    NameMap,
    assign_names,
    constant_case,
    pascal_case,
    snake_case,
)

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


def class_name(xml_name: str, owner: str = "") -> str:
    """Return the Python class name for an XML name, nested in `owner`'s class name if given."""
    return owner + pascal_case(xml_name)


def load_schema(
    path: Path, locations: Mapping[str, str] | None = None
) -> xmlschema.XMLSchema10:
    """Parse and build a schema, turning xmlschema's errors into a CodegenError.

    A failed include or import is an error as well. xmlschema only warns about
    it, and the generated package would silently lack the components it declares.
    """
    _check_schema_file(path)
    locations = dict(locations or {})
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            schema = xmlschema.XMLSchema10(str(path), locations=list(locations.items()))
    except ElementTree.ParseError as error:
        raise _reference_error(caught, path) or _syntax_error(error, path) from None
    except xmlschema.XMLSchemaParseError as error:
        raise _reference_error(caught, path) or _schema_error(
            error, path, locations
        ) from None
    except LookupError as error:
        raise CodegenError(
            f"the schema file declares an encoding that Python does not support ({error}); "
            "save it as UTF-8",
            schema=path,
        ) from None
    except (OSError, ValueError, xmlschema.XMLSchemaException) as error:
        raise CodegenError(
            f"the schema could not be loaded: {error}", schema=path
        ) from None
    except RecursionError:
        # xmlschema builds nested anonymous types recursively, with many stack
        # frames per level.
        raise nesting_error(path) from None
    failure = _reference_error(caught, path)
    if failure is not None:
        raise failure
    for warning in caught:
        logger.warning("%s: %s", path, warning.message)
    return schema


def nesting_error(schema: Path | str) -> CodegenError:
    """Describe a schema whose nesting exceeded Python's recursion limit."""
    return CodegenError(
        "the schema nests elements and anonymous types too deeply to be processed "
        "(Python's recursion limit was reached); reduce the nesting depth",
        schema=schema,
    )


def _check_schema_file(path: Path) -> None:
    if path.is_dir():
        raise CodegenError(
            "the schema path is a folder: give the path of the .xsd file",
            schema=path,
        )
    if not path.is_file():
        raise CodegenError(
            "schema file not found: check the path given with --schema or in [tool.codegen]",
            schema=path,
        )
    try:
        with path.open("rb") as stream:
            empty = not stream.read(1)
    except OSError as error:
        raise CodegenError(
            f"the schema file cannot be read: {error.strerror}", schema=path
        ) from None
    if empty:
        raise CodegenError("the schema file is empty", schema=path)


def _syntax_error(error: ElementTree.ParseError, path: Path) -> CodegenError:
    """Describe a schema file that is not well-formed XML, with its line and column."""
    cause = error.__cause__ or error.__context__
    if isinstance(cause, ElementTree.ParseError):
        error = cause
    reason = str(error).partition(": line ")[0]
    line, column = getattr(error, "position", (None, None))
    return CodegenError(
        f"the schema file is not well-formed XML: {reason}{_encoding_hint(path)}",
        schema=path,
        line=line,
        column=column,
    )


def _encoding_hint(path: Path) -> str:
    data = path.read_bytes()
    declaration = data[:200].split(b"?>", 1)[0]
    if b"encoding" in declaration or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return (
            f". The file is not valid UTF-8 (line {line}) and declares no "
            "encoding: save it as UTF-8, or declare its encoding in the XML "
            'declaration, such as <?xml version="1.0" encoding="ISO-8859-1"?>'
        )
    return ""


def _schema_error(
    error: xmlschema.XMLSchemaParseError, path: Path, locations: Mapping[str, str]
) -> CodegenError:
    """Describe a well-formed schema that is not a valid XSD, at the component at fault."""
    reason = error.message.partition(":\n")[0].rstrip(".")
    hint = "fix the schema file"
    unmapped = _imports_without_location(error.root, locations)
    if reason.startswith("unknown") and unmapped:
        hint = (
            f"the schema imports {', '.join(map(repr, unmapped))} without a "
            "location: map each namespace to its schema file with --location "
            "NAMESPACE=PATH or in [tool.codegen.locations]"
        )
    return CodegenError(
        f"the schema is invalid: {reason}; {hint}",
        schema=error.schema_url or path,
        line=element_line(error.schema_url, error.root, error.elem),
        component=_start_tag(error.elem),
        path=error.path,
    )


def _imports_without_location(root, locations: Mapping[str, str]) -> list[str]:
    if root is None:
        return []
    return [
        elem.get("namespace", "")
        for elem in root.iter(f"{_XSD}import")
        if not elem.get("schemaLocation") and elem.get("namespace") not in locations
    ]


def _start_tag(elem) -> str | None:
    """Return an element's start tag as written in a schema, such as `<xs:element name='a'>`."""
    if elem is None or not isinstance(elem.tag, str):
        return None
    namespace, _, local_name = elem.tag[1:].rpartition("}")
    prefix = "xs:" if namespace == XSD_NAMESPACE else ""
    attributes = "".join(f" {key}={value!r}" for key, value in elem.attrib.items())
    tag = f"<{prefix}{local_name}{attributes}>"
    return tag if len(tag) <= 120 else tag[:116] + " ...>"


def _reference_error(
    caught: list[warnings.WarningMessage], path: Path
) -> CodegenError | None:
    """Turn xmlschema's warning about a failed include or import into an error."""
    for warning in caught:
        if not issubclass(
            warning.category,
            (xmlschema.XMLSchemaIncludeWarning, xmlschema.XMLSchemaImportWarning),
        ):
            continue
        text = str(warning.message)
        where = _find_reference(path, text)
        schema, line = where if where else (path, None)
        hint = (
            "check the schemaLocation, and that the file exists and is readable"
            if where
            else "check the location given with --location or in [tool.codegen.locations]"
        )
        kind = (
            "an included"
            if issubclass(warning.category, xmlschema.XMLSchemaIncludeWarning)
            else "an imported"
        )
        return CodegenError(
            f"{kind} schema could not be loaded: {text.rstrip('.')}; {hint}",
            schema=schema,
            line=line,
        )
    return None


_REFERENCES = {"include", "import", "redefine", "override"}


def _find_reference(path: Path, message: str) -> tuple[str, int] | None:
    """Find the include or import whose resolved location `message` names.

    Returns the schema file that contains it and its line. Local files reached
    through other includes and imports are searched too.
    """
    pending = [path.resolve().as_uri()]
    seen: set[str] = set()
    while pending and len(seen) < 200:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        for location, line in _schema_references(url):
            target = urljoin(url, location)
            if f"'{target}'" in message:
                return file_path(url), line
            if target.startswith("file:"):
                pending.append(target)
    return None


def _schema_references(url: str) -> list[tuple[str, int]]:
    """Return the schemaLocation and line of each include and import in a schema file."""
    references: list[tuple[str, int]] = []
    parser = expat.ParserCreate(namespace_separator="}")

    def record_start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local_name = name.rpartition("}")
        location = attributes.get("schemaLocation")
        if namespace == XSD_NAMESPACE and local_name in _REFERENCES and location:
            references.append((location, parser.CurrentLineNumber))

    parser.StartElementHandler = record_start
    try:
        with open(file_path(url), "rb") as stream:
            parser.ParseFile(stream)
    except (OSError, ValueError, expat.ExpatError):
        pass
    return references


def build_model(
    schema: xmlschema.XMLSchema10,
    roots: Iterable[str],
    source: str,
    deprecations: Mapping[str, str] | None = None,
    *,
    named_types: Iterable[str] = (),
    named_groups: Iterable[str] = (),
    strict: bool = True,
    names: NameMap | None = None,
) -> SchemaModel:
    """Build the model of every type reachable from the named global elements.

    Args:
        named_types: qualified names of global types to add even when no root
            reaches them (`codegen diff --all` passes every one).
        strict: raise UnsupportedConstruct for a construct the templates cannot
            render. The schema comparison passes False: it then gets the closest
            model the vocabulary allows, and `SchemaModel.unsupported` lists what
            was approximated.
        names: Python names chosen by hand (`[tool.codegen.names]`); every
            other name comes from `codegen.naming.assign_names`.
    """
    builder = _ModelBuilder(schema, deprecations or {}, strict)
    model = SchemaModel(source=source)
    for root_name in roots:
        root = builder.add_root(root_name)
        if root is not None:
            model.roots.append(root)
    for type_name in named_types:
        builder.add_named_type(type_name)
    builder.add_derived_types()
    for group_name in named_groups:
        builder.add_named_group(group_name)
    model.wildcard_elements = dict(sorted(builder.wildcard_elements.items()))
    model.complex_types = builder.complex_types
    model.groups = builder.groups
    model.enumerations = builder.enumerations
    model.simple_types = builder.simple_types
    model.unsupported = sorted(set(builder.unsupported))
    model.enumeration_namespaces = builder.enumeration_namespaces
    model.target_namespace = schema.target_namespace or ""
    return assign_names(
        model, names, strict=strict, schema_has=lambda *name: _has_global(schema, *name)
    )


def _has_global(
    schema: xmlschema.XMLSchema10, namespace: str | None, local: str
) -> bool:
    """Tell whether the schema has a global type or element of that name."""
    for qname in [*schema.maps.types, *schema.maps.elements]:
        qualified = qname.startswith("{")
        if qname.rpartition("}")[2] != local:
            continue
        if (
            namespace is None
            or (qname[1:].partition("}")[0] if qualified else "") == namespace
        ):
            return True
    return False


def global_groups(schema: xmlschema.XMLSchema10) -> list[str]:
    """Return the qualified names of the schema's own named model groups."""
    namespace = schema.target_namespace
    return sorted(
        name
        for name in schema.maps.groups
        if name.startswith(f"{{{namespace}}}") or (not namespace and "}" not in name)
    )


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
        self.enumeration_namespaces: dict[str, str] = {}
        self.simple_types: dict[str, SimpleType] = {}
        self.python_names: dict[str, str] = {}
        self.unsupported: list[str] = []
        self.groups: dict[str, ComplexType] = {}
        # Signatures of the xs:any particles and the xs:anyAttribute of each type
        # by key, for comparisons, and the xs:anyAttribute of the type being built.
        self.wildcards: dict[str, list[str]] = {}
        self.attribute_wildcards: dict[str, str] = {}
        self.attribute_wildcard: dict[str, Wildcard] = {}
        self.wildcard_elements: dict[str, Element] = {}

    def _unsupported(self, error: UnsupportedConstruct) -> None:
        """Raise the error, or in permissive mode note it and carry on."""
        if self.strict:
            raise error
        component = error.context.get("component", "")
        self.unsupported.append(f"{component}: {error.message}")

    def add_root(self, name: str) -> RootElement | None:
        xsd_element = self._find_global_element(name)
        if xsd_element.abstract and self.strict:
            members = sorted(
                member.local_name for member in xsd_element.iter_substitutes()
            )
            raise CodegenError(
                f"the element {xsd_element.local_name!r} is abstract, so no document "
                "starts with it; choose a member of its substitution group as root"
                + (f": {', '.join(members)}" if members else " (it has none)"),
                **_location(xsd_element),
            )
        xsd_type = xsd_element.type
        if xsd_type.is_simple():
            self._unsupported(
                UnsupportedConstruct(
                    f"root element {name!r} has a simple type; only elements of "
                    "complex type can be roots",
                    **_location(xsd_element),
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
                xsd_type, pascal_case(xsd_type.local_name), qualified_name
            )

    def add_derived_types(self) -> None:
        """Add every global type derived from a type in the model, until none is left.

        A document may name any of them with xsi:type where the base type is
        declared, so a reader must know them all. Types are visited in the order
        of their qualified names, so the model does not depend on the schema's
        order of declarations.
        """
        candidates = sorted(
            name
            for name, xsd_type in self.schema.maps.types.items()
            if xsd_type.is_complex() and not name.startswith(_XSD)
        )
        added = True
        while added:
            added = False
            for name in candidates:
                if name in self.complex_types:
                    continue
                xsd_type = self.schema.maps.types[name]
                base_type = xsd_type.base_type
                if base_type is None or base_type.name not in self.complex_types:
                    continue
                self._add_complex_type(xsd_type, name, class_name(xsd_type.local_name))
                added = True

    def add_named_group(self, qualified_name: str) -> None:
        """Add a named model group, so that a comparison covers changes inside it.

        Groups become no class of their own; in the model they look like a
        complex type without a Python name.
        """
        group = self.schema.maps.groups[qualified_name]
        local = qualified_name.rpartition("}")[2]
        self.wildcards[qualified_name] = []
        content, particles = self._content_elements(group, qualified_name)
        elements, choices = self._members(
            particles, qualified_name, pascal_case(local) + "Group"
        )
        self.groups[qualified_name] = ComplexType(
            key=qualified_name,
            python_name="",
            anonymous=False,
            content=content,
            elements=tuple(elements),
            any_element=WILDCARD_SEPARATOR.join(self.wildcards[qualified_name]),
            documentation=_documentation(group),
            choices=tuple(choices),
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
        self._claim_python_name(python_name, key, xsd_type)
        # Reserve the key first so that recursive types terminate.
        self.python_names.setdefault(key, python_name)
        self.complex_types[key] = None  # type: ignore[assignment]
        self.complex_types[key] = self._complex_type(xsd_type, key, python_name)

    def _claim_python_name(self, python_name: str, key: str, xsd_type) -> None:
        """Record a class's candidate name; `assign_names` settles collisions later."""
        self.python_names[key] = python_name

    def _complex_type(self, xsd_type, key: str, python_name: str) -> ComplexType:
        base_key = None
        base_type = xsd_type.base_type
        if (
            base_type is not None
            and base_type.is_complex()
            and base_type.name != f"{_XSD}anyType"
        ):
            if xsd_type.derivation != "extension" and not xsd_type.has_simple_content():
                # Permissive mode models the restricted type on its own.
                self._unsupported(
                    UnsupportedConstruct(
                        "derivation of a complex type by restriction of another "
                        "complex type is not supported yet",
                        **_location(xsd_type),
                        component=key,
                    )
                )
            else:
                base_key = base_type.name
                self._add_complex_type(
                    base_type, base_key, pascal_case(base_type.local_name)
                )

        value_type = None
        if xsd_type.has_simple_content():
            with _locating(xsd_type, key):
                value_type = self._simple_type(
                    xsd_type.content, class_name(VALUE_FIELD, python_name)
                )
        if getattr(xsd_type, "mixed", False):
            self._unsupported(
                UnsupportedConstruct(
                    "mixed content is not supported yet",
                    **_location(xsd_type),
                    component=key,
                )
            )

        self.wildcards[key] = []
        content, particles = self._content_elements(xsd_type.content, key)
        if value_type is not None:
            content = "simple"
        attributes = self._attributes(xsd_type, key)
        attribute_wildcard = self.attribute_wildcard.pop(key, None)
        if base_key is not None:
            base = self.complex_types[base_key]
            particles = particles[len(self._all_elements(base_type)) :]
            attributes = self._own_attributes(
                attributes, base, base_type, xsd_type.derivation
            )
            if base is None or base.attribute_wildcard is not None:
                # The base class declares the field. NOTE: reading applies the
                # base's namespace constraint, although an extension may widen it.
                attribute_wildcard = None
            if (
                not particles
                and base is not None
                and content == base.content
                and content != "simple"
            ):
                content = "empty"
        if content == "all":
            elements = [
                self._element(xsd_element, key, python_name)
                for xsd_element in particles
            ]
            choices: list[Choice] = []
        else:
            elements, choices = self._members(particles, key, python_name)
        inherited = self._inherited_elements(base_key)
        self._require_distinct_names(inherited + elements, key, xsd_type)

        return ComplexType(
            key=key,
            python_name=python_name,
            anonymous=xsd_type.name is None,
            content=content,
            base=base_key,
            derivation=(
                "restriction"
                if base_key and xsd_type.derivation == "restriction"
                else "extension"
            ),
            abstract=bool(xsd_type.abstract),
            optional_all=(
                content == "all"
                and isinstance(xsd_type.content, XsdGroup)
                and xsd_type.content.min_occurs == 0
            ),
            value_type=value_type,
            elements=elements,
            attributes=tuple(attributes),
            any_element=WILDCARD_SEPARATOR.join(self.wildcards[key]),
            any_attribute=self.attribute_wildcards.get(key, ""),
            documentation=_documentation(xsd_type),
            choices=tuple(choices),
            attribute_wildcard=attribute_wildcard,
        )

    def _own_attributes(
        self,
        attributes: list[Attribute],
        base: ComplexType | None,
        base_type,
        derivation: str,
    ) -> list[Attribute]:
        """Return the attributes a derived type adds, or for a restriction, changes.

        `base` is None while the base type is still being built (a type that
        contains its own derived type); its attributes then come from xmlschema.
        """
        if base is None:
            inherited_tags = _attribute_tags(base_type)
            return [a for a in attributes if a.tag not in inherited_tags]
        inherited = {
            attribute.tag: attribute for attribute in self._base_attributes(base)
        }
        if derivation != "restriction":
            return [a for a in attributes if a.tag not in inherited]
        return [
            attribute
            for attribute in attributes
            if attribute.tag not in inherited
            or _attribute_contract(attribute)
            != _attribute_contract(inherited[attribute.tag])
        ]

    def _base_attributes(self, complex_type: ComplexType) -> list[Attribute]:
        inherited = []
        if complex_type.base is not None:
            inherited = self._base_attributes(self.complex_types[complex_type.base])
        return inherited + list(complex_type.attributes)

    def _all_elements(self, xsd_type) -> list:
        if xsd_type.has_simple_content() or xsd_type.content is None:
            return []
        return self._content_elements(xsd_type.content, xsd_type.name or "")[1]

    def _content_elements(self, group, key: str) -> tuple[str, list]:
        """Return a type's content model and its particles, see `_particles`."""
        if group is None or not isinstance(group, XsdGroup) or not _present(group):
            return "empty", []
        if group.model == "all":
            self._require_single_occurrence(group, key)
            return "all", _present(group)
        return "sequence", self._particles(group)

    def _particles(self, group: XsdGroup) -> list:
        """Return the members a model group particle flattens into, in document order.

        The result contains XsdElement and XsdAnyElement particles, `_FlatChoice`
        for a choice whose alternatives become fields of the owner, and XsdGroup
        for a group that becomes a member of item objects. Flattening keeps the
        language exact:

        1. A sequence that occurs once, or at most once with content that may be
           empty anyway, contributes its particles.
        2. A choice that occurs at most once, whose alternatives are all single
           elements, contributes one field per alternative and a `Choice` check.
        3. Any other group (repeated, or optional with required content, or a
           choice with group alternatives) is kept as one group member.
        """
        if group.max_occurs == 1 and group.model == "sequence":
            content_emptiable = all(
                particle.is_emptiable() for particle in _present(group)
            )
            if group.min_occurs == 1 or content_emptiable:
                particles: list = []
                for particle in _present(group):
                    if isinstance(particle, XsdGroup):
                        particles.extend(self._particles(particle))
                    else:
                        particles.extend(self._leaf(particle))
                return particles
        if group.max_occurs == 1 and group.model == "choice":
            alternatives = self._choice_alternatives(self._choice_branches(group))
            if alternatives is not None:
                # Ask xmlschema, because a prohibited alternative
                # (maxOccurs="0") also makes the choice emptiable.
                required = not group.is_emptiable()
                return [_FlatChoice(tuple(alternatives), required)]
        return [group]

    def _leaf(self, particle) -> list:
        """Return what an element or wildcard particle of a sequence flattens into.

        A reference to a substitution group head becomes a choice of the
        declarations that may take its place: one field per declaration when it
        occurs at most once, else a member of item objects.
        """
        substitution = self._substitution(particle)
        if substitution is None:
            return [particle]
        if not substitution.elements:
            # An abstract element with no members: no element may appear.
            if substitution.min_occurs > 0:
                # Only a choice around the sequence could make the type usable.
                self._unsupported(
                    UnsupportedConstruct(
                        f"a required reference to the abstract element "
                        f"{particle.local_name!r}, which has no substitution group "
                        "member to take its place, is not supported yet; make the "
                        "reference optional or declare a member",
                        **_location(particle),
                        component=particle.name,
                    )
                )
            return []
        if substitution.max_occurs == 1:
            return [_FlatChoice(substitution.elements, substitution.min_occurs > 0)]
        return [substitution]

    def _choice_branches(self, group) -> list:
        """Return the branches of a choice, with each head reference replaced.

        A head reference that occurs exactly once adds its declarations as
        branches: `(a | h)`, where `h` means `(h | m)`, allows what
        `(a | h | m)` allows. Any other head reference becomes a
        `_Substitution` branch.
        """
        branches: list = []
        for branch in _present(group):
            substitution = self._substitution(branch)
            if substitution is None:
                branches.append(branch)
            elif not substitution.elements:
                # No element may appear there. The callers take the choice's
                # emptiability from xmlschema, which still counts the branch.
                continue
            elif substitution.min_occurs == substitution.max_occurs == 1:
                branches.extend(substitution.elements)
            else:
                branches.append(substitution)
        return branches

    def _choice_alternatives(self, branches: list) -> list[XsdElement] | None:
        """Return the single-element alternatives of a choice, or None when one is a group.

        A nested choice that occurs once adds its alternatives, because
        `(a | (b | c))` allows exactly what `(a | b | c)` allows.
        """
        alternatives = []
        for branch in branches:
            if isinstance(branch, XsdElement):
                alternatives.append(branch)
            elif (
                isinstance(branch, XsdGroup)
                and branch.model == "choice"
                and branch.min_occurs == branch.max_occurs == 1
            ):
                nested = self._choice_alternatives(self._choice_branches(branch))
                if nested is None:
                    return None
                alternatives.extend(nested)
            else:
                return None
        return alternatives

    def _substitution(self, particle) -> _Substitution | None:
        """Return the choice that a reference to a head or an abstract element means.

        The declarations are the head unless it is abstract, then every
        member, direct or not, that is not abstract and that the head does
        not block, ordered by qualified name. xmlschema applies the same rules
        when it validates. None for any other particle.
        """
        if not isinstance(particle, XsdElement) or particle.ref is None:
            return None
        head = particle.ref
        if not head.abstract and not self.schema.maps.substitution_groups.get(
            head.name
        ):
            return None
        members = {
            member.name: member
            for member in head.iter_substitutes()
            if "substitution" not in head.block and not member.type.is_blocked(head)
        }
        elements = ([] if head.abstract else [head]) + [
            members[name] for name in sorted(members)
        ]
        return _Substitution(particle, tuple(elements))

    def _members(
        self, particles: list, key: str, python_name: str
    ) -> tuple[list[Element], list[Choice]]:
        """Build the element, group and wildcard members of a type from its particles."""
        elements: list[Element] = []
        choices: list[Choice] = []
        # A group or wildcard member is named so that no element has its name.
        reserved = _element_names(particles)
        for particle in particles:
            if isinstance(particle, _FlatChoice):
                alternatives = [
                    self._element(xsd_element, key, python_name, alternative=True)
                    for xsd_element in particle.elements
                ]
                elements.extend(alternatives)
                choices.append(
                    Choice(
                        fields=tuple(item.field_name for item in alternatives),
                        names=tuple(item.name for item in alternatives),
                        required=particle.required,
                    )
                )
            elif isinstance(particle, (XsdGroup, _Substitution)):
                elements.append(
                    self._group_member(
                        particle, key, python_name, elements, reserved=reserved
                    )
                )
            elif isinstance(particle, XsdElement):
                elements.append(self._element(particle, key, python_name))
            else:
                elements.append(
                    self._wildcard_member(particle, key, elements, reserved)
                )
        return elements, choices

    def _group_member(
        self,
        group: XsdGroup,
        owner_key: str,
        owner_name: str,
        siblings,
        alternative=False,
        reserved: frozenset[str] = frozenset(),
    ) -> Element:
        """Build the member of a model group kept as item objects, and its item class."""
        name = _unique_name(
            (group.name if isinstance(group, _Substitution) else _group_name(group)),
            siblings,
            reserved,
        )
        item_key = f"{owner_key}#{name}"
        python_name = item_class_name(owner_name, name)
        self._claim_python_name(python_name, item_key, group)
        self.python_names.setdefault(item_key, python_name)
        self.wildcards[item_key] = []
        choices: list[Choice] = []
        if group.model == "choice":
            elements = []
            branches = self._choice_branches(group)
            branch_names = _element_names(branches)
            for branch in branches:
                if isinstance(branch, (XsdGroup, _Substitution)):
                    elements.append(
                        self._group_member(
                            branch,
                            item_key,
                            python_name,
                            elements,
                            alternative=True,
                            reserved=branch_names,
                        )
                    )
                elif isinstance(branch, XsdElement):
                    elements.append(
                        self._element(branch, item_key, python_name, alternative=True)
                    )
                else:
                    elements.append(
                        self._wildcard_member(branch, item_key, elements, branch_names)
                    )
            # A prohibited branch (maxOccurs="0") counts as an empty one, as
            # xmlschema and libxml2 count it.
            required = not any(branch.is_emptiable() for branch in group)
            choices.append(
                Choice(
                    fields=tuple(item.field_name for item in elements),
                    names=tuple(item.name for item in elements),
                    required=required,
                )
            )
        else:
            particles: list = []
            for particle in _present(group):
                if isinstance(particle, XsdGroup):
                    particles.extend(self._particles(particle))
                else:
                    particles.extend(self._leaf(particle))
            elements, choices = self._members(particles, item_key, python_name)
        self._require_distinct_names(
            elements,
            item_key,
            group.reference if isinstance(group, _Substitution) else group,
        )
        self.complex_types[item_key] = ComplexType(
            key=item_key,
            python_name=python_name,
            anonymous=True,
            content=group.model,
            elements=tuple(elements),
            any_element=WILDCARD_SEPARATOR.join(self.wildcards[item_key]),
            documentation=_documentation(group),
            choices=tuple(choices),
            item=True,
        )
        return Element(
            name=name,
            namespace="",
            field_name=snake_case(name),
            # A group whose content may be empty also matches no elements at
            # all, so no occurrence of its items is required.
            min_occurs=0 if group.is_emptiable() else group.min_occurs,
            max_occurs=group.max_occurs,
            complex_type=item_key,
            alternative=alternative,
            kind=group.model,
            documentation=(
                f"The elements that may appear in place of "
                f"`{group.reference.local_name}`, the head of their substitution group."
                if isinstance(group, _Substitution)
                else ""
            ),
        )

    def _wildcard_member(
        self, wildcard, key: str, siblings, reserved: frozenset[str] = frozenset()
    ) -> Element:
        """Build the member that keeps the elements an xs:any matches."""
        self.wildcards.setdefault(key, []).append(_wildcard_signature(wildcard))
        repeated = wildcard.max_occurs is None or wildcard.max_occurs > 1
        name = _unique_name(
            "anyElements" if repeated else "anyElement", siblings, reserved
        )
        description = self._wildcard(wildcard)
        if description.process_contents != "skip":
            for tag in description.declared:
                self._add_wildcard_element(tag)
        return Element(
            name=name,
            namespace="",
            field_name=snake_case(name),
            min_occurs=wildcard.min_occurs,
            max_occurs=wildcard.max_occurs,
            kind="any",
            wildcard=description,
        )

    def _add_wildcard_element(self, tag: str) -> None:
        """Add a global element that a strict or lax wildcard matches, with its type."""
        if tag in self.wildcard_elements:
            return
        xsd_element = self.schema.maps.elements[tag]
        local_name = xsd_element.local_name
        xsd_type = xsd_element.type
        simple_type = None
        complex_key = None
        if xsd_type.is_simple():
            with _locating(xsd_element, tag):
                simple_type = self._simple_type(xsd_type, pascal_case(local_name))
        else:
            complex_key = xsd_type.name or xsd_element.name
            self._add_complex_type(
                xsd_type,
                complex_key,
                pascal_case((xsd_type.name and xsd_type.local_name) or local_name),
            )
        self.wildcard_elements[tag] = Element(
            name=local_name,
            namespace=xsd_element.target_namespace or "",
            field_name=snake_case(local_name),
            min_occurs=1,
            max_occurs=1,
            simple_type=simple_type,
            complex_type=complex_key,
        )

    def _wildcard(self, wildcard) -> Wildcard:
        """Describe the namespace constraint of a wildcard, with the declarations it matches."""
        namespaces = set(wildcard.namespace)
        target = wildcard.target_namespace or ""
        if "##any" in namespaces:
            allowed, excluded = (), ()
        elif "##other" in namespaces:
            # XSD 1.0: ##other is any namespace except the target one and no namespace.
            allowed, excluded = (), tuple(sorted({target, ""}))
        else:
            allowed = tuple(sorted(namespaces - {"##local", "##targetNamespace"}))
            if "##local" in namespaces:
                allowed += ("",)
            if "##targetNamespace" in namespaces:
                allowed += (target,)
            allowed, excluded = tuple(sorted(set(allowed))), None
        result = Wildcard(
            namespaces=allowed,
            not_namespaces=excluded,
            process_contents=wildcard.process_contents,
        )
        declarations = (
            self.schema.maps.elements
            if isinstance(wildcard, XsdAnyElement)
            else self.schema.maps.attributes
        )
        # NOTE: xmlschema also declares the elements of the XSD namespace itself;
        # they are left out, so a wildcard does not check them.
        declared = tuple(
            sorted(
                tag
                for tag in declarations
                if not tag.startswith(_XSD)
                and result.allows(
                    tag[1:].partition("}")[0] if tag.startswith("{") else ""
                )
            )
        )
        return dataclasses.replace(result, declared=declared)

    def _element(
        self,
        xsd_element: XsdElement,
        owner_key: str,
        owner_name: str,
        alternative: bool = False,
    ) -> Element:
        xsd_type = xsd_element.type
        local_name = xsd_element.local_name
        # A global element, and so a reference to one, is always qualified
        # (XSD 1.1 Part 1, 3.3.2.3).
        is_global = xsd_element.ref is not None or xsd_element.is_global()
        qualified = xsd_element.qualified or is_global
        namespace = xsd_element.target_namespace if qualified else ""
        if self._substitution(xsd_element) is not None:
            # Only xs:all content reaches here with a head reference.
            self._unsupported(
                UnsupportedConstruct(
                    f"a reference to the substitution group head {local_name!r} "
                    "in xs:all is not supported yet; put it in an xs:sequence",
                    **_location(xsd_element),
                    component=owner_key,
                )
            )
        simple_type = None
        complex_key = None
        if xsd_type.is_simple():
            with _locating(xsd_element, f"{owner_key}/{local_name}"):
                simple_type = self._simple_type(
                    xsd_type,
                    owner_name + pascal_case(local_name),
                    f"{owner_key}/{local_name}",
                )
        elif xsd_type.name is None and is_global:
            # A global element and every reference to it share its class, which
            # also keeps the key finite when the element contains itself.
            complex_key = xsd_element.name
            self._add_complex_type(xsd_type, complex_key, pascal_case(local_name))
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

        field_name = snake_case(local_name)
        return Element(
            name=local_name,
            namespace=namespace or "",
            field_name=field_name,
            min_occurs=xsd_element.min_occurs,
            max_occurs=xsd_element.max_occurs,
            simple_type=simple_type,
            complex_type=complex_key,
            nillable=bool(xsd_element.nillable),
            default=xsd_element.default,
            fixed=xsd_element.fixed,
            documentation=_documentation(xsd_element),
            deprecation=self._deprecation(owner_key, local_name),
            alternative=alternative,
        )

    def _attributes(self, xsd_type, key: str) -> list[Attribute]:
        attributes = []
        for name, xsd_attribute in xsd_type.attributes.items():
            if name is None:
                self.attribute_wildcards[key] = _wildcard_signature(xsd_attribute)
                self.attribute_wildcard[key] = self._wildcard(xsd_attribute)
                continue
            if xsd_attribute.use == "prohibited":
                continue
            local_name = xsd_attribute.local_name
            field_name = self._attribute_field(xsd_type, local_name)
            with _locating(xsd_attribute, f"{key}/@{local_name}"):
                simple_type = self._simple_type(
                    xsd_attribute.type,
                    self.python_names[key] + pascal_case(local_name),
                    f"{key}/@{local_name}",
                )
            attributes.append(
                Attribute(
                    name=local_name,
                    # A reference to a global attribute is always qualified.
                    namespace=(
                        xsd_attribute.target_namespace
                        if xsd_attribute.qualified or xsd_attribute.ref is not None
                        else ""
                    ),
                    field_name=field_name,
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
            if isinstance(element, XsdElement)
        ):
            field_name += "_attribute"
        elif xsd_type.has_simple_content() and field_name == VALUE_FIELD:
            field_name += "_attribute"
        return field_name

    def _simple_type(
        self, xsd_type, context_name: str, path: str | None = None
    ) -> SimpleType:
        """Build a simple type; `path` locates an anonymous one (`{ns}Item/@kind`)."""
        steps = []
        step = xsd_type
        while step.is_complex() or isinstance(step, XsdAtomicRestriction):
            if step.is_complex():
                # A restriction of a simple-content type: go on with its text's type.
                step = step.content
                continue
            steps.append(step)
            step = step.base_type
        if isinstance(step, XsdList):
            return SimpleType(
                name=xsd_type.name,
                builtin="list",
                facets=_effective_facets(xsd_type, steps),
                documentation=_documentation(xsd_type),
                item_type=self._simple_type(
                    step.item_type,
                    context_name + "Item",
                    f"{path}#item" if path else None,
                ),
            )
        if isinstance(step, XsdUnion):
            members = _member_types(step)
            return SimpleType(
                name=xsd_type.name,
                builtin="union",
                facets=_effective_facets(xsd_type, steps),
                documentation=_documentation(xsd_type),
                member_types=tuple(
                    self._simple_type(
                        member,
                        f"{context_name}Member{index}",
                        f"{path}#member{index}" if path else None,
                    )
                    for index, member in enumerate(members, 1)
                ),
            )
        builtin = getattr(step, "local_name", None) or "anySimpleType"
        if not isinstance(step, XsdAtomicBuiltin) or builtin not in BUILTINS:
            self._unsupported(
                UnsupportedConstruct(
                    f"the built-in type xs:{builtin} is not supported yet",
                    **_location(xsd_type),
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
        enumeration_key = None
        if enumeration_owner is not None:
            enumeration_key = enumeration_owner.name or path or context_name
        simple_type = SimpleType(
            name=xsd_type.name,
            builtin=builtin,
            facets=facets,
            python_name=python_name,
            values=values,
            documentation=_documentation(xsd_type),
            enumeration_key=enumeration_key,
        )
        if enumeration_owner is not None:
            self._add_enumeration(enumeration_owner, simple_type, python_name)
        return simple_type

    def _add_enumeration(
        self, owner, simple_type: SimpleType, python_name: str
    ) -> None:
        """Register the enum class of the type that declares the enumeration facet."""
        key = simple_type.enumeration_key or python_name
        if key in self.enumerations:
            return
        self._claim_python_name(python_name, key, owner)
        if owner.name != simple_type.name:
            simple_type = self._simple_type(owner, python_name)
        self.enumerations[key] = simple_type
        self.enumeration_namespaces[key] = owner.schema.target_namespace or ""

    def _inherited_elements(self, base_key: str | None) -> list[Element]:
        """Return the elements a type inherits, or those known while its base is built."""
        inherited: list[Element] = []
        while base_key is not None and self.complex_types.get(base_key) is not None:
            base = self.complex_types[base_key]
            inherited = list(base.elements) + inherited
            base_key = base.base
        return inherited

    def _require_distinct_names(
        self, elements: list[Element], key: str, xsd_component
    ) -> None:
        """Raise for a class in which two members would have one XML or JSON name.

        `(a, b, a)` is a valid sequence, and so is a member of a substitution
        group beside a sibling of the same name. Either would need two fields
        for one element. JSON members are named by local name, so two elements
        of one local name in different namespaces would need one JSON member.
        """
        tags: set[str] = set()
        json_names: dict[str, str] = {}
        for element in elements:
            if element.kind == "any":
                continue
            if element.is_declared and element.tag in tags:
                message = (
                    f"the element {element.name!r} occurs twice in the content of "
                    "one type, here or as a member of a substitution group, which "
                    "is not supported yet"
                )
            elif element.name in json_names:
                message = (
                    f"the elements {json_names[element.name]!r} and "
                    f"{element.tag!r} of one type have the same local name, which "
                    "would be one JSON member; this is not supported yet"
                )
            else:
                tags.add(element.tag)
                json_names[element.name] = element.tag
                continue
            self._unsupported(
                UnsupportedConstruct(message, **_location(xsd_component), component=key)
            )

    def _require_single_occurrence(self, group: XsdGroup, key: str) -> None:
        # XSD 1.0 allows minOccurs 0 or 1 and maxOccurs 1 on xs:all, and
        # xmlschema rejects other values when it loads the schema.
        if group.max_occurs != 1:
            self._unsupported(
                UnsupportedConstruct(
                    f"a repeated xs:{group.model} group is not supported yet",
                    **_location(group),
                    component=key,
                )
            )

    def _deprecation(self, owner_key: str, name: str) -> str:
        owner = owner_key.rpartition("}")[2]
        return self.deprecations.get(f"{owner}/{name}", "")


def item_class_name(owner_name: str, member_name: str) -> str:
    """Return the Python class name of the item objects of a model group member."""
    return owner_name + pascal_case(member_name)


@dataclass(frozen=True)
class _FlatChoice:
    """An xs:choice whose alternatives become fields of the type that contains it."""

    elements: tuple[XsdElement, ...]
    required: bool


@dataclass(frozen=True)
class _Substitution:
    """A reference to a substitution group head, read as a choice.

    `elements` are the global declarations that a document may use in place
    of the reference. The object provides what `_group_member` reads from an
    xs:choice group: its model, occurrences, branches and annotation.
    """

    reference: XsdElement
    elements: tuple[XsdElement, ...]
    model = "choice"

    @property
    def name(self) -> str:
        """Name the member of item objects after the head: `codeGroup`."""
        return self.reference.local_name + "Group"

    @property
    def min_occurs(self) -> int:
        return self.reference.min_occurs

    @property
    def max_occurs(self) -> int | None:
        return self.reference.max_occurs

    @property
    def annotation(self):
        return self.reference.annotation

    def __iter__(self) -> Iterator[XsdElement]:
        return iter(self.elements)

    def is_emptiable(self) -> bool:
        return self.min_occurs == 0


def _present(group: XsdGroup) -> list:
    """Return the particles of a group that may occur.

    XSD maps an element, group or wildcard with maxOccurs="0" to no particle at
    all, so a document may not contain it and the model leaves it out.
    """
    return [particle for particle in group if particle.max_occurs != 0]


def _group_name(group: XsdGroup) -> str:
    """Name a group member after its first alternatives or elements: `songOrAd`."""
    names = []
    for particle in _present(group):
        if isinstance(particle, XsdElement):
            names.append(particle.local_name)
        elif isinstance(particle, XsdGroup):
            names.append(_group_name(particle))
        else:
            names.append("any")
    joiner = "Or" if group.model == "choice" else "And"
    shown = [names[0]] + [name[:1].upper() + name[1:] for name in names[1:3]]
    return joiner.join(shown) + ("Etc" if len(names) > 3 else "")


def _element_names(particles: list) -> frozenset[str]:
    """Return the snake_case names of the elements among flattened particles."""
    names = set()
    for particle in particles:
        if isinstance(particle, _FlatChoice):
            names.update(snake_case(item.local_name) for item in particle.elements)
        elif isinstance(particle, XsdElement):
            names.add(snake_case(particle.local_name))
    return frozenset(names)


def _unique_name(name: str, siblings, reserved: frozenset[str] = frozenset()) -> str:
    """Number a generated member name that a sibling or an element already has."""
    taken = {snake_case(item.name) for item in siblings} | reserved
    candidate, number = name, 2
    while snake_case(candidate) in taken:
        candidate, number = f"{name}{number}", number + 1
    return candidate


def _effective_facets(xsd_type, steps: list) -> Facets:
    values: dict[str, object] = {"white_space": xsd_type.white_space or "preserve"}
    patterns = []
    for step in steps:
        if not isinstance(step, XsdAtomicRestriction):
            continue
        # `step.patterns` falls back to the base type's patterns; count only the
        # patterns this step declares.
        own_patterns = step.facets.get(f"{_XSD}pattern")
        if own_patterns is not None:
            patterns.append(tuple(own_patterns.regexps))
        for field_name, facet_name in {**_RANGE_FACETS, **_COUNT_FACETS}.items():
            facet = step.facets.get(f"{_XSD}{facet_name}")
            if facet is not None and field_name not in values:
                value = facet.elem.get("value")
                values[field_name] = (
                    int(value) if field_name in _COUNT_FACETS else value.strip()
                )
        if step.enumeration and "enumeration" not in values:
            values["enumeration"] = _enumeration_texts(step)
    values["patterns"] = tuple(patterns)
    return Facets(**values)  # type: ignore[arg-type]


def _enumeration_texts(step) -> tuple[str, ...]:
    """Return the enumeration of one restriction step as text.

    A string value is kept as xmlschema gives it; any other value keeps its
    lexical form from the schema, because xmlschema gives a parsed value (an
    int, a date, a list) that the model cannot carry as text.
    """
    if all(isinstance(value, str) for value in step.enumeration):
        return tuple(step.enumeration)
    return tuple(
        elem.get("value", "") for elem in step.elem.iterfind(f"{_XSD}enumeration")
    )


def _member_types(union: XsdUnion) -> list:
    """Return the member types of a union in schema order.

    XSD lists the types named by `memberTypes` first, then the inline
    `xs:simpleType` children (XSD 1.1 Part 2, section 4.1.2.3). xmlschema 4.3.2
    keeps the inline ones first, so the named ones are moved to the front.
    """
    named = [member for member in union.member_types if member.name is not None]
    inline = [member for member in union.member_types if member.name is None]
    return named + inline


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


def _location(xsd_component) -> dict[str, object]:
    """Return the schema file and line of an xmlschema component, as error context."""
    schema = xsd_component.schema
    if schema.target_namespace == XSD_NAMESPACE:
        return (
            {}
        )  # a built-in type: its file is xmlschema's copy of the XSD meta-schema
    return {
        "schema": schema.url,
        "line": element_line(schema.url, schema.root, xsd_component.elem),
    }


@contextmanager
def _locating(xsd_component, component: str) -> Iterator[None]:
    """Locate an UnsupportedConstruct raised without a line at `xsd_component`.

    A built-in type has no place in the user's schema, so the error points at
    the element or attribute that uses it instead.
    """
    try:
        yield
    except UnsupportedConstruct as error:
        if "line" in error.context:
            raise
        raise UnsupportedConstruct(
            error.message, **_location(xsd_component), component=component
        ) from None


def _wildcard_signature(wildcard) -> str:
    """Describe an xs:any or xs:anyAttribute by the attributes that decide what it allows.

    The text reads like the schema's own attributes, for example
    `namespace="##other" processContents="lax" minOccurs="0" maxOccurs="1"`.
    Namespaces are those xmlschema resolved: `##targetNamespace` becomes the
    namespace URI and an absent namespace becomes `##local`.
    """
    namespaces = wildcard.namespace
    if namespaces & {"##any", "##other"}:
        namespace = " ".join(sorted(namespaces))
    else:
        namespace = " ".join(sorted("##local" if ns == "" else ns for ns in namespaces))
    parts = [
        f'namespace="{namespace}"',
        f'processContents="{wildcard.process_contents}"',
    ]
    if isinstance(wildcard, XsdAnyElement):
        max_occurs = "unbounded" if wildcard.max_occurs is None else wildcard.max_occurs
        parts.append(f'minOccurs="{wildcard.min_occurs}"')
        parts.append(f'maxOccurs="{max_occurs}"')
    return " ".join(parts)


def _attribute_tags(xsd_type) -> set[str]:
    return {name for name in xsd_type.attributes if name is not None}


def _attribute_contract(attribute: Attribute) -> tuple:
    """Return what a restriction can change in an attribute, leaving out generated names."""
    simple_type = attribute.simple_type
    return (
        simple_type.builtin,
        simple_type.facets,
        attribute.required,
        attribute.default,
        attribute.fixed,
    )


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
