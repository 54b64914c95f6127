"""Whole schemas (`--all`), reuse of a generated common package, and the include report.

Small schemas written here stand in for IS24's: `base.xsd` plays the common
namespace (with a chameleon include), `offer.xsd` imports it without a
location, as IS24's API schemas import common-1.0.xsd. The published
snapshots run the same way; constructs that the generator does not support
yet stop them, and BLOCKERS names the construct for each as a strict xfail,
so that a snapshot that starts to generate fails here until its entry is
removed.
"""

from __future__ import annotations

import importlib
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import xmlschema
from model_documents import DocumentBuilder

from codegen.cli import main
from codegen.config import read_config
from codegen.errors import CodegenError, UnsupportedConstruct
from codegen.generate import generate, load_model
from codegen.write import write_package

PROJECT = Path(__file__).resolve().parent.parent
NEWEST = "2021-08-07"
COMMON = "http://rest.immobilienscout24.de/schema/common/1.0"
XLINK = "http://www.w3.org/1999/xlink"
BASE = "urn:test:base"

BASE_XSD = """\
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:b="urn:test:base"
    targetNamespace="urn:test:base">
  <xs:include schemaLocation="base-part.xsd"/>
  <xs:simpleType name="Code">
    <xs:restriction base="xs:string">
      <xs:maxLength value="5"/>
      <xs:pattern value="[A-Z]+"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Color">
    <xs:restriction base="xs:string">
      <xs:enumeration value="RED"/>
      <xs:enumeration value="GREEN"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Price">
    <xs:sequence>
      <xs:element name="value">
        <xs:simpleType>
          <xs:restriction base="xs:decimal">
            <xs:minInclusive value="0"/>
            <xs:totalDigits value="6"/>
            <xs:fractionDigits value="2"/>
          </xs:restriction>
        </xs:simpleType>
      </xs:element>
      <xs:element name="currency" type="b:Code"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="Thing">
    <xs:sequence>
      <xs:element name="title" type="b:Code"/>
      <xs:element name="price" type="b:Price" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:int"/>
  </xs:complexType>
  <xs:complexType name="Unused">
    <xs:sequence>
      <xs:element name="flag" type="xs:boolean"/>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="thing" type="b:Thing"/>
</xs:schema>
"""

# A chameleon include: no targetNamespace, so it takes base.xsd's.
BASE_PART_XSD = """\
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="Count">
    <xs:restriction base="xs:int">
      <xs:minInclusive value="1"/>
      <xs:maxExclusive value="100"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
"""

OFFER_XSD = """\
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:b="urn:test:base"
    xmlns:o="urn:test:offer" targetNamespace="urn:test:offer">
  <xs:import namespace="urn:test:base"/>
  <xs:complexType name="Offer">
    <xs:complexContent>
      <xs:extension base="b:Thing">
        <xs:sequence>
          <xs:element name="color" type="b:Color"/>
          <xs:element name="count" type="b:Count" minOccurs="0"/>
          <xs:element name="extra" type="b:Price" minOccurs="0" maxOccurs="3"/>
          <xs:element name="note" minOccurs="0">
            <xs:simpleType>
              <xs:restriction base="xs:string">
                <xs:minLength value="2"/>
                <xs:maxLength value="8"/>
              </xs:restriction>
            </xs:simpleType>
          </xs:element>
        </xs:sequence>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:element name="offer" type="o:Offer"/>
  <xs:element name="price" type="b:Price"/>
</xs:schema>
"""

# Imports xlink without a location, as common-1.0.xsd does.
LINKED_XSD = """\
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:l="urn:test:linked"
    targetNamespace="urn:test:linked">
  <xs:import namespace="http://www.w3.org/1999/xlink"/>
  <xs:complexType name="Link">
    <xs:sequence>
      <xs:element name="label" type="xs:string"/>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="link" type="l:Link"/>
</xs:schema>
"""

SCHEMAS = {
    "base.xsd": BASE_XSD,
    "base-part.xsd": BASE_PART_XSD,
    "offer.xsd": OFFER_XSD,
    "linked.xsd": LINKED_XSD,
}

SNAPSHOTS = [
    "2014-06-27",
    "2014-08-24",
    "2014-10-28",
    "2014-12-01",
    "2015-11-11",
    "2016-04-15",
    "2017-12-11",
    "2018-10-12",
    "2021-08-07",
]

# The first unsupported construct that stops `--all` on a snapshot's
# common-1.0.xsd. Every other schema reuses that package, so it stops there too.
COMMON_BLOCKERS: dict[str, str] = {}


@pytest.fixture(scope="module")
def schema_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    for name, text in SCHEMAS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def package_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("whole_packages")
    sys.path.insert(0, str(folder))
    yield folder
    sys.path.remove(str(folder))


@pytest.fixture(scope="module")
def base_config():
    return read_config(PROJECT / "pyproject.toml")


def build(config, folder: Path, package: str, schema: Path, **overrides):
    """Generate and write a package, and import it."""
    package_config = config.with_overrides(
        schema=schema, out=folder, package=package, **overrides
    ).with_every_type(overrides.get("every_type", True))
    write_package(generate(package_config), folder / package)
    importlib.invalidate_caches()
    return importlib.import_module(package)


@pytest.fixture(scope="module")
def small_packages(schema_folder, package_folder, base_config):
    config = base_config.with_overrides(prefixes={"urn:test:offer": "offer"})
    base = build(config, package_folder, "whole_base", schema_folder / "base.xsd")
    offer = build(
        config,
        package_folder,
        "whole_offer",
        schema_folder / "offer.xsd",
        locations={BASE: str(schema_folder / "base.xsd")},
        reuse={BASE: "whole_base"},
    )
    return base, offer


def test_all_generates_every_global_type(small_packages):
    base, _ = small_packages
    exports = importlib.import_module("whole_base.exports")
    for name in ("Thing", "Price", "Unused", "Color"):
        assert hasattr(base.models, name), name
    assert exports.ENUMERATIONS == {f"{{{BASE}}}Color": "Color"}
    assert exports.SIMPLE_TYPES[f"{{{BASE}}}Count"] == "count"
    assert exports.NAMESPACE == BASE


def test_reuse_imports_common_classes(small_packages, package_folder):
    base, offer = small_packages
    assert offer.models.Thing is base.models.Thing
    assert offer.models.Color is base.models.Color
    assert issubclass(offer.Offer, base.models.Thing)
    models = (package_folder / "whole_offer" / "models.py").read_text()
    assert "class Thing" not in models
    assert "class Price" not in models
    simple_types = (package_folder / "whole_offer" / "simple_types.py").read_text()
    assert "def parse_code" not in simple_types
    assert offer.simple_types.check_code is base.simple_types.check_code


def test_reuse_shares_errors_and_kept_content(small_packages):
    base, offer = small_packages
    assert offer.ValidationError is base.ValidationError
    assert offer.errors.TooManyProblems is base.errors.TooManyProblems
    assert offer.UnknownElement is base.UnknownElement
    exports = importlib.import_module("whole_offer.exports")
    assert exports.RUNTIME_PACKAGE == "whole_base"


def test_reuse_reads_and_writes_both_formats(small_packages):
    base, offer = small_packages
    price = base.models.Price(
        value=__import__("decimal").Decimal("2.5"), currency="EUR"
    )
    obj = offer.Offer(
        title="AB", color=base.models.Color.RED, count=5, extra=[price], price=price
    )
    xml_text = offer.write_xml(obj, rules=False)
    assert "<offer:offer" in xml_text
    assert offer.read_xml(xml_text, rules=False) == obj
    json_text = offer.write_json(obj, rules=False)
    assert offer.read_json(json_text, rules=False) == obj


def test_reused_checks_report_paths(small_packages):
    _, offer = small_packages
    document = (
        '<o:offer xmlns:o="urn:test:offer"><title>AB</title><color>RED</color>'
        "<count>100</count><extra><value>1</value><currency>toolong</currency>"
        "</extra></o:offer>"
    )
    with pytest.raises(offer.ValidationError) as caught:
        offer.read_xml(document, rules=False)
    paths = sorted(problem.path for problem in caught.value.problems)
    assert paths == ["offer/count", "offer/extra[1]/currency"]


def test_generation_is_deterministic(
    schema_folder, package_folder, base_config, small_packages
):
    config = base_config.with_overrides(
        schema=schema_folder / "offer.xsd",
        out=package_folder,
        package="whole_offer",
        locations={BASE: str(schema_folder / "base.xsd")},
        reuse={BASE: "whole_base"},
    ).with_every_type(True)
    assert generate(config) == generate(config)


def test_reused_package_lacking_type_is_reported(
    schema_folder, package_folder, base_config
):
    # Generated for one root only: Color and Count are not reached from `thing`.
    build(
        base_config,
        package_folder,
        "whole_partial",
        schema_folder / "base.xsd",
        roots=("thing",),
        every_type=False,
    )
    config = base_config.with_overrides(
        schema=schema_folder / "offer.xsd",
        out=package_folder,
        package="whole_offer_partial",
        locations={BASE: str(schema_folder / "base.xsd")},
        reuse={BASE: "whole_partial"},
    ).with_every_type(True)
    with pytest.raises(CodegenError) as caught:
        generate(config)
    message = str(caught.value)
    assert "'whole_partial' lacks types" in message
    assert f"enumerations {{{BASE}}}Color" in message
    assert f"simple types {{{BASE}}}Color, {{{BASE}}}Count" in message
    assert f"--all --schema {schema_folder / 'base.xsd'}" in message


def test_reused_package_from_other_schema_is_reported(
    schema_folder, package_folder, base_config, tmp_path, small_packages
):
    changed = tmp_path / "base.xsd"
    changed.write_text(BASE_XSD.replace('"5"', '"6"'), encoding="utf-8")
    (tmp_path / "base-part.xsd").write_text(BASE_PART_XSD, encoding="utf-8")
    config = base_config.with_overrides(
        schema=schema_folder / "offer.xsd",
        out=package_folder,
        package="whole_offer_other",
        locations={BASE: str(changed)},
        reuse={BASE: "whole_base"},
    ).with_every_type(True)
    with pytest.raises(CodegenError) as caught:
        generate(config)
    assert "generated from other schema documents" in str(caught.value)
    assert str(changed) in str(caught.value)


HEADS_XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:h="urn:test:heads" targetNamespace="urn:test:heads"
    elementFormDefault="qualified">
  <xs:element name="code" type="xs:string"/>
  <xs:element name="card">
    <xs:complexType><xs:sequence><xs:element ref="h:code"/></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"""

MEMBERS_XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:h="urn:test:heads" targetNamespace="urn:test:members"
    elementFormDefault="qualified">
  <xs:import namespace="urn:test:heads" schemaLocation="heads.xsd"/>
  <xs:element name="badge" type="xs:string" substitutionGroup="h:code"/>
  <xs:element name="wallet">
    <xs:complexType><xs:sequence><xs:element ref="h:card"/></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"""


@pytest.mark.parametrize("occurs", ["", ' maxOccurs="unbounded"'])
def test_member_added_to_reused_type_reported(
    tmp_path, package_folder, base_config, occurs
):
    heads = HEADS_XSD.replace('ref="h:code"/>', f'ref="h:code"{occurs}/>')
    (tmp_path / "heads.xsd").write_text(heads, encoding="utf-8")
    (tmp_path / "members.xsd").write_text(MEMBERS_XSD, encoding="utf-8")
    package = "whole_heads_repeated" if occurs else "whole_heads"
    build(base_config, package_folder, package, tmp_path / "heads.xsd")
    config = base_config.with_overrides(
        schema=tmp_path / "members.xsd",
        out=package_folder,
        package="whole_members",
        reuse={"urn:test:heads": package},
    ).with_every_type(True)

    with pytest.raises(CodegenError) as caught:
        generate(config)

    message = str(caught.value)
    assert "adds members to substitution groups" in message
    assert "(card/badge)" in message


def test_member_read_without_reuse(tmp_path, package_folder, base_config):
    (tmp_path / "heads.xsd").write_text(HEADS_XSD, encoding="utf-8")
    (tmp_path / "members.xsd").write_text(MEMBERS_XSD, encoding="utf-8")

    members = build(
        base_config,
        package_folder,
        "whole_members_alone",
        tmp_path / "members.xsd",
    )
    wallet = members.read_xml(
        '<wallet xmlns="urn:test:members" xmlns:h="urn:test:heads">'
        "<h:card><badge>7</badge></h:card></wallet>",
        rules=False,
    )
    assert wallet.card.badge == "7"


def test_missing_reused_package_is_reported(schema_folder, package_folder, base_config):
    config = base_config.with_overrides(
        schema=schema_folder / "offer.xsd",
        out=package_folder,
        package="whole_offer_missing",
        locations={BASE: str(schema_folder / "base.xsd")},
        reuse={BASE: "no_such_package"},
    ).with_every_type(True)
    with pytest.raises(CodegenError, match="'no_such_package' to reuse .* not found"):
        generate(config)


def test_report_names_each_include_and_import(schema_folder, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="codegen")
    out = tmp_path / "out"
    arguments = ["--all", "--out", str(out)]
    assert (
        main(
            [
                *arguments,
                "--schema",
                str(schema_folder / "base.xsd"),
                "--package",
                "report_base",
            ]
        )
        == 0
    )
    base_output = caplog.text
    caplog.clear()
    status = main(
        [
            *arguments,
            "--schema",
            str(schema_folder / "offer.xsd"),
            "--package",
            "report_offer",
            "--location",
            f"{BASE}={schema_folder / 'base.xsd'}",
            "--use",
            f"{BASE}=report_base",
        ]
    )
    offer_output = caplog.text
    assert status == 0, offer_output
    assert (
        f"{schema_folder / 'base.xsd'}:4: include base-part.xsd -> "
        f"{schema_folder / 'base-part.xsd'} (schemaLocation)"
    ) in base_output
    assert (
        f"{schema_folder / 'offer.xsd'}:4: import {BASE} -> "
        f"{schema_folder / 'base.xsd'} (location of the namespace from --location)"
    ) in offer_output
    assert "reusing package report_base from" in offer_output


def test_report_names_bundled_copy(schema_folder, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="codegen")
    arguments = ["--all", "--out", str(tmp_path), "--package", "report_linked"]
    status = main([*arguments, "--schema", str(schema_folder / "linked.xsd")])
    output = caplog.text
    assert status == 0, output
    assert (
        f"import {XLINK} -> xmlschema/schemas/XLINK/xlink.xsd (xmlschema's bundled "
        "copy, no schemaLocation and no location mapped)"
    ) in output
    # The bundled xlink.xsd imports xml.xsd, which xmlschema also bundles.
    assert "-> xmlschema/schemas/XML/xml.xsd" in output


def test_report_is_printed_unless_quiet(schema_folder, tmp_path):
    arguments = [sys.executable, "-m", "codegen", "--all", "--out", str(tmp_path)]
    arguments += [
        "--schema",
        str(schema_folder / "base.xsd"),
        "--package",
        "quiet_base",
    ]
    normal = subprocess.run(arguments, capture_output=True, text=True, cwd=PROJECT)
    quiet = subprocess.run(
        [*arguments, "-q"], capture_output=True, text=True, cwd=PROJECT
    )
    assert normal.returncode == 0, normal.stderr
    assert "include base-part.xsd -> " in normal.stderr
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
    assert quiet.stdout == ""


def test_config_tables_generate_with_reuse(schema_folder, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="codegen")
    base_toml = (
        "[tool.codegen]\n"
        f"schema = '{schema_folder / 'base.xsd'}'\n"
        "package = 'config_base'\nout = 'out'\nall = true\n"
    )
    offer_toml = (
        "[tool.codegen]\n"
        f"schema = '{schema_folder / 'offer.xsd'}'\n"
        "package = 'config_offer'\nout = 'out'\nall = true\n"
        "[tool.codegen.locations]\n"
        f"'{BASE}' = 'schemas/base.xsd'\n"
        "[tool.codegen.use]\n"
        f"'{BASE}' = 'config_base'\n"
    )
    (tmp_path / "schemas").mkdir()
    for name in ("base.xsd", "base-part.xsd"):
        (tmp_path / "schemas" / name).write_text(SCHEMAS[name], encoding="utf-8")
    (tmp_path / "base.toml").write_text(base_toml, encoding="utf-8")
    (tmp_path / "offer.toml").write_text(offer_toml, encoding="utf-8")

    assert main(["--config", str(tmp_path / "base.toml")]) == 0
    # The offer's location is relative to its pyproject: tmp_path/schemas/base.xsd
    # holds the same bytes as the file the base package came from.
    status = main(["--config", str(tmp_path / "offer.toml")])
    output = caplog.text
    assert status == 0, output
    assert (
        f"(location of the namespace from [tool.codegen.locations] of {tmp_path / 'offer.toml'})"
        in output
    )
    models = (tmp_path / "out" / "config_offer" / "models.py").read_text()
    assert "from config_base.exports import" in models


BAD_CONFIGS = {
    "all_not_boolean": ("all = 'yes'\n", "all must be a boolean"),
    "use_bad_package": (
        "[tool.codegen.use]\n'urn:x' = 'not-a-package'\n",
        "'not-a-package', which is not a valid Python package name",
    ),
    "use_not_strings": ("use = {'urn:x' = 1}\n", "use must be a table of strings"),
}


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_bad_whole_schema_config_is_reported(name, tmp_path, capsys):
    text, expected = BAD_CONFIGS[name]
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[tool.codegen]\nschema = 's.xsd'\nroots = ['a']\npackage = 'pkg'\nout = 'out'\n"
        + text,
        encoding="utf-8",
    )
    assert main(["--config", str(pyproject), "-q"]) == 2
    assert expected in capsys.readouterr().err


def test_roots_may_be_left_out_with_all(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[tool.codegen]\nschema = 's.xsd'\npackage = 'pkg'\nout = 'out'\nall = true\n",
        encoding="utf-8",
    )
    config = read_config(pyproject)
    assert config.every_type
    assert config.roots == ()


def test_use_option_form_is_checked(capsys):
    assert main(["--use", "no-equals-sign", "-q"]) == 2
    assert "NAMESPACE=PACKAGE" in capsys.readouterr().err


# Verdicts on documents built from the model.


def verdicts(package, oracle: xmlschema.XMLSchema10, builder: DocumentBuilder, root):
    """Yield (label, ours, xmlschema's) for the valid documents and each facet violation."""
    cases = [*builder.valid_documents(root), *builder.facet_violations(root)]
    assert len(cases) >= 2
    for case in cases:
        try:
            package.read_xml(case.document, rules=False)
            ours = True
        except package.DocumentError:
            ours = False
        yield case, ours, oracle.is_valid(case.document)


def assert_verdicts_match(package, oracle: xmlschema.XMLSchema10, model, roots) -> int:
    """Check our verdict against xmlschema's on each root's documents; return the invalid count."""
    builder = DocumentBuilder(model)
    invalid = 0
    for root in roots:
        for case, ours, expected in verdicts(package, oracle, builder, root.name):
            assert ours == expected, f"{case.label}: {case.document[:400]}"
            invalid += not expected
    return invalid


@pytest.mark.parametrize("schema_name", ["base.xsd", "offer.xsd"])
def test_small_schema_verdicts_match_xmlschema(
    schema_name, schema_folder, small_packages, base_config
):
    package = small_packages[0 if schema_name == "base.xsd" else 1]
    locations = {BASE: str(schema_folder / "base.xsd")}
    config = base_config.with_overrides(
        schema=schema_folder / schema_name, locations=locations
    ).with_every_type(True)
    model = load_model(config)
    oracle = xmlschema.XMLSchema10(
        str(schema_folder / schema_name), locations=list(locations.items())
    )
    invalid = assert_verdicts_match(package, oracle, model, model.roots)

    assert invalid >= 5


# The published snapshots.


def _common_config(schemas_folder: Path, snapshot: str, folder: Path):
    """Return the configuration of `--all` on a snapshot's common-1.0.xsd."""
    snapshot_folder = schemas_folder / snapshot
    return (
        read_config(PROJECT / "pyproject.toml")
        .with_overrides(
            schema=snapshot_folder / "common-1.0.xsd",
            out=folder,
            package=f"all_common_{snapshot.replace('-', '_')}",
            locations={XLINK: str(snapshot_folder / "xlink.xsd")},
        )
        .with_every_type(True)
    )


def _snapshot_common(schemas_folder: Path, snapshot: str, folder: Path, cache: dict):
    """Generate a snapshot's common-1.0.xsd with --all once; return the package or raise."""
    if snapshot not in cache:
        config = _common_config(schemas_folder, snapshot, folder)
        try:
            write_package(generate(config), folder / config.package)
            cache[snapshot] = importlib.import_module(config.package)
        except CodegenError as error:
            cache[snapshot] = error
    result = cache[snapshot]
    if isinstance(result, CodegenError):
        raise result
    return result


@pytest.fixture(scope="module")
def snapshot_common(schemas_folder, package_folder):
    cache: dict = {}
    return lambda snapshot: _snapshot_common(
        schemas_folder, snapshot, package_folder, cache
    )


def expect_blocker(expected: str | None):
    """Let an UnsupportedConstruct through only when it is the expected one."""

    class _Guard:
        def __enter__(self):
            return self

        def __exit__(self, kind, error, traceback):
            if expected is not None and isinstance(error, UnsupportedConstruct):
                where = f"{error.context.get('component', '')}: {error.message}"
                if expected not in where:
                    pytest.fail(f"stopped by another construct than expected: {where}")
            return False

    return _Guard()


def _blocked(expected: str | None, *values):
    marks = ()
    if expected is not None:
        marks = pytest.mark.xfail(
            strict=True, raises=UnsupportedConstruct, reason=expected
        )
    return pytest.param(*values, marks=marks, id="/".join(values))


@pytest.mark.parametrize(
    "snapshot",
    [_blocked(COMMON_BLOCKERS.get(snapshot), snapshot) for snapshot in SNAPSHOTS],
)
def test_common_all_generates(snapshot, snapshot_common):
    with expect_blocker(COMMON_BLOCKERS.get(snapshot)):
        package = snapshot_common(snapshot)
    exports = importlib.import_module(f"{package.__name__}.exports")
    assert exports.NAMESPACE == COMMON
    assert "RealtorContactDetails" in exports.COMPLEX_TYPES.values()


@pytest.mark.parametrize(
    "snapshot",
    [_blocked(COMMON_BLOCKERS.get(snapshot), snapshot) for snapshot in SNAPSHOTS],
)
def test_common_all_verdicts_match_xmlschema(
    snapshot, schemas_folder, snapshot_common, package_folder
):
    with expect_blocker(COMMON_BLOCKERS.get(snapshot)):
        package = snapshot_common(snapshot)
    config = _common_config(schemas_folder, snapshot, package_folder)
    model = load_model(config)
    oracle = xmlschema.XMLSchema10(
        str(config.schema), locations=[(XLINK, str(config.locations[XLINK]))]
    )
    invalid = assert_verdicts_match(package, oracle, model, model.roots)

    assert len(model.roots) >= 10
    assert invalid >= 10


def _other_schemas() -> list[tuple[str, str]]:
    """Return (snapshot, file) of every other published schema of the newest snapshot.

    Each schema generates a package of its own, about four minutes of CPU time
    per snapshot, so the older snapshots are checked only when the variable
    IS24_EVERY_SNAPSHOT is set (to any value).
    """
    folder = os.environ.get("IS24_SCHEMAS")
    if not folder or not Path(folder).is_dir():
        return [("(IS24_SCHEMAS unset)", "")]
    pairs = []
    snapshots = SNAPSHOTS if os.environ.get("IS24_EVERY_SNAPSHOT") else [NEWEST]
    for snapshot in snapshots:
        for path in sorted((Path(folder) / snapshot).glob("*.xsd")):
            if path.name not in ("common-1.0.xsd", "xlink.xsd"):
                pairs.append((snapshot, path.name))
    return pairs


# Constructs in the other schemas themselves; none is reached while
# common-1.0.xsd stops first.
SCHEMA_BLOCKERS: dict[tuple[str, str], str] = {}


def _schema_blocker(snapshot: str, name: str) -> str | None:
    return COMMON_BLOCKERS.get(snapshot) or SCHEMA_BLOCKERS.get((snapshot, name))


# Elements checked per schema, so that the run stays short in CI. With
# IS24_EVERY_SNAPSHOT set, every global element is checked.
MAX_ROOTS = None if os.environ.get("IS24_EVERY_SNAPSHOT") else 4


@pytest.mark.parametrize(
    "snapshot, name",
    [_blocked(_schema_blocker(*pair), *pair) for pair in _other_schemas()],
)
def test_other_schema_generates_with_reuse(
    snapshot, name, schemas_folder, snapshot_common, package_folder
):
    snapshot_folder = schemas_folder / snapshot
    with expect_blocker(_schema_blocker(snapshot, name)):
        common = snapshot_common(snapshot)
        locations = {
            COMMON: str(snapshot_folder / "common-1.0.xsd"),
            XLINK: str(snapshot_folder / "xlink.xsd"),
        }
        config = (
            read_config(PROJECT / "pyproject.toml")
            .with_overrides(
                schema=snapshot_folder / name,
                out=package_folder,
                package=f"all_{snapshot.replace('-', '_')}_{name.split('-')[0].lower()}",
                locations=locations,
                reuse={COMMON: common.__name__},
            )
            .with_every_type(True)
        )
        write_package(generate(config), package_folder / config.package)
        model = load_model(config)
    package = importlib.import_module(config.package)
    oracle = xmlschema.XMLSchema10(
        str(snapshot_folder / name), locations=list(locations.items())
    )
    assert_verdicts_match(package, oracle, model, model.roots[:MAX_ROOTS])


# Published schemas of the newest snapshot that use no type of the common
# namespace, so that they generate today, reusing a common package generated
# for the contact roots only (whose runtime modules they share).
WITHOUT_COMMON_TYPES = [
    "attachmentsorder-1.0.xsd",
    "offerUser-1.0.xsd",
    "realtor-1.0.xsd",
    "realtorbadges-1.0.xsd",
]


@pytest.fixture(scope="module")
def contact_common(schemas_folder, package_folder):
    snapshot_folder = schemas_folder / NEWEST
    config = read_config(PROJECT / "pyproject.toml").with_overrides(
        schema=snapshot_folder / "common-1.0.xsd",
        out=package_folder,
        package="contact_common",
        locations={XLINK: str(snapshot_folder / "xlink.xsd")},
    )
    write_package(generate(config), package_folder / config.package)
    return importlib.import_module(config.package)


@pytest.mark.parametrize("name", WITHOUT_COMMON_TYPES)
def test_newest_schema_reuses_contact_common(
    name, schemas_folder, contact_common, package_folder
):
    snapshot_folder = schemas_folder / NEWEST
    locations = {
        COMMON: str(snapshot_folder / "common-1.0.xsd"),
        XLINK: str(snapshot_folder / "xlink.xsd"),
    }
    config = (
        read_config(PROJECT / "pyproject.toml")
        .with_overrides(
            schema=snapshot_folder / name,
            out=package_folder,
            package=f"newest_{name.split('-')[0].lower()}",
            locations=locations,
            reuse={COMMON: contact_common.__name__},
        )
        .with_every_type(True)
    )
    write_package(generate(config), package_folder / config.package)
    package = importlib.import_module(config.package)
    assert package.ValidationError is contact_common.ValidationError

    model = load_model(config)
    oracle = xmlschema.XMLSchema10(
        str(snapshot_folder / name), locations=list(locations.items())
    )
    assert model.roots
    assert_verdicts_match(package, oracle, model, model.roots[:MAX_ROOTS])
