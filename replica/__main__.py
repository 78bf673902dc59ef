"""``python -m replica``: run the replica of the MFA platform on 127.0.0.1."""

import sys

from replica.cli import main

sys.exit(main())
