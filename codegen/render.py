"""Render the model through the Jinja2 templates and format the result with black.

The decisions (Python types, names of generated functions, literals) are made
here, in small view objects and filters, so that the templates only lay out
code. Rendering is a pure function of the model and the configuration: the same
input gives byte-identical files.
"""

from __future__ import annotations

import decimal
import logging
import textwrap
from dataclasses import dataclass
from pathlib import Path

import black
import jinja2
from elementpath.regex import translate_pattern

from codegen.builtins import BUILTINS
from codegen.config import Config
from codegen.errors import CodegenError
from codegen.model import (
    UNKNOWN_CONTENT_FIELD,
    XSD_NAMESPACE,
    Attribute,
    ComplexType,
    Element,
    SchemaModel,
    SimpleType,
)
from codegen.naming import snake_case
from codegen.reuse import ReusedPackage, import_block, namespace_of, shared_module
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
SHARED_MODULES = ("errors.py", "unknown.py")


@dataclass(frozen=True)
class Bound:
    literal: str
    text: str


@dataclass(frozen=True)
class Pattern:
    constant: str
    python: str
    xsd: str


class Checker:
    """The generated functions for one simple type: parse_*, check_* and format_*."""

    def __init__(self, simple_type: SimpleType, suffix: str, label: str) -> None:
        self.simple_type = simple_type
        self.suffix = suffix
        self.label = label
        # The reused package that defines this checker's functions, if any.
        self.reused_from: str | None = None
        self.facets = simple_type.facets
        self.white_space = simple_type.facets.white_space
        builtin = BUILTINS[simple_type.builtin]
        self.kind = builtin.kind
        self.enum_class = (
            simple_type.python_name if simple_type.is_enumeration else None
        )
        self.python_type = self.enum_class or builtin.python_type

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
        """Return the set literal of a non-string enumeration, compared by value."""
        if self.facets.enumeration is None or self.enum_class is not None:
            return None
        values = sorted(
            {self._value_literal(value) for value in self.facets.enumeration}
        )
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
        return repr(text)

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

    def render(self) -> dict[str, str]:
        context = self._context()
        files = {}
        for module, template_name in MODULES.items():
            template = self.environment.get_template(template_name)
            source = template.render(**context)
            if module in SHARED_MODULES and self.runtime_package != self.config.package:
                source = shared_module(
                    context["header"], source, module, self.runtime_package
                )
            files[module] = _format(source, module)
        files["py.typed"] = ""
        return files

    def _reused_from(self, namespace: str | None) -> str | None:
        found = self.reused.get(namespace or "")
        return found.package if found else None

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
            if not self._reused_from(
                model.enumeration_namespaces.get(item.python_name or "")
            )
        ]
        class_views = [self._class_view(complex_type) for complex_type in classes]
        if self.config.every_type:
            # Named simple types that no member uses are exported all the same.
            for simple_type in model.simple_types.values():
                if namespace_of(simple_type.name) == model.target_namespace:
                    self._named_checker(simple_type)
        exported = [item.python_name for item in enumerations] + [
            view["python_name"] for view in class_views
        ]
        checkers = sorted(self.checkers.values(), key=lambda checker: checker.suffix)
        reuse = self._reuse_context(class_views, enumerations, checkers)
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
            "roots": [self._root_view(root) for root in self.model.roots],
            "prefixes": self.prefixes,
            "rule_modules": self.config.rules,
            "json_array_roots": self.config.json_array_roots,
            "longest_facet": self._longest_facet(),
        }

    def _reuse_context(self, class_views, enumerations, checkers) -> dict[str, object]:
        """Describe what this package imports from reused packages and what it exports."""
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
            name
            for name in model.enumerations
            if self._reused_from(model.enumeration_namespaces.get(name))
        )
        imports: dict[str, list[str]] = {}
        for package in sorted({found.package for found in self.reused.values()}):
            types = [
                item
                for item in reused_types
                if self._reused_from(namespace_of(item.key)) == package
            ]
            functions = [snake_case(item.python_name) for item in types]
            enums = [
                name
                for name in reused_enums
                if self._reused_from(model.enumeration_namespaces[name]) == package
            ]
            suffixes = [c.suffix for c in checkers if c.reused_from == package]
            blocks = {
                "models": [(name, name) for name in enums]
                + [(item.python_name, item.python_name) for item in types],
                "validators": [
                    (f"validate_{name}", f"validate_{name}") for name in functions
                ],
                "xml_mapper": [
                    (f"xml_{verb}_{name}", f"_{verb}_{name}")
                    for name in functions
                    for verb in ("read", "write")
                ],
                "json_mapper": [
                    (f"json_{verb}_{name}", f"_{verb}_{name}")
                    for name in functions
                    for verb in ("read", "write")
                ],
                "simple_types": [
                    (f"{verb}_{suffix}", f"{verb}_{suffix}")
                    for suffix in suffixes
                    for verb in ("parse", "check", "format")
                ],
            }
            for module, names in blocks.items():
                block = import_block(package, names)
                if block:
                    imports.setdefault(module, []).append(block)
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
                        "function": snake_case(item.python_name),
                        "default_path": root.name,
                    }
                    for root in reversed(model.roots)
                    for item in reused_types
                    if item.key == root.complex_type
                }.values()
            ),
            "reused_enum_names": reused_enums,
            "exports": {
                "namespace": model.target_namespace,
                "digest": model.digests.get(model.target_namespace, ""),
                "runtime_package": self.runtime_package,
                "complex_types": {
                    view["key"]: view["python_name"] for view in class_views
                },
                "enumerations": [item.python_name for item in enumerations],
                "simple_types": {
                    checker.simple_type.name: checker.suffix
                    for checker in checkers
                    if not checker.reused_from
                    and namespace_of(checker.simple_type.name)
                    not in (None, XSD_NAMESPACE)
                },
                "named_checkers": [
                    checker
                    for checker in checkers
                    if not checker.reused_from
                    and namespace_of(checker.simple_type.name)
                    not in (None, XSD_NAMESPACE)
                ],
            },
        }

    def _longest_facet(self) -> int:
        """Return the largest length or maxLength of any simple type in the model."""
        longest = 0
        for complex_type in self.model.complex_types.values():
            for item in [*complex_type.elements, *complex_type.attributes]:
                if item.simple_type is not None:
                    facets = item.simple_type.facets
                    longest = max(longest, facets.max_length or 0, facets.length or 0)
        return longest

    def _header(self) -> str:
        return (
            f"{GENERATED_MARK}{self.header_source}. Do not edit by hand:\n"
            "# change the schema, the templates or [tool.codegen] and run `python -m codegen`."
        )

    def _prefixes(self) -> dict[str, str]:
        prefixes = dict(self.config.prefixes)
        namespaces = sorted(
            {root.namespace for root in self.model.roots if root.namespace}
        )
        for complex_type in self.model.complex_types.values():
            for item in [*complex_type.elements, *complex_type.attributes]:
                if item.namespace:
                    namespaces.append(item.namespace)
        for namespace in sorted(set(namespaces)):
            if namespace not in prefixes:
                prefixes[namespace] = (
                    f"ns{len([p for p in prefixes.values() if p.startswith('ns')])}"
                )
        return prefixes

    def _root_view(self, root) -> dict[str, object]:
        complex_type = self.model.complex_types[root.complex_type]
        prefix = self.prefixes.get(root.namespace, "")
        return {
            "name": root.name,
            "tag": root.tag,
            "namespace": root.namespace,
            "prefix": prefix,
            "qualified_name": f"{prefix}:{root.name}" if prefix else root.name,
            "json_key": f"{prefix}.{root.name}" if prefix else root.name,
            "python_name": complex_type.python_name,
            "function": snake_case(complex_type.python_name),
            "json_array": root.name in self.config.json_array_roots,
            "declarations": f' xmlns:{prefix}="{root.namespace}"' if prefix else "",
            "stream": self._stream_view(complex_type),
        }

    def _stream_view(self, complex_type: ComplexType) -> dict[str, object] | None:
        """Describe the items of a list root, one repeated complex element, for streaming."""
        elements = self.model.all_elements(complex_type)
        if len(elements) != 1 or not elements[0].is_repeated:
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
            "function": snake_case(item_type.python_name),
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
        return {
            "key": complex_type.key,
            "python_name": complex_type.python_name,
            "function": snake_case(complex_type.python_name),
            "base_name": base.python_name if base else None,
            "docstring": self._class_docstring(complex_type, own_fields, base),
            "fields": own_fields,
            "content": self.model.content_of(complex_type),
            "elements": [
                self._member_view(item, complex_type, prefixes) for item in all_elements
            ],
            "attributes": [
                self._member_view(item, complex_type, prefixes)
                for item in all_attributes
            ],
            "rule_key": complex_type.local_name,
            "element_tags": sorted(item.tag for item in all_elements),
            "repeated_names": sorted(
                item.name for item in all_elements if item.is_repeated
            ),
            "type_name": "" if complex_type.anonymous else complex_type.local_name,
            "json_members": sorted(
                [f"@{item.name}" for item in all_attributes]
                + [item.name for item in all_elements]
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

    def _member_view(
        self, item: Element | Attribute, owner: ComplexType, prefixes
    ) -> dict[str, object]:
        view: dict[str, object] = {
            "name": item.name,
            "tag": item.tag,
            "field": item.field_name,
            "is_attribute": isinstance(item, Attribute),
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
            view["checker"] = self._checker(item.simple_type, owner, item.name)
            view["complex"] = None
            return view
        view.update(
            required=item.is_required,
            repeated=item.is_repeated,
            min_occurs=item.min_occurs,
            max_occurs=item.max_occurs,
        )
        if item.simple_type is not None:
            view["checker"] = self._checker(item.simple_type, owner, item.name)
            view["complex"] = None
            name = item.simple_type.name
            view["type_name"] = name.rpartition("}")[2] if name else ""
        else:
            target = self.model.complex_types[item.complex_type]
            view["checker"] = None
            view["complex"] = {
                "python_name": target.python_name,
                "function": snake_case(target.python_name),
            }
        return view

    def _checker(
        self, simple_type: SimpleType, owner: ComplexType, member: str
    ) -> Checker:
        if simple_type.name is not None:
            local = simple_type.name.rpartition("}")[2]
            namespace = simple_type.name[1:].partition("}")[0]
            suffix = snake_case(local)
            if namespace == "http://www.w3.org/2001/XMLSchema":
                suffix = "xs_" + suffix
            label = local
        else:
            suffix = f"{snake_case(owner.python_name)}_{snake_case(member)}"
            label = f"{owner.local_name}/{member}"
        existing = self.checkers.get(suffix)
        if existing is None:
            existing = self.checkers[suffix] = Checker(simple_type, suffix, label)
            if simple_type.name is not None:
                existing.reused_from = self._reused_from(namespace_of(simple_type.name))
        elif (
            simple_type.name is not None
            and existing.simple_type.name != simple_type.name
        ):
            raise CodegenError(
                f"the simple types {existing.simple_type.name!r} and "
                f"{simple_type.name!r} map to the same generated functions "
                f"(parse_{suffix}, check_{suffix}); rename one of them in the schema",
                component=simple_type.name,
            )
        return existing

    def _named_checker(self, simple_type: SimpleType) -> Checker:
        """Return the checker of a named simple type, which needs no owner."""
        return self._checker(simple_type, None, "")  # type: ignore[arg-type]

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
        if isinstance(item, Element) and item.complex_type is not None:
            python_type = self.model.complex_types[item.complex_type].python_name
        else:
            simple_type = item.simple_type
            assert simple_type is not None
            python_type = (
                simple_type.python_name
                if simple_type.is_enumeration
                else BUILTINS[simple_type.builtin].python_type
            )
        repeated = isinstance(item, Element) and item.is_repeated
        required = item.is_required if isinstance(item, Element) else item.required
        if repeated:
            annotation, default = (
                f"list[{python_type}]",
                " = _field(default_factory=_list)",
            )
        elif required:
            annotation, default = python_type, ""
        else:
            annotation, default = f"{python_type} | None", " = None"
        return {
            "name": item.field_name,
            "annotation": annotation,
            "default": default,
            "item": item,
        }

    def _class_docstring(self, complex_type: ComplexType, fields, base) -> str:
        summary = complex_type.documentation or self._element_documentation(
            complex_type
        )
        summary = summary or f"The {complex_type.local_name} type."
        kind = "Anonymous type of the element" if complex_type.anonymous else "XML type"
        lines = [
            *_wrap(_sentence(summary), ""),
            "",
            f"{kind} `{complex_type.local_name}`",
        ]
        if base is not None:
            lines[-1] += f", an extension of `{base.local_name}`"
        lines[-1] += "."
        if fields:
            lines += ["", "Attributes:"]
            for view in fields:
                item = view["item"]
                xml_name = ("@" if isinstance(item, Attribute) else "") + item.name
                text = f"`{xml_name}`."
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
        return f"_write_{member['complex']['function']}({variable})"  # type: ignore[index]
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
    )
    return environment


def _format(source: str, module: str) -> str:
    try:
        return black.format_str(source, mode=black.Mode())
    except black.InvalidInput as error:
        # A template produced code that does not parse: a bug of the generator.
        raise RuntimeError(
            f"INTERNAL ERROR: generated {module} is not valid Python: {error}"
        ) from None
