"""The generator's pipeline: load the schema, build the model, render, format."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from codegen.config import Config
from codegen.errors import CodegenError, file_path
from codegen.json_schema import SCHEMA_FILE, json_schema_text
from codegen.load import build_model, global_names, load_schema, nesting_error
from codegen.model import SchemaModel
from codegen.references import namespace_digest, schema_references
from codegen.render import Renderer
from codegen.reuse import (
    ReusedPackage,
    added_members,
    check_reuse,
    find_package,
    reused_needs,
)

logger = logging.getLogger(__name__)


def schema_label(schema: Path, root: Path) -> str:
    """Name the schema in generated headers without machine-specific folders."""
    try:
        return schema.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return schema.name


def load_model(config: Config) -> SchemaModel:
    locations = {
        namespace: os.fspath(config.root / path)
        for namespace, path in config.locations.items()
    }
    logger.info("loading %s", config.schema)
    schema = load_schema(config.schema, locations)
    references = schema_references(schema, locations, config.location_origins)
    logger.info("includes and imports:%s", "" if references else " none")
    for reference in references:
        logger.info("  %s", reference.describe())
    roots: tuple[str, ...] | list[str] = config.roots
    named_types: list[str] = []
    if config.every_type:
        elements, named_types = global_names(schema)
        roots = _document_roots(schema, elements)
    try:
        model = build_model(
            schema,
            roots,
            source=schema_label(config.schema, config.root),
            deprecations=config.deprecations,
            names=config.names,
            named_types=named_types,
        )
    except RecursionError:
        raise nesting_error(config.schema) from None
    for namespace in {model.target_namespace, *config.reuse}:
        model.digests[namespace] = namespace_digest(schema, namespace)
    model.documents = {
        namespace: locations.get(namespace) or _first_document(schema, namespace)
        for namespace in config.reuse
    }
    return model


def _document_roots(schema, elements: list[str]) -> list[str]:
    """Return the global elements that --all generates as document roots.

    An abstract element never starts a document, and an element of simple
    type is not supported as a root yet. Both are named in the output. The
    types they use are generated as named types or through other roots.
    """
    roots = []
    for name in elements:
        xsd_element = schema.maps.elements[name]
        if xsd_element.abstract:
            logger.info("not a root: %s is abstract", xsd_element.local_name)
        elif xsd_element.type.is_simple():
            logger.warning(
                "not a root: %s has a simple type, which roots do not support yet",
                xsd_element.local_name,
            )
        else:
            roots.append(name)
    return roots


def _first_document(schema, namespace: str) -> str:
    """Return the file of the first document of a namespace, for messages."""
    for document in schema.maps.iter_schemas():
        if document.target_namespace == namespace and document.url:
            return file_path(document.url)
    return "(none loaded)"


def reused_packages(config: Config, model: SchemaModel) -> dict[str, ReusedPackage]:
    """Find the packages named by --use and [tool.codegen.use] and check each against the model."""
    if model.target_namespace in config.reuse:
        raise CodegenError(
            f"the schema's own namespace {model.target_namespace!r} cannot be reused "
            "from another package: remove it from --use and [tool.codegen.use]"
        )
    reused = {}
    for namespace, package in sorted(config.reuse.items()):
        origin = config.reuse_origins.get(namespace, "--use")
        found = find_package(package, config.out, origin)
        # Before check_reuse, which would report the item classes that such
        # members add as types missing from the reused package.
        added = added_members(model, namespace)
        if added:
            raise CodegenError(
                f"this schema adds members to substitution groups that types of "
                f"{namespace!r} refer to ({', '.join(added[:10])}), so the reused "
                f"package {package!r} cannot read them: generate that namespace into "
                "this package instead (remove it from --use and [tool.codegen.use])",
            )
        check_reuse(
            found,
            namespace,
            model.digests[namespace],
            reused_needs(model, namespace),
            model.documents[namespace],
        )
        reused[namespace] = found
    runtimes = sorted({found.runtime_package for found in reused.values()})
    if len(runtimes) > 1:
        raise CodegenError(
            "the reused packages use different runtime packages "
            f"({', '.join(runtimes)}), so their errors and kept content would be "
            "different classes: generate each of them reusing the same common package"
        )
    return reused


def generate(config: Config) -> dict[str, str]:
    """Return the generated package as a mapping of file name to content.

    Besides the Python modules, the package carries `schema.json`, the JSON
    Schema of its JSON form (see codegen.json_schema).
    """
    model = load_model(config)
    reused = reused_packages(config, model)
    logger.info(
        "rendering package %s: %d classes, %d enumerations%s",
        config.package,
        len(model.complex_types),
        len(model.enumerations),
        f" (those of {', '.join(sorted(config.reuse))} reused)" if reused else "",
    )
    try:
        files = Renderer(model, config, model.source, reused).render()
    except RecursionError:
        raise nesting_error(config.schema) from None
    files[SCHEMA_FILE] = json_schema_text(model, config, model.source)
    return files
