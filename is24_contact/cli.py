"""Command line for IS24 realtor contacts: create, list, get, update and delete.

    python -m is24_contact create FILE
    python -m is24_contact list
    python -m is24_contact get ID|ext-EXTERNAL_ID
    python -m is24_contact update FILE [ID|ext-EXTERNAL_ID]
    python -m is24_contact delete ID|ext-EXTERNAL_ID [--assign-to ID|ext-EXTERNAL_ID]

The credentials and the API come from environment variables: IS24_BASE_URL
("production", "sandbox" or a URL), IS24_CONSUMER_KEY, IS24_CONSUMER_SECRET,
IS24_ACCESS_TOKEN, IS24_ACCESS_TOKEN_SECRET and, optionally, IS24_USERNAME.
An external id is written as is after "ext-", and the client percent-encodes it.
The exit status is 0 on success, 1 when the call failed and 2 on a usage error.
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from is24_common import (
    DocumentError,
    RealtorContactDetails,
    RealtorContactDetailsList,
    read_json,
    read_xml,
    write_json,
    write_xml,
)
from is24_contact.client import ContactClient
from is24_contact.errors import IS24Error, ResponseMessage, document_format
from is24_contact.urls import EXTERNAL_ID_PREFIX


class UsageError(Exception):
    """A command-line argument or input file that the command cannot use."""


@dataclass(frozen=True)
class ContactReference:
    """A contact addressed on the command line by its id or by its external id."""

    contact_id: str | None = None
    external_id: str | None = None


def parse_reference(text: str) -> ContactReference:
    """Parse ``ID`` or ``ext-EXTERNAL_ID`` into a ContactReference."""
    if text.startswith(EXTERNAL_ID_PREFIX) and len(text) > len(EXTERNAL_ID_PREFIX):
        return ContactReference(external_id=text[len(EXTERNAL_ID_PREFIX) :])
    if text.isdigit():
        return ContactReference(contact_id=text)

    raise argparse.ArgumentTypeError(
        f"{text!r} is neither a numeric contact id nor ext- followed by an "
        "external id"
    )


def parse_timeout(text: str) -> float:
    """Parse the ``--timeout`` value: a finite number of seconds greater than 0."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan

    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(
            f"--timeout must be a positive number of seconds, got {text!r}"
        )

    return seconds


def read_contact_file(path: Path) -> RealtorContactDetails:
    """Read and validate a contact from an XML or JSON file.

    ``document_format`` picks the reader from the first bytes: a UTF-16 or
    UTF-32 byte order mark or ``<`` means XML, ``{`` or ``[`` means JSON. A
    file that starts with anything else is read as XML if its name ends in
    ``.xml``, else as JSON.

    Raises:
        UsageError: the file cannot be read, is not a contact document, or breaks
            the schema or a business rule. The message names the file and, for
            each problem, the path in the document.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read the file: {error.strerror}") from None

    kind = document_format(data)
    if kind is None:
        kind = "xml" if path.suffix.lower() == ".xml" else "json"
    reader = read_xml if kind == "xml" else read_json
    try:
        document = reader(data)
    except DocumentError as error:
        lines = [f"{path}: {problem}" for problem in error.problems]
        raise UsageError("\n".join(lines)) from None

    if not isinstance(document, RealtorContactDetails):
        raise UsageError(
            f"{path}: expected a realtorContactDetail document, got "
            f"{type(document).__name__}"
        )

    return document


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of ``python -m is24_contact``."""
    parser = argparse.ArgumentParser(
        prog="python -m is24_contact",
        description="Create, list, read, update and delete IS24 realtor contacts.",
        epilog=(
            "Environment: IS24_BASE_URL (production, sandbox or a URL), "
            "IS24_CONSUMER_KEY, IS24_CONSUMER_SECRET, IS24_ACCESS_TOKEN, "
            "IS24_ACCESS_TOKEN_SECRET, and IS24_USERNAME (default: me)."
        ),
    )
    parser.add_argument(
        "--format",
        choices=("xml", "json"),
        default="xml",
        help="format of the bodies sent and of the documents printed (default: xml)",
    )
    parser.add_argument(
        "--timeout",
        type=parse_timeout,
        default=30.0,
        help=(
            "seconds each connect, send and read may take, a positive number "
            "(default: 30)"
        ),
    )
    parser.add_argument(
        "--verbose", action="store_true", help="log each request to standard error"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    create = commands.add_parser("create", help="create a contact and print its id")
    create.add_argument("file", type=Path, help="the contact as an XML or JSON file")

    commands.add_parser("list", help="print all contacts")

    get = commands.add_parser("get", help="print one contact")
    get.add_argument("contact", type=parse_reference, metavar="ID|ext-EXTERNAL_ID")

    update = commands.add_parser(
        "update", help="replace a contact with the one in FILE"
    )
    update.add_argument("file", type=Path, help="the contact as an XML or JSON file")
    update.add_argument(
        "contact",
        type=parse_reference,
        nargs="?",
        metavar="ID|ext-EXTERNAL_ID",
        help="the contact to replace (default: the id, else the externalId, in FILE)",
    )

    delete = commands.add_parser("delete", help="delete a contact")
    delete.add_argument("contact", type=parse_reference, metavar="ID|ext-EXTERNAL_ID")
    delete.add_argument(
        "--assign-to",
        type=parse_reference,
        metavar="ID|ext-EXTERNAL_ID",
        help="the contact that takes over the listings (required for the default)",
    )
    return parser


def main(
    argv: list[str] | None = None, environ: Mapping[str, str] | None = None
) -> int:
    """Run one command and return the exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.verbose:
        logging.basicConfig(
            level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s"
        )

    try:
        with ContactClient.from_env(
            environ, wire_format=arguments.format, timeout=arguments.timeout
        ) as client:
            run_command(client, arguments)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 2
    except (IS24Error, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    return 0


def run_command(client: ContactClient, arguments: argparse.Namespace) -> None:
    """Run the parsed command with ``client`` and print its result."""
    output_format = arguments.format
    if arguments.command == "create":
        contact = read_contact_file(arguments.file)
        print(client.create(contact))
    elif arguments.command == "list":
        contacts = client.list()
        document = RealtorContactDetailsList(realtor_contact_details=contacts)
        print_document(document, output_format)
    elif arguments.command == "get":
        reference = arguments.contact
        contact = client.get(reference.contact_id, external_id=reference.external_id)
        print_document(contact, output_format)
    elif arguments.command == "update":
        contact = read_contact_file(arguments.file)
        reference = arguments.contact or reference_in_file(contact, arguments.file)
        print_messages(
            client.update(
                contact, reference.contact_id, external_id=reference.external_id
            )
        )
    elif arguments.command == "delete":
        reference = arguments.contact
        assign_to = arguments.assign_to or ContactReference()
        print_messages(
            client.delete(
                reference.contact_id,
                external_id=reference.external_id,
                assign_to_id=assign_to.contact_id,
                assign_to_external_id=assign_to.external_id,
            )
        )


def reference_in_file(contact: RealtorContactDetails, path: Path) -> ContactReference:
    """Address the contact to update by the id in its file, else by its externalId."""
    if contact.id is not None:
        return ContactReference(contact_id=str(contact.id))
    if contact.external_id:
        return ContactReference(external_id=contact.external_id)

    raise UsageError(
        f"{path}: the contact has neither an id nor an externalId: pass "
        "ID or ext-EXTERNAL_ID after the file"
    )


def print_document(document: object, output_format: str) -> None:
    """Print a document without validating it, because IS24 wrote it.

    Content that this package does not declare, kept from the response, is
    printed too.
    """
    if output_format == "json":
        print(write_json(document, validate=False, lenient=True))
    else:
        print(write_xml(document, validate=False, lenient=True), end="")


def print_messages(messages: list[ResponseMessage]) -> None:
    """Print IS24's messages, one per line, as CODE: text."""
    for message in messages:
        print(f"{message.code}: {message.text.strip()}")
