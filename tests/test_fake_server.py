"""The fake IS24 server, driven with raw signed HTTP requests instead of the client."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from is24_common import RealtorContactDetails, read_json, read_xml, write_xml
from is24_contact.client import ContactClient, Credentials, OAuth1Signer
from is24_contact.errors import read_messages
from is24_contact.fake_server import FakeIS24Server, Fault

NAMESPACE = "http://rest.immobilienscout24.de/schema/common/1.0"
CONTACTS = "/offer/v1.0/user/me/contact"


def contact_xml(*children: str, attributes: str = "") -> bytes:
    return (
        f'<common:realtorContactDetail xmlns:common="{NAMESPACE}"{attributes}>'
        + "".join(children)
        + "</common:realtorContactDetail>"
    ).encode()


MINIMAL = contact_xml("<email>A@Example.com</email>", "<lastname>Muster</lastname>")


@pytest.fixture
def server() -> Iterator[FakeIS24Server]:
    with FakeIS24Server() as fake:
        yield fake


def signed_client(server: FakeIS24Server, **changes: str) -> httpx.Client:
    values = {
        "consumer_key": server.consumer_key,
        "consumer_secret": server.consumer_secret,
        "access_token": server.access_token,
        "access_token_secret": server.access_token_secret,
    }
    values.update(changes)
    return httpx.Client(
        base_url=server.base_url, auth=OAuth1Signer(Credentials(**values)), timeout=2.0
    )


@pytest.fixture
def http(server: FakeIS24Server) -> Iterator[httpx.Client]:
    with signed_client(server) as client:
        yield client


def post_xml(http: httpx.Client, body: bytes, **headers: str) -> httpx.Response:
    return http.post(
        CONTACTS, content=body, headers={"Content-Type": "application/xml", **headers}
    )


def codes(response: httpx.Response) -> list[str]:
    return [message.code for message in read_messages(response.content)]


# OAuth 1.0a.


def test_unsigned_request_gets_401(server):
    with httpx.Client(base_url=server.base_url, timeout=2.0) as unsigned:
        response = unsigned.get(CONTACTS)

    assert response.status_code == 401
    assert codes(response) == ["ERROR_COMMON_AUTHENTICATION_REQUIRED"]


@pytest.mark.parametrize(
    "changed",
    [
        {"consumer_secret": "other"},
        {"access_token_secret": "other"},
        {"consumer_key": "other"},
        {"access_token": "other"},
    ],
    ids=["consumer-secret", "token-secret", "consumer-key", "token"],
)
def test_wrong_credentials_get_401(server, changed):
    with signed_client(server, **changed) as client:
        response = client.get(CONTACTS)

    assert response.status_code == 401
    assert codes(response) == ["ERROR_COMMON_AUTHENTICATION_REQUIRED"]


def signed_for(http: httpx.Client, method: str, path: str) -> str:
    request = http.build_request(method, path)
    signed = next(http.auth.auth_flow(request))
    return signed.headers["Authorization"]


@pytest.mark.parametrize(
    "signed_path, sent_path",
    [
        (CONTACTS + "/1", CONTACTS + "/2"),
        (CONTACTS + "/1?assigntocontactid=2", CONTACTS + "/1?assigntocontactid=3"),
    ],
    ids=["path", "query"],
)
def test_signature_covers_path_and_query(server, http, signed_path, sent_path):
    authorization = signed_for(http, "DELETE", signed_path)

    with httpx.Client(base_url=server.base_url, timeout=2.0) as raw:
        response = raw.delete(sent_path, headers={"Authorization": authorization})

    assert response.status_code == 401
    assert "Invalid signature" in read_messages(response.content)[0].text


def test_signed_request_with_encoded_query_accepted(http):
    first = post_xml(http, MINIMAL)
    second = post_xml(
        http,
        contact_xml(
            "<email>b@example.com</email>",
            "<lastname>B</lastname>",
            "<externalId>x/y ü</externalId>",
        ),
    )
    first_id = first.headers["Location"].rpartition("/")[2]

    response = http.delete(
        f"{CONTACTS}/{first_id}?assigntocontactid=ext-x%2Fy%20%C3%BC"
    )

    assert second.status_code == 201
    assert response.status_code == 200


# Bodies: schema and business rules.


def test_create_returns_201_location_and_id(server, http):
    response = post_xml(http, MINIMAL)

    assert response.status_code == 201
    (message,) = read_messages(response.content)
    assert message.code == "MESSAGE_RESOURCE_CREATED"
    assert response.headers["Location"] == (f"/restapi/api{CONTACTS}/{message.id}")
    assert (
        message.text == f"Resource [contact] with id [{message.id}] has been created."
    )


@pytest.mark.parametrize(
    "body, reason",
    [
        # lastname before email breaks the schema's sequence.
        (
            contact_xml("<lastname>M</lastname>", "<email>a@example.com</email>"),
            "email",
        ),
        (
            contact_xml(
                "<email>a@example.com</email>",
                "<lastname>M</lastname>",
                "<address><postcode>" + "1" * 21 + "</postcode></address>",
            ),
            "postcode",
        ),
        (b"<not-closed>", "not a readable XML document"),
    ],
    ids=["element-order", "postcode-length", "malformed"],
)
def test_schema_invalid_xml_gets_412(server, http, body, reason):
    response = post_xml(http, body)

    assert response.status_code == 412
    assert codes(response) == ["ERROR_RESOURCE_VALIDATION"]
    assert reason in read_messages(response.content)[0].text
    assert server.contacts() == []


def test_schema_invalid_json_gets_412(server, http):
    body = {
        "common.realtorContactDetail": {
            "email": "a@example.com",
            "lastname": "M",
            "address": {"postcode": "1" * 21},
        }
    }

    response = http.post(
        CONTACTS,
        content=json.dumps(body),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )

    assert response.status_code == 412
    assert codes(response) == ["ERROR_RESOURCE_VALIDATION"]
    assert server.contacts() == []


def test_missing_email_and_lastname_get_412_each(server, http):
    response = post_xml(http, contact_xml("<firstname>Karl</firstname>"))

    assert response.status_code == 412
    texts = [message.text for message in read_messages(response.content)]
    assert len(texts) == 2
    assert "email is missing" in texts[0]
    assert "lastname is missing" in texts[1]


def test_messages_document_as_contact_gets_412(http):
    body = (
        f'<common:messages xmlns:common="{NAMESPACE}"><message>'
        "<messageCode>MESSAGE_RESOURCE_CREATED</messageCode><message>x</message>"
        "</message></common:messages>"
    ).encode()

    response = post_xml(http, body)

    assert response.status_code == 412
    assert "realtorContactDetail" in read_messages(response.content)[0].text


def test_unsupported_content_type_gets_415(http):
    response = post_xml(http, MINIMAL, **{"Content-Type": "text/csv"})

    assert response.status_code == 415
    assert codes(response) == ["ERROR_COMMON_MEDIA_TYPE_UNSUPPORTED"]


def test_duplicate_external_id_gets_409(server, http):
    body = contact_xml(
        "<email>a@example.com</email>",
        "<lastname>M</lastname>",
        "<externalId>k-1</externalId>",
    )
    post_xml(http, body)

    response = post_xml(http, body)

    assert response.status_code == 409
    assert codes(response) == ["ERROR_COMMON_REQUEST_CONFLICT"]
    assert len(server.contacts()) == 1


def test_21st_profile_page_contact_gets_412(server, http):
    for n in range(20):
        server.seed(
            RealtorContactDetails(
                email=f"c{n}@example.com", lastname="M", show_on_profile_page=True
            )
        )

    response = post_xml(
        http,
        contact_xml(
            "<email>a@example.com</email>",
            "<lastname>M</lastname>",
            "<showOnProfilePage>true</showOnProfilePage>",
        ),
    )

    assert response.status_code == 412
    assert "At most 20" in read_messages(response.content)[0].text


def test_put_with_other_body_id_gets_412(http):
    location = post_xml(http, MINIMAL).headers["Location"]
    contact_id = location.rpartition("/")[2]

    response = http.put(
        f"{CONTACTS}/{contact_id}",
        content=contact_xml(
            "<email>a@example.com</email>",
            "<lastname>M</lastname>",
            attributes=' id="1"',
        ),
        headers={"Content-Type": "application/xml"},
    )

    assert response.status_code == 412


# Stored contacts.


def test_create_stores_contact_as_is24_does(server, http):
    body = contact_xml(
        "<email>Karl@Example.COM</email>",
        "<lastname>Weber</lastname>",
        "<phoneNumberCountryCode>+49</phoneNumberCountryCode>",
        "<phoneNumberAreaCode>40</phoneNumberAreaCode>",
        "<phoneNumberSubscriber>555010000</phoneNumberSubscriber>",
        "<company>Beispielfirma</company>",
        "<realEstateReferenceCount>7</realEstateReferenceCount>",
    )
    post_xml(http, body)

    (stored,) = server.contacts()

    assert stored.email == "karl@example.com"
    assert stored.phone_number == "+49 40 555010000"
    assert stored.company is None
    assert stored.real_estate_reference_count == 0
    assert stored.salutation.value == "NO_SALUTATION"
    assert stored.show_on_profile_page is False
    assert stored.default_contact is True


def test_get_returns_json_after_accept(http):
    contact_id = post_xml(http, MINIMAL).headers["Location"].rpartition("/")[2]

    response = http.get(
        f"{CONTACTS}/{contact_id}", headers={"Accept": "application/json"}
    )

    assert response.headers["Content-Type"].startswith("application/json")
    document = read_json(response.content)
    assert document.id == int(contact_id)


def test_get_returns_xml_by_default(http):
    contact_id = post_xml(http, MINIMAL).headers["Location"].rpartition("/")[2]

    response = http.get(f"{CONTACTS}/{contact_id}")

    assert response.headers["Content-Type"].startswith("application/xml")
    assert read_xml(response.content).lastname == "Muster"


def test_messages_in_json_use_array_of_wrappers(http):
    response = http.post(
        CONTACTS,
        content=MINIMAL,
        headers={"Content-Type": "application/xml", "Accept": "application/json"},
    )

    document = json.loads(response.content)
    assert list(document) == ["common.messages"]
    assert document["common.messages"][0]["message"]["messageCode"] == (
        "MESSAGE_RESOURCE_CREATED"
    )


def test_put_keeps_default_flag_when_omitted_or_false(server, http):
    default_id = post_xml(http, MINIMAL).headers["Location"].rpartition("/")[2]
    replacement = contact_xml(
        "<email>n@example.com</email>",
        "<lastname>Neu</lastname>",
        "<defaultContact>false</defaultContact>",
    )

    response = http.put(
        f"{CONTACTS}/{default_id}",
        content=replacement,
        headers={"Content-Type": "application/xml"},
    )

    assert response.status_code == 200
    (stored,) = server.contacts()
    assert stored.default_contact is True
    assert stored.lastname == "Neu"


def test_default_flag_true_moves_to_contact(server, http):
    post_xml(http, MINIMAL)

    post_xml(
        http,
        contact_xml(
            "<email>b@example.com</email>",
            "<lastname>B</lastname>",
            "<defaultContact>true</defaultContact>",
        ),
    )

    assert [c.default_contact for c in server.contacts()] == [False, True]


def test_delete_moves_listings_to_default_contact(server, http):
    default_id = server.seed(
        RealtorContactDetails(email="d@example.com", lastname="D", default_contact=True)
    )
    other_id = server.seed(
        RealtorContactDetails(
            email="o@example.com", lastname="O", real_estate_reference_count=4
        )
    )

    response = http.delete(f"{CONTACTS}/{other_id}")

    assert response.status_code == 200
    assert [(c.id, c.real_estate_reference_count) for c in server.contacts()] == [
        (default_id, 4)
    ]


@pytest.mark.parametrize(
    "query, status",
    [
        ("", 412),
        ("?assigntocontactid=999", 404),
        ("?assigntocontactid={default_id}", 412),
    ],
    ids=["no-assign", "unknown-assign", "self-assign"],
)
def test_default_contact_delete_needs_other_contact(server, http, query, status):
    default_id = post_xml(http, MINIMAL).headers["Location"].rpartition("/")[2]

    response = http.delete(
        f"{CONTACTS}/{default_id}" + query.format(default_id=default_id)
    )

    assert response.status_code == status
    assert len(server.contacts()) == 1


def test_unknown_path_gets_404(http):
    response = http.get("/offer/v1.0/user/me/contacts")

    assert response.status_code == 404
    assert codes(response) == ["ERROR_COMMON_RESOURCE_NOT_FOUND"]


def test_post_on_single_contact_gets_405(http):
    response = http.post(CONTACTS + "/1", content=MINIMAL)

    assert response.status_code == 405


def test_encoded_slash_stays_in_external_id(server, http):
    post_xml(
        http,
        contact_xml(
            "<email>a@example.com</email>",
            "<lastname>M</lastname>",
            "<externalId>a/b</externalId>",
        ),
    )

    assert http.get(CONTACTS + "/ext-a%2Fb").status_code == 200
    assert http.get(CONTACTS + "/ext-a/b").status_code == 404


# Faults.


def test_rate_limited_fault_sends_retry_after(server, http):
    server.inject(Fault.rate_limited(retry_after="7"))

    response = http.get(CONTACTS)

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"
    assert response.text == "Too Many Requests"
    assert http.get(CONTACTS).status_code == 200


def test_unavailable_fault_sends_plain_503(server, http):
    server.inject(Fault.unavailable())

    response = http.get(CONTACTS)

    assert response.status_code == 503
    assert response.headers["Content-Type"].startswith("text/plain")


def test_fault_applies_only_to_its_method(server, http):
    server.inject(Fault.unavailable("POST"))

    assert http.get(CONTACTS).status_code == 200
    assert post_xml(http, MINIMAL).status_code == 503


def test_dropped_create_is_stored(server, http):
    server.inject(Fault.drop_after_handling("POST"))

    with pytest.raises(httpx.RemoteProtocolError):
        post_xml(http, MINIMAL)

    assert len(server.contacts()) == 1
    assert server.requests[-1].status is None


def test_slow_fault_passes_client_timeout(server):
    server.inject(Fault.slow(0.3))

    with signed_client(server) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.get(CONTACTS, timeout=0.05)

    assert server.wait_until_idle()
    assert server.requests[-1].status == 200


def test_seeded_contact_is_served(server, http):
    contact_id = server.seed(RealtorContactDetails(email="s@example.com", lastname="S"))

    response = http.get(f"{CONTACTS}/{contact_id}")

    assert read_xml(response.content).lastname == "S"
    assert write_xml(server.contacts()[0], validate=False).count("<lastname>") == 1


# Command line.


def test_command_line_prints_url_and_credentials():
    process = subprocess.Popen(
        [sys.executable, "-m", "is24_contact.fake_server", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        lines = [process.stdout.readline() for _ in range(7)]
        exported = dict(
            line.removeprefix("export ").strip().split("=", 1)
            for line in lines
            if line.startswith("export ")
        )
        with ContactClient.from_env(exported, timeout=2.0) as client:
            contacts = client.list()
    finally:
        process.terminate()
        process.wait(timeout=5)

    assert lines[0].startswith("fake IS24 API at http://127.0.0.1:")
    assert exported["IS24_BASE_URL"] == lines[0].split(" at ")[1].strip()
    assert exported["IS24_CONSUMER_SECRET"] == "fake-consumer-secret"
    assert contacts == []
