"""Python names for XML names.

Every name depends only on the XML name it comes from, never on the order in
which types are found, so adding a type never renames another one.
"""

from __future__ import annotations

import keyword
import re
import unicodedata

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")


def _words(name: str) -> list[str]:
    ascii_name = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    )
    words = []
    for chunk in _NOT_WORD.split(ascii_name):
        words.extend(part for part in _CAMEL_BOUNDARY.split(chunk) if part)
    return words


def _safe(name: str, prefix: str) -> str:
    if not name:
        return prefix
    if name[0].isdigit():
        name = f"{prefix}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def snake_case(name: str) -> str:
    """Return the snake_case field name for an XML name: `houseNumber` -> `house_number`."""
    return _safe("_".join(word.lower() for word in _words(name)), "field")


def pascal_case(name: str) -> str:
    """Return the class name for an XML name: `realtorContactDetailsList` -> `RealtorContactDetailsList`."""
    words = _words(name)
    return _safe("".join(word[0].upper() + word[1:] for word in words), "Type")


def constant_case(name: str) -> str:
    """Return the enum member name for an enumeration value: `no-salutation` -> `NO_SALUTATION`."""
    return _safe("_".join(word.upper() for word in _words(name)), "VALUE")


# Names that the generated modules import or define beside the model classes
# they import from `models`. A type whose class name is one of them would
# shadow it, so the loader rejects such a type. tests/test_bad_schemas.py
# checks this set against a fresh generation.
RESERVED_CLASS_NAMES = frozenset(
    {
        "Any",
        "BinaryIO",
        "COMPLEX_TYPES",
        "ENUMERATIONS",
        "NAMESPACE",
        "PACKAGE",
        "RUNTIME_PACKAGE",
        "SCHEMA_DIGEST",
        "SIMPLE_TYPES",
        "Callable",
        "DEFAULT_LIMITS",
        "DocumentError",
        "Element",
        "INVALID_XML_CHARACTER",
        "Iterable",
        "Iterator",
        "Limits",
        "MAX_PROBLEMS",
        "ParseError",
        "Problem",
        "Source",
        "T",
        "TooManyProblems",
        "TreeBuilder",
        "TypeVar",
        "UnknownAttribute",
        "UnknownElement",
        "UnknownMember",
        "Union",
        "ValidationError",
        "XMLParser",
        "XMLPullParser",
    }
)
