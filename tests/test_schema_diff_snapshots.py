"""The change report over IS24's published snapshots, and the locality of regenerated code.

The report must name what really changed between consecutive snapshots, and a
regeneration must change the generated code of those types only: the classes
whose code differs between two generations equal the classes the report lists
as affected.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from codegen.diff import compare_models
from codegen.generate import load_model
from codegen.naming import snake_case
from conftest import NEWEST_SNAPSHOT
from test_snapshots import SNAPSHOTS

PAIRS = list(zip(SNAPSHOTS, SNAPSHOTS[1:]))
# Generated definitions named after a class: functions with these prefixes, and
# module constants such as _MESSAGE_TAGS.
_FUNCTION_PREFIX = re.compile(r"^(?:_read_|_write_|parse_|check_|format_|validate_)")


_MODELS: dict[str, object] = {}


def _model(project_config, schemas_folder: Path, snapshot: str):
    """Return the model of one snapshot, built once per test session."""
    if snapshot not in _MODELS:
        _MODELS[snapshot] = load_model(
            project_config.with_overrides(
                schema=schemas_folder / snapshot / "common-1.0.xsd"
            )
        )
    return _MODELS[snapshot]


def _changes(project_config, schemas_folder, old: str, new: str):
    return compare_models(
        _model(project_config, schemas_folder, old),
        _model(project_config, schemas_folder, new),
    )


@pytest.mark.parametrize("old, new", PAIRS, ids=[f"{a}..{b}" for a, b in PAIRS])
def test_consecutive_snapshots_compare(project_config, schemas_folder, old, new):
    changes = _changes(project_config, schemas_folder, old, new)

    for change in changes:
        assert change.path and change.detail, change
        assert change.sender.reason and change.receiver.reason, change


def test_show_on_profile_page_arrives_compatible_for_senders(
    project_config, schemas_folder
):
    changes = _changes(project_config, schemas_folder, "2014-10-28", "2014-12-01")

    [change] = [
        c for c in changes if c.path == "RealtorContactDetails/showOnProfilePage"
    ]
    assert change.kind == "element-added"
    assert change.python_name == "RealtorContactDetails.show_on_profile_page"
    assert change.sender.severity == "compatible"
    assert change.receiver.severity == "breaking"


def test_newest_snapshot_adds_new_fields(project_config, schemas_folder):
    changes = _changes(project_config, schemas_folder, "2018-10-12", NEWEST_SNAPSHOT)

    added = {c.path for c in changes if c.kind == "element-added"}
    assert {
        "BaseContactDetails/secondaryEmail",
        "BaseContactDetails/clickOutUrl",
    } <= added


def test_title_narrowed_in_2014_breaks_senders(project_config, schemas_folder):
    changes = _changes(project_config, schemas_folder, "2014-08-24", "2014-10-28")

    [title] = [c for c in changes if c.path == "BaseContactDetails/title"]
    assert title.detail == "maxLength 50 -> 15"
    assert (title.sender.severity, title.receiver.severity) == (
        "breaking",
        "compatible",
    )


def test_project_schema_matches_newest_snapshot_structurally(
    project_config, schemas_folder
):
    ours = load_model(project_config)
    published = _model(project_config, schemas_folder, NEWEST_SNAPSHOT)

    structural = [c for c in compare_models(ours, published) if c.severity != "docs"]

    assert structural == []


@pytest.mark.parametrize("old, new", PAIRS, ids=[f"{a}..{b}" for a, b in PAIRS])
def test_regenerated_code_changes_only_the_reported_types(
    project_config, schemas_folder, generated_packages, old, new
):
    code = {}
    for snapshot in (old, new):
        package = f"snapshot_{snapshot.replace('-', '_')}"
        generated_packages(package, schemas_folder / snapshot / "common-1.0.xsd")
        code[snapshot] = _definitions(generated_packages.files[package], package)
    model = _model(project_config, schemas_folder, new)
    class_names = [
        *(t.python_name for t in model.complex_types.values()),
        *model.enumerations,
    ]
    simple_type_functions = _simple_type_functions(
        [_model(project_config, schemas_folder, old), model]
    )
    changes = _changes(project_config, schemas_folder, old, new)

    changed = {
        key
        for key in code[old].keys() | code[new].keys()
        if code[old].get(key) != code[new].get(key)
    }
    # The schema digest of exports.py covers every byte of the schema files, so
    # it is checked on its own: it changes exactly when the files differ.
    digest = ("exports.py", "SCHEMA_DIGEST")
    assert (digest in changed) == _schema_files_differ(schemas_folder, old, new)
    changed.discard(digest)
    changed_classes = {
        simple_type_functions.get(name) or _owner(name, class_names)
        for _, name in changed
    }
    reported = {name for change in changes for name in change.affected}

    assert changed_classes == reported, sorted(changed)


def _schema_files_differ(schemas_folder: Path, old: str, new: str) -> bool:
    names = ("common-1.0.xsd", "includes/messages-1.0.xsd")
    return any(
        (schemas_folder / old / name).read_bytes()
        != (schemas_folder / new / name).read_bytes()
        for name in names
    )


def _definitions(files: dict[str, str], package: str) -> dict[tuple[str, str], str]:
    """Return the source of each top-level definition, keyed by (module, name)."""
    result = {}
    for module, text in files.items():
        if not module.endswith(".py"):
            continue
        text = text.replace(package, "PACKAGE")
        lines = text.splitlines(keepends=True)
        for node in ast.parse(text).body:
            # Top-level statements span whole lines.
            segment = "".join(lines[node.lineno - 1 : node.end_lineno])
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                name = node.name
            elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                name = node.target.id
            else:
                name = f"<statement {segment}>"
            result[(module, name)] = segment
    return result


def _simple_type_functions(models) -> dict[str, str]:
    """Map the functions of each named, non-enumerated simple type to its report name."""
    functions = {}
    for model in models:
        for complex_type in model.complex_types.values():
            for item in [*complex_type.elements, *complex_type.attributes]:
                simple_type = item.simple_type
                if simple_type is None or not simple_type.name:
                    continue
                if simple_type.is_enumeration or simple_type.name.startswith(
                    "{http://www.w3.org/2001/XMLSchema}"
                ):
                    continue
                suffix = snake_case(simple_type.name.rpartition("}")[2])
                for prefix in ("parse_", "check_", "format_"):
                    functions[prefix + suffix] = f"simple_types.{suffix}"
    return functions


def _owner(name: str, class_names: list[str]) -> str:
    """Return the class a generated definition belongs to, or `package` for shared code."""
    if name in class_names:
        return name
    stem = _FUNCTION_PREFIX.sub("", name).strip("_").lower()
    owners = [
        class_name
        for class_name in class_names
        if stem == snake_case(class_name)
        or stem.startswith(snake_case(class_name) + "_")
    ]
    return max(owners, key=len) if owners else "package"


def test_owner_of_generated_definitions():
    classes = ["ContactDetails", "RealtorContactDetails", "Message", "MessageCode"]

    assert _owner("check_realtor_contact_details_title", classes) == (
        "RealtorContactDetails"
    )
    assert _owner("_read_contact_details", classes) == "ContactDetails"
    assert _owner("_MESSAGE_TAGS", classes) == "Message"
    assert _owner("parse_message_code", classes) == "MessageCode"
    assert _owner("read_xml", classes) == "package"
