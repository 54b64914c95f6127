"""Client for IS24's realtor contact resource, ``/offer/v1.0/user/{username}/contact``.

The client sends the generated ``is24_common`` models in XML (the default) or JSON,
signs every request with OAuth 1.0a HMAC-SHA1, and turns every response other
than 2xx into a typed ``ApiError`` (see ``is24_contact.errors``).

Reliability rules:

- Every request has a timeout.
- GET, PUT and DELETE are retried with exponential backoff after a connection
  error, a timeout, 429 or 503, waiting as long as ``Retry-After`` requests.
- A create (POST) is never repeated blindly. A create without ``externalId`` is
  sent once. A create with ``externalId`` costs one GET of ``ext-{externalId}``
  before the POST: if that contact exists, ``ExternalIdExistsError`` is raised and
  nothing is sent. A POST that then gets no clear response (none at all, or 5xx)
  looks the contact up again: a contact found now was made by this create, and
  its id is returned. Only otherwise is the create sent again. The check and the
  POST are two requests, so a client that creates the same external id in
  between makes IS24 reject this create with 409 (``ConflictError``), and if
  that response is lost, the lookup returns the other client's contact.
- A DELETE that gets 404 on a retry after a lost response (a connection error,
  a timeout or 503) counts as done, because the lost attempt may have deleted
  the contact. ``delete`` then returns one message with the code
  ``MESSAGE_RESOURCE_DELETED`` and a text that explains it. A 404 on the first
  attempt, or after 429, raises ``NotFoundError``.

Response documents are read leniently: elements, attributes and JSON members
that the generated package does not declare are kept on the object
(``unknown_content``) and logged in one WARNING line per response, with their
paths only. ``update`` writes such content back, and the checks before sending
ignore it, because IS24 validates it against its newer schema.

Every request is logged once at DEBUG level with method, path, status and duration.
No credential, token or signature is logged or put into an error message.

This module needs the optional dependencies ``httpx`` and ``authlib``:
``pip install 'is24-codegen[client]'``.
"""

from __future__ import annotations

import builtins
import email.utils
import ipaddress
import logging
import os
import re
import time
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from authlib.oauth1 import SIGNATURE_HMAC_SHA1, SIGNATURE_TYPE_HEADER, ClientAuth

from is24_common import (
    DocumentError,
    Problem,
    RealtorContactDetails,
    RealtorContactDetailsList,
    read_json,
    read_xml,
    validate,
    write_json,
    write_xml,
)
from is24_contact.errors import (
    ApiError,
    ContactInvalidError,
    CreateOutcomeUnknownError,
    ExternalIdExistsError,
    MissingCredentialsError,
    NoResponseError,
    NotFoundError,
    ProfilePageLimitError,
    RequestTimeoutError,
    ResponseMessage,
    UnexpectedResponseError,
    document_format,
    error_class_for_status,
    plain_text,
    read_messages,
)
from is24_contact.rules import MAX_CONTACTS_ON_PROFILE_PAGE, check_profile_page_limit
from is24_contact.urls import contact_path, external_id_segment

PRODUCTION_BASE_URL = "https://rest.immobilienscout24.de/restapi/api"
SANDBOX_BASE_URL = "https://rest.sandbox-immobilienscout24.de/restapi/api"
BASE_URL_NAMES = {"production": PRODUCTION_BASE_URL, "sandbox": SANDBOX_BASE_URL}

# Environment variables read by Credentials.from_env and ContactClient.from_env.
CONSUMER_KEY_VARIABLE = "IS24_CONSUMER_KEY"
CONSUMER_SECRET_VARIABLE = "IS24_CONSUMER_SECRET"
ACCESS_TOKEN_VARIABLE = "IS24_ACCESS_TOKEN"
ACCESS_TOKEN_SECRET_VARIABLE = "IS24_ACCESS_TOKEN_SECRET"
BASE_URL_VARIABLE = "IS24_BASE_URL"
USERNAME_VARIABLE = "IS24_USERNAME"

CREDENTIAL_VARIABLES = {
    CONSUMER_KEY_VARIABLE: "the OAuth consumer key of your IS24 API access",
    CONSUMER_SECRET_VARIABLE: "its consumer secret",
    ACCESS_TOKEN_VARIABLE: "the access token that the user authorised",
    ACCESS_TOKEN_SECRET_VARIABLE: "the access token secret",
}

MEDIA_TYPES = {"xml": "application/xml", "json": "application/json"}

# Failures after which an idempotent request may be sent again: the request may
# not have reached IS24, or its response was lost.
RETRYABLE_TRANSPORT_ERRORS = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)
RETRYABLE_STATUSES = frozenset({429, 503})

# The code of the message that ``delete`` returns when a retry got 404 after the
# response of an earlier attempt was lost. IS24 uses it for a successful delete.
DELETED_CODE = "MESSAGE_RESOURCE_DELETED"

_CREATED_TEXT_ID = re.compile(r"with id \[(\d+)\]")
_LOCATION_ID = re.compile(r"/contact/(\d+)/?$")

logger = logging.getLogger(__name__)

DocumentType = TypeVar("DocumentType")


@dataclass(frozen=True)
class Credentials:
    """OAuth 1.0a credentials: consumer key and secret, access token and token secret.

    The secrets and the token are left out of ``repr``, so they do not reach logs.
    """

    consumer_key: str
    consumer_secret: str = field(repr=False)
    access_token: str = field(repr=False)
    access_token_secret: str = field(repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Credentials:
        """Read the credentials from IS24_CONSUMER_KEY, IS24_CONSUMER_SECRET,
        IS24_ACCESS_TOKEN and IS24_ACCESS_TOKEN_SECRET.

        Raises:
            MissingCredentialsError: naming every variable that is unset or empty.
        """
        environ = os.environ if environ is None else environ
        missing = {
            name: meaning
            for name, meaning in CREDENTIAL_VARIABLES.items()
            if not environ.get(name)
        }
        if missing:
            raise MissingCredentialsError(missing)

        return cls(
            consumer_key=environ[CONSUMER_KEY_VARIABLE],
            consumer_secret=environ[CONSUMER_SECRET_VARIABLE],
            access_token=environ[ACCESS_TOKEN_VARIABLE],
            access_token_secret=environ[ACCESS_TOKEN_SECRET_VARIABLE],
        )


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long the client waits before sending a request again.

    Attributes:
        attempts: the maximum number of times one call is sent, the first included.
        backoff: seconds before the first retry. Each further retry waits twice as
            long, up to ``max_backoff``.
        max_backoff: the maximum wait, in seconds, between two attempts.
        max_retry_after: the maximum ``Retry-After``, in seconds, that the client
            waits for. A longer one raises the error at once.
    """

    attempts: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Return the seconds to wait after a failed ``attempt`` (1-based).

        Returns None when no attempt is left or ``retry_after`` is too long.
        """
        if attempt >= self.attempts:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None

        return min(self.backoff * 2.0 ** (attempt - 1), self.max_backoff)


class OAuth1Signer(httpx.Auth):
    """httpx authentication that signs requests with OAuth 1.0a HMAC-SHA1.

    The parameters go into the ``Authorization`` header. IS24 signs the method,
    URL and query but not the body, so the body is left out of the signature.
    The signing itself is authlib's ``ClientAuth``.
    """

    def __init__(self, credentials: Credentials) -> None:
        self._client_auth = ClientAuth(
            credentials.consumer_key,
            client_secret=credentials.consumer_secret,
            token=credentials.access_token,
            token_secret=credentials.access_token_secret,
            signature_method=SIGNATURE_HMAC_SHA1,
            signature_type=SIGNATURE_TYPE_HEADER,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(HMAC-SHA1)"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        # A new nonce and timestamp for every attempt, retries included.
        _, headers, _ = self._client_auth.sign(
            request.method, str(request.url), {}, b""
        )
        request.headers["Authorization"] = headers["Authorization"]
        yield request


class ContactClient:
    """Create, list, read, update and delete the realtor contacts of one IS24 user.

    Args:
        credentials: the OAuth 1.0a consumer and access token credentials.
        base_url: the API base URL, such as PRODUCTION_BASE_URL, SANDBOX_BASE_URL
            or the fake server's ``base_url``. It must use https unless its host
            is a loopback address.
        username: the user's login name, or "me" for the user who authorised
            the access token.
        wire_format: "xml" or "json", the format of request and response bodies.
        timeout: seconds that connecting, sending and waiting for each read may
            take, or an ``httpx.Timeout``.
        retry: the retry policy.
        check_profile_page_limit: whether create and update list the user's
            contacts first to reject a contact that would be the 21st with
            showOnProfilePage true. IS24 rejects it too, with 412.
        sleep: the function that waits between attempts, replaceable in tests.
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        base_url: str,
        username: str = "me",
        wire_format: str = "xml",
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy = RetryPolicy(),
        check_profile_page_limit: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if wire_format not in MEDIA_TYPES:
            raise ValueError(
                f"wire_format {wire_format!r} is not supported: use 'xml' or 'json'"
            )

        self.base_url = _checked_base_url(base_url)
        self.username = username
        self.wire_format = wire_format
        self.retry = retry
        self.check_profile_page_limit = check_profile_page_limit
        self._sleep = sleep
        self._http = httpx.Client(
            base_url=self.base_url,
            auth=OAuth1Signer(credentials),
            timeout=timeout,
            headers={"Accept": MEDIA_TYPES[wire_format]},
        )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **options: object
    ) -> ContactClient:
        """Build a client from the IS24_* environment variables.

        IS24_BASE_URL is "production", "sandbox" or a base URL. IS24_USERNAME is
        optional and defaults to "me". ``options`` go to the constructor.

        Raises:
            MissingCredentialsError: naming every required variable that is unset.
        """
        environ = os.environ if environ is None else environ
        base_url = environ.get(BASE_URL_VARIABLE, "")
        try:
            credentials = Credentials.from_env(environ)
        except MissingCredentialsError as error:
            missing = {name: CREDENTIAL_VARIABLES[name] for name in error.variables}
            if not base_url:
                missing[BASE_URL_VARIABLE] = _BASE_URL_MEANING
            raise MissingCredentialsError(missing) from None

        if not base_url:
            raise MissingCredentialsError({BASE_URL_VARIABLE: _BASE_URL_MEANING})

        options.setdefault("username", environ.get(USERNAME_VARIABLE) or "me")
        return cls(
            credentials,
            base_url=BASE_URL_NAMES.get(base_url, base_url),
            **options,  # type: ignore[arg-type]
        )

    def close(self) -> None:
        """Close the client's connections."""
        self._http.close()

    def __enter__(self) -> ContactClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"username={self.username!r}, wire_format={self.wire_format!r})"
        )

    # The five operations.

    def create(self, contact: RealtorContactDetails) -> int:
        """Create a contact and return the id that IS24 gave it.

        Raises:
            ContactInvalidError: the contact breaks the schema or a business rule.
            ProfilePageLimitError: the contact would be one too many on the
                profile page.
            ExternalIdExistsError: a contact with the contact's externalId exists
                already. Nothing was sent to create it.
            CreateOutcomeUnknownError: the create got no response and the contact
                has no externalId to look it up by.
            ApiError: IS24 responded with an error.
        """
        self._check_contact(contact, "create")
        self._check_profile_page(contact, "create")
        path = contact_path(self.username)
        body = self._write(contact)
        if not contact.external_id:
            return self._create_once(path, body)

        self._check_external_id_free(path, contact.external_id)
        return self._create_with_external_id(path, body, contact.external_id)

    def list(self) -> builtins.list[RealtorContactDetails]:
        """Return all contacts of the user."""
        path = contact_path(self.username)
        response = self._request("GET", path)
        document = self._read_document(response, RealtorContactDetailsList, "GET", path)
        return document.realtor_contact_details

    def get(
        self, contact_id: int | str | None = None, *, external_id: str | None = None
    ) -> RealtorContactDetails:
        """Return one contact, addressed by its id or by its external id.

        Raises:
            NotFoundError: no contact has this id or external id.
        """
        path = _single_contact_path(self.username, contact_id, external_id)
        response = self._request("GET", path)
        return self._read_document(response, RealtorContactDetails, "GET", path)

    def update(
        self,
        contact: RealtorContactDetails,
        contact_id: int | str | None = None,
        *,
        external_id: str | None = None,
    ) -> builtins.list[ResponseMessage]:
        """Replace a contact, addressed by its id or by its external id.

        IS24 replaces the whole contact: elements left out are cleared, except
        ``defaultContact``, which keeps its value. Returns IS24's messages.

        Raises:
            ContactInvalidError: the contact breaks the schema or a business rule,
                or its id differs from ``contact_id``.
            ProfilePageLimitError: the contact would be one too many on the
                profile page.
        """
        path = _single_contact_path(self.username, contact_id, external_id)
        self._check_contact(contact, "update")
        self._check_body_id(contact, contact_id)
        self._check_profile_page(contact, "update", contact_id, external_id)
        response = self._request("PUT", path, self._write(contact))
        return _response_messages(response)

    def delete(
        self,
        contact_id: int | str | None = None,
        *,
        external_id: str | None = None,
        assign_to_id: int | str | None = None,
        assign_to_external_id: str | None = None,
    ) -> builtins.list[ResponseMessage]:
        """Delete a contact, addressed by its id or by its external id.

        IS24 moves the contact's listings to the contact given by ``assign_to_id``
        or ``assign_to_external_id``, or else to the default contact. Deleting
        the default contact needs one of them. Returns IS24's messages.

        When a retry gets 404 after the response of an earlier attempt was lost,
        the contact counts as deleted, and the one message returned has the code
        ``MESSAGE_RESOURCE_DELETED`` and a text that explains it. The client cannot
        tell whether the lost attempt deleted the contact or someone else did:
        either way it is gone.

        Raises:
            NotFoundError: no contact has this id or external id, found on the
                first attempt or on a retry after 429.
        """
        path = _single_contact_path(self.username, contact_id, external_id)
        if assign_to_id is not None and assign_to_external_id is not None:
            raise ValueError("pass only one of assign_to_id and assign_to_external_id")
        if assign_to_external_id is not None:
            path += "?assigntocontactid=" + external_id_segment(assign_to_external_id)
        elif assign_to_id is not None:
            # contact_path checks and encodes the id as one path segment.
            segment = contact_path(self.username, assign_to_id).rpartition("/")[2]
            path += "?assigntocontactid=" + segment

        response = self._request("DELETE", path, not_found_after_lost_response=True)
        if response.status_code != 404:
            return _response_messages(response)

        logger.info(
            "DELETE %s got 404 on a retry after the response of an earlier attempt "
            "was lost: the contact counts as deleted",
            path,
        )
        text = (
            f"The contact at {path} is deleted: a retry got 404 Not Found after "
            "the response of an earlier attempt was lost, so that attempt or "
            "another client deleted it."
        )
        return [ResponseMessage(DELETED_CODE, text)]

    # Checks before sending.

    def _check_contact(self, contact: RealtorContactDetails, action: str) -> None:
        if not isinstance(contact, RealtorContactDetails):
            raise TypeError(
                f"expected a RealtorContactDetails to {action}, "
                f"got {type(contact).__name__}"
            )

        # Content that this package does not declare was kept from a response
        # and is sent back unchecked, because IS24 validates it against its
        # newer schema.
        problems = [
            problem
            for problem in validate(contact, rules=True)
            if problem.kind != "unknown"
        ]
        if problems:
            raise ContactInvalidError(problems, action)

    def _check_body_id(
        self, contact: RealtorContactDetails, contact_id: int | str | None
    ) -> None:
        if (
            contact_id is None
            or contact.id is None
            or str(contact.id) == str(contact_id)
        ):
            return

        problem = Problem(
            "realtorContactDetail/@id",
            f"id {contact.id} differs from the id {contact_id} of the contact to "
            "update: remove the id from the contact or make them equal",
            "rule",
        )
        raise ContactInvalidError([problem], "update")

    def _check_profile_page(
        self,
        contact: RealtorContactDetails,
        action: str,
        contact_id: int | str | None = None,
        external_id: str | None = None,
    ) -> None:
        if (
            not self.check_profile_page_limit
            or contact.show_on_profile_page is not True
        ):
            return

        others = [
            other
            for other in self.list()
            if not _is_addressed(other, contact_id, external_id)
        ]
        if not check_profile_page_limit([*others, contact]):
            return

        profile_page_count = sum(
            1 for other in others if other.show_on_profile_page is True
        )
        problem = Problem(
            "realtorContactDetail/showOnProfilePage",
            f"{profile_page_count} other contacts of user {self.username!r} "
            "already have showOnProfilePage true, and IS24 allows at most "
            f"{MAX_CONTACTS_ON_PROFILE_PAGE}: set it to false here, or on another "
            "contact first",
            "rule",
        )
        raise ProfilePageLimitError([problem], action)

    # Creating without duplicates.

    def _check_external_id_free(self, create_path: str, external_id: str) -> None:
        """Raise ExternalIdExistsError if a contact has ``external_id`` already.

        After this check, a contact found at ``ext-{externalId}`` after an
        unclear create was made by that create.
        """
        existing_id = self._find_by_external_id(external_id)
        if existing_id is not None:
            raise ExternalIdExistsError(external_id, existing_id, path=create_path)

    def _create_once(self, path: str, body: bytes) -> int:
        try:
            response = self._send("POST", path, body)
        except RETRYABLE_TRANSPORT_ERRORS as error:
            raise CreateOutcomeUnknownError(
                f"got no response ({_describe_transport_error(error)}), so the contact "
                "may or may not have been created. The client does not send the "
                "create again because the contact has no externalId to check it by: "
                "list the contacts to find out",
                method="POST",
                path=path,
            ) from error

        if not response.is_success:
            raise self._api_error(response, "POST", path)

        return self._created_id(response, path)

    def _create_with_external_id(self, path: str, body: bytes, external_id: str) -> int:
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send("POST", path, body)
            except RETRYABLE_TRANSPORT_ERRORS as error:
                found = self._find_created(path, external_id, error)
                if found is not None:
                    return found
                # The lookup proved that the create did not happen: send it again.
                self._wait_or_raise(
                    attempt, None, self._no_response(error, "POST", path), "POST", path
                )
                continue

            if response.is_success:
                return self._created_id(response, path)

            api_error = self._api_error(response, "POST", path)
            if response.status_code >= 500:
                found = self._find_created(path, external_id, api_error)
                if found is not None:
                    return found
            if response.status_code not in RETRYABLE_STATUSES:
                raise api_error
            self._wait_or_raise(attempt, api_error.retry_after, api_error, "POST", path)

    def _find_created(
        self, create_path: str, external_id: str, cause: Exception
    ) -> int | None:
        """Look up the contact of a create that got no clear response.

        Returns its id, or None when no contact has ``external_id``. The check
        before the create found no contact with it, so a contact found now was
        made by this create, unless another client created it in between.
        """
        lookup_path = contact_path(self.username, external_id=external_id)
        logger.info(
            "POST %s got no clear response (%s): looking up %s",
            create_path,
            _describe_cause(cause),
            lookup_path,
        )
        try:
            found = self._find_by_external_id(external_id)
        except (ApiError, NoResponseError) as error:
            raise CreateOutcomeUnknownError(
                f"got no clear response ({_describe_cause(cause)}), and looking up "
                f"{lookup_path} failed too ({error}), so the contact may or may not "
                "have been created. Get it by its external id to find out",
                method="POST",
                path=create_path,
            ) from error

        if found is not None:
            logger.info("POST %s had created contact %s", create_path, found)
        return found

    def _find_by_external_id(self, external_id: str) -> int | None:
        """Return the id of the contact with ``external_id``, or None on 404."""
        lookup_path = contact_path(self.username, external_id=external_id)
        try:
            response = self._request("GET", lookup_path)
        except NotFoundError:
            return None

        contact = self._read_document(
            response, RealtorContactDetails, "GET", lookup_path
        )
        if contact.id is None:
            raise UnexpectedResponseError(
                f"GET {lookup_path}: the contact in the response has no id"
            )

        return contact.id

    def _created_id(self, response: httpx.Response, path: str) -> int:
        messages = _response_messages(response)
        found = created_id(messages, response.headers.get("Location"))
        if found is None:
            raise UnexpectedResponseError(
                f"POST {path} returned {response.status_code} but the response names "
                "no id for the new contact, neither in a message nor in the "
                "Location header"
            )

        return found

    # Sending, retrying and reading.

    def _request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        *,
        not_found_after_lost_response: bool = False,
    ) -> httpx.Response:
        """Send an idempotent request, retrying as the retry policy allows.

        Returns the 2xx response, and raises ApiError or NoResponseError otherwise.
        With ``not_found_after_lost_response``, a 404 to a retry is returned too
        when an earlier attempt lost its response to a connection error, a
        timeout or 503, because that attempt may have taken effect.
        """
        attempt = 0
        response_lost = False
        while True:
            attempt += 1
            try:
                response = self._send(method, path, body)
            except RETRYABLE_TRANSPORT_ERRORS as error:
                self._wait_or_raise(
                    attempt, None, self._no_response(error, method, path), method, path
                )
                response_lost = True
                continue

            if response.is_success:
                return response
            if (
                response.status_code == 404
                and response_lost
                and not_found_after_lost_response
            ):
                return response

            api_error = self._api_error(response, method, path)
            if response.status_code not in RETRYABLE_STATUSES:
                raise api_error
            self._wait_or_raise(attempt, api_error.retry_after, api_error, method, path)
            # A 429 means IS24 did not handle the request, but a 503 may come
            # from a proxy after IS24 handled it.
            response_lost = response_lost or response.status_code >= 500

    def _wait_or_raise(
        self,
        attempt: int,
        retry_after: float | None,
        error: Exception,
        method: str,
        path: str,
    ) -> None:
        delay = self.retry.delay(attempt, retry_after)
        if delay is None:
            raise error

        logger.info(
            "retrying %s %s in %.2f s (attempt %d of %d) after: %s",
            method,
            path,
            delay,
            attempt + 1,
            self.retry.attempts,
            _describe_cause(error),
        )
        self._sleep(delay)

    def _send(
        self, method: str, path: str, body: bytes | None = None
    ) -> httpx.Response:
        """Send one request and log it. Transport errors pass through to the caller."""
        headers = {}
        if body is not None:
            headers["Content-Type"] = MEDIA_TYPES[self.wire_format] + ";charset=UTF-8"

        started = time.monotonic()
        try:
            response = self._http.request(method, path, content=body, headers=headers)
        except httpx.HTTPError as error:
            logger.debug(
                "%s %s -> no response (%s) in %.1f ms",
                method,
                path,
                type(error).__name__,
                _milliseconds_since(started),
            )
            raise

        logger.debug(
            "%s %s -> %d in %.1f ms",
            method,
            path,
            response.status_code,
            _milliseconds_since(started),
        )
        return response

    def _write(self, contact: RealtorContactDetails) -> bytes:
        # The contact was validated by _check_contact. lenient=True writes back
        # the unknown content kept from a response.
        if self.wire_format == "json":
            text = write_json(contact, validate=False, indent=None, lenient=True)
        else:
            text = write_xml(contact, validate=False, pretty=False, lenient=True)

        return text.encode("utf-8")

    def _read_document(
        self,
        response: httpx.Response,
        expected: type[DocumentType],
        method: str,
        path: str,
    ) -> DocumentType:
        """Read a response body into the generated class ``expected``.

        Responses are read without validation, so a stored contact that breaks a
        facet or a rule, which IS24 still returns, does not fail the call. They
        are read leniently, so content of a newer schema is kept, not rejected,
        and its paths are logged in one WARNING line.
        """
        body = response.content
        content_type = response.headers.get("Content-Type")
        reader = read_xml if document_format(body, content_type) == "xml" else read_json
        unknown: builtins.list[Problem] = []
        try:
            document = reader(
                body, validate=False, rules=False, lenient=True, warnings=unknown
            )
        except DocumentError as error:
            raise UnexpectedResponseError(
                f"{method} {path}: the response is not a readable document: {error}"
            ) from None

        if unknown:
            logger.warning(
                "%s %s: the response has %d item(s) that this package does not "
                "declare, kept as unknown content: %s",
                method,
                path,
                len(unknown),
                ", ".join(problem.path for problem in unknown),
            )

        if not isinstance(document, expected):
            raise UnexpectedResponseError(
                f"{method} {path}: expected a {expected.__name__} document, "
                f"got {type(document).__name__}"
            )

        return document

    def _api_error(self, response: httpx.Response, method: str, path: str) -> ApiError:
        messages = _response_messages(response)
        error_class = error_class_for_status(response.status_code)
        return error_class(
            response.status_code,
            messages,
            method=method,
            path=path,
            body_text="" if messages else plain_text(response.content),
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
        )

    def _no_response(
        self, error: httpx.HTTPError, method: str, path: str
    ) -> NoResponseError:
        error_class = (
            RequestTimeoutError
            if isinstance(error, httpx.TimeoutException)
            else NoResponseError
        )
        return error_class(_describe_transport_error(error), method=method, path=path)


def created_id(messages: Iterable[ResponseMessage], location: str | None) -> int | None:
    """Find the id of a created contact in IS24's response to a create.

    IS24 has put the id in the message's ``id`` (a string or a JSON number), only
    in the ``Location`` header, or only in the text "Resource [contact] with id
    [N] has been created.". They are tried in that order. Returns None when none
    of them contains an id.
    """
    messages = [*messages]
    for message in messages:
        if message.id is not None and message.id.strip().isdigit():
            return int(message.id)

    if location:
        match = _LOCATION_ID.search(urlsplit(location).path)
        if match:
            return int(match.group(1))

    for message in messages:
        match = _CREATED_TEXT_ID.search(message.text)
        if match:
            return int(match.group(1))

    return None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Return the seconds that a ``Retry-After`` header requests to wait, or None.

    The header contains either a number of seconds or an HTTP date.
    """
    if value is None or not value.strip():
        return None

    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None

    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


_BASE_URL_MEANING = (
    "'production', 'sandbox' or the base URL of an IS24 API, such as the one "
    "that `python -m is24_contact.fake_server` prints"
)


def _checked_base_url(base_url: str) -> str:
    parts = urlsplit(base_url)
    if parts.scheme == "https" and parts.hostname:
        return base_url.rstrip("/")
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return base_url.rstrip("/")

    raise ValueError(
        f"base URL {base_url!r} is not supported: use an https URL, or http only "
        "on a loopback address such as 127.0.0.1, because OAuth 1.0a needs a "
        "secure transport"
    )


def _is_loopback(hostname: str) -> bool:
    if hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


def _single_contact_path(
    username: str, contact_id: int | str | None, external_id: str | None
) -> str:
    if contact_id is None and external_id is None:
        raise ValueError("pass the contact's id or its external id")

    return contact_path(username, contact_id, external_id=external_id)


def _is_addressed(
    contact: RealtorContactDetails,
    contact_id: int | str | None,
    external_id: str | None,
) -> bool:
    if contact_id is not None:
        return contact.id is not None and str(contact.id) == str(contact_id)
    if external_id is not None:
        return contact.external_id == external_id

    return False


def _response_messages(response: httpx.Response) -> builtins.list[ResponseMessage]:
    return read_messages(response.content, response.headers.get("Content-Type"))


def _describe_transport_error(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"timed out ({type(error).__name__})"

    detail = str(error) or type(error).__name__
    return f"connection failed: {detail}"


def _describe_cause(error: Exception) -> str:
    if isinstance(error, httpx.HTTPError):
        return _describe_transport_error(error)
    if isinstance(error, ApiError):
        return f"HTTP {error.status}"

    return str(error)


def _milliseconds_since(started: float) -> float:
    return (time.monotonic() - started) * 1000
