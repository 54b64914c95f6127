"""Make the benchmark's input documents, in XML and in IS24's JSON form.

Every document comes from the published documentation examples in
IS24_SEED_EXAMPLES: the maximum contact, the minimum contact and the response
to a created contact. The contact lists (`realtorContactDetailsList`) repeat
the maximum contact, with an id, e-mail address and external id that differ
per entry, and `showOnProfilePage` true for the first 20 entries only, since
IS24 allows no more. Output is deterministic, so two runs time the same bytes.

The lists are written once to a cache folder. The JSON form of a list entry
is the project's own conversion of the XML entry, so both forms hold the same
values.

    python bench/inputs.py --sizes 10,1000,100000   # make them without timing
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
COMMON_NAMESPACE = "http://rest.immobilienscout24.de/schema/common/1.0"
# IS24 shows at most this many contacts on a realtor's profile page.
PROFILE_PAGE_LIMIT = 20
SEED_FILES = (
    "create-contact-max.xml",
    "create-contact-min.xml",
    "created-response.xml",
    "created-response.json",
)
# Bump when the way lists are built changes, so that cached lists are remade.
LIST_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Document:
    """One benchmark input, with its file in each format."""

    name: str
    root: str
    xml: Path
    json: Path
    entries: int | None = None  # the number of contacts of a list

    @property
    def is_list(self) -> bool:
        return self.entries is not None


def seed_folder() -> Path:
    """Return the folder of IS24's documentation examples, from IS24_SEED_EXAMPLES."""
    value = os.environ.get("IS24_SEED_EXAMPLES")
    if not value:
        raise SystemExit(
            "IS24_SEED_EXAMPLES is not set: point it at the folder of IS24's "
            "documentation examples (create-contact-max.xml and the others)"
        )
    folder = Path(value)
    missing = [name for name in SEED_FILES if not (folder / name).is_file()]
    if missing:
        raise SystemExit(
            f"IS24_SEED_EXAMPLES={value} lacks {', '.join(missing)}: "
            "point it at the folder of IS24's documentation examples"
        )
    return folder


def input_folder(seed: Path) -> Path:
    """Return the cache folder for inputs made from these seed files."""
    digest = hashlib.sha256(str(LIST_FORMAT_VERSION).encode())
    for name in SEED_FILES:
        digest.update((seed / name).read_bytes())
    return CACHE / f"inputs-{digest.hexdigest()[:12]}"


def make_documents(sizes: list[int], folder: Path | None = None) -> list[Document]:
    """Write the single documents and a list of each size, reusing cached files."""
    seed = seed_folder()
    folder = folder or input_folder(seed)
    folder.mkdir(parents=True, exist_ok=True)
    documents = [
        _single(seed, folder, "contact-max", "create-contact-max.xml"),
        _single(seed, folder, "contact-min", "create-contact-min.xml"),
        _response(seed, folder),
    ]
    template = _list_entry_template(seed)
    for size in sizes:
        documents.append(_contact_list(folder, size, template))
    return documents


def _single(seed: Path, folder: Path, name: str, seed_name: str) -> Document:
    """Copy a seed contact, and write its JSON form with the project's converter."""
    xml_path = folder / f"{name}.xml"
    json_path = folder / f"{name}.json"
    if not (xml_path.is_file() and json_path.is_file()):
        data = (seed / seed_name).read_bytes()
        json_text = _convert_to_json(data)
        _write_atomically(xml_path, data)
        _write_atomically(json_path, json_text.encode())
    return Document(name, "realtorContactDetail", xml_path, json_path)


def _response(seed: Path, folder: Path) -> Document:
    """Copy the created-contact response, which the seed has in both formats."""
    xml_path = folder / "response.xml"
    json_path = folder / "response.json"
    if not (xml_path.is_file() and json_path.is_file()):
        _write_atomically(xml_path, (seed / "created-response.xml").read_bytes())
        _write_atomically(json_path, (seed / "created-response.json").read_bytes())
    return Document("response", "messages", xml_path, json_path)


def _convert_to_json(xml_data: bytes) -> str:
    import is24_common

    contact = is24_common.read_xml(xml_data, validate=False)
    return is24_common.write_json(contact, validate=False)


@dataclass(frozen=True)
class _EntryTemplate:
    """The maximum contact as a list entry: XML child elements and a JSON object."""

    xml_children: list[ElementTree.Element]
    json_entry: dict


def _list_entry_template(seed: Path) -> _EntryTemplate:
    """Build one list entry from the maximum contact, in both formats."""
    contact = ElementTree.fromstring((seed / "create-contact-max.xml").read_bytes())
    children = list(contact)
    one_entry = _list_xml([_entry_xml(children, 0)])
    import is24_common

    contact_list = is24_common.read_xml(one_entry, validate=False)
    document = json.loads(is24_common.write_json(contact_list, validate=False))
    (entries,) = document["common.realtorContactDetailsList"].values()
    return _EntryTemplate(children, entries[0])


def _varied_values(index: int) -> dict[str, str]:
    """Return the values that differ between the entries of a list."""
    return {
        "id": str(1_000_000 + index),
        "email": f"contact-{index:06d}@example.com",
        "externalId": f"ext-{index:06d}",
        "showOnProfilePage": "true" if index < PROFILE_PAGE_LIMIT else "false",
    }


def _entry_xml(children: list[ElementTree.Element], index: int) -> str:
    values = _varied_values(index)
    lines = [f"  <realtorContactDetails id={quoteattr(values['id'])}>"]
    for child in children:
        lines.append(_element_xml(child, values, "    "))
    lines.append("  </realtorContactDetails>")
    return "\n".join(lines)


def _element_xml(
    element: ElementTree.Element, values: dict[str, str], indent: str
) -> str:
    if len(element):
        inner = "\n".join(
            _element_xml(child, values, indent + "  ") for child in element
        )
        return f"{indent}<{element.tag}>\n{inner}\n{indent}</{element.tag}>"
    text = values.get(element.tag, (element.text or "").strip())
    return f"{indent}<{element.tag}>{escape(text)}</{element.tag}>"


def _list_xml(entries: list[str]) -> bytes:
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<common:realtorContactDetailsList xmlns:common="{COMMON_NAMESPACE}">\n'
    )
    body = "\n".join(entries)
    return (head + body + "\n</common:realtorContactDetailsList>\n").encode()


def _entry_json(template: dict, index: int) -> dict:
    values = _varied_values(index)
    entry = dict(template)
    entry["@id"] = int(values["id"])
    for name in ("email", "externalId", "showOnProfilePage"):
        entry[name] = values[name]
    return entry


def _contact_list(folder: Path, size: int, template: _EntryTemplate) -> Document:
    """Write a list of `size` contacts in XML and JSON, unless the cache has it."""
    name = f"list-{size}"
    xml_path = folder / f"{name}.xml"
    json_path = folder / f"{name}.json"
    if not xml_path.is_file():
        print(f"making {xml_path.name} ({size} contacts)", file=sys.stderr, flush=True)
        entries = [_entry_xml(template.xml_children, index) for index in range(size)]
        _write_atomically(xml_path, _list_xml(entries))
    if not json_path.is_file():
        print(f"making {json_path.name} ({size} contacts)", file=sys.stderr, flush=True)
        items = [_entry_json(template.json_entry, index) for index in range(size)]
        document = {
            "common.realtorContactDetailsList": {"realtorContactDetails": items}
        }
        _write_atomically(json_path, json.dumps(document).encode())
    return Document(name, "realtorContactDetailsList", xml_path, json_path, size)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary name, so an interrupted run leaves no partial file."""
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="10,1000",
        help="comma-separated numbers of contacts of the lists to make (default: 10,1000)",
    )
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",") if size]
    for document in make_documents(sizes):
        print(f"{document.name}: {document.xml} {document.json}")


if __name__ == "__main__":
    main()
