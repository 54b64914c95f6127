"""The project's own schema states the same contract as the newest published snapshot."""

from __future__ import annotations

from codegen.load import build_model, load_schema
from conftest import NEWEST_SNAPSHOT, PROJECT

ROOTS = ["realtorContactDetail", "realtorContactDetailsList", "messages"]


def _contract(path):
    return build_model(load_schema(path), ROOTS, source=path.name).contract()


def test_own_schema_equals_newest_snapshot(schemas_folder):
    ours = _contract(PROJECT / "schema" / "common-1.0.xsd")
    published = _contract(schemas_folder / NEWEST_SNAPSHOT / "common-1.0.xsd")

    assert sorted(ours["complex_types"]) == sorted(published["complex_types"])
    assert sorted(ours["enumerations"]) == sorted(published["enumerations"])
    for key in published["complex_types"]:
        assert ours["complex_types"][key] == published["complex_types"][key], key
    for key in published["enumerations"]:
        assert ours["enumerations"][key] == published["enumerations"][key], key
    assert ours["roots"] == published["roots"]


def test_contract_comparison_sees_a_changed_facet(schemas_folder, tmp_path):
    """The comparison above can fail: one narrowed maxLength makes the contracts differ."""
    text = (PROJECT / "schema" / "common-1.0.xsd").read_text(encoding="utf-8")
    changed = tmp_path / "common-1.0.xsd"
    changed.write_text(
        text.replace('<xs:maxLength value="15"/>', '<xs:maxLength value="14"/>', 1),
        encoding="utf-8",
    )

    assert _contract(changed) != _contract(PROJECT / "schema" / "common-1.0.xsd")
