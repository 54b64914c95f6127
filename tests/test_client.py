"""The contact client, end to end against the fake IS24 server on 127.0.0.1.

Waits between retries go to a list instead of time.sleep, so the retry tests
check the delays without waiting for them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from is24_common import Address, RealtorContactDetails
from is24_contact.client import (
    ContactClient,
    Credentials,
    RetryPolicy,
    created_id,
    parse_retry_after,
)
from is24_contact.errors import (
    AccessDeniedError,
    ApiError,
    AuthenticationError,
    ConflictError,
    ContactInvalidError,
    CreateOutcomeUnknownError,
    ExternalIdExistsError,
    MissingCredentialsError,
    NotFoundError,
    ProfilePageLimitError,
    RateLimitError,
    RequestTimeoutError,
    ResourceValidationError,
    ResponseMessage,
    ServerError,
    UnexpectedResponseError,
    document_format,
    read_messages,
)
from is24_contact.fake_server import FakeIS24Server, Fault
from is24_contact.urls import contact_path

WIRE_FORMATS = ["xml", "json"]
AWKWARD_EXTERNAL_ID = "crm/42 Müller"
NAMESPACE = "http://rest.immobilienscout24.de/schema/common/1.0"
UTF8_BOM = "\ufeff"


@pytest.fixture
def server() -> Iterator[FakeIS24Server]:
    with FakeIS24Server() as fake:
        yield fake


@pytest.fixture
def sleeps() -> list[float]:
    return []


def credentials_for(server: FakeIS24Server, **changes: str) -> Credentials:
    values = {
        "consumer_key": server.consumer_key,
        "consumer_secret": server.consumer_secret,
        "access_token": server.access_token,
        "access_token_secret": server.access_token_secret,
    }
    values.update(changes)
    return Credentials(**values)


@pytest.fixture
def make_client(
    server: FakeIS24Server, sleeps: list[float]
) -> Iterator[Callable[..., ContactClient]]:
    clients: list[ContactClient] = []

    def build(wire_format: str = "xml", **options: object) -> ContactClient:
        options.setdefault("timeout", 2.0)
        options.setdefault("sleep", sleeps.append)
        options.setdefault("retry", RetryPolicy(attempts=3, backoff=0.5))
        credentials = options.pop("credentials", credentials_for(server))
        client = ContactClient(
            credentials, base_url=server.base_url, wire_format=wire_format, **options
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


def contact(lastname: str = "Muster", **fields: object) -> RealtorContactDetails:
    fields.setdefault("email", f"{lastname.lower()}@example.com")
    return RealtorContactDetails(lastname=lastname, **fields)


# Each operation in XML and JSON.


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_create_returns_id_of_stored_contact(server, make_client, wire_format):
    client = make_client(wire_format)

    contact_id = client.create(contact("Weber", firstname="Karl"))

    stored = server.contacts()
    assert [c.id for c in stored] == [contact_id]
    assert stored[0].firstname == "Karl"
    post = server.requests[-1]
    assert post.content_type.startswith(f"application/{wire_format}")
    assert post.accept == f"application/{wire_format}"


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_list_returns_every_contact(server, make_client, wire_format):
    client = make_client(wire_format)
    first = client.create(contact("Alpha"))
    second = client.create(contact("Beta"))

    contacts = client.list()

    assert [c.id for c in contacts] == [first, second]
    assert [c.lastname for c in contacts] == ["Alpha", "Beta"]


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_list_of_empty_account_is_empty(make_client, wire_format):
    assert make_client(wire_format).list() == []


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_get_by_id_returns_contact_as_stored(make_client, wire_format):
    client = make_client(wire_format)
    contact_id = client.create(
        contact(
            "Weber",
            email="Karl.Weber@Example.com",
            phone_number_country_code="+49",
            phone_number_area_code="30",
            phone_number_subscriber="12345",
            address=Address(street="Hauptstr.", postcode="10115", city="Berlin"),
        )
    )

    fetched = client.get(contact_id)

    assert fetched.id == contact_id
    assert fetched.email == "karl.weber@example.com"
    assert fetched.phone_number == "+49 30 12345"
    assert fetched.address.city == "Berlin"
    assert fetched.default_contact is True


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_get_by_external_id_finds_contact(make_client, wire_format):
    client = make_client(wire_format)
    contact_id = client.create(contact(external_id="k-042"))

    assert client.get(external_id="k-042").id == contact_id


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_update_by_id_replaces_contact(server, make_client, wire_format):
    client = make_client(wire_format)
    contact_id = client.create(contact("Alt", firstname="Erika"))

    messages = client.update(contact("Neu"), contact_id)

    assert [m.code for m in messages] == ["MESSAGE_RESOURCE_UPDATED"]
    updated = client.get(contact_id)
    assert updated.lastname == "Neu"
    assert updated.firstname is None  # PUT replaces the whole contact


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_update_by_external_id_replaces_contact(make_client, wire_format):
    client = make_client(wire_format)
    contact_id = client.create(contact("Alt", external_id="k-1"))

    client.update(contact("Neu", external_id="k-1"), external_id="k-1")

    assert client.get(contact_id).lastname == "Neu"


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_delete_by_id_removes_contact(server, make_client, wire_format):
    client = make_client(wire_format)
    default_id = client.create(contact("Default"))
    other_id = client.create(contact("Other"))

    messages = client.delete(other_id)

    assert [m.code for m in messages] == ["MESSAGE_RESOURCE_DELETED"]
    assert [c.id for c in server.contacts()] == [default_id]


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_delete_default_contact_with_assign_to_external_id(
    server, make_client, wire_format
):
    client = make_client(wire_format)
    default_id = client.create(contact("Default"))
    heir_id = client.create(contact("Heir", external_id="heir/1 ä"))

    client.delete(default_id, assign_to_external_id="heir/1 ä")

    assert [c.id for c in server.contacts()] == [heir_id]
    assert client.get(heir_id).default_contact is True


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_awkward_external_id_round_trips(server, make_client, wire_format):
    client = make_client(wire_format)
    client.create(contact("Default"))
    contact_id = client.create(contact("Müller", external_id=AWKWARD_EXTERNAL_ID))

    assert client.get(external_id=AWKWARD_EXTERNAL_ID).id == contact_id

    client.update(
        contact("Meier", external_id=AWKWARD_EXTERNAL_ID),
        external_id=AWKWARD_EXTERNAL_ID,
    )
    assert client.get(contact_id).lastname == "Meier"

    client.delete(external_id=AWKWARD_EXTERNAL_ID)
    assert [c.lastname for c in server.contacts()] == ["Default"]
    # The lookup before the create, then get, update and delete.
    paths = [request.path for request in server.requests]
    assert (
        paths.count(
            "/restapi/api/offer/v1.0/user/me/contact/ext-crm%2F42%20M%C3%BCller"
        )
        == 4
    )


@pytest.mark.parametrize("external_id", [".", ".."])
def test_dot_external_id_round_trips(server, make_client, external_id):
    client = make_client()
    client.create(contact("Default"))
    contact_id = client.create(contact("Punkt", external_id=external_id))

    assert client.get(external_id=external_id).id == contact_id

    client.update(contact("Strich", external_id=external_id), external_id=external_id)
    assert client.get(contact_id).lastname == "Strich"

    client.delete(external_id=external_id)
    assert [c.lastname for c in server.contacts()] == ["Default"]
    # The lookup before the create, then get, update and delete.
    path = f"/restapi/api/offer/v1.0/user/me/contact/ext-{external_id}"
    assert [r.path for r in server.requests].count(path) == 4


def test_username_in_path_is_sent(server, make_client):
    client = make_client(username=server.login_name)

    client.list()

    assert server.requests[-1].path == (
        f"/restapi/api/offer/v1.0/user/{server.login_name}/contact"
    )


# Validation before sending.


def test_create_rejects_missing_lastname_without_sending(server, make_client):
    client = make_client()

    with pytest.raises(ContactInvalidError) as caught:
        client.create(RealtorContactDetails(email="a@example.com"))

    assert [p.path for p in caught.value.problems] == ["realtorContactDetail/lastname"]
    assert "lastname" in str(caught.value)
    assert server.requests == []


def test_create_rejects_schema_violation_without_sending(server, make_client):
    client = make_client()
    too_long = contact(address=Address(postcode="1" * 21))

    with pytest.raises(ContactInvalidError) as caught:
        client.create(too_long)

    assert caught.value.problems[0].path == "realtorContactDetail/address/postcode"
    assert caught.value.problems[0].kind == "schema"
    assert server.requests == []


def test_update_rejects_body_id_other_than_path_id(server, make_client):
    client = make_client()
    contact_id = client.create(contact())
    requests_before = len(server.requests)

    with pytest.raises(ContactInvalidError, match="differs from the id"):
        client.update(contact(id=contact_id + 1), contact_id)

    assert len(server.requests) == requests_before


def test_create_rejects_other_type_than_contact(make_client):
    with pytest.raises(TypeError, match="RealtorContactDetails"):
        make_client().create(Address(city="Berlin"))


# The limit of 20 contacts on the profile page.


def seed_profile_page_contacts(server: FakeIS24Server, count: int) -> list[int]:
    return [
        server.seed(contact(f"Shown{n}", show_on_profile_page=True))
        for n in range(count)
    ]


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_create_rejects_21st_profile_page_contact(server, make_client, wire_format):
    seed_profile_page_contacts(server, 20)
    client = make_client(wire_format)

    with pytest.raises(ProfilePageLimitError) as caught:
        client.create(contact("Extra", show_on_profile_page=True))

    assert "20 other contacts" in str(caught.value)
    assert server.count_requests("POST") == 0


def test_create_allows_20th_profile_page_contact(server, make_client):
    seed_profile_page_contacts(server, 19)

    make_client().create(contact("Twentieth", show_on_profile_page=True))

    assert sum(c.show_on_profile_page is True for c in server.contacts()) == 20


def test_create_not_on_profile_page_skips_limit_check(server, make_client):
    seed_profile_page_contacts(server, 20)

    make_client().create(contact("Hidden", show_on_profile_page=False))

    assert server.count_requests("GET") == 0


def test_update_does_not_count_contact_itself(server, make_client):
    ids = seed_profile_page_contacts(server, 20)

    make_client().update(contact("Renamed", show_on_profile_page=True), ids[0])

    assert server.contacts()[0].lastname == "Renamed"


def test_update_rejects_21st_profile_page_contact(server, make_client):
    seed_profile_page_contacts(server, 20)
    hidden_id = server.seed(contact("Hidden", external_id="h"))

    with pytest.raises(ProfilePageLimitError):
        make_client().update(
            contact("Hidden", external_id="h", show_on_profile_page=True),
            external_id="h",
        )

    assert server.count_requests("PUT") == 0
    assert hidden_id in [c.id for c in server.contacts()]


def test_server_limit_applies_when_client_check_is_off(server, make_client):
    seed_profile_page_contacts(server, 20)
    client = make_client(check_profile_page_limit=False)

    with pytest.raises(ResourceValidationError) as caught:
        client.create(contact("Extra", show_on_profile_page=True))

    assert caught.value.status == 412
    assert caught.value.codes == ["ERROR_RESOURCE_VALIDATION"]


# One typed error per kind of response.


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_unknown_id_raises_not_found(make_client, wire_format):
    with pytest.raises(NotFoundError) as caught:
        make_client(wire_format).get(999)

    error = caught.value
    assert error.status == 404
    assert error.codes == ["ERROR_RESOURCE_NOT_FOUND"]
    assert error.method == "GET"
    assert error.path == "/offer/v1.0/user/me/contact/999"
    assert "999" in error.texts[0]


@pytest.mark.parametrize(
    "changed",
    [
        {"consumer_secret": "wrong-consumer-secret"},
        {"access_token_secret": "wrong-token-secret"},
    ],
    ids=["consumer-secret", "token-secret"],
)
def test_wrong_secret_raises_authentication_error(server, make_client, changed):
    client = make_client(credentials=credentials_for(server, **changed))

    with pytest.raises(AuthenticationError) as caught:
        client.list()

    assert caught.value.status == 401
    assert caught.value.codes == ["ERROR_COMMON_AUTHENTICATION_REQUIRED"]


def test_other_user_raises_access_denied(make_client):
    with pytest.raises(AccessDeniedError) as caught:
        make_client(username="someone-else").list()

    assert caught.value.status == 403
    assert caught.value.codes == ["ERROR_COMMON_ACCESS_DENIED"]


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_duplicate_external_id_raises_conflict(server, make_client, wire_format):
    client = make_client(wire_format)
    first_id = client.create(contact(external_id="dup"))

    with pytest.raises(ConflictError) as caught:
        client.create(contact("Zweiter", external_id="dup"))

    error = caught.value
    assert isinstance(error, ExternalIdExistsError)
    assert error.status == 409
    assert error.method == "POST"
    assert error.existing_id == first_id
    assert f"already exists (id {first_id}): update it instead" in str(error)
    assert server.count_requests("POST") == 1
    assert len(server.contacts()) == 1


def test_create_with_taken_external_id_after_drop_raises(server, make_client):
    # The contact existed before the create, so the create must not return its
    # id even when the connection of the create would be dropped.
    existing_id = server.seed(contact("Alt", external_id="k-taken"))
    server.inject(Fault.drop_after_handling("POST"))

    with pytest.raises(ExternalIdExistsError) as caught:
        make_client().create(contact("Neu", external_id="k-taken"))

    assert caught.value.existing_id == existing_id
    assert server.count_requests("POST") == 0
    assert [c.lastname for c in server.contacts()] == ["Alt"]


def test_create_racing_other_creator_raises_server_conflict(server, make_client):
    # The lookup before the create gets 404, as if another client created the
    # contact just after it.
    server.seed(contact("Other", external_id="k-race"))
    server.inject(Fault.plain_text(404, "Not Found", method="GET"))

    with pytest.raises(ConflictError) as caught:
        make_client().create(contact("Mine", external_id="k-race"))

    assert not isinstance(caught.value, ExternalIdExistsError)
    assert caught.value.codes == ["ERROR_COMMON_REQUEST_CONFLICT"]
    assert [(r.method, r.status) for r in server.requests] == [
        ("GET", 404),
        ("POST", 409),
    ]


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_deleting_default_contact_alone_raises_validation_error(
    make_client, wire_format
):
    client = make_client(wire_format)
    default_id = client.create(contact("Default"))
    client.create(contact("Other"))

    with pytest.raises(ResourceValidationError) as caught:
        client.delete(default_id)

    assert caught.value.status == 412
    assert caught.value.method == "DELETE"
    assert "assigntocontactid" in caught.value.texts[0]


def test_repeated_429_raises_rate_limit_error(server, make_client, sleeps):
    server.inject(Fault.rate_limited(retry_after="2"), times=3)

    with pytest.raises(RateLimitError) as caught:
        make_client().list()

    assert caught.value.status == 429
    assert caught.value.retry_after == 2.0
    assert caught.value.body_text == "Too Many Requests"
    assert caught.value.messages == []
    assert sleeps == [2.0, 2.0]
    assert server.count_requests("GET") == 3


def test_500_raises_server_error_without_retry(server, make_client, sleeps):
    server.inject(Fault.plain_text(500, "Internal Server Error"))

    with pytest.raises(ServerError) as caught:
        make_client().list()

    assert caught.value.status == 500
    assert caught.value.body_text == "Internal Server Error"
    assert "failed with HTTP 500: Internal Server Error" in str(caught.value)
    assert sleeps == []


def test_repeated_503_raises_server_error(server, make_client, sleeps):
    server.inject(Fault.unavailable(), times=3)

    with pytest.raises(ServerError) as caught:
        make_client().list()

    assert caught.value.status == 503
    assert sleeps == [0.5, 1.0]


def test_slow_responses_raise_timeout_error(server, make_client, sleeps):
    server.inject(Fault.slow(0.5, "GET"), times=2)
    client = make_client(timeout=0.1, retry=RetryPolicy(attempts=2, backoff=0.01))

    with pytest.raises(RequestTimeoutError) as caught:
        client.list()

    assert caught.value.method == "GET"
    assert "timed out" in str(caught.value)
    assert sleeps == [0.01]


def test_unreadable_success_body_raises_unexpected_response(server, make_client):
    server.inject(Fault.plain_text(200, "not a document", method="GET"))

    with pytest.raises(UnexpectedResponseError, match="not a readable document"):
        make_client().list()


def test_other_status_raises_plain_api_error(server, make_client):
    server.inject(Fault.plain_text(418, "teapot"))

    with pytest.raises(ApiError) as caught:
        make_client().list()

    assert type(caught.value) is ApiError
    assert caught.value.status == 418


# Retries.


def test_get_retried_after_503(server, make_client, sleeps):
    client = make_client()
    contact_id = client.create(contact())
    server.inject(Fault.unavailable("GET"))

    assert client.get(contact_id).id == contact_id
    assert sleeps == [0.5]


def test_get_retried_after_429_waits_retry_after(server, make_client, sleeps):
    server.inject(Fault.rate_limited(retry_after="3"))

    assert make_client().list() == []
    assert sleeps == [3.0]


def test_retry_after_too_long_raises_at_once(server, make_client, sleeps):
    server.inject(Fault.rate_limited(retry_after="3600"))

    with pytest.raises(RateLimitError):
        make_client().list()

    assert sleeps == []


def test_get_retried_after_timeout(server, make_client, sleeps):
    server.inject(Fault.slow(0.5, "GET"))
    client = make_client(timeout=0.1)

    assert client.list() == []
    assert sleeps == [0.5]


def test_put_retried_after_dropped_connection(server, make_client, sleeps):
    client = make_client()
    contact_id = client.create(contact("Alt"))
    server.inject(Fault.drop_after_handling("PUT"))

    client.update(contact("Neu"), contact_id)

    assert server.count_requests("PUT") == 2
    assert server.contacts()[0].lastname == "Neu"
    assert sleeps == [0.5]


def test_delete_after_dropped_response_counts_as_deleted(
    server, make_client, sleeps, caplog
):
    caplog.set_level(logging.INFO, logger="is24_contact.client")
    client = make_client()
    default_id = client.create(contact("Default"))
    other_id = client.create(contact("Other"))
    server.inject(Fault.drop_after_handling("DELETE"))

    messages = client.delete(other_id)

    assert [m.code for m in messages] == ["MESSAGE_RESOURCE_DELETED"]
    assert "response of an earlier attempt was lost" in messages[0].text
    assert [c.id for c in server.contacts()] == [default_id]
    assert [(r.method, r.status) for r in server.requests[-2:]] == [
        ("DELETE", None),
        ("DELETE", 404),
    ]
    assert sleeps == [0.5]
    infos = [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.INFO and "counts as deleted" in r.getMessage()
    ]
    assert len(infos) == 1


def test_delete_404_after_503_counts_as_deleted(server, make_client):
    server.inject(Fault.unavailable("DELETE"))

    messages = make_client().delete(999)

    assert [m.code for m in messages] == ["MESSAGE_RESOURCE_DELETED"]
    assert server.count_requests("DELETE") == 2


def test_delete_404_on_first_attempt_raises_not_found(server, make_client):
    with pytest.raises(NotFoundError):
        make_client().delete(999)

    assert server.count_requests("DELETE") == 1


def test_delete_404_after_429_raises_not_found(server, make_client, sleeps):
    server.inject(Fault.rate_limited(method="DELETE"))

    with pytest.raises(NotFoundError):
        make_client().delete(999)

    assert server.count_requests("DELETE") == 2


def test_delete_retried_after_503(server, make_client, sleeps):
    client = make_client()
    client.create(contact("Default"))
    other_id = client.create(contact("Other"))
    server.inject(Fault.unavailable("DELETE"))

    client.delete(other_id)

    assert len(server.contacts()) == 1
    assert server.count_requests("DELETE") == 2


def test_create_without_external_id_not_retried_after_drop(server, make_client, sleeps):
    server.inject(Fault.drop_after_handling("POST"))

    with pytest.raises(CreateOutcomeUnknownError) as caught:
        make_client().create(contact())

    assert "may or may not have been created" in str(caught.value)
    assert server.count_requests("POST") == 1
    assert server.count_requests("GET") == 0
    assert len(server.contacts()) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "fault, error_type",
    [
        (Fault.unavailable("POST"), ServerError),
        (Fault.rate_limited(method="POST"), RateLimitError),
    ],
    ids=["503", "429"],
)
def test_create_without_external_id_not_retried_after_error(
    server, make_client, sleeps, fault, error_type
):
    server.inject(fault)

    with pytest.raises(error_type):
        make_client().create(contact())

    assert server.count_requests("POST") == 1
    assert server.contacts() == []
    assert sleeps == []


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_create_after_dropped_connection_makes_one_contact(
    server, make_client, sleeps, wire_format
):
    server.inject(Fault.drop_after_handling("POST"))

    contact_id = make_client(wire_format).create(contact(external_id="crm 7/ä"))

    assert [c.id for c in server.contacts()] == [contact_id]
    assert server.count_requests("POST") == 1
    assert server.requests[-1].path.endswith("/contact/ext-crm%207%2F%C3%A4")
    assert sleeps == []


def test_create_after_503_looks_up_then_retries(server, make_client, sleeps):
    server.inject(Fault.unavailable("POST"))

    contact_id = make_client().create(contact(external_id="k-9"))

    assert [c.id for c in server.contacts()] == [contact_id]
    assert [(r.method, r.status) for r in server.requests] == [
        ("GET", 404),
        ("POST", 503),
        ("GET", 404),
        ("POST", 201),
    ]
    assert sleeps == [0.5]


def test_create_after_timeout_makes_one_contact(server, make_client, sleeps):
    # The slow create is stored after the client gave up and sent it again, so
    # the fake rejects it then as a duplicate external id.
    server.inject(Fault.slow(0.3, "POST"))
    client = make_client(timeout=0.1)

    contact_id = client.create(contact(external_id="k-slow"))

    assert server.wait_until_idle()
    assert [c.id for c in server.contacts()] == [contact_id]


def test_create_after_500_looks_up_without_retry(server, make_client, sleeps):
    server.inject(Fault.plain_text(500, "boom", method="POST"))

    with pytest.raises(ServerError):
        make_client().create(contact(external_id="k-500"))

    assert [(r.method, r.status) for r in server.requests] == [
        ("GET", 404),
        ("POST", 500),
        ("GET", 404),
    ]


def test_create_with_failed_lookup_raises_outcome_unknown(server, make_client):
    # A fault without status or drop lets the check before the create through.
    server.inject(Fault(method="GET"))
    server.inject(Fault.drop_after_handling("POST"))
    server.inject(Fault.plain_text(500, "lookup failed", method="GET"))

    with pytest.raises(CreateOutcomeUnknownError, match="looking up"):
        make_client().create(contact(external_id="k-lost"))


# Logging and secrets.


def test_each_request_logged_once_at_debug(server, make_client, caplog):
    caplog.set_level(logging.DEBUG, logger="is24_contact.client")
    client = make_client()

    client.list()
    with pytest.raises(NotFoundError):
        client.get(5)

    lines = [
        r.getMessage()
        for r in caplog.records
        if r.name == "is24_contact.client" and r.levelno == logging.DEBUG
    ]
    assert len(lines) == 2
    assert lines[0].startswith("GET /offer/v1.0/user/me/contact -> 200 in ")
    assert lines[1].startswith("GET /offer/v1.0/user/me/contact/5 -> 404 in ")
    assert lines[1].endswith(" ms")


def test_no_secret_in_logs_or_errors(server, make_client, caplog):
    caplog.set_level(logging.DEBUG)
    client = make_client()
    impatient = make_client(timeout=0.1, retry=RetryPolicy(attempts=1))
    wrongly_signed = make_client(
        credentials=credentials_for(server, consumer_secret="bad")
    )
    errors: list[BaseException] = []

    client.create(contact(external_id="s-1"))
    server.inject(Fault.drop_after_handling("POST"))
    client.create(contact("Zwei", external_id="s-2"))
    server.inject(Fault.unavailable("GET"))
    client.list()
    server.inject(Fault.rate_limited(), times=3)
    server.inject(Fault.slow(0.3, "GET"))
    for call in (
        lambda: client.list(),
        lambda: impatient.list(),
        lambda: client.get(1),
        lambda: wrongly_signed.list(),
    ):
        with pytest.raises(Exception) as caught:
            call()
        errors.append(caught.value)

    assert [type(error) for error in errors] == [
        RateLimitError,
        RequestTimeoutError,
        NotFoundError,
        AuthenticationError,
    ]
    signatures = [
        r.authorization.split('oauth_signature="')[1].split('"')[0]
        for r in server.requests
        if r.authorization
    ]
    assert len(signatures) >= 8
    secrets = [
        server.consumer_secret,
        server.access_token_secret,
        server.access_token,
        *signatures,
    ]
    texts = [record.getMessage() for record in caplog.records]
    texts += [str(error) for error in errors] + [repr(error) for error in errors]
    texts += [repr(client), repr(credentials_for(server))]
    for secret in secrets:
        assert not [text for text in texts if secret in text], secret


# Reading recorded IS24 responses.


def payload(cases_folder: Path, name: str) -> str:
    return (cases_folder / "is24-payloads" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, status, error_type, code",
    [
        (
            "json-2020-error-resource-not-found.response-404.json",
            404,
            NotFoundError,
            "ERROR_RESOURCE_NOT_FOUND",
        ),
        (
            "json-2020-error-validation.response-412.json",
            412,
            ResourceValidationError,
            "ERROR_RESOURCE_VALIDATION",
        ),
        (
            "xml-docs-error-authentication-required.response-401.xml",
            401,
            AuthenticationError,
            "ERROR_COMMON_AUTHENTICATION_REQUIRED",
        ),
    ],
)
def test_recorded_error_becomes_typed_error(
    cases_folder, server, make_client, name, status, error_type, code
):
    content_type = "application/json" if name.endswith(".json") else "application/xml"
    server.inject(
        Fault(
            status=status, body=payload(cases_folder, name), content_type=content_type
        )
    )

    with pytest.raises(error_type) as caught:
        make_client().list()

    assert caught.value.codes == [code]
    assert caught.value.texts[0] in str(caught.value)


@pytest.mark.parametrize(
    "name, location, expected",
    [
        # The id in the message text only.
        ("json-2014-create-contact.response-201.json", None, 48210637),
        # The id as a JSON number.
        ("json-2017-create-contact.response-201.json", None, 61730428),
        # The id as an element.
        ("xml-2026-create-contact.response-201.xml", None, 135720417),
        # The Location header wins over the text when the message has no id.
        (
            "json-2014-create-contact.response-201.json",
            "http://rest.sandbox-immobilienscout24.de/restapi/api"
            "/offer/v1.0/user/me/contact/48210638",
            48210638,
        ),
    ],
)
def test_recorded_create_response_gives_id(
    cases_folder, server, make_client, name, location, expected
):
    headers = (("Location", location),) if location else ()
    server.inject(
        Fault(
            method="POST",
            status=201,
            body=payload(cases_folder, name),
            content_type=(
                "application/json" if name.endswith("json") else "application/xml"
            ),
            headers=headers,
        )
    )

    assert make_client().create(contact()) == expected


@pytest.mark.parametrize(
    "name, expected_ids",
    [
        (
            "json-2014-list-contacts-two-elements.response-200.json",
            [48210637, 48209914],
        ),
        ("json-2017-list-contacts-one-element.response-200.json", [61204857]),
    ],
)
def test_recorded_list_response_is_read(
    cases_folder, server, make_client, name, expected_ids
):
    server.inject(Fault(method="GET", status=200, body=payload(cases_folder, name)))

    assert [c.id for c in make_client().list()] == expected_ids


@pytest.mark.parametrize(
    "name, expected_id",
    [
        ("json-2014-get-contact.response-200.json", 48210637),
        ("json-2017-get-contact.response-200.json", 61204857),
        ("xml-2026-get-contact-split-phone.response-200.xml", 135720419),
    ],
)
def test_recorded_get_response_is_read(
    cases_folder, server, make_client, name, expected_id
):
    server.inject(Fault(method="GET", status=200, body=payload(cases_folder, name)))

    assert make_client().get(expected_id).id == expected_id


def test_recorded_delete_response_gives_messages(cases_folder, server, make_client):
    body = payload(cases_folder, "xml-docs-delete-contact.response-200.xml")
    server.inject(Fault(method="DELETE", status=200, body=body))

    messages = make_client().delete(58112233)

    assert messages == [
        ResponseMessage(
            "MESSAGE_RESOURCE_DELETED",
            "Resource [contact] with id [58112233] has been deleted.",
            "58112233",
        )
    ]


# Reading responses with a byte order mark, or with content of a newer schema.


def contact_xml(*children: str, root: str = "realtorContactDetail") -> str:
    return (
        f'<common:{root} xmlns:common="{NAMESPACE}" id="7">'
        + "".join(children)
        + f"</common:{root}>"
    )


@pytest.mark.parametrize(
    "content_type",
    ["application/xml;charset=UTF-8", "text/xml", "text/plain; charset=utf-8"],
)
def test_xml_response_with_bom_is_read(server, make_client, content_type):
    body = (
        UTF8_BOM
        + '<?xml version="1.0" encoding="UTF-8"?>\n'
        + contact_xml("<email>a@example.com</email>", "<lastname>Bom</lastname>")
    )
    server.inject(Fault(method="GET", status=200, body=body, content_type=content_type))

    fetched = make_client().get(7)

    assert fetched.id == 7
    assert fetched.lastname == "Bom"


def test_json_response_with_bom_is_read(server, make_client):
    body = UTF8_BOM + '{"common.realtorContactDetail": {"@id": "7", "lastname": "J"}}'
    server.inject(Fault(method="GET", status=200, body=body))

    assert make_client("json").get(7).lastname == "J"


def test_error_response_with_bom_gives_messages(server, make_client):
    body = UTF8_BOM + (
        f'<common:messages xmlns:common="{NAMESPACE}"><message>'
        "<messageCode>ERROR_RESOURCE_NOT_FOUND</messageCode>"
        "<message>gone</message></message></common:messages>"
    )
    server.inject(
        Fault(status=404, body=body, content_type="application/xml;charset=UTF-8")
    )

    with pytest.raises(NotFoundError) as caught:
        make_client().get(7)

    assert caught.value.codes == ["ERROR_RESOURCE_NOT_FOUND"]


@pytest.fixture
def wide_server() -> Iterator[tuple[str, dict[str, tuple[int, bytes]]]]:
    """Serve fixed bytes per path on 127.0.0.1, which the fake server cannot send.

    Yields the base URL and the mapping of request path to status and body,
    which a test fills in. Every response has Content-Type text/plain, so that
    the client tells the format from the body.
    """
    responses: dict[str, tuple[int, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = responses.get(self.path.partition("?")[0], (404, b""))
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *arguments: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/restapi/api", responses
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_responses_are_read_as_xml(server, wide_server, encoding):
    base_url, responses = wide_server
    api_path = urlsplit(base_url).path
    declaration = '\ufeff<?xml version="1.0" encoding="UTF-16"?>'
    contact_body = declaration + contact_xml(
        "<email>w@example.com</email>", "<lastname>Wëit</lastname>"
    )
    error_body = declaration + payload_messages("ERROR_RESOURCE_NOT_FOUND")
    responses[api_path + contact_path("me", 7)] = (200, contact_body.encode(encoding))
    responses[api_path + contact_path("me", 8)] = (404, error_body.encode(encoding))
    client = ContactClient(credentials_for(server), base_url=base_url, timeout=2.0)

    try:
        fetched = client.get(7)
        with pytest.raises(NotFoundError) as caught:
            client.get(8)
    finally:
        client.close()

    assert fetched.lastname == "Wëit"
    assert caught.value.codes == ["ERROR_RESOURCE_NOT_FOUND"]


@pytest.mark.parametrize(
    "content_type, body, expected",
    [
        # A Content-Type of XML or JSON decides over the body.
        ("application/xml", b"{}", "xml"),
        ("text/xml; charset=utf-8", b"{}", "xml"),
        ("application/problem+json", b"<a/>", "json"),
        ("Application/JSON;charset=UTF-8", b"<a/>", "json"),
        # Any other or no Content-Type leaves it to the body.
        (None, b"\xef\xbb\xbf  <a/>", "xml"),
        (None, b"\xef\xbb\xbf\n{}", "json"),
        ("text/plain", b" [1]", "json"),
        ("text/plain", b"Service Unavailable", None),
        (None, b"", None),
        # A UTF-16 or UTF-32 byte order mark means XML, because JSON is UTF-8.
        (None, "\ufeff<a/>".encode("utf-16-le"), "xml"),
        ("text/plain", "\ufeff<a/>".encode("utf-16-be"), "xml"),
        (None, "\ufeff<a/>".encode("utf-32-le"), "xml"),
        (None, "\ufeff<a/>".encode("utf-32-be"), "xml"),
    ],
)
def test_document_format(content_type, body, expected):
    assert document_format(body, content_type) == expected


UNKNOWN_IN_LIST_XML = (
    f'<common:realtorContactDetailsList xmlns:common="{NAMESPACE}">'
    '<realtorContactDetails id="7" rating="5"><email>a@example.com</email>'
    "<lastname>Neu</lastname><futureThing>secret-value</futureThing>"
    "</realtorContactDetails></common:realtorContactDetailsList>"
)
UNKNOWN_IN_LIST_JSON = (
    '{"common.realtorContactDetailsList": {"realtorContactDetails": [{"@id": "7", '
    '"@rating": "5", "email": "a@example.com", "lastname": "Neu", '
    '"futureThing": "secret-value"}]}}'
)


@pytest.mark.parametrize(
    "wire_format, body",
    [("xml", UNKNOWN_IN_LIST_XML), ("json", UNKNOWN_IN_LIST_JSON)],
)
def test_unknown_content_in_response_is_kept_and_logged(
    server, make_client, caplog, wire_format, body
):
    caplog.set_level(logging.WARNING, logger="is24_contact.client")
    server.inject(Fault(method="GET", status=200, body=body))

    contacts = make_client(wire_format).list()

    assert [c.id for c in contacts] == [7]
    assert len(contacts[0].unknown_content) == 2
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "realtorContactDetails[1]/futureThing" in warnings[0]
    assert "realtorContactDetails[1]/@rating" in warnings[0]
    assert "secret-value" not in warnings[0]


def test_profile_page_check_reads_unknown_content(server, make_client):
    server.inject(Fault(method="GET", status=200, body=UNKNOWN_IN_LIST_XML))

    contact_id = make_client().create(contact("Shown", show_on_profile_page=True))

    assert [c.id for c in server.contacts()] == [contact_id]


@pytest.mark.parametrize("wire_format", WIRE_FORMATS)
def test_update_sends_unknown_content_back(server, make_client, wire_format):
    body = contact_xml(
        "<email>a@example.com</email>",
        "<lastname>Alt</lastname>",
        "<futureThing>keep me</futureThing>",
    )
    server.inject(Fault(method="GET", status=200, body=body))
    # The fake validates against the schema of this package, which lacks
    # futureThing, so the PUT gets a canned success, as IS24 would send.
    server.inject(
        Fault(
            method="PUT",
            status=200,
            body=payload_messages("MESSAGE_RESOURCE_UPDATED"),
            content_type="application/xml",
        )
    )
    client = make_client(wire_format)
    fetched = client.get(7)
    fetched.lastname = "Neu"

    messages = client.update(fetched, 7)

    assert [m.code for m in messages] == ["MESSAGE_RESOURCE_UPDATED"]
    sent = server.requests[-1].body.decode("utf-8")
    assert "futureThing" in sent
    assert "keep me" in sent
    assert "Neu" in sent


def payload_messages(code: str) -> str:
    return (
        f'<common:messages xmlns:common="{NAMESPACE}"><message>'
        f"<messageCode>{code}</messageCode><message>done</message>"
        "</message></common:messages>"
    )


def test_unknown_enumeration_value_in_response_is_kept(server, make_client, caplog):
    caplog.set_level(logging.WARNING, logger="is24_contact.client")
    body = contact_xml(
        "<email>a@example.com</email>",
        "<salutation>DIVERSE</salutation>",
        "<lastname>Neu</lastname>",
    )
    server.inject(Fault(method="GET", status=200, body=body))

    fetched = make_client().get(7)

    assert fetched.salutation is None
    assert fetched.unknown_content
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "salutation" in warnings[0]


# Reading message documents the generated readers reject.


def test_unknown_message_code_read_leniently_from_xml():
    body = (
        b"<common:messages "
        b'xmlns:common="http://rest.immobilienscout24.de/schema/common/1.0">'
        b"<message><messageCode>ERROR_FROM_THE_FUTURE</messageCode>"
        b"<message>new</message></message></common:messages>"
    )

    assert read_messages(body) == [ResponseMessage("ERROR_FROM_THE_FUTURE", "new")]


DTD_MESSAGES = (
    '<!DOCTYPE m [<!ENTITY e "EXPANDED-ENTITY">]>'
    f'<common:messages xmlns:common="{NAMESPACE}"><message>'
    "<messageCode>ERROR_X</messageCode><message>&e;</message>"
    "</message></common:messages>"
)


def test_error_body_with_dtd_is_not_expanded():
    messages = read_messages(DTD_MESSAGES.encode(), "application/xml")

    assert messages == []


def test_error_response_with_dtd_falls_back_to_text(server, make_client):
    server.inject(Fault(status=412, body=DTD_MESSAGES, content_type="application/xml"))

    with pytest.raises(ResourceValidationError) as caught:
        make_client().get(7)

    error = caught.value
    assert error.messages == []
    assert "<message>&e;</message>" in error.body_text
    assert "ERROR_X: EXPANDED-ENTITY" not in str(error)
    assert "failed with HTTP 412" in str(error)


def test_several_messages_in_one_json_wrapper():
    body = (
        b'{"common.messages": [{"message": ['
        b'{"messageCode": "ERROR_FROM_THE_FUTURE", "message": "a", "id": 7},'
        b'{"messageCode": "ERROR_RESOURCE_VALIDATION", "message": "b"}]}]}'
    )

    assert read_messages(body) == [
        ResponseMessage("ERROR_FROM_THE_FUTURE", "a", "7"),
        ResponseMessage("ERROR_RESOURCE_VALIDATION", "b"),
    ]


def test_message_without_code_read_with_empty_code():
    body = (
        f'<common:messages xmlns:common="{NAMESPACE}">'
        "<message><message>no code</message></message></common:messages>"
    ).encode()

    assert read_messages(body) == [ResponseMessage("", "no code")]


@pytest.mark.parametrize("body", [b"Service Unavailable", b"", b"<html>oops", b"{"])
def test_non_message_body_has_no_messages(body):
    assert read_messages(body) == []


def test_created_id_returns_none_without_any_id():
    messages = [ResponseMessage("MESSAGE_RESOURCE_CREATED", "created")]

    assert created_id(messages, None) is None


# Retry policy, Retry-After, configuration.


def test_retry_policy_doubles_delay_up_to_maximum():
    policy = RetryPolicy(attempts=6, backoff=1.0, max_backoff=3.0)

    assert [policy.delay(attempt) for attempt in range(1, 7)] == [
        1.0,
        2.0,
        3.0,
        3.0,
        3.0,
        None,
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("5", 5.0),
        ("0.5", 0.5),
        ("Wed, 21 Oct 2015 07:28:10 GMT", 10.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(value, expected):
    from datetime import datetime, timezone

    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=timezone.utc)

    assert parse_retry_after(value, now) == expected


@pytest.mark.parametrize(
    "base_url",
    ["http://rest.immobilienscout24.de/restapi/api", "ftp://127.0.0.1/", "not a url"],
)
def test_insecure_base_url_rejected(base_url):
    credentials = Credentials("key", "secret", "token", "token-secret")

    with pytest.raises(ValueError, match="https"):
        ContactClient(credentials, base_url=base_url)


def test_from_env_names_every_missing_variable():
    with pytest.raises(MissingCredentialsError) as caught:
        ContactClient.from_env({"IS24_CONSUMER_KEY": "key"})

    assert caught.value.variables == [
        "IS24_CONSUMER_SECRET",
        "IS24_ACCESS_TOKEN",
        "IS24_ACCESS_TOKEN_SECRET",
        "IS24_BASE_URL",
    ]
    for name in caught.value.variables:
        assert name in str(caught.value)


def test_from_env_resolves_sandbox_name():
    environ = {
        "IS24_BASE_URL": "sandbox",
        "IS24_CONSUMER_KEY": "key",
        "IS24_CONSUMER_SECRET": "secret",
        "IS24_ACCESS_TOKEN": "token",
        "IS24_ACCESS_TOKEN_SECRET": "token-secret",
        "IS24_USERNAME": "realtor",
    }

    with ContactClient.from_env(environ) as client:
        assert (
            client.base_url == "https://rest.sandbox-immobilienscout24.de/restapi/api"
        )
        assert client.username == "realtor"


def test_from_env_client_works_against_fake(server):
    with ContactClient.from_env(server.environment()) as client:
        assert client.list() == []
