"""JSON documents for comparing other validators with the generated `read_json`.

The cases start from the IS24 JSON form of the facet oracle's base documents
and change one thing each, derived from the generator's model, so a member or
type added to the schema adds cases:

- for every object: an unknown member and an unknown attribute;
- for every member: left out (when required), null, an object, an empty array,
  an array of one, an array of two and a nested array. A member of simple
  type also gets JSON numbers, booleans and strings in other forms, and the
  values at and past the range of its built-in type;
- for every root: each key form the reader accepts, unknown keys, extra
  members and wrong values. A root that IS24 writes as an array of one-member
  objects also gets the forms of that array.

`verdict_of_reader` is the reference: whether `read_json(..., rules=False)`
accepts a document.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import is24_common
from codegen.builtins import BUILTINS
from codegen.model import Attribute, ComplexType, Element
from test_facet_oracle import (
    BASE_DOCUMENTS,
    CONFIG,
    JSON_MUTATIONS,
    MODEL,
    json_document,
    parse_base,
)

UNKNOWN_NAME = "unknownField"


@dataclass(frozen=True)
class JsonCase:
    """One JSON document and the name of the change that made it."""

    case_id: str
    data: bytes


def verdict_of_reader(data: bytes) -> bool:
    """Return whether the generated reader accepts a document, schema checks only."""
    try:
        is24_common.read_json(data, rules=False)
    except is24_common.DocumentError:
        return False
    return True


def encode(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


# Base documents in the object form: a root listed in json-array-roots is
# merged into one object, as the reader merges it.


def root_key(root_name: str) -> str:
    root = next(item for item in MODEL.roots if item.name == root_name)
    return f"{CONFIG.prefixes[root.namespace]}.{root.name}"


def base_object_documents() -> dict[str, dict]:
    documents = {}
    for root_name in BASE_DOCUMENTS:
        document = json.loads(json_document(parse_base(root_name)))
        key = root_key(root_name)
        if root_name in CONFIG.json_array_roots:
            merged: dict[str, list] = {}
            for wrapper in document[key]:
                for name, value in wrapper.items():
                    merged.setdefault(name, []).append(value)
            document[key] = merged
        documents[root_name] = document
    return documents


def walk_objects(
    value: dict, complex_type: ComplexType, path: tuple
) -> Iterator[tuple[tuple, ComplexType]]:
    """Yield the path and type of every object in a JSON value of a complex type."""
    yield path, complex_type
    for element in MODEL.all_elements(complex_type):
        if element.complex_type is None or element.name not in value:
            continue
        child_type = MODEL.complex_types[element.complex_type]
        child = value[element.name]
        if isinstance(child, list):
            for index, item in enumerate(child):
                yield from walk_objects(item, child_type, (*path, element.name, index))
        else:
            yield from walk_objects(child, child_type, (*path, element.name))


def find(document: object, path: tuple) -> dict:
    for step in path:
        document = document[step]  # type: ignore[index]
    return document  # type: ignore[return-value]


# Values per member.


def member_name(member: Element | Attribute) -> str:
    return ("@" if isinstance(member, Attribute) else "") + member.name


def is_required(member: Element | Attribute) -> bool:
    if isinstance(member, Attribute):
        return member.required
    return member.is_required


def structure_values(member: Element | Attribute, current: object) -> dict[str, object]:
    """Return replacement values that change the JSON structure of a member."""
    values: dict[str, object] = {
        "null": None,
        "empty-array": [],
        "array-of-one": [current],
        "array-of-two": [current, current],
        "nested-array": [[current]],
    }
    if isinstance(member, Element) and member.complex_type is not None:
        values["string"] = "text"
        values["number"] = 1
    else:
        values["object"] = {}
    return values


def scalar_values(member: Element | Attribute) -> dict[str, object]:
    """Return JSON scalars of every type for a simple-typed member."""
    simple_type = member.simple_type
    assert simple_type is not None
    values: dict[str, object] = {
        "number-12": 12,
        "number-minus-12": -12,
        "number-fraction": 1.5,
        "number-integral-fraction": 5.0,
        "number-long": 10**40,
        "true": True,
        "false": False,
        "string-true": "true",
        "string-one": "1",
        "string-padded-one": " 1 ",
        "string-control-character": "a\u0001b",
        "string-empty": "",
    }
    builtin = BUILTINS[simple_type.builtin]
    if builtin.kind == "integer":
        values.update(integer_values(builtin.minimum, builtin.maximum))
    if builtin.kind == "boolean":
        values.update(
            {
                "string-padded-true": "\ttrue\n",
                "string-yes": "yes",
                "string-upper-true": "TRUE",
                "number-2": 2,
                "number-0": 0,
                "number-1": 1,
            }
        )
    facets = simple_type.facets
    longest = facets.length or facets.max_length
    if longest is not None:
        values["digits-at-max-length"] = int("9" * longest)
        values["digits-past-max-length"] = int("9" * (longest + 1))
        values["negative-at-max-length"] = -int("9" * (longest - 1) or "0")
        values["fraction-long-repr"] = 0.1 + 0.2  # repr has 19 characters
    return values


def integer_values(minimum: int | None, maximum: int | None) -> dict[str, object]:
    values: dict[str, object] = {
        "string-plus-sign": "+5",
        "string-leading-zeros": "007",
        "string-minus-zero": "-0",
        "string-fraction": "5.0",
        "string-exponent": "5e2",
        "string-underscore": "1_000",
    }
    if minimum is not None:
        values.update(
            {
                "number-at-minimum": minimum,
                "number-below-minimum": minimum - 1,
                "string-at-minimum": str(minimum),
                "string-below-minimum": str(minimum - 1),
                "string-below-minimum-zeros": "-000" + str(-minimum + 1),
            }
        )
    if maximum is not None:
        values.update(
            {
                "number-at-maximum": maximum,
                "number-above-maximum": maximum + 1,
                "string-at-maximum": str(maximum),
                "string-above-maximum": str(maximum + 1),
                "string-at-maximum-zeros": "+000" + str(maximum),
            }
        )
    return values


# The cases.


def set_member(path: tuple, name: str, value: object) -> Callable[[dict], None]:
    def edit(document: dict) -> None:
        find(document, path)[name] = copy.deepcopy(value)

    return edit


def remove_member(path: tuple, name: str) -> Callable[[dict], None]:
    def edit(document: dict) -> None:
        find(document, path).pop(name, None)

    return edit


def member_cases() -> Iterator[JsonCase]:
    """Yield the cases of every object and member, once per type and member."""
    seen: set[str] = set()
    for root_name, document in base_object_documents().items():
        key = root_key(root_name)
        root = next(item for item in MODEL.roots if item.name == root_name)
        root_type = MODEL.complex_types[root.complex_type]
        for path, complex_type in walk_objects(document[key], root_type, (key,)):
            label = complex_type.local_name
            edits: dict[str, Callable[[dict], None]] = {
                f"{label}:unknown-member": set_member(path, UNKNOWN_NAME, "x"),
                f"{label}:unknown-attribute": set_member(path, "@" + UNKNOWN_NAME, "x"),
            }
            value = find(document, path)
            members = [
                *MODEL.all_attributes(complex_type),
                *MODEL.all_elements(complex_type),
            ]
            for member in members:
                name = member_name(member)
                prefix = f"{label}/{name}"
                if is_required(member):
                    edits[f"{prefix}:missing"] = remove_member(path, name)
                if name not in value:
                    continue
                current = value[name]
                if isinstance(current, list):
                    current = current[0]
                replacements = structure_values(member, current)
                if member.simple_type is not None:
                    replacements.update(scalar_values(member))
                for case, replacement in replacements.items():
                    edits[f"{prefix}:{case}"] = set_member(path, name, replacement)
            for case_id, edit in edits.items():
                if case_id in seen:
                    continue
                seen.add(case_id)
                changed = copy.deepcopy(document)
                edit(changed)
                yield JsonCase(case_id, encode(changed))


def root_cases() -> Iterator[JsonCase]:
    """Yield the cases of the root member: key forms, extra members, wrong values."""
    documents = {
        name: json.loads(json_document(parse_base(name))) for name in BASE_DOCUMENTS
    }
    for root_name, document in documents.items():
        key = root_key(root_name)
        content = document[key]
        prefix, _, local = key.partition(".")
        yield JsonCase(f"{root_name}:base", encode(document))
        yield JsonCase(f"{root_name}:colon-key", encode({f"{prefix}:{local}": content}))
        yield JsonCase(f"{root_name}:bare-key", encode({local: content}))
        yield JsonCase(f"{root_name}:other-prefix", encode({f"other.{local}": content}))
        yield JsonCase(f"{root_name}:upper-case-key", encode({key.upper(): content}))
        yield JsonCase(f"{root_name}:two-members", encode({key: content, "x": 1}))
        yield JsonCase(f"{root_name}:as-array", encode([document]))
        for case, value in {"null": None, "string": "x", "empty-array": []}.items():
            yield JsonCase(f"{root_name}:root-{case}", encode({key: value}))
        if root_name in CONFIG.json_array_roots:
            yield from wrapped_root_cases(root_name, key, content)
    yield JsonCase("document:empty-object", encode({}))
    yield JsonCase("document:string", encode("x"))
    first, second = list(documents.values())[:2]
    yield JsonCase("document:two-roots", encode({**first, **second}))


def wrapped_root_cases(root_name: str, key: str, wrappers: list) -> Iterator[JsonCase]:
    """Yield the array forms of a root that IS24 writes as one-member objects."""
    merged: dict[str, list] = {}
    for wrapper in wrappers:
        for name, value in wrapper.items():
            merged.setdefault(name, []).append(value)
    cases: dict[str, object] = {
        "object-form": merged,
        "one-wrapper-with-array": [merged],
        "extra-empty-wrapper": [*wrappers, {}],
        "only-empty-wrappers": [{}, {}],
        "wrapper-not-object": [*wrappers, "x"],
        "wrapper-unknown-member": [*wrappers, {UNKNOWN_NAME: "x"}],
        "wrapper-empty-array": [*wrappers, {name: [] for name in merged}],
        "wrapper-null": [*wrappers, {name: None for name in merged}],
        "wrapper-nested-array": [{name: [values] for name, values in merged.items()}],
    }
    for case, value in cases.items():
        yield JsonCase(f"{root_name}:{case}", encode({key: value}))


def facet_cases() -> list[JsonCase]:
    """Return the facet oracle's JSON cases: one value or structure change each."""
    return [
        JsonCase(f"facet:{mutation.case_id}", json_document(mutation.document()))
        for mutation in JSON_MUTATIONS
    ]


def all_cases() -> list[JsonCase]:
    return [*root_cases(), *member_cases(), *facet_cases()]


def payload_cases(folders: list[Path]) -> list[JsonCase]:
    """Return the JSON files of the given folders as cases named by file."""
    return [
        JsonCase(f"payload:{path.name}", path.read_bytes())
        for folder in folders
        for path in sorted(folder.glob("*.json"))
    ]
