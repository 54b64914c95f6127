"""`python -m is24_common`: validate and convert payload files."""

from __future__ import annotations

import json

from is24_common.__main__ import main

PHONE_0049 = (
    '<common:realtorContactDetail xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0">'
    "<email>a@example.com</email><lastname>Muster</lastname>"
    "<phoneNumberCountryCode>0049</phoneNumberCountryCode><phoneNumberAreaCode>30</phoneNumberAreaCode>"
    "<phoneNumberSubscriber>12345</phoneNumberSubscriber></common:realtorContactDetail>"
)


def test_validate_accepts_documentation_examples(seed_folder, capsys):
    assert main(["validate", *map(str, sorted(seed_folder.iterdir()))]) == 0
    assert capsys.readouterr().out == ""


def test_validate_names_field_and_fix_for_0049(tmp_path, capsys):
    path = tmp_path / "contact.xml"
    path.write_text(PHONE_0049)

    assert main(["validate", str(path)]) == 1
    output = capsys.readouterr().out
    assert f"{path}: realtorContactDetail/phoneNumberCountryCode: " in output
    assert "business rule" in output
    assert "+49" in output


def test_validate_schema_only_skips_rules(tmp_path, capsys):
    path = tmp_path / "contact.xml"
    path.write_text(
        PHONE_0049.replace("0049", "+49").replace("<email>a@example.com</email>", "")
    )

    assert main(["validate", "--schema-only", str(path)]) == 0
    assert main(["validate", str(path)]) == 1
    assert "realtorContactDetail/email: business rule: " in capsys.readouterr().out


def test_validate_reports_schema_problem_with_path(tmp_path, capsys):
    path = tmp_path / "contact.json"
    path.write_text(
        json.dumps(
            {
                "common.realtorContactDetail": {
                    "email": "a@example.com",
                    "lastname": "M",
                    "address": {"postcode": "1" * 21},
                }
            }
        )
    )

    assert main(["validate", str(path)]) == 1
    assert "realtorContactDetail/address/postcode: " in capsys.readouterr().out


def test_validate_reports_unreadable_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.xml")]) == 1
    assert "missing.xml: cannot read the file" in capsys.readouterr().err


def test_convert_xml_to_json(seed_folder, capsys):
    assert (
        main(["convert", str(seed_folder / "create-contact-min.xml"), "--to", "json"])
        == 0
    )
    document = json.loads(capsys.readouterr().out)

    assert document == {
        "common.realtorContactDetail": {
            "email": "contactAddress@is24.de",
            "lastname": "lastname",
        }
    }


def test_convert_json_to_xml(seed_folder, capsys):
    assert (
        main(["convert", str(seed_folder / "created-response.json"), "--to", "xml"])
        == 0
    )

    assert (
        "<messageCode>MESSAGE_RESOURCE_CREATED</messageCode>" in capsys.readouterr().out
    )
