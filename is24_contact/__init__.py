"""Hand-written code for IS24 realtor contacts, layered over the generated ``is24_common``.

The package contains the business rules that IS24's API documentation adds to the
common/1.0 schema, which the generated validators call through ``RULES``, and the paths
of the contact resource. The API client will live here too. Nothing in this package
imports ``is24_common``, so it works with classes generated from any schema snapshot.
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
