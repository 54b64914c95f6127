"""`python -m is24_contact`: the contact commands against the fake IS24 server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from is24_common import read_json, read_xml
from is24_contact.cli import main
from is24_contact.fake_server import FakeIS24Server

NAMESPACE = "http://rest.immobilienscout24.de/schema/common/1.0"


@pytest.fixture
def server() -> Iterator[FakeIS24Server]:
    with FakeIS24Server() as fake:
        yield fake


def write_contact(folder: Path, name: str, *children: str) -> Path:
    path = folder / name
    path.write_text(
        f'<common:realtorContactDetail xmlns:common="{NAMESPACE}">'
        + "".join(children)
        + "</common:realtorContactDetail>",
        encoding="utf-8",
    )
    return path


def run(server: FakeIS24Server, capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--timeout", "2", *argv], environ=server.environment())
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("wire_format", ["xml", "json"])
def test_commands_create_get_update_delete(server, capsys, tmp_path, wire_format):
    fmt = ["--format", wire_format]
    default_file = write_contact(
        tmp_path,
        "default.xml",
        "<email>d@example.com</email>",
        "<lastname>D</lastname>",
    )
    contact_file = write_contact(
        tmp_path,
        "contact.xml",
        "<email>k@example.com</email>",
        "<lastname>Weber</lastname>",
        "<externalId>crm/7 ä</externalId>",
    )
    changed_file = write_contact(
        tmp_path,
        "changed.xml",
        "<email>k@example.com</email>",
        "<lastname>Meier</lastname>",
        "<externalId>crm/7 ä</externalId>",
    )

    assert run(server, capsys, *fmt, "create", str(default_file))[0] == 0
    status, out, _ = run(server, capsys, *fmt, "create", str(contact_file))
    assert status == 0
    contact_id = int(out.strip())

    status, out, _ = run(server, capsys, *fmt, "get", "ext-crm/7 ä")
    assert status == 0
    reader = read_json if wire_format == "json" else read_xml
    assert reader(out.encode()).id == contact_id

    status, out, _ = run(server, capsys, *fmt, "update", str(changed_file))
    assert status == 0
    assert out.startswith("MESSAGE_RESOURCE_UPDATED: ")
    assert server.contacts()[1].lastname == "Meier"

    status, out, _ = run(server, capsys, *fmt, "delete", str(contact_id))
    assert status == 0
    assert out.startswith("MESSAGE_RESOURCE_DELETED: ")
    assert [c.lastname for c in server.contacts()] == ["D"]


def test_list_prints_json_document(server, capsys, tmp_path):
    path = write_contact(
        tmp_path, "c.xml", "<email>a@example.com</email>", "<lastname>A</lastname>"
    )
    run(server, capsys, "create", str(path))

    status, out, _ = run(server, capsys, "--format", "json", "list")

    assert status == 0
    document = json.loads(out)
    contacts = document["common.realtorContactDetailsList"]["realtorContactDetails"]
    assert [c["lastname"] for c in contacts] == ["A"]


def test_update_with_explicit_target(server, capsys, tmp_path):
    old = write_contact(
        tmp_path, "old.xml", "<email>a@example.com</email>", "<lastname>Alt</lastname>"
    )
    contact_id = server.seed(read_xml(old))
    path = write_contact(
        tmp_path, "new.xml", "<email>a@example.com</email>", "<lastname>Neu</lastname>"
    )

    status, _, _ = run(server, capsys, "update", str(path), str(contact_id))

    assert status == 0
    assert server.contacts()[0].lastname == "Neu"


def test_delete_with_assign_to(server, capsys, tmp_path):
    for name, lastname in (("a.xml", "A"), ("b.xml", "B")):
        path = write_contact(
            tmp_path,
            name,
            "<email>x@example.com</email>",
            f"<lastname>{lastname}</lastname>",
            f"<externalId>{lastname}</externalId>",
        )
        run(server, capsys, "create", str(path))

    status, _, err = run(server, capsys, "delete", "ext-A", "--assign-to", "ext-B")

    assert status == 0, err
    (remaining,) = server.contacts()
    assert remaining.lastname == "B"
    assert remaining.default_contact is True


def test_api_error_exits_1_with_status_and_path(server, capsys):
    status, out, err = run(server, capsys, "get", "999")

    assert status == 1
    assert out == ""
    assert "GET /offer/v1.0/user/me/contact/999 failed with HTTP 404" in err


def test_missing_environment_names_variables(capsys):
    status = main(["list"], environ={"IS24_CONSUMER_KEY": "key"})

    err = capsys.readouterr().err
    assert status == 1
    for name in (
        "IS24_CONSUMER_SECRET",
        "IS24_ACCESS_TOKEN",
        "IS24_ACCESS_TOKEN_SECRET",
        "IS24_BASE_URL",
    ):
        assert name in err


def test_file_with_problem_names_file_and_path(server, capsys, tmp_path):
    path = write_contact(
        tmp_path,
        "bad.xml",
        "<email>a@example.com</email>",
        "<lastname>M</lastname>",
        "<address><postcode>" + "1" * 21 + "</postcode></address>",
    )

    status, _, err = run(server, capsys, "create", str(path))

    assert status == 2
    assert f"{path}: realtorContactDetail/address/postcode: " in err
    assert server.requests == []


def test_file_that_is_not_a_contact_is_named(server, capsys, tmp_path):
    path = tmp_path / "messages.json"
    path.write_text(
        '{"common.messages": [{"message": '
        '{"messageCode": "MESSAGE_RESOURCE_CREATED", "message": "x"}}]}'
    )

    status, _, err = run(server, capsys, "create", str(path))

    assert status == 2
    assert f"{path}: expected a realtorContactDetail document, got Messages" in err


def test_missing_file_is_named(server, capsys, tmp_path):
    path = tmp_path / "absent.xml"

    status, _, err = run(server, capsys, "create", str(path))

    assert status == 2
    assert f"{path}: cannot read the file" in err


def test_update_without_any_id_asks_for_target(server, capsys, tmp_path):
    path = write_contact(
        tmp_path, "c.xml", "<email>a@example.com</email>", "<lastname>M</lastname>"
    )

    status, _, err = run(server, capsys, "update", str(path))

    assert status == 2
    assert "neither an id nor an externalId" in err


def test_bad_reference_is_usage_error(server, capsys):
    with pytest.raises(SystemExit) as caught:
        run(server, capsys, "get", "abc")

    assert caught.value.code == 2
    assert "neither a numeric contact id nor ext-" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, value",
    [
        (["--timeout", "-1"], "-1"),
        (["--timeout", "0"], "0"),
        (["--timeout", "nan"], "nan"),
        (["--timeout", "inf"], "inf"),
        # argparse takes "-inf" after a space for an option, so it needs "=".
        (["--timeout=-inf"], "-inf"),
        (["--timeout", "soon"], "soon"),
    ],
)
def test_bad_timeout_is_usage_error(server, capsys, argv, value):
    with pytest.raises(SystemExit) as caught:
        main([*argv, "list"], environ=server.environment())

    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--timeout must be a positive number of seconds" in err
    assert repr(value) in err
    assert server.requests == []


def test_xml_file_with_bom_is_read(server, capsys, tmp_path):
    path = tmp_path / "bom.xml"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + write_contact(
            tmp_path,
            "plain.xml",
            "<email>b@example.com</email>",
            "<lastname>B</lastname>",
        ).read_bytes()
    )

    status, out, err = run(server, capsys, "create", str(path))

    assert status == 0, err
    assert [c.id for c in server.contacts()] == [int(out)]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_xml_file_with_bom_is_read(server, capsys, tmp_path, encoding):
    text = write_contact(
        tmp_path,
        "plain.xml",
        "<email>w@example.com</email>",
        "<lastname>Wëit</lastname>",
    ).read_text(encoding="utf-8")
    path = tmp_path / "wide.txt"
    document = '\ufeff<?xml version="1.0" encoding="UTF-16"?>' + text
    path.write_bytes(document.encode(encoding))

    status, out, err = run(server, capsys, "create", str(path))

    assert status == 0, err
    [stored] = server.contacts()
    assert stored.id == int(out)
    assert stored.lastname == "Wëit"


def test_utf32_file_with_bom_is_read_as_xml(server, capsys, tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(("\ufeff<a/>").encode("utf-32-be"))

    status, _, err = run(server, capsys, "create", str(path))

    # expat reads no UTF-32, so the XML reader rejects it, but not as JSON.
    assert status == 2
    assert "XML" in err
    assert "JSON" not in err
    assert server.requests == []


def test_undecided_file_read_by_xml_suffix(server, capsys, tmp_path):
    path = tmp_path / "contact.xml"
    path.write_text("not a document", encoding="utf-8")

    status, _, err = run(server, capsys, "create", str(path))

    assert status == 2
    assert "not well-formed XML" in err
    assert "JSON" not in err
    assert server.requests == []


@pytest.mark.parametrize("external_id", [".", ".."])
def test_dot_external_id_round_trips(server, capsys, tmp_path, external_id):
    default_file = write_contact(
        tmp_path, "d.xml", "<email>d@example.com</email>", "<lastname>D</lastname>"
    )
    contact_file = write_contact(
        tmp_path,
        "c.xml",
        "<email>p@example.com</email>",
        "<lastname>Punkt</lastname>",
        f"<externalId>{external_id}</externalId>",
    )
    changed_file = write_contact(
        tmp_path,
        "changed.xml",
        "<email>p@example.com</email>",
        "<lastname>Strich</lastname>",
        f"<externalId>{external_id}</externalId>",
    )
    reference = f"ext-{external_id}"
    run(server, capsys, "create", str(default_file))
    status, out, err = run(server, capsys, "create", str(contact_file))
    assert status == 0, err
    contact_id = int(out)

    status, out, err = run(server, capsys, "get", reference)
    assert status == 0, err
    assert read_xml(out.encode()).id == contact_id

    status, _, err = run(server, capsys, "update", str(changed_file), reference)
    assert status == 0, err
    assert server.contacts()[1].lastname == "Strich"

    status, out, err = run(server, capsys, "delete", reference)
    assert status == 0, err
    assert out.startswith("MESSAGE_RESOURCE_DELETED: ")
    assert [c.lastname for c in server.contacts()] == ["D"]


def test_module_entry_point_lists_contacts(server):
    result = subprocess.run(
        [sys.executable, "-m", "is24_contact", "--format", "json", "list"],
        env={**os.environ, **server.environment()},
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"common.realtorContactDetailsList": {}}


def test_client_demo_runs():
    demo = Path(__file__).resolve().parent.parent / "examples" / "client_demo.py"

    result = subprocess.run(
        [sys.executable, str(demo)], capture_output=True, text=True, timeout=30
    )

    assert result.returncode == 0, result.stderr
    assert "[json] position now: Geschäftsführerin" in result.stdout
    assert result.stdout.rstrip().endswith("contacts left: [(100000003, 'Erbe')]")
