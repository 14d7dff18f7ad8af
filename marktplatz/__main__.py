"""`python -m marktplatz` is the `marktplatz` command (the scheduler starts crawls this way)."""

import sys

from marktplatz.cli import main

sys.exit(main())
