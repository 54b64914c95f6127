"""Create, list, read, update and delete contacts against the fake IS24 API.

Needs the client extra (`pip install -e '.[client]'`). Run it with
`.venv/bin/python examples/client_demo.py`: it starts the fake on a free local port,
so no IS24 account and no network are needed.
"""

from __future__ import annotations

from is24_common import RealtorContactDetails
from is24_contact.client import ContactClient
from is24_contact.fake_server import FakeIS24Server


def run_operations(server: FakeIS24Server, wire_format: str) -> None:
    """Run the operations with bodies in ``wire_format`` and print the results."""
    external_id = f"crm/{wire_format} Müller"
    with ContactClient.from_env(
        server.environment(), wire_format=wire_format
    ) as client:
        contact = RealtorContactDetails(
            email="Erika.Mueller@example.com",
            lastname="Müller",
            firstname="Erika",
            external_id=external_id,
        )
        contact_id = client.create(contact)
        print(f"[{wire_format}] created contact {contact_id}")

        names = [(c.id, c.lastname) for c in client.list()]
        print(f"[{wire_format}] contacts: {names}")

        stored = client.get(external_id=external_id)
        print(f"[{wire_format}] e-mail as stored, lower-cased: {stored.email}")

        contact.position = "Geschäftsführerin"
        for message in client.update(contact, external_id=external_id):
            print(f"[{wire_format}] {message.code}: {message.text.strip()}")

        print(f"[{wire_format}] position now: {client.get(contact_id).position}")


def main() -> None:
    with FakeIS24Server() as server:
        print(f"fake IS24 API at {server.base_url}")
        run_operations(server, "xml")
        run_operations(server, "json")

        with ContactClient.from_env(server.environment()) as client:
            default_id, *other_ids = [c.id for c in client.list()]
            for contact_id in other_ids:
                for message in client.delete(contact_id):
                    print(f"{message.code}: {message.text.strip()}")
            # The first contact became the account's default contact, so
            # deleting it needs a contact to take over its listings.
            heir_id = client.create(
                RealtorContactDetails(email="heir@example.com", lastname="Erbe")
            )
            client.delete(default_id, assign_to_id=heir_id)
            print(f"contacts left: {[(c.id, c.lastname) for c in client.list()]}")


if __name__ == "__main__":
    main()
