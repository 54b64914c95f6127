"""Run the contact commands of ``is24_contact.cli`` as ``python -m is24_contact``."""

import sys

from is24_contact.cli import main

sys.exit(main())
