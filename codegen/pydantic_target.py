"""The pydantic target: pydantic v2 models generated from the package's JSON Schema.

`python -m codegen --target pydantic` builds the JSON Schema that the main
target writes as `schema.json` and hands it to datamodel-code-generator, which
the `test` extra installs (`pip install -e '.[test]'`). The models check what
pydantic can express of the schema; README.md lists where they accept or reject
a document that the generated `read_json` does not.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from typing import Any

from codegen.config import Config
from codegen.errors import CodegenError
from codegen.json_schema import END_OF_TEXT, INVALID_XML_CHARACTER, json_schema_text
from codegen.model import SchemaModel
from codegen.render import format_python
from codegen.write import GENERATED_MARK

logger = logging.getLogger(__name__)

# The class of a whole document: one optional field per root key form.
DOCUMENT_CLASS = "Document"


def generate_pydantic(model: SchemaModel, config: Config) -> dict[str, str]:
    """Return the pydantic package as a mapping of file name to content."""
    try:
        from datamodel_code_generator import (
            DataModelType,
            InputFileType,
            PythonVersion,
            generate,
        )
    except ImportError:
        raise CodegenError(
            "the pydantic target needs datamodel-code-generator: run "
            "`pip install -e '.[test]'`"
        ) from None
    schema = _for_pydantic(json.loads(json_schema_text(model, config, model.source)))
    header = _header(model.source)
    logger.info(
        "running datamodel-code-generator for %s", config.pydantic_target_package()
    )
    with warnings.catch_warnings():
        # It warns that its default formatters will change, but black runs below.
        warnings.simplefilter("ignore", FutureWarning)
        code = generate(
            json.dumps(schema),
            input_file_type=InputFileType.JsonSchema,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            class_name=DOCUMENT_CLASS,
            custom_file_header=header,
            disable_timestamp=True,
            use_annotated=True,
            field_constraints=True,
            use_standard_collections=True,
            use_union_operator=True,
            collapse_root_models=True,
            formatters=[],
        )
    if not isinstance(code, str):
        raise RuntimeError(
            "INTERNAL ERROR: datamodel-code-generator wrote several modules; "
            "expected one"
        )
    return {
        "__init__.py": format_python(_package_init(header), "__init__.py"),
        "models.py": format_python(_without_null(code), "models.py"),
        "py.typed": "",
    }


def _header(source: str) -> str:
    return (
        f"{GENERATED_MARK}{source} through its JSON Schema. Do not edit by hand:\n"
        "# change the schema or [tool.codegen] and run "
        "`python -m codegen --target pydantic`."
    )


def _package_init(header: str) -> str:
    return f'''{header}
"""Pydantic v2 models of the IS24 JSON form, generated from its JSON Schema.

`validate_json(data)` checks a whole document in pydantic's strict mode, which
the models need: in lax mode pydantic reads "1_000" as an integer and a numeric
string as a float, where the JSON Schema accepts only the texts that the
generated reader accepts.
"""

from pydantic import ValidationError

from .models import *  # noqa: F403
from .models import {DOCUMENT_CLASS}


def validate_json(data: str | bytes) -> {DOCUMENT_CLASS}:
    """Return the document's model; raise pydantic.ValidationError when it is invalid."""
    return {DOCUMENT_CLASS}.model_validate_json(data, strict=True)
'''


# Texts without the characters outside XML 1.0's Char production, in a syntax
# that Python's re and Rust's regex crate share.
_XML_TEXT = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]*$"

# `| None` in a field annotation whose default is None, on one unformatted line.
_NULLABLE_FIELD = re.compile(r" \| None(?=(?:, Field\(.*\)\])? = None$)", re.MULTILINE)


def _without_null(code: str) -> str:
    """Remove `| None` from the optional fields, so that null is rejected.

    The schema never allows null: an optional member may only be left out.
    datamodel-code-generator 0.97 makes every optional field nullable (its
    strict_nullable works for OpenAPI input only). pydantic does not validate a
    default, so a field typed without None still defaults to None when absent.
    """
    return _NULLABLE_FIELD.sub("", code)


def _for_pydantic(node: Any) -> Any:
    """Return the schema with what pydantic cannot build taken out or restated.

    Rust's regex crate, which pydantic uses, has no lookaround, and its `$`
    already ends the text, so END_OF_TEXT goes. datamodel-code-generator turns
    `contains` into an empty model that accepts any object, so the occurrence
    counts of the array form of a root go too. It ignores `not`, so a string
    without a pattern of its own gets a pattern that excludes the characters
    XML cannot represent (except unpaired surrogates, which Rust's regex crate
    cannot name).
    """
    if isinstance(node, list):
        return [_for_pydantic(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    if node.get("not") == {"pattern": INVALID_XML_CHARACTER} and "pattern" not in node:
        node = {key: value for key, value in node.items() if key != "not"}
        node["pattern"] = _XML_TEXT
    for key, value in node.items():
        if key == "pattern" and isinstance(value, str):
            result[key] = value.removesuffix(END_OF_TEXT)
        elif key == "allOf" and all("contains" in item for item in value):
            continue
        else:
            result[key] = _for_pydantic(value)
    return result
