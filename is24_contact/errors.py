"""Errors of the IS24 contact client, and a reader of IS24's message documents.

Every error the client raises is an ``IS24Error``::

    IS24Error
    ├── MissingCredentialsError      an environment variable with a credential is unset
    ├── ContactInvalidError          the contact was rejected before sending
    │   └── ProfilePageLimitError    it would make more than 20 profile-page contacts
    ├── ApiError                     IS24 responded with a status other than 2xx
    │   ├── ResourceValidationError  400 or 412
    │   ├── AuthenticationError      401
    │   ├── AccessDeniedError        403
    │   ├── NotFoundError            404
    │   ├── ConflictError            409
    │   │   └── ExternalIdExistsError  a create found its external id taken, sent no POST
    │   ├── RateLimitError           429
    │   └── ServerError              5xx
    ├── UnexpectedResponseError      a 2xx response whose body the client cannot read
    └── NoResponseError              no response: the connection failed or timed out
        ├── RequestTimeoutError
        └── CreateOutcomeUnknownError  a create got no response but may have succeeded

The module imports neither httpx nor authlib, so the errors and the message reader
work without the client's optional dependencies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from is24_common import (
    DocumentError,
    Limits,
    Messages,
    Problem,
    read_json,
    read_xml,
)
from is24_common.xml_mapper import parse_element

# Maximum length of the part of a plain-text error body kept in an exception message.
MAX_BODY_TEXT = 200

UTF8_BOM = b"\xef\xbb\xbf"
# Byte order marks of UTF-32 and UTF-16. Only XML may use them, because JSON
# exchanged between systems must be UTF-8.
WIDE_BOMS = (b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class ResponseMessage:
    """One message of an IS24 message document.

    ``code`` is a string, not a ``MessageCode``, so that codes IS24 adds after the
    schema snapshot still reach the caller.
    """

    code: str
    text: str
    id: str | None = None


class IS24Error(Exception):
    """Base class of every error that the IS24 contact client raises."""


class MissingCredentialsError(IS24Error):
    """Environment variables that the client reads its credentials from are unset."""

    def __init__(self, variables: Mapping[str, str]) -> None:
        self.variables = list(variables)
        settings = "; ".join(
            f"{name}: {meaning}" for name, meaning in variables.items()
        )
        super().__init__(
            f"missing environment variable(s) {', '.join(self.variables)}. "
            f"Set {settings}."
        )


class ContactInvalidError(IS24Error, ValueError):
    """The contact breaks the schema or a business rule, so it was not sent."""

    def __init__(self, problems: Iterable[Problem], action: str) -> None:
        self.problems = list(problems)
        self.action = action
        lines = [f"contact not sent to {action}: {len(self.problems)} problem(s)"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


class ProfilePageLimitError(ContactInvalidError):
    """The contact would be one too many with showOnProfilePage true."""


class ApiError(IS24Error):
    """IS24 responded with a status other than 2xx.

    Attributes:
        status: the HTTP status code.
        messages: the messages of the response's message document, empty for
            a plain-text response.
        body_text: the start of a plain-text response, or "".
        method: the HTTP method of the request.
        path: the request path below the base URL, with its query.
        retry_after: seconds from the ``Retry-After`` header, or None.
    """

    def __init__(
        self,
        status: int,
        messages: Sequence[ResponseMessage],
        *,
        method: str,
        path: str,
        body_text: str = "",
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.messages = list(messages)
        self.method = method
        self.path = path
        self.body_text = body_text
        self.retry_after = retry_after
        super().__init__(self._describe())

    @property
    def codes(self) -> list[str]:
        """The message codes of the response, in document order."""
        return [message.code for message in self.messages]

    @property
    def texts(self) -> list[str]:
        """The message texts of the response, in document order."""
        return [message.text for message in self.messages]

    def _describe(self) -> str:
        summary = f"{self.method} {self.path} failed with HTTP {self.status}"
        if self.messages:
            details = "; ".join(f"{m.code}: {m.text.strip()}" for m in self.messages)
        else:
            details = self.body_text.strip() or "(empty body)"
        return f"{summary}: {details}"


class ResourceValidationError(ApiError):
    """IS24 rejected the request body or its parameters (400 or 412)."""


class AuthenticationError(ApiError):
    """IS24 rejected the OAuth credentials or signature (401)."""


class AccessDeniedError(ApiError):
    """The access token does not allow this call for this user (403)."""


class NotFoundError(ApiError):
    """No contact, or no resource, at this path (404)."""


class ConflictError(ApiError):
    """The request conflicts with the stored contacts (409)."""


class ExternalIdExistsError(ConflictError):
    """A contact with the external id of a create exists already, so no POST was sent.

    The client raises it after its lookup of ``ext-{externalId}`` before a create.
    It is a ConflictError, so one ``except ConflictError`` also catches the 409
    that IS24 sends when another client creates the contact in between. IS24 sent
    no 409 here: ``status`` is 409 for that reason only, ``messages`` is empty,
    and ``method`` and ``path`` are those of the create that was not sent.

    Attributes:
        external_id: the external id of the contact to create.
        existing_id: the id of the contact that has this external id.
    """

    def __init__(self, external_id: str, existing_id: int, *, path: str) -> None:
        self.external_id = external_id
        self.existing_id = existing_id
        super().__init__(409, [], method="POST", path=path)

    def _describe(self) -> str:
        return (
            f"POST {self.path} not sent: a contact with external id "
            f"{self.external_id!r} already exists (id {self.existing_id}): "
            "update it instead"
        )


class RateLimitError(ApiError):
    """IS24 responded with 429 Too Many Requests, and ``retry_after`` is the wait."""


class ServerError(ApiError):
    """IS24 failed to handle the request (5xx)."""


class UnexpectedResponseError(IS24Error):
    """A 2xx response whose body is not the document the call expects."""


class NoResponseError(IS24Error):
    """The request got no response: the connection failed, broke or timed out."""

    def __init__(self, message: str, *, method: str, path: str) -> None:
        self.method = method
        self.path = path
        super().__init__(f"{method} {path}: {message}")


class RequestTimeoutError(NoResponseError):
    """The request timed out before IS24 responded."""


class CreateOutcomeUnknownError(NoResponseError):
    """A create got no response, so the contact may or may not exist now."""


_ERRORS_BY_STATUS: dict[int, type[ApiError]] = {
    400: ResourceValidationError,
    401: AuthenticationError,
    403: AccessDeniedError,
    404: NotFoundError,
    409: ConflictError,
    412: ResourceValidationError,
    429: RateLimitError,
}


def error_class_for_status(status: int) -> type[ApiError]:
    """Return the ApiError subclass for an HTTP status, or ApiError itself."""
    if status >= 500:
        return ServerError

    return _ERRORS_BY_STATUS.get(status, ApiError)


def read_messages(
    body: bytes, content_type: str | None = None
) -> list[ResponseMessage]:
    """Read the messages of an IS24 message document in XML or JSON.

    ``content_type`` is the response's Content-Type header, if any, and
    ``document_format`` picks the reader from it and the body. The generated
    readers are tried first. A document they reject, for example one with a
    message code newer than the schema, is read leniently by element and member
    names. Returns an empty list when the body is not a message document at all,
    such as the plain text that IS24 may send with 429 or 5xx.
    """
    kind = document_format(body, content_type)
    if kind == "xml":
        return _read_xml_messages(body)
    if kind == "json":
        return _read_json_messages(body)

    return []


def document_format(body: bytes, content_type: str | None = None) -> str | None:
    """Return "xml" or "json", the format of a document, or None for neither.

    A Content-Type of XML (``application/xml``, ``text/xml``, ``...+xml``) or JSON
    (``application/json``, ``...+json``) decides. Any other or no Content-Type
    leaves it to the body. A UTF-16 or UTF-32 byte order mark means XML.
    Otherwise the first byte other than whitespace, after an optional UTF-8
    byte order mark, is ``<`` for XML, ``{`` or ``[`` for JSON.
    """
    media_type = (content_type or "").partition(";")[0].strip().lower()
    if media_type.endswith(("/xml", "+xml")):
        return "xml"
    if media_type.endswith(("/json", "+json")):
        return "json"

    if body.startswith(WIDE_BOMS):
        return "xml"
    start = body.removeprefix(UTF8_BOM).lstrip()[:1]
    if start == b"<":
        return "xml"
    if start in (b"{", b"["):
        return "json"

    return None


def plain_text(body: bytes) -> str:
    """Decode a plain-text body, shortened to MAX_BODY_TEXT characters."""
    text = body.decode("utf-8", errors="replace").strip()
    if len(text) > MAX_BODY_TEXT:
        return text[:MAX_BODY_TEXT] + "..."

    return text


def _from_generated(messages: Messages) -> list[ResponseMessage]:
    # Reading without validation leaves a missing messageCode as None.
    return [
        ResponseMessage(
            "" if message.message_code is None else message.message_code.value,
            message.message or "",
            message.id,
        )
        for message in messages.message
    ]


def _read_xml_messages(body: bytes) -> list[ResponseMessage]:
    try:
        document = read_xml(body, validate=False, rules=False)
    except DocumentError:
        return _read_xml_messages_leniently(body)

    if isinstance(document, Messages):
        return _from_generated(document)

    return []


def _read_json_messages(body: bytes) -> list[ResponseMessage]:
    try:
        document = read_json(body, validate=False, rules=False)
    except DocumentError:
        return _read_json_messages_leniently(body)

    if isinstance(document, Messages):
        return _from_generated(document)

    return []


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _read_xml_messages_leniently(body: bytes) -> list[ResponseMessage]:
    # The guarded parser rejects a DTD before any entity is expanded, and
    # applies the default size and depth limits.
    try:
        root = parse_element(body, None, Limits())
    except DocumentError:
        return []

    if _local_name(root.tag) != "messages":
        return []

    messages = []
    for element in root:
        if _local_name(element.tag) != "message":
            continue

        fields = {_local_name(child.tag): (child.text or "") for child in element}
        messages.append(
            ResponseMessage(
                fields.get("messageCode", "").strip(),
                fields.get("message", ""),
                fields.get("id"),
            )
        )

    return messages


def _read_json_messages_leniently(body: bytes) -> list[ResponseMessage]:
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return []

    if not isinstance(document, dict) or len(document) != 1:
        return []

    ((key, value),) = document.items()
    if re.split(r"[.:]", key)[-1] != "messages":
        return []

    return [_lenient_message(item) for item in _json_message_objects(value)]


def _json_message_objects(value: object) -> list[dict[str, object]]:
    # IS24 writes [{"message": {...}}, ...], and "message" may itself be a list.
    wrappers = value if isinstance(value, list) else [value]
    found: list[dict[str, object]] = []
    for wrapper in wrappers:
        if not isinstance(wrapper, dict):
            continue

        inner = wrapper.get("message", [])
        for item in inner if isinstance(inner, list) else [inner]:
            if isinstance(item, dict):
                found.append(item)

    return found


def _lenient_message(item: dict[str, object]) -> ResponseMessage:
    message_id = item.get("id")
    return ResponseMessage(
        str(item.get("messageCode", "")),
        str(item.get("message", "")),
        None if message_id is None else str(message_id),
    )
