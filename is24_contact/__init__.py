"""Hand-written code for IS24 realtor contacts, layered over the generated ``is24_common``.

The package contains the business rules that IS24's API documentation adds to the
common/1.0 schema, which the generated validators call through ``RULES``, and the paths
of the contact resource. The rules and paths do not import ``is24_common``, so they work
with classes generated from any schema snapshot.

The API client (``is24_contact.client``), its errors (``is24_contact.errors``), the
offline fake of the API (``is24_contact.fake_server``) and the command line
(``python -m is24_contact``) are not imported here: they use ``is24_common`` and the
optional dependencies of the ``client`` extra.
"""

from is24_contact.rules import (
    MAX_CONTACTS_ON_PROFILE_PAGE,
    RULES,
    check_profile_page_limit,
)
from is24_contact.urls import contact_path, external_id_segment

__all__ = [
    "MAX_CONTACTS_ON_PROFILE_PAGE",
    "RULES",
    "check_profile_page_limit",
    "contact_path",
    "external_id_segment",
]
