"""Python names: distinct and valid for colliding XML names, stable, and mapped by hand.

Each schema here is small and built for one kind of collision. The names are
checked on the model, and one generated package that contains every kind of
collision is imported and round-trips a document that xmlschema accepts.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import subprocess
from pathlib import Path

import pytest
import xmlschema

from codegen.cli import main
from codegen.config import read_config
from codegen.diff import compare_models
from codegen.errors import CodegenError
from codegen.generate import generate
from codegen.load import build_model, load_schema
from codegen.model import SchemaModel
from codegen.naming import (
    RESERVED_CHECKER_NAMES,
    RESERVED_CLASS_NAMES,
    RESERVED_FIELD_NAMES,
    RESERVED_FUNCTION_NAMES,
    NameMap,
    function_names,
    member_candidate,
    pascal_case,
    snake_case,
)

NAMESPACE = "urn:example:names"


def schema_text(root_members: list[str], types: list[str] = ()) -> str:
    """A schema whose root element `root` has an anonymous type with `root_members`.

    Members that are attributes go after the sequence of the others.
    """
    attributes = [m for m in root_members if m.startswith("<xs:attribute")]
    elements = [m for m in root_members if m not in attributes]
    return "\n".join(
        [
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            f'xmlns:t="{NAMESPACE}" targetNamespace="{NAMESPACE}" '
            'elementFormDefault="qualified">',
            '<xs:element name="root"><xs:complexType><xs:sequence>',
            *elements,
            "</xs:sequence>",
            *attributes,
            "</xs:complexType></xs:element>",
            *types,
            "</xs:schema>",
            "",
        ]
    )


def element(name: str, type_name: str = "xs:string") -> str:
    return f'<xs:element name="{name}" type="{type_name}" minOccurs="0"/>'


def complex_type(name: str, child: str = "x") -> str:
    return (
        f'<xs:complexType name="{name}"><xs:sequence>'
        f'<xs:element name="{child}" type="xs:string"/></xs:sequence></xs:complexType>'
    )


def enumeration(name: str, values: list[str]) -> str:
    facets = "".join(f'<xs:enumeration value="{value}"/>' for value in values)
    return (
        f'<xs:simpleType name="{name}"><xs:restriction base="xs:string">'
        f"{facets}</xs:restriction></xs:simpleType>"
    )


def build(
    tmp_path: Path,
    text: str,
    names: dict[str, str] | None = None,
    *,
    strict: bool = True,
    file_name: str = "schema.xsd",
) -> SchemaModel:
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    name_map = NameMap(names or {}, source="pyproject.toml")
    return build_model(
        load_schema(path), ["root"], source=file_name, strict=strict, names=name_map
    )


def class_names(model: SchemaModel) -> dict[str, str]:
    """Return the class name of every complex type and enumeration, by key."""
    result = {key: t.python_name for key, t in model.complex_types.items()}
    for enum_type in model.enumerations.values():
        result[enum_type.enumeration_key or ""] = enum_type.python_name or ""
    return result


def field_names(model: SchemaModel, key: str) -> dict[str, str]:
    complex_type = model.complex_types[key]
    return {
        ("@" if item in complex_type.attributes else "") + item.name: item.field_name
        for item in [*complex_type.elements, *complex_type.attributes]
    }


def member_names(model: SchemaModel, enum_key: str) -> dict[str, str]:
    [enum_type] = [
        e for e in model.enumerations.values() if e.enumeration_key == enum_key
    ]
    return {value.value: value.member for value in enum_type.values}


def every_name(model: SchemaModel) -> dict[tuple[str, ...], str]:
    """Return every Python name the model gives, keyed by what it names."""
    result: dict[tuple[str, ...], str] = {}
    functions = function_names(model)
    for key, complex_type in model.complex_types.items():
        result[("class", key)] = complex_type.python_name
        result[("function", key)] = functions[key]
        for label, name in field_names(model, key).items():
            result[("field", key, label)] = name
    for enum_type in model.enumerations.values():
        enum_key = enum_type.enumeration_key or ""
        result[("class", enum_key)] = enum_type.python_name or ""
        for value in enum_type.values:
            result[("member", enum_key, value.value)] = value.member
    return result


def assert_distinct_identifiers(names: list[str]) -> None:
    assert len(set(names)) == len(names), names
    for name in names:
        assert name.isidentifier(), name
        assert not keyword.iskeyword(name), name


ROOT = f"{{{NAMESPACE}}}root"
SPELLINGS = ["fooBar", "FooBar", "foo-bar", "foo_bar", "foo.bar"]


# Candidates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "xml_name, expected",
    [
        ("houseNumber", "house_number"),
        ("class", "class_"),
        ("type", "type_"),
        ("match", "match_"),
        ("list", "list"),
        ("größe", "große"),
        ("名前", "名前"),
        ("Äpfel", "apfel"),
    ],
)
def test_snake_case_gives_identifier(xml_name, expected):
    assert snake_case(xml_name) == expected


def test_pascal_case_keeps_digits_and_drops_dots():
    assert pascal_case("Number8.2Type") == "Number82Type"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1.5", "VALUE_1_5"),
        ("-", "HYPHEN_MINUS"),
        ("", "EMPTY"),
        ("ä", "A"),
        ("no-salutation", "NO_SALUTATION"),
    ],
)
def test_member_candidate_of_odd_values(value, expected):
    assert member_candidate(value) == expected


# Collisions --------------------------------------------------------------------


def test_class_spellings_get_distinct_names(tmp_path):
    members = [element(f"e{i}", f"t:{name}") for i, name in enumerate(SPELLINGS)]
    model = build(tmp_path, schema_text(members, [complex_type(n) for n in SPELLINGS]))

    names = class_names(model)
    by_type = {key.rpartition("}")[2]: name for key, name in names.items()}

    assert_distinct_identifiers(list(names.values()))
    assert by_type["FooBar"] == "FooBar"
    assert by_type["fooBar"] == "FooBar_"
    assert by_type["foo-bar"] == "FooHyphenMinusBar"
    assert by_type["foo.bar"] == "FooFullStopBar"
    assert by_type["foo_bar"] == "FooLowLineBar"


def test_dotted_type_name_differs_from_undotted(tmp_path):
    types = ["Number8.2Type", "Number82Type"]
    members = [element(f"e{i}", f"t:{name}") for i, name in enumerate(types)]
    model = build(tmp_path, schema_text(members, [complex_type(n) for n in types]))

    names = {key.rpartition("}")[2]: name for key, name in class_names(model).items()}

    assert names["Number82Type"] == "Number82Type"
    assert names["Number8.2Type"] == "Number8FullStop2Type"


@pytest.mark.parametrize("type_name", ["problem", "valueError", "unknownContent"])
def test_reserved_class_name_gets_other_name(tmp_path, type_name):
    model = build(
        tmp_path,
        schema_text([element("p", f"t:{type_name}")], [complex_type(type_name)]),
    )

    name = model.complex_types[f"{{{NAMESPACE}}}{type_name}"].python_name

    assert name not in RESERVED_CLASS_NAMES
    assert name == pascal_case(type_name) + "_"


def test_anonymous_type_yields_to_named_type(tmp_path):
    members = [
        '<xs:element name="thing" minOccurs="0"><xs:complexType><xs:sequence>'
        '<xs:element name="y" type="xs:string"/></xs:sequence></xs:complexType>'
        "</xs:element>",
        element("named", "t:RootThing"),
    ]
    model = build(tmp_path, schema_text(members, [complex_type("RootThing")]))

    assert model.complex_types[f"{{{NAMESPACE}}}RootThing"].python_name == "RootThing"
    assert model.complex_types[f"{ROOT}/thing"].python_name == "RootThing_"


def test_enumeration_and_complex_type_share_no_name(tmp_path):
    members = [element("a", "t:colour"), element("b", "t:Colour")]
    model = build(
        tmp_path,
        schema_text(members, [enumeration("colour", ["x"]), complex_type("Colour")]),
    )

    assert_distinct_identifiers(list(class_names(model).values()))


def test_field_spellings_get_distinct_names(tmp_path):
    members = [element(name) for name in SPELLINGS]
    members.append('<xs:attribute name="fooBar" type="xs:string"/>')
    model = build(tmp_path, schema_text(members))

    fields = field_names(model, ROOT)

    assert_distinct_identifiers(list(fields.values()))
    assert fields["foo_bar"] == "foo_bar"
    assert fields["foo-bar"] == "foo_hyphen_minus_bar"
    assert fields["foo.bar"] == "foo_full_stop_bar"
    assert fields["@fooBar"] == "foo_bar_attribute"


@pytest.mark.parametrize(
    "xml_name, expected",
    [
        ("class", "class_"),
        ("type", "type_"),
        ("match", "match_"),
        ("list", "list"),
        ("values", "values_"),
        ("unknown_content", "unknown_content_"),
        ("名前", "名前"),
    ],
)
def test_field_of_keyword_or_reserved_name(tmp_path, xml_name, expected):
    model = build(tmp_path, schema_text([element(xml_name)]))

    assert field_names(model, ROOT)[xml_name] == expected


def test_attribute_named_like_unknown_content(tmp_path):
    model = build(
        tmp_path,
        schema_text(['<xs:attribute name="unknownContent" type="xs:string"/>']),
    )

    assert field_names(model, ROOT)["@unknownContent"] == "unknown_content_"


def test_attribute_suffix_equal_to_element(tmp_path):
    members = [
        element("x"),
        element("x_attribute"),
        '<xs:attribute name="x" type="xs:string"/>',
    ]
    model = build(tmp_path, schema_text(members))

    fields = field_names(model, ROOT)

    assert_distinct_identifiers(list(fields.values()))
    assert fields["x_attribute"] == "x_attribute"


def test_subclass_field_yields_to_inherited_field(tmp_path):
    types = [
        complex_type("Base", "fooBar"),
        '<xs:complexType name="Derived"><xs:complexContent>'
        '<xs:extension base="t:Base"><xs:sequence>'
        '<xs:element name="foo_bar" type="xs:string"/></xs:sequence>'
        "</xs:extension></xs:complexContent></xs:complexType>",
    ]
    model = build(tmp_path, schema_text([element("d", "t:Derived")], types))

    assert field_names(model, f"{{{NAMESPACE}}}Base") == {"fooBar": "foo_bar"}
    assert field_names(model, f"{{{NAMESPACE}}}Derived") == {"foo_bar": "foo_bar_"}


ODD_VALUES = ["1.5", "-", "ä", "", "a-b", "a_b", "A+", "A", "a", "mro"]


def test_enumeration_members_distinct_for_odd_values(tmp_path):
    model = build(
        tmp_path,
        schema_text([element("e", "t:Odd")], [enumeration("Odd", ODD_VALUES)]),
    )

    members = member_names(model, f"{{{NAMESPACE}}}Odd")

    assert_distinct_identifiers(list(members.values()))
    assert members == {
        "1.5": "VALUE_1_5",
        "-": "HYPHEN_MINUS",
        "ä": "Ä",
        "": "EMPTY",
        "a-b": "A_HYPHEN_MINUS_B",
        "a_b": "A_B",
        "A+": "A_PLUS_SIGN",
        "A": "A",
        "a": "A_",
        "mro": "MRO",
    }


def test_function_names_differ_for_classes_differing_in_case(tmp_path):
    types = ["FOOBar", "FooBar"]
    members = [element(f"e{i}", f"t:{name}") for i, name in enumerate(types)]
    model = build(tmp_path, schema_text(members, [complex_type(n) for n in types]))

    functions = function_names(model)
    stems = [functions[f"{{{NAMESPACE}}}{name}"] for name in types]

    assert len({stem.upper() for stem in stems}) == 2
    assert functions[f"{{{NAMESPACE}}}FooBar"] == "foo_bar"


def test_function_name_of_reserved_stem(tmp_path):
    model = build(
        tmp_path, schema_text([element("s", "t:Stream")], [complex_type("Stream")])
    )

    assert (
        function_names(model)[f"{{{NAMESPACE}}}Stream"] not in RESERVED_FUNCTION_NAMES
    )


def test_function_name_not_dispatch_of_other(tmp_path):
    types = ["Price", "AnyPrice"]
    members = [element(f"e{i}", f"t:{name}") for i, name in enumerate(types)]
    model = build(tmp_path, schema_text(members, [complex_type(n) for n in types]))

    functions = function_names(model)

    assert functions[f"{{{NAMESPACE}}}Price"] == "price"
    assert functions[f"{{{NAMESPACE}}}AnyPrice"] != "any_price"


# One package with every collision ---------------------------------------------

EVERY_COLLISION_MEMBERS = [
    *[element(f"t{i}", f"t:{name}") for i, name in enumerate(SPELLINGS)],
    *[element(name) for name in SPELLINGS],
    *[
        element(name)
        for name in ["class", "type", "list", "match", "values", "unknown_content"]
    ],
    element("größe"),
    element("名前"),
    element("problem", "t:problem"),
    element("n", "t:Number8.2Type"),
    element("m", "t:Number82Type"),
    element("upper", "t:FOOBar"),
    element("stream", "t:Stream"),
    element("odd", "t:Odd"),
    '<xs:element name="root" minOccurs="0"><xs:complexType><xs:sequence>'
    '<xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>'
    "</xs:element>",
    '<xs:attribute name="fooBar" type="xs:string"/>',
]
EVERY_COLLISION_TYPES = [
    *[complex_type(name) for name in SPELLINGS],
    *[
        complex_type(name)
        for name in ["problem", "Number8.2Type", "Number82Type", "FOOBar", "Stream"]
    ],
    enumeration("Odd", ODD_VALUES),
]
EVERY_COLLISION_DOCUMENT = (
    f'<t:root xmlns:t="{NAMESPACE}" fooBar="attribute">'
    + "".join(f"<t:t{i}><t:x>{i}</t:x></t:t{i}>" for i in range(len(SPELLINGS)))
    + "".join(f"<t:{name}>{name}</t:{name}>" for name in SPELLINGS)
    + "<t:class>c</t:class><t:type>t</t:type><t:list>l</t:list><t:match>m</t:match>"
    "<t:values>v</t:values><t:unknown_content>u</t:unknown_content>"
    "<t:größe>g</t:größe><t:名前>n</t:名前><t:problem><t:x>p</t:x></t:problem>"
    "<t:n><t:x>n</t:x></t:n><t:m><t:x>m</t:x></t:m><t:upper><t:x>u</t:x></t:upper>"
    "<t:stream><t:x>s</t:x></t:stream><t:odd>a-b</t:odd>"
    "<t:root><t:x>inner</t:x></t:root></t:root>"
)


def test_package_with_every_collision_round_trips(tmp_path, generated_packages):
    schema = tmp_path / "collisions.xsd"
    schema.write_text(
        schema_text(EVERY_COLLISION_MEMBERS, EVERY_COLLISION_TYPES), encoding="utf-8"
    )
    assert xmlschema.XMLSchema10(str(schema)).is_valid(EVERY_COLLISION_DOCUMENT)

    package = generated_packages("names_collisions", schema, roots=("root",))
    document = package.read_xml(EVERY_COLLISION_DOCUMENT)

    assert document.values_ == "v"
    assert document.unknown_content_ == "u"
    assert getattr(document, "名前") == "n"
    assert document.odd.name == "A_HYPHEN_MINUS_B"
    assert type(document.problem).__name__ == "Problem_"
    assert package.read_xml(package.write_xml(document)) == document
    assert package.read_json(package.write_json(document)) == document


# Stability ---------------------------------------------------------------------


def _names_of(tmp_path: Path, members: list[str], types: list[str], name: str):
    return every_name(build(tmp_path, schema_text(members, types), file_name=name))


BASE_MEMBERS = [
    element("a", "t:fooBar"),
    element("b", "t:FooBar"),
    element("c", "t:Colour"),
    element("houseNumber"),
    element("house_number"),
]
BASE_TYPES = [
    complex_type("fooBar"),
    complex_type("FooBar"),
    enumeration("Colour", ["A+", "a", "A"]),
]


@pytest.mark.parametrize(
    "extra_members, extra_types",
    [
        pytest.param(
            [element("z", "t:Other")], [complex_type("Other")], id="unrelated"
        ),
        pytest.param(
            [element("y", "t:foo-bar"), element("house-number")],
            [complex_type("foo-bar")],
            id="colliding with existing names",
        ),
        pytest.param(
            [element("w", "t:bazQux"), element("v", "t:BazQux")],
            [complex_type("bazQux"), complex_type("BazQux")],
            id="colliding among themselves",
        ),
    ],
)
def test_added_type_renames_nothing(tmp_path, extra_members, extra_types):
    before = _names_of(tmp_path, BASE_MEMBERS, BASE_TYPES, "before.xsd")
    after = _names_of(
        tmp_path, BASE_MEMBERS + extra_members, BASE_TYPES + extra_types, "after.xsd"
    )

    changed = {key: (name, after.get(key)) for key, name in before.items()}
    changed = {key: pair for key, pair in changed.items() if pair[0] != pair[1]}
    assert changed == {}


def test_reversed_order_gives_same_names(tmp_path):
    members = BASE_MEMBERS + [element("y", "t:foo-bar"), element("house-number")]
    types = BASE_TYPES + [complex_type("foo-bar")]

    forward = _names_of(tmp_path, members, types, "forward.xsd")
    backward = _names_of(tmp_path, members[::-1], types[::-1], "backward.xsd")

    assert forward == backward


# The name map --------------------------------------------------------------------

MAP_MEMBERS = [
    element("item", "t:Item"),
    element("colour", "t:Colour"),
    '<xs:element name="inner" minOccurs="0"><xs:complexType><xs:sequence>'
    '<xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>'
    "</xs:element>",
    '<xs:element name="size" minOccurs="0"><xs:simpleType>'
    '<xs:restriction base="xs:string"><xs:enumeration value="s"/>'
    "</xs:restriction></xs:simpleType></xs:element>",
]
MAP_TYPES = [
    '<xs:complexType name="Item"><xs:sequence>'
    '<xs:element name="label" type="xs:string"/></xs:sequence>'
    '<xs:attribute name="code" type="xs:string"/></xs:complexType>',
    enumeration("Colour", ["red", "green"]),
]


def build_mapped(tmp_path, names: dict[str, str]) -> SchemaModel:
    return build(tmp_path, schema_text(MAP_MEMBERS, MAP_TYPES), names)


@pytest.mark.parametrize(
    "key, value, where",
    [
        ("Item", "Article", ("class", f"{{{NAMESPACE}}}Item")),
        (f"{{{NAMESPACE}}}Item", "Article", ("class", f"{{{NAMESPACE}}}Item")),
        ("root", "Document", ("class", ROOT)),
        ("root/inner#class", "Inside", ("class", f"{ROOT}/inner")),
        ("Colour", "Color", ("class", f"{{{NAMESPACE}}}Colour")),
        ("root/size#class", "Size", ("class", f"{ROOT}/size")),
        ("Item/label", "title", ("field", f"{{{NAMESPACE}}}Item", "label")),
        ("Item/@code", "code_value", ("field", f"{{{NAMESPACE}}}Item", "@code")),
        ("Colour=red", "SCARLET", ("member", f"{{{NAMESPACE}}}Colour", "red")),
        ("root/size=s", "SMALL", ("member", f"{ROOT}/size", "s")),
    ],
)
def test_name_map_overrides_each_kind(tmp_path, key, value, where):
    model = build_mapped(tmp_path, {key: value})

    assert every_name(model)[where] == value


def test_name_map_renames_nested_anonymous_class(tmp_path):
    model = build_mapped(tmp_path, {"root": "Document"})

    assert model.complex_types[f"{ROOT}/inner"].python_name == "DocumentInner"


def test_name_map_reaches_generated_package(tmp_path, generated_packages):
    schema = tmp_path / "mapped.xsd"
    schema.write_text(schema_text(MAP_MEMBERS, MAP_TYPES), encoding="utf-8")
    names = NameMap(
        {"Item": "Article", "Item/label": "title", "Colour=red": "SCARLET"},
        source="pyproject.toml",
    )
    package = generated_packages("names_mapped", schema, roots=("root",), names=names)
    document = (
        f'<t:root xmlns:t="{NAMESPACE}"><t:item><t:label>L</t:label></t:item>'
        "<t:colour>red</t:colour></t:root>"
    )

    root = package.read_xml(document)

    assert type(root.item).__name__ == "Article"
    assert root.item.title == "L"
    assert root.colour is package.Colour.SCARLET
    assert package.read_xml(package.write_xml(root)) == root


@pytest.mark.parametrize(
    "names, expected",
    [
        ({"Nothing": "X"}, "names no type, field or enumeration value"),
        ({"Item/nothing": "x"}, "names no element 'nothing'"),
        ({"Item/@nothing": "x"}, "names no attribute 'nothing'"),
        ({"Colour=blue": "BLUE"}, "names no value of the enumeration"),
        ({"Item": "not valid"}, "is not a valid Python name"),
        ({"Item/label": "class"}, "is a Python keyword"),
        ({"Item": "article"}, "must not start with a lower-case letter"),
        ({"Item/label": "_label"}, "may not start with an underscore"),
        ({"Item": "Problem"}, "which the generated code already uses"),
        ({"Item/label": "unknown_content"}, "which the generated code already uses"),
        ({"Item": "Colour"}, "also the generated class name"),
        ({"Item": "Same", "Colour": "Same"}, "maps to as well"),
        ({"Item/label": "code"}, "also the generated field name"),
        ({"Colour=red": "GREEN"}, "also the generated member name"),
        ({"{urn:other": "X"}, "never closes it"),
    ],
)
def test_name_map_error(tmp_path, names, expected):
    with pytest.raises(CodegenError) as caught:
        build_mapped(tmp_path, names)

    text = str(caught.value)
    assert expected in text
    assert "[tool.codegen.names]" in text
    assert "pyproject.toml" in text
    assert any(repr(key) in text for key in names)


def test_name_map_key_of_unreached_type_is_skipped(tmp_path):
    text = schema_text(MAP_MEMBERS, MAP_TYPES + [complex_type("Unused")])

    model = build(tmp_path, text, {"Unused": "NotGenerated"})

    assert "NotGenerated" not in class_names(model).values()


def test_name_map_unknown_key_skipped_when_comparing(tmp_path, caplog):
    model = build(
        tmp_path, schema_text(MAP_MEMBERS, MAP_TYPES), {"Nothing": "X"}, strict=False
    )

    assert "X" not in class_names(model).values()
    assert "'Nothing'" in caplog.text


def test_name_map_must_be_table_of_strings(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.codegen]\nschema = "s.xsd"\nroots = ["root"]\npackage = "p"\n'
        'out = "out"\n[tool.codegen.names]\nItem = 1\n',
        encoding="utf-8",
    )

    with pytest.raises(CodegenError, match="names must be a table of strings"):
        read_config(pyproject)


# Renames in the change report ---------------------------------------------------


def test_diff_reports_renames_from_name_map(tmp_path):
    text = schema_text(MAP_MEMBERS, MAP_TYPES)
    old = build(tmp_path, text, strict=False, file_name="old.xsd")
    new = build(
        tmp_path,
        text,
        {
            "Item": "Article",
            "Item/label": "title",
            "Colour=red": "SCARLET",
            "Colour": "Color",
        },
        strict=False,
        file_name="new.xsd",
    )

    changes = {(c.kind, c.path): c for c in compare_models(old, new)}

    assert set(changes) == {
        ("class-renamed", "Item"),
        ("class-renamed", "Colour"),
        ("field-renamed", "Item/label"),
        ("enum-member-renamed", "Colour/red"),
    }
    renamed = changes[("class-renamed", "Item")]
    assert renamed.detail == "class Item renamed to Article"
    assert renamed.python_name == "Article"
    assert set(renamed.affected) == {"Item", "Article", "Root"}
    assert changes[("enum-member-renamed", "Colour/red")].python_name == (
        "Color.SCARLET"
    )
    for change in changes.values():
        assert change.sender.severity == "compatible"
        assert change.receiver.severity == "compatible"


def test_diff_reports_anonymous_enumeration_renames(tmp_path):
    text = schema_text(MAP_MEMBERS, MAP_TYPES)
    old = build(tmp_path, text, strict=False, file_name="old.xsd")
    new = build(
        tmp_path,
        text,
        {"root/size#class": "Size", "root/size=s": "SMALL"},
        strict=False,
        file_name="new.xsd",
    )

    changes = [(c.kind, c.path, c.python_name) for c in compare_models(old, new)]

    assert sorted(changes) == [
        ("class-renamed", "root/size", "Size"),
        ("enum-member-renamed", "root/size/s", "Size.SMALL"),
    ]


def test_diff_command_reads_name_map_of_new_side(tmp_path, capsys):
    schema = tmp_path / "schema.xsd"
    schema.write_text(schema_text(MAP_MEMBERS, MAP_TYPES), encoding="utf-8")
    base = (
        '[tool.codegen]\nschema = "schema.xsd"\nroots = ["root"]\n'
        'package = "p"\nout = "out"\n'
    )
    old_config = tmp_path / "old.toml"
    old_config.write_text(base, encoding="utf-8")
    new_config = tmp_path / "new.toml"
    new_config.write_text(
        base + '[tool.codegen.names]\n"Item" = "Article"\n', encoding="utf-8"
    )

    status = main(
        [
            "diff",
            str(schema),
            str(schema),
            "--config",
            str(old_config),
            "--new-names",
            str(new_config),
            "--format",
            "json",
        ]
    )

    output = capsys.readouterr().out
    assert status == 0
    assert '"kind": "class-renamed"' in output
    assert "class Item renamed to Article" in output


def test_diff_command_reads_name_map_of_git_revision(tmp_path, capsys, monkeypatch):
    (tmp_path / "schema.xsd").write_text(
        schema_text(MAP_MEMBERS, MAP_TYPES), encoding="utf-8"
    )
    pyproject = tmp_path / "pyproject.toml"
    base = (
        '[tool.codegen]\nschema = "schema.xsd"\nroots = ["root"]\n'
        'package = "p"\nout = "out"\n[tool.codegen.names]\n'
    )
    pyproject.write_text(base + '"Colour=red" = "SCARLET"\n', encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    pyproject.write_text(base + '"Colour=red" = "CRIMSON"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    status = main(
        ["diff", "schema.xsd", "schema.xsd", "--old-names", "HEAD:pyproject.toml"]
    )

    output = capsys.readouterr().out
    assert status == 0
    assert "Colour/red  (Colour.CRIMSON)" in output
    assert "member SCARLET renamed to CRIMSON" in output


def test_diff_command_rejects_missing_name_map_file(tmp_path, capsys):
    schema = tmp_path / "schema.xsd"
    schema.write_text(schema_text(MAP_MEMBERS, MAP_TYPES), encoding="utf-8")

    status = main(["diff", str(schema), str(schema), "--new-names", "missing.toml"])

    assert status == 2
    assert "'missing.toml' is neither a pyproject.toml file" in capsys.readouterr().err


# Reserved names against a fresh generation ---------------------------------------


def _module_level_names(text: str) -> set[str]:
    names = set()
    for node in ast.parse(text).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name) for alias in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


@pytest.fixture(scope="module")
def project_files(project_config):
    return generate(project_config)


def test_reserved_field_names_cover_mapper_helpers(project_files):
    stems = set(function_names_of_classes(project_files))
    for module in ("xml_mapper.py", "json_mapper.py"):
        helpers = {
            name[1:]
            for name in _module_level_names(project_files[module])
            if name.startswith("_") and name[1:2].islower()
        }
        for verb in ("read", "write"):
            # Per-class functions, and the xsi:type dispatch of a class.
            helpers -= {f"{verb}_{stem}" for stem in stems}
            helpers -= {f"{verb}_any_{stem}" for stem in stems}
        assert helpers <= RESERVED_FIELD_NAMES, sorted(helpers - RESERVED_FIELD_NAMES)


def function_names_of_classes(files: dict[str, str]) -> list[str]:
    """Return the stems of `validate_<stem>`, one per generated class."""
    return [
        name.removeprefix("validate_")
        for name in _module_level_names(files["validators.py"])
        if name.startswith("validate_")
    ]


def test_reserved_function_names_cover_mapper_helpers(project_files):
    stems = set(function_names_of_classes(project_files))
    # The xsi:type dispatch of a class is `_read_any_<stem>`; no class may own it.
    dispatch = {f"any_{stem}" for stem in stems}
    assert not dispatch & stems
    for module in ("xml_mapper.py", "json_mapper.py"):
        for name in _module_level_names(project_files[module]):
            for prefix in ("_read_", "_write_"):
                stem = name[len(prefix) :]
                if name.startswith(prefix) and stem not in stems | dispatch:
                    assert name[len(prefix) :] in RESERVED_FUNCTION_NAMES, name


def test_reserved_checker_names_cover_lexical_imports(project_files):
    tree = ast.parse(project_files["simple_types.py"])
    imported = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    for name in imported:
        for prefix in ("parse_", "check_", "format_"):
            if name.startswith(prefix):
                assert name[len(prefix) :] in RESERVED_CHECKER_NAMES, name


def test_capitalised_builtins_used_are_reserved(project_files):
    used = set()
    for name, text in project_files.items():
        if not name.endswith(".py"):
            continue
        for node in ast.walk(ast.parse(text)):
            if (
                isinstance(node, ast.Name)
                and node.id[:1].isupper()
                and hasattr(builtins, node.id)
            ):
                used.add(node.id)

    assert used <= RESERVED_CLASS_NAMES, sorted(used - RESERVED_CLASS_NAMES)
