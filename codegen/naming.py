"""Python names for XML names, and the pass that makes them distinct.

`snake_case`, `pascal_case` and `constant_case` turn one XML name into a
candidate name. `assign_names` then gives every class, field and enumeration
member of a finished model its final name. A candidate that no other component
of the same scope claims is kept as it is. When several claim it, the one
ranked first keeps it, and each of the others gets the first free name of:

1. the candidate built with its punctuation spelled out
   (`A+` -> `A_PLUS_SIGN`, `foo-bar` -> `FooHyphenMinusBar`);
2. the candidate with a trailing underscore (`Problem_`, `values_`);
3. the candidate and a short hash of the component's qualified XML name
   (`FooBar_3f2a1c`).

The rank and the hash depend only on the claimants' own XML names, never on
the order in which the loader found them, so the same schema always gives the
same names. Names of the `[tool.codegen.names]` map (`NameMap`) override all
of this.
"""

from __future__ import annotations

import hashlib
import keyword
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from codegen.errors import CodegenError
from codegen.model import (
    UNKNOWN_CONTENT_FIELD,
    Attribute,
    Choice,
    ComplexType,
    Element,
    SchemaModel,
    SimpleType,
)

logger = logging.getLogger(__name__)

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

# The soft keywords of Python 3.12, fixed here so that the names do not depend
# on the Python version that runs the generator (3.11 lacks `type`).
SOFT_KEYWORDS = frozenset({"_", "case", "match", "type"})


def _fold(character: str, accents: bool = False) -> str:
    """Return a character as a name keeps it, or a space where it separates words.

    ASCII letters and digits stay. Other letters lose their accents (`ä` -> `a`)
    unless `accents` is set, and letters without an ASCII base (`ß`, `名`) stay
    as they are, since Python identifiers may contain them.
    """
    if character.isascii():
        return character if character.isalnum() else " "
    if not character.isalnum():
        return " "
    if accents and ("a" + character).isidentifier():
        return character
    base = "".join(
        part
        for part in unicodedata.normalize("NFKD", character)
        if not unicodedata.combining(part)
    )
    if base.isascii() and base.isalnum():
        return base
    return character if ("a" + character).isidentifier() else " "


def _words(name: str, accents: bool = False) -> list[str]:
    folded = "".join(
        _fold(character, accents) for character in unicodedata.normalize("NFC", name)
    )
    words = []
    for chunk in folded.split():
        words.extend(part for part in _CAMEL_BOUNDARY.split(chunk) if part)
    return words


def _spelled(name: str) -> str:
    """Return a name with each character other than a letter or digit spelled out.

    `A+` becomes `A plus sign`, so that names that differ only in punctuation
    get different words. The `spelled_*` functions also keep accents.
    """
    parts = []
    for character in unicodedata.normalize("NFC", name):
        if character.isalnum():
            parts.append(character)
        else:
            spelled = unicodedata.name(character, f"U{ord(character):04X}")
            parts.append(f" {spelled.lower()} ")
    return "".join(parts)


def _safe(name: str, prefix: str) -> str:
    if not name:
        return prefix
    if not name[0].isidentifier():
        name = f"{prefix}_{name}"
    if keyword.iskeyword(name) or name in SOFT_KEYWORDS:
        name += "_"
    # Python reads identifiers in NFKC form, so two names are distinct only
    # when their NFKC forms are.
    name = unicodedata.normalize("NFKC", name)
    if not name.isidentifier():
        return f"{prefix}_{_digest(name, 6)}"
    return name


def snake_case(name: str) -> str:
    """Return the snake_case field name for an XML name: `houseNumber` -> `house_number`."""
    return _safe("_".join(word.lower() for word in _words(name)), "field")


def pascal_case(name: str) -> str:
    """Return the class name for an XML name: `realtorContactDetailsList` -> `RealtorContactDetailsList`."""
    words = _words(name)
    return _safe("".join(word[0].upper() + word[1:] for word in words), "Type")


def constant_case(name: str) -> str:
    """Return the enum member name for an enumeration value: `no-salutation` -> `NO_SALUTATION`."""
    return _safe("_".join(word.upper() for word in _words(name)), "VALUE")


def spelled_snake_case(name: str) -> str:
    return _safe(
        "_".join(word.lower() for word in _words(_spelled(name), True)), "field"
    )


def spelled_pascal_case(name: str) -> str:
    words = _words(_spelled(name), True)
    return _safe("".join(word[0].upper() + word[1:] for word in words), "Type")


def spelled_constant_case(name: str) -> str:
    return _safe(
        "_".join(word.upper() for word in _words(_spelled(name), True)), "VALUE"
    )


def member_candidate(value: str) -> str:
    """Return the enum member name that a value claims before collisions are settled.

    A value without letters or digits is spelled out (`-` -> `HYPHEN_MINUS`),
    and the empty value becomes `EMPTY`.
    """
    if not value:
        return "EMPTY"
    if not _words(value):
        return spelled_constant_case(value)
    return constant_case(value)


def _digest(identity: str, length: int) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:length]


# Names that the generated modules import or define beside the model classes
# they import from `models`, and the capitalised builtins they use. A class of
# one of these names would shadow it, so `assign_names` gives such a type
# another name. tests/test_bad_schemas.py checks this set against a fresh
# generation.
RESERVED_CLASS_NAMES = frozenset(
    {
        "Any",
        "BinaryIO",
        "COMPLEX_TYPES",
        "ENUMERATIONS",
        "FUNCTIONS",
        "NAMESPACE",
        "PACKAGE",
        "RUNTIME_PACKAGE",
        "SCHEMA_DIGEST",
        "SIMPLE_TYPES",
        "Callable",
        "ClassVar",
        "DEFAULT_LIMITS",
        "DocumentError",
        "Element",
        "EllipsisType",
        "Exception",
        "ImportError",
        "INVALID_XML_CHARACTER",
        "Iterable",
        "Iterator",
        "Limits",
        "LookupError",
        "MAX_PROBLEMS",
        "MAX_TIMEZONE_MINUTES",
        "NIL",
        "Nil",
        "OSError",
        "ParseError",
        "Problem",
        "RecursionError",
        "Sequence",
        "Source",
        "T",
        "TemporalValue",
        "TooManyProblems",
        "TreeBuilder",
        "TypeError",
        "TypeVar",
        "UnicodeError",
        "UnknownAttribute",
        "UnknownContent",
        "UnknownElement",
        "UnknownMember",
        "Union",
        "ValidationError",
        "ValueError",
        "XMLParser",
        "XMLPullParser",
        "XsdDate",
        "XsdDateTime",
        "XsdDuration",
        "XsdGDay",
        "XsdGMonth",
        "XsdGMonthDay",
        "XsdGYear",
        "XsdGYearMonth",
        "XsdTime",
    }
)

# Field names whose reader variable `_<field>` would shadow a module-level
# name of the generated mappers, and the field kept for unknown content.
# tests/test_naming.py checks this set against a fresh generation.
RESERVED_FIELD_NAMES = frozenset(
    {
        "is_null",
        "write_nil",
        "type_label",
        "simple_content_text",
        "read_nil",
        "add_member",
        UNKNOWN_CONTENT_FIELD,
        "check_element_only",
        "check_stream_end",
        "check_xsi",
        "chunks",
        "close",
        "depth",
        "element_path",
        "enum_simple",
        "enum_value",
        "feed",
        "indexed_path",
        "json_type",
        "lexical",
        "local_name",
        "merge_wrappers",
        "namespace",
        "object",
        "parse_problem",
        "read_source",
        "read_stream",
        "refuse_constant",
        "simple",
        "simple_content_problems",
        "simple_list",
        "simple_text",
        "skip_unknown",
        "stream_entry",
        "stream_item",
        "too_large",
        "unexpected",
        "unique_members",
        "unknown_attributes",
        "unknown_child",
        "unknown_members",
        "values",
        "write_unknown",
    }
)

# Stems of the per-class functions (`_read_<stem>`, `_write_<stem>`,
# `validate_<stem>`) that a helper of the generated mappers already uses.
RESERVED_FUNCTION_NAMES = frozenset({"nil", "source", "stream", "unknown"})

# Stems of the per-type functions of `simple_types.py` (`parse_<stem>`,
# `check_<stem>`, `format_<stem>`) that the module imports from `lexical`.
RESERVED_CHECKER_NAMES = frozenset(
    {
        "base64_binary",
        "boolean",
        "decimal",
        "float",
        "hex_binary",
        "integer",
        "temporal",
    }
)

# Enum member names that `enum.Enum` rejects.
RESERVED_MEMBER_NAMES = frozenset({"mro"})


# Settling collisions -------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One component's request for a name within a scope.

    `identity` is unique in the scope and stable: a qualified XML name or path.
    `rank` orders the claimants of one candidate, and the first wins. It ends
    with `identity`, so no two ranks are equal. `spelled` is the candidate
    built with punctuation spelled out, or "" when that adds nothing.
    """

    identity: str
    candidate: str
    rank: tuple
    spelled: str = ""


def settle(
    claims: Iterable[Claim],
    taken: Iterable[str],
    decorate: Callable[[str, str], str],
    fold: Callable[[str], str] = str,
) -> dict[str, str]:
    """Return a distinct name for each claim, by identity.

    Args:
        taken: names the claims may not have (reserved ones, or names fixed
            before, such as inherited fields).
        decorate: joins a candidate and a hash into the last-resort name.
        fold: the form in which two names count as equal (`str.upper` where
            the generated code also uses the name in upper case).
    """
    claims = sorted(claims, key=lambda claim: claim.rank)
    used = {fold(name) for name in taken}
    candidates = {fold(claim.candidate) for claim in claims}
    names: dict[str, str] = {}
    for claim in claims:
        if fold(claim.candidate) not in used:
            names[claim.identity] = claim.candidate
            used.add(fold(claim.candidate))
    for claim in claims:
        if claim.identity in names:
            continue
        name = next(
            (
                option
                for option in (claim.spelled, claim.candidate + "_")
                if option
                and fold(option) not in used
                and fold(option) not in candidates
            ),
            None,
        )
        length = 6
        while name is None or fold(name) in used:
            name = decorate(claim.candidate, _digest(claim.identity, length))
            length += 2
        names[claim.identity] = name
        used.add(fold(name))
    return names


def _distance(xml_name: str, candidate: str) -> int:
    """Return 0 when an XML name is its candidate as written, 1 when only case differs, else 2."""
    if xml_name == candidate:
        return 0
    if xml_name.casefold() == candidate.casefold():
        return 1
    return 2


def _join_lower(candidate: str, digest: str) -> str:
    return f"{candidate}_{digest}"


def _join_upper(candidate: str, digest: str) -> str:
    return f"{candidate}_{digest.upper()}"


# The name map ---------------------------------------------------------------


@dataclass(frozen=True)
class NameMap:
    """The `[tool.codegen.names]` table: Python names chosen by hand.

    Each key names a class (`Type`, `{namespace}Type`, or `Type/element#class`
    for an anonymous type), a field (`Type/element`, `Type/@attribute`) or an
    enumeration member (`Enumeration=value`, `Type/element=value` for an
    anonymous enumeration). `source` is the file the table comes from.
    """

    entries: Mapping[str, str] = field(default_factory=dict)
    source: str = "pyproject.toml"

    def error(self, key: str, problem: str) -> CodegenError:
        return CodegenError(f"[tool.codegen.names] {key!r} {problem}", file=self.source)


@dataclass(frozen=True)
class _Key:
    text: str
    namespace: str | None
    kind: str  # "class", "field" or "member"
    path: str
    member: str = ""


_CLASS_MARK = "#class"


def _parse_key(text: str, names: NameMap) -> _Key:
    namespace = None
    rest = text
    if rest.startswith("{"):
        close = rest.find("}")
        if close < 0:
            raise names.error(text, "opens a namespace with '{' but never closes it")
        namespace, rest = rest[1:close], rest[close + 1 :]
    if "=" in rest:
        path, _, value = rest.partition("=")
        return _Key(text, namespace, "member", path, value)
    if rest.endswith(_CLASS_MARK):
        return _Key(text, namespace, "class", rest[: -len(_CLASS_MARK)])
    if "/" in rest:
        path, _, member = rest.rpartition("/")
        return _Key(text, namespace, "field", path, member)
    return _Key(text, namespace, "class", rest)


def check_python_name(key: str, value: object, kind: str, names: NameMap) -> None:
    """Raise a CodegenError unless `value` can be the Python name of a `kind`."""
    if not isinstance(value, str) or not value.isidentifier():
        raise names.error(key, f"maps to {value!r}, which is not a valid Python name")
    if keyword.iskeyword(value):
        raise names.error(key, f"maps to {value!r}, which is a Python keyword")
    if unicodedata.normalize("NFKC", value) != value:
        normal = unicodedata.normalize("NFKC", value)
        raise names.error(
            key,
            f"maps to {value!r}, which Python reads as {normal!r}; write {normal!r}",
        )
    if value.startswith("_"):
        raise names.error(
            key,
            f"maps to {value!r}: a name may not start with an underscore, which "
            "marks private and special names in Python",
        )
    if kind == "class" and value[0].islower():
        raise names.error(
            key,
            f"maps to {value!r}: a class name must not start with a lower-case "
            "letter, so that it cannot shadow the functions and modules the "
            "generated package imports",
        )


def _split(identity: str) -> tuple[str, str]:
    """Split a model key `{namespace}path` into its namespace and path."""
    if identity.startswith("{"):
        namespace, _, path = identity[1:].partition("}")
        return namespace, path
    return "", identity


def _matches(key: _Key, identity: str) -> bool:
    namespace, path = _split(identity)
    return path == key.path and (key.namespace is None or key.namespace == namespace)


# The naming pass --------------------------------------------------------------


@dataclass
class _Overrides:
    classes: dict[str, str] = field(default_factory=dict)
    fields: dict[tuple[str, str], str] = field(default_factory=dict)
    members: dict[tuple[str, str], str] = field(default_factory=dict)
    keys: dict[object, str] = field(default_factory=dict)  # target -> map key


def _renamed_choices(
    complex_type: ComplexType, final_name: Callable[[Element], str]
) -> tuple[Choice, ...]:
    """Return the type's choices with the final field name of each alternative.

    Two alternatives may have the same candidate field name: `car-x` and
    `car_x` are both `car_x`. So each field is matched to its member. The
    choices list their alternatives in the order of `elements`, and each
    member belongs to one choice at most.
    """
    members = [
        item for item in complex_type.elements if item.alternative or item.kind == "any"
    ]
    used: set[int] = set()
    choices = []
    for choice in complex_type.choices:
        fields = []
        for field_name in choice.fields:
            index = next(
                index
                for index, item in enumerate(members)
                if index not in used and item.field_name == field_name
            )
            used.add(index)
            fields.append(final_name(members[index]))
        choices.append(replace(choice, fields=tuple(fields)))
    return tuple(choices)


def _member_label(item: Element | Attribute) -> str:
    return ("@" if isinstance(item, Attribute) else "") + item.tag


def _enumeration_identity(simple_type: SimpleType) -> str:
    return simple_type.enumeration_key or simple_type.python_name or ""


def assign_names(
    model: SchemaModel,
    names: NameMap | None = None,
    *,
    strict: bool = True,
    schema_has: Callable[[str | None, str], bool] | None = None,
) -> SchemaModel:
    """Return the model with the final Python name of every class, field and member.

    Args:
        names: names chosen by hand; they override the generated ones.
        strict: raise for a key of `names` that names nothing. A comparison
            passes False: a key may name a component of only one version, so
            it is logged and skipped.
        schema_has: returns whether a global type or element (namespace or None,
            local name) exists in the schema; a key whose type the roots do not
            reach is then skipped, not an error.
    """
    names = names or NameMap()
    overrides = _resolve(model, names, strict, schema_has)
    class_names = _class_names(model, overrides, names)
    member_names = {
        identity: _member_names(enumeration, identity, overrides, names)
        for identity, enumeration in _enumerations(model).items()
    }

    def rename_simple(simple_type: SimpleType | None) -> SimpleType | None:
        if simple_type is None or not simple_type.is_enumeration:
            return simple_type
        identity = _enumeration_identity(simple_type)
        if identity not in class_names:
            return simple_type
        members = member_names[identity]
        values = []
        seen = set()
        for value in simple_type.values:
            if value.value in seen:
                continue
            seen.add(value.value)
            values.append(replace(value, member=members[value.value]))
        return replace(
            simple_type, python_name=class_names[identity], values=tuple(values)
        )

    field_names = _field_names(model, overrides, names)
    complex_types = {}
    for key, complex_type in model.complex_types.items():
        complex_types[key] = replace(
            complex_type,
            python_name=class_names.get(key, complex_type.python_name),
            choices=_renamed_choices(
                complex_type,
                lambda item, key=key: field_names.get(
                    (key, _member_label(item)), item.field_name
                ),
            ),
            elements=tuple(
                replace(
                    item,
                    field_name=field_names.get(
                        (key, _member_label(item)), item.field_name
                    ),
                    simple_type=rename_simple(item.simple_type),
                )
                for item in complex_type.elements
            ),
            attributes=tuple(
                replace(
                    item,
                    field_name=field_names.get(
                        (key, _member_label(item)), item.field_name
                    ),
                    simple_type=rename_simple(item.simple_type),
                )
                for item in complex_type.attributes
            ),
        )
    groups = {
        key: replace(
            group,
            elements=tuple(
                replace(item, simple_type=rename_simple(item.simple_type))
                for item in group.elements
            ),
        )
        for key, group in model.groups.items()
    }
    enumerations = {}
    for enumeration in model.enumerations.values():
        renamed = rename_simple(enumeration)
        assert renamed is not None
        enumerations[renamed.python_name or ""] = renamed
    return replace(
        model,
        complex_types=complex_types,
        groups=groups,
        enumerations=enumerations,
        simple_types={
            key: rename_simple(value) or value
            for key, value in model.simple_types.items()
        },
    )


def _enumerations(model: SchemaModel) -> dict[str, SimpleType]:
    return {
        _enumeration_identity(enumeration): enumeration
        for enumeration in model.enumerations.values()
    }


def _resolve(
    model: SchemaModel,
    names: NameMap,
    strict: bool,
    schema_has: Callable[[str | None, str], bool] | None,
) -> _Overrides:
    """Find the component each key of the name map names, and check its name."""
    overrides = _Overrides()
    classes = {
        key: complex_type
        for key, complex_type in model.complex_types.items()
        if complex_type.python_name
    }
    enumerations = _enumerations(model)
    for text, value in names.entries.items():
        key = _parse_key(text, names)
        check_python_name(text, value, key.kind, names)
        found = _find(key, classes, enumerations, names)
        if found is None:
            if _unreached(key, [*classes, *enumerations], schema_has):
                continue
            message = (
                "names no type, field or enumeration value of the schema; check "
                "the spelling, the namespace and the form of the key"
            )
            if strict:
                raise names.error(text, message)
            logger.warning(
                "%s: [tool.codegen.names] %r %s; skipped",
                names.source,
                text,
                message,
            )
            continue
        target = found
        if target in overrides.keys:
            raise names.error(
                text, f"names the same component as {overrides.keys[target]!r}"
            )
        overrides.keys[target] = text
        if key.kind == "class":
            overrides.classes[target] = value
        elif key.kind == "field":
            overrides.fields[target] = value
        else:
            overrides.members[target] = value
    return overrides


def _find(
    key: _Key,
    classes: Mapping[str, ComplexType],
    enumerations: Mapping[str, SimpleType],
    names: NameMap,
) -> object | None:
    """Return the identity of the component a key names, or None."""
    if key.kind == "class":
        found = [k for k in [*classes, *enumerations] if _matches(key, k)]
        if len(found) > 1:
            raise names.error(
                key.text,
                "names types in several namespaces: write the key as "
                + " or ".join(repr(f"{{{_split(k)[0]}}}{key.path}") for k in found),
            )
        return found[0] if found else None
    if key.kind == "field":
        owners = [k for k in classes if _matches(key, k)]
        if len(owners) > 1:
            raise names.error(
                key.text, "names types in several namespaces: add the namespace"
            )
        if not owners:
            return None
        owner = classes[owners[0]]
        attribute = key.member.startswith("@")
        local = key.member.removeprefix("@")
        items = owner.attributes if attribute else owner.elements
        for item in items:
            if item.name == local:
                return (owner.key, _member_label(item))
        if not attribute:
            raise names.error(
                key.text,
                f"names no element {local!r} declared by the type itself (an "
                "inherited element is named under the type that declares it)",
            )
        raise names.error(key.text, f"names no attribute {local!r} of the type")
    found = [k for k in enumerations if _matches(key, k)]
    if len(found) > 1:
        raise names.error(
            key.text, "names enumerations in several namespaces: add the namespace"
        )
    if not found:
        return None
    enumeration = enumerations[found[0]]
    if key.member not in {value.value for value in enumeration.values}:
        shown = ", ".join(repr(value.value) for value in enumeration.values[:10])
        raise names.error(
            key.text, f"names no value of the enumeration; its values are {shown}"
        )
    return (found[0], key.member)


def _unreached(
    key: _Key,
    identities: Iterable[str],
    schema_has: Callable[[str | None, str], bool] | None,
) -> bool:
    """Tell whether a key's type is in the schema but not in the model."""
    top = key.path.partition("/")[0]
    if schema_has is None or not schema_has(key.namespace, top):
        return False
    for identity in identities:
        namespace, path = _split(identity)
        if path.partition("/")[0] == top and key.namespace in (None, namespace):
            return False
    return True


def _owner_and_segment(identity: str) -> tuple[str, str]:
    """Split `{namespace}Owner/child` into `{namespace}Owner` and `child`.

    A top-level identity has no owner: "" and its path.
    """
    _, path = _split(identity)
    if "/" not in path:
        return "", path
    owner_path, _, segment = path.rpartition("/")
    return identity[: len(identity) - len(path)] + owner_path, segment


def _depth(identity: str) -> int:
    return _split(identity)[1].count("/")


def _class_names(
    model: SchemaModel, overrides: _Overrides, names: NameMap
) -> dict[str, str]:
    """Give every class (complex types and enumerations) a distinct name.

    Shallower types are named first, so a type nested in another one never
    takes a name from a named type. An anonymous type's candidate starts with
    the final name of the type that contains it.
    """
    candidates: dict[str, str] = {}
    kinds: dict[str, int] = {}
    for key, complex_type in model.complex_types.items():
        if complex_type.python_name:
            candidates[key] = complex_type.python_name
            kinds[key] = 2 if complex_type.anonymous else 0
    for identity, enumeration in _enumerations(model).items():
        candidates[identity] = enumeration.python_name or ""
        kinds[identity] = 3 if _depth(identity) else 1
    fixed = {
        identity: name
        for identity, name in overrides.classes.items()
        if identity in candidates
    }
    _check_fixed(fixed, overrides, names, RESERVED_CLASS_NAMES, "class")
    final = dict(fixed)
    taken = set(RESERVED_CLASS_NAMES) | set(fixed.values())
    for depth in sorted({_depth(identity) for identity in candidates}):
        claims = []
        for identity in sorted(candidates):
            if _depth(identity) != depth or identity in fixed:
                continue
            candidate, spelled = _class_candidate(identity, candidates, final)
            _check_unmapped(candidate, identity, fixed, overrides, names, "class")
            segment = _owner_and_segment(identity)[1].removeprefix("@")
            rank = (_distance(segment, candidate), kinds[identity], identity)
            claims.append(Claim(identity, candidate, rank, spelled if rank[0] else ""))
        final.update(settle(claims, taken, _join_lower))
        taken |= set(final.values())
    return final


def _class_candidate(
    identity: str, candidates: Mapping[str, str], final: Mapping[str, str]
) -> tuple[str, str]:
    """Return the candidate and spelled-out candidate of a class."""
    candidate = candidates[identity]
    owner, segment = _owner_and_segment(identity)
    segment = segment.removeprefix("@")
    prefix = ""
    if owner in final and owner in candidates:
        if candidate.startswith(candidates[owner]):
            prefix = final[owner]
            candidate = prefix + candidate[len(candidates[owner]) :]
    if candidate != prefix + pascal_case(segment):
        return candidate, ""
    spelled = prefix + spelled_pascal_case(segment)
    return candidate, "" if spelled == candidate else spelled


def _check_fixed(
    fixed: Mapping[object, str],
    overrides: _Overrides,
    names: NameMap,
    reserved: Iterable[str],
    kind: str,
) -> None:
    """Raise for a mapped name that is reserved or given twice in one scope."""
    reserved = set(reserved)
    seen: dict[str, object] = {}
    for target, name in sorted(fixed.items(), key=lambda item: overrides.keys[item[0]]):
        key = overrides.keys[target]
        if name in reserved:
            raise names.error(
                key,
                f"maps to {name!r}, which the generated code already uses; "
                f"choose another {kind} name",
            )
        if name in seen:
            raise names.error(
                key,
                f"maps to {name!r}, the name that {overrides.keys[seen[name]]!r} "
                "maps to as well; choose distinct names",
            )
        seen[name] = target


def _check_unmapped(
    candidate: str,
    identity: object,
    fixed: Mapping[object, str],
    overrides: _Overrides,
    names: NameMap,
    kind: str,
) -> None:
    """Raise when a generated candidate is a mapped name of the same scope."""
    for target, name in fixed.items():
        if name == candidate:
            label = identity if isinstance(identity, str) else "/".join(identity)
            raise names.error(
                overrides.keys[target],
                f"maps to {name!r}, which is also the generated {kind} name of "
                f"{label!r}; choose another name, or map that one too",
            )


def _member_names(
    enumeration: SimpleType, identity: str, overrides: _Overrides, names: NameMap
) -> dict[str, str]:
    values = list(dict.fromkeys(value.value for value in enumeration.values))
    fixed = {
        (identity, value): overrides.members[(identity, value)]
        for value in values
        if (identity, value) in overrides.members
    }
    _check_fixed(fixed, overrides, names, RESERVED_MEMBER_NAMES, "member")
    claims = []
    for value in values:
        if (identity, value) in fixed:
            continue
        candidate = member_candidate(value)
        _check_unmapped(candidate, (identity, value), fixed, overrides, names, "member")
        distance = _distance(value, candidate)
        spelled = spelled_constant_case(value) if _words(value) and distance else ""
        claims.append(
            Claim(
                value,
                candidate,
                (distance, value),
                "" if spelled == candidate else spelled,
            )
        )
    taken = RESERVED_MEMBER_NAMES | set(fixed.values())
    result = settle(claims, taken, _join_upper)
    result.update({value: name for (_, value), name in fixed.items()})
    return result


def _field_names(
    model: SchemaModel, overrides: _Overrides, names: NameMap
) -> dict[tuple[str, str], str]:
    """Give the fields of every class distinct names, inherited fields first."""
    result: dict[tuple[str, str], str] = {}
    fields_of_type: dict[str, list[str]] = {}

    def name_fields(key: str) -> list[str]:
        if key in fields_of_type:
            return fields_of_type[key]
        complex_type = model.complex_types[key]
        inherited = []
        if complex_type.base is not None and complex_type.base in model.complex_types:
            inherited = name_fields(complex_type.base)
        items = [*complex_type.elements, *complex_type.attributes]

        fixed = {
            (key, _member_label(item)): overrides.fields[(key, _member_label(item))]
            for item in items
            if (key, _member_label(item)) in overrides.fields
        }
        _check_fixed(
            fixed, overrides, names, RESERVED_FIELD_NAMES | set(inherited), "field"
        )

        claims = []
        for item in items:
            label = _member_label(item)
            if (key, label) in fixed:
                continue
            candidate = item.field_name
            _check_unmapped(candidate, (key, label), fixed, overrides, names, "field")
            distance = _distance(item.name, candidate)
            spelled = ""
            if candidate == snake_case(item.name) and distance:
                spelled = spelled_snake_case(item.name)
            rank = (distance, isinstance(item, Attribute), label)
            claims.append(
                Claim(label, candidate, rank, "" if spelled == candidate else spelled)
            )
        taken = RESERVED_FIELD_NAMES | set(inherited) | set(fixed.values())
        settled = settle(claims, taken, _join_lower)

        own = []
        for item in items:
            label = _member_label(item)
            name = fixed.get((key, label)) or settled[label]
            result[(key, label)] = name
            own.append(name)
        fields_of_type[key] = inherited + own
        return fields_of_type[key]

    for key in model.complex_types:
        name_fields(key)
    return result


def function_names(model: SchemaModel) -> dict[str, str]:
    """Return the stem of each class's functions (`_read_<stem>`, ...), by type key.

    The stem is the snake_case class name, unless two classes share it.
    Stems also appear in upper case (`_<STEM>_TAGS`), so they must differ there too.
    """
    claims = []
    for key, complex_type in model.complex_types.items():
        if not complex_type.python_name:
            continue
        stem = snake_case(complex_type.python_name)
        # A class whose name the stem spells back (`FooBar`, not `FOOBar`) ranks first.
        rank = (pascal_case(stem) != complex_type.python_name, key)
        claims.append(Claim(key, stem, rank))
    # The xsi:type dispatch of a class is `_read_any_<stem>`, so no stem may be
    # `any_` followed by the stem of another class.
    dispatch = {"any_" + claim.candidate for claim in claims}
    return settle(
        claims, RESERVED_FUNCTION_NAMES | dispatch, _join_lower, fold=str.upper
    )
