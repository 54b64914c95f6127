"""Compare the generator's models of two schema versions, change by change.

Each change is judged twice, because a schema update hurts two kinds of client
in opposite ways:

- a sender writes documents that a server running the new schema validates, so
  anything the new schema no longer allows breaks it (a narrowed facet, a new
  required element, a removed enumeration value);
- a receiver reads documents written under the new schema with a strict reader
  built from the old one. Anything the new schema allows that the old one did
  not breaks it (a widened facet, a new enumeration value, a new element).

The comparison works on `codegen.model`, not on schema text, so includes,
imports, groups, restriction chains and anonymous types are already resolved.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal

from codegen.model import (
    XSD_NAMESPACE,
    Attribute,
    Choice,
    ComplexType,
    Element,
    Facets,
    SchemaModel,
    SimpleType,
)
from codegen.naming import snake_case

Severity = Literal["breaking", "compatible", "docs"]
SEVERITIES: tuple[Severity, ...] = ("breaking", "compatible", "docs")

# Every kind of change the comparison can report.
CHANGE_KINDS = (
    "root-added",
    "root-removed",
    "root-retyped",
    "type-added",
    "type-removed",
    "class-renamed",
    "base-changed",
    "abstract-changed",
    "content-model-changed",
    "wildcard-changed",
    "element-added",
    "element-removed",
    "element-retyped",
    "elements-reordered",
    "occurrence-changed",
    "nillable-changed",
    "default-changed",
    "fixed-changed",
    "field-renamed",
    "attribute-added",
    "attribute-removed",
    "attribute-use-changed",
    "builtin-changed",
    "simple-type-renamed",
    "facet-changed",
    "enumeration-added",
    "enumeration-removed",
    "enumeration-values-added",
    "enumeration-values-removed",
    "enum-member-renamed",
    "documentation-changed",
)

# Built-in types whose value space contains the one before it, in order.
_WIDER_BUILTIN = {
    "byte": "short",
    "short": "int",
    "int": "long",
    "long": "integer",
    "unsignedByte": "unsignedShort",
    "unsignedShort": "unsignedInt",
    "unsignedInt": "unsignedLong",
    "unsignedLong": "nonNegativeInteger",
    "positiveInteger": "nonNegativeInteger",
    "nonNegativeInteger": "integer",
    "negativeInteger": "nonPositiveInteger",
    "nonPositiveInteger": "integer",
    "integer": "decimal",
    "token": "normalizedString",
    "normalizedString": "string",
    "float": "double",
}


@dataclass(frozen=True)
class Impact:
    """The severity of a change for one audience, with the reason in one line."""

    severity: Severity
    reason: str


@dataclass(frozen=True)
class Change:
    """One difference between two schema versions.

    `path` names the component as the schema does (`RealtorContactDetails/title`,
    `Message/@id`, `CountryCode`); `python_name` names what it becomes in the
    generated package (`RealtorContactDetails.title`). `affected` lists the
    generated classes whose code the change alters.
    """

    kind: str
    path: str
    python_name: str
    detail: str
    sender: Impact
    receiver: Impact
    affected: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        """The worse of the two audiences' severities."""
        return min((self.sender.severity, self.receiver.severity), key=SEVERITIES.index)


# The four ways a change can move the set of valid documents, as
# (sender, receiver) impacts. Each takes the one-line specifics of the change.


def _narrows(reason: str) -> tuple[Impact, Impact]:
    return (
        Impact("breaking", f"{reason}: requests valid before may now be rejected"),
        Impact("compatible", f"{reason}: every new response was valid before"),
    )


def _widens(reason: str) -> tuple[Impact, Impact]:
    return (
        Impact("compatible", f"{reason}: every request valid before stays valid"),
        Impact(
            "breaking",
            f"{reason}: a strict reader of the old schema may reject responses",
        ),
    )


def _choice_move(
    old: Element, new: Element, old_type: ComplexType, new_type: ComplexType
) -> tuple[Impact, Impact]:
    """Judge an element that moved into or out of an xs:choice.

    When the choice's other alternatives did not exist on the other side, the
    move only adds or removes alternatives, as when a substitution group
    gains its first member or loses its last. Otherwise which elements may
    appear together changed in both directions.
    """
    if new.alternative:
        if _alone_on_other_side(new, new_type, old_type, old.is_required):
            return _widens("the element became one alternative of a new xs:choice")
    elif _alone_on_other_side(old, old_type, new_type, new.is_required):
        return _narrows("the other alternatives of the element's xs:choice went")
    return _both("which elements may appear together changed")


def _alone_on_other_side(
    element: Element, owner: ComplexType, other: ComplexType, other_required: bool
) -> bool:
    """Tell whether an alternative's choice only adds to the element on the other side.

    True when none of the choice's other alternatives is an element of
    `other`, and the choice is optional or the element was required there.
    """
    choice, partners = _choice_partners(owner, element)
    return (
        choice is not None
        and not partners & {item.tag for item in other.elements}
        and (other_required or not choice.required)
    )


def _choice_partners(
    owner: ComplexType, element: Element
) -> tuple[Choice | None, set[str]]:
    """Return the xs:choice of an alternative and the tags of its other alternatives."""
    choice = next((c for c in owner.choices if element.field_name in c.fields), None)
    if choice is None:
        return None, set()
    tags = {item.field_name: item.tag for item in owner.elements}
    return choice, {
        tags[field] for field in choice.fields if field != element.field_name
    }


def _both(reason: str) -> tuple[Impact, Impact]:
    return (
        Impact("breaking", f"{reason}: requests valid before may now be rejected"),
        Impact(
            "breaking",
            f"{reason}: a strict reader of the old schema may reject responses",
        ),
    )


def _neither(reason: str) -> tuple[Impact, Impact]:
    return (Impact("compatible", reason), Impact("compatible", reason))


def _docs(reason: str) -> tuple[Impact, Impact]:
    return (Impact("docs", reason), Impact("docs", reason))


@dataclass
class _Context:
    """The place of a comparison: the owning type, its path, and the classes it touches."""

    path: str
    python_name: str
    affected: tuple[str, ...]


@dataclass
class ModelComparison:
    """Compares two models; `changes()` yields every difference in a stable order."""

    old: SchemaModel
    new: SchemaModel
    _changes: list[Change] = field(default_factory=list)

    def changes(self) -> list[Change]:
        self._changes = []
        self._compare_roots()
        self._compare_complex_types()
        self._compare_named_simple_types()
        return sorted(self._changes, key=_sort_key)

    def _add(
        self,
        kind: str,
        path: str,
        python_name: str,
        detail: str,
        impacts: tuple[Impact, Impact],
        affected: tuple[str, ...],
    ) -> None:
        sender, receiver = impacts
        self._changes.append(
            Change(kind, path, python_name, detail, sender, receiver, affected)
        )

    # Root elements ----------------------------------------------------------

    def _compare_roots(self) -> None:
        old_roots = {root.tag: root for root in self.old.roots}
        new_roots = {root.tag: root for root in self.new.roots}
        for tag in sorted(old_roots.keys() - new_roots.keys()):
            root = old_roots[tag]
            self._add(
                "root-removed",
                root.name,
                self._class_name(self.old, root.complex_type),
                f"global element {root.name} removed",
                _narrows("documents can no longer start with this element"),
                (),
            )
        for tag in sorted(new_roots.keys() - old_roots.keys()):
            root = new_roots[tag]
            self._add(
                "root-added",
                root.name,
                self._class_name(self.new, root.complex_type),
                f"global element {root.name} added",
                _widens("documents may start with a new element"),
                (),
            )
        for tag in sorted(old_roots.keys() & new_roots.keys()):
            old_root, new_root = old_roots[tag], new_roots[tag]
            if old_root.complex_type != new_root.complex_type:
                self._compare_retyped(
                    "root-retyped",
                    old_root.name,
                    self._class_name(self.new, new_root.complex_type),
                    old_root.complex_type,
                    new_root.complex_type,
                    (),
                )
            self._compare_documentation(
                old_root.name, old_root.name, old_root, new_root, ()
            )

    # Complex types ----------------------------------------------------------

    def _compare_complex_types(self) -> None:
        for label, old_types, new_types in (
            ("type", self.old.complex_types, self.new.complex_types),
            ("group", self.old.groups, self.new.groups),
        ):
            for key in sorted(old_types.keys() - new_types.keys()):
                complex_type = old_types[key]
                self._add(
                    "type-removed",
                    _type_path(complex_type),
                    complex_type.python_name,
                    f"{label} {_type_path(complex_type)} removed",
                    _neither("no element of the compared roots uses it any more"),
                    _class(complex_type),
                )
            for key in sorted(new_types.keys() - old_types.keys()):
                complex_type = new_types[key]
                self._add(
                    "type-added",
                    _type_path(complex_type),
                    complex_type.python_name,
                    f"{label} {_type_path(complex_type)} added",
                    _neither(f"a new {label} changes nothing until it is used"),
                    _class(complex_type),
                )
            for key in sorted(old_types.keys() & new_types.keys()):
                self._compare_complex_type(old_types[key], new_types[key])

    def _compare_complex_type(self, old: ComplexType, new: ComplexType) -> None:
        path = _type_path(new)
        context = _Context(
            path=path,
            python_name=new.python_name,
            affected=self._with_subtypes(new.key),
        )
        if old.python_name != new.python_name and old.python_name and new.python_name:
            self._class_renamed(
                old.python_name,
                new.python_name,
                context,
                self._class_users(new.key) + (old.python_name,),
            )
        if old.base != new.base:
            self._compare_base(old, new, context)
        if old.content != new.content:
            self._compare_content_model(old, new, context)
        elif old.optional_all != new.optional_all and any(
            element.is_required for element in new.elements
        ):
            # Without a required element, the group could be empty anyway.
            self._add(
                "content-model-changed",
                context.path,
                context.python_name,
                "xs:all made " + ("optional" if new.optional_all else "required"),
                (
                    _widens("the xs:all group may now be left out")
                    if new.optional_all
                    else _narrows("the xs:all group may no longer be left out")
                ),
                context.affected,
            )
        if old.abstract != new.abstract:
            self._add(
                "abstract-changed",
                path,
                new.python_name,
                f"abstract {_xsd_bool(old.abstract)} -> {_xsd_bool(new.abstract)}",
                (
                    _narrows("elements of this type must now name a derived type")
                    if new.abstract
                    else _widens("elements may now have this type itself")
                ),
                context.affected,
            )
        if old.value_type is not None and new.value_type is not None:
            # The text of a type with simple content compares like an element's value.
            text = _Context(f"{path}/text()", new.python_name, context.affected)
            self._compare_simple_use(old.value_type, new.value_type, text)
        self._compare_wildcards(old, new, context)
        self._compare_elements(old, new, context)
        self._compare_attributes(old, new, context)
        self._compare_documentation(path, new.python_name, old, new, context.affected)

    def _class_renamed(
        self,
        old_name: str,
        new_name: str,
        context: _Context,
        affected: tuple[str, ...],
    ) -> None:
        """Report a class whose Python name changed, through the name map or a collision."""
        self._add(
            "class-renamed",
            context.path,
            new_name,
            f"class {old_name} renamed to {new_name}",
            _neither("the documents are the same; Python code must use the new name"),
            tuple(sorted(set(affected))),
        )

    def _class_users(self, key: str) -> tuple[str, ...]:
        """Return the classes whose code names a class: itself, its subclasses, and its users."""
        names = set(self._with_subtypes(key))
        for model in (self.old, self.new):
            for complex_type in model.complex_types.values():
                if any(
                    element.complex_type == key
                    for element in model.all_elements(complex_type)
                ):
                    names.add(complex_type.python_name)
        return tuple(sorted(name for name in names if name))

    def _enumeration_users(self, simple_type: SimpleType) -> tuple[str, ...]:
        """Return the enum class and every class with a field of that enum type."""
        names = set()
        for model in (self.old, self.new):
            for complex_type in model.complex_types.values():
                members = [
                    *model.all_elements(complex_type),
                    *model.all_attributes(complex_type),
                ]
                for item in members:
                    used = item.simple_type
                    if (
                        used is not None
                        and used.is_enumeration
                        and used.enumeration_key == simple_type.enumeration_key
                    ):
                        names.add(complex_type.python_name)
                        names.add(used.python_name or "")
        return tuple(sorted(name for name in names if name))

    def _compare_enumeration_names(
        self, old: SimpleType, new: SimpleType, member: _Context
    ) -> None:
        """Report a renamed enum class and renamed members of one enumeration."""
        if not (old.is_enumeration and new.is_enumeration):
            return
        key = new.enumeration_key
        # Compare each enumeration once, where it is declared.
        if key is None or key != old.enumeration_key or _local(key) != member.path:
            return
        new_class = new.python_name or ""
        if old.python_name != new.python_name:
            self._class_renamed(
                old.python_name or "",
                new_class,
                member,
                self._enumeration_users(new) + (old.python_name or "",),
            )
        old_members = {value.value: value.member for value in old.values}
        for value in new.values:
            old_member = old_members.get(value.value)
            if old_member is None or old_member == value.member:
                continue
            self._add(
                "enum-member-renamed",
                f"{member.path}/{value.value}",
                f"{new_class}.{value.member}",
                f"member {old_member} renamed to {value.member}",
                _neither(
                    "the documents are the same; Python code must use the new name"
                ),
                (new_class,),
            )

    def _compare_base(
        self, old: ComplexType, new: ComplexType, context: _Context
    ) -> None:
        old_base = _local(old.base) if old.base else "none"
        new_base = _local(new.base) if new.base else "none"
        inherited_old = self._inherited_contract(self.old, old)
        inherited_new = self._inherited_contract(self.new, new)
        if inherited_old == inherited_new:
            impacts = _neither("the inherited elements and attributes are the same")
        else:
            impacts = _both("the inherited elements and attributes differ")
        self._add(
            "base-changed",
            context.path,
            context.python_name,
            f"base type {old_base} -> {new_base}",
            impacts,
            context.affected,
        )

    def _compare_wildcards(
        self, old: ComplexType, new: ComplexType, context: _Context
    ) -> None:
        for kind, old_signature, new_signature in (
            ("xs:any", old.any_element, new.any_element),
            ("xs:anyAttribute", old.any_attribute, new.any_attribute),
        ):
            if old_signature == new_signature:
                continue
            if not old_signature:
                detail = f"{kind} added"
                impacts = _widens(f"{kind} now allows content the schema does not name")
            elif not new_signature:
                detail = f"{kind} removed"
                impacts = _narrows(f"{kind} no longer allows unnamed content")
            else:
                detail, impacts = _wildcard_change(
                    kind, old_signature, new_signature, _namespace(new.key)
                )
            self._add(
                "wildcard-changed",
                context.path,
                context.python_name,
                detail,
                impacts,
                context.affected,
            )

    def _compare_content_model(
        self, old: ComplexType, new: ComplexType, context: _Context
    ) -> None:
        detail = f"content model xs:{old.content} -> xs:{new.content}"
        if (old.content, new.content) == ("sequence", "all"):
            impacts = _widens("elements may now come in any order")
        elif (old.content, new.content) == ("all", "sequence"):
            impacts = _narrows("elements must now come in a fixed order")
        else:
            impacts = _both("the content model changed")
        self._add(
            "content-model-changed",
            context.path,
            context.python_name,
            detail,
            impacts,
            context.affected,
        )

    def _compare_elements(
        self, old: ComplexType, new: ComplexType, context: _Context
    ) -> None:
        old_elements = {element.tag: element for element in old.elements}
        new_elements = {element.tag: element for element in new.elements}
        for tag in old_elements.keys() - new_elements.keys():
            self._element_removed(old_elements[tag], context)
        for tag in new_elements.keys() - old_elements.keys():
            self._element_added(new_elements[tag], context)

        kept_old = [e.tag for e in old.elements if e.tag in new_elements]
        kept_new = [e.tag for e in new.elements if e.tag in old_elements]
        if kept_old != kept_new and new.content == "sequence":
            self._add(
                "elements-reordered",
                context.path,
                context.python_name,
                "order "
                + ", ".join(_name(t) for t in kept_old)
                + " -> "
                + ", ".join(_name(t) for t in kept_new),
                _both("xs:sequence fixes the order of elements"),
                context.affected,
            )
        for tag in kept_old:
            self._compare_element(
                old_elements[tag], new_elements[tag], context, (old, new)
            )

    def _element_removed(self, element: Element, context: _Context) -> None:
        if element.alternative:
            impacts = _narrows("an alternative of an xs:choice was removed")
        elif element.is_required:
            impacts = _both("a required element was removed")
        else:
            impacts = _narrows("an optional element was removed")
        self._element_change("removed", element, context, impacts)

    def _element_added(self, element: Element, context: _Context) -> None:
        if element.alternative:
            impacts = _widens("an alternative was added to an xs:choice")
        elif element.is_required:
            impacts = _both("a required element was added")
        else:
            impacts = _widens("an optional element was added")
        self._element_change("added", element, context, impacts)

    def _element_change(
        self,
        change: str,
        element: Element,
        context: _Context,
        impacts: tuple[Impact, Impact],
    ) -> None:
        detail = f"element {element.name} {change}"
        if change == "added":
            detail += f" ({_occurs(element)})"
        self._add(
            f"element-{change}",
            f"{context.path}/{element.name}",
            _member(context.python_name, element.field_name),
            detail,
            impacts,
            context.affected,
        )

    def _compare_element(
        self,
        old: Element,
        new: Element,
        context: _Context,
        owners: tuple[ComplexType, ComplexType],
    ) -> None:
        path = f"{context.path}/{new.name}"
        python_name = _member(context.python_name, new.field_name)
        member = _Context(path, python_name, context.affected)
        if old.alternative != new.alternative:
            self._add(
                "content-model-changed",
                path,
                python_name,
                "moved " + ("into" if new.alternative else "out of") + " an xs:choice",
                _choice_move(old, new, *owners),
                context.affected,
            )
        self._compare_occurrence(old, new, member)
        if old.simple_type is not None and new.simple_type is not None:
            self._compare_simple_use(old.simple_type, new.simple_type, member)
        elif old.complex_type != new.complex_type:
            self._compare_retyped(
                "element-retyped",
                path,
                python_name,
                old.complex_type,
                new.complex_type,
                context.affected,
                old.simple_type,
                new.simple_type,
            )
        self._compare_value_constraints(old, new, member)
        if old.nillable != new.nillable:
            self._add(
                "nillable-changed",
                path,
                python_name,
                f"nillable {_xsd_bool(old.nillable)} -> {_xsd_bool(new.nillable)}",
                (
                    _widens("the element may now be nil")
                    if new.nillable
                    else _narrows("the element may no longer be nil")
                ),
                context.affected,
            )
        if old.field_name != new.field_name:
            self._field_renamed(old, new, member)
        self._compare_documentation(path, python_name, old, new, context.affected)

    def _field_renamed(
        self, old: Element | Attribute, new: Element | Attribute, member: _Context
    ) -> None:
        self._add(
            "field-renamed",
            member.path,
            member.python_name,
            f"field {old.field_name} renamed to {new.field_name}",
            _neither("the documents are the same; Python code must use the new name"),
            member.affected,
        )

    def _compare_occurrence(self, old: Element, new: Element, member: _Context) -> None:
        if old.min_occurs != new.min_occurs:
            impacts = (
                _narrows(f"minOccurs raised to {new.min_occurs}")
                if new.min_occurs > old.min_occurs
                else _widens(f"minOccurs lowered to {new.min_occurs}")
            )
            self._add(
                "occurrence-changed",
                member.path,
                member.python_name,
                f"minOccurs {old.min_occurs} -> {new.min_occurs}",
                impacts,
                member.affected,
            )
        if old.max_occurs != new.max_occurs:
            old_max = _upper(old.max_occurs)
            new_max = _upper(new.max_occurs)
            impacts = (
                _widens(f"maxOccurs raised to {_max_text(new.max_occurs)}")
                if new_max > old_max
                else _narrows(f"maxOccurs lowered to {_max_text(new.max_occurs)}")
            )
            self._add(
                "occurrence-changed",
                member.path,
                member.python_name,
                f"maxOccurs {_max_text(old.max_occurs)} -> {_max_text(new.max_occurs)}",
                impacts,
                member.affected,
            )

    def _compare_value_constraints(
        self, old: Element | Attribute, new: Element | Attribute, member: _Context
    ) -> None:
        if old.default != new.default:
            if old.default is None:
                impacts = _neither(f"an omitted value now reads as {new.default!r}")
            else:
                now = repr(new.default) if new.default is not None else "no value"
                reason = f"an omitted value meant {old.default!r} and now means {now}"
                impacts = (
                    Impact(
                        "breaking",
                        f"{reason}: a request that leaves it out changes meaning",
                    ),
                    Impact(
                        "breaking",
                        f"{reason}: a reader that fills in the old default gets the wrong value",
                    ),
                )
            self._add(
                "default-changed",
                member.path,
                member.python_name,
                f"default {_value_text(old.default)} -> {_value_text(new.default)}",
                impacts,
                member.affected,
            )
        if old.fixed != new.fixed:
            if old.fixed is None:
                impacts = _narrows(f"only {new.fixed!r} is allowed now")
            elif new.fixed is None:
                impacts = _widens("the value is no longer fixed")
            else:
                impacts = _both(f"the fixed value changed to {new.fixed!r}")
            self._add(
                "fixed-changed",
                member.path,
                member.python_name,
                f"fixed {_value_text(old.fixed)} -> {_value_text(new.fixed)}",
                impacts,
                member.affected,
            )

    def _compare_retyped(
        self,
        kind: str,
        path: str,
        python_name: str,
        old_key: str | None,
        new_key: str | None,
        affected: tuple[str, ...],
        old_simple: SimpleType | None = None,
        new_simple: SimpleType | None = None,
    ) -> None:
        old_label = _local(old_key) if old_key else _simple_label(old_simple)
        new_label = _local(new_key) if new_key else _simple_label(new_simple)
        if (
            old_key is not None
            and new_key is not None
            and self._type_contract(self.old, old_key)
            == self._type_contract(self.new, new_key)
        ):
            impacts = _neither("the new type has the same content under another name")
        else:
            impacts = _both("the content type changed")
        self._add(
            kind,
            path,
            python_name,
            f"type {old_label} -> {new_label}",
            impacts,
            affected,
        )

    # Attributes -------------------------------------------------------------

    def _compare_attributes(
        self, old: ComplexType, new: ComplexType, context: _Context
    ) -> None:
        old_attributes = {a.tag: a for a in old.attributes}
        new_attributes = {a.tag: a for a in new.attributes}
        for tag in sorted(old_attributes.keys() - new_attributes.keys()):
            attribute = old_attributes[tag]
            self._add(
                "attribute-removed",
                f"{context.path}/@{attribute.name}",
                _member(context.python_name, attribute.field_name),
                f"attribute {attribute.name} removed",
                (
                    _both("a required attribute was removed")
                    if attribute.required
                    else _narrows("an optional attribute was removed")
                ),
                context.affected,
            )
        for tag in sorted(new_attributes.keys() - old_attributes.keys()):
            attribute = new_attributes[tag]
            self._add(
                "attribute-added",
                f"{context.path}/@{attribute.name}",
                _member(context.python_name, attribute.field_name),
                f"attribute {attribute.name} added "
                f"({'required' if attribute.required else 'optional'})",
                (
                    _both("a required attribute was added")
                    if attribute.required
                    else _widens("an optional attribute was added")
                ),
                context.affected,
            )
        for tag in sorted(old_attributes.keys() & new_attributes.keys()):
            old_attribute, new_attribute = old_attributes[tag], new_attributes[tag]
            path = f"{context.path}/@{new_attribute.name}"
            python_name = _member(context.python_name, new_attribute.field_name)
            member = _Context(path, python_name, context.affected)
            if old_attribute.required != new_attribute.required:
                self._add(
                    "attribute-use-changed",
                    path,
                    python_name,
                    "use "
                    + ("required" if old_attribute.required else "optional")
                    + " -> "
                    + ("required" if new_attribute.required else "optional"),
                    (
                        _narrows("the attribute is now required")
                        if new_attribute.required
                        else _widens("the attribute is now optional")
                    ),
                    context.affected,
                )
            if old_attribute.field_name != new_attribute.field_name:
                self._field_renamed(old_attribute, new_attribute, member)
            self._compare_simple_use(
                old_attribute.simple_type, new_attribute.simple_type, member
            )
            self._compare_value_constraints(old_attribute, new_attribute, member)
            self._compare_documentation(
                path, python_name, old_attribute, new_attribute, context.affected
            )

    # Simple types -----------------------------------------------------------

    def _compare_simple_use(
        self, old: SimpleType, new: SimpleType, member: _Context
    ) -> None:
        """Compare the simple type of one element or attribute.

        A named simple type kept in both versions is compared once, as its own
        component, so that a new country code is not reported at every element
        that uses it. Anonymous types are compared where they are used.
        """
        if old.name is not None and old.name == new.name:
            return
        if old.name != new.name:
            retyped = f"type {_simple_label(old)} -> {_simple_label(new)}"
            if old.builtin == new.builtin and old.facets == new.facets:
                self._add(
                    "simple-type-renamed",
                    member.path,
                    member.python_name,
                    retyped,
                    _neither("the new type allows exactly the same values"),
                    self._simple_affected(old, new, member),
                )
        self._compare_simple_types(old, new, member)

    def _simple_affected(
        self, old: SimpleType, new: SimpleType, member: _Context
    ) -> tuple[str, ...]:
        names = set(member.affected)
        for simple_type in (old, new):
            if simple_type.is_enumeration and simple_type.python_name:
                names.add(simple_type.python_name)
        return tuple(sorted(names))

    def _compare_simple_types(
        self,
        old: SimpleType,
        new: SimpleType,
        member: _Context,
        affected: tuple[str, ...] | None = None,
    ) -> None:
        if affected is None:
            affected = self._simple_affected(old, new, member)
        self._compare_enumeration_names(old, new, member)
        old_facets, new_facets = old.facets, new.facets
        if old.builtin != new.builtin:
            # The built-in's own whiteSpace comes with it; report the type change only.
            new_facets = dataclasses.replace(
                new_facets, white_space=old_facets.white_space
            )
            self._add(
                "builtin-changed",
                member.path,
                member.python_name,
                f"value type xs:{old.builtin} -> xs:{new.builtin}",
                _builtin_impacts(old.builtin, new.builtin),
                affected,
            )
        for kind, detail, impacts in _facet_changes(old_facets, new_facets):
            self._add(kind, member.path, member.python_name, detail, impacts, affected)
        if old.item_type is not None and new.item_type is not None:
            self._compare_simple_types(old.item_type, new.item_type, member, affected)
        old_members = [_value_space(item) for item in old.member_types]
        new_members = [_value_space(item) for item in new.member_types]
        if old.builtin == new.builtin == "union" and old_members != new_members:
            self._add(
                "builtin-changed",
                member.path,
                member.python_name,
                "union member types " f"{_member_labels(old)} -> {_member_labels(new)}",
                _both("the member types of the union changed"),
                affected,
            )

    def _compare_named_simple_types(self) -> None:
        """Compare each named simple type once, whatever number of members use it."""
        old_types = _named_simple_types(self.old)
        new_types = _named_simple_types(self.new)
        for name in sorted(old_types.keys() - new_types.keys()):
            label, python_name, affected = _simple_names(old_types[name])
            self._add(
                "type-removed",
                _local(name),
                python_name,
                f"{label} {_local(name)} removed",
                _neither("no member of the compared types uses it any more"),
                affected,
            )
        for name in sorted(new_types.keys() - old_types.keys()):
            label, python_name, affected = _simple_names(new_types[name])
            self._add(
                "type-added",
                _local(name),
                python_name,
                f"{label} {_local(name)} added",
                _neither("a new type changes nothing until a member uses it"),
                affected,
            )
        for name in sorted(old_types.keys() & new_types.keys()):
            old, new = old_types[name], new_types[name]
            _, python_name, affected = _simple_names(new)
            member = _Context(_local(name), python_name, affected)
            self._compare_simple_types(old, new, member, affected)
            self._compare_value_documentation(old, new, member)
            self._compare_documentation(member.path, python_name, old, new, affected)

    # Documentation ----------------------------------------------------------

    def _compare_documentation(
        self,
        path: str,
        python_name: str,
        old: object,
        new: object,
        affected: tuple[str, ...],
    ) -> None:
        old_text = getattr(old, "documentation", "")
        new_text = getattr(new, "documentation", "")
        if old_text != new_text:
            self._add(
                "documentation-changed",
                path,
                python_name,
                f"documentation {_shorten(old_text)!r} -> {_shorten(new_text)!r}",
                _docs("only the documentation changed"),
                affected,
            )

    def _compare_value_documentation(
        self, old: SimpleType, new: SimpleType, member: _Context
    ) -> None:
        old_docs = {value.value: value.documentation for value in old.values}
        for value in new.values:
            if value.value in old_docs and old_docs[value.value] != value.documentation:
                self._add(
                    "documentation-changed",
                    f"{member.path}/{value.value}",
                    f"{member.python_name}.{value.member}",
                    f"documentation {_shorten(old_docs[value.value])!r} -> "
                    f"{_shorten(value.documentation)!r}",
                    _docs("only the documentation changed"),
                    member.affected,
                )

    # Helpers ----------------------------------------------------------------

    def _with_subtypes(self, key: str) -> tuple[str, ...]:
        """Return the class of a type and of every type that extends it, in either version."""
        names = set()
        for model in (self.old, self.new):
            for complex_type in model.complex_types.values():
                step: str | None = complex_type.key
                while step is not None:
                    if step == key:
                        names.add(complex_type.python_name)
                        break
                    step = model.complex_types[step].base
        return tuple(sorted(names))

    def _type_contract(
        self, model: SchemaModel, key: str, seen: frozenset[str] = frozenset()
    ) -> object:
        """Return a type's content without names or documentation, to spot renames.

        Nested complex types are expanded, so two types compare equal only when
        every level below them does too. A type met again inside itself stays a
        name, so recursive types expand only once.
        """
        if key in seen:
            return ("recursion", _local(key))
        seen = seen | {key}
        complex_type = model.complex_types[key]
        elements = []
        for element in model.all_elements(complex_type):
            content: object
            if element.complex_type is not None:
                content = self._type_contract(model, element.complex_type, seen)
            else:
                content = _value_space(element.simple_type)
            elements.append(
                (
                    element.tag,
                    element.min_occurs,
                    element.max_occurs,
                    element.nillable,
                    element.default,
                    element.fixed,
                    content,
                )
            )
        attributes = [
            (
                attribute.tag,
                attribute.required,
                attribute.default,
                attribute.fixed,
                _value_space(attribute.simple_type),
            )
            for attribute in model.all_attributes(complex_type)
        ]
        return (model.content_of(complex_type), elements, attributes)

    def _inherited_contract(
        self, model: SchemaModel, complex_type: ComplexType
    ) -> object:
        if complex_type.base is None:
            return None
        return self._type_contract(model, complex_type.base)

    @staticmethod
    def _class_name(model: SchemaModel, key: str) -> str:
        complex_type = model.complex_types.get(key)
        return complex_type.python_name if complex_type else ""


def compare_models(old: SchemaModel, new: SchemaModel) -> list[Change]:
    """Return every difference between two models, breaking changes first."""
    return ModelComparison(old, new).changes()


def _facet_changes(
    old: Facets, new: Facets
) -> Iterator[tuple[str, str, tuple[Impact, Impact]]]:
    """Yield (kind, detail, impacts) for every facet that differs."""
    if old.white_space != new.white_space:
        detail = f"whiteSpace {old.white_space} -> {new.white_space}"
        # Normalisation changes the value itself, so its length, its pattern
        # match and its meaning can change in either direction.
        yield "facet-changed", detail, _both(
            "values are normalised differently before they are checked"
        )
    if old.length != new.length:
        detail = f"length {_value_text(old.length)} -> {_value_text(new.length)}"
        if old.length is None:
            yield "facet-changed", detail, _narrows("a fixed length was added")
        elif new.length is None:
            yield "facet-changed", detail, _widens("the fixed length was removed")
        else:
            yield "facet-changed", detail, _both("the fixed length changed")
    yield from _bound_change("minLength", old.min_length, new.min_length, lower=True)
    yield from _bound_change("maxLength", old.max_length, new.max_length, lower=False)
    yield from _bound_change(
        "totalDigits", old.total_digits, new.total_digits, lower=False
    )
    yield from _bound_change(
        "fractionDigits", old.fraction_digits, new.fraction_digits, lower=False
    )
    yield from _range_changes(old, new)
    yield from _pattern_changes(old.patterns, new.patterns)
    yield from _enumeration_changes(old.enumeration, new.enumeration)


def _bound_change(
    facet: str, old: int | None, new: int | None, *, lower: bool
) -> Iterator[tuple[str, str, tuple[Impact, Impact]]]:
    """Judge a count facet where a larger value allows more (max) or less (min)."""
    if old == new:
        return
    detail = f"{facet} {_value_text(old)} -> {_value_text(new)}"
    if old is None:
        yield "facet-changed", detail, _narrows(f"{facet} {new} was added")
    elif new is None:
        yield "facet-changed", detail, _widens(f"{facet} {old} was removed")
    elif (new > old) == lower:
        yield "facet-changed", detail, _narrows(f"{facet} narrowed from {old} to {new}")
    else:
        yield "facet-changed", detail, _widens(f"{facet} widened from {old} to {new}")


def _range_changes(
    old: Facets, new: Facets
) -> Iterator[tuple[str, str, tuple[Impact, Impact]]]:
    for side, inclusive, exclusive in (
        ("lower", "min_inclusive", "min_exclusive"),
        ("upper", "max_inclusive", "max_exclusive"),
    ):
        old_bound = _range_bound(getattr(old, inclusive), getattr(old, exclusive))
        new_bound = _range_bound(getattr(new, inclusive), getattr(new, exclusive))
        if old_bound == new_bound:
            continue
        detail = f"{side} bound {_bound_text(old_bound, side)} -> {_bound_text(new_bound, side)}"
        if old_bound is None:
            article = "an" if side == "upper" else "a"
            yield "facet-changed", detail, _narrows(f"{article} {side} bound was added")
        elif new_bound is None:
            yield "facet-changed", detail, _widens(f"the {side} bound was removed")
        else:
            tighter = _is_tighter(old_bound, new_bound, side)
            if tighter is None:
                yield "facet-changed", detail, _both(f"the {side} bound changed")
            elif tighter:
                yield "facet-changed", detail, _narrows(f"the {side} bound narrowed")
            else:
                yield "facet-changed", detail, _widens(f"the {side} bound widened")


def _range_bound(
    inclusive: str | None, exclusive: str | None
) -> tuple[str, bool] | None:
    if inclusive is not None:
        return (inclusive, False)
    if exclusive is not None:
        return (exclusive, True)
    return None


def _is_tighter(old: tuple[str, bool], new: tuple[str, bool], side: str) -> bool | None:
    """Tell whether the new bound allows fewer values; None if the bounds are not numbers."""
    try:
        old_value, new_value = Decimal(old[0]), Decimal(new[0])
    except InvalidOperation:
        return None
    if old_value == new_value:
        return new[1] and not old[1]  # exclusive is the tighter of the two
    return new_value > old_value if side == "lower" else new_value < old_value


def _pattern_changes(
    old: tuple[tuple[str, ...], ...], new: tuple[tuple[str, ...], ...]
) -> Iterator[tuple[str, str, tuple[Impact, Impact]]]:
    if old == new:
        return
    detail = f"pattern {_patterns_text(old)} -> {_patterns_text(new)}"
    old_steps, new_steps = set(old), set(new)
    if old_steps < new_steps:
        yield "facet-changed", detail, _narrows("a pattern was added")
    elif new_steps < old_steps:
        yield "facet-changed", detail, _widens("a pattern was removed")
    elif len(old) == len(new) and all(set(o) <= set(n) for o, n in zip(old, new)):
        yield "facet-changed", detail, _widens("a pattern gained alternatives")
    elif len(old) == len(new) and all(set(n) <= set(o) for o, n in zip(old, new)):
        yield "facet-changed", detail, _narrows("a pattern lost alternatives")
    else:
        yield "facet-changed", detail, _both(
            "the pattern changed, and whether it allows more or fewer values is unknown"
        )


def _enumeration_changes(
    old: tuple[str, ...] | None, new: tuple[str, ...] | None
) -> Iterator[tuple[str, str, tuple[Impact, Impact]]]:
    if old == new:
        return
    if old is None:
        yield "enumeration-added", f"enumeration of {len(new or ())} values added", _narrows(
            "only the listed values are allowed now"
        )
        return
    if new is None:
        yield "enumeration-removed", "enumeration removed", _widens(
            "any value of the base type is allowed now"
        )
        return
    removed = [value for value in old if value not in new]
    added = [value for value in new if value not in old]
    if removed:
        yield "enumeration-values-removed", "values removed: " + ", ".join(
            map(repr, removed)
        ), _narrows(f"{_count(removed, 'value')} no longer allowed")
    if added:
        yield "enumeration-values-added", "values added: " + ", ".join(
            map(repr, added)
        ), _widens(f"{_count(added, 'new value')} allowed")


def _builtin_impacts(old: str, new: str) -> tuple[Impact, Impact]:
    reason = f"the value type changed from xs:{old} to xs:{new}"
    if _is_within(old, new):
        return _widens(reason)
    if _is_within(new, old):
        return _narrows(reason)
    return _both(reason)


def _is_within(narrow: str, wide: str) -> bool:
    if wide == "string":
        # Every lexical form of an atomic type is also a string.
        return narrow not in ("list", "union")
    step: str | None = narrow
    while step is not None:
        if step == wide:
            return True
        step = _WIDER_BUILTIN.get(step)
    return False


def _member(python_name: str, field_name: str) -> str:
    """Return the Python name of a member; members of a group have none."""
    return f"{python_name}.{field_name}" if python_name else ""


def _class(complex_type: ComplexType) -> tuple[str, ...]:
    return (complex_type.python_name,) if complex_type.python_name else ()


def _named_simple_types(model: SchemaModel) -> dict[str, SimpleType]:
    """Return the named simple types that the model uses or lists, by qualified name.

    XSD's own built-in types are left out: they never change.
    """
    found: dict[str, SimpleType] = {}
    for complex_type in model.complex_types.values():
        for item in [*complex_type.elements, *complex_type.attributes]:
            simple_type = item.simple_type
            if simple_type is not None and simple_type.name:
                found.setdefault(simple_type.name, simple_type)
    found.update(model.simple_types)
    return {
        name: simple_type
        for name, simple_type in found.items()
        if not name.startswith(f"{{{XSD_NAMESPACE}}}")
    }


def _simple_names(simple_type: SimpleType) -> tuple[str, str, tuple[str, ...]]:
    """Return the label, the Python name and the affected names of a named simple type.

    An enumeration becomes an enum class. Any other named type becomes the
    functions `parse_*`, `check_*` and `format_*` of `simple_types.py`, listed
    in `affected` as `simple_types.<suffix>`.
    """
    if simple_type.is_enumeration and simple_type.python_name:
        name = simple_type.python_name
        return "enumeration", name, (name,)
    suffix = snake_case(_local(simple_type.name or ""))
    return "simple type", f"simple_types.check_{suffix}", (f"simple_types.{suffix}",)


def _sort_key(change: Change) -> tuple[int, str, str, str]:
    return (SEVERITIES.index(change.severity), change.path, change.kind, change.detail)


# processContents values, from the one that accepts the fewest documents.
_PROCESS_CONTENTS = ("strict", "lax", "skip")


def _wildcard_change(
    kind: str, old_signature: str, new_signature: str, target_namespace: str
) -> tuple[str, tuple[Impact, Impact]]:
    """Describe and judge a change of the wildcards of one kind in one type."""
    old_wildcards = _parse_wildcards(old_signature)
    new_wildcards = _parse_wildcards(new_signature)
    if len(old_wildcards) != len(new_wildcards):
        detail = f"{kind} {old_signature} -> {new_signature}"
        return detail, _both(f"the number of {kind} wildcards changed")
    differences = []
    directions = set()
    for old_wildcard, new_wildcard in zip(old_wildcards, new_wildcards):
        for name, old_value in old_wildcard.items():
            new_value = new_wildcard.get(name, "")
            if old_value == new_value:
                continue
            differences.append(
                f"{name} {old_value or '(none)'} -> {new_value or '(none)'}"
            )
            directions.add(
                _wildcard_direction(name, old_value, new_value, target_namespace)
            )
    detail = f"{kind} " + ", ".join(differences)
    if directions == {"wider"}:
        return detail, _widens(f"{kind} now allows more content")
    if directions == {"narrower"}:
        return detail, _narrows(f"{kind} now allows less content")
    return detail, _both(f"{kind} now allows different content")


def _parse_wildcards(signature: str) -> list[dict[str, str]]:
    """Split a wildcard signature of `codegen.model` into one mapping per wildcard."""
    wildcards: list[dict[str, str]] = []
    for name, value in re.findall(r'(\w+)="([^"]*)"', signature):
        if name == "namespace":
            wildcards.append({})
        wildcards[-1][name] = value
    return wildcards


def _wildcard_direction(
    name: str, old_value: str, new_value: str, target_namespace: str
) -> str:
    """Return "wider" or "narrower" when the new value accepts more or less, else "mixed"."""
    if name == "namespace":
        old_allows = _allowed_namespaces(old_value, target_namespace)
        new_allows = _allowed_namespaces(new_value, target_namespace)
        if _covers(new_allows, old_allows):
            return "wider"
        if _covers(old_allows, new_allows):
            return "narrower"
        return "mixed"
    if name == "processContents":
        if old_value not in _PROCESS_CONTENTS or new_value not in _PROCESS_CONTENTS:
            return "mixed"
        wider = _PROCESS_CONTENTS.index(new_value) > _PROCESS_CONTENTS.index(old_value)
        return "wider" if wider else "narrower"
    if name in ("minOccurs", "maxOccurs"):
        old_number = _occurrence(old_value)
        new_number = _occurrence(new_value)
        if old_number is None or new_number is None:
            return "mixed"
        wider = (
            new_number < old_number if name == "minOccurs" else new_number > old_number
        )
        return "wider" if wider else "narrower"
    return "mixed"


def _allowed_namespaces(
    value: str, target_namespace: str
) -> tuple[str, frozenset[str]]:
    """Return ("##any", {}), ("##other", {target namespace, absent}) or ("set", namespaces).

    For "##other" the set contains the namespaces it excludes: the target
    namespace and absent (""), as xmlschema's `is_namespace_allowed` applies it.
    """
    tokens = value.split()
    if "##any" in tokens:
        return "##any", frozenset()
    if "##other" in tokens:
        return "##other", frozenset({target_namespace, ""})
    return "set", frozenset("" if token == "##local" else token for token in tokens)


def _covers(
    wider: tuple[str, frozenset[str]], narrower: tuple[str, frozenset[str]]
) -> bool:
    """Return whether every namespace that `narrower` allows is allowed by `wider`."""
    wide_kind, wide_set = wider
    narrow_kind, narrow_set = narrower
    if wide_kind == "##any":
        return True
    if narrow_kind == "##any":
        return False
    if wide_kind == "##other":
        # wide_set and narrow_set hold excluded namespaces when both are "##other".
        if narrow_kind == "##other":
            return wide_set <= narrow_set
        return not (narrow_set & wide_set)
    if narrow_kind == "##other":
        return False  # "##other" allows infinitely many namespaces
    return narrow_set <= wide_set


def _occurrence(value: str) -> float | None:
    if value == "unbounded":
        return float("inf")
    try:
        return int(value)
    except ValueError:
        return None


def _namespace(key: str) -> str:
    """Return the namespace of a model key such as `{urn:x}Item/a`, or "" for none."""
    if key.startswith("{"):
        return key[1:].partition("}")[0]
    return ""


def _type_path(complex_type: ComplexType) -> str:
    return complex_type.key.rpartition("}")[2]


def _simple_label(simple_type: SimpleType | None) -> str:
    if simple_type is None:
        return "none"
    if simple_type.name:
        return _local(simple_type.name)
    return f"anonymous xs:{simple_type.builtin}"


def _local(qualified_name: str) -> str:
    return qualified_name.rpartition("}")[2]


def _name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _member_labels(union: SimpleType) -> str:
    return ", ".join(_simple_label(member) for member in union.member_types)


def _value_space(simple_type: SimpleType | None) -> object:
    if simple_type is None:
        return None
    return (
        simple_type.builtin,
        simple_type.facets,
        _value_space(simple_type.item_type),
        tuple(_value_space(member) for member in simple_type.member_types),
    )


def _occurs(element: Element) -> str:
    return f"minOccurs {element.min_occurs}, maxOccurs {_max_text(element.max_occurs)}"


def _upper(max_occurs: int | None) -> float:
    return float("inf") if max_occurs is None else max_occurs


def _max_text(max_occurs: int | None) -> str:
    return "unbounded" if max_occurs is None else str(max_occurs)


def _xsd_bool(value: bool) -> str:
    return "true" if value else "false"


def _value_text(value: object) -> str:
    if value is None:
        return "none"
    return repr(value) if isinstance(value, str) else str(value)


def _bound_text(bound: tuple[str, bool] | None, side: str) -> str:
    if bound is None:
        return "none"
    value, exclusive = bound
    facet = (
        ("minExclusive" if exclusive else "minInclusive")
        if side == "lower"
        else ("maxExclusive" if exclusive else "maxInclusive")
    )
    return f"{facet} {value}"


def _patterns_text(patterns: tuple[tuple[str, ...], ...]) -> str:
    if not patterns:
        return "none"
    return " and ".join("|".join(f"/{p}/" for p in step) for step in patterns)


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _count(items: list[str], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"
