"""The change log (`marktplatz export changes`): field, old, new, when, source — opted-out traders left out."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marktplatz.db.models import ChangeRecord, Trader
from marktplatz.reports.csvfiles import csv_bytes

CSV_COLUMNS = ("id", "trader_id", "name", "field", "old", "new", "changed_at", "source_url")


def changes_between(session: Session, start: datetime | None = None, end: datetime | None = None
                    ) -> list[tuple[ChangeRecord, Trader]]:
    """Change records of visible traders with `start <= changed_at < end`, oldest first."""
    query = (select(ChangeRecord, Trader).join(Trader, Trader.id == ChangeRecord.trader_id)
             .where(Trader.opt_out.is_(False)).order_by(ChangeRecord.changed_at, ChangeRecord.id))
    if start is not None:
        query = query.where(ChangeRecord.changed_at >= start)
    if end is not None:
        query = query.where(ChangeRecord.changed_at < end)
    return [(c, t) for c, t in session.execute(query).tuples()]


def build_changes(session: Session, now: datetime, since: datetime | None) -> dict[str, Any]:
    return {
        "generated_at": now.isoformat(timespec="seconds"),
        "since": since.isoformat() if since else None,
        "changes": [{"id": c.id, "trader_id": t.id, "name": t.name, "field": c.field, "old": c.old, "new": c.new,
                     "changed_at": c.changed_at.isoformat(), "source_url": c.source_url}
                    for c, t in changes_between(session, since)],
    }


def changes_csv_bytes(changes: dict[str, Any]) -> bytes:
    """Old and new values as text: strings as they are, lists and objects as JSON."""
    return csv_bytes(CSV_COLUMNS, ([c["id"], c["trader_id"], c["name"], c["field"], _text(c["old"]),
                                    _text(c["new"]), c["changed_at"], c["source_url"]] for c in changes["changes"]))


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
