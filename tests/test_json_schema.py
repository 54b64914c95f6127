"""Check the generated schema.json against the generated JSON reader.

The JSON Schema must accept exactly the documents that
`read_json(..., rules=False)` accepts: the recorded payloads, the facet
oracle's JSON cases and the JSON-specific cases of `json_cases`. Where JSON
Schema cannot express what the reader checks, the case is listed in
KNOWN_SCHEMA_GAPS as a strict xfail with the reason. README.md lists the same
gaps.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
import shutil
import subprocess

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen.errors import CodegenError
from codegen.generate import load_model
from codegen.json_schema import (
    DIALECT,
    _integer_range_text,
    json_schema_text,
)
from conftest import payload_files
from json_cases import JsonCase, all_cases, verdict_of_reader
from test_facet_oracle import CONFIG, MODEL

SCHEMA = json.loads(
    importlib.resources.files("is24_common").joinpath("schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
CASES = all_cases()

PATTERN_ON_NUMBER = (
    "JSON Schema cannot match a pattern against the text of a number, so a "
    "string type with a pattern accepts only JSON strings"
)
FRACTION_TEXT_LENGTH = (
    "JSON Schema cannot measure the repr() text of a number with a fraction, so "
    "it accepts one only where every such text fits the length facets"
)
INTEGRAL_FRACTION = (
    "JSON Schema treats 5.0 as the integer 5, but the reader reads its text "
    "5.0, which is not an xs:long"
)
COLLAPSED_LENGTH = (
    "the reader collapses whitespace before it checks the length; JSON Schema "
    "counts the text as sent"
)
MERGED_NESTED_ARRAY = (
    "merging the array form of a root unwraps one level of arrays, so the reader "
    "accepts an array of arrays there"
)

# Case id -> why schema.json gives another verdict than read_json.
KNOWN_SCHEMA_GAPS = {
    **dict.fromkeys(
        [
            f"RealtorContactDetails/{kind}Number{part}:number-12"
            for kind in ("fax", "phone", "cellPhone")
            for part in ("AreaCode", "Subscriber")
        ],
        PATTERN_ON_NUMBER,
    ),
    "RealtorContactDetails/title:number-fraction": FRACTION_TEXT_LENGTH,
    "Address/postcode:number-fraction": FRACTION_TEXT_LENGTH,
    "Address/postcode:fraction-long-repr": FRACTION_TEXT_LENGTH,
    "RealtorContactDetails/@id:number-integral-fraction": INTEGRAL_FRACTION,
    "RealtorContactDetails/realEstateReferenceCount:number-integral-fraction": (
        INTEGRAL_FRACTION
    ),
    **dict.fromkeys(
        [
            f"facet:BaseContactDetails/{member}:{case}"
            for member in ("homepageUrl", "portraitUrl", "clickOutUrl")
            for case in ("max-length-in-spaces", "max-length-double-space")
        ],
        COLLAPSED_LENGTH,
    ),
    "messages:wrapper-nested-array": MERGED_NESTED_ARRAY,
}


def case_params(cases: list[JsonCase], known: dict[str, str]) -> list:
    """Return the cases as pytest parameters, known gaps as strict xfails."""
    params = []
    for case in cases:
        marks = []
        if case.case_id in known:
            marks.append(pytest.mark.xfail(reason=known[case.case_id], strict=True))
        params.append(pytest.param(case, id=case.case_id, marks=marks))
    return params


def schema_accepts(data: bytes) -> bool:
    return VALIDATOR.is_valid(json.loads(data))


def describe(case: JsonCase, expected: bool) -> str:
    errors = list(VALIDATOR.iter_errors(json.loads(case.data)))[:3]
    reasons = "; ".join(
        f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"
        for error in errors
    )
    return (
        f"read_json {'accepts' if expected else 'rejects'} {case.case_id}, the schema "
        f"does not ({reasons or 'no schema errors'})\n{case.data.decode()[:1500]}"
    )


# The schema itself.


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)

    assert SCHEMA["$schema"] == DIALECT
    assert SCHEMA["$id"].startswith("urn:")


def test_schema_defines_each_type_and_enumeration():
    names = {item.python_name for item in MODEL.complex_types.values()}
    names |= {item.python_name for item in MODEL.enumerations.values()}

    assert names <= set(SCHEMA["$defs"])


def test_schema_objects_reject_unknown_members():
    for complex_type in MODEL.complex_types.values():
        definition = SCHEMA["$defs"][complex_type.python_name]
        assert definition["additionalProperties"] is False, complex_type.python_name


def test_schema_generation_is_deterministic():
    first = json_schema_text(load_model(CONFIG), CONFIG, MODEL.source)
    second = json_schema_text(load_model(CONFIG), CONFIG, MODEL.source)

    assert first == second


def test_packaged_schema_is_current():
    assert (
        json_schema_text(MODEL, CONFIG, MODEL.source)
        == json.dumps(SCHEMA, indent=2, ensure_ascii=False) + "\n"
    )


def every_pattern(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [
            item for value in node.values() for item in every_pattern(value)
        ]
    if isinstance(node, list):
        return [item for value in node for item in every_pattern(value)]
    return []


def test_patterns_compile_as_ecmascript():
    """Every pattern is a valid ECMAScript regular expression in Unicode mode."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; it checks the ECMAScript syntax")
    patterns = sorted(set(every_pattern(SCHEMA)))
    script = (
        "const patterns = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const bad = [];"
        "for (const p of patterns) { try { new RegExp(p, 'u'); } "
        "catch (e) { bad.push(p.slice(0, 80) + ': ' + e.message); } }"
        "console.log(JSON.stringify(bad));"
    )
    result = subprocess.run(
        [node, "-e", script],
        input=json.dumps(patterns),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert json.loads(result.stdout) == []


# XSD patterns with each kind of construct that elementpath expands, and texts
# that tell their classes apart.
TRANSLATED_PATTERNS = [
    r"\d{1,3}",
    r"[\d \-]+",
    r"\s+\S",
    r"\w+",
    r"[a\W]",
    r"\i\c*",
    r"\D",
    r"[a-z-[aeiou]]+",
    r"\p{IsBasicLatin}+",
    r"\p{Lu}\P{Lu}",
    r".+@.+\..+",
]
SAMPLE_TEXTS = [
    "a",
    "b",
    "ab",
    "Ab",
    " ",
    "\t",
    "\u00a0",
    "5",
    "\u0663",
    "_",
    "\u00e9",
    "a b",
]
SAMPLE_TEXTS += [
    "\U0001d7ce",
    ":",
    "-",
    "x1",
    "a@b.c",
    "a@b.c\n",
    "Ωx",
    "12 3",
    "\u2028",
]


# Patterns where xmlschema 4.3.2 is known wrong: outside brackets it matches
# \s and \w with Python's classes (U+00A0 as \s, "_" as \w), so lxml
# gives the XSD verdict. Elsewhere xmlschema is the oracle: lxml takes \i and
# \c from the older tables of XML 1.0, where U+0663 is no name character.
XMLSCHEMA_WRONG_PATTERNS = {r"\s+\S", r"\w+"}


def oracle_verdicts(pattern: str, texts: list[str]) -> list[bool]:
    """Return whether the oracle accepts each text for a string type with `pattern`."""
    import xmlschema

    etree = pytest.importorskip("lxml.etree")
    source = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="e"><xs:simpleType><xs:restriction base="xs:string">'
        f'<xs:pattern value="{pattern}"/>'
        "</xs:restriction></xs:simpleType></xs:element></xs:schema>"
    )
    if pattern in XMLSCHEMA_WRONG_PATTERNS:
        schema = etree.XMLSchema(etree.fromstring(source))
        is_valid = schema.validate
    else:
        is_valid = xmlschema.XMLSchema10(source).is_valid
    verdicts = []
    for text in texts:
        element = etree.Element("e")
        element.text = text
        if pattern not in XMLSCHEMA_WRONG_PATTERNS:
            element = etree.tostring(element, encoding="unicode")
        verdicts.append(is_valid(element))
    return verdicts


def test_patterns_match_as_in_xsd():
    """Each translated pattern matches the same texts in ECMAScript, Python and XSD."""
    import re

    from codegen.json_schema import _anchored, _ecmascript_pattern

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; it runs the ECMAScript patterns")
    translated = []
    for pattern in TRANSLATED_PATTERNS:
        body, reason = _ecmascript_pattern(pattern, "test")
        assert reason == "", pattern
        translated.append(_anchored(body))
    script = (
        "const [patterns, texts] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(patterns.map("
        "p => texts.map(t => new RegExp(p, 'u').test(t)))));"
    )
    result = subprocess.run(
        [node, "-e", script],
        input=json.dumps([translated, SAMPLE_TEXTS]),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ecmascript = json.loads(result.stdout)
    for index, pattern in enumerate(TRANSLATED_PATTERNS):
        expected = oracle_verdicts(pattern, SAMPLE_TEXTS)
        in_python = [
            re.search(translated[index], text) is not None for text in SAMPLE_TEXTS
        ]
        assert ecmascript[index] == expected, pattern
        assert in_python == expected, pattern


@given(
    st.integers(-(10**25), 10**25),
    st.integers(0, 10**25),
    st.integers(-(10**26), 10**26),
)
def test_integer_range_text_is_exact(low, width, number):
    import re

    high = low + width
    pattern = re.compile(f"(?:{_integer_range_text(low, high)})")
    for candidate in (number, low, high, low - 1, high + 1, 0):
        inside = low <= candidate <= high
        assert (pattern.fullmatch(str(candidate)) is not None) == inside, candidate
        padded = ("-" if candidate < 0 else "+") + "00" + str(abs(candidate))
        assert (pattern.fullmatch(padded) is not None) == inside, padded


# Constructs the writer does not handle raise instead of giving a wrong schema.


def model_with_changed_element(**changes: object):
    model = load_model(CONFIG)
    key, complex_type = next(iter(model.complex_types.items()))
    element = dataclasses.replace(complex_type.elements[0], **changes)
    elements = (element, *complex_type.elements[1:])
    model.complex_types[key] = dataclasses.replace(complex_type, elements=elements)
    return model


def test_unhandled_element_kind_raises():
    model = model_with_changed_element(kind="all")

    with pytest.raises(CodegenError, match="kind"):
        json_schema_text(model, CONFIG, model.source)


def string_element_schema(**changes: object) -> tuple[dict, dict]:
    """Return the $defs and the member schema of a changed xs:string element."""
    model = load_model(CONFIG)
    for key, complex_type in model.complex_types.items():
        for index, element in enumerate(complex_type.elements):
            simple_type = element.simple_type
            if simple_type is not None and simple_type.builtin == "string":
                break
        else:
            continue
        break
    changed = dataclasses.replace(element, **changes)
    elements = list(complex_type.elements)
    elements[index] = changed
    model.complex_types[key] = dataclasses.replace(
        complex_type, elements=tuple(elements)
    )
    schema = json.loads(json_schema_text(model, CONFIG, model.source))
    member = schema["$defs"][complex_type.python_name]["properties"][element.name]
    return schema["$defs"], member


def test_nillable_element_accepts_null():
    definitions, member = string_element_schema(nillable=True, max_occurs=1)
    validator = jsonschema.Draft202012Validator({**member, "$defs": definitions})

    assert validator.is_valid(None)
    assert not validator.is_valid([None])
    assert validator.is_valid("text")


def test_fixed_string_element_accepts_only_fixed_text():
    definitions, member = string_element_schema(fixed="x", max_occurs=1)
    validator = jsonschema.Draft202012Validator({**member, "$defs": definitions})

    assert validator.is_valid("x")
    assert not validator.is_valid("y")


def test_unhandled_wildcard_raises():
    model = load_model(CONFIG)
    key, complex_type = next(iter(model.complex_types.items()))
    model.complex_types[key] = dataclasses.replace(
        complex_type, any_element='namespace="##other"'
    )

    with pytest.raises(CodegenError, match="any_element"):
        json_schema_text(model, CONFIG, model.source)


# Verdicts.


def test_known_gaps_name_existing_cases():
    ids = {case.case_id for case in CASES}

    assert sorted(set(KNOWN_SCHEMA_GAPS) - ids) == []


def test_case_ids_are_unique():
    ids = [case.case_id for case in CASES]

    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN_SCHEMA_GAPS))
def test_schema_verdict_matches_read_json(case):
    expected = verdict_of_reader(case.data)

    assert schema_accepts(case.data) == expected, describe(case, expected)


def payload_verdicts(folder) -> list[str]:
    """Return the JSON payloads of a folder on which the schema and the reader differ."""
    differences = []
    for path in payload_files(folder, ".json"):
        case = JsonCase(path.name, path.read_bytes())
        expected = verdict_of_reader(case.data)
        if schema_accepts(case.data) != expected:
            differences.append(describe(case, expected))
    return differences


def test_recorded_payload_verdicts_match(cases_folder):
    folder = cases_folder / "is24-payloads"

    assert payload_files(folder, ".json")
    assert payload_verdicts(folder) == []


def test_seed_example_verdicts_match(seed_folder):
    assert payload_files(seed_folder, ".json")
    assert payload_verdicts(seed_folder) == []


def test_construct_case_verdicts(cases_folder, tmp_path):
    """The schema of each small construct schema agrees with its reader.

    The JSON documents are the construct cases' instances, read without
    validation and written as JSON, so they carry the cases' invalid values.
    """
    import importlib
    import sys
    import xml.etree.ElementTree as ET

    from codegen.cli import main

    folders = sorted(
        path for path in (cases_folder / "codegen").iterdir() if path.is_dir()
    )
    checked = 0
    differences = []
    sys.path.insert(0, str(tmp_path))
    try:
        for folder in folders:
            package = "json_case_" + folder.name.replace("-", "_")
            roots = sorted(
                {
                    ET.parse(path).getroot().tag.rpartition("}")[2]
                    for path in folder.glob("*.xml")
                }
            )
            arguments = ["--schema", str(folder / "schema.xsd"), "--out", str(tmp_path)]
            arguments += ["--package", package, "-q"]
            for root in roots:
                arguments += ["--root", root]
            if main(arguments) != 0:
                continue  # a construct the generator does not support yet
            generated = importlib.import_module(package)
            schema = json.loads((tmp_path / package / "schema.json").read_text("utf-8"))
            validator = jsonschema.Draft202012Validator(schema)
            for instance in sorted(folder.glob("*.xml")):
                try:
                    obj = generated.read_xml(instance.read_bytes(), validate=False)
                except generated.DocumentError:
                    continue  # not readable as a document at all
                data = generated.write_json(obj, validate=False)
                try:
                    generated.read_json(data, rules=False)
                    expected = True
                except generated.DocumentError:
                    expected = False
                checked += 1
                if validator.is_valid(json.loads(data)) != expected:
                    differences.append(f"{folder.name}/{instance.name}: {data[:300]}")
    finally:
        sys.path.remove(str(tmp_path))

    assert checked > 0
    assert differences == []


def test_killed_run_staging_with_schema_is_removed(tmp_path):
    """A staging folder that a killed run left with schema.json goes on the next run."""
    from codegen.cli import main
    from codegen.write import GENERATED_MARK, JSON_GENERATED_MARK
    from test_generator import _small_generation, _staging_folder

    arguments, out = _small_generation(tmp_path)
    assert main(arguments) == 0
    assert (out / "pkg" / "schema.json").read_text().startswith(JSON_GENERATED_MARK)
    whole = _staging_folder(
        out,
        ".pkg-abcd1234",
        {"models.py": GENERATED_MARK, "schema.json": JSON_GENERATED_MARK + "x"},
    )
    cut_short = _staging_folder(
        out, ".pkg-efgh5678", {"schema.json": JSON_GENERATED_MARK[:5]}
    )
    foreign = _staging_folder(out, ".pkg-ijkl9012", {"schema.json": '{"a": 1}'})

    assert main(arguments) == 0

    assert not whole.exists()
    assert not cut_short.exists()
    assert foreign.exists()
