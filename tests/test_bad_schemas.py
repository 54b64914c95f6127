"""The generator under bad input: a clear error, exit status 2, output untouched.

Every case runs against two output folders: one that contains a previous
generation, and one that does not exist yet. After the failed run, the folder
that contains them must be byte-identical to its state before, with no
temporary folder left behind.
"""

from __future__ import annotations

import ast
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.generate import generate
from codegen.naming import RESERVED_CLASS_NAMES
from conftest import PROJECT

PACKAGE = "pkg"
SCHEMA_OPEN = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"


def xsd(*lines: str, open_tag: str = SCHEMA_OPEN) -> str:
    """Return a schema whose body line k (counting from 1) is line k + 1 of the file."""
    return "\n".join([open_tag, *lines, "</xs:schema>", ""])


def complex_root(*content: str) -> list[str]:
    return [
        "<xs:element name='a'>",
        "<xs:complexType>",
        *content,
        "</xs:complexType>",
        "</xs:element>",
    ]


def nested_anonymous_types(depth: int) -> list[str]:
    """Return a root element `a` with `depth` anonymous complex types nested inside."""
    opening = [
        f"<xs:complexType><xs:sequence><xs:element name='e{level}'>"
        for level in range(depth)
    ]
    closing = ["</xs:element></xs:sequence></xs:complexType>"] * depth
    return ["<xs:element name='a'>", *opening, *closing, "</xs:element>"]


VALID_SCHEMA = xsd(
    *complex_root(
        "<xs:sequence>", "<xs:element name='b' type='xs:string'/>", "</xs:sequence>"
    )
)


@dataclass
class Case:
    """A bad input and the parts its error message must contain."""

    files: dict[str, str | bytes]
    expected: list[str]
    line: int | None = None
    component: str | None = None
    # The file that the message names: the main schema unless set, none if None.
    named_file: str | None = "schema.xsd"
    arguments: list[str] = field(default_factory=list)


def unused_port() -> int:
    """Return a port of 127.0.0.1 on which nothing listens (free when checked)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CASES = {
    "not_well_formed": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='a'>", "<xs:complexType>", "</xs:element>"
            )
        },
        ["not well-formed XML", "mismatched tag"],
        line=4,
    ),
    "invalid_attribute_on_element": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='z' type='xs:string'/>",
                "<xs:element name='a' bogus='1' type='xs:string'/>",
            )
        },
        ["the schema is invalid", "attribute 'bogus' not allowed"],
        line=3,
        component="<xs:element name='a' bogus='1' type='xs:string'>",
    ),
    "unknown_schema_child": Case(
        {"schema.xsd": xsd(*complex_root("<xs:sequence/>"), "<xs:frob/>")},
        ["the schema is invalid", "xs:frob"],
        component="<xs:schema>",
    ),
    "missing_include": Case(
        {
            "schema.xsd": xsd(
                "",
                "<xs:include schemaLocation='missing.xsd'/>",
                *complex_root(),
            )
        },
        ["an included schema could not be loaded", "missing.xsd", "No such file"],
        line=3,
    ),
    "include_of_invalid_file": Case(
        {
            "schema.xsd": xsd(
                "<xs:include schemaLocation='part.xsd'/>", *complex_root()
            ),
            "part.xsd": xsd("<xs:element name='p' bogus='1'/>"),
        },
        ["can't include schema 'part.xsd'", "attribute 'bogus' not allowed"],
        line=2,
        component="<xs:include schemaLocation='part.xsd'>",
    ),
    "missing_include_in_included_file": Case(
        {
            "schema.xsd": xsd(
                "<xs:include schemaLocation='part.xsd'/>", *complex_root()
            ),
            "part.xsd": xsd(
                "",
                "",
                "<xs:include schemaLocation='gone.xsd'/>",
                "<xs:element name='p' type='xs:string'/>",
            ),
        },
        ["an included schema could not be loaded", "gone.xsd"],
        line=4,
        named_file="part.xsd",
    ),
    "import_without_location": Case(
        {
            "schema.xsd": xsd(
                "<xs:import namespace='urn:other'/>",
                *complex_root(
                    "<xs:sequence>",
                    "<xs:element name='b' type='o:T'/>",
                    "</xs:sequence>",
                ),
                open_tag=SCHEMA_OPEN[:-1] + " xmlns:o='urn:other'>",
            )
        },
        ["unknown type 'o:T'", "imports 'urn:other' without a location", "--location"],
        line=6,
        component="<xs:element name='b' type='o:T'>",
    ),
    "import_location_mapped_to_missing_file": Case(
        {
            "schema.xsd": xsd(
                "<xs:import namespace='urn:other'/>",
                *complex_root(),
                open_tag=SCHEMA_OPEN[:-1] + " xmlns:o='urn:other'>",
            )
        },
        ["--location", "urn:other", "nothere.xsd"],
        named_file=None,
        arguments=["--location", "urn:other=nothere.xsd"],
    ),
    "import_of_missing_file": Case(
        {
            "schema.xsd": xsd(
                *[""] * 5,
                "<xs:import namespace='urn:other' schemaLocation='other.xsd'/>",
                *complex_root(),
            )
        },
        ["an imported schema could not be loaded", "urn:other", "other.xsd"],
        line=7,
    ),
    "import_from_closed_port": Case(
        {
            "schema.xsd": xsd(
                "<xs:import namespace='urn:other' schemaLocation='http://127.0.0.1:{port}/other.xsd'/>",
                *complex_root(),
            )
        },
        ["an imported schema could not be loaded", "http://127.0.0.1:{port}/other.xsd"],
        line=2,
    ),
    "type_reference_to_nothing": Case(
        {
            "schema.xsd": xsd(
                *complex_root(
                    "<xs:sequence>",
                    "<xs:element name='b' type='Nothing'/>",
                    "</xs:sequence>",
                )
            )
        },
        ["unknown type 'Nothing'"],
        line=5,
        component="<xs:element name='b' type='Nothing'>",
    ),
    "empty_file": Case({"schema.xsd": b""}, ["the schema file is empty"]),
    "latin1_without_declaration": Case(
        {
            "schema.xsd": xsd(
                *complex_root(
                    "<xs:sequence>",
                    "<xs:element name='Straße' type='xs:string'/>",
                    "</xs:sequence>",
                )
            ).encode("latin-1")
        },
        ["not well-formed XML", "not valid UTF-8 (line 5)", "encoding="],
        line=5,
    ),
    "unknown_encoding_declared": Case(
        {
            "schema.xsd": "<?xml version='1.0' encoding='x-no-such-encoding'?>\n"
            + VALID_SCHEMA
        },
        ["declares an encoding that Python does not support", "x-no-such-encoding"],
    ),
    # Valid XSD that the generator does not support yet.
    "qname_list_item": Case(
        {
            "schema.xsd": xsd(
                *complex_root(
                    "<xs:sequence>",
                    "<xs:element name='b' type='Names'/>",
                    "</xs:sequence>",
                ),
                "<xs:simpleType name='Names'><xs:list itemType='xs:QName'/></xs:simpleType>",
            )
        },
        ["the built-in type xs:QName is not supported yet"],
        line=5,
        component="a/b",
    ),
    "qname_union_member": Case(
        {
            "schema.xsd": xsd(
                "<xs:simpleType name='Either'><xs:union memberTypes='xs:int xs:QName'/></xs:simpleType>",
                *complex_root("<xs:attribute name='e' type='Either'/>"),
            )
        },
        ["the built-in type xs:QName is not supported yet"],
        line=5,
        component="a/@e",
    ),
    "substitution_head_in_all": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='head' type='xs:string'/>",
                "<xs:element name='member' type='xs:string' substitutionGroup='head'/>",
                *complex_root("<xs:all>", "<xs:element ref='head'/>", "</xs:all>"),
            )
        },
        [
            "a reference to the substitution group head 'head' in xs:all is not "
            "supported yet; put it in an xs:sequence"
        ],
        line=7,
        component="a",
    ),
    "required_abstract_element_without_members": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='head' type='xs:string' abstract='true'/>",
                *complex_root(
                    "<xs:sequence>", "<xs:element ref='head'/>", "</xs:sequence>"
                ),
            )
        },
        [
            "a required reference to the abstract element 'head', which has no "
            "substitution group member to take its place, is not supported yet"
        ],
        line=6,
        component="head",
    ),
    "abstract_root": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='a' abstract='true'><xs:complexType/></xs:element>",
                "<xs:element name='b' substitutionGroup='a'/>",
            )
        },
        [
            "the element 'a' is abstract, so no document starts with it; choose a "
            "member of its substitution group as root: b"
        ],
        line=2,
    ),
    "one_local_name_in_two_namespaces": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='car' type='xs:string'/>",
                *complex_root(
                    "<xs:sequence>",
                    "<xs:element ref='t:car'/>",
                    "<xs:element name='car' type='xs:int'/>",
                    "</xs:sequence>",
                ),
                open_tag="<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' "
                "xmlns:t='urn:t' targetNamespace='urn:t'>",
            )
        },
        [
            "the elements '{urn:t}car' and 'car' of one type have the same local "
            "name, which would be one JSON member"
        ],
        line=4,
        component="{urn:t}a",
    ),
    "element_twice_in_one_type": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='b' type='xs:string'/>",
                "<xs:element name='c' type='xs:string' substitutionGroup='b'/>",
                *complex_root(
                    "<xs:sequence>",
                    "<xs:element ref='b'/>",
                    "<xs:element ref='c'/>",
                    "</xs:sequence>",
                ),
            )
        },
        ["the element 'c' occurs twice in the content of one type"],
        line=5,
        component="a",
    ),
    # XSD 1.0 allows an xs:all group at most once; an optional one generates.
    "repeated_all_group": Case(
        {
            "schema.xsd": xsd(
                *complex_root(
                    "<xs:all minOccurs='0' maxOccurs='2'>",
                    "<xs:element name='b' type='xs:string'/>",
                    "</xs:all>",
                )
            )
        },
        ["the schema is invalid: attribute maxOccurs='2': value must be one of [1]"],
        line=4,
    ),
    "mixed_content": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='a'>",
                "<xs:complexType mixed='true'><xs:sequence/></xs:complexType>",
                "</xs:element>",
            )
        },
        ["mixed content is not supported yet"],
        line=3,
        component="a",
    ),
    "restriction_of_complex_type": Case(
        {
            "schema.xsd": xsd(
                "<xs:complexType name='Base'><xs:sequence><xs:element name='b' type='xs:string' minOccurs='0'/></xs:sequence></xs:complexType>",
                "<xs:complexType name='Narrow'>",
                "<xs:complexContent><xs:restriction base='Base'><xs:sequence><xs:element name='b' type='xs:string'/></xs:sequence></xs:restriction></xs:complexContent>",
                "</xs:complexType>",
                "<xs:element name='a' type='Narrow'/>",
            )
        },
        ["derivation of a complex type by restriction", "not supported yet"],
        line=3,
        component="Narrow",
    ),
    "qname_builtin": Case(
        {
            "schema.xsd": xsd(
                *complex_root(
                    "<xs:sequence>",
                    "<xs:element name='b' type='xs:string'/>",
                    "<xs:element name='since' type='xs:QName'/>",
                    "</xs:sequence>",
                )
            )
        },
        ["the built-in type xs:QName is not supported yet"],
        line=6,
        component="a/since",
    ),
    "deeply_nested_anonymous_types": Case(
        {"schema.xsd": xsd(*nested_anonymous_types(300))},
        ["nests elements and anonymous types too deeply", "reduce the nesting depth"],
    ),
    "root_of_simple_type": Case(
        {
            "schema.xsd": xsd(
                "<xs:element name='z' type='xs:string'/>",
                "<xs:element name='a' type='xs:string'/>",
            )
        },
        ["root element 'a' has a simple type"],
        line=3,
        component="a",
    ),
}


@pytest.fixture(scope="module")
def previous_generation(tmp_path_factory) -> Path:
    """Return an output folder holding a package generated from a valid schema."""
    folder = tmp_path_factory.mktemp("previous")
    schema = folder / "valid.xsd"
    schema.write_text(VALID_SCHEMA, encoding="utf-8")
    status = main(generate_arguments(schema, folder / "out"))
    assert status == 0
    return folder / "out"


def generate_arguments(schema: Path, out: Path, *extra: str) -> list[str]:
    return [
        "--config",
        str(PROJECT / "pyproject.toml"),
        "--schema",
        str(schema),
        "--out",
        str(out),
        "--package",
        PACKAGE,
        "--root",
        "a",
        "-q",
        *extra,
    ]


def snapshot(folder: Path) -> tuple[bool, dict[str, bytes | None]]:
    """Return whether `folder` exists and every path under it, with each file's bytes."""
    if not folder.exists():
        return False, {}
    entries: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        entries[name] = path.read_bytes() if path.is_file() else None
    return True, entries


@pytest.fixture(params=["previous", "absent"])
def output(request, tmp_path, previous_generation) -> tuple[Path, Path]:
    """Return an --out folder and the folder around it, whose snapshot must not change.

    "previous" contains an earlier generation; "absent" does not exist, nor does its parent.
    """
    around = tmp_path / "outputs"
    around.mkdir()
    if request.param == "previous":
        out = around / "out"
        shutil.copytree(previous_generation, out)
    else:
        out = around / "new" / "out"
    return out, around


def write_files(folder: Path, files: dict[str, str | bytes], port: int) -> None:
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        if isinstance(content, str):
            content = content.replace("{port}", str(port)).encode("utf-8")
        (folder / name).write_bytes(content)


def assert_clear_error(error: str, case: Case, folder: Path, port: int) -> None:
    assert "Traceback" not in error
    assert "INTERNAL ERROR" not in error
    assert error.startswith("error: ")
    for text in case.expected:
        assert text.replace("{port}", str(port)) in error
    if case.named_file is not None:
        assert f"schema: {folder / case.named_file}\n" in error
    if case.line is not None:
        assert f"line: {case.line}\n" in error
    if case.component is not None:
        assert f"component: {case.component}\n" in error


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_schema_is_reported(name, tmp_path, output, capsys, monkeypatch):
    case = CASES[name]
    out, around = output
    port = unused_port()
    schemas = tmp_path / "schemas"
    write_files(schemas, case.files, port)
    # Relative --location paths are resolved from the current folder.
    monkeypatch.chdir(schemas)
    before = snapshot(around)

    status = main(generate_arguments(schemas / "schema.xsd", out, *case.arguments))

    error = capsys.readouterr().err
    assert status == 2, error
    assert_clear_error(error, case, schemas, port)
    assert snapshot(around) == before


def test_folder_as_schema_is_reported(tmp_path, output, capsys):
    out, around = output
    before = snapshot(around)

    status = main(generate_arguments(tmp_path, out))

    error = capsys.readouterr().err
    assert status == 2, error
    assert "the schema path is a folder" in error
    assert f"schema: {tmp_path}\n" in error
    assert snapshot(around) == before


def test_unreadable_schema_end_to_end(tmp_path):
    """Run `python -m codegen` on a schema its user may not read.

    root reads any file whatever its mode, so under root the command runs as
    the user `nobody` (uid 65534) through `setpriv`, in a folder that user may
    enter.
    """
    as_root = os.geteuid() == 0
    prefix = []
    if as_root:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and setpriv is missing to drop to nobody")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    folder = Path(tempfile.mkdtemp()) if as_root else tmp_path
    try:
        folder.chmod(0o755)
        schema = folder / "schema.xsd"
        schema.write_text(VALID_SCHEMA, encoding="utf-8")
        schema.chmod(0)
        out = folder / "out"
        result = subprocess.run(
            [
                *prefix,
                sys.executable,
                "-m",
                "codegen",
                *generate_arguments(schema, out),
            ],
            capture_output=True,
            text=True,
            cwd=PROJECT,
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert "the schema file cannot be read: Permission denied" in result.stderr
        assert f"schema: {schema}" in result.stderr
        assert "Traceback" not in result.stderr
        assert not out.exists()
    finally:
        if as_root:
            shutil.rmtree(folder)


def test_missing_include_end_to_end(tmp_path, previous_generation):
    out = tmp_path / "out"
    shutil.copytree(previous_generation, out)
    before = snapshot(tmp_path)
    schema = tmp_path / "schema.xsd"
    schema.write_text(CASES["missing_include"].files["schema.xsd"], encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "codegen", *generate_arguments(schema, out)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )

    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("error: an included schema could not be loaded")
    assert f"schema: {schema}\n  line: 3\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert "XMLSchemaIncludeWarning" not in result.stderr
    schema.unlink()
    assert snapshot(tmp_path) == before


def test_schema_declared_latin1_generates(tmp_path, capsys):
    schema = tmp_path / "schema.xsd"
    text = "<?xml version='1.0' encoding='ISO-8859-1'?>\n" + xsd(
        *complex_root(
            "<xs:sequence>",
            "<xs:element name='b' type='xs:string'>",
            "<xs:annotation><xs:documentation>Straße</xs:documentation></xs:annotation>",
            "</xs:element>",
            "</xs:sequence>",
        )
    )
    schema.write_bytes(text.encode("latin-1"))

    status = main(generate_arguments(schema, tmp_path / "out"))

    assert status == 0, capsys.readouterr().err
    models = (tmp_path / "out" / PACKAGE / "models.py").read_text(encoding="utf-8")
    assert "Straße" in models


# pyproject.toml files whose [tool.codegen] table is broken, with the expected message.
BROKEN_CONFIGS = {
    "invalid_toml": ("[tool.codegen\nschema = 1", "is not valid TOML"),
    "no_table": ("[tool.other]\nx = 1\n", "has no [tool.codegen] table"),
    "table_not_a_table": ("[tool]\ncodegen = 'x'\n", "[tool.codegen] must be a table"),
    "missing_key": (
        "[tool.codegen]\nschema = 's.xsd'\nroots = ['a']\nout = 'out'\n",
        "lacks the required key 'package'",
    ),
    "schema_not_a_string": (
        "[tool.codegen]\nschema = 5\nroots = ['a']\npackage = 'pkg'\nout = 'out'\n",
        "schema must be a string, not 5",
    ),
    "roots_a_string": (
        "[tool.codegen]\nschema = 's.xsd'\nroots = 'a'\npackage = 'pkg'\nout = 'out'\n",
        "roots must be an array of strings",
    ),
    "roots_empty": (
        "[tool.codegen]\nschema = 's.xsd'\nroots = []\npackage = 'pkg'\nout = 'out'\n",
        "roots is empty",
    ),
    "package_not_identifier": (
        "[tool.codegen]\nschema = 's.xsd'\nroots = ['a']\npackage = 'my-pkg'\nout = 'out'\n",
        "'my-pkg' is not a valid Python package name",
    ),
    "misspelt_key": (
        "[tool.codegen]\nschema = 's.xsd'\nroots = ['a']\npackage = 'pkg'\nout = 'out'\njson_array_roots = ['a']\n",
        "unknown key 'json_array_roots'",
    ),
    "locations_not_strings": (
        "[tool.codegen]\nschema = 's.xsd'\nroots = ['a']\npackage = 'pkg'\nout = 'out'\nlocations = {'urn:x' = 1}\n",
        "locations must be a table of strings",
    ),
    "invalid_utf8": (b"[tool.codegen]\nschema = '\xff.xsd'\n", "is not valid TOML"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_CONFIGS))
def test_broken_config_is_reported(name, tmp_path, capsys):
    text, expected = BROKEN_CONFIGS[name]
    pyproject = tmp_path / "pyproject.toml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    pyproject.write_bytes(text)
    (tmp_path / "s.xsd").write_text(VALID_SCHEMA, encoding="utf-8")
    before = snapshot(tmp_path)

    status = main(["--config", str(pyproject), "-q"])

    error = capsys.readouterr().err
    assert status == 2, error
    assert expected in error
    assert f"file: {pyproject}" in error
    assert "Traceback" not in error
    assert snapshot(tmp_path) == before


def test_config_folder_is_reported(tmp_path, capsys):
    status = main(["--config", str(tmp_path), "-q"])

    error = capsys.readouterr().err
    assert status == 2, error
    assert str(tmp_path) in error
    assert "Traceback" not in error


def test_output_folder_of_other_files_is_kept(tmp_path, capsys):
    out = tmp_path / "out"
    (out / PACKAGE).mkdir(parents=True)
    (out / PACKAGE / "notes.txt").write_text("mine", encoding="utf-8")
    schema = tmp_path / "schema.xsd"
    schema.write_text(VALID_SCHEMA, encoding="utf-8")
    before = snapshot(tmp_path)

    status = main(generate_arguments(schema, out))

    error = capsys.readouterr().err
    assert status == 2, error
    assert "was not written by this generator" in error
    assert snapshot(tmp_path) == before


def test_output_under_a_file_is_reported(tmp_path, capsys):
    schema = tmp_path / "schema.xsd"
    schema.write_text(VALID_SCHEMA, encoding="utf-8")
    (tmp_path / "plain").write_text("a file", encoding="utf-8")
    before = snapshot(tmp_path)

    status = main(generate_arguments(schema, tmp_path / "plain" / "out"))

    error = capsys.readouterr().err
    assert status == 2, error
    assert "the package could not be written" in error
    assert "Traceback" not in error
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("failing", ["write_text", "rename"])
def test_write_failure_restores_output(failing, tmp_path, output, capsys, monkeypatch):
    """A disk error while writing or swapping in leaves the output as it was."""
    out, around = output
    schema = tmp_path / "schema.xsd"
    schema.write_text(VALID_SCHEMA, encoding="utf-8")
    before = snapshot(around)
    original = getattr(Path, failing)

    def fail_in_staging(self, *arguments, **options):
        # Only paths inside or of the staging folder fail; the backup rename back works.
        staging = self if failing == "rename" else self.parent
        if (
            staging.name.startswith(f".{PACKAGE}-")
            and staging.name != f".{PACKAGE}-previous"
        ):
            raise OSError(28, "No space left on device")
        return original(self, *arguments, **options)

    monkeypatch.setattr(Path, failing, fail_in_staging)

    status = main(generate_arguments(schema, out))

    error = capsys.readouterr().err
    assert status == 2, error
    assert "the package could not be written" in error
    assert "No space left on device" in error
    assert snapshot(around) == before


def test_reserved_class_names_cover_generated_modules(project_config):
    """Every capitalised name a generated module binds beside the model classes is reserved."""
    files = generate(project_config)
    model_names = set(_module_names(ast.parse(files["models.py"])))
    for name, text in files.items():
        tree = ast.parse(text)
        if not _imports_models(tree):
            continue
        bound = set(_module_names(tree)) - model_names
        unreserved = {n for n in bound if n[:1].isupper()} - RESERVED_CLASS_NAMES
        assert (
            not unreserved
        ), f"{name}: add {sorted(unreserved)} to RESERVED_CLASS_NAMES"


def _imports_models(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and node.level == 1 and node.module == "models"
        for node in tree.body
    )


def _module_names(tree: ast.Module):
    """Yield the names bound at module level, except those imported from `.models`."""
    for node in tree.body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.level == 1
            and node.module == "models"
        ):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                yield (alias.asname or alias.name).partition(".")[0]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            yield node.name
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            yield from (t.id for t in targets if isinstance(t, ast.Name))
