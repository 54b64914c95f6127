"""Check the pydantic target against the generated JSON reader.

`python -m codegen --target pydantic` generates pydantic v2 models from
schema.json with datamodel-code-generator. The models must accept exactly the
documents that `read_json(..., rules=False)` accepts. Where they do not, the
case is listed in KNOWN_PYDANTIC_GAPS as a strict xfail with the reason;
README.md lists the same gaps.
"""

from __future__ import annotations

import importlib
import sys

import pytest

from codegen.cli import main
from codegen.generate import load_model
from codegen.pydantic_target import generate_pydantic
from codegen.write import GENERATED_MARK, write_package
from conftest import payload_files
from json_cases import all_cases, verdict_of_reader
from test_facet_oracle import CONFIG
from test_json_schema import (
    COLLAPSED_LENGTH,
    FRACTION_TEXT_LENGTH,
    KNOWN_SCHEMA_GAPS,
    MERGED_NESTED_ARRAY,
    PATTERN_ON_NUMBER,
    case_params,
)

# The pydantic target needs the `pydantic` or `test` extra.
pydantic = pytest.importorskip("pydantic")
pytest.importorskip("datamodel_code_generator")

CASES = all_cases()

ROOT_COUNT = (
    "datamodel-code-generator drops minProperties and maxProperties, so the "
    "Document model accepts no root or several"
)
OCCURRENCES_IN_ARRAY_FORM = (
    "the occurrence counts of the array form of a root use `contains`, which "
    "datamodel-code-generator cannot model, so they are left out"
)
STRICT_INTEGER = (
    "pydantic's strict int rejects 5.0, which the reader reads as the text 5.0 "
    "of a string"
)

# Case id -> why the pydantic models give another verdict than read_json. The
# models inherit the schema's gaps where pydantic agrees with the schema.
KNOWN_PYDANTIC_GAPS = {
    **{
        case_id: reason
        for case_id, reason in KNOWN_SCHEMA_GAPS.items()
        if reason
        in (
            PATTERN_ON_NUMBER,
            FRACTION_TEXT_LENGTH,
            COLLAPSED_LENGTH,
            MERGED_NESTED_ARRAY,
        )
    },
    "RealtorContactDetails/title:number-integral-fraction": STRICT_INTEGER,
    "Address/postcode:number-integral-fraction": STRICT_INTEGER,
    "document:empty-object": ROOT_COUNT,
    "document:two-roots": ROOT_COUNT,
    "messages:only-empty-wrappers": OCCURRENCES_IN_ARRAY_FORM,
}


@pytest.fixture(scope="module")
def pydantic_files() -> dict[str, str]:
    return generate_pydantic(load_model(CONFIG), CONFIG)


@pytest.fixture(scope="module")
def pydantic_package(pydantic_files, tmp_path_factory):
    """The pydantic package, written to a temporary folder and imported."""
    folder = tmp_path_factory.mktemp("pydantic")
    name = CONFIG.pydantic_target_package()
    write_package(pydantic_files, folder / name)
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop(name, None)
        sys.modules.pop(f"{name}.models", None)


def pydantic_accepts(package, data: bytes) -> bool:
    try:
        package.validate_json(data)
    except pydantic.ValidationError:
        return False
    return True


# The generated package.


def test_generation_is_deterministic(pydantic_files):
    second = generate_pydantic(load_model(CONFIG), CONFIG)

    assert second == pydantic_files


def test_files_start_with_header(pydantic_files):
    for name, text in pydantic_files.items():
        if name.endswith(".py"):
            assert text.startswith(GENERATED_MARK), name


def test_models_are_black_formatted(pydantic_files):
    import black

    for name, text in pydantic_files.items():
        if name.endswith(".py"):
            assert black.format_str(text, mode=black.Mode()) == text, name


def test_cli_writes_and_checks_package(tmp_path, capsys):
    name = CONFIG.pydantic_target_package()
    arguments = ["--target", "pydantic", "--out", str(tmp_path), "-q"]

    assert main(arguments) == 0
    assert (tmp_path / name / "models.py").is_file()
    assert main([*arguments, "--check"]) == 0

    models = tmp_path / name / "models.py"
    models.write_text(models.read_text() + "\n# edited\n")

    assert main([*arguments, "--check"]) == 1
    assert "models.py" in capsys.readouterr().out


# Verdicts.


def test_known_gaps_name_existing_cases():
    ids = {case.case_id for case in CASES}

    assert sorted(set(KNOWN_PYDANTIC_GAPS) - ids) == []


@pytest.mark.parametrize("case", case_params(CASES, KNOWN_PYDANTIC_GAPS))
def test_pydantic_verdict_matches_read_json(case, pydantic_package):
    expected = verdict_of_reader(case.data)

    assert pydantic_accepts(pydantic_package, case.data) == expected, (
        f"read_json {'accepts' if expected else 'rejects'} {case.case_id}, the "
        f"pydantic models do not\n{case.data.decode()[:1500]}"
    )


def payload_differences(package, folder) -> list[str]:
    differences = []
    for path in payload_files(folder, ".json"):
        data = path.read_bytes()
        if pydantic_accepts(package, data) != verdict_of_reader(data):
            differences.append(path.name)
    return differences


def test_recorded_payload_verdicts_match(cases_folder, pydantic_package):
    folder = cases_folder / "is24-payloads"

    assert payload_files(folder, ".json")
    assert payload_differences(pydantic_package, folder) == []


def test_seed_example_verdicts_match(seed_folder, pydantic_package):
    assert payload_files(seed_folder, ".json")
    assert payload_differences(pydantic_package, seed_folder) == []


def test_valid_document_gives_models(pydantic_package):
    case = next(case for case in CASES if case.case_id == "realtorContactDetail:base")

    document = pydantic_package.validate_json(case.data)

    assert document.common_realtorContactDetail is not None
