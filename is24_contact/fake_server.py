"""An offline fake of IS24's realtor contact API, for tests and for trying the client.

The fake serves ``/restapi/api/offer/v1.0/user/{username}/contact`` on a local port
with IS24's documented behaviour:

- Requests must carry a valid OAuth 1.0a HMAC-SHA1 signature made with the fake's
  consumer and token credentials. Otherwise the response is 401.
- Bodies are validated against the project's schema with xmlschema, JSON bodies
  after conversion to XML. Then the business rules apply: e-mail and last name
  are required, at most 20 contacts may have showOnProfilePage true, external ids
  are unique, and the default contact is deleted only with assigntocontactid.
  A body that breaks the schema or a rule gets 412, a duplicate external id 409.
- Responses are XML or JSON, chosen by the ``Accept`` header, with IS24's message
  documents and status codes, including 201 with ``Location`` on a create.
- Contacts are stored in memory for the life of the server. The first contact
  created becomes the account's default contact.
- Faults can be injected: a delay, a connection dropped after the request was
  handled, or a canned response such as 429 with ``Retry-After``, 503 or plain text.

Run it by hand with ``python -m is24_contact.fake_server --port 0``: it prints its
base URL and the credentials to use. It needs ``authlib`` for the signature check
but not ``httpx``.
"""

from __future__ import annotations

import argparse
import functools
import hmac
import logging
import re
import socket
import sys
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit
from urllib.request import parse_http_list, parse_keqv_list

import xmlschema
from authlib.oauth1.rfc5849.signature import construct_base_string, hmac_sha1_signature

from is24_common import (
    DocumentError,
    Message,
    MessageCode,
    Messages,
    RealtorContactDetails,
    RealtorContactDetailsList,
    SalutationType,
    read_json,
    read_xml,
    validate,
    write_json,
    write_xml,
)
from is24_contact.rules import MAX_CONTACTS_ON_PROFILE_PAGE, NUMBER_FIELDS
from is24_contact.urls import EXTERNAL_ID_PREFIX

DEFAULT_SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "common-1.0.xsd"
BASE_PATH = "/restapi/api"
FIRST_CONTACT_ID = 100000001

# Test credentials, good only for this fake.
TEST_CONSUMER_KEY = "fake-consumer-key"
TEST_CONSUMER_SECRET = "fake-consumer-secret"
TEST_ACCESS_TOKEN = "fake-access-token"
TEST_ACCESS_TOKEN_SECRET = "fake-access-token-secret"
TEST_LOGIN_NAME = "fake-realtor"

_CONTACT_PATH = re.compile(
    re.escape(BASE_PATH) + r"/offer/v1\.0/user/([^/?]+)/contact(?:/([^/?]+))?/?"
)
_VALIDATION_TEXT = "Error while validating input for the resource. [MESSAGE: {}]"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fault:
    """A misbehaviour that the fake applies to the next request it matches.

    Attributes:
        method: the HTTP method that the fault applies to, or None for any.
        delay: seconds to wait before handling the request. The request is then
            handled and stored as usual, even if the client has given up.
        drop: close the connection without a response after handling the request.
        status: respond with this status without handling the request, or None.
        body: the body of that response.
        content_type: the Content-Type of that response.
        headers: further headers of that response, such as Retry-After.
    """

    method: str | None = None
    delay: float = 0.0
    drop: bool = False
    status: int | None = None
    body: str = ""
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def slow(cls, seconds: float, method: str | None = None) -> Fault:
        """Wait ``seconds`` before handling the request, to pass a client timeout."""
        return cls(method=method, delay=seconds)

    @classmethod
    def drop_after_handling(cls, method: str | None = None) -> Fault:
        """Handle the request, store its effect, then close without a response."""
        return cls(method=method, drop=True)

    @classmethod
    def rate_limited(cls, retry_after: str = "1", method: str | None = None) -> Fault:
        """Respond with 429, a plain-text body and ``Retry-After``."""
        return cls(
            method=method,
            status=429,
            body="Too Many Requests",
            headers=(("Retry-After", retry_after),),
        )

    @classmethod
    def unavailable(cls, method: str | None = None) -> Fault:
        """Respond with 503 and a plain-text body."""
        return cls(method=method, status=503, body="Service Temporarily Unavailable")

    @classmethod
    def plain_text(cls, status: int, text: str, method: str | None = None) -> Fault:
        """Respond with ``status`` and ``text`` as a plain-text body."""
        return cls(method=method, status=status, body=text)

    def matches(self, method: str) -> bool:
        """Tell whether the fault applies to a request with this method."""
        return self.method is None or self.method.upper() == method.upper()


@dataclass(frozen=True)
class RecordedRequest:
    """A request that the fake received, with ``status`` None when it sent no response.

    ``authorization`` is kept for tests that check where signatures end up, and
    ``body`` for tests that check what the client sent. Both are left out of
    ``repr``.
    """

    method: str
    path: str
    status: int | None
    content_type: str = ""
    accept: str = ""
    authorization: str = field(default="", repr=False)
    body: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class FakeResponse:
    """An HTTP response of the fake: status, body and headers."""

    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


class RequestRejected(Exception):
    """Stops handling a request with an IS24 message document as the response."""

    def __init__(self, status: int, *messages: tuple[MessageCode, str]) -> None:
        super().__init__(messages[0][1] if messages else "")
        self.status = status
        self.messages = messages


@functools.lru_cache(maxsize=4)
def load_schema(path: Path) -> xmlschema.XMLSchema10:
    """Load and cache the XML Schema that request bodies are validated against."""
    if not path.is_file():
        raise FileNotFoundError(
            f"schema {path} not found: pass the path of common-1.0.xsd with "
            "--schema, or schema_path= to FakeIS24Server"
        )

    return xmlschema.XMLSchema10(str(path))


class FakeIS24Server:
    """An in-memory IS24 contact API on a local port, run in a background thread.

    Use it as a context manager, or call ``start`` and ``stop``::

        with FakeIS24Server() as server:
            client = ContactClient(credentials, base_url=server.base_url)

    The credentials default to the TEST_* constants of this module. The user is
    addressed as "me" or by ``login_name``, and any other username gets 403.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        consumer_key: str = TEST_CONSUMER_KEY,
        consumer_secret: str = TEST_CONSUMER_SECRET,
        access_token: str = TEST_ACCESS_TOKEN,
        access_token_secret: str = TEST_ACCESS_TOKEN_SECRET,
        login_name: str = TEST_LOGIN_NAME,
        schema_path: Path = DEFAULT_SCHEMA,
    ) -> None:
        self.consumer_key = consumer_key
        self.consumer_secret = consumer_secret
        self.access_token = access_token
        self.access_token_secret = access_token_secret
        self.login_name = login_name
        self.schema = load_schema(Path(schema_path))
        self.requests: list[RecordedRequest] = []
        self._contacts: dict[int, RealtorContactDetails] = {}
        self._next_id = FIRST_CONTACT_ID
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._in_flight = 0
        self._idle = threading.Condition()
        self._host = host
        self._httpd = _HTTPServer((host, port), _Handler, self)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The API base URL for the client: http://HOST:PORT/restapi/api."""
        return f"http://{self._host}:{self._httpd.server_port}{BASE_PATH}"

    def environment(self) -> dict[str, str]:
        """Return the IS24_* environment variables that point the client here."""
        return {
            "IS24_BASE_URL": self.base_url,
            "IS24_CONSUMER_KEY": self.consumer_key,
            "IS24_CONSUMER_SECRET": self.consumer_secret,
            "IS24_ACCESS_TOKEN": self.access_token,
            "IS24_ACCESS_TOKEN_SECRET": self.access_token_secret,
        }

    def start(self) -> FakeIS24Server:
        """Serve requests in a daemon thread until ``stop``."""
        # A short poll interval lets stop() return quickly.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-is24",
            daemon=True,
        )
        self._thread.start()
        logger.info("fake IS24 API listening on %s", self.base_url)
        return self

    def stop(self) -> None:
        """Stop serving, end pending delays and close the listening socket."""
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()
        logger.info("fake IS24 API on %s stopped", self.base_url)

    def __enter__(self) -> FakeIS24Server:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # Test helpers.

    def inject(self, fault: Fault, times: int = 1) -> None:
        """Apply ``fault`` to the next ``times`` requests that it matches."""
        with self._lock:
            self._faults.extend([fault] * times)

    def seed(self, contact: RealtorContactDetails) -> int:
        """Store a contact as given, without checks, and return its new id."""
        with self._lock:
            return self._store_new(replace(contact, id=None))

    def contacts(self) -> list[RealtorContactDetails]:
        """Return copies of the stored contacts, in the order of their ids."""
        with self._lock:
            return [replace(contact) for _, contact in sorted(self._contacts.items())]

    def wait_until_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no request is being handled, such as one held by a delay.

        Returns False when requests are still being handled after ``timeout``
        seconds.
        """
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout)

    def count_requests(self, method: str) -> int:
        """Return how many requests with this method the fake received."""
        with self._lock:
            return sum(1 for request in self.requests if request.method == method)

    # Request handling, called by _Handler.

    def begin_request(self) -> None:
        """Count a request as being handled, for ``wait_until_idle``."""
        with self._idle:
            self._in_flight += 1

    def end_request(self) -> None:
        """Count a request as handled, for ``wait_until_idle``."""
        with self._idle:
            self._in_flight -= 1
            self._idle.notify_all()

    def take_fault(self, method: str) -> Fault | None:
        """Remove and return the first injected fault that matches ``method``."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(method):
                    self._faults.remove(fault)
                    return fault

        return None

    def wait(self, seconds: float) -> None:
        """Wait ``seconds``, or less when the server stops."""
        self._stopping.wait(seconds)

    def record(self, request: RecordedRequest) -> None:
        """Remember a request for ``requests`` and ``count_requests``."""
        with self._lock:
            self.requests.append(request)

    def respond(
        self, method: str, raw_path: str, headers: dict[str, str], body: bytes
    ) -> FakeResponse:
        """Handle one request and return the response to send."""
        response_format = "json" if "json" in headers.get("accept", "") else "xml"
        try:
            return self._dispatch(method, raw_path, headers, body, response_format)
        except RequestRejected as rejected:
            return _messages_response(
                rejected.status, response_format, list(rejected.messages)
            )

    def _dispatch(
        self,
        method: str,
        raw_path: str,
        headers: dict[str, str],
        body: bytes,
        response_format: str,
    ) -> FakeResponse:
        path, _, query = raw_path.partition("?")
        match = _CONTACT_PATH.fullmatch(path)
        if match is None:
            raise RequestRejected(
                404,
                (
                    MessageCode.ERROR_COMMON_RESOURCE_NOT_FOUND,
                    f"No resource at path {path}.",
                ),
            )

        self._check_signature(method, raw_path, headers)
        username, target = unquote(match.group(1)), match.group(2)
        if username not in ("me", self.login_name):
            raise RequestRejected(
                403,
                (
                    MessageCode.ERROR_COMMON_ACCESS_DENIED,
                    f"The access token does not allow access to user {username}.",
                ),
            )

        handler = self._handler_for(method, target is not None)
        with self._lock:
            return handler(
                _Call(
                    username=username,
                    target=target,
                    query=dict(parse_qsl(query, keep_blank_values=True)),
                    content_type=headers.get("content-type", ""),
                    body=body,
                    response_format=response_format,
                )
            )

    def _handler_for(
        self, method: str, has_target: bool
    ) -> Callable[[_Call], FakeResponse]:
        handlers = {
            ("GET", False): self._list,
            ("POST", False): self._create,
            ("GET", True): self._get,
            ("PUT", True): self._update,
            ("DELETE", True): self._delete,
        }
        handler = handlers.get((method, has_target))
        if handler is None:
            raise RequestRejected(
                405,
                (
                    MessageCode.ERROR_COMMON_METHOD_NOT_ALLOWED,
                    f"Method {method} is not allowed on this resource.",
                ),
            )

        return handler

    # OAuth 1.0a.

    def _check_signature(
        self, method: str, raw_path: str, headers: dict[str, str]
    ) -> None:
        reason = self._signature_problem(method, raw_path, headers)
        if reason is not None:
            raise RequestRejected(
                401,
                (
                    MessageCode.ERROR_COMMON_AUTHENTICATION_REQUIRED,
                    "Authentication is required for this operation. "
                    f"[ERROR MESSAGE: {reason}]",
                ),
            )

    def _signature_problem(
        self, method: str, raw_path: str, headers: dict[str, str]
    ) -> str | None:
        """Return why the request's OAuth signature is not valid, or None."""
        authorization = headers.get("authorization", "")
        if not authorization.lower().startswith("oauth "):
            return "No OAuth Authorization header"

        try:
            items = parse_keqv_list(parse_http_list(authorization[len("oauth ") :]))
        except ValueError:
            return "Malformed OAuth Authorization header"

        oauth_params = {unquote(key): unquote(value) for key, value in items.items()}
        if oauth_params.get("oauth_signature_method") != "HMAC-SHA1":
            return "Unsupported signature method, expected HMAC-SHA1"
        if oauth_params.get("oauth_consumer_key") != self.consumer_key:
            return "Unknown consumer key"
        if oauth_params.get("oauth_token") != self.access_token:
            return "Unknown access token"

        uri = f"http://{headers.get('host', '')}{raw_path}"
        query = urlsplit(raw_path).query
        params = parse_qsl(query, keep_blank_values=True) + list(oauth_params.items())
        base_string = construct_base_string(method, uri, params)
        expected = hmac_sha1_signature(
            base_string, self.consumer_secret, self.access_token_secret
        )
        if not hmac.compare_digest(expected, oauth_params.get("oauth_signature", "")):
            return "Invalid signature for signature method HMAC-SHA1"

        return None

    # The five operations. Each runs with the lock held.

    def _list(self, call: _Call) -> FakeResponse:
        contacts = [contact for _, contact in sorted(self._contacts.items())]
        document = RealtorContactDetailsList(realtor_contact_details=contacts)
        return _document_response(200, call.response_format, document)

    def _get(self, call: _Call) -> FakeResponse:
        contact_id = self._resolve(call.target)
        return _document_response(200, call.response_format, self._contacts[contact_id])

    def _create(self, call: _Call) -> FakeResponse:
        contact = self._read_contact(call)
        self._check_business_rules(contact, replacing=None)
        contact_id = self._store_new(_normalised(contact))
        location = f"{BASE_PATH}/offer/v1.0/user/{call.username}/contact/{contact_id}"
        response = _messages_response(
            201,
            call.response_format,
            [
                (
                    MessageCode.MESSAGE_RESOURCE_CREATED,
                    f"Resource [contact] with id [{contact_id}] has been created.",
                    str(contact_id),
                )
            ],
        )
        return replace(response, headers=(("Location", location),))

    def _update(self, call: _Call) -> FakeResponse:
        contact_id = self._resolve(call.target)
        contact = self._read_contact(call)
        if contact.id is not None and contact.id != contact_id:
            raise _validation_failure(
                f"The id {contact.id} in the body differs from the id {contact_id} "
                "in the path."
            )

        self._check_business_rules(contact, replacing=contact_id)
        stored = self._contacts[contact_id]
        updated = _normalised(contact)
        updated.id = contact_id
        updated.real_estate_reference_count = stored.real_estate_reference_count
        # IS24 keeps defaultContact when it is omitted and ignores false.
        updated.default_contact = stored.default_contact
        self._contacts[contact_id] = updated
        if contact.default_contact is True:
            self._make_default(contact_id)

        return _messages_response(
            200,
            call.response_format,
            [
                (
                    MessageCode.MESSAGE_RESOURCE_UPDATED,
                    f"Resource [contact] with id [{contact_id}] has been updated. ",
                    None,
                )
            ],
        )

    def _delete(self, call: _Call) -> FakeResponse:
        contact_id = self._resolve(call.target)
        assign_to = call.query.get("assigntocontactid")
        receiver_id = self._receiver_of_listings(contact_id, assign_to)
        deleted = self._contacts.pop(contact_id)
        receiver = self._contacts[receiver_id]
        receiver.real_estate_reference_count = (
            receiver.real_estate_reference_count or 0
        ) + (deleted.real_estate_reference_count or 0)
        if deleted.default_contact:
            self._make_default(receiver_id)

        return _messages_response(
            200,
            call.response_format,
            [
                (
                    MessageCode.MESSAGE_RESOURCE_DELETED,
                    f"Resource [contact] with id [{contact_id}] has been deleted.",
                    str(contact_id),
                )
            ],
        )

    # Helpers of the operations.

    def _resolve(self, segment: str | None, parameter: str | None = None) -> int:
        """Return the id of the contact that a path segment or parameter names."""
        value = unquote(segment or "") if parameter is None else segment or ""
        if value.startswith(EXTERNAL_ID_PREFIX):
            external_id = value[len(EXTERNAL_ID_PREFIX) :]
            for contact_id, contact in self._contacts.items():
                if contact.external_id == external_id:
                    return contact_id
        elif value.isdigit() and int(value) in self._contacts:
            return int(value)

        where = f"{parameter}={value}" if parameter else value
        raise RequestRejected(
            404,
            (MessageCode.ERROR_RESOURCE_NOT_FOUND, f"Contact {where} was not found."),
        )

    def _receiver_of_listings(self, contact_id: int, assign_to: str | None) -> int:
        """Return the contact that takes over the listings of a deleted contact."""
        if assign_to is None:
            if self._contacts[contact_id].default_contact:
                # NOTE: IS24 responds with 412 here (seen), but the message code
                # and text are guessed.
                raise _validation_failure(
                    "The default contact cannot be deleted without "
                    "assigntocontactid, which names the contact that becomes "
                    "the new default contact."
                )
            return self._default_id()

        receiver_id = self._resolve(assign_to, parameter="assigntocontactid")
        if receiver_id == contact_id:
            raise _validation_failure(
                "assigntocontactid names the contact that is being deleted."
            )

        return receiver_id

    def _read_contact(self, call: _Call) -> RealtorContactDetails:
        """Read and validate a request body, rejecting a bad one with 412."""
        if "json" in call.content_type:
            contact = self._read_json_contact(call.body)
        elif "xml" in call.content_type or not call.content_type:
            contact = self._read_xml_contact(call.body)
        else:
            raise RequestRejected(
                415,
                (
                    MessageCode.ERROR_COMMON_MEDIA_TYPE_UNSUPPORTED,
                    f"Content type {call.content_type} is not supported.",
                ),
            )

        rule_problems = [
            problem
            for problem in validate(contact, rules=True)
            if problem.kind == "rule"
        ]
        if rule_problems:
            raise _validation_failure(*(str(problem) for problem in rule_problems))

        return contact

    def _read_xml_contact(self, body: bytes) -> RealtorContactDetails:
        self._validate_xml(body)
        try:
            document = read_xml(body, validate=False, rules=False)
        except DocumentError as error:
            raise _validation_failure(*(str(p) for p in error.problems)) from None

        return _expect_contact(document)

    def _read_json_contact(self, body: bytes) -> RealtorContactDetails:
        try:
            document = read_json(body, validate=False, rules=False)
        except DocumentError as error:
            raise _validation_failure(*(str(p) for p in error.problems)) from None

        contact = _expect_contact(document)
        self._validate_xml(write_xml(contact, validate=False).encode("utf-8"))
        return contact

    def _validate_xml(self, body: bytes) -> None:
        try:
            errors = list(self.schema.iter_errors(body.decode("utf-8")))
        except (UnicodeDecodeError, xmlschema.XMLSchemaException, SyntaxError) as error:
            raise _validation_failure(
                f"The body is not a readable XML document: {error}"
            )

        if errors:
            raise _validation_failure(
                *(f"{error.path}: {error.reason}" for error in errors)
            )

    def _check_business_rules(
        self, contact: RealtorContactDetails, replacing: int | None
    ) -> None:
        others = [
            other
            for contact_id, other in self._contacts.items()
            if contact_id != replacing
        ]
        if contact.external_id is not None and any(
            other.external_id == contact.external_id for other in others
        ):
            # NOTE: the status that IS24 uses for a duplicate external id is not
            # recorded, so this uses IS24's status for a request conflict.
            raise RequestRejected(
                409,
                (
                    MessageCode.ERROR_COMMON_REQUEST_CONFLICT,
                    f"A contact with externalId {contact.external_id} already exists.",
                ),
            )

        profile_page_count = sum(
            1 for other in others if other.show_on_profile_page is True
        )
        if (
            contact.show_on_profile_page is True
            and profile_page_count >= MAX_CONTACTS_ON_PROFILE_PAGE
        ):
            raise _validation_failure(
                f"At most {MAX_CONTACTS_ON_PROFILE_PAGE} contacts may have "
                "showOnProfilePage true."
            )

    def _store_new(self, contact: RealtorContactDetails) -> int:
        contact_id = self._next_id
        self._next_id += 1
        contact.id = contact_id
        if contact.real_estate_reference_count is None:
            contact.real_estate_reference_count = 0
        is_first = not self._contacts
        self._contacts[contact_id] = contact
        if is_first or contact.default_contact is True:
            self._make_default(contact_id)
        else:
            contact.default_contact = False

        return contact_id

    def _make_default(self, contact_id: int) -> None:
        for other_id, contact in self._contacts.items():
            contact.default_contact = other_id == contact_id

    def _default_id(self) -> int:
        for contact_id, contact in self._contacts.items():
            if contact.default_contact:
                return contact_id

        raise RuntimeError("the fake stores contacts but none is the default contact")


@dataclass(frozen=True)
class _Call:
    username: str
    target: str | None
    query: dict[str, str]
    content_type: str
    body: bytes
    response_format: str


def _normalised(contact: RealtorContactDetails) -> RealtorContactDetails:
    """Return the contact as IS24 stores it: the defaults that IS24 fills in for
    omitted fields, a lower-cased e-mail, combined telephone numbers, no company,
    and no realEstateReferenceCount, which the server owns."""
    stored = replace(contact, company=None, real_estate_reference_count=None)
    if stored.email is not None:
        stored.email = stored.email.lower()
    if stored.salutation is None:
        stored.salutation = SalutationType.NO_SALUTATION
    for flag in (
        "local_partner_contact",
        "business_card_contact",
        "show_on_profile_page",
    ):
        if getattr(stored, flag) is None:
            setattr(stored, flag, False)
    for number_field in NUMBER_FIELDS:
        country_code, area_code, subscriber = number_field.read_parts(stored)
        if number_field.read_single(stored) is not None:
            continue
        if country_code and area_code and subscriber:
            combined = f"{country_code} {area_code} {subscriber}"
            setattr(stored, number_field.attribute, combined)

    return stored


def _expect_contact(document: object) -> RealtorContactDetails:
    if not isinstance(document, RealtorContactDetails):
        raise _validation_failure(
            f"Expected a realtorContactDetail document, got {type(document).__name__}."
        )

    return document


def _validation_failure(*reasons: str) -> RequestRejected:
    return RequestRejected(
        412,
        *(
            (MessageCode.ERROR_RESOURCE_VALIDATION, _VALIDATION_TEXT.format(reason))
            for reason in reasons
        ),
    )


def _document_response(
    status: int, response_format: str, document: object
) -> FakeResponse:
    if response_format == "json":
        text = write_json(document, validate=False, indent=None)
        return FakeResponse(
            status, text.encode("utf-8"), "application/json;charset=UTF-8"
        )

    text = write_xml(document, validate=False)
    return FakeResponse(status, text.encode("utf-8"), "application/xml;charset=UTF-8")


def _messages_response(
    status: int,
    response_format: str,
    messages: list[tuple[MessageCode, str] | tuple[MessageCode, str, str | None]],
) -> FakeResponse:
    document = Messages(
        message=[
            Message(message_code=item[0], message=item[1], id=(item[2:] or (None,))[0])
            for item in messages
        ]
    )
    return _document_response(status, response_format, document)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], handler: type, fake: FakeIS24Server):
        self.fake = fake
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    # A buffered writer sends the headers and the body in one write, and without
    # Nagle's algorithm the client does not wait for a delayed ACK.
    wbufsize = -1
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: object) -> None:
        # The request line contains method, path and version, never a header.
        logger.debug("%s " + format, self.address_string(), *args)

    def _handle(self) -> None:
        fake = self.server.fake
        fake.begin_request()
        try:
            self._handle_counted(fake)
        finally:
            fake.end_request()

    def _handle_counted(self, fake: FakeIS24Server) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        fault = fake.take_fault(self.command)
        if fault is not None and fault.delay:
            fake.wait(fault.delay)

        if fault is not None and fault.status is not None:
            response = FakeResponse(
                fault.status,
                fault.body.encode("utf-8"),
                fault.content_type,
                fault.headers,
            )
        else:
            headers = {name.lower(): value for name, value in self.headers.items()}
            try:
                response = fake.respond(self.command, self.path, headers, body)
            except Exception:
                logger.exception(
                    "fake IS24 API failed on %s %s", self.command, self.path
                )
                response = FakeResponse(500, b"Internal Server Error")

        dropped = fault is not None and fault.drop
        fake.record(
            RecordedRequest(
                self.command,
                self.path,
                None if dropped else response.status,
                content_type=self.headers.get("Content-Type", ""),
                accept=self.headers.get("Accept", ""),
                authorization=self.headers.get("Authorization", ""),
                body=body,
            )
        )
        if dropped:
            self._drop_connection()
        else:
            self._send(response)

    def _send(self, response: FakeResponse) -> None:
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up, for example after its timeout.
            self.close_connection = True

    def _drop_connection(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def main(argv: list[str] | None = None) -> int:
    """Run the fake until interrupted, printing its URL and credentials."""
    parser = argparse.ArgumentParser(
        prog="python -m is24_contact.fake_server",
        description="Serve an offline fake of IS24's realtor contact API.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=0, help="port to listen on, or 0 for a free one"
    )
    parser.add_argument(
        "--schema",
        type=Path,
        default=DEFAULT_SCHEMA,
        help=f"the common-1.0.xsd to validate bodies with (default: {DEFAULT_SCHEMA})",
    )
    arguments = parser.parse_args(argv)
    try:
        server = FakeIS24Server(
            host=arguments.host, port=arguments.port, schema_path=arguments.schema
        )
    except (OSError, xmlschema.XMLSchemaException) as error:
        print(f"cannot start the fake IS24 API: {error}", file=sys.stderr)
        return 1

    print(f"fake IS24 API at {server.base_url}")
    print("point the client at it with these environment variables:")
    for name, value in server.environment().items():
        print(f"export {name}={value}")
    print("press Ctrl-C to stop", flush=True)
    server.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()

    return 0


if __name__ == "__main__":
    sys.exit(main())
