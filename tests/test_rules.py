"""Tests for the contact business rules and the contact resource paths."""

from types import SimpleNamespace

import pytest

import is24_contact
from is24_contact.rules import (
    MAX_CONTACTS_ON_PROFILE_PAGE,
    RULES,
    check_area_codes,
    check_country_codes,
    check_list_profile_page_limit,
    check_number_forms_agree,
    check_number_parts_complete,
    check_profile_page_limit,
    check_required_fields,
    split_single_field,
)
from is24_contact.urls import contact_path, external_id_segment

# Attributes of the generated RealtorContactDetails dataclass.
CONTACT_ATTRIBUTES = (
    "email",
    "salutation",
    "firstname",
    "lastname",
    "fax_number_country_code",
    "fax_number_area_code",
    "fax_number_subscriber",
    "fax_number",
    "phone_number_country_code",
    "phone_number_area_code",
    "phone_number_subscriber",
    "phone_number",
    "cell_phone_number_country_code",
    "cell_phone_number_area_code",
    "cell_phone_number_subscriber",
    "cell_phone_number",
    "address",
    "country_code",
    "title",
    "addition_name",
    "company",
    "homepage_url",
    "portrait_url",
    "position",
    "secondary_email",
    "click_out_url",
    "office_hours",
    "id",
    "default_contact",
    "local_partner_contact",
    "business_card_contact",
    "real_estate_reference_count",
    "external_id",
    "show_on_profile_page",
)

# (single field XML name, attribute prefix) of fax, phone and cell phone.
NUMBER_FIELDS = (
    ("faxNumber", "fax_number"),
    ("phoneNumber", "phone_number"),
    ("cellPhoneNumber", "cell_phone_number"),
)


def make_contact(**fields):
    """Build a contact with every attribute None except the given ones."""
    unknown = set(fields) - set(CONTACT_ATTRIBUTES)
    if unknown:
        raise TypeError(f"unknown contact attributes: {sorted(unknown)}")

    values = dict.fromkeys(CONTACT_ATTRIBUTES)
    values.update(fields)
    return SimpleNamespace(**values)


def make_number(prefix, country_code=None, area_code=None, subscriber=None):
    """Return contact fields for the three parts of one telephone number."""
    return {
        f"{prefix}_country_code": country_code,
        f"{prefix}_area_code": area_code,
        f"{prefix}_subscriber": subscriber,
    }


def run_contact_rules(contact):
    """Run every rule registered for RealtorContactDetails and collect the problems."""
    return [
        problem for rule in RULES["RealtorContactDetails"] for problem in rule(contact)
    ]


def paths_of(problems):
    return [path for path, _ in problems]


# Required fields


def test_required_fields_with_email_and_lastname():
    contact = make_contact(email="a@example.com", lastname="Mustermann")

    assert list(check_required_fields(contact)) == []


def test_required_fields_with_missing_email():
    problems = list(check_required_fields(make_contact(lastname="Mustermann")))

    assert paths_of(problems) == ["email"]
    assert "required by IS24 when creating or updating a contact" in problems[0][1]


def test_required_fields_with_missing_lastname():
    problems = list(check_required_fields(make_contact(email="a@example.com")))

    assert paths_of(problems) == ["lastname"]
    assert "required by IS24" in problems[0][1]


def test_required_fields_with_blank_lastname():
    contact = make_contact(email="a@example.com", lastname="  ")

    problems = list(check_required_fields(contact))

    assert paths_of(problems) == ["lastname"]
    assert "empty" in problems[0][1]


def test_required_fields_with_object_missing_attributes():
    problems = list(check_required_fields(SimpleNamespace()))

    assert paths_of(problems) == ["email", "lastname"]


# Three parts given completely or not at all


@pytest.mark.parametrize(("element", "prefix"), NUMBER_FIELDS)
def test_number_parts_complete_with_all_three_parts(element, prefix):
    contact = make_contact(**make_number(prefix, "+49", "30", "12345"))

    assert list(check_number_parts_complete(contact)) == []


def test_number_parts_complete_with_single_field_only():
    contact = make_contact(phone_number="+49 30 12345")

    assert list(check_number_parts_complete(contact)) == []


@pytest.mark.parametrize(("element", "prefix"), NUMBER_FIELDS)
def test_number_parts_complete_with_two_of_three_parts(element, prefix):
    contact = make_contact(**make_number(prefix, "+49", None, "12345"))

    problems = list(check_number_parts_complete(contact))

    assert paths_of(problems) == [""]
    assert problems[0][1].startswith(f"{element}AreaCode is missing:")
    assert f"or only {element}" in problems[0][1]


def test_number_parts_complete_with_one_of_three_parts():
    contact = make_contact(phone_number_subscriber="12345")

    problems = list(check_number_parts_complete(contact))

    assert problems[0][1].startswith(
        "phoneNumberCountryCode and phoneNumberAreaCode are missing:"
    )


# Single field split into parts


def test_split_single_field_with_spaces_in_subscriber():
    assert split_single_field("+49 30  123 45-6") == ("+49", "30", "123 45-6")


def test_split_single_field_with_two_parts():
    assert split_single_field("+49 3012345") is None


def test_contact_rules_with_valid_single_field():
    contact = make_contact(
        email="a@example.com", lastname="Mustermann", phone_number="+49 30 12345"
    )

    assert run_contact_rules(contact) == []


def test_contact_rules_with_double_zero_single_field():
    contact = make_contact(
        email="a@example.com", lastname="Mustermann", phone_number="0049 30 12345"
    )

    problems = run_contact_rules(contact)

    assert paths_of(problems) == ["phoneNumber"]
    assert "write +49 instead" in problems[0][1]


def test_contact_rules_with_unsplittable_single_field():
    # The schema pattern rejects this value, so the rules leave it alone.
    contact = make_contact(
        email="a@example.com", lastname="Mustermann", phone_number="0049-30-12345"
    )

    assert run_contact_rules(contact) == []


# Both forms agree


def test_number_forms_agree_with_matching_forms():
    contact = make_contact(
        phone_number="+49 30 123 45-6",
        **make_number("phone_number", "+49", "30", "123456"),
    )

    assert list(check_number_forms_agree(contact)) == []


def test_number_forms_agree_with_different_area_code():
    contact = make_contact(
        fax_number="+49 40 12345", **make_number("fax_number", "+49", "30", "12345")
    )

    problems = list(check_number_forms_agree(contact))

    assert paths_of(problems) == ["faxNumberAreaCode"]
    assert "'30'" in problems[0][1]
    assert "'40'" in problems[0][1]


def test_number_forms_agree_with_different_subscriber():
    contact = make_contact(
        cell_phone_number="+49 172 1234567",
        **make_number("cell_phone_number", "+49", "172", "7654321"),
    )

    problems = list(check_number_forms_agree(contact))

    assert paths_of(problems) == ["cellPhoneNumberSubscriber"]
    assert "'7654321'" in problems[0][1]
    assert "'1234567'" in problems[0][1]


def test_number_forms_agree_with_different_country_code():
    contact = make_contact(
        phone_number="+43 30 12345", **make_number("phone_number", "+49", "30", "12345")
    )

    assert paths_of(check_number_forms_agree(contact)) == ["phoneNumberCountryCode"]


# Country code written with 00


@pytest.mark.parametrize(("element", "prefix"), NUMBER_FIELDS)
def test_country_codes_with_plus(element, prefix):
    contact = make_contact(**make_number(prefix, "+49", "30", "12345"))

    assert list(check_country_codes(contact)) == []


@pytest.mark.parametrize(("element", "prefix"), NUMBER_FIELDS)
def test_country_codes_with_double_zero_part(element, prefix):
    contact = make_contact(**make_number(prefix, "0049", "30", "12345"))

    problems = list(check_country_codes(contact))

    assert paths_of(problems) == [f"{element}CountryCode"]
    assert problems[0][1] == (
        f"{element}CountryCode '0049' starts with 00: write +49 instead"
    )


def test_country_codes_with_double_zero_only():
    contact = make_contact(phone_number_country_code="00")

    problems = list(check_country_codes(contact))

    assert "write + and the country code instead" in problems[0][1]


def test_country_codes_with_double_zero_single_field():
    contact = make_contact(cell_phone_number="0043 664 1234567")

    problems = list(check_country_codes(contact))

    assert paths_of(problems) == ["cellPhoneNumber"]
    assert "+43" in problems[0][1]


# Area code after +49


@pytest.mark.parametrize(("element", "prefix"), NUMBER_FIELDS)
def test_area_codes_with_german_leading_zero(element, prefix):
    contact = make_contact(**make_number(prefix, "+49", "030", "12345"))

    problems = list(check_area_codes(contact))

    assert paths_of(problems) == [f"{element}AreaCode"]
    assert "drop the leading 0 and write '30'" in problems[0][1]


def test_area_codes_with_german_area_code_without_zero():
    contact = make_contact(**make_number("phone_number", "+49", "30", "12345"))

    assert list(check_area_codes(contact)) == []


def test_area_codes_with_austrian_leading_zero():
    contact = make_contact(**make_number("phone_number", "+43", "030", "12345"))

    assert list(check_area_codes(contact)) == []


def test_area_codes_with_german_leading_zero_single_field():
    contact = make_contact(phone_number="+49 030 12345")

    problems = list(check_area_codes(contact))

    assert paths_of(problems) == ["phoneNumber"]
    assert "'30'" in problems[0][1]


def test_area_codes_with_austrian_leading_zero_single_field():
    contact = make_contact(phone_number="+43 030 12345")

    assert list(check_area_codes(contact)) == []


# At most 20 contacts on the profile page


def make_contacts_on_profile_page(count):
    return [make_contact(show_on_profile_page=True) for _ in range(count)]


def test_profile_page_limit_with_maximum_count():
    contacts = make_contacts_on_profile_page(MAX_CONTACTS_ON_PROFILE_PAGE)

    assert check_profile_page_limit(contacts) == []


def test_profile_page_limit_with_one_over_maximum():
    contacts = make_contacts_on_profile_page(MAX_CONTACTS_ON_PROFILE_PAGE + 1)

    problems = check_profile_page_limit(contacts)

    assert paths_of(problems) == ["realtorContactDetails[21]/showOnProfilePage"]
    assert "at most 20" in problems[0][1]


def test_profile_page_limit_with_hidden_contacts_between():
    # Hidden contacts do not count, but they do shift the position in the path.
    contacts = [
        make_contact(show_on_profile_page=False),
        make_contact(),
        *make_contacts_on_profile_page(21),
    ]

    problems = check_profile_page_limit(contacts)

    assert paths_of(problems) == ["realtorContactDetails[23]/showOnProfilePage"]


def test_profile_page_limit_with_new_contact():
    existing = make_contacts_on_profile_page(20)
    new_contact = make_contact(show_on_profile_page=True)

    problems = check_profile_page_limit([*existing, new_contact])

    assert paths_of(problems) == ["realtorContactDetails[21]/showOnProfilePage"]


def test_list_profile_page_limit_with_one_over_maximum():
    contact_list = SimpleNamespace(
        realtor_contact_details=make_contacts_on_profile_page(22)
    )

    problems = list(check_list_profile_page_limit(contact_list))

    assert paths_of(problems) == [
        "realtorContactDetails[21]/showOnProfilePage",
        "realtorContactDetails[22]/showOnProfilePage",
    ]


def test_list_profile_page_limit_with_no_contacts():
    contact_list = SimpleNamespace(realtor_contact_details=None)

    assert list(check_list_profile_page_limit(contact_list)) == []


def test_rules_with_list_key_registered():
    assert RULES["realtorContactDetailsList"] == (check_list_profile_page_limit,)


# Contact resource paths


def test_contact_path_with_defaults():
    assert contact_path() == "/offer/v1.0/user/me/contact"


def test_contact_path_with_contact_id():
    assert contact_path("me", 123456) == "/offer/v1.0/user/me/contact/123456"


def test_contact_path_with_external_id():
    assert (
        contact_path(external_id="a/b ä")
        == "/offer/v1.0/user/me/contact/ext-a%2Fb%20%C3%A4"
    )


def test_contact_path_with_username_containing_slash():
    assert contact_path("max/m") == "/offer/v1.0/user/max%2Fm/contact"


def test_contact_path_with_both_ids():
    with pytest.raises(ValueError, match="pass only one"):
        contact_path(contact_id=1, external_id="a-001")


def test_contact_path_with_empty_external_id():
    with pytest.raises(ValueError, match="external id is empty"):
        contact_path(external_id="")


def test_contact_path_with_empty_username():
    with pytest.raises(ValueError, match="username is empty"):
        contact_path("")


def test_contact_path_with_bool_contact_id():
    with pytest.raises(TypeError, match="bool"):
        contact_path(contact_id=True)


def test_external_id_segment_with_slash_space_and_umlaut():
    assert external_id_segment("a/b ä") == "ext-a%2Fb%20%C3%A4"


def test_external_id_segment_with_plain_id():
    assert external_id_segment("a-001") == "ext-a-001"


@pytest.mark.parametrize("external_id", [".", ".."])
def test_external_id_segment_with_dots(external_id):
    # "ext-." and "ext-.." are not dot-segments, so URL normalisation keeps them.
    assert external_id_segment(external_id) == f"ext-{external_id}"


@pytest.mark.parametrize("value", [".", ".."])
def test_contact_path_with_dot_segment_id(value):
    with pytest.raises(ValueError, match="not allowed"):
        contact_path(contact_id=value)


def test_external_id_segment_with_empty_id():
    with pytest.raises(ValueError, match="external id is empty"):
        external_id_segment("")


# Package exports


def test_package_with_explicit_exports():
    assert sorted(is24_contact.__all__) == [
        "MAX_CONTACTS_ON_PROFILE_PAGE",
        "RULES",
        "check_profile_page_limit",
        "contact_path",
        "external_id_segment",
    ]
