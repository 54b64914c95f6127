"""Check schema.json against read_json on the construct schemas of other tests.

The schemas of test_type_shapes (simple content, nillable, fixed values,
abstract and derived types), test_content_models (choices, repeated groups,
wildcards) and test_builtin_types (dates, durations, binary, lists, unions)
are generated with their schema.json. Each of their XML documents is read
without validation and written as JSON, so the JSON keeps the document's
invalid values. The schema must give the verdict of `read_json(rules=False)`,
except for the cases in KNOWN_CONSTRUCT_GAPS, which are strict xfails.
"""

from __future__ import annotations

import importlib
import json
import sys

import jsonschema
import pytest

import test_builtin_types as builtin_types
import test_content_models as content_models
import test_type_shapes as type_shapes
from codegen.config import Config
from codegen.generate import generate
from codegen.write import write_package

FIXED_BY_VALUE = (
    "the validators compare a fixed value of this type after parsing or "
    "collapsing it; the schema names the fixed value only in a $comment"
)
LIST_FACETS = (
    "the schema checks a list type's value only for being a string, not its "
    "items, their count or its enumeration"
)
LEXICAL_FACETS = (
    "the schema checks dates, times, durations and binary values for their "
    "lexical form only, not their range, length or enumeration facets"
)
DECIMAL_DIGITS = "the schema does not check totalDigits and fractionDigits"
UNION_FACETS = "the schema does not check the enumeration facet of a union"
STRICT_WILDCARD_VALUE = (
    "the schema checks the name of a strict wildcard member, not its value "
    "against the global declaration it matches"
)
# Case id -> why schema.json gives another verdict than read_json.
KNOWN_CONSTRUCT_GAPS: dict[str, str] = {
    "shapes:fixed-attribute-other-decimal": FIXED_BY_VALUE,
    "shapes:fixed-decimal-other-value": FIXED_BY_VALUE,
    "shapes:fixed-token-other": FIXED_BY_VALUE,
    "content:wildcards:<a/><b/><z:s xmlns:z='urn:strict'/><c/><d/>": (
        STRICT_WILDCARD_VALUE
    ),
    **dict.fromkeys(
        [
            "content:strict_wildcards:<a/><g>x</g>",
            "content:strict_wildcards:<a/><r><b/></r>",
            "content:strict_wildcards:<a/><r><a/><r/></r>",
        ],
        STRICT_WILDCARD_VALUE,
    ),
    **dict.fromkeys(
        [
            "builtin:NMTOKENS:",
            "builtin:NMTOKENS: ",
            "builtin:NMTOKENS:a/b",
            "builtin:IDREFS:",
            "builtin:ENTITIES:",
            "builtin:ENTITIES:1a",
            "builtin:intList:2147483648",
            "builtin:shortIntList:1 2 3 4",
            "builtin:shortIntList:",
            "builtin:shortIntList: ",
            "builtin:intListEnumeration:2 1",
            "builtin:intListEnumeration:1 2 3",
        ],
        LIST_FACETS,
    ),
    **dict.fromkeys(
        [
            "builtin:dateRange:1999-12-31",
            "builtin:dateRange:2030-01-01",
            "builtin:dateRange:2030-01-01Z",
            "builtin:dateRange:2000-01-01+01:00",
            "builtin:dateTimeRange:2020-01-01T00:00:00Z",
            "builtin:dateTimeRange:2020-01-01T00:00:00",
            "builtin:dateTimeRange:2020-01-01T01:00:00+01:00",
            "builtin:dateTimeRange:2020-12-31T22:00:00Z",
            "builtin:dateTimeRange:2020-12-31T21:59:59.5Z",
            "builtin:dateTimeRange:2019-12-31T24:00:00Z",
            "builtin:timeRange:07:59:59",
            "builtin:timeRange:18:00:00.000001",
            "builtin:timeRange:24:00:00",
            "builtin:gYearRange:-0051",
            "builtin:gYearRange:10000",
            "builtin:durationRange:P1M",
            "builtin:durationRange:P13M",
            "builtin:durationRange:-P1Y",
            "builtin:dateEnumeration:2020-12-31-14:00",
            "builtin:dateEnumeration:2020-02-28",
            "builtin:durationEnumeration:P2D",
            "builtin:hexLength:0a",
            "builtin:hexLength:0aff00",
            "builtin:hexLength:",
            "builtin:base64Length:QUJDRA==",
            "builtin:base64Length:",
            "builtin:hexEnumeration:0a",
        ],
        LEXICAL_FACETS,
    ),
    "builtin:priceDigits:123.456": DECIMAL_DIGITS,
    "builtin:unionEnumeration:2020-01-02": UNION_FACETS,
    "builtin:unionEnumeration:8": UNION_FACETS,
}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Generate a package from schema text once per name; return it and its validator."""
    folder = tmp_path_factory.mktemp("json_schema_constructs")
    sys.path.insert(0, str(folder))
    built: dict[str, tuple[object, jsonschema.Draft202012Validator]] = {}

    def build_package(name: str, schema: str, roots: tuple[str, ...]):
        if name not in built:
            schema_path = folder / f"{name}.xsd"
            schema_path.write_text(schema, encoding="utf-8")
            config = Config(
                root=folder,
                schema=schema_path,
                roots=roots,
                package=f"constructs_{name}",
                out=folder,
            )
            files = generate(config)
            write_package(files, folder / config.package)
            validator = jsonschema.Draft202012Validator(
                json.loads(files["schema.json"])
            )
            built[name] = (importlib.import_module(config.package), validator)
        return built[name]

    yield build_package
    sys.path.remove(str(folder))


def _cases():
    for label in sorted(type_shapes.DOCUMENTS):
        yield f"shapes:{label}", "shapes", type_shapes.document(label)
    for label in sorted(type_shapes.ROOT_DOCUMENTS):
        yield f"shapes:{label}", "shapes", type_shapes.ROOT_DOCUMENTS[label]
    for name, (_, documents) in content_models.SCHEMAS.items():
        for content in documents:
            yield f"content:{name}:{content}", name, content_models._document(content)
    for name, attributes in content_models.ATTRIBUTE_DOCUMENTS:
        content = "<a/>" if name == "strict_wildcards" else "<a/><b/><c/><d/>"
        document = content_models._document(content, attributes)
        yield f"content:{name}:{attributes}", name, document
    for element, forms in builtin_types.FORMS.items():
        for lexical in forms:
            document = builtin_types._document(element, lexical)
            yield f"builtin:{element}:{lexical}", "builtin", document


def _schema_of(name: str) -> tuple[str, tuple[str, ...]]:
    """Return the schema text and the root elements of a construct schema."""
    if name == "shapes":
        return type_shapes.SCHEMA, ("doc", "figure", "gadget")
    if name == "builtin":
        return builtin_types._schema_text(), ("doc",)
    return content_models.SCHEMAS[name][0], ("r",)


def _params():
    params = []
    seen = set()
    for case_id, name, document in _cases():
        if case_id in seen:
            continue
        seen.add(case_id)
        marks = []
        if case_id in KNOWN_CONSTRUCT_GAPS:
            marks.append(
                pytest.mark.xfail(reason=KNOWN_CONSTRUCT_GAPS[case_id], strict=True)
            )
        params.append(pytest.param(name, document, id=case_id, marks=marks))
    return params


def _reader_accepts(package, data: str) -> bool:
    try:
        package.read_json(data, rules=False)
    except package.DocumentError:
        return False
    return True


@pytest.mark.parametrize(("name", "document"), _params())
def test_construct_json_verdict_matches_read_json(build, name, document):
    package, validator = build(name, *_schema_of(name))
    try:
        obj = package.read_xml(document, validate=False)
    except package.DocumentError:
        pytest.skip("the document cannot be read even without validation")
    data = package.write_json(obj, validate=False)
    expected = _reader_accepts(package, data)

    assert validator.is_valid(json.loads(data)) == expected, data


def test_known_construct_gaps_name_cases():
    ids = {case_id for case_id, _, _ in _cases()}

    assert sorted(set(KNOWN_CONSTRUCT_GAPS) - ids) == []
