"""Fuzz the generated readers: broken input raises DocumentError and nothing else.

Each example takes a valid document, breaks it and hands it to `read_xml` and
`read_json`, with and without validation, as bytes, as text and as a binary
file object. The property: the readers return an object or raise the
package's `DocumentError` (ParseError and ValidationError are subclasses).
Any other exception, such as KeyError, TypeError, RecursionError or
UnicodeDecodeError, is a defect.

The documents come from `tests/fuzz_corpus/`, which is committed so that the
test runs in a fresh clone, and from the documentation examples and recorded
payloads that IS24_SEED_EXAMPLES and IS24_CASES name, when they are set. The
mutations are:

- bytes: truncation, bit flips, inserted, deleted and duplicated byte runs,
  and invalid UTF-8 sequences;
- XML trees: elements dropped, duplicated, renamed or moved into another
  namespace, unknown and xsi attributes, deep nesting, huge and non-finite
  numbers, odd text, undefined entity references and a DTD;
- JSON trees: members removed, renamed, duplicated or added, values replaced
  by null, NaN, Infinity, huge numbers, strings, arrays and objects, deep
  nesting, lone surrogate escapes and roots of the wrong shape.

Budget: CI runs FUZZ_EXAMPLES examples per test (default 300) with
`derandomize=True`, so every run gets the same inputs and a failure reproduces
on every machine. A developer's longer run draws fresh random inputs:

    FUZZ_EXAMPLES=100000 python3 dev.py test -q tests/test_fuzz.py

Any value above the default turns derandomization off, and Hypothesis prints
the smallest failing input with the seed to replay it.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import is24_common
from codegen.builtins import BUILTINS
from codegen.model import SimpleType
from conftest import payload_files
from strategies import MODEL

CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
DEFAULT_EXAMPLES = 300
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", DEFAULT_EXAMPLES))

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= DEFAULT_EXAMPLES,
    database=None,
    # The inputs are large by design (deep nesting, huge numbers), and the
    # mutations are drawn one by one from the document, so Hypothesis's checks
    # for large and slowly drawn examples would only flag the design.
    suppress_health_check=[HealthCheck.data_too_large, HealthCheck.too_slow],
)


def integer_sites() -> tuple[frozenset[str], dict[str, list[str]]]:
    """Return the integer-typed elements, and the integer-typed attributes by element name.

    Elements are named by their tag in the model. Attributes are listed under
    the local name of every element (or root) whose type has them.
    """
    elements: set[str] = set()
    attributes_of_type: dict[str, list[str]] = {}
    for key, complex_type in MODEL.complex_types.items():
        for element in complex_type.elements:
            if element.simple_type is not None and is_integer(element.simple_type):
                elements.add(element.tag)
        attributes_of_type[key] = [
            attribute.tag
            for attribute in MODEL.all_attributes(complex_type)
            if is_integer(attribute.simple_type)
        ]

    hosts: dict[str, list[str]] = {}
    for root in MODEL.roots:
        hosts[root.name] = attributes_of_type[root.complex_type]
    for complex_type in MODEL.complex_types.values():
        for element in complex_type.elements:
            if element.complex_type is not None:
                hosts[element.name] = attributes_of_type[element.complex_type]
    return frozenset(elements), {name: tags for name, tags in hosts.items() if tags}


def is_integer(simple_type: SimpleType) -> bool:
    return BUILTINS[simple_type.builtin].kind == "integer"


INTEGER_ELEMENTS, INTEGER_ATTRIBUTES = integer_sites()

XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
OTHER_NAMESPACE = "http://example.com/not-is24"
NESTING_MARK = "FUZZ-NESTING-MARK"
# Far above any facet of the schema, and above Python's 4300-digit limit on
# int() of a string (sys.get_int_max_str_digits).
HUGE_DIGITS = (19, 20, 400, 4301, 20000)
NESTING_DEPTHS = (50, 1000, 100_000)

# Byte sequences that are not UTF-8: a lone continuation byte, a truncated
# sequence, an overlong encoding, an encoded surrogate and bytes above F4.
INVALID_UTF8 = [
    b"\x80",
    b"\xc3",
    b"\xc3\x28",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xff\xfe",
]

ODD_VALUES = [
    "",
    " ",
    "NaN",
    "INF",
    "-INF",
    "1e999",
    "-0",
    "+0",
    "0x10",
    "null",
    "\u00a0",
    "\u0663",
    "1_000",
    "&amp;",
    "\U0001f600" * 3,
    "x" * 70_000,
]


# Seed documents.


def corpus_documents(folder: Path) -> list[tuple[str, bytes]]:
    files = payload_files(folder, ".xml") + payload_files(folder, ".json")
    return [(path.name, path.read_bytes()) for path in files]


COMMITTED = corpus_documents(CORPUS)


def is_json(name: str) -> bool:
    return name.endswith(".json")


# Byte mutations.


@st.composite
def byte_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    position = draw(st.integers(0, len(data)), label="position")
    kind = draw(
        st.sampled_from(
            ["truncate", "flip", "insert", "delete", "duplicate", "invalid-utf8"]
        ),
        label="byte mutation",
    )
    if kind == "truncate":
        return data[:position]
    if kind == "flip" and position < len(data):
        bit = draw(st.integers(0, 7), label="bit")
        return (
            data[:position]
            + bytes([data[position] ^ (1 << bit)])
            + data[position + 1 :]
        )
    if kind == "insert":
        return (
            data[:position] + draw(st.binary(min_size=1, max_size=8)) + data[position:]
        )
    if kind == "delete":
        length = draw(st.integers(1, 64), label="length")
        return data[:position] + data[position + length :]
    if kind == "duplicate":
        length = draw(st.integers(1, 256), label="length")
        return (
            data[:position]
            + data[position : position + length] * 2
            + data[position + length :]
        )
    return data[:position] + draw(st.sampled_from(INVALID_UTF8)) + data[position:]


@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    for _ in range(draw(st.integers(1, 3), label="byte mutation count")):
        data = draw(byte_mutation(data))
    return data


# XML tree mutations.


def all_elements(root: ET.Element) -> list[tuple[ET.Element | None, ET.Element]]:
    """Return every element with its parent (None for the root), in document order."""
    pairs: list[tuple[ET.Element | None, ET.Element]] = [(None, root)]
    for parent in root.iter():
        pairs.extend((parent, child) for child in parent)
    return pairs


def set_integer(
    draw: st.DrawFn, root: ET.Element, node: ET.Element, number: str
) -> None:
    """Write a number into an integer-typed element or attribute, or else into `node`.

    A random element seldom has an integer type, so the schema's integer-typed
    elements and attributes get the number three times out of four.
    """
    targets: list[tuple[ET.Element, str | None]] = []
    for element in root.iter():
        if element.tag in INTEGER_ELEMENTS:
            targets.append((element, None))
        local = element.tag.rpartition("}")[2]
        targets.extend((element, tag) for tag in INTEGER_ATTRIBUTES.get(local, []))
    if not targets or draw(st.integers(0, 3), label="any element") == 0:
        targets = [(node, None)]

    element, attribute = draw(st.sampled_from(targets), label="integer site")
    if attribute is None:
        element.text = number
    else:
        element.set(attribute, number)


@st.composite
def xml_tree_mutation(draw: st.DrawFn, root: ET.Element) -> str:
    """Change the tree in place and return the kind of change."""
    parent, node = draw(st.sampled_from(all_elements(root)), label="element")
    kind = draw(
        st.sampled_from(
            [
                "drop",
                "duplicate",
                "rename",
                "other-namespace",
                "attribute",
                "xsi",
                "nest",
                "huge-number",
                "odd-value",
                "random-text",
            ]
        ),
        label="tree mutation",
    )
    if kind == "drop" and parent is not None:
        parent.remove(node)
    elif kind == "duplicate" and parent is not None:
        parent.insert(list(parent).index(node), node)
    elif kind == "rename":
        node.tag = draw(st.sampled_from(["x", "message", "address", "email", "id"]))
    elif kind == "other-namespace":
        node.tag = f"{{{OTHER_NAMESPACE}}}{node.tag.rpartition('}')[2]}"
    elif kind == "attribute":
        name = draw(st.sampled_from(["id", "x", f"{{{OTHER_NAMESPACE}}}id"]))
        node.set(name, draw(st.sampled_from(ODD_VALUES) | st.text(max_size=12)))
    elif kind == "xsi":
        name = draw(st.sampled_from(["nil", "type", "schemaLocation", "unknown"]))
        node.set(XSI + name, draw(st.sampled_from(["true", "false", "x:y", "", "1"])))
    elif kind == "nest":
        node.text = NESTING_MARK
    elif kind == "huge-number":
        digits = draw(st.sampled_from(HUGE_DIGITS))
        number = draw(st.sampled_from(["", "-", "+"])) + "9" * digits
        set_integer(draw, root, node, number)
    elif kind == "odd-value":
        node.text = draw(st.sampled_from(ODD_VALUES))
    else:
        # Any characters, also those that XML 1.0 cannot represent.
        node.text = draw(st.text(max_size=20))
    return kind


@st.composite
def xml_tree_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    root = ET.fromstring(data)
    for _ in range(draw(st.integers(1, 3), label="tree mutation count")):
        event(f"xml: {draw(xml_tree_mutation(root))}")
    text = ET.tostring(root, encoding="unicode")
    depth = draw(st.sampled_from(NESTING_DEPTHS), label="depth")
    text = text.replace(NESTING_MARK, "<n>" * depth + "</n>" * depth)
    prefix = draw(
        st.sampled_from(
            [
                '<?xml version="1.0" encoding="UTF-8"?>\n',
                "",
                '<!DOCTYPE x [<!ENTITY e "expanded">]>\n',
                '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
                '<?xml version="1.0" encoding="no-such-encoding"?>\n',
                '<?xml version="1.0" encoding="UTF-32"?>\n',
            ]
        ),
        label="prolog",
    )
    # Rarely, because a parse error hides the other mutations from the readers.
    if draw(st.integers(0, 4), label="undefined entity") == 0:
        text = text.replace("</", "&undefined;</", 1)
    return (prefix + text).encode("utf-8", "surrogatepass")


# JSON tree mutations.


def json_locations(value: object, path: tuple = ()) -> list[tuple]:
    """Return the path of every value inside a JSON document, the root first."""
    locations = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            locations += json_locations(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            locations += json_locations(item, (*path, index))
    return locations


def json_replacements() -> st.SearchStrategy[object]:
    scalars = st.sampled_from(
        [
            None,
            True,
            False,
            0,
            -1,
            2**63,
            -(2**63) - 1,
            float("nan"),
            float("inf"),
            float("-inf"),
            1.5,
            "",
            "x",
            "NaN",
            NESTING_MARK,
            "9" * 5000,
        ]
    )
    return st.one_of(
        scalars,
        st.just([]),
        st.just({}),
        st.text(max_size=12),
        st.integers(),
        st.floats(),
        st.lists(scalars, max_size=3),
        st.dictionaries(
            st.sampled_from(["@id", "email", "x", "message"]), scalars, max_size=2
        ),
    )


@st.composite
def json_tree_mutation(draw: st.DrawFn, document: object) -> tuple[object, str]:
    """Return the changed document (the root may be replaced) and the kind of change."""
    path = draw(st.sampled_from(json_locations(document)), label="path")
    kind = draw(
        st.sampled_from(["replace", "wrap", "remove", "rename", "add"]),
        label="json mutation",
    )
    if not path:
        if kind == "wrap":
            return [document], "root wrapped"
        return draw(json_replacements()), "root replaced"

    *parent_path, key = path
    parent = document
    for step in parent_path:
        parent = parent[step]
    if kind == "replace":
        parent[key] = draw(json_replacements())
    elif kind == "wrap":
        parent[key] = draw(st.sampled_from([[parent[key]], {"x": parent[key]}]))
    elif kind == "remove":
        del parent[key]
    elif kind == "rename" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["@x", "x", "common:messages", "@id"]))] = (
            parent.pop(key)
        )
    elif kind == "add" and isinstance(parent, dict):
        parent[draw(st.text(max_size=8))] = draw(json_replacements())
    elif isinstance(parent, list):
        parent.append(draw(json_replacements()))
    return document, kind


@st.composite
def json_tree_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    document = json.loads(data)
    for _ in range(draw(st.integers(1, 3), label="json mutation count")):
        document, kind = draw(json_tree_mutation(document))
        event(f"json: {kind}")
    text = json.dumps(document)
    depth = draw(st.sampled_from(NESTING_DEPTHS), label="depth")
    text = text.replace(f'"{NESTING_MARK}"', "[" * depth + "]" * depth)
    if draw(st.booleans(), label="textual edit"):
        edit = draw(
            st.sampled_from(
                [
                    ('"', '"\\ud800', 1),  # a lone surrogate escape
                    ('{"', '{"email": 1, "', 1),  # a duplicated or unknown member
                    (":", ": -", 1),
                    ("}", ", }", 1),  # a trailing comma
                ]
            )
        )
        text = text.replace(*edit)
    return text.encode()


# Running the readers.


def sources(data: bytes) -> list[tuple[str, Callable[[], object]]]:
    """Return the forms in which a caller may pass the input: bytes, text or a file."""
    return [
        ("bytes", lambda: data),
        ("text", lambda: data.decode("utf-8", "replace")),
        # How Python reads a file opened with errors="surrogateescape".
        ("text with surrogates", lambda: data.decode("utf-8", "surrogateescape")),
        ("file", lambda: io.BytesIO(data)),
    ]


def read_everywhere(data: bytes) -> None:
    """Feed the input to both readers in every form and fail on any other exception."""
    for reader in (is24_common.read_xml, is24_common.read_json):
        for validate in (True, False):
            for form, source in sources(data):
                try:
                    reader(source(), validate=validate)
                except is24_common.DocumentError:
                    pass
                except Exception as error:
                    raise AssertionError(
                        f"{reader.__name__}(validate={validate}) on {form} input "
                        f"raised {type(error).__name__}: {error}\n"
                        f"input: {data[:2000]!r}"
                    ) from error


@st.composite
def mutated(
    draw: st.DrawFn, documents: list[tuple[str, bytes]], families: tuple[str, ...]
):
    name, data = draw(st.sampled_from(documents), label="seed")
    family = draw(st.sampled_from(families), label="family")
    if family == "tree":
        tree = json_tree_mutations if is_json(name) else xml_tree_mutations
        data = draw(tree(data))
    # Byte mutations after a tree mutation mostly give a parse error, which
    # hides the tree mutation, so they follow one time in four.
    if family == "bytes" or draw(st.integers(0, 3), label="then bytes") == 0:
        data = draw(byte_mutations(data))
    return data


# Tests.


def test_corpus_documents_are_valid():
    """The committed seeds are valid, so mutations start from a valid document."""
    assert {is_json(name) for name, _ in COMMITTED} == {True, False}
    for name, data in COMMITTED:
        reader = is24_common.read_json if is_json(name) else is24_common.read_xml

        assert reader(data) is not None, name


@FUZZ_SETTINGS
@given(data=mutated(COMMITTED, ("bytes",)))
def test_readers_survive_byte_mutations(data):
    read_everywhere(data)


@FUZZ_SETTINGS
@given(data=mutated([doc for doc in COMMITTED if not is_json(doc[0])], ("tree",)))
def test_readers_survive_xml_tree_mutations(data):
    read_everywhere(data)


@FUZZ_SETTINGS
@given(data=mutated([doc for doc in COMMITTED if is_json(doc[0])], ("tree",)))
def test_readers_survive_json_tree_mutations(data):
    read_everywhere(data)


@pytest.fixture(scope="module")
def shared_documents(seed_folder: Path, cases_folder: Path) -> list[tuple[str, bytes]]:
    return corpus_documents(seed_folder) + corpus_documents(
        cases_folder / "is24-payloads"
    )


@FUZZ_SETTINGS
@given(choice=st.data())
def test_readers_survive_mutated_shared_payloads(choice, shared_documents):
    data = choice.draw(mutated(shared_documents, ("bytes", "tree")))
    read_everywhere(data)


# Inputs the fuzz run once found to escape as other exceptions, smallest first.

NAMESPACE = 'xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0"'


@pytest.mark.parametrize(
    "reader, document",
    [
        (
            is24_common.read_xml,
            f'<common:realtorContactDetail {NAMESPACE} id="{"1" * 4301}"/>',
        ),
        (
            is24_common.read_xml,
            f"<common:realtorContactDetail {NAMESPACE}><realEstateReferenceCount>"
            f"{'1' * 4301}</realEstateReferenceCount></common:realtorContactDetail>",
        ),
        (
            is24_common.read_json,
            '{"common.realtorContactDetail": {"@id": "%s"}}' % ("1" * 4301),
        ),
    ],
    ids=["xml-attribute", "xml-element", "json-string"],
)
def test_huge_integer_raises_document_error(reader, document):
    with pytest.raises(is24_common.DocumentError):
        reader(document, validate=False)


def test_text_with_lone_surrogate_raises_parse_error():
    with pytest.raises(is24_common.ParseError):
        is24_common.read_xml(f"<common:messages {NAMESPACE}>\ud800</common:messages>")


@pytest.mark.parametrize("encoding", ["no-such-encoding", "UTF-32"])
def test_unsupported_encoding_raises_parse_error(encoding):
    document = (
        f'<?xml version="1.0" encoding="{encoding}"?><common:messages {NAMESPACE}/>'
    )

    with pytest.raises(is24_common.ParseError):
        is24_common.read_xml(document.encode("ascii"))
