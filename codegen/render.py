"""Render the model through the Jinja2 templates and format the result with black.

The decisions (Python types, names of generated functions, literals) are made
here, in small view objects and filters, so that the templates only lay out
code. Rendering is a pure function of the model and the configuration: the same
input gives byte-identical files.
"""

from __future__ import annotations

import ast
import base64
import decimal
import logging
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import black
import jinja2
from elementpath.regex import translate_pattern

from codegen.builtins import BUILTINS, VALUE_CLASSES, Builtin
from codegen.config import Config
from codegen.errors import CodegenError
from codegen.model import (
    UNKNOWN_CONTENT_FIELD,
    VALUE_FIELD,
    Attribute,
    ComplexType,
    Element,
    SchemaModel,
    SimpleType,
)
from codegen.model import XSD_NAMESPACE
from codegen.naming import (
    RESERVED_CHECKER_NAMES,
    Claim,
    function_names,
    settle,
    snake_case,
)
from codegen.reuse import (
    ReusedPackage,
    import_block,
    namespace_of,
    reexport_block,
    shared_limits,
    shared_module,
)
from codegen.write import GENERATED_MARK

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Generated module name -> template that renders it.
MODULES = {
    "__init__.py": "package_init.py.jinja",
    "__main__.py": "main.py.jinja",
    "errors.py": "errors.py.jinja",
    "lexical.py": "lexical.py.jinja",
    "models.py": "models.py.jinja",
    "simple_types.py": "simple_types.py.jinja",
    "validators.py": "validators.py.jinja",
    "xml_mapper.py": "xml_mapper.py.jinja",
    "json_mapper.py": "json_mapper.py.jinja",
    "hooks.py": "hooks.py.jinja",
    "limits.py": "limits.py.jinja",
    "unknown.py": "unknown.py.jinja",
    "exports.py": "exports.py.jinja",
}
# Modules without schema content. A package that reuses another package
# re-exports these from the reused package's runtime instead (codegen.reuse).
SHARED_MODULES = ("errors.py", "lexical.py", "unknown.py")


@dataclass(frozen=True)
class Bound:
    literal: str
    text: str


@dataclass(frozen=True)
class Pattern:
    constant: str
    python: str
    xsd: str


# A Builtin stand-in for list and union types, which have no built-in of their own.
_DERIVED = {
    "list": Builtin("list", "list"),  # type: ignore[arg-type]
    "union": Builtin("union", "object"),  # type: ignore[arg-type]
}


def python_type(simple_type: SimpleType) -> str:
    """Return the annotation of a simple type's Python value."""
    if simple_type.is_enumeration:
        return simple_type.python_name or ""
    if simple_type.item_type is not None:
        return f"list[{python_type(simple_type.item_type)}]"
    if simple_type.builtin == "union":
        members: list[str] = []
        for member in simple_type.member_types:
            for name in python_type(member).split(" | "):
                if name not in members:
                    members.append(name)
        return " | ".join(members)
    return BUILTINS[simple_type.builtin].python_type


class Checker:
    """The generated functions for one simple type: parse_*, check_* and format_*.

    A list type has the checker of its item type in `item`, and a union the
    checkers of its member types in `members`, in the order they are tried.
    """

    def __init__(
        self,
        simple_type: SimpleType,
        suffix: str,
        label: str,
        item: Checker | None = None,
        members: tuple[Checker, ...] = (),
    ) -> None:
        self.simple_type = simple_type
        self.suffix = suffix
        self.label = label
        self.item = item
        self.members = members
        # The reused package that defines this checker's functions, if any.
        self.reused_from: str | None = None
        self.facets = simple_type.facets
        self.white_space = simple_type.facets.white_space
        builtin = _DERIVED.get(simple_type.builtin) or BUILTINS[simple_type.builtin]
        self.kind = builtin.kind
        self.lexical = builtin.lexical
        # The patterns of a type other than a string are also matched against
        # the text as written, when it is read.
        self.lexical_patterns = self.kind != "string" and bool(self.facets.patterns)
        self.enum_class = (
            simple_type.python_name if simple_type.is_enumeration else None
        )
        self.python_type = python_type(simple_type)
        # The enumeration of a list or union compares canonical lexical forms.
        self.lexical_enumeration = (
            tuple(self.facets.enumeration)
            if self.facets.enumeration is not None and self.kind in ("list", "union")
            else None
        )

        self.values_count = len(simple_type.values)
        self.values_hint = self._values_hint()
        self.has_string_facets = any(
            (
                self.facets.length,
                self.facets.min_length,
                self.facets.max_length,
                self.facets.patterns,
            )
        )
        self.pattern_steps = self._pattern_steps(builtin)
        self._bounds(builtin)
        self.allowed_constant = f"_{suffix.upper()}_ALLOWED"
        self.allowed_values = self._allowed_values()

    def _values_hint(self) -> str:
        """Return the first few enumeration values, for a message."""
        shown = [value.value for value in self.simple_type.values[:8]]
        more = ", ..." if self.values_count > 8 else ""
        return f" ({', '.join(shown)}{more})"

    def _pattern_steps(self, builtin) -> list[list[Pattern]]:
        steps = list(self.facets.patterns)
        if builtin.pattern:
            steps.append((builtin.pattern,))
        return [
            [
                self._pattern(step_index, index, regexp)
                for index, regexp in enumerate(step)
            ]
            for step_index, step in enumerate(steps)
        ]

    def _allowed_values(self) -> str | None:
        """Return the literal of a non-string enumeration, compared by value.

        Dates, times and durations get a tuple, compared with `is_equal` in
        the value space; other kinds get a set. Lists and unions have
        `lexical_enumeration` instead.
        """
        if self.facets.enumeration is None or self.enum_class is not None:
            return None
        if self.kind in ("list", "union"):
            return None
        values = sorted(
            {self._value_literal(value) for value in self.facets.enumeration}
        )
        if self.kind in ("temporal", "duration"):
            return "(" + "".join(value + ", " for value in values) + ")"
        return "{" + ", ".join(values) + "}"

    def _pattern(self, step_index: int, index: int, regexp: str) -> Pattern:
        try:
            python = translate_pattern(
                regexp, back_references=False, lazy_quantifiers=False, anchors=False
            )
        except Exception as error:  # elementpath raises several types for a bad pattern
            raise CodegenError(
                f"invalid XSD pattern {regexp!r}: {error}", component=self.label
            ) from None
        constant = f"_{self.suffix.upper()}_PATTERN_{step_index + 1}_{index + 1}"
        return Pattern(constant=constant, python=python, xsd=regexp)

    def _bounds(self, builtin) -> None:
        facets = self.facets
        self.minimum = self._bound(facets.min_inclusive)
        self.maximum = self._bound(facets.max_inclusive)
        self.min_exclusive = self._bound(facets.min_exclusive)
        self.max_exclusive = self._bound(facets.max_exclusive)
        if builtin.minimum is not None and self.minimum is None:
            self.minimum = Bound(
                str(builtin.minimum),
                f"{builtin.minimum} of xs:{self.simple_type.builtin}",
            )
        if builtin.maximum is not None and self.maximum is None:
            self.maximum = Bound(
                str(builtin.maximum),
                f"{builtin.maximum} of xs:{self.simple_type.builtin}",
            )

    def _bound(self, text: str | None) -> Bound | None:
        if text is None:
            return None
        return Bound(self._value_literal(text), text)

    def _value_literal(self, text: str) -> str:
        text = " ".join(text.split())
        if self.kind == "integer":
            return str(int(text))
        if self.kind == "decimal":
            return f"decimal.Decimal({str(decimal.Decimal(text))!r})"
        if self.kind == "float":
            return f"float({text.replace('INF', 'inf')!r})"
        if self.kind == "boolean":
            return str(text in ("true", "1"))
        if self.kind in ("temporal", "duration"):
            return f"{self.lexical}.from_lexical({text!r})"
        if self.kind == "binary":
            return repr(self._binary_value(text))
        return repr(text)

    def _binary_value(self, text: str) -> bytes:
        if self.lexical == "hex_binary":
            return bytes.fromhex(text)
        return base64.b64decode(text.replace(" ", ""))

    def normalize(self, variable: str) -> str:
        if self.white_space == "collapse":
            return f"collapse_whitespace({variable})"
        if self.white_space == "replace":
            return f"replace_whitespace({variable})"
        return variable


class Renderer:
    """Turn a SchemaModel into the source files of one generated package."""

    def __init__(
        self,
        model: SchemaModel,
        config: Config,
        header_source: str,
        reused: dict[str, ReusedPackage] | None = None,
    ) -> None:
        self.model = model
        self.config = config
        self.header_source = header_source
        self.reused = reused or {}
        runtimes = [found.runtime_package for found in self.reused.values()]
        self.runtime_package = runtimes[0] if runtimes else config.package
        self.checkers: dict[str, Checker] = {}
        self.environment = _environment()
        self.prefixes = self._prefixes()
        self.functions = function_names(model)
        self.suffixes = self._checker_suffixes()
        self.polymorphic_targets = self._polymorphic_targets()

    def render(self) -> dict[str, str]:
        context = self._context()
        files = {}
        for module, template_name in MODULES.items():
            template = self.environment.get_template(template_name)
            source = template.render(**context)
            shared = self.runtime_package != self.config.package
            if module in SHARED_MODULES and shared:
                source = shared_module(
                    context["header"], source, module, self.runtime_package
                )
            elif module == "limits.py" and shared:
                source = shared_limits(
                    str(context["header"]),
                    self.runtime_package,
                    int(context["longest_facet"]),
                )
            elif module == "exports.py":
                # exports.py imports only to re-export, for other packages.
                source = _with_all(source)
            else:
                source = _drop_unused_imports(source)
            files[module] = _format(source, module)
        files["py.typed"] = ""
        return files

    def _reused_package(self, namespace: str | None) -> ReusedPackage | None:
        return self.reused.get(namespace or "")

    def _reused_from(self, namespace: str | None) -> str | None:
        found = self._reused_package(namespace)
        return found.package if found else None

    def _enumeration_namespace(self, enumeration: SimpleType) -> str | None:
        return self.model.enumeration_namespaces.get(enumeration.enumeration_key or "")

    def _context(self) -> dict[str, object]:
        model = self.model
        classes = [
            complex_type
            for complex_type in _ordered_types(model)
            if not self._reused_from(namespace_of(complex_type.key))
        ]
        enumerations = [
            item
            for item in sorted(
                model.enumerations.values(), key=lambda item: item.python_name or ""
            )
            if not self._reused_from(self._enumeration_namespace(item))
        ]
        class_views = [self._class_view(complex_type) for complex_type in classes]
        # Built before the checkers are listed, since building adds checkers.
        wildcard_elements = [
            self._member_view(element, _GLOBAL_OWNER, self.prefixes)
            for element in model.wildcard_elements.values()
        ]
        if self.config.every_type:
            # Named simple types that no member uses are exported all the same.
            for simple_type in self._exported_simple_types():
                self._named_checker(simple_type)
        exported = ["NIL", "Nil"]
        exported += [item.python_name for item in enumerations] + [
            view["python_name"] for view in class_views
        ]
        checkers = sorted(self.checkers.values(), key=lambda checker: checker.suffix)
        reuse = self._reuse_context(class_views, enumerations, checkers)
        # models.py re-exports the reused classes, which the other modules import.
        exported += [
            name
            for name in reuse["reused_class_names"] + reuse["reused_enum_names"]
            if name not in exported
        ]
        roots = [self._root_view(root) for root in self.model.roots]
        return {
            "header": self._header(),
            "namespace": model.target_namespace
            or (model.roots[0].namespace if model.roots else ""),
            "package": self.config.package,
            "enumerations": enumerations,
            "enum_names": [item.python_name for item in enumerations]
            + reuse["reused_enum_names"],
            "classes": class_views,
            "model_names": [view["python_name"] for view in class_views]
            + reuse["reused_class_names"],
            "exported_names": exported,
            "checkers": [checker for checker in checkers if not checker.reused_from],
            **reuse,
            "value_classes": self._value_classes(),
            "roots": roots,
            "root_writers": self._root_writers(roots),
            "roots_by_name": _roots_by_name(roots),
            "dispatch": self._dispatch_views(),
            "reused_derived": self._reused_derived_views(),
            "prefixes": self.prefixes,
            "rule_modules": self.config.rules,
            "json_array_roots": self.config.json_array_roots,
            "longest_facet": self._longest_facet(),
            "wildcard_elements": wildcard_elements,
            "uses_wildcards": any(
                complex_type.attribute_wildcard is not None
                or any(item.kind == "any" for item in complex_type.elements)
                for complex_type in self.model.complex_types.values()
            ),
        }

    def _exported_simple_types(self) -> list[SimpleType]:
        """Return the named simple types of the target namespace, for `--all`."""
        return [
            simple_type
            for simple_type in self.model.simple_types.values()
            if simple_type.name is not None
            and namespace_of(simple_type.name) == self.model.target_namespace
        ]

    def _reuse_context(self, class_views, enumerations, checkers) -> dict[str, object]:
        """Describe what this package imports from reused packages and what it exports.

        A reused class, enumeration or function is imported under the name
        that this package gives it, since the reused package settled its names
        on its own model.
        """
        model = self.model
        reused_types = sorted(
            (
                complex_type
                for complex_type in model.complex_types.values()
                if self._reused_from(namespace_of(complex_type.key))
            ),
            key=lambda item: item.python_name,
        )
        reused_enums = sorted(
            (
                item
                for item in model.enumerations.values()
                if self._reused_from(self._enumeration_namespace(item))
            ),
            key=lambda item: item.python_name or "",
        )
        imports: dict[str, list[str]] = {}
        for found in sorted(
            {found.package: found for found in self.reused.values()}.values(),
            key=lambda found: found.package,
        ):
            package = found.package
            types = [
                item
                for item in reused_types
                if self._reused_from(namespace_of(item.key)) == package
            ]
            functions = [
                (found.functions[item.key], self.functions[item.key]) for item in types
            ]
            enums = [
                (found.enumerations[item.enumeration_key or ""], item.python_name or "")
                for item in reused_enums
                if self._reused_from(self._enumeration_namespace(item)) == package
            ]
            suffixes = [
                (found.simple_types[c.simple_type.name or ""], c.suffix)
                for c in checkers
                if c.reused_from == package
            ]
            blocks = {
                "models": enums
                + [(found.complex_types[item.key], item.python_name) for item in types],
                "validators": [
                    (f"validate_{theirs}", f"validate_{ours}")
                    for theirs, ours in functions
                ],
                # Item classes of groups have no readers or writers of their own.
                "xml_mapper": [
                    (f"xml_{verb}_{theirs}", f"_{verb}_{ours}")
                    for (theirs, ours), item in zip(functions, types)
                    if not item.item
                    for verb in ("read", "write")
                ],
                "json_mapper": [
                    (f"json_{verb}_{theirs}", f"_{verb}_{ours}")
                    for (theirs, ours), item in zip(functions, types)
                    if not item.item
                    for verb in ("read", "write")
                ],
                "simple_types": [
                    (f"{verb}_{theirs}", f"{verb}_{ours}")
                    for theirs, ours in suffixes
                    for verb in ("parse", "check", "format")
                ],
            }
            for module, names in blocks.items():
                # simple_types.py binds the reused functions itself, since the
                # other modules call them through it.
                make_block = (
                    reexport_block if module == "simple_types" else import_block
                )
                block = make_block(package, names)
                if block:
                    imports.setdefault(module, []).append(block)
        named_checkers = [
            checker
            for checker in checkers
            if not checker.reused_from
            and namespace_of(checker.simple_type.name) not in (None, XSD_NAMESPACE)
        ]
        return {
            "reused_imports": {
                module: "\n".join(imports.get(module, []))
                for module in (
                    "models",
                    "validators",
                    "xml_mapper",
                    "json_mapper",
                    "simple_types",
                )
            },
            "reused_class_names": [item.python_name for item in reused_types],
            # Root elements of a reused type, which `validate` must know too.
            "reused_roots": list(
                {
                    item.key: {
                        "python_name": item.python_name,
                        "function": self.functions[item.key],
                        "default_path": root.name,
                    }
                    for root in reversed(model.roots)
                    for item in reused_types
                    if item.key == root.complex_type
                }.values()
            ),
            "reused_enum_names": [item.python_name for item in reused_enums],
            "exports": {
                "namespace": model.target_namespace,
                "digest": model.digests.get(model.target_namespace, ""),
                "runtime_package": self.runtime_package,
                "complex_types": {
                    view["key"]: view["python_name"] for view in class_views
                },
                "functions": {view["key"]: view["function"] for view in class_views},
                "enumerations": {
                    item.enumeration_key: item.python_name for item in enumerations
                },
                "simple_types": {
                    checker.simple_type.name: checker.suffix
                    for checker in named_checkers
                },
                "named_checkers": named_checkers,
            },
        }

    def _value_classes(self) -> list[str]:
        """Return the lexical module's value classes that model fields use, for models.py."""
        used = set()
        for checker in self.checkers.values():
            used.update(
                name
                for name in VALUE_CLASSES
                if re.search(rf"\b{name}\b", checker.python_type)
            )
        return sorted(used)

    def _longest_facet(self) -> int:
        """Return the largest length or maxLength of any simple type in the model."""
        longest = 0
        for complex_type in self.model.complex_types.values():
            simple_types = [
                item.simple_type
                for item in [*complex_type.elements, *complex_type.attributes]
            ]
            for simple_type in [*simple_types, complex_type.value_type]:
                if simple_type is not None:
                    facets = simple_type.facets
                    longest = max(longest, facets.max_length or 0, facets.length or 0)
        return longest

    def _header(self) -> str:
        return (
            f"{GENERATED_MARK}{self.header_source}. Do not edit by hand:\n"
            "# change the schema, the templates or [tool.codegen] and run `python -m codegen`."
        )

    def _prefixes(self) -> dict[str, str]:
        # The xml prefix is bound by XML itself and is never declared.
        prefixes = {_XML_NAMESPACE: "xml", **self.config.prefixes}
        namespaces = sorted(
            {root.namespace for root in self.model.roots if root.namespace}
        )
        for complex_type in self.model.complex_types.values():
            for item in [*complex_type.elements, *complex_type.attributes]:
                if item.namespace:
                    namespaces.append(item.namespace)
            if complex_type.base is not None and complex_type.key.startswith("{"):
                # Written in xsi:type values, which name the type by a prefix.
                namespaces.append(complex_type.key[1:].partition("}")[0])
        # Namespaces of members outside the root's, declared on the root element.
        self.member_namespaces = sorted(
            set(namespaces)
            - {root.namespace for root in self.model.roots}
            - {_XML_NAMESPACE}
        )
        for namespace in sorted(set(namespaces)):
            if namespace not in prefixes:
                prefixes[namespace] = (
                    f"ns{len([p for p in prefixes.values() if p.startswith('ns')])}"
                )
        return prefixes

    def _root_view(self, root) -> dict[str, object]:
        complex_type = self.model.complex_types[root.complex_type]
        prefix = self.prefixes.get(root.namespace, "")
        any_ = "any_" if complex_type.key in self.polymorphic_targets else ""
        return {
            "key": complex_type.key,
            "reader": f"_read_{any_}{self.functions[complex_type.key]}",
            "writer": f"_write_{any_}{self.functions[complex_type.key]}",
            "name": root.name,
            "tag": root.tag,
            "namespace": root.namespace,
            "prefix": prefix,
            "qualified_name": f"{prefix}:{root.name}" if prefix else root.name,
            "json_key": f"{prefix}.{root.name}" if prefix else root.name,
            "python_name": complex_type.python_name,
            "function": self.functions[complex_type.key],
            "json_array": root.name in self.config.json_array_roots,
            "declarations": (f' xmlns:{prefix}="{root.namespace}"' if prefix else "")
            + "".join(
                f' xmlns:{self.prefixes[namespace]}="{namespace}"'
                for namespace in self.member_namespaces
                if namespace != root.namespace
            ),
            "stream": self._stream_view(complex_type),
        }

    def _root_writers(self, roots: list[dict[str, object]]) -> list[dict[str, object]]:
        """Return the root view that writes each class, derived classes included.

        A class is written as the first root of its own type. An object of a
        derived type without a root of its own is written as the root of its
        nearest base type, naming its type in xsi:type.
        """
        writers: dict[str, dict[str, object]] = {}
        for view in roots:
            writers.setdefault(str(view["key"]), {**view})
        by_depth = sorted(
            (view for view in roots if str(view["key"]) in self.polymorphic_targets),
            key=lambda view: -self._depth(self.model.complex_types[str(view["key"])]),
        )
        for view in by_depth:
            base = self.model.complex_types[str(view["key"])]
            for derived in self.model.derived_types(base):
                writers.setdefault(
                    derived.key, {**view, "python_name": derived.python_name}
                )
        return list(writers.values())

    def _depth(self, complex_type: ComplexType) -> int:
        """Return the number of derivation steps from a type's first ancestor to the type."""
        depth = 0
        while complex_type.base is not None:
            complex_type = self.model.complex_types[complex_type.base]
            depth += 1
        return depth

    def _stream_view(self, complex_type: ComplexType) -> dict[str, object] | None:
        """Describe the items of a list root, one repeated complex element, for streaming."""
        elements = self.model.all_elements(complex_type)
        if (
            len(elements) != 1
            or not elements[0].is_repeated
            or not elements[0].is_declared
        ):
            return None
        item = elements[0]
        if item.complex_type is None:
            return None
        item_type = self.model.complex_types[item.complex_type]
        prefix = self.prefixes.get(item.namespace, "") if item.namespace else ""
        return {
            "tag": item.tag,
            "name": item.name,
            "qualified_name": f"{prefix}:{item.name}" if prefix else item.name,
            "python_name": item_type.python_name,
            "function": self.functions[item_type.key],
            "any": "any_" if item_type.key in self.polymorphic_targets else "",
            "min_occurs": item.min_occurs,
            "max_occurs": item.max_occurs,
        }

    def _class_view(self, complex_type: ComplexType) -> dict[str, object]:
        base = (
            self.model.complex_types[complex_type.base] if complex_type.base else None
        )
        own_fields = [self._field(item, complex_type) for item in complex_type.elements]
        own_fields += [
            self._field(item, complex_type) for item in complex_type.attributes
        ]
        all_elements = self.model.all_elements(complex_type)
        all_attributes = self.model.all_attributes(complex_type)
        prefixes = self.prefixes
        value = self._value_view(complex_type)
        if value is not None and value["declared"]:
            own_fields.insert(0, value["field_view"])
        own_fields = _unshadowed(own_fields)
        declared = self._declared_elements(all_elements)
        attribute_wildcard = self._attribute_wildcard(complex_type)
        if attribute_wildcard is not None and not self._inherits_wildcard(complex_type):
            own_fields.append(
                {
                    "name": "any_attributes",
                    "annotation": "_list[UnknownAttribute | UnknownMember]",
                    "default": " = _field(default_factory=_list)",
                    "item": None,
                }
            )
        return {
            "key": complex_type.key,
            "python_name": complex_type.python_name,
            "function": self.functions[complex_type.key],
            "base_name": base.python_name if base else None,
            "docstring": self._class_docstring(complex_type, own_fields, base),
            "fields": own_fields,
            "value": value,
            "abstract": complex_type.abstract,
            "dispatch": complex_type.key in self.polymorphic_targets,
            "type_qname": "" if complex_type.anonymous else complex_type.key,
            "derived": [
                self._type_reference(item)
                for item in [complex_type, *self.model.derived_types(complex_type)]
            ],
            "content": self.model.content_of(complex_type),
            "optional_all": self.model.optional_all(complex_type),
            "item": complex_type.item,
            "elements": _mark_choices(
                [
                    self._member_view(item, complex_type, prefixes)
                    for item in all_elements
                ],
                self._all_choices(complex_type),
            ),
            "attributes": [
                self._member_view(item, complex_type, prefixes)
                for item in all_attributes
            ],
            "choices": [
                {
                    "fields": list(choice.fields),
                    "label": " | ".join(choice.names),
                    "required": choice.required,
                }
                for choice in self._all_choices(complex_type)
            ],
            "attribute_wildcard": (
                _wildcard_view(attribute_wildcard) if attribute_wildcard else None
            ),
            "rule_key": complex_type.local_name,
            "element_tags": sorted({item.tag for item, _ in declared}),
            "repeated_names": sorted(
                {item.name for item, repeated in declared if repeated}
            ),
            "type_name": "" if complex_type.anonymous else complex_type.local_name,
            "json_members": sorted(
                [f"@{item.name}" for item in all_attributes]
                + [item.name for item in all_elements if item.kind != "any"]
                + (["$"] if value is not None else [])
            ),
            "default_path": next(
                (
                    root.name
                    for root in self.model.roots
                    if root.complex_type == complex_type.key
                ),
                complex_type.local_name,
            ),
        }

    def _polymorphic_targets(self) -> set[str]:
        """Return the keys of the types that elements declare and xsi:type may change.

        The elements are members, roots and the global elements that wildcards
        match, because xsi:type may name a derived type on any of them.
        """
        declared = [
            element.complex_type
            for complex_type in self.model.complex_types.values()
            for element in complex_type.elements
        ]
        declared += [root.complex_type for root in self.model.roots]
        declared += [
            element.complex_type for element in self.model.wildcard_elements.values()
        ]
        targets = set()
        for key in declared:
            target = self.model.complex_types.get(key or "")
            if target is not None and self._is_polymorphic(target):
                targets.add(target.key)
        return targets

    def _dispatch_views(self) -> list[dict[str, object]]:
        """Describe each polymorphic type for its xsi:type reader and writer tables.

        A reused type gets its tables here too, since types of this package
        may derive from it and the reused package does not know them.
        """
        return [
            {
                "python_name": complex_type.python_name,
                "function": self.functions[complex_type.key],
                "type_qname": "" if complex_type.anonymous else complex_type.key,
                "derived": [
                    self._type_reference(item)
                    for item in [complex_type, *self.model.derived_types(complex_type)]
                ],
            }
            for complex_type in _ordered_types(self.model)
            if complex_type.key in self.polymorphic_targets
        ]

    def _reused_derived_views(self) -> list[dict[str, object]]:
        """Describe the reused types that xsi:type may name, which `validate` must accept."""
        keys = {
            item.key
            for key in self.polymorphic_targets
            for item in [
                self.model.complex_types[key],
                *self.model.derived_types(self.model.complex_types[key]),
            ]
            if self._reused_from(namespace_of(item.key))
        }
        return [
            {
                "python_name": item.python_name,
                "function": self.functions[item.key],
                "default_path": item.local_name,
                "abstract": item.abstract,
            }
            for item in _ordered_types(self.model)
            if item.key in keys
        ]

    def _is_polymorphic(self, complex_type: ComplexType) -> bool:
        return complex_type.abstract or bool(self.model.derived_types(complex_type))

    def _value_view(self, complex_type: ComplexType) -> dict[str, object] | None:
        """Describe the text of a type with simple content, or return None for other types."""
        if complex_type.value_type is None:
            return None
        base = (
            self.model.complex_types[complex_type.base] if complex_type.base else None
        )
        simple_type = complex_type.value_type
        return {
            "field": VALUE_FIELD,
            "complex": None,
            "is_attribute": False,
            "python_type": python_type(simple_type),
            # Only the first type of a chain declares the field; the others inherit it.
            "declared": base is None or base.value_type is None,
            "checker": self._type_checker(
                simple_type, complex_type, _value_identity(complex_type), VALUE_FIELD
            ),
            "field_view": {
                "name": VALUE_FIELD,
                "annotation": python_type(simple_type),
                "default": "",
                "item": None,
            },
        }

    def _type_reference(self, complex_type: ComplexType) -> dict[str, object]:
        """Describe a type that xsi:type may name: its qualified names and functions."""
        namespace, _, local = complex_type.key[1:].partition("}")
        if not complex_type.key.startswith("{"):
            namespace, local = "", complex_type.key
        prefix = self.prefixes.get(namespace, "") if namespace else ""
        prefixed = f"{prefix}:{local}" if prefix else local
        declarations = f' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="{prefixed}"'
        root_namespaces = {root.namespace for root in self.model.roots}
        # The root element already declares every member namespace, those of
        # derived types included. A second declaration on the root would be a
        # duplicate attribute when the root itself carries xsi:type.
        if (
            namespace
            and namespace not in root_namespaces
            and namespace not in self.member_namespaces
        ):
            declarations += f' xmlns:{prefix}="{namespace}"'
        return {
            "qname": complex_type.key,
            "prefixed_name": prefixed,
            "python_name": complex_type.python_name,
            "function": self.functions[complex_type.key],
            "declarations": declarations,
            "abstract": complex_type.abstract,
        }

    def _member_view(
        self, item: Element | Attribute, owner: ComplexType, prefixes
    ) -> dict[str, object]:
        view: dict[str, object] = {
            "name": item.name,
            "tag": item.tag,
            "field": item.field_name,
            "is_attribute": isinstance(item, Attribute),
            "kind": "attribute",
            "alternative": False,
            "python_type": self._python_type(item),
        }
        qualified = (
            f"{prefixes[item.namespace]}:{item.name}" if item.namespace else item.name
        )
        view["qualified_name"] = qualified
        if isinstance(item, Attribute):
            view.update(
                required=item.required,
                repeated=False,
                min_occurs=1 if item.required else 0,
                max_occurs=1,
            )
            view["checker"] = self._checker(item, owner)
            view["complex"] = None
            view["nillable"] = False
            view["fixed"] = _fixed_literal(view["checker"], item.fixed)
            view["fixed_text"] = item.fixed
            return view
        view.update(
            required=item.is_required and not item.alternative,
            repeated=item.is_repeated,
            min_occurs=item.min_occurs,
            max_occurs=item.max_occurs,
            alternative=item.alternative,
            kind=item.kind,
            label=item.name,
            first=sorted(self._first_tags(item)),
            wildcard=_wildcard_view(item.wildcard) if item.wildcard else None,
            nillable=item.nillable,
            fixed=None,
            fixed_text=item.fixed,
            # An empty element of simple type has its fixed or default value
            # (XSD 1.1 Part 1, section 3.3.5.1). None means it has neither.
            empty_value=item.fixed if item.fixed is not None else item.default,
        )
        # The noun that messages about an occurrence count use.
        view["counted"] = f"{item.name} element(s)"
        if item.kind == "any":
            view["checker"] = None
            view["complex"] = None
            view["label"] = "wildcard"
            view["counted"] = "element(s) matching the wildcard"
            return view
        if item.kind != "element":
            target = self.model.complex_types[item.complex_type]
            view["checker"] = None
            view["complex"] = {
                "python_name": target.python_name,
                "function": self.functions[target.key],
                # A group has no xsi:type, so its item class is never a derived type.
                "polymorphic": False,
            }
            view["label"] = _group_label(self.model, target)
            view["counted"] = f"occurrence(s) of {view['label']}"
            return view
        if item.simple_type is not None:
            view["checker"] = self._checker(item, owner)
            view["complex"] = None
            view["fixed"] = _fixed_literal(view["checker"], item.fixed)
            name = item.simple_type.name
            view["type_name"] = name or ""
        else:
            target = self.model.complex_types[item.complex_type]
            view["checker"] = None
            view["complex"] = {
                "python_name": target.python_name,
                "function": self.functions[target.key],
                # xsi:type may name a derived type, or must for an abstract one.
                "polymorphic": self._is_polymorphic(target),
            }
        return view

    def _declared_elements(self, elements) -> list[tuple[Element, bool]]:
        """Return the element declarations of a type, groups expanded, with whether each may repeat."""
        result: list[tuple[Element, bool]] = []
        for item in elements:
            if item.kind == "element":
                result.append((item, item.is_repeated))
            elif item.kind != "any":
                item_type = self.model.complex_types[item.complex_type]
                for inner, repeated in self._declared_elements(item_type.elements):
                    result.append((inner, repeated or item.is_repeated))
        return result

    def _first_tags(self, item: Element) -> set[str]:
        """Return the tags that can start an occurrence of a member (its FIRST set)."""
        if item.kind == "element":
            return {item.tag}
        if item.kind == "any":
            return set()
        item_type = self.model.complex_types[item.complex_type]
        tags: set[str] = set()
        for member in item_type.elements:
            tags |= self._first_tags(member)
            if item_type.content == "sequence" and not self._emptiable(member):
                break
        return tags

    def _emptiable(self, item: Element) -> bool:
        if item.min_occurs == 0:
            return True
        if item.kind in ("element", "any"):
            return False
        item_type = self.model.complex_types[item.complex_type]
        emptiable = [self._emptiable(member) for member in item_type.elements]
        return any(emptiable) if item_type.content == "choice" else all(emptiable)

    def _all_choices(self, complex_type: ComplexType):
        inherited = []
        if complex_type.base is not None:
            inherited = self._all_choices(self.model.complex_types[complex_type.base])
        return inherited + list(complex_type.choices)

    def _attribute_wildcard(self, complex_type: ComplexType):
        if complex_type.attribute_wildcard is not None or complex_type.base is None:
            return complex_type.attribute_wildcard
        return self._attribute_wildcard(self.model.complex_types[complex_type.base])

    def _inherits_wildcard(self, complex_type: ComplexType) -> bool:
        if complex_type.base is None:
            return False
        return (
            self._attribute_wildcard(self.model.complex_types[complex_type.base])
            is not None
        )

    def _checker(self, item: Element | Attribute, owner: ComplexType) -> Checker:
        assert item.simple_type is not None
        return self._type_checker(
            item.simple_type, owner, _checker_identity(item, owner), item.name
        )

    def _type_checker(
        self, simple_type: SimpleType, owner: ComplexType, identity: str, member: str
    ) -> Checker:
        if simple_type.name is not None:
            label = simple_type.name.rpartition("}")[2]
        else:
            label = f"{owner.local_name}/{member}"
        return self._nested_checker(simple_type, self.suffixes[identity], label)

    def _nested_checker(
        self, simple_type: SimpleType, suffix: str, label: str
    ) -> Checker:
        """Return the checker of a type, creating those of its list item or union members.

        A named item or member type keeps the suffix of its name; an anonymous
        one is named after the type that contains it.
        """
        existing = self.checkers.get(suffix)
        if existing is not None:
            return existing
        item = None
        if simple_type.item_type is not None:
            item = self._nested_checker(
                simple_type.item_type,
                *self._part_name(
                    simple_type.item_type, f"{suffix}_item", f"{label} item"
                ),
            )
        members = tuple(
            self._nested_checker(
                member,
                *self._part_name(
                    member, f"{suffix}_member_{index}", f"{label} member {index}"
                ),
            )
            for index, member in enumerate(simple_type.member_types, 1)
        )
        checker = Checker(simple_type, suffix, label, item, members)
        checker.reused_from = self._reused_checker_package(simple_type)
        self.checkers[suffix] = checker
        return checker

    def _reused_checker_package(self, simple_type: SimpleType) -> str | None:
        """Return the reused package that exports the functions of a named type, if any."""
        found = self._reused_package(namespace_of(simple_type.name))
        if found is None or simple_type.name not in found.simple_types:
            return None
        return found.package

    def _named_checker(self, simple_type: SimpleType) -> Checker:
        """Return the checker of a named simple type, which needs no owner."""
        assert simple_type.name is not None
        return self._nested_checker(
            simple_type,
            self.suffixes[simple_type.name],
            simple_type.name.rpartition("}")[2],
        )

    def _part_name(
        self, simple_type: SimpleType, anonymous_suffix: str, anonymous_label: str
    ) -> tuple[str, str]:
        """Return the suffix and label of a list item or union member type."""
        if simple_type.name is None:
            return anonymous_suffix, anonymous_label
        local = simple_type.name.rpartition("}")[2]
        builtin = simple_type.name.startswith(f"{{{XSD_NAMESPACE}}}")
        return ("xs_" if builtin else "") + snake_case(local), local

    def _checker_suffixes(self) -> dict[str, str]:
        """Name the functions of each simple type: `parse_<suffix>`, `check_<suffix>`, ...

        A named type's suffix comes from its name (`xs_` before XSD's own
        types), an anonymous one's from its class and field. Each type the
        renderer meets gets its own suffix, settled like the class names.
        """
        claims: dict[str, Claim] = {}
        for complex_type in self.model.complex_types.values():
            members = [
                *self.model.all_elements(complex_type),
                *self.model.all_attributes(complex_type),
            ]
            typed = [
                (
                    item.simple_type,
                    _checker_identity(item, complex_type),
                    item.field_name,
                )
                for item in members
                if item.simple_type is not None
            ]
            if complex_type.value_type is not None:
                typed.append(
                    (
                        complex_type.value_type,
                        _value_identity(complex_type),
                        VALUE_FIELD,
                    )
                )
            for simple_type, identity, field_name in typed:
                if simple_type.name is not None:
                    local = simple_type.name.rpartition("}")[2]
                    builtin = simple_type.name.startswith(f"{{{XSD_NAMESPACE}}}")
                    candidate = ("xs_" if builtin else "") + snake_case(local)
                    rank: tuple = (0 if builtin else 1, identity)
                else:
                    stem = self.functions[complex_type.key]
                    candidate = f"{stem}_{field_name}"
                    rank = (2, identity)
                claims[identity] = Claim(identity, candidate, rank)
        # Global elements that a wildcard matches are read with their own checkers.
        for element in self.model.wildcard_elements.values():
            simple_type = element.simple_type
            if simple_type is None:
                continue
            identity = _checker_identity(element, _GLOBAL_OWNER)
            if simple_type.name is not None:
                local = simple_type.name.rpartition("}")[2]
                builtin = simple_type.name.startswith(f"{{{XSD_NAMESPACE}}}")
                claim = Claim(
                    identity,
                    ("xs_" if builtin else "") + snake_case(local),
                    (0 if builtin else 1, identity),
                )
            else:
                claim = Claim(identity, f"global_{element.field_name}", (2, identity))
            claims.setdefault(identity, claim)
        if self.config.every_type:
            # `--all` exports every named simple type, used by a member or not.
            for simple_type in self._exported_simple_types():
                name = simple_type.name
                local = name.rpartition("}")[2]
                claims.setdefault(name, Claim(name, snake_case(local), (1, name)))
        return settle(
            claims.values(),
            RESERVED_CHECKER_NAMES,
            lambda candidate, digest: f"{candidate}_{digest}",
            fold=str.upper,
        )

    def _field(self, item: Element | Attribute, owner: ComplexType) -> dict[str, str]:
        if item.field_name == UNKNOWN_CONTENT_FIELD:
            # The loader reports this first, with the schema line; this check
            # covers models that were built without the loader.
            raise CodegenError(
                f"{item.name!r} maps to the Python field {UNKNOWN_CONTENT_FIELD!r}, "
                "which the generated classes keep for content the schema does not "
                "declare; rename it in the schema",
                component=owner.key,
            )
        annotation_type = self._python_type(item)
        repeated = isinstance(item, Element) and item.is_repeated
        required = (
            item.is_required and not item.alternative
            if isinstance(item, Element)
            else item.required
        )
        if repeated:
            annotation, default = (
                # _list, because a field named `list` shadows the builtin in the class body.
                f"_list[{annotation_type}]",
                " = _field(default_factory=_list)",
            )
        elif required:
            annotation, default = annotation_type, ""
        else:
            annotation, default = f"{annotation_type} | None", " = None"
        return {
            "name": item.field_name,
            "annotation": annotation,
            "default": default,
            "item": item,
        }

    def _python_type(self, item: Element | Attribute) -> str:
        """Return the Python type of one value of a member, without list or None."""
        if isinstance(item, Element) and item.kind == "any":
            annotation_type = "UnknownElement | UnknownMember"
        elif isinstance(item, Element) and item.complex_type is not None:
            annotation_type = self.model.complex_types[item.complex_type].python_name
        else:
            assert item.simple_type is not None
            annotation_type = python_type(item.simple_type)
        if isinstance(item, Element) and item.nillable:
            # NIL is the value of an element sent with xsi:nil="true".
            annotation_type = f"{annotation_type} | Nil"
        return annotation_type

    def _class_docstring(self, complex_type: ComplexType, fields, base) -> str:
        summary = complex_type.documentation or self._element_documentation(
            complex_type
        )
        if complex_type.item:
            # The key of an item class is `{owner key}#{member name}`.
            owner, _, member = complex_type.key.rpartition("#")
            summary = summary or (
                f"One occurrence of the xs:{complex_type.content} group "
                f"`{_group_label(self.model, complex_type)}`."
            )
            origin = f"Items of the member `{member}` of `{owner.rpartition('}')[2]}`"
        else:
            summary = summary or f"The {complex_type.local_name} type."
            kind = (
                "Anonymous type of the element"
                if complex_type.anonymous
                else "XML type"
            )
            origin = f"{kind} `{complex_type.local_name}`"
        lines = [*_wrap(_sentence(summary), ""), "", origin]
        if base is not None:
            derivation = (
                "a restriction"
                if complex_type.derivation == "restriction"
                else "an extension"
            )
            lines[-1] += f", {derivation} of `{base.local_name}`"
        if complex_type.abstract:
            lines[-1] += ", abstract: documents name a derived type with xsi:type"
        lines[-1] += "."
        if fields:
            lines += ["", "Attributes:"]
            for view in fields:
                item = view["item"]
                if item is None:
                    text = (
                        "Attributes that the xs:anyAttribute wildcard matches."
                        if view["name"] == "any_attributes"
                        else "The text content."
                    )
                    lines.extend(_wrap(f"{view['name']}: {text}", "    ", "        "))
                    continue
                xml_name = ("@" if isinstance(item, Attribute) else "") + item.name
                text = f"`{xml_name}`."
                if isinstance(item, Element) and item.kind == "any":
                    text = "Elements that an xs:any wildcard matches."
                elif isinstance(item, Element) and item.kind != "element":
                    label = _group_label(
                        self.model, self.model.complex_types[item.complex_type]
                    )
                    text = f"Occurrences of the xs:{item.kind} group `{label}`."
                if item.deprecation:
                    text += f" Deprecated: {_sentence(item.deprecation)}"
                if item.documentation:
                    text += f" {_sentence(item.documentation)}"
                lines.extend(_wrap(f"{view['name']}: {text}", "    ", "        "))
        return _docstring_text("\n".join(lines)) + "\n    "

    def _element_documentation(self, complex_type: ComplexType) -> str:
        for root in self.model.roots:
            if root.complex_type == complex_type.key:
                return root.documentation
        return ""


def _value_identity(owner: ComplexType) -> str:
    """Identify the simple type of the text of a type with simple content."""
    simple_type = owner.value_type
    if simple_type is not None and simple_type.name is not None:
        return simple_type.name
    return f"{owner.key}/$value"


def _checker_identity(item: Element | Attribute, owner: ComplexType) -> str:
    """Identify the simple type of a member: its name, or its place in a class."""
    simple_type = item.simple_type
    if simple_type is not None and simple_type.name is not None:
        return simple_type.name
    label = ("@" if isinstance(item, Attribute) else "") + item.tag
    return f"{owner.key}/{label}"


# Names that the annotations of models.py use and that a field of the same
# name would shadow in its class body, with the aliases that models.py imports.
_SHADOWED_TYPE_NAMES = {
    "bool": "_builtins.bool",
    "bytes": "_builtins.bytes",
    "decimal": "_decimal",
    "float": "_builtins.float",
    "int": "_builtins.int",
    "str": "_builtins.str",
}


def _unshadowed(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the fields of a class, with annotations that name none of its fields.

    A field named `int` makes `int` in a later annotation of the same class
    refer to that field, so such annotations use the alias of the type.
    """
    names = sorted({view["name"] for view in fields} & set(_SHADOWED_TYPE_NAMES))
    if not names:
        return fields
    pattern = re.compile(r"(?<![\w.])(" + "|".join(names) + r")\b")
    return [
        {
            **view,
            "annotation": pattern.sub(
                lambda match: _SHADOWED_TYPE_NAMES[match.group(1)], view["annotation"]
            ),
        }
        for view in fields
    ]


def _ordered_types(model: SchemaModel) -> list[ComplexType]:
    """Return the types sorted by class name, each base before the types extending it."""
    ordered: list[ComplexType] = []
    done: set[str] = set()

    def visit(complex_type: ComplexType) -> None:
        if complex_type.key in done:
            return
        if complex_type.base is not None:
            visit(model.complex_types[complex_type.base])
        done.add(complex_type.key)
        ordered.append(complex_type)

    for complex_type in sorted(
        model.complex_types.values(), key=lambda item: item.python_name
    ):
        visit(complex_type)
    return ordered


_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"

# The owner that names the checkers of global elements matched by wildcards.
_GLOBAL_OWNER = ComplexType(
    key="global", python_name="GlobalElement", anonymous=True, content="empty"
)


def _roots_by_name(roots: list[dict[str, object]]) -> list[dict[str, object]]:
    """Return the root views that `root=` of write_xml and write_json can name.

    A local name shared by roots of several namespaces names the first of
    them. Roots that share a class are named in the generator's output,
    since the writers pick the first of them unless `root=` names another.
    """
    by_name: dict[str, dict[str, object]] = {}
    by_class: dict[str, list[str]] = {}
    for view in roots:
        by_name.setdefault(str(view["name"]), view)
        by_class.setdefault(str(view["python_name"]), []).append(str(view["name"]))
    for python_name, names in sorted(by_class.items()):
        if len(names) > 1:
            logger.info(
                "roots %s share the class %s: write_xml and write_json write %s "
                "unless root= names another",
                ", ".join(names),
                python_name,
                names[0],
            )
    return list(by_name.values())


def _mark_choices(views: list[dict[str, object]], choices) -> list[dict[str, object]]:
    """Mark the members of flattened choices, so that readers consume one alternative.

    The first alternative's view gets `choice`, the list of the choice's member
    views, and the others get `in_choice`. `kept_after` names the members
    whose kept unknown content the writers put back after this member: a
    choice's alternatives all flush theirs after its last alternative, since
    the reader anchors what follows the choice to its first alternative.
    """
    by_field = {view["field"]: view for view in views}
    for view in views:
        view.setdefault("choice", None)
        view.setdefault("in_choice", False)
        view["kept_after"] = [view["name"]]
    for choice in choices:
        members = [by_field[field] for field in choice.fields]
        members[0]["choice"] = members
        for member in members[1:]:
            member["in_choice"] = True
        for member in members:
            member["kept_after"] = []
        members[-1]["kept_after"] = [member["name"] for member in members]
    return views


def _group_label(model: SchemaModel, item_type: ComplexType) -> str:
    """Describe a model group in the schema's compact notation: `(song | ad)`."""
    parts = []
    for member in item_type.elements:
        if member.kind == "element":
            part = member.name
        elif member.kind == "any":
            part = "any"
        else:
            part = _group_label(model, model.complex_types[member.complex_type])
        if member.min_occurs == 0 and member.max_occurs == 1:
            part += "?"
        elif member.is_repeated:
            part += "*" if member.min_occurs == 0 else "+"
        parts.append(part)
    joiner = " | " if item_type.content == "choice" else ", "
    return "(" + joiner.join(parts) + ")"


def _wildcard_view(wildcard) -> dict[str, object]:
    """Describe a wildcard for the templates: the test of a namespace and the processing."""
    if wildcard.not_namespaces is not None:
        test = f"not in {tuple(wildcard.not_namespaces)!r}"
    else:
        test = f"in {tuple(wildcard.namespaces)!r}"
    return {
        "test": test,
        "process_contents": wildcard.process_contents,
        "declared": list(wildcard.declared),
    }


def _fixed_literal(checker: Checker, fixed: str | None) -> str | None:
    """Return the Python literal of a fixed value, compared in the value space of its type.

    The fixed text is normalised by the type's whiteSpace facet first, so a
    fixed string matches exactly what the parser returns for the same text.
    """
    if fixed is None:
        return None
    if checker.white_space in ("replace", "collapse"):
        fixed = fixed.translate(str.maketrans("\t\n\r", "   "))
    if checker.white_space == "collapse":
        fixed = " ".join(word for word in fixed.split(" ") if word)
    if checker.enum_class is not None:
        return f"models.{checker.enum_class}({fixed!r})"
    if checker.kind == "string":
        return repr(fixed)
    return checker._value_literal(fixed)


def _wrap(text: str, first_indent: str, indent: str | None = None) -> list[str]:
    """Wrap docstring text so that the indented class body stays within 88 columns."""
    return textwrap.wrap(
        text,
        width=84,
        initial_indent=first_indent,
        subsequent_indent=first_indent if indent is None else indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first_indent.rstrip()]


def _sentence(text: str) -> str:
    text = text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:]


def _docstring_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _docstring_filter(text: str, fallback: str = "") -> str:
    return _docstring_text(_sentence(text or fallback))


def _json_value_filter(member: dict[str, object], variable: str) -> str:
    """Return the expression that turns a member's value into IS24's JSON form."""
    if member["complex"]:
        complex_view: dict[str, object] = member["complex"]  # type: ignore[assignment]
        prefix = "_write_any_" if complex_view["polymorphic"] else "_write_"
        return f"{prefix}{complex_view['function']}({variable})"
    checker: Checker = member["checker"]  # type: ignore[assignment]
    if checker.kind == "integer" and not member["is_attribute"]:
        return variable
    if checker.kind == "string" and checker.enum_class is None:
        return variable
    return f"simple_types.format_{checker.suffix}({variable})"


def _comment_filter(text: str) -> str:
    return " ".join(text.split())


def _python_literal(value: object) -> str:
    return repr(value)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    environment.filters.update(
        docstring=_docstring_filter,
        comment=_comment_filter,
        json_value=_json_value_filter,
        python_literal=_python_literal,
        snake_case=snake_case,
        chomp=lambda text: str(text).rstrip("\n"),
    )
    return environment


def _with_all(source: str) -> str:
    """Append `__all__` with every public name that a module imports or assigns.

    Type checkers take an imported name as an export of the module only when
    `__all__` lists it (or it is imported as itself).
    """
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names += [_bound_name(alias) for alias in node.names]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [target.id for target in targets if isinstance(target, ast.Name)]
    public = sorted({name for name in names if not name.startswith("_")})
    entries = "".join(f"    {name!r},\n" for name in public)
    return source.rstrip("\n") + f"\n\n__all__ = [\n{entries}]\n"


def _drop_unused_imports(source: str) -> str:
    """Remove the imported names that a rendered module does not use.

    The templates import every helper that some schema needs, and which of them
    a module uses depends on the schema (decimal fields, patterns, enumerations).
    A name counts as used where it appears as a name, in a forward reference
    (a string inside a subscript, such as `"os.PathLike[str]"`, or the type
    argument of `cast`) or in `__all__`. Each top-level import statement must
    start on its own line, since it is replaced line by line.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # _format reports it as an internal error
    used = _used_names(tree)
    lines = source.splitlines(keepends=True)
    # From the last statement up, so that the line numbers of the others hold.
    for node in reversed(tree.body):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        used_aliases = [alias for alias in node.names if _bound_name(alias) in used]
        if len(used_aliases) == len(node.names):
            continue
        replacement = _import_statement(node, used_aliases) if used_aliases else ""
        lines[node.lineno - 1 : node.end_lineno] = [replacement]
    return "".join(lines)


def _used_names(tree: ast.Module) -> set[str]:
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Subscript):
            used.update(_names_in_strings(node.slice))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "cast"
            and node.args
        ):
            used.update(_names_in_strings(node.args[0]))
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__"
            for target in node.targets
        ):
            used.update(
                part.value
                for part in ast.walk(node.value)
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
    return used


def _names_in_strings(node: ast.expr) -> set[str]:
    """Return the names used in the forward references (string constants) under `node`."""
    names: set[str] = set()
    for part in ast.walk(node):
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            try:
                expression = ast.parse(part.value, mode="eval")
            except SyntaxError:
                continue
            names.update(
                item.id for item in ast.walk(expression) if isinstance(item, ast.Name)
            )
    return names


def _bound_name(alias: ast.alias) -> str:
    """Return the name an import binds: `import a.b` binds `a`."""
    return alias.asname or alias.name.partition(".")[0]


def _import_statement(node: ast.Import | ast.ImportFrom, names: list[ast.alias]) -> str:
    aliases = ", ".join(
        f"{alias.name} as {alias.asname}" if alias.asname else alias.name
        for alias in names
    )
    if isinstance(node, ast.Import):
        return f"import {aliases}\n"
    module = "." * node.level + (node.module or "")
    return f"from {module} import {aliases}\n"


def format_python(source: str, module: str) -> str:
    """Format generated Python source with black, as every generated module is."""
    return _format(source, module)


def _format(source: str, module: str) -> str:
    try:
        return black.format_str(source, mode=black.Mode())
    except black.InvalidInput as error:
        # A template produced code that does not parse: a bug of the generator.
        raise RuntimeError(
            f"INTERNAL ERROR: generated {module} is not valid Python: {error}"
        ) from None
