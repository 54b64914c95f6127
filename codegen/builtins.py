"""Facts about each supported XSD built-in type that the generated code relies on.

Value spaces and lexical rules follow XSD 1.1 Part 2, section 3
(https://www.w3.org/TR/xmlschema11-2/#built-in-datatypes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "string", "boolean", "integer", "decimal", "float", "temporal", "duration", "binary"
]


@dataclass(frozen=True)
class Builtin:
    """The Python type, kind and value range of one built-in type.

    `pattern` is an XSD regular expression that every value of the type matches
    (the lexical rule of `Name`, `NCName`, `language`, ...), or None.
    """

    kind: Kind
    python_type: str
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    # The lexical module's function suffix for kinds with one parser per type
    # (`hex_binary` -> parse_hex_binary), or the value class of a date, time or
    # duration type, whose `from_lexical` parses it.
    lexical: str | None = None


_NCNAME = r"[\i-[:]][\c-[:]]*"

BUILTINS: dict[str, Builtin] = {
    "string": Builtin("string", "str"),
    "normalizedString": Builtin("string", "str"),
    "token": Builtin("string", "str"),
    # xmlschema 4.3.2 accepts any string as an anyURI, so no rule is added here.
    "anyURI": Builtin("string", "str"),
    "language": Builtin("string", "str", pattern=r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*"),
    "NMTOKEN": Builtin("string", "str", pattern=r"\c+"),
    "Name": Builtin("string", "str", pattern=r"\i\c*"),
    "NCName": Builtin("string", "str", pattern=_NCNAME),
    "ID": Builtin("string", "str", pattern=_NCNAME),
    "IDREF": Builtin("string", "str", pattern=_NCNAME),
    "ENTITY": Builtin("string", "str", pattern=_NCNAME),
    "boolean": Builtin("boolean", "bool"),
    "integer": Builtin("integer", "int"),
    "nonPositiveInteger": Builtin("integer", "int", maximum=0),
    "negativeInteger": Builtin("integer", "int", maximum=-1),
    "nonNegativeInteger": Builtin("integer", "int", minimum=0),
    "positiveInteger": Builtin("integer", "int", minimum=1),
    "long": Builtin("integer", "int", -(2**63), 2**63 - 1),
    "int": Builtin("integer", "int", -(2**31), 2**31 - 1),
    "short": Builtin("integer", "int", -(2**15), 2**15 - 1),
    "byte": Builtin("integer", "int", -(2**7), 2**7 - 1),
    "unsignedLong": Builtin("integer", "int", 0, 2**64 - 1),
    "unsignedInt": Builtin("integer", "int", 0, 2**32 - 1),
    "unsignedShort": Builtin("integer", "int", 0, 2**16 - 1),
    "unsignedByte": Builtin("integer", "int", 0, 2**8 - 1),
    "decimal": Builtin("decimal", "decimal.Decimal"),
    "float": Builtin("float", "float"),
    "double": Builtin("float", "float"),
    "dateTime": Builtin("temporal", "XsdDateTime", lexical="XsdDateTime"),
    "date": Builtin("temporal", "XsdDate", lexical="XsdDate"),
    "time": Builtin("temporal", "XsdTime", lexical="XsdTime"),
    "gYearMonth": Builtin("temporal", "XsdGYearMonth", lexical="XsdGYearMonth"),
    "gYear": Builtin("temporal", "XsdGYear", lexical="XsdGYear"),
    "gMonthDay": Builtin("temporal", "XsdGMonthDay", lexical="XsdGMonthDay"),
    "gMonth": Builtin("temporal", "XsdGMonth", lexical="XsdGMonth"),
    "gDay": Builtin("temporal", "XsdGDay", lexical="XsdGDay"),
    "duration": Builtin("duration", "XsdDuration", lexical="XsdDuration"),
    "hexBinary": Builtin("binary", "bytes", lexical="hex_binary"),
    "base64Binary": Builtin("binary", "bytes", lexical="base64_binary"),
}

# The value classes that lexical.py defines for the types above.
VALUE_CLASSES = sorted(
    {
        builtin.python_type
        for builtin in BUILTINS.values()
        if builtin.python_type.startswith("Xsd")
    }
)
