"""`python -m marktplatz` is the `marktplatz` command (the scheduler starts crawls this way)."""

import sys

from marktplatz.cli import main

if __name__ == "__main__":  # not when a worker process (multiprocessing's spawn) imports the main module
    sys.exit(main())
