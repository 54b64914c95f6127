"""Documents built from the generator's model: valid ones, and one violation per facet.

For a root element, `valid_documents` gives a minimal document (only required
elements and attributes) and a full one (every element and attribute once,
repeated elements at least min_occurs times). `facet_violations` changes one
simple value of the full document so that it breaks one facet (or the lexical
space of the built-in type), once per simple type and facet, so that a large
schema gives a bounded number of cases.

Values come from the facets alone: the first enumeration value, a number
inside the range, or the simplest string that matches every pattern step and
the length facets (found by Hypothesis' `find`, which is deterministic).
"""

from __future__ import annotations

import decimal
import functools
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from hypothesis import HealthCheck, find, settings
from strategies import integer_bounds, string_values

from codegen.builtins import BUILTINS
from codegen.model import Attribute, ComplexType, Element, SchemaModel, SimpleType

# Nesting deeper than this keeps only required members, so that a type that
# contains itself through an optional element ends.
MAX_FULL_DEPTH = 4
# Required members nest at most this deep; a deeper required chain has no
# finite valid document.
MAX_DEPTH = 30

_FIND_SETTINGS = settings(
    database=None,
    derandomize=True,
    max_examples=200,
    suppress_health_check=list(HealthCheck),
)


@dataclass(frozen=True)
class Case:
    """One document and the label of what it tests."""

    label: str
    document: str


class DocumentBuilder:
    """Build documents of one model's root elements."""

    def __init__(self, model: SchemaModel) -> None:
        self.model = model

    def valid_documents(self, root_name: str) -> list[Case]:
        root = self._root(root_name)
        return [
            Case(f"{root.name}: minimal", self._text(self._build(root, full=False))),
            Case(f"{root.name}: full", self._text(self._build(root, full=True))),
        ]

    def facet_violations(self, root_name: str) -> Iterator[Case]:
        """Yield the full document with one value changed, once per simple type and facet."""
        root = self._root(root_name)
        tree = self._build(root, full=True)
        seen: set[tuple[object, str]] = set()
        for node, attribute, simple_type, path in self._simple_values(tree, root):
            for facet, value in violations(simple_type):
                key = (simple_type.name or path, facet)
                if key in seen:
                    continue
                seen.add(key)
                yield Case(
                    f"{path}: {facet} {value!r}",
                    self._text(self._changed(tree, node, attribute, value)),
                )

    def _root(self, name: str):
        for root in self.model.roots:
            if name in (root.name, root.tag):
                return root
        raise KeyError(name)

    def _build(self, root, full: bool) -> ET.Element:
        elem = ET.Element(root.tag)
        self._fill(elem, self.model.complex_types[root.complex_type], full, 0)
        return elem

    def _fill(
        self, elem: ET.Element, complex_type: ComplexType, full: bool, depth: int
    ):
        if depth > MAX_DEPTH:
            return
        full = full and depth < MAX_FULL_DEPTH
        for attribute in self.model.all_attributes(complex_type):
            if attribute.required or full:
                elem.set(attribute.tag, member_value(attribute))
        for element in self.model.all_elements(complex_type):
            count = element.min_occurs or (1 if full else 0)
            for _ in range(count):
                child = ET.SubElement(elem, element.tag)
                if element.complex_type is not None:
                    target = self.model.complex_types[element.complex_type]
                    self._fill(child, target, full, depth + 1)
                else:
                    child.text = member_value(element)

    def _simple_values(self, tree: ET.Element, root):
        """Yield (node, attribute tag or None, simple type, path) for every simple value."""
        stack = [(tree, self.model.complex_types[root.complex_type], root.name)]
        while stack:
            node, complex_type, path = stack.pop()
            for attribute in self.model.all_attributes(complex_type):
                if attribute.tag in node.attrib:
                    yield node, attribute.tag, attribute.simple_type, f"{path}/@{attribute.name}"
            elements = {
                item.tag: item for item in self.model.all_elements(complex_type)
            }
            for child in node:
                element = elements[child.tag]
                child_path = f"{path}/{element.name}"
                if element.complex_type is not None:
                    target = self.model.complex_types[element.complex_type]
                    stack.append((child, target, child_path))
                else:
                    yield child, None, element.simple_type, child_path

    def _changed(self, tree, node, attribute, value) -> ET.Element:
        old = node.get(attribute) if attribute else node.text
        if attribute:
            node.set(attribute, value)
        else:
            node.text = value
        copy = ET.fromstring(ET.tostring(tree))
        if attribute:
            node.set(attribute, old)
        else:
            node.text = old
        return copy

    def _text(self, tree: ET.Element) -> str:
        return ET.tostring(tree, encoding="unicode")


def member_value(member: Element | Attribute) -> str:
    if member.fixed is not None:
        return member.fixed
    return valid_value(member.simple_type)


@functools.cache
def valid_value(simple_type: SimpleType) -> str:
    """Return a simple valid lexical value of a type."""
    facets = simple_type.facets
    if facets.enumeration:
        return facets.enumeration[0]
    kind = BUILTINS[simple_type.builtin].kind
    if kind == "boolean":
        return "true"
    if kind == "integer":
        lower, upper = integer_bounds(simple_type)
        value = 0 if lower is None else max(0, lower)
        return str(value if upper is None else min(value, upper))
    if kind in ("decimal", "float"):
        return _number_value(facets)
    return find(string_values(simple_type), lambda value: True, settings=_FIND_SETTINGS)


def _number_value(facets) -> str:
    value = decimal.Decimal(0)
    if facets.min_inclusive is not None:
        value = max(value, decimal.Decimal(facets.min_inclusive))
    if facets.min_exclusive is not None:
        value = max(value, decimal.Decimal(facets.min_exclusive) + 1)
    if facets.max_inclusive is not None:
        value = min(value, decimal.Decimal(facets.max_inclusive))
    if facets.max_exclusive is not None:
        value = min(value, decimal.Decimal(facets.max_exclusive) - 1)
    return str(value)


def violations(simple_type: SimpleType) -> list[tuple[str, str]]:
    """Return (facet, value) pairs, each value breaking that facet of the type."""
    facets = simple_type.facets
    valid = valid_value(simple_type)
    kind = BUILTINS[simple_type.builtin].kind
    values = []
    if facets.length is not None:
        values.append(("length", "x" * (facets.length + 1)))
    if facets.max_length is not None:
        values.append(
            (
                "maxLength",
                (valid + "x" * (facets.max_length + 1))[: facets.max_length + 1],
            )
        )
    if facets.min_length:
        values.append(("minLength", valid[: facets.min_length - 1]))
    if facets.patterns:
        values.append(("pattern", valid + "#!"))
    if facets.enumeration:
        values.append(("enumeration", "NOT_A_VALUE"))
    for name, text, step in (
        ("minInclusive", facets.min_inclusive, -1),
        ("maxInclusive", facets.max_inclusive, 1),
        ("minExclusive", facets.min_exclusive, 0),
        ("maxExclusive", facets.max_exclusive, 0),
    ):
        if text is not None and kind in ("integer", "decimal", "float"):
            values.append((name, str(decimal.Decimal(text) + step)))
    if facets.total_digits is not None:
        values.append(("totalDigits", "1" * (facets.total_digits + 1)))
    if facets.fraction_digits is not None:
        values.append(("fractionDigits", "0." + "1" * (facets.fraction_digits + 1)))
    if kind in ("integer", "decimal", "float", "boolean"):
        values.append((f"xs:{simple_type.builtin}", "not-a-value"))
    return values
