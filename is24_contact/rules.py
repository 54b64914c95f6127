"""Business rules for IS24 realtor contacts that the common/1.0 schema does not state.

IS24's REST API documentation for creating a contact
(``POST /offer/v1.0/user/{username}/contact``) lists rules that the server enforces but
the XSD does not express. ``email`` and ``lastname`` are required. A telephone number
is given as three parts or as one field, with the same restrictions per part. A country
code starts with ``+``, never ``00``, and an area code after ``+49`` does not start
with ``0``. At most 20 contacts of a user have ``showOnProfilePage`` true.

The generated validators in ``is24_common`` look up ``RULES`` by XSD type name and call
each rule with the object they check. A rule yields ``(relative_path, message)`` pairs.
The path is the XML element path below that object, with 1-based indexes, or ``""`` for
the object itself. The schema's own facets, such as the telephone patterns, stay the
generated validator's job, so no rule repeats them.

Rules read fields with ``getattr(obj, name, None)`` and never import ``is24_common``.
They therefore work with any object of the generated shape, including classes generated
from older schema snapshots that lack some fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

Problem = tuple[str, str]
Rule = Callable[[object], Iterable[Problem]]

MAX_CONTACTS_ON_PROFILE_PAGE = 20
"""Maximum number of a user's contacts that may have showOnProfilePage true."""

GERMAN_COUNTRY_CODE = "+49"

# (XML element name, attribute name) of the fields IS24 requires in a contact.
REQUIRED_FIELDS = (("email", "email"), ("lastname", "lastname"))

# Suffixes that turn a single field's names into its parts' names, in the order
# country code, area code, subscriber.
_PART_SUFFIXES = (
    ("CountryCode", "_country_code"),
    ("AreaCode", "_area_code"),
    ("Subscriber", "_subscriber"),
)

# Spaces divide the single field into country code, area code and subscriber. The
# subscriber is the rest and may itself contain spaces and hyphens.
_SINGLE_FIELD_PARTS = re.compile(r"([^ ]+) +([^ ]+) +([^ ].*)")

_COUNTRY_CODE_DIGITS = re.compile(r"[1-9]\d{0,3}")


@dataclass(frozen=True)
class NumberField:
    """Names of one telephone number: the single field and, by suffix, its three parts."""

    element: str  # XML name of the single field, e.g. "phoneNumber"
    attribute: str  # dataclass attribute of the single field, e.g. "phone_number"

    def part_elements(self) -> tuple[str, str, str]:
        """Return the XML names of the country code, area code and subscriber parts."""
        country_code, area_code, subscriber = (
            self.element + suffix for suffix, _ in _PART_SUFFIXES
        )
        return country_code, area_code, subscriber

    def read_parts(self, contact: object) -> tuple[str | None, str | None, str | None]:
        """Read the country code, area code and subscriber parts, None where absent."""
        country_code, area_code, subscriber = (
            _read_text(contact, self.attribute + suffix) for _, suffix in _PART_SUFFIXES
        )
        return country_code, area_code, subscriber

    def read_single(self, contact: object) -> str | None:
        """Read the single field, None where absent."""
        return _read_text(contact, self.attribute)


NUMBER_FIELDS = (
    NumberField("faxNumber", "fax_number"),
    NumberField("phoneNumber", "phone_number"),
    NumberField("cellPhoneNumber", "cell_phone_number"),
)


def split_single_field(value: str) -> tuple[str, str, str] | None:
    """Split a single telephone field into country code, area code and subscriber.

    Returns None when the value does not contain three space-separated parts. The
    schema pattern rejects such a value, so the rules skip it.
    """
    match = _SINGLE_FIELD_PARTS.fullmatch(value)
    if match is None:
        return None

    country_code, area_code, subscriber = match.groups()
    return country_code, area_code, subscriber


def check_required_fields(contact: object) -> Iterator[Problem]:
    """Report email and lastname when absent or blank, because IS24 requires both."""
    for element, attribute in REQUIRED_FIELDS:
        value = _read_text(contact, attribute)
        if value is None:
            state = "missing"
        elif not value.strip():
            state = "empty"
        else:
            continue

        yield (
            element,
            f"{element} is {state} but required by IS24 when creating or updating "
            "a contact",
        )


def check_number_parts_complete(contact: object) -> Iterator[Problem]:
    """Report a telephone number given as some, but not all, of its three parts."""
    for field in NUMBER_FIELDS:
        parts = field.read_parts(contact)
        present = [value is not None for value in parts]
        if all(present) or not any(present):
            continue

        part_elements = field.part_elements()
        missing = [
            element
            for element, value in zip(part_elements, parts, strict=True)
            if value is None
        ]
        verb = "is" if len(missing) == 1 else "are"
        yield (
            "",
            f"{_join_names(missing)} {verb} missing: give all of "
            f"{_join_names(part_elements)}, or only {field.element}",
        )


def check_number_forms_agree(contact: object) -> Iterator[Problem]:
    """Report each part that disagrees with the same part of the single field.

    Country code and area code must be equal. The subscribers are compared with
    spaces and hyphens removed, so "123-45" matches "12345".
    """
    for field in NUMBER_FIELDS:
        single = field.read_single(contact)
        single_parts = split_single_field(single) if single is not None else None
        if single_parts is None:
            continue

        pairs = zip(
            field.part_elements(), field.read_parts(contact), single_parts, strict=True
        )
        for position, (element, part, single_part) in enumerate(pairs):
            if part is None or _parts_equal(position, part, single_part):
                continue

            yield (
                element,
                f"{element} {part!r} does not match {single_part!r} in "
                f"{field.element} {single!r}: make both forms agree or send only one",
            )


def check_country_codes(contact: object) -> Iterator[Problem]:
    """Report country codes that start with 00, in the parts and in the single field."""
    for field in NUMBER_FIELDS:
        element = field.part_elements()[0]
        country_code = field.read_parts(contact)[0]
        if country_code is not None and country_code.startswith("00"):
            yield (
                element,
                f"{element} {country_code!r} starts with 00: "
                f"write {_plus_form(country_code)} instead",
            )

        single = field.read_single(contact)
        single_parts = split_single_field(single) if single is not None else None
        if single_parts is not None and single_parts[0].startswith("00"):
            yield (
                field.element,
                f"{field.element} {single!r} has country code {single_parts[0]!r}, "
                f"which starts with 00: write {_plus_form(single_parts[0])} instead",
            )


def check_area_codes(contact: object) -> Iterator[Problem]:
    """Report area codes that start with 0 after country code +49.

    Each form is checked on its own, and only a country code written exactly "+49"
    counts, because that is the value IS24 documents. A "0049" country code is
    reported by check_country_codes.
    """
    for field in NUMBER_FIELDS:
        element = field.part_elements()[1]
        country_code, area_code, _ = field.read_parts(contact)
        if area_code is not None and _is_german_area_code_with_zero(
            country_code, area_code
        ):
            yield (
                element,
                f"{element} {area_code!r} starts with 0, which IS24 rejects after "
                f"country code +49: {_drop_zero_advice(area_code)}",
            )

        single = field.read_single(contact)
        single_parts = split_single_field(single) if single is not None else None
        if single_parts is None:
            continue

        single_country_code, single_area_code, _ = single_parts
        if _is_german_area_code_with_zero(single_country_code, single_area_code):
            yield (
                field.element,
                f"{field.element} {single!r} has area code {single_area_code!r}, "
                "which IS24 rejects after country code +49: "
                f"{_drop_zero_advice(single_area_code)}",
            )


def check_profile_page_limit(contacts: Iterable[object]) -> list[Problem]:
    """Report each contact with showOnProfilePage true after the first 20 of them.

    Contacts count when ``show_on_profile_page`` is True. Paths are
    ``realtorContactDetails[N]/showOnProfilePage``, where N is the 1-based position in
    ``contacts``. To check a new contact, pass the user's existing contacts followed
    by the new one, and for an update leave the old version of that contact out.
    """
    problems = []
    shown_count = 0
    for position, contact in enumerate(contacts, start=1):
        if getattr(contact, "show_on_profile_page", None) is not True:
            continue

        shown_count += 1
        if shown_count > MAX_CONTACTS_ON_PROFILE_PAGE:
            problems.append(
                (
                    f"realtorContactDetails[{position}]/showOnProfilePage",
                    f"this is contact {shown_count} with showOnProfilePage true, but "
                    f"IS24 allows at most {MAX_CONTACTS_ON_PROFILE_PAGE} per user: "
                    "set it to false here or on another contact",
                )
            )

    return problems


def check_list_profile_page_limit(contact_list: object) -> list[Problem]:
    """Apply check_profile_page_limit to the contacts of a realtorContactDetailsList."""
    contacts = getattr(contact_list, "realtor_contact_details", None) or ()
    return check_profile_page_limit(contacts)


RULES: dict[str, tuple[Rule, ...]] = {
    "RealtorContactDetails": (
        check_required_fields,
        check_number_parts_complete,
        check_number_forms_agree,
        check_country_codes,
        check_area_codes,
    ),
    # The list's type is anonymous, so the key is its element name.
    "realtorContactDetailsList": (check_list_profile_page_limit,),
}


def _read_text(obj: object, attribute: str) -> str | None:
    # getattr with a default, because classes generated from older schema snapshots
    # may lack the attribute.
    value = getattr(obj, attribute, None)
    if value is None:
        return None

    return str(value)


def _parts_equal(position: int, part: str, single_part: str) -> bool:
    if position < 2:
        return part == single_part

    return _strip_separators(part) == _strip_separators(single_part)


def _strip_separators(subscriber: str) -> str:
    return subscriber.replace(" ", "").replace("-", "")


def _plus_form(country_code: str) -> str:
    digits = country_code[2:]
    if _COUNTRY_CODE_DIGITS.fullmatch(digits):
        return f"+{digits}"

    return "+ and the country code"


def _is_german_area_code_with_zero(
    country_code: str | None, area_code: str | None
) -> bool:
    return (
        country_code == GERMAN_COUNTRY_CODE
        and area_code is not None
        and area_code.startswith("0")
    )


def _drop_zero_advice(area_code: str) -> str:
    without_zeros = area_code.lstrip("0")
    if not without_zeros:
        return "drop the leading 0"

    return f"drop the leading 0 and write {without_zeros!r}"


def _join_names(names: Iterable[str]) -> str:
    names = list(names)
    if len(names) == 1:
        return names[0]

    return ", ".join(names[:-1]) + " and " + names[-1]
