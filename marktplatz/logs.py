"""Logging: stderr for the operator (warnings, or more with -v) and a rotating file in the data folder.

Logs never hold page bodies: only URLs, statuses and counts are logged by our code, and Scrapy's item logging is
kept out of the file (items carry bodies).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys

from marktplatz.config import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _NoItemDumps(logging.Filter):
    """Drops Scrapy's "Scraped from ..." and "Dropped: ..." records, which print whole items (and bodies)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("scrapy.core.scraper") and record.levelno <= logging.WARNING
                    and "Scraped from" in str(record.msg))


def setup_logging(settings: Settings, verbosity: int = 0, command: str | None = None) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.DEBUG if verbosity > 1 else logging.INFO)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.DEBUG if verbosity > 1 else logging.INFO if verbosity == 1 else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    stderr.addFilter(_NoItemDumps())
    root.addHandler(stderr)
    if command not in (None, "demo"):
        try:
            settings.logs_dir.mkdir(parents=True, exist_ok=True)
            file_handler = logging.handlers.RotatingFileHandler(settings.logs_dir / "marktplatz.log",
                                                                maxBytes=10 * 1024 * 1024, backupCount=5,
                                                                encoding="utf-8")
        except OSError:
            return  # a read-only data folder must not stop a read-only command
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(logging.Formatter(FORMAT))
        file_handler.addFilter(_NoItemDumps())
        root.addHandler(file_handler)
    for noisy in ("scrapy.core.engine", "scrapy.middleware", "scrapy.crawler", "scrapy.extensions",
                  "scrapy.utils.log", "scrapy.addons", "scrapy.statscollectors", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING if verbosity < 2 else logging.DEBUG)
