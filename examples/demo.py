"""Read, validate and write a contact with the generated package.

Run through `python3 dev.py demo`, after `python -m codegen` regenerated it.
"""

from __future__ import annotations

from pathlib import Path

import is24_common
from is24_contact import contact_path

contact = is24_common.read_xml(Path(__file__).with_name("contact.xml"))
print(f"read {type(contact).__name__}: {contact.firstname} {contact.lastname}")
print(f"problems: {is24_common.validate(contact) or 'none'}")
print(f"resource: {contact_path(external_id=contact.external_id)}")

print("\nas XML:")
print(is24_common.write_xml(contact))
print("as JSON:")
print(is24_common.write_json(contact))

contact.phone_number_country_code = "0049"
contact.address.postcode = "2" * 21
print("\nafter setting phoneNumberCountryCode to 0049 and a 21-digit postcode:")
for problem in is24_common.validate(contact):
    print(f"  {problem}")
