"""`marktplatz init`: create or upgrade the database schema (Alembic upgrade head); safe to run again."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.exc import OperationalError

from marktplatz.cli.app import App, CliError


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create or upgrade the database (safe to run again)",
                       description="Create the database, or upgrade it to this version's schema. Safe to run again.")
    p.set_defaults(func=cmd_init)


def cmd_init(app: App, args: argparse.Namespace) -> int:
    from marktplatz.db.migrate import current_revision, upgrade_to_head

    app.settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        before = current_revision(app.engine)
        head = upgrade_to_head(app.engine)
    except OperationalError as exc:
        raise CliError(f"cannot initialise database {app._safe_url()}: {str(exc.orig).strip()}") from exc
    if before == head:
        print(f"init: database {app._safe_url()} is up to date (schema {head})")
    else:
        print(f"init: database {app._safe_url()} {'created' if before is None else 'upgraded'} (schema {head})")
    return 0
