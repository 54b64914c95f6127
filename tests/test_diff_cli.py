"""`python -m codegen diff`: arguments, formats, exit statuses and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.cli import main
from conftest import NEWEST_SNAPSHOT, PROJECT

SCHEMA = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:t="urn:example:cli" targetNamespace="urn:example:cli">
  <xs:element name="item" type="t:Item"/>
  <xs:complexType name="Item">
    <xs:sequence>
      <xs:element name="title">
        <xs:annotation><xs:documentation>{words}</xs:documentation></xs:annotation>
        <xs:simpleType>
          <xs:restriction base="xs:string"><xs:maxLength value="{length}"/></xs:restriction>
        </xs:simpleType>
      </xs:element>
      {extra}
    </xs:sequence>
  </xs:complexType>
</xs:schema>
"""


def write_schema(
    path: Path, *, length: int = 300, extra: str = "", words: str = "A title."
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        SCHEMA.format(length=length, extra=extra, words=words), encoding="utf-8"
    )
    return path


def run_diff(capsys, *arguments: object) -> tuple[int, str, str]:
    status = main(["diff", *map(str, arguments)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def narrowed(tmp_path):
    """A pair where the title's maxLength narrows from 300 to 30."""
    return (
        write_schema(tmp_path / "old.xsd"),
        write_schema(tmp_path / "new.xsd", length=30),
    )


def test_text_report_names_both_audiences(capsys, narrowed):
    status, out, _ = run_diff(capsys, *narrowed, "--root", "item")

    assert status == 1
    assert "1 change, 1 breaking for senders, 0 breaking for receivers." in out
    assert "Item/title  (Item.title)" in out
    assert "maxLength 300 -> 30" in out
    assert "sender:   breaking   maxLength narrowed from 300 to 30" in out
    assert "receiver: compatible" in out


def test_markdown_report_is_a_pull_request_table(capsys, tmp_path):
    old = write_schema(tmp_path / "old.xsd")
    new = write_schema(
        tmp_path / "new.xsd",
        length=3000,
        extra='<xs:element name="code" type="xs:string"/>',
    )

    status, out, _ = run_diff(
        capsys, old, new, "--root", "item", "--format", "markdown"
    )

    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith("### Schema changes: `")
    assert lines[2].startswith("**2 changes, 1 breaking for senders, 2 breaking for")
    assert "| Component | Python | Change | Sender | Receiver |" in lines
    breaking = lines.index("#### Breaking changes")
    rows = [line for line in lines[breaking:] if line.startswith("| `")]
    assert rows[0].startswith("| `Item/code` | `Item.code` | element code added")
    assert "**breaking**" in rows[0]


def _code_with_pattern(pattern: str) -> str:
    return (
        '<xs:element name="code"><xs:simpleType><xs:restriction base="xs:string">'
        f'<xs:pattern value="{pattern}"/></xs:restriction></xs:simpleType></xs:element>'
    )


def test_markdown_escapes_pipes_in_patterns(capsys, tmp_path):
    old = write_schema(tmp_path / "old.xsd", extra=_code_with_pattern("a"))
    new = write_schema(tmp_path / "new.xsd", extra=_code_with_pattern("a|b"))

    _, out, _ = run_diff(capsys, old, new, "--root", "item", "--format", "markdown")

    [row] = [line for line in out.splitlines() if line.startswith("| `Item/code`")]
    assert "/a\\|b/" in row
    assert row.count(" | ") == 4


def test_json_report_lists_every_change_with_affected_classes(capsys, narrowed):
    status, out, _ = run_diff(capsys, *narrowed, "--root", "item", "--format", "json")

    report = json.loads(out)
    assert status == 1
    assert report["summary"]["sender"]["breaking"] == 1
    [change] = report["changes"]
    assert change == {
        "kind": "facet-changed",
        "path": "Item/title",
        "python_name": "Item.title",
        "detail": "maxLength 300 -> 30",
        "severity": "breaking",
        "sender": {
            "severity": "breaking",
            "reason": "maxLength narrowed from 300 to 30: requests valid before "
            "may now be rejected",
        },
        "receiver": {
            "severity": "compatible",
            "reason": "maxLength narrowed from 300 to 30: every new response was "
            "valid before",
        },
        "affected": ["Item"],
    }


@pytest.mark.parametrize(
    "options, expected",
    [
        ([], 1),
        (["--fail-on", "none"], 0),
        (["--fail-on", "breaking", "--audience", "receiver"], 0),
        (["--fail-on", "breaking", "--audience", "sender"], 1),
        (["--fail-on", "any", "--audience", "receiver"], 1),
    ],
)
def test_exit_status_follows_fail_on(capsys, narrowed, options, expected):
    status, _, _ = run_diff(capsys, *narrowed, "--root", "item", *options)

    assert status == expected


def test_fail_on_any_ignores_documentation_changes(capsys, tmp_path):
    old = write_schema(tmp_path / "old.xsd")
    new = write_schema(tmp_path / "new.xsd", words="Another title.")

    status, out, _ = run_diff(capsys, old, new, "--root", "item", "--fail-on", "any")

    assert status == 0
    assert "1 documentation change (shown with --docs)" in out
    assert "Item/title" not in out


def test_docs_option_lists_documentation_changes(capsys, tmp_path):
    old = write_schema(tmp_path / "old.xsd")
    new = write_schema(tmp_path / "new.xsd", words="Another title.")

    _, out, _ = run_diff(capsys, old, new, "--root", "item", "--docs")

    assert "DOCUMENTATION CHANGES" in out
    assert "documentation 'A title.' -> 'Another title.'" in out


def test_report_is_the_same_on_every_run(capsys, narrowed):
    first = run_diff(capsys, *narrowed, "--root", "item", "--format", "markdown")
    second = run_diff(capsys, *narrowed, "--root", "item", "--format", "markdown")

    assert first == second


def test_folder_argument_picks_the_configured_schema_name(capsys, tmp_path):
    write_schema(tmp_path / "old" / "common-1.0.xsd")
    write_schema(tmp_path / "old" / "other.xsd", length=1)
    write_schema(tmp_path / "new" / "common-1.0.xsd", length=30)

    status, out, _ = run_diff(
        capsys, tmp_path / "old", tmp_path / "new", "--root", "item"
    )

    assert status == 1
    assert "maxLength 300 -> 30" in out


def test_folder_without_a_clear_schema_is_refused(capsys, tmp_path):
    write_schema(tmp_path / "old" / "a.xsd")
    write_schema(tmp_path / "old" / "b.xsd")
    new = write_schema(tmp_path / "new.xsd")

    status, _, err = run_diff(capsys, tmp_path / "old", new, "--root", "item")

    assert status == 2
    assert "has no common-1.0.xsd and 2 other schemas (a.xsd, b.xsd)" in err
    assert "name the schema file" in err


def test_missing_schema_is_a_clear_error(capsys, tmp_path):
    new = write_schema(tmp_path / "new.xsd")

    status, _, err = run_diff(capsys, tmp_path / "nothing.xsd", new)

    assert status == 2
    assert "'" + str(tmp_path / "nothing.xsd") + "' is neither a schema file" in err
    assert "Traceback" not in err


def test_root_in_neither_schema_is_a_clear_error(capsys, narrowed):
    status, _, err = run_diff(capsys, *narrowed, "--root", "nothing")

    assert status == 2
    assert "neither schema has a global element of complex type named 'nothing'" in err


def test_removed_root_reported_as_change(capsys, tmp_path):
    old = write_schema(tmp_path / "old.xsd")
    new = tmp_path / "new.xsd"
    new.write_text(
        old.read_text().replace('<xs:element name="item" type="t:Item"/>', "")
    )

    status, out, _ = run_diff(capsys, old, new, "--root", "item")

    assert status == 1
    assert "global element item removed" in out


def test_git_revisions_are_read_with_their_includes(capsys, tmp_path, monkeypatch):
    repository = tmp_path / "repo"
    schema = write_schema(repository / "schema" / "main.xsd")
    included = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:simpleType name="Code"><xs:restriction base="xs:string">'
        '<xs:maxLength value="{0}"/></xs:restriction></xs:simpleType></xs:schema>'
    )
    (repository / "schema" / "part.xsd").write_text(included.format(8))
    schema.write_text(
        schema.read_text()
        .replace(
            '<xs:element name="item"',
            '<xs:include schemaLocation="part.xsd"/><xs:element name="item"',
        )
        .replace(
            "</xs:sequence>", '<xs:element name="code" type="t:Code"/></xs:sequence>'
        )
    )
    git = ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    (repository / "schema" / "part.xsd").write_text(included.format(4))
    subprocess.run([*git, "commit", "-qam", "second"], check=True)
    monkeypatch.chdir(repository)

    status, out, err = run_diff(
        capsys, "HEAD~1:schema/main.xsd", "HEAD:schema/main.xsd", "--root", "item"
    )

    assert status == 1, err
    assert "Code  (simple_types.check_code)" in out
    assert "maxLength 8 -> 4" in out


def test_unknown_git_revision_is_a_clear_error(capsys, tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)

    status, _, err = run_diff(capsys, "nosuchrev:schema/x.xsd", "HEAD:schema/x.xsd")

    assert status == 2
    assert "git could not read 'nosuchrev:schema/x.xsd'" in err


def test_all_ignores_configured_roots(capsys, tmp_path):
    old = tmp_path / "old.xsd"
    new = tmp_path / "new.xsd"
    old.write_text(APPROXIMATED_SCHEMA, encoding="utf-8")
    new.write_text(
        APPROXIMATED_SCHEMA.replace(
            "</xs:schema>", '<xs:element name="other" type="xs:int"/></xs:schema>'
        ),
        encoding="utf-8",
    )

    status, out, err = run_diff(capsys, old, new, "--all", "--fail-on", "none")

    assert status == 0, err
    assert "Roots: every global element and named type" in out


def test_every_type_of_the_published_schema_compares(capsys, schemas_folder):
    status, out, err = run_diff(
        capsys,
        schemas_folder / "2014-06-27",
        schemas_folder / NEWEST_SNAPSHOT,
        "--all",
        "--format",
        "json",
    )

    report = json.loads(out)
    paths = {change["path"] for change in report["changes"]}
    assert status == 1, err
    assert report["roots"] == ["every global element and named type"]
    assert "BaseContactDetails/secondaryEmail" in paths
    assert "Address/street" in paths
    # Every construct of the published common schemas is in the generator's
    # vocabulary now, so nothing is approximated.
    assert report["approximated"] == []


def markdown_row_for_added_values(capsys, tmp_path, values: str) -> str:
    """Return the Markdown row of enumeration `values` (XSD facets) added to Item/code."""
    enumeration = (
        '<xs:element name="code"><xs:simpleType><xs:restriction base="xs:string">'
        '<xs:enumeration value="a"/>{0}</xs:restriction></xs:simpleType></xs:element>'
    )
    old = write_schema(tmp_path / "old.xsd", extra=enumeration.format(""))
    new = write_schema(tmp_path / "new.xsd", extra=enumeration.format(values))

    _, out, _ = run_diff(capsys, old, new, "--root", "item", "--format", "markdown")

    [row] = [line for line in out.splitlines() if line.startswith("| `Item/code`")]
    return row


def test_markdown_shows_html_and_backticks_as_written(capsys, tmp_path):
    row = markdown_row_for_added_values(
        capsys,
        tmp_path,
        '<xs:enumeration value="&lt;script&gt;"/><xs:enumeration value="x`y"/>'
        '<xs:enumeration value=" "/>',
    )

    assert "values added: '&lt;script&gt;', 'x\\`y', ' '" in row


def test_markdown_shows_emphasis_and_links_as_written(capsys, tmp_path):
    row = markdown_row_for_added_values(
        capsys,
        tmp_path,
        '<xs:enumeration value="*x*"/><xs:enumeration value="_y_"/>'
        '<xs:enumeration value="[link](http://x)"/><xs:enumeration value="~~z~~"/>',
    )

    assert "'\\*x\\*'" in row
    assert "'\\_y\\_'" in row
    assert "'\\[link\\](http://x)'" in row
    assert "'\\~\\~z\\~\\~'" in row


# A required reference to an abstract element without members, which the
# generator approximates, named so that Markdown needs an escape.
APPROXIMATED_SCHEMA = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:t="urn:example:cli" targetNamespace="urn:example:cli">
  <xs:element name="item">
    <xs:complexType><xs:sequence><xs:element ref="t:my_code"/></xs:sequence></xs:complexType>
  </xs:element>
  <xs:element name="my_code" type="xs:string" abstract="true"/>
</xs:schema>
"""


def test_markdown_escapes_approximated_constructs(capsys, tmp_path):
    old = tmp_path / "old.xsd"
    new = tmp_path / "new.xsd"
    for path in (old, new):
        path.write_text(APPROXIMATED_SCHEMA, encoding="utf-8")

    _, out, _ = run_diff(capsys, old, new, "--root", "item", "--format", "markdown")

    [line] = [line for line in out.splitlines() if "abstract element" in line]
    assert line.startswith("> - ")
    assert "abstract element 'my\\_code'" in line


def test_missing_location_file_is_an_argument_error(capsys, narrowed):
    status, _, err = run_diff(
        capsys, *narrowed, "--root", "item", "--location", "urn:x=/nonexistent.xsd"
    )

    assert status == 2
    assert "names no schema file" in err


def test_folder_without_schemas_says_so(capsys, tmp_path, narrowed):
    (tmp_path / "empty").mkdir()

    status, _, err = run_diff(capsys, tmp_path / "empty", narrowed[1], "--root", "item")

    assert status == 2
    assert "contains no schema" in err


def test_closed_output_pipe_is_not_an_internal_error(narrowed):
    command = [
        sys.executable,
        "-m",
        "codegen",
        "diff",
        *map(str, narrowed),
        "--root",
        "item",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT
    )
    process.stdout.close()  # the reader goes away before the report is written
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)

    assert "INTERNAL ERROR" not in stderr
    assert "Traceback" not in stderr
