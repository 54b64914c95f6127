"""Hypothesis strategies for valid instances of the generated package's types.

The strategies are derived from the generator's own model of the schema
(`codegen.generate.load_model`), so a type, element or facet added to the
schema is covered without a change here. Other generated packages are drawn
from after `register_package`. Each strategy draws values from the
value space that the facets allow:

- enumerations: a member of the generated enum, or one of the allowed values;
- strings: matches for every pattern step (XSD patterns are translated to
  Python by elementpath, as the generator does), cut to the length facets, in
  the normalized form that the whiteSpace facet gives;
- integers, decimals and floats: values inside the built-in type's range and
  the min/max facets, with at most totalDigits and fractionDigits digits;
- dates, times and durations: the generated value classes, with years beyond
  9999 and before 1, 24:00:00, nine fraction digits and time zones, inside
  the min/max facets; binary types: bytes of an allowed length;
- lists: lists of item values of an allowed length; unions: a value of any
  member type;
- complex types: every element and attribute, optional ones sometimes left
  out and repeated ones from min_occurs up to a small maximum; the text of a
  type with simple content; an instance of any concrete type derived from
  the declared one, which the writers name in xsi:type;
- nillable elements: sometimes NIL.

Strings contain only characters that XML 1.0 can represent, because no
document can carry any other character.
"""

from __future__ import annotations

import base64
import dataclasses
import decimal
import functools
import re
from pathlib import Path
from types import ModuleType

import is24_common.lexical
import is24_common.models
from codegen.builtins import BUILTINS
from codegen.config import read_config
from codegen.generate import load_model
from codegen.model import (
    VALUE_FIELD,
    Attribute,
    ComplexType,
    Element,
    SchemaModel,
    SimpleType,
)
from elementpath.regex import translate_pattern
from hypothesis import strategies as st

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = read_config(PROJECT / "pyproject.toml")
MODEL: SchemaModel = load_model(CONFIG)

# Generated package name -> (its model, the package). The strategies take the
# package name, so that they stay cacheable, and default to is24_common.
PACKAGES: dict[str, tuple[SchemaModel, ModuleType]] = {
    "is24_common": (MODEL, is24_common)
}
DEFAULT_PACKAGE = "is24_common"


def register_package(model: SchemaModel, package: ModuleType) -> str:
    """Make the strategies draw instances of another generated package; return its name."""
    PACKAGES[package.__name__] = (model, package)
    return package.__name__


# Repeated elements get at most this many items beyond min_occurs, which keeps
# documents small enough to validate quickly.
MAX_EXTRA_ITEMS = 3
# Length cap for strings whose type sets no maxLength.
UNBOUNDED_STRING_SIZE = 40

# The XML 1.0 Char production without the surrogate code points.
XML_CHARACTERS = st.characters(
    exclude_categories=("Cs",),
    exclude_characters=[chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"]
    + ["\ufffe", "\uffff"],
)

_XSD_WHITESPACE = re.compile(r"[ \t\n\r]+")


def python_pattern(xsd_pattern: str) -> str:
    """Translate an XSD pattern to a Python regular expression, as the generator does."""
    return translate_pattern(
        xsd_pattern, back_references=False, lazy_quantifiers=False, anchors=False
    )


def normalize(text: str, white_space: str) -> str:
    """Apply a whiteSpace facet value to a text (XSD 1.1 Part 2, section 4.3.6)."""
    if white_space == "collapse":
        return _XSD_WHITESPACE.sub(" ", text).strip(" ")
    if white_space == "replace":
        return text.translate(str.maketrans("\t\n\r", "   "))
    return text


def pattern_steps(simple_type: SimpleType) -> list[tuple[str, ...]]:
    """Return the pattern steps of a type, the built-in type's lexical rule last."""
    steps = list(simple_type.facets.patterns)
    builtin_pattern = BUILTINS[simple_type.builtin].pattern
    if builtin_pattern:
        steps.append((builtin_pattern,))
    return steps


def length_bounds(simple_type: SimpleType) -> tuple[int, int | None]:
    facets = simple_type.facets
    if facets.length is not None:
        return facets.length, facets.length
    return facets.min_length or 0, facets.max_length


def string_values(simple_type: SimpleType) -> st.SearchStrategy[str]:
    """Return strings of a type's value space: normalized, matching, of allowed length.

    The first pattern step generates candidates and later steps filter them.
    The whiteSpace facet applies before the other facets, so candidates are
    normalized first and then checked against every pattern and length.
    """
    white_space = simple_type.facets.white_space
    minimum, maximum = length_bounds(simple_type)
    steps = [
        [python_pattern(pattern) for pattern in step]
        for step in pattern_steps(simple_type)
    ]

    if steps:
        candidates = st.one_of(
            [
                st.from_regex(pattern, fullmatch=True, alphabet=XML_CHARACTERS)
                for pattern in steps[0]
            ]
        )
    else:
        size = maximum if maximum is not None else max(minimum, UNBOUNDED_STRING_SIZE)
        candidates = st.text(XML_CHARACTERS, min_size=minimum, max_size=size)
        if maximum is not None and maximum > minimum:
            # Hypothesis seldom draws the longest texts by itself.
            at_maximum = st.text(XML_CHARACTERS, min_size=maximum, max_size=maximum)
            candidates = st.one_of(candidates, at_maximum)

    compiled = [[re.compile(pattern) for pattern in step] for step in steps]

    def allowed(value: str) -> bool:
        if len(value) < minimum or (maximum is not None and len(value) > maximum):
            return False
        return all(any(regex.match(value) for regex in step) for step in compiled)

    return candidates.map(functools.partial(normalize, white_space=white_space)).filter(
        allowed
    )


def integer_bounds(simple_type: SimpleType) -> tuple[int | None, int | None]:
    """Return the inclusive range of an integer type from its built-in type and facets."""
    facets = simple_type.facets
    builtin = BUILTINS[simple_type.builtin]
    lower = [builtin.minimum]
    upper = [builtin.maximum]
    if facets.min_inclusive is not None:
        lower.append(int(facets.min_inclusive))
    if facets.min_exclusive is not None:
        lower.append(int(facets.min_exclusive) + 1)
    if facets.max_inclusive is not None:
        upper.append(int(facets.max_inclusive))
    if facets.max_exclusive is not None:
        upper.append(int(facets.max_exclusive) - 1)
    if facets.total_digits is not None:
        lower.append(-(10**facets.total_digits - 1))
        upper.append(10**facets.total_digits - 1)
    known_lower = [bound for bound in lower if bound is not None]
    known_upper = [bound for bound in upper if bound is not None]
    return (
        max(known_lower) if known_lower else None,
        min(known_upper) if known_upper else None,
    )


def decimal_digits(value: decimal.Decimal) -> tuple[int, int]:
    """Return the total and fraction digits of a decimal without insignificant zeros."""
    _, digits, exponent = value.normalize().as_tuple()
    assert isinstance(exponent, int)
    fraction = max(-exponent, 0)
    total = max(len(digits), fraction) if exponent < 0 else len(digits) + exponent
    return max(total, 1), fraction


def decimal_values(simple_type: SimpleType) -> st.SearchStrategy[decimal.Decimal]:
    facets = simple_type.facets

    def bound(text: str | None) -> decimal.Decimal | None:
        return None if text is None else decimal.Decimal(text)

    strategy = st.decimals(
        min_value=bound(facets.min_inclusive),
        max_value=bound(facets.max_inclusive),
        places=facets.fraction_digits,
        allow_nan=False,
        allow_infinity=False,
    )

    def allowed(value: decimal.Decimal) -> bool:
        total, fraction = decimal_digits(value)
        if facets.total_digits is not None and total > facets.total_digits:
            return False
        if facets.fraction_digits is not None and fraction > facets.fraction_digits:
            return False
        if facets.min_exclusive is not None and value <= bound(facets.min_exclusive):
            return False
        return facets.max_exclusive is None or value < bound(facets.max_exclusive)

    return strategy.filter(allowed)


def float_values(simple_type: SimpleType) -> st.SearchStrategy[float]:
    """Return finite floats in range, without NaN because NaN != NaN."""
    facets = simple_type.facets

    def bound(text: str | None) -> float | None:
        return None if text is None else float(text.replace("INF", "inf"))

    return st.floats(
        min_value=bound(facets.min_inclusive or facets.min_exclusive),
        max_value=bound(facets.max_inclusive or facets.max_exclusive),
        exclude_min=facets.min_exclusive is not None,
        exclude_max=facets.max_exclusive is not None,
        allow_nan=False,
        allow_infinity=False,
        width=32 if simple_type.builtin == "float" else 64,
    )


def lexical_to_python(
    simple_type: SimpleType, lexical: str, package: str = DEFAULT_PACKAGE
) -> object:
    """Return the Python value of a lexical form of a type, such as an enumeration value.

    Raises ValueError when the form is not in the type's lexical space (a
    union tries its member types in order).
    """
    module = PACKAGES[package][1]
    if simple_type.is_enumeration:
        enumeration = getattr(module.models, simple_type.python_name)
        return enumeration(normalize(lexical, simple_type.facets.white_space))
    if simple_type.item_type is not None:
        tokens = normalize(lexical, "collapse").split()
        return [
            lexical_to_python(simple_type.item_type, token, package) for token in tokens
        ]
    if simple_type.builtin == "union":
        for member in simple_type.member_types:
            try:
                return lexical_to_python(member, lexical, package)
            except (ValueError, decimal.InvalidOperation):
                continue
        raise ValueError(f"{lexical!r} is not valid for any member type")
    text = normalize(lexical, simple_type.facets.white_space)
    builtin = BUILTINS[simple_type.builtin]
    kind = builtin.kind
    if kind in ("temporal", "duration"):
        return getattr(module.lexical, builtin.lexical).from_lexical(text)
    if kind == "binary":
        collapsed = normalize(text, "collapse").replace(" ", "")
        if builtin.lexical == "hex_binary":
            return bytes.fromhex(collapsed)
        return base64.b64decode(collapsed, validate=True)
    if kind == "boolean":
        return text in ("true", "1")
    if kind == "integer":
        return int(text)
    if kind == "decimal":
        return decimal.Decimal(text)
    if kind == "float":
        return float(text.replace("INF", "inf"))
    return text


# Drawn years reach beyond 9999 and before 1, which Python's datetime cannot hold.
YEARS = st.integers(-12000, 12000).filter(bool)
TIMEZONES = st.none() | st.integers(-14 * 60, 14 * 60)


def _seconds() -> st.SearchStrategy[decimal.Decimal]:
    """Return seconds below 60, with up to nine fraction digits (past Python's six)."""
    fractions = st.sampled_from(["", ".0", ".5", ".25"]) | st.integers(
        0, 10**9 - 1
    ).map(lambda digits: f".{digits:09d}")
    return st.builds(
        lambda whole, fraction: decimal.Decimal(f"{whole}{fraction}"),
        st.integers(0, 59),
        fractions,
    )


@st.composite
def temporal_values(draw, cls: type, days_in_month, years=YEARS) -> object:
    """Draw a valid value of a date or time value class from its dataclass fields."""
    names = {field.name for field in dataclasses.fields(cls)}
    fields: dict[str, object] = {}
    year = draw(years) if "year" in names else 2000
    if "year" in names:
        fields["year"] = year
    if "month" in names:
        fields["month"] = draw(st.integers(1, 12))
    if "day" in names:
        limit = days_in_month(year, fields["month"]) if "month" in names else 31
        fields["day"] = draw(st.integers(1, limit))
    if "hour" in names:
        if draw(st.integers(0, 19)) == 0:
            fields.update(hour=24, minute=0, second=decimal.Decimal(0))
        else:
            fields.update(
                hour=draw(st.integers(0, 23)),
                minute=draw(st.integers(0, 59)),
                second=draw(_seconds()),
            )
    fields["timezone"] = draw(TIMEZONES)
    return cls(**fields)


def duration_values(cls: type) -> st.SearchStrategy[object]:
    # Mostly absent components, so that ranges such as P1M to P1Y are reachable.
    small = st.just(0) | st.just(0) | st.integers(0, 400)
    return st.builds(
        cls,
        negative=st.booleans(),
        years=small,
        months=small,
        days=small,
        hours=small,
        minutes=small,
        seconds=_seconds(),
    )


def python_to_lexical(simple_type: SimpleType, value: object, package: str) -> str:
    """Return the canonical lexical form of a value, as the generated format_* writes it."""
    module = PACKAGES[package][1]
    if simple_type.is_enumeration:
        return value.value  # type: ignore[attr-defined]
    if simple_type.item_type is not None:
        return " ".join(python_to_lexical(simple_type.item_type, item, package) for item in value)  # type: ignore[attr-defined]
    builtin = BUILTINS[simple_type.builtin]
    if builtin.kind == "boolean":
        return "true" if value else "false"
    if builtin.kind == "decimal":
        return module.lexical.format_decimal(value)
    if builtin.kind == "float":
        return module.lexical.format_float(value)
    if builtin.kind == "binary":
        return getattr(module.lexical, f"format_{builtin.lexical}")(value)
    return str(value)


def derived_values(simple_type: SimpleType, package: str) -> st.SearchStrategy[object]:
    """Return values of a list, union, date, time, duration or binary type within its facets.

    Range facets are compared with the generated package's own value-space
    functions (is_less, is_less_or_equal), whose verdicts the builtin-types
    test compares with xmlschema's. Patterns are matched against the canonical
    lexical form.
    """
    module = PACKAGES[package][1]
    facets = simple_type.facets
    minimum, maximum = length_bounds(simple_type)
    if simple_type.item_type is not None:
        values = st.lists(
            simple_values(simple_type.item_type, package),
            min_size=minimum,
            max_size=maximum if maximum is not None else minimum + 4,
        )
    elif simple_type.builtin == "union":
        values = st.one_of(
            [simple_values(member, package) for member in simple_type.member_types]
        )
    else:
        builtin = BUILTINS[simple_type.builtin]
        if builtin.kind == "binary":
            values = st.binary(
                min_size=minimum, max_size=maximum if maximum is not None else 40
            )
        elif builtin.kind == "duration":
            values = duration_values(getattr(module.lexical, builtin.lexical))
        else:
            cls = getattr(module.lexical, builtin.lexical)
            values = temporal_values(
                cls, module.lexical.days_in_month, _years_near_bounds(simple_type, cls)
            )
        values = values.filter(functools.partial(_within_range, simple_type, package))
    compiled = [
        [re.compile(python_pattern(pattern)) for pattern in step]
        for step in facets.patterns
    ]
    if not compiled:
        return values

    return values.filter(
        lambda value: all(
            any(
                regex.fullmatch(_lexical_of(simple_type, value, package))
                for regex in step
            )
            for step in compiled
        )
    )


def _years_near_bounds(simple_type: SimpleType, cls: type) -> st.SearchStrategy[int]:
    """Return years around the range facets' years, so that few drawn values are filtered out."""
    facets = simple_type.facets
    bounds = [
        facets.min_inclusive,
        facets.min_exclusive,
        facets.max_inclusive,
        facets.max_exclusive,
    ]
    years = [getattr(cls.from_lexical(text), "year", None) for text in bounds if text]
    years = [year for year in years if year is not None]
    if not years:
        return YEARS
    return st.integers(min(years) - 1, max(years) + 1).filter(bool)


def _lexical_of(simple_type: SimpleType, value: object, package: str) -> str:
    if simple_type.builtin == "union":
        for member in simple_type.member_types:
            try:
                return python_to_lexical(member, value, package)
            except (AttributeError, TypeError, ValueError):
                continue
    return python_to_lexical(simple_type, value, package)


def _within_range(simple_type: SimpleType, package: str, value: object) -> bool:
    lexical = PACKAGES[package][1].lexical
    builtin = BUILTINS[simple_type.builtin]
    if builtin.kind == "binary":
        return True
    cls = getattr(lexical, builtin.lexical)
    facets = simple_type.facets
    checks = [
        (facets.min_inclusive, lambda bound: not lexical.is_less(value, bound)),
        (facets.max_inclusive, lambda bound: not lexical.is_less(bound, value)),
        (
            facets.min_exclusive,
            lambda bound: not lexical.is_less_or_equal(value, bound),
        ),
        (
            facets.max_exclusive,
            lambda bound: not lexical.is_less_or_equal(bound, value),
        ),
    ]
    return all(
        text is None or allowed(cls.from_lexical(text)) for text, allowed in checks
    )


@functools.cache
def simple_values(
    simple_type: SimpleType, package: str = DEFAULT_PACKAGE
) -> st.SearchStrategy[object]:
    """Return a strategy for the Python values of every valid lexical form of a type."""
    if simple_type.facets.enumeration is not None:
        values = []
        for lexical in simple_type.facets.enumeration:
            try:
                values.append(lexical_to_python(simple_type, lexical, package))
            except ValueError:
                continue  # A value outside the base type is allowed by no document.
        return st.sampled_from(values)

    if simple_type.builtin in ("list", "union") or BUILTINS[
        simple_type.builtin
    ].kind in (
        "temporal",
        "duration",
        "binary",
    ):
        return derived_values(simple_type, package)
    kind = BUILTINS[simple_type.builtin].kind
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        minimum, maximum = integer_bounds(simple_type)
        return st.integers(min_value=minimum, max_value=maximum)
    if kind == "decimal":
        return decimal_values(simple_type)
    if kind == "float":
        return float_values(simple_type)
    return string_values(simple_type)


def member_values(
    component: Element | Attribute,
    simple_type: SimpleType,
    package: str = DEFAULT_PACKAGE,
) -> st.SearchStrategy[object]:
    # A fixed value is the only one allowed.
    if component.fixed is not None:
        return st.just(lexical_to_python(simple_type, component.fixed, package))
    return simple_values(simple_type, package)


def element_values(
    element: Element, package: str = DEFAULT_PACKAGE
) -> st.SearchStrategy[object]:
    """Return the field values of an element: a value, None when optional, or a list."""
    if element.kind == "any":
        # Wildcard content is left empty: no schema of these tests requires it.
        return st.just([]) if element.is_repeated else st.none()
    if element.complex_type is not None:
        item = derived_instances(element.complex_type, package)
    else:
        item = member_values(element, element.simple_type, package)
    if element.nillable:
        item = item | st.just(PACKAGES[package][1].models.NIL)

    if element.is_repeated:
        max_items = element.min_occurs + MAX_EXTRA_ITEMS
        if element.max_occurs is not None:
            max_items = min(max_items, element.max_occurs)
        return st.lists(item, min_size=element.min_occurs, max_size=max_items)
    if element.is_required:
        return item
    return st.none() | item


def attribute_values(
    attribute: Attribute, package: str = DEFAULT_PACKAGE
) -> st.SearchStrategy[object]:
    item = member_values(attribute, attribute.simple_type, package)
    return item if attribute.required else st.none() | item


@functools.cache
def instances(key: str, package: str = DEFAULT_PACKAGE) -> st.SearchStrategy[object]:
    """Return a strategy for valid dataclass instances of the complex type `key`."""
    model, module = PACKAGES[package]
    complex_type = model.complex_types[key]
    cls = getattr(module.models, complex_type.python_name)
    # The fields are built lazily, so a type may contain itself through its
    # elements, because the cache already contains this strategy when they are built.
    return st.deferred(lambda: st.builds(cls, **field_values(complex_type, package)))


@functools.cache
def derived_instances(
    key: str, package: str = DEFAULT_PACKAGE
) -> st.SearchStrategy[object]:
    """Return a strategy for instances of a type or of any concrete type derived from it."""
    model = PACKAGES[package][0]
    complex_type = model.complex_types[key]
    candidates = [complex_type, *model.derived_types(complex_type)]
    return st.one_of(
        [instances(item.key, package) for item in candidates if not item.abstract]
    )


def field_values(
    complex_type: ComplexType, package: str = DEFAULT_PACKAGE
) -> dict[str, st.SearchStrategy[object]]:
    model = PACKAGES[package][0]
    elements = model.all_elements(complex_type)
    fields = {
        element.field_name: element_values(element, package) for element in elements
    }
    for attribute in model.all_attributes(complex_type):
        fields[attribute.field_name] = attribute_values(attribute, package)
    if complex_type.value_type is not None:
        fields[VALUE_FIELD] = simple_values(complex_type.value_type, package)
    for choice in all_choices(complex_type, package):
        _choose_one(
            choice,
            {element.field_name: element for element in elements},
            fields,
            package,
        )
    return fields


def all_choices(complex_type: ComplexType, package: str = DEFAULT_PACKAGE) -> list:
    inherited = []
    if complex_type.base is not None:
        model = PACKAGES[package][0]
        inherited = all_choices(model.complex_types[complex_type.base], package)
    return inherited + list(complex_type.choices)


def _choose_one(
    choice,
    elements: dict[str, Element],
    fields: dict,
    package: str = DEFAULT_PACKAGE,
) -> None:
    """Give one alternative of a flattened choice a value and leave the others empty.

    The alternative is drawn once and shared by the fields through `st.shared`,
    so each instance sets exactly one of them (or none, for an optional choice).
    """
    options = list(choice.fields) if choice.required else [None, *choice.fields]
    chosen = st.shared(st.sampled_from(options), key=f"choice:{id(choice)}")
    for field_name in choice.fields:
        element = elements[field_name]
        empty = [] if element.is_repeated else None
        value = element_values(
            dataclasses.replace(
                element, alternative=False, min_occurs=max(element.min_occurs, 1)
            ),
            package,
        )
        fields[field_name] = chosen.flatmap(
            lambda option, name=field_name, value=value, empty=empty: (
                value if option == name else st.just(empty)
            )
        )


def root_documents() -> st.SearchStrategy[object]:
    """Return a strategy for valid instances of any root element's type."""
    return st.one_of([instances(root.complex_type) for root in MODEL.roots])
