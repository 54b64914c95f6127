"""The generated validators apply the hand-written business rules through hooks."""

from __future__ import annotations

import is24_common
from is24_common import RealtorContactDetails, RealtorContactDetailsList


def _contact(**fields) -> RealtorContactDetails:
    return RealtorContactDetails(email="a@example.com", lastname="Muster", **fields)


def test_rule_problem_is_labelled_and_located():
    problems = is24_common.validate(
        _contact(
            phone_number_country_code="0049",
            phone_number_area_code="30",
            phone_number_subscriber="1234",
        )
    )
    rule_problems = [problem for problem in problems if problem.kind == "rule"]

    assert [problem.path for problem in rule_problems] == [
        "realtorContactDetail/phoneNumberCountryCode"
    ]
    assert "+49" in rule_problems[0].message
    assert str(rule_problems[0]).startswith(
        "realtorContactDetail/phoneNumberCountryCode: business rule: "
    )


def test_rules_false_checks_schema_only():
    contact = RealtorContactDetails(lastname="Muster")

    assert is24_common.validate(contact, rules=False) == []
    assert [problem.path for problem in is24_common.validate(contact)] == [
        "realtorContactDetail/email"
    ]


def test_list_rule_names_the_21st_contact():
    contacts = [_contact(show_on_profile_page=True) for _ in range(21)]
    problems = is24_common.validate(
        RealtorContactDetailsList(realtor_contact_details=contacts)
    )

    assert [problem.path for problem in problems] == [
        "realtorContactDetailsList/realtorContactDetails[21]/showOnProfilePage"
    ]


def test_list_rule_accepts_20_contacts():
    contacts = [_contact(show_on_profile_page=True) for _ in range(20)]

    assert (
        is24_common.validate(
            RealtorContactDetailsList(realtor_contact_details=contacts)
        )
        == []
    )


def test_rules_apply_to_each_contact_in_a_list():
    contacts = [_contact(), RealtorContactDetails(email="b@example.com")]
    problems = is24_common.validate(
        RealtorContactDetailsList(realtor_contact_details=contacts)
    )

    assert [problem.path for problem in problems] == [
        "realtorContactDetailsList/realtorContactDetails[2]/lastname"
    ]


def test_reading_applies_rules_by_default():
    text = '{"common.realtorContactDetail": {"email": "a@example.com", "lastname": "M", "faxNumber": "+49 030 12345"}}'

    try:
        is24_common.read_json(text)
    except is24_common.ValidationError as error:
        assert [problem.kind for problem in error.problems] == ["rule"]
        assert error.problems[0].path == "realtorContactDetail/faxNumber"
    else:
        raise AssertionError("an area code 030 after +49 was accepted")
    assert is24_common.read_json(text, rules=False).fax_number == "+49 030 12345"


def test_recorded_responses_pass_the_rules(cases_folder):
    for path in sorted((cases_folder / "is24-payloads").iterdir()):
        if path.suffix in (".xml", ".json"):
            reader = (
                is24_common.read_xml if path.suffix == ".xml" else is24_common.read_json
            )
            reader(path.read_bytes())


def test_deprecated_fields_are_marked_in_docstrings():
    base_doc = is24_common.BaseContactDetails.__doc__
    contact_doc = is24_common.ContactDetails.__doc__

    assert (
        "company: `company`. Deprecated: IS24 no longer uses or shows this field."
        in base_doc
    )
    assert (
        "office_hours: `officeHours`. Deprecated: IS24 no longer uses or shows"
        in contact_doc
    )
