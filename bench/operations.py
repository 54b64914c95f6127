"""The timed operations: what each tool does with one document, and its setup.

Every operation belongs to a group (XML read, XML write, JSON read, JSON
write) whose baseline is the project's own call without business rules,
because no other tool runs them. Setup (loading a schema, parsing the object
to write) happens before timing; the returned callable is what is timed. The
validators' calls return False for an invalid document, which the worker
reports as a failed row.
"""

from __future__ import annotations

import inspect
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable
from xml.etree import ElementTree

COMMON_NAMESPACE = "http://rest.immobilienscout24.de/schema/common/1.0"

XML_READ = "XML read"
XML_WRITE = "XML write"
JSON_READ = "JSON read"
JSON_WRITE = "JSON write"
GROUPS = (XML_READ, XML_WRITE, JSON_READ, JSON_WRITE)

OURS = "is24_common"
XSDATA = "xsdata"
XMLSCHEMA = "xmlschema"
LXML = "lxml"
STDLIB = "stdlib"
TOOLS = (OURS, XSDATA, XMLSCHEMA, LXML, STDLIB)


@dataclass(frozen=True)
class Operation:
    """One timed call: its group, the tool and the call as shown in the table."""

    key: str
    group: str
    tool: str
    call: str
    baseline: bool = False
    lists_only: bool = False
    # A function of is24_common that must exist for the row to run.
    requires: str | None = None


OPERATIONS = (
    Operation("ours.read_xml", XML_READ, OURS, "read_xml(rules=False)", baseline=True),
    Operation("ours.read_xml_rules", XML_READ, OURS, "read_xml() with business rules"),
    Operation(
        "ours.iter_xml",
        XML_READ,
        OURS,
        "iter_xml(rules=False), every contact",
        lists_only=True,
        requires="iter_xml",
    ),
    Operation("xsdata.xml_parse", XML_READ, XSDATA, "XmlParser().from_bytes"),
    Operation("xmlschema.is_valid", XML_READ, XMLSCHEMA, "XMLSchema.is_valid"),
    Operation("xmlschema.to_dict", XML_READ, XMLSCHEMA, "XMLSchema.to_dict"),
    Operation("lxml.fromstring", XML_READ, LXML, "etree.fromstring"),
    Operation("lxml.validate", XML_READ, LXML, "etree.fromstring + XMLSchema.validate"),
    Operation("stdlib.fromstring", XML_READ, STDLIB, "ElementTree.fromstring"),
    Operation(
        "ours.write_xml",
        XML_WRITE,
        OURS,
        "write_xml(rules=False, pretty=False)",
        baseline=True,
    ),
    Operation(
        "ours.write_xml_stream",
        XML_WRITE,
        OURS,
        "write_xml_stream(rules=False), every chunk",
        lists_only=True,
        requires="write_xml_stream",
    ),
    Operation("xsdata.xml_render", XML_WRITE, XSDATA, "XmlSerializer().render"),
    Operation("stdlib.tostring", XML_WRITE, STDLIB, "ElementTree.tostring of a tree"),
    Operation(
        "ours.read_json", JSON_READ, OURS, "read_json(rules=False)", baseline=True
    ),
    Operation("xsdata.json_parse", JSON_READ, XSDATA, "JsonParser().from_bytes"),
    Operation("stdlib.json_loads", JSON_READ, STDLIB, "json.loads"),
    Operation(
        "ours.write_json",
        JSON_WRITE,
        OURS,
        "write_json(rules=False, indent=None)",
        baseline=True,
    ),
    Operation("xsdata.json_render", JSON_WRITE, XSDATA, "JsonSerializer().render"),
    Operation("stdlib.json_dumps", JSON_WRITE, STDLIB, "json.dumps of json.loads"),
)
OPERATIONS_BY_KEY = {operation.key: operation for operation in OPERATIONS}


@dataclass(frozen=True)
class Inputs:
    """One document's bytes in each format, as every tool receives them."""

    root: str
    xml: bytes
    json: bytes
    is_list: bool

    @classmethod
    def load(
        cls, xml_path: Path, json_path: Path, root: str, is_list: bool
    ) -> "Inputs":
        return cls(root, xml_path.read_bytes(), json_path.read_bytes(), is_list)


class Tools:
    """The libraries under test, each imported and set up on first use."""

    def __init__(
        self,
        xsdata_folder: Path,
        xsdata_schema: Path,
        xmlschema_schema: Path,
        lxml_schema: Path,
    ) -> None:
        self.xsdata_folder = xsdata_folder
        self.xsdata_schema = xsdata_schema
        self.xmlschema_schema = xmlschema_schema
        self.lxml_schema_path = lxml_schema

    @cached_property
    def ours(self) -> Any:
        import is24_common

        return is24_common

    def limits_for(self, data: bytes) -> Any:
        """Return read limits that admit this document: the 100,000 list exceeds 64 MiB."""
        default = self.ours.Limits()
        return self.ours.Limits(max_bytes=max(default.max_bytes, 2 * len(data)))

    @cached_property
    def xsdata_package(self) -> Any:
        import importlib
        import sys

        from xsdata_bindings import PACKAGE

        sys.path.insert(0, str(self.xsdata_folder))
        return importlib.import_module(PACKAGE)

    def xsdata_class(self, root: str) -> type:
        """Return the xsdata class of a global element of the common namespace.

        Every module of the bindings is searched, because the package's
        `__init__` does not re-export the classes of included schemas (messages).
        """
        import importlib
        import pkgutil

        package = self.xsdata_package
        modules = [package] + [
            importlib.import_module(info.name)
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        ]
        for module in modules:
            for value in vars(module).values():
                meta = getattr(value, "Meta", None)
                if (
                    isinstance(value, type)
                    and getattr(meta, "name", None) == root
                    and getattr(meta, "namespace", None) == COMMON_NAMESPACE
                ):
                    return value
        raise LookupError(f"the xsdata bindings have no class for the element {root!r}")

    @cached_property
    def xmlschema(self) -> Any:
        import xmlschema
        import xmlschema.limits

        # xmlschema rejects documents of more than 10**6 elements by default;
        # the 100,000 list has 3.3 million. Ours gets raised limits too.
        xmlschema.limits.MAX_XML_ELEMENTS = 10**9
        return xmlschema.XMLSchema10(str(self.xmlschema_schema))

    @cached_property
    def lxml_schema(self) -> Any:
        from lxml import etree

        return etree.XMLSchema(etree.parse(str(self.lxml_schema_path)))


def prepare(key: str, inputs: Inputs, tools: Tools) -> Callable[[], object]:
    """Set up an operation for one document and return the call to time."""
    return _SETUPS[key](inputs, tools)


def _ours_read_xml(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    read_xml, data, limits = (
        tools.ours.read_xml,
        inputs.xml,
        tools.limits_for(inputs.xml),
    )
    return lambda: read_xml(data, rules=False, limits=limits)


def _ours_read_xml_rules(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    read_xml, data, limits = (
        tools.ours.read_xml,
        inputs.xml,
        tools.limits_for(inputs.xml),
    )
    return lambda: read_xml(data, limits=limits)


def _ours_iter_xml(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    iter_xml, data = tools.ours.iter_xml, inputs.xml
    options = _accepted(iter_xml, rules=False, limits=tools.limits_for(inputs.xml))

    def read_every_contact() -> int:
        count = 0
        for _contact in iter_xml(data, **options):
            count += 1
        return count

    return read_every_contact


def _ours_write_xml(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    write_xml, contact = tools.ours.write_xml, _ours_object(inputs, tools)
    return lambda: write_xml(contact, rules=False, pretty=False)


def _ours_write_xml_stream(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    write_xml_stream = tools.ours.write_xml_stream
    items = _ours_object(inputs, tools).realtor_contact_details
    options = _accepted(write_xml_stream, rules=False, pretty=False)

    def write_every_chunk() -> int:
        size = 0
        for chunk in write_xml_stream(items, **options):
            size += len(chunk)
        return size

    return write_every_chunk


def _ours_read_json(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    read_json, data, limits = (
        tools.ours.read_json,
        inputs.json,
        tools.limits_for(inputs.json),
    )
    return lambda: read_json(data, rules=False, limits=limits)


def _ours_write_json(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    write_json, contact = tools.ours.write_json, _ours_object(inputs, tools)
    return lambda: write_json(contact, rules=False, indent=None)


def _ours_object(inputs: Inputs, tools: Tools) -> object:
    return tools.ours.read_xml(
        inputs.xml, rules=False, limits=tools.limits_for(inputs.xml)
    )


def _accepted(function: Callable[..., object], **options: object) -> dict[str, object]:
    """Keep the keyword options that `function` accepts.

    The streaming functions are new; passing only what their signature names
    keeps the benchmark working while their options settle.
    """
    parameters = inspect.signature(function).parameters
    return {name: value for name, value in options.items() if name in parameters}


def _xsdata_xml_parse(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    from xsdata.formats.dataclass.parsers import XmlParser

    parser, data, clazz = XmlParser(), inputs.xml, tools.xsdata_class(inputs.root)
    return lambda: parser.from_bytes(data, clazz)


def _xsdata_object(inputs: Inputs, tools: Tools) -> object:
    from xsdata.formats.dataclass.parsers import XmlParser

    return XmlParser().from_bytes(inputs.xml, tools.xsdata_class(inputs.root))


def _xsdata_xml_render(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    from xsdata.formats.dataclass.serializers import XmlSerializer

    serializer, contact = XmlSerializer(), _xsdata_object(inputs, tools)
    return lambda: serializer.render(contact)


def _xsdata_json_parse(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    """Parse xsdata's own JSON form of the document, made from the XML here.

    xsdata reads JSON that mirrors its dataclasses, not IS24's JSON, so the
    same content is given to it in its own form.
    """
    from xsdata.formats.dataclass.parsers import JsonParser
    from xsdata.formats.dataclass.serializers import JsonSerializer

    clazz = tools.xsdata_class(inputs.root)
    data = JsonSerializer().render(_xsdata_object(inputs, tools)).encode()
    parser = JsonParser()
    return lambda: parser.from_bytes(data, clazz)


def _xsdata_json_render(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    from xsdata.formats.dataclass.serializers import JsonSerializer

    serializer, contact = JsonSerializer(), _xsdata_object(inputs, tools)
    return lambda: serializer.render(contact)


def _xmlschema_is_valid(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    schema, data = tools.xmlschema, inputs.xml
    return lambda: schema.is_valid(data)


def _xmlschema_to_dict(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    schema, data = tools.xmlschema, inputs.xml
    return lambda: schema.to_dict(data)


def _lxml_fromstring(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    from lxml import etree

    fromstring, data = etree.fromstring, inputs.xml
    return lambda: fromstring(data)


def _lxml_validate(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    from lxml import etree

    fromstring, data, schema = etree.fromstring, inputs.xml, tools.lxml_schema
    return lambda: schema.validate(fromstring(data))


def _stdlib_fromstring(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    fromstring, data = ElementTree.fromstring, inputs.xml
    return lambda: fromstring(data)


def _stdlib_tostring(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    tostring, tree = ElementTree.tostring, ElementTree.fromstring(inputs.xml)
    return lambda: tostring(tree)


def _stdlib_json_loads(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    loads, data = json.loads, inputs.json
    return lambda: loads(data)


def _stdlib_json_dumps(inputs: Inputs, tools: Tools) -> Callable[[], object]:
    dumps, document = json.dumps, json.loads(inputs.json)
    return lambda: dumps(document)


_SETUPS: dict[str, Callable[[Inputs, Tools], Callable[[], object]]] = {
    "ours.read_xml": _ours_read_xml,
    "ours.read_xml_rules": _ours_read_xml_rules,
    "ours.iter_xml": _ours_iter_xml,
    "ours.write_xml": _ours_write_xml,
    "ours.write_xml_stream": _ours_write_xml_stream,
    "ours.read_json": _ours_read_json,
    "ours.write_json": _ours_write_json,
    "xsdata.xml_parse": _xsdata_xml_parse,
    "xsdata.xml_render": _xsdata_xml_render,
    "xsdata.json_parse": _xsdata_json_parse,
    "xsdata.json_render": _xsdata_json_render,
    "xmlschema.is_valid": _xmlschema_is_valid,
    "xmlschema.to_dict": _xmlschema_to_dict,
    "lxml.fromstring": _lxml_fromstring,
    "lxml.validate": _lxml_validate,
    "stdlib.fromstring": _stdlib_fromstring,
    "stdlib.tostring": _stdlib_tostring,
    "stdlib.json_loads": _stdlib_json_loads,
    "stdlib.json_dumps": _stdlib_json_dumps,
}
