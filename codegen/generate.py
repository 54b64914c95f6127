"""The generator's pipeline: load the schema, build the model, render, format."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from codegen.config import Config
from codegen.json_schema import SCHEMA_FILE, json_schema_text
from codegen.load import build_model, load_schema, nesting_error
from codegen.model import SchemaModel
from codegen.render import Renderer

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
    try:
        return build_model(
            schema,
            config.roots,
            source=schema_label(config.schema, config.root),
            deprecations=config.deprecations,
            names=config.names,
        )
    except RecursionError:
        raise nesting_error(config.schema) from None


def generate(config: Config) -> dict[str, str]:
    """Return the generated package as a mapping of file name to content.

    Besides the Python modules, the package carries `schema.json`, the JSON
    Schema of its JSON form (see codegen.json_schema).
    """
    model = load_model(config)
    logger.info(
        "rendering package %s: %d classes, %d enumerations",
        config.package,
        len(model.complex_types),
        len(model.enumerations),
    )
    try:
        files = Renderer(model, config, model.source).render()
    except RecursionError:
        raise nesting_error(config.schema) from None
    files[SCHEMA_FILE] = json_schema_text(model, config, model.source)
    return files
