"""Report which file satisfied each xs:include and xs:import of a loaded schema.

xmlschema resolves a reference in one of four ways. It follows the
schemaLocation, or a location given for the namespace (`--location` or
`[tool.codegen.locations]`). It may take its own bundled copy of a well-known
schema instead (the XSD meta-schema, xml.xsd, XMLSchema-instance.xsd,
xlink.xsd), or load nothing for an import without a location. The report names
the file of each reference and how it was found, so that a substituted or
missing file shows in the output.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import xmlschema

from codegen.errors import element_line, file_path
from codegen.model import XSD_NAMESPACE

_XSD = f"{{{XSD_NAMESPACE}}}"
_REFERENCE_TAGS = {f"{_XSD}include": "include", f"{_XSD}import": "import"}
_BUNDLED_FOLDER = Path(xmlschema.__file__).resolve().parent / "schemas"


@dataclass(frozen=True)
class Reference:
    """One xs:include or xs:import and the file that satisfied it (None if none)."""

    kind: str
    schema: str
    line: int | None
    namespace: str
    location: str
    resolved: str | None
    origin: str

    def describe(self) -> str:
        where = f"{self.schema}:{self.line}" if self.line else self.schema
        target = self.location if self.kind == "include" else self.namespace
        if self.resolved is None:
            return f"{where}: {self.kind} {target}: not loaded ({self.origin})"
        return f"{where}: {self.kind} {target} -> {self.resolved} ({self.origin})"


def bundled_name(path: str) -> str | None:
    """Return `xmlschema/schemas/...` for a file of xmlschema's bundled copies, else None."""
    try:
        relative = Path(path).resolve().relative_to(_BUNDLED_FOLDER)
    except ValueError:
        return None
    return f"xmlschema/schemas/{relative.as_posix()}"


def schema_references(
    schema: xmlschema.XMLSchema10,
    locations: Mapping[str, str],
    origins: Mapping[str, str],
) -> list[Reference]:
    """List every include and import of the documents the schema loaded.

    The XSD meta-schema's own imports are left out: every schema has them.
    `origins` names where each entry of `locations` came from.
    """
    documents = [
        document
        for document in schema.maps.iter_schemas()
        if document.target_namespace != XSD_NAMESPACE
    ]
    by_namespace: dict[str, list[str]] = {}
    for document in schema.maps.iter_schemas():
        by_namespace.setdefault(document.target_namespace, []).append(document.url)
    references = []
    for document in documents:
        for elem in document.root:
            kind = _REFERENCE_TAGS.get(elem.tag)
            if kind is None:
                continue
            references.append(
                _reference(document, elem, kind, by_namespace, locations, origins)
            )
    return references


def _reference(document, elem, kind, by_namespace, locations, origins) -> Reference:
    location = elem.get("schemaLocation", "")
    namespace = (
        elem.get("namespace", "") if kind == "import" else document.target_namespace
    )
    loaded = by_namespace.get(namespace, [])
    target = urljoin(document.url, location) if location else None
    mapped = locations.get(namespace)
    mapped_url = Path(mapped).resolve().as_uri() if mapped else None
    if target is not None and target in loaded:
        resolved, origin = target, "schemaLocation"
    elif mapped_url is not None and mapped_url in loaded:
        resolved = mapped_url
        origin = (
            f"location of the namespace from {origins.get(namespace, '--location')}"
        )
    elif loaded:
        resolved, origin = loaded[0], _unmapped_origin(loaded[0], location)
    else:
        resolved = None
        origin = (
            "no schemaLocation and no location mapped for the namespace; map it "
            "with --location NAMESPACE=PATH or in [tool.codegen.locations]"
        )
    source = file_path(document.url)
    return Reference(
        kind=kind,
        schema=bundled_name(source) or source,
        line=element_line(document.url, document.root, elem),
        namespace=namespace,
        location=location,
        resolved=None if resolved is None else _display(resolved),
        origin=origin,
    )


def _unmapped_origin(url: str, location: str) -> str:
    if bundled_name(file_path(url)) is not None:
        reason = (
            f"schemaLocation {location!r} not used" if location else "no schemaLocation"
        )
        return f"xmlschema's bundled copy, {reason} and no location mapped"
    return "already loaded for the namespace by another reference"


def _display(url: str) -> str:
    path = file_path(url)
    return bundled_name(path) or path


def namespace_digest(schema: xmlschema.XMLSchema10, namespace: str) -> str:
    """Return a digest of the contents of every schema document of a namespace.

    Only the bytes count, not the paths, so a copy of the same files elsewhere
    gives the same digest. A chameleon include belongs to the namespace of the
    schema that includes it.
    """
    digests = sorted(
        hashlib.sha256(Path(file_path(document.url)).read_bytes()).hexdigest()
        for document in schema.maps.iter_schemas()
        if document.target_namespace == namespace and document.url
    )
    return "sha256:" + hashlib.sha256("\n".join(digests).encode()).hexdigest()
