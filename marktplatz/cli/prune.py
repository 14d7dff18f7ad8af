"""`marktplatz prune`: delete raw page bodies older than the retention period (default 90 days)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from marktplatz.cli.app import App


def register(sub: Any) -> None:
    p = sub.add_parser("prune", help="delete raw page bodies older than the retention period",
                       description="Delete stored raw page bodies fetched longer ago than the retention period "
                                   "([retention] raw_body_days in MARKTPLATZ_CONFIG, default 90). Listings stay.")
    p.add_argument("--days", type=int, metavar="N", help="override the retention period for this run")
    p.set_defaults(func=cmd_prune)


def cmd_prune(app: App, args: argparse.Namespace) -> int:
    from marktplatz.db.bodies import BodyStore
    from marktplatz.db.retention import prune_bodies

    days = args.days if args.days is not None else app.settings.body_retention_days
    if days < 0:
        from marktplatz.cli.app import CliError

        raise CliError("--days must be 0 or more")
    with app.transaction() as session:
        result = prune_bodies(session, BodyStore(app.settings.bodies_dir), datetime.now(UTC), days)
    print(f"prune: {result.pages} page bodies older than {days} days forgotten, {result.files} file(s) "
          f"({result.bytes / 1e6:.1f} MB) deleted")
    return 0
