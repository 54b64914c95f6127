"""Paths of the IS24 contact resource, relative to the API base URL.

A contact is addressed by its numeric id or by ``ext-`` followed by its external id.
IS24 requires the external id to be percent-encoded as one path segment, so a ``/`` in
it becomes ``%2F`` and does not start a new segment. Non-ASCII characters are encoded
as their UTF-8 bytes, as ``urllib.parse.quote`` does by default.
"""

from __future__ import annotations

from urllib.parse import quote

EXTERNAL_ID_PREFIX = "ext-"


def external_id_segment(external_id: str) -> str:
    """Build the path segment that addresses a contact by its external id.

    Raises:
        ValueError: if the external id is empty.
    """
    if not external_id:
        raise ValueError("external id is empty: pass the contact's externalId")

    # The whole segment is checked: "ext-." and "ext-.." are not dot-segments.
    return _quote_segment(EXTERNAL_ID_PREFIX + external_id)


def contact_path(
    username: str = "me",
    contact_id: int | str | None = None,
    *,
    external_id: str | None = None,
) -> str:
    """Build the path of a user's contact collection, or of one contact in it.

    Args:
        username: the user's login name, or "me" for the user who authorised the
            access token.
        contact_id: the contact's id, for ``.../contact/{id}``.
        external_id: the contact's external id, for ``.../contact/ext-{externalId}``.

    Raises:
        ValueError: if both ids are given, or the username, contact id or external
            id is empty.
        TypeError: if contact_id is a bool, which would otherwise pass as an int.
    """
    if contact_id is not None and external_id is not None:
        raise ValueError(
            f"both contact_id {contact_id!r} and external_id {external_id!r} given: "
            "pass only one"
        )

    if not username:
        raise ValueError("username is empty: pass the login name or 'me'")

    collection_path = f"/offer/v1.0/user/{_quote_segment(username)}/contact"
    if external_id is not None:
        return f"{collection_path}/{external_id_segment(external_id)}"

    if contact_id is None:
        return collection_path

    if isinstance(contact_id, bool):
        raise TypeError(f"contact_id {contact_id!r} is a bool: pass an int or a str")

    if contact_id == "":
        raise ValueError("contact_id is empty: pass the contact's id or None")

    return f"{collection_path}/{_quote_segment(str(contact_id))}"


def _quote_segment(value: str) -> str:
    # "." and ".." would be removed by URL normalisation and change the resource.
    if value in (".", ".."):
        raise ValueError(f"{value!r} is not allowed as a username or contact id")
    # safe="" also encodes "/", so the value stays one path segment.
    return quote(value, safe="")
